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

CREATE TABLE credit_gz.intake_document_alias (
    name_zh       text    NOT NULL PRIMARY KEY CHECK (btrim(name_zh) = name_zh AND name_zh <> ''),
    document_type text    NOT NULL REFERENCES credit_gz.identity_document_type (code) ON UPDATE CASCADE,
    source        text    NOT NULL CHECK (btrim(source) <> ''),
    shipped       boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.intake_document_alias IS
    '证件类型别称 / other names files give a 证件类型 (of a 自然人 or a 法定代表人) than the code and name of '
    'credit_gz.identity_document_type, which the intake also takes; a type no name matches is rejected (22023).';
COMMENT ON COLUMN credit_gz.intake_document_alias.name_zh IS '证件类型写法 / the document type as a file writes it';
COMMENT ON COLUMN credit_gz.intake_document_alias.document_type IS '证件类型 / the identity_document_type it names';
COMMENT ON COLUMN credit_gz.intake_document_alias.source IS '依据 / source of the name';
COMMENT ON COLUMN credit_gz.intake_document_alias.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.intake_document_alias (name_zh, document_type, source, shipped) VALUES
    ('身份证', 'resident_id', '《中华人民共和国居民身份证法》: 居民身份证, commonly written 身份证', true),
    ('港澳通行证', 'hk_macao_permit', '港澳居民来往内地通行证, the short name on 出入境 forms', true),
    ('回乡证', 'hk_macao_permit', '港澳居民来往内地通行证, formerly 港澳同胞回乡证', true),
    ('台湾通行证', 'taiwan_permit', '台湾居民来往大陆通行证, the short name on 出入境 forms', true),
    ('台胞证', 'taiwan_permit', '台湾居民来往大陆通行证, commonly written 台胞证', true),
    ('外国人永久居留证', 'permanent_residence', '外国人永久居留身份证, named 外国人永久居留证 before 2017', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_document_alias', 'WHERE NOT shipped');

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
    code_kind text    NOT NULL CHECK (code_kind IN ('business_reg_no', 'organisation_code', 'tax_reg_no',
                                                    'institution_cert_no', 'social_org_cert_no')),
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
        OR old_code = credit_gz.uscc_org_code(uscc)),
    -- 税务登记号: 15 characters, a six-digit division and the organisation code (positions 9-17 of the unified code)
    CONSTRAINT intake_code_crosswalk_tax_reg_no CHECK (code_kind <> 'tax_reg_no'
        OR (old_code ~ '^[0-9]{6}[0-9A-Z]{9}$' AND substr(old_code, 7) = credit_gz.uscc_org_code(uscc))),
    -- 事业单位法人证书号: 12 digits; the unified code is one the 机构编制 authority gives a 事业单位 (12…)
    CONSTRAINT intake_code_crosswalk_institution CHECK (code_kind <> 'institution_cert_no'
        OR (old_code ~ '^[0-9]{12}$' AND credit_gz.uscc_authority(uscc) || credit_gz.uscc_category(uscc) = '12')),
    -- 社会组织登记证号: as the 民政 register writes it; the unified code is one the 民政 authority gives (5…)
    CONSTRAINT intake_code_crosswalk_social_org CHECK (code_kind <> 'social_org_cert_no'
        OR credit_gz.uscc_authority(uscc) = '5')
);
COMMENT ON TABLE credit_gz.intake_code_crosswalk IS
    '旧代码对照 / the unified social credit code an organisation''s older code (工商注册号, 组织机构代码, 税务登记号, '
    '事业单位证书号, 社会组织登记证号) was replaced by: a line without 统一社会信用代码 finds its organisation through it '
    '(in that order). A 工商注册号 is of the division of the code (positions 3-8); an organisation code is positions '
    '9-17, as are the last nine characters of a 税务登记号; a 事业单位证书号 (12 digits) belongs to a code of a 事业单位 '
    '(12…), a 社会组织登记证号 to one of the 民政 authority (5…).';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.code_kind IS
    '旧代码类别 / business_reg_no (工商注册号), organisation_code (组织机构代码), tax_reg_no (税务登记号), '
    'institution_cert_no (事业单位法人证书号) or social_org_cert_no (社会组织登记证号)';
COMMENT ON COLUMN credit_gz.intake_code_crosswalk.old_code IS
    '旧代码 / the older code in its plain form: no hyphen, letters upper case, a 事业单位证书号 without 事证第…号';
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
    format          text        NOT NULL DEFAULT 'penalty' CHECK (format ~ '^[a-z][a-z_]*$'),
    PRIMARY KEY (department_code, format, batch, line_no)
);
COMMENT ON TABLE credit_gz.intake_reject IS
    '归集退回 / the lines of a batch the last intake call of its format (intake_penalties, intake_licences) rejected, '
    'with the column, SQLSTATE and message; '
    'a line loaded on re-send leaves the table.';
COMMENT ON COLUMN credit_gz.intake_reject.batch IS '批次 / batch';
COMMENT ON COLUMN credit_gz.intake_reject.line_no IS '行号 / line of the file';
COMMENT ON COLUMN credit_gz.intake_reject.department_code IS '归集部门 / department that sent the file';
COMMENT ON COLUMN credit_gz.intake_reject.document_no IS '决定文书号 / document number of the line, as sent';
COMMENT ON COLUMN credit_gz.intake_reject.column_name IS '出错字段 / column of the staging table the error is about (NULL: the line as a whole)';
COMMENT ON COLUMN credit_gz.intake_reject.sqlstate IS '错误代码 / SQLSTATE of the error';
COMMENT ON COLUMN credit_gz.intake_reject.message IS '错误信息 / message, naming the line, document number and subject code';
COMMENT ON COLUMN credit_gz.intake_reject.rejected_at IS '退回时间 / when the line was rejected';
COMMENT ON COLUMN credit_gz.intake_reject.format IS
    '数据格式 / the format the batch was staged in: penalty (行政处罚, penalty_intake) or licence (行政许可, licence_intake)';
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
GRANT SELECT ON credit_gz.intake_subject_kind, credit_gz.intake_item_map, credit_gz.intake_severity_map,
                 credit_gz.intake_document_alias TO PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'penalty_intake', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'penalty_intake_file', 'INSERT', true),
    ('department', 'intake_reject', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'intake_penalties(text, text, boolean)', 'EXECUTE', true),
    ('department', 'intake_subject(text, text, text, text, text, text, text, text, text, text)', 'EXECUTE', true),
    -- the categories of 行政处罚法 art. 9 the intake maps 处罚类别 to (a catalogue)
    ('department', 'penalty_category', 'SELECT', true),
    ('department', 'intake_code_crosswalk', 'SELECT', true);

