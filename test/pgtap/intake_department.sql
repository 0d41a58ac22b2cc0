-- Department intake per department: a department COPYs its file into staging (its lines only, under row-level
-- security), calls intake_penalties for itself and never for another, reads only its own rejects, and a penalty file
-- does not change a legal representative another department recorded.
BEGIN;
SELECT plan(13);

CREATE FUNCTION pg_temp.mk_uscc(n bigint) RETURNS text LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make('91440106' || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;
GRANT EXECUTE ON FUNCTION pg_temp.mk_uscc(bigint) TO PUBLIC;

INSERT INTO credit_gz.intake_item_map (map_id, violation_type, department_code, item_code, domain_code, effective_from, source)
VALUES (1, '食品安全', NULL, 'administrative_penalty', 'food_drug_safety', '2020-01-01', 'test');
INSERT INTO credit_gz.intake_severity_map (map_id, penalty_category, department_code, min_fine_wan, severity, effective_from, source)
VALUES (1, 'fine', NULL, NULL, 'general', '2020-01-01', 'test');

CREATE ROLE intake_dep_mr NOLOGIN;
CREATE ROLE intake_dep_health NOLOGIN;
SELECT credit_gz.grant_department('intake_dep_mr', 'market_regulation');
SELECT credit_gz.grant_department('intake_dep_health', 'health');

-- market regulation COPYs its file into penalty_intake_file; the staged lines take its department
SET LOCAL ROLE intake_dep_mr;
COPY credit_gz.penalty_intake_file (batch, line_no, subject_name, subject_category, uscc, legal_rep_name, legal_rep_id_type,
                               legal_rep_id_no, document_no, violation_type, penalty_category, fine_amount, decision_date)
FROM STDIN WITH (FORMAT csv);
2026-07,1,甲酒楼有限公司,法人及非法人组织,91440106000720010X,王一,居民身份证,,穗市监罚〔2026〕201号,食品安全,罚款,1,2026-04-01
2026-07,2,乙酒楼有限公司,法人及非法人组织,91440106ZZZZZZZZZZ,,,,穗市监罚〔2026〕202号,食品安全,罚款,1,2026-04-02
\.
UPDATE credit_gz.penalty_intake SET uscc = pg_temp.mk_uscc(72001) WHERE batch = '2026-07' AND line_no = 1;
RESET ROLE;
SELECT results_eq($$SELECT department_code, count(*)::int FROM credit_gz.penalty_intake WHERE batch = '2026-07' GROUP BY 1$$,
                  $$VALUES ('market_regulation'::text, 2)$$, 'a department''s COPY stages lines in its own name');

SET LOCAL ROLE intake_dep_mr;
SELECT throws_ok($$INSERT INTO credit_gz.penalty_intake (batch, line_no, department_code) VALUES ('2026-07', 9, 'health')$$,
                 '42501', NULL, 'a department does not stage lines in another''s name');
RESET ROLE;

SET LOCAL ROLE intake_dep_health;
SELECT is((SELECT count(*)::int FROM credit_gz.penalty_intake), 0, 'another department sees none of the staged lines');
SELECT throws_ok($$SELECT * FROM credit_gz.intake_penalties('market_regulation', '2026-07')$$, '42501',
                 'role "intake_dep_health" does not act for department "market_regulation"',
                 'a department calling the intake for another is refused');
SELECT throws_ok($$SELECT * FROM credit_gz.intake_penalties('health', '2026-07')$$, '22023',
                 'batch "2026-07" has no staged lines', '... and finds no batch of another department under its own name');
-- the same batch name is free for another department
COPY credit_gz.penalty_intake_file (batch, line_no, subject_name, subject_category, uscc, document_no, violation_type,
                               penalty_category, fine_amount, decision_date)
FROM STDIN WITH (FORMAT csv);
2026-07,1,丙诊所有限公司,法人及非法人组织,91440106ZZZZZZZZZZ,穗卫罚〔2026〕201号,食品安全,罚款,1,2026-04-03
\.
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.penalty_intake WHERE batch = '2026-07'), 3,
          'two departments stage batches of the same name');

SET LOCAL ROLE intake_dep_mr;
CREATE TEMP TABLE r1 AS SELECT * FROM credit_gz.intake_penalties('market_regulation', '2026-07');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM r1 ORDER BY 1$$,
                  $$VALUES (1, 'loaded'::text, NULL::text, NULL::text), (2, 'rejected', 'uscc', '22P02')$$,
                  'a department loads its own batch, each line on its own');
SELECT is((SELECT count(*)::int FROM credit_gz.intake_reject WHERE batch = '2026-07'), 1, 'it reads its own rejects');
RESET ROLE;
SET LOCAL ROLE intake_dep_health;
CREATE TEMP TABLE r2 AS SELECT * FROM credit_gz.intake_penalties('health', '2026-07');
SELECT is((SELECT count(*)::int FROM credit_gz.intake_reject), 1, 'another department reads only its own rejects');
SELECT is((SELECT department_code FROM credit_gz.intake_reject), 'health', '... which name it');
RESET ROLE;

-- a representative market regulation recorded is not changed by another department's file: the line is refused whole
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, legal_rep_name,
                                      legal_rep_id_type, legal_rep_id_no, document_no, violation_type, penalty_category,
                                      fine_amount, decision_date, department_code)
VALUES ('rep-a', 1, '甲酒楼有限公司', '法人及非法人组织', pg_temp.mk_uscc(72001), '王一', '居民身份证',
        credit_gz.resident_id_make('44010619800101666')::text, '穗市监罚〔2026〕203号', '食品安全', '罚款', '1',
        '2026-04-05', 'market_regulation'),
       ('rep-h', 1, '甲酒楼有限公司', '法人及非法人组织', pg_temp.mk_uscc(72001), '周九', '居民身份证',
        credit_gz.resident_id_make('44010619850303555')::text, '穗卫罚〔2026〕202号', '食品安全', '罚款', '1',
        '2026-06-01', 'health');
SET LOCAL ROLE intake_dep_mr;
SELECT is((SELECT outcome FROM credit_gz.intake_penalties('market_regulation', 'rep-a')), 'loaded',
          'market regulation records the representative');
RESET ROLE;
SET LOCAL ROLE intake_dep_health;
CREATE TEMP TABLE r3 AS SELECT * FROM credit_gz.intake_penalties('health', 'rep-h');
RESET ROLE;
SELECT results_eq($$SELECT outcome, column_name, error_state FROM r3$$,
                  $$VALUES ('rejected'::text, 'legal_rep_name'::text, '42501'::text)$$,
                  'another department''s representative is not changed by a penalty file');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no = '穗卫罚〔2026〕202号'), 0,
          '... and the refused line loads no record');

SELECT * FROM finish();
ROLLBACK;
