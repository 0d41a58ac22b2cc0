-- Type credit_gz.credit_grade: credit grades A > B > M > C > D (tax-credit scale; M = newly established or not yet
-- rated). One byte passed by value holding the rank (D = 1 … A = 5); core's "char" functions compare bytes as
-- unsigned, so comparison and hashing reuse chareq/charlt/btcharcmp/hashchar (LANGUAGE internal).

CREATE TYPE credit_gz.credit_grade;

CREATE FUNCTION credit_gz.credit_grade_in(cstring)
RETURNS credit_gz.credit_grade
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_in(cstring) IS
    'credit_grade text input: A, B, M, C or D in either case, white space trimmed; 22P02 otherwise.';

CREATE FUNCTION credit_gz.credit_grade_out(credit_gz.credit_grade)
RETURNS cstring
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_out(credit_gz.credit_grade) IS
    'credit_grade text output: the upper-case letter.';

CREATE FUNCTION credit_gz.credit_grade_recv(internal)
RETURNS credit_gz.credit_grade
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_recv(internal) IS
    'credit_grade binary input: one byte, the ASCII letter, validated as text input is.';

CREATE FUNCTION credit_gz.credit_grade_send(credit_gz.credit_grade)
RETURNS bytea
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_send(credit_gz.credit_grade) IS
    'credit_grade binary output: one byte, the upper-case ASCII letter.';

CREATE TYPE credit_gz.credit_grade (
    INPUT          = credit_gz.credit_grade_in,
    OUTPUT         = credit_gz.credit_grade_out,
    RECEIVE        = credit_gz.credit_grade_recv,
    SEND           = credit_gz.credit_grade_send,
    INTERNALLENGTH = 1,
    PASSEDBYVALUE,
    ALIGNMENT      = char,
    STORAGE        = plain
);
COMMENT ON TYPE credit_gz.credit_grade IS
    '信用等级 / credit grade: A > B > M > C > D (纳税信用: A ≥ 90, B 70-89, M 新设立或无经营收入, C 40-69, D < 40 '
    'or directly rated D). One byte, passed by value; min() is the worst grade.';

