-- lists: list types, list entries, propagation to the people responsible, dishonesty cases, interview tasks.
-- Policy: 穗府办函〔2020〕35号 二(一) (check credit, constrain 失信联合惩戒对象), 二(三) (重点关注名单, 谁认定、谁约谈,
-- 联合惩戒措施清单, 失信案例核查). Measures, pre-checks and feedback follow in src/precheck.sql.

-- ---------------------------------------------------------------------------------------------------------------
-- List types
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.list_type (
    code                     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh                  text NOT NULL,
    name_en                  text NOT NULL,
    parent_code              text REFERENCES credit_gz.list_type (code),
    polarity                 text NOT NULL CHECK (polarity IN ('punishment', 'reward', 'attention')),
    severity                 text NOT NULL CHECK (severity IN ('serious', 'general', 'none')),
    applies_to               text NOT NULL DEFAULT 'both' CHECK (applies_to IN ('legal_entity', 'natural_person', 'both')),
    derived_only             boolean NOT NULL DEFAULT false,
    default_term_months      integer CHECK (default_term_months > 0),
    early_removal_after_months integer CHECK (early_removal_after_months >= 0),
    early_removal_conditions text,
    escalate_to_code         text REFERENCES credit_gz.list_type (code),
    escalate_after_months    integer CHECK (escalate_after_months > 0),
    escalation_notice_days   integer CHECK (escalation_notice_days >= 0),
    legal_basis              text NOT NULL,
    effective_from           date NOT NULL,
    effective_until          date,
    shipped                  boolean NOT NULL DEFAULT false,
    subject_kinds            text[] CHECK (cardinality(subject_kinds) > 0),
    from_item_code           text REFERENCES credit_gz.info_item (code) ON UPDATE CASCADE,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK ((escalate_to_code IS NULL) = (escalate_after_months IS NULL)),
    CHECK (escalate_to_code IS DISTINCT FROM code),
    CHECK (parent_code IS DISTINCT FROM code)
);
COMMENT ON TABLE credit_gz.list_type IS
    '名单类型（重点关注名单、失信联合惩戒对象名单及其国家类别、经营异常名录、红名单）及其期限、提前移出和升级规则 / '
    'list types with their default term, early-removal and escalation rules (rules are data, 二(三))';
COMMENT ON COLUMN credit_gz.list_type.code IS '代码 / code';
COMMENT ON COLUMN credit_gz.list_type.name_zh IS '名称 / Chinese name';
COMMENT ON COLUMN credit_gz.list_type.name_en IS '英文名称 / English name';
COMMENT ON COLUMN credit_gz.list_type.parent_code IS '上级名单（如失信联合惩戒对象名单）/ parent list (a national kind belongs to 失信联合惩戒对象名单)';
COMMENT ON COLUMN credit_gz.list_type.polarity IS '性质：惩戒、激励、关注 / punishment, reward or attention';
COMMENT ON COLUMN credit_gz.list_type.severity IS '严重程度 / severity: serious, general, none';
COMMENT ON COLUMN credit_gz.list_type.applies_to IS '适用主体 / which subjects may be listed: legal_entity, natural_person, both';
COMMENT ON COLUMN credit_gz.list_type.derived_only IS '仅由关联推送产生（责任人员名单）/ only reached through propagation, never listed directly';
COMMENT ON COLUMN credit_gz.list_type.default_term_months IS '默认列入期限（月），空为直至移出 / default term in months; NULL: until removed';
COMMENT ON COLUMN credit_gz.list_type.early_removal_after_months IS '可提前移出的最短列入月数，空为不得提前移出 / months after listing from which early removal (lift, repair) is allowed; NULL: no early removal';
COMMENT ON COLUMN credit_gz.list_type.early_removal_conditions IS '提前移出条件 / conditions for early removal';
COMMENT ON COLUMN credit_gz.list_type.escalate_to_code IS '升级列入的名单 / list an unresolved entry escalates to';
COMMENT ON COLUMN credit_gz.list_type.escalate_after_months IS '未整改满多少月升级 / months unresolved before escalation';
COMMENT ON COLUMN credit_gz.list_type.escalation_notice_days IS '升级前提示天数 / days of notice before escalation';
COMMENT ON COLUMN credit_gz.list_type.legal_basis IS '法律政策依据 / legal basis';
COMMENT ON COLUMN credit_gz.list_type.effective_from IS '施行日期 / first day in force';
COMMENT ON COLUMN credit_gz.list_type.effective_until IS '停止施行日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.list_type.shipped IS '随扩展发布的数据 / shipped with the extension (not dumped)';
COMMENT ON COLUMN credit_gz.list_type.subject_kinds IS
    '适用主体类别 / the kinds of subject (credit_gz.subject.kind) that may be listed, e.g. government_agency for 政务失信, '
    'public_institution for 事业单位异常名录; NULL: every kind applies_to allows';
COMMENT ON COLUMN credit_gz.list_type.from_item_code IS
    '由信用记录列入 / a record of this catalogue item lists its subject at once (the record as basis, e.g. 政务失信 '
    'records); NULL: listed by a determination only';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_type', 'WHERE NOT shipped');

INSERT INTO credit_gz.list_type (code, name_zh, name_en, parent_code, polarity, severity, applies_to, derived_only,
        default_term_months, early_removal_after_months, early_removal_conditions,
        escalate_to_code, escalate_after_months, escalation_notice_days, legal_basis, effective_from, shipped) VALUES
 ('joint_punishment', '失信联合惩戒对象名单', 'Joint-punishment list of dishonest subjects', NULL, 'punishment', 'serious', 'both', false,
  36, 12, '已履行义务、纠正失信行为并作出信用承诺', NULL, NULL, NULL,
  '国办发〔2020〕49号 (严重失信主体名单须以法律法规或党中央、国务院政策文件为依据); 穗府办函〔2020〕35号 二(三)', '2020-12-07', true),
 ('judgment_debtor', '失信被执行人', 'Dishonest judgment debtors', 'joint_punishment', 'punishment', 'serious', 'both', false,
  24, 0, '已履行生效法律文书确定的义务或达成执行和解并履行',  NULL, NULL, NULL,
  '《最高人民法院关于公布失信被执行人名单信息的若干规定》(法释〔2017〕7号) 第二条、第十条', '2017-05-01', true),
 ('major_tax_violation', '重大税收违法失信主体', 'Major tax-violation dishonest subjects', 'joint_punishment', 'punishment', 'serious', 'both', false,
  36, 0, '缴清税款、滞纳金和罚款（提前停止公布）', NULL, NULL, NULL,
  '《重大税收违法失信主体信息公布管理办法》(国家税务总局令第54号) 第十四条、第十五条', '2022-02-01', true),
 ('wage_arrears', '严重拖欠农民工工资失信联合惩戒对象', 'Serious wage-arrears joint-punishment subjects', 'joint_punishment', 'punishment', 'serious', 'both', false,
  36, 12, '列入满1年、已改正拖欠工资行为且未再发生', NULL, NULL, NULL,
  '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》(人力资源社会保障部令第45号) 第十二条、第十三条', '2022-01-01', true),
 ('customs_dishonest', '海关失信企业', 'Customs dishonest enterprises', 'joint_punishment', 'punishment', 'serious', 'legal_entity', false,
  NULL, 12, '认定满1年且未再发生失信情形，申请信用修复', NULL, NULL, NULL,
  '《中华人民共和国海关注册登记和备案企业信用管理办法》(海关总署令第251号) 第三十三条', '2021-11-01', true),
 ('samr_serious_illegal', '市场监督管理严重违法失信名单', 'Market-supervision serious illegal and dishonest list', 'joint_punishment', 'punishment', 'serious', 'legal_entity', false,
  36, 12, '列入满1年、已履行义务、消除危害后果、未再受较重行政处罚', NULL, NULL, NULL,
  '《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号) 第十五条、第十六条', '2021-09-01', true),
 ('abnormal_operations', '经营异常名录', 'Abnormal-operations list', NULL, 'attention', 'general', 'legal_entity', false,
  NULL, 0, '已纠正（补报年报、公示信息或恢复联系）', 'samr_serious_illegal', 36, 60,
  '《企业信息公示暂行条例》第十七条; 《企业经营异常名录管理暂行办法》; 市场监管总局令第44号 第十条 (列入经营异常名录满三年仍未改正的列入严重违法失信名单)', '2021-09-01', true),
 ('key_attention', '重点关注名单', 'Key-attention list', NULL, 'attention', 'general', 'both', false,
  12, 0, '已整改并作出信用承诺', NULL, NULL, NULL,
  '穗府办函〔2020〕35号 二(三) (根据监管对象信用状况，建立重点关注名单)', '2020-06-01', true),
 ('a_grade_taxpayer', 'A级纳税人', 'A-grade taxpayers', NULL, 'reward', 'none', 'legal_entity', false,
  12, 0, NULL, NULL, NULL, NULL,
  '《纳税信用管理办法》; 《关于对纳税信用A级纳税人实施联合激励措施的合作备忘录》(发改财金〔2016〕1467号)', '2016-07-01', true),
 ('aeo_advanced', '海关高级认证企业', 'AEO advanced-certified enterprises', NULL, 'reward', 'none', 'legal_entity', false,
  NULL, 0, NULL, NULL, NULL, NULL,
  '《中华人民共和国海关注册登记和备案企业信用管理办法》(海关总署令第251号) 第二十六条', '2021-11-01', true),
 ('contract_honouring', '守合同重信用企业', '"Honouring contracts and keeping credit" enterprises', NULL, 'reward', 'none', 'legal_entity', false,
  24, 0, NULL, NULL, NULL, NULL,
  '《守合同重信用企业公示工作若干意见》(工商市字〔2013〕51号); 穗府办函〔2020〕35号 二(一)', '2013-04-01', true),
 ('judgment_debtor_responsible', '失信被执行人单位的法定代表人、主要负责人、实际控制人', 'Responsible persons of dishonest judgment-debtor organisations', NULL, 'punishment', 'serious', 'natural_person', true,
  NULL, 0, '随单位失信被执行人信息移出或关联关系终止而移出', NULL, NULL, NULL,
  '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》(法释〔2015〕17号) 第三条第二款', '2015-07-22', true),
 ('major_tax_responsible', '重大税收违法失信主体的负有直接责任人员', 'Persons directly responsible for major tax violations', NULL, 'punishment', 'serious', 'natural_person', true,
  NULL, 0, '随主体信息停止公布或关联关系终止而移出', NULL, NULL, NULL,
  '国家税务总局令第54号 第十条 (公布法定代表人、负责人及负有直接责任的人员)', '2022-02-01', true),
 ('wage_arrears_responsible', '严重拖欠农民工工资失信主体的法定代表人、主要负责人和直接责任人员', 'Responsible persons of serious wage-arrears subjects', NULL, 'punishment', 'serious', 'natural_person', true,
  NULL, 0, '随单位移出名单或关联关系终止而移出', NULL, NULL, NULL,
  '人力资源社会保障部令第45号 第九条 (对法定代表人、主要负责人和负有直接责任的有关人员实施联合惩戒)', '2022-01-01', true),
 ('samr_serious_responsible', '严重违法失信企业的法定代表人、负责人', 'Legal representatives of serious illegal and dishonest enterprises', NULL, 'punishment', 'serious', 'natural_person', true,
  NULL, 0, '随企业移出名单或关联关系终止而移出', NULL, NULL, NULL,
  '市场监管总局令第44号 第二十四条; 《中华人民共和国公司法》第一百七十八条', '2021-09-01', true);

