-- Disclosure of credit information (十七: 制定公共信用信息披露和使用工作指引 … 严格落实信用信息安全保护制度): disclosure
-- levels and audiences, the privileges each kind of role receives, row-level security, the disclosed_* and public_*
-- views, credit reports and labels. The query log they write is src/query_log.sql; the role grants src/role_grant.sql.

-- ---------------------------------------------------------------------------------------------------------------
-- Disclosure levels and audiences (十七 公共信用信息披露和使用; 三(六) 信易贷; 三(八) 信用服务机构)
-- ---------------------------------------------------------------------------------------------------------------
-- A record carries its level (credit_gz.record.disclosure): public (公开), authorised (授权查询), government (政务共享),
-- archived (归档, authorities only). What each audience may see is data, so a new guideline (工作指引) is an INSERT.
CREATE TABLE credit_gz.audience (
    code                text    NOT NULL PRIMARY KEY,
    name_zh             text    NOT NULL,
    name_en             text    NOT NULL,
    sees_identity       boolean NOT NULL,
    sees_grades         boolean NOT NULL,
    sees_repairs        boolean NOT NULL,
    needs_authorization boolean NOT NULL,
    shipped             boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.audience IS
    '披露对象 / audiences of credit information: who a report or label is for, and what kind of detail it may carry.';
COMMENT ON COLUMN credit_gz.audience.code IS '代码 / audience code (public, credit_agency, financial_institution, self, government)';
COMMENT ON COLUMN credit_gz.audience.name_zh IS '名称 / Chinese name';
COMMENT ON COLUMN credit_gz.audience.name_en IS '英文名称 / English name';
COMMENT ON COLUMN credit_gz.audience.sees_identity IS '可见完整身份证号 / may see natural persons'' identity numbers unmasked';
COMMENT ON COLUMN credit_gz.audience.sees_grades IS '可见信用等级 / may see credit grades and scores';
COMMENT ON COLUMN credit_gz.audience.sees_repairs IS '可见信用修复与异议 / may see repair applications and objections';
COMMENT ON COLUMN credit_gz.audience.needs_authorization IS '须经主体授权 / only under the subject''s live authorisation (credit_gz.authorization)';
COMMENT ON COLUMN credit_gz.audience.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
INSERT INTO credit_gz.audience (code, name_zh, name_en, sees_identity, sees_grades, sees_repairs, needs_authorization) VALUES
    ('public',                '社会公众',       'the public',                        false, false, false, false),
    ('credit_agency',         '信用服务机构',   'licensed credit service agency',    false, false, false, false),
    ('financial_institution', '金融机构',       'financial institution (信易贷)',     true,  true,  false, true),
    ('self',                  '信用主体本人',   'the subject itself',                true,  true,  true,  false),
    ('government',            '政务部门',       'government department',             true,  true,  true,  false);
ALTER TABLE credit_gz.audience ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.audience', 'WHERE NOT shipped');

CREATE TABLE credit_gz.disclosure_rule (
    audience        text    NOT NULL REFERENCES credit_gz.audience (code),
    level           text    NOT NULL CHECK (level IN ('public', 'authorised', 'government', 'archived', 'shared')),
    effective_from  date    NOT NULL,
    effective_until date,
    basis           text    NOT NULL,
    shipped         boolean NOT NULL DEFAULT true,
    PRIMARY KEY (audience, level, effective_from),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.disclosure_rule IS
    '披露规则 / which disclosure level each audience may see, with the dates the rule is in force. The determining '
    'department always sees its own records (谁认定谁负责).';
COMMENT ON COLUMN credit_gz.disclosure_rule.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosure_rule.level IS
    '披露等级 / disclosure level: public, authorised, government, archived, shared (终止公示 but not yet 停止共享和使用)';
COMMENT ON COLUMN credit_gz.disclosure_rule.effective_from IS '生效日期 / first day in force';
COMMENT ON COLUMN credit_gz.disclosure_rule.effective_until IS '失效日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.disclosure_rule.basis IS '依据 / basis';
COMMENT ON COLUMN credit_gz.disclosure_rule.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
INSERT INTO credit_gz.disclosure_rule (audience, level, effective_from, basis) VALUES
    ('public',                'public',     '2020-01-01', '十七; 《广州市公共信用信息管理规定》: 公开信息向社会公开'),
    ('credit_agency',         'public',     '2020-01-01', '三(八): 经备案的征信机构、信用评级机构利用公共信用信息'),
    ('financial_institution', 'public',     '2020-01-01', '三(六): 经市场主体授权, 向金融机构提供标签化的公共信用信息'),
    ('financial_institution', 'authorised', '2020-01-01', '三(六): 授权查询信息仅在主体授权期内提供'),
    ('self',                  'public',     '2020-01-01', '信用主体可免费查询自身信用信息'),
    ('self',                  'authorised', '2020-01-01', '信用主体可免费查询自身信用信息'),
    ('self',                  'government', '2020-01-01', '信用主体可免费查询自身信用信息'),
    ('government',            'public',     '2020-01-01', '政务共享'),
    ('government',            'government', '2020-01-01', '政务共享'),
    ('government',            'archived',   '2020-01-01', '《广州市公共信用信息管理规定》: 期满归档, 仅供国家机关履职查询'),
    -- 国家发展改革委令第36号 第三条: after 终止公示, until 停止共享和使用, still shared with departments and local
    -- governments (政务共享) and third-party credit service agencies; the subject sees its own
    ('government',            'shared',     '2026-04-01', '国家发展改革委令第36号 第三条: 终止公示后、停止共享和使用前仍共享'),
    ('credit_agency',         'shared',     '2026-04-01', '国家发展改革委令第36号 第三条: 终止公示后、停止共享和使用前仍向第三方信用服务机构共享'),
    ('self',                  'shared',     '2026-04-01', '信用主体可免费查询自身信用信息');
ALTER TABLE credit_gz.disclosure_rule ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.disclosure_rule', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.audience, credit_gz.disclosure_rule TO PUBLIC;

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
CREATE FUNCTION credit_gz.record_level(disclosure text, status text, publish_from date, publish_until date, as_of date)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN credit_gz.record_level(disclosure, status, publish_from, publish_until, as_of, NULL::date, NULL::date);
COMMENT ON FUNCTION credit_gz.record_level(text, text, date, date, date) IS
    'The disclosure level of a record on a date, from its level, status and publicity window, for a record without '
    'end states (the seven-argument form); NULL: revoked, disclosed to no one.';

-- ---------------------------------------------------------------------------------------------------------------
-- Role kinds and their privileges: the extension creates no roles; a DBA maps the site's roles (src/role_grant.sql)
-- to what they may do.
-- ---------------------------------------------------------------------------------------------------------------
-- Which privileges each kind of role receives, as data: a module that adds a table a kind needs adds a row here,
-- and re-running the grant function applies it. Objects that do not exist (yet) are skipped.
CREATE TABLE credit_gz.role_privilege (
    kind        text    NOT NULL CHECK (kind IN ('department', 'public_reader', 'analyst', 'credit_agency',
                                                 'financial_institution', 'self_service')),
    object_name text    NOT NULL,
    privileges  text    NOT NULL CHECK (privileges ~ '^[A-Z, ]+$'),
    CHECK (object_name !~ '[(]' OR privileges = 'EXECUTE'),
    shipped     boolean NOT NULL DEFAULT true,
    PRIMARY KEY (kind, object_name)
);
COMMENT ON TABLE credit_gz.role_privilege IS
    '角色权限清单 / table and view privileges each kind of role receives from the grant_* functions (data: a module '
    'adds rows for its own tables; views named with a trailing * mean every view with that prefix).';
COMMENT ON COLUMN credit_gz.role_privilege.kind IS '角色类别 / kind of role';
COMMENT ON COLUMN credit_gz.role_privilege.object_name IS
    '对象 / table or view in schema credit_gz (prefix* for all views with the prefix), or a function signature '
    '(name(argument types), privilege EXECUTE)';
COMMENT ON COLUMN credit_gz.role_privilege.privileges IS '权限 / privileges, e.g. SELECT, INSERT';
COMMENT ON COLUMN credit_gz.role_privilege.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges) VALUES
    -- departments: catalogues, their own records and entries (row-level security), shared reads
    ('department', 'department', 'SELECT'), ('department', 'domain', 'SELECT'),
    ('department', 'domain_department', 'SELECT'), ('department', 'info_item', 'SELECT'),
    ('department', 'publicity_rule', 'SELECT'), ('department', 'audience', 'SELECT'),
    ('department', 'disclosure_rule', 'SELECT'), ('department', 'role_grant', 'SELECT'),
    ('department', 'subject', 'SELECT, INSERT, UPDATE'), ('department', 'relation', 'SELECT, INSERT, UPDATE'),
    -- a department that reads subjects reads the lookups from their codes to them (subject_id_of, pre-checks by code)
    ('department', 'subject_uscc', 'SELECT'), ('department', 'subject_resident_id', 'SELECT'),
    ('department', 'subject_identity_document', 'SELECT'),
    ('department', 'record', 'SELECT, INSERT, UPDATE, DELETE'), ('department', 'record_document', 'SELECT'),
    ('department', 'commitment', 'SELECT, INSERT, UPDATE'),
    ('department', 'query_log', 'INSERT'), ('department', 'unknown_code_read_log', 'INSERT'),
    ('department', 'authorization', 'SELECT'),
    ('department', 'list_type', 'SELECT'), ('department', 'list_term', 'SELECT'), ('department', 'list_disclosure', 'SELECT'),
    ('department', 'list_entry', 'SELECT, INSERT, UPDATE, DELETE'), ('department', 'list_guard', 'SELECT, INSERT, UPDATE'),
    ('department', 'propagation_rule', 'SELECT'), ('department', 'measure', 'SELECT'),
    ('department', 'measure_action', 'SELECT'), ('department', 'measure_feedback', 'SELECT'),
    ('department', 'measure_feedback_summary', 'SELECT'), ('department', 'case_step_kind', 'SELECT'),
    ('department', 'dishonesty_case', 'SELECT, INSERT, UPDATE'),
    ('department', 'dishonesty_case_step', 'SELECT, INSERT, UPDATE'),
    ('department', 'dishonesty_case_item', 'SELECT, INSERT'), ('department', 'dishonesty_case_status', 'SELECT'),
    ('department', 'interview_task', 'SELECT, UPDATE'), ('department', 'occupation', 'SELECT, INSERT, UPDATE'),
    -- repair and objections (二(四)): the platform records applications; the handling department decides
    ('department', 'green_channel_list', 'SELECT'), ('department', 'repair_bar', 'SELECT'),
    ('department', 'calendar', 'SELECT'), ('department', 'deadline_rule', 'SELECT'),
    ('department', 'repair_application', 'SELECT, INSERT, UPDATE'), ('department', 'objection', 'SELECT, INSERT, UPDATE'),
    -- 破产重整信息屏蔽: the court records the shields of its restructuring decisions (row-level security)
    ('department', 'restructuring_shield', 'SELECT, INSERT, UPDATE'),
    ('department', 'sync_target', 'SELECT'), ('department', 'sync_outbox', 'INSERT'),
    -- scoring (分级分类监管): grades, their history and explanation, the rules and the supervision measures; scores
    -- are written only by the scoring triggers (SECURITY DEFINER), never by a department
    ('department', 'subject_score', 'SELECT'), ('department', 'grade_history', 'SELECT'),
    ('department', 'score_drop', 'SELECT'), ('department', 'warning', 'SELECT'),
    ('department', 'scoring_model', 'SELECT'), ('department', 'scoring_rule', 'SELECT'),
    ('department', 'scoring_downgrade', 'SELECT'), ('department', 'scoring_rule_key', 'SELECT'),
    ('department', 'supervision_measure', 'SELECT'),
    -- pre-checks read list entries and grades from C without the table privileges being checked on every probe,
    -- so who may run them is settled here: departments only (EXECUTE is revoked from PUBLIC below)
    ('department', 'precheck(bigint, text, text, text)', 'EXECUTE'),
    ('department', 'precheck(text, text, text, text)', 'EXECUTE'),
    ('department', 'is_restricted(bigint, text, text)', 'EXECUTE'),
    ('department', 'is_restricted(text, text, text)', 'EXECUTE'),
    ('department', 'precheck_many(bigint[], text, text, text)', 'EXECUTE'),
    ('department', 'precheck_many(text[], text, text, text)', 'EXECUTE'),
    ('department', 'disclosed_*', 'SELECT'), ('department', 'public_*', 'SELECT'),
    ('department', 'monitor_*', 'SELECT'),
    -- the public: only the public_* views
    ('public_reader', 'public_*', 'SELECT'), ('public_reader', 'query_log', 'INSERT'),
    ('public_reader', 'unknown_code_read_log', 'INSERT'),
    ('public_reader', 'audience', 'SELECT'),
    -- analysts (BI tools): monitoring views and public views
    ('analyst', 'monitor_*', 'SELECT'), ('analyst', 'public_*', 'SELECT'), ('analyst', 'audience', 'SELECT'),
    ('analyst', 'department', 'SELECT'), ('analyst', 'domain', 'SELECT'), ('analyst', 'policy_target', 'SELECT'),
    ('analyst', 'case_step_kind', 'SELECT'), ('analyst', 'list_type', 'SELECT'), ('analyst', 'list_term', 'SELECT'), ('analyst', 'calendar', 'SELECT'),
    ('department', 'policy_target', 'SELECT'), ('department', 'collection_by_department', 'SELECT'),
    -- 信用服务机构: what the disclosure rules give them, through the disclosed_* views
    ('credit_agency', 'disclosed_*', 'SELECT'), ('credit_agency', 'public_*', 'SELECT'),
    ('credit_agency', 'query_log', 'INSERT'), ('credit_agency', 'unknown_code_read_log', 'INSERT'),
    ('credit_agency', 'role_grant', 'SELECT'),
    ('credit_agency', 'audience', 'SELECT'), ('credit_agency', 'disclosure_rule', 'SELECT'),
    -- 金融机构: labels under authorisation; they record the authorisations they collect
    ('financial_institution', 'disclosed_*', 'SELECT'), ('financial_institution', 'public_*', 'SELECT'),
    ('financial_institution', 'query_log', 'INSERT'),
    ('financial_institution', 'unknown_code_read_log', 'INSERT'), ('financial_institution', 'role_grant', 'SELECT'),
    ('financial_institution', 'authorization', 'SELECT, INSERT'),
    ('financial_institution', 'audience', 'SELECT'), ('financial_institution', 'disclosure_rule', 'SELECT'),
    -- 信用主体本人: the self-service portal reads a subject's own report as self, the subject named in each call
    ('self_service', 'disclosed_*', 'SELECT'), ('self_service', 'public_*', 'SELECT'),
    ('self_service', 'query_log', 'INSERT'), ('self_service', 'unknown_code_read_log', 'INSERT'),
    ('self_service', 'audience', 'SELECT'), ('self_service', 'disclosure_rule', 'SELECT'),
    ('self_service', 'self_scope_open(bigint, text)', 'EXECUTE');
ALTER TABLE credit_gz.role_privilege ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.role_privilege', 'WHERE NOT shipped');

-- is_credit_admin: superusers and members of the extension owner's role see and may do everything.
CREATE FUNCTION credit_gz.is_credit_admin()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = CURRENT_USER), false)
        OR pg_catalog.pg_has_role((SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname = 'credit_gz'),
                                  'USAGE')
