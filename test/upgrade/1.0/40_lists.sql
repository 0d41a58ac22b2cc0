-- Frozen with release 1.0: a copy of test/demo/40_lists.sql as of the freeze, scaled by :scale (psql -v scale=..., 1
-- being the demo's size); its displays kept, as their reads are logged. It fills a database created at version 1.0
-- for the upgrade test, so it stays as 1.0 could run it; test/demo/ moves on with later versions.
-- 联合奖惩: lists, propagation to the persons responsible, pre-checks, enforcement on a department's own table,
-- feedback, dishonesty cases and interviews (穗府办函〔2020〕35号 二(一)、二(三)).
\set ON_ERROR_STOP 1
\echo ''
\echo '== 40. Joint rewards and punishment (联合奖惩): lists, propagation, pre-checks, feedback'

\echo '-- 40.1 the court lists 200 enterprises as 失信被执行人; their legal representatives are derived (法释〔2015〕17号)'
CREATE TEMP TABLE demo_debtor AS
SELECT s.subject_id FROM credit_gz.subject s
 WHERE s.kind = 'enterprise' AND EXISTS (SELECT 1 FROM credit_gz.relation r WHERE r.subject_id = s.subject_id)
 ORDER BY s.subject_id LIMIT greatest(2, round(200 * :scale));
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT subject_id, 'judgment_debtor', 'court', format('(2026)粤01执%s号', row_number() OVER ()), credit_gz.policy_date() - 30
  FROM demo_debtor;
SELECT e.list_type_code, e.depth, count(*) AS entries
  FROM credit_gz.list_entry e WHERE e.status = 'active' GROUP BY 1, 2 ORDER BY 2, 1;

\echo '-- 40.2 red lists: 300 A-grade taxpayers, 100 on 经营异常名录'
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
SELECT subject_id, 'a_grade_taxpayer', 'taxation', '2026年度纳税信用A级名单'
  FROM credit_gz.subject s WHERE s.kind = 'enterprise' AND s.subject_id NOT IN (SELECT subject_id FROM demo_debtor)
 ORDER BY s.subject_id DESC LIMIT greatest(2, round(300 * :scale));
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT subject_id, 'abnormal_operations', 'market_regulation', '穗市监异〔2026〕' || subject_id || '号', credit_gz.policy_date() - 400
  FROM credit_gz.subject s WHERE s.kind = 'enterprise'
 ORDER BY s.subject_id DESC OFFSET greatest(2, round(300 * :scale)) LIMIT greatest(1, round(100 * :scale));

\echo '-- 40.3 one call before awarding a contract (事前核查), and the fast path'
SELECT jsonb_pretty(credit_gz.precheck((SELECT min(subject_id) FROM demo_debtor), 'government_procurement',
                                       'procurement_bid', 'finance'));
SELECT credit_gz.is_restricted(e.subject_id, 'culture_sports_tourism', 'high_consumption') AS legal_rep_high_consumption
  FROM credit_gz.list_entry e WHERE e.list_type_code = 'judgment_debtor_responsible' ORDER BY e.entry_id LIMIT 1;
SELECT v.verdict, count(*)
  FROM credit_gz.subject s, LATERAL (SELECT credit_gz.precheck(s.subject_id, 'government_procurement', 'procurement_bid',
                                                               'public_resources')->>'verdict' AS verdict) v
 WHERE s.kind = 'enterprise' GROUP BY 1 ORDER BY 2 DESC;

\echo '-- 40.4 a department attaches the check to its own table (CG501 for restricted bidders, overrides recorded)'
CREATE TABLE public.demo_tender_bid (bid_id serial PRIMARY KEY, bidder_uscc credit_gz.uscc NOT NULL, amount numeric);
CREATE TRIGGER demo_tender_bid_precheck BEFORE INSERT OR UPDATE ON public.demo_tender_bid FOR EACH ROW
    EXECUTE FUNCTION credit_gz.enforce_precheck('bidder_uscc', 'construction', 'tender_bid', 'housing');
INSERT INTO public.demo_tender_bid (bidder_uscc, amount)
SELECT uscc, 1000000 FROM credit_gz.subject WHERE kind = 'enterprise' AND subject_id NOT IN (SELECT subject_id FROM demo_debtor)
 ORDER BY subject_id LIMIT 3;
DO $$
BEGIN
    INSERT INTO public.demo_tender_bid (bidder_uscc, amount)
    SELECT uscc, 2000000 FROM credit_gz.subject WHERE subject_id = (SELECT min(subject_id) FROM demo_debtor);
EXCEPTION WHEN SQLSTATE 'CG501' THEN
    RAISE NOTICE 'rejected (%): %', SQLSTATE, SQLERRM;
END $$;
BEGIN;
SET LOCAL credit_gz.precheck_override_reason = '抢险救灾工程，依《招标投标法》第六十六条可不招标';
INSERT INTO public.demo_tender_bid (bidder_uscc, amount)
SELECT uscc, 2000000 FROM credit_gz.subject WHERE subject_id = (SELECT min(subject_id) FROM demo_debtor);
COMMIT;
SELECT department_code, measure_code, applications, denials, overrides, conditional_allowances, incentives
  FROM credit_gz.measure_feedback_summary ORDER BY applications DESC LIMIT 8;

\echo '-- 40.5 the debtor changes its legal representative: the old one is lifted, the new one derived'
UPDATE credit_gz.relation SET valid_until = credit_gz.policy_date()
 WHERE subject_id = (SELECT min(subject_id) FROM demo_debtor) AND kind = 'legal_representative' AND valid_until IS NULL;
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
SELECT (SELECT min(subject_id) FROM demo_debtor), max(subject_id), 'legal_representative', credit_gz.policy_date()
  FROM credit_gz.subject WHERE kind = 'natural_person';
SELECT e.entry_id, e.subject_id, e.status, e.status_reason, e.via_relation_id
  FROM credit_gz.list_entry e
 WHERE e.root_entry_id = (SELECT entry_id FROM credit_gz.list_entry
                           WHERE subject_id = (SELECT min(subject_id) FROM demo_debtor) AND derived_from_entry_id IS NULL
                             AND list_type_code = 'judgment_debtor')
 ORDER BY e.entry_id;

\echo '-- 40.6 a dishonesty case (核查 → 记录 → 监管 → 惩戒 → 整改 → 教育), overdue rectification → interview (谁认定、谁约谈)'
INSERT INTO credit_gz.dishonesty_case (subject_id, department_code, title, opened_on, rectification_due)
SELECT (SELECT min(subject_id) FROM demo_debtor), 'court', '拒不履行生效判决', credit_gz.policy_date() - 60, credit_gz.policy_date() - 5;
INSERT INTO credit_gz.dishonesty_case_step (subject_id, case_id, step, done_on, department_code)
SELECT c.subject_id, c.case_id, v.step, credit_gz.policy_date() - v.d, 'court'
  FROM credit_gz.dishonesty_case c, (VALUES ('verification', 55), ('recording', 50), ('supervision', 45), ('punishment', 30)) v (step, d)
 WHERE c.title = '拒不履行生效判决';
SELECT case_id, stage, verified_on, punished_on, rectification_due, rectification_overdue FROM credit_gz.dishonesty_case_status;
SELECT credit_gz.create_overdue_interview_tasks() AS tasks_created;
SELECT task_id, department_code, reason, due_date, status FROM credit_gz.interview_task ORDER BY task_id LIMIT 3;

DROP TABLE public.demo_tender_bid;
