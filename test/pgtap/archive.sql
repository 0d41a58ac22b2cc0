-- Credit archive: catalogues, subjects, relations, occupations, records and their publicity windows,
-- idempotent loading, every rejection with its SQLSTATE, commitments, audit log, cache invalidation.
BEGIN;
SELECT plan(151);

-- Valid test codes: organisation-code check digit (GB 11714) + mod-31 check character (GB 32100); MOD 11-2 for ids.
CREATE FUNCTION pg_temp.mk_uscc(region text, n bigint) RETURNS text LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make('91' || region || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;
CREATE FUNCTION pg_temp.mk_rid(region text, birth text, seq int) RETURNS text LANGUAGE sql AS $$
  SELECT b || (SELECT CASE c WHEN 10 THEN 'X' ELSE c::text END
                 FROM (SELECT (12 - sum(substr(b, i, 1)::int * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[i]) % 11) % 11 AS c
                         FROM generate_series(1, 17) i) s)
    FROM (SELECT region || birth || lpad(seq::text, 3, '0') AS b) x $$;
-- the subject_id of a test subject by name
CREATE FUNCTION pg_temp.sid(n text) RETURNS bigint LANGUAGE sql AS $$
  SELECT subject_id FROM credit_gz.subject WHERE name = n $$;
-- insert a penalty record and return it
CREATE FUNCTION pg_temp.pen(doc text, d date, sev text, dom text DEFAULT NULL, subj text DEFAULT 'T天河公司')
RETURNS credit_gz.record LANGUAGE sql AS $$
  INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity, domain_code)
  VALUES (pg_temp.sid(subj), 'administrative_penalty', 'environment', doc, d, sev, dom) RETURNING * $$;

-- ---------------------------------------------------------------------------------------------------- catalogues
SELECT has_table('credit_gz', t, 'table credit_gz.' || t)
  FROM unnest(ARRAY['department', 'domain', 'domain_department', 'info_item', 'subject', 'occupation', 'relation',
                    'publicity_rule', 'record', 'commitment', 'audit_log', 'catalogue_audit_log']) AS t;
SELECT is((SELECT count(DISTINCT seq)::int FROM credit_gz.domain WHERE in_annex), 29, 'annex 1: 29 supervision domains');
SELECT is((SELECT count(*)::int FROM credit_gz.domain WHERE in_annex AND parent_code IS NOT NULL), 12,
          'annex 1: 12 sub-domains (物流 3, 中介服务业 3, 平台经济 6)');
SELECT is((SELECT count(*)::int FROM credit_gz.domain d WHERE in_annex
              AND NOT EXISTS (SELECT FROM credit_gz.domain c WHERE c.parent_code = d.code)
              AND NOT EXISTS (SELECT FROM credit_gz.domain_department x WHERE x.domain_code = d.code)), 0,
          'every annex domain without sub-domains has a responsible department');
SELECT is((SELECT count(*)::int FROM credit_gz.domain_department WHERE domain_code = 'construction'), 10,
          '工程建设: ten responsible departments');
SELECT set_eq($$SELECT department_code FROM credit_gz.domain_department WHERE domain_code = 'childcare'$$,
              ARRAY['health', 'establishment', 'market_regulation', 'social_organizations'],
              '婴幼儿托育服务: 市卫生健康委, 市委编办, 市市场监管局, 市社会组织管理局');
SELECT is((SELECT name_zh FROM credit_gz.department WHERE code = 'taxation'), '广州市税务局', 'department names as in the annex');
SELECT set_eq($$SELECT name_zh FROM credit_gz.info_item WHERE barred_for_natural_person$$,
              ARRAY['信访', '拆迁', '闯红灯', '不文明养犬', '欠缴物业费', '未执行垃圾分类'],
              '十七: the six minor behaviours are barred from personal records');
SELECT is((SELECT count(*)::int FROM credit_gz.info_item WHERE btrim(legal_basis) = ''), 0, 'every item has a legal basis');
SELECT throws_ok($$INSERT INTO credit_gz.info_item (code, name_zh, name_en, kind, polarity, applies_to, barred_for_natural_person, legal_basis)
                   VALUES ('x_pos', 'x', 'x', 'positive', 'negative', 'both', false, 'law')$$,
                 '23514', NULL, 'catalogue: a positive item cannot be negative');
SELECT throws_ok($$INSERT INTO credit_gz.info_item (code, name_zh, name_en, kind, polarity, applies_to, barred_for_natural_person, legal_basis)
                   VALUES ('x_bar', 'x', 'x', 'other', 'neutral', 'both', true, 'law')$$,
                 '23514', NULL, 'catalogue: only negative items can be barred');
SELECT throws_ok($$INSERT INTO credit_gz.domain (code, parent_code, seq, sector, name_zh, name_en)
                   VALUES ('x_sub', 'no_such_parent', 1, 'social', 'x', 'x')$$, '23503', NULL, 'a sub-domain needs an existing parent');
SELECT throws_ok($$DELETE FROM credit_gz.domain WHERE code = 'logistics'$$, '23503', NULL, 'a parent with sub-domains cannot go');
SELECT is((SELECT array_agg(DISTINCT generation ORDER BY generation) FROM credit_gz.publicity_rule),
          ARRAY['gz_2024', 'ndrc_36_2026', 'ndrc_527_2019', 'ndrc_58_2023', 'samr_107_2025'], 'five rule generations shipped as data');

