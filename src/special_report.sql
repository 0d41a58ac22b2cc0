-- Special credit reports (专项信用报告, 信用代证: 发改财金〔2025〕565号): one report a subject obtains instead of the
-- certificates of no violation (无违法违规证明) it used to collect from each department, laid out after
-- 《公共信用信息报告标准(2022年版)》 (cover, notes, overview of basic information and a summary, detail sections), issued
-- on the primary with a report number and a verification code, its content fixed at issue, and verified by a third
-- party on any server (credit_gz.verify_credit_report). The entry points are C (src/special_report.c): they log the
-- read in the caller's name and issue as the table's owner. SQLSTATEs (doc/special_report.md): CG703 an issued report
-- is never changed; 25006 reports are issued on the primary.

-- ---------------------------------------------------------------------------------------------------------------
-- Items the report covers that the catalogue did not have yet (公共信用信息目录: 行政强制, 刑事裁判)
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO credit_gz.info_item
    (code, name_zh, name_en, kind, polarity, applies_to, barred_for_natural_person, double_publicity, legal_basis, shipped)
VALUES
    ('administrative_coercion', '行政强制信息', 'Administrative coercion (compulsory measures and enforcement)', 'other',
     'negative', 'both', false, NULL,
     '《中华人民共和国行政强制法》第九条、第十二条; 发改财金〔2025〕565号 (专项信用报告至少包括行政强制信息)', true),
    ('criminal_judgment', '刑事裁判信息', 'Criminal judgment', 'judicial', 'negative', 'both', false, NULL,
     '《中华人民共和国刑事诉讼法》; 发改财金〔2025〕565号 (专项信用报告至少包括刑事裁判信息)', true);

-- penalty_simple_procedure: was the penalty decided under the summary procedure (简易程序, 行政处罚法 第五十一条:
-- 当场作出)? The 双公示 record says so in details.procedure ('simple' or 简易程序; anything else: the general procedure).
CREATE FUNCTION credit_gz.penalty_simple_procedure(details jsonb)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(details OPERATOR(pg_catalog.->>) 'procedure' IN ('simple', '简易程序'), false);
COMMENT ON FUNCTION credit_gz.penalty_simple_procedure(jsonb) IS
    '简易程序 / whether a penalty record was decided under the summary procedure (《中华人民共和国行政处罚法》第五十一条): '
    'details.procedure is ''simple'' or ''简易程序''. Such penalties are usually not published, but the special credit '
    'report covers them (发改财金〔2025〕565号: 行政处罚信息（含简易程序）).';

