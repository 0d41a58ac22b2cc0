#!/bin/sh
# Benchmark of the expiry job: credit_gz.run_expiry() on an archive of N records (N = 10,000,000 x
# BENCH_SCALE) with nothing due, with 0.1% and with 1% of the records past their publicity period.
# Goals: nothing due <= 50 ms; the 1% run costs about 10x the 0.1% run (cost follows the due rows, not the archive).
# Baseline in the same run: a sequential count of the archive (what a job without due-date indexes would pay).
# The archive is generated in bulk with triggers off (session_replication_role = replica; windows filled as the
# archive trigger would), then measured with every trigger on: expiring a record runs the audit, scoring and other
# record triggers, as in production. Times are server-side; due runs are repeated (rows put back) and the median kept.
# Runs inside scripts/run-bench's throwaway cluster (PG* variables set); cleans up its database.
set -eu
scale=${BENCH_SCALE:-1}
n=$(awk -v s="$scale" 'BEGIN { n = int(10000000 * s); if (n < 10000) n = 10000; print n }')
nsubj=$(awk -v n="$n" 'BEGIN { print int(n / 4) }')
due1=$(awk -v n="$n" 'BEGIN { print int(n / 1000) }')      # 0.1%
due2=$(awk -v n="$n" 'BEGIN { print int(n / 100) }')       # 1%
db=credit_gz_bench_expiry
cleanup() { dropdb --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
t0=$(date +%s)
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

SET session_replication_role = replica;   -- bulk generation: no triggers, no FK checks
INSERT INTO credit_gz.subject (subject_id, resident_id, name, kind)
SELECT i, credit_gz.resident_id_make('440106' || to_char(date '1950-01-01' + (i % 20000)::int, 'YYYYMMDD')
                                     || lpad((i / 20000 % 1000)::text, 3, '0')), '个人' || i, 'natural_person'
  FROM generate_series(1::bigint, $nsubj) AS i;
DO \$\$ BEGIN PERFORM setval(pg_get_serial_sequence('credit_gz.subject', 'subject_id'), $nsubj); END \$\$;
-- Order 36 general penalties decided since 2026-04-01 (rule 302: repairable after 3 months, published 1 year):
-- none is due yet.
INSERT INTO credit_gz.record (record_id, subject_id, item_code, domain_code, department_code, document_no, decision_date,
                              severity, disclosure, publicity_rule_id, publish_from, repairable_from, publish_until, status)
SELECT i, 1 + (i * 40503) % $nsubj, 'administrative_penalty',
       (ARRAY['food_drug_safety','transport','construction','taxation','eco_environment','pricing','health',NULL])[1 + (i % 8)::int],
       (ARRAY['market_regulation','transport','housing','taxation','environment','development_reform','health','court'])[1 + (i % 8)::int],
       'EXP-BENCH-' || i, d, 'general', 'public', 302, d, (d + interval '3 months')::date, (d + interval '12 months')::date,
       'in_publicity'
  FROM generate_series(1::bigint, $n) AS i,
       LATERAL (SELECT (date '2026-04-01' + ((i * 7919) % greatest(credit_gz.policy_date() - date '2026-04-01', 1))::int)::date AS d) x;
DO \$\$ BEGIN PERFORM setval(pg_get_serial_sequence('credit_gz.record', 'record_id'), $n); END \$\$;
RESET session_replication_role;
VACUUM ANALYZE credit_gz.subject;
VACUUM ANALYZE credit_gz.record;

-- Put k records (spread over the archive) past their period: Order 58 general (rule 201, 3 years) decided over
-- three years ago and never expired. Triggers off: this is set-up, not measured.
CREATE FUNCTION bench.make_due(k bigint, salt bigint) RETURNS void LANGUAGE sql AS \$\$
    SET LOCAL session_replication_role = replica;
    UPDATE credit_gz.record r
       SET decision_date = d, publish_from = d, publicity_rule_id = 201, repairable_from = (d + interval '3 months')::date,
           publish_until = (d + interval '36 months')::date, status = 'in_publicity', disclosure = 'public'
      FROM (SELECT i AS record_id, (credit_gz.policy_date() - interval '36 months' - (1 + i % 300) * interval '1 day')::date AS d
              FROM generate_series(1::bigint, k) AS g(i0),
                   LATERAL (SELECT 1 + ((g.i0 * 1000003 + salt) % $n) AS i) y) s
     WHERE r.record_id = s.record_id;
\$\$;
-- Put the expired ones back as Order 36 records not yet due (set-up between measured runs).
CREATE FUNCTION bench.undo_due() RETURNS void LANGUAGE sql AS \$\$
    SET LOCAL session_replication_role = replica;
    UPDATE credit_gz.record
       SET decision_date = credit_gz.policy_date() - 30, publish_from = credit_gz.policy_date() - 30, publicity_rule_id = 302,
           repairable_from = (credit_gz.policy_date() - 30 + interval '3 months')::date,
           publish_until = (credit_gz.policy_date() - 30 + interval '12 months')::date, status = 'in_publicity', disclosure = 'public'
     WHERE status = 'expired';
\$\$;
SQL
t1=$(date +%s)
echo "# archive: $n records over $nsubj subjects, generated in $((t1 - t0)) s"

# Baseline: what a job without due-date indexes pays: one pass over the archive.
base=$(q -c "SET max_parallel_workers_per_gather = 0; SELECT round(bench.ms('SELECT count(*) FROM credit_gz.record WHERE status = ''in_publicity'' AND publish_until + 0 <= credit_gz.policy_date()')::numeric, 1)")

# Nothing due: a fresh session (plans not cached yet) and the median of 5 runs in one session.
first=$(q -c "SELECT round(bench.ms('SELECT credit_gz.run_expiry()')::numeric, 2)")
none=$(q <<'SQL'
SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 2)
  FROM (SELECT bench.ms('SELECT credit_gz.run_expiry()') AS ms FROM generate_series(1, 5)) s;
SQL
)
check=$(q -c "SELECT credit_gz.run_expiry() ->> 'records_expired'")

