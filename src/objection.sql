-- objections: disputes of a record (异议处理), its states and deadlines.
-- Policy: 穗府办函〔2020〕35号 二(四) (异议处理); 《广州市公共信用信息管理规定》.

-- ====================================================================
-- Objections (异议处理): 《广州市公共信用信息管理规定》
-- ====================================================================

CREATE TABLE credit_gz.objection (
    objection_id     bigint GENERATED ALWAYS AS IDENTITY,
    subject_id       bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    record_id        bigint NOT NULL,
    department_code  text NOT NULL REFERENCES credit_gz.department (code),
    claim            text NOT NULL CHECK (claim <> ''),
    prior_status     text NOT NULL,
    status           text NOT NULL DEFAULT 'submitted'
                     CHECK (status IN ('submitted', 'accepted', 'refused', 'provider_check', 'resolved')),
    submitted_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    accept_due       date NOT NULL,
    accepted_at      timestamptz,
    platform_due     date,
    referred_at      timestamptz,
    provider_due     date,
    resolved_at      timestamptz,
    outcome          text CHECK (outcome IN ('corrected', 'revoked', 'upheld')),
    corrections      jsonb,
    outcome_reason   text,
    decided_by       text,
    accept_overdue_at   timestamptz,
    platform_overdue_at timestamptz,
    provider_overdue_at timestamptz,
    CHECK ((status IN ('refused', 'resolved')) = (resolved_at IS NOT NULL)),
    CHECK ((status = 'resolved') = (outcome IS NOT NULL)),
    CHECK ((outcome = 'corrected') = (corrections IS NOT NULL)),
    CHECK (status NOT IN ('refused', 'resolved') OR outcome_reason IS NOT NULL),
    PRIMARY KEY (subject_id, objection_id),
    CONSTRAINT objection_record_id_fkey FOREIGN KEY (subject_id, record_id) REFERENCES credit_gz.record (subject_id, record_id)
);
COMMENT ON TABLE credit_gz.objection IS
    '异议申请 / objections: a subject disputes a record, which is marked under_objection at once (reports show it). '
    'Guangzhou deadlines (deadline_rule, procedure objection): acceptance, platform check, provider check. Outcome '
    'corrected (更正), revoked (撤销) or upheld (维持), applied to the record in the transaction that resolves it.';
COMMENT ON COLUMN credit_gz.objection.objection_id IS '异议编号 / objection id';
COMMENT ON COLUMN credit_gz.objection.subject_id IS '异议主体 / the subject objecting (the record''s subject)';
COMMENT ON COLUMN credit_gz.objection.record_id IS '异议记录 / the disputed record';
COMMENT ON COLUMN credit_gz.objection.department_code IS '信息提供单位 / provider of the record (checks when referred)';
COMMENT ON COLUMN credit_gz.objection.claim IS '异议内容 / what the subject disputes';
COMMENT ON COLUMN credit_gz.objection.prior_status IS '原状态 / the record''s status before the objection (restored unless revoked)';
COMMENT ON COLUMN credit_gz.objection.status IS
    '状态 / submitted 已提交, accepted 已受理(平台核查), refused 不予受理, provider_check 转提供单位核查, resolved 办结';
COMMENT ON COLUMN credit_gz.objection.submitted_at IS '提交时间 / submitted at';
COMMENT ON COLUMN credit_gz.objection.accept_due IS '受理期限 / last day to accept or refuse';
COMMENT ON COLUMN credit_gz.objection.accepted_at IS '受理时间 / accepted at';
COMMENT ON COLUMN credit_gz.objection.platform_due IS '平台核查期限 / last day of the platform check';
COMMENT ON COLUMN credit_gz.objection.referred_at IS '转送时间 / referred to the provider at';
COMMENT ON COLUMN credit_gz.objection.provider_due IS '提供单位核查期限 / last day of the provider''s check';
COMMENT ON COLUMN credit_gz.objection.resolved_at IS '办结时间 / refused or resolved at';
COMMENT ON COLUMN credit_gz.objection.outcome IS '处理结果 / corrected 更正, revoked 撤销, upheld 维持';
COMMENT ON COLUMN credit_gz.objection.corrections IS
    '更正内容 / for corrected: the record columns to change, e.g. {"severity": "general"} (document_no, decision_date, '
    'severity, item_code, domain_code)';
