-- 终止公示 and 停止共享和使用 (国家发展改革委令第36号 第三条): separate end states with their own dates; the disclosure
-- level follows both; the joint-punishment measures tied to a record are lifted when the end-state rule says.
BEGIN;
SELECT plan(30);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
CREATE TEMP TABLE fx (name text PRIMARY KEY, id bigint);
GRANT SELECT ON fx TO PUBLIC;
WITH s AS (INSERT INTO credit_gz.subject (uscc, name)
           VALUES (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('3601', 6, '0'))), '终止公示测试公司')
           RETURNING subject_id)
INSERT INTO fx SELECT 'a', subject_id FROM s;
INSERT INTO fx SELECT 'rec1', credit_gz.load_record('environment', 'END-T-001', (SELECT id FROM fx WHERE name = 'a'),
    'administrative_penalty', credit_gz.policy_date() - 200, NULL, 'general');
INSERT INTO fx SELECT 'rec2', credit_gz.load_record('environment', 'END-T-002', (SELECT id FROM fx WHERE name = 'a'),
    'administrative_penalty', credit_gz.policy_date() - 210, NULL, 'general');
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
SELECT id, 'credit_repair', '信用修复承诺', 'environment' FROM fx WHERE name = 'a';
-- measures tied to the first record: an abnormal-operations entry (removable at any time) and a serious-list entry
-- (removable only a year after listing)
WITH e AS (INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, record_id)
           SELECT (SELECT id FROM fx WHERE name = 'a'), 'abnormal_operations', 'market_regulation', 'END-LE-1',
                  credit_gz.policy_date() - 100, (SELECT id FROM fx WHERE name = 'rec1')
           RETURNING entry_id)
INSERT INTO fx SELECT 'entry_ao', entry_id FROM e;
WITH e AS (INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, record_id)
           SELECT (SELECT id FROM fx WHERE name = 'a'), 'samr_serious_illegal', 'market_regulation', 'END-LE-2',
                  credit_gz.policy_date() - 10, (SELECT id FROM fx WHERE name = 'rec1')
           RETURNING entry_id)
INSERT INTO fx SELECT 'entry_ss', entry_id FROM e;

-- The level on each side of each date.
SELECT is(credit_gz.record_level('public', 'repaired', '2026-05-01', '2027-05-01', '2026-06-30', '2026-07-01', '2026-08-01'),
          'archived', 'the day before 终止公示: no longer in publicity once repaired, not yet an end state');
SELECT is(credit_gz.record_level('public', 'in_publicity', '2026-05-01', '2027-05-01', '2026-06-30', '2026-07-01', '2026-08-01'),
          'public', 'the day before 终止公示 of a record in publicity: public');
SELECT is(credit_gz.record_level('public', 'repaired', '2026-05-01', '2027-05-01', '2026-07-01', '2026-07-01', '2026-08-01'),
          'shared', 'the day of 终止公示: not public, still shared');
SELECT is(credit_gz.record_level('public', 'repaired', '2026-05-01', '2027-05-01', '2026-07-31', '2026-07-01', '2026-08-01'),
          'shared', 'the last day before 停止共享和使用: shared');
SELECT is(credit_gz.record_level('public', 'repaired', '2026-05-01', '2027-05-01', '2026-08-01', '2026-07-01', '2026-08-01'),
          'withdrawn', 'the day of 停止共享和使用: withdrawn');
SELECT is(credit_gz.record_level('public', 'expired', '2021-05-01', '2026-05-01', '2026-05-01', '2026-05-01', NULL),
          'archived', 'publicity ended, sharing not stopped (Guangzhou archive): archived');
SELECT is(credit_gz.record_level('public', 'in_publicity', '2026-05-01', '2027-05-01', '2026-06-30'),
          'public', 'the five-argument form: a record without end states');
SELECT results_eq($$SELECT audience FROM credit_gz.disclosure_rule WHERE level = 'shared' ORDER BY audience$$,
                  $$VALUES ('credit_agency'), ('government'), ('self')$$,
                  'shared: departments, third-party credit service agencies and the subject itself, never the public');