-- ---------------------------------------------------------------------------------------------------- subjects
INSERT INTO credit_gz.subject (uscc, name) VALUES
    (pg_temp.mk_uscc('440106', 1001), 'T天河公司'),
    (pg_temp.mk_uscc('440102', 1002), 'T东山公司'),
    (pg_temp.mk_uscc('110105', 1003), 'T北京公司');
INSERT INTO credit_gz.subject (resident_id, name) VALUES
    (pg_temp.mk_rid('440106', '19900101', 11), 'T张三'),
    (pg_temp.mk_rid('440183', '19850505', 22), 'T李四');
SELECT is((SELECT district FROM credit_gz.subject WHERE name = 'T天河公司'), '天河区', 'district from the uscc');
SELECT is((SELECT district FROM credit_gz.subject WHERE name = 'T东山公司'), '越秀区', 'abolished 东山区 code → 越秀区');
SELECT is((SELECT district FROM credit_gz.subject WHERE name = 'T北京公司'), NULL, 'no district outside Guangzhou');
SELECT is((SELECT district FROM credit_gz.subject WHERE name = 'T李四'), '增城区', 'district from the resident id (增城市 → 增城区)');
SELECT is((SELECT kind FROM credit_gz.subject WHERE name = 'T天河公司'), 'enterprise', 'kind from the code: 91 → enterprise');
SELECT is((SELECT kind FROM credit_gz.subject WHERE name = 'T张三'), 'natural_person', 'a resident id makes a natural person');
UPDATE credit_gz.subject SET district = '白云区' WHERE name = 'T天河公司';
SELECT is((SELECT district FROM credit_gz.subject WHERE name = 'T天河公司'), '天河区', 'district cannot be typed over');
SELECT throws_ok($$INSERT INTO credit_gz.subject (name, kind) VALUES ('nobody', 'enterprise')$$,
                 '23514', NULL, 'a subject without identity is rejected');
SELECT throws_ok(format($$INSERT INTO credit_gz.subject (uscc, resident_id, name) VALUES (%L, %L, 'both')$$,
                        pg_temp.mk_uscc('440106', 1009), pg_temp.mk_rid('440106', '19900101', 99)),
                 '23514', NULL, 'a subject with two identities is rejected');
SELECT throws_ok(format($$INSERT INTO credit_gz.subject (uscc, name, kind) VALUES (%L, 'x', 'natural_person')$$,
                        pg_temp.mk_uscc('440106', 1010)),
                 '23514', NULL, 'an organisation cannot be a natural person');
SELECT throws_ok(format($$INSERT INTO credit_gz.subject (uscc, name) VALUES (%L, 'dup')$$, pg_temp.mk_uscc('440106', 1001)),
                 '23505', NULL, 'one subject per unified code');
SELECT throws_ok($$INSERT INTO credit_gz.subject (uscc, name) VALUES ('91440106MA59C3PQX1', 'bad')$$,
                 '22P02', NULL, 'a malformed code is rejected by the type');

-- ---------------------------------------------------------------------------------------------------- relations
SELECT lives_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until)
                  VALUES (pg_temp.sid('T天河公司'), pg_temp.sid('T张三'), 'legal_representative', '2020-01-01', '2023-01-01')$$,
                'a legal representative');
SELECT lives_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
                  VALUES (pg_temp.sid('T天河公司'), pg_temp.sid('T李四'), 'legal_representative', '2023-01-01')$$,
                'a successor after the first one''s period');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
                   VALUES (pg_temp.sid('T天河公司'), pg_temp.sid('T张三'), 'legal_representative', '2024-01-01')$$,
                 '23P01', NULL, 'one legal representative at a time');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
                   VALUES (pg_temp.sid('T东山公司'), pg_temp.sid('T北京公司'), 'legal_representative', '2024-01-01')$$,
                 '23514', NULL, 'a legal representative is a natural person');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, share_pct)
                   VALUES (pg_temp.sid('T张三'), pg_temp.sid('T天河公司'), 'shareholder', '2024-01-01', 10)$$,
                 '23514', NULL, 'relations belong to organisations');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
                   VALUES (pg_temp.sid('T天河公司'), pg_temp.sid('T东山公司'), 'shareholder', '2024-01-01')$$,
                 '23514', NULL, 'a shareholder needs a share');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, share_pct)
                   VALUES (pg_temp.sid('T天河公司'), pg_temp.sid('T东山公司'), 'shareholder', '2024-01-01', 120)$$,
                 '23514', NULL, 'a share is at most 100%');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until)
                   VALUES (pg_temp.sid('T天河公司'), pg_temp.sid('T东山公司'), 'branch', '2024-01-01', '2023-01-01')$$,
                 '23514', NULL, 'a period ends after it starts');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
                   VALUES (pg_temp.sid('T天河公司'), pg_temp.sid('T天河公司'), 'actual_controller', '2024-01-01')$$,
                 '23514', NULL, 'no relation to itself');
SELECT lives_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, share_pct)
                  VALUES (pg_temp.sid('T天河公司'), pg_temp.sid('T东山公司'), 'shareholder', '2024-01-01', 35.5)$$,
                'an organisation as shareholder with its share');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, share_pct)
                   VALUES (pg_temp.sid('T天河公司'), -1, 'shareholder', '2024-01-01', 5)$$,
                 '23503', 'insert or update on table "relation" violates foreign key constraint "relation_related_subject_id_fkey"',
                 'a related party must exist (checked by trigger, not a foreign key)');
SELECT throws_ok($$UPDATE credit_gz.subject SET subject_id = -2 WHERE name = 'T东山公司'$$, '23503',
                 'update or delete on table "subject" violates foreign key constraint "relation_related_subject_id_fkey" on table "relation"',
                 'a related party keeps its id while relations name it');

