-- 两书同达 (国办发〔2025〕22号, Order 36): a penalty record is issued with its repair notice (信用修复告知书) — from when,
-- under which conditions, where — in the statement that records it; the subject reads it in its own report.
BEGIN;
SELECT plan(22);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
INSERT INTO credit_gz.subject (uscc, name)
VALUES (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('961', 6, '0'))), '两书同达测试公司'),
       (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('962', 6, '0'))), '两书同达测试乙公司');
CREATE TEMP TABLE fx AS
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = '两书同达测试公司') AS a,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '两书同达测试乙公司') AS b,
       (SELECT code FROM credit_gz.info_item WHERE kind = 'negative' AND applies_to <> 'natural_person'
         ORDER BY code LIMIT 1) AS other_item;
GRANT SELECT ON fx TO PUBLIC;
CREATE ROLE t_rn_dept NOLOGIN;
CREATE ROLE t_rn_portal NOLOGIN;
SELECT credit_gz.grant_department('t_rn_dept', 'market_regulation');
SELECT credit_gz.grant_self_service('t_rn_portal');

-- The department records penalties at the boundaries of the wording generations.
SET LOCAL ROLE t_rn_dept;
SELECT credit_gz.load_record('market_regulation', 'RN-T-0621', a, 'administrative_penalty', '2025-06-21', NULL, 'general') FROM fx;
SELECT credit_gz.load_record('market_regulation', 'RN-T-0622', a, 'administrative_penalty', '2025-06-22', NULL, 'general') FROM fx;
SELECT credit_gz.load_record('market_regulation', 'RN-T-0331', a, 'administrative_penalty', '2026-03-31', NULL, 'general') FROM fx;
SELECT credit_gz.load_record('market_regulation', 'RN-T-0401', a, 'administrative_penalty', '2026-04-01', NULL, 'serious') FROM fx;
SELECT throws_ok($$SELECT count(*) FROM credit_gz.repair_notice$$, '42501', NULL,
                 'the department does not read the notice table itself');
RESET ROLE;

CREATE TEMP VIEW nt AS
SELECT r.document_no, n.notice_text_id, n.repairable_from, r.repairable_from AS record_repairable_from, n.issued_on
  FROM credit_gz.record r LEFT JOIN credit_gz.repair_notice n USING (subject_id, record_id)
 WHERE r.document_no LIKE 'RN-T-%';
SELECT is((SELECT notice_text_id FROM nt WHERE document_no = 'RN-T-0621'), NULL,
          'decided the day before 22号: no repair notice');
SELECT is((SELECT notice_text_id FROM nt WHERE document_no = 'RN-T-0622'), 1,
          'decided the day 22号 took effect: the notice is issued with the penalty, 22号 wording');
SELECT is((SELECT notice_text_id FROM nt WHERE document_no = 'RN-T-0331'), 1,
          'decided the day before Order 36: still the 22号 wording');
SELECT is((SELECT notice_text_id FROM nt WHERE document_no = 'RN-T-0401'), 2,
          'decided the day Order 36 took effect: the Order 36 wording');
SELECT is((SELECT count(*)::int FROM nt WHERE notice_text_id IS NOT NULL AND repairable_from IS NOT DISTINCT FROM record_repairable_from
             AND repairable_from IS NOT NULL), 3, 'each notice says from when: the record''s repairable_from');
SELECT is((SELECT issued_on FROM nt WHERE document_no = 'RN-T-0622'), credit_gz.policy_date(),
          'issued on the policy date the penalty was recorded');
SELECT is((SELECT where_to_apply LIKE '%信用中国%' AND conditions <> '' AND source LIKE '%22号%'
             FROM credit_gz.repair_notice_text WHERE notice_text_id = 1), true,
          'the wording says where (信用中国), under which conditions, on which source');

-- Re-sent: the same notice, once; a changed severity changes from when, not the issue day.
SET LOCAL ROLE t_rn_dept;
SELECT credit_gz.load_record('market_regulation', 'RN-T-0622', a, 'administrative_penalty', '2025-06-22', NULL, 'general') FROM fx;
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.repair_notice n JOIN credit_gz.record r USING (subject_id, record_id)
            WHERE r.document_no = 'RN-T-0622'), 1, 're-sending the penalty issues no second notice');
