-- Scoring of multi-row inserts and COPY (the COPY goal): the statement trigger scoring_insert scores all new
-- records of a statement in one set-based pass. It must leave the scores row-by-row inserts leave, verify_scores()
-- empty, and as history the statement's net change: one grade_history / score_drop row per (subject, model) whose
-- grade changed / score fell over the statement, old = before it, new = after it (the grades passed through between
-- rows of one statement were never visible). Five mirrored groups of subjects get the same records: R one INSERT per
-- record, B one INSERT … SELECT, C one COPY, and L and P one INSERT … SELECT together with 1,000 records of other
-- subjects: over 1,000 rows the sums are made in C (score_bulk.c), in one pass (L) or, with a tiny work_mem, in
-- several (P). Everything is rolled back (the COPY file is a private temporary file).
BEGIN;
SELECT plan(23);

CREATE FUNCTION pg_temp.org(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT d || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT d, 11 - (SELECT sum(substr(d, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i])
                              FROM generate_series(1, 8) i)::int % 11 AS c
              FROM (SELECT lpad(n::text, 8, '0') AS d) x) y $$;
-- subject of group g (1 R, 2 B, 3 C, 4 L, 5 P; 6 and 7: the other subjects of L's and P's statements), number k
CREATE FUNCTION pg_temp.sid(g int, k int) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT 990000000 + g * 100 + k $$;

INSERT INTO credit_gz.subject (subject_id, uscc, name)
SELECT pg_temp.sid(g, k), credit_gz.uscc_make('91440106' || pg_temp.org(78000000 + g * 100 + k)), 'tap batch ' || g || '-' || k
  FROM generate_series(1, 7) g, generate_series(1, 8) k;

-- history before the statement, the same in every group: subjects 1-4 and 8 already have a record, 8 is on a red
-- list (non-decaying points) and its decaying sums are made yesterday's and wrong (a batch must not trust them)
INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
SELECT pg_temp.sid(g, k), 'administrative_penalty', 'general', 'construction', 'market_regulation',
       'TAPB-0-' || g || '-' || k, credit_gz.policy_date() - 200
  FROM generate_series(1, 5) g, (VALUES (1), (2), (3), (4), (8)) v (k);
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
SELECT pg_temp.sid(g, 8), 'a_grade_taxpayer', 'taxation', 'tap batch red list ' || g FROM generate_series(1, 5) g;
UPDATE credit_gz.subject_score SET scored_on = scored_on - 1, raw_points = raw_points + 0.01
 WHERE subject_id IN (SELECT pg_temp.sid(g, 8) FROM generate_series(1, 5) g) AND decaying;
SELECT is((SELECT count(*)::int FROM credit_gz.subject_score
            WHERE subject_id IN (SELECT pg_temp.sid(g, 8) FROM generate_series(1, 5) g)
              AND decaying AND scored_on < credit_gz.policy_date()), 15,
          'set-up: subject 8 of each group has stale decaying sums under 3 models');

-- the scores before the records, the same in every group
CREATE TEMP TABLE pre_batch AS
SELECT (s.subject_id - 990000000) % 100 AS k, s.model_code, s.score, s.grade::text AS grade
  FROM credit_gz.subject_score s WHERE s.subject_id BETWEEN 990000100 AND 990000199;

-- the records: 60 over subjects 1-8, items of every polarity, domains of several models, decaying and not
CREATE TEMP TABLE src AS
SELECT j, 1 + (j * 5) % 8 AS k,
       (ARRAY['administrative_penalty', 'administrative_penalty', 'honour', 'commitment_breach',
              'administrative_penalty', 'a_grade_taxpayer'])[1 + j % 6] AS item,
       CASE WHEN j % 6 IN (0, 1, 4) THEN (ARRAY['general', 'serious', 'general'])[1 + j % 3] END AS sev,
       (ARRAY['construction', 'taxation', 'work_safety', 'construction'])[1 + j % 4] AS dom,
       1 + (j * 37) % 300 AS age
  FROM generate_series(1, 60) j;

