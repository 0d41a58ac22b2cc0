-- =====================================================================================================================
-- 终止公示 and 停止共享和使用 (国家发展改革委令第36号《信用修复管理办法》第三条): two end states of negative information with
-- dates of their own. 终止公示: no credit information system publishes the record any more; 停止共享和使用: the sharing
-- platform no longer shares it with departments, local governments and third-party credit service agencies, and the
-- joint-punishment measures tied to it are lifted. When each follows a repair or the end of the publicity period is
-- data (end_state_rule); the record's disclosure level follows both (credit_gz.record_level).
-- =====================================================================================================================

CREATE TABLE credit_gz.end_state_rule (
    end_state_rule_id  integer PRIMARY KEY,
    event              text    NOT NULL CHECK (event IN ('repaired', 'expired')),
    effective_from     date    NOT NULL,
    effective_until    date,
    stops_sharing      boolean NOT NULL,
    sharing_after_days integer CHECK (sharing_after_days >= 0),
    lifts_measures_at  text    CHECK (lifts_measures_at IN ('publicity_end', 'sharing_end')),
    source             text    NOT NULL CHECK (btrim(source) <> ''),
    note               text,
    shipped            boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK (stops_sharing = (sharing_after_days IS NOT NULL)),
    CHECK (lifts_measures_at IS DISTINCT FROM 'sharing_end' OR stops_sharing),
    UNIQUE (event, effective_from, shipped)
);
COMMENT ON TABLE credit_gz.end_state_rule IS
    '终止公示与停止共享规则 / what follows the end of a record''s publicity, by the event that ends it (repair, end of '
    'the publicity period) and the day it happens [effective_from, effective_until): whether and how many days after '
    '终止公示 sharing stops (停止共享和使用), and when the joint-punishment measures tied to the record are lifted. No '
    'rule in force: publicity ends, the record is archived (shared with authorities only), nothing is lifted. A local '
    'row (shipped = false) in force on the same day takes precedence over the shipped one.';
COMMENT ON COLUMN credit_gz.end_state_rule.end_state_rule_id IS '规则编号 / rule id';
COMMENT ON COLUMN credit_gz.end_state_rule.event IS '事件 / repaired (信用修复完成) or expired (公示期满)';
COMMENT ON COLUMN credit_gz.end_state_rule.effective_from IS '施行日期 / first day of an event the rule governs';
COMMENT ON COLUMN credit_gz.end_state_rule.effective_until IS '失效日期 / first day of an event the rule no longer governs (NULL: open)';
COMMENT ON COLUMN credit_gz.end_state_rule.stops_sharing IS '停止共享和使用 / whether sharing with departments and third parties stops';
COMMENT ON COLUMN credit_gz.end_state_rule.sharing_after_days IS '停止共享滞后天数 / days from 终止公示 to 停止共享和使用 (0: the same day)';
COMMENT ON COLUMN credit_gz.end_state_rule.lifts_measures_at IS
    '解除惩戒时点 / when the joint-punishment measures tied to the record (list entries it led to) are lifted: at '
    'publicity_end (终止公示) or sharing_end (停止共享和使用); NULL: not lifted by the record''s end (the list''s own term)';
COMMENT ON COLUMN credit_gz.end_state_rule.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.end_state_rule.note IS '说明 / remarks';
COMMENT ON COLUMN credit_gz.end_state_rule.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.end_state_rule (end_state_rule_id, event, effective_from, effective_until, stops_sharing,
                                      sharing_after_days, lifts_measures_at, source, note, shipped) VALUES
    (1, 'repaired', '2026-04-01', NULL, true, 0, 'sharing_end', '国家发展改革委令第36号《信用修复管理办法》第三条',
     'a completed repair ends publicity and sharing, and lifts the measures, together (同步); no lag is set by the order', true),
    (2, 'expired', '2024-04-01', NULL, false, NULL, NULL, '《广州市公共信用信息管理规定》(2024年修订) 第十四条',
     'at the end of its publicity period negative information is no longer public and is kept in the archive for '
     'the authorities'' duties', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.end_state_rule', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.end_state_rule TO PUBLIC;

CREATE FUNCTION credit_gz.end_state_rule_for(event text, on_day date) RETURNS credit_gz.end_state_rule
LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT r FROM credit_gz.end_state_rule r
        WHERE r.event = end_state_rule_for.event
          AND credit_gz.in_force(r.effective_from, r.effective_until, end_state_rule_for.on_day)
        ORDER BY r.shipped, r.effective_from DESC, r.end_state_rule_id
        LIMIT 1);
