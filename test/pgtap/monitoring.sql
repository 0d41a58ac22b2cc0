-- Monitoring views for BI tools (九, 十一, 十五): every view and column documented in Chinese and English, readable by
-- an analyst role without any table privilege, with numbers that follow the archive.
BEGIN;
SELECT plan(22);

SELECT is((SELECT count(*)::int FROM pg_class c
            WHERE c.relnamespace = 'credit_gz'::regnamespace AND c.relkind = 'v' AND c.relname LIKE 'monitor\_%'
              AND (obj_description(c.oid, 'pg_class') IS NULL
                   OR obj_description(c.oid, 'pg_class') !~ '[一-龥]' OR obj_description(c.oid, 'pg_class') !~ '[A-Za-z]{3}')),
          0, 'every monitor_* view has a Chinese and English comment');
SELECT is((SELECT count(*)::int FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
            WHERE c.relnamespace = 'credit_gz'::regnamespace AND c.relkind = 'v' AND c.relname LIKE 'monitor\_%'
              AND (col_description(c.oid, a.attnum) IS NULL
                   OR col_description(c.oid, a.attnum) !~ '[一-龥]' OR col_description(c.oid, a.attnum) !~ '[A-Za-z]{3}')),
          0, 'and every column');
SELECT cmp_ok((SELECT count(*)::int FROM pg_class c
                WHERE c.relnamespace = 'credit_gz'::regnamespace AND c.relkind = 'v' AND c.relname LIKE 'monitor\_%'),
              '>=', 6, 'at least six monitoring views');

-- Fixture: a government body (code category 机关) with a negative record in publicity, in 越秀区 through an old code.
INSERT INTO credit_gz.subject (uscc, name, registered_on)
VALUES (credit_gz.uscc_make('11440102MA00T0005'), '测试某局', '2000-01-01');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, disclosure, title)
SELECT subject_id, 'dishonest_judgment_debtor', 'court', 'T-GOV-1', credit_gz.policy_date() - 3, 'public', '拖欠账款'
  FROM credit_gz.subject WHERE name = '测试某局';
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
SELECT subject_id, 'judgment_debtor', 'court', 'T-GOV-LIST' FROM credit_gz.subject WHERE name = '测试某局';

SELECT credit_gz.objection_submit(record_id, '该款项已于判决后清偿') FROM credit_gz.record WHERE document_no = 'T-GOV-1';

CREATE ROLE t_bi NOLOGIN;
SELECT credit_gz.grant_analyst('t_bi');
SET LOCAL ROLE t_bi;
SELECT throws_ok($$SELECT count(*) FROM credit_gz.record$$, '42501', NULL, 'an analyst cannot read records');
SELECT lives_ok($$SELECT count(*) FROM credit_gz.monitor_collection$$, 'an analyst reads monitor_collection');
SELECT is((SELECT government_bodies >= 1 AND with_dishonesty >= 1 FROM credit_gz.monitor_government_dishonesty
            WHERE dimension = 'district' AND key = '越秀区'), true,
          'the 机关 with a negative record counts in 越秀区 (old code 440102)');
SELECT is((SELECT count(*)::int FROM credit_gz.monitor_government_dishonesty_case WHERE document_no = 'T-GOV-1'), 1,
          'and is listed among the cases');
SELECT is((SELECT sum(active_entries)::int FROM credit_gz.monitor_list_entries
            WHERE dimension = 'department' AND key = 'court' AND list_type_code = 'judgment_debtor')
          >= 1, true, 'list entries by determining department');
SELECT is((SELECT records >= 1 FROM credit_gz.monitor_collection
            WHERE dimension = 'department' AND key = 'court'
              AND period_start = date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date), true,
          'records collected this month by department');
SELECT is((SELECT target FROM credit_gz.monitor_data_quality WHERE metric = 'code_error_rate'), 0.00005,
          'code error rate against the 0.005% target');
SELECT lives_ok($$SELECT * FROM credit_gz.monitor_precheck_feedback$$, 'pre-check feedback');
SELECT lives_ok($$SELECT * FROM credit_gz.monitor_dishonesty_cases$$, 'dishonesty cases by stage');
SELECT lives_ok($$SELECT * FROM credit_gz.monitor_repairs$$, 'repairs with average working days');
SELECT is((SELECT domains_covered >= 20 AND meets_target FROM credit_gz.monitor_graded_supervision WHERE dimension = 'city'),
          true, 'graded supervision covers at least 20 domains (policy target)');
SELECT is((SELECT sum(subjects)::int >= 1 FROM credit_gz.monitor_grade_distribution
            WHERE dimension = 'district' AND key = '越秀区' AND model_code = 'city_comprehensive'), true,
          'grade distribution by district');
SELECT is((SELECT objections >= 1 AND open >= 1 FROM credit_gz.monitor_objections
            WHERE dimension = 'department' AND key = 'court'), true, 'objections by providing department');
RESET ROLE;

-- The same objection in reports: marked on the record for everyone, listed as a repair/objection for government only.
SELECT is((SELECT credit_gz.credit_report(subject_id, 'public') -> 'records' -> 0 ->> 'under_objection'
             FROM credit_gz.subject WHERE name = '测试某局'), 'true', 'a public report marks the record under objection');
SELECT is((SELECT credit_gz.credit_report(subject_id, 'public') ? 'repairs' FROM credit_gz.subject WHERE name = '测试某局'),
          false, 'but does not show objections and repairs');
SELECT is((SELECT credit_gz.credit_report(subject_id, 'government') -> 'repairs' -> 0 ->> 'kind'
             FROM credit_gz.subject WHERE name = '测试某局'), 'objection', 'a government report does');
SELECT is((SELECT credit_gz.credit_report(subject_id, 'government') -> 'grades' @> '[{"model_code": "city_comprehensive"}]'
             FROM credit_gz.subject WHERE name = '测试某局'), true, 'a government report carries the grades');
SELECT is((SELECT credit_gz.credit_report(subject_id, 'public') ? 'grades' FROM credit_gz.subject WHERE name = '测试某局'),
          false, 'a public report does not');
SELECT ok((SELECT credit_gz.credit_report_text(subject_id, 'government') LIKE '%异议处理中%异议%'
             FROM credit_gz.subject WHERE name = '测试某局'), 'and so does the text report');

SELECT * FROM finish();
ROLLBACK;
