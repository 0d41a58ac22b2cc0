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
        RAISE EXCEPTION 'calendar day % is part of the shipped official arrangement', pg_catalog.to_char(OLD.day, 'YYYY-MM-DD')
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
COMMENT ON TRIGGER calendar_guard_shipped ON credit_gz.calendar IS
    '节假日安排保护 / keeps shipped official holiday arrangements unchanged (UPDATE, DELETE)';
CREATE TRIGGER calendar_guard_truncate BEFORE TRUNCATE ON credit_gz.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.calendar_guard_shipped();
COMMENT ON TRIGGER calendar_guard_truncate ON credit_gz.calendar IS
    '节假日安排保护 / refuses TRUNCATE, which would remove shipped holiday arrangements';
CREATE TRIGGER calendar_guard_insert BEFORE INSERT ON credit_gz.calendar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.calendar_guard_insert();
COMMENT ON TRIGGER calendar_guard_insert ON credit_gz.calendar IS
    '本地新增日 / rows a DBA inserts are local (shipped = false), so pg_dump keeps them';

CREATE FUNCTION credit_gz.calendar_invalidate() RETURNS trigger
LANGUAGE C SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_calendar_invalidate';
COMMENT ON FUNCTION credit_gz.calendar_invalidate() IS
    'Statement trigger: tells every backend to reload its cached working-day calendar once this transaction commits.';
CREATE TRIGGER calendar_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.calendar_invalidate();
COMMENT ON TRIGGER calendar_invalidate ON credit_gz.calendar IS
    '刷新工作日缓存 / every backend reloads its cached working-day calendar after commit';

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
    deadline_rule_id integer PRIMARY KEY,
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
    'acceptance, referral) and uses the rule in force on that day. Rules 1–999 ship with the extension and cannot be '
    'changed (CREATE EXTENSION re-creates them on restore); a DBA adds local rules (deadline_rule_id >= 1000, kept by pg_dump), '
    'which take precedence over shipped rules on the days they are in force.';
COMMENT ON COLUMN credit_gz.deadline_rule.deadline_rule_id IS '规则编号 / rule id (< 1000 shipped, >= 1000 local)';
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
    (deadline_rule_id, procedure, step, channel, working_days, effective_from, source, note) VALUES
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

SELECT pg_catalog.pg_extension_config_dump('credit_gz.deadline_rule', 'WHERE deadline_rule_id >= 1000');

CREATE FUNCTION credit_gz.deadline_rule_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    other integer;
BEGIN
    -- Shipped rules (1–999) are re-created by CREATE EXTENSION on restore, so changes to them would be lost.
    IF (TG_OP <> 'INSERT' AND OLD.deadline_rule_id < 1000) OR (TG_OP <> 'DELETE' AND NEW.deadline_rule_id < 1000) THEN
        RAISE EXCEPTION 'deadline rules below 1000 ship with the extension and cannot be added, changed or deleted'
            USING ERRCODE = '23514',
                  DETAIL = 'Shipped rules are re-created on restore; only local rules (deadline_rule_id >= 1000) are kept by pg_dump.',
                  HINT = 'Insert a local rule with deadline_rule_id >= 1000: on the days it is in force it takes precedence.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    -- One local rule per (procedure, step, channel) on any day; serialise writers so two concurrent inserts cannot
    -- both pass.
    LOCK TABLE credit_gz.deadline_rule IN SHARE ROW EXCLUSIVE MODE;
    SELECT r.deadline_rule_id INTO other
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = NEW.procedure AND r.step = NEW.step AND r.channel = NEW.channel
      AND r.deadline_rule_id <> NEW.deadline_rule_id AND r.deadline_rule_id >= 1000
      AND pg_catalog.daterange(r.effective_from, r.effective_until) && pg_catalog.daterange(NEW.effective_from, NEW.effective_until)
    LIMIT 1;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'deadline rule % overlaps rule % for % %, channel %', NEW.deadline_rule_id, other, NEW.procedure, NEW.step, NEW.channel
            USING ERRCODE = '23P01',
                  DETAIL = 'Only one local rule may be in force for a step of a procedure on any day.',
                  HINT = 'Set effective_until on the older local rule first.';
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.deadline_rule_check() IS
    'Trigger: shipped deadline rules (1–999) are fixed; at most one local rule in force per procedure, step and channel '
    'on any day (23P01).';
CREATE TRIGGER deadline_rule_check BEFORE INSERT OR UPDATE OR DELETE ON credit_gz.deadline_rule
    FOR EACH ROW EXECUTE FUNCTION credit_gz.deadline_rule_check();
COMMENT ON TRIGGER deadline_rule_check ON credit_gz.deadline_rule IS
    '期限规则校验 / shipped rules (1–999) stay fixed; at most one local rule in force per procedure, step and channel on any day';