# k records due: in one session, a warm-up run (nothing due: plans cached), a checkpoint, make k records due
# (set-up), then the measured job: CALL run_expiry_in_batches() (commits every 2,000 rows, so the scoring triggers'
# per-subject locks stay within max_locks_per_transaction); 0.1% and 1% interleaved, three rounds, medians.
due_run() {
    k=$1 salt=$2
    q <<SQL | tail -2 | paste -sd' '
SELECT credit_gz.run_expiry() \g /dev/null
CHECKPOINT;
SELECT bench.make_due($k, $salt) \g /dev/null
SELECT extract(epoch FROM clock_timestamp()) * 1000 AS t0 \gset
CALL credit_gz.run_expiry_in_batches() \g /dev/null
SELECT round((extract(epoch FROM clock_timestamp()) * 1000 - :t0)::numeric, 1);
SELECT count(*) FROM credit_gz.record WHERE status = 'expired';
SELECT bench.undo_due() \g /dev/null
SQL
}
r1= r2=
for salt in 11 22 33; do
    r1="$r1$(due_run "$due1" "$salt")
"
    r2="$r2$(due_run "$due2" "$((salt + 1))")
"
done
m1=$(printf '%s' "$r1" | awk 'NF {print $1}' | sort -g | sed -n 2p)
m2=$(printf '%s' "$r2" | awk 'NF {print $1}' | sort -g | sed -n 2p)
x1=$(printf '%s' "$r1" | awk 'NF {print $2}' | sort -g | sed -n 2p)
x2=$(printf '%s' "$r2" | awk 'NF {print $2}' | sort -g | sed -n 2p)

# Working-day arithmetic (deadlines): the C function with its cached calendar vs the same answer in plain SQL
# (walk the days, skip weekends and holidays, keep adjusted working weekends), 20,000 calls each.
wd=$(q <<'SQL'
CREATE FUNCTION bench.add_wd_sql(d date, n int) RETURNS date LANGUAGE sql STABLE AS $f$
    SELECT x::date FROM generate_series(d + 1, d + n * 3 + 40, interval '1 day') AS x
     WHERE (extract(isodow FROM x) < 6 AND NOT EXISTS (SELECT FROM credit_gz.calendar c WHERE c.day = x::date AND c.kind = 'holiday'))
        OR EXISTS (SELECT FROM credit_gz.calendar c WHERE c.day = x::date AND c.kind = 'workday')
     ORDER BY x OFFSET n - 1 LIMIT 1 $f$;
SELECT count(*) FROM generate_series(1, 2000) i
 WHERE credit_gz.add_working_days(date '2025-01-01' + i % 700, 1 + i % 10) <> bench.add_wd_sql(date '2025-01-01' + i % 700, 1 + i % 10);
SELECT round(bench.ms('SELECT count(credit_gz.add_working_days(date ''2025-01-01'' + i % 700, 1 + i % 10)) FROM generate_series(1, 20000) i')::numeric, 1);
SELECT round(bench.ms('SELECT count(bench.add_wd_sql(date ''2025-01-01'' + i % 700, 1 + i % 10)) FROM generate_series(1, 20000) i')::numeric, 1);
SQL
)
wd_diff=$(printf '%s\n' "$wd" | sed -n 1p)
wd_c=$(printf '%s\n' "$wd" | sed -n 2p)
wd_sql=$(printf '%s\n' "$wd" | sed -n 3p)

awk -v n="$n" -v base="$base" -v first="$first" -v none="$none" -v m1="$m1" -v m2="$m2" -v d1="$due1" -v d2="$due2" \
    -v x1="$x1" -v x2="$x2" -v check="$check" -v wd_c="$wd_c" -v wd_sql="$wd_sql" -v wd_diff="$wd_diff" 'BEGIN {
    printf "%-44s %12s %10s %s\n", "run_expiry on " n " records", "ms", "vs scan", "goal";
    printf "%-44s %12.1f %10s\n", "baseline: sequential pass over the archive", base, "1.00";
    printf "%-44s %12.2f %10.4f %s\n", "nothing due, first call in a session", first, first / base, "";
    printf "%-44s %12.2f %10.4f %s (%s expired)\n", "nothing due (median of 5)", none, none / base, (none <= 50 ? "PASS <= 50 ms" : "MISS > 50 ms"), check;
    printf "%-44s %12.1f %10.4f (%d expired)\n", "0.1% due (" d1 " records, median of 3)", m1, m1 / base, x1;
    printf "%-44s %12.1f %10.4f (%d expired)\n", "1% due (" d2 " records, median of 3)", m2, m2 / base, x2;
    r = m2 / m1;
    printf "%-44s %12.1f %10s %s\n", "ratio 1% / 0.1%", r, "", (r >= 5 && r <= 20 ? "PASS (about 10x)" : "MISS (not about 10x)");
    printf "%-44s %12.3f\n", "ms per expired record at 1%", m2 / d2;
    printf "%-44s %12s %10s\n", "add_working_days, 20,000 calls", "ms", "vs SQL";
    printf "%-44s %12.1f %10.2f\n", "baseline: plain SQL day walk", wd_sql, 1;
    printf "%-44s %12.1f %10.3f %s\n", "C, cached calendar", wd_c, wd_c / wd_sql, (wd_diff == 0 ? "same answers" : "MISS: " wd_diff " answers differ");
}'
