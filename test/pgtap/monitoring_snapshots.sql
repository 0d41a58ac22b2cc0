-- Monitoring over time (九: 定期通报监测结果): trends by decision date and by load date, the daily snapshots taken by
-- take_snapshots(as_of) and the bulletin; an analyst reads them and nothing personal.
BEGIN;
SELECT plan(27);

-- Fixture: two companies, one registered under 东山区's old code (today 越秀区); a back-dated bulk load of decisions
-- from 2021 loaded today, a list entry, and pre-checks by a department.
INSERT INTO credit_gz.subject (uscc, name, registered_on) VALUES
    (credit_gz.uscc_make('91440104MA00M0007'), '监测甲公司', '2010-01-01'),
    (credit_gz.uscc_make('91440102MA00M0007'), '监测乙公司', '2010-01-01');
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, disclosure, title)
SELECT s.subject_id, 'dishonest_judgment_debtor', 'court', 'T-MON-' || s.name || '-' || d, d, 'public', '拖欠账款'
  FROM credit_gz.subject s, (VALUES (DATE '2021-03-05'), (DATE '2021-03-20'), (DATE '2022-07-01')) v(d)
 WHERE s.name IN ('监测甲公司', '监测乙公司');
INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document)
SELECT subject_id, 'judgment_debtor', 'court', 'T-MON-LIST' FROM credit_gz.subject WHERE name = '监测乙公司';
CREATE TEMP TABLE t_mon_pre AS
SELECT credit_gz.precheck(subject_id, 'government_procurement', 'procurement_bid', 'court') AS answer
  FROM credit_gz.subject WHERE name IN ('监测甲公司', '监测乙公司')
UNION ALL
SELECT credit_gz.precheck(credit_gz.uscc_correct('91440101MA5QM0N0X9!'::credit_gz.uscc)::text, 'government_procurement', 'procurement_bid', 'court');

-- Trends
SELECT is((SELECT sum(value)::int FROM credit_gz.monitor_trend
            WHERE basis = 'decision' AND dimension = 'district' AND key = '越秀区' AND measure = 'records'
              AND period_start = '2021-03-01'), 4,
          'by decision date, the back-dated load counts in March 2021, the old code''s under today''s district');
SELECT is((SELECT sum(value)::int FROM credit_gz.monitor_trend
            WHERE basis = 'load' AND dimension = 'district' AND key = '越秀区' AND measure = 'records'
              AND period_start = date_trunc('month', credit_gz.policy_date()::timestamp)::date
              AND category LIKE (SELECT kind FROM credit_gz.info_item WHERE code = 'dishonest_judgment_debtor') || '%'),
          (SELECT count(*)::int FROM credit_gz.record r JOIN credit_gz.subject s USING (subject_id)
            WHERE s.district = '越秀区' AND r.item_code = 'dishonest_judgment_debtor'
              AND credit_gz.policy_date(r.created_at) >= date_trunc('month', credit_gz.policy_date()::timestamp)),
          'by load date, all of it in the month it was loaded');
SELECT is((SELECT count(*)::int FROM credit_gz.monitor_trend
            WHERE basis = 'load' AND key = '越秀区' AND measure = 'records' AND period_start = '2021-03-01'), 0,
          'and nothing in 2021 by load date');
SELECT is((SELECT sum(value)::int FROM credit_gz.monitor_trend
            WHERE basis = 'decision' AND dimension = 'department' AND key = 'court' AND measure = 'records'
              AND period_start = '2022-07-01' AND category LIKE '%'), 
          (SELECT count(*)::int FROM credit_gz.record WHERE department_code = 'court'
            AND decision_date >= '2022-07-01' AND decision_date < '2022-08-01'), 'by department');
SELECT is((SELECT sum(value)::int FROM credit_gz.monitor_trend
            WHERE basis = 'decision' AND dimension = 'district' AND key = '越秀区' AND measure = 'list_entered'
              AND period_start = date_trunc('month', credit_gz.policy_date()::timestamp)::date), 1,
          'list entries entering, by month');
SELECT is((SELECT count(*)::int FROM credit_gz.monitor_precheck_feedback WHERE prechecks IS NULL), 0,
          'pre-checks are counted for every dimension of the pre-check feedback');

-- Snapshots equal the live views on the day they are taken
SELECT is(credit_gz.take_snapshots() ->> 'as_of', credit_gz.policy_date()::text, 'take_snapshots() takes today');
SELECT set_eq($$SELECT key, item, detail, value FROM credit_gz.monitor_snapshot
                WHERE as_of = credit_gz.policy_date() AND measure = 'subjects_by_grade'$$,
              $$SELECT key, model_code, grade, subjects FROM credit_gz.monitor_grade_distribution
                WHERE dimension = 'district'$$,
              'subjects per grade, model and district equal monitor_grade_distribution');
SELECT set_eq($$SELECT key, item, value FROM credit_gz.monitor_snapshot
                WHERE as_of = credit_gz.policy_date() AND measure = 'entries_in_force'$$,
              $$SELECT key, list_type_code, active_entries FROM credit_gz.monitor_list_entries
                WHERE dimension = 'district' AND active_entries > 0$$,
              'entries in force per list type and district equal monitor_list_entries');