-- R: one statement per record (the row path)
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT * FROM src ORDER BY j LOOP
        INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no,
                                      decision_date)
        VALUES (pg_temp.sid(1, r.k), r.item, r.sev, r.dom, 'market_regulation', 'TAPB-1-' || r.j, credit_gz.policy_date() - r.age);
    END LOOP;
END $$;
-- B: one INSERT … SELECT
INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
SELECT pg_temp.sid(2, k), item, sev, dom, 'market_regulation', 'TAPB-2-' || j, credit_gz.policy_date() - age FROM src ORDER BY j;
-- C: one COPY (psql's \copy is COPY … FROM STDIN on the server)
\set cg_copy_file `mktemp`
\setenv CG_COPY_FILE :cg_copy_file
COPY (SELECT pg_temp.sid(3, k), item, sev, dom, 'market_regulation', 'TAPB-3-' || j, credit_gz.policy_date() - age
        FROM src ORDER BY j) TO STDOUT \g :cg_copy_file
\copy credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date) FROM PROGRAM 'cat "$CG_COPY_FILE"; rm -f "$CG_COPY_FILE"'
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no LIKE 'TAPB-3-%'), 60, 'COPY loaded 60 records');
-- L and P: the same records first, then 1,000 records of the subjects of group pad, in one statement
CREATE FUNCTION pg_temp.large_batch(g int, pad int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no,
                                  decision_date)
    SELECT * FROM (SELECT pg_temp.sid(g, k), item, sev, dom, 'market_regulation', 'TAPB-' || g || '-' || j,
                          credit_gz.policy_date() - age
                     FROM src ORDER BY j) l
    UNION ALL
    SELECT pg_temp.sid(pad, 1 + i % 8), 'administrative_penalty', 'general', 'construction', 'market_regulation',
           'TAPB-PAD' || pad || '-' || i, credit_gz.policy_date() - i % 300
      FROM generate_series(1, 1000) i $$;
SELECT pg_temp.large_batch(4, 6);
-- P with work_mem = 64kB: 1,060 rows budgeted at two groups of 100 bytes each exceed the 128 kB of hash memory, so
-- the C sums run in passes over residue classes of subject_id
SET LOCAL work_mem = '64kB';
SELECT pg_temp.large_batch(5, 7);
RESET work_mem;

-- what each group ended with, keyed by (k, model) and, for history, by the record's number j ('seed': set-up)
CREATE TEMP VIEW v_score AS
SELECT (s.subject_id - 990000000) / 100 AS g, (s.subject_id - 990000000) % 100 AS k, s.model_code, s.score,
       s.grade::text AS grade, s.raw_points, s.contributions, s.cap_rank, s.decaying
  FROM credit_gz.subject_score s WHERE s.subject_id BETWEEN 990000100 AND 990000799;
CREATE TEMP VIEW v_hist AS
SELECT (h.subject_id - 990000000) / 100 AS g, (h.subject_id - 990000000) % 100 AS k, h.model_code,
       row_number() OVER (PARTITION BY h.subject_id, h.model_code ORDER BY h.history_id) AS n,
       h.old_grade::text AS old_grade, h.new_grade::text AS new_grade, h.old_score, h.new_score, h.cause,
       CASE split_part(r.document_no, '-', 2) WHEN '0' THEN 'seed' ELSE split_part(r.document_no, '-', 3) END AS j
  FROM credit_gz.grade_history h LEFT JOIN credit_gz.record r ON r.record_id = h.cause_record_id
 WHERE h.subject_id BETWEEN 990000100 AND 990000799;
CREATE TEMP VIEW v_drop AS
SELECT (d.subject_id - 990000000) / 100 AS g, (d.subject_id - 990000000) % 100 AS k, d.model_code,
       row_number() OVER (PARTITION BY d.subject_id, d.model_code ORDER BY d.drop_id) AS n,
       d.old_score, d.new_score, d.cause, CASE split_part(r.document_no, '-', 2) WHEN '0' THEN 'seed' ELSE split_part(r.document_no, '-', 3) END AS j
  FROM credit_gz.score_drop d LEFT JOIN credit_gz.record r ON r.record_id = d.cause_record_id
 WHERE d.subject_id BETWEEN 990000100 AND 990000799;

