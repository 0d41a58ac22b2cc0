-- deadline rules: how many working days each step of a repair or an objection may take (办理时限), by channel.
-- Policy: 穗府办函〔2020〕35号 二(四) (信用修复, 异议处理), 三(五) (绿色通道); rules are data with effective dates.

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
    department_code  text REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK ((procedure = 'repair' AND step IN ('acceptance', 'decision', 'department_decision', 'platform_reply', 'extension'))
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
    '环节 / repair: acceptance 受理, decision 办结反馈, department_decision 认定部门作出决定 (applications received through '
    '信用中国), platform_reply 信用中国答复申请人, extension 复杂情形延长; objection: acceptance 受理, platform_check 平台核查, '
    'provider_check 提供单位核查';
COMMENT ON COLUMN credit_gz.deadline_rule.channel IS
    '通道 / standard, or green (绿色通道, 防疫重点保障企业: 穗府办函〔2020〕35号 三(五))';
COMMENT ON COLUMN credit_gz.deadline_rule.working_days IS '时限(工作日) / the deadline in working days';
COMMENT ON COLUMN credit_gz.deadline_rule.effective_from IS '施行日期 / first day in force';
COMMENT ON COLUMN credit_gz.deadline_rule.effective_until IS '废止日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.deadline_rule.source IS '依据 / the legal source';
COMMENT ON COLUMN credit_gz.deadline_rule.note IS '说明 / remarks';
COMMENT ON COLUMN credit_gz.deadline_rule.department_code IS
    '认定部门(系统) / the handling department, or the system of departments (department.system_code), the rule is for; '
    'NULL: every department. A rule for the department beats one for its system, which beats one for every department '
    '(国家市场监督管理总局令第107号: market regulation decides repairs within 7 working days)';

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
        'local setting: the policy orders a faster green channel but sets no number; confirm with 市发展改革委'),
    (8, 'repair', 'department_decision', 'standard', 3, '2025-06-22', '国办发〔2025〕22号 (信用中国 统一修复窗口)',
        'an application received through 信用中国: the determining department decides within 3 working days of receipt'),
    (9, 'repair', 'platform_reply', 'standard', 10, '2025-06-22', '国办发〔2025〕22号 (信用中国 统一修复窗口)',
        '信用中国 answers the applicant within 10 working days of receipt'),
    (10, 'repair', 'extension', 'standard', 10, '2025-06-22', '国办发〔2025〕22号 (复杂情形可延长)',
        'unconfirmed figure: 22号 allows an extension for complex cases but no text seen sets its length; '
        'local setting of 10 working days, confirm with 市发展改革委');
INSERT INTO credit_gz.deadline_rule
    (deadline_rule_id, procedure, step, channel, working_days, effective_from, source, note, department_code) VALUES
    (11, 'repair', 'decision', 'standard', 7, '2025-12-25', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》',
        'market regulation decides a repair application within 7 working days (15 under the earlier SAMR rules)',
        'market_regulation');

SELECT pg_catalog.pg_extension_config_dump('credit_gz.deadline_rule', 'WHERE deadline_rule_id >= 1000');

CREATE FUNCTION credit_gz.deadline_rule_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    other integer;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    -- Shipped rules (1–999) are re-created by CREATE EXTENSION on restore, so changes to them would be lost.
    IF (TG_OP <> 'INSERT' AND OLD.deadline_rule_id < 1000) OR (TG_OP <> 'DELETE' AND NEW.deadline_rule_id < 1000) THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('deadline rules below 1000 ship with the extension and cannot be added, changed or deleted'),
            DETAIL = credit_gz.msg('Shipped rules are re-created on restore; only local rules (deadline_rule_id >= 1000) are kept by pg_dump.'),
            HINT = credit_gz.msg('Insert a local rule with deadline_rule_id >= 1000: on the days it is in force it takes precedence.');
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    -- One local rule per (procedure, step, channel, department) on any day; serialise writers so two concurrent inserts cannot
    -- both pass.
    LOCK TABLE credit_gz.deadline_rule IN SHARE ROW EXCLUSIVE MODE;
    SELECT r.deadline_rule_id INTO other
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = NEW.procedure AND r.step = NEW.step AND r.channel = NEW.channel
      AND r.department_code IS NOT DISTINCT FROM NEW.department_code
      AND r.deadline_rule_id <> NEW.deadline_rule_id AND r.deadline_rule_id >= 1000
      AND pg_catalog.daterange(r.effective_from, r.effective_until) && pg_catalog.daterange(NEW.effective_from, NEW.effective_until)
    LIMIT 1;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '23P01',
            MESSAGE = credit_gz.msg('deadline rule %s overlaps rule %s for %s %s, channel %s', NEW.deadline_rule_id, other,
                                    NEW.procedure, NEW.step, NEW.channel),
            DETAIL = CASE WHEN NEW.department_code IS NULL
                          THEN credit_gz.msg('Only one local rule may be in force for a step of a procedure on any day.')
                          ELSE credit_gz.msg('Only one local rule may be in force for a step of a procedure on any day for department %s.',
                                             NEW.department_code) END,
            HINT = credit_gz.msg('Set effective_until on the older local rule first.');
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.deadline_rule_check() IS
    'Trigger: shipped deadline rules (1–999) are fixed; at most one local rule in force per procedure, step, channel and '
    'department on any day (23P01).';
