-- Department intake: natural persons and legal representatives with identity documents other than the 居民身份证
-- (护照, 港澳/台湾 通行证, 外国人永久居留身份证, by name or a name files use), found or created by document type and
-- number; an unknown type and a malformed number rejected with the line and document number named.
BEGIN;
SELECT plan(9);

CREATE FUNCTION pg_temp.mk_uscc(n bigint) RETURNS text LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make('91440106' || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;

INSERT INTO credit_gz.intake_item_map (map_id, violation_type, department_code, item_code, domain_code, effective_from, source)
VALUES (1, '食品安全', NULL, 'administrative_penalty', 'food_drug_safety', '2020-01-01', 'test');
INSERT INTO credit_gz.intake_severity_map (map_id, penalty_category, department_code, min_fine_wan, severity, effective_from, source)
VALUES (1, 'fine', NULL, NULL, 'general', '2020-01-01', 'test');
-- a person already on file under the Hong Kong permit of line 2
INSERT INTO credit_gz.subject (identity_document_type, identity_document_no, name, kind)
VALUES ('hk_macao_permit', 'H12345678', '陈大文', 'natural_person');

INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, id_type, id_no,
                                      legal_rep_name, legal_rep_id_type, legal_rep_id_no, document_no, violation_type,
                                      penalty_category, fine_amount, decision_date, department_code)
VALUES ('doc-1', 1, 'John Smith', '自然人', NULL, '护照', 'usa/123456789', NULL, NULL, NULL,
        '穗市监罚〔2026〕501号', '食品安全', '罚款', '1', '2026-03-01', 'market_regulation'),
       ('doc-1', 2, '陈大文', '自然人', NULL, '港澳通行证', 'h12345678', NULL, NULL, NULL,
        '穗市监罚〔2026〕502号', '食品安全', '罚款', '1', '2026-03-02', 'market_regulation'),
       ('doc-1', 3, '某甲', '自然人', NULL, '军官证', '军字第0001号', NULL, NULL, NULL,
        '穗市监罚〔2026〕503号', '食品安全', '罚款', '1', '2026-03-03', 'market_regulation'),
       ('doc-1', 4, 'Jane Roe', '自然人', NULL, '护照', 'E12345678', NULL, NULL, NULL,
        '穗市监罚〔2026〕504号', '食品安全', '罚款', '1', '2026-03-04', 'market_regulation'),
       ('doc-1', 5, '甲贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(75005), NULL, NULL, '林小明', '台胞证', '12345678',
        '穗市监罚〔2026〕505号', '食品安全', '罚款', '1', '2026-03-05', 'market_regulation'),
       ('doc-1', 6, '乙贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(75006), NULL, NULL, 'Hans Müller',
        '外国人永久居留身份证', 'DEU12345', '穗市监罚〔2026〕506号', '食品安全', '罚款', '1', '2026-03-06', 'market_regulation');
CREATE TEMP TABLE r1 AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'doc-1');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM r1 ORDER BY 1$$,
                  $$VALUES (1, 'loaded'::text, NULL::text, NULL::text), (2, 'loaded', NULL, NULL),
                           (3, 'rejected', 'id_type', '22023'), (4, 'rejected', 'id_no', '22P02'),
                           (5, 'loaded', NULL, NULL), (6, 'rejected', 'legal_rep_id_no', '22P02')$$,
                  'persons and representatives by passport, permits and permanent residence cards; bad ones rejected');
SELECT results_eq($$SELECT s.identity_document_type, s.identity_document_no, s.kind FROM credit_gz.record r
                      JOIN credit_gz.subject s USING (subject_id) WHERE r.document_no = '穗市监罚〔2026〕501号'$$,
                  $$VALUES ('passport'::text, 'USA/123456789'::text, 'natural_person'::text)$$,
                  'a person is created under the document type and its canonical number');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE identity_document_no = 'H12345678'), 1,
          'a person on file is found by the document a name files use (港澳通行证) names, not created again');
SELECT ok((SELECT message FROM r1 WHERE line_no = 4) LIKE 'line 4 (document "穗市监罚〔2026〕504号", subject E12345678): invalid passport number%',
          'a malformed number is rejected naming the line, the document number and the number');
SELECT ok((SELECT message FROM r1 WHERE line_no = 3) LIKE 'line 3 (document "穗市监罚〔2026〕503号", %): 证件类型 "军官证" is no identity document type the intake knows',
          'an unknown document type is rejected by name');
SELECT results_eq($$SELECT p.identity_document_type, p.identity_document_no, p.name FROM credit_gz.relation l
                      JOIN credit_gz.subject o ON o.subject_id = l.subject_id
                      JOIN credit_gz.subject p ON p.subject_id = l.related_subject_id
                     WHERE l.kind = 'legal_representative' AND o.uscc::text = pg_temp.mk_uscc(75005)$$,
                  $$VALUES ('taiwan_permit'::text, '12345678'::text, '林小明'::text)$$,
                  'a representative with a 台湾居民来往大陆通行证 (台胞证) is a person under that document');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE uscc::text = pg_temp.mk_uscc(75006)), 0,
          'a line with a malformed representative''s number leaves no organisation behind');

-- re-sent: the same persons and representative, found by document
SELECT results_eq($$SELECT line_no, outcome FROM credit_gz.intake_penalties('market_regulation', 'doc-1')
                     WHERE line_no IN (1, 2, 5) ORDER BY 1$$,
                  $$VALUES (1, 'unchanged'::text), (2, 'unchanged'), (5, 'unchanged')$$, 're-sent lines are unchanged');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE identity_document_type IS NOT NULL), 3,
          '... creating no person again');

SELECT * FROM finish();
ROLLBACK;