-- ---------------------------------------------------------------------------------------------------------------
-- The detail sections, as data: what each section shows, in force from the notice that requires it
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.special_report_section (
    code            text    NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    position        integer NOT NULL CHECK (position > 0),
    name_zh         text    NOT NULL,
    name_en         text    NOT NULL,
    item_code       text    REFERENCES credit_gz.info_item (code) ON UPDATE CASCADE,
    list_polarity   text    CHECK (list_polarity IN ('punishment', 'reward', 'attention')),
    list_severity   text    CHECK (list_severity IN ('none', 'general', 'serious')),
    effective_from  date    NOT NULL,
    effective_until date,
    source          text    NOT NULL CHECK (btrim(source) <> ''),
    shipped         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (code, effective_from),
    CHECK ((item_code IS NULL) = (list_polarity IS NOT NULL AND list_severity IS NOT NULL)),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.special_report_section IS
    '专项信用报告明细栏目 / the detail sections of the special credit report: records of one catalogue item, or entries of '
    'the list types of one polarity and severity (严重失信主体名单: punishment, serious), in the order of position; '
    'the sections in force on the day of issue make the report (发改财金〔2025〕565号; 公共信用信息报告标准(2022年版))';
COMMENT ON COLUMN credit_gz.special_report_section.code IS '栏目代码 / section code';
COMMENT ON COLUMN credit_gz.special_report_section.position IS '顺序 / position in the report';
COMMENT ON COLUMN credit_gz.special_report_section.name_zh IS '栏目名称 / section title';
COMMENT ON COLUMN credit_gz.special_report_section.name_en IS '英文名称 / section title in English';
COMMENT ON COLUMN credit_gz.special_report_section.item_code IS '信息项 / catalogue item whose records the section lists (NULL: a list section)';
COMMENT ON COLUMN credit_gz.special_report_section.list_polarity IS '名单性质 / polarity of the list types the section lists';
COMMENT ON COLUMN credit_gz.special_report_section.list_severity IS '名单严重程度 / severity of the list types the section lists';
COMMENT ON COLUMN credit_gz.special_report_section.effective_from IS '施行日期 / first day of issue the section is in';
COMMENT ON COLUMN credit_gz.special_report_section.effective_until IS '停止日期 / first day of issue it is no longer in (NULL: open)';
COMMENT ON COLUMN credit_gz.special_report_section.source IS '依据 / source';
COMMENT ON COLUMN credit_gz.special_report_section.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.special_report_section (code, position, name_zh, name_en, item_code, list_polarity, list_severity,
                                              effective_from, source, shipped) VALUES
    ('administrative_penalty', 1, '行政处罚信息（含简易程序）', 'Administrative penalties (summary procedure included)',
     'administrative_penalty', NULL, NULL, '2025-04-29', '发改财金〔2025〕565号', true),
    ('administrative_coercion', 2, '行政强制信息', 'Administrative coercion', 'administrative_coercion', NULL, NULL,
     '2025-04-29', '发改财金〔2025〕565号', true),
    ('serious_dishonesty_list', 3, '严重失信主体名单信息', 'Serious dishonesty lists', NULL, 'punishment', 'serious',
     '2025-04-29', '发改财金〔2025〕565号; 国办发〔2020〕49号 (严重失信主体名单)', true),
    ('criminal_judgment', 4, '刑事裁判信息', 'Criminal judgments', 'criminal_judgment', NULL, NULL, '2025-04-29',
     '发改财金〔2025〕565号', true);
ALTER TABLE credit_gz.special_report_section ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.special_report_section', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.special_report_section TO PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- Issued reports: content fixed at issue, its hash, the number and verification code a third party is given
-- ---------------------------------------------------------------------------------------------------------------
CREATE SEQUENCE credit_gz.issued_credit_report_seq;
COMMENT ON SEQUENCE credit_gz.issued_credit_report_seq IS '报告流水号 / serial numbers of issued special credit reports';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.issued_credit_report_seq', '');

CREATE TABLE credit_gz.issued_credit_report (
    subject_id        bigint      NOT NULL REFERENCES credit_gz.subject (subject_id),
    report_no         text        NOT NULL CHECK (report_no ~ '^GZZX[0-9]{16}$'),
    verification_code text        NOT NULL CHECK (verification_code ~ '^[0-9A-F]{12}$'),
    period_from       date        NOT NULL,
    period_until      date        NOT NULL,
    domains           text[],
    issued_to         text        NOT NULL CHECK (issued_to IN ('self', 'platform')),
    issued_by         name        NOT NULL,
    issued_on         date        NOT NULL,
    issued_at         timestamptz NOT NULL,
    content           jsonb       NOT NULL,
    content_sha256    text        NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (subject_id, report_no),
    CHECK (period_until > period_from)
);
COMMENT ON TABLE credit_gz.issued_credit_report IS
    '已出具的专项信用报告 / special credit reports issued (信用代证, 发改财金〔2025〕565号): the content as issued (later '
    'changes to the archive do not alter it), its SHA-256, the report number and verification code a third party checks '
    'with credit_gz.verify_credit_report. Written only by credit_gz.special_credit_report, never changed (CG703); '
    'granted to nobody.';
COMMENT ON COLUMN credit_gz.issued_credit_report.subject_id IS '信用主体 / subject';
COMMENT ON COLUMN credit_gz.issued_credit_report.report_no IS '报告编号 / report number (GZZX, the day of issue, serial)';
COMMENT ON COLUMN credit_gz.issued_credit_report.verification_code IS '验证码 / verification code printed on the report';
COMMENT ON COLUMN credit_gz.issued_credit_report.period_from IS '报告期间起 / first day of the period covered';
COMMENT ON COLUMN credit_gz.issued_credit_report.period_until IS '报告期间止后一日 / first day no longer in the period covered';
COMMENT ON COLUMN credit_gz.issued_credit_report.domains IS '查询领域 / domains covered (NULL: all)';
COMMENT ON COLUMN credit_gz.issued_credit_report.issued_to IS '出具方式 / self (信用主体本人, through the self-service portal) or platform (信用平台)';
COMMENT ON COLUMN credit_gz.issued_credit_report.issued_by IS '出具用户 / database role that asked for the report';
COMMENT ON COLUMN credit_gz.issued_credit_report.issued_on IS '出具日期 / day of issue (policy date)';
COMMENT ON COLUMN credit_gz.issued_credit_report.issued_at IS '出具时间 / time of issue (the transaction''s timestamp)';
COMMENT ON COLUMN credit_gz.issued_credit_report.content IS '报告内容 / the report as issued (JSON)';
COMMENT ON COLUMN credit_gz.issued_credit_report.content_sha256 IS '内容摘要 / SHA-256 of the content''s canonical text (credit_gz.report_content_hash)';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.issued_credit_report', '');
CREATE INDEX issued_credit_report_no_idx ON credit_gz.issued_credit_report (report_no);
COMMENT ON INDEX credit_gz.issued_credit_report_no_idx IS '按报告编号核验 / verification by report number';
-- granted to nobody; row-level security without a policy as well, should a DBA grant it by mistake
ALTER TABLE credit_gz.issued_credit_report ENABLE ROW LEVEL SECURITY;

-- report_content_hash: the one digest of a report's content — SHA-256 of jsonb's canonical text (keys ordered,
-- whitespace fixed), so the same content always has the same hash whoever serialises it.
CREATE FUNCTION credit_gz.report_content_hash(content jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(content::text, 'UTF8')), 'hex');
COMMENT ON FUNCTION credit_gz.report_content_hash(jsonb) IS
    '报告内容摘要 / SHA-256 (hex) of the canonical text of a report''s JSON content: what verify_credit_report compares';

