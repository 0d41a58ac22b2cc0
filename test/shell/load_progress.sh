#!/bin/sh
# The progress of a running list load (credit_gz.load_progress, doc/intake.md), read from a second session while the
# load runs: a department loads a 200-line batch whose line 150 waits on another session's uncommitted subject (the
# same unified code), so the load stops there deterministically; meanwhile the DBA sees the batch, 149 lines done of
# 200 staged and the 2 rejects so far, the department sees its own load, another role sees none; when the load's
# transaction ends the row is gone. Needs credit_gz preloaded (scripts/run-suite does).
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
db=credit_gz_load_progress
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else notok "$1 (got '$2', expected '$3')"; fi; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
q <<'SQL'
CREATE EXTENSION credit_gz CASCADE;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 't_lp_court') THEN CREATE ROLE t_lp_court NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 't_lp_other') THEN CREATE ROLE t_lp_other NOLOGIN; END IF;
END $$;
SELECT FROM credit_gz.grant_department('t_lp_court', 'court');
SELECT FROM credit_gz.grant_department('t_lp_other', 'market_regulation');
CREATE FUNCTION public.lp_uscc(n bigint) RETURNS text LANGUAGE sql AS $f$
  SELECT credit_gz.uscc_make('91440106' || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $f$;
INSERT INTO credit_gz.list_intake (batch, line_no, list_name, subject_name, uscc, case_no, listed_on, department_code)
SELECT 'big', g, '失信被执行人', '测试公司' || g,
       CASE WHEN g IN (10, 20) THEN '91440106ZZZZZZZZZZ' ELSE public.lp_uscc(90000 + g) END,
       '（2026）粤0106执' || g || '号', '2026-01-05', 'court'
  FROM generate_series(1, 200) g;
SQL

check "the view is empty while nothing loads" "$(q -c 'SELECT count(*) FROM credit_gz.load_progress')" 0

# session C: the subject of line 150, uncommitted, for a few seconds
psql -X -q -At -d "$db" -c "BEGIN; INSERT INTO credit_gz.subject (uscc, name) VALUES (public.lp_uscc(90150), '测试公司150'); SELECT pg_sleep(4); ROLLBACK;" \
    > "$tmp/c.out" 2>&1 &
cpid=$!
n=0
until [ "$(q -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(4)%' AND pid <> pg_backend_pid()")" = 1 ]; do
    n=$((n + 1)); [ $n -lt 100 ] || break; sleep 0.1
done

# session A: the department's load, which waits at line 150
psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" \
    -c "SET ROLE t_lp_court; SELECT outcome, count(*) FROM credit_gz.intake_lists('court', 'big') GROUP BY 1 ORDER BY 1" \
    > "$tmp/a.out" 2>&1 &
apid=$!
n=0
until [ "$(q -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%intake_lists%'")" = 1 ]; do
    n=$((n + 1)); [ $n -lt 100 ] || break; sleep 0.1
done

check "the DBA sees the load from another session: kind, department, batch, 149 of 200 done, 2 rejected" \
    "$(q -c "SELECT kind, department_code, batch, rows_staged, rows_done, rows_rejected, role_name FROM credit_gz.load_progress")" \
    "list|court|big|200|149|2|t_lp_court"
check "... with the pid of the loading session" \
    "$(q -c "SELECT count(*) FROM credit_gz.load_progress p JOIN pg_stat_activity a USING (pid) WHERE a.query LIKE '%intake_lists%'")" 1
check "the department sees its own load" \
    "$(q -c "SET ROLE t_lp_court" -c "SELECT rows_done FROM credit_gz.load_progress")" 149
check "another department's role sees none" \
    "$(q -c "SET ROLE t_lp_other" -c "SELECT count(*) FROM credit_gz.load_progress")" 0

wait $cpid || true
wait $apid || notok "the load ends"
check "the load went on once the other session rolled back" "$(tr '\n' ' ' < "$tmp/a.out")" "listed|198 rejected|2 "
check "the row is gone with the load's transaction" "$(q -c 'SELECT count(*) FROM credit_gz.load_progress')" 0

# a load that fails leaves no row behind either
check "a load rolled back leaves no row" \
    "$(q -c "BEGIN" -c "DO \$\$ BEGIN PERFORM credit_gz.load_progress_start('list', 'court', 'x', 10); END \$\$" \
         -c "SELECT count(*) FROM credit_gz.load_progress" -c "ROLLBACK" -c "SELECT count(*) FROM credit_gz.load_progress" \
       | tr '\n' ' ')" "1 0 "

# a penalty load reports the same way (its row stays until its transaction ends)
q -c "INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, document_no, department_code)
      SELECT 'pen', g, '公司' || g, '无此类别', public.lp_uscc(95000 + g), '穗罚' || g || '号', 'court' FROM generate_series(1, 5) g"
check "a penalty load shows as kind penalty, every line done (and here rejected)" \
    "$(q -c "BEGIN" -c "SELECT count(*) FROM credit_gz.intake_penalties('court', 'pen')" \
         -c "SELECT kind || ' ' || rows_staged || ' ' || rows_done || ' ' || rows_rejected FROM credit_gz.load_progress" -c "COMMIT" \
       | tr '\n' ' ')" "5 penalty 5 5 5 "

dropdb "$db"
exit $fail