-- ---------------------------------------------------------------------------------------------------------------------
-- The rules of a line, one definition each: the set-based path and the line-by-line path of the intake functions
-- call the same functions.
-- ---------------------------------------------------------------------------------------------------------------------

-- intake_date: a date as the national format writes it (YYYY-MM-DD), NULL for anything else (never raises). A date
-- in another form goes line by line, where PostgreSQL's date input decides (22007, 22008).
CREATE FUNCTION credit_gz.intake_date(value text)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.btrim(value) ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
                 AND pg_catalog.substr(pg_catalog.btrim(value), 9, 2)::integer <=
                     CASE pg_catalog.substr(pg_catalog.btrim(value), 6, 2)::integer
                         WHEN 2 THEN CASE WHEN pg_catalog.substr(pg_catalog.btrim(value), 1, 4)::integer % 4 = 0
                                               AND (pg_catalog.substr(pg_catalog.btrim(value), 1, 4)::integer % 100 <> 0
                                                    OR pg_catalog.substr(pg_catalog.btrim(value), 1, 4)::integer % 400 = 0)
                                          THEN 29 ELSE 28 END
                         WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END
            THEN pg_catalog.make_date(pg_catalog.substr(pg_catalog.btrim(value), 1, 4)::integer,
                                      pg_catalog.substr(pg_catalog.btrim(value), 6, 2)::integer,
                                      pg_catalog.substr(pg_catalog.btrim(value), 9, 2)::integer) END;
COMMENT ON FUNCTION credit_gz.intake_date(text) IS
    '归集日期 / a date of a staged line written YYYY-MM-DD, as the national format does; NULL for any other text '
    '(never raises; such a line is parsed line by line, where the date input decides).';

-- intake_number: an amount written as digits with an optional decimal part (万元), NULL for anything else.
CREATE FUNCTION credit_gz.intake_number(value text)
RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.btrim(value) ~ '^[0-9]{1,15}([.][0-9]{1,6})?$' THEN pg_catalog.btrim(value)::numeric END;
COMMENT ON FUNCTION credit_gz.intake_number(text) IS
    '归集金额 / an amount of a staged line (万元) written in plain digits; NULL for any other text (never raises; such '
    'a line is parsed line by line, where the numeric input decides).';

-- intake_item: the catalogue item and domain a 违法行为类型 maps to on a decision date (a department's own mapping
-- first), no row when none does.
CREATE FUNCTION credit_gz.intake_item(violation_type text, department_code text, decision_date date)
RETURNS TABLE (item_code text, domain_code text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT m.item_code, m.domain_code FROM credit_gz.intake_item_map m
     WHERE m.violation_type = pg_catalog.btrim(intake_item.violation_type)
       AND (m.department_code = intake_item.department_code OR m.department_code IS NULL)
       AND credit_gz.in_force(m.effective_from, m.effective_until, intake_item.decision_date)
     ORDER BY m.department_code NULLS LAST LIMIT 1;
END;
COMMENT ON FUNCTION credit_gz.intake_item(text, text, date) IS
    '违法行为类型映射 / the catalogue item and domain credit_gz.intake_item_map gives a violation type of a department '
    'on a decision date (its own row before the common one); no row when none is in force.';

-- intake_severity: the 失信程度 a 处罚类别 and fine suggest on a decision date, NULL when no rule does.
CREATE FUNCTION credit_gz.intake_severity(penalty_category text, department_code text, fine_wan numeric,
                                          decision_date date)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT r.severity FROM credit_gz.intake_severity_map r
     WHERE r.penalty_category = intake_severity.penalty_category
       AND (r.department_code = intake_severity.department_code OR r.department_code IS NULL)
       AND (r.min_fine_wan IS NULL OR r.min_fine_wan <= coalesce(intake_severity.fine_wan, 0))
       AND credit_gz.in_force(r.effective_from, r.effective_until, intake_severity.decision_date)
     ORDER BY r.department_code NULLS LAST, r.min_fine_wan DESC NULLS LAST LIMIT 1;
END;
COMMENT ON FUNCTION credit_gz.intake_severity(text, text, numeric, date) IS
    '失信程度建议 / the severity credit_gz.intake_severity_map suggests for a penalty category, department and fine '
    '(万元) on a decision date: the department''s rules first, then the highest threshold the fine reaches; NULL when none.';

-- intake_penalty_details: the content fields of a penalty line, under the keys of credit_gz.double_publicity_field.
CREATE FUNCTION credit_gz.intake_penalty_details(line credit_gz.penalty_intake)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'violation_type', nullif(pg_catalog.btrim((line).violation_type), ''), 'facts', nullif(pg_catalog.btrim((line).facts), ''),
    'basis', nullif(pg_catalog.btrim((line).basis), ''), 'penalty_type', nullif(pg_catalog.btrim((line).penalty_category), ''),
    'content', nullif(pg_catalog.btrim((line).content), ''), 'fine_amount', nullif(pg_catalog.btrim((line).fine_amount), ''),
    'confiscated_amount', nullif(pg_catalog.btrim((line).confiscated_amount), ''),
    'licence_revoked', nullif(pg_catalog.btrim((line).licence_revoked), ''),
    'penalty_valid_to', nullif(pg_catalog.btrim((line).penalty_valid_to), ''),
    'publicity_deadline', nullif(pg_catalog.btrim((line).publicity_deadline), ''),
    'deciding_body', nullif(pg_catalog.btrim((line).deciding_body), ''),
    'source_body', nullif(pg_catalog.btrim((line).source_body), ''),
    'remarks', nullif(pg_catalog.btrim((line).remarks), '')));
