#!/bin/sh
# The asynchronous query log (credit_gz.query_log_mode = async, doc/disclosure.md), end to end:
#   in the suite's cluster (credit_gz preloaded by scripts/run-suite): entries of a department role's pre-checks
#   arrive with the reader's role, session role, department and transaction time; they are queued at read time, so
#   a rolled-back transaction or savepoint keeps them (a rolled-back credit report too); only superusers may
#   choose the mode;
#   in a private cluster with a 16-slot queue: a transaction reading more than the queue holds writes the rest
#   synchronously (fallback, counted), and entries still queued at a clean restart are written before shutdown;
#   in a private cluster without preloading: async behaves as sync.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
db=credit_gz_qlasync
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else notok "$1 (got '$2', expected '$3')"; fi; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
pre() { echo "SELECT (credit_gz.precheck($1::bigint, 'government_procurement', 'procurement_bid') ->> 'verdict') IS NOT NULL;"; }

setup() {
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
    createdb "$db"
    q <<'SQL'
CREATE EXTENSION credit_gz;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_qla_dept', '异步日志测试部门', 'async log test department', 'judicial');
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 't_qla_app') THEN CREATE ROLE t_qla_app NOLOGIN; END IF;
END $$;
SELECT credit_gz.grant_department('t_qla_app', 't_qla_dept');
SQL
}

# ---- part 2 and 3: private clusters (called through pg_virtualenv below) -----------------------------------------
if [ "${1:-}" = "small-queue" ]; then
    setup
    check "private cluster: async in effect with a 16-slot queue" \
        "$(q -c "SET credit_gz.query_log_mode = async" -c "SELECT mode || ' ' || queue_size FROM credit_gz.query_log_queue()")" \
        "async 16"
    # 20 reads in one transaction: 16 slots reserved, 4 written at once, in the transaction
    out=$(q <<SQL
SET credit_gz.query_log_mode = async;
BEGIN;
SET LOCAL ROLE t_qla_app;
SELECT bool_and((credit_gz.precheck(g::bigint, 'government_procurement', 'procurement_bid') ->> 'verdict') IS NOT NULL)
  FROM generate_series(5001, 5020) g;
RESET ROLE;
SELECT count(*) FROM credit_gz.query_log WHERE subject_id BETWEEN 5001 AND 5020;
COMMIT;
SELECT credit_gz.flush_query_log();
SELECT count(*) FROM credit_gz.query_log WHERE subject_id BETWEEN 5001 AND 5020 AND role_name = 't_qla_app'
   AND department_code = 't_qla_dept';
SELECT fallback_sync_inserts FROM credit_gz.query_log_queue();
SQL
)
    check "queue full: the reads beyond 16 slots are written synchronously, in the transaction" \
        "$(echo "$out" | sed -n 2p)" 4
    check "queue full: all 20 entries arrive, none dropped" "$(echo "$out" | sed -n 4p)" 20
    check "queue full: the fallbacks are counted" "$(echo "$out" | sed -n 5p)" 4

    # a long flush interval keeps entries queued; a clean (fast) restart must write them before shutting down
    q -c "ALTER SYSTEM SET credit_gz.query_log_flush_interval = '10min'" -c "SELECT pg_reload_conf()" >/dev/null
    # let the idle worker exit, so that the next one starts with the new interval
    for i in 1 2 3 4 5 6 7 8 9 10; do
        [ "$(q -c "SELECT worker_pid IS NULL FROM credit_gz.query_log_queue()")" = t ] && break
        sleep 1
    done
    q -c "SET credit_gz.query_log_mode = async" -c "SET ROLE t_qla_app" -c "$(pre 6001)" -c "$(pre 6002)" >/dev/null
    check "before restart: the two entries are queued, not yet written" \
        "$(q -c "SELECT queued || ' ' || (SELECT count(*) FROM credit_gz.query_log WHERE subject_id IN (6001, 6002))
                   FROM credit_gz.query_log_queue()")" "2 0"
    # stop, then start (restart would ask the port whether the cluster runs; stop and start go by the pid file)
    pg_ctlcluster "$PGVERSION" regress stop -m fast
    pg_ctlcluster "$PGVERSION" regress start
    check "after a clean restart: the queued entries were written" \
        "$(q -c "SELECT count(*) FROM credit_gz.query_log WHERE subject_id IN (6001, 6002) AND role_name = 't_qla_app'")" 2
    dropdb "$db"
    exit $fail
