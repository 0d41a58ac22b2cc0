-- Data quality (十五): duplicate/erroneous codes, 双公示 pass rate, collection growth against the same period last year.
BEGIN;
SELECT plan(29);

CREATE FUNCTION pg_temp.mk_uscc(region text, n bigint) RETURNS text LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make('91' || region || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;

-- ---------------------------------------------------------------------------------------------------- codes
SELECT is(credit_gz.policy_target_value('code_error_rate'), 0.00005, 'target: 0.005%');
SELECT is(credit_gz.policy_target_value('collection_growth', '2019-01-01'), NULL, 'no target before the policy');

-- a staging table of raw codes as a department delivers them: 20000 good codes, 1 wrong check character,
-- 1 too short, 1 duplicate (same code, another name), the same code twice under one name (not a duplicate)
CREATE TEMP TABLE staging (code text, name text);
INSERT INTO staging SELECT pg_temp.mk_uscc('440106', i), '企业' || i FROM generate_series(1, 20000) i;
INSERT INTO staging VALUES
    (overlay(pg_temp.mk_uscc('440106', 30001) PLACING 'Y' FROM 18 FOR 1), '错码企业'),
    ('9144010612345', '短码企业'),
    (lower(pg_temp.mk_uscc('440106', 7)), '另一名称'),
    (pg_temp.mk_uscc('440106', 8), '企业8'),
    (NULL, '无码企业'),
    ('  ', '空码企业');
SELECT is((SELECT count(*)::int FROM credit_gz.code_quality_issues('staging', 'code', 'name') WHERE problem = 'erroneous'), 2,
          'two erroneous codes');
SELECT ok((SELECT reason FROM credit_gz.code_quality_issues('staging', 'code', 'name') WHERE code = '9144010612345') LIKE '%18%',
          'the reason comes from uscc_explain');
SELECT is((SELECT names FROM credit_gz.code_quality_issues('staging', 'code', 'name') WHERE problem = 'duplicate'),
          ARRAY['企业7', '另一名称'], 'one duplicate: the same code (case folded) under two names');
SELECT is((SELECT code FROM credit_gz.code_quality_issues('staging', 'code', 'name') WHERE problem = 'duplicate'),
          pg_temp.mk_uscc('440106', 7), 'duplicates are reported by canonical code');
SELECT is((SELECT ROW(distinct_codes, erroneous, duplicate, error_rate, target_rate, meets_target)::text
             FROM credit_gz.code_quality('staging', 'code', 'name')),
          '(20003,2,1,0.00014998,0.00005,f)', 'rate = (erroneous + duplicate) / distinct codes, above 0.005%: missed');
DELETE FROM staging WHERE name IN ('错码企业', '短码企业', '另一名称');
SELECT is((SELECT ROW(erroneous, duplicate, error_rate, meets_target)::text FROM credit_gz.code_quality('staging', 'code', 'name')),
          '(0,0,0.00000000,t)', 'a clean table meets the target');
SELECT is((SELECT duplicate FROM credit_gz.code_quality('staging', 'code')), 0::bigint, 'without names no duplicate is claimed');

-- over the archive itself: a flagged code (accepted in weak mode) is erroneous
INSERT INTO credit_gz.subject (uscc, name) VALUES (pg_temp.mk_uscc('440106', 40001), 'Q质量公司');
SET LOCAL credit_gz.uscc_weak = on;
INSERT INTO credit_gz.subject (uscc, name) VALUES (overlay(pg_temp.mk_uscc('440106', 40002) PLACING 'Y' FROM 18 FOR 1), 'Q弱码公司');
RESET credit_gz.uscc_weak;
SELECT is((SELECT count(*)::int FROM credit_gz.code_quality_issues('credit_gz.subject', 'uscc', 'name')
            WHERE problem = 'erroneous' AND 'Q弱码公司' = ANY (names)), 1, 'works over credit_gz.subject: the flagged code');
SELECT throws_ok($$SELECT * FROM credit_gz.code_quality('staging', 'no_such_column')$$, '42703', NULL, 'an unknown column');

-- ---------------------------------------------------------------------------------------------------- 双公示
INSERT INTO credit_gz.subject (uscc, name) VALUES (pg_temp.mk_uscc('440106', 40003), 'Q无代表公司');
INSERT INTO credit_gz.subject (resident_id, name) VALUES (credit_gz.resident_id_make('44010619800101123'), 'Q个人');
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = 'Q质量公司'), (SELECT subject_id FROM credit_gz.subject WHERE name = 'Q个人'),
       'legal_representative', '2020-01-01';
