-- credit_gz lists: list types and their rules, entries, propagation in both directions (cycles, depth, shares,
-- ended relations), escalation, dishonesty cases, interview tasks.
BEGIN;
SET search_path = credit_gz, public;
SELECT plan(71);

-- Fixture helpers: valid codes and subjects, looked up by name.
CREATE FUNCTION pg_temp.uscc(n int) RETURNS credit_gz.uscc LANGUAGE sql AS $$
    SELECT credit_gz.uscc_make('91440101' || body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT b AS body, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM (SELECT 'MA' || lpad(n::text, 6, '0') AS b) x,
                   unnest(regexp_split_to_array(x.b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w) GROUP BY b) s
$$;
CREATE FUNCTION pg_temp.rid(n int) RETURNS credit_gz.resident_id LANGUAGE sql AS $$
    WITH b AS (SELECT '440106' || to_char(date '1970-01-01' + n, 'YYYYMMDD') || lpad((n % 900 + 100)::text, 3, '0') AS body)
    SELECT (body || substr('10X98765432', (sum((ascii(ch) - 48) * w) % 11)::int + 1, 1))::credit_gz.resident_id
      FROM b, unnest(regexp_split_to_array(body, ''), ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]) AS t(ch, w)
     GROUP BY body
$$;
CREATE FUNCTION pg_temp.org(n int, nm text) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO credit_gz.subject (uscc, name) VALUES (pg_temp.uscc(n), nm) RETURNING subject_id
$$;
CREATE FUNCTION pg_temp.person(n int, nm text) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO credit_gz.subject (resident_id, name) VALUES (pg_temp.rid(n), nm) RETURNING subject_id
$$;
CREATE FUNCTION pg_temp.s(nm text) RETURNS bigint LANGUAGE sql AS $$
    SELECT subject_id FROM credit_gz.subject WHERE name = nm
$$;
CREATE FUNCTION pg_temp.rel(org text, party text, k text, share numeric DEFAULT NULL, vfrom date DEFAULT credit_gz.policy_date() - 365,
                            vuntil date DEFAULT NULL) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, share_pct, valid_from, valid_until)
    VALUES (pg_temp.s(org), pg_temp.s(party), k, share, vfrom, vuntil) RETURNING relation_id
$$;
CREATE FUNCTION pg_temp.list(who text, lt text, vfrom date DEFAULT credit_gz.policy_date()) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
    VALUES (pg_temp.s(who), lt, 'tap_court', 'TAP-' || who || '-' || lt, vfrom) RETURNING entry_id
$$;
-- active derived entries of a root, as "name:type:depth" sorted
CREATE FUNCTION pg_temp.tree(root bigint) RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(string_agg(s.name || ':' || e.list_type_code || ':' || e.depth, ',' ORDER BY s.name, e.list_type_code), '')
      FROM credit_gz.list_entry e JOIN credit_gz.subject s USING (subject_id)
     WHERE e.root_entry_id = root AND e.status = 'active'
$$;

INSERT INTO credit_gz.department (code, name_zh, name_en, kind) VALUES ('tap_court', '测试法院', 'test court', 'judicial'),
    ('tap_amr', '测试市场监管局', 'test market regulator', 'municipal');
SELECT pg_temp.org(1, 'tap甲公司'), pg_temp.org(2, 'tap乙公司'), pg_temp.org(3, 'tap丙公司'), pg_temp.org(4, 'tap丁公司'),
       pg_temp.org(5, 'tap戊公司'), pg_temp.person(10001, 'tap张三'), pg_temp.person(10002, 'tap李四'),
       pg_temp.person(10003, 'tap王五');

-- ---- catalogue --------------------------------------------------------------------------------------------------
SELECT has_table('credit_gz', 'list_type', 'list_type exists');
SELECT has_table('credit_gz', 'list_entry', 'list_entry exists');
SELECT has_table('credit_gz', 'propagation_rule', 'propagation_rule exists');
SELECT has_table('credit_gz', 'interview_task', 'interview_task exists');
SELECT set_eq($$SELECT code FROM list_type WHERE parent_code = 'joint_punishment'$$,
              ARRAY['judgment_debtor', 'major_tax_violation', 'wage_arrears', 'customs_dishonest', 'samr_serious_illegal'],
              'the five national kinds of 失信联合惩戒对象名单');