-- issued_credit_report_guard: an issued report is fixed (its number, code and content are what a third party was
-- given): UPDATE and DELETE are refused; TRUNCATE too.
CREATE FUNCTION credit_gz.issued_credit_report_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.issued_credit_report'::regclass THEN
        RAISE EXCEPTION 'credit_gz.issued_credit_report_guard() fired on %', TG_RELID::regclass USING ERRCODE = '39P01';
    END IF;
    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('issued special credit reports are never changed'), ERRCODE = 'CG703',
              DETAIL = credit_gz.msg('%s on credit_gz.issued_credit_report refused: a report''s content is fixed at issue.', TG_OP),
              HINT = credit_gz.msg('Issue a new report with credit_gz.special_credit_report.');
END
$$;
COMMENT ON FUNCTION credit_gz.issued_credit_report_guard() IS
    '已出具报告不可更改 / refuses UPDATE, DELETE and TRUNCATE of issued special credit reports (CG703)';
CREATE TRIGGER issued_credit_report_fixed BEFORE UPDATE OR DELETE ON credit_gz.issued_credit_report
    FOR EACH ROW EXECUTE FUNCTION credit_gz.issued_credit_report_guard();
CREATE TRIGGER issued_credit_report_no_truncate BEFORE TRUNCATE ON credit_gz.issued_credit_report
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.issued_credit_report_guard();
COMMENT ON TRIGGER issued_credit_report_fixed ON credit_gz.issued_credit_report IS '报告内容固定 / issued reports are not changed (CG703)';
COMMENT ON TRIGGER issued_credit_report_no_truncate ON credit_gz.issued_credit_report IS '报告内容固定 / nor truncated (CG703)';
REVOKE ALL ON FUNCTION credit_gz.issued_credit_report_guard() FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- Building and issuing (internal: called by the C entry points as the owner of the issued reports)
-- ---------------------------------------------------------------------------------------------------------------
-- special_report_content: the report on a subject for [period_from, period_until) and the domains (NULL: all), as
-- the archive has it now, laid out after 公共信用信息报告标准(2022年版). Records count as every report counts them
-- (credit_gz.record_counts: in publicity or under objection); a record of a domain counts for that domain and its
-- parent, a record of no domain for every domain. List entries of the section's list types count when in force at
-- some time in the period (and neither revoked nor repaired), whatever the domain. NULL: no such subject.
CREATE FUNCTION credit_gz.special_report_content(subject_id bigint, period_from date, period_until date,
                                                 domains text[], as_of date)
RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH s AS (SELECT * FROM credit_gz.subject x WHERE x.subject_id = special_report_content.subject_id),
    sec AS (SELECT * FROM credit_gz.special_report_section t
             WHERE credit_gz.in_force(t.effective_from, t.effective_until, as_of)),
    rec AS (
        SELECT sec.code AS section, pg_catalog.jsonb_build_object(
                   'document_no', r.document_no, 'decision_date', r.decision_date, 'item', i.name_zh,
                   'title', r.title, 'department', r.department_code, 'department_name', d.name_zh,
                   'domain', r.domain_code, 'severity', r.severity,
                   'penalty_category', credit_gz.record_penalty_category(r.penalty_category, r.details),
                   'simple_procedure', CASE WHEN r.item_code = 'administrative_penalty'
                                            THEN credit_gz.penalty_simple_procedure(r.details) END,
                   'content', r.details OPERATOR(pg_catalog.->>) 'content',
                   'basis', r.details OPERATOR(pg_catalog.->>) 'basis',
                   'publish_until', credit_gz.inclusive_end(r.publish_until),
                   'under_objection', r.status = 'under_objection') AS j,
               r.decision_date AS d1, r.record_id AS k
          FROM sec
          JOIN credit_gz.record r ON r.item_code = sec.item_code
          JOIN credit_gz.info_item i ON i.code = r.item_code
          JOIN credit_gz.department d ON d.code = r.department_code
         WHERE r.subject_id = special_report_content.subject_id
           AND r.decision_date >= period_from AND r.decision_date < period_until
           AND credit_gz.record_counts(r.status)
           AND (domains IS NULL OR r.domain_code IS NULL OR r.domain_code = ANY (domains)
                OR (SELECT dm.parent_code FROM credit_gz.domain dm WHERE dm.code = r.domain_code) = ANY (domains))
        UNION ALL
        SELECT sec.code, pg_catalog.jsonb_build_object(
                   'list_type', e.list_type_code, 'list_name', lt.name_zh, 'department', e.department_code,
                   'department_name', d.name_zh, 'basis_document', e.basis_document,
                   'effective_from', e.effective_from, 'effective_until', credit_gz.inclusive_end(e.effective_until),
                   'status', e.status, 'derived', e.derived_from_entry_id IS NOT NULL),
               e.effective_from, e.entry_id
          FROM sec
          JOIN credit_gz.list_type lt ON lt.polarity = sec.list_polarity AND lt.severity = sec.list_severity
          JOIN credit_gz.list_entry e ON e.list_type_code = lt.code
          JOIN credit_gz.department d ON d.code = e.department_code
         WHERE sec.item_code IS NULL AND e.subject_id = special_report_content.subject_id
           AND e.status NOT IN ('revoked', 'repaired')
           AND e.effective_from < period_until AND (e.effective_until IS NULL OR e.effective_until > period_from)),
    sections AS (
        SELECT sec.position, sec.code, sec.name_zh,
               coalesce((SELECT pg_catalog.jsonb_agg(rec.j ORDER BY rec.d1 DESC, rec.k) FROM rec
                          WHERE rec.section = sec.code), '[]') AS entries
          FROM sec)
    SELECT pg_catalog.jsonb_build_object(
        'cover', pg_catalog.jsonb_build_object(
            'title', '专项信用报告',
            'subtitle', CASE WHEN s.kind = 'natural_person'
                             THEN '（自然人版，替代有无违法违规记录证明）'
                             ELSE '（法人和非法人组织版，替代有无违法违规记录证明）' END,
            'report_kind', CASE WHEN s.kind = 'natural_person' THEN 'natural_person' ELSE 'legal_person' END,
            'subject_name', s.name,
            'identity_code', credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type,
                                                     s.identity_document_no, s.kind = 'natural_person'),
            'issuer', '广州市公共信用信息管理平台 (信用广州)',
            'issued_on', as_of),
        'notes', pg_catalog.jsonb_build_array(
            '本报告依据发改财金〔2025〕565号（以专项信用报告替代有无违法违规记录证明，信用代证）出具，可替代报告所列领域的有无违法违规记录证明。',
            '报告格式参照《公共信用信息报告标准(2022年版)》: 封面、报告说明、基本信息和公共信用信息概要、明细信息。',
            '报告期间为 ' || period_from || ' 至 ' || credit_gz.inclusive_end(period_until) || '；查询领域: '
                || coalesce(pg_catalog.array_to_string(domains, '、'), '全部领域') || '。',
            '明细信息列示报告期间内在公示期的记录（含异议处理中的记录）及期间内有效的严重失信主体名单信息；已修复或已撤销的信息不予列示。',
            '报告内容以出具时为准，出具后档案的变更不改变本报告。可凭报告编号和验证码通过 credit_gz.verify_credit_report 核验报告真伪。'),
        'period', pg_catalog.jsonb_build_object('from', period_from, 'to', credit_gz.inclusive_end(period_until)),
        'domains', pg_catalog.to_jsonb(domains),
        'overview', pg_catalog.jsonb_build_object(
            'basic_information', pg_catalog.jsonb_build_object(
                'name', s.name, 'kind', s.kind,
                'identity_code', credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type,
                                                         s.identity_document_no, s.kind = 'natural_person'),
                'district', s.district, 'registered_on', s.registered_on, 'status', s.status)
              || CASE WHEN s.kind = 'natural_person' THEN '{}'::jsonb ELSE pg_catalog.jsonb_build_object(
                   'legal_representative',
                   (SELECT p.name FROM credit_gz.relation l JOIN credit_gz.subject p ON p.subject_id = l.related_subject_id
                     WHERE l.subject_id = s.subject_id AND l.kind = 'legal_representative'
                       AND credit_gz.in_force(l.valid_from, l.valid_until, as_of)
                     ORDER BY l.valid_from DESC LIMIT 1)) END,
            'summary', (SELECT pg_catalog.jsonb_object_agg(x.code, pg_catalog.jsonb_array_length(x.entries))
                          FROM sections x)
                       || pg_catalog.jsonb_build_object('simple_procedure_penalties',
                              (SELECT pg_catalog.count(*) FROM rec
                                WHERE rec.section = 'administrative_penalty'
                                  AND (rec.j OPERATOR(pg_catalog.->>) 'simple_procedure')::boolean)),
            'statement', CASE WHEN (SELECT pg_catalog.count(*) FROM rec) = 0
                              THEN '报告期间内，在所查询领域未发现该主体的行政处罚、行政强制、严重失信主体名单及刑事裁判信息。'
                              ELSE '报告期间内，在所查询领域发现该主体的违法违规信息，详见明细信息。' END),
        'sections', (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('code', x.code, 'name', x.name_zh,
                                                                               'entries', x.entries) ORDER BY x.position)
                       FROM sections x))
      FROM s
