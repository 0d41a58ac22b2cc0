-- Date ranges (doc/schema.md, "Date ranges"): every period is half-open [from, until). For each class of dated
-- table, the last day in force and the first day out; the one predicate in_force() and its inlining; the inclusive
-- 公示截止期 of the national format converted on the way in (load_record) and out (the printed report); and the
-- catalogue check that no inclusive end is left.
BEGIN;
SELECT plan(42);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
CREATE FUNCTION pg_temp.uscc(n int) RETURNS credit_gz.uscc LANGUAGE sql IMMUTABLE AS $$
    SELECT credit_gz.uscc_make('91440106' || pg_temp.org_code('MD' || lpad(n::text, 6, '0'))) $$;
CREATE FUNCTION pg_temp.s(nm text) RETURNS bigint LANGUAGE sql AS $$
    SELECT subject_id FROM credit_gz.subject WHERE name = nm $$;
-- the plan of a query as one text, to see whether in_force() was inlined
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    out  text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP
        out := out || line || E'\n';
    END LOOP;
    RETURN out;
END $$;

INSERT INTO credit_gz.department (code, name_zh, name_en, kind) VALUES ('dr_court', '日期测试法院', 'date range court', 'judicial');
INSERT INTO credit_gz.subject (uscc, name) VALUES (pg_temp.uscc(1), 'dr甲公司'), (pg_temp.uscc(2), 'dr乙公司'),
    (pg_temp.uscc(3), 'dr丙分公司'), (pg_temp.uscc(4), 'dr丁公司');

-- ---- the predicate -------------------------------------------------------------------------------------------
SELECT is(ARRAY[credit_gz.in_force('2025-01-01', '2025-02-01', '2024-12-31'),
                credit_gz.in_force('2025-01-01', '2025-02-01', '2025-01-01'),
                credit_gz.in_force('2025-01-01', '2025-02-01', '2025-01-31'),
                credit_gz.in_force('2025-01-01', '2025-02-01', '2025-02-01')],
          ARRAY[false, true, true, false], 'in_force: from is the first day in, until the first day out');
SELECT ok(credit_gz.in_force('2025-01-01', NULL, '9999-12-31'), 'a NULL until is open');
SELECT is(ARRAY[credit_gz.in_force(timestamptz '2025-01-01 00:00+08', '2025-02-01 00:00+08', '2025-01-31 23:59:59.999999+08'),
                credit_gz.in_force(timestamptz '2025-01-01 00:00+08', '2025-02-01 00:00+08', '2025-02-01 00:00+08')],
          ARRAY[true, false], 'in_force on instants: the until instant is out, the one before it in');
SELECT unalike(pg_temp.plan_of($$SELECT 1 FROM credit_gz.measure m WHERE credit_gz.in_force(m.effective_from, m.effective_until, credit_gz.policy_date())$$),
              '%in_force%', 'in_force() is inlined (a column and the policy date)');
SELECT unalike(pg_temp.plan_of($$SELECT 1 FROM credit_gz.authorization a WHERE credit_gz.in_force(a.valid_from, a.valid_until, now())$$),
              '%in_force%', 'in_force() on instants is inlined (now())');

-- ---- publicity_rule: the shipped generations, converted to half-open, govern the same days ---------------------
SELECT is(ARRAY[credit_gz.publicity_rule_id_for('2023-04-30', 'general'), credit_gz.publicity_rule_id_for('2023-05-01', 'general'),
                credit_gz.publicity_rule_id_for('2026-03-31', 'general'), credit_gz.publicity_rule_id_for('2026-04-01', 'general')],
          ARRAY[101, 201, 201, 302], 'publicity rules: 527 up to 2023-04-30, Order 58 from 2023-05-01 up to 2026-03-31, Order 36 from 2026-04-01');
SELECT is(ARRAY(SELECT DISTINCT r.effective_until FROM credit_gz.publicity_rule r WHERE r.shipped AND r.effective_until IS NOT NULL ORDER BY 1),
          ARRAY[date '2023-05-01', date '2026-04-01'], 'each shipped generation ends on the day the next one begins');
