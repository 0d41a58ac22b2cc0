-- 重错码率 over what was sent: a penalty file, a licence file and a list file with known bad codes (rejected at the door), bad identity
-- numbers, a code under two names and empty required fields give exact figures per department and month, in
-- sent_code_quality, code_quality over credit_gz.sent_code and the monitor (monitor_data_quality).
BEGIN;
SELECT plan(10);

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

-- market regulation, April 2026: 6 lines. Codes sent: 3 good unified codes (one of them under two names), one with a
-- wrong check character, one malformed, one good identity number and one with a wrong check character: 7 distinct
-- codes, 2 erroneous unified codes, 1 erroneous identity number, 1 duplicate (same code, two names).
-- Line 6 lacks 违法事实 (facts) and 处罚机关.
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, id_type, id_no, document_no,
                                      violation_type, facts, basis, penalty_category, content, fine_amount,
                                      decision_date, deciding_body, department_code)
SELECT 'q-04', n, nm, cat, code, NULL, pid, '穗市监罚〔2026〕4' || n || '号', '食品安全', facts, '《食品安全法》', '罚款',
       '罚款一万元', '1', d, body, 'market_regulation'
  FROM (VALUES (1, '甲公司', '法人及非法人组织', pg_temp.mk_uscc(91001), NULL, '2026-04-01', '事实', '广州市市场监督管理局'),
               (2, '乙公司', '法人及非法人组织', pg_temp.mk_uscc(91002), NULL, '2026-04-02', '事实', '广州市市场监督管理局'),
               (3, '乙公司（分号）', '法人及非法人组织', pg_temp.mk_uscc(91002), NULL, '2026-04-03', '事实', '广州市市场监督管理局'),
               (4, '丙公司', '法人及非法人组织', left(pg_temp.mk_uscc(91003), 17) || '1', NULL, '2026-04-04', '事实', '广州市市场监督管理局'),
               (5, '丁公司', '法人及非法人组织', '91440106ZZZZZZZZZZ', NULL, '2026-04-05', '事实', '广州市市场监督管理局'),
               (6, '王五', '自然人', NULL, credit_gz.resident_id_make('44010619800101002')::text, '2026-04-06', '', '')
       ) v (n, nm, cat, code, pid, d, facts, body);
-- fix line 4 so that its check character is really wrong
UPDATE credit_gz.penalty_intake SET uscc = left(uscc, 17) || CASE WHEN right(pg_temp.mk_uscc(91003), 1) = '1' THEN '2' ELSE '1' END
 WHERE batch = 'q-04' AND line_no = 4;
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, id_no, document_no, violation_type,
                                      facts, basis, penalty_category, content, fine_amount, decision_date, deciding_body,
                                      department_code)
VALUES ('q-04', 7, '李六', '自然人', left(credit_gz.resident_id_make('44010619800101003')::text, 17)
            || CASE WHEN right(credit_gz.resident_id_make('44010619800101003')::text, 1) = '1' THEN '2' ELSE '1' END,
        '穗市监罚〔2026〕47号', '食品安全', '事实', '《食品安全法》', '罚款', '罚款一万元', '1', '2026-04-07',
        '广州市市场监督管理局', 'market_regulation');
CREATE TEMP TABLE r AS SELECT * FROM credit_gz.intake_penalties('market_regulation', 'q-04');
SELECT results_eq($$SELECT line_no, outcome, error_state FROM r WHERE outcome = 'rejected' ORDER BY 1$$,
                  $$VALUES (4, 'rejected'::text, '22P02'::text), (5, 'rejected', '22P02'), (7, 'rejected', '22P02')$$,
                  'the bad codes are rejected at the door and never reach the archive');

-- the court, May 2026: a list file of 3 lines, one malformed code, one with no code at all
INSERT INTO credit_gz.list_intake (batch, line_no, list_name, subject_name, uscc, case_no, deciding_body, listed_on,
                                   department_code)
VALUES ('sx-05', 1, '失信被执行人', '戊公司', pg_temp.mk_uscc(91004), '（2026）粤0106执1号', '天河区法院', '2026-05-10', 'court'),
       ('sx-05', 2, '失信被执行人', '己公司', '9144010600000000I0', '（2026）粤0106执2号', '天河区法院', '2026-05-11', 'court'),
       ('sx-05', 3, '失信被执行人', '庚公司', NULL, '（2026）粤0106执3号', '', '2026-05-12', 'court');
CREATE TEMP TABLE l AS SELECT * FROM credit_gz.intake_lists('court', 'sx-05');

