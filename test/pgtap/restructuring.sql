-- 破产重整信息屏蔽 (国办发〔2025〕22号): an enterprise's negative records shielded from publicity while a court-approved
-- restructuring runs, on the court decision; visible to government with the decision; restored or ended afterwards.
BEGIN;
SELECT plan(22);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
CREATE TEMP TABLE fx (name text PRIMARY KEY, id bigint);
GRANT SELECT ON fx TO PUBLIC;
WITH s AS (INSERT INTO credit_gz.subject (uscc, name)
           VALUES (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('2201', 6, '0'))), '重整测试甲公司'),
                  (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('2202', 6, '0'))), '重整测试乙公司')
           RETURNING subject_id, name)
INSERT INTO fx SELECT CASE name WHEN '重整测试甲公司' THEN 'a' ELSE 'b' END, subject_id FROM s;
INSERT INTO credit_gz.subject (resident_id, name, kind)
VALUES (credit_gz.resident_id_make('44010619800101992'), '重整测试个人', 'natural_person');
INSERT INTO fx SELECT 'p', subject_id FROM credit_gz.subject WHERE name = '重整测试个人';
INSERT INTO fx SELECT 'rec_a', credit_gz.load_record('environment', 'RST-T-001', (SELECT id FROM fx WHERE name = 'a'),
    'administrative_penalty', credit_gz.policy_date() - 200, NULL, 'general');
INSERT INTO fx SELECT 'rec_b', credit_gz.load_record('environment', 'RST-T-002', (SELECT id FROM fx WHERE name = 'b'),
    'administrative_penalty', credit_gz.policy_date() - 200, NULL, 'general');

CREATE ROLE t_rst_court NOLOGIN;
CREATE ROLE t_rst_env NOLOGIN;
CREATE ROLE t_rst_public NOLOGIN;
CREATE ROLE t_rst_agency NOLOGIN;
SELECT credit_gz.grant_department('t_rst_court', 'court');
SELECT credit_gz.grant_department('t_rst_env', 'environment');
SELECT credit_gz.grant_public_reader('t_rst_public');
SELECT credit_gz.grant_credit_agency('t_rst_agency', '粤征信备案-R01');

-- The court records the shield, starting tomorrow: today (the day before) the record is still public.
SET ROLE t_rst_court;
INSERT INTO credit_gz.restructuring_shield (subject_id, department_code, court_decision_no, approved_on, shield_from, shield_until)
SELECT id, 'court', '(2026)粤01破12号', credit_gz.policy_date(), credit_gz.policy_date() + 1, credit_gz.policy_date() + 180
  FROM fx WHERE name = 'a';
RESET ROLE;
SET ROLE t_rst_public;
SELECT is((SELECT count(*)::int FROM credit_gz.public_record WHERE document_no = 'RST-T-001'), 1,
          'the day before the shield: published');
RESET ROLE;
-- From its first day: not public, not shared with credit agencies; government sees it with the court decision.
UPDATE credit_gz.restructuring_shield SET shield_from = credit_gz.policy_date(), approved_on = credit_gz.policy_date()
 WHERE court_decision_no = '(2026)粤01破12号';
SET ROLE t_rst_public;
SELECT is((SELECT count(*)::int FROM credit_gz.public_record WHERE document_no = 'RST-T-001'), 0,
          'the first day of the shield: no longer published');
SELECT is((SELECT count(*)::int FROM credit_gz.public_record WHERE document_no = 'RST-T-002'), 1,
          'another enterprise''s record stays published');
RESET ROLE;
SET ROLE t_rst_agency;
SELECT credit_gz.log_read((SELECT id FROM fx WHERE name = 'a'), 'other', '重整测试', 'credit_agency');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record WHERE document_no = 'RST-T-001'), 0,
          'a credit agency does not see the shielded record');
RESET ROLE;
SET ROLE t_rst_env;
SELECT credit_gz.log_read((SELECT id FROM fx WHERE name = 'a'), 'other', '重整测试', 'government');
SELECT results_eq($$SELECT level, shielded_by FROM credit_gz.disclosed_record
                    WHERE document_no = 'RST-T-001' AND audience = 'government'$$,
                  $$VALUES ('government'::text, '(2026)粤01破12号'::text)$$,
                  'government sees the shielded record, marked with the court decision');
SELECT is((SELECT credit_gz.credit_report((SELECT id FROM fx WHERE name = 'a'), 'government') -> 'records' -> 0 ->> 'shielded_by'),
          '(2026)粤01破12号', 'the government report shows the shielding');
SELECT is((SELECT count(*)::int FROM credit_gz.restructuring_shield), 0, 'another department does not read the court''s shields');
SELECT throws_ok($$INSERT INTO credit_gz.restructuring_shield (subject_id, department_code, court_decision_no, approved_on, shield_from)
                   SELECT id, 'court', 'X-1', credit_gz.policy_date(), credit_gz.policy_date() FROM fx WHERE name = 'b'$$,
                 '42501', NULL, 'another department cannot record a shield in the court''s name (row-level security)');
