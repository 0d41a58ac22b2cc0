-- repair: bars, eligibility and applications of credit repair (信用修复).
-- Policy: 穗府办函〔2020〕35号 二(四) 加强市场主体权益保障 (信用修复 "一网通办"); deadlines from src/deadline_rule.sql,
-- the channel from src/green_channel.sql.

-- ====================================================================
-- Repair bars (不予修复) and eligibility (修复条件)
-- ====================================================================

CREATE TABLE credit_gz.repair_bar (
    bar_id        bigint GENERATED ALWAYS AS IDENTITY,
    subject_id    bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    record_id     bigint,
    barred_from   date NOT NULL,
    barred_until  date,
    reason        text NOT NULL CHECK (reason <> ''),
    basis         text NOT NULL CHECK (basis <> ''),
    department_code text NOT NULL REFERENCES credit_gz.department (code),
    created_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CHECK (barred_until IS NULL OR barred_until > barred_from),
    PRIMARY KEY (subject_id, bar_id),
    CONSTRAINT repair_bar_record_id_fkey FOREIGN KEY (subject_id, record_id) REFERENCES credit_gz.record (subject_id, record_id)
);
COMMENT ON TABLE credit_gz.repair_bar IS
    '不予修复限制 / repair bars: periods during which a subject (or one record) may not be repaired, e.g. after a repair '
    'obtained by fraud (弄虚作假) was revoked, or where a law excludes repair. Checked by every repair application.';
COMMENT ON COLUMN credit_gz.repair_bar.bar_id IS '编号 / id';
COMMENT ON COLUMN credit_gz.repair_bar.subject_id IS '主体 / barred subject';
COMMENT ON COLUMN credit_gz.repair_bar.record_id IS '信用记录 / the one record barred (NULL: every record and entry of the subject)';
COMMENT ON COLUMN credit_gz.repair_bar.barred_from IS '限制起始日 / first day barred';
COMMENT ON COLUMN credit_gz.repair_bar.barred_until IS '限制解除日 / first day no longer barred (NULL: no end)';
COMMENT ON COLUMN credit_gz.repair_bar.reason IS '原因 / reason';
COMMENT ON COLUMN credit_gz.repair_bar.basis IS '依据 / legal basis';
COMMENT ON COLUMN credit_gz.repair_bar.department_code IS '决定部门 / department that set the bar';
COMMENT ON COLUMN credit_gz.repair_bar.created_at IS '创建时间 / created at';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_bar', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_bar_bar_id_seq', '');

CREATE FUNCTION credit_gz.repair_bar_until(subject_id bigint, record_id bigint, on_day date) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT CASE WHEN bool_or(b.barred_until IS NULL) THEN 'infinity'::date ELSE max(b.barred_until) END
        FROM credit_gz.repair_bar b
        WHERE b.subject_id = repair_bar_until.subject_id
          AND (b.record_id IS NULL OR b.record_id = repair_bar_until.record_id)
          AND credit_gz.in_force(b.barred_from, b.barred_until, on_day));
COMMENT ON FUNCTION credit_gz.repair_bar_until(bigint, bigint, date) IS
    'The first day no longer barred by the repair bars in force for the subject (and record) on the day; infinity for '
    'an open bar; NULL when none is in force.';

CREATE FUNCTION credit_gz.repair_commitment_on_file(subject_id bigint, record_id bigint) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN EXISTS (SELECT FROM credit_gz.commitment c
               WHERE c.subject_id = repair_commitment_on_file.subject_id AND c.kind = 'credit_repair'
                 AND (c.record_id IS NULL OR c.record_id = repair_commitment_on_file.record_id)
                 AND c.status IN ('pending', 'fulfilled'));
COMMENT ON FUNCTION credit_gz.repair_commitment_on_file(bigint, bigint) IS
    'True when the subject has a repair commitment (信用修复承诺, credit_gz.commitment kind credit_repair) for the record or '
    'for all its records that is not broken (pending or fulfilled): Order 36 requires a public credit commitment.';

-- The time-independent conditions first (each one makes the application ineligible for good, or until the subject
-- acts), then the dates: minimum period and bars. eligible_from is the first day all date conditions hold, given
-- only when no other condition fails.
CREATE FUNCTION credit_gz.record_repair_eligibility(record_id bigint, on_day date,
                                                     obligations_performed_on date DEFAULT NULL)
RETURNS TABLE (eligible boolean, reasons text[], eligible_from date)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.record;
    rule credit_gz.publicity_rule;
    why text[] := '{}';
    since date;
    bar date;
