-- sync outbox: decisions on repairs and objections queued for the national systems (协同修复).
-- Policy: 穗府办函〔2020〕35号 二(四) (信用中国, 国家企业信用信息公示系统 协同修复).

-- ====================================================================
-- Sync outbox (协同修复: 信用中国, 国家企业信用信息公示系统)
-- ====================================================================

CREATE TABLE credit_gz.sync_target (
    code        text PRIMARY KEY,
    name_zh     text NOT NULL,
    applies_to  text NOT NULL CHECK (applies_to IN ('legal_entity', 'natural_person', 'both')),
    active      boolean NOT NULL DEFAULT true,
    topics      text[]
);
COMMENT ON TABLE credit_gz.sync_target IS
    '协同修复对象系统 / systems every repair and objection decision is sent to (一网通办, 协同修复: 二(四)).';
COMMENT ON COLUMN credit_gz.sync_target.code IS '代码 / target code';
COMMENT ON COLUMN credit_gz.sync_target.name_zh IS '名称 / name of the system';
COMMENT ON COLUMN credit_gz.sync_target.applies_to IS
    '适用主体 / legal_entity (subjects with a unified social credit code), natural_person, or both';
COMMENT ON COLUMN credit_gz.sync_target.active IS '启用 / false: no new outbox rows for this target';
COMMENT ON COLUMN credit_gz.sync_target.topics IS
    '事项 / the outbox topics this target receives (NULL: every topic), e.g. 征信机构 receive repair results only';
INSERT INTO credit_gz.sync_target VALUES
    ('creditchina', '"信用中国"网站', 'both', true, NULL),
    ('gsxt', '国家企业信用信息公示系统', 'legal_entity', true, NULL),
    -- 国办发〔2025〕22号: repair results are synchronised to 征信机构 (credit reference agencies).
    ('credit_reference', '征信机构', 'both', true, '{repair_decision}');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.sync_target',
    'WHERE code NOT IN (''creditchina'', ''gsxt'', ''credit_reference'')');

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
          AND (t.topics IS NULL OR sync_outbox_enqueue.topic = ANY (t.topics))
          AND (t.applies_to = 'both'
               OR t.applies_to = CASE WHEN sync_outbox_enqueue.legal_entity THEN 'legal_entity' ELSE 'natural_person' END)
        RETURNING 1)
    SELECT count(*)::integer FROM ins;
END;
COMMENT ON FUNCTION credit_gz.sync_outbox_enqueue(bigint, text, jsonb, boolean) IS
    'Writes one outbox row per active target that applies to the subject (gsxt only for legal entities) and takes the '
    'topic (sync_target.topics); returns the number of rows. Call it in the transaction of the decision so the message '
    'commits or rolls back with it.';

CREATE FUNCTION credit_gz.sync_outbox_enqueue_to(subject_id bigint, target text, topic text, payload jsonb)
RETURNS integer
LANGUAGE sql VOLATILE STRICT SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH ins AS (
        INSERT INTO credit_gz.sync_outbox (subject_id, target, topic, payload)
        SELECT sync_outbox_enqueue_to.subject_id, t.code, sync_outbox_enqueue_to.topic, sync_outbox_enqueue_to.payload
        FROM credit_gz.sync_target t
        WHERE t.code = sync_outbox_enqueue_to.target AND t.active
        RETURNING 1)
    SELECT count(*)::integer FROM ins;
END;
COMMENT ON FUNCTION credit_gz.sync_outbox_enqueue_to(bigint, text, text, jsonb) IS
    'Writes one outbox row for one target (when it is active), e.g. the progress of an application to the platform it '
    'came from; returns the number of rows. Call it in the transaction of the event.';

CREATE FUNCTION credit_gz.sync_outbox_claim(consumer text, batch_size integer DEFAULT 100,
                                            lease interval DEFAULT '5 minutes', only_target text DEFAULT NULL)
RETURNS SETOF credit_gz.sync_outbox
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF consumer IS NULL OR batch_size IS NULL OR batch_size < 1 OR lease IS NULL OR lease <= interval '0' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = credit_gz.msg('invalid outbox claim: consumer, a positive batch size and a positive lease are required'),
            HINT = credit_gz.msg('Call sync_outbox_claim(''consumer-name'', 100, ''5 minutes'').');
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
        RAISE EXCEPTION USING ERRCODE = 'CG602',
            MESSAGE = credit_gz.msg('outbox row %s is not claimed by consumer "%s"', stale, consumer),
            DETAIL = credit_gz.msg('Its lease ran out and another consumer claimed it, or it was never claimed.'),
            HINT = credit_gz.msg('Claim rows with sync_outbox_claim and acknowledge them before the lease ends.');
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
        RAISE EXCEPTION USING ERRCODE = 'CG602',
            MESSAGE = credit_gz.msg('outbox row %s is not claimed by consumer "%s"', sync_outbox_retry.outbox_id, consumer),
            DETAIL = credit_gz.msg('Only a pending row held by the consumer can be scheduled for retry.'),
            HINT = credit_gz.msg('Claim rows with sync_outbox_claim first.');
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
