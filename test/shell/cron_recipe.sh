#!/bin/sh
# The README's pg_cron recipe, exactly as written, on a cluster with Debian's default authentication: a cluster made
# by pg_createcluster (its pg_hba.conf: peer on the Unix socket, scram-sha-256 on TCP), the README's postgresql.conf
# lines appended, the README's SQL run by the postgres OS user in database credit. The expiry job, switched to run
# every minute, must succeed with the job's summary as pg_cron's return_message and leave its row in
# credit_gz.job_run; then, with a trigger that makes the expiry fail, the next run fails, its error is in the run log
# (the work rolled back, the row kept) and the job is overdue. Needs root (pg_createcluster); skipped otherwise.
# Runs inside the suite's throwaway cluster's environment (PGPORT set by scripts/run-suite), on a cluster of its own.
set -eu
cd "$(dirname "$0")/../.."
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
if [ "$(id -u)" != 0 ] || ! command -v pg_createcluster >/dev/null; then
    echo "ok - # SKIP the README's pg_cron recipe needs root and pg_createcluster"; exit 0
fi
ver=15
cluster=credit_gz_cron_$$
port=$(( ${PGPORT:-5432} + 1 ))
while pg_lsclusters -h | awk '{print $3}' | grep -qx "$port"; do port=$((port + 1)); done
tmp=$(mktemp -d)
chmod 755 "$tmp"
cleanup() {
    pg_dropcluster --stop "$ver" "$cluster" >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT
# a login shell of the postgres OS user: none of the suite's PG* variables, the socket of the new cluster
asp() { su -l postgres -c "$*"; }
q() { asp "psql -X -q -At -v ON_ERROR_STOP=1 -h /var/run/postgresql -p $port -d credit $*"; }

# The README's blocks of the pg_cron section: the configuration (the bare fence) and the SQL.
awk '/^#+ Scheduling the maintenance jobs/ { s = 1; next } s && /^###? / { exit }
     s && /^```$/ && !in_b { in_b = 1; kind = "conf"; next } s && /^```sql$/ && !in_b { in_b = 1; kind = "sql"; next }
     s && /^```/ && !in_b { in_b = 1; kind = "other"; next } s && /^```$/ && in_b { in_b = 0; next }
     in_b && kind == "conf" { print > "'"$tmp"'/recipe.conf" } in_b && kind == "sql" { print > "'"$tmp"'/recipe.sql" }' README.md 2>/dev/null || true
[ -s "$tmp/recipe.conf" ] && [ -s "$tmp/recipe.sql" ] && ok "the README's pg_cron configuration and SQL ($(wc -l < "$tmp/recipe.sql") lines)" \
    || { notok "the README's pg_cron blocks"; exit 1; }
grep -q "cron.database_name = 'credit'" "$tmp/recipe.conf" || notok "the recipe names database credit"

pg_createcluster "$ver" "$cluster" -p "$port" >/dev/null
# pg_virtualenv (make test) points PG_CLUSTER_CONF_ROOT at its own directory; pg_createcluster follows it
conf=${PG_CLUSTER_CONF_ROOT:-/etc/postgresql}/$ver/$cluster/postgresql.conf
hba=${PG_CLUSTER_CONF_ROOT:-/etc/postgresql}/$ver/$cluster/pg_hba.conf
grep -v '^#' "$hba" | grep -q 'host *all *all *127.0.0.1/32 *scram-sha-256' && ok "pg_createcluster's pg_hba.conf: scram-sha-256 on TCP" \
    || notok "pg_hba.conf is not Debian's default: $(grep -v '^#' "$hba" | grep . | tr '\n' ';')"
cat "$tmp/recipe.conf" >> "$conf"
if [ -n "${CREDIT_GZ_DESTDIR:-}" ]; then
    # make devcheck's private install: the library is found through $libdir, which extension_destdir redirects
    sed -i "s|^shared_preload_libraries = 'pg_cron,credit_gz'|shared_preload_libraries = 'pg_cron,\$libdir/credit_gz'|" "$conf"
    echo "extension_destdir = '$CREDIT_GZ_DESTDIR'" >> "$conf"
fi
pg_ctlcluster "$ver" "$cluster" start
asp "createdb -h /var/run/postgresql -p $port credit"
q "-c 'CREATE EXTENSION credit_gz'"
if q "-f $tmp/recipe.sql" > "$tmp/recipe.out" 2>&1; then ok "the README's SQL runs as written"; else
    notok "the README's SQL: $(tail -3 "$tmp/recipe.out")"; fi

# A record decided under 527 (general: at most 1 year), put back in publicity past its period: due for expiry.
cat > "$tmp/fixture.sql" <<'SQL'
INSERT INTO credit_gz.subject (uscc, name) VALUES ('91440106MA59C3PQX0!', '定时任务配方公司');
SELECT credit_gz.load_record('market_regulation', 'CRON-RECIPE-' || n, s.subject_id, 'administrative_penalty',
                             DATE '2022-05-01' + n, NULL, 'general')
  FROM credit_gz.subject s, generate_series(1, 2) n WHERE s.name = '定时任务配方公司';
UPDATE credit_gz.record SET status = 'in_publicity', disclosure = 'public' WHERE document_no LIKE 'CRON-RECIPE-%';
SQL
chmod 644 "$tmp/fixture.sql"
q "-v ON_ERROR_STOP=1 -c 'SET credit_gz.uscc_weak = on' -f $tmp/fixture.sql" >/dev/null
# only the first record is due in the successful run; the second is kept for the failing one
q "-c \"UPDATE credit_gz.record SET status = 'expired', disclosure = 'archived' WHERE document_no = 'CRON-RECIPE-2'\"" >/dev/null

job=$(q "-c \"SELECT jobid FROM cron.job WHERE jobname = 'credit-gz-expiry'\"")
[ -n "$job" ] && ok "the recipe scheduled credit-gz-expiry (job $job)" || notok "no job credit-gz-expiry"
q "-c \"SELECT cron.alter_job($job, schedule := '* * * * *')\"" >/dev/null
snap=$(q "-c \"SELECT jobid FROM cron.job WHERE jobname = 'credit-gz-snapshots'\"")
[ -n "$snap" ] && ok "the recipe scheduled credit-gz-snapshots (job $snap)" || notok "no job credit-gz-snapshots"
q "-c \"SELECT cron.alter_job($snap, schedule := '* * * * *')\"" >/dev/null
wait_run() {   # $1: runs already finished; prints status|return_message of the next
    i=0
    while [ $i -lt 150 ]; do
        r=$(q "-c \"SELECT status || '|' || coalesce(return_message, '') FROM cron.job_run_details WHERE jobid = $job
                      AND status IN ('succeeded', 'failed') ORDER BY runid OFFSET $1 LIMIT 1\"")
        [ -n "$r" ] && { echo "$r"; return; }
        sleep 1; i=$((i + 1))
    done
    echo "timeout|"
}
r=$(wait_run 0)
case "$r" in
    'succeeded|NOTICE: run_expiry {'*'"records_expired": 1'*) ok "pg_cron ran the job in a background worker; return_message is its summary" ;;
    *) notok "first run: $r" ;;
