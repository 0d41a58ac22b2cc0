-- 信用状况监测 / monitoring for BI tools (九: 开展市辖区、重点部门和重点行业领域信用状况监测, 定期通报; 十一 政务诚信;
-- 十五 归集质量). Views named credit_gz.monitor_*, readable by roles granted with credit_gz.grant_analyst. Most views
-- carry the same three leading columns so a BI tool can pivot any of them by district (区, from the code through
-- uscc_district), department (部门) or domain (领域):
--   dimension  'district' | 'department' | 'domain' | 'list_type' | 'city'
--   key        the district name, department code, domain code, …
--   label      what to show: the district name, department name, domain name
-- The views run with their owner's rights (analysts need no table privileges) and show aggregates only; each is a
-- security barrier, so a function of the reader's in a WHERE clause sees only the rows the view shows.

-- ---------------------------------------------------------------------------------------------------------------
-- Records collected this period vs the same period last year (十五: 较同期提升20%以上)
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_collection WITH (security_barrier = true) AS
WITH r AS (
    SELECT s.district, r.department_code, r.domain_code,
           pg_catalog.date_trunc('month', credit_gz.policy_date(r.created_at)::timestamp)::date AS period_start
      FROM credit_gz.record r
      JOIN credit_gz.subject s ON s.subject_id = r.subject_id
), g AS (
    SELECT CASE WHEN GROUPING(r.district) = 0 THEN 'district'
                WHEN GROUPING(r.department_code) = 0 THEN 'department'
                WHEN GROUPING(r.domain_code) = 0 THEN 'domain' ELSE 'city' END AS dimension,
           coalesce(r.district, r.department_code, r.domain_code, '全市') AS key,
           r.period_start, pg_catalog.count(*) AS records
      FROM r
     GROUP BY GROUPING SETS ((r.district, r.period_start), (r.department_code, r.period_start),
                             (r.domain_code, r.period_start), (r.period_start))
)
SELECT g.dimension, g.key,
       coalesce(dep.name_zh, dom.name_zh, g.key) AS label,
       g.period_start, g.records, ly.records AS same_period_last_year,
       CASE WHEN ly.records > 0 THEN pg_catalog.round(g.records::numeric / ly.records - 1, 4) END AS growth,
       credit_gz.policy_target_value('collection_growth', g.period_start) AS target_growth,
       CASE WHEN ly.records > 0
            THEN g.records >= ly.records * (1 + credit_gz.policy_target_value('collection_growth', g.period_start))
       END AS meets_target
  FROM g
  LEFT JOIN g ly ON ly.dimension = g.dimension AND ly.key = g.key
                AND ly.period_start = (g.period_start - interval '1 year')::date
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_collection IS
    '信用信息归集量同比 / records collected per month (Guangzhou time) by district, department, domain and city-wide, '
    'against the same month of the previous year and the +20% target (十五, policy_target collection_growth).';
COMMENT ON COLUMN credit_gz.monitor_collection.dimension IS '统计维度 / dimension: district, department, domain or city';
COMMENT ON COLUMN credit_gz.monitor_collection.key IS '维度取值 / district name, department code or domain code (全市: city-wide)';
COMMENT ON COLUMN credit_gz.monitor_collection.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_collection.period_start IS '统计月份 / first day of the month';
COMMENT ON COLUMN credit_gz.monitor_collection.records IS '本期归集记录数 / records collected in the month';
COMMENT ON COLUMN credit_gz.monitor_collection.same_period_last_year IS '上年同期 / records collected in the same month a year before';
COMMENT ON COLUMN credit_gz.monitor_collection.growth IS '同比增长 / growth (0.2 = +20%; NULL without a base)';
COMMENT ON COLUMN credit_gz.monitor_collection.target_growth IS '目标增长 / target growth in force';
COMMENT ON COLUMN credit_gz.monitor_collection.meets_target IS '是否达标 / growth reaches the target (NULL without a base)';

