-- Hot standbys (十七 严格落实信用信息安全保护制度: every read logged, also a read answered by a replica). A streaming
-- standby answers pre-checks and credit reports; it can write nothing, so its query-log worker forwards what it
-- logged (reads, and the measure_feedback rows of pre-checks) to the primary (src/log_forward.c), where
-- credit_gz.accept_forwarded_reads() writes it, naming the standby that answered. What must be written before it
-- is answered (an application, an objection) is refused on a standby with a message to use the primary.

-- ---------------------------------------------------------------------------------------------------------------
-- Which server answered
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
CREATE FUNCTION credit_gz.accept_forwarded_reads(batch jsonb)
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
CREATE FUNCTION credit_gz.require_primary(what text)
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
