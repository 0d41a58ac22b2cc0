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
-- Pre-checks and their verdicts per day (事前核查): every pre-check's entry in the query logs names the domain asked
-- and the verdict answered, so they are counted here whether or not a measure applied
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_precheck_verdicts WITH (security_barrier = true) AS
WITH l AS (
    SELECT credit_gz.policy_date(q.at) AS day, q.department_code, q.domain_code, s.district,
           coalesce(q.verdict, '未注明') AS verdict
      FROM credit_gz.query_log q
      LEFT JOIN credit_gz.subject s ON s.subject_id = q.subject_id
     WHERE q.via = 'precheck'
    UNION ALL
    SELECT credit_gz.policy_date(u.at), u.department_code, u.domain_code, NULL, coalesce(u.verdict, '未注明')
      FROM credit_gz.unknown_code_read_log u
     WHERE u.via = 'precheck'
), g AS (
    SELECT CASE WHEN GROUPING(l.district) = 0 THEN 'district'
                WHEN GROUPING(l.department_code) = 0 THEN 'department' ELSE 'domain' END AS dimension,
           CASE WHEN GROUPING(l.district) = 0 THEN coalesce(l.district, '未注明')
                WHEN GROUPING(l.department_code) = 0 THEN coalesce(l.department_code, '未注明')
                ELSE coalesce(l.domain_code, '未注明') END AS key,
           l.day, l.verdict, pg_catalog.count(*) AS prechecks
      FROM l
     GROUP BY GROUPING SETS ((l.district, l.day, l.verdict), (l.department_code, l.day, l.verdict),
                             (l.domain_code, l.day, l.verdict))
)
SELECT g.dimension, g.key, coalesce(dep.name_zh, dom.name_zh, g.key) AS label, g.day, g.verdict, g.prechecks
  FROM g
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_precheck_verdicts IS
    '事前核查结论 / pre-checks per day (Guangzhou time) and verdict, by the asking department, the district of the '
    'subject (未注明 for codes not on file) and the domain asked, from both query logs (as long as they keep entries).';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.dimension IS '统计维度 / dimension: district, department or domain';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.key IS '维度取值 / district name, department code or domain code (未注明: not given)';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.day IS '核查日期 / day of the pre-check';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.verdict IS '核查结论 / verdict: allow, allow_with_conditions, deny, no_record (未注明: logged without one)';
COMMENT ON COLUMN credit_gz.monitor_precheck_verdicts.prechecks IS '核查次数 / pre-checks';

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
    -- pre-checks of codes not on file were run too: both logs count (monitor_precheck_verdicts, every day)
    SELECT v.dimension, v.key, pg_catalog.sum(v.prechecks)::bigint AS prechecks
      FROM credit_gz.monitor_precheck_verdicts v
     GROUP BY v.dimension, v.key
)
SELECT g.dimension, g.key, coalesce(dep.name_zh, dom.name_zh, g.key) AS label,
       coalesce(q.prechecks, 0) AS prechecks,
       g.measures_applied, g.subjects, g.denials, g.overrides, g.conditional, g.incentives
  FROM g
  LEFT JOIN q ON q.dimension = g.dimension AND q.key = g.key
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_precheck_feedback IS
    '事前核查与奖惩反馈 / pre-check feedback by district, department and domain: measures applied, subjects, denials, '
    'overrides, conditional approvals, incentives; and the number of pre-checks (query logs, monitor_precheck_verdicts).';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.dimension IS '统计维度 / dimension: district, department or domain';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.key IS '维度取值 / district name, department code or domain code';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_precheck_feedback.prechecks IS '核查次数 / pre-checks run (from the query logs, codes not on file included)';
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

-- monitor_sent_codes: credit_gz.sent_code_quality() (src/list_intake.sql, read when called) over all periods, per
-- department, in the owner's rights: the 重错码率 of what departments sent, as aggregates.
CREATE FUNCTION credit_gz.monitor_sent_codes()
RETURNS TABLE (department_code text, department_name text, codes bigint, faulty bigint)
LANGUAGE plpgsql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY
    SELECT q.department_code, d.name_zh, pg_catalog.sum(q.codes)::bigint,
           pg_catalog.sum(q.erroneous + q.erroneous_ids + q.duplicate)::bigint
      FROM credit_gz.sent_code_quality(NULL, NULL, 'year') q
      JOIN credit_gz.department d ON d.code = q.department_code
     GROUP BY q.department_code, d.name_zh
     ORDER BY q.department_code;
END
$$;
COMMENT ON FUNCTION credit_gz.monitor_sent_codes() IS
    '报送重错码 (aggregates only) for credit_gz.monitor_data_quality: per department, the codes it sent in penalty, '
    'licence and list files (rejected lines included) and how many were erroneous or duplicate (sent_code_quality, summed '
    'over the years of the lines), run with the owner''s rights.';
REVOKE ALL ON FUNCTION credit_gz.monitor_sent_codes() FROM PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('analyst', 'monitor_sent_codes()', 'EXECUTE', true),
    ('department', 'monitor_sent_codes()', 'EXECUTE', true);