COMMENT ON COLUMN credit_gz.objection.outcome_reason IS '理由 / reasons (required for refusal and resolution)';
COMMENT ON COLUMN credit_gz.objection.decided_by IS '经办人 / database role that took the last step';
COMMENT ON COLUMN credit_gz.objection.accept_overdue_at IS '受理逾期标记 / flagged overdue for acceptance by run_expiry';
COMMENT ON COLUMN credit_gz.objection.platform_overdue_at IS '平台核查逾期标记 / flagged overdue for the platform check';
COMMENT ON COLUMN credit_gz.objection.provider_overdue_at IS '提供单位核查逾期标记 / flagged overdue for the provider check';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.objection', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.objection_objection_id_seq', '');
-- The objection steps name an objection by its id alone (objection_accept, objection_refuse, …).
CREATE INDEX objection_id_idx ON credit_gz.objection (objection_id);
CREATE INDEX objection_record_idx ON credit_gz.objection (subject_id, record_id);
CREATE UNIQUE INDEX objection_open_record_idx ON credit_gz.objection (subject_id, record_id)
    WHERE status IN ('submitted', 'accepted', 'provider_check');
CREATE INDEX objection_accept_due_idx ON credit_gz.objection (accept_due) WHERE status = 'submitted' AND accept_overdue_at IS NULL;
CREATE INDEX objection_platform_due_idx ON credit_gz.objection (platform_due) WHERE status = 'accepted' AND platform_overdue_at IS NULL;
CREATE INDEX objection_provider_due_idx ON credit_gz.objection (provider_due) WHERE status = 'provider_check' AND provider_overdue_at IS NULL;
COMMENT ON INDEX credit_gz.objection_id_idx IS 'an objection by its id alone (the objection steps)';
COMMENT ON INDEX credit_gz.objection_record_idx IS 'objections by record';
COMMENT ON INDEX credit_gz.objection_open_record_idx IS 'one open objection per record';
COMMENT ON INDEX credit_gz.objection_accept_due_idx IS 'run_expiry: acceptance deadlines not yet flagged';
COMMENT ON INDEX credit_gz.objection_platform_due_idx IS 'run_expiry: platform-check deadlines not yet flagged';
COMMENT ON INDEX credit_gz.objection_provider_due_idx IS 'run_expiry: provider-check deadlines not yet flagged';

-- BEFORE INSERT: mark the record under objection at once and remember its status.
CREATE FUNCTION credit_gz.objection_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.record;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('an objection starts as submitted, not %s', NEW.status),
                  HINT = credit_gz.msg('Insert with the default status and use objection_accept/objection_resolve.');
    END IF;
    SELECT * INTO r FROM credit_gz.record WHERE record_id = NEW.record_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '23503', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('credit record %s does not exist', NEW.record_id),
                  HINT = credit_gz.msg('Give the record_id of a record in credit_gz.record.');
    END IF;
    IF r.status NOT IN ('in_publicity') THEN
        RAISE EXCEPTION USING ERRCODE = 'CG621', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('credit record %s of subject %s cannot be disputed in status %s', r.document_no,
                                          credit_gz.subject_code(r.subject_id), r.status),
                  DETAIL = CASE WHEN r.status = 'under_objection' THEN credit_gz.msg('An objection to the record is already open.')
                                ELSE credit_gz.msg('Only records in publicity can be disputed.') END,
                  HINT = credit_gz.msg('Ask the provider department about records no longer published.');
    END IF;
    NEW.submitted_at := pg_catalog.now();    -- deadlines run from the real submission day
    NEW.subject_id := r.subject_id;
    NEW.department_code := r.department_code;
    NEW.prior_status := r.status;
    NEW.accepted_at := NULL; NEW.platform_due := NULL; NEW.referred_at := NULL; NEW.provider_due := NULL;
    NEW.resolved_at := NULL; NEW.outcome := NULL; NEW.corrections := NULL;
    NEW.accept_overdue_at := NULL; NEW.platform_overdue_at := NULL; NEW.provider_overdue_at := NULL;
    NEW.accept_due := credit_gz.deadline('objection', 'acceptance', 'standard', credit_gz.policy_date(NEW.submitted_at));
    UPDATE credit_gz.record SET status = 'under_objection' WHERE subject_id = r.subject_id AND record_id = NEW.record_id;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.objection_insert() IS
    'Trigger: an objection marks its record under_objection in the same statement (remembering the prior status) and '
    'gets its acceptance deadline; CG621 when the record is not in publicity or already disputed.';
