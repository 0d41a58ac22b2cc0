#!/bin/sh
# Lists survive pg_dump / pg_restore: direct entries, locally added measures and rules, cases and feedback are
# restored; derived entries are dumped with the direct ones and restored as they were, so nothing is left to rebuild.
# Restored by the README's recipe for very large archives (pre-data, data with --disable-triggers, post-data);
# test/shell/restore.sh restores a whole demo database with plain pg_restore and psql.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
src=credit_gz_lists_src
dst=credit_gz_lists_dst
. "$(dirname "$0")/lib/dump_db.sh"
state() {
    q "$1" -c "SELECT string_agg(format('%s:%s:%s:%s:%s', s.name, e.list_type_code, e.status, e.depth,
                                        coalesce(e.effective_until::text, '-')), ',' ORDER BY s.name, e.list_type_code, e.status)
                 FROM credit_gz.list_entry e JOIN credit_gz.subject s USING (subject_id)"
}

q "$src" <<'SQL'
CREATE EXTENSION credit_gz;
INSERT INTO credit_gz.subject (uscc, name) VALUES ('91440101MC00000121', '甲公司'), ('91440101MC0000020U', '乙公司');
INSERT INTO credit_gz.subject (resident_id, name) VALUES ('440106198001011011', '张三'), ('440106198505051033', '李四');
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
SELECT o.subject_id, p.subject_id, k, date '2020-01-01'
  FROM (VALUES ('甲公司', '张三', 'legal_representative'), ('甲公司', '李四', 'principal_person'),
               ('乙公司', '李四', 'legal_representative')) v (org, person, k)
  JOIN credit_gz.subject o ON o.name = v.org JOIN credit_gz.subject p ON p.name = v.person;
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT subject_id, 'judgment_debtor', 'court', '(2026)粤01执1号', credit_gz.policy_date() - 10 FROM credit_gz.subject WHERE name = '甲公司';
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT subject_id, 'wage_arrears', 'court', '穗人社欠薪〔2026〕1号', credit_gz.policy_date() - 5 FROM credit_gz.subject WHERE name = '乙公司';
UPDATE credit_gz.list_entry SET status = 'revoked' WHERE list_type_code = 'wage_arrears';
INSERT INTO credit_gz.measure (code, name_zh, list_type_code, action, category, kind, effect, legal_basis, effective_from)
VALUES ('local_subsidy_bar', '本地补贴限制', 'key_attention', 'subsidy', 'rights_reducing', 'punishment', 'deny', '本地规定', '2026-01-01');
INSERT INTO credit_gz.dishonesty_case (subject_id, department_code, title, rectification_due)
SELECT subject_id, 'court', '拒不履行', credit_gz.policy_date() + 30 FROM credit_gz.subject WHERE name = '甲公司';
INSERT INTO credit_gz.dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
SELECT subject_id, case_id, s, credit_gz.policy_date() - d, 'court' FROM credit_gz.dishonesty_case, (VALUES ('verification', 3), ('recording', 2)) v (s, d);
CREATE TEMP TABLE pc AS SELECT credit_gz.precheck(subject_id, 'government_procurement', 'procurement_bid', 'finance')
  FROM credit_gz.subject WHERE name = '甲公司';
SQL
before=$(state "$src")
pg_dump -Fc -f "$tmp/lists.dump" "$src" 2>/dev/null
createdb "$dst"
# schema, then the data with triggers disabled (so nothing is derived or audited twice), then constraints
if pg_restore --exit-on-error --section=pre-data -d "$dst" "$tmp/lists.dump" 2>"$tmp/err" &&
   pg_restore --exit-on-error --section=data --disable-triggers -d "$dst" "$tmp/lists.dump" 2>>"$tmp/err" &&
   pg_restore --exit-on-error --section=post-data -d "$dst" "$tmp/lists.dump" 2>>"$tmp/err"; then
    ok "pg_restore (pre-data, data with --disable-triggers, post-data)"
else
    notok "pg_restore: $(cat "$tmp/err")"
fi
[ "$(q "$dst" -c "SELECT count(*) FROM credit_gz.list_entry WHERE derived_from_entry_id IS NOT NULL AND status = 'active'")" = 2 ] \
    && ok "the two active derived entries are in the dump" || notok "active derived entries were not dumped"
after=$(state "$dst")
[ "$(q "$dst" -c "SELECT credit_gz.repropagate()")" = 0 ] && ok "repropagate() finds nothing to change after the restore" \
    || notok "repropagate changed entries after the restore"
[ "$before" = "$after" ] && ok "entries identical after restore, lifted history kept, derived ones as they were" \
    || notok "entries differ: before $before / after $after"
[ "$(q "$dst" -c "SELECT count(*) FROM credit_gz.list_entry WHERE derived_from_entry_id IS NOT NULL AND status = 'active'")" = 2 ] \

[ "$(q "$dst" -c "SELECT count(*) FROM credit_gz.measure WHERE NOT shipped")" = 1 ] && ok "local measure restored once" \
    || notok "local measure"
[ "$(q "$dst" -c "SELECT count(*) FROM credit_gz.measure")" = "$(q "$src" -c "SELECT count(*) FROM credit_gz.measure")" ] \
    && ok "shipped measures not duplicated" || notok "measure count differs"
[ "$(q "$dst" -c "SELECT stage FROM credit_gz.dishonesty_case")" = recording ] && ok "case and steps restored" || notok "case"
[ "$(q "$dst" -c "SELECT count(*) FROM credit_gz.measure_feedback")" = 1 ] && ok "feedback restored" || notok "feedback"
[ "$(q "$dst" -c "SELECT credit_gz.is_restricted('91440101MC00000121', 'government_procurement', 'procurement_bid')")" = t ] \
    && ok "restored listing restricts" || notok "restored listing does not restrict"
exit $fail