-- ---------------------------------------------------------------------------------------------------- occupations
SELECT lives_ok($$INSERT INTO credit_gz.occupation (subject_id, occupation, licence_no, employer_subject_id, department_code, valid_from)
                  VALUES (pg_temp.sid('T张三'), 'lawyer', '14401200000000001', pg_temp.sid('T天河公司'), 'justice', '2015-07-01')$$,
                'occupational archive of a lawyer');
SELECT throws_ok($$INSERT INTO credit_gz.occupation (subject_id, occupation, valid_from)
                   VALUES (pg_temp.sid('T天河公司'), 'doctor', '2015-07-01')$$,
                 '23514', NULL, 'occupational archives are for natural persons');
SELECT throws_ok($$INSERT INTO credit_gz.occupation (subject_id, occupation, employer_subject_id, valid_from)
                   VALUES (pg_temp.sid('T李四'), 'teacher', pg_temp.sid('T张三'), '2015-07-01')$$,
                 '23514', NULL, 'an employer is an organisation');
SELECT throws_ok($$INSERT INTO credit_gz.occupation (subject_id, occupation, licence_no, valid_from)
                   VALUES (pg_temp.sid('T李四'), 'lawyer', '14401200000000001', '2016-01-01')$$,
                 '23505', 'duplicate key value violates unique constraint "occupation_licence_pkey"',
                 'a licence number belongs to one archive');
SELECT throws_ok($$INSERT INTO credit_gz.occupation (subject_id, occupation, employer_subject_id, valid_from)
                   VALUES (pg_temp.sid('T李四'), 'teacher', -1, '2015-07-01')$$,
                 '23503', 'insert or update on table "occupation" violates foreign key constraint "occupation_employer_subject_id_fkey"',
                 'an employer must exist (checked by trigger, not a foreign key)');
SAVEPOINT employer;
INSERT INTO credit_gz.subject (uscc, name) VALUES (pg_temp.mk_uscc('440106', 1099), 'T雇主医院');
INSERT INTO credit_gz.occupation (subject_id, occupation, employer_subject_id, valid_from)
VALUES (pg_temp.sid('T李四'), 'nurse', pg_temp.sid('T雇主医院'), '2015-07-01');
SELECT throws_ok($$DELETE FROM credit_gz.subject WHERE name = 'T雇主医院'$$, '23503',
                 'update or delete on table "subject" violates foreign key constraint "occupation_employer_subject_id_fkey" on table "occupation"',
                 'an employer cannot be deleted while archives name it');
ROLLBACK TO SAVEPOINT employer;
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, occupation_id)
                  SELECT subject_id, 'occupational_discipline', 'justice', 'T-OCC-1', credit_gz.policy_date() - 30, occupation_id
                    FROM credit_gz.occupation WHERE licence_no = '14401200000000001'$$,
                'a record concerning the person as a lawyer');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, occupation_id)
                   SELECT pg_temp.sid('T李四'), 'occupational_discipline', 'justice', 'T-OCC-2', credit_gz.policy_date() - 30, occupation_id
                     FROM credit_gz.occupation WHERE licence_no = '14401200000000001'$$,
                 '23503', NULL, 'a record cannot cite another person''s occupation');

-- ---------------------------------------------------------------------------------------------------- publicity windows
-- 发改办财金〔2019〕527号, 2019-07-01 … 2023-04-30
SELECT throws_ok($$SELECT pg_temp.pen('T-R-0', '2019-06-30', 'general')$$, '23503', NULL,
                 'before 2019-07-01 no rule knows a general penalty');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from, publish_until)::text FROM pg_temp.pen('T-R-1', '2019-07-01', 'general')),
          '(101,2019-10-01,2020-07-01)', '527 first day: general 3 months – 1 year');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from, publish_until)::text FROM pg_temp.pen('T-R-2', '2023-04-30', 'serious')),
          '(102,2023-10-30,2026-04-30)', '527 last day: serious 6 months – 3 years');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from, publish_until)::text FROM pg_temp.pen('T-R-3', '2020-03-15', 'specific_serious')),
          '(103,,2023-03-15)', '527 specific serious: 3 years, not repairable');
SELECT throws_ok($$SELECT pg_temp.pen('T-R-4', '2019-12-01', 'minor')$$, '23503', NULL,
                 '527 knows no minor class');
-- 国家发展改革委令第58号, 2023-05-01 … 2026-03-31
SELECT is((SELECT ROW(publicity_rule_id, repairable_from, publish_until)::text FROM pg_temp.pen('T-R-5', '2023-05-01', 'serious')),
          '(202,2023-08-01,2026-05-01)', 'Order 58 first day: serious 3 months – 3 years');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from, publish_until)::text FROM pg_temp.pen('T-R-6', '2026-03-31', 'general')),
          '(201,2026-06-30,2029-03-31)', 'Order 58 last day: general 3 months – 3 years');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from)::text FROM pg_temp.pen('T-R-7', '2024-01-31', 'general', 'food_drug_safety')),
          '(217,2025-01-31)', 'Order 58 food and drugs: 1 year minimum');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from)::text FROM pg_temp.pen('T-R-8', '2024-01-31', 'serious', 'special_equipment')),
          '(212,2025-01-31)', 'Order 58 special equipment: 1 year minimum');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from)::text FROM pg_temp.pen('T-R-9', '2024-01-31', 'general', 'fire_safety')),
          '(215,2025-01-31)', 'Order 58 fire safety: 1 year minimum');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from)::text FROM pg_temp.pen('T-R-10', '2024-01-31', 'general', 'work_safety')),
          '(213,2025-01-31)', 'Order 58 work safety: 1 year minimum');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from)::text FROM pg_temp.pen('T-R-11', '2024-01-31', 'general', 'transport')),
          '(201,2024-04-30)', 'Order 58 other domains: 3 months (end of month clamped)');
