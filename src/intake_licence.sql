-- 数据归集 / department intake in the national 双公示 licence format (行政许可): as for penalties (src/intake.sql), a
-- department COPYs its file into credit_gz.licence_intake_file under a batch name and calls credit_gz.intake_licences();
-- the subject block (行政相对人 and 法定代表人) is the penalty format's, decided by the same functions
-- (intake_subject, intake_legal_rep). User documentation: doc/intake.md.

CREATE TABLE credit_gz.licence_intake (
    batch               text    NOT NULL CHECK (btrim(batch) <> ''),
    line_no             integer NOT NULL CHECK (line_no > 0),
    subject_name        text,
    subject_category    text,
    uscc                text,
    business_reg_no     text,
    organisation_code   text,
    tax_reg_no          text,
    institution_cert_no text,
    social_org_cert_no  text,
    legal_rep_name      text,
    legal_rep_id_type   text,
    legal_rep_id_no     text,
    id_type             text,
    id_no               text,
    document_name       text,
    document_no         text,
    licence_type        text,
    certificate_name    text,
    licence_no          text,
    content             text,
    decision_date       text,
    valid_from          text,
    valid_to            text,
    deciding_body       text,
    deciding_body_uscc  text,
    licence_status      text,
    source_body         text,
    source_body_uscc    text,
    remarks             text,
    department_code     text    NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE
                                DEFAULT credit_gz.intake_department(),
    PRIMARY KEY (department_code, batch, line_no)
);
COMMENT ON TABLE credit_gz.licence_intake IS
    '行政许可归集暂存 / a licence file in the national 双公示 format as staged, one row per line, every field as text in '
    'the format''s order; COPY it with the batch and line number (doc/intake.md), then call intake_licences(). '
    'A department sees and stages only its own lines (row-level security).';
COMMENT ON COLUMN credit_gz.licence_intake.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.licence_intake.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.licence_intake.subject_name IS '行政相对人名称 / subject name';
COMMENT ON COLUMN credit_gz.licence_intake.subject_category IS '行政相对人类别 / 法人及非法人组织, 自然人 or 个体工商户';
COMMENT ON COLUMN credit_gz.licence_intake.uscc IS '统一社会信用代码 / unified social credit code';
COMMENT ON COLUMN credit_gz.licence_intake.business_reg_no IS '工商注册号 / business registration number';
COMMENT ON COLUMN credit_gz.licence_intake.organisation_code IS '组织机构代码 / organisation code';
COMMENT ON COLUMN credit_gz.licence_intake.tax_reg_no IS '税务登记号 / tax registration number';
COMMENT ON COLUMN credit_gz.licence_intake.institution_cert_no IS '事业单位证书号 / public institution certificate number';
COMMENT ON COLUMN credit_gz.licence_intake.social_org_cert_no IS '社会组织登记证号 / social organisation certificate number';
COMMENT ON COLUMN credit_gz.licence_intake.legal_rep_name IS '法定代表人 / legal representative';
COMMENT ON COLUMN credit_gz.licence_intake.legal_rep_id_type IS '法定代表人证件类型 / legal representative''s document type';
COMMENT ON COLUMN credit_gz.licence_intake.legal_rep_id_no IS '法定代表人证件号码 / legal representative''s document number';
COMMENT ON COLUMN credit_gz.licence_intake.id_type IS '证件类型 / document type of a natural person';
COMMENT ON COLUMN credit_gz.licence_intake.id_no IS '证件号码 / document number of a natural person';
COMMENT ON COLUMN credit_gz.licence_intake.document_name IS '行政许可决定文书名称 / name of the licence decision document';
COMMENT ON COLUMN credit_gz.licence_intake.document_no IS '行政许可决定文书号 / licence decision document number';
COMMENT ON COLUMN credit_gz.licence_intake.licence_type IS '许可类别 / licence category (普通, 特许, 认可, 核准, 登记, 其他)';
COMMENT ON COLUMN credit_gz.licence_intake.certificate_name IS '许可证书名称 / name of the licence certificate';
COMMENT ON COLUMN credit_gz.licence_intake.licence_no IS '许可编号 / licence number';
COMMENT ON COLUMN credit_gz.licence_intake.content IS '许可内容 / content of the licence';
COMMENT ON COLUMN credit_gz.licence_intake.decision_date IS '许可决定日期 / decision date';
COMMENT ON COLUMN credit_gz.licence_intake.valid_from IS '有效期自 / first day of validity';
COMMENT ON COLUMN credit_gz.licence_intake.valid_to IS '有效期至 / last day of validity';
COMMENT ON COLUMN credit_gz.licence_intake.deciding_body IS '许可机关 / licensing body';
COMMENT ON COLUMN credit_gz.licence_intake.deciding_body_uscc IS '许可机关统一社会信用代码 / licensing body''s unified code';
COMMENT ON COLUMN credit_gz.licence_intake.licence_status IS '当前状态 / current status of the licence (有效, 无效, …)';
COMMENT ON COLUMN credit_gz.licence_intake.source_body IS '数据来源单位 / body supplying the data';
COMMENT ON COLUMN credit_gz.licence_intake.source_body_uscc IS '数据来源单位统一社会信用代码 / supplying body''s unified code';
COMMENT ON COLUMN credit_gz.licence_intake.remarks IS '备注 / remarks';
COMMENT ON COLUMN credit_gz.licence_intake.department_code IS
    '归集部门 / department staging the file (default: the one department the role acts for)';
