-- messages in the language of lc_messages: the module's C messages, the core's sentences (uscc_explain) and the
-- messages SQL raises through credit_gz.msg, in Chinese (zh_CN.UTF-8) and in English; subjects named by their code,
-- records by their document number.
\set VERBOSITY default
\set SHOW_CONTEXT never
INSERT INTO credit_gz.department (code, name_zh, name_en, kind) VALUES ('ms_court', '消息测试法院', 'message test court', 'judicial');
INSERT INTO credit_gz.subject (subject_id, uscc, name) VALUES (960001, '91440101MC0000020U', '消息甲公司');
INSERT INTO credit_gz.list_entry (entry_id, subject_id, list_type_code, department_code, basis_document, effective_from,
                                  effective_until)
VALUES (960001, 960001, 'samr_serious_illegal', 'ms_court', '穗市监严〔2026〕9号', '2026-01-01', '2100-01-01');
CREATE TABLE public.ms_tender (id int PRIMARY KEY, bidder text NOT NULL);
CREATE TRIGGER ms_tender_precheck BEFORE INSERT ON public.ms_tender FOR EACH ROW
    EXECUTE FUNCTION credit_gz.enforce_precheck('bidder', 'construction', 'tender_bid');

SET lc_messages = 'zh_CN.UTF-8';
-- a message of the server itself, of the C module, of the plain-C core
SELECT 1 / 0;
SELECT 'X1440101MC0000020U'::credit_gz.uscc;
SELECT credit_gz.uscc_explain('91440101MC0000020A'), credit_gz.uscc_explain('9144');
SELECT credit_gz.resident_id_explain('44010619850505103');
-- a rule raised from SQL: the entry by its case number, the subject by its code
UPDATE credit_gz.list_entry SET status = 'lifted', status_changed_on = '2026-06-30' WHERE entry_id = 960001;
-- a pre-check denial (C, with text built in SQL)
INSERT INTO public.ms_tender VALUES (1, '91440101MC0000020U');
SELECT credit_gz.msg('line %s (document "%s", subject %s): %s', 3, '穗市监罚〔2026〕1号', '91440101MC0000020U', '行政相对人名称 is empty');
SELECT credit_gz.msg('no translation for this text: %s', 'kept as it is');

SET lc_messages = 'C';
SELECT 1 / 0;
SELECT 'X1440101MC0000020U'::credit_gz.uscc;
SELECT credit_gz.uscc_explain('91440101MC0000020A'), credit_gz.uscc_explain('9144');
UPDATE credit_gz.list_entry SET status = 'lifted', status_changed_on = '2026-06-30' WHERE entry_id = 960001;
INSERT INTO public.ms_tender VALUES (1, '91440101MC0000020U');
SELECT credit_gz.msg('line %s (document "%s", subject %s): %s', 3, '穗市监罚〔2026〕1号', '91440101MC0000020U', '行政相对人名称 is empty');
RESET lc_messages;

DROP TABLE public.ms_tender;
DELETE FROM credit_gz.measure_feedback WHERE subject_id = 960001;
DELETE FROM credit_gz.list_entry WHERE subject_id = 960001;
DELETE FROM credit_gz.list_guard WHERE subject_id = 960001;
DELETE FROM credit_gz.subject WHERE subject_id = 960001;
DELETE FROM credit_gz.department WHERE code = 'ms_court';
