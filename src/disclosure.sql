-- Disclosure and security of credit information (十七: 制定公共信用信息披露和使用工作指引 … 严格落实信用信息安全保护制度).
-- The query log: every read of a subject's credit information through pre-check, reports and labels leaves an entry
-- that nobody can alter; only credit_gz.purge_query_log() removes entries, and only those past the retention period.
-- SQLSTATEs of this part (doc/disclosure.md): CG701 query log is append-only.

-- ---------------------------------------------------------------------------------------------------------------
-- Retention of the query log (data with effective dates: the period is a site rule, not code)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.query_log_retention (
    effective_from date     NOT NULL PRIMARY KEY,
    retention      interval NOT NULL CHECK (retention >= interval '1 year'),
    basis          text     NOT NULL,
    shipped        boolean  NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.query_log_retention IS
    '查询日志保存期限 / query-log retention period, by the date it took effect; credit_gz.purge_query_log() keeps '
    'entries younger than the period in force. At least one year, so a year of reads is always auditable.';
COMMENT ON COLUMN credit_gz.query_log_retention.effective_from IS '生效日期 / date the period took effect';
COMMENT ON COLUMN credit_gz.query_log_retention.retention IS '保存期限 / how long entries are kept';
COMMENT ON COLUMN credit_gz.query_log_retention.basis IS '依据 / basis (rule or decision) for the period';
COMMENT ON COLUMN credit_gz.query_log_retention.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';

-- Five years: as long as negative information may stay published under 《广州市公共信用信息管理规定》 (2024), so a
-- subject can learn who read anything that was ever published about it. A site changes it by inserting a row.
INSERT INTO credit_gz.query_log_retention (effective_from, retention, basis) VALUES
    ('2020-01-01', interval '5 years',
     '默认: 与《广州市公共信用信息管理规定》失信信息最长公开期限(5年)一致 / default: the 5-year maximum publicity of negative information');
ALTER TABLE credit_gz.query_log_retention ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.query_log_retention', 'WHERE NOT shipped');

-- ---------------------------------------------------------------------------------------------------------------
-- The query log
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.query_log (
    log_id          bigint      GENERATED ALWAYS AS IDENTITY (CACHE 64) PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    role_name       name        NOT NULL DEFAULT CURRENT_USER,
    session_role    name        NOT NULL DEFAULT SESSION_USER,
    department_code text,
    subject_id      bigint,
    via             text        NOT NULL CHECK (via IN ('precheck', 'report', 'labels', 'other')),
    audience        text,
    purpose         text        NOT NULL CHECK (purpose <> '')
);
-- Who read my information (subjects may ask); BRIN on time for retention (entries arrive in time order).
CREATE INDEX query_log_subject_idx ON credit_gz.query_log (subject_id, at);
CREATE INDEX query_log_at_brin ON credit_gz.query_log USING brin (at);
COMMENT ON TABLE credit_gz.query_log IS
    '信用信息查询日志 / credit information query log: one entry per read of a subject''s credit information through '
    'pre-check, credit reports and labels (十七 信用信息安全保护). Append-only: UPDATE, DELETE and TRUNCATE are refused '
    '(SQLSTATE CG701) except credit_gz.purge_query_log() removing entries past the retention period.';
COMMENT ON COLUMN credit_gz.query_log.log_id IS '日志编号 / entry id';
COMMENT ON COLUMN credit_gz.query_log.at IS '查询时间 / when (transaction time)';
COMMENT ON COLUMN credit_gz.query_log.role_name IS '查询角色 / the role that read (current_user; set by the database)';
COMMENT ON COLUMN credit_gz.query_log.session_role IS '会话登录角色 / the login role of the session (session_user)';
COMMENT ON COLUMN credit_gz.query_log.department_code IS '查询部门 / the department the role acts for (NULL: none or several)';
COMMENT ON COLUMN credit_gz.query_log.subject_id IS '被查询主体 / subject read (NULL: the subject is not in the archive)';
COMMENT ON COLUMN credit_gz.query_log.via IS '查询途径 / precheck, report, labels or other';
COMMENT ON COLUMN credit_gz.query_log.audience IS '披露对象 / audience the information was disclosed to';
COMMENT ON COLUMN credit_gz.query_log.purpose IS '查询用途 / purpose of the read';

-- The log is data the site must keep: pg_dump includes it (and its identity sequence).
SELECT pg_catalog.pg_extension_config_dump('credit_gz.query_log', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.query_log_log_id_seq', '');

-- query_log_purge_allowed: is credit_gz.query_log_purge on? In C so that asking loads the module (see disclosure.c).
CREATE FUNCTION credit_gz.query_log_purge_allowed()
RETURNS boolean
LANGUAGE c STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'query_log_purge_allowed';
COMMENT ON FUNCTION credit_gz.query_log_purge_allowed() IS
    'Internal: true only inside credit_gz.purge_query_log() (the superuser-only setting credit_gz.query_log_purge).';

-- query_log_retention_at: the retention period in force on a date.
CREATE FUNCTION credit_gz.query_log_retention_at(as_of date)
RETURNS interval
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT retention FROM credit_gz.query_log_retention
     WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.query_log_retention_at(date) IS
    'The query-log retention period in force on a date (credit_gz.query_log_retention).';

-- query_log_stamp: whoever inserts, the database states who and when (a caller cannot backdate or impersonate).
CREATE FUNCTION credit_gz.query_log_stamp()
RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- A superuser restoring a dump (pg_restore COPYs the log back) keeps the original stamps; anyone else is
    -- stamped now. A superuser could forge entries in any case.
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = CURRENT_USER), false) THEN
        NEW.at := pg_catalog.now();
        NEW.role_name := CURRENT_USER;
        NEW.session_role := SESSION_USER;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.query_log_stamp() IS
    'Trigger: sets at, role_name and session_role of a new query-log entry from the session, whatever was supplied '
    '(superusers, who restore dumps, keep what they supply).';
