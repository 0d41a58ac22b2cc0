-- =====================================================================================================================
-- 两书同达 (国办发〔2025〕22号; 《信用修复管理办法》国家发展改革委令第36号): a penalty decision is delivered together with
-- a repair notice (信用修复告知书) — from when the subject may apply, under which conditions, where. The wording is
-- data in generations (repair_notice_text); the notice is a row per penalty record (repair_notice), written in the
-- statement that records the penalty, whatever the path (load_record, MERGE, intake, INSERT).
-- =====================================================================================================================

CREATE TABLE credit_gz.repair_notice_text (
    notice_text_id  integer PRIMARY KEY,
    effective_from  date NOT NULL,
    effective_until date,
    where_to_apply  text NOT NULL CHECK (btrim(where_to_apply) <> ''),
    conditions      text NOT NULL CHECK (btrim(conditions) <> ''),
    source          text NOT NULL CHECK (btrim(source) <> ''),
    note            text,
    shipped         boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    UNIQUE (effective_from, shipped)
);
COMMENT ON TABLE credit_gz.repair_notice_text IS
    '信用修复告知书文本代次 / generations of the repair notice''s wording (两书同达): where and under which conditions '
    'repair may be applied for, for penalties decided on the days a generation is in force [effective_from, '
    'effective_until). No generation in force on the decision date: no notice (before 两书同达 took effect). A local '
    'row (shipped = false) in force on the same day takes precedence over the shipped one.';
COMMENT ON COLUMN credit_gz.repair_notice_text.notice_text_id IS '文本编号 / id (shipped rows below 1000)';
COMMENT ON COLUMN credit_gz.repair_notice_text.effective_from IS '施行日期 / first decision day the wording governs';
COMMENT ON COLUMN credit_gz.repair_notice_text.effective_until IS '失效日期 / first decision date no longer governed by the wording (NULL: open)';
COMMENT ON COLUMN credit_gz.repair_notice_text.where_to_apply IS '申请渠道 / where to apply';
COMMENT ON COLUMN credit_gz.repair_notice_text.conditions IS '修复条件 / conditions of repair';
COMMENT ON COLUMN credit_gz.repair_notice_text.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.repair_notice_text.note IS '说明 / remarks (an unconfirmed point says so here)';
COMMENT ON COLUMN credit_gz.repair_notice_text.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.repair_notice_text (notice_text_id, effective_from, effective_until, where_to_apply, conditions,
                                          source, note, shipped) VALUES
    (1, '2025-06-22', '2026-04-01',
     '“信用中国”网站(www.creditchina.gov.cn)信用修复栏目，或其线下服务窗口',
     '已履行行政处罚决定规定的义务、纠正失信行为，最短公示期届满，并作出信用承诺',
     '《国务院办公厅关于进一步完善信用修复制度的实施方案》(国办发〔2025〕22号)',
     'the wording is a summary of the scheme, not its text', true),
    (2, '2026-04-01', NULL,
     '“信用中国”网站(www.creditchina.gov.cn)信用修复栏目，或其线下服务窗口',
     '已履行行政处罚决定规定的义务、纠正失信行为、消除不良影响，最短公示期届满，并作出信用承诺',
     '《信用修复管理办法》(国家发展改革委令第36号)',
     'the wording is a summary of the order, not its article text', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_notice_text', 'WHERE NOT shipped');

CREATE FUNCTION credit_gz.repair_notice_text_for(decision_date date) RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT t.notice_text_id FROM credit_gz.repair_notice_text t
        WHERE credit_gz.in_force(t.effective_from, t.effective_until, repair_notice_text_for.decision_date)
        ORDER BY t.shipped, t.effective_from DESC, t.notice_text_id
        LIMIT 1);
COMMENT ON FUNCTION credit_gz.repair_notice_text_for(date) IS
    '适用告知书文本 / the repair notice wording in force on a decision date (a local row before a shipped one); NULL '
    'before 两书同达.';

