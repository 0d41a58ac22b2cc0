-- The query log (十七 严格落实信用信息安全保护制度): every read of a subject's credit information through pre-check,
-- reports and labels leaves an entry that nobody can alter; only credit_gz.purge_query_log() removes entries, and only
-- those past the retention period. Written by src/query_log.c (synchronously, or queued for its worker).
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
-- Two tables: query_log holds reads named by a subject id, keyed (subject_id, log_id) so it can be distributed with
-- the subject's other rows; unknown_code_read_log holds reads by a code that matched no subject (a pre-check by a
-- uscc or resident id not on file), keyed by that code. Same columns otherwise, same rules.
CREATE TABLE credit_gz.query_log (
    subject_id      bigint      NOT NULL,
    log_id          bigint      GENERATED ALWAYS AS IDENTITY (CACHE 64),
    at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    role_name       name        NOT NULL DEFAULT CURRENT_USER,
    session_role    name        NOT NULL DEFAULT SESSION_USER,
    department_code text,
    via             text        NOT NULL CHECK (via IN ('precheck', 'report', 'labels', 'other')),
    audience        text,
    purpose         text        NOT NULL CHECK (purpose <> ''),
    domain_code     text,
    verdict         text        CONSTRAINT query_log_verdict_check
                                CHECK (verdict IN ('allow', 'allow_with_conditions', 'deny', 'no_record')),
    PRIMARY KEY (subject_id, log_id),
    CONSTRAINT query_log_precheck_fields CHECK (via = 'precheck' OR (domain_code IS NULL AND verdict IS NULL))
);
-- Who read my information (subjects may ask): the primary key gives one subject's entries (log_id follows time
-- closely enough that ordering a subject's few entries by `at` costs nothing), so no second B-tree is written per
-- read. BRIN on time for retention (entries arrive in time order).
CREATE INDEX query_log_at_brin_idx ON credit_gz.query_log USING brin (at);
COMMENT ON INDEX credit_gz.query_log_at_brin_idx IS
    'Retention purges by time; entries arrive in time order, so a BRIN index stays tiny.';
COMMENT ON TABLE credit_gz.query_log IS
    '信用信息查询日志 / credit information query log: one entry per read of a subject''s credit information through '
    'pre-check, credit reports and labels (十七 信用信息安全保护), keyed by subject. Reads of a code that matches no '
    'subject: credit_gz.unknown_code_read_log. Append-only: UPDATE, DELETE and TRUNCATE are refused (SQLSTATE CG701) '
    'except credit_gz.purge_query_log() removing entries past the retention period.';
COMMENT ON COLUMN credit_gz.query_log.subject_id IS '被查询主体 / subject read';
COMMENT ON COLUMN credit_gz.query_log.log_id IS '日志编号 / entry id';
COMMENT ON COLUMN credit_gz.query_log.at IS '查询时间 / when (transaction time)';
COMMENT ON COLUMN credit_gz.query_log.role_name IS '查询角色 / the role that read (current_user; set by the database)';
COMMENT ON COLUMN credit_gz.query_log.session_role IS '会话登录角色 / the login role of the session (session_user)';
COMMENT ON COLUMN credit_gz.query_log.department_code IS '查询部门 / the department the role acts for (NULL: none or several)';
COMMENT ON COLUMN credit_gz.query_log.via IS '查询途径 / precheck, report, labels or other';
COMMENT ON COLUMN credit_gz.query_log.audience IS '披露对象 / audience the information was disclosed to';
COMMENT ON COLUMN credit_gz.query_log.purpose IS '查询用途 / purpose of the read';
COMMENT ON COLUMN credit_gz.query_log.domain_code IS
    '核查领域 / the supervision domain a pre-check asked about (via = precheck; NULL for other reads and entries before 1.1)';
COMMENT ON COLUMN credit_gz.query_log.verdict IS
    '核查结论 / the pre-check''s verdict, as its answer gives it: allow, allow_with_conditions, deny or no_record (via = '
    'precheck; NULL for other reads and entries before 1.1)';

CREATE TABLE credit_gz.unknown_code_read_log (
    code            text        NOT NULL,
    log_id          bigint      GENERATED ALWAYS AS IDENTITY (CACHE 64),
    at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    role_name       name        NOT NULL DEFAULT CURRENT_USER,
    session_role    name        NOT NULL DEFAULT SESSION_USER,
    department_code text,
    via             text        NOT NULL CHECK (via IN ('precheck', 'report', 'labels', 'other')),
    audience        text,
    purpose         text        NOT NULL CHECK (purpose <> ''),
    domain_code     text,
    verdict         text        CONSTRAINT unknown_code_read_log_verdict_check
                                CHECK (verdict IN ('allow', 'allow_with_conditions', 'deny', 'no_record')),
    PRIMARY KEY (code, log_id),
    CONSTRAINT unknown_code_read_log_precheck_fields
        CHECK (via = 'precheck' OR (domain_code IS NULL AND verdict IS NULL))
);
CREATE INDEX unknown_code_read_log_at_brin_idx ON credit_gz.unknown_code_read_log USING brin (at);
COMMENT ON INDEX credit_gz.unknown_code_read_log_at_brin_idx IS
    'Retention purges by time; entries arrive in time order, so a BRIN index stays tiny.';
