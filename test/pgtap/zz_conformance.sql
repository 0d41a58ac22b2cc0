-- Catalogue-wide conformance of every object of extension credit_gz with the project standards (common brief,
-- "Standards"): comments (Chinese and English where users read them), pinned search_path, honest labels, primary
-- keys, one schema, dump registration. Named zz_ so that it runs after the behaviour tests (it reads the catalogue
-- only, and checks that the tests before it left no committed rows behind in dumped tables).
--
-- Every check lists the offending objects by name, so a failure says what to fix. Exceptions are listed
-- explicitly below with the reason; a stale exception (object gone or now conforming) fails too.
BEGIN;
SELECT plan(58);

-- The extension's members: pg_depend rows of deptype 'e' on its pg_extension row.
CREATE TEMP VIEW cg_member AS
SELECT d.classid, d.objid
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
 WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND e.extname = 'credit_gz' AND d.deptype = 'e';

CREATE TEMP VIEW cg_rel AS
SELECT c.* FROM cg_member m JOIN pg_catalog.pg_class c ON c.oid = m.objid
 WHERE m.classid = 'pg_catalog.pg_class'::regclass;

CREATE TEMP VIEW cg_proc AS
SELECT p.*, l.lanname,
       -- body without -- comments, so that prose in comments does not count as code; SQL-standard bodies
       -- (BEGIN ATOMIC) are stored parsed, prosrc is empty for them
       pg_catalog.regexp_replace(CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid)
                                      ELSE p.prosrc END, '--[^\n]*', '', 'g') AS body
  FROM cg_member m JOIN pg_catalog.pg_proc p ON p.oid = m.objid
  JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE m.classid = 'pg_catalog.pg_proc'::regclass;

-- Sequences behind identity/serial columns: generated with their column, documented by it.
CREATE TEMP VIEW cg_owned_seq AS
SELECT s.oid, d.refobjid AS table_oid
  FROM cg_rel s
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = s.oid
       AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
 WHERE s.relkind = 'S';

-- The heuristic for "Chinese and English": a CJK ideograph, and an English word (two or more ASCII letters) that
-- is not part of an identifier such as subject_id or credit_gz.record (those alone are not English).
CREATE FUNCTION pg_temp.bilingual(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT coalesce($1 ~ '[\u3400-\u4dbf\u4e00-\u9fff]'
                   AND pg_catalog.regexp_replace($1, '[A-Za-z0-9_]*[_.][A-Za-z0-9_.]*', ' ', 'g')
                       ~ '(^|[^A-Za-z0-9_])[A-Za-z]{2,}($|[^A-Za-z0-9_])', false) $$;

-- A pinned search_path: set in proconfig, pg_temp last (else temporary objects shadow others), no public/"$user".
CREATE FUNCTION pg_temp.pinned(cfg text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT coalesce(bool_or(c ~ '^search_path=' AND c ~ '(=|,)\s*"?pg_temp"?\s*$'
                           AND c !~* '(=|,)\s*("?\$user"?|"?public"?)\s*(,|$)'), false)
     FROM unnest($1) AS c $$;

-- ---------------------------------------------------------------------------------------------------------------
-- Known exceptions, each with its reason. Kinds: 'not_dumped' (member table deliberately not registered with
-- pg_extension_config_dump), 'no_pk' (table without a primary key), 'public_definer' (SECURITY DEFINER routine
-- deliberately executable by PUBLIC, with the reason the docs give), 'key_without_subject' (table with a subject_id column whose primary key or a
-- unique index does not start with it), 'readable_lookup' (table with a subject_id column granted to roles without
-- row-level security, deliberately readable by every role it is granted to).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE cg_exception (kind text, object text, reason text);
INSERT INTO cg_exception VALUES
    ('readable_lookup', 'credit_gz.subject_uscc',
     'maps a unified social credit code to its subject id and holds no credit information; departments resolve the '
     'codes of their own documents through it (subject_id_of, pre-checks by code), and the subject itself is under '
     'row-level security'),
    ('readable_lookup', 'credit_gz.subject_resident_id',
     'maps a resident identity number to its subject id and holds no credit information; granted to departments only, '
     'which already read the number on the subject'),
    ('readable_lookup', 'credit_gz.subject_identity_document',
     'maps an identity document to its subject id and holds no credit information; granted to departments only, '
     'which already read the document on the subject'),
    ('not_dumped', 'credit_gz.case_step_kind',
     'fixed vocabulary of the policy''s case steps, shipped by CREATE EXTENSION, no locally added rows'),
    ('not_dumped', 'credit_gz.scoring_rule_key',
     'derived from scoring_rule and scoring_downgrade by rebuild_scoring_keys(), kept current by statement triggers'),
    ('no_pk', 'credit_gz.scoring_rule_key',
     'derived lookup table, rewritten as a whole by rebuild_scoring_keys(); never edited or replicated row by row'),
    ('no_pk', 'credit_gz.grade_history',
     'append-only history; history_id is deliberately not unique: a restore interleaves restored rows with rows the '
     'triggers append while records are reloaded (column comment of grade_history.history_id)'),
    ('no_pk', 'credit_gz.score_drop',
     'append-only history written with grade_history by the same triggers, same restore interleaving'),
    ('key_without_subject', 'credit_gz.record_document',
     'lookup of the globally unique (department_code, document_no), keyed by it (distributed by the code)'),
    ('key_without_subject', 'credit_gz.occupation_licence',
     'lookup of the globally unique (occupation, licence_no), keyed by it (distributed by the code)'),
    ('key_without_subject', 'credit_gz.subject_uscc',
     'lookup of the globally unique uscc, keyed by it (distributed by the code)'),
    ('key_without_subject', 'credit_gz.subject_resident_id',
     'lookup of the globally unique resident_id, keyed by it (distributed by the code)'),
    ('key_without_subject', 'credit_gz.subject_identity_document',
     'lookup of the globally unique (identity_document_type, identity_document_no), keyed by it (distributed by the code)');

-- ---------------------------------------------------------------------------------------------------------------
-- The catalogue is what we think it is (so that the checks below cannot pass on an empty set)
-- ---------------------------------------------------------------------------------------------------------------
SELECT is(ARRAY(SELECT k FROM unnest(ARRAY['table', 'view', 'function', 'aggregate', 'type', 'operator',
                                           'operator class', 'operator family', 'cast']) AS k
                 EXCEPT
                SELECT (pg_catalog.pg_identify_object(classid, objid, 0)).type FROM cg_member
                 ORDER BY 1),
          '{}'::text[], 'the extension has members of every kind checked below');

-- ---------------------------------------------------------------------------------------------------------------
-- COMMENT ON every object
-- ---------------------------------------------------------------------------------------------------------------
SELECT is(ARRAY(SELECT pg_catalog.obj_description(e.extnamespace, 'pg_namespace') IS NOT NULL
                   AND pg_temp.bilingual(pg_catalog.obj_description(e.extnamespace, 'pg_namespace'))
                  FROM pg_catalog.pg_extension e WHERE e.extname = 'credit_gz'),
          ARRAY[true], 'schema credit_gz has a Chinese and English comment');

SELECT is(ARRAY(SELECT pg_catalog.pg_describe_object(m.classid, m.objid, 0) FROM cg_member m
                 WHERE m.classid = 'pg_catalog.pg_class'::regclass
                   AND m.objid NOT IN (SELECT oid FROM cg_owned_seq)
                   AND pg_catalog.obj_description(m.objid, 'pg_class') IS NULL
                 ORDER BY 1),
          '{}'::text[], 'every table, view and stand-alone sequence has a comment');

SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM cg_proc p
                 WHERE pg_catalog.obj_description(p.oid, 'pg_proc') IS NULL ORDER BY 1),
          '{}'::text[], 'every function, procedure and aggregate has a comment');