-- ---------------------------------------------------------------------------------------------------------------
-- List entries (联合奖惩名单) by district, department and list type
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_list_entries WITH (security_barrier = true) AS
WITH e AS (
    SELECT s.district, e.department_code, e.list_type_code, e.status, e.derived_from_entry_id IS NOT NULL AS derived,
           e.effective_from, e.subject_id
      FROM credit_gz.list_entry e
      JOIN credit_gz.subject s ON s.subject_id = e.subject_id
), g AS (
    SELECT CASE WHEN GROUPING(e.district) = 0 THEN 'district' ELSE 'department' END AS dimension,
           coalesce(e.district, e.department_code) AS key, e.list_type_code,
           pg_catalog.count(*) FILTER (WHERE e.status = 'active') AS active_entries,
           pg_catalog.count(*) FILTER (WHERE e.status = 'active' AND e.derived) AS derived_entries,
           pg_catalog.count(DISTINCT e.subject_id) FILTER (WHERE e.status = 'active') AS subjects,
           pg_catalog.count(*) FILTER (WHERE e.effective_from
                                             >= pg_catalog.date_trunc('month', credit_gz.policy_date()::timestamp)::date)
               AS listed_this_month,
           pg_catalog.count(*) FILTER (WHERE e.status IN ('lifted', 'expired', 'repaired')) AS ended_entries
      FROM e
     GROUP BY GROUPING SETS ((e.district, e.list_type_code), (e.department_code, e.list_type_code))
)
SELECT g.dimension, g.key, coalesce(dep.name_zh, g.key) AS label, g.list_type_code, t.name_zh AS list_name,
       t.polarity, g.active_entries, g.derived_entries, g.subjects, g.listed_this_month, g.ended_entries
  FROM g
  JOIN credit_gz.list_type t ON t.code = g.list_type_code
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key;
COMMENT ON VIEW credit_gz.monitor_list_entries IS
    '名单监测 / list entries by district and by determining department, per list type: in force, derived along '
    'relations, subjects, listed this month, ended.';
COMMENT ON COLUMN credit_gz.monitor_list_entries.dimension IS '统计维度 / dimension: district or department';
COMMENT ON COLUMN credit_gz.monitor_list_entries.key IS '维度取值 / district name or department code';
COMMENT ON COLUMN credit_gz.monitor_list_entries.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_list_entries.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.monitor_list_entries.list_name IS '名单名称 / list name';
COMMENT ON COLUMN credit_gz.monitor_list_entries.polarity IS '惩戒/激励/关注 / punishment, reward or attention';
COMMENT ON COLUMN credit_gz.monitor_list_entries.active_entries IS '有效列入数 / entries in force';
COMMENT ON COLUMN credit_gz.monitor_list_entries.derived_entries IS '其中关联推送 / of which derived along relations';
COMMENT ON COLUMN credit_gz.monitor_list_entries.subjects IS '在列主体数 / distinct subjects listed';
COMMENT ON COLUMN credit_gz.monitor_list_entries.listed_this_month IS '本月新列入 / listed since the first of this month';
COMMENT ON COLUMN credit_gz.monitor_list_entries.ended_entries IS '已移出、期满或修复 / lifted, expired or repaired entries';

-- ---------------------------------------------------------------------------------------------------------------
-- Pre-check feedback (事前核查, 及时反馈奖惩工作成效)
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_precheck_feedback WITH (security_barrier = true) AS
WITH f AS (
    SELECT f.department_code, f.domain_code, s.district, f.verdict, f.effect, f.overridden, f.subject_id
      FROM credit_gz.measure_feedback f
      LEFT JOIN credit_gz.subject s ON s.subject_id = f.subject_id
), g AS (
    SELECT CASE WHEN GROUPING(f.district) = 0 THEN 'district'
                WHEN GROUPING(f.department_code) = 0 THEN 'department' ELSE 'domain' END AS dimension,
           coalesce(f.district, f.department_code, f.domain_code, '未注明') AS key,
           pg_catalog.count(*) AS measures_applied,
           pg_catalog.count(DISTINCT f.subject_id) AS subjects,
           pg_catalog.count(*) FILTER (WHERE f.verdict = 'deny' AND NOT f.overridden) AS denials,
           pg_catalog.count(*) FILTER (WHERE f.overridden) AS overrides,
           pg_catalog.count(*) FILTER (WHERE f.verdict = 'allow_with_conditions') AS conditional,
           pg_catalog.count(*) FILTER (WHERE f.effect = 'incentive') AS incentives
      FROM f
     GROUP BY GROUPING SETS ((f.district), (f.department_code), (f.domain_code))
), q AS (
    -- pre-checks of codes not on file were run too: both logs count
    SELECT coalesce(l.department_code, '未注明') AS key, pg_catalog.count(*) AS prechecks
      FROM (SELECT department_code FROM credit_gz.query_log WHERE via = 'precheck'
            UNION ALL
            SELECT department_code FROM credit_gz.unknown_code_read_log WHERE via = 'precheck') l
     GROUP BY 1
)
SELECT g.dimension, g.key, coalesce(dep.name_zh, dom.name_zh, g.key) AS label,
       CASE WHEN g.dimension = 'department' THEN coalesce(q.prechecks, 0) END AS prechecks,
       g.measures_applied, g.subjects, g.denials, g.overrides, g.conditional, g.incentives
  FROM g
  LEFT JOIN q ON g.dimension = 'department' AND q.key = g.key
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_precheck_feedback IS
    '事前核查与奖惩反馈 / pre-check feedback by district, department and domain: measures applied, subjects, denials, '
    'overrides, conditional approvals, incentives; for departments also the number of pre-checks (query log).';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.dimension IS '统计维度 / dimension: district, department or domain';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.key IS '维度取值 / district name, department code or domain code';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.prechecks IS '核查次数 / pre-checks run (departments; from the query logs, codes not on file included)';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.measures_applied IS '适用措施次数 / measures and incentives applied';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.subjects IS '涉及主体数 / distinct subjects';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.denials IS '拒绝次数 / denials (not overridden)';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.overrides IS '说明理由放行 / overrides with a stated reason';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.conditional IS '附条件通过 / allowed with conditions';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.incentives IS '激励次数 / incentives granted';

