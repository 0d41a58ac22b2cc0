-- Type credit_gz.resident_id: citizen identity number (公民身份号码, GB 11643-1999) of natural persons.
-- Stored pass-by-value as int8 (the integer of the 17 leading digits; the check character is derived from them),
-- so comparison, hashing, sort support and binary send reuse core's int8 functions (LANGUAGE internal), as
-- contrib/isn does. Integer order equals the text order of the canonical 18-character form.

CREATE TYPE credit_gz.resident_id;

CREATE FUNCTION credit_gz.resident_id_in(cstring)
RETURNS credit_gz.resident_id
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_in(cstring) IS
    'resident_id text input: trims white space, accepts full-width digits and lower-case x, converts the legacy '
    '15-digit form; 22P02 with position and rule otherwise.';

CREATE FUNCTION credit_gz.resident_id_out(credit_gz.resident_id)
RETURNS cstring
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_out(credit_gz.resident_id) IS
    'resident_id text output: the canonical 18 characters (check character X in upper case).';

CREATE FUNCTION credit_gz.resident_id_recv(internal)
RETURNS credit_gz.resident_id
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_recv(internal) IS
    'resident_id binary input: an int8 (the 17 leading digits), validated by the same rules as text input.';

CREATE FUNCTION credit_gz.resident_id_send(credit_gz.resident_id)
RETURNS bytea
AS 'int8send'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_send(credit_gz.resident_id) IS
    'resident_id binary output: the stored int8 (core int8send).';

CREATE TYPE credit_gz.resident_id (
    INPUT          = credit_gz.resident_id_in,
    OUTPUT         = credit_gz.resident_id_out,
    RECEIVE        = credit_gz.resident_id_recv,
    SEND           = credit_gz.resident_id_send,
    INTERNALLENGTH = 8,
    PASSEDBYVALUE,
    ALIGNMENT      = double,
    STORAGE        = plain
);
COMMENT ON TYPE credit_gz.resident_id IS
    '公民身份号码 GB 11643-1999 / citizen identity number: 18 characters, MOD 11-2 check character, real date of '
    'birth; legacy 15-digit numbers are converted on input. 8 bytes, passed by value.';