CREATE FUNCTION credit_gz.deadline_working_days(procedure text, step text, channel text, on_day date)
RETURNS integer
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
BEGIN
    -- The green channel uses its own rule where one is in force, the standard rule otherwise; a local rule
    -- (deadline_rule_id >= 1000) takes precedence over the shipped one of the same channel.
    SELECT r.working_days INTO n
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = $1 AND r.step = $2 AND r.channel IN ($3, 'standard')
      AND credit_gz.in_force(r.effective_from, r.effective_until, $4)
    ORDER BY (r.channel = $3) DESC, (r.deadline_rule_id >= 1000) DESC
    LIMIT 1;
    IF n IS NULL THEN
        RAISE EXCEPTION 'no deadline rule in force for % % on %', $1, $2, pg_catalog.to_char($4, 'YYYY-MM-DD')
            USING ERRCODE = 'CG601',
                  DETAIL = 'Deadlines come from credit_gz.deadline_rule; none covers that day.',
                  HINT = 'Insert a rule (deadline_rule_id >= 1000) with the deadline and the dates it is in force.';
    END IF;
    RETURN n;
END $$;
COMMENT ON FUNCTION credit_gz.deadline_working_days(text, text, text, date) IS
    '时限工作日数 / the working days a step of a procedure allows, under the rule in force on the day (green channel '
    'falls back to the standard rule, a local rule beats a shipped one); error CG601 when no rule is in force.';

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
    outbox_id        bigint GENERATED ALWAYS AS IDENTITY,
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
    acknowledged_at  timestamptz,
    PRIMARY KEY (subject_id, outbox_id)
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
CREATE INDEX sync_outbox_pending_idx ON credit_gz.sync_outbox (available_at, outbox_id) WHERE acknowledged_at IS NULL;
COMMENT ON INDEX credit_gz.sync_outbox_pending_idx IS
    'Consumers claim pending rows in order of availability; only pending rows are indexed.';