-- ---------------------------------------------------------------------------------------------------------------
-- List terms: later generations of a list type's term and early-removal rule (rules are data with effective dates)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.list_term (
    list_term_id               integer PRIMARY KEY,
    list_type_code             text NOT NULL REFERENCES credit_gz.list_type (code),
    effective_from             date NOT NULL,
    effective_until            date,
    default_term_months        integer CHECK (default_term_months > 0),
    early_removal_after_months integer CHECK (early_removal_after_months >= 0),
    early_removal_counted_from text NOT NULL DEFAULT 'listing' CHECK (early_removal_counted_from IN ('listing', 'correction')),
    early_removal_conditions   text,
    source                     text NOT NULL CHECK (btrim(source) <> ''),
    note                       text,
    shipped                    boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    UNIQUE (list_type_code, effective_from)
);
COMMENT ON TABLE credit_gz.list_term IS
    '名单期限规则代次 / generations of a list type''s term and early-removal rule. A list type''s own columns '
    '(default_term_months, early_removal_after_months, early_removal_conditions) are its first generation; a row here '
    'replaces them for entries listed on the days it is in force [effective_from, effective_until). An entry keeps the '
    'generation in force on its listing day (list_entry.list_term_id, NULL: the list type''s own columns), so a later '
    'change of the law does not change the rule of entries already listed.';
COMMENT ON COLUMN credit_gz.list_term.list_term_id IS '规则编号 / id (shipped rows below 1000)';
COMMENT ON COLUMN credit_gz.list_term.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.list_term.effective_from IS '施行日期 / first listing day the generation governs';
COMMENT ON COLUMN credit_gz.list_term.effective_until IS '失效日期 / first day no longer in force: entries listed from it take a later generation (NULL: open)';
COMMENT ON COLUMN credit_gz.list_term.default_term_months IS '列入期限(月) / term in months; NULL: until removed';
COMMENT ON COLUMN credit_gz.list_term.early_removal_after_months IS
    '提前移出最短月数 / months before early removal is possible; NULL: no early removal';
COMMENT ON COLUMN credit_gz.list_term.early_removal_counted_from IS
    '起算点 / listing: months counted from the listing day; correction: from the day the subject corrected (改正之日, '
    'list_entry.rectified_on, or the obligations performed of a repair application)';
COMMENT ON COLUMN credit_gz.list_term.early_removal_conditions IS '提前移出条件 / conditions';
COMMENT ON COLUMN credit_gz.list_term.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.list_term.note IS '说明 / remarks (an unconfirmed figure says so here)';
COMMENT ON COLUMN credit_gz.list_term.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
INSERT INTO credit_gz.list_term (list_term_id, list_type_code, effective_from, default_term_months, early_removal_after_months,
                                 early_removal_counted_from, early_removal_conditions, source, note, shipped) VALUES
    (1, 'wage_arrears', '2022-01-01', 36, 6, 'correction', '列入期间偿还拖欠工资，自改正之日起满6个月，且作出守信承诺',
     '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》(人力资源社会保障部令第45号)',
     'from the ministry''s public summary of the order (three years; early removal 6 months after correction with a '
     'credit commitment), not from its article text; the list type''s first generation (12 months from listing) was '
     'wrong from the start, so this generation covers every entry since the order took effect', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_term', 'WHERE NOT shipped');

CREATE FUNCTION credit_gz.list_term_for(list_type_code text, listed_on date) RETURNS integer
LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT t.list_term_id FROM credit_gz.list_term t
        WHERE t.list_type_code = list_term_for.list_type_code
          AND credit_gz.in_force(t.effective_from, t.effective_until, list_term_for.listed_on)
        ORDER BY t.shipped, t.effective_from DESC, t.list_term_id
        LIMIT 1);
COMMENT ON FUNCTION credit_gz.list_term_for(text, date) IS
    '名单期限代次 / the list_term generation in force for a list type on a listing day (a local row before a shipped '
    'one, then the latest); NULL: the list type''s own columns apply.';

CREATE FUNCTION credit_gz.entry_term(list_type_code text, list_term_id integer)
RETURNS TABLE (default_term_months integer, early_removal_after_months integer, early_removal_counted_from text,
               early_removal_conditions text)
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT t.default_term_months, t.early_removal_after_months, t.early_removal_counted_from, t.early_removal_conditions
      FROM credit_gz.list_term t WHERE t.list_term_id = entry_term.list_term_id
    UNION ALL
    SELECT lt.default_term_months, lt.early_removal_after_months, 'listing', lt.early_removal_conditions
      FROM credit_gz.list_type lt WHERE entry_term.list_term_id IS NULL AND lt.code = entry_term.list_type_code;
END;
COMMENT ON FUNCTION credit_gz.entry_term(text, integer) IS
    '名单记录适用的期限规则 / the term and early-removal rule of an entry: its list_term generation, or the list type''s '
    'own columns when it has none. The one place the check trigger and repair eligibility read them from.';

