-- Frozen with release 1.0: a copy of test/demo/80_disclosure.sql as of the freeze, scaled by :scale (psql -v
-- scale=..., 1 being the demo's size); its displays kept, as their reads are logged; its roles are named
-- upgrade_gen_* (the test drops them). It fills a database created at version 1.0 for the upgrade test, so it stays
-- as 1.0 could run it; test/demo/ moves on with later versions.
-- 信用信息披露与安全 (十七), 信易贷 (三(六)), 信用服务机构 (三(八)): the site's roles mapped to departments, the public,
-- a BI tool, a credit service agency and a bank; what each may see; reports, labels, and the append-only query log.
\set ON_ERROR_STOP 1
\echo ''
\echo '== 80. Disclosure and security (信用信息披露与安全): roles, row-level security, reports, labels, the query log'

\echo '-- 80.1 the extension creates no roles: the DBA maps the site''s own'
CREATE ROLE upgrade_gen_tax_app NOLOGIN;
CREATE ROLE upgrade_gen_court_app NOLOGIN;
CREATE ROLE upgrade_gen_web_public NOLOGIN;
CREATE ROLE upgrade_gen_superset NOLOGIN;
CREATE ROLE upgrade_gen_agency NOLOGIN;
CREATE ROLE upgrade_gen_bank_app NOLOGIN;
INSERT INTO credit_gz.subject (uscc, name, registered_on)
VALUES (demo.uscc('91', '440104', 900001), '广州示例商业银行股份有限公司', '1998-06-01')
RETURNING subject_id AS bank \gset
SELECT credit_gz.grant_department('upgrade_gen_tax_app', 'taxation'),
       credit_gz.grant_department('upgrade_gen_court_app', 'court'),
       credit_gz.grant_public_reader('upgrade_gen_web_public'),
       credit_gz.grant_analyst('upgrade_gen_superset'),
       credit_gz.grant_credit_agency('upgrade_gen_agency', '粤征信备案-0001'),
       credit_gz.grant_financial_institution('upgrade_gen_bank_app', :bank);
SELECT role_name, kind, department_code, institution_id, licence_no FROM credit_gz.role_grant ORDER BY grant_id;

-- The subject of the reports: a listed judgment debtor with a public penalty, an authorised-query penalty, and an
-- objection pending.
SELECT e.subject_id AS subj
  FROM credit_gz.list_entry e
 WHERE e.list_type_code = 'judgment_debtor' AND e.status = 'active' AND e.derived_from_entry_id IS NULL
 ORDER BY e.entry_id LIMIT 1 \gset
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date, severity,
                              disclosure, title, details)
VALUES (:subj, 'administrative_penalty', 'taxation', 'taxation', '穗税罚〔2026〕DEMO-1', credit_gz.policy_date() - 40, 'general',
        'public', '逾期未申报', '{"penalty_basis": "《税收征收管理法》第六十二条", "penalty_content": "罚款", "fine_amount": 2000}'),
       (:subj, 'administrative_penalty', 'taxation', 'taxation', '穗税罚〔2026〕DEMO-2', credit_gz.policy_date() - 20, 'general',
        'authorised', '发票违规', '{"penalty_basis": "《发票管理办法》第三十五条", "penalty_content": "罚款", "fine_amount": 5000}');
SELECT credit_gz.objection_submit(r.record_id, '罚款已于决定前缴纳, 申请更正') AS objection
  FROM credit_gz.record r WHERE r.document_no = '穗税罚〔2026〕DEMO-1';

\echo '-- 80.2 谁认定谁负责: the court''s app may not write in the tax bureau''s name (row-level security, 42501)'
SET ROLE upgrade_gen_court_app;
DO $$
BEGIN
    INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
    SELECT subject_id, 'administrative_penalty', 'taxation', 'FORGED-1', credit_gz.policy_date() - 1, 'general'
      FROM credit_gz.record WHERE document_no = '穗税罚〔2026〕DEMO-1';
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'refused (SQLSTATE %): %', SQLSTATE, SQLERRM;
END $$;
SELECT count(*) FILTER (WHERE document_no = '穗税罚〔2026〕DEMO-2') AS tax_authorised_record_visible_to_court,
       count(*) FILTER (WHERE document_no = '穗税罚〔2026〕DEMO-1') AS tax_public_record_visible_to_court
  FROM credit_gz.record WHERE subject_id = :subj;