CREATE INDEX sync_outbox_id_idx ON credit_gz.sync_outbox (outbox_id);
COMMENT ON INDEX credit_gz.sync_outbox_id_idx IS
    'Consumers acknowledge and retry messages by outbox id alone (sync_outbox_ack, sync_outbox_retry).';

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
    WHERE (o.subject_id, o.outbox_id) IN (
        SELECT p.subject_id, p.outbox_id FROM credit_gz.sync_outbox p
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
    WHERE o.subject_id = r.subject_id AND o.outbox_id = r.outbox_id;
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
        RAISE EXCEPTION 'credit record % does not exist', record_repair_eligibility.record_id
            USING ERRCODE = '23503', HINT = 'Give the record_id of a record in credit_gz.record.';
    END IF;
    SELECT * INTO rule FROM credit_gz.publicity_rule WHERE publicity_rule_id = r.publicity_rule_id;

    IF r.status <> 'in_publicity' THEN
        why := why || format('the record is not in publicity (status %s)', r.status);
    END IF;
    IF rule.publicity_rule_id IS NULL THEN
        why := why || 'the record has no publicity rule (it is not negative information)'::text;
    END IF;
    IF r.severity = 'specific_serious' THEN
        why := why || 'specific serious (特定严重失信) records stay published for the full period and cannot be repaired'::text;
    END IF;
    IF rule.publicity_rule_id IS NOT NULL AND NOT rule.repairable AND r.severity IS DISTINCT FROM 'specific_serious' THEN
        why := why || format('publicity rule %s (%s) does not allow repair', rule.publicity_rule_id, rule.generation);
    END IF;
    IF obligations_performed_on IS NULL OR obligations_performed_on > on_day THEN
        why := why || 'the obligations set by the decision have not been performed (履行法定义务、纠正失信行为)'::text;
    END IF;
    IF NOT credit_gz.repair_commitment_on_file(r.subject_id, r.record_id) THEN
        why := why || 'no repair commitment (信用修复承诺) is on file'::text;
    END IF;

    -- Minimum publicity period: repairable_from is filled by the archive from the record's rule version; under
    -- Order 36 a minor record is repairable as soon as the obligation is performed (no minimum period).
    since := GREATEST(r.repairable_from, obligations_performed_on);
    bar := credit_gz.repair_bar_until(r.subject_id, r.record_id, GREATEST(on_day, since));
    IF bar IS NOT NULL THEN
        since := bar;
    END IF;
    IF r.repairable_from IS NOT NULL AND r.repairable_from > on_day THEN
        why := why || format('the minimum publicity period ends on %s',
                             pg_catalog.to_char(credit_gz.inclusive_end(r.repairable_from), 'YYYY-MM-DD'));
    END IF;
    IF bar IS NOT NULL THEN
        why := why || CASE WHEN bar = 'infinity' THEN 'repair is barred without end date'
                           ELSE format('repair is barred until %s', pg_catalog.to_char(credit_gz.inclusive_end(bar), 'YYYY-MM-DD')) END;
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
    why text[] := '{}';
    min_day date;
    since date;
    bar date;
BEGIN
    SELECT * INTO e FROM credit_gz.list_entry le WHERE le.entry_id = entry_repair_eligibility.entry_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'list entry % does not exist', entry_repair_eligibility.entry_id
            USING ERRCODE = '23503', HINT = 'Give the entry_id of an entry in credit_gz.list_entry.';
    END IF;
    SELECT * INTO lt FROM credit_gz.list_type WHERE code = e.list_type_code;

    IF e.status <> 'active' THEN
        why := why || format('the list entry is not active (status %s)', e.status);
    END IF;
    IF e.derived_from_entry_id IS NOT NULL THEN
        why := why || format('the entry was derived from entry %s and is lifted with it', e.derived_from_entry_id);
    END IF;
    IF lt.polarity = 'reward' THEN
        why := why || 'entries on a reward list (红名单) are not repaired'::text;
    END IF;
    IF lt.early_removal_after_months IS NULL THEN
        why := why || format('list %s allows no early removal', lt.code);
    END IF;
    IF obligations_performed_on IS NULL OR obligations_performed_on > on_day THEN
        why := why || 'the obligations set by the decision have not been performed (履行法定义务、纠正失信行为)'::text;
    END IF;
    IF NOT credit_gz.repair_commitment_on_file(e.subject_id, e.record_id) THEN
        why := why || 'no repair commitment (信用修复承诺) is on file'::text;
    END IF;

    -- Early removal after the list type's minimum term (e.g. SAMR Order No. 44: one year).
    min_day := credit_gz.add_months(e.effective_from, COALESCE(lt.early_removal_after_months, 0));
    since := GREATEST(min_day, obligations_performed_on);
    bar := credit_gz.repair_bar_until(e.subject_id, NULL, GREATEST(on_day, since));
    IF bar IS NOT NULL THEN
        since := bar;
    END IF;
    IF lt.early_removal_after_months IS NOT NULL AND min_day > on_day THEN
        why := why || format('early removal is possible from %s', pg_catalog.to_char(min_day, 'YYYY-MM-DD'));
    END IF;
    IF bar IS NOT NULL THEN
        why := why || CASE WHEN bar = 'infinity' THEN 'repair is barred without end date'
                           ELSE format('repair is barred until %s', pg_catalog.to_char(credit_gz.inclusive_end(bar), 'YYYY-MM-DD')) END;
    END IF;

    eligible := cardinality(why) = 0;
    reasons := why;
    eligible_from := CASE
        WHEN eligible THEN on_day
        WHEN since IS NOT NULL AND since <> 'infinity' AND since > on_day
             AND cardinality(why) = (CASE WHEN lt.early_removal_after_months IS NOT NULL AND min_day > on_day THEN 1 ELSE 0 END)
                                     + (CASE WHEN bar IS NOT NULL THEN 1 ELSE 0 END)
        THEN since END;
    RETURN NEXT;
END $$;
COMMENT ON FUNCTION credit_gz.entry_repair_eligibility(bigint, date, date) IS
    '名单提前移出(修复)条件 / whether a list entry can be repaired (removed early) on the day: active, determined directly '
    '(derived entries follow their source), a punishment or attention list that allows early removal, its minimum term '
    '(list_type.early_removal_after_months) reached, obligations performed, a repair commitment on file, no repair bar.';

-- ====================================================================
-- Green channel (绿色通道, 三(五)): the epidemic-prevention key-enterprise list
-- ====================================================================

INSERT INTO credit_gz.list_type (code, name_zh, name_en, polarity, severity, applies_to, default_term_months,
                                 early_removal_after_months, legal_basis, effective_from, shipped)
VALUES ('epidemic_key_enterprise', '防疫重点保障企业名录', 'Epidemic-prevention key enterprises', 'reward', 'none',
        'legal_entity', NULL, 0,
        '穗府办函〔2020〕35号 三(五): 根据国家、省、市认定的防疫重点保障企业名录 … 设立信用修复绿色通道', '2020-02-01', true);

CREATE TABLE credit_gz.green_channel_list (
    list_type_code  text PRIMARY KEY REFERENCES credit_gz.list_type (code),
    positive_item_code text REFERENCES credit_gz.info_item (code),
    basis           text NOT NULL
);
COMMENT ON TABLE credit_gz.green_channel_list IS
    '绿色通道名单 / lists whose active members get the green-channel repair deadlines (deadline_rule channel green) '
    'and whose listing is recorded as positive (守信) information in the credit archive (三(五)).';
COMMENT ON COLUMN credit_gz.green_channel_list.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.green_channel_list.positive_item_code IS
    '守信信息项 / information item of the positive record written when a subject is listed (NULL: none)';
COMMENT ON COLUMN credit_gz.green_channel_list.basis IS '依据 / basis';

CREATE FUNCTION credit_gz.repair_channel(subject_id bigint, on_day date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN EXISTS (
            SELECT FROM credit_gz.list_entry e JOIN credit_gz.green_channel_list g ON g.list_type_code = e.list_type_code
            WHERE e.subject_id = repair_channel.subject_id AND e.status = 'active'
              AND credit_gz.in_force(e.effective_from, e.effective_until, on_day))
       THEN 'green' ELSE 'standard' END;
COMMENT ON FUNCTION credit_gz.repair_channel(bigint, date) IS
    '修复通道 / green when the subject is on a green-channel list (防疫重点保障企业) on the day, standard otherwise.';

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

CREATE FUNCTION credit_gz.repair_raise_ineligible(what text, reasons text[], eligible_from date) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION '% is not eligible for credit repair%', what,
            CASE WHEN eligible_from IS NOT NULL THEN format(' before %s', pg_catalog.to_char(eligible_from, 'YYYY-MM-DD')) ELSE '' END
        USING ERRCODE = 'CG611',
              DETAIL = format('Reasons: %s.', array_to_string(reasons, '; ')),
              HINT = CASE WHEN eligible_from IS NOT NULL THEN format('Apply again on or after %s.', pg_catalog.to_char(eligible_from, 'YYYY-MM-DD'))
                          ELSE 'Remove the reasons listed (perform the obligations, file a repair commitment) and apply again.' END;
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
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION 'a repair application starts as submitted, not %', NEW.status
            USING ERRCODE = '23514', HINT = 'Insert with the default status and use repair_accept/repair_approve.';
    END IF;
    NEW.submitted_at := pg_catalog.now();    -- deadlines run from the real submission day
    NEW.accepted_at := NULL; NEW.decided_at := NULL; NEW.decide_due := NULL;
    NEW.accept_overdue_at := NULL; NEW.decide_overdue_at := NULL;
    IF NEW.record_id IS NOT NULL THEN
        SELECT r.subject_id, r.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.record r WHERE r.record_id = NEW.record_id FOR SHARE;
        SELECT * INTO el FROM credit_gz.record_repair_eligibility(NEW.record_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(format('credit record %s', NEW.record_id), el.reasons, el.eligible_from);
        END IF;
    ELSIF NEW.entry_id IS NOT NULL THEN
        SELECT e.subject_id, e.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.list_entry e WHERE e.entry_id = NEW.entry_id FOR SHARE;
        SELECT * INTO el FROM credit_gz.entry_repair_eligibility(NEW.entry_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(format('list entry %s', NEW.entry_id), el.reasons, el.eligible_from);
        END IF;
    END IF;
    NEW.channel := credit_gz.repair_channel(NEW.subject_id, day);
    NEW.accept_due := credit_gz.deadline('repair', 'acceptance', NEW.channel, day);
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_insert() IS
    'Trigger: on submission fills the subject and handling department from the record or entry, the channel (green for '
    '防疫重点保障企业) and the acceptance deadline; an ineligible application fails with CG611, reasons and eligible date.';
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
BEGIN
    IF (NEW.subject_id, NEW.record_id, NEW.entry_id, NEW.department_code, NEW.channel, NEW.submitted_at, NEW.accept_due)
       IS DISTINCT FROM
       (OLD.subject_id, OLD.record_id, OLD.entry_id, OLD.department_code, OLD.channel, OLD.submitted_at, OLD.accept_due) THEN
        RAISE EXCEPTION 'the subject, target, department, channel and deadlines of repair application % cannot change',
                        OLD.application_id
            USING ERRCODE = '23514', HINT = 'Submit a new application instead.';
    END IF;
    IF NEW.status = OLD.status THEN
        -- Same state: only the expiry job's overdue flags and the statement may change.
        IF (NEW.accepted_at, NEW.decided_at, NEW.decide_due, NEW.decision_reason, NEW.decided_by)
           IS DISTINCT FROM (OLD.accepted_at, OLD.decided_at, OLD.decide_due, OLD.decision_reason, OLD.decided_by) THEN
            RAISE EXCEPTION 'decisions on repair application % are recorded by changing its status', OLD.application_id
                USING ERRCODE = '23514', HINT = 'Use repair_accept, repair_refuse, repair_approve or repair_reject.';
        END IF;
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'submitted' AND NEW.status IN ('accepted', 'refused'))
            OR (OLD.status = 'accepted' AND NEW.status IN ('approved', 'rejected'))) THEN
        RAISE EXCEPTION 'repair application % cannot go from % to %', OLD.application_id, OLD.status, NEW.status
            USING ERRCODE = 'CG612',
                  DETAIL = 'An application is submitted, then accepted or refused, then (if accepted) approved or rejected.',
                  HINT = 'Submit a new application to start again.';
    END IF;
    IF NEW.status IN ('refused', 'rejected') AND NULLIF(pg_catalog.btrim(NEW.decision_reason), '') IS NULL THEN
        RAISE EXCEPTION 'a % repair application needs a reason', NEW.status
            USING ERRCODE = '23514', HINT = 'Give the reason in decision_reason.';
    END IF;
    NEW.decided_by := current_user;
    IF NEW.status = 'accepted' THEN
        NEW.accepted_at := now_ts;
        NEW.decide_due := credit_gz.deadline('repair', 'decision', OLD.channel, day);
        NEW.decided_at := NULL;
    ELSE
        NEW.accepted_at := OLD.accepted_at;
        NEW.decide_due := OLD.decide_due;
        NEW.decided_at := now_ts;
    END IF;
    IF NEW.status = 'approved' THEN
        -- Conditions must still hold on the day of approval (a commitment may have been broken meanwhile).
        IF OLD.record_id IS NOT NULL THEN
            PERFORM 1 FROM credit_gz.record WHERE subject_id = OLD.subject_id AND record_id = OLD.record_id FOR UPDATE;
            SELECT * INTO el FROM credit_gz.record_repair_eligibility(OLD.record_id, day, OLD.obligations_performed_on);
        ELSE
            PERFORM 1 FROM credit_gz.list_entry WHERE subject_id = OLD.subject_id AND entry_id = OLD.entry_id FOR UPDATE;
            SELECT * INTO el FROM credit_gz.entry_repair_eligibility(OLD.entry_id, day, OLD.obligations_performed_on);
        END IF;
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(
                CASE WHEN OLD.record_id IS NOT NULL THEN format('credit record %s', OLD.record_id)
                     ELSE format('list entry %s', OLD.entry_id) END, el.reasons, el.eligible_from);
        END IF;
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_transition() IS
    'Trigger: enforces submitted → accepted/refused → approved/rejected (CG612 otherwise), stamps times and the acting '
    'role, sets the decision deadline on acceptance, and re-checks eligibility on approval (CG611).';
CREATE TRIGGER repair_application_transition BEFORE UPDATE ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.repair_application_transition();
COMMENT ON TRIGGER repair_application_transition ON credit_gz.repair_application IS
    '修复申请状态机 / allowed status steps only (CG612), times, deadlines, eligibility re-checked on approval';

-- AFTER UPDATE: apply a decision. Approval unpublishes and archives; scores and derived entries follow by triggers.
CREATE FUNCTION credit_gz.repair_application_apply() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    legal boolean;
BEGIN
    IF NEW.status = OLD.status OR NEW.status = 'accepted' THEN
        RETURN NULL;
    END IF;
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
            'decided_at', NEW.decided_at, 'reason', NEW.decision_reason),
        COALESCE(legal, false));
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_apply() IS
    'Trigger: on approval marks the record repaired and archived (or the entry repaired) in the same transaction; every '
    'final decision (refused, approved, rejected) is written to sync_outbox for 协同修复.';
