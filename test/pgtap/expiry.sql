-- The expiry job (credit_gz.run_expiry): every period boundary under each rule generation (day before / day of),
-- list terms, escalation, overdue deadlines, interview tasks, idempotence. run_expiry acts on everything due, so the
-- first part runs it at absolute dates in ascending order; the second part works with deadlines counted from today.
BEGIN;
SELECT plan(78);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
-- as_of at 00:10 Guangzhou time on the day, as the pg_cron job runs
CREATE FUNCTION pg_temp.at(d date) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT (d::text || ' 00:10:00+08')::timestamptz $$;
CREATE FUNCTION pg_temp.status(doc text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT status || '/' || disclosure FROM credit_gz.record WHERE department_code = 'environment' AND document_no = doc $$;

INSERT INTO credit_gz.subject (uscc, name)
SELECT credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad(n::text, 6, '0'))), '到期测试' || n
FROM generate_series(801, 803) n;
CREATE TEMP TABLE subj AS SELECT subject_id AS id, name FROM credit_gz.subject WHERE name LIKE '到期测试%';

-- One record per rule generation and severity; windows that ended before today are put back in publicity.
CREATE TEMP TABLE gen (doc text, decided date, severity text, domain text, item text, publicity_rule_id int, until date);
INSERT INTO gen (doc, decided, severity, domain, item, publicity_rule_id, until) VALUES
    ('EXP-527-G',  '2022-03-15', 'general',          NULL,          'administrative_penalty', 101, '2023-03-15'),
    ('EXP-527-S',  '2022-03-16', 'serious',          NULL,          'administrative_penalty', 102, '2025-03-16'),
    ('EXP-527-SS', '2022-03-17', 'specific_serious', NULL,          'administrative_penalty', 103, '2025-03-17'),
    ('EXP-58-G',   '2023-06-10', 'general',          NULL,          'administrative_penalty', 201, '2026-06-10'),
    ('EXP-58-WS',  '2023-06-11', 'general',          'work_safety', 'administrative_penalty', 213, '2026-06-11'),
    ('EXP-36-M',   '2026-04-10', 'minor',            NULL,          'administrative_penalty', 301, '2026-07-10'),
    ('EXP-36-G',   '2026-04-11', 'general',          NULL,          'administrative_penalty', 302, '2027-04-11'),
    ('EXP-36-S',   '2026-04-12', 'serious',          NULL,          'administrative_penalty', 303, '2029-04-12'),
    ('EXP-GZ',     '2024-05-01', NULL,               NULL,          'major_tax_violation',    401, '2029-05-01');
SELECT credit_gz.load_record('environment', doc, (SELECT min(id) FROM subj), item, decided, domain, severity)
FROM gen ORDER BY doc;
UPDATE credit_gz.record r SET status = 'in_publicity'
FROM gen WHERE r.department_code = 'environment' AND r.document_no = gen.doc;

SELECT results_eq($$SELECT r.publicity_rule_id, r.publish_until FROM credit_gz.record r JOIN gen ON r.document_no = gen.doc
                    WHERE r.department_code = 'environment' ORDER BY gen.doc$$,
                  $$SELECT publicity_rule_id, until FROM gen ORDER BY doc$$,
                  'each record keeps the rule of its decision date and its maximum period');

-- Minimum periods (repair eligibility) under each generation: day before no, day of yes, day after yes.
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
SELECT min(id), 'credit_repair', '信用修复承诺', 'environment' FROM subj;
SELECT ok(NOT (SELECT eligible FROM credit_gz.record_repair_eligibility(r.record_id, r.repairable_from - 1, r.decision_date))
          AND (SELECT eligible FROM credit_gz.record_repair_eligibility(r.record_id, r.repairable_from, r.decision_date))
          AND (SELECT eligible FROM credit_gz.record_repair_eligibility(r.record_id, r.repairable_from + 1, r.decision_date)),
          format('%s: repairable from %s (day before no, of yes, after yes)', r.document_no, r.repairable_from))
