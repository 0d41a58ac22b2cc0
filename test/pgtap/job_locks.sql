-- Advisory lock keys from one registry (doc/schema.md, advisory locks): every advisory lock a routine of the
-- extension takes is credit_gz.job_lock_key('<job>') of a job in credit_gz.job_locks(), and the registry has no
-- duplicate and no stale entry. (test/shell/c_conformance.sh checks the C sources.)
BEGIN;
SELECT plan(8);

-- Bodies of the extension's SQL and PL/pgSQL routines, -- comments left out (prose may name a lock).
CREATE TEMP VIEW cg_body AS
SELECT p.oid::regprocedure::text AS routine,
       pg_catalog.regexp_replace(CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid)
                                      ELSE p.prosrc END, '--[^\n]*', '', 'g') AS body
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'credit_gz'
  JOIN pg_catalog.pg_proc p ON p.oid = d.objid
  JOIN pg_catalog.pg_language l ON l.oid = p.prolang AND l.lanname IN ('sql', 'plpgsql')
 WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.refclassid = 'pg_catalog.pg_extension'::regclass
   AND d.deptype = 'e';

-- Every call of an advisory-lock function, and the jobs of those written in the one accepted form.
CREATE TEMP VIEW cg_lock_call AS
SELECT b.routine, m[1] AS call FROM cg_body b,
       pg_catalog.regexp_matches(b.body, '(\m(pg_catalog\.)?pg_(try_)?advisory_\w+\s*\([^;]*)', 'gi') m;
CREATE TEMP VIEW cg_lock_use AS
SELECT c.routine, u.job FROM cg_lock_call c,
       LATERAL (SELECT (pg_catalog.regexp_match(c.call,
           '^pg_catalog\.pg_(try_)?advisory_xact_lock\(credit_gz\.job_lock_key\(''([a-z_]+)''\)\)'))[2] AS job) u
 WHERE u.job IS NOT NULL;

SELECT is(ARRAY(SELECT c.routine || ': ' || c.call FROM cg_lock_call c
                 WHERE c.call !~ '^pg_catalog\.pg_(try_)?advisory_xact_lock\(credit_gz\.job_lock_key\(''[a-z_]+''\)\)'
                 ORDER BY 1),
          '{}'::text[], 'every advisory lock is a transaction lock on credit_gz.job_lock_key(<job literal>)');

SELECT is(ARRAY(SELECT u.routine || ': ' || u.job FROM cg_lock_use u
                 WHERE u.job NOT IN (SELECT job FROM credit_gz.job_locks()) ORDER BY 1),
          '{}'::text[], 'every job a routine locks is in the registry');

SELECT is(ARRAY(SELECT l.job FROM credit_gz.job_locks() l
                 WHERE l.job NOT IN (SELECT job FROM cg_lock_use) ORDER BY 1),
          '{}'::text[], 'every job in the registry is locked by some routine (no stale entry)');

SELECT is((SELECT count(DISTINCT job) || '/' || count(DISTINCT lock_key) || '/' || count(*)
             FROM credit_gz.job_locks()),
          '8/8/8', 'jobs and keys are unique in the registry');

SELECT is(ARRAY(SELECT b.routine FROM cg_body b WHERE b.body ~* '\mhashtext\s*\(' ORDER BY 1),
          '{}'::text[], 'no routine derives a key from hashtext()');

SELECT is(credit_gz.job_lock_key('run_expiry'), 1128726535::bigint, 'job_lock_key reads the registry');

SELECT throws_ok($$SELECT credit_gz.job_lock_key('no_such_job')$$, '22023',
                 'no advisory lock key for job "no_such_job"', 'an unknown job is an error, not a NULL key');
SELECT throws_ok($$SELECT credit_gz.job_lock_key(NULL)$$, '22023', NULL, 'so is a NULL job');

SELECT * FROM finish();
ROLLBACK;
