-- The policy clock (doc/schema.md, "Dates and the policy clock"): credit_gz.policy_date() is the day of the
-- transaction's timestamp in credit_gz.policy_time_zone, whatever the session's TimeZone; only a superuser moves
-- it; the C paths (the record trigger's future-date check, the pre-check's checked_on) follow the same setting.
-- Then the month arithmetic every period counted in months uses (credit_gz.add_months), pinned at month ends.
-- Pacific/Kiritimati (UTC+14) and Pacific/Pago_Pago (UTC-11) are 25 hours apart: their dates always differ.
BEGIN;
SELECT plan(31);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;

-- ---- the default zone, and the session's TimeZone does not matter ---------------------------------------------
SELECT is(current_setting('credit_gz.policy_time_zone'), 'Asia/Shanghai', 'the policy time zone is Asia/Shanghai by default');
SELECT is(credit_gz.policy_date(), (now() AT TIME ZONE 'Asia/Shanghai')::date,
          'policy_date() is the transaction''s date in Asia/Shanghai');
SELECT is(credit_gz.policy_date('2026-03-31 16:30:00+00'), DATE '2026-04-01',
          'policy_date(timestamptz): 16:30 UTC is already the next day in Guangzhou');
SELECT is(credit_gz.policy_date('2026-03-31 15:59:59+00'), DATE '2026-03-31', '15:59:59 UTC is still the same day');
SET LOCAL TIME ZONE 'Pacific/Kiritimati';
SELECT is(credit_gz.policy_date(), (now() AT TIME ZONE 'Asia/Shanghai')::date,
          'SET TIME ZONE Pacific/Kiritimati does not move policy_date()');
SELECT is(credit_gz.policy_date('2026-03-31 16:30:00+00'), DATE '2026-04-01', 'nor policy_date(timestamptz)');
SET LOCAL TIME ZONE 'Pacific/Pago_Pago';
SELECT is(credit_gz.policy_date(), (now() AT TIME ZONE 'Asia/Shanghai')::date,
          'SET TIME ZONE Pacific/Pago_Pago does not move policy_date() either');
SELECT ok(CURRENT_DATE <> credit_gz.policy_date()
          OR (now() AT TIME ZONE 'Pacific/Kiritimati')::date <> credit_gz.policy_date(),
          'in one of the two zones the session''s CURRENT_DATE is another day than policy_date()');
SELECT is(credit_gz.policy_date(now()), credit_gz.policy_date(), 'policy_date() is policy_date(now())');
SELECT is(credit_gz.policy_date('infinity'::timestamptz), 'infinity'::date, 'an infinite instant has an infinite day');

-- ---- the setting moves it (superuser), SQL and C alike, within the transaction ----------------------------------
SET LOCAL credit_gz.policy_time_zone = 'Pacific/Kiritimati';
SELECT is(credit_gz.policy_date(), (now() AT TIME ZONE 'Pacific/Kiritimati')::date,
          'credit_gz.policy_time_zone moves policy_date()');
SELECT is(credit_gz.policy_date('2026-03-31 09:30:00+00'), DATE '2026-03-31', 'and policy_date(timestamptz) (Kiritimati)');
CREATE TEMP TABLE kiritimati AS SELECT credit_gz.policy_date() AS day;
SET LOCAL credit_gz.policy_time_zone = 'Pacific/Pago_Pago';
SELECT is(credit_gz.policy_date('2026-03-31 09:30:00+00'), DATE '2026-03-30', 'and policy_date(timestamptz) (Pago Pago)');
SELECT cmp_ok((SELECT day FROM kiritimati), '>', credit_gz.policy_date(), 'Kiritimati''s policy date is later than Pago Pago''s');

INSERT INTO credit_gz.subject (uscc, name)
VALUES (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || '000951')), '时钟测试公司');
CREATE TEMP TABLE clock_subject AS SELECT subject_id AS id FROM credit_gz.subject WHERE name = '时钟测试公司';
-- the record trigger (C) refuses a decision after its policy date: in Pago Pago, Kiritimati's today is tomorrow
SELECT throws_ok(format($$SELECT credit_gz.load_record('market_regulation', 'CLOCK-1', %s, 'administrative_penalty',
                                                       %L::date, NULL, 'general')$$,
                        (SELECT id FROM clock_subject), (SELECT day FROM kiritimati)),
                 '23514', NULL, 'the record trigger checks decision dates against the policy date (C path)');