SELECT set_eq($$SELECT dimension, key, item, value FROM credit_gz.monitor_snapshot
                WHERE as_of = credit_gz.policy_date() AND measure = 'prechecks'$$,
              $$SELECT dimension, key, verdict, prechecks FROM credit_gz.monitor_precheck_verdicts
                WHERE day = credit_gz.policy_date()$$,
              'pre-checks per verdict by department, district and domain equal monitor_precheck_verdicts');
SELECT is((SELECT sum(value)::int FROM credit_gz.monitor_snapshot
            WHERE as_of = credit_gz.policy_date() AND measure = 'prechecks' AND dimension = 'department' AND key = 'court'),
          3, 'every pre-check counts, measures applied or not, codes not on file included');
SELECT is((SELECT value::int FROM credit_gz.monitor_snapshot
            WHERE as_of = credit_gz.policy_date() AND measure = 'prechecks' AND dimension = 'domain'
              AND key = 'government_procurement' AND item = 'no_record'), 1, 'with its verdict and domain');
SELECT is((SELECT result ->> 'as_of' FROM credit_gz.job_run WHERE job = 'take_snapshots' ORDER BY run_id DESC LIMIT 1),
          credit_gz.policy_date()::text, 'the run is in the run log');
SELECT is((SELECT count(*)::int FROM credit_gz.job_overdue WHERE job = 'take_snapshots'), 0,
          'and the job is scheduled and not overdue');
SELECT is((SELECT count(*) FROM credit_gz.monitoring_snapshot WHERE as_of = credit_gz.policy_date()),
          (SELECT count(*) FROM credit_gz.monitoring_snapshot WHERE as_of = credit_gz.policy_date()
             AND credit_gz.take_snapshots() IS NOT NULL), 'taking a day again replaces it');

-- Back-fill: a day before the entry took effect
SELECT is(credit_gz.take_snapshots(credit_gz.policy_date() - 30) ->> 'as_of', (credit_gz.policy_date() - 30)::text,
          'a past day is back-filled');
SELECT is((SELECT count(*)::int FROM credit_gz.monitor_snapshot WHERE as_of = credit_gz.policy_date() - 30
              AND measure = 'entries_in_force' AND key = '越秀区'), 0, 'without the entry that took effect since');
SELECT throws_ok($$SELECT credit_gz.take_snapshots(credit_gz.policy_date() + 1)$$, '22023', NULL,
                 'a day after today is refused');
-- Retention as data
INSERT INTO credit_gz.monitoring_snapshot (as_of, measure, dimension, key, item, value)
VALUES (credit_gz.policy_date() - interval '11 years', 'entries_in_force', 'district', '越秀区', 'judgment_debtor', 1);
SELECT is(credit_gz.take_snapshots() ->> 'purged_rows', '1', 'snapshots past the retention are removed');

-- The bulletin: every section, figures equal their views
SELECT ok((SELECT bool_and(strpos(credit_gz.monitoring_bulletin(credit_gz.policy_date()), '<section id="' || s || '">') > 0)
             FROM unnest(ARRAY['collection', 'code_quality', 'double_publicity', 'graded_supervision', 'lists_repairs',
                               'changes', 'shortfalls']) s), 'the HTML bulletin has every section');
SELECT ok(strpos(credit_gz.monitoring_bulletin(credit_gz.policy_date(), 'quarter', 'text'),
                 'records ' || (SELECT sum(records) FROM credit_gz.monitor_collection WHERE dimension = 'city'
                                   AND period_start >= date_trunc('quarter', credit_gz.policy_date()::timestamp)
                                   AND period_start <= credit_gz.policy_date()) || ',') > 0,
          'the quarter''s collection figure is the sum of monitor_collection''s months');
SELECT throws_ok($$SELECT credit_gz.monitoring_bulletin(credit_gz.policy_date(), 'week')$$, '22023', NULL,
                 'a scope other than month or quarter is refused');

-- The analyst role reads the new views and nothing personal
CREATE ROLE t_mon_bi NOLOGIN;
SELECT credit_gz.grant_analyst('t_mon_bi');
SELECT is(ARRAY(SELECT c.relname || '.' || a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                 WHERE c.relnamespace = 'credit_gz'::regnamespace
                   AND c.relname IN ('monitor_trend', 'monitor_snapshot', 'monitor_precheck_verdicts')
                   AND a.attname IN ('subject_id', 'uscc', 'name', 'document_no', 'code') ORDER BY 1),
          '{}'::text[], 'the new views have no column naming a subject or a record');
SET LOCAL ROLE t_mon_bi;
SELECT lives_ok($$SELECT count(*) FROM credit_gz.monitor_trend, credit_gz.monitor_snapshot,
                         credit_gz.monitor_precheck_verdicts$$, 'an analyst reads the trends and snapshots');
SELECT lives_ok($$SELECT credit_gz.monitoring_bulletin(credit_gz.policy_date(), 'quarter')$$,
                'and the bulletin');
SELECT throws_ok($$SELECT count(*) FROM credit_gz.query_log$$, '42501', NULL, 'but not the query log');
SELECT throws_ok($$SELECT credit_gz.take_snapshots()$$, '42501', NULL, 'and does not take snapshots');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