INSERT INTO credit_gz.domain (code, parent_code, seq, sector, name_zh, name_en)
VALUES ('t_mine_safety', 'work_safety', 12, 'social', '测试矿山安全', 'test mine safety');
SELECT is((SELECT publicity_rule_id FROM pg_temp.pen('T-R-12', '2024-01-31', 'general', 't_mine_safety')), 213,
          'a sub-domain inherits its parent''s rule');
SELECT throws_ok($$SELECT pg_temp.pen('T-R-13', '2024-06-01', 'specific_serious')$$, '23503', NULL,
                 'Order 58 knows no specific serious class');
-- 国家发展改革委令第36号, 2026-04-01 …
SELECT is((SELECT ROW(publicity_rule_id, repairable_from, publish_until)::text FROM pg_temp.pen('T-R-14', '2026-04-01', 'minor')),
          '(301,2026-04-01,2026-07-01)', 'Order 36 first day: minor repairable at once, at most 3 months');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from, publish_until)::text FROM pg_temp.pen('T-R-15', '2026-04-01', 'general')),
          '(302,2026-07-01,2027-04-01)', 'Order 36: general 3 months – 1 year');
SELECT is((SELECT ROW(publicity_rule_id, repairable_from, publish_until)::text FROM pg_temp.pen('T-R-16', '2026-04-01', 'serious', 'food_drug_safety')),
          '(303,2027-04-01,2029-04-01)', 'Order 36: serious 1 – 3 years (no domain override)');
SELECT is((SELECT publish_until - decision_date FROM pg_temp.pen('T-R-17', credit_gz.policy_date() - 1, 'general')), (credit_gz.policy_date() - 1 + interval '12 months')::date - (credit_gz.policy_date() - 1),
          'a recent record is published for a year');
-- 《广州市公共信用信息管理规定》: ungraded negative information at most 5 years
SELECT is((SELECT ROW(publicity_rule_id, repairable_from, publish_until)::text FROM credit_gz.record WHERE document_no = 'T-OCC-1'),
          ROW(401, NULL::date, (credit_gz.policy_date() - 30 + interval '60 months')::date)::text, 'ungraded negative information: 5 years (Guangzhou)');
SELECT is((SELECT status FROM credit_gz.record WHERE document_no = 'T-R-1'), 'expired', 'a record loaded after its window is expired');
SELECT is((SELECT status FROM credit_gz.record WHERE document_no = 'T-R-17'), 'in_publicity', 'a current record is in publicity');
SELECT is((credit_gz.publicity_rule_for('2024-02-01', 'general', 't_mine_safety')).publicity_rule_id, 213,
          'publicity_rule_for agrees with the trigger');
SELECT is_empty($$SELECT document_no, publicity_rule_id FROM credit_gz.record
                  WHERE publicity_rule_id IS DISTINCT FROM credit_gz.publicity_rule_id_for(decision_date, severity, domain_code,
                            department_code, credit_gz.record_penalty_category(penalty_category, details), item_code)$$,
                'publicity_rule_id_for names the rule the trigger chose, for every record');
-- a new rule generation is data: records keep the rule of their decision date
INSERT INTO credit_gz.publicity_rule (publicity_rule_id, generation, source, effective_from, severity, min_months, max_months, repairable)
VALUES (9901, 't_local', 'test', '2026-05-01', 'minor', 1, 2, true);
SELECT is((SELECT publicity_rule_id FROM pg_temp.pen('T-R-18', '2026-05-01', 'minor')), 9901, 'a newly added rule applies at once');
SELECT is((SELECT publicity_rule_id FROM credit_gz.record WHERE document_no = 'T-R-14'), 301, 'earlier records keep their rule');

-- ---------------------------------------------------------------------------------------------------- rejections
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (pg_temp.sid('T张三'), 'no_such_item', 'market_regulation', 'T-X-1', '2025-01-01')$$,
                 '23503', 'record cites item "no_such_item", which is not in the information catalogue', 'item not in the catalogue');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (pg_temp.sid('T张三'), 'red_light', 'public_security', 'T-X-2', '2025-01-01')$$,
                 '23514', format('item "red_light" (闯红灯) may not enter the personal credit record of subject %s',
                        credit_gz.subject_code(pg_temp.sid('T张三'))),
                 '十七: 闯红灯 against a natural person');
SELECT throws_ok(format($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                          VALUES (pg_temp.sid('T张三'), %L, 'urban_management', 'T-X-3-' || %L, '2025-01-01')$$, code, code),
                 '23514', NULL, '十七: ' || name_zh || ' against a natural person')
  FROM credit_gz.info_item WHERE barred_for_natural_person AND code <> 'red_light' ORDER BY code;
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                  VALUES (pg_temp.sid('T天河公司'), 'property_fee_arrears', 'housing', 'T-X-4', '2025-01-01')$$,
                'the bar concerns personal records only: an organisation may be recorded');
SELECT throws_ok($$SELECT pg_temp.pen('T-X-5', credit_gz.policy_date() + 1, 'general')$$,
                 '23514', format('record decision date %s is in the future', credit_gz.policy_date() + 1), 'decision date in the future');
