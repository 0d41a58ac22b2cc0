-- Working-day calendar and deadline rules (src/working_days.sql, src/deadline_rule.sql, src/core/workdays.c).
BEGIN;
SELECT plan(35);

-- Shipped official arrangements.
SELECT is((SELECT count(*)::int FROM credit_gz.calendar WHERE shipped AND day BETWEEN '2025-01-01' AND '2025-12-31'), 33,
          '2025 arrangement shipped: 28 holiday days and 5 working weekends');
SELECT is((SELECT count(*)::int FROM credit_gz.calendar WHERE shipped AND kind = 'workday' AND day >= '2026-01-01'), 6,
          '2026 arrangement has 6 adjusted working weekend days');
SELECT is(credit_gz.working_days_between('2025-01-01', '2025-12-31'), 248, '2025 has 248 working days');
SELECT is(credit_gz.working_days_between('2026-01-01', '2026-12-31'), 248, '2026 has 248 working days');

-- add_working_days / working_days_between / is_working_day.
SELECT is(credit_gz.add_working_days('2025-01-24', 3), '2025-02-05'::date, 'Fri 2025-01-24 + 3 crosses 春节 (01-26 works)');
SELECT is(credit_gz.add_working_days('2025-02-05', -3), '2025-01-24'::date, 'and back');
SELECT is(credit_gz.add_working_days('2026-02-13', 1), '2026-02-14'::date, 'Fri 2026-02-13 + 1 = 调休 Saturday');
SELECT is(credit_gz.add_working_days('2026-02-13', 2), '2026-02-24'::date, 'Fri 2026-02-13 + 2 = Tue 02-24 after 春节');
SELECT is(credit_gz.add_working_days('2026-09-30', 1), '2026-10-08'::date, '2026-09-30 + 1 = 10-08 after 国庆');
SELECT is(credit_gz.add_working_days('2026-11-27', 0), '2026-11-27'::date, '+ 0 is the day itself');
SELECT is(credit_gz.add_working_days('2026-11-28', 1), '2026-11-30'::date, 'Saturday + 1 = Monday');
SELECT is(credit_gz.working_days_between('2026-11-27', '2026-11-30'), 1, 'Friday to Monday: 1');
SELECT is(credit_gz.working_days_between('2026-11-30', '2026-11-27'), -1, 'Monday to Friday: -1');
SELECT ok(credit_gz.is_working_day('2026-02-14') AND NOT credit_gz.is_working_day('2026-10-01')
          AND NOT credit_gz.is_working_day('2026-11-28') AND credit_gz.is_working_day('2026-11-27'),
          'is_working_day: 调休 Saturday yes, 国庆 no, plain Saturday no, Friday yes');
SELECT throws_ok($$SELECT credit_gz.add_working_days('infinity', 1)$$, '22008', NULL, 'infinite date rejected');
SELECT throws_ok($$SELECT credit_gz.add_working_days('2026-01-01', 2147483647)$$, '22008', NULL, 'overflow rejected');

-- A DBA loads another year: the cache follows inside the transaction, and the row is local.
SELECT is(credit_gz.add_working_days('2027-01-01', 1), '2027-01-04'::date, '2027 not loaded: Friday + 1 = Monday');
INSERT INTO credit_gz.calendar (day, kind, name_zh, source, shipped) VALUES ('2027-01-04', 'holiday', '测试', 'test', true);
SELECT is(credit_gz.add_working_days('2027-01-01', 1), '2027-01-05'::date, 'loaded holiday is used at once');
SELECT is((SELECT shipped FROM credit_gz.calendar WHERE day = '2027-01-04'), false, 'inserted rows are local');
DELETE FROM credit_gz.calendar WHERE day = '2027-01-04';
SELECT is(credit_gz.add_working_days('2027-01-01', 1), '2027-01-04'::date, 'deleted holiday no longer used');
SELECT throws_ok($$UPDATE credit_gz.calendar SET name_zh = 'x' WHERE day = '2025-01-01'$$, '23514', NULL,
                 'shipped rows cannot be changed');
SELECT throws_ok($$DELETE FROM credit_gz.calendar WHERE day = '2026-10-01'$$, '23514', NULL,
                 'shipped rows cannot be deleted');
SELECT throws_ok($$TRUNCATE credit_gz.calendar$$, '23514', NULL, 'the calendar cannot be truncated');

-- Deadline rules.
SELECT is(credit_gz.deadline_working_days('repair', 'acceptance', 'standard', '2026-11-27'), 3, 'Order 36: acceptance 3');
SELECT is(credit_gz.deadline_working_days('repair', 'decision', 'standard', '2026-04-01'), 10,
          'Order 36: feedback 10, on the day it took effect');
SELECT throws_ok($$SELECT credit_gz.deadline_working_days('repair', 'acceptance', 'standard', '2026-03-31')$$,
                 'CG601', NULL, 'the day before Order 36: no repair deadline rule shipped');
SELECT is(credit_gz.deadline_working_days('repair', 'acceptance', 'green', '2026-11-27'), 1, 'green channel acceptance 1');
SELECT is(credit_gz.deadline_working_days('objection', 'acceptance', 'green', '2026-11-27'), 2,
          'green channel falls back to the standard rule for objections');
SELECT is(credit_gz.deadline_working_days('objection', 'provider_check', 'standard', '2024-04-01'), 10,
          'Guangzhou: provider check 10');
SELECT is(credit_gz.deadline('repair', 'acceptance', 'standard', '2026-09-30'), '2026-10-10'::date,
          'acceptance deadline of an application on 09-30 is the 调休 Saturday 10-10');
SELECT throws_ok($$UPDATE credit_gz.deadline_rule SET effective_until = '2027-01-01' WHERE deadline_rule_id = 1$$, '23514', NULL,
                 'shipped deadline rules cannot be changed');
SELECT throws_ok($$INSERT INTO credit_gz.deadline_rule (deadline_rule_id, procedure, step, working_days, effective_from, source)
                   VALUES (999, 'repair', 'acceptance', 5, '2027-01-01', 'test')$$, '23514', NULL,
                 'rule ids below 1000 are reserved for shipped rules');
INSERT INTO credit_gz.deadline_rule (deadline_rule_id, procedure, step, working_days, effective_from, source)
    VALUES (1000, 'repair', 'acceptance', 5, '2027-01-01', 'test');
SELECT is(credit_gz.deadline_working_days('repair', 'acceptance', 'standard', '2026-12-31'), 3,
          'the day before a local rule: the shipped rule');
SELECT is(credit_gz.deadline_working_days('repair', 'acceptance', 'standard', '2027-01-01'), 5,
          'a local rule takes precedence from its first day');
SELECT throws_ok($$INSERT INTO credit_gz.deadline_rule (deadline_rule_id, procedure, step, working_days, effective_from, source)
                   VALUES (1001, 'repair', 'acceptance', 4, '2027-06-01', 'test')$$, '23P01', NULL,
                 'overlapping local rules rejected');

SELECT * FROM finish();
ROLLBACK;
