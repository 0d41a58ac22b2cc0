-- Department intake, the set-based path: clean lines load in set-based statements with the receipt the line-by-line
-- path gives (validate-only and load agree; re-sends unchanged; a document twice in a file updates), and a chunk in
-- which a statement fails (a line the record trigger refuses) goes line by line, the refused line alone rejected.
BEGIN;
SELECT plan(11);

CREATE FUNCTION pg_temp.mk_uscc(n bigint) RETURNS text LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make('91440106' || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;
CREATE FUNCTION pg_temp.rid(body text) RETURNS text LANGUAGE sql AS $$ SELECT credit_gz.resident_id_make(body)::text $$;

INSERT INTO credit_gz.intake_item_map (map_id, violation_type, department_code, item_code, domain_code, effective_from, source)
VALUES (1, '食品安全', NULL, 'administrative_penalty', 'food_drug_safety', '2020-01-01', 'test'),
       (2, '经营异常', NULL, 'abnormal_operations', NULL, '2020-01-01', 'test');
INSERT INTO credit_gz.intake_severity_map (map_id, penalty_category, department_code, min_fine_wan, severity, effective_from, source)
VALUES (1, 'fine', NULL, NULL, 'general', '2020-01-01', 'test');
INSERT INTO credit_gz.subject (uscc, name, kind) VALUES (pg_temp.mk_uscc(74005)::credit_gz.uscc, '戊贸易有限公司', 'enterprise');

INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, id_no, document_no,
                                      violation_type, penalty_category, fine_amount, decision_date, publicity_deadline,
                                      department_code)
VALUES ('set-1', 1, '甲贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(74001), NULL, '穗市监罚〔2026〕401号', '食品安全', '罚款', '1', '2026-05-01', NULL, 'market_regulation'),
       ('set-1', 2, '甲贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(74001), NULL, '穗市监罚〔2026〕402号', '食品安全', '罚款', '2', '2026-05-02', NULL, 'market_regulation'),
       ('set-1', 3, '丙贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(74003), NULL, '穗市监罚〔2026〕403号', '食品安全', '罚款', '1', '2026-05-03', NULL, 'market_regulation'),
       ('set-1', 4, '丁某', '自然人', NULL, pg_temp.rid('44010619800101444'), '穗市监罚〔2026〕404号', '食品安全', '罚款', '0.2', '2026-05-04', NULL, 'market_regulation'),
       ('set-1', 5, '戊贸易', '法人及非法人组织', pg_temp.mk_uscc(74005), NULL, '穗市监罚〔2026〕405号', '食品安全', '罚款', '1', '2026-05-05', NULL, 'market_regulation'),
       ('set-1', 6, '己贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(74006), NULL, '穗市监罚〔2026〕406号', '食品安全', '罚款', '1', '2026-05-06', NULL, 'market_regulation'),
       ('set-1', 7, '己贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(74006), NULL, '穗市监罚〔2026〕406号', '食品安全', '罚款', '3', '2026-05-06', NULL, 'market_regulation'),
       ('set-1', 8, '庚贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(74008), NULL, '穗市监罚〔2026〕408号', '食品安全', '罚款', '1', '2026-05-08', '2026-08-07', 'market_regulation'),
       ('set-1', 9, '辛贸易有限公司', '法人及非法人组织', '91440106BADCODE00X', NULL, '穗市监罚〔2026〕409号', '食品安全', '罚款', '1', '2026-05-09', NULL, 'market_regulation');

CREATE TEMP TABLE v AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'set-1', true);
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE name IN ('甲贸易有限公司', '丙贸易有限公司', '丁某')), 0,
          'validate-only through the set-based path creates nothing');
CREATE TEMP TABLE r1 AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'set-1');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM r1 ORDER BY line_no$$,
                  $$VALUES (1, 'loaded'::text, NULL::text, NULL::text), (2, 'loaded', NULL, NULL), (3, 'loaded', NULL, NULL),
                           (4, 'loaded', NULL, NULL), (5, 'loaded', NULL, NULL), (6, 'loaded', NULL, NULL),
                           (7, 'updated', NULL, NULL), (8, 'loaded', 'publicity_deadline', NULL),
                           (9, 'rejected', 'uscc', '22P02')$$,
                  'clean lines load, a document twice in the file is loaded then updated, a bad line is rejected');
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state, message FROM r1 ORDER BY line_no$$,
                  $$SELECT line_no, outcome, column_name, error_state, message FROM v ORDER BY line_no$$,
                  'the load''s receipt is the validate-only one, messages included');