BEGIN
    SELECT * INTO r FROM credit_gz.record rec WHERE rec.record_id = record_repair_eligibility.record_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '23503',
            MESSAGE = credit_gz.msg('credit record %s does not exist', record_repair_eligibility.record_id),
            HINT = credit_gz.msg('Give the record_id of a record in credit_gz.record.');
    END IF;
    SELECT * INTO rule FROM credit_gz.publicity_rule WHERE publicity_rule_id = r.publicity_rule_id;

    IF r.status <> 'in_publicity' THEN
        why := why || credit_gz.msg('the record is not in publicity (status %s)', r.status);
    END IF;
    IF rule.publicity_rule_id IS NULL THEN
        why := why || credit_gz.msg('the record has no publicity rule (it is not negative information)');
    END IF;
    IF r.severity = 'specific_serious' THEN
        why := why || credit_gz.msg('specific serious (特定严重失信) records stay published for the full period and cannot be repaired');
    END IF;
    IF rule.publicity_rule_id IS NOT NULL AND NOT rule.repairable AND r.severity IS DISTINCT FROM 'specific_serious' THEN
        why := why || credit_gz.msg('publicity rule %s (%s) does not allow repair', rule.publicity_rule_id, rule.generation);
    END IF;
    IF obligations_performed_on IS NULL OR obligations_performed_on > on_day THEN
        why := why || credit_gz.msg('the obligations set by the decision have not been performed (履行法定义务、纠正失信行为)');
    END IF;
    IF NOT credit_gz.repair_commitment_on_file(r.subject_id, r.record_id) THEN
        why := why || credit_gz.msg('no repair commitment (信用修复承诺) is on file');
    END IF;

    -- Minimum publicity period: repairable_from is filled by the archive from the record's rule version; under
    -- Order 36 a minor record is repairable as soon as the obligation is performed (no minimum period).
    since := GREATEST(r.repairable_from, obligations_performed_on);
    bar := credit_gz.repair_bar_until(r.subject_id, r.record_id, GREATEST(on_day, since));
    IF bar IS NOT NULL THEN
        since := bar;
    END IF;
    IF r.repairable_from IS NOT NULL AND r.repairable_from > on_day THEN
        why := why || credit_gz.msg('the minimum publicity period ends on %s',
                             pg_catalog.to_char(credit_gz.inclusive_end(r.repairable_from), 'YYYY-MM-DD'));
    END IF;
    IF bar IS NOT NULL THEN
        why := why || CASE WHEN bar = 'infinity' THEN credit_gz.msg('repair is barred without end date')
                           ELSE credit_gz.msg('repair is barred until %s', pg_catalog.to_char(credit_gz.inclusive_end(bar), 'YYYY-MM-DD')) END;
    END IF;

    eligible := cardinality(why) = 0;
    reasons := why;
    eligible_from := CASE
        WHEN eligible THEN on_day
        WHEN since IS NOT NULL AND since <> 'infinity' AND since > on_day
             AND cardinality(why) = (CASE WHEN r.repairable_from > on_day THEN 1 ELSE 0 END)
                                     + (CASE WHEN bar IS NOT NULL THEN 1 ELSE 0 END)
        THEN since END;
    RETURN NEXT;
END $$;
COMMENT ON FUNCTION credit_gz.record_repair_eligibility(bigint, date, date) IS
    '信用修复条件 / whether a record can be repaired on the day, under its rule version: in publicity, a penalty that is '
    'not specific serious, rule repairable, obligations performed, a repair commitment on file, minimum publicity period '
    'reached (Order 36 minor records: as soon as the obligation is performed), no repair bar. Returns every failing '
    'condition and, when only dates stand in the way, the first day the record becomes eligible.';

CREATE FUNCTION credit_gz.entry_repair_eligibility(entry_id bigint, on_day date,
                                                    obligations_performed_on date DEFAULT NULL)
RETURNS TABLE (eligible boolean, reasons text[], eligible_from date)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e credit_gz.list_entry;
    lt credit_gz.list_type;
    term record;
    why text[] := '{}';
    min_day date;
    since date;
    bar date;
BEGIN
    SELECT * INTO e FROM credit_gz.list_entry le WHERE le.entry_id = entry_repair_eligibility.entry_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '23503',
            MESSAGE = credit_gz.msg('list entry %s does not exist', entry_repair_eligibility.entry_id),
            HINT = credit_gz.msg('Give the entry_id of an entry in credit_gz.list_entry.');
    END IF;
    SELECT * INTO lt FROM credit_gz.list_type WHERE code = e.list_type_code;
    SELECT * INTO term FROM credit_gz.entry_term(e.list_type_code, e.list_term_id);

    IF e.status <> 'active' THEN
        why := why || credit_gz.msg('the list entry is not active (status %s)', e.status);
    END IF;
    IF e.derived_from_entry_id IS NOT NULL THEN
        why := why || credit_gz.msg('the entry was derived from list entry %s and is lifted with it',
                                         (SELECT p.basis_document FROM credit_gz.list_entry p
                                           WHERE p.entry_id = e.derived_from_entry_id));
    END IF;
    IF lt.polarity = 'reward' THEN
        why := why || credit_gz.msg('entries on a reward list (红名单) are not repaired');
    END IF;
    IF term.early_removal_after_months IS NULL THEN
        why := why || credit_gz.msg('list %s allows no early removal', lt.code);
    END IF;
    IF obligations_performed_on IS NULL OR obligations_performed_on > on_day THEN
        why := why || credit_gz.msg('the obligations set by the decision have not been performed (履行法定义务、纠正失信行为)');
    END IF;
    IF NOT credit_gz.repair_commitment_on_file(e.subject_id, e.record_id) THEN
        why := why || credit_gz.msg('no repair commitment (信用修复承诺) is on file');
    END IF;

    -- Early removal after the minimum term of the entry's term generation (e.g. SAMR Order No. 44: one year from
    -- listing; wage arrears: six months from correction, the day the obligations were performed).
    min_day := credit_gz.add_months(CASE WHEN term.early_removal_counted_from = 'correction'
                                         THEN COALESCE(obligations_performed_on, e.effective_from) ELSE e.effective_from END,
                                    COALESCE(term.early_removal_after_months, 0));
    since := GREATEST(min_day, obligations_performed_on);
    bar := credit_gz.repair_bar_until(e.subject_id, NULL, GREATEST(on_day, since));
    IF bar IS NOT NULL THEN
        since := bar;
    END IF;
    IF term.early_removal_after_months IS NOT NULL AND min_day > on_day THEN
        why := why || credit_gz.msg('early removal is possible from %s', pg_catalog.to_char(min_day, 'YYYY-MM-DD'));
    END IF;
    IF bar IS NOT NULL THEN
        why := why || CASE WHEN bar = 'infinity' THEN credit_gz.msg('repair is barred without end date')
                           ELSE credit_gz.msg('repair is barred until %s', pg_catalog.to_char(credit_gz.inclusive_end(bar), 'YYYY-MM-DD')) END;
    END IF;

    eligible := cardinality(why) = 0;
    reasons := why;
    eligible_from := CASE
        WHEN eligible THEN on_day
        WHEN since IS NOT NULL AND since <> 'infinity' AND since > on_day
             AND cardinality(why) = (CASE WHEN term.early_removal_after_months IS NOT NULL AND min_day > on_day THEN 1 ELSE 0 END)
                                     + (CASE WHEN bar IS NOT NULL THEN 1 ELSE 0 END)
        THEN since END;
    RETURN NEXT;