SELECT is(ARRAY(SELECT pg_catalog.pg_describe_object(m.classid, m.objid, 0) FROM cg_member m
                 WHERE m.classid NOT IN ('pg_catalog.pg_class'::regclass, 'pg_catalog.pg_proc'::regclass)
                   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_description x
                                    WHERE x.classoid = m.classid AND x.objoid = m.objid AND x.objsubid = 0)
                 ORDER BY 1),
          '{}'::text[], 'every type, operator, operator class and family, cast (every other member) has a comment');

SELECT is(ARRAY(SELECT c.oid::regclass::text || '.' || pg_catalog.quote_ident(a.attname)
                  FROM cg_rel c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
                 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
                   AND pg_catalog.col_description(c.oid, a.attnum) IS NULL
                 ORDER BY 1),
          '{}'::text[], 'every column of every table and view has a comment');

SELECT is(ARRAY(SELECT t.tgname || ' on ' || t.tgrelid::regclass::text
                  FROM cg_rel c JOIN pg_catalog.pg_trigger t ON t.tgrelid = c.oid
                 WHERE NOT t.tgisinternal AND pg_catalog.obj_description(t.oid, 'pg_trigger') IS NULL
                 ORDER BY 1),
          '{}'::text[], 'every trigger has a comment');

-- Indexes made by PRIMARY KEY / UNIQUE / EXCLUDE are described by their constraint; explicit ones need a why.
SELECT is(ARRAY(SELECT i.indexrelid::regclass::text
                  FROM cg_rel c JOIN pg_catalog.pg_index i ON i.indrelid = c.oid
                 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid
                                      AND k.conrelid = c.oid AND k.contype IN ('p', 'u', 'x'))
                   AND pg_catalog.obj_description(i.indexrelid, 'pg_class') IS NULL
                 ORDER BY 1),
          '{}'::text[], 'every explicitly created index has a comment');

SELECT is(ARRAY(SELECT 'policy ' || pol.polname || ' on ' || pol.polrelid::regclass::text
                  FROM cg_rel c JOIN pg_catalog.pg_policy pol ON pol.polrelid = c.oid
                 WHERE pg_catalog.obj_description(pol.oid, 'pg_policy') IS NULL
                UNION ALL
                SELECT 'rule ' || r.rulename || ' on ' || r.ev_class::regclass::text
                  FROM cg_rel c JOIN pg_catalog.pg_rewrite r ON r.ev_class = c.oid
                 WHERE r.rulename <> '_RETURN' AND pg_catalog.obj_description(r.oid, 'pg_rewrite') IS NULL
                 ORDER BY 1),
          '{}'::text[], 'every row-level security policy and rewrite rule has a comment');

-- ---------------------------------------------------------------------------------------------------------------
-- Chinese and English where users read: tables, views and their columns
-- ---------------------------------------------------------------------------------------------------------------
SELECT is(ARRAY(SELECT c.oid::regclass::text FROM cg_rel c
                 WHERE c.relkind IN ('r', 'p', 'f') AND NOT pg_temp.bilingual(pg_catalog.obj_description(c.oid, 'pg_class'))
                 ORDER BY 1),
          '{}'::text[], 'every table''s comment is in Chinese and English');

SELECT is(ARRAY(SELECT c.oid::regclass::text || '.' || pg_catalog.quote_ident(a.attname)
                  FROM cg_rel c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
                 WHERE c.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped
                   AND NOT pg_temp.bilingual(pg_catalog.col_description(c.oid, a.attnum))
                 ORDER BY 1),
          '{}'::text[], 'every table column''s comment is in Chinese and English');

SELECT is(ARRAY(SELECT c.oid::regclass::text FROM cg_rel c
                 WHERE c.relkind IN ('v', 'm') AND NOT pg_temp.bilingual(pg_catalog.obj_description(c.oid, 'pg_class'))
                 ORDER BY 1),
          '{}'::text[], 'every view''s comment is in Chinese and English');

SELECT is(ARRAY(SELECT c.oid::regclass::text || '.' || pg_catalog.quote_ident(a.attname)
                  FROM cg_rel c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
                 WHERE c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
                   AND NOT pg_temp.bilingual(pg_catalog.col_description(c.oid, a.attnum))
                 ORDER BY 1),
          '{}'::text[], 'every view column''s comment is in Chinese and English');

-- ---------------------------------------------------------------------------------------------------------------
-- search_path pinning and privileges
-- ---------------------------------------------------------------------------------------------------------------
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM cg_proc p
                 WHERE p.prosecdef AND NOT pg_temp.pinned(p.proconfig) ORDER BY 1),
          '{}'::text[], 'every SECURITY DEFINER routine pins search_path (pg_temp last, no public or $user)');

SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM cg_proc p
                 WHERE p.prorettype IN ('pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype)
                   AND NOT pg_temp.pinned(p.proconfig) ORDER BY 1),
          '{}'::text[], 'every trigger function pins search_path (pg_temp last, no public or $user)');

-- A SECURITY DEFINER routine callable by anyone hands the owner's rights to everyone. Trigger functions too: EXECUTE
-- is what lets a role attach one to a table of its own (CREATE TRIGGER), and then fire it with rows it made up.
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM cg_proc p
                 WHERE p.prosecdef
                   AND (p.proacl IS NULL
                        OR EXISTS (SELECT 1 FROM pg_catalog.aclexplode(p.proacl) a
                                    WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))
                   AND p.oid::regprocedure::text NOT IN (SELECT object FROM cg_exception WHERE kind = 'public_definer')
                UNION ALL
                SELECT 'stale exception: ' || x.object FROM cg_exception x
                  LEFT JOIN cg_proc p ON p.oid = pg_catalog.to_regprocedure(x.object)
                 WHERE x.kind = 'public_definer'
                   AND NOT coalesce(p.prosecdef AND pg_catalog.has_function_privilege('public', p.oid, 'EXECUTE'), false)
                 ORDER BY 1),
          '{}'::text[], 'no SECURITY DEFINER routine is executable by PUBLIC');

