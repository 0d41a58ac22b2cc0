-- Department intake: organisations by 统一社会信用代码, else by their older codes (工商注册号, 组织机构代码, 税务登记号,
-- 事业单位证书号, 社会组织登记证号, in that order) through the crosswalk, else rejected; the crosswalk refuses an older
-- code of another form than its unified code's.
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
VALUES (1, 'fine', NULL, NULL, 'general', '2020-01-01', 'test');

INSERT INTO credit_gz.subject (uscc, name, kind) VALUES (pg_temp.mk_uscc(73001)::credit_gz.uscc, '甲商行有限公司', 'enterprise');
INSERT INTO credit_gz.intake_code_crosswalk (code_kind, old_code, uscc, source) VALUES
    ('business_reg_no', '440106000073001', pg_temp.mk_uscc(73001)::credit_gz.uscc, 'test'),
    ('organisation_code', credit_gz.uscc_org_code(pg_temp.mk_uscc(73002)::credit_gz.uscc), pg_temp.mk_uscc(73002)::credit_gz.uscc, 'test');

SELECT throws_ok($$INSERT INTO credit_gz.intake_code_crosswalk (code_kind, old_code, uscc, source)
                   VALUES ('business_reg_no', '440104000073003', pg_temp.mk_uscc(73003)::credit_gz.uscc, 'test')$$,
                 '23514', NULL, 'a 工商注册号 of another division than its unified code''s is refused');
SELECT throws_ok($$INSERT INTO credit_gz.intake_code_crosswalk (code_kind, old_code, uscc, source)
                   VALUES ('organisation_code', 'MA5999999', pg_temp.mk_uscc(73003)::credit_gz.uscc, 'test')$$,
                 '23514', NULL, 'an organisation code other than its unified code''s positions 9-17 is refused');

INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, business_reg_no,
                                      organisation_code, document_no, violation_type, penalty_category, fine_amount,
                                      decision_date, department_code)
VALUES ('cw-1', 1, '甲商行', '法人及非法人组织', '', '440106000073001', NULL, '穗市监罚〔2026〕301号', '食品安全', '罚款', '1',
        '2026-03-01', 'market_regulation'),
       ('cw-1', 2, '乙商行有限公司', '法人及非法人组织', NULL, '440106000099999',
        substr(credit_gz.uscc_org_code(pg_temp.mk_uscc(73002)::credit_gz.uscc), 1, 8) || '-'
            || substr(credit_gz.uscc_org_code(pg_temp.mk_uscc(73002)::credit_gz.uscc), 9, 1),
        '穗市监罚〔2026〕302号', '食品安全', '罚款', '1', '2026-03-02', 'market_regulation'),
       ('cw-1', 3, '丙商行', '法人及非法人组织', NULL, '440106000088888', NULL, '穗市监罚〔2026〕303号', '食品安全', '罚款', '1',
        '2026-03-03', 'market_regulation'),
       ('cw-1', 4, '丁商行', '法人及非法人组织', NULL, NULL, NULL, '穗市监罚〔2026〕304号', '食品安全', '罚款', '1',
        '2026-03-04', 'market_regulation');
CREATE TEMP TABLE r1 AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'cw-1');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM r1 ORDER BY 1$$,
                  $$VALUES (1, 'loaded'::text, NULL::text, NULL::text), (2, 'loaded', NULL, NULL),
                           (3, 'rejected', 'business_reg_no', '23502'), (4, 'rejected', 'uscc', '23502')$$,
                  'older codes through the crosswalk; a line with no known code is rejected');
SELECT is((SELECT s.uscc::text FROM credit_gz.record r JOIN credit_gz.subject s USING (subject_id)
            WHERE r.document_no = '穗市监罚〔2026〕301号'), pg_temp.mk_uscc(73001),
          'a 工商注册号 finds the organisation already on file');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE uscc::text = pg_temp.mk_uscc(73001)), 1, '... creating none');
SELECT is((SELECT s.name FROM credit_gz.record r JOIN credit_gz.subject s USING (subject_id)
            WHERE r.document_no = '穗市监罚〔2026〕302号'), '乙商行有限公司',
          'an organisation code (hyphen written) not on file creates the organisation under the crosswalk''s unified code');
SELECT ok((SELECT message FROM r1 WHERE line_no = 3)
          = 'line 3 (document "穗市监罚〔2026〕303号", subject 440106000088888): no unified code and no known older code',
          'the reject names the older code it was sent with');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE name IN ('丙商行', '丁商行')), 0, 'rejected lines create no subject');

