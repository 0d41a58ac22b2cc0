-- expiry: the one daily job (到期处理) that moves every date-driven state: records past their publicity window,
-- list entries past their term or due to escalate, overdue repair applications and objections, overdue
-- rectification (谁认定、谁约谈), restructuring shields past their period, measures an end-state rule lifts late.

-- ====================================================================
-- The expiry job (到期处理): credit_gz.run_expiry, scheduled daily with pg_cron
-- ====================================================================

-- Due-date indexes: each holds only the rows that can still fall due, so finding what is due costs a B-tree descent
-- plus the due rows, whatever the size of the archive. Records use the archive's record_publish_until_idx
-- (publish_until) WHERE credit_gz.record_counts(status); list entries list_entry_escalation_due_idx (src/lists.sql);
-- repair applications and objections their *_due_idx; see doc/schema.md.

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
    n_busy bigint := 0;
    shields jsonb;
    lifted jsonb;
    k bigint;
    root bigint;
    lt record;
    due_entry record;
    -- how long a step may wait for a subject it does not hold; below deadlock_timeout's default (1 s), so the run
    -- gives up before a transaction it blocks is chosen as a deadlock victim
    busy_wait constant text := '100ms';
    prior_lock_timeout text;
    step record;
    room bigint := COALESCE(max_rows, 9223372036854775807);
    seen bigint;
    last_until date := '-infinity';
    last_id bigint := 0;
    summary jsonb;
    started timestamptz := pg_catalog.clock_timestamp();
    failed_state text;
    failed_message text;
    failed_detail text;
