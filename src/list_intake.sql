-- 名单归集 / lists as they are published: the court's 失信被执行人 list and the market regulator's 经营异常名录 and
-- 严重违法失信名单 arrive as files, one line per listing (and later per removal, with its date and reason). A
-- department COPYs the file into credit_gz.list_intake_file under a batch name and calls credit_gz.intake_lists();
-- each line lists, updates or removes one list entry (credit_gz.list_entry) or is rejected on its own, and the call
-- returns the receipt, as penalty files do (src/intake.sql). A removal lifts the entry and, through the propagation
-- trigger, what was derived from it. How far a long load is: credit_gz.load_progress. User documentation:
-- doc/lists.md ("Lists from files"), doc/intake.md.

-- ---------------------------------------------------------------------------------------------------------------------
-- Which list a file's 名单名称 is
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.list_intake_format (
    list_name       text    NOT NULL CHECK (btrim(list_name) = list_name AND list_name <> ''),
    list_type_code  text    NOT NULL REFERENCES credit_gz.list_type (code) ON UPDATE CASCADE,
    effective_from  date    NOT NULL,
    effective_until date,
    source          text    NOT NULL CHECK (btrim(source) <> ''),
    shipped         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (list_name, effective_from),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.list_intake_format IS
    '名单文件对照 / the list type (credit_gz.list_type) a list file''s 名单名称 loads into, in force on the listing date '
    'of the line; a name no row decides is rejected (CG801).';
COMMENT ON COLUMN credit_gz.list_intake_format.list_name IS '名单名称 / the list''s name as the file writes it';
COMMENT ON COLUMN credit_gz.list_intake_format.list_type_code IS '名单类型 / list type of the entries';
COMMENT ON COLUMN credit_gz.list_intake_format.effective_from IS '起始日期 / first listing date the row governs';
COMMENT ON COLUMN credit_gz.list_intake_format.effective_until IS '失效日期 / first day no longer in force, as a listing date (NULL: open)';
COMMENT ON COLUMN credit_gz.list_intake_format.source IS '依据 / source of the list and its published fields';
COMMENT ON COLUMN credit_gz.list_intake_format.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.list_intake_format (list_name, list_type_code, effective_from, source, shipped) VALUES
    ('失信被执行人', 'judgment_debtor', '2017-05-01',
     '法释〔2017〕7号 第六条 (公布的失信被执行人信息: 姓名或名称、统一社会信用代码或身份证号码、执行法院、执行依据文书、失信情形) 第十条 (删除失信信息)', true),
    ('经营异常名录', 'abnormal_operations', '2021-09-01',
     '《企业信息公示暂行条例》第十七条; 《企业经营异常名录管理暂行办法》第十条至第十四条 (列入、移出决定及其事由和日期)', true),
    ('严重违法失信名单', 'samr_serious_illegal', '2021-09-01',
     '《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号) 第十二条 (列入决定书), 第十五条至第十七条 (移出)', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_intake_format', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.list_intake_format TO PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------------
-- Staged list file (personal data: under row-level security, granted to departments only)
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.list_intake (
    batch           text    NOT NULL CHECK (btrim(batch) <> ''),
    line_no         integer NOT NULL CHECK (line_no > 0),
    list_name       text,
    subject_name    text,
    uscc            text,
    id_type         text,
    id_no           text,
    legal_rep_name  text,
    case_no         text,
    deciding_body   text,
    decided_on      text,
    listed_on       text,
    last_listed_on  text,
    reason          text,
    removed_on      text,
    removal_reason  text,
    department_code text    NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE
                    DEFAULT credit_gz.intake_department(),
    staged_at       timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (department_code, batch, line_no)
);
COMMENT ON TABLE credit_gz.list_intake IS
    '名单归集暂存 / a published list file as staged, one row per line, every field as text; COPY it through '
    'credit_gz.list_intake_file (doc/lists.md), then call intake_lists(). A department sees and stages only its own '
    'lines (row-level security). Batch names are one namespace with the department''s penalty batches.';
COMMENT ON COLUMN credit_gz.list_intake.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.list_intake.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.list_intake.list_name IS '名单名称 / 失信被执行人, 经营异常名录 or 严重违法失信名单 (credit_gz.list_intake_format)';
COMMENT ON COLUMN credit_gz.list_intake.subject_name IS '被执行人姓名或名称、企业名称 / name of the listed subject';
COMMENT ON COLUMN credit_gz.list_intake.uscc IS '统一社会信用代码 / unified social credit code (organisations)';
COMMENT ON COLUMN credit_gz.list_intake.id_type IS '证件类型 / document type of a natural person (居民身份证)';
COMMENT ON COLUMN credit_gz.list_intake.id_no IS '身份证号码 / identity number of a natural person';
COMMENT ON COLUMN credit_gz.list_intake.legal_rep_name IS '法定代表人或负责人姓名 / legal representative, as published';
COMMENT ON COLUMN credit_gz.list_intake.case_no IS '案号、决定书文号 / case or decision number (the entry''s basis document)';
COMMENT ON COLUMN credit_gz.list_intake.deciding_body IS '执行法院、作出决定机关 / court or body that decided';
COMMENT ON COLUMN credit_gz.list_intake.decided_on IS '立案日期、作出决定日期 / date of the case or decision';
COMMENT ON COLUMN credit_gz.list_intake.listed_on IS '发布日期、列入日期 / first day listed';
COMMENT ON COLUMN credit_gz.list_intake.last_listed_on IS '列入期限 / last day listed as decided (empty: the list type''s term)';
COMMENT ON COLUMN credit_gz.list_intake.reason IS '失信情形、列入事由 / why listed';
COMMENT ON COLUMN credit_gz.list_intake.removed_on IS '移出日期、删除日期 / day removed (empty: a listing line)';
COMMENT ON COLUMN credit_gz.list_intake.removal_reason IS '移出事由、删除原因 / why removed';
COMMENT ON COLUMN credit_gz.list_intake.department_code IS
    '归集部门 / department staging the file (default: the one department the role acts for)';
COMMENT ON COLUMN credit_gz.list_intake.staged_at IS '暂存时间 / when the line was staged';
REVOKE ALL ON credit_gz.list_intake FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_intake', '');

-- list_intake_file: what a department COPYs its file into (COPY does not write a table under row-level security;
-- through this view each line goes in by INSERT, under the department policy).
CREATE VIEW credit_gz.list_intake_file WITH (security_barrier = true, security_invoker = true) AS
SELECT l.batch, l.line_no, l.list_name, l.subject_name, l.uscc, l.id_type, l.id_no, l.legal_rep_name, l.case_no,
       l.deciding_body, l.decided_on, l.listed_on, l.last_listed_on, l.reason, l.removed_on, l.removal_reason,
       l.department_code
  FROM credit_gz.list_intake l;
COMMENT ON VIEW credit_gz.list_intake_file IS
    '名单归集文件 / COPY a list file here (columns of credit_gz.list_intake): each line is staged in '
    'credit_gz.list_intake, in the name of the department the role acts for unless department_code is given.';
COMMENT ON COLUMN credit_gz.list_intake_file.batch IS '批次 / batch name the department chooses';
COMMENT ON COLUMN credit_gz.list_intake_file.line_no IS '行号 / line of the file (1: first data line)';
COMMENT ON COLUMN credit_gz.list_intake_file.list_name IS '名单名称 / 失信被执行人, 经营异常名录 or 严重违法失信名单';
COMMENT ON COLUMN credit_gz.list_intake_file.subject_name IS '被执行人姓名或名称、企业名称 / name of the listed subject';
COMMENT ON COLUMN credit_gz.list_intake_file.uscc IS '统一社会信用代码 / unified social credit code (organisations)';
COMMENT ON COLUMN credit_gz.list_intake_file.id_type IS '证件类型 / document type of a natural person (居民身份证)';
COMMENT ON COLUMN credit_gz.list_intake_file.id_no IS '身份证号码 / identity number of a natural person';
COMMENT ON COLUMN credit_gz.list_intake_file.legal_rep_name IS '法定代表人或负责人姓名 / legal representative, as published';
COMMENT ON COLUMN credit_gz.list_intake_file.case_no IS '案号、决定书文号 / case or decision number';
COMMENT ON COLUMN credit_gz.list_intake_file.deciding_body IS '执行法院、作出决定机关 / court or body that decided';
COMMENT ON COLUMN credit_gz.list_intake_file.decided_on IS '立案日期、作出决定日期 / date of the case or decision';
COMMENT ON COLUMN credit_gz.list_intake_file.listed_on IS '发布日期、列入日期 / first day listed';
COMMENT ON COLUMN credit_gz.list_intake_file.last_listed_on IS '列入期限 / last day listed as decided (empty: the list type''s term)';
COMMENT ON COLUMN credit_gz.list_intake_file.reason IS '失信情形、列入事由 / why listed';
COMMENT ON COLUMN credit_gz.list_intake_file.removed_on IS '移出日期 / day removed (empty: a listing line)';
COMMENT ON COLUMN credit_gz.list_intake_file.removal_reason IS '移出事由 / why removed';
COMMENT ON COLUMN credit_gz.list_intake_file.department_code IS '归集部门 / department staging the file (default: the one department the role acts for)';
CREATE FUNCTION credit_gz.list_intake_file_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID <> 'credit_gz.list_intake_file'::regclass OR TG_WHEN <> 'INSTEAD OF' OR TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'credit_gz.list_intake_file_insert() must be an INSTEAD OF INSERT trigger on credit_gz.list_intake_file'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    INSERT INTO credit_gz.list_intake (batch, line_no, list_name, subject_name, uscc, id_type, id_no, legal_rep_name,
                                       case_no, deciding_body, decided_on, listed_on, last_listed_on, reason, removed_on,
                                       removal_reason, department_code)
    VALUES (NEW.batch, NEW.line_no, NEW.list_name, NEW.subject_name, NEW.uscc, NEW.id_type, NEW.id_no,
            NEW.legal_rep_name, NEW.case_no, NEW.deciding_body, NEW.decided_on, NEW.listed_on, NEW.last_listed_on,
            NEW.reason, NEW.removed_on, NEW.removal_reason,
            coalesce(NEW.department_code, credit_gz.intake_department()));
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.list_intake_file_insert() IS
    'INSTEAD OF INSERT trigger on credit_gz.list_intake_file: stages the line in credit_gz.list_intake.';
REVOKE ALL ON FUNCTION credit_gz.list_intake_file_insert() FROM PUBLIC;
CREATE TRIGGER list_intake_file_insert INSTEAD OF INSERT ON credit_gz.list_intake_file
    FOR EACH ROW EXECUTE FUNCTION credit_gz.list_intake_file_insert();
COMMENT ON TRIGGER list_intake_file_insert ON credit_gz.list_intake_file IS 'a COPYed line is staged.';
REVOKE ALL ON credit_gz.list_intake_file FROM PUBLIC;

-- 谁归集谁负责: as for penalty files, a department stages, reads and clears only its own lines.
ALTER TABLE credit_gz.list_intake ENABLE ROW LEVEL SECURITY;
CREATE POLICY list_intake_department ON credit_gz.list_intake FOR ALL
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY list_intake_department ON credit_gz.list_intake IS
    '谁归集谁负责: a department stages, reads and clears only its own staged list lines.';

-- ---------------------------------------------------------------------------------------------------------------------
-- Progress of a long load (shared memory, src/load_progress.c)
-- ---------------------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.load_progress_start(kind text, department_code text, batch text, rows_staged bigint)
RETURNS void
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'credit_gz_load_progress_start';
COMMENT ON FUNCTION credit_gz.load_progress_start(text, text, text, bigint) IS
    '归集进度开始 / announce a load of this session (kind, department, batch, rows staged) in credit_gz.load_progress '
    'until its transaction ends; nothing without shared_preload_libraries.';
REVOKE ALL ON FUNCTION credit_gz.load_progress_start(text, text, text, bigint) FROM PUBLIC;

CREATE FUNCTION credit_gz.load_progress_step(rows_done bigint, rows_rejected bigint)
RETURNS void
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'credit_gz_load_progress_step';
COMMENT ON FUNCTION credit_gz.load_progress_step(bigint, bigint) IS
    '归集进度 / the rows of this session''s announced load done so far and how many were rejected.';
REVOKE ALL ON FUNCTION credit_gz.load_progress_step(bigint, bigint) FROM PUBLIC;

CREATE FUNCTION credit_gz.load_progress_rows(
    OUT pid integer, OUT role_oid oid, OUT kind text, OUT department_code text, OUT batch text,
    OUT rows_staged bigint, OUT rows_done bigint, OUT rows_rejected bigint,
    OUT started_at timestamptz, OUT updated_at timestamptz)
RETURNS SETOF record
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'credit_gz_load_progress_rows';
COMMENT ON FUNCTION credit_gz.load_progress_rows() IS
    '归集进度 / the loads running now in this database (see credit_gz.load_progress).';
REVOKE ALL ON FUNCTION credit_gz.load_progress_rows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION credit_gz.load_progress_rows() TO pg_read_all_stats;

CREATE VIEW credit_gz.load_progress WITH (security_barrier = true) AS
SELECT p.pid, r.rolname AS role_name, p.kind, p.department_code, p.batch, p.rows_staged, p.rows_done,
       p.rows_rejected, p.started_at, p.updated_at
  FROM credit_gz.load_progress_rows() p
  LEFT JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) p.role_oid;
COMMENT ON VIEW credit_gz.load_progress IS
    '归集进度 / how far each running load is (like pg_stat_progress_copy): session pid, role, kind (penalty, list), '
    'department and batch, rows staged, rows done and rejected so far, when it started and last advanced; the row '
    'goes when the load''s transaction ends. A DBA (pg_read_all_stats) sees every load, another role those of roles '
    'it has the privileges of. Needs shared_preload_libraries (empty otherwise).';
COMMENT ON COLUMN credit_gz.load_progress.pid IS '进程号 / backend pid of the session loading (pg_stat_activity.pid)';
COMMENT ON COLUMN credit_gz.load_progress.role_name IS '角色 / role running the load';
COMMENT ON COLUMN credit_gz.load_progress.kind IS '归集类别 / list (intake_lists) or penalty';
COMMENT ON COLUMN credit_gz.load_progress.department_code IS '归集部门 / department';
COMMENT ON COLUMN credit_gz.load_progress.batch IS '批次 / batch';
COMMENT ON COLUMN credit_gz.load_progress.rows_staged IS '暂存行数 / staged lines of the batch';
COMMENT ON COLUMN credit_gz.load_progress.rows_done IS '已处理 / lines done so far (loaded, unchanged or rejected)';
COMMENT ON COLUMN credit_gz.load_progress.rows_rejected IS '已退回 / lines rejected so far';
COMMENT ON COLUMN credit_gz.load_progress.started_at IS '开始时间 / when the load started';
COMMENT ON COLUMN credit_gz.load_progress.updated_at IS '更新时间 / when it last advanced';
REVOKE ALL ON credit_gz.load_progress FROM PUBLIC;
GRANT SELECT ON credit_gz.load_progress TO pg_read_all_stats;

-- ---------------------------------------------------------------------------------------------------------------------
-- intake_lists: the receipt of a staged list batch. Each line in its own subtransaction, like intake_penalties: the
-- subject it creates, its entry and what propagates from it go in together or not at all.
--   listing line (no 移出日期): lists the subject (outcome listed), or finds the entry the same department made on
--     the same case number for the same list (unchanged, or updated when its dates or published fields changed; a
--     removed entry stays removed: a re-sent listing after the removal changes nothing);
--   removal line: lifts the entry on the removal date with the removal reason (removed; the entry is made first if
--     the listing never reached the archive), and the propagation trigger lifts what was derived from it; the list
--     type's early-removal rule applies (a line it refuses is rejected with the trigger's error).
-- ---------------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.intake_lists(department_code text, batch text, validate_only boolean DEFAULT false)
RETURNS TABLE (line_no integer, outcome text, entry_id bigint, column_name text, error_state text, message text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    dep  text := intake_lists.department_code;
    s    credit_gz.list_intake;
    col  text;
    lt   text;
    sid  bigint;
    who  text;
    lon  date;
    luntil date;
    ron  date;
    don  date;
    det  jsonb;
    old  credit_gz.list_entry;
    subj record;
    eid  bigint;
    st   text;
    msg  text;
    ecol text;
    total bigint;
    done bigint := 0;
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
    SELECT pg_catalog.count(*) INTO total FROM credit_gz.list_intake p
     WHERE p.department_code = dep AND p.batch = intake_lists.batch;
    IF batch IS NULL OR total = 0 THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch "%s" has no staged list lines', batch), ERRCODE = '22023',
              HINT = credit_gz.msg('COPY the file into credit_gz.list_intake_file with this batch name first.');
    END IF;
    PERFORM credit_gz.load_progress_start('list', dep, batch, total);
    FOR s IN SELECT * FROM credit_gz.list_intake p
              WHERE p.department_code = dep AND p.batch = intake_lists.batch ORDER BY p.line_no LOOP
        line_no := s.line_no; outcome := NULL; entry_id := NULL; column_name := NULL; error_state := NULL; message := NULL;
        who := coalesce(nullif(btrim(s.uscc), ''), credit_gz.msg('(no code)'));
        BEGIN
            col := 'listed_on';
            IF coalesce(btrim(s.listed_on), '') = '' THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('列入日期 is empty'), ERRCODE = '23502';
            END IF;
            lon := btrim(s.listed_on)::date;
            col := 'list_name';
            SELECT f.list_type_code INTO lt FROM credit_gz.list_intake_format f
             WHERE f.list_name = btrim(s.list_name) AND credit_gz.in_force(f.effective_from, f.effective_until, lon)
             ORDER BY f.shipped, f.effective_from DESC LIMIT 1;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('名单名称 "%s" names no list on %s', s.list_name, lon),
                      ERRCODE = 'CG801';
            END IF;
            -- the subject as penalty lines find it (one definition): a list names an organisation by its
            -- unified code and a person by its identity document, so the code given decides the category
            col := 'uscc';
            SELECT * INTO subj FROM credit_gz.intake_subject(s.subject_name,
                       (SELECT k.name_zh FROM credit_gz.intake_subject_kind k
                         WHERE k.subject_kind = CASE WHEN coalesce(btrim(s.uscc), '') = '' AND coalesce(btrim(s.id_no), '') <> ''
                                                     THEN 'natural_person' ELSE 'enterprise' END
                         ORDER BY k.shipped DESC, k.name_zh LIMIT 1),
                       s.uscc, NULL, NULL, NULL, NULL, NULL, s.id_type, s.id_no);
            who := subj.who;
            IF subj.error_state IS NOT NULL THEN
                col := subj.error_column;
                RAISE EXCEPTION USING ERRCODE = subj.error_state, MESSAGE = subj.error_message, COLUMN = subj.error_column;
            END IF;
            sid := subj.subject_id;
            col := 'case_no';
            IF coalesce(btrim(s.case_no), '') = '' THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('案号或决定书文号 is empty'), ERRCODE = '23502';
            END IF;
            col := 'decided_on';
            don := nullif(btrim(s.decided_on), '')::date;
            col := 'last_listed_on';
            luntil := nullif(btrim(s.last_listed_on), '')::date;
            IF luntil < lon THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('列入期限 %s is before the listing date %s', luntil, lon),
                      ERRCODE = '23514';
            END IF;
            col := 'removed_on';
            ron := nullif(btrim(s.removed_on), '')::date;
            IF ron < lon THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('移出日期 %s is before the listing date %s', ron, lon),
                      ERRCODE = '23514';
            END IF;
            col := 'removal_reason';
            IF ron IS NOT NULL AND coalesce(btrim(s.removal_reason), '') = '' THEN
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('移出事由 is empty while 移出日期 is given'), ERRCODE = '23502';
            END IF;
            col := NULL;
            det := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
                'list_name', btrim(s.list_name), 'deciding_body', nullif(btrim(s.deciding_body), ''),
                'decided_on', don, 'reason', nullif(btrim(s.reason), ''),
                'legal_rep_name', nullif(btrim(s.legal_rep_name), '')));
            -- the entry this department made on this case number for this list (one determination, one entry)
            SELECT e.* INTO old FROM credit_gz.list_entry e
             WHERE e.department_code = dep AND e.list_type_code = lt AND e.basis_document = btrim(s.case_no)
               AND e.derived_from_entry_id IS NULL
             ORDER BY e.entry_id DESC LIMIT 1;
            IF FOUND AND old.subject_id <> sid THEN
                col := 'case_no';
                RAISE EXCEPTION USING MESSAGE = credit_gz.msg('案号 "%s" is already listed for another subject, %s',
                                                              btrim(s.case_no), credit_gz.subject_code(old.subject_id)),
                      ERRCODE = '23505';
            END IF;
            IF old.entry_id IS NULL THEN
                INSERT INTO credit_gz.list_entry AS e (subject_id, list_type_code, department_code, basis_document,
                                                       effective_from, effective_until, details)
                VALUES (sid, lt, dep, btrim(s.case_no), lon, luntil + 1, det)
                RETURNING e.* INTO old;
                outcome := 'listed';
            ELSIF old.status = 'active' AND (old.effective_from <> lon
                     OR (luntil IS NOT NULL AND old.effective_until IS DISTINCT FROM luntil + 1)
                     OR old.details IS DISTINCT FROM det) THEN
                UPDATE credit_gz.list_entry e
                   SET effective_from = lon, effective_until = coalesce(luntil + 1, e.effective_until), details = det
                 WHERE e.subject_id = old.subject_id AND e.entry_id = old.entry_id
                RETURNING e.* INTO old;
                outcome := 'updated';
            ELSE
                outcome := 'unchanged';
            END IF;
            IF ron IS NOT NULL THEN
                IF old.status = 'active' THEN
                    col := 'removed_on';
                    UPDATE credit_gz.list_entry e
                       SET status = 'lifted', status_changed_on = ron,
                           status_reason = btrim(s.removal_reason),
                           details = det || pg_catalog.jsonb_build_object('removal_reason', btrim(s.removal_reason))
                     WHERE e.subject_id = old.subject_id AND e.entry_id = old.entry_id;
                    col := NULL;
                    outcome := 'removed';
                ELSIF old.status_changed_on IS DISTINCT FROM ron THEN
                    col := 'removed_on';
                    RAISE EXCEPTION USING MESSAGE = credit_gz.msg('list entry %s of subject %s was already %s on %s',
                                                                  btrim(s.case_no), who, old.status, old.status_changed_on),
                          ERRCODE = '23514';
                END IF;
            END IF;
            entry_id := old.entry_id;
            IF validate_only THEN
                RAISE EXCEPTION 'validated' USING ERRCODE = 'CG809';
            END IF;
            DELETE FROM credit_gz.intake_reject j
             WHERE j.department_code = dep AND j.format = 'list' AND j.batch = s.batch AND j.line_no = s.line_no;
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, ecol = COLUMN_NAME;
            IF st = 'CG809' THEN
                entry_id := NULL;   -- rolled back: the receipt says what a load would do
            ELSE
                outcome := 'rejected'; entry_id := NULL; error_state := st;
                column_name := coalesce(nullif(ecol, ''), col);
                IF column_name NOT IN (SELECT a.attname FROM pg_catalog.pg_attribute a
                                        WHERE a.attrelid = 'credit_gz.list_intake'::regclass AND a.attnum > 0) THEN
                    column_name := col;   -- a constraint's column of another table: the line's column instead
                END IF;
                message := credit_gz.msg('line %s (案号 "%s", subject %s): %s',
                                             s.line_no, coalesce(btrim(s.case_no), ''), who, msg);
                rejected := rejected + 1;
                IF NOT validate_only THEN
                    INSERT INTO credit_gz.intake_reject AS j (batch, line_no, department_code, format, document_no,
                                                              column_name, sqlstate, message)
                    VALUES (s.batch, s.line_no, dep, 'list', s.case_no, column_name, st, message)
                    ON CONFLICT ON CONSTRAINT intake_reject_pkey DO UPDATE
                       SET document_no = excluded.document_no,
                           column_name = excluded.column_name, sqlstate = excluded.sqlstate,
                           message = excluded.message, rejected_at = excluded.rejected_at;
                END IF;
            END IF;
        END;
        done := done + 1;
        PERFORM credit_gz.load_progress_step(done, rejected);
        RETURN NEXT;
    END LOOP;
