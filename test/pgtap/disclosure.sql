-- Disclosure with real roles (十七, 三(六), 三(八)): each kind of role tries what it must not do and is refused with the
-- right SQLSTATE; each allowed action works. Roles are created inside the transaction and vanish with the ROLLBACK.
BEGIN;
SELECT plan(63);

-- Fixtures (as the extension owner) -------------------------------------------------------------------------
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_dept_a', '测试甲局', 'Test bureau A', 'municipal'), ('t_dept_b', '测试乙局', 'Test bureau B', 'municipal');
CREATE TEMP TABLE fx AS
SELECT (SELECT code FROM credit_gz.info_item WHERE polarity = 'negative' AND kind = 'penalty'
          AND NOT barred_for_natural_person ORDER BY code LIMIT 1) AS item,
       (SELECT code FROM credit_gz.domain ORDER BY code LIMIT 1) AS domain;
GRANT SELECT ON fx TO PUBLIC;
INSERT INTO credit_gz.subject (uscc, name, kind, registered_on)
VALUES (credit_gz.uscc_make('91440106MA00T0013'), '测试甲公司', 'enterprise', '2012-05-01'),
       (credit_gz.uscc_make('91440113MA00T0021'), '测试乙银行', 'enterprise', '2001-01-01');
INSERT INTO credit_gz.subject (resident_id, name, kind)
VALUES (credit_gz.resident_id_make('44011319880314027'), '测试张三', 'natural_person');
CREATE TEMP TABLE ids AS
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = '测试甲公司') AS company,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '测试乙银行') AS bank,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '测试张三') AS person;
GRANT SELECT ON ids TO PUBLIC;
-- Records of department B: one public, one for authorised query only; one public record about the person.
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date,
                              severity, disclosure, publish_from, publish_until)
SELECT ids.company, fx.item, fx.domain, 't_dept_b', 'T-B-PUB', credit_gz.policy_date() - 10, 'general', 'public',
       credit_gz.policy_date() - 10, credit_gz.policy_date() + 355 FROM ids, fx
UNION ALL
SELECT ids.company, fx.item, fx.domain, 't_dept_b', 'T-B-AUTH', credit_gz.policy_date() - 9, 'general', 'authorised',
       credit_gz.policy_date() - 9, credit_gz.policy_date() + 356 FROM ids, fx
UNION ALL
SELECT ids.person, fx.item, fx.domain, 't_dept_b', 'T-B-PERSON', credit_gz.policy_date() - 8, 'general', 'public',
       credit_gz.policy_date() - 8, credit_gz.policy_date() + 357 FROM ids, fx;

CREATE ROLE t_dept_a_app NOLOGIN;
CREATE ROLE t_dept_b_app NOLOGIN;
CREATE ROLE t_public NOLOGIN;
CREATE ROLE t_analyst NOLOGIN;
CREATE ROLE t_agency NOLOGIN;
CREATE ROLE t_bank_app NOLOGIN;
CREATE ROLE t_clerk LOGIN IN ROLE t_dept_a_app;          -- a login role inheriting department A
SELECT lives_ok($$SELECT credit_gz.grant_department('t_dept_a_app', 't_dept_a')$$, 'grant_department');
SELECT lives_ok($$SELECT credit_gz.grant_department('t_dept_b_app', 't_dept_b')$$, 'grant_department (B)');
SELECT lives_ok($$SELECT credit_gz.grant_public_reader('t_public')$$, 'grant_public_reader');
SELECT lives_ok($$SELECT credit_gz.grant_analyst('t_analyst')$$, 'grant_analyst');
SELECT lives_ok($$SELECT credit_gz.grant_credit_agency('t_agency', '粤征信备案-T01')$$, 'grant_credit_agency');
SELECT lives_ok(format($$SELECT credit_gz.grant_financial_institution('t_bank_app', %s)$$, (SELECT bank FROM ids)),
                'grant_financial_institution');
SELECT throws_ok($$SELECT credit_gz.grant_department('t_dept_a_app', 'no_such_dept')$$, '23503', NULL,
                 'granting an unknown department is refused');
SELECT lives_ok($$SELECT credit_gz.grant_department('t_dept_a_app', 't_dept_a')$$, 'granting twice is harmless');