COMMENT ON FUNCTION credit_gz.end_state_rule_for(text, date) IS
    '适用终止规则 / the end-state rule in force on the day of an event (repaired, expired), a local row before a shipped '
    'one; NULL when none.';

-- end_state_days: the one computation of a record's end-state days, for the trigger below and for records that
-- ended before the days were kept (the 1.0 → 1.1 update fills them from the day each record ended).
CREATE FUNCTION credit_gz.end_state_days(status text, publish_until date, ended_on date,
                                         OUT publicity_ended_on date, OUT sharing_ended_on date)
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT d.day, CASE WHEN r.stops_sharing THEN d.day + r.sharing_after_days END
      FROM (SELECT CASE WHEN end_state_days.status = 'expired'
                        THEN LEAST(coalesce(end_state_days.publish_until, end_state_days.ended_on), end_state_days.ended_on)
                        ELSE end_state_days.ended_on END AS day) d
      LEFT JOIN LATERAL credit_gz.end_state_rule_for(end_state_days.status, d.day) r ON true
     WHERE end_state_days.status IN ('repaired', 'expired');
END;
COMMENT ON FUNCTION credit_gz.end_state_days(text, date, date) IS
    '终止公示日与停止共享日 / the end-state days of a record that became repaired or expired on ended_on: 终止公示 on '
    'that day (an expired record: the end of its publicity period, publish_until, if earlier) and 停止共享和使用 as '
    'the end-state rule in force then says (NULL: sharing does not end). NULL for any other status.';

-- record_end_state: BEFORE UPDATE OF status (and BEFORE INSERT of an expired record) on credit_gz.record. A record that
-- becomes repaired or expired gets its 终止公示 day (repair: the day of the change; end of the period: its
-- publish_until, whenever the expiry job runs) and, where the rule stops sharing, its 停止共享和使用 day.
CREATE FUNCTION credit_gz.record_end_state() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    days record;
BEGIN
    IF TG_RELID <> 'credit_gz.record'::regclass OR TG_OP NOT IN ('INSERT', 'UPDATE') OR TG_WHEN <> 'BEFORE'
       OR TG_LEVEL <> 'ROW' THEN
        RAISE EXCEPTION 'credit_gz.record_end_state() fires only BEFORE INSERT OR UPDATE FOR EACH ROW on credit_gz.record'
            USING ERRCODE = '39P01';
    END IF;
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status NOT IN ('repaired', 'expired') OR NEW.publicity_ended_on IS NOT NULL
       OR (TG_OP = 'UPDATE' AND (NEW.status = OLD.status OR OLD.publicity_ended_on IS NOT NULL)) THEN
        RETURN NEW;
    END IF;
    days := credit_gz.end_state_days(NEW.status, NEW.publish_until, credit_gz.policy_date());
    NEW.publicity_ended_on := days.publicity_ended_on;
    NEW.sharing_ended_on := days.sharing_ended_on;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.record_end_state() IS
    'Trigger: a record that becomes repaired or expired gets its 终止公示 day (the repair''s day; the end of its '
    'publicity period) and, where credit_gz.end_state_rule stops sharing, its 停止共享和使用 day. Trigger on '
    'credit_gz.record only.';