CREATE TRIGGER repair_application_apply AFTER UPDATE OF status ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.repair_application_apply();
COMMENT ON TRIGGER repair_application_apply ON credit_gz.repair_application IS
    '修复决定生效 / approval repairs and archives the record or entry; decisions go to sync_outbox';

CREATE FUNCTION credit_gz.repair_submit(record_id bigint, obligations_performed_on date, statement text DEFAULT NULL)
RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
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
        RAISE EXCEPTION 'repair application % does not exist', application_id
            USING ERRCODE = 'P0002', HINT = 'Look the application up in credit_gz.repair_application.';
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
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION 'an objection starts as submitted, not %', NEW.status
            USING ERRCODE = '23514', HINT = 'Insert with the default status and use objection_accept/objection_resolve.';
    END IF;
    SELECT * INTO r FROM credit_gz.record WHERE record_id = NEW.record_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'credit record % does not exist', NEW.record_id
            USING ERRCODE = '23503', HINT = 'Give the record_id of a record in credit_gz.record.';
    END IF;
    IF r.status NOT IN ('in_publicity') THEN
        RAISE EXCEPTION 'credit record % cannot be disputed in status %', NEW.record_id, r.status
            USING ERRCODE = 'CG621',
                  DETAIL = CASE WHEN r.status = 'under_objection' THEN 'An objection to the record is already open.'
                                ELSE 'Only records in publicity can be disputed.' END,
                  HINT = 'Ask the provider department about records no longer published.';
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
        RAISE EXCEPTION 'the record, claim and deadlines of objection % cannot change', OLD.objection_id
            USING ERRCODE = '23514', HINT = 'File a new objection instead.';
    END IF;
    IF NEW.status = OLD.status THEN
        IF (NEW.accepted_at, NEW.platform_due, NEW.referred_at, NEW.provider_due, NEW.resolved_at, NEW.outcome,
            NEW.corrections, NEW.outcome_reason, NEW.decided_by)
           IS DISTINCT FROM
           (OLD.accepted_at, OLD.platform_due, OLD.referred_at, OLD.provider_due, OLD.resolved_at, OLD.outcome,
            OLD.corrections, OLD.outcome_reason, OLD.decided_by) THEN
            RAISE EXCEPTION 'steps of objection % are recorded by changing its status', OLD.objection_id
                USING ERRCODE = '23514', HINT = 'Use objection_accept, objection_refuse, objection_refer or objection_resolve.';
        END IF;
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'submitted' AND NEW.status IN ('accepted', 'refused'))
            OR (OLD.status = 'accepted' AND NEW.status IN ('provider_check', 'resolved'))
            OR (OLD.status = 'provider_check' AND NEW.status = 'resolved')) THEN
        RAISE EXCEPTION 'objection % cannot go from % to %', OLD.objection_id, OLD.status, NEW.status
            USING ERRCODE = 'CG622',
                  DETAIL = 'An objection is submitted, then accepted or refused; an accepted one is resolved by the '
                           'platform or referred to the provider, who resolves it.',
                  HINT = 'File a new objection to start again.';
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
            RAISE EXCEPTION 'a % objection needs a reason', NEW.status
                USING ERRCODE = '23514', HINT = 'Give the reason in outcome_reason.';
        END IF;
        IF NEW.status = 'refused' THEN
            NEW.outcome := NULL; NEW.corrections := NULL;
        ELSIF NEW.outcome IS NULL THEN
            RAISE EXCEPTION 'a resolved objection needs an outcome'
                USING ERRCODE = '23514', HINT = 'Set outcome to corrected, revoked or upheld.';
        ELSIF NEW.outcome = 'corrected' THEN
            IF NEW.corrections IS NULL OR pg_catalog.jsonb_typeof(NEW.corrections) <> 'object'
               OR NEW.corrections = '{}'::jsonb THEN
                RAISE EXCEPTION 'a corrected objection needs the corrections'
                    USING ERRCODE = '23514', HINT = 'Give corrections as a JSON object, e.g. {"severity": "general"}.';
            END IF;
            SELECT array_agg(k) INTO bad FROM pg_catalog.jsonb_object_keys(NEW.corrections) k
            WHERE k NOT IN ('document_no', 'decision_date', 'severity', 'item_code', 'domain_code');
            IF bad IS NOT NULL THEN
                RAISE EXCEPTION 'record columns % cannot be corrected through an objection', bad
                    USING ERRCODE = '22023',
                          HINT = 'Correct document_no, decision_date, severity, item_code or domain_code.';
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
        RAISE EXCEPTION 'objection % does not exist', objection_id
            USING ERRCODE = 'P0002', HINT = 'Look the objection up in credit_gz.objection.';
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

