-- Department intake of a licence file in the national 双公示 format (行政许可): a generated GB18030 file COPYed into
-- licence_intake_file, good lines, every reject reason of the format, validate-only, re-sends, the subject block of
-- the penalty format (crosswalk, representative) and row-level security per department.
BEGIN;
SELECT plan(15);

CREATE FUNCTION pg_temp.mk_uscc(n bigint) RETURNS text LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make('91440106' || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;
CREATE FUNCTION pg_temp.rid(body text) RETURNS text LANGUAGE sql AS $$ SELECT credit_gz.resident_id_make(body)::text $$;
INSERT INTO credit_gz.intake_code_crosswalk (code_kind, old_code, uscc, source)
VALUES ('business_reg_no', '440106000076005', pg_temp.mk_uscc(76005)::credit_gz.uscc, 'test');

CREATE TEMP TABLE file_lines (batch text, n int, subject_name text, subject_category text, uscc text, business_reg_no text,
                              legal_rep_name text, legal_rep_id_type text, legal_rep_id_no text, id_no text,
                              document_name text, document_no text, licence_type text, certificate_name text,
                              licence_no text, content text, decision_date text, valid_from text, valid_to text,
                              deciding_body text, licence_status text,
                              department_code text DEFAULT 'market_regulation');
INSERT INTO file_lines (batch, n, subject_name, subject_category, uscc, business_reg_no, legal_rep_name, legal_rep_id_type,
                        legal_rep_id_no, id_no, document_name, document_no, licence_type, certificate_name, licence_no,
                        content, decision_date, valid_from, valid_to, deciding_body, licence_status) VALUES
    ('lic-1', 1, '甲食品有限公司', '法人及非法人组织', pg_temp.mk_uscc(76001), NULL, '王五', '居民身份证', pg_temp.rid('44010619800101777'), NULL,
     '食品经营许可决定书', '穗市监许〔2026〕1号', '普通', '食品经营许可证', 'JY14401060000001', '预包装食品销售', '2026-05-01', '2026-05-01', '2031-04-30', '广州市市场监督管理局', '有效'),
    ('lic-1', 2, '张三', '自然人', NULL, NULL, NULL, NULL, NULL, pg_temp.rid('44010619800101888'),
     '执业许可决定书', '穗市监许〔2026〕2号', '认可', NULL, NULL, '执业', '2026-05-02', '2026-05-02', '长期', '广州市市场监督管理局', '有效'),
    ('lic-1', 3, '乙公司', '法人及非法人组织', '91440106ABCDEFGH1X', NULL, NULL, NULL, NULL, NULL,
     '食品经营许可决定书', '穗市监许〔2026〕3号', '普通', NULL, NULL, '销售', '2026-05-03', NULL, NULL, NULL, NULL),
    ('lic-1', 4, '丙公司', '法人及非法人组织', pg_temp.mk_uscc(76004), NULL, NULL, NULL, NULL, NULL,
     '食品经营许可决定书', '穗市监许〔2026〕4号', '普通', NULL, NULL, '销售', '2026-05-04', '2026-05-04', '2026-05-01', NULL, NULL),
    ('lic-1', 5, '丁商行', '法人及非法人组织', NULL, '440106000076005', NULL, NULL, NULL, NULL,
     '食品经营许可决定书', '穗市监许〔2026〕5号', '普通', NULL, NULL, '销售', '2026-05-05', '2026年5月5日', NULL, NULL, NULL),
    ('lic-1', 6, '戊公司', '法人及非法人组织', pg_temp.mk_uscc(76006), NULL, NULL, NULL, NULL, NULL,
     '食品经营许可决定书', '', '普通', NULL, NULL, '销售', '2026-05-06', NULL, NULL, NULL, NULL),
    ('lic-1', 7, '己公司', '法人及非法人组织', pg_temp.mk_uscc(76007), NULL, '赵六', '护照', 'E123', NULL,
     '食品经营许可决定书', '穗市监许〔2026〕7号', '普通', NULL, NULL, '销售', '2026-05-07', NULL, NULL, NULL, NULL);
DO $$
BEGIN
    EXECUTE format('COPY (SELECT * FROM file_lines ORDER BY n) TO %L WITH (FORMAT csv, HEADER true, ENCODING %L)',
                   current_setting('data_directory') || '/intake_licence_gb18030.csv', 'GB18030');
    EXECUTE format('COPY credit_gz.licence_intake_file (batch, line_no, subject_name, subject_category, uscc, business_reg_no,
                        legal_rep_name, legal_rep_id_type, legal_rep_id_no, id_no, document_name, document_no, licence_type,
                        certificate_name, licence_no, content, decision_date, valid_from, valid_to, deciding_body,
                        licence_status, department_code) FROM %L WITH (FORMAT csv, HEADER true, ENCODING %L)',
                   current_setting('data_directory') || '/intake_licence_gb18030.csv', 'GB18030');
