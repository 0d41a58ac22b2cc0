-- credit_gz pre-checks: each verdict, measures with entry and legal basis, incentives, inheritance of measures by
-- national kinds and sub-domains, feedback, and enforce_precheck (CG501, override recorded).
BEGIN;
SET search_path = credit_gz, public;
SELECT plan(64);

CREATE FUNCTION pg_temp.uscc(n int) RETURNS credit_gz.uscc LANGUAGE sql AS $$
    SELECT credit_gz.uscc_make('91440101' || body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT b AS body, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM (SELECT 'MB' || lpad(n::text, 6, '0') AS b) x,
                   unnest(regexp_split_to_array(x.b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w) GROUP BY b) s
$$;
CREATE FUNCTION pg_temp.rid(n int) RETURNS credit_gz.resident_id LANGUAGE sql AS $$
    WITH b AS (SELECT '440106' || to_char(date '1970-01-01' + n, 'YYYYMMDD') || lpad((n % 900 + 100)::text, 3, '0') AS body)
    SELECT (body || substr('10X98765432', (sum((ascii(ch) - 48) * w) % 11)::int + 1, 1))::credit_gz.resident_id
      FROM b, unnest(regexp_split_to_array(body, ''), ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]) AS t(ch, w)
     GROUP BY body
$$;
CREATE FUNCTION pg_temp.s(nm text) RETURNS bigint LANGUAGE sql AS $$
    SELECT subject_id FROM credit_gz.subject WHERE name = nm
$$;
CREATE FUNCTION pg_temp.list(who text, lt text, vfrom date DEFAULT credit_gz.policy_date()) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
    VALUES (pg_temp.s(who), lt, 'pc_court', 'PC-' || who || '-' || lt, vfrom) RETURNING entry_id
$$;
INSERT INTO credit_gz.department (code, name_zh, name_en, kind) VALUES ('pc_court', '核查测试法院', 'pc court', 'judicial'),
    ('pc_finance', '核查测试财政局', 'pc finance', 'municipal');
INSERT INTO credit_gz.subject (uscc, name) VALUES (pg_temp.uscc(1), 'pc失信公司'), (pg_temp.uscc(2), 'pc守信公司'),
    (pg_temp.uscc(3), 'pc普通公司'), (pg_temp.uscc(4), 'pc关注公司');
INSERT INTO credit_gz.subject (resident_id, name) VALUES (pg_temp.rid(30001), 'pc法代');
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
VALUES (pg_temp.s('pc失信公司'), pg_temp.s('pc法代'), 'legal_representative', credit_gz.policy_date() - 100);
CREATE TEMP TABLE e1 AS SELECT pg_temp.list('pc失信公司', 'judgment_debtor', credit_gz.policy_date() - 5) AS id;
SELECT pg_temp.list('pc守信公司', 'a_grade_taxpayer'), pg_temp.list('pc关注公司', 'key_attention');

-- ---- catalogue ---------------------------------------------------------------------------------------------------
SELECT has_table('credit_gz', 'measure', 'measure exists');
SELECT has_table('credit_gz', 'measure_feedback', 'measure_feedback exists');
SELECT has_view('credit_gz', 'measure_feedback_summary', 'feedback summary view exists');
SELECT set_eq($$SELECT DISTINCT category FROM measure$$, ARRAY['rights_reducing', 'management', 'market', 'facilitation'],
              'shipped measures cover the three punishment categories and incentives');
SELECT ok((SELECT count(DISTINCT action) FROM measure) >= 10, 'shipped measures cover the policy''s actions');
SELECT ok(NOT EXISTS (SELECT 1 FROM measure WHERE legal_basis IS NULL OR legal_basis = ''), 'every measure cites its legal basis');
SELECT throws_ok($$INSERT INTO measure (code, name_zh, grade, action, category, kind, effect, legal_basis, effective_from)
                   VALUES ('pc_bad', 'x', 'D', 'subsidy', 'rights_reducing', 'punishment', 'deny', 'x', '2020-01-01')$$,
                 '23514', NULL, 'a grade alone cannot deny (barring stands on a list)');