END $$;
COMMENT ON FUNCTION credit_gz.entry_repair_eligibility(bigint, date, date) IS
    '名单提前移出(修复)条件 / whether a list entry can be repaired (removed early) on the day: active, determined directly '
    '(derived entries follow their source), a punishment or attention list that allows early removal, its minimum term '
    '(of its term generation, credit_gz.entry_term: from listing or from correction) reached, obligations performed, a '
    'repair commitment on file, no repair bar.';

-- ====================================================================
-- Repair applications (信用修复申请)
-- ====================================================================

CREATE TABLE credit_gz.repair_application (
    application_id   bigint GENERATED ALWAYS AS IDENTITY,
    subject_id       bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    record_id        bigint,
    entry_id         bigint,
    department_code  text NOT NULL REFERENCES credit_gz.department (code),
    channel          text NOT NULL CHECK (channel IN ('standard', 'green')),
    statement        text,
    obligations_performed_on date,
    status           text NOT NULL DEFAULT 'submitted'
                     CHECK (status IN ('submitted', 'accepted', 'refused', 'approved', 'rejected')),
    submitted_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    accept_due       date NOT NULL,
    accepted_at      timestamptz,
    decide_due       date,
    decided_at       timestamptz,
    decided_by       text,
    decision_reason  text,
    accept_overdue_at timestamptz,
    decide_overdue_at timestamptz,
    source_platform  text REFERENCES credit_gz.sync_target (code),
    source_application_no text,
    received_on      date,
    query_code       text,
    reply_due        date,
    extended_on      date,
    extension_reason text,
    CONSTRAINT repair_application_source_check
        CHECK ((source_platform IS NULL) = (source_application_no IS NULL) AND (source_platform IS NULL) = (received_on IS NULL)),
    CONSTRAINT repair_application_extension_check CHECK ((extended_on IS NULL) = (extension_reason IS NULL)),
    CHECK ((record_id IS NULL) <> (entry_id IS NULL)),
    CHECK (status NOT IN ('refused', 'rejected') OR decision_reason IS NOT NULL),
    CHECK ((status IN ('accepted', 'approved', 'rejected')) = (accepted_at IS NOT NULL)),
    CHECK ((status IN ('refused', 'approved', 'rejected')) = (decided_at IS NOT NULL)),
    PRIMARY KEY (subject_id, application_id),
    CONSTRAINT repair_application_record_id_fkey FOREIGN KEY (subject_id, record_id)
        REFERENCES credit_gz.record (subject_id, record_id),
    CONSTRAINT repair_application_entry_id_fkey FOREIGN KEY (subject_id, entry_id)
        REFERENCES credit_gz.list_entry (subject_id, entry_id)
);
COMMENT ON TABLE credit_gz.repair_application IS
    '信用修复申请 / credit repair applications for a record or a list entry: submitted → accepted or refused (within '
    'the acceptance deadline) → approved or rejected (within the decision deadline). Eligibility is checked on submission '
    'and again on approval; approval unpublishes and archives the record or entry as repaired, in the same transaction '
    '(scores and derived entries follow through their triggers), and writes the decision to sync_outbox (二(四)).';
COMMENT ON COLUMN credit_gz.repair_application.application_id IS '申请编号 / application id';
COMMENT ON COLUMN credit_gz.repair_application.subject_id IS '申请主体 / the subject applying (from the record or entry)';
COMMENT ON COLUMN credit_gz.repair_application.record_id IS '信用记录 / the record to repair (or entry_id)';
COMMENT ON COLUMN credit_gz.repair_application.entry_id IS '名单记录 / the list entry to repair (or record_id)';
COMMENT ON COLUMN credit_gz.repair_application.department_code IS
    '办理部门 / handling department: the department that made the decision or listing (谁认定、谁修复)';
COMMENT ON COLUMN credit_gz.repair_application.channel IS '通道 / standard or green (绿色通道, set on submission)';
COMMENT ON COLUMN credit_gz.repair_application.statement IS '申请说明 / the applicant''s statement';
COMMENT ON COLUMN credit_gz.repair_application.obligations_performed_on IS
    '义务履行日期 / the day the obligations of the decision were performed (evidence checked on acceptance)';
COMMENT ON COLUMN credit_gz.repair_application.status IS
    '状态 / submitted 已提交, accepted 已受理, refused 不予受理, approved 准予修复, rejected 不予修复';