SELECT ok((SELECT count(*) > 0 FROM (SELECT 1 FROM v_hist WHERE g = 1 AND j <> 'seed'
                                       GROUP BY k, model_code HAVING count(*) >= 2) x),
          'row by row, some subject changes grade more than once: the comparison covers intermediate grades');
SELECT results_eq($$SELECT k, model_code, score, grade, raw_points, contributions, cap_rank, decaying
                      FROM v_score WHERE g = 2 ORDER BY k, model_code$$,
                  $$SELECT k, model_code, score, grade, raw_points, contributions, cap_rank, decaying
                      FROM v_score WHERE g = 1 ORDER BY k, model_code$$,
                  'multi-row INSERT: the same subject_score rows as row-by-row inserts');
SELECT results_eq($$SELECT k, model_code, score, grade, raw_points, contributions, cap_rank, decaying
                      FROM v_score WHERE g = 3 ORDER BY k, model_code$$,
                  $$SELECT k, model_code, score, grade, raw_points, contributions, cap_rank, decaying
                      FROM v_score WHERE g = 1 ORDER BY k, model_code$$,
                  'COPY: the same subject_score rows as row-by-row inserts');
-- the net change of the row-by-row group over its 60 statements, from its scores before and after
CREATE TEMP VIEW v_net AS
SELECT f.k, f.model_code, coalesce(p.grade, m.no_history_grade::text) AS old_grade, f.grade AS new_grade,
       coalesce(p.score, m.base_score) AS old_score, f.score AS new_score
  FROM v_score f JOIN credit_gz.scoring_model m ON m.code = f.model_code LEFT JOIN pre_batch p USING (k, model_code)
 WHERE f.g = 1;
SELECT results_eq($$SELECT k, model_code, old_grade, new_grade, old_score, new_score, cause
                      FROM v_hist WHERE g = 2 AND j <> 'seed' ORDER BY k, model_code$$,
                  $$SELECT k, model_code, old_grade, new_grade, old_score, new_score, 'record'
                      FROM v_net WHERE old_grade <> new_grade ORDER BY k, model_code$$,
                  'multi-row INSERT: one grade_history row per (subject, model), the net of the row-by-row history');
-- COPY (3) and the large batches (4: one pass, 5: several) against the multi-row INSERT (2)
SELECT results_eq($$SELECT g, k, model_code, n, old_grade, new_grade, old_score, new_score, cause, j
                      FROM v_hist WHERE g IN (3, 4, 5) ORDER BY g, k, model_code, n$$,
                  $$SELECT o.g::bigint, k, model_code, n, old_grade, new_grade, old_score, new_score, cause, j
                      FROM v_hist, (VALUES (3), (4), (5)) o (g) WHERE v_hist.g = 2 ORDER BY o.g, k, model_code, n$$,
                  'COPY and large batches (sums in C, one pass and several): the same grade_history as the '
                  'multi-row INSERT, naming the same records');
SELECT results_eq($$SELECT k, model_code, old_score, new_score, cause FROM v_drop WHERE g = 2 AND j <> 'seed'
                     ORDER BY k, model_code$$,
                  $$SELECT k, model_code, old_score, new_score, 'record' FROM v_net WHERE new_score < old_score
                     ORDER BY k, model_code$$,
                  'multi-row INSERT: one score_drop row per (subject, model) whose score fell over the statement');
SELECT results_eq($$SELECT g, k, model_code, n, old_score, new_score, cause, j FROM v_drop WHERE g IN (3, 4, 5)
                     ORDER BY g, k, model_code, n$$,
                  $$SELECT o.g::bigint, k, model_code, n, old_score, new_score, cause, j
                      FROM v_drop, (VALUES (3), (4), (5)) o (g) WHERE v_drop.g = 2 ORDER BY o.g, k, model_code, n$$,
                  'COPY and large batches: the same score_drop rows as the multi-row INSERT');