REVOKE ALL ON credit_gz.licence_intake FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.licence_intake', '');

-- licence_intake_file: what a department COPYs its licence file into (through the view each line goes in by INSERT,
-- under the department policy). Lines naming no department_code take the department the role acts for.
CREATE VIEW credit_gz.licence_intake_file WITH (security_barrier = true, security_invoker = true) AS
SELECT * FROM credit_gz.licence_intake;
COMMENT ON VIEW credit_gz.licence_intake_file IS
    '行政许可归集文件 / COPY a licence file here (columns of credit_gz.licence_intake): each line is staged in '
    'credit_gz.licence_intake, in the name of the department the role acts for unless department_code is given.';
COMMENT ON COLUMN credit_gz.licence_intake_file.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.licence_intake_file.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.licence_intake_file.subject_name IS '行政相对人名称 / subject name';
COMMENT ON COLUMN credit_gz.licence_intake_file.subject_category IS '行政相对人类别 / 法人及非法人组织, 自然人 or 个体工商户';
COMMENT ON COLUMN credit_gz.licence_intake_file.uscc IS '统一社会信用代码 / unified social credit code';
COMMENT ON COLUMN credit_gz.licence_intake_file.business_reg_no IS '工商注册号 / business registration number';
COMMENT ON COLUMN credit_gz.licence_intake_file.organisation_code IS '组织机构代码 / organisation code';
COMMENT ON COLUMN credit_gz.licence_intake_file.tax_reg_no IS '税务登记号 / tax registration number';
COMMENT ON COLUMN credit_gz.licence_intake_file.institution_cert_no IS
    '事业单位证书号 / public institution certificate number';
COMMENT ON COLUMN credit_gz.licence_intake_file.social_org_cert_no IS
    '社会组织登记证号 / social organisation certificate number';
COMMENT ON COLUMN credit_gz.licence_intake_file.legal_rep_name IS '法定代表人 / legal representative';
COMMENT ON COLUMN credit_gz.licence_intake_file.legal_rep_id_type IS
    '法定代表人证件类型 / legal representative''s document type';
COMMENT ON COLUMN credit_gz.licence_intake_file.legal_rep_id_no IS
    '法定代表人证件号码 / legal representative''s document number';
