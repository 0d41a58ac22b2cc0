-- credit_gz.resident_id: citizen identity number (GB 11643-1999)
SET search_path = credit_gz, public;

-- Public vectors (python-stdnum test_cn_ric.doctest) and canonical output.
SELECT '360426199101010071'::resident_id AS a, '44011320141005001X'::resident_id AS b,
       '110102199101010078'::resident_id AS c;
-- Lower-case x, surrounding white space (ASCII and U+3000), full-width digits and X.
SELECT '44011320141005001x'::resident_id AS lower_x,
       E'  \t360426199101010071\n'::resident_id AS trimmed,
       '　110102199101010078　'::resident_id AS ideographic_space,
       '４４０１１３２０１４１００５００１Ｘ'::resident_id AS full_width,
       '44011320141005001ｘ'::resident_id AS full_width_lower_x;
-- Legacy 15-digit form: years 19YY, converted with the computed check character.
SELECT '360426910101007'::resident_id AS legacy, ' 440113960229001 '::resident_id AS legacy_leap_1996,
       '４４０１１３９６０２２９００１'::resident_id AS legacy_full_width;
-- Leap days in the 18-character form.
SELECT '110102200002290022'::resident_id AS y2000_leap, '110102199602290012'::resident_id AS y1996_leap,
       '110102202402290039'::resident_id AS y2024_leap, '110102190003010014'::resident_id AS y1900_mar_1;

-- Errors: 22P02 with position and rule; hint only when the check character alone is wrong.
\set VERBOSITY default
SELECT '360426199113010079'::resident_id;   -- month 13
SELECT '36042619910102009X'::resident_id;   -- check character
SELECT 'T60426199101010078'::resident_id;   -- format
SELECT '360426199101010072'::resident_id;   -- check: expected 1
SELECT '44011320141005001Y'::resident_id;   -- position 18 neither digit nor X
SELECT '4401132014100500X1'::resident_id;   -- X only at 18
SELECT '36042619910101007'::resident_id;    -- 17 characters
SELECT ''::resident_id;                     -- empty
SELECT '   '::resident_id;                  -- only white space
SELECT '3604261991 1010071'::resident_id;   -- embedded space (18 characters)
SELECT '36042619910101007１x'::resident_id; -- 19 characters (full-width counted as one)
SELECT '中华人民共和国居民身份证号码一二三四'::resident_id;
SELECT '110102190002290011'::resident_id;   -- 1900 is not a leap year
SELECT '110102199102300017'::resident_id;   -- 30 February
SELECT '110102199104310010'::resident_id;   -- 31 April
SELECT '110102199100010011'::resident_id;   -- month 00
SELECT '110102199101000013'::resident_id;   -- day 00
SELECT '110102184912310012'::resident_id;   -- year before 1850
SELECT '110102210001010015'::resident_id;   -- year after 2099
SELECT '440113000229002'::resident_id;      -- legacy: 1900-02-29 (19YY, and 1900 is not leap)
SELECT '110102911301001'::resident_id;      -- legacy: month 13
SELECT '11010291010100X'::resident_id;      -- legacy: no check character
SELECT '1101029101010１a'::resident_id;      -- legacy: not a digit

-- is_valid never raises; explain gives the reason or NULL.
SELECT v, resident_id_is_valid(v) AS valid, resident_id_explain(v) AS explain
  FROM unnest(ARRAY['360426199101010071', '44011320141005001x', '360426910101007', '360426199113010079',
                    '36042619910102009X', 'T60426199101010078', '', 'abc', '110102190002290011']) AS v;
SELECT resident_id_is_valid(NULL), resident_id_explain(NULL);

-- Accessors.
SELECT r, resident_id_birth_date(r) AS birth, resident_id_sex(r) AS sex, resident_id_region(r) AS region,
       resident_id_district(r) AS district, resident_id_mask(r) AS masked
  FROM unnest(ARRAY['360426199101010071', '44011320141005001X', '110102199101010078', '440102198001010021',
                    '360426910101007']::resident_id[]) AS r
 ORDER BY r;

-- Comparison, order = text order, hashing agrees with equality.
SELECT '360426199101010071'::resident_id = '360426910101007'::resident_id AS legacy_equals_converted,
       '360426199101010071'::resident_id < '44011320141005001X'::resident_id AS lt,
       '44011320141005001X'::resident_id >= '44011320141005001x'::resident_id AS ge,
       '110102199101010078'::resident_id <> '360426199101010071'::resident_id AS ne;
-- An independent MOD 11-2 in SQL, to generate numbers.
CREATE FUNCTION pg_temp.rid(p text) RETURNS text LANGUAGE sql AS $$
  SELECT p || substr('0123456789X', 1 + (12 - (SELECT sum(substr(p, k, 1)::int
                      * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k]) FROM generate_series(1, 17) AS k)::int % 11) % 11, 1)
