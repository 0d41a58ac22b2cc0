-- The report upward: export_penalties and export_licences give the national formats over the archive, only what the
-- public may read on the export day, and record every run (export_run) and every subject read (query log); the
-- penalty export written to a file and loaded again through the intake gives the same records.
BEGIN;
SELECT plan(13);

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
       (2, 'warning', NULL, NULL, 'general', '2020-01-01', 'test');

-- two departments' penalty files: an organisation with its legal representative, a natural person, every field
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, legal_rep_name,
                                      legal_rep_id_type, legal_rep_id_no, id_type, id_no, document_no, violation_type,
                                      facts, basis, penalty_category, content, fine_amount, confiscated_amount,
                                      licence_revoked, decision_date, penalty_valid_to, publicity_deadline,
                                      deciding_body, deciding_body_uscc, source_body, source_body_uscc, remarks,
                                      department_code)
VALUES ('f-mr', 1, '甲餐饮有限公司', '法人及非法人组织', pg_temp.mk_uscc(93001), '周一', '居民身份证',
        credit_gz.resident_id_make('44010619750101001')::text, NULL, NULL, '穗市监罚〔2026〕901号', '食品安全',
        '销售过期食品', '《食品安全法》第一百二十四条', '罚款', '罚款三万元', '3', '0.5', NULL, '2026-03-02', '2026-09-01',
        NULL, '广州市市场监督管理局', pg_temp.mk_uscc(93900), '广州市市场监督管理局', pg_temp.mk_uscc(93900), '已缴纳',
        'market_regulation'),
       ('f-mr', 2, '吴二', '自然人', NULL, NULL, NULL, NULL, '居民身份证',
        credit_gz.resident_id_make('44010619820202002')::text, '穗市监罚〔2026〕902号', '食品安全', '无证经营',
        '《食品安全法》第一百二十二条', '罚款', '罚款二千元', '0.2', NULL, NULL, '2026-03-05', NULL, NULL,
        '广州市市场监督管理局', NULL, '广州市市场监督管理局', NULL, NULL, 'market_regulation'),
       ('f-h', 1, '乙诊所有限公司', '法人及非法人组织', pg_temp.mk_uscc(93002), NULL, NULL, NULL, NULL, NULL,
        '穗卫罚〔2026〕903号', '食品安全', '餐具消毒不合格', '《传染病防治法》', '罚款', '罚款五千元', '0.5', NULL, NULL,
        '2026-04-01', NULL, NULL, '广州市卫生健康委员会', NULL, '广州市卫生健康委员会', NULL, NULL, 'health');
SELECT is((SELECT count(*)::int FROM credit_gz.intake_penalties('market_regulation', 'f-mr') WHERE outcome = 'loaded')
          + (SELECT count(*)::int FROM credit_gz.intake_penalties('health', 'f-h') WHERE outcome = 'loaded'), 3,
          'three penalties loaded through the intake');
-- a penalty shared with government only, and a licence
CREATE TEMP TABLE lr AS SELECT credit_gz.load_record('market_regulation', '穗市监罚〔2026〕904号', s.subject_id, 'administrative_penalty',
                             '2026-03-10', NULL, 'general', 'government', NULL,
                             '{"violation_type": "食品安全", "penalty_type": "罚款"}')
  FROM credit_gz.subject s WHERE s.uscc::text = pg_temp.mk_uscc(93001);
INSERT INTO lr SELECT credit_gz.load_record('market_regulation', '穗市监许〔2026〕905号', s.subject_id, 'administrative_licence',
                             '2026-02-01', NULL, NULL, 'public', NULL,
                             '{"document_name": "食品经营许可决定书", "licence_type": "普通", "certificate_name": "食品经营许可证",
                               "licence_no": "JY14401060000001", "content": "预包装食品销售", "valid_from": "2026-02-01",
                               "valid_to": "2031-01-31", "deciding_body": "广州市市场监督管理局", "licence_status": "有效"}')
  FROM credit_gz.subject s WHERE s.uscc::text = pg_temp.mk_uscc(93001);

CREATE TEMP TABLE before AS
SELECT r.subject_id, r.record_id, r.department_code, r.document_no, r.item_code, r.domain_code, r.decision_date,
       r.severity, r.penalty_category, r.details, r.deciding_body_uscc::text AS d_uscc, r.source_body_uscc::text AS s_uscc,
       r.publish_from, r.publish_until, r.status, r.updated_at
  FROM credit_gz.record r JOIN credit_gz.info_item i ON i.code = r.item_code AND i.double_publicity = 'penalty';

CREATE TEMP TABLE e AS SELECT * FROM credit_gz.export_penalties('2026-01-01', '2026-12-31', '2026-06-01');
SELECT results_eq($$SELECT line_no, department_code, document_no, subject_category, uscc, id_no, legal_rep_name FROM e ORDER BY 1$$,
                  $$VALUES (1, 'health'::text, '穗卫罚〔2026〕903号'::text, '法人及非法人组织'::text, pg_temp.mk_uscc(93002), NULL::text, NULL::text),
                           (2, 'market_regulation', '穗市监罚〔2026〕901号', '法人及非法人组织', pg_temp.mk_uscc(93001), NULL, '周一'),
                           (3, 'market_regulation', '穗市监罚〔2026〕902号', '自然人', NULL,
                            credit_gz.resident_id_make('44010619820202002')::text, NULL)$$,
                  'the penalties the public may read, in the national format; the one shared with government only is left out');