-- A department (through an inheriting login role) -----------------------------------------------------------------
SET LOCAL ROLE t_clerk;
SELECT is(credit_gz.my_departments(), ARRAY['t_dept_a'], 'the clerk acts for department A through membership');
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no,
                                                decision_date, severity, disclosure)
                  SELECT ids.company, fx.item, fx.domain, 't_dept_a', 'T-A-1', credit_gz.policy_date() - 5, 'general', 'government'
                    FROM ids, fx$$, 'a department writes its own record');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no,
                                                 decision_date, severity, disclosure)
                   SELECT ids.company, fx.item, fx.domain, 't_dept_b', 'T-A-FORGED', credit_gz.policy_date() - 5, 'general', 'public'
                     FROM ids, fx$$, '42501', NULL, 'but not a record in another department''s name (谁认定谁负责)');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no = 'T-B-AUTH'), 0,
          'another department''s authorised-query record is invisible');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no IN ('T-B-PUB', 'T-B-PERSON')), 2,
          'another department''s public records are shared');
UPDATE credit_gz.record SET disclosure = 'archived' WHERE document_no = 'T-B-PUB';
DELETE FROM credit_gz.record WHERE document_no = 'T-B-PUB';
RESET ROLE;
SELECT is((SELECT disclosure FROM credit_gz.record WHERE document_no = 'T-B-PUB'), 'public',
          'a department cannot update or delete another department''s record');
SET LOCAL ROLE t_dept_a_app;
SELECT throws_ok($$UPDATE credit_gz.record SET department_code = 't_dept_b' WHERE document_no = 'T-A-1'$$, '42501', NULL,
                 'nor hand its own record over to another department');
SELECT throws_ok($$UPDATE credit_gz.query_log SET purpose = 'x'$$, '42501', NULL, 'a department cannot alter the query log');
SELECT throws_ok($$DELETE FROM credit_gz.query_log$$, '42501', NULL, 'nor delete from it');
SELECT is((SELECT credit_gz.credit_report(ids.company, 'government') -> 'records' FROM ids) @> '[{"document_no": "T-A-1"}]',
          true, 'its government report shows its own record');
SELECT is(jsonb_array_length((SELECT credit_gz.credit_report(ids.company, 'government') -> 'records' FROM ids)), 2,
          'and the shared one, not B''s authorised-query record');
SELECT throws_ok($$SELECT credit_gz.credit_report(1, 'financial_institution')$$, '42501', NULL,
                 'a department may not read as a financial institution');
RESET ROLE;
SET LOCAL ROLE t_dept_b_app;
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no = 'T-B-AUTH'), 1,
          'the determining department sees its own authorised-query record');
RESET ROLE;

-- Lists (联合奖惩) --------------------------------------------------------------------------------------------------
SET LOCAL ROLE t_dept_b_app;
SELECT lives_ok($$INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
                  SELECT ids.company, 'judgment_debtor', 't_dept_b', '(2026)粤01执T号' FROM ids$$,
                'a department lists a subject in its own name');
SELECT throws_ok($$INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
                   SELECT ids.company, 'key_attention', 't_dept_a', 'FORGED' FROM ids$$,
                 '42501', NULL, 'but not in another department''s name');
RESET ROLE;
SET LOCAL ROLE t_dept_a_app;
SELECT lives_ok($$INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
                  SELECT ids.company, 'key_attention', 't_dept_a', 'T-A-KEY' FROM ids$$,
                'department A puts the subject on its key-attention list');
UPDATE credit_gz.list_entry SET status = 'lifted', status_reason = 'forged' WHERE basis_document = '(2026)粤01执T号';
SELECT is((SELECT status FROM credit_gz.list_entry WHERE basis_document = '(2026)粤01执T号'), 'active',
          'another department''s entry is read but cannot be lifted');
SELECT is((SELECT credit_gz.precheck(ids.company, 'government_procurement', 'procurement_bid') ->> 'verdict' FROM ids),
          'deny', 'a pre-check by department A applies department B''s list');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.query_log q, ids
            WHERE q.via = 'precheck' AND q.subject_id = ids.company AND q.role_name = 't_dept_a_app'
              AND q.department_code = 't_dept_a'), 1, 'and the pre-check read is logged with role and department');