CREATE TABLE credit_gz.repair_notice (
    subject_id      bigint  NOT NULL,
    record_id       bigint  NOT NULL,
    notice_text_id  integer NOT NULL REFERENCES credit_gz.repair_notice_text (notice_text_id),
    repairable_from date,
    issued_on       date    NOT NULL,
    updated_on      date    NOT NULL,
    PRIMARY KEY (subject_id, record_id),
    CONSTRAINT repair_notice_record_fkey FOREIGN KEY (subject_id, record_id)
        REFERENCES credit_gz.record (subject_id, record_id) ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE credit_gz.repair_notice IS
    '信用修复告知书 / repair notices (两书同达): one per administrative penalty record decided while a notice wording '
    'is in force, issued in the statement that records the penalty; a re-sent penalty keeps its notice and its issue '
    'day, a changed repairable_from or wording generation is updated. Granted to nobody: read through '
    'credit_gz.disclosed_repair_notice (the subject itself in its own report, government).';
COMMENT ON COLUMN credit_gz.repair_notice.subject_id IS '信用主体 / subject';
COMMENT ON COLUMN credit_gz.repair_notice.record_id IS '行政处罚记录 / the penalty record';
COMMENT ON COLUMN credit_gz.repair_notice.notice_text_id IS '告知书文本 / wording generation (in force on the decision date)';
COMMENT ON COLUMN credit_gz.repair_notice.repairable_from IS '可申请修复日 / first day repair may be applied for (the record''s; NULL: not repairable)';
COMMENT ON COLUMN credit_gz.repair_notice.issued_on IS '告知日期 / day issued (the policy date when the penalty was recorded)';
COMMENT ON COLUMN credit_gz.repair_notice.updated_on IS '更新日期 / last day the notice changed';
REVOKE ALL ON credit_gz.repair_notice FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_notice', '');

-- repair_notice_issue: AFTER INSERT / AFTER UPDATE statement trigger on credit_gz.record, one statement for the whole
-- batch (COPY and MERGE loads). SECURITY DEFINER: departments record penalties, nobody writes notices directly.
CREATE FUNCTION credit_gz.repair_notice_issue()
RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    today date := credit_gz.policy_date();
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.record'::pg_catalog.regclass OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER'
       OR TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_OP NOT IN ('INSERT', 'UPDATE') THEN
        RAISE EXCEPTION 'credit_gz.repair_notice_issue() fires only AFTER INSERT or UPDATE FOR EACH STATEMENT on credit_gz.record'
            USING ERRCODE = '39P01';
    END IF;
    IF TG_OP OPERATOR(pg_catalog.=) 'INSERT' AND credit_gz.restoring() THEN
        RETURN NULL;  -- a restore keeps the notices as dumped
    END IF;
    INSERT INTO credit_gz.repair_notice AS n (subject_id, record_id, notice_text_id, repairable_from, issued_on, updated_on)
    SELECT r.subject_id, r.record_id, t.id, r.repairable_from, today, today
      FROM repair_notice_new r
      JOIN credit_gz.info_item i ON i.code OPERATOR(pg_catalog.=) r.item_code
                                AND i.kind OPERATOR(pg_catalog.=) 'penalty'
     CROSS JOIN LATERAL (SELECT credit_gz.repair_notice_text_for(r.decision_date) AS id) t
     WHERE t.id IS NOT NULL
       AND r.publish_until IS DISTINCT FROM r.publish_from  -- not published (SAMR Order 107: warnings): nothing to repair
     ORDER BY r.subject_id, r.record_id
    ON CONFLICT (subject_id, record_id) DO UPDATE
       SET notice_text_id = EXCLUDED.notice_text_id, repairable_from = EXCLUDED.repairable_from,
           updated_on = EXCLUDED.updated_on
     WHERE n.notice_text_id OPERATOR(pg_catalog.<>) EXCLUDED.notice_text_id
        OR n.repairable_from IS DISTINCT FROM EXCLUDED.repairable_from;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION credit_gz.repair_notice_issue() IS
    '两书同达: issues the repair notice of every published administrative penalty record the statement wrote whose '
    'decision date has a notice wording in force (credit_gz.repair_notice_text_for); idempotent — a re-sent record keeps its notice '
    'and issue day, a changed repairable_from follows; a restore keeps the notices as dumped. Trigger on '
    'credit_gz.record only.';
REVOKE ALL ON FUNCTION credit_gz.repair_notice_issue() FROM PUBLIC;
CREATE TRIGGER repair_notice_insert AFTER INSERT ON credit_gz.record REFERENCING NEW TABLE AS repair_notice_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.repair_notice_issue();
COMMENT ON TRIGGER repair_notice_insert ON credit_gz.record IS '两书同达: the repair notices of new penalty records (one statement).';
CREATE TRIGGER repair_notice_update AFTER UPDATE ON credit_gz.record REFERENCING NEW TABLE AS repair_notice_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.repair_notice_issue();
COMMENT ON TRIGGER repair_notice_update ON credit_gz.record IS '两书同达: re-sent or changed penalty records keep their notice up to date (one statement).';

-- The subject reads its notices in its own report (credit_report as self), government with the repairs.
CREATE VIEW credit_gz.disclosed_repair_notice WITH (security_barrier = true) AS
SELECT d.audience, n.subject_id, n.record_id, d.department_code, d.document_no, d.decision_date, n.repairable_from,
       t.where_to_apply, t.conditions, t.source, n.issued_on
  FROM credit_gz.repair_notice n
  JOIN credit_gz.disclosed_record d ON d.subject_id = n.subject_id AND d.record_id = n.record_id
  JOIN credit_gz.audience au ON au.code = d.audience AND au.sees_repairs
  JOIN credit_gz.repair_notice_text t ON t.notice_text_id = n.notice_text_id;
COMMENT ON VIEW credit_gz.disclosed_repair_notice IS
    '可见信用修复告知书 / repair notices (两书同达), for the audiences that see repairs, of the records they see '
    '(credit_gz.disclosed_record): the subject itself in its own report (credit_report as self), government.';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.record_id IS '行政处罚记录 / the penalty record';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.department_code IS '认定部门 / department that decided';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.document_no IS '决定文书号 / decision document number';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.decision_date IS '决定日期 / decision date';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.repairable_from IS '可申请修复日期 / repair may be applied for from (NULL: not repairable)';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.where_to_apply IS '申请渠道 / where to apply';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.conditions IS '修复条件 / conditions of repair';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.disclosed_repair_notice.issued_on IS '告知日期 / day issued';