-- market regulation, June 2026: a licence file of 3 lines, one with a wrong check character, one lacking its 许可类别
-- (a required 双公示 field) and its 行政相对人类别
INSERT INTO credit_gz.licence_intake (batch, line_no, subject_name, subject_category, uscc, document_name, document_no,
                                      licence_type, content, decision_date, valid_from, valid_to, deciding_body,
                                      department_code)
SELECT 'lic-06', n, nm, cat, code, '食品经营许可决定书', '穗市监许〔2026〕6' || n || '号', lt, '预包装食品销售', '2026-06-0' || n,
       '2026-06-0' || n, '2031-05-31', '广州市市场监督管理局', 'market_regulation'
  FROM (VALUES (1, '辛公司', '法人及非法人组织', pg_temp.mk_uscc(91005), '普通'),
               (2, '壬公司', '法人及非法人组织', left(pg_temp.mk_uscc(91006), 17)
                    || CASE WHEN right(pg_temp.mk_uscc(91006), 1) = '1' THEN '2' ELSE '1' END, '普通'),
               (3, '癸公司', NULL, pg_temp.mk_uscc(91007), NULL)) v (n, nm, cat, code, lt);
CREATE TEMP TABLE c AS SELECT * FROM credit_gz.intake_licences('market_regulation', 'lic-06');
SELECT results_eq($$SELECT line_no, outcome, error_state FROM c WHERE outcome = 'rejected' ORDER BY 1$$,
                  $$VALUES (2, 'rejected'::text, '22P02'::text), (3, 'rejected', 'CG801')$$,
                  'the licences with a bad code and with an empty required field are rejected at the door');

SELECT results_eq(
    $$SELECT department_code, period_start, lines, rejected_lines, codes, erroneous, erroneous_ids, duplicate,
             missing_fields, error_rate
        FROM credit_gz.sent_code_quality('2026-01-01', '2026-12-31') ORDER BY 1, 2$$,
    $$VALUES ('court'::text, '2026-05-01'::date, 3::bigint, 2::bigint, 2::bigint, 1::bigint, 0::bigint, 0::bigint,
              1::bigint, 0.50000000::numeric),
             ('market_regulation', '2026-04-01', 7, 3, 6, 2, 1, 1, 1, 0.66666667),
             ('market_regulation', '2026-06-01', 3, 2, 3, 1, 0, 0, 1, 0.33333333)$$,
    'exact figures per department and month: rejected codes, bad identity numbers, duplicates and empty fields counted');
SELECT results_eq($$SELECT line_no, missing FROM credit_gz.sent_code WHERE cardinality(missing) > 0 ORDER BY kind, line_no$$,
                  $$VALUES (3, ARRAY['licence_type', 'subject_category']), (3, ARRAY['deciding_body', 'uscc']),
                           (6, ARRAY['deciding_body', 'facts'])$$,
                  'the required fields each line lacks (uscc: no code at all)');
SELECT is((SELECT count(*)::int FROM credit_gz.sent_code_quality('2026-05-01', '2026-05-31')), 1,
          'a period bounds the lines by their date');
SELECT results_eq($$SELECT distinct_codes, erroneous, duplicate FROM credit_gz.code_quality('credit_gz.sent_code', 'uscc', 'subject_name')$$,
                  $$VALUES (9::bigint, 4::bigint, 1::bigint)$$,
                  'code_quality over credit_gz.sent_code counts every unified code sent, rejected ones included');
SELECT results_eq($$SELECT key, base, count FROM credit_gz.monitor_data_quality
                     WHERE metric IN ('code_error_rate', 'department_code_error_rate') ORDER BY dimension, key$$,
                  $$VALUES ('全市'::text, 11::bigint, 6::bigint), ('court', 2, 1), ('market_regulation', 9, 5)$$,
                  'the monitor counts what was sent, city-wide and per department');
SELECT is((SELECT meets_target FROM credit_gz.monitor_data_quality WHERE metric = 'code_error_rate'), false,
          '... and the city misses the 0.005% target');

-- a department reads its own lines only
CREATE ROLE q_court NOLOGIN;
SELECT credit_gz.grant_department('q_court', 'court');
SET LOCAL ROLE q_court;
SELECT is((SELECT count(*)::int FROM credit_gz.sent_code), 3, 'a department sees the codes it sent, no others');
SELECT is((SELECT string_agg(department_code, ',') FROM credit_gz.sent_code_quality()), 'court',
          '... and its own figures');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
