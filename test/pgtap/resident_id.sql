-- credit_gz.resident_id: catalogue (type, casts, operator classes, function labels) and behaviour.
BEGIN;
SET search_path = credit_gz, public;
SELECT plan(92);

-- type
SELECT has_type('credit_gz', 'resident_id', 'type credit_gz.resident_id exists');
SELECT is((SELECT typlen::int FROM pg_type WHERE oid = 'credit_gz.resident_id'::regtype), 8, 'resident_id is 8 bytes');
SELECT is((SELECT typbyval FROM pg_type WHERE oid = 'credit_gz.resident_id'::regtype), true,
          'resident_id is passed by value');
SELECT is((SELECT typalign::text FROM pg_type WHERE oid = 'credit_gz.resident_id'::regtype), 'd', 'int8 alignment');
SELECT is((SELECT typstorage::text FROM pg_type WHERE oid = 'credit_gz.resident_id'::regtype), 'p', 'plain storage');
SELECT isnt(obj_description('credit_gz.resident_id'::regtype, 'pg_type'), NULL, 'the type has a comment');

-- casts
SELECT has_cast('text', 'resident_id', 'cast text -> resident_id');
SELECT has_cast('resident_id', 'text', 'cast resident_id -> text');
SELECT cast_context_is('text', 'resident_id', 'assignment', 'text -> resident_id is an assignment cast');
SELECT cast_context_is('resident_id', 'text', 'assignment', 'resident_id -> text is an assignment cast');

-- operator classes
SELECT has_opclass('credit_gz', 'resident_id_ops', 'opclass resident_id_ops');
SELECT ok(amvalidate(oid), 'amvalidate(' || opcname || ' USING ' || (SELECT amname FROM pg_am WHERE oid = opcmethod) || ')')
  FROM pg_opclass WHERE opcintype = 'credit_gz.resident_id'::regtype ORDER BY opcmethod;
SELECT is((SELECT array_agg(a.amname::text ORDER BY a.amname) FROM pg_opclass o JOIN pg_am a ON a.oid = o.opcmethod
            WHERE o.opcintype = 'credit_gz.resident_id'::regtype AND o.opcdefault), '{btree,hash}',
          'btree and hash opclasses are DEFAULT');
SELECT ok((SELECT oprcanhash AND oprcanmerge FROM pg_operator
            WHERE oprname = '=' AND oprleft = 'credit_gz.resident_id'::regtype
              AND oprright = 'credit_gz.resident_id'::regtype), '= is HASHES and MERGES');
SELECT is((SELECT count(*)::int FROM pg_operator
            WHERE oprleft = 'credit_gz.resident_id'::regtype AND oprright = 'credit_gz.resident_id'::regtype
              AND oprcom <> 0 AND oprnegate <> 0 AND oprrest <> 0 AND oprjoin <> 0), 6,
          'all six comparison operators have COMMUTATOR, NEGATOR, RESTRICT, JOIN');
SELECT is((SELECT array_agg(amprocnum::int ORDER BY amprocnum) FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily
            JOIN pg_am a ON a.oid = f.opfmethod
            WHERE f.opfname = 'resident_id_ops' AND a.amname = 'hash'), '{1,2}', 'hash support functions 1 and 2');
SELECT is((SELECT array_agg(amprocnum::int ORDER BY amprocnum) FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily
            JOIN pg_am a ON a.oid = f.opfmethod
            WHERE f.opfname = 'resident_id_ops' AND a.amname = 'btree'), '{1,2,4}',
          'btree support: comparison, sort support, equalimage (deduplication)');
-- comparison and hashing are core's int8 functions
SELECT is((SELECT array_agg(proname::text || '=' || prosrc ORDER BY proname) FROM pg_proc
            WHERE pronamespace = 'credit_gz'::regnamespace AND prolang = (SELECT oid FROM pg_language WHERE lanname = 'internal')
              AND proname LIKE 'resident_id%'),
          '{resident_id_cmp=btint8cmp,resident_id_eq=int8eq,resident_id_ge=int8ge,resident_id_gt=int8gt,resident_id_hash=hashint8,resident_id_hash_extended=hashint8extended,resident_id_le=int8le,resident_id_lt=int8lt,resident_id_ne=int8ne,resident_id_send=int8send,resident_id_sortsupport=btint8sortsupport}',
          'comparison, hashing, sort support and send reuse core int8 functions');

