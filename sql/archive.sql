-- Credit archive: exact error texts of the record rules, the publicity window, idempotent loading.
SET datestyle = ISO, YMD;
-- Subjects use negative ids (never produced by the identity sequence); everything is removed at the end.
INSERT INTO credit_gz.subject (subject_id, uscc, name) VALUES
    (-9001, credit_gz.uscc_make('91440106' || '10010001' || '7'), '回归测试天河公司');
INSERT INTO credit_gz.subject (subject_id, resident_id, name) VALUES (-9002, '440106199001010013', '回归测试张三');
SELECT subject_id, uscc, resident_id, kind, district FROM credit_gz.subject WHERE subject_id IN (-9001, -9002) ORDER BY subject_id;

-- every rejection names its rule
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
VALUES (-9002, 'no_such_item', 'market_regulation', 'REG-1', '2025-01-01');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
VALUES (-9002, 'property_fee_arrears', 'housing', 'REG-2', '2025-01-01');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
VALUES (-9001, 'administrative_penalty', 'market_regulation', 'REG-3', '2999-01-01', 'general');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
VALUES (-9001, 'administrative_penalty', 'market_regulation', 'REG-4', '2022-05-01', 'minor');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity, domain_code)
VALUES (-9001, 'administrative_penalty', 'market_regulation', 'REG-5', '2024-05-01', 'specific_serious', 'food_drug_safety');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
VALUES (-9001, 'administrative_penalty', 'market_regulation', 'REG-6', '2022-05-01', 'grave');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
VALUES (-9001, 'administrative_penalty', 'market_regulation', 'REG-7', '2022-05-01');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
VALUES (-9001, 'a_grade_taxpayer', 'taxation', 'REG-8', '2022-05-01', 'general');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
VALUES (-9002, 'a_grade_taxpayer', 'taxation', 'REG-9', '2022-05-01');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
VALUES (-9009, 'a_grade_taxpayer', 'taxation', 'REG-10', '2022-05-01');
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
VALUES (-9002, -9001, 'branch', '2020-01-01');

-- the window of each rule generation (a department outside market regulation, which has rules of its own from 2025-12-25)
SELECT credit_gz.load_record('environment', 'REG-' || d || '-' || s, -9001, 'administrative_penalty', d::date, dom, s)
       IS NOT NULL AS loaded
  FROM (VALUES ('2019-07-01', 'general', NULL), ('2023-04-30', 'serious', NULL), ('2021-02-28', 'specific_serious', NULL),
               ('2023-05-01', 'general', NULL), ('2024-02-29', 'serious', 'fire_safety'),
               ('2026-04-01', 'minor', NULL), ('2026-04-01', 'serious', NULL)) AS v(d, s, dom);
SELECT document_no, r.severity, r.domain_code, p.generation, repairable_from, publish_until
  FROM credit_gz.record r JOIN credit_gz.publicity_rule p USING (publicity_rule_id)
 WHERE subject_id = -9001 ORDER BY decision_date, document_no;

-- re-sending updates in place
SELECT credit_gz.load_record('environment', 'REG-2023-05-01-general', -9001, 'administrative_penalty',
                             '2023-05-01', 'food_drug_safety', 'general') IS NOT NULL AS resent;
SELECT document_no, domain_code, publicity_rule_id, repairable_from, publish_until,
       (SELECT count(*) FROM credit_gz.record WHERE document_no = 'REG-2023-05-01-general') AS copies
  FROM credit_gz.record WHERE document_no = 'REG-2023-05-01-general';

DELETE FROM credit_gz.record WHERE subject_id IN (-9001, -9002);
DELETE FROM credit_gz.subject WHERE subject_id IN (-9001, -9002);
DELETE FROM credit_gz.audit_log WHERE subject_id IN (-9001, -9002);
RESET datestyle;
