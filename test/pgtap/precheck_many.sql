-- Batch pre-checks (precheck_many): each answer equal to the single call's for listed, unlisted, unknown and
-- malformed subjects, by id and by code; logged and fed back as single calls are; the whole call refused for an
-- unknown domain; departments only. And the grades that matter to the domain (domain_grades) in every answer.
BEGIN;
SET search_path = credit_gz, public;
SELECT plan(25);

CREATE FUNCTION pg_temp.uscc(n int) RETURNS credit_gz.uscc LANGUAGE sql AS $$
    SELECT credit_gz.uscc_make('91440101' || body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT b AS body, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM (SELECT 'MP' || lpad(n::text, 6, '0') AS b) x,
                   unnest(regexp_split_to_array(x.b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w) GROUP BY b) s
$$;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_pm_court', '批量核查测试法院', 'batch pre-check test court', 'judicial'),
       ('t_pm_tender', '批量核查测试招标办', 'batch pre-check test tender office', 'municipal');
INSERT INTO credit_gz.subject (subject_id, uscc, name) VALUES
    (990201, pg_temp.uscc(1), '批量核查失信公司'), (990202, pg_temp.uscc(2), '批量核查普通公司'),
    (990203, pg_temp.uscc(3), '批量核查关注公司');
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
VALUES (990201, 'judgment_debtor', 't_pm_court', '(2026)粤01执7号', credit_gz.policy_date() - 3),
       (990203, 'abnormal_operations', 't_pm_court', '穗测异〔2026〕7号', credit_gz.policy_date() - 3);
CREATE ROLE t_pm_dept NOLOGIN;
CREATE ROLE t_pm_portal NOLOGIN;
SELECT credit_gz.grant_department('t_pm_dept', 't_pm_tender');
SELECT credit_gz.grant_self_service('t_pm_portal');

-- the list: listed, unlisted, attention-listed, unknown id, NULL
CREATE TEMP TABLE ids AS SELECT ARRAY[990201, 990202, 990203, -7, NULL]::bigint[] AS a;
CREATE TEMP TABLE codes AS
SELECT ARRAY[pg_temp.uscc(1)::text, '990202', pg_temp.uscc(3)::text, '91440101MA0000007B', '91440101MA0000000X',
             'no such code', NULL] AS a;
GRANT SELECT ON ids, codes TO PUBLIC;

SET LOCAL ROLE t_pm_dept;
-- ---- by subject id -------------------------------------------------------------------------------------------------
CREATE TEMP TABLE many AS SELECT * FROM credit_gz.precheck_many((SELECT a FROM ids), 'construction', 'tender_bid');
CREATE TEMP TABLE single AS
SELECT i::int AS item, credit_gz.precheck(s, 'construction', 'tender_bid') AS answer
  FROM unnest((SELECT a FROM ids)) WITH ORDINALITY AS u (s, i);
SELECT results_eq($$SELECT item, answer FROM many ORDER BY item$$, $$SELECT item, answer FROM single ORDER BY item$$,
                  'each answer by id equals the single call''s: listed, unlisted, attention, unknown, NULL');
SELECT is((SELECT answer ->> 'verdict' FROM many WHERE item = 1), 'deny', 'the listed bidder is denied');
SELECT is((SELECT answer ->> 'verdict' FROM many WHERE item = 2), 'allow', 'the unlisted one allowed');
SELECT is((SELECT answer ->> 'verdict' FROM many WHERE item = 3), 'allow_with_conditions', 'the abnormal one with conditions');
SELECT is((SELECT answer ->> 'verdict' FROM many WHERE item = 4), 'no_record', 'an unknown id: no record');
SELECT is((SELECT answer FROM many WHERE item = 5), NULL, 'a NULL id: a NULL answer');
SELECT is((SELECT count(*)::int FROM many), 5, 'one row per item');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.query_log WHERE subject_id IN (990201, 990202, 990203, -7)
             AND role_name = 't_pm_dept' AND via = 'precheck'), 8,
          'logged as the single calls are: one entry per subject and call');
SELECT is(ARRAY(SELECT subject_id FROM credit_gz.query_log
                 WHERE role_name = 't_pm_dept' AND via = 'precheck' ORDER BY log_id LIMIT 4),
          ARRAY[990201, 990202, 990203, -7]::bigint[], 'in the order of the list');
