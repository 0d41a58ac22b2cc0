-- Lists from files: the court's 失信被执行人 list and the market regulator's 经营异常名录 and 严重违法失信名单 load
-- into list entries through list_intake_file and intake_lists (receipt, rejects, re-sends changing nothing); removals
-- lift the entry and what propagated from it to the legal representative; departments see only their own lines.
BEGIN;
SELECT plan(26);

CREATE FUNCTION pg_temp.mk_uscc(n bigint) RETURNS text LANGUAGE sql AS $$
  SELECT credit_gz.uscc_make('91440106' || org || (
           SELECT CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
             FROM (SELECT 11 - (sum(substr(org, i, 1)::int * (ARRAY[3,7,9,10,5,8,4,2])[i]) % 11) AS c
                     FROM generate_series(1, 8) i) s))::text
    FROM (SELECT lpad(n::text, 8, '0') AS org) o $$;
GRANT EXECUTE ON FUNCTION pg_temp.mk_uscc(bigint) TO PUBLIC;
CREATE FUNCTION pg_temp.sid(code text) RETURNS bigint LANGUAGE sql AS $$
  SELECT subject_id FROM credit_gz.subject WHERE uscc::text = code OR resident_id::text = code $$;

CREATE ROLE li_court NOLOGIN;
CREATE ROLE li_mr NOLOGIN;
SELECT credit_gz.grant_department('li_court', 'court');
SELECT credit_gz.grant_department('li_mr', 'market_regulation');

-- the organisations and their legal representatives are on file (the register's relations)
INSERT INTO credit_gz.subject (uscc, name) VALUES (pg_temp.mk_uscc(81001), '甲建筑工程有限公司'),
                                                  (pg_temp.mk_uscc(81002), '乙贸易有限公司'),
                                                  (pg_temp.mk_uscc(81003), '丙食品有限公司');
INSERT INTO credit_gz.subject (resident_id, name, kind)
VALUES (credit_gz.resident_id_make('44010619700101001'), '赵一', 'natural_person'),
       (credit_gz.resident_id_make('44010619700101002'), '钱二', 'natural_person');
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
VALUES (pg_temp.sid(pg_temp.mk_uscc(81001)), pg_temp.sid(credit_gz.resident_id_make('44010619700101001')::text),
        'legal_representative', '2015-01-01'),
       (pg_temp.sid(pg_temp.mk_uscc(81003)), pg_temp.sid(credit_gz.resident_id_make('44010619700101002')::text),
        'legal_representative', '2015-01-01');

-- 失信被执行人: the court's file (an organisation, a natural person, a malformed code, an unknown list name)
SET LOCAL ROLE li_court;
COPY credit_gz.list_intake_file (batch, line_no, list_name, subject_name, uscc, id_type, id_no, legal_rep_name, case_no,
                                 deciding_body, decided_on, listed_on, reason)
FROM STDIN WITH (FORMAT csv);
sx-2026-01,1,失信被执行人,甲建筑工程有限公司,UUSCC1,,,赵一,（2025）粤0106执1001号,广州市天河区人民法院,2025-03-01,2025-06-01,有履行能力而拒不履行生效法律文书确定义务
sx-2026-01,2,失信被执行人,孙三,,居民身份证,PID3,,（2025）粤0106执1002号,广州市天河区人民法院,2025-03-02,2025-06-02,违反限制消费令
sx-2026-01,3,失信被执行人,丁公司,91440106ZZZZZZZZZZ,,,,（2025）粤0106执1003号,广州市天河区人民法院,2025-03-03,2025-06-03,规避执行
sx-2026-01,4,限制高消费名单,戊公司,UUSCC4,,,,（2025）粤0106执1004号,广州市天河区人民法院,2025-03-04,2025-06-04,规避执行
\.
RESET ROLE;
UPDATE credit_gz.list_intake SET uscc = pg_temp.mk_uscc(81001) WHERE uscc = 'UUSCC1';
UPDATE credit_gz.list_intake SET uscc = pg_temp.mk_uscc(81004) WHERE uscc = 'UUSCC4';
UPDATE credit_gz.list_intake SET id_no = credit_gz.resident_id_make('44010619800202003')::text WHERE id_no = 'PID3';

SET LOCAL ROLE li_mr;
SELECT is((SELECT count(*)::int FROM credit_gz.list_intake), 0, 'another department sees none of the court''s staged lines');
SELECT throws_ok($$SELECT * FROM credit_gz.intake_lists('court', 'sx-2026-01')$$, '42501',
                 'role "li_mr" does not act for department "court"', 'a department cannot load another''s list file');
RESET ROLE;

SET LOCAL ROLE li_court;
CREATE TEMP TABLE v1 AS SELECT * FROM credit_gz.intake_lists('court', 'sx-2026-01', validate_only => true);
RESET ROLE;
SELECT results_eq($$SELECT line_no, outcome, entry_id, column_name, error_state FROM v1 ORDER BY 1$$,
                  $$VALUES (1, 'listed'::text, NULL::bigint, NULL::text, NULL::text), (2, 'listed', NULL, NULL, NULL),
                           (3, 'rejected', NULL, 'uscc', '22P02'), (4, 'rejected', NULL, 'list_name', 'CG801')$$,
                  'validate_only gives the receipt a load would give');
SELECT is((SELECT count(*)::int FROM credit_gz.list_entry WHERE department_code = 'court'), 0, '... and lists nobody');
SELECT is((SELECT count(*)::int FROM credit_gz.intake_reject WHERE batch = 'sx-2026-01'), 0, '... and keeps no rejects');

SET LOCAL ROLE li_court;
CREATE TEMP TABLE r1 AS SELECT * FROM credit_gz.intake_lists('court', 'sx-2026-01');
RESET ROLE;
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM r1 ORDER BY 1$$,
                  $$VALUES (1, 'listed'::text, NULL::text, NULL::text), (2, 'listed', NULL, NULL),
                           (3, 'rejected', 'uscc', '22P02'), (4, 'rejected', 'list_name', 'CG801')$$,
                  'the court''s file lists two subjects and rejects two lines');
