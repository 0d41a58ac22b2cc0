-- Trust boundary, disclosure: a financial institution reads identity numbers only under the subject's
-- authorisation; the audience of the subject itself (self, 信用主体本人) belongs to the self-service portal alone,
-- for the subject it names, logged as that subject's own query; departments never read as self.
BEGIN;
SELECT plan(27);

-- Fixtures (as the extension owner) ------------------------------------------------------------------------------
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_sec_a', '安全测试甲局', 'Security test bureau A', 'municipal'),
       ('t_sec_b', '安全测试乙局', 'Security test bureau B', 'municipal');
INSERT INTO credit_gz.subject (uscc, name, kind, registered_on)
VALUES (credit_gz.uscc_make('91440113MA00T0021'), '安全测试银行', 'enterprise', '2001-01-01');
INSERT INTO credit_gz.subject (resident_id, name, kind)
VALUES (credit_gz.resident_id_make('44011319880314027'), '安全测试张三', 'natural_person'),
       (credit_gz.resident_id_make('44010619800101991'), '安全测试李四', 'natural_person');
CREATE TEMP TABLE ids AS
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = '安全测试银行') AS bank,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '安全测试张三') AS person,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '安全测试李四') AS other,
       credit_gz.resident_id_make('44011319880314027')::text AS person_id,
       credit_gz.resident_id_mask(credit_gz.resident_id_make('44011319880314027')) AS person_masked;
GRANT SELECT ON ids TO PUBLIC;
-- department B's records about the person: one public, one for authorised query only
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date,
                              severity, disclosure, publish_from, publish_until)
SELECT ids.person, i.code, (SELECT code FROM credit_gz.domain ORDER BY code LIMIT 1), 't_sec_b', v.doc,
       credit_gz.policy_date() - 10, 'general', v.level, credit_gz.policy_date() - 10, credit_gz.policy_date() + 355
  FROM ids, (VALUES ('T-SEC-PUB', 'public'), ('T-SEC-AUTH', 'authorised')) v(doc, level),
       (SELECT code FROM credit_gz.info_item WHERE polarity = 'negative' AND kind = 'penalty'
           AND NOT barred_for_natural_person ORDER BY code LIMIT 1) i;

CREATE ROLE t_sec_dept_a NOLOGIN;
CREATE ROLE t_sec_public NOLOGIN;
CREATE ROLE t_sec_agency NOLOGIN;
CREATE ROLE t_sec_bank NOLOGIN;
CREATE ROLE t_sec_portal NOLOGIN;
SELECT credit_gz.grant_department('t_sec_dept_a', 't_sec_a');
SELECT credit_gz.grant_public_reader('t_sec_public');
SELECT credit_gz.grant_credit_agency('t_sec_agency', '粤征信备案-S01');
SELECT credit_gz.grant_financial_institution('t_sec_bank', (SELECT bank FROM ids));
SELECT lives_ok($$SELECT credit_gz.grant_self_service('t_sec_portal')$$, 'grant_self_service maps the portal role');

-- A financial institution without the subject's authorisation ----------------------------------------------------
SET LOCAL ROLE t_sec_bank;
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, ids
            WHERE d.subject_id = ids.person AND d.audience = 'financial_institution'), 0,
          'disclosed_subject gives an unauthorised institution no row of the person as financial_institution');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, ids
            WHERE d.subject_id = ids.person AND d.identity_code = ids.person_id), 0,
          'nor the person''s identity number under any audience');
SELECT is((SELECT position(ids.person_id IN credit_gz.credit_report(ids.person, 'financial_institution')::text) FROM ids), 0,
          'a credit report as financial_institution carries no unmasked identity number');
SELECT is((SELECT position(ids.person_id IN credit_gz.credit_report_text(ids.person, 'financial_institution')) FROM ids), 0,
          'nor does the text report');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record d WHERE d.document_no = 'T-SEC-AUTH'), 0,
          'nor the authorised-query record');
SELECT lives_ok(format($$INSERT INTO credit_gz.authorization (subject_id, institution_id, purpose, evidence, valid_from,
                         valid_until) VALUES (%s, %s, '个人消费贷款审批', 'AUTH-SEC-1', now() - interval '1 hour',
                         now() + interval '30 days')$$, (SELECT person FROM ids), (SELECT bank FROM ids)),
                'the institution records the person''s signed authorisation');