-- ---------------------------------------------------------------------------------------------------------------
-- Data quality (十五): duplicate and erroneous unified codes against 0.005%, 双公示 pass rate
-- ---------------------------------------------------------------------------------------------------------------
-- monitor_double_publicity: credit_gz.double_publicity_check() in the owner's rights, so the monitoring view shows
-- analysts the pass rates (aggregates) without giving them the records. Search path pinned.
CREATE FUNCTION credit_gz.monitor_double_publicity()
RETURNS TABLE (department_code text, department_name text, kind text, records bigint, passed bigint, pass_rate numeric)
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$ SELECT * FROM credit_gz.double_publicity_check() $$;
COMMENT ON FUNCTION credit_gz.monitor_double_publicity() IS
    '双公示通过率 (aggregates only) for credit_gz.monitor_data_quality: double_publicity_check() run with the owner''s '
    'rights, so BI roles need no access to records.';
-- Not executable by PUBLIC: the roles that read the monitoring views (analysts, departments) get EXECUTE from their
-- grant_* function, as a view's reader needs it on the functions the view calls.
REVOKE ALL ON FUNCTION credit_gz.monitor_double_publicity() FROM PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('analyst', 'monitor_double_publicity()', 'EXECUTE', true),
    ('department', 'monitor_double_publicity()', 'EXECUTE', true);