-- Comparison: core "char" functions (unsigned byte order = D < C < M < B < A).
CREATE FUNCTION credit_gz.credit_grade_eq(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_ne(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_lt(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_le(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_gt(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_ge(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_cmp(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS integer
AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_hash(credit_gz.credit_grade) RETURNS integer
AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION credit_gz.credit_grade_hash_extended(credit_gz.credit_grade, bigint) RETURNS bigint
AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION credit_gz.credit_grade_eq(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade = (core chareq).';
COMMENT ON FUNCTION credit_gz.credit_grade_ne(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade <> (core charne).';
COMMENT ON FUNCTION credit_gz.credit_grade_lt(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade < (worse than; core charlt).';
COMMENT ON FUNCTION credit_gz.credit_grade_le(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade <= (core charle).';
COMMENT ON FUNCTION credit_gz.credit_grade_gt(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade > (better than; core chargt).';
COMMENT ON FUNCTION credit_gz.credit_grade_ge(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade >= (core charge).';
COMMENT ON FUNCTION credit_gz.credit_grade_cmp(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'btree comparison for credit_grade (core btcharcmp): negative when the first grade is worse.';
COMMENT ON FUNCTION credit_gz.credit_grade_hash(credit_gz.credit_grade) IS
    'Hash of a credit_grade (core hashchar).';
COMMENT ON FUNCTION credit_gz.credit_grade_hash_extended(credit_gz.credit_grade, bigint) IS
    'Seeded 64-bit hash of a credit_grade (core hashcharextended), for hash partitioning.';

CREATE OPERATOR credit_gz.= (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_eq,
    COMMUTATOR = OPERATOR(credit_gz.=), NEGATOR = OPERATOR(credit_gz.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR credit_gz.<> (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_ne,
    COMMUTATOR = OPERATOR(credit_gz.<>), NEGATOR = OPERATOR(credit_gz.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR credit_gz.< (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_lt,
    COMMUTATOR = OPERATOR(credit_gz.>), NEGATOR = OPERATOR(credit_gz.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR credit_gz.<= (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_le,
    COMMUTATOR = OPERATOR(credit_gz.>=), NEGATOR = OPERATOR(credit_gz.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR credit_gz.> (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_gt,
    COMMUTATOR = OPERATOR(credit_gz.<), NEGATOR = OPERATOR(credit_gz.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR credit_gz.>= (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_ge,
    COMMUTATOR = OPERATOR(credit_gz.<=), NEGATOR = OPERATOR(credit_gz.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR credit_gz.=  (credit_gz.credit_grade, credit_gz.credit_grade) IS 'same grade';
COMMENT ON OPERATOR credit_gz.<> (credit_gz.credit_grade, credit_gz.credit_grade) IS 'different grade';
COMMENT ON OPERATOR credit_gz.<  (credit_gz.credit_grade, credit_gz.credit_grade) IS 'worse than (A > B > M > C > D)';
COMMENT ON OPERATOR credit_gz.<= (credit_gz.credit_grade, credit_gz.credit_grade) IS 'worse than or the same';
COMMENT ON OPERATOR credit_gz.>  (credit_gz.credit_grade, credit_gz.credit_grade) IS 'better than (A > B > M > C > D)';
COMMENT ON OPERATOR credit_gz.>= (credit_gz.credit_grade, credit_gz.credit_grade) IS 'better than or the same';

CREATE OPERATOR CLASS credit_gz.credit_grade_ops
DEFAULT FOR TYPE credit_gz.credit_grade USING btree AS
    OPERATOR 1 credit_gz.< ,
    OPERATOR 2 credit_gz.<= ,
    OPERATOR 3 credit_gz.= ,
    OPERATOR 4 credit_gz.>= ,
    OPERATOR 5 credit_gz.> ,
    FUNCTION 1 credit_gz.credit_grade_cmp(credit_gz.credit_grade, credit_gz.credit_grade),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS credit_gz.credit_grade_ops USING btree IS
    'Default btree operator class for credit_grade (D < C < M < B < A; deduplication enabled).';

CREATE OPERATOR CLASS credit_gz.credit_grade_ops
DEFAULT FOR TYPE credit_gz.credit_grade USING hash AS
    OPERATOR 1 credit_gz.= ,
    FUNCTION 1 credit_gz.credit_grade_hash(credit_gz.credit_grade),
    FUNCTION 2 credit_gz.credit_grade_hash_extended(credit_gz.credit_grade, bigint);
COMMENT ON OPERATOR CLASS credit_gz.credit_grade_ops USING hash IS
    'Default hash operator class for credit_grade (hash joins, GROUP BY, hash partitioning).';
COMMENT ON OPERATOR FAMILY credit_gz.credit_grade_ops USING btree IS 'btree operator family of credit_grade.';
COMMENT ON OPERATOR FAMILY credit_gz.credit_grade_ops USING hash IS 'hash operator family of credit_grade.';

-- Casts to and from text through the type's I/O.
CREATE CAST (text AS credit_gz.credit_grade) WITH INOUT AS ASSIGNMENT;
CREATE CAST (credit_gz.credit_grade AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS credit_gz.credit_grade) IS 'Validating cast from text (A, B, M, C, D in either case).';
COMMENT ON CAST (credit_gz.credit_grade AS text) IS 'The upper-case letter.';

-- min() / max(): min is the worst grade, max the best.
CREATE FUNCTION credit_gz.credit_grade_larger(credit_gz.credit_grade, credit_gz.credit_grade)
RETURNS credit_gz.credit_grade
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_larger(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'The better of two grades (transition function of max).';

CREATE FUNCTION credit_gz.credit_grade_smaller(credit_gz.credit_grade, credit_gz.credit_grade)
RETURNS credit_gz.credit_grade
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_smaller(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'The worse of two grades (transition function of min).';

CREATE AGGREGATE credit_gz.min(credit_gz.credit_grade) (
    SFUNC = credit_gz.credit_grade_smaller,
    STYPE = credit_gz.credit_grade,
    COMBINEFUNC = credit_gz.credit_grade_smaller,
    SORTOP = OPERATOR(credit_gz.<),
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE credit_gz.min(credit_gz.credit_grade) IS '最低等级: the worst grade of the group.';

CREATE AGGREGATE credit_gz.max(credit_gz.credit_grade) (
    SFUNC = credit_gz.credit_grade_larger,
    STYPE = credit_gz.credit_grade,
    COMBINEFUNC = credit_gz.credit_grade_larger,
    SORTOP = OPERATOR(credit_gz.>),
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE credit_gz.max(credit_gz.credit_grade) IS '最高等级: the best grade of the group.';

-- Helpers.
CREATE FUNCTION credit_gz.credit_grade_label(credit_gz.credit_grade)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_label(credit_gz.credit_grade) IS
    '等级名称: Chinese label, A级（信用好）, B级（信用较好）, M级（新设立或未评价）, C级（信用较差）, D级（信用差）.';

CREATE FUNCTION credit_gz.credit_grade_rank(credit_gz.credit_grade)
RETURNS integer
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_rank'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_rank(credit_gz.credit_grade) IS
    'Position on the scale: 1 for A (best), 2 B, 3 M, 4 C, 5 D (worst).';