CREATE TRIGGER record_end_state BEFORE UPDATE OF status ON credit_gz.record
    FOR EACH ROW WHEN (NEW.status IN ('repaired', 'expired') AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION credit_gz.record_end_state();
COMMENT ON TRIGGER record_end_state ON credit_gz.record IS
    '终止公示、停止共享和使用 / the end-state days of a repaired or expired record';
CREATE TRIGGER record_end_state_insert BEFORE INSERT ON credit_gz.record
    FOR EACH ROW WHEN (NEW.status = 'expired') EXECUTE FUNCTION credit_gz.record_end_state();
COMMENT ON TRIGGER record_end_state_insert ON credit_gz.record IS
    '终止公示 / the end-state days of a record loaded after its publicity period (stored as expired)';

-- record_measures_lift_day: the day the joint-punishment measures tied to a record are lifted under the rule of its
-- end (NULL: not by the record's end).
CREATE FUNCTION credit_gz.record_measures_lift_day(status text, publicity_ended_on date, sharing_ended_on date)
RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT CASE r.lifts_measures_at WHEN 'publicity_end' THEN publicity_ended_on
                                         WHEN 'sharing_end' THEN sharing_ended_on END
          FROM credit_gz.end_state_rule_for(status, publicity_ended_on) r);
COMMENT ON FUNCTION credit_gz.record_measures_lift_day(text, date, date) IS
    '解除惩戒日 / the day the measures tied to a repaired or expired record are lifted, under the end-state rule in '
    'force on its 终止公示 day; NULL when the rule lifts nothing.';

-- lift_record_measures: lift the active list entries a record led to (list_entry.record_id), as of a day. An entry
-- whose list allows no early removal then (its term, list_entry_check) stays until its own term ends.
CREATE FUNCTION credit_gz.lift_record_measures(subject_id bigint, record_id bigint, on_day date)
RETURNS integer
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e record;
    n integer := 0;
    reason text;
BEGIN
    -- the entries name the record by its document number (read once, whatever the number of entries)
    SELECT pg_catalog.format('停止共享和使用: %s', r.document_no) INTO reason FROM credit_gz.record r
     WHERE r.subject_id OPERATOR(pg_catalog.=) lift_record_measures.subject_id
       AND r.record_id OPERATOR(pg_catalog.=) lift_record_measures.record_id;
    FOR e IN SELECT l.subject_id, l.entry_id FROM credit_gz.list_entry l
              WHERE l.subject_id OPERATOR(pg_catalog.=) lift_record_measures.subject_id
                AND l.record_id OPERATOR(pg_catalog.=) lift_record_measures.record_id
                AND l.status OPERATOR(pg_catalog.=) 'active' AND l.derived_from_entry_id IS NULL
              ORDER BY l.entry_id
              FOR NO KEY UPDATE
    LOOP
        BEGIN
            UPDATE credit_gz.list_entry l
               SET status = 'lifted', status_changed_on = on_day,
                   rectified_on = coalesce(l.rectified_on, on_day),
                   status_reason = reason
             WHERE l.subject_id OPERATOR(pg_catalog.=) e.subject_id AND l.entry_id OPERATOR(pg_catalog.=) e.entry_id;
            n := n OPERATOR(pg_catalog.+) 1;
        EXCEPTION WHEN check_violation THEN
            NULL;  -- the list's own term does not allow removal yet: the entry ends under it
        END;
    END LOOP;
    RETURN n;
END $$;
COMMENT ON FUNCTION credit_gz.lift_record_measures(bigint, bigint, date) IS
    '解除关联惩戒 / lifts, as of a day, the active list entries (joint-punishment measures) the record led to; an entry '
    'whose list allows no early removal on that day stays under its own term. Returns how many were lifted.';
REVOKE ALL ON FUNCTION credit_gz.lift_record_measures(bigint, bigint, date) FROM PUBLIC;

-- record_measures_lift: AFTER UPDATE OF status on credit_gz.record: measures due today are lifted at once; later
-- ones by the job lift_ended_measures(as_of). SECURITY DEFINER: the entries may be another department's.
CREATE FUNCTION credit_gz.record_measures_lift() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    lift date;
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.record'::pg_catalog.regclass OR TG_OP OPERATOR(pg_catalog.<>) 'UPDATE'
       OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER' OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW' THEN
        RAISE EXCEPTION 'credit_gz.record_measures_lift() fires only AFTER UPDATE FOR EACH ROW on credit_gz.record'
            USING ERRCODE = '39P01';
    END IF;
    lift := credit_gz.record_measures_lift_day(NEW.status, NEW.publicity_ended_on, NEW.sharing_ended_on);
    IF lift OPERATOR(pg_catalog.<=) credit_gz.policy_date() THEN
        PERFORM credit_gz.lift_record_measures(NEW.subject_id, NEW.record_id, lift);
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.record_measures_lift() IS
    'Trigger: when a record''s end states are set, lifts the measures tied to it that its end-state rule lifts by '
    'today (credit_gz.lift_record_measures); trigger on credit_gz.record only.';
REVOKE ALL ON FUNCTION credit_gz.record_measures_lift() FROM PUBLIC;
CREATE TRIGGER record_measures_lift AFTER UPDATE OF status ON credit_gz.record
    FOR EACH ROW WHEN (NEW.publicity_ended_on IS NOT NULL AND OLD.publicity_ended_on IS NULL)
    EXECUTE FUNCTION credit_gz.record_measures_lift();
COMMENT ON TRIGGER record_measures_lift ON credit_gz.record IS
    '解除关联惩戒 / lifts the measures tied to a record when its end-state rule says (due today)';

-- The measures a record's end can still lift: active entries it led to, a small part of the lists (lift_ended_measures
-- and lift_record_measures find them through it, whatever the size of the archive).
CREATE INDEX list_entry_record_active_idx ON credit_gz.list_entry (subject_id, record_id)
    WHERE status = 'active' AND record_id IS NOT NULL AND derived_from_entry_id IS NULL;