-- A trigger function that runs with more rights than its caller checks the table it fires on (TG_RELID against the
-- tables it was made for): attached by one who may (the owner, here) to a copy of each table it serves, by the same
-- trigger definition, it refuses with 39P01 before touching anything. WHEN conditions are left off the copies: the
-- function itself must refuse, whatever fires it.
CREATE FUNCTION pg_temp.definer_triggers_on_copies(OUT fired integer, OUT problems text[]) LANGUAGE plpgsql AS $$
DECLARE
    t     record;
    ev    text;
    col   text;
    state text;
    msg   text;
BEGIN
    fired := 0;
    problems := '{}';
    FOR t IN SELECT tg.tgname, tg.tgrelid::regclass AS rel, tg.tgfoid::regprocedure AS fn, tg.tgtype, tg.tgattr,
                    pg_catalog.pg_get_triggerdef(tg.oid) AS def
               FROM pg_catalog.pg_trigger tg JOIN cg_proc p ON p.oid = tg.tgfoid
              WHERE p.prosecdef AND NOT tg.tgisinternal
              ORDER BY 2, 1
    LOOP
        FOREACH ev IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] LOOP
            CONTINUE WHEN t.tgtype & CASE ev WHEN 'INSERT' THEN 4 WHEN 'DELETE' THEN 8 WHEN 'UPDATE' THEN 16 ELSE 32 END = 0;
            fired := fired + 1;
            BEGIN
                EXECUTE pg_catalog.format('CREATE TEMP TABLE cg_copy AS SELECT * FROM %s LIMIT 0', t.rel);
                INSERT INTO pg_temp.cg_copy DEFAULT VALUES;
                EXECUTE pg_catalog.regexp_replace(
                            pg_catalog.regexp_replace(t.def, ' ON credit_gz\.("[^"]+"|\w+) ', ' ON pg_temp.cg_copy '),
                            ' WHEN \(.*\) EXECUTE ', ' EXECUTE ');
                SELECT a.attname INTO col FROM pg_catalog.pg_attribute a
                 WHERE a.attrelid = t.rel AND a.attnum = coalesce(t.tgattr[0], 1);
                EXECUTE CASE ev WHEN 'INSERT' THEN 'INSERT INTO pg_temp.cg_copy DEFAULT VALUES'
                                WHEN 'UPDATE' THEN pg_catalog.format('UPDATE pg_temp.cg_copy SET %1$I = %1$I', col)
                                WHEN 'DELETE' THEN 'DELETE FROM pg_temp.cg_copy'
                                ELSE 'TRUNCATE pg_temp.cg_copy' END;
                RAISE EXCEPTION 'fired' USING ERRCODE = 'CGT99';   -- undo whatever it did, and say it did not refuse
            EXCEPTION WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
                IF state <> '39P01' THEN
                    problems := problems || pg_catalog.format('%s (trigger %s on %s, %s): %s',
                                    t.fn, t.tgname, t.rel, ev,
                                    CASE WHEN state = 'CGT99' THEN 'ran on a copy of the table'
                                         ELSE state || ' ' || msg END);
                END IF;
            END;
        END LOOP;
    END LOOP;
END $$;
SELECT is((pg_temp.definer_triggers_on_copies()).problems, '{}'::text[],
          'every SECURITY DEFINER trigger function refuses (39P01) a table it was not made for');
SELECT ok((pg_temp.definer_triggers_on_copies()).fired >= 30,
          'the check above fired the definer triggers of the extension''s tables (scoring, propagation, audit, lookups)');

-- Which relations a role other than the owner may read or write: privileges in the catalogue, and those the grant_*
-- functions hand out (credit_gz.role_privilege; a fresh install has granted them to nobody yet).
CREATE TEMP VIEW cg_granted AS
SELECT c.oid, c.relkind, c.relrowsecurity, c.reloptions
  FROM cg_rel c
 WHERE c.relkind IN ('r', 'p', 'v', 'm')
   AND (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(c.relacl) a WHERE a.grantee <> c.relowner)
        OR EXISTS (SELECT 1 FROM credit_gz.role_privilege rp
                    WHERE rp.object_name = c.relname
                       OR (rp.object_name LIKE '%*' AND c.relkind IN ('v', 'm')
                           AND c.relname LIKE pg_catalog.rtrim(rp.object_name, '*') || '%')));
-- The extension's tables that hold a subject's data: those with a subject_id column.
CREATE TEMP VIEW cg_subject_table AS
SELECT c.oid FROM cg_rel c
 WHERE c.relkind IN ('r', 'p')
   AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'subject_id'
                  AND NOT a.attisdropped);

-- A view runs with its owner's rights: read by anyone else, a function of the reader's in the WHERE clause would see
-- every row the view scans unless the view is a security barrier — or runs with the reader's rights
-- (security_invoker) over tables of subjects' data that are all under row-level security.
SELECT is(ARRAY(SELECT g.oid::regclass::text FROM cg_granted g
                 WHERE g.relkind IN ('v', 'm')
                   AND NOT coalesce(g.reloptions && ARRAY['security_barrier=true', 'security_barrier=on'], false)
                   AND NOT (coalesce(g.reloptions && ARRAY['security_invoker=true', 'security_invoker=on'], false)
                            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite rw
                                              JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass
                                                   AND d.objid = rw.oid AND d.refclassid = 'pg_catalog.pg_class'::regclass
                                              JOIN cg_subject_table s ON s.oid = d.refobjid
                                              JOIN pg_catalog.pg_class t ON t.oid = s.oid
                                             WHERE rw.ev_class = g.oid AND NOT t.relrowsecurity))
                 ORDER BY 1),
          '{}'::text[], 'every view granted to a role other than its owner is a security barrier');
SELECT ok((SELECT count(*) FROM cg_granted WHERE relkind = 'v' AND oid::regclass::text LIKE 'credit_gz.monitor\_%') >= 10,
          'the check above sees the monitoring views among the granted ones');

