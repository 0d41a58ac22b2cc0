-- scoring: rules, decay, floor/ceiling, M, direct downgrade, history, grade_at, breakdown, warnings,
-- sampling, and recompute == incremental. Everything runs in one transaction and is rolled back.
BEGIN;
SELECT plan(90);

-- ---- helpers: valid codes for test subjects --------------------------------------------------------------------
CREATE FUNCTION pg_temp.org(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT d || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT d, 11 - (SELECT sum(substr(d, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i])
                              FROM generate_series(1, 8) i)::int % 11 AS c
              FROM (SELECT lpad(n::text, 8, '0') AS d) x) y $$;
CREATE FUNCTION pg_temp.subj(n int) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO credit_gz.subject (uscc, name)
    VALUES (credit_gz.uscc_make('91440106' || pg_temp.org(77000000 + n)), 'tap scoring ' || n)
    RETURNING subject_id $$;
CREATE FUNCTION pg_temp.rec(s bigint, item text, sev text, dom text, doc text, decided date DEFAULT credit_gz.policy_date() - 10)
RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no,
                                  decision_date)
    VALUES (s, item, sev, dom, (SELECT min(code) FROM credit_gz.department), doc, decided)
    RETURNING record_id $$;
CREATE FUNCTION pg_temp.sc(s bigint, m text DEFAULT 'tap') RETURNS numeric LANGUAGE sql AS $$
    SELECT score FROM credit_gz.subject_score WHERE subject_id = s AND model_code = m $$;
CREATE FUNCTION pg_temp.gr(s bigint, m text DEFAULT 'tap') RETURNS text LANGUAGE sql AS $$
    SELECT grade::text FROM credit_gz.subject_score WHERE subject_id = s AND model_code = m $$;

CREATE TEMP TABLE ids (name text PRIMARY KEY, id bigint);
INSERT INTO ids SELECT 's' || n, pg_temp.subj(n) FROM generate_series(1, 8) n;
CREATE FUNCTION pg_temp.id(n text) RETURNS bigint LANGUAGE sql AS $$ SELECT id FROM ids WHERE name = n $$;

-- ---- schema and shipped data ------------------------------------------------------------------------------------
SELECT has_table('credit_gz', 'subject_score', 'subject_score exists');
SELECT has_table('credit_gz', 'grade_history', 'grade_history exists');
SELECT has_view('credit_gz', 'warning', 'warning view exists');
SELECT col_is_pk('credit_gz', 'subject_score', ARRAY['subject_id', 'model_code'], 'subject_score keyed by subject and model');
SELECT ok((SELECT count(*) >= 20 FROM credit_gz.scoring_model WHERE kind = 'domain'),
          'graded supervision covers at least 20 domains (一、总体要求)');
SELECT results_eq($$SELECT a_min, b_min, c_min, base_score FROM credit_gz.scoring_model WHERE code = 'taxation'$$,
                  $$VALUES (90.00::numeric(7,2), 70.00::numeric(7,2), 40.00::numeric(7,2), 100.00::numeric(7,2))$$,
                  'tax model: A >= 90, B >= 70, C >= 40 (2025 measures)');
SELECT ok(EXISTS (SELECT 1 FROM credit_gz.scoring_model WHERE code = 'market_risk' AND kind = 'risk'),
          'market-supervision credit-risk model shipped');
SELECT is((SELECT count(*)::int FROM credit_gz.supervision_measure WHERE domain_code = 'taxation'), 5,
          'a supervision measure for each grade of a domain');

-- ---- the arithmetic in SQL -------------------------------------------------------------------------------------
SELECT is(credit_gz.decayed_points(-1000, 1::smallint, NULL, DATE '2026-01-01', DATE '2026-01-11', DATE '2026-01-06'),
          -500, 'linear decay halfway: half the points');
SELECT is(credit_gz.decayed_points(-2000, 2::smallint, 4, DATE '2026-01-01', DATE '2026-04-11', DATE '2026-01-26'),
          -1500, 'step decay, 4 steps, second step: 3/4');