-- ---- verdicts ----------------------------------------------------------------------------------------------------
CREATE TEMP TABLE p AS SELECT precheck(pg_temp.s('pc失信公司'), 'government_procurement', 'procurement_bid', 'pc_finance') AS j;
SELECT is((SELECT j->>'verdict' FROM p), 'deny', 'judgment debtor bidding in procurement: deny');
SELECT is((SELECT j->'measures'->0->>'measure' FROM p), 'jp_procurement_bar',
          'the measure of 失信联合惩戒对象名单 applies to its national kind 失信被执行人');
SELECT is((SELECT (j->'measures'->0->'entry'->>'entry_id')::bigint FROM p), (SELECT id FROM e1),
          'the measure names its list entry');
SELECT ok((SELECT j->'measures'->0->>'legal_basis' FROM p) LIKE '%政府采购法%', 'and its legal basis');
SELECT is((SELECT j->>'found' FROM p), 'true', 'found in the archive');
SELECT is(precheck(pg_temp.s('pc失信公司'), 'construction', 'licence_approval')->>'verdict', 'allow_with_conditions',
          'licence approval for a judgment debtor: allowed with conditions (从严审核)');
SELECT is(precheck(pg_temp.s('pc普通公司'), 'government_procurement', 'procurement_bid')->>'verdict', 'allow',
          'an unlisted subject: allow');
SELECT is(precheck(pg_temp.s('pc普通公司'), 'government_procurement', 'procurement_bid')->'measures', '[]'::jsonb,
          'no measures for an unlisted subject');
SELECT is(precheck(pg_temp.s('pc关注公司'), 'work_safety', 'inspection_frequency')->>'verdict', 'allow_with_conditions',
          'key attention: more frequent inspection');
SELECT set_eq($$SELECT s.name, l.domain_code, l.verdict FROM credit_gz.query_log l
                 JOIN credit_gz.subject s ON s.subject_id = l.subject_id
                WHERE s.name IN ('pc失信公司', 'pc普通公司', 'pc关注公司') AND l.via = 'precheck'$$,
              $$VALUES ('pc失信公司', 'government_procurement', 'deny'),
                       ('pc失信公司', 'construction', 'allow_with_conditions'),
                       ('pc普通公司', 'government_procurement', 'allow'),
                       ('pc关注公司', 'work_safety', 'allow_with_conditions')$$,
              'each pre-check is logged with the domain asked and the verdict answered');
CREATE TEMP TABLE q AS SELECT precheck(pg_temp.s('pc守信公司'), 'construction', 'licence_approval') AS j;
SELECT is((SELECT j->>'verdict' FROM q), 'allow', 'A-grade taxpayer: allow');
SELECT is((SELECT j->'incentives'->0->>'measure' FROM q), 'atp_green_channel', 'with the red list''s incentive');
SELECT is((SELECT j->'incentives'->0->'entry'->>'list_type' FROM q), 'a_grade_taxpayer', 'naming the red-list entry');
SELECT is(precheck(-1, 'construction', 'tender_bid')->>'verdict', 'no_record', 'unknown subject: no record, not an error');
SELECT is(precheck('91440101MA0000007B', 'construction', 'tender_bid')->>'verdict', 'no_record',
          'a well-formed code not on file: no record');
SELECT throws_ok($$SELECT precheck('91440101MA0000000X', 'construction', 'tender_bid')$$, '22P02', NULL,
                 'a code with wrong check characters is an error (22P02), not an unknown subject');
SELECT throws_ok($$SELECT precheck('440106199001011234', 'construction', 'tender_bid')$$, '22P02', NULL,
                 'so is a resident id with a wrong check digit');
