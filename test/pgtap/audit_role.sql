-- The audit log names the role that made a change, and a department role can maintain the subjects it registers
-- (the district trigger reads the public GB/T 2260 tables with the caller's rights).
BEGIN;
SELECT plan(4);
SET LOCAL search_path = public, credit_gz;
CREATE ROLE credit_gz_tap_audit_dept;
SELECT credit_gz.grant_department('credit_gz_tap_audit_dept', 'market_regulation');
INSERT INTO credit_gz.subject (resident_id, name)
VALUES (credit_gz.resident_id_make('44010619800101991'), '审计测试');

SET LOCAL ROLE credit_gz_tap_audit_dept;
SELECT lives_ok($$UPDATE credit_gz.subject SET name = '审计测试（更名）'
                   WHERE resident_id = credit_gz.resident_id_make('44010619800101991')$$,
                'a department role updates a subject (district derived from the region tables)');
RESET ROLE;

SELECT is((SELECT role_name FROM credit_gz.audit_log
            WHERE table_name = 'credit_gz.subject' AND action = 'UPDATE' ORDER BY audit_id DESC LIMIT 1),
          'credit_gz_tap_audit_dept'::name, 'the audit log names the role, not the trigger''s owner');
SELECT is((SELECT actor FROM credit_gz.audit_log
            WHERE table_name = 'credit_gz.subject' AND action = 'UPDATE' ORDER BY audit_id DESC LIMIT 1),
          session_user::name, 'and the session user behind it');
SELECT is((SELECT role_name FROM credit_gz.audit_log
            WHERE table_name = 'credit_gz.subject' AND action = 'INSERT' ORDER BY audit_id DESC LIMIT 1),
          session_user::name, 'without SET ROLE the session user is the role');
SELECT * FROM finish();
ROLLBACK;
