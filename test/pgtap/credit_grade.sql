-- credit_gz.credit_grade: catalogue (type, casts, operator classes, aggregates, labels) and behaviour.
BEGIN;
SET search_path = credit_gz, public;
SELECT plan(76);

-- type
SELECT has_type('credit_gz', 'credit_grade', 'type credit_gz.credit_grade exists');
SELECT is((SELECT typlen::int FROM pg_type WHERE oid = 'credit_gz.credit_grade'::regtype), 1, 'credit_grade is 1 byte');
SELECT is((SELECT typbyval FROM pg_type WHERE oid = 'credit_gz.credit_grade'::regtype), true, 'passed by value');
SELECT is((SELECT typalign::text FROM pg_type WHERE oid = 'credit_gz.credit_grade'::regtype), 'c', 'char alignment');
SELECT isnt(obj_description('credit_gz.credit_grade'::regtype, 'pg_type'), NULL, 'the type has a comment');

-- casts
SELECT has_cast('text', 'credit_grade', 'cast text -> credit_grade');
SELECT has_cast('credit_grade', 'text', 'cast credit_grade -> text');
SELECT cast_context_is('text', 'credit_grade', 'assignment', 'text -> credit_grade is an assignment cast');
SELECT cast_context_is('credit_grade', 'text', 'assignment', 'credit_grade -> text is an assignment cast');

-- operator classes
SELECT has_opclass('credit_gz', 'credit_grade_ops', 'opclass credit_grade_ops');
SELECT ok(amvalidate(oid), 'amvalidate(' || opcname || ' USING ' || (SELECT amname FROM pg_am WHERE oid = opcmethod) || ')')
  FROM pg_opclass WHERE opcintype = 'credit_gz.credit_grade'::regtype ORDER BY opcmethod;
SELECT is((SELECT array_agg(a.amname::text ORDER BY a.amname) FROM pg_opclass o JOIN pg_am a ON a.oid = o.opcmethod
            WHERE o.opcintype = 'credit_gz.credit_grade'::regtype AND o.opcdefault), '{btree,hash}',
          'btree and hash opclasses are DEFAULT');
SELECT ok((SELECT oprcanhash AND oprcanmerge FROM pg_operator
            WHERE oprname = '=' AND oprleft = 'credit_gz.credit_grade'::regtype
              AND oprright = 'credit_gz.credit_grade'::regtype), '= is HASHES and MERGES');
SELECT is((SELECT count(*)::int FROM pg_operator
            WHERE oprleft = 'credit_gz.credit_grade'::regtype AND oprright = 'credit_gz.credit_grade'::regtype
              AND oprcom <> 0 AND oprnegate <> 0 AND oprrest <> 0 AND oprjoin <> 0), 6,
          'all six comparison operators have COMMUTATOR, NEGATOR, RESTRICT, JOIN');
SELECT is((SELECT array_agg(amprocnum::int ORDER BY amprocnum) FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily
            JOIN pg_am a ON a.oid = f.opfmethod
            WHERE f.opfname = 'credit_grade_ops' AND a.amname = 'hash'), '{1,2}', 'hash support functions 1 and 2');
SELECT is((SELECT array_agg(proname::text || '=' || prosrc ORDER BY proname) FROM pg_proc
            WHERE pronamespace = 'credit_gz'::regnamespace AND prolang = (SELECT oid FROM pg_language WHERE lanname = 'internal')
              AND proname LIKE 'credit_grade%'),
          '{credit_grade_cmp=btcharcmp,credit_grade_eq=chareq,credit_grade_ge=charge,credit_grade_gt=chargt,credit_grade_hash=hashchar,credit_grade_hash_extended=hashcharextended,credit_grade_le=charle,credit_grade_lt=charlt,credit_grade_ne=charne}',
          'comparison and hashing reuse core "char" functions');

