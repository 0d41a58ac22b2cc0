-- repair: working-day calendar, deadline rules, the sync outbox (信用修复、异议处理、协同修复).
-- Policy: 穗府办函〔2020〕35号 二(四) 加强市场主体权益保障 (信用修复 "一网通办", 协同修复, 异议处理),
--         三(五) 以信用支持企业复工复产 (防疫重点企业信用修复绿色通道).

-- ====================================================================
-- Working-day calendar (工作日历)
-- ====================================================================

CREATE TABLE credit_gz.calendar (
    day      date PRIMARY KEY CHECK (pg_catalog.isfinite(day)),
    kind     text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name_zh  text NOT NULL,
    source   text,
    shipped  boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.calendar IS
    '工作日历: 法定节假日与调休上班日 / working-day calendar: public holidays and adjusted working weekends (调休). '
    'Monday to Friday are working days unless listed here as holiday; a weekend day listed as workday is a working day. '
    'The State Council publishes each year''s arrangement in November; a DBA loads it (see doc/repair.md).';
COMMENT ON COLUMN credit_gz.calendar.day IS '日期 / the day';
COMMENT ON COLUMN credit_gz.calendar.kind IS
    '类型: holiday 放假, workday 调休上班 / holiday (no work) or workday (an adjusted working weekend day)';
COMMENT ON COLUMN credit_gz.calendar.name_zh IS '节日名称 / the holiday the day belongs to, e.g. 春节';
COMMENT ON COLUMN credit_gz.calendar.source IS '依据 / the notice that set the day, e.g. 国办发明电〔2024〕12号';
COMMENT ON COLUMN credit_gz.calendar.shipped IS
    '随扩展发布 / true for the arrangements shipped with the extension (re-created by CREATE EXTENSION, so pg_dump '
    'keeps only locally loaded rows)';

-- The official arrangements we ship: 国办发明电〔2024〕12号 (2025) and 国办发明电〔2025〕7号 (2026).
INSERT INTO credit_gz.calendar (day, kind, name_zh, source, shipped)
SELECT d::date, k, n, s, true
FROM (VALUES
    -- 2025
    ('2025-01-01', 'holiday', '元旦', '国办发明电〔2024〕12号'),
    ('2025-01-26', 'workday', '春节', '国办发明电〔2024〕12号'),
    ('2025-01-28', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-01-29', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-01-30', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-01-31', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-01', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-02', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-03', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-04', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-08', 'workday', '春节', '国办发明电〔2024〕12号'),
    ('2025-04-04', 'holiday', '清明节', '国办发明电〔2024〕12号'),
    ('2025-04-05', 'holiday', '清明节', '国办发明电〔2024〕12号'),
    ('2025-04-06', 'holiday', '清明节', '国办发明电〔2024〕12号'),
    ('2025-04-27', 'workday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-01', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-02', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-03', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-04', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-05', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-31', 'holiday', '端午节', '国办发明电〔2024〕12号'),
    ('2025-06-01', 'holiday', '端午节', '国办发明电〔2024〕12号'),
    ('2025-06-02', 'holiday', '端午节', '国办发明电〔2024〕12号'),
    ('2025-09-28', 'workday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-01', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-02', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-03', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-04', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-05', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-06', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-07', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-08', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-11', 'workday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    -- 2026
    ('2026-01-01', 'holiday', '元旦', '国办发明电〔2025〕7号'),
    ('2026-01-02', 'holiday', '元旦', '国办发明电〔2025〕7号'),
    ('2026-01-03', 'holiday', '元旦', '国办发明电〔2025〕7号'),
    ('2026-01-04', 'workday', '元旦', '国办发明电〔2025〕7号'),
    ('2026-02-14', 'workday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-15', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-16', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-17', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-18', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-19', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-20', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-21', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-22', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-23', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-28', 'workday', '春节', '国办发明电〔2025〕7号'),
    ('2026-04-04', 'holiday', '清明节', '国办发明电〔2025〕7号'),
    ('2026-04-05', 'holiday', '清明节', '国办发明电〔2025〕7号'),
    ('2026-04-06', 'holiday', '清明节', '国办发明电〔2025〕7号'),
    ('2026-05-01', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-02', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-03', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-04', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-05', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-09', 'workday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-06-19', 'holiday', '端午节', '国办发明电〔2025〕7号'),
    ('2026-06-20', 'holiday', '端午节', '国办发明电〔2025〕7号'),
    ('2026-06-21', 'holiday', '端午节', '国办发明电〔2025〕7号'),
    ('2026-09-20', 'workday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-09-25', 'holiday', '中秋节', '国办发明电〔2025〕7号'),
    ('2026-09-26', 'holiday', '中秋节', '国办发明电〔2025〕7号'),
    ('2026-09-27', 'holiday', '中秋节', '国办发明电〔2025〕7号'),
    ('2026-10-01', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-02', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-03', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-04', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-05', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-06', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-07', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-10', 'workday', '国庆节', '国办发明电〔2025〕7号')
) AS v(d, k, n, s);

SELECT pg_catalog.pg_extension_config_dump('credit_gz.calendar', 'WHERE NOT shipped');

CREATE FUNCTION credit_gz.calendar_guard_shipped() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- Shipped rows are re-created by CREATE EXTENSION on restore, so a change to them would silently be undone.
    IF TG_OP = 'TRUNCATE' THEN
        IF EXISTS (SELECT FROM credit_gz.calendar WHERE shipped) THEN
            RAISE EXCEPTION 'credit_gz.calendar holds the shipped official arrangement and cannot be truncated'
                USING ERRCODE = '23514',
                      DETAIL = 'Rows shipped with the extension are re-created on restore, so removing them would be undone.',
                      HINT = 'Delete the local rows instead: DELETE FROM credit_gz.calendar WHERE NOT shipped.';
        END IF;
        RETURN NULL;
    END IF;
    IF OLD.shipped THEN
        RAISE EXCEPTION 'calendar day % is part of the shipped official arrangement', OLD.day
            USING ERRCODE = '23514',
                  DETAIL = 'Rows shipped with the extension are re-created on restore, so changes to them would be lost.',
                  HINT = 'Official corrections come with an extension update; load other years as new rows.';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.shipped THEN
        RAISE EXCEPTION 'calendar rows cannot be marked as shipped'
            USING ERRCODE = '23514',
                  DETAIL = 'Only the extension''s install and update scripts ship calendar rows.',
                  HINT = 'Leave shipped false for rows you load.';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
COMMENT ON FUNCTION credit_gz.calendar_guard_shipped() IS
    'Trigger: keeps the shipped official holiday arrangements unchanged (pg_dump keeps only local rows).';

CREATE FUNCTION credit_gz.calendar_guard_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- Only install/update scripts ship rows (they insert with this trigger disabled); a DBA's rows are local.
    NEW.shipped := false;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.calendar_guard_insert() IS
    'Trigger: rows a DBA inserts are local (shipped = false), so pg_dump keeps them.';

CREATE TRIGGER calendar_guard_shipped BEFORE UPDATE OR DELETE ON credit_gz.calendar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.calendar_guard_shipped();
CREATE TRIGGER calendar_guard_truncate BEFORE TRUNCATE ON credit_gz.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.calendar_guard_shipped();
CREATE TRIGGER calendar_guard_insert BEFORE INSERT ON credit_gz.calendar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.calendar_guard_insert();

CREATE FUNCTION credit_gz.calendar_invalidate() RETURNS trigger
LANGUAGE C SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_calendar_invalidate';
COMMENT ON FUNCTION credit_gz.calendar_invalidate() IS
    'Statement trigger: tells every backend to reload its cached working-day calendar once this transaction commits.';
CREATE TRIGGER calendar_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.calendar_invalidate();

CREATE FUNCTION credit_gz.add_working_days(day date, n integer) RETURNS date
LANGUAGE C STRICT STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_add_working_days';
COMMENT ON FUNCTION credit_gz.add_working_days(date, integer) IS
    '第 n 个工作日 / the n-th working day after (n > 0) or before (n < 0) the day; the day itself for 0. The start '
    'day never counts: 3 working days from Friday is Wednesday. Uses credit_gz.calendar.';

CREATE FUNCTION credit_gz.working_days_between(from_day date, to_day date) RETURNS integer
LANGUAGE C STRICT STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_working_days_between';
COMMENT ON FUNCTION credit_gz.working_days_between(date, date) IS
    '间隔工作日数 / working days after from_day up to and including to_day (negative when to_day is earlier). '
    'add_working_days(d, working_days_between(d, e)) = e for every working day e after d.';

CREATE FUNCTION credit_gz.is_working_day(day date) RETURNS boolean
LANGUAGE C STRICT STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_is_working_day';
COMMENT ON FUNCTION credit_gz.is_working_day(date) IS
    '是否工作日 / Monday to Friday unless credit_gz.calendar lists the day as a holiday; weekend days listed as workday.';

-- ====================================================================
-- Deadline rules (办理时限), data with effective dates
-- ====================================================================

CREATE TABLE credit_gz.deadline_rule (
    rule_id          integer PRIMARY KEY,
    procedure        text NOT NULL CHECK (procedure IN ('repair', 'objection')),
    step             text NOT NULL,
    channel          text NOT NULL DEFAULT 'standard' CHECK (channel IN ('standard', 'green')),
    working_days     integer NOT NULL CHECK (working_days > 0),
    effective_from   date NOT NULL,
    effective_until  date,
    source           text NOT NULL,
    note             text,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK ((procedure = 'repair' AND step IN ('acceptance', 'decision'))
        OR (procedure = 'objection' AND step IN ('acceptance', 'platform_check', 'provider_check')))
);
COMMENT ON TABLE credit_gz.deadline_rule IS
    '办理时限规则 / deadline rules for repair applications and objections, in working days, with the dates they are in '
    'force [effective_from, effective_until). A deadline runs from the day of the triggering event (application, '
    'acceptance, referral) and uses the rule in force on that day. Rows with rule_id >= 1000 are local.';
COMMENT ON COLUMN credit_gz.deadline_rule.rule_id IS '规则编号 / rule id (< 1000 shipped, >= 1000 local)';
COMMENT ON COLUMN credit_gz.deadline_rule.procedure IS '程序 / repair (信用修复) or objection (异议)';
COMMENT ON COLUMN credit_gz.deadline_rule.step IS
    '环节 / repair: acceptance 受理, decision 办结反馈; objection: acceptance 受理, platform_check 平台核查, '
    'provider_check 提供单位核查';
COMMENT ON COLUMN credit_gz.deadline_rule.channel IS
    '通道 / standard, or green (绿色通道, 防疫重点保障企业: 穗府办函〔2020〕35号 三(五))';
COMMENT ON COLUMN credit_gz.deadline_rule.working_days IS '时限(工作日) / the deadline in working days';
COMMENT ON COLUMN credit_gz.deadline_rule.effective_from IS '施行日期 / first day in force';
COMMENT ON COLUMN credit_gz.deadline_rule.effective_until IS '废止日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.deadline_rule.source IS '依据 / the legal source';
COMMENT ON COLUMN credit_gz.deadline_rule.note IS '说明 / remarks';

INSERT INTO credit_gz.deadline_rule
    (rule_id, procedure, step, channel, working_days, effective_from, source, note) VALUES
    (1, 'repair', 'acceptance', 'standard', 3, '2026-04-01', '国家发展改革委令第36号《信用修复管理办法》',
        'the authority decides within 3 working days whether to accept an application'),
    (2, 'repair', 'decision', 'standard', 10, '2026-04-01', '国家发展改革委令第36号《信用修复管理办法》',
        'the platform gives feedback within 10 working days of acceptance'),
    (3, 'objection', 'acceptance', 'standard', 2, '2024-04-01', '《广州市公共信用信息管理规定》(2024年修订)',
        'acceptance of an objection decided within 2 working days'),
    (4, 'objection', 'platform_check', 'standard', 2, '2024-04-01', '《广州市公共信用信息管理规定》(2024年修订)',
        'the platform checks within 2 working days of acceptance'),
    (5, 'objection', 'provider_check', 'standard', 10, '2024-04-01', '《广州市公共信用信息管理规定》(2024年修订)',
        'where the provider must check, it answers within 10 working days of referral'),
    (6, 'repair', 'acceptance', 'green', 1, '2026-04-01', '穗府办函〔2020〕35号 三(五) 信用修复绿色通道',
        'local setting: the policy orders a faster green channel but sets no number; confirm with 市发展改革委'),
    (7, 'repair', 'decision', 'green', 5, '2026-04-01', '穗府办函〔2020〕35号 三(五) 信用修复绿色通道',
        'local setting: the policy orders a faster green channel but sets no number; confirm with 市发展改革委');

SELECT pg_catalog.pg_extension_config_dump('credit_gz.deadline_rule', 'WHERE rule_id >= 1000');

CREATE FUNCTION credit_gz.deadline_rule_no_overlap() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    other integer;
BEGIN
    -- One rule per (procedure, step, channel) on any day; serialise writers so two concurrent inserts cannot both pass.
    LOCK TABLE credit_gz.deadline_rule IN SHARE ROW EXCLUSIVE MODE;
    SELECT r.rule_id INTO other
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = NEW.procedure AND r.step = NEW.step AND r.channel = NEW.channel
      AND r.rule_id <> NEW.rule_id
      AND pg_catalog.daterange(r.effective_from, r.effective_until) && pg_catalog.daterange(NEW.effective_from, NEW.effective_until)
    LIMIT 1;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'deadline rule % overlaps rule % for % %, channel %', NEW.rule_id, other, NEW.procedure, NEW.step, NEW.channel
            USING ERRCODE = '23P01',
                  DETAIL = 'Only one rule may be in force for a step of a procedure on any day.',
                  HINT = 'Set effective_until on the older rule first.';
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.deadline_rule_no_overlap() IS
    'Trigger: at most one deadline rule in force per procedure, step and channel on any day.';
CREATE TRIGGER deadline_rule_no_overlap BEFORE INSERT OR UPDATE ON credit_gz.deadline_rule
    FOR EACH ROW EXECUTE FUNCTION credit_gz.deadline_rule_no_overlap();

CREATE FUNCTION credit_gz.deadline_working_days(procedure text, step text, channel text, on_day date)
RETURNS integer
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
BEGIN
    -- The green channel uses its own rule where one is in force, the standard rule otherwise.
    SELECT r.working_days INTO n
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = $1 AND r.step = $2 AND r.channel IN ($3, 'standard')
      AND r.effective_from <= $4 AND (r.effective_until IS NULL OR $4 < r.effective_until)
    ORDER BY (r.channel = $3) DESC
    LIMIT 1;
    IF n IS NULL THEN
        RAISE EXCEPTION 'no deadline rule in force for % % on %', $1, $2, $4
            USING ERRCODE = 'CG601',
                  DETAIL = 'Deadlines come from credit_gz.deadline_rule; none covers that day.',
                  HINT = 'Insert a rule (rule_id >= 1000) with the deadline and the dates it is in force.';
    END IF;
    RETURN n;
END $$;
COMMENT ON FUNCTION credit_gz.deadline_working_days(text, text, text, date) IS
    '时限工作日数 / the working days a step of a procedure allows, under the rule in force on the day (green channel '
    'falls back to the standard rule); error CG601 when no rule is in force.';

CREATE FUNCTION credit_gz.deadline(procedure text, step text, channel text, from_day date) RETURNS date
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN credit_gz.add_working_days(from_day, credit_gz.deadline_working_days(procedure, step, channel, from_day));
COMMENT ON FUNCTION credit_gz.deadline(text, text, text, date) IS
    '办理期限 / the last day for a step: from_day plus the working days of the rule in force on from_day.';

-- ====================================================================
-- Sync outbox (协同修复: 信用中国, 国家企业信用信息公示系统)
-- ====================================================================

CREATE TABLE credit_gz.sync_target (
    code        text PRIMARY KEY,
    name_zh     text NOT NULL,
    applies_to  text NOT NULL CHECK (applies_to IN ('legal_entity', 'natural_person', 'both')),
    active      boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.sync_target IS
    '协同修复对象系统 / systems every repair and objection decision is sent to (一网通办, 协同修复: 二(四)).';
COMMENT ON COLUMN credit_gz.sync_target.code IS '代码 / target code';
COMMENT ON COLUMN credit_gz.sync_target.name_zh IS '名称 / name of the system';
COMMENT ON COLUMN credit_gz.sync_target.applies_to IS
    '适用主体 / legal_entity (subjects with a unified social credit code), natural_person, or both';
COMMENT ON COLUMN credit_gz.sync_target.active IS '启用 / false: no new outbox rows for this target';
INSERT INTO credit_gz.sync_target VALUES
    ('creditchina', '"信用中国"网站', 'both', true),
    ('gsxt', '国家企业信用信息公示系统', 'legal_entity', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.sync_target', 'WHERE code NOT IN (''creditchina'', ''gsxt'')');

CREATE TABLE credit_gz.sync_outbox (
    outbox_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id       bigint NOT NULL,
    target           text NOT NULL REFERENCES credit_gz.sync_target (code),
    topic            text NOT NULL,
    payload          jsonb NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT pg_catalog.now(),
    available_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    attempts         integer NOT NULL DEFAULT 0,
    claimed_by       text,
    claimed_at       timestamptz,
    last_error       text,
    acknowledged_at  timestamptz
);
COMMENT ON TABLE credit_gz.sync_outbox IS
    '协同修复发件箱 / outbox of repair and objection decisions for 信用中国 and 国家企业信用信息公示系统. Written in the '
    'transaction of the decision, consumed with credit_gz.sync_outbox_claim (SKIP LOCKED), acknowledged with '
    'sync_outbox_ack, retried with backoff by sync_outbox_retry; a claimed row that is neither acknowledged nor '
    'retried becomes available again when its lease ends, so nothing is lost.';
COMMENT ON COLUMN credit_gz.sync_outbox.outbox_id IS '编号 / id, increasing in commit-independent order';
COMMENT ON COLUMN credit_gz.sync_outbox.subject_id IS '主体 / the subject the decision concerns';
COMMENT ON COLUMN credit_gz.sync_outbox.target IS '目标系统 / credit_gz.sync_target code';
COMMENT ON COLUMN credit_gz.sync_outbox.topic IS '事项 / what happened, e.g. repair_decision, objection_outcome';
COMMENT ON COLUMN credit_gz.sync_outbox.payload IS '内容 / the message (JSON)';
COMMENT ON COLUMN credit_gz.sync_outbox.created_at IS '生成时间 / when the decision was written';
COMMENT ON COLUMN credit_gz.sync_outbox.available_at IS
    '可领取时间 / not claimable before this time (lease end after a claim, backoff after a failure)';
COMMENT ON COLUMN credit_gz.sync_outbox.attempts IS '投递次数 / times claimed';
COMMENT ON COLUMN credit_gz.sync_outbox.claimed_by IS '领取者 / the consumer of the latest claim';
COMMENT ON COLUMN credit_gz.sync_outbox.claimed_at IS '领取时间 / time of the latest claim';
COMMENT ON COLUMN credit_gz.sync_outbox.last_error IS '最近错误 / the error of the latest failed attempt';
COMMENT ON COLUMN credit_gz.sync_outbox.acknowledged_at IS '确认时间 / delivered and acknowledged (NULL: pending)';
-- Consumers only ever look at pending rows, so the index holds only those.
SELECT pg_catalog.pg_extension_config_dump('credit_gz.sync_outbox', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.sync_outbox_outbox_id_seq', '');
CREATE INDEX sync_outbox_pending ON credit_gz.sync_outbox (available_at, outbox_id) WHERE acknowledged_at IS NULL;
CREATE INDEX sync_outbox_subject ON credit_gz.sync_outbox (subject_id);

CREATE FUNCTION credit_gz.sync_outbox_enqueue(subject_id bigint, topic text, payload jsonb, legal_entity boolean)
RETURNS integer
LANGUAGE sql VOLATILE STRICT SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH ins AS (
        INSERT INTO credit_gz.sync_outbox (subject_id, target, topic, payload)
        SELECT sync_outbox_enqueue.subject_id, t.code, sync_outbox_enqueue.topic, sync_outbox_enqueue.payload
        FROM credit_gz.sync_target t
        WHERE t.active
          AND (t.applies_to = 'both'
               OR t.applies_to = CASE WHEN sync_outbox_enqueue.legal_entity THEN 'legal_entity' ELSE 'natural_person' END)
        RETURNING 1)
    SELECT count(*)::integer FROM ins;
END;
COMMENT ON FUNCTION credit_gz.sync_outbox_enqueue(bigint, text, jsonb, boolean) IS
    'Writes one outbox row per active target that applies to the subject (gsxt only for legal entities); returns the '
    'number of rows. Call it in the transaction of the decision so the message commits or rolls back with it.';

CREATE FUNCTION credit_gz.sync_outbox_claim(consumer text, batch_size integer DEFAULT 100,
                                            lease interval DEFAULT '5 minutes', only_target text DEFAULT NULL)
RETURNS SETOF credit_gz.sync_outbox
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF consumer IS NULL OR batch_size IS NULL OR batch_size < 1 OR lease IS NULL OR lease <= interval '0' THEN
        RAISE EXCEPTION 'invalid outbox claim: consumer, a positive batch size and a positive lease are required'
            USING ERRCODE = '22023', HINT = 'Call sync_outbox_claim(''consumer-name'', 100, ''5 minutes'').';
    END IF;
    -- SKIP LOCKED: concurrent consumers take disjoint batches; the lease hides the batch until it is acknowledged,
    -- retried, or the lease runs out (consumer died) and the rows become claimable again.
    RETURN QUERY
    UPDATE credit_gz.sync_outbox o
    SET claimed_by = consumer, claimed_at = pg_catalog.clock_timestamp(),
        available_at = pg_catalog.clock_timestamp() + lease, attempts = o.attempts + 1
    WHERE o.outbox_id IN (
        SELECT p.outbox_id FROM credit_gz.sync_outbox p
        WHERE p.acknowledged_at IS NULL AND p.available_at <= pg_catalog.clock_timestamp()
          AND (only_target IS NULL OR p.target = only_target)
        ORDER BY p.available_at, p.outbox_id
        LIMIT batch_size
        FOR UPDATE SKIP LOCKED)
    RETURNING o.*;
END $$;
COMMENT ON FUNCTION credit_gz.sync_outbox_claim(text, integer, interval, text) IS
    'Claims up to batch_size pending outbox rows (optionally for one target) for a consumer, with FOR UPDATE SKIP '
    'LOCKED; the rows stay hidden for the lease. Acknowledge with sync_outbox_ack or report failure with sync_outbox_retry.';

CREATE FUNCTION credit_gz.sync_outbox_ack(consumer text, outbox_ids bigint[]) RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
    stale bigint;
BEGIN
    -- Only the consumer holding the latest claim may acknowledge: after a lease ran out another consumer may
    -- hold the row, and its delivery is the one that counts.
    SELECT o.outbox_id INTO stale FROM credit_gz.sync_outbox o
    WHERE o.outbox_id = ANY (outbox_ids) AND o.acknowledged_at IS NULL AND o.claimed_by IS DISTINCT FROM consumer
    LIMIT 1;
    IF stale IS NOT NULL THEN
        RAISE EXCEPTION 'outbox row % is not claimed by consumer "%"', stale, consumer
            USING ERRCODE = 'CG602',
                  DETAIL = 'Its lease ran out and another consumer claimed it, or it was never claimed.',
                  HINT = 'Claim rows with sync_outbox_claim and acknowledge them before the lease ends.';
    END IF;
    UPDATE credit_gz.sync_outbox o SET acknowledged_at = pg_catalog.clock_timestamp(), last_error = NULL
    WHERE o.outbox_id = ANY (outbox_ids) AND o.acknowledged_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;
COMMENT ON FUNCTION credit_gz.sync_outbox_ack(text, bigint[]) IS
    'Marks claimed outbox rows delivered; returns how many changed (already acknowledged rows are skipped, so a '
    'repeated acknowledgement is harmless). Error CG602 when a row is held by another consumer.';

CREATE FUNCTION credit_gz.sync_outbox_retry(consumer text, outbox_id bigint, error text,
                                            base_delay interval DEFAULT '30 seconds',
                                            max_delay interval DEFAULT '6 hours')
RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.sync_outbox;
    next_at timestamptz;
BEGIN
    SELECT * INTO r FROM credit_gz.sync_outbox o WHERE o.outbox_id = sync_outbox_retry.outbox_id FOR UPDATE;
    IF NOT FOUND OR r.acknowledged_at IS NOT NULL OR r.claimed_by IS DISTINCT FROM consumer THEN
        RAISE EXCEPTION 'outbox row % is not claimed by consumer "%"', sync_outbox_retry.outbox_id, consumer
            USING ERRCODE = 'CG602',
                  DETAIL = 'Only a pending row held by the consumer can be scheduled for retry.',
                  HINT = 'Claim rows with sync_outbox_claim first.';
    END IF;
    -- Exponential backoff: base, 2 base, 4 base … capped; the row is never dropped.
    next_at := pg_catalog.clock_timestamp()
               + LEAST(max_delay, base_delay * pg_catalog.power(2, LEAST(GREATEST(r.attempts - 1, 0), 30)));
    UPDATE credit_gz.sync_outbox o SET available_at = next_at, last_error = error
    WHERE o.outbox_id = r.outbox_id;
    RETURN next_at;
END $$;
COMMENT ON FUNCTION credit_gz.sync_outbox_retry(text, bigint, text, interval, interval) IS
    'Reports a failed delivery: the row becomes claimable again after base_delay * 2^(attempts-1), at most max_delay; '
    'returns that time. Rows are never dropped.';

CREATE FUNCTION credit_gz.sync_outbox_purge(older_than interval DEFAULT '90 days') RETURNS bigint
LANGUAGE sql VOLATILE STRICT SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH del AS (
        DELETE FROM credit_gz.sync_outbox o
        WHERE o.acknowledged_at IS NOT NULL AND o.acknowledged_at < pg_catalog.now() - older_than
        RETURNING 1)
    SELECT count(*) FROM del;
END;
COMMENT ON FUNCTION credit_gz.sync_outbox_purge(interval) IS
    'Deletes acknowledged outbox rows older than the interval; pending rows are never deleted.';
