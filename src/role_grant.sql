-- Role grants (十七 信息安全保护): which site role acts as which department, public reader, analyst, credit service
-- agency or financial institution, and what the current role acts as (src/role_grant.c). The query log names the
-- reader's department from it and row-level security filters by it.

-- ---------------------------------------------------------------------------------------------------------------
-- Role grants: the extension creates no roles; a DBA maps the site's roles to what they may do.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.role_grant (
    grant_id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    role_name       name        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('department', 'public_reader', 'analyst', 'credit_agency',
                                                         'financial_institution', 'self_service')),
    department_code text        REFERENCES credit_gz.department (code),
    -- a subject, so no foreign key (subject is distributed, role_grant is not): role_grant_institution_id_fkey checks it
    institution_id  bigint,
    licence_no      text,
    granted_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    granted_by      name        NOT NULL DEFAULT CURRENT_USER,
    CHECK ((kind = 'department') = (department_code IS NOT NULL)),
    CHECK ((kind = 'financial_institution') = (institution_id IS NOT NULL)),
    CHECK ((kind = 'credit_agency') = (licence_no IS NOT NULL))
);
CREATE UNIQUE INDEX role_grant_uniq_idx ON credit_gz.role_grant
    (role_name, kind, coalesce(department_code, ''), coalesce(institution_id, 0));
COMMENT ON INDEX credit_gz.role_grant_uniq_idx IS
    'One grant per role, kind, department and institution (NULLs counted as one value).';
CREATE CONSTRAINT TRIGGER role_grant_institution_id_fkey AFTER INSERT OR UPDATE OF institution_id ON credit_gz.role_grant
    FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_reference_check('institution_id');
COMMENT ON TRIGGER role_grant_institution_id_fkey ON credit_gz.role_grant IS
    'the institution exists (a foreign key to a subject, checked by trigger).';
CREATE TRIGGER role_grant_institution_id_fkey AFTER UPDATE OF subject_id OR DELETE ON credit_gz.subject
    FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_referenced_check('role_grant', 'institution_id');
COMMENT ON TRIGGER role_grant_institution_id_fkey ON credit_gz.subject IS
    'an institution named by role grants stays (NO ACTION).';
COMMENT ON TABLE credit_gz.role_grant IS
    '角色授权 / which site role acts as which department, public reader, analyst, credit service agency or financial '
    'institution. Written by the grant_* functions; row-level security and the disclosed_* views read it.';
COMMENT ON COLUMN credit_gz.role_grant.grant_id IS '编号 / grant id';
COMMENT ON COLUMN credit_gz.role_grant.role_name IS '数据库角色 / database role (members inherit)';
COMMENT ON COLUMN credit_gz.role_grant.kind IS '角色类别 / department, public_reader, analyst, credit_agency, financial_institution, self_service';
COMMENT ON COLUMN credit_gz.role_grant.department_code IS '所属部门 / department the role acts for';
COMMENT ON COLUMN credit_gz.role_grant.institution_id IS '金融机构主体 / the financial institution (a subject) the role acts for';
COMMENT ON COLUMN credit_gz.role_grant.licence_no IS '备案编号 / credit service agency''s filing or licence number';
COMMENT ON COLUMN credit_gz.role_grant.granted_at IS '授权时间 / when granted';
COMMENT ON COLUMN credit_gz.role_grant.granted_by IS '授权人 / who granted';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.role_grant', '');
-- Readable by every role: row-level security and the views test the caller's grants in the caller's own rights.
GRANT SELECT ON credit_gz.role_grant TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.role_grant_grant_id_seq', '');
-- What each role acts as is cached per backend (src/role_grant.c: row-level security asks on every row, the query
-- log on every read); a change to the grants resets those caches in every backend.
CREATE TRIGGER role_grant_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.role_grant
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.catalogue_changed();
COMMENT ON TRIGGER role_grant_changed ON credit_gz.role_grant IS
    '授权变更时刷新各会话缓存 / resets the per-backend caches of what each role acts as (my_departments, '
    'my_institutions) in every backend';

-- my_departments / my_institutions: what the current role acts as, through the grants it inherits. In C
-- (src/role_grant.c) with a per-backend cache reset whenever role_grant, a role or a membership changes: policies
-- call them on every row they filter (`department_code = ANY (credit_gz.my_departments())`; Citus refuses the
-- sub-SELECT that used to make them run once per query), so an uncached lookup per row would cost more than the
-- scan. SECURITY INVOKER on purpose: pg_has_role must test the caller, not a definer. STABLE: within a statement
-- the answer only changes when the statement itself changes role_grant.
CREATE FUNCTION credit_gz.my_departments()
RETURNS text[]
LANGUAGE c STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_my_departments';
COMMENT ON FUNCTION credit_gz.my_departments() IS
    'Departments the current role acts for (credit_gz.role_grant, through inherited memberships); cached per backend.';

CREATE FUNCTION credit_gz.my_institutions()
RETURNS bigint[]
LANGUAGE c STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_my_institutions';
COMMENT ON FUNCTION credit_gz.my_institutions() IS
    'Financial institutions (subject ids) the current role acts for (credit_gz.role_grant); cached per backend.';

-- The subject a self-service portal reads as itself (audience self, 信用主体本人): opened by credit_report for the
-- subject the portal names, closed when the report is built, at every transaction end and after an aborted
-- subtransaction (src/role_grant.c). Opening logs the read under the subject as its own query, so whoever opens it
-- is logged; the views give self rows only to a role that may read as self (credit_gz.my_audiences()).
CREATE FUNCTION credit_gz.self_scope_open(subject_id bigint, purpose text)
RETURNS void
LANGUAGE c VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_self_scope_open';
COMMENT ON FUNCTION credit_gz.self_scope_open(bigint, text) IS
    '本人查询 / logs a read of the subject as its own query (audience self) and lets the current role read it as self '
    'until credit_gz.self_scope_close() or the end of the transaction; internal to credit_gz.credit_report.';
-- only the roles that may read as self open it (grant_self_service grants EXECUTE): no other role writes entries of
-- a subject's own queries
REVOKE ALL ON FUNCTION credit_gz.self_scope_open(bigint, text) FROM PUBLIC;

CREATE FUNCTION credit_gz.self_scope_close()
RETURNS void
LANGUAGE c VOLATILE PARALLEL UNSAFE
AS 'MODULE_PATHNAME', 'credit_gz_self_scope_close';
COMMENT ON FUNCTION credit_gz.self_scope_close() IS
    '本人查询结束 / ends the self read opened by credit_gz.self_scope_open(); internal to credit_gz.credit_report.';

CREATE FUNCTION credit_gz.self_subject()
RETURNS bigint
LANGUAGE c STABLE PARALLEL RESTRICTED
AS 'MODULE_PATHNAME', 'credit_gz_self_subject';
COMMENT ON FUNCTION credit_gz.self_subject() IS
    '本人查询主体 / the subject the current role is reading as itself (in a self report), NULL otherwise.';