SELECT throws_ok($$SELECT is_restricted('91440101MA0000000X', 'construction', 'tender_bid')$$, '22P02', NULL,
                 'is_restricted refuses a malformed code too');
SELECT is(precheck(pg_temp.uscc(1)::text, 'construction', 'tender_bid')->>'verdict', 'deny', 'pre-check by uscc text');
SELECT is(precheck('91440101MA0000007B', 'construction', 'tender_bid')->>'code', '91440101MA0000007B',
          'the text form echoes the code');
SELECT throws_ok($$SELECT precheck('not a code', 'no_such_domain', 'tender_bid')$$, '22023', NULL,
                 'the text form checks the domain even without a record');
SELECT is(precheck(pg_temp.s('pc法代'), 'culture_sports_tourism', 'high_consumption')->>'verdict', 'deny',
          'the legal representative (derived entry) is barred from high consumption');
SELECT is((precheck(pg_temp.s('pc法代'), 'culture_sports_tourism', 'high_consumption')->'measures'->0->'entry'
            ->>'derived_from_entry_id')::bigint, (SELECT id FROM e1), 'and the answer shows the derivation');
SELECT is(precheck(pg_temp.rid(30001)::text, 'culture_sports_tourism', 'high_consumption')->>'verdict', 'deny',
          'pre-check by resident id text');
SELECT throws_ok($$SELECT precheck(1, 'no_such_domain', 'tender_bid')$$, '22023', 'unknown domain "no_such_domain"',
                 'unknown domain is an error');
SELECT throws_ok($$SELECT precheck(1, 'construction', 'no_such_action')$$, '22023', 'unknown pre-check action "no_such_action"',
                 'unknown action is an error');

-- sub-domains and dates
INSERT INTO measure (code, name_zh, list_type_code, domain_code, action, category, kind, effect, legal_basis, effective_from)
VALUES ('pc_logistics_subsidy', '物流领域补贴从严', 'key_attention', 'logistics', 'subsidy', 'management', 'punishment',
        'condition', '测试依据', '2020-01-01'),
       ('pc_expired_measure', '已废止措施', 'key_attention', NULL, 'honour', 'rights_reducing', 'punishment',
        'deny', '测试依据', '2020-01-01');
UPDATE measure SET effective_until = credit_gz.policy_date() WHERE code = 'pc_expired_measure';
SELECT is(precheck(pg_temp.s('pc关注公司'), 'road_freight', 'subsidy')->'measures'->0->>'measure', 'pc_logistics_subsidy',
          'a measure of a domain applies in its sub-domains');
SELECT is(precheck(pg_temp.s('pc关注公司'), 'taxation', 'subsidy')->>'verdict', 'allow', 'but not in other domains');
SELECT is(precheck(pg_temp.s('pc关注公司'), 'taxation', 'honour')->>'verdict', 'allow', 'a measure no longer in force does not apply');
CREATE TEMP TABLE e2 AS SELECT pg_temp.list('pc普通公司', 'judgment_debtor', credit_gz.policy_date() + 10) AS id;
SELECT is(precheck(pg_temp.s('pc普通公司'), 'government_procurement', 'procurement_bid')->>'verdict', 'allow',
          'an entry not yet in force does not apply');
DELETE FROM list_entry WHERE entry_id = (SELECT id FROM e2);

-- ---- is_restricted ------------------------------------------------------------------------------------------------
SELECT ok(is_restricted(pg_temp.s('pc失信公司'), 'government_procurement', 'procurement_bid'), 'is_restricted: restricted');
SELECT ok(NOT is_restricted(pg_temp.s('pc失信公司'), 'construction', 'licence_approval'), 'conditions do not restrict');
SELECT ok(NOT is_restricted(pg_temp.s('pc普通公司'), 'government_procurement', 'procurement_bid'), 'unlisted: not restricted');
SELECT ok(NOT is_restricted(-1, 'government_procurement', 'procurement_bid'), 'no record: not restricted');
SELECT ok(is_restricted(pg_temp.uscc(1)::text, 'construction', 'tender_bid'), 'is_restricted by uscc text');
SELECT throws_ok($$SELECT is_restricted(1, 'no_such_domain', 'tender_bid')$$, '22023', NULL,
                 'is_restricted refuses an unknown domain rather than answering false');