-- ---------------------------------------------------------------------------------------------------------------
-- List entries
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.list_entry (
    entry_id              bigint GENERATED BY DEFAULT AS IDENTITY,
    subject_id            bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    list_type_code        text NOT NULL REFERENCES credit_gz.list_type (code),
    department_code       text NOT NULL REFERENCES credit_gz.department (code),
    basis_document        text NOT NULL CHECK (basis_document <> ''),
    effective_from        date NOT NULL DEFAULT credit_gz.policy_date(),
    effective_until       date,
    status                text NOT NULL DEFAULT 'active'
                          CHECK (status IN ('active', 'lifted', 'expired', 'repaired', 'revoked')),
    status_changed_on     date,
    status_reason         text,
    rectify_by            date,
    rectified_on          date,
    record_id             bigint,
    derived_from_entry_id bigint,
    via_relation_id       bigint,
    root_entry_id         bigint,
    depth                 integer NOT NULL DEFAULT 0 CHECK (depth >= 0),
    propagation_rule_id   integer,
    escalated_from_entry_id bigint,
    created_at            timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at            timestamptz NOT NULL DEFAULT pg_catalog.now(),
    list_term_id          integer REFERENCES credit_gz.list_term (list_term_id),
    details               jsonb,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK ((derived_from_entry_id IS NULL) = (depth = 0)),
    CHECK ((derived_from_entry_id IS NULL) = (via_relation_id IS NULL)),
    CHECK ((derived_from_entry_id IS NULL) = (root_entry_id IS NULL)),
    PRIMARY KEY (subject_id, entry_id),
    CONSTRAINT list_entry_record_id_fkey FOREIGN KEY (subject_id, record_id) REFERENCES credit_gz.record (subject_id, record_id)
);
COMMENT ON TABLE credit_gz.list_entry IS
    '名单列入记录（含沿关联关系推送产生的责任人员名单）/ list entries; derived entries carry the entry and relation they came from';
COMMENT ON COLUMN credit_gz.list_entry.entry_id IS '列入编号 / entry id';
COMMENT ON COLUMN credit_gz.list_entry.subject_id IS '主体 / listed subject';
COMMENT ON COLUMN credit_gz.list_entry.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.list_entry.department_code IS '认定部门（派生记录沿用源记录）/ determining department (derived entries keep the source''s)';
COMMENT ON COLUMN credit_gz.list_entry.basis_document IS '认定文书 / basis document';
COMMENT ON COLUMN credit_gz.list_entry.effective_from IS '列入日期 / first day in force';
COMMENT ON COLUMN credit_gz.list_entry.effective_until IS '列入期限届满后首日，空为直至移出 / first day no longer in force; NULL: until removed';
COMMENT ON COLUMN credit_gz.list_entry.status IS '状态：有效、移出、期满、修复、撤销 / active, lifted, expired, repaired, revoked';
COMMENT ON COLUMN credit_gz.list_entry.status_changed_on IS '状态变更日期 / date of the last status change';
COMMENT ON COLUMN credit_gz.list_entry.status_reason IS '状态变更原因 / why the status changed';
COMMENT ON COLUMN credit_gz.list_entry.rectify_by IS '整改期限 / rectification deadline (谁认定、谁约谈 when overdue)';
COMMENT ON COLUMN credit_gz.list_entry.rectified_on IS '整改完成日期 / date rectification was completed';
COMMENT ON COLUMN credit_gz.list_entry.record_id IS '引起列入的信用记录（派生记录为空，见源头记录）/ credit record of the subject that led to the listing (NULL on derived entries: the root entry''s)';
COMMENT ON COLUMN credit_gz.list_entry.derived_from_entry_id IS '推送来源记录（空为直接认定）/ entry this one was derived from (NULL: determined directly)';
COMMENT ON COLUMN credit_gz.list_entry.via_relation_id IS '推送所经关联关系 / relation the derivation went through';
COMMENT ON COLUMN credit_gz.list_entry.root_entry_id IS '直接认定的源头记录 / the directly determined entry at the root of the derivation';
COMMENT ON COLUMN credit_gz.list_entry.depth IS '推送层级（0 为直接认定）/ derivation depth (0: determined directly)';
COMMENT ON COLUMN credit_gz.list_entry.propagation_rule_id IS '适用的推送规则 / propagation rule applied';
COMMENT ON COLUMN credit_gz.list_entry.escalated_from_entry_id IS '升级来源记录（经营异常满三年）/ entry this one escalated from';
COMMENT ON COLUMN credit_gz.list_entry.created_at IS '创建时间 / created at';
COMMENT ON COLUMN credit_gz.list_entry.updated_at IS '更新时间 / updated at';
COMMENT ON COLUMN credit_gz.list_entry.list_term_id IS
    '期限规则代次 / the list_term generation in force on the listing day, which the entry keeps (NULL: the list type''s '
    'own columns; derived entries follow their source)';
COMMENT ON COLUMN credit_gz.list_entry.details IS
    '名单公布信息 / what the published list said of the entry as sent (deciding body, decision date, reason, removal '
    'reason: credit_gz.intake_lists), NULL for an entry made otherwise';
-- Every entry is dumped, derived ones included: a restore keeps them as they were (the propagation triggers leave
-- a restore's rows alone, credit_gz.restoring()), so the derived entries, their ids and the scores they count in are
-- the source's, not a re-derivation on the day of the restore.
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_entry', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_entry_entry_id_seq', '');

-- The pre-check fast path: entries in force for a subject, answered from the index alone.
CREATE INDEX list_entry_active_idx ON credit_gz.list_entry (subject_id)
    INCLUDE (list_type_code, effective_from, effective_until) WHERE status = 'active';
CREATE INDEX list_entry_subject_idx ON credit_gz.list_entry (subject_id, list_type_code);
CREATE UNIQUE INDEX list_entry_derived_idx ON credit_gz.list_entry (subject_id, root_entry_id, list_type_code)
    WHERE status = 'active' AND root_entry_id IS NOT NULL;
-- Entries are named by id alone where the caller cannot know the subject: derivation trees (root, parent, escalated
-- from) cross subjects, and repair_submit_entry takes an entry id.
CREATE INDEX list_entry_id_idx ON credit_gz.list_entry (entry_id);
CREATE INDEX list_entry_root_idx ON credit_gz.list_entry (root_entry_id) WHERE root_entry_id IS NOT NULL;
CREATE INDEX list_entry_via_idx ON credit_gz.list_entry (via_relation_id) WHERE status = 'active';
CREATE INDEX list_entry_until_idx ON credit_gz.list_entry (effective_until) WHERE status = 'active';
CREATE INDEX list_entry_rectify_idx ON credit_gz.list_entry (rectify_by)
    WHERE status = 'active' AND rectified_on IS NULL AND rectify_by IS NOT NULL;
COMMENT ON INDEX credit_gz.list_entry_active_idx IS '在列主体索引，供事前核查快速判断 / active entries by subject (pre-check fast path)';
COMMENT ON INDEX credit_gz.list_entry_subject_idx IS '主体名单历史 / entry history by subject';
COMMENT ON INDEX credit_gz.list_entry_derived_idx IS '同一源头对同一主体同一名单只推送一条有效记录 / one active derived entry per root, subject and list type';
COMMENT ON INDEX credit_gz.list_entry_id_idx IS '按编号查找 / an entry by its id alone (derivation trees cross subjects; repair submissions)';
COMMENT ON INDEX credit_gz.list_entry_root_idx IS '派生树 / the derived entries of a root entry (propagation)';
COMMENT ON INDEX credit_gz.list_entry_via_idx IS '按关联关系查找派生记录 / active derived entries by relation';
COMMENT ON INDEX credit_gz.list_entry_until_idx IS '期满处理 / expiry job';
COMMENT ON INDEX credit_gz.list_entry_rectify_idx IS '逾期未整改 / overdue rectification';

-- ---------------------------------------------------------------------------------------------------------------
-- Propagation rules
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.propagation_rule (
    propagation_rule_id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    list_type_code         text NOT NULL REFERENCES credit_gz.list_type (code),
    relation_kind          text NOT NULL CHECK (relation_kind IN
                               ('legal_representative', 'principal_person', 'actual_controller', 'branch', 'shareholder')),
    direction              text NOT NULL DEFAULT 'to_party' CHECK (direction IN ('to_party', 'to_organisation')),
    derived_list_type_code text NOT NULL REFERENCES credit_gz.list_type (code),
    max_depth              integer NOT NULL DEFAULT 1 CHECK (max_depth BETWEEN 1 AND 10),
    min_share_pct          numeric CHECK (min_share_pct > 0 AND min_share_pct <= 100),
    legal_basis            text NOT NULL,
    effective_from         date NOT NULL,
    effective_until        date,
    shipped                boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK (min_share_pct IS NULL OR relation_kind = 'shareholder'),
    UNIQUE (list_type_code, relation_kind, direction, derived_list_type_code, effective_from)
);
COMMENT ON TABLE credit_gz.propagation_rule IS
    '联合惩戒责任人员推送规则：名单类型 × 关联关系 → 派生名单 / propagation rules: list type × relation kind → derived list type';