SELECT lives_ok($$SELECT pg_temp.pen('T-X-6', credit_gz.policy_date(), 'general')$$, 'a decision of today is fine');
SELECT throws_ok($$SELECT pg_temp.pen('T-X-7', '2022-01-01', 'minor')$$,
                 '23503', 'no publicity rule for severity "minor" on decision date 2022-01-01', 'unknown severity for the rule table');
SELECT throws_ok($$SELECT pg_temp.pen('T-X-8', '2022-01-01', 'grave')$$, '23514', NULL, 'a misspelt severity');
SELECT throws_ok($$SELECT pg_temp.pen('T-X-9', '2022-01-01', NULL)$$, '23514', NULL, 'a penalty needs a severity');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
                   VALUES (pg_temp.sid('T天河公司'), 'honour', 'commerce', 'T-X-10', '2025-01-01', 'general')$$,
                 '23514', NULL, 'a positive record has no severity');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
                   VALUES (pg_temp.sid('T天河公司'), 'abnormal_operations', 'market_regulation', 'T-X-10b', '2025-01-01', 'serious')$$,
                 '23514', NULL, 'only penalties are graded: a list entry has no severity');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (pg_temp.sid('T张三'), 'abnormal_operations', 'market_regulation', 'T-X-11', '2025-01-01')$$,
                 '23514', NULL, 'an organisation-only item against a person');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (pg_temp.sid('T天河公司'), 'occupational_discipline', 'justice', 'T-X-12', '2025-01-01')$$,
                 '23514', NULL, 'a person-only item against an organisation');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (-42, 'abnormal_operations', 'market_regulation', 'T-X-13', '2025-01-01')$$,
                 '23503', NULL, 'an unknown subject');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (pg_temp.sid('T天河公司'), 'honour', 'no_such_department', 'T-X-14', '2025-01-01')$$,
                 '23503', NULL, 'an unknown department');
SELECT throws_ok($$SELECT pg_temp.pen('T-X-15', '2025-01-01', 'general', 'no_such_domain')$$, '23503', NULL, 'an unknown domain');
SELECT throws_ok($$SELECT pg_temp.pen(' ', '2025-01-01', 'general')$$, '23514', NULL, 'a blank document number');
-- every rejection names a constraint that exists (the record trigger's rules report constraints of the table)
CREATE FUNCTION pg_temp.reported_constraint(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE c text;
BEGIN
    EXECUTE stmt;
    RETURN '(no error) ' || stmt;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS c = CONSTRAINT_NAME;
    RETURN c;
END $$;
SELECT is(ARRAY(SELECT coalesce(c, '(none) ' || stmt)
                  FROM (SELECT stmt, pg_temp.reported_constraint(stmt) AS c
                          FROM unnest(ARRAY[
                               $s$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                                  VALUES (pg_temp.sid('T张三'), 'no_such_item', 'market_regulation', 'T-C-1', '2025-01-01')$s$,
                               $s$SELECT pg_temp.pen('T-C-2', credit_gz.policy_date() + 1, 'general')$s$,
                               $s$SELECT pg_temp.pen('T-C-3', '2022-01-01', 'grave')$s$,
                               $s$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
                                  VALUES (pg_temp.sid('T天河公司'), 'honour', 'commerce', 'T-C-4', '2025-01-01', 'general')$s$,
                               $s$SELECT pg_temp.pen('T-C-5', '2022-01-01', NULL)$s$,
                               $s$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                                  VALUES (-42, 'abnormal_operations', 'market_regulation', 'T-C-6', '2025-01-01')$s$,
                               $s$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                                  VALUES (pg_temp.sid('T张三'), 'abnormal_operations', 'market_regulation', 'T-C-7', '2025-01-01')$s$,
                               $s$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                                  VALUES (pg_temp.sid('T张三'), 'red_light', 'public_security', 'T-C-8', '2025-01-01')$s$,
                               $s$SELECT pg_temp.pen('T-C-9', '2022-01-01', 'minor')$s$]) AS stmt) x
                 WHERE c IS NULL OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                                                 WHERE k.conrelid = 'credit_gz.record'::regclass AND k.conname = x.c)),
          '{}'::text[], 'every constraint the record trigger reports exists in pg_constraint');

-- a rejected batch leaves nothing behind
CREATE TEMP TABLE before_count AS SELECT count(*) AS n FROM credit_gz.record;
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
                   SELECT pg_temp.sid('T天河公司'), 'administrative_penalty', 'market_regulation', 'T-B-' || i, '2025-01-01',
                          CASE WHEN i = 500 THEN 'minor' ELSE 'general' END
                     FROM generate_series(1, 1000) i$$,
                 '23503', NULL, 'a batch with one bad row (row 500: minor in 2025) fails');
SELECT is((SELECT count(*) FROM credit_gz.record), (SELECT n FROM before_count), 'the failed batch left no record behind');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   SELECT pg_temp.sid(n), 'waste_sorting', 'urban_management', 'T-B2-' || n, '2025-01-01'
                     FROM unnest(ARRAY['T天河公司', 'T东山公司', 'T张三']) n$$,
                 '23514', NULL, 'a batch with a barred personal record fails');
SELECT is((SELECT count(*) FROM credit_gz.record WHERE document_no LIKE 'T-B%'), 0::bigint, 'and leaves nothing behind');

-- ---------------------------------------------------------------------------------------------------- idempotent loading
SELECT is(credit_gz.load_record('market_regulation', 'T-L-1', pg_temp.sid('T天河公司'), 'administrative_penalty', '2025-06-01', NULL, 'general'),
          credit_gz.load_record('market_regulation', 'T-L-1', pg_temp.sid('T天河公司'), 'administrative_penalty', '2025-06-01', NULL, 'general'),
          're-sending a record returns the same record_id');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no = 'T-L-1'), 1, 'and does not duplicate it');
