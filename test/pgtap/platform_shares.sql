-- The report upward and public disclosure agree: on the same day, the records platform_shares lets the exports
-- report are exactly those a public reader finds in credit_gz.public_record — whatever the record's level, status,
-- publicity window, end states (终止公示, 停止共享和使用) or a restructuring shield of its subject (破产重整信息屏蔽).
BEGIN;
SELECT plan(4);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
INSERT INTO credit_gz.subject (uscc, name)
SELECT credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad(n::text, 6, '0'))), '共享测试' || n
  FROM generate_series(3301, 3303) n;
CREATE FUNCTION pg_temp.sid(n int) RETURNS bigint LANGUAGE sql AS
$$ SELECT subject_id FROM credit_gz.subject WHERE name = '共享测试' || n $$;

-- subject 3301: one record in each state; 3302: one published record; 3303: a published record under a shield
SELECT credit_gz.load_record('environment', 'PS-' || n, pg_temp.sid(CASE n WHEN 8 THEN 3302 WHEN 9 THEN 3303 ELSE 3301 END),
                             'administrative_penalty', credit_gz.policy_date() - CASE n WHEN 10 THEN 1500 ELSE 200 END,
                             NULL, 'general', CASE n WHEN 2 THEN 'government' WHEN 11 THEN 'authorised' ELSE 'public' END)
  FROM generate_series(1, 11) n;
UPDATE credit_gz.record SET status = 'repaired' WHERE document_no = 'PS-3';
UPDATE credit_gz.record SET publicity_ended_on = credit_gz.policy_date() - 1 WHERE document_no = 'PS-4';
UPDATE credit_gz.record SET publicity_ended_on = credit_gz.policy_date() - 2, sharing_ended_on = credit_gz.policy_date() - 1
 WHERE document_no = 'PS-5';
UPDATE credit_gz.record SET status = 'revoked' WHERE document_no = 'PS-6';
UPDATE credit_gz.record SET status = 'under_objection' WHERE document_no = 'PS-7';
INSERT INTO credit_gz.restructuring_shield (subject_id, department_code, court_decision_no, approved_on, shield_from,
                                            shield_until)
VALUES (pg_temp.sid(3303), 'court', '(2026)粤01破33号', credit_gz.policy_date(), credit_gz.policy_date(),
        credit_gz.policy_date() + 180);

CREATE TEMP TABLE shared AS
SELECT r.document_no
  FROM credit_gz.record r JOIN credit_gz.info_item i ON i.code = r.item_code
 WHERE r.document_no LIKE 'PS-%'
   AND credit_gz.platform_shares(r.subject_id, i.polarity, r.disclosure, r.status, r.publish_from, r.publish_until,
                                 r.publicity_ended_on, r.sharing_ended_on, credit_gz.policy_date());
GRANT SELECT ON shared TO PUBLIC;
CREATE ROLE t_ps_public NOLOGIN;
SELECT credit_gz.grant_public_reader('t_ps_public');

SET LOCAL ROLE t_ps_public;
SELECT set_eq($$SELECT document_no FROM shared$$,
              $$SELECT document_no FROM credit_gz.public_record WHERE document_no LIKE 'PS-%'$$,
              'platform_shares gives exactly the records the public reads today');
RESET ROLE;
SELECT set_eq($$SELECT document_no FROM shared$$, ARRAY['PS-1', 'PS-7', 'PS-8'],
              '... published ones and one under objection; not government-only, authorised, repaired, ended, revoked, '
              'expired or shielded ones');
SELECT set_eq($$SELECT document_no FROM credit_gz.export_penalties() WHERE document_no LIKE 'PS-%'$$,
              $$SELECT document_no FROM shared$$, 'the penalty export reports exactly those');
SELECT is((SELECT row_count FROM credit_gz.export_run ORDER BY run_id DESC LIMIT 1), 3::bigint,
          '... and its run counts them');

SELECT * FROM finish();
ROLLBACK;