COMMENT ON COLUMN credit_gz.propagation_rule.propagation_rule_id IS '规则编号 / rule id';
COMMENT ON COLUMN credit_gz.propagation_rule.list_type_code IS '源名单类型 / list type of the source entry';
COMMENT ON COLUMN credit_gz.propagation_rule.relation_kind IS '关联关系类型 / relation kind followed';
COMMENT ON COLUMN credit_gz.propagation_rule.direction IS '推送方向：to_party 由组织推送至关联人，to_organisation 反之 / to_party: organisation → related party; to_organisation: party → organisation';
COMMENT ON COLUMN credit_gz.propagation_rule.derived_list_type_code IS '派生名单类型 / list type of the derived entry';
COMMENT ON COLUMN credit_gz.propagation_rule.max_depth IS '最大推送层级 / deepest derivation level this rule may create';
COMMENT ON COLUMN credit_gz.propagation_rule.min_share_pct IS '股东最低持股比例 / minimum share (shareholders)';
COMMENT ON COLUMN credit_gz.propagation_rule.legal_basis IS '法律政策依据 / legal basis';
COMMENT ON COLUMN credit_gz.propagation_rule.effective_from IS '施行日期 / first day in force';
COMMENT ON COLUMN credit_gz.propagation_rule.effective_until IS '停止施行日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.propagation_rule.shipped IS '随扩展发布 / shipped with the extension';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.propagation_rule', 'WHERE NOT shipped');
-- and its key sequence, so that locally added rules keep their ids and new ones do not collide after a restore
SELECT pg_catalog.pg_extension_config_dump('credit_gz.propagation_rule_propagation_rule_id_seq', '');
CREATE INDEX propagation_rule_source_idx ON credit_gz.propagation_rule (list_type_code);
COMMENT ON INDEX credit_gz.propagation_rule_source_idx IS '按源名单查找推送规则 / rules by source list type';

INSERT INTO credit_gz.propagation_rule (list_type_code, relation_kind, derived_list_type_code, max_depth, min_share_pct,
        legal_basis, effective_from, shipped)
SELECT s, k, d, 1, m, b, f::date, true FROM (VALUES
 ('judgment_debtor', 'legal_representative', 'judgment_debtor_responsible', NULL::numeric, '法释〔2015〕17号 第三条第二款', '2015-07-22'),
 ('judgment_debtor', 'principal_person',     'judgment_debtor_responsible', NULL, '法释〔2015〕17号 第三条第二款', '2015-07-22'),
 ('judgment_debtor', 'actual_controller',    'judgment_debtor_responsible', NULL, '法释〔2015〕17号 第三条第二款', '2015-07-22'),
 ('major_tax_violation', 'legal_representative', 'major_tax_responsible', NULL, '国家税务总局令第54号 第十条', '2022-02-01'),
 ('major_tax_violation', 'principal_person',     'major_tax_responsible', NULL, '国家税务总局令第54号 第十条', '2022-02-01'),
 ('major_tax_violation', 'shareholder',          'key_attention', 50, '穗府办函〔2020〕35号 二(三) (控股股东纳入重点关注名单)', '2022-02-01'),
 ('wage_arrears', 'legal_representative', 'wage_arrears_responsible', NULL, '人力资源社会保障部令第45号 第九条', '2022-01-01'),
 ('wage_arrears', 'principal_person',     'wage_arrears_responsible', NULL, '人力资源社会保障部令第45号 第九条', '2022-01-01'),
 ('samr_serious_illegal', 'legal_representative', 'samr_serious_responsible', NULL, '市场监管总局令第44号 第二十四条', '2021-09-01')
) AS v (s, k, d, m, b, f);

-- ---------------------------------------------------------------------------------------------------------------
-- Concurrency guard for propagation under REPEATABLE READ / SERIALIZABLE (see doc/lists.md)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.list_guard (
    subject_id bigint PRIMARY KEY,
    changes    bigint NOT NULL DEFAULT 1
);
COMMENT ON TABLE credit_gz.list_guard IS
    '名单推送并发保护 / one row per subject touched by propagation, bumped by every listing and relation change, so '
    'that under REPEATABLE READ or SERIALIZABLE two racing changes conflict (40001) instead of missing each other';
COMMENT ON COLUMN credit_gz.list_guard.subject_id IS '主体 / subject';
COMMENT ON COLUMN credit_gz.list_guard.changes IS '变更次数 / number of guarded changes';
-- Dumped like the entries it guards, so that a restored database is the source row for row.
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_guard', '');

