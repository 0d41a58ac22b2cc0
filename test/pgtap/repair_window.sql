-- One repair window (国办发〔2025〕22号): applications received through 信用中国, deadlines from receipt, one extension
-- with its reason, late decisions, progress and results back through the outbox (信用中国, 征信机构).
BEGIN;
SELECT plan(30);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
CREATE TEMP TABLE fx (name text PRIMARY KEY, id bigint);
WITH s AS (INSERT INTO credit_gz.subject (uscc, name)
           VALUES (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('951', 6, '0'))), '统一窗口测试公司')
           RETURNING subject_id)
INSERT INTO fx SELECT 'a', subject_id FROM s;
INSERT INTO fx SELECT 'rec1', credit_gz.load_record('market_regulation', 'RPW-T-001', (SELECT id FROM fx WHERE name = 'a'),
    'administrative_penalty', credit_gz.policy_date() - 200, NULL, 'general');
INSERT INTO fx SELECT 'rec2', credit_gz.load_record('market_regulation', 'RPW-T-002', (SELECT id FROM fx WHERE name = 'a'),
    'administrative_penalty', credit_gz.policy_date() - 210, NULL, 'general');
INSERT INTO fx SELECT 'rec3', credit_gz.load_record('market_regulation', 'RPW-T-003', (SELECT id FROM fx WHERE name = 'a'),
    'administrative_penalty', credit_gz.policy_date() - 220, NULL, 'general');
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
SELECT id, 'credit_repair', '信用修复承诺', 'market_regulation' FROM fx WHERE name = 'a';

-- Deadline rules of the one window, at their boundary.
SELECT throws_ok($$SELECT credit_gz.deadline_working_days('repair', 'department_decision', 'standard', '2025-06-21')$$,
                 'CG601', NULL, 'the day before 22号: no department deadline for platform applications');
SELECT is(credit_gz.deadline_working_days('repair', 'department_decision', 'standard', '2025-06-22'), 3,
          '22号 on the day it took effect: the department decides within 3 working days');
SELECT is(credit_gz.deadline_working_days('repair', 'platform_reply', 'standard', '2025-06-22'), 10,
          '22号: 信用中国 answers within 10 working days');
SELECT is(credit_gz.deadline_working_days('repair', 'extension', 'standard', '2026-12-01'), 10,
          'extension of a complex case (local setting, shipped as data)');

-- An application received through 信用中国 today: deadlines run from receipt on the working-day calendar.
INSERT INTO fx SELECT 'app1', application_id FROM credit_gz.repair_receive('creditchina', 'XYZG-2026-0001',
    credit_gz.policy_date(), 'QC-7731', (SELECT id FROM fx WHERE name = 'rec1'), NULL, credit_gz.policy_date() - 5);
SELECT is((SELECT accept_due FROM credit_gz.repair_application WHERE application_id = (SELECT id FROM fx WHERE name = 'app1')),
          credit_gz.add_working_days(credit_gz.policy_date(), 3), 'department decision due 3 working days after receipt');
SELECT is((SELECT reply_due FROM credit_gz.repair_application WHERE application_id = (SELECT id FROM fx WHERE name = 'app1')),
          credit_gz.add_working_days(credit_gz.policy_date(), 10), 'platform reply due 10 working days after receipt');
SELECT throws_ok($$SELECT credit_gz.repair_receive('creditchina', 'XYZG-2026-0001', credit_gz.policy_date(), NULL,
                   (SELECT id FROM fx WHERE name = 'rec2'), NULL, credit_gz.policy_date() - 5)$$,
                 '23505', NULL, 'one application per platform application number');
SELECT throws_ok($$SELECT credit_gz.repair_receive('creditchina', ' ', credit_gz.policy_date(), NULL,
                   (SELECT id FROM fx WHERE name = 'rec2'), NULL, credit_gz.policy_date() - 5)$$,
                 '22023', NULL, 'a blank platform number is refused');
SELECT throws_ok($$SELECT credit_gz.repair_receive('creditchina', 'XYZG-2026-0009', credit_gz.policy_date() + 1, NULL,
                   (SELECT id FROM fx WHERE name = 'rec2'), NULL, credit_gz.policy_date() - 5)$$,
                 '22023', NULL, 'an application cannot be received after the policy date');
