#!/bin/sh
# The expiry job through pg_cron (doc/repair.md recipe): schedule credit_gz.run_expiry() in database postgres (the
# suite's cluster runs with shared_preload_libraries=pg_cron and cron.database_name=postgres), let the scheduler run
# it, check cron.job_run_details and the effect on a record past its publicity period, then unschedule and clean up.
# pg_cron 1.4 (Debian 12) has minute resolution, so the job runs every minute and the test waits for the next minute.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
db=postgres
fail=0
created_cron=0
created_gz=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

cleanup() {
    q -c "SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = 'credit-gz-expiry'" >/dev/null 2>&1 || true
    if [ "$created_gz" = 1 ]; then q -c "DROP EXTENSION IF EXISTS credit_gz CASCADE" >/dev/null 2>&1 || true; fi
    if [ "$created_cron" = 1 ]; then q -c "DROP EXTENSION IF EXISTS pg_cron" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ "$(q -c "SELECT count(*) FROM pg_extension WHERE extname = 'pg_cron'")" = 0 ]; then
    q -c "CREATE EXTENSION pg_cron"; created_cron=1
fi
if [ "$(q -c "SELECT count(*) FROM pg_extension WHERE extname = 'credit_gz'")" = 0 ]; then
    q -c "CREATE EXTENSION credit_gz"; created_gz=1
else
    echo "# credit_gz already exists in $db; using it"
fi
echo "# pg_cron $(q -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_cron'")"

# A record decided under 527 (general: at most 1 year), loaded late and put back in publicity: due for expiry.
rec=$(q <<'SQL'
WITH s AS (
    INSERT INTO credit_gz.subject (uscc, name)
    SELECT credit_gz.uscc_make('91440106' || b || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END), '定时任务测试公司'
    FROM (SELECT b, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
          FROM (SELECT 'MA000999' AS b) x, unnest(regexp_split_to_array(b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)
          GROUP BY b) k
    RETURNING subject_id)
SELECT credit_gz.load_record('market_regulation', 'CRON-TEST-1', subject_id, 'administrative_penalty',
                             '2022-05-01', NULL, 'general') FROM s;
SQL
)
q -c "UPDATE credit_gz.record SET status = 'in_publicity', disclosure = 'public' WHERE record_id = $rec"
[ "$(q -c "SELECT status FROM credit_gz.record WHERE record_id = $rec")" = in_publicity ] \
    && ok "fixture record $rec in publicity past its period" || notok "fixture"

# The recipe of doc/repair.md, exactly.
q -c "SELECT cron.schedule('credit-gz-expiry', '10 0 * * *', \$\$SELECT credit_gz.run_expiry()\$\$)" >/dev/null
[ "$(q -c "SELECT schedule || ' ' || command FROM cron.job WHERE jobname = 'credit-gz-expiry'")" = \
  "10 0 * * * SELECT credit_gz.run_expiry()" ] && ok "the documented daily job is scheduled" || notok "daily job"

# For the test: every minute (same job name: pg_cron updates it). This cluster asks a password over TCP, so the
# scheduler connects through the Unix socket (peer authentication of the postgres OS user) instead.
sock=$(q -c "SELECT split_part(current_setting('unix_socket_directories'), ',', 1)")
q -c "SELECT cron.schedule('credit-gz-expiry', '* * * * *', \$\$SELECT credit_gz.run_expiry()\$\$)" >/dev/null
q -c "UPDATE cron.job SET nodename = '$sock', username = 'postgres' WHERE jobname = 'credit-gz-expiry'"
job=$(q -c "SELECT jobid FROM cron.job WHERE jobname = 'credit-gz-expiry'")

# Wait for one run to finish (at most ~2 minutes: the next minute boundary plus the run).
i=0
status=
while [ $i -lt 130 ]; do
    status=$(q -c "SELECT status FROM cron.job_run_details WHERE jobid = $job AND status IN ('succeeded', 'failed') ORDER BY runid LIMIT 1")
    [ -n "$status" ] && break
    sleep 1; i=$((i + 1))
done
[ "$status" = succeeded ] && ok "pg_cron ran the job (cron.job_run_details: succeeded after ${i}s)" \
    || notok "pg_cron job status '$status': $(q -c "SELECT return_message FROM cron.job_run_details WHERE jobid = $job ORDER BY runid LIMIT 1")"
[ "$(q -c "SELECT status || '/' || disclosure FROM credit_gz.record WHERE record_id = $rec")" = expired/archived ] \
    && ok "the job expired and archived the record" || notok "record not expired by the job"
[ "$(q -c "SELECT count(*) FROM credit_gz.audit_log WHERE table_name = 'credit_gz.record' AND row_key = '$rec'
             AND new_row ->> 'status' = 'expired'")" -ge 1 ] && ok "the change is audited" || notok "audit"

q -c "SELECT cron.unschedule($job)" >/dev/null
[ "$(q -c "SELECT count(*) FROM cron.job WHERE jobname = 'credit-gz-expiry'")" = 0 ] && ok "unscheduled" || notok "unschedule"

# Large days: the procedure commits every rows_per_transaction rows (here 1) and sums the counts.
q -c "UPDATE credit_gz.record SET status = 'in_publicity', disclosure = 'public' WHERE record_id = $rec"
rec2=$(q -c "SELECT credit_gz.load_record('market_regulation', 'CRON-TEST-2', subject_id, 'administrative_penalty', '2022-05-02', NULL, 'general') FROM credit_gz.record WHERE record_id = $rec")
q -c "UPDATE credit_gz.record SET status = 'in_publicity', disclosure = 'public' WHERE record_id = $rec2"
res=$(q -c "CALL credit_gz.run_expiry_in_batches(now(), 1)")
[ "$(printf '%s' "$res" | q -c "SELECT (\$\$$res\$\$::jsonb ->> 'records_expired')")" = 2 ] \
    && [ "$(q -c "SELECT count(*) FROM credit_gz.record WHERE record_id IN ($rec, $rec2) AND status = 'expired'")" = 2 ] \
    && ok "CALL run_expiry_in_batches: two records in two transactions, counts summed" || notok "run_expiry_in_batches: $res"

# Clean up the fixture (the extensions too, when this test created them).
q <<SQL
DELETE FROM credit_gz.audit_log WHERE subject_id = (SELECT subject_id FROM credit_gz.record WHERE record_id = $rec);
DELETE FROM credit_gz.record WHERE record_id IN ($rec, $rec2);
DELETE FROM credit_gz.subject WHERE name = '定时任务测试公司';
SQL
q -c "DELETE FROM cron.job_run_details WHERE jobid = $job"
exit $fail
