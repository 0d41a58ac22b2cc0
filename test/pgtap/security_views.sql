-- Trust boundary, views read by roles other than their owner: a BI analyst (and a department, a public reader)
-- puts a cheap leaky function of its own into the WHERE clause of every view it may read, on every column; the
-- function must see only what the view shows, never the rows the view scans and filters out. And the monitoring
-- function behind monitor_data_quality is not open to PUBLIC.
BEGIN;
SELECT plan(10);

-- Fixtures: a company and a person that are not government bodies, each with an authorised-query record; the person
-- is not public (no published record), the company's name is (public_subject)
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_sec_b', '安全测试乙局', 'Security test bureau B', 'municipal');
INSERT INTO credit_gz.subject (uscc, name, kind, registered_on)
VALUES (credit_gz.uscc_make('91440106MA00K0014'), '安全测试泄露公司', 'enterprise', '2012-05-01');
INSERT INTO credit_gz.subject (resident_id, name, kind)
VALUES (credit_gz.resident_id_make('44011319880314027'), '安全测试泄露张三', 'natural_person');
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date,
                              severity, disclosure, publish_from, publish_until)
SELECT s.subject_id, i.code, (SELECT code FROM credit_gz.domain ORDER BY code LIMIT 1), 't_sec_b',
       'T-SEC-LEAK-' || s.subject_id, credit_gz.policy_date() - 10, 'general', 'authorised',
       credit_gz.policy_date() - 10, credit_gz.policy_date() + 355
  FROM credit_gz.subject s,
       (SELECT code FROM credit_gz.info_item WHERE polarity = 'negative' AND kind = 'penalty'
           AND NOT barred_for_natural_person ORDER BY code LIMIT 1) i
 WHERE s.name LIKE '安全测试泄露%';

CREATE ROLE t_sec_analyst NOLOGIN;
CREATE ROLE t_sec_public NOLOGIN;
CREATE ROLE t_sec_dept NOLOGIN;
SELECT credit_gz.grant_analyst('t_sec_analyst');
SELECT credit_gz.grant_public_reader('t_sec_public');
SELECT credit_gz.grant_department('t_sec_dept', 'market_regulation');

-- The leaky function: cheap, so the planner would run it first, and STABLE, so it may be pushed into a view; it keeps
-- every value it is shown in a setting of the session.
CREATE FUNCTION pg_temp.leak(v text) RETURNS boolean LANGUAGE plpgsql STABLE COST 0.0000001 AS $$
BEGIN
    PERFORM pg_catalog.set_config('t_sec.seen', coalesce(pg_catalog.current_setting('t_sec.seen', true), '') || '|' || coalesce(v, ''), false);
    RETURN true;
END $$;
-- Every view the current role may read, every column, filtered through leak(); returns the views it could not read.
CREATE FUNCTION pg_temp.probe_views() RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
    v record;
    refused text[] := '{}';
BEGIN
    FOR v IN SELECT c.oid::regclass AS rel, a.attname
               FROM pg_catalog.pg_class c
               JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              WHERE c.relnamespace = 'credit_gz'::regnamespace AND c.relkind IN ('v', 'm')
                AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
              ORDER BY 1, 2
    LOOP
        BEGIN
            EXECUTE pg_catalog.format('SELECT count(*) FROM %s WHERE pg_temp.leak(%I::text)', v.rel, v.attname);
        EXCEPTION WHEN OTHERS THEN
            refused := refused || (v.rel::text || '.' || v.attname || ': ' || SQLERRM);
        END;
    END LOOP;
    RETURN refused;
END $$;
CREATE TEMP TABLE secrets AS
SELECT s.name AS secret FROM credit_gz.subject s WHERE s.name = '安全测试泄露张三'
UNION ALL SELECT r.document_no FROM credit_gz.record r WHERE r.document_no LIKE 'T-SEC-LEAK-%';
GRANT SELECT ON secrets TO PUBLIC;

-- A BI analyst --------------------------------------------------------------------------------------------------
SET LOCAL ROLE t_sec_analyst;
SELECT ok((SELECT count(*) FROM pg_catalog.pg_class c WHERE c.relnamespace = 'credit_gz'::regnamespace
             AND c.relname LIKE 'monitor\_%' AND pg_catalog.has_table_privilege(c.oid, 'SELECT')) >= 10,
          'the analyst reads the monitor_* views');
SELECT is(pg_temp.probe_views(), '{}'::text[], 'it runs its leaky function over every column of every view it reads');
SELECT is(ARRAY(SELECT secret FROM secrets
                 WHERE pg_catalog.strpos(pg_catalog.current_setting('t_sec.seen', true), secret) > 0 ORDER BY 1),
          '{}'::text[], 'the function saw no subject name or document number the views filter out');
SELECT lives_ok($$SELECT count(*) FROM credit_gz.monitor_data_quality$$,
                'the analyst still reads monitor_data_quality (which calls monitor_double_publicity())');
RESET ROLE;

-- A public reader ---------------------------------------------------------------------------------------------------
SELECT set_config('t_sec.seen', '', false);
SET LOCAL ROLE t_sec_public;
SELECT is(pg_temp.probe_views(), '{}'::text[], 'a public reader runs it over the public views');
SELECT is(ARRAY(SELECT secret FROM secrets
                 WHERE pg_catalog.strpos(pg_catalog.current_setting('t_sec.seen', true), secret) > 0 ORDER BY 1),
          '{}'::text[], 'and sees none of the unpublished records or the people behind them');
SELECT throws_ok($$SELECT * FROM credit_gz.monitor_double_publicity()$$, '42501', NULL,
                 'monitor_double_publicity() is not executable by PUBLIC');
RESET ROLE;

-- A department, which reads shared records but not another department's authorised-query ones ---------------------
SELECT set_config('t_sec.seen', '', false);
SET LOCAL ROLE t_sec_dept;
SELECT is(pg_temp.probe_views(), '{}'::text[], 'a department runs it over every view it reads');
SELECT is(ARRAY(SELECT secret FROM secrets
                 WHERE secret LIKE 'T-SEC-LEAK-%'
                   AND pg_catalog.strpos(pg_catalog.current_setting('t_sec.seen', true), secret) > 0 ORDER BY 1),
          '{}'::text[], 'and never sees the number of another department''s authorised-query record');
SELECT lives_ok($$SELECT * FROM credit_gz.monitor_double_publicity()$$,
                'a department, which reads the monitoring views, may run monitor_double_publicity()');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
