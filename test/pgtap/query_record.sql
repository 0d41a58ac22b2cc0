-- 查询记录: a subject reading its own report through the self-service portal sees who read it (audience, department
-- or institution, purpose, date) and nothing else of the query log; log_read names only a department the role acts
-- for.
BEGIN;
SELECT plan(16);

-- Fixtures (as the extension owner) ------------------------------------------------------------------------------
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_qr_a', '查询记录测试甲局', 'Query record test bureau A', 'municipal'),
       ('t_qr_b', '查询记录测试乙局', 'Query record test bureau B', 'municipal');
INSERT INTO credit_gz.subject (uscc, name, kind, registered_on)
VALUES (credit_gz.uscc_make('91440113MA00T003X'), '查询记录测试银行', 'enterprise', '2001-01-01');
INSERT INTO credit_gz.subject (resident_id, name, kind)
VALUES (credit_gz.resident_id_make('44011319880314027'), '查询记录测试张三', 'natural_person'),
       (credit_gz.resident_id_make('44010619800101991'), '查询记录测试李四', 'natural_person');
CREATE TEMP TABLE ids AS
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = '查询记录测试银行') AS bank,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '查询记录测试张三') AS person,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '查询记录测试李四') AS other;
GRANT SELECT ON ids TO PUBLIC;
INSERT INTO credit_gz.authorization (subject_id, institution_id, purpose, evidence, valid_from, valid_until)
SELECT person, bank, '个人消费贷款审批', 'AUTH-QR-1', now() - interval '1 hour', now() + interval '30 days' FROM ids;

CREATE ROLE t_qr_dept_a NOLOGIN;
CREATE ROLE t_qr_bank NOLOGIN;
CREATE ROLE t_qr_portal NOLOGIN;
SELECT credit_gz.grant_department('t_qr_dept_a', 't_qr_a');
SELECT credit_gz.grant_financial_institution('t_qr_bank', (SELECT bank FROM ids));
SELECT credit_gz.grant_self_service('t_qr_portal');

-- Others read the person (and one reads someone else) ----------------------------------------------------------
SET LOCAL ROLE t_qr_dept_a;
SELECT lives_ok(format($$SELECT credit_gz.credit_report(%s, 'government', '行政审批核查')$$, (SELECT person FROM ids)),
                'a department reads the person''s report');
SELECT lives_ok(format($$SELECT credit_gz.credit_report(%s, 'government', '其他主体核查')$$, (SELECT other FROM ids)),
                'and another person''s');
-- log_read names the department the role acts for, never another
SELECT throws_ok(format($$SELECT credit_gz.log_read(%s, 'other', '冒名查询', 'government', 't_qr_b')$$,
                        (SELECT person FROM ids)), '42501', NULL,
                 'log_read refuses a department the role does not act for');
SELECT lives_ok(format($$SELECT credit_gz.log_read(%s, 'other', '本部门查询', 'government', 't_qr_a')$$,
                       (SELECT person FROM ids)), 'and takes the one it acts for');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.query_log q, ids
            WHERE q.subject_id = ids.person AND q.department_code = 't_qr_b'), 0,
          'no entry names the department the role does not act for');

SET LOCAL ROLE t_qr_bank;
SELECT lives_ok(format($$SELECT credit_gz.credit_labels(%s, %s)$$, (SELECT person FROM ids), (SELECT bank FROM ids)),
                'the authorised bank reads the person''s labels');
RESET ROLE;

-- The portal, as the person -------------------------------------------------------------------------------------
SET LOCAL ROLE t_qr_portal;
SELECT throws_ok($$SELECT count(*) FROM credit_gz.query_log$$, '42501', NULL, 'the portal cannot read the query log');
SELECT is((SELECT count(*)::int FROM credit_gz.my_query_record), 0, 'outside a self report the query record is empty');
CREATE TEMP TABLE rep AS
SELECT credit_gz.credit_report(ids.person, 'self', '本人查询') -> 'query_records' AS qr FROM ids;
SELECT is((SELECT jsonb_typeof(qr) FROM rep), 'array', 'the self report carries the query record');
SELECT results_eq($$SELECT e ->> 'audience', e ->> 'department_code', (e ->> 'institution_id')::bigint, e ->> 'purpose'
                      FROM rep, jsonb_array_elements(rep.qr) e
                     WHERE e ->> 'audience' <> 'self' ORDER BY e ->> 'purpose'$$,
                  format($$VALUES ('financial_institution', NULL::text, %s::bigint, '个人消费贷款审批'),
                                  ('government', 't_qr_a', NULL, '本部门查询'),
                                  ('government', 't_qr_a', NULL, '行政审批核查')$$, (SELECT bank FROM ids)),
                  'who read it: audience, department or institution, purpose');
SELECT is((SELECT count(*)::int FROM rep, jsonb_array_elements(rep.qr) e
            WHERE (e ->> 'queried_on')::date = now()::date), (SELECT jsonb_array_length(qr) FROM rep),
          'each with its date');
SELECT is((SELECT array_agg(DISTINCT k ORDER BY k) FROM rep, jsonb_array_elements(rep.qr) e, jsonb_object_keys(e) k),
          ARRAY['audience', 'department_code', 'institution_id', 'purpose', 'queried_on'],
          'and nothing else of the log (no role, session, domain or verdict)');
SELECT is((SELECT count(*)::int FROM rep, jsonb_array_elements(rep.qr) e WHERE e ->> 'purpose' = '其他主体核查'), 0,
          'no read of another subject');
SELECT is((SELECT count(*)::int FROM credit_gz.my_query_record), 0, 'after the report the query record is empty again');
SELECT is((SELECT jsonb_array_length(credit_gz.credit_report(ids.other, 'self') -> 'query_records') FROM ids)
            OPERATOR(pg_catalog.>=) 1, true, 'the other person''s own report lists its own reads');
SELECT is((SELECT count(*)::int FROM jsonb_array_elements((SELECT credit_gz.credit_report(ids.other, 'self')
                                                                   -> 'query_records' FROM ids)) e
            WHERE e ->> 'purpose' IN ('行政审批核查', '本部门查询', '个人消费贷款审批')), 0,
          'and none of the person''s');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
