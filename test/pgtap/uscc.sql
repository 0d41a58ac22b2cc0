-- credit_gz.uscc: catalogue (type, casts, operator classes, function labels) and behaviour (hash, partitioning).
BEGIN;
SET search_path = credit_gz, public;
SELECT plan(96);

SELECT has_type('credit_gz', 'uscc', 'type credit_gz.uscc exists');
SELECT is((SELECT typlen::int FROM pg_type WHERE oid = 'credit_gz.uscc'::regtype), 12, 'uscc is fixed length, 12 bytes');
SELECT is((SELECT typbyval FROM pg_type WHERE oid = 'credit_gz.uscc'::regtype), false, 'uscc is passed by reference');
SELECT has_cast('text', 'uscc', 'credit_gz', 'uscc', 'cast text -> uscc');
SELECT has_cast('uscc', 'text', 'credit_gz', 'uscc_text', 'cast uscc -> text');
SELECT cast_context_is('text', 'uscc', 'assignment', 'text -> uscc is an assignment cast');
SELECT cast_context_is('uscc', 'text', 'assignment', 'uscc -> text is an assignment cast');
SELECT has_opclass('credit_gz', 'uscc_ops', 'btree opclass uscc_ops');
SELECT has_opclass('credit_gz', 'uscc_hash_ops', 'hash opclass uscc_hash_ops');
SELECT ok(amvalidate(oid), 'amvalidate(' || opcname || ')')
  FROM pg_opclass WHERE opcname IN ('uscc_ops', 'uscc_hash_ops')
   AND opcnamespace = 'credit_gz'::regnamespace ORDER BY opcname;
SELECT is((SELECT count(*)::int FROM pg_opclass
            WHERE opcintype = 'credit_gz.uscc'::regtype AND opcdefault), 2, 'btree and hash opclasses are DEFAULT');
SELECT ok((SELECT oprcanhash AND oprcanmerge FROM pg_operator
            WHERE oprname = '=' AND oprleft = 'credit_gz.uscc'::regtype AND oprright = 'credit_gz.uscc'::regtype),
          '= is HASHES and MERGES');
SELECT is((SELECT count(*)::int FROM pg_operator
            WHERE oprleft = 'credit_gz.uscc'::regtype AND oprright = 'credit_gz.uscc'::regtype
              AND oprcom <> 0 AND oprnegate <> 0 AND oprrest <> 0 AND oprjoin <> 0), 6,
          'all six comparison operators have COMMUTATOR, NEGATOR, RESTRICT, JOIN');
SELECT is((SELECT count(*)::int FROM pg_amproc
            WHERE amprocfamily = (SELECT opcfamily FROM pg_opclass WHERE opcname = 'uscc_hash_ops')
              AND amprocnum IN (1, 2)), 2, 'hash support functions 1 and 2');

-- every function's labels: volatility, strictness, parallel safety
CREATE TEMP TABLE uscc_fn (name name, args name[], vol text) ON COMMIT DROP;
INSERT INTO uscc_fn VALUES
    ('uscc_in', '{cstring}', 'stable'), ('uscc_out', '{uscc}', 'immutable'),
    ('uscc_recv', '{internal}', 'stable'), ('uscc_send', '{uscc}', 'immutable'),
    ('uscc_eq', '{uscc,uscc}', 'immutable'), ('uscc_ne', '{uscc,uscc}', 'immutable'),
    ('uscc_lt', '{uscc,uscc}', 'immutable'), ('uscc_le', '{uscc,uscc}', 'immutable'),
    ('uscc_gt', '{uscc,uscc}', 'immutable'), ('uscc_ge', '{uscc,uscc}', 'immutable'),
    ('uscc_cmp', '{uscc,uscc}', 'immutable'), ('uscc_sortsupport', '{internal}', 'immutable'),
    ('uscc_hash', '{uscc}', 'immutable'), ('uscc_hash_extended', '{uscc,bigint}', 'immutable'),
    ('uscc', '{text}', 'stable'), ('uscc_text', '{uscc}', 'immutable'),
    ('uscc_is_valid', '{text}', 'immutable'), ('uscc_explain', '{text}', 'stable'),
    ('uscc_is_verified', '{uscc}', 'immutable'), ('uscc_correct', '{uscc}', 'immutable'),
    ('uscc_authority', '{uscc}', 'immutable'), ('uscc_authority_name', '{uscc}', 'immutable'),
    ('uscc_category', '{uscc}', 'immutable'), ('uscc_category_name', '{uscc}', 'immutable'),
    ('uscc_region', '{uscc}', 'immutable'), ('uscc_org_code', '{uscc}', 'immutable'),
    ('uscc_make', '{text}', 'immutable'), ('uscc_district', '{uscc}', 'stable');