SELECT results_eq($$SELECT line_no, column_name, sqlstate FROM credit_gz.intake_reject WHERE batch = 'sx-2026-01' ORDER BY 1$$,
                  $$VALUES (3, 'uscc'::text, '22P02'::text), (4, 'list_name', 'CG801')$$, 'the rejects are kept');
SELECT matches((SELECT message FROM credit_gz.intake_reject WHERE batch = 'sx-2026-01' AND line_no = 3),
               '^line 3 \(案号 "（2025）粤0106执1003号", subject 91440106ZZZZZZZZZZ\): ',
               'a reject names the line, case number and code');
SELECT results_eq($$SELECT e.list_type_code, e.basis_document, e.effective_from, e.effective_until, e.status,
                           e.details ->> 'deciding_body'
                      FROM credit_gz.list_entry e WHERE e.entry_id = (SELECT entry_id FROM r1 WHERE line_no = 1)$$,
                  $$VALUES ('judgment_debtor'::text, '（2025）粤0106执1001号'::text, '2025-06-01'::date,
                            '2027-06-01'::date, 'active'::text, '广州市天河区人民法院'::text)$$,
                  'the entry: list type, case number, listing day, the list type''s term, the court');
SELECT is((SELECT kind FROM credit_gz.subject WHERE subject_id = (SELECT subject_id FROM credit_gz.list_entry
            WHERE entry_id = (SELECT entry_id FROM r1 WHERE line_no = 2))), 'natural_person',
          'a natural person named by identity number is created');
SELECT results_eq($$SELECT e.subject_id, e.list_type_code, e.status FROM credit_gz.list_entry e
                     WHERE e.root_entry_id = (SELECT entry_id FROM r1 WHERE line_no = 1)$$,
                  $$SELECT pg_temp.sid(credit_gz.resident_id_make('44010619700101001')::text),
                           'judgment_debtor_responsible'::text, 'active'::text$$,
                  'the listing propagates to the organisation''s legal representative');

