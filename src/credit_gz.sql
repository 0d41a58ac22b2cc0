-- credit_gz: 广州市全面推进社会信用体系建设 (穗府办函〔2020〕35号) inside PostgreSQL.
-- The schema is created by CREATE EXTENSION (control file: schema = credit_gz).
COMMENT ON SCHEMA credit_gz IS
    '广州社会信用体系 credit_gz: 信用档案、分级分类监管、联合奖惩、信用修复. '
    'Guangzhou social credit policy inside the database: identity types, credit archive, scoring, joint punishment, repair.';

-- ---------------------------------------------------------------------------------------------------------------
-- Advisory lock keys: the one registry. A job that must not run twice at once takes
-- pg_(try_)advisory_xact_lock(credit_gz.job_lock_key('<job>')); no routine, SQL or C, uses any other key, so two
-- jobs can never share a key by accident (test/pgtap/job_locks.sql and test/shell/c_conformance.sh check it).
-- The keys are single bigints 'CG' (0x4347) in bits 16–31 plus a job number: apart from the keys of other
-- applications, which mostly count from 1. Numbers of jobs that no longer exist are not reused.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.job_locks(OUT job text, OUT lock_key bigint) RETURNS SETOF record
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
COMMENT ON FUNCTION credit_gz.job_locks() IS
    '作业锁登记表 / the registry of advisory lock keys: one row per job that runs one at a time (named for the routine '
    'that takes it). Executable by PUBLIC: it names constants, and taking an advisory lock needs no privilege anyway.';

CREATE FUNCTION credit_gz.job_lock_key(job text) RETURNS bigint
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
COMMENT ON FUNCTION credit_gz.job_lock_key(text) IS
    '作业锁键 / the advisory lock key of a job in credit_gz.job_locks(); an unknown job is an error (22023), never a '
    'NULL key.';

-- ---------------------------------------------------------------------------------------------------------------
-- Messages in the language of lc_messages (doc/messages.md). The C module's errmsg texts come from the extension's
-- gettext catalogue (po/); SQL raises its messages through credit_gz.msg, which translates the msgid from the same
-- catalogue and formats it as format() does:
--     RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = '…', MESSAGE = credit_gz.msg('list entry %s …', …);
-- The msgid is one SQL literal on one line, so that scripts/sql-msgids extracts it into po/credit_gz.pot.
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
-- The policy clock (doc/schema.md, "Dates and the policy clock"). Every "today" of the extension is
-- credit_gz.policy_date(): the date of the transaction's timestamp in credit_gz.policy_time_zone (Asia/Shanghai by
-- default; superuser-only, so an application cannot move its own deadlines), whatever the session's TimeZone. Jobs
-- take an as_of and pass it down instead of reading the clock. The C paths call the same C function.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.policy_date() RETURNS date
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_policy_date';
COMMENT ON FUNCTION credit_gz.policy_date() IS
    '政策日期（今日）/ the policy date: the calendar day of the transaction''s timestamp in the policy time zone '
    '(setting credit_gz.policy_time_zone, default Asia/Shanghai), whatever the session TimeZone. The one "today" of '
    'every rule, trigger and default; jobs take it as their as_of default.';

CREATE FUNCTION credit_gz.policy_date(at timestamptz) RETURNS date
    LANGUAGE c STABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_policy_date_at';
COMMENT ON FUNCTION credit_gz.policy_date(timestamptz) IS
    '政策日历日 / the calendar day of an instant in the policy time zone (credit_gz.policy_time_zone): the day a '
    'submission, decision or job run at that instant counts on. policy_date() is policy_date(now()).';

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

CREATE FUNCTION credit_gz.add_months(day date, months integer) RETURNS date
    LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_add_months_sql';
COMMENT ON FUNCTION credit_gz.add_months(date, integer) IS
    '月份期间 / the day a period of so many months that starts on day ends on, by PostgreSQL''s date + interval '
    'convention: the day of the month is kept, clamped to the end of a shorter month (2021-03-31 + 1 month = '
    '2021-04-30; 2020-02-29 + 12 months = 2021-02-28). Every period counted in months uses it: publicity windows '
    '(in C, the same function), list terms, early removal, escalation.';

CREATE FUNCTION credit_gz.add_months_inverse(day date, months integer) RETURNS date
    LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_add_months_inverse';
COMMENT ON FUNCTION credit_gz.add_months_inverse(date, integer) IS
    '期间起点上限 / the latest start whose period of so many months (credit_gz.add_months) has ended by day: '
    'add_months(s, months) <= day exactly when s <= add_months_inverse(day, months). Lets a job find what is due '
    'with an index range on the start date.';

-- ---------------------------------------------------------------------------------------------------------------
-- Date ranges: one convention for every period (doc/schema.md, "Date ranges"). A period is half-open
-- [from, until): *_from is the first day (instant) in force, *_until the first day (instant) no longer in force,
-- NULL until = open. in_force() is the one predicate; SQL and the C paths (src/core/day_range.h) test the same thing.
-- in_force() is a plain SQL expression: the planner inlines it, so it costs what the two comparisons cost and
-- indexes on the columns stay usable. Pass a column, a parameter or credit_gz.policy_date() as the day: an argument
-- that is an expensive expression used twice makes the planner refuse to inline.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.in_force(valid_from date, valid_until date, on_day date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN valid_from <= on_day AND (valid_until IS NULL OR on_day < valid_until);
COMMENT ON FUNCTION credit_gz.in_force(date, date, date) IS
    '是否在有效期内 / whether on_day lies in the half-open period [valid_from, valid_until) (NULL valid_until: open). '
    'The one test of every date range; inlined by the planner.';

CREATE FUNCTION credit_gz.in_force(valid_from timestamptz, valid_until timestamptz, at timestamptz)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN valid_from <= at AND (valid_until IS NULL OR at < valid_until);
COMMENT ON FUNCTION credit_gz.in_force(timestamptz, timestamptz, timestamptz) IS
    '是否在有效期内 / whether the instant lies in the half-open period [valid_from, valid_until) (NULL valid_until: '
    'open); the timestamp form of in_force(date, date, date).';

-- National formats give the last day of a period (公示截止期, 有效期至): the conversion at that boundary, both ways.
CREATE FUNCTION credit_gz.exclusive_end(last_day date)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN last_day + 1;
COMMENT ON FUNCTION credit_gz.exclusive_end(date) IS
    '截止日转换(入) / the until of a period whose last day a national format gives (公示截止期 → publish_until): the '
    'day after it. NULL and infinity stay as they are.';

CREATE FUNCTION credit_gz.inclusive_end(until date)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN until - 1;
COMMENT ON FUNCTION credit_gz.inclusive_end(date) IS
    '截止日转换(出) / the last day of a half-open period, for a national format or a printed 至 that names the last day '
    '(publish_until → 公示截止期): the day before until. NULL and infinity stay as they are.';