UPDATE credit_gz.repair_notice SET issued_on = issued_on - 3
 WHERE record_id = (SELECT record_id FROM credit_gz.record WHERE document_no = 'RN-T-0622');
SET LOCAL ROLE t_rn_dept;
SELECT credit_gz.load_record('market_regulation', 'RN-T-0622', a, 'administrative_penalty', '2025-06-22', NULL, 'serious') FROM fx;
RESET ROLE;
SELECT is((SELECT repairable_from FROM nt WHERE document_no = 'RN-T-0622'),
          (SELECT record_repairable_from FROM nt WHERE document_no = 'RN-T-0622'),
          're-sent as serious: the notice follows the record''s new repairable_from');
SELECT isnt((SELECT repairable_from FROM nt WHERE document_no = 'RN-T-0622'),
            (SELECT repairable_from FROM nt WHERE document_no = 'RN-T-0331'), 'which differs from the general one');
SELECT is((SELECT issued_on FROM nt WHERE document_no = 'RN-T-0622'), credit_gz.policy_date() - 3,
          'and keeps the day it was first issued');

-- Any record path: a multi-row INSERT (as COPY and MERGE loads write) issues one notice per penalty; other items none.
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
SELECT b, 'administrative_penalty', 'market_regulation', d, '2026-06-01', 'general' FROM fx, unnest(ARRAY['RN-B-1', 'RN-B-2']) d;
SELECT is((SELECT count(*)::int FROM credit_gz.repair_notice WHERE subject_id = (SELECT b FROM fx)), 2,
          'a two-row insert issues two notices');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
SELECT b, other_item, 'market_regulation', 'RN-B-3', '2026-06-01' FROM fx;
SELECT is((SELECT count(*)::int FROM credit_gz.repair_notice WHERE subject_id = (SELECT b FROM fx)), 2,
          'a negative record that is not a penalty has no repair notice');

-- The subject reads its notices in its own report through the self-service portal.
CREATE TEMP TABLE exp AS SELECT record_repairable_from FROM nt WHERE document_no = 'RN-T-0401';
GRANT SELECT ON exp TO PUBLIC;
SET LOCAL ROLE t_rn_portal;
SELECT is((SELECT jsonb_array_length(credit_gz.credit_report(a, 'self') -> 'repair_notices') FROM fx), 3,
          'the subject''s own report carries its three repair notices');
SELECT is((SELECT credit_gz.credit_report(a, 'self') -> 'repair_notices' -> 0 ->> 'document_no' FROM fx), 'RN-T-0401',
          'newest decision first, named by its document number');
SELECT is((SELECT (credit_gz.credit_report(a, 'self') -> 'repair_notices' -> 0 ->> 'repairable_from')::date FROM fx),
          (SELECT record_repairable_from FROM exp), 'with the day it may apply from');
SELECT is((SELECT credit_gz.credit_report(a, 'self') -> 'repair_notices' -> 0 ->> 'where_to_apply' LIKE '%信用中国%' FROM fx),
          true, 'and where: 信用中国');
SELECT is((SELECT count(*)::int FROM credit_gz.disclosed_repair_notice), 0,
          'outside a report naming the subject the portal reads no notice');
SELECT is((SELECT credit_gz.credit_report(a, 'public') ? 'repair_notices' FROM fx), false,
          'the public report shows no repair notice');
RESET ROLE;
SELECT ok((SELECT count(*) FROM credit_gz.query_log q, fx
            WHERE q.subject_id = fx.a AND q.role_name = 't_rn_portal' AND q.audience = 'self') > 0,
          'the subject''s reads are logged as its own queries');

-- The trigger function writes notices only from credit_gz.record.
CREATE TEMP TABLE t_rn_other (x int);
CREATE TRIGGER t_rn_other_ins AFTER INSERT ON t_rn_other REFERENCING NEW TABLE AS repair_notice_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.repair_notice_issue();
SELECT throws_ok($$INSERT INTO t_rn_other VALUES (1)$$, '39P01', NULL, 'the notice trigger refuses another table');

SELECT * FROM finish();
ROLLBACK;
