-- Every read logged (十七 查询留痕): the disclosed_* views show a subject to an audience other than public and self
-- only after the reading role logged a read of it in the same transaction (credit_gz.log_read, log_reads, a report);
-- the scope is the role's own, closes with the transaction and with an aborted subtransaction.
BEGIN;
SELECT plan(17);

SET LOCAL credit_gz.query_log_mode = 'sync';
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_rs_a', '留痕测试甲局', 'Read scope test bureau A', 'municipal');
INSERT INTO credit_gz.subject (uscc, name, kind, registered_on)
VALUES (credit_gz.uscc_make('91440113MA00T0R15'), '留痕测试甲公司', 'enterprise', '2011-01-01'),
       (credit_gz.uscc_make('91440113MA00T0R23'), '留痕测试乙公司', 'enterprise', '2012-01-01');
CREATE TEMP TABLE rs AS
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = '留痕测试甲公司') AS one,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '留痕测试乙公司') AS two;
GRANT SELECT ON rs TO PUBLIC;
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date,
                              severity, disclosure, publish_from, publish_until)
SELECT s.id, i.code, (SELECT code FROM credit_gz.domain ORDER BY code LIMIT 1), 't_rs_a', 'T-RS-' || s.n,
       credit_gz.policy_date() - 10, 'general', 'government', credit_gz.policy_date() - 10, credit_gz.policy_date() + 355
  FROM (SELECT one, 1 FROM rs UNION ALL SELECT two, 2 FROM rs) s(id, n),
       (SELECT code FROM credit_gz.info_item WHERE polarity = 'negative' AND kind = 'penalty' ORDER BY code LIMIT 1) i;
CREATE ROLE t_rs_dept NOLOGIN;
CREATE ROLE t_rs_agency NOLOGIN;
SELECT credit_gz.grant_department('t_rs_dept', 't_rs_a');
SELECT credit_gz.grant_credit_agency('t_rs_agency', '粤征信备案-R01');

SET LOCAL ROLE t_rs_dept;
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record WHERE document_no LIKE 'T-RS-%'), 0,
          'without a logged read the views show a department no record, not even its own');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, rs WHERE d.subject_id IN (rs.one, rs.two)
             AND d.audience = 'government'), 0, 'nor the subjects');
SELECT ok((SELECT count(*) FROM credit_gz.public_subject) >= 0, 'the public views stay open (no logged read needed)');
SELECT throws_ok($$SELECT credit_gz.log_reads(ARRAY[1, 2]::bigint[], '  ')$$, '22023', NULL,
                 'a read of several subjects must state its purpose');
SELECT is((SELECT credit_gz.log_reads(ARRAY[rs.two, rs.one, rs.two, NULL], '双随机抽查 / inspection plan', 'government')
             FROM rs), 2, 'log_reads logs each subject once');
SELECT is((SELECT array_agg(document_no ORDER BY document_no) FROM credit_gz.disclosed_record
            WHERE document_no LIKE 'T-RS-%' AND audience = 'government'),
          ARRAY['T-RS-1', 'T-RS-2'], 'then the views show both subjects'' records as government');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_record WHERE document_no LIKE 'T-RS-%' AND audience <> 'government'),
          0, 'only for the audience the read was logged for');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.query_log q, rs
            WHERE q.subject_id IN (rs.one, rs.two) AND q.role_name = 't_rs_dept' AND q.via = 'other'
              AND q.audience = 'government' AND q.purpose = '双随机抽查 / inspection plan'
              AND q.department_code = 't_rs_a'), 2,
          'both reads are in the query log, in the department''s name');

-- another role does not inherit the scope
SET LOCAL ROLE t_rs_agency;
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, rs WHERE d.subject_id = rs.one
             AND d.audience = 'credit_agency'), 0, 'a read logged by one role opens nothing to another');
SELECT lives_ok($$SELECT credit_gz.credit_report((SELECT one FROM rs), 'credit_agency', '征信业务')$$,
                'the agency asks for a report');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, rs WHERE d.subject_id = rs.one
             AND d.audience = 'credit_agency'), 1, 'the report''s logged read opens the subject to the agency');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, rs WHERE d.subject_id = rs.two
             AND d.audience = 'credit_agency'), 0, 'and no other');

-- a read logged in an aborted subtransaction closes with it (its entry is rolled back with it in sync mode)
SAVEPOINT before_read;
SELECT lives_ok($$SELECT credit_gz.log_read((SELECT two FROM rs), 'other', '征信业务', 'credit_agency')$$,
                'a read logged in a subtransaction');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, rs WHERE d.subject_id = rs.two
             AND d.audience = 'credit_agency'), 1, 'opens the subject');
ROLLBACK TO SAVEPOINT before_read;
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, rs WHERE d.subject_id = rs.two
             AND d.audience = 'credit_agency'), 0, 'and the rollback of the subtransaction closes it again');
SAVEPOINT kept;
SELECT credit_gz.log_read((SELECT two FROM rs), 'other', '征信业务', 'credit_agency');
RELEASE SAVEPOINT kept;
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_subject d, rs WHERE d.subject_id = rs.two
             AND d.audience = 'credit_agency'), 1, 'a released subtransaction hands its read to the transaction');
RESET ROLE;
SELECT ok(credit_gz.read_scope_has((SELECT two FROM rs), 'credit_agency') IS FALSE,
          'the scope is the reading role''s: the owner has none of the agency''s');

SELECT * FROM finish();
ROLLBACK;