-- A table of subjects' data that anyone but its owner may touch is under row-level security, so what each role
-- reaches is stated by policies; or it is granted to no role at all.
SELECT is(ARRAY(SELECT g.oid::regclass::text FROM cg_granted g JOIN cg_subject_table s ON s.oid = g.oid
                 WHERE NOT g.relrowsecurity
                   AND g.oid::regclass::text NOT IN (SELECT object FROM cg_exception WHERE kind = 'readable_lookup')
                UNION ALL
                SELECT 'stale exception: ' || x.object FROM cg_exception x
                 WHERE x.kind = 'readable_lookup'
                   AND NOT EXISTS (SELECT 1 FROM cg_granted g JOIN cg_subject_table s ON s.oid = g.oid
                                    WHERE g.oid = pg_catalog.to_regclass(x.object) AND NOT g.relrowsecurity)
                 ORDER BY 1),
          '{}'::text[], 'every table of subjects'' data granted to a role is under row-level security');
SELECT ok((SELECT count(*) FROM cg_granted g JOIN cg_subject_table s ON s.oid = g.oid) >= 15,
          'the check above sees the granted tables of subjects'' data (records, entries, cases, scores, …)');

-- Names in a string body resolve at run time: an unqualified table name would go through the caller's search_path
-- (or fail under the pinned one). SQL-standard bodies (BEGIN ATOMIC) are bound at creation and left out, and so is
-- a name the body defines itself as a CTE.
SELECT is(ARRAY(SELECT DISTINCT p.oid::regprocedure::text || ': ' || c.relname
                  FROM cg_proc p JOIN cg_rel c ON c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                 WHERE p.lanname IN ('sql', 'plpgsql') AND p.prosqlbody IS NULL
                   AND p.body ~* ('(^|[^.\w"])(from|join|into|update|table)\s+"?' || c.relname || '"?($|[^.\w"])')
                   AND p.body !~* ('\m' || c.relname || '\s+as\s+(not\s+)?(materialized\s+)?\(')
                 ORDER BY 1),
          '{}'::text[], 'SQL and PL/pgSQL bodies schema-qualify the extension''s tables and views');

-- ---------------------------------------------------------------------------------------------------------------
-- Honest labels: volatility, parallel safety, strictness
-- ---------------------------------------------------------------------------------------------------------------
-- Statements and calls that write or take locks: only VOLATILE PARALLEL UNSAFE routines may contain them.
SELECT is(ARRAY(SELECT p.oid::regprocedure::text || ' (' || p.provolatile::text || p.proparallel::text || '): '
                       || (pg_catalog.regexp_match(p.body,
                           '\m(insert\s+into|update\s+[\w."]+(\s+(as\s+)?\w+)?\s+set|delete\s+from|merge\s+into|'
                           'truncate|nextval|setval|pg_advisory_\w+|pg_try_advisory_\w+|pg_notify|set_config)\M',
                           'i'))[1]
                  FROM cg_proc p
                 WHERE p.lanname IN ('sql', 'plpgsql') AND (p.provolatile <> 'v' OR p.proparallel <> 'u')
                   AND p.body ~* ('\m(insert\s+into|update\s+[\w."]+(\s+(as\s+)?\w+)?\s+set|delete\s+from|'
                                  'merge\s+into|truncate|nextval|setval|pg_advisory_\w+|pg_try_advisory_\w+|'
                                  'pg_notify|set_config)\M')
                 ORDER BY 1),
          '{}'::text[], 'routines that write, lock or notify are VOLATILE and PARALLEL UNSAFE');

SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM cg_proc p
                 WHERE p.prorettype IN ('pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype)
                   AND (p.provolatile <> 'v' OR p.proparallel = 's')
                 ORDER BY 1),
          '{}'::text[], 'trigger functions are VOLATILE and not PARALLEL SAFE');

SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM cg_proc p
                 WHERE p.prosecdef AND p.provolatile = 'v' AND p.proparallel = 's' ORDER BY 1),
          '{}'::text[], 'no VOLATILE SECURITY DEFINER routine is PARALLEL SAFE');

-- IMMUTABLE promises the same result forever for the same arguments: no clock, setting, role or table.
SELECT is(ARRAY(SELECT p.oid::regprocedure::text || ': '
                       || (pg_catalog.regexp_match(p.body,
                           '\m(current_date|current_timestamp|current_time|now|localtimestamp|localtime|'
                           'clock_timestamp|statement_timestamp|transaction_timestamp|current_setting|'
                           'current_user|session_user|current_role|random)\M', 'i'))[1]
                  FROM cg_proc p
                 WHERE p.lanname IN ('sql', 'plpgsql') AND p.provolatile = 'i'
                   AND p.body ~* ('\m(current_date|current_timestamp|current_time|now|localtimestamp|localtime|'
                                  'clock_timestamp|statement_timestamp|transaction_timestamp|current_setting|'
                                  'current_user|session_user|current_role|random)\M')
                UNION ALL
                SELECT p.oid::regprocedure::text || ': ' || c.relname
                  FROM cg_proc p JOIN cg_rel c ON c.relkind IN ('r', 'p', 'v', 'm', 'f')
                 WHERE p.lanname IN ('sql', 'plpgsql') AND p.provolatile = 'i'
                   AND p.body ~* ('\mcredit_gz\."?' || c.relname || '"?($|[^\w"])')
                 ORDER BY 1),
          '{}'::text[], 'IMMUTABLE routines read no clock, setting, role or table');

-- A routine is no safer than what it calls: credit_gz.f( calls to members whose every overload is labelled worse.
SELECT is(ARRAY(SELECT p.oid::regprocedure::text || ' calls ' || g.proname
                  FROM cg_proc p JOIN cg_proc g ON p.body ~* ('\mcredit_gz\."?' || g.proname || '"?\s*\(')
                 WHERE p.lanname IN ('sql', 'plpgsql')
                 GROUP BY p.oid, p.provolatile, p.proparallel, g.proname
                HAVING (p.provolatile = 'i' AND bool_and(g.provolatile <> 'i'))
                    OR (p.provolatile = 's' AND bool_and(g.provolatile = 'v'))
                    OR (p.proparallel = 's' AND bool_and(g.proparallel <> 's'))
                    OR (p.proparallel = 'r' AND bool_and(g.proparallel = 'u'))
                 ORDER BY 1),
          '{}'::text[], 'no routine is labelled safer (volatility, parallel) than the extension routines it calls');

-- An aggregate is no safer than its support functions (a PARALLEL SAFE aggregate runs them in workers).
SELECT is(ARRAY(SELECT a.aggfnoid::regprocedure::text || ': ' || f.oid::regprocedure::text
                  FROM cg_proc p
                  JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
                  JOIN pg_catalog.pg_proc f ON f.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn,
                                                          a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn)
                 WHERE (p.provolatile = 'i' AND f.provolatile <> 'i') OR (p.provolatile = 's' AND f.provolatile = 'v')
                    OR (p.proparallel = 's' AND f.proparallel <> 's') OR (p.proparallel = 'r' AND f.proparallel = 'u')
                 ORDER BY 1),
          '{}'::text[], 'no aggregate is labelled safer (volatility, parallel) than its support functions');

