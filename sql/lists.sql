-- lists and pre-checks: exact error texts (SQLSTATEs CG501, CG510, 23514, 22023) and a pre-check answer.
\set VERBOSITY default
INSERT INTO credit_gz.department (code, name_zh, name_en, kind) VALUES ('rg_court', '回归测试法院', 'regression court', 'judicial');
INSERT INTO credit_gz.subject (subject_id, uscc, name) VALUES (980001, '91440101MC0000020U', '回归甲公司');
INSERT INTO credit_gz.subject (subject_id, resident_id, name) VALUES (980002, '440106198505051033', '回归张三');
INSERT INTO credit_gz.relation (relation_id, subject_id, related_subject_id, kind, valid_from)
VALUES (980001, 980001, 980002, 'legal_representative', '2020-01-01');
INSERT INTO credit_gz.list_entry (entry_id, subject_id, list_type_code, department_code, basis_document, effective_from,
                                  effective_until)
VALUES (980001, 980001, 'samr_serious_illegal', 'rg_court', '穗市监严〔2026〕1号', '2026-01-01', '2100-01-01');
SELECT subject_id, list_type_code, depth, derived_from_entry_id, via_relation_id, effective_from, effective_until
  FROM credit_gz.list_entry WHERE subject_id IN (980001, 980002) ORDER BY subject_id;

-- early removal before the year SAMR Order 44 requires
UPDATE credit_gz.list_entry SET status = 'lifted', status_changed_on = '2026-06-30' WHERE entry_id = 980001;
-- a derived entry written directly (terse: the detail names a generated entry id)
\set VERBOSITY terse
UPDATE credit_gz.list_entry SET basis_document = 'x' WHERE subject_id = 980002;
\set VERBOSITY default
-- a derived-only list type listed directly
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
VALUES (980002, 'samr_serious_responsible', 'rg_court', 'x');
-- unknown domain / action
SELECT credit_gz.is_restricted(980001, 'procurement', 'procurement_bid');
SELECT credit_gz.precheck(980001, 'government_procurement', 'bid');

-- the answer (dates removed so the output is stable)
SELECT jsonb_pretty(credit_gz.precheck(980002, 'construction', 'serve_as_officer')
                    #- '{checked_on}' #- '{measures,0,entry,effective_from}' #- '{measures,0,entry,effective_until}'
                    #- '{measures,0,entry,derived_from_entry_id}' #- '{measures,0,entry,entry_id}'
                    #- '{grades}');
-- the grades part (scoring): the serious-dishonesty entry forces D (update times removed)
SELECT g ->> 'model' AS model, g ->> 'grade' AS grade, g ->> 'score' AS score
  FROM jsonb_array_elements(credit_gz.precheck(980002, 'construction', 'serve_as_officer') -> 'grades') g
 WHERE g ->> 'model' IN ('city_comprehensive', 'construction', 'market_risk')
 ORDER BY 1;

-- enforce_precheck on a department's table
CREATE TABLE public.rg_tender (id int PRIMARY KEY, bidder text NOT NULL);
CREATE TRIGGER rg_tender_check BEFORE INSERT OR UPDATE ON public.rg_tender FOR EACH ROW
    EXECUTE FUNCTION credit_gz.enforce_precheck('bidder', 'construction', 'tender_bid');
INSERT INTO credit_gz.list_entry (entry_id, subject_id, list_type_code, department_code, basis_document, effective_from)
VALUES (980002, 980001, 'judgment_debtor', 'rg_court', '(2026)粤01执2号', credit_gz.policy_date() - 1);
INSERT INTO public.rg_tender VALUES (1, '91440101MC0000020U');
CREATE TRIGGER rg_tender_bad BEFORE INSERT ON public.rg_tender FOR EACH ROW
    EXECUTE FUNCTION credit_gz.enforce_precheck('bidder');
INSERT INTO public.rg_tender VALUES (2, '91440101MC0000039Q');

-- clean up
DROP TABLE public.rg_tender;
DELETE FROM credit_gz.measure_feedback WHERE subject_id IN (980001, 980002);
DELETE FROM credit_gz.list_entry WHERE subject_id IN (980001, 980002) AND derived_from_entry_id IS NOT NULL;
DELETE FROM credit_gz.list_entry WHERE subject_id IN (980001, 980002);
DELETE FROM credit_gz.relation WHERE subject_id = 980001;
DELETE FROM credit_gz.list_guard WHERE subject_id IN (980001, 980002);
DELETE FROM credit_gz.subject WHERE subject_id IN (980001, 980002);
DELETE FROM credit_gz.department WHERE code = 'rg_court';
