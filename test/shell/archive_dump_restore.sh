#!/bin/sh
# The credit archive survives pg_dump / pg_restore: subjects (with their code lookups), relations, occupations, records (with a window changed
# by repair), commitments, the audit log, locally added catalogue rows, and the identity sequences' positions.
# Restored as doc/archive.md recommends: pre-data, then data with --disable-triggers (stored windows and the audit log
# are kept as they were, not re-derived or re-logged), then post-data.
# Runs inside the suite's throwaway cluster (PGHOST/PGPORT/PGUSER set by scripts/run-suite).
set -eu
src=credit_gz_archive_dump_src
dst=credit_gz_archive_dump_dst
. "$(dirname "$0")/lib/dump_db.sh"

q "$src" >/dev/null <<'SQL'
CREATE EXTENSION credit_gz;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind) VALUES ('local_bureau', '本地测试局', 'local test bureau', 'municipal');
INSERT INTO credit_gz.info_item (code, name_zh, name_en, kind, polarity, applies_to, legal_basis)
VALUES ('local_item', '本地信息项', 'local item', 'penalty', 'negative', 'both', '本地规定');
INSERT INTO credit_gz.domain (code, parent_code, seq, sector, name_zh, name_en)
VALUES ('local_domain', 'work_safety', 12, 'social', '本地领域', 'local domain');
INSERT INTO credit_gz.publicity_rule (publicity_rule_id, generation, source, effective_from, severity, domain_code, min_months, max_months, repairable)
VALUES (9001, 'local', '本地规定', '2024-01-01', 'general', 'local_domain', 6, 24, true);
INSERT INTO credit_gz.subject (uscc, name) VALUES ('91440106100100017F', '转储公司'), ('91110000600037341L', '北京公司');
INSERT INTO credit_gz.subject (resident_id, name) VALUES ('440106199001010013', '转储个人');
INSERT INTO credit_gz.identity_document_type (code, name_zh, name_en, validation, source)
VALUES ('local_passport', '本地测试证件', 'local test document', 'passport', '本地规定');
INSERT INTO credit_gz.subject (identity_document_type, identity_document_no, name)
VALUES ('passport', 'GBR/123456789', '转储护照'), ('local_passport', 'XYZ/A1234567', '转储本地证件');
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
SELECT o.subject_id, p.subject_id, 'legal_representative', '2020-01-01'
  FROM credit_gz.subject o, credit_gz.subject p WHERE o.name = '转储公司' AND p.name = '转储个人';
INSERT INTO credit_gz.occupation (subject_id, occupation, licence_no, employer_subject_id, valid_from)
SELECT p.subject_id, 'lawyer', 'L-1', o.subject_id, '2015-01-01'
  FROM credit_gz.subject o, credit_gz.subject p WHERE o.name = '转储公司' AND p.name = '转储个人';
SELECT credit_gz.load_record('market_regulation', 'D-1', subject_id, 'administrative_penalty', DATE '2025-02-01', 'food_drug_safety', 'general')
  FROM credit_gz.subject WHERE name = '转储公司';
SELECT credit_gz.load_record('local_bureau', 'D-2', subject_id, 'local_item', DATE '2025-03-01', 'local_domain', 'general')
  FROM credit_gz.subject WHERE name = '北京公司';
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, occupation_id)
SELECT subject_id, 'occupational_discipline', 'justice', 'D-3', DATE '2025-04-01', occupation_id FROM credit_gz.occupation;
-- repair shortened the window of D-1
UPDATE credit_gz.record SET status = 'repaired', publish_until = DATE '2025-06-01' WHERE document_no = 'D-1';
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code, determined_on, status)
SELECT subject_id, 'notification_approval', '告知承诺', 'market_regulation', DATE '2025-05-01', 'not_fulfilled'
  FROM credit_gz.subject WHERE name = '转储公司';