$$;
COMMENT ON FUNCTION credit_gz.is_credit_admin() IS
    'True for superusers and members of the role owning schema credit_gz (the DBA): every audience is open to them.';

-- my_audiences: the audiences the current role may read as (kind → audiences is fixed by the policy's roles).
CREATE FUNCTION credit_gz.my_audiences()
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

-- grant_role: the common body of the grant_* functions. SECURITY INVOKER (deliberately not DEFINER): GRANT needs the
-- caller's own right to grant on credit_gz's objects, so only the DBA who could grant by hand can map roles; a
-- definer function would let anyone holding EXECUTE hand out access.
CREATE FUNCTION credit_gz.grant_role(role regrole, kind text, department_code text DEFAULT NULL,
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
COMMENT ON FUNCTION credit_gz.grant_role(regrole, text, text, bigint, text) IS
    'Maps a site role to a kind (department, public_reader, analyst, credit_agency, financial_institution, '
    'self_service) and grants '
    'the privileges credit_gz.role_privilege lists for it. Idempotent; re-run after an upgrade adds objects.';

CREATE FUNCTION credit_gz.grant_department(role regrole, department text)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'department', department_code => $2) $$;
COMMENT ON FUNCTION credit_gz.grant_department(regrole, text) IS
    '部门授权: the role acts for the department — writes only that department''s records and list entries '
    '(谁认定谁负责), reads what sharing allows. Caller needs the right to grant (the DBA).';

CREATE FUNCTION credit_gz.grant_public_reader(role regrole)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'public_reader') $$;
COMMENT ON FUNCTION credit_gz.grant_public_reader(regrole) IS
    '公众查询授权: the role reads only the credit_gz.public_* views (published records, masked identity numbers).';

