-- Department intake of a penalty file in the national 双公示 format: generated files in GB18030 and UTF-8, good lines,
-- every reject reason, validate-only, re-sends, a line failing half-way leaving nothing, the 公示截止期 listing.
BEGIN;
SELECT plan(16);

CREATE FUNCTION pg_temp.mk_uscc(n bigint) RETURNS text LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make('91440106' || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;

INSERT INTO credit_gz.intake_item_map (map_id, violation_type, department_code, item_code, domain_code, effective_from, source)
VALUES (1, '食品安全', NULL, 'administrative_penalty', 'food_drug_safety', '2020-01-01', 'test');
INSERT INTO credit_gz.intake_severity_map (map_id, penalty_category, department_code, min_fine_wan, severity, effective_from, source)
VALUES (1, 'fine', NULL, NULL, 'general', '2020-01-01', 'test'),
       (2, 'fine', 'market_regulation', 10, 'serious', '2020-01-01', 'test'),
       (3, 'warning', NULL, NULL, 'general', '2020-01-01', 'test');

-- the file as a department exports it: the national columns in order, header row
CREATE TEMP TABLE file_lines (n int, subject_name text, subject_category text, uscc text, id_no text, document_no text,
                              violation_type text, penalty_category text, fine_amount text, decision_date text,
                              publicity_deadline text);
INSERT INTO file_lines VALUES
    (1, '甲食品有限公司', '法人及非法人组织', pg_temp.mk_uscc(70001), NULL, '穗市监罚〔2026〕1号', '食品安全', '罚款', '5', '2026-06-01', NULL),
    (2, '张三', '自然人', NULL, credit_gz.resident_id_make('44010619800101123')::text, '穗市监罚〔2026〕2号', '食品安全', '警告', NULL, '2026-06-02', NULL),
    (3, '乙公司', '法人及非法人组织', '91440106ABCDEFGH1X', NULL, '穗市监罚〔2026〕3号', '食品安全', '罚款', '1', '2026-06-03', NULL),
    (4, '丙公司', '法人及非法人组织', pg_temp.mk_uscc(70004), NULL, '穗市监罚〔2026〕4号', '无此类型', '罚款', '1', '2026-06-04', NULL),
    (5, '丁公司', '法人及非法人组织', pg_temp.mk_uscc(70005), NULL, '穗市监罚〔2026〕5号', '食品安全', '鞭刑', NULL, '2026-06-05', NULL),
    (6, '戊公司', '法人及非法人组织', pg_temp.mk_uscc(70006), NULL, '穗市监罚〔2026〕6号', '食品安全', '罚款', '1', '2099-01-01', NULL),
    (7, '己公司', '法人及非法人组织', pg_temp.mk_uscc(70007), NULL, '穗市监罚〔2026〕7号', '食品安全', '罚款；没收违法所得', '20', '2026-06-07', '2027-06-06'),
    (8, '庚公司', '法人及非法人组织', '', NULL, '穗市监罚〔2026〕8号', '食品安全', '罚款', '1', '2026-06-08', NULL);
DO $$
BEGIN
    EXECUTE format('COPY (SELECT %s FROM file_lines ORDER BY n) TO %L WITH (FORMAT csv, HEADER true, ENCODING %L)',
                   'subject_name, subject_category, uscc, id_no, document_no, violation_type, penalty_category, fine_amount, decision_date, publicity_deadline', current_setting('data_directory') || '/intake_test_gb18030.csv', 'GB18030');
    EXECUTE format('COPY (SELECT %s FROM file_lines ORDER BY n) TO %L WITH (FORMAT csv, HEADER true, ENCODING %L)',
                   'subject_name, subject_category, uscc, id_no, document_no, violation_type, penalty_category, fine_amount, decision_date, publicity_deadline', current_setting('data_directory') || '/intake_test_utf8.csv', 'UTF8');
END $$;
CREATE FUNCTION pg_temp.load_file(name text, enc text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('COPY f (subject_name, subject_category, uscc, id_no, document_no, violation_type, penalty_category, fine_amount, decision_date, publicity_deadline) FROM %L WITH (FORMAT csv, HEADER true, ENCODING %L)',
                   current_setting('data_directory') || '/' || name, enc);
END $$;

-- staging as doc/intake.md shows: COPY into a table of the file's columns, number the lines, insert the batch
CREATE TEMP TABLE f (n int GENERATED ALWAYS AS IDENTITY, subject_name text, subject_category text, uscc text, id_no text,
                     document_no text, violation_type text, penalty_category text, fine_amount text, decision_date text,
                     publicity_deadline text);
SELECT pg_temp.load_file('intake_test_gb18030.csv', 'GB18030');
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, id_no, document_no,
                                      violation_type, penalty_category, fine_amount, decision_date, publicity_deadline,
                                      department_code)
SELECT 'gb-1', n, subject_name, subject_category, uscc, id_no, document_no, violation_type, penalty_category, fine_amount,
       decision_date, publicity_deadline, 'market_regulation' FROM f;
SELECT is((SELECT subject_name FROM credit_gz.penalty_intake WHERE batch = 'gb-1' AND line_no = 1), '甲食品有限公司',
          'a GB18030 file stages as text');

-- validate-only: the receipt, nothing loaded
CREATE TEMP TABLE v AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'gb-1', true);
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM v ORDER BY line_no$$,
                  $$VALUES (1, 'loaded'::text, NULL::text, NULL::text), (2, 'loaded', NULL, NULL),
                           (3, 'rejected', 'uscc', '22P02'), (4, 'rejected', 'violation_type', 'CG801'),
                           (5, 'rejected', 'penalty_category', '22023'), (6, 'rejected', NULL, '23514'),
                           (7, 'loaded', 'publicity_deadline', NULL), (8, 'rejected', 'uscc', '23502')$$,
                  'validate-only: every line''s outcome and every reject reason');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no LIKE '穗市监罚〔2026〕%'), 0, 'validate-only loads no record');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE name IN ('甲食品有限公司', '张三', '己公司')), 0,
          'validate-only creates no subject');