CREATE VIEW credit_gz.monitor_data_quality WITH (security_barrier = true) AS
-- 重错码率 over every code departments sent (staged penalty, licence and list lines, rejected ones included: a code refused at
-- the door is the error the figure is about), city-wide and per department; unified codes and identity numbers.
SELECT 'city'::text AS dimension, '全市'::text AS key, '全市'::text AS label, 'code_error_rate'::text AS metric,
       '统一社会信用代码重错码率 / duplicate or erroneous unified codes'::text AS metric_name,
       pg_catalog.round(q.bad::numeric / NULLIF(q.codes, 0), 8) AS value,
       credit_gz.policy_target_value('code_error_rate') AS target,
       coalesce(q.bad::numeric / NULLIF(q.codes, 0), 0) <= credit_gz.policy_target_value('code_error_rate')
           AS meets_target,
       q.codes AS base, q.bad AS count
  FROM (SELECT coalesce(pg_catalog.sum(m.codes), 0)::bigint AS codes, coalesce(pg_catalog.sum(m.faulty), 0)::bigint AS bad
          FROM credit_gz.monitor_sent_codes() m) q
UNION ALL
SELECT 'department', m.department_code, m.department_name, 'department_code_error_rate',
       '部门报送重错码率 / duplicate or erroneous codes a department sent',
       pg_catalog.round(m.faulty::numeric / NULLIF(m.codes, 0), 8),
       credit_gz.policy_target_value('code_error_rate'),
       coalesce(m.faulty::numeric / NULLIF(m.codes, 0), 0) <= credit_gz.policy_target_value('code_error_rate'),
       m.codes, m.faulty
  FROM credit_gz.monitor_sent_codes() m
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
    '归集质量 / data quality (十五): the rate of duplicate or erroneous codes among every code departments sent in '
    'penalty, licence and list files, rejected lines included (city-wide: code_error_rate; per department: '
    'department_code_error_rate; credit_gz.sent_code_quality), against the 0.005% target (policy_target '
    'code_error_rate), and the 双公示 field-check pass rate per department and city-wide. The archive''s own '
    'unverified codes: code_quality(''credit_gz.subject'', ''uscc'', ''name'').';
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

-- ---------------------------------------------------------------------------------------------------------------
-- Trends per month by decision date and by load date (九: 监测; 定期通报)
-- ---------------------------------------------------------------------------------------------------------------
-- basis 'decision' dates a record by its decision date, a list entry's entry by its effective_from; basis 'load' dates
-- both by the day they reached the archive (policy date of created_at), so a first bulk load of years of decisions
-- shows in one month under 'load' and spread over the years under 'decision'. Leaving a list, repairs and objections
-- have one date (status_changed_on, submission) and are the same under both. Districts are today's: subject.district
-- comes from the code through region_district, which follows region_succession.
CREATE VIEW credit_gz.monitor_trend WITH (security_barrier = true) AS
WITH b(basis) AS (VALUES ('decision'::text), ('load'::text)
), ev AS (
    SELECT b.basis, s.district, r.department_code, r.domain_code,
           CASE b.basis WHEN 'decision' THEN r.decision_date ELSE credit_gz.policy_date(r.created_at) END AS day,
           'records'::text AS measure, i.kind || coalesce('/' || r.severity, '') AS category
      FROM credit_gz.record r
      JOIN credit_gz.subject s ON s.subject_id = r.subject_id
      JOIN credit_gz.info_item i ON i.code = r.item_code
     CROSS JOIN b
    UNION ALL
    SELECT b.basis, s.district, e.department_code, NULL,
           CASE b.basis WHEN 'decision' THEN e.effective_from ELSE credit_gz.policy_date(e.created_at) END,
           'list_entered', e.list_type_code
      FROM credit_gz.list_entry e
      JOIN credit_gz.subject s ON s.subject_id = e.subject_id
     CROSS JOIN b
    UNION ALL
    SELECT b.basis, s.district, e.department_code, NULL, e.status_changed_on, 'list_left',
           e.list_type_code || '/' || e.status
      FROM credit_gz.list_entry e
      JOIN credit_gz.subject s ON s.subject_id = e.subject_id
     CROSS JOIN b
     WHERE e.status <> 'active' AND e.status_changed_on IS NOT NULL
    UNION ALL
    SELECT b.basis, s.district, a.department_code, r.domain_code, credit_gz.policy_date(a.submitted_at), 'repairs',
           CASE WHEN a.accept_overdue_at IS NOT NULL OR a.decide_overdue_at IS NOT NULL THEN 'deadline_missed'
                WHEN a.decided_at IS NOT NULL THEN 'deadline_kept' ELSE 'pending' END
      FROM credit_gz.repair_application a
      JOIN credit_gz.subject s ON s.subject_id = a.subject_id
      LEFT JOIN credit_gz.record r ON r.subject_id = a.subject_id AND r.record_id = a.record_id
     CROSS JOIN b
    UNION ALL
    SELECT b.basis, s.district, o.department_code, r.domain_code, credit_gz.policy_date(o.submitted_at), 'objections',
           CASE WHEN o.accept_overdue_at IS NOT NULL OR o.platform_overdue_at IS NOT NULL
                     OR o.provider_overdue_at IS NOT NULL THEN 'deadline_missed'
                WHEN o.resolved_at IS NOT NULL THEN 'deadline_kept' ELSE 'pending' END
      FROM credit_gz.objection o
      JOIN credit_gz.subject s ON s.subject_id = o.subject_id
      JOIN credit_gz.record r ON r.subject_id = o.subject_id AND r.record_id = o.record_id
     CROSS JOIN b
), m AS (
    SELECT ev.basis, ev.district, ev.department_code, ev.domain_code, ev.measure, ev.category,
           pg_catalog.date_trunc('month', ev.day::timestamp)::date AS period_start
      FROM ev
), g AS (
    SELECT m.basis,
           CASE WHEN GROUPING(m.district) = 0 THEN 'district'
                WHEN GROUPING(m.department_code) = 0 THEN 'department'
                WHEN GROUPING(m.domain_code) = 0 THEN 'domain' ELSE 'city' END AS dimension,
           CASE WHEN GROUPING(m.district) = 0 THEN coalesce(m.district, '市外')
                WHEN GROUPING(m.department_code) = 0 THEN m.department_code
                WHEN GROUPING(m.domain_code) = 0 THEN coalesce(m.domain_code, '未注明') ELSE '全市' END AS key,
           m.period_start, m.measure, m.category, pg_catalog.count(*) AS value
      FROM m
     GROUP BY GROUPING SETS ((m.basis, m.district, m.period_start, m.measure, m.category),
                             (m.basis, m.department_code, m.period_start, m.measure, m.category),
                             (m.basis, m.domain_code, m.period_start, m.measure, m.category),
                             (m.basis, m.period_start, m.measure, m.category))
)
SELECT g.basis, g.dimension, g.key, coalesce(dep.name_zh, dom.name_zh, g.key) AS label, g.period_start, g.measure,
       g.category, g.value
  FROM g
  LEFT JOIN credit_gz.department dep ON g.dimension = 'department' AND dep.code = g.key
  LEFT JOIN credit_gz.domain dom ON g.dimension = 'domain' AND dom.code = g.key;
