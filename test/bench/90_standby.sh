#!/bin/sh
# Benchmark of pre-checks on a hot standby, every read logged on the primary (doc/disclosure.md, hot standbys):
#   precheck(subject, domain, action) throughput on a streaming standby, its query-log worker forwarding every entry
#   to the primary (credit_gz.query_log_primary_conninfo), vs pgbench's built-in select-only (-S) on the same
#   standby                                                                                      goal: >= 0.5
# After each pre-check run the script checks that every pre-check pgbench counted has its entry on the primary,
# naming the standby (none lost). A primary and a standby of its own (initdb, pg_basebackup) in a temporary
# directory, on Unix sockets only, tuned like scripts/run-bench's cluster but smaller (two servers share the
# machine). Archive: N = 1,000,000 x BENCH_SCALE subjects (1% listed), pgbench_accounts at the same row count.
# pgbench: 2 clients, 2 threads, prepared protocol, BENCH_SECONDS each (default 10), three interleaved rounds,
# best of three per measure.
set -eu
scale=${BENCH_SCALE:-1}
n=$(awk -v s="$scale" 'BEGIN { n = int(1000000 * s); if (n < 10000) n = 10000; print n }')
pgscale=$(awk -v n="$n" 'BEGIN { s = int(n / 100000); if (s < 1) s = 1; print s }')
secs=${BENCH_SECONDS:-$(awk -v s="$scale" 'BEGIN { print (s >= 0.5) ? 10 : 4 }')}
bindir=$(pg_config --bindir)
dir=$(mktemp -d)
chmod 755 "$dir"
as_owner=""
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; as_owner="runuser -u postgres --"; fi
p1=$(( ${PGPORT:-5432} + 101 )); p2=$(( ${PGPORT:-5432} + 102 ))
cleanup() {
    rc=$?
    [ $rc = 0 ] || { echo "---- server logs"; grep -h -E "credit_gz|ERROR|WARNING" "$dir"/*.log | tail -n 20; }
    for d in "$dir/standby" "$dir/primary"; do
        [ -f "$d/postmaster.pid" ] && $as_owner "$bindir/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1
    done
    rm -rf "$dir"
}
trap cleanup EXIT
qp() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$dir" -p "$p1" -U postgres -d bench "$@"; }
qs() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$dir" -p "$p2" -U postgres -d bench "$@"; }

conf="listen_addresses = ''
unix_socket_directories = '$dir'
shared_buffers = 1GB
work_mem = 64MB
max_wal_size = 8GB
checkpoint_timeout = 30min
synchronous_commit = off
max_worker_processes = 16
shared_preload_libraries = '\$libdir/credit_gz'"
[ -n "${CREDIT_GZ_DESTDIR:-}" ] && conf="$conf
extension_destdir = '$CREDIT_GZ_DESTDIR'"

$as_owner "$bindir/initdb" -D "$dir/primary" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
printf '%s\nport = %s\n' "$conf" "$p1" >> "$dir/primary/postgresql.conf"
$as_owner "$bindir/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w start >/dev/null
createdb -h "$dir" -p "$p1" -U postgres bench
echo "archive: $n subjects; pgbench scale $pgscale; $secs s per run, 2 clients; primary and standby on this machine"
qp <<SQL
CREATE EXTENSION credit_gz;
CREATE FUNCTION public.bench_uscc(g int) RETURNS credit_gz.uscc LANGUAGE sql IMMUTABLE AS \$\$
    SELECT credit_gz.uscc_make('91440101MA' || d || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT lpad(g::text, 6, '0') AS d,
                   11 - (22 * 3 + 10 * 7 + (g / 100000 % 10) * 9 + (g / 10000 % 10) * 10
                         + (g / 1000 % 10) * 5 + (g / 100 % 10) * 8 + (g / 10 % 10) * 4 + (g % 10) * 2) % 11 AS c) x
\$\$;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('bench_court', '基准测试法院', 'benchmark court', 'judicial');
ALTER TABLE credit_gz.subject DISABLE TRIGGER USER;
INSERT INTO credit_gz.subject (subject_id, uscc, name, kind)
SELECT g, public.bench_uscc(g - 1), '基准企业' || g, 'enterprise' FROM generate_series(1, $n) g;
ALTER TABLE credit_gz.subject ENABLE TRIGGER USER;
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
SELECT g, CASE WHEN g % 200 = 0 THEN 'judgment_debtor' ELSE 'abnormal_operations' END, 'bench_court', 'BENCH-' || g
  FROM generate_series(100, $n, 100) g;
VACUUM ANALYZE credit_gz.subject;
VACUUM ANALYZE credit_gz.list_entry;
CREATE ROLE bench_forwarder LOGIN;
GRANT USAGE ON SCHEMA credit_gz TO bench_forwarder;
GRANT EXECUTE ON FUNCTION credit_gz.accept_forwarded_reads(jsonb) TO bench_forwarder;
SQL
pgbench -i -q -s "$pgscale" -n -h "$dir" -p "$p1" -U postgres bench >/dev/null 2>&1
qp -c "VACUUM ANALYZE pgbench_accounts" -c CHECKPOINT

$as_owner "$bindir/pg_basebackup" -D "$dir/standby" -h "$dir" -p "$p1" -U postgres -R -X stream >/dev/null
printf "port = %s\ncluster_name = 'bench_standby'\ncredit_gz.query_log_primary_conninfo = 'host=%s port=%s user=bench_forwarder'\n" \
    "$p2" "$dir" "$p1" >> "$dir/standby/postgresql.conf"
$as_owner "$bindir/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w start >/dev/null
[ "$(qs -c "SELECT pg_is_in_recovery()")" = t ] || { echo "the standby is not in recovery"; exit 1; }

cat > "$dir/precheck.sql" <<EOF
\set sid random(1, $n)
SELECT credit_gz.precheck(:sid::bigint, 'government_procurement', 'procurement_bid', 'bench_court');
EOF
tps() { # on the standby; the number of transactions pgbench processed goes to $dir/processed
    pgbench -n -M prepared -c 2 -j 2 -T "$secs" -h "$dir" -p "$p2" -U postgres "$@" bench 2> "$dir/err" > "$dir/out" || { cat "$dir/err" >&2; return 1; }
    awk '/actually processed/ { split($0, a, ": "); split(a[2], b, "/"); print b[1] }' "$dir/out" > "$dir/processed"
    awk '/^tps/ { print int($3); exit }' "$dir/out"
}
logged() { qp -c "SELECT count(*) FROM credit_gz.query_log WHERE answered_by = 'bench_standby'"; }
best() { [ "$1" -gt "$2" ] && echo "$1" || echo "$2"; }
pgbench -n -M prepared -c 2 -j 2 -T 2 -S -h "$dir" -p "$p2" -U postgres bench >/dev/null 2>&1
base=0; pre=0; pre_async=0; lost=0
for round in 1 2 3; do
    base=$(best "$base" "$(tps -S)")
    for mode in sync async; do
        before=$(logged)
        t=$(PGOPTIONS="-c credit_gz.query_log_mode=$mode" tps -f "$dir/precheck.sql")
        if [ $mode = sync ]; then pre=$(best "$pre" "$t"); else pre_async=$(best "$pre_async" "$t"); fi
        processed=$(cat "$dir/processed")
        # the standby's worker forwards the last batch within the flush interval; wait for the queue to drain
        i=0
        while [ "$(qs -c "SELECT coalesce(queued + reserved, 0) FROM credit_gz.query_log_queue()")" != 0 ] && [ $i -lt 200 ]; do
            sleep 0.1; i=$((i + 1))
        done
        after=$(logged)
        [ $((after - before)) -eq "$processed" ] ||
            { lost=1; echo "round $round ($mode): $processed pre-checks on the standby, $((after - before)) entries on the primary"; }
    done
done
awk -v b="$base" -v p="$pre" -v a="$pre_async" 'BEGIN {
    rp = p / b; ra = a / b;
    printf "%-52s %10s %8s %6s  %s\n", "measure (on the hot standby)", "tps", "ratio", "goal", "result";
    printf "%-52s %10d %8s %6s\n", "pgbench -S (select-only)", b, "1.00", "";
    printf "%-52s %10d %8.2f %6s  %s\n", "precheck(), logged on the primary (mode sync; goal)", p, rp, ">=0.5", (rp >= 0.5 ? "PASS" : "MISS");
    printf "%-52s %10d %8.2f %6s  %s\n", "precheck(), logged on the primary (mode async)", a, ra, "", "(same path)";
}'
echo "standby: every pre-check logged on the primary: $([ $lost = 0 ] && echo yes || echo NO)"
[ $lost = 0 ]