SELECT is(credit_gz.decayed_points(-2000, 1::smallint, NULL, DATE '2026-01-01', NULL, DATE '2030-01-01'),
          -2000, 'no window end: no decay');
SELECT is(credit_gz.decayed_points(-2000, 1::smallint, NULL, DATE '2026-01-01', DATE '2026-02-01', DATE '2026-03-01'),
          0, 'after the window: nothing left');
SELECT is(credit_gz.scoring_grade(9000, 1, NULL, 9000, 7000, 4000, 'M'), 'A', '90 grades A');
SELECT is(credit_gz.scoring_grade(3999, 1, NULL, 9000, 7000, 4000, 'M'), 'D', '39.99 grades D');
SELECT is(credit_gz.scoring_grade(9500, 0, NULL, 9000, 7000, 4000, 'M'), 'M', 'no contributions: M');
SELECT is(credit_gz.scoring_grade(9500, 2, 0::smallint, 9000, 7000, 4000, 'M'), 'D', 'cap rank 0 forces D');
SELECT throws_ok($$SELECT credit_gz.decayed_points(1, 7::smallint, NULL, NULL, NULL, credit_gz.policy_date())$$, '22023',
                 NULL, 'unknown decay code rejected');

-- ---- a test model with one rule of each kind -------------------------------------------------------------------
INSERT INTO credit_gz.scoring_model (code, name_zh, name_en, kind, base_score, floor_score, ceiling_score,
                                     a_min, b_min, c_min, warning_drop, warning_window)
VALUES ('tap', '测试模型', 'test model', 'comprehensive', 80, 50, 95, 90, 70, 60, 5, '30 days');
INSERT INTO credit_gz.scoring_rule (model_code, item_code, item_kind, severity, domain_code, points, decay, decay_steps,
                                    effective_from, effective_until)
VALUES ('tap', 'administrative_penalty', NULL, 'general', NULL, -7, 'none', NULL, '2019-01-01', NULL),   -- item+severity
       ('tap', 'administrative_penalty', NULL, NULL, 'taxation', -11, 'none', NULL, '2019-01-01', NULL), -- item+domain
       ('tap', NULL, 'penalty', NULL, NULL, -3, 'none', NULL, '2019-01-01', NULL),                      -- kind
       ('tap', NULL, 'penalty', 'serious', NULL, -20, 'step', 4, '2019-01-01', NULL),                   -- kind+severity
       ('tap', NULL, 'positive', NULL, NULL, 4, 'none', NULL, '2019-01-01', NULL),
       ('tap', NULL, 'negative', NULL, NULL, -5, 'none', NULL, '2019-01-01', '2025-01-01'),             -- versioned
       ('tap', NULL, 'negative', NULL, NULL, -8, 'none', NULL, '2025-01-01', NULL),
       ('tap', 'dishonest_judgment_debtor', NULL, NULL, NULL, -9, 'linear', NULL, '2019-01-01', NULL);
SELECT ok((SELECT count(*) > 0 FROM credit_gz.scoring_rule_key WHERE model_code = 'tap'),
          'rule keys rebuilt when rules change');

-- item + severity beats kind: a general penalty costs 7
INSERT INTO ids VALUES ('r1', pg_temp.rec(pg_temp.id('s1'), 'administrative_penalty', 'general', 'construction', 'tap-1'));
SELECT is(pg_temp.sc(pg_temp.id('s1')), 73.00, 'item+severity rule: 80 - 7 = 73');
SELECT is(pg_temp.gr(pg_temp.id('s1')), 'B', '73 grades B');
SELECT results_eq($$SELECT old_grade::text, new_grade::text, cause, cause_record_id FROM credit_gz.grade_history
                    WHERE subject_id = pg_temp.id('s1') AND model_code = 'tap'$$,
                  $$VALUES ('M', 'B', 'record', pg_temp.id('r1'))$$,
                  'grade history: M -> B caused by the record');