RESET ROLE;
-- The last day of the period and the day after.
UPDATE credit_gz.restructuring_shield SET shield_until = credit_gz.policy_date() + 1
 WHERE court_decision_no = '(2026)粤01破12号';
SELECT is((SELECT count(*)::int FROM credit_gz.public_record WHERE document_no = 'RST-T-001'), 0,
          'the last day of the period: still shielded');
UPDATE credit_gz.restructuring_shield SET shield_from = credit_gz.policy_date() - 30, approved_on = credit_gz.policy_date() - 30,
       shield_until = credit_gz.policy_date()
 WHERE court_decision_no = '(2026)粤01破12号';
SELECT is((SELECT count(*)::int FROM credit_gz.public_record WHERE document_no = 'RST-T-001'), 1,
          'the day after the period: published again');

-- Bad input.
SELECT throws_ok($$INSERT INTO credit_gz.restructuring_shield (subject_id, department_code, court_decision_no, approved_on, shield_from)
                   SELECT id, 'court', 'X-2', credit_gz.policy_date(), credit_gz.policy_date() FROM fx WHERE name = 'p'$$,
                 '23514', NULL, 'a natural person is not under restructuring');
SELECT throws_ok($$INSERT INTO credit_gz.restructuring_shield (subject_id, department_code, court_decision_no, approved_on, shield_from)
                   SELECT id, 'environment', 'X-3', credit_gz.policy_date(), credit_gz.policy_date() FROM fx WHERE name = 'b'$$,
                 '23514', NULL, 'only a court''s decision is a basis');
SELECT throws_ok($$INSERT INTO credit_gz.restructuring_shield (subject_id, department_code, court_decision_no, approved_on, shield_from)
                   SELECT id, 'court', 'X-4', credit_gz.policy_date() + 1, credit_gz.policy_date() + 1 FROM fx WHERE name = 'b'$$,
                 '22023', NULL, 'a court decision is not in the future');
SELECT throws_ok($$INSERT INTO credit_gz.restructuring_shield (subject_id, department_code, court_decision_no, approved_on, shield_from, shield_until)
                   SELECT id, 'court', 'X-5', credit_gz.policy_date(), credit_gz.policy_date(), credit_gz.policy_date() FROM fx WHERE name = 'b'$$,
                 '23514', NULL, 'the period ends after it starts');

-- The job step: restored (terminated restructuring) and ended (plan completed), as of the day the period ends.
INSERT INTO credit_gz.restructuring_shield (subject_id, department_code, court_decision_no, approved_on, shield_from,
                                            shield_until, plan_outcome)
SELECT id, 'court', '(2026)粤01破20号', credit_gz.policy_date() - 60, credit_gz.policy_date() - 60, credit_gz.policy_date() - 5,
       'completed' FROM fx WHERE name = 'b';
SELECT is(credit_gz.run_restructuring_shields(credit_gz.policy_date() - 6) ->> 'shields_ended', '0',
          'the day before the period ends: nothing closed');
SELECT is(credit_gz.run_restructuring_shields(credit_gz.policy_date() - 5),
          jsonb_build_object('as_of', credit_gz.policy_date() - 5, 'shields_restored', 0, 'shields_ended', 1, 'records_ended', 1,
                             'left_busy', 0),
          'the day the period ends: the completed plan ends the shielded information');
SELECT results_eq($$SELECT status, publicity_ended_on FROM credit_gz.record WHERE document_no = 'RST-T-002'$$,
                  $$VALUES ('expired'::text, credit_gz.policy_date() - 5)$$,
                  'the shielded record is expired, its publicity ended on the shield''s last day');
SELECT results_eq($$SELECT outcome, closed_on FROM credit_gz.restructuring_shield WHERE court_decision_no = '(2026)粤01破20号'$$,
                  $$VALUES ('ended'::text, credit_gz.policy_date() - 5)$$, 'the shield is closed as ended');
SELECT is((SELECT jsonb_build_object('restored', r -> 'shields_restored', 'ended', r -> 'shields_ended')
             FROM credit_gz.run_expiry() r),
          jsonb_build_object('restored', 1, 'ended', 0),
          'the expiry job restores the first shield, its period over without a completed plan');
SELECT is((SELECT status FROM credit_gz.record WHERE document_no = 'RST-T-001'), 'in_publicity',
          'a restored record stays in publicity');
SELECT throws_ok($$UPDATE credit_gz.restructuring_shield SET shield_until = shield_until + 30
                   WHERE court_decision_no = '(2026)粤01破20号'$$,
                 '23514', NULL, 'a closed shield keeps its period');
SELECT throws_ok($$SET ROLE t_rst_env; SELECT credit_gz.run_restructuring_shields(credit_gz.policy_date())$$,
                 '42501', NULL, 'the job step is not for departments');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