COMMENT ON COLUMN credit_gz.repair_application.submitted_at IS '提交时间 / submitted at';
COMMENT ON COLUMN credit_gz.repair_application.accept_due IS '受理期限 / last day to accept or refuse';
COMMENT ON COLUMN credit_gz.repair_application.accepted_at IS '受理时间 / accepted at';
COMMENT ON COLUMN credit_gz.repair_application.decide_due IS '办结期限 / last day to approve or reject';
COMMENT ON COLUMN credit_gz.repair_application.decided_at IS '决定时间 / refused, approved or rejected at';
COMMENT ON COLUMN credit_gz.repair_application.decided_by IS '经办人 / database role that took the last decision';
COMMENT ON COLUMN credit_gz.repair_application.decision_reason IS '决定理由 / reasons (required for refusal and rejection)';
COMMENT ON COLUMN credit_gz.repair_application.accept_overdue_at IS
    '受理逾期标记 / when run_expiry found the acceptance deadline passed without a decision';
COMMENT ON COLUMN credit_gz.repair_application.decide_overdue_at IS
    '办结逾期标记 / when run_expiry found the decision deadline passed without a decision';
COMMENT ON COLUMN credit_gz.repair_application.source_platform IS
    '受理平台 / the platform the application came through (信用中国 as the single repair window, 国办发〔2025〕22号; '
    'its offline windows included), a credit_gz.sync_target code; NULL: submitted here';
COMMENT ON COLUMN credit_gz.repair_application.source_application_no IS '平台申请编号 / the platform''s application number';
COMMENT ON COLUMN credit_gz.repair_application.received_on IS
    '接收日期 / the day the platform received the application: its deadlines run from this day';
COMMENT ON COLUMN credit_gz.repair_application.query_code IS
    '进度查询码 / the query code the applicant follows progress with on the platform (信用修复进度查询); sent with every '
    'progress message';
COMMENT ON COLUMN credit_gz.repair_application.reply_due IS
    '答复期限 / last day the platform answers the applicant (applications received through a platform)';
COMMENT ON COLUMN credit_gz.repair_application.extended_on IS '延期日期 / the day the deadlines were extended (复杂情形)';
COMMENT ON COLUMN credit_gz.repair_application.extension_reason IS '延期理由 / why the case is complex';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_application', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_application_application_id_seq', '');
-- Decisions name an application by its id alone (repair_accept, repair_refuse, repair_approve, repair_reject).
CREATE INDEX repair_application_id_idx ON credit_gz.repair_application (application_id);
CREATE INDEX repair_application_record_idx ON credit_gz.repair_application (subject_id, record_id) WHERE record_id IS NOT NULL;
CREATE INDEX repair_application_entry_idx ON credit_gz.repair_application (subject_id, entry_id) WHERE entry_id IS NOT NULL;
-- One open application per record or entry.
CREATE UNIQUE INDEX repair_application_open_record_idx ON credit_gz.repair_application (subject_id, record_id)
    WHERE status IN ('submitted', 'accepted') AND record_id IS NOT NULL;
CREATE UNIQUE INDEX repair_application_open_entry_idx ON credit_gz.repair_application (subject_id, entry_id)
    WHERE status IN ('submitted', 'accepted') AND entry_id IS NOT NULL;
-- The expiry job finds overdue applications through these; they hold only the open, not yet flagged ones.
CREATE INDEX repair_application_accept_due_idx ON credit_gz.repair_application (accept_due)
    WHERE status = 'submitted' AND accept_overdue_at IS NULL;
CREATE INDEX repair_application_decide_due_idx ON credit_gz.repair_application (decide_due)
    WHERE status = 'accepted' AND decide_overdue_at IS NULL;
COMMENT ON INDEX credit_gz.repair_application_id_idx IS 'an application by its id alone (the decision functions)';
COMMENT ON INDEX credit_gz.repair_application_open_record_idx IS 'one open application per record';
COMMENT ON INDEX credit_gz.repair_application_open_entry_idx IS 'one open application per list entry';
COMMENT ON INDEX credit_gz.repair_application_accept_due_idx IS 'run_expiry: acceptance deadlines not yet flagged';
COMMENT ON INDEX credit_gz.repair_application_decide_due_idx IS 'run_expiry: decision deadlines not yet flagged';
COMMENT ON INDEX credit_gz.repair_application_record_idx IS 'applications by record';
COMMENT ON INDEX credit_gz.repair_application_entry_idx IS 'applications by list entry';
CREATE UNIQUE INDEX repair_application_source_idx
    ON credit_gz.repair_application (subject_id, source_platform, source_application_no)
    WHERE source_platform IS NOT NULL;
COMMENT ON INDEX credit_gz.repair_application_source_idx IS 'one application of a subject per platform application number';

-- repair_target: how a message names what a repair application is about — the record by its document number, the
-- list entry by its case number, with the subject's code.
CREATE FUNCTION credit_gz.repair_target(subject_id bigint, record_id bigint, entry_id bigint) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN $2 IS NOT NULL
                THEN credit_gz.msg('credit record %s of subject %s',
                                   (SELECT r.document_no FROM credit_gz.record r WHERE r.subject_id = $1 AND r.record_id = $2),
                                   credit_gz.subject_code($1))
                ELSE credit_gz.msg('list entry %s of subject %s',
                                   (SELECT e.basis_document FROM credit_gz.list_entry e WHERE e.subject_id = $1 AND e.entry_id = $3),
                                   credit_gz.subject_code($1)) END
$$;
COMMENT ON FUNCTION credit_gz.repair_target(bigint, bigint, bigint) IS
    '修复对象的消息用语 / how messages name the target of a repair application: the record by its document number or '
    'the list entry by its case number, and the subject by its code.';

