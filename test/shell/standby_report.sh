#!/bin/sh
# Special credit reports on a hot standby (doc/special_report.md, "Logging, the primary and standbys"): a report
# issued on the primary is verified on a streaming standby made from it (pg_basebackup), genuine and unknown answered
# there without writing anything there, the verification logged on the primary (the standby forwards its reads,
# credit_gz.query_log_primary_conninfo); issuing is refused there with 25006.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite); the standby is a second
# server of the same binaries in a temporary directory, stopped and removed at the end.
set -eu
db=credit_gz_standby_report
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
bindir=$(pg_config --bindir)
dir=$(mktemp -d)
port=$(( PGPORT + 101 ))
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    as_server "$bindir/pg_ctl" -D "$dir/standby" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
}
trap cleanup EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
sq() { psql -X -q -At -h "$dir" -p "$port" -U "$(q -c 'SELECT current_user')" -d "$db" "$@"; }

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
q <<'SQL'
CREATE EXTENSION credit_gz;
INSERT INTO credit_gz.subject (subject_id, uscc, name, kind) VALUES
    (990301, '91440101MA0000007B'::credit_gz.uscc, '备库核验测试公司', 'enterprise');
CREATE TABLE public.issued AS
SELECT j ->> 'report_no' AS no, j ->> 'verification_code' AS code
  FROM (SELECT credit_gz.special_credit_report(990301, daterange(credit_gz.policy_date() - 30,
                                                                 credit_gz.policy_date() + 1)) AS j) r;
CHECKPOINT;
SQL
no=$(q -c "SELECT no FROM public.issued")
code=$(q -c "SELECT code FROM public.issued")
[ -n "$no" ] && ok "a report is issued on the primary ($no)" || notok "a report is issued on the primary"

# the standby: a base backup of the primary, streaming from it, hot standby on a socket of its own
chmod 755 "$dir"
if pg_basebackup -D "$dir/standby" -R -X stream -c fast >"$dir/basebackup.log" 2>&1; then
    ok "pg_basebackup of the primary"
else
    notok "pg_basebackup of the primary"; cat "$dir/basebackup.log"; exit 1
fi
printf 'local all all trust\n' > "$dir/pg_hba.conf"
: > "$dir/pg_ident.conf"
{
    echo "port = $port"
    echo "listen_addresses = ''"
    echo "unix_socket_directories = '$dir'"
    echo "hot_standby = on"
    echo "hba_file = '$dir/pg_hba.conf'"
    echo "ident_file = '$dir/pg_ident.conf'"
    echo "shared_preload_libraries = '$(q -c "SHOW shared_preload_libraries")'"
    echo "max_worker_processes = 16"
    echo "cron.database_name = 'postgres'"
    echo "credit_gz.query_log_primary_conninfo = 'host=${PGHOST:-/var/run/postgresql} port=$PGPORT user=$(q -c 'SELECT current_user')'"
    destdir=$(q -c "SELECT current_setting('extension_destdir', true)")
    [ -n "$destdir" ] && echo "extension_destdir = '$destdir'"
} > "$dir/standby.conf"
if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
chmod 700 "$dir/standby"
if as_server "$bindir/pg_ctl" -D "$dir/standby" -o "-c config_file=$dir/standby.conf" -l "$dir/standby.log" -w -t 60 start \
        >/dev/null 2>&1; then
    ok "the standby starts"
else
    notok "the standby starts"; cat "$dir/standby.log"; exit 1
fi
i=0
until [ "$(sq -c "SELECT pg_is_in_recovery()" 2>/dev/null)" = t ] || [ $i -ge 60 ]; do sleep 0.5; i=$((i + 1)); done
[ "$(sq -c "SELECT pg_is_in_recovery()")" = t ] && ok "it is in recovery (hot standby)" || notok "it is in recovery"

status=$(sq -c "SELECT credit_gz.verify_credit_report('$no', '$code') ->> 'status'" 2>&1 || true)
[ "$status" = genuine ] && ok "verify_credit_report on the standby: genuine" \
    || notok "verify_credit_report on the standby: genuine (got: $status)"
status=$(sq -c "SELECT credit_gz.verify_credit_report('$no', 'ABCDEF012345') ->> 'status'" 2>&1 || true)
[ "$status" = unknown ] && ok "a wrong verification code on the standby: unknown" \
    || notok "a wrong verification code on the standby: unknown (got: $status)"
i=0
until [ "$(q -c "SELECT count(*) FROM credit_gz.query_log WHERE subject_id = 990301 AND answered_by IS NOT NULL
                  AND purpose LIKE '核验专项信用报告%'")" -ge 1 ] || [ $i -ge 60 ]; do sleep 0.5; i=$((i + 1)); done
[ "$(q -c "SELECT count(*) FROM credit_gz.query_log WHERE subject_id = 990301 AND answered_by IS NOT NULL
            AND purpose LIKE '核验专项信用报告%'")" -ge 1 ] \
    && ok "the standby's verification is logged on the primary, naming the standby" \
    || notok "the standby's verification is logged on the primary, naming the standby"
err=$(sq -v ON_ERROR_STOP=1 -c "\\set VERBOSITY sqlstate" \
          -c "SELECT credit_gz.special_credit_report(990301, daterange(credit_gz.policy_date() - 30, credit_gz.policy_date() + 1))" \
          2>&1 || true)
case "$err" in
    *25006*) ok "issuing on the standby is refused (25006)" ;;
    *) notok "issuing on the standby is refused (25006) (got: $err)" ;;
esac
status=$(q -c "SELECT credit_gz.verify_credit_report('$no', '$code') ->> 'status'")
entries=$(q -c "SELECT count(*) FROM credit_gz.query_log WHERE subject_id = 990301 AND answered_by IS NULL
                 AND purpose LIKE '核验专项信用报告%'")
[ "$status" = genuine ] && [ "$entries" = 1 ] && ok "on the primary the same report verifies, and the verification is logged" \
    || notok "on the primary the same report verifies, and the verification is logged (got: $status, $entries entries)"
exit $fail
