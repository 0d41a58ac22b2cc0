-- precheck: the joint reward and punishment measure list (联合奖惩措施清单), pre-checks, enforcement on departments'
-- own tables, and feedback (及时反馈奖惩工作成效). Policy: 穗府办函〔2020〕35号 二(一), 二(三); 国办发〔2020〕49号.

-- ---------------------------------------------------------------------------------------------------------------
-- Actions a measure governs
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.measure_action (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh  text NOT NULL,
    name_en  text NOT NULL,
    shipped  boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.measure_action IS '奖惩措施针对的办理事项 / the actions (matters) a department pre-checks';
COMMENT ON COLUMN credit_gz.measure_action.code IS '代码 / code';
COMMENT ON COLUMN credit_gz.measure_action.name_zh IS '名称 / Chinese name';
COMMENT ON COLUMN credit_gz.measure_action.name_en IS '英文名称 / English name';
COMMENT ON COLUMN credit_gz.measure_action.shipped IS '随扩展发布 / shipped with the extension';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.measure_action', 'WHERE NOT shipped');
INSERT INTO credit_gz.measure_action (code, name_zh, name_en, shipped) VALUES
 ('market_entry', '市场准入、设立登记', 'Market entry and registration', true),
 ('licence_approval', '行政许可、资质审核', 'Licences and qualification approval', true),
 ('tell_and_commit', '告知承诺制审批', 'Approval by notification and commitment', true),
 ('procurement_bid', '参与政府采购', 'Bidding in government procurement', true),
 ('tender_bid', '参与工程招标投标', 'Bidding in construction tenders', true),
 ('subsidy', '政府补贴、资金项目', 'Government subsidies and funded projects', true),
 ('honour', '表彰评优', 'Honours and awards', true),
 ('high_consumption', '高消费及非生活工作必需消费', 'High and non-essential consumption', true),
 ('inspection_frequency', '日常监管、抽查检查频次', 'Routine supervision and inspection frequency', true),
 ('serve_as_officer', '担任法定代表人、董事、监事、高级管理人员', 'Serving as legal representative, director or officer', true),
 ('financing', '融资授信', 'Bank financing and credit', true),
 ('customs_clearance', '通关查验', 'Customs clearance and inspection', true);

-- ---------------------------------------------------------------------------------------------------------------
-- Measures (联合奖惩措施清单)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.measure (
    code            text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh         text NOT NULL,
    list_type_code  text REFERENCES credit_gz.list_type (code),
    grade           text CHECK (grade IN ('A', 'B', 'M', 'C', 'D')),
    model_code      text,
    domain_code     text REFERENCES credit_gz.domain (code),
    action          text NOT NULL REFERENCES credit_gz.measure_action (code),
    category        text NOT NULL CHECK (category IN ('rights_reducing', 'management', 'market', 'facilitation')),
    kind            text NOT NULL CHECK (kind IN ('punishment', 'reward')),
    effect          text NOT NULL CHECK (effect IN ('deny', 'condition', 'incentive')),
    legal_basis     text NOT NULL CHECK (legal_basis <> ''),
    effective_from  date NOT NULL,
    effective_until date,
    shipped         boolean NOT NULL DEFAULT false,
    CHECK ((list_type_code IS NULL) <> (grade IS NULL)),
    CHECK (model_code IS NULL OR grade IS NOT NULL),
    CHECK ((kind = 'reward') = (effect = 'incentive')),
    CHECK ((kind = 'reward') = (category = 'facilitation')),
    -- a grade alone adjusts supervision; barring a subject must stand on a list with its legal basis (国办发〔2020〕49号)
    CHECK (grade IS NULL OR effect <> 'deny'),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.measure IS
    '联合奖惩措施清单：名单（或信用等级）× 领域 × 事项 → 措施及其法律依据，动态更新 / joint reward and punishment '
    'measures: list type (or grade) × domain × action → measure with its legal basis, updated as data (清单动态更新)';
COMMENT ON COLUMN credit_gz.measure.code IS '措施代码 / measure code';
COMMENT ON COLUMN credit_gz.measure.name_zh IS '措施内容 / what the measure does';
COMMENT ON COLUMN credit_gz.measure.list_type_code IS '适用名单（亦适用于其下级名单类别）/ list type (also applies to its direct kinds)';
COMMENT ON COLUMN credit_gz.measure.grade IS '适用信用等级 / credit grade the measure applies to (instead of a list)';
COMMENT ON COLUMN credit_gz.measure.model_code IS '评价模型（空为任意）/ scoring model of the grade (NULL: any)';
COMMENT ON COLUMN credit_gz.measure.domain_code IS '适用领域（空为全部，亦适用于下级领域）/ domain (NULL: all; also applies to sub-domains)';
COMMENT ON COLUMN credit_gz.measure.action IS '办理事项 / action';
COMMENT ON COLUMN credit_gz.measure.category IS '类别：减损权益、管理、市场性、便利激励 / rights_reducing, management, market, facilitation';
COMMENT ON COLUMN credit_gz.measure.kind IS '惩戒或激励 / punishment or reward';
COMMENT ON COLUMN credit_gz.measure.effect IS '对核查结论的影响：禁止、附条件、激励 / effect on the verdict: deny, condition, incentive';
COMMENT ON COLUMN credit_gz.measure.legal_basis IS '法律政策依据 / legal basis';
COMMENT ON COLUMN credit_gz.measure.effective_from IS '施行日期 / first day in force';
COMMENT ON COLUMN credit_gz.measure.effective_until IS '停止施行日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.measure.shipped IS '随扩展发布 / shipped with the extension';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.measure', 'WHERE NOT shipped');
CREATE INDEX measure_list_action_idx ON credit_gz.measure (list_type_code, action) WHERE list_type_code IS NOT NULL;
CREATE INDEX measure_grade_action_idx ON credit_gz.measure (grade, action) WHERE grade IS NOT NULL;
COMMENT ON INDEX credit_gz.measure_list_action_idx IS '按名单和事项 / by list type and action';
COMMENT ON INDEX credit_gz.measure_grade_action_idx IS '按等级和事项 / by grade and action';

-- Shipped starting list. Measures on 失信联合惩戒对象名单 (joint_punishment) apply to each of its national kinds.
INSERT INTO credit_gz.measure (code, name_zh, list_type_code, domain_code, action, category, kind, effect,
                               legal_basis, effective_from, shipped)
SELECT v.code, v.name_zh, v.list_type_code, v.domain_code, v.action, v.category,
       CASE WHEN v.effect = 'incentive' THEN 'reward' ELSE 'punishment' END, v.effect, v.legal_basis, v.f::date, true
  FROM (VALUES
 -- (1) rights-reducing measures by public bodies
 ('jp_procurement_bar', '限制参与政府采购活动', 'joint_punishment', 'government_procurement', 'procurement_bid', 'rights_reducing', 'deny',
  '《中华人民共和国政府采购法》第二十二条; 《关于在政府采购活动中查询及使用信用记录有关问题的通知》(财库〔2016〕125号); 国办发〔2020〕49号', '2016-08-01'),
 ('jp_tender_bar', '限制参与工程建设项目招标投标', 'joint_punishment', 'construction', 'tender_bid', 'rights_reducing', 'deny',
  '《中华人民共和国招标投标法实施条例》; 《关于对失信被执行人实施联合惩戒的合作备忘录》(发改财金〔2016〕141号); 国办发〔2020〕49号', '2016-01-20'),
 ('jp_subsidy_bar', '限制申请政府补贴、财政性资金项目', 'joint_punishment', NULL, 'subsidy', 'rights_reducing', 'deny',
  '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》(国发〔2016〕33号); 国办发〔2020〕49号', '2016-05-30'),
 ('jp_honour_bar', '限制参加评先评优、授予荣誉称号', 'joint_punishment', NULL, 'honour', 'rights_reducing', 'deny',
  '国发〔2016〕33号; 国办发〔2020〕49号; 穗府办函〔2020〕35号 二(一)', '2016-05-30'),
 ('jp_licence_strict', '行政许可从严审核', 'joint_punishment', NULL, 'licence_approval', 'rights_reducing', 'condition',
  '国发〔2016〕33号; 穗府办函〔2020〕35号 二(一)', '2016-05-30'),
 ('jp_market_entry_strict', '市场准入从严审核', 'joint_punishment', NULL, 'market_entry', 'rights_reducing', 'condition',
  '国发〔2016〕33号; 国办发〔2020〕49号', '2016-05-30'),
 ('jd_high_consumption_bar', '限制高消费及非生活和工作必需的消费行为', 'judgment_debtor', NULL, 'high_consumption', 'rights_reducing', 'deny',
  '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》(法释〔2015〕17号) 第三条', '2015-07-22'),
 ('jdr_high_consumption_bar', '法定代表人、主要负责人、实际控制人限制高消费', 'judgment_debtor_responsible', NULL, 'high_consumption', 'rights_reducing', 'deny',
  '法释〔2015〕17号 第三条第二款', '2015-07-22'),
 ('jdr_honour_bar', '限制参加评先评优', 'judgment_debtor_responsible', NULL, 'honour', 'rights_reducing', 'deny',
  '发改财金〔2016〕141号', '2016-01-20'),
 ('mtr_officer_bar', '负有直接责任人员担任企业高级管理人员从严审核', 'major_tax_responsible', NULL, 'serve_as_officer', 'rights_reducing', 'condition',
  '国家税务总局令第54号; 《关于对重大税收违法案件当事人实施联合惩戒措施的合作备忘录》(发改财金〔2014〕3062号)', '2022-02-01'),
 ('mtr_honour_bar', '限制参加评先评优', 'major_tax_responsible', NULL, 'honour', 'rights_reducing', 'deny',
  '发改财金〔2014〕3062号', '2022-02-01'),
 ('war_honour_bar', '限制参加评先评优', 'wage_arrears_responsible', NULL, 'honour', 'rights_reducing', 'deny',
  '人力资源社会保障部令第45号 第九条', '2022-01-01'),
 ('war_high_consumption_bar', '限制乘坐飞机、高铁等高消费', 'wage_arrears_responsible', NULL, 'high_consumption', 'rights_reducing', 'deny',
  '人力资源社会保障部令第45号 第九条', '2022-01-01'),
 ('ssr_officer_bar', '限制担任其他企业法定代表人、负责人', 'samr_serious_responsible', NULL, 'serve_as_officer', 'rights_reducing', 'deny',
  '市场监管总局令第44号 第二十四条; 《中华人民共和国公司法》第一百七十八条', '2021-09-01'),
 -- (2) management measures
 ('jp_no_tell_and_commit', '不适用告知承诺制', 'joint_punishment', NULL, 'tell_and_commit', 'management', 'deny',
  '《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》(国办发〔2020〕42号); 穗府办函〔2020〕35号 二(一)', '2020-11-09'),
 ('jp_inspection_up', '列为重点监管对象，提高检查频次', 'joint_punishment', NULL, 'inspection_frequency', 'management', 'condition',
  '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》(国办发〔2019〕35号)', '2019-07-09'),
 ('ka_inspection_up', '重点关注，提高检查频次', 'key_attention', NULL, 'inspection_frequency', 'management', 'condition',
  '穗府办函〔2020〕35号 二(三) (实施与其失信程度相对应的监管措施)', '2020-06-01'),
 ('ka_licence_review', '行政审批加强审查', 'key_attention', NULL, 'licence_approval', 'management', 'condition',
  '穗府办函〔2020〕35号 二(三)', '2020-06-01'),
 ('ka_tell_and_commit_review', '告知承诺事项加强核查', 'key_attention', NULL, 'tell_and_commit', 'management', 'condition',
  '穗府办函〔2020〕35号 二(一)、二(三)', '2020-06-01'),
 ('ao_inspection_up', '经营异常企业提高抽查比例', 'abnormal_operations', NULL, 'inspection_frequency', 'management', 'condition',
  '《企业信息公示暂行条例》第十七条; 《企业经营异常名录管理暂行办法》第十八条', '2014-10-01'),
 ('ao_procurement_review', '政府采购中作为重要考量因素', 'abnormal_operations', 'government_procurement', 'procurement_bid', 'management', 'condition',
  '《企业经营异常名录管理暂行办法》第十八条', '2014-10-01'),
 ('ao_tender_review', '工程招标投标中作为重要考量因素', 'abnormal_operations', 'construction', 'tender_bid', 'management', 'condition',
  '《企业经营异常名录管理暂行办法》第十八条', '2014-10-01'),
 ('ao_honour_bar', '不予授予荣誉称号', 'abnormal_operations', NULL, 'honour', 'management', 'condition',
  '《企业经营异常名录管理暂行办法》第十八条', '2014-10-01'),
 ('cd_customs_inspection_up', '提高进出口货物查验率', 'customs_dishonest', 'customs', 'customs_clearance', 'management', 'condition',
  '海关总署令第251号 第三十四条', '2021-11-01'),
 -- (3) market and industry measures
 ('jp_financing_strict', '金融机构审慎授信、提高贷款利率', 'joint_punishment', 'finance', 'financing', 'market', 'condition',
  '国发〔2016〕33号; 国办发〔2020〕49号 (市场性、行业性惩戒措施)', '2016-05-30'),
 -- rewards (守信激励)
 ('atp_green_channel', 'A级纳税人行政审批绿色通道、容缺受理', 'a_grade_taxpayer', NULL, 'licence_approval', 'facilitation', 'incentive',
  '发改财金〔2016〕1467号', '2016-07-01'),
 ('atp_inspection_down', 'A级纳税人减少检查频次', 'a_grade_taxpayer', NULL, 'inspection_frequency', 'facilitation', 'incentive',
  '发改财金〔2016〕1467号', '2016-07-01'),
 ('atp_subsidy_priority', 'A级纳税人财政资金项目优先支持', 'a_grade_taxpayer', NULL, 'subsidy', 'facilitation', 'incentive',
  '发改财金〔2016〕1467号', '2016-07-01'),
 ('atp_financing', 'A级纳税人银税互动信用贷款', 'a_grade_taxpayer', 'finance', 'financing', 'facilitation', 'incentive',
  '发改财金〔2016〕1467号', '2016-07-01'),
 ('aeo_clearance', '高级认证企业降低查验率、优先办理通关', 'aeo_advanced', 'customs', 'customs_clearance', 'facilitation', 'incentive',
  '海关总署令第251号 第二十七条', '2021-11-01'),
 ('aeo_inspection_down', '高级认证企业减少稽查、核查频次', 'aeo_advanced', NULL, 'inspection_frequency', 'facilitation', 'incentive',
  '海关总署令第251号 第二十七条', '2021-11-01'),
 ('chc_procurement_plus', '守合同重信用企业在政府采购中作为加分因素', 'contract_honouring', 'government_procurement', 'procurement_bid', 'facilitation', 'incentive',
  '穗府办函〔2020〕35号 二(一) (鼓励使用市场主体信用记录)', '2020-06-01'),
 ('chc_honour_priority', '守合同重信用企业评先评优优先考虑', 'contract_honouring', NULL, 'honour', 'facilitation', 'incentive',
  '工商市字〔2013〕51号', '2013-04-01')
 ) AS v (code, name_zh, list_type_code, domain_code, action, category, effect, legal_basis, f);

-- Grade measures (二(二): 根据信用等级实施差异化分类监管)
INSERT INTO credit_gz.measure (code, name_zh, grade, domain_code, action, category, kind, effect, legal_basis,
                               effective_from, shipped) VALUES
 ('grade_a_inspection_down', '信用等级A：降低抽查比例和频次', 'A', NULL, 'inspection_frequency', 'facilitation', 'reward', 'incentive',
  '穗府办函〔2020〕35号 二(二); 国办发〔2019〕35号', '2020-06-01', true),
 ('grade_a_tell_and_commit', '信用等级A：优先适用告知承诺制', 'A', NULL, 'tell_and_commit', 'facilitation', 'reward', 'incentive',
  '穗府办函〔2020〕35号 二(一)', '2020-06-01', true),
 ('grade_c_inspection_up', '信用等级C：提高抽查比例和频次', 'C', NULL, 'inspection_frequency', 'management', 'punishment', 'condition',
  '穗府办函〔2020〕35号 二(二); 国办发〔2019〕35号', '2020-06-01', true),
 ('grade_d_inspection_up', '信用等级D：列为重点监管对象，提高抽查比例和频次', 'D', NULL, 'inspection_frequency', 'management', 'punishment', 'condition',
  '穗府办函〔2020〕35号 二(二); 国办发〔2019〕35号', '2020-06-01', true),
 ('grade_d_licence_review', '信用等级D：行政审批加强审查', 'D', NULL, 'licence_approval', 'management', 'punishment', 'condition',
  '穗府办函〔2020〕35号 二(二)', '2020-06-01', true),
 ('grade_d_tell_and_commit_review', '信用等级D：告知承诺事项加强核查', 'D', NULL, 'tell_and_commit', 'management', 'punishment', 'condition',
  '穗府办函〔2020〕35号 二(一)', '2020-06-01', true);

-- ---------------------------------------------------------------------------------------------------------------
-- Feedback (及时反馈奖惩工作成效)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.measure_feedback (
    feedback_id     bigint GENERATED BY DEFAULT AS IDENTITY,
    checked_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    department_code text REFERENCES credit_gz.department (code),
    subject_id      bigint NOT NULL,
    domain_code     text NOT NULL,
    action          text NOT NULL,
    measure_code    text NOT NULL,
    entry_id        bigint,
    model_code      text,
    effect          text NOT NULL,
    verdict         text NOT NULL CHECK (verdict IN ('allow', 'allow_with_conditions', 'deny')),
    source          text NOT NULL CHECK (source IN ('precheck', 'enforce_precheck')),
    table_name      text,
    overridden      boolean NOT NULL DEFAULT false,
    override_reason text,
    actor           text NOT NULL DEFAULT current_user,
    CHECK (overridden = (override_reason IS NOT NULL)),
    PRIMARY KEY (subject_id, feedback_id)
);
COMMENT ON TABLE credit_gz.measure_feedback IS
    '奖惩措施实施反馈：每次核查适用的措施或激励 / every pre-check that applied a measure or incentive (feedback, 二(三))';
COMMENT ON COLUMN credit_gz.measure_feedback.feedback_id IS '编号 / id';
COMMENT ON COLUMN credit_gz.measure_feedback.checked_at IS '核查时间 / when';
COMMENT ON COLUMN credit_gz.measure_feedback.department_code IS '核查部门 / department that checked';
COMMENT ON COLUMN credit_gz.measure_feedback.subject_id IS '主体 / subject';
COMMENT ON COLUMN credit_gz.measure_feedback.domain_code IS '领域 / domain';
COMMENT ON COLUMN credit_gz.measure_feedback.action IS '办理事项 / action';
COMMENT ON COLUMN credit_gz.measure_feedback.measure_code IS '适用措施 / measure applied';
COMMENT ON COLUMN credit_gz.measure_feedback.entry_id IS '依据的名单记录 / list entry the measure stood on';
COMMENT ON COLUMN credit_gz.measure_feedback.model_code IS '依据的信用等级模型 / scoring model of a grade measure';
COMMENT ON COLUMN credit_gz.measure_feedback.effect IS '措施效果 / effect: deny, condition, incentive';
COMMENT ON COLUMN credit_gz.measure_feedback.verdict IS '核查结论 / verdict';
COMMENT ON COLUMN credit_gz.measure_feedback.source IS '来源：precheck() 或 enforce_precheck 触发器 / precheck() call or enforce_precheck trigger';
COMMENT ON COLUMN credit_gz.measure_feedback.table_name IS '触发核查的部门业务表 / department table (enforce_precheck)';
COMMENT ON COLUMN credit_gz.measure_feedback.overridden IS '是否经说明理由后放行 / allowed by a stated override';
COMMENT ON COLUMN credit_gz.measure_feedback.override_reason IS '放行理由 / override reason';
COMMENT ON COLUMN credit_gz.measure_feedback.actor IS '操作用户 / database user';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.measure_feedback', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.measure_feedback_feedback_id_seq', '');
CREATE INDEX measure_feedback_dept_idx ON credit_gz.measure_feedback (department_code, measure_code);
COMMENT ON INDEX credit_gz.measure_feedback_dept_idx IS '按部门和措施汇总 / summary by department and measure';

