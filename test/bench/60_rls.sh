#!/bin/sh
# Benchmark of row-level security on credit_gz.record as a department role: the policy form the extension ships,
# `department_code = ANY (credit_gz.my_departments())` (no sub-SELECT, which Citus refuses in policy expressions;
# my_departments() is C with a per-backend cache, called on every row the policy filters), against the form it
# replaced, `department_code = ANY ((SELECT credit_gz.my_departments())::text[])` (an init-plan: once per query),
# measured side by side in one run:                                                  goal: ratio shipped/sub-SELECT <= 1.5
#   1. a sequential scan of every record (count(*)), serial (no parallel workers), index scans off
#   2. an index scan of every record through the primary key (subject_id BETWEEN …), sequential and bitmap scans off
# For scale, the same scans by the table owner (no row-level security) and, once, with a plain SQL STABLE function
# in the policy (no cache, no sub-SELECT: what "just drop the sub-SELECT" would cost).
# N = 300,000 x BENCH_SCALE records (minimum 10,000) over N/10 subjects, half of them the role's department's, a
# tenth of the others 'authorised' (hidden from other departments). Times are server-side (clock_timestamp around
# EXECUTE), best of 3 interleaved rounds. The scans must return the same count under both forms.
# Runs inside scripts/run-bench's throwaway cluster (PG* variables set); cleans up its database.
set -eu
scale=${BENCH_SCALE:-1}
n=$(awk -v s="$scale" 'BEGIN { n = int(300000 * s); if (n < 10000) n = 10000; print n }')
nsubj=$(awk -v n="$n" 'BEGIN { print int(n / 10) }')
db=credit_gz_bench_rls
cleanup() { dropdb --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
q <<SQL
CREATE EXTENSION credit_gz;
CREATE SCHEMA bench;
CREATE FUNCTION bench.ms(stmt text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz;
BEGIN
    t0 := clock_timestamp();
    EXECUTE stmt;
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END \$\$;
-- A valid unified social credit code for 0 <= g < 10^6 and series letter L (as test/bench/40_precheck.sh makes them).
CREATE FUNCTION bench.uscc(g int, l text DEFAULT 'A') RETURNS credit_gz.uscc LANGUAGE sql IMMUTABLE AS \$\$
    SELECT credit_gz.uscc_make('91440101M' || l || d || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT lpad(g::text, 6, '0') AS d,
                   11 - (22 * 3 + (ascii(l) - 55) * 7 + (g / 100000 % 10) * 9 + (g / 10000 % 10) * 10
                         + (g / 1000 % 10) * 5 + (g / 100 % 10) * 8 + (g / 10 % 10) * 4 + (g % 10) * 2) % 11 AS c) x
\$\$;
-- the uncached form: the role_grant lookup as a SQL function, evaluated on every row the policy filters
CREATE FUNCTION bench.my_departments_sql() RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS \$\$
    SELECT coalesce(array_agg(DISTINCT g.department_code ORDER BY g.department_code), '{}')
      FROM credit_gz.role_grant g JOIN pg_catalog.pg_roles r ON r.rolname = g.role_name
     WHERE g.kind = 'department' AND pg_catalog.pg_has_role(r.oid, 'USAGE')
\$\$;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind) VALUES
    ('bench_a', '基准测试部门甲', 'benchmark department A', 'municipal'),
    ('bench_b', '基准测试部门乙', 'benchmark department B', 'municipal');
DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_rls_app') THEN CREATE ROLE bench_rls_app NOLOGIN; END IF;
END \$\$;
SELECT credit_gz.grant_department('bench_rls_app', 'bench_a');
GRANT USAGE ON SCHEMA bench TO bench_rls_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA bench TO bench_rls_app;
-- bulk load with the row triggers off: what is measured is reading, not collecting
ALTER TABLE credit_gz.subject DISABLE TRIGGER USER;
ALTER TABLE credit_gz.record DISABLE TRIGGER USER;
INSERT INTO credit_gz.subject (subject_id, uscc, name, kind)
SELECT g, bench.uscc(g - 1), '基准企业' || g, 'enterprise'
  FROM generate_series(1, $nsubj) g;
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity,
                              disclosure, status)
SELECT 1 + (g - 1) % $nsubj, 'administrative_penalty', CASE WHEN g % 2 = 0 THEN 'bench_a' ELSE 'bench_b' END,
       'BENCH-RLS-' || g, date '2024-01-01' + g % 700, 'general',
       CASE WHEN g % 20 = 1 THEN 'authorised' ELSE 'public' END, 'in_publicity'
  FROM generate_series(1, $n) g;
ALTER TABLE credit_gz.record ENABLE TRIGGER USER;
ALTER TABLE credit_gz.subject ENABLE TRIGGER USER;
VACUUM ANALYZE credit_gz.subject;
VACUUM ANALYZE credit_gz.record;
SQL

