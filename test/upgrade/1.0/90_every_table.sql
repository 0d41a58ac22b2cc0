-- Frozen with release 1.0, beside the copies of the demo: rows of the tables the demo leaves empty (职业档案, a case's
-- records and entries, 不予修复限制), so that every table of 1.0 holds rows the upgrade must keep.
\set ON_ERROR_STOP 1
-- a lawyer's occupational archive with its licence (occupation_licence is written by occupation's trigger)
INSERT INTO credit_gz.occupation (subject_id, occupation, licence_no, valid_from)
SELECT subject_id, 'lawyer', '14401200' || lpad(row_number() OVER (ORDER BY subject_id)::text, 9, '0'), DATE '2015-07-01'
  FROM credit_gz.subject WHERE kind = 'natural_person' ORDER BY subject_id LIMIT greatest(2, round(100 * :scale));
-- the dishonesty case groups its subject's records and list entries
INSERT INTO credit_gz.dishonesty_case_item (subject_id, case_id, record_id)
SELECT c.subject_id, c.case_id, r.record_id
  FROM credit_gz.dishonesty_case c JOIN credit_gz.record r ON r.subject_id = c.subject_id;
INSERT INTO credit_gz.dishonesty_case_item (subject_id, case_id, entry_id)
SELECT c.subject_id, c.case_id, e.entry_id
  FROM credit_gz.dishonesty_case c JOIN credit_gz.list_entry e ON e.subject_id = c.subject_id;
-- a repair obtained by fraud was revoked: the subject may not apply again for three years
INSERT INTO credit_gz.repair_bar (subject_id, barred_from, barred_until, reason, basis, department_code)
SELECT subject_id, credit_gz.policy_date() - 10, credit_gz.policy_date() + 3 * 365, '以弄虚作假方式获得信用修复, 修复决定已撤销',
       '《失信行为纠正后的信用信息修复管理办法(试行)》', 'development_reform'
  FROM credit_gz.subject WHERE kind = 'enterprise' ORDER BY subject_id DESC LIMIT 1;
-- a locally added holiday (a catalogue row, audited in catalogue_audit_log: it belongs to no subject)
INSERT INTO credit_gz.calendar (day, kind, name_zh, source)
VALUES (DATE '2031-12-31', 'holiday', '示例地方假日', '示例: 本地调整');
