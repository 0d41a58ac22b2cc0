-- SAMR Order 107 (《市场监督管理信用修复管理办法》, in force 2025-12-25): records decided by market regulation (or a
-- department of its system) follow its publicity rules, others Order 58 / Order 36; warnings are not published (the
-- record's 处罚类别 decides); spot-check results are repairable; repairs are decided within 7 working days.
BEGIN;
SELECT plan(39);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
CREATE TEMP TABLE fx (name text PRIMARY KEY, id bigint);
WITH s AS (INSERT INTO credit_gz.subject (uscc, name)
           VALUES (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('1071', 6, '0'))), '一零七测试公司')
           RETURNING subject_id)
INSERT INTO fx SELECT 'a', subject_id FROM s;
CREATE FUNCTION pg_temp.pen(dep text, doc text, d date, sev text, cat text DEFAULT NULL, det jsonb DEFAULT NULL,
                            item text DEFAULT 'administrative_penalty')
RETURNS credit_gz.record LANGUAGE sql AS $$
  INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity,
                                penalty_category, details)
  VALUES ((SELECT id FROM fx WHERE name = 'a'), item, dep, doc, d, sev, cat, det) RETURNING * $$;
CREATE FUNCTION pg_temp.win(r credit_gz.record) RETURNS text LANGUAGE sql AS $$
  SELECT ROW(r.publicity_rule_id, r.repairable_from, r.publish_until, r.status)::text $$;

-- Periods of market regulation, the day before and the day the order takes effect.
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-1', '2025-12-24', 'general', 'fine')),
          '(201,2026-03-24,2028-12-24,in_publicity)', 'market regulation, 2025-12-24: Order 58 (3 months – 3 years)');
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-2', '2025-12-25', 'general', 'fine')),
          '(502,2026-03-25,2026-12-25,in_publicity)', 'market regulation, 2025-12-25: Order 107 general, repair from month 3, 1 year');
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-3', '2025-12-25', 'serious', 'fine')),
          '(503,2026-12-25,2028-12-25,in_publicity)', 'Order 107 serious: repair from year 1, 3 years');
SELECT throws_ok($$SELECT pg_temp.pen('market_regulation', 'S107-4', '2025-12-24', 'minor', 'fine')$$, '23503', NULL,
                 'the day before Order 107: no minor class (Order 58)');
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-5', '2025-12-25', 'minor', 'fine')),
          '(501,2025-12-25,2026-03-25,expired)', 'Order 107 minor: stops after 3 months (here already over)');
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-5b', credit_gz.policy_date() - 1, 'minor', 'fine')),
          ROW(501, credit_gz.policy_date() - 1, (credit_gz.policy_date() - 1 + interval '3 months')::date, 'in_publicity')::text,
          'Order 107 minor decided yesterday: published for 3 months');
-- Other departments follow the national orders.
SELECT is(pg_temp.win(pg_temp.pen('environment', 'S107-6', '2025-12-25', 'general', 'fine')),
          '(201,2026-03-25,2028-12-25,in_publicity)', 'another department on 2025-12-25: still Order 58');
SELECT is(pg_temp.win(pg_temp.pen('environment', 'S107-7', '2026-04-01', 'general', 'warning')),
          '(302,2026-07-01,2027-04-01,in_publicity)', 'another department''s warning on 2026-04-01: Order 36, published');

-- Warnings (处罚类别 警告) decided by market regulation are not published.
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-8', '2025-12-24', 'general', 'warning')),
          '(201,2026-03-24,2028-12-24,in_publicity)', 'a warning of 2025-12-24 is published (Order 58)');
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-9', '2025-12-25', 'general', 'warning')),
          '(505,,2025-12-25,expired)', 'a warning of 2025-12-25: not published, no repair needed');
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-10', credit_gz.policy_date(), 'minor', NULL,
                                  '{"penalty_type": "警告、罚款"}')),
          ROW(504, NULL::date, credit_gz.policy_date(), 'expired')::text,
          'the category read from the national format''s 处罚类别 when the column is empty');
