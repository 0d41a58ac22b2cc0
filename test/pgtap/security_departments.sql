-- Trust boundary between departments (谁认定谁负责, 谁认定、谁约谈): department B tries to handle department A's
-- dishonesty cases, case steps and interview tasks, to end relations it did not add, and to forge pre-check feedback;
-- A handles its own, market regulation keeps the registers it owns, and the pre-check writes the feedback itself.
BEGIN;
SELECT plan(22);

-- Fixtures (as the extension owner) ------------------------------------------------------------------------------
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_sec_a', '安全测试甲局', 'Security test bureau A', 'municipal'),
       ('t_sec_b', '安全测试乙局', 'Security test bureau B', 'municipal');
INSERT INTO credit_gz.subject (uscc, name, kind, registered_on)
VALUES (credit_gz.uscc_make('91440106MA00K0014'), '安全测试甲公司', 'enterprise', '2012-05-01');
INSERT INTO credit_gz.subject (resident_id, name, kind)
VALUES (credit_gz.resident_id_make('44011319880314027'), '安全测试法人', 'natural_person'),
       (credit_gz.resident_id_make('44010619800101991'), '安全测试股东', 'natural_person');
CREATE TEMP TABLE ids AS
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = '安全测试甲公司') AS company,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '安全测试法人') AS rep,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '安全测试股东') AS holder;
GRANT SELECT ON ids TO PUBLIC;
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, rectify_by)
SELECT company, 'judgment_debtor', 't_sec_a', '(2026)粤01执S1号', credit_gz.policy_date() - 1 FROM ids;
INSERT INTO credit_gz.dishonesty_case (subject_id, department_code, title, opened_on, rectification_due)
SELECT company, 't_sec_a', '安全测试案例', credit_gz.policy_date() - 30, credit_gz.policy_date() - 1 FROM ids;
INSERT INTO credit_gz.dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
SELECT subject_id, case_id, 'verification', credit_gz.policy_date() - 20, 't_sec_a'
  FROM credit_gz.dishonesty_case WHERE title = '安全测试案例';
SELECT credit_gz.create_overdue_interview_tasks();

CREATE ROLE t_sec_dept_a NOLOGIN;
CREATE ROLE t_sec_dept_b NOLOGIN;
CREATE ROLE t_sec_amr NOLOGIN;
SELECT credit_gz.grant_department('t_sec_dept_a', 't_sec_a');
SELECT credit_gz.grant_department('t_sec_dept_b', 't_sec_b');
SELECT credit_gz.grant_department('t_sec_amr', 'market_regulation');

-- Dishonesty cases, steps and interview tasks: department B -------------------------------------------------------
SET LOCAL ROLE t_sec_dept_b;
SELECT is((SELECT count(*)::int FROM credit_gz.dishonesty_case WHERE title = '安全测试案例'), 1,
          'department B reads department A''s case (政务共享)');
UPDATE credit_gz.dishonesty_case SET rectification_due = credit_gz.policy_date() + 365 WHERE title = '安全测试案例';
UPDATE credit_gz.interview_task SET status = 'cancelled', done_on = credit_gz.policy_date(), outcome = 'forged'
 WHERE department_code = 't_sec_a';
UPDATE credit_gz.dishonesty_case_step SET done_on = credit_gz.policy_date() - 25
 WHERE step = 'verification' AND department_code = 't_sec_a';
SELECT throws_ok($$INSERT INTO credit_gz.dishonesty_case (subject_id, department_code, title)
                   SELECT company, 't_sec_a', 'forged case' FROM ids$$, '42501', NULL,
                 'B cannot open a case in A''s name');
SELECT throws_ok($$INSERT INTO credit_gz.dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
                   SELECT subject_id, case_id, 'recording', credit_gz.policy_date(), 't_sec_a'
                     FROM credit_gz.dishonesty_case WHERE title = '安全测试案例'$$, '42501', NULL,
                 'nor record a step of A''s case in A''s name');
SELECT throws_ok($$INSERT INTO credit_gz.dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
                   SELECT subject_id, case_id, 'recording', credit_gz.policy_date(), 't_sec_b'
                     FROM credit_gz.dishonesty_case WHERE title = '安全测试案例'$$, '42501', NULL,
                 'nor in its own name (谁认定、谁约谈: the determining department handles its case)');
RESET ROLE;
SELECT is((SELECT rectification_due FROM credit_gz.dishonesty_case WHERE title = '安全测试案例'),
          credit_gz.policy_date() - 1, 'B could not move A''s rectification deadline');
SELECT is((SELECT array_agg(DISTINCT status) FROM credit_gz.interview_task WHERE department_code = 't_sec_a'), ARRAY['open'],
          'nor cancel A''s interview tasks');
SELECT is((SELECT done_on FROM credit_gz.dishonesty_case_step WHERE step = 'verification' AND department_code = 't_sec_a'),
          credit_gz.policy_date() - 20, 'nor redate A''s case step');