END $$;
SELECT is((SELECT content FROM credit_gz.licence_intake WHERE batch = 'lic-1' AND line_no = 1), '预包装食品销售',
          'a GB18030 licence file stages as text');

CREATE TEMP TABLE v AS SELECT * FROM credit_gz.intake_licences('market_regulation', 'lic-1', true);
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no LIKE '穗市监许〔2026〕%'), 0, 'validate-only loads no record');
CREATE TEMP TABLE r1 AS SELECT * FROM credit_gz.intake_licences('market_regulation', 'lic-1');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM r1 ORDER BY line_no$$,
                  $$VALUES (1, 'loaded'::text, NULL::text, NULL::text), (2, 'loaded', NULL, NULL),
                           (3, 'rejected', 'uscc', '22P02'), (4, 'rejected', 'valid_to', '23514'),
                           (5, 'rejected', 'valid_from', '22007'), (6, 'rejected', 'document_no', '23502'),
                           (7, 'rejected', 'legal_rep_id_no', '22P02')$$,
                  'licence lines loaded, every reject reason of the format');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state, message FROM r1 ORDER BY line_no$$,
                  $$SELECT line_no, outcome, column_name, error_state, message FROM v ORDER BY line_no$$,
                  'the load''s receipt is the validate-only one');
SELECT results_eq($$SELECT x.item_code, x.severity, x.details->>'licence_no', x.details->>'valid_to', x.details->>'licence_status'
                      FROM credit_gz.record x WHERE x.document_no = '穗市监许〔2026〕1号'$$,
                  $$VALUES ('administrative_licence'::text, NULL::text, 'JY14401060000001'::text, '2031-04-30'::text, '有效'::text)$$,
                  'a licence record of the 行政许可 item, its fields in details');
SELECT is((SELECT count(*)::int FROM credit_gz.record x, jsonb_object_keys(x.details) k
            WHERE x.document_no LIKE '穗市监许〔2026〕%'
              AND k NOT IN (SELECT field FROM credit_gz.double_publicity_field WHERE kind = 'licence')), 0,
          'every details key is a double_publicity_field key of the licence format');
SELECT results_eq($$SELECT p.name FROM credit_gz.relation l JOIN credit_gz.subject o ON o.subject_id = l.subject_id
                      JOIN credit_gz.subject p ON p.subject_id = l.related_subject_id
                     WHERE l.kind = 'legal_representative' AND o.uscc::text = pg_temp.mk_uscc(76001)$$,
                  $$VALUES ('王五'::text)$$, 'the 法定代表人 of a licence line, as for penalties');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE uscc::text = pg_temp.mk_uscc(76007)), 0,
          'a line failing at its representative leaves no organisation behind');
SELECT ok((SELECT message FROM credit_gz.intake_reject WHERE format = 'licence' AND batch = 'lic-1' AND line_no = 4)
          LIKE 'line 4 (document "穗市监许〔2026〕4号", subject ' || pg_temp.mk_uscc(76004) || '): 有效期至 2026-05-01 is before 有效期自 2026-05-04',
          'a reject names the line, the document number and the subject code');