SELECT throws_ok($$INSERT INTO credit_gz.publicity_rule (publicity_rule_id, generation, source, effective_from, effective_until,
                     severity, max_months, repairable) VALUES (9001, 'x', 'x', '2030-01-01', '2030-01-01', 'general', 12, false)$$,
                 '23514', NULL, 'a rule ending on the day it begins is empty and refused');

-- ---- list_type: listed on its last day, refused on the first day out -----------------------------------------
INSERT INTO credit_gz.list_type (code, name_zh, name_en, polarity, severity, legal_basis, effective_from, effective_until)
VALUES ('dr_trial', '试行名单', 'trial list', 'attention', 'none', '测试依据', '2020-01-01', '2025-01-01');
SELECT lives_ok($$INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
                  VALUES (pg_temp.s('dr甲公司'), 'dr_trial', 'dr_court', 'DR-LT-1', '2024-12-31')$$,
                'a list type takes entries on its last day');
SELECT throws_ok($$INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
                   VALUES (pg_temp.s('dr甲公司'), 'dr_trial', 'dr_court', 'DR-LT-2', '2025-01-01')$$,
                 '23514', 'list type "dr_trial" is not in force on 2025-01-01', 'and none on its until day');

-- ---- list_entry: the default term ends on the anniversary; the pre-check's fast path and SQL agree -------------
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
VALUES (pg_temp.s('dr乙公司'), 'judgment_debtor', 'dr_court', 'DR-LE-1', '2026-01-31');
SELECT is((SELECT effective_until FROM credit_gz.list_entry WHERE basis_document = 'DR-LE-1'), date '2028-01-31',
          'a 24-month term listed on 2026-01-31 is no longer in force from 2028-01-31');
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, effective_until)
VALUES (pg_temp.s('dr甲公司'), 'judgment_debtor', 'dr_court', 'DR-LE-2', credit_gz.policy_date() - 30, credit_gz.policy_date() + 1);
SELECT ok(credit_gz.is_restricted(pg_temp.s('dr甲公司'), 'government_procurement', 'procurement_bid'),
          'an entry whose until is tomorrow restricts today (its last day)');
SELECT is(credit_gz.precheck(pg_temp.s('dr甲公司'), 'government_procurement', 'procurement_bid') ->> 'verdict', 'deny',
          'and the full pre-check denies');
UPDATE credit_gz.list_entry SET effective_until = credit_gz.policy_date() WHERE basis_document = 'DR-LE-2';
SELECT ok(NOT credit_gz.is_restricted(pg_temp.s('dr甲公司'), 'government_procurement', 'procurement_bid'),
          'an entry whose until is today no longer restricts');
SELECT is(credit_gz.precheck(pg_temp.s('dr甲公司'), 'government_procurement', 'procurement_bid') ->> 'verdict', 'allow',
          'and the full pre-check allows');
SELECT throws_ok($$UPDATE credit_gz.list_entry SET status = 'expired', status_changed_on = credit_gz.policy_date() - 1
                    WHERE basis_document = 'DR-LE-2'$$, '23514', 'list entry DR-LE-2 of subject '
                    || credit_gz.subject_code(pg_temp.s('dr甲公司')) || ' has not reached the end of its term',
                 'an entry cannot expire on its last day');
SELECT lives_ok($$UPDATE credit_gz.list_entry SET status = 'expired', status_changed_on = credit_gz.policy_date()
                   WHERE basis_document = 'DR-LE-2'$$, 'it expires on its until day');

-- ---- measure: applies on its last day, not on its until day --------------------------------------------------
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
VALUES (pg_temp.s('dr丁公司'), 'key_attention', 'dr_court', 'DR-KA-1', credit_gz.policy_date() - 5);
INSERT INTO credit_gz.measure (code, name_zh, list_type_code, domain_code, action, category, kind, effect, legal_basis,
                               effective_from, effective_until)