COMMENT ON TABLE credit_gz.unknown_code_read_log IS
    '未建档代码查询日志 / log of reads by a code that matches no subject: a pre-check by a unified social credit code, '
    'resident identity number or subject id given as text that is not on file (十七: every read is logged), keyed by '
    'the code as given (reads by subject id are in credit_gz.query_log under the id). Same columns and rules as credit_gz.query_log (append-only, CG701; credit_gz.purge_query_log()).';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.code IS
    '查询代码 / the code as given (uscc, resident id or subject id as text; cut to its first 63 bytes when longer)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.log_id IS '日志编号 / entry id';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.at IS '查询时间 / when (transaction time)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.role_name IS '查询角色 / the role that read (current_user; set by the database)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.session_role IS '会话登录角色 / the login role of the session (session_user)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.department_code IS '查询部门 / the department the role acts for (NULL: none or several)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.via IS '查询途径 / precheck, report, labels or other';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.audience IS '披露对象 / audience the information was disclosed to';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.purpose IS '查询用途 / purpose of the read';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.domain_code IS
    '核查领域 / the supervision domain a pre-check asked about (via = precheck; NULL for other reads and entries before 1.1)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.verdict IS
    '核查结论 / the pre-check''s verdict, as its answer gives it: allow, allow_with_conditions, deny or no_record (via = '
    'precheck; NULL for other reads and entries before 1.1)';

-- The logs are data the site must keep: pg_dump includes them (and their identity sequences).
SELECT pg_catalog.pg_extension_config_dump('credit_gz.query_log', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.query_log_log_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.unknown_code_read_log', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.unknown_code_read_log_log_id_seq', '');

-- query_log_purge_allowed: is credit_gz.query_log_purge on? In C so that asking loads the module (see src/query_log.c).
CREATE FUNCTION credit_gz.query_log_purge_allowed()
RETURNS boolean
LANGUAGE c STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_query_log_purge_allowed';
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
-- In C (src/query_log.c): the PL/pgSQL version asked pg_roles on every row, which cost more than the insert itself.
-- A superuser (restoring a dump, or the query-log worker writing queued entries) keeps the stamps it supplies;
-- anyone else is stamped with now(), current_user and session_user. A superuser could forge entries in any case.
CREATE FUNCTION credit_gz.query_log_stamp()
RETURNS trigger
LANGUAGE c VOLATILE
SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_query_log_stamp';
COMMENT ON FUNCTION credit_gz.query_log_stamp() IS
    'Trigger on credit_gz.query_log and credit_gz.unknown_code_read_log: sets at, role_name and session_role of a new '
    'entry from the session, whatever was supplied (superusers, who restore dumps and run the query-log worker, keep '
    'what they supply).';
CREATE TRIGGER query_log_stamp BEFORE INSERT ON credit_gz.query_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_stamp();
COMMENT ON TRIGGER query_log_stamp ON credit_gz.query_log IS
    '查询日志盖章 / sets time and roles of a new entry from the session, whatever was supplied';
CREATE TRIGGER unknown_code_read_log_stamp BEFORE INSERT ON credit_gz.unknown_code_read_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_stamp();
COMMENT ON TRIGGER unknown_code_read_log_stamp ON credit_gz.unknown_code_read_log IS
    '查询日志盖章 / sets time and roles of a new entry from the session, whatever was supplied';

-- query_log_guard: the logs are append-only (十七). DELETE passes only inside purge_query_log and only for entries
-- older than the retention period; UPDATE and TRUNCATE never pass. Superusers could still disable the trigger:
-- that is outside what a database can prevent and shows in the server log.
CREATE FUNCTION credit_gz.query_log_guard()
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
COMMENT ON FUNCTION credit_gz.query_log_guard() IS
    'Trigger: refuses UPDATE, DELETE and TRUNCATE on credit_gz.query_log and credit_gz.unknown_code_read_log '
    '(SQLSTATE CG701), except deletions of entries past the retention period by credit_gz.purge_query_log().';
CREATE TRIGGER query_log_guard BEFORE UPDATE OR DELETE ON credit_gz.query_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_guard();
COMMENT ON TRIGGER query_log_guard ON credit_gz.query_log IS
    '查询日志只增不改 / refuses UPDATE and DELETE (CG701) except purges past retention';
CREATE TRIGGER query_log_guard_truncate BEFORE TRUNCATE ON credit_gz.query_log
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.query_log_guard();
COMMENT ON TRIGGER query_log_guard_truncate ON credit_gz.query_log IS
    '查询日志只增不改 / refuses TRUNCATE (CG701)';
CREATE TRIGGER unknown_code_read_log_guard BEFORE UPDATE OR DELETE ON credit_gz.unknown_code_read_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_guard();
COMMENT ON TRIGGER unknown_code_read_log_guard ON credit_gz.unknown_code_read_log IS
    '查询日志只增不改 / refuses UPDATE and DELETE (CG701) except purges past retention';
