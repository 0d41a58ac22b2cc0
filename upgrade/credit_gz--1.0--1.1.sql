-- credit_gz 1.0 → 1.1 (ALTER EXTENSION credit_gz UPDATE). Every change to an installed object after the 1.0
-- release is made here as well as in src/*.sql, in the same commit; test/shell/upgrade.sh compares a database upgraded
-- from 1.0 with a fresh install of 1.1, object by object, and fails on any difference.
\echo Use "ALTER EXTENSION credit_gz UPDATE TO '1.1'" to load this file. \quit

-- ---------------------------------------------------------------------------------------------------------------
-- Trust boundary: SECURITY DEFINER trigger functions check the table they fire on and are not executable by PUBLIC;
-- audit_trigger serves credit_gz's tables and the site tables a DBA registers (audited_table, audit_table()); every
-- view granted to other roles is a security barrier; monitor_double_publicity() is not open to PUBLIC.
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION credit_gz.subject_reference_check()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ref bigint;
BEGIN
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_NARGS <> 1 THEN
        RAISE EXCEPTION 'credit_gz.subject_reference_check() must be an AFTER ROW trigger on a credit_gz table naming a column'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    ref := (pg_catalog.to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    IF ref IS NOT NULL AND NOT EXISTS (SELECT FROM credit_gz.subject s WHERE s.subject_id = ref) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME, SCHEMA = TG_TABLE_SCHEMA,
            TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0],
            MESSAGE = pg_catalog.format('insert or update on table "%s" violates foreign key constraint "%s"',
                                        TG_TABLE_NAME, TG_NAME),
            DETAIL = pg_catalog.format('Key (%s)=(%s) is not present in table "subject".', TG_ARGV[0], ref);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION credit_gz.subject_referenced_check()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    referenced boolean;
BEGIN
    IF TG_RELID <> 'credit_gz.subject'::regclass OR TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_NARGS <> 2 THEN
        RAISE EXCEPTION 'credit_gz.subject_referenced_check() must be an AFTER ROW trigger on credit_gz.subject naming a table and column'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.subject_id = OLD.subject_id THEN
        RETURN NULL;
    END IF;
    EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM credit_gz.%I t WHERE t.%I OPERATOR(pg_catalog.=) $1)',
                              TG_ARGV[0], TG_ARGV[1])
       INTO referenced USING OLD.subject_id;
    IF referenced THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME, SCHEMA = TG_TABLE_SCHEMA,
            TABLE = TG_ARGV[0],
            MESSAGE = pg_catalog.format('update or delete on table "%s" violates foreign key constraint "%s" on table "%s"',
                                        TG_TABLE_NAME, TG_NAME, TG_ARGV[0]),
            DETAIL = pg_catalog.format('Subject %s (subject_id %s) is still referenced from table "%s" (%s).',
                                       credit_gz.identity_code(OLD.uscc, OLD.resident_id, OLD.identity_document_type,
                                                               OLD.identity_document_no),
                                       OLD.subject_id, TG_ARGV[0], TG_ARGV[1]);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION credit_gz.code_lookup_sync()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, credit_gz, pg_temp
AS $$
DECLARE
    lookup text := TG_ARGV[0];
    id     text := TG_ARGV[1];
    codes  text[] := TG_ARGV[2:];
    cols   text;
    same   text;
    given  text;
BEGIN
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_WHEN <> 'AFTER' OR TG_NARGS < 3
       OR (TG_LEVEL = 'ROW') <> (TG_OP = 'UPDATE') THEN
        RAISE EXCEPTION 'credit_gz.code_lookup_sync() must be an AFTER trigger on a credit_gz table (row level for UPDATE only) naming a lookup table, an id and codes'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        EXECUTE pg_catalog.format('TRUNCATE credit_gz.%I', lookup);
        RETURN NULL;
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%I', c), ', '),
           pg_catalog.string_agg(pg_catalog.format('l.%1$I = o.%1$I', c), ' AND '),
           pg_catalog.string_agg(pg_catalog.format('n.%I IS NOT NULL', c), ' AND ')
      INTO cols, same, given
      FROM pg_catalog.unnest(codes) AS c;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE pg_catalog.format('DELETE FROM credit_gz.%I l USING %s o WHERE %s AND l.subject_id = o.subject_id AND l.%I = o.%I',
                                  lookup, CASE WHEN TG_OP = 'UPDATE' THEN '(SELECT ($1).*)' ELSE 'code_lookup_old' END,
                                  same, id, id)
          USING OLD;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        -- the subject's own codes name the subject itself: the id is subject_id, written once
        EXECUTE pg_catalog.format('INSERT INTO credit_gz.%I (%s, subject_id%s) SELECT %s, n.subject_id%s FROM %s n WHERE %s',
                                  lookup, cols, CASE WHEN id <> 'subject_id' THEN pg_catalog.format(', %I', id) ELSE '' END,
                                  (SELECT pg_catalog.string_agg('n.' || pg_catalog.format('%I', c), ', ')
                                     FROM pg_catalog.unnest(codes) AS c),
                                  CASE WHEN id <> 'subject_id' THEN pg_catalog.format(', n.%I', id) ELSE '' END,
                                  CASE WHEN TG_OP = 'UPDATE' THEN '(SELECT ($1).*)' ELSE 'code_lookup_new' END, given)
          USING NEW;
    END IF;
    RETURN NULL;
END
$$;

CREATE TABLE credit_gz.audited_table (
    table_oid     regclass    NOT NULL PRIMARY KEY,
    registered_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    registered_by name        NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE credit_gz.audited_table IS
    '登记审计的站点表 / site tables a DBA registered for auditing by credit_gz.audit_trigger() (credit_gz.audit_table()); '
    'the trigger refuses any other table outside schema credit_gz. Written by the DBA only.';
COMMENT ON COLUMN credit_gz.audited_table.table_oid IS '审计表 / the audited table';
COMMENT ON COLUMN credit_gz.audited_table.registered_at IS '登记时间 / when registered';
COMMENT ON COLUMN credit_gz.audited_table.registered_by IS '登记人 / who registered it';
REVOKE ALL ON credit_gz.audited_table FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.audited_table', '');

CREATE OR REPLACE FUNCTION credit_gz.audit_trigger()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    o jsonb;
    n jsonb;
    r jsonb;
    k text;
    role name;
    keys text[] := TG_ARGV;
BEGIN
    IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' THEN
        RAISE EXCEPTION 'credit_gz.audit_trigger() must be an AFTER ROW trigger'
            USING ERRCODE = 'trigger_protocol_violated',
                  DETAIL = pg_catalog.format('Trigger "%s" on table "%s" fires %s %s.', TG_NAME, TG_TABLE_NAME,
                                             TG_WHEN, TG_LEVEL);
    END IF;
    -- credit_gz's own tables by schema (only the extension owner creates tables there), a site table by registration
    IF TG_TABLE_SCHEMA <> 'credit_gz'
       AND NOT EXISTS (SELECT FROM credit_gz.audited_table a WHERE a.table_oid = TG_RELID) THEN
        RAISE EXCEPTION 'credit_gz.audit_trigger() fires only on tables of credit_gz or registered for auditing'
            USING ERRCODE = 'trigger_protocol_violated',
                  DETAIL = pg_catalog.format('Table "%s.%s" is not registered in credit_gz.audited_table.',
                                             TG_TABLE_SCHEMA, TG_TABLE_NAME),
                  HINT = 'A DBA registers a site table with credit_gz.audit_table(table).';
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN o := pg_catalog.to_jsonb(OLD); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN n := pg_catalog.to_jsonb(NEW); END IF;
    IF TG_OP = 'UPDATE' AND o = n THEN
        RETURN NULL;                -- nothing changed: nothing to audit
    END IF;
    r := coalesce(n, o);
    IF coalesce(pg_catalog.cardinality(keys), 0) = 0 THEN
        SELECT pg_catalog.array_agg(a.attname::text ORDER BY x.ord) INTO keys
          FROM pg_catalog.pg_index i
          CROSS JOIN LATERAL pg_catalog.unnest(i.indkey) WITH ORDINALITY AS x(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = x.attnum
         WHERE i.indrelid = TG_RELID AND i.indisprimary;
    END IF;
    k := (SELECT pg_catalog.string_agg(r ->> u.key, ',' ORDER BY u.ord)
            FROM pg_catalog.unnest(keys) WITH ORDINALITY AS u(key, ord));
    -- Running as the definer, CURRENT_USER is the extension owner: the caller's role is the session's SET ROLE
    -- (the 'role' setting, which SECURITY DEFINER does not change), else the session user.
    role := coalesce(NULLIF(pg_catalog.current_setting('role'), 'none'), SESSION_USER)::name;
    IF r ? 'subject_id' THEN
        INSERT INTO credit_gz.audit_log (subject_id, table_name, row_key, action, old_row, new_row, role_name)
        VALUES ((r ->> 'subject_id')::bigint,
                pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.' || pg_catalog.quote_ident(TG_TABLE_NAME),
                k, TG_OP, o, n, role);
    ELSE
        INSERT INTO credit_gz.catalogue_audit_log (table_name, row_key, action, old_row, new_row, role_name)
        VALUES (pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.' || pg_catalog.quote_ident(TG_TABLE_NAME),
                k, TG_OP, o, n, role);
    END IF;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION credit_gz.audit_trigger() IS
    '通用审计触发器 / generic AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW trigger: rows of a table with a subject_id '
    'column are audited in credit_gz.audit_log, rows of any other table (rules, catalogues) in '
    'credit_gz.catalogue_audit_log; arguments name the key columns (default: the primary key). Unchanged UPDATEs are '
    'not logged. Fires on credit_gz''s tables and on site tables registered in credit_gz.audited_table (39P01 '
    'otherwise); not executable by PUBLIC.';
REVOKE ALL ON FUNCTION credit_gz.audit_trigger() FROM PUBLIC;

-- audit_table: registers a site table and attaches audit_trigger() to it (AFTER INSERT OR UPDATE OR DELETE FOR EACH
-- ROW, trigger credit_gz_audit). SECURITY INVOKER: the caller needs the rights a DBA has — INSERT on audited_table,
-- EXECUTE on audit_trigger(), and TRIGGER on the table.
CREATE FUNCTION credit_gz.audit_table(tab regclass, VARIADIC key_columns text[] DEFAULT '{}')
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    nsp  name;
    rel  name;
    args text;
BEGIN
    IF tab IS NULL THEN
        RAISE EXCEPTION 'the table to audit must not be null' USING ERRCODE = '22004';
    END IF;
    SELECT n.nspname, c.relname INTO nsp, rel
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tab;
    INSERT INTO credit_gz.audited_table (table_oid) VALUES (tab) ON CONFLICT DO NOTHING;
    SELECT coalesce(pg_catalog.string_agg(pg_catalog.quote_literal(k), ', '), '') INTO args
      FROM pg_catalog.unnest(key_columns) AS k;
    EXECUTE pg_catalog.format('CREATE OR REPLACE TRIGGER credit_gz_audit AFTER INSERT OR UPDATE OR DELETE ON %I.%I '
                              'FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger(', nsp, rel) || args || ')';
END
$$;
COMMENT ON FUNCTION credit_gz.audit_table(regclass, text[]) IS
    '登记审计表 / registers a site table in credit_gz.audited_table and attaches credit_gz.audit_trigger() to it as '
    'trigger credit_gz_audit (key columns: the arguments, default the primary key). For the DBA: needs INSERT on '
    'audited_table and EXECUTE on audit_trigger(), which PUBLIC does not have.';
REVOKE ALL ON FUNCTION credit_gz.audit_table(regclass, text[]) FROM PUBLIC;

REVOKE ALL ON FUNCTION credit_gz.scoring_record_trigger() FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.scoring_list_entry_trigger() FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.relation_propagate() FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.monitor_double_publicity() FROM PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('analyst', 'monitor_double_publicity()', 'EXECUTE', true),
    ('department', 'monitor_double_publicity()', 'EXECUTE', true);
-- Roles 1.0 mapped as analysts or departments get EXECUTE on monitor_double_publicity() when the DBA re-runs their
-- grant_* function after the update (a grant made by this script would count as the extension's own privilege).
ALTER VIEW credit_gz.monitor_collection SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_list_entries SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_precheck_feedback SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_data_quality SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_government_dishonesty SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_government_dishonesty_case SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_dishonesty_cases SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_repairs SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_objections SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_grade_distribution SET (security_barrier = true);
ALTER VIEW credit_gz.monitor_graded_supervision SET (security_barrier = true);
ALTER VIEW credit_gz.dishonesty_case_status SET (security_barrier = true);
ALTER VIEW credit_gz.collection_by_department SET (security_barrier = true);
ALTER VIEW credit_gz.measure_feedback_summary SET (security_barrier = true);
ALTER VIEW credit_gz.warning SET (security_barrier = true);

-- ---------------------------------------------------------------------------------------------------------------
-- Trust boundary (part 2): audience self belongs to a self-service portal (grant_self_service), never to
-- departments, and reads only the subject a report names (self_scope_open, logged as the subject's own query); one
-- rule, audience_sees_subject(), filters every disclosed_* view, disclosed_subject included; pre-check feedback is
-- written only by the pre-check; row-level security on cases, steps, items, interview tasks, relations (keepers of
-- the registers: relation_register), subjects, occupations, scores, repair bars, the propagation guard, the outbox,
-- the query log and the feedback.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.role_grant DROP CONSTRAINT role_grant_kind_check;
ALTER TABLE credit_gz.role_grant ADD CONSTRAINT role_grant_kind_check
    CHECK (kind IN ('department', 'public_reader', 'analyst', 'credit_agency', 'financial_institution', 'self_service'));
COMMENT ON COLUMN credit_gz.role_grant.kind IS '角色类别 / department, public_reader, analyst, credit_agency, financial_institution, self_service';
ALTER TABLE credit_gz.role_privilege DROP CONSTRAINT role_privilege_kind_check;
ALTER TABLE credit_gz.role_privilege ADD CONSTRAINT role_privilege_kind_check
    CHECK (kind IN ('department', 'public_reader', 'analyst', 'credit_agency', 'financial_institution', 'self_service'));
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('self_service', 'disclosed_*', 'SELECT', true), ('self_service', 'public_*', 'SELECT', true),
    ('self_service', 'query_log', 'INSERT', true), ('self_service', 'unknown_code_read_log', 'INSERT', true),
    ('self_service', 'audience', 'SELECT', true), ('self_service', 'disclosure_rule', 'SELECT', true),
    ('self_service', 'self_scope_open(bigint, text)', 'EXECUTE', true);
-- Departments no longer write pre-check feedback themselves. Roles 1.0 granted keep the INSERT privilege until a DBA
-- revokes it, but the table's row-level security (below) has no INSERT policy, so their INSERTs are refused.
UPDATE credit_gz.role_privilege SET privileges = 'SELECT'
 WHERE kind = 'department' AND object_name = 'measure_feedback' AND shipped;

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

CREATE OR REPLACE FUNCTION credit_gz.my_audiences()
RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN credit_gz.is_credit_admin() THEN (SELECT array_agg(code ORDER BY code) FROM credit_gz.audience)
           ELSE coalesce((
               SELECT array_agg(DISTINCT a ORDER BY a)
                 FROM credit_gz.role_grant g
                 JOIN pg_catalog.pg_roles r ON r.rolname = g.role_name
                 CROSS JOIN LATERAL pg_catalog.unnest(CASE g.kind
                        WHEN 'department' THEN ARRAY['government', 'public']
                        WHEN 'self_service' THEN ARRAY['self', 'public']
                        WHEN 'credit_agency' THEN ARRAY['credit_agency', 'public']
                        WHEN 'financial_institution' THEN ARRAY['financial_institution', 'public']
                        ELSE ARRAY['public'] END) AS a
                WHERE pg_catalog.pg_has_role(r.oid, 'USAGE')), '{}')
           END
$$;
COMMENT ON FUNCTION credit_gz.my_audiences() IS
    'Audiences the current role may read as: departments → government (never self: a department is not the '
    'subject); the self-service portal → self (信用主体本人, for the subject it names in each report); credit service '
    'agencies → credit_agency; financial institutions → financial_institution; everyone granted → public; '
    'administrators → all.';
COMMENT ON FUNCTION credit_gz.grant_role(regrole, text, text, bigint, text) IS
    'Maps a site role to a kind (department, public_reader, analyst, credit_agency, financial_institution, '
    'self_service) and grants '
    'the privileges credit_gz.role_privilege lists for it. Idempotent; re-run after an upgrade adds objects.';
-- 信用主体本人: the subject's own report is read through a self-service portal (一网通办, 信用广州), which
-- authenticates the person or enterprise; the database trusts the portal role to name only the subject it
-- authenticated, and logs every such read under that subject as its own query.
CREATE FUNCTION credit_gz.grant_self_service(role regrole)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'self_service') $$;
COMMENT ON FUNCTION credit_gz.grant_self_service(regrole) IS
    '自助查询授权 (信用主体本人): the role, a self-service portal that authenticates the subject, reads as audience '
    'self — only in credit_report / credit_report_text for the subject named in the call, each read logged as that '
    'subject''s own query; nothing as self through the views otherwise. Departments never read as self.';

REVOKE ALL ON FUNCTION credit_gz.grant_self_service(regrole) FROM PUBLIC;

-- audience_sees_subject: the one rule every disclosed_* view applies to a row of a subject, beyond the disclosure
-- levels: an audience that needs the subject's authorisation (financial institutions, 三(六)) sees the subject only
-- under a live authorisation of an institution the role acts for; self sees only the subject a self report names
-- (credit_gz.self_subject()). No SET clause, and every name qualified: the planner inlines it into the views.
CREATE FUNCTION credit_gz.audience_sees_subject(audience text, needs_authorization boolean, subject_id bigint)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL RESTRICTED
AS $$
    SELECT CASE WHEN $1 OPERATOR(pg_catalog.=) 'self'
                THEN coalesce($3 OPERATOR(pg_catalog.=) credit_gz.self_subject(), false)
                ELSE NOT $2 OR credit_gz.is_credit_admin()
                     OR EXISTS (SELECT 1 FROM pg_catalog.unnest(credit_gz.my_institutions()) AS mi(id)
                                 WHERE credit_gz.authorization_is_live($3, mi.id))
           END
$$;
COMMENT ON FUNCTION credit_gz.audience_sees_subject(text, boolean, bigint) IS
    'Whether a row of the subject is disclosed to the audience at all: under a live authorisation of an institution '
    'the role acts for when the audience needs one (三(六) 信易贷), for self only the subject the current self report '
    'names; the rule every disclosed_* view applies.';

CREATE OR REPLACE VIEW credit_gz.disclosed_subject WITH (security_barrier = true) AS
SELECT a.audience, s.subject_id, s.name, s.kind,
       s.uscc IS NULL AS natural_person,
       credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type, s.identity_document_no,
                               NOT au.sees_identity) AS identity_code,
       s.district,
       s.status, s.registered_on
  FROM credit_gz.subject s
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience
 WHERE credit_gz.audience_sees_subject(a.audience, au.needs_authorization, s.subject_id);
CREATE OR REPLACE VIEW credit_gz.disclosed_record WITH (security_barrier = true) AS
SELECT a.audience, r.record_id, r.subject_id, r.item_code, i.name_zh AS item_name, i.kind AS item_kind,
       i.polarity, r.domain_code, r.department_code, r.document_no, r.decision_date, r.severity, l.level, r.status,
       r.status = 'under_objection' AS under_objection, r.publish_from, r.repairable_from, r.publish_until
  FROM credit_gz.record r
  JOIN credit_gz.info_item i ON i.code = r.item_code
 CROSS JOIN LATERAL (SELECT credit_gz.record_level(r.disclosure, r.status, r.publish_from, r.publish_until,
                                                   credit_gz.policy_date()) AS level) l
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience
 WHERE l.level IS NOT NULL
   AND (EXISTS (SELECT 1 FROM credit_gz.disclosure_rule d
                 WHERE d.audience = a.audience AND d.level = l.level
                   AND credit_gz.in_force(d.effective_from, d.effective_until, credit_gz.policy_date()))
        OR (a.audience = 'government' AND r.department_code = ANY ((SELECT credit_gz.my_departments())::text[])))
   AND credit_gz.audience_sees_subject(a.audience, au.needs_authorization, r.subject_id);
CREATE OR REPLACE VIEW credit_gz.disclosed_commitment WITH (security_barrier = true) AS
SELECT a.audience, c.commitment_id, c.subject_id, c.kind, c.matter, c.due_date, c.status, c.is_public,
       CASE WHEN c.is_public THEN 'public' ELSE 'government' END AS level
  FROM credit_gz.commitment c
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience
 WHERE EXISTS (SELECT 1 FROM credit_gz.disclosure_rule d
                WHERE d.audience = a.audience
                  AND d.level = CASE WHEN c.is_public THEN 'public' ELSE 'government' END
                  AND credit_gz.in_force(d.effective_from, d.effective_until, credit_gz.policy_date()))
   AND credit_gz.audience_sees_subject(a.audience, au.needs_authorization, c.subject_id);
CREATE OR REPLACE VIEW credit_gz.disclosed_list_entry WITH (security_barrier = true) AS
SELECT a.audience, e.entry_id, e.subject_id, e.list_type_code, t.name_zh AS list_name, t.polarity,
       e.department_code, e.basis_document, e.effective_from, e.effective_until, e.status,
       e.derived_from_entry_id IS NOT NULL AS derived, l.level
  FROM credit_gz.list_entry e
  JOIN credit_gz.list_type t ON t.code = e.list_type_code
  LEFT JOIN credit_gz.list_disclosure ld ON ld.list_type_code = e.list_type_code
 CROSS JOIN LATERAL (SELECT CASE WHEN e.status = 'revoked' THEN NULL
                                 WHEN e.status <> 'active' THEN 'archived'
                                 ELSE coalesce(ld.disclosure, 'government') END AS level) l
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience
 WHERE l.level IS NOT NULL
   AND (EXISTS (SELECT 1 FROM credit_gz.disclosure_rule d
                 WHERE d.audience = a.audience AND d.level = l.level
                   AND credit_gz.in_force(d.effective_from, d.effective_until, credit_gz.policy_date()))
        OR (a.audience = 'government' AND e.department_code = ANY ((SELECT credit_gz.my_departments())::text[])))
   AND credit_gz.audience_sees_subject(a.audience, au.needs_authorization, e.subject_id);
CREATE OR REPLACE VIEW credit_gz.disclosed_repair WITH (security_barrier = true) AS
SELECT a.audience, x.subject_id, x.kind, x.id, x.record_id, x.entry_id, x.department_code, x.status, x.outcome,
       x.submitted_at, x.decided_at
  FROM (SELECT r.subject_id, 'repair'::text AS kind, r.application_id AS id, r.record_id, r.entry_id,
               r.department_code, r.status, NULL::text AS outcome, r.submitted_at, r.decided_at
          FROM credit_gz.repair_application r
        UNION ALL
        SELECT o.subject_id, 'objection', o.objection_id, o.record_id, NULL, o.department_code, o.status, o.outcome,
               o.submitted_at, o.resolved_at
          FROM credit_gz.objection o) x
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience AND au.sees_repairs
 WHERE credit_gz.audience_sees_subject(a.audience, au.needs_authorization, x.subject_id);
CREATE OR REPLACE VIEW credit_gz.disclosed_grade WITH (security_barrier = true) AS
SELECT a.audience, ss.subject_id, ss.model_code, m.name_zh AS model_name, m.kind AS model_kind, m.domain_code,
       ss.score, ss.grade::text AS grade, credit_gz.credit_grade_label(ss.grade) AS grade_label, ss.updated_at,
       (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                    'changed_at', h.changed_at, 'old_grade', h.old_grade::text, 'new_grade', h.new_grade::text,
                    'cause', h.cause) ORDER BY h.changed_at DESC), '[]')
          FROM (SELECT * FROM credit_gz.grade_history gh
                 WHERE gh.subject_id = ss.subject_id AND gh.model_code = ss.model_code
                 ORDER BY gh.changed_at DESC, gh.history_id DESC LIMIT 5) h) AS history
  FROM credit_gz.subject_score ss
  JOIN credit_gz.scoring_model m ON m.code = ss.model_code AND m.is_active
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience AND au.sees_grades
 WHERE credit_gz.audience_sees_subject(a.audience, au.needs_authorization, ss.subject_id);
COMMENT ON VIEW credit_gz.disclosed_subject IS
    '可见主体 / subjects as each audience the current role may read as sees them: identity numbers of natural persons '
    'masked unless the audience may see them (identity_code); financial institutions only under a live '
    'authorisation, self only in a report naming the subject (credit_gz.audience_sees_subject).';
CREATE OR REPLACE FUNCTION credit_gz.check_audience(audience text)
RETURNS credit_gz.audience
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    a credit_gz.audience;
BEGIN
    SELECT * INTO a FROM credit_gz.audience WHERE code = $1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown audience "%"', $1
            USING ERRCODE = '22023',
                  DETAIL = 'Audiences are listed in credit_gz.audience.',
                  HINT = 'Use public, credit_agency, financial_institution, self or government.';
    END IF;
    IF NOT $1 = ANY (credit_gz.my_audiences()) THEN
        RAISE EXCEPTION 'permission denied for audience "%"', $1
            USING ERRCODE = '42501',
                  DETAIL = pg_catalog.format('Role %s may read as: %s.', CURRENT_USER,
                                             coalesce(nullif(pg_catalog.array_to_string(credit_gz.my_audiences(), ', '), ''), 'nothing')),
                  HINT = 'A DBA maps roles with credit_gz.grant_department, grant_public_reader, grant_analyst, '
                         'grant_credit_agency, grant_financial_institution or grant_self_service.';
    END IF;
    RETURN a;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.credit_report(subject_id bigint, audience text, purpose text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    a       credit_gz.audience := credit_gz.check_audience(audience);
    subj    jsonb;
    report  jsonb;
BEGIN
    -- logged under the id asked for, also when the audience sees nothing of the subject or there is none; as self,
    -- opening the scope of the subject named is the logged read (the subject's own query)
    IF a.code = 'self' THEN
        PERFORM credit_gz.self_scope_open(subject_id, coalesce(purpose, '本人信用报告 / own credit report'));
    ELSE
        PERFORM credit_gz.log_read(subject_id, 'report', coalesce(purpose, '信用报告 / credit report'), audience);
    END IF;
    subj := credit_gz.report_section('subject', subject_id, audience, 'v.subject_id') -> 0;
    report := pg_catalog.jsonb_build_object(
        'title', '公共信用信息报告 / public credit information report',
        'audience', a.code, 'audience_name', a.name_zh,
        'generated_at', pg_catalog.now(),
        'found', subj IS NOT NULL,
        'subject', subj);
    IF subj IS NULL THEN
        PERFORM credit_gz.self_scope_close();
        RETURN report || pg_catalog.jsonb_build_object('note', '未查询到该主体的信用档案 / no credit archive for this subject');
    END IF;
    report := report || pg_catalog.jsonb_build_object(
        'records', credit_gz.report_section('record', subject_id, audience, 'v.decision_date DESC, v.record_id'),
        'commitments', credit_gz.report_section('commitment', subject_id, audience, 'v.due_date, v.commitment_id'));
    report := report || pg_catalog.jsonb_build_object('list_entries',
        credit_gz.report_section('list_entry', subject_id, audience, 'v.effective_from DESC, v.entry_id'));
    IF a.sees_grades THEN
        report := report || pg_catalog.jsonb_build_object('grades',
            credit_gz.report_section('grade', subject_id, audience, 'v.model_kind, v.model_code'));
    END IF;
    IF a.sees_repairs THEN
        report := report || pg_catalog.jsonb_build_object('repairs',
            credit_gz.report_section('repair', subject_id, audience, 'v.submitted_at DESC, v.kind, v.id'));
    END IF;
    PERFORM credit_gz.self_scope_close();
    RETURN report;
END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Row-level security of the other tables of subjects' data granted to roles. Each policy states what the roles
-- reach today; where a department must not reach another's rows (谁认定、谁约谈), it says so. Policies call C
-- functions or small SQL functions, never a sub-SELECT of their own (Citus refuses those).
-- ---------------------------------------------------------------------------------------------------------------

-- Subjects and their occupations: the shared archive. Every department reads, registers and corrects subjects
-- (一户一档 is kept by all departments together); no other role reads the table (the views do, as their owner).
ALTER TABLE credit_gz.subject ENABLE ROW LEVEL SECURITY;
CREATE POLICY subject_department ON credit_gz.subject
    USING (credit_gz.my_departments() <> '{}') WITH CHECK (credit_gz.my_departments() <> '{}');
COMMENT ON POLICY subject_department ON credit_gz.subject IS
    '一户一档: every department reads, registers and corrects subjects; other roles see them through the views.';
ALTER TABLE credit_gz.occupation ENABLE ROW LEVEL SECURITY;
CREATE POLICY occupation_department ON credit_gz.occupation
    USING (credit_gz.my_departments() <> '{}') WITH CHECK (credit_gz.my_departments() <> '{}');
COMMENT ON POLICY occupation_department ON credit_gz.occupation IS
    '重点人群职业档案: every department reads and records the occupations of key groups.';

-- Scores, grade changes and score drops: written only by the scoring triggers (as the owner); departments read.
ALTER TABLE credit_gz.subject_score ENABLE ROW LEVEL SECURITY;
CREATE POLICY subject_score_department_read ON credit_gz.subject_score FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
COMMENT ON POLICY subject_score_department_read ON credit_gz.subject_score IS
    '分级分类监管: every department reads grades; only the scoring triggers write them.';
ALTER TABLE credit_gz.grade_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY grade_history_department_read ON credit_gz.grade_history FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
COMMENT ON POLICY grade_history_department_read ON credit_gz.grade_history IS
    '分级分类监管: every department reads grade changes; only the scoring triggers write them.';
ALTER TABLE credit_gz.score_drop ENABLE ROW LEVEL SECURITY;
CREATE POLICY score_drop_department_read ON credit_gz.score_drop FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
COMMENT ON POLICY score_drop_department_read ON credit_gz.score_drop IS
    '分级分类监管: every department reads score drops; only the scoring triggers write them.';

-- Repair bars: departments read them (a counter tells an applicant why repair is barred); the shipped writers run
-- as the owner.
ALTER TABLE credit_gz.repair_bar ENABLE ROW LEVEL SECURITY;
CREATE POLICY repair_bar_department_read ON credit_gz.repair_bar FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
COMMENT ON POLICY repair_bar_department_read ON credit_gz.repair_bar IS
    '不予修复: every department reads the repair bars.';

-- The propagation guard: one change counter per subject, bumped in the caller's rights by every department's
-- listing and relation change.
ALTER TABLE credit_gz.list_guard ENABLE ROW LEVEL SECURITY;
CREATE POLICY list_guard_department ON credit_gz.list_guard
    USING (credit_gz.my_departments() <> '{}') WITH CHECK (credit_gz.my_departments() <> '{}');
COMMENT ON POLICY list_guard_department ON credit_gz.list_guard IS
    'Every department''s listing or relation change bumps the guard of the subjects it touches.';

-- The outbox to other platforms: departments queue messages; the sender (the owner's job) reads and claims them.
ALTER TABLE credit_gz.sync_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY sync_outbox_department_insert ON credit_gz.sync_outbox FOR INSERT
    WITH CHECK (credit_gz.my_departments() <> '{}');
COMMENT ON POLICY sync_outbox_department_insert ON credit_gz.sync_outbox IS
    '信息共享: a department queues messages for the other platforms; it reads none back.';

-- The query log: a role reaches only the entries of its own reads — it appends them (the stamp trigger has already
-- set role_name, so the check states the rule rather than adding one) and, if a DBA lets it read the log, reads
-- them; other roles' reads stay with the owner (a subject asks who read it through the DBA). Changes are refused by
-- the guard trigger whatever the policy lets through (CG701).
ALTER TABLE credit_gz.query_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY query_log_own ON credit_gz.query_log
    USING (role_name OPERATOR(pg_catalog.=) CURRENT_USER)
    WITH CHECK (role_name OPERATOR(pg_catalog.=) CURRENT_USER);
COMMENT ON POLICY query_log_own ON credit_gz.query_log IS
    '十七 信用信息安全保护: a role appends and reaches only the entries of its own reads; the owner reads all.';

-- Pre-check feedback: written only by the pre-check (as the table's owner, stamped, src/precheck.c); no INSERT
-- policy, so a direct INSERT is refused even to a role still holding the privilege from 1.0. Departments read all
-- (及时反馈奖惩工作成效 is compared across departments).
ALTER TABLE credit_gz.measure_feedback ENABLE ROW LEVEL SECURITY;
CREATE POLICY measure_feedback_department_read ON credit_gz.measure_feedback FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
COMMENT ON POLICY measure_feedback_department_read ON credit_gz.measure_feedback IS
    '奖惩成效反馈: every department reads the feedback; only the pre-check writes it.';

-- Dishonesty cases, their steps and items, and interview tasks (谁认定、谁约谈): every department reads them
-- (政务共享); only the determining department opens, handles and closes its cases and carries out its interviews.
-- handles_case: does the current role act for the department that determined the case?
CREATE FUNCTION credit_gz.handles_case(subject_id bigint, case_id bigint)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM credit_gz.dishonesty_case c
                    WHERE c.subject_id = $1 AND c.case_id = $2
                      AND c.department_code = ANY (credit_gz.my_departments()))
$$;
COMMENT ON FUNCTION credit_gz.handles_case(bigint, bigint) IS
    '谁认定、谁约谈: true when the current role acts for the department that determined the dishonesty case.';
ALTER TABLE credit_gz.dishonesty_case ENABLE ROW LEVEL SECURITY;
CREATE POLICY dishonesty_case_department_read ON credit_gz.dishonesty_case FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY dishonesty_case_department_insert ON credit_gz.dishonesty_case FOR INSERT
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY dishonesty_case_department_update ON credit_gz.dishonesty_case FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY dishonesty_case_department_read ON credit_gz.dishonesty_case IS
    '政务共享: every department reads the dishonesty cases.';
COMMENT ON POLICY dishonesty_case_department_insert ON credit_gz.dishonesty_case IS
    '谁认定、谁约谈: a department opens cases only in its own name.';
COMMENT ON POLICY dishonesty_case_department_update ON credit_gz.dishonesty_case IS
    '谁认定、谁约谈: only the determining department changes its case.';
ALTER TABLE credit_gz.dishonesty_case_step ENABLE ROW LEVEL SECURITY;
CREATE POLICY dishonesty_case_step_department_read ON credit_gz.dishonesty_case_step FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY dishonesty_case_step_department_insert ON credit_gz.dishonesty_case_step FOR INSERT
    WITH CHECK (department_code = ANY (credit_gz.my_departments()) AND credit_gz.handles_case(subject_id, case_id));
CREATE POLICY dishonesty_case_step_department_update ON credit_gz.dishonesty_case_step FOR UPDATE
    USING (credit_gz.handles_case(subject_id, case_id))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()) AND credit_gz.handles_case(subject_id, case_id));
COMMENT ON POLICY dishonesty_case_step_department_read ON credit_gz.dishonesty_case_step IS
    '政务共享: every department reads the steps of the cases.';
COMMENT ON POLICY dishonesty_case_step_department_insert ON credit_gz.dishonesty_case_step IS
    '谁认定、谁约谈: only the determining department records a step of its case, in its own name.';
COMMENT ON POLICY dishonesty_case_step_department_update ON credit_gz.dishonesty_case_step IS
    '谁认定、谁约谈: only the determining department corrects a step of its case.';
ALTER TABLE credit_gz.dishonesty_case_item ENABLE ROW LEVEL SECURITY;
CREATE POLICY dishonesty_case_item_department_read ON credit_gz.dishonesty_case_item FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY dishonesty_case_item_department_insert ON credit_gz.dishonesty_case_item FOR INSERT
    WITH CHECK (credit_gz.handles_case(subject_id, case_id));
COMMENT ON POLICY dishonesty_case_item_department_read ON credit_gz.dishonesty_case_item IS
    '政务共享: every department reads what the cases stand on.';
COMMENT ON POLICY dishonesty_case_item_department_insert ON credit_gz.dishonesty_case_item IS
    '谁认定、谁约谈: only the determining department adds records and entries to its case.';
ALTER TABLE credit_gz.interview_task ENABLE ROW LEVEL SECURITY;
CREATE POLICY interview_task_department_read ON credit_gz.interview_task FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY interview_task_department_update ON credit_gz.interview_task FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY interview_task_department_read ON credit_gz.interview_task IS
    '政务共享: every department reads the interview tasks.';
COMMENT ON POLICY interview_task_department_update ON credit_gz.interview_task IS
    '谁认定、谁约谈: only the determining department carries out, completes or cancels its interviews.';

-- Relations: any department adds a relation in its own word (source_department_code: whose document states it);
-- only that department, or the department keeping the register the kind of relation comes from, ends or changes it
-- (so no department lifts the entries another's relation derived). The keepers are data.
CREATE TABLE credit_gz.relation_register (
    kind            text NOT NULL CHECK (kind IN ('legal_representative', 'principal_person', 'actual_controller',
                                                 'branch', 'shareholder')),
    department_code text NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    effective_from  date NOT NULL,
    effective_until date,
    basis           text NOT NULL CHECK (basis <> ''),
    shipped         boolean NOT NULL DEFAULT true,
    PRIMARY KEY (kind, department_code, effective_from),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.relation_register IS
    '关联关系登记机关 / which department keeps the register a kind of relation comes from, while in force: it may end '
    'or change any relation of that kind, besides the department that added it.';
COMMENT ON COLUMN credit_gz.relation_register.kind IS '关系类型 / kind of relation (credit_gz.relation.kind)';
COMMENT ON COLUMN credit_gz.relation_register.department_code IS '登记机关 / department keeping the register';
COMMENT ON COLUMN credit_gz.relation_register.effective_from IS '生效日期 / first day in force';
COMMENT ON COLUMN credit_gz.relation_register.effective_until IS '失效日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.relation_register.basis IS '依据 / basis';
COMMENT ON COLUMN credit_gz.relation_register.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
INSERT INTO credit_gz.relation_register (kind, department_code, effective_from, basis) VALUES
    ('legal_representative', 'market_regulation', '2020-01-01',
     '《市场主体登记管理条例》: 法定代表人由登记机关登记 / the legal representative is registered by market regulation'),
    ('shareholder', 'market_regulation', '2020-01-01',
     '《市场主体登记管理条例》: 股东、出资情况由登记机关登记 / shareholders are registered by market regulation');
ALTER TABLE credit_gz.relation_register ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.relation_register', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.relation_register TO PUBLIC;

-- may_change_relation: the current role acts for the department that added the relation or for the keeper, on the
-- policy date, of the register its kind comes from.
CREATE FUNCTION credit_gz.may_change_relation(kind text, source_department_code text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT $2 = ANY (credit_gz.my_departments())
        OR EXISTS (SELECT 1 FROM credit_gz.relation_register k
                    WHERE k.kind = $1 AND k.department_code = ANY (credit_gz.my_departments())
                      AND credit_gz.in_force(k.effective_from, k.effective_until, credit_gz.policy_date()))
$$;
COMMENT ON FUNCTION credit_gz.may_change_relation(text, text) IS
    'True when the current role acts for the department that added a relation (source_department_code) or keeps the '
    'register its kind comes from (credit_gz.relation_register, in force on the policy date).';
ALTER TABLE credit_gz.relation ENABLE ROW LEVEL SECURITY;
CREATE POLICY relation_department_read ON credit_gz.relation FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY relation_department_insert ON credit_gz.relation FOR INSERT
    WITH CHECK (source_department_code = ANY (credit_gz.my_departments()));
CREATE POLICY relation_department_update ON credit_gz.relation FOR UPDATE
    USING (credit_gz.may_change_relation(kind, source_department_code))
    WITH CHECK (credit_gz.may_change_relation(kind, source_department_code));
COMMENT ON POLICY relation_department_read ON credit_gz.relation IS '政务共享: every department reads relations.';
COMMENT ON POLICY relation_department_insert ON credit_gz.relation IS
    'A department adds a relation in its own word (source_department_code), whatever the register.';
COMMENT ON POLICY relation_department_update ON credit_gz.relation IS
    'Only the department that added a relation, or the keeper of its register, ends or changes it.';