shipped=$(q -c "SELECT qual FROM pg_policies WHERE schemaname = 'credit_gz' AND tablename = 'record'
                 AND policyname = 'record_department_read'")
case "$shipped" in
    *SELECT*) echo "the shipped policy record_department_read contains a sub-SELECT: $shipped"; exit 1 ;;
esac
# today's form as it was: ANY over the init-plan's array (the cast keeps it from being read as ANY (subquery))
subselect=$(echo "$shipped" | sed -e 's/ANY (credit_gz\.my_departments())/ANY (@::text[])/g' \
                                  -e 's/credit_gz\.my_departments()/(SELECT credit_gz.my_departments())/g' \
                                  -e 's/@/(SELECT credit_gz.my_departments())/g')
uncached=$(echo "$shipped" | sed 's/credit_gz\.my_departments()/bench.my_departments_sql()/g')
policy() { q -c "ALTER POLICY record_department_read ON credit_gz.record USING ($1)"; }

seq_scan="SELECT count(*) FROM credit_gz.record"
idx_scan="SELECT count(*) FROM credit_gz.record WHERE subject_id BETWEEN 1 AND $nsubj"
# one measurement: role (app or owner), scan (seq or idx) → "ms count"
measure() {
    if [ "$2" = seq ]; then
        settings="SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;"
        stmt=$seq_scan
    else
        settings="SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;"
        stmt=$idx_scan
    fi
    [ "$1" = app ] && settings="$settings SET ROLE bench_rls_app;"
    q <<SQL
SET max_parallel_workers_per_gather = 0;
$settings
SELECT credit_gz.my_departments();
SELECT round(bench.ms(\$\$$stmt\$\$)::numeric, 1) || ' ' || ($stmt);
SQL
}
best() { awk 'NR == 1 || $1 < b { b = $1 } END { print b }'; }

: > /tmp/credit_gz_bench_rls.$$
for round in 1 2 3; do
    for form in subselect shipped; do
        [ "$form" = shipped ] && policy "$shipped" || policy "$subselect"
        for scan in seq idx; do
            measure app "$scan" | tail -1 | sed "s/^/$form $scan /" >> /tmp/credit_gz_bench_rls.$$
        done
    done
    for scan in seq idx; do
        measure owner "$scan" | tail -1 | sed "s/^/owner $scan /" >> /tmp/credit_gz_bench_rls.$$
    done
done
policy "$uncached"
for scan in seq idx; do
    measure app "$scan" | tail -1 | sed "s/^/uncached $scan /" >> /tmp/credit_gz_bench_rls.$$
done
policy "$shipped"
results=$(cat /tmp/credit_gz_bench_rls.$$)
rm -f /tmp/credit_gz_bench_rls.$$

pick() { echo "$results" | awk -v f="$1" -v s="$2" '$1 == f && $2 == s { print $3 }' | best; }
count() { echo "$results" | awk -v f="$1" -v s="$2" '$1 == f && $2 == s { print $4 }' | sort -u | paste -sd' '; }
status=0
for scan in seq idx; do
    if [ "$(count subselect $scan)" != "$(count shipped $scan)" ] || [ "$(count uncached $scan)" != "$(count shipped $scan)" ]; then
        echo "different rows under the policy forms ($scan): sub-SELECT $(count subselect $scan), shipped $(count shipped $scan), uncached $(count uncached $scan)"
        status=1
    fi
done
awk -v n="$n" -v scale="$scale" -v visible_seq="$(count shipped seq)" \
    -v os="$(pick owner seq)" -v oi="$(pick owner idx)" \
    -v ss="$(pick subselect seq)" -v si="$(pick subselect idx)" \
    -v hs="$(pick shipped seq)" -v hi="$(pick shipped idx)" \
    -v us="$(pick uncached seq)" -v ui="$(pick uncached idx)" 'BEGIN {
    printf "row-level security benchmark: N = %d records (BENCH_SCALE=%s), %s visible to the department role\n", n, scale, visible_seq
    printf "  %-44s %12s %12s\n", "", "seq scan", "index scan"
    printf "  %-44s %9.1f ms %9.1f ms\n", "owner (no row-level security)", os, oi
    printf "  %-44s %9.1f ms %9.1f ms\n", "department role, sub-SELECT (init-plan) form", ss, si
    printf "  %-44s %9.1f ms %9.1f ms\n", "department role, shipped form (C, cached)", hs, hi
    printf "  %-44s %9.1f ms %9.1f ms   (one run)\n", "department role, uncached SQL function", us, ui
    rs = hs / ss; ri = hi / si
    printf "  -> ratio shipped/sub-SELECT   seq %.3f   index %.3f   goal <= 1.50   %s\n", rs, ri,
           (rs <= 1.5 && ri <= 1.5) ? "PASS" : "FAIL"
    printf "  -> ratio uncached/sub-SELECT  seq %.1f   index %.1f   (why the function is cached)\n", us / ss, ui / si
}'
exit $status
