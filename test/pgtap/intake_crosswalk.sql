-- Department intake: organisations by 统一社会信用代码, else by their older codes (工商注册号 first, then 组织机构代码)
-- through the crosswalk, else rejected; the crosswalk refuses a 工商注册号 of another division than its code's.
BEGIN;
SELECT plan(8);

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

SELECT * FROM finish();
ROLLBACK;