CREATE FUNCTION credit_gz.grant_analyst(role regrole)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'analyst') $$;
COMMENT ON FUNCTION credit_gz.grant_analyst(regrole) IS
    '监测分析授权: the role (a BI tool) reads the credit_gz.monitor_* views and the public views.';

CREATE FUNCTION credit_gz.grant_credit_agency(role regrole, licence_no text)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'credit_agency', licence_no => $2) $$;
COMMENT ON FUNCTION credit_gz.grant_credit_agency(regrole, text) IS
    '信用服务机构授权 (三(八)): a licensed credit service agency reads as audience credit_agency, every read logged.';

CREATE FUNCTION credit_gz.grant_financial_institution(role regrole, institution_id bigint)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'financial_institution', institution_id => $2) $$;
COMMENT ON FUNCTION credit_gz.grant_financial_institution(regrole, bigint) IS
    '金融机构授权 (三(六) 信易贷): the role acts for the institution (a subject); it reads labels only of subjects '
    'that authorised that institution.';

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

REVOKE ALL ON FUNCTION credit_gz.grant_role(regrole, text, text, bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_self_service(regrole) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_department(regrole, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_public_reader(regrole) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_analyst(regrole) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_credit_agency(regrole, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_financial_institution(regrole, bigint) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- Authorisations (三(六) 信易贷: 经市场主体授权后 … 向金融机构提供标签化的公共信用信息)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.authorization (
    authorization_id bigint      GENERATED ALWAYS AS IDENTITY,
    subject_id       bigint      NOT NULL REFERENCES credit_gz.subject (subject_id),
    -- another subject, so no foreign key (shards): authorization_institution_id_fkey checks it
    institution_id   bigint      NOT NULL,
    purpose          text        NOT NULL CHECK (purpose <> ''),
    evidence         text        NOT NULL CHECK (evidence <> ''),
    valid_from       timestamptz NOT NULL,
    valid_until      timestamptz NOT NULL,
    revoked_at       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT pg_catalog.now(),
    created_by       name        NOT NULL DEFAULT CURRENT_USER,
    CHECK (valid_until > valid_from),
    CHECK (subject_id <> institution_id),
    PRIMARY KEY (subject_id, authorization_id)
);
CREATE INDEX authorization_subject_idx ON credit_gz.authorization (subject_id, institution_id, valid_until);
COMMENT ON INDEX credit_gz.authorization_subject_idx IS
    'Authorisation check: valid authorisations of a subject for an institution.';
CREATE CONSTRAINT TRIGGER authorization_institution_id_fkey AFTER INSERT OR UPDATE OF institution_id
    ON credit_gz.authorization FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_reference_check('institution_id');
COMMENT ON TRIGGER authorization_institution_id_fkey ON credit_gz.authorization IS
    'the institution exists (a foreign key to another subject, checked by trigger).';
CREATE TRIGGER authorization_institution_id_fkey AFTER UPDATE OF subject_id OR DELETE ON credit_gz.subject
    FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_referenced_check('authorization', 'institution_id');
COMMENT ON TRIGGER authorization_institution_id_fkey ON credit_gz.subject IS
    'an institution named by authorisations stays (NO ACTION).';
COMMENT ON TABLE credit_gz.authorization IS
    '信用信息查询授权 / a subject''s authorisation of a financial institution to read its labelled credit information '
    'for a period (三(六) 信易贷). Live while valid_from <= now < valid_until and not revoked.';
COMMENT ON COLUMN credit_gz.authorization.authorization_id IS '授权编号 / authorisation id';
COMMENT ON COLUMN credit_gz.authorization.subject_id IS '授权主体 / the subject that authorises';
COMMENT ON COLUMN credit_gz.authorization.institution_id IS '被授权金融机构 / the financial institution authorised (a subject)';
COMMENT ON COLUMN credit_gz.authorization.purpose IS '授权用途 / purpose, e.g. 贷款审批';
COMMENT ON COLUMN credit_gz.authorization.evidence IS '授权凭证 / reference of the signed authorisation';
COMMENT ON COLUMN credit_gz.authorization.valid_from IS '授权起始 / first instant the authorisation holds';
COMMENT ON COLUMN credit_gz.authorization.valid_until IS '授权截止 / first instant the authorisation no longer holds';
COMMENT ON COLUMN credit_gz.authorization.revoked_at IS '撤回时间 / when the subject withdrew it (NULL: not withdrawn)';
COMMENT ON COLUMN credit_gz.authorization.created_at IS '登记时间 / when recorded';
COMMENT ON COLUMN credit_gz.authorization.created_by IS '登记角色 / role that recorded it';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.authorization', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.authorization_authorization_id_seq', '');

-- A financial institution records only authorisations given to itself, and sees only those.
ALTER TABLE credit_gz.authorization ENABLE ROW LEVEL SECURITY;
CREATE POLICY authorization_institution ON credit_gz.authorization
    USING (institution_id = ANY (credit_gz.my_institutions())
           OR credit_gz.my_departments() <> '{}')
    WITH CHECK (institution_id = ANY (credit_gz.my_institutions()));
COMMENT ON POLICY authorization_institution ON credit_gz.authorization IS
    'Financial institutions read and record only authorisations given to them; departments read all.';

-- authorization_is_live: is there a live authorisation of the institution by the subject at a moment?
CREATE FUNCTION credit_gz.authorization_is_live(subject_id bigint, institution_id bigint,
                                                at timestamptz DEFAULT pg_catalog.now())
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM credit_gz.authorization a
                    WHERE a.subject_id = $1 AND a.institution_id = $2
                      AND credit_gz.in_force(a.valid_from, a.valid_until, $3)
                      AND (a.revoked_at IS NULL OR a.revoked_at > $3))
$$;
COMMENT ON FUNCTION credit_gz.authorization_is_live(bigint, bigint, timestamptz) IS
    'True while the subject''s authorisation of the institution is in its period and not withdrawn.';

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

-- ---------------------------------------------------------------------------------------------------------------
-- Row-level security: 谁认定谁负责 — a department writes only its own department's rows, reads what sharing allows.
-- Table owners (the extension owner) and superusers are not subject to these policies.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.record ENABLE ROW LEVEL SECURITY;
CREATE POLICY record_department_read ON credit_gz.record FOR SELECT
    USING (department_code = ANY (credit_gz.my_departments())
           OR (credit_gz.my_departments() <> '{}'
               AND status <> 'revoked' AND disclosure IN ('public', 'government', 'archived')
               AND (sharing_ended_on IS NULL OR sharing_ended_on > credit_gz.policy_date())));
CREATE POLICY record_department_insert ON credit_gz.record FOR INSERT
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY record_department_update ON credit_gz.record FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY record_department_delete ON credit_gz.record FOR DELETE
    USING (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY record_department_read ON credit_gz.record IS
    '政务共享: a department reads its own records at every level, and other departments'' public, government-shared '
    'and archived records until their 停止共享和使用 day (authorised-query records stay with their department).';
COMMENT ON POLICY record_department_insert ON credit_gz.record IS '谁认定谁负责: a department inserts only its own records.';
COMMENT ON POLICY record_department_update ON credit_gz.record IS '谁认定谁负责: a department updates only its own records.';
COMMENT ON POLICY record_department_delete ON credit_gz.record IS '谁认定谁负责: a department deletes only its own records.';
-- The document lookup answers a department for its own documents only (load_record finds its re-sends there).
ALTER TABLE credit_gz.record_document ENABLE ROW LEVEL SECURITY;
CREATE POLICY record_document_department_read ON credit_gz.record_document FOR SELECT
    USING (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY record_document_department_read ON credit_gz.record_document IS
    '谁认定谁负责: a department reads the document numbers of its own records.';

-- Commitments: the accepting department writes them (a breach pushes a record in its name, 二(三)); all departments
-- read them (联合奖惩 needs them).
ALTER TABLE credit_gz.commitment ENABLE ROW LEVEL SECURITY;
CREATE POLICY commitment_department_read ON credit_gz.commitment FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY commitment_department_insert ON credit_gz.commitment FOR INSERT
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY commitment_department_update ON credit_gz.commitment FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY commitment_department_delete ON credit_gz.commitment FOR DELETE
    USING (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY commitment_department_read ON credit_gz.commitment IS '政务共享: every department reads commitments.';
COMMENT ON POLICY commitment_department_insert ON credit_gz.commitment IS
    '谁认定谁负责: a department records commitments it accepts.';
COMMENT ON POLICY commitment_department_update ON credit_gz.commitment IS
    '谁认定谁负责: only the accepting department determines fulfilment or breach.';
COMMENT ON POLICY commitment_department_delete ON credit_gz.commitment IS
    '谁认定谁负责: only the accepting department deletes its commitments.';

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

-- ---------------------------------------------------------------------------------------------------------------
-- What each role may see: disclosed_* views (one row per audience the current role may read as), and the public_*
-- views for the public. Views run with their owner's rights, so roles need no access to the tables; current_user
-- inside them is still the caller, which is what the filters test.
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.disclosed_subject WITH (security_barrier = true) AS
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
COMMENT ON VIEW credit_gz.disclosed_subject IS
    '可见主体 / subjects as each audience the current role may read as sees them: identity numbers of natural persons '
    'masked unless the audience may see them (identity_code); financial institutions only under a live '
    'authorisation, self only in a report naming the subject (credit_gz.audience_sees_subject).';
COMMENT ON COLUMN credit_gz.disclosed_subject.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_subject.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_subject.name IS '名称或姓名 / name';
COMMENT ON COLUMN credit_gz.disclosed_subject.kind IS '主体类别 / kind of subject';
COMMENT ON COLUMN credit_gz.disclosed_subject.natural_person IS '是否自然人 / natural person';
COMMENT ON COLUMN credit_gz.disclosed_subject.identity_code IS '统一社会信用代码、身份证号或其他身份证件(按对象脱敏) / unified code, or identity number or document masked for the audience (identity_code)';
COMMENT ON COLUMN credit_gz.disclosed_subject.district IS '所属区 / district';
COMMENT ON COLUMN credit_gz.disclosed_subject.status IS '主体状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_subject.registered_on IS '登记日期 / registration date';

CREATE VIEW credit_gz.disclosed_record WITH (security_barrier = true) AS
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
COMMENT ON COLUMN credit_gz.disclosed_record.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_record.record_id IS '记录编号 / record id';
COMMENT ON COLUMN credit_gz.disclosed_record.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_record.item_code IS '信息项 / catalogue item';
COMMENT ON COLUMN credit_gz.disclosed_record.item_name IS '信息项名称 / catalogue item name';
COMMENT ON COLUMN credit_gz.disclosed_record.item_kind IS '信息类别 / kind of item';
COMMENT ON COLUMN credit_gz.disclosed_record.polarity IS '守信/失信 / positive, negative or neutral';
COMMENT ON COLUMN credit_gz.disclosed_record.domain_code IS '监管领域 / domain';
COMMENT ON COLUMN credit_gz.disclosed_record.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.disclosed_record.document_no IS '决定文书号 / decision document number';
COMMENT ON COLUMN credit_gz.disclosed_record.decision_date IS '决定日期 / decision date';
COMMENT ON COLUMN credit_gz.disclosed_record.severity IS '严重程度 / severity';
COMMENT ON COLUMN credit_gz.disclosed_record.level IS '当前披露等级 / disclosure level today';
COMMENT ON COLUMN credit_gz.disclosed_record.status IS '状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_record.under_objection IS '异议中 / under objection';
COMMENT ON COLUMN credit_gz.disclosed_record.publish_from IS '公示起始 / published from';
COMMENT ON COLUMN credit_gz.disclosed_record.repairable_from IS '可申请修复日期 / repair may be applied for from';
COMMENT ON COLUMN credit_gz.disclosed_record.publish_until IS '公示截止日 / first day no longer published';
COMMENT ON COLUMN credit_gz.disclosed_record.shielded_by IS
    '破产重整屏蔽依据 / the court decision under which the record is shielded from publicity during a bankruptcy '
    'restructuring (credit_gz.restructuring_shield), NULL when not shielded';

CREATE VIEW credit_gz.disclosed_commitment WITH (security_barrier = true) AS
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
COMMENT ON VIEW credit_gz.disclosed_commitment IS
    '可见信用承诺 / credit commitments as each audience sees them: public commitments (信用承诺公示) for everyone, '
    'the others shared with government and the subject.';
COMMENT ON COLUMN credit_gz.disclosed_commitment.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_commitment.commitment_id IS '承诺编号 / commitment id';
COMMENT ON COLUMN credit_gz.disclosed_commitment.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_commitment.kind IS '承诺类型 / kind of commitment';
COMMENT ON COLUMN credit_gz.disclosed_commitment.matter IS '承诺事项 / matter';
COMMENT ON COLUMN credit_gz.disclosed_commitment.due_date IS '履约期限 / due date';
COMMENT ON COLUMN credit_gz.disclosed_commitment.status IS '履约状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_commitment.is_public IS '是否公示 / published';
COMMENT ON COLUMN credit_gz.disclosed_commitment.level IS '披露等级 / disclosure level';

-- The public views: what 社会公众 see. Only published records inside their window, identity numbers masked.
CREATE VIEW credit_gz.public_subject WITH (security_barrier = true) AS
SELECT s.subject_id, s.name, s.kind, s.natural_person, s.identity_code, s.district, s.status, s.registered_on
  FROM credit_gz.disclosed_subject s
 WHERE s.audience = 'public'
   AND (NOT s.natural_person
        OR EXISTS (SELECT 1 FROM credit_gz.disclosed_record d
                    WHERE d.subject_id = s.subject_id AND d.audience = 'public' AND d.level = 'public'));
COMMENT ON VIEW credit_gz.public_subject IS
    '公开主体信息 / subjects as the public sees them: organisations, and natural persons only while they have a '
    'published record; identity numbers masked (identity_code).';
COMMENT ON COLUMN credit_gz.public_subject.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.public_subject.name IS '名称或姓名 / name';
COMMENT ON COLUMN credit_gz.public_subject.kind IS '主体类别 / kind of subject';
COMMENT ON COLUMN credit_gz.public_subject.natural_person IS '是否自然人 / natural person';
COMMENT ON COLUMN credit_gz.public_subject.identity_code IS '统一社会信用代码或脱敏身份证号 / unified code, or masked identity number';
COMMENT ON COLUMN credit_gz.public_subject.district IS '所属区 / district';
COMMENT ON COLUMN credit_gz.public_subject.status IS '主体状态 / status';
COMMENT ON COLUMN credit_gz.public_subject.registered_on IS '登记日期 / registration date';

CREATE VIEW credit_gz.public_record WITH (security_barrier = true) AS
SELECT d.record_id, d.subject_id, s.name AS subject_name, s.identity_code, d.item_code, d.item_name, d.item_kind,
       d.polarity, d.domain_code, d.department_code, d.document_no, d.decision_date, d.severity, d.under_objection,
       d.publish_from, d.publish_until
  FROM credit_gz.disclosed_record d
  JOIN credit_gz.disclosed_subject s ON s.subject_id = d.subject_id AND s.audience = 'public'
 WHERE d.audience = 'public' AND d.level = 'public' AND credit_gz.record_counts(d.status);
COMMENT ON VIEW credit_gz.public_record IS
    '公示信用记录 / published credit records: public level, inside their publicity window, marked when under objection; '
    'identity numbers masked.';
COMMENT ON COLUMN credit_gz.public_record.record_id IS '记录编号 / record id';
COMMENT ON COLUMN credit_gz.public_record.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.public_record.subject_name IS '主体名称 / subject name';
COMMENT ON COLUMN credit_gz.public_record.identity_code IS '统一社会信用代码或脱敏身份证号 / unified code, or masked identity number';
COMMENT ON COLUMN credit_gz.public_record.item_code IS '信息项 / catalogue item';
COMMENT ON COLUMN credit_gz.public_record.item_name IS '信息项名称 / catalogue item name';
COMMENT ON COLUMN credit_gz.public_record.item_kind IS '信息类别 / kind of item';
COMMENT ON COLUMN credit_gz.public_record.polarity IS '守信/失信 / positive, negative or neutral';
COMMENT ON COLUMN credit_gz.public_record.domain_code IS '监管领域 / domain';
COMMENT ON COLUMN credit_gz.public_record.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.public_record.document_no IS '决定文书号 / decision document number';
COMMENT ON COLUMN credit_gz.public_record.decision_date IS '决定日期 / decision date';
COMMENT ON COLUMN credit_gz.public_record.severity IS '严重程度 / severity';
COMMENT ON COLUMN credit_gz.public_record.under_objection IS '异议中 / under objection';
COMMENT ON COLUMN credit_gz.public_record.publish_from IS '公示起始 / published from';
COMMENT ON COLUMN credit_gz.public_record.publish_until IS '公示截止日 / first day no longer published';

CREATE VIEW credit_gz.public_commitment WITH (security_barrier = true) AS
SELECT d.commitment_id, d.subject_id, s.name AS subject_name, s.identity_code, d.kind, d.matter, d.due_date, d.status
  FROM credit_gz.disclosed_commitment d
  JOIN credit_gz.disclosed_subject s ON s.subject_id = d.subject_id AND s.audience = 'public'
 WHERE d.audience = 'public';
COMMENT ON VIEW credit_gz.public_commitment IS '信用承诺公示 / published credit commitments.';
COMMENT ON COLUMN credit_gz.public_commitment.commitment_id IS '承诺编号 / commitment id';
COMMENT ON COLUMN credit_gz.public_commitment.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.public_commitment.subject_name IS '主体名称 / subject name';
COMMENT ON COLUMN credit_gz.public_commitment.identity_code IS '统一社会信用代码或脱敏身份证号 / unified code, or masked identity number';
COMMENT ON COLUMN credit_gz.public_commitment.kind IS '承诺类型 / kind of commitment';
COMMENT ON COLUMN credit_gz.public_commitment.matter IS '承诺事项 / matter';
COMMENT ON COLUMN credit_gz.public_commitment.due_date IS '履约期限 / due date';
COMMENT ON COLUMN credit_gz.public_commitment.status IS '履约状态 / status';

-- ---------------------------------------------------------------------------------------------------------------
-- Credit reports (信用报告代替证明材料) and labels (标签化的公共信用信息). SECURITY INVOKER: they read through the
-- disclosed_* / public_* views, so a report can never show more than the caller's role may see, and the query-log
-- entry names the role that really read.
-- ---------------------------------------------------------------------------------------------------------------

-- check_audience: the audience exists and the current role may read as it; raises otherwise.
CREATE FUNCTION credit_gz.check_audience(audience text)
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
COMMENT ON FUNCTION credit_gz.check_audience(text) IS
    'Returns the audience if the current role may read as it; 22023 for an unknown audience, 42501 otherwise.';

-- report_section: the rows of one disclosed_* (or public_*) view for a subject, as a jsonb array. The section and
-- its order are checked against a fixed list, so no text argument ever becomes SQL: the statement is built from the
-- list's own value (%s) and the view's name (%I).
CREATE FUNCTION credit_gz.report_section(view_name text, subject_id bigint, audience text, order_by text)
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
COMMENT ON FUNCTION credit_gz.report_section(text, bigint, text, text) IS
    'Internal to the reports: one section (subject, record, commitment, …) of what an audience sees of a subject, read '
    'through credit_gz.public_<section> for the public and credit_gz.disclosed_<section> otherwise.';

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

-- credit_report: everything the audience may see of a subject, logged.
CREATE FUNCTION credit_gz.credit_report(subject_id bigint, audience text, purpose text DEFAULT NULL)
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
COMMENT ON FUNCTION credit_gz.credit_report(bigint, text, text) IS
    '信用报告: what the audience (public, credit_agency, financial_institution, self, government) may see of a subject — '
    'identity, records in publicity (marked when under objection), commitments — nothing more; logged in '
    'credit_gz.query_log. Raises 42501 when the current role may not read as the audience.';

-- credit_labels: 标签化的公共信用信息 for a financial institution, only under the subject's live authorisation.
-- Labels, not raw records: bands and flags a lender can use in a model (联合建模) without the documents.
CREATE FUNCTION credit_gz.credit_labels(subject_id bigint, institution_id bigint)
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
COMMENT ON FUNCTION credit_gz.credit_labels(bigint, bigint) IS
    '信易贷标签: labelled public credit information (bands and flags, not documents) for a financial institution, only '
    'under the subject''s live authorisation (CG702 otherwise) and only to a role acting for that institution (42501); '
    'logged in credit_gz.query_log.';

-- credit_report_text: the same report as readable Chinese text (信用报告), e.g. for a counter (信用服务窗口).
CREATE FUNCTION credit_gz.credit_report_text(subject_id bigint, audience text, purpose text DEFAULT NULL)
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
COMMENT ON FUNCTION credit_gz.credit_report_text(bigint, text, text) IS
    '信用报告(文本): credit_gz.credit_report as a readable Chinese report; the same disclosure rules and the same '
    'query-log entry. Periods print as 起 至 止 with the last day in force (公示截止期), as the national report does.';

-- ---------------------------------------------------------------------------------------------------------------
-- Lists (联合奖惩): row-level security on list entries and what each audience sees of them
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.list_disclosure (
    list_type_code text    NOT NULL PRIMARY KEY REFERENCES credit_gz.list_type (code) ON UPDATE CASCADE ON DELETE CASCADE,
    disclosure     text    NOT NULL CHECK (disclosure IN ('public', 'authorised', 'government')),
    shipped        boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.list_disclosure IS
    '名单公开方式 / disclosure level of entries in force, per list type: 失信联合惩戒对象名单, 经营异常名录 and red '
    'lists are public (依法依规向社会公示); 重点关注名单 is shared with government only. A list type without a row here is '
    'treated as government-only until a DBA decides. Entries no longer in force are archived.';
COMMENT ON COLUMN credit_gz.list_disclosure.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.list_disclosure.disclosure IS '公开方式 / public, authorised or government';
COMMENT ON COLUMN credit_gz.list_disclosure.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
INSERT INTO credit_gz.list_disclosure (list_type_code, disclosure)
SELECT code, CASE WHEN code = 'key_attention' THEN 'government' ELSE 'public' END FROM credit_gz.list_type;
ALTER TABLE credit_gz.list_disclosure ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_disclosure', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.list_disclosure TO PUBLIC;

-- 谁认定谁负责: a department writes only its own entries; every department reads all entries (joint punishment needs
-- them: a pre-check of department A applies the list of department B).
ALTER TABLE credit_gz.list_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY list_entry_department_read ON credit_gz.list_entry FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY list_entry_department_insert ON credit_gz.list_entry FOR INSERT
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY list_entry_department_update ON credit_gz.list_entry FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY list_entry_department_delete ON credit_gz.list_entry FOR DELETE
    USING (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY list_entry_department_read ON credit_gz.list_entry IS
    '联合奖惩: every department reads every list entry.';
COMMENT ON POLICY list_entry_department_insert ON credit_gz.list_entry IS
    '谁认定谁负责: a department lists subjects only in its own name (derived entries keep the source''s department).';
COMMENT ON POLICY list_entry_department_update ON credit_gz.list_entry IS
    '谁认定谁负责: only the determining department lifts or changes its entries.';
COMMENT ON POLICY list_entry_department_delete ON credit_gz.list_entry IS
    '谁认定谁负责: only the determining department deletes its entries.';

-- A relation recorded by one department may derive entries in the name of the department that determined the
-- source entry (propagation keeps the source's department). The relation trigger therefore runs as the extension
-- owner, as a maintenance step of the database, not as a write by the department; its search_path is pinned.
ALTER FUNCTION credit_gz.relation_propagate() SECURITY DEFINER;

-- Repair applications and objections: any department's counter (信用服务窗口) may register one for a subject, every
-- department reads them, only the handling department decides (谁认定、谁修复).
ALTER TABLE credit_gz.repair_application ENABLE ROW LEVEL SECURITY;
CREATE POLICY repair_application_department_read ON credit_gz.repair_application FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY repair_application_department_insert ON credit_gz.repair_application FOR INSERT
    WITH CHECK (credit_gz.my_departments() <> '{}');
CREATE POLICY repair_application_department_update ON credit_gz.repair_application FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY repair_application_department_read ON credit_gz.repair_application IS '政务共享: departments read repair applications.';
COMMENT ON POLICY repair_application_department_insert ON credit_gz.repair_application IS
    '一网通办: any department''s counter registers an application (the handling department is set from the record).';
COMMENT ON POLICY repair_application_department_update ON credit_gz.repair_application IS
    '谁认定、谁修复: only the handling department accepts, refuses, approves or rejects.';
ALTER TABLE credit_gz.objection ENABLE ROW LEVEL SECURITY;
CREATE POLICY objection_department_read ON credit_gz.objection FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY objection_department_insert ON credit_gz.objection FOR INSERT
    WITH CHECK (credit_gz.my_departments() <> '{}');
CREATE POLICY objection_department_update ON credit_gz.objection FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY objection_department_read ON credit_gz.objection IS '政务共享: departments read objections.';
COMMENT ON POLICY objection_department_insert ON credit_gz.objection IS
    'Any department''s counter registers an objection; the record is marked under objection at once.';
COMMENT ON POLICY objection_department_update ON credit_gz.objection IS
    '谁认定谁负责: only the providing department resolves an objection against its record.';

CREATE VIEW credit_gz.disclosed_list_entry WITH (security_barrier = true) AS
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
COMMENT ON VIEW credit_gz.disclosed_list_entry IS
    '可见名单信息 / list entries as each audience the current role may read as sees them (credit_gz.list_disclosure '
    'for entries in force; entries no longer in force are archived).';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.entry_id IS '列入编号 / entry id';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.list_name IS '名单名称 / list name';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.polarity IS '惩戒/激励/关注 / punishment, reward or attention';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.basis_document IS '认定文书 / basis document';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.effective_from IS '列入日期 / first day in force';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.effective_until IS '列入期限届满后首日 / first day no longer in force';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.status IS '状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.derived IS '关联推送产生 / derived along a relation';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.level IS '披露等级 / disclosure level';

CREATE VIEW credit_gz.public_list_entry WITH (security_barrier = true) AS
SELECT d.entry_id, d.subject_id, s.name AS subject_name, s.identity_code, d.list_type_code, d.list_name, d.polarity,
       d.department_code, d.basis_document, d.effective_from, d.effective_until, d.status, d.derived
  FROM credit_gz.disclosed_list_entry d
  JOIN credit_gz.disclosed_subject s ON s.subject_id = d.subject_id AND s.audience = 'public'
 WHERE d.audience = 'public' AND d.level = 'public';
COMMENT ON VIEW credit_gz.public_list_entry IS
    '名单公示 / list entries in force that are published (失信联合惩戒对象, 经营异常, 红名单); identity numbers masked.';
COMMENT ON COLUMN credit_gz.public_list_entry.entry_id IS '列入编号 / entry id';
COMMENT ON COLUMN credit_gz.public_list_entry.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.public_list_entry.subject_name IS '主体名称 / subject name';
COMMENT ON COLUMN credit_gz.public_list_entry.identity_code IS '统一社会信用代码或脱敏身份证号 / unified code, or masked identity number';
COMMENT ON COLUMN credit_gz.public_list_entry.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.public_list_entry.list_name IS '名单名称 / list name';
COMMENT ON COLUMN credit_gz.public_list_entry.polarity IS '惩戒/激励/关注 / punishment, reward or attention';
COMMENT ON COLUMN credit_gz.public_list_entry.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.public_list_entry.basis_document IS '认定文书 / basis document';
COMMENT ON COLUMN credit_gz.public_list_entry.effective_from IS '列入日期 / first day in force';
COMMENT ON COLUMN credit_gz.public_list_entry.effective_until IS '列入期限届满后首日 / first day no longer in force';
COMMENT ON COLUMN credit_gz.public_list_entry.status IS '状态 / status';
COMMENT ON COLUMN credit_gz.public_list_entry.derived IS '关联推送产生 / derived along a relation';

-- ---------------------------------------------------------------------------------------------------------------
-- Repairs and objections (二(四)) in reports: the subject itself and government see them
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.disclosed_repair WITH (security_barrier = true) AS
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
COMMENT ON VIEW credit_gz.disclosed_repair IS
    '可见信用修复与异议 / repair applications and objections, for the audiences that may see them (the subject itself, '
    'government).';
COMMENT ON COLUMN credit_gz.disclosed_repair.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_repair.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_repair.kind IS '类别 / repair (信用修复) or objection (异议)';
COMMENT ON COLUMN credit_gz.disclosed_repair.id IS '申请编号 / application or objection id';
COMMENT ON COLUMN credit_gz.disclosed_repair.record_id IS '信用记录 / record concerned';
COMMENT ON COLUMN credit_gz.disclosed_repair.entry_id IS '名单记录 / list entry concerned';
COMMENT ON COLUMN credit_gz.disclosed_repair.department_code IS '办理部门 / handling department';
COMMENT ON COLUMN credit_gz.disclosed_repair.status IS '状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_repair.outcome IS '异议结果 / objection outcome (corrected, revoked, upheld)';
COMMENT ON COLUMN credit_gz.disclosed_repair.submitted_at IS '提交时间 / submitted at';
COMMENT ON COLUMN credit_gz.disclosed_repair.decided_at IS '办结时间 / decided or resolved at';

-- ---------------------------------------------------------------------------------------------------------------
-- Grades (分级分类监管) in reports and labels: audiences with sees_grades (government, self, financial institutions)
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.disclosed_grade WITH (security_barrier = true) AS
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
COMMENT ON VIEW credit_gz.disclosed_grade IS
    '可见信用等级 / credit grades and scores per model with the last five grade changes, for the audiences that may see '
    'grades (government, the subject itself, financial institutions under authorisation).';
COMMENT ON COLUMN credit_gz.disclosed_grade.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_grade.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_grade.model_code IS '评价模型 / scoring model';
COMMENT ON COLUMN credit_gz.disclosed_grade.model_name IS '模型名称 / model name';
COMMENT ON COLUMN credit_gz.disclosed_grade.model_kind IS '模型类别 / domain, comprehensive or risk';
COMMENT ON COLUMN credit_gz.disclosed_grade.domain_code IS '评价领域 / evaluated domain';
COMMENT ON COLUMN credit_gz.disclosed_grade.score IS '分值 / score';
COMMENT ON COLUMN credit_gz.disclosed_grade.grade IS '等级 / grade';
COMMENT ON COLUMN credit_gz.disclosed_grade.grade_label IS '等级说明 / grade label';
COMMENT ON COLUMN credit_gz.disclosed_grade.updated_at IS '更新时间 / last change';
COMMENT ON COLUMN credit_gz.disclosed_grade.history IS '最近等级变动 / last five grade changes';