SELECT set_eq($$SELECT code FROM list_type WHERE polarity = 'reward'$$,
              ARRAY['a_grade_taxpayer', 'aeo_advanced', 'contract_honouring', 'epidemic_key_enterprise'], 'red lists shipped');
SELECT row_eq($$SELECT escalate_to_code, escalate_after_months, escalation_notice_days FROM list_type
                 WHERE code = 'abnormal_operations'$$, ROW('samr_serious_illegal'::text, 36, 60),
              'abnormal operations escalate to the serious list after 36 months, 60 days notice (data)');
SELECT row_eq($$SELECT default_term_months, early_removal_after_months FROM list_type WHERE code = 'samr_serious_illegal'$$,
              ROW(36, 12), 'SAMR serious list: 3-year term, early removal after 1 year (data)');
SELECT ok(NOT EXISTS (SELECT 1 FROM list_type WHERE obj_description(('credit_gz.list_type')::regclass) IS NULL),
          'list_type is commented');
SELECT is((SELECT count(*)::int FROM pg_description d JOIN pg_attribute a ON a.attrelid = d.objoid AND a.attnum = d.objsubid
            WHERE d.objoid = 'credit_gz.list_entry'::regclass),
          (SELECT count(*)::int FROM pg_attribute WHERE attrelid = 'credit_gz.list_entry'::regclass AND attnum > 0
              AND NOT attisdropped), 'every list_entry column is commented');

-- ---- direct entries: term, validation --------------------------------------------------------------------------
SELECT pg_temp.list('tap丁公司', 'judgment_debtor', date '2026-01-15');
SELECT is((SELECT effective_until FROM list_entry WHERE subject_id = pg_temp.s('tap丁公司')), date '2028-01-15',
          'default term of 24 months filled from list_type (until: the anniversary, the first day no longer in force)');
SELECT throws_ok($$SELECT pg_temp.list('tap张三', 'judgment_debtor_responsible')$$, '23514',
                 'list type "judgment_debtor_responsible" is reached only through propagation',
                 'derived-only list types cannot be listed directly');
SELECT throws_ok($$SELECT pg_temp.list('tap张三', 'samr_serious_illegal')$$, '23514', NULL,
                 'a legal-entity list refuses a natural person');
SELECT throws_ok($$SELECT pg_temp.list('tap丁公司', 'samr_serious_illegal', date '1990-01-01')$$, '23514', NULL,
                 'a list type not yet in force is refused');
SELECT pg_temp.list('tap戊公司', 'samr_serious_illegal', credit_gz.policy_date() - 180);
SELECT throws_ok($$UPDATE list_entry SET status = 'lifted' WHERE subject_id = pg_temp.s('tap戊公司')$$, '23514', NULL,
                 'SAMR serious list: no early removal within the first year');
SELECT throws_ok($$UPDATE list_entry SET status = 'expired' WHERE subject_id = pg_temp.s('tap戊公司')$$, '23514', NULL,
                 'an entry cannot expire before its term ends');
SELECT throws_ok($$UPDATE list_entry SET subject_id = pg_temp.s('tap丙公司') WHERE subject_id = pg_temp.s('tap戊公司')$$,
                 '23514', NULL, 'subject of an entry cannot change');
UPDATE list_entry SET effective_from = credit_gz.policy_date() - 400, effective_until = NULL WHERE subject_id = pg_temp.s('tap戊公司');
SELECT lives_ok($$UPDATE list_entry SET status = 'repaired' WHERE subject_id = pg_temp.s('tap戊公司')$$,
                'early removal allowed after one year');
SELECT is((SELECT status_changed_on FROM list_entry WHERE subject_id = pg_temp.s('tap戊公司')), credit_gz.policy_date(),
          'status change is dated');
SELECT throws_ok($$UPDATE list_entry SET status = 'active' WHERE subject_id = pg_temp.s('tap戊公司')$$, '23514', NULL,
                 'a removed entry does not come back');

-- ---- propagation: entry → derived ------------------------------------------------------------------------------
SELECT pg_temp.rel('tap甲公司', 'tap张三', 'legal_representative');
SELECT pg_temp.rel('tap甲公司', 'tap李四', 'principal_person');
SELECT pg_temp.rel('tap甲公司', 'tap丁公司', 'branch');
CREATE TEMP TABLE r1 AS SELECT pg_temp.list('tap甲公司', 'judgment_debtor', credit_gz.policy_date() - 10) AS id;
SELECT is(pg_temp.tree((SELECT id FROM r1)),
          'tap张三:judgment_debtor_responsible:1,tap李四:judgment_debtor_responsible:1',
          'listing a judgment debtor lists its legal representative and principal person (not the branch relation)');