-- every function's labels: volatility, strictness, parallel safety, comment
CREATE TEMP TABLE rid_fn (name name, args name[], vol text) ON COMMIT DROP;
INSERT INTO rid_fn VALUES
    ('resident_id_in', '{cstring}', 'immutable'), ('resident_id_out', '{resident_id}', 'immutable'),
    ('resident_id_recv', '{internal}', 'immutable'), ('resident_id_send', '{resident_id}', 'immutable'),
    ('resident_id_eq', '{resident_id,resident_id}', 'immutable'),
    ('resident_id_ne', '{resident_id,resident_id}', 'immutable'),
    ('resident_id_lt', '{resident_id,resident_id}', 'immutable'),
    ('resident_id_le', '{resident_id,resident_id}', 'immutable'),
    ('resident_id_gt', '{resident_id,resident_id}', 'immutable'),
    ('resident_id_ge', '{resident_id,resident_id}', 'immutable'),
    ('resident_id_cmp', '{resident_id,resident_id}', 'immutable'),
    ('resident_id_sortsupport', '{internal}', 'immutable'),
    ('resident_id_hash', '{resident_id}', 'immutable'), ('resident_id_hash_extended', '{resident_id,bigint}', 'immutable'),
    ('resident_id_is_valid', '{text}', 'immutable'), ('resident_id_explain', '{text}', 'stable'),
    ('resident_id_birth_date', '{resident_id}', 'immutable'), ('resident_id_sex', '{resident_id}', 'immutable'),
    ('resident_id_region', '{resident_id}', 'immutable'), ('resident_id_mask', '{resident_id}', 'immutable'),
    ('resident_id_make', '{text}', 'immutable'), ('resident_id_district', '{resident_id}', 'stable');
SELECT volatility_is('credit_gz', name, args, vol, name || ' is ' || vol) FROM rid_fn ORDER BY name;
SELECT is_strict('credit_gz', name, args, name || ' is strict') FROM rid_fn ORDER BY name;
SELECT is((SELECT count(*)::int FROM pg_proc
            WHERE pronamespace = 'credit_gz'::regnamespace AND proname LIKE 'resident_id%' AND proparallel <> 's'),
          0, 'every resident_id function is PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_proc
            WHERE pronamespace = 'credit_gz'::regnamespace AND proname LIKE 'resident_id%'),
          (SELECT count(*)::int FROM rid_fn), 'every resident_id function is listed above');
SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE pronamespace = 'credit_gz'::regnamespace AND proname LIKE 'resident_id%'
              AND obj_description(p.oid, 'pg_proc') IS NULL), 0, 'every resident_id function has a comment');
SELECT is((SELECT count(*)::int FROM pg_operator o
            WHERE oprleft = 'credit_gz.resident_id'::regtype AND obj_description(o.oid, 'pg_operator') IS NULL),
          0, 'every resident_id operator has a comment');

-- errors
SELECT throws_ok($$SELECT '36042619910102009X'::credit_gz.resident_id$$, '22P02',
                 'invalid input syntax for type resident_id: "36042619910102009X"', 'wrong check character: 22P02');
SELECT throws_ok($$SELECT '360426199113010079'::credit_gz.resident_id$$, '22P02',
                 'invalid input syntax for type resident_id: "360426199113010079"', 'month 13: 22P02');
SELECT throws_ok($$SELECT 'T60426199101010078'::credit_gz.resident_id$$, '22P02',
                 'invalid input syntax for type resident_id: "T60426199101010078"', 'bad format: 22P02');
SELECT throws_ok($$SELECT 'T60426199101010078'::text::credit_gz.resident_id$$, '22P02', NULL, 'cast from text: 22P02');
SELECT lives_ok($$SELECT credit_gz.resident_id_is_valid(x) FROM unnest(ARRAY['', 'x', '36042619910102009X',
                  E'\u3000', repeat('9', 1000)]) AS x$$, 'resident_id_is_valid never raises');

-- accessors
SELECT is(resident_id_birth_date('44011320141005001X'), date '2014-10-05', 'birth date');
SELECT is(resident_id_sex('44011320141005001X'), 'male', 'odd sequence: male');
SELECT is(resident_id_sex('440102198001010021'), 'female', 'even sequence: female');
SELECT is(resident_id_region('44011320141005001X'), '440113', 'region');
SELECT is(resident_id_district('440102198001010021'), '越秀区', '东山区 number maps to 越秀区');
SELECT is(resident_id_district('360426199101010071'), NULL, 'district is NULL outside Guangzhou');
SELECT is(resident_id_mask('44011320141005001X'), '440113********001X', 'mask');
SELECT is(resident_id_explain('360426199101010071'), NULL, 'explain: NULL when valid');
SELECT matches(resident_id_explain('36042619910102009X'), 'should be "3"', 'explain names the expected check char');