$$;
COMMENT ON FUNCTION credit_gz.special_report_content(bigint, date, date, text[], date) IS
    '专项信用报告内容 / the special credit report on a subject for a period and domains as the archive has it now '
    '(cover, notes, overview with basic information and summary, detail sections of credit_gz.special_report_section); '
    'NULL when there is no such subject. Internal to credit_gz.special_credit_report.';
REVOKE ALL ON FUNCTION credit_gz.special_report_content(bigint, date, date, text[], date) FROM PUBLIC;

-- special_report_issue: number the report, fix its content with number and verification code on the cover, and
-- store it with its hash. Run by credit_gz.special_credit_report as the table's owner, after it logged the read.
CREATE FUNCTION credit_gz.special_report_issue(subject_id bigint, period_from date, period_until date,
                                               domains text[], issued_to text, issued_by name)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    today   date := credit_gz.policy_date();
    no      text;
    code    text;
    content jsonb;
BEGIN
    content := credit_gz.special_report_content(subject_id, period_from, period_until, domains, today);
    IF content IS NULL THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('no subject %s in the credit archive', subject_id),
              ERRCODE = '22023',
                  HINT = credit_gz.msg('A special credit report is issued on a subject of credit_gz.subject.');
    END IF;
    no := 'GZZX' || pg_catalog.to_char(today, 'YYYYMMDD')
          || pg_catalog.lpad(pg_catalog.nextval('credit_gz.issued_credit_report_seq')::text, 8, '0');
    code := pg_catalog.upper(pg_catalog.substr(pg_catalog.md5(pg_catalog.gen_random_uuid()::text), 1, 12));
    content := content OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object(
        'report_no', no, 'verification_code', code, 'issued_at', pg_catalog.now(), 'issued_to', issued_to);
    content := pg_catalog.jsonb_set(content, '{cover,report_no}', pg_catalog.to_jsonb(no));
    content := pg_catalog.jsonb_set(content, '{cover,verification_code}', pg_catalog.to_jsonb(code));
    INSERT INTO credit_gz.issued_credit_report (subject_id, report_no, verification_code, period_from, period_until,
                                                domains, issued_to, issued_by, issued_on, issued_at, content,
                                                content_sha256)
    VALUES (subject_id, no, code, period_from, period_until, domains, issued_to, issued_by, today, pg_catalog.now(),
            content, credit_gz.report_content_hash(content));
    RETURN content;