-- corrected and re-sent: the crosswalk line loads, a changed line updates, the same line is unchanged
UPDATE credit_gz.licence_intake SET valid_from = '2026-05-05' WHERE batch = 'lic-1' AND line_no = 5;
UPDATE credit_gz.licence_intake SET licence_status = '注销' WHERE batch = 'lic-1' AND line_no = 2;
SELECT results_eq($$SELECT line_no, outcome FROM credit_gz.intake_licences('market_regulation', 'lic-1') WHERE line_no IN (1, 2, 5) ORDER BY 1$$,
                  $$VALUES (1, 'unchanged'::text), (2, 'updated'), (5, 'loaded')$$,
                  're-sent: unchanged, updated, and the corrected line loads (through the crosswalk)');
SELECT is((SELECT count(*)::int FROM credit_gz.intake_reject WHERE format = 'licence' AND batch = 'lic-1' AND line_no = 5), 0,
          'the corrected line leaves the rejects');

-- the same file in UTF-8 as another batch: the documents already loaded are found again
DO $$
BEGIN
    EXECUTE format('COPY (SELECT ''lic-u'', n, subject_name, subject_category, uscc, business_reg_no, legal_rep_name,
                                 legal_rep_id_type, legal_rep_id_no, id_no, document_name, document_no, licence_type,
                                 certificate_name, licence_no, content, decision_date, valid_from, valid_to, deciding_body,
                                 licence_status, department_code FROM file_lines ORDER BY n)
                    TO %L WITH (FORMAT csv, HEADER true, ENCODING %L)',
                   current_setting('data_directory') || '/intake_licence_utf8.csv', 'UTF8');
    EXECUTE format('COPY credit_gz.licence_intake_file (batch, line_no, subject_name, subject_category, uscc, business_reg_no,
                        legal_rep_name, legal_rep_id_type, legal_rep_id_no, id_no, document_name, document_no, licence_type,
                        certificate_name, licence_no, content, decision_date, valid_from, valid_to, deciding_body,
                        licence_status, department_code) FROM %L WITH (FORMAT csv, HEADER true, ENCODING %L)',
                   current_setting('data_directory') || '/intake_licence_utf8.csv', 'UTF8');
END $$;
SELECT results_eq($$SELECT line_no, outcome, error_state FROM credit_gz.intake_licences('market_regulation', 'lic-u') WHERE line_no IN (1, 2, 5) ORDER BY 1$$,
                  $$VALUES (1, 'unchanged'::text, NULL::text), (2, 'updated', NULL), (5, 'rejected', '22007')$$,
                  'a UTF-8 file of the same lines: unchanged, updated back to the file''s 当前状态, the bad date rejected');

-- per department: a department stages and reads only its own licence lines; a penalty batch of the same name is
-- another batch
CREATE ROLE intake_lic_health NOLOGIN;
SELECT credit_gz.grant_department('intake_lic_health', 'health');
SET LOCAL ROLE intake_lic_health;
COPY credit_gz.licence_intake_file (batch, line_no, subject_name, subject_category, uscc, document_name, document_no,
                                    licence_type, content, decision_date)
FROM STDIN WITH (FORMAT csv);
lic-1,1,庚诊所有限公司,法人及非法人组织,91440106ZZZZZZZZZZ,医疗机构执业许可决定书,穗卫许〔2026〕1号,普通,诊疗,2026-05-08
\.
SELECT is((SELECT count(*)::int FROM credit_gz.licence_intake), 1, 'a department sees only its own staged licence lines');
SELECT results_eq($$SELECT line_no, outcome, error_state FROM credit_gz.intake_licences('health', 'lic-1')$$,
                  $$VALUES (1, 'rejected'::text, '22P02'::text)$$, 'a department loads its own licence batch');
SELECT throws_ok($$SELECT * FROM credit_gz.intake_licences('market_regulation', 'lic-1')$$, '42501',
                 'role "intake_lic_health" does not act for department "market_regulation"',
                 'and never another department''s');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