SELECT row_eq($$SELECT e.derived_from_entry_id, e.department_code, e.basis_document, e.effective_from, e.effective_until
                  FROM list_entry e WHERE e.subject_id = pg_temp.s('tap张三') AND e.status = 'active'$$,
              (SELECT ROW(r.entry_id, r.department_code, r.basis_document, r.effective_from, r.effective_until)
                 FROM list_entry r WHERE r.entry_id = (SELECT id FROM r1)),
              'derived entry carries its origin, the determining department, basis and period');
SELECT is((SELECT r.kind::text FROM list_entry e JOIN relation r ON r.relation_id = e.via_relation_id
            WHERE e.subject_id = pg_temp.s('tap张三') AND e.status = 'active'), 'legal_representative',
          'derived entry names the relation it came through');
SELECT throws_ok($$UPDATE list_entry SET basis_document = 'x' WHERE subject_id = pg_temp.s('tap张三')$$, 'CG510',
                 'derived list entries are maintained by propagation', 'derived entries cannot be edited');
SELECT throws_ok($$INSERT INTO list_entry (subject_id, list_type_code, department_code, basis_document, derived_from_entry_id,
                     via_relation_id, root_entry_id, depth)
                   SELECT pg_temp.s('tap王五'), 'judgment_debtor_responsible', 'tap_court', 'x', id, 1, id, 1 FROM r1$$,
                 'CG510', NULL, 'derived entries cannot be inserted directly');
SELECT is(repropagate_entry((SELECT id FROM r1)), 0, 're-propagating an unchanged tree changes nothing');

-- ---- propagation: relation → derived ----------------------------------------------------------------------------
SELECT pg_temp.rel('tap甲公司', 'tap王五', 'actual_controller');
SELECT is(pg_temp.tree((SELECT id FROM r1)),
          'tap张三:judgment_debtor_responsible:1,tap李四:judgment_debtor_responsible:1,tap王五:judgment_debtor_responsible:1',
          'a relation created while the organisation is listed derives an entry');
UPDATE relation SET valid_until = credit_gz.policy_date() WHERE subject_id = pg_temp.s('tap甲公司') AND related_subject_id = pg_temp.s('tap张三');
SELECT is(pg_temp.tree((SELECT id FROM r1)),
          'tap李四:judgment_debtor_responsible:1,tap王五:judgment_debtor_responsible:1',
          'ending the relation (valid_until today: yesterday was its last day) lifts the derived entry');
SELECT is((SELECT status FROM list_entry WHERE subject_id = pg_temp.s('tap张三') ORDER BY entry_id DESC LIMIT 1), 'lifted',
          'the lifted derived entry stays as history');
DELETE FROM relation WHERE subject_id = pg_temp.s('tap甲公司') AND related_subject_id = pg_temp.s('tap王五')
   AND kind = 'actual_controller';
SELECT is(pg_temp.tree((SELECT id FROM r1)), 'tap李四:judgment_debtor_responsible:1',
          'deleting the relation lifts the derived entry');
UPDATE relation SET valid_until = credit_gz.policy_date() + 31 WHERE subject_id = pg_temp.s('tap甲公司') AND related_subject_id = pg_temp.s('tap李四');
SELECT is((SELECT effective_until FROM list_entry WHERE subject_id = pg_temp.s('tap李四') AND status = 'active'),
          credit_gz.policy_date() + 31, 'a relation ending in the future bounds the derived entry (its until is valid_until)');
UPDATE relation SET valid_until = NULL WHERE subject_id = pg_temp.s('tap甲公司') AND related_subject_id = pg_temp.s('tap张三');
SELECT is(pg_temp.tree((SELECT id FROM r1)),
          'tap张三:judgment_debtor_responsible:1,tap李四:judgment_debtor_responsible:1',
          're-opening the relation derives again');
SELECT is((SELECT count(*)::int FROM list_entry WHERE subject_id = pg_temp.s('tap张三')), 2,
          'the earlier lifted entry is kept, a new one derived');