-- positive information adds points
SELECT pg_temp.rec(pg_temp.id('s1'), 'honour', NULL, 'construction', 'tap-2');
SELECT is(pg_temp.sc(pg_temp.id('s1')), 77.00, 'positive rule: +4');
-- item + domain (10) beats kind (1) for a minor penalty in taxation; item + severity (12) would beat it for general
INSERT INTO ids VALUES ('r3', pg_temp.rec(pg_temp.id('s1'), 'administrative_penalty', 'minor', 'taxation', 'tap-3'));
SELECT is(pg_temp.sc(pg_temp.id('s1')), 66.00, 'item+domain rule: -11');
SELECT is(pg_temp.gr(pg_temp.id('s1')), 'C', 'grade falls to C');
SELECT is((SELECT count(*)::int FROM credit_gz.warning WHERE subject_id = pg_temp.id('s1') AND model_code = 'tap'
             AND kind = 'grade_fell' AND old_grade::text = 'B' AND new_grade::text = 'C'), 1,
          'early warning: the grade fell');
SELECT is((SELECT score_drop FROM credit_gz.warning WHERE subject_id = pg_temp.id('s1') AND model_code = 'tap'
             AND kind = 'score_dropped'), 14.00,
          'early warning: 66 is 14 below the highest score (80) within the window');
SELECT pg_temp.rec(pg_temp.id('s1'), 'administrative_penalty', 'general', 'taxation', 'tap-4');
SELECT is(pg_temp.sc(pg_temp.id('s1')), 59.00, 'general penalty in taxation: item+severity (-7) beats item+domain');

-- breakdown explains the score
SELECT is((SELECT sum(effective_points) FROM credit_gz.score_breakdown(pg_temp.id('s1'), 'tap')), 59.00,
          'breakdown: base + effective points = score');
SELECT is((SELECT count(*)::int FROM credit_gz.score_breakdown(pg_temp.id('s1'), 'tap') WHERE source = 'record'), 4,
          'breakdown lists every counting record');

-- floor
SELECT pg_temp.rec(pg_temp.id('s1'), 'administrative_penalty', 'general', 'construction', 'tap-f' || g)
  FROM generate_series(1, 3) g;
SELECT is(pg_temp.sc(pg_temp.id('s1')), 50.00, 'floor: never below 50');
SELECT results_eq($$SELECT raw_points, contributions FROM credit_gz.subject_score
                    WHERE subject_id = pg_temp.id('s1') AND model_code = 'tap'$$,
                  $$VALUES (-42.00::numeric(9,2), 7)$$, 'raw points keep the unclamped sum');
SELECT is(pg_temp.gr(pg_temp.id('s1')), 'D', 'below c_min: D');

-- ceiling
SELECT pg_temp.rec(pg_temp.id('s2'), 'honour', NULL, 'construction', 'tap-c' || g) FROM generate_series(1, 5) g;
SELECT is(pg_temp.sc(pg_temp.id('s2')), 95.00, 'ceiling: never above 95');
SELECT is(pg_temp.gr(pg_temp.id('s2')), 'A', 'ceiling score grades A');

-- M: information that no rule counts leaves the subject without history
SELECT pg_temp.rec(pg_temp.id('s3'), 'administrative_licence', NULL, 'construction', 'tap-m1');
SELECT is(pg_temp.sc(pg_temp.id('s3')), NULL, 'a licence does not score: no subject_score row');
SELECT is(credit_gz.grade_at(pg_temp.id('s3'), 'tap', now())::text, 'M', 'no history: grade_at gives M');
SELECT is((SELECT count(*)::int FROM credit_gz.score_breakdown(pg_temp.id('s3'), 'tap')), 1, 'breakdown of M: base only');

-- direct downgrade: being a customs dishonest enterprise forces D whatever the score
INSERT INTO credit_gz.scoring_downgrade (model_code, item_code, max_grade, effective_from)
VALUES ('tap', 'customs_dishonest', 'D', '2019-01-01');
INSERT INTO ids VALUES ('r4', pg_temp.rec(pg_temp.id('s4'), 'customs_dishonest', NULL, 'customs', 'tap-d1'));
SELECT is(pg_temp.sc(pg_temp.id('s4')), 72.00, 'customs dishonest: negative-kind rule -8');
SELECT is(pg_temp.gr(pg_temp.id('s4')), 'D', 'direct downgrade forces D although 72 would be B');
SELECT is((SELECT max_grade::text FROM credit_gz.score_breakdown(pg_temp.id('s4'), 'tap') WHERE source = 'record'), 'D',
          'breakdown shows the downgrade');
