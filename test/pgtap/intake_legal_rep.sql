-- Department intake: the 法定代表人 of an organisation from the penalty file, as a person found by (or created with) its
-- document and a legal_representative relation in the department's word; re-sends change nothing, a new representative
-- ends or replaces the old relation, and a line failing at its representative leaves nothing.
BEGIN;
SELECT plan(10);

CREATE FUNCTION pg_temp.mk_uscc(n bigint) RETURNS text LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make('91440106' || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;
CREATE FUNCTION pg_temp.rid(body text) RETURNS text LANGUAGE sql AS $$ SELECT credit_gz.resident_id_make(body)::text $$;

INSERT INTO credit_gz.intake_item_map (map_id, violation_type, department_code, item_code, domain_code, effective_from, source)
VALUES (1, '食品安全', NULL, 'administrative_penalty', 'food_drug_safety', '2020-01-01', 'test');
INSERT INTO credit_gz.intake_severity_map (map_id, penalty_category, department_code, min_fine_wan, severity, effective_from, source)
VALUES (1, 'fine', NULL, NULL, 'general', '2020-01-01', 'test');

-- a person already on file under the representative's document of line 2
INSERT INTO credit_gz.subject (resident_id, name, kind)
VALUES (pg_temp.rid('44010619750505222')::credit_gz.resident_id, '李四', 'natural_person');

INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, legal_rep_name,
                                      legal_rep_id_type, legal_rep_id_no, document_no, violation_type, penalty_category,
                                      fine_amount, decision_date, department_code)
VALUES ('rep-1', 1, '甲餐饮有限公司', '法人及非法人组织', pg_temp.mk_uscc(71001), '王五', '居民身份证',
        pg_temp.rid('44010619800101333'), '穗市监罚〔2026〕101号', '食品安全', '罚款', '1', '2026-03-01', 'market_regulation'),
       ('rep-1', 2, '乙餐饮有限公司', '法人及非法人组织', pg_temp.mk_uscc(71002), '李四', '',
        pg_temp.rid('44010619750505222'), '穗市监罚〔2026〕102号', '食品安全', '罚款', '1', '2026-03-02', 'market_regulation'),
       ('rep-1', 3, '丙餐饮有限公司', '法人及非法人组织', pg_temp.mk_uscc(71003), '赵六', '居民身份证',
        '44010619800101000', '穗市监罚〔2026〕103号', '食品安全', '罚款', '1', '2026-03-03', 'market_regulation'),
       ('rep-1', 4, '丁餐饮有限公司', '法人及非法人组织', pg_temp.mk_uscc(71004), '钱七', '军官证',
        'CHN/E12345678', '穗市监罚〔2026〕104号', '食品安全', '罚款', '1', '2026-03-04', 'market_regulation');

CREATE TEMP TABLE r1 AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'rep-1');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM r1 ORDER BY line_no$$,
                  $$VALUES (1, 'loaded'::text, NULL::text, NULL::text), (2, 'loaded', NULL, NULL),
                           (3, 'rejected', 'legal_rep_id_no', '22P02'), (4, 'rejected', 'legal_rep_id_type', '22023')$$,
                  'representatives: loaded, a malformed 证件号码 and an unsupported 证件类型 rejected');

CREATE TEMP VIEW reps AS
SELECT o.uscc::text AS org, p.name AS rep, r.valid_from, r.valid_until, r.source_department_code
  FROM credit_gz.relation r
  JOIN credit_gz.subject o ON o.subject_id = r.subject_id
  JOIN credit_gz.subject p ON p.subject_id = r.related_subject_id
 WHERE r.kind = 'legal_representative' AND o.uscc::text IN (pg_temp.mk_uscc(71001), pg_temp.mk_uscc(71002),
                                                             pg_temp.mk_uscc(71003), pg_temp.mk_uscc(71004));
SELECT results_eq($$SELECT org, rep, valid_from, valid_until, source_department_code FROM reps ORDER BY 1, 3$$,
                  $$VALUES (pg_temp.mk_uscc(71001), '王五'::text, '2026-03-01'::date, NULL::date, 'market_regulation'::text),
                           (pg_temp.mk_uscc(71002), '李四', '2026-03-02', NULL, 'market_regulation')$$,
                  'each organisation has its representative from the decision date, in the department''s word');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE resident_id::text = pg_temp.rid('44010619750505222')), 1,
          'a representative already on file is matched by document, not created again');
SELECT is((SELECT kind FROM credit_gz.subject WHERE resident_id::text = pg_temp.rid('44010619800101333')), 'natural_person',
          'a new representative is created as a natural person');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE uscc::text IN (pg_temp.mk_uscc(71003), pg_temp.mk_uscc(71004))),
          0, 'a line failing at its representative leaves no organisation behind');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no IN ('穗市监罚〔2026〕103号', '穗市监罚〔2026〕104号')),
          0, '... and no record');

-- re-sending the same lines: unchanged, never the one-representative-at-a-time error
SELECT results_eq($$SELECT line_no, outcome, error_state FROM credit_gz.intake_penalties('market_regulation', 'rep-1')
                     WHERE line_no IN (1, 2) ORDER BY 1$$,
                  $$VALUES (1, 'unchanged'::text, NULL::text), (2, 'unchanged', NULL)$$,
                  're-sending the same representative is a no-op');
SELECT is((SELECT count(*)::int FROM reps), 2, '... adding no relation');

-- a later decision names another representative: the old relation ends that day, the new one starts
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, legal_rep_name,
                                      legal_rep_id_type, legal_rep_id_no, document_no, violation_type, penalty_category,
                                      fine_amount, decision_date, department_code)
VALUES ('rep-2', 1, '甲餐饮有限公司', '法人及非法人组织', pg_temp.mk_uscc(71001), '孙八', '居民身份证',
        pg_temp.rid('44010619900202444'), '穗市监罚〔2026〕105号', '食品安全', '罚款', '1', '2026-05-01', 'market_regulation'),
       ('rep-2', 2, '乙餐饮有限公司', '法人及非法人组织', pg_temp.mk_uscc(71002), '孙八', '居民身份证',
        pg_temp.rid('44010619900202444'), '穗市监罚〔2026〕102号', '食品安全', '罚款', '1', '2026-03-02', 'market_regulation');
SELECT results_eq($$SELECT line_no, outcome FROM credit_gz.intake_penalties('market_regulation', 'rep-2') ORDER BY 1$$,
                  $$VALUES (1, 'loaded'::text), (2, 'updated')$$,
                  'a new representative: the new document loads, the re-sent one is updated');
SELECT results_eq($$SELECT org, rep, valid_from, valid_until FROM reps ORDER BY 1, 3$$,
                  $$VALUES (pg_temp.mk_uscc(71001), '王五'::text, '2026-03-01'::date, '2026-05-01'::date),
                           (pg_temp.mk_uscc(71001), '孙八', '2026-05-01', NULL),
                           (pg_temp.mk_uscc(71002), '孙八', '2026-03-02', NULL)$$,
                  'the old representative ends the day the new one starts; the same day''s one is replaced');

SELECT * FROM finish();
ROLLBACK;
