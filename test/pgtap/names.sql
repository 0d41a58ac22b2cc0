-- Names (doc/schema.md, names): rule tables name their key for the table and no column is a bare rule_id; the
-- extension's routines name their parameters in one style (bare names, no p_/in_/_ prefix).
BEGIN;
SELECT plan(4);

CREATE TEMP VIEW cg_member AS
SELECT d.classid, d.objid
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'credit_gz'
 WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e';

-- Every single-column primary key of a *_rule table is <table>_id.
SELECT is(ARRAY(SELECT c.relname || '.' || a.attname
                  FROM cg_member m
                  JOIN pg_catalog.pg_class c ON m.classid = 'pg_catalog.pg_class'::regclass AND c.oid = m.objid
                  JOIN pg_catalog.pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p'
                                                 AND pg_catalog.cardinality(k.conkey) = 1
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
                 WHERE c.relkind IN ('r', 'p') AND c.relname ~ '_rule$' AND a.attname <> c.relname || '_id'
                 ORDER BY 1),
          '{}'::text[], 'a rule table''s key is named for the table');

SELECT is((SELECT count(*)::int
             FROM cg_member m
             JOIN pg_catalog.pg_class c ON m.classid = 'pg_catalog.pg_class'::regclass AND c.oid = m.objid
             JOIN pg_catalog.pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p'
            WHERE c.relkind IN ('r', 'p') AND c.relname ~ '_rule$' AND pg_catalog.cardinality(k.conkey) = 1),
          5, 'five rule tables have a one-column key (publicity, propagation, deadline, scoring, end state)');

SELECT is(ARRAY(SELECT c.relname || '.' || a.attname
                  FROM cg_member m
                  JOIN pg_catalog.pg_class c ON m.classid = 'pg_catalog.pg_class'::regclass AND c.oid = m.objid
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE c.relkind IN ('r', 'p', 'v', 'm') AND a.attname = 'rule_id'
                 ORDER BY 1),
          '{}'::text[], 'no table or view has a bare rule_id column');

-- Input parameters only: OUT/TABLE columns are result columns, named like the columns they return.
SELECT is(ARRAY(SELECT p.oid::regprocedure::text || ': ' || n.name
                  FROM cg_member m
                  JOIN pg_catalog.pg_proc p ON m.classid = 'pg_catalog.pg_proc'::regclass AND p.oid = m.objid
                                            AND p.proargnames IS NOT NULL,
                       LATERAL ROWS FROM (pg_catalog.unnest(p.proargnames),
                                          pg_catalog.unnest(coalesce(p.proargmodes::text[],
                                              pg_catalog.array_fill('i'::text,
                                                                    ARRAY[pg_catalog.cardinality(p.proargnames)]))))
                               AS n(name, mode)
                 WHERE n.mode IN ('i', 'b', 'v') AND n.name ~ '^(p|in|arg)_|^_'
                 ORDER BY 1),
          '{}'::text[], 'parameters have bare names (no p_, in_, arg_ or _ prefix)');

SELECT * FROM finish();
ROLLBACK;
