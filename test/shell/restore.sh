#!/bin/sh
# Plain restores lose nothing: a database filled by the demo's generator (test/upgrade/<release>/, the scaled copy
# that fills every table) is dumped and restored with `pg_restore -d` of a custom dump (no flags) and with
# `pg_dump | psql`. Each restored database holds every row of every table of the extension (count and content hash,
# audit log, grade_history and score_drop included), the sequences' positions, and verify_scores() is empty; the
# triggers work again afterwards. A department role cannot use the restore settings to pass the triggers.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
cd "$(dirname "$0")/../.."
src=credit_gz_restore_src
dst=credit_gz_restore_dst
scale=${RESTORE_SCALE:-0.02}
. test/shell/lib/dump_db.sh
drop_roles() {
    psql -X -q -d postgres >/dev/null 2>&1 <<'SQL' || true
DO $$
DECLARE r name;
BEGIN
    FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE 'upgrade\_gen\_%' OR rolname = 'restore_test_dept' LOOP
        EXECUTE format('DROP ROLE %I', r);
    END LOOP;
END $$;
SQL
}
trap 'cleanup; drop_roles' EXIT
drop_roles

q "$src" -c "CREATE EXTENSION credit_gz"
gen=$(ls -d test/upgrade/*/ | sort -V | tail -1)
for part in "$gen"[0-9]*.sql; do
    psql -X -q -v ON_ERROR_STOP=1 -v scale="$scale" -d "$src" -f "$part" > "$tmp/gen.out" 2>&1 \
        || { notok "generator $part"; tail -5 "$tmp/gen.out"; exit 1; }
done
q "$src" -c "SELECT credit_gz.flush_query_log()" >/dev/null

# Every table of the extension: name, rows, hash of its rows in a fixed order; then every sequence's position.
snapshot() {
    q "$1" <<'SQL'
SELECT c.oid::regclass::text || ' ' ||
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %s', c.oid::regclass), false, true, '')))[1]::text || ' ' ||
       coalesce((xpath('/row/h/text()', query_to_xml(
           format('SELECT md5(string_agg(t::text, E''\n'' ORDER BY t::text)) AS h FROM %s t', c.oid::regclass),
           false, true, '')))[1]::text, '-')
  FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'credit_gz'
  JOIN pg_class c ON c.oid = d.objid AND c.relkind IN ('r', 'p')
 WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
UNION ALL
SELECT s.schemaname || '.' || s.sequencename || ' at ' || coalesce(s.last_value::text, 'unset')
  FROM pg_sequences s WHERE s.schemaname = 'credit_gz'
 ORDER BY 1;
SQL
}
snapshot "$src" > "$tmp/src.txt"
echo "# source: $(awk 'NF == 3 {n += $2} END {print n}' "$tmp/src.txt") rows in $(awk 'NF == 3 && $2 > 0' "$tmp/src.txt" | wc -l) tables"

check() {   # $1: what was restored
    snapshot "$dst" > "$tmp/dst.txt"
    if cmp -s "$tmp/src.txt" "$tmp/dst.txt"; then
        ok "$1: every table's rows (count and hash) and every sequence equal the source's"
    else
        notok "$1: restored tables differ (- source, + restored)"; diff "$tmp/src.txt" "$tmp/dst.txt" | sed 's/^/# /' | head -40
    fi
    v=$(q "$dst" -c "SELECT count(*) FROM credit_gz.verify_scores()")
    [ "$v" = 0 ] && ok "$1: verify_scores() is empty" || notok "$1: verify_scores() returns $v rows"
    # the triggers work again in a session of its own: a new subject is audited and looked up
    q "$dst" -c "INSERT INTO credit_gz.subject (uscc, name) VALUES ('91620105L015101280', '恢复后新公司')"
    n=$(q "$dst" -c "SELECT (SELECT count(*) FROM credit_gz.audit_log WHERE new_row ->> 'name' = '恢复后新公司') || ' ' ||
                            (SELECT count(*) FROM credit_gz.subject_uscc u JOIN credit_gz.subject s USING (subject_id) WHERE s.name = '恢复后新公司')")
    [ "$n" = "1 1" ] && ok "$1: after the restore a new subject is audited and looked up" || notok "$1: triggers after the restore ($n)"
}

pg_dump -Fc -d "$src" -f "$tmp/dump.custom" 2>/dev/null
createdb "$dst"
if pg_restore -d "$dst" "$tmp/dump.custom" 2>"$tmp/err"; then ok "pg_restore -d (custom format, no flags) reports no error"
else notok "pg_restore -d: $(head -5 "$tmp/err")"; fi
check "pg_restore -d"
dropdb "$dst"

createdb "$dst"
if pg_dump -d "$src" 2>/dev/null | psql -X -q -v ON_ERROR_STOP=1 -d "$dst" >/dev/null 2>"$tmp/err"; then
    ok "pg_dump | psql reports no error"
else notok "pg_dump | psql: $(head -5 "$tmp/err")"; fi
check "pg_dump | psql"

# The restore settings are no way around the triggers for another role. A department that sets them is not
# restoring; with row_security off its statements on subjects' tables fail outright, and with the other settings it
# writes through the extension's SECURITY DEFINER loader as always: the record gets its window and a score.
q "$dst" >/dev/null <<'SQL'
CREATE ROLE restore_test_dept LOGIN PASSWORD 'restore-test';
SELECT credit_gz.grant_department('restore_test_dept', 'market_regulation');
SQL
sid=$(q "$dst" -c "SELECT subject_id FROM credit_gz.subject WHERE name = '恢复后新公司'")
load="SELECT credit_gz.load_record('market_regulation', 'RESTORE-TEST-1', $sid, 'administrative_penalty',
                                  credit_gz.policy_date(), 'food_drug_safety', 'general') IS NOT NULL"
as_dept() { PGPASSWORD=restore-test psql -X -q -At -v ON_ERROR_STOP=1 -U restore_test_dept -d "$dst" -c "SELECT pg_catalog.set_config('search_path', '', false)" "$@"; }
r=$(PGOPTIONS="-c row_security=off -c check_function_bodies=off" as_dept -c "SELECT credit_gz.restoring()" | tail -1)
[ "$r" = f ] && ok "a department with the restore settings is not restoring" || notok "a department with the restore settings: restoring() = '$r'"
if PGOPTIONS="-c row_security=off -c check_function_bodies=off" as_dept -c "$load" >/dev/null 2>"$tmp/err"; then
    notok "a department with row_security off loaded a record"
else
    grep -q 'row-level security' "$tmp/err" && ok "a department with row_security off is refused outright" \
        || notok "a department with row_security off: $(head -2 "$tmp/err")"
fi
PGOPTIONS="-c check_function_bodies=off" as_dept -c "$load" >/dev/null
scored=$(q "$dst" -c "SELECT count(*) FROM credit_gz.subject_score WHERE subject_id = $sid")
win=$(q "$dst" -c "SELECT publish_until IS NOT NULL FROM credit_gz.record WHERE document_no = 'RESTORE-TEST-1'")
[ "$scored" -gt 0 ] && [ "$win" = t ] && ok "its record gets a publicity window and a score as always" \
    || notok "a department's record under the restore settings: scores $scored, window '$win'"
exit $fail