SELECT volatility_is('credit_gz', name, args, vol, name || ' is ' || vol) FROM uscc_fn ORDER BY name;
SELECT is_strict('credit_gz', name, args, name || ' is strict') FROM uscc_fn ORDER BY name;
SELECT is((SELECT count(*)::int FROM pg_proc
            WHERE pronamespace = 'credit_gz'::regnamespace AND proname LIKE 'uscc%' AND proparallel <> 's'),
          0, 'every uscc function is PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_proc
            WHERE pronamespace = 'credit_gz'::regnamespace AND proname LIKE 'uscc%'),
          (SELECT count(*)::int FROM uscc_fn), 'every uscc function is listed above');
SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE pronamespace = 'credit_gz'::regnamespace AND proname LIKE 'uscc%'
              AND obj_description(p.oid, 'pg_proc') IS NULL), 0, 'every uscc function has a comment');

-- errors
SELECT throws_ok($$SELECT '91110000600037341N'::credit_gz.uscc$$, '22P02',
                 'invalid input syntax for type uscc: "91110000600037341N"', 'wrong check character: 22P02');
SELECT throws_ok($$SELECT '9111000060003IOZSV'::credit_gz.uscc$$, '22P02',
                 'invalid input syntax for type uscc: "9111000060003IOZSV"', 'letters outside the alphabet: 22P02');
SELECT throws_ok($$SELECT credit_gz.uscc('B1110000600037341L')$$, '22P02', NULL, 'cast from text: 22P02');
SELECT throws_ok($$SELECT credit_gz.uscc_make('91110000600037342')$$, '22P02', NULL, 'uscc_make: 22P02');
SET LOCAL credit_gz.uscc_weak = on;
SELECT is('91350211M00013FA1N'::credit_gz.uscc::text, '91350211M00013FA1N!', 'weak mode flags a wrong check character');
SELECT throws_ok($$SELECT '9111A000600037341L'::credit_gz.uscc$$, '22P02', NULL, 'weak mode still rejects structure');
SET LOCAL credit_gz.uscc_weak = off;
SELECT lives_ok($$SELECT '91350211M00013FA1N!'::credit_gz.uscc$$, 'a trailing ! is accepted in strict mode');
CREATE ROLE cgz_uscc_department NOLOGIN;
SET LOCAL ROLE cgz_uscc_department;
SELECT throws_ok($$SET credit_gz.uscc_weak = on$$, '42501', NULL,
                 'weak mode is superuser-only: a department cannot turn the check off');
RESET ROLE;

-- hash agrees with equality on many codes written in several forms
CREATE TEMP TABLE uscc_many ON COMMIT DROP AS
SELECT i, uscc_correct((substr('123456789ANY', 1 + i % 12, 1) ||
                        substr('1239', 1 + (i / 12) % 4, 1) || lpad((i % 999983)::text, 6, '0') ||
                        substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + i % 31, 1) ||
                        substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + (i / 31) % 31, 1) ||
                        lpad((i * 7919 % 1000000)::text, 6, '0') || '00!')::uscc)::text AS t
  FROM generate_series(1, 20000) AS i
 WHERE substr('1239', 1 + (i / 12) % 4, 1) = ANY (CASE substr('123456789ANY', 1 + i % 12, 1)
                                             WHEN '9' THEN '{1,2,3}'::text[] WHEN 'Y' THEN '{1}'
                                             WHEN '2' THEN '{1,9}' WHEN '4' THEN '{1,9}' WHEN '8' THEN '{1,9}'
                                             WHEN 'A' THEN '{1,9}' WHEN '6' THEN '{1,2,9}' WHEN '7' THEN '{1,2,9}'
                                             ELSE '{1,2,3,9}' END);
CREATE TEMP TABLE uscc_forms ON COMMIT DROP AS
SELECT i, f.code
  FROM uscc_many, LATERAL (VALUES (t::uscc), (lower(t)::uscc), (('  ' || t || ' ')::uscc),
                                  (translate(t, '0123456789', '０１２３４５６７８９')::uscc)) AS f(code);