CREATE TRIGGER deadline_rule_check BEFORE INSERT OR UPDATE OR DELETE ON credit_gz.deadline_rule
    FOR EACH ROW EXECUTE FUNCTION credit_gz.deadline_rule_check();
COMMENT ON TRIGGER deadline_rule_check ON credit_gz.deadline_rule IS
    '期限规则校验 / shipped rules (1–999) stay fixed; at most one local rule in force per procedure, step and channel on any day';

CREATE FUNCTION credit_gz.deadline_working_days(procedure text, step text, channel text, on_day date,
                                                department_code text)
RETURNS integer
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
    sys text;
BEGIN
    IF $1 IS NULL OR $2 IS NULL OR $3 IS NULL OR $4 IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT d.system_code INTO sys FROM credit_gz.department d WHERE d.code = $5;
    -- The green channel uses its own rule where one is in force, the standard rule otherwise; then a rule for the
    -- department beats one for its system, which beats one for every department; a local rule (deadline_rule_id >=
    -- 1000) takes precedence over the shipped one of the same channel and department.
    SELECT r.working_days INTO n
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = $1 AND r.step = $2 AND r.channel IN ($3, 'standard')
      AND (r.department_code IS NULL OR r.department_code = $5 OR r.department_code = sys)
      AND credit_gz.in_force(r.effective_from, r.effective_until, $4)
    ORDER BY (r.channel = $3) DESC, (r.department_code = $5) DESC NULLS LAST, (r.department_code = sys) DESC NULLS LAST,
             (r.deadline_rule_id >= 1000) DESC
    LIMIT 1;
    IF n IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'CG601',
            MESSAGE = credit_gz.msg('no deadline rule in force for %s %s on %s', $1, $2, pg_catalog.to_char($4, 'YYYY-MM-DD')),
            DETAIL = credit_gz.msg('Deadlines come from credit_gz.deadline_rule; none covers that day.'),
            HINT = credit_gz.msg('Insert a rule (deadline_rule_id >= 1000) with the deadline and the dates it is in force.');
    END IF;
    RETURN n;
END $$;
COMMENT ON FUNCTION credit_gz.deadline_working_days(text, text, text, date, text) IS
    '时限工作日数 / the working days a step of a procedure allows a department (NULL: no particular one), under the rule '
    'in force on the day (green channel falls back to the standard rule, a rule for the department or its system beats '
    'one for every department, a local rule beats a shipped one); error CG601 when no rule is in force.';

CREATE FUNCTION credit_gz.deadline_working_days(procedure text, step text, channel text, on_day date)
RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN credit_gz.deadline_working_days(procedure, step, channel, on_day, NULL::text);
COMMENT ON FUNCTION credit_gz.deadline_working_days(text, text, text, date) IS
    '时限工作日数 / the working days a step of a procedure allows under the rule for every department in force on the '
    'day (the five-argument form for a department''s own rule); error CG601 when no rule is in force.';

CREATE FUNCTION credit_gz.deadline(procedure text, step text, channel text, from_day date, department_code text) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
RETURN credit_gz.add_working_days(from_day, credit_gz.deadline_working_days(procedure, step, channel, from_day, department_code));
COMMENT ON FUNCTION credit_gz.deadline(text, text, text, date, text) IS
    '办理期限 / the last day for a step a department handles: from_day plus the working days of the rule in force on '
    'from_day for the department (or its system, or every department).';

CREATE FUNCTION credit_gz.deadline(procedure text, step text, channel text, from_day date) RETURNS date
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN credit_gz.add_working_days(from_day, credit_gz.deadline_working_days(procedure, step, channel, from_day));
COMMENT ON FUNCTION credit_gz.deadline(text, text, text, date) IS
    '办理期限 / the last day for a step: from_day plus the working days of the rule in force on from_day.';

CREATE TRIGGER deadline_rule_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.deadline_rule
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('deadline_rule_id');
COMMENT ON TRIGGER deadline_rule_audit ON credit_gz.deadline_rule IS
    '审计 / audit log of every change of a deadline rule';