COMMENT ON VIEW credit_gz.monitor_trend IS
    '监测趋势 / per month, by decision date (basis decision) and by load date (basis load), by district (today''s '
    'name, region_succession), department, domain and city-wide: records by kind and severity, list entries entering '
    'and leaving, repairs and objections with their deadlines kept or missed.';
COMMENT ON COLUMN credit_gz.monitor_trend.basis IS '日期口径 / decision: decision or effective date; load: day it reached the archive';
COMMENT ON COLUMN credit_gz.monitor_trend.dimension IS '统计维度 / dimension: district, department, domain or city';
COMMENT ON COLUMN credit_gz.monitor_trend.key IS '维度取值 / district name, department code, domain code or 全市';
COMMENT ON COLUMN credit_gz.monitor_trend.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_trend.period_start IS '统计月份 / first day of the month';
COMMENT ON COLUMN credit_gz.monitor_trend.measure IS '指标 / records, list_entered, list_left, repairs or objections';
COMMENT ON COLUMN credit_gz.monitor_trend.category IS '分类 / records: kind/severity; lists: list type (/status left); repairs, objections: deadline_kept, deadline_missed or pending';
COMMENT ON COLUMN credit_gz.monitor_trend.value IS '数量 / count';

-- ---------------------------------------------------------------------------------------------------------------
-- Daily snapshots (每日快照): grades, list entries in force, pre-checks — aggregates an analyst may read over years
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.monitoring_snapshot_retention (
    effective_from date     PRIMARY KEY,
    retention      interval NOT NULL CHECK (retention >= interval '1 year'),
    basis          text     NOT NULL,
    shipped        boolean  NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.monitoring_snapshot_retention IS
    '监测快照保存期限 / how long daily monitoring snapshots are kept, by the date the period took effect; '
    'take_snapshots removes older ones. A site adds a row to change it.';
COMMENT ON COLUMN credit_gz.monitoring_snapshot_retention.effective_from IS '生效日期 / date the period took effect';
COMMENT ON COLUMN credit_gz.monitoring_snapshot_retention.retention IS '保存期限 / how long snapshots are kept';
COMMENT ON COLUMN credit_gz.monitoring_snapshot_retention.basis IS '依据 / basis for the period';
COMMENT ON COLUMN credit_gz.monitoring_snapshot_retention.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped); locally added rows: false';
INSERT INTO credit_gz.monitoring_snapshot_retention (effective_from, retention, basis) VALUES
    ('2020-05-18', interval '10 years',
     '穗府办函〔2020〕35号 九、二十: 定期通报与考核, 跨年度比较 / yearly comparisons over the plan and review periods');
ALTER TABLE credit_gz.monitoring_snapshot_retention ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.monitoring_snapshot_retention', 'WHERE NOT shipped');

-- monitoring_snapshot_retention_at: the snapshot retention period in force on a day.
CREATE FUNCTION credit_gz.monitoring_snapshot_retention_at(as_of date)
RETURNS interval
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT r.retention FROM credit_gz.monitoring_snapshot_retention r
     WHERE r.effective_from OPERATOR(pg_catalog.<=) as_of
     ORDER BY r.effective_from DESC LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.monitoring_snapshot_retention_at(date) IS
    '监测快照保存期限 / the snapshot retention period in force on a day (credit_gz.monitoring_snapshot_retention).';

