-- Frozen with release 1.0: a copy of test/demo/60_repair.sql as of the freeze, scaled by :scale (psql -v scale=..., 1
-- being the demo's size); its displays kept, as their reads are logged. It fills a database created at version 1.0
-- for the upgrade test, so it stays as 1.0 could run it; test/demo/ moves on with later versions.
-- 信用修复、异议处理、到期: working days, a repair from application to approval, an ineligible application, an
-- objection corrected, the green channel, the outbox for 信用中国 / 国家企业信用信息公示系统, and the expiry job.
\echo ''
\echo '== 6. Credit repair (信用修复), objections (异议) and the expiry job (到期处理)'

\echo '-- working days: 2026 has 248; 3 working days from 2026-09-30 is the 调休 Saturday 10-10'
SELECT credit_gz.working_days_between('2026-01-01', '2026-12-31') AS working_days_2026,
       credit_gz.add_working_days('2026-09-30', 3) AS three_after_0930,
       credit_gz.deadline('repair', 'acceptance', 'standard', credit_gz.policy_date()) AS acceptance_deadline_today,
       credit_gz.deadline('objection', 'provider_check', 'standard', credit_gz.policy_date()) AS provider_check_deadline_today;

-- the demo's repairable penalties: Order 36 general records of enterprises, minimum period reached
CREATE TEMP TABLE demo_repair AS
SELECT r.record_id, r.subject_id, r.document_no, r.decision_date, r.repairable_from, r.publish_until
  FROM credit_gz.record r JOIN credit_gz.subject s USING (subject_id)
 WHERE r.status = 'in_publicity' AND r.severity = 'general' AND r.publicity_rule_id = 302 AND s.kind = 'enterprise'
   AND r.repairable_from <= credit_gz.policy_date()
 ORDER BY r.record_id LIMIT 3;
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
SELECT subject_id, 'credit_repair', '信用修复承诺: 依法经营、不再发生同类失信行为', 'development_reform'
  FROM demo_repair ORDER BY record_id LIMIT 1;

\echo '-- an application without a commitment on file is refused by the database (CG611), with every reason'
DO $$
BEGIN
    PERFORM credit_gz.repair_submit((SELECT record_id FROM demo_repair ORDER BY record_id OFFSET 1 LIMIT 1), credit_gz.policy_date() - 3);
EXCEPTION WHEN SQLSTATE 'CG611' THEN
    RAISE NOTICE '%: % — %', SQLSTATE, SQLERRM, (SELECT string_agg(x, '; ') FROM credit_gz.record_repair_eligibility(
        (SELECT record_id FROM demo_repair ORDER BY record_id OFFSET 1 LIMIT 1), credit_gz.policy_date(), credit_gz.policy_date() - 3), unnest(reasons) x);
END $$;

\echo '-- submitted → accepted → approved: the record leaves publicity, archived as repaired, sent to the outbox'
SELECT application_id, status, channel, department_code, accept_due
  FROM credit_gz.repair_submit((SELECT record_id FROM demo_repair ORDER BY record_id LIMIT 1), credit_gz.policy_date() - 3, '已缴清罚款并完成整改');
SELECT application_id, status, decide_due
  FROM credit_gz.repair_accept((SELECT max(application_id) FROM credit_gz.repair_application));
SELECT application_id, status, decided_by
  FROM credit_gz.repair_approve((SELECT max(application_id) FROM credit_gz.repair_application), '义务已履行，承诺已作出');
SELECT r.document_no, r.status, r.disclosure
  FROM credit_gz.record r WHERE r.record_id = (SELECT record_id FROM demo_repair ORDER BY record_id LIMIT 1);
SELECT target, topic, payload ->> 'decision' AS decision, payload ->> 'document_no' AS document_no
  FROM credit_gz.sync_outbox ORDER BY outbox_id DESC LIMIT 2;

\echo '-- an objection: the record is marked at once, the provider checks, the severity is corrected'
SELECT objection_id, status, prior_status, accept_due
  FROM credit_gz.objection_submit((SELECT record_id FROM demo_repair ORDER BY record_id OFFSET 2 LIMIT 1), '处罚种类认定有误');
SELECT status FROM credit_gz.record WHERE record_id = (SELECT record_id FROM demo_repair ORDER BY record_id OFFSET 2 LIMIT 1);
SELECT status, platform_due FROM credit_gz.objection_accept((SELECT max(objection_id) FROM credit_gz.objection));
SELECT status, provider_due FROM credit_gz.objection_refer((SELECT max(objection_id) FROM credit_gz.objection));
SELECT status, outcome FROM credit_gz.objection_resolve((SELECT max(objection_id) FROM credit_gz.objection),
                                                        'corrected', '经提供单位核查，应为轻微', '{"severity": "minor"}');
SELECT r.status, r.severity, r.publicity_rule_id, r.publish_until
  FROM credit_gz.record r WHERE r.record_id = (SELECT record_id FROM demo_repair ORDER BY record_id OFFSET 2 LIMIT 1);

\echo '-- green channel (三(五)): a 防疫重点保障企业 gets shorter deadlines and a positive (守信) record'
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT subject_id, 'epidemic_key_enterprise', 'industry_it', '穗工信防疫〔2026〕示例号', credit_gz.policy_date() - 30
  FROM demo_repair ORDER BY record_id OFFSET 1 LIMIT 1;
SELECT item_code, status, title FROM credit_gz.record
 WHERE subject_id = (SELECT subject_id FROM demo_repair ORDER BY record_id OFFSET 1 LIMIT 1) AND item_code = 'epidemic_support';
SELECT credit_gz.repair_channel((SELECT subject_id FROM demo_repair ORDER BY record_id OFFSET 1 LIMIT 1), credit_gz.policy_date()) AS channel,
       credit_gz.deadline('repair', 'acceptance', 'green', credit_gz.policy_date()) AS green_acceptance_deadline;

\echo '-- a consumer takes the outbox (SKIP LOCKED) and acknowledges'
SELECT credit_gz.sync_outbox_ack('demo-consumer', ARRAY(SELECT outbox_id FROM credit_gz.sync_outbox_claim('demo-consumer', 100))) AS acknowledged;

\echo '-- the expiry job today (what pg_cron runs at 00:10), and what it would do in 90 days (rolled back)'
SELECT jsonb_pretty(credit_gz.run_expiry() - 'as_of');
BEGIN;
SELECT jsonb_pretty(credit_gz.run_expiry(now() + interval '90 days') - 'as_of');
ROLLBACK;