CREATE FUNCTION credit_gz.repair_raise_ineligible(what text, reasons text[], eligible_from date) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'CG611',
              MESSAGE = CASE WHEN eligible_from IS NOT NULL
                             THEN credit_gz.msg('%s is not eligible for credit repair before %s', what,
                                                pg_catalog.to_char(eligible_from, 'YYYY-MM-DD'))
                             ELSE credit_gz.msg('%s is not eligible for credit repair', what) END,
              DETAIL = credit_gz.msg('Reasons: %s.', array_to_string(reasons, '; ')),
              HINT = CASE WHEN eligible_from IS NOT NULL
                          THEN credit_gz.msg('Apply again on or after %s.', pg_catalog.to_char(eligible_from, 'YYYY-MM-DD'))
                          ELSE credit_gz.msg('Remove the reasons listed (perform the obligations, file a repair commitment) and apply again.') END;
END $$;
COMMENT ON FUNCTION credit_gz.repair_raise_ineligible(text, text[], date) IS
    'Raises CG611 (not eligible for repair) with every reason and, when only dates stand in the way, the first eligible day.';

-- BEFORE INSERT: fill subject, department, channel and acceptance deadline; refuse ineligible applications.
CREATE FUNCTION credit_gz.repair_application_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    el record;
    day date := credit_gz.policy_date();
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('a repair application starts as submitted, not %s', NEW.status),
            HINT = credit_gz.msg('Insert with the default status and use repair_accept/repair_approve.');
    END IF;
    NEW.submitted_at := pg_catalog.now();    -- deadlines run from the real submission day
    NEW.accepted_at := NULL; NEW.decided_at := NULL; NEW.decide_due := NULL;
    NEW.accept_overdue_at := NULL; NEW.decide_overdue_at := NULL;
    -- The record (entry) is locked as the approval locks it, FOR NO KEY UPDATE before any application row: two
    -- repairs of one record queue there, and the second then meets the first's application (23505) or the record
    -- it repaired (CG611), never a deadlock (a share lock here would let both hold it and wait for each other).
    IF NEW.record_id IS NOT NULL THEN
        SELECT r.subject_id, r.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.record r WHERE r.record_id = NEW.record_id FOR NO KEY UPDATE;
        SELECT * INTO el FROM credit_gz.record_repair_eligibility(NEW.record_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(credit_gz.repair_target(NEW.subject_id, NEW.record_id, NULL),
                                                      el.reasons, el.eligible_from);
        END IF;
    ELSIF NEW.entry_id IS NOT NULL THEN
        SELECT e.subject_id, e.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.list_entry e WHERE e.entry_id = NEW.entry_id FOR NO KEY UPDATE;
        SELECT * INTO el FROM credit_gz.entry_repair_eligibility(NEW.entry_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(credit_gz.repair_target(NEW.subject_id, NULL, NEW.entry_id),
                                                      el.reasons, el.eligible_from);
        END IF;
    END IF;
    NEW.channel := credit_gz.repair_channel(NEW.subject_id, day);
    NEW.extended_on := NULL; NEW.extension_reason := NULL;
    IF NEW.source_platform IS NULL THEN
        NEW.accept_due := credit_gz.deadline('repair', 'acceptance', NEW.channel, day);
        NEW.reply_due := NULL;
    ELSE
        -- 国办发〔2025〕22号: received through 信用中国 (one window): the determining department decides within the
        -- department_decision rule, the platform answers the applicant within the platform_reply rule, both from receipt.
        IF NULLIF(pg_catalog.btrim(NEW.source_application_no), '') IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = credit_gz.msg('a repair application received through %s needs the platform''s application number',
                                        NEW.source_platform),
                HINT = credit_gz.msg('Give source_application_no as the platform numbered it.');
        END IF;
        IF NEW.received_on > day THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = credit_gz.msg('repair application %s of %s cannot be received on %s, after the policy date %s',
                                        NEW.source_application_no, NEW.source_platform,
                                        pg_catalog.to_char(NEW.received_on, 'YYYY-MM-DD'), pg_catalog.to_char(day, 'YYYY-MM-DD')),
                HINT = credit_gz.msg('Give the day the platform received the application.');
        END IF;
        NEW.accept_due := credit_gz.deadline('repair', 'department_decision', NEW.channel, NEW.received_on);
        NEW.reply_due := credit_gz.deadline('repair', 'platform_reply', NEW.channel, NEW.received_on);
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_insert() IS
    'Trigger: on submission fills the subject and handling department from the record or entry, the channel (green for '
    '防疫重点保障企业) and the acceptance deadline (for an application received through 信用中国: the department''s '
    'decision deadline and the platform''s reply deadline, from the day received); an ineligible application fails '
    'with CG611, reasons and eligible date.';
CREATE TRIGGER repair_application_insert BEFORE INSERT ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.repair_application_insert();
COMMENT ON TRIGGER repair_application_insert ON credit_gz.repair_application IS
    '修复申请受理前检查 / fills subject, department, channel and acceptance deadline; refuses ineligible applications (CG611)';

-- BEFORE UPDATE: the state machine. Identity columns never change; the status moves one step at a time.
CREATE FUNCTION credit_gz.repair_application_transition() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    el record;
    now_ts timestamptz := pg_catalog.now();
    day date := credit_gz.policy_date();
    ext_days integer;
    running_due date;
BEGIN
    IF (NEW.subject_id, NEW.record_id, NEW.entry_id, NEW.department_code, NEW.channel, NEW.submitted_at,
        NEW.source_platform, NEW.source_application_no, NEW.received_on, NEW.query_code)
       IS DISTINCT FROM
       (OLD.subject_id, OLD.record_id, OLD.entry_id, OLD.department_code, OLD.channel, OLD.submitted_at,
        OLD.source_platform, OLD.source_application_no, OLD.received_on, OLD.query_code)
       OR ((NEW.accept_due, NEW.reply_due) IS DISTINCT FROM (OLD.accept_due, OLD.reply_due)
           AND (NEW.extended_on, NEW.extension_reason) IS NOT DISTINCT FROM (OLD.extended_on, OLD.extension_reason)) THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('the subject, target, department, channel, origin and deadlines of the repair application for %s cannot change',
                                    credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id)),
            HINT = credit_gz.msg('Submit a new application instead; extend deadlines with repair_extend.');
    END IF;
    IF (NEW.extended_on, NEW.extension_reason) IS DISTINCT FROM (OLD.extended_on, OLD.extension_reason) THEN
        -- 复杂情形延期 (国办发〔2025〕22号): once, before the running deadline has passed, with a reason; every running
        -- deadline moves by the extension rule in force on the day.
        IF NEW.status <> OLD.status OR OLD.status NOT IN ('submitted', 'accepted') THEN
            RAISE EXCEPTION USING ERRCODE = 'CG613',
                MESSAGE = credit_gz.msg('only an open repair application can be extended, and not in the same step as a decision'),
                DETAIL = credit_gz.msg('The repair application for %s is %s.', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id), OLD.status),
                HINT = credit_gz.msg('Extend with repair_extend while the application is submitted or accepted.');
        END IF;
        IF OLD.extended_on IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'CG613',
                MESSAGE = credit_gz.msg('the repair application for %s was already extended on %s', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id),
                                        pg_catalog.to_char(OLD.extended_on, 'YYYY-MM-DD')),
                HINT = credit_gz.msg('A case is extended once.');
        END IF;
        IF NULLIF(pg_catalog.btrim(NEW.extension_reason), '') IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = credit_gz.msg('extending the repair application for %s needs a reason', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id)),
                HINT = credit_gz.msg('Say why the case is complex in extension_reason.');
        END IF;
        running_due := CASE WHEN OLD.status = 'submitted' THEN OLD.accept_due ELSE OLD.decide_due END;
        IF day > running_due THEN
            RAISE EXCEPTION USING ERRCODE = 'CG613',
                MESSAGE = credit_gz.msg('the deadline of the repair application for %s passed on %s: it can no longer be extended',
                                        credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id), pg_catalog.to_char(running_due, 'YYYY-MM-DD')),
                HINT = credit_gz.msg('Decide the application; the decision is reported as late.');
        END IF;
        ext_days := credit_gz.deadline_working_days('repair', 'extension', OLD.channel, day);
        NEW.extended_on := day;
        NEW.accept_due := CASE WHEN OLD.status = 'submitted' THEN credit_gz.add_working_days(OLD.accept_due, ext_days)
                               ELSE OLD.accept_due END;
        NEW.decide_due := CASE WHEN OLD.status = 'accepted' THEN credit_gz.add_working_days(OLD.decide_due, ext_days) END;
        NEW.reply_due := credit_gz.add_working_days(OLD.reply_due, ext_days);
        NEW.accepted_at := OLD.accepted_at; NEW.decided_at := OLD.decided_at;
        NEW.decision_reason := OLD.decision_reason; NEW.decided_by := current_user;
        RETURN NEW;
    END IF;
    IF NEW.status = OLD.status THEN
        -- Same state: only the expiry job's overdue flags and the statement may change.
        IF (NEW.accepted_at, NEW.decided_at, NEW.decide_due, NEW.decision_reason, NEW.decided_by)
           IS DISTINCT FROM (OLD.accepted_at, OLD.decided_at, OLD.decide_due, OLD.decision_reason, OLD.decided_by) THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = credit_gz.msg('decisions on the repair application for %s are recorded by changing its status', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id)),
                HINT = credit_gz.msg('Use repair_accept, repair_refuse, repair_approve or repair_reject.');
        END IF;
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'submitted' AND NEW.status IN ('accepted', 'refused'))
            OR (OLD.status = 'accepted' AND NEW.status IN ('approved', 'rejected'))) THEN
        RAISE EXCEPTION USING ERRCODE = 'CG612',
            MESSAGE = credit_gz.msg('the repair application for %s cannot go from %s to %s', credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id), OLD.status, NEW.status),
            DETAIL = credit_gz.msg('An application is submitted, then accepted or refused, then (if accepted) approved or rejected.'),
            HINT = credit_gz.msg('Submit a new application to start again.');
    END IF;
    IF NEW.status IN ('refused', 'rejected') AND NULLIF(pg_catalog.btrim(NEW.decision_reason), '') IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = CASE WHEN NEW.status = 'refused'
                           THEN credit_gz.msg('refusing the repair application for %s needs a reason',
                                              credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id))
                           ELSE credit_gz.msg('rejecting the repair application for %s needs a reason',
                                              credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id)) END,
            HINT = credit_gz.msg('Give the reason in decision_reason.');
    END IF;
    NEW.decided_by := current_user;
    IF NEW.status = 'accepted' THEN
        NEW.accepted_at := now_ts;
        -- Received through a platform: the department's decision deadline runs from receipt (accept_due, extended
        -- where the case was extended); otherwise the decision rule of the handling department runs from acceptance.
        NEW.decide_due := CASE WHEN OLD.source_platform IS NOT NULL THEN OLD.accept_due
                               ELSE credit_gz.deadline('repair', 'decision', OLD.channel, day, OLD.department_code) END;
        NEW.decided_at := NULL;
    ELSE
        NEW.accepted_at := OLD.accepted_at;
        NEW.decide_due := OLD.decide_due;
        NEW.decided_at := now_ts;
    END IF;
    IF NEW.status = 'approved' THEN
        -- Conditions must still hold on the day of approval (a commitment may have been broken meanwhile).
        IF OLD.record_id IS NOT NULL THEN
            PERFORM 1 FROM credit_gz.record WHERE subject_id = OLD.subject_id AND record_id = OLD.record_id
                FOR NO KEY UPDATE;
            SELECT * INTO el FROM credit_gz.record_repair_eligibility(OLD.record_id, day, OLD.obligations_performed_on);
        ELSE
            PERFORM 1 FROM credit_gz.list_entry WHERE subject_id = OLD.subject_id AND entry_id = OLD.entry_id
                FOR NO KEY UPDATE;
            SELECT * INTO el FROM credit_gz.entry_repair_eligibility(OLD.entry_id, day, OLD.obligations_performed_on);
        END IF;
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(
                credit_gz.repair_target(OLD.subject_id, OLD.record_id, OLD.entry_id), el.reasons, el.eligible_from);
        END IF;
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_transition() IS
    'Trigger: enforces submitted → accepted/refused → approved/rejected (CG612 otherwise), stamps times and the acting '
    'role, sets the decision deadline on acceptance, re-checks eligibility on approval (CG611), and records one '
    'extension of an open case with its reason, before its deadline, moving every running deadline (CG613 otherwise).';