fi
if [ "${1:-}" = "not-preloaded" ]; then
    setup
    out=$(q <<SQL
SET credit_gz.query_log_mode = async;
SELECT mode || ' ' || requested_mode || ' ' || preloaded FROM credit_gz.query_log_queue();
BEGIN;
SET LOCAL ROLE t_qla_app;
$(pre 7001)
RESET ROLE;
SELECT count(*) FROM credit_gz.query_log WHERE subject_id = 7001;
COMMIT;
SQL
)
    check "not preloaded: async requested, sync in effect" "$(echo "$out" | sed -n 1p)" "sync async false"
    check "not preloaded: the entry is written in the reader's transaction" "$(echo "$out" | sed -n 3p)" 1
    dropdb "$db"
    exit $fail
fi

# ---- part 1: the suite's cluster ----------------------------------------------------------------------------------
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
setup
if [ "$(q -c "SELECT preloaded FROM credit_gz.query_log_queue()")" != t ]; then
    notok "credit_gz is not in shared_preload_libraries of the suite's cluster (scripts/run-suite)"
    exit 1
fi

check "sync is the default" "$(q -c "SELECT mode FROM credit_gz.query_log_queue()")" sync
check "a non-superuser cannot choose the mode" \
    "$(q -c "SET ROLE t_qla_app" -c "DO \$\$ BEGIN SET credit_gz.query_log_mode = sync;
            EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'refused'; END \$\$" 2>&1 | grep -c refused)" 1

out=$(q <<SQL
SET credit_gz.query_log_mode = async;
SELECT mode FROM credit_gz.query_log_queue();
BEGIN;
SET LOCAL ROLE t_qla_app;
$(pre 1001)
RESET ROLE;
SELECT queued + flushed >= 1 FROM credit_gz.query_log_queue();
CREATE TEMP TABLE t_when AS SELECT now() AS at;
COMMIT;
SELECT credit_gz.flush_query_log();
SELECT role_name || ' ' || session_role || ' ' || department_code || ' ' || via || ' ' || audience || ' '
       || (at = (SELECT at FROM t_when))::text || ' ' || purpose || ' ' || domain_code || ' ' || verdict
  FROM credit_gz.query_log WHERE subject_id = 1001;
SELECT flushed >= 1 AND worker_pid IS NOT NULL FROM credit_gz.query_log_queue();
SQL
)
check "async is in effect when preloaded" "$(echo "$out" | sed -n 1p)" async
check "async: the entry is queued at read time, before the reader commits" "$(echo "$out" | sed -n 3p)" t
check "async: after commit the entry arrives with role, session role, department, time, purpose, domain and verdict" \
    "$(echo "$out" | sed -n 5p)" \
    "t_qla_app $(q -c "SELECT session_user") t_qla_dept precheck government true precheck: government_procurement/procurement_bid government_procurement no_record"
check "query_log_queue() shows the flush and the worker" "$(echo "$out" | sed -n 6p)" t

out=$(q <<SQL
SET credit_gz.query_log_mode = async;
BEGIN;
SET LOCAL ROLE t_qla_app;
$(pre 1002)
ROLLBACK;
BEGIN;
SET LOCAL ROLE t_qla_app;
SAVEPOINT a;
$(pre 1003)
ROLLBACK TO SAVEPOINT a;
SAVEPOINT b;
$(pre 1004)
RELEASE SAVEPOINT b;
COMMIT;
SELECT credit_gz.flush_query_log();
SELECT string_agg(subject_id::text, ',' ORDER BY subject_id) FROM credit_gz.query_log WHERE subject_id BETWEEN 1002 AND 1004;
SELECT reserved FROM credit_gz.query_log_queue();
SQL
)
check "async: the reads of a rolled-back transaction and of a rolled-back savepoint stay logged, as a released one's" \
    "$(echo "$out" | sed -n 5p)" 1002,1003,1004
check "async: no slot stays reserved" "$(echo "$out" | sed -n 6p)" 0

# reports and labels log through credit_gz.log_read(): queued in async mode like a pre-check's entry, as are reads
# by a code of no subject (credit_gz.log_unknown_code_read, routed by the worker to unknown_code_read_log); what the
# queue cannot carry as it is (a via the table rejects) is written at once, where the table judges it
q -c "INSERT INTO credit_gz.subject (subject_id, resident_id, name)
      VALUES (1191, credit_gz.resident_id_make('44010619800101123'), '异步报告测试个人')" >/dev/null