CREATE TRIGGER query_log_stamp BEFORE INSERT ON credit_gz.query_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_stamp();

-- query_log_guard: the log is append-only (十七). DELETE passes only inside purge_query_log and only for entries
-- older than the retention period; UPDATE and TRUNCATE never pass. Superusers could still disable the trigger:
-- that is outside what a database can prevent and shows in the server log.
CREATE FUNCTION credit_gz.query_log_guard()
RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF credit_gz.query_log_purge_allowed()
           AND OLD.at < pg_catalog.now() - credit_gz.query_log_retention_at(CURRENT_DATE) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'credit_gz.query_log is append-only'
        USING ERRCODE = 'CG701',
              DETAIL = pg_catalog.format('%s of query-log entries is refused for every role.', TG_OP),
              HINT = 'Entries past the retention period are removed by credit_gz.purge_query_log().';
END
$$;
COMMENT ON FUNCTION credit_gz.query_log_guard() IS
    'Trigger: refuses UPDATE, DELETE and TRUNCATE on credit_gz.query_log (SQLSTATE CG701), except deletions of '
    'entries past the retention period by credit_gz.purge_query_log().';
CREATE TRIGGER query_log_guard BEFORE UPDATE OR DELETE ON credit_gz.query_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_guard();
CREATE TRIGGER query_log_guard_truncate BEFORE TRUNCATE ON credit_gz.query_log
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.query_log_guard();

-- purge_query_log: the one way entries leave the log. Idempotent; serialised by advisory lock key
-- hashtext('credit_gz.purge_query_log'); deletes in batches so a long backlog does not hold one huge transaction's
-- worth of locks. SECURITY DEFINER (owner: the extension owner, a superuser) so that it alone can set the purge flag.
CREATE FUNCTION credit_gz.purge_query_log(as_of timestamptz DEFAULT pg_catalog.now(), batch_size integer DEFAULT 10000)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cutoff  timestamptz;
    n       bigint;
    total   bigint := 0;
BEGIN
    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION 'batch_size must be positive' USING ERRCODE = '22023';
    END IF;
    -- as_of can only move the cutoff into the past: the trigger re-checks against now() in any case.
    cutoff := least(coalesce(as_of, pg_catalog.now()), pg_catalog.now())
              - credit_gz.query_log_retention_at(CURRENT_DATE);
    IF NOT pg_catalog.pg_try_advisory_xact_lock(pg_catalog.hashtext('credit_gz.purge_query_log')) THEN
        RETURN 0;   -- another purge is running; running twice would do nothing more
    END IF;
    PERFORM pg_catalog.set_config('credit_gz.query_log_purge', 'on', true);
    LOOP
        DELETE FROM credit_gz.query_log q
         WHERE q.log_id IN (SELECT l.log_id FROM credit_gz.query_log l
                             WHERE l.at < cutoff
                             ORDER BY l.at LIMIT batch_size FOR UPDATE SKIP LOCKED);
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total + n;
        EXIT WHEN n < batch_size;
    END LOOP;
    PERFORM pg_catalog.set_config('credit_gz.query_log_purge', 'off', true);
    RETURN total;
END
$$;
COMMENT ON FUNCTION credit_gz.purge_query_log(timestamptz, integer) IS
    'Removes query-log entries older than the retention period in force (credit_gz.query_log_retention); returns how '
    'many. The only way entries leave the append-only log. Idempotent; advisory lock hashtext(''credit_gz.purge_query_log'').';
REVOKE ALL ON FUNCTION credit_gz.purge_query_log(timestamptz, integer) FROM PUBLIC;

-- log_read: append one entry. Used by precheck, the reports and the labels in the caller's own rights, so the
-- entry names the role that really read. department_code defaults to the caller's department when it has one.
CREATE FUNCTION credit_gz.log_read(subject_id bigint, via text, purpose text, audience text DEFAULT NULL,
                                   department_code text DEFAULT NULL)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
    INSERT INTO credit_gz.query_log (subject_id, via, purpose, audience, department_code)
    VALUES ($1, $2, coalesce(nullif($3, ''), '未说明 / not stated'), $4, $5)
$$;
COMMENT ON FUNCTION credit_gz.log_read(bigint, text, text, text, text) IS
    'Appends an entry to credit_gz.query_log for a read of a subject''s credit information (who and when are set by '
    'the database).';