FROM credit_gz.record r
WHERE r.department_code = 'environment' AND r.document_no IN ('EXP-527-G', 'EXP-527-S', 'EXP-58-G', 'EXP-58-WS', 'EXP-36-G', 'EXP-36-S')
ORDER BY r.document_no;
SELECT results_eq($$SELECT document_no, repairable_from FROM credit_gz.record
                    WHERE department_code = 'environment' AND document_no IN ('EXP-527-G', 'EXP-527-S', 'EXP-58-G', 'EXP-58-WS', 'EXP-36-G', 'EXP-36-S')
                    ORDER BY document_no$$,
                  $$VALUES ('EXP-36-G', DATE '2026-07-11'), ('EXP-36-S', DATE '2027-04-12'), ('EXP-527-G', DATE '2022-06-15'),
                           ('EXP-527-S', DATE '2022-09-16'), ('EXP-58-G', DATE '2023-09-10'), ('EXP-58-WS', DATE '2024-06-11')$$,
                  'minimum periods: 527 general 3 / serious 6 months, Order 58 3 months (work safety 1 year), Order 36 general 3 months / serious 1 year');
SELECT ok((SELECT eligible FROM credit_gz.record_repair_eligibility(r.record_id, r.decision_date, r.decision_date)),
          'Order 36 minor: repairable on the decision day once the obligation is performed')
FROM credit_gz.record r WHERE r.department_code = 'environment' AND r.document_no = 'EXP-36-M';
SELECT ok(NOT (SELECT eligible FROM credit_gz.record_repair_eligibility(r.record_id, '2024-01-01', r.decision_date)),
          '527 specific serious: never repairable')
FROM credit_gz.record r WHERE r.department_code = 'environment' AND r.document_no = 'EXP-527-SS';
SELECT ok(NOT (SELECT eligible FROM credit_gz.record_repair_eligibility(r.record_id, '2028-01-01', r.decision_date)),
          'Guangzhou 2024 ungraded negative information: not repairable')
FROM credit_gz.record r WHERE r.department_code = 'environment' AND r.document_no = 'EXP-GZ';

-- A list entry with a term, an abnormal-operations entry, an entry with a rectification deadline.
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, effective_until)
SELECT min(id), 'key_attention', 'market_regulation', 'EXP-KA-1', '2025-06-01', '2025-12-01' FROM subj;
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT max(id), 'abnormal_operations', 'market_regulation', 'EXP-AO-1', '2022-05-10' FROM subj;
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, rectify_by)
SELECT max(id), 'key_attention', 'market_regulation', 'EXP-KA-2', '2026-08-01', '2026-09-15' FROM subj;
CREATE FUNCTION pg_temp.entry(doc text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT status FROM credit_gz.list_entry WHERE basis_document = doc $$;

-- Ascending through time.
SELECT is((credit_gz.run_expiry(pg_temp.at('2023-03-14')) ->> 'records_expired')::int, 0, '2023-03-14: nothing due yet');
SELECT is(pg_temp.status('EXP-527-G'), 'in_publicity/public', '527 general: published the day before its end');
SELECT is((credit_gz.run_expiry(pg_temp.at('2023-03-15')) ->> 'records_expired')::int, 1, '2023-03-15: one record expires');
SELECT is(pg_temp.status('EXP-527-G'), 'expired/archived', '527 general: expired and archived on its end day');
SELECT is(credit_gz.run_expiry(pg_temp.at('2023-03-15')) - 'as_of',
          '{"more_due": false, "records_expired": 0, "entries_expired": 0, "derived_entries_recomputed": 0, "entries_escalated": 0, "left_busy": 0,
            "repair_applications_overdue": 0, "objections_overdue": 0, "interview_tasks_created": 0,
            "shields_restored": 0, "shields_ended": 0, "shielded_records_ended": 0, "measures_lifted": 0}'::jsonb,
          'a second run with the same as_of changes nothing');
SELECT is((credit_gz.run_expiry('2023-03-16 00:00:00+08') ->> 'records_expired')::int, 0, 'the day after: nothing more');
SELECT is(pg_temp.status('EXP-527-G'), 'expired/archived', '527 general: stays expired the day after');