-- Department A handles its own ------------------------------------------------------------------------------------
SET LOCAL ROLE t_sec_dept_a;
SELECT lives_ok($$INSERT INTO credit_gz.dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
                  SELECT subject_id, case_id, 'recording', credit_gz.policy_date(), 't_sec_a'
                    FROM credit_gz.dishonesty_case WHERE title = '安全测试案例'$$, 'A records the next step of its case');
SELECT is((SELECT stage FROM credit_gz.dishonesty_case WHERE title = '安全测试案例'), 'recording',
          'and the case''s stage follows');
SELECT lives_ok($$UPDATE credit_gz.interview_task SET status = 'done', done_on = credit_gz.policy_date(), outcome = '已约谈'
                   WHERE department_code = 't_sec_a'$$, 'A completes its interview tasks');
SELECT is((SELECT array_agg(DISTINCT status) FROM credit_gz.interview_task WHERE department_code = 't_sec_a'), ARRAY['done'],
          '… and they are done');
RESET ROLE;

-- Relations: added by any department in its own word, ended only by it or by the register's keeper -------------------
SET LOCAL ROLE t_sec_dept_a;
SELECT lives_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, share_pct, valid_from,
                                                  source_department_code)
                  SELECT company, holder, 'shareholder', 30, credit_gz.policy_date() - 100, 't_sec_a' FROM ids$$,
                'department A adds a shareholding its own document states');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, source_department_code)
                   SELECT company, rep, 'legal_representative', credit_gz.policy_date() - 100, 't_sec_b' FROM ids$$,
                 '42501', NULL, 'but not in department B''s word');
RESET ROLE;
SET LOCAL ROLE t_sec_amr;
SELECT lives_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, source_department_code)
                  SELECT company, rep, 'legal_representative', credit_gz.policy_date() - 100, 'market_regulation' FROM ids$$,
                'market regulation registers the legal representative');
RESET ROLE;
SET LOCAL ROLE t_sec_dept_b;
UPDATE credit_gz.relation SET valid_until = credit_gz.policy_date() WHERE related_subject_id = (SELECT holder FROM ids);
UPDATE credit_gz.relation SET valid_until = credit_gz.policy_date() WHERE related_subject_id = (SELECT rep FROM ids);
SELECT throws_ok($$DELETE FROM credit_gz.relation WHERE subject_id = (SELECT company FROM ids)$$, '42501', NULL,
                 'department B deletes no relation');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.relation, ids
            WHERE relation.subject_id = ids.company AND valid_until IS NULL), 2,
          'department B could neither end nor delete relations it did not add');
SET LOCAL ROLE t_sec_amr;
SELECT lives_ok($$UPDATE credit_gz.relation SET valid_until = credit_gz.policy_date()
                   WHERE subject_id = (SELECT company FROM ids) AND kind = 'shareholder'$$,
                'market regulation, keeper of the shareholder register, ends the shareholding A added');
RESET ROLE;
SET LOCAL ROLE t_sec_dept_a;
SELECT lives_ok($$UPDATE credit_gz.relation SET share_pct = 35
                   WHERE subject_id = (SELECT company FROM ids) AND kind = 'shareholder'$$,
                'department A changes the relation it added');
RESET ROLE;
SELECT is((SELECT ROW(share_pct, valid_until)::text FROM credit_gz.relation, ids
            WHERE relation.subject_id = ids.company AND kind = 'shareholder'),
          ROW(35.0000, credit_gz.policy_date())::text, 'both changes took');

-- Pre-check feedback: written by the pre-check alone, stamped by the server ---------------------------------------
SET LOCAL ROLE t_sec_dept_b;
SELECT throws_ok($$INSERT INTO credit_gz.measure_feedback (checked_at, department_code, subject_id, domain_code, action,
                                                           measure_code, effect, verdict, source, overridden,
                                                           override_reason, actor)
                   SELECT now() - interval '1 year', 't_sec_a', company, 'x', 'y', 'z', 'deny', 'allow', 'precheck',
                          true, 'forged override', 'someone_else' FROM ids$$,
                 '42501', NULL, 'a department cannot write pre-check feedback itself');
SELECT is((SELECT credit_gz.precheck(ids.company, 'government_procurement', 'procurement_bid') ->> 'verdict' FROM ids),
          'deny', 'its pre-check applies A''s list');
RESET ROLE;
SELECT is((SELECT pg_catalog.array_agg(DISTINCT ROW(f.actor, f.department_code, f.checked_at = now())::text)
             FROM credit_gz.measure_feedback f, ids WHERE f.subject_id = ids.company),
          ARRAY[ROW('t_sec_dept_b', 't_sec_b', true)::text],
          'and the pre-check wrote the feedback, stamped with the role, its department and the time');

SELECT * FROM finish();
ROLLBACK;