SET LOCAL credit_gz.policy_time_zone = 'Pacific/Kiritimati';
SELECT lives_ok(format($$SELECT credit_gz.load_record('market_regulation', 'CLOCK-1', %s, 'administrative_penalty',
                                                      %L::date, NULL, 'general')$$,
                       (SELECT id FROM clock_subject), (SELECT day FROM kiritimati)),
                'the same record is accepted once the setting makes that day today, in the same transaction');
SELECT is((credit_gz.precheck((SELECT id FROM clock_subject), 'government_procurement', 'procurement_bid') ->> 'checked_on')::date,
          credit_gz.policy_date(), 'the pre-check (C path) answers as of the policy date');
RESET credit_gz.policy_time_zone;
SELECT is(credit_gz.policy_date(), (now() AT TIME ZONE 'Asia/Shanghai')::date, 'RESET brings Asia/Shanghai back');

-- ---- only a real zone, set by a superuser ------------------------------------------------------------------------
SELECT throws_ok($$SET LOCAL credit_gz.policy_time_zone = 'Mars/Olympus_Mons'$$, '22023', NULL,
                 'a name that is no time zone is refused at SET time');
SELECT throws_ok($$SET LOCAL credit_gz.policy_time_zone = ''$$, '22023', NULL, 'so is an empty name');
CREATE ROLE tap_clock_app NOLOGIN;
GRANT USAGE ON SCHEMA credit_gz TO tap_clock_app;
SET LOCAL ROLE tap_clock_app;
SELECT is(credit_gz.policy_date(), (now() AT TIME ZONE 'Asia/Shanghai')::date, 'an application role reads the policy date');
SELECT throws_ok($$SET LOCAL credit_gz.policy_time_zone = 'UTC'$$, '42501', NULL,
                 'an application role cannot SET the policy time zone');
SELECT throws_ok($$SELECT pg_catalog.set_config('credit_gz.policy_time_zone', 'UTC', true)$$, '42501', NULL,
                 'nor through set_config()');
SELECT throws_ok($$ALTER ROLE tap_clock_app SET credit_gz.policy_time_zone = 'UTC'$$, '42501', NULL,
                 'nor as its own default');
RESET ROLE;
SELECT is(current_setting('credit_gz.policy_time_zone'), 'Asia/Shanghai', 'the setting is unchanged');

-- ---- months: PostgreSQL's date + interval convention, in C for SQL and C alike -------------------------------------
SELECT is(credit_gz.add_months('2021-03-31', 1), DATE '2021-04-30', '2021-03-31 + 1 month = 2021-04-30 (clamped)');
SELECT is(credit_gz.add_months('2020-01-31', 1), DATE '2020-02-29', '2020-01-31 + 1 month = 2020-02-29 (leap year)');
SELECT is(credit_gz.add_months('2021-01-31', 1), DATE '2021-02-28', '2021-01-31 + 1 month = 2021-02-28 (common year)');
SELECT is(credit_gz.add_months('2020-02-29', 12), DATE '2021-02-28', '2020-02-29 + 1 year = 2021-02-28');
SELECT is(ARRAY(SELECT d::date || ' + ' || n
                  FROM generate_series(DATE '2019-01-01', DATE '2025-12-31', interval '1 day') d,
                       unnest(ARRAY[1, 3, 6, 12, 36, 60, -1, -12]) n
                 WHERE credit_gz.add_months(d::date, n) IS DISTINCT FROM (d::date + make_interval(months => n))::date
                 LIMIT 5),
          '{}'::text[], 'add_months equals PostgreSQL''s date + interval on every day of 2019–2025');
SELECT is(ARRAY(SELECT d::date || ' / ' || n
                  FROM generate_series(DATE '2019-01-01', DATE '2025-12-31', interval '1 day') d,
                       unnest(ARRAY[1, 3, 12, 36]) n
                 WHERE NOT (credit_gz.add_months(credit_gz.add_months_inverse(d::date, n), n) <= d::date
                            AND credit_gz.add_months(credit_gz.add_months_inverse(d::date, n) + 1, n) > d::date)
                 LIMIT 5),
          '{}'::text[], 'add_months_inverse(d, n) is the latest start whose n months have run by d, on every day');

SELECT * FROM finish();
ROLLBACK;