-- ---------------------------------------------------------------------------------------------------------------
-- Validation of directly determined entries (rules as data: terms, early removal, transitions)
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.list_entry_check() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    lt credit_gz.list_type;
    term record;
    earliest date;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    NEW.updated_at := now();
    IF NEW.derived_from_entry_id IS NOT NULL OR (TG_OP = 'UPDATE' AND OLD.derived_from_entry_id IS NOT NULL) THEN
        RETURN NEW;  -- derived entries are checked by the propagation trigger (credit_gz.list_entry_propagate)
    END IF;
    SELECT * INTO lt FROM credit_gz.list_type WHERE code = NEW.list_type_code;
    IF TG_OP = 'INSERT' THEN
        IF lt.derived_only THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('list type "%s" is reached only through propagation', NEW.list_type_code),
                      DETAIL = credit_gz.msg('%s (%s) lists the persons responsible for a listed organisation.', lt.name_zh, lt.name_en),
                      HINT = credit_gz.msg('List the organisation on the source list; its responsible persons are derived along its relations.');
        END IF;
        IF NOT credit_gz.in_force(lt.effective_from, lt.effective_until, NEW.effective_from) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('list type "%s" is not in force on %s', NEW.list_type_code, to_char(NEW.effective_from, 'YYYY-MM-DD')),
                      DETAIL = CASE WHEN lt.effective_until IS NULL
                                    THEN credit_gz.msg('The list type is in force from %s.', to_char(lt.effective_from, 'YYYY-MM-DD'))
                                    ELSE credit_gz.msg('The list type is in force from %s, and no longer from %s.',
                                                       to_char(lt.effective_from, 'YYYY-MM-DD'), to_char(lt.effective_until, 'YYYY-MM-DD')) END,
                      HINT = credit_gz.msg('Use the list type in force on the date of the determination.');
        END IF;
        IF lt.applies_to <> 'both' AND EXISTS (
               SELECT 1 FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id
                  AND (s.uscc IS NULL) <> (lt.applies_to = 'natural_person')) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = CASE lt.applies_to WHEN 'natural_person'
                                    THEN credit_gz.msg('list type "%s" applies only to natural persons', NEW.list_type_code)
                                    ELSE credit_gz.msg('list type "%s" applies only to organisations', NEW.list_type_code) END,
                      DETAIL = CASE lt.applies_to WHEN 'natural_person'
                                    THEN credit_gz.msg('Subject %s is not a natural person.', credit_gz.subject_code(NEW.subject_id))
                                    ELSE credit_gz.msg('Subject %s is not an organisation.', credit_gz.subject_code(NEW.subject_id)) END,
                      HINT = credit_gz.msg('Choose a list type that applies to this kind of subject.');
        END IF;
        IF lt.subject_kinds IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id AND s.kind = ANY (lt.subject_kinds)) THEN
            RAISE EXCEPTION USING MESSAGE = credit_gz.msg('list type "%s" applies only to subjects of kind %s', NEW.list_type_code,
                            array_to_string(lt.subject_kinds, ', ')), ERRCODE = 'check_violation',
                      DETAIL = credit_gz.msg('Subject %s is of kind %s.', credit_gz.subject_code(NEW.subject_id),
                                      (SELECT s.kind FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id)),
                      HINT = credit_gz.msg('Choose a list type that applies to this kind of subject.');
        END IF;
        -- the entry keeps the term generation in force on its listing day
        NEW.list_term_id := credit_gz.list_term_for(NEW.list_type_code, NEW.effective_from);
        SELECT * INTO term FROM credit_gz.entry_term(NEW.list_type_code, NEW.list_term_id);
        IF NEW.effective_until IS NULL AND term.default_term_months IS NOT NULL THEN
            -- the term runs from the listing date; the anniversary is the first day no longer in force
            NEW.effective_until := credit_gz.add_months(NEW.effective_from, term.default_term_months);
        END IF;
        IF NEW.status <> 'active' AND NEW.status_changed_on IS NULL THEN
            NEW.status_changed_on := credit_gz.policy_date();
        END IF;
        RETURN NEW;
    END IF;

    -- UPDATE of a directly determined entry
    IF NEW.subject_id <> OLD.subject_id OR NEW.list_type_code <> OLD.list_type_code
       OR NEW.list_term_id IS DISTINCT FROM OLD.list_term_id OR NEW.derived_from_entry_id IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('the subject and list type of list entry %s of subject %s cannot change',
                                          OLD.basis_document, credit_gz.subject_code(OLD.subject_id)),
                  DETAIL = credit_gz.msg('An entry records one determination about one subject.'),
                  HINT = credit_gz.msg('Revoke the entry (status ''revoked'') and create a new one.');
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF OLD.status <> 'active' THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('list entry %s of subject %s is already %s', OLD.basis_document,
                                              credit_gz.subject_code(OLD.subject_id), OLD.status),
                      DETAIL = credit_gz.msg('Only an active entry changes status; a later determination is a new entry.'),
                      HINT = credit_gz.msg('Create a new entry for a new determination.');
        END IF;
        NEW.status_changed_on := coalesce(NEW.status_changed_on, credit_gz.policy_date());
        IF NEW.status_changed_on IS NOT DISTINCT FROM OLD.status_changed_on THEN
            NEW.status_changed_on := credit_gz.policy_date();
        END IF;
        IF NEW.status = 'expired' AND (OLD.effective_until IS NULL OR OLD.effective_until > NEW.status_changed_on) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      MESSAGE = credit_gz.msg('list entry %s of subject %s has not reached the end of its term',
                                              OLD.basis_document, credit_gz.subject_code(OLD.subject_id)),
                      DETAIL = CASE WHEN OLD.effective_until IS NULL THEN credit_gz.msg('The entry is in force until it is removed.')
                                    ELSE credit_gz.msg('The entry is no longer in force from %s.', to_char(OLD.effective_until, 'YYYY-MM-DD')) END,
                      HINT = credit_gz.msg('Use status ''lifted'' or ''repaired'' for an early removal.');
        END IF;
        IF NEW.status IN ('lifted', 'repaired')
           AND (OLD.effective_until IS NULL OR OLD.effective_until > NEW.status_changed_on) THEN
            SELECT * INTO term FROM credit_gz.entry_term(OLD.list_type_code, OLD.list_term_id);
            IF term.early_removal_after_months IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                          MESSAGE = credit_gz.msg('list type "%s" allows no early removal', OLD.list_type_code),
                          DETAIL = CASE WHEN OLD.effective_until IS NULL
                                        THEN credit_gz.msg('Entry %s stays in force until it is revoked.', OLD.basis_document)
                                        ELSE credit_gz.msg('Entry %s stays in force until %s, the first day it no longer is.',
                                                           OLD.basis_document, to_char(OLD.effective_until, 'YYYY-MM-DD')) END,
                          HINT = credit_gz.msg('Revoke the entry if the determination itself was wrong.');
            END IF;
            IF term.early_removal_counted_from = 'correction' AND NEW.rectified_on IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                          MESSAGE = credit_gz.msg('list entry %s of subject %s cannot be removed early before the subject has corrected',
                                                  OLD.basis_document, credit_gz.subject_code(OLD.subject_id)),
                          DETAIL = credit_gz.msg('%s allows early removal %s months after correction, on conditions: %s.',
                                                 lt.name_zh, term.early_removal_after_months,
                                                 coalesce(term.early_removal_conditions, credit_gz.msg('none stated'))),
                          HINT = credit_gz.msg('Record the day of correction in rectified_on.');
            END IF;
            earliest := credit_gz.add_months(CASE WHEN term.early_removal_counted_from = 'correction' THEN NEW.rectified_on
                                                  ELSE OLD.effective_from END, term.early_removal_after_months);
            IF NEW.status_changed_on < earliest THEN
                RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                          MESSAGE = credit_gz.msg('list entry %s of subject %s cannot be removed before %s', OLD.basis_document,
                                                  credit_gz.subject_code(OLD.subject_id), to_char(earliest, 'YYYY-MM-DD')),
                          DETAIL = CASE WHEN term.early_removal_counted_from = 'correction'
                                        THEN credit_gz.msg('%s allows early removal %s months after correction, on conditions: %s.',
                                                           lt.name_zh, term.early_removal_after_months,
                                                           coalesce(term.early_removal_conditions, credit_gz.msg('none stated')))
                                        ELSE credit_gz.msg('%s allows early removal %s months after listing, on conditions: %s.',
                                                           lt.name_zh, term.early_removal_after_months,
                                                           coalesce(term.early_removal_conditions, credit_gz.msg('none stated'))) END,
                          HINT = credit_gz.msg('Wait until the early-removal date, or revoke the entry if the determination was wrong.');
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.list_entry_check() IS
    '名单列入校验：默认期限、提前移出、状态变更规则（取自列入日有效的期限代次）/ validates directly determined entries: '
    'default term, early removal and status transitions, read from the term generation in force on the listing day '
    '(list_term, else the list type''s own columns), which the entry keeps';
CREATE TRIGGER list_entry_check BEFORE INSERT OR UPDATE ON credit_gz.list_entry
    FOR EACH ROW EXECUTE FUNCTION credit_gz.list_entry_check();

-- ---------------------------------------------------------------------------------------------------------------
-- Propagation (C, src/list_propagation.c)
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.list_entry_propagate() RETURNS trigger
    LANGUAGE c SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'credit_gz_list_entry_propagate';
COMMENT ON FUNCTION credit_gz.list_entry_propagate() IS
    '名单列入、变更、移出时沿现有关联关系推送或移出派生记录 / derives entries along current relations when an entry is '
    'created or changed, and lifts them when it is lifted, expires, is repaired or revoked';
CREATE TRIGGER list_entry_propagate AFTER INSERT OR UPDATE OR DELETE ON credit_gz.list_entry
    FOR EACH ROW EXECUTE FUNCTION credit_gz.list_entry_propagate();

CREATE FUNCTION credit_gz.relation_propagate() RETURNS trigger
    LANGUAGE c SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'credit_gz_relation_propagate';
COMMENT ON FUNCTION credit_gz.relation_propagate() IS
    '关联关系建立、变更、终止或删除时重新推送受影响的名单 / re-derives the entries a relation change affects';
-- Runs with the extension owner's rights (SECURITY DEFINER, set with the row-level security of list entries): not
-- executable by PUBLIC, or anyone could attach it to a relation-shaped table of their own; it checks its table too.
REVOKE ALL ON FUNCTION credit_gz.relation_propagate() FROM PUBLIC;
CREATE TRIGGER relation_propagate AFTER INSERT OR UPDATE OR DELETE ON credit_gz.relation
    FOR EACH ROW EXECUTE FUNCTION credit_gz.relation_propagate();

CREATE FUNCTION credit_gz.repropagate_entry(entry_id bigint, as_of date DEFAULT credit_gz.policy_date())
    RETURNS integer
    LANGUAGE c STRICT VOLATILE SET search_path = pg_catalog, pg_temp
    AS 'MODULE_PATHNAME', 'credit_gz_repropagate_entry';
COMMENT ON FUNCTION credit_gz.repropagate_entry(bigint, date) IS
    '按某日有效的关联关系和规则重新计算某直接认定记录的派生记录，返回新增、更新和移出的条数 / recomputes the derived '
    'entries of one directly determined entry from the relations and rules in force on as_of (default: the policy '
    'date; run_expiry passes its own day); returns how many were created, changed or lifted';

CREATE FUNCTION credit_gz.repropagate(list_type_codes text[] DEFAULT NULL, as_of date DEFAULT credit_gz.policy_date())
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    root bigint;
    n integer := 0;
BEGIN
    -- one re-propagation at a time; the per-subject guards still serialise with triggers
    PERFORM pg_catalog.pg_advisory_xact_lock(credit_gz.job_lock_key('repropagate'));
    FOR root IN
        SELECT DISTINCT coalesce(e.root_entry_id, e.entry_id)
          FROM credit_gz.list_entry e
         WHERE e.status = 'active'
           AND (list_type_codes IS NULL OR e.list_type_code = ANY (list_type_codes))
         ORDER BY 1
    LOOP
        n := n + credit_gz.repropagate_entry(root, as_of);
    END LOOP;
    RETURN n;
END
$$;
COMMENT ON FUNCTION credit_gz.repropagate(text[], date) IS
    '规则变更后重新推送（可限定名单类型），幂等 / re-derives every active tree (or those touching the given list types) '
    'after rule changes, from the relations and rules in force on as_of (default: the policy date); idempotent; '
    'advisory lock job_lock_key(''repropagate'')';