SELECT is((credit_gz.run_expiry(pg_temp.at('2025-03-15')) ->> 'records_expired')::int, 0, '2025-03-15: nothing due');
SELECT is(pg_temp.status('EXP-527-S'), 'in_publicity/public', '527 serious: published the day before its end');
-- 2025-03-15 16:30 UTC is already 2025-03-16 in Guangzhou
SELECT is((credit_gz.run_expiry('2025-03-15 16:30:00+00') ->> 'records_expired')::int, 1, 'Guangzhou day, not UTC day');
SELECT is(pg_temp.status('EXP-527-S'), 'expired/archived', '527 serious: expired on its end day (3 years)');
SELECT is(pg_temp.status('EXP-527-SS'), 'in_publicity/public', '527 specific serious: the day before its end');
SELECT is((credit_gz.run_expiry(pg_temp.at('2025-03-17')) ->> 'records_expired')::int, 1, '2025-03-17: specific serious expires');
SELECT is(pg_temp.status('EXP-527-SS'), 'expired/archived', '527 specific serious: expired after the full 3 years');

SELECT is((credit_gz.run_expiry(pg_temp.at('2025-05-09')) ->> 'entries_escalated')::int, 0,
          'abnormal operations: not escalated the day before 3 years');
SELECT is((credit_gz.run_expiry(pg_temp.at('2025-05-10')) ->> 'entries_escalated')::int, 1,
          'abnormal operations unresolved 3 years: escalated (list_type escalation data)');
SELECT results_eq($$SELECT list_type_code, status, effective_from FROM credit_gz.list_entry
                    WHERE escalated_from_entry_id = (SELECT entry_id FROM credit_gz.list_entry WHERE basis_document = 'EXP-AO-1')$$,
                  $$VALUES ('samr_serious_illegal', 'active', DATE '2025-05-10')$$,
                  'escalated onto the market-supervision serious illegal and dishonest list');
SELECT is((credit_gz.run_expiry(pg_temp.at('2025-05-11')) ->> 'entries_escalated')::int, 0, 'escalation happens once');

SELECT is((credit_gz.run_expiry(pg_temp.at('2025-11-30')) ->> 'entries_expired')::int, 0, 'entry on its last day: still active');
SELECT is(pg_temp.entry('EXP-KA-1'), 'active', 'key attention entry active on its last day');
SELECT is((credit_gz.run_expiry(pg_temp.at('2025-12-01')) ->> 'entries_expired')::int, 1, 'the day after its term: expired');
SELECT is(pg_temp.entry('EXP-KA-1'), 'expired', 'key attention entry expired');

SELECT is((credit_gz.run_expiry(pg_temp.at('2026-06-09')) ->> 'records_expired')::int, 0, '2026-06-09: nothing due');
SELECT is((credit_gz.run_expiry(pg_temp.at('2026-06-10')) ->> 'records_expired')::int, 1, 'Order 58 general: 3 years');
SELECT is(pg_temp.status('EXP-58-WS'), 'in_publicity/public', 'Order 58 work safety: the day before its end');
SELECT is((credit_gz.run_expiry(pg_temp.at('2026-06-11')) ->> 'records_expired')::int, 1, 'Order 58 work safety: 3 years');
SELECT is(pg_temp.status('EXP-58-WS'), 'expired/archived', 'Order 58 work safety expired');
SELECT is((credit_gz.run_expiry(pg_temp.at('2026-07-09')) ->> 'records_expired')::int, 0, '2026-07-09: nothing due');
SELECT is(pg_temp.status('EXP-36-M'), 'in_publicity/public', 'Order 36 minor: published the day before 3 months');
SELECT is((credit_gz.run_expiry(pg_temp.at('2026-07-10')) ->> 'records_expired')::int, 1, 'Order 36 minor: at most 3 months');
SELECT is(pg_temp.status('EXP-36-M'), 'expired/archived', 'Order 36 minor expired');

SELECT is((credit_gz.run_expiry(pg_temp.at('2026-09-15')) ->> 'interview_tasks_created')::int, 0,
          'rectification due today: no interview yet');
SELECT is((credit_gz.run_expiry(pg_temp.at('2026-09-16')) ->> 'interview_tasks_created')::int, 1,
          'rectification overdue: an interview task (谁认定、谁约谈)');