SELECT ok((SELECT bool_and(x.document_no IS NOT NULL) FROM r1 r JOIN credit_gz.record x ON x.record_id = r.record_id
            WHERE r.outcome <> 'rejected') AND (SELECT count(*) FROM r1 WHERE outcome <> 'rejected' AND record_id IS NULL) = 0,
          'every loaded line carries its record id');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE uscc::text = pg_temp.mk_uscc(74001)), 1,
          'two lines of one new organisation create it once');
SELECT is((SELECT name FROM credit_gz.subject WHERE uscc::text = pg_temp.mk_uscc(74005)), '戊贸易有限公司',
          'an organisation on file is found, not renamed');
SELECT results_eq($$SELECT x.penalty_category, x.severity, x.details->>'fine_amount', x.domain_code FROM credit_gz.record x
                     WHERE x.document_no = '穗市监罚〔2026〕406号'$$,
                  $$VALUES ('fine'::text, 'general'::text, '3'::text, 'food_drug_safety'::text)$$,
                  'the record holds the last line of its document, 处罚类别 in its column');
SELECT ok((SELECT message FROM r1 WHERE line_no = 8) LIKE '公示截止期 2026-08-07 differs from the last day the publicity rule gives, %',
          'a 公示截止期 other than the rule''s window is listed');

-- re-sent: the clean lines unchanged
SELECT results_eq($$SELECT line_no, outcome FROM credit_gz.intake_penalties('market_regulation', 'set-1') ORDER BY 1$$,
                  $$VALUES (1, 'unchanged'::text), (2, 'unchanged'), (3, 'unchanged'), (4, 'unchanged'), (5, 'unchanged'),
                           (6, 'updated'), (7, 'updated'), (8, 'unchanged'), (9, 'rejected')$$,
                  'a re-send: clean lines unchanged');

-- a line the checks pass but the record trigger refuses (an item for organisations, against a natural person): its
-- chunk goes line by line, that line alone rejected and leaving nothing
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, id_no, document_no,
                                      violation_type, penalty_category, fine_amount, decision_date, department_code)
VALUES ('set-2', 1, '壬贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(74011), NULL, '穗市监罚〔2026〕411号', '食品安全', '罚款', '1', '2026-05-11', 'market_regulation'),
       ('set-2', 2, '癸某', '自然人', NULL, pg_temp.rid('44010619800101555'), '穗市监罚〔2026〕412号', '经营异常', '罚款', '1', '2026-05-12', 'market_regulation'),
       ('set-2', 3, '子贸易有限公司', '法人及非法人组织', pg_temp.mk_uscc(74013), NULL, '穗市监罚〔2026〕413号', '食品安全', '罚款', '1', '2026-05-13', 'market_regulation');
CREATE TEMP TABLE r2 AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'set-2');
SELECT results_eq($$SELECT line_no, outcome, error_state FROM r2 ORDER BY 1$$,
                  $$VALUES (1, 'loaded'::text, NULL::text), (2, 'rejected', '23514'), (3, 'loaded', NULL)$$,
                  'a chunk a statement fails in goes line by line: only the refused line is rejected');
SELECT is((SELECT count(*)::int FROM credit_gz.subject WHERE name = '癸某'), 0, '... and it leaves no subject behind');

SELECT * FROM finish();
ROLLBACK;