VALUES ('dr_honour_bar', '测试措施', 'key_attention', NULL, 'honour', 'rights_reducing', 'punishment', 'deny', '测试依据',
        '2020-01-01', credit_gz.policy_date() + 1);
SELECT is(credit_gz.precheck(pg_temp.s('dr丁公司'), 'taxation', 'honour') ->> 'verdict', 'deny',
          'a measure applies on its last day');
UPDATE credit_gz.measure SET effective_until = credit_gz.policy_date() WHERE code = 'dr_honour_bar';
SELECT is(credit_gz.precheck(pg_temp.s('dr丁公司'), 'taxation', 'honour') ->> 'verdict', 'allow',
          'and not on its until day');

-- ---- relation and propagation_rule: a derived entry holds while both do ---------------------------------------
INSERT INTO credit_gz.propagation_rule (list_type_code, relation_kind, derived_list_type_code, legal_basis,
                                        effective_from, effective_until)
VALUES ('key_attention', 'branch', 'key_attention', '测试依据', '2020-01-01', credit_gz.policy_date() + 1);
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until)
VALUES (pg_temp.s('dr丁公司'), pg_temp.s('dr丙分公司'), 'branch', credit_gz.policy_date() - 10, credit_gz.policy_date() + 1);
CREATE TEMP TABLE root AS
    SELECT entry_id FROM credit_gz.list_entry WHERE basis_document = 'DR-KA-1' AND derived_from_entry_id IS NULL;
SELECT credit_gz.repropagate_entry((SELECT entry_id FROM root));
SELECT is((SELECT effective_until FROM credit_gz.list_entry
            WHERE subject_id = pg_temp.s('dr丙分公司') AND status = 'active'), credit_gz.policy_date() + 1,
          'a relation whose until is tomorrow derives an entry in force today, ending with the relation');
UPDATE credit_gz.relation SET valid_until = credit_gz.policy_date() WHERE subject_id = pg_temp.s('dr丁公司');
SELECT is((SELECT count(*)::int FROM credit_gz.list_entry WHERE subject_id = pg_temp.s('dr丙分公司') AND status = 'active'), 0,
          'a relation whose until is today derives nothing');
UPDATE credit_gz.relation SET valid_until = NULL WHERE subject_id = pg_temp.s('dr丁公司');
SELECT is((SELECT count(*)::int FROM credit_gz.list_entry WHERE subject_id = pg_temp.s('dr丙分公司') AND status = 'active'), 1,
          'an open relation derives again, under a rule on its last day');
UPDATE credit_gz.propagation_rule SET effective_until = credit_gz.policy_date() WHERE legal_basis = '测试依据' AND relation_kind = 'branch';
SELECT credit_gz.repropagate_entry((SELECT entry_id FROM root));
SELECT is((SELECT count(*)::int FROM credit_gz.list_entry WHERE subject_id = pg_temp.s('dr丙分公司') AND status = 'active'), 0,
          'a propagation rule whose until is today no longer derives');
SELECT throws_ok($$INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until)
                   VALUES (pg_temp.s('dr甲公司'), pg_temp.s('dr丙分公司'), 'branch', '2025-01-01', '2025-01-01')$$,
                 '23514', NULL, 'an empty relation period is refused');

-- ---- repair_bar: barred on its last day, free on its until day -----------------------------------------------
INSERT INTO credit_gz.repair_bar (subject_id, barred_from, barred_until, reason, basis, department_code)
VALUES (pg_temp.s('dr乙公司'), credit_gz.policy_date() - 10, credit_gz.policy_date() + 5, '测试', '测试依据', 'dr_court');
SELECT is(credit_gz.repair_bar_until(pg_temp.s('dr乙公司'), NULL, credit_gz.policy_date() + 4), credit_gz.policy_date() + 5,
          'on the bar''s last day, repair_bar_until names the first free day');