END
$$;
COMMENT ON FUNCTION credit_gz.special_report_issue(bigint, date, date, text[], text, name) IS
    '出具专项信用报告 / numbers, fixes and stores a special credit report (credit_gz.issued_credit_report); internal to '
    'credit_gz.special_credit_report, which logs the read and runs it as the table''s owner.';
REVOKE ALL ON FUNCTION credit_gz.special_report_issue(bigint, date, date, text[], text, name) FROM PUBLIC;

-- special_report_check: the verification of a report by its number and code — genuine when the stored content still
-- has the hash taken at issue and the copy presented (if any) is that content; tampered when either differs;
-- unknown when no report has that number and code (nothing more is told then, not even whether the number exists).
-- Run by credit_gz.verify_credit_report as the table's owner; subject_id is what the verification is logged under.
CREATE FUNCTION credit_gz.special_report_check(report_no text, verification_code text, presented jsonb)
RETURNS TABLE (subject_id bigint, answer jsonb)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH r AS (SELECT r.*, credit_gz.report_content_hash(r.content) AS actual
                 FROM credit_gz.issued_credit_report r
                WHERE r.report_no = special_report_check.report_no
                  AND r.verification_code = pg_catalog.upper(pg_catalog.btrim(special_report_check.verification_code))
                ORDER BY r.issued_at LIMIT 1),
    v AS (SELECT r.*, CASE WHEN r.actual <> r.content_sha256 THEN 'stored'
                           WHEN presented IS NOT NULL AND credit_gz.report_content_hash(presented) <> r.content_sha256
                           THEN 'copy' END AS changed
            FROM r)
    SELECT v.subject_id,
           CASE WHEN v.changed IS NULL THEN pg_catalog.jsonb_build_object(
                    'report_no', v.report_no, 'status', 'genuine', 'valid', true,
                    'message', '报告真实有效，内容与出具时一致 / the report is genuine and unchanged',
                    'subject_name', v.content #>> '{cover,subject_name}',
                    'identity_code', v.content #>> '{cover,identity_code}',
                    'period', pg_catalog.jsonb_build_object('from', v.period_from,
                                                            'to', credit_gz.inclusive_end(v.period_until)),
                    'domains', pg_catalog.to_jsonb(v.domains), 'issued_on', v.issued_on, 'issued_at', v.issued_at,
                    'issued_to', v.issued_to, 'summary', v.content #> '{overview,summary}',
                    'content_sha256', v.content_sha256)
                ELSE pg_catalog.jsonb_build_object(
                    'report_no', v.report_no, 'status', 'tampered', 'valid', false,
                    'message', CASE v.changed
                        WHEN 'stored' THEN '报告内容已被篡改，与出具时不一致 / the stored report no longer matches '
                                           'the content issued'
                        ELSE '所提交的报告内容与出具的报告不一致 / the copy presented differs from the report issued' END,
                    'issued_on', v.issued_on) END
      FROM v
    UNION ALL
    SELECT NULL, pg_catalog.jsonb_build_object(
               'report_no', special_report_check.report_no, 'status', 'unknown', 'valid', false,
               'message', '未找到该报告编号和验证码对应的专项信用报告 / no special credit report has this number and '
                          'verification code')
     WHERE NOT EXISTS (SELECT 1 FROM r)