SELECT is((SELECT publish_until = publish_from FROM credit_gz.record WHERE document_no = 'S107-9'), true,
          'an unpublished warning has an empty publicity window');
UPDATE credit_gz.record SET penalty_category = 'fine' WHERE document_no = 'S107-9';
SELECT is((SELECT ROW(publicity_rule_id, publish_until)::text FROM credit_gz.record WHERE document_no = 'S107-9'),
          '(502,2026-12-25)', 'correcting the category to a fine recomputes the window under Order 107');
UPDATE credit_gz.record SET penalty_category = 'warning' WHERE document_no = 'S107-2';
SELECT is((SELECT publicity_rule_id FROM credit_gz.record WHERE document_no = 'S107-2'), 505,
          'correcting the category to a warning takes the unpublished rule');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record d
            WHERE d.audience = 'public' AND d.subject_id = (SELECT id FROM fx WHERE name = 'a')
              AND d.document_no IN ('S107-2', 'S107-10')), 0, 'unpublished warnings are not disclosed to the public');

SELECT is((SELECT count(*)::int FROM credit_gz.repair_notice n JOIN credit_gz.record r USING (subject_id, record_id)
            WHERE r.document_no = 'S107-10'), 0, 'no repair notice for an unpublished warning');
SELECT is((SELECT count(*)::int FROM credit_gz.repair_notice n JOIN credit_gz.record r USING (subject_id, record_id)
            WHERE r.document_no = 'S107-3'), 1, 'a published penalty of market regulation has its repair notice');

-- A department of market regulation's system (a district bureau) follows the system's rules.
INSERT INTO credit_gz.department (code, name_zh, name_en, kind, system_code)
VALUES ('t_district_amr', '测试区市场监管局', 'Test District Administration for Market Regulation', 'municipal', 'market_regulation');
SELECT is(pg_temp.win(pg_temp.pen('t_district_amr', 'S107-11', '2025-12-25', 'general', 'fine')),
          '(502,2026-03-25,2026-12-25,in_publicity)', 'a district market-regulation bureau follows Order 107 through its system');
SELECT throws_ok($$INSERT INTO credit_gz.department (code, name_zh, name_en, kind, system_code)
                   VALUES ('t_orphan', '测试孤立部门', 'Test orphan', 'municipal', 'no_such_department')$$,
                 '23503', NULL, 'a system must be a department');
SELECT throws_ok($$DELETE FROM credit_gz.department WHERE code = 'market_regulation'$$, '23503', NULL,
                 'a department that is another''s system cannot go');
-- A rule of the department itself beats its system's.
INSERT INTO credit_gz.publicity_rule (publicity_rule_id, generation, source, effective_from, severity, min_months,
                                      max_months, repairable, department_code)
VALUES (9107, 't_local', 'test', '2025-12-25', 'general', 1, 6, true, 't_district_amr');
SELECT is((pg_temp.pen('t_district_amr', 'S107-12', '2025-12-25', 'general', 'fine')).publicity_rule_id, 9107,
          'a rule for the department beats the rule of its system');
SELECT is((pg_temp.pen('t_district_amr', 'S107-13', '2025-12-25', 'general', 'warning')).publicity_rule_id, 9107,
          'the department comes before the penalty category');
SELECT is(credit_gz.publicity_rule_id_for('2025-12-25', 'general', NULL, 't_district_amr', 'fine', 'administrative_penalty'), 9107,
          'publicity_rule_id_for asks the trigger''s precedence with the department');
SELECT is(credit_gz.publicity_rule_id_for('2025-12-25', 'general', NULL, 'market_regulation', 'warning', 'administrative_penalty'), 505,
          'publicity_rule_id_for: the category key');
SELECT is((SELECT publicity_rule_id FROM credit_gz.record WHERE document_no = 'S107-11'), 502,
          'a record keeps the rule in force when it was recorded');