SELECT is(credit_gz.repair_bar_until(pg_temp.s('dr乙公司'), NULL, credit_gz.policy_date() + 5), NULL,
          'on its until day no bar is in force');

-- ---- deadline_rule and scoring_rule (half-open already; now through in_force) --------------------------------
INSERT INTO credit_gz.deadline_rule (deadline_rule_id, procedure, step, channel, working_days, effective_from,
                                     effective_until, source)
VALUES (1901, 'objection', 'acceptance', 'standard', 7, '2030-01-01', '2030-02-01', '测试依据');
SELECT is(ARRAY[credit_gz.deadline_working_days('objection', 'acceptance', 'standard', '2029-12-31'),
                credit_gz.deadline_working_days('objection', 'acceptance', 'standard', '2030-01-31'),
                credit_gz.deadline_working_days('objection', 'acceptance', 'standard', '2030-02-01')],
          ARRAY[2, 7, 2], 'a local deadline rule governs from its first day up to its last');
INSERT INTO credit_gz.scoring_model (code, name_zh, name_en, kind, base_score, floor_score, ceiling_score,
                                     a_min, b_min, c_min, warning_drop, warning_window)
VALUES ('dr', '日期测试模型', 'date test model', 'comprehensive', 80, 50, 95, 90, 70, 60, 5, '30 days');
INSERT INTO credit_gz.scoring_rule (model_code, item_code, points, effective_from, effective_until)
VALUES ('dr', 'administrative_penalty', -5, '2019-01-01', '2025-01-01'), ('dr', 'administrative_penalty', -8, '2025-01-01', NULL);
SELECT is(ARRAY(SELECT k.points_centi FROM (VALUES (date '2024-12-31'), (date '2025-01-01')) d (day),
                  LATERAL credit_gz.rule_contributions('r', 'administrative_penalty', 'general', NULL, d.day, NULL, NULL, d.day) k
                 WHERE k.model_code = 'dr' ORDER BY d.day),
          ARRAY[-500, -800], 'a scoring rule scores decisions up to its last day; its successor from its until day');

-- ---- 公示截止期: inclusive in the national format, converted once on the way in and once on the way out ---------
SELECT is(ARRAY[credit_gz.exclusive_end('2025-12-31'), credit_gz.inclusive_end('2026-01-01')],
          ARRAY[date '2026-01-01', date '2025-12-31'], 'exclusive_end and inclusive_end: one day apart');
SELECT is(ARRAY[credit_gz.exclusive_end(NULL), credit_gz.inclusive_end('infinity')]::text[], ARRAY[NULL, 'infinity'],
          'NULL and infinity stay as they are');
CREATE TEMP TABLE dec AS SELECT credit_gz.policy_date() - 100 AS d;
SELECT credit_gz.load_record('dr_court', 'DR-P-1', pg_temp.s('dr乙公司'), 'administrative_penalty', (SELECT d FROM dec),
                             NULL, 'general');
CREATE TEMP TABLE full_until AS SELECT publish_until AS u FROM credit_gz.record WHERE document_no = 'DR-P-1';
SELECT is((SELECT u FROM full_until), ((SELECT d FROM dec) + interval '12 months')::date,
          'without 公示截止期 the rule''s window: a general penalty is published for 12 months');
SELECT lives_ok($$SELECT credit_gz.load_record('dr_court', 'DR-P-1', pg_temp.s('dr乙公司'), 'administrative_penalty',
                    (SELECT d FROM dec), NULL, 'general', publicity_deadline => (SELECT u - 1 FROM full_until))$$,
                'a 公示截止期 on the rule''s last day is accepted');
SELECT is((SELECT publish_until FROM credit_gz.record WHERE document_no = 'DR-P-1'), (SELECT u FROM full_until),
          'and stored as publish_until, the day after it');