CREATE TRIGGER objection_insert BEFORE INSERT ON credit_gz.objection
    FOR EACH ROW EXECUTE FUNCTION credit_gz.objection_insert();
COMMENT ON TRIGGER objection_insert ON credit_gz.objection IS
    '异议登记 / marks the record under_objection, remembers its prior status, sets the acceptance deadline';

CREATE FUNCTION credit_gz.objection_transition() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    now_ts timestamptz := pg_catalog.now();
    day date := credit_gz.policy_date();
    bad text[];
BEGIN
    IF (NEW.subject_id, NEW.record_id, NEW.department_code, NEW.claim, NEW.prior_status, NEW.submitted_at, NEW.accept_due)
       IS DISTINCT FROM
       (OLD.subject_id, OLD.record_id, OLD.department_code, OLD.claim, OLD.prior_status, OLD.submitted_at, OLD.accept_due) THEN
        RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('the record, claim and deadlines of the objection to record %s of subject %s cannot change',
                                          (SELECT r.document_no FROM credit_gz.record r WHERE r.subject_id = OLD.subject_id AND r.record_id = OLD.record_id), credit_gz.subject_code(OLD.subject_id)),
                  HINT = credit_gz.msg('File a new objection instead.');
    END IF;
    IF NEW.status = OLD.status THEN
        IF (NEW.accepted_at, NEW.platform_due, NEW.referred_at, NEW.provider_due, NEW.resolved_at, NEW.outcome,
            NEW.corrections, NEW.outcome_reason, NEW.decided_by)
           IS DISTINCT FROM
           (OLD.accepted_at, OLD.platform_due, OLD.referred_at, OLD.provider_due, OLD.resolved_at, OLD.outcome,
            OLD.corrections, OLD.outcome_reason, OLD.decided_by) THEN
            RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('steps of the objection to record %s of subject %s are recorded by changing its status',
                                              (SELECT r.document_no FROM credit_gz.record r WHERE r.subject_id = OLD.subject_id AND r.record_id = OLD.record_id), credit_gz.subject_code(OLD.subject_id)),
                      HINT = credit_gz.msg('Use objection_accept, objection_refuse, objection_refer or objection_resolve.');
        END IF;
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'submitted' AND NEW.status IN ('accepted', 'refused'))
            OR (OLD.status = 'accepted' AND NEW.status IN ('provider_check', 'resolved'))
            OR (OLD.status = 'provider_check' AND NEW.status = 'resolved')) THEN
        RAISE EXCEPTION USING ERRCODE = 'CG622', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('the objection to record %s of subject %s cannot go from %s to %s',
                                          (SELECT r.document_no FROM credit_gz.record r WHERE r.subject_id = OLD.subject_id AND r.record_id = OLD.record_id), credit_gz.subject_code(OLD.subject_id), OLD.status, NEW.status),
                  DETAIL = credit_gz.msg('An objection is submitted, then accepted or refused; an accepted one is resolved by the platform or referred to the provider, who resolves it.'),
                  HINT = credit_gz.msg('File a new objection to start again.');
    END IF;
    NEW.decided_by := current_user;
    NEW.accepted_at := OLD.accepted_at; NEW.platform_due := OLD.platform_due;
    NEW.referred_at := OLD.referred_at; NEW.provider_due := OLD.provider_due;
    CASE NEW.status
    WHEN 'accepted' THEN
        NEW.accepted_at := now_ts;
        NEW.platform_due := credit_gz.deadline('objection', 'platform_check', 'standard', day);
        NEW.outcome := NULL; NEW.corrections := NULL; NEW.resolved_at := NULL;
    WHEN 'provider_check' THEN
        NEW.referred_at := now_ts;
        NEW.provider_due := credit_gz.deadline('objection', 'provider_check', 'standard', day);
        NEW.outcome := NULL; NEW.corrections := NULL; NEW.resolved_at := NULL;
    ELSE  -- refused, resolved
        NEW.resolved_at := now_ts;
        IF NULLIF(pg_catalog.btrim(NEW.outcome_reason), '') IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = CASE NEW.status WHEN 'refused' THEN credit_gz.msg('a refused objection needs a reason')
                                                ELSE credit_gz.msg('a resolved objection needs a reason') END,
                      HINT = credit_gz.msg('Give the reason in outcome_reason.');
        END IF;
        IF NEW.status = 'refused' THEN
            NEW.outcome := NULL; NEW.corrections := NULL;
        ELSIF NEW.outcome IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('a resolved objection needs an outcome'),
                      HINT = credit_gz.msg('Set outcome to corrected, revoked or upheld.');
        ELSIF NEW.outcome = 'corrected' THEN
            IF NEW.corrections IS NULL OR pg_catalog.jsonb_typeof(NEW.corrections) <> 'object'
               OR NEW.corrections = '{}'::jsonb THEN
                RAISE EXCEPTION USING ERRCODE = '23514', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                          MESSAGE = credit_gz.msg('a corrected objection needs the corrections'),
                          HINT = credit_gz.msg('Give corrections as a JSON object, e.g. {"severity": "general"}.');
            END IF;
            SELECT array_agg(k) INTO bad FROM pg_catalog.jsonb_object_keys(NEW.corrections) k
            WHERE k NOT IN ('document_no', 'decision_date', 'severity', 'item_code', 'domain_code');
            IF bad IS NOT NULL THEN
                RAISE EXCEPTION USING ERRCODE = '22023',
                          MESSAGE = credit_gz.msg('record columns %s cannot be corrected through an objection', bad),
                          HINT = credit_gz.msg('Correct document_no, decision_date, severity, item_code or domain_code.');
            END IF;
        ELSE
            NEW.corrections := NULL;
        END IF;
    END CASE;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.objection_transition() IS
    'Trigger: enforces submitted → accepted/refused, accepted → provider_check/resolved, provider_check → resolved '
    '(CG622 otherwise), stamps times and the platform / provider deadlines, validates outcome and corrections.';