-- The public -------------------------------------------------------------------------------------------------------
SET LOCAL ROLE t_public;
SELECT throws_ok($$SELECT count(*) FROM credit_gz.record$$, '42501', NULL, 'the public cannot read the record table');
SELECT throws_ok($$SELECT resident_id FROM credit_gz.subject$$, '42501', NULL,
                 'nor the subject table (unmasked identity numbers)');
SELECT throws_ok($$SELECT count(*) FROM credit_gz.disclosed_record$$, '42501', NULL, 'nor the disclosed_* views');
SELECT is((SELECT identity_code FROM credit_gz.public_record WHERE document_no = 'T-B-PERSON'),
          (SELECT credit_gz.resident_id_mask(credit_gz.resident_id_make('44011319880314027'))),
          'public_record shows the person''s identity number masked');
SELECT is((SELECT array_agg(document_no ORDER BY document_no) FROM credit_gz.public_record
            WHERE document_no LIKE 'T-%'), ARRAY['T-B-PERSON', 'T-B-PUB'],
          'the public sees published records only (not government-shared or authorised ones)');
SELECT is((SELECT credit_gz.credit_report(ids.person, 'public') -> 'subject' ->> 'identity_code' FROM ids),
          (SELECT credit_gz.resident_id_mask(credit_gz.resident_id_make('44011319880314027'))),
          'a public report masks the identity number');
SELECT throws_ok($$SELECT credit_gz.credit_report(1, 'government')$$, '42501', NULL,
                 'the public may not read as government');
SELECT is((SELECT array_agg(list_type_code ORDER BY list_type_code) FROM credit_gz.public_list_entry, ids
            WHERE public_list_entry.subject_id = ids.company), ARRAY['judgment_debtor'],
          'the public sees the judgment-debtor listing, not the key-attention list');
SELECT throws_ok($$SELECT count(*) FROM credit_gz.list_entry$$, '42501', NULL, 'and has no access to list entries');
SELECT throws_ok($$SELECT credit_gz.precheck(1, 'government_procurement', 'procurement_bid')$$, '42501', NULL,
                 'nor to pre-checks');
SELECT throws_ok($$SELECT credit_gz.credit_report(1, 'nobody')$$, '22023', NULL, 'an unknown audience is refused');
SELECT throws_ok($$UPDATE credit_gz.query_log SET purpose = 'x'$$, '42501', NULL, 'the public cannot alter the query log');
RESET ROLE;

-- A BI analyst ------------------------------------------------------------------------------------------------------
SET LOCAL ROLE t_analyst;
SELECT throws_ok($$SELECT count(*) FROM credit_gz.record$$, '42501', NULL, 'an analyst cannot read records');
SELECT lives_ok($$SELECT count(*) FROM credit_gz.public_record$$, 'an analyst reads the public views');
RESET ROLE;

-- A licensed credit service agency (三(八)) ---------------------------------------------------------------------------
SET LOCAL ROLE t_agency;
SELECT is((SELECT jsonb_array_length(credit_gz.credit_report(ids.company, 'credit_agency') -> 'records') FROM ids), 1,
          'a credit service agency reads what the disclosure rules give it (published records)');
SELECT is((SELECT credit_gz.credit_report(ids.person, 'credit_agency') -> 'subject' ->> 'identity_code' FROM ids),
          (SELECT credit_gz.resident_id_mask(credit_gz.resident_id_make('44011319880314027'))),
          'masked identity numbers');
SELECT throws_ok($$SELECT credit_gz.credit_report(1, 'government')$$, '42501', NULL, 'and nothing more');
SELECT throws_ok($$SELECT count(*) FROM credit_gz.subject$$, '42501', NULL, 'no table access');
RESET ROLE;

-- A financial institution (三(六) 信易贷) -----------------------------------------------------------------------------
SET LOCAL ROLE t_bank_app;
SELECT throws_ok(format('SELECT credit_gz.credit_labels(%s, %s)', (SELECT company FROM ids), (SELECT bank FROM ids)),
                 'CG702', NULL, 'no labels without the subject''s authorisation');
SELECT throws_ok(format($$INSERT INTO credit_gz.authorization (subject_id, institution_id, purpose, evidence, valid_from,
                          valid_until) VALUES (%s, %s, '贷款', 'X', now(), now() + interval '1 day')$$,
                        (SELECT bank FROM ids), (SELECT company FROM ids)),
                 '42501', NULL, 'an institution cannot record an authorisation given to someone else');
