-- credit_gz.uscc: 统一社会信用代码 (GB 32100-2015), unified social credit code of legal persons and other organisations.
-- C: src/uscc.c (glue), src/core/uscc_code.c (rules). Stored as 12 bytes (base 31, big-endian), fixed length.
-- Input functions are STABLE, not IMMUTABLE: they read credit_gz.uscc_weak.

CREATE TYPE credit_gz.uscc;

CREATE FUNCTION credit_gz.uscc_in(cstring) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_in(cstring) IS
    '统一社会信用代码输入 / uscc text input: trims, folds case and full-width forms, validates; STABLE as it reads credit_gz.uscc_weak.';

CREATE FUNCTION credit_gz.uscc_out(credit_gz.uscc) RETURNS cstring
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_out(credit_gz.uscc) IS
    '统一社会信用代码输出 / uscc text output: 18 characters, a trailing ! when the check characters are wrong (flagged).';

CREATE FUNCTION credit_gz.uscc_recv(internal) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_recv' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_recv(internal) IS
    'uscc binary input: the wire form is the text form, validated exactly as text input.';

CREATE FUNCTION credit_gz.uscc_send(credit_gz.uscc) RETURNS bytea
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_send(credit_gz.uscc) IS
    'uscc binary output: the canonical text form (with ! when flagged).';

CREATE TYPE credit_gz.uscc (
    INTERNALLENGTH = 12,
    INPUT = credit_gz.uscc_in,
    OUTPUT = credit_gz.uscc_out,
    RECEIVE = credit_gz.uscc_recv,
    SEND = credit_gz.uscc_send,
    ALIGNMENT = char,
    STORAGE = plain
);
COMMENT ON TYPE credit_gz.uscc IS
    '统一社会信用代码 (GB 32100-2015) / unified social credit code: 18 characters validated (alphabet, authority/category, '
    'region digits, GB 11714 organisation-code check digit, mod-31 check character), stored in 12 bytes; '
    'sorts as the text of the canonical code.';

