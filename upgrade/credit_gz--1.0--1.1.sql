-- credit_gz 1.0 → 1.1 (ALTER EXTENSION credit_gz UPDATE). Every change to an installed object after the 1.0
-- release is made here as well as in src/*.sql, in the same commit; test/shell/upgrade.sh compares a database upgraded
-- from 1.0 with a fresh install of 1.1, object by object, and fails on any difference.
\echo Use "ALTER EXTENSION credit_gz UPDATE TO '1.1'" to load this file. \quit

-- ---------------------------------------------------------------------------------------------------------------
-- Messages in the language of lc_messages (credit_gz.msg), first: functions below format their messages with it
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.msg(msgid text) RETURNS text
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_msg';
COMMENT ON FUNCTION credit_gz.msg(text) IS
    '消息译文 / the message in the language of lc_messages: the translation of msgid in the extension''s catalogue '
    '(zh_CN when lc_messages is Chinese), the msgid itself otherwise.';
CREATE FUNCTION credit_gz.msg(msgid text, VARIADIC args "any") RETURNS text
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_msg';
COMMENT ON FUNCTION credit_gz.msg(text, "any") IS
    '消息译文 / the message in the language of lc_messages, formatted as format() does (%s, %1$s, %%): the '
    'translation of msgid in the extension''s catalogue, the msgid itself when it has none.';

-- ---------------------------------------------------------------------------------------------------------------
-- Trust boundary: SECURITY DEFINER trigger functions check the table they fire on and are not executable by PUBLIC;
-- audit_trigger serves credit_gz's tables and the site tables a DBA registers (audited_table, audit_table()); every
-- view granted to other roles is a security barrier; monitor_double_publicity() is not open to PUBLIC.
-- ---------------------------------------------------------------------------------------------------------------
-- credit_gz.subject_reference_check: replaced once, further down, with every change 1.1 makes to it

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
            MESSAGE = credit_gz.msg('update or delete on table "%s" violates foreign key constraint "%s" on table "%s"',
                                        TG_TABLE_NAME, TG_NAME, TG_ARGV[0]),
            DETAIL = credit_gz.msg('Subject %s (subject_id %s) is still referenced from table "%s" (%s).',
                                       credit_gz.identity_code(OLD.uscc, OLD.resident_id, OLD.identity_document_type,
                                                               OLD.identity_document_no),
                                       OLD.subject_id, TG_ARGV[0], TG_ARGV[1]);
    END IF;
    RETURN NULL;
END
$$;

-- credit_gz.code_lookup_sync: replaced once, further down, with every change 1.1 makes to it

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

-- credit_gz.audit_trigger: replaced once, further down, with every change 1.1 makes to it

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
CREATE OR REPLACE FUNCTION credit_gz.audit_table(tab regclass, VARIADIC key_columns text[] DEFAULT '{}')
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
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('the table to audit must not be null'), ERRCODE = '22004';
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

-- read_scope_has: the gate of the disclosed_* views (credit_gz.audience_sees_subject): rows of a subject are open to
-- an audience only after the reading role logged a read of the subject for that audience (or for any) in the same
-- transaction, with credit_gz.log_read(), credit_gz.log_reads() or a report (src/read_scope.c). STABLE: the scope
-- changes only between statements, when a read is logged.
CREATE FUNCTION credit_gz.read_scope_has(subject_id bigint, audience text)
RETURNS boolean
LANGUAGE C STABLE PARALLEL RESTRICTED
AS 'MODULE_PATHNAME', 'credit_gz_read_scope_has';
COMMENT ON FUNCTION credit_gz.read_scope_has(bigint, text) IS
    '查询留痕 / whether the current role has logged a read of the subject for the audience (or for any audience) in '
    'this transaction; what the disclosed_* views require before they show the subject''s rows to that audience.';

-- audience_sees_subject: the one rule every disclosed_* view applies to a row of a subject, beyond the disclosure
-- levels: an audience that needs the subject's authorisation (financial institutions, 三(六)) sees the subject only
-- under a live authorisation of an institution the role acts for; self sees only the subject a self report names
-- (credit_gz.self_subject()); every audience but public only inside a read the role logged in this transaction
-- (credit_gz.read_scope_has: 查询留痕, so no SELECT on the views reads a subject unlogged). The DBA reads without one.
-- No SET clause, and every name qualified: the planner inlines it into the views.
CREATE FUNCTION credit_gz.audience_sees_subject(audience text, needs_authorization boolean, subject_id bigint)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL RESTRICTED
AS $$
    SELECT CASE WHEN $1 OPERATOR(pg_catalog.=) 'self'
                THEN coalesce($3 OPERATOR(pg_catalog.=) credit_gz.self_subject(), false)
                WHEN $1 OPERATOR(pg_catalog.=) 'public' THEN true
                WHEN credit_gz.is_credit_admin() THEN true
                ELSE credit_gz.read_scope_has($3, $1)
                     AND (NOT $2
                          OR EXISTS (SELECT 1 FROM pg_catalog.unnest(credit_gz.my_institutions()) AS mi(id)
                                      WHERE credit_gz.authorization_is_live($3, mi.id)))
           END
$$;
COMMENT ON FUNCTION credit_gz.audience_sees_subject(text, boolean, bigint) IS
    'Whether a row of the subject is disclosed to the audience at all: public always; self only the subject the '
    'current self report names; any other audience only after the role logged a read of the subject for it in this '
    'transaction (credit_gz.read_scope_has, 查询留痕), and under a live authorisation of an institution the role acts '
    'for when the audience needs one (三(六) 信易贷); the rule every disclosed_* view applies.';

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
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('unknown audience "%s"', $1), ERRCODE = '22023',
                  DETAIL = credit_gz.msg('Audiences are listed in credit_gz.audience.'),
                  HINT = credit_gz.msg('Use public, credit_agency, financial_institution, self or government.');
    END IF;
    IF NOT $1 = ANY (credit_gz.my_audiences()) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('permission denied for audience "%s"', $1), ERRCODE = '42501',
                  DETAIL = credit_gz.msg('Role %s may read as: %s.', CURRENT_USER,
                                             coalesce(nullif(pg_catalog.array_to_string(credit_gz.my_audiences(), ', '), ''), 'nothing')),
                  HINT = credit_gz.msg('A DBA maps roles with credit_gz.grant_department, grant_public_reader, grant_analyst, grant_credit_agency, grant_financial_institution or grant_self_service.');
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
            credit_gz.report_section('repair', subject_id, audience, 'v.submitted_at DESC, v.kind, v.id'),
            'repair_notices',
            credit_gz.report_section('repair_notice', subject_id, audience, 'v.decision_date DESC, v.record_id'));
    END IF;
    IF a.code = 'self' THEN
        -- 查询记录: the subject sees who read it, as a personal credit report shows its queries
        report := report || pg_catalog.jsonb_build_object('query_records',
            (SELECT coalesce(pg_catalog.jsonb_agg(to_jsonb(r) - ARRAY['at', 'log_id'] ORDER BY r.at DESC, r.log_id DESC),
                             '[]')
               FROM credit_gz.my_query_record r));
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

-- Operations: plain restores keep every row. A superuser's session replaying a dump (credit_gz.restoring()) leaves
-- the rows it inserts as dumped: the trigger functions below return at once on such an insert (the C triggers test
-- the same C function), and the scores and every derived list entry are dumped.
-- ---------------------------------------------------------------------------------------------------------------
-- Restores (doc/archive.md, "Backup and restore"). A dump carries every row the triggers derive or log (the audit
-- log, code lookups, derived list entries, scores and their history), so while a superuser's session replays one the
-- triggers keep the inserted rows as dumped instead of deriving, logging or judging them again.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.restoring() RETURNS boolean
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_restoring';
COMMENT ON FUNCTION credit_gz.restoring() IS
    '恢复中 / whether this session replays a dump: row_security and check_function_bodies off (as pg_dump and '
    'pg_restore set them at the start of every session they write or replay), outside CREATE or ALTER EXTENSION, '
    'and the session user a superuser. The extension''s triggers then keep inserted rows as dumped. A SECURITY '
    'DEFINER function does not change the session user, so no other role can switch the triggers off with it.';

CREATE OR REPLACE FUNCTION credit_gz.domain_parent_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.code <> OLD.code) THEN
        IF EXISTS (SELECT FROM credit_gz.domain d WHERE d.parent_code = OLD.code) THEN
            RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'domain_parent_code_fkey',
                MESSAGE = credit_gz.msg('domain %s still has sub-domains', OLD.code),
                DETAIL = credit_gz.msg('Sub-domains name it as parent_code.'),
                HINT = credit_gz.msg('Move or delete the sub-domains first.');
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.parent_code IS NOT NULL
       AND NOT EXISTS (SELECT FROM credit_gz.domain d WHERE d.code = NEW.parent_code AND d.parent_code IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'domain_parent_code_fkey',
            MESSAGE = credit_gz.msg('domain %s: parent %s is not a top-level domain', NEW.code, NEW.parent_code),
            DETAIL = credit_gz.msg('Domains have two levels: the annex''s domains and their sub-domains.'),
            HINT = credit_gz.msg('Give the code of a top-level domain, or NULL.');
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.subject_before()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ac     text;
    region text;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    -- an unverified code (check characters wrong, given with !) enters only for a role allowed to keep it
    IF NEW.uscc IS NOT NULL AND NOT credit_gz.uscc_is_verified(NEW.uscc)
       AND (TG_OP = 'INSERT' OR OLD.uscc IS NULL OR NOT NEW.uscc OPERATOR(credit_gz.=) OLD.uscc)
       AND NOT credit_gz.may_store_unverified_code() THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
            MESSAGE = credit_gz.msg('unified code %s has wrong check characters', NEW.uscc::text),
            DETAIL = credit_gz.msg('Subject %s: role %s may not store an unverified code (a DBA decides which roles may, credit_gz.grant_unverified_codes).', NEW.name, CURRENT_USER),
            HINT = credit_gz.msg('Correct the code at its source: credit_gz.uscc_correct gives %s as the likely intended code.', credit_gz.uscc_correct(NEW.uscc)::text);
    END IF;
    IF NEW.uscc IS NOT NULL THEN
        IF NEW.kind IS NULL THEN
            ac := credit_gz.uscc_authority(NEW.uscc) || credit_gz.uscc_category(NEW.uscc);
            NEW.kind := CASE
                WHEN ac = '91' THEN 'enterprise'
                WHEN ac = '92' THEN 'individual_business'
                WHEN ac = '93' THEN 'farmer_cooperative'
                WHEN ac = '11' THEN 'government_agency'
                WHEN ac IN ('12', '13') THEN 'public_institution'
                WHEN ac LIKE '3%' THEN 'legal_service_organization'
                WHEN ac LIKE '5%' OR ac LIKE '8%' THEN 'social_organization'
                ELSE 'other_organization' END;
        END IF;
        NEW.district := credit_gz.uscc_district(NEW.uscc);
    ELSIF NEW.resident_id IS NOT NULL THEN
        region := credit_gz.resident_id_region(NEW.resident_id);
        -- citizens' numbers begin with a province (1–8); 9 marks a foreigner's permanent residence number, which has
        -- the same form and check (国家移民管理局, 2023) and is an identity document of its own
        IF pg_catalog.left(region, 1) = '9' THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = credit_gz.msg('%s is a permanent residence number, not a citizen identity number',
                                            NEW.resident_id::text),
                HINT = credit_gz.msg('Give it as identity_document_type ''permanent_residence'' and identity_document_no.');
        END IF;
        NEW.kind := coalesce(NEW.kind, 'natural_person');
        NEW.district := credit_gz.region_district(region);
    ELSIF NEW.identity_document_no IS NOT NULL OR NEW.identity_document_type IS NOT NULL THEN
        -- the resident identity card has its own column: a second place for it would let one person in twice
        IF EXISTS (SELECT FROM credit_gz.identity_document_type t
                    WHERE t.code = NEW.identity_document_type AND t.validation = 'gb11643') THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = credit_gz.msg('identity document type "%s" is carried by column resident_id',
                                            NEW.identity_document_type),
                HINT = credit_gz.msg('Give the number as resident_id and leave identity_document_type and identity_document_no NULL.');
        END IF;
        -- (a type without a number, or a number without a type, is left to subject_identity_document)
        NEW.identity_document_no := coalesce(credit_gz.identity_document_no(NEW.identity_document_type,
                                                                            NEW.identity_document_no),
                                             NEW.identity_document_no);
        NEW.kind := coalesce(NEW.kind, 'natural_person');
        -- none of these documents names a place of residence in Guangzhou
        NEW.district := NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.uscc IS NULL) <> (NEW.uscc IS NULL) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'subject_person_kind',
                MESSAGE = credit_gz.msg('subject %s cannot change between organisation and natural person',
                                        credit_gz.identity_code(OLD.uscc, OLD.resident_id, OLD.identity_document_type,
                                                                OLD.identity_document_no)),
                DETAIL = credit_gz.msg('A subject''s identity kind is fixed: records were checked against it.'),
                HINT = credit_gz.msg('Create a new subject for the other identity.');
        END IF;
        NEW.updated_at := pg_catalog.now();
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.subject_reference_check()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ref bigint;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_NARGS <> 1 THEN
        RAISE EXCEPTION 'credit_gz.subject_reference_check() must be an AFTER ROW trigger on a credit_gz table naming a column'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    ref := (pg_catalog.to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    IF ref IS NOT NULL AND NOT EXISTS (SELECT FROM credit_gz.subject s WHERE s.subject_id = ref) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME, SCHEMA = TG_TABLE_SCHEMA,
            TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0],
            MESSAGE = credit_gz.msg('insert or update on table "%s" violates foreign key constraint "%s"',
                                        TG_TABLE_NAME, TG_NAME),
            DETAIL = credit_gz.msg('Key (%s)=(%s) is not present in table "subject".', TG_ARGV[0], ref);
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
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
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
CREATE OR REPLACE FUNCTION credit_gz.occupation_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF credit_gz.subject_is_person(NEW.subject_id) IS FALSE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'occupation_subject_id_fkey',
            MESSAGE = credit_gz.msg('occupational archive for subject %s: the holder must be a natural person',
                                    credit_gz.subject_code(NEW.subject_id)),
            DETAIL = credit_gz.msg('Occupational archives (职业档案) are kept for natural persons of key groups.'),
            HINT = credit_gz.msg('Record the organisation as employer_subject_id and the person as subject_id.');
    END IF;
    IF NEW.employer_subject_id IS NOT NULL AND credit_gz.subject_is_person(NEW.employer_subject_id) IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'occupation_employer',
            MESSAGE = credit_gz.msg('occupational archive for subject %s: the employer must be an organisation',
                                    credit_gz.subject_code(NEW.subject_id)),
            DETAIL = credit_gz.msg('Subject %s is a natural person.', credit_gz.subject_code(NEW.employer_subject_id)),
            HINT = credit_gz.msg('Give the subject_id of the firm, hospital, school or agency.');
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.relation_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    org_person boolean := credit_gz.subject_is_person(NEW.subject_id);
    rel_person boolean := credit_gz.subject_is_person(NEW.related_subject_id);
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF org_person IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_subject_id_fkey',
            MESSAGE = credit_gz.msg('relation %s: subject %s is a natural person, relations belong to organisations',
                                        NEW.kind, credit_gz.subject_code(NEW.subject_id)),
            DETAIL = credit_gz.msg('subject_id is the organisation; related_subject_id is its legal representative, branch, shareholder, ….'),
            HINT = credit_gz.msg('Swap subject_id and related_subject_id.');
    END IF;
    IF NEW.kind IN ('legal_representative', 'principal_person') AND rel_person IS FALSE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_related_subject_id_fkey',
            MESSAGE = credit_gz.msg('relation %s: related subject %s must be a natural person', NEW.kind,
                                    credit_gz.subject_code(NEW.related_subject_id)),
            DETAIL = credit_gz.msg('Legal representatives and principal persons are natural persons.'),
            HINT = credit_gz.msg('Give the subject_id of the person.');
    END IF;
    IF NEW.kind = 'branch' AND rel_person IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_related_subject_id_fkey',
            MESSAGE = credit_gz.msg('relation branch: related subject %s must be an organisation',
                                    credit_gz.subject_code(NEW.related_subject_id)),
            DETAIL = credit_gz.msg('A branch (分支机构) has its own unified social credit code.'),
            HINT = credit_gz.msg('Give the subject_id of the branch.');
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.relation_one_legal_representative()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.kind = 'legal_representative' AND EXISTS (
           SELECT FROM credit_gz.relation r
            WHERE r.subject_id = NEW.subject_id AND r.kind = 'legal_representative'
              AND r.relation_id <> NEW.relation_id
              AND daterange(r.valid_from, r.valid_until) && daterange(NEW.valid_from, NEW.valid_until)) THEN
        RAISE EXCEPTION USING ERRCODE = 'exclusion_violation', CONSTRAINT = TG_NAME,
            MESSAGE = credit_gz.msg('subject %s already has a legal representative overlapping %s',
                                        credit_gz.subject_code(NEW.subject_id), daterange(NEW.valid_from, NEW.valid_until)),
            DETAIL = credit_gz.msg('An organisation has one legal representative at a time.'),
            HINT = credit_gz.msg('Close the current one first: UPDATE credit_gz.relation SET valid_until = … (the first day it no longer holds).');
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.commitment_before()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status = 'not_fulfilled' AND (TG_OP = 'INSERT' OR OLD.status <> 'not_fulfilled') THEN
        NEW.determined_on := coalesce(NEW.determined_on, credit_gz.policy_date());
        NEW.breach_document_no := coalesce(NEW.breach_document_no, 'CMT-' || NEW.commitment_id);
        NEW.record_id := credit_gz.load_record(
            NEW.department_code, NEW.breach_document_no, NEW.subject_id, 'commitment_breach', NEW.determined_on,
            NEW.domain_code, NULL, CASE WHEN NEW.is_public THEN 'public' ELSE 'government' END,
            '不履行信用承诺: ' || NEW.matter,
            pg_catalog.jsonb_build_object('commitment_id', NEW.commitment_id, 'kind', NEW.kind,
                                          'matter_ref', NEW.matter_ref, 'due_date', NEW.due_date));
        UPDATE credit_gz.record SET status = 'in_publicity'
         WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id AND status = 'revoked';
    ELSIF TG_OP = 'UPDATE' AND OLD.status = 'not_fulfilled' AND NEW.status <> 'not_fulfilled'
          AND OLD.record_id IS NOT NULL THEN
        UPDATE credit_gz.record SET status = 'revoked' WHERE subject_id = OLD.subject_id AND record_id = OLD.record_id;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := pg_catalog.now();
    END IF;
    RETURN NEW;
END
$$;
-- credit_gz.audit_trigger: replaced once, further down, with every change 1.1 makes to it
CREATE OR REPLACE FUNCTION credit_gz.deadline_rule_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    other integer;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    -- Shipped rules (1–999) are re-created by CREATE EXTENSION on restore, so changes to them would be lost.
    IF (TG_OP <> 'INSERT' AND OLD.deadline_rule_id < 1000) OR (TG_OP <> 'DELETE' AND NEW.deadline_rule_id < 1000) THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('deadline rules below 1000 ship with the extension and cannot be added, changed or deleted'),
            DETAIL = credit_gz.msg('Shipped rules are re-created on restore; only local rules (deadline_rule_id >= 1000) are kept by pg_dump.'),
            HINT = credit_gz.msg('Insert a local rule with deadline_rule_id >= 1000: on the days it is in force it takes precedence.');
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    -- One local rule per (procedure, step, channel, department) on any day; serialise writers so two concurrent inserts cannot
    -- both pass.
    LOCK TABLE credit_gz.deadline_rule IN SHARE ROW EXCLUSIVE MODE;
    SELECT r.deadline_rule_id INTO other
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = NEW.procedure AND r.step = NEW.step AND r.channel = NEW.channel
      AND r.department_code IS NOT DISTINCT FROM NEW.department_code
      AND r.deadline_rule_id <> NEW.deadline_rule_id AND r.deadline_rule_id >= 1000
      AND pg_catalog.daterange(r.effective_from, r.effective_until) && pg_catalog.daterange(NEW.effective_from, NEW.effective_until)
    LIMIT 1;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '23P01',
            MESSAGE = credit_gz.msg('deadline rule %s overlaps rule %s for %s %s, channel %s', NEW.deadline_rule_id, other,
                                    NEW.procedure, NEW.step, NEW.channel),
            DETAIL = CASE WHEN NEW.department_code IS NULL
                          THEN credit_gz.msg('Only one local rule may be in force for a step of a procedure on any day.')
                          ELSE credit_gz.msg('Only one local rule may be in force for a step of a procedure on any day for department %s.',
                                             NEW.department_code) END,
            HINT = credit_gz.msg('Set effective_until on the older local rule first.');
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION credit_gz.green_channel_positive_record() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    item text;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    SELECT g.positive_item_code INTO item FROM credit_gz.green_channel_list g WHERE g.list_type_code = NEW.list_type_code;
    IF item IS NOT NULL AND NEW.status = 'active' THEN
        PERFORM credit_gz.load_record(
            NEW.department_code, pg_catalog.format('%s / list entry %s', NEW.basis_document, NEW.entry_id),
            NEW.subject_id, item, NEW.effective_from, NULL, NULL, 'public',
            (SELECT t.name_zh FROM credit_gz.list_type t WHERE t.code = NEW.list_type_code) || ': 参与疫情防控',
            pg_catalog.jsonb_build_object('entry_id', NEW.entry_id, 'basis_document', NEW.basis_document));
    END IF;
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION credit_gz.list_entry_check() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    lt credit_gz.list_type;
    term record;
    earliest date;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    NEW.updated_at := now();
    IF NEW.derived_from_entry_id IS NOT NULL OR (TG_OP = 'UPDATE' AND OLD.derived_from_entry_id IS NOT NULL) THEN
        RETURN NEW;  -- derived entries are checked by the propagation trigger (credit_gz.list_entry_propagate)
    END IF;
    SELECT * INTO lt FROM credit_gz.list_type WHERE code = NEW.list_type_code;
    IF TG_OP = 'INSERT' THEN
        IF lt.derived_only THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('list type "%s" is reached only through propagation', NEW.list_type_code),
                      DETAIL = credit_gz.msg('%s (%s) lists the persons responsible for a listed organisation.', lt.name_zh, lt.name_en),
                      HINT = credit_gz.msg('List the organisation on the source list; its responsible persons are derived along its relations.');
        END IF;
        IF NOT credit_gz.in_force(lt.effective_from, lt.effective_until, NEW.effective_from) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('list type "%s" is not in force on %s', NEW.list_type_code, to_char(NEW.effective_from, 'YYYY-MM-DD')),
                      DETAIL = CASE WHEN lt.effective_until IS NULL
                                    THEN credit_gz.msg('The list type is in force from %s.', to_char(lt.effective_from, 'YYYY-MM-DD'))
                                    ELSE credit_gz.msg('The list type is in force from %s, and no longer from %s.',
                                                       to_char(lt.effective_from, 'YYYY-MM-DD'), to_char(lt.effective_until, 'YYYY-MM-DD')) END,
                      HINT = credit_gz.msg('Use the list type in force on the date of the determination.');
        END IF;
        IF lt.applies_to <> 'both' AND EXISTS (
               SELECT 1 FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id
                  AND (s.uscc IS NULL) <> (lt.applies_to = 'natural_person')) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = CASE lt.applies_to WHEN 'natural_person'
                                    THEN credit_gz.msg('list type "%s" applies only to natural persons', NEW.list_type_code)
                                    ELSE credit_gz.msg('list type "%s" applies only to organisations', NEW.list_type_code) END,
                      DETAIL = CASE lt.applies_to WHEN 'natural_person'
                                    THEN credit_gz.msg('Subject %s is not a natural person.', credit_gz.subject_code(NEW.subject_id))
                                    ELSE credit_gz.msg('Subject %s is not an organisation.', credit_gz.subject_code(NEW.subject_id)) END,
                      HINT = credit_gz.msg('Choose a list type that applies to this kind of subject.');
        END IF;
        IF lt.subject_kinds IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id AND s.kind = ANY (lt.subject_kinds)) THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('list type "%s" applies only to subjects of kind %s', NEW.list_type_code,
                            array_to_string(lt.subject_kinds, ', ')), ERRCODE = 'check_violation',
                      DETAIL = credit_gz.msg('Subject %s is of kind %s.', credit_gz.subject_code(NEW.subject_id),
                                      (SELECT s.kind FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id)),
                      HINT = credit_gz.msg('Choose a list type that applies to this kind of subject.');
        END IF;
        -- the entry keeps the term generation in force on its listing day
        NEW.list_term_id := credit_gz.list_term_for(NEW.list_type_code, NEW.effective_from);
        SELECT * INTO term FROM credit_gz.entry_term(NEW.list_type_code, NEW.list_term_id);
        IF NEW.effective_until IS NULL AND term.default_term_months IS NOT NULL THEN
            -- the term runs from the listing date; the anniversary is the first day no longer in force
            NEW.effective_until := credit_gz.add_months(NEW.effective_from, term.default_term_months);
        END IF;
        IF NEW.status <> 'active' AND NEW.status_changed_on IS NULL THEN
            NEW.status_changed_on := credit_gz.policy_date();
        END IF;
        RETURN NEW;
    END IF;

    -- UPDATE of a directly determined entry
    IF NEW.subject_id <> OLD.subject_id OR NEW.list_type_code <> OLD.list_type_code
       OR NEW.list_term_id IS DISTINCT FROM OLD.list_term_id OR NEW.derived_from_entry_id IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('the subject and list type of list entry %s of subject %s cannot change',
                                          OLD.basis_document, credit_gz.subject_code(OLD.subject_id)),
                  DETAIL = credit_gz.msg('An entry records one determination about one subject.'),
                  HINT = credit_gz.msg('Revoke the entry (status ''revoked'') and create a new one.');
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF OLD.status <> 'active' THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('list entry %s of subject %s is already %s', OLD.basis_document,
                                              credit_gz.subject_code(OLD.subject_id), OLD.status),
                      DETAIL = credit_gz.msg('Only an active entry changes status; a later determination is a new entry.'),
                      HINT = credit_gz.msg('Create a new entry for a new determination.');
        END IF;
        NEW.status_changed_on := coalesce(NEW.status_changed_on, credit_gz.policy_date());
        IF NEW.status_changed_on IS NOT DISTINCT FROM OLD.status_changed_on THEN
            NEW.status_changed_on := credit_gz.policy_date();
        END IF;
        IF NEW.status = 'expired' AND (OLD.effective_until IS NULL OR OLD.effective_until > NEW.status_changed_on) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('list entry %s of subject %s has not reached the end of its term',
                                              OLD.basis_document, credit_gz.subject_code(OLD.subject_id)),
                      DETAIL = CASE WHEN OLD.effective_until IS NULL THEN credit_gz.msg('The entry is in force until it is removed.')
                                    ELSE credit_gz.msg('The entry is no longer in force from %s.', to_char(OLD.effective_until, 'YYYY-MM-DD')) END,
                      HINT = credit_gz.msg('Use status ''lifted'' or ''repaired'' for an early removal.');
        END IF;
        IF NEW.status IN ('lifted', 'repaired')
           AND (OLD.effective_until IS NULL OR OLD.effective_until > NEW.status_changed_on) THEN
            SELECT * INTO term FROM credit_gz.entry_term(OLD.list_type_code, OLD.list_term_id);
            IF term.early_removal_after_months IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                          MESSAGE = credit_gz.msg('list type "%s" allows no early removal', OLD.list_type_code),
                          DETAIL = CASE WHEN OLD.effective_until IS NULL
                                        THEN credit_gz.msg('Entry %s stays in force until it is revoked.', OLD.basis_document)
                                        ELSE credit_gz.msg('Entry %s stays in force until %s, the first day it no longer is.',
                                                           OLD.basis_document, to_char(OLD.effective_until, 'YYYY-MM-DD')) END,
                          HINT = credit_gz.msg('Revoke the entry if the determination itself was wrong.');
            END IF;
            IF term.early_removal_counted_from = 'correction' AND NEW.rectified_on IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                          MESSAGE = credit_gz.msg('list entry %s of subject %s cannot be removed early before the subject has corrected',
                                                  OLD.basis_document, credit_gz.subject_code(OLD.subject_id)),
                          DETAIL = credit_gz.msg('%s allows early removal %s months after correction, on conditions: %s.',
                                                 lt.name_zh, term.early_removal_after_months,
                                                 coalesce(term.early_removal_conditions, credit_gz.msg('none stated'))),
                          HINT = credit_gz.msg('Record the day of correction in rectified_on.');
            END IF;
            earliest := credit_gz.add_months(CASE WHEN term.early_removal_counted_from = 'correction' THEN NEW.rectified_on
                                                  ELSE OLD.effective_from END, term.early_removal_after_months);
            IF NEW.status_changed_on < earliest THEN
                RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                          MESSAGE = credit_gz.msg('list entry %s of subject %s cannot be removed before %s', OLD.basis_document,
                                                  credit_gz.subject_code(OLD.subject_id), to_char(earliest, 'YYYY-MM-DD')),
                          DETAIL = CASE WHEN term.early_removal_counted_from = 'correction'
                                        THEN credit_gz.msg('%s allows early removal %s months after correction, on conditions: %s.',
                                                           lt.name_zh, term.early_removal_after_months,
                                                           coalesce(term.early_removal_conditions, credit_gz.msg('none stated')))
                                        ELSE credit_gz.msg('%s allows early removal %s months after listing, on conditions: %s.',
                                                           lt.name_zh, term.early_removal_after_months,
                                                           coalesce(term.early_removal_conditions, credit_gz.msg('none stated'))) END,
                          HINT = credit_gz.msg('Wait until the early-removal date, or revoke the entry if the determination was wrong.');
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.propagation_rule_inserted() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    PERFORM credit_gz.repropagate(ARRAY(SELECT list_type_code FROM new_rows));
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.dishonesty_case_step_check() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    k credit_gz.case_step_kind;
    prev record;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM credit_gz.dishonesty_case c WHERE c.subject_id = OLD.subject_id AND c.case_id = OLD.case_id) THEN
            RETURN OLD;  -- the whole case is being deleted (ON DELETE CASCADE)
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('steps of dishonesty case "%s" of subject %s cannot be deleted',
                                          (SELECT c.title FROM credit_gz.dishonesty_case c
                                            WHERE c.subject_id = OLD.subject_id AND c.case_id = OLD.case_id),
                                          credit_gz.subject_code(OLD.subject_id)),
                  DETAIL = credit_gz.msg('A case keeps the record of every step it went through.'),
                  HINT = credit_gz.msg('Correct the date or note of the step instead.');
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.step <> OLD.step THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('the step of a dishonesty case step cannot change'),
                  DETAIL = credit_gz.msg('Each row records one step.'), HINT = credit_gz.msg('Record the next step as a new row.');
    END IF;
    SELECT * INTO k FROM credit_gz.case_step_kind WHERE code = NEW.step;
    SELECT s.step, s.done_on, sk.seq INTO prev
      FROM credit_gz.dishonesty_case_step s JOIN credit_gz.case_step_kind sk ON sk.code = s.step
     WHERE s.subject_id = NEW.subject_id AND s.case_id = NEW.case_id AND sk.seq = k.seq - 1;
    IF k.seq > 1 AND prev.step IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('dishonesty case "%s" of subject %s has not completed the step before %s',
                                          (SELECT c.title FROM credit_gz.dishonesty_case c
                                            WHERE c.subject_id = NEW.subject_id AND c.case_id = NEW.case_id),
                                          credit_gz.subject_code(NEW.subject_id), NEW.step),
                  DETAIL = credit_gz.msg('Steps follow 核查 → 记录 → 监管 → 惩戒 → 整改 → 教育 (verification, recording, supervision, punishment, rectification, education).'),
                  HINT = credit_gz.msg('Record the earlier step first.');
    END IF;
    IF k.seq > 1 AND NEW.done_on < prev.done_on THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('step %s of dishonesty case "%s" of subject %s cannot precede step %s', NEW.step,
                                          (SELECT c.title FROM credit_gz.dishonesty_case c
                                            WHERE c.subject_id = NEW.subject_id AND c.case_id = NEW.case_id),
                                          credit_gz.subject_code(NEW.subject_id), prev.step),
                  DETAIL = credit_gz.msg('Step %s was done on %s; step %s is dated %s.', prev.step, to_char(prev.done_on, 'YYYY-MM-DD'),
                                         NEW.step, to_char(NEW.done_on, 'YYYY-MM-DD')),
                  HINT = credit_gz.msg('Date each step on or after the previous one.');
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.dishonesty_case_stage() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    UPDATE credit_gz.dishonesty_case c
       SET stage = s.step, stage_on = s.done_on
      FROM (SELECT st.step, st.done_on FROM credit_gz.dishonesty_case_step st
              JOIN credit_gz.case_step_kind sk ON sk.code = st.step
             WHERE st.subject_id = NEW.subject_id AND st.case_id = NEW.case_id ORDER BY sk.seq DESC LIMIT 1) s
     WHERE c.subject_id = NEW.subject_id AND c.case_id = NEW.case_id;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.objection_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.record;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('an objection starts as submitted, not %s', NEW.status),
                  HINT = credit_gz.msg('Insert with the default status and use objection_accept/objection_resolve.');
    END IF;
    SELECT * INTO r FROM credit_gz.record WHERE record_id = NEW.record_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '23503', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('credit record %s does not exist', NEW.record_id),
                  HINT = credit_gz.msg('Give the record_id of a record in credit_gz.record.');
    END IF;
    IF r.status NOT IN ('in_publicity') THEN
        RAISE EXCEPTION USING ERRCODE = 'CG621', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('credit record %s of subject %s cannot be disputed in status %s', r.document_no,
                                          credit_gz.subject_code(r.subject_id), r.status),
                  DETAIL = CASE WHEN r.status = 'under_objection' THEN credit_gz.msg('An objection to the record is already open.')
                                ELSE credit_gz.msg('Only records in publicity can be disputed.') END,
                  HINT = credit_gz.msg('Ask the provider department about records no longer published.');
    END IF;
    NEW.submitted_at := pg_catalog.now();    -- deadlines run from the real submission day
    NEW.subject_id := r.subject_id;
    NEW.department_code := r.department_code;
    NEW.prior_status := r.status;
    NEW.accepted_at := NULL; NEW.platform_due := NULL; NEW.referred_at := NULL; NEW.provider_due := NULL;
    NEW.resolved_at := NULL; NEW.outcome := NULL; NEW.corrections := NULL;
    NEW.accept_overdue_at := NULL; NEW.platform_overdue_at := NULL; NEW.provider_overdue_at := NULL;
    NEW.accept_due := credit_gz.deadline('objection', 'acceptance', 'standard', credit_gz.policy_date(NEW.submitted_at));
    UPDATE credit_gz.record SET status = 'under_objection' WHERE subject_id = r.subject_id AND record_id = NEW.record_id;
    RETURN NEW;
END $$;
-- credit_gz.repair_application_insert: replaced once, further down, with every change 1.1 makes to it
CREATE OR REPLACE FUNCTION credit_gz.calendar_guard_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    -- Only install/update scripts ship rows (they insert with this trigger disabled); a DBA's rows are local.
    NEW.shipped := false;
    RETURN NEW;
END $$;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_entry', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.subject_score', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_guard', '');

-- Operations: the run log (credit_gz.job_run, job_schedule, job_run_last, job_overdue; src/run_log.sql), written by
-- every maintenance job; audit-log retention and credit_gz.purge_audit_log(); its advisory lock key.
CREATE OR REPLACE FUNCTION credit_gz.job_locks(OUT job text, OUT lock_key bigint) RETURNS SETOF record
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    VALUES ('repropagate',                    1128726530::bigint),
           ('create_overdue_interview_tasks', 1128726532),
           ('rebuild_scoring_keys',           1128726533),
           ('recompute_scores',               1128726534),
           ('run_expiry',                     1128726535),
           ('purge_query_log',                1128726536),
           ('purge_audit_log',                1128726537),
           ('take_snapshots',                 1128726538)
$$;
CREATE TABLE credit_gz.job_schedule (
    job            text     PRIMARY KEY,
    expected_every interval NOT NULL CHECK (expected_every > interval '0'),
    basis          text     NOT NULL,
    shipped        boolean  NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.job_schedule IS
    '作业计划 / how often each maintenance job is expected to run; credit_gz.job_overdue names the jobs whose last '
    'successful run is older than that. A site changes an interval with UPDATE or adds its own jobs with INSERT.';
COMMENT ON COLUMN credit_gz.job_schedule.job IS '作业 / the job, as it appears in credit_gz.job_run';
COMMENT ON COLUMN credit_gz.job_schedule.expected_every IS '预期间隔 / longest time between two successful runs';
COMMENT ON COLUMN credit_gz.job_schedule.basis IS '依据 / why the job runs that often';
COMMENT ON COLUMN credit_gz.job_schedule.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped unless changed); locally added rows: false';

-- The jobs of the README's pg_cron recipe: daily ones within a day and a half, weekly ones within eight days, so
-- that a run a few minutes late is not overdue.
INSERT INTO credit_gz.job_schedule (job, expected_every, basis) VALUES
    ('run_expiry', interval '36 hours', '到期处理每日运行: 公示期满当日停止公示 / records leave publicity on the day their period ends'),
    ('recompute_scores', interval '36 hours', '衰减计分每日重算 / decaying scoring rules move scores as days pass'),
    ('purge_query_log', interval '8 days', '查询日志保存期限, 每周清理 / weekly: the query log keeps its retention period, no longer'),
    ('purge_audit_log', interval '8 days', '审计日志保存期限, 每周清理 / weekly: the audit log keeps its retention period, no longer');
ALTER TABLE credit_gz.job_schedule ALTER COLUMN shipped SET DEFAULT false;
-- A shipped row a site changed is dumped too (its interval is the site's), and restores over the shipped one.
SELECT pg_catalog.pg_extension_config_dump('credit_gz.job_schedule', 'WHERE NOT shipped');

CREATE TABLE credit_gz.job_run (
    run_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job        text        NOT NULL,
    as_of      date        NOT NULL,
    started_at timestamptz NOT NULL,
    ended_at   timestamptz NOT NULL,
    succeeded  boolean     NOT NULL,
    result     jsonb,
    sqlstate   text,
    error      text,
    run_by     name        NOT NULL DEFAULT session_user,
    CHECK (ended_at >= started_at),
    CHECK (succeeded = (sqlstate IS NULL) AND succeeded = (error IS NULL))
);
CREATE INDEX job_run_job_idx ON credit_gz.job_run (job, started_at);
COMMENT ON INDEX credit_gz.job_run_job_idx IS 'the last runs of a job (job_run_last, job_overdue)';
COMMENT ON TABLE credit_gz.job_run IS
    '作业运行记录 / one row per run of a maintenance job, written by the job itself: on success in the job''s own '
    'transaction (a caller that rolls back the work rolls back its row), on failure after the job''s subtransaction '
    'rolled back its work, so the failure stays. Each row is reported as a NOTICE when its transaction commits, so '
    'that pg_cron''s return_message carries the summary.';
COMMENT ON COLUMN credit_gz.job_run.run_id IS '运行编号 / run number';
COMMENT ON COLUMN credit_gz.job_run.job IS '作业 / the job (the routine''s name)';
COMMENT ON COLUMN credit_gz.job_run.as_of IS '基准日 / the day the job ran for: its as_of, or policy_date(as_of) for a job that takes an instant';
COMMENT ON COLUMN credit_gz.job_run.started_at IS '开始 / when the run started';
COMMENT ON COLUMN credit_gz.job_run.ended_at IS '结束 / when it ended';
COMMENT ON COLUMN credit_gz.job_run.succeeded IS '成功 / whether it ran to the end';
COMMENT ON COLUMN credit_gz.job_run.result IS '结果 / the summary the job returned';
COMMENT ON COLUMN credit_gz.job_run.sqlstate IS '错误码 / the SQLSTATE it failed with';
COMMENT ON COLUMN credit_gz.job_run.error IS '错误 / the error message, with its detail';
COMMENT ON COLUMN credit_gz.job_run.run_by IS '执行者 / the session user that ran it';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.job_run', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('credit_gz.job_run', 'run_id'), '');

-- job_run_record: the one writer of credit_gz.job_run, called by each job as it ends. SECURITY DEFINER so that a job
-- run by any role that may run it can log; not executable by PUBLIC, so that nobody else writes run rows.
CREATE FUNCTION credit_gz.job_run_record(job text, as_of date, started_at timestamptz, result jsonb,
                                         sqlstate text DEFAULT NULL, error text DEFAULT NULL)
RETURNS bigint
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO credit_gz.job_run (job, as_of, started_at, ended_at, succeeded, result, sqlstate, error)
    VALUES (job, as_of, started_at, pg_catalog.clock_timestamp(), sqlstate IS NULL, result, sqlstate, error)
    RETURNING run_id
$$;
REVOKE ALL ON FUNCTION credit_gz.job_run_record(text, date, timestamptz, jsonb, text, text) FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.job_run_record(text, date, timestamptz, jsonb, text, text) IS
    '记录作业运行 / appends one run of a job to credit_gz.job_run (ended now; failed when sqlstate is given). Called '
    'by the jobs only; not executable by PUBLIC.';

-- job_run_report: at commit, each run row becomes a NOTICE. pg_cron's background worker (cron.use_background_workers)
-- keeps the last message a job sends as its return_message, and a notice sent while the job's transaction commits
-- comes after the command's completion tag: so the job's summary, not "SELECT 1", is what cron.job_run_details shows.
-- In C (src/run_log.c), so that the notice is the summary alone, without a PL/pgSQL CONTEXT line.
CREATE FUNCTION credit_gz.job_run_report() RETURNS trigger
LANGUAGE c SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_job_run_report';
COMMENT ON FUNCTION credit_gz.job_run_report() IS
    '作业结果通知 / deferred trigger on credit_gz.job_run: reports each run as a NOTICE when its transaction commits '
    '(the job''s summary, or its failure), the last message pg_cron''s background worker records as return_message.';
CREATE CONSTRAINT TRIGGER job_run_report AFTER INSERT ON credit_gz.job_run DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION credit_gz.job_run_report();
COMMENT ON TRIGGER job_run_report ON credit_gz.job_run IS '作业结果通知 / the run''s summary as a NOTICE at commit';

CREATE VIEW credit_gz.job_run_last AS
SELECT DISTINCT ON (r.job) r.job, r.run_id, r.as_of, r.started_at, r.ended_at, r.ended_at - r.started_at AS took,
       r.succeeded, r.result, r.sqlstate, r.error, r.run_by
  FROM credit_gz.job_run r
 ORDER BY r.job, r.started_at DESC, r.run_id DESC;
COMMENT ON VIEW credit_gz.job_run_last IS '最近运行 / the last run of each job, whether it succeeded or failed';
COMMENT ON COLUMN credit_gz.job_run_last.job IS '作业 / the job';
COMMENT ON COLUMN credit_gz.job_run_last.run_id IS '运行编号 / its last run';
COMMENT ON COLUMN credit_gz.job_run_last.as_of IS '基准日 / the day it ran for';
COMMENT ON COLUMN credit_gz.job_run_last.started_at IS '开始 / when it started';
COMMENT ON COLUMN credit_gz.job_run_last.ended_at IS '结束 / when it ended';
COMMENT ON COLUMN credit_gz.job_run_last.took IS '耗时 / how long it took';
COMMENT ON COLUMN credit_gz.job_run_last.succeeded IS '成功 / whether it ran to the end';
COMMENT ON COLUMN credit_gz.job_run_last.result IS '结果 / the summary it returned';
COMMENT ON COLUMN credit_gz.job_run_last.sqlstate IS '错误码 / the SQLSTATE it failed with';
COMMENT ON COLUMN credit_gz.job_run_last.error IS '错误 / the error message';
COMMENT ON COLUMN credit_gz.job_run_last.run_by IS '执行者 / the session user that ran it';

CREATE VIEW credit_gz.job_overdue AS
SELECT s.job, s.expected_every, ok.last_success, f.last_failure, f.last_error
  FROM credit_gz.job_schedule s
  LEFT JOIN LATERAL (SELECT max(r.started_at) AS last_success FROM credit_gz.job_run r
                      WHERE r.job = s.job AND r.succeeded) ok ON true
  LEFT JOIN LATERAL (SELECT r.started_at AS last_failure, r.error AS last_error FROM credit_gz.job_run r
                      WHERE r.job = s.job AND NOT r.succeeded ORDER BY r.started_at DESC LIMIT 1) f ON true
 WHERE ok.last_success IS NULL OR ok.last_success < pg_catalog.now() - s.expected_every;
COMMENT ON VIEW credit_gz.job_overdue IS
    '逾期作业 / the scheduled jobs (credit_gz.job_schedule) that have not succeeded within their expected interval '
    '(or never), with their last success and their last failure: what to look at when a job did not run when due.';
COMMENT ON COLUMN credit_gz.job_overdue.job IS '作业 / the job';
COMMENT ON COLUMN credit_gz.job_overdue.expected_every IS '预期间隔 / longest time between two successful runs';
COMMENT ON COLUMN credit_gz.job_overdue.last_success IS '最近成功 / start of the last successful run (NULL: never)';
COMMENT ON COLUMN credit_gz.job_overdue.last_failure IS '最近失败 / start of the last failed run';
COMMENT ON COLUMN credit_gz.job_overdue.last_error IS '最近错误 / the error of the last failed run';
-- ---------------------------------------------------------------------------------------------------------------
-- Retention of the audit logs (data with effective dates, like the query log's): credit_gz.purge_audit_log()
-- removes entries of audit_log and catalogue_audit_log older than the period in force, and nothing else does.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.audit_log_retention (
    effective_from date     NOT NULL PRIMARY KEY,
    retention      interval NOT NULL CHECK (retention >= interval '1 year'),
    basis          text     NOT NULL,
    shipped        boolean  NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.audit_log_retention IS
    '审计日志保存期限 / audit-log retention period, by the date it took effect; credit_gz.purge_audit_log() keeps '
    'entries younger than the period in force. At least one year, so a year of changes is always auditable.';
COMMENT ON COLUMN credit_gz.audit_log_retention.effective_from IS '生效日期 / date the period took effect';
COMMENT ON COLUMN credit_gz.audit_log_retention.retention IS '保存期限 / how long entries are kept';
COMMENT ON COLUMN credit_gz.audit_log_retention.basis IS '依据 / basis (rule or decision) for the period';
COMMENT ON COLUMN credit_gz.audit_log_retention.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
-- Five years, as the query log: the longest publicity of negative information under 《广州市公共信用信息管理规定》
-- (2024), so every change to anything that was ever published stays traceable while it may be published.
INSERT INTO credit_gz.audit_log_retention (effective_from, retention, basis) VALUES
    ('2020-01-01', interval '5 years',
     '默认: 与《广州市公共信用信息管理规定》失信信息最长公开期限(5年)及查询日志保存期限一致 / default: the 5-year maximum publicity of negative information, as the query log');
ALTER TABLE credit_gz.audit_log_retention ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.audit_log_retention', 'WHERE NOT shipped');

-- audit_log_retention_at: the retention period in force on a day (the latest row that took effect by then).
CREATE FUNCTION credit_gz.audit_log_retention_at(day date) RETURNS interval
LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
    SELECT r.retention FROM credit_gz.audit_log_retention r WHERE r.effective_from <= day
     ORDER BY r.effective_from DESC LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.audit_log_retention_at(date) IS
    '审计日志保存期限 / the audit-log retention period in force on a day (credit_gz.audit_log_retention).';

-- purge_audit_log: the one way entries leave the audit logs. SECURITY DEFINER (applications have no right on them)
-- and not executable by PUBLIC. as_of only moves the cutoff into the past, so no call removes a recent entry.
CREATE OR REPLACE FUNCTION credit_gz.purge_audit_log(as_of timestamptz DEFAULT pg_catalog.now(), batch_size integer DEFAULT 10000)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    at_time timestamptz := least(coalesce(as_of, pg_catalog.now()), pg_catalog.now());
    run_day date := credit_gz.policy_date(least(coalesce(as_of, pg_catalog.now()), pg_catalog.now()));
    cutoff  timestamptz;
    n       bigint;
    total   bigint := 0;
    started timestamptz := pg_catalog.clock_timestamp();
    failed_state text;
    failed_message text;
    failed_detail text;
BEGIN
    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch_size must be positive'), ERRCODE = '22023';
    END IF;
    cutoff := at_time - credit_gz.audit_log_retention_at(run_day);
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('purge_audit_log')) THEN
        PERFORM credit_gz.job_run_record('purge_audit_log', run_day, started,
                                         '{"skipped": "another purge_audit_log is in progress"}');
        RETURN 0;
    END IF;
    BEGIN
        LOOP
            DELETE FROM credit_gz.audit_log a
             WHERE (a.subject_id, a.audit_id) IN (SELECT l.subject_id, l.audit_id FROM credit_gz.audit_log l
                                                   WHERE l.at < cutoff
                                                   ORDER BY l.at LIMIT batch_size FOR UPDATE SKIP LOCKED);
            GET DIAGNOSTICS n = ROW_COUNT;
            total := total + n;
            EXIT WHEN n < batch_size;
        END LOOP;
        LOOP
            DELETE FROM credit_gz.catalogue_audit_log a
             WHERE a.audit_id IN (SELECT l.audit_id FROM credit_gz.catalogue_audit_log l
                                   WHERE l.at < cutoff
                                   ORDER BY l.at LIMIT batch_size FOR UPDATE SKIP LOCKED);
            GET DIAGNOSTICS n = ROW_COUNT;
            total := total + n;
            EXIT WHEN n < batch_size;
        END LOOP;
    EXCEPTION WHEN OTHERS THEN
        -- the deletes are rolled back with this block's subtransaction; the failure is logged in the caller's
        -- transaction, so it stays when that commits (pg_cron's does)
        GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT,
                                failed_detail = PG_EXCEPTION_DETAIL;
    END;
    IF failed_state IS NOT NULL THEN
        PERFORM credit_gz.job_run_record('purge_audit_log', run_day, started, NULL, failed_state,
                                         concat_ws(E'\n', failed_message, failed_detail));
        RAISE WARNING USING MESSAGE = credit_gz.msg('purge_audit_log failed (SQLSTATE %s): %s', failed_state, failed_message), DETAIL = coalesce(failed_detail, ''),
              HINT = credit_gz.msg('The failure is logged in credit_gz.job_run.');
        RETURN NULL;
    END IF;
    PERFORM credit_gz.job_run_record('purge_audit_log', run_day, started,
                                     pg_catalog.jsonb_build_object('cutoff', cutoff, 'entries_removed', total));
    RETURN total;
END
$$;
REVOKE ALL ON FUNCTION credit_gz.purge_audit_log(timestamptz, integer) FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.purge_audit_log(timestamptz, integer) IS
    '审计日志清理 / removes entries of credit_gz.audit_log and credit_gz.catalogue_audit_log older than the retention '
    'period in force on policy_date(as_of) (credit_gz.audit_log_retention); returns how many (NULL when it failed: '
    'the failure is in credit_gz.job_run). as_of cannot move the cutoff past now(). Idempotent; advisory lock '
    'job_lock_key(''purge_audit_log''), a concurrent call returns 0; logs its run in credit_gz.job_run.';
-- credit_gz.run_expiry: replaced once, further down, with every change 1.1 makes to it
-- credit_gz.run_expiry_in_batches: replaced once, further down, with every change 1.1 makes to it
-- credit_gz.recompute_scores: replaced once, further down, with every change 1.1 makes to it
CREATE OR REPLACE FUNCTION credit_gz.purge_query_log(as_of timestamptz DEFAULT pg_catalog.now(), batch_size integer DEFAULT 10000)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cutoff  timestamptz;
    n       bigint;
    total   bigint := 0;
    run_day date := credit_gz.policy_date(least(coalesce(as_of, pg_catalog.now()), pg_catalog.now()));
    started timestamptz := pg_catalog.clock_timestamp();
    failed_state text;
    failed_message text;
    failed_detail text;
BEGIN
    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch_size must be positive'), ERRCODE = '22023';
    END IF;
    -- as_of can only move the cutoff into the past: the trigger re-checks against now() in any case.
    cutoff := least(coalesce(as_of, pg_catalog.now()), pg_catalog.now());
    cutoff := cutoff - credit_gz.query_log_retention_at(credit_gz.policy_date(cutoff));
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('purge_query_log')) THEN
        PERFORM credit_gz.job_run_record('purge_query_log', run_day, started,
                                         '{"skipped": "another purge_query_log is in progress"}');
        RETURN 0;   -- another purge is running; running twice would do nothing more
    END IF;
    BEGIN
    PERFORM pg_catalog.set_config('credit_gz.query_log_purge', 'on', true);
    LOOP
        DELETE FROM credit_gz.query_log q
         WHERE (q.subject_id, q.log_id) IN (SELECT l.subject_id, l.log_id FROM credit_gz.query_log l
                                             WHERE l.at < cutoff
                                             ORDER BY l.at LIMIT batch_size FOR UPDATE SKIP LOCKED);
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total + n;
        EXIT WHEN n < batch_size;
    END LOOP;
    LOOP
        DELETE FROM credit_gz.unknown_code_read_log q
         WHERE (q.code, q.log_id) IN (SELECT l.code, l.log_id FROM credit_gz.unknown_code_read_log l
                                       WHERE l.at < cutoff
                                       ORDER BY l.at LIMIT batch_size FOR UPDATE SKIP LOCKED);
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total + n;
        EXIT WHEN n < batch_size;
    END LOOP;
    PERFORM pg_catalog.set_config('credit_gz.query_log_purge', 'off', true);
    EXCEPTION WHEN OTHERS THEN
        -- the work above is rolled back with this block's subtransaction; the failure is logged in the caller's
        -- transaction, so it stays when that commits (pg_cron's does)
        GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT,
                                failed_detail = PG_EXCEPTION_DETAIL;
    END;
    IF failed_state IS NOT NULL THEN
        PERFORM credit_gz.job_run_record('purge_query_log', run_day, started, NULL,
                                         failed_state, concat_ws(E'\n', failed_message, failed_detail));
        RAISE WARNING USING MESSAGE = credit_gz.msg('purge_query_log failed (SQLSTATE %s): %s', failed_state, failed_message), DETAIL = coalesce(failed_detail, ''),
              HINT = credit_gz.msg('The failure is logged in credit_gz.job_run.');
        RETURN NULL;
    END IF;
    PERFORM credit_gz.job_run_record('purge_query_log', run_day, started,
                                     pg_catalog.jsonb_build_object('cutoff', cutoff, 'entries_removed', total));
    RETURN total;
END
$$;

-- =====================================================================================================================
-- Concurrency: history in the order changes took effect, one lock order, two repairs of one record, bounded arguments
-- =====================================================================================================================

-- History dated once the subject's lock is granted and numbered per subject and model (subject_score.change_seq).
-- Rows of 1.0 keep their times; their numbers follow their order there, (changed_at, row id), and each pair's
-- counter starts after its last number, so later changes sort after every earlier one.
ALTER TABLE credit_gz.subject_score ADD COLUMN change_seq bigint NOT NULL DEFAULT 0;
COMMENT ON COLUMN credit_gz.subject_score.change_seq IS
    '变动序号 / number of the last change of this subject under this model, in the order changes took effect (each '
    'writer holds the subject''s lock): the seq of grade_history and score_drop rows';

ALTER TABLE credit_gz.grade_history ADD COLUMN seq bigint;
UPDATE credit_gz.grade_history h SET seq = n.seq
  FROM (SELECT ctid AS row_ctid, row_number() OVER (PARTITION BY subject_id, model_code
                                                     ORDER BY changed_at, history_id) AS seq
          FROM credit_gz.grade_history) n
 WHERE h.ctid = n.row_ctid;
ALTER TABLE credit_gz.grade_history ALTER COLUMN seq SET NOT NULL;
DROP INDEX credit_gz.grade_history_at_idx;
CREATE INDEX grade_history_at_idx
    ON credit_gz.grade_history (subject_id, model_code, changed_at DESC, seq DESC) INCLUDE (new_grade);
COMMENT ON INDEX credit_gz.grade_history_at_idx IS
    'grade_at(): the latest change of a subject under a model before a moment, new grade included.';
COMMENT ON COLUMN credit_gz.grade_history.history_id IS
    '行号 / row id, not an order (backends take identity values in blocks); no unique constraint: a restore may '
    'interleave restored rows with rows the triggers append while records are reloaded';
COMMENT ON COLUMN credit_gz.grade_history.seq IS
    '变动序号 / the change''s number for this subject and model (subject_score.change_seq), in the order changes took '
    'effect: breaks ties of changed_at';
COMMENT ON COLUMN credit_gz.grade_history.changed_at IS
    '变动时间 / when the change took effect: read once the subject''s lock was granted (clock_timestamp()), so later '
    'than the commit of any change before it';

ALTER TABLE credit_gz.score_drop ADD COLUMN seq bigint;
UPDATE credit_gz.score_drop d SET seq = n.seq
  FROM (SELECT ctid AS row_ctid, row_number() OVER (PARTITION BY subject_id, model_code
                                                     ORDER BY changed_at, drop_id) AS seq
          FROM credit_gz.score_drop) n
 WHERE d.ctid = n.row_ctid;
ALTER TABLE credit_gz.score_drop ALTER COLUMN seq SET NOT NULL;
COMMENT ON COLUMN credit_gz.score_drop.changed_at IS
    '时间 / when the drop took effect: read once the subject''s lock was granted (clock_timestamp())';
COMMENT ON COLUMN credit_gz.score_drop.seq IS
    '变动序号 / the change''s number for this subject and model (subject_score.change_seq), in the order changes took '
    'effect';

UPDATE credit_gz.subject_score s SET change_seq = m.seq
  FROM (SELECT subject_id, model_code, max(seq) AS seq
          FROM (SELECT subject_id, model_code, seq FROM credit_gz.grade_history
                UNION ALL
                SELECT subject_id, model_code, seq FROM credit_gz.score_drop) h
         GROUP BY subject_id, model_code) m
 WHERE s.subject_id = m.subject_id AND s.model_code = m.model_code;

-- The audit log: the time after the subject's lock and a number per subject, 1.0's rows numbered by (at, audit_id).
ALTER TABLE credit_gz.audit_log ALTER COLUMN at SET DEFAULT pg_catalog.clock_timestamp();
ALTER TABLE credit_gz.audit_log ADD COLUMN seq bigint;
UPDATE credit_gz.audit_log a SET seq = n.seq
  FROM (SELECT ctid AS row_ctid, row_number() OVER (PARTITION BY subject_id ORDER BY at, audit_id) AS seq
          FROM credit_gz.audit_log) n
 WHERE a.ctid = n.row_ctid;
ALTER TABLE credit_gz.audit_log ALTER COLUMN seq SET NOT NULL;
COMMENT ON COLUMN credit_gz.audit_log.at IS
    '时间 / when the change took effect: read after the changed row''s and the subject''s locks were granted '
    '(clock_timestamp()), so later than the commit of any change it waited for';
COMMENT ON COLUMN credit_gz.audit_log.seq IS
    '变动序号 / the change''s number among the subject''s audited changes, in the order they took effect (taken under '
    'the subject''s lock): breaks ties of at';
CREATE INDEX audit_log_subject_seq_idx ON credit_gz.audit_log (subject_id, seq);
COMMENT ON INDEX credit_gz.audit_log_subject_seq_idx IS 'a subject''s changes in the order they took effect; the audit trigger''s next number';
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
    sid bigint;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
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
        sid := (r ->> 'subject_id')::bigint;
        -- A change of the subject row itself holds that row's lock already (a new row is seen by no one else).
        IF TG_TABLE_NAME <> 'subject' OR TG_TABLE_SCHEMA <> 'credit_gz' THEN
            PERFORM FROM credit_gz.subject s WHERE s.subject_id = sid FOR NO KEY UPDATE;
        END IF;
        INSERT INTO credit_gz.audit_log (subject_id, table_name, row_key, action, old_row, new_row, role_name, at, seq)
        VALUES (sid,
                pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.' || pg_catalog.quote_ident(TG_TABLE_NAME),
                k, TG_OP, o, n, role, pg_catalog.clock_timestamp(),
                coalesce((SELECT pg_catalog.max(a.seq) FROM credit_gz.audit_log a
                           WHERE a.subject_id = sid), 0) + 1);
    ELSE
        INSERT INTO credit_gz.catalogue_audit_log (table_name, row_key, action, old_row, new_row, role_name)
        VALUES (pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.' || pg_catalog.quote_ident(TG_TABLE_NAME),
                k, TG_OP, o, n, role);
    END IF;
    RETURN NULL;
END
$$;

-- The scoring entry points of 1.1 write the ordered history; the 1.0 symbols stay for databases not yet updated.
CREATE OR REPLACE FUNCTION credit_gz.rescore_subject(subject_id bigint)
RETURNS integer
AS 'MODULE_PATHNAME', 'credit_gz_scoring_rescore_subject_ordered'
LANGUAGE C STRICT VOLATILE
SET search_path = pg_catalog, pg_temp;
CREATE OR REPLACE FUNCTION credit_gz.scoring_record_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'credit_gz_scoring_record_trigger_ordered'
LANGUAGE C
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;
CREATE OR REPLACE FUNCTION credit_gz.scoring_list_entry_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'credit_gz_scoring_list_entry_trigger_ordered'
LANGUAGE C
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;
CREATE OR REPLACE FUNCTION credit_gz.recompute_scores(model_code text DEFAULT NULL,
                                           as_of date DEFAULT credit_gz.policy_date())
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
-- The fresh sums meet the maintained scores (millions of rows each) in a hash join; merge joins (sorting both) and
-- nested loops are an order of magnitude slower there.
SET enable_mergejoin = off
SET enable_nestloop = off
AS $$
-- a bare model_code is the column; the parameter is recompute_scores.model_code
#variable_conflict use_column
DECLARE
    models text[];
    n bigint;
    took_effect timestamptz;
    started timestamptz := pg_catalog.clock_timestamp();
    failed_state text;
    failed_message text;
    failed_detail text;
BEGIN
    IF recompute_scores.model_code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM credit_gz.scoring_model WHERE code = recompute_scores.model_code)
    THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('scoring model "%s" does not exist', recompute_scores.model_code),
              ERRCODE = '23503', HINT = credit_gz.msg('See credit_gz.scoring_model for the model codes.');
    END IF;
    BEGIN
    -- One recomputation at a time. The table lock makes the triggers of concurrent
    -- record changes wait, so no maintained score is overwritten with a value computed before that change.
    PERFORM pg_catalog.pg_advisory_xact_lock(credit_gz.job_lock_key('recompute_scores'));
    LOCK TABLE credit_gz.subject_score IN SHARE ROW EXCLUSIVE MODE;
    -- History in the order changes took effect: dated once the table lock is granted (not the transaction's start,
    -- which may have queued behind score writers), numbered after each pair's last change.
    took_effect := pg_catalog.clock_timestamp();

    SELECT array_agg(code) INTO models FROM credit_gz.scoring_model
     WHERE is_active AND (recompute_scores.model_code IS NULL OR code = recompute_scores.model_code);
    IF models IS NULL THEN
        n := 0;
    ELSE

    IF pg_catalog.to_regclass('pg_temp.scoring_diff') IS NOT NULL THEN
        DROP TABLE pg_temp.scoring_diff;
    END IF;
    -- The fresh sums (score_totals, one pass in C) against the maintained scores: what changed, with the row to
    -- update (its ctid: the table lock above keeps every row where it is until the function returns).
    CREATE TEMP TABLE scoring_diff ON COMMIT DROP AS
    SELECT coalesce(f.subject_id, s.subject_id) AS subject_id, coalesce(f.model_code, s.model_code) AS model_code,
           coalesce(f.score, m.base_score) AS score, coalesce(f.grade, m.no_history_grade) AS grade,
           coalesce(f.raw_points, 0) AS raw_points, coalesce(f.contributions, 0) AS contributions,
           f.cap_rank, coalesce(f.decaying, false) AS decaying,
           s.score_row,
           coalesce(s.score, m.base_score) AS old_score, coalesce(s.grade, m.no_history_grade) AS old_grade,
           coalesce(s.change_seq, 0) + 1 AS seq
      FROM credit_gz.fresh_scores(models, recompute_scores.as_of) f
      FULL JOIN (SELECT ss.ctid AS score_row, ss.* FROM credit_gz.subject_score ss WHERE ss.model_code = ANY (models)) s
        ON s.subject_id = f.subject_id AND s.model_code = f.model_code
      JOIN credit_gz.scoring_model m ON m.code = coalesce(f.model_code, s.model_code)
     WHERE s.subject_id IS NULL
        OR (s.score, s.grade::text, s.raw_points, s.contributions, s.cap_rank, s.decaying)
           IS DISTINCT FROM (coalesce(f.score, m.base_score), coalesce(f.grade, m.no_history_grade)::text,
                             coalesce(f.raw_points, 0), coalesce(f.contributions, 0), f.cap_rank,
                             coalesce(f.decaying, false))
        OR (s.decaying AND s.scored_on <> recompute_scores.as_of)
     -- in key order: the inserts below then append to the indexes of subject_score and grade_history instead of
     -- touching random pages, and the updates meet the score table's rows in (roughly) physical order
     ORDER BY 1, 2;
    GET DIAGNOSTICS n = ROW_COUNT;

    -- Each changed row is fetched by its ctid (a nested loop of TID scans): no hash of the whole score table.
    SET LOCAL enable_nestloop = on;
    SET LOCAL enable_hashjoin = off;
    UPDATE credit_gz.subject_score s
       SET score = d.score, grade = d.grade, raw_points = d.raw_points, contributions = d.contributions,
           cap_rank = d.cap_rank, decaying = d.decaying, scored_on = recompute_scores.as_of, updated_at = now(),
           change_seq = d.seq
      FROM pg_temp.scoring_diff d
     WHERE s.ctid = d.score_row;
    INSERT INTO credit_gz.subject_score (subject_id, model_code, score, grade, raw_points, contributions, cap_rank,
                                         decaying, scored_on, updated_at, change_seq)
    SELECT subject_id, model_code, score, grade, raw_points, contributions, cap_rank, decaying, recompute_scores.as_of, now(),
           seq
      FROM pg_temp.scoring_diff WHERE score_row IS NULL;
    INSERT INTO credit_gz.grade_history (subject_id, model_code, old_grade, new_grade, old_score, new_score, cause,
                                         changed_at, seq)
    SELECT subject_id, model_code, old_grade, grade, old_score, score, 'recompute', took_effect, seq
      FROM pg_temp.scoring_diff WHERE grade::text <> old_grade::text;
    INSERT INTO credit_gz.score_drop (subject_id, model_code, old_score, new_score, cause, changed_at, seq)
    SELECT subject_id, model_code, old_score, score, 'recompute', took_effect, seq
      FROM pg_temp.scoring_diff WHERE score < old_score;
    DROP TABLE pg_temp.scoring_diff;
    END IF;
    EXCEPTION WHEN OTHERS THEN
        -- the work above is rolled back with this block's subtransaction; the failure is logged in the caller's
        -- transaction, so it stays when that commits (pg_cron's does)
        GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT,
                                failed_detail = PG_EXCEPTION_DETAIL;
    END;
    IF failed_state IS NOT NULL THEN
        PERFORM credit_gz.job_run_record('recompute_scores', as_of, started, NULL, failed_state,
                                         concat_ws(E'\n', failed_message, failed_detail));
        RAISE WARNING USING MESSAGE = credit_gz.msg('recompute_scores failed (SQLSTATE %s): %s', failed_state, failed_message), DETAIL = coalesce(failed_detail, ''),
              HINT = credit_gz.msg('The failure is logged in credit_gz.job_run.');
        RETURN NULL;
    END IF;
    PERFORM credit_gz.job_run_record('recompute_scores', as_of, started,
                                     pg_catalog.jsonb_build_object('as_of', as_of, 'model_code', recompute_scores.model_code,
                                                                   'scores_changed', n));
    RETURN n;
END;
$$;
CREATE OR REPLACE FUNCTION credit_gz.grade_at(subject_id bigint, model_code text, as_of timestamptz)
RETURNS credit_gz.credit_grade
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(
        (SELECT h.new_grade FROM credit_gz.grade_history h
          WHERE h.subject_id = grade_at.subject_id AND h.model_code = grade_at.model_code
            AND h.changed_at <= grade_at.as_of
          ORDER BY h.changed_at DESC, h.seq DESC
          LIMIT 1),
        (SELECT m.no_history_grade FROM credit_gz.scoring_model m WHERE m.code = grade_at.model_code));
END;
CREATE OR REPLACE VIEW credit_gz.disclosed_grade WITH (security_barrier = true) AS
SELECT a.audience, ss.subject_id, ss.model_code, m.name_zh AS model_name, m.kind AS model_kind, m.domain_code,
       ss.score, ss.grade::text AS grade, credit_gz.credit_grade_label(ss.grade) AS grade_label, ss.updated_at,
       (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                    'changed_at', h.changed_at, 'old_grade', h.old_grade::text, 'new_grade', h.new_grade::text,
                    'cause', h.cause) ORDER BY h.changed_at DESC, h.seq DESC), '[]')
          FROM (SELECT * FROM credit_gz.grade_history gh
                 WHERE gh.subject_id = ss.subject_id AND gh.model_code = ss.model_code
                 ORDER BY gh.changed_at DESC, gh.seq DESC LIMIT 5) h) AS history
  FROM credit_gz.subject_score ss
  JOIN credit_gz.scoring_model m ON m.code = ss.model_code AND m.is_active
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience AND au.sees_grades
 WHERE credit_gz.audience_sees_subject(a.audience, au.needs_authorization, ss.subject_id);

-- One lock order: expiry takes the subjects of each batch in subject_id order, skipping busy ones.
CREATE OR REPLACE FUNCTION credit_gz.run_expiry(as_of timestamptz DEFAULT pg_catalog.now(), batch_size integer DEFAULT 10000,
                                     max_rows integer DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d date := credit_gz.policy_date(as_of);
    n_records bigint := 0;
    n_entries bigint := 0;
    n_derived bigint := 0;
    n_escalated bigint := 0;
    n_repair bigint := 0;
    n_objection bigint := 0;
    n_tasks bigint := 0;
    n_busy bigint := 0;
    shields jsonb;
    lifted jsonb;
    k bigint;
    root bigint;
    lt record;
    due_entry record;
    -- how long a step may wait for a subject it does not hold; below deadlock_timeout's default (1 s), so the run
    -- gives up before a transaction it blocks is chosen as a deadlock victim
    busy_wait constant text := '100ms';
    prior_lock_timeout text;
    step record;
    room bigint := COALESCE(max_rows, 9223372036854775807);
    seen bigint;
    last_until date := '-infinity';
    last_id bigint := 0;
    summary jsonb;
    started timestamptz := pg_catalog.clock_timestamp();
    failed_state text;
    failed_message text;
    failed_detail text;
BEGIN
    IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) OR batch_size IS NULL OR batch_size < 1 OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = credit_gz.msg('run_expiry needs a finite time and a positive batch size'),
            DETAIL = credit_gz.msg('as_of is %s, batch_size %s, max_rows %s.', coalesce(as_of::text, 'NULL'),
                                   coalesce(batch_size::text, 'NULL'), coalesce(max_rows::text, 'NULL')),
            HINT = credit_gz.msg('Call credit_gz.run_expiry() or run_expiry(now(), 10000).');
    END IF;
    -- One run at a time; a concurrent call returns at once and changes nothing.
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('run_expiry')) THEN
        summary := pg_catalog.jsonb_build_object('as_of', d, 'skipped', 'another run_expiry is in progress');
        PERFORM credit_gz.job_run_record('run_expiry', d, started, summary);
        RETURN summary;
    END IF;

    BEGIN

    -- 1. Records past their maximum publicity period (publish_until is the first day no longer published):
    --    publication stops, kept archived for authorities (《广州市公共信用信息管理规定》).
    --    (A record under objection waits: its prior status returns when the objection ends, then it expires.)
    --    max_rows caps the records and entries changed by this call (each touched subject holds a scoring lock until
    --    commit); run_expiry_in_batches commits between capped calls.
    --    One lock order: the scoring and audit triggers of each expired row lock its subject, and the rows come in
    --    date order; so the batch first takes its subjects itself, in subject_id order as every other path does,
    --    skipping a subject another transaction holds (its records wait for the next run, like a locked record).
    --    The batches walk the due rows by (publish_until, record_id), so rows left behind are not met again.
    WHILE room > 0 LOOP
        WITH due AS MATERIALIZED (
            SELECT r.subject_id, r.record_id, r.publish_until FROM credit_gz.record r
            WHERE r.status = 'in_publicity' AND r.publish_until <= d
              AND r.publish_until >= last_until AND (r.publish_until, r.record_id) > (last_until, last_id)
            ORDER BY r.publish_until, r.record_id LIMIT LEAST(batch_size, room)
            FOR NO KEY UPDATE OF r SKIP LOCKED
        ), mine AS MATERIALIZED (
            SELECT s.subject_id FROM credit_gz.subject s
            WHERE s.subject_id IN (SELECT due.subject_id FROM due)
            ORDER BY s.subject_id
            FOR NO KEY UPDATE OF s SKIP LOCKED
        ), upd AS (
            UPDATE credit_gz.record r SET status = 'expired', disclosure = 'archived'
            FROM due JOIN mine USING (subject_id)
            WHERE r.subject_id = due.subject_id AND r.record_id = due.record_id
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM due), (SELECT count(*) FROM upd), l.publish_until, l.record_id
          INTO seen, k, last_until, last_id
          FROM (SELECT 1) one
          LEFT JOIN LATERAL (SELECT due.publish_until, due.record_id FROM due
                              ORDER BY due.publish_until DESC, due.record_id DESC LIMIT 1) l ON true;
        n_records := n_records + k;
        room := room - k;
        EXIT WHEN seen < LEAST(batch_size, room + k);
    END LOOP;

    -- 2. List entries past their term (effective_until is the first day no longer in force); derived entries
    --    follow their source through the lists triggers.
    --    An entry's end also lifts the entries derived from it, of other subjects: the batch takes the subjects of
    --    its entries and of their active derived entries in subject_id order, and an entry any of whose subjects is
    --    busy waits for the next run.
    last_until := '-infinity';
    last_id := 0;
    WHILE room > 0 LOOP
        WITH due AS MATERIALIZED (
            SELECT e.subject_id, e.entry_id, e.effective_until FROM credit_gz.list_entry e
            WHERE e.status = 'active' AND e.effective_until <= d AND e.derived_from_entry_id IS NULL
              AND e.effective_until >= last_until AND (e.effective_until, e.entry_id) > (last_until, last_id)
            ORDER BY e.effective_until, e.entry_id LIMIT LEAST(batch_size, room)
            FOR NO KEY UPDATE OF e SKIP LOCKED
        ), touched AS MATERIALIZED (
            SELECT due.entry_id, due.subject_id FROM due
            UNION
            SELECT x.root_entry_id, x.subject_id FROM credit_gz.list_entry x
            WHERE x.root_entry_id IN (SELECT due.entry_id FROM due) AND x.status = 'active'
        ), mine AS MATERIALIZED (
            SELECT s.subject_id FROM credit_gz.subject s
            WHERE s.subject_id IN (SELECT touched.subject_id FROM touched)
            ORDER BY s.subject_id
            FOR NO KEY UPDATE OF s SKIP LOCKED
        ), upd AS (
            UPDATE credit_gz.list_entry e SET status = 'expired', status_changed_on = d, status_reason = 'term ended (期满)'
            FROM due
            WHERE e.subject_id = due.subject_id AND e.entry_id = due.entry_id
              AND NOT EXISTS (SELECT FROM touched t
                              WHERE t.entry_id = due.entry_id
                                AND t.subject_id NOT IN (SELECT mine.subject_id FROM mine))
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM due), (SELECT count(*) FROM upd), l.effective_until, l.entry_id
          INTO seen, k, last_until, last_id
          FROM (SELECT 1) one
          LEFT JOIN LATERAL (SELECT due.effective_until, due.entry_id FROM due
                              ORDER BY due.effective_until DESC, due.entry_id DESC LIMIT 1) l ON true;
        n_entries := n_entries + k;
        room := room - k;
        EXIT WHEN seen < LEAST(batch_size, room + k);
    END LOOP;
    -- Derived entries whose own term ended (the relation they came through ended): recompute their trees as of
    -- the run's day, so that a relation ending before as_of lifts its entry whatever the date of the server.
    -- This step and the next take subjects the run does not hold yet (a tree's subjects, those an escalated entry
    -- propagates to), while it holds the subjects of its batches: waiting for one could close a cycle with a
    -- transaction that holds it and waits for one of the run's. Each tree and each escalation is tried on its own
    -- and, when a subject stays busy for a moment, rolled back and left for the next run (left_busy).
    prior_lock_timeout := pg_catalog.current_setting('lock_timeout');
    PERFORM pg_catalog.set_config('lock_timeout', busy_wait, true);
    FOR root IN
        SELECT DISTINCT e.root_entry_id FROM credit_gz.list_entry e
        WHERE e.status = 'active' AND e.root_entry_id IS NOT NULL AND e.effective_until <= d
          -- a root due itself was left busy by the batches above: its tree ends with it, in a later run
          AND NOT EXISTS (SELECT FROM credit_gz.list_entry r
                          WHERE r.entry_id = e.root_entry_id AND r.status = 'active' AND r.effective_until <= d)
        ORDER BY 1
    LOOP
        BEGIN
            n_derived := n_derived + credit_gz.repropagate_entry(root, d);
        EXCEPTION WHEN lock_not_available THEN
            n_busy := n_busy + 1;
        END;
    END LOOP;

    -- 3. Escalation by the list types' own rules (经营异常名录 unresolved 3 years → 严重违法失信名单): an entry
    --    escalates on add_months(listed on, escalate_after_months) (doc/repair.md, month ends); the entries due are
    --    those listed on or before add_months_inverse(d, …), an index range of list_entry_escalation_due_idx.
    FOR lt IN SELECT t.code, t.escalate_to_code, t.escalate_after_months,
                     credit_gz.add_months_inverse(d, t.escalate_after_months) AS listed_by
              FROM credit_gz.list_type t WHERE t.escalate_to_code IS NOT NULL ORDER BY t.code
    LOOP
        FOR due_entry IN
            SELECT e.subject_id, e.entry_id FROM credit_gz.list_entry e
            WHERE e.list_type_code = lt.code AND e.status = 'active' AND e.derived_from_entry_id IS NULL
              AND e.effective_from <= lt.listed_by
              AND NOT EXISTS (SELECT FROM credit_gz.list_entry x WHERE x.escalated_from_entry_id = e.entry_id)
            ORDER BY e.entry_id
        LOOP
            BEGIN
                INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document,
                                                  effective_from, record_id, escalated_from_entry_id)
                SELECT e.subject_id, lt.escalate_to_code, e.department_code,
                       pg_catalog.format('经营异常满%s个月未纠正，由列入记录 %s 升级 (%s)', lt.escalate_after_months,
                                         e.entry_id, e.basis_document),
                       d, e.record_id, e.entry_id
                FROM credit_gz.list_entry e
                WHERE e.subject_id = due_entry.subject_id AND e.entry_id = due_entry.entry_id;
                n_escalated := n_escalated + 1;
            EXCEPTION WHEN lock_not_available THEN
                n_busy := n_busy + 1;
            END;
        END LOOP;
    END LOOP;
    PERFORM pg_catalog.set_config('lock_timeout', prior_lock_timeout, true);

    -- 4. Overdue repair applications and objections: flagged once per step. Each step is (table, key, status,
    -- due column, flag column); the statement is the same for all, and each uses its partial index on the due date.
    FOR step IN SELECT * FROM (VALUES
            ('repair_application', 'application_id', 'submitted',      'accept_due',   'accept_overdue_at'),
            ('repair_application', 'application_id', 'accepted',       'decide_due',   'decide_overdue_at'),
            ('objection',          'objection_id',   'submitted',      'accept_due',   'accept_overdue_at'),
            ('objection',          'objection_id',   'accepted',       'platform_due', 'platform_overdue_at'),
            ('objection',          'objection_id',   'provider_check', 'provider_due', 'provider_overdue_at'))
            AS v(tab, key, status, due, flag) LOOP
        EXECUTE pg_catalog.format(
            'WITH due AS (SELECT t.%2$I FROM credit_gz.%1$I t'
            '              WHERE t.status OPERATOR(pg_catalog.=) %3$L AND t.%5$I IS NULL'
            '                AND t.%4$I OPERATOR(pg_catalog.<) $1'
            '              FOR UPDATE SKIP LOCKED)'
            ' UPDATE credit_gz.%1$I t SET %5$I = $2 FROM due'
            '  WHERE t.%2$I OPERATOR(pg_catalog.=) due.%2$I',
            step.tab, step.key, step.status, step.due, step.flag) USING d, as_of;
        GET DIAGNOSTICS k = ROW_COUNT;
        IF step.tab = 'objection' THEN n_objection := n_objection + k; ELSE n_repair := n_repair + k; END IF;
    END LOOP;

    -- 5. 谁认定、谁约谈 (二(三)): an interview task for the determining department of every direct entry and every
    --    dishonesty case whose rectification deadline passed; one task per deadline (the lists' unique indexes).
    n_tasks := n_tasks + credit_gz.create_overdue_interview_tasks(10, d);

    -- 6. Restructuring shields whose period is over (国办发〔2025〕22号): restored, or ended with the shielded records;
    -- 7. measures tied to ended records whose end-state rule lifts them after the record ended (a lag). Both take
    --    subjects the run may not hold yet, so under the same short lock_timeout a busy one waits for the next run.
    PERFORM pg_catalog.set_config('lock_timeout', busy_wait, true);
    shields := credit_gz.run_restructuring_shields(d);
    lifted := credit_gz.lift_ended_measures(d);
    PERFORM pg_catalog.set_config('lock_timeout', prior_lock_timeout, true);
    n_busy := n_busy + (shields ->> 'left_busy')::bigint + (lifted ->> 'left_busy')::bigint;

    summary := pg_catalog.jsonb_build_object(
        'as_of', d,
        'more_due', room <= 0,
        'records_expired', n_records,
        'entries_expired', n_entries,
        'derived_entries_recomputed', n_derived,
        'entries_escalated', n_escalated,
        'left_busy', n_busy,
        'repair_applications_overdue', n_repair,
        'objections_overdue', n_objection,
        'interview_tasks_created', n_tasks,
        'shields_restored', (shields ->> 'shields_restored')::bigint,
        'shields_ended', (shields ->> 'shields_ended')::bigint,
        'shielded_records_ended', (shields ->> 'records_ended')::bigint,
        'measures_lifted', (lifted ->> 'measures_lifted')::bigint);
    EXCEPTION WHEN OTHERS THEN
        -- the work above is rolled back with this block's subtransaction; the failure is logged in the caller's
        -- transaction, so it stays when that commits (pg_cron's does)
        GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT,
                                failed_detail = PG_EXCEPTION_DETAIL;
    END;
    IF failed_state IS NOT NULL THEN
        PERFORM credit_gz.job_run_record('run_expiry', d, started, NULL, failed_state,
                                         concat_ws(E'\n', failed_message, failed_detail));
        RAISE WARNING USING MESSAGE = credit_gz.msg('run_expiry failed (SQLSTATE %s): %s', failed_state, failed_message),
            DETAIL = coalesce(failed_detail, ''), HINT = credit_gz.msg('The failure is logged in credit_gz.job_run.');
        RETURN pg_catalog.jsonb_build_object('as_of', d, 'failed', failed_message, 'sqlstate', failed_state);
    END IF;
    PERFORM credit_gz.job_run_record('run_expiry', d, started, summary);
    RETURN summary;
END $$;
COMMENT ON FUNCTION credit_gz.run_expiry(timestamptz, integer, integer) IS
    '到期处理 / the daily job: records past publish_until → expired and archived; list entries past their term → expired; '
    'entries unresolved for their type''s escalation period (经营异常名录 3 years) → escalated; overdue repair '
    'applications and objections flagged; interview tasks for overdue rectification (谁认定、谁约谈); restructuring '
    'shields past their period restored or ended; measures lifted that an end-state rule lifts after the record ended. '
    'Scores follow through the triggers. Its day is policy_date(as_of), passed to everything it calls, so the same as_of does the '
    'same work whatever the server''s date. Idempotent; advisory lock job_lock_key(''run_expiry'') — a concurrent '
    'call returns {"skipped": …}; batches of batch_size with FOR UPDATE SKIP LOCKED; cost proportional to '
    'the due rows. '
    'max_rows caps the records and entries changed (more_due tells whether the cap was reached). Returns the counts '
    'as jsonb.';
CREATE OR REPLACE PROCEDURE credit_gz.run_expiry_in_batches(as_of timestamptz DEFAULT pg_catalog.now(),
                                                  rows_per_transaction integer DEFAULT 2000, INOUT result jsonb DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
    key text;
    started timestamptz := pg_catalog.clock_timestamp();
BEGIN
    -- Each scoring-trigger call holds its subject's row lock until commit; committing every
    -- rows_per_transaction rows keeps a large day (1% of the archive) in transactions of bounded size.
    -- (No SET search_path here: a procedure with SET cannot COMMIT; every name below is schema-qualified.)
    IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) OR rows_per_transaction IS NULL OR rows_per_transaction < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = credit_gz.msg('run_expiry_in_batches needs a finite time and a positive number of rows per transaction'),
            DETAIL = credit_gz.msg('as_of is %s, rows_per_transaction %s.', coalesce(as_of::text, 'NULL'),
                                   coalesce(rows_per_transaction::text, 'NULL')),
            HINT = credit_gz.msg('CALL credit_gz.run_expiry_in_batches() or run_expiry_in_batches(now(), 2000).');
    END IF;
    result := '{}'::jsonb;
    LOOP
        r := credit_gz.run_expiry(as_of, LEAST(rows_per_transaction, 10000), rows_per_transaction);
        IF r ? 'skipped' OR r ? 'failed' THEN
            result := result || r;
            EXIT;
        END IF;
        FOR key IN SELECT pg_catalog.jsonb_object_keys(r) LOOP
            IF pg_catalog.jsonb_typeof(r -> key) = 'number' THEN
                result := pg_catalog.jsonb_set(result, ARRAY[key],
                    pg_catalog.to_jsonb(COALESCE((result ->> key)::bigint, 0) + (r ->> key)::bigint));
            END IF;
        END LOOP;
        result := result || pg_catalog.jsonb_build_object('as_of', r -> 'as_of');
        COMMIT;
        EXIT WHEN NOT (r ->> 'more_due')::boolean;
    END LOOP;
    -- the batches' own runs are logged by run_expiry (each committed with its batch); this row sums them
    IF result ? 'failed' THEN
        PERFORM credit_gz.job_run_record('run_expiry_in_batches', credit_gz.policy_date(as_of), started, NULL, result ->> 'sqlstate',
                                         result ->> 'failed');
    ELSE
        PERFORM credit_gz.job_run_record('run_expiry_in_batches', credit_gz.policy_date(as_of), started, result);
    END IF;
END $$;

-- Two repairs of one record: the submission locks the record as the approval does.
CREATE OR REPLACE FUNCTION credit_gz.repair_application_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    el record;
    day date := credit_gz.policy_date();
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('a repair application starts as submitted, not %s', NEW.status),
            HINT = credit_gz.msg('Insert with the default status and use repair_accept/repair_approve.');
    END IF;
    NEW.submitted_at := pg_catalog.now();    -- deadlines run from the real submission day
    NEW.accepted_at := NULL; NEW.decided_at := NULL; NEW.decide_due := NULL;
    NEW.accept_overdue_at := NULL; NEW.decide_overdue_at := NULL;
    -- The record (entry) is locked as the approval locks it, FOR NO KEY UPDATE before any application row: two
    -- repairs of one record queue there, and the second then meets the first's application (23505) or the record
    -- it repaired (CG611), never a deadlock (a share lock here would let both hold it and wait for each other).
    IF NEW.record_id IS NOT NULL THEN
        SELECT r.subject_id, r.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.record r WHERE r.record_id = NEW.record_id FOR NO KEY UPDATE;
        SELECT * INTO el FROM credit_gz.record_repair_eligibility(NEW.record_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(credit_gz.repair_target(NEW.subject_id, NEW.record_id, NULL),
                                                      el.reasons, el.eligible_from);
        END IF;
    ELSIF NEW.entry_id IS NOT NULL THEN
        SELECT e.subject_id, e.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.list_entry e WHERE e.entry_id = NEW.entry_id FOR NO KEY UPDATE;
        SELECT * INTO el FROM credit_gz.entry_repair_eligibility(NEW.entry_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(credit_gz.repair_target(NEW.subject_id, NULL, NEW.entry_id),
                                                      el.reasons, el.eligible_from);
        END IF;
    END IF;
    NEW.channel := credit_gz.repair_channel(NEW.subject_id, day);
    NEW.extended_on := NULL; NEW.extension_reason := NULL;
    IF NEW.source_platform IS NULL THEN
        NEW.accept_due := credit_gz.deadline('repair', 'acceptance', NEW.channel, day);
        NEW.reply_due := NULL;
    ELSE
        -- 国办发〔2025〕22号: received through 信用中国 (one window): the determining department decides within the
        -- department_decision rule, the platform answers the applicant within the platform_reply rule, both from receipt.
        IF NULLIF(pg_catalog.btrim(NEW.source_application_no), '') IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = credit_gz.msg('a repair application received through %s needs the platform''s application number',
                                        NEW.source_platform),
                HINT = credit_gz.msg('Give source_application_no as the platform numbered it.');
        END IF;
        IF NEW.received_on > day THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = credit_gz.msg('repair application %s of %s cannot be received on %s, after the policy date %s',
                                        NEW.source_application_no, NEW.source_platform,
                                        pg_catalog.to_char(NEW.received_on, 'YYYY-MM-DD'), pg_catalog.to_char(day, 'YYYY-MM-DD')),
                HINT = credit_gz.msg('Give the day the platform received the application.');
        END IF;
        NEW.accept_due := credit_gz.deadline('repair', 'department_decision', NEW.channel, NEW.received_on);
        NEW.reply_due := credit_gz.deadline('repair', 'platform_reply', NEW.channel, NEW.received_on);
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION credit_gz.repair_application_transition() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    el record;
    now_ts timestamptz := pg_catalog.now();
    day date := credit_gz.policy_date();
    ext_days integer;
    running_due date;
BEGIN
    IF (NEW.subject_id, NEW.record_id, NEW.entry_id, NEW.department_code, NEW.channel, NEW.submitted_at,
        NEW.source_platform, NEW.source_application_no, NEW.received_on, NEW.query_code)
       IS DISTINCT FROM
       (OLD.subject_id, OLD.record_id, OLD.entry_id, OLD.department_code, OLD.channel, OLD.submitted_at,
        OLD.source_platform, OLD.source_application_no, OLD.received_on, OLD.query_code)
       OR ((NEW.accept_due, NEW.reply_due) IS DISTINCT FROM (OLD.accept_due, OLD.reply_due)
           AND (NEW.extended_on, NEW.extension_reason) IS NOT DISTINCT FROM (OLD.extended_on, OLD.extension_reason)) THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('the subject, target, department, channel, origin and deadlines of the repair application for %s cannot change',
                                    credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id)),
            HINT = credit_gz.msg('Submit a new application instead; extend deadlines with repair_extend.');
    END IF;
    IF (NEW.extended_on, NEW.extension_reason) IS DISTINCT FROM (OLD.extended_on, OLD.extension_reason) THEN
        -- 复杂情形延期 (国办发〔2025〕22号): once, before the running deadline has passed, with a reason; every running
        -- deadline moves by the extension rule in force on the day.
        IF NEW.status <> OLD.status OR OLD.status NOT IN ('submitted', 'accepted') THEN
            RAISE EXCEPTION USING ERRCODE = 'CG613',
                MESSAGE = credit_gz.msg('only an open repair application can be extended, and not in the same step as a decision'),
                DETAIL = credit_gz.msg('The repair application for %s is %s.', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id), OLD.status),
                HINT = credit_gz.msg('Extend with repair_extend while the application is submitted or accepted.');
        END IF;
        IF OLD.extended_on IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'CG613',
                MESSAGE = credit_gz.msg('the repair application for %s was already extended on %s', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id),
                                        pg_catalog.to_char(OLD.extended_on, 'YYYY-MM-DD')),
                HINT = credit_gz.msg('A case is extended once.');
        END IF;
        IF NULLIF(pg_catalog.btrim(NEW.extension_reason), '') IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = credit_gz.msg('extending the repair application for %s needs a reason', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id)),
                HINT = credit_gz.msg('Say why the case is complex in extension_reason.');
        END IF;
        running_due := CASE WHEN OLD.status = 'submitted' THEN OLD.accept_due ELSE OLD.decide_due END;
        IF day > running_due THEN
            RAISE EXCEPTION USING ERRCODE = 'CG613',
                MESSAGE = credit_gz.msg('the deadline of the repair application for %s passed on %s: it can no longer be extended',
                                        credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id), pg_catalog.to_char(running_due, 'YYYY-MM-DD')),
                HINT = credit_gz.msg('Decide the application; the decision is reported as late.');
        END IF;
        ext_days := credit_gz.deadline_working_days('repair', 'extension', OLD.channel, day);
        NEW.extended_on := day;
        NEW.accept_due := CASE WHEN OLD.status = 'submitted' THEN credit_gz.add_working_days(OLD.accept_due, ext_days)
                               ELSE OLD.accept_due END;
        NEW.decide_due := CASE WHEN OLD.status = 'accepted' THEN credit_gz.add_working_days(OLD.decide_due, ext_days) END;
        NEW.reply_due := credit_gz.add_working_days(OLD.reply_due, ext_days);
        NEW.accepted_at := OLD.accepted_at; NEW.decided_at := OLD.decided_at;
        NEW.decision_reason := OLD.decision_reason; NEW.decided_by := current_user;
        RETURN NEW;
    END IF;
    IF NEW.status = OLD.status THEN
        -- Same state: only the expiry job's overdue flags and the statement may change.
        IF (NEW.accepted_at, NEW.decided_at, NEW.decide_due, NEW.decision_reason, NEW.decided_by)
           IS DISTINCT FROM (OLD.accepted_at, OLD.decided_at, OLD.decide_due, OLD.decision_reason, OLD.decided_by) THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = credit_gz.msg('decisions on the repair application for %s are recorded by changing its status', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id)),
                HINT = credit_gz.msg('Use repair_accept, repair_refuse, repair_approve or repair_reject.');
        END IF;
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'submitted' AND NEW.status IN ('accepted', 'refused'))
            OR (OLD.status = 'accepted' AND NEW.status IN ('approved', 'rejected'))) THEN
        RAISE EXCEPTION USING ERRCODE = 'CG612',
            MESSAGE = credit_gz.msg('the repair application for %s cannot go from %s to %s', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id), OLD.status, NEW.status),
            DETAIL = credit_gz.msg('An application is submitted, then accepted or refused, then (if accepted) approved or rejected.'),
            HINT = credit_gz.msg('Submit a new application to start again.');
    END IF;
    IF NEW.status IN ('refused', 'rejected') AND NULLIF(pg_catalog.btrim(NEW.decision_reason), '') IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = CASE WHEN NEW.status = 'refused'
                           THEN credit_gz.msg('refusing the repair application for %s needs a reason',
                                              credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id))
                           ELSE credit_gz.msg('rejecting the repair application for %s needs a reason',
                                              credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id)) END,
            HINT = credit_gz.msg('Give the reason in decision_reason.');
    END IF;
    NEW.decided_by := current_user;
    IF NEW.status = 'accepted' THEN
        NEW.accepted_at := now_ts;
        -- Received through a platform: the department's decision deadline runs from receipt (accept_due, extended
        -- where the case was extended); otherwise the decision rule of the handling department runs from acceptance.
        NEW.decide_due := CASE WHEN OLD.source_platform IS NOT NULL THEN OLD.accept_due
                               ELSE credit_gz.deadline('repair', 'decision', OLD.channel, day, OLD.department_code) END;
        NEW.decided_at := NULL;
    ELSE
        NEW.accepted_at := OLD.accepted_at;
        NEW.decide_due := OLD.decide_due;
        NEW.decided_at := now_ts;
    END IF;
    IF NEW.status = 'approved' THEN
        -- Conditions must still hold on the day of approval (a commitment may have been broken meanwhile).
        IF OLD.record_id IS NOT NULL THEN
            PERFORM 1 FROM credit_gz.record WHERE subject_id = OLD.subject_id AND record_id = OLD.record_id
                FOR NO KEY UPDATE;
            SELECT * INTO el FROM credit_gz.record_repair_eligibility(OLD.record_id, day, OLD.obligations_performed_on);
        ELSE
            PERFORM 1 FROM credit_gz.list_entry WHERE subject_id = OLD.subject_id AND entry_id = OLD.entry_id
                FOR NO KEY UPDATE;
            SELECT * INTO el FROM credit_gz.entry_repair_eligibility(OLD.entry_id, day, OLD.obligations_performed_on);
        END IF;
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(
                credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id), el.reasons, el.eligible_from);
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- Bounded arguments: a decision on a finite day since 1949-10-01; code quality of a named table and column.
ALTER TABLE credit_gz.record ADD CONSTRAINT record_decision_since_1949 CHECK (decision_date >= DATE '1949-10-01');
CREATE OR REPLACE FUNCTION credit_gz.code_quality_issues(source regclass, code_column name, name_column name DEFAULT NULL)
RETURNS TABLE (code text, problem text, reason text, names text[], occurrences bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF source IS NULL OR code_column IS NULL THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('code quality needs a table and its code column'),
              ERRCODE = '22023',
                  DETAIL = credit_gz.msg('source is %s, code_column is %s.',
                                             coalesce(source::text, 'NULL'), coalesce(code_column::text, 'NULL')),
                  HINT = credit_gz.msg('Call code_quality_issues(''staging.enterprises'', ''code'', ''name'').');
    END IF;
    RETURN QUERY EXECUTE pg_catalog.format($q$
        WITH src AS (
            SELECT btrim(%1$I::text) AS raw, %2$s AS nm FROM %3$s WHERE %1$I IS NOT NULL AND btrim(%1$I::text) <> ''
        ), checked AS (
            SELECT raw, nm, credit_gz.uscc_explain(raw) AS why FROM src
        )
        SELECT raw, 'erroneous'::text, min(why), array_agg(DISTINCT nm) FILTER (WHERE nm IS NOT NULL), count(*)
          FROM checked WHERE why IS NOT NULL GROUP BY raw
        UNION ALL
        SELECT canon, 'duplicate'::text,
               pg_catalog.format('%%s rows carry this code under %%s different names', count(*), count(DISTINCT nm)),
               array_agg(DISTINCT nm), count(*)
          FROM (SELECT credit_gz.uscc(raw)::text AS canon, btrim(nm) AS nm FROM checked WHERE why IS NULL) v
         GROUP BY canon HAVING count(DISTINCT nm) > 1
         ORDER BY 2, 1 $q$,
        code_column,
        CASE WHEN name_column IS NULL THEN 'NULL::text' ELSE pg_catalog.quote_ident(name_column) || '::text' END,
        source);
END
$$;
-- code_quality also counts the unverified codes (a new result column: dropped and created again)
DROP FUNCTION credit_gz.code_quality(regclass, name, name);
CREATE FUNCTION credit_gz.code_quality(source regclass, code_column name, name_column name DEFAULT NULL)
RETURNS TABLE (distinct_codes bigint, erroneous bigint, duplicate bigint, error_rate numeric, target_rate numeric,
               meets_target boolean, unverified bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    total bigint;
BEGIN
    -- the issues first: code_quality_issues checks the arguments (22023) before any statement is built from them
    -- unverified: erroneous codes kept with a trailing ! (check characters wrong; in credit_gz.subject, the codes
    -- stored by a role allowed to keep them, credit_gz.grant_unverified_codes)
    SELECT count(*) FILTER (WHERE i.problem = 'erroneous'), count(*) FILTER (WHERE i.problem = 'duplicate'),
           count(*) FILTER (WHERE i.problem = 'erroneous' AND i.code LIKE '%!')
      INTO erroneous, duplicate, unverified
      FROM credit_gz.code_quality_issues(source, code_column, name_column) i;
    EXECUTE pg_catalog.format('SELECT count(DISTINCT btrim(%1$I::text)) FROM %2$s WHERE %1$I IS NOT NULL AND btrim(%1$I::text) <> %3$L',
                              code_column, source, '')
       INTO total;
    distinct_codes := total;
    error_rate := CASE WHEN total > 0 THEN round((erroneous + duplicate)::numeric / total, 8) END;
    target_rate := credit_gz.policy_target_value('code_error_rate');
    meets_target := error_rate <= target_rate;
    RETURN NEXT;
END
$$;
COMMENT ON FUNCTION credit_gz.code_quality(regclass, name, name) IS
    '重错码率 / distinct codes, erroneous and duplicate codes, their rate ((erroneous + duplicate) / distinct codes) and '
    'whether it meets the target in credit_gz.policy_target (code_error_rate, 0.005% per (十五)); unverified: the '
    'erroneous codes kept with a trailing ! (wrong check characters; counted in erroneous too). '
    'Example: code_quality(''staging.enterprises'', ''code'', ''name''), code_quality(''credit_gz.subject'', ''uscc'', ''name'').';

-- ---------------------------------------------------------------------------------------------------------------
-- What outside the extension depends on it: credit_gz.dependent_objects() (read it before DROP EXTENSION).
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.dependent_objects()
RETURNS TABLE (object_type text, object_identity text, depends_on text, on_drop text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ext oid := (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'credit_gz');
    ext_schema oid := (SELECT e.extnamespace FROM pg_catalog.pg_extension e WHERE e.extname = 'credit_gz');
BEGIN
    RETURN QUERY
    WITH member AS (
        SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
         WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.refobjid = ext AND d.deptype = 'e'
    ), dependent AS (
        -- a view's rule stands for the view; a column's or a constraint's dependency for the column or constraint
        SELECT DISTINCT
               CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass THEN 'pg_catalog.pg_class'::regclass
                    ELSE d.classid END AS classid,
               CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass THEN r.ev_class ELSE d.objid END AS objid,
               CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass THEN 0 ELSE d.objsubid END AS objsubid,
               d.refclassid, d.refobjid, d.refobjsubid
          FROM pg_catalog.pg_depend d
          JOIN member m ON m.classid = d.refclassid AND m.objid = d.refobjid
          LEFT JOIN pg_catalog.pg_rewrite r
                 ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND r.oid = d.objid
         WHERE d.deptype IN ('n', 'a')
    )
    SELECT o.type, o.identity, pg_catalog.pg_describe_object(x.refclassid, x.refobjid, x.refobjsubid),
           CASE
               WHEN o.type = 'trigger' THEN 'dropped: the table stays, no longer checked'
               WHEN o.type = 'table column' THEN 'dropped with its data'
               WHEN o.type IN ('table constraint', 'domain constraint') THEN 'dropped: the rule it enforced is gone'
               ELSE 'dropped'
           END
      FROM dependent x
      CROSS JOIN LATERAL pg_catalog.pg_identify_object(x.classid, x.objid, x.objsubid) o
     WHERE NOT EXISTS (SELECT FROM member m WHERE m.classid = x.classid AND m.objid = x.objid)
       -- a part of an extension table (its policies, triggers, indexes, defaults) belongs to the extension too; an
       -- internal object (a foreign key's triggers) stands for its owner, listed itself
       AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend i
                        WHERE i.classid = x.classid AND i.objid = x.objid
                          AND (i.deptype IN ('i', 'e')
                               OR (i.deptype = 'a' AND EXISTS (SELECT FROM member m
                                                               WHERE m.classid = i.refclassid AND m.objid = i.refobjid))))
    UNION ALL
    -- objects of others created in the schema: DROP EXTENSION leaves the schema while they are in it
    SELECT o.type, o.identity, 'schema ' || pg_catalog.quote_ident(n.nspname),
           'stays (the schema stays while it holds them)'
      FROM pg_catalog.pg_depend d
      JOIN pg_catalog.pg_namespace n ON n.oid = d.refobjid
      CROSS JOIN LATERAL pg_catalog.pg_identify_object(d.classid, d.objid, d.objsubid) o
     WHERE d.refclassid = 'pg_catalog.pg_namespace'::regclass AND d.refobjid = ext_schema AND d.deptype = 'n'
       AND d.classid <> 'pg_catalog.pg_extension'::regclass
       AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                        WHERE e.classid = d.classid AND e.objid = d.objid AND e.deptype IN ('e', 'i', 'a'))
    UNION ALL
    -- databases' and roles' search_path naming the schema
    SELECT 'setting',
           pg_catalog.concat_ws(' ', CASE WHEN s.setdatabase <> 0 THEN 'database ' || pg_catalog.quote_ident(db.datname) END,
                                CASE WHEN s.setrole <> 0 THEN 'role ' || pg_catalog.quote_ident(ro.rolname) END)
               || ': ' || c.setting,
           'schema ' || pg_catalog.quote_ident(n.nspname),
           'stays, naming a schema that may be gone: ALTER ... RESET search_path'
      FROM pg_catalog.pg_db_role_setting s
      CROSS JOIN LATERAL pg_catalog.unnest(s.setconfig) c(setting)
      JOIN pg_catalog.pg_namespace n ON n.oid = ext_schema
      LEFT JOIN pg_catalog.pg_database db ON db.oid = s.setdatabase
      LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = s.setrole
     WHERE c.setting LIKE 'search\_path=%'
       AND pg_catalog.strpos(c.setting, n.nspname) > 0
       AND (s.setdatabase = 0 OR db.datname = pg_catalog.current_database());
    -- pg_cron's jobs (cron.job, when pg_cron is installed here) that call credit_gz: the caller sees the jobs
    -- pg_cron's row-level security shows it (all of them for a superuser)
    IF pg_catalog.to_regclass('cron.job') IS NOT NULL THEN
        RETURN QUERY EXECUTE
            'SELECT ''cron job''::text,
                    pg_catalog.concat(coalesce(j.jobname, ''unnamed''), '' (job '', j.jobid, ''): '', j.command),
                    ''schema credit_gz''::text, ''stays, and fails at its next run: SELECT cron.unschedule(...)''::text
               FROM cron.job j
              WHERE j.database = pg_catalog.current_database() AND j.command ~ ''credit_gz\.''
              ORDER BY j.jobid';
    END IF;
END
$$;
COMMENT ON FUNCTION credit_gz.dependent_objects() IS
    '依赖本扩展的外部对象 / what outside credit_gz depends on it, and what DROP EXTENSION credit_gz CASCADE does to '
    'each: enforce_precheck triggers on departments'' tables, columns of its types, views, foreign keys and functions '
    'are dropped; objects of others in the credit_gz schema, pg_cron jobs calling it and search_path settings naming '
    'it stay. Read it before dropping (doc/upgrading.md).';
REVOKE ALL ON FUNCTION credit_gz.dependent_objects() FROM PUBLIC;
-- 处罚类别 as data: credit_gz.penalty_category (行政处罚法 art. 9); record columns penalty_category, deciding_body_uscc
-- and source_body_uscc (处罚机关/许可机关 and 数据来源单位 by unified code); credit_gz.record_penalty_category(), which
-- the 双公示 check reads instead of details->>'penalty_type' (still read for records loaded without the column);
-- double_publicity_field gains the format's other fields (公示截止期, 处罚有效期, 处罚机关, 许可机关, 数据来源单位, 当前状态, 备注).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.penalty_category (
    code         text     NOT NULL PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    name_zh      text     NOT NULL UNIQUE CHECK (btrim(name_zh) = name_zh AND name_zh <> ''),
    name_en      text     NOT NULL,
    article_item smallint CHECK (article_item BETWEEN 1 AND 6),
    source       text     NOT NULL CHECK (btrim(source) <> ''),
    shipped      boolean  NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.penalty_category IS
    '处罚类别 / categories of administrative penalty (《中华人民共和国行政处罚法》第九条): the values of 处罚类别 in the '
    'national 双公示 penalty format; credit_gz.record.penalty_category cites one. Local rows (shipped = false) add '
    'categories a law or administrative regulation creates (第九条第(六)项).';
COMMENT ON COLUMN credit_gz.penalty_category.code IS '类别代码 / category code';
COMMENT ON COLUMN credit_gz.penalty_category.name_zh IS '类别名称 / category name as the law and the national format write it';
COMMENT ON COLUMN credit_gz.penalty_category.name_en IS '英文名称 / category name in English';
COMMENT ON COLUMN credit_gz.penalty_category.article_item IS '第九条项 / item (1–6) of 行政处罚法 art. 9 the category belongs to (NULL: not in the article)';
COMMENT ON COLUMN credit_gz.penalty_category.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.penalty_category.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';

INSERT INTO credit_gz.penalty_category (code, name_zh, name_en, article_item, source, shipped) VALUES
    ('warning', '警告', 'Warning', 1, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(一)项', true),
    ('criticism_notice', '通报批评', 'Circulated notice of criticism', 1, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(一)项', true),
    ('fine', '罚款', 'Fine', 2, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(二)项', true),
    ('confiscation_of_gains', '没收违法所得', 'Confiscation of illegal gains', 2, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(二)项', true),
    ('confiscation_of_property', '没收非法财物', 'Confiscation of illegal property', 2, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(二)项', true),
    ('licence_suspension', '暂扣许可证件', 'Suspension of a licence', 3, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(三)项', true),
    ('qualification_downgrade', '降低资质等级', 'Downgrading of a qualification', 3, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(三)项', true),
    ('licence_revocation', '吊销许可证件', 'Revocation of a licence', 3, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(三)项', true),
    ('business_restriction', '限制开展生产经营活动', 'Restriction of production and business activities', 4, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(四)项', true),
    ('business_suspension', '责令停产停业', 'Order to suspend production or business', 4, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(四)项', true),
    ('closure', '责令关闭', 'Order to close', 4, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(四)项', true),
    ('practice_restriction', '限制从业', 'Restriction of practice', 4, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(四)项', true),
    ('administrative_detention', '行政拘留', 'Administrative detention', 5, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(五)项', true),
    ('other', '其他', 'Other penalty set by law or administrative regulation', 6, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(六)项', true);

SELECT pg_catalog.pg_extension_config_dump('credit_gz.penalty_category', 'WHERE NOT shipped');

ALTER TABLE credit_gz.record
    ADD COLUMN penalty_category text   REFERENCES credit_gz.penalty_category (code) ON UPDATE CASCADE,
    ADD COLUMN deciding_body_uscc credit_gz.uscc,
    ADD COLUMN source_body_uscc credit_gz.uscc;
COMMENT ON COLUMN credit_gz.record.penalty_category IS
    '处罚类别 / category of the penalty (行政处罚法 art. 9, credit_gz.penalty_category); NULL for other items and for '
    'penalties loaded without it (credit_gz.record_penalty_category() then reads details->>''penalty_type'')';
COMMENT ON COLUMN credit_gz.record.deciding_body_uscc IS
    '处罚机关/许可机关统一社会信用代码 / unified code of the body that decided (the national format''s 处罚机关 or 许可机关, '
    'which may be an office of the department); its name is details->>''deciding_body''';
COMMENT ON COLUMN credit_gz.record.source_body_uscc IS
    '数据来源单位统一社会信用代码 / unified code of the body that supplied the data (数据来源单位); its name is '
    'details->>''source_body''';

-- record_penalty_category: the 处罚类别 of a penalty record, the one reading rules and reports use: the column, or
-- for a record loaded before the column existed the first category its details->>'penalty_type' names (the text the
-- national format sends, several categories separated by 、，; or /).
CREATE FUNCTION credit_gz.record_penalty_category(penalty_category text, details jsonb)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce(penalty_category,
                (SELECT c.code FROM credit_gz.penalty_category c
                  WHERE c.name_zh OPERATOR(pg_catalog.=) pg_catalog.btrim(pg_catalog.split_part(
                            pg_catalog.translate(pg_catalog.btrim(details OPERATOR(pg_catalog.->>) 'penalty_type'),
                                                 '、，,；;/', '||||||'), '|', 1))));
COMMENT ON FUNCTION credit_gz.record_penalty_category(text, jsonb) IS
    '记录的处罚类别 / the penalty category (credit_gz.penalty_category.code) of a record: record.penalty_category, else '
    'the first category named by details->>''penalty_type'' (records loaded without the column); NULL if neither. '
    'Call it as record_penalty_category(r.penalty_category, r.details).';

DELETE FROM credit_gz.double_publicity_field WHERE kind = 'penalty' AND field = 'penalty_type' AND shipped;
INSERT INTO credit_gz.double_publicity_field (kind, field, name_zh, required, shipped) VALUES
    ('licence', 'deciding_body', '许可机关', false, true),
    ('licence', 'source_body', '数据来源单位', false, true),
    ('licence', 'licence_status', '当前状态', false, true),
    ('licence', 'remarks', '备注', false, true),
    ('penalty', 'penalty_valid_to', '处罚有效期', false, true),
    ('penalty', 'publicity_deadline', '公示截止期', false, true),
    ('penalty', 'deciding_body', '处罚机关', false, true),
    ('penalty', 'source_body', '数据来源单位', false, true),
    ('penalty', 'remarks', '备注', false, true);
COMMENT ON TABLE credit_gz.double_publicity_field IS
    '双公示数据项 / fields of administrative licence and penalty information that the 双公示 data standard requires '
    'beyond the record''s own columns; they are keys of credit_gz.record.details, kept as the department sent them. '
    'Subject name and code, legal representative (organisations), document number, decision date, deciding department '
    'and, for penalties, 处罚类别 (record.penalty_category) and end of publicity (publish_until) are checked from the '
    'columns; the unified codes of 处罚机关/许可机关 and 数据来源单位 are columns too (deciding_body_uscc, source_body_uscc).';

CREATE OR REPLACE FUNCTION credit_gz.double_publicity_issues(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
RETURNS TABLE (record_id bigint, department_code text, kind text, document_no text, missing text[])
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT r.record_id, r.department_code, i.double_publicity, r.document_no,
           pg_catalog.array_remove(ARRAY[
               CASE WHEN s.name IS NULL OR btrim(s.name) = '' THEN 'subject_name' END,
               CASE WHEN num_nonnulls(s.uscc, s.resident_id, s.identity_document_no) = 0 THEN 'subject_code' END,
               CASE WHEN s.uscc IS NOT NULL AND NOT EXISTS (
                        SELECT FROM credit_gz.relation l
                         WHERE l.subject_id = r.subject_id AND l.kind = 'legal_representative'
                           AND credit_gz.in_force(l.valid_from, l.valid_until, r.decision_date))
                    THEN 'legal_representative' END,
               CASE WHEN i.double_publicity = 'penalty'
                         AND credit_gz.record_penalty_category(r.penalty_category, r.details) IS NULL
                    THEN 'penalty_category' END,
               CASE WHEN i.double_publicity = 'penalty' AND r.publish_until IS NULL THEN 'publish_until' END
           ]::text[] || ARRAY(
               SELECT f.field FROM credit_gz.double_publicity_field f
                WHERE f.kind = i.double_publicity AND f.required
                  AND coalesce(btrim(r.details ->> f.field), '') = ''
                ORDER BY f.field), NULL)
      FROM credit_gz.record r
      JOIN credit_gz.info_item i ON i.code = r.item_code AND i.double_publicity IS NOT NULL
      JOIN credit_gz.subject s ON s.subject_id = r.subject_id
     WHERE ($1 IS NULL OR r.decision_date >= $1) AND ($2 IS NULL OR r.decision_date <= $2)
       AND r.status <> 'revoked'
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Department intake in the national 双公示 penalty format (src/intake.sql): mappings as data, the staged file, rejects
-- and credit_gz.intake_penalties(), the receipt.
-- ---------------------------------------------------------------------------------------------------------------
-- 数据归集 / department intake in the national 双公示 penalty format: a department COPYs its file (header row, UTF-8
-- or GB18030) into credit_gz.penalty_intake under a batch name and calls credit_gz.intake_penalties(); each line is
-- loaded or rejected on its own (its subject and record together or not at all) and the call returns the receipt
-- (数据归集回执). The mappings the format leaves open (行政相对人类别 → subject kind, 违法行为类型 → catalogue item,
-- 处罚类别 and fine → 失信程度) are data with effective dates and department overrides. User documentation:
-- doc/intake.md.

-- ---------------------------------------------------------------------------------------------------------------------
-- Mappings
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.intake_subject_kind (
    name_zh      text    NOT NULL PRIMARY KEY CHECK (btrim(name_zh) = name_zh AND name_zh <> ''),
    subject_kind text    NOT NULL CHECK (subject_kind IN ('enterprise', 'individual_business', 'farmer_cooperative',
                                                          'government_agency', 'public_institution', 'social_organization',
                                                          'legal_service_organization', 'other_organization', 'natural_person')),
    source       text    NOT NULL CHECK (btrim(source) <> ''),
    shipped      boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.intake_subject_kind IS
    '行政相对人类别映射 / the subject kind (credit_gz.subject.kind) a 行政相对人类别 of the national format gives a subject '
    'created from the file; a category with no row is rejected (CG801).';
COMMENT ON COLUMN credit_gz.intake_subject_kind.name_zh IS '行政相对人类别 / the category as the file writes it';
COMMENT ON COLUMN credit_gz.intake_subject_kind.subject_kind IS '主体类别 / kind of the subject created (natural_person: found by identity document)';
COMMENT ON COLUMN credit_gz.intake_subject_kind.source IS '依据 / source of the mapping';
COMMENT ON COLUMN credit_gz.intake_subject_kind.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.intake_subject_kind (name_zh, subject_kind, source, shipped) VALUES
    ('法人及非法人组织', 'enterprise', '全国行政处罚信息数据标准: 行政相对人类别', true),
    ('个体工商户', 'individual_business', '全国行政处罚信息数据标准: 行政相对人类别', true),
    ('自然人', 'natural_person', '全国行政处罚信息数据标准: 行政相对人类别', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_subject_kind', 'WHERE NOT shipped');

CREATE TABLE credit_gz.intake_item_map (
    map_id          integer NOT NULL PRIMARY KEY,
    violation_type  text    NOT NULL CHECK (btrim(violation_type) = violation_type AND violation_type <> ''),
    department_code text    REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    item_code       text    NOT NULL REFERENCES credit_gz.info_item (code) ON UPDATE CASCADE,
    domain_code     text    REFERENCES credit_gz.domain (code) ON UPDATE CASCADE,
    effective_from  date    NOT NULL,
    effective_until date,
    source          text    NOT NULL CHECK (btrim(source) <> ''),
    shipped         boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
CREATE UNIQUE INDEX intake_item_map_key_idx
    ON credit_gz.intake_item_map (violation_type, department_code, effective_from) NULLS NOT DISTINCT;
COMMENT ON INDEX credit_gz.intake_item_map_key_idx IS '映射唯一 / one mapping per violation type, department (or all) and first day';
COMMENT ON TABLE credit_gz.intake_item_map IS
    '违法行为类型映射 / the catalogue item (and domain) a 违法行为类型 of a penalty file is recorded under, in force on '
    'the decision date; a department''s own row beats the row for all departments (department_code NULL). A line no '
    'row decides is rejected (CG801).';
COMMENT ON COLUMN credit_gz.intake_item_map.map_id IS '映射编号 / mapping id';
COMMENT ON COLUMN credit_gz.intake_item_map.violation_type IS '违法行为类型 / the violation type as the file writes it';
COMMENT ON COLUMN credit_gz.intake_item_map.department_code IS '部门 / department the mapping is for (NULL: all departments)';
COMMENT ON COLUMN credit_gz.intake_item_map.item_code IS '目录信息项 / catalogue item of the record';
COMMENT ON COLUMN credit_gz.intake_item_map.domain_code IS '监管领域 / supervision domain of the record (NULL: none)';
COMMENT ON COLUMN credit_gz.intake_item_map.effective_from IS '起始日期 / first decision date the mapping governs';
COMMENT ON COLUMN credit_gz.intake_item_map.effective_until IS '失效日期 / first decision date it no longer governs (NULL: open)';
COMMENT ON COLUMN credit_gz.intake_item_map.source IS '依据 / source of the mapping';
COMMENT ON COLUMN credit_gz.intake_item_map.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_item_map', 'WHERE NOT shipped');

CREATE TABLE credit_gz.intake_severity_map (
    map_id           integer NOT NULL PRIMARY KEY,
    penalty_category text    NOT NULL REFERENCES credit_gz.penalty_category (code) ON UPDATE CASCADE,
    department_code  text    REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    min_fine_wan     numeric CHECK (min_fine_wan >= 0),
    severity         text    NOT NULL CHECK (severity IN ('minor', 'general', 'serious', 'specific_serious')),
    effective_from   date    NOT NULL,
    effective_until  date,
    source           text    NOT NULL CHECK (btrim(source) <> ''),
    shipped          boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
CREATE UNIQUE INDEX intake_severity_map_key_idx
    ON credit_gz.intake_severity_map (penalty_category, department_code, min_fine_wan, effective_from) NULLS NOT DISTINCT;
COMMENT ON INDEX credit_gz.intake_severity_map_key_idx IS '规则唯一 / one rule per category, department (or all), fine threshold and first day';
COMMENT ON TABLE credit_gz.intake_severity_map IS
    '失信程度建议 / the 失信程度 a penalty of a category suggests when the file carries none, in force on the decision '
    'date: a department''s own rows beat the rows for all departments; among them the highest fine threshold '
    '(min_fine_wan, 万元) the line''s 罚款金额 reaches wins (NULL: any fine). A line no rule decides is rejected (CG801).';
COMMENT ON COLUMN credit_gz.intake_severity_map.map_id IS '映射编号 / mapping id';
COMMENT ON COLUMN credit_gz.intake_severity_map.penalty_category IS '处罚类别 / penalty category';
COMMENT ON COLUMN credit_gz.intake_severity_map.department_code IS '部门 / department the rule is for (NULL: all departments)';
COMMENT ON COLUMN credit_gz.intake_severity_map.min_fine_wan IS '罚款金额下限(万元) / the rule applies from this fine up (NULL: any)';
COMMENT ON COLUMN credit_gz.intake_severity_map.severity IS '失信程度 / minor, general, serious or specific_serious';
COMMENT ON COLUMN credit_gz.intake_severity_map.effective_from IS '起始日期 / first decision date the rule governs';
COMMENT ON COLUMN credit_gz.intake_severity_map.effective_until IS '失效日期 / first decision date it no longer governs (NULL: open)';
COMMENT ON COLUMN credit_gz.intake_severity_map.source IS '依据 / source of the rule';
COMMENT ON COLUMN credit_gz.intake_severity_map.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_severity_map', 'WHERE NOT shipped');

-- ---------------------------------------------------------------------------------------------------------------------
-- Staged file and rejects (personal data: granted to no role; the extension's owner loads)
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.penalty_intake (
    batch                 text   NOT NULL CHECK (btrim(batch) <> ''),
    line_no               integer NOT NULL CHECK (line_no > 0),
    subject_name          text,
    subject_category      text,
    uscc                  text,
    business_reg_no       text,
    organisation_code     text,
    tax_reg_no            text,
    institution_cert_no   text,
    social_org_cert_no    text,
    legal_rep_name        text,
    legal_rep_id_type     text,
    legal_rep_id_no       text,
    id_type               text,
    id_no                 text,
    document_no           text,
    violation_type        text,
    facts                 text,
    basis                 text,
    penalty_category      text,
    content               text,
    fine_amount           text,
    confiscated_amount    text,
    licence_revoked       text,
    decision_date         text,
    penalty_valid_to   text,
    publicity_deadline    text,
    deciding_body         text,
    deciding_body_uscc    text,
    source_body           text,
    source_body_uscc      text,
    remarks               text,
    PRIMARY KEY (batch, line_no)
);
COMMENT ON TABLE credit_gz.penalty_intake IS
    '行政处罚归集暂存 / a penalty file in the national 双公示 format as staged, one row per line, every field as text in '
    'the format''s order; COPY it with the batch and line number (doc/intake.md), then call intake_penalties().';
COMMENT ON COLUMN credit_gz.penalty_intake.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.penalty_intake.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.penalty_intake.subject_name IS '行政相对人名称 / subject name';
COMMENT ON COLUMN credit_gz.penalty_intake.subject_category IS '行政相对人类别 / 法人及非法人组织, 自然人 or 个体工商户';
COMMENT ON COLUMN credit_gz.penalty_intake.uscc IS '统一社会信用代码 / unified social credit code';
COMMENT ON COLUMN credit_gz.penalty_intake.business_reg_no IS '工商注册号 / business registration number';
COMMENT ON COLUMN credit_gz.penalty_intake.organisation_code IS '组织机构代码 / organisation code';
COMMENT ON COLUMN credit_gz.penalty_intake.tax_reg_no IS '税务登记号 / tax registration number';
COMMENT ON COLUMN credit_gz.penalty_intake.institution_cert_no IS '事业单位证书号 / public institution certificate number';
COMMENT ON COLUMN credit_gz.penalty_intake.social_org_cert_no IS '社会组织登记证号 / social organisation certificate number';
COMMENT ON COLUMN credit_gz.penalty_intake.legal_rep_name IS '法定代表人 / legal representative';
COMMENT ON COLUMN credit_gz.penalty_intake.legal_rep_id_type IS '法定代表人证件类型 / legal representative''s document type';
COMMENT ON COLUMN credit_gz.penalty_intake.legal_rep_id_no IS '法定代表人证件号码 / legal representative''s document number';
COMMENT ON COLUMN credit_gz.penalty_intake.id_type IS '证件类型 / document type of a natural person';
COMMENT ON COLUMN credit_gz.penalty_intake.id_no IS '证件号码 / document number of a natural person';
COMMENT ON COLUMN credit_gz.penalty_intake.document_no IS '行政处罚决定书文号 / decision document number';
COMMENT ON COLUMN credit_gz.penalty_intake.violation_type IS '违法行为类型 / violation type';
COMMENT ON COLUMN credit_gz.penalty_intake.facts IS '违法事实 / facts';
COMMENT ON COLUMN credit_gz.penalty_intake.basis IS '处罚依据 / legal basis';
COMMENT ON COLUMN credit_gz.penalty_intake.penalty_category IS '处罚类别 / penalty categories (names of 行政处罚法 art. 9)';
COMMENT ON COLUMN credit_gz.penalty_intake.content IS '处罚内容 / content of the penalty';
COMMENT ON COLUMN credit_gz.penalty_intake.fine_amount IS '罚款金额(万元) / fine in 10,000 yuan';
COMMENT ON COLUMN credit_gz.penalty_intake.confiscated_amount IS '没收违法所得、没收非法财物的金额(万元) / amount confiscated in 10,000 yuan';
COMMENT ON COLUMN credit_gz.penalty_intake.licence_revoked IS '暂扣或吊销证照名称及编号 / licence suspended or revoked';
COMMENT ON COLUMN credit_gz.penalty_intake.decision_date IS '处罚决定日期 / decision date';
COMMENT ON COLUMN credit_gz.penalty_intake.penalty_valid_to IS '处罚有效期 / end of the penalty''s validity';
COMMENT ON COLUMN credit_gz.penalty_intake.publicity_deadline IS '公示截止期 / last day published, as the department decided';
COMMENT ON COLUMN credit_gz.penalty_intake.deciding_body IS '处罚机关 / deciding body';
COMMENT ON COLUMN credit_gz.penalty_intake.deciding_body_uscc IS '处罚机关统一社会信用代码 / deciding body''s unified code';
COMMENT ON COLUMN credit_gz.penalty_intake.source_body IS '数据来源单位 / body supplying the data';
COMMENT ON COLUMN credit_gz.penalty_intake.source_body_uscc IS '数据来源单位统一社会信用代码 / supplying body''s unified code';
COMMENT ON COLUMN credit_gz.penalty_intake.remarks IS '备注 / remarks';
REVOKE ALL ON credit_gz.penalty_intake FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.penalty_intake', '');

CREATE TABLE credit_gz.intake_reject (
    batch           text        NOT NULL,
    line_no         integer     NOT NULL,
    department_code text        NOT NULL,
    document_no     text,
    column_name     text,
    sqlstate        text        NOT NULL,
    message         text        NOT NULL,
    rejected_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (batch, line_no)
);
COMMENT ON TABLE credit_gz.intake_reject IS
    '归集退回 / the lines of a batch the last intake_penalties() call rejected, with the column, SQLSTATE and message; '
    'a line loaded on re-send leaves the table.';
COMMENT ON COLUMN credit_gz.intake_reject.batch IS '批次 / batch';
COMMENT ON COLUMN credit_gz.intake_reject.line_no IS '行号 / line of the file';
COMMENT ON COLUMN credit_gz.intake_reject.department_code IS '归集部门 / department that sent the file';
COMMENT ON COLUMN credit_gz.intake_reject.document_no IS '决定文书号 / document number of the line, as sent';
COMMENT ON COLUMN credit_gz.intake_reject.column_name IS '出错字段 / column of penalty_intake the error is about (NULL: the line as a whole)';
COMMENT ON COLUMN credit_gz.intake_reject.sqlstate IS '错误代码 / SQLSTATE of the error';
COMMENT ON COLUMN credit_gz.intake_reject.message IS '错误信息 / message, naming the line, document number and subject code';
COMMENT ON COLUMN credit_gz.intake_reject.rejected_at IS '退回时间 / when the line was rejected';
REVOKE ALL ON credit_gz.intake_reject FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_reject', '');

-- ---------------------------------------------------------------------------------------------------------------------
-- intake_penalties: the receipt (数据归集回执) of a staged batch. Lines the checks above find clean go in set-based
-- statements, a chunk of lines at a time: their subjects found or created (in the order of their codes), then their
-- records inserted in subject_id order, one statement per step. Every other line, and every line of a chunk a
-- statement fails in, goes line by line in its own subtransaction: the subject it creates, its representative and its
-- record go in together or not at all, and its error is the receipt's. validate_only loads the batch the same way
-- and rolls it all back (CG809, never raised to the caller), so the receipt is the one a load would give.
-- ---------------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION credit_gz.intake_penalties(department_code text, batch text, validate_only boolean DEFAULT false)
RETURNS TABLE (line_no integer, outcome text, record_id bigint, column_name text, error_state text, message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    chunk_size constant integer := 20000;
    dep  text := intake_penalties.department_code;
    s    credit_gz.penalty_intake;
    col  text;
    kind text;
    sid  bigint;
    rid  bigint;
    subj record;
    rep  record;
    item record;
    cat  text;
    fine numeric;
    sev  text;
    dd   date;
    deadline date;
    doc  credit_gz.record_document;
    old  credit_gz.record;
    det  jsonb;
    body_d credit_gz.uscc;
    body_s credit_gz.uscc;
    until date;
    st   text;
    msg  text;
    who  text;
    lo   integer;
    v_n    integer[];
    v_res  text[];
    v_col  text[];
    v_state text[];
    v_note text[];
    done bigint;
    rejected bigint := 0;
BEGIN
    IF dep IS NULL OR NOT EXISTS (SELECT FROM credit_gz.department d WHERE d.code = dep) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('department "%s" does not exist', dep), ERRCODE = '22023';
    END IF;
    IF credit_gz.my_departments() <> '{}' AND dep <> ALL (credit_gz.my_departments()) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('role "%s" does not act for department "%s"', current_user, dep),
              ERRCODE = '42501',
              HINT = credit_gz.msg('A department loads only its own files.');
    END IF;
    IF batch IS NULL OR NOT EXISTS (SELECT FROM credit_gz.penalty_intake p
                                     WHERE p.department_code = dep AND p.batch = intake_penalties.batch) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch "%s" has no staged lines', batch), ERRCODE = '22023',
              HINT = credit_gz.msg('COPY the file into credit_gz.penalty_intake with this batch name first.');
    END IF;

    -- the receipt, one row per line (a table of the call, dropped at its end; created anew so that it is the
    -- calling role's); clean: every value of the line parsed by the rule functions above
    CREATE TEMP TABLE intake_penalty_line (
        n integer PRIMARY KEY, clean boolean NOT NULL, subject_kind text, ucode credit_gz.uscc,
        person credit_gz.resident_id, subject_name text, doc_no text, decided date, item_c text, domain_c text,
        category text, severity_c text, deadline_d date, deciding_uscc credit_gz.uscc, source_uscc credit_gz.uscc,
        details_j jsonb, subject bigint, old_rec bigint, until_d date,
        result text, rec_id bigint, err_column text, err_state text, note text) ON COMMIT DROP;
    INSERT INTO pg_temp.intake_penalty_line AS f (n, clean, subject_kind, ucode, person, subject_name, doc_no, decided,
                                                  item_c, domain_c, category, severity_c, deadline_d, deciding_uscc,
                                                  source_uscc, details_j)
    SELECT v.line_no,
           coalesce(v.subject_kind IS NOT NULL AND v.subject_name IS NOT NULL
                    AND (v.ucode_ok OR v.person_ok) AND v.no_rep AND v.doc_no IS NOT NULL AND v.doc_count = 1
                    AND v.dd OPERATOR(pg_catalog.<=) credit_gz.policy_date() AND i.item_code IS NOT NULL
                    AND v.cat IS NOT NULL AND v.fine_ok AND v.deadline_ok AND v.bodies_ok, false)
           AND credit_gz.intake_severity(v.cat, dep, v.fine, v.dd) IS NOT NULL,
           v.subject_kind, CASE WHEN v.ucode_ok THEN credit_gz.uscc(v.uscc) END,
           CASE WHEN v.person_ok THEN v.id_no::credit_gz.resident_id END,
           v.subject_name, v.doc_no, v.dd, i.item_code, i.domain_code, v.cat,
           credit_gz.intake_severity(v.cat, dep, v.fine, v.dd), credit_gz.intake_date(v.publicity_deadline),
           CASE WHEN v.bodies_ok THEN credit_gz.uscc(nullif(btrim(v.deciding_body_uscc), '')) END,
           CASE WHEN v.bodies_ok THEN credit_gz.uscc(nullif(btrim(v.source_body_uscc), '')) END,
           v.det
      FROM (SELECT p.line_no, k.subject_kind, nullif(btrim(p.subject_name), '') AS subject_name, p.uscc,
                   btrim(p.id_no) AS id_no, p.violation_type, p.publicity_deadline, p.deciding_body_uscc,
                   p.source_body_uscc,
                   k.subject_kind <> 'natural_person' AND credit_gz.uscc_is_valid(btrim(p.uscc)) AS ucode_ok,
                   k.subject_kind = 'natural_person' AND credit_gz.intake_document_type(p.id_type) = 'resident_id'
                       AND credit_gz.resident_id_is_valid(btrim(p.id_no)) AS person_ok,
                   coalesce(btrim(p.legal_rep_id_no), '') = '' AS no_rep,
                   nullif(btrim(p.document_no), '') AS doc_no,
                   pg_catalog.count(*) OVER (PARTITION BY btrim(p.document_no)) AS doc_count,
                   credit_gz.intake_date(p.decision_date) AS dd,
                   credit_gz.record_penalty_category(NULL, pg_catalog.jsonb_build_object('penalty_type', p.penalty_category)) AS cat,
                   credit_gz.intake_number(p.fine_amount) AS fine,
                   (coalesce(btrim(p.fine_amount), '') = '' OR credit_gz.intake_number(p.fine_amount) IS NOT NULL) AS fine_ok,
                   (coalesce(btrim(p.publicity_deadline), '') = ''
                    OR credit_gz.intake_date(p.publicity_deadline) IS NOT NULL) AS deadline_ok,
                   (coalesce(btrim(p.deciding_body_uscc), '') = '' OR credit_gz.uscc_is_valid(btrim(p.deciding_body_uscc)))
                   AND (coalesce(btrim(p.source_body_uscc), '') = '' OR credit_gz.uscc_is_valid(btrim(p.source_body_uscc)))
                       AS bodies_ok,
                   credit_gz.intake_penalty_details(p) AS det
              FROM credit_gz.penalty_intake p
              LEFT JOIN credit_gz.intake_subject_kind k ON k.name_zh = btrim(p.subject_category)
             WHERE p.department_code = dep AND p.batch = intake_penalties.batch) AS v
      LEFT JOIN LATERAL credit_gz.intake_item(v.violation_type, dep, v.dd) AS i ON true;
    ANALYZE pg_temp.intake_penalty_line;
    -- credit_gz.load_progress: the lines of the batch, advanced after each chunk and each line taken one by one
    PERFORM credit_gz.load_progress_start('penalty', dep, batch, (SELECT pg_catalog.count(*) FROM pg_temp.intake_penalty_line));

    -- validate_only: the batch is loaded as a load would, then rolled back whole (CG809), its receipt kept
    BEGIN
        -- the set-based path, a chunk of clean lines at a time
        FOR lo IN SELECT g FROM pg_catalog.generate_series((SELECT pg_catalog.min(f.n) FROM pg_temp.intake_penalty_line f WHERE f.clean),
                                                           (SELECT pg_catalog.max(f.n) FROM pg_temp.intake_penalty_line f WHERE f.clean),
                                                           chunk_size) AS g LOOP
            BEGIN
                -- subjects: found through their code, else created in the order of their codes
                UPDATE pg_temp.intake_penalty_line f
                   SET subject = coalesce(credit_gz.subject_id_of('uscc', f.ucode::text),
                                          credit_gz.subject_id_of('resident_id', f.person::text))
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size;
                WITH created AS (
                    INSERT INTO credit_gz.subject AS x (uscc, name, kind)
                    SELECT DISTINCT ON (f.ucode) f.ucode, f.subject_name, f.subject_kind FROM pg_temp.intake_penalty_line f
                     WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.subject IS NULL AND f.ucode IS NOT NULL
                     ORDER BY f.ucode, f.n
                    RETURNING x.subject_id, x.uscc)
                UPDATE pg_temp.intake_penalty_line f SET subject = c.subject_id FROM created c
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.subject IS NULL AND f.ucode OPERATOR(credit_gz.=) c.uscc;
                WITH created AS (
                    INSERT INTO credit_gz.subject AS x (resident_id, name, kind)
                    SELECT DISTINCT ON (f.person) f.person, f.subject_name, f.subject_kind FROM pg_temp.intake_penalty_line f
                     WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.subject IS NULL AND f.person IS NOT NULL
                     ORDER BY f.person, f.n
                    RETURNING x.subject_id, x.resident_id)
                UPDATE pg_temp.intake_penalty_line f SET subject = c.subject_id FROM created c
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.subject IS NULL
                   AND f.person OPERATOR(credit_gz.=) c.resident_id;
                -- documents on file: unchanged when the record holds what the line gives (else line by line: updated)
                UPDATE pg_temp.intake_penalty_line f
                   SET old_rec = r.record_id,
                       result = CASE WHEN credit_gz.intake_record_unchanged(r, f.subject, f.item_c, f.domain_c, f.decided,
                                                                            f.severity_c, f.details_j, f.category,
                                                                            f.deciding_uscc, f.source_uscc)
                                     THEN 'unchanged' END,
                       rec_id = r.record_id, until_d = r.publish_until
                  FROM credit_gz.record_document d
                  JOIN credit_gz.record r ON r.subject_id = d.subject_id AND r.record_id = d.record_id
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size
                   AND d.department_code = dep AND d.document_no = f.doc_no;
                -- new records, in subject_id order
                WITH loaded AS (
                    INSERT INTO credit_gz.record AS r (department_code, document_no, subject_id, item_code, decision_date,
                                                       domain_code, severity, disclosure, details, penalty_category,
                                                       deciding_body_uscc, source_body_uscc)
                    SELECT dep, f.doc_no, f.subject, f.item_c, f.decided, f.domain_c, f.severity_c, 'public', f.details_j,
                           f.category, f.deciding_uscc, f.source_uscc
                      FROM pg_temp.intake_penalty_line f
                     WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.old_rec IS NULL
                     ORDER BY f.subject, f.n
                    RETURNING r.record_id, r.document_no, r.publish_until)
                UPDATE pg_temp.intake_penalty_line f
                   SET result = 'loaded', rec_id = l.record_id, until_d = l.publish_until
                  FROM loaded l
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.old_rec IS NULL AND f.doc_no = l.document_no;
                UPDATE pg_temp.intake_penalty_line f
                   SET err_column = 'publicity_deadline', note = credit_gz.intake_deadline_note(f.deadline_d, f.until_d)
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.result IS NOT NULL
                   AND credit_gz.intake_deadline_note(f.deadline_d, f.until_d) IS NOT NULL;
            EXCEPTION WHEN OTHERS THEN
                -- the chunk is rolled back whole and its lines go line by line below, each with its own error
                NULL;
            END;
            PERFORM credit_gz.load_progress_step((SELECT pg_catalog.count(*) FROM pg_temp.intake_penalty_line f
                                                   WHERE f.result IS NOT NULL), 0);
        END LOOP;
        done := (SELECT pg_catalog.count(*) FROM pg_temp.intake_penalty_line f WHERE f.result IS NOT NULL);

        -- line by line: every line the set-based path did not take
        FOR s IN SELECT p.* FROM credit_gz.penalty_intake p JOIN pg_temp.intake_penalty_line f ON f.n = p.line_no
                  WHERE p.department_code = dep AND p.batch = intake_penalties.batch AND f.result IS NULL
                  ORDER BY p.line_no LOOP
            outcome := NULL; record_id := NULL; column_name := NULL; error_state := NULL; message := NULL;
            who := coalesce(nullif(btrim(s.uscc), ''), nullif(btrim(s.id_no), ''), credit_gz.msg('(no code)'));
            BEGIN
                col := 'subject_category';
                SELECT * INTO subj FROM credit_gz.intake_subject(s.subject_name, s.subject_category, s.uscc,
                                                                 s.business_reg_no, s.organisation_code, s.tax_reg_no,
                                                                 s.institution_cert_no, s.social_org_cert_no,
                                                                 s.id_type, s.id_no);
                who := subj.who;
                IF subj.error_state IS NOT NULL THEN
                    col := subj.error_column;
                    RAISE EXCEPTION USING ERRCODE = subj.error_state, MESSAGE = subj.error_message;
                END IF;
                sid := subj.subject_id;
                kind := subj.subject_kind;
                col := 'document_no';
                IF coalesce(btrim(s.document_no), '') = '' THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政处罚决定书文号 is empty'), ERRCODE = '23502';
                END IF;
                col := 'decision_date';
                dd := coalesce(credit_gz.intake_date(s.decision_date), btrim(s.decision_date)::date);
                col := 'violation_type';
                SELECT * INTO item FROM credit_gz.intake_item(s.violation_type, dep, dd);
                IF NOT FOUND THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('违法行为类型 "%s" maps to no catalogue item on %s', s.violation_type, dd),
                          ERRCODE = 'CG801';
                END IF;
                col := 'penalty_category';
                cat := credit_gz.record_penalty_category(NULL, pg_catalog.jsonb_build_object('penalty_type', s.penalty_category));
                IF cat IS NULL THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('处罚类别 "%s" is not a category of 行政处罚法 art. 9', s.penalty_category),
                          ERRCODE = '22023';
                END IF;
                col := 'fine_amount';
                fine := coalesce(credit_gz.intake_number(s.fine_amount), nullif(btrim(s.fine_amount), '')::numeric);
                col := 'penalty_category';
                sev := credit_gz.intake_severity(cat, dep, fine, dd);
                IF sev IS NULL THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('处罚类别 "%s" suggests no 失信程度 on %s', s.penalty_category, dd),
                          ERRCODE = 'CG801';
                END IF;
                col := 'publicity_deadline';
                deadline := coalesce(credit_gz.intake_date(s.publicity_deadline), nullif(btrim(s.publicity_deadline), '')::date);
                col := 'deciding_body_uscc';
                body_d := credit_gz.uscc(nullif(btrim(s.deciding_body_uscc), ''));
                col := 'source_body_uscc';
                body_s := credit_gz.uscc(nullif(btrim(s.source_body_uscc), ''));
                col := NULL;
                det := credit_gz.intake_penalty_details(s);
                SELECT d.* INTO doc FROM credit_gz.record_document d
                 WHERE d.department_code = dep AND d.document_no = btrim(s.document_no);
                IF FOUND THEN
                    SELECT r.* INTO old FROM credit_gz.record r WHERE r.subject_id = doc.subject_id AND r.record_id = doc.record_id;
                ELSE
                    old := NULL;
                END IF;
                IF credit_gz.intake_record_unchanged(old, sid, item.item_code, item.domain_code, dd, sev, det, cat, body_d, body_s) THEN
                    rid := old.record_id;
                    outcome := 'unchanged';
                ELSE
                    rid := credit_gz.load_record(dep, btrim(s.document_no), sid, item.item_code, dd, item.domain_code, sev,
                                                 'public', NULL, det);
                    UPDATE credit_gz.record r
                       SET penalty_category = cat, deciding_body_uscc = body_d, source_body_uscc = body_s
                     WHERE r.subject_id = sid AND r.record_id = rid;
                    outcome := CASE WHEN old.record_id IS NULL THEN 'loaded' ELSE 'updated' END;
                END IF;
                IF kind <> 'natural_person' AND coalesce(btrim(s.legal_rep_id_no), '') <> '' THEN
                    col := 'legal_rep_id_type';
                    SELECT * INTO rep FROM credit_gz.intake_legal_rep(dep, sid, who, dd, s.legal_rep_name,
                                                                      s.legal_rep_id_type, s.legal_rep_id_no);
                    IF rep.error_state IS NOT NULL THEN
                        col := rep.error_column;
                        RAISE EXCEPTION USING ERRCODE = rep.error_state, MESSAGE = rep.error_message;
                    END IF;
                    col := NULL;
                    IF rep.changed AND outcome = 'unchanged' THEN
                        outcome := 'updated';
                    END IF;
                END IF;
                record_id := rid;
                SELECT r.publish_until INTO until FROM credit_gz.record r WHERE r.subject_id = sid AND r.record_id = rid;
                message := credit_gz.intake_deadline_note(deadline, until);
                IF message IS NOT NULL THEN
                    column_name := 'publicity_deadline';
                END IF;
            EXCEPTION WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
                outcome := 'rejected'; record_id := NULL; column_name := col; error_state := st;
                message := credit_gz.msg('line %s (document "%s", subject %s): %s',
                                             s.line_no, coalesce(btrim(s.document_no), ''), who, msg);
                INSERT INTO credit_gz.intake_reject AS j (batch, line_no, department_code, format, document_no,
                                                          column_name, sqlstate, message)
                VALUES (s.batch, s.line_no, dep, 'penalty', s.document_no, col, st, message)
                ON CONFLICT ON CONSTRAINT intake_reject_pkey DO UPDATE
                   SET document_no = excluded.document_no,
                       column_name = excluded.column_name, sqlstate = excluded.sqlstate,
                       message = excluded.message, rejected_at = excluded.rejected_at;
            END;
            UPDATE pg_temp.intake_penalty_line f
               SET result = outcome, rec_id = record_id, err_column = column_name, err_state = error_state, note = message
             WHERE f.n = s.line_no;
            done := done + 1;
            IF outcome = 'rejected' THEN
                rejected := rejected + 1;
            END IF;
            PERFORM credit_gz.load_progress_step(done, rejected);
        END LOOP;

        -- a line loaded (or found unchanged) on re-send leaves the rejects
        DELETE FROM credit_gz.intake_reject j USING pg_temp.intake_penalty_line f
         WHERE j.department_code = dep AND j.format = 'penalty' AND j.batch = intake_penalties.batch AND j.line_no = f.n
           AND f.result <> 'rejected';
        IF validate_only THEN
            SELECT pg_catalog.array_agg(f.n ORDER BY f.n), pg_catalog.array_agg(f.result ORDER BY f.n),
                   pg_catalog.array_agg(f.err_column ORDER BY f.n), pg_catalog.array_agg(f.err_state ORDER BY f.n),
                   pg_catalog.array_agg(f.note ORDER BY f.n)
              INTO v_n, v_res, v_col, v_state, v_note
              FROM pg_temp.intake_penalty_line f;
            RAISE EXCEPTION 'validated' USING ERRCODE = 'CG809';
        END IF;
    EXCEPTION WHEN SQLSTATE 'CG809' THEN
        -- rolled back: the receipt says what a load would do, with no record ids
        UPDATE pg_temp.intake_penalty_line f
           SET result = u.res, rec_id = NULL, err_column = u.col, err_state = u.state, note = u.note
          FROM ROWS FROM (pg_catalog.unnest(v_n), pg_catalog.unnest(v_res), pg_catalog.unnest(v_col),
                          pg_catalog.unnest(v_state), pg_catalog.unnest(v_note)) AS u (n, res, col, state, note)
         WHERE f.n = u.n;
    END;
    RETURN QUERY SELECT f.n, f.result, f.rec_id, f.err_column, f.err_state, f.note
                   FROM pg_temp.intake_penalty_line f ORDER BY f.n;
    DROP TABLE pg_temp.intake_penalty_line;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_penalties(text, text, boolean) IS
    '行政处罚数据归集回执 / load a staged penalty batch (credit_gz.penalty_intake) of a department: per line its outcome '
    '(loaded, updated, unchanged, rejected), record id, and for a rejected line the column, SQLSTATE and message '
    '(also in credit_gz.intake_reject); a 公示截止期 that differs from the rule''s window is listed (column_name '
    'publicity_deadline, the window is kept). Clean lines go in set-based statements, the others line by line, with '
    'the same receipt. validate_only: the same receipt, nothing loaded.';
REVOKE ALL ON FUNCTION credit_gz.intake_penalties(text, text, boolean) FROM PUBLIC;
-- One repair window (国办发〔2025〕22号): applications received through 信用中国 with the platform's number, the day
-- received and the query code; the department's 3-day and the platform's 10-day deadlines and the extension of a
-- complex case as deadline rules; progress back to the platform, results also to 征信机构 (sync_target.topics).
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.deadline_rule DROP CONSTRAINT deadline_rule_check1,
    ADD CONSTRAINT deadline_rule_check1
    CHECK ((procedure = 'repair' AND step IN ('acceptance', 'decision', 'department_decision', 'platform_reply', 'extension'))
        OR (procedure = 'objection' AND step IN ('acceptance', 'platform_check', 'provider_check')));
COMMENT ON COLUMN credit_gz.deadline_rule.step IS
    '环节 / repair: acceptance 受理, decision 办结反馈, department_decision 认定部门作出决定 (applications received through '
    '信用中国), platform_reply 信用中国答复申请人, extension 复杂情形延长; objection: acceptance 受理, platform_check 平台核查, '
    'provider_check 提供单位核查';
-- Shipped rows as CREATE EXTENSION writes them: before its triggers (no audit rows, no shipped-rule refusal).
ALTER TABLE credit_gz.deadline_rule DISABLE TRIGGER USER;
INSERT INTO credit_gz.deadline_rule
    (deadline_rule_id, procedure, step, channel, working_days, effective_from, source, note) VALUES
    (8, 'repair', 'department_decision', 'standard', 3, '2025-06-22', '国办发〔2025〕22号 (信用中国 统一修复窗口)',
        'an application received through 信用中国: the determining department decides within 3 working days of receipt'),
    (9, 'repair', 'platform_reply', 'standard', 10, '2025-06-22', '国办发〔2025〕22号 (信用中国 统一修复窗口)',
        '信用中国 answers the applicant within 10 working days of receipt'),
    (10, 'repair', 'extension', 'standard', 10, '2025-06-22', '国办发〔2025〕22号 (复杂情形可延长)',
        'unconfirmed figure: 22号 allows an extension for complex cases but no text seen sets its length; '
        'local setting of 10 working days, confirm with 市发展改革委');
ALTER TABLE credit_gz.deadline_rule ENABLE TRIGGER USER;

ALTER TABLE credit_gz.sync_target ADD COLUMN topics text[];
COMMENT ON COLUMN credit_gz.sync_target.topics IS
    '事项 / the outbox topics this target receives (NULL: every topic), e.g. 征信机构 receive repair results only';
INSERT INTO credit_gz.sync_target VALUES ('credit_reference', '征信机构', 'both', true, '{repair_decision}');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.sync_target',
    'WHERE code NOT IN (''creditchina'', ''gsxt'', ''credit_reference'')');

ALTER TABLE credit_gz.repair_application
    ADD COLUMN source_platform text REFERENCES credit_gz.sync_target (code),
    ADD COLUMN source_application_no text,
    ADD COLUMN received_on date,
    ADD COLUMN query_code text,
    ADD COLUMN reply_due date,
    ADD COLUMN extended_on date,
    ADD COLUMN extension_reason text,
    ADD CONSTRAINT repair_application_source_check
        CHECK ((source_platform IS NULL) = (source_application_no IS NULL) AND (source_platform IS NULL) = (received_on IS NULL)),
    ADD CONSTRAINT repair_application_extension_check CHECK ((extended_on IS NULL) = (extension_reason IS NULL));
COMMENT ON COLUMN credit_gz.repair_application.source_platform IS
    '受理平台 / the platform the application came through (信用中国 as the single repair window, 国办发〔2025〕22号; '
    'its offline windows included), a credit_gz.sync_target code; NULL: submitted here';
COMMENT ON COLUMN credit_gz.repair_application.source_application_no IS '平台申请编号 / the platform''s application number';
COMMENT ON COLUMN credit_gz.repair_application.received_on IS
    '接收日期 / the day the platform received the application: its deadlines run from this day';
COMMENT ON COLUMN credit_gz.repair_application.query_code IS
    '进度查询码 / the query code the applicant follows progress with on the platform (信用修复进度查询); sent with every '
    'progress message';
COMMENT ON COLUMN credit_gz.repair_application.reply_due IS
    '答复期限 / last day the platform answers the applicant (applications received through a platform)';
COMMENT ON COLUMN credit_gz.repair_application.extended_on IS '延期日期 / the day the deadlines were extended (复杂情形)';
COMMENT ON COLUMN credit_gz.repair_application.extension_reason IS '延期理由 / why the case is complex';
CREATE UNIQUE INDEX repair_application_source_idx
    ON credit_gz.repair_application (subject_id, source_platform, source_application_no)
    WHERE source_platform IS NOT NULL;
COMMENT ON INDEX credit_gz.repair_application_source_idx IS 'one application of a subject per platform application number';
COMMENT ON FUNCTION credit_gz.repair_application_insert() IS
    'Trigger: on submission fills the subject and handling department from the record or entry, the channel (green for '
    '防疫重点保障企业) and the acceptance deadline (for an application received through 信用中国: the department''s '
    'decision deadline and the platform''s reply deadline, from the day received); an ineligible application fails '
    'with CG611, reasons and eligible date.';
COMMENT ON FUNCTION credit_gz.repair_application_transition() IS
    'Trigger: enforces submitted → accepted/refused → approved/rejected (CG612 otherwise), stamps times and the acting '
    'role, sets the decision deadline on acceptance, re-checks eligibility on approval (CG611), and records one '
    'extension of an open case with its reason, before its deadline, moving every running deadline (CG613 otherwise).';

CREATE OR REPLACE FUNCTION credit_gz.repair_application_apply() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    legal boolean;
    due date;
BEGIN
    -- Progress (信用修复进度查询): acceptance and extension of an application received through a platform go back to
    -- that platform with its number and query code.
    IF NEW.source_platform IS NOT NULL
       AND (NEW.status = 'accepted' AND OLD.status <> 'accepted' OR NEW.extended_on IS DISTINCT FROM OLD.extended_on) THEN
        PERFORM credit_gz.sync_outbox_enqueue_to(NEW.subject_id, NEW.source_platform, 'repair_progress',
            pg_catalog.jsonb_build_object(
                'application_id', NEW.application_id, 'source_application_no', NEW.source_application_no,
                'query_code', NEW.query_code, 'status', NEW.status,
                'event', CASE WHEN NEW.extended_on IS DISTINCT FROM OLD.extended_on THEN 'extended' ELSE 'accepted' END,
                'decide_due', COALESCE(NEW.decide_due, NEW.accept_due), 'reply_due', NEW.reply_due,
                'extension_reason', NEW.extension_reason));
    END IF;
    IF NEW.status = OLD.status OR NEW.status = 'accepted' THEN
        RETURN NULL;
    END IF;
    due := CASE WHEN NEW.status = 'refused' THEN NEW.accept_due ELSE NEW.decide_due END;
    IF NEW.status = 'approved' THEN
        IF NEW.record_id IS NOT NULL THEN
            UPDATE credit_gz.record SET status = 'repaired', disclosure = 'archived'
            WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id;
        ELSE
            UPDATE credit_gz.list_entry
            SET status = 'repaired', status_changed_on = credit_gz.policy_date(NEW.decided_at),
                status_reason = format('信用修复 repair application %s', NEW.application_id)
            WHERE subject_id = NEW.subject_id AND entry_id = NEW.entry_id;
        END IF;
    END IF;
    -- 一网通办、协同修复: every final decision goes to 信用中国 (and 国家企业信用信息公示系统 for legal entities).
    SELECT s.uscc IS NOT NULL INTO legal FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id;
    PERFORM credit_gz.sync_outbox_enqueue(NEW.subject_id, 'repair_decision',
        pg_catalog.jsonb_build_object(
            'application_id', NEW.application_id, 'decision', NEW.status, 'channel', NEW.channel,
            'record_id', NEW.record_id, 'entry_id', NEW.entry_id, 'department_code', NEW.department_code,
            'document_no', (SELECT r.document_no FROM credit_gz.record r
                             WHERE r.subject_id = NEW.subject_id AND r.record_id = NEW.record_id),
            'basis_document', (SELECT e.basis_document FROM credit_gz.list_entry e
                                WHERE e.subject_id = NEW.subject_id AND e.entry_id = NEW.entry_id),
            'decided_at', NEW.decided_at, 'reason', NEW.decision_reason,
            'source_platform', NEW.source_platform, 'source_application_no', NEW.source_application_no,
            'query_code', NEW.query_code, 'due', due,
            'late', credit_gz.policy_date(NEW.decided_at) > due),
        COALESCE(legal, false));
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_apply() IS
    'Trigger: on approval marks the record repaired and archived (or the entry repaired) in the same transaction; every '
    'final decision (refused, approved, rejected) is written to sync_outbox for 协同修复 (信用中国, 国家企业信用信息公示系统, '
    '征信机构), with its deadline and whether it came late; acceptance and extension of an application received through '
    'a platform go back to that platform as repair_progress.';

CREATE OR REPLACE FUNCTION credit_gz.sync_outbox_enqueue(subject_id bigint, topic text, payload jsonb, legal_entity boolean)
RETURNS integer
LANGUAGE sql VOLATILE STRICT SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH ins AS (
        INSERT INTO credit_gz.sync_outbox (subject_id, target, topic, payload)
        SELECT sync_outbox_enqueue.subject_id, t.code, sync_outbox_enqueue.topic, sync_outbox_enqueue.payload
        FROM credit_gz.sync_target t
        WHERE t.active
          AND (t.topics IS NULL OR sync_outbox_enqueue.topic = ANY (t.topics))
          AND (t.applies_to = 'both'
               OR t.applies_to = CASE WHEN sync_outbox_enqueue.legal_entity THEN 'legal_entity' ELSE 'natural_person' END)
        RETURNING 1)
    SELECT count(*)::integer FROM ins;
END;
COMMENT ON FUNCTION credit_gz.sync_outbox_enqueue(bigint, text, jsonb, boolean) IS
    'Writes one outbox row per active target that applies to the subject (gsxt only for legal entities) and takes the '
    'topic (sync_target.topics); returns the number of rows. Call it in the transaction of the decision so the message '
    'commits or rolls back with it.';

DROP TRIGGER repair_application_apply ON credit_gz.repair_application;
CREATE TRIGGER repair_application_apply AFTER UPDATE OF status, extended_on ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.repair_application_apply();
COMMENT ON TRIGGER repair_application_apply ON credit_gz.repair_application IS
    '修复决定生效 / approval repairs and archives the record or entry; decisions and platform progress go to sync_outbox';



CREATE FUNCTION credit_gz.sync_outbox_enqueue_to(subject_id bigint, target text, topic text, payload jsonb)
RETURNS integer
LANGUAGE sql VOLATILE STRICT SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH ins AS (
        INSERT INTO credit_gz.sync_outbox (subject_id, target, topic, payload)
        SELECT sync_outbox_enqueue_to.subject_id, t.code, sync_outbox_enqueue_to.topic, sync_outbox_enqueue_to.payload
        FROM credit_gz.sync_target t
        WHERE t.code = sync_outbox_enqueue_to.target AND t.active
        RETURNING 1)
    SELECT count(*)::integer FROM ins;
END;
COMMENT ON FUNCTION credit_gz.sync_outbox_enqueue_to(bigint, text, text, jsonb) IS
    'Writes one outbox row for one target (when it is active), e.g. the progress of an application to the platform it '
    'came from; returns the number of rows. Call it in the transaction of the event.';

CREATE FUNCTION credit_gz.repair_receive(source_platform text, source_application_no text, received_on date,
                                         query_code text, record_id bigint, entry_id bigint,
                                         obligations_performed_on date, statement text DEFAULT NULL)
RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO credit_gz.repair_application (source_platform, source_application_no, received_on, query_code,
                                              record_id, entry_id, obligations_performed_on, statement)
    VALUES (repair_receive.source_platform, repair_receive.source_application_no, repair_receive.received_on,
            repair_receive.query_code, repair_receive.record_id, repair_receive.entry_id,
            repair_receive.obligations_performed_on, repair_receive.statement)
    RETURNING *;
END;
COMMENT ON FUNCTION credit_gz.repair_receive(text, text, date, text, bigint, bigint, date, text) IS
    '接收信用中国修复申请 / records a repair application received through a platform (信用中国, the single repair window '
    'of 国办发〔2025〕22号, or its offline windows) with its number, the day received and the applicant''s query code, for '
    'a record or a list entry (one of the two); the department''s decision deadline and the platform''s reply deadline '
    'run from the day received (deadline rules department_decision, platform_reply).';

CREATE OR REPLACE FUNCTION credit_gz.repair_extend(application_id bigint, reason text) RETURNS credit_gz.repair_application
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a credit_gz.repair_application;
BEGIN
    UPDATE credit_gz.repair_application r SET extended_on = credit_gz.policy_date(), extension_reason = reason
    WHERE r.application_id = repair_extend.application_id
    RETURNING * INTO a;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'P0002',
            MESSAGE = credit_gz.msg('repair application %s does not exist', application_id),
            HINT = credit_gz.msg('Look the application up in credit_gz.repair_application.');
    END IF;
    RETURN a;
END $$;
COMMENT ON FUNCTION credit_gz.repair_extend(bigint, text) IS
    '复杂情形延期 / extends an open application once, before its deadline, with the reason: the running deadlines move by '
    'the extension rule in force on the day (CG613 otherwise); a platform''s application gets a progress message.';

-- ---------------------------------------------------------------------------------------------------------------
-- List terms as rule generations: credit_gz.list_term (later generations of a list type's term and early-removal
-- rule, early removal counted from listing or from correction); an entry keeps the generation in force on its listing
-- day (list_entry.list_term_id); wage arrears (人社部令第45号): 6 months after correction, for every entry since 2022.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.list_term (
    list_term_id               integer PRIMARY KEY,
    list_type_code             text NOT NULL REFERENCES credit_gz.list_type (code),
    effective_from             date NOT NULL,
    effective_until            date,
    default_term_months        integer CHECK (default_term_months > 0),
    early_removal_after_months integer CHECK (early_removal_after_months >= 0),
    early_removal_counted_from text NOT NULL DEFAULT 'listing' CHECK (early_removal_counted_from IN ('listing', 'correction')),
    early_removal_conditions   text,
    source                     text NOT NULL CHECK (btrim(source) <> ''),
    note                       text,
    shipped                    boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    UNIQUE (list_type_code, effective_from)
);
COMMENT ON TABLE credit_gz.list_term IS
    '名单期限规则代次 / generations of a list type''s term and early-removal rule. A list type''s own columns '
    '(default_term_months, early_removal_after_months, early_removal_conditions) are its first generation; a row here '
    'replaces them for entries listed on the days it is in force [effective_from, effective_until). An entry keeps the '
    'generation in force on its listing day (list_entry.list_term_id, NULL: the list type''s own columns), so a later '
    'change of the law does not change the rule of entries already listed.';
COMMENT ON COLUMN credit_gz.list_term.list_term_id IS '规则编号 / id (shipped rows below 1000)';
COMMENT ON COLUMN credit_gz.list_term.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.list_term.effective_from IS '施行日期 / first listing day the generation governs';
COMMENT ON COLUMN credit_gz.list_term.effective_until IS '失效日期 / first day no longer in force: entries listed from it take a later generation (NULL: open)';
COMMENT ON COLUMN credit_gz.list_term.default_term_months IS '列入期限(月) / term in months; NULL: until removed';
COMMENT ON COLUMN credit_gz.list_term.early_removal_after_months IS
    '提前移出最短月数 / months before early removal is possible; NULL: no early removal';
COMMENT ON COLUMN credit_gz.list_term.early_removal_counted_from IS
    '起算点 / listing: months counted from the listing day; correction: from the day the subject corrected (改正之日, '
    'list_entry.rectified_on, or the obligations performed of a repair application)';
COMMENT ON COLUMN credit_gz.list_term.early_removal_conditions IS '提前移出条件 / conditions';
COMMENT ON COLUMN credit_gz.list_term.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.list_term.note IS '说明 / remarks (an unconfirmed figure says so here)';
COMMENT ON COLUMN credit_gz.list_term.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.list_term (list_term_id, list_type_code, effective_from, default_term_months, early_removal_after_months,
                                 early_removal_counted_from, early_removal_conditions, source, note, shipped) VALUES
    (1, 'wage_arrears', '2022-01-01', 36, 6, 'correction', '列入期间偿还拖欠工资，自改正之日起满6个月，且作出守信承诺',
     '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》(人力资源社会保障部令第45号)',
     'from the ministry''s public summary of the order (three years; early removal 6 months after correction with a '
     'credit commitment), not from its article text; the list type''s first generation (12 months from listing) was '
     'wrong from the start, so this generation covers every entry since the order took effect', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_term', 'WHERE NOT shipped');

CREATE FUNCTION credit_gz.list_term_for(list_type_code text, listed_on date) RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT t.list_term_id FROM credit_gz.list_term t
        WHERE t.list_type_code = list_term_for.list_type_code
          AND credit_gz.in_force(t.effective_from, t.effective_until, list_term_for.listed_on)
        ORDER BY t.shipped, t.effective_from DESC, t.list_term_id
        LIMIT 1);
COMMENT ON FUNCTION credit_gz.list_term_for(text, date) IS
    '名单期限代次 / the list_term generation in force for a list type on a listing day (a local row before a shipped '
    'one, then the latest); NULL: the list type''s own columns apply.';

CREATE FUNCTION credit_gz.entry_term(list_type_code text, list_term_id integer)
RETURNS TABLE (default_term_months integer, early_removal_after_months integer, early_removal_counted_from text,
               early_removal_conditions text)
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT t.default_term_months, t.early_removal_after_months, t.early_removal_counted_from, t.early_removal_conditions
      FROM credit_gz.list_term t WHERE t.list_term_id = entry_term.list_term_id
    UNION ALL
    SELECT lt.default_term_months, lt.early_removal_after_months, 'listing', lt.early_removal_conditions
      FROM credit_gz.list_type lt WHERE entry_term.list_term_id IS NULL AND lt.code = entry_term.list_type_code;
END;
COMMENT ON FUNCTION credit_gz.entry_term(text, integer) IS
    '名单记录适用的期限规则 / the term and early-removal rule of an entry: its list_term generation, or the list type''s '
    'own columns when it has none. The one place the check trigger and repair eligibility read them from.';

-- Departments and analysts read the generations as they read list types (the entry check reads them as the caller);
-- roles mapped before the update get SELECT when the DBA re-runs their grant_* function.
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'list_term', 'SELECT', true), ('analyst', 'list_term', 'SELECT', true);
ALTER TABLE credit_gz.list_entry ADD COLUMN list_term_id integer REFERENCES credit_gz.list_term (list_term_id);
COMMENT ON COLUMN credit_gz.list_entry.list_term_id IS
    '期限规则代次 / the list_term generation in force on the listing day, which the entry keeps (NULL: the list type''s '
    'own columns; derived entries follow their source)';
-- Entries already listed take the generation in force on their listing day (wage arrears: the 45号 generation);
-- without their triggers, as the columns of the rows change no decision.
ALTER TABLE credit_gz.list_entry DISABLE TRIGGER USER;
UPDATE credit_gz.list_entry e SET list_term_id = credit_gz.list_term_for(e.list_type_code, e.effective_from)
WHERE e.derived_from_entry_id IS NULL AND credit_gz.list_term_for(e.list_type_code, e.effective_from) IS NOT NULL;
ALTER TABLE credit_gz.list_entry ENABLE TRIGGER USER;
COMMENT ON FUNCTION credit_gz.list_entry_check() IS
    '名单列入校验：默认期限、提前移出、状态变更规则（取自列入日有效的期限代次）/ validates directly determined entries: '
    'default term, early removal and status transitions, read from the term generation in force on the listing day '
    '(list_term, else the list type''s own columns), which the entry keeps';

CREATE OR REPLACE FUNCTION credit_gz.entry_repair_eligibility(entry_id bigint, on_day date,
                                                    obligations_performed_on date DEFAULT NULL)
RETURNS TABLE (eligible boolean, reasons text[], eligible_from date)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e credit_gz.list_entry;
    lt credit_gz.list_type;
    term record;
    why text[] := '{}';
    min_day date;
    since date;
    bar date;
BEGIN
    SELECT * INTO e FROM credit_gz.list_entry le WHERE le.entry_id = entry_repair_eligibility.entry_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '23503',
            MESSAGE = credit_gz.msg('list entry %s does not exist', entry_repair_eligibility.entry_id),
            HINT = credit_gz.msg('Give the entry_id of an entry in credit_gz.list_entry.');
    END IF;
    SELECT * INTO lt FROM credit_gz.list_type WHERE code = e.list_type_code;
    SELECT * INTO term FROM credit_gz.entry_term(e.list_type_code, e.list_term_id);

    IF e.status <> 'active' THEN
        why := why || credit_gz.msg('the list entry is not active (status %s)', e.status);
    END IF;
    IF e.derived_from_entry_id IS NOT NULL THEN
        why := why || credit_gz.msg('the entry was derived from list entry %s and is lifted with it',
                                         (SELECT p.basis_document FROM credit_gz.list_entry p
                                           WHERE p.entry_id = e.derived_from_entry_id));
    END IF;
    IF lt.polarity = 'reward' THEN
        why := why || credit_gz.msg('entries on a reward list (红名单) are not repaired');
    END IF;
    IF term.early_removal_after_months IS NULL THEN
        why := why || credit_gz.msg('list %s allows no early removal', lt.code);
    END IF;
    IF obligations_performed_on IS NULL OR obligations_performed_on > on_day THEN
        why := why || credit_gz.msg('the obligations set by the decision have not been performed (履行法定义务、纠正失信行为)');
    END IF;
    IF NOT credit_gz.repair_commitment_on_file(e.subject_id, e.record_id) THEN
        why := why || credit_gz.msg('no repair commitment (信用修复承诺) is on file');
    END IF;

    -- Early removal after the minimum term of the entry's term generation (e.g. SAMR Order No. 44: one year from
    -- listing; wage arrears: six months from correction, the day the obligations were performed).
    min_day := credit_gz.add_months(CASE WHEN term.early_removal_counted_from = 'correction'
                                         THEN COALESCE(obligations_performed_on, e.effective_from) ELSE e.effective_from END,
                                    COALESCE(term.early_removal_after_months, 0));
    since := GREATEST(min_day, obligations_performed_on);
    bar := credit_gz.repair_bar_until(e.subject_id, NULL, GREATEST(on_day, since));
    IF bar IS NOT NULL THEN
        since := bar;
    END IF;
    IF term.early_removal_after_months IS NOT NULL AND min_day > on_day THEN
        why := why || credit_gz.msg('early removal is possible from %s', pg_catalog.to_char(min_day, 'YYYY-MM-DD'));
    END IF;
    IF bar IS NOT NULL THEN
        why := why || CASE WHEN bar = 'infinity' THEN credit_gz.msg('repair is barred without end date')
                           ELSE credit_gz.msg('repair is barred until %s', pg_catalog.to_char(credit_gz.inclusive_end(bar), 'YYYY-MM-DD')) END;
    END IF;

    eligible := cardinality(why) = 0;
    reasons := why;
    eligible_from := CASE
        WHEN eligible THEN on_day
        WHEN since IS NOT NULL AND since <> 'infinity' AND since > on_day
             AND cardinality(why) = (CASE WHEN term.early_removal_after_months IS NOT NULL AND min_day > on_day THEN 1 ELSE 0 END)
                                     + (CASE WHEN bar IS NOT NULL THEN 1 ELSE 0 END)
        THEN since END;
    RETURN NEXT;
END $$;
COMMENT ON FUNCTION credit_gz.entry_repair_eligibility(bigint, date, date) IS
    '名单提前移出(修复)条件 / whether a list entry can be repaired (removed early) on the day: active, determined directly '
    '(derived entries follow their source), a punishment or attention list that allows early removal, its minimum term '
    '(of its term generation, credit_gz.entry_term: from listing or from correction) reached, obligations performed, a '
    'repair commitment on file, no repair bar.';

-- ---------------------------------------------------------------------------------------------------------------
-- Query log: the domain a pre-check asked about and the verdict it answered (via = precheck; NULL otherwise), so
-- pre-checks can be counted by department, district, domain and verdict from the log alone.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.query_log
    ADD COLUMN domain_code text,
    ADD COLUMN verdict text CONSTRAINT query_log_verdict_check
        CHECK (verdict IN ('allow', 'allow_with_conditions', 'deny', 'no_record')),
    ADD CONSTRAINT query_log_precheck_fields CHECK (via = 'precheck' OR (domain_code IS NULL AND verdict IS NULL));
ALTER TABLE credit_gz.unknown_code_read_log
    ADD COLUMN domain_code text,
    ADD COLUMN verdict text CONSTRAINT unknown_code_read_log_verdict_check
        CHECK (verdict IN ('allow', 'allow_with_conditions', 'deny', 'no_record')),
    ADD CONSTRAINT unknown_code_read_log_precheck_fields
        CHECK (via = 'precheck' OR (domain_code IS NULL AND verdict IS NULL));
COMMENT ON COLUMN credit_gz.query_log.domain_code IS
    '核查领域 / the supervision domain a pre-check asked about (via = precheck; NULL for other reads and entries before 1.1)';
COMMENT ON COLUMN credit_gz.query_log.verdict IS
    '核查结论 / the pre-check''s verdict, as its answer gives it: allow, allow_with_conditions, deny or no_record (via = '
    'precheck; NULL for other reads and entries before 1.1)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.domain_code IS
    '核查领域 / the supervision domain a pre-check asked about (via = precheck; NULL for other reads and entries before 1.1)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.verdict IS
    '核查结论 / the pre-check''s verdict, as its answer gives it: allow, allow_with_conditions, deny or no_record (via = '
    'precheck; NULL for other reads and entries before 1.1)';

-- ---------------------------------------------------------------------------------------------------------------
-- Asynchronous query log: entries are queued at read time and survive the reader's rollback.
-- ---------------------------------------------------------------------------------------------------------------
COMMENT ON FUNCTION credit_gz.query_log_queue() IS
    '查询日志异步队列状态 / state of this database''s asynchronous query-log queue: the mode in effect for this '
    'session (async only when credit_gz is in shared_preload_libraries), the mode requested, whether preloaded, '
    'slots, entries queued (at read time) and not yet written, slots being filled, entries flushed '
    'to credit_gz.query_log, entries written synchronously for want of room or worker, and the worker''s pid.';
COMMENT ON FUNCTION credit_gz.flush_query_log(interval) IS
    '等待查询日志写入 / waits until every query-log entry queued by this session is in '
    'credit_gz.query_log (true) or the timeout passes (false); immediately true in sync mode. The entries become '
    'visible to statements that start afterwards.';

-- ---------------------------------------------------------------------------------------------------------------
-- Every code verified, every read logged: a malformed code given to a pre-check is an error (code_defect), and
-- is_restricted() logs its read like precheck(), so it is VOLATILE.
-- ---------------------------------------------------------------------------------------------------------------
-- code_defect: why a code given for a subject is not a well-formed code of any kind subject_id_of(code) takes (NULL:
-- well formed, whether or not a subject has it). A pre-check by a malformed code is an error (22P02), never an
-- unknown subject: a code with a wrong check character names nobody, and must not pass a department's gate.
-- The branches are subject_id_of(code)'s, in its order.
CREATE FUNCTION credit_gz.code_defect(code text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT CASE
        WHEN code ~ '^[0-9]{1,15}$' OR credit_gz.uscc_is_valid(code) OR credit_gz.resident_id_is_valid(code) THEN NULL
        WHEN pg_catalog.strpos(code, ':') > 0 THEN
            (SELECT CASE
                 WHEN tp = 'uscc' THEN credit_gz.uscc_explain(no)
                 WHEN t.code IS NULL THEN credit_gz.msg('unknown identity document type "%s"', tp)
                 WHEN t.validation = 'gb11643' THEN credit_gz.resident_id_explain(no)
                 WHEN credit_gz.identity_document_try(t.validation, no) IS NULL
                     THEN credit_gz.msg('not a valid number of identity document type %s', t.code)
             END
               FROM (SELECT pg_catalog.split_part(code, ':', 1) AS tp,
                            pg_catalog.substr(code, pg_catalog.strpos(code, ':') + 1) AS no) c
               LEFT JOIN credit_gz.identity_document_type t ON t.code = c.tp)
        WHEN EXISTS (SELECT 1 FROM credit_gz.identity_document_type t
                      WHERE t.bare_code AND t.validation <> 'gb11643'
                        AND credit_gz.identity_document_try(t.validation, code) IS NOT NULL) THEN NULL
        WHEN code ~ '^\s*[0-9]{17}[0-9Xx]\s*$' THEN credit_gz.resident_id_explain(code)
        WHEN pg_catalog.length(pg_catalog.btrim(code)) = 18 THEN credit_gz.uscc_explain(code)
        ELSE credit_gz.msg('not a subject id, unified social credit code, resident identity number or identity document (type:number)')
    END
$$;
COMMENT ON FUNCTION credit_gz.code_defect(text) IS
    '代码格式错误原因 / why a code given for a subject is malformed — a unified social credit code or resident identity '
    'number with a wrong check character, an identity document number of the wrong layout, an unknown document type, '
    'or none of the kinds credit_gz.subject_id_of(text) takes; NULL for a well-formed code (on file or not)';
ALTER FUNCTION credit_gz.is_restricted(bigint, text, text) VOLATILE PARALLEL UNSAFE;
ALTER FUNCTION credit_gz.is_restricted(text, text, text) VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION credit_gz.is_restricted(bigint, text, text) IS
    '快速判断：主体在该领域该事项是否受禁止性惩戒措施约束（即 precheck 结论为 deny）；档案无此主体返回 false / fast path: '
    'true when precheck() would deny; false for subjects not in the archive. A read like precheck''s: logged in '
    'credit_gz.query_log (verdict deny, or NULL when not restricted), so VOLATILE';

-- ---------------------------------------------------------------------------------------------------------------
-- Dynamic SQL: report_section checks its section and order against a fixed list instead of formatting the order
-- text into the statement.
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION credit_gz.report_section(view_name text, subject_id bigint, audience text, order_by text)
RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result jsonb;
    ord    text;
BEGIN
    SELECT o.ord INTO ord
      FROM (VALUES ('subject', 'v.subject_id'), ('record', 'v.decision_date DESC, v.record_id'),
                   ('commitment', 'v.due_date, v.commitment_id'), ('list_entry', 'v.effective_from DESC, v.entry_id'),
                   ('grade', 'v.model_kind, v.model_code'), ('repair', 'v.submitted_at DESC, v.kind, v.id'),
                   ('repair_notice', 'v.decision_date DESC, v.record_id'))
           AS o (section, ord)
     WHERE o.section = view_name AND o.ord = order_by;
    IF ord IS NULL THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('unknown report section "%s" or order "%s"', view_name, order_by),
              ERRCODE = '22023',
                  DETAIL = credit_gz.msg('A report section is one of subject, record, commitment, list_entry, grade, repair and repair_notice, each in its own order.'),
                  HINT = credit_gz.msg('Call it as credit_gz.credit_report does, e.g. report_section(''record'', id, audience, ''v.decision_date DESC, v.record_id'').');
    END IF;
    IF audience = 'public' THEN
        EXECUTE pg_catalog.format(
            CASE WHEN view_name = 'subject'
                 THEN 'SELECT coalesce(jsonb_agg(to_jsonb(v) - ''subject_id''::text ORDER BY %s), ''[]'') '
                 ELSE 'SELECT coalesce(jsonb_agg(to_jsonb(v) - ARRAY[''subject_id'', ''subject_name'', '
                      '''identity_code''] ORDER BY %s), ''[]'') ' END
            || 'FROM credit_gz.%I v WHERE v.subject_id = $1',
            ord, 'public_' || view_name)
        INTO result USING subject_id;
    ELSE
        EXECUTE pg_catalog.format(
            'SELECT coalesce(jsonb_agg(to_jsonb(v) - ''audience'' - ''subject_id'' ORDER BY %s), ''[]'') '
            'FROM credit_gz.%I v WHERE v.subject_id = $1 AND v.audience = $2', ord, 'disclosed_' || view_name)
        INTO result USING subject_id, audience;
    END IF;
    RETURN result;
END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Monitoring over time (九: 定期通报监测结果; src/monitoring.sql): pre-checks per day and verdict from the query logs
-- (monitor_precheck_verdicts, which monitor_precheck_feedback now counts for every dimension), trends by decision and
-- load date (monitor_trend), the daily snapshots (take_snapshots, monitoring_snapshot, monitor_snapshot, their
-- retention as data, the job's schedule; its lock key is in job_locks above) and the bulletin (monitoring_bulletin).
-- Roles granted with grant_analyst before the update read the new views after grant_analyst is run again.
-- ---------------------------------------------------------------------------------------------------------------
-- ---------------------------------------------------------------------------------------------------------------
-- Pre-checks and their verdicts per day (事前核查): every pre-check's entry in the query logs names the domain asked
-- and the verdict answered, so they are counted here whether or not a measure applied
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_precheck_verdicts WITH (security_barrier = true) AS
WITH l AS (
    SELECT credit_gz.policy_date(q.at) AS day, q.department_code, q.domain_code, s.district,
           coalesce(q.verdict, '未注明') AS verdict
      FROM credit_gz.query_log q
      LEFT JOIN credit_gz.subject s ON s.subject_id = q.subject_id
     WHERE q.via = 'precheck'
    UNION ALL
    SELECT credit_gz.policy_date(u.at), u.department_code, u.domain_code, NULL, coalesce(u.verdict, '未注明')
      FROM credit_gz.unknown_code_read_log u
     WHERE u.via = 'precheck'
), g AS (
    SELECT CASE WHEN GROUPING(l.district) = 0 THEN 'district'
                WHEN GROUPING(l.department_code) = 0 THEN 'department' ELSE 'domain' END AS dimension,
           CASE WHEN GROUPING(l.district) = 0 THEN coalesce(l.district, '未注明')
                WHEN GROUPING(l.department_code) = 0 THEN coalesce(l.department_code, '未注明')
                ELSE coalesce(l.domain_code, '未注明') END AS key,
           l.day, l.verdict, pg_catalog.count(*) AS prechecks
      FROM l
     GROUP BY GROUPING SETS ((l.district, l.day, l.verdict), (l.department_code, l.day, l.verdict),
                             (l.domain_code, l.day, l.verdict))
)
SELECT g.dimension, g.key, coalesce(dep.name_zh, dom.name_zh, g.key) AS label, g.day, g.verdict, g.prechecks
  FROM g
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_precheck_verdicts IS
    '事前核查结论 / pre-checks per day (Guangzhou time) and verdict, by the asking department, the district of the '
    'subject (未注明 for codes not on file) and the domain asked, from both query logs (as long as they keep entries).';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.dimension IS '统计维度 / dimension: district, department or domain';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.key IS '维度取值 / district name, department code or domain code (未注明: not given)';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.day IS '核查日期 / day of the pre-check';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.verdict IS '核查结论 / verdict: allow, allow_with_conditions, deny, no_record (未注明: logged without one)';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.prechecks IS '核查次数 / pre-checks';

-- ---------------------------------------------------------------------------------------------------------------
-- Pre-check feedback (事前核查, 及时反馈奖惩工作成效)
-- ---------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE VIEW credit_gz.monitor_precheck_feedback WITH (security_barrier = true) AS
WITH f AS (
    SELECT f.department_code, f.domain_code, s.district, f.verdict, f.effect, f.overridden, f.subject_id
      FROM credit_gz.measure_feedback f
      LEFT JOIN credit_gz.subject s ON s.subject_id = f.subject_id
), g AS (
    SELECT CASE WHEN GROUPING(f.district) = 0 THEN 'district'
                WHEN GROUPING(f.department_code) = 0 THEN 'department' ELSE 'domain' END AS dimension,
           coalesce(f.district, f.department_code, f.domain_code, '未注明') AS key,
           pg_catalog.count(*) AS measures_applied,
           pg_catalog.count(DISTINCT f.subject_id) AS subjects,
           pg_catalog.count(*) FILTER (WHERE f.verdict = 'deny' AND NOT f.overridden) AS denials,
           pg_catalog.count(*) FILTER (WHERE f.overridden) AS overrides,
           pg_catalog.count(*) FILTER (WHERE f.verdict = 'allow_with_conditions') AS conditional,
           pg_catalog.count(*) FILTER (WHERE f.effect = 'incentive') AS incentives
      FROM f
     GROUP BY GROUPING SETS ((f.district), (f.department_code), (f.domain_code))
), q AS (
    -- pre-checks of codes not on file were run too: both logs count (monitor_precheck_verdicts, every day)
    SELECT v.dimension, v.key, pg_catalog.sum(v.prechecks)::bigint AS prechecks
      FROM credit_gz.monitor_precheck_verdicts v
     GROUP BY v.dimension, v.key
)
SELECT g.dimension, g.key, coalesce(dep.name_zh, dom.name_zh, g.key) AS label,
       coalesce(q.prechecks, 0) AS prechecks,
       g.measures_applied, g.subjects, g.denials, g.overrides, g.conditional, g.incentives
  FROM g
  LEFT JOIN q ON q.dimension = g.dimension AND q.key = g.key
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_precheck_feedback IS
    '事前核查与奖惩反馈 / pre-check feedback by district, department and domain: measures applied, subjects, denials, '
    'overrides, conditional approvals, incentives; and the number of pre-checks (query logs, monitor_precheck_verdicts).';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.dimension IS '统计维度 / dimension: district, department or domain';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.key IS '维度取值 / district name, department code or domain code';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.prechecks IS '核查次数 / pre-checks run (from the query logs, codes not on file included)';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.measures_applied IS '适用措施次数 / measures and incentives applied';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.subjects IS '涉及主体数 / distinct subjects';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.denials IS '拒绝次数 / denials (not overridden)';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.overrides IS '说明理由放行 / overrides with a stated reason';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.conditional IS '附条件通过 / allowed with conditions';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.incentives IS '激励次数 / incentives granted';

-- ---------------------------------------------------------------------------------------------------------------
-- Trends per month by decision date and by load date (九: 监测; 定期通报)
-- ---------------------------------------------------------------------------------------------------------------
-- basis 'decision' dates a record by its decision date, a list entry's entry by its effective_from; basis 'load' dates
-- both by the day they reached the archive (policy date of created_at), so a first bulk load of years of decisions
-- shows in one month under 'load' and spread over the years under 'decision'. Leaving a list, repairs and objections
-- have one date (status_changed_on, submission) and are the same under both. Districts are today's: subject.district
-- comes from the code through region_district, which follows region_succession.
CREATE VIEW credit_gz.monitor_trend WITH (security_barrier = true) AS
WITH b(basis) AS (VALUES ('decision'::text), ('load'::text)
), ev AS (
    SELECT b.basis, s.district, r.department_code, r.domain_code,
           CASE b.basis WHEN 'decision' THEN r.decision_date ELSE credit_gz.policy_date(r.created_at) END AS day,
           'records'::text AS measure, i.kind || coalesce('/' || r.severity, '') AS category
      FROM credit_gz.record r
      JOIN credit_gz.subject s ON s.subject_id = r.subject_id
      JOIN credit_gz.info_item i ON i.code = r.item_code
     CROSS JOIN b
    UNION ALL
    SELECT b.basis, s.district, e.department_code, NULL,
           CASE b.basis WHEN 'decision' THEN e.effective_from ELSE credit_gz.policy_date(e.created_at) END,
           'list_entered', e.list_type_code
      FROM credit_gz.list_entry e
      JOIN credit_gz.subject s ON s.subject_id = e.subject_id
     CROSS JOIN b
    UNION ALL
    SELECT b.basis, s.district, e.department_code, NULL, e.status_changed_on, 'list_left',
           e.list_type_code || '/' || e.status
      FROM credit_gz.list_entry e
      JOIN credit_gz.subject s ON s.subject_id = e.subject_id
     CROSS JOIN b
     WHERE e.status <> 'active' AND e.status_changed_on IS NOT NULL
    UNION ALL
    SELECT b.basis, s.district, a.department_code, r.domain_code, credit_gz.policy_date(a.submitted_at), 'repairs',
           CASE WHEN a.accept_overdue_at IS NOT NULL OR a.decide_overdue_at IS NOT NULL THEN 'deadline_missed'
                WHEN a.decided_at IS NOT NULL THEN 'deadline_kept' ELSE 'pending' END
      FROM credit_gz.repair_application a
      JOIN credit_gz.subject s ON s.subject_id = a.subject_id
      LEFT JOIN credit_gz.record r ON r.subject_id = a.subject_id AND r.record_id = a.record_id
     CROSS JOIN b
    UNION ALL
    SELECT b.basis, s.district, o.department_code, r.domain_code, credit_gz.policy_date(o.submitted_at), 'objections',
           CASE WHEN o.accept_overdue_at IS NOT NULL OR o.platform_overdue_at IS NOT NULL
                     OR o.provider_overdue_at IS NOT NULL THEN 'deadline_missed'
                WHEN o.resolved_at IS NOT NULL THEN 'deadline_kept' ELSE 'pending' END
      FROM credit_gz.objection o
      JOIN credit_gz.subject s ON s.subject_id = o.subject_id
      JOIN credit_gz.record r ON r.subject_id = o.subject_id AND r.record_id = o.record_id
     CROSS JOIN b
), m AS (
    SELECT ev.basis, ev.district, ev.department_code, ev.domain_code, ev.measure, ev.category,
           pg_catalog.date_trunc('month', ev.day::timestamp)::date AS period_start
      FROM ev
), g AS (
    SELECT m.basis,
           CASE WHEN GROUPING(m.district) = 0 THEN 'district'
                WHEN GROUPING(m.department_code) = 0 THEN 'department'
                WHEN GROUPING(m.domain_code) = 0 THEN 'domain' ELSE 'city' END AS dimension,
           CASE WHEN GROUPING(m.district) = 0 THEN coalesce(m.district, '市外')
                WHEN GROUPING(m.department_code) = 0 THEN m.department_code
                WHEN GROUPING(m.domain_code) = 0 THEN coalesce(m.domain_code, '未注明') ELSE '全市' END AS key,
           m.period_start, m.measure, m.category, pg_catalog.count(*) AS value
      FROM m
     GROUP BY GROUPING SETS ((m.basis, m.district, m.period_start, m.measure, m.category),
                             (m.basis, m.department_code, m.period_start, m.measure, m.category),
                             (m.basis, m.domain_code, m.period_start, m.measure, m.category),
                             (m.basis, m.period_start, m.measure, m.category))
)
SELECT g.basis, g.dimension, g.key, coalesce(dep.name_zh, dom.name_zh, g.key) AS label, g.period_start, g.measure,
       g.category, g.value
  FROM g
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_trend IS
    '监测趋势 / per month, by decision date (basis decision) and by load date (basis load), by district (today''s '
    'name, region_succession), department, domain and city-wide: records by kind and severity, list entries entering '
    'and leaving, repairs and objections with their deadlines kept or missed.';
COMMENT ON COLUMN credit_gz.monitor_trend.basis IS '日期口径 / decision: decision or effective date; load: day it reached the archive';
COMMENT ON COLUMN credit_gz.monitor_trend.dimension IS '统计维度 / dimension: district, department, domain or city';
COMMENT ON COLUMN credit_gz.monitor_trend.key IS '维度取值 / district name, department code, domain code or 全市';
COMMENT ON COLUMN credit_gz.monitor_trend.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_trend.period_start IS '统计月份 / first day of the month';
COMMENT ON COLUMN credit_gz.monitor_trend.measure IS '指标 / records, list_entered, list_left, repairs or objections';
COMMENT ON COLUMN credit_gz.monitor_trend.category IS '分类 / records: kind/severity; lists: list type (/status left); repairs, objections: deadline_kept, deadline_missed or pending';
COMMENT ON COLUMN credit_gz.monitor_trend.value IS '数量 / count';

-- ---------------------------------------------------------------------------------------------------------------
-- Daily snapshots (每日快照): grades, list entries in force, pre-checks — aggregates an analyst may read over years
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.monitoring_snapshot_retention (
    effective_from date     PRIMARY KEY,
    retention      interval NOT NULL CHECK (retention >= interval '1 year'),
    basis          text     NOT NULL,
    shipped        boolean  NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.monitoring_snapshot_retention IS
    '监测快照保存期限 / how long daily monitoring snapshots are kept, by the date the period took effect; '
    'take_snapshots removes older ones. A site adds a row to change it.';
COMMENT ON COLUMN credit_gz.monitoring_snapshot_retention.effective_from IS '生效日期 / date the period took effect';
COMMENT ON COLUMN credit_gz.monitoring_snapshot_retention.retention IS '保存期限 / how long snapshots are kept';
COMMENT ON COLUMN credit_gz.monitoring_snapshot_retention.basis IS '依据 / basis for the period';
COMMENT ON COLUMN credit_gz.monitoring_snapshot_retention.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped); locally added rows: false';
INSERT INTO credit_gz.monitoring_snapshot_retention (effective_from, retention, basis) VALUES
    ('2020-05-18', interval '10 years',
     '穗府办函〔2020〕35号 九、二十: 定期通报与考核, 跨年度比较 / yearly comparisons over the plan and review periods');
ALTER TABLE credit_gz.monitoring_snapshot_retention ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.monitoring_snapshot_retention', 'WHERE NOT shipped');

-- monitoring_snapshot_retention_at: the snapshot retention period in force on a day.
CREATE FUNCTION credit_gz.monitoring_snapshot_retention_at(as_of date)
RETURNS interval
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT r.retention FROM credit_gz.monitoring_snapshot_retention r
     WHERE r.effective_from OPERATOR(pg_catalog.<=) as_of
     ORDER BY r.effective_from DESC LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.monitoring_snapshot_retention_at(date) IS
    '监测快照保存期限 / the snapshot retention period in force on a day (credit_gz.monitoring_snapshot_retention).';

CREATE TABLE credit_gz.monitoring_snapshot (
    as_of     date        NOT NULL,
    measure   text        NOT NULL CHECK (measure IN ('subjects_by_grade', 'entries_in_force', 'prechecks')),
    dimension text        NOT NULL CHECK (dimension IN ('district', 'department', 'domain')),
    key       text        NOT NULL,
    item      text        NOT NULL,
    detail    text        NOT NULL DEFAULT '',
    value     bigint      NOT NULL CHECK (value >= 0),
    taken_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (as_of, measure, dimension, key, item, detail)
);
COMMENT ON TABLE credit_gz.monitoring_snapshot IS
    '每日监测快照 / aggregates taken by credit_gz.take_snapshots(as_of) for a day: subjects per grade, model and '
    'district; list entries in force per list type and district; pre-checks per verdict and department, district '
    'and domain. No subject''s data; read through credit_gz.monitor_snapshot.';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.as_of IS '快照日期 / the day the figures are for';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.measure IS '指标 / subjects_by_grade, entries_in_force or prechecks';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.dimension IS '统计维度 / district, department or domain';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.key IS '维度取值 / district name, department code or domain code';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.item IS '项目 / scoring model, list type or verdict';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.detail IS '细分 / the grade (subjects_by_grade); empty otherwise';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.value IS '数量 / count';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.taken_at IS '采集时间 / when the snapshot was taken (bookkeeping only)';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.monitoring_snapshot', '');

-- monitor_grades_on: subjects per district, model and grade on a day. Today (or later) from subject_score, as
-- monitor_grade_distribution counts them; a past day from grade_history, each subject's last grade by that day's end.
CREATE FUNCTION credit_gz.monitor_grades_on(as_of date)
RETURNS TABLE (district text, model_code text, grade text, subjects bigint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH x AS (
        SELECT ss.subject_id, ss.model_code, ss.grade::text AS grade
          FROM credit_gz.subject_score ss
         WHERE as_of OPERATOR(pg_catalog.>=) credit_gz.policy_date()
        UNION ALL
        (SELECT DISTINCT ON (h.subject_id, h.model_code) h.subject_id, h.model_code, h.new_grade::text
           FROM credit_gz.grade_history h
          WHERE as_of OPERATOR(pg_catalog.<) credit_gz.policy_date()
            AND credit_gz.policy_date(h.changed_at) OPERATOR(pg_catalog.<=) as_of
          ORDER BY h.subject_id, h.model_code, h.changed_at DESC, h.seq DESC)
    )
    SELECT coalesce(s.district, '市外'), x.model_code, x.grade, pg_catalog.count(*)
      FROM x JOIN credit_gz.subject s ON s.subject_id OPERATOR(pg_catalog.=) x.subject_id
     GROUP BY 1, 2, 3
$$;
COMMENT ON FUNCTION credit_gz.monitor_grades_on(date) IS
    '某日信用等级分布 / subjects per district, scoring model and grade on a day: today from subject_score (as '
    'monitor_grade_distribution), a past day from grade_history (the last grade each subject had by that day).';
REVOKE ALL ON FUNCTION credit_gz.monitor_grades_on(date) FROM PUBLIC;

-- monitor_lists_on: list entries in force on a day per district and list type: in effect that day and not yet
-- lifted, expired, repaired or revoked by then.
CREATE FUNCTION credit_gz.monitor_lists_on(as_of date)
RETURNS TABLE (district text, list_type_code text, entries bigint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(s.district, '市外'), e.list_type_code, pg_catalog.count(*)
      FROM credit_gz.list_entry e
      JOIN credit_gz.subject s ON s.subject_id OPERATOR(pg_catalog.=) e.subject_id
     WHERE e.effective_from OPERATOR(pg_catalog.<=) as_of
       AND (e.effective_until IS NULL OR e.effective_until OPERATOR(pg_catalog.>) as_of)
       AND (e.status OPERATOR(pg_catalog.=) 'active' OR e.status_changed_on OPERATOR(pg_catalog.>) as_of)
     GROUP BY 1, 2
$$;
COMMENT ON FUNCTION credit_gz.monitor_lists_on(date) IS
    '某日在列名单 / list entries in force on a day per district and list type (effective that day, not ended by then).';
REVOKE ALL ON FUNCTION credit_gz.monitor_lists_on(date) FROM PUBLIC;

-- take_snapshots: the daily job. Replaces the snapshot of as_of (so a day is re-taken or back-filled for any as_of
-- up to today), removes snapshots past the retention in force, and logs its run in credit_gz.job_run.
CREATE OR REPLACE FUNCTION credit_gz.take_snapshots(as_of date DEFAULT credit_gz.policy_date())
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    started timestamptz := pg_catalog.clock_timestamp();
    n_grade bigint; n_list bigint; n_pre bigint; n_purged bigint;
    summary jsonb;
    failed_state text; failed_message text;
BEGIN
    IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) OR as_of > credit_gz.policy_date() THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('take_snapshots needs a finite day not after today, got %s', coalesce(as_of::text, 'NULL')),
              ERRCODE = '22023', HINT = credit_gz.msg('Call credit_gz.take_snapshots() for today or give a past day to back-fill.');
    END IF;
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('take_snapshots')) THEN
        summary := pg_catalog.jsonb_build_object('as_of', as_of, 'skipped', 'another take_snapshots is in progress');
        PERFORM credit_gz.job_run_record('take_snapshots', as_of, started, summary);
        RETURN summary;
    END IF;
    BEGIN
        DELETE FROM credit_gz.monitoring_snapshot s WHERE s.as_of = take_snapshots.as_of;
        INSERT INTO credit_gz.monitoring_snapshot (as_of, measure, dimension, key, item, detail, value)
        SELECT take_snapshots.as_of, 'subjects_by_grade', 'district', g.district, g.model_code, g.grade, g.subjects
          FROM credit_gz.monitor_grades_on(take_snapshots.as_of) g;
        GET DIAGNOSTICS n_grade = ROW_COUNT;
        INSERT INTO credit_gz.monitoring_snapshot (as_of, measure, dimension, key, item, value)
        SELECT take_snapshots.as_of, 'entries_in_force', 'district', l.district, l.list_type_code, l.entries
          FROM credit_gz.monitor_lists_on(take_snapshots.as_of) l;
        GET DIAGNOSTICS n_list = ROW_COUNT;
        INSERT INTO credit_gz.monitoring_snapshot (as_of, measure, dimension, key, item, value)
        SELECT take_snapshots.as_of, 'prechecks', v.dimension, v.key, v.verdict, v.prechecks
          FROM credit_gz.monitor_precheck_verdicts v WHERE v.day = take_snapshots.as_of;
        GET DIAGNOSTICS n_pre = ROW_COUNT;
        DELETE FROM credit_gz.monitoring_snapshot s
         WHERE s.as_of < take_snapshots.as_of - credit_gz.monitoring_snapshot_retention_at(take_snapshots.as_of);
        GET DIAGNOSTICS n_purged = ROW_COUNT;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT;
        PERFORM credit_gz.job_run_record('take_snapshots', as_of, started, NULL, failed_state, failed_message);
        RAISE WARNING USING MESSAGE = credit_gz.msg('take_snapshots failed (SQLSTATE %s): %s', failed_state, failed_message),
              HINT = credit_gz.msg('The failure is logged in credit_gz.job_run.');
        RETURN pg_catalog.jsonb_build_object('as_of', as_of, 'sqlstate', failed_state, 'error', failed_message);
    END;
    summary := pg_catalog.jsonb_build_object('as_of', as_of, 'grade_rows', n_grade, 'list_rows', n_list,
                                             'precheck_rows', n_pre, 'purged_rows', n_purged);
    PERFORM credit_gz.job_run_record('take_snapshots', as_of, started, summary);
    RETURN summary;
END
$$;
COMMENT ON FUNCTION credit_gz.take_snapshots(date) IS
    '每日监测快照 / takes the monitoring snapshot of a day (default today, policy_date; any past day to back-fill): '
    'subjects per grade, model and district, list entries in force per list type and district, pre-checks per '
    'verdict by department, district and domain; replaces that day''s rows, removes snapshots past the retention '
    '(monitoring_snapshot_retention) and logs the run in credit_gz.job_run. Advisory lock job_lock_key(''take_snapshots'').';
REVOKE ALL ON FUNCTION credit_gz.take_snapshots(date) FROM PUBLIC;

INSERT INTO credit_gz.job_schedule (job, expected_every, basis, shipped) VALUES
    ('take_snapshots', interval '36 hours', '每日监测快照 / the daily monitoring snapshot (九: 定期通报监测结果)', true);

CREATE VIEW credit_gz.monitor_snapshot WITH (security_barrier = true) AS
SELECT s.as_of, s.measure, s.dimension, s.key, coalesce(dep.name_zh, dom.name_zh, s.key) AS label, s.item,
       s.detail, s.value
  FROM credit_gz.monitoring_snapshot s
  LEFT JOIN credit_gz.department dep ON s.dimension = 'department' AND dep.code = s.key
  LEFT JOIN credit_gz.domain dom ON s.dimension = 'domain' AND dom.code = s.key;
COMMENT ON VIEW credit_gz.monitor_snapshot IS
    '每日监测快照 / the daily snapshots (credit_gz.take_snapshots): subjects per grade, model and district; list '
    'entries in force per list type and district; pre-checks per verdict by department, district and domain.';
COMMENT ON COLUMN credit_gz.monitor_snapshot.as_of IS '快照日期 / the day the figures are for';
COMMENT ON COLUMN credit_gz.monitor_snapshot.measure IS '指标 / subjects_by_grade, entries_in_force or prechecks';
COMMENT ON COLUMN credit_gz.monitor_snapshot.dimension IS '统计维度 / district, department or domain';
COMMENT ON COLUMN credit_gz.monitor_snapshot.key IS '维度取值 / district name, department code or domain code';
COMMENT ON COLUMN credit_gz.monitor_snapshot.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_snapshot.item IS '项目 / scoring model, list type or verdict';
COMMENT ON COLUMN credit_gz.monitor_snapshot.detail IS '细分 / the grade (subjects_by_grade); empty otherwise';
COMMENT ON COLUMN credit_gz.monitor_snapshot.value IS '数量 / count';

-- ---------------------------------------------------------------------------------------------------------------
-- The periodic bulletin (定期通报): a month or a quarter, as HTML with SVG charts (no script, no network) or as
-- plain text for e-mail. Every figure is read from a monitor_* view, summed over the period's months where the
-- view is monthly; each target is shown beside the figure it judges.
-- ---------------------------------------------------------------------------------------------------------------
-- monitor_html: text escaped for HTML element content and attribute values.
CREATE FUNCTION credit_gz.monitor_html(t text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
               t, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$$;
COMMENT ON FUNCTION credit_gz.monitor_html(text) IS
    'HTML 转义 / text escaped for HTML content and attributes (& < > " '') for monitoring_bulletin.';

CREATE OR REPLACE FUNCTION credit_gz.monitoring_bulletin(period date, scope text DEFAULT 'month', format text DEFAULT 'html')
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p_start date; p_end date; prev_start date;
    html boolean;
    out text := '';
    sec text;
    r record;
    mx numeric;
    y integer;
    title text;
    n_records bigint; n_ly bigint; n_prev bigint; target numeric; growth numeric;
BEGIN
    IF period IS NULL OR NOT pg_catalog.isfinite(period) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('monitoring_bulletin needs a finite day in the period'),
              ERRCODE = '22023';
    END IF;
    IF scope IS NULL OR scope NOT IN ('month', 'quarter') THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('monitoring_bulletin scope must be month or quarter, got %s', coalesce(scope, 'NULL')),
              ERRCODE = '22023';
    END IF;
    IF format IS NULL OR format NOT IN ('html', 'text') THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('monitoring_bulletin format must be html or text, got %s', coalesce(format, 'NULL')),
              ERRCODE = '22023';
    END IF;
    html := format = 'html';
    p_start := pg_catalog.date_trunc(scope, period::timestamp)::date;
    p_end := (p_start + CASE scope WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END)::date;
    prev_start := (p_start - CASE scope WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END)::date;
    title := '广州市公共信用信息监测通报 / Guangzhou credit monitoring bulletin ' || p_start || ' – ' || (p_end - 1);
    target := credit_gz.policy_target_value('collection_growth', p_start);

    -- 1. collection (十五: 较同期提升20%以上)
    SELECT coalesce(pg_catalog.sum(c.records), 0), pg_catalog.sum(c.same_period_last_year)
      INTO n_records, n_ly
      FROM credit_gz.monitor_collection c
     WHERE c.dimension = 'city' AND c.period_start >= p_start AND c.period_start < p_end;
    growth := CASE WHEN n_ly > 0 THEN pg_catalog.round(n_records::numeric / n_ly - 1, 4) END;
    IF html THEN
        out := '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>' || credit_gz.monitor_html(title)
            || '</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}'
            || 'td,th{border:1px solid #999;padding:2px 6px;text-align:right}td:first-child,th:first-child{text-align:left}'
            || '.short{color:#b00}</style></head><body><h1>' || credit_gz.monitor_html(title) || '</h1>';
        sec := '<section id="collection"><h2>一、信用信息归集 / collection</h2><p>本期归集 records: ' || n_records
            || '; 上年同期 same period last year: ' || coalesce(n_ly::text, '—') || '; 同比 growth: '
            || coalesce(growth::text, '—') || ' (目标 target: ' || target || ')</p>'
            || '<table><tr><th>部门 department</th><th>records</th><th>last year</th><th>growth</th><th>target</th></tr>';
    ELSE
        out := title || E'\n' || pg_catalog.repeat('=', 60) || E'\n';
        sec := E'\n一、信用信息归集 / collection\n  records ' || n_records || ', same period last year '
            || coalesce(n_ly::text, '-') || ', growth ' || coalesce(growth::text, '-') || ' (target ' || target || E')\n';
    END IF;
    FOR r IN SELECT c.key, c.label, pg_catalog.sum(c.records) AS records, pg_catalog.sum(c.same_period_last_year) AS ly
               FROM credit_gz.monitor_collection c
              WHERE c.dimension = 'department' AND c.period_start >= p_start AND c.period_start < p_end
              GROUP BY c.key, c.label ORDER BY 3 DESC, 1 LOOP
        IF html THEN
            sec := sec || '<tr><td>' || credit_gz.monitor_html(r.label) || '</td><td>' || r.records || '</td><td>'
                || coalesce(r.ly::text, '—') || '</td><td>'
                || coalesce(pg_catalog.round(r.records::numeric / NULLIF(r.ly, 0) - 1, 4)::text, '—') || '</td><td>'
                || target || '</td></tr>';
        ELSE
            sec := sec || '  ' || r.label || ': ' || r.records || ' (last year ' || coalesce(r.ly::text, '-') || E')\n';
        END IF;
    END LOOP;
    IF html THEN
        -- bar chart of records per district
        SELECT pg_catalog.max(x.records), pg_catalog.count(*) INTO mx, y
          FROM (SELECT pg_catalog.sum(c.records) AS records FROM credit_gz.monitor_collection c
                 WHERE c.dimension = 'district' AND c.period_start >= p_start AND c.period_start < p_end
                 GROUP BY c.key) x;
        sec := sec || '</table><svg xmlns="http://www.w3.org/2000/svg" role="img" width="640" height="'
            || (20 * coalesce(y, 0) + 10) || '"><title>各区归集量 / records per district</title>';
        y := 0;
        FOR r IN SELECT c.key, pg_catalog.sum(c.records) AS records FROM credit_gz.monitor_collection c
                  WHERE c.dimension = 'district' AND c.period_start >= p_start AND c.period_start < p_end
                  GROUP BY c.key ORDER BY 2 DESC, 1 LOOP
            sec := sec || '<text x="0" y="' || (y * 20 + 15) || '" font-size="12">' || credit_gz.monitor_html(r.key)
                || '</text><rect x="100" y="' || (y * 20 + 4) || '" height="14" width="'
                || pg_catalog.round(400 * r.records / NULLIF(mx, 0)) || '" fill="#4a7bb7"/><text x="'
                || (105 + pg_catalog.round(400 * r.records / NULLIF(mx, 0))) || '" y="' || (y * 20 + 15)
                || '" font-size="12">' || r.records || '</text>';
            y := y + 1;
        END LOOP;
        sec := sec || '</svg></section>';
    END IF;
    out := out || sec;

    -- 2. data quality: 重错码率 and 双公示
    FOR r IN SELECT q.metric, q.metric_name, q.label, q.value, q.target, q.meets_target, q.base, q.count
               FROM credit_gz.monitor_data_quality q
              WHERE q.metric <> 'department_code_error_rate'
              ORDER BY q.metric = 'code_error_rate' DESC, q.dimension = 'city' DESC, q.metric, q.key LOOP
        IF r.metric = 'code_error_rate' THEN
            sec := CASE WHEN html THEN '<section id="code_quality"><h2>二、重错码率 / duplicate or erroneous codes</h2><p>'
                        ELSE E'\n二、重错码率 / duplicate or erroneous codes\n  ' END
                || r.metric_name || ': ' || coalesce(r.value::text, '0') || ' (' || r.count || ' / ' || r.base
                || '; 目标 target ≤ ' || r.target || '; '
                || CASE WHEN r.meets_target THEN '达标 met' ELSE '未达标 not met' END || ')'
                || CASE WHEN html THEN '</p></section><section id="double_publicity"><h2>三、双公示 / 双公示 pass rates</h2><table>'
                        || '<tr><th>部门 department</th><th>指标 metric</th><th>records</th><th>passed</th><th>pass rate</th></tr>'
                        ELSE E'\n\n三、双公示 / 双公示 pass rates\n' END;
        ELSIF html THEN
            sec := sec || '<tr><td>' || credit_gz.monitor_html(r.label) || '</td><td>' || credit_gz.monitor_html(r.metric_name)
                || '</td><td>' || coalesce(r.base::text, '—') || '</td><td>' || coalesce(r.count::text, '—')
                || '</td><td>' || coalesce(r.value::text, '—') || '</td></tr>';
        ELSE
            sec := sec || '  ' || r.label || ' ' || r.metric || ': ' || coalesce(r.value::text, '-') || ' ('
                || coalesce(r.count::text, '-') || ' / ' || coalesce(r.base::text, '-') || E')\n';
        END IF;
    END LOOP;
    out := out || sec || CASE WHEN html THEN '</table></section>' ELSE '' END;

    -- 4. graded supervision coverage (分级分类监管, ≥ 20 domains)
    SELECT g.domains_covered, g.target, g.meets_target, g.models, g.subjects_graded INTO r
      FROM credit_gz.monitor_graded_supervision g WHERE g.dimension = 'city';
    out := out || CASE WHEN html THEN '<section id="graded_supervision"><h2>四、分级分类监管 / graded supervision</h2><p>'
                       ELSE E'\n四、分级分类监管 / graded supervision\n  ' END
        || '覆盖领域 domains covered: ' || coalesce(r.domains_covered::text, '0') || ' (目标 target ≥ '
        || coalesce(r.target::text, credit_gz.policy_target_value('graded_supervision_domains')::text) || '; '
        || CASE WHEN r.meets_target THEN '达标 met' ELSE '未达标 not met' END || '); 模型 models: '
        || coalesce(r.models::text, '0') || '; 已评级主体 subjects graded: ' || coalesce(r.subjects_graded::text, '0')
        || CASE WHEN html THEN '</p></section>' ELSE E'\n' END;

    -- 5. lists, repairs, objections in the period, and 6. changes since the last period (monitor_trend, city-wide)
    sec := CASE WHEN html THEN '<section id="lists_repairs"><h2>五、名单与信用修复 / lists, repairs, objections</h2><table>'
                    || '<tr><th>指标 measure</th><th>分类 category</th><th>本期 this period</th><th>上期 last period</th><th>变化 change</th></tr>'
                ELSE E'\n五、名单与信用修复 / lists, repairs, objections (this period, last period)\n' END;
    FOR r IN SELECT t.measure, t.category,
                    coalesce(pg_catalog.sum(t.value) FILTER (WHERE t.period_start >= p_start), 0) AS now_v,
                    coalesce(pg_catalog.sum(t.value) FILTER (WHERE t.period_start < p_start), 0) AS prev_v
               FROM credit_gz.monitor_trend t
              WHERE t.basis = 'decision' AND t.dimension = 'city' AND t.measure <> 'records'
                AND t.period_start >= prev_start AND t.period_start < p_end
              GROUP BY t.measure, t.category ORDER BY 1, 2 LOOP
        sec := sec || CASE WHEN html THEN '<tr><td>' || r.measure || '</td><td>' || credit_gz.monitor_html(r.category)
                               || '</td><td>' || r.now_v || '</td><td>' || r.prev_v || '</td><td>'
                               || (r.now_v - r.prev_v) || '</td></tr>'
                           ELSE '  ' || r.measure || ' ' || r.category || ': ' || r.now_v || ' (' || r.prev_v || E')\n' END;
    END LOOP;
    out := out || sec || CASE WHEN html THEN '</table></section>' ELSE '' END;

    SELECT coalesce(pg_catalog.sum(c.records), 0) INTO n_prev
      FROM credit_gz.monitor_collection c
     WHERE c.dimension = 'city' AND c.period_start >= prev_start AND c.period_start < p_start;
    out := out || CASE WHEN html THEN '<section id="changes"><h2>六、与上期比较 / changes since the last period</h2><p>'
                       ELSE E'\n六、与上期比较 / changes since the last period\n  ' END
        || '归集 records: ' || n_records || ' (上期 last period ' || n_prev || ', 变化 change '
        || (n_records - n_prev) || ')' || CASE WHEN html THEN '</p>' ELSE E'\n' END;
    IF html THEN
        -- records per month, this period and the last, as columns
        SELECT pg_catalog.max(c.records) INTO mx FROM credit_gz.monitor_collection c
         WHERE c.dimension = 'city' AND c.period_start >= prev_start AND c.period_start < p_end;
        out := out || '<svg xmlns="http://www.w3.org/2000/svg" role="img" width="640" height="160"><title>'
            || '每月归集量 / records per month</title>';
        y := 0;
        FOR r IN SELECT c.period_start, c.records FROM credit_gz.monitor_collection c
                  WHERE c.dimension = 'city' AND c.period_start >= prev_start AND c.period_start < p_end
                  ORDER BY 1 LOOP
            out := out || '<rect x="' || (10 + y * 100) || '" y="' || (130 - pg_catalog.round(110 * r.records / NULLIF(mx, 0)))
                || '" width="60" height="' || pg_catalog.round(110 * r.records / NULLIF(mx, 0)) || '" fill="'
                || CASE WHEN r.period_start >= p_start THEN '#4a7bb7' ELSE '#aaa' END || '"/><text x="' || (10 + y * 100)
                || '" y="150" font-size="12">' || pg_catalog.to_char(r.period_start, 'YYYY-MM') || ' ' || r.records
                || '</text>';
            y := y + 1;
        END LOOP;
        out := out || '</svg></section>';
    END IF;

    -- 7. who falls short: districts and departments under the collection target over the period
    sec := CASE WHEN html THEN '<section id="shortfalls"><h2>七、未达标 / districts and departments that fall short</h2><ul>'
                ELSE E'\n七、未达标 / districts and departments that fall short\n' END;
    y := 0;
    FOR r IN SELECT c.dimension, c.label, pg_catalog.sum(c.records) AS records, pg_catalog.sum(c.same_period_last_year) AS ly
               FROM credit_gz.monitor_collection c
              WHERE c.dimension IN ('district', 'department') AND c.period_start >= p_start AND c.period_start < p_end
              GROUP BY c.dimension, c.key, c.label
             HAVING pg_catalog.sum(c.same_period_last_year) > 0
                AND pg_catalog.sum(c.records) < pg_catalog.sum(c.same_period_last_year) * (1 + target)
              ORDER BY 1 DESC, 2 LOOP
        sec := sec || CASE WHEN html THEN '<li class="short">' ELSE '  ' END || r.dimension || ' '
            || CASE WHEN html THEN credit_gz.monitor_html(r.label) ELSE r.label END || ': 归集 ' || r.records
            || ' < ' || r.ly || ' × (1 + ' || target || ')' || CASE WHEN html THEN '</li>' ELSE E'\n' END;
        y := y + 1;
    END LOOP;
    IF y = 0 THEN
        sec := sec || CASE WHEN html THEN '<li>无 / none</li>' ELSE E'  无 / none\n' END;
    END IF;
    out := out || sec || CASE WHEN html THEN '</ul></section></body></html>' ELSE '' END;
    RETURN out;
END
$$;
COMMENT ON FUNCTION credit_gz.monitoring_bulletin(date, text, text) IS
    '定期通报 / the bulletin of a month or quarter (scope) containing period, as HTML with SVG charts (format html, '
    'no script or network) or plain text (format text): collection against the +20% target and per department, '
    '重错码率 against 0.005%, 双公示 pass rates, graded supervision coverage (≥ 20 domains), lists, repairs and '
    'objections, changes since the last period, and who falls short; each figure from its monitor_* view.';
REVOKE ALL ON FUNCTION credit_gz.monitoring_bulletin(date, text, text) FROM PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('analyst', 'monitoring_bulletin(date, text, text)', 'EXECUTE', true);


-- ---------------------------------------------------------------------------------------------------------------------
-- Department intake per department (src/intake.sql): staged lines carry the staging department, staged lines and
-- rejects are keyed and under row-level security by department; departments COPY into penalty_intake_file, load
-- their own batches and read their own rejects.
-- ---------------------------------------------------------------------------------------------------------------------
-- intake_department: the department a staged line is in the name of when the file does not say.
CREATE FUNCTION credit_gz.intake_department()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN pg_catalog.cardinality(credit_gz.my_departments()) = 1 THEN (credit_gz.my_departments())[1] END $$;
COMMENT ON FUNCTION credit_gz.intake_department() IS
    '归集部门 / the one department the current role acts for (NULL when none or several): the department of a staged '
    'line that names none.';

ALTER TABLE credit_gz.penalty_intake
    ADD COLUMN department_code text NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE
        DEFAULT credit_gz.intake_department();
ALTER TABLE credit_gz.penalty_intake DROP CONSTRAINT penalty_intake_pkey,
    ADD CONSTRAINT penalty_intake_pkey PRIMARY KEY (department_code, batch, line_no);
ALTER TABLE credit_gz.intake_reject DROP CONSTRAINT intake_reject_pkey,
    ADD CONSTRAINT intake_reject_pkey PRIMARY KEY (department_code, batch, line_no);
COMMENT ON TABLE credit_gz.penalty_intake IS
    '行政处罚归集暂存 / a penalty file in the national 双公示 format as staged, one row per line, every field as text in '
    'the format''s order; COPY it with the batch and line number (doc/intake.md), then call intake_penalties(). '
    'A department sees and stages only its own lines (row-level security).';
COMMENT ON COLUMN credit_gz.penalty_intake.department_code IS
    '归集部门 / department staging the file (default: the one department the role acts for)';
-- penalty_intake_file: what a department COPYs its file into (COPY does not write a table under row-level security;
-- through this view each line goes in by INSERT, under the department policy). Lines naming no department_code take
-- the department the role acts for.
CREATE VIEW credit_gz.penalty_intake_file WITH (security_barrier = true, security_invoker = true) AS
SELECT * FROM credit_gz.penalty_intake;
COMMENT ON VIEW credit_gz.penalty_intake_file IS
    '行政处罚归集文件 / COPY a penalty file here (columns of credit_gz.penalty_intake): each line is staged in '
    'credit_gz.penalty_intake, in the name of the department the role acts for unless department_code is given.';
COMMENT ON COLUMN credit_gz.penalty_intake_file.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.penalty_intake_file.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.penalty_intake_file.subject_name IS '行政相对人名称 / subject name';
COMMENT ON COLUMN credit_gz.penalty_intake_file.subject_category IS '行政相对人类别 / 法人及非法人组织, 自然人 or 个体工商户';
COMMENT ON COLUMN credit_gz.penalty_intake_file.uscc IS '统一社会信用代码 / unified social credit code';
COMMENT ON COLUMN credit_gz.penalty_intake_file.business_reg_no IS '工商注册号 / business registration number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.organisation_code IS '组织机构代码 / organisation code';
COMMENT ON COLUMN credit_gz.penalty_intake_file.tax_reg_no IS '税务登记号 / tax registration number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.institution_cert_no IS '事业单位证书号 / public institution certificate number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.social_org_cert_no IS '社会组织登记证号 / social organisation certificate number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.legal_rep_name IS '法定代表人 / legal representative';
COMMENT ON COLUMN credit_gz.penalty_intake_file.legal_rep_id_type IS '法定代表人证件类型 / legal representative''s document type';
COMMENT ON COLUMN credit_gz.penalty_intake_file.legal_rep_id_no IS '法定代表人证件号码 / legal representative''s document number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.id_type IS '证件类型 / document type of a natural person';
COMMENT ON COLUMN credit_gz.penalty_intake_file.id_no IS '证件号码 / document number of a natural person';
COMMENT ON COLUMN credit_gz.penalty_intake_file.document_no IS '行政处罚决定书文号 / decision document number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.violation_type IS '违法行为类型 / violation type';
COMMENT ON COLUMN credit_gz.penalty_intake_file.facts IS '违法事实 / facts';
COMMENT ON COLUMN credit_gz.penalty_intake_file.basis IS '处罚依据 / legal basis';
COMMENT ON COLUMN credit_gz.penalty_intake_file.penalty_category IS '处罚类别 / penalty categories (names of 行政处罚法 art. 9)';
COMMENT ON COLUMN credit_gz.penalty_intake_file.content IS '处罚内容 / content of the penalty';
COMMENT ON COLUMN credit_gz.penalty_intake_file.fine_amount IS '罚款金额(万元) / fine in 10,000 yuan';
COMMENT ON COLUMN credit_gz.penalty_intake_file.confiscated_amount IS '没收违法所得、没收非法财物的金额(万元) / amount confiscated in 10,000 yuan';
COMMENT ON COLUMN credit_gz.penalty_intake_file.licence_revoked IS '暂扣或吊销证照名称及编号 / licence suspended or revoked';
COMMENT ON COLUMN credit_gz.penalty_intake_file.decision_date IS '处罚决定日期 / decision date';
COMMENT ON COLUMN credit_gz.penalty_intake_file.penalty_valid_to IS '处罚有效期 / end of the penalty''s validity';
COMMENT ON COLUMN credit_gz.penalty_intake_file.publicity_deadline IS '公示截止期 / last day published, as the department decided';
COMMENT ON COLUMN credit_gz.penalty_intake_file.deciding_body IS '处罚机关 / deciding body';
COMMENT ON COLUMN credit_gz.penalty_intake_file.deciding_body_uscc IS '处罚机关统一社会信用代码 / deciding body''s unified code';
COMMENT ON COLUMN credit_gz.penalty_intake_file.source_body IS '数据来源单位 / body supplying the data';
COMMENT ON COLUMN credit_gz.penalty_intake_file.source_body_uscc IS '数据来源单位统一社会信用代码 / supplying body''s unified code';
COMMENT ON COLUMN credit_gz.penalty_intake_file.remarks IS '备注 / remarks';
COMMENT ON COLUMN credit_gz.penalty_intake_file.department_code IS '归集部门 / department staging the file (default: the one department the role acts for)';
CREATE FUNCTION credit_gz.penalty_intake_file_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID <> 'credit_gz.penalty_intake_file'::regclass OR TG_WHEN <> 'INSTEAD OF' OR TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'credit_gz.penalty_intake_file_insert() must be an INSTEAD OF INSERT trigger on credit_gz.penalty_intake_file'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    NEW.department_code := coalesce(NEW.department_code, credit_gz.intake_department());
    INSERT INTO credit_gz.penalty_intake SELECT (NEW).*;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.penalty_intake_file_insert() IS
    'INSTEAD OF INSERT trigger on credit_gz.penalty_intake_file: stages the line in credit_gz.penalty_intake.';
REVOKE ALL ON FUNCTION credit_gz.penalty_intake_file_insert() FROM PUBLIC;
CREATE TRIGGER penalty_intake_file_insert INSTEAD OF INSERT ON credit_gz.penalty_intake_file
    FOR EACH ROW EXECUTE FUNCTION credit_gz.penalty_intake_file_insert();
COMMENT ON TRIGGER penalty_intake_file_insert ON credit_gz.penalty_intake_file IS 'a COPYed line is staged.';
REVOKE ALL ON credit_gz.penalty_intake_file FROM PUBLIC;

-- 谁归集谁负责: a department stages, reads and clears only its own lines and rejects (they hold personal data); the
-- extension's owner is not subject to the policies. The mappings are catalogues, no one's information.
ALTER TABLE credit_gz.penalty_intake ENABLE ROW LEVEL SECURITY;
CREATE POLICY penalty_intake_department ON credit_gz.penalty_intake FOR ALL
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY penalty_intake_department ON credit_gz.penalty_intake IS
    '谁归集谁负责: a department stages, reads and clears only its own staged lines.';
ALTER TABLE credit_gz.intake_reject ENABLE ROW LEVEL SECURITY;
CREATE POLICY intake_reject_department ON credit_gz.intake_reject FOR ALL
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY intake_reject_department ON credit_gz.intake_reject IS
    '谁归集谁负责: a department reads (and its intake writes) only its own rejected lines.';
GRANT SELECT ON credit_gz.intake_subject_kind, credit_gz.intake_item_map, credit_gz.intake_severity_map TO PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'penalty_intake', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'penalty_intake_file', 'INSERT', true),
    ('department', 'intake_reject', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'intake_penalties(text, text, boolean)', 'EXECUTE', true),
    ('department', 'intake_subject(text, text, text, text, text, text, text, text, text, text)', 'EXECUTE', true),
    -- the categories of 行政处罚法 art. 9 the intake maps 处罚类别 to (a catalogue)
    ('department', 'penalty_category', 'SELECT', true);

-- ---------------------------------------------------------------------------------------------------------------------
-- Department intake: the crosswalk from older organisation codes (工商注册号, 组织机构代码) to the unified code
-- (src/intake.sql), readable by departments.
-- ---------------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.intake_code_crosswalk (
    code_kind text    NOT NULL CHECK (code_kind IN ('business_reg_no', 'organisation_code', 'tax_reg_no',
                                                    'institution_cert_no', 'social_org_cert_no')),
    old_code  text    NOT NULL CHECK (btrim(old_code) = old_code AND old_code <> ''),
    uscc      credit_gz.uscc NOT NULL,
    source    text    NOT NULL CHECK (btrim(source) <> ''),
    shipped   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (code_kind, old_code),
    -- 工商注册号: 15 digits, the first six the registering authority's division, as positions 3-8 of the unified code
    CONSTRAINT intake_code_crosswalk_region CHECK (code_kind <> 'business_reg_no'
        OR (old_code ~ '^[0-9]{15}$' AND substr(old_code, 1, 6) = credit_gz.uscc_region(uscc))),
    -- 组织机构代码: positions 9-17 of the unified code (written without the hyphen)
    CONSTRAINT intake_code_crosswalk_org_code CHECK (code_kind <> 'organisation_code'
        OR old_code = credit_gz.uscc_org_code(uscc)),
    -- 税务登记号: 15 characters, a six-digit division and the organisation code (positions 9-17 of the unified code)
    CONSTRAINT intake_code_crosswalk_tax_reg_no CHECK (code_kind <> 'tax_reg_no'
        OR (old_code ~ '^[0-9]{6}[0-9A-Z]{9}$' AND substr(old_code, 7) = credit_gz.uscc_org_code(uscc))),
    -- 事业单位法人证书号: 12 digits; the unified code is one the 机构编制 authority gives a 事业单位 (12…)
    CONSTRAINT intake_code_crosswalk_institution CHECK (code_kind <> 'institution_cert_no'
        OR (old_code ~ '^[0-9]{12}$' AND credit_gz.uscc_authority(uscc) || credit_gz.uscc_category(uscc) = '12')),
    -- 社会组织登记证号: as the 民政 register writes it; the unified code is one the 民政 authority gives (5…)
    CONSTRAINT intake_code_crosswalk_social_org CHECK (code_kind <> 'social_org_cert_no'
        OR credit_gz.uscc_authority(uscc) = '5')
);
COMMENT ON TABLE credit_gz.intake_code_crosswalk IS
    '旧代码对照 / the unified social credit code an organisation''s older code (工商注册号, 组织机构代码, 税务登记号, '
    '事业单位证书号, 社会组织登记证号) was replaced by: a line without 统一社会信用代码 finds its organisation through it '
    '(in that order). A 工商注册号 is of the division of the code (positions 3-8); an organisation code is positions '
    '9-17, as are the last nine characters of a 税务登记号; a 事业单位证书号 (12 digits) belongs to a code of a 事业单位 '
    '(12…), a 社会组织登记证号 to one of the 民政 authority (5…).';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.code_kind IS
    '旧代码类别 / business_reg_no (工商注册号), organisation_code (组织机构代码), tax_reg_no (税务登记号), '
    'institution_cert_no (事业单位法人证书号) or social_org_cert_no (社会组织登记证号)';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.old_code IS
    '旧代码 / the older code in its plain form: no hyphen, letters upper case, a 事业单位证书号 without 事证第…号';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.uscc IS '统一社会信用代码 / the unified code that replaced it';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.source IS '依据 / source of the pair (换照 register, 赋码 list)';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
REVOKE ALL ON credit_gz.intake_code_crosswalk FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_code_crosswalk', 'WHERE NOT shipped');

INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'intake_code_crosswalk', 'SELECT', true);

-- ---------------------------------------------------------------------------------------------------------------
-- 两书同达: the repair notice (信用修复告知书) issued with every penalty record, its wording as data in generations,
-- read by the subject in its own report and by government. Records already in the archive get theirs when re-sent.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.repair_notice_text (
    notice_text_id  integer PRIMARY KEY,
    effective_from  date NOT NULL,
    effective_until date,
    where_to_apply  text NOT NULL CHECK (btrim(where_to_apply) <> ''),
    conditions      text NOT NULL CHECK (btrim(conditions) <> ''),
    source          text NOT NULL CHECK (btrim(source) <> ''),
    note            text,
    shipped         boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    UNIQUE (effective_from, shipped)
);
COMMENT ON TABLE credit_gz.repair_notice_text IS
    '信用修复告知书文本代次 / generations of the repair notice''s wording (两书同达): where and under which conditions '
    'repair may be applied for, for penalties decided on the days a generation is in force [effective_from, '
    'effective_until). No generation in force on the decision date: no notice (before 两书同达 took effect). A local '
    'row (shipped = false) in force on the same day takes precedence over the shipped one.';
COMMENT ON COLUMN credit_gz.repair_notice_text.notice_text_id IS '文本编号 / id (shipped rows below 1000)';
COMMENT ON COLUMN credit_gz.repair_notice_text.effective_from IS '施行日期 / first decision day the wording governs';
COMMENT ON COLUMN credit_gz.repair_notice_text.effective_until IS '失效日期 / first decision date no longer governed by the wording (NULL: open)';
COMMENT ON COLUMN credit_gz.repair_notice_text.where_to_apply IS '申请渠道 / where to apply';
COMMENT ON COLUMN credit_gz.repair_notice_text.conditions IS '修复条件 / conditions of repair';
COMMENT ON COLUMN credit_gz.repair_notice_text.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.repair_notice_text.note IS '说明 / remarks (an unconfirmed point says so here)';
COMMENT ON COLUMN credit_gz.repair_notice_text.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.repair_notice_text (notice_text_id, effective_from, effective_until, where_to_apply, conditions,
                                          source, note, shipped) VALUES
    (1, '2025-06-22', '2026-04-01',
     '“信用中国”网站(www.creditchina.gov.cn)信用修复栏目，或其线下服务窗口',
     '已履行行政处罚决定规定的义务、纠正失信行为，最短公示期届满，并作出信用承诺',
     '《国务院办公厅关于进一步完善信用修复制度的实施方案》(国办发〔2025〕22号)',
     'the wording is a summary of the scheme, not its text', true),
    (2, '2026-04-01', NULL,
     '“信用中国”网站(www.creditchina.gov.cn)信用修复栏目，或其线下服务窗口',
     '已履行行政处罚决定规定的义务、纠正失信行为、消除不良影响，最短公示期届满，并作出信用承诺',
     '《信用修复管理办法》(国家发展改革委令第36号)',
     'the wording is a summary of the order, not its article text', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_notice_text', 'WHERE NOT shipped');

CREATE FUNCTION credit_gz.repair_notice_text_for(decision_date date) RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT t.notice_text_id FROM credit_gz.repair_notice_text t
        WHERE credit_gz.in_force(t.effective_from, t.effective_until, repair_notice_text_for.decision_date)
        ORDER BY t.shipped, t.effective_from DESC, t.notice_text_id
        LIMIT 1);
COMMENT ON FUNCTION credit_gz.repair_notice_text_for(date) IS
    '适用告知书文本 / the repair notice wording in force on a decision date (a local row before a shipped one); NULL '
    'before 两书同达.';

CREATE TABLE credit_gz.repair_notice (
    subject_id      bigint  NOT NULL,
    record_id       bigint  NOT NULL,
    notice_text_id  integer NOT NULL REFERENCES credit_gz.repair_notice_text (notice_text_id),
    repairable_from date,
    issued_on       date    NOT NULL,
    updated_on      date    NOT NULL,
    PRIMARY KEY (subject_id, record_id),
    CONSTRAINT repair_notice_record_fkey FOREIGN KEY (subject_id, record_id)
        REFERENCES credit_gz.record (subject_id, record_id) ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE credit_gz.repair_notice IS
    '信用修复告知书 / repair notices (两书同达): one per administrative penalty record decided while a notice wording '
    'is in force, issued in the statement that records the penalty; a re-sent penalty keeps its notice and its issue '
    'day, a changed repairable_from or wording generation is updated. Granted to nobody: read through '
    'credit_gz.disclosed_repair_notice (the subject itself in its own report, government).';
COMMENT ON COLUMN credit_gz.repair_notice.subject_id IS '信用主体 / subject';
COMMENT ON COLUMN credit_gz.repair_notice.record_id IS '行政处罚记录 / the penalty record';
COMMENT ON COLUMN credit_gz.repair_notice.notice_text_id IS '告知书文本 / wording generation (in force on the decision date)';
COMMENT ON COLUMN credit_gz.repair_notice.repairable_from IS '可申请修复日 / first day repair may be applied for (the record''s; NULL: not repairable)';
COMMENT ON COLUMN credit_gz.repair_notice.issued_on IS '告知日期 / day issued (the policy date when the penalty was recorded)';
COMMENT ON COLUMN credit_gz.repair_notice.updated_on IS '更新日期 / last day the notice changed';
REVOKE ALL ON credit_gz.repair_notice FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_notice', '');

-- repair_notice_issue: AFTER INSERT / AFTER UPDATE statement trigger on credit_gz.record, one statement for the whole
-- batch (COPY and MERGE loads). SECURITY DEFINER: departments record penalties, nobody writes notices directly.
CREATE FUNCTION credit_gz.repair_notice_issue()
RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    today date := credit_gz.policy_date();
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.record'::pg_catalog.regclass OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER'
       OR TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_OP NOT IN ('INSERT', 'UPDATE') THEN
        RAISE EXCEPTION 'credit_gz.repair_notice_issue() fires only AFTER INSERT or UPDATE FOR EACH STATEMENT on credit_gz.record'
            USING ERRCODE = '39P01';
    END IF;
    IF TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND credit_gz.restoring() THEN
        RETURN NULL;  -- a restore keeps the notices as dumped
    END IF;
    INSERT INTO credit_gz.repair_notice AS n (subject_id, record_id, notice_text_id, repairable_from, issued_on, updated_on)
    SELECT r.subject_id, r.record_id, t.id, r.repairable_from, today, today
      FROM repair_notice_new r
      JOIN credit_gz.info_item i ON i.code OPERATOR(pg_catalog.=) r.item_code
                                AND i.kind OPERATOR(pg_catalog.=) 'penalty'
     CROSS JOIN LATERAL (SELECT credit_gz.repair_notice_text_for(r.decision_date) AS id) t
     WHERE t.id IS NOT NULL
       AND r.publish_until IS DISTINCT FROM r.publish_from  -- not published (SAMR Order 107: warnings): nothing to repair
     ORDER BY r.subject_id, r.record_id
    ON CONFLICT (subject_id, record_id) DO UPDATE
       SET notice_text_id = EXCLUDED.notice_text_id, repairable_from = EXCLUDED.repairable_from,
           updated_on = EXCLUDED.updated_on
     WHERE n.notice_text_id OPERATOR(pg_catalog.<>) EXCLUDED.notice_text_id
        OR n.repairable_from IS DISTINCT FROM EXCLUDED.repairable_from;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION credit_gz.repair_notice_issue() IS
    '两书同达: issues the repair notice of every published administrative penalty record the statement wrote whose '
    'decision date has a notice wording in force (credit_gz.repair_notice_text_for); idempotent — a re-sent record keeps its notice '
    'and issue day, a changed repairable_from follows; a restore keeps the notices as dumped. Trigger on '
    'credit_gz.record only.';
REVOKE ALL ON FUNCTION credit_gz.repair_notice_issue() FROM PUBLIC;
CREATE TRIGGER repair_notice_insert AFTER INSERT ON credit_gz.record REFERENCING NEW TABLE AS repair_notice_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.repair_notice_issue();
COMMENT ON TRIGGER repair_notice_insert ON credit_gz.record IS '两书同达: the repair notices of new penalty records (one statement).';
CREATE TRIGGER repair_notice_update AFTER UPDATE ON credit_gz.record REFERENCING NEW TABLE AS repair_notice_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.repair_notice_issue();
COMMENT ON TRIGGER repair_notice_update ON credit_gz.record IS '两书同达: re-sent or changed penalty records keep their notice up to date (one statement).';

-- The subject reads its notices in its own report (credit_report as self), government with the repairs.
CREATE VIEW credit_gz.disclosed_repair_notice WITH (security_barrier = true) AS
SELECT d.audience, n.subject_id, n.record_id, d.department_code, d.document_no, d.decision_date, n.repairable_from,
       t.where_to_apply, t.conditions, t.source, n.issued_on
  FROM credit_gz.repair_notice n
  JOIN credit_gz.disclosed_record d ON d.subject_id = n.subject_id AND d.record_id = n.record_id
  JOIN credit_gz.audience au ON au.code = d.audience AND au.sees_repairs
  JOIN credit_gz.repair_notice_text t ON t.notice_text_id = n.notice_text_id;
COMMENT ON VIEW credit_gz.disclosed_repair_notice IS
    '可见信用修复告知书 / repair notices (两书同达), for the audiences that see repairs, of the records they see '
    '(credit_gz.disclosed_record): the subject itself in its own report (credit_report as self), government.';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.record_id IS '行政处罚记录 / the penalty record';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.department_code IS '认定部门 / department that decided';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.document_no IS '决定文书号 / decision document number';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.decision_date IS '决定日期 / decision date';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.repairable_from IS '可申请修复日期 / repair may be applied for from (NULL: not repairable)';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.where_to_apply IS '申请渠道 / where to apply';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.conditions IS '修复条件 / conditions of repair';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.issued_on IS '告知日期 / day issued';

-- ---------------------------------------------------------------------------------------------------------------
-- 查询记录: a subject reading its own report sees who read it (credit_gz.my_query_record, granted to self-service roles)
-- ---------------------------------------------------------------------------------------------------------------
-- my_query_record: 查询记录 — who read the subject a self report names (credit_gz.self_subject()), as a personal credit
-- report lists its queries: when, for which audience, by which department or institution, for what purpose; never
-- the reading role or session. Outside a self report it has no rows. A view, not a SECURITY DEFINER function:
-- self_subject() must see the caller (the role that opened the self read), which a view leaves as it is.
CREATE VIEW credit_gz.my_query_record WITH (security_barrier = true) AS
SELECT q.at::date AS queried_on,
       q.audience,
       q.department_code,
       (SELECT pg_catalog.min(g.institution_id) FROM credit_gz.role_grant g
         WHERE g.role_name OPERATOR(pg_catalog.=) q.role_name AND g.kind OPERATOR(pg_catalog.=) 'financial_institution'
        HAVING pg_catalog.count(DISTINCT g.institution_id) OPERATOR(pg_catalog.=) 1) AS institution_id,
       q.purpose,
       q.at,
       q.log_id
  FROM credit_gz.query_log q
 WHERE q.subject_id OPERATOR(pg_catalog.=) credit_gz.self_subject();
COMMENT ON VIEW credit_gz.my_query_record IS
    '查询记录 / who read the subject of the self report being built (credit_gz.self_subject()): date, audience, '
    'department or financial institution, purpose, from credit_gz.query_log; nothing else of the log. No rows outside '
    'a self report (credit_gz.credit_report(subject, ''self'')). institution_id: the institution the reading role acts '
    'for when it acts for one.';
COMMENT ON COLUMN credit_gz.my_query_record.queried_on IS '查询日期 / date of the read';
COMMENT ON COLUMN credit_gz.my_query_record.audience IS '查询用途类别 / audience the read was made for';
COMMENT ON COLUMN credit_gz.my_query_record.department_code IS '查询部门 / department that read';
COMMENT ON COLUMN credit_gz.my_query_record.institution_id IS '查询机构 / financial institution that read';
COMMENT ON COLUMN credit_gz.my_query_record.purpose IS '查询原因 / purpose given';
COMMENT ON COLUMN credit_gz.my_query_record.at IS '查询时间 / when (orders the record)';
COMMENT ON COLUMN credit_gz.my_query_record.log_id IS '日志编号 / entry id (orders reads at the same time)';
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('self_service', 'my_query_record', 'SELECT', true);

-- The text report prints the 查询记录 of a self report (七、查询记录)
CREATE OR REPLACE FUNCTION credit_gz.credit_report_text(subject_id bigint, audience text, purpose text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r     jsonb := credit_gz.credit_report(subject_id, audience, purpose);
    e     jsonb;
    out   text;
    n     int;
BEGIN
    out := '广州市公共信用信息报告' || E'\n'
        || '报告对象: ' || (r ->> 'audience_name') || ' (' || (r ->> 'audience') || ')' || E'\n'
        || '生成时间: ' || pg_catalog.to_char((r ->> 'generated_at')::timestamptz, 'YYYY-MM-DD HH24:MI:SS') || E'\n';
    IF NOT (r ->> 'found')::boolean THEN
        RETURN out || E'\n未查询到该主体的信用档案。\n';
    END IF;
    e := r -> 'subject';
    out := out || E'\n一、主体信息\n'
        || '  名称: ' || coalesce(e ->> 'name', '—') || E'\n'
        || CASE WHEN (e ->> 'natural_person')::boolean THEN '  身份证件号码: ' ELSE '  统一社会信用代码: ' END
        || coalesce(e ->> 'identity_code', '—') || E'\n'
        || '  所属区: ' || coalesce(e ->> 'district', '—') || E'\n'
        || '  登记日期: ' || coalesce(e ->> 'registered_on', '—') || E'\n';
    IF r ? 'grades' THEN
        out := out || E'\n二、信用等级\n';
        n := 0;
        FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'grades') LOOP
            n := n + 1;
            out := out || '  ' || coalesce(e ->> 'model_name', e ->> 'model_code') || ': ' || coalesce(e ->> 'grade', '—')
                || coalesce(' (' || (e ->> 'grade_label') || ')', '') || coalesce(', 分值 ' || (e ->> 'score'), '')
                || coalesce(', 最近变动 ' || pg_catalog.left(e -> 'history' -> 0 ->> 'changed_at', 10) || ' '
                            || (e -> 'history' -> 0 ->> 'old_grade') || '→' || (e -> 'history' -> 0 ->> 'new_grade'), '')
                || E'\n';
        END LOOP;
        IF n = 0 THEN out := out || E'  无\n'; END IF;
    END IF;
    out := out || E'\n三、信用记录\n';
    n := 0;
    FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'records') LOOP
        n := n + 1;
        out := out || '  ' || n || '. ' || (e ->> 'decision_date') || ' ' || coalesce(e ->> 'item_name', e ->> 'item_code')
            || CASE e ->> 'polarity' WHEN 'negative' THEN ' [失信]' WHEN 'positive' THEN ' [守信]' ELSE '' END
            || coalesce(' 严重程度: ' || CASE e ->> 'severity' WHEN 'minor' THEN '轻微' WHEN 'general' THEN '一般'
                                               WHEN 'serious' THEN '严重' WHEN 'specific_serious' THEN '特定严重' END, '')
            || E'\n     文书号: ' || coalesce(e ->> 'document_no', '—') || ' 认定部门: ' || coalesce(e ->> 'department_code', '—')
            || ' 领域: ' || coalesce(e ->> 'domain_code', '—')
            || E'\n     公示期: ' || coalesce(e ->> 'publish_from', '—') || ' 至 '
            || coalesce(pg_catalog.to_char(credit_gz.inclusive_end((e ->> 'publish_until')::date), 'YYYY-MM-DD'), '—')
            || CASE WHEN (e ->> 'under_objection')::boolean THEN ' 【异议处理中】' ELSE '' END
            || CASE e ->> 'status' WHEN 'repaired' THEN ' 【已修复】' WHEN 'expired' THEN ' 【已到期归档】' ELSE '' END
            || E'\n';
    END LOOP;
    IF n = 0 THEN out := out || E'  无\n'; END IF;
    IF r ? 'list_entries' THEN
        out := out || E'\n四、名单信息\n';
        n := 0;
        FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'list_entries') LOOP
            n := n + 1;
            out := out || '  ' || n || '. ' || coalesce(e ->> 'list_name', e ->> 'list_type_code')
                || ' 认定部门: ' || coalesce(e ->> 'department_code', '—')
                || ' 期间: ' || coalesce(e ->> 'effective_from', '—') || ' 至 '
                || coalesce(pg_catalog.to_char(credit_gz.inclusive_end((e ->> 'effective_until')::date), 'YYYY-MM-DD'), '—')
                || ' 状态: ' || coalesce(e ->> 'status', '—')
                || CASE WHEN (e ->> 'derived')::boolean THEN ' (关联认定)' ELSE '' END || E'\n';
        END LOOP;
        IF n = 0 THEN out := out || E'  无\n'; END IF;
    END IF;
    out := out || E'\n五、信用承诺\n';
    n := 0;
    FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'commitments') LOOP
        n := n + 1;
        out := out || '  ' || n || '. ' || coalesce(e ->> 'matter', '—') || ' (' || coalesce(e ->> 'kind', '—') || ')'
            || ' 期限: ' || coalesce(e ->> 'due_date', '—') || ' 状态: '
            || CASE e ->> 'status' WHEN 'pending' THEN '履行中' WHEN 'fulfilled' THEN '已履行'
                                   WHEN 'not_fulfilled' THEN '未履行' ELSE coalesce(e ->> 'status', '—') END || E'\n';
    END LOOP;
    IF n = 0 THEN out := out || E'  无\n'; END IF;
    IF r ? 'repairs' THEN
        out := out || E'\n六、信用修复与异议\n';
        n := 0;
        FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'repairs') LOOP
            n := n + 1;
            out := out || '  ' || n || '. '
                || CASE e ->> 'kind' WHEN 'objection' THEN '异议' ELSE '信用修复' END
                || coalesce(' 记录 ' || (e ->> 'record_id'), '') || coalesce(' 名单 ' || (e ->> 'entry_id'), '')
                || ' 状态: ' || coalesce(e ->> 'status', '—') || coalesce(' 结果: ' || (e ->> 'outcome'), '')
                || ' 办理部门: ' || coalesce(e ->> 'department_code', '—')
                || ' 提交: ' || coalesce(pg_catalog.left(e ->> 'submitted_at', 10), '—') || E'\n';
        END LOOP;
        IF n = 0 THEN out := out || E'  无\n'; END IF;
    END IF;
    IF r ? 'query_records' THEN
        out := out || E'\n七、查询记录\n';
        n := 0;
        FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'query_records') LOOP
            n := n + 1;
            out := out || '  ' || n || '. ' || (e ->> 'queried_on') || ' 查询类别: ' || coalesce(e ->> 'audience', '—')
                || coalesce(' 查询部门: ' || (e ->> 'department_code'), '')
                || coalesce(' 查询机构: ' || (e ->> 'institution_id'), '')
                || ' 查询原因: ' || (e ->> 'purpose') || E'\n';
        END LOOP;
        IF n = 0 THEN out := out || E'  无\n'; END IF;
    END IF;
    RETURN out || E'\n本报告依据穗府办函〔2020〕35号及信用信息披露规则生成, 仅披露报告对象可查询的信息; 查询已记录。\n';
END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Unverified codes enter credit_gz.subject only for a superuser or a role a DBA allows (unverified_code_grant,
-- grant_unverified_codes, revoke_unverified_codes; the gate is in subject_before, redefined above)
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
CREATE OR REPLACE FUNCTION credit_gz.grant_unverified_codes(role_name name, basis text)
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

-- ---------------------------------------------------------------------------------------------------------------
-- Department intake, set-based path and subject block (src/intake.sql): the rules of a line as functions both paths
-- call; the subject and legal representative of a line as functions every format calls, persons by any identity
-- document (names files use in intake_document_alias); the crosswalk takes 税务登记号, 事业单位证书号, 社会组织登记证号.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.intake_document_alias (
    name_zh       text    NOT NULL PRIMARY KEY CHECK (btrim(name_zh) = name_zh AND name_zh <> ''),
    document_type text    NOT NULL REFERENCES credit_gz.identity_document_type (code) ON UPDATE CASCADE,
    source        text    NOT NULL CHECK (btrim(source) <> ''),
    shipped       boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.intake_document_alias IS
    '证件类型别称 / other names files give a 证件类型 (of a 自然人 or a 法定代表人) than the code and name of '
    'credit_gz.identity_document_type, which the intake also takes; a type no name matches is rejected (22023).';
COMMENT ON COLUMN credit_gz.intake_document_alias.name_zh IS '证件类型写法 / the document type as a file writes it';
COMMENT ON COLUMN credit_gz.intake_document_alias.document_type IS '证件类型 / the identity_document_type it names';
COMMENT ON COLUMN credit_gz.intake_document_alias.source IS '依据 / source of the name';
COMMENT ON COLUMN credit_gz.intake_document_alias.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.intake_document_alias (name_zh, document_type, source, shipped) VALUES
    ('身份证', 'resident_id', '《中华人民共和国居民身份证法》: 居民身份证, commonly written 身份证', true),
    ('港澳通行证', 'hk_macao_permit', '港澳居民来往内地通行证, the short name on 出入境 forms', true),
    ('回乡证', 'hk_macao_permit', '港澳居民来往内地通行证, formerly 港澳同胞回乡证', true),
    ('台湾通行证', 'taiwan_permit', '台湾居民来往大陆通行证, the short name on 出入境 forms', true),
    ('台胞证', 'taiwan_permit', '台湾居民来往大陆通行证, commonly written 台胞证', true),
    ('外国人永久居留证', 'permanent_residence', '外国人永久居留身份证, named 外国人永久居留证 before 2017', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_document_alias', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.intake_document_alias TO PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------------
-- The rules of a line, one definition each: the set-based path and the line-by-line path of the intake functions
-- call the same functions.
-- ---------------------------------------------------------------------------------------------------------------------

-- intake_date: a date as the national format writes it (YYYY-MM-DD), NULL for anything else (never raises). A date
-- in another form goes line by line, where PostgreSQL's date input decides (22007, 22008).
CREATE FUNCTION credit_gz.intake_date(value text)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.btrim(value) ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
                 AND pg_catalog.substr(pg_catalog.btrim(value), 9, 2)::integer <=
                     CASE pg_catalog.substr(pg_catalog.btrim(value), 6, 2)::integer
                         WHEN 2 THEN CASE WHEN pg_catalog.substr(pg_catalog.btrim(value), 1, 4)::integer % 4 = 0
                                               AND (pg_catalog.substr(pg_catalog.btrim(value), 1, 4)::integer % 100 <> 0
                                                    OR pg_catalog.substr(pg_catalog.btrim(value), 1, 4)::integer % 400 = 0)
                                          THEN 29 ELSE 28 END
                         WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END
            THEN pg_catalog.make_date(pg_catalog.substr(pg_catalog.btrim(value), 1, 4)::integer,
                                      pg_catalog.substr(pg_catalog.btrim(value), 6, 2)::integer,
                                      pg_catalog.substr(pg_catalog.btrim(value), 9, 2)::integer) END;
COMMENT ON FUNCTION credit_gz.intake_date(text) IS
    '归集日期 / a date of a staged line written YYYY-MM-DD, as the national format does; NULL for any other text '
    '(never raises; such a line is parsed line by line, where the date input decides).';

-- intake_number: an amount written as digits with an optional decimal part (万元), NULL for anything else.
CREATE FUNCTION credit_gz.intake_number(value text)
RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.btrim(value) ~ '^[0-9]{1,15}([.][0-9]{1,6})?$' THEN pg_catalog.btrim(value)::numeric END;
COMMENT ON FUNCTION credit_gz.intake_number(text) IS
    '归集金额 / an amount of a staged line (万元) written in plain digits; NULL for any other text (never raises; such '
    'a line is parsed line by line, where the numeric input decides).';

-- intake_item: the catalogue item and domain a 违法行为类型 maps to on a decision date (a department's own mapping
-- first), no row when none does.
CREATE FUNCTION credit_gz.intake_item(violation_type text, department_code text, decision_date date)
RETURNS TABLE (item_code text, domain_code text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT m.item_code, m.domain_code FROM credit_gz.intake_item_map m
     WHERE m.violation_type = pg_catalog.btrim(intake_item.violation_type)
       AND (m.department_code = intake_item.department_code OR m.department_code IS NULL)
       AND credit_gz.in_force(m.effective_from, m.effective_until, intake_item.decision_date)
     ORDER BY m.department_code NULLS LAST LIMIT 1;
END;
COMMENT ON FUNCTION credit_gz.intake_item(text, text, date) IS
    '违法行为类型映射 / the catalogue item and domain credit_gz.intake_item_map gives a violation type of a department '
    'on a decision date (its own row before the common one); no row when none is in force.';

-- intake_severity: the 失信程度 a 处罚类别 and fine suggest on a decision date, NULL when no rule does.
CREATE FUNCTION credit_gz.intake_severity(penalty_category text, department_code text, fine_wan numeric,
                                          decision_date date)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT r.severity FROM credit_gz.intake_severity_map r
     WHERE r.penalty_category = intake_severity.penalty_category
       AND (r.department_code = intake_severity.department_code OR r.department_code IS NULL)
       AND (r.min_fine_wan IS NULL OR r.min_fine_wan <= coalesce(intake_severity.fine_wan, 0))
       AND credit_gz.in_force(r.effective_from, r.effective_until, intake_severity.decision_date)
     ORDER BY r.department_code NULLS LAST, r.min_fine_wan DESC NULLS LAST LIMIT 1;
END;
COMMENT ON FUNCTION credit_gz.intake_severity(text, text, numeric, date) IS
    '失信程度建议 / the severity credit_gz.intake_severity_map suggests for a penalty category, department and fine '
    '(万元) on a decision date: the department''s rules first, then the highest threshold the fine reaches; NULL when none.';

-- intake_penalty_details: the content fields of a penalty line, under the keys of credit_gz.double_publicity_field.
CREATE FUNCTION credit_gz.intake_penalty_details(line credit_gz.penalty_intake)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'violation_type', nullif(pg_catalog.btrim((line).violation_type), ''), 'facts', nullif(pg_catalog.btrim((line).facts), ''),
    'basis', nullif(pg_catalog.btrim((line).basis), ''), 'penalty_type', nullif(pg_catalog.btrim((line).penalty_category), ''),
    'content', nullif(pg_catalog.btrim((line).content), ''), 'fine_amount', nullif(pg_catalog.btrim((line).fine_amount), ''),
    'confiscated_amount', nullif(pg_catalog.btrim((line).confiscated_amount), ''),
    'licence_revoked', nullif(pg_catalog.btrim((line).licence_revoked), ''),
    'penalty_valid_to', nullif(pg_catalog.btrim((line).penalty_valid_to), ''),
    'publicity_deadline', nullif(pg_catalog.btrim((line).publicity_deadline), ''),
    'deciding_body', nullif(pg_catalog.btrim((line).deciding_body), ''),
    'source_body', nullif(pg_catalog.btrim((line).source_body), ''),
    'remarks', nullif(pg_catalog.btrim((line).remarks), '')));
COMMENT ON FUNCTION credit_gz.intake_penalty_details(credit_gz.penalty_intake) IS
    '处罚明细 / record.details of a staged penalty line: every content field as sent (trimmed, empty left out) under '
    'its credit_gz.double_publicity_field key.';

-- intake_record_unchanged: whether a record already on file under the line's document number is what the line gives
-- (the re-sent line is then unchanged and writes nothing).
CREATE FUNCTION credit_gz.intake_record_unchanged(old credit_gz.record, subject_id bigint, item_code text,
                                                  domain_code text, decision_date date, severity text, details jsonb,
                                                  penalty_category text, deciding_body_uscc credit_gz.uscc,
                                                  source_body_uscc credit_gz.uscc)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (old).record_id IS NOT NULL AND (old).subject_id = subject_id AND (old).item_code = item_code
       AND (old).domain_code IS NOT DISTINCT FROM domain_code AND (old).decision_date = decision_date
       AND (old).severity IS NOT DISTINCT FROM severity AND (old).details IS NOT DISTINCT FROM details
       AND (old).penalty_category IS NOT DISTINCT FROM penalty_category
       AND (old).deciding_body_uscc::text IS NOT DISTINCT FROM deciding_body_uscc::text
       AND (old).source_body_uscc::text IS NOT DISTINCT FROM source_body_uscc::text;
COMMENT ON FUNCTION credit_gz.intake_record_unchanged(credit_gz.record, bigint, text, text, date, text, jsonb, text, credit_gz.uscc, credit_gz.uscc) IS
    '重报未变 / whether the record on file under a re-sent document number already holds what the line gives '
    '(subject, item, domain, decision date, severity, details, 处罚类别, deciding and source bodies).';

-- intake_deadline_note: the receipt's note on a 公示截止期 other than the last day of the rules' window (NULL: none
-- sent, or the same day).
CREATE FUNCTION credit_gz.intake_deadline_note(publicity_deadline date, publish_until date)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE WHEN publicity_deadline IS NOT NULL
                 AND publicity_deadline IS DISTINCT FROM credit_gz.inclusive_end(publish_until)
            THEN credit_gz.msg('公示截止期 %s differs from the last day the publicity rule gives, %s',
                                   publicity_deadline, coalesce(credit_gz.inclusive_end(publish_until)::text, 'none')) END;
COMMENT ON FUNCTION credit_gz.intake_deadline_note(date, date) IS
    '公示截止期差异 / the receipt''s note when the file''s 公示截止期 is not the last day of the window the publicity '
    'rules give (publish_until - 1); NULL when none was sent or they agree. The rules'' window is kept.';

-- ---------------------------------------------------------------------------------------------------------------------
-- The subject block (行政相对人 and 法定代表人), one definition for every format: found by its code through
-- subject_id_of, else created. Each returns the error a line is rejected with (column, SQLSTATE, message) instead of
-- raising it, rolled back to nothing; the caller raises it in the line's subtransaction.
-- ---------------------------------------------------------------------------------------------------------------------

-- intake_older_code: the unified code the crosswalk gives the older codes a line carries, tried in the format's
-- order (工商注册号, 组织机构代码, 税务登记号, 事业单位证书号, 社会组织登记证号), each in its plain form; with none
-- known, the last one tried and no code.
CREATE FUNCTION credit_gz.intake_older_code(business_reg_no text, organisation_code text, tax_reg_no text,
                                            institution_cert_no text, social_org_cert_no text)
RETURNS TABLE (column_name text, old_code text, uscc credit_gz.uscc)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT c.column_name, c.written, w.uscc
      FROM (VALUES (1, 'business_reg_no', nullif(pg_catalog.btrim(business_reg_no), ''),
                    nullif(pg_catalog.btrim(business_reg_no), '')),
                   (2, 'organisation_code', nullif(pg_catalog.btrim(organisation_code), ''),
                    pg_catalog.upper(pg_catalog.replace(nullif(pg_catalog.btrim(organisation_code), ''), '-', ''))),
                   (3, 'tax_reg_no', nullif(pg_catalog.btrim(tax_reg_no), ''),
                    pg_catalog.upper(pg_catalog.replace(nullif(pg_catalog.btrim(tax_reg_no), ''), '-', ''))),
                   (4, 'institution_cert_no', nullif(pg_catalog.btrim(institution_cert_no), ''),
                    pg_catalog.regexp_replace(nullif(pg_catalog.btrim(institution_cert_no), ''),
                                              '^事证第([0-9]{12})号$', '\1')),
                   (5, 'social_org_cert_no', nullif(pg_catalog.btrim(social_org_cert_no), ''),
                    nullif(pg_catalog.btrim(social_org_cert_no), ''))
           ) AS c (ord, column_name, written, plain)
      LEFT JOIN credit_gz.intake_code_crosswalk w ON w.code_kind = c.column_name AND w.old_code = c.plain
     WHERE c.written IS NOT NULL
     ORDER BY w.uscc IS NULL, CASE WHEN w.uscc IS NULL THEN -c.ord ELSE c.ord END
     LIMIT 1;
END;
COMMENT ON FUNCTION credit_gz.intake_older_code(text, text, text, text, text) IS
    '旧代码查找 / for a line without 统一社会信用代码: the column, older code as written and the unified code '
    'credit_gz.intake_code_crosswalk gives the first known one (工商注册号, 组织机构代码, 税务登记号, 事业单位证书号, '
    '社会组织登记证号); when none is known, the last one given with a NULL code; no row when none is given.';

-- intake_document_type: the identity_document_type code a 证件类型 of a file names: its code or name, else a name
-- of credit_gz.intake_document_alias; empty is the 居民身份证. NULL: a type the intake does not know.
CREATE FUNCTION credit_gz.intake_document_type(written text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN coalesce(pg_catalog.btrim(written), '') = '' THEN 'resident_id'
                ELSE coalesce((SELECT t.code FROM credit_gz.identity_document_type t
                                WHERE pg_catalog.btrim(written) IN (t.code, t.name_zh) ORDER BY t.code LIMIT 1),
                              (SELECT a.document_type FROM credit_gz.intake_document_alias a
                                WHERE a.name_zh = pg_catalog.btrim(written))) END;
END;
COMMENT ON FUNCTION credit_gz.intake_document_type(text) IS
    '证件类型映射 / the credit_gz.identity_document_type code of a 证件类型 as a file writes it (its code, its name, or '
    'a name of credit_gz.intake_document_alias; empty: resident_id); NULL when the intake knows no such type.';

-- intake_person: the natural person holding a document (type, canonical number), created with the name when the
-- archive has none.
CREATE FUNCTION credit_gz.intake_person(document_type text, document_no text, name text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid bigint;
BEGIN
    sid := credit_gz.subject_id_of(document_type, document_no);
    IF sid IS NULL THEN
        IF (SELECT t.validation FROM credit_gz.identity_document_type t WHERE t.code = document_type) = 'gb11643' THEN
            INSERT INTO credit_gz.subject AS x (resident_id, name, kind)
            VALUES (document_no::credit_gz.resident_id, name, 'natural_person')
            RETURNING x.subject_id INTO sid;
        ELSE
            INSERT INTO credit_gz.subject AS x (identity_document_type, identity_document_no, name, kind)
            VALUES (document_type, document_no, name, 'natural_person')
            RETURNING x.subject_id INTO sid;
        END IF;
    END IF;
    RETURN sid;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_person(text, text, text) IS
    '归集自然人 / the natural person holding an identity document (a credit_gz.identity_document_type code and the '
    'number in its canonical form, identity_document_no), found through subject_id_of, else created with the name.';

-- intake_subject: the 行政相对人 of a line: kind from 行政相对人类别, a person by its identity document, an
-- organisation by its unified code (else through the crosswalk); created when the archive has none. who: the code
-- messages name.
CREATE OR REPLACE FUNCTION credit_gz.intake_subject(
    subject_name text, subject_category text, uscc text, business_reg_no text, organisation_code text,
    tax_reg_no text, institution_cert_no text, social_org_cert_no text, id_type text, id_no text,
    OUT subject_id bigint, OUT subject_kind text, OUT who text,
    OUT error_column text, OUT error_state text, OUT error_message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    col   text;
    code  credit_gz.uscc;
    dtype text;
    canon text;
    older record;
BEGIN
    who := coalesce(nullif(btrim(intake_subject.uscc), ''), nullif(btrim(id_no), ''), credit_gz.msg('(no code)'));
    BEGIN
        col := 'subject_category';
        SELECT k.subject_kind INTO subject_kind FROM credit_gz.intake_subject_kind k
         WHERE k.name_zh = btrim(subject_category);
        IF NOT FOUND THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政相对人类别 "%s" maps to no subject kind', subject_category),
                  ERRCODE = 'CG801';
        END IF;
        col := 'subject_name';
        IF coalesce(btrim(subject_name), '') = '' THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政相对人名称 is empty'), ERRCODE = '23502';
        END IF;
        IF subject_kind = 'natural_person' THEN
            col := 'id_type';
            dtype := credit_gz.intake_document_type(id_type);
            IF dtype IS NULL THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('证件类型 "%s" is no identity document type the intake knows', id_type),
                      ERRCODE = '22023';
            END IF;
            col := 'id_no';
            canon := credit_gz.identity_document_no(dtype, btrim(id_no));
            who := coalesce(credit_gz.identity_code(NULL, CASE WHEN dtype = 'resident_id' THEN canon::credit_gz.resident_id END,
                                                    dtype, CASE WHEN dtype <> 'resident_id' THEN canon END), who);
            subject_id := credit_gz.intake_person(dtype, canon, btrim(subject_name));
        ELSE
            -- 统一社会信用代码, else the code the crosswalk gives an older code
            col := 'uscc';
            IF coalesce(btrim(intake_subject.uscc), '') <> '' THEN
                code := credit_gz.uscc(intake_subject.uscc);
            ELSE
                SELECT * INTO older FROM credit_gz.intake_older_code(business_reg_no, organisation_code, tax_reg_no,
                                                                     institution_cert_no, social_org_cert_no);
                IF FOUND THEN
                    col := older.column_name;
                    who := older.old_code;
                    code := older.uscc;
                END IF;
                IF code IS NULL THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('no unified code and no known older code'),
                          ERRCODE = '23502';
                END IF;
            END IF;
            who := code::text;
            subject_id := credit_gz.subject_id_of('uscc', code::text);
            IF subject_id IS NULL THEN
                INSERT INTO credit_gz.subject AS x (uscc, name, kind) VALUES (code, btrim(subject_name), subject_kind)
                RETURNING x.subject_id INTO subject_id;
            END IF;
        END IF;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS error_state = RETURNED_SQLSTATE, error_message = MESSAGE_TEXT;
        error_column := col;
        subject_id := NULL;
    END;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_subject(text, text, text, text, text, text, text, text, text, text) IS
    '归集主体 / the subject of a staged line (行政相对人, either format): kind from credit_gz.intake_subject_kind, a '
    'natural person by its identity document (证件类型 through intake_document_type, empty: 居民身份证), an '
    'organisation by 统一社会信用代码 or through credit_gz.intake_code_crosswalk; found through subject_id_of, else '
    'created. who: the code the line''s messages name (a person''s number masked). A line it refuses gets '
    'error_column, error_state and error_message, and nothing is written.';
REVOKE ALL ON FUNCTION credit_gz.intake_subject(text, text, text, text, text, text, text, text, text, text) FROM PUBLIC;

-- intake_legal_rep: the 法定代表人 of an organisation from a line: a person found by (or created with) the document,
-- related to the organisation from the decision date in the department's word. The same representative again changes
-- nothing (checked here, before the one-at-a-time trigger would refuse the insert); another one ends or replaces the
-- current one. changed: a relation was written.
CREATE OR REPLACE FUNCTION credit_gz.intake_legal_rep(
    department_code text, subject_id bigint, who text, decision_date date,
    legal_rep_name text, legal_rep_id_type text, legal_rep_id_no text,
    OUT changed boolean, OUT error_column text, OUT error_state text, OUT error_message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    dep     text := intake_legal_rep.department_code;
    sid     bigint := intake_legal_rep.subject_id;
    dd      date := intake_legal_rep.decision_date;
    col     text;
    dtype   text;
    rep     bigint;
    rel     credit_gz.relation;
BEGIN
    changed := false;
    BEGIN
        col := 'legal_rep_id_type';
        dtype := credit_gz.intake_document_type(legal_rep_id_type);
        IF dtype IS NULL THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('法定代表人证件类型 "%s" is no identity document type the intake knows', legal_rep_id_type),
                  ERRCODE = '22023';
        END IF;
        col := 'legal_rep_name';
        IF coalesce(btrim(legal_rep_name), '') = '' THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('法定代表人 is empty while its 证件号码 is given'), ERRCODE = '23502';
        END IF;
        col := 'legal_rep_id_no';
        rep := credit_gz.intake_person(dtype, credit_gz.identity_document_no(dtype, btrim(legal_rep_id_no)),
                                       btrim(legal_rep_name));
        col := 'legal_rep_name';
        SELECT r.* INTO rel FROM credit_gz.relation r
         WHERE r.subject_id = sid AND r.kind = 'legal_representative'
           AND r.valid_from OPERATOR(pg_catalog.<=) dd
           AND (r.valid_until IS NULL OR r.valid_until OPERATOR(pg_catalog.>) dd);
        IF FOUND AND rel.related_subject_id = rep THEN
            NULL;   -- re-sent: the relation stands as it is
        ELSIF FOUND THEN
            IF rel.valid_from = dd THEN
                UPDATE credit_gz.relation r SET related_subject_id = rep, source_department_code = dep
                 WHERE r.subject_id = sid AND r.relation_id = rel.relation_id;
            ELSE
                UPDATE credit_gz.relation r SET valid_until = dd
                 WHERE r.subject_id = sid AND r.relation_id = rel.relation_id;
            END IF;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('the legal representative of subject %s was recorded by department "%s", only it or the keeper of the register changes it', who, rel.source_department_code),
                      ERRCODE = '42501';
            END IF;
            IF rel.valid_from <> dd THEN
                INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until,
                                                source_department_code)
                VALUES (sid, rep, 'legal_representative', dd, rel.valid_until, dep);
            END IF;
            changed := true;
        ELSE
            INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until,
                                            source_department_code)
            VALUES (sid, rep, 'legal_representative', dd,
                    (SELECT pg_catalog.min(r.valid_from) FROM credit_gz.relation r
                      WHERE r.subject_id = sid AND r.kind = 'legal_representative'
                        AND r.valid_from OPERATOR(pg_catalog.>) dd), dep);
            changed := true;
        END IF;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS error_state = RETURNED_SQLSTATE, error_message = MESSAGE_TEXT;
        error_column := col;
        changed := false;
    END;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_legal_rep(text, bigint, text, date, text, text, text) IS
    '归集法定代表人 / the 法定代表人 of an organisation from a staged line: the person found by its document (or '
    'created), a legal_representative relation from the decision date in the department''s word; the same person '
    'again writes nothing, another ends or replaces the current relation (only its recording department or the '
    'register''s keeper may). changed: a relation was written. A line it refuses gets error_column, error_state and '
    'error_message, and nothing is written.';

-- ---------------------------------------------------------------------------------------------------------------
-- Department intake in the national 双公示 licence format (src/intake_licence.sql): the staged file, its COPY view,
-- credit_gz.intake_licences() and its receipt, rejects by format.
-- ---------------------------------------------------------------------------------------------------------------

-- intake_reject: the format a rejected line was staged in (行政处罚 or 行政许可 batches of one name are two batches)
ALTER TABLE credit_gz.intake_reject ADD COLUMN format text NOT NULL DEFAULT 'penalty' CHECK (format ~ '^[a-z][a-z_]*$');
ALTER TABLE credit_gz.intake_reject DROP CONSTRAINT intake_reject_pkey,
    ADD CONSTRAINT intake_reject_pkey PRIMARY KEY (department_code, format, batch, line_no);
COMMENT ON TABLE credit_gz.intake_reject IS
    '归集退回 / the lines of a batch the last intake call of its format (intake_penalties, intake_licences) rejected, '
    'with the column, SQLSTATE and message; '
    'a line loaded on re-send leaves the table.';
COMMENT ON COLUMN credit_gz.intake_reject.column_name IS '出错字段 / column of the staging table the error is about (NULL: the line as a whole)';
COMMENT ON COLUMN credit_gz.intake_reject.format IS
    '数据格式 / the format the batch was staged in: penalty (行政处罚, penalty_intake) or licence (行政许可, licence_intake)';

-- 数据归集 / department intake in the national 双公示 licence format (行政许可): as for penalties (src/intake.sql), a
-- department COPYs its file into credit_gz.licence_intake_file under a batch name and calls credit_gz.intake_licences();
-- the subject block (行政相对人 and 法定代表人) is the penalty format's, decided by the same functions
-- (intake_subject, intake_legal_rep). User documentation: doc/intake.md.

CREATE TABLE credit_gz.licence_intake (
    batch               text    NOT NULL CHECK (btrim(batch) <> ''),
    line_no             integer NOT NULL CHECK (line_no > 0),
    subject_name        text,
    subject_category    text,
    uscc                text,
    business_reg_no     text,
    organisation_code   text,
    tax_reg_no          text,
    institution_cert_no text,
    social_org_cert_no  text,
    legal_rep_name      text,
    legal_rep_id_type   text,
    legal_rep_id_no     text,
    id_type             text,
    id_no               text,
    document_name       text,
    document_no         text,
    licence_type        text,
    certificate_name    text,
    licence_no          text,
    content             text,
    decision_date       text,
    valid_from          text,
    valid_to            text,
    deciding_body       text,
    deciding_body_uscc  text,
    licence_status      text,
    source_body         text,
    source_body_uscc    text,
    remarks             text,
    department_code     text    NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE
                                DEFAULT credit_gz.intake_department(),
    PRIMARY KEY (department_code, batch, line_no)
);
COMMENT ON TABLE credit_gz.licence_intake IS
    '行政许可归集暂存 / a licence file in the national 双公示 format as staged, one row per line, every field as text in '
    'the format''s order; COPY it with the batch and line number (doc/intake.md), then call intake_licences(). '
    'A department sees and stages only its own lines (row-level security).';
COMMENT ON COLUMN credit_gz.licence_intake.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.licence_intake.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.licence_intake.subject_name IS '行政相对人名称 / subject name';
COMMENT ON COLUMN credit_gz.licence_intake.subject_category IS '行政相对人类别 / 法人及非法人组织, 自然人 or 个体工商户';
COMMENT ON COLUMN credit_gz.licence_intake.uscc IS '统一社会信用代码 / unified social credit code';
COMMENT ON COLUMN credit_gz.licence_intake.business_reg_no IS '工商注册号 / business registration number';
COMMENT ON COLUMN credit_gz.licence_intake.organisation_code IS '组织机构代码 / organisation code';
COMMENT ON COLUMN credit_gz.licence_intake.tax_reg_no IS '税务登记号 / tax registration number';
COMMENT ON COLUMN credit_gz.licence_intake.institution_cert_no IS '事业单位证书号 / public institution certificate number';
COMMENT ON COLUMN credit_gz.licence_intake.social_org_cert_no IS '社会组织登记证号 / social organisation certificate number';
COMMENT ON COLUMN credit_gz.licence_intake.legal_rep_name IS '法定代表人 / legal representative';
COMMENT ON COLUMN credit_gz.licence_intake.legal_rep_id_type IS '法定代表人证件类型 / legal representative''s document type';
COMMENT ON COLUMN credit_gz.licence_intake.legal_rep_id_no IS '法定代表人证件号码 / legal representative''s document number';
COMMENT ON COLUMN credit_gz.licence_intake.id_type IS '证件类型 / document type of a natural person';
COMMENT ON COLUMN credit_gz.licence_intake.id_no IS '证件号码 / document number of a natural person';
COMMENT ON COLUMN credit_gz.licence_intake.document_name IS '行政许可决定文书名称 / name of the licence decision document';
COMMENT ON COLUMN credit_gz.licence_intake.document_no IS '行政许可决定文书号 / licence decision document number';
COMMENT ON COLUMN credit_gz.licence_intake.licence_type IS '许可类别 / licence category (普通, 特许, 认可, 核准, 登记, 其他)';
COMMENT ON COLUMN credit_gz.licence_intake.certificate_name IS '许可证书名称 / name of the licence certificate';
COMMENT ON COLUMN credit_gz.licence_intake.licence_no IS '许可编号 / licence number';
COMMENT ON COLUMN credit_gz.licence_intake.content IS '许可内容 / content of the licence';
COMMENT ON COLUMN credit_gz.licence_intake.decision_date IS '许可决定日期 / decision date';
COMMENT ON COLUMN credit_gz.licence_intake.valid_from IS '有效期自 / first day of validity';
COMMENT ON COLUMN credit_gz.licence_intake.valid_to IS '有效期至 / last day of validity';
COMMENT ON COLUMN credit_gz.licence_intake.deciding_body IS '许可机关 / licensing body';
COMMENT ON COLUMN credit_gz.licence_intake.deciding_body_uscc IS '许可机关统一社会信用代码 / licensing body''s unified code';
COMMENT ON COLUMN credit_gz.licence_intake.licence_status IS '当前状态 / current status of the licence (有效, 无效, …)';
COMMENT ON COLUMN credit_gz.licence_intake.source_body IS '数据来源单位 / body supplying the data';
COMMENT ON COLUMN credit_gz.licence_intake.source_body_uscc IS '数据来源单位统一社会信用代码 / supplying body''s unified code';
COMMENT ON COLUMN credit_gz.licence_intake.remarks IS '备注 / remarks';
COMMENT ON COLUMN credit_gz.licence_intake.department_code IS
    '归集部门 / department staging the file (default: the one department the role acts for)';
REVOKE ALL ON credit_gz.licence_intake FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.licence_intake', '');

-- licence_intake_file: what a department COPYs its licence file into (through the view each line goes in by INSERT,
-- under the department policy). Lines naming no department_code take the department the role acts for.
CREATE VIEW credit_gz.licence_intake_file WITH (security_barrier = true, security_invoker = true) AS
SELECT * FROM credit_gz.licence_intake;
COMMENT ON VIEW credit_gz.licence_intake_file IS
    '行政许可归集文件 / COPY a licence file here (columns of credit_gz.licence_intake): each line is staged in '
    'credit_gz.licence_intake, in the name of the department the role acts for unless department_code is given.';
COMMENT ON COLUMN credit_gz.licence_intake_file.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.licence_intake_file.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.licence_intake_file.subject_name IS '行政相对人名称 / subject name';
COMMENT ON COLUMN credit_gz.licence_intake_file.subject_category IS '行政相对人类别 / 法人及非法人组织, 自然人 or 个体工商户';
COMMENT ON COLUMN credit_gz.licence_intake_file.uscc IS '统一社会信用代码 / unified social credit code';
COMMENT ON COLUMN credit_gz.licence_intake_file.business_reg_no IS '工商注册号 / business registration number';
COMMENT ON COLUMN credit_gz.licence_intake_file.organisation_code IS '组织机构代码 / organisation code';
COMMENT ON COLUMN credit_gz.licence_intake_file.tax_reg_no IS '税务登记号 / tax registration number';
COMMENT ON COLUMN credit_gz.licence_intake_file.institution_cert_no IS
    '事业单位证书号 / public institution certificate number';
COMMENT ON COLUMN credit_gz.licence_intake_file.social_org_cert_no IS
    '社会组织登记证号 / social organisation certificate number';
COMMENT ON COLUMN credit_gz.licence_intake_file.legal_rep_name IS '法定代表人 / legal representative';
COMMENT ON COLUMN credit_gz.licence_intake_file.legal_rep_id_type IS
    '法定代表人证件类型 / legal representative''s document type';
COMMENT ON COLUMN credit_gz.licence_intake_file.legal_rep_id_no IS
    '法定代表人证件号码 / legal representative''s document number';
COMMENT ON COLUMN credit_gz.licence_intake_file.id_type IS '证件类型 / document type of a natural person';
COMMENT ON COLUMN credit_gz.licence_intake_file.id_no IS '证件号码 / document number of a natural person';
COMMENT ON COLUMN credit_gz.licence_intake_file.document_name IS '行政许可决定文书名称 / name of the licence decision document';
COMMENT ON COLUMN credit_gz.licence_intake_file.document_no IS '行政许可决定文书号 / licence decision document number';
COMMENT ON COLUMN credit_gz.licence_intake_file.licence_type IS '许可类别 / licence category (普通, 特许, 认可, 核准, 登记, 其他)';
COMMENT ON COLUMN credit_gz.licence_intake_file.certificate_name IS '许可证书名称 / name of the licence certificate';
COMMENT ON COLUMN credit_gz.licence_intake_file.licence_no IS '许可编号 / licence number';
COMMENT ON COLUMN credit_gz.licence_intake_file.content IS '许可内容 / content of the licence';
COMMENT ON COLUMN credit_gz.licence_intake_file.decision_date IS '许可决定日期 / decision date';
COMMENT ON COLUMN credit_gz.licence_intake_file.valid_from IS '有效期自 / first day of validity';
COMMENT ON COLUMN credit_gz.licence_intake_file.valid_to IS '有效期至 / last day of validity';
COMMENT ON COLUMN credit_gz.licence_intake_file.deciding_body IS '许可机关 / licensing body';
COMMENT ON COLUMN credit_gz.licence_intake_file.deciding_body_uscc IS '许可机关统一社会信用代码 / licensing body''s unified code';
COMMENT ON COLUMN credit_gz.licence_intake_file.licence_status IS '当前状态 / current status of the licence (有效, 无效, …)';
COMMENT ON COLUMN credit_gz.licence_intake_file.source_body IS '数据来源单位 / body supplying the data';
COMMENT ON COLUMN credit_gz.licence_intake_file.source_body_uscc IS '数据来源单位统一社会信用代码 / supplying body''s unified code';
COMMENT ON COLUMN credit_gz.licence_intake_file.remarks IS '备注 / remarks';
COMMENT ON COLUMN credit_gz.licence_intake_file.department_code IS
    '归集部门 / department staging the file (default: the one department the role acts for)';
CREATE FUNCTION credit_gz.licence_intake_file_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID <> 'credit_gz.licence_intake_file'::regclass OR TG_WHEN <> 'INSTEAD OF' OR TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'credit_gz.licence_intake_file_insert() must be an INSTEAD OF INSERT trigger on credit_gz.licence_intake_file'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    NEW.department_code := coalesce(NEW.department_code, credit_gz.intake_department());
    INSERT INTO credit_gz.licence_intake SELECT (NEW).*;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.licence_intake_file_insert() IS
    'INSTEAD OF INSERT trigger on credit_gz.licence_intake_file: stages the line in credit_gz.licence_intake (行政许可).';
REVOKE ALL ON FUNCTION credit_gz.licence_intake_file_insert() FROM PUBLIC;
CREATE TRIGGER licence_intake_file_insert INSTEAD OF INSERT ON credit_gz.licence_intake_file
    FOR EACH ROW EXECUTE FUNCTION credit_gz.licence_intake_file_insert();
COMMENT ON TRIGGER licence_intake_file_insert ON credit_gz.licence_intake_file IS 'a COPYed licence line is staged.';
REVOKE ALL ON credit_gz.licence_intake_file FROM PUBLIC;

-- 谁归集谁负责: as for penalty files, a department stages, reads and clears only its own lines.
ALTER TABLE credit_gz.licence_intake ENABLE ROW LEVEL SECURITY;
CREATE POLICY licence_intake_department ON credit_gz.licence_intake FOR ALL
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY licence_intake_department ON credit_gz.licence_intake IS
    '谁归集谁负责: a department stages, reads and clears only its own staged licence lines.';
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'licence_intake', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'licence_intake_file', 'INSERT', true),
    ('department', 'intake_licences(text, text, boolean)', 'EXECUTE', true);

-- intake_licence_details: the content fields of a licence line, under the keys of credit_gz.double_publicity_field.
CREATE FUNCTION credit_gz.intake_licence_details(line credit_gz.licence_intake)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'document_name', nullif(pg_catalog.btrim((line).document_name), ''),
    'licence_type', nullif(pg_catalog.btrim((line).licence_type), ''),
    'certificate_name', nullif(pg_catalog.btrim((line).certificate_name), ''),
    'licence_no', nullif(pg_catalog.btrim((line).licence_no), ''),
    'content', nullif(pg_catalog.btrim((line).content), ''),
    'valid_from', nullif(pg_catalog.btrim((line).valid_from), ''),
    'valid_to', nullif(pg_catalog.btrim((line).valid_to), ''),
    'deciding_body', nullif(pg_catalog.btrim((line).deciding_body), ''),
    'licence_status', nullif(pg_catalog.btrim((line).licence_status), ''),
    'source_body', nullif(pg_catalog.btrim((line).source_body), ''),
    'remarks', nullif(pg_catalog.btrim((line).remarks), '')));
COMMENT ON FUNCTION credit_gz.intake_licence_details(credit_gz.licence_intake) IS
    '许可明细 / record.details of a staged licence line: every content field as sent (trimmed, empty left out) under '
    'its credit_gz.double_publicity_field key (kind licence).';

-- ---------------------------------------------------------------------------------------------------------------------
-- intake_licences: the receipt (数据归集回执) of a staged licence batch, line by line, each in its own subtransaction:
-- the subject it creates, its representative and its record go in together or not at all. The record is of the
-- catalogue's 行政许可 item (info_item.double_publicity = 'licence'). validate_only loads the batch the same way and
-- rolls it all back (CG809, never raised to the caller), so the receipt is the one a load would give.
-- ---------------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION credit_gz.intake_licences(department_code text, batch text, validate_only boolean DEFAULT false)
RETURNS TABLE (line_no integer, outcome text, record_id bigint, column_name text, error_state text, message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    dep  text := intake_licences.department_code;
    s    credit_gz.licence_intake;
    col  text;
    sid  bigint;
    rid  bigint;
    subj record;
    rep  record;
    item text;
    dd   date;
    v_from date;
    v_to date;
    doc  credit_gz.record_document;
    old  credit_gz.record;
    det  jsonb;
    body_d credit_gz.uscc;
    body_s credit_gz.uscc;
    st   text;
    msg  text;
    who  text;
BEGIN
    IF dep IS NULL OR NOT EXISTS (SELECT FROM credit_gz.department d WHERE d.code = dep) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('department "%s" does not exist', dep), ERRCODE = '22023';
    END IF;
    IF credit_gz.my_departments() <> '{}' AND dep <> ALL (credit_gz.my_departments()) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('role "%s" does not act for department "%s"', current_user, dep),
              ERRCODE = '42501',
              HINT = credit_gz.msg('A department loads only its own files.');
    END IF;
    IF batch IS NULL OR NOT EXISTS (SELECT FROM credit_gz.licence_intake p
                                     WHERE p.department_code = dep AND p.batch = intake_licences.batch) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch "%s" has no staged licence lines', batch),
              ERRCODE = '22023',
              HINT = credit_gz.msg('COPY the file into credit_gz.licence_intake_file with this batch name first.');
    END IF;
    BEGIN
        FOR s IN SELECT * FROM credit_gz.licence_intake p
                  WHERE p.department_code = dep AND p.batch = intake_licences.batch ORDER BY p.line_no LOOP
            line_no := s.line_no; outcome := NULL; record_id := NULL; column_name := NULL; error_state := NULL;
            message := NULL;
            who := coalesce(nullif(btrim(s.uscc), ''), nullif(btrim(s.id_no), ''), credit_gz.msg('(no code)'));
            BEGIN
                col := 'subject_category';
                SELECT * INTO subj FROM credit_gz.intake_subject(s.subject_name, s.subject_category, s.uscc,
                                                                 s.business_reg_no, s.organisation_code, s.tax_reg_no,
                                                                 s.institution_cert_no, s.social_org_cert_no,
                                                                 s.id_type, s.id_no);
                who := subj.who;
                IF subj.error_state IS NOT NULL THEN
                    col := subj.error_column;
                    RAISE EXCEPTION USING ERRCODE = subj.error_state, MESSAGE = subj.error_message;
                END IF;
                sid := subj.subject_id;
                col := 'document_no';
                IF coalesce(btrim(s.document_no), '') = '' THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政许可决定文书号 is empty'), ERRCODE = '23502';
                END IF;
                col := 'decision_date';
                dd := coalesce(credit_gz.intake_date(s.decision_date), btrim(s.decision_date)::date);
                col := 'valid_from';
                v_from := coalesce(credit_gz.intake_date(s.valid_from), nullif(btrim(s.valid_from), '')::date);
                col := 'valid_to';
                -- 长期 (long-term, as files write a licence without an end) is no date: kept in details as sent
                v_to := coalesce(credit_gz.intake_date(s.valid_to),
                                 nullif(nullif(nullif(btrim(s.valid_to), ''), '长期'), '长期有效')::date);
                IF v_to < v_from THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('有效期至 %s is before 有效期自 %s', v_to, v_from),
                          ERRCODE = '23514';
                END IF;
                col := 'deciding_body_uscc';
                body_d := credit_gz.uscc(nullif(btrim(s.deciding_body_uscc), ''));
                col := 'source_body_uscc';
                body_s := credit_gz.uscc(nullif(btrim(s.source_body_uscc), ''));
                col := NULL;
                -- the catalogue's one 行政许可 item
                SELECT pg_catalog.min(i.code) INTO item FROM credit_gz.info_item i
                 WHERE i.double_publicity = 'licence' HAVING pg_catalog.count(*) = 1;
                IF item IS NULL THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('the catalogue has no single 行政许可 item (info_item.double_publicity = ''licence'')'),
                          ERRCODE = 'CG801';
                END IF;
                det := credit_gz.intake_licence_details(s);
                SELECT d.* INTO doc FROM credit_gz.record_document d
                 WHERE d.department_code = dep AND d.document_no = btrim(s.document_no);
                IF FOUND THEN
                    SELECT r.* INTO old FROM credit_gz.record r WHERE r.subject_id = doc.subject_id AND r.record_id = doc.record_id;
                ELSE
                    old := NULL;
                END IF;
                IF credit_gz.intake_record_unchanged(old, sid, item, NULL, dd, NULL, det, NULL, body_d, body_s) THEN
                    rid := old.record_id;
                    outcome := 'unchanged';
                ELSE
                    rid := credit_gz.load_record(dep, btrim(s.document_no), sid, item, dd, NULL, NULL, 'public', NULL, det);
                    UPDATE credit_gz.record r
                       SET deciding_body_uscc = body_d, source_body_uscc = body_s
                     WHERE r.subject_id = sid AND r.record_id = rid;
                    outcome := CASE WHEN old.record_id IS NULL THEN 'loaded' ELSE 'updated' END;
                END IF;
                IF subj.subject_kind <> 'natural_person' AND coalesce(btrim(s.legal_rep_id_no), '') <> '' THEN
                    col := 'legal_rep_id_type';
                    SELECT * INTO rep FROM credit_gz.intake_legal_rep(dep, sid, who, dd, s.legal_rep_name,
                                                                      s.legal_rep_id_type, s.legal_rep_id_no);
                    IF rep.error_state IS NOT NULL THEN
                        col := rep.error_column;
                        RAISE EXCEPTION USING ERRCODE = rep.error_state, MESSAGE = rep.error_message;
                    END IF;
                    col := NULL;
                    IF rep.changed AND outcome = 'unchanged' THEN
                        outcome := 'updated';
                    END IF;
                END IF;
                record_id := rid;
                DELETE FROM credit_gz.intake_reject j
                 WHERE j.department_code = dep AND j.format = 'licence' AND j.batch = s.batch AND j.line_no = s.line_no;
            EXCEPTION WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
                outcome := 'rejected'; record_id := NULL; column_name := col; error_state := st;
                message := credit_gz.msg('line %s (document "%s", subject %s): %s',
                                             s.line_no, coalesce(btrim(s.document_no), ''), who, msg);
                INSERT INTO credit_gz.intake_reject AS j (batch, line_no, department_code, format, document_no,
                                                          column_name, sqlstate, message)
                VALUES (s.batch, s.line_no, dep, 'licence', s.document_no, col, st, message)
                ON CONFLICT ON CONSTRAINT intake_reject_pkey DO UPDATE
                   SET document_no = excluded.document_no,
                       column_name = excluded.column_name, sqlstate = excluded.sqlstate,
                       message = excluded.message, rejected_at = excluded.rejected_at;
            END;
            IF validate_only THEN
                record_id := NULL;   -- rolled back at the end: the receipt says what a load would do
            END IF;
            RETURN NEXT;   -- (the rows returned stay when the load is rolled back)
        END LOOP;
        IF validate_only THEN
            RAISE EXCEPTION 'validated' USING ERRCODE = 'CG809';
        END IF;
    EXCEPTION WHEN SQLSTATE 'CG809' THEN
        NULL;
    END;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_licences(text, text, boolean) IS
    '行政许可数据归集回执 / load a staged licence batch (credit_gz.licence_intake) of a department: per line its outcome '
    '(loaded, updated, unchanged, rejected), record id, and for a rejected line the column, SQLSTATE and message '
    '(also in credit_gz.intake_reject, format licence). validate_only: the same receipt, nothing loaded.';
REVOKE ALL ON FUNCTION credit_gz.intake_licences(text, text, boolean) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- Reads through the disclosed_* views are logged reads: log_reads opens several subjects at once
-- ---------------------------------------------------------------------------------------------------------------
-- log_reads: one logged read per subject of a list, for a role that reads several subjects through the views (a
-- department going over the subjects of an inspection plan, say): the views then show them until the transaction
-- ends. Subjects in subject_id order, each once; NULLs skipped. In the caller's rights, like log_read.
CREATE OR REPLACE FUNCTION credit_gz.log_reads(subject_ids bigint[], purpose text, audience text DEFAULT NULL,
                                    department_code text DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id     bigint;
    logged integer := 0;
BEGIN
    IF purpose IS NULL OR pg_catalog.btrim(purpose) = '' THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('a read of several subjects must state its purpose'),
              ERRCODE = '22023',
                  HINT = credit_gz.msg('Pass the purpose the query log keeps, e.g. ''双随机抽查 / inspection plan''.');
    END IF;
    FOR id IN SELECT DISTINCT u.s FROM pg_catalog.unnest(subject_ids) AS u(s) WHERE u.s IS NOT NULL ORDER BY 1 LOOP
        PERFORM credit_gz.log_read(id, 'other', purpose, audience, department_code);
        logged := logged + 1;
    END LOOP;
    RETURN logged;
END
$$;
COMMENT ON FUNCTION credit_gz.log_reads(bigint[], text, text, text) IS
    '查询留痕 / logs a read of each subject of the list (via other, with the purpose given) and opens their rows of '
    'the disclosed_* views to the current role for the rest of the transaction; returns how many subjects. 22023 '
    'without a purpose; 42501 for a department the role does not act for.';

-- ---------------------------------------------------------------------------------------------------------------
-- Batch pre-checks (precheck_many, src/precheck.sql): one answer per subject or code of a list, each the single
-- call's; departments only. The pre-check answer's new key domain_grades comes with the library.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.precheck_many(subject_ids bigint[], domain text, action text, department text DEFAULT NULL)
    RETURNS TABLE (item integer, answer jsonb)
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_precheck_many';
COMMENT ON FUNCTION credit_gz.precheck_many(bigint[], text, text, text) IS
    '批量事前信用核查（投标人名单）/ pre-check of a whole list of subjects: one row per item (item numbers the list from '
    '1), each answer the one credit_gz.precheck(subject_id, domain, action, department) gives, logged in '
    'credit_gz.query_log and fed back as that call is; set-up (department, domain and action checks) done once';

CREATE FUNCTION credit_gz.precheck_many(codes text[], domain text, action text, department text DEFAULT NULL)
    RETURNS TABLE (item integer, answer jsonb)
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_precheck_many_code';
COMMENT ON FUNCTION credit_gz.precheck_many(text[], text, text, text) IS
    '以代码批量事前核查 / pre-check of a list of codes (unified social credit codes, resident ids, identity documents, '
    'subject ids): each answer the one credit_gz.precheck(code, …) gives; a malformed code, which precheck(code) '
    'refuses with 22P02, is answered with that error under the key error (verdict null) instead of failing the list';

-- departments only, as precheck (credit_gz.role_privilege)
REVOKE EXECUTE ON FUNCTION credit_gz.precheck_many(bigint[], text, text, text),
       credit_gz.precheck_many(text[], text, text, text) FROM PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'precheck_many(bigint[], text, text, text)', 'EXECUTE', true),
    ('department', 'precheck_many(text[], text, text, text)', 'EXECUTE', true);

-- ---------------------------------------------------------------------------------------------------------------
-- Special credit reports (专项信用报告, 发改财金〔2025〕565号, src/special_report.sql): the catalogue items 行政强制 and
-- 刑事裁判, the report's sections as data, the issued reports, special_credit_report and verify_credit_report.
-- ---------------------------------------------------------------------------------------------------------------

-- ---------------------------------------------------------------------------------------------------------------
-- Items the report covers that the catalogue did not have yet (公共信用信息目录: 行政强制, 刑事裁判)
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO credit_gz.info_item
    (code, name_zh, name_en, kind, polarity, applies_to, barred_for_natural_person, double_publicity, legal_basis, shipped)
VALUES
    ('administrative_coercion', '行政强制信息', 'Administrative coercion (compulsory measures and enforcement)', 'other',
     'negative', 'both', false, NULL,
     '《中华人民共和国行政强制法》第九条、第十二条; 发改财金〔2025〕565号 (专项信用报告至少包括行政强制信息)', true),
    ('criminal_judgment', '刑事裁判信息', 'Criminal judgment', 'judicial', 'negative', 'both', false, NULL,
     '《中华人民共和国刑事诉讼法》; 发改财金〔2025〕565号 (专项信用报告至少包括刑事裁判信息)', true);

-- penalty_simple_procedure: was the penalty decided under the summary procedure (简易程序, 行政处罚法 第五十一条:
-- 当场作出)? The 双公示 record says so in details.procedure ('simple' or 简易程序; anything else: the general procedure).
CREATE FUNCTION credit_gz.penalty_simple_procedure(details jsonb)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(details OPERATOR(pg_catalog.->>) 'procedure' IN ('simple', '简易程序'), false);
COMMENT ON FUNCTION credit_gz.penalty_simple_procedure(jsonb) IS
    '简易程序 / whether a penalty record was decided under the summary procedure (《中华人民共和国行政处罚法》第五十一条): '
    'details.procedure is ''simple'' or ''简易程序''. Such penalties are usually not published, but the special credit '
    'report covers them (发改财金〔2025〕565号: 行政处罚信息（含简易程序）).';

-- ---------------------------------------------------------------------------------------------------------------
-- The detail sections, as data: what each section shows, in force from the notice that requires it
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.special_report_section (
    code            text    NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    position        integer NOT NULL CHECK (position > 0),
    name_zh         text    NOT NULL,
    name_en         text    NOT NULL,
    item_code       text    REFERENCES credit_gz.info_item (code) ON UPDATE CASCADE,
    list_polarity   text    CHECK (list_polarity IN ('punishment', 'reward', 'attention')),
    list_severity   text    CHECK (list_severity IN ('none', 'general', 'serious')),
    effective_from  date    NOT NULL,
    effective_until date,
    source          text    NOT NULL CHECK (btrim(source) <> ''),
    shipped         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (code, effective_from),
    CHECK ((item_code IS NULL) = (list_polarity IS NOT NULL AND list_severity IS NOT NULL)),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.special_report_section IS
    '专项信用报告明细栏目 / the detail sections of the special credit report: records of one catalogue item, or entries of '
    'the list types of one polarity and severity (严重失信主体名单: punishment, serious), in the order of position; '
    'the sections in force on the day of issue make the report (发改财金〔2025〕565号; 公共信用信息报告标准(2022年版))';
COMMENT ON COLUMN credit_gz.special_report_section.code IS '栏目代码 / section code';
COMMENT ON COLUMN credit_gz.special_report_section.position IS '顺序 / position in the report';
COMMENT ON COLUMN credit_gz.special_report_section.name_zh IS '栏目名称 / section title';
COMMENT ON COLUMN credit_gz.special_report_section.name_en IS '英文名称 / section title in English';
COMMENT ON COLUMN credit_gz.special_report_section.item_code IS '信息项 / catalogue item whose records the section lists (NULL: a list section)';
COMMENT ON COLUMN credit_gz.special_report_section.list_polarity IS '名单性质 / polarity of the list types the section lists';
COMMENT ON COLUMN credit_gz.special_report_section.list_severity IS '名单严重程度 / severity of the list types the section lists';
COMMENT ON COLUMN credit_gz.special_report_section.effective_from IS '施行日期 / first day of issue the section is in';
COMMENT ON COLUMN credit_gz.special_report_section.effective_until IS '停止日期 / first day of issue it is no longer in (NULL: open)';
COMMENT ON COLUMN credit_gz.special_report_section.source IS '依据 / source';
COMMENT ON COLUMN credit_gz.special_report_section.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.special_report_section (code, position, name_zh, name_en, item_code, list_polarity, list_severity,
                                              effective_from, source, shipped) VALUES
    ('administrative_penalty', 1, '行政处罚信息（含简易程序）', 'Administrative penalties (summary procedure included)',
     'administrative_penalty', NULL, NULL, '2025-04-29', '发改财金〔2025〕565号', true),
    ('administrative_coercion', 2, '行政强制信息', 'Administrative coercion', 'administrative_coercion', NULL, NULL,
     '2025-04-29', '发改财金〔2025〕565号', true),
    ('serious_dishonesty_list', 3, '严重失信主体名单信息', 'Serious dishonesty lists', NULL, 'punishment', 'serious',
     '2025-04-29', '发改财金〔2025〕565号; 国办发〔2020〕49号 (严重失信主体名单)', true),
    ('criminal_judgment', 4, '刑事裁判信息', 'Criminal judgments', 'criminal_judgment', NULL, NULL, '2025-04-29',
     '发改财金〔2025〕565号', true);
ALTER TABLE credit_gz.special_report_section ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.special_report_section', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.special_report_section TO PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- Issued reports: content fixed at issue, its hash, the number and verification code a third party is given
-- ---------------------------------------------------------------------------------------------------------------
CREATE SEQUENCE credit_gz.issued_credit_report_seq;
COMMENT ON SEQUENCE credit_gz.issued_credit_report_seq IS '报告流水号 / serial numbers of issued special credit reports';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.issued_credit_report_seq', '');

CREATE TABLE credit_gz.issued_credit_report (
    subject_id        bigint      NOT NULL REFERENCES credit_gz.subject (subject_id),
    report_no         text        NOT NULL CHECK (report_no ~ '^GZZX[0-9]{16}$'),
    verification_code text        NOT NULL CHECK (verification_code ~ '^[0-9A-F]{12}$'),
    period_from       date        NOT NULL,
    period_until      date        NOT NULL,
    domains           text[],
    issued_to         text        NOT NULL CHECK (issued_to IN ('self', 'platform')),
    issued_by         name        NOT NULL,
    issued_on         date        NOT NULL,
    issued_at         timestamptz NOT NULL,
    content           jsonb       NOT NULL,
    content_sha256    text        NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (subject_id, report_no),
    CHECK (period_until > period_from)
);
COMMENT ON TABLE credit_gz.issued_credit_report IS
    '已出具的专项信用报告 / special credit reports issued (信用代证, 发改财金〔2025〕565号): the content as issued (later '
    'changes to the archive do not alter it), its SHA-256, the report number and verification code a third party checks '
    'with credit_gz.verify_credit_report. Written only by credit_gz.special_credit_report, never changed (CG703); '
    'granted to nobody.';
COMMENT ON COLUMN credit_gz.issued_credit_report.subject_id IS '信用主体 / subject';
COMMENT ON COLUMN credit_gz.issued_credit_report.report_no IS '报告编号 / report number (GZZX, the day of issue, serial)';
COMMENT ON COLUMN credit_gz.issued_credit_report.verification_code IS '验证码 / verification code printed on the report';
COMMENT ON COLUMN credit_gz.issued_credit_report.period_from IS '报告期间起 / first day of the period covered';
COMMENT ON COLUMN credit_gz.issued_credit_report.period_until IS '报告期间止后一日 / first day no longer in the period covered';
COMMENT ON COLUMN credit_gz.issued_credit_report.domains IS '查询领域 / domains covered (NULL: all)';
COMMENT ON COLUMN credit_gz.issued_credit_report.issued_to IS '出具方式 / self (信用主体本人, through the self-service portal) or platform (信用平台)';
COMMENT ON COLUMN credit_gz.issued_credit_report.issued_by IS '出具用户 / database role that asked for the report';
COMMENT ON COLUMN credit_gz.issued_credit_report.issued_on IS '出具日期 / day of issue (policy date)';
COMMENT ON COLUMN credit_gz.issued_credit_report.issued_at IS '出具时间 / time of issue (the transaction''s timestamp)';
COMMENT ON COLUMN credit_gz.issued_credit_report.content IS '报告内容 / the report as issued (JSON)';
COMMENT ON COLUMN credit_gz.issued_credit_report.content_sha256 IS '内容摘要 / SHA-256 of the content''s canonical text (credit_gz.report_content_hash)';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.issued_credit_report', '');
CREATE INDEX issued_credit_report_no_idx ON credit_gz.issued_credit_report (report_no);
COMMENT ON INDEX credit_gz.issued_credit_report_no_idx IS '按报告编号核验 / verification by report number';
-- granted to nobody; row-level security without a policy as well, should a DBA grant it by mistake
ALTER TABLE credit_gz.issued_credit_report ENABLE ROW LEVEL SECURITY;

-- report_content_hash: the one digest of a report's content — SHA-256 of jsonb's canonical text (keys ordered,
-- whitespace fixed), so the same content always has the same hash whoever serialises it.
CREATE FUNCTION credit_gz.report_content_hash(content jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(content::text, 'UTF8')), 'hex');
COMMENT ON FUNCTION credit_gz.report_content_hash(jsonb) IS
    '报告内容摘要 / SHA-256 (hex) of the canonical text of a report''s JSON content: what verify_credit_report compares';

-- issued_credit_report_guard: an issued report is fixed (its number, code and content are what a third party was
-- given): UPDATE and DELETE are refused; TRUNCATE too.
CREATE OR REPLACE FUNCTION credit_gz.issued_credit_report_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.issued_credit_report'::regclass THEN
        RAISE EXCEPTION 'credit_gz.issued_credit_report_guard() fired on %', TG_RELID::regclass USING ERRCODE = '39P01';
    END IF;
    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('issued special credit reports are never changed'), ERRCODE = 'CG703',
              DETAIL = credit_gz.msg('%s on credit_gz.issued_credit_report refused: a report''s content is fixed at issue.', TG_OP),
              HINT = credit_gz.msg('Issue a new report with credit_gz.special_credit_report.');
END
$$;
COMMENT ON FUNCTION credit_gz.issued_credit_report_guard() IS
    '已出具报告不可更改 / refuses UPDATE, DELETE and TRUNCATE of issued special credit reports (CG703)';
CREATE TRIGGER issued_credit_report_fixed BEFORE UPDATE OR DELETE ON credit_gz.issued_credit_report
    FOR EACH ROW EXECUTE FUNCTION credit_gz.issued_credit_report_guard();
CREATE TRIGGER issued_credit_report_no_truncate BEFORE TRUNCATE ON credit_gz.issued_credit_report
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.issued_credit_report_guard();
COMMENT ON TRIGGER issued_credit_report_fixed ON credit_gz.issued_credit_report IS '报告内容固定 / issued reports are not changed (CG703)';
COMMENT ON TRIGGER issued_credit_report_no_truncate ON credit_gz.issued_credit_report IS '报告内容固定 / nor truncated (CG703)';
REVOKE ALL ON FUNCTION credit_gz.issued_credit_report_guard() FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- Building and issuing (internal: called by the C entry points as the owner of the issued reports)
-- ---------------------------------------------------------------------------------------------------------------
-- special_report_content: the report on a subject for [period_from, period_until) and the domains (NULL: all), as
-- the archive has it now, laid out after 公共信用信息报告标准(2022年版). Records count as every report counts them
-- (credit_gz.record_counts: in publicity or under objection); a record of a domain counts for that domain and its
-- parent, a record of no domain for every domain. List entries of the section's list types count when in force at
-- some time in the period (and neither revoked nor repaired), whatever the domain. NULL: no such subject.
CREATE FUNCTION credit_gz.special_report_content(subject_id bigint, period_from date, period_until date,
                                                 domains text[], as_of date)
RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH s AS (SELECT * FROM credit_gz.subject x WHERE x.subject_id = special_report_content.subject_id),
    sec AS (SELECT * FROM credit_gz.special_report_section t
             WHERE credit_gz.in_force(t.effective_from, t.effective_until, as_of)),
    rec AS (
        SELECT sec.code AS section, pg_catalog.jsonb_build_object(
                   'document_no', r.document_no, 'decision_date', r.decision_date, 'item', i.name_zh,
                   'title', r.title, 'department', r.department_code, 'department_name', d.name_zh,
                   'domain', r.domain_code, 'severity', r.severity,
                   'penalty_category', credit_gz.record_penalty_category(r.penalty_category, r.details),
                   'simple_procedure', CASE WHEN r.item_code = 'administrative_penalty'
                                            THEN credit_gz.penalty_simple_procedure(r.details) END,
                   'content', r.details OPERATOR(pg_catalog.->>) 'content',
                   'basis', r.details OPERATOR(pg_catalog.->>) 'basis',
                   'publish_until', credit_gz.inclusive_end(r.publish_until),
                   'under_objection', r.status = 'under_objection') AS j,
               r.decision_date AS d1, r.record_id AS k
          FROM sec
          JOIN credit_gz.record r ON r.item_code = sec.item_code
          JOIN credit_gz.info_item i ON i.code = r.item_code
          JOIN credit_gz.department d ON d.code = r.department_code
         WHERE r.subject_id = special_report_content.subject_id
           AND r.decision_date >= period_from AND r.decision_date < period_until
           AND credit_gz.record_counts(r.status)
           AND (domains IS NULL OR r.domain_code IS NULL OR r.domain_code = ANY (domains)
                OR (SELECT dm.parent_code FROM credit_gz.domain dm WHERE dm.code = r.domain_code) = ANY (domains))
        UNION ALL
        SELECT sec.code, pg_catalog.jsonb_build_object(
                   'list_type', e.list_type_code, 'list_name', lt.name_zh, 'department', e.department_code,
                   'department_name', d.name_zh, 'basis_document', e.basis_document,
                   'effective_from', e.effective_from, 'effective_until', credit_gz.inclusive_end(e.effective_until),
                   'status', e.status, 'derived', e.derived_from_entry_id IS NOT NULL),
               e.effective_from, e.entry_id
          FROM sec
          JOIN credit_gz.list_type lt ON lt.polarity = sec.list_polarity AND lt.severity = sec.list_severity
          JOIN credit_gz.list_entry e ON e.list_type_code = lt.code
          JOIN credit_gz.department d ON d.code = e.department_code
         WHERE sec.item_code IS NULL AND e.subject_id = special_report_content.subject_id
           AND e.status NOT IN ('revoked', 'repaired')
           AND e.effective_from < period_until AND (e.effective_until IS NULL OR e.effective_until > period_from)),
    sections AS (
        SELECT sec.position, sec.code, sec.name_zh,
               coalesce((SELECT pg_catalog.jsonb_agg(rec.j ORDER BY rec.d1 DESC, rec.k) FROM rec
                          WHERE rec.section = sec.code), '[]') AS entries
          FROM sec)
    SELECT pg_catalog.jsonb_build_object(
        'cover', pg_catalog.jsonb_build_object(
            'title', '专项信用报告',
            'subtitle', CASE WHEN s.kind = 'natural_person'
                             THEN '（自然人版，替代有无违法违规记录证明）'
                             ELSE '（法人和非法人组织版，替代有无违法违规记录证明）' END,
            'report_kind', CASE WHEN s.kind = 'natural_person' THEN 'natural_person' ELSE 'legal_person' END,
            'subject_name', s.name,
            'identity_code', credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type,
                                                     s.identity_document_no, s.kind = 'natural_person'),
            'issuer', '广州市公共信用信息管理平台 (信用广州)',
            'issued_on', as_of),
        'notes', pg_catalog.jsonb_build_array(
            '本报告依据发改财金〔2025〕565号（以专项信用报告替代有无违法违规记录证明，信用代证）出具，可替代报告所列领域的有无违法违规记录证明。',
            '报告格式参照《公共信用信息报告标准(2022年版)》: 封面、报告说明、基本信息和公共信用信息概要、明细信息。',
            '报告期间为 ' || period_from || ' 至 ' || credit_gz.inclusive_end(period_until) || '；查询领域: '
                || coalesce(pg_catalog.array_to_string(domains, '、'), '全部领域') || '。',
            '明细信息列示报告期间内在公示期的记录（含异议处理中的记录）及期间内有效的严重失信主体名单信息；已修复或已撤销的信息不予列示。',
            '报告内容以出具时为准，出具后档案的变更不改变本报告。可凭报告编号和验证码通过 credit_gz.verify_credit_report 核验报告真伪。'),
        'period', pg_catalog.jsonb_build_object('from', period_from, 'to', credit_gz.inclusive_end(period_until)),
        'domains', pg_catalog.to_jsonb(domains),
        'overview', pg_catalog.jsonb_build_object(
            'basic_information', pg_catalog.jsonb_build_object(
                'name', s.name, 'kind', s.kind,
                'identity_code', credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type,
                                                         s.identity_document_no, s.kind = 'natural_person'),
                'district', s.district, 'registered_on', s.registered_on, 'status', s.status)
              || CASE WHEN s.kind = 'natural_person' THEN '{}'::jsonb ELSE pg_catalog.jsonb_build_object(
                   'legal_representative',
                   (SELECT p.name FROM credit_gz.relation l JOIN credit_gz.subject p ON p.subject_id = l.related_subject_id
                     WHERE l.subject_id = s.subject_id AND l.kind = 'legal_representative'
                       AND credit_gz.in_force(l.valid_from, l.valid_until, as_of)
                     ORDER BY l.valid_from DESC LIMIT 1)) END,
            'summary', (SELECT pg_catalog.jsonb_object_agg(x.code, pg_catalog.jsonb_array_length(x.entries))
                          FROM sections x)
                       || pg_catalog.jsonb_build_object('simple_procedure_penalties',
                              (SELECT pg_catalog.count(*) FROM rec
                                WHERE rec.section = 'administrative_penalty'
                                  AND (rec.j OPERATOR(pg_catalog.->>) 'simple_procedure')::boolean)),
            'statement', CASE WHEN (SELECT pg_catalog.count(*) FROM rec) = 0
                              THEN '报告期间内，在所查询领域未发现该主体的行政处罚、行政强制、严重失信主体名单及刑事裁判信息。'
                              ELSE '报告期间内，在所查询领域发现该主体的违法违规信息，详见明细信息。' END),
        'sections', (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('code', x.code, 'name', x.name_zh,
                                                                               'entries', x.entries) ORDER BY x.position)
                       FROM sections x))
      FROM s
$$;
COMMENT ON FUNCTION credit_gz.special_report_content(bigint, date, date, text[], date) IS
    '专项信用报告内容 / the special credit report on a subject for a period and domains as the archive has it now '
    '(cover, notes, overview with basic information and summary, detail sections of credit_gz.special_report_section); '
    'NULL when there is no such subject. Internal to credit_gz.special_credit_report.';
REVOKE ALL ON FUNCTION credit_gz.special_report_content(bigint, date, date, text[], date) FROM PUBLIC;

-- special_report_issue: number the report, fix its content with number and verification code on the cover, and
-- store it with its hash. Run by credit_gz.special_credit_report as the table's owner, after it logged the read.
CREATE OR REPLACE FUNCTION credit_gz.special_report_issue(subject_id bigint, period_from date, period_until date,
                                               domains text[], issued_to text, issued_by name)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    today   date := credit_gz.policy_date();
    no      text;
    code    text;
    content jsonb;
BEGIN
    content := credit_gz.special_report_content(subject_id, period_from, period_until, domains, today);
    IF content IS NULL THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('no subject %s in the credit archive', subject_id),
              ERRCODE = '22023',
                  HINT = credit_gz.msg('A special credit report is issued on a subject of credit_gz.subject.');
    END IF;
    no := 'GZZX' || pg_catalog.to_char(today, 'YYYYMMDD')
          || pg_catalog.lpad(pg_catalog.nextval('credit_gz.issued_credit_report_seq')::text, 8, '0');
    code := pg_catalog.upper(pg_catalog.substr(pg_catalog.md5(pg_catalog.gen_random_uuid()::text), 1, 12));
    content := content OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object(
        'report_no', no, 'verification_code', code, 'issued_at', pg_catalog.now(), 'issued_to', issued_to);
    content := pg_catalog.jsonb_set(content, '{cover,report_no}', pg_catalog.to_jsonb(no));
    content := pg_catalog.jsonb_set(content, '{cover,verification_code}', pg_catalog.to_jsonb(code));
    INSERT INTO credit_gz.issued_credit_report (subject_id, report_no, verification_code, period_from, period_until,
                                                domains, issued_to, issued_by, issued_on, issued_at, content,
                                                content_sha256)
    VALUES (subject_id, no, code, period_from, period_until, domains, issued_to, issued_by, today, pg_catalog.now(),
            content, credit_gz.report_content_hash(content));
    RETURN content;
END
$$;
COMMENT ON FUNCTION credit_gz.special_report_issue(bigint, date, date, text[], text, name) IS
    '出具专项信用报告 / numbers, fixes and stores a special credit report (credit_gz.issued_credit_report); internal to '
    'credit_gz.special_credit_report, which logs the read and runs it as the table''s owner.';
REVOKE ALL ON FUNCTION credit_gz.special_report_issue(bigint, date, date, text[], text, name) FROM PUBLIC;

-- special_report_check: the verification of a report by its number and code — genuine when the stored content still
-- has the hash taken at issue and the copy presented (if any) is that content; tampered when either differs;
-- unknown when no report has that number and code (nothing more is told then, not even whether the number exists).
-- Run by credit_gz.verify_credit_report as the table's owner; subject_id is what the verification is logged under.
CREATE FUNCTION credit_gz.special_report_check(report_no text, verification_code text, presented jsonb)
RETURNS TABLE (subject_id bigint, answer jsonb)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH r AS (SELECT r.*, credit_gz.report_content_hash(r.content) AS actual
                 FROM credit_gz.issued_credit_report r
                WHERE r.report_no = special_report_check.report_no
                  AND r.verification_code = pg_catalog.upper(pg_catalog.btrim(special_report_check.verification_code))
                ORDER BY r.issued_at LIMIT 1),
    v AS (SELECT r.*, CASE WHEN r.actual <> r.content_sha256 THEN 'stored'
                           WHEN presented IS NOT NULL AND credit_gz.report_content_hash(presented) <> r.content_sha256
                           THEN 'copy' END AS changed
            FROM r)
    SELECT v.subject_id,
           CASE WHEN v.changed IS NULL THEN pg_catalog.jsonb_build_object(
                    'report_no', v.report_no, 'status', 'genuine', 'valid', true,
                    'message', '报告真实有效，内容与出具时一致 / the report is genuine and unchanged',
                    'subject_name', v.content #>> '{cover,subject_name}',
                    'identity_code', v.content #>> '{cover,identity_code}',
                    'period', pg_catalog.jsonb_build_object('from', v.period_from,
                                                            'to', credit_gz.inclusive_end(v.period_until)),
                    'domains', pg_catalog.to_jsonb(v.domains), 'issued_on', v.issued_on, 'issued_at', v.issued_at,
                    'issued_to', v.issued_to, 'summary', v.content #> '{overview,summary}',
                    'content_sha256', v.content_sha256)
                ELSE pg_catalog.jsonb_build_object(
                    'report_no', v.report_no, 'status', 'tampered', 'valid', false,
                    'message', CASE v.changed
                        WHEN 'stored' THEN '报告内容已被篡改，与出具时不一致 / the stored report no longer matches '
                                           'the content issued'
                        ELSE '所提交的报告内容与出具的报告不一致 / the copy presented differs from the report issued' END,
                    'issued_on', v.issued_on) END
      FROM v
    UNION ALL
    SELECT NULL, pg_catalog.jsonb_build_object(
               'report_no', special_report_check.report_no, 'status', 'unknown', 'valid', false,
               'message', '未找到该报告编号和验证码对应的专项信用报告 / no special credit report has this number and '
                          'verification code')
     WHERE NOT EXISTS (SELECT 1 FROM r)
$$;
COMMENT ON FUNCTION credit_gz.special_report_check(text, text, jsonb) IS
    '专项信用报告核验 / the verification of a special credit report by number and verification code: genuine (with '
    'what it covered and when it was issued), tampered or unknown; internal to credit_gz.verify_credit_report.';
REVOKE ALL ON FUNCTION credit_gz.special_report_check(text, text, jsonb) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- Entry points (C, src/special_report.c)
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.special_credit_report(subject_id bigint, period daterange, domains text[] DEFAULT NULL,
                                                purpose text DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_special_credit_report';
COMMENT ON FUNCTION credit_gz.special_credit_report(bigint, daterange, text[], text) IS
    '专项信用报告 (信用代证, 发改财金〔2025〕565号) / issues a special credit report on a subject for a period (a bounded '
    'daterange, not after today) and domains (NULL: all): 行政处罚（含简易程序）, 行政强制, 严重失信主体名单 and 刑事裁判 '
    'information laid out after 公共信用信息报告标准(2022年版), with a report number and verification code, its content '
    'fixed at issue (credit_gz.issued_credit_report). To the subject through the self-service role (audience self) or '
    'by the platform (the credit administrator); logged in credit_gz.query_log; on the primary only (25006)';

CREATE FUNCTION credit_gz.verify_credit_report(report_no text, verification_code text, content jsonb DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_verify_credit_report';
COMMENT ON FUNCTION credit_gz.verify_credit_report(text, text, jsonb) IS
    '核验专项信用报告 / tells a third party whether a special credit report is genuine: status genuine (with what it '
    'covered and when it was issued), tampered (the stored content no longer matches its hash, or the copy presented '
    'as content differs from the report issued) or unknown (no report with that number and verification code). '
    'Read-only: works on a standby too; logged like every read (not written on a standby)';

-- special_report_text: the report as readable text, the sections in the report's order.
CREATE FUNCTION credit_gz.special_report_text(content jsonb)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    out text;
    sec jsonb;
    e   jsonb;
    n   int;
    m   int := 0;
    numerals text[] := ARRAY['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
BEGIN
    out := (content #>> '{cover,title}') || (content #>> '{cover,subtitle}') || E'\n'
        || '报告编号: ' || coalesce(content ->> 'report_no', '—') || '    验证码: ' || coalesce(content ->> 'verification_code', '—') || E'\n'
        || '信用主体: ' || (content #>> '{cover,subject_name}') || E'\n'
        || CASE WHEN content #>> '{cover,report_kind}' = 'natural_person' THEN '身份证件号码: ' ELSE '统一社会信用代码: ' END
        || coalesce(content #>> '{cover,identity_code}', '—') || E'\n'
        || '出具机构: ' || (content #>> '{cover,issuer}') || E'\n'
        || '出具日期: ' || (content #>> '{cover,issued_on}') || E'\n'
        || E'\n报告说明\n';
    n := 0;
    FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(content -> 'notes') LOOP
        n := n + 1;
        out := out || '  ' || n || '. ' || (e #>> '{}') || E'\n';
    END LOOP;
    m := m + 1;
    out := out || E'\n' || coalesce(numerals[m], m::text) || E'、基本信息\n'
        || '  名称: ' || coalesce(content #>> '{overview,basic_information,name}', '—') || E'\n'
        || CASE WHEN content #>> '{cover,report_kind}' = 'natural_person' THEN ''
                ELSE '  法定代表人: ' || coalesce(content #>> '{overview,basic_information,legal_representative}', '—') || E'\n'
                  || '  成立日期: ' || coalesce(content #>> '{overview,basic_information,registered_on}', '—') || E'\n' END
        || '  状态: ' || coalesce(content #>> '{overview,basic_information,status}', '—') || E'\n';
    m := m + 1;
    out := out || E'\n' || coalesce(numerals[m], m::text) || E'、公共信用信息概要\n';
    FOR sec IN SELECT * FROM pg_catalog.jsonb_array_elements(content -> 'sections') LOOP
        out := out || '  ' || (sec ->> 'name') || ': ' || pg_catalog.jsonb_array_length(sec -> 'entries') || ' 条'
            || CASE WHEN sec ->> 'code' = 'administrative_penalty'
                    THEN '（其中简易程序 ' || coalesce(content #>> '{overview,summary,simple_procedure_penalties}', '0') || ' 条）'
                    ELSE '' END || E'\n';
    END LOOP;
    out := out || '  ' || (content #>> '{overview,statement}') || E'\n';
    FOR sec IN SELECT * FROM pg_catalog.jsonb_array_elements(content -> 'sections') LOOP
        m := m + 1;
        out := out || E'\n' || coalesce(numerals[m], m::text) || '、' || (sec ->> 'name') || E'\n';
        n := 0;
        FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(sec -> 'entries') LOOP
            n := n + 1;
            IF e ? 'list_type' THEN
                out := out || '  ' || n || '. ' || (e ->> 'list_name') || ' 认定部门: ' || coalesce(e ->> 'department_name', e ->> 'department')
                    || ' 认定文书: ' || coalesce(e ->> 'basis_document', '—')
                    || ' 期间: ' || (e ->> 'effective_from') || ' 至 ' || coalesce(e ->> 'effective_until', '—')
                    || ' 状态: ' || (e ->> 'status') || E'\n';
            ELSE
                out := out || '  ' || n || '. ' || (e ->> 'decision_date') || ' ' || coalesce(e ->> 'title', e ->> 'item')
                    || CASE WHEN (e ->> 'simple_procedure')::boolean THEN ' [简易程序]' ELSE '' END
                    || E'\n     文书号: ' || (e ->> 'document_no') || ' 决定机关: ' || coalesce(e ->> 'department_name', e ->> 'department')
                    || coalesce(' 领域: ' || (e ->> 'domain'), '')
                    || coalesce(E'\n     内容: ' || (e ->> 'content'), '')
                    || CASE WHEN (e ->> 'under_objection')::boolean THEN ' 【异议处理中】' ELSE '' END || E'\n';
            END IF;
        END LOOP;
        IF n = 0 THEN out := out || E'  报告期间内无\n'; END IF;
    END LOOP;
    RETURN out;
END
$$;
COMMENT ON FUNCTION credit_gz.special_report_text(jsonb) IS
    '专项信用报告(文本) / a special credit report''s JSON content as readable Chinese text: cover, notes, basic '
    'information, summary and detail sections';

CREATE FUNCTION credit_gz.special_credit_report_text(subject_id bigint, period daterange, domains text[] DEFAULT NULL,
                                                     purpose text DEFAULT NULL)
RETURNS text
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.special_report_text(credit_gz.special_credit_report(subject_id, period, domains, purpose)) $$;
COMMENT ON FUNCTION credit_gz.special_credit_report_text(bigint, daterange, text[], text) IS
    '专项信用报告(文本) / issues a special credit report (credit_gz.special_credit_report: numbered, fixed, logged) and '
    'returns it as readable text';

-- Who issues and who verifies (credit_gz.role_privilege): the self-service portal issues to the subject it
-- authenticated; every kind of role a third party may hold verifies.
REVOKE ALL ON FUNCTION credit_gz.special_credit_report(bigint, daterange, text[], text),
              credit_gz.special_credit_report_text(bigint, daterange, text[], text),
              credit_gz.verify_credit_report(text, text, jsonb) FROM PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('self_service', 'special_credit_report(bigint, daterange, text[], text)', 'EXECUTE', true),
    ('self_service', 'special_credit_report_text(bigint, daterange, text[], text)', 'EXECUTE', true),
    ('self_service', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true),
    ('department', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true),
    ('public_reader', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true),
    ('credit_agency', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true),
    ('financial_institution', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true);

-- ---------------------------------------------------------------------------------------------------------------
-- Hot standbys: answered_by on the logs and feedback, credit_gz.accept_forwarded_reads() for a standby's forwarded
-- entries, credit_gz.require_primary() and objection_submit refusing on a standby
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.query_log ADD COLUMN answered_by text;
COMMENT ON COLUMN credit_gz.query_log.answered_by IS
    '应答服务器 / the hot standby that answered the read (its cluster_name, else host:port), forwarded to the primary; '
    'NULL for a read answered by the primary itself';
ALTER TABLE credit_gz.unknown_code_read_log ADD COLUMN answered_by text;
COMMENT ON COLUMN credit_gz.unknown_code_read_log.answered_by IS
    '应答服务器 / the hot standby that answered the read (its cluster_name, else host:port), forwarded to the primary; '
    'NULL for a read answered by the primary itself';
ALTER TABLE credit_gz.measure_feedback ADD COLUMN answered_by text;
COMMENT ON COLUMN credit_gz.measure_feedback.answered_by IS
    '应答服务器 / the hot standby that answered the pre-check (its cluster_name, else host:port), forwarded to the '
    'primary; NULL for a pre-check answered by the primary itself';

-- accept_forwarded_reads: the one way a standby's entries enter the logs. SECURITY DEFINER (the extension owner, a
-- superuser, so the stamp trigger keeps the stamps the standby took at read time, and the feedback rows, which no
-- role inserts, are written): EXECUTE goes to the forwarding role alone, which needs nothing else. Every entry
-- names the standby that answered it, so a forwarded entry never passes for one the primary answered.
CREATE OR REPLACE FUNCTION credit_gz.accept_forwarded_reads(batch jsonb)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n     bigint;
    total bigint := 0;
BEGIN
    IF batch IS NULL OR pg_catalog.jsonb_typeof(batch) OPERATOR(pg_catalog.<>) 'array' THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('a forwarded batch must be a jsonb array of entries'),
              ERRCODE = '22023',
                  HINT = credit_gz.msg('The query-log worker of a hot standby sends it (credit_gz.query_log_primary_conninfo).');
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements(batch) AS e (v)
                WHERE pg_catalog.jsonb_typeof(e.v) IS DISTINCT FROM 'object'
                   OR NOT coalesce((e.v OPERATOR(pg_catalog.->>) 'kind')
                                   OPERATOR(pg_catalog.=) ANY (ARRAY['read', 'unknown_code_read', 'feedback']), false)
                   OR coalesce(e.v OPERATOR(pg_catalog.->>) 'answered_by', '') OPERATOR(pg_catalog.=) '') THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('every forwarded entry must be an object of a known kind naming the server that answered it'),
              ERRCODE = '22023',
                  DETAIL = credit_gz.msg('kind is read, unknown_code_read or feedback; answered_by names the standby.');
    END IF;
    INSERT INTO credit_gz.query_log (at, role_name, session_role, department_code, subject_id, via, audience,
                                     purpose, domain_code, verdict, answered_by)
    SELECT timestamptz '2000-01-01 00:00:00+00' OPERATOR(pg_catalog.+) (e.at_us OPERATOR(pg_catalog.*) interval '1 microsecond'),
           e.role_name, e.session_role, e.department_code, e.subject_id, e.via, e.audience, e.purpose,
           e.domain_code, e.verdict, e.answered_by
      FROM pg_catalog.jsonb_to_recordset(batch)
           AS e (kind text, at_us bigint, role_name name, session_role name, department_code text, subject_id bigint,
                 via text, audience text, purpose text, domain_code text, verdict text, answered_by text)
     WHERE e.kind OPERATOR(pg_catalog.=) 'read';
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total OPERATOR(pg_catalog.+) n;
    INSERT INTO credit_gz.unknown_code_read_log (at, role_name, session_role, department_code, code, via, audience,
                                                 purpose, domain_code, verdict, answered_by)
    SELECT timestamptz '2000-01-01 00:00:00+00' OPERATOR(pg_catalog.+) (e.at_us OPERATOR(pg_catalog.*) interval '1 microsecond'),
           e.role_name, e.session_role, e.department_code, e.code, e.via, e.audience, e.purpose,
           e.domain_code, e.verdict, e.answered_by
      FROM pg_catalog.jsonb_to_recordset(batch)
           AS e (kind text, at_us bigint, role_name name, session_role name, department_code text, code text,
                 via text, audience text, purpose text, domain_code text, verdict text, answered_by text)
     WHERE e.kind OPERATOR(pg_catalog.=) 'unknown_code_read';
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total OPERATOR(pg_catalog.+) n;
    INSERT INTO credit_gz.measure_feedback (checked_at, department_code, subject_id, domain_code, action,
                                            measure_code, entry_id, model_code, effect, verdict, source, actor,
                                            answered_by)
    SELECT timestamptz '2000-01-01 00:00:00+00' OPERATOR(pg_catalog.+) (e.at_us OPERATOR(pg_catalog.*) interval '1 microsecond'),
           e.department_code, e.subject_id, e.domain_code, e.action, e.measure_code, e.entry_id, e.model_code,
           e.effect, e.verdict, e.source, e.role_name, e.answered_by
      FROM pg_catalog.jsonb_to_recordset(batch)
           AS e (kind text, at_us bigint, role_name text, department_code text, subject_id bigint, domain_code text,
                 action text, measure_code text, entry_id bigint, model_code text, effect text, verdict text,
                 source text, answered_by text)
     WHERE e.kind OPERATOR(pg_catalog.=) 'feedback';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN total OPERATOR(pg_catalog.+) n;
END
$$;
COMMENT ON FUNCTION credit_gz.accept_forwarded_reads(jsonb) IS
    '接收备库查询日志 / writes a batch of entries a hot standby logged (reads into credit_gz.query_log and '
    'credit_gz.unknown_code_read_log, pre-check feedback into credit_gz.measure_feedback) with the stamps taken at '
    'read time and the standby''s name; returns how many rows. Called by the standby''s query-log worker '
    '(credit_gz.query_log_primary_conninfo), and after a promotion by the promoted server for what it still held. '
    'EXECUTE only for the forwarding role a DBA grants it to (README, For a DBA). 22023 for a malformed batch.';
REVOKE ALL ON FUNCTION credit_gz.accept_forwarded_reads(jsonb) FROM PUBLIC;

-- require_primary: a path that writes before it answers refuses on a hot standby with a message that says where
-- to go, instead of PostgreSQL's "cannot execute INSERT in a read-only transaction" from deep inside.
CREATE OR REPLACE FUNCTION credit_gz.require_primary(what text)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF pg_catalog.pg_is_in_recovery() THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('%s cannot be made on a hot standby', what), ERRCODE = '25006',
                  DETAIL = credit_gz.msg('This server is a read-only standby: what must be written first is written on the primary.'),
                  HINT = credit_gz.msg('Connect to the primary to do it; pre-checks and credit reports can be made on the standby.');
    END IF;
END
$$;
COMMENT ON FUNCTION credit_gz.require_primary(text) IS
    'Raises 25006 naming what (e.g. ''a repair application'') on a hot standby, telling to use the primary; nothing '
    'on a primary. Called first by the functions that must write before they answer.';
-- repair applications are written before they answer: on a standby they refuse with require_primary's message
CREATE OR REPLACE FUNCTION credit_gz.repair_submit(record_id bigint, obligations_performed_on date, statement text DEFAULT NULL)
RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT credit_gz.require_primary(credit_gz.msg('a repair application'));
    INSERT INTO credit_gz.repair_application (record_id, obligations_performed_on, statement)
    VALUES (repair_submit.record_id, repair_submit.obligations_performed_on, repair_submit.statement)
    RETURNING *;
END;
CREATE OR REPLACE FUNCTION credit_gz.repair_submit_entry(entry_id bigint, obligations_performed_on date, statement text DEFAULT NULL)
RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT credit_gz.require_primary(credit_gz.msg('a repair application'));
    INSERT INTO credit_gz.repair_application (entry_id, obligations_performed_on, statement)
    VALUES (repair_submit_entry.entry_id, repair_submit_entry.obligations_performed_on, repair_submit_entry.statement)
    RETURNING *;
END;

CREATE OR REPLACE FUNCTION credit_gz.objection_submit(record_id bigint, claim text) RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT credit_gz.require_primary(credit_gz.msg('an objection'));
    INSERT INTO credit_gz.objection (record_id, claim) VALUES (objection_submit.record_id, objection_submit.claim)
    RETURNING *;
END;

-- ---------------------------------------------------------------------------------------------------------------
-- 名单归集: lists as published (失信被执行人, 经营异常名录, 严重违法失信名单) load into list entries from files
-- (list_intake_format, list_intake, list_intake_file, intake_subject, intake_lists), the published fields kept in
-- list_entry.details, the progress of a running load in shared memory (load_progress), and the 重错码率 over every
-- line sent (intake_required_field, sent_code, sent_code_quality; monitor_data_quality counts them); the report upward
-- in the national formats (export_run, platform_shares, export_penalties, export_licences)
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.list_entry ADD COLUMN details jsonb;
COMMENT ON COLUMN credit_gz.list_entry.details IS
    '名单公布信息 / what the published list said of the entry as sent (deciding body, decision date, reason, removal '
    'reason: credit_gz.intake_lists), NULL for an entry made otherwise';

-- 名单归集 / lists as they are published: the court's 失信被执行人 list and the market regulator's 经营异常名录 and
-- 严重违法失信名单 arrive as files, one line per listing (and later per removal, with its date and reason). A
-- department COPYs the file into credit_gz.list_intake_file under a batch name and calls credit_gz.intake_lists();
-- each line lists, updates or removes one list entry (credit_gz.list_entry) or is rejected on its own, and the call
-- returns the receipt, as penalty files do (src/intake.sql). A removal lifts the entry and, through the propagation
-- trigger, what was derived from it. How far a long load is: credit_gz.load_progress. User documentation:
-- doc/lists.md ("Lists from files"), doc/intake.md.

-- ---------------------------------------------------------------------------------------------------------------------
-- Which list a file's 名单名称 is
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.list_intake_format (
    list_name       text    NOT NULL CHECK (btrim(list_name) = list_name AND list_name <> ''),
    list_type_code  text    NOT NULL REFERENCES credit_gz.list_type (code) ON UPDATE CASCADE,
    effective_from  date    NOT NULL,
    effective_until date,
    source          text    NOT NULL CHECK (btrim(source) <> ''),
    shipped         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (list_name, effective_from),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.list_intake_format IS
    '名单文件对照 / the list type (credit_gz.list_type) a list file''s 名单名称 loads into, in force on the listing date '
    'of the line; a name no row decides is rejected (CG801).';
COMMENT ON COLUMN credit_gz.list_intake_format.list_name IS '名单名称 / the list''s name as the file writes it';
COMMENT ON COLUMN credit_gz.list_intake_format.list_type_code IS '名单类型 / list type of the entries';
COMMENT ON COLUMN credit_gz.list_intake_format.effective_from IS '起始日期 / first listing date the row governs';
COMMENT ON COLUMN credit_gz.list_intake_format.effective_until IS '失效日期 / first day no longer in force, as a listing date (NULL: open)';
COMMENT ON COLUMN credit_gz.list_intake_format.source IS '依据 / source of the list and its published fields';
COMMENT ON COLUMN credit_gz.list_intake_format.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.list_intake_format (list_name, list_type_code, effective_from, source, shipped) VALUES
    ('失信被执行人', 'judgment_debtor', '2017-05-01',
     '法释〔2017〕7号 第六条 (公布的失信被执行人信息: 姓名或名称、统一社会信用代码或身份证号码、执行法院、执行依据文书、失信情形) 第十条 (删除失信信息)', true),
    ('经营异常名录', 'abnormal_operations', '2021-09-01',
     '《企业信息公示暂行条例》第十七条; 《企业经营异常名录管理暂行办法》第十条至第十四条 (列入、移出决定及其事由和日期)', true),
    ('严重违法失信名单', 'samr_serious_illegal', '2021-09-01',
     '《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号) 第十二条 (列入决定书), 第十五条至第十七条 (移出)', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_intake_format', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.list_intake_format TO PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------------
-- Staged list file (personal data: under row-level security, granted to departments only)
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.list_intake (
    batch           text    NOT NULL CHECK (btrim(batch) <> ''),
    line_no         integer NOT NULL CHECK (line_no > 0),
    list_name       text,
    subject_name    text,
    uscc            text,
    id_type         text,
    id_no           text,
    legal_rep_name  text,
    case_no         text,
    deciding_body   text,
    decided_on      text,
    listed_on       text,
    last_listed_on  text,
    reason          text,
    removed_on      text,
    removal_reason  text,
    department_code text    NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE
                    DEFAULT credit_gz.intake_department(),
    staged_at       timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (department_code, batch, line_no)
);
COMMENT ON TABLE credit_gz.list_intake IS
    '名单归集暂存 / a published list file as staged, one row per line, every field as text; COPY it through '
    'credit_gz.list_intake_file (doc/lists.md), then call intake_lists(). A department sees and stages only its own '
    'lines (row-level security). Batch names are one namespace with the department''s penalty batches.';
COMMENT ON COLUMN credit_gz.list_intake.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.list_intake.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.list_intake.list_name IS '名单名称 / 失信被执行人, 经营异常名录 or 严重违法失信名单 (credit_gz.list_intake_format)';
COMMENT ON COLUMN credit_gz.list_intake.subject_name IS '被执行人姓名或名称、企业名称 / name of the listed subject';
COMMENT ON COLUMN credit_gz.list_intake.uscc IS '统一社会信用代码 / unified social credit code (organisations)';
COMMENT ON COLUMN credit_gz.list_intake.id_type IS '证件类型 / document type of a natural person (居民身份证)';
COMMENT ON COLUMN credit_gz.list_intake.id_no IS '身份证号码 / identity number of a natural person';
COMMENT ON COLUMN credit_gz.list_intake.legal_rep_name IS '法定代表人或负责人姓名 / legal representative, as published';
COMMENT ON COLUMN credit_gz.list_intake.case_no IS '案号、决定书文号 / case or decision number (the entry''s basis document)';
COMMENT ON COLUMN credit_gz.list_intake.deciding_body IS '执行法院、作出决定机关 / court or body that decided';
COMMENT ON COLUMN credit_gz.list_intake.decided_on IS '立案日期、作出决定日期 / date of the case or decision';
COMMENT ON COLUMN credit_gz.list_intake.listed_on IS '发布日期、列入日期 / first day listed';
COMMENT ON COLUMN credit_gz.list_intake.last_listed_on IS '列入期限 / last day listed as decided (empty: the list type''s term)';
COMMENT ON COLUMN credit_gz.list_intake.reason IS '失信情形、列入事由 / why listed';
COMMENT ON COLUMN credit_gz.list_intake.removed_on IS '移出日期、删除日期 / day removed (empty: a listing line)';
COMMENT ON COLUMN credit_gz.list_intake.removal_reason IS '移出事由、删除原因 / why removed';
COMMENT ON COLUMN credit_gz.list_intake.department_code IS
    '归集部门 / department staging the file (default: the one department the role acts for)';
COMMENT ON COLUMN credit_gz.list_intake.staged_at IS '暂存时间 / when the line was staged';
REVOKE ALL ON credit_gz.list_intake FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_intake', '');

-- list_intake_file: what a department COPYs its file into (COPY does not write a table under row-level security;
-- through this view each line goes in by INSERT, under the department policy).
CREATE VIEW credit_gz.list_intake_file WITH (security_barrier = true, security_invoker = true) AS
SELECT l.batch, l.line_no, l.list_name, l.subject_name, l.uscc, l.id_type, l.id_no, l.legal_rep_name, l.case_no,
       l.deciding_body, l.decided_on, l.listed_on, l.last_listed_on, l.reason, l.removed_on, l.removal_reason,
       l.department_code
  FROM credit_gz.list_intake l;
COMMENT ON VIEW credit_gz.list_intake_file IS
    '名单归集文件 / COPY a list file here (columns of credit_gz.list_intake): each line is staged in '
    'credit_gz.list_intake, in the name of the department the role acts for unless department_code is given.';
COMMENT ON COLUMN credit_gz.list_intake_file.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.list_intake_file.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.list_intake_file.list_name IS '名单名称 / 失信被执行人, 经营异常名录 or 严重违法失信名单';
COMMENT ON COLUMN credit_gz.list_intake_file.subject_name IS '被执行人姓名或名称、企业名称 / name of the listed subject';
COMMENT ON COLUMN credit_gz.list_intake_file.uscc IS '统一社会信用代码 / unified social credit code (organisations)';
COMMENT ON COLUMN credit_gz.list_intake_file.id_type IS '证件类型 / document type of a natural person (居民身份证)';
COMMENT ON COLUMN credit_gz.list_intake_file.id_no IS '身份证号码 / identity number of a natural person';
COMMENT ON COLUMN credit_gz.list_intake_file.legal_rep_name IS '法定代表人或负责人姓名 / legal representative, as published';
COMMENT ON COLUMN credit_gz.list_intake_file.case_no IS '案号、决定书文号 / case or decision number';
COMMENT ON COLUMN credit_gz.list_intake_file.deciding_body IS '执行法院、作出决定机关 / court or body that decided';
COMMENT ON COLUMN credit_gz.list_intake_file.decided_on IS '立案日期、作出决定日期 / date of the case or decision';
COMMENT ON COLUMN credit_gz.list_intake_file.listed_on IS '发布日期、列入日期 / first day listed';
COMMENT ON COLUMN credit_gz.list_intake_file.last_listed_on IS '列入期限 / last day listed as decided (empty: the list type''s term)';
COMMENT ON COLUMN credit_gz.list_intake_file.reason IS '失信情形、列入事由 / why listed';
COMMENT ON COLUMN credit_gz.list_intake_file.removed_on IS '移出日期 / day removed (empty: a listing line)';
COMMENT ON COLUMN credit_gz.list_intake_file.removal_reason IS '移出事由 / why removed';
COMMENT ON COLUMN credit_gz.list_intake_file.department_code IS '归集部门 / department staging the file (default: the one department the role acts for)';
CREATE FUNCTION credit_gz.list_intake_file_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID <> 'credit_gz.list_intake_file'::regclass OR TG_WHEN <> 'INSTEAD OF' OR TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'credit_gz.list_intake_file_insert() must be an INSTEAD OF INSERT trigger on credit_gz.list_intake_file'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    INSERT INTO credit_gz.list_intake (batch, line_no, list_name, subject_name, uscc, id_type, id_no, legal_rep_name,
                                       case_no, deciding_body, decided_on, listed_on, last_listed_on, reason, removed_on,
                                       removal_reason, department_code)
    VALUES (NEW.batch, NEW.line_no, NEW.list_name, NEW.subject_name, NEW.uscc, NEW.id_type, NEW.id_no,
            NEW.legal_rep_name, NEW.case_no, NEW.deciding_body, NEW.decided_on, NEW.listed_on, NEW.last_listed_on,
            NEW.reason, NEW.removed_on, NEW.removal_reason,
            coalesce(NEW.department_code, credit_gz.intake_department()));
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.list_intake_file_insert() IS
    'INSTEAD OF INSERT trigger on credit_gz.list_intake_file: stages the line in credit_gz.list_intake.';
REVOKE ALL ON FUNCTION credit_gz.list_intake_file_insert() FROM PUBLIC;
CREATE TRIGGER list_intake_file_insert INSTEAD OF INSERT ON credit_gz.list_intake_file
    FOR EACH ROW EXECUTE FUNCTION credit_gz.list_intake_file_insert();
COMMENT ON TRIGGER list_intake_file_insert ON credit_gz.list_intake_file IS 'a COPYed line is staged.';
REVOKE ALL ON credit_gz.list_intake_file FROM PUBLIC;

-- 谁归集谁负责: as for penalty files, a department stages, reads and clears only its own lines.
ALTER TABLE credit_gz.list_intake ENABLE ROW LEVEL SECURITY;
CREATE POLICY list_intake_department ON credit_gz.list_intake FOR ALL
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY list_intake_department ON credit_gz.list_intake IS
    '谁归集谁负责: a department stages, reads and clears only its own staged list lines.';

-- ---------------------------------------------------------------------------------------------------------------------
-- Progress of a long load (shared memory, src/load_progress.c)
-- ---------------------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.load_progress_start(kind text, department_code text, batch text, rows_staged bigint)
RETURNS void
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'credit_gz_load_progress_start';
COMMENT ON FUNCTION credit_gz.load_progress_start(text, text, text, bigint) IS
    '归集进度开始 / announce a load of this session (kind, department, batch, rows staged) in credit_gz.load_progress '
    'until its transaction ends; nothing without shared_preload_libraries.';
REVOKE ALL ON FUNCTION credit_gz.load_progress_start(text, text, text, bigint) FROM PUBLIC;

CREATE FUNCTION credit_gz.load_progress_step(rows_done bigint, rows_rejected bigint)
RETURNS void
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'credit_gz_load_progress_step';
COMMENT ON FUNCTION credit_gz.load_progress_step(bigint, bigint) IS
    '归集进度 / the rows of this session''s announced load done so far and how many were rejected.';
REVOKE ALL ON FUNCTION credit_gz.load_progress_step(bigint, bigint) FROM PUBLIC;

CREATE FUNCTION credit_gz.load_progress_rows(
    OUT pid integer, OUT role_oid oid, OUT kind text, OUT department_code text, OUT batch text,
    OUT rows_staged bigint, OUT rows_done bigint, OUT rows_rejected bigint,
    OUT started_at timestamptz, OUT updated_at timestamptz)
RETURNS SETOF record
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'credit_gz_load_progress_rows';
COMMENT ON FUNCTION credit_gz.load_progress_rows() IS
    '归集进度 / the loads running now in this database (see credit_gz.load_progress).';
REVOKE ALL ON FUNCTION credit_gz.load_progress_rows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION credit_gz.load_progress_rows() TO pg_read_all_stats;

CREATE VIEW credit_gz.load_progress WITH (security_barrier = true) AS
SELECT p.pid, r.rolname AS role_name, p.kind, p.department_code, p.batch, p.rows_staged, p.rows_done,
       p.rows_rejected, p.started_at, p.updated_at
  FROM credit_gz.load_progress_rows() p
  LEFT JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) p.role_oid;
COMMENT ON VIEW credit_gz.load_progress IS
    '归集进度 / how far each running load is (like pg_stat_progress_copy): session pid, role, kind (penalty, list), '
    'department and batch, rows staged, rows done and rejected so far, when it started and last advanced; the row '
    'goes when the load''s transaction ends. A DBA (pg_read_all_stats) sees every load, another role those of roles '
    'it has the privileges of. Needs shared_preload_libraries (empty otherwise).';
COMMENT ON COLUMN credit_gz.load_progress.pid IS '进程号 / backend pid of the session loading (pg_stat_activity.pid)';
COMMENT ON COLUMN credit_gz.load_progress.role_name IS '角色 / role running the load';
COMMENT ON COLUMN credit_gz.load_progress.kind IS '归集类别 / list (intake_lists) or penalty';
COMMENT ON COLUMN credit_gz.load_progress.department_code IS '归集部门 / department';
COMMENT ON COLUMN credit_gz.load_progress.batch IS '批次 / batch';
COMMENT ON COLUMN credit_gz.load_progress.rows_staged IS '暂存行数 / staged lines of the batch';
COMMENT ON COLUMN credit_gz.load_progress.rows_done IS '已处理 / lines done so far (loaded, unchanged or rejected)';
COMMENT ON COLUMN credit_gz.load_progress.rows_rejected IS '已退回 / lines rejected so far';
COMMENT ON COLUMN credit_gz.load_progress.started_at IS '开始时间 / when the load started';
COMMENT ON COLUMN credit_gz.load_progress.updated_at IS '更新时间 / when it last advanced';
REVOKE ALL ON credit_gz.load_progress FROM PUBLIC;
GRANT SELECT ON credit_gz.load_progress TO pg_read_all_stats;

-- ---------------------------------------------------------------------------------------------------------------------
-- intake_lists: the receipt of a staged list batch. Each line in its own subtransaction, like intake_penalties: the
-- subject it creates, its entry and what propagates from it go in together or not at all.
--   listing line (no 移出日期): lists the subject (outcome listed), or finds the entry the same department made on
--     the same case number for the same list (unchanged, or updated when its dates or published fields changed; a
--     removed entry stays removed: a re-sent listing after the removal changes nothing);
--   removal line: lifts the entry on the removal date with the removal reason (removed; the entry is made first if
--     the listing never reached the archive), and the propagation trigger lifts what was derived from it; the list
--     type's early-removal rule applies (a line it refuses is rejected with the trigger's error).
-- ---------------------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION credit_gz.intake_lists(department_code text, batch text, validate_only boolean DEFAULT false)
RETURNS TABLE (line_no integer, outcome text, entry_id bigint, column_name text, error_state text, message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    dep  text := intake_lists.department_code;
    s    credit_gz.list_intake;
    col  text;
    lt   text;
    sid  bigint;
    who  text;
    lon  date;
    luntil date;
    ron  date;
    don  date;
    det  jsonb;
    old  credit_gz.list_entry;
    subj record;
    eid  bigint;
    st   text;
    msg  text;
    ecol text;
    total bigint;
    done bigint := 0;
    rejected bigint := 0;
BEGIN
    IF dep IS NULL OR NOT EXISTS (SELECT FROM credit_gz.department d WHERE d.code = dep) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('department "%s" does not exist', dep), ERRCODE = '22023';
    END IF;
    IF credit_gz.my_departments() <> '{}' AND dep <> ALL (credit_gz.my_departments()) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('role "%s" does not act for department "%s"', current_user, dep),
              ERRCODE = '42501',
              HINT = credit_gz.msg('A department loads only its own files.');
    END IF;
    SELECT pg_catalog.count(*) INTO total FROM credit_gz.list_intake p
     WHERE p.department_code = dep AND p.batch = intake_lists.batch;
    IF batch IS NULL OR total = 0 THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch "%s" has no staged list lines', batch), ERRCODE = '22023',
              HINT = credit_gz.msg('COPY the file into credit_gz.list_intake_file with this batch name first.');
    END IF;
    PERFORM credit_gz.load_progress_start('list', dep, batch, total);
    FOR s IN SELECT * FROM credit_gz.list_intake p
              WHERE p.department_code = dep AND p.batch = intake_lists.batch ORDER BY p.line_no LOOP
        line_no := s.line_no; outcome := NULL; entry_id := NULL; column_name := NULL; error_state := NULL; message := NULL;
        who := coalesce(nullif(btrim(s.uscc), ''), credit_gz.msg('(no code)'));
        BEGIN
            col := 'listed_on';
            IF coalesce(btrim(s.listed_on), '') = '' THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('列入日期 is empty'), ERRCODE = '23502';
            END IF;
            lon := btrim(s.listed_on)::date;
            col := 'list_name';
            SELECT f.list_type_code INTO lt FROM credit_gz.list_intake_format f
             WHERE f.list_name = btrim(s.list_name) AND credit_gz.in_force(f.effective_from, f.effective_until, lon)
             ORDER BY f.shipped, f.effective_from DESC LIMIT 1;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('名单名称 "%s" names no list on %s', s.list_name, lon),
                      ERRCODE = 'CG801';
            END IF;
            -- the subject as penalty lines find it (one definition): a list names an organisation by its
            -- unified code and a person by its identity document, so the code given decides the category
            col := 'uscc';
            SELECT * INTO subj FROM credit_gz.intake_subject(s.subject_name,
                       (SELECT k.name_zh FROM credit_gz.intake_subject_kind k
                         WHERE k.subject_kind = CASE WHEN coalesce(btrim(s.uscc), '') = '' AND coalesce(btrim(s.id_no), '') <> ''
                                                     THEN 'natural_person' ELSE 'enterprise' END
                         ORDER BY k.shipped DESC, k.name_zh LIMIT 1),
                       s.uscc, NULL, NULL, NULL, NULL, NULL, s.id_type, s.id_no);
            who := subj.who;
            IF subj.error_state IS NOT NULL THEN
                col := subj.error_column;
                RAISE EXCEPTION USING ERRCODE = subj.error_state, MESSAGE = subj.error_message, COLUMN = subj.error_column;
            END IF;
            sid := subj.subject_id;
            col := 'case_no';
            IF coalesce(btrim(s.case_no), '') = '' THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('案号或决定书文号 is empty'), ERRCODE = '23502';
            END IF;
            col := 'decided_on';
            don := nullif(btrim(s.decided_on), '')::date;
            col := 'last_listed_on';
            luntil := nullif(btrim(s.last_listed_on), '')::date;
            IF luntil < lon THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('列入期限 %s is before the listing date %s', luntil, lon),
                      ERRCODE = '23514';
            END IF;
            col := 'removed_on';
            ron := nullif(btrim(s.removed_on), '')::date;
            IF ron < lon THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('移出日期 %s is before the listing date %s', ron, lon),
                      ERRCODE = '23514';
            END IF;
            col := 'removal_reason';
            IF ron IS NOT NULL AND coalesce(btrim(s.removal_reason), '') = '' THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('移出事由 is empty while 移出日期 is given'), ERRCODE = '23502';
            END IF;
            col := NULL;
            det := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
                'list_name', btrim(s.list_name), 'deciding_body', nullif(btrim(s.deciding_body), ''),
                'decided_on', don, 'reason', nullif(btrim(s.reason), ''),
                'legal_rep_name', nullif(btrim(s.legal_rep_name), '')));
            -- the entry this department made on this case number for this list (one determination, one entry)
            SELECT e.* INTO old FROM credit_gz.list_entry e
             WHERE e.department_code = dep AND e.list_type_code = lt AND e.basis_document = btrim(s.case_no)
               AND e.derived_from_entry_id IS NULL
             ORDER BY e.entry_id DESC LIMIT 1;
            IF FOUND AND old.subject_id <> sid THEN
                col := 'case_no';
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('案号 "%s" is already listed for another subject, %s',
                                                              btrim(s.case_no), credit_gz.subject_code(old.subject_id)),
                      ERRCODE = '23505';
            END IF;
            IF old.entry_id IS NULL THEN
                INSERT INTO credit_gz.list_entry AS e (subject_id, list_type_code, department_code, basis_document,
                                                       effective_from, effective_until, details)
                VALUES (sid, lt, dep, btrim(s.case_no), lon, luntil + 1, det)
                RETURNING e.* INTO old;
                outcome := 'listed';
            ELSIF old.status = 'active' AND (old.effective_from <> lon
                     OR (luntil IS NOT NULL AND old.effective_until IS DISTINCT FROM luntil + 1)
                     OR old.details IS DISTINCT FROM det) THEN
                UPDATE credit_gz.list_entry e
                   SET effective_from = lon, effective_until = coalesce(luntil + 1, e.effective_until), details = det
                 WHERE e.subject_id = old.subject_id AND e.entry_id = old.entry_id
                RETURNING e.* INTO old;
                outcome := 'updated';
            ELSE
                outcome := 'unchanged';
            END IF;
            IF ron IS NOT NULL THEN
                IF old.status = 'active' THEN
                    col := 'removed_on';
                    UPDATE credit_gz.list_entry e
                       SET status = 'lifted', status_changed_on = ron,
                           status_reason = btrim(s.removal_reason),
                           details = det || pg_catalog.jsonb_build_object('removal_reason', btrim(s.removal_reason))
                     WHERE e.subject_id = old.subject_id AND e.entry_id = old.entry_id;
                    col := NULL;
                    outcome := 'removed';
                ELSIF old.status_changed_on IS DISTINCT FROM ron THEN
                    col := 'removed_on';
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('list entry %s of subject %s was already %s on %s',
                                                                  btrim(s.case_no), who, old.status, old.status_changed_on),
                          ERRCODE = '23514';
                END IF;
            END IF;
            entry_id := old.entry_id;
            IF validate_only THEN
                RAISE EXCEPTION 'validated' USING ERRCODE = 'CG809';
            END IF;
            DELETE FROM credit_gz.intake_reject j
             WHERE j.department_code = dep AND j.format = 'list' AND j.batch = s.batch AND j.line_no = s.line_no;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, ecol = COLUMN_NAME;
            IF st = 'CG809' THEN
                entry_id := NULL;   -- rolled back: the receipt says what a load would do
            ELSE
                outcome := 'rejected'; entry_id := NULL; error_state := st;
                column_name := coalesce(nullif(ecol, ''), col);
                IF column_name NOT IN (SELECT a.attname FROM pg_catalog.pg_attribute a
                                        WHERE a.attrelid = 'credit_gz.list_intake'::regclass AND a.attnum > 0) THEN
                    column_name := col;   -- a constraint's column of another table: the line's column instead
                END IF;
                message := credit_gz.msg('line %s (案号 "%s", subject %s): %s',
                                             s.line_no, coalesce(btrim(s.case_no), ''), who, msg);
                rejected := rejected + 1;
                IF NOT validate_only THEN
                    INSERT INTO credit_gz.intake_reject AS j (batch, line_no, department_code, format, document_no,
                                                              column_name, sqlstate, message)
                    VALUES (s.batch, s.line_no, dep, 'list', s.case_no, column_name, st, message)
                    ON CONFLICT ON CONSTRAINT intake_reject_pkey DO UPDATE
                       SET document_no = excluded.document_no,
                           column_name = excluded.column_name, sqlstate = excluded.sqlstate,
                           message = excluded.message, rejected_at = excluded.rejected_at;
                END IF;
            END IF;
        END;
        done := done + 1;
        PERFORM credit_gz.load_progress_step(done, rejected);
        RETURN NEXT;
    END LOOP;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_lists(text, text, boolean) IS
    '名单归集回执 / load a staged list batch (credit_gz.list_intake) of a department: per line its outcome (listed, '
    'updated, unchanged, removed, rejected), list entry id, and for a rejected line the column, SQLSTATE and message '
    '(also in credit_gz.intake_reject). Re-sends change nothing; a removal lifts the entry and what propagated from '
    'it. validate_only: the same receipt, nothing loaded. Progress in credit_gz.load_progress while it runs.';
REVOKE ALL ON FUNCTION credit_gz.intake_lists(text, text, boolean) FROM PUBLIC;

INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'list_intake', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'list_intake_file', 'INSERT', true),
    ('department', 'intake_lists(text, text, boolean)', 'EXECUTE', true),
    ('department', 'load_progress_start(text, text, text, bigint)', 'EXECUTE', true),
    ('department', 'load_progress_step(bigint, bigint)', 'EXECUTE', true),
    ('department', 'load_progress_rows()', 'EXECUTE', true),
    ('department', 'load_progress', 'SELECT', true);

-- ---------------------------------------------------------------------------------------------------------------------
-- 重错码率 over what was sent (十五): every code a department sent in a penalty or list file, rejected lines included,
-- with the identity numbers of natural persons and the required fields of the format, per department and period
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.intake_required_field (
    kind            text    NOT NULL CHECK (kind IN ('penalty', 'licence', 'list')),
    field           text    NOT NULL CHECK (field ~ '^[a-z][a-z0-9_]*$'),
    name_zh         text    NOT NULL,
    effective_from  date    NOT NULL,
    effective_until date,
    source          text    NOT NULL CHECK (btrim(source) <> ''),
    shipped         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (kind, field, effective_from),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.intake_required_field IS
    '归集必填项 / the fields of a staged penalty line (credit_gz.penalty_intake), licence line '
    '(credit_gz.licence_intake) or list line (credit_gz.list_intake) that must not be empty, in force on the date the '
    'line is about (decision or listing date); for penalties and licences also the required 双公示 fields '
    '(credit_gz.double_publicity_field). Read by credit_gz.sent_code.';
COMMENT ON COLUMN credit_gz.intake_required_field.kind IS '文件类别 / penalty (行政处罚), licence (行政许可) or list (名单)';
COMMENT ON COLUMN credit_gz.intake_required_field.field IS '字段 / column of the staging table';
COMMENT ON COLUMN credit_gz.intake_required_field.name_zh IS '数据项名称 / field name in the format';
COMMENT ON COLUMN credit_gz.intake_required_field.effective_from IS '起始日期 / first line date the rule governs';
COMMENT ON COLUMN credit_gz.intake_required_field.effective_until IS '失效日期 / first day no longer in force, as a line''s date (NULL: open)';
COMMENT ON COLUMN credit_gz.intake_required_field.source IS '依据 / source';
COMMENT ON COLUMN credit_gz.intake_required_field.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.intake_required_field (kind, field, name_zh, effective_from, source, shipped) VALUES
    ('penalty', 'subject_name', '行政相对人名称', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'subject_category', '行政相对人类别', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'document_no', '行政处罚决定书文号', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'penalty_category', '处罚类别', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'decision_date', '处罚决定日期', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'deciding_body', '处罚机关', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('licence', 'subject_name', '行政相对人名称', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('licence', 'subject_category', '行政相对人类别', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('licence', 'document_no', '行政许可决定文书号', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('licence', 'decision_date', '许可决定日期', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('licence', 'deciding_body', '许可机关', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('list', 'list_name', '名单名称', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true),
    ('list', 'subject_name', '名称或姓名', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true),
    ('list', 'case_no', '案号、决定书文号', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true),
    ('list', 'deciding_body', '执行法院、作出决定机关', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true),
    ('list', 'listed_on', '列入日期', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_required_field', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.intake_required_field TO PUBLIC;

-- The list intake finds the entry a department made on a case number for a list (one determination, one entry) once
-- per line: without an index each line would read every entry.
CREATE INDEX list_entry_basis_idx ON credit_gz.list_entry (basis_document, list_type_code, department_code)
    WHERE derived_from_entry_id IS NULL;
COMMENT ON INDEX credit_gz.list_entry_basis_idx IS
    '按认定文书查找 / the entries a department determined, by case or decision number and list: the list intake''s '
    'lookup of the entry a line sends again, updates or removes.';

-- sent_code: every staged line of the three intakes (penalties, licences, lists) with the code it sent and what is wrong with it. Invoker's rights
-- (security_invoker): a department sees its own lines only, as in the staging tables.
CREATE VIEW credit_gz.sent_code WITH (security_barrier = true, security_invoker = true) AS
WITH staged AS (
    SELECT 'penalty'::text AS kind, p.department_code, p.batch, p.line_no, p.decision_date AS day_text, p.subject_name,
           p.uscc, p.id_type, p.id_no, p.business_reg_no, p.organisation_code, pg_catalog.to_jsonb(p) AS fields
      FROM credit_gz.penalty_intake p
    UNION ALL
    SELECT 'licence', c.department_code, c.batch, c.line_no, c.decision_date, c.subject_name,
           c.uscc, c.id_type, c.id_no, c.business_reg_no, c.organisation_code, pg_catalog.to_jsonb(c)
      FROM credit_gz.licence_intake c
    UNION ALL
    SELECT 'list', l.department_code, l.batch, l.line_no, l.listed_on, l.subject_name,
           l.uscc, l.id_type, l.id_no, NULL, NULL, pg_catalog.to_jsonb(l)
      FROM credit_gz.list_intake l
), line AS (
    SELECT s.kind, s.department_code, s.batch, s.line_no, credit_gz.intake_date(s.day_text) AS line_day,
           btrim(s.subject_name) AS subject_name, nullif(btrim(s.uscc), '') AS uscc,
           nullif(btrim(s.id_type), '') AS id_type, nullif(btrim(s.id_no), '') AS id_no,
           num_nonnulls(nullif(btrim(s.uscc), ''), nullif(btrim(s.id_no), ''), nullif(btrim(s.business_reg_no), ''),
                        nullif(btrim(s.organisation_code), '')) > 0 AS has_code,
           s.fields
      FROM staged s
)
SELECT x.kind, x.department_code, x.batch, x.line_no, x.line_day, x.subject_name, x.uscc,
       credit_gz.uscc_explain(x.uscc) AS uscc_error,
       x.id_no,
       CASE WHEN x.id_no IS NOT NULL AND (x.id_type IS NULL OR EXISTS (
                 SELECT FROM credit_gz.identity_document_type t
                  WHERE t.validation = 'gb11643' AND x.id_type IN (t.code, t.name_zh)))
            THEN credit_gz.resident_id_explain(x.id_no) END AS id_error,
       ARRAY(
           SELECT 'uscc'::text WHERE NOT x.has_code
           UNION
           SELECT f.field FROM credit_gz.intake_required_field f
            WHERE f.kind = x.kind AND coalesce(btrim(x.fields ->> f.field), '') = ''
              AND credit_gz.in_force(f.effective_from, f.effective_until, coalesce(x.line_day, credit_gz.policy_date()))
           UNION
           SELECT d.field FROM credit_gz.double_publicity_field d
            WHERE d.kind = x.kind AND d.required AND coalesce(btrim(x.fields ->> d.field), '') = ''
           ORDER BY 1) AS missing,
       j.sqlstate AS reject_sqlstate, j.column_name AS reject_column
  FROM line x
  LEFT JOIN credit_gz.intake_reject j
         ON j.department_code = x.department_code AND j.format = x.kind AND j.batch = x.batch AND j.line_no = x.line_no;
COMMENT ON VIEW credit_gz.sent_code IS
    '归集代码 / every line a department sent (staged penalty, licence and list lines, rejected ones included) with its unified '
    'code and why it is wrong (uscc_explain), the identity number of a natural person and why it is wrong '
    '(resident_id_explain, 居民身份证 only), the required fields it lacks (intake_required_field, and for penalties '
    'and licences the required 双公示 fields; uscc: no code at all) and the last intake''s reject. A department sees '
    'its own lines.';
COMMENT ON COLUMN credit_gz.sent_code.kind IS '文件类别 / penalty, licence or list';
COMMENT ON COLUMN credit_gz.sent_code.department_code IS '归集部门 / department that sent the line';
COMMENT ON COLUMN credit_gz.sent_code.batch IS '批次 / batch';
COMMENT ON COLUMN credit_gz.sent_code.line_no IS '行号 / line of the file';
COMMENT ON COLUMN credit_gz.sent_code.line_day IS '业务日期 / decision date (penalty, licence) or listing date (list); NULL when unreadable';
COMMENT ON COLUMN credit_gz.sent_code.subject_name IS '名称 / subject name as sent';
COMMENT ON COLUMN credit_gz.sent_code.uscc IS '统一社会信用代码 / unified code as sent';
COMMENT ON COLUMN credit_gz.sent_code.uscc_error IS '代码错误 / why the code is wrong (NULL: valid or none)';
COMMENT ON COLUMN credit_gz.sent_code.id_no IS '身份证号码 / identity number as sent';
COMMENT ON COLUMN credit_gz.sent_code.id_error IS '号码错误 / why the 居民身份证 number is wrong (NULL: valid, none or another document)';
COMMENT ON COLUMN credit_gz.sent_code.missing IS '缺失必填项 / required fields left empty';
COMMENT ON COLUMN credit_gz.sent_code.reject_sqlstate IS '退回代码 / SQLSTATE of the line''s reject (NULL: not rejected)';
COMMENT ON COLUMN credit_gz.sent_code.reject_column IS '退回字段 / column of the line''s reject';
REVOKE ALL ON credit_gz.sent_code FROM PUBLIC;

-- sent_code_quality: the figures per department and period (month, quarter or year of the line's date).
CREATE OR REPLACE FUNCTION credit_gz.sent_code_quality(from_date date DEFAULT NULL, to_date date DEFAULT NULL,
                                            granularity text DEFAULT 'month')
RETURNS TABLE (department_code text, period_start date, lines bigint, rejected_lines bigint, codes bigint,
               erroneous bigint, erroneous_ids bigint, duplicate bigint, missing_fields bigint, error_rate numeric,
               target_rate numeric, meets_target boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF granularity IS NULL OR granularity NOT IN ('month', 'quarter', 'year') THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('quality period "%s" is not supported', granularity),
            ERRCODE = '22023', HINT = credit_gz.msg('Use month, quarter or year.');
    END IF;
    RETURN QUERY
    WITH s AS (
        SELECT c.*, pg_catalog.date_trunc(granularity, c.line_day::timestamp)::date AS p
          FROM credit_gz.sent_code c
         WHERE (from_date IS NULL OR c.line_day >= from_date) AND (to_date IS NULL OR c.line_day <= to_date)
    ), codes AS (
        SELECT s.department_code, s.p, 'uscc'::text AS which, s.uscc AS code, s.uscc_error AS err FROM s WHERE s.uscc IS NOT NULL
        UNION ALL
        SELECT s.department_code, s.p, 'id', s.id_no, s.id_error FROM s WHERE s.id_no IS NOT NULL
    ), dup AS (
        -- 重码: one valid unified code sent under several names
        SELECT c.department_code, c.p, pg_catalog.count(*) AS n
          FROM (SELECT s.department_code, s.p, credit_gz.uscc(s.uscc)::text AS canon
                  FROM s WHERE s.uscc IS NOT NULL AND s.uscc_error IS NULL
                 GROUP BY 1, 2, 3 HAVING pg_catalog.count(DISTINCT s.subject_name) > 1) c
         GROUP BY 1, 2
    ), agg AS (
        SELECT s.department_code, s.p, pg_catalog.count(*) AS lines,
               pg_catalog.count(*) FILTER (WHERE s.reject_sqlstate IS NOT NULL) AS rejected,
               pg_catalog.count(*) FILTER (WHERE pg_catalog.cardinality(s.missing) > 0) AS missing
          FROM s GROUP BY 1, 2
    ), cagg AS (
        SELECT c.department_code, c.p, pg_catalog.count(DISTINCT (c.which, c.code)) AS codes,
               pg_catalog.count(DISTINCT c.code) FILTER (WHERE c.err IS NOT NULL AND c.which = 'uscc') AS bad_uscc,
               pg_catalog.count(DISTINCT c.code) FILTER (WHERE c.err IS NOT NULL AND c.which = 'id') AS bad_id
          FROM codes c GROUP BY 1, 2
    )
    SELECT a.department_code, a.p, a.lines, a.rejected, coalesce(c.codes, 0), coalesce(c.bad_uscc, 0),
           coalesce(c.bad_id, 0), coalesce(d.n, 0), a.missing,
           CASE WHEN c.codes > 0 THEN pg_catalog.round((c.bad_uscc + c.bad_id + coalesce(d.n, 0))::numeric / c.codes, 8) END,
           credit_gz.policy_target_value('code_error_rate'),
           CASE WHEN c.codes > 0 THEN (c.bad_uscc + c.bad_id + coalesce(d.n, 0))::numeric / c.codes
                                      <= credit_gz.policy_target_value('code_error_rate') END
      FROM agg a
      LEFT JOIN cagg c ON c.department_code = a.department_code AND c.p IS NOT DISTINCT FROM a.p
      LEFT JOIN dup d ON d.department_code = a.department_code AND d.p IS NOT DISTINCT FROM a.p
     ORDER BY a.department_code, a.p NULLS LAST;
END
$$;
COMMENT ON FUNCTION credit_gz.sent_code_quality(date, date, text) IS
    '归集重错码率 / per department and month (quarter, year) of the lines'' decision or listing date (NULL: unreadable): '
    'lines sent, lines rejected, distinct codes sent (unified codes and identity numbers), erroneous unified codes, '
    'erroneous identity numbers, duplicate codes (one valid code under several names), lines lacking a required '
    'field, the rate (erroneous + erroneous_ids + duplicate) / codes and the 0.005% target (policy_target '
    'code_error_rate, 十五). Over every line sent, rejected ones included (credit_gz.sent_code).';
REVOKE ALL ON FUNCTION credit_gz.sent_code_quality(date, date, text) FROM PUBLIC;

INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'sent_code', 'SELECT', true),
    ('department', 'double_publicity_field', 'SELECT', true),
    ('department', 'sent_code_quality(date, date, text)', 'EXECUTE', true);

-- 上报全国平台 / the report upward: the city platform reports what departments published (双公示 行政处罚 and 行政许可)
-- to the national platform (全国信用信息共享平台, 信用中国) in the national formats. Each format is an export function
-- over the archive that returns only what may be shared — records the public may read on the export day
-- (credit_gz.platform_shares: the disclosure rules of src/disclosure.sql) — and records every run in
-- credit_gz.export_run (format, period, day, rows, batch, who), so the platform can say what it reported. The
-- penalty export has the row type of the penalty intake's staging table, so its output re-imports as a file.
-- User documentation: doc/intake.md ("The report upward").

CREATE TABLE credit_gz.export_run (
    run_id      bigint      GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    format      text        NOT NULL CHECK (format IN ('penalty', 'licence')),
    decided_from  date,
    decided_until date,
    as_of       date        NOT NULL,
    batch       text        NOT NULL UNIQUE,
    row_count   bigint      NOT NULL DEFAULT 0 CHECK (row_count >= 0),
    subjects    bigint      NOT NULL DEFAULT 0 CHECK (subjects >= 0),
    exported_by name        NOT NULL DEFAULT CURRENT_USER,
    exported_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CHECK (decided_from IS NULL OR decided_until IS NULL OR decided_from < decided_until)
);
COMMENT ON TABLE credit_gz.export_run IS
    '上报记录 / every run of a national-format export (export_penalties, export_licences): what was exported, for which '
    'decision dates, on which day''s disclosure, how many rows and subjects, under which batch name, by whom and '
    'when. Holds no subject''s information.';
COMMENT ON COLUMN credit_gz.export_run.run_id IS '上报编号 / run id';
COMMENT ON COLUMN credit_gz.export_run.format IS '数据格式 / penalty (行政处罚) or licence (行政许可)';
COMMENT ON COLUMN credit_gz.export_run.decided_from IS '起始决定日期 / first decision date exported (NULL: unbounded)';
COMMENT ON COLUMN credit_gz.export_run.decided_until IS '截止决定日期 / first decision date no longer exported: the day after the export''s to_date (NULL: unbounded)';
COMMENT ON COLUMN credit_gz.export_run.as_of IS '披露日期 / the day whose disclosure decided what was shared';
COMMENT ON COLUMN credit_gz.export_run.batch IS '批次 / batch name the rows carry (export-<format>-<run_id>)';
COMMENT ON COLUMN credit_gz.export_run.row_count IS '上报条数 / rows exported';
COMMENT ON COLUMN credit_gz.export_run.subjects IS '涉及主体数 / distinct subjects exported (each read is in the query log)';
COMMENT ON COLUMN credit_gz.export_run.exported_by IS '上报角色 / role that ran the export';
COMMENT ON COLUMN credit_gz.export_run.exported_at IS '上报时间 / when it ran';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.export_run', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.export_run_run_id_seq', '');
COMMENT ON SEQUENCE credit_gz.export_run_run_id_seq IS '上报编号 / export run ids';
REVOKE ALL ON credit_gz.export_run FROM PUBLIC;


-- export_subject_block: the subject columns of a national-format line for a record — name, 行政相对人类别 (the
-- intake's mapping read backwards), unified code, the legal representative valid on the decision date, and a natural
-- person's document — identity numbers as the government audience sees them (the national platform is a government
-- body).
CREATE FUNCTION credit_gz.export_subject_block(subject_id bigint, on_day date,
    OUT subject_name text, OUT subject_category text, OUT uscc text, OUT legal_rep_name text,
    OUT legal_rep_id_type text, OUT legal_rep_id_no text, OUT id_type text, OUT id_no text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.name,
           coalesce((SELECT k.name_zh FROM credit_gz.intake_subject_kind k WHERE k.subject_kind = s.kind
                      ORDER BY k.shipped DESC, k.name_zh LIMIT 1),
                    (SELECT k.name_zh FROM credit_gz.intake_subject_kind k WHERE k.subject_kind = 'enterprise'
                      ORDER BY k.shipped DESC, k.name_zh LIMIT 1)),
           s.uscc::text,
           rep.name,
           CASE WHEN rep.resident_id IS NOT NULL THEN t.name_zh
                WHEN rep.identity_document_no IS NOT NULL THEN rt.name_zh END,
           coalesce(credit_gz.identity_code(NULL, rep.resident_id, NULL, NULL, NOT au.sees_identity), rep.identity_document_no),
           CASE WHEN s.resident_id IS NOT NULL THEN t.name_zh
                WHEN s.identity_document_no IS NOT NULL THEN st.name_zh END,
           coalesce(credit_gz.identity_code(NULL, s.resident_id, NULL, NULL, NOT au.sees_identity), s.identity_document_no)
      FROM credit_gz.subject s
      JOIN credit_gz.audience au ON au.code = 'government'
      LEFT JOIN credit_gz.identity_document_type t ON t.validation = 'gb11643'
      LEFT JOIN credit_gz.identity_document_type st ON st.code = s.identity_document_type
      LEFT JOIN LATERAL (
          SELECT p.name, p.resident_id, p.identity_document_type, p.identity_document_no
            FROM credit_gz.relation l JOIN credit_gz.subject p ON p.subject_id = l.related_subject_id
           WHERE l.subject_id = s.subject_id AND l.kind = 'legal_representative'
             AND credit_gz.in_force(l.valid_from, l.valid_until, $2)
           ORDER BY l.valid_from DESC LIMIT 1) rep ON s.uscc IS NOT NULL
      LEFT JOIN credit_gz.identity_document_type rt ON rt.code = rep.identity_document_type
     WHERE s.subject_id = $1
     ORDER BY t.code LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.export_subject_block(bigint, date) IS
    '上报主体信息 / the subject columns of a national-format export line for a subject on a decision date: name, '
    '行政相对人类别 (intake_subject_kind read backwards, an organisation kind without a row as 法人及非法人组织), unified '
    'code, the legal representative valid that day with its document, a natural person''s document; numbers as the '
    'government audience sees them.';
REVOKE ALL ON FUNCTION credit_gz.export_subject_block(bigint, date) FROM PUBLIC;

-- export_begin / export_end: the run's row in export_run, and the query-log entry of every subject it read.
CREATE OR REPLACE FUNCTION credit_gz.export_begin(format text, from_date date, to_date date, as_of date)
RETURNS credit_gz.export_run
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    run credit_gz.export_run;
    id  bigint;
BEGIN
    IF as_of IS NULL THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('an export needs the day whose disclosure it follows'),
              ERRCODE = '22023';
    END IF;
    IF from_date > to_date THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('export period %s to %s is empty', from_date, to_date),
              ERRCODE = '22023';
    END IF;
    id := pg_catalog.nextval('credit_gz.export_run_run_id_seq'::regclass);
    INSERT INTO credit_gz.export_run AS r (run_id, format, decided_from, decided_until, as_of, batch)
    VALUES (id, format, from_date, to_date + 1, as_of, 'export-' || format || '-' || id)
    RETURNING r.* INTO run;
    RETURN run;
END
$$;
COMMENT ON FUNCTION credit_gz.export_begin(text, date, date, date) IS
    '开始上报 / records an export run in credit_gz.export_run and returns it (its batch name goes on every row).';
REVOKE ALL ON FUNCTION credit_gz.export_begin(text, date, date, date) FROM PUBLIC;

CREATE FUNCTION credit_gz.export_end(run_id bigint, row_count bigint, subject_ids bigint[])
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid bigint;
BEGIN
    FOREACH sid IN ARRAY coalesce(subject_ids, '{}') LOOP
        PERFORM credit_gz.log_read(sid, 'other', '上报全国信用信息共享平台 / report to the national platform', 'government');
    END LOOP;
    UPDATE credit_gz.export_run r SET row_count = export_end.row_count,
                                      subjects = coalesce(pg_catalog.cardinality(subject_ids), 0)
     WHERE r.run_id = export_end.run_id;
END
$$;
COMMENT ON FUNCTION credit_gz.export_end(bigint, bigint, bigint[]) IS
    '结束上报 / records how many rows and subjects an export run gave and logs the read of each subject (query log, '
    'audience government).';
REVOKE ALL ON FUNCTION credit_gz.export_end(bigint, bigint, bigint[]) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------------
-- 行政处罚: the rows of the penalty intake's staging table (credit_gz.penalty_intake), so that the file the export
-- writes loads through intake_penalties as it is
-- ---------------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.export_penalties(from_date date DEFAULT NULL, to_date date DEFAULT NULL,
                                           as_of date DEFAULT credit_gz.policy_date())
RETURNS SETOF credit_gz.penalty_intake
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    run credit_gz.export_run := credit_gz.export_begin('penalty', from_date, to_date, as_of);
    n   bigint;
    ids bigint[];
BEGIN
    SELECT pg_catalog.count(*), pg_catalog.array_agg(DISTINCT r.subject_id ORDER BY r.subject_id) INTO n, ids
      FROM credit_gz.record r
      JOIN credit_gz.info_item i ON i.code = r.item_code AND i.double_publicity = 'penalty'
     WHERE (from_date IS NULL OR r.decision_date >= from_date) AND (to_date IS NULL OR r.decision_date <= to_date)
       AND credit_gz.platform_shares(r.subject_id, i.polarity, r.disclosure, r.status, r.publish_from,
                                     r.publish_until, r.publicity_ended_on, r.sharing_ended_on, as_of);
    PERFORM credit_gz.export_end(run.run_id, n, ids);
    -- by column name: a column the staging table gains stays empty instead of shifting the others
    RETURN QUERY
    SELECT (pg_catalog.jsonb_populate_record(NULL::credit_gz.penalty_intake, pg_catalog.jsonb_build_object(
               'batch', run.batch,
               'line_no', pg_catalog.row_number() OVER (ORDER BY r.department_code, r.decision_date, r.document_no),
               'subject_name', b.subject_name, 'subject_category', b.subject_category, 'uscc', b.uscc,
               'legal_rep_name', b.legal_rep_name, 'legal_rep_id_type', b.legal_rep_id_type,
               'legal_rep_id_no', b.legal_rep_id_no, 'id_type', b.id_type, 'id_no', b.id_no,
               'document_no', r.document_no, 'violation_type', r.details ->> 'violation_type',
               'facts', r.details ->> 'facts', 'basis', r.details ->> 'basis',
               'penalty_category', coalesce(r.details ->> 'penalty_type', c.name_zh),
               'content', r.details ->> 'content', 'fine_amount', r.details ->> 'fine_amount',
               'confiscated_amount', r.details ->> 'confiscated_amount',
               'licence_revoked', r.details ->> 'licence_revoked', 'decision_date', r.decision_date,
               'penalty_valid_to', r.details ->> 'penalty_valid_to',
               'publicity_deadline', r.details ->> 'publicity_deadline', 'deciding_body', r.details ->> 'deciding_body',
               'deciding_body_uscc', r.deciding_body_uscc::text, 'source_body', r.details ->> 'source_body',
               'source_body_uscc', r.source_body_uscc::text, 'remarks', r.details ->> 'remarks',
               'department_code', r.department_code))).*
      FROM credit_gz.record r
      JOIN credit_gz.info_item i ON i.code = r.item_code AND i.double_publicity = 'penalty'
      LEFT JOIN credit_gz.penalty_category c ON c.code = r.penalty_category
     CROSS JOIN LATERAL credit_gz.export_subject_block(r.subject_id, r.decision_date) b
     WHERE (from_date IS NULL OR r.decision_date >= from_date) AND (to_date IS NULL OR r.decision_date <= to_date)
       AND credit_gz.platform_shares(r.subject_id, i.polarity, r.disclosure, r.status, r.publish_from,
                                     r.publish_until, r.publicity_ended_on, r.sharing_ended_on, as_of)
     ORDER BY r.department_code, r.decision_date, r.document_no;
END
$$;
COMMENT ON FUNCTION credit_gz.export_penalties(date, date, date) IS
    '行政处罚上报 / the 行政处罚 records decided in the period (NULL: unbounded) that may be shared on as_of (default: '
    'the policy date; credit_gz.platform_shares), in the national format as rows of credit_gz.penalty_intake (batch '
    'export-penalty-<run>, one line each; the file re-imports through intake_penalties). Every run is recorded in '
    'credit_gz.export_run and every subject read logged.';
REVOKE ALL ON FUNCTION credit_gz.export_penalties(date, date, date) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------------
-- 行政许可: the subject block and the licence fields of credit_gz.double_publicity_field
-- ---------------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.export_licences(from_date date DEFAULT NULL, to_date date DEFAULT NULL,
                                          as_of date DEFAULT credit_gz.policy_date())
RETURNS TABLE (batch text, line_no integer, subject_name text, subject_category text, uscc text, legal_rep_name text,
               legal_rep_id_type text, legal_rep_id_no text, id_type text, id_no text, document_name text,
               document_no text, licence_type text, certificate_name text, licence_no text, content text,
               decision_date text, valid_from text, valid_to text, deciding_body text, deciding_body_uscc text,
               licence_status text, source_body text, source_body_uscc text, remarks text, department_code text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    run credit_gz.export_run := credit_gz.export_begin('licence', from_date, to_date, as_of);
    n   bigint;
    ids bigint[];
BEGIN
    SELECT pg_catalog.count(*), pg_catalog.array_agg(DISTINCT r.subject_id ORDER BY r.subject_id) INTO n, ids
      FROM credit_gz.record r
      JOIN credit_gz.info_item i ON i.code = r.item_code AND i.double_publicity = 'licence'
     WHERE (from_date IS NULL OR r.decision_date >= from_date) AND (to_date IS NULL OR r.decision_date <= to_date)
       AND credit_gz.platform_shares(r.subject_id, i.polarity, r.disclosure, r.status, r.publish_from,
                                     r.publish_until, r.publicity_ended_on, r.sharing_ended_on, as_of);
    PERFORM credit_gz.export_end(run.run_id, n, ids);
    RETURN QUERY
    SELECT run.batch, (pg_catalog.row_number() OVER (ORDER BY r.department_code, r.decision_date, r.document_no))::integer,
           b.subject_name, b.subject_category, b.uscc, b.legal_rep_name, b.legal_rep_id_type, b.legal_rep_id_no,
           b.id_type, b.id_no, r.details ->> 'document_name', r.document_no, r.details ->> 'licence_type',
           r.details ->> 'certificate_name', r.details ->> 'licence_no', r.details ->> 'content', r.decision_date::text,
           r.details ->> 'valid_from', r.details ->> 'valid_to', r.details ->> 'deciding_body', r.deciding_body_uscc::text,
           r.details ->> 'licence_status', r.details ->> 'source_body', r.source_body_uscc::text,
           r.details ->> 'remarks', r.department_code
      FROM credit_gz.record r
      JOIN credit_gz.info_item i ON i.code = r.item_code AND i.double_publicity = 'licence'
     CROSS JOIN LATERAL credit_gz.export_subject_block(r.subject_id, r.decision_date) b
     WHERE (from_date IS NULL OR r.decision_date >= from_date) AND (to_date IS NULL OR r.decision_date <= to_date)
       AND credit_gz.platform_shares(r.subject_id, i.polarity, r.disclosure, r.status, r.publish_from,
                                     r.publish_until, r.publicity_ended_on, r.sharing_ended_on, as_of)
     ORDER BY 2;
END
$$;
COMMENT ON FUNCTION credit_gz.export_licences(date, date, date) IS
    '行政许可上报 / the 行政许可 records decided in the period (NULL: unbounded) that may be shared on as_of (default: '
    'the policy date; credit_gz.platform_shares), in the national format: subject block, 行政许可决定文书名称/号, '
    '许可类别, 许可证书名称, 许可编号, 许可内容, 许可决定日期, 有效期自/至, 许可机关 and its code, 当前状态, 数据来源单位 '
    'and its code, 备注 (batch export-licence-<run>). Every run is recorded in credit_gz.export_run and every subject '
    'read logged.';
REVOKE ALL ON FUNCTION credit_gz.export_licences(date, date, date) FROM PUBLIC;

-- 重错码率 over what departments sent: the monitor reads credit_gz.sent_code_quality through monitor_sent_codes
-- monitor_sent_codes: credit_gz.sent_code_quality() (src/list_intake.sql, read when called) over all periods, per
-- department, in the owner's rights: the 重错码率 of what departments sent, as aggregates.
CREATE FUNCTION credit_gz.monitor_sent_codes()
RETURNS TABLE (department_code text, department_name text, codes bigint, faulty bigint)
LANGUAGE plpgsql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY
    SELECT q.department_code, d.name_zh, pg_catalog.sum(q.codes)::bigint,
           pg_catalog.sum(q.erroneous + q.erroneous_ids + q.duplicate)::bigint
      FROM credit_gz.sent_code_quality(NULL, NULL, 'year') q
      JOIN credit_gz.department d ON d.code = q.department_code
     GROUP BY q.department_code, d.name_zh
     ORDER BY q.department_code;
END
$$;
COMMENT ON FUNCTION credit_gz.monitor_sent_codes() IS
    '报送重错码 (aggregates only) for credit_gz.monitor_data_quality: per department, the codes it sent in penalty, '
    'licence and list files (rejected lines included) and how many were erroneous or duplicate (sent_code_quality, summed '
    'over the years of the lines), run with the owner''s rights.';
REVOKE ALL ON FUNCTION credit_gz.monitor_sent_codes() FROM PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('analyst', 'monitor_sent_codes()', 'EXECUTE', true),
    ('department', 'monitor_sent_codes()', 'EXECUTE', true);

CREATE OR REPLACE VIEW credit_gz.monitor_data_quality WITH (security_barrier = true) AS
-- 重错码率 over every code departments sent (staged penalty, licence and list lines, rejected ones included: a code refused at
-- the door is the error the figure is about), city-wide and per department; unified codes and identity numbers.
SELECT 'city'::text AS dimension, '全市'::text AS key, '全市'::text AS label, 'code_error_rate'::text AS metric,
       '统一社会信用代码重错码率 / duplicate or erroneous unified codes'::text AS metric_name,
       pg_catalog.round(q.bad::numeric / NULLIF(q.codes, 0), 8) AS value,
       credit_gz.policy_target_value('code_error_rate') AS target,
       coalesce(q.bad::numeric / NULLIF(q.codes, 0), 0) <= credit_gz.policy_target_value('code_error_rate')
           AS meets_target,
       q.codes AS base, q.bad AS count
  FROM (SELECT coalesce(pg_catalog.sum(m.codes), 0)::bigint AS codes, coalesce(pg_catalog.sum(m.faulty), 0)::bigint AS bad
          FROM credit_gz.monitor_sent_codes() m) q
UNION ALL
SELECT 'department', m.department_code, m.department_name, 'department_code_error_rate',
       '部门报送重错码率 / duplicate or erroneous codes a department sent',
       pg_catalog.round(m.faulty::numeric / NULLIF(m.codes, 0), 8),
       credit_gz.policy_target_value('code_error_rate'),
       coalesce(m.faulty::numeric / NULLIF(m.codes, 0), 0) <= credit_gz.policy_target_value('code_error_rate'),
       m.codes, m.faulty
  FROM credit_gz.monitor_sent_codes() m
UNION ALL
SELECT 'department', d.department_code, d.department_name, 'double_publicity_pass_rate_' || d.kind,
       CASE d.kind WHEN 'licence' THEN '行政许可双公示校验通过率 / 双公示 pass rate, licences'
                   ELSE '行政处罚双公示校验通过率 / 双公示 pass rate, penalties' END,
       d.pass_rate, NULL, NULL, d.records, d.passed
  FROM credit_gz.monitor_double_publicity() d
UNION ALL
SELECT 'city', '全市', '全市', 'double_publicity_pass_rate',
       '双公示校验通过率 / 双公示 pass rate, all departments',
       pg_catalog.round(pg_catalog.sum(d.passed)::numeric / NULLIF(pg_catalog.sum(d.records), 0), 4),
       NULL, NULL, pg_catalog.sum(d.records)::bigint, pg_catalog.sum(d.passed)::bigint
  FROM credit_gz.monitor_double_publicity() d;
COMMENT ON VIEW credit_gz.monitor_data_quality IS
    '归集质量 / data quality (十五): the rate of duplicate or erroneous codes among every code departments sent in '
    'penalty, licence and list files, rejected lines included (city-wide: code_error_rate; per department: '
    'department_code_error_rate; credit_gz.sent_code_quality), against the 0.005% target (policy_target '
    'code_error_rate), and the 双公示 field-check pass rate per department and city-wide. The archive''s own '
    'unverified codes: code_quality(''credit_gz.subject'', ''uscc'', ''name'').';

-- ---------------------------------------------------------------------------------------------------------------
-- Messages in the language of lc_messages: credit_gz.msg (the extension's catalogue for SQL's messages),
-- credit_gz.subject_code (messages name a subject by its code), uscc_explain and resident_id_explain STABLE;
-- the objection's transitions and load_record's publicity-deadline checks raise through them.
-- ---------------------------------------------------------------------------------------------------------------
-- the explanations of a bad code are in the language of lc_messages, so no longer IMMUTABLE
ALTER FUNCTION credit_gz.uscc_explain(text) STABLE;
COMMENT ON FUNCTION credit_gz.uscc_explain(text) IS
    '代码错误说明 / NULL when the text is a valid code, else the position and rule broken (for import error reports), '
    'in the language of lc_messages (hence STABLE).';
ALTER FUNCTION credit_gz.resident_id_explain(text) STABLE;
COMMENT ON FUNCTION credit_gz.resident_id_explain(text) IS
    'NULL when the text is a valid citizen identity number, else the reason (position and rule, and the expected '
    'check character when only it is wrong), for import error reports, in the language of lc_messages (hence '
    'STABLE). Never raises.';

CREATE FUNCTION credit_gz.subject_code(subject_id bigint) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    code text;
BEGIN
    -- a message must not turn into "permission denied": a role that may not read subjects gets the id
    IF pg_catalog.has_table_privilege('credit_gz.subject', 'SELECT') THEN
        SELECT credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type, s.identity_document_no)
          INTO code FROM credit_gz.subject s WHERE s.subject_id = subject_code.subject_id;
    END IF;
    RETURN coalesce(code, '#' || subject_code.subject_id::text);
END
$$;
COMMENT ON FUNCTION credit_gz.subject_code(bigint) IS
    '消息中的主体标识 / how messages name a subject: its unified code or masked identity number (identity_code); '
    '"#<subject id>" when the caller may not read it.';

CREATE OR REPLACE FUNCTION credit_gz.objection_transition() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    now_ts timestamptz := pg_catalog.now();
    day date := credit_gz.policy_date();
    bad text[];
BEGIN
    IF (NEW.subject_id, NEW.record_id, NEW.department_code, NEW.claim, NEW.prior_status, NEW.submitted_at, NEW.accept_due)
       IS DISTINCT FROM
       (OLD.subject_id, OLD.record_id, OLD.department_code, OLD.claim, OLD.prior_status, OLD.submitted_at, OLD.accept_due) THEN
        RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('the record, claim and deadlines of the objection to record %s of subject %s cannot change',
                                          (SELECT r.document_no FROM credit_gz.record r WHERE r.subject_id = OLD.subject_id AND r.record_id = OLD.record_id), credit_gz.subject_code(OLD.subject_id)),
                  HINT = credit_gz.msg('File a new objection instead.');
    END IF;
    IF NEW.status = OLD.status THEN
        IF (NEW.accepted_at, NEW.platform_due, NEW.referred_at, NEW.provider_due, NEW.resolved_at, NEW.outcome,
            NEW.corrections, NEW.outcome_reason, NEW.decided_by)
           IS DISTINCT FROM
           (OLD.accepted_at, OLD.platform_due, OLD.referred_at, OLD.provider_due, OLD.resolved_at, OLD.outcome,
            OLD.corrections, OLD.outcome_reason, OLD.decided_by) THEN
            RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('steps of the objection to record %s of subject %s are recorded by changing its status',
                                              (SELECT r.document_no FROM credit_gz.record r WHERE r.subject_id = OLD.subject_id AND r.record_id = OLD.record_id), credit_gz.subject_code(OLD.subject_id)),
                      HINT = credit_gz.msg('Use objection_accept, objection_refuse, objection_refer or objection_resolve.');
        END IF;
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'submitted' AND NEW.status IN ('accepted', 'refused'))
            OR (OLD.status = 'accepted' AND NEW.status IN ('provider_check', 'resolved'))
            OR (OLD.status = 'provider_check' AND NEW.status = 'resolved')) THEN
        RAISE EXCEPTION USING ERRCODE = 'CG622', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('the objection to record %s of subject %s cannot go from %s to %s',
                                          (SELECT r.document_no FROM credit_gz.record r WHERE r.subject_id = OLD.subject_id AND r.record_id = OLD.record_id), credit_gz.subject_code(OLD.subject_id), OLD.status, NEW.status),
                  DETAIL = credit_gz.msg('An objection is submitted, then accepted or refused; an accepted one is resolved by the platform or referred to the provider, who resolves it.'),
                  HINT = credit_gz.msg('File a new objection to start again.');
    END IF;
    NEW.decided_by := current_user;
    NEW.accepted_at := OLD.accepted_at; NEW.platform_due := OLD.platform_due;
    NEW.referred_at := OLD.referred_at; NEW.provider_due := OLD.provider_due;
    CASE NEW.status
    WHEN 'accepted' THEN
        NEW.accepted_at := now_ts;
        NEW.platform_due := credit_gz.deadline('objection', 'platform_check', 'standard', day);
        NEW.outcome := NULL; NEW.corrections := NULL; NEW.resolved_at := NULL;
    WHEN 'provider_check' THEN
        NEW.referred_at := now_ts;
        NEW.provider_due := credit_gz.deadline('objection', 'provider_check', 'standard', day);
        NEW.outcome := NULL; NEW.corrections := NULL; NEW.resolved_at := NULL;
    ELSE  -- refused, resolved
        NEW.resolved_at := now_ts;
        IF NULLIF(pg_catalog.btrim(NEW.outcome_reason), '') IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = CASE NEW.status WHEN 'refused' THEN credit_gz.msg('a refused objection needs a reason')
                                                ELSE credit_gz.msg('a resolved objection needs a reason') END,
                      HINT = credit_gz.msg('Give the reason in outcome_reason.');
        END IF;
        IF NEW.status = 'refused' THEN
            NEW.outcome := NULL; NEW.corrections := NULL;
        ELSIF NEW.outcome IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('a resolved objection needs an outcome'),
                      HINT = credit_gz.msg('Set outcome to corrected, revoked or upheld.');
        ELSIF NEW.outcome = 'corrected' THEN
            IF NEW.corrections IS NULL OR pg_catalog.jsonb_typeof(NEW.corrections) <> 'object'
               OR NEW.corrections = '{}'::jsonb THEN
                RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                          MESSAGE = credit_gz.msg('a corrected objection needs the corrections'),
                          HINT = credit_gz.msg('Give corrections as a JSON object, e.g. {"severity": "general"}.');
            END IF;
            SELECT array_agg(k) INTO bad FROM pg_catalog.jsonb_object_keys(NEW.corrections) k
            WHERE k NOT IN ('document_no', 'decision_date', 'severity', 'item_code', 'domain_code');
            IF bad IS NOT NULL THEN
                RAISE EXCEPTION USING ERRCODE = '22023',
                          MESSAGE = credit_gz.msg('record columns %s cannot be corrected through an objection', bad),
                          HINT = credit_gz.msg('Correct document_no, decision_date, severity, item_code or domain_code.');
            END IF;
        ELSE
            NEW.corrections := NULL;
        END IF;
    END CASE;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.objection_transition() IS
    'Trigger: enforces submitted → accepted/refused, accepted → provider_check/resolved, provider_check → resolved '
    '(CG622 otherwise), stamps times and the platform / provider deadlines, validates outcome and corrections.';

CREATE OR REPLACE FUNCTION credit_gz.load_record(
    department_code text, document_no text, subject_id bigint, item_code text, decision_date date,
    domain_code text DEFAULT NULL, severity text DEFAULT NULL, disclosure text DEFAULT 'public',
    title text DEFAULT NULL, details jsonb DEFAULT NULL, occupation_id bigint DEFAULT NULL,
    publicity_deadline date DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    doc credit_gz.record_document;
    id  bigint;
    con text;
    rec record;
    until date;
BEGIN
    LOOP
        SELECT d.* INTO doc FROM credit_gz.record_document d WHERE d.department_code = $1 AND d.document_no = $2;
        IF FOUND THEN
            UPDATE credit_gz.record r
               SET subject_id = $3, item_code = $4, decision_date = $5, domain_code = $6, severity = $7,
                   disclosure = coalesce($8, 'public'), title = $9, details = $10, occupation_id = $11
             WHERE r.subject_id = doc.subject_id AND r.record_id = doc.record_id
            RETURNING r.record_id INTO id;
            EXIT WHEN FOUND;
        ELSE
            BEGIN
                INSERT INTO credit_gz.record AS r (department_code, document_no, subject_id, item_code, decision_date,
                                                   domain_code, severity, disclosure, title, details, occupation_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, 'public'), $9, $10, $11)
                RETURNING r.record_id INTO id;
                EXIT;
            EXCEPTION WHEN unique_violation THEN
                -- a concurrent load of the same document committed first: update it on the next round
                GET STACKED DIAGNOSTICS con = CONSTRAINT_NAME;
                IF con IS DISTINCT FROM 'record_document_key' THEN
                    RAISE;
                END IF;
            END;
        END IF;
    END LOOP;
    IF $12 IS NULL THEN
        RETURN id;
    END IF;

    until := credit_gz.exclusive_end($12);
    SELECT r.status, r.publish_until,
           coalesce(s.uscc::text, credit_gz.resident_id_mask(s.resident_id), r.subject_id::text) AS code,
           credit_gz.add_months(r.decision_date, p.max_months) AS rule_until
      INTO rec
      FROM credit_gz.record r
      LEFT JOIN credit_gz.subject s ON s.subject_id = r.subject_id
      LEFT JOIN credit_gz.publicity_rule p ON p.publicity_rule_id = r.publicity_rule_id
     WHERE r.subject_id = $3 AND r.record_id = id;
    IF rec.rule_until IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
                  MESSAGE = credit_gz.msg('record "%s" of subject %s has no publicity period, so it takes no 公示截止期', $2, rec.code),
                  DETAIL = credit_gz.msg('Only negative records with a publicity rule in force on their decision date are published for a period.'),
                  HINT = credit_gz.msg('Leave publicity_deadline NULL for this record.');
    END IF;
    IF until > rec.rule_until THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'record_publicity_rule',
                  MESSAGE = credit_gz.msg('record "%s" of subject %s: 公示截止期 %s is after the last day the publicity rule allows, %s',
                                          $2, rec.code, pg_catalog.to_char($12, 'YYYY-MM-DD'),
                                          pg_catalog.to_char(credit_gz.inclusive_end(rec.rule_until), 'YYYY-MM-DD')),
                  DETAIL = credit_gz.msg('公示截止期 is the last day published; the maximum publicity period of the rule in force on the decision date ends the day before publish_until.'),
                  HINT = credit_gz.msg('Send the 公示截止期 the department decided, on or before the rule''s last day.');
    END IF;
    IF rec.status = 'in_publicity' AND rec.publish_until IS DISTINCT FROM until THEN
        UPDATE credit_gz.record r SET publish_until = until WHERE r.subject_id = $3 AND r.record_id = id;
    END IF;
    RETURN id;
END
$$;
COMMENT ON FUNCTION credit_gz.load_record(text, text, bigint, text, date, text, text, text, text, jsonb, bigint, date) IS
    '归集信用记录 / load one record idempotently: a (department_code, document_no) already in credit_gz.record_document '
    'updates its record, else a new record is inserted; returns record_id. Status is kept on re-send. '
    'publicity_deadline: the 公示截止期 as the national format sends it (the last day published), stored as '
    'publish_until = 公示截止期 + 1; it may shorten the rule''s window while the record is in publicity, never lengthen '
    'it (23514). Bulk: COPY into a staging table, then MERGE through record_document (doc/archive.md).';

-- ---------------------------------------------------------------------------------------------------------------
-- Repair messages name the record by its document number (the list entry by its case number) and the subject by its
-- code, in the language of lc_messages (credit_gz.repair_target).
-- ---------------------------------------------------------------------------------------------------------------
-- repair_target: how a message names what a repair application is about — the record by its document number, the
-- list entry by its case number, with the subject's code.
CREATE FUNCTION credit_gz.repair_target(subject_id bigint, record_id bigint, entry_id bigint) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN $2 IS NOT NULL
                THEN credit_gz.msg('credit record %s of subject %s',
                                   (SELECT r.document_no FROM credit_gz.record r WHERE r.subject_id = $1 AND r.record_id = $2),
                                   credit_gz.subject_code($1))
                ELSE credit_gz.msg('list entry %s of subject %s',
                                   (SELECT e.basis_document FROM credit_gz.list_entry e WHERE e.subject_id = $1 AND e.entry_id = $3),
                                   credit_gz.subject_code($1)) END
$$;
COMMENT ON FUNCTION credit_gz.repair_target(bigint, bigint, bigint) IS
    '修复对象的消息用语 / how messages name the target of a repair application: the record by its document number or '
    'the list entry by its case number, and the subject by its code.';

CREATE OR REPLACE FUNCTION credit_gz.repair_raise_ineligible(what text, reasons text[], eligible_from date) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'CG611',
              MESSAGE = CASE WHEN eligible_from IS NOT NULL
                             THEN credit_gz.msg('%s is not eligible for credit repair before %s', what,
                                                pg_catalog.to_char(eligible_from, 'YYYY-MM-DD'))
                             ELSE credit_gz.msg('%s is not eligible for credit repair', what) END,
              DETAIL = credit_gz.msg('Reasons: %s.', array_to_string(reasons, '; ')),
              HINT = CASE WHEN eligible_from IS NOT NULL
                          THEN credit_gz.msg('Apply again on or after %s.', pg_catalog.to_char(eligible_from, 'YYYY-MM-DD'))
                          ELSE credit_gz.msg('Remove the reasons listed (perform the obligations, file a repair commitment) and apply again.') END;
END $$;
COMMENT ON FUNCTION credit_gz.repair_raise_ineligible(text, text[], date) IS
    'Raises CG611 (not eligible for repair) with every reason and, when only dates stand in the way, the first eligible day.';

-- ---------------------------------------------------------------------------------------------------------------------
-- SAMR Order 107 (《市场监督管理信用修复管理办法》, 2025-12-25): publicity rules gain the deciding department (or its
-- system), the penalty category and the item as precedence keys; market regulation's periods, warnings not published,
-- spot-check results repairable; its 7-working-day repair decision as a deadline rule of the department.
-- ---------------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.department
    ADD COLUMN system_code text CHECK (system_code ~ '^[a-z][a-z0-9_]*$' AND system_code <> code);
COMMENT ON COLUMN credit_gz.department.system_code IS
    '所属系统 / the department whose system this one belongs to (e.g. a district market-regulation bureau: '
    'market_regulation), for the publicity rules a system issues (市场监管部门: 国家市场监督管理总局令第107号); NULL: '
    'its own. A code of credit_gz.department (checked by department_system_check)';

-- department_system_check: system_code names a department, and a department that is another's system cannot go or
-- be renamed. A trigger rather than a self-referencing foreign key, as for credit_gz.domain's parent_code.
CREATE OR REPLACE FUNCTION credit_gz.department_system_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.department'::pg_catalog.regclass THEN
        RAISE EXCEPTION 'credit_gz.department_system_check() fires only on credit_gz.department' USING ERRCODE = '39P01';
    END IF;
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.code <> OLD.code) THEN
        IF EXISTS (SELECT FROM credit_gz.department d WHERE d.system_code = OLD.code) THEN
            RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'department_system_code_fkey',
                MESSAGE = credit_gz.msg('department %s is still the system of other departments', OLD.code),
                DETAIL = credit_gz.msg('Departments name it as system_code.'),
                HINT = credit_gz.msg('Change their system_code first.');
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.system_code IS NOT NULL
       AND NOT EXISTS (SELECT FROM credit_gz.department d WHERE d.code = NEW.system_code) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'department_system_code_fkey',
            MESSAGE = credit_gz.msg('department %s: system %s is not a department', NEW.code, NEW.system_code),
            DETAIL = credit_gz.msg('system_code names the department whose system this one belongs to.'),
            HINT = credit_gz.msg('Give the code of a department of credit_gz.department, or NULL.');
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION credit_gz.department_system_check() IS
    'AFTER ROW constraint trigger on credit_gz.department: system_code names a department; no deleting or renaming a '
    'department that is another''s system (23503).';
CREATE CONSTRAINT TRIGGER department_system_code_fkey AFTER INSERT OR UPDATE OR DELETE ON credit_gz.department
    FOR EACH ROW EXECUTE FUNCTION credit_gz.department_system_check();
COMMENT ON TRIGGER department_system_code_fkey ON credit_gz.department IS
    'system_code names a department; a system cannot be deleted or renamed while departments name it.';
CREATE TRIGGER department_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.department
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.catalogue_changed();
COMMENT ON TRIGGER department_changed ON credit_gz.department IS 'resets the record triggers catalogue cache in every backend (department systems).';

INSERT INTO credit_gz.info_item
    (code, name_zh, name_en, kind, polarity, applies_to, barred_for_natural_person, double_publicity, legal_basis, shipped)
VALUES
    ('spot_check_result', '抽查检查结果信息', 'Result of a spot check (random inspection) found not in conformity', 'negative', 'negative', 'legal_entity', false, NULL,
     '《企业信息公示暂行条例》第十四条; 国家市场监督管理总局令第107号 (抽查检查结果信息可修复)', true);

ALTER TABLE credit_gz.publicity_rule
    DROP CONSTRAINT publicity_rule_max_months_check,
    ADD CONSTRAINT publicity_rule_max_months_check CHECK (max_months >= 0),
    ADD COLUMN department_code  text    REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    ADD COLUMN penalty_category text    REFERENCES credit_gz.penalty_category (code) ON UPDATE CASCADE,
    ADD COLUMN item_code        text    REFERENCES credit_gz.info_item (code) ON UPDATE CASCADE,
    ADD CONSTRAINT publicity_rule_unpublished_check CHECK (max_months > 0 OR NOT repairable);
DROP INDEX credit_gz.publicity_rule_key_idx;
CREATE UNIQUE INDEX publicity_rule_key_idx ON credit_gz.publicity_rule
    (effective_from, severity, domain_code, department_code, penalty_category, item_code) NULLS NOT DISTINCT;
COMMENT ON TABLE credit_gz.publicity_rule IS
    '失信信息公示期规则 / publicity periods of negative information, one row per rule generation, severity and domain '
    '(NULL domain: all domains; NULL severity: negative information that is not graded, e.g. list entries). Periods run '
    'from the decision date: at min_months the subject may apply for repair, at max_months publication stops. '
    'Rules are data: add a generation with its effective date when the law changes; records keep the rule in force '
    'on their decision date. A rule may be limited to the deciding department (or its system), a penalty category and '
    'an item; precedence: department, then its system, then item, category and domain (find_rule in src/archive.c).';
COMMENT ON COLUMN credit_gz.publicity_rule.max_months IS '最长公示期(月) / maximum publicity in months, after which publication stops (0: not published)';
COMMENT ON COLUMN credit_gz.publicity_rule.department_code IS
    '认定部门(系统) / the deciding department, or the system of departments, the rule is for (record.department_code or '
    'its department.system_code); NULL: every department. A rule for the department beats one for its system, which '
    'beats one for every department (国家市场监督管理总局令第107号: records decided by market regulation)';
COMMENT ON COLUMN credit_gz.publicity_rule.penalty_category IS
    '处罚类别 / the penalty category the rule is for (credit_gz.record_penalty_category of the record); NULL: every category';
COMMENT ON COLUMN credit_gz.publicity_rule.item_code IS '信息项 / the catalogue item the rule is for; NULL: every item';
COMMENT ON INDEX credit_gz.publicity_rule_key_idx IS 'one rule per effective date, severity, domain, department, penalty category and item (NULLs equal)';

-- 国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》(2025-12-25): records decided by market regulation
-- (department market_regulation or a department of its system). Warnings (处罚类别 警告) are not published; other minor
-- information stops after 3 months; general 3 months – 1 year, repair from month 3; serious 1–3 years, repair from
-- year 1; spot-check results (抽查检查结果) repairable.
INSERT INTO credit_gz.publicity_rule
    (publicity_rule_id, generation, source, effective_from, effective_until, severity, domain_code, min_months, max_months,
     repairable, publication_optional, shipped, department_code, penalty_category, item_code)
VALUES
    (501, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (轻微: 3个月期满停止公示; '
          'repair once the obligation is met as under 国办发〔2025〕22号, not confirmed by the order''s text)',
          '2025-12-25', NULL, 'minor', NULL, 0, 3, true, false, true, 'market_regulation', NULL, NULL),
    (502, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》', '2025-12-25', NULL, 'general', NULL,
          3, 12, true, false, true, 'market_regulation', NULL, NULL),
    (503, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》', '2025-12-25', NULL, 'serious', NULL,
          12, 36, true, false, true, 'market_regulation', NULL, NULL),
    (504, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (警告不予公示)', '2025-12-25', NULL,
          'minor', NULL, NULL, 0, false, false, true, 'market_regulation', 'warning', NULL),
    (505, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (警告不予公示)', '2025-12-25', NULL,
          'general', NULL, NULL, 0, false, false, true, 'market_regulation', 'warning', NULL),
    (506, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (警告不予公示)', '2025-12-25', NULL,
          'serious', NULL, NULL, 0, false, false, true, 'market_regulation', 'warning', NULL),
    (507, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (抽查检查结果可修复; periods not '
          'confirmed by the order''s text: repair once corrected, at most the 5 years of 《广州市公共信用信息管理规定》)',
          '2025-12-25', NULL, NULL, NULL, 0, 60, true, false, true, 'market_regulation', NULL, 'spot_check_result');

CREATE FUNCTION credit_gz.publicity_rule_id_for(decision_date date, severity text, domain_code text,
                                                department_code text, penalty_category text, item_code text)
RETURNS integer
AS 'MODULE_PATHNAME', 'credit_gz_publicity_rule_id_for'
LANGUAGE C STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION credit_gz.publicity_rule_id_for(date, text, text, text, text, text) IS
    '适用公示规则编号 / the publicity_rule_id of the rule the record trigger applies to a record with this decision date, '
    'severity, domain, deciding department, penalty category (credit_gz.record_penalty_category) and item; NULL when '
    'none applies. The three-argument form asks for a record of no particular department, category or item.';

ALTER TABLE credit_gz.deadline_rule
    ADD COLUMN department_code  text REFERENCES credit_gz.department (code) ON UPDATE CASCADE;
COMMENT ON COLUMN credit_gz.deadline_rule.department_code IS
    '认定部门(系统) / the handling department, or the system of departments (department.system_code), the rule is for; '
    'NULL: every department. A rule for the department beats one for its system, which beats one for every department '
    '(国家市场监督管理总局令第107号: market regulation decides repairs within 7 working days)';
COMMENT ON FUNCTION credit_gz.deadline_rule_check() IS
    'Trigger: shipped deadline rules (1–999) are fixed; at most one local rule in force per procedure, step, channel and '
    'department on any day (23P01).';
ALTER TABLE credit_gz.deadline_rule DISABLE TRIGGER USER;
INSERT INTO credit_gz.deadline_rule
    (deadline_rule_id, procedure, step, channel, working_days, effective_from, source, note, department_code) VALUES
    (11, 'repair', 'decision', 'standard', 7, '2025-12-25', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》',
        'market regulation decides a repair application within 7 working days (15 under the earlier SAMR rules)',
        'market_regulation');
ALTER TABLE credit_gz.deadline_rule ENABLE TRIGGER USER;

CREATE FUNCTION credit_gz.deadline_working_days(procedure text, step text, channel text, on_day date,
                                                department_code text)
RETURNS integer
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
    sys text;
BEGIN
    IF $1 IS NULL OR $2 IS NULL OR $3 IS NULL OR $4 IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT d.system_code INTO sys FROM credit_gz.department d WHERE d.code = $5;
    -- The green channel uses its own rule where one is in force, the standard rule otherwise; then a rule for the
    -- department beats one for its system, which beats one for every department; a local rule (deadline_rule_id >=
    -- 1000) takes precedence over the shipped one of the same channel and department.
    SELECT r.working_days INTO n
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = $1 AND r.step = $2 AND r.channel IN ($3, 'standard')
      AND (r.department_code IS NULL OR r.department_code = $5 OR r.department_code = sys)
      AND credit_gz.in_force(r.effective_from, r.effective_until, $4)
    ORDER BY (r.channel = $3) DESC, (r.department_code = $5) DESC NULLS LAST, (r.department_code = sys) DESC NULLS LAST,
             (r.deadline_rule_id >= 1000) DESC
    LIMIT 1;
    IF n IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'CG601',
            MESSAGE = credit_gz.msg('no deadline rule in force for %s %s on %s', $1, $2, pg_catalog.to_char($4, 'YYYY-MM-DD')),
            DETAIL = credit_gz.msg('Deadlines come from credit_gz.deadline_rule; none covers that day.'),
            HINT = credit_gz.msg('Insert a rule (deadline_rule_id >= 1000) with the deadline and the dates it is in force.');
    END IF;
    RETURN n;
END $$;
COMMENT ON FUNCTION credit_gz.deadline_working_days(text, text, text, date, text) IS
    '时限工作日数 / the working days a step of a procedure allows a department (NULL: no particular one), under the rule '
    'in force on the day (green channel falls back to the standard rule, a rule for the department or its system beats '
    'one for every department, a local rule beats a shipped one); error CG601 when no rule is in force.';

CREATE OR REPLACE FUNCTION credit_gz.deadline_working_days(procedure text, step text, channel text, on_day date)
RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN credit_gz.deadline_working_days(procedure, step, channel, on_day, NULL::text);
COMMENT ON FUNCTION credit_gz.deadline_working_days(text, text, text, date) IS
    '时限工作日数 / the working days a step of a procedure allows under the rule for every department in force on the '
    'day (the five-argument form for a department''s own rule); error CG601 when no rule is in force.';

CREATE FUNCTION credit_gz.deadline(procedure text, step text, channel text, from_day date, department_code text) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
RETURN credit_gz.add_working_days(from_day, credit_gz.deadline_working_days(procedure, step, channel, from_day, department_code));
COMMENT ON FUNCTION credit_gz.deadline(text, text, text, date, text) IS
    '办理期限 / the last day for a step a department handles: from_day plus the working days of the rule in force on '
    'from_day for the department (or its system, or every department).';

-- ---------------------------------------------------------------------------------------------------------------------
-- 终止公示 and 停止共享和使用 (NDRC Order 36 art. 3): end-state days on a record (src/end_state.sql), the disclosure level
-- follows both (record_level, disclosed_record, the departments' read policy), measures tied to a record lifted when
-- the end-state rule says.
-- ---------------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.record
    ADD COLUMN publicity_ended_on date,
    ADD COLUMN sharing_ended_on date,
    ADD CONSTRAINT record_end_states CHECK (sharing_ended_on IS NULL
                                        OR (publicity_ended_on IS NOT NULL AND sharing_ended_on >= publicity_ended_on));
COMMENT ON COLUMN credit_gz.record.publicity_ended_on IS
    '终止公示日 / first day the record is no longer public (repair or end of its publicity period; filled by the '
    'database, credit_gz.end_state_rule); NULL: not ended';
COMMENT ON COLUMN credit_gz.record.sharing_ended_on IS
    '停止共享和使用日 / first day the record is no longer shared with departments, local governments and third-party '
    'credit service agencies (国家发展改革委令第36号 第三条; filled by the database); NULL: sharing does not end';

ALTER TABLE credit_gz.disclosure_rule
    DROP CONSTRAINT disclosure_rule_level_check,
    ADD CONSTRAINT disclosure_rule_level_check CHECK (level IN ('public', 'authorised', 'government', 'archived', 'shared'));
COMMENT ON COLUMN credit_gz.disclosure_rule.level IS
    '披露等级 / disclosure level: public, authorised, government, archived, shared (终止公示 but not yet 停止共享和使用)';
INSERT INTO credit_gz.disclosure_rule (audience, level, effective_from, basis, shipped) VALUES
    ('government',            'shared',     '2026-04-01', '国家发展改革委令第36号 第三条: 终止公示后、停止共享和使用前仍共享', true),
    ('credit_agency',         'shared',     '2026-04-01', '国家发展改革委令第36号 第三条: 终止公示后、停止共享和使用前仍向第三方信用服务机构共享', true),
    ('self',                  'shared',     '2026-04-01', '信用主体可免费查询自身信用信息', true);

-- record_level: the level a record is disclosed at on a date. Revoked records are disclosed to no one (NULL); from
-- its 停止共享和使用 day a record is withdrawn (no audience; the determining department keeps its own); from its 终止公示
-- day it is shared (not public, still shared) when its sharing is to stop, else archived; expired and repaired ones,
-- and any past their publicity window, are archived; a public record whose publication has not begun is shared with
-- government only until it does. No window (positive, neutral and unwindowed negative items): the level as recorded.
CREATE FUNCTION credit_gz.record_level(disclosure text, status text, publish_from date, publish_until date, as_of date,
                                       publicity_ended_on date, sharing_ended_on date)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
             WHEN $2 = 'revoked' THEN NULL
             WHEN $7 <= $5 THEN 'withdrawn'
             WHEN $6 <= $5 AND $7 IS NOT NULL THEN 'shared'
             WHEN $1 = 'archived' OR $2 IN ('expired', 'repaired') OR $4 <= $5 OR $6 <= $5 THEN 'archived'
             WHEN $1 = 'public' AND $3 > $5 THEN 'government'
             ELSE $1
           END
$$;
COMMENT ON FUNCTION credit_gz.record_level(text, text, date, date, date, date, date) IS
    'The disclosure level of a record on a date, from its level, status, publicity window and end states (终止公示, '
    '停止共享和使用): NULL revoked (disclosed to no one), withdrawn from 停止共享和使用 (no audience), shared from 终止公示 '
    'until then, archived otherwise once publicity is over.';
CREATE OR REPLACE FUNCTION credit_gz.record_level(disclosure text, status text, publish_from date, publish_until date, as_of date)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN credit_gz.record_level(disclosure, status, publish_from, publish_until, as_of, NULL::date, NULL::date);
COMMENT ON FUNCTION credit_gz.record_level(text, text, date, date, date) IS
    'The disclosure level of a record on a date, from its level, status and publicity window, for a record without '
    'end states (the seven-argument form); NULL: revoked, disclosed to no one.';


ALTER POLICY record_department_read ON credit_gz.record
    USING (department_code = ANY (credit_gz.my_departments())
           OR (credit_gz.my_departments() <> '{}'
               AND status <> 'revoked' AND disclosure IN ('public', 'government', 'archived')
               AND (sharing_ended_on IS NULL OR sharing_ended_on > credit_gz.policy_date())));
COMMENT ON POLICY record_department_read ON credit_gz.record IS
    '政务共享: a department reads its own records at every level, and other departments'' public, government-shared '
    'and archived records until their 停止共享和使用 day (authorised-query records stay with their department).';

-- =====================================================================================================================
-- 终止公示 and 停止共享和使用 (国家发展改革委令第36号《信用修复管理办法》第三条): two end states of negative information with
-- dates of their own. 终止公示: no credit information system publishes the record any more; 停止共享和使用: the sharing
-- platform no longer shares it with departments, local governments and third-party credit service agencies, and the
-- joint-punishment measures tied to it are lifted. When each follows a repair or the end of the publicity period is
-- data (end_state_rule); the record's disclosure level follows both (credit_gz.record_level).
-- =====================================================================================================================

CREATE TABLE credit_gz.end_state_rule (
    end_state_rule_id  integer PRIMARY KEY,
    event              text    NOT NULL CHECK (event IN ('repaired', 'expired')),
    effective_from     date    NOT NULL,
    effective_until    date,
    stops_sharing      boolean NOT NULL,
    sharing_after_days integer CHECK (sharing_after_days >= 0),
    lifts_measures_at  text    CHECK (lifts_measures_at IN ('publicity_end', 'sharing_end')),
    source             text    NOT NULL CHECK (btrim(source) <> ''),
    note               text,
    shipped            boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK (stops_sharing = (sharing_after_days IS NOT NULL)),
    CHECK (lifts_measures_at IS DISTINCT FROM 'sharing_end' OR stops_sharing),
    UNIQUE (event, effective_from, shipped)
);
COMMENT ON TABLE credit_gz.end_state_rule IS
    '终止公示与停止共享规则 / what follows the end of a record''s publicity, by the event that ends it (repair, end of '
    'the publicity period) and the day it happens [effective_from, effective_until): whether and how many days after '
    '终止公示 sharing stops (停止共享和使用), and when the joint-punishment measures tied to the record are lifted. No '
    'rule in force: publicity ends, the record is archived (shared with authorities only), nothing is lifted. A local '
    'row (shipped = false) in force on the same day takes precedence over the shipped one.';
COMMENT ON COLUMN credit_gz.end_state_rule.end_state_rule_id IS '规则编号 / rule id';
COMMENT ON COLUMN credit_gz.end_state_rule.event IS '事件 / repaired (信用修复完成) or expired (公示期满)';
COMMENT ON COLUMN credit_gz.end_state_rule.effective_from IS '施行日期 / first day of an event the rule governs';
COMMENT ON COLUMN credit_gz.end_state_rule.effective_until IS '失效日期 / first day of an event the rule no longer governs (NULL: open)';
COMMENT ON COLUMN credit_gz.end_state_rule.stops_sharing IS '停止共享和使用 / whether sharing with departments and third parties stops';
COMMENT ON COLUMN credit_gz.end_state_rule.sharing_after_days IS '停止共享滞后天数 / days from 终止公示 to 停止共享和使用 (0: the same day)';
COMMENT ON COLUMN credit_gz.end_state_rule.lifts_measures_at IS
    '解除惩戒时点 / when the joint-punishment measures tied to the record (list entries it led to) are lifted: at '
    'publicity_end (终止公示) or sharing_end (停止共享和使用); NULL: not lifted by the record''s end (the list''s own term)';
COMMENT ON COLUMN credit_gz.end_state_rule.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.end_state_rule.note IS '说明 / remarks';
COMMENT ON COLUMN credit_gz.end_state_rule.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.end_state_rule (end_state_rule_id, event, effective_from, effective_until, stops_sharing,
                                      sharing_after_days, lifts_measures_at, source, note, shipped) VALUES
    (1, 'repaired', '2026-04-01', NULL, true, 0, 'sharing_end', '国家发展改革委令第36号《信用修复管理办法》第三条',
     'a completed repair ends publicity and sharing, and lifts the measures, together (同步); no lag is set by the order', true),
    (2, 'expired', '2024-04-01', NULL, false, NULL, NULL, '《广州市公共信用信息管理规定》(2024年修订) 第十四条',
     'at the end of its publicity period negative information is no longer public and is kept in the archive for '
     'the authorities'' duties', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.end_state_rule', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.end_state_rule TO PUBLIC;

CREATE FUNCTION credit_gz.end_state_rule_for(event text, on_day date) RETURNS credit_gz.end_state_rule
LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT r FROM credit_gz.end_state_rule r
        WHERE r.event = end_state_rule_for.event
          AND credit_gz.in_force(r.effective_from, r.effective_until, end_state_rule_for.on_day)
        ORDER BY r.shipped, r.effective_from DESC, r.end_state_rule_id
        LIMIT 1);
COMMENT ON FUNCTION credit_gz.end_state_rule_for(text, date) IS
    '适用终止规则 / the end-state rule in force on the day of an event (repaired, expired), a local row before a shipped '
    'one; NULL when none.';

-- end_state_days: the one computation of a record's end-state days, for the trigger below and for records that
-- ended before the days were kept (the 1.0 → 1.1 update fills them from the day each record ended).
CREATE FUNCTION credit_gz.end_state_days(status text, publish_until date, ended_on date,
                                         OUT publicity_ended_on date, OUT sharing_ended_on date)
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT d.day, CASE WHEN r.stops_sharing THEN d.day + r.sharing_after_days END
      FROM (SELECT CASE WHEN end_state_days.status = 'expired'
                        THEN LEAST(coalesce(end_state_days.publish_until, end_state_days.ended_on), end_state_days.ended_on)
                        ELSE end_state_days.ended_on END AS day) d
      LEFT JOIN LATERAL credit_gz.end_state_rule_for(end_state_days.status, d.day) r ON true
     WHERE end_state_days.status IN ('repaired', 'expired');
END;
COMMENT ON FUNCTION credit_gz.end_state_days(text, date, date) IS
    '终止公示日与停止共享日 / the end-state days of a record that became repaired or expired on ended_on: 终止公示 on '
    'that day (an expired record: the end of its publicity period, publish_until, if earlier) and 停止共享和使用 as '
    'the end-state rule in force then says (NULL: sharing does not end). NULL for any other status.';

-- Records repaired or expired under 1.0 get the end-state days of the day they ended: a repair's decision (its
-- approved application), else the day the record last changed. Without the record's triggers: the update fills
-- derived columns and changes no decision, so it is neither audited nor rescored.
ALTER TABLE credit_gz.record DISABLE TRIGGER USER;
UPDATE credit_gz.record r
   SET (publicity_ended_on, sharing_ended_on) =
       (SELECT d.publicity_ended_on, d.sharing_ended_on
          FROM credit_gz.end_state_days(r.status, r.publish_until,
                   coalesce((SELECT credit_gz.policy_date(max(a.decided_at)) FROM credit_gz.repair_application a
                              WHERE a.subject_id = r.subject_id AND a.record_id = r.record_id
                                AND a.status = 'approved' AND r.status = 'repaired'),
                            credit_gz.policy_date(r.updated_at))) d)
 WHERE r.status IN ('repaired', 'expired') AND r.publicity_ended_on IS NULL;
ALTER TABLE credit_gz.record ENABLE TRIGGER USER;

-- record_end_state: BEFORE UPDATE OF status (and BEFORE INSERT of an expired record) on credit_gz.record. A record that
-- becomes repaired or expired gets its 终止公示 day (repair: the day of the change; end of the period: its
-- publish_until, whenever the expiry job runs) and, where the rule stops sharing, its 停止共享和使用 day.
CREATE OR REPLACE FUNCTION credit_gz.record_end_state() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    days record;
BEGIN
    IF TG_RELID <> 'credit_gz.record'::regclass OR TG_OP NOT IN ('INSERT', 'UPDATE') OR TG_WHEN <> 'BEFORE'
       OR TG_LEVEL <> 'ROW' THEN
        RAISE EXCEPTION 'credit_gz.record_end_state() fires only BEFORE INSERT OR UPDATE FOR EACH ROW on credit_gz.record'
            USING ERRCODE = '39P01';
    END IF;
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status NOT IN ('repaired', 'expired') OR NEW.publicity_ended_on IS NOT NULL
       OR (TG_OP = 'UPDATE' AND (NEW.status = OLD.status OR OLD.publicity_ended_on IS NOT NULL)) THEN
        RETURN NEW;
    END IF;
    days := credit_gz.end_state_days(NEW.status, NEW.publish_until, credit_gz.policy_date());
    NEW.publicity_ended_on := days.publicity_ended_on;
    NEW.sharing_ended_on := days.sharing_ended_on;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.record_end_state() IS
    'Trigger: a record that becomes repaired or expired gets its 终止公示 day (the repair''s day; the end of its '
    'publicity period) and, where credit_gz.end_state_rule stops sharing, its 停止共享和使用 day. Trigger on '
    'credit_gz.record only.';
CREATE TRIGGER record_end_state BEFORE UPDATE OF status ON credit_gz.record
    FOR EACH ROW WHEN (NEW.status IN ('repaired', 'expired') AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION credit_gz.record_end_state();
COMMENT ON TRIGGER record_end_state ON credit_gz.record IS
    '终止公示、停止共享和使用 / the end-state days of a repaired or expired record';
CREATE TRIGGER record_end_state_insert BEFORE INSERT ON credit_gz.record
    FOR EACH ROW WHEN (NEW.status = 'expired') EXECUTE FUNCTION credit_gz.record_end_state();
COMMENT ON TRIGGER record_end_state_insert ON credit_gz.record IS
    '终止公示 / the end-state days of a record loaded after its publicity period (stored as expired)';

-- record_measures_lift_day: the day the joint-punishment measures tied to a record are lifted under the rule of its
-- end (NULL: not by the record's end).
CREATE FUNCTION credit_gz.record_measures_lift_day(status text, publicity_ended_on date, sharing_ended_on date)
RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT CASE r.lifts_measures_at WHEN 'publicity_end' THEN publicity_ended_on
                                         WHEN 'sharing_end' THEN sharing_ended_on END
          FROM credit_gz.end_state_rule_for(status, publicity_ended_on) r);
COMMENT ON FUNCTION credit_gz.record_measures_lift_day(text, date, date) IS
    '解除惩戒日 / the day the measures tied to a repaired or expired record are lifted, under the end-state rule in '
    'force on its 终止公示 day; NULL when the rule lifts nothing.';

-- lift_record_measures: lift the active list entries a record led to (list_entry.record_id), as of a day. An entry
-- whose list allows no early removal then (its term, list_entry_check) stays until its own term ends.
CREATE OR REPLACE FUNCTION credit_gz.lift_record_measures(subject_id bigint, record_id bigint, on_day date)
RETURNS integer
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e record;
    n integer := 0;
    reason text;
BEGIN
    -- the entries name the record by its document number (read once, whatever the number of entries)
    SELECT pg_catalog.format('停止共享和使用: %s', r.document_no) INTO reason FROM credit_gz.record r
     WHERE r.subject_id OPERATOR(pg_catalog.=) lift_record_measures.subject_id
       AND r.record_id OPERATOR(pg_catalog.=) lift_record_measures.record_id;
    FOR e IN SELECT l.subject_id, l.entry_id FROM credit_gz.list_entry l
              WHERE l.subject_id OPERATOR(pg_catalog.=) lift_record_measures.subject_id
                AND l.record_id OPERATOR(pg_catalog.=) lift_record_measures.record_id
                AND l.status OPERATOR(pg_catalog.=) 'active' AND l.derived_from_entry_id IS NULL
              ORDER BY l.entry_id
              FOR NO KEY UPDATE
    LOOP
        BEGIN
            UPDATE credit_gz.list_entry l
               SET status = 'lifted', status_changed_on = on_day,
                   rectified_on = coalesce(l.rectified_on, on_day),
                   status_reason = reason
             WHERE l.subject_id OPERATOR(pg_catalog.=) e.subject_id AND l.entry_id OPERATOR(pg_catalog.=) e.entry_id;
            n := n OPERATOR(pg_catalog.+) 1;
        EXCEPTION WHEN check_violation THEN
            NULL;  -- the list's own term does not allow removal yet: the entry ends under it
        END;
    END LOOP;
    RETURN n;
END $$;
COMMENT ON FUNCTION credit_gz.lift_record_measures(bigint, bigint, date) IS
    '解除关联惩戒 / lifts, as of a day, the active list entries (joint-punishment measures) the record led to; an entry '
    'whose list allows no early removal on that day stays under its own term. Returns how many were lifted.';
REVOKE ALL ON FUNCTION credit_gz.lift_record_measures(bigint, bigint, date) FROM PUBLIC;

-- record_measures_lift: AFTER UPDATE OF status on credit_gz.record: measures due today are lifted at once; later
-- ones by the job lift_ended_measures(as_of). SECURITY DEFINER: the entries may be another department's.
CREATE FUNCTION credit_gz.record_measures_lift() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    lift date;
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.record'::pg_catalog.regclass OR TG_OP OPERATOR(pg_catalog.<>) 'UPDATE'
       OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER' OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW' THEN
        RAISE EXCEPTION 'credit_gz.record_measures_lift() fires only AFTER UPDATE FOR EACH ROW on credit_gz.record'
            USING ERRCODE = '39P01';
    END IF;
    lift := credit_gz.record_measures_lift_day(NEW.status, NEW.publicity_ended_on, NEW.sharing_ended_on);
    IF lift OPERATOR(pg_catalog.<=) credit_gz.policy_date() THEN
        PERFORM credit_gz.lift_record_measures(NEW.subject_id, NEW.record_id, lift);
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.record_measures_lift() IS
    'Trigger: when a record''s end states are set, lifts the measures tied to it that its end-state rule lifts by '
    'today (credit_gz.lift_record_measures); trigger on credit_gz.record only.';
REVOKE ALL ON FUNCTION credit_gz.record_measures_lift() FROM PUBLIC;
CREATE TRIGGER record_measures_lift AFTER UPDATE OF status ON credit_gz.record
    FOR EACH ROW WHEN (NEW.publicity_ended_on IS NOT NULL AND OLD.publicity_ended_on IS NULL)
    EXECUTE FUNCTION credit_gz.record_measures_lift();
COMMENT ON TRIGGER record_measures_lift ON credit_gz.record IS
    '解除关联惩戒 / lifts the measures tied to a record when its end-state rule says (due today)';

-- The measures a record's end can still lift: active entries it led to, a small part of the lists (lift_ended_measures
-- and lift_record_measures find them through it, whatever the size of the archive).
CREATE INDEX list_entry_record_active_idx ON credit_gz.list_entry (subject_id, record_id)
    WHERE status = 'active' AND record_id IS NOT NULL AND derived_from_entry_id IS NULL;
COMMENT ON INDEX credit_gz.list_entry_record_active_idx IS
    '待解除的关联惩戒 / active entries a credit record led to (measures lifted when the record ends)';

-- lift_ended_measures: the job step for measures lifted after the day the record ended (a rule with a lag), as of a day.
CREATE OR REPLACE FUNCTION credit_gz.lift_ended_measures(as_of date DEFAULT credit_gz.policy_date())
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r record;
    lifted integer := 0;
    busy integer := 0;
BEGIN
    IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = credit_gz.msg('lift_ended_measures needs a finite day'),
              DETAIL = credit_gz.msg('as_of is %s.', coalesce(as_of::text, 'NULL'));
    END IF;
    FOR r IN SELECT rec.subject_id, rec.record_id,
                    credit_gz.record_measures_lift_day(rec.status, rec.publicity_ended_on, rec.sharing_ended_on) AS lift
               FROM (SELECT DISTINCT l.subject_id, l.record_id FROM credit_gz.list_entry l
                      WHERE l.status = 'active' AND l.record_id IS NOT NULL AND l.derived_from_entry_id IS NULL) t
               JOIN credit_gz.record rec ON rec.subject_id = t.subject_id AND rec.record_id = t.record_id
              WHERE rec.publicity_ended_on IS NOT NULL
              ORDER BY rec.subject_id, rec.record_id
    LOOP
        CONTINUE WHEN r.lift IS NULL OR r.lift > as_of;
        BEGIN
            lifted := lifted + credit_gz.lift_record_measures(r.subject_id, r.record_id, r.lift);
        EXCEPTION WHEN lock_not_available THEN
            busy := busy + 1;
        END;
    END LOOP;
    RETURN pg_catalog.jsonb_build_object('as_of', as_of, 'measures_lifted', lifted, 'left_busy', busy);
END $$;
COMMENT ON FUNCTION credit_gz.lift_ended_measures(date) IS
    '到期解除关联惩戒 / job step of run_expiry: lifts the measures tied to ended records whose lift day '
    '(credit_gz.end_state_rule) has come by as_of; subjects in subject_id order, a busy one left for the next run. '
    'Returns {"measures_lifted": …, "left_busy": …}.';
REVOKE ALL ON FUNCTION credit_gz.lift_ended_measures(date) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------------
-- 破产重整信息屏蔽 (国办发〔2025〕22号): negative records of an enterprise under court-approved restructuring shielded from
-- publicity for the period (src/restructuring.sql), visible with the court decision to government and the subject
-- (disclosed_record.shielded_by); run_restructuring_shields(as_of) restores or ends them afterwards.
-- ---------------------------------------------------------------------------------------------------------------------
-- =====================================================================================================================
-- 破产重整信息屏蔽 (国办发〔2025〕22号: temporary shielding during bankruptcy restructuring): the negative information of an
-- enterprise whose restructuring a court approved is shielded from publicity for the restructuring period, on the
-- court decision as basis, and afterwards restored (restructuring terminated, or no outcome recorded) or ended
-- (restructuring plan carried out). Shielded records are disclosed to government and the subject itself only,
-- marked with the court decision (credit_gz.disclosed_record.shielded_by); the job step run_restructuring_shields(as_of)
-- closes shields whose period is over.
-- =====================================================================================================================

CREATE TABLE credit_gz.restructuring_shield (
    shield_id         bigint  GENERATED BY DEFAULT AS IDENTITY,
    subject_id        bigint  NOT NULL REFERENCES credit_gz.subject (subject_id),
    department_code   text    NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    court_decision_no text    NOT NULL CHECK (btrim(court_decision_no) <> ''),
    approved_on       date    NOT NULL,
    shield_from       date    NOT NULL,
    shield_until      date,
    plan_outcome      text    CHECK (plan_outcome IN ('completed', 'terminated')),
    outcome           text    CHECK (outcome IN ('restored', 'ended')),
    closed_on         date,
    created_at        timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (subject_id, shield_id),
    UNIQUE (subject_id, court_decision_no),
    CHECK (shield_from >= approved_on),
    CHECK (shield_until IS NULL OR shield_until > shield_from),
    CHECK ((outcome IS NULL) = (closed_on IS NULL))
);
COMMENT ON TABLE credit_gz.restructuring_shield IS
    '破产重整信息屏蔽 / shielding of an enterprise''s negative information from publicity while a court-approved '
    'restructuring runs (国办发〔2025〕22号), [shield_from, shield_until), on the court decision as basis. Written by the '
    'court (its department, row-level security); the subject''s negative records are then disclosed to government and '
    'the subject itself only (credit_gz.disclosed_record.shielded_by).';
COMMENT ON COLUMN credit_gz.restructuring_shield.shield_id IS '屏蔽编号 / shield id';
COMMENT ON COLUMN credit_gz.restructuring_shield.subject_id IS '重整企业 / the enterprise under restructuring';
COMMENT ON COLUMN credit_gz.restructuring_shield.department_code IS '裁定法院 / the court that approved the restructuring (a judicial department)';
COMMENT ON COLUMN credit_gz.restructuring_shield.court_decision_no IS '法院裁定书文号 / number of the court decision approving the restructuring (the basis)';
COMMENT ON COLUMN credit_gz.restructuring_shield.approved_on IS '裁定日期 / day the court approved the restructuring';
COMMENT ON COLUMN credit_gz.restructuring_shield.shield_from IS '屏蔽起始日 / first day shielded';
COMMENT ON COLUMN credit_gz.restructuring_shield.shield_until IS '屏蔽截止日 / first day no longer shielded: end of the restructuring period (NULL: until the court ends it)';
COMMENT ON COLUMN credit_gz.restructuring_shield.plan_outcome IS
    '重整结果 / completed (重整计划执行完毕: the shielded information ends) or terminated (终止重整: it is restored); NULL: not known';
COMMENT ON COLUMN credit_gz.restructuring_shield.outcome IS '屏蔽结果 / restored (恢复公示) or ended (终止公示), set when the shield is closed';
COMMENT ON COLUMN credit_gz.restructuring_shield.closed_on IS '屏蔽结束日 / the first day no longer shielded, set when the shield is closed';
COMMENT ON COLUMN credit_gz.restructuring_shield.created_at IS '登记时间 / when it was recorded';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.restructuring_shield', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('credit_gz.restructuring_shield', 'shield_id'), '');

-- restructuring_shield_check: an enterprise (an organisation with a unified code), approved by a court, with a
-- period that can be changed only until the shield is closed.
CREATE OR REPLACE FUNCTION credit_gz.restructuring_shield_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    code text;
BEGIN
    IF TG_RELID <> 'credit_gz.restructuring_shield'::regclass THEN
        RAISE EXCEPTION 'credit_gz.restructuring_shield_check() fires only on credit_gz.restructuring_shield'
            USING ERRCODE = '39P01';
    END IF;
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_OP = 'UPDATE' AND OLD.closed_on IS NOT NULL
       AND (NEW.shield_from, NEW.shield_until, NEW.plan_outcome, NEW.subject_id, NEW.court_decision_no)
           IS DISTINCT FROM (OLD.shield_from, OLD.shield_until, OLD.plan_outcome, OLD.subject_id, OLD.court_decision_no) THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('the restructuring shield of court decision %s was closed on %s', OLD.court_decision_no,
                                    pg_catalog.to_char(OLD.closed_on, 'YYYY-MM-DD')),
            HINT = credit_gz.msg('Record a new court decision as a new shield.');
    END IF;
    SELECT s.uscc::text INTO code FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id;
    IF code IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('subject %s is not an enterprise: court decision %s cannot shield it',
                                    credit_gz.subject_code(NEW.subject_id), NEW.court_decision_no),
            DETAIL = credit_gz.msg('Bankruptcy restructuring concerns enterprises, named by their unified code.'),
            HINT = credit_gz.msg('Give the subject_id of the enterprise under restructuring.');
    END IF;
    IF NOT EXISTS (SELECT FROM credit_gz.department d WHERE d.code = NEW.department_code AND d.kind = 'judicial') THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('department %s is not a court: the restructuring of %s cannot be shielded on its decision %s',
                                    NEW.department_code, code, NEW.court_decision_no),
            DETAIL = credit_gz.msg('A court approves a restructuring (破产重整裁定).'),
            HINT = credit_gz.msg('Record the shield under the court''s department (kind judicial).');
    END IF;
    IF NEW.approved_on > credit_gz.policy_date() THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = credit_gz.msg('court decision %s of %s cannot be approved on %s, after today', NEW.court_decision_no,
                                    code, pg_catalog.to_char(NEW.approved_on, 'YYYY-MM-DD')),
            HINT = credit_gz.msg('Give the day of the court decision.');
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.restructuring_shield_check() IS
    'Trigger on credit_gz.restructuring_shield: the subject is an enterprise, the department a court, the decision not '
    'in the future (22023); a closed shield keeps its period and outcome (23514).';
CREATE TRIGGER restructuring_shield_check BEFORE INSERT OR UPDATE ON credit_gz.restructuring_shield
    FOR EACH ROW EXECUTE FUNCTION credit_gz.restructuring_shield_check();
COMMENT ON TRIGGER restructuring_shield_check ON credit_gz.restructuring_shield IS
    '屏蔽校验 / an enterprise, a court, a decision already made; closed shields stay as closed';

ALTER TABLE credit_gz.restructuring_shield ENABLE ROW LEVEL SECURITY;
CREATE POLICY restructuring_shield_department ON credit_gz.restructuring_shield FOR ALL
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY restructuring_shield_department ON credit_gz.restructuring_shield IS
    '谁认定谁负责: the court records, reads and updates its own shields; others see shielding in the disclosed views.';

-- restructuring_shield_in_force: the predicate of a shield in force on a day, the one definition the views and the
-- job use.
CREATE FUNCTION credit_gz.restructuring_shield_in_force(shield_from date, shield_until date, closed_on date, on_day date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN credit_gz.in_force(shield_from, LEAST(shield_until, closed_on), on_day);
COMMENT ON FUNCTION credit_gz.restructuring_shield_in_force(date, date, date, date) IS
    '屏蔽是否有效 / whether a restructuring shield is in force on a day: from shield_from until the first of '
    'shield_until and closed_on.';

-- shield_hides: which records a restructuring shield in force hides from publicity (破产重整信息屏蔽): a negative
-- record at a level the public or institutions read; it is shared with government (and the subject) only. The one
-- rule the disclosed views and the report upward apply.
CREATE FUNCTION credit_gz.shield_hides(polarity text, level text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN polarity = 'negative' AND level IN ('public', 'authorised');
COMMENT ON FUNCTION credit_gz.shield_hides(text, text) IS
    '屏蔽范围 / whether a restructuring shield in force hides a record of this polarity at this disclosure level '
    '(negative, public or authorised): it is then shared with government and the subject only.';

-- run_restructuring_shields: the job step closing shields whose period is over by as_of. A completed plan ends the
-- shielded information (the negative records decided before the shield in publicity become expired, their publicity
-- ended on the shield's last day); otherwise publicity is restored. Subjects in subject_id order.
CREATE OR REPLACE FUNCTION credit_gz.run_restructuring_shields(as_of date DEFAULT credit_gz.policy_date())
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    sh record;
    restored integer := 0;
    ended integer := 0;
    records_ended integer := 0;
    busy integer := 0;
    n integer;
BEGIN
    IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = credit_gz.msg('run_restructuring_shields needs a finite day'),
              DETAIL = credit_gz.msg('as_of is %s.', coalesce(as_of::text, 'NULL'));
    END IF;
    FOR sh IN SELECT s.subject_id, s.shield_id, s.shield_from, s.shield_until, s.plan_outcome
                FROM credit_gz.restructuring_shield s
               WHERE s.closed_on IS NULL AND s.shield_until <= as_of
               ORDER BY s.subject_id, s.shield_id
    LOOP
        BEGIN
            -- a shield another run closed meanwhile is met no more
            PERFORM FROM credit_gz.restructuring_shield s
              WHERE s.subject_id = sh.subject_id AND s.shield_id = sh.shield_id AND s.closed_on IS NULL
                FOR UPDATE;
            CONTINUE WHEN NOT FOUND;
            IF sh.plan_outcome = 'completed' THEN
                UPDATE credit_gz.record r
                   SET status = 'expired', (publicity_ended_on, sharing_ended_on) =
                       (SELECT d.publicity_ended_on, d.sharing_ended_on
                          FROM credit_gz.end_state_days('expired', NULL, sh.shield_until) d)
                 WHERE r.subject_id = sh.subject_id AND r.status = 'in_publicity' AND r.decision_date < sh.shield_from
                   AND EXISTS (SELECT FROM credit_gz.info_item i WHERE i.code = r.item_code AND i.polarity = 'negative');
                GET DIAGNOSTICS n = ROW_COUNT;
                records_ended := records_ended + n;
                ended := ended + 1;
            ELSE
                restored := restored + 1;
            END IF;
            UPDATE credit_gz.restructuring_shield s
               SET outcome = CASE WHEN sh.plan_outcome = 'completed' THEN 'ended' ELSE 'restored' END,
                   closed_on = sh.shield_until
             WHERE s.subject_id = sh.subject_id AND s.shield_id = sh.shield_id;
        EXCEPTION WHEN lock_not_available THEN
            busy := busy + 1;
        END;
    END LOOP;
    RETURN pg_catalog.jsonb_build_object('as_of', as_of, 'shields_restored', restored, 'shields_ended', ended,
                                         'records_ended', records_ended, 'left_busy', busy);
END $$;
COMMENT ON FUNCTION credit_gz.run_restructuring_shields(date) IS
    '重整屏蔽到期处理 / job step of run_expiry: closes the restructuring shields whose period ended by as_of — restored '
    '(publicity resumes) unless the plan was completed, then ended (the negative records decided before the shield '
    'become expired, 终止公示 on the shield''s last day); a busy subject is left for the next run. Returns the counts.';
REVOKE ALL ON FUNCTION credit_gz.run_restructuring_shields(date) FROM PUBLIC;

INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'restructuring_shield', 'SELECT, INSERT, UPDATE', true);

-- (after the restructuring shields, which it reads; the exports above call it when they run)
-- platform_shares: may a record be reported upward on a day? Only what the public may read then (双公示 is
-- publicity), as credit_gz.disclosed_record decides it: its level on the day (credit_gz.record_level, end states
-- included) is one credit_gz.disclosure_rule gives the public, no restructuring shield of the subject hides it
-- (shield_hides), and its status counts. The one test both exports use.
CREATE FUNCTION credit_gz.platform_shares(subject_id bigint, polarity text, disclosure text, status text,
                                          publish_from date, publish_until date, publicity_ended_on date,
                                          sharing_ended_on date, as_of date)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT credit_gz.record_counts(platform_shares.status) AND EXISTS (
        SELECT FROM credit_gz.disclosure_rule d
         WHERE d.audience = 'public'
           AND d.level = credit_gz.record_level(platform_shares.disclosure, platform_shares.status,
                                                platform_shares.publish_from, platform_shares.publish_until,
                                                platform_shares.as_of, platform_shares.publicity_ended_on,
                                                platform_shares.sharing_ended_on)
           AND credit_gz.in_force(d.effective_from, d.effective_until, platform_shares.as_of)
           AND NOT (credit_gz.shield_hides(platform_shares.polarity, d.level) AND EXISTS (
                   SELECT FROM credit_gz.restructuring_shield s
                    WHERE s.subject_id = platform_shares.subject_id
                      AND credit_gz.restructuring_shield_in_force(s.shield_from, s.shield_until, s.closed_on,
                                                                  platform_shares.as_of))))
$$;
COMMENT ON FUNCTION credit_gz.platform_shares(bigint, text, text, text, date, date, date, date, date) IS
    '可上报 / whether a record may be reported to the national platform on a day: the public may read it then, as '
    'credit_gz.disclosed_record decides (record_level with end states, disclosure_rule for the public audience, no '
    'restructuring shield hiding it) and its status counts (record_counts).';

-- disclosed_record, replaced again here: it reads the end-state columns and the restructuring shields added by the
-- two blocks above (the earlier replacement could not)
CREATE OR REPLACE VIEW credit_gz.disclosed_record WITH (security_barrier = true) AS
SELECT a.audience, r.record_id, r.subject_id, r.item_code, i.name_zh AS item_name, i.kind AS item_kind,
       i.polarity, r.domain_code, r.department_code, r.document_no, r.decision_date, r.severity, l.level, r.status,
       r.status = 'under_objection' AS under_objection, r.publish_from, r.repairable_from, r.publish_until,
       sh.decision_no AS shielded_by
  FROM credit_gz.record r
  JOIN credit_gz.info_item i ON i.code = r.item_code
 CROSS JOIN LATERAL (SELECT credit_gz.record_level(r.disclosure, r.status, r.publish_from, r.publish_until,
                                                   credit_gz.policy_date(), r.publicity_ended_on, r.sharing_ended_on) AS level) l0
 -- 破产重整信息屏蔽: a negative record the public or institutions would see is shared with government (and the subject)
 -- only while a restructuring shield of the subject is in force, marked with the court decision
 CROSS JOIN LATERAL (SELECT (SELECT s.court_decision_no FROM credit_gz.restructuring_shield s
                              WHERE credit_gz.shield_hides(i.polarity, l0.level)
                                AND s.subject_id = r.subject_id
                                AND credit_gz.restructuring_shield_in_force(s.shield_from, s.shield_until, s.closed_on,
                                                                            credit_gz.policy_date())
                              ORDER BY s.shield_id LIMIT 1) AS decision_no) sh
 CROSS JOIN LATERAL (SELECT CASE WHEN sh.decision_no IS NOT NULL THEN 'government' ELSE l0.level END AS level) l
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience
 WHERE l.level IS NOT NULL
   AND (EXISTS (SELECT 1 FROM credit_gz.disclosure_rule d
                 WHERE d.audience = a.audience AND d.level = l.level
                   AND credit_gz.in_force(d.effective_from, d.effective_until, credit_gz.policy_date()))
        OR (a.audience = 'government' AND r.department_code = ANY ((SELECT credit_gz.my_departments())::text[])))
   AND credit_gz.audience_sees_subject(a.audience, au.needs_authorization, r.subject_id);
COMMENT ON VIEW credit_gz.disclosed_record IS
    '可见信用记录 / credit records as each audience the current role may read as sees them, by credit_gz.disclosure_rule '
    'and the record''s level on today''s date (credit_gz.record_level; government only while a bankruptcy '
    'restructuring shield of the subject is in force, shielded_by); financial institutions only under a live '
    'authorisation; a department''s own records at every level.';
COMMENT ON COLUMN credit_gz.disclosed_record.shielded_by IS
    '破产重整屏蔽依据 / the court decision under which the record is shielded from publicity during a bankruptcy '
    'restructuring (credit_gz.restructuring_shield), NULL when not shielded';

-- ---------------------------------------------------------------------------------------------------------------------
-- 政务失信 and the 事业单位 list (《关于健全社会信用体系的意见》, 2025-03): list types limited to kinds of subject and fed
-- by records of an item (list_type.subject_kinds, from_item_code; list_entry_check, redefined above), 政务失信 records
-- restricting fiscal funds and awards (measures as data), 事业单位异常名录 (src/government_dishonesty.sql).
-- ---------------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.list_type
    ADD COLUMN subject_kinds text[] CHECK (cardinality(subject_kinds) > 0),
    ADD COLUMN from_item_code text REFERENCES credit_gz.info_item (code) ON UPDATE CASCADE;
COMMENT ON COLUMN credit_gz.list_type.subject_kinds IS
    '适用主体类别 / the kinds of subject (credit_gz.subject.kind) that may be listed, e.g. government_agency for 政务失信, '
    'public_institution for 事业单位异常名录; NULL: every kind applies_to allows';
COMMENT ON COLUMN credit_gz.list_type.from_item_code IS
    '由信用记录列入 / a record of this catalogue item lists its subject at once (the record as basis, e.g. 政务失信 '
    'records); NULL: listed by a determination only';

-- =====================================================================================================================
-- 政务失信 and the 事业单位 list (中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》, 2025-03): records of the
-- dishonesty of government bodies (政务失信: e.g. not performing a judgment or a contract, not honouring a policy
-- commitment) list the body at once, and the list restricts its access to fiscal funds and awards — measures as data
-- (credit_gz.measure), pre-checked like every other; public institutions (事业单位) have an abnormal list like the
-- enterprises' 经营异常名录.
-- =====================================================================================================================

INSERT INTO credit_gz.info_item
    (code, name_zh, name_en, kind, polarity, applies_to, barred_for_natural_person, double_publicity, legal_basis, shipped)
VALUES
    ('government_dishonesty', '政务失信信息', 'Dishonesty of a government body (政务失信)', 'negative', 'negative',
     'legal_entity', false, NULL, '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月) (政务诚信)', true);

INSERT INTO credit_gz.list_type (code, name_zh, name_en, parent_code, polarity, severity, applies_to, derived_only,
        default_term_months, early_removal_after_months, early_removal_conditions,
        escalate_to_code, escalate_after_months, escalation_notice_days, legal_basis, effective_from, shipped,
        subject_kinds, from_item_code) VALUES
 ('government_dishonesty', '政务失信记录', 'Government bodies with a record of dishonesty (政务失信)', NULL, 'punishment',
  'general', 'legal_entity', false, NULL, 0, '已纠正失信行为（履行判决、合同或政策承诺）', NULL, NULL, NULL,
  '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月): 政务失信记录 限制财政资金、评优评先', '2025-03-21', true,
  ARRAY['government_agency', 'public_institution'], 'government_dishonesty'),
 ('public_institution_abnormal', '事业单位异常名录', 'Abnormal list of public institutions (事业单位)', NULL, 'attention',
  'general', 'legal_entity', false, NULL, 0, '已纠正（报送年度报告、公示信息或恢复联系）', NULL, NULL, NULL,
  '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月): 建立事业单位异常名录 (like 《企业经营异常名录管理暂行办法》)',
  '2025-03-21', true, ARRAY['public_institution'], NULL);

INSERT INTO credit_gz.list_disclosure (list_type_code, disclosure, shipped) VALUES
    ('government_dishonesty', 'public', true),
    ('public_institution_abnormal', 'public', true);

INSERT INTO credit_gz.measure (code, name_zh, list_type_code, domain_code, action, category, kind, effect,
                               legal_basis, effective_from, shipped) VALUES
 ('gd_fiscal_funds_bar', '限制申请财政资金、政府补贴和资金项目', 'government_dishonesty', NULL, 'subsidy', 'rights_reducing',
  'punishment', 'deny', '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月): 政务失信 限制财政资金', '2025-03-21', true),
 ('gd_honour_bar', '限制参加评先评优、表彰奖励', 'government_dishonesty', NULL, 'honour', 'rights_reducing', 'punishment',
  'deny', '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月): 政务失信 限制评优评先', '2025-03-21', true),
 ('pia_inspection_up', '事业单位异常提高抽查比例', 'public_institution_abnormal', NULL, 'inspection_frequency',
  'management', 'punishment', 'condition', '《关于健全社会信用体系的意见》(2025年3月): 事业单位异常名录 (as 《企业经营异常名录管理暂行办法》第十八条)',
  '2025-03-21', true),
 ('pia_honour_bar', '不予授予荣誉称号', 'public_institution_abnormal', NULL, 'honour', 'management', 'punishment',
  'condition', '《关于健全社会信用体系的意见》(2025年3月): 事业单位异常名录 (as 《企业经营异常名录管理暂行办法》第十八条)',
  '2025-03-21', true);

-- list_from_record: AFTER INSERT statement trigger on credit_gz.record: a record of an item some list type is fed by
-- (list_type.from_item_code) lists its subject there, in the record's department's name (the department the record
-- was written for under row-level security), from the decision date, the record as basis — where the list is in
-- force on that day. SECURITY DEFINER: a role that records needs no rights on the lists.
CREATE FUNCTION credit_gz.list_from_record() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.record'::pg_catalog.regclass OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER'
       OR TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
        RAISE EXCEPTION 'credit_gz.list_from_record() fires only AFTER INSERT FOR EACH STATEMENT on credit_gz.record'
            USING ERRCODE = '39P01';
    END IF;
    IF credit_gz.restoring() THEN RETURN NULL; END IF;  -- a restore keeps the entries as dumped
    INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, record_id)
    SELECT r.subject_id, lt.code, r.department_code, r.document_no, r.decision_date, r.record_id
      FROM list_from_record_new r
      JOIN credit_gz.list_type lt ON lt.from_item_code OPERATOR(pg_catalog.=) r.item_code
     WHERE r.status OPERATOR(pg_catalog.=) 'in_publicity'
       AND credit_gz.in_force(lt.effective_from, lt.effective_until, r.decision_date)
     ORDER BY r.subject_id, r.record_id;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.list_from_record() IS
    'Trigger: records of an item a list type is fed by (list_type.from_item_code, e.g. 政务失信) list their subject there '
    'in the department''s name from the decision date, the record as basis (list_entry.record_id), where the list is '
    'in force then. Trigger on credit_gz.record only.';
REVOKE ALL ON FUNCTION credit_gz.list_from_record() FROM PUBLIC;
CREATE TRIGGER list_from_record AFTER INSERT ON credit_gz.record REFERENCING NEW TABLE AS list_from_record_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.list_from_record();
COMMENT ON TRIGGER list_from_record ON credit_gz.record IS
    '政务失信: records of a list-feeding item list their subject (one statement)';

CREATE OR REPLACE FUNCTION credit_gz.record_repair_eligibility(record_id bigint, on_day date,
                                                     obligations_performed_on date DEFAULT NULL)
RETURNS TABLE (eligible boolean, reasons text[], eligible_from date)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.record;
    rule credit_gz.publicity_rule;
    why text[] := '{}';
    since date;
    bar date;
BEGIN
    SELECT * INTO r FROM credit_gz.record rec WHERE rec.record_id = record_repair_eligibility.record_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '23503',
            MESSAGE = credit_gz.msg('credit record %s does not exist', record_repair_eligibility.record_id),
            HINT = credit_gz.msg('Give the record_id of a record in credit_gz.record.');
    END IF;
    SELECT * INTO rule FROM credit_gz.publicity_rule WHERE publicity_rule_id = r.publicity_rule_id;

    IF r.status <> 'in_publicity' THEN
        why := why || credit_gz.msg('the record is not in publicity (status %s)', r.status);
    END IF;
    IF rule.publicity_rule_id IS NULL THEN
        why := why || credit_gz.msg('the record has no publicity rule (it is not negative information)');
    END IF;
    IF r.severity = 'specific_serious' THEN
        why := why || credit_gz.msg('specific serious (特定严重失信) records stay published for the full period and cannot be repaired');
    END IF;
    IF rule.publicity_rule_id IS NOT NULL AND NOT rule.repairable AND r.severity IS DISTINCT FROM 'specific_serious' THEN
        why := why || credit_gz.msg('publicity rule %s (%s) does not allow repair', rule.publicity_rule_id, rule.generation);
    END IF;
    IF obligations_performed_on IS NULL OR obligations_performed_on > on_day THEN
        why := why || credit_gz.msg('the obligations set by the decision have not been performed (履行法定义务、纠正失信行为)');
    END IF;
    IF NOT credit_gz.repair_commitment_on_file(r.subject_id, r.record_id) THEN
        why := why || credit_gz.msg('no repair commitment (信用修复承诺) is on file');
    END IF;

    -- Minimum publicity period: repairable_from is filled by the archive from the record's rule version; under
    -- Order 36 a minor record is repairable as soon as the obligation is performed (no minimum period).
    since := GREATEST(r.repairable_from, obligations_performed_on);
    bar := credit_gz.repair_bar_until(r.subject_id, r.record_id, GREATEST(on_day, since));
    IF bar IS NOT NULL THEN
        since := bar;
    END IF;
    IF r.repairable_from IS NOT NULL AND r.repairable_from > on_day THEN
        why := why || credit_gz.msg('the minimum publicity period ends on %s',
                             pg_catalog.to_char(credit_gz.inclusive_end(r.repairable_from), 'YYYY-MM-DD'));
    END IF;
    IF bar IS NOT NULL THEN
        why := why || CASE WHEN bar = 'infinity' THEN credit_gz.msg('repair is barred without end date')
                           ELSE credit_gz.msg('repair is barred until %s', pg_catalog.to_char(credit_gz.inclusive_end(bar), 'YYYY-MM-DD')) END;
    END IF;

    eligible := cardinality(why) = 0;
    reasons := why;
    eligible_from := CASE
        WHEN eligible THEN on_day
        WHEN since IS NOT NULL AND since <> 'infinity' AND since > on_day
             AND cardinality(why) = (CASE WHEN r.repairable_from > on_day THEN 1 ELSE 0 END)
                                     + (CASE WHEN bar IS NOT NULL THEN 1 ELSE 0 END)
        THEN since END;
    RETURN NEXT;
END $$;

CREATE OR REPLACE FUNCTION credit_gz.repair_decide(application_id bigint, new_status text, reason text)
RETURNS credit_gz.repair_application
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a credit_gz.repair_application;
BEGIN
    UPDATE credit_gz.repair_application r SET status = new_status, decision_reason = COALESCE(reason, r.decision_reason)
    WHERE r.application_id = repair_decide.application_id
    RETURNING * INTO a;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'P0002',
            MESSAGE = credit_gz.msg('repair application %s does not exist', application_id),
            HINT = credit_gz.msg('Look the application up in credit_gz.repair_application.');
    END IF;
    RETURN a;
END $$;

CREATE OR REPLACE FUNCTION credit_gz.sync_outbox_claim(consumer text, batch_size integer DEFAULT 100,
                                            lease interval DEFAULT '5 minutes', only_target text DEFAULT NULL)
RETURNS SETOF credit_gz.sync_outbox
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF consumer IS NULL OR batch_size IS NULL OR batch_size < 1 OR lease IS NULL OR lease <= interval '0' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = credit_gz.msg('invalid outbox claim: consumer, a positive batch size and a positive lease are required'),
            HINT = credit_gz.msg('Call sync_outbox_claim(''consumer-name'', 100, ''5 minutes'').');
    END IF;
    -- SKIP LOCKED: concurrent consumers take disjoint batches; the lease hides the batch until it is acknowledged,
    -- retried, or the lease runs out (consumer died) and the rows become claimable again.
    RETURN QUERY
    UPDATE credit_gz.sync_outbox o
    SET claimed_by = consumer, claimed_at = pg_catalog.clock_timestamp(),
        available_at = pg_catalog.clock_timestamp() + lease, attempts = o.attempts + 1
    WHERE (o.subject_id, o.outbox_id) IN (
        SELECT p.subject_id, p.outbox_id FROM credit_gz.sync_outbox p
        WHERE p.acknowledged_at IS NULL AND p.available_at <= pg_catalog.clock_timestamp()
          AND (only_target IS NULL OR p.target = only_target)
        ORDER BY p.available_at, p.outbox_id
        LIMIT batch_size
        FOR UPDATE SKIP LOCKED)
    RETURNING o.*;
END $$;

CREATE OR REPLACE FUNCTION credit_gz.sync_outbox_ack(consumer text, outbox_ids bigint[]) RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
    stale bigint;
BEGIN
    -- Only the consumer holding the latest claim may acknowledge: after a lease ran out another consumer may
    -- hold the row, and its delivery is the one that counts.
    SELECT o.outbox_id INTO stale FROM credit_gz.sync_outbox o
    WHERE o.outbox_id = ANY (outbox_ids) AND o.acknowledged_at IS NULL AND o.claimed_by IS DISTINCT FROM consumer
    LIMIT 1;
    IF stale IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'CG602',
            MESSAGE = credit_gz.msg('outbox row %s is not claimed by consumer "%s"', stale, consumer),
            DETAIL = credit_gz.msg('Its lease ran out and another consumer claimed it, or it was never claimed.'),
            HINT = credit_gz.msg('Claim rows with sync_outbox_claim and acknowledge them before the lease ends.');
    END IF;
    UPDATE credit_gz.sync_outbox o SET acknowledged_at = pg_catalog.clock_timestamp(), last_error = NULL
    WHERE o.outbox_id = ANY (outbox_ids) AND o.acknowledged_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;

CREATE OR REPLACE FUNCTION credit_gz.sync_outbox_retry(consumer text, outbox_id bigint, error text,
                                            base_delay interval DEFAULT '30 seconds',
                                            max_delay interval DEFAULT '6 hours')
RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.sync_outbox;
    next_at timestamptz;
BEGIN
    SELECT * INTO r FROM credit_gz.sync_outbox o WHERE o.outbox_id = sync_outbox_retry.outbox_id FOR UPDATE;
    IF NOT FOUND OR r.acknowledged_at IS NOT NULL OR r.claimed_by IS DISTINCT FROM consumer THEN
        RAISE EXCEPTION USING ERRCODE = 'CG602',
            MESSAGE = credit_gz.msg('outbox row %s is not claimed by consumer "%s"', sync_outbox_retry.outbox_id, consumer),
            DETAIL = credit_gz.msg('Only a pending row held by the consumer can be scheduled for retry.'),
            HINT = credit_gz.msg('Claim rows with sync_outbox_claim first.');
    END IF;
    -- Exponential backoff: base, 2 base, 4 base … capped; the row is never dropped.
    next_at := pg_catalog.clock_timestamp()
               + LEAST(max_delay, base_delay * pg_catalog.power(2, LEAST(GREATEST(r.attempts - 1, 0), 30)));
    UPDATE credit_gz.sync_outbox o SET available_at = next_at, last_error = error
    WHERE o.subject_id = r.subject_id AND o.outbox_id = r.outbox_id;
    RETURN next_at;
END $$;

CREATE OR REPLACE FUNCTION credit_gz.calendar_guard_shipped() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- Shipped rows are re-created by CREATE EXTENSION on restore, so a change to them would silently be undone.
    IF TG_OP = 'TRUNCATE' THEN
        IF EXISTS (SELECT FROM credit_gz.calendar WHERE shipped) THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = credit_gz.msg('credit_gz.calendar holds the shipped official arrangement and cannot be truncated'),
                DETAIL = credit_gz.msg('Rows shipped with the extension are re-created on restore, so removing them would be undone.'),
                HINT = credit_gz.msg('Delete the local rows instead: DELETE FROM credit_gz.calendar WHERE NOT shipped.');
        END IF;
        RETURN NULL;
    END IF;
    IF OLD.shipped THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('calendar day %s is part of the shipped official arrangement', pg_catalog.to_char(OLD.day, 'YYYY-MM-DD')),
            DETAIL = credit_gz.msg('Rows shipped with the extension are re-created on restore, so changes to them would be lost.'),
            HINT = credit_gz.msg('Official corrections come with an extension update; load other years as new rows.');
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.shipped THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('calendar rows cannot be marked as shipped'),
            DETAIL = credit_gz.msg('Only the extension''s install and update scripts ship calendar rows.'),
            HINT = credit_gz.msg('Leave shipped false for rows you load.');
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE OR REPLACE FUNCTION credit_gz.identity_document_no(document_type text, document_no text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v text;
BEGIN
    SELECT t.validation INTO v FROM credit_gz.identity_document_type t WHERE t.code = document_type;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = credit_gz.msg('unknown identity document type "%s"', document_type),
            HINT = credit_gz.msg('The types are the codes of credit_gz.identity_document_type.');
    END IF;
    IF v = 'gb11643' THEN
        RETURN document_no::credit_gz.resident_id::text;
    END IF;
    RETURN credit_gz.identity_document_canonical(v, document_type, document_no);
END
$$;

CREATE OR REPLACE FUNCTION credit_gz.job_lock_key(job text) RETURNS bigint
    LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    k bigint;
BEGIN
    SELECT l.lock_key INTO k FROM credit_gz.job_locks() l WHERE l.job = job_lock_key.job;
    IF k IS NULL THEN
        -- an unknown name must not yield NULL: pg_advisory_xact_lock(NULL) returns without taking any lock
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('no advisory lock key for job "%s"', job),
              ERRCODE = '22023', HINT = credit_gz.msg('credit_gz.job_locks() lists the jobs.');
    END IF;
    RETURN k;
END
$$;

CREATE OR REPLACE FUNCTION credit_gz.credit_labels(subject_id bigint, institution_id bigint)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    subj   jsonb;
    auth   record;
    labels jsonb;
BEGIN
    PERFORM credit_gz.check_audience('financial_institution');
    IF NOT (institution_id = ANY (credit_gz.my_institutions()) OR credit_gz.is_credit_admin()) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('role %s does not act for financial institution %s', CURRENT_USER, institution_id),
              ERRCODE = '42501',
                  DETAIL = credit_gz.msg('Labels are given to the institution the subject authorised, through a role granted for it.'),
                  HINT = credit_gz.msg('A DBA maps the role with credit_gz.grant_financial_institution(role, institution_id).');
    END IF;
    SELECT a.valid_until, a.purpose INTO auth
      FROM credit_gz.authorization a
     WHERE a.subject_id = credit_labels.subject_id AND a.institution_id = credit_labels.institution_id
       AND credit_gz.in_force(a.valid_from, a.valid_until, pg_catalog.now())
       AND (a.revoked_at IS NULL OR a.revoked_at > pg_catalog.now())
     ORDER BY a.valid_until DESC LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('no live authorisation of institution %s by subject %s', institution_id,
                                                      credit_gz.subject_code(subject_id)),
              ERRCODE = 'CG702',
                  DETAIL = credit_gz.msg('Labelled credit information is given only while the subject''s authorisation is in force (三(六)).'),
                  HINT = credit_gz.msg('Record the subject''s signed authorisation in credit_gz.authorization.');
    END IF;
    PERFORM credit_gz.log_read(subject_id, 'labels', coalesce(auth.purpose, '信易贷'), 'financial_institution');
    subj := credit_gz.report_section('subject', subject_id, 'financial_institution', 'v.subject_id') -> 0;
    SELECT pg_catalog.jsonb_build_object(
               'negative_in_publicity', pg_catalog.count(*) FILTER (WHERE d.polarity = 'negative'
                                                           AND credit_gz.record_counts(d.status)),
               'serious_negative', pg_catalog.bool_or(d.polarity = 'negative' AND d.severity IN ('serious', 'specific_serious')
                                                   AND credit_gz.record_counts(d.status)) IS TRUE,
               'under_objection', pg_catalog.count(*) FILTER (WHERE d.under_objection),
               'positive_records', pg_catalog.count(*) FILTER (WHERE d.polarity = 'positive'
                                                      AND credit_gz.record_counts(d.status)),
               'negative_domains', coalesce(pg_catalog.jsonb_agg(DISTINCT d.domain_code)
                                     FILTER (WHERE d.polarity = 'negative' AND credit_gz.record_counts(d.status)
                                             AND d.domain_code IS NOT NULL), '[]'),
               'last_negative_decision', pg_catalog.max(d.decision_date) FILTER (WHERE d.polarity = 'negative'))
      INTO labels
      FROM credit_gz.disclosed_record d
     WHERE d.subject_id = credit_labels.subject_id AND d.audience = 'financial_institution';
    RETURN pg_catalog.jsonb_build_object(
        'subject_id', subject_id,
        'name', subj ->> 'name',
        'identity_code', subj ->> 'identity_code',
        'district', subj ->> 'district',
        'years_registered_band',
            CASE WHEN (subj ->> 'registered_on') IS NULL THEN NULL
                 ELSE (SELECT CASE WHEN y < 1 THEN '<1' WHEN y < 3 THEN '1-3' WHEN y < 5 THEN '3-5'
                                   WHEN y < 10 THEN '5-10' ELSE '>=10' END
                         FROM (SELECT pg_catalog.date_part('year', pg_catalog.age((subj ->> 'registered_on')::date)) AS y) t)
            END,
        'unfulfilled_commitments',
            (SELECT pg_catalog.count(*) FROM credit_gz.disclosed_commitment c
              WHERE c.subject_id = credit_labels.subject_id AND c.audience = 'financial_institution'
                AND c.status = 'not_fulfilled'),
        'punishment_lists', (SELECT coalesce(pg_catalog.jsonb_agg(DISTINCT e.list_type_code), '[]')
                               FROM credit_gz.disclosed_list_entry e
                              WHERE e.subject_id = credit_labels.subject_id AND e.audience = 'financial_institution'
                                AND e.status = 'active' AND e.polarity = 'punishment'),
        'red_lists', (SELECT coalesce(pg_catalog.jsonb_agg(DISTINCT e.list_type_code), '[]')
                        FROM credit_gz.disclosed_list_entry e
                       WHERE e.subject_id = credit_labels.subject_id AND e.audience = 'financial_institution'
                         AND e.status = 'active' AND e.polarity = 'reward'),
        'grades', (SELECT coalesce(pg_catalog.jsonb_object_agg(g.model_code, g.grade), '{}')
                     FROM credit_gz.disclosed_grade g
                    WHERE g.subject_id = credit_labels.subject_id AND g.audience = 'financial_institution'),
        'authorised_until', auth.valid_until) || labels;
END
$$;

CREATE OR REPLACE FUNCTION credit_gz.grant_role(role regrole, kind text, department_code text DEFAULT NULL,
                                     institution_id bigint DEFAULT NULL, licence_no text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p   record;
    obj text;
BEGIN
    IF role IS NULL OR kind IS NULL THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('role and kind must not be null'), ERRCODE = '22004';
    END IF;
    INSERT INTO credit_gz.role_grant (role_name, kind, department_code, institution_id, licence_no)
    SELECT r.rolname, kind, department_code, institution_id, licence_no
      FROM pg_catalog.pg_roles r WHERE r.oid = role
    ON CONFLICT DO NOTHING;
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA credit_gz TO %s', role);
    FOR p IN SELECT rp.object_name, rp.privileges FROM credit_gz.role_privilege rp WHERE rp.kind = grant_role.kind LOOP
        IF p.object_name ~ '[(]' THEN
            IF pg_catalog.to_regprocedure('credit_gz.' || p.object_name) IS NOT NULL THEN
                EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %s TO %s',
                                          pg_catalog.to_regprocedure('credit_gz.' || p.object_name), role);
            END IF;
            CONTINUE;
        END IF;
        FOR obj IN
            SELECT c.relname::text FROM pg_catalog.pg_class c
             WHERE c.relnamespace = 'credit_gz'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p')
               AND CASE WHEN p.object_name LIKE '%*'
                        THEN c.relkind IN ('v', 'm') AND c.relname LIKE pg_catalog.rtrim(p.object_name, '*') || '%'
                        ELSE c.relname = p.object_name END
        LOOP
            EXECUTE pg_catalog.format('GRANT %s ON credit_gz.%I TO %s', p.privileges, obj, role);
        END LOOP;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION credit_gz.objection_step(objection_id bigint, new_status text, outcome text, reason text,
                                         corrections jsonb)
RETURNS credit_gz.objection
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    o credit_gz.objection;
BEGIN
    UPDATE credit_gz.objection x
    SET status = new_status, outcome = objection_step.outcome,
        outcome_reason = COALESCE(reason, x.outcome_reason), corrections = objection_step.corrections
    WHERE x.objection_id = objection_step.objection_id
    RETURNING * INTO o;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('objection %s does not exist', objection_id),
              ERRCODE = 'P0002', HINT = credit_gz.msg('Look the objection up in credit_gz.objection.');
    END IF;
    RETURN o;
END $$;

CREATE OR REPLACE FUNCTION credit_gz.collection_stats(granularity text DEFAULT 'month')
RETURNS TABLE (department_code text, department_name text, period_start date, records bigint,
               same_period_last_year bigint, growth numeric, target_growth numeric, meets_target boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF granularity IS NULL OR granularity NOT IN ('month', 'quarter', 'year') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = credit_gz.msg('collection period "%s" is not supported', granularity),
            DETAIL = credit_gz.msg('Growth is measured against the same period of the previous year.'),
            HINT = credit_gz.msg('Use month, quarter or year.');
    END IF;
    RETURN QUERY
    WITH c AS (
        SELECT v.dep, v.p, count(*) AS n, GROUPING(v.dep) AS total_row
          FROM (SELECT r.department_code AS dep,
                       date_trunc(granularity, credit_gz.policy_date(r.created_at)::timestamp)::date AS p
                  FROM credit_gz.record r) v
         GROUP BY GROUPING SETS ((v.dep, v.p), (v.p))
    )
    SELECT c.dep, d.name_zh, c.p, c.n, ly.n,
           CASE WHEN ly.n > 0 THEN round(c.n::numeric / ly.n - 1, 4) END,
           credit_gz.policy_target_value('collection_growth', c.p),
           CASE WHEN ly.n > 0 THEN c.n >= ly.n * (1 + credit_gz.policy_target_value('collection_growth', c.p)) END
      FROM c
      LEFT JOIN c ly ON ly.total_row = c.total_row AND ly.dep IS NOT DISTINCT FROM c.dep
                    AND ly.p = (c.p - interval '1 year')::date
      LEFT JOIN credit_gz.department d ON d.code = c.dep
     ORDER BY c.p, c.dep NULLS FIRST;
END
$$;

CREATE OR REPLACE FUNCTION credit_gz.query_log_guard()
RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_TABLE_NAME NOT IN ('query_log', 'unknown_code_read_log')
       OR TG_WHEN <> 'BEFORE' THEN
        RAISE EXCEPTION 'credit_gz.query_log_guard() must be a BEFORE trigger on a query log of credit_gz'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF credit_gz.query_log_purge_allowed()
           AND OLD.at < pg_catalog.now() - credit_gz.query_log_retention_at(credit_gz.policy_date()) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('credit_gz.%s is append-only', TG_TABLE_NAME), ERRCODE = 'CG701',
              DETAIL = credit_gz.msg('%s of query-log entries is refused for every role.', TG_OP),
              HINT = credit_gz.msg('Entries past the retention period are removed by credit_gz.purge_query_log().');
END
$$;