-- Which rule: the day before and the day Order 36 takes effect.
SELECT is((credit_gz.end_state_rule_for('repaired', '2026-03-31')).end_state_rule_id, NULL,
          'a repair the day before Order 36: no end-state rule (archived, nothing lifted)');
SELECT is((credit_gz.end_state_rule_for('repaired', '2026-04-01')).end_state_rule_id, 1,
          'a repair from 2026-04-01: Order 36 article 3');
SELECT is((credit_gz.end_state_rule_for('expired', '2026-04-01')).stops_sharing, false,
          'the end of the publicity period keeps the record in the archive (Guangzhou)');

-- A repair under Order 36: both end states on the day, measures lifted where their lists allow.
SELECT credit_gz.repair_accept((credit_gz.repair_submit((SELECT id FROM fx WHERE name = 'rec1'), credit_gz.policy_date() - 5)).application_id);
SELECT credit_gz.repair_approve((SELECT application_id FROM credit_gz.repair_application
                                  WHERE record_id = (SELECT id FROM fx WHERE name = 'rec1')), '已纠正');
SELECT results_eq($$SELECT status, publicity_ended_on, sharing_ended_on FROM credit_gz.record
                    WHERE record_id = (SELECT id FROM fx WHERE name = 'rec1')$$,
                  $$VALUES ('repaired'::text, credit_gz.policy_date(), credit_gz.policy_date())$$,
                  'repaired: 终止公示 and 停止共享和使用 today');
SELECT is((SELECT credit_gz.record_level(disclosure, status, publish_from, publish_until, credit_gz.policy_date(),
                                         publicity_ended_on, sharing_ended_on)
             FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec1')),
          'withdrawn', 'the repaired record is withdrawn from sharing');
SELECT results_eq($$SELECT status, status_changed_on, status_reason FROM credit_gz.list_entry
                    WHERE entry_id = (SELECT id FROM fx WHERE name = 'entry_ao')$$,
                  $$SELECT 'lifted'::text, credit_gz.policy_date(),
                           '停止共享和使用: END-T-001'$$,
                  'the abnormal-operations entry tied to the record is lifted the same day');
SELECT is((SELECT status FROM credit_gz.list_entry WHERE entry_id = (SELECT id FROM fx WHERE name = 'entry_ss')), 'active',
          'the serious-list entry stays: its list allows removal only a year after listing');

-- Departments and audiences: withdrawn records are read by their own department only.
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_end_other', '终止测试他局', 'End-state test other bureau', 'municipal');
CREATE ROLE t_end_env NOLOGIN;
CREATE ROLE t_end_other NOLOGIN;
SELECT credit_gz.grant_department('t_end_env', 'environment');
SELECT credit_gz.grant_department('t_end_other', 't_end_other');
SET ROLE t_end_other;
SELECT credit_gz.log_read((SELECT id FROM fx WHERE name = 'a'), 'other', '终止公示测试', 'government');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no IN ('END-T-001', 'END-T-002')), 1,
          'another department no longer reads the withdrawn record, still the other');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record WHERE document_no = 'END-T-001'), 0,
          'another department sees the withdrawn record through no view');
RESET ROLE;
SET ROLE t_end_env;
SELECT credit_gz.log_read((SELECT id FROM fx WHERE name = 'a'), 'other', '终止公示测试', 'government');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record WHERE document_no = 'END-T-001' AND audience = 'government'), 1,
          'the determining department keeps its own withdrawn record');
RESET ROLE;

-- A local rule with a lag: publicity ends today, sharing stops 30 days later, measures lifted then (job step).
INSERT INTO credit_gz.end_state_rule (end_state_rule_id, event, effective_from, stops_sharing, sharing_after_days,
                                      lifts_measures_at, source)
VALUES (1001, 'repaired', '2026-04-01', true, 30, 'sharing_end', '本地设定 (test)');
WITH e AS (INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, record_id)
           SELECT (SELECT id FROM fx WHERE name = 'a'), 'abnormal_operations', 'market_regulation', 'END-LE-3',
                  credit_gz.policy_date() - 50, (SELECT id FROM fx WHERE name = 'rec2')
           RETURNING entry_id)