CREATE TRIGGER repair_application_transition BEFORE UPDATE ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.repair_application_transition();
COMMENT ON TRIGGER repair_application_transition ON credit_gz.repair_application IS
    '修复申请状态机 / allowed status steps only (CG612), times, deadlines, eligibility re-checked on approval';

-- AFTER UPDATE: apply a decision. Approval unpublishes and archives; scores and derived entries follow by triggers.
CREATE FUNCTION credit_gz.repair_application_apply() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    legal boolean;
    due date;
BEGIN
    -- Progress (信用修复进度查询): acceptance and extension of an application received through a platform go back to
    -- that platform with its number and query code.
    IF NEW.source_platform IS NOT NULL
       AND (NEW.status = 'accepted' AND OLD.status <> 'accepted' OR NEW.extended_on IS DISTINCT FROM OLD.extended_on) THEN
        PERFORM credit_gz.sync_outbox_enqueue_to(NEW.subject_id, NEW.source_platform, 'repair_progress',
            pg_catalog.jsonb_build_object(
                'application_id', NEW.application_id, 'source_application_no', NEW.source_application_no,
                'query_code', NEW.query_code, 'status', NEW.status,
                'event', CASE WHEN NEW.extended_on IS DISTINCT FROM OLD.extended_on THEN 'extended' ELSE 'accepted' END,
                'decide_due', COALESCE(NEW.decide_due, NEW.accept_due), 'reply_due', NEW.reply_due,
                'extension_reason', NEW.extension_reason));
    END IF;
    IF NEW.status = OLD.status OR NEW.status = 'accepted' THEN
        RETURN NULL;
    END IF;
    due := CASE WHEN NEW.status = 'refused' THEN NEW.accept_due ELSE NEW.decide_due END;
    IF NEW.status = 'approved' THEN
        IF NEW.record_id IS NOT NULL THEN
            UPDATE credit_gz.record SET status = 'repaired', disclosure = 'archived'
            WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id;
        ELSE
            UPDATE credit_gz.list_entry
            SET status = 'repaired', status_changed_on = credit_gz.policy_date(NEW.decided_at),
                status_reason = format('信用修复 repair application %s', NEW.application_id)
            WHERE subject_id = NEW.subject_id AND entry_id = NEW.entry_id;
        END IF;
    END IF;
    -- 一网通办、协同修复: every final decision goes to 信用中国 (and 国家企业信用信息公示系统 for legal entities).
    SELECT s.uscc IS NOT NULL INTO legal FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id;
    PERFORM credit_gz.sync_outbox_enqueue(NEW.subject_id, 'repair_decision',
        pg_catalog.jsonb_build_object(
            'application_id', NEW.application_id, 'decision', NEW.status, 'channel', NEW.channel,
            'record_id', NEW.record_id, 'entry_id', NEW.entry_id, 'department_code', NEW.department_code,
            'document_no', (SELECT r.document_no FROM credit_gz.record r
                             WHERE r.subject_id = NEW.subject_id AND r.record_id = NEW.record_id),
            'basis_document', (SELECT e.basis_document FROM credit_gz.list_entry e
                                WHERE e.subject_id = NEW.subject_id AND e.entry_id = NEW.entry_id),
            'decided_at', NEW.decided_at, 'reason', NEW.decision_reason,
            'source_platform', NEW.source_platform, 'source_application_no', NEW.source_application_no,
            'query_code', NEW.query_code, 'due', due,
            'late', credit_gz.policy_date(NEW.decided_at) > due),
        COALESCE(legal, false));
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_apply() IS
    'Trigger: on approval marks the record repaired and archived (or the entry repaired) in the same transaction; every '
    'final decision (refused, approved, rejected) is written to sync_outbox for 协同修复 (信用中国, 国家企业信用信息公示系统, '
    '征信机构), with its deadline and whether it came late; acceptance and extension of an application received through '
    'a platform go back to that platform as repair_progress.';