COMMENT ON COLUMN credit_gz.licence_intake_file.id_type IS '证件类型 / document type of a natural person';
COMMENT ON COLUMN credit_gz.licence_intake_file.id_no IS '证件号码 / document number of a natural person';
COMMENT ON COLUMN credit_gz.licence_intake_file.document_name IS '行政许可决定文书名称 / name of the licence decision document';
COMMENT ON COLUMN credit_gz.licence_intake_file.document_no IS '行政许可决定文书号 / licence decision document number';
COMMENT ON COLUMN credit_gz.licence_intake_file.licence_type IS '许可类别 / licence category (普通, 特许, 认可, 核准, 登记, 其他)';
COMMENT ON COLUMN credit_gz.licence_intake_file.certificate_name IS '许可证书名称 / name of the licence certificate';
COMMENT ON COLUMN credit_gz.licence_intake_file.licence_no IS '许可编号 / licence number';
COMMENT ON COLUMN credit_gz.licence_intake_file.content IS '许可内容 / content of the licence';
COMMENT ON COLUMN credit_gz.licence_intake_file.decision_date IS '许可决定日期 / decision date';
COMMENT ON COLUMN credit_gz.licence_intake_file.valid_from IS '有效期自 / first day of validity';
COMMENT ON COLUMN credit_gz.licence_intake_file.valid_to IS '有效期至 / last day of validity';
COMMENT ON COLUMN credit_gz.licence_intake_file.deciding_body IS '许可机关 / licensing body';
COMMENT ON COLUMN credit_gz.licence_intake_file.deciding_body_uscc IS '许可机关统一社会信用代码 / licensing body''s unified code';
COMMENT ON COLUMN credit_gz.licence_intake_file.licence_status IS '当前状态 / current status of the licence (有效, 无效, …)';
COMMENT ON COLUMN credit_gz.licence_intake_file.source_body IS '数据来源单位 / body supplying the data';
COMMENT ON COLUMN credit_gz.licence_intake_file.source_body_uscc IS '数据来源单位统一社会信用代码 / supplying body''s unified code';
COMMENT ON COLUMN credit_gz.licence_intake_file.remarks IS '备注 / remarks';
COMMENT ON COLUMN credit_gz.licence_intake_file.department_code IS
    '归集部门 / department staging the file (default: the one department the role acts for)';
CREATE FUNCTION credit_gz.licence_intake_file_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID <> 'credit_gz.licence_intake_file'::regclass OR TG_WHEN <> 'INSTEAD OF' OR TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'credit_gz.licence_intake_file_insert() must be an INSTEAD OF INSERT trigger on credit_gz.licence_intake_file'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    NEW.department_code := coalesce(NEW.department_code, credit_gz.intake_department());
    INSERT INTO credit_gz.licence_intake SELECT (NEW).*;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.licence_intake_file_insert() IS
    'INSTEAD OF INSERT trigger on credit_gz.licence_intake_file: stages the line in credit_gz.licence_intake (行政许可).';
REVOKE ALL ON FUNCTION credit_gz.licence_intake_file_insert() FROM PUBLIC;
CREATE TRIGGER licence_intake_file_insert INSTEAD OF INSERT ON credit_gz.licence_intake_file
    FOR EACH ROW EXECUTE FUNCTION credit_gz.licence_intake_file_insert();
COMMENT ON TRIGGER licence_intake_file_insert ON credit_gz.licence_intake_file IS 'a COPYed licence line is staged.';
REVOKE ALL ON credit_gz.licence_intake_file FROM PUBLIC;

-- 谁归集谁负责: as for penalty files, a department stages, reads and clears only its own lines.
ALTER TABLE credit_gz.licence_intake ENABLE ROW LEVEL SECURITY;
CREATE POLICY licence_intake_department ON credit_gz.licence_intake FOR ALL
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY licence_intake_department ON credit_gz.licence_intake IS
    '谁归集谁负责: a department stages, reads and clears only its own staged licence lines.';
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'licence_intake', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'licence_intake_file', 'INSERT', true),
    ('department', 'intake_licences(text, text, boolean)', 'EXECUTE', true);

