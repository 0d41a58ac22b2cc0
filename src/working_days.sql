-- working days: the working-day calendar (工作日历) that repair and objection deadlines count in.
-- Holidays and 调休 working weekends as data, by the State Council's notices; the arithmetic is C (src/working_days.c
-- over src/core/workdays.c).

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
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = credit_gz.msg('credit_gz.calendar holds the shipped official arrangement and cannot be truncated'),
                DETAIL = credit_gz.msg('Rows shipped with the extension are re-created on restore, so removing them would be undone.'),
                HINT = credit_gz.msg('Delete the local rows instead: DELETE FROM credit_gz.calendar WHERE NOT shipped.');
        END IF;
        RETURN NULL;
    END IF;
    IF OLD.shipped THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('calendar day %s is part of the shipped official arrangement', pg_catalog.to_char(OLD.day, 'YYYY-MM-DD')),
            DETAIL = credit_gz.msg('Rows shipped with the extension are re-created on restore, so changes to them would be lost.'),
            HINT = credit_gz.msg('Official corrections come with an extension update; load other years as new rows.');
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.shipped THEN
        RAISE EXCEPTION USING ERRCODE = '23514',
            MESSAGE = credit_gz.msg('calendar rows cannot be marked as shipped'),
            DETAIL = credit_gz.msg('Only the extension''s install and update scripts ship calendar rows.'),
            HINT = credit_gz.msg('Leave shipped false for rows you load.');
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
COMMENT ON FUNCTION credit_gz.calendar_guard_shipped() IS
    'Trigger: keeps the shipped official holiday arrangements unchanged (pg_dump keeps only local rows).';

CREATE FUNCTION credit_gz.calendar_guard_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
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

CREATE TRIGGER calendar_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.calendar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('day');
COMMENT ON TRIGGER calendar_audit ON credit_gz.calendar IS
    '审计 / audit log of every change of the working-day calendar';