SELECT is((SELECT credit_gz.credit_report(ids.person, 'financial_institution') -> 'subject' ->> 'identity_code' FROM ids),
          (SELECT person_id FROM ids), 'under the authorisation the report shows the identity number');
SELECT is((SELECT array_agg(d.document_no ORDER BY d.document_no) FROM credit_gz.disclosed_record d
            WHERE d.audience = 'financial_institution' AND d.document_no LIKE 'T-SEC-%'),
          ARRAY['T-SEC-AUTH', 'T-SEC-PUB'], 'and the authorised-query record');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, ids
            WHERE d.subject_id = ids.other AND d.audience = 'financial_institution'), 0,
          'still nothing of a person who did not authorise it');
RESET ROLE;

-- A credit service agency and the public: masked numbers only ---------------------------------------------------
SET LOCAL ROLE t_sec_agency;
SELECT is((SELECT credit_gz.credit_report(ids.person, 'credit_agency') -> 'subject' ->> 'identity_code' FROM ids),
          (SELECT person_masked FROM ids), 'a credit agency sees the identity number masked');
SELECT throws_ok($$SELECT credit_gz.credit_report(1, 'self')$$, '42501', NULL, 'and may not read as self');
RESET ROLE;
SET LOCAL ROLE t_sec_public;
SELECT throws_ok($$SELECT credit_gz.credit_report(1, 'self')$$, '42501', NULL, 'nor may the public');
RESET ROLE;

-- Departments never read as self ----------------------------------------------------------------------------------
SET LOCAL ROLE t_sec_dept_a;
SELECT is('self' = ANY (credit_gz.my_audiences()), false, 'a department''s audiences do not include self');
SELECT throws_ok(format($$SELECT credit_gz.credit_report(%s, 'self')$$, (SELECT person FROM ids)), '42501', NULL,
                 'a department asking as self is refused');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record d WHERE d.document_no = 'T-SEC-AUTH'), 0,
          'and sees no other department''s authorised-query record through the views');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record d WHERE d.document_no = 'T-SEC-PUB' AND d.audience = 'government'), 0,
          'it reads nothing of the person as government before it logs a read of the person');
SELECT lives_ok(format($$SELECT credit_gz.log_read(%s, 'other', '行政许可前核查', 'government')$$, (SELECT person FROM ids)),
                'the department logs its read');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record d WHERE d.document_no = 'T-SEC-PUB' AND d.audience = 'government'), 1,
          'then it reads the shared record as government');
RESET ROLE;

-- The self-service portal, for the subject it names ---------------------------------------------------------------
SET LOCAL ROLE t_sec_portal;
SELECT is(credit_gz.my_audiences(), ARRAY['public', 'self'], 'the portal reads as self (and public)');
SELECT is((SELECT credit_gz.credit_report(ids.person, 'self') -> 'subject' ->> 'identity_code' FROM ids),
          (SELECT person_id FROM ids), 'the subject''s own report shows its identity number');
SELECT is((SELECT jsonb_array_length(credit_gz.credit_report(ids.person, 'self') -> 'records') FROM ids), 2,
          'and all its records, the authorised-query one included');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record d WHERE d.audience = 'self'), 0,
          'outside a report naming the subject the portal reads nothing as self through the views');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d WHERE d.audience = 'self'), 0,
          'not even the subjects themselves');
SELECT throws_ok(format($$SELECT credit_gz.credit_report(%s, 'government')$$, (SELECT person FROM ids)), '42501', NULL,
                 'the portal may not read as government');
RESET ROLE;
SELECT is((SELECT array_agg(DISTINCT q.audience) FROM credit_gz.query_log q, ids
            WHERE q.subject_id = ids.person AND q.role_name = 't_sec_portal'), ARRAY['self'],
          'the portal''s reads are logged under the subject as its own queries (audience self)');
SELECT is((SELECT count(*)::int FROM credit_gz.query_log q, ids
            WHERE q.subject_id = ids.person AND q.role_name = 't_sec_portal' AND q.department_code IS NULL), 2,
          'in no department''s name');

SELECT * FROM finish();
ROLLBACK;
