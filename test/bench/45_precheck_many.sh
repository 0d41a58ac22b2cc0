#!/bin/sh
# Benchmark of the batch pre-check, measured side by side in one run on the same cluster:
#   precheck_many(100 subject ids, domain, action, department) in one statement vs the same 100 subjects checked by
#   100 precheck() calls (one statement each, as a tender office's client would send them), both logged (one
#   credit_gz.query_log entry per subject).                                                           goal: >= 5x
#   Printed for the default synchronous query log (the goal) and for the asynchronous one (for comparison); the
#   code form (precheck_many(codes) vs precheck(code)) is printed beside it.
# Archive: 100,000 x BENCH_SCALE subjects, 2 in every 100 listed as 失信被执行人 (so each list of 100 has 2 listed
# bidders, whose answers take the full query and write feedback). pgbench: 1 client, prepared protocol,
# BENCH_SECONDS each (default 10), three interleaved rounds, best of three; a transaction checks one list of 100
# consecutive subjects drawn at random, so both sides read the same kind of list.
# Runs inside scripts/run-bench's throwaway cluster (PG* variables set); cleans up its database.
set -eu
scale=${BENCH_SCALE:-1}
n=$(awk -v s="$scale" 'BEGIN { n = int(100000 * s); if (n < 10000) n = 10000; print n }')
secs=${BENCH_SECONDS:-$(awk -v s="$scale" 'BEGIN { print (s >= 0.5) ? 10 : 4 }')}
lists=$((n / 100 - 1))
db=credit_gz_bench_precheck_many
dir=$(mktemp -d)
chmod 755 "$dir"
cleanup() { rm -rf "$dir"; dropdb --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
echo "archive: $n subjects (2% listed); lists of 100; $secs s per run, 1 client"
q <<SQL
CREATE EXTENSION credit_gz;
CREATE SCHEMA bench;
-- A valid unified social credit code for 0 <= g < 10^6 (as test/bench/40_precheck.sh makes them).
CREATE FUNCTION bench.uscc(g int, l text DEFAULT 'A') RETURNS credit_gz.uscc LANGUAGE sql IMMUTABLE AS \$\$
    SELECT credit_gz.uscc_make('91440101M' || l || d || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT lpad(g::text, 6, '0') AS d,
                   11 - (22 * 3 + (ascii(l) - 55) * 7 + (g / 100000 % 10) * 9 + (g / 10000 % 10) * 10
                         + (g / 1000 % 10) * 5 + (g / 100 % 10) * 8 + (g / 10 % 10) * 4 + (g % 10) * 2) % 11 AS c) x
\$\$;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('bench_court', '基准测试法院', 'benchmark court', 'judicial'),
       ('bench_tender', '基准测试招标办', 'benchmark tender office', 'municipal') ON CONFLICT DO NOTHING;
ALTER TABLE credit_gz.subject DISABLE TRIGGER USER;
INSERT INTO credit_gz.subject (subject_id, uscc, name, kind)
SELECT g, bench.uscc(g - 1), '基准企业' || g, 'enterprise' FROM generate_series(1, $n) g;
ALTER TABLE credit_gz.subject ENABLE TRIGGER USER;
INSERT INTO credit_gz.subject_uscc (uscc, subject_id) SELECT s.uscc, s.subject_id FROM credit_gz.subject s
    ON CONFLICT DO NOTHING;
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
SELECT g, 'judgment_debtor', 'bench_court', 'BENCH-' || g FROM generate_series(50, $n, 50) g;
-- the codes of a list of 100, for the code form
CREATE FUNCTION bench.codes(base int) RETURNS text[] LANGUAGE sql STABLE AS \$\$
    SELECT array_agg(s.uscc::text ORDER BY s.subject_id) FROM credit_gz.subject s
     WHERE s.subject_id BETWEEN base * 100 + 1 AND base * 100 + 100
\$\$;
SQL
q -c "VACUUM ANALYZE credit_gz.subject" -c "VACUUM ANALYZE credit_gz.list_entry" -c "VACUUM ANALYZE credit_gz.subject_uscc"

# 100 single calls: one statement per subject of the list
{
    echo "\\set base random(0, $lists)"
    for k in $(seq 1 100); do
        echo "SELECT credit_gz.precheck((:base * 100 + $k)::bigint, 'construction', 'tender_bid', 'bench_tender');"
    done
} > "$dir/single.sql"
echo "\\set base random(0, $lists)
SELECT count(*) FROM credit_gz.precheck_many(ARRAY(SELECT generate_series(:base * 100 + 1, :base * 100 + 100))::bigint[],
                                             'construction', 'tender_bid', 'bench_tender');" > "$dir/many.sql"
{
    echo "\\set base random(0, $lists)"
    for k in $(seq 1 100); do
        echo "SELECT credit_gz.precheck((SELECT s.uscc::text FROM credit_gz.subject s WHERE s.subject_id = :base * 100 + $k), 'construction', 'tender_bid', 'bench_tender');"
    done
} > "$dir/single_code.sql"
echo "\\set base random(0, $lists)
SELECT count(*) FROM credit_gz.precheck_many(bench.codes(:base), 'construction', 'tender_bid', 'bench_tender');" > "$dir/many_code.sql"

# tps of one script; the number of transactions processed goes to $dir/processed
tps() {
    pgbench -n -M prepared -c 1 -j 1 -T "$secs" "$@" "$db" 2>/dev/null > "$dir/out"
    awk '/actually processed/ { split($0, a, ": "); split(a[2], b, "/"); print b[1] }' "$dir/out" > "$dir/processed"
    awk '/^tps/ { printf "%.2f\n", $3; exit }' "$dir/out"
}
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b) ? a : b }'; }
logged() { q -c "SELECT count(*) FROM credit_gz.query_log"; }
async="-c credit_gz.query_log_mode=async"
pgbench -n -M prepared -c 1 -j 1 -T 2 -f "$dir/many.sql" "$db" >/dev/null 2>&1
single=0; many=0; single_a=0; many_a=0; single_c=0; many_c=0; unlogged=0
for round in 1 2 3; do
    before=$(logged)
    single=$(best "$single" "$(tps -f "$dir/single.sql")")
    [ $(( $(logged) - before )) -eq $(( $(cat "$dir/processed") * 100 )) ] || unlogged=1
    before=$(logged)
    many=$(best "$many" "$(tps -f "$dir/many.sql")")
    [ $(( $(logged) - before )) -eq $(( $(cat "$dir/processed") * 100 )) ] || unlogged=1
    single_a=$(best "$single_a" "$(PGOPTIONS="$async" tps -f "$dir/single.sql")")
    many_a=$(best "$many_a" "$(PGOPTIONS="$async" tps -f "$dir/many.sql")")
    single_c=$(best "$single_c" "$(tps -f "$dir/single_code.sql")")
    many_c=$(best "$many_c" "$(tps -f "$dir/many_code.sql")")