INSERT INTO fx SELECT 'entry_ao2', entry_id FROM e;
SELECT credit_gz.repair_accept((credit_gz.repair_submit((SELECT id FROM fx WHERE name = 'rec2'), credit_gz.policy_date() - 5)).application_id);
SELECT credit_gz.repair_approve((SELECT application_id FROM credit_gz.repair_application
                                  WHERE record_id = (SELECT id FROM fx WHERE name = 'rec2')), '已纠正');
SELECT results_eq($$SELECT publicity_ended_on, sharing_ended_on FROM credit_gz.record
                    WHERE record_id = (SELECT id FROM fx WHERE name = 'rec2')$$,
                  $$VALUES (credit_gz.policy_date(), credit_gz.policy_date() + 30)$$,
                  'a local rule: 停止共享和使用 30 days after 终止公示');
SELECT is((SELECT credit_gz.record_level(disclosure, status, publish_from, publish_until, credit_gz.policy_date(),
                                         publicity_ended_on, sharing_ended_on)
             FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec2')),
          'shared', 'between the two dates the record is shared, not public');
SET ROLE t_end_other;
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no = 'END-T-002'), 1,
          'another department still reads it until sharing stops');
RESET ROLE;
SELECT is((SELECT status FROM credit_gz.list_entry WHERE entry_id = (SELECT id FROM fx WHERE name = 'entry_ao2')), 'active',
          'the measure stays until sharing stops');
SELECT is(credit_gz.lift_ended_measures(credit_gz.policy_date() + 29),
          jsonb_build_object('as_of', credit_gz.policy_date() + 29, 'measures_lifted', 0, 'left_busy', 0),
          'the job step the day before sharing stops: nothing lifted');
SELECT is((credit_gz.run_expiry((credit_gz.policy_date() + 30 + time '12:00')
                                AT TIME ZONE current_setting('credit_gz.policy_time_zone')) ->> 'measures_lifted')::int, 1,
          'the expiry job on the day sharing stops lifts the measure');
SELECT results_eq($$SELECT status, status_changed_on FROM credit_gz.list_entry WHERE entry_id = (SELECT id FROM fx WHERE name = 'entry_ao2')$$,
                  $$VALUES ('lifted'::text, credit_gz.policy_date() + 30)$$, 'lifted as of the day sharing stopped');
SELECT throws_ok($$INSERT INTO credit_gz.end_state_rule (end_state_rule_id, event, effective_from, stops_sharing,
                   sharing_after_days, lifts_measures_at, source)
                   VALUES (1002, 'expired', '2026-04-01', false, NULL, 'sharing_end', 'x')$$,
                 '23514', NULL, 'measures cannot be lifted at a sharing end that never comes');

-- end_state_days, the one computation the trigger and the update from 1.0 share: the day before and the day the
-- repair rules take effect, an expired record ending on its publish_until, any other status.
SELECT is((SELECT ROW(d.publicity_ended_on, d.sharing_ended_on)::text FROM credit_gz.end_state_days('repaired', NULL, '2026-03-31') d),
          '(2026-03-31,)', 'a repair the day before Order 36: publicity ends, no rule stops sharing');
SELECT is((SELECT ROW(d.publicity_ended_on, d.sharing_ended_on)::text FROM credit_gz.end_state_days('expired', '2025-05-10', '2025-06-01') d),
          '(2025-05-10,)', 'an expired record ends on its publish_until, not the day the job ran');
SELECT is((SELECT d.publicity_ended_on FROM credit_gz.end_state_days('in_publicity', '2025-05-10', '2025-06-01') d), NULL::date,
          'a record in publicity has no end-state day');
SELECT is((SELECT d.sharing_ended_on FROM credit_gz.end_state_days('repaired', NULL, '2026-04-01') d),
          '2026-05-01'::date, 'a repair on the day the rules take effect: the local rule in force (30 days) before the shipped one');

SELECT * FROM finish();
ROLLBACK;
