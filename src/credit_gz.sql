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
-- applications, which mostly count from 1.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.job_locks(OUT job text, OUT lock_key bigint) RETURNS SETOF record
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    VALUES ('expire_list_entries',            1128726529::bigint),
           ('repropagate',                    1128726530),
           ('escalate_list_entries',          1128726531),
           ('create_overdue_interview_tasks', 1128726532),
           ('rebuild_scoring_keys',           1128726533),
           ('recompute_scores',               1128726534),
           ('run_expiry',                     1128726535),
           ('purge_query_log',                1128726536)
$$;
COMMENT ON FUNCTION credit_gz.job_locks() IS
    '作业锁登记表 / the registry of advisory lock keys: one row per job that runs one at a time (named for the routine '
    'that takes it). Executable by PUBLIC: it names constants, and taking an advisory lock needs no privilege anyway.';

CREATE FUNCTION credit_gz.job_lock_key(job text) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    k bigint;
BEGIN
    SELECT l.lock_key INTO k FROM credit_gz.job_locks() l WHERE l.job = job_lock_key.job;
    IF k IS NULL THEN
        -- an unknown name must not yield NULL: pg_advisory_xact_lock(NULL) returns without taking any lock
        RAISE EXCEPTION 'no advisory lock key for job "%"', job
            USING ERRCODE = '22023', HINT = 'credit_gz.job_locks() lists the jobs.';
    END IF;
    RETURN k;
END
$$;
COMMENT ON FUNCTION credit_gz.job_lock_key(text) IS
    '作业锁键 / the advisory lock key of a job in credit_gz.job_locks(); an unknown job is an error (22023), never a '
    'NULL key.';