SELECT ok((SELECT bool_and(department_code = 't_pm_tender' AND domain_code = 'construction') FROM credit_gz.query_log
            WHERE role_name = 't_pm_dept' AND via = 'precheck'),
          'each entry names the department and the domain');
SELECT is((SELECT count(*)::int FROM credit_gz.measure_feedback WHERE subject_id = 990201 AND source = 'precheck'
              AND measure_code = 'jp_tender_bar' AND department_code = 't_pm_tender'), 2,
          'the applied measure is fed back for the batch as for the single call');

-- ---- by code -------------------------------------------------------------------------------------------------------
SET LOCAL ROLE t_pm_dept;
CREATE TEMP TABLE many_c AS SELECT * FROM credit_gz.precheck_many((SELECT a FROM codes), 'construction', 'tender_bid');
SELECT results_eq($$SELECT answer FROM many_c WHERE item IN (1, 2, 3, 4) ORDER BY item$$,
                  $$SELECT credit_gz.precheck(c, 'construction', 'tender_bid')
                      FROM unnest((SELECT a[1:4] FROM codes)) WITH ORDINALITY AS u (c, i) ORDER BY i$$,
                  'each answer by code equals the single call''s: uscc listed, subject id as text, a well-formed code on no file');
SELECT throws_ok($$SELECT credit_gz.precheck('91440101MA0000000X', 'construction', 'tender_bid')$$, '22P02', NULL,
                 'the single call refuses a malformed code');
SELECT is((SELECT answer -> 'error' ->> 'sqlstate' FROM many_c WHERE item = 5), '22P02',
          'the batch answers that item with the same error');
SELECT is((SELECT answer -> 'error' ->> 'message' FROM many_c WHERE item = 5),
          'invalid subject code "91440101MA0000000X"', 'and its message');
SELECT ok((SELECT answer ? 'verdict' AND answer ->> 'verdict' IS NULL FROM many_c WHERE item = 5),
          'with no verdict, so no gate reads it as a pass');
SELECT is((SELECT answer -> 'error' ->> 'sqlstate' FROM many_c WHERE item = 6), '22P02', 'any malformed code');
SELECT is((SELECT answer FROM many_c WHERE item = 7), NULL, 'a NULL code: a NULL answer');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.unknown_code_read_log WHERE code = '91440101MA0000007B'
             AND role_name = 't_pm_dept'), 2, 'the code on no file is logged under the code, as a single call logs it');
SELECT is((SELECT count(*)::int FROM credit_gz.unknown_code_read_log WHERE code IN ('91440101MA0000000X', 'no such code')),
          0, 'malformed codes are not logged: nothing was read');

-- ---- the whole call, and who may make it ----------------------------------------------------------------------------
SET LOCAL ROLE t_pm_dept;
SELECT throws_ok($$SELECT * FROM credit_gz.precheck_many(ARRAY[990202]::bigint[], 'constructio', 'tender_bid')$$,
                 '22023', 'unknown domain "constructio"', 'an unknown domain refuses the whole call');
RESET ROLE;
SET LOCAL ROLE t_pm_portal;
SELECT throws_ok($$SELECT * FROM credit_gz.precheck_many(ARRAY[990202]::bigint[], 'construction', 'tender_bid')$$,
                 '42501', NULL, 'pre-checks are for departments only');
RESET ROLE;

-- ---- the grades that matter to the domain ---------------------------------------------------------------------------
SELECT is((SELECT answer -> 'domain_grades' -> 'domain' ->> 'model' FROM many WHERE item = 1), 'construction',
          'domain_grades names the domain''s own model');
SELECT is((SELECT answer -> 'domain_grades' -> 'domain' ->> 'grade' FROM many WHERE item = 1),
          (SELECT g ->> 'grade' FROM many, jsonb_array_elements(answer -> 'grades') g
            WHERE item = 1 AND g ->> 'model' = 'construction'),
          'with the grade the full list gives it');
SELECT is(ARRAY[(SELECT answer -> 'domain_grades' -> 'comprehensive' ->> 'model' FROM many WHERE item = 1),
                (SELECT answer -> 'domain_grades' -> 'risk' ->> 'model' FROM many WHERE item = 1),
                (precheck(990201, 'road_freight', 'tender_bid') -> 'domain_grades' -> 'domain' ->> 'model')],
          ARRAY['city_comprehensive', 'market_risk', 'logistics'],
          'the city comprehensive grade and market risk beside it; a sub-domain takes its parent''s model');

SELECT * FROM finish();
ROLLBACK;
