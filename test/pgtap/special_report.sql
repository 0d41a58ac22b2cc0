-- 专项信用报告 (信用代证, 发改财金〔2025〕565号): the report's sections per subject kind, the period and domain filters,
-- 简易程序 penalties, content fixed at issue, verification of a genuine, a tampered and an unknown report, who may
-- issue, the read logged, and the issued reports never changed (CG703).
BEGIN;
SELECT plan(49);

-- Fixtures (as the extension owner) ------------------------------------------------------------------------------
CREATE FUNCTION pg_temp.uscc(n int) RETURNS credit_gz.uscc LANGUAGE sql AS $$
    SELECT credit_gz.uscc_make('91440101' || body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT b AS body, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM (SELECT 'MR' || lpad(n::text, 6, '0') AS b) x,
                   unnest(regexp_split_to_array(x.b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w) GROUP BY b) s
$$;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_sr_court', '专项报告测试法院', 'special report test court', 'judicial'),
       ('t_sr_bureau', '专项报告测试局', 'special report test bureau', 'municipal');
INSERT INTO credit_gz.subject (subject_id, uscc, name, kind, registered_on)
VALUES (990101, pg_temp.uscc(1), '专项报告测试公司', 'enterprise', '2010-05-01'),
       (990102, pg_temp.uscc(2), '专项报告守法公司', 'enterprise', '2012-01-01');
INSERT INTO credit_gz.subject (subject_id, resident_id, name, kind)
VALUES (990103, credit_gz.resident_id_make('44010619800101991'), '专项报告测试张三', 'natural_person');
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
VALUES (990101, 990103, 'legal_representative', credit_gz.policy_date() - 400);
-- in the period (the last 180 days): a simple-procedure penalty (construction), a general one in a sub-domain of
-- logistics, one in taxation (outside the domains asked), a coercion, a criminal judgment (no domain); before the
-- period: a penalty; a revoked one in the period
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date, severity,
                              title, details) VALUES
    (990101, 'administrative_penalty', 'construction', 't_sr_bureau', '穗测罚〔2026〕1号', credit_gz.policy_date() - 30,
     'minor', '未按规定设置安全警示标志', '{"procedure": "simple", "content": "警告"}'),
    (990101, 'administrative_penalty', 'road_freight', 't_sr_bureau', '穗测罚〔2026〕2号', credit_gz.policy_date() - 40,
     'general', '超限运输', '{"content": "罚款5000元"}'),
    (990101, 'administrative_penalty', 'taxation', 't_sr_bureau', '穗测罚〔2026〕3号', credit_gz.policy_date() - 50,
     'general', '逾期申报', NULL),
    (990101, 'administrative_coercion', 'construction', 't_sr_bureau', '穗测强〔2026〕1号', credit_gz.policy_date() - 20,
     NULL, '查封施工设备', NULL),
    (990101, 'criminal_judgment', NULL, 't_sr_court', '(2026)粤01刑初9号', credit_gz.policy_date() - 10, NULL,
     '重大责任事故罪', NULL),
    (990101, 'administrative_penalty', 'construction', 't_sr_bureau', '穗测罚〔2025〕9号', credit_gz.policy_date() - 300,
     'general', '期间之前的处罚', NULL),
    (990101, 'administrative_penalty', 'construction', 't_sr_bureau', '穗测罚〔2026〕4号', credit_gz.policy_date() - 60,
     'general', '已撤销的处罚', NULL);
UPDATE credit_gz.record SET status = 'revoked' WHERE document_no = '穗测罚〔2026〕4号';
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
VALUES (990101, 'judgment_debtor', 't_sr_court', '(2026)粤01执9号', credit_gz.policy_date() - 15),
       (990101, 'abnormal_operations', 't_sr_bureau', '穗测异〔2026〕1号', credit_gz.policy_date() - 15);
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date, severity)
VALUES (990103, 'administrative_penalty', 'construction', 't_sr_bureau', '穗测罚〔2026〕5号', credit_gz.policy_date() - 5,
        'general');

