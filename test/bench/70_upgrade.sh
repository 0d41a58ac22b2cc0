#!/bin/sh
# Benchmark of ALTER EXTENSION credit_gz UPDATE from the oldest release on a large archive: CREATE EXTENSION at that
# version (release/credit_gz--<from>.sql), an archive of N records (N = 30,000,000 x BENCH_SCALE) over N/4 subjects
# with their code and document lookups and an audit log of one row per subject, bulk-generated with triggers off
# (session_replication_role = replica); then the UPDATE, timed, and the locks it holds at its end (pg_locks of its
# own transaction before COMMIT): what a site's archive waits for while it runs.
# Runs inside scripts/run-bench's throwaway cluster (PG* variables set); cleans up its database.
set -eu
cd "$(dirname "$0")/../.."
scale=${BENCH_SCALE:-1}
n=$(awk -v s="$scale" 'BEGIN { n = int(30000000 * s); if (n < 10000) n = 10000; print n }')
nsubj=$(awk -v n="$n" 'BEGIN { print int(n / 4) }')
from=$(ls release/credit_gz--*.sql | sed 's/^release\/credit_gz--\(.*\)\.sql$/\1/' | sort -V | head -1)
to=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" credit_gz.control)
db=credit_gz_bench_upgrade
cleanup() { dropdb --if-exists "$db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
t0=$(date +%s)
q <<SQL
CREATE EXTENSION credit_gz VERSION '$from';
SET session_replication_role = replica;   -- bulk generation: no triggers, no FK checks
INSERT INTO credit_gz.subject (subject_id, resident_id, name, kind)
SELECT i, credit_gz.resident_id_make('440106' || to_char(date '1950-01-01' + (i % 20000)::int, 'YYYYMMDD')
                                     || lpad((i / 20000 % 1000)::text, 3, '0')), '个人' || i, 'natural_person'
  FROM generate_series(1::bigint, $nsubj) AS i;
INSERT INTO credit_gz.subject_resident_id (resident_id, subject_id) SELECT resident_id, subject_id FROM credit_gz.subject;
DO \$\$ BEGIN PERFORM setval(pg_get_serial_sequence('credit_gz.subject', 'subject_id'), $nsubj); END \$\$;
INSERT INTO credit_gz.record (record_id, subject_id, item_code, domain_code, department_code, document_no, decision_date,
                              severity, disclosure, publicity_rule_id, publish_from, repairable_from, publish_until, status)
SELECT i, 1 + (i * 40503) % $nsubj, 'administrative_penalty', 'food_drug_safety', 'market_regulation',
       'UPG-BENCH-' || i, d, 'general', 'public', 302, d, (d + interval '3 months')::date, (d + interval '12 months')::date,
       'in_publicity'
  FROM generate_series(1::bigint, $n) AS i, LATERAL (SELECT date '2026-04-01' + (i % 200)::int AS d) x;
INSERT INTO credit_gz.record_document (department_code, document_no, subject_id, record_id)
SELECT department_code, document_no, subject_id, record_id FROM credit_gz.record;
DO \$\$ BEGIN PERFORM setval(pg_get_serial_sequence('credit_gz.record', 'record_id'), $n); END \$\$;
INSERT INTO credit_gz.audit_log (subject_id, table_name, row_key, action, new_row, actor, role_name, xid, at)
SELECT subject_id, 'credit_gz.subject', subject_id::text, 'INSERT', jsonb_build_object('name', name), 'bench', 'bench',
       '1'::xid8, now() FROM credit_gz.subject;
RESET session_replication_role;
VACUUM ANALYZE;
SQL
echo "# $from installed and filled: $n records over $nsubj subjects in $(( $(date +%s) - t0 )) s"
echo "# database size $(q -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"

q > /tmp/credit_gz_bench_upgrade.$$ <<'SQL'
BEGIN;
SELECT clock_timestamp() AS t0 \gset
ALTER EXTENSION credit_gz UPDATE;
SELECT 'update_ms ' || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000);
-- tables only (indexes and sequences follow their table), the strongest lock first: what readers and writers of the
-- archive wait for
SELECT 'lock ' || l.mode || ' ' || l.relation::regclass::text
  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
 WHERE l.pid = pg_backend_pid() AND l.granted AND l.locktype = 'relation' AND c.relkind IN ('r', 'p')
 ORDER BY array_position(ARRAY['AccessExclusiveLock', 'ExclusiveLock', 'ShareRowExclusiveLock', 'ShareLock',
                               'ShareUpdateExclusiveLock', 'RowExclusiveLock', 'RowShareLock', 'AccessShareLock'],
                         l.mode::text), 1;
SELECT 'locks_by_mode ' || l.locktype || ' ' || l.mode || ' ' || count(*)
  FROM pg_locks l WHERE l.pid = pg_backend_pid() AND l.granted GROUP BY l.locktype, l.mode ORDER BY 1;
COMMIT;
SQL
ms=$(sed -n 's/^update_ms //p' /tmp/credit_gz_bench_upgrade.$$)
echo "ALTER EXTENSION credit_gz UPDATE ($from -> $to) on $n records: $ms ms"
echo "# table locks held at its end (kept until COMMIT), strongest first:"
sed -n 's/^lock /#   /p' /tmp/credit_gz_bench_upgrade.$$ | grep -v -e ' pg_toast\.' -e ' pg_[a-z_]*$' | head -60
echo "# locks by kind and mode:"
sed -n 's/^locks_by_mode /#   /p' /tmp/credit_gz_bench_upgrade.$$
rm -f /tmp/credit_gz_bench_upgrade.$$
[ "$(q -c "SELECT extversion FROM pg_extension WHERE extname = 'credit_gz'")" = "$to" ] || { echo "not updated to $to"; exit 1; }