SELECT results_eq($$SELECT g, k, model_code, score, grade, raw_points, contributions, cap_rank, decaying
                      FROM v_score WHERE g IN (4, 5) ORDER BY g, k, model_code$$,
                  $$SELECT g.g::bigint, k, model_code, score, grade, raw_points, contributions, cap_rank, decaying
                      FROM v_score, (VALUES (4), (5)) g (g) WHERE v_score.g = 1 ORDER BY g.g, k, model_code$$,
                  'large batches (sums in C, one pass and several): the same subject_score rows as row-by-row inserts');
SELECT is((SELECT count(DISTINCT subject_id)::int FROM credit_gz.subject_score
            WHERE subject_id BETWEEN 990000601 AND 990000708), 16,
          'large batches: the other subjects of the statements are scored too');
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores() WHERE subject_id BETWEEN 990000400 AND 990000799$$,
                'large batches: maintained scores equal a fresh computation for every subject of the statements');
SELECT is((SELECT count(*)::int FROM v_hist h
            WHERE h.g = 2 AND h.j <> 'seed'
              AND h.j IS DISTINCT FROM (SELECT min(src.j)::text FROM src WHERE src.k = h.k
                                 AND EXISTS (SELECT 1 FROM credit_gz.score_breakdown(990000000 + 200 + h.k, h.model_code) b
                                              JOIN credit_gz.record r ON r.record_id = b.source_id
                                             WHERE b.source = 'record' AND r.document_no = 'TAPB-2-' || src.j))), 0,
          'each batch history row names the subject''s first record of the statement under that model');
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores() WHERE subject_id BETWEEN 990000100 AND 990000399$$,
                'maintained scores equal a fresh computation (stale start of subject 8 recomputed, red list kept)');

-- a subject rescored in full earlier in the transaction (an update) is rescored in full again by the batch
UPDATE credit_gz.record SET severity = 'serious' WHERE document_no = 'TAPB-0-2-1';
INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
SELECT pg_temp.sid(2, k), 'administrative_penalty', 'general', 'taxation', 'market_regulation',
       'TAPB-9-' || k || '-' || n, credit_gz.policy_date() - n
  FROM generate_series(1, 2) k, generate_series(1, 3) n;
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores() WHERE subject_id IN (pg_temp.sid(2, 1), pg_temp.sid(2, 2))$$,
                'batch after an update of the same subject in the transaction: each record counted once');

-- MERGE through record_document (the bulk form of load_record): re-sent records take the update path, new ones the
-- batch, in one statement
MERGE INTO credit_gz.record r
USING (SELECT v.*, d.subject_id AS old_subject, d.record_id AS old_record
         FROM (VALUES (pg_temp.sid(2, 3), 'administrative_penalty', 'serious', 'construction', 'TAPB-0-2-3', credit_gz.policy_date() - 3),
                      (pg_temp.sid(2, 3), 'administrative_penalty', 'general', 'construction', 'TAPB-OC-1', credit_gz.policy_date() - 3),
                      (pg_temp.sid(2, 4), 'administrative_penalty', 'general', 'taxation', 'TAPB-0-2-4', credit_gz.policy_date() - 4),
                      (pg_temp.sid(2, 4), 'honour', NULL, 'taxation', 'TAPB-OC-2', credit_gz.policy_date() - 4))
              AS v (subject_id, item_code, severity, domain_code, document_no, decision_date)
         LEFT JOIN credit_gz.record_document d ON d.department_code = 'market_regulation' AND d.document_no = v.document_no) s
   ON r.subject_id = s.old_subject AND r.record_id = s.old_record
 WHEN MATCHED THEN
      UPDATE SET severity = s.severity, domain_code = s.domain_code, decision_date = s.decision_date
 WHEN NOT MATCHED THEN
      INSERT (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
      VALUES (s.subject_id, s.item_code, s.severity, s.domain_code, 'market_regulation', s.document_no, s.decision_date);
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores() WHERE subject_id IN (pg_temp.sid(2, 3), pg_temp.sid(2, 4))$$,
                'MERGE mixing re-sends and new records: scores exact');