SELECT is(credit_gz.publicity_rule_id_for('2025-12-25', 'general'), 201,
          'publicity_rule_id_for with no department: the national order');
SELECT is_empty($$SELECT document_no FROM credit_gz.record WHERE document_no LIKE 'S107-%' AND document_no <> 'S107-11'
                   AND publicity_rule_id IS DISTINCT FROM credit_gz.publicity_rule_id_for(decision_date, severity, domain_code,
                       department_code, credit_gz.record_penalty_category(penalty_category, details), item_code)$$,
                'publicity_rule_id_for names the rule the trigger chose for every record (S107-11 keeps the rule before 9107)');

-- Spot-check results (抽查检查结果) of market regulation are repairable from 2025-12-25.
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-14', '2025-12-24', NULL, NULL, NULL, 'spot_check_result')),
          '(401,,2030-12-24,in_publicity)', 'a spot-check result of 2025-12-24: Guangzhou 5 years, not repairable');
SELECT is(pg_temp.win(pg_temp.pen('market_regulation', 'S107-15', '2025-12-25', NULL, NULL, NULL, 'spot_check_result')),
          '(507,2025-12-25,2030-12-25,in_publicity)', 'a spot-check result of 2025-12-25: repairable (Order 107)');
SELECT is(pg_temp.win(pg_temp.pen('environment', 'S107-16', '2025-12-25', NULL, NULL, NULL, 'spot_check_result')),
          '(401,,2030-12-25,in_publicity)', 'another department''s spot-check result: the Guangzhou rule');

-- Repair eligibility on the last day of the minimum period and the day after.
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
SELECT id, 'credit_repair', '信用修复承诺', 'market_regulation' FROM fx WHERE name = 'a';
SELECT is((SELECT eligible FROM credit_gz.record_repair_eligibility(
             (SELECT record_id FROM credit_gz.record WHERE document_no = 'S107-3'), '2026-12-24', '2026-01-10')), false,
          'serious (Order 107): not repairable on the last day of its first year');
SELECT is((SELECT eligible FROM credit_gz.record_repair_eligibility(
             (SELECT record_id FROM credit_gz.record WHERE document_no = 'S107-3'), '2026-12-25', '2026-01-10')), true,
          'serious (Order 107): repairable from the first day of year 2');
SELECT is((SELECT eligible FROM credit_gz.record_repair_eligibility(
             (SELECT record_id FROM credit_gz.record WHERE document_no = 'S107-15'), '2026-01-05', '2026-01-05')), true,
          'a spot-check result (Order 107) is repairable once corrected');

-- Processing within 7 working days (deadline rule of the department).
SELECT throws_ok($$SELECT credit_gz.deadline_working_days('repair', 'decision', 'standard', '2025-12-24', 'market_regulation')$$,
                 'CG601', NULL, 'the day before Order 107: no decision deadline for market regulation');
SELECT is(credit_gz.deadline_working_days('repair', 'decision', 'standard', '2025-12-25', 'market_regulation'), 7,
          'Order 107 on its first day: market regulation decides within 7 working days');
SELECT is(credit_gz.deadline_working_days('repair', 'decision', 'standard', '2026-04-01', 'market_regulation'), 7,
          'under Order 36 market regulation keeps its 7 working days');
SELECT is(credit_gz.deadline_working_days('repair', 'decision', 'standard', '2026-04-01', 't_district_amr'), 7,
          'a department of the system: 7 working days');
SELECT is(credit_gz.deadline_working_days('repair', 'decision', 'standard', '2026-04-01', 'environment'), 10,
          'another department: Order 36''s 10 working days');
SELECT is(credit_gz.deadline('repair', 'decision', 'standard', '2026-12-04', 'market_regulation'),
          credit_gz.add_working_days('2026-12-04', 7), 'deadline() of a department');

SELECT * FROM finish();
ROLLBACK;