CREATE TEMP TABLE full_penalty AS SELECT jsonb_build_object('violation_type', '食品安全', 'facts', '销售过期食品',
    'basis', '《中华人民共和国食品安全法》第一百二十四条', 'penalty_type', '罚款', 'content', '罚款人民币五万元', 'fine_amount', '5') AS d;
CREATE TEMP TABLE full_licence AS SELECT jsonb_build_object('document_name', '食品经营许可决定书', 'licence_type', '普通',
    'content', '预包装食品销售', 'valid_from', '2025-01-01', 'valid_to', '2029-12-31') AS d;
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity, domain_code, details)
SELECT s.subject_id, 'administrative_penalty', 'market_regulation', 'Q-P-' || s.name, '2025-03-01', 'general', 'food_drug_safety',
       (SELECT d FROM full_penalty)
  FROM credit_gz.subject s WHERE s.name IN ('Q质量公司', 'Q无代表公司', 'Q个人');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, details)
VALUES ((SELECT subject_id FROM credit_gz.subject WHERE name = 'Q质量公司'), 'administrative_licence', 'market_regulation', 'Q-L-1', '2025-03-02',
        (SELECT d FROM full_licence)),
       ((SELECT subject_id FROM credit_gz.subject WHERE name = 'Q质量公司'), 'administrative_licence', 'market_regulation', 'Q-L-2', '2025-03-02',
        (SELECT d - 'valid_to' - 'content' FROM full_licence)),
       ((SELECT subject_id FROM credit_gz.subject WHERE name = 'Q质量公司'), 'administrative_licence', 'housing', 'Q-L-3', '2025-03-02',
        (SELECT d FROM full_licence)),
       ((SELECT subject_id FROM credit_gz.subject WHERE name = 'Q质量公司'), 'honour', 'housing', 'Q-H-1', '2025-03-02', NULL);
SELECT is((SELECT missing FROM credit_gz.double_publicity_issues('2025-03-01', '2025-03-31') WHERE document_no = 'Q-P-Q质量公司'),
          '{}'::text[], 'a complete penalty of an organisation with its legal representative passes');
SELECT is((SELECT missing FROM credit_gz.double_publicity_issues('2025-03-01', '2025-03-31') WHERE document_no = 'Q-P-Q无代表公司'),
          ARRAY['legal_representative'], 'an organisation without a legal representative on the decision date fails');
SELECT is((SELECT missing FROM credit_gz.double_publicity_issues('2025-03-01', '2025-03-31') WHERE document_no = 'Q-P-Q个人'),
          '{}'::text[], 'a natural person needs no legal representative');
SELECT is((SELECT missing FROM credit_gz.double_publicity_issues('2025-03-01', '2025-03-31') WHERE document_no = 'Q-L-2'),
          ARRAY['content', 'valid_to'], 'a licence lacking content and validity end fails, naming both fields');
SELECT is((SELECT count(*)::int FROM credit_gz.double_publicity_issues('2025-03-01', '2025-03-31') WHERE document_no = 'Q-H-1'), 0,
          'only licence and penalty items are 双公示');
SELECT is((SELECT count(*)::int FROM credit_gz.double_publicity_issues('2025-04-01', NULL) WHERE document_no LIKE 'Q-%'), 0,
          'the period bounds the decision dates');
SELECT results_eq($$SELECT department_code, kind, records, passed, pass_rate FROM credit_gz.double_publicity_check('2025-03-01', '2025-03-31')
                    WHERE department_code IN ('market_regulation', 'housing')$$,
                  $$VALUES ('housing'::text, 'licence'::text, 1::bigint, 1::bigint, 1.0000::numeric),
                           ('market_regulation', 'licence', 2, 1, 0.5000),
                           ('market_regulation', 'penalty', 3, 2, 0.6667)$$,
                  'pass rate per department and kind');