out=$(q <<SQL
SET credit_gz.query_log_mode = async;
BEGIN;
SET LOCAL ROLE t_qla_app;
SELECT (credit_gz.credit_report(1191, 'government', 'async report test') ->> 'found')
       || ' ' || (SELECT count(*) FROM (SELECT credit_gz.log_unknown_code_read('91440101MA5TQLA01X', 'report',
                                                                            'async report, no subject')) x);
SELECT credit_gz.precheck('440106199001011235', 'government_procurement', 'procurement_bid') ->> 'verdict';
RESET ROLE;
SELECT (SELECT count(*) FROM credit_gz.query_log WHERE subject_id = 1191) || ' '
       || (SELECT count(*) FROM credit_gz.unknown_code_read_log
            WHERE code IN ('91440101MA5TQLA01X', '440106199001011235'));
COMMIT;
SELECT credit_gz.flush_query_log();
SELECT role_name || ' ' || department_code || ' ' || via || ' ' || audience || ' ' || purpose
  FROM credit_gz.query_log WHERE subject_id = 1191;
SELECT string_agg(code || ' ' || role_name || ' ' || department_code || ' ' || via || ' ' || purpose || ' '
                  || coalesce(domain_code || ' ' || verdict, '-'), '; ' ORDER BY code)
  FROM credit_gz.unknown_code_read_log WHERE code IN ('91440101MA5TQLA01X', '440106199001011235');
SELECT count(*) FROM credit_gz.query_log WHERE purpose = 'async report, no subject';
SQL
)
check "async: a report runs (its subject found)" "$(echo "$out" | sed -n 1p)" "true 1"
check "async: a pre-check by a code not on file answers no_record" "$(echo "$out" | sed -n 2p)" "no_record"
check "async: after commit the report's entry arrives with role, department, via, audience and purpose" \
    "$(echo "$out" | sed -n 5p)" "t_qla_app t_qla_dept report government async report test"
check "async: the worker writes reads by codes of no subject to unknown_code_read_log, keyed by the code" \
    "$(echo "$out" | sed -n 6p)" \
    "440106199001011235 t_qla_app t_qla_dept precheck precheck: government_procurement/procurement_bid government_procurement no_record; 91440101MA5TQLA01X t_qla_app t_qla_dept report async report, no subject -"
check "async: ... and not to query_log" "$(echo "$out" | sed -n 7p)" 0

# a credit report read and then rolled back: in async mode the entry was queued when the report was built and is
# written all the same; in sync mode it is part of the reader's transaction and goes with it (doc/disclosure.md)
rolled_back() {
    q <<SQL | tail -1
SET credit_gz.query_log_mode = $1;
BEGIN;
SET LOCAL ROLE t_qla_app;
SELECT credit_gz.credit_report(1191, 'government', 'rolled back, $1') ->> 'found';
ROLLBACK;
SELECT credit_gz.flush_query_log();
SELECT count(*) FROM credit_gz.query_log
 WHERE subject_id = 1191 AND purpose = 'rolled back, $1' AND role_name = 't_qla_app' AND via = 'report';
SQL
}
check "async: a credit report read in a transaction rolled back is in the log after the worker flushes" \
    "$(rolled_back async)" 1
check "sync: the same read rolled back takes its entry with it" "$(rolled_back sync)" 0
check "async: a via the table rejects fails in the caller's statement (23514)" \
    "$(q -c "SET credit_gz.query_log_mode = async" \
         -c "DO \$\$ BEGIN PERFORM credit_gz.log_read(1191, 'bogus', 'x');
             EXCEPTION WHEN check_violation THEN RAISE NOTICE 'rejected'; END \$\$" 2>&1 | grep -c rejected)" 1
check "async: ... and nothing of it is queued" "$(q -c "SELECT queued + reserved FROM credit_gz.query_log_queue()")" 0

# the department is cached per role in each backend; a new grant must reset the cache (role_grant_changed)
out=$(q <<SQL
DO \$\$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 't_qla_app2') THEN CREATE ROLE t_qla_app2 NOLOGIN; END IF;
END \$\$;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_qla_dept2', '异步日志测试部门二', 'second async log test department', 'judicial');
SELECT credit_gz.grant_department('t_qla_app2', 't_qla_dept');
SET credit_gz.query_log_mode = async;
SET ROLE t_qla_app2;
$(pre 1101)
RESET ROLE;
SELECT credit_gz.grant_department('t_qla_app2', 't_qla_dept2');
SET ROLE t_qla_app2;
SELECT credit_gz.precheck(1102::bigint, 'government_procurement', 'procurement_bid', 't_qla_dept2') IS NOT NULL;
RESET ROLE;
SET credit_gz.query_log_mode = sync;
SET ROLE t_qla_app2;
SELECT credit_gz.precheck(1103::bigint, 'government_procurement', 'procurement_bid', 't_qla_dept2') IS NOT NULL;
RESET ROLE;
DELETE FROM credit_gz.role_grant WHERE role_name = 't_qla_app2' AND department_code = 't_qla_dept2';
SET ROLE t_qla_app2;
$(pre 1104)
RESET ROLE;
SELECT credit_gz.flush_query_log();
SELECT string_agg(subject_id || ':' || coalesce(department_code, '-'), ',' ORDER BY subject_id)
  FROM credit_gz.query_log WHERE subject_id BETWEEN 1101 AND 1104;
