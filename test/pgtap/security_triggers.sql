-- Trust boundary, triggers that run with more rights than their caller (SECURITY DEFINER): real roles made with the
-- grant_* functions try to attach them to tables of their own, to forge scores, derived list entries and audit
-- entries; the extension's own triggers and a table the DBA registered for auditing keep working.
BEGIN;
SELECT plan(21);

-- Fixtures (as the extension owner) ------------------------------------------------------------------------------
INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_sec_a', '安全测试甲局', 'Security test bureau A', 'municipal');
INSERT INTO credit_gz.subject (uscc, name, kind, registered_on)
VALUES (credit_gz.uscc_make('91440106MA00K0014'), '安全测试甲公司', 'enterprise', '2012-05-01');
CREATE TEMP TABLE ids AS
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = '安全测试甲公司') AS company;
GRANT SELECT ON ids TO PUBLIC;
-- the column lists an attacker would copy from the documentation, handed to the attacking roles as text
CREATE TEMP TABLE cols AS
SELECT t.name, pg_catalog.string_agg(pg_catalog.format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)),
                                     ', ' ORDER BY a.attnum) AS list
  FROM (VALUES ('record'), ('list_entry'), ('relation')) t(name)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = ('credit_gz.' || t.name)::regclass AND a.attnum > 0 AND NOT a.attisdropped
 GROUP BY t.name;
GRANT SELECT ON cols TO PUBLIC;
CREATE TEMP TABLE before AS
SELECT (SELECT count(*) FROM credit_gz.subject_score) AS scores, (SELECT count(*) FROM credit_gz.grade_history) AS history,
       (SELECT count(*) FROM credit_gz.audit_log) AS audits, (SELECT count(*) FROM credit_gz.list_entry) AS entries;

CREATE ROLE t_sec_dept NOLOGIN;
CREATE ROLE t_sec_public NOLOGIN;
CREATE ROLE t_sec_analyst NOLOGIN;
SELECT credit_gz.grant_department('t_sec_dept', 't_sec_a');
SELECT credit_gz.grant_public_reader('t_sec_public');
SELECT credit_gz.grant_analyst('t_sec_analyst');

-- Attack 1: a forged record table with the scoring trigger ---------------------------------------------------------
SET LOCAL ROLE t_sec_public;
SELECT lives_ok(format('CREATE TEMP TABLE forged_record (%s)', (SELECT list FROM cols WHERE name = 'record')),
                'a public reader creates a temporary table shaped like credit_gz.record');
SELECT throws_ok($$CREATE TRIGGER forge AFTER INSERT ON forged_record REFERENCING NEW TABLE AS scoring_new
                   FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.scoring_record_trigger()$$,
                 '42501', NULL, 'the public reader cannot attach scoring_record_trigger() to it');
SELECT throws_ok($$CREATE TRIGGER forge_audit AFTER INSERT ON forged_record
                   FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger()$$,
                 '42501', NULL, 'nor audit_trigger() (forged audit entries)');
SELECT lives_ok(format('CREATE TEMP TABLE forged_entry (%s)', (SELECT list FROM cols WHERE name = 'list_entry')),
                'a temporary table shaped like credit_gz.list_entry');
SELECT throws_ok($$CREATE TRIGGER forge AFTER INSERT ON forged_entry
                   FOR EACH ROW EXECUTE FUNCTION credit_gz.scoring_list_entry_trigger()$$,
                 '42501', NULL, 'nor scoring_list_entry_trigger()');
SELECT lives_ok(format('CREATE TEMP TABLE forged_relation (%s)', (SELECT list FROM cols WHERE name = 'relation')),
                'a temporary table shaped like credit_gz.relation');
SELECT throws_ok($$CREATE TRIGGER forge AFTER INSERT ON forged_relation
                   FOR EACH ROW EXECUTE FUNCTION credit_gz.relation_propagate()$$,
                 '42501', NULL, 'nor relation_propagate() (forged derived list entries)');
RESET ROLE;

-- The same as a department and as an analyst -----------------------------------------------------------------------
SET LOCAL ROLE t_sec_dept;
SELECT lives_ok(format('CREATE TEMP TABLE dept_forged (%s)', (SELECT list FROM cols WHERE name = 'record')),
                'a department creates a temporary record-shaped table');
SELECT throws_ok($$CREATE TRIGGER forge AFTER INSERT ON dept_forged REFERENCING NEW TABLE AS scoring_new
                   FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.scoring_record_trigger()$$,
                 '42501', NULL, 'a department cannot attach the scoring trigger to it either');
RESET ROLE;
SET LOCAL ROLE t_sec_analyst;
SELECT throws_ok($$CREATE TEMP TABLE analyst_forged (subject_id bigint, x int);
                   CREATE TRIGGER forge AFTER INSERT ON analyst_forged
                   FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger()$$,
                 '42501', NULL, 'nor an analyst the audit trigger');
RESET ROLE;