CREATE TABLE credit_gz.monitoring_snapshot (
    as_of     date        NOT NULL,
    measure   text        NOT NULL CHECK (measure IN ('subjects_by_grade', 'entries_in_force', 'prechecks')),
    dimension text        NOT NULL CHECK (dimension IN ('district', 'department', 'domain')),
    key       text        NOT NULL,
    item      text        NOT NULL,
    detail    text        NOT NULL DEFAULT '',
    value     bigint      NOT NULL CHECK (value >= 0),
    taken_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (as_of, measure, dimension, key, item, detail)
);
COMMENT ON TABLE credit_gz.monitoring_snapshot IS
    '每日监测快照 / aggregates taken by credit_gz.take_snapshots(as_of) for a day: subjects per grade, model and '
    'district; list entries in force per list type and district; pre-checks per verdict and department, district '
    'and domain. No subject''s data; read through credit_gz.monitor_snapshot.';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.as_of IS '快照日期 / the day the figures are for';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.measure IS '指标 / subjects_by_grade, entries_in_force or prechecks';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.dimension IS '统计维度 / district, department or domain';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.key IS '维度取值 / district name, department code or domain code';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.item IS '项目 / scoring model, list type or verdict';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.detail IS '细分 / the grade (subjects_by_grade); empty otherwise';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.value IS '数量 / count';
COMMENT ON COLUMN credit_gz.monitoring_snapshot.taken_at IS '采集时间 / when the snapshot was taken (bookkeeping only)';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.monitoring_snapshot', '');

-- monitor_grades_on: subjects per district, model and grade on a day. Today (or later) from subject_score, as
-- monitor_grade_distribution counts them; a past day from grade_history, each subject's last grade by that day's end.
CREATE FUNCTION credit_gz.monitor_grades_on(as_of date)
RETURNS TABLE (district text, model_code text, grade text, subjects bigint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH x AS (
        SELECT ss.subject_id, ss.model_code, ss.grade::text AS grade
          FROM credit_gz.subject_score ss
         WHERE as_of OPERATOR(pg_catalog.>=) credit_gz.policy_date()
        UNION ALL
        (SELECT DISTINCT ON (h.subject_id, h.model_code) h.subject_id, h.model_code, h.new_grade::text
           FROM credit_gz.grade_history h
          WHERE as_of OPERATOR(pg_catalog.<) credit_gz.policy_date()
            AND credit_gz.policy_date(h.changed_at) OPERATOR(pg_catalog.<=) as_of
          ORDER BY h.subject_id, h.model_code, h.changed_at DESC, h.seq DESC)
    )
    SELECT coalesce(s.district, '市外'), x.model_code, x.grade, pg_catalog.count(*)
      FROM x JOIN credit_gz.subject s ON s.subject_id OPERATOR(pg_catalog.=) x.subject_id
     GROUP BY 1, 2, 3
$$;
COMMENT ON FUNCTION credit_gz.monitor_grades_on(date) IS
    '某日信用等级分布 / subjects per district, scoring model and grade on a day: today from subject_score (as '
    'monitor_grade_distribution), a past day from grade_history (the last grade each subject had by that day).';
REVOKE ALL ON FUNCTION credit_gz.monitor_grades_on(date) FROM PUBLIC;

-- monitor_lists_on: list entries in force on a day per district and list type: in effect that day and not yet
-- lifted, expired, repaired or revoked by then.
CREATE FUNCTION credit_gz.monitor_lists_on(as_of date)
RETURNS TABLE (district text, list_type_code text, entries bigint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(s.district, '市外'), e.list_type_code, pg_catalog.count(*)
      FROM credit_gz.list_entry e
      JOIN credit_gz.subject s ON s.subject_id OPERATOR(pg_catalog.=) e.subject_id
     WHERE e.effective_from OPERATOR(pg_catalog.<=) as_of
       AND (e.effective_until IS NULL OR e.effective_until OPERATOR(pg_catalog.>) as_of)
       AND (e.status OPERATOR(pg_catalog.=) 'active' OR e.status_changed_on OPERATOR(pg_catalog.>) as_of)
     GROUP BY 1, 2
$$;
COMMENT ON FUNCTION credit_gz.monitor_lists_on(date) IS
    '某日在列名单 / list entries in force on a day per district and list type (effective that day, not ended by then).';
REVOKE ALL ON FUNCTION credit_gz.monitor_lists_on(date) FROM PUBLIC;

-- take_snapshots: the daily job. Replaces the snapshot of as_of (so a day is re-taken or back-filled for any as_of
-- up to today), removes snapshots past the retention in force, and logs its run in credit_gz.job_run.
CREATE FUNCTION credit_gz.take_snapshots(as_of date DEFAULT credit_gz.policy_date())
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    started timestamptz := pg_catalog.clock_timestamp();
    n_grade bigint; n_list bigint; n_pre bigint; n_purged bigint;
    summary jsonb;
    failed_state text; failed_message text;
BEGIN
    IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) OR as_of > credit_gz.policy_date() THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('take_snapshots needs a finite day not after today, got %s', coalesce(as_of::text, 'NULL')),
              ERRCODE = '22023', HINT = credit_gz.msg('Call credit_gz.take_snapshots() for today or give a past day to back-fill.');
    END IF;
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('take_snapshots')) THEN
        summary := pg_catalog.jsonb_build_object('as_of', as_of, 'skipped', 'another take_snapshots is in progress');
        PERFORM credit_gz.job_run_record('take_snapshots', as_of, started, summary);
        RETURN summary;
    END IF;
    BEGIN
        DELETE FROM credit_gz.monitoring_snapshot s WHERE s.as_of = take_snapshots.as_of;
        INSERT INTO credit_gz.monitoring_snapshot (as_of, measure, dimension, key, item, detail, value)
        SELECT take_snapshots.as_of, 'subjects_by_grade', 'district', g.district, g.model_code, g.grade, g.subjects
          FROM credit_gz.monitor_grades_on(take_snapshots.as_of) g;
        GET DIAGNOSTICS n_grade = ROW_COUNT;
        INSERT INTO credit_gz.monitoring_snapshot (as_of, measure, dimension, key, item, value)
        SELECT take_snapshots.as_of, 'entries_in_force', 'district', l.district, l.list_type_code, l.entries
          FROM credit_gz.monitor_lists_on(take_snapshots.as_of) l;
        GET DIAGNOSTICS n_list = ROW_COUNT;
        INSERT INTO credit_gz.monitoring_snapshot (as_of, measure, dimension, key, item, value)
        SELECT take_snapshots.as_of, 'prechecks', v.dimension, v.key, v.verdict, v.prechecks
          FROM credit_gz.monitor_precheck_verdicts v WHERE v.day = take_snapshots.as_of;
        GET DIAGNOSTICS n_pre = ROW_COUNT;
        DELETE FROM credit_gz.monitoring_snapshot s
         WHERE s.as_of < take_snapshots.as_of - credit_gz.monitoring_snapshot_retention_at(take_snapshots.as_of);
        GET DIAGNOSTICS n_purged = ROW_COUNT;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT;
        PERFORM credit_gz.job_run_record('take_snapshots', as_of, started, NULL, failed_state, failed_message);
        RAISE WARNING USING MESSAGE = credit_gz.msg('take_snapshots failed (SQLSTATE %s): %s', failed_state, failed_message),
              HINT = credit_gz.msg('The failure is logged in credit_gz.job_run.');
        RETURN pg_catalog.jsonb_build_object('as_of', as_of, 'sqlstate', failed_state, 'error', failed_message);
    END;
    summary := pg_catalog.jsonb_build_object('as_of', as_of, 'grade_rows', n_grade, 'list_rows', n_list,
                                             'precheck_rows', n_pre, 'purged_rows', n_purged);
    PERFORM credit_gz.job_run_record('take_snapshots', as_of, started, summary);
    RETURN summary;