-- functions and aggregates: labels
CREATE TEMP TABLE cg_fn (name name, args name[]) ON COMMIT DROP;
INSERT INTO cg_fn VALUES
    ('credit_grade_in', '{cstring}'), ('credit_grade_out', '{credit_grade}'), ('credit_grade_recv', '{internal}'),
    ('credit_grade_send', '{credit_grade}'),
    ('credit_grade_eq', '{credit_grade,credit_grade}'), ('credit_grade_ne', '{credit_grade,credit_grade}'),
    ('credit_grade_lt', '{credit_grade,credit_grade}'), ('credit_grade_le', '{credit_grade,credit_grade}'),
    ('credit_grade_gt', '{credit_grade,credit_grade}'), ('credit_grade_ge', '{credit_grade,credit_grade}'),
    ('credit_grade_cmp', '{credit_grade,credit_grade}'), ('credit_grade_hash', '{credit_grade}'),
    ('credit_grade_hash_extended', '{credit_grade,bigint}'),
    ('credit_grade_larger', '{credit_grade,credit_grade}'), ('credit_grade_smaller', '{credit_grade,credit_grade}'),
    ('credit_grade_label', '{credit_grade}'), ('credit_grade_rank', '{credit_grade}');
SELECT volatility_is('credit_gz', name, args, 'immutable', name || ' is immutable') FROM cg_fn ORDER BY name;
SELECT is_strict('credit_gz', name, args, name || ' is strict') FROM cg_fn ORDER BY name;
SELECT is((SELECT count(*)::int FROM pg_proc
            WHERE pronamespace = 'credit_gz'::regnamespace
              AND (proname LIKE 'credit_grade%' OR (proname IN ('min', 'max')
                   AND proargtypes[0] = 'credit_gz.credit_grade'::regtype))
              AND proparallel <> 's'), 0, 'every credit_grade function and aggregate is PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_proc
            WHERE pronamespace = 'credit_gz'::regnamespace AND proname LIKE 'credit_grade%'),
          (SELECT count(*)::int FROM cg_fn), 'every credit_grade function is listed above');
SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE pronamespace = 'credit_gz'::regnamespace
              AND (proname LIKE 'credit_grade%' OR (proname IN ('min', 'max')
                   AND proargtypes[0] = 'credit_gz.credit_grade'::regtype))
              AND obj_description(p.oid, 'pg_proc') IS NULL), 0, 'every function and aggregate has a comment');
SELECT is((SELECT count(*)::int FROM pg_operator o
            WHERE oprleft = 'credit_gz.credit_grade'::regtype AND obj_description(o.oid, 'pg_operator') IS NULL),
          0, 'every credit_grade operator has a comment');
SELECT is((SELECT count(*)::int FROM pg_opclass c
            WHERE opcintype = 'credit_gz.credit_grade'::regtype AND obj_description(c.oid, 'pg_opclass') IS NULL),
          0, 'every credit_grade operator class has a comment');
SELECT has_function('credit_gz', 'min', ARRAY['credit_grade'], 'aggregate min(credit_grade)');
SELECT has_function('credit_gz', 'max', ARRAY['credit_grade'], 'aggregate max(credit_grade)');
SELECT is_aggregate('credit_gz', 'min', ARRAY['credit_grade'], 'min is an aggregate');
SELECT is_aggregate('credit_gz', 'max', ARRAY['credit_grade'], 'max is an aggregate');
SELECT is((SELECT array_agg(aggsortop::regoperator::text ORDER BY aggfnoid::text) FROM pg_aggregate
            WHERE aggfnoid IN ('credit_gz.min(credit_gz.credit_grade)'::regprocedure,
                               'credit_gz.max(credit_gz.credit_grade)'::regprocedure)),
          '{">(credit_grade,credit_grade)","<(credit_grade,credit_grade)"}',
          'min/max have sort operators (index-assisted)');

-- errors
SELECT throws_ok($$SELECT 'E'::credit_gz.credit_grade$$, '22P02',
                 'invalid input syntax for type credit_grade: "E"', 'E is not a grade: 22P02');