SQL
snapshot() {
    q "$1" -c "SELECT subject_id, uscc, resident_id, identity_document_type, identity_document_no, name, kind, district
                 FROM credit_gz.subject ORDER BY subject_id" \
           -c "SELECT subject_id, uscc FROM credit_gz.subject_uscc ORDER BY 1" \
           -c "SELECT subject_id, resident_id FROM credit_gz.subject_resident_id ORDER BY 1" \
           -c "SELECT subject_id, identity_document_type, identity_document_no FROM credit_gz.subject_identity_document ORDER BY 1" \
           -c "SELECT relation_id, subject_id, related_subject_id, kind, valid_from FROM credit_gz.relation ORDER BY 1" \
           -c "SELECT occupation_id, subject_id, occupation, licence_no FROM credit_gz.occupation ORDER BY 1" \
           -c "SELECT record_id, subject_id, item_code, document_no, severity, publicity_rule_id, repairable_from, publish_until, status
                 FROM credit_gz.record ORDER BY 1" \
           -c "SELECT commitment_id, status, record_id FROM credit_gz.commitment ORDER BY 1" \
           -c "SELECT count(*) FROM credit_gz.audit_log" \
           -c "SELECT code FROM credit_gz.department WHERE NOT shipped UNION ALL SELECT code FROM credit_gz.info_item WHERE NOT shipped
               UNION ALL SELECT code FROM credit_gz.domain WHERE NOT shipped UNION ALL SELECT publicity_rule_id::text FROM credit_gz.publicity_rule WHERE NOT shipped
               UNION ALL SELECT code FROM credit_gz.identity_document_type WHERE NOT shipped" \
           -c "SELECT count(*) FROM credit_gz.department" -c "SELECT count(*) FROM credit_gz.info_item"
}
snapshot "$src" > "$tmp/src.txt"

pg_dump -Fc -d "$src" -f "$tmp/dump.custom" 2>/dev/null
createdb "$dst"
if pg_restore --exit-on-error --section=pre-data -d "$dst" "$tmp/dump.custom" 2>"$tmp/err" &&
   pg_restore --exit-on-error --section=data --disable-triggers -d "$dst" "$tmp/dump.custom" 2>>"$tmp/err" &&
   pg_restore --exit-on-error --section=post-data -d "$dst" "$tmp/dump.custom" 2>>"$tmp/err"; then
    ok "pg_restore (pre-data, data with --disable-triggers, post-data)"
else
    notok "pg_restore: $(grep -v 'pg_dump: \(warning\|detail\|hint\)' "$tmp/err" | head -5)"
fi
snapshot "$dst" > "$tmp/dst.txt"
if cmp -s "$tmp/src.txt" "$tmp/dst.txt"; then ok "archive, repaired window, audit log and local catalogue rows identical"; else
    notok "archive identical"; diff "$tmp/src.txt" "$tmp/dst.txt" | head -20; fi
next=$(q "$dst" -c "INSERT INTO credit_gz.subject (uscc, name) VALUES ('91620105L015101280', '新公司') RETURNING subject_id > 5")
[ "$next" = t ] && ok "identity sequences continue after the restored rows" || notok "identity sequences continue ($next)"
audit=$(q "$dst" -c "SELECT count(*) FROM credit_gz.audit_log WHERE new_row ->> 'name' = '新公司'")
[ "$audit" = 1 ] && ok "triggers work again after the restore (audit)" || notok "triggers work again after the restore ($audit)"
rej=$(q "$dst" -c "SELECT credit_gz.load_record('market_regulation', 'D-9', subject_id, 'red_light', credit_gz.policy_date(), NULL, NULL)
                     FROM credit_gz.subject WHERE name = '转储个人'" 2>&1 | grep -c 'may not enter the personal credit record' || true)
[ "$rej" = 1 ] && ok "the record rules hold in the restored database" || notok "the record rules hold in the restored database"
dup=$(q "$dst" -c "INSERT INTO credit_gz.subject (identity_document_type, identity_document_no, name)
                     VALUES ('passport', 'gbr/123456789', 'x')" 2>&1 | grep -c 'subject_identity_document_key' || true)
found=$(q "$dst" -c "SELECT credit_gz.subject_id_of('passport:GBR/123456789') = subject_id FROM credit_gz.subject WHERE name = '转储护照'")
[ "$dup" = 1 ] && [ "$found" = t ] && ok "restored document codes stay unique and are found by code" ||
    notok "restored document codes stay unique ($dup) and are found by code ($found)"
exit $fail