-- the status decides: a revoked record stops counting
UPDATE credit_gz.record SET status = 'revoked' WHERE record_id = pg_temp.id('r4');
SELECT results_eq($$SELECT score, grade::text, contributions FROM credit_gz.subject_score
                    WHERE subject_id = pg_temp.id('s4') AND model_code = 'tap'$$,
                  $$VALUES (80.00::numeric(7,2), 'M', 0)$$, 'revoked: back to base and M');
SELECT results_eq($$SELECT old_grade::text || '>' || new_grade::text FROM credit_gz.grade_history
                    WHERE subject_id = pg_temp.id('s4') AND model_code = 'tap' ORDER BY history_id$$,
                  $$VALUES ('M>D'), ('D>M')$$, 'history records both changes');
UPDATE credit_gz.record SET status = 'under_objection' WHERE record_id = pg_temp.id('r4');
SELECT is(pg_temp.gr(pg_temp.id('s4')), 'D', 'under objection counts again');

-- rule versions: the one in force on the decision date
SELECT pg_temp.rec(pg_temp.id('s5'), 'abnormal_operations', NULL, 'construction', 'tap-v1', DATE '2024-10-01');
SELECT is(pg_temp.sc(pg_temp.id('s5')), 75.00, 'decided 2024: the -5 version');
SELECT pg_temp.rec(pg_temp.id('s5'), 'abnormal_operations', NULL, 'construction', 'tap-v2', DATE '2025-10-01');
SELECT is(pg_temp.sc(pg_temp.id('s5')), 67.00, 'decided 2025: the -8 version');

-- decay over the publicity window, as the archive filled it
INSERT INTO ids VALUES ('r6', pg_temp.rec(pg_temp.id('s6'), 'dishonest_judgment_debtor', NULL, 'construction', 'tap-j1',
                                           credit_gz.policy_date() - 40));
SELECT is((SELECT effective_points FROM credit_gz.score_breakdown(pg_temp.id('s6'), 'tap') WHERE source = 'record'),
          (SELECT (credit_gz.decayed_points(-900, 1::smallint, NULL, publish_from, publish_until,
                                            credit_gz.policy_date()) / 100.0)::numeric(7,2)
             FROM credit_gz.record WHERE record_id = pg_temp.id('r6')),
          'linear decay over the record''s own publicity window');
SELECT ok((SELECT effective_points > -9 AND effective_points < 0
             FROM credit_gz.score_breakdown(pg_temp.id('s6'), 'tap') WHERE source = 'record'),
          'a 40-day-old record has lost part of its weight');
-- step decay after a severity change (update of a scoring column rescored)
UPDATE credit_gz.record SET item_code = 'administrative_penalty', severity = 'serious' WHERE record_id = pg_temp.id('r6');
SELECT is((SELECT scoring_rule_id FROM credit_gz.score_breakdown(pg_temp.id('s6'), 'tap') WHERE source = 'record'),
          (SELECT scoring_rule_id FROM credit_gz.scoring_rule WHERE model_code = 'tap' AND severity = 'serious'),
          'update to a serious penalty: the kind+severity rule applies');
SELECT is((SELECT effective_points FROM credit_gz.score_breakdown(pg_temp.id('s6'), 'tap') WHERE source = 'record'),
          (SELECT (credit_gz.decayed_points(-2000, 2::smallint, 4, publish_from, publish_until,
                                            credit_gz.policy_date()) / 100.0)::numeric(7,2)
             FROM credit_gz.record WHERE record_id = pg_temp.id('r6')),
          'step decay over the window');