CREATE VIEW credit_gz.measure_feedback_summary WITH (security_barrier = true) AS
SELECT f.department_code, f.measure_code, m.name_zh AS measure_name, m.category, m.effect,
       count(*) AS applications,
       count(DISTINCT f.subject_id) AS subjects,
       count(*) FILTER (WHERE f.verdict = 'deny' AND NOT f.overridden) AS denials,
       count(*) FILTER (WHERE f.overridden) AS overrides,
       count(*) FILTER (WHERE f.verdict = 'allow_with_conditions') AS conditional_allowances,
       count(*) FILTER (WHERE f.effect = 'incentive') AS incentives,
       min(f.checked_at) AS first_at, max(f.checked_at) AS last_at
  FROM credit_gz.measure_feedback f
  LEFT JOIN credit_gz.measure m ON m.code = f.measure_code
 GROUP BY f.department_code, f.measure_code, m.name_zh, m.category, m.effect;
COMMENT ON VIEW credit_gz.measure_feedback_summary IS '各部门奖惩措施实施成效汇总 / effects per department and measure';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.department_code IS '部门 / department';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.measure_code IS '措施 / measure';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.measure_name IS '措施内容 / measure name';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.category IS '类别 / category';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.effect IS '效果 / effect';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.applications IS '适用次数 / times applied';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.subjects IS '涉及主体数 / distinct subjects';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.denials IS '拒绝次数 / denials';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.overrides IS '说明理由后放行次数 / overrides';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.conditional_allowances IS '附条件通过次数 / allowed with conditions';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.incentives IS '激励次数 / incentives granted';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.first_at IS '首次 / first';
COMMENT ON COLUMN credit_gz.measure_feedback_summary.last_at IS '最近 / last';