-- ---- source lifted / repaired / revoked / expired ----------------------------------------------------------------
UPDATE list_entry SET status = 'repaired' WHERE entry_id = (SELECT id FROM r1);
SELECT is(pg_temp.tree((SELECT id FROM r1)), '', 'repairing the source lifts every derived entry');
SELECT is((SELECT DISTINCT status_reason FROM list_entry WHERE root_entry_id = (SELECT id FROM r1)
             AND status_changed_on = credit_gz.policy_date() AND via_relation_id IS NOT NULL AND status = 'lifted'
             AND subject_id = pg_temp.s('tap李四')), 'source entry repaired', 'lift reason names the source''s status');
CREATE TEMP TABLE r2 AS SELECT pg_temp.list('tap甲公司', 'wage_arrears') AS id;
SELECT is(pg_temp.tree((SELECT id FROM r2)), 'tap张三:wage_arrears_responsible:1,tap李四:wage_arrears_responsible:1',
          'another list derives its own responsible-person entries');
UPDATE list_entry SET status = 'revoked' WHERE entry_id = (SELECT id FROM r2);
SELECT is(pg_temp.tree((SELECT id FROM r2)), '', 'revoking the source lifts them');
CREATE TEMP TABLE r3 AS SELECT pg_temp.list('tap甲公司', 'major_tax_violation', credit_gz.policy_date() - 1200) AS id;
SELECT is(pg_temp.tree((SELECT id FROM r3)), '', 'a source whose term has ended derives nothing');
SELECT cmp_ok((run_expiry() ->> 'entries_expired')::int, '>=', 1, 'run_expiry marks entries past their term expired');
SELECT is((SELECT status FROM list_entry WHERE entry_id = (SELECT id FROM r3)), 'expired', 'the source expired');
SELECT is((SELECT (r ->> 'entries_expired')::int + (r ->> 'derived_entries_recomputed')::int FROM run_expiry() r), 0,
          'run_expiry is idempotent for list entries');
CREATE TEMP TABLE r4 AS SELECT pg_temp.list('tap甲公司', 'key_attention') AS id;
DELETE FROM list_entry WHERE entry_id = (SELECT id FROM r1);
SELECT is((SELECT count(*)::int FROM list_entry WHERE root_entry_id = (SELECT id FROM r1)), 0,
          'deleting a source deletes its derived entries');

-- ---- shareholders: minimum share ------------------------------------------------------------------------------
SELECT pg_temp.rel('tap乙公司', 'tap丙公司', 'shareholder', 30);
SELECT pg_temp.rel('tap乙公司', 'tap丁公司', 'shareholder', 60);
CREATE TEMP TABLE r5 AS SELECT pg_temp.list('tap乙公司', 'major_tax_violation') AS id;
SELECT is(pg_temp.tree((SELECT id FROM r5)), 'tap丁公司:key_attention:1',
          'a major tax violator''s controlling shareholder (≥ 50%) goes on key attention, a 30% one does not');
UPDATE relation SET share_pct = 55 WHERE subject_id = pg_temp.s('tap乙公司') AND related_subject_id = pg_temp.s('tap丙公司');
SELECT is(pg_temp.tree((SELECT id FROM r5)), 'tap丁公司:key_attention:1,tap丙公司:key_attention:1',
          'raising the share above the minimum derives');
UPDATE relation SET share_pct = 10 WHERE subject_id = pg_temp.s('tap乙公司') AND related_subject_id = pg_temp.s('tap丁公司');
SELECT is(pg_temp.tree((SELECT id FROM r5)), 'tap丙公司:key_attention:1', 'lowering it below lifts');

-- ---- depth and cycles (local rules) ----------------------------------------------------------------------------
INSERT INTO list_type (code, name_zh, name_en, polarity, severity, legal_basis, effective_from)
VALUES ('tap_chain', '测试链式名单', 'test chain list', 'attention', 'general', 'test', '2000-01-01');
INSERT INTO propagation_rule (list_type_code, relation_kind, derived_list_type_code, max_depth, legal_basis, effective_from)
VALUES ('tap_chain', 'shareholder', 'tap_chain', 2, 'test', '2000-01-01');
-- A ← B ← C ← D (each the shareholder of the previous): depth limit 2
SELECT pg_temp.org(31, 'tapA'), pg_temp.org(32, 'tapB'), pg_temp.org(33, 'tapC'), pg_temp.org(34, 'tapD');
SELECT pg_temp.rel('tapA', 'tapB', 'shareholder', 10), pg_temp.rel('tapB', 'tapC', 'shareholder', 10),
       pg_temp.rel('tapC', 'tapD', 'shareholder', 10);