END
$$;
COMMENT ON FUNCTION credit_gz.take_snapshots(date) IS
    '每日监测快照 / takes the monitoring snapshot of a day (default today, policy_date; any past day to back-fill): '
    'subjects per grade, model and district, list entries in force per list type and district, pre-checks per '
    'verdict by department, district and domain; replaces that day''s rows, removes snapshots past the retention '
    '(monitoring_snapshot_retention) and logs the run in credit_gz.job_run. Advisory lock job_lock_key(''take_snapshots'').';
REVOKE ALL ON FUNCTION credit_gz.take_snapshots(date) FROM PUBLIC;

INSERT INTO credit_gz.job_schedule (job, expected_every, basis, shipped) VALUES
    ('take_snapshots', interval '36 hours', '每日监测快照 / the daily monitoring snapshot (九: 定期通报监测结果)', true);

CREATE VIEW credit_gz.monitor_snapshot WITH (security_barrier = true) AS
SELECT s.as_of, s.measure, s.dimension, s.key, coalesce(dep.name_zh, dom.name_zh, s.key) AS label, s.item,
       s.detail, s.value
  FROM credit_gz.monitoring_snapshot s
  LEFT JOIN credit_gz.department dep ON s.dimension = 'department' AND dep.code = s.key
  LEFT JOIN credit_gz.domain dom ON s.dimension = 'domain' AND dom.code = s.key;
COMMENT ON VIEW credit_gz.monitor_snapshot IS
    '每日监测快照 / the daily snapshots (credit_gz.take_snapshots): subjects per grade, model and district; list '
    'entries in force per list type and district; pre-checks per verdict by department, district and domain.';
COMMENT ON COLUMN credit_gz.monitor_snapshot.as_of IS '快照日期 / the day the figures are for';
COMMENT ON COLUMN credit_gz.monitor_snapshot.measure IS '指标 / subjects_by_grade, entries_in_force or prechecks';
COMMENT ON COLUMN credit_gz.monitor_snapshot.dimension IS '统计维度 / district, department or domain';
COMMENT ON COLUMN credit_gz.monitor_snapshot.key IS '维度取值 / district name, department code or domain code';
COMMENT ON COLUMN credit_gz.monitor_snapshot.label IS '显示名称 / display name';
COMMENT ON COLUMN credit_gz.monitor_snapshot.item IS '项目 / scoring model, list type or verdict';
COMMENT ON COLUMN credit_gz.monitor_snapshot.detail IS '细分 / the grade (subjects_by_grade); empty otherwise';
COMMENT ON COLUMN credit_gz.monitor_snapshot.value IS '数量 / count';