-- ---------------------------------------------------------------------------------------------------------------
-- Pre-check functions (C, src/precheck.c)
-- ---------------------------------------------------------------------------------------------------------------
-- subject_id_of: the one way from a code to its subject. Codes go through the lookup tables keyed by them
-- (subject_uscc, subject_resident_id, subject_identity_document): one index probe, on a cluster on one shard.
CREATE FUNCTION credit_gz.subject_id_of(document_type text, document_no text) RETURNS bigint
    LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT CASE
        WHEN document_type = 'uscc' THEN
            CASE WHEN credit_gz.uscc_is_valid(document_no) THEN
                (SELECT l.subject_id FROM credit_gz.subject_uscc l
                  WHERE l.uscc OPERATOR(credit_gz.=) document_no::credit_gz.uscc) END
        ELSE
            (SELECT CASE WHEN t.validation = 'gb11643' THEN
                        CASE WHEN credit_gz.resident_id_is_valid(document_no) THEN
                            (SELECT l.subject_id FROM credit_gz.subject_resident_id l
                              WHERE l.resident_id OPERATOR(credit_gz.=) document_no::credit_gz.resident_id) END
                    ELSE
                        (SELECT l.subject_id FROM credit_gz.subject_identity_document l
                          WHERE l.identity_document_type = t.code
                            AND l.identity_document_no = credit_gz.identity_document_try(t.validation, document_no)) END
               FROM credit_gz.identity_document_type t WHERE t.code = document_type)
    END