CREATE TRIGGER repair_application_apply AFTER UPDATE OF status, extended_on ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.repair_application_apply();
COMMENT ON TRIGGER repair_application_apply ON credit_gz.repair_application IS
    '修复决定生效 / approval repairs and archives the record or entry; decisions and platform progress go to sync_outbox';

CREATE FUNCTION credit_gz.repair_submit(record_id bigint, obligations_performed_on date, statement text DEFAULT NULL)
RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT credit_gz.require_primary(credit_gz.msg('a repair application'));
    INSERT INTO credit_gz.repair_application (record_id, obligations_performed_on, statement)
    VALUES (repair_submit.record_id, repair_submit.obligations_performed_on, repair_submit.statement)
    RETURNING *;
END;
COMMENT ON FUNCTION credit_gz.repair_submit(bigint, date, text) IS
    '提交信用修复申请(信用记录) / applies for repair of a credit record; the trigger fills subject, department, channel and '
    'the acceptance deadline (CG611 with reasons and the first eligible day when not eligible).';

CREATE FUNCTION credit_gz.repair_submit_entry(entry_id bigint, obligations_performed_on date, statement text DEFAULT NULL)
RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT credit_gz.require_primary(credit_gz.msg('a repair application'));
    INSERT INTO credit_gz.repair_application (entry_id, obligations_performed_on, statement)
    VALUES (repair_submit_entry.entry_id, repair_submit_entry.obligations_performed_on, repair_submit_entry.statement)
    RETURNING *;