END
$$;
COMMENT ON FUNCTION credit_gz.intake_lists(text, text, boolean) IS
    '名单归集回执 / load a staged list batch (credit_gz.list_intake) of a department: per line its outcome (listed, '
    'updated, unchanged, removed, rejected), list entry id, and for a rejected line the column, SQLSTATE and message '
    '(also in credit_gz.intake_reject). Re-sends change nothing; a removal lifts the entry and what propagated from '
    'it. validate_only: the same receipt, nothing loaded. Progress in credit_gz.load_progress while it runs.';
REVOKE ALL ON FUNCTION credit_gz.intake_lists(text, text, boolean) FROM PUBLIC;

INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'list_intake', 'SELECT, INSERT, UPDATE, DELETE', true),
    ('department', 'list_intake_file', 'INSERT', true),
    ('department', 'intake_lists(text, text, boolean)', 'EXECUTE', true),
    ('department', 'load_progress_start(text, text, text, bigint)', 'EXECUTE', true),
    ('department', 'load_progress_step(bigint, bigint)', 'EXECUTE', true),
    ('department', 'load_progress_rows()', 'EXECUTE', true),
    ('department', 'load_progress', 'SELECT', true);

-- ---------------------------------------------------------------------------------------------------------------------
-- 重错码率 over what was sent (十五): every code a department sent in a penalty or list file, rejected lines included,
-- with the identity numbers of natural persons and the required fields of the format, per department and period
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.intake_required_field (
    kind            text    NOT NULL CHECK (kind IN ('penalty', 'licence', 'list')),
    field           text    NOT NULL CHECK (field ~ '^[a-z][a-z0-9_]*$'),
    name_zh         text    NOT NULL,
    effective_from  date    NOT NULL,
    effective_until date,
    source          text    NOT NULL CHECK (btrim(source) <> ''),
    shipped         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (kind, field, effective_from),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.intake_required_field IS
    '归集必填项 / the fields of a staged penalty line (credit_gz.penalty_intake), licence line '
    '(credit_gz.licence_intake) or list line (credit_gz.list_intake) that must not be empty, in force on the date the '
    'line is about (decision or listing date); for penalties and licences also the required 双公示 fields '
    '(credit_gz.double_publicity_field). Read by credit_gz.sent_code.';
COMMENT ON COLUMN credit_gz.intake_required_field.kind IS '文件类别 / penalty (行政处罚), licence (行政许可) or list (名单)';
COMMENT ON COLUMN credit_gz.intake_required_field.field IS '字段 / column of the staging table';
COMMENT ON COLUMN credit_gz.intake_required_field.name_zh IS '数据项名称 / field name in the format';
COMMENT ON COLUMN credit_gz.intake_required_field.effective_from IS '起始日期 / first line date the rule governs';
COMMENT ON COLUMN credit_gz.intake_required_field.effective_until IS '失效日期 / first day no longer in force, as a line''s date (NULL: open)';
COMMENT ON COLUMN credit_gz.intake_required_field.source IS '依据 / source';
COMMENT ON COLUMN credit_gz.intake_required_field.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.intake_required_field (kind, field, name_zh, effective_from, source, shipped) VALUES
    ('penalty', 'subject_name', '行政相对人名称', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'subject_category', '行政相对人类别', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'document_no', '行政处罚决定书文号', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'penalty_category', '处罚类别', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'decision_date', '处罚决定日期', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('penalty', 'deciding_body', '处罚机关', '2019-01-01', '全国行政处罚信息数据标准: 必填项', true),
    ('licence', 'subject_name', '行政相对人名称', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('licence', 'subject_category', '行政相对人类别', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('licence', 'document_no', '行政许可决定文书号', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('licence', 'decision_date', '许可决定日期', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('licence', 'deciding_body', '许可机关', '2019-01-01', '全国行政许可信息数据标准: 必填项', true),
    ('list', 'list_name', '名单名称', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true),
    ('list', 'subject_name', '名称或姓名', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true),
    ('list', 'case_no', '案号、决定书文号', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true),
    ('list', 'deciding_body', '执行法院、作出决定机关', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true),
    ('list', 'listed_on', '列入日期', '2017-05-01', '法释〔2017〕7号 第六条; 市场监管总局令第44号 第十二条', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.intake_required_field', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.intake_required_field TO PUBLIC;

-- The list intake finds the entry a department made on a case number for a list (one determination, one entry) once
-- per line: without an index each line would read every entry.
CREATE INDEX list_entry_basis_idx ON credit_gz.list_entry (basis_document, list_type_code, department_code)
    WHERE derived_from_entry_id IS NULL;
COMMENT ON INDEX credit_gz.list_entry_basis_idx IS
    '按认定文书查找 / the entries a department determined, by case or decision number and list: the list intake''s '
    'lookup of the entry a line sends again, updates or removes.';

-- sent_code: every staged line of the three intakes (penalties, licences, lists) with the code it sent and what is wrong with it. Invoker's rights
-- (security_invoker): a department sees its own lines only, as in the staging tables.
CREATE VIEW credit_gz.sent_code WITH (security_barrier = true, security_invoker = true) AS
WITH staged AS (
    SELECT 'penalty'::text AS kind, p.department_code, p.batch, p.line_no, p.decision_date AS day_text, p.subject_name,
           p.uscc, p.id_type, p.id_no, p.business_reg_no, p.organisation_code, pg_catalog.to_jsonb(p) AS fields
      FROM credit_gz.penalty_intake p
    UNION ALL
    SELECT 'licence', c.department_code, c.batch, c.line_no, c.decision_date, c.subject_name,
           c.uscc, c.id_type, c.id_no, c.business_reg_no, c.organisation_code, pg_catalog.to_jsonb(c)
      FROM credit_gz.licence_intake c
    UNION ALL
    SELECT 'list', l.department_code, l.batch, l.line_no, l.listed_on, l.subject_name,
           l.uscc, l.id_type, l.id_no, NULL, NULL, pg_catalog.to_jsonb(l)
      FROM credit_gz.list_intake l
), line AS (
    SELECT s.kind, s.department_code, s.batch, s.line_no, credit_gz.intake_date(s.day_text) AS line_day,
           btrim(s.subject_name) AS subject_name, nullif(btrim(s.uscc), '') AS uscc,
           nullif(btrim(s.id_type), '') AS id_type, nullif(btrim(s.id_no), '') AS id_no,
           num_nonnulls(nullif(btrim(s.uscc), ''), nullif(btrim(s.id_no), ''), nullif(btrim(s.business_reg_no), ''),
                        nullif(btrim(s.organisation_code), '')) > 0 AS has_code,
           s.fields
      FROM staged s
)
SELECT x.kind, x.department_code, x.batch, x.line_no, x.line_day, x.subject_name, x.uscc,
       credit_gz.uscc_explain(x.uscc) AS uscc_error,
       x.id_no,
       CASE WHEN x.id_no IS NOT NULL AND (x.id_type IS NULL OR EXISTS (
                 SELECT FROM credit_gz.identity_document_type t
                  WHERE t.validation = 'gb11643' AND x.id_type IN (t.code, t.name_zh)))
            THEN credit_gz.resident_id_explain(x.id_no) END AS id_error,
       ARRAY(
           SELECT 'uscc'::text WHERE NOT x.has_code
           UNION
           SELECT f.field FROM credit_gz.intake_required_field f
            WHERE f.kind = x.kind AND coalesce(btrim(x.fields ->> f.field), '') = ''
              AND credit_gz.in_force(f.effective_from, f.effective_until, coalesce(x.line_day, credit_gz.policy_date()))
           UNION
           SELECT d.field FROM credit_gz.double_publicity_field d
            WHERE d.kind = x.kind AND d.required AND coalesce(btrim(x.fields ->> d.field), '') = ''
           ORDER BY 1) AS missing,
       j.sqlstate AS reject_sqlstate, j.column_name AS reject_column
  FROM line x
  LEFT JOIN credit_gz.intake_reject j
         ON j.department_code = x.department_code AND j.format = x.kind AND j.batch = x.batch AND j.line_no = x.line_no;
COMMENT ON VIEW credit_gz.sent_code IS
    '归集代码 / every line a department sent (staged penalty, licence and list lines, rejected ones included) with its unified '
    'code and why it is wrong (uscc_explain), the identity number of a natural person and why it is wrong '
    '(resident_id_explain, 居民身份证 only), the required fields it lacks (intake_required_field, and for penalties '
    'and licences the required 双公示 fields; uscc: no code at all) and the last intake''s reject. A department sees '
    'its own lines.';
COMMENT ON COLUMN credit_gz.sent_code.kind IS '文件类别 / penalty, licence or list';
COMMENT ON COLUMN credit_gz.sent_code.department_code IS '归集部门 / department that sent the line';
COMMENT ON COLUMN credit_gz.sent_code.batch IS '批次 / batch';
COMMENT ON COLUMN credit_gz.sent_code.line_no IS '行号 / line of the file';
COMMENT ON COLUMN credit_gz.sent_code.line_day IS '业务日期 / decision date (penalty, licence) or listing date (list); NULL when unreadable';
COMMENT ON COLUMN credit_gz.sent_code.subject_name IS '名称 / subject name as sent';
COMMENT ON COLUMN credit_gz.sent_code.uscc IS '统一社会信用代码 / unified code as sent';
COMMENT ON COLUMN credit_gz.sent_code.uscc_error IS '代码错误 / why the code is wrong (NULL: valid or none)';
COMMENT ON COLUMN credit_gz.sent_code.id_no IS '身份证号码 / identity number as sent';
COMMENT ON COLUMN credit_gz.sent_code.id_error IS '号码错误 / why the 居民身份证 number is wrong (NULL: valid, none or another document)';
COMMENT ON COLUMN credit_gz.sent_code.missing IS '缺失必填项 / required fields left empty';
COMMENT ON COLUMN credit_gz.sent_code.reject_sqlstate IS '退回代码 / SQLSTATE of the line''s reject (NULL: not rejected)';
COMMENT ON COLUMN credit_gz.sent_code.reject_column IS '退回字段 / column of the line''s reject';
REVOKE ALL ON credit_gz.sent_code FROM PUBLIC;

-- sent_code_quality: the figures per department and period (month, quarter or year of the line's date).
CREATE FUNCTION credit_gz.sent_code_quality(from_date date DEFAULT NULL, to_date date DEFAULT NULL,
                                            granularity text DEFAULT 'month')
RETURNS TABLE (department_code text, period_start date, lines bigint, rejected_lines bigint, codes bigint,
               erroneous bigint, erroneous_ids bigint, duplicate bigint, missing_fields bigint, error_rate numeric,
               target_rate numeric, meets_target boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF granularity IS NULL OR granularity NOT IN ('month', 'quarter', 'year') THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('quality period "%s" is not supported', granularity),
            ERRCODE = '22023', HINT = credit_gz.msg('Use month, quarter or year.');
    END IF;
    RETURN QUERY
    WITH s AS (
        SELECT c.*, pg_catalog.date_trunc(granularity, c.line_day::timestamp)::date AS p
          FROM credit_gz.sent_code c
         WHERE (from_date IS NULL OR c.line_day >= from_date) AND (to_date IS NULL OR c.line_day <= to_date)
    ), codes AS (
        SELECT s.department_code, s.p, 'uscc'::text AS which, s.uscc AS code, s.uscc_error AS err FROM s WHERE s.uscc IS NOT NULL
        UNION ALL
        SELECT s.department_code, s.p, 'id', s.id_no, s.id_error FROM s WHERE s.id_no IS NOT NULL
    ), dup AS (
        -- 重码: one valid unified code sent under several names
        SELECT c.department_code, c.p, pg_catalog.count(*) AS n
          FROM (SELECT s.department_code, s.p, credit_gz.uscc(s.uscc)::text AS canon
                  FROM s WHERE s.uscc IS NOT NULL AND s.uscc_error IS NULL
                 GROUP BY 1, 2, 3 HAVING pg_catalog.count(DISTINCT s.subject_name) > 1) c
         GROUP BY 1, 2
    ), agg AS (
        SELECT s.department_code, s.p, pg_catalog.count(*) AS lines,
               pg_catalog.count(*) FILTER (WHERE s.reject_sqlstate IS NOT NULL) AS rejected,
               pg_catalog.count(*) FILTER (WHERE pg_catalog.cardinality(s.missing) > 0) AS missing
          FROM s GROUP BY 1, 2
    ), cagg AS (
        SELECT c.department_code, c.p, pg_catalog.count(DISTINCT (c.which, c.code)) AS codes,
               pg_catalog.count(DISTINCT c.code) FILTER (WHERE c.err IS NOT NULL AND c.which = 'uscc') AS bad_uscc,
               pg_catalog.count(DISTINCT c.code) FILTER (WHERE c.err IS NOT NULL AND c.which = 'id') AS bad_id
          FROM codes c GROUP BY 1, 2
    )
    SELECT a.department_code, a.p, a.lines, a.rejected, coalesce(c.codes, 0), coalesce(c.bad_uscc, 0),
           coalesce(c.bad_id, 0), coalesce(d.n, 0), a.missing,
           CASE WHEN c.codes > 0 THEN pg_catalog.round((c.bad_uscc + c.bad_id + coalesce(d.n, 0))::numeric / c.codes, 8) END,
           credit_gz.policy_target_value('code_error_rate'),
           CASE WHEN c.codes > 0 THEN (c.bad_uscc + c.bad_id + coalesce(d.n, 0))::numeric / c.codes
                                      <= credit_gz.policy_target_value('code_error_rate') END
      FROM agg a
      LEFT JOIN cagg c ON c.department_code = a.department_code AND c.p IS NOT DISTINCT FROM a.p
      LEFT JOIN dup d ON d.department_code = a.department_code AND d.p IS NOT DISTINCT FROM a.p
     ORDER BY a.department_code, a.p NULLS LAST;
END
$$;
COMMENT ON FUNCTION credit_gz.sent_code_quality(date, date, text) IS
    '归集重错码率 / per department and month (quarter, year) of the lines'' decision or listing date (NULL: unreadable): '
    'lines sent, lines rejected, distinct codes sent (unified codes and identity numbers), erroneous unified codes, '
    'erroneous identity numbers, duplicate codes (one valid code under several names), lines lacking a required '
    'field, the rate (erroneous + erroneous_ids + duplicate) / codes and the 0.005% target (policy_target '
    'code_error_rate, 十五). Over every line sent, rejected ones included (credit_gz.sent_code).';
REVOKE ALL ON FUNCTION credit_gz.sent_code_quality(date, date, text) FROM PUBLIC;

INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('department', 'sent_code', 'SELECT', true),
    ('department', 'double_publicity_field', 'SELECT', true),
    ('department', 'sent_code_quality(date, date, text)', 'EXECUTE', true);
