-- credit_gz.credit_grade: A > B > M > C > D
SET search_path = credit_gz, public;

SELECT 'A'::credit_grade AS a, 'b'::credit_grade AS b, ' m '::credit_grade AS m, E'\tC\n'::credit_grade AS c,
       'd'::credit_grade AS d;

-- Errors: 22P02 for anything that is not one letter of the scale.
SELECT 'E'::credit_grade;
SELECT ''::credit_grade;
SELECT 'AA'::credit_grade;
SELECT 'A级'::credit_grade;
SELECT 'A B'::credit_grade;
SELECT 'Ａ'::credit_grade;

-- Order best to worst, labels and ranks.
SELECT g, credit_grade_label(g) AS label, credit_grade_rank(g) AS rank
  FROM unnest('{D,M,A,C,B}'::credit_grade[]) AS g
 ORDER BY g DESC;
SELECT 'A'::credit_grade > 'B' AS a_gt_b, 'B'::credit_grade > 'M' AS b_gt_m, 'M'::credit_grade > 'C' AS m_gt_c,
       'C'::credit_grade > 'D' AS c_gt_d, 'a'::credit_grade = 'A' AS eq, 'D'::credit_grade <> 'd' AS ne,
       'M'::credit_grade <= 'M' AS le, 'M'::credit_grade >= 'B' AS ge, 'D'::credit_grade < 'A' AS lt;

-- Every pair: the operators agree with the rank and with each other.
SELECT count(*) AS pairs,
       bool_and((a < b) = (credit_grade_rank(a) > credit_grade_rank(b))) AS lt_ok,
       bool_and((a = b) = (credit_grade_rank(a) = credit_grade_rank(b))) AS eq_ok,
       bool_and((a = b) = (credit_grade_hash(a) = credit_grade_hash(b))) AS hash_ok,
       bool_and((a = b) = (credit_grade_hash_extended(a, 7) = credit_grade_hash_extended(b, 7))) AS hash_ext_ok,
       bool_and(sign(credit_grade_cmp(a, b)) = sign(credit_grade_rank(b) - credit_grade_rank(a))) AS cmp_ok
  FROM unnest('{A,B,M,C,D}'::credit_grade[]) AS a, unnest('{A,B,M,C,D}'::credit_grade[]) AS b;

-- min is the worst, max the best; NULLs ignored; also per group and in parallel-capable plans.
SELECT min(g) AS worst, max(g) AS best FROM unnest('{B,M,NULL,A,C}'::credit_grade[]) AS g;
SELECT min(g), max(g) FROM unnest('{}'::credit_grade[]) AS g;
CREATE TABLE credit_grade_t (subject int, g credit_grade);
INSERT INTO credit_grade_t SELECT i % 10, (ARRAY['A','B','M','C','D'])[1 + (i * 7) % 5]::credit_grade
  FROM generate_series(1, 1000) AS i;
SELECT subject, min(g), max(g), count(DISTINCT g) FROM credit_grade_t WHERE subject < 3 GROUP BY subject ORDER BY subject;
SELECT g, count(*) FROM credit_grade_t GROUP BY g ORDER BY g;
CREATE INDEX credit_grade_t_btree ON credit_grade_t (g);
CREATE INDEX credit_grade_t_hash ON credit_grade_t USING hash (g);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM credit_grade_t WHERE g >= 'B';
SELECT count(*) FROM credit_grade_t WHERE g >= 'B';
EXPLAIN (COSTS OFF) SELECT min(g) FROM credit_grade_t;
SELECT min(g), max(g) FROM credit_grade_t;
RESET enable_seqscan;
SET enable_mergejoin = off; SET enable_nestloop = off;
SELECT count(*) FROM unnest('{A,B,M,C,D}'::credit_grade[]) AS a JOIN credit_grade_t t ON t.g = a;
RESET enable_mergejoin; RESET enable_nestloop;

-- Casts to and from text (assignment from a text column validates).
SELECT 'm'::text::credit_grade::text AS round_trip;
CREATE TABLE credit_grade_src (t text);
INSERT INTO credit_grade_src VALUES ('a'), ('D');
INSERT INTO credit_grade_t SELECT 99, t FROM credit_grade_src;
SELECT g FROM credit_grade_t WHERE subject = 99 ORDER BY g;
INSERT INTO credit_grade_src VALUES ('F');
INSERT INTO credit_grade_t SELECT 98, t FROM credit_grade_src;

-- Binary: send is the ASCII letter; recv validates.
SELECT credit_grade_send('A') AS a, credit_grade_send('m') AS m;
SELECT '/tmp/credit_gz_regress_credit_grade_' || pg_backend_pid() || '.bin' AS binfile,
       'rm -f /tmp/credit_gz_regress_credit_grade_' || pg_backend_pid() || '.bin' AS rmcmd \gset
COPY (SELECT g FROM credit_grade_t ORDER BY subject, g) TO :'binfile' WITH (FORMAT binary);
CREATE TABLE credit_grade_bin (g credit_grade);
COPY credit_grade_bin FROM :'binfile' WITH (FORMAT binary);
SELECT g, count(*) FROM credit_grade_bin GROUP BY g ORDER BY g DESC;
COPY (SELECT 'E'::"char") TO :'binfile' WITH (FORMAT binary);
COPY credit_grade_bin FROM :'binfile' WITH (FORMAT binary);
COPY (SELECT 'b'::"char") TO :'binfile' WITH (FORMAT binary);
COPY credit_grade_bin FROM :'binfile' WITH (FORMAT binary);
SELECT g, count(*) FROM credit_grade_bin GROUP BY g ORDER BY g DESC;
COPY (SELECT) TO PROGRAM :'rmcmd';
DROP TABLE credit_grade_t, credit_grade_src, credit_grade_bin;