-- 税务登记号, 事业单位证书号, 社会组织登记证号
CREATE FUNCTION pg_temp.mk(prefix text, n bigint) RETURNS credit_gz.uscc LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make(prefix || '440106' || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;
SELECT lives_ok($$INSERT INTO credit_gz.intake_code_crosswalk (code_kind, old_code, uscc, source) VALUES
                    ('tax_reg_no', '440106' || credit_gz.uscc_org_code(pg_temp.mk('91', 73011)), pg_temp.mk('91', 73011), 'test'),
                    ('institution_cert_no', '144010600012', pg_temp.mk('12', 73012), 'test'),
                    ('social_org_cert_no', '穗社证字第0013号', pg_temp.mk('51', 73013), 'test')$$,
                'a 税务登记号, a 事业单位证书号 and a 社会组织登记证号 of the forms their codes give are taken');
SELECT throws_ok($$INSERT INTO credit_gz.intake_code_crosswalk (code_kind, old_code, uscc, source)
                   VALUES ('tax_reg_no', '440106MA5999999', pg_temp.mk('91', 73014), 'test')$$,
                 '23514', NULL, 'a 税务登记号 not ending in its unified code''s organisation code is refused');
SELECT throws_ok($$INSERT INTO credit_gz.intake_code_crosswalk (code_kind, old_code, uscc, source)
                   VALUES ('institution_cert_no', '144010600014', pg_temp.mk('91', 73014), 'test')$$,
                 '23514', NULL, 'a 事业单位证书号 for the code of an enterprise is refused');
SELECT throws_ok($$INSERT INTO credit_gz.intake_code_crosswalk (code_kind, old_code, uscc, source)
                   VALUES ('social_org_cert_no', '穗社证字第0014号', pg_temp.mk('12', 73014), 'test')$$,
                 '23514', NULL, 'a 社会组织登记证号 for a code of another authority than 民政 is refused');
INSERT INTO credit_gz.intake_subject_kind (name_zh, subject_kind, source)
VALUES ('事业单位', 'public_institution', 'test'), ('社会组织', 'social_organization', 'test');
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, tax_reg_no,
                                      institution_cert_no, social_org_cert_no, document_no, violation_type,
                                      penalty_category, fine_amount, decision_date, department_code)
VALUES ('cw-2', 1, '戊商行有限公司', '法人及非法人组织', NULL,
        lower('440106' || credit_gz.uscc_org_code(pg_temp.mk('91', 73011))), NULL, NULL, '穗市监罚〔2026〕311号',
        '食品安全', '罚款', '1', '2026-03-11', 'market_regulation'),
       ('cw-2', 2, '某区疾病预防控制中心', '事业单位', NULL, NULL, '事证第144010600012号', NULL, '穗市监罚〔2026〕312号',
        '食品安全', '罚款', '1', '2026-03-12', 'market_regulation'),
       ('cw-2', 3, '某行业协会', '社会组织', NULL, NULL, NULL, '穗社证字第0013号', '穗市监罚〔2026〕313号',
        '食品安全', '罚款', '1', '2026-03-13', 'market_regulation'),
       ('cw-2', 4, '己商行', '法人及非法人组织', NULL, '440106MA5999999', '144010699999', NULL, '穗市监罚〔2026〕314号',
        '食品安全', '罚款', '1', '2026-03-14', 'market_regulation');
CREATE TEMP TABLE r2 AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'cw-2');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM r2 ORDER BY 1$$,
                  $$VALUES (1, 'loaded'::text, NULL::text, NULL::text), (2, 'loaded', NULL, NULL), (3, 'loaded', NULL, NULL),
                           (4, 'rejected', 'institution_cert_no', '23502')$$,
                  'organisations through their 税务登记号, 事业单位证书号 and 社会组织登记证号; unknown ones rejected');
SELECT results_eq($$SELECT r.document_no, s.uscc::text, s.kind FROM credit_gz.record r JOIN credit_gz.subject s USING (subject_id)
                     WHERE r.document_no IN ('穗市监罚〔2026〕311号', '穗市监罚〔2026〕312号', '穗市监罚〔2026〕313号') ORDER BY 1$$,
                  $$VALUES ('穗市监罚〔2026〕311号'::text, pg_temp.mk('91', 73011)::text, 'enterprise'::text),
                           ('穗市监罚〔2026〕312号', pg_temp.mk('12', 73012)::text, 'public_institution'),
                           ('穗市监罚〔2026〕313号', pg_temp.mk('51', 73013)::text, 'social_organization')$$,
                  '... each under the unified code the crosswalk gives it');
SELECT is((SELECT message FROM r2 WHERE line_no = 4),
          'line 4 (document "穗市监罚〔2026〕314号", subject 144010699999): no unified code and no known older code',
          'the reject names the last older code tried');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE name = '己商行'), 0, '... and creates no subject');

SELECT * FROM finish();
ROLLBACK;
