-- credit_gz.query_log: append-only for every role, retention only through purge_query_log (十七 信用信息安全保护).
BEGIN;
SELECT plan(39);

CREATE ROLE cgz_ql_reader NOLOGIN;
GRANT USAGE ON SCHEMA credit_gz TO cgz_ql_reader;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON credit_gz.query_log, credit_gz.unknown_code_read_log TO cgz_ql_reader;

SELECT is(credit_gz.query_log_purge_allowed(), false, 'the purge flag is off (and the module is loaded)');
SET LOCAL ROLE cgz_ql_reader;
SELECT lives_ok($$SELECT credit_gz.log_read(42, 'report', '测试 / test', 'public')$$, 'a role logs a read');
SELECT is((SELECT role_name::text FROM credit_gz.query_log WHERE subject_id = 42), 'cgz_ql_reader',
          'the entry names the role that read');
SELECT lives_ok($$INSERT INTO credit_gz.query_log (subject_id, via, purpose, role_name, at)
                  VALUES (43, 'other', 'forged', 'postgres', '2001-01-01')$$, 'a direct insert is accepted …');
SELECT is((SELECT role_name::text || ' ' || (at = now())::text FROM credit_gz.query_log WHERE subject_id = 43),
          'cgz_ql_reader true', '… but who and when are set by the database');
SELECT throws_ok($$UPDATE credit_gz.query_log SET purpose = 'x'$$, 'CG701', NULL,
                 'even with the UPDATE privilege a role cannot alter the log');
SELECT throws_ok($$DELETE FROM credit_gz.query_log$$, 'CG701', NULL, 'nor delete from it');
SELECT throws_ok($$TRUNCATE credit_gz.query_log$$, 'CG701', NULL, 'nor truncate it');
SELECT throws_ok($$SET credit_gz.query_log_purge = on$$, '42501', NULL, 'nor set the purge flag');
SELECT throws_ok($$SELECT credit_gz.purge_query_log()$$, '42501', NULL, 'nor run the retention function');
RESET ROLE;

-- The owner (a superuser) is refused too, outside the retention function.
SELECT throws_ok($$DELETE FROM credit_gz.query_log WHERE subject_id = 42$$, 'CG701', NULL,
                 'the superuser cannot delete entries by hand');
SELECT throws_ok($$UPDATE credit_gz.query_log SET subject_id = 1 WHERE subject_id = 42$$, 'CG701', NULL,
                 'nor update them');

-- Old entries: a superuser (as pg_restore does) may supply the time, so one entry can look six years old.
INSERT INTO credit_gz.query_log (subject_id, via, purpose, at) VALUES (44, 'report', 'old', now() - interval '6 years');
SELECT is(credit_gz.purge_query_log(), 1::bigint, 'purge_query_log removes only the entry past five years');
SELECT is((SELECT count(*)::int FROM credit_gz.query_log WHERE subject_id IN (42, 43)), 2, 'recent entries stay');
SELECT is(credit_gz.purge_query_log(), 0::bigint, 'a second run removes nothing (idempotent)');

SELECT is((SELECT count(*)::int FROM credit_gz.query_log WHERE subject_id = 44), 0, 'the old entry is gone');

-- Every entry names its subject: the subject id is NOT NULL, and a read without one is refused with a clear error.
SELECT throws_ok($$INSERT INTO credit_gz.query_log (via, purpose) VALUES ('other', 'no subject')$$, '23502', NULL,
                 'query_log.subject_id is NOT NULL');
SELECT throws_ok($$SELECT credit_gz.log_read(NULL, 'report', 'no subject')$$, '22004', NULL,
                 'log_read refuses a NULL subject id (22004)');
SELECT throws_ok($$SELECT credit_gz.log_unknown_code_read(NULL, 'report', 'no code')$$, '22004', NULL,
                 'log_unknown_code_read refuses a NULL code (22004)');

-- Reads by a code that matches no subject: credit_gz.unknown_code_read_log, keyed by the code, same rules.
SET LOCAL ROLE cgz_ql_reader;
SELECT lives_ok($$SELECT credit_gz.log_unknown_code_read('91440101MA5QLTEST9', 'report', '未建档 / not on file', 'public')$$,
                'a read by a code of no subject is logged');