-- 处罚类别: the column (record.penalty_category); a record loaded without it is read from details->>'penalty_type'
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity, details, penalty_category)
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = 'Q个人'), 'administrative_penalty', 'market_regulation', v.doc,
       '2025-02-10', 'general', (SELECT d FROM full_penalty) - 'penalty_type' || v.extra, v.category
  FROM (VALUES ('Q-C-column', '{}'::jsonb, 'fine'), ('Q-C-none', '{}', NULL),
               ('Q-C-several', '{"penalty_type": " 罚款；没收违法所得 "}', NULL),
               ('Q-C-unknown', '{"penalty_type": "罚金"}', NULL)) v(doc, extra, category);
SELECT is((SELECT missing FROM credit_gz.double_publicity_issues('2025-02-01', '2025-02-28') WHERE document_no = 'Q-C-column'),
          '{}'::text[], 'a penalty with its category in the column passes without details->>''penalty_type''');
SELECT is((SELECT missing FROM credit_gz.double_publicity_issues('2025-02-01', '2025-02-28') WHERE document_no = 'Q-C-none'),
          ARRAY['penalty_category'], 'a penalty without a category fails, naming penalty_category');
SELECT results_eq($$SELECT r.document_no, credit_gz.record_penalty_category(r.penalty_category, r.details)
                      FROM credit_gz.record r WHERE r.document_no LIKE 'Q-C-%' OR r.document_no = 'Q-P-Q个人' ORDER BY 1$$,
                  $$VALUES ('Q-C-column'::text, 'fine'::text), ('Q-C-none', NULL), ('Q-C-several', 'fine'),
                           ('Q-C-unknown', NULL), ('Q-P-Q个人', 'fine')$$,
                  'old rows: the first category the text names (separators 、，; trimmed), NULL for a name not in the law');
SELECT is((SELECT missing FROM credit_gz.double_publicity_issues('2025-02-01', '2025-02-28') WHERE document_no = 'Q-C-unknown'),
          ARRAY['penalty_category'], 'a penalty_type no category names fails');
SELECT throws_ok($$UPDATE credit_gz.record SET penalty_category = 'flogging' WHERE document_no = 'Q-C-none'$$, '23503', NULL,
                 'the column takes only the categories of credit_gz.penalty_category');

-- ---------------------------------------------------------------------------------------------------- collection growth
-- 10 records collected in March 2024 and 13 in March 2025 by market regulation; 5 and 5 by housing
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, created_at)
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = 'Q质量公司'), 'honour', dep, 'Q-G-' || dep || y || '-' || i,
       make_date(y, 3, 1), make_timestamptz(y, 3, 10, 12, 0, 0, 'Asia/Shanghai')
  FROM (VALUES ('market_regulation', 2024, 10), ('market_regulation', 2025, 13), ('housing', 2024, 5), ('housing', 2025, 5)) v(dep, y, n),
       generate_series(1, v.n) i;
SELECT is((SELECT ROW(records, same_period_last_year, growth, meets_target)::text FROM credit_gz.collection_by_department
            WHERE department_code = 'market_regulation' AND period_start = '2025-03-01'),
          '(13,10,0.3000,t)', '+30% over March 2024 meets the +20% target');
SELECT is((SELECT ROW(records, same_period_last_year, growth, meets_target)::text FROM credit_gz.collection_by_department
            WHERE department_code = 'housing' AND period_start = '2025-03-01'),
          '(5,5,0.0000,f)', 'no growth misses it');
SELECT is((SELECT ROW(records, same_period_last_year, growth, meets_target)::text FROM credit_gz.collection_by_department
            WHERE department_code IS NULL AND period_start = '2025-03-01'),
          '(18,15,0.2000,t)', 'the total row: +20% exactly meets the target');
SELECT is((SELECT ROW(records, same_period_last_year, growth)::text FROM credit_gz.collection_by_department
            WHERE department_code = 'market_regulation' AND period_start = '2024-03-01'),
          '(10,,)', 'no base year: no growth');
SELECT is((SELECT records FROM credit_gz.collection_stats('year') WHERE department_code = 'housing' AND period_start = '2025-01-01'),
          5::bigint, 'yearly granularity');
SELECT throws_ok($$SELECT * FROM credit_gz.collection_stats('week')$$, '22023', 'collection period "week" is not supported',
                 'weeks have no same period last year');

SELECT * FROM finish();
ROLLBACK;