UPDATE credit_gz.record SET status = 'under_objection' WHERE document_no = 'T-L-1';
SELECT lives_ok($$SELECT credit_gz.load_record('market_regulation', 'T-L-1', pg_temp.sid('T天河公司'), 'administrative_penalty', '2025-06-01', NULL, 'serious')$$,
                're-sending with a corrected severity');
SELECT is((SELECT ROW(severity, publicity_rule_id, status)::text FROM credit_gz.record WHERE document_no = 'T-L-1'),
          '(serious,202,under_objection)', 'the window follows the new severity, the status is kept');
SELECT throws_ok($$SELECT credit_gz.load_record('market_regulation', 'T-L-1', pg_temp.sid('T天河公司'), 'administrative_penalty', '2025-06-01', NULL, 'minor')$$,
                 '23503', NULL, 'a bad re-send is rejected');
SELECT is((SELECT severity FROM credit_gz.record WHERE document_no = 'T-L-1'), 'serious', 'and changes nothing');
SELECT lives_ok($$MERGE INTO credit_gz.record r
                  USING (SELECT d.subject_id, d.record_id FROM credit_gz.record_document d
                          WHERE d.department_code = 'market_regulation' AND d.document_no = 'T-L-1') s
                     ON r.subject_id = s.subject_id AND r.record_id = s.record_id
                   WHEN MATCHED THEN UPDATE SET severity = 'general'$$,
                'MERGE through record_document works too');
SELECT is((SELECT publicity_rule_id FROM credit_gz.record WHERE document_no = 'T-L-1'), 201, 'and recomputes the window');
UPDATE credit_gz.record SET status = 'repaired', publish_until = '2025-09-01' WHERE document_no = 'T-L-1';
SELECT is((SELECT ROW(publicity_rule_id, publish_until, status)::text FROM credit_gz.record WHERE document_no = 'T-L-1'),
          '(201,2025-09-01,repaired)', 'a status change keeps the window set with it (repair)');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
                   VALUES (pg_temp.sid('T天河公司'), 'administrative_penalty', 'market_regulation', 'T-L-1', '2025-06-01', 'general')$$,
                 '23505', NULL, 'a plain duplicate INSERT violates (department_code, document_no)');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
                   VALUES (pg_temp.sid('T东山公司'), 'administrative_penalty', 'market_regulation', 'T-L-1', '2025-06-01', 'general')$$,
                 '23505', 'duplicate key value violates unique constraint "record_document_key"',
                 'a document number is unique across subjects too (record_document)');
SELECT is((SELECT ROW(d.subject_id = r.subject_id, d.record_id = r.record_id)::text
             FROM credit_gz.record_document d JOIN credit_gz.record r USING (department_code, document_no)
            WHERE document_no = 'T-L-1'), '(t,t)', 'record_document names the record of the document');
SAVEPOINT doc;
UPDATE credit_gz.record SET document_no = 'T-L-1b', subject_id = pg_temp.sid('T东山公司') WHERE document_no = 'T-L-1';
SELECT is((SELECT ROW(document_no, subject_id = pg_temp.sid('T东山公司'))::text FROM credit_gz.record_document
            WHERE document_no LIKE 'T-L-1%'), '(T-L-1b,t)', 'a corrected document number and subject follow into record_document');
DELETE FROM credit_gz.record WHERE document_no = 'T-L-1b';
SELECT is((SELECT count(*)::int FROM credit_gz.record_document WHERE document_no LIKE 'T-L-1%'), 0,
          'a deleted record leaves record_document');
ROLLBACK TO SAVEPOINT doc;

-- ---------------------------------------------------------------------------------------------------- catalogue cache
SAVEPOINT s1;
UPDATE credit_gz.info_item SET barred_for_natural_person = false WHERE code = 'red_light';
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                  VALUES (pg_temp.sid('T张三'), 'red_light', 'public_security', 'T-C-1', '2025-01-01')$$,
                'a catalogue change is seen by the next statement');
ROLLBACK TO SAVEPOINT s1;
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (pg_temp.sid('T张三'), 'red_light', 'public_security', 'T-C-2', '2025-01-01')$$,
                 '23514', NULL, 'and forgotten when rolled back');
INSERT INTO credit_gz.info_item (code, name_zh, name_en, kind, polarity, applies_to, legal_basis)
VALUES ('t_new_item', '测试信息项', 'test item', 'other', 'neutral', 'both', 'test');
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                  VALUES (pg_temp.sid('T张三'), 't_new_item', 'commerce', 'T-C-3', '2025-01-01')$$,
                'a newly added item can be cited at once');

-- ---------------------------------------------------------------------------------------------------- subject kind cache
INSERT INTO credit_gz.subject (subject_id, uscc, name) VALUES (-777, pg_temp.mk_uscc('440106', 5555), 'T缓存公司');
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                  VALUES (-777, 'abnormal_operations', 'market_regulation', 'T-K-1', '2025-01-01')$$,
                'an organisation-only item for an organisation (its kind is now cached)');
DELETE FROM credit_gz.record WHERE subject_id = -777;
DELETE FROM credit_gz.subject WHERE subject_id = -777;
INSERT INTO credit_gz.subject (subject_id, resident_id, name) VALUES (-777, pg_temp.mk_rid('440106', '19700101', 77), 'T缓存个人');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (-777, 'abnormal_operations', 'market_regulation', 'T-K-2', '2025-01-01')$$,
                 '23514', NULL, 'after a DELETE the re-used id is looked up again (now a person)');