CREATE TEMP TABLE period AS SELECT daterange(credit_gz.policy_date() - 180, credit_gz.policy_date() + 1) AS p;
GRANT SELECT ON period TO PUBLIC;

-- ---- the report on an organisation ---------------------------------------------------------------------------------
CREATE TEMP TABLE r1 AS
SELECT credit_gz.special_credit_report(990101, (SELECT p FROM period), ARRAY['construction', 'logistics'],
                                       '投标资格审查') AS j;
SELECT is((SELECT j #>> '{cover,report_kind}' FROM r1), 'legal_person', 'an organisation gets the legal-person report');
SELECT ok((SELECT j #>> '{cover,subtitle}' FROM r1) LIKE '%法人和非法人组织%', 'so its cover says');
SELECT ok((SELECT j ? 'notes' AND j ? 'overview' AND j ? 'sections' FROM r1),
          'cover, notes, overview and detail sections (公共信用信息报告标准(2022年版))');
SELECT is((SELECT j #>> '{overview,basic_information,legal_representative}' FROM r1), '专项报告测试张三',
          'the overview names the legal representative');
SELECT is(ARRAY(SELECT s ->> 'code' FROM r1, jsonb_array_elements(j -> 'sections') s),
          ARRAY['administrative_penalty', 'administrative_coercion', 'serious_dishonesty_list', 'criminal_judgment'],
          'the four sections of 565号, in order');
SELECT set_eq($$SELECT e ->> 'document_no' FROM r1, jsonb_array_elements(j -> 'sections') s,
                       jsonb_array_elements(s -> 'entries') e WHERE s ->> 'code' = 'administrative_penalty'$$,
              ARRAY['穗测罚〔2026〕1号', '穗测罚〔2026〕2号'],
              'penalties in the period and the domains (a sub-domain counts for its parent); not the earlier one, the '
              'other domain or the revoked one');
SELECT is((SELECT (e ->> 'simple_procedure')::boolean FROM r1, jsonb_array_elements(j -> 'sections') s,
                  jsonb_array_elements(s -> 'entries') e WHERE e ->> 'document_no' = '穗测罚〔2026〕1号'), true,
          'a summary-procedure penalty is listed and marked 简易程序');
SELECT is((SELECT (j #>> '{overview,summary,simple_procedure_penalties}')::int FROM r1), 1,
          'and counted in the summary');
SELECT is((SELECT (j #>> '{overview,summary,administrative_coercion}')::int FROM r1), 1, 'the coercion is listed');
SELECT is((SELECT (j #>> '{overview,summary,criminal_judgment}')::int FROM r1), 1,
          'the criminal judgment (of no domain) is listed for every domain');
SELECT is(ARRAY(SELECT e ->> 'list_type' FROM r1, jsonb_array_elements(j -> 'sections') s,
                       jsonb_array_elements(s -> 'entries') e WHERE s ->> 'code' = 'serious_dishonesty_list'),
          ARRAY['judgment_debtor'], 'the serious dishonesty list entry; the abnormal-operations list is not one');
SELECT ok((SELECT j #>> '{overview,statement}' FROM r1) LIKE '%发现该主体的违法违规信息%',
          'the overview states that violations were found');
SELECT matches((SELECT j ->> 'report_no' FROM r1), '^GZZX[0-9]{16}$', 'a report number');
SELECT matches((SELECT j ->> 'verification_code' FROM r1), '^[0-9A-F]{12}$', 'and a verification code');
SELECT is((SELECT j #>> '{cover,report_no}' FROM r1), (SELECT j ->> 'report_no' FROM r1), 'printed on the cover');
SELECT is((SELECT issued_on FROM credit_gz.issued_credit_report WHERE report_no = (SELECT j ->> 'report_no' FROM r1)),
          credit_gz.policy_date(), 'issued on the policy date');
SELECT is((SELECT issued_to FROM credit_gz.issued_credit_report WHERE report_no = (SELECT j ->> 'report_no' FROM r1)),
          'platform', 'by the platform (the credit administrator)');
SELECT ok((SELECT credit_gz.special_report_text(j) FROM r1) LIKE '%三、行政处罚信息（含简易程序）%[简易程序]%',
          'the readable text has the sections and marks the summary procedure');

-- ---- a natural person, a subject with nothing in the period ---------------------------------------------------------
CREATE TEMP TABLE r2 AS SELECT credit_gz.special_credit_report(990103, (SELECT p FROM period)) AS j;
SELECT is((SELECT j #>> '{cover,report_kind}' FROM r2), 'natural_person', 'a natural person gets the natural-person report');
SELECT ok((SELECT NOT (j -> 'overview' -> 'basic_information') ? 'legal_representative' FROM r2),
          'without the organisation''s fields');
SELECT ok((SELECT j #>> '{cover,identity_code}' FROM r2) LIKE '%*%', 'and its identity number masked');
SELECT is((SELECT (j #>> '{overview,summary,administrative_penalty}')::int FROM r2), 1, 'its penalty is listed');
SELECT ok((credit_gz.special_credit_report(990102, (SELECT p FROM period)) #>> '{overview,statement}') LIKE '%未发现%',
          'a subject with nothing in the period: the report says none was found');

-- ---- content fixed at issue ----------------------------------------------------------------------------------------
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date, severity)
VALUES (990101, 'administrative_penalty', 'construction', 't_sr_bureau', '穗测罚〔2026〕6号', credit_gz.policy_date() - 1,
        'general');
SELECT is((SELECT content FROM credit_gz.issued_credit_report WHERE report_no = (SELECT j ->> 'report_no' FROM r1)),
          (SELECT j FROM r1), 'a later record does not change the issued report');
SELECT is((credit_gz.special_credit_report(990101, (SELECT p FROM period), ARRAY['construction', 'logistics'])
           #>> '{overview,summary,administrative_penalty}')::int, 3, 'a new report has it');
SELECT is((SELECT count(*)::int FROM credit_gz.special_report_section WHERE shipped), 4,
          'the sections are shipped as data (credit_gz.special_report_section)');

-- ---- verification ----------------------------------------------------------------------------------------------------
CREATE TEMP TABLE v AS
SELECT credit_gz.verify_credit_report(j ->> 'report_no', j ->> 'verification_code') AS genuine,
       credit_gz.verify_credit_report(j ->> 'report_no', lower(j ->> 'verification_code'), j) AS genuine_copy,
       credit_gz.verify_credit_report(j ->> 'report_no', 'ABCDEF012345') AS wrong_code,
       credit_gz.verify_credit_report('GZZX2000010100000001', 'ABCDEF012345') AS unknown,
       credit_gz.verify_credit_report(j ->> 'report_no', j ->> 'verification_code',
                                      jsonb_set(j, '{overview,statement}', '"无违法违规记录"')) AS changed_copy
  FROM r1;
SELECT is((SELECT genuine ->> 'status' FROM v), 'genuine', 'a genuine report verifies');
SELECT is((SELECT genuine -> 'period' FROM v), (SELECT j -> 'period' FROM r1), 'telling the period it covered');
SELECT is((SELECT genuine -> 'domains' FROM v), '["construction", "logistics"]'::jsonb, 'the domains');
SELECT is((SELECT (genuine ->> 'issued_at')::timestamptz FROM v), now(), 'and when it was issued');
SELECT is((SELECT genuine_copy ->> 'status' FROM v), 'genuine', 'the unchanged copy verifies too (code case-blind)');
SELECT is((SELECT changed_copy ->> 'status' FROM v), 'tampered', 'a changed copy is tampered');
SELECT is((SELECT wrong_code ->> 'status' FROM v), 'unknown', 'a wrong verification code: unknown');
SELECT is((SELECT unknown ->> 'status' FROM v), 'unknown', 'an unknown number: unknown');
SELECT ok((SELECT NOT (unknown ? 'subject_name') AND NOT (wrong_code ? 'subject_name') FROM v),
          'and nothing of any report is told then');
-- the stored content changed behind the guard (a superuser replicating it away) is found out
SET LOCAL session_replication_role = replica;
UPDATE credit_gz.issued_credit_report
   SET content = jsonb_set(content, '{overview,statement}', '"无违法违规记录"')
 WHERE report_no = (SELECT j ->> 'report_no' FROM r1);
SET LOCAL session_replication_role = origin;
SELECT is(credit_gz.verify_credit_report((SELECT j ->> 'report_no' FROM r1), (SELECT j ->> 'verification_code' FROM r1))
          ->> 'status', 'tampered', 'a tampered stored report is refused');
SELECT throws_ok($$UPDATE credit_gz.issued_credit_report SET issued_by = 'x'$$, 'CG703', NULL,
                 'issued reports are never updated');
SELECT throws_ok($$DELETE FROM credit_gz.issued_credit_report$$, 'CG703', NULL, 'nor deleted');

-- ---- bad input ---------------------------------------------------------------------------------------------------------
SELECT throws_ok($$SELECT credit_gz.special_credit_report(990101, daterange(credit_gz.policy_date() - 10,
                                                                             credit_gz.policy_date() + 10))$$,
                 '22023', NULL, 'a period reaching past today is refused');
SELECT throws_ok($$SELECT credit_gz.special_credit_report(990101, daterange(NULL, credit_gz.policy_date()))$$,
                 '22023', NULL, 'an unbounded period is refused');
SELECT throws_ok($$SELECT credit_gz.special_credit_report(990101, (SELECT p FROM period), ARRAY['constructio'])$$,
                 '22023', 'unknown domain "constructio"', 'an unknown domain is refused');
SELECT throws_ok($$SELECT credit_gz.special_credit_report(-1, (SELECT p FROM period))$$, '22023', NULL,
                 'a subject not in the archive is refused');

-- ---- who issues, and the reads logged --------------------------------------------------------------------------------
CREATE ROLE t_sr_portal NOLOGIN;
CREATE ROLE t_sr_dept NOLOGIN;
CREATE ROLE t_sr_bank NOLOGIN;
SELECT credit_gz.grant_self_service('t_sr_portal');
SELECT credit_gz.grant_department('t_sr_dept', 't_sr_bureau');
SELECT credit_gz.grant_financial_institution('t_sr_bank', 990102);
SET LOCAL ROLE t_sr_portal;
CREATE TEMP TABLE r3 AS SELECT credit_gz.special_credit_report(990102, (SELECT p FROM period), NULL, '本人申请') AS j;
GRANT SELECT ON r3 TO PUBLIC;
RESET ROLE;
SELECT is((SELECT issued_to || '/' || issued_by FROM credit_gz.issued_credit_report
            WHERE report_no = (SELECT j ->> 'report_no' FROM r3)), 'self/t_sr_portal',
          'the self-service portal issues to the subject');
SELECT is((SELECT audience FROM credit_gz.query_log WHERE subject_id = 990102 AND role_name = 't_sr_portal'
              AND purpose = '本人申请'), 'self', 'logged in the portal''s name as the subject''s own query');
SET LOCAL ROLE t_sr_dept;
SELECT throws_ok($$SELECT credit_gz.special_credit_report(990102, (SELECT p FROM period))$$, '42501', NULL,
                 'a department does not issue special credit reports');
RESET ROLE;
SET LOCAL ROLE t_sr_bank;
SELECT is(credit_gz.verify_credit_report((SELECT j ->> 'report_no' FROM r3), (SELECT j ->> 'verification_code' FROM r3))
          ->> 'status', 'genuine', 'a bank verifies the report it was handed');
SELECT throws_ok($$SELECT * FROM credit_gz.issued_credit_report$$, '42501', NULL, 'but reads no issued report itself');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.query_log WHERE subject_id = 990102 AND role_name = 't_sr_bank'
              AND purpose LIKE '核验专项信用报告%'), 1, 'the verification is logged in the bank''s name');
SELECT is((SELECT count(*)::int FROM credit_gz.query_log WHERE subject_id = 990101 AND via = 'report'
              AND purpose = '投标资格审查'), 1, 'the platform''s issue is logged with its purpose');

SELECT * FROM finish();
ROLLBACK;