-- Second line: even attached by someone who may (the owner), each refuses a table it was not made for (39P01) ------
CREATE TEMP TABLE owner_forged AS SELECT * FROM credit_gz.record LIMIT 0;
CREATE TRIGGER forge AFTER INSERT ON owner_forged REFERENCING NEW TABLE AS scoring_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.scoring_record_trigger();
SELECT throws_ok(format($$INSERT INTO owner_forged (subject_id, record_id, item_code, department_code, document_no,
                                                     decision_date, severity, disclosure)
                          VALUES (%s, -1, 'x', 't_sec_a', 'FORGED', credit_gz.policy_date(), 'serious', 'public')$$,
                        (SELECT company FROM ids)),
                 '39P01', NULL, 'scoring_record_trigger() fires only on credit_gz.record');
CREATE TEMP TABLE owner_forged_entry AS SELECT * FROM credit_gz.list_entry LIMIT 0;
CREATE TRIGGER forge AFTER INSERT ON owner_forged_entry
    FOR EACH ROW EXECUTE FUNCTION credit_gz.scoring_list_entry_trigger();
SELECT throws_ok(format($$INSERT INTO owner_forged_entry (subject_id, entry_id, list_type_code, department_code,
                                                           effective_from, status)
                          VALUES (%s, -1, 'judgment_debtor', 't_sec_a', credit_gz.policy_date(), 'active')$$,
                        (SELECT company FROM ids)),
                 '39P01', NULL, 'scoring_list_entry_trigger() fires only on credit_gz.list_entry');
CREATE TEMP TABLE owner_forged_relation AS SELECT * FROM credit_gz.relation LIMIT 0;
CREATE TRIGGER forge AFTER INSERT ON owner_forged_relation
    FOR EACH ROW EXECUTE FUNCTION credit_gz.relation_propagate();
SELECT throws_ok(format($$INSERT INTO owner_forged_relation (subject_id, relation_id, related_subject_id, kind, valid_from)
                          VALUES (%s, -1, %s, 'branch', credit_gz.policy_date())$$,
                        (SELECT company FROM ids), (SELECT company FROM ids) + 1),
                 '39P01', NULL, 'relation_propagate() fires only on credit_gz.relation');
CREATE TEMP TABLE owner_forged_audit (subject_id bigint PRIMARY KEY, x int);
CREATE TRIGGER forge AFTER INSERT ON owner_forged_audit FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger();
SELECT throws_ok(format('INSERT INTO owner_forged_audit VALUES (%s, 1)', (SELECT company FROM ids)),
                 '39P01', NULL, 'audit_trigger() refuses a table nobody registered for auditing');
SELECT is((SELECT ROW(count(*), (SELECT count(*) FROM credit_gz.grade_history), (SELECT count(*) FROM credit_gz.audit_log),
                      (SELECT count(*) FROM credit_gz.list_entry))::text FROM credit_gz.subject_score),
          (SELECT ROW(scores, history, audits, entries)::text FROM before),
          'no score, grade change, audit entry or list entry was forged');

-- What must keep working ------------------------------------------------------------------------------------------
SET LOCAL ROLE t_sec_dept;
SELECT lives_ok(format($$INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no,
                                                        decision_date, severity, disclosure)
                         SELECT %s, i.code, (SELECT code FROM credit_gz.domain ORDER BY code LIMIT 1), 't_sec_a',
                                'T-SEC-1', credit_gz.policy_date() - 3, 'serious', 'public'
                           FROM credit_gz.info_item i WHERE i.polarity = 'negative' AND i.kind = 'penalty'
                          ORDER BY i.code LIMIT 1$$, (SELECT company FROM ids)),
                'a department records a penalty');
RESET ROLE;
SELECT ok((SELECT count(*) FROM credit_gz.subject_score, ids WHERE subject_score.subject_id = ids.company) > 0,
          'and the scoring trigger on credit_gz.record scores it');
SELECT is((SELECT count(*)::int FROM credit_gz.audit_log a, ids
            WHERE a.table_name = 'credit_gz.subject' AND a.row_key = ids.company::text), 1,
          'the extension''s own audit trigger on credit_gz.subject still audits');
-- a site table the DBA registers for auditing
CREATE TABLE public.t_sec_site (subject_id bigint, n int, PRIMARY KEY (subject_id, n));
SELECT lives_ok($$SELECT credit_gz.audit_table('public.t_sec_site')$$, 'the DBA registers a site table for auditing');
INSERT INTO public.t_sec_site SELECT company, 1 FROM ids;
SELECT is((SELECT count(*)::int FROM credit_gz.audit_log WHERE table_name = 'public.t_sec_site'), 1,
          'rows of the registered table are audited');
SET LOCAL ROLE t_sec_dept;
SELECT throws_ok($$SELECT credit_gz.audit_table('pg_temp.dept_forged')$$, '42501', NULL,
                 'a department cannot register a table of its own for auditing');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