SELECT throws_ok($$SELECT ''::credit_gz.credit_grade$$, '22P02',
                 'invalid input syntax for type credit_grade: ""', 'empty: 22P02');
SELECT throws_ok($$SELECT 'AB'::text::credit_gz.credit_grade$$, '22P02', NULL, 'cast from text: 22P02');

-- behaviour
SELECT is(ARRAY(SELECT g FROM unnest('{m,D,a,C,b}'::credit_grade[]) AS g ORDER BY g DESC)::text[],
          '{A,B,M,C,D}', 'ordered A > B > M > C > D');
SELECT is(min(g), 'D'::credit_grade, 'min is the worst') FROM unnest('{A,D,M}'::credit_grade[]) AS g;
SELECT is(max(g), 'A'::credit_grade, 'max is the best') FROM unnest('{A,D,M}'::credit_grade[]) AS g;
SELECT is(min(g), 'M'::credit_grade, 'min of A, B, M is M (not yet rated ranks below B)')
  FROM unnest('{A,B,M}'::credit_grade[]) AS g;
SELECT is(max(g), 'M'::credit_grade, 'max of M, C, D is M') FROM unnest('{C,M,D}'::credit_grade[]) AS g;
SELECT is(ARRAY(SELECT credit_grade_label(g) FROM unnest('{A,B,M,C,D}'::credit_grade[]) AS g),
          '{A级（信用好）,B级（信用较好）,M级（新设立或未评价）,C级（信用较差）,D级（信用差）}', 'Chinese labels');
SELECT is(ARRAY(SELECT credit_grade_rank(g) FROM unnest('{A,B,M,C,D}'::credit_grade[]) AS g),
          '{1,2,3,4,5}', 'ranks 1 (A) to 5 (D)');

-- hash agrees with equality, in every written form
CREATE TEMP TABLE cg_forms ON COMMIT DROP AS
SELECT l, f.g FROM unnest('{A,B,M,C,D}'::text[]) AS l,
       LATERAL (VALUES (l::credit_grade), (lower(l)::credit_grade), ((' ' || l || ' ')::credit_grade)) AS f(g);
SELECT is((SELECT count(*)::int FROM (SELECT l FROM cg_forms GROUP BY l
                                      HAVING count(DISTINCT g) <> 1 OR count(DISTINCT credit_grade_hash(g)) <> 1
                                          OR count(DISTINCT credit_grade_hash_extended(g, 9)) <> 1) s),
          0, 'every form of a grade is equal and hashes the same');
SELECT is((SELECT count(DISTINCT credit_grade_hash(g))::int FROM cg_forms), 5, 'five distinct hash values');

-- min/max in a parallel plan (combine function)
CREATE TABLE cg_big (subject int, g credit_grade);
INSERT INTO cg_big SELECT i, (ARRAY['A','B','M','C'])[1 + i % 4]::credit_grade FROM generate_series(1, 50000) AS i;
ANALYZE cg_big;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT is((SELECT min(g)::text || max(g)::text FROM cg_big), 'CA', 'parallel min/max');
SELECT is((SELECT count(*)::int FROM cg_big WHERE g < 'M'), 12500, 'g < M counts only C');

-- hash partitioning by grade (support function 2)
CREATE TABLE cg_part (g credit_grade, n int) PARTITION BY HASH (g);
CREATE TABLE cg_part_0 PARTITION OF cg_part FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE cg_part_1 PARTITION OF cg_part FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO cg_part SELECT g, 1 FROM unnest('{A,B,M,C,D,a,b,m,c,d}'::credit_grade[]) AS g;
SELECT is((SELECT count(*)::int FROM (SELECT g FROM cg_part GROUP BY g HAVING count(DISTINCT tableoid) <> 1) s), 0,
          'equal grades land in one partition');

SELECT * FROM finish();
ROLLBACK;
