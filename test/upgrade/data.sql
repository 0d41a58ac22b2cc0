-- Every row of every table of extension credit_gz, and the state of its sequences, as sorted text: run on a database
-- upgraded from a release with no data of its own, it must print what a fresh install prints, so the rows an upgrade
-- script ships (rules, catalogues, calendars) are the rows the install script ships. Rows as jsonb, whose keys are
-- sorted, so column order does not count. For test/shell/upgrade.sh.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET search_path = pg_catalog, pg_temp;
\pset format unaligned
\pset tuples_only on
CREATE TEMP TABLE member_table AS
SELECT c.oid::regclass AS rel, c.relkind
  FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'credit_gz'
  JOIN pg_class c ON c.oid = d.objid
 WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
   AND c.relkind IN ('r', 'p', 'S');
-- sequences of identity columns are not members (unless registered with pg_extension_config_dump): take them from
-- their tables
INSERT INTO member_table
SELECT DISTINCT pg_get_serial_sequence(t.rel::text, a.attname)::regclass, 'S'::"char"
  FROM member_table t JOIN pg_attribute a ON a.attrelid = t.rel AND a.attidentity <> ''
 WHERE pg_get_serial_sequence(t.rel::text, a.attname)::regclass NOT IN (SELECT rel FROM member_table);
SELECT CASE relkind
       WHEN 'S' THEN format('SELECT %L || '' sequence '' || last_value || '' '' || is_called FROM %s', rel::text, rel)
       ELSE format('SELECT %L || '' '' || t FROM (SELECT to_jsonb(x)::text AS t FROM %s x) s ORDER BY t COLLATE "C"',
                   rel::text, rel)
       END
  FROM member_table ORDER BY rel::text COLLATE "C" \gexec