BEGIN
    IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) OR batch_size IS NULL OR batch_size < 1 OR max_rows < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = credit_gz.msg('run_expiry needs a finite time and a positive batch size'),
            DETAIL = credit_gz.msg('as_of is %s, batch_size %s, max_rows %s.', coalesce(as_of::text, 'NULL'),
                                   coalesce(batch_size::text, 'NULL'), coalesce(max_rows::text, 'NULL')),
            HINT = credit_gz.msg('Call credit_gz.run_expiry() or run_expiry(now(), 10000).');
    END IF;
    -- One run at a time; a concurrent call returns at once and changes nothing.
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('run_expiry')) THEN
        summary := pg_catalog.jsonb_build_object('as_of', d, 'skipped', 'another run_expiry is in progress');
        PERFORM credit_gz.job_run_record('run_expiry', d, started, summary);
        RETURN summary;
    END IF;

    BEGIN

    -- 1. Records past their maximum publicity period (publish_until is the first day no longer published):
    --    publication stops, kept archived for authorities (《广州市公共信用信息管理规定》).
    --    (A record under objection waits: its prior status returns when the objection ends, then it expires.)
    --    max_rows caps the records and entries changed by this call (each touched subject holds a scoring lock until
    --    commit); run_expiry_in_batches commits between capped calls.
    --    One lock order: the scoring and audit triggers of each expired row lock its subject, and the rows come in
    --    date order; so the batch first takes its subjects itself, in subject_id order as every other path does,
    --    skipping a subject another transaction holds (its records wait for the next run, like a locked record).
    --    The batches walk the due rows by (publish_until, record_id), so rows left behind are not met again.
    WHILE room > 0 LOOP
        WITH due AS MATERIALIZED (
            SELECT r.subject_id, r.record_id, r.publish_until FROM credit_gz.record r
            WHERE r.status = 'in_publicity' AND r.publish_until <= d
              AND r.publish_until >= last_until AND (r.publish_until, r.record_id) > (last_until, last_id)
            ORDER BY r.publish_until, r.record_id LIMIT LEAST(batch_size, room)
            FOR NO KEY UPDATE OF r SKIP LOCKED
        ), mine AS MATERIALIZED (
            SELECT s.subject_id FROM credit_gz.subject s
            WHERE s.subject_id IN (SELECT due.subject_id FROM due)
            ORDER BY s.subject_id
            FOR NO KEY UPDATE OF s SKIP LOCKED
        ), upd AS (
            UPDATE credit_gz.record r SET status = 'expired', disclosure = 'archived'
            FROM due JOIN mine USING (subject_id)
            WHERE r.subject_id = due.subject_id AND r.record_id = due.record_id
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM due), (SELECT count(*) FROM upd), l.publish_until, l.record_id
          INTO seen, k, last_until, last_id
          FROM (SELECT 1) one
          LEFT JOIN LATERAL (SELECT due.publish_until, due.record_id FROM due
                              ORDER BY due.publish_until DESC, due.record_id DESC LIMIT 1) l ON true;
        n_records := n_records + k;
        room := room - k;
        EXIT WHEN seen < LEAST(batch_size, room + k);
    END LOOP;

    -- 2. List entries past their term (effective_until is the first day no longer in force); derived entries
    --    follow their source through the lists triggers.
    --    An entry's end also lifts the entries derived from it, of other subjects: the batch takes the subjects of
    --    its entries and of their active derived entries in subject_id order, and an entry any of whose subjects is
    --    busy waits for the next run.
    last_until := '-infinity';
    last_id := 0;
    WHILE room > 0 LOOP
        WITH due AS MATERIALIZED (
            SELECT e.subject_id, e.entry_id, e.effective_until FROM credit_gz.list_entry e
            WHERE e.status = 'active' AND e.effective_until <= d AND e.derived_from_entry_id IS NULL
              AND e.effective_until >= last_until AND (e.effective_until, e.entry_id) > (last_until, last_id)
            ORDER BY e.effective_until, e.entry_id LIMIT LEAST(batch_size, room)
            FOR NO KEY UPDATE OF e SKIP LOCKED
        ), touched AS MATERIALIZED (
            SELECT due.entry_id, due.subject_id FROM due
            UNION
            SELECT x.root_entry_id, x.subject_id FROM credit_gz.list_entry x
            WHERE x.root_entry_id IN (SELECT due.entry_id FROM due) AND x.status = 'active'
        ), mine AS MATERIALIZED (
            SELECT s.subject_id FROM credit_gz.subject s
            WHERE s.subject_id IN (SELECT touched.subject_id FROM touched)
            ORDER BY s.subject_id
            FOR NO KEY UPDATE OF s SKIP LOCKED
        ), upd AS (
            UPDATE credit_gz.list_entry e SET status = 'expired', status_changed_on = d, status_reason = 'term ended (期满)'
            FROM due
            WHERE e.subject_id = due.subject_id AND e.entry_id = due.entry_id
              AND NOT EXISTS (SELECT FROM touched t
                              WHERE t.entry_id = due.entry_id
                                AND t.subject_id NOT IN (SELECT mine.subject_id FROM mine))
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM due), (SELECT count(*) FROM upd), l.effective_until, l.entry_id
          INTO seen, k, last_until, last_id
          FROM (SELECT 1) one
          LEFT JOIN LATERAL (SELECT due.effective_until, due.entry_id FROM due
                              ORDER BY due.effective_until DESC, due.entry_id DESC LIMIT 1) l ON true;
        n_entries := n_entries + k;
        room := room - k;
        EXIT WHEN seen < LEAST(batch_size, room + k);
    END LOOP;
    -- Derived entries whose own term ended (the relation they came through ended): recompute their trees as of
    -- the run's day, so that a relation ending before as_of lifts its entry whatever the date of the server.
    -- This step and the next take subjects the run does not hold yet (a tree's subjects, those an escalated entry
    -- propagates to), while it holds the subjects of its batches: waiting for one could close a cycle with a
    -- transaction that holds it and waits for one of the run's. Each tree and each escalation is tried on its own
    -- and, when a subject stays busy for a moment, rolled back and left for the next run (left_busy).
    prior_lock_timeout := pg_catalog.current_setting('lock_timeout');
    PERFORM pg_catalog.set_config('lock_timeout', busy_wait, true);
    FOR root IN
        SELECT DISTINCT e.root_entry_id FROM credit_gz.list_entry e
        WHERE e.status = 'active' AND e.root_entry_id IS NOT NULL AND e.effective_until <= d
          -- a root due itself was left busy by the batches above: its tree ends with it, in a later run
          AND NOT EXISTS (SELECT FROM credit_gz.list_entry r
                          WHERE r.entry_id = e.root_entry_id AND r.status = 'active' AND r.effective_until <= d)
        ORDER BY 1
    LOOP
        BEGIN
            n_derived := n_derived + credit_gz.repropagate_entry(root, d);
        EXCEPTION WHEN lock_not_available THEN
            n_busy := n_busy + 1;
        END;
    END LOOP;

    -- 3. Escalation by the list types' own rules (经营异常名录 unresolved 3 years → 严重违法失信名单): an entry
    --    escalates on add_months(listed on, escalate_after_months) (doc/repair.md, month ends); the entries due are
    --    those listed on or before add_months_inverse(d, …), an index range of list_entry_escalation_due_idx.
    FOR lt IN SELECT t.code, t.escalate_to_code, t.escalate_after_months,
                     credit_gz.add_months_inverse(d, t.escalate_after_months) AS listed_by
              FROM credit_gz.list_type t WHERE t.escalate_to_code IS NOT NULL ORDER BY t.code
    LOOP
        FOR due_entry IN
            SELECT e.subject_id, e.entry_id FROM credit_gz.list_entry e
            WHERE e.list_type_code = lt.code AND e.status = 'active' AND e.derived_from_entry_id IS NULL
              AND e.effective_from <= lt.listed_by
              AND NOT EXISTS (SELECT FROM credit_gz.list_entry x WHERE x.escalated_from_entry_id = e.entry_id)
            ORDER BY e.entry_id
        LOOP
            BEGIN
                INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document,
                                                  effective_from, record_id, escalated_from_entry_id)
                SELECT e.subject_id, lt.escalate_to_code, e.department_code,
                       pg_catalog.format('经营异常满%s个月未纠正，由列入记录 %s 升级 (%s)', lt.escalate_after_months,
                                         e.entry_id, e.basis_document),
                       d, e.record_id, e.entry_id
                FROM credit_gz.list_entry e
                WHERE e.subject_id = due_entry.subject_id AND e.entry_id = due_entry.entry_id;
                n_escalated := n_escalated + 1;
            EXCEPTION WHEN lock_not_available THEN
                n_busy := n_busy + 1;
            END;
        END LOOP;
    END LOOP;
    PERFORM pg_catalog.set_config('lock_timeout', prior_lock_timeout, true);

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

    -- 6. Restructuring shields whose period is over (国办发〔2025〕22号): restored, or ended with the shielded records;
    -- 7. measures tied to ended records whose end-state rule lifts them after the record ended (a lag). Both take
    --    subjects the run may not hold yet, so under the same short lock_timeout a busy one waits for the next run.
    PERFORM pg_catalog.set_config('lock_timeout', busy_wait, true);
    shields := credit_gz.run_restructuring_shields(d);
    lifted := credit_gz.lift_ended_measures(d);
    PERFORM pg_catalog.set_config('lock_timeout', prior_lock_timeout, true);
    n_busy := n_busy + (shields ->> 'left_busy')::bigint + (lifted ->> 'left_busy')::bigint;

    summary := pg_catalog.jsonb_build_object(
        'as_of', d,
        'more_due', room <= 0,
        'records_expired', n_records,
        'entries_expired', n_entries,
        'derived_entries_recomputed', n_derived,
        'entries_escalated', n_escalated,
        'left_busy', n_busy,
        'repair_applications_overdue', n_repair,
        'objections_overdue', n_objection,
        'interview_tasks_created', n_tasks,
        'shields_restored', (shields ->> 'shields_restored')::bigint,
        'shields_ended', (shields ->> 'shields_ended')::bigint,
        'shielded_records_ended', (shields ->> 'records_ended')::bigint,
        'measures_lifted', (lifted ->> 'measures_lifted')::bigint);
    EXCEPTION WHEN OTHERS THEN
        -- the work above is rolled back with this block's subtransaction; the failure is logged in the caller's
        -- transaction, so it stays when that commits (pg_cron's does)
        GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT,
                                failed_detail = PG_EXCEPTION_DETAIL;
    END;
    IF failed_state IS NOT NULL THEN
        PERFORM credit_gz.job_run_record('run_expiry', d, started, NULL, failed_state,
                                         concat_ws(E'\n', failed_message, failed_detail));
        RAISE WARNING USING MESSAGE = credit_gz.msg('run_expiry failed (SQLSTATE %s): %s', failed_state, failed_message),
            DETAIL = coalesce(failed_detail, ''), HINT = credit_gz.msg('The failure is logged in credit_gz.job_run.');
        RETURN pg_catalog.jsonb_build_object('as_of', d, 'failed', failed_message, 'sqlstate', failed_state);
    END IF;
    PERFORM credit_gz.job_run_record('run_expiry', d, started, summary);
    RETURN summary;
END $$;
COMMENT ON FUNCTION credit_gz.run_expiry(timestamptz, integer, integer) IS
    '到期处理 / the daily job: records past publish_until → expired and archived; list entries past their term → expired; '
    'entries unresolved for their type''s escalation period (经营异常名录 3 years) → escalated; overdue repair '
    'applications and objections flagged; interview tasks for overdue rectification (谁认定、谁约谈); restructuring '
    'shields past their period restored or ended; measures lifted that an end-state rule lifts after the record ended. '
    'Scores follow through the triggers. Its day is policy_date(as_of), passed to everything it calls, so the same as_of does the '
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
    started timestamptz := pg_catalog.clock_timestamp();
BEGIN
    -- Each scoring-trigger call holds its subject's row lock until commit; committing every
    -- rows_per_transaction rows keeps a large day (1% of the archive) in transactions of bounded size.
    -- (No SET search_path here: a procedure with SET cannot COMMIT; every name below is schema-qualified.)
    IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) OR rows_per_transaction IS NULL OR rows_per_transaction < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = credit_gz.msg('run_expiry_in_batches needs a finite time and a positive number of rows per transaction'),
            DETAIL = credit_gz.msg('as_of is %s, rows_per_transaction %s.', coalesce(as_of::text, 'NULL'),
                                   coalesce(rows_per_transaction::text, 'NULL')),
            HINT = credit_gz.msg('CALL credit_gz.run_expiry_in_batches() or run_expiry_in_batches(now(), 2000).');
    END IF;
    result := '{}'::jsonb;
    LOOP
        r := credit_gz.run_expiry(as_of, LEAST(rows_per_transaction, 10000), rows_per_transaction);
        IF r ? 'skipped' OR r ? 'failed' THEN
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
    -- the batches' own runs are logged by run_expiry (each committed with its batch); this row sums them
    IF result ? 'failed' THEN
        PERFORM credit_gz.job_run_record('run_expiry_in_batches', credit_gz.policy_date(as_of), started, NULL, result ->> 'sqlstate',
                                         result ->> 'failed');
    ELSE
        PERFORM credit_gz.job_run_record('run_expiry_in_batches', credit_gz.policy_date(as_of), started, result);
    END IF;
END $$;
COMMENT ON PROCEDURE credit_gz.run_expiry_in_batches(timestamptz, integer, jsonb) IS
    '到期处理(分批提交) / the expiry job for large days: calls run_expiry(as_of, …, rows_per_transaction) and commits '
    'after each call until nothing is due, so the scoring triggers'' per-subject locks never exceed '
    'max_locks_per_transaction; returns the summed counts. CALL it at top level (pg_cron does).';
