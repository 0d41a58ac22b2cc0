-- Frozen with release 1.0: a copy of test/demo/65_repair_scale.sql as of the freeze, scaled by :scale (psql -v
-- scale=..., 1 being the demo's size); its displays kept, as their reads are logged. It fills a database created at
-- version 1.0 for the upgrade test, so it stays as 1.0 could run it; test/demo/ moves on with later versions.
-- 信用修复、异议处理、到期 (二(四), 三(五)): repair applications through their deadlines, objections, and the daily
-- expiry job (run_expiry), whose second run changes nothing.
\set ON_ERROR_STOP 1
\echo ''
\echo '== 65. Repair and objections at scale (信用修复、异议), for the monitoring below; run_expiry twice'

\echo '-- 65.1 forty penalised enterprises past their minimum period commit to repair (信用修复承诺) and apply'
CREATE TEMP TABLE demo_repair AS
SELECT DISTINCT ON (r.subject_id) r.record_id, r.subject_id, r.department_code, r.decision_date
  FROM credit_gz.record r JOIN credit_gz.subject s ON s.subject_id = r.subject_id
 WHERE r.item_code = 'administrative_penalty' AND r.severity = 'general' AND r.status = 'in_publicity'
   AND r.repairable_from <= credit_gz.policy_date() AND s.kind = 'enterprise'
 ORDER BY r.subject_id, r.record_id
 LIMIT 40;
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code, record_id, made_on)
SELECT subject_id, 'credit_repair', '信用修复承诺: 依法诚信经营, 不再发生同类违法行为', department_code, record_id, credit_gz.policy_date() - 5
  FROM demo_repair;
CREATE TEMP TABLE demo_app AS
SELECT a.* FROM demo_repair d, LATERAL credit_gz.repair_submit(d.record_id, d.decision_date + 20, '已缴清罚款并完成整改') a;
SELECT channel, status, count(*) AS applications, min(accept_due) AS accept_due FROM demo_app GROUP BY 1, 2;

\echo '-- 65.2 the handling departments decide: 30 accepted, of which 25 approved and 5 rejected; 5 refused; 5 left open'
-- (ids chosen first, the decision called through LATERAL, so each function runs exactly for the chosen rows)
SELECT count(*) AS accepted
  FROM (SELECT application_id FROM demo_app ORDER BY application_id LIMIT 30) d,
       LATERAL credit_gz.repair_accept(d.application_id) x;
SELECT count(*) AS approved
  FROM (SELECT application_id FROM demo_app ORDER BY application_id LIMIT 25) d,
       LATERAL credit_gz.repair_approve(d.application_id, '符合修复条件') x;
SELECT count(*) AS rejected
  FROM (SELECT application_id FROM demo_app ORDER BY application_id OFFSET 25 LIMIT 5) d,
       LATERAL credit_gz.repair_reject(d.application_id, '整改材料不完整') x;
SELECT count(*) AS refused
  FROM (SELECT application_id FROM demo_app ORDER BY application_id OFFSET 30 LIMIT 5) d,
       LATERAL credit_gz.repair_refuse(d.application_id, '申请材料不齐全') x;
SELECT a.status AS application, r.status AS record, count(*)
  FROM credit_gz.repair_application a JOIN credit_gz.record r ON r.record_id = a.record_id
 GROUP BY 1, 2 ORDER BY 1, 2;
\echo '-- every decision is queued for 信用中国 and the national enterprise publicity system (协同修复)'
SELECT topic, count(*) FROM credit_gz.sync_outbox GROUP BY 1 ORDER BY 1;

\echo '-- 65.3 objections (异议): the record is marked at once; resolved as revoked or upheld'
CREATE TEMP TABLE demo_obj AS
SELECT o.*
  FROM (SELECT record_id FROM credit_gz.record
         WHERE item_code = 'administrative_penalty' AND status = 'in_publicity' AND disclosure = 'public'
         ORDER BY record_id DESC LIMIT 12) r,
       LATERAL credit_gz.objection_submit(r.record_id, '处罚决定已被复议撤销') o;
SELECT count(*) AS under_objection FROM credit_gz.record WHERE status = 'under_objection';
SELECT count(*) AS accepted
  FROM (SELECT objection_id FROM demo_obj ORDER BY objection_id LIMIT 9) d,
       LATERAL credit_gz.objection_accept(d.objection_id) x;
SELECT o.outcome, count(*)
  FROM (SELECT objection_id FROM demo_obj ORDER BY objection_id LIMIT 6) d,
       LATERAL credit_gz.objection_resolve(d.objection_id, (ARRAY['revoked', 'upheld', 'upheld'])[1 + (d.objection_id % 3)::int],
                                           '经核查, 依复议决定书处理') o
 GROUP BY 1 ORDER BY 1;
SELECT o.status, o.outcome, r.status AS record_status, count(*)
  FROM credit_gz.objection o JOIN credit_gz.record r ON r.record_id = o.record_id GROUP BY 1, 2, 3 ORDER BY 1, 2;

\echo '-- 65.4 the daily job again after these changes, then once more: the second run does nothing (idempotent)'
SELECT jsonb_pretty(credit_gz.run_expiry()) AS first_run;
SELECT jsonb_pretty(credit_gz.run_expiry()) AS second_run;