SELECT set_eq($$SELECT l.verdict FROM credit_gz.query_log l
                WHERE l.subject_id = pg_temp.s('pc失信公司') AND l.purpose LIKE 'is_restricted: %'$$,
              $$VALUES ('deny'), (NULL)$$, 'is_restricted logs its reads: deny when restricted, no verdict otherwise');
SELECT is((SELECT count(*)::int FROM credit_gz.unknown_code_read_log WHERE code = pg_temp.uscc(1)::text), 0,
          'is_restricted by a code on file logs under the subject, not as an unknown code');

-- ---- the logged department is the one the role acts for -------------------------------------------------------
CREATE ROLE pc_two_departments NOLOGIN;
SELECT credit_gz.grant_department('pc_two_departments', 'pc_court');
SELECT credit_gz.grant_department('pc_two_departments', 'pc_finance');
SET LOCAL ROLE pc_two_departments;
SELECT throws_ok($$SELECT credit_gz.precheck(-7, 'construction', 'tender_bid')$$, '22023', NULL,
                 'a role acting for two departments must name the one its pre-check is for');
SELECT throws_ok($$SELECT credit_gz.precheck(-7, 'construction', 'tender_bid', 'no_such_department')$$, '42501', NULL,
                 'and must act for the department it names');
SELECT lives_ok($$SELECT credit_gz.precheck(-7, 'construction', 'tender_bid', 'pc_finance')$$,
                'naming one of its departments, it pre-checks');
RESET ROLE;
SELECT results_eq($$SELECT department_code FROM credit_gz.query_log WHERE role_name = 'pc_two_departments'$$,
                  ARRAY['pc_finance'], '… and the entry names that department');

-- ---- feedback ----------------------------------------------------------------------------------------------------
SELECT row_eq($$SELECT department_code, measure_code, verdict, source, entry_id FROM measure_feedback
                 WHERE subject_id = pg_temp.s('pc失信公司') AND action = 'procurement_bid' ORDER BY feedback_id LIMIT 1$$,
              ROW('pc_finance'::text, 'jp_procurement_bar'::text, 'deny'::text, 'precheck'::text, (SELECT id FROM e1)),
              'a pre-check that applied a measure is logged with department, measure, verdict and entry');
SELECT is((SELECT count(*)::int FROM measure_feedback WHERE subject_id = pg_temp.s('pc普通公司')), 0,
          'a pre-check that applied nothing is not logged');
SELECT is((SELECT count(*)::int FROM measure_feedback WHERE subject_id = pg_temp.s('pc守信公司') AND effect = 'incentive'), 1,
          'incentives are logged');
SELECT is((SELECT denials::int FROM measure_feedback_summary WHERE department_code = 'pc_finance'
             AND measure_code = 'jp_procurement_bar'), 1, 'the summary counts denials per department and measure');

-- ---- enforce_precheck ----------------------------------------------------------------------------------------------
CREATE TABLE public.pc_bids (bid_id serial PRIMARY KEY, supplier_code text, note text);
CREATE TRIGGER pc_bids_precheck BEFORE INSERT OR UPDATE ON public.pc_bids FOR EACH ROW
    EXECUTE FUNCTION credit_gz.enforce_precheck('supplier_code', 'government_procurement', 'procurement_bid', 'pc_finance');
SELECT lives_ok($$INSERT INTO public.pc_bids (supplier_code) VALUES (pg_temp.uscc(3)::text)$$, 'an unlisted supplier''s bid is accepted');
SELECT lives_ok($$INSERT INTO public.pc_bids (supplier_code) VALUES ('91440101MA0000007B')$$,
                'a well-formed code without record passes');
