-- repair, objections, calendar, outbox: exact error texts (CG601, CG602, CG611, CG612, CG621, CG622, 23514, 23P01, 22008).
\set VERBOSITY default
\set SHOW_CONTEXT never
INSERT INTO credit_gz.subject (subject_id, uscc, name)
VALUES (970001, credit_gz.uscc_make('91440101MC0000979'), '回归修复甲公司');
INSERT INTO credit_gz.record (record_id, subject_id, item_code, department_code, document_no, decision_date, severity)
VALUES (970001, 970001, 'administrative_penalty', 'market_regulation', 'RG-REPAIR-1', credit_gz.policy_date() - 200, 'general'),
       (970002, 970001, 'administrative_penalty', 'market_regulation', 'RG-REPAIR-2', credit_gz.policy_date() - 200, 'general');

-- not eligible: no commitment, obligations not performed (no date can be given)
SELECT credit_gz.repair_submit(970001, NULL);
-- only a repair bar stands in the way: the message names the first eligible day
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
VALUES (970001, 'credit_repair', '信用修复承诺', 'market_regulation');
INSERT INTO credit_gz.repair_bar (subject_id, barred_from, barred_until, reason, basis, department_code)
VALUES (970001, credit_gz.policy_date() - 1, '2100-01-01', '修复申请弄虚作假', '国家发展改革委令第36号', 'development_reform');
SELECT credit_gz.repair_submit(970001, credit_gz.policy_date() - 1);
DELETE FROM credit_gz.repair_bar WHERE subject_id = 970001;

-- out of order
SELECT status, channel, department_code FROM credit_gz.repair_submit(970001, credit_gz.policy_date() - 1, '已缴清罚款');
SELECT credit_gz.repair_approve(application_id) FROM credit_gz.repair_application WHERE record_id = 970001;
SELECT status FROM credit_gz.repair_accept((SELECT application_id FROM credit_gz.repair_application WHERE record_id = 970001));
SELECT credit_gz.repair_reject(application_id, '  ') FROM credit_gz.repair_application WHERE record_id = 970001;
SELECT status FROM credit_gz.repair_approve((SELECT application_id FROM credit_gz.repair_application WHERE record_id = 970001));
SELECT status, disclosure FROM credit_gz.record WHERE record_id = 970001;

-- objections
SELECT credit_gz.objection_submit(970001, '已修复的记录');
SELECT status, prior_status FROM credit_gz.objection_submit(970002, '处罚对象认定错误');
SELECT status FROM credit_gz.record WHERE record_id = 970002;
SELECT credit_gz.objection_resolve(objection_id, 'upheld', 'x') FROM credit_gz.objection WHERE record_id = 970002;
SELECT status FROM credit_gz.objection_accept((SELECT objection_id FROM credit_gz.objection WHERE record_id = 970002));
SELECT credit_gz.objection_resolve(objection_id, 'corrected', 'x', '{"publish_until": "2030-01-01"}')
  FROM credit_gz.objection WHERE record_id = 970002;
SELECT outcome FROM credit_gz.objection_resolve((SELECT objection_id FROM credit_gz.objection WHERE record_id = 970002),
                                                'upheld', '经核查信息无误');
SELECT status FROM credit_gz.record WHERE record_id = 970002;

-- deadlines, calendar, outbox
SELECT credit_gz.deadline('repair', 'acceptance', 'standard', '2026-03-31');
UPDATE credit_gz.deadline_rule SET working_days = 1 WHERE deadline_rule_id = 3;
INSERT INTO credit_gz.deadline_rule (deadline_rule_id, procedure, step, working_days, effective_from, source)
VALUES (1998, 'objection', 'acceptance', 1, '2025-01-01', 'test');
INSERT INTO credit_gz.deadline_rule (deadline_rule_id, procedure, step, working_days, effective_from, source)
VALUES (1999, 'objection', 'acceptance', 1, '2030-01-01', 'test');
DELETE FROM credit_gz.deadline_rule WHERE deadline_rule_id = 1998;
UPDATE credit_gz.calendar SET kind = 'workday' WHERE day = '2026-10-01';
SELECT credit_gz.working_days_between('2026-01-01', 'infinity');
SELECT credit_gz.sync_outbox_retry('rg-consumer', -1, 'HTTP 500');
SELECT credit_gz.sync_outbox_claim('rg-consumer', 0);

-- clean up
DELETE FROM credit_gz.sync_outbox WHERE subject_id = 970001;
DELETE FROM credit_gz.objection WHERE subject_id = 970001;
DELETE FROM credit_gz.repair_application WHERE subject_id = 970001;
DELETE FROM credit_gz.commitment WHERE subject_id = 970001;
DELETE FROM credit_gz.record WHERE subject_id = 970001;
DELETE FROM credit_gz.audit_log WHERE subject_id = 970001;
DELETE FROM credit_gz.subject WHERE subject_id = 970001;
DELETE FROM credit_gz.catalogue_audit_log WHERE table_name = 'credit_gz.deadline_rule';