RESET ROLE;

\echo '-- 80.3 the public: only the public_* views, identity numbers masked'
SET ROLE upgrade_gen_web_public;
DO $$
BEGIN
    PERFORM count(*) FROM credit_gz.subject;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'refused (SQLSTATE %): %', SQLSTATE, SQLERRM;
END $$;
SELECT subject_name, identity_code, item_name, department_code, decision_date, publish_until, under_objection
  FROM credit_gz.public_record WHERE identity_code LIKE '%*%' ORDER BY record_id LIMIT 5;
SELECT list_name, count(*) AS published_entries FROM credit_gz.public_list_entry GROUP BY 1 ORDER BY 2 DESC;
\echo '-- the public report of the debtor (the authorised-query penalty is not in it; the objection is marked)'
SELECT credit_gz.credit_report_text(:subj, 'public', '公众查询') AS "信用报告 (社会公众)";
RESET ROLE;

\echo '-- 80.4 the tax bureau''s report for its duties: its own authorised-query record, lists, objections'
SET ROLE upgrade_gen_tax_app;
SELECT credit_gz.credit_report_text(:subj, 'government', '行政许可审查') AS "信用报告 (政务部门)";
RESET ROLE;

\echo '-- 80.5 a licensed credit service agency (三(八)) reads what the rules give it, and nothing more'
SET ROLE upgrade_gen_agency;
SELECT jsonb_array_length(r -> 'records') AS records, jsonb_array_length(r -> 'list_entries') AS list_entries,
       r ? 'grades' AS sees_grades, r ? 'repairs' AS sees_repairs
  FROM (SELECT credit_gz.credit_report(:subj, 'credit_agency', '企业信用调查') AS r) x;
DO $$
BEGIN
    PERFORM credit_gz.credit_report(1, 'government');
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'refused (SQLSTATE %): %', SQLSTATE, SQLERRM;
END $$;
RESET ROLE;

\echo '-- 80.6 信易贷: labels for the bank only under the subject''s live authorisation'
SELECT set_config('demo.subj', :'subj', false), set_config('demo.bank', :'bank', false) \g /dev/null
SET ROLE upgrade_gen_bank_app;
DO $$
BEGIN
    PERFORM credit_gz.credit_labels(current_setting('demo.subj')::bigint, current_setting('demo.bank')::bigint);
EXCEPTION WHEN SQLSTATE 'CG702' THEN
    RAISE NOTICE 'refused (SQLSTATE %): %', SQLSTATE, SQLERRM;
END $$;
INSERT INTO credit_gz.authorization (subject_id, institution_id, purpose, evidence, valid_from, valid_until)
VALUES (:subj, :bank, '流动资金贷款审批', '信息查询授权书 2026-0001', now() - interval '1 hour', now() + interval '90 days');
SELECT jsonb_pretty(credit_gz.credit_labels(:subj, :bank)) AS "信易贷标签";
RESET ROLE;

\echo '-- 80.7 every read above is in the query logs; nobody can alter them (CG701), not even the superuser'
SELECT role_name, department_code, via, audience, purpose, count(*) AS reads
  FROM credit_gz.query_log WHERE role_name::text LIKE 'upgrade\_gen\_%' GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3;
SELECT via, count(*) AS reads_logged FROM credit_gz.query_log GROUP BY 1 ORDER BY 1;
-- a pre-check by a code that is not on file is a read too: logged under the code, in a table of its own
SELECT credit_gz.precheck('91440101MA0000007B', 'government_procurement', 'procurement_bid') ->> 'verdict'
       AS verdict_for_a_code_not_on_file;
DO $$
BEGIN
    DELETE FROM credit_gz.query_log WHERE role_name = 'upgrade_gen_bank_app';
EXCEPTION WHEN SQLSTATE 'CG701' THEN
    RAISE NOTICE 'refused (SQLSTATE %): %', SQLSTATE, SQLERRM;
END $$;
SELECT credit_gz.purge_query_log() AS purged_past_retention;