-- Comparison -------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.uscc_eq(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_eq(credit_gz.uscc, credit_gz.uscc) IS 'uscc = uscc (implements the = operator).';
CREATE FUNCTION credit_gz.uscc_ne(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_ne(credit_gz.uscc, credit_gz.uscc) IS 'uscc <> uscc (implements the <> operator).';
CREATE FUNCTION credit_gz.uscc_lt(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_lt(credit_gz.uscc, credit_gz.uscc) IS 'uscc < uscc (implements the < operator).';
CREATE FUNCTION credit_gz.uscc_le(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_le(credit_gz.uscc, credit_gz.uscc) IS 'uscc <= uscc (implements the <= operator).';
CREATE FUNCTION credit_gz.uscc_gt(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_gt(credit_gz.uscc, credit_gz.uscc) IS 'uscc > uscc (implements the > operator).';
CREATE FUNCTION credit_gz.uscc_ge(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_ge(credit_gz.uscc, credit_gz.uscc) IS 'uscc >= uscc (implements the >= operator).';

CREATE FUNCTION credit_gz.uscc_cmp(credit_gz.uscc, credit_gz.uscc) RETURNS integer
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_cmp(credit_gz.uscc, credit_gz.uscc) IS
    'btree support 1 for uscc: -1, 0, 1 in the text order of the canonical codes.';
CREATE FUNCTION credit_gz.uscc_sortsupport(internal) RETURNS void
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_sortsupport(internal) IS
    'btree support 2 for uscc: a direct comparator for sorts and index builds.';
CREATE FUNCTION credit_gz.uscc_hash(credit_gz.uscc) RETURNS integer
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_hash(credit_gz.uscc) IS 'hash support 1 for uscc (hash joins, hash indexes).';
CREATE FUNCTION credit_gz.uscc_hash_extended(credit_gz.uscc, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_hash_extended(credit_gz.uscc, bigint) IS
    'hash support 2 for uscc: seeded 64-bit hash (hash partitioning, Citus distribution).';

CREATE OPERATOR credit_gz.= (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_eq,
    COMMUTATOR = OPERATOR(credit_gz.=), NEGATOR = OPERATOR(credit_gz.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR credit_gz.= (credit_gz.uscc, credit_gz.uscc) IS 'equal (same 18 characters)';
CREATE OPERATOR credit_gz.<> (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_ne,
    COMMUTATOR = OPERATOR(credit_gz.<>), NEGATOR = OPERATOR(credit_gz.=),
    RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR credit_gz.<> (credit_gz.uscc, credit_gz.uscc) IS 'not equal';
CREATE OPERATOR credit_gz.< (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_lt,
    COMMUTATOR = OPERATOR(credit_gz.>), NEGATOR = OPERATOR(credit_gz.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR credit_gz.< (credit_gz.uscc, credit_gz.uscc) IS 'less than (text order of the canonical codes)';
CREATE OPERATOR credit_gz.<= (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_le,
    COMMUTATOR = OPERATOR(credit_gz.>=), NEGATOR = OPERATOR(credit_gz.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR credit_gz.<= (credit_gz.uscc, credit_gz.uscc) IS 'less than or equal';
CREATE OPERATOR credit_gz.> (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_gt,
    COMMUTATOR = OPERATOR(credit_gz.<), NEGATOR = OPERATOR(credit_gz.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR credit_gz.> (credit_gz.uscc, credit_gz.uscc) IS 'greater than';
CREATE OPERATOR credit_gz.>= (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_ge,
    COMMUTATOR = OPERATOR(credit_gz.<=), NEGATOR = OPERATOR(credit_gz.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR credit_gz.>= (credit_gz.uscc, credit_gz.uscc) IS 'greater than or equal';

CREATE OPERATOR CLASS credit_gz.uscc_ops DEFAULT FOR TYPE credit_gz.uscc USING btree AS
    OPERATOR 1 credit_gz.< ,
    OPERATOR 2 credit_gz.<= ,
    OPERATOR 3 credit_gz.= ,
    OPERATOR 4 credit_gz.>= ,
    OPERATOR 5 credit_gz.> ,
    FUNCTION 1 credit_gz.uscc_cmp(credit_gz.uscc, credit_gz.uscc),
    FUNCTION 2 credit_gz.uscc_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS credit_gz.uscc_ops USING btree IS
    'default btree order of uscc: the text order of the canonical codes; deduplication-safe (equal = same bytes).';
COMMENT ON OPERATOR FAMILY credit_gz.uscc_ops USING btree IS 'btree operators of uscc.';

CREATE OPERATOR CLASS credit_gz.uscc_hash_ops DEFAULT FOR TYPE credit_gz.uscc USING hash AS
    OPERATOR 1 credit_gz.= ,
    FUNCTION 1 credit_gz.uscc_hash(credit_gz.uscc),
    FUNCTION 2 credit_gz.uscc_hash_extended(credit_gz.uscc, bigint);
COMMENT ON OPERATOR CLASS credit_gz.uscc_hash_ops USING hash IS
    'default hash operator class of uscc (hash joins, hash indexes, hash partitioning).';
COMMENT ON OPERATOR FAMILY credit_gz.uscc_hash_ops USING hash IS 'hash operators of uscc.';

-- Casts --------------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.uscc(text) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_from_text' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc(text) IS
    'cast text → uscc, the rules of type input (STABLE: reads credit_gz.uscc_weak).';
CREATE FUNCTION credit_gz.uscc_text(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_text(credit_gz.uscc) IS
    'cast uscc → text: the output form (18 characters, ! when flagged).';

CREATE CAST (text AS credit_gz.uscc) WITH FUNCTION credit_gz.uscc(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS credit_gz.uscc) IS 'text → uscc (assignment): validates as type input does.';
CREATE CAST (credit_gz.uscc AS text) WITH FUNCTION credit_gz.uscc_text(credit_gz.uscc) AS ASSIGNMENT;
COMMENT ON CAST (credit_gz.uscc AS text) IS 'uscc → text (assignment): the canonical form, ! when flagged.';

-- Functions ----------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.uscc_is_valid(text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_is_valid(text) IS
    '是否为有效统一社会信用代码 / whether text is a valid code, check characters included; never raises, ignores weak mode.';

CREATE FUNCTION credit_gz.uscc_explain(text) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_explain' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_explain(text) IS
    '代码错误说明 / NULL when the text is a valid code, else the position and rule broken (for import error reports), '
    'in the language of lc_messages (hence STABLE).';

CREATE FUNCTION credit_gz.uscc_is_verified(credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_is_verified' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_is_verified(credit_gz.uscc) IS
    '校验位是否正确 / false for a flagged value (accepted in weak mode or with !, check characters wrong).';

CREATE FUNCTION credit_gz.uscc_correct(credit_gz.uscc) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_correct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_correct(credit_gz.uscc) IS
    '更正校验位 / the code with both check characters (positions 17 and 18) recomputed.';

CREATE FUNCTION credit_gz.uscc_authority(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_authority' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_authority(credit_gz.uscc) IS '登记管理部门代码 / registration authority (position 1).';

CREATE FUNCTION credit_gz.uscc_authority_name(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_authority_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_authority_name(credit_gz.uscc) IS
    '登记管理部门名称 / registration authority name from GB 32100-2015, e.g. 工商.';

CREATE FUNCTION credit_gz.uscc_category(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_category' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_category(credit_gz.uscc) IS '机构类别代码 / institution category (position 2).';

CREATE FUNCTION credit_gz.uscc_category_name(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_category_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_category_name(credit_gz.uscc) IS
    '机构类别名称 / institution category name for the authority, e.g. 企业 for 91.';

CREATE FUNCTION credit_gz.uscc_region(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_region' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_region(credit_gz.uscc) IS
    '登记管理机关行政区划码 / GB/T 2260 division code at registration (positions 3-8).';

CREATE FUNCTION credit_gz.uscc_org_code(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_org_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_org_code(credit_gz.uscc) IS
    '组织机构代码 / GB 11714 organisation code with its check digit (positions 9-17, no hyphen).';

CREATE FUNCTION credit_gz.uscc_make(text) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_make(text) IS
    '生成校验码 / 17 valid characters in, the mod-31 check character appended (for generators and test data).';

CREATE FUNCTION credit_gz.uscc_district(credit_gz.uscc) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    AS $$ SELECT credit_gz.region_district(credit_gz.uscc_region($1)) $$;
COMMENT ON FUNCTION credit_gz.uscc_district(credit_gz.uscc) IS
    '所属广州市辖区 / today''s Guangzhou district of the code''s region (abolished codes mapped to successors); '
    'NULL outside Guangzhou. STABLE: reads credit_gz.region.';

-- ---------------------------------------------------------------------------------------------------------------
-- Unverified codes (校验位错误的代码): the '!' input keeps a code whose check characters are wrong, so dumps restore;
-- such a code enters credit_gz.subject only for a superuser or a role a DBA allows here (subject_before).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.unverified_code_grant (
    role_name  name        NOT NULL PRIMARY KEY,
    basis      text        NOT NULL CHECK (basis <> ''),
    granted_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    granted_by name        NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE credit_gz.unverified_code_grant IS
    '未校验代码授权 / roles a DBA allows to store a unified code whose check characters are wrong (given with a '
    'trailing !) in credit_gz.subject; written by credit_gz.grant_unverified_codes / revoke_unverified_codes. '
    'Superusers need no row.';
COMMENT ON COLUMN credit_gz.unverified_code_grant.role_name IS '数据库角色 / database role (members inherit)';
COMMENT ON COLUMN credit_gz.unverified_code_grant.basis IS '依据 / why the role may keep unverified codes (e.g. a registry''s own errors kept as issued)';
COMMENT ON COLUMN credit_gz.unverified_code_grant.granted_at IS '授权时间 / when granted';
COMMENT ON COLUMN credit_gz.unverified_code_grant.granted_by IS '授权人 / who granted';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.unverified_code_grant', '');
-- Readable by every role: the subject trigger tests the caller's right in the caller's own rights; it names roles only.
GRANT SELECT ON credit_gz.unverified_code_grant TO PUBLIC;

-- may_store_unverified_code: may the current role store an unverified code (superuser, or a grant it inherits)?
CREATE FUNCTION credit_gz.may_store_unverified_code()
RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER), false)
        OR EXISTS (SELECT FROM credit_gz.unverified_code_grant g
                    WHERE pg_catalog.pg_has_role(CURRENT_USER, g.role_name, 'USAGE'))
$$;
COMMENT ON FUNCTION credit_gz.may_store_unverified_code() IS
    '可否存储未校验代码 / whether the current role may store a unified code with wrong check characters in '
    'credit_gz.subject: a superuser, or a role granted by credit_gz.grant_unverified_codes (through memberships).';

-- grant_unverified_codes / revoke_unverified_codes: the DBA's decision, as data.
CREATE FUNCTION credit_gz.grant_unverified_codes(role_name name, basis text)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) grant_unverified_codes.role_name) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('role "%s" does not exist', grant_unverified_codes.role_name),
              ERRCODE = '42704';
    END IF;
    IF basis IS NULL OR basis OPERATOR(pg_catalog.=) '' THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('a grant of unverified codes needs its basis'),
              ERRCODE = '22023', HINT = credit_gz.msg('Say why the role may keep codes as issued, e.g. ''登记机关原始赋码''.');
    END IF;
    INSERT INTO credit_gz.unverified_code_grant AS g (role_name, basis)
    VALUES (grant_unverified_codes.role_name, grant_unverified_codes.basis)
    ON CONFLICT ON CONSTRAINT unverified_code_grant_pkey DO UPDATE SET basis = EXCLUDED.basis;
END
$$;
COMMENT ON FUNCTION credit_gz.grant_unverified_codes(name, text) IS
    '允许存储未校验代码 / lets the role (and its members) store unified codes with wrong check characters (given with '
    'a trailing !) in credit_gz.subject; basis required. Idempotent. DBA only.';
REVOKE ALL ON FUNCTION credit_gz.grant_unverified_codes(name, text) FROM PUBLIC;

CREATE FUNCTION credit_gz.revoke_unverified_codes(role_name name)
RETURNS boolean
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH d AS (DELETE FROM credit_gz.unverified_code_grant g
                WHERE g.role_name OPERATOR(pg_catalog.=) revoke_unverified_codes.role_name RETURNING 1)
    SELECT EXISTS (SELECT FROM d)
$$;
COMMENT ON FUNCTION credit_gz.revoke_unverified_codes(name) IS
    '撤销未校验代码授权 / withdraws grant_unverified_codes; true when the role had it. Codes already stored stay. DBA only.';
REVOKE ALL ON FUNCTION credit_gz.revoke_unverified_codes(name) FROM PUBLIC;