-- Index and sort correctness rests on operator class members being IMMUTABLE.
SELECT is(ARRAY(SELECT DISTINCT pg_catalog.pg_describe_object(m.classid, m.objid, 0) || ': ' || f.oid::regprocedure::text
                  FROM cg_member m
                  JOIN pg_catalog.pg_amproc ap ON ap.amprocfamily = m.objid
                  JOIN pg_catalog.pg_proc f ON f.oid = ap.amproc
                 WHERE m.classid = 'pg_catalog.pg_opfamily'::regclass AND f.provolatile <> 'i'
                UNION
                SELECT DISTINCT pg_catalog.pg_describe_object(m.classid, m.objid, 0) || ': ' || o.oprcode::regprocedure::text
                  FROM cg_member m
                  JOIN pg_catalog.pg_amop ao ON ao.amopfamily = m.objid
                  JOIN pg_catalog.pg_operator o ON o.oid = ao.amopopr
                  JOIN pg_catalog.pg_proc f ON f.oid = o.oprcode
                 WHERE m.classid = 'pg_catalog.pg_opfamily'::regclass AND (f.provolatile <> 'i' OR NOT f.proisstrict)
                 ORDER BY 1),
          '{}'::text[], 'operator class support and operator functions are IMMUTABLE (operators also STRICT)');

SELECT is(ARRAY(SELECT t.oid::regtype::text || ': ' || f.oid::regprocedure::text
                  FROM cg_member m
                  JOIN pg_catalog.pg_type t ON t.oid = m.objid AND m.classid = 'pg_catalog.pg_type'::regclass
                  JOIN pg_catalog.pg_proc f
                    ON f.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend)
                 WHERE f.provolatile = 'v' OR NOT f.proisstrict
                 ORDER BY 1),
          '{}'::text[], 'type input/output/receive/send functions are STRICT and not VOLATILE');