SAVEPOINT s2;
INSERT INTO credit_gz.subject (subject_id, uscc, name) VALUES (-778, pg_temp.mk_uscc('440106', 5556), 'T回滚公司');
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                  VALUES (-778, 'abnormal_operations', 'market_regulation', 'T-K-3', '2025-01-01')$$,
                'an organisation in a subtransaction');
ROLLBACK TO SAVEPOINT s2;
INSERT INTO credit_gz.subject (subject_id, resident_id, name) VALUES (-778, pg_temp.mk_rid('440106', '19700101', 78), 'T回滚个人');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (-778, 'abnormal_operations', 'market_regulation', 'T-K-4', '2025-01-01')$$,
                 '23514', NULL, 'after a subtransaction rollback the re-used id is looked up again');
SELECT throws_ok(format($$UPDATE credit_gz.subject SET resident_id = %L, uscc = NULL WHERE name = 'T天河公司'$$,
                        pg_temp.mk_rid('440106', '19700101', 79)),
                 '23514', format('subject %s cannot change between organisation and natural person',
                        (SELECT uscc::text FROM credit_gz.subject WHERE name = 'T天河公司')),
                 'a subject cannot switch between person and organisation');

-- ---------------------------------------------------------------------------------------------------- privileges
-- an application role that may only INSERT records: the trigger reads catalogues and subjects as the table owner
CREATE ROLE t_loader NOLOGIN BYPASSRLS;
GRANT USAGE ON SCHEMA credit_gz TO t_loader;
GRANT INSERT ON credit_gz.record TO t_loader;
INSERT INTO credit_gz.subject (subject_id, uscc, name) VALUES (-779, pg_temp.mk_uscc('440106', 5557), 'T权限公司');
UPDATE credit_gz.info_item SET name_en = name_en WHERE code = 'abnormal_operations';   -- the cache reloads next time
SET LOCAL ROLE t_loader;
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                  VALUES (-779, 'abnormal_operations', 'market_regulation', 'T-P-1', '2025-01-01')$$,
                'a role with INSERT only: catalogue and subject are read as the owner');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (-777, 'abnormal_operations', 'market_regulation', 'T-P-2', '2025-01-01')$$,
                 '23514', NULL, 'and the rules still hold for it');
RESET ROLE;

-- ---------------------------------------------------------------------------------------------------- search_path
-- besides its pinned search_path, record_before's queries are schema-qualified, operators included
CREATE SCHEMA t_evil;
CREATE FUNCTION t_evil.never(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT false';
CREATE OPERATOR t_evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = t_evil.never);
UPDATE credit_gz.info_item SET name_en = name_en WHERE code = 'honour';   -- the cache reloads under the path below
CREATE TEMP TABLE t_evil_result (state text);
SET LOCAL search_path = t_evil, pg_catalog, public;     -- (pgTAP itself cannot run under it: its = is gone too)
DO $$
BEGIN
    INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
    VALUES (-779, 'administrative_penalty', 'market_regulation', 'T-S-1', '2025-01-01');
    INSERT INTO t_evil_result VALUES ('accepted');
EXCEPTION WHEN OTHERS THEN
    INSERT INTO t_evil_result VALUES (SQLSTATE);
END $$;
RESET search_path;
SELECT is((SELECT state FROM t_evil_result), '23514',
          'a hostile search_path (an = that is always false) does not change what the trigger reads');

-- ---------------------------------------------------------------------------------------------------- commitments
INSERT INTO credit_gz.commitment (subject_id, kind, matter, matter_ref, department_code, domain_code, due_date)
VALUES (pg_temp.sid('T天河公司'), 'notification_approval', '食品经营许可告知承诺', 'JY-2025-1', 'market_regulation', 'food_drug_safety', credit_gz.policy_date());
UPDATE credit_gz.commitment SET status = 'not_fulfilled' WHERE matter_ref = 'JY-2025-1';
SELECT is((SELECT ROW(r.item_code, r.subject_id = c.subject_id, r.decision_date = credit_gz.policy_date(), r.publicity_rule_id, r.status)::text
             FROM credit_gz.commitment c JOIN credit_gz.record r USING (record_id) WHERE c.matter_ref = 'JY-2025-1'),
          '(commitment_breach,t,t,401,in_publicity)', '二(三): not fulfilled pushes a negative record, linked back');
SELECT is((SELECT r.document_no FROM credit_gz.commitment c JOIN credit_gz.record r USING (record_id) WHERE c.matter_ref = 'JY-2025-1'),
          (SELECT 'CMT-' || commitment_id FROM credit_gz.commitment WHERE matter_ref = 'JY-2025-1'), 'document number CMT-<id>');
UPDATE credit_gz.commitment SET status = 'fulfilled' WHERE matter_ref = 'JY-2025-1';
SELECT is((SELECT r.status FROM credit_gz.commitment c JOIN credit_gz.record r USING (record_id) WHERE c.matter_ref = 'JY-2025-1'),
          'revoked', 'a corrected determination revokes the record');
INSERT INTO credit_gz.commitment (subject_id, kind, matter, matter_ref, department_code)
VALUES (pg_temp.sid('T张三'), 'credit_repair', '信用修复承诺', 'JY-2025-2', 'development_reform');
SELECT throws_ok($$UPDATE credit_gz.commitment SET status = 'not_fulfilled', determined_on = credit_gz.policy_date() + 10 WHERE matter_ref = 'JY-2025-2'$$,
                 '23514', NULL, 'a breach the archive rejects fails the commitment update');