$$;
COMMENT ON FUNCTION credit_gz.subject_id_of(text, text) IS
    '由证件类型和号码查找主体 / the subject for a code of a kind: uscc, or a code of credit_gz.identity_document_type '
    '(resident_id, permanent_residence, hk_macao_permit, taiwan_permit, passport); NULL when the archive has none, '
    'the type is unknown or the number malformed';

-- subject_id_of_bare: a number given without its type, of a type no other identity can be taken for
-- (identity_document_type.bare_code).
CREATE FUNCTION credit_gz.subject_id_of_bare(document_no text) RETURNS bigint
    LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT l.subject_id
      FROM credit_gz.identity_document_type t
      JOIN credit_gz.subject_identity_document l
        ON l.identity_document_type = t.code
       AND l.identity_document_no = credit_gz.identity_document_try(t.validation, $1)
     WHERE t.bare_code AND t.validation <> 'gb11643'
     ORDER BY t.code
     LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.subject_id_of_bare(text) IS
    '由单独的证件号码查找主体 / the subject for a number given alone, of a document type marked bare_code; NULL when none';

CREATE FUNCTION credit_gz.subject_id_of(code text) RETURNS bigint
    LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT CASE
        WHEN code ~ '^[0-9]{1,15}$' THEN
            (SELECT s.subject_id FROM credit_gz.subject s WHERE s.subject_id = code::bigint)
        WHEN credit_gz.uscc_is_valid(code) THEN
            (SELECT l.subject_id FROM credit_gz.subject_uscc l WHERE l.uscc OPERATOR(credit_gz.=) code::credit_gz.uscc)
        WHEN credit_gz.resident_id_is_valid(code) THEN
            -- a 2023 permanent residence number has the form of a citizen identity number with 9 first
            coalesce((SELECT l.subject_id FROM credit_gz.subject_resident_id l
                       WHERE l.resident_id OPERATOR(credit_gz.=) code::credit_gz.resident_id),
                     credit_gz.subject_id_of_bare(code))
        WHEN pg_catalog.strpos(code, ':') > 0 THEN
            credit_gz.subject_id_of(pg_catalog.split_part(code, ':', 1),
                                    pg_catalog.substr(code, pg_catalog.strpos(code, ':') + 1))
        ELSE credit_gz.subject_id_of_bare(code)
    END