COMMENT ON FUNCTION credit_gz.intake_penalty_details(credit_gz.penalty_intake) IS
    '处罚明细 / record.details of a staged penalty line: every content field as sent (trimmed, empty left out) under '
    'its credit_gz.double_publicity_field key.';

-- intake_record_unchanged: whether a record already on file under the line's document number is what the line gives
-- (the re-sent line is then unchanged and writes nothing).
CREATE FUNCTION credit_gz.intake_record_unchanged(old credit_gz.record, subject_id bigint, item_code text,
                                                  domain_code text, decision_date date, severity text, details jsonb,
                                                  penalty_category text, deciding_body_uscc credit_gz.uscc,
                                                  source_body_uscc credit_gz.uscc)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN (old).record_id IS NOT NULL AND (old).subject_id = subject_id AND (old).item_code = item_code
       AND (old).domain_code IS NOT DISTINCT FROM domain_code AND (old).decision_date = decision_date
       AND (old).severity IS NOT DISTINCT FROM severity AND (old).details IS NOT DISTINCT FROM details
       AND (old).penalty_category IS NOT DISTINCT FROM penalty_category
       AND (old).deciding_body_uscc::text IS NOT DISTINCT FROM deciding_body_uscc::text
       AND (old).source_body_uscc::text IS NOT DISTINCT FROM source_body_uscc::text;
COMMENT ON FUNCTION credit_gz.intake_record_unchanged(credit_gz.record, bigint, text, text, date, text, jsonb, text, credit_gz.uscc, credit_gz.uscc) IS
    '重报未变 / whether the record on file under a re-sent document number already holds what the line gives '
    '(subject, item, domain, decision date, severity, details, 处罚类别, deciding and source bodies).';

-- intake_deadline_note: the receipt's note on a 公示截止期 other than the last day of the rules' window (NULL: none
-- sent, or the same day).
CREATE FUNCTION credit_gz.intake_deadline_note(publicity_deadline date, publish_until date)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE WHEN publicity_deadline IS NOT NULL
                 AND publicity_deadline IS DISTINCT FROM credit_gz.inclusive_end(publish_until)
            THEN credit_gz.msg('公示截止期 %s differs from the last day the publicity rule gives, %s',
                                   publicity_deadline, coalesce(credit_gz.inclusive_end(publish_until)::text, 'none')) END;
COMMENT ON FUNCTION credit_gz.intake_deadline_note(date, date) IS
    '公示截止期差异 / the receipt''s note when the file''s 公示截止期 is not the last day of the window the publicity '
    'rules give (publish_until - 1); NULL when none was sent or they agree. The rules'' window is kept.';

-- ---------------------------------------------------------------------------------------------------------------------
-- The subject block (行政相对人 and 法定代表人), one definition for every format: found by its code through
-- subject_id_of, else created. Each returns the error a line is rejected with (column, SQLSTATE, message) instead of
-- raising it, rolled back to nothing; the caller raises it in the line's subtransaction.
-- ---------------------------------------------------------------------------------------------------------------------

-- intake_older_code: the unified code the crosswalk gives the older codes a line carries, tried in the format's
-- order (工商注册号, 组织机构代码, 税务登记号, 事业单位证书号, 社会组织登记证号), each in its plain form; with none
-- known, the last one tried and no code.
CREATE FUNCTION credit_gz.intake_older_code(business_reg_no text, organisation_code text, tax_reg_no text,
                                            institution_cert_no text, social_org_cert_no text)
RETURNS TABLE (column_name text, old_code text, uscc credit_gz.uscc)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT c.column_name, c.written, w.uscc
      FROM (VALUES (1, 'business_reg_no', nullif(pg_catalog.btrim(business_reg_no), ''),
                    nullif(pg_catalog.btrim(business_reg_no), '')),
                   (2, 'organisation_code', nullif(pg_catalog.btrim(organisation_code), ''),
                    pg_catalog.upper(pg_catalog.replace(nullif(pg_catalog.btrim(organisation_code), ''), '-', ''))),
                   (3, 'tax_reg_no', nullif(pg_catalog.btrim(tax_reg_no), ''),
                    pg_catalog.upper(pg_catalog.replace(nullif(pg_catalog.btrim(tax_reg_no), ''), '-', ''))),
                   (4, 'institution_cert_no', nullif(pg_catalog.btrim(institution_cert_no), ''),
                    pg_catalog.regexp_replace(nullif(pg_catalog.btrim(institution_cert_no), ''),
                                              '^事证第([0-9]{12})号$', '\1')),
                   (5, 'social_org_cert_no', nullif(pg_catalog.btrim(social_org_cert_no), ''),
                    nullif(pg_catalog.btrim(social_org_cert_no), ''))
           ) AS c (ord, column_name, written, plain)
      LEFT JOIN credit_gz.intake_code_crosswalk w ON w.code_kind = c.column_name AND w.old_code = c.plain
     WHERE c.written IS NOT NULL
     ORDER BY w.uscc IS NULL, CASE WHEN w.uscc IS NULL THEN -c.ord ELSE c.ord END
     LIMIT 1;