SELECT results_eq($$SELECT facts, basis, penalty_category, fine_amount, confiscated_amount, penalty_valid_to,
                           deciding_body_uscc, remarks, legal_rep_id_no FROM e WHERE line_no = 2$$,
                  $$VALUES ('销售过期食品'::text, '《食品安全法》第一百二十四条'::text, '罚款'::text, '3'::text, '0.5'::text,
                            '2026-09-01'::text, pg_temp.mk_uscc(93900), '已缴纳'::text,
                            credit_gz.resident_id_make('44010619750101001')::text)$$,
                  'every field of the format as the department sent it');
SELECT results_eq($$SELECT format, decided_from, decided_until, as_of, row_count, subjects, batch = (SELECT DISTINCT batch FROM e)
                      FROM credit_gz.export_run$$,
                  $$VALUES ('penalty'::text, '2026-01-01'::date, '2027-01-01'::date, '2026-06-01'::date, 3::bigint, 3::bigint, true)$$,
                  'the run is recorded: what, for which period and day, how many rows and subjects, which batch');
SELECT is((SELECT count(DISTINCT subject_id)::int FROM credit_gz.query_log
            WHERE via = 'other' AND purpose LIKE '上报全国信用信息共享平台%'), 3, 'each subject exported is in the query log');
SELECT is((SELECT count(*)::int FROM credit_gz.export_penalties('2026-01-01', '2026-12-31', '2099-01-01')), 0,
          'after the publicity windows end nothing is shared');
SELECT is((SELECT row_count FROM credit_gz.export_run ORDER BY run_id DESC LIMIT 1), 0::bigint, '... and that run is recorded too');

-- the export as a file, loaded again through the intake: the same records, nothing changed
DO $$
BEGIN
    EXECUTE format('COPY (SELECT * FROM e ORDER BY line_no) TO %L WITH (FORMAT csv, HEADER true)',
                   current_setting('data_directory') || '/platform_export_test.csv');
END $$;
CREATE TEMP TABLE f (LIKE credit_gz.penalty_intake);
DO $$
BEGIN
    EXECUTE format('COPY f FROM %L WITH (FORMAT csv, HEADER true)', current_setting('data_directory') || '/platform_export_test.csv');
END $$;
INSERT INTO credit_gz.penalty_intake SELECT * FROM f;
CREATE TEMP TABLE ri AS
SELECT d AS department_code, x.* FROM (SELECT DISTINCT department_code AS d FROM f) deps
 CROSS JOIN LATERAL credit_gz.intake_penalties(d, (SELECT DISTINCT batch FROM f)) x;
SELECT results_eq($$SELECT department_code, line_no, outcome FROM ri ORDER BY 2$$,
                  $$VALUES ('health'::text, 1, 'unchanged'::text), ('market_regulation', 2, 'unchanged'),
                           ('market_regulation', 3, 'unchanged')$$,
                  'the exported file re-imported through the intake: every line unchanged');
SELECT set_eq($$SELECT r.subject_id, r.record_id, r.department_code, r.document_no, r.item_code, r.domain_code,
                       r.decision_date, r.severity, r.penalty_category, r.details, r.deciding_body_uscc::text,
                       r.source_body_uscc::text, r.publish_from, r.publish_until, r.status, r.updated_at
                  FROM credit_gz.record r JOIN credit_gz.info_item i ON i.code = r.item_code AND i.double_publicity = 'penalty'$$,
              $$SELECT * FROM before$$, '... and the records are the same, column for column');
SELECT is((SELECT count(*)::int FROM credit_gz.relation WHERE kind = 'legal_representative'), 1,
          '... the legal representative too');

-- 行政许可
CREATE TEMP TABLE lic AS SELECT * FROM credit_gz.export_licences(NULL, NULL, '2026-06-01');
SELECT results_eq($$SELECT document_name, document_no, licence_type, certificate_name, licence_no, content, decision_date,
                           valid_from, valid_to, deciding_body, licence_status, uscc, legal_rep_name FROM lic$$,
                  $$VALUES ('食品经营许可决定书'::text, '穗市监许〔2026〕905号'::text, '普通'::text, '食品经营许可证'::text,
                            'JY14401060000001'::text, '预包装食品销售'::text, '2026-02-01'::text, '2026-02-01'::text,
                            '2031-01-31'::text, '广州市市场监督管理局'::text, '有效'::text, pg_temp.mk_uscc(93001),
                            NULL::text)$$,
                  'the licence in the national licence format (no legal representative on file on its decision date)');
SELECT results_eq($$SELECT format, row_count, batch = (SELECT batch FROM lic) FROM credit_gz.export_run WHERE format = 'licence'$$,
                  $$VALUES ('licence'::text, 1::bigint, true)$$, 'the licence run is recorded');
SELECT throws_ok($$SELECT * FROM credit_gz.export_penalties('2026-12-31', '2026-01-01')$$, '22023',
                 'export period 2026-12-31 to 2026-01-01 is empty', 'an empty period is refused');

SELECT * FROM finish();
ROLLBACK;