-- ====================================================================
-- The expiry job (到期处理): credit_gz.run_expiry, scheduled daily with pg_cron
-- ====================================================================

-- Due-date indexes: each holds only the rows that can still fall due, so finding what is due costs a B-tree descent
-- plus the due rows, whatever the size of the archive. Records use the archive's record_publish_until_idx
-- (publish_until) WHERE credit_gz.record_counts(status); see doc/schema.md.
CREATE INDEX list_entry_escalation_due_idx ON credit_gz.list_entry (list_type_code, effective_from)
    WHERE status = 'active' AND derived_from_entry_id IS NULL;
COMMENT ON INDEX credit_gz.list_entry_escalation_due_idx IS
    'run_expiry: active directly determined entries by list type and listing date (escalation after N months)';

CREATE FUNCTION credit_gz.run_expiry(as_of timestamptz DEFAULT pg_catalog.now(), batch_size integer DEFAULT 10000,
                                     max_rows integer DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d date := credit_gz.policy_date(as_of);
    n_records bigint := 0;
    n_entries bigint := 0;
    n_derived bigint := 0;
    n_escalated bigint := 0;
    n_repair bigint := 0;
    n_objection bigint := 0;
    n_tasks bigint := 0;
    k bigint;
    root bigint;
    lt record;
    step record;
    room bigint := COALESCE(max_rows, 9223372036854775807);
BEGIN
    IF as_of IS NULL OR batch_size IS NULL OR batch_size < 1 OR max_rows < 1 THEN
        RAISE EXCEPTION 'run_expiry needs a time and a positive batch size'
            USING ERRCODE = '22023', HINT = 'Call credit_gz.run_expiry() or run_expiry(now(), 10000).';
    END IF;
    -- One run at a time; a concurrent call returns at once and changes nothing.
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('run_expiry')) THEN
        RETURN pg_catalog.jsonb_build_object('as_of', d, 'skipped', 'another run_expiry is in progress');
    END IF;

    -- 1. Records past their maximum publicity period (publish_until is the first day no longer published):
    --    publication stops, kept archived for authorities (《广州市公共信用信息管理规定》).
    --    (A record under objection waits: its prior status returns when the objection ends, then it expires.)
    --    max_rows caps the records and entries changed by this call (each touched subject holds a scoring lock until
    --    commit); run_expiry_in_batches commits between capped calls.
    WHILE room > 0 LOOP
        WITH due AS (
            SELECT r.record_id FROM credit_gz.record r
            WHERE r.status = 'in_publicity' AND r.publish_until <= d
            ORDER BY r.publish_until LIMIT LEAST(batch_size, room)
            FOR UPDATE SKIP LOCKED)
        UPDATE credit_gz.record r SET status = 'expired', disclosure = 'archived'
        FROM due WHERE r.record_id = due.record_id;
        GET DIAGNOSTICS k = ROW_COUNT;
        n_records := n_records + k;
        room := room - k;
        EXIT WHEN k < LEAST(batch_size, room + k);
    END LOOP;

    -- 2. List entries past their term (effective_until is the first day no longer in force); derived entries
    --    follow their source through the lists triggers.
    WHILE room > 0 LOOP
        WITH due AS (
            SELECT e.entry_id FROM credit_gz.list_entry e
            WHERE e.status = 'active' AND e.effective_until <= d AND e.derived_from_entry_id IS NULL
            ORDER BY e.effective_until LIMIT LEAST(batch_size, room)
            FOR UPDATE SKIP LOCKED)
        UPDATE credit_gz.list_entry e SET status = 'expired', status_changed_on = d, status_reason = 'term ended (期满)'
        FROM due WHERE e.entry_id = due.entry_id;
        GET DIAGNOSTICS k = ROW_COUNT;
        n_entries := n_entries + k;
        room := room - k;
        EXIT WHEN k < LEAST(batch_size, room + k);
    END LOOP;
    -- Derived entries whose own term ended (the relation they came through ended): recompute their trees as of
    -- the run's day, so that a relation ending before as_of lifts its entry whatever the date of the server.
    FOR root IN
        SELECT DISTINCT e.root_entry_id FROM credit_gz.list_entry e
        WHERE e.status = 'active' AND e.root_entry_id IS NOT NULL AND e.effective_until <= d
        ORDER BY 1
    LOOP
        n_derived := n_derived + credit_gz.repropagate_entry(root, d);
    END LOOP;

    -- 3. Escalation by the list types' own rules (经营异常名录 unresolved 3 years → 严重违法失信名单): an entry
    --    escalates on add_months(listed on, escalate_after_months) (doc/repair.md, month ends); the entries due are
    --    those listed on or before add_months_inverse(d, …), an index range of list_entry_escalation_due_idx.
    FOR lt IN SELECT t.code, t.escalate_to_code, t.escalate_after_months,
                     credit_gz.add_months_inverse(d, t.escalate_after_months) AS listed_by
              FROM credit_gz.list_type t WHERE t.escalate_to_code IS NOT NULL ORDER BY t.code
    LOOP
        INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from,
                                          record_id, escalated_from_entry_id)
        SELECT e.subject_id, lt.escalate_to_code, e.department_code,
               pg_catalog.format('经营异常满%s个月未纠正，由列入记录 %s 升级 (%s)', lt.escalate_after_months, e.entry_id,
                                 e.basis_document),
               d, e.record_id, e.entry_id
        FROM credit_gz.list_entry e
        WHERE e.list_type_code = lt.code AND e.status = 'active' AND e.derived_from_entry_id IS NULL
          AND e.effective_from <= lt.listed_by
          AND NOT EXISTS (SELECT FROM credit_gz.list_entry x WHERE x.escalated_from_entry_id = e.entry_id)
        ORDER BY e.entry_id;
        GET DIAGNOSTICS k = ROW_COUNT;
        n_escalated := n_escalated + k;
    END LOOP;

    -- 4. Overdue repair applications and objections: flagged once per step. Each step is (table, key, status,
    -- due column, flag column); the statement is the same for all, and each uses its partial index on the due date.
    FOR step IN SELECT * FROM (VALUES
            ('repair_application', 'application_id', 'submitted',      'accept_due',   'accept_overdue_at'),
            ('repair_application', 'application_id', 'accepted',       'decide_due',   'decide_overdue_at'),
            ('objection',          'objection_id',   'submitted',      'accept_due',   'accept_overdue_at'),
            ('objection',          'objection_id',   'accepted',       'platform_due', 'platform_overdue_at'),
            ('objection',          'objection_id',   'provider_check', 'provider_due', 'provider_overdue_at'))
            AS v(tab, key, status, due, flag) LOOP
        EXECUTE pg_catalog.format(
            'WITH due AS (SELECT t.%2$I FROM credit_gz.%1$I t'
            '              WHERE t.status OPERATOR(pg_catalog.=) %3$L AND t.%5$I IS NULL'
            '                AND t.%4$I OPERATOR(pg_catalog.<) $1'
            '              FOR UPDATE SKIP LOCKED)'
            ' UPDATE credit_gz.%1$I t SET %5$I = $2 FROM due'
            '  WHERE t.%2$I OPERATOR(pg_catalog.=) due.%2$I',
            step.tab, step.key, step.status, step.due, step.flag) USING d, as_of;
        GET DIAGNOSTICS k = ROW_COUNT;
        IF step.tab = 'objection' THEN n_objection := n_objection + k; ELSE n_repair := n_repair + k; END IF;
    END LOOP;

    -- 5. 谁认定、谁约谈 (二(三)): an interview task for the determining department of every direct entry and every
    --    dishonesty case whose rectification deadline passed; one task per deadline (the lists' unique indexes).
    n_tasks := n_tasks + credit_gz.create_overdue_interview_tasks(10, d);

    RETURN pg_catalog.jsonb_build_object(
        'as_of', d,
        'more_due', room <= 0,
        'records_expired', n_records,
        'entries_expired', n_entries,
        'derived_entries_recomputed', n_derived,
        'entries_escalated', n_escalated,
        'repair_applications_overdue', n_repair,
        'objections_overdue', n_objection,
        'interview_tasks_created', n_tasks);
END $$;
COMMENT ON FUNCTION credit_gz.run_expiry(timestamptz, integer, integer) IS
    '到期处理 / the daily job: records past publish_until → expired and archived; list entries past their term → expired; '
    'entries unresolved for their type''s escalation period (经营异常名录 3 years) → escalated; overdue repair '
    'applications and objections flagged; interview tasks for overdue rectification (谁认定、谁约谈). Scores follow '
    'through the triggers. Its day is policy_date(as_of), passed to everything it calls, so the same as_of does the '
    'same work whatever the server''s date. Idempotent; advisory lock job_lock_key(''run_expiry'') — a concurrent '
    'call returns {"skipped": …}; batches of batch_size with FOR UPDATE SKIP LOCKED; cost proportional to '
    'the due rows. '
    'max_rows caps the records and entries changed (more_due tells whether the cap was reached). Returns the counts '
    'as jsonb.';

CREATE PROCEDURE credit_gz.run_expiry_in_batches(as_of timestamptz DEFAULT pg_catalog.now(),
                                                  rows_per_transaction integer DEFAULT 2000, INOUT result jsonb DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
    key text;
BEGIN
    -- Each scoring-trigger call holds its subject's row lock until commit; committing every
    -- rows_per_transaction rows keeps a large day (1% of the archive) in transactions of bounded size.
    -- (No SET search_path here: a procedure with SET cannot COMMIT; every name below is schema-qualified.)
    result := '{}'::jsonb;
    LOOP
        r := credit_gz.run_expiry(as_of, LEAST(rows_per_transaction, 10000), rows_per_transaction);
        IF r ? 'skipped' THEN
            result := result || r;
            EXIT;
        END IF;
        FOR key IN SELECT pg_catalog.jsonb_object_keys(r) LOOP
            IF pg_catalog.jsonb_typeof(r -> key) = 'number' THEN
                result := pg_catalog.jsonb_set(result, ARRAY[key],
                    pg_catalog.to_jsonb(COALESCE((result ->> key)::bigint, 0) + (r ->> key)::bigint));
            END IF;
        END LOOP;
        result := result || pg_catalog.jsonb_build_object('as_of', r -> 'as_of');
        COMMIT;
        EXIT WHEN NOT (r ->> 'more_due')::boolean;
    END LOOP;
END $$;
COMMENT ON PROCEDURE credit_gz.run_expiry_in_batches(timestamptz, integer, jsonb) IS
    '到期处理(分批提交) / the expiry job for large days: calls run_expiry(as_of, …, rows_per_transaction) and commits '
    'after each call until nothing is due, so the scoring triggers'' per-subject locks never exceed '
    'max_locks_per_transaction; returns the summed counts. CALL it at top level (pg_cron does).';

-- ====================================================================
-- Green channel participation as positive information; audit
-- ====================================================================

INSERT INTO credit_gz.green_channel_list (list_type_code, positive_item_code, basis) VALUES
    ('epidemic_key_enterprise', 'epidemic_support',
     '穗府办函〔2020〕35号 三(五): 设立疫情防控期间行政处罚信息信用修复绿色通道 … 将企业参与防疫相关信息作为守信信息纳入企业信用档案');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.green_channel_list',
                                           'WHERE list_type_code <> ''epidemic_key_enterprise''');

-- AFTER INSERT on list_entry: a subject listed on a green-channel list gets a positive (守信) record in its archive,
-- through the archive's idempotent loader, in the listing transaction; scores follow through the record triggers.
CREATE FUNCTION credit_gz.green_channel_positive_record() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    item text;
BEGIN
    SELECT g.positive_item_code INTO item FROM credit_gz.green_channel_list g WHERE g.list_type_code = NEW.list_type_code;
    IF item IS NOT NULL AND NEW.status = 'active' THEN
        PERFORM credit_gz.load_record(
            NEW.department_code, pg_catalog.format('%s / list entry %s', NEW.basis_document, NEW.entry_id),
            NEW.subject_id, item, NEW.effective_from, NULL, NULL, 'public',
            (SELECT t.name_zh FROM credit_gz.list_type t WHERE t.code = NEW.list_type_code) || ': 参与疫情防控',
            pg_catalog.jsonb_build_object('entry_id', NEW.entry_id, 'basis_document', NEW.basis_document));
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.green_channel_positive_record() IS
    'Trigger: listing on a green-channel list (防疫重点保障企业) records the participation as positive information '
    '(三(五)), one record per entry (document "<basis> / list entry <id>").';
CREATE TRIGGER green_channel_positive_record AFTER INSERT ON credit_gz.list_entry
    FOR EACH ROW EXECUTE FUNCTION credit_gz.green_channel_positive_record();
COMMENT ON TRIGGER green_channel_positive_record ON credit_gz.list_entry IS
    '绿色通道正面信息 / listing on a green-channel list records the participation as positive information (三(五))';

CREATE TRIGGER repair_application_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('application_id');
COMMENT ON TRIGGER repair_application_audit ON credit_gz.repair_application IS
    '审计 / audit log of every change of an application';
CREATE TRIGGER objection_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.objection
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('objection_id');
COMMENT ON TRIGGER objection_audit ON credit_gz.objection IS
    '审计 / audit log of every change of an objection';
CREATE TRIGGER repair_bar_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.repair_bar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('bar_id');
COMMENT ON TRIGGER repair_bar_audit ON credit_gz.repair_bar IS
    '审计 / audit log of every change of a repair bar';
CREATE TRIGGER calendar_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.calendar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('day');
COMMENT ON TRIGGER calendar_audit ON credit_gz.calendar IS
    '审计 / audit log of every change of the working-day calendar';
CREATE TRIGGER deadline_rule_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.deadline_rule
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('deadline_rule_id');
COMMENT ON TRIGGER deadline_rule_audit ON credit_gz.deadline_rule IS
    '审计 / audit log of every change of a deadline rule';