END;
COMMENT ON FUNCTION credit_gz.intake_older_code(text, text, text, text, text) IS
    '旧代码查找 / for a line without 统一社会信用代码: the column, older code as written and the unified code '
    'credit_gz.intake_code_crosswalk gives the first known one (工商注册号, 组织机构代码, 税务登记号, 事业单位证书号, '
    '社会组织登记证号); when none is known, the last one given with a NULL code; no row when none is given.';

-- intake_document_type: the identity_document_type code a 证件类型 of a file names: its code or name, else a name
-- of credit_gz.intake_document_alias; empty is the 居民身份证. NULL: a type the intake does not know.
CREATE FUNCTION credit_gz.intake_document_type(written text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN coalesce(pg_catalog.btrim(written), '') = '' THEN 'resident_id'
                ELSE coalesce((SELECT t.code FROM credit_gz.identity_document_type t
                                WHERE pg_catalog.btrim(written) IN (t.code, t.name_zh) ORDER BY t.code LIMIT 1),
                              (SELECT a.document_type FROM credit_gz.intake_document_alias a
                                WHERE a.name_zh = pg_catalog.btrim(written))) END;
END;
COMMENT ON FUNCTION credit_gz.intake_document_type(text) IS
    '证件类型映射 / the credit_gz.identity_document_type code of a 证件类型 as a file writes it (its code, its name, or '
    'a name of credit_gz.intake_document_alias; empty: resident_id); NULL when the intake knows no such type.';

-- intake_person: the natural person holding a document (type, canonical number), created with the name when the
-- archive has none.
CREATE FUNCTION credit_gz.intake_person(document_type text, document_no text, name text)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    sid bigint;
BEGIN
    sid := credit_gz.subject_id_of(document_type, document_no);
    IF sid IS NULL THEN
        IF (SELECT t.validation FROM credit_gz.identity_document_type t WHERE t.code = document_type) = 'gb11643' THEN
            INSERT INTO credit_gz.subject AS x (resident_id, name, kind)
            VALUES (document_no::credit_gz.resident_id, name, 'natural_person')
            RETURNING x.subject_id INTO sid;
        ELSE
            INSERT INTO credit_gz.subject AS x (identity_document_type, identity_document_no, name, kind)
            VALUES (document_type, document_no, name, 'natural_person')
            RETURNING x.subject_id INTO sid;
        END IF;
    END IF;
    RETURN sid;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_person(text, text, text) IS
    '归集自然人 / the natural person holding an identity document (a credit_gz.identity_document_type code and the '
    'number in its canonical form, identity_document_no), found through subject_id_of, else created with the name.';

-- intake_subject: the 行政相对人 of a line: kind from 行政相对人类别, a person by its identity document, an
-- organisation by its unified code (else through the crosswalk); created when the archive has none. who: the code
-- messages name.
CREATE FUNCTION credit_gz.intake_subject(
    subject_name text, subject_category text, uscc text, business_reg_no text, organisation_code text,
    tax_reg_no text, institution_cert_no text, social_org_cert_no text, id_type text, id_no text,
    OUT subject_id bigint, OUT subject_kind text, OUT who text,
    OUT error_column text, OUT error_state text, OUT error_message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    col   text;
    code  credit_gz.uscc;
    dtype text;
    canon text;
    older record;
BEGIN
    who := coalesce(nullif(btrim(intake_subject.uscc), ''), nullif(btrim(id_no), ''), credit_gz.msg('(no code)'));
    BEGIN
        col := 'subject_category';
        SELECT k.subject_kind INTO subject_kind FROM credit_gz.intake_subject_kind k
         WHERE k.name_zh = btrim(subject_category);
        IF NOT FOUND THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政相对人类别 "%s" maps to no subject kind', subject_category),
                  ERRCODE = 'CG801';
        END IF;
        col := 'subject_name';
        IF coalesce(btrim(subject_name), '') = '' THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政相对人名称 is empty'), ERRCODE = '23502';
        END IF;
        IF subject_kind = 'natural_person' THEN
            col := 'id_type';
            dtype := credit_gz.intake_document_type(id_type);
            IF dtype IS NULL THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('证件类型 "%s" is no identity document type the intake knows', id_type),
                      ERRCODE = '22023';
            END IF;
            col := 'id_no';
            canon := credit_gz.identity_document_no(dtype, btrim(id_no));
            who := coalesce(credit_gz.identity_code(NULL, CASE WHEN dtype = 'resident_id' THEN canon::credit_gz.resident_id END,
                                                    dtype, CASE WHEN dtype <> 'resident_id' THEN canon END), who);
            subject_id := credit_gz.intake_person(dtype, canon, btrim(subject_name));
        ELSE
            -- 统一社会信用代码, else the code the crosswalk gives an older code
            col := 'uscc';
            IF coalesce(btrim(intake_subject.uscc), '') <> '' THEN
                code := credit_gz.uscc(intake_subject.uscc);
            ELSE
                SELECT * INTO older FROM credit_gz.intake_older_code(business_reg_no, organisation_code, tax_reg_no,
                                                                     institution_cert_no, social_org_cert_no);
                IF FOUND THEN
                    col := older.column_name;
                    who := older.old_code;
                    code := older.uscc;
                END IF;
                IF code IS NULL THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('no unified code and no known older code'),
                          ERRCODE = '23502';
                END IF;
            END IF;
            who := code::text;
            subject_id := credit_gz.subject_id_of('uscc', code::text);
            IF subject_id IS NULL THEN
                INSERT INTO credit_gz.subject AS x (uscc, name, kind) VALUES (code, btrim(subject_name), subject_kind)
                RETURNING x.subject_id INTO subject_id;
            END IF;
        END IF;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS error_state = RETURNED_SQLSTATE, error_message = MESSAGE_TEXT;
        error_column := col;
        subject_id := NULL;
    END;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_subject(text, text, text, text, text, text, text, text, text, text) IS
    '归集主体 / the subject of a staged line (行政相对人, either format): kind from credit_gz.intake_subject_kind, a '
    'natural person by its identity document (证件类型 through intake_document_type, empty: 居民身份证), an '
    'organisation by 统一社会信用代码 or through credit_gz.intake_code_crosswalk; found through subject_id_of, else '
    'created. who: the code the line''s messages name (a person''s number masked). A line it refuses gets '
    'error_column, error_state and error_message, and nothing is written.';
REVOKE ALL ON FUNCTION credit_gz.intake_subject(text, text, text, text, text, text, text, text, text, text) FROM PUBLIC;

-- intake_legal_rep: the 法定代表人 of an organisation from a line: a person found by (or created with) the document,
-- related to the organisation from the decision date in the department's word. The same representative again changes
-- nothing (checked here, before the one-at-a-time trigger would refuse the insert); another one ends or replaces the
-- current one. changed: a relation was written.
CREATE FUNCTION credit_gz.intake_legal_rep(
    department_code text, subject_id bigint, who text, decision_date date,
    legal_rep_name text, legal_rep_id_type text, legal_rep_id_no text,
    OUT changed boolean, OUT error_column text, OUT error_state text, OUT error_message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    dep     text := intake_legal_rep.department_code;
    sid     bigint := intake_legal_rep.subject_id;
    dd      date := intake_legal_rep.decision_date;
    col     text;
    dtype   text;
    rep     bigint;
    rel     credit_gz.relation;
BEGIN
    changed := false;
    BEGIN
        col := 'legal_rep_id_type';
        dtype := credit_gz.intake_document_type(legal_rep_id_type);
        IF dtype IS NULL THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('法定代表人证件类型 "%s" is no identity document type the intake knows', legal_rep_id_type),
                  ERRCODE = '22023';
        END IF;
        col := 'legal_rep_name';
        IF coalesce(btrim(legal_rep_name), '') = '' THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('法定代表人 is empty while its 证件号码 is given'), ERRCODE = '23502';
        END IF;
        col := 'legal_rep_id_no';
        rep := credit_gz.intake_person(dtype, credit_gz.identity_document_no(dtype, btrim(legal_rep_id_no)),
                                       btrim(legal_rep_name));
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
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('the legal representative of subject %s was recorded by department "%s", only it or the keeper of the register changes it', who, rel.source_department_code),
                      ERRCODE = '42501';
            END IF;
            IF rel.valid_from <> dd THEN
                INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until,
                                                source_department_code)
                VALUES (sid, rep, 'legal_representative', dd, rel.valid_until, dep);
            END IF;
            changed := true;
        ELSE
            INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until,
                                            source_department_code)
            VALUES (sid, rep, 'legal_representative', dd,
                    (SELECT pg_catalog.min(r.valid_from) FROM credit_gz.relation r
                      WHERE r.subject_id = sid AND r.kind = 'legal_representative'
                        AND r.valid_from OPERATOR(pg_catalog.>) dd), dep);
            changed := true;
        END IF;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS error_state = RETURNED_SQLSTATE, error_message = MESSAGE_TEXT;
        error_column := col;
        changed := false;
    END;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_legal_rep(text, bigint, text, date, text, text, text) IS
    '归集法定代表人 / the 法定代表人 of an organisation from a staged line: the person found by its document (or '
    'created), a legal_representative relation from the decision date in the department''s word; the same person '
    'again writes nothing, another ends or replaces the current relation (only its recording department or the '
    'register''s keeper may). changed: a relation was written. A line it refuses gets error_column, error_state and '
    'error_message, and nothing is written.';

-- ---------------------------------------------------------------------------------------------------------------------
-- intake_penalties: the receipt (数据归集回执) of a staged batch. Lines the checks above find clean go in set-based
-- statements, a chunk of lines at a time: their subjects found or created (in the order of their codes), then their
-- records inserted in subject_id order, one statement per step. Every other line, and every line of a chunk a
-- statement fails in, goes line by line in its own subtransaction: the subject it creates, its representative and its
-- record go in together or not at all, and its error is the receipt's. validate_only loads the batch the same way
-- and rolls it all back (CG809, never raised to the caller), so the receipt is the one a load would give.
-- ---------------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.intake_penalties(department_code text, batch text, validate_only boolean DEFAULT false)
RETURNS TABLE (line_no integer, outcome text, record_id bigint, column_name text, error_state text, message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    chunk_size constant integer := 20000;
    dep  text := intake_penalties.department_code;
    s    credit_gz.penalty_intake;
    col  text;
    kind text;
    sid  bigint;
    rid  bigint;
    subj record;
    rep  record;
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
    lo   integer;
    v_n    integer[];
    v_res  text[];
    v_col  text[];
    v_state text[];
    v_note text[];
    done bigint;
    rejected bigint := 0;
BEGIN
    IF dep IS NULL OR NOT EXISTS (SELECT FROM credit_gz.department d WHERE d.code = dep) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('department "%s" does not exist', dep), ERRCODE = '22023';
    END IF;
    IF credit_gz.my_departments() <> '{}' AND dep <> ALL (credit_gz.my_departments()) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('role "%s" does not act for department "%s"', current_user, dep),
              ERRCODE = '42501',
              HINT = credit_gz.msg('A department loads only its own files.');
    END IF;
    IF batch IS NULL OR NOT EXISTS (SELECT FROM credit_gz.penalty_intake p
                                     WHERE p.department_code = dep AND p.batch = intake_penalties.batch) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch "%s" has no staged lines', batch), ERRCODE = '22023',
              HINT = credit_gz.msg('COPY the file into credit_gz.penalty_intake with this batch name first.');
    END IF;

    -- the receipt, one row per line (a table of the call, dropped at its end; created anew so that it is the
    -- calling role's); clean: every value of the line parsed by the rule functions above
    CREATE TEMP TABLE intake_penalty_line (
        n integer PRIMARY KEY, clean boolean NOT NULL, subject_kind text, ucode credit_gz.uscc,
        person credit_gz.resident_id, subject_name text, doc_no text, decided date, item_c text, domain_c text,
        category text, severity_c text, deadline_d date, deciding_uscc credit_gz.uscc, source_uscc credit_gz.uscc,
        details_j jsonb, subject bigint, old_rec bigint, until_d date,
        result text, rec_id bigint, err_column text, err_state text, note text) ON COMMIT DROP;
    INSERT INTO pg_temp.intake_penalty_line AS f (n, clean, subject_kind, ucode, person, subject_name, doc_no, decided,
                                                  item_c, domain_c, category, severity_c, deadline_d, deciding_uscc,
                                                  source_uscc, details_j)
    SELECT v.line_no,
           coalesce(v.subject_kind IS NOT NULL AND v.subject_name IS NOT NULL
                    AND (v.ucode_ok OR v.person_ok) AND v.no_rep AND v.doc_no IS NOT NULL AND v.doc_count = 1
                    AND v.dd OPERATOR(pg_catalog.<=) credit_gz.policy_date() AND i.item_code IS NOT NULL
                    AND v.cat IS NOT NULL AND v.fine_ok AND v.deadline_ok AND v.bodies_ok, false)
           AND credit_gz.intake_severity(v.cat, dep, v.fine, v.dd) IS NOT NULL,
           v.subject_kind, CASE WHEN v.ucode_ok THEN credit_gz.uscc(v.uscc) END,
           CASE WHEN v.person_ok THEN v.id_no::credit_gz.resident_id END,
           v.subject_name, v.doc_no, v.dd, i.item_code, i.domain_code, v.cat,
           credit_gz.intake_severity(v.cat, dep, v.fine, v.dd), credit_gz.intake_date(v.publicity_deadline),
           CASE WHEN v.bodies_ok THEN credit_gz.uscc(nullif(btrim(v.deciding_body_uscc), '')) END,
           CASE WHEN v.bodies_ok THEN credit_gz.uscc(nullif(btrim(v.source_body_uscc), '')) END,
           v.det
      FROM (SELECT p.line_no, k.subject_kind, nullif(btrim(p.subject_name), '') AS subject_name, p.uscc,
                   btrim(p.id_no) AS id_no, p.violation_type, p.publicity_deadline, p.deciding_body_uscc,
                   p.source_body_uscc,
                   k.subject_kind <> 'natural_person' AND credit_gz.uscc_is_valid(btrim(p.uscc)) AS ucode_ok,
                   k.subject_kind = 'natural_person' AND credit_gz.intake_document_type(p.id_type) = 'resident_id'
                       AND credit_gz.resident_id_is_valid(btrim(p.id_no)) AS person_ok,
                   coalesce(btrim(p.legal_rep_id_no), '') = '' AS no_rep,
                   nullif(btrim(p.document_no), '') AS doc_no,
                   pg_catalog.count(*) OVER (PARTITION BY btrim(p.document_no)) AS doc_count,
                   credit_gz.intake_date(p.decision_date) AS dd,
                   credit_gz.record_penalty_category(NULL, pg_catalog.jsonb_build_object('penalty_type', p.penalty_category)) AS cat,
                   credit_gz.intake_number(p.fine_amount) AS fine,
                   (coalesce(btrim(p.fine_amount), '') = '' OR credit_gz.intake_number(p.fine_amount) IS NOT NULL) AS fine_ok,
                   (coalesce(btrim(p.publicity_deadline), '') = ''
                    OR credit_gz.intake_date(p.publicity_deadline) IS NOT NULL) AS deadline_ok,
                   (coalesce(btrim(p.deciding_body_uscc), '') = '' OR credit_gz.uscc_is_valid(btrim(p.deciding_body_uscc)))
                   AND (coalesce(btrim(p.source_body_uscc), '') = '' OR credit_gz.uscc_is_valid(btrim(p.source_body_uscc)))
                       AS bodies_ok,
                   credit_gz.intake_penalty_details(p) AS det
              FROM credit_gz.penalty_intake p
              LEFT JOIN credit_gz.intake_subject_kind k ON k.name_zh = btrim(p.subject_category)
             WHERE p.department_code = dep AND p.batch = intake_penalties.batch) AS v
      LEFT JOIN LATERAL credit_gz.intake_item(v.violation_type, dep, v.dd) AS i ON true;
    ANALYZE pg_temp.intake_penalty_line;
    -- credit_gz.load_progress: the lines of the batch, advanced after each chunk and each line taken one by one
    PERFORM credit_gz.load_progress_start('penalty', dep, batch, (SELECT pg_catalog.count(*) FROM pg_temp.intake_penalty_line));

    -- validate_only: the batch is loaded as a load would, then rolled back whole (CG809), its receipt kept
    BEGIN
        -- the set-based path, a chunk of clean lines at a time
        FOR lo IN SELECT g FROM pg_catalog.generate_series((SELECT pg_catalog.min(f.n) FROM pg_temp.intake_penalty_line f WHERE f.clean),
                                                           (SELECT pg_catalog.max(f.n) FROM pg_temp.intake_penalty_line f WHERE f.clean),
                                                           chunk_size) AS g LOOP
            BEGIN
                -- subjects: found through their code, else created in the order of their codes
                UPDATE pg_temp.intake_penalty_line f
                   SET subject = coalesce(credit_gz.subject_id_of('uscc', f.ucode::text),
                                          credit_gz.subject_id_of('resident_id', f.person::text))
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size;
                WITH created AS (
                    INSERT INTO credit_gz.subject AS x (uscc, name, kind)
                    SELECT DISTINCT ON (f.ucode) f.ucode, f.subject_name, f.subject_kind FROM pg_temp.intake_penalty_line f
                     WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.subject IS NULL AND f.ucode IS NOT NULL
                     ORDER BY f.ucode, f.n
                    RETURNING x.subject_id, x.uscc)
                UPDATE pg_temp.intake_penalty_line f SET subject = c.subject_id FROM created c
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.subject IS NULL AND f.ucode OPERATOR(credit_gz.=) c.uscc;
                WITH created AS (
                    INSERT INTO credit_gz.subject AS x (resident_id, name, kind)
                    SELECT DISTINCT ON (f.person) f.person, f.subject_name, f.subject_kind FROM pg_temp.intake_penalty_line f
                     WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.subject IS NULL AND f.person IS NOT NULL
                     ORDER BY f.person, f.n
                    RETURNING x.subject_id, x.resident_id)
                UPDATE pg_temp.intake_penalty_line f SET subject = c.subject_id FROM created c
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.subject IS NULL
                   AND f.person OPERATOR(credit_gz.=) c.resident_id;
                -- documents on file: unchanged when the record holds what the line gives (else line by line: updated)
                UPDATE pg_temp.intake_penalty_line f
                   SET old_rec = r.record_id,
                       result = CASE WHEN credit_gz.intake_record_unchanged(r, f.subject, f.item_c, f.domain_c, f.decided,
                                                                            f.severity_c, f.details_j, f.category,
                                                                            f.deciding_uscc, f.source_uscc)
                                     THEN 'unchanged' END,
                       rec_id = r.record_id, until_d = r.publish_until
                  FROM credit_gz.record_document d
                  JOIN credit_gz.record r ON r.subject_id = d.subject_id AND r.record_id = d.record_id
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size
                   AND d.department_code = dep AND d.document_no = f.doc_no;
                -- new records, in subject_id order
                WITH loaded AS (
                    INSERT INTO credit_gz.record AS r (department_code, document_no, subject_id, item_code, decision_date,
                                                       domain_code, severity, disclosure, details, penalty_category,
                                                       deciding_body_uscc, source_body_uscc)
                    SELECT dep, f.doc_no, f.subject, f.item_c, f.decided, f.domain_c, f.severity_c, 'public', f.details_j,
                           f.category, f.deciding_uscc, f.source_uscc
                      FROM pg_temp.intake_penalty_line f
                     WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.old_rec IS NULL
                     ORDER BY f.subject, f.n
                    RETURNING r.record_id, r.document_no, r.publish_until)
                UPDATE pg_temp.intake_penalty_line f
                   SET result = 'loaded', rec_id = l.record_id, until_d = l.publish_until
                  FROM loaded l
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.old_rec IS NULL AND f.doc_no = l.document_no;
                UPDATE pg_temp.intake_penalty_line f
                   SET err_column = 'publicity_deadline', note = credit_gz.intake_deadline_note(f.deadline_d, f.until_d)
                 WHERE f.clean AND f.n >= lo AND f.n < lo + chunk_size AND f.result IS NOT NULL
                   AND credit_gz.intake_deadline_note(f.deadline_d, f.until_d) IS NOT NULL;
            EXCEPTION WHEN OTHERS THEN
                -- the chunk is rolled back whole and its lines go line by line below, each with its own error
                NULL;
            END;
            PERFORM credit_gz.load_progress_step((SELECT pg_catalog.count(*) FROM pg_temp.intake_penalty_line f
                                                   WHERE f.result IS NOT NULL), 0);
        END LOOP;
        done := (SELECT pg_catalog.count(*) FROM pg_temp.intake_penalty_line f WHERE f.result IS NOT NULL);

        -- line by line: every line the set-based path did not take
        FOR s IN SELECT p.* FROM credit_gz.penalty_intake p JOIN pg_temp.intake_penalty_line f ON f.n = p.line_no
                  WHERE p.department_code = dep AND p.batch = intake_penalties.batch AND f.result IS NULL
                  ORDER BY p.line_no LOOP
            outcome := NULL; record_id := NULL; column_name := NULL; error_state := NULL; message := NULL;
            who := coalesce(nullif(btrim(s.uscc), ''), nullif(btrim(s.id_no), ''), credit_gz.msg('(no code)'));
            BEGIN
                col := 'subject_category';
                SELECT * INTO subj FROM credit_gz.intake_subject(s.subject_name, s.subject_category, s.uscc,
                                                                 s.business_reg_no, s.organisation_code, s.tax_reg_no,
                                                                 s.institution_cert_no, s.social_org_cert_no,
                                                                 s.id_type, s.id_no);
                who := subj.who;
                IF subj.error_state IS NOT NULL THEN
                    col := subj.error_column;
                    RAISE EXCEPTION USING ERRCODE = subj.error_state, MESSAGE = subj.error_message;
                END IF;
                sid := subj.subject_id;
                kind := subj.subject_kind;
                col := 'document_no';
                IF coalesce(btrim(s.document_no), '') = '' THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政处罚决定书文号 is empty'), ERRCODE = '23502';
                END IF;
                col := 'decision_date';
                dd := coalesce(credit_gz.intake_date(s.decision_date), btrim(s.decision_date)::date);
                col := 'violation_type';
                SELECT * INTO item FROM credit_gz.intake_item(s.violation_type, dep, dd);
                IF NOT FOUND THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('违法行为类型 "%s" maps to no catalogue item on %s', s.violation_type, dd),
                          ERRCODE = 'CG801';
                END IF;
                col := 'penalty_category';
                cat := credit_gz.record_penalty_category(NULL, pg_catalog.jsonb_build_object('penalty_type', s.penalty_category));
                IF cat IS NULL THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('处罚类别 "%s" is not a category of 行政处罚法 art. 9', s.penalty_category),
                          ERRCODE = '22023';
                END IF;
                col := 'fine_amount';
                fine := coalesce(credit_gz.intake_number(s.fine_amount), nullif(btrim(s.fine_amount), '')::numeric);
                col := 'penalty_category';
                sev := credit_gz.intake_severity(cat, dep, fine, dd);
                IF sev IS NULL THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('处罚类别 "%s" suggests no 失信程度 on %s', s.penalty_category, dd),
                          ERRCODE = 'CG801';
                END IF;
                col := 'publicity_deadline';
                deadline := coalesce(credit_gz.intake_date(s.publicity_deadline), nullif(btrim(s.publicity_deadline), '')::date);
                col := 'deciding_body_uscc';
                body_d := credit_gz.uscc(nullif(btrim(s.deciding_body_uscc), ''));
                col := 'source_body_uscc';
                body_s := credit_gz.uscc(nullif(btrim(s.source_body_uscc), ''));
                col := NULL;
                det := credit_gz.intake_penalty_details(s);
                SELECT d.* INTO doc FROM credit_gz.record_document d
                 WHERE d.department_code = dep AND d.document_no = btrim(s.document_no);
                IF FOUND THEN
                    SELECT r.* INTO old FROM credit_gz.record r WHERE r.subject_id = doc.subject_id AND r.record_id = doc.record_id;
                ELSE
                    old := NULL;
                END IF;
                IF credit_gz.intake_record_unchanged(old, sid, item.item_code, item.domain_code, dd, sev, det, cat, body_d, body_s) THEN
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
                IF kind <> 'natural_person' AND coalesce(btrim(s.legal_rep_id_no), '') <> '' THEN
                    col := 'legal_rep_id_type';
                    SELECT * INTO rep FROM credit_gz.intake_legal_rep(dep, sid, who, dd, s.legal_rep_name,
                                                                      s.legal_rep_id_type, s.legal_rep_id_no);
                    IF rep.error_state IS NOT NULL THEN
                        col := rep.error_column;
                        RAISE EXCEPTION USING ERRCODE = rep.error_state, MESSAGE = rep.error_message;
                    END IF;
                    col := NULL;
                    IF rep.changed AND outcome = 'unchanged' THEN
                        outcome := 'updated';
                    END IF;
                END IF;
                record_id := rid;
                SELECT r.publish_until INTO until FROM credit_gz.record r WHERE r.subject_id = sid AND r.record_id = rid;
                message := credit_gz.intake_deadline_note(deadline, until);
                IF message IS NOT NULL THEN
                    column_name := 'publicity_deadline';
                END IF;
            EXCEPTION WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
                outcome := 'rejected'; record_id := NULL; column_name := col; error_state := st;
                message := credit_gz.msg('line %s (document "%s", subject %s): %s',
                                             s.line_no, coalesce(btrim(s.document_no), ''), who, msg);
                INSERT INTO credit_gz.intake_reject AS j (batch, line_no, department_code, format, document_no,
                                                          column_name, sqlstate, message)
                VALUES (s.batch, s.line_no, dep, 'penalty', s.document_no, col, st, message)
                ON CONFLICT ON CONSTRAINT intake_reject_pkey DO UPDATE
                   SET document_no = excluded.document_no,
                       column_name = excluded.column_name, sqlstate = excluded.sqlstate,
                       message = excluded.message, rejected_at = excluded.rejected_at;
            END;
            UPDATE pg_temp.intake_penalty_line f
               SET result = outcome, rec_id = record_id, err_column = column_name, err_state = error_state, note = message
             WHERE f.n = s.line_no;
            done := done + 1;
            IF outcome = 'rejected' THEN
                rejected := rejected + 1;
            END IF;
            PERFORM credit_gz.load_progress_step(done, rejected);
        END LOOP;

        -- a line loaded (or found unchanged) on re-send leaves the rejects
        DELETE FROM credit_gz.intake_reject j USING pg_temp.intake_penalty_line f
         WHERE j.department_code = dep AND j.format = 'penalty' AND j.batch = intake_penalties.batch AND j.line_no = f.n
           AND f.result <> 'rejected';
        IF validate_only THEN
            SELECT pg_catalog.array_agg(f.n ORDER BY f.n), pg_catalog.array_agg(f.result ORDER BY f.n),
                   pg_catalog.array_agg(f.err_column ORDER BY f.n), pg_catalog.array_agg(f.err_state ORDER BY f.n),
                   pg_catalog.array_agg(f.note ORDER BY f.n)
              INTO v_n, v_res, v_col, v_state, v_note
              FROM pg_temp.intake_penalty_line f;
            RAISE EXCEPTION 'validated' USING ERRCODE = 'CG809';
        END IF;
    EXCEPTION WHEN SQLSTATE 'CG809' THEN
        -- rolled back: the receipt says what a load would do, with no record ids
        UPDATE pg_temp.intake_penalty_line f
           SET result = u.res, rec_id = NULL, err_column = u.col, err_state = u.state, note = u.note
          FROM ROWS FROM (pg_catalog.unnest(v_n), pg_catalog.unnest(v_res), pg_catalog.unnest(v_col),
                          pg_catalog.unnest(v_state), pg_catalog.unnest(v_note)) AS u (n, res, col, state, note)
         WHERE f.n = u.n;
    END;
    RETURN QUERY SELECT f.n, f.result, f.rec_id, f.err_column, f.err_state, f.note
                   FROM pg_temp.intake_penalty_line f ORDER BY f.n;
    DROP TABLE pg_temp.intake_penalty_line;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_penalties(text, text, boolean) IS
    '行政处罚数据归集回执 / load a staged penalty batch (credit_gz.penalty_intake) of a department: per line its outcome '
    '(loaded, updated, unchanged, rejected), record id, and for a rejected line the column, SQLSTATE and message '
    '(also in credit_gz.intake_reject); a 公示截止期 that differs from the rule''s window is listed (column_name '
    'publicity_deadline, the window is kept). Clean lines go in set-based statements, the others line by line, with '
    'the same receipt. validate_only: the same receipt, nothing loaded.';
REVOKE ALL ON FUNCTION credit_gz.intake_penalties(text, text, boolean) FROM PUBLIC;