CREATE FUNCTION credit_gz.propagation_rule_changed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    PERFORM credit_gz.repropagate(ARRAY(
        SELECT list_type_code FROM old_rows UNION SELECT list_type_code FROM new_rows));
    RETURN NULL;
END
$$;
CREATE FUNCTION credit_gz.propagation_rule_inserted() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    PERFORM credit_gz.repropagate(ARRAY(SELECT list_type_code FROM new_rows));
    RETURN NULL;
END
$$;
CREATE FUNCTION credit_gz.propagation_rule_deleted() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    PERFORM credit_gz.repropagate(ARRAY(SELECT list_type_code FROM old_rows));
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION credit_gz.propagation_rule_changed() IS '推送规则修改后重新推送 / re-derives after rules are updated';
COMMENT ON FUNCTION credit_gz.propagation_rule_inserted() IS '推送规则新增后重新推送 / re-derives after rules are added';
COMMENT ON FUNCTION credit_gz.propagation_rule_deleted() IS '推送规则删除后重新推送 / re-derives after rules are deleted';
CREATE TRIGGER propagation_rule_updated AFTER UPDATE ON credit_gz.propagation_rule
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.propagation_rule_changed();
CREATE TRIGGER propagation_rule_inserted AFTER INSERT ON credit_gz.propagation_rule
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.propagation_rule_inserted();
CREATE TRIGGER propagation_rule_deleted AFTER DELETE ON credit_gz.propagation_rule
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.propagation_rule_deleted();

-- ---------------------------------------------------------------------------------------------------------------
-- Time: expiry and escalation belong to the one expiry job, credit_gz.run_expiry (src/expiry.sql, doc/repair.md);
-- an entry escalates on credit_gz.add_months(effective_from, escalate_after_months), here and there.
-- ---------------------------------------------------------------------------------------------------------------
CREATE INDEX list_entry_escalated_idx ON credit_gz.list_entry (escalated_from_entry_id) WHERE escalated_from_entry_id IS NOT NULL;
COMMENT ON INDEX credit_gz.list_entry_escalated_idx IS '升级来源 / escalation source';
-- The expiry job finds entries due to escalate through this one (src/expiry.sql): it holds only the active direct ones.
CREATE INDEX list_entry_escalation_due_idx ON credit_gz.list_entry (list_type_code, effective_from)
    WHERE status = 'active' AND derived_from_entry_id IS NULL;
COMMENT ON INDEX credit_gz.list_entry_escalation_due_idx IS
    'run_expiry: active directly determined entries by list type and listing date (escalation after N months)';

CREATE VIEW credit_gz.list_escalation_notice AS
SELECT e.entry_id, e.subject_id, e.list_type_code, e.department_code, e.effective_from,
       lt.escalate_to_code,
       credit_gz.add_months(e.effective_from, lt.escalate_after_months) AS escalates_on,
       credit_gz.add_months(e.effective_from, lt.escalate_after_months) - lt.escalation_notice_days AS notify_from
  FROM credit_gz.list_entry e
  JOIN credit_gz.list_type lt ON lt.code = e.list_type_code
 WHERE e.status = 'active' AND lt.escalate_to_code IS NOT NULL
   AND credit_gz.add_months(e.effective_from, lt.escalate_after_months) - coalesce(lt.escalation_notice_days, 0)
       <= credit_gz.policy_date()
   AND NOT EXISTS (SELECT 1 FROM credit_gz.list_entry x WHERE x.escalated_from_entry_id = e.entry_id);
COMMENT ON VIEW credit_gz.list_escalation_notice IS
    '即将升级的名单记录（经营异常满三年前60天提示）/ entries within their notice period before escalation';
COMMENT ON COLUMN credit_gz.list_escalation_notice.entry_id IS '列入编号 / entry id';
COMMENT ON COLUMN credit_gz.list_escalation_notice.subject_id IS '主体 / subject';
COMMENT ON COLUMN credit_gz.list_escalation_notice.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.list_escalation_notice.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.list_escalation_notice.effective_from IS '列入日期 / listed on';
COMMENT ON COLUMN credit_gz.list_escalation_notice.escalate_to_code IS '升级名单 / escalates to';
COMMENT ON COLUMN credit_gz.list_escalation_notice.escalates_on IS '升级日期 / escalation date';
COMMENT ON COLUMN credit_gz.list_escalation_notice.notify_from IS '提示起始日 / notice from';

-- ---------------------------------------------------------------------------------------------------------------
-- Dishonesty cases (失信案例核查, 二(三)): 核查 → 记录 → 监管 → 惩戒 → 整改 → 教育
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.case_step_kind (
    code     text PRIMARY KEY,
    seq      integer NOT NULL UNIQUE,
    name_zh  text NOT NULL,
    name_en  text NOT NULL
);
COMMENT ON TABLE credit_gz.case_step_kind IS '失信案例核查环节 / the steps of a dishonesty case, in order';
COMMENT ON COLUMN credit_gz.case_step_kind.code IS '代码 / code';
COMMENT ON COLUMN credit_gz.case_step_kind.seq IS '顺序 / order';
COMMENT ON COLUMN credit_gz.case_step_kind.name_zh IS '名称 / Chinese name';
COMMENT ON COLUMN credit_gz.case_step_kind.name_en IS '英文名称 / English name';
INSERT INTO credit_gz.case_step_kind VALUES
    ('verification', 1, '核查', 'verification'), ('recording', 2, '记录', 'recording'),
    ('supervision', 3, '监管', 'supervision'), ('punishment', 4, '惩戒', 'punishment'),
    ('rectification', 5, '整改', 'rectification'), ('education', 6, '教育', 'education');

CREATE TABLE credit_gz.dishonesty_case (
    case_id           bigint GENERATED BY DEFAULT AS IDENTITY,
    subject_id        bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    department_code   text NOT NULL REFERENCES credit_gz.department (code),
    title             text NOT NULL,
    opened_on         date NOT NULL DEFAULT credit_gz.policy_date(),
    stage             text REFERENCES credit_gz.case_step_kind (code),
    stage_on          date,
    rectification_due date,
    created_at        timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (subject_id, case_id)
);
COMMENT ON TABLE credit_gz.dishonesty_case IS '失信案例 / dishonesty case: the records and entries of one dishonest act and where it stands';
COMMENT ON COLUMN credit_gz.dishonesty_case.case_id IS '案例编号 / case id';
COMMENT ON COLUMN credit_gz.dishonesty_case.subject_id IS '失信主体 / subject';
COMMENT ON COLUMN credit_gz.dishonesty_case.department_code IS '认定部门 / determining department (谁认定、谁约谈)';
COMMENT ON COLUMN credit_gz.dishonesty_case.title IS '案由 / what happened';
COMMENT ON COLUMN credit_gz.dishonesty_case.opened_on IS '立案日期 / opened on';
COMMENT ON COLUMN credit_gz.dishonesty_case.stage IS '当前环节（最近完成的环节）/ last completed step';
COMMENT ON COLUMN credit_gz.dishonesty_case.stage_on IS '当前环节完成日期 / date of the last completed step';
COMMENT ON COLUMN credit_gz.dishonesty_case.rectification_due IS '整改期限 / rectification deadline';
COMMENT ON COLUMN credit_gz.dishonesty_case.created_at IS '创建时间 / created at';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.dishonesty_case', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.dishonesty_case_case_id_seq', '');
CREATE INDEX dishonesty_case_due_idx ON credit_gz.dishonesty_case (rectification_due) WHERE rectification_due IS NOT NULL;
COMMENT ON INDEX credit_gz.dishonesty_case_due_idx IS '整改期限 / by rectification deadline';

CREATE TABLE credit_gz.dishonesty_case_step (
    subject_id      bigint NOT NULL,
    case_id         bigint NOT NULL,
    step            text NOT NULL REFERENCES credit_gz.case_step_kind (code),
    done_on         date NOT NULL,
    department_code text NOT NULL REFERENCES credit_gz.department (code),
    note            text,
    PRIMARY KEY (subject_id, case_id, step),
    CONSTRAINT dishonesty_case_step_case_id_fkey FOREIGN KEY (subject_id, case_id)
        REFERENCES credit_gz.dishonesty_case (subject_id, case_id) ON DELETE CASCADE
);
COMMENT ON TABLE credit_gz.dishonesty_case_step IS '失信案例各环节（日期、部门）/ the completed steps of a case, each with date and department';
COMMENT ON COLUMN credit_gz.dishonesty_case_step.subject_id IS '主体 / subject of the case';
COMMENT ON COLUMN credit_gz.dishonesty_case_step.case_id IS '案例 / case';
COMMENT ON COLUMN credit_gz.dishonesty_case_step.step IS '环节 / step';
COMMENT ON COLUMN credit_gz.dishonesty_case_step.done_on IS '完成日期 / done on';
COMMENT ON COLUMN credit_gz.dishonesty_case_step.department_code IS '办理部门 / department';
COMMENT ON COLUMN credit_gz.dishonesty_case_step.note IS '说明 / note';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.dishonesty_case_step', '');