SELECT is((SELECT ROW(status, record_id)::text FROM credit_gz.commitment WHERE matter_ref = 'JY-2025-2'), '(pending,)',
          'nothing half-written: the commitment is still pending, no record');

-- ---------------------------------------------------------------------------------------------------- audit log
SELECT is((SELECT count(*)::int FROM credit_gz.audit_log WHERE table_name = 'credit_gz.subject' AND action = 'INSERT'
              AND row_key = pg_temp.sid('T张三')::text), 1, 'subject inserts are audited with their key');
SELECT is((SELECT old_row ->> 'status' || '→' || (new_row ->> 'status') FROM credit_gz.audit_log
            WHERE table_name = 'credit_gz.record' AND action = 'UPDATE'
              AND row_key = (SELECT record_id::text FROM credit_gz.record WHERE document_no = 'T-L-1')
            ORDER BY audit_id DESC LIMIT 1), 'under_objection→repaired', 'record updates are audited with old and new row');
CREATE TEMP TABLE audit_n AS SELECT count(*) AS n FROM credit_gz.audit_log;
UPDATE credit_gz.relation SET valid_from = valid_from WHERE subject_id = pg_temp.sid('T天河公司');
SELECT is((SELECT count(*) FROM credit_gz.audit_log), (SELECT n FROM audit_n), 'an update that changes nothing is not logged');
CREATE TABLE public.t_audited (a int, b text, subject_id bigint, PRIMARY KEY (b, a));
-- a site table is audited once the DBA registers it (audit_table attaches audit_trigger)
SELECT credit_gz.audit_table('public.t_audited');
INSERT INTO public.t_audited VALUES (1, 'x', 77);
DELETE FROM public.t_audited;
SELECT is((SELECT array_agg(action || ':' || row_key || ':' || subject_id ORDER BY audit_id) FROM credit_gz.audit_log
            WHERE table_name = 'public.t_audited'), ARRAY['INSERT:x,1:77', 'DELETE:x,1:77'],
          'audit_trigger() audits a registered site table; the key defaults to the primary key');
-- Rows of a table without subject_id (rules, catalogues) belong to no subject: catalogue_audit_log.
CREATE TABLE public.t_catalogue (code text PRIMARY KEY, v int);
-- a site table is audited once the DBA registers it (audit_table attaches audit_trigger)
SELECT credit_gz.audit_table('public.t_catalogue');
INSERT INTO public.t_catalogue VALUES ('c1', 1);
UPDATE public.t_catalogue SET v = 2;
SELECT is((SELECT array_agg(action || ':' || row_key || ':' || (new_row ->> 'v') ORDER BY audit_id)
             FROM credit_gz.catalogue_audit_log WHERE table_name = 'public.t_catalogue'),
          ARRAY['INSERT:c1:1', 'UPDATE:c1:2'], 'a change to a table without subject_id is audited in catalogue_audit_log');
SELECT is((SELECT count(*)::int FROM credit_gz.audit_log WHERE table_name = 'public.t_catalogue'), 0,
          '… and not in audit_log');
INSERT INTO credit_gz.calendar (day, kind, name_zh) VALUES ('2031-10-08', 'holiday', '测试假日');
SELECT is((SELECT action || ':' || row_key FROM credit_gz.catalogue_audit_log WHERE table_name = 'credit_gz.calendar'
              AND row_key = '2031-10-08'), 'INSERT:2031-10-08', 'the working-day calendar is audited in catalogue_audit_log');
SELECT is((SELECT count(*)::int FROM credit_gz.audit_log a JOIN credit_gz.subject s USING (subject_id)
            WHERE a.table_name = 'credit_gz.subject' AND a.row_key = pg_temp.sid('T张三')::text), 1,
          'an audit of a subject''s row carries its subject_id');
-- A subject's row always names its subject: audit_log.subject_id is NOT NULL.
SELECT throws_ok($$INSERT INTO public.t_audited VALUES (2, 'y', NULL)$$, '23502', NULL,
                 'a row of a table with subject_id but without a subject cannot be audited (NOT NULL)');
SELECT throws_ok($$INSERT INTO credit_gz.audit_log (table_name, action) VALUES ('x', 'INSERT')$$, '23502', NULL,
                 'audit_log.subject_id is NOT NULL');
SELECT throws_ok($$CREATE TRIGGER t_bad BEFORE INSERT ON public.t_catalogue FOR EACH ROW
                   EXECUTE FUNCTION credit_gz.audit_trigger();
                   INSERT INTO public.t_catalogue VALUES ('c2', 1)$$, '39P01', NULL,
                 'audit_trigger() refuses to run as anything but an AFTER ROW trigger');
SELECT is((SELECT prosecdef FROM pg_proc WHERE oid = 'credit_gz.audit_trigger()'::regprocedure), true,
          'audit_trigger is SECURITY DEFINER');
SELECT is((SELECT count(*)::int FROM pg_proc WHERE pronamespace = 'credit_gz'::regnamespace
              AND proname IN ('record_before', 'catalogue_changed', 'subject_before', 'occupation_check', 'relation_check',
                              'commitment_before', 'audit_trigger', 'subject_kind_reset', 'domain_parent_check')
              AND prorettype = 'trigger'::regtype AND NOT coalesce(proconfig::text[] @> ARRAY['search_path=pg_catalog, pg_temp'], false)), 0,
          'every archive trigger function pins its search_path');

SELECT * FROM finish();
ROLLBACK;
