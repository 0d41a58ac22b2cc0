-- ---------------------------------------------------------------------------------------------------------------------
-- What outside the extension depends on it: the objects DROP EXTENSION credit_gz CASCADE would take with it, and the
-- references it would leave pointing at nothing (doc/upgrading.md, "Removing credit_gz").
-- ---------------------------------------------------------------------------------------------------------------------

-- dependent_objects: one row per object of the database that is not part of credit_gz but depends on part of it.
-- From pg_depend: what depends on a member of the extension (enforce_precheck triggers on departments' tables,
-- columns of the uscc, resident_id and credit_grade types, views, foreign keys, functions); and what only names it:
-- objects of others in the credit_gz schema, pg_cron jobs whose command calls credit_gz, and the settings of
-- databases and roles whose search_path names the schema.
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
