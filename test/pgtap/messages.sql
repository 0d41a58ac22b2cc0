-- Messages in the language of lc_messages (doc/messages.md): Chinese under zh_CN.UTF-8, English otherwise, for the C
-- module, the plain-C core and the messages SQL raises through credit_gz.msg (one catalogue); messages name the
-- subject by its code and the record by its document number, and carry the constraint (or trigger) name.
-- installcheck requires: preload
BEGIN;
SELECT plan(16);

-- the error a statement raises: SQLSTATE, constraint name and message
CREATE FUNCTION pg_temp.err(stmt text, OUT state text, OUT con text, OUT msg text) LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE stmt;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, con = CONSTRAINT_NAME, msg = MESSAGE_TEXT;
END $$;

INSERT INTO credit_gz.department (code, name_zh, name_en, kind) VALUES ('tm_court', '消息测试法院', 'message test court', 'judicial');
INSERT INTO credit_gz.subject (subject_id, uscc, name) VALUES (-961, credit_gz.uscc_make('91440101MC0000960'), '消息乙公司');
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, effective_until)
VALUES (-961, 'samr_serious_illegal', 'tm_court', '穗市监严〔2026〕61号', '2026-01-01', '2100-01-01');
CREATE TABLE pg_temp.tm_tender (id int PRIMARY KEY, bidder text NOT NULL);
CREATE TRIGGER tm_tender_precheck BEFORE INSERT ON pg_temp.tm_tender FOR EACH ROW
    EXECUTE FUNCTION credit_gz.enforce_precheck('bidder', 'construction', 'tender_bid');
CREATE TEMP TABLE code AS SELECT credit_gz.uscc_make('91440101MC0000960')::text AS c;

SET LOCAL lc_messages = 'zh_CN.UTF-8';
SELECT is((SELECT ARRAY[e.state, e.con, e.msg] FROM pg_temp.err($$UPDATE credit_gz.list_entry SET status = 'lifted',
                    status_changed_on = '2026-06-30' WHERE subject_id = -961$$) e),
          ARRAY['23514', 'list_entry_check',
              format('主体 %s 的名单记录 穗市监严〔2026〕61号 在 2027-01-01 前不能移出', (SELECT c FROM code))],
          'zh_CN: a list rule names the entry by its case number and the subject by its code, with the trigger as constraint');
SELECT is((pg_temp.err(format($$INSERT INTO pg_temp.tm_tender VALUES (1, %L)$$, (SELECT c FROM code)))).state, 'CG501',
          'zh_CN: a pre-check denial keeps its SQLSTATE');
SELECT is((pg_temp.err(format($$INSERT INTO pg_temp.tm_tender VALUES (1, %L)$$, (SELECT c FROM code)))).con,
          'tm_tender_precheck', 'and names the trigger that refused the row as its constraint');
SELECT is((pg_temp.err(format($$INSERT INTO pg_temp.tm_tender VALUES (1, %L)$$, (SELECT c FROM code)))).msg,
          format('主体 %s 在 construction 领域被限制 tender_bid：经名单记录 穗市监严〔2026〕61号（samr_serious_illegal）适用措施 jp_tender_bar',
                 (SELECT c FROM code)),
          'zh_CN: the denial (C, its reason built in SQL) is in Chinese, naming code and case number');
SELECT throws_ok($$SELECT '91440101MC0000960'::credit_gz.uscc$$, '22P02',
                 '类型 uscc 的输入语法无效: "91440101MC0000960"', 'zh_CN: an errmsg of the C module');
SELECT is(credit_gz.uscc_explain('9144'), '去除空白后有 4 个字符；统一社会信用代码为 18 位。',
          'zh_CN: uscc_explain (a sentence of the plain-C core)');
SELECT is(credit_gz.code_defect('passport_x:123'), '未知的证件类型“passport_x”',
          'zh_CN: a pre-check reason raised from SQL');
SELECT is(credit_gz.msg('no translation for this text: %s', 'kept'), 'no translation for this text: kept',
          'a text the catalogue lacks stays as written');

-- the intake receipt: the reason of a rejected line
INSERT INTO credit_gz.penalty_intake (batch, line_no, subject_name, subject_category, uscc, document_no, violation_type,
                                      penalty_category, decision_date, department_code)
VALUES ('tm-1', 1, ' ', '法人及非法人组织', (SELECT c FROM code), '穗市监罚〔2026〕61号', '食品安全', '罚款', '2026-06-01',
        'market_regulation');
SELECT is((SELECT message FROM credit_gz.intake_penalties('market_regulation', 'tm-1', true)),
          format('第 1 行（文书“穗市监罚〔2026〕61号”，主体 %s）：行政相对人名称为空', (SELECT c FROM code)),
          'zh_CN: the receipt gives its reason in Chinese');

SELECT throws_ok('SELECT credit_gz.repair_accept(-1)', 'P0002', '信用修复申请 -1 不存在',
                 'zh_CN: a repair step on an application that does not exist');
SET LOCAL lc_messages = 'C';
SELECT throws_ok('SELECT credit_gz.repair_accept(-1)', 'P0002', 'repair application -1 does not exist',
                 'C: the same error in English');
SELECT is((SELECT ARRAY[e.state, e.con, e.msg] FROM pg_temp.err($$UPDATE credit_gz.list_entry SET status = 'lifted',
                    status_changed_on = '2026-06-30' WHERE subject_id = -961$$) e),
          ARRAY['23514', 'list_entry_check',
              format('list entry 穗市监严〔2026〕61号 of subject %s cannot be removed before 2027-01-01', (SELECT c FROM code))],
          'C: the same rule in English');
SELECT is((pg_temp.err(format($$INSERT INTO pg_temp.tm_tender VALUES (1, %L)$$, (SELECT c FROM code)))).msg,
          format('subject %s is restricted from tender_bid in construction: measure jp_tender_bar applies through list entry 穗市监严〔2026〕61号 (samr_serious_illegal)',
                 (SELECT c FROM code)),
          'C: the denial in English');
SELECT throws_ok($$SELECT '91440101MC0000960'::credit_gz.uscc$$, '22P02',
                 'invalid input syntax for type uscc: "91440101MC0000960"', 'C: the errmsg in English');
SELECT is(credit_gz.uscc_explain('9144'), 'The value has 4 characters after trimming white space; a unified social credit code has 18.',
          'C: uscc_explain in English');
SELECT is((SELECT message FROM credit_gz.intake_penalties('market_regulation', 'tm-1', true)),
          format('line 1 (document "穗市监罚〔2026〕61号", subject %s): 行政相对人名称 is empty', (SELECT c FROM code)),
          'C: the receipt in English');

SELECT * FROM finish();
ROLLBACK;