-- Comparison: core int8 functions under our signatures (the representation is an int8).
CREATE FUNCTION credit_gz.resident_id_eq(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_ne(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_lt(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_le(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_gt(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_ge(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_cmp(credit_gz.resident_id, credit_gz.resident_id) RETURNS integer
AS 'btint8cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_sortsupport(internal) RETURNS void
AS 'btint8sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION credit_gz.resident_id_hash(credit_gz.resident_id) RETURNS integer
AS 'hashint8' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION credit_gz.resident_id_hash_extended(credit_gz.resident_id, bigint) RETURNS bigint
AS 'hashint8extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION credit_gz.resident_id_eq(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id = (core int8eq).';
COMMENT ON FUNCTION credit_gz.resident_id_ne(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id <> (core int8ne).';
COMMENT ON FUNCTION credit_gz.resident_id_lt(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id < (core int8lt; order = text order).';
COMMENT ON FUNCTION credit_gz.resident_id_le(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id <= (core int8le).';
COMMENT ON FUNCTION credit_gz.resident_id_gt(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id > (core int8gt).';
COMMENT ON FUNCTION credit_gz.resident_id_ge(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id >= (core int8ge).';
COMMENT ON FUNCTION credit_gz.resident_id_cmp(credit_gz.resident_id, credit_gz.resident_id) IS
    'btree comparison for resident_id: -1, 0 or 1 (core btint8cmp).';
COMMENT ON FUNCTION credit_gz.resident_id_sortsupport(internal) IS
    'btree sort support for resident_id (core btint8sortsupport).';
COMMENT ON FUNCTION credit_gz.resident_id_hash(credit_gz.resident_id) IS
    'Hash of a resident_id (core hashint8), for hash joins, hash indexes and hash partitioning.';
COMMENT ON FUNCTION credit_gz.resident_id_hash_extended(credit_gz.resident_id, bigint) IS
    'Seeded 64-bit hash of a resident_id (core hashint8extended), for hash partitioning and Citus distribution.';

CREATE OPERATOR credit_gz.= (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_eq,
    COMMUTATOR = OPERATOR(credit_gz.=), NEGATOR = OPERATOR(credit_gz.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR credit_gz.<> (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_ne,
    COMMUTATOR = OPERATOR(credit_gz.<>), NEGATOR = OPERATOR(credit_gz.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR credit_gz.< (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_lt,
    COMMUTATOR = OPERATOR(credit_gz.>), NEGATOR = OPERATOR(credit_gz.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR credit_gz.<= (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_le,
    COMMUTATOR = OPERATOR(credit_gz.>=), NEGATOR = OPERATOR(credit_gz.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR credit_gz.> (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_gt,
    COMMUTATOR = OPERATOR(credit_gz.<), NEGATOR = OPERATOR(credit_gz.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR credit_gz.>= (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_ge,
    COMMUTATOR = OPERATOR(credit_gz.<=), NEGATOR = OPERATOR(credit_gz.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR credit_gz.=  (credit_gz.resident_id, credit_gz.resident_id) IS 'equal';
COMMENT ON OPERATOR credit_gz.<> (credit_gz.resident_id, credit_gz.resident_id) IS 'not equal';
COMMENT ON OPERATOR credit_gz.<  (credit_gz.resident_id, credit_gz.resident_id) IS 'less than (text order)';
COMMENT ON OPERATOR credit_gz.<= (credit_gz.resident_id, credit_gz.resident_id) IS 'less than or equal (text order)';
COMMENT ON OPERATOR credit_gz.>  (credit_gz.resident_id, credit_gz.resident_id) IS 'greater than (text order)';
COMMENT ON OPERATOR credit_gz.>= (credit_gz.resident_id, credit_gz.resident_id) IS 'greater than or equal (text order)';

-- btequalimage (support 4): equal values are bitwise equal, so btree deduplication is safe.
CREATE OPERATOR CLASS credit_gz.resident_id_ops
DEFAULT FOR TYPE credit_gz.resident_id USING btree AS
    OPERATOR 1 credit_gz.< ,
    OPERATOR 2 credit_gz.<= ,
    OPERATOR 3 credit_gz.= ,
    OPERATOR 4 credit_gz.>= ,
    OPERATOR 5 credit_gz.> ,
    FUNCTION 1 credit_gz.resident_id_cmp(credit_gz.resident_id, credit_gz.resident_id),
    FUNCTION 2 credit_gz.resident_id_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS credit_gz.resident_id_ops USING btree IS
    'Default btree operator class for resident_id (text order, deduplication enabled).';

CREATE OPERATOR CLASS credit_gz.resident_id_ops
DEFAULT FOR TYPE credit_gz.resident_id USING hash AS
    OPERATOR 1 credit_gz.= ,
    FUNCTION 1 credit_gz.resident_id_hash(credit_gz.resident_id),
    FUNCTION 2 credit_gz.resident_id_hash_extended(credit_gz.resident_id, bigint);
COMMENT ON OPERATOR CLASS credit_gz.resident_id_ops USING hash IS
    'Default hash operator class for resident_id (hash joins, hash partitioning, Citus distribution).';
COMMENT ON OPERATOR FAMILY credit_gz.resident_id_ops USING btree IS 'btree operator family of resident_id.';
COMMENT ON OPERATOR FAMILY credit_gz.resident_id_ops USING hash IS 'hash operator family of resident_id.';

-- Casts: text in both directions through the type's I/O (so text → resident_id validates).
CREATE CAST (text AS credit_gz.resident_id) WITH INOUT AS ASSIGNMENT;
CREATE CAST (credit_gz.resident_id AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS credit_gz.resident_id) IS 'Validating cast from text (same rules as input; 22P02 if invalid).';
COMMENT ON CAST (credit_gz.resident_id AS text) IS 'The canonical 18 characters.';

-- Functions.
CREATE FUNCTION credit_gz.resident_id_is_valid(text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_is_valid'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_is_valid(text) IS
    '身份号码校验: true when the text is accepted by resident_id input (18 characters or legacy 15 digits); '
    'never raises.';

CREATE FUNCTION credit_gz.resident_id_explain(text)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_explain'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_explain(text) IS
    'NULL when the text is a valid citizen identity number, else the reason (position and rule, and the expected '
    'check character when only it is wrong), for import error reports, in the language of lc_messages (hence '
    'STABLE). Never raises.';

CREATE FUNCTION credit_gz.resident_id_birth_date(credit_gz.resident_id)
RETURNS date
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_birth_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_birth_date(credit_gz.resident_id) IS
    '出生日期: date of birth (positions 7-14).';

CREATE FUNCTION credit_gz.resident_id_sex(credit_gz.resident_id)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_sex'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_sex(credit_gz.resident_id) IS
    '性别: ''male'' (男, odd position 17) or ''female'' (女, even position 17).';

CREATE FUNCTION credit_gz.resident_id_region(credit_gz.resident_id)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_region'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_region(credit_gz.resident_id) IS
    '户籍地区划代码: positions 1-6, the GB/T 2260 code in force when the number was issued '
    '(credit_gz.region_district gives today''s Guangzhou district).';

CREATE FUNCTION credit_gz.resident_id_mask(credit_gz.resident_id)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_mask'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_mask(credit_gz.resident_id) IS
    '脱敏身份号码: first 6 and last 4 characters, the 8 between as *; the only form to disclose to the public.';

CREATE FUNCTION credit_gz.resident_id_make(text)
RETURNS credit_gz.resident_id
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_make'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_make(text) IS
    '17 digits in, the MOD 11-2 check character appended (date of birth validated); for data generators. '
    '22P02 when the text is not 17 digits.';

CREATE FUNCTION credit_gz.resident_id_district(credit_gz.resident_id) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    AS $$ SELECT credit_gz.region_district(credit_gz.resident_id_region($1)) $$;
COMMENT ON FUNCTION credit_gz.resident_id_district(credit_gz.resident_id) IS
    '户籍所在广州市辖区 / today''s Guangzhou district of the place of household registration (abolished codes mapped '
    'to successors, e.g. 440102 东山区 → 越秀区); NULL outside Guangzhou. STABLE: reads credit_gz.region.';
