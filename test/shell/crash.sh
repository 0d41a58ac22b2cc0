#!/bin/sh
# Crash test: kill -9 of the backend during a large COPY of records and during recompute_scores. The server restarts
# (crash recovery) and the killed transaction leaves nothing behind: the records and scores are those committed
# before, verify_scores() is empty, grade_at(now) is the current grade for every (subject, model), repropagate()
# changes nothing. CRASH_ROWS (100000) records per COPY over CRASH_SUBJECTS (10000) subjects.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
cd "$(dirname "$0")/../.."
db=credit_gz_crash
rows=${CRASH_ROWS:-100000}
subjects=${CRASH_SUBJECTS:-10000}
fail=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fail=1; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

# wait_up — until the server accepts connections again after the crash (at most 120 s).
wait_up() {
    i=0
    while ! psql -X -q -At -d "$db" -c 'SELECT 1' >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -le 240 ] || return 1; sleep 0.5
    done
}
# kill_when — kill -9 the backend running a statement like $1 once $2 (SQL over pg_stat_activity a, true/false)
# holds; prints its pid. One session polls (every 20 ms, at most 120 s) so that the polling costs the load little.
kill_when() {
    pid=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" <<SQL
CREATE FUNCTION pg_temp.backend() RETURNS integer LANGUAGE plpgsql AS \$f\$
DECLARE p integer;
BEGIN
    FOR i IN 1 .. 6000 LOOP
        PERFORM pg_stat_clear_snapshot();    -- activity is read once per transaction otherwise
        SELECT a.pid INTO p FROM pg_stat_activity a
         WHERE a.query LIKE '$1' AND a.state = 'active' AND a.pid <> pg_backend_pid() AND ($2) LIMIT 1;
        EXIT WHEN p IS NOT NULL;
        PERFORM pg_sleep(0.02);
    END LOOP;
    RETURN p;
END \$f\$;
SELECT pg_temp.backend();
SQL
)
    [ -n "$pid" ] || return 1
    kill -9 "$pid"
    echo "$pid"
}
# invariants — what must hold after every restart.
invariants() {
    n=$(q -c "SELECT count(*) FROM credit_gz.verify_scores()")
    [ "$n" = 0 ] && ok "$1: verify_scores() is empty" || notok "$1: verify_scores() is empty ($n rows)"
    n=$(q -c "SELECT count(*) FROM credit_gz.subject_score s
               WHERE credit_gz.grade_at(s.subject_id, s.model_code, pg_catalog.clock_timestamp())::text IS DISTINCT FROM s.grade::text")
    [ "$n" = 0 ] && ok "$1: grade_at(now) is the current grade for every pair" \
        || notok "$1: grade_at(now) is the current grade for every pair ($n differ)"
    n=$(q -c "SELECT credit_gz.repropagate()")
    [ "$n" = 0 ] && ok "$1: repropagate() changes nothing" || notok "$1: repropagate() changes nothing ($n)"
}
state() { q -c "SELECT (SELECT count(*) FROM credit_gz.record) || ' ' ||
                       (SELECT md5(string_agg(s::text, ',' ORDER BY subject_id, model_code)) FROM credit_gz.subject_score s)"; }

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q <<SQL
SET client_min_messages = warning;
CREATE EXTENSION credit_gz;
INSERT INTO credit_gz.subject (uscc, name)
SELECT credit_gz.uscc_make('91440106' || body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END), '崩溃测试公司' || n
  FROM (SELECT n, b AS body, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
          FROM (SELECT n, 'MC' || lpad(n::text, 6, '0') AS b FROM generate_series(1, $subjects) n) x,
               unnest(regexp_split_to_array(x.b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w) GROUP BY n, b) s;
-- two list entries that propagate nowhere (no relations) but are scored
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT subject_id, 'judgment_debtor', 'market_regulation', 'CRASH-LIST-' || subject_id, credit_gz.policy_date() - 10
  FROM credit_gz.subject WHERE name IN ('崩溃测试公司1', '崩溃测试公司2');
SQL
# two files of records (the second for the COPY that is killed)
for part in 1 2; do
    q -c "\\copy (SELECT s.subject_id, 'administrative_penalty', (ARRAY['general','serious'])[1 + g % 2], 'construction',
                          'market_regulation', 'CRASH-$part-' || g, credit_gz.policy_date() - (g % 600)
                     FROM generate_series(1, $rows) g
                     JOIN credit_gz.subject s ON s.name = '崩溃测试公司' || (1 + g % $subjects)) TO '$tmp/records$part.csv' CSV"
done
copy="\\copy credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date) FROM"
start=$(date +%s)
q -c "$copy '$tmp/records1.csv' CSV"
echo "# loaded $rows records in $(( $(date +%s) - start ))s"
invariants "before any crash"
before=$(state)

# 1. kill -9 during a large COPY (once a fifth of it has been read)
start=$(date +%s)
( if q -c "$copy '$tmp/records2.csv' CSV" > "$tmp/copy.out" 2>&1; then echo 0; else echo 1; fi > "$tmp/copy.rc" ) &
pid=$(kill_when 'COPY%credit_gz.record%' "EXISTS (SELECT FROM pg_stat_progress_copy p WHERE p.pid = a.pid AND p.tuples_processed > $rows / 5)") \
    && ok "killed the COPY backend (pid $pid) with kill -9" || notok "found the COPY backend to kill"
wait
[ "$(cat "$tmp/copy.rc")" != 0 ] && ok "the COPY failed with its backend" || notok "the COPY failed with its backend"
wait_up && ok "the server restarted after the kill during COPY ($(( $(date +%s) - start ))s)" \
    || { notok "the server restarted after the kill during COPY"; exit 1; }
[ "$(state)" = "$before" ] && ok "after the COPY crash: the records and scores committed before, nothing of the COPY" \
    || notok "after the COPY crash: the records and scores committed before, nothing of the COPY"
invariants "after the COPY crash"

# 2. kill -9 during recompute_scores after a rule change (it has every subject to rewrite)
q <<'SQL'
INSERT INTO credit_gz.scoring_rule (model_code, item_code, severity, points, effective_from)
SELECT code, 'administrative_penalty', 'general', -0.5, '2000-01-01' FROM credit_gz.scoring_model WHERE is_active;
SQL
stale=$(q -c "SELECT count(*) FROM credit_gz.verify_scores()")
before=$(state)
start=$(date +%s)
( if q -c "SELECT credit_gz.recompute_scores()" > "$tmp/recompute.out" 2>&1; then echo 0; else echo 1; fi > "$tmp/recompute.rc" ) &
pid=$(kill_when 'SELECT credit_gz.recompute_scores()%' "clock_timestamp() - a.query_start > interval '50 milliseconds'") \
    && ok "killed the recompute_scores backend (pid $pid) with kill -9" || notok "found the recompute_scores backend to kill"
wait
[ "$(cat "$tmp/recompute.rc")" != 0 ] && ok "recompute_scores failed with its backend" \
    || notok "recompute_scores failed with its backend (it finished first)"
wait_up && ok "the server restarted after the kill during recompute_scores ($(( $(date +%s) - start ))s)" \
    || { notok "the server restarted after the kill during recompute_scores"; exit 1; }
[ "$(state)" = "$before" ] && ok "after the recompute crash: the scores as before it, $stale of them stale" \
    || notok "after the recompute crash: the scores as before it"
n=$(q -c "SELECT credit_gz.recompute_scores()")
echo "# recompute_scores() after the restart changed $n scores"
invariants "after the recompute crash and a full recompute"
exit $fail
