-- Unverified codes (校验位错误): the trailing ! keeps a code whose check characters are wrong, but such a code enters
-- credit_gz.subject only for a superuser or a role a DBA allows (grant_unverified_codes); code_quality counts them.
BEGIN;
SELECT plan(14);

INSERT INTO credit_gz.department (code, name_zh, name_en, kind)
VALUES ('t_uv_a', '未校验代码测试局', 'Unverified code test bureau', 'municipal');
CREATE ROLE t_uv_dept NOLOGIN;
CREATE ROLE t_uv_registry NOLOGIN;
CREATE ROLE t_uv_registry_app NOLOGIN IN ROLE t_uv_registry;
SELECT credit_gz.grant_department('t_uv_dept', 't_uv_a');
SELECT credit_gz.grant_department('t_uv_registry', 't_uv_a');

-- A department role ---------------------------------------------------------------------------------------------
SET LOCAL ROLE t_uv_dept;
SELECT is(credit_gz.may_store_unverified_code(), false, 'a department role may not store unverified codes');
SELECT throws_ok($$INSERT INTO credit_gz.subject (uscc, name) VALUES ('91350211M00013FA1N!', '未校验测试甲')$$,
                 '22P02', 'unified code 91350211M00013FA1N! has wrong check characters',
                 'an unverified code does not enter the archive for it');
SELECT throws_ok($$SELECT credit_gz.grant_unverified_codes('t_uv_dept', '自行授权')$$, '42501', NULL,
                 'nor may it grant itself the right');
SELECT lives_ok($$INSERT INTO credit_gz.subject (uscc, name) VALUES ('91350211M00013FA13', '未校验测试乙')$$,
                'the corrected code enters');
SELECT throws_ok($$UPDATE credit_gz.subject SET uscc = '91350211M00013FA1N!' WHERE name = '未校验测试乙'$$,
                 '22P02', NULL, 'nor can a stored code be changed into an unverified one');
RESET ROLE;

-- The hint tells how to correct the code, not how to keep it
SET LOCAL ROLE t_uv_dept;
CREATE FUNCTION pg_temp.uv_hint() RETURNS text LANGUAGE plpgsql AS $$
DECLARE h text;
BEGIN
    INSERT INTO credit_gz.subject (uscc, name) VALUES ('91350211M00013FA1N!', '未校验测试甲');
    RETURN NULL;
EXCEPTION WHEN invalid_text_representation THEN
    GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
    RETURN h;
END $$;
SELECT is(pg_temp.uv_hint(),
          'Correct the code at its source: credit_gz.uscc_correct gives 91350211M00013FA13 as the likely intended code.',
          'the hint gives the likely intended code');
RESET ROLE;

-- A role the DBA allows (through membership) ----------------------------------------------------------------------
SELECT throws_ok($$SELECT credit_gz.grant_unverified_codes('t_uv_registry', '')$$, '22023', NULL,
                 'a grant needs its basis');
SELECT throws_ok($$SELECT credit_gz.grant_unverified_codes('t_uv_no_such_role', '登记机关原始赋码')$$, '42704', NULL,
                 'and a role that exists');
SELECT lives_ok($$SELECT credit_gz.grant_unverified_codes('t_uv_registry', '登记机关原始赋码, 保留原样')$$,
                'the DBA allows the registry role');
SET LOCAL ROLE t_uv_registry_app;
SELECT lives_ok($$INSERT INTO credit_gz.subject (uscc, name) VALUES ('91350211M00013FA1N!', '未校验测试甲')$$,
                'a member of the allowed role stores the unverified code');
SELECT is((SELECT uscc::text FROM credit_gz.subject WHERE name = '未校验测试甲'), '91350211M00013FA1N!',
          'kept flagged');
RESET ROLE;
SELECT is(credit_gz.revoke_unverified_codes('t_uv_registry'), true, 'the DBA withdraws the right');
SET LOCAL ROLE t_uv_registry_app;
SELECT throws_ok($$INSERT INTO credit_gz.subject (uscc, name) VALUES ('91440106MA59C3PQ00!', '未校验测试丙')$$,
                 '22P02', 'unified code 91440106MA59C3PQ00! has wrong check characters',
                 'after which the role stores none');
RESET ROLE;

-- code_quality counts the unverified codes stored ---------------------------------------------------------------
SELECT is((SELECT unverified FROM credit_gz.code_quality('credit_gz.subject', 'uscc', 'name')),
          (SELECT count(*) FROM credit_gz.subject WHERE NOT credit_gz.uscc_is_verified(uscc)),
          'code_quality counts the unverified codes in the archive');

SELECT * FROM finish();
ROLLBACK;