-- intake_licence_details: the content fields of a licence line, under the keys of credit_gz.double_publicity_field.
CREATE FUNCTION credit_gz.intake_licence_details(line credit_gz.licence_intake)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'document_name', nullif(pg_catalog.btrim((line).document_name), ''),
    'licence_type', nullif(pg_catalog.btrim((line).licence_type), ''),
    'certificate_name', nullif(pg_catalog.btrim((line).certificate_name), ''),
    'licence_no', nullif(pg_catalog.btrim((line).licence_no), ''),
    'content', nullif(pg_catalog.btrim((line).content), ''),
    'valid_from', nullif(pg_catalog.btrim((line).valid_from), ''),
    'valid_to', nullif(pg_catalog.btrim((line).valid_to), ''),
    'deciding_body', nullif(pg_catalog.btrim((line).deciding_body), ''),
    'licence_status', nullif(pg_catalog.btrim((line).licence_status), ''),
    'source_body', nullif(pg_catalog.btrim((line).source_body), ''),
    'remarks', nullif(pg_catalog.btrim((line).remarks), '')));
COMMENT ON FUNCTION credit_gz.intake_licence_details(credit_gz.licence_intake) IS
    '许可明细 / record.details of a staged licence line: every content field as sent (trimmed, empty left out) under '
    'its credit_gz.double_publicity_field key (kind licence).';