SELECT lives_ok(format($$INSERT INTO credit_gz.authorization (subject_id, institution_id, purpose, evidence, valid_from,
                         valid_until) VALUES (%s, %s, '流动资金贷款审批', 'AUTH-T-1', now() - interval '1 hour',
                         now() + interval '90 days')$$, (SELECT company FROM ids), (SELECT bank FROM ids)),
                'it records the authorisation the subject signed');
SELECT is((SELECT (credit_gz.credit_labels(ids.company, ids.bank) ->> 'negative_in_publicity')::int FROM ids), 2,
          'under a live authorisation it gets labels (public and authorised-query records counted)');
SELECT is((SELECT credit_gz.credit_labels(ids.company, ids.bank) -> 'punishment_lists' FROM ids), '["judgment_debtor"]'::jsonb,
          'with the punishment lists (not the government-only key-attention list)');
SELECT throws_ok(format('SELECT credit_gz.credit_labels(%s, %s)', (SELECT company FROM ids), (SELECT company FROM ids)),
                 '42501', NULL, 'but only for the institution it acts for');
SELECT throws_ok($$DELETE FROM credit_gz.query_log$$, '42501', NULL, 'it cannot alter the query log');
RESET ROLE;
UPDATE credit_gz.authorization SET revoked_at = now() - interval '1 minute' WHERE evidence = 'AUTH-T-1';
SET LOCAL ROLE t_bank_app;
SELECT throws_ok(format('SELECT credit_gz.credit_labels(%s, %s)', (SELECT company FROM ids), (SELECT bank FROM ids)),
                 'CG702', NULL, 'a withdrawn authorisation ends access');
RESET ROLE;

-- Every read was logged, in the name of the role that read ---------------------------------------------------------
SELECT is((SELECT array_agg(DISTINCT role_name::text ORDER BY role_name::text) FROM credit_gz.query_log
            WHERE role_name::text LIKE 't\_%'),
          ARRAY['t_agency', 't_bank_app', 't_dept_a_app', 't_public'],
          'reports and labels were logged under the reading roles');
SELECT is((SELECT department_code FROM credit_gz.query_log WHERE role_name = 't_dept_a_app' LIMIT 1), 't_dept_a',
          'with the department the role acts for');

-- Row-level security with the cached my_departments(): a grant change takes effect at once, in this transaction --
SET LOCAL ROLE t_dept_b_app;
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no = 'T-B-AUTH'), 1,
          'department B reads its own authorised-query record');
RESET ROLE;
SELECT lives_ok($$SELECT credit_gz.grant_department('t_dept_b_app', 't_dept_a')$$, 'B also acts for A now');
SET LOCAL ROLE t_dept_b_app;
SELECT is(credit_gz.my_departments(), ARRAY['t_dept_a', 't_dept_b'], 'the new grant counts from the next statement');
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no,
                                                decision_date, severity, disclosure)
                  SELECT ids.company, fx.item, fx.domain, 't_dept_a', 'T-B-AS-A', credit_gz.policy_date() - 5, 'general', 'public'
                    FROM ids, fx$$, '… so B may write in A''s name');
RESET ROLE;
DELETE FROM credit_gz.role_grant WHERE role_name = 't_dept_b_app';
SET LOCAL ROLE t_dept_b_app;
SELECT is(credit_gz.my_departments(), '{}'::text[], 'a withdrawn grant is forgotten at once');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no IN ('T-B-AUTH', 'T-B-PUB')), 0,
          '… and the role reads no record any more, not even its department''s former ones');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no,
                                                 decision_date, severity, disclosure)
                   SELECT ids.company, fx.item, fx.domain, 't_dept_b', 'T-B-GONE', credit_gz.policy_date() - 5, 'general', 'public'
                     FROM ids, fx$$, '42501', NULL, '… nor writes one');
RESET ROLE;
SET LOCAL ROLE t_dept_a_app;
-- a parallel scan evaluates the policy in the workers too (their own caches)
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no IN ('T-B-AUTH', 'T-B-PUB', 'T-A-1')), 2,
          'department A still sees its own and B''s public record, not B''s authorised one, in a parallel scan');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