CREATE VIEW credit_gz.monitor_data_quality WITH (security_barrier = true) AS
-- Codes in the archive: the uscc type refuses malformed codes and subject_uscc keeps them unique, so what remains to count
-- are codes accepted in weak mode (only the check character wrong, 重错码 in the policy's sense).
SELECT 'city'::text AS dimension, '全市'::text AS key, '全市'::text AS label, 'code_error_rate'::text AS metric,
       '统一社会信用代码重错码率 / duplicate or erroneous unified codes'::text AS metric_name,
       pg_catalog.round(q.bad::numeric / NULLIF(q.codes, 0), 8) AS value,
       credit_gz.policy_target_value('code_error_rate') AS target,
       coalesce(q.bad::numeric / NULLIF(q.codes, 0), 0) <= credit_gz.policy_target_value('code_error_rate')
           AS meets_target,
       q.codes AS base, q.bad AS count
  FROM (SELECT pg_catalog.count(s.uscc) AS codes,
               pg_catalog.count(*) FILTER (WHERE NOT credit_gz.uscc_is_verified(s.uscc)) AS bad
          FROM credit_gz.subject s WHERE s.uscc IS NOT NULL) q
UNION ALL
SELECT 'department', d.department_code, d.department_name, 'double_publicity_pass_rate_' || d.kind,
       CASE d.kind WHEN 'licence' THEN '行政许可双公示校验通过率 / 双公示 pass rate, licences'
                   ELSE '行政处罚双公示校验通过率 / 双公示 pass rate, penalties' END,
       d.pass_rate, NULL, NULL, d.records, d.passed
  FROM credit_gz.monitor_double_publicity() d
UNION ALL
SELECT 'city', '全市', '全市', 'double_publicity_pass_rate',
       '双公示校验通过率 / 双公示 pass rate, all departments',
       pg_catalog.round(pg_catalog.sum(d.passed)::numeric / NULLIF(pg_catalog.sum(d.records), 0), 4),
       NULL, NULL, pg_catalog.sum(d.records)::bigint, pg_catalog.sum(d.passed)::bigint
  FROM credit_gz.monitor_double_publicity() d;
COMMENT ON VIEW credit_gz.monitor_data_quality IS
    '归集质量 / data quality (十五): the rate of duplicate or erroneous unified codes among subjects against the 0.005% '
    'target (policy_target code_error_rate), and the 双公示 field-check pass rate per department and city-wide.';
COMMENT ON COLUMN credit_gz.monitor_data_quality.dimension IS '统计维度 / dimension: city or department';
COMMENT ON COLUMN credit_gz.monitor_data_quality.key IS '维度取值 / 全市 or department code';
COMMENT ON COLUMN credit_gz.monitor_data_quality.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_data_quality.metric IS '指标 / metric code';
COMMENT ON COLUMN credit_gz.monitor_data_quality.metric_name IS '指标名称 / metric name';
COMMENT ON COLUMN credit_gz.monitor_data_quality.value IS '指标值 / value (ratio)';
COMMENT ON COLUMN credit_gz.monitor_data_quality.target IS '目标值 / target in force (NULL: none set)';
COMMENT ON COLUMN credit_gz.monitor_data_quality.meets_target IS '是否达标 / meets the target (NULL: no target)';
COMMENT ON COLUMN credit_gz.monitor_data_quality.base IS '基数 / codes or records checked';
COMMENT ON COLUMN credit_gz.monitor_data_quality.count IS '计数 / faulty codes, or records passing the check';
-- Staging tables of raw codes (before they reach the archive) are checked with credit_gz.code_quality().

-- ---------------------------------------------------------------------------------------------------------------
-- 政务诚信 (九, 十一): government bodies' dishonesty — subjects whose code says 机关 (authority 1, category 1)
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_government_dishonesty WITH (security_barrier = true) AS
WITH gov AS (
    SELECT s.subject_id, s.district, s.name, s.uscc
      FROM credit_gz.subject s
     WHERE s.uscc IS NOT NULL AND credit_gz.uscc_authority(s.uscc) = '1' AND credit_gz.uscc_category(s.uscc) = '1'
), per AS (
    SELECT g.subject_id, g.district,
           (SELECT pg_catalog.count(*) FROM credit_gz.record r JOIN credit_gz.info_item i ON i.code = r.item_code
             WHERE r.subject_id = g.subject_id AND i.polarity = 'negative'
               AND credit_gz.record_counts(r.status)) AS negative_records,
           (SELECT pg_catalog.count(*) FROM credit_gz.list_entry e JOIN credit_gz.list_type t ON t.code = e.list_type_code
             WHERE e.subject_id = g.subject_id AND e.status = 'active' AND t.polarity = 'punishment') AS punishment_entries
      FROM gov g
)
SELECT CASE WHEN GROUPING(per.district) = 0 THEN 'district' ELSE 'city' END AS dimension,
       coalesce(per.district, '全市') AS key, coalesce(per.district, '全市') AS label,
       pg_catalog.count(*) AS government_bodies,
       pg_catalog.count(*) FILTER (WHERE per.negative_records > 0 OR per.punishment_entries > 0) AS with_dishonesty,
       pg_catalog.sum(per.negative_records)::bigint AS negative_records,
       pg_catalog.sum(per.punishment_entries)::bigint AS punishment_entries
  FROM per
 GROUP BY GROUPING SETS ((per.district), ());
COMMENT ON VIEW credit_gz.monitor_government_dishonesty IS
    '政务诚信监测 / government bodies'' dishonesty (九, 十一 政府机构失信): subjects whose unified code says 机关 '
    '(registration authority 1, category 1), by district and city-wide: how many, how many with negative records in '
    'publicity or punishment-list entries in force, and those counts.';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty.dimension IS '统计维度 / dimension: district or city';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty.key IS '维度取值 / district name or 全市';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty.government_bodies IS '机关数 / government bodies in the archive';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty.with_dishonesty IS '存在失信的机关数 / bodies with dishonesty';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty.negative_records IS '公示中失信记录数 / negative records in publicity';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty.punishment_entries IS '在列惩戒名单数 / punishment-list entries in force';

-- The cases behind the counts, for follow-up (落实政府机构失信案件预警机制).
CREATE VIEW credit_gz.monitor_government_dishonesty_case WITH (security_barrier = true) AS
SELECT s.district, s.subject_id, s.name, s.uscc::text AS uscc, r.record_id, r.item_code, i.name_zh AS item_name,
       r.department_code, r.document_no, r.decision_date, r.status
  FROM credit_gz.subject s
  JOIN credit_gz.record r ON r.subject_id = s.subject_id
  JOIN credit_gz.info_item i ON i.code = r.item_code
 WHERE s.uscc IS NOT NULL AND credit_gz.uscc_authority(s.uscc) = '1' AND credit_gz.uscc_category(s.uscc) = '1'
   AND i.polarity = 'negative' AND credit_gz.record_counts(r.status);
COMMENT ON VIEW credit_gz.monitor_government_dishonesty_case IS
    '政府机构失信案件 / the negative records in publicity of government bodies (code category 机关), one row each.';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.district IS '所属区 / district';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.name IS '机关名称 / name of the body';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.uscc IS '统一社会信用代码 / unified code';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.record_id IS '记录编号 / record id';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.item_code IS '信息项 / catalogue item';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.item_name IS '信息项名称 / item name';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.document_no IS '文书号 / document number';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.decision_date IS '决定日期 / decision date';
COMMENT ON COLUMN credit_gz.monitor_government_dishonesty_case.status IS '状态 / status';

-- ---------------------------------------------------------------------------------------------------------------
-- Dishonesty cases by stage (失信案例核查: 核查 → 记录 → 监管 → 惩戒 → 整改 → 教育)
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_dishonesty_cases WITH (security_barrier = true) AS
WITH c AS (
    SELECT c.case_id, c.department_code, s.district, coalesce(c.stage, 'opened') AS stage,
           c.rectification_due IS NOT NULL AND c.rectification_due < credit_gz.policy_date()
               AND NOT EXISTS (SELECT 1 FROM credit_gz.dishonesty_case_step st
                                WHERE st.subject_id = c.subject_id AND st.case_id = c.case_id
                                  AND st.step = 'rectification') AS overdue
      FROM credit_gz.dishonesty_case c
      JOIN credit_gz.subject s ON s.subject_id = c.subject_id
), g AS (
    SELECT CASE WHEN GROUPING(c.district) = 0 THEN 'district'
                WHEN GROUPING(c.department_code) = 0 THEN 'department' ELSE 'city' END AS dimension,
           coalesce(c.district, c.department_code, '全市') AS key, c.stage,
           pg_catalog.count(*) AS cases, pg_catalog.count(*) FILTER (WHERE c.overdue) AS overdue_rectification
      FROM c
     GROUP BY GROUPING SETS ((c.district, c.stage), (c.department_code, c.stage), (c.stage))
)
SELECT g.dimension, g.key, coalesce(dep.name_zh, g.key) AS label, g.stage,
       coalesce(k.name_zh, '已立案') AS stage_name, k.seq AS stage_seq, g.cases, g.overdue_rectification
  FROM g
  LEFT JOIN credit_gz.case_step_kind k ON k.code = g.stage
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key;
COMMENT ON VIEW credit_gz.monitor_dishonesty_cases IS
    '失信案例进度 / dishonesty cases by the last completed step (核查, 记录, 监管, 惩戒, 整改, 教育), by district, '
    'department and city-wide, with cases whose rectification deadline passed without rectification.';
COMMENT ON COLUMN credit_gz.monitor_dishonesty_cases.dimension IS '统计维度 / dimension: district, department or city';
COMMENT ON COLUMN credit_gz.monitor_dishonesty_cases.key IS '维度取值 / district name, department code or 全市';
COMMENT ON COLUMN credit_gz.monitor_dishonesty_cases.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_dishonesty_cases.stage IS '当前环节 / last completed step (opened: none yet)';
COMMENT ON COLUMN credit_gz.monitor_dishonesty_cases.stage_name IS '环节名称 / step name';
COMMENT ON COLUMN credit_gz.monitor_dishonesty_cases.stage_seq IS '环节顺序 / step order';
COMMENT ON COLUMN credit_gz.monitor_dishonesty_cases.cases IS '案例数 / cases';
COMMENT ON COLUMN credit_gz.monitor_dishonesty_cases.overdue_rectification IS '逾期未整改 / rectification overdue';

-- ---------------------------------------------------------------------------------------------------------------
-- Credit repair (信用修复) and objections (异议): volumes, outcomes, overdue, average working days
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_repairs WITH (security_barrier = true) AS
WITH a AS (
    SELECT s.district, a.department_code, r.domain_code, a.status, a.channel,
           (a.accept_overdue_at IS NOT NULL OR a.decide_overdue_at IS NOT NULL) AS overdue,
           CASE WHEN a.decided_at IS NOT NULL
                THEN credit_gz.working_days_between(credit_gz.policy_date(a.submitted_at),
                                                    credit_gz.policy_date(a.decided_at))
           END AS working_days
      FROM credit_gz.repair_application a
      JOIN credit_gz.subject s ON s.subject_id = a.subject_id
      LEFT JOIN credit_gz.record r ON r.subject_id = a.subject_id AND r.record_id = a.record_id
), g AS (
    SELECT CASE WHEN GROUPING(a.district) = 0 THEN 'district'
                WHEN GROUPING(a.department_code) = 0 THEN 'department'
                WHEN GROUPING(a.domain_code) = 0 THEN 'domain' ELSE 'city' END AS dimension,
           coalesce(a.district, a.department_code, a.domain_code,
                    CASE WHEN GROUPING(a.domain_code) = 0 THEN '名单' ELSE '全市' END) AS key,
           pg_catalog.count(*) AS applications,
           pg_catalog.count(*) FILTER (WHERE a.status IN ('submitted', 'accepted')) AS pending,
           pg_catalog.count(*) FILTER (WHERE a.status = 'approved') AS approved,
           pg_catalog.count(*) FILTER (WHERE a.status = 'rejected') AS rejected,
           pg_catalog.count(*) FILTER (WHERE a.status = 'refused') AS refused,
           pg_catalog.count(*) FILTER (WHERE a.overdue) AS overdue,
           pg_catalog.count(*) FILTER (WHERE a.channel = 'green') AS green_channel,
           pg_catalog.round(pg_catalog.avg(a.working_days), 1) AS avg_working_days
      FROM a
     GROUP BY GROUPING SETS ((a.district), (a.department_code), (a.domain_code), ())
)
SELECT g.dimension, g.key, coalesce(dep.name_zh, dom.name_zh, g.key) AS label, g.applications, g.pending,
       g.approved, g.rejected, g.refused, g.overdue, g.green_channel, g.avg_working_days
  FROM g
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_repairs IS
    '信用修复监测 / credit repair applications by district, handling department, domain (of the record; 名单 for list '
    'entries) and city-wide: pending, approved, rejected, refused, overdue, green channel, and the average working days '
    'from submission to decision (credit_gz.calendar).';
COMMENT ON COLUMN credit_gz.monitor_repairs.dimension IS '统计维度 / dimension: district, department, domain or city';
COMMENT ON COLUMN credit_gz.monitor_repairs.key IS '维度取值 / district name, department code, domain code, 名单 or 全市';
COMMENT ON COLUMN credit_gz.monitor_repairs.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_repairs.applications IS '申请数 / applications';
COMMENT ON COLUMN credit_gz.monitor_repairs.pending IS '办理中 / submitted or accepted, not yet decided';
COMMENT ON COLUMN credit_gz.monitor_repairs.approved IS '准予修复 / approved';
COMMENT ON COLUMN credit_gz.monitor_repairs.rejected IS '不予修复 / rejected';
COMMENT ON COLUMN credit_gz.monitor_repairs.refused IS '不予受理 / refused';
COMMENT ON COLUMN credit_gz.monitor_repairs.overdue IS '逾期 / flagged overdue by run_expiry';
COMMENT ON COLUMN credit_gz.monitor_repairs.green_channel IS '绿色通道 / through the green channel';
COMMENT ON COLUMN credit_gz.monitor_repairs.avg_working_days IS '平均办理工作日 / average working days from submission to decision';

CREATE VIEW credit_gz.monitor_objections WITH (security_barrier = true) AS
WITH o AS (
    SELECT s.district, o.department_code, r.domain_code, o.status, o.outcome,
           (o.accept_overdue_at IS NOT NULL OR o.platform_overdue_at IS NOT NULL OR o.provider_overdue_at IS NOT NULL)
               AS overdue,
           CASE WHEN o.resolved_at IS NOT NULL
                THEN credit_gz.working_days_between(credit_gz.policy_date(o.submitted_at),
                                                    credit_gz.policy_date(o.resolved_at))
           END AS working_days
      FROM credit_gz.objection o
      JOIN credit_gz.subject s ON s.subject_id = o.subject_id
      JOIN credit_gz.record r ON r.subject_id = o.subject_id AND r.record_id = o.record_id
), g AS (
    SELECT CASE WHEN GROUPING(o.district) = 0 THEN 'district'
                WHEN GROUPING(o.department_code) = 0 THEN 'department'
                WHEN GROUPING(o.domain_code) = 0 THEN 'domain' ELSE 'city' END AS dimension,
           coalesce(o.district, o.department_code, o.domain_code,
                    CASE WHEN GROUPING(o.domain_code) = 0 THEN '未注明' ELSE '全市' END) AS key,
           pg_catalog.count(*) AS objections,
           pg_catalog.count(*) FILTER (WHERE o.status IN ('submitted', 'accepted', 'provider_check')) AS open,
           pg_catalog.count(*) FILTER (WHERE o.outcome = 'corrected') AS corrected,
           pg_catalog.count(*) FILTER (WHERE o.outcome = 'revoked') AS revoked,
           pg_catalog.count(*) FILTER (WHERE o.outcome = 'upheld') AS upheld,
           pg_catalog.count(*) FILTER (WHERE o.status = 'refused') AS refused,
           pg_catalog.count(*) FILTER (WHERE o.overdue) AS overdue,
           pg_catalog.round(pg_catalog.avg(o.working_days), 1) AS avg_working_days
      FROM o
     GROUP BY GROUPING SETS ((o.district), (o.department_code), (o.domain_code), ())
)
SELECT g.dimension, g.key, coalesce(dep.name_zh, dom.name_zh, g.key) AS label, g.objections, g.open, g.corrected,
       g.revoked, g.upheld, g.refused, g.overdue, g.avg_working_days
  FROM g
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_objections IS
    '异议处理监测 / objections by district, providing department, domain and city-wide: open, corrected, revoked, '
    'upheld, refused, overdue, and the average working days from submission to resolution.';
COMMENT ON COLUMN credit_gz.monitor_objections.dimension IS '统计维度 / dimension: district, department, domain or city';
COMMENT ON COLUMN credit_gz.monitor_objections.key IS '维度取值 / district name, department code, domain code or 全市';
COMMENT ON COLUMN credit_gz.monitor_objections.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_objections.objections IS '异议数 / objections';
COMMENT ON COLUMN credit_gz.monitor_objections.open IS '处理中 / open (submitted, accepted, with the provider)';
COMMENT ON COLUMN credit_gz.monitor_objections.corrected IS '更正 / corrected';
COMMENT ON COLUMN credit_gz.monitor_objections.revoked IS '撤销 / revoked';
COMMENT ON COLUMN credit_gz.monitor_objections.upheld IS '维持 / upheld';
COMMENT ON COLUMN credit_gz.monitor_objections.refused IS '不予受理 / refused';
COMMENT ON COLUMN credit_gz.monitor_objections.overdue IS '逾期 / flagged overdue by run_expiry';
COMMENT ON COLUMN credit_gz.monitor_objections.avg_working_days IS '平均办理工作日 / average working days from submission to resolution';

-- ---------------------------------------------------------------------------------------------------------------
-- Grade distribution (分级分类监管) and domains covered by graded supervision (target ≥ 20)
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_grade_distribution WITH (security_barrier = true) AS
WITH g AS (
    SELECT s.district, ss.model_code, ss.grade::text AS grade, pg_catalog.count(*) AS subjects
      FROM credit_gz.subject_score ss
      JOIN credit_gz.subject s ON s.subject_id = ss.subject_id
     GROUP BY s.district, ss.model_code, ss.grade
)
SELECT 'district'::text AS dimension, coalesce(g.district, '市外') AS key, coalesce(g.district, '市外') AS label,
       g.model_code, m.name_zh AS model_name, m.domain_code, g.grade, g.subjects
  FROM g JOIN credit_gz.scoring_model m ON m.code = g.model_code
UNION ALL
SELECT 'domain', coalesce(m.domain_code, '全市'), coalesce(d.name_zh, '全市(综合/风险模型)'),
       g.model_code, m.name_zh, m.domain_code, g.grade, pg_catalog.sum(g.subjects)::bigint
  FROM g JOIN credit_gz.scoring_model m ON m.code = g.model_code
  LEFT JOIN credit_gz.domain d ON d.code = m.domain_code
 GROUP BY m.domain_code, d.name_zh, g.model_code, m.name_zh, g.grade
UNION ALL
SELECT 'department', dd.department_code, dep.name_zh, g.model_code, m.name_zh, m.domain_code, g.grade,
       pg_catalog.sum(g.subjects)::bigint
  FROM g JOIN credit_gz.scoring_model m ON m.code = g.model_code
  JOIN credit_gz.domain_department dd ON dd.domain_code = m.domain_code
  JOIN credit_gz.department dep ON dep.code = dd.department_code
 GROUP BY dd.department_code, dep.name_zh, g.model_code, m.name_zh, m.domain_code, g.grade;
COMMENT ON VIEW credit_gz.monitor_grade_distribution IS
    '信用等级分布 / subjects per grade and scoring model, by district, by domain (city-wide models under 全市) and by '
    'the departments responsible for the model''s domain. Subjects without a score row have the model''s no-history '
    'grade and are not counted.';
COMMENT ON COLUMN credit_gz.monitor_grade_distribution.dimension IS '统计维度 / dimension: district, domain or department';
COMMENT ON COLUMN credit_gz.monitor_grade_distribution.key IS '维度取值 / district name, domain code or department code';
COMMENT ON COLUMN credit_gz.monitor_grade_distribution.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_grade_distribution.model_code IS '评价模型 / scoring model';
COMMENT ON COLUMN credit_gz.monitor_grade_distribution.model_name IS '模型名称 / model name';
COMMENT ON COLUMN credit_gz.monitor_grade_distribution.domain_code IS '评价领域 / evaluated domain (NULL: city-wide model)';
COMMENT ON COLUMN credit_gz.monitor_grade_distribution.grade IS '等级 / grade';
COMMENT ON COLUMN credit_gz.monitor_grade_distribution.subjects IS '主体数 / subjects with that grade';

CREATE VIEW credit_gz.monitor_graded_supervision WITH (security_barrier = true) AS
WITH m AS (
    SELECT m.domain_code, pg_catalog.count(*) AS models,
           pg_catalog.sum((SELECT pg_catalog.count(*) FROM credit_gz.subject_score ss WHERE ss.model_code = m.code))
               AS subjects_graded
      FROM credit_gz.scoring_model m
     WHERE m.is_active AND m.kind = 'domain'
     GROUP BY m.domain_code
)
SELECT 'domain'::text AS dimension, m.domain_code AS key, d.name_zh AS label, m.models, m.subjects_graded::bigint,
       NULL::bigint AS domains_covered, NULL::numeric AS target, NULL::boolean AS meets_target
  FROM m JOIN credit_gz.domain d ON d.code = m.domain_code
UNION ALL
SELECT 'city', '全市', '全市', pg_catalog.sum(m.models)::bigint, pg_catalog.sum(m.subjects_graded)::bigint,
       pg_catalog.count(DISTINCT coalesce(d.parent_code, d.code)),
       credit_gz.policy_target_value('graded_supervision_domains'),
       pg_catalog.count(DISTINCT coalesce(d.parent_code, d.code)) >= credit_gz.policy_target_value('graded_supervision_domains')
  FROM m JOIN credit_gz.domain d ON d.code = m.domain_code;
COMMENT ON VIEW credit_gz.monitor_graded_supervision IS
    '分级分类监管覆盖 / supervision domains with an active domain scoring model (分级分类监管), subjects graded, and '
    'city-wide the number of annex domains covered (a sub-domain counts for its parent) against the target of 20 '
    '(policy_target graded_supervision_domains).';
COMMENT ON COLUMN credit_gz.monitor_graded_supervision.dimension IS '统计维度 / dimension: domain or city';
COMMENT ON COLUMN credit_gz.monitor_graded_supervision.key IS '维度取值 / domain code or 全市';
COMMENT ON COLUMN credit_gz.monitor_graded_supervision.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_graded_supervision.models IS '评价模型数 / active domain models';
COMMENT ON COLUMN credit_gz.monitor_graded_supervision.subjects_graded IS '已评级主体数 / subjects with a score row';
COMMENT ON COLUMN credit_gz.monitor_graded_supervision.domains_covered IS '覆盖领域数 / annex domains covered (city row)';
COMMENT ON COLUMN credit_gz.monitor_graded_supervision.target IS '目标 / target number of domains (city row)';
COMMENT ON COLUMN credit_gz.monitor_graded_supervision.meets_target IS '是否达标 / target met (city row)';
