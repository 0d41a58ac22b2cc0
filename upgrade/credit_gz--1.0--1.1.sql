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