SELECT throws_ok($$INSERT INTO public.pc_bids (supplier_code) VALUES ('91440101MA0000000X')$$, '22P02', NULL,
                 'a malformed code is rejected (22P02), not let in as an unknown subject');
SELECT throws_ok($$INSERT INTO public.pc_bids (supplier_code) VALUES (pg_temp.uscc(1)::text)$$, 'CG501', NULL,
                 'a restricted supplier''s bid is rejected with CG501');
SELECT throws_like($$INSERT INTO public.pc_bids (supplier_code) VALUES (pg_temp.uscc(1)::text)$$,
                   '%jp_procurement_bar applies through list entry%', 'the message names the measure and the list entry');
SELECT throws_ok($$UPDATE public.pc_bids SET supplier_code = pg_temp.uscc(1)::text WHERE supplier_code = pg_temp.uscc(3)::text$$,
                 'CG501', NULL, 'changing the code to a restricted subject is rejected');
SET LOCAL credit_gz.precheck_override_reason = '抢险救灾应急采购（政府采购法第八十五条）';
SELECT lives_ok($$INSERT INTO public.pc_bids (supplier_code) VALUES (pg_temp.uscc(1)::text)$$, 'an override with a stated reason passes');
RESET credit_gz.precheck_override_reason;
SELECT row_eq($$SELECT overridden, override_reason, source, table_name FROM measure_feedback
                 WHERE source = 'enforce_precheck' AND subject_id = pg_temp.s('pc失信公司')$$,
              ROW(true, '抢险救灾应急采购（政府采购法第八十五条）'::text, 'enforce_precheck'::text, 'public.pc_bids'::text),
              'and the override is recorded with its reason');
SELECT lives_ok($$UPDATE public.pc_bids SET note = 'x' WHERE supplier_code = pg_temp.uscc(1)::text$$,
                'an update that leaves the code alone is not re-checked');

-- ---- one answer, whichever path ---------------------------------------------------------------------------------
-- A subject with no entry in force is answered without the full query (directly, or by the grade query when it has
-- grades); an entry in force whose list brings no measure sends the same question through the full query. Both must
-- give the same answer byte for byte, apart from whose it is.
INSERT INTO credit_gz.list_type (code, name_zh, name_en, polarity, severity, legal_basis, effective_from)
VALUES ('pc_plain', '核查测试关注名单', 'pc attention list without measures', 'attention', 'none', '核查测试依据', '2020-01-01');
INSERT INTO credit_gz.subject (uscc, name) VALUES (pg_temp.uscc(11), 'pc直答公司'), (pg_temp.uscc(12), 'pc全查公司'),
    (pg_temp.uscc(13), 'pc评级直答公司'), (pg_temp.uscc(14), 'pc评级全查公司');
SELECT pg_temp.list('pc全查公司', 'pc_plain'), pg_temp.list('pc评级全查公司', 'pc_plain');
INSERT INTO credit_gz.subject_score (subject_id, model_code, score, grade, raw_points, contributions)
SELECT pg_temp.s(nm), (SELECT min(code) FROM credit_gz.scoring_model), 95, 'A', 15, 1
  FROM unnest(ARRAY['pc评级直答公司', 'pc评级全查公司']) nm;
CREATE FUNCTION pg_temp.answer(nm text) RETURNS text LANGUAGE sql AS $$
    SELECT (precheck(pg_temp.s(nm), 'construction', 'inspection_frequency') - 'subject_id' - 'name')::text
$$;
SELECT is(pg_temp.answer('pc全查公司'), pg_temp.answer('pc直答公司'),
          'no grades: the full query and the direct answer agree byte for byte');
SELECT is(pg_temp.answer('pc评级全查公司'), pg_temp.answer('pc评级直答公司'),
          'with a grade: the full query and the grade query agree byte for byte');

SELECT * FROM finish();
ROLLBACK;
