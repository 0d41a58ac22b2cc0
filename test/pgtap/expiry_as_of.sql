-- The expiry job works on its as_of, never on the server's date (doc/repair.md): a relation that ends before as_of
-- lifts its derived entry on that run, and a second run with the same as_of changes nothing (list_guard included).
-- Escalation by months follows credit_gz.add_months at month ends, in run_expiry and list_escalation_notice alike.
BEGIN;
SELECT plan(18);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
CREATE FUNCTION pg_temp.rid(n int) RETURNS credit_gz.resident_id LANGUAGE sql AS $$
    WITH b AS (SELECT '440106' || to_char(date '1970-01-01' + n, 'YYYYMMDD') || lpad((n % 900 + 100)::text, 3, '0') AS body)
    SELECT (body || substr('10X98765432', (sum((ascii(ch) - 48) * w) % 11)::int + 1, 1))::credit_gz.resident_id
      FROM b, unnest(regexp_split_to_array(body, ''), ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]) AS t(ch, w)
     GROUP BY body
$$;
-- as_of at 00:10 Guangzhou time on the day, as the pg_cron job runs
CREATE FUNCTION pg_temp.at(d date) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT (d::text || ' 00:10:00+08')::timestamptz $$;
CREATE FUNCTION pg_temp.escalated(d date) RETURNS int LANGUAGE sql AS $$
    SELECT (credit_gz.run_expiry(pg_temp.at(d)) ->> 'entries_escalated')::int $$;

INSERT INTO credit_gz.subject (uscc, name) VALUES
    (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA000961')), '期日测试甲公司'),
    (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA000962')), '期日测试乙公司');
INSERT INTO credit_gz.subject (resident_id, name) VALUES (pg_temp.rid(14001), '期日测试张三');
CREATE TEMP TABLE ids AS
SELECT (SELECT subject_id FROM credit_gz.subject WHERE name = '期日测试甲公司') AS org,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '期日测试乙公司') AS org2,
       (SELECT subject_id FROM credit_gz.subject WHERE name = '期日测试张三') AS person;

-- ---- a relation ending between today and as_of ------------------------------------------------------------------
-- The legal representative until ten days from now (the eleventh its first day out); the organisation listed as a
-- judgment debtor (24 months).
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from, valid_until)
SELECT org, person, 'legal_representative', credit_gz.policy_date() - 100, credit_gz.policy_date() + 11 FROM ids;
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT org, 'judgment_debtor', 'market_regulation', '(2026)粤0106执期日1号', credit_gz.policy_date() - 1 FROM ids;
CREATE TEMP TABLE derived AS
SELECT e.entry_id, e.root_entry_id FROM credit_gz.list_entry e, ids
 WHERE e.subject_id = ids.person AND e.root_entry_id IS NOT NULL;
SELECT is((SELECT e.status || ' until ' || e.effective_until FROM credit_gz.list_entry e JOIN derived USING (entry_id)),
          'active until ' || (credit_gz.policy_date() + 11),
          'the legal representative is derived onto the responsible-person list until the relation ends');

CREATE TEMP TABLE run1 AS SELECT credit_gz.run_expiry(now() + interval '30 days') AS r;
SELECT is((SELECT (r ->> 'as_of')::date FROM run1), credit_gz.policy_date(now() + interval '30 days'),
          'run_expiry counts the policy date of its as_of');
SELECT is((SELECT (r ->> 'derived_entries_recomputed')::int FROM run1), 1,
          'the derived entry whose relation ended before as_of is recomputed');
SELECT is((SELECT e.status || ' on ' || e.status_changed_on FROM credit_gz.list_entry e JOIN derived USING (entry_id)),
          'lifted on ' || credit_gz.policy_date(now() + interval '30 days'),
          'and lifted on the run''s day, though the relation still holds on the server''s date');
SELECT is((SELECT e.status FROM credit_gz.list_entry e JOIN derived d ON e.entry_id = d.root_entry_id), 'active',
          'the organisation''s own entry stays (its term has not ended)');

CREATE TEMP TABLE guard1 AS
SELECT g.subject_id, g.changes FROM credit_gz.list_guard g, ids WHERE g.subject_id IN (ids.org, ids.person);
CREATE TEMP TABLE run2 AS SELECT credit_gz.run_expiry(now() + interval '30 days') AS r;
SELECT is((SELECT r - 'as_of' FROM run2),
          '{"more_due": false, "records_expired": 0, "entries_expired": 0, "derived_entries_recomputed": 0,
            "entries_escalated": 0, "left_busy": 0, "repair_applications_overdue": 0, "objections_overdue": 0,
            "interview_tasks_created": 0, "shields_restored": 0, "shields_ended": 0, "shielded_records_ended": 0,
            "measures_lifted": 0}'::jsonb,
          'a second run with the same as_of does nothing');