SELECT cmp_ok((SELECT count(*)::int FROM uscc_many), '>', 10000, 'many generated codes');
SELECT is((SELECT count(*)::int FROM (SELECT i FROM uscc_forms GROUP BY i
                                      HAVING count(DISTINCT code) <> 1
                                          OR count(DISTINCT uscc_hash(code)) <> 1
                                          OR count(DISTINCT uscc_hash_extended(code, 42)) <> 1) s),
          0, 'every form of a code is equal and hashes the same (support 1 and 2)');
SELECT is((SELECT count(*)::int FROM uscc_forms
            WHERE (uscc_hash_extended(code, 0) & 4294967295) <> (uscc_hash(code)::bigint & 4294967295)),
          0, 'hash support 2 with seed 0 has the low 32 bits of support 1 (as the hash AM requires)');
SELECT is((SELECT count(DISTINCT code)::int FROM uscc_forms), (SELECT count(DISTINCT t)::int FROM uscc_many),
          'distinct codes = distinct canonical texts');
SELECT cmp_ok((SELECT count(DISTINCT uscc_hash(code))::int FROM uscc_forms),
              '>', (SELECT count(DISTINCT t)::int - 5 FROM uscc_many), 'hash values spread (few collisions)');
SET LOCAL enable_mergejoin = off;
SET LOCAL enable_nestloop = off;
SELECT is((SELECT count(*)::int FROM uscc_forms a JOIN uscc_forms b USING (code)),
          (SELECT count(*)::int * 16 FROM uscc_many), 'hash join matches every form of a code with every other');
SET LOCAL enable_hashjoin = off;
SET LOCAL enable_mergejoin = on;
SELECT is((SELECT count(*)::int FROM uscc_forms a JOIN uscc_forms b USING (code)),
          (SELECT count(*)::int * 16 FROM uscc_many), 'merge join agrees');
RESET enable_hashjoin; RESET enable_nestloop; RESET enable_mergejoin;

-- hash partitioning (uses support function 2)
CREATE TABLE uscc_part (code uscc PRIMARY KEY) PARTITION BY HASH (code);
CREATE TABLE uscc_part_0 PARTITION OF uscc_part FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE uscc_part_1 PARTITION OF uscc_part FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE uscc_part_2 PARTITION OF uscc_part FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE uscc_part_3 PARTITION OF uscc_part FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO uscc_part SELECT t::uscc FROM uscc_many;
INSERT INTO uscc_part VALUES ('91350211M00013FA1N!');
SELECT is((SELECT count(*)::int FROM uscc_part), (SELECT count(*)::int + 1 FROM uscc_many), 'all rows partitioned');
SELECT is((SELECT count(DISTINCT tableoid)::int FROM uscc_part), 4, 'rows spread over all 4 partitions');
SELECT cmp_ok((SELECT min(n) FROM (SELECT count(*) AS n FROM uscc_part GROUP BY tableoid) s), '>',
              (SELECT count(*) / 8 FROM uscc_many), 'no partition is starved');
SELECT is((SELECT count(*)::int FROM uscc_part p JOIN uscc_many m ON p.code = lower(m.t)::uscc), (SELECT count(*)::int FROM uscc_many),
          'lookups by an equal value written differently find the row');
SELECT is((SELECT tableoid::regclass::text FROM uscc_part WHERE code = '91350211M00013FA1N!'),
          (SELECT c.relname::text FROM pg_class c
            WHERE c.relname ~ '^uscc_part_[0-3]$'
              AND satisfies_hash_partition('uscc_part'::regclass, 4, substr(c.relname, 11)::int,
                                           '91350211M00013FA1N!'::uscc)),
          'a flagged value lands where satisfies_hash_partition says');
SELECT throws_ok($$INSERT INTO uscc_part VALUES (' 91350211m00013fa1n! ')$$, '23505', NULL,
                 'the primary key sees the equal value across forms');

-- ordering equals text order of the canonical codes
SELECT is((SELECT array_agg(i ORDER BY t::uscc, i) FROM uscc_many),
          (SELECT array_agg(i ORDER BY t COLLATE "C", i) FROM uscc_many), 'uscc order = text order (C collation)');

SELECT * FROM finish();
ROLLBACK;