CREATE TABLE credit_gz.dishonesty_case_item (
    -- a key of its own: record_id and entry_id are each NULL on half the rows, so neither UNIQUE pair can be
    -- the primary key (and a table needs one to be replicated)
    item_id    bigint GENERATED ALWAYS AS IDENTITY,
    subject_id bigint NOT NULL,
    case_id    bigint NOT NULL,
    record_id  bigint,
    entry_id   bigint,
    CHECK ((record_id IS NULL) <> (entry_id IS NULL)),
    PRIMARY KEY (subject_id, item_id),
    UNIQUE (subject_id, case_id, record_id),
    UNIQUE (subject_id, case_id, entry_id),
    CONSTRAINT dishonesty_case_item_case_id_fkey FOREIGN KEY (subject_id, case_id)
        REFERENCES credit_gz.dishonesty_case (subject_id, case_id) ON DELETE CASCADE,
    CONSTRAINT dishonesty_case_item_record_id_fkey FOREIGN KEY (subject_id, record_id)
        REFERENCES credit_gz.record (subject_id, record_id),
    CONSTRAINT dishonesty_case_item_entry_id_fkey FOREIGN KEY (subject_id, entry_id)
        REFERENCES credit_gz.list_entry (subject_id, entry_id)
);
COMMENT ON TABLE credit_gz.dishonesty_case_item IS '案例归集的信用记录和名单记录 / records and list entries grouped in a case';
COMMENT ON COLUMN credit_gz.dishonesty_case_item.item_id IS '编号 / item id';
COMMENT ON COLUMN credit_gz.dishonesty_case_item.subject_id IS '主体 / subject of the case (and of its records and entries)';
COMMENT ON COLUMN credit_gz.dishonesty_case_item.case_id IS '案例 / case';
COMMENT ON COLUMN credit_gz.dishonesty_case_item.record_id IS '信用记录 / credit record';
COMMENT ON COLUMN credit_gz.dishonesty_case_item.entry_id IS '名单记录 / list entry';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.dishonesty_case_item', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.dishonesty_case_item_item_id_seq', '');

CREATE FUNCTION credit_gz.dishonesty_case_step_check() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    k credit_gz.case_step_kind;
    prev record;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM credit_gz.dishonesty_case c WHERE c.subject_id = OLD.subject_id AND c.case_id = OLD.case_id) THEN
            RETURN OLD;  -- the whole case is being deleted (ON DELETE CASCADE)
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('steps of dishonesty case "%s" of subject %s cannot be deleted',
                                          (SELECT c.title FROM credit_gz.dishonesty_case c
                                            WHERE c.subject_id = OLD.subject_id AND c.case_id = OLD.case_id),
                                          credit_gz.subject_code(OLD.subject_id)),
                  DETAIL = credit_gz.msg('A case keeps the record of every step it went through.'),
                  HINT = credit_gz.msg('Correct the date or note of the step instead.');
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.step <> OLD.step THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('the step of a dishonesty case step cannot change'),
                  DETAIL = credit_gz.msg('Each row records one step.'), HINT = credit_gz.msg('Record the next step as a new row.');
    END IF;
    SELECT * INTO k FROM credit_gz.case_step_kind WHERE code = NEW.step;
    SELECT s.step, s.done_on, sk.seq INTO prev
      FROM credit_gz.dishonesty_case_step s JOIN credit_gz.case_step_kind sk ON sk.code = s.step
     WHERE s.subject_id = NEW.subject_id AND s.case_id = NEW.case_id AND sk.seq = k.seq - 1;
    IF k.seq > 1 AND prev.step IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('dishonesty case "%s" of subject %s has not completed the step before %s',
                                          (SELECT c.title FROM credit_gz.dishonesty_case c
                                            WHERE c.subject_id = NEW.subject_id AND c.case_id = NEW.case_id),
                                          credit_gz.subject_code(NEW.subject_id), NEW.step),
                  DETAIL = credit_gz.msg('Steps follow 核查 → 记录 → 监管 → 惩戒 → 整改 → 教育 (verification, recording, supervision, punishment, rectification, education).'),
                  HINT = credit_gz.msg('Record the earlier step first.');
    END IF;
    IF k.seq > 1 AND NEW.done_on < prev.done_on THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = TG_NAME, TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  MESSAGE = credit_gz.msg('step %s of dishonesty case "%s" of subject %s cannot precede step %s', NEW.step,
                                          (SELECT c.title FROM credit_gz.dishonesty_case c
                                            WHERE c.subject_id = NEW.subject_id AND c.case_id = NEW.case_id),
                                          credit_gz.subject_code(NEW.subject_id), prev.step),
                  DETAIL = credit_gz.msg('Step %s was done on %s; step %s is dated %s.', prev.step, to_char(prev.done_on, 'YYYY-MM-DD'),
                                         NEW.step, to_char(NEW.done_on, 'YYYY-MM-DD')),
                  HINT = credit_gz.msg('Date each step on or after the previous one.');
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.dishonesty_case_step_check() IS
    '失信案例环节须依次进行 / a case moves through its steps in order, with non-decreasing dates';
CREATE TRIGGER dishonesty_case_step_check BEFORE INSERT OR UPDATE OR DELETE ON credit_gz.dishonesty_case_step
    FOR EACH ROW EXECUTE FUNCTION credit_gz.dishonesty_case_step_check();

CREATE FUNCTION credit_gz.dishonesty_case_stage() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    UPDATE credit_gz.dishonesty_case c
       SET stage = s.step, stage_on = s.done_on
      FROM (SELECT st.step, st.done_on FROM credit_gz.dishonesty_case_step st
              JOIN credit_gz.case_step_kind sk ON sk.code = st.step
             WHERE st.subject_id = NEW.subject_id AND st.case_id = NEW.case_id ORDER BY sk.seq DESC LIMIT 1) s
     WHERE c.subject_id = NEW.subject_id AND c.case_id = NEW.case_id;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION credit_gz.dishonesty_case_stage() IS '记录环节后更新案例当前环节 / keeps dishonesty_case.stage current';
CREATE TRIGGER dishonesty_case_stage AFTER INSERT OR UPDATE ON credit_gz.dishonesty_case_step
    FOR EACH ROW EXECUTE FUNCTION credit_gz.dishonesty_case_stage();

CREATE VIEW credit_gz.dishonesty_case_status WITH (security_barrier = true) AS
SELECT c.case_id, c.subject_id, c.department_code, c.title, c.opened_on,
       coalesce(c.stage, 'opened') AS stage, c.stage_on, c.rectification_due,
       (c.rectification_due < credit_gz.policy_date()
        AND NOT EXISTS (SELECT 1 FROM credit_gz.dishonesty_case_step s
                         WHERE s.subject_id = c.subject_id AND s.case_id = c.case_id
                           AND s.step = 'rectification')) AS rectification_overdue,
       max(s.done_on) FILTER (WHERE s.step = 'verification')  AS verified_on,
       max(s.done_on) FILTER (WHERE s.step = 'recording')     AS recorded_on,
       max(s.done_on) FILTER (WHERE s.step = 'supervision')   AS supervised_on,
       max(s.done_on) FILTER (WHERE s.step = 'punishment')    AS punished_on,
       max(s.done_on) FILTER (WHERE s.step = 'rectification') AS rectified_on,
       max(s.done_on) FILTER (WHERE s.step = 'education')     AS educated_on
  FROM credit_gz.dishonesty_case c
  LEFT JOIN credit_gz.dishonesty_case_step s ON s.subject_id = c.subject_id AND s.case_id = c.case_id
 GROUP BY c.subject_id, c.case_id;
COMMENT ON VIEW credit_gz.dishonesty_case_status IS '失信案例进展（各环节日期、整改是否逾期）/ where every dishonesty case stands';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.case_id IS '案例编号 / case id';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.subject_id IS '主体 / subject';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.title IS '案由 / title';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.opened_on IS '立案日期 / opened on';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.stage IS '当前环节 / current stage';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.stage_on IS '当前环节日期 / stage date';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.rectification_due IS '整改期限 / rectification deadline';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.rectification_overdue IS '整改逾期 / rectification overdue';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.verified_on IS '核查日期 / verified on';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.recorded_on IS '记录日期 / recorded on';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.supervised_on IS '监管日期 / supervised on';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.punished_on IS '惩戒日期 / punished on';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.rectified_on IS '整改日期 / rectified on';
COMMENT ON COLUMN credit_gz.dishonesty_case_status.educated_on IS '教育日期 / educated on';