-- ---------------------------------------------------------------------------------------------------------------------
-- intake_licences: the receipt (数据归集回执) of a staged licence batch, line by line, each in its own subtransaction:
-- the subject it creates, its representative and its record go in together or not at all. The record is of the
-- catalogue's 行政许可 item (info_item.double_publicity = 'licence'). validate_only loads the batch the same way and
-- rolls it all back (CG809, never raised to the caller), so the receipt is the one a load would give.
-- ---------------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.intake_licences(department_code text, batch text, validate_only boolean DEFAULT false)
RETURNS TABLE (line_no integer, outcome text, record_id bigint, column_name text, error_state text, message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    dep  text := intake_licences.department_code;
    s    credit_gz.licence_intake;
    col  text;
    sid  bigint;
    rid  bigint;
    subj record;
    rep  record;
    item text;
    dd   date;
    v_from date;
    v_to date;
    doc  credit_gz.record_document;
    old  credit_gz.record;
    det  jsonb;
    body_d credit_gz.uscc;
    body_s credit_gz.uscc;
    st   text;
    msg  text;
    who  text;
BEGIN
    IF dep IS NULL OR NOT EXISTS (SELECT FROM credit_gz.department d WHERE d.code = dep) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('department "%s" does not exist', dep), ERRCODE = '22023';
    END IF;
    IF credit_gz.my_departments() <> '{}' AND dep <> ALL (credit_gz.my_departments()) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('role "%s" does not act for department "%s"', current_user, dep),
              ERRCODE = '42501',
              HINT = credit_gz.msg('A department loads only its own files.');
    END IF;
    IF batch IS NULL OR NOT EXISTS (SELECT FROM credit_gz.licence_intake p
                                     WHERE p.department_code = dep AND p.batch = intake_licences.batch) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch "%s" has no staged licence lines', batch),
              ERRCODE = '22023',
              HINT = credit_gz.msg('COPY the file into credit_gz.licence_intake_file with this batch name first.');
    END IF;
    BEGIN
        FOR s IN SELECT * FROM credit_gz.licence_intake p
                  WHERE p.department_code = dep AND p.batch = intake_licences.batch ORDER BY p.line_no LOOP
            line_no := s.line_no; outcome := NULL; record_id := NULL; column_name := NULL; error_state := NULL;
            message := NULL;
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
                col := 'document_no';
                IF coalesce(btrim(s.document_no), '') = '' THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('行政许可决定文书号 is empty'), ERRCODE = '23502';
                END IF;
                col := 'decision_date';
                dd := coalesce(credit_gz.intake_date(s.decision_date), btrim(s.decision_date)::date);
                col := 'valid_from';
                v_from := coalesce(credit_gz.intake_date(s.valid_from), nullif(btrim(s.valid_from), '')::date);
                col := 'valid_to';
                -- 长期 (long-term, as files write a licence without an end) is no date: kept in details as sent
                v_to := coalesce(credit_gz.intake_date(s.valid_to),
                                 nullif(nullif(nullif(btrim(s.valid_to), ''), '长期'), '长期有效')::date);
                IF v_to < v_from THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('有效期至 %s is before 有效期自 %s', v_to, v_from),
                          ERRCODE = '23514';
                END IF;
                col := 'deciding_body_uscc';
                body_d := credit_gz.uscc(nullif(btrim(s.deciding_body_uscc), ''));
                col := 'source_body_uscc';
                body_s := credit_gz.uscc(nullif(btrim(s.source_body_uscc), ''));
                col := NULL;
                -- the catalogue's one 行政许可 item
                SELECT pg_catalog.min(i.code) INTO item FROM credit_gz.info_item i
                 WHERE i.double_publicity = 'licence' HAVING pg_catalog.count(*) = 1;
                IF item IS NULL THEN
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('the catalogue has no single 行政许可 item (info_item.double_publicity = ''licence'')'),
                          ERRCODE = 'CG801';
                END IF;
                det := credit_gz.intake_licence_details(s);
                SELECT d.* INTO doc FROM credit_gz.record_document d
                 WHERE d.department_code = dep AND d.document_no = btrim(s.document_no);
                IF FOUND THEN
                    SELECT r.* INTO old FROM credit_gz.record r WHERE r.subject_id = doc.subject_id AND r.record_id = doc.record_id;
                ELSE
                    old := NULL;
                END IF;
                IF credit_gz.intake_record_unchanged(old, sid, item, NULL, dd, NULL, det, NULL, body_d, body_s) THEN
                    rid := old.record_id;
                    outcome := 'unchanged';
                ELSE
                    rid := credit_gz.load_record(dep, btrim(s.document_no), sid, item, dd, NULL, NULL, 'public', NULL, det);
                    UPDATE credit_gz.record r
                       SET deciding_body_uscc = body_d, source_body_uscc = body_s
                     WHERE r.subject_id = sid AND r.record_id = rid;
                    outcome := CASE WHEN old.record_id IS NULL THEN 'loaded' ELSE 'updated' END;
                END IF;
                IF subj.subject_kind <> 'natural_person' AND coalesce(btrim(s.legal_rep_id_no), '') <> '' THEN
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
                DELETE FROM credit_gz.intake_reject j
                 WHERE j.department_code = dep AND j.format = 'licence' AND j.batch = s.batch AND j.line_no = s.line_no;
            EXCEPTION WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
                outcome := 'rejected'; record_id := NULL; column_name := col; error_state := st;
                message := credit_gz.msg('line %s (document "%s", subject %s): %s',
                                             s.line_no, coalesce(btrim(s.document_no), ''), who, msg);
                INSERT INTO credit_gz.intake_reject AS j (batch, line_no, department_code, format, document_no,
                                                          column_name, sqlstate, message)
                VALUES (s.batch, s.line_no, dep, 'licence', s.document_no, col, st, message)
                ON CONFLICT ON CONSTRAINT intake_reject_pkey DO UPDATE
                   SET document_no = excluded.document_no,
                       column_name = excluded.column_name, sqlstate = excluded.sqlstate,
                       message = excluded.message, rejected_at = excluded.rejected_at;
            END;
            IF validate_only THEN
                record_id := NULL;   -- rolled back at the end: the receipt says what a load would do
            END IF;
            RETURN NEXT;   -- (the rows returned stay when the load is rolled back)
        END LOOP;
        IF validate_only THEN
            RAISE EXCEPTION 'validated' USING ERRCODE = 'CG809';
        END IF;
    EXCEPTION WHEN SQLSTATE 'CG809' THEN
        NULL;
    END;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_licences(text, text, boolean) IS
    '行政许可数据归集回执 / load a staged licence batch (credit_gz.licence_intake) of a department: per line its outcome '
    '(loaded, updated, unchanged, rejected), record id, and for a rejected line the column, SQLSTATE and message '
    '(also in credit_gz.intake_reject, format licence). validate_only: the same receipt, nothing loaded.';
REVOKE ALL ON FUNCTION credit_gz.intake_licences(text, text, boolean) FROM PUBLIC;