CREATE TEMP TABLE r6 AS SELECT pg_temp.list('tapA', 'tap_chain') AS id;
SELECT is(pg_temp.tree((SELECT id FROM r6)), 'tapB:tap_chain:1,tapC:tap_chain:2',
          'derivation follows derived entries up to the rule''s depth limit (D at depth 3 is not reached)');
SELECT is((SELECT d.derived_from_entry_id FROM list_entry d WHERE d.subject_id = pg_temp.s('tapC')
             AND d.root_entry_id = (SELECT id FROM r6) AND d.status = 'active'),
          (SELECT p.entry_id FROM list_entry p WHERE p.subject_id = pg_temp.s('tapB')
             AND p.root_entry_id = (SELECT id FROM r6) AND p.status = 'active'),
          'a depth-2 entry derives from the depth-1 entry');
-- close cycles: A is shareholder of D (back to the root), B is shareholder of C (back to depth 1)
SELECT pg_temp.rel('tapD', 'tapA', 'shareholder', 10), pg_temp.rel('tapC', 'tapB', 'shareholder', 10);
UPDATE propagation_rule SET max_depth = 10 WHERE list_type_code = 'tap_chain';
SELECT is(pg_temp.tree((SELECT id FROM r6)), 'tapB:tap_chain:1,tapC:tap_chain:2,tapD:tap_chain:3',
          'cycles terminate: every subject once, the root''s own subject never derived; rule change re-propagated');
SELECT is(repropagate_entry((SELECT id FROM r6)), 0, 'cyclic tree is stable');
DELETE FROM relation WHERE subject_id = pg_temp.s('tapA') AND related_subject_id = pg_temp.s('tapB');
SELECT is(pg_temp.tree((SELECT id FROM r6)), '',
          'cutting the root''s only edge lifts the whole tree, cycle included');
DELETE FROM propagation_rule WHERE list_type_code = 'tap_chain';

-- ---- fan-out ---------------------------------------------------------------------------------------------------
INSERT INTO credit_gz.subject (resident_id, name) SELECT pg_temp.rid(20000 + g), 'tap员' || g FROM generate_series(1, 200) g;
INSERT INTO relation (subject_id, related_subject_id, kind, valid_from)
SELECT pg_temp.s('tap丙公司'), s.subject_id, 'principal_person', credit_gz.policy_date() - 1 FROM credit_gz.subject s WHERE s.name LIKE 'tap员%';
CREATE TEMP TABLE r7 AS SELECT pg_temp.list('tap丙公司', 'wage_arrears') AS id;
SELECT is((SELECT count(*)::int FROM list_entry WHERE root_entry_id = (SELECT id FROM r7) AND status = 'active'), 200,
          'listing an organisation with 200 principal persons derives 200 entries');
UPDATE list_entry SET status = 'revoked' WHERE entry_id = (SELECT id FROM r7);
SELECT is((SELECT count(*)::int FROM list_entry WHERE root_entry_id = (SELECT id FROM r7) AND status = 'active'), 0,
          'and revoking lifts all 200');

-- ---- escalation ------------------------------------------------------------------------------------------------
CREATE TEMP TABLE r8 AS SELECT pg_temp.list('tap丁公司', 'abnormal_operations', (credit_gz.policy_date() - interval '35 months')::date - 1) AS id;
SELECT is((SELECT count(*)::int FROM list_escalation_notice WHERE entry_id = (SELECT id FROM r8)), 1,
          'abnormal-operations entry within 60 days of three years shows in the notice view');
SELECT is((run_expiry() ->> 'entries_escalated')::int, 0, 'not escalated before three years');
UPDATE list_entry SET effective_from = (credit_gz.policy_date() - interval '36 months')::date WHERE entry_id = (SELECT id FROM r8);
SELECT is((run_expiry() ->> 'entries_escalated')::int, 1, 'unresolved for three years: escalated');
SELECT row_eq($$SELECT list_type_code, department_code, status FROM list_entry
                 WHERE escalated_from_entry_id = (SELECT id FROM r8)$$,
              ROW('samr_serious_illegal'::text, 'tap_court'::text, 'active'::text),
              'escalated to the serious list by the same department');
SELECT is((run_expiry() ->> 'entries_escalated')::int, 0, 'escalation is idempotent');
SELECT is((SELECT count(*)::int FROM list_escalation_notice WHERE entry_id = (SELECT id FROM r8)), 0,
          'escalated entries leave the notice view');