$$;
COMMENT ON FUNCTION credit_gz.subject_id_of(text) IS
    '由主体编号、统一社会信用代码、身份证号或其他身份证件查找主体；无记录返回空 / the subject for a subject id, unified '
    'social credit code, resident id, "type:number" of an identity document (subject_id_of(type, number)) or a bare '
    'number of a type marked bare_code, given as text; NULL when the archive has no such subject (or the code is malformed)';

-- code_defect: why a code given for a subject is not a well-formed code of any kind subject_id_of(code) takes (NULL:
-- well formed, whether or not a subject has it). A pre-check by a malformed code is an error (22P02), never an
-- unknown subject: a code with a wrong check character names nobody, and must not pass a department's gate.
-- The branches are subject_id_of(code)'s, in its order.
CREATE FUNCTION credit_gz.code_defect(code text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT CASE
        WHEN code ~ '^[0-9]{1,15}$' OR credit_gz.uscc_is_valid(code) OR credit_gz.resident_id_is_valid(code) THEN NULL
        WHEN pg_catalog.strpos(code, ':') > 0 THEN
            (SELECT CASE
                 WHEN tp = 'uscc' THEN credit_gz.uscc_explain(no)
                 WHEN t.code IS NULL THEN credit_gz.msg('unknown identity document type "%s"', tp)
                 WHEN t.validation = 'gb11643' THEN credit_gz.resident_id_explain(no)
                 WHEN credit_gz.identity_document_try(t.validation, no) IS NULL
                     THEN credit_gz.msg('not a valid number of identity document type %s', t.code)
             END
               FROM (SELECT pg_catalog.split_part(code, ':', 1) AS tp,
                            pg_catalog.substr(code, pg_catalog.strpos(code, ':') + 1) AS no) c
               LEFT JOIN credit_gz.identity_document_type t ON t.code = c.tp)
        WHEN EXISTS (SELECT 1 FROM credit_gz.identity_document_type t
                      WHERE t.bare_code AND t.validation <> 'gb11643'
                        AND credit_gz.identity_document_try(t.validation, code) IS NOT NULL) THEN NULL
        WHEN code ~ '^\s*[0-9]{17}[0-9Xx]\s*$' THEN credit_gz.resident_id_explain(code)
        WHEN pg_catalog.length(pg_catalog.btrim(code)) = 18 THEN credit_gz.uscc_explain(code)
        ELSE credit_gz.msg('not a subject id, unified social credit code, resident identity number or identity document (type:number)')
    END
$$;
COMMENT ON FUNCTION credit_gz.code_defect(text) IS
    '代码格式错误原因 / why a code given for a subject is malformed — a unified social credit code or resident identity '
    'number with a wrong check character, an identity document number of the wrong layout, an unknown document type, '
    'or none of the kinds credit_gz.subject_id_of(text) takes; NULL for a well-formed code (on file or not)';

CREATE FUNCTION credit_gz.precheck(subject_id bigint, domain text, action text, department text DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_precheck';
-- No SET search_path on the two hot C functions: not SECURITY DEFINER, every name in their SPI queries is
-- schema-qualified (pg_catalog is searched first), and a per-call SET costs about half of is_restricted's time.
COMMENT ON FUNCTION credit_gz.precheck(bigint, text, text, text) IS
    '事前信用核查：信用等级、适用的惩戒措施（含名单记录和法律依据）、激励措施及结论 allow / allow_with_conditions / deny；'
    '档案中无此主体时结论为 no_record；适用措施时记入 measure_feedback / pre-check: grades, every applicable measure with '
    'its list entry and legal basis, incentives, and a verdict; logs applied measures to measure_feedback';

CREATE FUNCTION credit_gz.precheck(code text, domain text, action text, department text DEFAULT NULL)
    RETURNS jsonb
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_precheck_code';
COMMENT ON FUNCTION credit_gz.precheck(text, text, text, text) IS
    '以统一社会信用代码、身份证号、其他身份证件或主体编号进行事前核查 / pre-check by unified social credit code, resident '
    'id, identity document (subject_id_of) or subject id';

CREATE FUNCTION credit_gz.is_restricted(subject_id bigint, domain text, action text) RETURNS boolean
    LANGUAGE c VOLATILE STRICT PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_is_restricted';
COMMENT ON FUNCTION credit_gz.is_restricted(bigint, text, text) IS
    '快速判断：主体在该领域该事项是否受禁止性惩戒措施约束（即 precheck 结论为 deny）；档案无此主体返回 false / fast path: '
    'true when precheck() would deny; false for subjects not in the archive. A read like precheck''s: logged in '
    'credit_gz.query_log (verdict deny, or NULL when not restricted), so VOLATILE';

CREATE FUNCTION credit_gz.is_restricted(code text, domain text, action text) RETURNS boolean
    LANGUAGE c VOLATILE STRICT PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_is_restricted_code';
COMMENT ON FUNCTION credit_gz.is_restricted(text, text, text) IS
    '以统一社会信用代码、身份证号、其他身份证件或主体编号快速判断 / fast path by unified social credit code, resident id, '
    'identity document (subject_id_of) or subject id';

CREATE FUNCTION credit_gz.enforce_precheck() RETURNS trigger
    LANGUAGE c SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'credit_gz_enforce_precheck';
COMMENT ON FUNCTION credit_gz.enforce_precheck() IS
    '部门业务表上的事前核查触发器：参数（代码列, 领域, 事项[, 部门]）；受禁止性措施约束的主体行被拒绝 (SQLSTATE CG501)，'
    '经 credit_gz.precheck_override_reason 说明理由可放行并记录 / BEFORE INSERT OR UPDATE trigger for departments'' '
    'tables: arguments (code column, domain, action[, department]); rejects rows of restricted subjects with CG501 '
    'unless credit_gz.precheck_override_reason states a reason, which is recorded in measure_feedback';

-- Pre-checks: departments only (grant_department grants EXECUTE; see credit_gz.role_privilege).
REVOKE EXECUTE ON FUNCTION credit_gz.precheck(bigint, text, text, text), credit_gz.precheck(text, text, text, text),
       credit_gz.is_restricted(bigint, text, text), credit_gz.is_restricted(text, text, text) FROM PUBLIC;

-- The pre-check functions cache the known domain and action codes per backend. credit_gz.domain already sends a
-- relcache invalidation on every change (trigger domain_changed, src/archive.sql); measure_action does the same here.
CREATE TRIGGER measure_action_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.measure_action
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.catalogue_changed();
COMMENT ON TRIGGER measure_action_changed ON credit_gz.measure_action IS
    '事项目录变更时刷新各会话缓存 / invalidates the per-backend caches of known action codes';
COMMENT ON SEQUENCE credit_gz.measure_feedback_feedback_id_seq IS '反馈编号 / feedback ids';

-- ---------------------------------------------------------------------------------------------------------------
-- Batch pre-checks: a tender office checks its whole list of bidders at once (C, src/precheck.c)
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.precheck_many(subject_ids bigint[], domain text, action text, department text DEFAULT NULL)
    RETURNS TABLE (item integer, answer jsonb)
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_precheck_many';
COMMENT ON FUNCTION credit_gz.precheck_many(bigint[], text, text, text) IS
    '批量事前信用核查（投标人名单）/ pre-check of a whole list of subjects: one row per item (item numbers the list from '
    '1), each answer the one credit_gz.precheck(subject_id, domain, action, department) gives, logged in '
    'credit_gz.query_log and fed back as that call is; set-up (department, domain and action checks) done once';

CREATE FUNCTION credit_gz.precheck_many(codes text[], domain text, action text, department text DEFAULT NULL)
    RETURNS TABLE (item integer, answer jsonb)
    LANGUAGE c VOLATILE PARALLEL UNSAFE
    AS 'MODULE_PATHNAME', 'credit_gz_precheck_many_code';
COMMENT ON FUNCTION credit_gz.precheck_many(text[], text, text, text) IS
    '以代码批量事前核查 / pre-check of a list of codes (unified social credit codes, resident ids, identity documents, '
    'subject ids): each answer the one credit_gz.precheck(code, …) gives; a malformed code, which precheck(code) '
    'refuses with 22P02, is answered with that error under the key error (verdict null) instead of failing the list';

-- departments only, as precheck (credit_gz.role_privilege)
REVOKE EXECUTE ON FUNCTION credit_gz.precheck_many(bigint[], text, text, text),
       credit_gz.precheck_many(text[], text, text, text) FROM PUBLIC;