$$;
CREATE TABLE resident_id_t (id int, r resident_id);
INSERT INTO resident_id_t
  SELECT i, pg_temp.rid(lpad((i * 7919 % 1000000)::text, 6, '0') || to_char(date '1950-01-01' + i * 13, 'YYYYMMDD')
                        || lpad((i % 1000)::text, 3, '0'))
    FROM generate_series(1, 3000) AS i;
-- text order and type order agree
SELECT bool_and(a = b) AS same_order FROM (
  SELECT (array_agg(r::text ORDER BY r))::text[] AS a, (array_agg(r::text ORDER BY r::text COLLATE "C")) AS b
    FROM resident_id_t) s;
CREATE INDEX resident_id_t_btree ON resident_id_t (r);
CREATE INDEX resident_id_t_hash ON resident_id_t USING hash (r);
SET enable_seqscan = off;
SELECT id, r FROM resident_id_t WHERE r = pg_temp.rid('00791919500114001')::resident_id;
EXPLAIN (COSTS OFF) SELECT id FROM resident_id_t WHERE r = '007919195001140012';
SELECT id, r FROM resident_id_t WHERE r BETWEEN pg_temp.rid('00791918500101000')::resident_id AND pg_temp.rid('00800018500101000')::resident_id ORDER BY r;
EXPLAIN (COSTS OFF) SELECT id FROM resident_id_t WHERE r BETWEEN '007919185001010008' AND '00800018500101000X';
RESET enable_seqscan;
SET enable_mergejoin = off; SET enable_nestloop = off;
SELECT count(*) FROM resident_id_t a JOIN resident_id_t b ON a.r = b.r;
RESET enable_mergejoin; RESET enable_nestloop;
SELECT count(DISTINCT r), count(DISTINCT resident_id_hash(r)) FROM resident_id_t;
SELECT resident_id_hash('360426199101010071') = resident_id_hash('360426910101007') AS hash_equal,
       resident_id_hash_extended('360426199101010071', 42) = resident_id_hash_extended('360426910101007', 42) AS ext_equal;

-- Casts to and from text; assignment cast from a text column.
SELECT '44011320141005001x'::text::resident_id::text AS round_trip;
CREATE TABLE resident_id_src (t text);
INSERT INTO resident_id_src VALUES ('44011320141005001x'), ('360426910101007');
INSERT INTO resident_id_t (id, r) SELECT 0, t FROM resident_id_src;
SELECT r FROM resident_id_t WHERE id = 0 ORDER BY r;
INSERT INTO resident_id_src VALUES ('360426199101010072');
INSERT INTO resident_id_t (id, r) SELECT -1, t FROM resident_id_src;
SELECT count(*) FROM resident_id_t WHERE id = -1;

-- Binary round trip (send = int8send, recv validates).
SELECT resident_id_send('44011320141005001X') AS sent;
SELECT '/tmp/credit_gz_regress_resident_id_' || pg_backend_pid() || '.bin' AS binfile,
       'rm -f /tmp/credit_gz_regress_resident_id_' || pg_backend_pid() || '.bin' AS rmcmd \gset
COPY (SELECT r FROM resident_id_t ORDER BY id, r) TO :'binfile' WITH (FORMAT binary);
CREATE TABLE resident_id_bin (r resident_id);
COPY resident_id_bin FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS copied, (SELECT count(*) FROM resident_id_t) AS source,
       bool_and(EXISTS (SELECT FROM resident_id_t t WHERE t.r = b.r)) AS all_present FROM resident_id_bin b;
-- recv validates as input does: an int8 whose digits carry month 13, and one out of range.
COPY (SELECT 36042619911301007::bigint) TO :'binfile' WITH (FORMAT binary);
COPY resident_id_bin FROM :'binfile' WITH (FORMAT binary);
COPY (SELECT 100000000000000000::bigint) TO :'binfile' WITH (FORMAT binary);
COPY resident_id_bin FROM :'binfile' WITH (FORMAT binary);
COPY (SELECT -1::bigint) TO :'binfile' WITH (FORMAT binary);
COPY resident_id_bin FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) FROM resident_id_bin;

COPY (SELECT) TO PROGRAM :'rmcmd';
DROP TABLE resident_id_t, resident_id_src, resident_id_bin;

-- resident_id_make: 17 digits in, check character appended, date validated.
SELECT resident_id_make('36042619910101007') AS a, resident_id_make(' 44011320141005001 ') AS b;
SELECT resident_id_make('360426199101010071');
SELECT resident_id_make('3604261991010100x');
SELECT resident_id_make('36042619911301007');
SELECT resident_id_make('36042619910229001');
