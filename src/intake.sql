-- 数据归集 / department intake in the national 双公示 penalty format: a department COPYs its file (header row, UTF-8
-- or GB18030) into credit_gz.penalty_intake under a batch name and calls credit_gz.intake_penalties(); each line is
-- loaded or rejected on its own (its subject and record together or not at all) and the call returns the receipt
-- (数据归集回执). The mappings the format leaves open (行政相对人类别 → subject kind, 违法行为类型 → catalogue item,
-- 处罚类别 and fine → 失信程度) are data with effective dates and department overrides. User documentation:
-- doc/intake.md.

-- ---------------------------------------------------------------------------------------------------------------------
-- Mappings
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.intake_subject_kind (
    name_zh      text    NOT NULL PRIMARY KEY CHECK (btrim(name_zh) = name_zh AND name_zh <> ''),
    subject_kind text    NOT NULL CHECK (subject_kind IN ('enterprise', 'individual_business', 'farmer_cooperative',
                                                          'government_agency', 'public_institution', 'social_organization',
                                                          'legal_service_organization', 'other_organization', 'natural_person')),
    source       text    NOT NULL CHECK (btrim(source) <> ''),
    shipped      boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.intake_subject_kind IS
    '行政相对人类别映射 / the subject kind (credit_gz.subject.kind) a 行政相对人类别 of the national format gives a subject '
    'created from the file; a category with no row is rejected (CG801).';
COMMENT ON COLUMN credit_gz.intake_subject_kind.name_zh IS '行政相对人类别 / the category as the file writes it';
COMMENT ON COLUMN credit_gz.intake_subject_kind.subject_kind IS '主体类别 / kind of the subject created (natural_person: found by identity document)';
COMMENT ON COLUMN credit_gz.intake_subject_kind.source IS '依据 / source of the mapping';
COMMENT ON COLUMN credit_gz.intake_subject_kind.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.intake_subject_kind (name_zh, subject_kind, source, shipped) VALUES
    ('法人及非法人组织', 'enterprise', '全国行政处罚信息数据标准: 行政相对人类别', true),
    ('个体工商户', 'individual_business', '全国行政处罚信息数据标准: 行政相对人类别', true),
    ('自然人', 'natural_person', '全国行政处罚信息数据标准: 行政相对人类别', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_subject_kind', 'WHERE NOT shipped');

CREATE TABLE credit_gz.intake_item_map (
    map_id          integer NOT NULL PRIMARY KEY,
    violation_type  text    NOT NULL CHECK (btrim(violation_type) = violation_type AND violation_type <> ''),
    department_code text    REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    item_code       text    NOT NULL REFERENCES credit_gz.info_item (code) ON UPDATE CASCADE,
    domain_code     text    REFERENCES credit_gz.domain (code) ON UPDATE CASCADE,
    effective_from  date    NOT NULL,
    effective_until date,
    source          text    NOT NULL CHECK (btrim(source) <> ''),
    shipped         boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
CREATE UNIQUE INDEX intake_item_map_key_idx
    ON credit_gz.intake_item_map (violation_type, department_code, effective_from) NULLS NOT DISTINCT;
COMMENT ON INDEX credit_gz.intake_item_map_key_idx IS '映射唯一 / one mapping per violation type, department (or all) and first day';
COMMENT ON TABLE credit_gz.intake_item_map IS
    '违法行为类型映射 / the catalogue item (and domain) a 违法行为类型 of a penalty file is recorded under, in force on '
    'the decision date; a department''s own row beats the row for all departments (department_code NULL). A line no '
    'row decides is rejected (CG801).';
COMMENT ON COLUMN credit_gz.intake_item_map.map_id IS '映射编号 / mapping id';
COMMENT ON COLUMN credit_gz.intake_item_map.violation_type IS '违法行为类型 / the violation type as the file writes it';
COMMENT ON COLUMN credit_gz.intake_item_map.department_code IS '部门 / department the mapping is for (NULL: all departments)';
COMMENT ON COLUMN credit_gz.intake_item_map.item_code IS '目录信息项 / catalogue item of the record';
COMMENT ON COLUMN credit_gz.intake_item_map.domain_code IS '监管领域 / supervision domain of the record (NULL: none)';
COMMENT ON COLUMN credit_gz.intake_item_map.effective_from IS '起始日期 / first decision date the mapping governs';
COMMENT ON COLUMN credit_gz.intake_item_map.effective_until IS '失效日期 / first decision date it no longer governs (NULL: open)';
COMMENT ON COLUMN credit_gz.intake_item_map.source IS '依据 / source of the mapping';
COMMENT ON COLUMN credit_gz.intake_item_map.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_item_map', 'WHERE NOT shipped');

CREATE TABLE credit_gz.intake_severity_map (
    map_id           integer NOT NULL PRIMARY KEY,
    penalty_category text    NOT NULL REFERENCES credit_gz.penalty_category (code) ON UPDATE CASCADE,
    department_code  text    REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    min_fine_wan     numeric CHECK (min_fine_wan >= 0),
    severity         text    NOT NULL CHECK (severity IN ('minor', 'general', 'serious', 'specific_serious')),
    effective_from   date    NOT NULL,
    effective_until  date,
    source           text    NOT NULL CHECK (btrim(source) <> ''),
    shipped          boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
CREATE UNIQUE INDEX intake_severity_map_key_idx
    ON credit_gz.intake_severity_map (penalty_category, department_code, min_fine_wan, effective_from) NULLS NOT DISTINCT;
COMMENT ON INDEX credit_gz.intake_severity_map_key_idx IS '规则唯一 / one rule per category, department (or all), fine threshold and first day';
COMMENT ON TABLE credit_gz.intake_severity_map IS
    '失信程度建议 / the 失信程度 a penalty of a category suggests when the file carries none, in force on the decision '
    'date: a department''s own rows beat the rows for all departments; among them the highest fine threshold '
    '(min_fine_wan, 万元) the line''s 罚款金额 reaches wins (NULL: any fine). A line no rule decides is rejected (CG801).';
COMMENT ON COLUMN credit_gz.intake_severity_map.map_id IS '映射编号 / mapping id';
COMMENT ON COLUMN credit_gz.intake_severity_map.penalty_category IS '处罚类别 / penalty category';
COMMENT ON COLUMN credit_gz.intake_severity_map.department_code IS '部门 / department the rule is for (NULL: all departments)';
COMMENT ON COLUMN credit_gz.intake_severity_map.min_fine_wan IS '罚款金额下限(万元) / the rule applies from this fine up (NULL: any)';
COMMENT ON COLUMN credit_gz.intake_severity_map.severity IS '失信程度 / minor, general, serious or specific_serious';
COMMENT ON COLUMN credit_gz.intake_severity_map.effective_from IS '起始日期 / first decision date the rule governs';
COMMENT ON COLUMN credit_gz.intake_severity_map.effective_until IS '失效日期 / first decision date it no longer governs (NULL: open)';
COMMENT ON COLUMN credit_gz.intake_severity_map.source IS '依据 / source of the rule';
COMMENT ON COLUMN credit_gz.intake_severity_map.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_severity_map', 'WHERE NOT shipped');

CREATE TABLE credit_gz.intake_code_crosswalk (
    code_kind text    NOT NULL CHECK (code_kind IN ('business_reg_no', 'organisation_code')),
    old_code  text    NOT NULL CHECK (btrim(old_code) = old_code AND old_code <> ''),
    uscc      credit_gz.uscc NOT NULL,
    source    text    NOT NULL CHECK (btrim(source) <> ''),
    shipped   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (code_kind, old_code),
    -- 工商注册号: 15 digits, the first six the registering authority's division, as positions 3-8 of the unified code
    CONSTRAINT intake_code_crosswalk_region CHECK (code_kind <> 'business_reg_no'
        OR (old_code ~ '^[0-9]{15}$' AND substr(old_code, 1, 6) = credit_gz.uscc_region(uscc))),
    -- 组织机构代码: positions 9-17 of the unified code (written without the hyphen)
    CONSTRAINT intake_code_crosswalk_org_code CHECK (code_kind <> 'organisation_code'
        OR old_code = credit_gz.uscc_org_code(uscc))
);
COMMENT ON TABLE credit_gz.intake_code_crosswalk IS
    '旧代码对照 / the unified social credit code an organisation''s older code (工商注册号, 组织机构代码) was replaced by: '
    'a line without 统一社会信用代码 finds its organisation through it (工商注册号 first). A 工商注册号 is of the '
    'division of the code (positions 3-8), an organisation code is positions 9-17.';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.code_kind IS '旧代码类别 / business_reg_no (工商注册号) or organisation_code (组织机构代码)';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.old_code IS '旧代码 / the older code as the files write it';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.uscc IS '统一社会信用代码 / the unified code that replaced it';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.source IS '依据 / source of the pair (换照 register, 赋码 list)';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
REVOKE ALL ON credit_gz.intake_code_crosswalk FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_code_crosswalk', 'WHERE NOT shipped');

-- ---------------------------------------------------------------------------------------------------------------------
-- Staged file and rejects (personal data: granted to no role; the extension's owner loads)
-- ---------------------------------------------------------------------------------------------------------------------

-- intake_department: the department a staged line is in the name of when the file does not say.
CREATE FUNCTION credit_gz.intake_department()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN pg_catalog.cardinality(credit_gz.my_departments()) = 1 THEN (credit_gz.my_departments())[1] END $$;
COMMENT ON FUNCTION credit_gz.intake_department() IS
    '归集部门 / the one department the current role acts for (NULL when none or several): the department of a staged '
    'line that names none.';

CREATE TABLE credit_gz.penalty_intake (
    batch                 text   NOT NULL CHECK (btrim(batch) <> ''),
    line_no               integer NOT NULL CHECK (line_no > 0),
    subject_name          text,
    subject_category      text,
    uscc                  text,
    business_reg_no       text,
    organisation_code     text,
    tax_reg_no            text,
    institution_cert_no   text,
    social_org_cert_no    text,
    legal_rep_name        text,
    legal_rep_id_type     text,
    legal_rep_id_no       text,
    id_type               text,
    id_no                 text,
    document_no           text,
    violation_type        text,
    facts                 text,
    basis                 text,
    penalty_category      text,
    content               text,
    fine_amount           text,
    confiscated_amount    text,
    licence_revoked       text,
    decision_date         text,
    penalty_valid_to   text,
    publicity_deadline    text,
    deciding_body         text,
    deciding_body_uscc    text,
    source_body           text,
    source_body_uscc      text,
    remarks               text,
    department_code       text   NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE
                          DEFAULT credit_gz.intake_department(),
    PRIMARY KEY (department_code, batch, line_no)
);
COMMENT ON TABLE credit_gz.penalty_intake IS
    '行政处罚归集暂存 / a penalty file in the national 双公示 format as staged, one row per line, every field as text in '
    'the format''s order; COPY it with the batch and line number (doc/intake.md), then call intake_penalties(). '
    'A department sees and stages only its own lines (row-level security).';
COMMENT ON COLUMN credit_gz.penalty_intake.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.penalty_intake.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.penalty_intake.subject_name IS '行政相对人名称 / subject name';
COMMENT ON COLUMN credit_gz.penalty_intake.subject_category IS '行政相对人类别 / 法人及非法人组织, 自然人 or 个体工商户';
COMMENT ON COLUMN credit_gz.penalty_intake.uscc IS '统一社会信用代码 / unified social credit code';
COMMENT ON COLUMN credit_gz.penalty_intake.business_reg_no IS '工商注册号 / business registration number';
COMMENT ON COLUMN credit_gz.penalty_intake.organisation_code IS '组织机构代码 / organisation code';
COMMENT ON COLUMN credit_gz.penalty_intake.tax_reg_no IS '税务登记号 / tax registration number';
COMMENT ON COLUMN credit_gz.penalty_intake.institution_cert_no IS '事业单位证书号 / public institution certificate number';
COMMENT ON COLUMN credit_gz.penalty_intake.social_org_cert_no IS '社会组织登记证号 / social organisation certificate number';
COMMENT ON COLUMN credit_gz.penalty_intake.legal_rep_name IS '法定代表人 / legal representative';
COMMENT ON COLUMN credit_gz.penalty_intake.legal_rep_id_type IS '法定代表人证件类型 / legal representative''s document type';
COMMENT ON COLUMN credit_gz.penalty_intake.legal_rep_id_no IS '法定代表人证件号码 / legal representative''s document number';
COMMENT ON COLUMN credit_gz.penalty_intake.id_type IS '证件类型 / document type of a natural person';
COMMENT ON COLUMN credit_gz.penalty_intake.id_no IS '证件号码 / document number of a natural person';
COMMENT ON COLUMN credit_gz.penalty_intake.document_no IS '行政处罚决定书文号 / decision document number';
COMMENT ON COLUMN credit_gz.penalty_intake.violation_type IS '违法行为类型 / violation type';
COMMENT ON COLUMN credit_gz.penalty_intake.facts IS '违法事实 / facts';
COMMENT ON COLUMN credit_gz.penalty_intake.basis IS '处罚依据 / legal basis';
COMMENT ON COLUMN credit_gz.penalty_intake.penalty_category IS '处罚类别 / penalty categories (names of 行政处罚法 art. 9)';
COMMENT ON COLUMN credit_gz.penalty_intake.content IS '处罚内容 / content of the penalty';
COMMENT ON COLUMN credit_gz.penalty_intake.fine_amount IS '罚款金额(万元) / fine in 10,000 yuan';
COMMENT ON COLUMN credit_gz.penalty_intake.confiscated_amount IS '没收违法所得、没收非法财物的金额(万元) / amount confiscated in 10,000 yuan';
COMMENT ON COLUMN credit_gz.penalty_intake.licence_revoked IS '暂扣或吊销证照名称及编号 / licence suspended or revoked';
COMMENT ON COLUMN credit_gz.penalty_intake.decision_date IS '处罚决定日期 / decision date';
COMMENT ON COLUMN credit_gz.penalty_intake.penalty_valid_to IS '处罚有效期 / end of the penalty''s validity';
COMMENT ON COLUMN credit_gz.penalty_intake.publicity_deadline IS '公示截止期 / last day published, as the department decided';
COMMENT ON COLUMN credit_gz.penalty_intake.deciding_body IS '处罚机关 / deciding body';
COMMENT ON COLUMN credit_gz.penalty_intake.deciding_body_uscc IS '处罚机关统一社会信用代码 / deciding body''s unified code';
COMMENT ON COLUMN credit_gz.penalty_intake.source_body IS '数据来源单位 / body supplying the data';
COMMENT ON COLUMN credit_gz.penalty_intake.source_body_uscc IS '数据来源单位统一社会信用代码 / supplying body''s unified code';
COMMENT ON COLUMN credit_gz.penalty_intake.remarks IS '备注 / remarks';
COMMENT ON COLUMN credit_gz.penalty_intake.department_code IS
    '归集部门 / department staging the file (default: the one department the role acts for)';
REVOKE ALL ON credit_gz.penalty_intake FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.penalty_intake', '');

CREATE TABLE credit_gz.intake_reject (
    batch           text        NOT NULL,
    line_no         integer     NOT NULL,
    department_code text        NOT NULL,
    document_no     text,
    column_name     text,
    sqlstate        text        NOT NULL,
    message         text        NOT NULL,
    rejected_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (department_code, batch, line_no)
);
COMMENT ON TABLE credit_gz.intake_reject IS
    '归集退回 / the lines of a batch the last intake_penalties() call rejected, with the column, SQLSTATE and message; '
    'a line loaded on re-send leaves the table.';
COMMENT ON COLUMN credit_gz.intake_reject.batch IS '批次 / batch';
COMMENT ON COLUMN credit_gz.intake_reject.line_no IS '行号 / line of the file';
COMMENT ON COLUMN credit_gz.intake_reject.department_code IS '归集部门 / department that sent the file';
COMMENT ON COLUMN credit_gz.intake_reject.document_no IS '决定文书号 / document number of the line, as sent';
COMMENT ON COLUMN credit_gz.intake_reject.column_name IS '出错字段 / column of penalty_intake the error is about (NULL: the line as a whole)';
COMMENT ON COLUMN credit_gz.intake_reject.sqlstate IS '错误代码 / SQLSTATE of the error';
COMMENT ON COLUMN credit_gz.intake_reject.message IS '错误信息 / message, naming the line, document number and subject code';
COMMENT ON COLUMN credit_gz.intake_reject.rejected_at IS '退回时间 / when the line was rejected';
REVOKE ALL ON credit_gz.intake_reject FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_reject', '');

-- penalty_intake_file: what a department COPYs its file into (COPY does not write a table under row-level security;
-- through this view each line goes in by INSERT, under the department policy). Lines naming no department_code take
-- the department the role acts for.
CREATE VIEW credit_gz.penalty_intake_file WITH (security_barrier = true, security_invoker = true) AS
SELECT * FROM credit_gz.penalty_intake;
COMMENT ON VIEW credit_gz.penalty_intake_file IS
    '行政处罚归集文件 / COPY a penalty file here (columns of credit_gz.penalty_intake): each line is staged in '
    'credit_gz.penalty_intake, in the name of the department the role acts for unless department_code is given.';
COMMENT ON COLUMN credit_gz.penalty_intake_file.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.penalty_intake_file.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.penalty_intake_file.subject_name IS '行政相对人名称 / subject name';
COMMENT ON COLUMN credit_gz.penalty_intake_file.subject_category IS '行政相对人类别 / 法人及非法人组织, 自然人 or 个体工商户';
COMMENT ON COLUMN credit_gz.penalty_intake_file.uscc IS '统一社会信用代码 / unified social credit code';
COMMENT ON COLUMN credit_gz.penalty_intake_file.business_reg_no IS '工商注册号 / business registration number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.organisation_code IS '组织机构代码 / organisation code';
COMMENT ON COLUMN credit_gz.penalty_intake_file.tax_reg_no IS '税务登记号 / tax registration number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.institution_cert_no IS '事业单位证书号 / public institution certificate number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.social_org_cert_no IS '社会组织登记证号 / social organisation certificate number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.legal_rep_name IS '法定代表人 / legal representative';
COMMENT ON COLUMN credit_gz.penalty_intake_file.legal_rep_id_type IS '法定代表人证件类型 / legal representative''s document type';
COMMENT ON COLUMN credit_gz.penalty_intake_file.legal_rep_id_no IS '法定代表人证件号码 / legal representative''s document number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.id_type IS '证件类型 / document type of a natural person';
COMMENT ON COLUMN credit_gz.penalty_intake_file.id_no IS '证件号码 / document number of a natural person';
COMMENT ON COLUMN credit_gz.penalty_intake_file.document_no IS '行政处罚决定书文号 / decision document number';
COMMENT ON COLUMN credit_gz.penalty_intake_file.violation_type IS '违法行为类型 / violation type';
COMMENT ON COLUMN credit_gz.penalty_intake_file.facts IS '违法事实 / facts';
COMMENT ON COLUMN credit_gz.penalty_intake_file.basis IS '处罚依据 / legal basis';
COMMENT ON COLUMN credit_gz.penalty_intake_file.penalty_category IS '处罚类别 / penalty categories (names of 行政处罚法 art. 9)';
COMMENT ON COLUMN credit_gz.penalty_intake_file.content IS '处罚内容 / content of the penalty';
COMMENT ON COLUMN credit_gz.penalty_intake_file.fine_amount IS '罚款金额(万元) / fine in 10,000 yuan';
COMMENT ON COLUMN credit_gz.penalty_intake_file.confiscated_amount IS '没收违法所得、没收非法财物的金额(万元) / amount confiscated in 10,000 yuan';
COMMENT ON COLUMN credit_gz.penalty_intake_file.licence_revoked IS '暂扣或吊销证照名称及编号 / licence suspended or revoked';
COMMENT ON COLUMN credit_gz.penalty_intake_file.decision_date IS '处罚决定日期 / decision date';
COMMENT ON COLUMN credit_gz.penalty_intake_file.penalty_valid_to IS '处罚有效期 / end of the penalty''s validity';
COMMENT ON COLUMN credit_gz.penalty_intake_file.publicity_deadline IS '公示截止期 / last day published, as the department decided';
COMMENT ON COLUMN credit_gz.penalty_intake_file.deciding_body IS '处罚机关 / deciding body';
COMMENT ON COLUMN credit_gz.penalty_intake_file.deciding_body_uscc IS '处罚机关统一社会信用代码 / deciding body''s unified code';
COMMENT ON COLUMN credit_gz.penalty_intake_file.source_body IS '数据来源单位 / body supplying the data';
COMMENT ON COLUMN credit_gz.penalty_intake_file.source_body_uscc IS '数据来源单位统一社会信用代码 / supplying body''s unified code';
COMMENT ON COLUMN credit_gz.penalty_intake_file.remarks IS '备注 / remarks';
COMMENT ON COLUMN credit_gz.penalty_intake_file.department_code IS '归集部门 / department staging the file (default: the one department the role acts for)';
CREATE FUNCTION credit_gz.penalty_intake_file_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID <> 'credit_gz.penalty_intake_file'::regclass OR TG_WHEN <> 'INSTEAD OF' OR TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'credit_gz.penalty_intake_file_insert() must be an INSTEAD OF INSERT trigger on credit_gz.penalty_intake_file'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    NEW.department_code := coalesce(NEW.department_code, credit_gz.intake_department());
    INSERT INTO credit_gz.penalty_intake SELECT (NEW).*;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.penalty_intake_file_insert() IS
    'INSTEAD OF INSERT trigger on credit_gz.penalty_intake_file: stages the line in credit_gz.penalty_intake.';
REVOKE ALL ON FUNCTION credit_gz.penalty_intake_file_insert() FROM PUBLIC;
CREATE TRIGGER penalty_intake_file_insert INSTEAD OF INSERT ON credit_gz.penalty_intake_file
    FOR EACH ROW EXECUTE FUNCTION credit_gz.penalty_intake_file_insert();
COMMENT ON TRIGGER penalty_intake_file_insert ON credit_gz.penalty_intake_file IS 'a COPYed line is staged.';
REVOKE ALL ON credit_gz.penalty_intake_file FROM PUBLIC;

-- 谁归集谁负责: a department stages, reads and clears only its own lines and rejects (they hold personal data); the
-- extension's owner is not subject to the policies. The mappings are catalogues, no one's information.
ALTER TABLE credit_gz.penalty_intake ENABLE ROW LEVEL SECURITY;
CREATE POLICY penalty_intake_department ON credit_gz.penalty_intake FOR ALL
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY penalty_intake_department ON credit_gz.penalty_intake IS
    '谁归集谁负责: a department stages, reads and clears only its own staged lines.';
ALTER TABLE credit_gz.intake_reject ENABLE ROW LEVEL SECURITY;
CREATE POLICY intake_reject_department ON credit_gz.intake_reject FOR ALL
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY intake_reject_department ON credit_gz.intake_reject IS
    '谁归集谁负责: a department reads (and its intake writes) only its own rejected lines.';
GRANT SELECT ON credit_gz.intake_subject_kind, credit_gz.intake_item_map, credit_gz.intake_severity_map TO PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'penalty_intake', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'penalty_intake_file', 'INSERT', true),
    ('department', 'intake_reject', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'intake_penalties(text, text, boolean)', 'EXECUTE', true),
    -- the categories of 行政处罚法 art. 9 the intake maps 处罚类别 to (a catalogue)
    ('department', 'penalty_category', 'SELECT', true),
    ('department', 'intake_code_crosswalk', 'SELECT', true);

-- ---------------------------------------------------------------------------------------------------------------------
-- intake_penalties: the receipt (数据归集回执) of a staged batch. Each line in its own subtransaction: the subject it
-- creates and its record go in together or not at all. validate_only runs every line the same way and rolls each
-- back (CG809, never raised to the caller), so the receipt is the one a load would give.
-- ---------------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.intake_penalties(department_code text, batch text, validate_only boolean DEFAULT false)
RETURNS TABLE (line_no integer, outcome text, record_id bigint, column_name text, error_state text, message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    dep  text := intake_penalties.department_code;
    s    credit_gz.penalty_intake;
    col  text;
    kind text;
    code credit_gz.uscc;
    pid  credit_gz.resident_id;
    sid  bigint;
    rid  bigint;
    item record;
    cat  text;
    fine numeric;
    sev  text;
    dd   date;
    deadline date;
    doc  credit_gz.record_document;
    old  credit_gz.record;
    det  jsonb;
    body_d credit_gz.uscc;
    body_s credit_gz.uscc;
    until date;
    st   text;
    msg  text;
    who  text;
    rep_pid credit_gz.resident_id;
    rep  bigint;
    rel  credit_gz.relation;
    rel_changed boolean;
BEGIN
    IF dep IS NULL OR NOT EXISTS (SELECT FROM credit_gz.department d WHERE d.code = dep) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('department "%s" does not exist', dep), ERRCODE = '22023';
    END IF;
    IF credit_gz.my_departments() <> '{}' AND dep <> ALL (credit_gz.my_departments()) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
              MESSAGE = credit_gz.msg('role "%s" does not act for department "%s"', current_user, dep),
              HINT = credit_gz.msg('A department loads only its own files.');
    END IF;
    IF batch IS NULL OR NOT EXISTS (SELECT FROM credit_gz.penalty_intake p
                                     WHERE p.department_code = dep AND p.batch = intake_penalties.batch) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch "%s" has no staged lines', batch), ERRCODE = '22023',
              HINT = credit_gz.msg('COPY the file into credit_gz.penalty_intake with this batch name first.');
    END IF;
    FOR s IN SELECT * FROM credit_gz.penalty_intake p
              WHERE p.department_code = dep AND p.batch = intake_penalties.batch ORDER BY p.line_no LOOP
        line_no := s.line_no; outcome := NULL; record_id := NULL; column_name := NULL; error_state := NULL; message := NULL;
        who := coalesce(nullif(btrim(s.uscc), ''), nullif(btrim(s.id_no), ''), credit_gz.msg('(no code)'));
        rel_changed := false;
        BEGIN
            col := 'subject_category';
            SELECT k.subject_kind INTO kind FROM credit_gz.intake_subject_kind k WHERE k.name_zh = btrim(s.subject_category);
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'CG801',
                      MESSAGE = credit_gz.msg('行政相对人类别 "%s" maps to no subject kind', s.subject_category);
            END IF;
            col := 'subject_name';
            IF coalesce(btrim(s.subject_name), '') = '' THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政相对人名称 is empty'), ERRCODE = '23502';
            END IF;
            IF kind = 'natural_person' THEN
                col := 'id_no';
                pid := btrim(s.id_no)::credit_gz.resident_id;
                who := credit_gz.resident_id_mask(pid);
                SELECT x.subject_id INTO sid FROM credit_gz.subject x WHERE x.resident_id OPERATOR(credit_gz.=) pid;
                IF NOT FOUND THEN
                    INSERT INTO credit_gz.subject AS x (resident_id, name, kind) VALUES (pid, btrim(s.subject_name), kind)
                    RETURNING x.subject_id INTO sid;
                END IF;
            ELSE
                -- 统一社会信用代码, else the code the crosswalk gives the 工商注册号, else the 组织机构代码's
                col := 'uscc';
                IF coalesce(btrim(s.uscc), '') <> '' THEN
                    code := credit_gz.uscc(s.uscc);
                ELSE
                    code := NULL;
                    IF coalesce(btrim(s.business_reg_no), '') <> '' THEN
                        col := 'business_reg_no';
                        who := btrim(s.business_reg_no);
                        SELECT w.uscc INTO code FROM credit_gz.intake_code_crosswalk w
                         WHERE w.code_kind = 'business_reg_no' AND w.old_code = btrim(s.business_reg_no);
                    END IF;
                    IF code IS NULL AND coalesce(btrim(s.organisation_code), '') <> '' THEN
                        col := 'organisation_code';
                        who := btrim(s.organisation_code);
                        SELECT w.uscc INTO code FROM credit_gz.intake_code_crosswalk w
                         WHERE w.code_kind = 'organisation_code'
                           AND w.old_code = pg_catalog.upper(pg_catalog.replace(btrim(s.organisation_code), '-', ''));
                    END IF;
                    IF code IS NULL THEN
                        RAISE EXCEPTION USING ERRCODE = '23502',
                              MESSAGE = credit_gz.msg('no unified code and no known older code');
                    END IF;
                END IF;
                who := code::text;
                SELECT x.subject_id INTO sid FROM credit_gz.subject x WHERE x.uscc OPERATOR(credit_gz.=) code;
                IF NOT FOUND THEN
                    INSERT INTO credit_gz.subject AS x (uscc, name, kind) VALUES (code, btrim(s.subject_name), kind)
                    RETURNING x.subject_id INTO sid;
                END IF;
            END IF;
            col := 'document_no';
            IF coalesce(btrim(s.document_no), '') = '' THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政处罚决定书文号 is empty'), ERRCODE = '23502';
            END IF;
            col := 'decision_date';
            dd := btrim(s.decision_date)::date;
            col := 'violation_type';
            SELECT m.item_code, m.domain_code INTO item FROM credit_gz.intake_item_map m
             WHERE m.violation_type = btrim(s.violation_type) AND (m.department_code = dep OR m.department_code IS NULL)
               AND credit_gz.in_force(m.effective_from, m.effective_until, dd)
             ORDER BY m.department_code NULLS LAST LIMIT 1;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'CG801',
                      MESSAGE = credit_gz.msg('违法行为类型 "%s" maps to no catalogue item on %s', s.violation_type, dd);
            END IF;
            col := 'penalty_category';
            cat := credit_gz.record_penalty_category(NULL, pg_catalog.jsonb_build_object('penalty_type', s.penalty_category));
            IF cat IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = '22023',
                      MESSAGE = credit_gz.msg('处罚类别 "%s" is not a category of 行政处罚法 art. 9', s.penalty_category);
            END IF;
            col := 'fine_amount';
            fine := nullif(btrim(s.fine_amount), '')::numeric;
            col := 'penalty_category';
            SELECT r.severity INTO sev FROM credit_gz.intake_severity_map r
             WHERE r.penalty_category = cat AND (r.department_code = dep OR r.department_code IS NULL)
               AND (r.min_fine_wan IS NULL OR r.min_fine_wan <= coalesce(fine, 0))
               AND credit_gz.in_force(r.effective_from, r.effective_until, dd)
             ORDER BY r.department_code NULLS LAST, r.min_fine_wan DESC NULLS LAST LIMIT 1;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'CG801',
                      MESSAGE = credit_gz.msg('处罚类别 "%s" suggests no 失信程度 on %s', s.penalty_category, dd);
            END IF;
            col := 'publicity_deadline';
            deadline := nullif(btrim(s.publicity_deadline), '')::date;
            col := 'deciding_body_uscc';
            body_d := credit_gz.uscc(nullif(btrim(s.deciding_body_uscc), ''));
            col := 'source_body_uscc';
            body_s := credit_gz.uscc(nullif(btrim(s.source_body_uscc), ''));
            col := NULL;
            det := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
                'violation_type', nullif(btrim(s.violation_type), ''), 'facts', nullif(btrim(s.facts), ''),
                'basis', nullif(btrim(s.basis), ''), 'penalty_type', nullif(btrim(s.penalty_category), ''),
                'content', nullif(btrim(s.content), ''), 'fine_amount', nullif(btrim(s.fine_amount), ''),
                'confiscated_amount', nullif(btrim(s.confiscated_amount), ''),
                'licence_revoked', nullif(btrim(s.licence_revoked), ''),
                'penalty_valid_to', nullif(btrim(s.penalty_valid_to), ''),
                'publicity_deadline', nullif(btrim(s.publicity_deadline), ''),
                'deciding_body', nullif(btrim(s.deciding_body), ''), 'source_body', nullif(btrim(s.source_body), ''),
                'remarks', nullif(btrim(s.remarks), '')));
            SELECT d.* INTO doc FROM credit_gz.record_document d
             WHERE d.department_code = dep AND d.document_no = btrim(s.document_no);
            IF FOUND THEN
                SELECT r.* INTO old FROM credit_gz.record r WHERE r.subject_id = doc.subject_id AND r.record_id = doc.record_id;
            ELSE
                old := NULL;
            END IF;
            IF old.record_id IS NOT NULL AND old.subject_id = sid AND old.item_code = item.item_code
               AND old.domain_code IS NOT DISTINCT FROM item.domain_code AND old.decision_date = dd
               AND old.severity IS NOT DISTINCT FROM sev AND old.details IS NOT DISTINCT FROM det
               AND old.penalty_category IS NOT DISTINCT FROM cat
               AND old.deciding_body_uscc::text IS NOT DISTINCT FROM body_d::text
               AND old.source_body_uscc::text IS NOT DISTINCT FROM body_s::text THEN
                rid := old.record_id;
                outcome := 'unchanged';
            ELSE
                rid := credit_gz.load_record(dep, btrim(s.document_no), sid, item.item_code, dd, item.domain_code, sev,
                                             'public', NULL, det);
                UPDATE credit_gz.record r
                   SET penalty_category = cat, deciding_body_uscc = body_d, source_body_uscc = body_s
                 WHERE r.subject_id = sid AND r.record_id = rid;
                outcome := CASE WHEN old.record_id IS NULL THEN 'loaded' ELSE 'updated' END;
            END IF;
            -- 法定代表人: a person found by (or created with) the document, related to the organisation from the
            -- decision date in the department's word; the same representative again changes nothing (checked here,
            -- before the one-at-a-time trigger would refuse the insert), another one ends or replaces the current one
            IF kind <> 'natural_person' AND coalesce(btrim(s.legal_rep_id_no), '') <> '' THEN
                col := 'legal_rep_id_type';
                IF coalesce(btrim(s.legal_rep_id_type), '') <> '' AND NOT EXISTS (
                       SELECT FROM credit_gz.identity_document_type t
                        WHERE t.validation = 'gb11643' AND btrim(s.legal_rep_id_type) IN (t.code, t.name_zh)) THEN
                    RAISE EXCEPTION USING ERRCODE = '22023',
                          MESSAGE = credit_gz.msg('法定代表人证件类型 "%s" is not supported, the intake takes a 居民身份证 number',
                                                  s.legal_rep_id_type);
                END IF;
                col := 'legal_rep_name';
                IF coalesce(btrim(s.legal_rep_name), '') = '' THEN
                    RAISE EXCEPTION USING ERRCODE = '23502',
                          MESSAGE = credit_gz.msg('法定代表人 is empty while its 证件号码 is given');
                END IF;
                col := 'legal_rep_id_no';
                rep_pid := btrim(s.legal_rep_id_no)::credit_gz.resident_id;
                SELECT x.subject_id INTO rep FROM credit_gz.subject x WHERE x.resident_id OPERATOR(credit_gz.=) rep_pid;
                IF NOT FOUND THEN
                    INSERT INTO credit_gz.subject AS x (resident_id, name, kind)
                    VALUES (rep_pid, btrim(s.legal_rep_name), 'natural_person')
                    RETURNING x.subject_id INTO rep;
                END IF;
                col := 'legal_rep_name';
                SELECT r.* INTO rel FROM credit_gz.relation r
                 WHERE r.subject_id = sid AND r.kind = 'legal_representative'
                   AND r.valid_from OPERATOR(pg_catalog.<=) dd
                   AND (r.valid_until IS NULL OR r.valid_until OPERATOR(pg_catalog.>) dd);
                IF FOUND AND rel.related_subject_id = rep THEN
                    NULL;   -- re-sent: the relation stands as it is
                ELSIF FOUND THEN
                    IF rel.valid_from = dd THEN
                        UPDATE credit_gz.relation r SET related_subject_id = rep, source_department_code = dep
                         WHERE r.subject_id = sid AND r.relation_id = rel.relation_id;
                    ELSE
                        UPDATE credit_gz.relation r SET valid_until = dd
                         WHERE r.subject_id = sid AND r.relation_id = rel.relation_id;
                    END IF;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION USING ERRCODE = '42501',
                              MESSAGE = credit_gz.msg('the legal representative of subject %s was recorded by department "%s", only it or the keeper of the register changes it',
                                                      who, rel.source_department_code);
                    END IF;
                    IF rel.valid_from <> dd THEN
                        INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until,
                                                        source_department_code)
                        VALUES (sid, rep, 'legal_representative', dd, rel.valid_until, dep);
                    END IF;
                    rel_changed := true;
                ELSE
                    INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until,
                                                    source_department_code)
                    VALUES (sid, rep, 'legal_representative', dd,
                            (SELECT pg_catalog.min(r.valid_from) FROM credit_gz.relation r
                              WHERE r.subject_id = sid AND r.kind = 'legal_representative'
                                AND r.valid_from OPERATOR(pg_catalog.>) dd), dep);
                    rel_changed := true;
                END IF;
                col := NULL;
                IF rel_changed AND outcome = 'unchanged' THEN
                    outcome := 'updated';
                END IF;
            END IF;
            record_id := rid;
            SELECT r.publish_until INTO until FROM credit_gz.record r WHERE r.subject_id = sid AND r.record_id = rid;
            IF deadline IS DISTINCT FROM credit_gz.inclusive_end(until) AND deadline IS NOT NULL THEN
                column_name := 'publicity_deadline';
                message := CASE WHEN until IS NULL
                                THEN credit_gz.msg('公示截止期 %s is given, but the publicity rule gives no period', deadline)
                                ELSE credit_gz.msg('公示截止期 %s differs from the last day the publicity rule gives, %s',
                                                   deadline, credit_gz.inclusive_end(until)) END;
            END IF;
            IF validate_only THEN
                RAISE EXCEPTION 'validated' USING ERRCODE = 'CG809';
            END IF;
            DELETE FROM credit_gz.intake_reject j
             WHERE j.department_code = dep AND j.batch = s.batch AND j.line_no = s.line_no;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
            IF st = 'CG809' THEN
                record_id := NULL;   -- rolled back: the receipt says what a load would do
            ELSE
                outcome := 'rejected'; record_id := NULL; column_name := col; error_state := st;
                message := credit_gz.msg('line %s (document "%s", subject %s): %s',
                                         s.line_no, coalesce(btrim(s.document_no), ''), who, msg);
                IF NOT validate_only THEN
                    INSERT INTO credit_gz.intake_reject AS j (batch, line_no, department_code, document_no, column_name,
                                                              sqlstate, message)
                    VALUES (s.batch, s.line_no, dep, s.document_no, col, st, message)
                    ON CONFLICT ON CONSTRAINT intake_reject_pkey DO UPDATE
                       SET document_no = excluded.document_no,
                           column_name = excluded.column_name, sqlstate = excluded.sqlstate,
                           message = excluded.message, rejected_at = excluded.rejected_at;
                END IF;
            END IF;
        END;
        RETURN NEXT;
    END LOOP;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_penalties(text, text, boolean) IS
    '行政处罚数据归集回执 / load a staged penalty batch (credit_gz.penalty_intake) of a department: per line its outcome '
    '(loaded, updated, unchanged, rejected), record id, and for a rejected line the column, SQLSTATE and message '
    '(also in credit_gz.intake_reject); a 公示截止期 that differs from the rule''s window is listed (column_name '
    'publicity_deadline, the window is kept). validate_only: the same receipt, nothing loaded.';
REVOKE ALL ON FUNCTION credit_gz.intake_penalties(text, text, boolean) FROM PUBLIC;