SELECT throws_ok($$SELECT credit_gz.repair_receive('creditchina', 'XYZG-2025-0009', '2025-06-21', NULL,
                   (SELECT id FROM fx WHERE name = 'rec2'), NULL, credit_gz.policy_date() - 5)$$,
                 'CG601', NULL, 'received the day before 22号: no rule of the one window applies');
SELECT throws_ok($$UPDATE credit_gz.repair_application SET accept_due = accept_due + 30
                   WHERE application_id = (SELECT id FROM fx WHERE name = 'app1')$$,
                 '23514', NULL, 'deadlines move only by an extension');

-- Acceptance: the decision deadline stays the one from receipt; progress goes back to 信用中国 with the query code.
SELECT credit_gz.repair_accept((SELECT id FROM fx WHERE name = 'app1'));
SELECT is((SELECT decide_due FROM credit_gz.repair_application WHERE application_id = (SELECT id FROM fx WHERE name = 'app1')),
          credit_gz.add_working_days(credit_gz.policy_date(), 3), 'accepted: decision due 3 working days after receipt');
SELECT results_eq($$SELECT target, payload->>'event', payload->>'query_code', payload->>'source_application_no'
                    FROM credit_gz.sync_outbox WHERE topic = 'repair_progress'
                     AND subject_id = (SELECT id FROM fx WHERE name = 'a') ORDER BY outbox_id$$,
                  $$VALUES ('creditchina', 'accepted', 'QC-7731', 'XYZG-2026-0001')$$,
                  'acceptance goes back to 信用中国 only, with its number and query code');

-- Extension: once, with a reason, before the deadline; every running deadline moves.
SELECT throws_ok($$SELECT credit_gz.repair_extend((SELECT id FROM fx WHERE name = 'app1'), '  ')$$,
                 '23514', NULL, 'an extension needs a reason');
SELECT credit_gz.repair_extend((SELECT id FROM fx WHERE name = 'app1'), '涉及多个部门协同核实');
SELECT results_eq($$SELECT extended_on, decide_due, reply_due, extension_reason FROM credit_gz.repair_application
                    WHERE application_id = (SELECT id FROM fx WHERE name = 'app1')$$,
                  $$VALUES (credit_gz.policy_date(), credit_gz.add_working_days(credit_gz.policy_date(), 13),
                            credit_gz.add_working_days(credit_gz.policy_date(), 20), '涉及多个部门协同核实'::text)$$,
                  'extended: decision and reply deadlines move by 10 working days, reason recorded');
SELECT is((SELECT payload->>'event' FROM credit_gz.sync_outbox WHERE topic = 'repair_progress'
            AND subject_id = (SELECT id FROM fx WHERE name = 'a') ORDER BY outbox_id DESC LIMIT 1),
          'extended', 'the extension goes back to 信用中国 as progress');
SELECT throws_ok($$SELECT credit_gz.repair_extend((SELECT id FROM fx WHERE name = 'app1'), '再次延期')$$,
                 'CG613', NULL, 'a case is extended once');
SELECT throws_ok($$SELECT credit_gz.repair_extend(-1, 'x')$$, 'P0002', NULL, 'unknown application');