CREATE TRIGGER objection_transition BEFORE UPDATE ON credit_gz.objection
    FOR EACH ROW EXECUTE FUNCTION credit_gz.objection_transition();
COMMENT ON TRIGGER objection_transition ON credit_gz.objection IS
    '异议处理状态机 / allowed status steps only (CG622), times and platform / provider deadlines';

-- AFTER UPDATE: apply the outcome to the record (its scores follow through the scoring triggers).
CREATE FUNCTION credit_gz.objection_apply() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c jsonb := NEW.corrections;
    legal boolean;
BEGIN
    IF NEW.status = OLD.status OR NEW.status NOT IN ('refused', 'resolved') THEN
        RETURN NULL;
    END IF;
    IF NEW.status = 'refused' OR NEW.outcome = 'upheld' THEN
        UPDATE credit_gz.record SET status = NEW.prior_status
        WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id AND status = 'under_objection';
    ELSIF NEW.outcome = 'revoked' THEN
        UPDATE credit_gz.record SET status = 'revoked', disclosure = 'archived'
        WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id;
    ELSE  -- corrected
        UPDATE credit_gz.record r SET
            status        = CASE WHEN r.status = 'under_objection' THEN NEW.prior_status ELSE r.status END,
            document_no   = CASE WHEN c ? 'document_no' THEN c ->> 'document_no' ELSE r.document_no END,
            decision_date = CASE WHEN c ? 'decision_date' THEN (c ->> 'decision_date')::date ELSE r.decision_date END,
            severity      = CASE WHEN c ? 'severity' THEN c ->> 'severity' ELSE r.severity END,
            item_code     = CASE WHEN c ? 'item_code' THEN c ->> 'item_code' ELSE r.item_code END,
            domain_code   = CASE WHEN c ? 'domain_code' THEN c ->> 'domain_code' ELSE r.domain_code END
        WHERE r.subject_id = NEW.subject_id AND r.record_id = NEW.record_id;
    END IF;
    IF NEW.status = 'resolved' THEN
        SELECT s.uscc IS NOT NULL INTO legal FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id;
        PERFORM credit_gz.sync_outbox_enqueue(NEW.subject_id, 'objection_outcome',
            pg_catalog.jsonb_build_object('objection_id', NEW.objection_id, 'record_id', NEW.record_id,
                'department_code', NEW.department_code, 'outcome', NEW.outcome, 'corrections', NEW.corrections,
                'resolved_at', NEW.resolved_at, 'reason', NEW.outcome_reason),
            COALESCE(legal, false));
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.objection_apply() IS
    'Trigger: refused or upheld restores the record''s prior status; revoked marks it revoked and archived; corrected '
    'applies the corrections and restores the status — in the resolving transaction; outcomes go to sync_outbox.';