esac
[ "$(q "-c \"SELECT status FROM credit_gz.record WHERE document_no = 'CRON-RECIPE-1'\"")" = expired ] \
    && ok "the job expired the record" || notok "the record was not expired"
[ "$(q "-c \"SELECT count(*) FROM credit_gz.job_run WHERE job = 'run_expiry' AND succeeded AND (result ->> 'records_expired')::int = 1\"")" = 1 ] \
    && ok "the run is in credit_gz.job_run with its summary" || notok "the run is not in credit_gz.job_run"
i=0
while [ $i -lt 60 ] && [ "$(q "-c \"SELECT count(*) FROM credit_gz.job_run WHERE job = 'take_snapshots' AND succeeded\"")" = 0 ]; do
    sleep 1; i=$((i + 1))
done
[ "$(q "-c \"SELECT count(*) > 0 FROM credit_gz.monitoring_snapshot s JOIN credit_gz.job_run r ON r.as_of = s.as_of
              WHERE r.job = 'take_snapshots' AND r.succeeded\"")" = t ] \
    && ok "pg_cron took the daily snapshot, logged in credit_gz.job_run" || notok "no snapshot taken by pg_cron"
q "-c \"SELECT cron.unschedule($snap)\"" >/dev/null

# A failing run: a site trigger that refuses the expiry's update of the record still due.
cat > "$tmp/refuse.sql" <<'SQL'
CREATE FUNCTION public.refuse_expiry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'expiry refused for the test' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER refuse_expiry BEFORE UPDATE ON credit_gz.record FOR EACH ROW WHEN (NEW.status = 'expired')
    EXECUTE FUNCTION public.refuse_expiry();
UPDATE credit_gz.record SET status = 'in_publicity', disclosure = 'public' WHERE document_no = 'CRON-RECIPE-2';
SQL
chmod 644 "$tmp/refuse.sql"
q "-f $tmp/refuse.sql" >/dev/null
r=$(wait_run 1)
case "$r" in
    *'run_expiry failed (SQLSTATE P0001): expiry refused for the test'*) ok "the failing run's return_message names the failure" ;;
    *) notok "failing run: $r" ;;
esac
[ "$(q "-c \"SELECT sqlstate || ' ' || error FROM credit_gz.job_run WHERE job = 'run_expiry' AND NOT succeeded\"")" = "P0001 expiry refused for the test" ] \
    && ok "the failed run left its row in credit_gz.job_run" || notok "no failed row in credit_gz.job_run"
[ "$(q "-c \"SELECT status FROM credit_gz.record WHERE document_no = 'CRON-RECIPE-2'\"")" = in_publicity ] \
    && ok "the failed run's work was rolled back" || notok "the failed run changed the record"
q "-c \"UPDATE credit_gz.job_run SET started_at = started_at - interval '2 days', ended_at = ended_at - interval '2 days' WHERE job = 'run_expiry' AND succeeded\"" >/dev/null
[ "$(q "-c \"SELECT last_error FROM credit_gz.job_overdue WHERE job = 'run_expiry'\"")" = "expiry refused for the test" ] \
    && ok "job_overdue lists run_expiry, last succeeded more than its interval ago, with the failure" || notok "job_overdue"
q "-c \"SELECT cron.unschedule(jobid) FROM cron.job\"" >/dev/null
exit $fail