-- the line fixed and the file re-sent: the bad line loads, the others change nothing, the reject goes
UPDATE credit_gz.list_intake SET uscc = pg_temp.mk_uscc(81005) WHERE batch = 'sx-2026-01' AND line_no = 3;
SET LOCAL ROLE li_court;
CREATE TEMP TABLE r2 AS SELECT * FROM credit_gz.intake_lists('court', 'sx-2026-01');
RESET ROLE;
SELECT results_eq($$SELECT line_no, outcome FROM r2 ORDER BY 1$$,
                  $$VALUES (1, 'unchanged'::text), (2, 'unchanged'), (3, 'listed'), (4, 'rejected')$$,
                  'a re-sent file changes nothing but the corrected line');
SELECT is((SELECT count(*)::int FROM credit_gz.list_entry WHERE department_code = 'court'), 4,
          '... one entry per listing (and its derived one)');
SELECT is((SELECT count(*)::int FROM credit_gz.intake_reject WHERE batch = 'sx-2026-01'), 1, '... and the loaded line leaves the rejects');

-- the court's removal file (删除失信信息): the entry and the representative's derived entry are lifted on the day
SET LOCAL ROLE li_court;
INSERT INTO credit_gz.list_intake_file (batch, line_no, list_name, subject_name, uscc, case_no, deciding_body, listed_on,
                                        removed_on, removal_reason)
VALUES ('sx-2026-02', 1, '失信被执行人', '甲建筑工程有限公司', pg_temp.mk_uscc(81001), '（2025）粤0106执1001号',
        '广州市天河区人民法院', '2025-06-01', '2026-01-10', '已履行生效法律文书确定的义务'),
       ('sx-2026-02', 2, '失信被执行人', '甲建筑工程有限公司', pg_temp.mk_uscc(81001), '（2025）粤0106执1001号',
        '广州市天河区人民法院', '2025-06-01', '', '');
CREATE TEMP TABLE r3 AS SELECT * FROM credit_gz.intake_lists('court', 'sx-2026-02');
RESET ROLE;
SELECT results_eq($$SELECT line_no, outcome FROM r3 ORDER BY 1$$,
                  $$VALUES (1, 'removed'::text), (2, 'unchanged')$$,
                  'a removal lifts the entry; the listing sent again after it changes nothing');
SELECT results_eq($$SELECT status, status_changed_on, status_reason FROM credit_gz.list_entry
                     WHERE entry_id = (SELECT entry_id FROM r1 WHERE line_no = 1)$$,
                  $$VALUES ('lifted'::text, '2026-01-10'::date, '已履行生效法律文书确定的义务'::text)$$,
                  'the entry is lifted on the removal day with its reason');
SELECT results_eq($$SELECT status, status_changed_on FROM credit_gz.list_entry
                     WHERE root_entry_id = (SELECT entry_id FROM r1 WHERE line_no = 1)$$,
                  $$VALUES ('lifted'::text, '2026-01-10'::date)$$,
                  '... and so is what propagated from it');
SET LOCAL ROLE li_court;
SELECT is((SELECT outcome FROM credit_gz.intake_lists('court', 'sx-2026-02') WHERE line_no = 1), 'unchanged',
          'the removal re-sent changes nothing');
RESET ROLE;

-- 经营异常名录 and 严重违法失信名单: the market regulator's files
SET LOCAL ROLE li_mr;
COPY credit_gz.list_intake_file (batch, line_no, list_name, subject_name, uscc, case_no, deciding_body, decided_on,
                                 listed_on, last_listed_on, reason, removed_on, removal_reason)
FROM STDIN WITH (FORMAT csv);
yc-2026-01,1,经营异常名录,乙贸易有限公司,U2,穗天市监异〔2025〕11号,广州市天河区市场监督管理局,2025-04-01,2025-04-01,,未依照规定报送年度报告,,
yc-2026-01,2,严重违法失信名单,丙食品有限公司,U3,穗市监严〔2025〕3号,广州市市场监督管理局,2025-05-01,2025-05-01,2028-04-30,因食品安全违法行为受到较重行政处罚,,
yc-2026-01,3,经营异常名录,乙贸易有限公司,U2,穗天市监异〔2025〕12号,广州市天河区市场监督管理局,2025-04-01,2025-04-01,2025-03-01,未依照规定报送年度报告,,
\.
UPDATE credit_gz.list_intake SET uscc = pg_temp.mk_uscc(81002) WHERE uscc = 'U2';
UPDATE credit_gz.list_intake SET uscc = pg_temp.mk_uscc(81003) WHERE uscc = 'U3';
CREATE TEMP TABLE m1 AS SELECT * FROM credit_gz.intake_lists('market_regulation', 'yc-2026-01');
RESET ROLE;
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM m1 ORDER BY 1$$,
                  $$VALUES (1, 'listed'::text, NULL::text, NULL::text), (2, 'listed', NULL, NULL),
                           (3, 'rejected', 'last_listed_on', '23514')$$,
                  'the market regulator''s file lists into both lists; a term ending before the listing is rejected');