CREATE TRIGGER objection_apply AFTER UPDATE OF status ON credit_gz.objection
    FOR EACH ROW EXECUTE FUNCTION credit_gz.objection_apply();
COMMENT ON TRIGGER objection_apply ON credit_gz.objection IS
    '异议处理结果生效 / restores, corrects or revokes the record in the resolving transaction';

CREATE FUNCTION credit_gz.objection_submit(record_id bigint, claim text) RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT credit_gz.require_primary(credit_gz.msg('an objection'));
    INSERT INTO credit_gz.objection (record_id, claim) VALUES (objection_submit.record_id, objection_submit.claim)
    RETURNING *;
END;
COMMENT ON FUNCTION credit_gz.objection_submit(bigint, text) IS
    '提出异议 / files an objection; the record is marked under_objection at once.';

CREATE FUNCTION credit_gz.objection_step(objection_id bigint, new_status text, outcome text, reason text,
                                         corrections jsonb)
RETURNS credit_gz.objection
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    o credit_gz.objection;
BEGIN
    UPDATE credit_gz.objection x
    SET status = new_status, outcome = objection_step.outcome,
        outcome_reason = COALESCE(reason, x.outcome_reason), corrections = objection_step.corrections
    WHERE x.objection_id = objection_step.objection_id
    RETURNING * INTO o;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('objection %s does not exist', objection_id),
              ERRCODE = 'P0002', HINT = credit_gz.msg('Look the objection up in credit_gz.objection.');
    END IF;
    RETURN o;
END $$;
COMMENT ON FUNCTION credit_gz.objection_step(bigint, text, text, text, jsonb) IS
    'Moves an objection to a new status (the trigger enforces the order and applies the outcome).';

CREATE FUNCTION credit_gz.objection_accept(objection_id bigint) RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.objection_step(objection_id, 'accepted', NULL, NULL, NULL);
COMMENT ON FUNCTION credit_gz.objection_accept(bigint) IS '受理异议 / accepts; the platform check deadline starts.';

CREATE FUNCTION credit_gz.objection_refuse(objection_id bigint, reason text) RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.objection_step(objection_id, 'refused', NULL, reason, NULL);
COMMENT ON FUNCTION credit_gz.objection_refuse(bigint, text) IS
    '不予受理 / refuses an objection with the reason; the record''s prior status returns.';

CREATE FUNCTION credit_gz.objection_refer(objection_id bigint) RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.objection_step(objection_id, 'provider_check', NULL, NULL, NULL);
COMMENT ON FUNCTION credit_gz.objection_refer(bigint) IS
    '转提供单位核查 / refers an accepted objection to the provider department; its deadline starts.';

CREATE FUNCTION credit_gz.objection_resolve(objection_id bigint, outcome text, reason text, corrections jsonb DEFAULT NULL)
RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.objection_step(objection_id, 'resolved', outcome, reason, corrections);
COMMENT ON FUNCTION credit_gz.objection_resolve(bigint, text, text, jsonb) IS
    '异议办结 / resolves an objection: corrected (with corrections), revoked or upheld, applied to the record at once.';

CREATE TRIGGER objection_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.objection
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('objection_id');
COMMENT ON TRIGGER objection_audit ON credit_gz.objection IS
    '审计 / audit log of every change of an objection';
