-- run_log: what the maintenance jobs did (作业运行记录). Every run of run_expiry, run_expiry_in_batches,
-- recompute_scores, purge_query_log and purge_audit_log leaves a row — job, as_of, start, end, the summary it
-- returned or the error it failed with — and job_schedule says how often each is due, so monitoring asks one view
-- which jobs have not run when due. Operational data: dumped, not a subject's data, granted to nobody.

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