-- moving a record to another subject rescores both
UPDATE credit_gz.record SET subject_id = pg_temp.id('s7') WHERE document_no = 'tap-2';
SELECT is(pg_temp.sc(pg_temp.id('s7')), 84.00, 'the new subject gains the record');
SELECT is((SELECT count(*)::int FROM credit_gz.score_breakdown(pg_temp.id('s1'), 'tap') WHERE source = 'record'), 6,
          'the old subject lost it');
-- deleting a record
DELETE FROM credit_gz.record WHERE document_no = 'tap-c1';
SELECT is(pg_temp.sc(pg_temp.id('s2')), 95.00, 'delete: still at the ceiling with four awards (96 clamped)');
SELECT is((SELECT contributions FROM credit_gz.subject_score WHERE subject_id = pg_temp.id('s2') AND model_code = 'tap'),
          4, 'delete: one contribution fewer');

-- list entries: a serious-dishonesty list forces D in every model; red lists add points; revoked entries stop
WITH x AS (
    INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
    VALUES (pg_temp.id('s2'), 'samr_serious_illegal', (SELECT min(code) FROM credit_gz.department), 'tap list 1')
    RETURNING entry_id)
INSERT INTO ids SELECT 'e1', entry_id FROM x;
SELECT is(pg_temp.gr(pg_temp.id('s2'), 'city_comprehensive'), 'D', 'serious-dishonesty list entry forces D');
SELECT is((SELECT count(*)::int FROM credit_gz.subject_score WHERE subject_id = pg_temp.id('s2') AND grade::text <> 'D'),
          0, '... under every model');
SELECT is((SELECT cause_entry_id FROM credit_gz.grade_history WHERE subject_id = pg_temp.id('s2')
             AND model_code = 'city_comprehensive' ORDER BY history_id DESC LIMIT 1), pg_temp.id('e1'),
          'the history names the entry');
UPDATE credit_gz.list_entry SET status = 'revoked', status_reason = 'tap' WHERE entry_id = pg_temp.id('e1');
SELECT is(pg_temp.gr(pg_temp.id('s2'), 'city_comprehensive'), 'A', 'revoked: the score grades again (80 + 3 x 4 = 92)');
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
VALUES (pg_temp.id('s3'), 'a_grade_taxpayer', (SELECT min(code) FROM credit_gz.department), 'tap list 2');
SELECT is(pg_temp.sc(pg_temp.id('s3'), 'city_comprehensive'), 85.00, 'red list: +5');

-- the insert fast path adds to the maintained sums only when they are from today; a subject scored on an earlier
-- day is rescored from its records, and later rows of the same statement are not counted twice
UPDATE credit_gz.subject_score SET scored_on = scored_on - 1 WHERE subject_id = pg_temp.id('s6') AND decaying;
INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
SELECT pg_temp.id('s6'), 'administrative_penalty', 'general', 'construction', (SELECT min(code) FROM credit_gz.department),
       'tap-multi-' || g, credit_gz.policy_date() - 20
  FROM generate_series(1, 3) g;
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores() WHERE subject_id = pg_temp.id('s6')$$,
                'a multi-row insert for a subject scored on an earlier day counts each record once');

-- recompute == incremental
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores()$$, 'maintained scores equal a fresh computation');
SELECT is(credit_gz.rescore_subject(pg_temp.id('s1')), 0, 'rescoring a current subject changes nothing');
UPDATE credit_gz.scoring_rule SET points = 20 WHERE model_code = 'tap' AND item_kind = 'positive';
SELECT isnt_empty($$SELECT * FROM credit_gz.verify_scores() WHERE model_code = 'tap'$$,
                  'after a rule change verify_scores shows the stale scores');
SELECT ok(credit_gz.recompute_scores('tap') > 0, 'recompute_scores updates them');
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores()$$, 'and verify_scores is empty again');
SELECT is(credit_gz.recompute_scores('tap'), 0::bigint, 'recompute_scores is idempotent');
SELECT is((SELECT count(*)::int FROM credit_gz.grade_history WHERE model_code = 'tap' AND cause = 'recompute'
             AND subject_id = pg_temp.id('s7')), 1, 'a grade changed by recompute is in the history');
SELECT throws_ok($$SELECT credit_gz.recompute_scores('no_such_model')$$, '23503', NULL, 'unknown model rejected');