SELECT results_eq($$SELECT list_type_code, effective_until FROM credit_gz.list_entry
                     WHERE entry_id IN (SELECT entry_id FROM m1) ORDER BY entry_id$$,
                  $$VALUES ('abnormal_operations'::text, NULL::date), ('samr_serious_illegal', '2028-05-01')$$,
                  '经营异常名录 until removed, 严重违法失信名单 until the day after its 列入期限');
SELECT is((SELECT list_type_code FROM credit_gz.list_entry WHERE root_entry_id = (SELECT entry_id FROM m1 WHERE line_no = 2)),
          'samr_serious_responsible', 'the serious list propagates to the legal representative');

-- removals: 经营异常 at any time once corrected; 严重违法失信 not before a year (市场监管总局令第44号 第十六条)
SET LOCAL ROLE li_mr;
INSERT INTO credit_gz.list_intake_file (batch, line_no, list_name, subject_name, uscc, case_no, listed_on, removed_on,
                                        removal_reason)
VALUES ('yc-2026-02', 1, '经营异常名录', '乙贸易有限公司', pg_temp.mk_uscc(81002), '穗天市监异〔2025〕11号', '2025-04-01',
        '2025-07-15', '已补报年度报告并公示'),
       ('yc-2026-02', 2, '严重违法失信名单', '丙食品有限公司', pg_temp.mk_uscc(81003), '穗市监严〔2025〕3号', '2025-05-01',
        '2025-11-01', '已履行义务、消除危害后果'),
       ('yc-2026-02', 3, '严重违法失信名单', '丙食品有限公司', pg_temp.mk_uscc(81003), '穗市监严〔2025〕3号', '2025-05-01',
        '2026-05-08', '');
CREATE TEMP TABLE m2 AS SELECT * FROM credit_gz.intake_lists('market_regulation', 'yc-2026-02');
RESET ROLE;
SELECT results_eq($$SELECT line_no, outcome, column_name, error_state FROM m2 ORDER BY 1$$,
                  $$VALUES (1, 'removed'::text, NULL::text, NULL::text), (2, 'rejected', 'removed_on', '23514'),
                           (3, 'rejected', 'removal_reason', '23502')$$,
                  'a removal before the early-removal date and one without its reason are rejected');
SELECT is((SELECT status FROM credit_gz.list_entry WHERE entry_id = (SELECT entry_id FROM m1 WHERE line_no = 2)), 'active',
          '... and the serious entry stays');
UPDATE credit_gz.list_intake SET removal_reason = '已履行义务、消除危害后果，列入满一年'
 WHERE batch = 'yc-2026-02' AND line_no = 3;
DELETE FROM credit_gz.list_intake WHERE batch = 'yc-2026-02' AND line_no = 2;
SET LOCAL ROLE li_mr;
CREATE TEMP TABLE m3 AS SELECT * FROM credit_gz.intake_lists('market_regulation', 'yc-2026-02');
RESET ROLE;
SELECT results_eq($$SELECT line_no, outcome FROM m3 ORDER BY 1$$, $$VALUES (1, 'unchanged'::text), (3, 'removed')$$,
                  'the removal a year on lifts the serious entry');
SELECT results_eq($$SELECT status, status_changed_on FROM credit_gz.list_entry
                     WHERE root_entry_id = (SELECT entry_id FROM m1 WHERE line_no = 2)$$,
                  $$VALUES ('lifted'::text, '2026-05-08'::date)$$, '... and the representative''s derived entry');
SELECT throws_ok($$SELECT * FROM credit_gz.intake_lists('market_regulation', 'no-such-batch')$$, '22023',
                 'batch "no-such-batch" has no staged list lines', 'an unknown batch is an error');

SELECT * FROM finish();
ROLLBACK;
