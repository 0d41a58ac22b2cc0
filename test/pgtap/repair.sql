-- Credit repair and objections (src/repair.sql, src/objection.sql): eligibility, deadlines, every state change,
-- approval effects, green channel, objections. Dates are relative to today where the archive checks them against today.
BEGIN;
SELECT plan(73);

-- Fixtures ------------------------------------------------------------------------------------------------------
CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
CREATE FUNCTION pg_temp.uscc(n int) RETURNS credit_gz.uscc LANGUAGE sql IMMUTABLE AS $$
    SELECT credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad(n::text, 6, '0'))) $$;
CREATE TEMP TABLE fx (name text PRIMARY KEY, id bigint);

WITH s AS (INSERT INTO credit_gz.subject (uscc, name) VALUES
               (pg_temp.uscc(901), '修复测试甲公司'), (pg_temp.uscc(902), '修复测试乙公司'),
               (pg_temp.uscc(903), '防疫保障丙公司')
           RETURNING subject_id, name)
INSERT INTO fx SELECT CASE name WHEN '修复测试甲公司' THEN 'a' WHEN '修复测试乙公司' THEN 'b' ELSE 'c' END, subject_id FROM s;

-- Records decided after 2026-04-01: general, 3 months to 1 year (Order 36; market regulation's Order 107 alike).
INSERT INTO fx SELECT 'rec_ok', credit_gz.load_record('market_regulation', 'RPR-T-001', (SELECT id FROM fx WHERE name = 'a'),
    'administrative_penalty', credit_gz.policy_date() - 200, NULL, 'general');
INSERT INTO fx SELECT 'rec_young', credit_gz.load_record('market_regulation', 'RPR-T-002', (SELECT id FROM fx WHERE name = 'a'),
    'administrative_penalty', credit_gz.policy_date() - 30, NULL, 'general');
INSERT INTO fx SELECT 'rec_minor', credit_gz.load_record('market_regulation', 'RPR-T-003', (SELECT id FROM fx WHERE name = 'b'),
    'administrative_penalty', credit_gz.policy_date() - 20, NULL, 'minor');
INSERT INTO fx SELECT 'rec_obj', credit_gz.load_record('environment', 'RPR-T-004', (SELECT id FROM fx WHERE name = 'b'),
    'administrative_penalty', credit_gz.policy_date() - 40, NULL, 'general');
INSERT INTO fx SELECT 'rec_obj2', credit_gz.load_record('environment', 'RPR-T-005', (SELECT id FROM fx WHERE name = 'b'),
    'administrative_penalty', credit_gz.policy_date() - 41, NULL, 'general');
INSERT INTO fx SELECT 'rec_obj3', credit_gz.load_record('environment', 'RPR-T-006', (SELECT id FROM fx WHERE name = 'b'),
    'administrative_penalty', credit_gz.policy_date() - 42, NULL, 'general');
-- 527 specific serious (2019–2023): its window has ended, the fixture puts it back in publicity.
INSERT INTO fx SELECT 'rec_ss', credit_gz.load_record('market_regulation', 'RPR-T-007', (SELECT id FROM fx WHERE name = 'a'),
    'administrative_penalty', '2023-03-01', NULL, 'specific_serious');
UPDATE credit_gz.record SET status = 'in_publicity' WHERE record_id = (SELECT id FROM fx WHERE name = 'rec_ss');

INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
SELECT id, 'credit_repair', '信用修复承诺', 'market_regulation' FROM fx WHERE name IN ('a', 'b', 'c');

-- Eligibility ---------------------------------------------------------------------------------------------------
SELECT ok((SELECT eligible FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_ok'), credit_gz.policy_date(), credit_gz.policy_date() - 5)),
          'Order 36 general record after its minimum period, obligations performed, commitment on file: eligible');
SELECT is((SELECT eligible_from FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_young'), credit_gz.policy_date(), credit_gz.policy_date() - 5)),
          (SELECT repairable_from FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec_young')),
          'minimum period not reached: eligible from repairable_from');
SELECT is((SELECT repairable_from FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec_young')),
          ((credit_gz.policy_date() - 30) + interval '3 months')::date, 'Order 36 general: repairable 3 months after the decision');
SELECT ok(NOT (SELECT eligible FROM credit_gz.record_repair_eligibility(r.record_id, r.repairable_from - 1, credit_gz.policy_date() - 30))
          AND (SELECT eligible FROM credit_gz.record_repair_eligibility(r.record_id, r.repairable_from, credit_gz.policy_date() - 30))
          AND (SELECT eligible FROM credit_gz.record_repair_eligibility(r.record_id, r.repairable_from + 1, credit_gz.policy_date() - 30)),
          'minimum period boundary: day before no, day of yes, day after yes')
FROM credit_gz.record r WHERE r.record_id = (SELECT id FROM fx WHERE name = 'rec_young');
SELECT is((SELECT repairable_from FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec_minor')),
          credit_gz.policy_date() - 20, 'Order 36 minor: repairable from the decision date (no minimum period)');
SELECT ok(NOT (SELECT eligible FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_minor'), credit_gz.policy_date() - 11, credit_gz.policy_date() - 10))
          AND (SELECT eligible FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_minor'), credit_gz.policy_date() - 10, credit_gz.policy_date() - 10))
          AND (SELECT eligible FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_minor'), credit_gz.policy_date() - 9, credit_gz.policy_date() - 10)),
          'Order 36 minor: eligible from the day the obligation was performed (day before no, of yes, after yes)');
SELECT ok((SELECT NOT eligible AND eligible_from IS NULL AND reasons[1] LIKE '%obligations%'
           FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_ok'), credit_gz.policy_date(), NULL)),
          'obligations not performed: ineligible, no date');
SELECT ok((SELECT NOT eligible AND eligible_from IS NULL AND 'specific serious (特定严重失信) records stay published for the full period and cannot be repaired' = ANY (reasons)
           FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_ss'), credit_gz.policy_date(), credit_gz.policy_date() - 5)),
          'specific serious: never repairable');
INSERT INTO credit_gz.repair_bar (subject_id, barred_from, barred_until, reason, basis, department_code)
SELECT id, credit_gz.policy_date() - 10, credit_gz.policy_date() + 31, '修复申请弄虚作假', '国家发展改革委令第36号', 'development_reform' FROM fx WHERE name = 'a';
SELECT is((SELECT eligible_from FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_ok'), credit_gz.policy_date(), credit_gz.policy_date() - 5)),
          credit_gz.policy_date() + 31, 'repair bar: eligible the day after the bar ends');
SELECT throws_ok(format('SELECT credit_gz.repair_submit(%s, credit_gz.policy_date() - 5)', (SELECT id FROM fx WHERE name = 'rec_ok')),
                 'CG611', format('credit record %s of subject %s is not eligible for credit repair before %s',
                                 (SELECT document_no FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec_ok')),
                                 credit_gz.subject_code((SELECT id FROM fx WHERE name = 'a')), credit_gz.policy_date() + 31),
                 'an ineligible application is rejected with CG611 and the first eligible day');
DELETE FROM credit_gz.repair_bar WHERE subject_id = (SELECT id FROM fx WHERE name = 'a');
UPDATE credit_gz.commitment SET status = 'not_fulfilled' WHERE subject_id = (SELECT id FROM fx WHERE name = 'a');
SELECT ok((SELECT NOT eligible AND 'no repair commitment (信用修复承诺) is on file' = ANY (reasons)
           FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_ok'), credit_gz.policy_date(), credit_gz.policy_date() - 5)),
          'a broken commitment does not count');
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code, record_id)
SELECT (SELECT id FROM fx WHERE name = 'a'), 'credit_repair', '针对该处罚的信用修复承诺', 'market_regulation', id
FROM fx WHERE name = 'rec_ok';
SELECT ok((SELECT eligible FROM credit_gz.record_repair_eligibility((SELECT id FROM fx WHERE name = 'rec_ok'), credit_gz.policy_date(), credit_gz.policy_date() - 5)),
          'a commitment for the record itself counts');
SELECT throws_ok(format('SELECT credit_gz.repair_submit(%s, credit_gz.policy_date() - 5)', (SELECT id FROM fx WHERE name = 'rec_young')),
                 'CG611', NULL, 'minimum period not reached: CG611');

-- Submission, acceptance, approval ------------------------------------------------------------------------------
INSERT INTO fx SELECT 'app1', (credit_gz.repair_submit((SELECT id FROM fx WHERE name = 'rec_ok'), credit_gz.policy_date() - 5, '已缴清罚款')).application_id;
SELECT results_eq(
    format('SELECT status, channel, department_code, subject_id, accept_due FROM credit_gz.repair_application WHERE application_id = %s',
           (SELECT id FROM fx WHERE name = 'app1')),
    format($$VALUES ('submitted', 'standard', 'market_regulation', %s::bigint, credit_gz.deadline('repair', 'acceptance', 'standard', credit_gz.policy_date()))$$,
           (SELECT id FROM fx WHERE name = 'a')),
    'submitted: handling department of the record, standard channel, acceptance deadline 3 working days (Order 36)');
SELECT throws_ok(format('SELECT credit_gz.repair_submit(%s, credit_gz.policy_date() - 5)', (SELECT id FROM fx WHERE name = 'rec_ok')),
                 '23505', NULL, 'one open application per record');
SELECT throws_ok(format('SELECT credit_gz.repair_approve(%s)', (SELECT id FROM fx WHERE name = 'app1')),
                 'CG612', NULL, 'submitted → approved skips acceptance: CG612');
SELECT throws_ok(format('UPDATE credit_gz.repair_application SET channel = ''green'' WHERE application_id = %s', (SELECT id FROM fx WHERE name = 'app1')),
                 '23514', NULL, 'the channel cannot be changed');
SELECT is((credit_gz.repair_accept((SELECT id FROM fx WHERE name = 'app1'))).decide_due,
          credit_gz.add_working_days(credit_gz.policy_date(), 7),
          'accepted: decision deadline of market regulation, 7 working days (SAMR Order 107)');
SELECT is((SELECT status FROM credit_gz.repair_application WHERE application_id = (SELECT id FROM fx WHERE name = 'app1')), 'accepted', 'status accepted');
SELECT throws_ok(format('SELECT credit_gz.repair_reject(%s, NULL)', (SELECT id FROM fx WHERE name = 'app1')),
                 '23514', NULL, 'rejection needs a reason');
CREATE TEMP TABLE outbox_before AS SELECT count(*) AS n FROM credit_gz.sync_outbox;
CREATE TEMP TABLE score_before AS SELECT score FROM credit_gz.subject_score
 WHERE subject_id = (SELECT id FROM fx WHERE name = 'a') AND model_code = 'city_comprehensive';
SELECT is((credit_gz.repair_approve((SELECT id FROM fx WHERE name = 'app1'), '条件具备')).status, 'approved', 'approved');
SELECT results_eq(format('SELECT status, disclosure FROM credit_gz.record WHERE record_id = %s', (SELECT id FROM fx WHERE name = 'rec_ok')),
                  $$VALUES ('repaired', 'archived')$$, 'approval: record repaired and archived (no longer published)');
SELECT ok((SELECT score FROM credit_gz.subject_score WHERE subject_id = (SELECT id FROM fx WHERE name = 'a')
            AND model_code = 'city_comprehensive') > (SELECT score FROM score_before),
          'approval: the repaired penalty stops counting, the score rises (scoring triggers, same transaction)');
SELECT is((SELECT count(*)::int FROM credit_gz.verify_scores() WHERE subject_id = (SELECT id FROM fx WHERE name = 'a')), 0,
          'stored scores equal a fresh computation after the repair');
SELECT is((SELECT count(*) FROM credit_gz.sync_outbox) - (SELECT n FROM outbox_before), 3::bigint,
          'approval written to the outbox for 信用中国, 国家企业信用信息公示系统 and 征信机构');
SELECT is((SELECT payload ->> 'decision' FROM credit_gz.sync_outbox WHERE target = 'gsxt' ORDER BY outbox_id DESC LIMIT 1), 'approved',
          'outbox payload carries the decision');
SELECT ok(EXISTS (SELECT FROM credit_gz.audit_log WHERE table_name = 'credit_gz.record'
                  AND row_key = (SELECT id FROM fx WHERE name = 'rec_ok')::text AND new_row ->> 'status' = 'repaired'),
          'the record change is audited');
SELECT is((SELECT count(*)::int FROM credit_gz.audit_log WHERE table_name = 'credit_gz.repair_application'
           AND row_key = (SELECT id FROM fx WHERE name = 'app1')::text), 3, 'the application is audited: insert, accept, approve');
SELECT throws_ok(format('SELECT credit_gz.repair_reject(%s, ''x'')', (SELECT id FROM fx WHERE name = 'app1')),
                 'CG612', NULL, 'approved is final');
SELECT throws_ok('SELECT credit_gz.repair_accept(-1)', 'P0002', NULL, 'unknown application');

-- Refusal and rejection -----------------------------------------------------------------------------------------
INSERT INTO fx SELECT 'app2', (credit_gz.repair_submit((SELECT id FROM fx WHERE name = 'rec_minor'), credit_gz.policy_date() - 10)).application_id;
SELECT is((credit_gz.repair_refuse((SELECT id FROM fx WHERE name = 'app2'), '材料不全')).status, 'refused', 'submitted → refused');
SELECT ok((SELECT decided_at IS NOT NULL AND decision_reason = '材料不全' AND decided_by = current_user
           FROM credit_gz.repair_application WHERE application_id = (SELECT id FROM fx WHERE name = 'app2')),
          'refusal keeps reason, time and role');
SELECT is((SELECT status FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec_minor')), 'in_publicity',
          'refusal leaves the record published');
INSERT INTO fx SELECT 'app3', (credit_gz.repair_submit((SELECT id FROM fx WHERE name = 'rec_minor'), credit_gz.policy_date() - 10)).application_id;
SELECT is((SELECT status FROM credit_gz.repair_accept((SELECT id FROM fx WHERE name = 'app3'))), 'accepted', 'a new application after refusal');
-- the commitment is broken before the decision: approval re-checks and fails
UPDATE credit_gz.commitment SET status = 'not_fulfilled' WHERE subject_id = (SELECT id FROM fx WHERE name = 'b');
SELECT throws_ok(format('SELECT credit_gz.repair_approve(%s)', (SELECT id FROM fx WHERE name = 'app3')),
                 'CG611', NULL, 'approval re-checks eligibility');
SELECT is((credit_gz.repair_reject((SELECT id FROM fx WHERE name = 'app3'), '承诺未履行')).status, 'rejected', 'accepted → rejected');
SELECT is((SELECT payload ->> 'decision' FROM credit_gz.sync_outbox WHERE target = 'creditchina' ORDER BY outbox_id DESC LIMIT 1),
          'rejected', 'rejections are sent too');

-- Objections ----------------------------------------------------------------------------------------------------
INSERT INTO fx SELECT 'obj1', (credit_gz.objection_submit((SELECT id FROM fx WHERE name = 'rec_obj'), '处罚对象认定错误')).objection_id;
SELECT results_eq(format('SELECT status FROM credit_gz.record WHERE record_id = %s', (SELECT id FROM fx WHERE name = 'rec_obj')),
                  $$VALUES ('under_objection')$$, 'an objection marks the record under objection at once');
SELECT results_eq(format('SELECT prior_status, department_code, accept_due FROM credit_gz.objection WHERE objection_id = %s', (SELECT id FROM fx WHERE name = 'obj1')),
                  $$VALUES ('in_publicity', 'environment', credit_gz.deadline('objection', 'acceptance', 'standard', credit_gz.policy_date()))$$,
                  'prior status remembered, provider department, acceptance deadline 2 working days');
SELECT throws_ok(format('SELECT credit_gz.objection_submit(%s, ''again'')', (SELECT id FROM fx WHERE name = 'rec_obj')),
                 'CG621', NULL, 'a record under objection cannot be disputed twice');
SELECT throws_ok(format('SELECT credit_gz.repair_submit(%s, credit_gz.policy_date() - 5)', (SELECT id FROM fx WHERE name = 'rec_obj')),
                 'CG611', NULL, 'a record under objection cannot be repaired meanwhile');
SELECT throws_ok(format('SELECT credit_gz.objection_resolve(%s, ''upheld'', ''x'')', (SELECT id FROM fx WHERE name = 'obj1')),
                 'CG622', NULL, 'submitted → resolved skips acceptance: CG622');
SELECT is((credit_gz.objection_accept((SELECT id FROM fx WHERE name = 'obj1'))).platform_due,
          credit_gz.deadline('objection', 'platform_check', 'standard', credit_gz.policy_date()), 'accepted: platform check 2 working days');
SELECT is((credit_gz.objection_refer((SELECT id FROM fx WHERE name = 'obj1'))).provider_due,
          credit_gz.deadline('objection', 'provider_check', 'standard', credit_gz.policy_date()), 'referred: provider check 10 working days');
SELECT throws_ok(format('SELECT credit_gz.objection_resolve(%s, ''corrected'', ''x'')', (SELECT id FROM fx WHERE name = 'obj1')),
                 '23514', NULL, 'corrected needs corrections');
SELECT throws_ok(format($$SELECT credit_gz.objection_resolve(%s, 'corrected', 'x', '{"status": "revoked"}')$$, (SELECT id FROM fx WHERE name = 'obj1')),
                 '22023', NULL, 'only content columns can be corrected');
SELECT is((credit_gz.objection_resolve((SELECT id FROM fx WHERE name = 'obj1'), 'corrected', '处罚种类有误',
           '{"severity": "serious"}')).outcome, 'corrected', 'resolved as corrected');
SELECT results_eq(format('SELECT status, severity, publish_until FROM credit_gz.record WHERE record_id = %s', (SELECT id FROM fx WHERE name = 'rec_obj')),
                  $$VALUES ('in_publicity', 'serious', ((credit_gz.policy_date() - 40) + interval '36 months')::date)$$,
                  'correction applied, prior status back, window recomputed by the archive (Order 36 serious: 3 years)');
SELECT is((SELECT payload ->> 'outcome' FROM credit_gz.sync_outbox WHERE topic = 'objection_outcome' ORDER BY outbox_id DESC LIMIT 1),
          'corrected', 'the outcome goes to the outbox');

INSERT INTO fx SELECT 'obj2', (credit_gz.objection_submit((SELECT id FROM fx WHERE name = 'rec_obj2'), '重复处罚')).objection_id;
SELECT is((SELECT status FROM credit_gz.objection_accept((SELECT id FROM fx WHERE name = 'obj2'))), 'accepted', 'accepted');
SELECT is((credit_gz.objection_resolve((SELECT id FROM fx WHERE name = 'obj2'), 'revoked', '信息错误，予以撤销')).status, 'resolved',
          'platform resolves without referral');
SELECT results_eq(format('SELECT status, disclosure FROM credit_gz.record WHERE record_id = %s', (SELECT id FROM fx WHERE name = 'rec_obj2')),
                  $$VALUES ('revoked', 'archived')$$, 'revoked: the record is revoked and archived');
SELECT is((SELECT count(*)::int FROM credit_gz.verify_scores() WHERE subject_id = (SELECT id FROM fx WHERE name = 'b')), 0,
          'scores follow the objection outcomes');

INSERT INTO fx SELECT 'obj3', (credit_gz.objection_submit((SELECT id FROM fx WHERE name = 'rec_obj3'), '金额有误')).objection_id;
SELECT is((credit_gz.objection_refuse((SELECT id FROM fx WHERE name = 'obj3'), '不属于异议受理范围')).status, 'refused', 'refused');
SELECT is((SELECT status FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec_obj3')), 'in_publicity',
          'refused: prior status back');
INSERT INTO fx SELECT 'obj4', (credit_gz.objection_submit((SELECT id FROM fx WHERE name = 'rec_obj3'), '金额有误，补充证据')).objection_id;
SELECT is((SELECT status FROM credit_gz.objection_accept((SELECT id FROM fx WHERE name = 'obj4'))), 'accepted', 'a second objection after refusal');
SELECT is((SELECT status FROM credit_gz.objection_refer((SELECT id FROM fx WHERE name = 'obj4'))), 'provider_check', 'referred');
SELECT is((credit_gz.objection_resolve((SELECT id FROM fx WHERE name = 'obj4'), 'upheld', '经核查信息无误')).outcome, 'upheld', 'upheld');
SELECT is((SELECT status FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec_obj3')), 'in_publicity',
          'upheld: prior status back');
SELECT throws_ok(format('SELECT credit_gz.objection_submit(%s, ''x'')', (SELECT id FROM fx WHERE name = 'rec_obj2')),
                 'CG621', NULL, 'a revoked record cannot be disputed');
SELECT is((SELECT count(*)::int FROM credit_gz.audit_log WHERE table_name = 'credit_gz.objection'
           AND row_key = (SELECT id FROM fx WHERE name = 'obj4')::text), 4, 'objection steps audited');

-- List entries and the green channel ----------------------------------------------------------------------------
-- the legal representative of 丙 gets a derived entry when 丙 is listed
WITH p AS (INSERT INTO credit_gz.subject (resident_id, name)
           VALUES (credit_gz.resident_id_make('44010619800101901'), '丙公司法定代表人') RETURNING subject_id)
INSERT INTO fx SELECT 'p', subject_id FROM p;
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
SELECT (SELECT id FROM fx WHERE name = 'c'), (SELECT id FROM fx WHERE name = 'p'), 'legal_representative', credit_gz.policy_date() - 1000;
WITH e AS (
    INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
    SELECT id, 'samr_serious_illegal', 'market_regulation', '穗市监严重违法〔2025〕T1号', credit_gz.policy_date() - 400 FROM fx WHERE name = 'c'
    RETURNING entry_id)
INSERT INTO fx SELECT 'entry_samr', entry_id FROM e;
WITH e AS (
    INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
    SELECT id, 'samr_serious_illegal', 'market_regulation', '穗市监严重违法〔2026〕T2号', credit_gz.policy_date() - 100 FROM fx WHERE name = 'c'
    RETURNING entry_id)
INSERT INTO fx SELECT 'entry_young', entry_id FROM e;
SELECT results_eq(format('SELECT list_type_code, status FROM credit_gz.list_entry WHERE derived_from_entry_id = %s', (SELECT id FROM fx WHERE name = 'entry_samr')),
                  $$VALUES ('samr_serious_responsible', 'active')$$, 'listing 丙 derives an entry for its legal representative');
SELECT ok((SELECT NOT eligible AND reasons[1] LIKE 'the entry was derived from list entry%'
           FROM credit_gz.entry_repair_eligibility((SELECT entry_id FROM credit_gz.list_entry WHERE derived_from_entry_id = (SELECT id FROM fx WHERE name = 'entry_samr')),
                                                   credit_gz.policy_date(), credit_gz.policy_date())),
          'a derived entry is not repaired on its own');
SELECT is((SELECT eligible_from FROM credit_gz.entry_repair_eligibility((SELECT id FROM fx WHERE name = 'entry_young'), credit_gz.policy_date(), credit_gz.policy_date() - 1)),
          ((credit_gz.policy_date() - 100) + interval '12 months')::date, 'SAMR Order No. 44: early removal after one year');
SELECT is((SELECT channel FROM credit_gz.repair_submit_entry((SELECT id FROM fx WHERE name = 'entry_samr'), credit_gz.policy_date() - 1)), 'standard',
          'not on the epidemic list: standard channel');
UPDATE credit_gz.repair_application SET status = 'refused', decision_reason = 'test' WHERE entry_id = (SELECT id FROM fx WHERE name = 'entry_samr');
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT id, 'epidemic_key_enterprise', 'industry_it', '穗工信防疫〔2026〕1号', credit_gz.policy_date() - 10 FROM fx WHERE name = 'c';
SELECT ok(EXISTS (SELECT FROM credit_gz.record WHERE subject_id = (SELECT id FROM fx WHERE name = 'c') AND item_code = 'epidemic_support'
                  AND status = 'in_publicity'),
          '防疫重点保障企业: participation recorded as positive (守信) information');
INSERT INTO fx SELECT 'app_green', (credit_gz.repair_submit_entry((SELECT id FROM fx WHERE name = 'entry_samr'), credit_gz.policy_date() - 1)).application_id;
SELECT results_eq(format('SELECT channel, accept_due FROM credit_gz.repair_application WHERE application_id = %s', (SELECT id FROM fx WHERE name = 'app_green')),
                  $$VALUES ('green', credit_gz.deadline('repair', 'acceptance', 'green', credit_gz.policy_date()))$$,
                  'green channel: shorter acceptance deadline');
SELECT ok((SELECT accept_due < credit_gz.deadline('repair', 'acceptance', 'standard', credit_gz.policy_date())
           FROM credit_gz.repair_application WHERE application_id = (SELECT id FROM fx WHERE name = 'app_green')),
          'green deadline is earlier than the standard one');
SELECT is((credit_gz.repair_accept((SELECT id FROM fx WHERE name = 'app_green'))).decide_due,
          credit_gz.deadline('repair', 'decision', 'green', credit_gz.policy_date()), 'green decision deadline');
SELECT is((credit_gz.repair_approve((SELECT id FROM fx WHERE name = 'app_green'))).status, 'approved', 'entry repair approved');
SELECT results_eq(format('SELECT status, status_reason FROM credit_gz.list_entry WHERE entry_id = %s', (SELECT id FROM fx WHERE name = 'entry_samr')),
                  format($$VALUES ('repaired', '信用修复 repair application %s')$$, (SELECT id FROM fx WHERE name = 'app_green')),
                  'the entry is repaired, citing the application');
SELECT is((SELECT count(*)::int FROM credit_gz.list_entry WHERE derived_from_entry_id = (SELECT id FROM fx WHERE name = 'entry_samr')
            AND status = 'active'), 0, 'the derived entry of the legal representative is lifted with it');
SELECT ok((SELECT NOT eligible FROM credit_gz.entry_repair_eligibility(
              (SELECT entry_id FROM credit_gz.list_entry WHERE list_type_code = 'epidemic_key_enterprise'
               AND subject_id = (SELECT id FROM fx WHERE name = 'c')), credit_gz.policy_date(), credit_gz.policy_date())),
          'reward-list entries are not repaired');

SELECT * FROM finish();
ROLLBACK;