END;
COMMENT ON FUNCTION credit_gz.repair_submit_entry(bigint, date, text) IS
    '提交信用修复申请(名单) / applies for early removal (repair) of a list entry; see repair_submit.';

CREATE FUNCTION credit_gz.repair_decide(application_id bigint, new_status text, reason text)
RETURNS credit_gz.repair_application
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a credit_gz.repair_application;
BEGIN
    UPDATE credit_gz.repair_application r SET status = new_status, decision_reason = COALESCE(reason, r.decision_reason)
    WHERE r.application_id = repair_decide.application_id
    RETURNING * INTO a;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'P0002',
            MESSAGE = credit_gz.msg('repair application %s does not exist', application_id),
            HINT = credit_gz.msg('Look the application up in credit_gz.repair_application.');
    END IF;
    RETURN a;
END $$;
COMMENT ON FUNCTION credit_gz.repair_decide(bigint, text, text) IS
    'Moves a repair application to a new status with a reason (the trigger enforces the order and applies approval).';

CREATE FUNCTION credit_gz.repair_accept(application_id bigint) RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.repair_decide(application_id, 'accepted', NULL);
COMMENT ON FUNCTION credit_gz.repair_accept(bigint) IS '受理 / accepts an application; sets the decision deadline.';

CREATE FUNCTION credit_gz.repair_refuse(application_id bigint, reason text) RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.repair_decide(application_id, 'refused', reason);
COMMENT ON FUNCTION credit_gz.repair_refuse(bigint, text) IS '不予受理 / refuses to accept an application, with the reason.';

CREATE FUNCTION credit_gz.repair_approve(application_id bigint, reason text DEFAULT NULL) RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.repair_decide(application_id, 'approved', reason);
COMMENT ON FUNCTION credit_gz.repair_approve(bigint, text) IS
    '准予修复 / approves: re-checks eligibility, then the record (or entry) stops being published and is archived as '
    'repaired, scores and derived entries follow, the decision goes to sync_outbox — one transaction.';

CREATE FUNCTION credit_gz.repair_reject(application_id bigint, reason text) RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.repair_decide(application_id, 'rejected', reason);
COMMENT ON FUNCTION credit_gz.repair_reject(bigint, text) IS '不予修复 / rejects an accepted application, with the reason.';

CREATE FUNCTION credit_gz.repair_receive(source_platform text, source_application_no text, received_on date,
                                         query_code text, record_id bigint, entry_id bigint,
                                         obligations_performed_on date, statement text DEFAULT NULL)
RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO credit_gz.repair_application (source_platform, source_application_no, received_on, query_code,
                                              record_id, entry_id, obligations_performed_on, statement)
    VALUES (repair_receive.source_platform, repair_receive.source_application_no, repair_receive.received_on,
            repair_receive.query_code, repair_receive.record_id, repair_receive.entry_id,
            repair_receive.obligations_performed_on, repair_receive.statement)
    RETURNING *;
END;
COMMENT ON FUNCTION credit_gz.repair_receive(text, text, date, text, bigint, bigint, date, text) IS
    '接收信用中国修复申请 / records a repair application received through a platform (信用中国, the single repair window '
    'of 国办发〔2025〕22号, or its offline windows) with its number, the day received and the applicant''s query code, for '
    'a record or a list entry (one of the two); the department''s decision deadline and the platform''s reply deadline '
    'run from the day received (deadline rules department_decision, platform_reply).';

CREATE FUNCTION credit_gz.repair_extend(application_id bigint, reason text) RETURNS credit_gz.repair_application
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a credit_gz.repair_application;
BEGIN
    UPDATE credit_gz.repair_application r SET extended_on = credit_gz.policy_date(), extension_reason = reason
    WHERE r.application_id = repair_extend.application_id
    RETURNING * INTO a;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'P0002',
            MESSAGE = credit_gz.msg('repair application %s does not exist', application_id),
            HINT = credit_gz.msg('Look the application up in credit_gz.repair_application.');
    END IF;
    RETURN a;
END $$;
COMMENT ON FUNCTION credit_gz.repair_extend(bigint, text) IS
    '复杂情形延期 / extends an open application once, before its deadline, with the reason: the running deadlines move by '
    'the extension rule in force on the day (CG613 otherwise); a platform''s application gets a progress message.';

CREATE TRIGGER repair_bar_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.repair_bar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('bar_id');
COMMENT ON TRIGGER repair_bar_audit ON credit_gz.repair_bar IS
    '审计 / audit log of every change of a repair bar';
CREATE TRIGGER repair_application_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('application_id');
COMMENT ON TRIGGER repair_application_audit ON credit_gz.repair_application IS
    '审计 / audit log of every change of an application';