SELECT throws_ok($$SELECT credit_gz.load_record('dr_court', 'DR-P-1', pg_temp.s('dr乙公司'), 'administrative_penalty',
                     (SELECT d FROM dec), NULL, 'general', publicity_deadline => (SELECT u FROM full_until))$$,
                 '23514', NULL, 'a 公示截止期 one day after the rule''s last day is refused');
SELECT credit_gz.load_record('dr_court', 'DR-P-1', pg_temp.s('dr乙公司'), 'administrative_penalty', (SELECT d FROM dec),
                             NULL, 'general', publicity_deadline => ((SELECT d FROM dec) + interval '6 months')::date - 1);
SELECT is((SELECT publish_until FROM credit_gz.record WHERE document_no = 'DR-P-1'),
          ((SELECT d FROM dec) + interval '6 months')::date, 'an earlier 公示截止期 ends publicity the day after it');
SELECT throws_ok($$SELECT credit_gz.load_record('dr_court', 'DR-P-2', pg_temp.s('dr乙公司'), 'honour', credit_gz.policy_date() - 1,
                     publicity_deadline => credit_gz.policy_date() + 30)$$,
                 '22023', NULL, 'a record without a publicity period takes no 公示截止期');
SELECT ok(credit_gz.credit_report_text(pg_temp.s('dr乙公司'), 'government')
            LIKE '%公示期: ' || to_char((SELECT d FROM dec), 'YYYY-MM-DD') || ' 至 '
                 || to_char(((SELECT d FROM dec) + interval '6 months')::date - 1, 'YYYY-MM-DD') || '%',
          'the printed report gives the 公示截止期, the last day published');
SELECT is((credit_gz.credit_report(pg_temp.s('dr乙公司'), 'government') -> 'records' -> 0 ->> 'publish_until')::date,
          ((SELECT d FROM dec) + interval '6 months')::date, 'while the report''s data keeps publish_until');
SELECT ok(credit_gz.credit_report_text(pg_temp.s('dr乙公司'), 'government')
            LIKE '%期间: 2026-01-31 至 2028-01-30%', 'a list entry prints its last day in force');

-- ---- conformance: one convention in the catalogue -----------------------------------------------------------
CREATE TEMP VIEW cg_col AS
SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       pg_catalog.col_description(c.oid, a.attnum) AS comment
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'credit_gz'
  JOIN pg_catalog.pg_class c ON d.classid = 'pg_catalog.pg_class'::regclass AND c.oid = d.objid
  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e' AND c.relkind IN ('r', 'p', 'v', 'm');
SELECT is(ARRAY(SELECT relname || '.' || attname FROM cg_col
                 WHERE attname ~ '(^|_)to(_|$)' AND (type IN ('date', 'timestamp with time zone', 'timestamp without time zone')
                                                     OR attname ~ '_year$')
                 ORDER BY 1),
          '{}'::text[], 'no period ends in a *_to column: ends are *_until');
SELECT is(ARRAY(SELECT relname || '.' || attname FROM cg_col
                 WHERE attname ~ '_until(_year)?$' AND coalesce(comment, '') !~ 'first (day|instant|year|decision date)[^/]* no longer'
                 ORDER BY 1),
          '{}'::text[], 'every *_until column says it is the first day (instant, year) no longer in the period');
SELECT is(ARRAY(SELECT c.conrelid::regclass || '.' || c.conname
                  FROM pg_catalog.pg_constraint c
                  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.conrelid
                  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'credit_gz' AND d.deptype = 'e'
                 WHERE c.contype = 'c' AND pg_catalog.pg_get_constraintdef(c.oid) ~ '_until(_year)? >= '
                   -- the one period that may hold no day: a record published on no day at all (publish_until =
                   -- publish_from), e.g. withdrawn from publicity on its decision day
                   AND (c.conrelid, c.conname) <> ('credit_gz.record'::regclass, 'record_window')
                 ORDER BY 1),
          '{}'::text[], 'no CHECK admits an until on its from (a rule or relation period holds at least one day)');

SELECT * FROM finish();
ROLLBACK;