SELECT results_eq($$SELECT department_code, rectification_due, due_date, status FROM credit_gz.interview_task
                    WHERE entry_id = (SELECT entry_id FROM credit_gz.list_entry WHERE basis_document = 'EXP-KA-2')$$,
                  $$VALUES ('market_regulation', DATE '2026-09-15', DATE '2026-09-26', 'open')$$,
                  'the task goes to the determining department');
SELECT is((credit_gz.run_expiry(pg_temp.at('2026-09-17')) ->> 'interview_tasks_created')::int, 0, 'one task per missed deadline');
-- a dishonesty case (失信案例) whose rectification is overdue gets its interview task from the same job
INSERT INTO credit_gz.dishonesty_case (subject_id, department_code, title, opened_on, rectification_due)
SELECT id, 'market_regulation', '到期测试 失信案例', DATE '2026-08-01', DATE '2026-10-01' FROM subj ORDER BY id LIMIT 1;
SELECT is((credit_gz.run_expiry(pg_temp.at('2026-10-01')) ->> 'interview_tasks_created')::int, 0,
          'case rectification due today: no interview yet');
SELECT is((credit_gz.run_expiry(pg_temp.at('2026-10-02')) ->> 'interview_tasks_created')::int, 1,
          'case rectification overdue: run_expiry creates the case''s interview task');
SELECT results_eq($$SELECT t.department_code, t.rectification_due, t.due_date FROM credit_gz.interview_task t
                    JOIN credit_gz.dishonesty_case c USING (case_id) WHERE c.title = '到期测试 失信案例'$$,
                  $$VALUES ('market_regulation', DATE '2026-10-01', DATE '2026-10-12')$$,
                  'the case task goes to the case''s department, due ten days after the job''s day');

SELECT is((credit_gz.run_expiry(pg_temp.at('2027-04-10')) ->> 'records_expired')::int, 0, '2027-04-10: nothing due');
SELECT is((credit_gz.run_expiry(pg_temp.at('2027-04-11')) ->> 'records_expired')::int, 1, 'Order 36 general: 1 year');
SELECT is(pg_temp.status('EXP-36-S'), 'in_publicity/public', 'Order 36 serious: still published after 1 year');
SELECT is((credit_gz.run_expiry(pg_temp.at('2029-04-11')) ->> 'records_expired')::int, 0, '2029-04-11: nothing due');
SELECT is((credit_gz.run_expiry(pg_temp.at('2029-04-12')) ->> 'records_expired')::int, 1, 'Order 36 serious: 3 years');
SELECT is(pg_temp.status('EXP-GZ'), 'in_publicity/public', 'Guangzhou 2024: the day before 5 years');
SELECT is((credit_gz.run_expiry(pg_temp.at('2029-05-01')) ->> 'records_expired')::int, 1, 'Guangzhou 2024: at most 5 years');
SELECT is(pg_temp.status('EXP-GZ'), 'expired/archived', 'Guangzhou 2024 expired and archived');

-- Deadlines counted from today: repair applications and objections flagged when overdue.
SELECT credit_gz.load_record('environment', 'EXP-NOW-1', (SELECT min(id) FROM subj), 'administrative_penalty',
                             credit_gz.policy_date() - 200, NULL, 'general');
SELECT credit_gz.load_record('environment', 'EXP-NOW-2', (SELECT min(id) FROM subj), 'administrative_penalty',
                             credit_gz.policy_date() - 201, NULL, 'general');
-- Order 36 minor, published until about a week from now: its objection outlasts it
SELECT credit_gz.load_record('environment', 'EXP-NOW-3', (SELECT min(id) FROM subj), 'administrative_penalty',
                             (credit_gz.policy_date() + 7 - interval '3 months')::date, NULL, 'minor');
CREATE TEMP TABLE app AS SELECT * FROM credit_gz.repair_submit(
    (SELECT record_id FROM credit_gz.record WHERE department_code = 'environment' AND document_no = 'EXP-NOW-1'), credit_gz.policy_date() - 1);
CREATE TEMP TABLE obj AS SELECT * FROM credit_gz.objection_submit(
    (SELECT record_id FROM credit_gz.record WHERE department_code = 'environment' AND document_no = 'EXP-NOW-2'), '认定有误');
