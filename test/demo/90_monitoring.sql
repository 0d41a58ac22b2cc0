-- 信用状况监测 (九, 十一, 十五): what a BI tool connected as an analyst role sees.
\set ON_ERROR_STOP 1
\echo ''
\echo '== 90. Monitoring for BI tools (信用状况监测), read as the analyst role demo_superset'
SET ROLE demo_superset;

\echo '-- 90.1 records collected last month by district, against the same month last year (+20% target, 十五)'
SELECT label AS 区, records AS 归集量, same_period_last_year AS 上年同期, growth AS 同比, target_growth AS 目标,
       meets_target AS 达标
  FROM credit_gz.monitor_collection
 WHERE dimension = 'district'
   AND period_start = (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 month')::date
 ORDER BY records DESC;
\echo '-- ... and by department (top 8)'
SELECT label AS 部门, records AS 归集量, same_period_last_year AS 上年同期, growth AS 同比, meets_target AS 达标
  FROM credit_gz.monitor_collection
 WHERE dimension = 'department'
   AND period_start = (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 month')::date
 ORDER BY records DESC LIMIT 8;

\echo '-- 90.1b grade distribution of the comprehensive evaluation by district (分级分类监管), and domains covered (≥ 20)'
SELECT label AS 区, sum(subjects) FILTER (WHERE grade = 'A') AS "A", sum(subjects) FILTER (WHERE grade = 'B') AS "B",
       sum(subjects) FILTER (WHERE grade = 'M') AS "M", sum(subjects) FILTER (WHERE grade = 'C') AS "C",
       sum(subjects) FILTER (WHERE grade = 'D') AS "D"
  FROM credit_gz.monitor_grade_distribution
 WHERE dimension = 'district' AND model_code = 'city_comprehensive' GROUP BY label ORDER BY 2 DESC NULLS LAST;
SELECT models AS 评价模型, subjects_graded AS 已评级主体, domains_covered AS 覆盖领域, target AS 目标, meets_target AS 达标
  FROM credit_gz.monitor_graded_supervision WHERE dimension = 'city';

\echo '-- 90.2 list entries in force by district'
SELECT label AS 区, sum(active_entries) FILTER (WHERE polarity = 'punishment') AS 惩戒名单,
       sum(active_entries) FILTER (WHERE polarity = 'reward') AS 激励名单,
       sum(active_entries) FILTER (WHERE polarity = 'attention') AS 关注名单,
       sum(derived_entries) AS 关联推送
  FROM credit_gz.monitor_list_entries WHERE dimension = 'district' GROUP BY label ORDER BY 2 DESC NULLS LAST;

\echo '-- 90.3 pre-check feedback by department (及时反馈奖惩工作成效)'
SELECT label AS 部门, prechecks AS 核查次数, measures_applied AS 适用措施, denials AS 拒绝, overrides AS 说明理由放行,
       conditional AS 附条件, incentives AS 激励
  FROM credit_gz.monitor_precheck_feedback WHERE dimension = 'department' ORDER BY prechecks DESC NULLS LAST LIMIT 8;

\echo '-- 90.4 data quality (十五): duplicate or erroneous codes vs 0.005%, 双公示 pass rate'
SELECT label, metric_name, value, target, meets_target, base, count
  FROM credit_gz.monitor_data_quality WHERE dimension = 'city' ORDER BY metric;
SELECT label AS 部门, metric, value AS 通过率, base AS 记录数
  FROM credit_gz.monitor_data_quality WHERE dimension = 'department' ORDER BY value, base DESC LIMIT 6;

\echo '-- 90.5 政务诚信 (九, 十一): government bodies (code category 机关) with dishonesty, by district'
SELECT label AS 区, government_bodies AS 机关数, with_dishonesty AS 存在失信, negative_records AS 失信记录,
       punishment_entries AS 惩戒名单
  FROM credit_gz.monitor_government_dishonesty ORDER BY dimension DESC, with_dishonesty DESC;

\echo '-- 90.6 credit repair and objections: outcomes and average working days'
SELECT dimension, label, applications, pending, approved, rejected, refused, overdue, avg_working_days
  FROM credit_gz.monitor_repairs WHERE dimension IN ('city', 'department') ORDER BY dimension = 'city' DESC, applications DESC LIMIT 6;
SELECT dimension, label, objections, open, corrected, revoked, upheld, overdue, avg_working_days
  FROM credit_gz.monitor_objections WHERE dimension IN ('city', 'department') ORDER BY dimension = 'city' DESC, objections DESC LIMIT 6;

\echo '-- 90.7 dishonesty cases by stage (核查 → 记录 → 监管 → 惩戒 → 整改 → 教育)'
SELECT stage_seq, stage_name, cases, overdue_rectification
  FROM credit_gz.monitor_dishonesty_cases WHERE dimension = 'city' ORDER BY stage_seq NULLS FIRST;
RESET ROLE;

\echo '-- 90.8 trends by decision date and by load date (the first load put years of decisions in a few months)'
SET ROLE demo_superset;
SELECT basis AS 口径, extract(year FROM period_start)::int AS 年, sum(value) AS 记录数
  FROM credit_gz.monitor_trend WHERE dimension = 'city' AND measure = 'records' GROUP BY 1, 2 ORDER BY 1, 2;
RESET ROLE;

\echo '-- 90.9 the daily snapshot (take_snapshots, scheduled with pg_cron), today and back-filled a week ago'
SELECT credit_gz.take_snapshots(credit_gz.policy_date() - 7) ->> 'grade_rows' AS 一周前等级行,
       credit_gz.take_snapshots() ->> 'list_rows' AS 今日名单行;
SET ROLE demo_superset;
SELECT as_of AS 日期, measure AS 指标, sum(value) AS 合计 FROM credit_gz.monitor_snapshot GROUP BY 1, 2 ORDER BY 1, 2;

\echo '-- 90.10 the bulletin of last month (定期通报), as HTML and as plain text'
\pset format unaligned
\pset tuples_only on
\o test/demo/bulletin.html
SELECT credit_gz.monitoring_bulletin((credit_gz.policy_date() - interval '1 month')::date, 'month', 'html');
\o test/demo/bulletin.txt
SELECT credit_gz.monitoring_bulletin((credit_gz.policy_date() - interval '1 month')::date, 'month', 'text');
\o
\pset format aligned
\pset tuples_only off
RESET ROLE;
\echo 'bulletin written to test/demo/bulletin.html (HTML, open in a browser) and test/demo/bulletin.txt (plain text)'