-- grade_at: one index lookup over the history
INSERT INTO credit_gz.grade_history (subject_id, model_code, old_grade, new_grade, old_score, new_score, changed_at, cause,
                                     seq)
VALUES (pg_temp.id('s8'), 'tap', 'M', 'B', 80, 75, '2026-01-01 00:00+08', 'rescore', 1),
       (pg_temp.id('s8'), 'tap', 'B', 'C', 75, 65, '2026-03-01 00:00+08', 'rescore', 2),
       (pg_temp.id('s8'), 'tap', 'C', 'A', 65, 92, '2026-06-01 00:00+08', 'rescore', 3);
SELECT results_eq($$SELECT credit_gz.grade_at(pg_temp.id('s8'), 'tap', t)::text FROM unnest(ARRAY[
                      timestamptz '2025-12-31 23:59+08', '2026-01-01 00:00+08', '2026-02-15 00:00+08',
                      '2026-03-01 00:00+08', '2026-12-01 00:00+08']) t$$,
                  $$VALUES ('M'), ('B'), ('B'), ('C'), ('A')$$, 'grade_at before, at and between changes');

-- sampling: stratified, reproducible
UPDATE credit_gz.supervision_measure SET inspection_ratio = 1 WHERE domain_code = 'construction' AND grade::text = 'D';
SELECT set_eq($$SELECT subject_id FROM credit_gz.draw_inspection_sample('construction', 42)$$,
              $$SELECT subject_id FROM credit_gz.draw_inspection_sample('construction', 42)$$,
              'the same seed draws the same sample');
SELECT ok((SELECT bool_and(stratum_sample = ceil(inspection_ratio * stratum_size))
             FROM credit_gz.draw_inspection_sample('construction', 7)),
          'each grade stratum gets ceil(ratio x size)');

-- score_totals (C, one pass) equals the GROUP BY of score_contributions (SQL, the definition) on everything here:
-- decaying and versioned rules, caps, list entries, every model; also when forced into many passes.
CREATE TEMP TABLE totals_sql AS
SELECT c.subject_id, c.model_no, sum(c.effective_centi)::bigint AS raw, count(*) AS n, min(c.cap_rank) AS cap_rank,
       bool_or(c.decays) AS decays
  FROM credit_gz.score_contributions(NULL, credit_gz.policy_date()) c GROUP BY 1, 2;
SELECT ok((SELECT count(*) > 0 FROM totals_sql WHERE decays) AND (SELECT count(*) > 0 FROM totals_sql WHERE cap_rank IS NOT NULL),
          'the comparison covers decaying and capped totals');
SELECT set_eq($$SELECT * FROM credit_gz.score_totals(NULL, credit_gz.policy_date())$$,
              $$SELECT * FROM totals_sql$$, 'score_totals equals grouped score_contributions, all models');
-- a small maintenance_work_mem against a large estimate makes score_totals read the tables in many passes
UPDATE pg_catalog.pg_class SET reltuples = 1000000
 WHERE oid IN ('credit_gz.subject'::regclass, 'credit_gz.record'::regclass);
SET LOCAL maintenance_work_mem = '1MB';
SELECT set_eq($$SELECT * FROM credit_gz.score_totals(ARRAY['tap', 'city_comprehensive'], credit_gz.policy_date())$$,
              $$SELECT t.* FROM totals_sql t JOIN (SELECT DISTINCT model_no, model_code FROM credit_gz.scoring_rule_key) k
                  USING (model_no) WHERE k.model_code IN ('tap', 'city_comprehensive')$$,
              'and in many passes (subject_id residue classes), two models');
RESET maintenance_work_mem;
SELECT throws_ok($$SELECT * FROM credit_gz.score_totals(NULL, NULL)$$, '22004', NULL, 'score_totals needs a scoring date');

