-- The sync outbox (协同修复): enqueue, claim, acknowledge, retry with backoff, lease expiry.
BEGIN;
SELECT plan(16);

SELECT is(credit_gz.sync_outbox_enqueue(-1, 'objection_outcome', '{"n": 1}', true), 2,
          'a legal entity''s decision goes to 信用中国 and 国家企业信用信息公示系统');
SELECT is(credit_gz.sync_outbox_enqueue(-2, 'objection_outcome', '{"n": 2}', false), 1,
          'a natural person''s decision goes to 信用中国 only');
SELECT is((SELECT count(*)::int FROM credit_gz.sync_outbox WHERE subject_id = -2 AND target = 'creditchina'), 1,
          'target creditchina');

CREATE TEMP TABLE got AS SELECT * FROM credit_gz.sync_outbox_claim('c1', 100) WHERE subject_id IN (-1, -2);
SELECT is((SELECT count(*)::int FROM got), 3, 'c1 claims all three');
SELECT ok((SELECT bool_and(attempts = 1 AND claimed_by = 'c1') FROM got), 'claimed rows count an attempt');
SELECT is((SELECT count(*)::int FROM credit_gz.sync_outbox_claim('c2', 100) WHERE subject_id IN (-1, -2)), 0,
          'claimed rows are hidden for the lease');
SELECT throws_ok($$SELECT credit_gz.sync_outbox_ack('c2', ARRAY(SELECT outbox_id FROM got))$$, 'CG602', NULL,
                 'another consumer cannot acknowledge');
SELECT is(credit_gz.sync_outbox_ack('c1', ARRAY(SELECT outbox_id FROM got WHERE subject_id = -1)), 2, 'acknowledged 2');
SELECT is(credit_gz.sync_outbox_ack('c1', ARRAY(SELECT outbox_id FROM got WHERE subject_id = -1)), 0,
          'a repeated acknowledgement changes nothing');

-- Failure: backoff 30 s, then 60 s after the second attempt.
SELECT ok(credit_gz.sync_outbox_retry('c1', (SELECT outbox_id FROM got WHERE subject_id = -2), 'HTTP 503')
          BETWEEN clock_timestamp() + interval '29 seconds' AND clock_timestamp() + interval '31 seconds',
          'first retry after 30 seconds');
UPDATE credit_gz.sync_outbox SET available_at = now() - interval '1 second' WHERE subject_id = -2;  -- time passes
SELECT is((SELECT attempts FROM credit_gz.sync_outbox_claim('c2', 100) WHERE subject_id = -2), 2,
          'the failed row is claimed again, second attempt');
SELECT ok(credit_gz.sync_outbox_retry('c2', (SELECT outbox_id FROM got WHERE subject_id = -2), 'timeout')
          BETWEEN clock_timestamp() + interval '59 seconds' AND clock_timestamp() + interval '61 seconds',
          'second retry after 60 seconds');
SELECT is((SELECT last_error FROM credit_gz.sync_outbox WHERE subject_id = -2), 'timeout', 'last error kept');

-- Lease expiry: a consumer that dies loses its claim, never the row.
UPDATE credit_gz.sync_outbox SET available_at = now() - interval '1 second' WHERE subject_id = -2;
SELECT is((SELECT count(*)::int FROM credit_gz.sync_outbox_claim('c3', 100, '1 millisecond') WHERE subject_id = -2), 1,
          'c3 claims with a short lease');
SELECT pg_sleep(0.01);
SELECT is((SELECT claimed_by FROM credit_gz.sync_outbox_claim('c4', 100) WHERE subject_id = -2), 'c4',
          'after the lease ran out c4 claims the row');
SELECT throws_ok($$SELECT credit_gz.sync_outbox_retry('c3', (SELECT outbox_id FROM got WHERE subject_id = -2), 'late')$$,
                 'CG602', NULL, 'the consumer whose lease ran out can no longer report on it');

SELECT * FROM finish();
ROLLBACK;