-- Approval in time: repaired, result to 信用中国, 国家企业信用信息公示系统 and 征信机构, not late.
SELECT credit_gz.repair_approve((SELECT id FROM fx WHERE name = 'app1'));
SELECT is((SELECT status FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec1')), 'repaired',
          'approved: the record is repaired');
SELECT results_eq($$SELECT target, payload->>'late', payload->>'query_code' FROM credit_gz.sync_outbox
                    WHERE topic = 'repair_decision' AND subject_id = (SELECT id FROM fx WHERE name = 'a') ORDER BY target COLLATE "C"$$,
                  $$VALUES ('credit_reference', 'false', 'QC-7731'), ('creditchina', 'false', 'QC-7731'),
                           ('gsxt', 'false', 'QC-7731')$$,
                  'the result goes to 信用中国, 征信机构 and 国家企业信用信息公示系统, in time');
SELECT throws_ok($$SELECT credit_gz.repair_extend((SELECT id FROM fx WHERE name = 'app1'), '已办结')$$,
                 'CG613', NULL, 'a decided application cannot be extended');

-- A late decision: received 20 working days ago, the 3-day deadline has passed.
INSERT INTO fx SELECT 'app2', application_id FROM credit_gz.repair_receive('creditchina', 'XYZG-2026-0002',
    credit_gz.add_working_days(credit_gz.policy_date(), -20), NULL, (SELECT id FROM fx WHERE name = 'rec2'), NULL,
    credit_gz.policy_date() - 5);
SELECT is((SELECT accept_due FROM credit_gz.repair_application WHERE application_id = (SELECT id FROM fx WHERE name = 'app2')),
          credit_gz.add_working_days(credit_gz.policy_date(), -17), 'deadline from the day received, not from today');
SELECT throws_ok($$SELECT credit_gz.repair_extend((SELECT id FROM fx WHERE name = 'app2'), '复杂')$$,
                 'CG613', NULL, 'an application past its deadline can no longer be extended');
SELECT credit_gz.repair_accept((SELECT id FROM fx WHERE name = 'app2'));
SELECT credit_gz.repair_reject((SELECT id FROM fx WHERE name = 'app2'), '未完成整改');
SELECT results_eq($$SELECT payload->>'late', payload->>'decision', payload->>'due' FROM credit_gz.sync_outbox
                    WHERE topic = 'repair_decision' AND target = 'creditchina'
                      AND (payload->>'application_id')::bigint = (SELECT id FROM fx WHERE name = 'app2')$$,
                  $$VALUES ('true', 'rejected', to_char(credit_gz.add_working_days(credit_gz.policy_date(), -17), 'YYYY-MM-DD'))$$,
                  'a late decision is still recorded and reported as late, with its deadline');
SELECT is((SELECT count(*)::int FROM credit_gz.sync_outbox WHERE target = 'credit_reference'
            AND (payload->>'application_id')::bigint = (SELECT id FROM fx WHERE name = 'app2')), 1,
          '征信机构 receive the rejection too (a repair result)');

-- Applications submitted here keep the acceptance/decision rules; the extension of one moves the acceptance deadline.
INSERT INTO fx SELECT 'app3', application_id FROM credit_gz.repair_submit((SELECT id FROM fx WHERE name = 'rec3'),
    credit_gz.policy_date() - 5);
SELECT ok((SELECT source_platform IS NULL AND reply_due IS NULL
                  AND accept_due = credit_gz.deadline('repair', 'acceptance', 'standard', credit_gz.policy_date())
           FROM credit_gz.repair_application WHERE application_id = (SELECT id FROM fx WHERE name = 'app3')),
          'a direct application: acceptance rule, no platform reply');
SELECT credit_gz.repair_extend((SELECT id FROM fx WHERE name = 'app3'), '需现场核查');
SELECT is((SELECT accept_due FROM credit_gz.repair_application WHERE application_id = (SELECT id FROM fx WHERE name = 'app3')),
          credit_gz.add_working_days(credit_gz.deadline('repair', 'acceptance', 'standard', credit_gz.policy_date()), 10),
          'extending a submitted application moves its acceptance deadline');
SELECT is((SELECT count(*)::int FROM credit_gz.sync_outbox WHERE topic = 'repair_progress'
            AND (payload->>'application_id')::bigint = (SELECT id FROM fx WHERE name = 'app3')), 0,
          'no progress message for an application that did not come through a platform');

-- Topics: 征信机构 take repair results only.
SELECT is(credit_gz.sync_outbox_enqueue((SELECT id FROM fx WHERE name = 'a'), 'objection_outcome', '{}', true), 2,
          'an objection outcome goes to 信用中国 and 国家企业信用信息公示系统, not to 征信机构');
SELECT is(credit_gz.sync_outbox_enqueue_to((SELECT id FROM fx WHERE name = 'a'), 'nowhere', 'repair_progress', '{}'), 0,
          'no row for an unknown target');

SELECT * FROM finish();
ROLLBACK;