-- ---------------------------------------------------------------------------------------------------------------
-- The periodic bulletin (定期通报): a month or a quarter, as HTML with SVG charts (no script, no network) or as
-- plain text for e-mail. Every figure is read from a monitor_* view, summed over the period's months where the
-- view is monthly; each target is shown beside the figure it judges.
-- ---------------------------------------------------------------------------------------------------------------
-- monitor_html: text escaped for HTML element content and attribute values.
CREATE FUNCTION credit_gz.monitor_html(t text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
               t, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$$;
COMMENT ON FUNCTION credit_gz.monitor_html(text) IS
    'HTML 转义 / text escaped for HTML content and attributes (& < > " '') for monitoring_bulletin.';

CREATE FUNCTION credit_gz.monitoring_bulletin(period date, scope text DEFAULT 'month', format text DEFAULT 'html')
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p_start date; p_end date; prev_start date;
    html boolean;
    out text := '';
    sec text;
    r record;
    mx numeric;
    y integer;
    title text;
    n_records bigint; n_ly bigint; n_prev bigint; target numeric; growth numeric;
BEGIN
    IF period IS NULL OR NOT pg_catalog.isfinite(period) THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('monitoring_bulletin needs a finite day in the period'),
              ERRCODE = '22023';
    END IF;
    IF scope IS NULL OR scope NOT IN ('month', 'quarter') THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('monitoring_bulletin scope must be month or quarter, got %s', coalesce(scope, 'NULL')),
              ERRCODE = '22023';
    END IF;
    IF format IS NULL OR format NOT IN ('html', 'text') THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('monitoring_bulletin format must be html or text, got %s', coalesce(format, 'NULL')),
              ERRCODE = '22023';
    END IF;
    html := format = 'html';
    p_start := pg_catalog.date_trunc(scope, period::timestamp)::date;
    p_end := (p_start + CASE scope WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END)::date;
    prev_start := (p_start - CASE scope WHEN 'month' THEN interval '1 month' ELSE interval '3 months' END)::date;
    title := '广州市公共信用信息监测通报 / Guangzhou credit monitoring bulletin ' || p_start || ' – ' || (p_end - 1);
    target := credit_gz.policy_target_value('collection_growth', p_start);

    -- 1. collection (十五: 较同期提升20%以上)
    SELECT coalesce(pg_catalog.sum(c.records), 0), pg_catalog.sum(c.same_period_last_year)
      INTO n_records, n_ly
      FROM credit_gz.monitor_collection c
     WHERE c.dimension = 'city' AND c.period_start >= p_start AND c.period_start < p_end;
    growth := CASE WHEN n_ly > 0 THEN pg_catalog.round(n_records::numeric / n_ly - 1, 4) END;
    IF html THEN
        out := '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>' || credit_gz.monitor_html(title)
            || '</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}'
            || 'td,th{border:1px solid #999;padding:2px 6px;text-align:right}td:first-child,th:first-child{text-align:left}'
            || '.short{color:#b00}</style></head><body><h1>' || credit_gz.monitor_html(title) || '</h1>';
        sec := '<section id="collection"><h2>一、信用信息归集 / collection</h2><p>本期归集 records: ' || n_records
            || '; 上年同期 same period last year: ' || coalesce(n_ly::text, '—') || '; 同比 growth: '
            || coalesce(growth::text, '—') || ' (目标 target: ' || target || ')</p>'
            || '<table><tr><th>部门 department</th><th>records</th><th>last year</th><th>growth</th><th>target</th></tr>';
    ELSE
        out := title || E'\n' || pg_catalog.repeat('=', 60) || E'\n';
        sec := E'\n一、信用信息归集 / collection\n  records ' || n_records || ', same period last year '
            || coalesce(n_ly::text, '-') || ', growth ' || coalesce(growth::text, '-') || ' (target ' || target || E')\n';
    END IF;
    FOR r IN SELECT c.key, c.label, pg_catalog.sum(c.records) AS records, pg_catalog.sum(c.same_period_last_year) AS ly
               FROM credit_gz.monitor_collection c
              WHERE c.dimension = 'department' AND c.period_start >= p_start AND c.period_start < p_end
              GROUP BY c.key, c.label ORDER BY 3 DESC, 1 LOOP
        IF html THEN
            sec := sec || '<tr><td>' || credit_gz.monitor_html(r.label) || '</td><td>' || r.records || '</td><td>'
                || coalesce(r.ly::text, '—') || '</td><td>'
                || coalesce(pg_catalog.round(r.records::numeric / NULLIF(r.ly, 0) - 1, 4)::text, '—') || '</td><td>'
                || target || '</td></tr>';
        ELSE
            sec := sec || '  ' || r.label || ': ' || r.records || ' (last year ' || coalesce(r.ly::text, '-') || E')\n';
        END IF;
    END LOOP;
    IF html THEN
        -- bar chart of records per district
        SELECT pg_catalog.max(x.records), pg_catalog.count(*) INTO mx, y
          FROM (SELECT pg_catalog.sum(c.records) AS records FROM credit_gz.monitor_collection c
                 WHERE c.dimension = 'district' AND c.period_start >= p_start AND c.period_start < p_end
                 GROUP BY c.key) x;
        sec := sec || '</table><svg xmlns="http://www.w3.org/2000/svg" role="img" width="640" height="'
            || (20 * coalesce(y, 0) + 10) || '"><title>各区归集量 / records per district</title>';
        y := 0;
        FOR r IN SELECT c.key, pg_catalog.sum(c.records) AS records FROM credit_gz.monitor_collection c
                  WHERE c.dimension = 'district' AND c.period_start >= p_start AND c.period_start < p_end
                  GROUP BY c.key ORDER BY 2 DESC, 1 LOOP
            sec := sec || '<text x="0" y="' || (y * 20 + 15) || '" font-size="12">' || credit_gz.monitor_html(r.key)
                || '</text><rect x="100" y="' || (y * 20 + 4) || '" height="14" width="'
                || pg_catalog.round(400 * r.records / NULLIF(mx, 0)) || '" fill="#4a7bb7"/><text x="'
                || (105 + pg_catalog.round(400 * r.records / NULLIF(mx, 0))) || '" y="' || (y * 20 + 15)
                || '" font-size="12">' || r.records || '</text>';
            y := y + 1;
        END LOOP;
        sec := sec || '</svg></section>';
    END IF;
    out := out || sec;

    -- 2. data quality: 重错码率 and 双公示
    FOR r IN SELECT q.metric, q.metric_name, q.label, q.value, q.target, q.meets_target, q.base, q.count
               FROM credit_gz.monitor_data_quality q
              WHERE q.metric <> 'department_code_error_rate'
              ORDER BY q.metric = 'code_error_rate' DESC, q.dimension = 'city' DESC, q.metric, q.key LOOP
        IF r.metric = 'code_error_rate' THEN
            sec := CASE WHEN html THEN '<section id="code_quality"><h2>二、重错码率 / duplicate or erroneous codes</h2><p>'
                        ELSE E'\n二、重错码率 / duplicate or erroneous codes\n  ' END
                || r.metric_name || ': ' || coalesce(r.value::text, '0') || ' (' || r.count || ' / ' || r.base
                || '; 目标 target ≤ ' || r.target || '; '
                || CASE WHEN r.meets_target THEN '达标 met' ELSE '未达标 not met' END || ')'
                || CASE WHEN html THEN '</p></section><section id="double_publicity"><h2>三、双公示 / 双公示 pass rates</h2><table>'
                        || '<tr><th>部门 department</th><th>指标 metric</th><th>records</th><th>passed</th><th>pass rate</th></tr>'
                        ELSE E'\n\n三、双公示 / 双公示 pass rates\n' END;
        ELSIF html THEN
            sec := sec || '<tr><td>' || credit_gz.monitor_html(r.label) || '</td><td>' || credit_gz.monitor_html(r.metric_name)
                || '</td><td>' || coalesce(r.base::text, '—') || '</td><td>' || coalesce(r.count::text, '—')
                || '</td><td>' || coalesce(r.value::text, '—') || '</td></tr>';
        ELSE
            sec := sec || '  ' || r.label || ' ' || r.metric || ': ' || coalesce(r.value::text, '-') || ' ('
                || coalesce(r.count::text, '-') || ' / ' || coalesce(r.base::text, '-') || E')\n';
        END IF;
    END LOOP;
    out := out || sec || CASE WHEN html THEN '</table></section>' ELSE '' END;

    -- 4. graded supervision coverage (分级分类监管, ≥ 20 domains)
    SELECT g.domains_covered, g.target, g.meets_target, g.models, g.subjects_graded INTO r
      FROM credit_gz.monitor_graded_supervision g WHERE g.dimension = 'city';
    out := out || CASE WHEN html THEN '<section id="graded_supervision"><h2>四、分级分类监管 / graded supervision</h2><p>'
                       ELSE E'\n四、分级分类监管 / graded supervision\n  ' END
        || '覆盖领域 domains covered: ' || coalesce(r.domains_covered::text, '0') || ' (目标 target ≥ '
        || coalesce(r.target::text, credit_gz.policy_target_value('graded_supervision_domains')::text) || '; '
        || CASE WHEN r.meets_target THEN '达标 met' ELSE '未达标 not met' END || '); 模型 models: '
        || coalesce(r.models::text, '0') || '; 已评级主体 subjects graded: ' || coalesce(r.subjects_graded::text, '0')
        || CASE WHEN html THEN '</p></section>' ELSE E'\n' END;

    -- 5. lists, repairs, objections in the period, and 6. changes since the last period (monitor_trend, city-wide)
    sec := CASE WHEN html THEN '<section id="lists_repairs"><h2>五、名单与信用修复 / lists, repairs, objections</h2><table>'
                    || '<tr><th>指标 measure</th><th>分类 category</th><th>本期 this period</th><th>上期 last period</th><th>变化 change</th></tr>'
                ELSE E'\n五、名单与信用修复 / lists, repairs, objections (this period, last period)\n' END;
    FOR r IN SELECT t.measure, t.category,
                    coalesce(pg_catalog.sum(t.value) FILTER (WHERE t.period_start >= p_start), 0) AS now_v,
                    coalesce(pg_catalog.sum(t.value) FILTER (WHERE t.period_start < p_start), 0) AS prev_v
               FROM credit_gz.monitor_trend t
              WHERE t.basis = 'decision' AND t.dimension = 'city' AND t.measure <> 'records'
                AND t.period_start >= prev_start AND t.period_start < p_end
              GROUP BY t.measure, t.category ORDER BY 1, 2 LOOP
        sec := sec || CASE WHEN html THEN '<tr><td>' || r.measure || '</td><td>' || credit_gz.monitor_html(r.category)
                               || '</td><td>' || r.now_v || '</td><td>' || r.prev_v || '</td><td>'
                               || (r.now_v - r.prev_v) || '</td></tr>'
                           ELSE '  ' || r.measure || ' ' || r.category || ': ' || r.now_v || ' (' || r.prev_v || E')\n' END;
    END LOOP;
    out := out || sec || CASE WHEN html THEN '</table></section>' ELSE '' END;

    SELECT coalesce(pg_catalog.sum(c.records), 0) INTO n_prev
      FROM credit_gz.monitor_collection c
     WHERE c.dimension = 'city' AND c.period_start >= prev_start AND c.period_start < p_start;
    out := out || CASE WHEN html THEN '<section id="changes"><h2>六、与上期比较 / changes since the last period</h2><p>'
                       ELSE E'\n六、与上期比较 / changes since the last period\n  ' END
        || '归集 records: ' || n_records || ' (上期 last period ' || n_prev || ', 变化 change '
        || (n_records - n_prev) || ')' || CASE WHEN html THEN '</p>' ELSE E'\n' END;
    IF html THEN
        -- records per month, this period and the last, as columns
        SELECT pg_catalog.max(c.records) INTO mx FROM credit_gz.monitor_collection c
         WHERE c.dimension = 'city' AND c.period_start >= prev_start AND c.period_start < p_end;
        out := out || '<svg xmlns="http://www.w3.org/2000/svg" role="img" width="640" height="160"><title>'
            || '每月归集量 / records per month</title>';
        y := 0;
        FOR r IN SELECT c.period_start, c.records FROM credit_gz.monitor_collection c
                  WHERE c.dimension = 'city' AND c.period_start >= prev_start AND c.period_start < p_end
                  ORDER BY 1 LOOP
            out := out || '<rect x="' || (10 + y * 100) || '" y="' || (130 - pg_catalog.round(110 * r.records / NULLIF(mx, 0)))
                || '" width="60" height="' || pg_catalog.round(110 * r.records / NULLIF(mx, 0)) || '" fill="'
                || CASE WHEN r.period_start >= p_start THEN '#4a7bb7' ELSE '#aaa' END || '"/><text x="' || (10 + y * 100)
                || '" y="150" font-size="12">' || pg_catalog.to_char(r.period_start, 'YYYY-MM') || ' ' || r.records
                || '</text>';
            y := y + 1;
        END LOOP;
        out := out || '</svg></section>';
    END IF;

    -- 7. who falls short: districts and departments under the collection target over the period
    sec := CASE WHEN html THEN '<section id="shortfalls"><h2>七、未达标 / districts and departments that fall short</h2><ul>'
                ELSE E'\n七、未达标 / districts and departments that fall short\n' END;
    y := 0;
    FOR r IN SELECT c.dimension, c.label, pg_catalog.sum(c.records) AS records, pg_catalog.sum(c.same_period_last_year) AS ly
               FROM credit_gz.monitor_collection c
              WHERE c.dimension IN ('district', 'department') AND c.period_start >= p_start AND c.period_start < p_end
              GROUP BY c.dimension, c.key, c.label
             HAVING pg_catalog.sum(c.same_period_last_year) > 0
                AND pg_catalog.sum(c.records) < pg_catalog.sum(c.same_period_last_year) * (1 + target)
              ORDER BY 1 DESC, 2 LOOP
        sec := sec || CASE WHEN html THEN '<li class="short">' ELSE '  ' END || r.dimension || ' '
            || CASE WHEN html THEN credit_gz.monitor_html(r.label) ELSE r.label END || ': 归集 ' || r.records
            || ' < ' || r.ly || ' × (1 + ' || target || ')' || CASE WHEN html THEN '</li>' ELSE E'\n' END;
        y := y + 1;
    END LOOP;
    IF y = 0 THEN
        sec := sec || CASE WHEN html THEN '<li>无 / none</li>' ELSE E'  无 / none\n' END;
    END IF;
    out := out || sec || CASE WHEN html THEN '</ul></section></body></html>' ELSE '' END;
    RETURN out;
END
$$;
COMMENT ON FUNCTION credit_gz.monitoring_bulletin(date, text, text) IS
    '定期通报 / the bulletin of a month or quarter (scope) containing period, as HTML with SVG charts (format html, '
    'no script or network) or plain text (format text): collection against the +20% target and per department, '
    '重错码率 against 0.005%, 双公示 pass rates, graded supervision coverage (≥ 20 domains), lists, repairs and '
    'objections, changes since the last period, and who falls short; each figure from its monitor_* view.';
REVOKE ALL ON FUNCTION credit_gz.monitoring_bulletin(date, text, text) FROM PUBLIC;
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges, shipped) VALUES
    ('analyst', 'monitoring_bulletin(date, text, text)', 'EXECUTE', true);