-- commitments marked not fulfilled in one statement push their breach records through load_record (a one-row
-- lookup and INSERT or UPDATE each, nested in the commitment trigger)
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code, status)
SELECT pg_temp.sid(2, k), 'notification_approval', 'tap batch matter ' || k, 'market_regulation', 'not_fulfilled'
  FROM generate_series(5, 7) k;
SELECT is((SELECT count(*)::int FROM credit_gz.commitment c
            WHERE c.matter LIKE 'tap batch matter %'
              AND EXISTS (SELECT 1 FROM credit_gz.score_breakdown(c.subject_id, 'city_comprehensive') b
                           WHERE b.source = 'record' AND b.source_id = c.record_id)), 3,
          'breached commitments: each pushed breach record counts in its subject''s score');
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores() WHERE subject_id BETWEEN 990000100 AND 990000399$$,
                'scores exact after the commitments');

-- a batch with one bad row leaves nothing: no record, no score, no history
CREATE TEMP TABLE before_bad AS
SELECT (SELECT count(*) FROM credit_gz.subject_score WHERE subject_id BETWEEN 990000100 AND 990000399) AS scores,
       (SELECT coalesce(sum(contributions), 0) FROM credit_gz.subject_score
         WHERE subject_id BETWEEN 990000100 AND 990000399) AS contributions,
       (SELECT count(*) FROM credit_gz.grade_history WHERE subject_id BETWEEN 990000100 AND 990000399) AS history,
       (SELECT count(*) FROM credit_gz.score_drop WHERE subject_id BETWEEN 990000100 AND 990000399) AS drops;
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code,
                                                 document_no, decision_date)
                   SELECT pg_temp.sid(3, k), 'administrative_penalty', CASE WHEN k = 8 THEN 'bogus' ELSE 'serious' END,
                          'construction', 'market_regulation', 'TAPB-BAD-' || k, credit_gz.policy_date() - 1
                     FROM generate_series(1, 8) k$$,
                 '23514', NULL, 'a batch with one bad severity is rejected');
SELECT is((SELECT count(*)::int FROM credit_gz.record WHERE document_no LIKE 'TAPB-BAD-%'), 0, '... no record stored');
SELECT results_eq($$SELECT (SELECT count(*) FROM credit_gz.subject_score WHERE subject_id BETWEEN 990000100 AND 990000399),
                           (SELECT coalesce(sum(contributions), 0) FROM credit_gz.subject_score
                             WHERE subject_id BETWEEN 990000100 AND 990000399),
                           (SELECT count(*) FROM credit_gz.grade_history WHERE subject_id BETWEEN 990000100 AND 990000399),
                           (SELECT count(*) FROM credit_gz.score_drop WHERE subject_id BETWEEN 990000100 AND 990000399)$$,
                  $$SELECT scores, contributions, history, drops FROM before_bad$$,
                  '... and no score, history or drop changed');

-- a large batch (over 1,000 rows: the plans made for large batches) is exact too
INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
SELECT pg_temp.sid(3, 1 + i % 8), 'administrative_penalty', CASE WHEN i % 7 = 0 THEN 'serious' ELSE 'general' END,
       (ARRAY['construction', 'taxation', 'work_safety'])[1 + i % 3], 'emergency', 'TAPB-L-' || i, credit_gz.policy_date() - i % 250
  FROM generate_series(1, 1500) i;
SELECT is_empty($$SELECT * FROM credit_gz.verify_scores() WHERE subject_id BETWEEN 990000100 AND 990000399$$,
                'a 1,500-row batch: scores exact');

SELECT results_eq($$SELECT tgtype & 1 = 0, tgnewtable::text COLLATE "C" FROM pg_trigger
                    WHERE tgrelid = 'credit_gz.record'::regclass AND tgname = 'scoring_insert'$$,
                  $$VALUES (true, 'scoring_new' COLLATE "C")$$,
                  'inserts are scored by a statement-level trigger over its NEW TABLE');

SELECT * FROM finish();
ROLLBACK;
