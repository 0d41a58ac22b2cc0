-- The objects of extension credit_gz in the current database as text, one object per block, for the upgrade test
-- (test/shell/upgrade.sh): a database upgraded from a release must print exactly what a fresh install prints.
-- Sorted by object name and column lists by column name, so column order and creation order do not count; object
-- identifiers and anything else an install assigns afresh (oids, the extension's own oid) are never printed.
-- A block starts at column 0 with the object's kind and name, its details follow indented, so `diff -F '^[^ ]'`
-- names the object in every hunk. psql variable ignore_roles (a LIKE pattern): privileges granted to or by roles a
-- site created after installing (the frozen generator's) are left out, as they are the site's, not the extension's.
\set ON_ERROR_STOP 1
\if :{?ignore_roles}
\else
\set ignore_roles ''
\endif
SET client_min_messages = warning;
SET search_path = pg_catalog, pg_temp;

-- (sort key, position within the block, line)
CREATE TEMP TABLE cat (k text COLLATE "C", seq int, line text);
CREATE TEMP TABLE ext AS SELECT oid, extnamespace FROM pg_extension WHERE extname = 'credit_gz';
-- the extension's members, and the relations, constraints, triggers, policies and rules hanging off its tables
CREATE TEMP TABLE member AS
SELECT d.classid, d.objid FROM pg_depend d, ext
 WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e';
CREATE TEMP TABLE rel AS
SELECT c.oid, c.oid::regclass::text AS name, c.relkind FROM pg_class c JOIN member m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid;

-- Privileges as sorted grantee:privilege[*]/grantor; NULL (the built-in default) as what it stands for.
CREATE FUNCTION pg_temp.acl(a aclitem[], kind text, owner oid, ignore text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(x, ' ' ORDER BY x), '(none)')
      FROM (SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(e.grantee) END || ':' || e.privilege_type
                   || CASE WHEN e.is_grantable THEN '*' ELSE '' END || '/' || pg_get_userbyid(e.grantor) AS x,
                   e.grantee, e.grantor
              FROM aclexplode(coalesce(a, CASE WHEN kind IS NOT NULL THEN acldefault(kind::"char", owner) END)) e) p
     WHERE ignore = '' OR (CASE WHEN p.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(p.grantee) END NOT LIKE ignore
                           AND pg_get_userbyid(p.grantor) NOT LIKE ignore)
$$;
-- A multi-line text as indented lines after the block's header.
CREATE FUNCTION pg_temp.body(k text, first int, label text, t text) RETURNS TABLE (k text, seq int, line text)
LANGUAGE sql IMMUTABLE AS $$
    SELECT k, first + n::int, '    ' || label || '| ' || l
      FROM regexp_split_to_table(coalesce(t, ''), E'\n') WITH ORDINALITY AS s(l, n)
$$;

-- every member, whatever its class (casts, operator families, event triggers … included)
INSERT INTO cat
SELECT 'member ' || o.type || ' ' || o.identity, 0, 'member ' || o.type || ' ' || o.identity
  FROM member m, pg_identify_object(m.classid, m.objid, 0) o;

-- the extension itself and its pg_dump registrations (pg_extension_config_dump)
INSERT INTO cat
SELECT 'extension', 0, format('extension %s version %s schema %s relocatable %s', e.extname, e.extversion,
                              e.extnamespace::regnamespace, e.extrelocatable)
  FROM pg_extension e, ext WHERE e.oid = ext.oid;
INSERT INTO cat
SELECT 'extension config ' || c.cfg::regclass::text, 0,
       format('extension config %s condition %L', c.cfg::regclass, coalesce(e.extcondition[c.n], ''))
  FROM pg_extension e JOIN ext ON e.oid = ext.oid, unnest(e.extconfig) WITH ORDINALITY AS c(cfg, n);

-- schemas the extension owns or lives in
INSERT INTO cat
SELECT 'schema ' || n.nspname, 0, format('schema %s owner %s acl %s', n.nspname, pg_get_userbyid(n.nspowner),
                                         pg_temp.acl(n.nspacl, 'n', n.nspowner, :'ignore_roles'))
  FROM pg_namespace n
 WHERE n.oid IN (SELECT extnamespace FROM ext) OR n.oid IN (SELECT objid FROM member WHERE classid = 'pg_namespace'::regclass);

-- relations: tables, views, sequences, composite types
INSERT INTO cat
SELECT 'relation ' || r.name, 0,
       format('relation %s kind %s persistence %s owner %s rls %s force_rls %s options %s replica_identity %s am %s acl %s',
              r.name, c.relkind, c.relpersistence, pg_get_userbyid(c.relowner), c.relrowsecurity, c.relforcerowsecurity,
              coalesce(c.reloptions::text, '{}'), c.relreplident, coalesce(am.amname, '-'),
              pg_temp.acl(c.relacl, CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END, c.relowner, :'ignore_roles'))
  FROM rel r JOIN pg_class c ON c.oid = r.oid LEFT JOIN pg_am am ON am.oid = c.relam;
INSERT INTO cat
SELECT 'relation ' || r.name, 1, '    partition key ' || pg_get_partkeydef(r.oid)
  FROM rel r WHERE r.relkind = 'p';
INSERT INTO cat
SELECT 'relation ' || r.name, 2, '    inherits ' || i.inhparent::regclass::text || coalesce(' ' || pg_get_expr(c.relpartbound, c.oid), '')
  FROM rel r JOIN pg_inherits i ON i.inhrelid = r.oid JOIN pg_class c ON c.oid = r.oid;
INSERT INTO cat
SELECT b.* FROM rel r, pg_temp.body('relation ' || r.name, 10, 'view', pg_get_viewdef(r.oid, true)) b
 WHERE r.relkind IN ('v', 'm');
INSERT INTO cat
SELECT 'relation ' || r.name, 3,
       format('    sequence %s start %s increment %s min %s max %s cache %s cycle %s owned_by %s',
              format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
              coalesce((SELECT d.refobjid::regclass::text || '.' || a.attname || ' (' || d.deptype::text || ')'
                          FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
                           AND d.deptype IN ('a', 'i')), '-'))
  FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid;
-- sequences made for identity columns are not members: their parameters under their column's table
INSERT INTO cat
SELECT 'relation ' || r.name, 4,
       format('    identity sequence of %s: %s start %s increment %s min %s max %s cache %s cycle %s', a.attname,
              format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle)
  FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attidentity <> ''
  JOIN pg_sequence s ON s.seqrelid = pg_get_serial_sequence(r.name, a.attname)::regclass;

-- columns, by name (column order does not count); a server may stamp a column's options with a value of its own
-- creation (pg_attver), which is not the extension's
INSERT INTO cat
SELECT 'relation ' || r.name || ' column ' || a.attname, 0,
       format('column %s.%s %s not_null %s default %s identity %s generated %s collation %s storage %s options %s acl %s',
              r.name, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull,
              coalesce(pg_get_expr(ad.adbin, ad.adrelid), '-'), coalesce(nullif(a.attidentity, '')::text, '-'),
              coalesce(nullif(a.attgenerated, '')::text, '-'),
              CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text ELSE '-' END,
              a.attstorage,
              coalesce((SELECT array_agg(o ORDER BY o) FROM unnest(a.attoptions) o WHERE o NOT LIKE 'pg\_attver=%')::text, '{}'), pg_temp.acl(a.attacl, NULL::text, 0, :'ignore_roles'))
  FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum;

-- constraints of tables and of domains (the definition names its columns, not their numbers)
INSERT INTO cat
SELECT 'relation ' || r.name || ' constraint ' || co.conname, 0,
       format('constraint %s on %s: %s validated %s local %s inherited %s', quote_ident(co.conname), r.name,
              pg_get_constraintdef(co.oid), co.convalidated, co.conislocal, co.coninhcount)
  FROM rel r JOIN pg_constraint co ON co.conrelid = r.oid;
INSERT INTO cat
SELECT 'type ' || format_type(t.oid, NULL) || ' constraint ' || co.conname, 0,
       format('constraint %s on domain %s: %s validated %s', quote_ident(co.conname), format_type(t.oid, NULL),
              pg_get_constraintdef(co.oid), co.convalidated)
  FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
  JOIN pg_constraint co ON co.contypid = t.oid;

-- indexes of the extension's tables, constraint-made ones included
INSERT INTO cat
SELECT 'relation ' || r.name || ' index ' || i.indexrelid::regclass::text, 0,
       format('index %s: %s clustered %s replica_identity %s valid %s options %s', i.indexrelid::regclass,
              pg_get_indexdef(i.indexrelid), i.indisclustered, i.indisreplident, i.indisvalid,
              coalesce(ic.reloptions::text, '{}'))
  FROM rel r JOIN pg_index i ON i.indrelid = r.oid JOIN pg_class ic ON ic.oid = i.indexrelid;

-- triggers (not the internal ones of foreign keys: the constraint stands for them)
INSERT INTO cat
SELECT 'relation ' || r.name || ' trigger ' || tg.tgname, 0,
       format('trigger %s on %s: %s enabled %s', quote_ident(tg.tgname), r.name, pg_get_triggerdef(tg.oid), tg.tgenabled)
  FROM rel r JOIN pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal;

-- row-level security policies
INSERT INTO cat
SELECT 'relation ' || r.name || ' policy ' || p.polname, 0,
       format('policy %s on %s: for %s %s to %s', quote_ident(p.polname), r.name, p.polcmd,
              CASE WHEN p.polpermissive THEN 'permissive' ELSE 'restrictive' END,
              (SELECT string_agg(CASE WHEN x = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x) END, ',' ORDER BY 1)
                 FROM unnest(p.polroles) x))
  FROM rel r JOIN pg_policy p ON p.polrelid = r.oid;
INSERT INTO cat
SELECT b.* FROM rel r JOIN pg_policy p ON p.polrelid = r.oid,
       pg_temp.body('relation ' || r.name || ' policy ' || p.polname, 10, 'using', pg_get_expr(p.polqual, p.polrelid)) b
 WHERE p.polqual IS NOT NULL;
INSERT INTO cat
SELECT b.* FROM rel r JOIN pg_policy p ON p.polrelid = r.oid,
       pg_temp.body('relation ' || r.name || ' policy ' || p.polname, 10000, 'check', pg_get_expr(p.polwithcheck, p.polrelid)) b
 WHERE p.polwithcheck IS NOT NULL;

-- rewrite rules other than a view's own
INSERT INTO cat
SELECT b.* FROM rel r JOIN pg_rewrite rw ON rw.ev_class = r.oid AND rw.rulename <> '_RETURN',
       pg_temp.body('relation ' || r.name || ' rule ' || rw.rulename, 0, 'rule', pg_get_ruledef(rw.oid, true)) b;

-- extended statistics
INSERT INTO cat
SELECT 'relation ' || r.name || ' statistics ' || s.stxname, 0, 'statistics ' || pg_get_statisticsobjdef(s.oid)
  FROM rel r JOIN pg_statistic_ext s ON s.stxrelid = r.oid;

-- functions, procedures and aggregates: signature, behaviour, settings, body
INSERT INTO cat
SELECT 'function ' || p.oid::regprocedure::text, 0,
       format('function %s kind %s returns %s language %s volatility %s strict %s security_definer %s leakproof %s '
              'parallel %s cost %s rows %s support %s owner %s config %s acl %s',
              p.oid::regprocedure, p.prokind, coalesce(pg_get_function_result(p.oid), '-'), l.lanname, p.provolatile,
              p.proisstrict, p.prosecdef, p.proleakproof, p.proparallel, p.procost, p.prorows, p.prosupport::regproc,
              pg_get_userbyid(p.proowner), coalesce(p.proconfig::text, '{}'),
              pg_temp.acl(p.proacl, 'f', p.proowner, :'ignore_roles'))
  FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid JOIN pg_language l ON l.oid = p.prolang;
INSERT INTO cat
SELECT 'function ' || p.oid::regprocedure::text, 1, '    arguments ' || pg_get_function_arguments(p.oid)
  FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid;
INSERT INTO cat
SELECT 'function ' || p.oid::regprocedure::text, 2, '    library ' || p.probin
  FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid WHERE p.probin IS NOT NULL;
INSERT INTO cat
SELECT 'function ' || a.aggfnoid::regprocedure::text, 3,
       format('    aggregate kind %s transition %s final %s(extra %s, modify %s) combine %s serial %s deserial %s '
              'moving %s/%s/%s sort %s state %s(%s) initial %L moving_state %s initial %L',
              a.aggkind, a.aggtransfn, a.aggfinalfn, a.aggfinalextra, a.aggfinalmodify, a.aggcombinefn, a.aggserialfn,
              a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn, a.aggsortop::regoperator,
              format_type(a.aggtranstype, NULL), a.aggtransspace, a.agginitval, format_type(a.aggmtranstype, NULL),
              a.aggminitval)
  FROM member m JOIN pg_aggregate a ON m.classid = 'pg_proc'::regclass AND a.aggfnoid = m.objid;
INSERT INTO cat
SELECT b.* FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid,
       pg_temp.body('function ' || p.oid::regprocedure::text, 10, 'body', p.prosrc) b
 WHERE p.prokind <> 'a';

-- types and domains
INSERT INTO cat
SELECT 'type ' || format_type(t.oid, NULL), 0,
       format('type %s type %s category %s preferred %s length %s by_value %s align %s storage %s delimiter %s '
              'input %s output %s receive %s send %s typmod_in %s typmod_out %s analyze %s subscript %s element %s '
              'base %s not_null %s default %s collation %s owner %s acl %s',
              format_type(t.oid, NULL), t.typtype, t.typcategory, t.typispreferred, t.typlen, t.typbyval, t.typalign,
              t.typstorage, t.typdelim, t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout,
              t.typanalyze, t.typsubscript, format_type(nullif(t.typelem, 0), NULL),
              format_type(nullif(t.typbasetype, 0), nullif(t.typtypmod, -1)), t.typnotnull,
              coalesce(t.typdefault, '-'), nullif(t.typcollation, 0)::regcollation,
              pg_get_userbyid(t.typowner), pg_temp.acl(t.typacl, 'T', t.typowner, :'ignore_roles'))
  FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid;
INSERT INTO cat
SELECT 'type ' || format_type(t.oid, NULL), 1,
       '    labels ' || (SELECT string_agg(quote_literal(e.enumlabel), ' ' ORDER BY e.enumsortorder)
                           FROM pg_enum e WHERE e.enumtypid = t.oid)
  FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid WHERE t.typtype = 'e';
INSERT INTO cat
SELECT 'type ' || format_type(t.oid, NULL), 2,
       format('    range subtype %s opclass %s canonical %s diff %s multirange %s', format_type(rg.rngsubtype, NULL),
              rg.rngsubopc::regclass, rg.rngcanonical, rg.rngsubdiff, format_type(rg.rngmultitypid, NULL))
  FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid JOIN pg_range rg ON rg.rngtypid = t.oid;
INSERT INTO cat
SELECT 'type ' || format_type(t.oid, NULL) || ' attribute ' || a.attname, 0,
       format('attribute %s.%s %s', format_type(t.oid, NULL), quote_ident(a.attname), format_type(a.atttypid, a.atttypmod))
  FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid AND t.typtype = 'c'
  JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped;

-- operators, operator classes and families, casts, event triggers
INSERT INTO cat
SELECT 'operator ' || o.oid::regoperator::text, 0,
       format('operator %s result %s function %s commutator %s negator %s restrict %s join %s merges %s hashes %s',
              o.oid::regoperator, format_type(o.oprresult, NULL), o.oprcode, nullif(o.oprcom, 0)::regoperator,
              nullif(o.oprnegate, 0)::regoperator, o.oprrest, o.oprjoin, o.oprcanmerge, o.oprcanhash)
  FROM member m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid;
INSERT INTO cat
SELECT 'operator class ' || am.amname || ' ' || oc.opcnamespace::regnamespace::text || '.' || oc.opcname, 0,
       format('operator class %s.%s using %s for %s default %s family %s.%s storage %s', oc.opcnamespace::regnamespace,
              oc.opcname, am.amname, format_type(oc.opcintype, NULL), oc.opcdefault, f.opfnamespace::regnamespace,
              f.opfname, format_type(nullif(oc.opckeytype, 0), NULL))
  FROM member m JOIN pg_opclass oc ON m.classid = 'pg_opclass'::regclass AND oc.oid = m.objid
  JOIN pg_am am ON am.oid = oc.opcmethod JOIN pg_opfamily f ON f.oid = oc.opcfamily;
-- a family's operators and support functions, for the families of the extension's classes and its own families
CREATE TEMP TABLE fam AS
SELECT DISTINCT f.oid, am.amname || ' ' || f.opfnamespace::regnamespace::text || '.' || f.opfname AS name
  FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod
 WHERE f.oid IN (SELECT objid FROM member WHERE classid = 'pg_opfamily'::regclass)
    OR f.oid IN (SELECT oc.opcfamily FROM member m JOIN pg_opclass oc ON m.classid = 'pg_opclass'::regclass AND oc.oid = m.objid);
INSERT INTO cat
SELECT 'operator family ' || fam.name, 0, 'operator family ' || fam.name FROM fam;
INSERT INTO cat
SELECT 'operator family ' || fam.name, 100 + ao.amopstrategy,
       format('    operator %s %s (%s, %s) %s sort_family %s', ao.amopstrategy, ao.amopopr::regoperator,
              format_type(ao.amoplefttype, NULL), format_type(ao.amoprighttype, NULL), ao.amoppurpose,
              nullif(ao.amopsortfamily, 0))
  FROM fam JOIN pg_amop ao ON ao.amopfamily = fam.oid;
INSERT INTO cat
SELECT 'operator family ' || fam.name, 1000 + ap.amprocnum,
       format('    function %s (%s, %s) %s', ap.amprocnum, format_type(ap.amproclefttype, NULL),
              format_type(ap.amprocrighttype, NULL), ap.amproc::regprocedure)
  FROM fam JOIN pg_amproc ap ON ap.amprocfamily = fam.oid;
INSERT INTO cat
SELECT 'cast ' || format_type(c.castsource, NULL) || ' as ' || format_type(c.casttarget, NULL), 0,
       format('cast (%s as %s) function %s context %s method %s', format_type(c.castsource, NULL),
              format_type(c.casttarget, NULL), nullif(c.castfunc, 0)::regprocedure, c.castcontext, c.castmethod)
  FROM member m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid;
INSERT INTO cat
SELECT 'event trigger ' || e.evtname, 0,
       format('event trigger %s on %s function %s tags %s enabled %s', e.evtname, e.evtevent, e.evtfoid::regprocedure,
              coalesce(e.evttags::text, '{}'), e.evtenabled)
  FROM member m JOIN pg_event_trigger e ON m.classid = 'pg_event_trigger'::regclass AND e.oid = m.objid;

-- privileges the extension's scripts gave (pg_init_privs), which pg_dump compares the current ones with
INSERT INTO cat
SELECT 'init privileges ' || o.type || ' ' || o.identity, 0,
       format('init privileges %s %s: %s', o.type, o.identity, pg_temp.acl(ip.initprivs, NULL::text, 0, ''))
  FROM pg_init_privs ip, pg_identify_object(ip.classoid, ip.objoid, ip.objsubid) o
 WHERE ip.privtype = 'e'
   AND ((ip.classoid, ip.objoid) IN (SELECT classid, objid FROM member)
        OR (ip.classoid = 'pg_namespace'::regclass AND ip.objoid IN (SELECT extnamespace FROM ext)));

-- comments (COMMENT ON) of every object above: members, their columns, and what hangs off the extension's tables
INSERT INTO cat
SELECT 'comment ' || o.type || ' ' || o.identity, 0, format('comment %s %s', o.type, o.identity)
  FROM pg_description d, pg_identify_object(d.classoid, d.objoid, d.objsubid) o
 WHERE (d.classoid, d.objoid) IN (SELECT classid, objid FROM member)
    OR (d.classoid = 'pg_namespace'::regclass AND d.objoid IN (SELECT extnamespace FROM ext))
    OR (d.classoid = 'pg_class'::regclass AND d.objoid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM rel)))
    OR (d.classoid = 'pg_constraint'::regclass
        AND d.objoid IN (SELECT oid FROM pg_constraint WHERE conrelid IN (SELECT oid FROM rel)
                          OR contypid IN (SELECT objid FROM member WHERE classid = 'pg_type'::regclass)))
    OR (d.classoid = 'pg_trigger'::regclass AND d.objoid IN (SELECT oid FROM pg_trigger WHERE tgrelid IN (SELECT oid FROM rel)))
    OR (d.classoid = 'pg_policy'::regclass AND d.objoid IN (SELECT oid FROM pg_policy WHERE polrelid IN (SELECT oid FROM rel)))
    OR (d.classoid = 'pg_rewrite'::regclass AND d.objoid IN (SELECT oid FROM pg_rewrite WHERE ev_class IN (SELECT oid FROM rel)));
INSERT INTO cat
SELECT b.* FROM pg_description d, pg_identify_object(d.classoid, d.objoid, d.objsubid) o,
       pg_temp.body('comment ' || o.type || ' ' || o.identity, 1, '', d.description) b
 WHERE 'comment ' || o.type || ' ' || o.identity IN (SELECT k FROM cat WHERE k LIKE 'comment %');

\pset format unaligned
\pset tuples_only on
SELECT line FROM cat ORDER BY k, seq, line COLLATE "C";