SELECT set_eq($$SELECT g.subject_id, g.changes FROM credit_gz.list_guard g, ids WHERE g.subject_id IN (ids.org, ids.person)$$,
              $$SELECT subject_id, changes FROM guard1$$,
              'and changes nothing: list_guard is untouched');
SELECT is((SELECT (r ->> 'derived_entries_recomputed')::int FROM (SELECT credit_gz.run_expiry(now() + interval '30 days') AS r) x),
          0, 'nor does a third');

-- ---- escalation at month ends --------------------------------------------------------------------------------------
INSERT INTO credit_gz.list_type (code, name_zh, name_en, polarity, severity, legal_basis, effective_from)
VALUES ('tap_clock_serious', '期日测试严重名单', 'clock test serious list', 'punishment', 'serious', 'test', '2000-01-01');
INSERT INTO credit_gz.list_type (code, name_zh, name_en, polarity, severity, escalate_to_code, escalate_after_months,
                                 escalation_notice_days, legal_basis, effective_from) VALUES
    ('tap_clock_month', '期日测试一月升级名单', 'clock test list escalating after a month', 'attention', 'general',
     'tap_clock_serious', 1, 5, 'test', '2000-01-01'),
    ('tap_clock_year', '期日测试一年升级名单', 'clock test list escalating after a year', 'attention', 'general',
     'tap_clock_serious', 12, 5, 'test', '2000-01-01');
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
SELECT ids.org2, v.t, 'market_regulation', v.doc, v.d::date FROM ids, (VALUES
    ('tap_clock_month', 'CLK-2020-01-31', '2020-01-31'),
    ('tap_clock_month', 'CLK-2021-01-31', '2021-01-31'),
    ('tap_clock_month', 'CLK-2021-03-31', '2021-03-31'),
    ('tap_clock_year',  'CLK-2020-02-29', '2020-02-29')) AS v(t, doc, d);
SELECT results_eq($$SELECT e.basis_document, n.escalates_on FROM credit_gz.list_escalation_notice n
                      JOIN credit_gz.list_entry e ON e.entry_id = n.entry_id
                     WHERE e.basis_document LIKE 'CLK-%' ORDER BY 1$$,
                  $$VALUES ('CLK-2020-01-31', DATE '2020-02-29'), ('CLK-2020-02-29', DATE '2021-02-28'),
                           ('CLK-2021-01-31', DATE '2021-02-28'), ('CLK-2021-03-31', DATE '2021-04-30')$$,
                  'the notice view: listed + N months, clamped at month ends (leap and common Februaries, 31 → 30)');
SELECT is(pg_temp.escalated('2020-02-28'), 0, 'listed 2020-01-31, one month: not yet on 2020-02-28');
SELECT is(pg_temp.escalated('2020-02-29'), 1, 'escalated on 2020-02-29 (leap year)');
SELECT is(pg_temp.escalated('2021-02-27'), 0, 'listed 2021-01-31 and 2020-02-29: not yet on 2021-02-27');
SELECT is(pg_temp.escalated('2021-02-28'), 2, 'both escalate on 2021-02-28 (common year; 02-29 + 1 year)');
SELECT is(pg_temp.escalated('2021-04-29'), 0, 'listed 2021-03-31, one month: not yet on 2021-04-29');
SELECT is(pg_temp.escalated('2021-04-30'), 1, 'escalated on 2021-04-30, the day the notice view names');
SELECT is(pg_temp.escalated('2021-05-01'), 0, 'and only once');
SELECT results_eq($$SELECT s.basis_document, x.effective_from FROM credit_gz.list_entry x
                      JOIN credit_gz.list_entry s ON s.entry_id = x.escalated_from_entry_id
                     WHERE s.basis_document LIKE 'CLK-%' ORDER BY 1$$,
                  $$VALUES ('CLK-2020-01-31', DATE '2020-02-29'), ('CLK-2020-02-29', DATE '2021-02-28'),
                           ('CLK-2021-01-31', DATE '2021-02-28'), ('CLK-2021-03-31', DATE '2021-04-30')$$,
                  'each escalated entry starts on its escalation day');
SELECT is((SELECT count(*)::int FROM credit_gz.list_escalation_notice n
             JOIN credit_gz.list_entry e ON e.entry_id = n.entry_id WHERE e.basis_document LIKE 'CLK-%'), 0,
          'escalated entries leave the notice view');

SELECT * FROM finish();
ROLLBACK;