COMMENT ON INDEX credit_gz.list_entry_record_active_idx IS
    '待解除的关联惩戒 / active entries a credit record led to (measures lifted when the record ends)';

-- lift_ended_measures: the job step (run_expiry) for measures lifted after the day the record ended (a rule with a
-- lag), as of a day. Each record's entries in a subtransaction of their own: under the job's short lock_timeout a
-- subject another transaction holds is left for the next run (left_busy) instead of waiting in a lock cycle.
CREATE FUNCTION credit_gz.lift_ended_measures(as_of date DEFAULT credit_gz.policy_date())
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r record;
    lifted integer := 0;
    busy integer := 0;
BEGIN
    IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = credit_gz.msg('lift_ended_measures needs a finite day'),
              DETAIL = credit_gz.msg('as_of is %s.', coalesce(as_of::text, 'NULL'));
    END IF;
    FOR r IN SELECT rec.subject_id, rec.record_id,
                    credit_gz.record_measures_lift_day(rec.status, rec.publicity_ended_on, rec.sharing_ended_on) AS lift
               FROM (SELECT DISTINCT l.subject_id, l.record_id FROM credit_gz.list_entry l
                      WHERE l.status = 'active' AND l.record_id IS NOT NULL AND l.derived_from_entry_id IS NULL) t
               JOIN credit_gz.record rec ON rec.subject_id = t.subject_id AND rec.record_id = t.record_id
              WHERE rec.publicity_ended_on IS NOT NULL
              ORDER BY rec.subject_id, rec.record_id
    LOOP
        CONTINUE WHEN r.lift IS NULL OR r.lift > as_of;
        BEGIN
            lifted := lifted + credit_gz.lift_record_measures(r.subject_id, r.record_id, r.lift);
        EXCEPTION WHEN lock_not_available THEN
            busy := busy + 1;
        END;
    END LOOP;
    RETURN pg_catalog.jsonb_build_object('as_of', as_of, 'measures_lifted', lifted, 'left_busy', busy);
END $$;
COMMENT ON FUNCTION credit_gz.lift_ended_measures(date) IS
    '到期解除关联惩戒 / job step of run_expiry: lifts the measures tied to ended records whose lift day '
    '(credit_gz.end_state_rule) has come by as_of; subjects in subject_id order, a busy one left for the next run. '
    'Returns {"measures_lifted": …, "left_busy": …}.';
REVOKE ALL ON FUNCTION credit_gz.lift_ended_measures(date) FROM PUBLIC;