SQL
)
check "department: one grant, then two (the one named is logged), then one again; async and sync alike" \
    "$(echo "$out" | tail -1)" "1101:t_qla_dept,1102:t_qla_dept2,1103:t_qla_dept2,1104:t_qla_dept"
# the worker writes a batch directly (table_multi_insert): log_id follows the order in which the reads committed
out=$(q <<SQL
SET credit_gz.query_log_mode = async;
SET ROLE t_qla_app;
$(pre 1203)
$(pre 1201)
$(pre 1202)
RESET ROLE;
SELECT credit_gz.flush_query_log();
SELECT string_agg(subject_id::text, ',' ORDER BY log_id) FROM credit_gz.query_log WHERE subject_id BETWEEN 1201 AND 1203;
SQL
)
check "direct write: log_id in commit order" "$(echo "$out" | tail -1)" "1203,1201,1202"

# a query_log the direct write does not recognise (a column it would not fill) is written by the INSERT, defaults
# applied; afterwards the direct write takes over again
out=$(q <<SQL
ALTER TABLE credit_gz.query_log ADD COLUMN t_qla_note text DEFAULT 'by insert';
SET credit_gz.query_log_mode = async;
SET ROLE t_qla_app;
$(pre 1301)
RESET ROLE;
SELECT credit_gz.flush_query_log();
SELECT role_name || ' ' || department_code || ' ' || t_qla_note || ' ' || verdict FROM credit_gz.query_log WHERE subject_id = 1301;
ALTER TABLE credit_gz.query_log DROP COLUMN t_qla_note;
SET ROLE t_qla_app;
$(pre 1302)
RESET ROLE;
SELECT credit_gz.flush_query_log();
SELECT role_name || ' ' || department_code || ' ' || verdict FROM credit_gz.query_log WHERE subject_id = 1302;
SQL
)
check "unrecognised query_log: the batch is written by the INSERT, with the column's default" \
    "$(echo "$out" | sed -n 3p)" "t_qla_app t_qla_dept by insert no_record"
check "query_log as shipped again: entries written directly" "$(echo "$out" | sed -n 6p)" "t_qla_app t_qla_dept no_record"

# role names are cached per backend: a renamed role's next read carries its new name
out=$(q <<SQL
DO \$\$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 't_qla_app3') THEN CREATE ROLE t_qla_app3 NOLOGIN; END IF;
END \$\$;
DROP ROLE IF EXISTS t_qla_app3b;
SELECT credit_gz.grant_department('t_qla_app3', 't_qla_dept');
SET credit_gz.query_log_mode = async;
SET ROLE t_qla_app3;
$(pre 1401)
RESET ROLE;
ALTER ROLE t_qla_app3 RENAME TO t_qla_app3b;
SET ROLE t_qla_app3b;
$(pre 1402)
RESET ROLE;
ALTER ROLE t_qla_app3b RENAME TO t_qla_app3;
SELECT credit_gz.flush_query_log();
SELECT string_agg(subject_id || ':' || role_name, ',' ORDER BY subject_id)
  FROM credit_gz.query_log WHERE subject_id BETWEEN 1401 AND 1402;
SQL
)
check "role names: a renamed role's next read carries the new name" "$(echo "$out" | tail -1)" \
    "1401:t_qla_app3,1402:t_qla_app3b"
dropdb "$db"
trap - EXIT

# ---- parts 2 and 3 in private clusters ------------------------------------------------------------------------------
destdir=$(psql -X -At -d postgres -c "SHOW extension_destdir")
# -t: a configuration root of their own, so the private clusters never meet the suite's own (also named "regress"
# when `make test` runs it without -t)
set -- -v 15 -o "extension_destdir=$destdir" -t
# a port of their own: the next one after the suite's whose socket is free (other work trees run the same test)
port=$((PGPORT + 1))
while [ -e "/var/run/postgresql/.s.PGSQL.$port" ] || [ -e "/tmp/.s.PGSQL.$port" ]; do port=$((port + 1)); done
(PGPORT=$port pg_virtualenv "$@" -o 'shared_preload_libraries=$libdir/credit_gz' \
     -o credit_gz.query_log_queue_size=16 sh "$here/query_log_async.sh" small-queue) || fail=1
(PGPORT=$port pg_virtualenv "$@" sh "$here/query_log_async.sh" not-preloaded) || fail=1
psql -X -q -d postgres -c "DROP ROLE IF EXISTS t_qla_app, t_qla_app2, t_qla_app3, t_qla_app3b" || fail=1
exit $fail