-- one definition of a score from its sums: clamp (sm_clamp_score, pinned by the C unit tests), then grade
SELECT is(credit_gz.clamp_score(8000, -9000, 0, 10000), 0::bigint, 'clamp_score: clamped to the floor');
SELECT is(credit_gz.clamp_score(8000, 5000, 0, 10000), 10000::bigint, 'clamp_score: clamped to the ceiling');
SELECT is(credit_gz.clamp_score(8000, -500, 0, 10000), 7500::bigint, 'clamp_score: inside the range');
SELECT results_eq($$SELECT x.score_centi, x.score, x.grade::text
                      FROM (VALUES (1, -5000::bigint, 1::bigint, NULL::smallint), (2, 2000, 1, NULL), (3, 0, 0, NULL),
                                   (4, NULL, 0, NULL), (5, 1200, 1, 1), (6, -1500, 2, NULL)) v (i, raw, n, cap)
                     CROSS JOIN LATERAL credit_gz.score_from_sums('tap', v.raw, v.n, v.cap::smallint) x ORDER BY v.i$$,
                  $$VALUES (5000::bigint, 50.00::numeric(7,2), 'D'), (9500, 95.00, 'A'), (8000, 80.00, 'M'),
                           (8000, 80.00, 'M'), (9200, 92.00, 'C'), (6500, 65.00, 'C')$$,
                  'score_from_sums: floor, ceiling, no history, cap, thresholds of the model');
SELECT is_empty($$SELECT * FROM credit_gz.score_from_sums('no_such_model', 0, 0, NULL)$$,
                'score_from_sums: no row for an unknown model');

-- one definition of a counting record, shared by C and SQL; partial indexes written with it are used
SELECT is(credit_gz.counting_record_statuses(), ARRAY['in_publicity', 'under_objection'],
          'a record counts in publicity or under objection');
SELECT is((SELECT array_agg(s ORDER BY s) FROM unnest(ARRAY['in_publicity', 'repaired', 'expired', 'revoked',
                                                            'under_objection']) s
            WHERE credit_gz.record_counts(s)), ARRAY['in_publicity', 'under_objection'],
          'record_counts: only those statuses count');
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    l text;
    r text := '';
BEGIN
    FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        r := r || l || E'\n';
    END LOOP;
    RETURN r;
END $$;
SET LOCAL enable_seqscan = off;
SELECT matches(pg_temp.plan_of($$SELECT record_id FROM credit_gz.record r
                                  WHERE credit_gz.record_counts(r.status) AND r.publish_until <= DATE '2030-01-01'$$),
               'record_publish_until_idx', 'the partial index serves a query written with record_counts()');
SELECT matches(pg_temp.plan_of($$SELECT record_id FROM credit_gz.record r
                                  WHERE r.status = 'in_publicity' AND r.publish_until <= DATE '2030-01-01'$$),
               'record_publish_until_idx', 'and the expiry job''s records in publicity');
SELECT unalike(pg_temp.plan_of($$SELECT * FROM credit_gz.score_contributions(NULL, DATE '2026-01-01') c
                                   WHERE c.subject_id = 1$$),
               '%Function Scan%', 'score_contributions and rule_contributions are inlined (one join, by index)');
RESET enable_seqscan;

-- as_of: recompute_scores and verify_scores decay points on the day they are given
SELECT isnt_empty($$SELECT * FROM credit_gz.verify_scores(credit_gz.policy_date() + 3650) WHERE model_code = 'tap'$$,
                  'verify_scores(as_of): ten years on, the decaying points have faded');
SELECT ok(credit_gz.recompute_scores('tap', credit_gz.policy_date() + 3650) > 0,
          'recompute_scores(model, as_of) decays them on that day');
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores(credit_gz.policy_date() + 3650) WHERE model_code = 'tap'$$,
                'and verify_scores with the same as_of agrees');
SELECT is((SELECT count(*)::int FROM credit_gz.subject_score
            WHERE model_code = 'tap' AND decaying AND scored_on <> credit_gz.policy_date() + 3650), 0,
          'decaying scores carry the day they were decayed on');
SELECT ok(credit_gz.recompute_scores('tap') > 0, 'recompute_scores() decays on the scoring day by default');
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores()$$, 'and verify_scores() is empty again');

SELECT * FROM finish();
ROLLBACK;