-- ---------------------------------------------------------------------------------------------------------------
-- Interview tasks (谁认定、谁约谈, 二(三))
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.interview_task (
    task_id         bigint GENERATED BY DEFAULT AS IDENTITY,
    subject_id      bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    department_code text NOT NULL REFERENCES credit_gz.department (code),
    record_id       bigint,
    entry_id        bigint,
    case_id         bigint,
    reason          text NOT NULL,
    rectification_due date NOT NULL,
    due_date        date NOT NULL,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    done_on         date,
    outcome         text,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CHECK (record_id IS NOT NULL OR entry_id IS NOT NULL OR case_id IS NOT NULL),
    CHECK ((status = 'open') = (done_on IS NULL)),
    PRIMARY KEY (subject_id, task_id),
    CONSTRAINT interview_task_record_id_fkey FOREIGN KEY (subject_id, record_id)
        REFERENCES credit_gz.record (subject_id, record_id),
    CONSTRAINT interview_task_entry_id_fkey FOREIGN KEY (subject_id, entry_id)
        REFERENCES credit_gz.list_entry (subject_id, entry_id),
    CONSTRAINT interview_task_case_id_fkey FOREIGN KEY (subject_id, case_id)
        REFERENCES credit_gz.dishonesty_case (subject_id, case_id)
);
COMMENT ON TABLE credit_gz.interview_task IS
    '约谈任务：规定期限内整改不到位的，由认定部门约谈（谁认定、谁约谈）/ interview tasks for the determining department '
    'when rectification is overdue';
COMMENT ON COLUMN credit_gz.interview_task.task_id IS '任务编号 / task id';
COMMENT ON COLUMN credit_gz.interview_task.subject_id IS '约谈对象 / subject to interview';
COMMENT ON COLUMN credit_gz.interview_task.department_code IS '约谈部门（认定部门）/ determining department that interviews';
COMMENT ON COLUMN credit_gz.interview_task.record_id IS '信用记录 / credit record';
COMMENT ON COLUMN credit_gz.interview_task.entry_id IS '名单记录 / list entry';
COMMENT ON COLUMN credit_gz.interview_task.case_id IS '失信案例 / dishonesty case';
COMMENT ON COLUMN credit_gz.interview_task.reason IS '约谈事由 / reason';
COMMENT ON COLUMN credit_gz.interview_task.rectification_due IS '逾期的整改期限 / the rectification deadline that was missed';
COMMENT ON COLUMN credit_gz.interview_task.due_date IS '约谈完成期限 / interview due by';
COMMENT ON COLUMN credit_gz.interview_task.status IS '状态：待办、完成、取消 / open, done, cancelled';
COMMENT ON COLUMN credit_gz.interview_task.done_on IS '完成日期 / done on';
COMMENT ON COLUMN credit_gz.interview_task.outcome IS '约谈结果 / outcome';
COMMENT ON COLUMN credit_gz.interview_task.created_at IS '创建时间 / created at';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.interview_task', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.interview_task_task_id_seq', '');
CREATE UNIQUE INDEX interview_task_entry_idx ON credit_gz.interview_task (subject_id, entry_id, rectification_due) WHERE entry_id IS NOT NULL;
CREATE UNIQUE INDEX interview_task_case_idx ON credit_gz.interview_task (subject_id, case_id, rectification_due) WHERE case_id IS NOT NULL;
CREATE INDEX interview_task_open_idx ON credit_gz.interview_task (department_code, due_date) WHERE status = 'open';
COMMENT ON INDEX credit_gz.interview_task_entry_idx IS '每个整改期限只生成一次任务 / one task per entry and deadline';
COMMENT ON INDEX credit_gz.interview_task_case_idx IS '每个整改期限只生成一次任务 / one task per case and deadline';
COMMENT ON INDEX credit_gz.interview_task_open_idx IS '部门待办 / open tasks by department';

CREATE FUNCTION credit_gz.create_overdue_interview_tasks(interview_within_days integer DEFAULT 10,
                                                         as_of date DEFAULT credit_gz.policy_date())
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    n integer;
    k integer;
BEGIN
    -- one run at a time; the unique indexes make repeated runs idempotent anyway
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('create_overdue_interview_tasks')) THEN
        RETURN 0;
    END IF;
    -- 二(三): 对规定期限内整改不到位的失信主体 … 谁认定、谁约谈 — entries with a missed rectification deadline
    INSERT INTO credit_gz.interview_task (subject_id, department_code, entry_id, record_id, reason, rectification_due, due_date)
    SELECT e.subject_id, e.department_code, e.entry_id, e.record_id,
           format('%s 列入记录 %s 逾期未整改（期限 %s）', lt.name_zh, e.entry_id, e.rectify_by),
           e.rectify_by, as_of + interview_within_days
      FROM credit_gz.list_entry e JOIN credit_gz.list_type lt ON lt.code = e.list_type_code
     WHERE e.status = 'active' AND e.rectified_on IS NULL AND e.rectify_by < as_of
       AND e.derived_from_entry_id IS NULL
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    -- cases whose rectification step is overdue
    INSERT INTO credit_gz.interview_task (subject_id, department_code, case_id, record_id, reason, rectification_due, due_date)
    SELECT c.subject_id, c.department_code, c.case_id,
           (SELECT min(i.record_id) FROM credit_gz.dishonesty_case_item i
             WHERE i.subject_id = c.subject_id AND i.case_id = c.case_id),
           format('失信案例 %s（%s）逾期未整改（期限 %s）', c.case_id, c.title, c.rectification_due),
           c.rectification_due, as_of + interview_within_days
      FROM credit_gz.dishonesty_case c
     WHERE c.rectification_due < as_of
       AND NOT EXISTS (SELECT 1 FROM credit_gz.dishonesty_case_step s
                        WHERE s.subject_id = c.subject_id AND s.case_id = c.case_id AND s.step = 'rectification')
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS k = ROW_COUNT;
    RETURN n + k;
END
$$;
COMMENT ON FUNCTION credit_gz.create_overdue_interview_tasks(integer, date) IS
    '为逾期未整改的名单记录和失信案例生成约谈任务（谁认定、谁约谈），幂等，供定时任务调用 / creates an interview task for the '
    'determining department of every entry or case whose rectification deadline passed before as_of (default: the policy date; run_expiry passes its own day); idempotent; advisory lock job_lock_key(''create_overdue_interview_tasks'')';

-- Comments on the triggers and identity sequences of this part.
COMMENT ON TRIGGER list_entry_check ON credit_gz.list_entry IS '名单列入校验 / validates directly determined entries (list_entry_check())';
COMMENT ON TRIGGER list_entry_propagate ON credit_gz.list_entry IS '名单推送 / derives and lifts entries along relations (C)';
COMMENT ON TRIGGER relation_propagate ON credit_gz.relation IS '关联关系变更时重新推送 / re-derives the trees a relation change affects (C)';
COMMENT ON TRIGGER propagation_rule_updated ON credit_gz.propagation_rule IS '推送规则修改后重新推送 / re-derives after rule updates';
COMMENT ON TRIGGER propagation_rule_inserted ON credit_gz.propagation_rule IS '推送规则新增后重新推送 / re-derives after rules are added';
COMMENT ON TRIGGER propagation_rule_deleted ON credit_gz.propagation_rule IS '推送规则删除后重新推送 / re-derives after rules are deleted';
COMMENT ON TRIGGER dishonesty_case_step_check ON credit_gz.dishonesty_case_step IS '案例环节依次进行 / steps in order, never deleted';
COMMENT ON TRIGGER dishonesty_case_stage ON credit_gz.dishonesty_case_step IS '更新案例当前环节 / keeps dishonesty_case.stage current';
COMMENT ON SEQUENCE credit_gz.list_entry_entry_id_seq IS '名单列入编号 / list entry ids';
COMMENT ON SEQUENCE credit_gz.propagation_rule_propagation_rule_id_seq IS '推送规则编号 / propagation rule ids';
COMMENT ON SEQUENCE credit_gz.dishonesty_case_case_id_seq IS '失信案例编号 / dishonesty case ids';
COMMENT ON SEQUENCE credit_gz.interview_task_task_id_seq IS '约谈任务编号 / interview task ids';