SELECT is((SELECT count(*)::int FROM credit_gz.intake_reject WHERE batch = 'gb-1'), 0, 'validate-only writes no reject');

-- the load gives the same receipt
CREATE TEMP TABLE r1 AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'gb-1');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM r1 ORDER BY line_no$$,
                  $$SELECT line_no, outcome, column_name, error_state FROM v ORDER BY line_no$$,
                  'the load''s receipt is the validate-only one');
SELECT is((SELECT count(*)::int FROM r1 r JOIN credit_gz.record x ON x.record_id = r.record_id WHERE r.outcome = 'loaded'), 3,
          'loaded lines carry their record id');
SELECT results_eq($$SELECT x.document_no, x.severity, x.penalty_category, x.domain_code FROM credit_gz.record x
                     WHERE x.document_no LIKE '穗市监罚〔2026〕%' ORDER BY 1$$,
                  $$VALUES ('穗市监罚〔2026〕1号'::text, 'general'::text, 'fine'::text, 'food_drug_safety'::text),
                           ('穗市监罚〔2026〕2号', 'general', 'warning', 'food_drug_safety'),
                           ('穗市监罚〔2026〕7号', 'serious', 'fine', 'food_drug_safety')$$,
                  'item and domain from the mapping, 失信程度 from category and the department''s fine threshold');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE uscc::text = pg_temp.mk_uscc(70006)), 0,
          'a line failing at its record leaves no subject behind');
SELECT ok((SELECT message FROM credit_gz.intake_reject WHERE batch = 'gb-1' AND line_no = 6)
          LIKE 'line 6 (document "穗市监罚〔2026〕6号", subject ' || pg_temp.mk_uscc(70006) || ')%',
          'a reject names the line, the document number and the subject code');
SELECT ok((SELECT message FROM r1 WHERE line_no = 7) LIKE '公示截止期 2027-06-06 differs from the last day the publicity rule gives, %',
          'a 公示截止期 other than the rule''s window is listed');
SELECT isnt((SELECT inclusive_end FROM credit_gz.inclusive_end((SELECT publish_until FROM credit_gz.record WHERE document_no = '穗市监罚〔2026〕7号'))),
            '2027-06-06'::date, '... and the window the rules give is kept');

-- re-sending the same lines from the UTF-8 file: unchanged; a changed line: updated; a corrected line: loaded
TRUNCATE f;
SELECT pg_temp.load_file('intake_test_utf8.csv', 'UTF8');
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, id_no, document_no,
                                      violation_type, penalty_category, fine_amount, decision_date, publicity_deadline,
                                      department_code)
SELECT 'utf-1', row_number() OVER (ORDER BY n), subject_name, subject_category, uscc, id_no, document_no, violation_type,
       penalty_category, CASE WHEN document_no LIKE '%2号' THEN '0.5' ELSE fine_amount END, decision_date, publicity_deadline,
       'market_regulation'
  FROM f;
UPDATE credit_gz.penalty_intake SET violation_type = '食品安全' WHERE batch = 'utf-1' AND line_no = 4;
SELECT results_eq($$SELECT line_no, outcome FROM credit_gz.intake_penalties('market_regulation', 'utf-1') WHERE line_no IN (1, 2, 4, 7) ORDER BY 1$$,
                  $$VALUES (1, 'unchanged'::text), (2, 'updated'), (4, 'loaded'), (7, 'unchanged')$$,
                  'a UTF-8 re-send: unchanged, updated, and the corrected line loads');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no LIKE '穗市监罚〔2026〕%'), 4, 're-sending adds no record');
SELECT is((SELECT count(*)::int FROM credit_gz.intake_reject WHERE batch = 'utf-1' AND line_no = 4), 0,
          'the corrected line is not among the rejects');
SELECT throws_ok($$SELECT * FROM credit_gz.intake_penalties('market_regulation', 'no-such-batch')$$, '22023',
                 'batch "no-such-batch" has no staged lines', 'an unknown batch');

SELECT * FROM finish();
ROLLBACK;