done
awk -v s="$single" -v m="$many" -v sa="$single_a" -v ma="$many_a" -v sc="$single_c" -v mc="$many_c" 'BEGIN {
    printf "%-52s %12s %8s %6s  %s\n", "measure (lists of 100 per second)", "lists/s", "ratio", "goal", "result";
    printf "%-52s %12.2f %8s %6s\n", "100 x precheck(subject_id), query log sync", s, "1.00", "";
    printf "%-52s %12.2f %8.2f %6s  %s\n", "precheck_many(100 subject ids), query log sync", m, m / s, ">=5", (m / s >= 5 ? "PASS" : "MISS");
    printf "%-52s %12.2f %8s %6s\n", "100 x precheck(subject_id), query log async", sa, "1.00", "";
    printf "%-52s %12.2f %8.2f %6s  %s\n", "precheck_many(100 subject ids), query log async", ma, ma / sa, "", "(for comparison)";
    printf "%-52s %12.2f %8s %6s\n", "100 x precheck(code), query log sync", sc, "1.00", "";
    printf "%-52s %12.2f %8.2f %6s  %s\n", "precheck_many(100 codes), query log sync", mc, mc / sc, "", "(for comparison)";
}'
echo "synchronous runs: every pre-check logged: $([ $unlogged = 0 ] && echo yes || echo NO)"