$$;
COMMENT ON FUNCTION credit_gz.special_report_check(text, text, jsonb) IS
    '专项信用报告核验 / the verification of a special credit report by number and verification code: genuine (with '
    'what it covered and when it was issued), tampered or unknown; internal to credit_gz.verify_credit_report.';
REVOKE ALL ON FUNCTION credit_gz.special_report_check(text, text, jsonb) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- Entry points (C, src/special_report.c)
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.special_credit_report(subject_id bigint, period daterange, domains text[] DEFAULT NULL,
                                                purpose text DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_special_credit_report';
COMMENT ON FUNCTION credit_gz.special_credit_report(bigint, daterange, text[], text) IS
    '专项信用报告 (信用代证, 发改财金〔2025〕565号) / issues a special credit report on a subject for a period (a bounded '
    'daterange, not after today) and domains (NULL: all): 行政处罚（含简易程序）, 行政强制, 严重失信主体名单 and 刑事裁判 '
    'information laid out after 公共信用信息报告标准(2022年版), with a report number and verification code, its content '
    'fixed at issue (credit_gz.issued_credit_report). To the subject through the self-service role (audience self) or '
    'by the platform (the credit administrator); logged in credit_gz.query_log; on the primary only (25006)';

CREATE FUNCTION credit_gz.verify_credit_report(report_no text, verification_code text, content jsonb DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_verify_credit_report';
COMMENT ON FUNCTION credit_gz.verify_credit_report(text, text, jsonb) IS
    '核验专项信用报告 / tells a third party whether a special credit report is genuine: status genuine (with what it '
    'covered and when it was issued), tampered (the stored content no longer matches its hash, or the copy presented '
    'as content differs from the report issued) or unknown (no report with that number and verification code). '
    'Read-only: works on a standby too; logged like every read (not written on a standby)';

-- special_report_text: the report as readable text, the sections in the report's order.
CREATE FUNCTION credit_gz.special_report_text(content jsonb)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    out text;
    sec jsonb;
    e   jsonb;
    n   int;
    m   int := 0;
    numerals text[] := ARRAY['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
BEGIN
    out := (content #>> '{cover,title}') || (content #>> '{cover,subtitle}') || E'\n'
        || '报告编号: ' || coalesce(content ->> 'report_no', '—') || '    验证码: ' || coalesce(content ->> 'verification_code', '—') || E'\n'
        || '信用主体: ' || (content #>> '{cover,subject_name}') || E'\n'
        || CASE WHEN content #>> '{cover,report_kind}' = 'natural_person' THEN '身份证件号码: ' ELSE '统一社会信用代码: ' END
        || coalesce(content #>> '{cover,identity_code}', '—') || E'\n'
        || '出具机构: ' || (content #>> '{cover,issuer}') || E'\n'
        || '出具日期: ' || (content #>> '{cover,issued_on}') || E'\n'
        || E'\n报告说明\n';
    n := 0;
    FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(content -> 'notes') LOOP
        n := n + 1;
        out := out || '  ' || n || '. ' || (e #>> '{}') || E'\n';
    END LOOP;
    m := m + 1;
    out := out || E'\n' || coalesce(numerals[m], m::text) || E'、基本信息\n'
        || '  名称: ' || coalesce(content #>> '{overview,basic_information,name}', '—') || E'\n'
        || CASE WHEN content #>> '{cover,report_kind}' = 'natural_person' THEN ''
                ELSE '  法定代表人: ' || coalesce(content #>> '{overview,basic_information,legal_representative}', '—') || E'\n'
                  || '  成立日期: ' || coalesce(content #>> '{overview,basic_information,registered_on}', '—') || E'\n' END
        || '  状态: ' || coalesce(content #>> '{overview,basic_information,status}', '—') || E'\n';
    m := m + 1;
    out := out || E'\n' || coalesce(numerals[m], m::text) || E'、公共信用信息概要\n';
    FOR sec IN SELECT * FROM pg_catalog.jsonb_array_elements(content -> 'sections') LOOP
        out := out || '  ' || (sec ->> 'name') || ': ' || pg_catalog.jsonb_array_length(sec -> 'entries') || ' 条'
            || CASE WHEN sec ->> 'code' = 'administrative_penalty'
                    THEN '（其中简易程序 ' || coalesce(content #>> '{overview,summary,simple_procedure_penalties}', '0') || ' 条）'
                    ELSE '' END || E'\n';
    END LOOP;
    out := out || '  ' || (content #>> '{overview,statement}') || E'\n';
    FOR sec IN SELECT * FROM pg_catalog.jsonb_array_elements(content -> 'sections') LOOP
        m := m + 1;
        out := out || E'\n' || coalesce(numerals[m], m::text) || '、' || (sec ->> 'name') || E'\n';
        n := 0;
        FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(sec -> 'entries') LOOP
            n := n + 1;
            IF e ? 'list_type' THEN
                out := out || '  ' || n || '. ' || (e ->> 'list_name') || ' 认定部门: ' || coalesce(e ->> 'department_name', e ->> 'department')
                    || ' 认定文书: ' || coalesce(e ->> 'basis_document', '—')
                    || ' 期间: ' || (e ->> 'effective_from') || ' 至 ' || coalesce(e ->> 'effective_until', '—')
                    || ' 状态: ' || (e ->> 'status') || E'\n';
            ELSE
                out := out || '  ' || n || '. ' || (e ->> 'decision_date') || ' ' || coalesce(e ->> 'title', e ->> 'item')
                    || CASE WHEN (e ->> 'simple_procedure')::boolean THEN ' [简易程序]' ELSE '' END
                    || E'\n     文书号: ' || (e ->> 'document_no') || ' 决定机关: ' || coalesce(e ->> 'department_name', e ->> 'department')
                    || coalesce(' 领域: ' || (e ->> 'domain'), '')
                    || coalesce(E'\n     内容: ' || (e ->> 'content'), '')
                    || CASE WHEN (e ->> 'under_objection')::boolean THEN ' 【异议处理中】' ELSE '' END || E'\n';
            END IF;
        END LOOP;
        IF n = 0 THEN out := out || E'  报告期间内无\n'; END IF;
    END LOOP;
    RETURN out;
END
$$;
COMMENT ON FUNCTION credit_gz.special_report_text(jsonb) IS
    '专项信用报告(文本) / a special credit report''s JSON content as readable Chinese text: cover, notes, basic '
    'information, summary and detail sections';

CREATE FUNCTION credit_gz.special_credit_report_text(subject_id bigint, period daterange, domains text[] DEFAULT NULL,
                                                     purpose text DEFAULT NULL)
RETURNS text
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.special_report_text(credit_gz.special_credit_report(subject_id, period, domains, purpose)) $$;
COMMENT ON FUNCTION credit_gz.special_credit_report_text(bigint, daterange, text[], text) IS
    '专项信用报告(文本) / issues a special credit report (credit_gz.special_credit_report: numbered, fixed, logged) and '
    'returns it as readable text';

-- Who issues and who verifies (credit_gz.role_privilege): the self-service portal issues to the subject it
-- authenticated; every kind of role a third party may hold verifies.
REVOKE ALL ON FUNCTION credit_gz.special_credit_report(bigint, daterange, text[], text),
              credit_gz.special_credit_report_text(bigint, daterange, text[], text),
              credit_gz.verify_credit_report(text, text, jsonb) FROM PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('self_service', 'special_credit_report(bigint, daterange, text[], text)', 'EXECUTE', true),
    ('self_service', 'special_credit_report_text(bigint, daterange, text[], text)', 'EXECUTE', true),
    ('self_service', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true),
    ('department', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true),
    ('public_reader', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true),
    ('credit_agency', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true),
    ('financial_institution', 'verify_credit_report(text, text, jsonb)', 'EXECUTE', true);