CREATE TEMP TABLE obj3 AS SELECT * FROM credit_gz.objection_submit(
    (SELECT record_id FROM credit_gz.record WHERE department_code = 'environment' AND document_no = 'EXP-NOW-3'), '认定有误');
CREATE FUNCTION pg_temp.app_flags() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT (accept_overdue_at IS NOT NULL)::text || '/' || (decide_overdue_at IS NOT NULL)::text
    FROM credit_gz.repair_application WHERE application_id = (SELECT application_id FROM app) $$;
CREATE FUNCTION pg_temp.obj_flags() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT (accept_overdue_at IS NOT NULL)::text || '/' || (platform_overdue_at IS NOT NULL)::text || '/'
           || (provider_overdue_at IS NOT NULL)::text
    FROM credit_gz.objection WHERE objection_id = (SELECT objection_id FROM obj) $$;

SELECT is(credit_gz.working_days_between(credit_gz.policy_date(), (SELECT accept_due FROM obj)), 2, 'objection acceptance: 2 working days');
SELECT is(credit_gz.working_days_between(credit_gz.policy_date(), (SELECT accept_due FROM app)), 3, 'repair acceptance: 3 working days');
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT accept_due FROM obj))) ->> 'objections_overdue')::int, 0,
          'objection acceptance: not overdue on its last day');
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT accept_due FROM obj) + 1)) ->> 'objections_overdue')::int, 2,
          'objection acceptance overdue the day after (both open objections)');
SELECT is(pg_temp.obj_flags(), 'true/false/false', 'acceptance flagged');
SELECT is(pg_temp.app_flags(), 'false/false', 'repair acceptance not overdue yet');
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT accept_due FROM app))) ->> 'repair_applications_overdue')::int, 0,
          'repair acceptance: not overdue on its last day');
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT accept_due FROM app) + 1)) ->> 'repair_applications_overdue')::int, 1,
          'repair acceptance: overdue the day after');
SELECT is(pg_temp.app_flags(), 'true/false', 'repair acceptance flagged');
UPDATE app SET decide_due = (credit_gz.repair_accept(application_id)).decide_due;
SELECT is(credit_gz.working_days_between(credit_gz.policy_date(), (SELECT decide_due FROM app)), 10, 'repair decision: 10 working days');
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT decide_due FROM app))) ->> 'repair_applications_overdue')::int, 0,
          'repair decision: not overdue on its last day');
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT decide_due FROM app) + 1)) ->> 'repair_applications_overdue')::int, 1,
          'repair decision: overdue the day after');
SELECT is(pg_temp.app_flags(), 'true/true', 'repair decision flagged');
UPDATE obj SET platform_due = (credit_gz.objection_accept(objection_id)).platform_due;
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT platform_due FROM obj))) ->> 'objections_overdue')::int, 0,
          'platform check: not overdue on its last day');
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT platform_due FROM obj) + 1)) ->> 'objections_overdue')::int, 1,
          'platform check: overdue the day after');
UPDATE obj SET provider_due = (credit_gz.objection_refer(objection_id)).provider_due;
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT provider_due FROM obj))) ->> 'objections_overdue')::int, 0,
          'provider check: not overdue on its last day');
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT provider_due FROM obj) + 1)) ->> 'objections_overdue')::int, 1,
          'provider check: overdue the day after');
SELECT is(pg_temp.obj_flags(), 'true/true/true', 'every objection step flagged once');

-- A record whose period ends while it is under objection waits for the outcome.
SELECT is(pg_temp.status('EXP-NOW-3'), 'under_objection/public', 'past its end while under objection: not expired');
SELECT credit_gz.objection_accept((SELECT objection_id FROM obj3));
SELECT credit_gz.objection_resolve((SELECT objection_id FROM obj3), 'upheld', '经核查无误');
SELECT is((credit_gz.run_expiry(pg_temp.at((SELECT provider_due FROM obj) + 1)) ->> 'records_expired')::int, 1,
          'upheld: the next run expires it');
SELECT is((SELECT count(*)::int FROM credit_gz.verify_scores() WHERE subject_id IN (SELECT id FROM subj)), 0,
          'scores follow every expiry, escalation and objection (stored = fresh)');

SELECT * FROM finish();
ROLLBACK;