SELECT is(resident_id_make('44011320141005001'), '44011320141005001X'::resident_id, 'make appends the check char');
SELECT throws_ok($$SELECT credit_gz.resident_id_make('4401132014100500')$$, '22P02', NULL, 'make wants 17 digits');

-- hash agrees with equality on many numbers written in several forms
CREATE FUNCTION pg_temp.rid(p text) RETURNS text LANGUAGE sql AS $$
  SELECT p || substr('0123456789X', 1 + (12 - (SELECT sum(substr(p, k, 1)::int
                      * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k]) FROM generate_series(1, 17) AS k)::int % 11) % 11, 1)
$$;
CREATE TEMP TABLE rid_many ON COMMIT DROP AS
SELECT i, pg_temp.rid(lpad((i * 7919 % 1000000)::text, 6, '0') || to_char(date '1900-01-01' + i * 3, 'YYYYMMDD')
                      || lpad((i * 31 % 1000)::text, 3, '0')) AS t
  FROM generate_series(1, 12000) AS i;
CREATE TEMP TABLE rid_forms ON COMMIT DROP AS
SELECT i, f.r
  FROM rid_many, LATERAL (VALUES (t::resident_id), (lower(t)::resident_id), ((' ' || t || E'\t')::resident_id),
                                 (translate(t, '0123456789X', '０１２３４５６７８９ｘ')::resident_id)) AS f(r);
SELECT is((SELECT count(*)::int FROM (SELECT i FROM rid_forms GROUP BY i
                                      HAVING count(DISTINCT r) <> 1
                                          OR count(DISTINCT resident_id_hash(r)) <> 1
                                          OR count(DISTINCT resident_id_hash_extended(r, 42)) <> 1) s),
          0, 'every form of a number is equal and hashes the same (support 1 and 2)');
SELECT is((SELECT count(DISTINCT r)::int FROM rid_forms), (SELECT count(DISTINCT t)::int FROM rid_many),
          'distinct numbers = distinct canonical texts');
-- legacy 15-digit numbers of the 1900s equal their 18-character conversion and hash the same
SELECT is((SELECT count(*)::int FROM rid_many
            WHERE substr(t, 7, 2) = '19'
              AND ((substr(t, 1, 6) || substr(t, 9, 9))::resident_id <> t::resident_id
                   OR resident_id_hash((substr(t, 1, 6) || substr(t, 9, 9))::resident_id) <> resident_id_hash(t::resident_id))),
          0, 'legacy numbers equal and hash like their conversion');
SET LOCAL enable_mergejoin = off;
SET LOCAL enable_nestloop = off;
SELECT is((SELECT count(*)::int FROM rid_forms a JOIN rid_forms b USING (r)),
          (SELECT count(*)::int * 16 FROM rid_many), 'hash join matches every form with every other');
SET LOCAL enable_hashjoin = off;
SET LOCAL enable_mergejoin = on;
SELECT is((SELECT count(*)::int FROM rid_forms a JOIN rid_forms b USING (r)),
          (SELECT count(*)::int * 16 FROM rid_many), 'merge join agrees');
RESET enable_hashjoin; RESET enable_nestloop; RESET enable_mergejoin;

-- hash partitioning (support function 2)
CREATE TABLE rid_part (r resident_id PRIMARY KEY) PARTITION BY HASH (r);
CREATE TABLE rid_part_0 PARTITION OF rid_part FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE rid_part_1 PARTITION OF rid_part FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE rid_part_2 PARTITION OF rid_part FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE rid_part_3 PARTITION OF rid_part FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO rid_part SELECT t::resident_id FROM rid_many;
SELECT is((SELECT count(DISTINCT tableoid)::int FROM rid_part), 4, 'rows spread over all 4 partitions');
SELECT cmp_ok((SELECT min(n) FROM (SELECT count(*) AS n FROM rid_part GROUP BY tableoid) s), '>',
              (SELECT count(*) / 8 FROM rid_many), 'no partition is starved');
SELECT throws_ok($$INSERT INTO rid_part VALUES ('360426910101007'), ('360426199101010071')$$, '23505', NULL,
                 'the primary key sees a legacy number and its conversion as the same');

-- order equals text order
SELECT is((SELECT array_agg(i ORDER BY t::resident_id, i) FROM rid_many),
          (SELECT array_agg(i ORDER BY t COLLATE "C", i) FROM rid_many), 'resident_id order = text order (C)');

SELECT * FROM finish();
ROLLBACK;