CREATE TRIGGER unknown_code_read_log_guard_truncate BEFORE TRUNCATE ON credit_gz.unknown_code_read_log
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.query_log_guard();
COMMENT ON TRIGGER unknown_code_read_log_guard_truncate ON credit_gz.unknown_code_read_log IS
    '查询日志只增不改 / refuses TRUNCATE (CG701)';

-- The asynchronous query log (credit_gz.query_log_mode = async, src/query_log.c): what is queued, and a way to wait
-- for it. Neither reveals or changes log contents, so both stay callable by everyone.
CREATE FUNCTION credit_gz.query_log_queue(
    OUT mode text, OUT requested_mode text, OUT preloaded boolean, OUT queue_size integer, OUT queued bigint,
    OUT reserved bigint, OUT flushed bigint, OUT fallback_sync_inserts bigint, OUT worker_pid integer)
RETURNS record
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'credit_gz_query_log_queue';
COMMENT ON FUNCTION credit_gz.query_log_queue() IS
    '查询日志异步队列状态 / state of this database''s asynchronous query-log queue: the mode in effect for this '
    'session (async only when credit_gz is in shared_preload_libraries), the mode requested, whether preloaded, '
    'slots, entries queued (at read time) and not yet written, slots being filled, entries flushed '
    'to credit_gz.query_log, entries written synchronously for want of room or worker, and the worker''s pid.';

CREATE FUNCTION credit_gz.flush_query_log(timeout interval DEFAULT interval '30 seconds')
RETURNS boolean
LANGUAGE c VOLATILE STRICT
AS 'MODULE_PATHNAME', 'credit_gz_flush_query_log';
COMMENT ON FUNCTION credit_gz.flush_query_log(interval) IS
    '等待查询日志写入 / waits until every query-log entry queued by this session is in '
    'credit_gz.query_log (true) or the timeout passes (false); immediately true in sync mode. The entries become '
    'visible to statements that start afterwards.';

-- purge_query_log: the one way entries leave the logs (both tables, one retention). Idempotent; serialised by advisory lock
-- job_lock_key('purge_query_log'); deletes in batches so a long backlog does not hold one huge transaction's
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
COMMENT ON FUNCTION credit_gz.purge_query_log(timestamptz, integer) IS
    'Removes entries of credit_gz.query_log and credit_gz.unknown_code_read_log older than the retention period in '
    'force (credit_gz.query_log_retention); returns how many. The only way entries leave the append-only logs. '
    'Idempotent; advisory lock '
    'job_lock_key(''purge_query_log'').';
REVOKE ALL ON FUNCTION credit_gz.purge_query_log(timestamptz, integer) FROM PUBLIC;

-- log_read: append one entry. Used by the reports and the labels (precheck calls the same C code directly) in the
-- caller's own rights, so the entry names the role that really read. department_code defaults to the caller's
-- department when it has one. The entry is keyed by the subject id asked for, whether or not a subject has it (a
-- report on an id not on file is logged under that id). In async mode (credit_gz.query_log_mode) the entry is queued at
-- read time like a pre-check's, and survives a rollback of the caller's transaction; an entry the queue cannot carry as it is (a via the table rejects, a caller without INSERT on the
-- log, a hot standby) is inserted at once, in the caller's statement.
CREATE FUNCTION credit_gz.log_read(subject_id bigint, via text, purpose text, audience text DEFAULT NULL,
                                   department_code text DEFAULT NULL)
RETURNS void
LANGUAGE C VOLATILE
SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_log_read';
COMMENT ON FUNCTION credit_gz.log_read(bigint, text, text, text, text) IS
    'Appends an entry to credit_gz.query_log for a read of a subject''s credit information (who and when are set by '
    'the database): queued for the query-log worker when credit_gz.query_log_mode is async, else inserted now. '
    '22004 for a NULL subject id (a read by a code of no subject: credit_gz.log_unknown_code_read).';

-- log_unknown_code_read: the same for a read by a code (uscc, resident id, …) that matched no subject.
CREATE FUNCTION credit_gz.log_unknown_code_read(code text, via text, purpose text, audience text DEFAULT NULL,
                                                department_code text DEFAULT NULL)
RETURNS void
LANGUAGE C VOLATILE
SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_log_unknown_code_read';
COMMENT ON FUNCTION credit_gz.log_unknown_code_read(text, text, text, text, text) IS
    'Appends an entry to credit_gz.unknown_code_read_log for a read by a code that matches no subject (who and when '
    'are set by the database); queued like credit_gz.log_read() in async mode. 22004 for a NULL code.';

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

-- log_reads: one logged read per subject of a list, for a role that reads several subjects through the views (a
-- department going over the subjects of an inspection plan, say): the views then show them until the transaction
-- ends. Subjects in subject_id order, each once; NULLs skipped. In the caller's rights, like log_read.
CREATE FUNCTION credit_gz.log_reads(subject_ids bigint[], purpose text, audience text DEFAULT NULL,
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
