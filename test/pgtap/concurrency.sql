-- Order and bounds under concurrency, the parts one session can check: history numbered per subject and model and
-- read in that order by grade_at, the audit log numbered per subject, and the arguments every job and record checks
-- (isolation specs history_order, expiry_lock_order and repair_twice race two sessions; test/shell/soak.sh many).
BEGIN;
SELECT plan(24);

CREATE FUNCTION pg_temp.uscc(n int) RETURNS credit_gz.uscc LANGUAGE sql AS $$
    SELECT credit_gz.uscc_make('91440106' || body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT b AS body, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM (SELECT 'MB' || lpad(n::text, 6, '0') AS b) x,
                   unnest(regexp_split_to_array(x.b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w) GROUP BY b) s
$$;
INSERT INTO credit_gz.subject (uscc, name) VALUES (pg_temp.uscc(1), '顺序测试甲'), (pg_temp.uscc(2), '顺序测试乙');
CREATE FUNCTION pg_temp.s(nm text) RETURNS bigint LANGUAGE sql AS $$
    SELECT subject_id FROM credit_gz.subject WHERE name = nm
$$;

-- ---- history numbered in the order changes took effect -------------------------------------------------------
INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
VALUES (pg_temp.s('顺序测试甲'), 'administrative_penalty', 'general', 'construction', 'market_regulation', 'SEQ-1',
        credit_gz.policy_date() - 30);
INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
VALUES (pg_temp.s('顺序测试甲'), 'administrative_penalty', 'serious', 'construction', 'market_regulation', 'SEQ-2',
        credit_gz.policy_date() - 20);
SELECT ok((SELECT bool_and(h.seq <= s.change_seq) AND count(*) > 0
             FROM credit_gz.grade_history h JOIN credit_gz.subject_score s USING (subject_id, model_code)
            WHERE h.subject_id = pg_temp.s('顺序测试甲')),
          'every history row carries a change number up to its pair''s counter');
SELECT is((SELECT count(*)::int FROM (SELECT subject_id, model_code, seq FROM credit_gz.grade_history
                                       WHERE subject_id = pg_temp.s('顺序测试甲')
                                       GROUP BY 1, 2, 3 HAVING count(*) > 1) d), 0,
          'no two grade changes of one pair share a number');
SELECT ok((SELECT bool_and(h.changed_at > now()) FROM credit_gz.grade_history h
            WHERE h.subject_id = pg_temp.s('顺序测试甲')),
          'history is dated when the change took effect, after the transaction began');
SELECT is((SELECT count(*)::int FROM credit_gz.subject_score s
            WHERE s.subject_id = pg_temp.s('顺序测试甲')
              AND credit_gz.grade_at(s.subject_id, s.model_code, clock_timestamp())::text <> s.grade::text), 0,
          'grade_at after the changes is the current grade');
SELECT is((SELECT count(*)::int FROM credit_gz.subject_score s
            WHERE s.subject_id = pg_temp.s('顺序测试甲')
              AND credit_gz.grade_at(s.subject_id, s.model_code, now())::text <> 'M'), 0,
          'grade_at at the transaction''s start is the grade before its own changes');
-- two changes with one time: the number decides
INSERT INTO credit_gz.grade_history (subject_id, model_code, old_grade, new_grade, old_score, new_score, changed_at,
                                     cause, seq)
VALUES (pg_temp.s('顺序测试乙'), 'construction', 'M', 'C', 80, 60, '2026-01-01 00:00+08', 'rescore', 2),
       (pg_temp.s('顺序测试乙'), 'construction', 'C', 'B', 60, 75, '2026-01-01 00:00+08', 'rescore', 3),
       (pg_temp.s('顺序测试乙'), 'construction', 'B', 'D', 75, 40, '2026-01-01 00:00+08', 'rescore', 1);
SELECT is(credit_gz.grade_at(pg_temp.s('顺序测试乙'), 'construction', '2026-01-01 00:00+08')::text, 'B',
          'changes at one moment: the highest change number is the grade');
SELECT ok((SELECT bool_and(d.seq IS NOT NULL AND d.changed_at > now()) AND count(*) > 0 FROM credit_gz.score_drop d
            WHERE d.subject_id = pg_temp.s('顺序测试甲')),
          'score drops are numbered and dated like grade changes');
SELECT is((SELECT count(*)::int FROM credit_gz.grade_history WHERE seq IS NULL), 0, 'no history row without a number');

-- ---- the audit log, numbered per subject ---------------------------------------------------------------------
UPDATE credit_gz.subject SET name = '顺序测试甲一' WHERE subject_id = pg_temp.s('顺序测试甲');
UPDATE credit_gz.record SET status = 'revoked' WHERE document_no = 'SEQ-1' AND department_code = 'market_regulation';
SELECT results_eq($$SELECT seq FROM credit_gz.audit_log WHERE subject_id = pg_temp.s('顺序测试甲一') ORDER BY at, seq$$,
                  $$VALUES (1::bigint), (2), (3)$$,
                  'the audit log numbers a subject''s changes 1, 2, 3 in the order they took effect');
SELECT ok((SELECT bool_and(at > now()) FROM credit_gz.audit_log WHERE subject_id = pg_temp.s('顺序测试甲一')),
          'and dates them when they took effect');

-- ---- arguments -----------------------------------------------------------------------------------------------
SELECT throws_ok($$SELECT credit_gz.run_expiry(now(), 0)$$, '22023', NULL, 'run_expiry: a zero batch size is refused');
SELECT throws_ok($$SELECT credit_gz.run_expiry(now(), -5)$$, '22023', NULL, 'run_expiry: a negative batch size');
SELECT throws_ok($$SELECT credit_gz.run_expiry(now(), NULL)$$, '22023', NULL, 'run_expiry: a NULL batch size');
SELECT throws_ok($$SELECT credit_gz.run_expiry('infinity')$$, '22023', NULL, 'run_expiry: an infinite time');
SELECT throws_ok($$SELECT credit_gz.run_expiry(now(), 10, 0)$$, '22023', NULL, 'run_expiry: a zero row cap');
SELECT throws_ok($$CALL credit_gz.run_expiry_in_batches(now(), 0)$$, '22023', NULL,
                 'run_expiry_in_batches: zero rows per transaction');
SELECT throws_ok($$CALL credit_gz.run_expiry_in_batches('-infinity')$$, '22023', NULL,
                 'run_expiry_in_batches: an infinite time');
SELECT throws_ok($$SELECT * FROM credit_gz.code_quality(NULL, 'uscc')$$, '22023',
                 'code quality needs a table and its code column', 'code_quality: a NULL table');
SELECT throws_ok($$SELECT * FROM credit_gz.code_quality_issues('credit_gz.subject', NULL)$$, '22023',
                 'code quality needs a table and its code column', 'code_quality_issues: a NULL column');
-- decision dates: finite, from 1949-10-01, for every kind of record
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (pg_temp.s('顺序测试乙'), 'honour', 'market_regulation', 'SEQ-D1', '-infinity')$$,
                 '23514', 'record decision date -infinity is not a day since 1949-10-01',
                 'a non-penalty record decided on -infinity is refused, the date in words');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (pg_temp.s('顺序测试乙'), 'honour', 'market_regulation', 'SEQ-D2', '4713-01-01 BC')$$,
                 '23514', NULL, 'a record decided BC is refused');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, severity, department_code, document_no, decision_date)
                   VALUES (pg_temp.s('顺序测试乙'), 'administrative_penalty', 'general', 'market_regulation', 'SEQ-D3',
                           '1949-09-30')$$,
                 '23514', 'record decision date 1949-09-30 is not a day since 1949-10-01',
                 'a penalty decided the day before 1949-10-01 is refused');
SELECT throws_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                   VALUES (pg_temp.s('顺序测试乙'), 'honour', 'market_regulation', 'SEQ-D4', 'infinity')$$,
                 '23514', 'record decision date infinity is not a day since 1949-10-01',
                 'a record decided on infinity is refused, not printed as a day number');
SELECT lives_ok($$INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date)
                  VALUES (pg_temp.s('顺序测试乙'), 'honour', 'market_regulation', 'SEQ-D5', '1949-10-01')$$,
                'a record decided on 1949-10-01 is taken');

SELECT * FROM finish();
ROLLBACK;