-- ---- dishonesty cases ------------------------------------------------------------------------------------------
INSERT INTO dishonesty_case (subject_id, department_code, title, opened_on, rectification_due)
VALUES (pg_temp.s('tap丁公司'), 'tap_amr', 'tap 虚假宣传', credit_gz.policy_date() - 60, credit_gz.policy_date() - 1);
CREATE TEMP TABLE c1 AS SELECT case_id AS id, subject_id AS sid FROM dishonesty_case WHERE title = 'tap 虚假宣传';
INSERT INTO dishonesty_case_item (subject_id, case_id, entry_id) SELECT c1.sid, c1.id, r8.id FROM c1, r8;
SELECT throws_ok($$INSERT INTO dishonesty_case_item (subject_id, case_id, entry_id) SELECT c1.sid, c1.id, r5.id FROM c1, r5$$,
                 '23503', NULL, 'a case groups entries of its own subject only (subject_id, entry_id)');
SELECT lives_ok($$INSERT INTO dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
                  SELECT sid, id, 'verification', credit_gz.policy_date() - 50, 'tap_amr' FROM c1$$, '核查 recorded');
SELECT throws_ok($$INSERT INTO dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
                   SELECT sid, id, 'punishment', credit_gz.policy_date() - 40, 'tap_amr' FROM c1$$, '23514', NULL,
                 'steps cannot be skipped');
SELECT throws_ok($$INSERT INTO dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
                   SELECT sid, id, 'recording', credit_gz.policy_date() - 55, 'tap_amr' FROM c1$$, '23514', NULL,
                 'a step cannot be dated before the previous one');
INSERT INTO dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
SELECT sid, id, s, credit_gz.policy_date() - d, 'tap_amr' FROM c1, (VALUES ('recording', 45), ('supervision', 40), ('punishment', 30)) v(s, d);
SELECT row_eq($$SELECT stage, punished_on, rectification_overdue FROM dishonesty_case_status WHERE case_id = (SELECT id FROM c1)$$,
              ROW('punishment'::text, credit_gz.policy_date() - 30, true), 'case status: stage, step dates, rectification overdue');
SELECT throws_ok($$DELETE FROM dishonesty_case_step WHERE case_id = (SELECT id FROM c1)$$, '23514', NULL,
                 'case steps are kept');
INSERT INTO dishonesty_case (subject_id, department_code, title) VALUES (pg_temp.s('tap丁公司'), 'tap_amr', 'tap 误立案');
INSERT INTO dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
SELECT subject_id, case_id, 'verification', credit_gz.policy_date(), 'tap_amr' FROM dishonesty_case WHERE title = 'tap 误立案';
SELECT lives_ok($$DELETE FROM dishonesty_case WHERE title = 'tap 误立案'$$, 'a whole case can be deleted with its steps');

-- ---- interview tasks (谁认定、谁约谈) -----------------------------------------------------------------------------
UPDATE list_entry SET rectify_by = credit_gz.policy_date() - 3 WHERE entry_id = (SELECT id FROM r5);
SELECT is(create_overdue_interview_tasks(), 2, 'one task for the overdue entry, one for the overdue case');
SELECT row_eq($$SELECT department_code, subject_id, status, due_date FROM interview_task WHERE entry_id = (SELECT id FROM r5)$$,
              ROW('tap_court'::text, pg_temp.s('tap乙公司'), 'open'::text, credit_gz.policy_date() + 10),
              'the determining department interviews (谁认定、谁约谈)');
SELECT is((SELECT department_code FROM interview_task WHERE case_id = (SELECT id FROM c1)), 'tap_amr',
          'the case''s department gets the case task');
SELECT is(create_overdue_interview_tasks(), 0, 'creating tasks is idempotent');
UPDATE list_entry SET rectified_on = credit_gz.policy_date() WHERE entry_id = (SELECT id FROM r4);
SELECT throws_ok($$UPDATE interview_task SET status = 'done' WHERE entry_id = (SELECT id FROM r5)$$, '23514', NULL,
                 'a done task needs its date');
SELECT lives_ok($$UPDATE interview_task SET status = 'done', done_on = credit_gz.policy_date(), outcome = '已约谈'
                  WHERE entry_id = (SELECT id FROM r5)$$, 'a task is closed with date and outcome');

SELECT * FROM finish();
ROLLBACK;