-- Labels the user documentation states (doc/*.md) match the catalogue. NULL: the doc says nothing.
CREATE TEMP TABLE cg_doc_label (fn text, vol "char", strict boolean, par "char", doc text);
INSERT INTO cg_doc_label VALUES
    -- doc/resident_id.md: "All are IMMUTABLE STRICT PARALLEL SAFE except resident_id_district (STABLE) and
    -- resident_id_explain (STABLE)"
    ('credit_gz.resident_id_is_valid(text)', 'i', true, 's', 'resident_id.md'),
    ('credit_gz.resident_id_explain(text)', 's', true, 's', 'resident_id.md'),
    ('credit_gz.resident_id_birth_date(credit_gz.resident_id)', 'i', true, 's', 'resident_id.md'),
    ('credit_gz.resident_id_sex(credit_gz.resident_id)', 'i', true, 's', 'resident_id.md'),
    ('credit_gz.resident_id_region(credit_gz.resident_id)', 'i', true, 's', 'resident_id.md'),
    ('credit_gz.resident_id_make(text)', 'i', true, 's', 'resident_id.md'),
    ('credit_gz.resident_id_mask(credit_gz.resident_id)', 'i', true, 's', 'resident_id.md'),
    ('credit_gz.resident_id_district(credit_gz.resident_id)', 's', true, 's', 'resident_id.md'),
    -- doc/credit_grade.md: "Helpers (all IMMUTABLE STRICT PARALLEL SAFE)"; min/max parallel-safe
    ('credit_gz.credit_grade_label(credit_gz.credit_grade)', 'i', true, 's', 'credit_grade.md'),
    ('credit_gz.credit_grade_rank(credit_gz.credit_grade)', 'i', true, 's', 'credit_grade.md'),
    ('credit_gz.min(credit_gz.credit_grade)', 'i', NULL, 's', 'credit_grade.md'),
    ('credit_gz.max(credit_gz.credit_grade)', 'i', NULL, 's', 'credit_grade.md'),
    -- doc/uscc.md: "STRICT, PARALLEL SAFE, IMMUTABLE unless noted"; uscc_district, uscc(text) and uscc_explain STABLE
    ('credit_gz.uscc_is_valid(text)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_explain(text)', 's', true, 's', 'uscc.md'),
    ('credit_gz.uscc_is_verified(credit_gz.uscc)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_correct(credit_gz.uscc)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_authority(credit_gz.uscc)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_authority_name(credit_gz.uscc)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_category(credit_gz.uscc)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_category_name(credit_gz.uscc)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_region(credit_gz.uscc)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_org_code(credit_gz.uscc)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_make(text)', 'i', true, 's', 'uscc.md'),
    ('credit_gz.uscc_district(credit_gz.uscc)', 's', true, 's', 'uscc.md'),
    ('credit_gz.uscc(text)', 's', true, 's', 'uscc.md'),
    ('credit_gz.uscc_text(credit_gz.uscc)', 'i', true, 's', 'uscc.md'),
    -- doc/lists.md: precheck "VOLATILE" (logs to measure_feedback), is_restricted "VOLATILE" (logs its read)
    ('credit_gz.precheck(bigint,text,text,text)', 'v', NULL, 'u', 'lists.md'),
    ('credit_gz.is_restricted(bigint,text,text)', 'v', NULL, 'u', 'lists.md');
SELECT is(ARRAY(SELECT d.doc || ': ' || d.fn || coalesce(' is ' || p.provolatile::text || p.proparallel::text
                                                         || CASE WHEN p.proisstrict THEN ' strict' ELSE '' END,
                                                         ' is missing')
                  FROM cg_doc_label d
                  LEFT JOIN cg_proc p ON p.oid = pg_catalog.to_regprocedure(d.fn)
                 WHERE p.oid IS NULL OR p.provolatile <> d.vol OR p.proisstrict <> d.strict OR p.proparallel <> d.par
                 ORDER BY 1),
          '{}'::text[], 'volatility, STRICT and PARALLEL labels are those the documentation states');

-- ---------------------------------------------------------------------------------------------------------------
-- Keys, schema, dump registration
-- ---------------------------------------------------------------------------------------------------------------
SELECT is(ARRAY(SELECT c.oid::regclass::text FROM cg_rel c
                 WHERE c.relkind IN ('r', 'p')
                   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')
                   AND c.oid::regclass::text NOT IN (SELECT object FROM cg_exception WHERE kind = 'no_pk')
                UNION ALL
                SELECT 'stale exception: ' || x.object FROM cg_exception x
                 WHERE x.kind = 'no_pk'
                   AND NOT coalesce(pg_catalog.to_regclass(x.object) IN (SELECT oid FROM cg_rel WHERE relkind IN ('r', 'p'))
                                    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                                                     WHERE k.conrelid = pg_catalog.to_regclass(x.object)
                                                       AND k.contype = 'p'), false)
                 ORDER BY 1),
          '{}'::text[], 'every table has a primary key');

-- Names: an index is named ..._idx unless its constraint names it (PRIMARY KEY, UNIQUE, EXCLUDE).
SELECT is(ARRAY(SELECT i.indexrelid::regclass::text
                  FROM cg_rel c JOIN pg_catalog.pg_index i ON i.indrelid = c.oid
                 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid
                                      AND k.conrelid = c.oid AND k.contype IN ('p', 'u', 'x'))
                   AND pg_catalog.right(i.indexrelid::regclass::text, 4) <> '_idx'
                 ORDER BY 1),
          '{}'::text[], 'every index not made by a constraint is named ..._idx');

-- Distribution by subject: a table holding subjects' rows (a subject_id column) has subject_id first in every
-- primary key, unique constraint and unique index, so that each can be enforced on the subject's shard.
SELECT is(ARRAY(SELECT i.indexrelid::regclass::text || ' on ' || c.oid::regclass::text
                  FROM cg_rel c
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'subject_id' AND NOT a.attisdropped
                  JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisunique
                 WHERE c.relkind IN ('r', 'p') AND i.indkey[0] <> a.attnum
                   AND c.oid::regclass::text NOT IN (SELECT object FROM cg_exception WHERE kind = 'key_without_subject')
                UNION ALL
                SELECT 'stale exception: ' || x.object FROM cg_exception x
                 WHERE x.kind = 'key_without_subject'
                   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                                     JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attname = 'subject_id'
                                    WHERE i.indrelid = pg_catalog.to_regclass(x.object) AND i.indisunique
                                      AND i.indkey[0] <> a.attnum)
                 ORDER BY 1),
          '{}'::text[], 'tables of subjects'' rows have subject_id first in every primary key and unique index');

-- A row of a subject's table belongs to one subject: subject_id is NOT NULL wherever it is a column (rows that
-- belong to no subject live in tables of their own: catalogue_audit_log, unknown_code_read_log).
SELECT is(ARRAY(SELECT c.oid::regclass::text FROM cg_rel c
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'subject_id' AND NOT a.attisdropped
                 WHERE c.relkind IN ('r', 'p') AND NOT a.attnotnull
                 ORDER BY 1),
          '{}'::text[], 'subject_id is NOT NULL in every table that has it');

-- Citus refuses sub-SELECTs in row-level security policies: no policy expression may contain one (EXISTS and
-- IN (SELECT …) included).
SELECT is(ARRAY(SELECT p.tablename || '.' || p.policyname FROM pg_catalog.pg_policies p
                 WHERE p.schemaname = 'credit_gz'
                   AND (coalesce(p.qual, '') ~* '\mselect\M' OR coalesce(p.with_check, '') ~* '\mselect\M')
                 ORDER BY 1),
          '{}'::text[], 'no row-level security policy expression contains a sub-SELECT');
-- … and the check above sees what it must see: the policies exist and call the functions.
SELECT ok((SELECT pg_catalog.count(*) FROM pg_catalog.pg_policies p
            WHERE p.schemaname = 'credit_gz' AND (p.qual ~ 'my_departments' OR p.with_check ~ 'my_departments')) >= 10,
          'the department policies are there to be checked');

-- A view grouping or counting distinct rows of a subject's table by the row's id groups by the full key
-- (subject_id, id): on a table distributed by subject the id alone is not the key. Ids: the identity column that
-- is the second column of a primary key (subject_id, id).
CREATE TEMP VIEW cg_subject_row_id AS
SELECT DISTINCT a.attname::text AS id
  FROM cg_rel c
  JOIN pg_catalog.pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p' AND pg_catalog.cardinality(k.conkey) = 2
  JOIN pg_catalog.pg_attribute s ON s.attrelid = c.oid AND s.attnum = k.conkey[1] AND s.attname = 'subject_id'
  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[2] AND a.attidentity <> ''
 WHERE c.relkind IN ('r', 'p');
CREATE FUNCTION pg_temp.partial_key_groupings(def text) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM (
        SELECT 'GROUP BY ' || g[1] AS x
          FROM pg_catalog.regexp_matches($1, 'GROUP BY ([^\n;]*)', 'g') AS g
         WHERE EXISTS (SELECT FROM cg_subject_row_id i WHERE g[1] ~ ('(^|[^\w])' || i.id || '\M'))
           AND g[1] !~ '\msubject_id\M'
        UNION
        SELECT 'DISTINCT ' || d[1]
          FROM pg_catalog.regexp_matches($1, 'DISTINCT (?:ON \()?([\w.]+)\)', 'g') AS d
         WHERE EXISTS (SELECT FROM cg_subject_row_id i WHERE d[1] ~ ('(^|\.)' || i.id || '$'))) t
$$;
SELECT is(ARRAY(SELECT c.oid::regclass::text || ': ' || p
                  FROM cg_rel c, unnest(pg_temp.partial_key_groupings(pg_catalog.pg_get_viewdef(c.oid))) AS p
                 WHERE c.relkind IN ('v', 'm')
                 ORDER BY 1),
          '{}'::text[], 'views group and count rows of subjects'' tables by the full key (subject_id, id)');
-- … and it would see a view that groups or counts by an id alone (and the ids include the case ids).
SELECT ok(EXISTS (SELECT FROM cg_subject_row_id WHERE id = 'case_id'), 'the full-key check knows the case ids');
SELECT is(pg_temp.partial_key_groupings(E'SELECT c.case_id, count(*)\n FROM x c\n  GROUP BY c.case_id;'),
          ARRAY['GROUP BY c.case_id'], 'the full-key check finds a GROUP BY of an id without subject_id');
SELECT is(pg_temp.partial_key_groupings(E'SELECT count(DISTINCT r.record_id) AS n FROM x r\n  GROUP BY r.subject_id, r.record_id;'),
          ARRAY['DISTINCT r.record_id'], 'the full-key check finds a count of distinct ids without subject_id');

-- The exceptions above that are lookups of codes unique across subjects hold only because code_lookup_sync keeps
-- each equal to its owner's rows: every such lookup has that trigger for INSERT, UPDATE, DELETE and TRUNCATE.
SELECT is(ARRAY(SELECT x.object || ' not kept on ' || ev
                  FROM cg_exception x
                 CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS ev
                 WHERE x.kind = 'key_without_subject' AND x.reason LIKE 'lookup %'
                   AND NOT EXISTS (
                       SELECT 1 FROM pg_catalog.pg_trigger t
                        WHERE t.tgfoid = 'credit_gz.code_lookup_sync()'::regprocedure
                          AND 'credit_gz.' || pg_catalog.split_part(pg_catalog.encode(t.tgargs, 'escape'), '\000', 1)
                              = x.object
                          AND (t.tgtype & CASE ev WHEN 'INSERT' THEN 4 WHEN 'DELETE' THEN 8 WHEN 'UPDATE' THEN 16
                                                  ELSE 32 END) <> 0)
                 ORDER BY 1),
          '{}'::text[], 'every lookup of codes unique across subjects is kept by code_lookup_sync on every write');
SELECT ok((SELECT count(*) FROM cg_exception WHERE kind = 'key_without_subject' AND reason LIKE 'lookup %') >= 5,
          'the lookups are among the exceptions (so that the check above cannot pass on an empty set)');

-- A cross-subject reference cannot be a foreign key between shards: no foreign key of a subject table may point
-- at another subject's row through a column other than subject_id.
SELECT is(ARRAY(SELECT k.conname || ' on ' || k.conrelid::regclass::text
                  FROM pg_catalog.pg_constraint k
                  JOIN cg_rel c ON c.oid = k.conrelid
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attname = 'subject_id'
                 WHERE k.contype = 'f'
                   AND a.attnum = ANY (k.confkey)
                   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute r
                                    WHERE r.attrelid = k.conrelid AND r.attname = 'subject_id'
                                      AND r.attnum = k.conkey[pg_catalog.array_position(k.confkey, a.attnum)])
                 ORDER BY 1),
          '{}'::text[], 'foreign keys to subjects'' rows go through the referencing row''s own subject_id');

-- Every constraint a PL/pgSQL error names exists (the C errors are pinned by the behaviour tests).
SELECT is(ARRAY(SELECT DISTINCT p.oid::regprocedure::text || ': ' || m[1]
                  FROM cg_proc p, pg_catalog.regexp_matches(p.body, 'CONSTRAINT\s*=\s*''(\w+)''', 'gi') AS m
                 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                                    WHERE k.conname = m[1] AND k.connamespace = 'credit_gz'::regnamespace)
                 ORDER BY 1),
          '{}'::text[], 'every constraint a PL/pgSQL error names exists in pg_constraint');

SELECT is(ARRAY(SELECT pg_catalog.pg_describe_object(m.classid, m.objid, 0) FROM cg_member m
                 WHERE (pg_catalog.pg_identify_object(m.classid, m.objid, 0)).schema <> 'credit_gz'
                 ORDER BY 1),
          '{}'::text[], 'every schema-qualified member lives in schema credit_gz');

SELECT is(ARRAY(SELECT pg_catalog.pg_describe_object(m.classid, m.objid, 0) FROM cg_member m
                  JOIN pg_catalog.pg_cast k ON k.oid = m.objid AND m.classid = 'pg_catalog.pg_cast'::regclass
                 WHERE 'credit_gz'::regnamespace NOT IN (SELECT typnamespace FROM pg_catalog.pg_type
                                                          WHERE oid IN (k.castsource, k.casttarget))
                 ORDER BY 1),
          '{}'::text[], 'every cast of the extension involves a credit_gz type');

-- pg_extension_config_dump: what is registered exists and belongs here; every table is registered
SELECT is((SELECT pg_catalog.array_length(extconfig, 1) IS NOT DISTINCT FROM pg_catalog.array_length(extcondition, 1)
             FROM pg_catalog.pg_extension WHERE extname = 'credit_gz'),
          true, 'extconfig and extcondition have one entry each per registered relation');

SELECT is(ARRAY(SELECT x.oid::text FROM pg_catalog.pg_extension e, unnest(e.extconfig) AS x(oid)
                 WHERE e.extname = 'credit_gz'
                   AND x.oid NOT IN (SELECT oid FROM cg_rel WHERE relkind IN ('r', 'p', 'S')
                                        AND relnamespace = 'credit_gz'::regnamespace)
                 ORDER BY 1),
          '{}'::text[], 'every relation registered with pg_extension_config_dump is a table or sequence of the extension');

SELECT is(ARRAY(SELECT c.oid::regclass::text FROM cg_rel c, pg_catalog.pg_extension e
                 WHERE e.extname = 'credit_gz' AND c.relkind IN ('r', 'p') AND c.oid <> ALL (e.extconfig)
                   AND c.oid::regclass::text NOT IN (SELECT object FROM cg_exception WHERE kind = 'not_dumped')
                UNION ALL
                SELECT 'stale exception: ' || x.object FROM cg_exception x, pg_catalog.pg_extension e
                 WHERE e.extname = 'credit_gz' AND x.kind = 'not_dumped'
                   AND coalesce(pg_catalog.to_regclass(x.object) = ANY (e.extconfig)
                                OR pg_catalog.to_regclass(x.object) NOT IN (SELECT oid FROM cg_rel), true)
                 ORDER BY 1),
          '{}'::text[], 'every table is registered with pg_extension_config_dump (pg_dump skips the data otherwise)');

SELECT is(ARRAY(SELECT s.oid::regclass::text FROM cg_owned_seq s, pg_catalog.pg_extension e
                 WHERE e.extname = 'credit_gz' AND s.table_oid = ANY (e.extconfig) AND s.oid <> ALL (e.extconfig)
                 ORDER BY 1),
          '{}'::text[], 'the identity/serial sequence of every registered table is registered too (restored ids do not collide)');

-- Each registered table's condition must be valid SQL (pg_dump runs it) and, in this freshly created database,
-- select no row: rows CREATE EXTENSION ships are recreated by it on restore, so dumping them would collide.
CREATE FUNCTION pg_temp.dump_condition_problems() RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
    r record;
    n bigint;
    problems text[] := '{}';
BEGIN
    FOR r IN SELECT x.oid::regclass AS tab, x.cond
               FROM pg_catalog.pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond)
              WHERE e.extname = 'credit_gz' AND pg_catalog.to_regclass(x.oid::regclass::text) IS NOT NULL
              ORDER BY 1
    LOOP
        IF (SELECT relkind FROM pg_catalog.pg_class WHERE oid = r.tab) <> 'S' THEN
            BEGIN
                EXECUTE pg_catalog.format('SELECT count(*) FROM %s %s', r.tab, r.cond) INTO n;
                IF n > 0 THEN
                    problems := problems || (r.tab::text || ': ' || n || ' row(s) would be dumped');
                END IF;
            EXCEPTION WHEN OTHERS THEN
                problems := problems || (r.tab::text || ': ' || SQLERRM);
            END;
        END IF;
    END LOOP;
    RETURN problems;
END $$;
SELECT is(pg_temp.dump_condition_problems(), '{}'::text[],
          'every dump condition is valid and selects no shipped row in a fresh database');

-- Every registered table's condition keeps user rows: the check above would pass with 'WHERE false'.
SELECT is(ARRAY(SELECT x.oid::regclass::text FROM pg_catalog.pg_extension e,
                       unnest(e.extconfig, e.extcondition) AS x(oid, cond)
                 WHERE e.extname = 'credit_gz' AND x.cond ~* '^\s*where\s+(false|null|1\s*=\s*0)\s*$'
                 ORDER BY 1),
          '{}'::text[], 'no dump condition excludes every row');

-- One clock (doc/schema.md, dates and the policy clock): "today" is credit_gz.policy_date() and the day of an
-- instant credit_gz.policy_date(timestamptz). No routine, view, column default or row-level policy reads the
-- session's date (CURRENT_DATE, LOCALTIMESTAMP, LOCALTIME, now()::date) or converts with a zone of its own
-- (AT TIME ZONE, a literal zone name), which would follow the session's TimeZone or a second definition.
CREATE FUNCTION pg_temp.own_clock(t text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT coalesce((pg_catalog.regexp_match($1, '(\m(current_date|localtimestamp|localtime)\M|'
                                                '\mat\s+time\s+zone\M|\mnow\(\)\)?::date)', 'i'))[1],
                  (pg_catalog.regexp_match($1, '\m(?:Asia|Europe|America|Africa|Australia|Pacific|Etc)/\w+'))[1]) $$;
SELECT is(ARRAY(SELECT x.what || ': ' || pg_temp.own_clock(x.def) FROM (
                    SELECT p.oid::regprocedure::text AS what, p.body AS def
                      FROM cg_proc p WHERE p.lanname IN ('sql', 'plpgsql')
                    UNION ALL
                    SELECT c.oid::regclass::text, pg_catalog.pg_get_viewdef(c.oid)
                      FROM cg_rel c WHERE c.relkind IN ('v', 'm')
                    UNION ALL
                    SELECT c.oid::regclass::text || '.' || a.attname, pg_catalog.pg_get_expr(d.adbin, d.adrelid)
                      FROM cg_rel c JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid
                      JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                    UNION ALL
                    SELECT c.oid::regclass::text || ' policy ' || pol.polname,
                           coalesce(pg_catalog.pg_get_expr(pol.polqual, pol.polrelid), '') || ' '
                           || coalesce(pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid), '')
                      FROM cg_rel c JOIN pg_catalog.pg_policy pol ON pol.polrelid = c.oid) x
                 WHERE pg_temp.own_clock(x.def) IS NOT NULL
                 ORDER BY 1),
          '{}'::text[], 'no routine, view, default or policy reads the session''s date or a time zone of its own');

-- Dynamic SQL: no function formats a text argument into a statement with %s (a value must go through %I or %L, or
-- be checked against a fixed list first, and that list's value is then formatted). Checked statement by statement:
-- an EXECUTE of a format() call with a %s (or %n$s) placeholder that takes a text or varchar argument of the function as one of
-- its own arguments, bare (`, order_by,`). %s of a regclass, regrole or regproc value is fine: its output is quoted.
SELECT is(ARRAY(SELECT p.oid::regprocedure::text || ' formats ' || a.name || ' with %s'
                  FROM cg_proc p
                 CROSS JOIN LATERAL unnest(p.proargnames, coalesce(p.proallargtypes, p.proargtypes::oid[])) AS a(name, type)
                 WHERE p.lanname IN ('plpgsql', 'sql') AND a.type IN ('text'::regtype, 'varchar'::regtype)
                   AND a.name <> ''
                   AND EXISTS (SELECT 1 FROM pg_catalog.regexp_split_to_table(p.body, ';') AS st(stmt)
                                WHERE st.stmt ~* '\mEXECUTE\M' AND st.stmt ~ 'format\s*\('
                                  AND st.stmt ~ '%([0-9]+\$)?s'
                                  AND st.stmt ~ ('[,(]\s*' || a.name || '\s*[,)]'))
                 ORDER BY 1),
          '{}'::text[], 'no function builds SQL from a text argument with %s (report_section checks a fixed list)');

-- ---------------------------------------------------------------------------------------------------------------
-- Messages in the language of lc_messages (doc/messages.md)
-- ---------------------------------------------------------------------------------------------------------------
-- A PL/pgSQL RAISE a user reads takes its texts from the catalogue: no literal format string (RAISE EXCEPTION
-- '…'), no MESSAGE, DETAIL or HINT written as a literal or a format() call — credit_gz.msg('…', args) instead.
-- Left in English, as the server leaves its internal errors: a trigger attached the wrong way (39P01) and the
-- rollback a validate-only load raises to itself and catches (CG809). Statement by statement: a RAISE up to its
-- semicolon, literals skipped whole.
CREATE TEMP VIEW cg_raise AS
SELECT p.oid::regprocedure::text AS fn, pg_catalog.regexp_replace(r.stmt[1], '\s+', ' ', 'g') AS stmt
  FROM cg_proc p
 CROSS JOIN LATERAL pg_catalog.regexp_matches(p.body,
           '(\mRAISE\s+(?:EXCEPTION|WARNING|NOTICE|INFO)?\s*(?:''[^'']*''|USING)(?:''[^'']*''|[^;''])*;)', 'gi') AS r(stmt)
 WHERE p.lanname = 'plpgsql'
   AND r.stmt[1] !~* 'ERRCODE\s*=\s*''(39P01|trigger_protocol_violated|CG809)''';

SELECT is(ARRAY(SELECT fn || ': ' || pg_catalog.left(stmt, 100) FROM cg_raise
                 WHERE stmt ~* '^RAISE\s+(EXCEPTION|WARNING|NOTICE|INFO)?\s*'''
                    OR stmt ~* '\m(MESSAGE|DETAIL|HINT)\s*=\s*(''|(pg_catalog\.)?format\s*\()'
                 ORDER BY 1),
          '{}'::text[], 'every RAISE a user reads takes its message, detail and hint from credit_gz.msg');

-- … and the check sees what it must see: RAISE statements with credit_gz.msg are many.
SELECT ok((SELECT pg_catalog.count(*) FROM cg_raise WHERE stmt ~ 'credit_gz\.msg\(') >= 100,
          'the RAISE check reads the routines'' RAISE statements');

SELECT * FROM finish();
ROLLBACK;