SELECT is((SELECT role_name::text || ' ' || via || ' ' || audience FROM credit_gz.unknown_code_read_log
            WHERE code = '91440101MA5QLTEST9'), 'cgz_ql_reader report public', '… under the code, naming the role');
SELECT is((SELECT count(*)::int FROM credit_gz.query_log WHERE purpose = '未建档 / not on file'), 0,
          '… and not in query_log');
SELECT throws_ok($$UPDATE credit_gz.unknown_code_read_log SET purpose = 'x'$$, 'CG701', NULL,
                 'the unknown-code log cannot be altered');
SELECT throws_ok($$DELETE FROM credit_gz.unknown_code_read_log$$, 'CG701', NULL, 'nor deleted from');
SELECT throws_ok($$TRUNCATE credit_gz.unknown_code_read_log$$, 'CG701', NULL, 'nor truncated');
RESET ROLE;

-- Pre-checks (sync mode, the default): by a code not on file → unknown_code_read_log; by subject id → query_log.
SELECT is(credit_gz.precheck('91440101MA0000007B', 'government_procurement', 'procurement_bid') ->> 'verdict',
          'no_record', 'a pre-check by a code not on file answers no_record');
SELECT is((SELECT via || ' ' || purpose FROM credit_gz.unknown_code_read_log WHERE code = '91440101MA0000007B'),
          'precheck precheck: government_procurement/procurement_bid', '… and its read is logged under the code');
SELECT lives_ok($$SELECT credit_gz.precheck(-4242::bigint, 'government_procurement', 'procurement_bid')$$,
                'a pre-check by subject id …');
SELECT is((SELECT count(*)::int FROM credit_gz.query_log WHERE subject_id = -4242 AND via = 'precheck'), 1,
          '… is logged under the id in query_log');
SELECT results_eq($$SELECT domain_code, verdict FROM credit_gz.query_log WHERE subject_id = -4242$$,
                  $$VALUES ('government_procurement'::text, 'no_record'::text)$$,
                  '… with the domain asked and the verdict answered');
SELECT results_eq($$SELECT domain_code, verdict FROM credit_gz.unknown_code_read_log WHERE code = '91440101MA0000007B'$$,
                  $$VALUES ('government_procurement'::text, 'no_record'::text)$$,
                  'a pre-check by a code not on file too');
SELECT results_eq($$SELECT count(*)::int FROM credit_gz.query_log WHERE subject_id = 42
                     AND domain_code IS NULL AND verdict IS NULL$$, ARRAY[1],
                  'a read other than a pre-check has neither');
SELECT throws_ok($$INSERT INTO credit_gz.query_log (subject_id, via, purpose, domain_code, verdict)
                   VALUES (45, 'report', 'x', 'construction', 'allow')$$, '23514', NULL,
                 'only a pre-check''s entry has a domain and a verdict');
SELECT throws_ok($$INSERT INTO credit_gz.unknown_code_read_log (code, via, purpose, domain_code, verdict)
                   VALUES ('x', 'precheck', 'x', 'construction', 'maybe')$$, '23514', NULL,
                 'a verdict is one the pre-check answers');

-- A malformed code is refused (22P02); a code of any length is logged, cut to 63 bytes of whole characters.
SELECT throws_ok($$SELECT credit_gz.precheck(repeat('码', 40), 'government_procurement', 'procurement_bid')$$,
                 '22P02', NULL, 'a pre-check by a malformed code is an error');
SELECT lives_ok($$SELECT credit_gz.log_unknown_code_read(repeat('码', 40), 'other', 'long code')$$,
                'a read by a very long code is logged');
SELECT is((SELECT code FROM credit_gz.unknown_code_read_log WHERE code LIKE '码%'), repeat('码', 21),
          '… and is logged under its first 63 bytes');

-- Retention covers both logs.
INSERT INTO credit_gz.unknown_code_read_log (code, via, purpose, at)
VALUES ('91440101MA5QLOLD01', 'precheck', 'old', now() - interval '6 years');
SELECT is(credit_gz.purge_query_log(), 1::bigint, 'purge_query_log removes old entries of the unknown-code log too');
SELECT is((SELECT count(*)::int FROM credit_gz.unknown_code_read_log
            WHERE code IN ('91440101MA5QLTEST9', '91440101MA0000007B')), 2,
          'recent unknown-code entries stay');

SELECT * FROM finish();
ROLLBACK;
