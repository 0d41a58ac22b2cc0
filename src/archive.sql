-- 信用档案 / credit archive (穗府办函〔2020〕35号 二(二)): departments, supervision domains, the information catalogue,
-- subjects with exactly one identity code, occupational archives, relations, records with their publicity window,
-- commitments and the audit log. C: src/archive.c (the record trigger, cached catalogues).
-- Contract: doc/schema.md (names fixed); user documentation: doc/archive.md.

-- =====================================================================================================================
-- Catalogues shipped as data. Shipped rows carry shipped = true; pg_dump keeps only rows added locally (shipped =
-- false), because CREATE EXTENSION re-creates the shipped ones on restore.
-- =====================================================================================================================

CREATE TABLE credit_gz.department (
    code     text    NOT NULL PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh  text    NOT NULL UNIQUE,
    name_en  text    NOT NULL,
    kind     text    NOT NULL CHECK (kind IN ('municipal', 'vertical', 'judicial', 'party', 'public_institution',
                                              'people_organization', 'enterprise')),
    in_annex boolean NOT NULL DEFAULT false,
    shipped  boolean NOT NULL DEFAULT false,
    system_code text CHECK (system_code ~ '^[a-z][a-z0-9_]*$' AND system_code <> code)
);
COMMENT ON TABLE credit_gz.department IS
    '部门 / departments: the bodies the policy''s annexes name as responsible (职责分工表, 工作分工表), plus local additions. '
    'Records cite the department that determined them (谁认定、谁约谈).';
COMMENT ON COLUMN credit_gz.department.code IS '部门代码 / department code (lower-case identifier)';
COMMENT ON COLUMN credit_gz.department.name_zh IS '部门名称 / department name in Chinese, as the policy writes it';
COMMENT ON COLUMN credit_gz.department.name_en IS '英文名称 / department name in English';
COMMENT ON COLUMN credit_gz.department.kind IS
    '类别 / municipal (市政府部门), vertical (中央、省垂直管理驻穗机构), judicial (法院、检察院), party (市委部门), '
    'public_institution (事业单位), people_organization (人民团体), enterprise (企业)';
COMMENT ON COLUMN credit_gz.department.in_annex IS '是否见于政策附件 / named in the policy''s annexes';
COMMENT ON COLUMN credit_gz.department.system_code IS
    '所属系统 / the department whose system this one belongs to (e.g. a district market-regulation bureau: '
    'market_regulation), for the publicity rules a system issues (市场监管部门: 国家市场监督管理总局令第107号); NULL: '
    'its own. A code of credit_gz.department (checked by department_system_check)';
COMMENT ON COLUMN credit_gz.department.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';

INSERT INTO credit_gz.department (code, name_zh, name_en, kind, in_annex, shipped) VALUES
    -- 附件1 职责分工表 (supervision domains)
    ('housing',               '市住房城乡建设局',       'Municipal Housing and Urban-Rural Development Bureau', 'municipal', true, true),
    ('planning',              '市规划和自然资源局',     'Municipal Planning and Natural Resources Bureau', 'municipal', true, true),
    ('transport',             '市交通运输局',           'Municipal Transport Bureau', 'municipal', true, true),
    ('water',                 '市水务局',               'Municipal Water Affairs Bureau', 'municipal', true, true),
    ('port',                  '市港务局',               'Municipal Port Bureau', 'municipal', true, true),
    ('forestry',              '市林业园林局',           'Municipal Forestry and Landscaping Bureau', 'municipal', true, true),
    ('environment',           '市生态环境局',           'Municipal Ecology and Environment Bureau', 'municipal', true, true),
    ('urban_management',      '市城市管理综合执法局',   'Municipal Urban Management Comprehensive Law Enforcement Bureau', 'municipal', true, true),
    ('government_data',       '市政务服务数据管理局',   'Municipal Government Services and Data Administration', 'municipal', true, true),
    ('public_resources',      '广州公共资源交易中心',   'Guangzhou Public Resources Trading Centre', 'public_institution', true, true),
    ('finance',               '市财政局',               'Municipal Finance Bureau', 'municipal', true, true),
    ('postal',                '市邮政管理局',           'Municipal Postal Administration', 'vertical', true, true),
    ('commerce',              '市商务局',               'Municipal Commerce Bureau', 'municipal', true, true),
    ('taxation',              '广州市税务局',           'Guangzhou Municipal Tax Service', 'vertical', true, true),
    ('customs_guangzhou',     '广州海关',               'Guangzhou Customs', 'vertical', true, true),
    ('customs_huangpu',       '黄埔海关',               'Huangpu Customs', 'vertical', true, true),
    ('pboc',                  '人民银行广州分行营业管理部', 'People''s Bank of China Guangzhou Branch Business Management Department', 'vertical', true, true),
    ('cbirc',                 '广东银保监局',           'Guangdong Banking and Insurance Regulatory Bureau', 'vertical', true, true),
    ('local_finance',         '市地方金融监管局',       'Municipal Local Financial Supervision Bureau', 'municipal', true, true),
    ('market_regulation',     '市市场监管局',           'Municipal Administration for Market Regulation', 'municipal', true, true),
    ('development_reform',    '市发展改革委',           'Municipal Development and Reform Commission', 'municipal', true, true),
    ('emergency',             '市应急管理局',           'Municipal Emergency Management Bureau', 'municipal', true, true),
    ('health',                '市卫生健康委',           'Municipal Health Commission', 'municipal', true, true),
    ('medical_insurance',     '市医保局',               'Municipal Healthcare Security Administration', 'municipal', true, true),
    ('human_resources',       '市人力资源社会保障局',   'Municipal Human Resources and Social Security Bureau', 'municipal', true, true),
    ('civil_affairs',         '市民政局',               'Municipal Civil Affairs Bureau', 'municipal', true, true),
    ('establishment',         '市委编办',               'Municipal Commission Office for Public Sector Reform', 'party', true, true),
    ('social_organizations',  '市社会组织管理局',       'Municipal Social Organisations Administration', 'municipal', true, true),
    ('migrant_services',      '市来穗人员服务管理局',   'Municipal Bureau for Services to People Coming to Guangzhou', 'municipal', true, true),
    ('education',             '市教育局',               'Municipal Education Bureau', 'municipal', true, true),
    ('science_technology',    '市科技局',               'Municipal Science and Technology Bureau', 'municipal', true, true),
    ('culture_tourism',       '市文化广电旅游局',       'Municipal Culture, Radio, Television and Tourism Bureau', 'municipal', true, true),
    ('sports',                '市体育局',               'Municipal Sports Bureau', 'municipal', true, true),
    ('industry_it',           '市工业和信息化局',       'Municipal Industry and Information Technology Bureau', 'municipal', true, true),
    -- 附件2 工作分工表 (work division)
    ('general_office',        '市政府办公厅',           'General Office of the Municipal Government', 'municipal', true, true),
    ('federation_commerce',   '市工商联',               'Municipal Federation of Industry and Commerce', 'people_organization', true, true),
    ('organization',          '市委组织部',             'Organisation Department of the Municipal Party Committee', 'party', true, true),
    ('publicity',             '市委宣传部',             'Publicity Department of the Municipal Party Committee (Civilisation Office)', 'party', true, true),
    ('cyberspace',            '市委网信办',             'Cyberspace Affairs Office of the Municipal Party Committee', 'party', true, true),
    ('court',                 '市法院',                 'Guangzhou Intermediate People''s Court', 'judicial', true, true),
    ('internet_court',        '广州互联网法院',         'Guangzhou Internet Court', 'judicial', true, true),
    ('procuratorate',         '市检察院',               'Guangzhou People''s Procuratorate', 'judicial', true, true),
    ('justice',               '市司法局',               'Municipal Justice Bureau', 'municipal', true, true),
    ('state_assets',          '市国资委',               'Municipal State-owned Assets Supervision and Administration Commission', 'municipal', true, true),
    ('public_security',       '市公安局',               'Municipal Public Security Bureau', 'municipal', true, true),
    ('agriculture',           '市农业农村局',           'Municipal Agriculture and Rural Affairs Bureau', 'municipal', true, true),
    ('ethnic_religious',      '市民族宗教局',           'Municipal Ethnic and Religious Affairs Bureau', 'municipal', true, true),
    ('trade_union',           '市总工会',               'Municipal Federation of Trade Unions', 'people_organization', true, true),
    ('maritime',              '广州海事局',             'Guangzhou Maritime Safety Administration', 'vertical', true, true),
    ('digital_government',    '数字政府运营中心',       'Digital Government Operations Centre', 'public_institution', true, true),
    ('metro',                 '广州地铁集团',           'Guangzhou Metro Group', 'enterprise', true, true),
    ('credit_reference',      '广州金控征信服务有限公司', 'Guangzhou Finance Holdings Credit Reference Services Co., Ltd.', 'enterprise', true, true),
    -- not in the annexes: authorities of domains that NDRC Order No. 58 singles out (fire safety)
    ('fire_rescue',           '市消防救援支队',         'Guangzhou Fire and Rescue Detachment', 'vertical', false, true);

SELECT pg_catalog.pg_extension_config_dump('credit_gz.department', 'WHERE NOT shipped');

-- department_system_check: system_code names a department, and a department that is another's system cannot go or
-- be renamed. A trigger rather than a self-referencing foreign key, as for credit_gz.domain's parent_code.
CREATE FUNCTION credit_gz.department_system_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.department'::pg_catalog.regclass THEN
        RAISE EXCEPTION 'credit_gz.department_system_check() fires only on credit_gz.department' USING ERRCODE = '39P01';
    END IF;
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.code <> OLD.code) THEN
        IF EXISTS (SELECT FROM credit_gz.department d WHERE d.system_code = OLD.code) THEN
            RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'department_system_code_fkey',
                MESSAGE = credit_gz.msg('department %s is still the system of other departments', OLD.code),
                DETAIL = credit_gz.msg('Departments name it as system_code.'),
                HINT = credit_gz.msg('Change their system_code first.');
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.system_code IS NOT NULL
       AND NOT EXISTS (SELECT FROM credit_gz.department d WHERE d.code = NEW.system_code) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'department_system_code_fkey',
            MESSAGE = credit_gz.msg('department %s: system %s is not a department', NEW.code, NEW.system_code),
            DETAIL = credit_gz.msg('system_code names the department whose system this one belongs to.'),
            HINT = credit_gz.msg('Give the code of a department of credit_gz.department, or NULL.');
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION credit_gz.department_system_check() IS
    'AFTER ROW constraint trigger on credit_gz.department: system_code names a department; no deleting or renaming a '
    'department that is another''s system (23503).';
CREATE CONSTRAINT TRIGGER department_system_code_fkey AFTER INSERT OR UPDATE OR DELETE ON credit_gz.department
    FOR EACH ROW EXECUTE FUNCTION credit_gz.department_system_check();
COMMENT ON TRIGGER department_system_code_fkey ON credit_gz.department IS
    'system_code names a department; a system cannot be deleted or renamed while departments name it.';

CREATE TABLE credit_gz.domain (
    code        text     NOT NULL PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    parent_code text,
    seq         smallint NOT NULL,
    sector      text     NOT NULL CHECK (sector IN ('social', 'commercial', 'platform')),
    name_zh     text     NOT NULL,
    name_en     text     NOT NULL,
    in_annex    boolean  NOT NULL DEFAULT false,
    shipped     boolean  NOT NULL DEFAULT false,
    CHECK (parent_code IS DISTINCT FROM code)
);
COMMENT ON TABLE credit_gz.domain IS
    '监管领域 / supervision domains: the 29 domains of the policy''s annex 1 (社会诚信, 商务诚信, 平台经济) and their '
    'sub-domains, plus domains the publicity rules name. Publicity rules may differ by domain.';
COMMENT ON COLUMN credit_gz.domain.code IS '领域代码 / domain code';
COMMENT ON COLUMN credit_gz.domain.parent_code IS '上级领域 / parent domain (NULL: top level)';
COMMENT ON COLUMN credit_gz.domain.seq IS '附件序号 / number in annex 1';
COMMENT ON COLUMN credit_gz.domain.sector IS '诚信领域 / sector: social (社会诚信), commercial (商务诚信), platform (平台经济)';
COMMENT ON COLUMN credit_gz.domain.name_zh IS '领域名称 / domain name in Chinese';
COMMENT ON COLUMN credit_gz.domain.name_en IS '英文名称 / domain name in English';
COMMENT ON COLUMN credit_gz.domain.in_annex IS '是否见于政策附件1 / listed in the policy''s annex 1';
COMMENT ON COLUMN credit_gz.domain.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
CREATE INDEX domain_parent_idx ON credit_gz.domain (parent_code);

-- domain_parent_check: parent_code must name a top-level domain, and a domain with sub-domains cannot go. A trigger
-- rather than a self-referencing foreign key, which would make pg_dump warn about circular constraints on every dump.
CREATE FUNCTION credit_gz.domain_parent_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.code <> OLD.code) THEN
        IF EXISTS (SELECT FROM credit_gz.domain d WHERE d.parent_code = OLD.code) THEN
            RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'domain_parent_code_fkey',
                MESSAGE = credit_gz.msg('domain %s still has sub-domains', OLD.code),
                DETAIL = credit_gz.msg('Sub-domains name it as parent_code.'),
                HINT = credit_gz.msg('Move or delete the sub-domains first.');
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.parent_code IS NOT NULL
       AND NOT EXISTS (SELECT FROM credit_gz.domain d WHERE d.code = NEW.parent_code AND d.parent_code IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'domain_parent_code_fkey',
            MESSAGE = credit_gz.msg('domain %s: parent %s is not a top-level domain', NEW.code, NEW.parent_code),
            DETAIL = credit_gz.msg('Domains have two levels: the annex''s domains and their sub-domains.'),
            HINT = credit_gz.msg('Give the code of a top-level domain, or NULL.');
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION credit_gz.domain_parent_check() IS
    'AFTER ROW constraint trigger on credit_gz.domain: parent_code names a top-level domain; no deleting or renaming a parent (23503).';
-- A constraint trigger named as the foreign key would be, so that the constraint its errors name exists.
CREATE CONSTRAINT TRIGGER domain_parent_code_fkey AFTER INSERT OR UPDATE OR DELETE ON credit_gz.domain
    FOR EACH ROW EXECUTE FUNCTION credit_gz.domain_parent_check();
COMMENT ON TRIGGER domain_parent_code_fkey ON credit_gz.domain IS 'parent_code names a top-level domain; parents cannot be deleted or renamed.';

CREATE TABLE credit_gz.domain_department (
    domain_code     text NOT NULL REFERENCES credit_gz.domain (code) ON UPDATE CASCADE ON DELETE CASCADE,
    department_code text NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    shipped         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (domain_code, department_code)
);
COMMENT ON TABLE credit_gz.domain_department IS
    '领域负责部门 / departments responsible for each supervision domain (policy annex 1, 负责部门).';
COMMENT ON COLUMN credit_gz.domain_department.domain_code IS '监管领域 / domain';
COMMENT ON COLUMN credit_gz.domain_department.department_code IS '负责部门 / responsible department';
COMMENT ON COLUMN credit_gz.domain_department.shipped IS '随扩展发布 / shipped with the extension';
CREATE INDEX domain_department_department_idx ON credit_gz.domain_department (department_code);

--@include src/domain_data.sql

INSERT INTO credit_gz.domain (code, parent_code, seq, sector, name_zh, name_en) VALUES
    ('special_equipment', 'work_safety', 12, 'social', '特种设备安全', 'Special equipment safety'),
    ('fire_safety',       'work_safety', 12, 'social', '消防安全', 'Fire safety');
INSERT INTO credit_gz.domain_department (domain_code, department_code) VALUES
    ('special_equipment', 'market_regulation'),
    ('fire_safety', 'fire_rescue');
UPDATE credit_gz.domain SET in_annex = (code NOT IN ('special_equipment', 'fire_safety')), shipped = true;
UPDATE credit_gz.domain_department SET shipped = true;

SELECT pg_catalog.pg_extension_config_dump('credit_gz.domain', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.domain_department', 'WHERE NOT shipped');

CREATE TABLE credit_gz.info_item (
    code                      text    NOT NULL PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    name_zh                   text    NOT NULL,
    name_en                   text    NOT NULL,
    kind                      text    NOT NULL CHECK (kind IN ('basic', 'licence', 'penalty', 'positive', 'negative',
                                                               'commitment', 'evaluation', 'judicial', 'other')),
    polarity                  text    NOT NULL CHECK (polarity IN ('negative', 'positive', 'neutral')),
    applies_to                text    NOT NULL CHECK (applies_to IN ('legal_entity', 'natural_person', 'both')),
    barred_for_natural_person boolean NOT NULL DEFAULT false,
    double_publicity          text    CHECK (double_publicity IN ('licence', 'penalty')),
    legal_basis               text    NOT NULL CHECK (btrim(legal_basis) <> ''),
    shipped                   boolean NOT NULL DEFAULT false,
    CONSTRAINT info_item_kind_polarity CHECK (
        (kind <> 'penalty' OR polarity = 'negative') AND
        (kind <> 'negative' OR polarity = 'negative') AND
        (kind <> 'positive' OR polarity = 'positive')),
    CONSTRAINT info_item_barred_negative CHECK (NOT barred_for_natural_person OR polarity = 'negative'),
    CONSTRAINT info_item_barred_applies CHECK (NOT barred_for_natural_person OR applies_to <> 'natural_person')
);
COMMENT ON TABLE credit_gz.info_item IS
    '公共信用信息目录 / public credit information catalogue: what may be recorded, for whom, on what legal basis '
    '(国办发〔2020〕49号: 以目录管理). A record must cite an item. Items barred for natural persons are the minor behaviours '
    'of 十七 that may not enter personal credit records without legislation.';
COMMENT ON COLUMN credit_gz.info_item.code IS '信息项代码 / item code';
COMMENT ON COLUMN credit_gz.info_item.name_zh IS '信息项名称 / item name in Chinese';
COMMENT ON COLUMN credit_gz.info_item.name_en IS '英文名称 / item name in English';
COMMENT ON COLUMN credit_gz.info_item.kind IS
    '信息类别 / basic, licence (许可), penalty (处罚), positive (守信), negative (失信), commitment (承诺), evaluation (评价), judicial (司法), other';
COMMENT ON COLUMN credit_gz.info_item.polarity IS '信息性质 / negative (失信), positive (守信) or neutral';
COMMENT ON COLUMN credit_gz.info_item.applies_to IS '适用主体 / legal_entity (法人和非法人组织), natural_person (自然人) or both';
COMMENT ON COLUMN credit_gz.info_item.barred_for_natural_person IS
    '不得纳入个人信用记录 / 十七: negative records of this item may not be kept against natural persons';
COMMENT ON COLUMN credit_gz.info_item.double_publicity IS '双公示类别 / licence or penalty information subject to 双公示 (NULL: neither)';
COMMENT ON COLUMN credit_gz.info_item.legal_basis IS '设定依据 / legal basis of the item';
COMMENT ON COLUMN credit_gz.info_item.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';

INSERT INTO credit_gz.info_item
    (code, name_zh, name_en, kind, polarity, applies_to, barred_for_natural_person, double_publicity, legal_basis, shipped)
VALUES
    ('registration', '登记注册基本信息', 'Registration (basic) information', 'basic', 'neutral', 'legal_entity', false, NULL,
     '《企业信息公示暂行条例》; 穗府办函〔2020〕35号 二(二)', true),
    ('administrative_licence', '行政许可信息', 'Administrative licence', 'licence', 'neutral', 'both', false, 'licence',
     '《中华人民共和国行政许可法》; 双公示', true),
    ('qualification', '资质资格信息', 'Qualification and certification', 'licence', 'neutral', 'both', false, NULL,
     '《中华人民共和国行政许可法》', true),
    ('administrative_penalty', '行政处罚信息', 'Administrative penalty', 'penalty', 'negative', 'both', false, 'penalty',
     '《中华人民共和国行政处罚法》; 双公示; 发改办财金〔2019〕527号, 国家发展改革委令第58号, 第36号 (公示期)', true),
    ('abnormal_operations', '列入经营异常名录', 'Entry in the abnormal-operations list', 'negative', 'negative', 'legal_entity', false, NULL,
     '《企业信息公示暂行条例》; 《企业经营异常名录管理暂行办法》', true),
    ('serious_dishonesty_list', '列入严重违法失信名单', 'Entry in the serious illegal and dishonest list', 'negative', 'negative', 'legal_entity', false, NULL,
     '《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)', true),
    ('dishonest_judgment_debtor', '失信被执行人', 'Dishonest judgment debtor', 'judicial', 'negative', 'both', false, NULL,
     '《最高人民法院关于公布失信被执行人名单信息的若干规定》', true),
    ('major_tax_violation', '重大税收违法失信主体', 'Major tax-violation dishonest party', 'negative', 'negative', 'both', false, NULL,
     '《重大税收违法失信主体信息公布管理办法》', true),
    ('wage_arrears', '拖欠农民工工资失信联合惩戒对象', 'Serious arrears of migrant workers'' wages', 'negative', 'negative', 'both', false, NULL,
     '《保障农民工工资支付条例》', true),
    ('customs_dishonest', '海关失信企业', 'Customs dishonest enterprise', 'negative', 'negative', 'legal_entity', false, NULL,
     '《中华人民共和国海关注册登记和备案企业信用管理办法》', true),
    ('commitment_breach', '不履行信用承诺', 'Breach of a credit commitment', 'commitment', 'negative', 'both', false, NULL,
     '穗府办函〔2020〕35号 二(三): 依法依规将不履行承诺信息推送至市公共信用信息平台', true),
    ('commitment_made', '信用承诺', 'Credit commitment made', 'commitment', 'neutral', 'both', false, NULL,
     '穗府办函〔2020〕35号 二(一): 信用承诺制、告知承诺制', true),
    ('occupational_discipline', '执业惩戒信息', 'Professional disciplinary sanction', 'negative', 'negative', 'natural_person', false, NULL,
     '穗府办函〔2020〕35号 (十)(十五): 重点人群职业档案; 《中华人民共和国律师法》等执业法律', true),
    ('tax_credit_grade', '纳税信用等级', 'Tax credit grade', 'evaluation', 'neutral', 'legal_entity', false, NULL,
     '《纳税信用管理办法》', true),
    ('industry_credit_evaluation', '行业信用评价', 'Industry credit evaluation', 'evaluation', 'neutral', 'both', false, NULL,
     '穗府办函〔2020〕35号 二(二): 建立行业信用评价制度', true),
    ('honour', '表彰奖励信息', 'Honours and awards', 'positive', 'positive', 'both', false, NULL,
     '穗府办函〔2020〕35号 二(一): 表彰奖励', true),
    ('a_grade_taxpayer', 'A级纳税人', 'A-grade taxpayer', 'positive', 'positive', 'legal_entity', false, NULL,
     '《纳税信用管理办法》', true),
    ('aeo_advanced', '海关高级认证企业', 'AEO advanced-certified enterprise', 'positive', 'positive', 'legal_entity', false, NULL,
     '《中华人民共和国海关注册登记和备案企业信用管理办法》; 穗府办函〔2020〕35号 (十三)', true),
    ('contract_honouring', '守合同重信用企业', 'Contract-honouring and credit-keeping enterprise', 'positive', 'positive', 'legal_entity', false, NULL,
     '穗府办函〔2020〕35号 (十四)', true),
    ('epidemic_support', '防疫重点保障企业', 'Key epidemic-prevention supply enterprise', 'positive', 'positive', 'legal_entity', false, NULL,
     '穗府办函〔2020〕35号 (五): 将企业参与防疫相关信息作为守信信息纳入企业信用档案', true),
    ('spot_check_result', '抽查检查结果信息', 'Result of a spot check (random inspection) found not in conformity', 'negative', 'negative', 'legal_entity', false, NULL,
     '《企业信息公示暂行条例》第十四条; 国家市场监督管理总局令第107号 (抽查检查结果信息可修复)', true),
    ('effective_judgment', '生效裁判文书信息', 'Effective court judgment', 'judicial', 'neutral', 'both', false, NULL,
     '穗府办函〔2020〕35号 (十): 公开审判信息、强制执行案件信息', true),
    -- 十七: 未经立法程序不得将下列轻微失信行为纳入个人信用记录 (organisations may still be recorded where law allows)
    ('petition', '信访', 'Petitioning (xinfang)', 'negative', 'negative', 'both', true, NULL,
     '穗府办函〔2020〕35号 (十七): 未经立法程序不得纳入个人信用记录', true),
    ('demolition', '拆迁', 'Demolition and relocation disputes', 'negative', 'negative', 'both', true, NULL,
     '穗府办函〔2020〕35号 (十七): 未经立法程序不得纳入个人信用记录', true),
    ('red_light', '闯红灯', 'Running a red light', 'negative', 'negative', 'both', true, NULL,
     '穗府办函〔2020〕35号 (十七): 未经立法程序不得纳入个人信用记录', true),
    ('uncivil_dog_keeping', '不文明养犬', 'Uncivil dog keeping', 'negative', 'negative', 'both', true, NULL,
     '穗府办函〔2020〕35号 (十七): 未经立法程序不得纳入个人信用记录', true),
    ('property_fee_arrears', '欠缴物业费', 'Unpaid property-management fees', 'negative', 'negative', 'both', true, NULL,
     '穗府办函〔2020〕35号 (十七): 未经立法程序不得纳入个人信用记录', true),
    ('waste_sorting', '未执行垃圾分类', 'Failure to sort household waste', 'negative', 'negative', 'both', true, NULL,
     '穗府办函〔2020〕35号 (十七): 未经立法程序不得纳入个人信用记录', true);

SELECT pg_catalog.pg_extension_config_dump('credit_gz.info_item', 'WHERE NOT shipped');

-- =====================================================================================================================
-- Penalty categories (处罚类别): the kinds of administrative penalty of 行政处罚法 art. 9 (2021 revision), the values
-- the national 双公示 format's 处罚类别 takes. Rules (which penalties are published, for how long) read them from
-- record.penalty_category.
-- =====================================================================================================================

CREATE TABLE credit_gz.penalty_category (
    code         text     NOT NULL PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    name_zh      text     NOT NULL UNIQUE CHECK (btrim(name_zh) = name_zh AND name_zh <> ''),
    name_en      text     NOT NULL,
    article_item smallint CHECK (article_item BETWEEN 1 AND 6),
    source       text     NOT NULL CHECK (btrim(source) <> ''),
    shipped      boolean  NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.penalty_category IS
    '处罚类别 / categories of administrative penalty (《中华人民共和国行政处罚法》第九条): the values of 处罚类别 in the '
    'national 双公示 penalty format; credit_gz.record.penalty_category cites one. Local rows (shipped = false) add '
    'categories a law or administrative regulation creates (第九条第(六)项).';
COMMENT ON COLUMN credit_gz.penalty_category.code IS '类别代码 / category code';
COMMENT ON COLUMN credit_gz.penalty_category.name_zh IS '类别名称 / category name as the law and the national format write it';
COMMENT ON COLUMN credit_gz.penalty_category.name_en IS '英文名称 / category name in English';
COMMENT ON COLUMN credit_gz.penalty_category.article_item IS '第九条项 / item (1–6) of 行政处罚法 art. 9 the category belongs to (NULL: not in the article)';
COMMENT ON COLUMN credit_gz.penalty_category.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.penalty_category.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';

INSERT INTO credit_gz.penalty_category (code, name_zh, name_en, article_item, source, shipped) VALUES
    ('warning', '警告', 'Warning', 1, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(一)项', true),
    ('criticism_notice', '通报批评', 'Circulated notice of criticism', 1, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(一)项', true),
    ('fine', '罚款', 'Fine', 2, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(二)项', true),
    ('confiscation_of_gains', '没收违法所得', 'Confiscation of illegal gains', 2, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(二)项', true),
    ('confiscation_of_property', '没收非法财物', 'Confiscation of illegal property', 2, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(二)项', true),
    ('licence_suspension', '暂扣许可证件', 'Suspension of a licence', 3, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(三)项', true),
    ('qualification_downgrade', '降低资质等级', 'Downgrading of a qualification', 3, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(三)项', true),
    ('licence_revocation', '吊销许可证件', 'Revocation of a licence', 3, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(三)项', true),
    ('business_restriction', '限制开展生产经营活动', 'Restriction of production and business activities', 4, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(四)项', true),
    ('business_suspension', '责令停产停业', 'Order to suspend production or business', 4, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(四)项', true),
    ('closure', '责令关闭', 'Order to close', 4, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(四)项', true),
    ('practice_restriction', '限制从业', 'Restriction of practice', 4, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(四)项', true),
    ('administrative_detention', '行政拘留', 'Administrative detention', 5, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(五)项', true),
    ('other', '其他', 'Other penalty set by law or administrative regulation', 6, '《中华人民共和国行政处罚法》(2021年修订) 第九条第(六)项', true);

SELECT pg_catalog.pg_extension_config_dump('credit_gz.penalty_category', 'WHERE NOT shipped');

-- =====================================================================================================================
-- Publicity rules: versioned data. A record keeps the rule in force on its decision date (publicity_rule_id).
-- =====================================================================================================================

CREATE TABLE credit_gz.publicity_rule (
    publicity_rule_id integer NOT NULL PRIMARY KEY,
    generation       text    NOT NULL,
    source           text    NOT NULL,
    effective_from   date    NOT NULL,
    effective_until  date,
    severity         text    CHECK (severity IN ('minor', 'general', 'serious', 'specific_serious')),
    domain_code      text    REFERENCES credit_gz.domain (code) ON UPDATE CASCADE,
    min_months       integer CHECK (min_months >= 0),
    max_months       integer NOT NULL CHECK (max_months >= 0),
    repairable       boolean NOT NULL,
    publication_optional boolean NOT NULL DEFAULT false,
    shipped          boolean NOT NULL DEFAULT false,
    department_code  text    REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    penalty_category text    REFERENCES credit_gz.penalty_category (code) ON UPDATE CASCADE,
    item_code        text    REFERENCES credit_gz.info_item (code) ON UPDATE CASCADE,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK (min_months IS NULL OR min_months <= max_months),
    CHECK (NOT repairable OR min_months IS NOT NULL),
    CONSTRAINT publicity_rule_unpublished_check CHECK (max_months > 0 OR NOT repairable)
);
CREATE UNIQUE INDEX publicity_rule_key_idx ON credit_gz.publicity_rule
    (effective_from, severity, domain_code, department_code, penalty_category, item_code) NULLS NOT DISTINCT;
COMMENT ON TABLE credit_gz.publicity_rule IS
    '失信信息公示期规则 / publicity periods of negative information, one row per rule generation, severity and domain '
    '(NULL domain: all domains; NULL severity: negative information that is not graded, e.g. list entries). Periods run '
    'from the decision date: at min_months the subject may apply for repair, at max_months publication stops. '
    'Rules are data: add a generation with its effective date when the law changes; records keep the rule in force '
    'on their decision date. A rule may be limited to the deciding department (or its system), a penalty category and '
    'an item; precedence: department, then its system, then item, category and domain (find_rule in src/archive.c).';
COMMENT ON COLUMN credit_gz.publicity_rule.publicity_rule_id IS '规则编号 / rule id (records keep it)';
COMMENT ON COLUMN credit_gz.publicity_rule.generation IS '规则代次 / rule generation (ndrc_527_2019, ndrc_58_2023, ndrc_36_2026, gz_2024)';
COMMENT ON COLUMN credit_gz.publicity_rule.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.publicity_rule.effective_from IS '施行日期 / first decision date the rule governs';
COMMENT ON COLUMN credit_gz.publicity_rule.effective_until IS '失效日期 / first decision date the rule no longer governs (NULL: open)';
COMMENT ON COLUMN credit_gz.publicity_rule.severity IS '失信程度 / minor (轻微), general (一般), serious (严重), specific_serious (特定严重); NULL: ungraded';
COMMENT ON COLUMN credit_gz.publicity_rule.domain_code IS '适用领域 / domain (NULL: all domains; a rule for the domain or its parent wins)';
COMMENT ON COLUMN credit_gz.publicity_rule.min_months IS '最短公示期(月) / minimum publicity in months, after which repair may be applied for (0: at once)';
COMMENT ON COLUMN credit_gz.publicity_rule.max_months IS '最长公示期(月) / maximum publicity in months, after which publication stops (0: not published)';
COMMENT ON COLUMN credit_gz.publicity_rule.repairable IS '可修复 / whether credit repair is possible';
COMMENT ON COLUMN credit_gz.publicity_rule.publication_optional IS '可不公示 / the department may decide not to publish (Order 36, minor)';
COMMENT ON COLUMN credit_gz.publicity_rule.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';
COMMENT ON COLUMN credit_gz.publicity_rule.department_code IS
    '认定部门(系统) / the deciding department, or the system of departments, the rule is for (record.department_code or '
    'its department.system_code); NULL: every department. A rule for the department beats one for its system, which '
    'beats one for every department (国家市场监督管理总局令第107号: records decided by market regulation)';
COMMENT ON COLUMN credit_gz.publicity_rule.penalty_category IS
    '处罚类别 / the penalty category the rule is for (credit_gz.record_penalty_category of the record); NULL: every category';
COMMENT ON COLUMN credit_gz.publicity_rule.item_code IS '信息项 / the catalogue item the rule is for; NULL: every item';

INSERT INTO credit_gz.publicity_rule
    (publicity_rule_id, generation, source, effective_from, effective_until, severity, domain_code, min_months, max_months,
     repairable, publication_optional, shipped)
VALUES
    -- 发改办财金〔2019〕527号: general 3 months–1 year, serious 6 months–3 years, specific serious 3 years unrepairable
    (101, 'ndrc_527_2019', '发改办财金〔2019〕527号', '2019-07-01', '2023-05-01', 'general', NULL, 3, 12, true, false, true),
    (102, 'ndrc_527_2019', '发改办财金〔2019〕527号', '2019-07-01', '2023-05-01', 'serious', NULL, 6, 36, true, false, true),
    (103, 'ndrc_527_2019', '发改办财金〔2019〕527号', '2019-07-01', '2023-05-01', 'specific_serious', NULL, NULL, 36, false, false, true),
    -- 国家发展改革委令第58号 (2023): min 3 months, max 3 years; min 1 year in special equipment, work safety,
    -- fire safety, food and drugs
    (201, 'ndrc_58_2023', '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》', '2023-05-01', '2026-04-01', 'general', NULL, 3, 36, true, false, true),
    (202, 'ndrc_58_2023', '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》', '2023-05-01', '2026-04-01', 'serious', NULL, 3, 36, true, false, true),
    (211, 'ndrc_58_2023', '国家发展改革委令第58号 (特种设备领域最短1年)', '2023-05-01', '2026-04-01', 'general', 'special_equipment', 12, 36, true, false, true),
    (212, 'ndrc_58_2023', '国家发展改革委令第58号 (特种设备领域最短1年)', '2023-05-01', '2026-04-01', 'serious', 'special_equipment', 12, 36, true, false, true),
    (213, 'ndrc_58_2023', '国家发展改革委令第58号 (安全生产领域最短1年)', '2023-05-01', '2026-04-01', 'general', 'work_safety', 12, 36, true, false, true),
    (214, 'ndrc_58_2023', '国家发展改革委令第58号 (安全生产领域最短1年)', '2023-05-01', '2026-04-01', 'serious', 'work_safety', 12, 36, true, false, true),
    (215, 'ndrc_58_2023', '国家发展改革委令第58号 (消防安全领域最短1年)', '2023-05-01', '2026-04-01', 'general', 'fire_safety', 12, 36, true, false, true),
    (216, 'ndrc_58_2023', '国家发展改革委令第58号 (消防安全领域最短1年)', '2023-05-01', '2026-04-01', 'serious', 'fire_safety', 12, 36, true, false, true),
    (217, 'ndrc_58_2023', '国家发展改革委令第58号 (食品药品领域最短1年)', '2023-05-01', '2026-04-01', 'general', 'food_drug_safety', 12, 36, true, false, true),
    (218, 'ndrc_58_2023', '国家发展改革委令第58号 (食品药品领域最短1年)', '2023-05-01', '2026-04-01', 'serious', 'food_drug_safety', 12, 36, true, false, true),
    -- 国家发展改革委令第36号《信用修复管理办法》(2026-04-01): minor ≤ 3 months, repairable once the obligation is met,
    -- publication optional; general 3 months–1 year; serious 1–3 years
    (301, 'ndrc_36_2026', '国家发展改革委令第36号《信用修复管理办法》', '2026-04-01', NULL, 'minor', NULL, 0, 3, true, true, true),
    (302, 'ndrc_36_2026', '国家发展改革委令第36号《信用修复管理办法》', '2026-04-01', NULL, 'general', NULL, 3, 12, true, false, true),
    (303, 'ndrc_36_2026', '国家发展改革委令第36号《信用修复管理办法》', '2026-04-01', NULL, 'serious', NULL, 12, 36, true, false, true),
    -- 《广州市公共信用信息管理规定》(修订, 2024-04-01): ungraded negative information published at most 5 years
    -- from its determination, then archived
    (401, 'gz_2024', '《广州市公共信用信息管理规定》(2024年修订)', '2024-04-01', NULL, NULL, NULL, NULL, 60, false, false, true);

-- 国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》(2025-12-25): records decided by market regulation
-- (department market_regulation or a department of its system). Warnings (处罚类别 警告) are not published; other minor
-- information stops after 3 months; general 3 months – 1 year, repair from month 3; serious 1–3 years, repair from
-- year 1; spot-check results (抽查检查结果) repairable.
INSERT INTO credit_gz.publicity_rule
    (publicity_rule_id, generation, source, effective_from, effective_until, severity, domain_code, min_months, max_months,
     repairable, publication_optional, shipped, department_code, penalty_category, item_code)
VALUES
    (501, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (轻微: 3个月期满停止公示; '
          'repair once the obligation is met as under 国办发〔2025〕22号, not confirmed by the order''s text)',
          '2025-12-25', NULL, 'minor', NULL, 0, 3, true, false, true, 'market_regulation', NULL, NULL),
    (502, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》', '2025-12-25', NULL, 'general', NULL,
          3, 12, true, false, true, 'market_regulation', NULL, NULL),
    (503, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》', '2025-12-25', NULL, 'serious', NULL,
          12, 36, true, false, true, 'market_regulation', NULL, NULL),
    (504, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (警告不予公示)', '2025-12-25', NULL,
          'minor', NULL, NULL, 0, false, false, true, 'market_regulation', 'warning', NULL),
    (505, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (警告不予公示)', '2025-12-25', NULL,
          'general', NULL, NULL, 0, false, false, true, 'market_regulation', 'warning', NULL),
    (506, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (警告不予公示)', '2025-12-25', NULL,
          'serious', NULL, NULL, 0, false, false, true, 'market_regulation', 'warning', NULL),
    (507, 'samr_107_2025', '国家市场监督管理总局令第107号《市场监督管理信用修复管理办法》 (抽查检查结果可修复; periods not '
          'confirmed by the order''s text: repair once corrected, at most the 5 years of 《广州市公共信用信息管理规定》)',
          '2025-12-25', NULL, NULL, NULL, 0, 60, true, false, true, 'market_regulation', NULL, 'spot_check_result');

SELECT pg_catalog.pg_extension_config_dump('credit_gz.publicity_rule', 'WHERE NOT shipped');

-- =====================================================================================================================
-- Subjects, occupational archives, relations
-- =====================================================================================================================

-- Identity documents of natural persons. The resident identity card keeps its own column and type (subject.resident_id,
-- credit_gz.resident_id, GB 11643): nearly every person in the archive has one, and the hot paths read it. Every
-- other document is a type of this catalogue and a number (subject.identity_document_type, identity_document_no),
-- normalised and validated by the layout its issuer documents (src/core/identity_document.h).
CREATE TABLE credit_gz.identity_document_type (
    code       text    PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh    text    NOT NULL,
    name_en    text    NOT NULL,
    validation text    NOT NULL CHECK (validation IN ('gb11643', 'permanent_residence', 'hk_macao_permit',
                                                      'taiwan_permit', 'passport')),
    bare_code  boolean NOT NULL DEFAULT false,
    source     text    NOT NULL,
    shipped    boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.identity_document_type IS
    '身份证件类型 / identity documents of natural persons: the layout that validates a number and its source. '
    'resident_id (居民身份证) is carried by subject.resident_id; every other type by subject.identity_document_type '
    'and identity_document_no.';
COMMENT ON COLUMN credit_gz.identity_document_type.code IS '证件类型代码 / document type code';
COMMENT ON COLUMN credit_gz.identity_document_type.name_zh IS '证件名称 / name in Chinese';
COMMENT ON COLUMN credit_gz.identity_document_type.name_en IS '证件名称(英文) / name in English';
COMMENT ON COLUMN credit_gz.identity_document_type.validation IS
    '校验规则 / layout that normalises and validates a number: gb11643 (公民身份号码, type credit_gz.resident_id), '
    'permanent_residence, hk_macao_permit, taiwan_permit, passport (src/core/identity_document.h)';
COMMENT ON COLUMN credit_gz.identity_document_type.bare_code IS
    '号码可单独识别 / a number of this type given alone (without "type:") cannot be taken for another identity, so '
    'subject_id_of and the pre-checks recognise it';
COMMENT ON COLUMN credit_gz.identity_document_type.source IS '依据 / the rule the layout follows';
COMMENT ON COLUMN credit_gz.identity_document_type.shipped IS '随扩展发布 / shipped with the extension (not dumped)';
INSERT INTO credit_gz.identity_document_type (code, name_zh, name_en, validation, bare_code, source, shipped) VALUES
    ('resident_id', '居民身份证', 'Resident Identity Card', 'gb11643', true,
     'GB 11643-1999《公民身份号码》: 18 characters, MOD 11-2 check character', true),
    ('permanent_residence', '外国人永久居留身份证', 'Foreign Permanent Resident ID Card', 'permanent_residence', true,
     '国家移民管理局《新版外国人永久居留身份证机读信息规则(2023版)》: from 2023-12-01 18 characters, first 9, '
     'MOD 11-2 check character as GB 11643; the 2017 card 15 characters, 3 Latin letters and 12 digits', true),
    ('hk_macao_permit', '港澳居民来往内地通行证', 'Mainland Travel Permit for Hong Kong and Macao Residents', 'hk_macao_permit', true,
     '公安部出入境管理局 港澳居民来往内地通行证号码规则 (2010-03-10): H (香港) or M (澳门), 8-digit lifelong number '
     '(终身号), on the older card 2 digits counting renewals (换证次数)', true),
    ('taiwan_permit', '台湾居民来往大陆通行证', 'Mainland Travel Permit for Taiwan Residents', 'taiwan_permit', false,
     '公安部出入境管理局 台胞证号码"一人一号、终身不变" (2008-09-25): 8-digit lifelong number (台胞终身号); the 1992 '
     'form adds 2 digits counting issues and the issuing office in brackets', true),
    ('passport', '护照', 'Passport', 'passport', false,
     'no national standard for the number; ICAO Doc 9303: numbers in A-Z and 0-9, unique for the issuing state, so '
     'written as the issuing state''s code (Doc 9303 Part 3), "/" and the number', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.identity_document_type', 'WHERE NOT shipped');
-- a catalogue of document kinds, no one's information: readable by every role that names a document type
GRANT SELECT ON credit_gz.identity_document_type TO PUBLIC;

-- identity_document_canonical / identity_document_try: a number in the canonical form of a layout (C,
-- src/identity_document.c); the first raises 22P02 naming the document type, the second returns NULL.
CREATE FUNCTION credit_gz.identity_document_canonical(validation text, document_type text, document_no text)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_identity_document_canonical'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.identity_document_canonical(text, text, text) IS
    '证件号码规范化 / the canonical form of a number under a layout (identity_document_type.validation); 22P02 with '
    'the document type and the rule broken when it is not valid.';
CREATE FUNCTION credit_gz.identity_document_try(validation text, document_no text)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_identity_document_try'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.identity_document_try(text, text) IS
    '证件号码规范化(不报错) / the canonical form of a number under a layout, NULL when it is not valid or the layout is '
    'not one of these (gb11643 is type credit_gz.resident_id).';
CREATE FUNCTION credit_gz.identity_document_mask(document_no text)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_identity_document_mask'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.identity_document_mask(text) IS
    '证件号码脱敏 / a canonical number for public disclosure: first and last two characters, * between.';

-- identity_document_no: a number of a document type in its canonical form, the one definition subject_before and
-- subject_id_of use. resident_id numbers come back in the 18-character form of type credit_gz.resident_id.
CREATE FUNCTION credit_gz.identity_document_no(document_type text, document_no text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v text;
BEGIN
    SELECT t.validation INTO v FROM credit_gz.identity_document_type t WHERE t.code = document_type;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = credit_gz.msg('unknown identity document type "%s"', document_type),
            HINT = credit_gz.msg('The types are the codes of credit_gz.identity_document_type.');
    END IF;
    IF v = 'gb11643' THEN
        RETURN document_no::credit_gz.resident_id::text;
    END IF;
    RETURN credit_gz.identity_document_canonical(v, document_type, document_no);
END
$$;
COMMENT ON FUNCTION credit_gz.identity_document_no(text, text) IS
    '证件号码(规范形式) / the canonical number of a document type (22023 for an unknown type, 22P02 for a number its '
    'layout refuses).';

CREATE TABLE credit_gz.subject (
    subject_id    bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    -- unique across subjects through the lookup tables subject_uscc, subject_resident_id, subject_identity_document
    uscc          credit_gz.uscc,
    resident_id   credit_gz.resident_id,
    identity_document_type text REFERENCES credit_gz.identity_document_type (code) ON UPDATE CASCADE,
    identity_document_no   text,
    name          text   NOT NULL CHECK (btrim(name) <> ''),
    kind          text   NOT NULL CHECK (kind IN ('enterprise', 'individual_business', 'farmer_cooperative',
                                                  'government_agency', 'public_institution', 'social_organization',
                                                  'legal_service_organization', 'other_organization', 'natural_person')),
    status        text   NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deregistered', 'revoked', 'moved_out', 'deceased')),
    registered_on date,
    district      text,
    created_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
    updated_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT subject_one_identity CHECK (num_nonnulls(uscc, resident_id, identity_document_no) = 1),
    CONSTRAINT subject_identity_document CHECK ((identity_document_type IS NULL) = (identity_document_no IS NULL)),
    CONSTRAINT subject_person_kind CHECK ((uscc IS NULL) = (kind = 'natural_person')),
    CONSTRAINT subject_person_status CHECK (kind = 'natural_person' OR status <> 'deceased')
);
COMMENT ON TABLE credit_gz.subject IS
    '信用主体 / credit subjects: organisations by 统一社会信用代码, natural persons by 公民身份号码 or, without one, by '
    'another identity document (外国人永久居留身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 护照) — exactly one '
    'identity each (二(二): 以统一社会信用代码为基础). The district is derived from the code, never typed.';
COMMENT ON COLUMN credit_gz.subject.subject_id IS '主体编号 / subject id (distribution key)';
COMMENT ON COLUMN credit_gz.subject.uscc IS '统一社会信用代码 / unified social credit code (organisations)';
COMMENT ON COLUMN credit_gz.subject.resident_id IS '公民身份号码 / citizen identity number (natural persons)';
COMMENT ON COLUMN credit_gz.subject.identity_document_type IS
    '其他身份证件类型 / identity document of a natural person without a citizen identity number (identity_document_type)';
COMMENT ON COLUMN credit_gz.subject.identity_document_no IS
    '其他身份证件号码 / its number, stored in the canonical form of the type''s layout (identity_document_no)';
COMMENT ON COLUMN credit_gz.subject.name IS '名称或姓名 / name';
COMMENT ON COLUMN credit_gz.subject.kind IS
    '主体类别 / enterprise, individual_business (个体工商户), farmer_cooperative, government_agency, public_institution, '
    'social_organization, legal_service_organization, other_organization, natural_person; filled from the code when omitted';
COMMENT ON COLUMN credit_gz.subject.status IS '状态 / active (存续), deregistered (注销), revoked (吊销), moved_out (迁出), deceased (死亡)';
COMMENT ON COLUMN credit_gz.subject.registered_on IS '成立或登记日期 / registration date';
COMMENT ON COLUMN credit_gz.subject.district IS '所属区 / Guangzhou district derived from the code (NULL outside Guangzhou)';
COMMENT ON COLUMN credit_gz.subject.created_at IS '建档时间 / when the archive was opened';
COMMENT ON COLUMN credit_gz.subject.updated_at IS '更新时间 / last change';
CREATE INDEX subject_district_idx ON credit_gz.subject (district);

-- subject_before: fill kind (from the code's authority and category, GB 32100) and district (from the code), so that
-- neither can disagree with the identity. Natural persons are always 'natural_person'.
CREATE FUNCTION credit_gz.subject_before()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ac     text;
    region text;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    -- an unverified code (check characters wrong, given with !) enters only for a role allowed to keep it
    IF NEW.uscc IS NOT NULL AND NOT credit_gz.uscc_is_verified(NEW.uscc)
       AND (TG_OP = 'INSERT' OR OLD.uscc IS NULL OR NOT NEW.uscc OPERATOR(credit_gz.=) OLD.uscc)
       AND NOT credit_gz.may_store_unverified_code() THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_text_representation',
            MESSAGE = credit_gz.msg('unified code %s has wrong check characters', NEW.uscc::text),
            DETAIL = credit_gz.msg('Subject %s: role %s may not store an unverified code (a DBA decides which roles may, credit_gz.grant_unverified_codes).', NEW.name, CURRENT_USER),
            HINT = credit_gz.msg('Correct the code at its source: credit_gz.uscc_correct gives %s as the likely intended code.', credit_gz.uscc_correct(NEW.uscc)::text);
    END IF;
    IF NEW.uscc IS NOT NULL THEN
        IF NEW.kind IS NULL THEN
            ac := credit_gz.uscc_authority(NEW.uscc) || credit_gz.uscc_category(NEW.uscc);
            NEW.kind := CASE
                WHEN ac = '91' THEN 'enterprise'
                WHEN ac = '92' THEN 'individual_business'
                WHEN ac = '93' THEN 'farmer_cooperative'
                WHEN ac = '11' THEN 'government_agency'
                WHEN ac IN ('12', '13') THEN 'public_institution'
                WHEN ac LIKE '3%' THEN 'legal_service_organization'
                WHEN ac LIKE '5%' OR ac LIKE '8%' THEN 'social_organization'
                ELSE 'other_organization' END;
        END IF;
        NEW.district := credit_gz.uscc_district(NEW.uscc);
    ELSIF NEW.resident_id IS NOT NULL THEN
        region := credit_gz.resident_id_region(NEW.resident_id);
        -- citizens' numbers begin with a province (1–8); 9 marks a foreigner's permanent residence number, which has
        -- the same form and check (国家移民管理局, 2023) and is an identity document of its own
        IF pg_catalog.left(region, 1) = '9' THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = credit_gz.msg('%s is a permanent residence number, not a citizen identity number',
                                            NEW.resident_id::text),
                HINT = credit_gz.msg('Give it as identity_document_type ''permanent_residence'' and identity_document_no.');
        END IF;
        NEW.kind := coalesce(NEW.kind, 'natural_person');
        NEW.district := credit_gz.region_district(region);
    ELSIF NEW.identity_document_no IS NOT NULL OR NEW.identity_document_type IS NOT NULL THEN
        -- the resident identity card has its own column: a second place for it would let one person in twice
        IF EXISTS (SELECT FROM credit_gz.identity_document_type t
                    WHERE t.code = NEW.identity_document_type AND t.validation = 'gb11643') THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = credit_gz.msg('identity document type "%s" is carried by column resident_id',
                                            NEW.identity_document_type),
                HINT = credit_gz.msg('Give the number as resident_id and leave identity_document_type and identity_document_no NULL.');
        END IF;
        -- (a type without a number, or a number without a type, is left to subject_identity_document)
        NEW.identity_document_no := coalesce(credit_gz.identity_document_no(NEW.identity_document_type,
                                                                            NEW.identity_document_no),
                                             NEW.identity_document_no);
        NEW.kind := coalesce(NEW.kind, 'natural_person');
        -- none of these documents names a place of residence in Guangzhou
        NEW.district := NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.uscc IS NULL) <> (NEW.uscc IS NULL) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'subject_person_kind',
                MESSAGE = credit_gz.msg('subject %s cannot change between organisation and natural person',
                                        credit_gz.identity_code(OLD.uscc, OLD.resident_id, OLD.identity_document_type,
                                                                OLD.identity_document_no)),
                DETAIL = credit_gz.msg('A subject''s identity kind is fixed: records were checked against it.'),
                HINT = credit_gz.msg('Create a new subject for the other identity.');
        END IF;
        NEW.updated_at := pg_catalog.now();
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.subject_before() IS
    'BEFORE trigger on credit_gz.subject: kind from the code (GB 32100 authority and category) when omitted, district '
    'always from the code (uscc_district / region_district of resident_id_region; none for other identity documents), '
    'other identity documents'' numbers in canonical form (identity_document_no), updated_at on change.';
CREATE TRIGGER subject_before BEFORE INSERT OR UPDATE ON credit_gz.subject
    FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_before();
COMMENT ON TRIGGER subject_before ON credit_gz.subject IS 'kind and district from the identity code; identity kind immutable.';

-- subject_kind_reset: the record trigger caches subjects' kinds per transaction; a DELETE makes it forget them.
CREATE FUNCTION credit_gz.subject_kind_reset()
RETURNS trigger
AS 'MODULE_PATHNAME', 'credit_gz_subject_kind_reset'
LANGUAGE C
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION credit_gz.subject_kind_reset() IS
    'AFTER DELETE statement trigger on credit_gz.subject: drops the record trigger''s per-transaction cache of subject kinds.';
CREATE TRIGGER subject_deleted AFTER DELETE ON credit_gz.subject
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.subject_kind_reset();
COMMENT ON TRIGGER subject_deleted ON credit_gz.subject IS 'drops the record triggers per-transaction cache of subject kinds.';

-- subject_is_person: whether a subject is a natural person (NULL: no such subject). Used by relation/occupation checks.
CREATE FUNCTION credit_gz.subject_is_person(subject_id bigint)
RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT s.uscc IS NULL FROM credit_gz.subject s WHERE s.subject_id = $1 $$;
COMMENT ON FUNCTION credit_gz.subject_is_person(bigint) IS
    '是否自然人 / true for a natural person, false for an organisation, NULL when the subject does not exist.';

-- identity_code: the one text form of a subject's identity, for messages and disclosure: the unified code, the
-- citizen identity number, or "<document type>:<number>" (the form subject_id_of accepts); persons' numbers masked
-- unless masked is false.
CREATE FUNCTION credit_gz.identity_code(uscc credit_gz.uscc, resident_id credit_gz.resident_id, document_type text,
                                        document_no text, masked boolean DEFAULT true)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
        WHEN $1 IS NOT NULL THEN $1::text
        WHEN $2 IS NOT NULL THEN CASE WHEN $5 IS FALSE THEN $2::text ELSE credit_gz.resident_id_mask($2) END
        WHEN $4 IS NOT NULL THEN $3 || ':' || CASE WHEN $5 IS FALSE THEN $4 ELSE credit_gz.identity_document_mask($4) END
    END
$$;
COMMENT ON FUNCTION credit_gz.identity_code(credit_gz.uscc, credit_gz.resident_id, text, text, boolean) IS
    '主体标识(脱敏) / a subject''s identity as text: unified code, citizen identity number, or "type:number" of '
    'another identity document; natural persons'' numbers masked unless masked is false.';

-- subject_code: how messages name a subject — its identity_code (the unified code, or the masked identity number), as
-- the clerk reading the message knows it; "#<subject id>" only when the caller may not read the subject.
CREATE FUNCTION credit_gz.subject_code(subject_id bigint) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    code text;
BEGIN
    -- a message must not turn into "permission denied": a role that may not read subjects gets the id
    IF pg_catalog.has_table_privilege('credit_gz.subject', 'SELECT') THEN
        SELECT credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type, s.identity_document_no)
          INTO code FROM credit_gz.subject s WHERE s.subject_id = subject_code.subject_id;
    END IF;
    RETURN coalesce(code, '#' || subject_code.subject_id::text);
END
$$;
COMMENT ON FUNCTION credit_gz.subject_code(bigint) IS
    '消息中的主体标识 / how messages name a subject: its unified code or masked identity number (identity_code); '
    '"#<subject id>" when the caller may not read it.';

-- References from one subject's rows to another subject (an employer, a related party, an authorised institution)
-- cannot be foreign keys of tables distributed by subject: the other subject lives on another shard. Each is a
-- constraint trigger on the referencing table, named as PostgreSQL names a foreign key, so that the error and
-- pg_constraint agree, and a trigger of the same name on subject that keeps a referenced subject from going (NO
-- ACTION, as the foreign keys had). Both run as the owner, as foreign-key checks do.

-- subject_reference_check: AFTER INSERT OR UPDATE constraint trigger; argument: the referencing column.
CREATE FUNCTION credit_gz.subject_reference_check()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ref bigint;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_NARGS <> 1 THEN
        RAISE EXCEPTION 'credit_gz.subject_reference_check() must be an AFTER ROW trigger on a credit_gz table naming a column'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    ref := (pg_catalog.to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    IF ref IS NOT NULL AND NOT EXISTS (SELECT FROM credit_gz.subject s WHERE s.subject_id = ref) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME, SCHEMA = TG_TABLE_SCHEMA,
            TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0],
            MESSAGE = credit_gz.msg('insert or update on table "%s" violates foreign key constraint "%s"',
                                        TG_TABLE_NAME, TG_NAME),
            DETAIL = credit_gz.msg('Key (%s)=(%s) is not present in table "subject".', TG_ARGV[0], ref);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION credit_gz.subject_reference_check() FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.subject_reference_check() IS
    '跨主体引用检查 / constraint trigger on a table distributed by subject: the subject its column (TG_ARGV[0]) names '
    'exists (23503, the trigger''s name as constraint), as a foreign key to another shard could not check.';

-- subject_referenced_check: AFTER UPDATE OF subject_id OR DELETE trigger on subject; arguments: the referencing
-- table and column. The constraint reported is the referencing table's (the trigger's name), as PostgreSQL does.
CREATE FUNCTION credit_gz.subject_referenced_check()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    referenced boolean;
BEGIN
    IF TG_RELID <> 'credit_gz.subject'::regclass OR TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_NARGS <> 2 THEN
        RAISE EXCEPTION 'credit_gz.subject_referenced_check() must be an AFTER ROW trigger on credit_gz.subject naming a table and column'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.subject_id = OLD.subject_id THEN
        RETURN NULL;
    END IF;
    EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM credit_gz.%I t WHERE t.%I OPERATOR(pg_catalog.=) $1)',
                              TG_ARGV[0], TG_ARGV[1])
       INTO referenced USING OLD.subject_id;
    IF referenced THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME, SCHEMA = TG_TABLE_SCHEMA,
            TABLE = TG_ARGV[0],
            MESSAGE = credit_gz.msg('update or delete on table "%s" violates foreign key constraint "%s" on table "%s"',
                                        TG_TABLE_NAME, TG_NAME, TG_ARGV[0]),
            DETAIL = credit_gz.msg('Subject %s (subject_id %s) is still referenced from table "%s" (%s).',
                                       credit_gz.identity_code(OLD.uscc, OLD.resident_id, OLD.identity_document_type,
                                                               OLD.identity_document_no),
                                       OLD.subject_id, TG_ARGV[0], TG_ARGV[1]);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION credit_gz.subject_referenced_check() FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.subject_referenced_check() IS
    '被引用主体保护 / AFTER UPDATE OR DELETE trigger on credit_gz.subject: a subject another subject''s rows name '
    '(TG_ARGV: table, column) cannot go or change its id (23503, the referencing constraint''s name).';

CREATE TABLE credit_gz.occupation (
    occupation_id       bigint GENERATED BY DEFAULT AS IDENTITY,
    subject_id          bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    occupation          text   NOT NULL CHECK (occupation IN ('lawyer', 'notary', 'grassroots_legal_worker',
                                    'legal_aid_worker', 'forensic_appraiser', 'civil_servant', 'doctor', 'nurse',
                                    'pharmacist', 'teacher', 'accountant', 'tax_agent', 'registered_engineer',
                                    'tour_guide', 'seafarer', 'other')),
    licence_no          text,
    -- another subject, so no foreign key (shards): occupation_employer_subject_id_fkey checks it
    employer_subject_id bigint,
    department_code     text   REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    valid_from          date   NOT NULL,
    valid_until         date,
    CHECK (valid_until IS NULL OR valid_until > valid_from),
    CONSTRAINT occupation_employer CHECK (employer_subject_id IS DISTINCT FROM subject_id),
    PRIMARY KEY (subject_id, occupation_id)
);
COMMENT ON TABLE credit_gz.occupation IS
    '重点人群职业档案 / occupational archives of key groups of natural persons ((九) 公务员, (十) 律师、公证员、基层法律服务'
    '工作者、法律援助人员、司法鉴定人员, (十五) 重点人群): occupation, licence, employer and period. A record may cite an '
    'occupation of its subject (record.occupation_id) to concern the person in that role.';
COMMENT ON COLUMN credit_gz.occupation.occupation_id IS '职业档案编号 / occupation id';
COMMENT ON COLUMN credit_gz.occupation.subject_id IS '从业人员 / the person (a natural-person subject)';
COMMENT ON COLUMN credit_gz.occupation.occupation IS
    '职业 / lawyer, notary, grassroots_legal_worker, legal_aid_worker, forensic_appraiser, civil_servant, doctor, nurse, '
    'pharmacist, teacher, accountant, tax_agent, registered_engineer, tour_guide, seafarer, other';
COMMENT ON COLUMN credit_gz.occupation.licence_no IS '执业证书编号 / practising licence number';
COMMENT ON COLUMN credit_gz.occupation.employer_subject_id IS '执业机构或工作单位 / employer (an organisation subject)';
COMMENT ON COLUMN credit_gz.occupation.department_code IS '主管部门 / supervising department (e.g. 市司法局 for lawyers)';
COMMENT ON COLUMN credit_gz.occupation.valid_from IS '起始日期 / first day of the period';
COMMENT ON COLUMN credit_gz.occupation.valid_until IS '终止日期 / first day no longer in the occupation (NULL: open)';
CREATE INDEX occupation_employer_idx ON credit_gz.occupation (employer_subject_id);

-- A licence number is unique per occupation across all subjects, which a table distributed by subject cannot declare:
-- the numbers live in a lookup table keyed by them, written with the occupation row by its triggers (code_lookup_sync).
CREATE TABLE credit_gz.occupation_licence (
    occupation    text   NOT NULL,
    licence_no    text   NOT NULL,
    subject_id    bigint NOT NULL,
    occupation_id bigint NOT NULL,
    CONSTRAINT occupation_licence_pkey PRIMARY KEY (occupation, licence_no)
);
COMMENT ON TABLE credit_gz.occupation_licence IS
    '执业证书编号索引 / licence numbers of the occupational archives, one archive per occupation and number: the '
    'global uniqueness a table distributed by subject cannot enforce. Written only by the occupation trigger.';
COMMENT ON COLUMN credit_gz.occupation_licence.occupation IS '职业 / occupation';
COMMENT ON COLUMN credit_gz.occupation_licence.licence_no IS '执业证书编号 / practising licence number';
COMMENT ON COLUMN credit_gz.occupation_licence.subject_id IS '从业人员 / the person holding it';
COMMENT ON COLUMN credit_gz.occupation_licence.occupation_id IS '职业档案编号 / the archive that cites it';
REVOKE ALL ON credit_gz.occupation_licence FROM PUBLIC;

-- code_lookup_sync: keeps a lookup table of codes unique across subjects (subject_uscc, subject_resident_id,
-- subject_identity_document, occupation_licence, record_document) equal
-- to its owner's rows, in the writing statement, so that a code another row holds fails there with 23505 naming it.
-- Arguments: the lookup table, the owner's id column, the code columns (rows with a NULL code have no entry).
-- INSERT and DELETE are statement triggers reading the transition tables code_lookup_new / code_lookup_old (a COPY
-- of millions of records writes the lookup in one INSERT … SELECT); UPDATE is a row trigger, WHEN a key changed.
-- credit_gz is on the search path so that the code columns compare with their types' own equality (uscc,
-- resident_id), which is what their lookup's primary key indexes.
CREATE FUNCTION credit_gz.code_lookup_sync()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, credit_gz, pg_temp
AS $$
DECLARE
    lookup text := TG_ARGV[0];
    id     text := TG_ARGV[1];
    codes  text[] := TG_ARGV[2:];
    cols   text;
    same   text;
    given  text;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_WHEN <> 'AFTER' OR TG_NARGS < 3
       OR (TG_LEVEL = 'ROW') <> (TG_OP = 'UPDATE') THEN
        RAISE EXCEPTION 'credit_gz.code_lookup_sync() must be an AFTER trigger on a credit_gz table (row level for UPDATE only) naming a lookup table, an id and codes'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        EXECUTE pg_catalog.format('TRUNCATE credit_gz.%I', lookup);
        RETURN NULL;
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%I', c), ', '),
           pg_catalog.string_agg(pg_catalog.format('l.%1$I = o.%1$I', c), ' AND '),
           pg_catalog.string_agg(pg_catalog.format('n.%I IS NOT NULL', c), ' AND ')
      INTO cols, same, given
      FROM pg_catalog.unnest(codes) AS c;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE pg_catalog.format('DELETE FROM credit_gz.%I l USING %s o WHERE %s AND l.subject_id = o.subject_id AND l.%I = o.%I',
                                  lookup, CASE WHEN TG_OP = 'UPDATE' THEN '(SELECT ($1).*)' ELSE 'code_lookup_old' END,
                                  same, id, id)
          USING OLD;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        -- the subject's own codes name the subject itself: the id is subject_id, written once
        EXECUTE pg_catalog.format('INSERT INTO credit_gz.%I (%s, subject_id%s) SELECT %s, n.subject_id%s FROM %s n WHERE %s',
                                  lookup, cols, CASE WHEN id <> 'subject_id' THEN pg_catalog.format(', %I', id) ELSE '' END,
                                  (SELECT pg_catalog.string_agg('n.' || pg_catalog.format('%I', c), ', ')
                                     FROM pg_catalog.unnest(codes) AS c),
                                  CASE WHEN id <> 'subject_id' THEN pg_catalog.format(', n.%I', id) ELSE '' END,
                                  CASE WHEN TG_OP = 'UPDATE' THEN '(SELECT ($1).*)' ELSE 'code_lookup_new' END, given)
          USING NEW;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION credit_gz.code_lookup_sync() FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.code_lookup_sync() IS
    '全局唯一编码索引维护 / AFTER trigger keeping a lookup table of codes unique across subjects (TG_ARGV: lookup table, '
    'id column, code columns) equal to the owner''s rows; a code another row holds fails with 23505.';
-- A subject's code is unique across subjects, which a table distributed by subject cannot declare: each kind of code
-- lives in a lookup table keyed by it, written with the subject row by its triggers (code_lookup_sync), so that a
-- second subject with the code fails in the writing statement with 23505 naming the code. The lookups are also the
-- way from a code to its subject (subject_id_of): one probe of the table keyed by the code, where on a cluster an
-- index of subject would be probed on every shard.
CREATE TABLE credit_gz.subject_uscc (
    uscc       credit_gz.uscc NOT NULL,
    subject_id bigint         NOT NULL,
    CONSTRAINT subject_uscc_key PRIMARY KEY (uscc)
);
COMMENT ON TABLE credit_gz.subject_uscc IS
    '统一社会信用代码索引 / unified social credit codes of the subjects, one subject per code. Written only by the '
    'subject triggers.';
COMMENT ON COLUMN credit_gz.subject_uscc.uscc IS '统一社会信用代码 / unified social credit code';
COMMENT ON COLUMN credit_gz.subject_uscc.subject_id IS '信用主体 / the subject holding it';
REVOKE ALL ON credit_gz.subject_uscc FROM PUBLIC;

CREATE TABLE credit_gz.subject_resident_id (
    resident_id credit_gz.resident_id NOT NULL,
    subject_id  bigint                NOT NULL,
    CONSTRAINT subject_resident_id_key PRIMARY KEY (resident_id)
);
COMMENT ON TABLE credit_gz.subject_resident_id IS
    '公民身份号码索引 / citizen identity numbers of the subjects, one subject per number. Written only by the '
    'subject triggers.';
COMMENT ON COLUMN credit_gz.subject_resident_id.resident_id IS '公民身份号码 / citizen identity number';
COMMENT ON COLUMN credit_gz.subject_resident_id.subject_id IS '信用主体 / the person holding it';
REVOKE ALL ON credit_gz.subject_resident_id FROM PUBLIC;

CREATE TABLE credit_gz.subject_identity_document (
    identity_document_type text   NOT NULL,
    identity_document_no   text   NOT NULL,
    subject_id             bigint NOT NULL,
    CONSTRAINT subject_identity_document_key PRIMARY KEY (identity_document_type, identity_document_no)
);
COMMENT ON TABLE credit_gz.subject_identity_document IS
    '其他身份证件索引 / the other identity documents of the subjects, one subject per type and canonical number. '
    'Written only by the subject triggers.';
COMMENT ON COLUMN credit_gz.subject_identity_document.identity_document_type IS '证件类型 / document type';
COMMENT ON COLUMN credit_gz.subject_identity_document.identity_document_no IS '证件号码 / canonical number';
COMMENT ON COLUMN credit_gz.subject_identity_document.subject_id IS '信用主体 / the person holding it';
REVOKE ALL ON credit_gz.subject_identity_document FROM PUBLIC;

CREATE TRIGGER subject_uscc_insert AFTER INSERT ON credit_gz.subject REFERENCING NEW TABLE AS code_lookup_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_uscc', 'subject_id', 'uscc');
COMMENT ON TRIGGER subject_uscc_insert ON credit_gz.subject IS 'new subjects'' unified codes into subject_uscc (one statement).';
CREATE TRIGGER subject_uscc_update AFTER UPDATE OF uscc, subject_id ON credit_gz.subject FOR EACH ROW
    WHEN (OLD.uscc IS DISTINCT FROM NEW.uscc OR OLD.subject_id IS DISTINCT FROM NEW.subject_id)
    EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_uscc', 'subject_id', 'uscc');
COMMENT ON TRIGGER subject_uscc_update ON credit_gz.subject IS 'a changed unified code follows into subject_uscc.';
CREATE TRIGGER subject_uscc_delete AFTER DELETE ON credit_gz.subject REFERENCING OLD TABLE AS code_lookup_old
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_uscc', 'subject_id', 'uscc');
COMMENT ON TRIGGER subject_uscc_delete ON credit_gz.subject IS 'deleted subjects'' unified codes out of subject_uscc (one statement).';
CREATE TRIGGER subject_uscc_truncate AFTER TRUNCATE ON credit_gz.subject
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_uscc', 'subject_id', 'uscc');
COMMENT ON TRIGGER subject_uscc_truncate ON credit_gz.subject IS 'TRUNCATE of subject empties subject_uscc.';
CREATE TRIGGER subject_resident_id_insert AFTER INSERT ON credit_gz.subject REFERENCING NEW TABLE AS code_lookup_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_resident_id', 'subject_id', 'resident_id');
COMMENT ON TRIGGER subject_resident_id_insert ON credit_gz.subject IS 'new subjects'' citizen identity numbers into subject_resident_id (one statement).';
CREATE TRIGGER subject_resident_id_update AFTER UPDATE OF resident_id, subject_id ON credit_gz.subject FOR EACH ROW
    WHEN (OLD.resident_id IS DISTINCT FROM NEW.resident_id OR OLD.subject_id IS DISTINCT FROM NEW.subject_id)
    EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_resident_id', 'subject_id', 'resident_id');
COMMENT ON TRIGGER subject_resident_id_update ON credit_gz.subject IS 'a changed citizen identity number follows into subject_resident_id.';
CREATE TRIGGER subject_resident_id_delete AFTER DELETE ON credit_gz.subject REFERENCING OLD TABLE AS code_lookup_old
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_resident_id', 'subject_id', 'resident_id');
COMMENT ON TRIGGER subject_resident_id_delete ON credit_gz.subject IS 'deleted subjects'' citizen identity numbers out of subject_resident_id (one statement).';
CREATE TRIGGER subject_resident_id_truncate AFTER TRUNCATE ON credit_gz.subject
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_resident_id', 'subject_id', 'resident_id');
COMMENT ON TRIGGER subject_resident_id_truncate ON credit_gz.subject IS 'TRUNCATE of subject empties subject_resident_id.';
CREATE TRIGGER subject_identity_document_insert AFTER INSERT ON credit_gz.subject REFERENCING NEW TABLE AS code_lookup_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_identity_document', 'subject_id', 'identity_document_type', 'identity_document_no');
COMMENT ON TRIGGER subject_identity_document_insert ON credit_gz.subject IS 'new subjects'' other identity documents into subject_identity_document (one statement).';
CREATE TRIGGER subject_identity_document_update AFTER UPDATE OF identity_document_type, identity_document_no, subject_id ON credit_gz.subject FOR EACH ROW
    WHEN (OLD.identity_document_type IS DISTINCT FROM NEW.identity_document_type OR OLD.identity_document_no IS DISTINCT FROM NEW.identity_document_no OR OLD.subject_id IS DISTINCT FROM NEW.subject_id)
    EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_identity_document', 'subject_id', 'identity_document_type', 'identity_document_no');
COMMENT ON TRIGGER subject_identity_document_update ON credit_gz.subject IS 'a changed identity document follows into subject_identity_document.';
CREATE TRIGGER subject_identity_document_delete AFTER DELETE ON credit_gz.subject REFERENCING OLD TABLE AS code_lookup_old
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_identity_document', 'subject_id', 'identity_document_type', 'identity_document_no');
COMMENT ON TRIGGER subject_identity_document_delete ON credit_gz.subject IS 'deleted subjects'' other identity documents out of subject_identity_document (one statement).';
CREATE TRIGGER subject_identity_document_truncate AFTER TRUNCATE ON credit_gz.subject
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('subject_identity_document', 'subject_id', 'identity_document_type', 'identity_document_no');
COMMENT ON TRIGGER subject_identity_document_truncate ON credit_gz.subject IS 'TRUNCATE of subject empties subject_identity_document.';

CREATE TRIGGER occupation_licence_insert AFTER INSERT ON credit_gz.occupation REFERENCING NEW TABLE AS code_lookup_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('occupation_licence', 'occupation_id', 'occupation', 'licence_no');
COMMENT ON TRIGGER occupation_licence_insert ON credit_gz.occupation IS 'new licence numbers into occupation_licence (one statement).';
CREATE TRIGGER occupation_licence_update AFTER UPDATE OF occupation, licence_no, subject_id, occupation_id
    ON credit_gz.occupation FOR EACH ROW
    WHEN (OLD.occupation IS DISTINCT FROM NEW.occupation OR OLD.licence_no IS DISTINCT FROM NEW.licence_no
          OR OLD.subject_id IS DISTINCT FROM NEW.subject_id OR OLD.occupation_id IS DISTINCT FROM NEW.occupation_id)
    EXECUTE FUNCTION credit_gz.code_lookup_sync('occupation_licence', 'occupation_id', 'occupation', 'licence_no');
COMMENT ON TRIGGER occupation_licence_update ON credit_gz.occupation IS 'a changed licence number follows into occupation_licence.';
CREATE TRIGGER occupation_licence_delete AFTER DELETE ON credit_gz.occupation REFERENCING OLD TABLE AS code_lookup_old
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('occupation_licence', 'occupation_id', 'occupation', 'licence_no');
COMMENT ON TRIGGER occupation_licence_delete ON credit_gz.occupation IS 'deleted archives'' licence numbers out of occupation_licence.';
CREATE TRIGGER occupation_licence_truncate AFTER TRUNCATE ON credit_gz.occupation
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('occupation_licence', 'occupation_id', 'occupation', 'licence_no');
COMMENT ON TRIGGER occupation_licence_truncate ON credit_gz.occupation IS 'TRUNCATE of occupation empties occupation_licence.';

-- occupation_check: the holder is a natural person, the employer an organisation.
CREATE FUNCTION credit_gz.occupation_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF credit_gz.subject_is_person(NEW.subject_id) IS FALSE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'occupation_subject_id_fkey',
            MESSAGE = credit_gz.msg('occupational archive for subject %s: the holder must be a natural person',
                                    credit_gz.subject_code(NEW.subject_id)),
            DETAIL = credit_gz.msg('Occupational archives (职业档案) are kept for natural persons of key groups.'),
            HINT = credit_gz.msg('Record the organisation as employer_subject_id and the person as subject_id.');
    END IF;
    IF NEW.employer_subject_id IS NOT NULL AND credit_gz.subject_is_person(NEW.employer_subject_id) IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'occupation_employer',
            MESSAGE = credit_gz.msg('occupational archive for subject %s: the employer must be an organisation',
                                    credit_gz.subject_code(NEW.subject_id)),
            DETAIL = credit_gz.msg('Subject %s is a natural person.', credit_gz.subject_code(NEW.employer_subject_id)),
            HINT = credit_gz.msg('Give the subject_id of the firm, hospital, school or agency.');
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.occupation_check() IS
    'BEFORE trigger on credit_gz.occupation: holder must be a natural person, employer an organisation (23514).';
CREATE TRIGGER occupation_check BEFORE INSERT OR UPDATE ON credit_gz.occupation
    FOR EACH ROW EXECUTE FUNCTION credit_gz.occupation_check();
COMMENT ON TRIGGER occupation_check ON credit_gz.occupation IS 'holder a natural person, employer an organisation.';
CREATE CONSTRAINT TRIGGER occupation_employer_subject_id_fkey AFTER INSERT OR UPDATE OF employer_subject_id
    ON credit_gz.occupation FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_reference_check('employer_subject_id');
COMMENT ON TRIGGER occupation_employer_subject_id_fkey ON credit_gz.occupation IS
    'the employer exists (a foreign key to another subject, checked by trigger).';
CREATE TRIGGER occupation_employer_subject_id_fkey AFTER UPDATE OF subject_id OR DELETE ON credit_gz.subject
    FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_referenced_check('occupation', 'employer_subject_id');
COMMENT ON TRIGGER occupation_employer_subject_id_fkey ON credit_gz.subject IS
    'an employer named by occupational archives stays (NO ACTION).';

CREATE TABLE credit_gz.relation (
    relation_id        bigint  GENERATED BY DEFAULT AS IDENTITY,
    subject_id         bigint  NOT NULL REFERENCES credit_gz.subject (subject_id),
    -- another subject, so no foreign key (shards): relation_related_subject_id_fkey checks it
    related_subject_id bigint  NOT NULL,
    kind               text    NOT NULL CHECK (kind IN ('legal_representative', 'principal_person', 'actual_controller',
                                                        'branch', 'shareholder')),
    share_pct          numeric(7,4) CHECK (share_pct > 0 AND share_pct <= 100),
    valid_from         date    NOT NULL,
    valid_until        date,
    source_department_code text REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    CONSTRAINT relation_not_self CHECK (related_subject_id <> subject_id),
    CONSTRAINT relation_period CHECK (valid_until IS NULL OR valid_until > valid_from),
    CONSTRAINT relation_share CHECK ((kind = 'shareholder') = (share_pct IS NOT NULL)),
    PRIMARY KEY (subject_id, relation_id),
    UNIQUE (subject_id, related_subject_id, kind, valid_from)
);
COMMENT ON TABLE credit_gz.relation IS
    '关联关系 / relations of an organisation: related_subject_id is the kind of subject_id (its legal representative, '
    'principal person, actual controller, branch or shareholder) over [valid_from, valid_until). List entries '
    'propagate along these.';
COMMENT ON COLUMN credit_gz.relation.relation_id IS '关系编号 / relation id';
COMMENT ON COLUMN credit_gz.relation.subject_id IS '组织 / the organisation';
COMMENT ON COLUMN credit_gz.relation.related_subject_id IS '关联方 / the related party';
COMMENT ON COLUMN credit_gz.relation.kind IS
    '关系类型 / legal_representative (法定代表人), principal_person (主要负责人), actual_controller (实际控制人), '
    'branch (分支机构), shareholder (股东)';
COMMENT ON COLUMN credit_gz.relation.share_pct IS '持股比例(%) / share in percent (shareholders only)';
COMMENT ON COLUMN credit_gz.relation.valid_from IS '起始日期 / first day the relation holds';
COMMENT ON COLUMN credit_gz.relation.valid_until IS '终止日期 / first day the relation no longer holds (NULL: open)';
COMMENT ON COLUMN credit_gz.relation.source_department_code IS '信息提供部门 / department that supplied the relation';
CREATE INDEX relation_related_idx ON credit_gz.relation (related_subject_id);

-- relation_check: who may stand in which relation, and one legal representative at a time.
CREATE FUNCTION credit_gz.relation_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    org_person boolean := credit_gz.subject_is_person(NEW.subject_id);
    rel_person boolean := credit_gz.subject_is_person(NEW.related_subject_id);
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF org_person IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_subject_id_fkey',
            MESSAGE = credit_gz.msg('relation %s: subject %s is a natural person, relations belong to organisations',
                                        NEW.kind, credit_gz.subject_code(NEW.subject_id)),
            DETAIL = credit_gz.msg('subject_id is the organisation; related_subject_id is its legal representative, branch, shareholder, ….'),
            HINT = credit_gz.msg('Swap subject_id and related_subject_id.');
    END IF;
    IF NEW.kind IN ('legal_representative', 'principal_person') AND rel_person IS FALSE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_related_subject_id_fkey',
            MESSAGE = credit_gz.msg('relation %s: related subject %s must be a natural person', NEW.kind,
                                    credit_gz.subject_code(NEW.related_subject_id)),
            DETAIL = credit_gz.msg('Legal representatives and principal persons are natural persons.'),
            HINT = credit_gz.msg('Give the subject_id of the person.');
    END IF;
    IF NEW.kind = 'branch' AND rel_person IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_related_subject_id_fkey',
            MESSAGE = credit_gz.msg('relation branch: related subject %s must be an organisation',
                                    credit_gz.subject_code(NEW.related_subject_id)),
            DETAIL = credit_gz.msg('A branch (分支机构) has its own unified social credit code.'),
            HINT = credit_gz.msg('Give the subject_id of the branch.');
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.relation_check() IS
    'BEFORE trigger on credit_gz.relation: the organisation is not a person (23514), representatives are persons and '
    'branches organisations (23514).';
CREATE TRIGGER relation_check BEFORE INSERT OR UPDATE ON credit_gz.relation
    FOR EACH ROW EXECUTE FUNCTION credit_gz.relation_check();
COMMENT ON TRIGGER relation_check ON credit_gz.relation IS 'parties of the right kind.';

-- relation_one_legal_representative: an exclusion constraint that needs no btree_gist, as a constraint trigger of the
-- name its error reports.
CREATE FUNCTION credit_gz.relation_one_legal_representative()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.kind = 'legal_representative' AND EXISTS (
           SELECT FROM credit_gz.relation r
            WHERE r.subject_id = NEW.subject_id AND r.kind = 'legal_representative'
              AND r.relation_id <> NEW.relation_id
              AND daterange(r.valid_from, r.valid_until) && daterange(NEW.valid_from, NEW.valid_until)) THEN
        RAISE EXCEPTION USING ERRCODE = 'exclusion_violation', CONSTRAINT = TG_NAME,
            MESSAGE = credit_gz.msg('subject %s already has a legal representative overlapping %s',
                                        credit_gz.subject_code(NEW.subject_id), daterange(NEW.valid_from, NEW.valid_until)),
            DETAIL = credit_gz.msg('An organisation has one legal representative at a time.'),
            HINT = credit_gz.msg('Close the current one first: UPDATE credit_gz.relation SET valid_until = … (the first day it no longer holds).');
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION credit_gz.relation_one_legal_representative() IS
    'AFTER ROW constraint trigger on credit_gz.relation: one legal representative at a time (23P01).';
CREATE CONSTRAINT TRIGGER relation_one_legal_representative AFTER INSERT OR UPDATE ON credit_gz.relation
    FOR EACH ROW EXECUTE FUNCTION credit_gz.relation_one_legal_representative();
COMMENT ON TRIGGER relation_one_legal_representative ON credit_gz.relation IS 'one legal representative at a time.';
CREATE CONSTRAINT TRIGGER relation_related_subject_id_fkey AFTER INSERT OR UPDATE OF related_subject_id
    ON credit_gz.relation FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_reference_check('related_subject_id');
COMMENT ON TRIGGER relation_related_subject_id_fkey ON credit_gz.relation IS
    'the related party exists (a foreign key to another subject, checked by trigger).';
CREATE TRIGGER relation_related_subject_id_fkey AFTER UPDATE OF subject_id OR DELETE ON credit_gz.subject
    FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_referenced_check('relation', 'related_subject_id');
COMMENT ON TRIGGER relation_related_subject_id_fkey ON credit_gz.subject IS
    'a related party named by relations stays (NO ACTION).';

-- =====================================================================================================================
-- Records
-- =====================================================================================================================

-- A counting record (计分/公示中的记录): one definition, a list of statuses kept in C (score_bulk.c) that the
-- triggers test and SQL reads through record_counts(). record_counts() is inlined and the list is a constant, so a
-- query's `credit_gz.record_counts(r.status)` becomes `r.status = ANY ('{…}')` at plan time, as does the predicate of
-- the partial indexes written with it: the planner matches the two.
CREATE FUNCTION credit_gz.counting_record_statuses()
RETURNS text[]
AS 'MODULE_PATHNAME', 'credit_gz_counting_record_statuses'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.counting_record_statuses() IS
    '计分记录状态 / the record statuses in which a record counts (in publicity or under objection): the one list the '
    'C triggers and record_counts() share.';
CREATE FUNCTION credit_gz.record_counts(status text)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN status = ANY (credit_gz.counting_record_statuses());
COMMENT ON FUNCTION credit_gz.record_counts(text) IS
    '记录是否计分 / whether a record with this status counts — for scoring, reports and the expiry job alike: in '
    'publicity (公示中) or under objection (异议中). Inlined by the planner (partial indexes written with it are used).';

CREATE TABLE credit_gz.record (
    record_id       bigint  GENERATED BY DEFAULT AS IDENTITY,
    subject_id      bigint  NOT NULL REFERENCES credit_gz.subject (subject_id),
    item_code       text    NOT NULL REFERENCES credit_gz.info_item (code) ON UPDATE CASCADE,
    domain_code     text    REFERENCES credit_gz.domain (code) ON UPDATE CASCADE,
    department_code text    NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    document_no     text    NOT NULL CHECK (btrim(document_no) <> ''),
    decision_date   date    NOT NULL,
    severity        text    CHECK (severity IN ('minor', 'general', 'serious', 'specific_serious')),
    disclosure      text    NOT NULL DEFAULT 'public' CHECK (disclosure IN ('public', 'authorised', 'government', 'archived')),
    publicity_rule_id integer,
    publish_from    date,
    repairable_from date,
    publish_until   date,
    status          text    NOT NULL DEFAULT 'in_publicity'
                            CHECK (status IN ('in_publicity', 'repaired', 'expired', 'revoked', 'under_objection')),
    occupation_id   bigint,
    title           text,
    details         jsonb,
    created_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    created_by      name    NOT NULL DEFAULT CURRENT_USER,
    updated_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    penalty_category text   REFERENCES credit_gz.penalty_category (code) ON UPDATE CASCADE,
    deciding_body_uscc credit_gz.uscc,
    source_body_uscc credit_gz.uscc,
    publicity_ended_on date,
    sharing_ended_on date,
    PRIMARY KEY (subject_id, record_id),
    CONSTRAINT record_occupation_fkey FOREIGN KEY (subject_id, occupation_id)
        REFERENCES credit_gz.occupation (subject_id, occupation_id),
    CONSTRAINT record_publicity_rule FOREIGN KEY (publicity_rule_id) REFERENCES credit_gz.publicity_rule (publicity_rule_id),
    CONSTRAINT record_window CHECK (publish_until IS NULL OR publish_from IS NULL OR publish_until >= publish_from),
    -- 停止共享和使用 comes with or after 终止公示 (国家发展改革委令第36号 第三条)
    CONSTRAINT record_end_states CHECK (sharing_ended_on IS NULL
                                        OR (publicity_ended_on IS NOT NULL AND sharing_ended_on >= publicity_ended_on)),
    -- the row-local part of "not decided in the future": not after the day the record was collected, anywhere on
    -- earth (UTC+14 is the first zone to reach a day); the record trigger holds it to the policy date
    CONSTRAINT record_decision_not_future CHECK (decision_date <= (created_at AT TIME ZONE 'Etc/GMT-14')::date),
    -- a decision of an authority of the People's Republic: on a finite day from its founding (-infinity and days BC
    -- would open publicity windows from the beginning of time)
    CONSTRAINT record_decision_since_1949 CHECK (decision_date >= DATE '1949-10-01')
);
COMMENT ON TABLE credit_gz.record IS
    '信用记录 / credit records: one decision document of one department about one subject, citing a catalogue item. '
    'The archive trigger (C) rejects what the rules forbid and computes the publicity window from the rule in force '
    'on the decision date. (department_code, document_no) is unique (credit_gz.record_document): re-sending updates '
    '(credit_gz.load_record). '
    'A record counts for scoring while status is in_publicity or under_objection.';
COMMENT ON COLUMN credit_gz.record.record_id IS '记录编号 / record id';
COMMENT ON COLUMN credit_gz.record.subject_id IS '信用主体 / subject';
COMMENT ON COLUMN credit_gz.record.item_code IS '目录信息项 / catalogue item';
COMMENT ON COLUMN credit_gz.record.domain_code IS '监管领域 / supervision domain (NULL: not domain specific)';
COMMENT ON COLUMN credit_gz.record.department_code IS '认定部门 / department that made the decision (谁认定、谁约谈)';
COMMENT ON COLUMN credit_gz.record.document_no IS '决定文书号 / decision document number';
COMMENT ON COLUMN credit_gz.record.decision_date IS '决定日期 / decision date (periods run from it)';
COMMENT ON COLUMN credit_gz.record.severity IS '处罚失信程度 / minor, general, serious, specific_serious for administrative penalties (NULL for every other item)';
COMMENT ON COLUMN credit_gz.record.disclosure IS '公开方式 / public (社会公开), authorised (授权查询), government (政务共享), archived (归档)';
COMMENT ON COLUMN credit_gz.record.publicity_rule_id IS '适用公示规则 / publicity rule in force on the decision date (filled by the database)';
COMMENT ON COLUMN credit_gz.record.publish_from IS '公示起始日 / first day of publicity (the decision date)';
COMMENT ON COLUMN credit_gz.record.repairable_from IS '可申请修复日 / first day repair may be applied for (NULL: not repairable)';
COMMENT ON COLUMN credit_gz.record.publish_until IS '公示截止日 / first day no longer published (exclusive; NULL: no limit)';
COMMENT ON COLUMN credit_gz.record.status IS '状态 / in_publicity (公示中), repaired (已修复), expired (期满归档), revoked (撤销), under_objection (异议中)';
COMMENT ON COLUMN credit_gz.record.occupation_id IS '职业档案 / occupation of the subject the record concerns (NULL: none)';
COMMENT ON COLUMN credit_gz.record.title IS '事由 / short description';
COMMENT ON COLUMN credit_gz.record.details IS '明细 / further fields, e.g. those the 双公示 standard requires (see credit_gz.double_publicity_field)';
COMMENT ON COLUMN credit_gz.record.created_at IS '归集时间 / when the record was collected';
COMMENT ON COLUMN credit_gz.record.created_by IS '归集用户 / database role that collected it';
COMMENT ON COLUMN credit_gz.record.updated_at IS '更新时间 / last change';
COMMENT ON COLUMN credit_gz.record.penalty_category IS
    '处罚类别 / category of the penalty (行政处罚法 art. 9, credit_gz.penalty_category); NULL for other items and for '
    'penalties loaded without it (credit_gz.record_penalty_category() then reads details->>''penalty_type'')';
COMMENT ON COLUMN credit_gz.record.deciding_body_uscc IS
    '处罚机关/许可机关统一社会信用代码 / unified code of the body that decided (the national format''s 处罚机关 or 许可机关, '
    'which may be an office of the department); its name is details->>''deciding_body''';
COMMENT ON COLUMN credit_gz.record.source_body_uscc IS
    '数据来源单位统一社会信用代码 / unified code of the body that supplied the data (数据来源单位); its name is '
    'details->>''source_body''';
COMMENT ON COLUMN credit_gz.record.publicity_ended_on IS
    '终止公示日 / first day the record is no longer public (repair or end of its publicity period; filled by the '
    'database, credit_gz.end_state_rule); NULL: not ended';
COMMENT ON COLUMN credit_gz.record.sharing_ended_on IS
    '停止共享和使用日 / first day the record is no longer shared with departments, local governments and third-party '
    'credit service agencies (国家发展改革委令第36号 第三条; filled by the database); NULL: sharing does not end';
-- Repair applications and objections name a record by its id alone (repair_submit, objection_submit).
-- record_penalty_category: the 处罚类别 of a penalty record, the one reading rules and reports use: the column, or
-- for a record loaded before the column existed the first category its details->>'penalty_type' names (the text the
-- national format sends, several categories separated by 、，; or /).
CREATE FUNCTION credit_gz.record_penalty_category(penalty_category text, details jsonb)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce(penalty_category,
                (SELECT c.code FROM credit_gz.penalty_category c
                  WHERE c.name_zh OPERATOR(pg_catalog.=) pg_catalog.btrim(pg_catalog.split_part(
                            pg_catalog.translate(pg_catalog.btrim(details OPERATOR(pg_catalog.->>) 'penalty_type'),
                                                 '、，,；;/', '||||||'), '|', 1))));
COMMENT ON FUNCTION credit_gz.record_penalty_category(text, jsonb) IS
    '记录的处罚类别 / the penalty category (credit_gz.penalty_category.code) of a record: record.penalty_category, else '
    'the first category named by details->>''penalty_type'' (records loaded without the column); NULL if neither. '
    'Call it as record_penalty_category(r.penalty_category, r.details).';
CREATE INDEX record_id_idx ON credit_gz.record (record_id);
CREATE INDEX record_publish_until_idx ON credit_gz.record (publish_until) WHERE credit_gz.record_counts(status);

-- (department_code, document_no) identifies a decision across all subjects, which a table distributed by subject
-- cannot declare unique: the pairs live in a lookup table keyed by them, written by record's triggers in the writing
-- statement (code_lookup_sync). A duplicate fails there (23505, constraint record_document_key, the key in the detail).
CREATE TABLE credit_gz.record_document (
    department_code text   NOT NULL,
    document_no     text   NOT NULL,
    subject_id      bigint NOT NULL,
    record_id       bigint NOT NULL,
    CONSTRAINT record_document_key PRIMARY KEY (department_code, document_no)
);
COMMENT ON TABLE credit_gz.record_document IS
    '决定文书号索引 / decision documents of the records: one record per department and document number, across all '
    'subjects. Written only by the record triggers; credit_gz.load_record finds re-sent documents here.';
COMMENT ON COLUMN credit_gz.record_document.department_code IS '认定部门 / department that made the decision';
COMMENT ON COLUMN credit_gz.record_document.document_no IS '决定文书号 / decision document number';
COMMENT ON COLUMN credit_gz.record_document.subject_id IS '信用主体 / subject of the record';
COMMENT ON COLUMN credit_gz.record_document.record_id IS '记录编号 / the record';
REVOKE ALL ON credit_gz.record_document FROM PUBLIC;

CREATE TRIGGER record_document_insert AFTER INSERT ON credit_gz.record REFERENCING NEW TABLE AS code_lookup_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('record_document', 'record_id', 'department_code', 'document_no');
COMMENT ON TRIGGER record_document_insert ON credit_gz.record IS 'new records'' documents into record_document (one statement).';
CREATE TRIGGER record_document_update AFTER UPDATE OF department_code, document_no, subject_id, record_id
    ON credit_gz.record FOR EACH ROW
    WHEN (OLD.department_code IS DISTINCT FROM NEW.department_code OR OLD.document_no IS DISTINCT FROM NEW.document_no
          OR OLD.subject_id IS DISTINCT FROM NEW.subject_id OR OLD.record_id IS DISTINCT FROM NEW.record_id)
    EXECUTE FUNCTION credit_gz.code_lookup_sync('record_document', 'record_id', 'department_code', 'document_no');
COMMENT ON TRIGGER record_document_update ON credit_gz.record IS 'a changed document number or subject follows into record_document.';
CREATE TRIGGER record_document_delete AFTER DELETE ON credit_gz.record REFERENCING OLD TABLE AS code_lookup_old
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('record_document', 'record_id', 'department_code', 'document_no');
COMMENT ON TRIGGER record_document_delete ON credit_gz.record IS 'deleted records'' documents out of record_document (one statement).';
CREATE TRIGGER record_document_truncate AFTER TRUNCATE ON credit_gz.record
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.code_lookup_sync('record_document', 'record_id', 'department_code', 'document_no');
COMMENT ON TRIGGER record_document_truncate ON credit_gz.record IS 'TRUNCATE of record empties record_document.';

-- search_path pinned, and besides every query src/archive.c runs is schema-qualified, operators included.
CREATE FUNCTION credit_gz.record_before()
RETURNS trigger
AS 'MODULE_PATHNAME', 'credit_gz_record_before'
LANGUAGE C
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION credit_gz.record_before() IS
    'BEFORE INSERT OR UPDATE trigger on credit_gz.record (C, cached catalogues): rejects items not in the catalogue '
    '(23503), future decision dates, items not applicable to the subject kind, negative records of 十七 items against '
    'natural persons, missing or misplaced severity (23514), severities the rule table does not know on the decision '
    'date (23503); fills publicity_rule_id and the publicity window; marks already-ended windows expired on insert.';
CREATE TRIGGER record_before BEFORE INSERT OR UPDATE ON credit_gz.record
    FOR EACH ROW EXECUTE FUNCTION credit_gz.record_before();
COMMENT ON TRIGGER record_before ON credit_gz.record IS 'the archive rules and the publicity window (C, cached catalogues).';

-- catalogue_changed: the record trigger caches info_item, publicity_rule, domain and department per backend; any change to them
-- sends a relcache invalidation, which every backend (this one included, and on rollback) turns into a cache reset.
CREATE FUNCTION credit_gz.catalogue_changed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'credit_gz_catalogue_changed'
LANGUAGE C
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION credit_gz.catalogue_changed() IS
    'AFTER STATEMENT trigger on the cached catalogues: invalidates the record trigger''s per-backend caches everywhere.';
CREATE TRIGGER info_item_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.info_item
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.catalogue_changed();
COMMENT ON TRIGGER info_item_changed ON credit_gz.info_item IS 'resets the record triggers catalogue cache in every backend.';
CREATE TRIGGER publicity_rule_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.publicity_rule
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.catalogue_changed();
COMMENT ON TRIGGER publicity_rule_changed ON credit_gz.publicity_rule IS 'resets the record triggers catalogue cache in every backend.';
CREATE TRIGGER domain_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.domain
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.catalogue_changed();
COMMENT ON TRIGGER domain_changed ON credit_gz.domain IS 'resets the record triggers catalogue cache in every backend.';
CREATE TRIGGER department_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.department
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.catalogue_changed();
COMMENT ON TRIGGER department_changed ON credit_gz.department IS 'resets the record triggers catalogue cache in every backend (department systems).';

-- publicity_rule_for: the rule the record trigger chooses, for reports and tests. The precedence is the trigger's own
-- (find_rule in src/archive.c, over its cached rules), asked through publicity_rule_id_for.
CREATE FUNCTION credit_gz.publicity_rule_id_for(decision_date date, severity text, domain_code text DEFAULT NULL)
RETURNS integer
AS 'MODULE_PATHNAME', 'credit_gz_publicity_rule_id_for'
LANGUAGE C STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION credit_gz.publicity_rule_id_for(date, text, text) IS
    '适用公示规则编号 / the publicity_rule_id of the publicity rule the record trigger applies on a decision date to a severity '
    'and domain (its cached rules and precedence); NULL when none applies.';
CREATE FUNCTION credit_gz.publicity_rule_id_for(decision_date date, severity text, domain_code text,
                                                department_code text, penalty_category text, item_code text)
RETURNS integer
AS 'MODULE_PATHNAME', 'credit_gz_publicity_rule_id_for'
LANGUAGE C STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION credit_gz.publicity_rule_id_for(date, text, text, text, text, text) IS
    '适用公示规则编号 / the publicity_rule_id of the rule the record trigger applies to a record with this decision date, '
    'severity, domain, deciding department, penalty category (credit_gz.record_penalty_category) and item; NULL when '
    'none applies. The three-argument form asks for a record of no particular department, category or item.';
CREATE FUNCTION credit_gz.publicity_rule_for(decision_date date, severity text, domain_code text DEFAULT NULL)
RETURNS credit_gz.publicity_rule
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT r.*
      FROM credit_gz.publicity_rule r
     WHERE r.publicity_rule_id OPERATOR(pg_catalog.=) credit_gz.publicity_rule_id_for($1, $2, $3)
$$;
COMMENT ON FUNCTION credit_gz.publicity_rule_for(date, text, text) IS
    '适用公示规则 / the publicity rule in force on a decision date for a severity and domain: a rule for the domain '
    'beats one for its parent, which beats one for all domains; NULL when none applies.';

-- load_record: idempotent loading. (department_code, document_no) identifies a decision; re-sending it updates the
-- content (the trigger recomputes the window if the decision date, severity, domain or item changed) and never
-- touches the lifecycle status, which belongs to repair and objection handling.
-- publicity_deadline is the 公示截止期 of the national 双公示 format: the last day published. It is converted here,
-- once, to publish_until (the first day no longer published); it may end publicity before the rule's maximum,
-- never after it, and it changes the window only while the record is in publicity.
CREATE FUNCTION credit_gz.load_record(
    department_code text, document_no text, subject_id bigint, item_code text, decision_date date,
    domain_code text DEFAULT NULL, severity text DEFAULT NULL, disclosure text DEFAULT 'public',
    title text DEFAULT NULL, details jsonb DEFAULT NULL, occupation_id bigint DEFAULT NULL,
    publicity_deadline date DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    doc credit_gz.record_document;
    id  bigint;
    con text;
    rec record;
    until date;
BEGIN
    LOOP
        SELECT d.* INTO doc FROM credit_gz.record_document d WHERE d.department_code = $1 AND d.document_no = $2;
        IF FOUND THEN
            UPDATE credit_gz.record r
               SET subject_id = $3, item_code = $4, decision_date = $5, domain_code = $6, severity = $7,
                   disclosure = coalesce($8, 'public'), title = $9, details = $10, occupation_id = $11
             WHERE r.subject_id = doc.subject_id AND r.record_id = doc.record_id
            RETURNING r.record_id INTO id;
            EXIT WHEN FOUND;
        ELSE
            BEGIN
                INSERT INTO credit_gz.record AS r (department_code, document_no, subject_id, item_code, decision_date,
                                                   domain_code, severity, disclosure, title, details, occupation_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, 'public'), $9, $10, $11)
                RETURNING r.record_id INTO id;
                EXIT;
            EXCEPTION WHEN unique_violation THEN
                -- a concurrent load of the same document committed first: update it on the next round
                GET STACKED DIAGNOSTICS con = CONSTRAINT_NAME;
                IF con IS DISTINCT FROM 'record_document_key' THEN
                    RAISE;
                END IF;
            END;
        END IF;
    END LOOP;
    IF $12 IS NULL THEN
        RETURN id;
    END IF;

    until := credit_gz.exclusive_end($12);
    SELECT r.status, r.publish_until,
           coalesce(s.uscc::text, credit_gz.resident_id_mask(s.resident_id), r.subject_id::text) AS code,
           credit_gz.add_months(r.decision_date, p.max_months) AS rule_until
      INTO rec
      FROM credit_gz.record r
      LEFT JOIN credit_gz.subject s ON s.subject_id = r.subject_id
      LEFT JOIN credit_gz.publicity_rule p ON p.publicity_rule_id = r.publicity_rule_id
     WHERE r.subject_id = $3 AND r.record_id = id;
    IF rec.rule_until IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
                  MESSAGE = credit_gz.msg('record "%s" of subject %s has no publicity period, so it takes no 公示截止期', $2, rec.code),
                  DETAIL = credit_gz.msg('Only negative records with a publicity rule in force on their decision date are published for a period.'),
                  HINT = credit_gz.msg('Leave publicity_deadline NULL for this record.');
    END IF;
    IF until > rec.rule_until THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'record_publicity_rule',
                  MESSAGE = credit_gz.msg('record "%s" of subject %s: 公示截止期 %s is after the last day the publicity rule allows, %s',
                                          $2, rec.code, pg_catalog.to_char($12, 'YYYY-MM-DD'),
                                          pg_catalog.to_char(credit_gz.inclusive_end(rec.rule_until), 'YYYY-MM-DD')),
                  DETAIL = credit_gz.msg('公示截止期 is the last day published; the maximum publicity period of the rule in force on the decision date ends the day before publish_until.'),
                  HINT = credit_gz.msg('Send the 公示截止期 the department decided, on or before the rule''s last day.');
    END IF;
    IF rec.status = 'in_publicity' AND rec.publish_until IS DISTINCT FROM until THEN
        UPDATE credit_gz.record r SET publish_until = until WHERE r.subject_id = $3 AND r.record_id = id;
    END IF;
    RETURN id;
END
$$;
COMMENT ON FUNCTION credit_gz.load_record(text, text, bigint, text, date, text, text, text, text, jsonb, bigint, date) IS
    '归集信用记录 / load one record idempotently: a (department_code, document_no) already in credit_gz.record_document '
    'updates its record, else a new record is inserted; returns record_id. Status is kept on re-send. '
    'publicity_deadline: the 公示截止期 as the national format sends it (the last day published), stored as '
    'publish_until = 公示截止期 + 1; it may shorten the rule''s window while the record is in publicity, never lengthen '
    'it (23514). Bulk: COPY into a staging table, then MERGE through record_document (doc/archive.md).';

-- =====================================================================================================================
-- Commitments (信用承诺, 二(一)(三))
-- =====================================================================================================================

CREATE TABLE credit_gz.commitment (
    commitment_id   bigint  GENERATED BY DEFAULT AS IDENTITY,
    subject_id      bigint  NOT NULL REFERENCES credit_gz.subject (subject_id),
    kind            text    NOT NULL CHECK (kind IN ('notification_approval', 'industry_self_discipline',
                                                     'credit_repair', 'voluntary', 'other')),
    matter          text    NOT NULL CHECK (btrim(matter) <> ''),
    matter_ref      text,
    department_code text    NOT NULL REFERENCES credit_gz.department (code) ON UPDATE CASCADE,
    domain_code     text    REFERENCES credit_gz.domain (code) ON UPDATE CASCADE,
    is_public       boolean NOT NULL DEFAULT true,
    made_on         date    NOT NULL DEFAULT credit_gz.policy_date(),
    due_date        date,
    status          text    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fulfilled', 'not_fulfilled')),
    determined_on   date,
    breach_document_no text,
    record_id       bigint,
    updated_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CHECK (due_date IS NULL OR due_date >= made_on),
    PRIMARY KEY (subject_id, commitment_id),
    CONSTRAINT commitment_record_id_fkey FOREIGN KEY (subject_id, record_id) REFERENCES credit_gz.record (subject_id, record_id)
);
COMMENT ON TABLE credit_gz.commitment IS
    '信用承诺 / credit commitments (二(一): 告知承诺、行业自律承诺; 信用广州 信用承诺专栏). Marking one not_fulfilled pushes '
    'a negative record (commitment_breach) into the archive in the same transaction, linked by record_id (二(三)).';
COMMENT ON COLUMN credit_gz.commitment.commitment_id IS '承诺编号 / commitment id';
COMMENT ON COLUMN credit_gz.commitment.subject_id IS '承诺主体 / subject that committed';
COMMENT ON COLUMN credit_gz.commitment.kind IS
    '承诺类型 / notification_approval (告知承诺), industry_self_discipline (行业自律承诺), credit_repair (信用修复承诺), voluntary (主动承诺), other';
COMMENT ON COLUMN credit_gz.commitment.matter IS '承诺事项 / the approval or matter committed to';
COMMENT ON COLUMN credit_gz.commitment.matter_ref IS '事项编号 / reference of the approval or matter';
COMMENT ON COLUMN credit_gz.commitment.department_code IS '受理和监督部门 / department that accepted and checks the commitment';
COMMENT ON COLUMN credit_gz.commitment.domain_code IS '监管领域 / domain';
COMMENT ON COLUMN credit_gz.commitment.is_public IS '是否公示 / shown in the 信用承诺 column of 信用广州';
COMMENT ON COLUMN credit_gz.commitment.made_on IS '承诺日期 / date made';
COMMENT ON COLUMN credit_gz.commitment.due_date IS '履行期限 / due date';
COMMENT ON COLUMN credit_gz.commitment.status IS '履行状态 / pending (待核查), fulfilled (已履行), not_fulfilled (未履行)';
COMMENT ON COLUMN credit_gz.commitment.determined_on IS '不履行认定日期 / date the breach was determined (default: the day marked)';
COMMENT ON COLUMN credit_gz.commitment.breach_document_no IS '认定文书号 / document number of the breach (default: CMT-<commitment_id>)';
COMMENT ON COLUMN credit_gz.commitment.record_id IS '失信记录 / the negative record pushed for the breach';
COMMENT ON COLUMN credit_gz.commitment.updated_at IS '更新时间 / last change';
CREATE INDEX commitment_record_idx ON credit_gz.commitment (subject_id, record_id);
CREATE INDEX commitment_due_idx ON credit_gz.commitment (due_date) WHERE status = 'pending';

-- commitment_before: 二(三) 不履行承诺信息推送: entering not_fulfilled loads the breach record (idempotently) and links
-- it; leaving not_fulfilled (a corrected determination) revokes that record. All in the caller's transaction.
CREATE FUNCTION credit_gz.commitment_before()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status = 'not_fulfilled' AND (TG_OP = 'INSERT' OR OLD.status <> 'not_fulfilled') THEN
        NEW.determined_on := coalesce(NEW.determined_on, credit_gz.policy_date());
        NEW.breach_document_no := coalesce(NEW.breach_document_no, 'CMT-' || NEW.commitment_id);
        NEW.record_id := credit_gz.load_record(
            NEW.department_code, NEW.breach_document_no, NEW.subject_id, 'commitment_breach', NEW.determined_on,
            NEW.domain_code, NULL, CASE WHEN NEW.is_public THEN 'public' ELSE 'government' END,
            '不履行信用承诺: ' || NEW.matter,
            pg_catalog.jsonb_build_object('commitment_id', NEW.commitment_id, 'kind', NEW.kind,
                                          'matter_ref', NEW.matter_ref, 'due_date', NEW.due_date));
        UPDATE credit_gz.record SET status = 'in_publicity'
         WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id AND status = 'revoked';
    ELSIF TG_OP = 'UPDATE' AND OLD.status = 'not_fulfilled' AND NEW.status <> 'not_fulfilled'
          AND OLD.record_id IS NOT NULL THEN
        UPDATE credit_gz.record SET status = 'revoked' WHERE subject_id = OLD.subject_id AND record_id = OLD.record_id;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := pg_catalog.now();
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.commitment_before() IS
    'BEFORE trigger on credit_gz.commitment: not_fulfilled pushes a commitment_breach record (same transaction) and '
    'links it; leaving not_fulfilled revokes it.';
CREATE TRIGGER commitment_before BEFORE INSERT OR UPDATE ON credit_gz.commitment
    FOR EACH ROW EXECUTE FUNCTION credit_gz.commitment_before();
COMMENT ON TRIGGER commitment_before ON credit_gz.commitment IS 'not_fulfilled pushes the breach record (二(三)); leaving it revokes the record.';

-- =====================================================================================================================
-- Audit log
-- =====================================================================================================================

-- Two tables, split by whether the audited row belongs to a subject: audit_log is keyed (subject_id, audit_id), so it
-- can be distributed with the subject's other rows; rows of rule and catalogue tables (calendar, deadline_rule, …)
-- have no subject and go to catalogue_audit_log. audit_trigger() chooses by the table it fires on.
CREATE TABLE credit_gz.audit_log (
    subject_id bigint      NOT NULL,
    audit_id   bigint      GENERATED BY DEFAULT AS IDENTITY,
    table_name text        NOT NULL,
    row_key    text,
    action     text        NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    old_row    jsonb,
    new_row    jsonb,
    actor      name        NOT NULL DEFAULT SESSION_USER,
    role_name  name        NOT NULL DEFAULT CURRENT_USER,
    xid        xid8        NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
    at         timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
    seq        bigint      NOT NULL,
    PRIMARY KEY (subject_id, audit_id)
);
COMMENT ON TABLE credit_gz.audit_log IS
    '操作审计日志 / audit log of subjects'' rows: every change to audited tables whose rows carry a subject_id, with the '
    'old and new row, who and when; keyed by subject. Append-only for applications (they have no UPDATE or DELETE on '
    'it); written by credit_gz.audit_trigger(). Changes to rule and catalogue rows: credit_gz.catalogue_audit_log.';
COMMENT ON COLUMN credit_gz.audit_log.subject_id IS '信用主体 / subject_id of the changed row';
COMMENT ON COLUMN credit_gz.audit_log.audit_id IS '审计编号 / audit id';
COMMENT ON COLUMN credit_gz.audit_log.table_name IS '表名 / schema-qualified table';
COMMENT ON COLUMN credit_gz.audit_log.row_key IS '行键 / key of the changed row (the key columns'' values, comma-separated)';
COMMENT ON COLUMN credit_gz.audit_log.action IS '操作 / INSERT, UPDATE or DELETE';
COMMENT ON COLUMN credit_gz.audit_log.old_row IS '变更前 / row before (UPDATE, DELETE)';
COMMENT ON COLUMN credit_gz.audit_log.new_row IS '变更后 / row after (INSERT, UPDATE)';
COMMENT ON COLUMN credit_gz.audit_log.actor IS '登录用户 / session user';
COMMENT ON COLUMN credit_gz.audit_log.role_name IS '执行角色 / the role that made the change (the session''s SET ROLE, else the session user)';
COMMENT ON COLUMN credit_gz.audit_log.xid IS '事务号 / transaction id';
COMMENT ON COLUMN credit_gz.audit_log.at IS
    '时间 / when the change took effect: read after the changed row''s and the subject''s locks were granted '
    '(clock_timestamp()), so later than the commit of any change it waited for';
COMMENT ON COLUMN credit_gz.audit_log.seq IS
    '变动序号 / the change''s number among the subject''s audited changes, in the order they took effect (taken under '
    'the subject''s lock): breaks ties of at';
CREATE INDEX audit_log_table_key_idx ON credit_gz.audit_log (table_name, row_key);
CREATE INDEX audit_log_subject_seq_idx ON credit_gz.audit_log (subject_id, seq);

CREATE TABLE credit_gz.catalogue_audit_log (
    audit_id   bigint      GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    table_name text        NOT NULL,
    row_key    text,
    action     text        NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    old_row    jsonb,
    new_row    jsonb,
    actor      name        NOT NULL DEFAULT SESSION_USER,
    role_name  name        NOT NULL DEFAULT CURRENT_USER,
    xid        xid8        NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
    at         timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE credit_gz.catalogue_audit_log IS
    '目录与规则审计日志 / audit log of rule and catalogue rows, which belong to no subject (working-day calendar, '
    'deadline rules, …): the same columns as credit_gz.audit_log without subject_id. Append-only for applications; '
    'written by credit_gz.audit_trigger().';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.audit_id IS '审计编号 / audit id';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.table_name IS '表名 / schema-qualified table';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.row_key IS '行键 / key of the changed row (the key columns'' values, comma-separated)';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.action IS '操作 / INSERT, UPDATE or DELETE';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.old_row IS '变更前 / row before (UPDATE, DELETE)';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.new_row IS '变更后 / row after (INSERT, UPDATE)';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.actor IS '登录用户 / session user';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.role_name IS '执行角色 / the role that made the change (the session''s SET ROLE, else the session user)';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.xid IS '事务号 / transaction id';
COMMENT ON COLUMN credit_gz.catalogue_audit_log.at IS '时间 / transaction time';
CREATE INDEX catalogue_audit_log_table_key_idx ON credit_gz.catalogue_audit_log (table_name, row_key);

-- ---------------------------------------------------------------------------------------------------------------
-- Retention of the audit logs (data with effective dates, like the query log's): credit_gz.purge_audit_log()
-- removes entries of audit_log and catalogue_audit_log older than the period in force, and nothing else does.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.audit_log_retention (
    effective_from date     NOT NULL PRIMARY KEY,
    retention      interval NOT NULL CHECK (retention >= interval '1 year'),
    basis          text     NOT NULL,
    shipped        boolean  NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.audit_log_retention IS
    '审计日志保存期限 / audit-log retention period, by the date it took effect; credit_gz.purge_audit_log() keeps '
    'entries younger than the period in force. At least one year, so a year of changes is always auditable.';
COMMENT ON COLUMN credit_gz.audit_log_retention.effective_from IS '生效日期 / date the period took effect';
COMMENT ON COLUMN credit_gz.audit_log_retention.retention IS '保存期限 / how long entries are kept';
COMMENT ON COLUMN credit_gz.audit_log_retention.basis IS '依据 / basis (rule or decision) for the period';
COMMENT ON COLUMN credit_gz.audit_log_retention.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
-- Five years, as the query log: the longest publicity of negative information under 《广州市公共信用信息管理规定》
-- (2024), so every change to anything that was ever published stays traceable while it may be published.
INSERT INTO credit_gz.audit_log_retention (effective_from, retention, basis) VALUES
    ('2020-01-01', interval '5 years',
     '默认: 与《广州市公共信用信息管理规定》失信信息最长公开期限(5年)及查询日志保存期限一致 / default: the 5-year maximum publicity of negative information, as the query log');
ALTER TABLE credit_gz.audit_log_retention ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.audit_log_retention', 'WHERE NOT shipped');

-- audit_log_retention_at: the retention period in force on a day (the latest row that took effect by then).
CREATE FUNCTION credit_gz.audit_log_retention_at(day date) RETURNS interval
LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
    SELECT r.retention FROM credit_gz.audit_log_retention r WHERE r.effective_from <= day
     ORDER BY r.effective_from DESC LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.audit_log_retention_at(date) IS
    '审计日志保存期限 / the audit-log retention period in force on a day (credit_gz.audit_log_retention).';

-- purge_audit_log: the one way entries leave the audit logs. SECURITY DEFINER (applications have no right on them)
-- and not executable by PUBLIC. as_of only moves the cutoff into the past, so no call removes a recent entry.
CREATE FUNCTION credit_gz.purge_audit_log(as_of timestamptz DEFAULT pg_catalog.now(), batch_size integer DEFAULT 10000)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    at_time timestamptz := least(coalesce(as_of, pg_catalog.now()), pg_catalog.now());
    run_day date := credit_gz.policy_date(least(coalesce(as_of, pg_catalog.now()), pg_catalog.now()));
    cutoff  timestamptz;
    n       bigint;
    total   bigint := 0;
    started timestamptz := pg_catalog.clock_timestamp();
    failed_state text;
    failed_message text;
    failed_detail text;
BEGIN
    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('batch_size must be positive'), ERRCODE = '22023';
    END IF;
    cutoff := at_time - credit_gz.audit_log_retention_at(run_day);
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('purge_audit_log')) THEN
        PERFORM credit_gz.job_run_record('purge_audit_log', run_day, started,
                                         '{"skipped": "another purge_audit_log is in progress"}');
        RETURN 0;
    END IF;
    BEGIN
        LOOP
            DELETE FROM credit_gz.audit_log a
             WHERE (a.subject_id, a.audit_id) IN (SELECT l.subject_id, l.audit_id FROM credit_gz.audit_log l
                                                   WHERE l.at < cutoff
                                                   ORDER BY l.at LIMIT batch_size FOR UPDATE SKIP LOCKED);
            GET DIAGNOSTICS n = ROW_COUNT;
            total := total + n;
            EXIT WHEN n < batch_size;
        END LOOP;
        LOOP
            DELETE FROM credit_gz.catalogue_audit_log a
             WHERE a.audit_id IN (SELECT l.audit_id FROM credit_gz.catalogue_audit_log l
                                   WHERE l.at < cutoff
                                   ORDER BY l.at LIMIT batch_size FOR UPDATE SKIP LOCKED);
            GET DIAGNOSTICS n = ROW_COUNT;
            total := total + n;
            EXIT WHEN n < batch_size;
        END LOOP;
    EXCEPTION WHEN OTHERS THEN
        -- the deletes are rolled back with this block's subtransaction; the failure is logged in the caller's
        -- transaction, so it stays when that commits (pg_cron's does)
        GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT,
                                failed_detail = PG_EXCEPTION_DETAIL;
    END;
    IF failed_state IS NOT NULL THEN
        PERFORM credit_gz.job_run_record('purge_audit_log', run_day, started, NULL, failed_state,
                                         concat_ws(E'\n', failed_message, failed_detail));
        RAISE WARNING USING MESSAGE = credit_gz.msg('purge_audit_log failed (SQLSTATE %s): %s', failed_state, failed_message), DETAIL = coalesce(failed_detail, ''),
              HINT = credit_gz.msg('The failure is logged in credit_gz.job_run.');
        RETURN NULL;
    END IF;
    PERFORM credit_gz.job_run_record('purge_audit_log', run_day, started,
                                     pg_catalog.jsonb_build_object('cutoff', cutoff, 'entries_removed', total));
    RETURN total;
END
$$;
REVOKE ALL ON FUNCTION credit_gz.purge_audit_log(timestamptz, integer) FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.purge_audit_log(timestamptz, integer) IS
    '审计日志清理 / removes entries of credit_gz.audit_log and credit_gz.catalogue_audit_log older than the retention '
    'period in force on policy_date(as_of) (credit_gz.audit_log_retention); returns how many (NULL when it failed: '
    'the failure is in credit_gz.job_run). as_of cannot move the cutoff past now(). Idempotent; advisory lock '
    'job_lock_key(''purge_audit_log''), a concurrent call returns 0; logs its run in credit_gz.job_run.';

-- Site tables a DBA audits with audit_trigger(). The trigger writes the audit tables with the extension owner's
-- rights, so it serves credit_gz's own tables and the tables registered here, no other: a table a role made for
-- itself (a temporary one included) cannot add entries to the audit log.
CREATE TABLE credit_gz.audited_table (
    table_oid     regclass    NOT NULL PRIMARY KEY,
    registered_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    registered_by name        NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE credit_gz.audited_table IS
    '登记审计的站点表 / site tables a DBA registered for auditing by credit_gz.audit_trigger() (credit_gz.audit_table()); '
    'the trigger refuses any other table outside schema credit_gz. Written by the DBA only.';
COMMENT ON COLUMN credit_gz.audited_table.table_oid IS '审计表 / the audited table';
COMMENT ON COLUMN credit_gz.audited_table.registered_at IS '登记时间 / when registered';
COMMENT ON COLUMN credit_gz.audited_table.registered_by IS '登记人 / who registered it';
REVOKE ALL ON credit_gz.audited_table FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.audited_table', '');

-- audit_trigger: generic AFTER ROW trigger. Arguments: the key column names (default: the table's primary key).
-- SECURITY DEFINER so applications can be audited without any right on the audit tables; search_path pinned; not
-- executable by PUBLIC (EXECUTE is what CREATE TRIGGER asks), and it checks the table it fires on.
-- The table it fires on decides where the entry goes: a row type with a subject_id column (a subject's row) to
-- audit_log, where the NOT NULL subject_id refuses a row without one; any other to catalogue_audit_log. The row's
-- jsonb answers that without a catalogue lookup per row (record updates of the expiry job pass here).
-- A subject's entries are in the order its changes took effect: the entry takes the subject's lock (the scoring
-- triggers' row lock on credit_gz.subject, already held when a record change is scored, and by the expiry job, which
-- takes the subjects of a batch in subject_id order), then the time and the number after the subject's last entry.
CREATE FUNCTION credit_gz.audit_trigger()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    o jsonb;
    n jsonb;
    r jsonb;
    k text;
    role name;
    keys text[] := TG_ARGV;
    sid bigint;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' THEN
        RAISE EXCEPTION 'credit_gz.audit_trigger() must be an AFTER ROW trigger'
            USING ERRCODE = 'trigger_protocol_violated',
                  DETAIL = pg_catalog.format('Trigger "%s" on table "%s" fires %s %s.', TG_NAME, TG_TABLE_NAME,
                                             TG_WHEN, TG_LEVEL);
    END IF;
    -- credit_gz's own tables by schema (only the extension owner creates tables there), a site table by registration
    IF TG_TABLE_SCHEMA <> 'credit_gz'
       AND NOT EXISTS (SELECT FROM credit_gz.audited_table a WHERE a.table_oid = TG_RELID) THEN
        RAISE EXCEPTION 'credit_gz.audit_trigger() fires only on tables of credit_gz or registered for auditing'
            USING ERRCODE = 'trigger_protocol_violated',
                  DETAIL = pg_catalog.format('Table "%s.%s" is not registered in credit_gz.audited_table.',
                                             TG_TABLE_SCHEMA, TG_TABLE_NAME),
                  HINT = 'A DBA registers a site table with credit_gz.audit_table(table).';
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN o := pg_catalog.to_jsonb(OLD); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN n := pg_catalog.to_jsonb(NEW); END IF;
    IF TG_OP = 'UPDATE' AND o = n THEN
        RETURN NULL;                -- nothing changed: nothing to audit
    END IF;
    r := coalesce(n, o);
    IF coalesce(pg_catalog.cardinality(keys), 0) = 0 THEN
        SELECT pg_catalog.array_agg(a.attname::text ORDER BY x.ord) INTO keys
          FROM pg_catalog.pg_index i
          CROSS JOIN LATERAL pg_catalog.unnest(i.indkey) WITH ORDINALITY AS x(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = x.attnum
         WHERE i.indrelid = TG_RELID AND i.indisprimary;
    END IF;
    k := (SELECT pg_catalog.string_agg(r ->> u.key, ',' ORDER BY u.ord)
            FROM pg_catalog.unnest(keys) WITH ORDINALITY AS u(key, ord));
    -- Running as the definer, CURRENT_USER is the extension owner: the caller's role is the session's SET ROLE
    -- (the 'role' setting, which SECURITY DEFINER does not change), else the session user.
    role := coalesce(NULLIF(pg_catalog.current_setting('role'), 'none'), SESSION_USER)::name;
    IF r ? 'subject_id' THEN
        sid := (r ->> 'subject_id')::bigint;
        -- A change of the subject row itself holds that row's lock already (a new row is seen by no one else).
        IF TG_TABLE_NAME <> 'subject' OR TG_TABLE_SCHEMA <> 'credit_gz' THEN
            PERFORM FROM credit_gz.subject s WHERE s.subject_id = sid FOR NO KEY UPDATE;
        END IF;
        INSERT INTO credit_gz.audit_log (subject_id, table_name, row_key, action, old_row, new_row, role_name, at, seq)
        VALUES (sid,
                pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.' || pg_catalog.quote_ident(TG_TABLE_NAME),
                k, TG_OP, o, n, role, pg_catalog.clock_timestamp(),
                coalesce((SELECT pg_catalog.max(a.seq) FROM credit_gz.audit_log a
                           WHERE a.subject_id = sid), 0) + 1);
    ELSE
        INSERT INTO credit_gz.catalogue_audit_log (table_name, row_key, action, old_row, new_row, role_name)
        VALUES (pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.' || pg_catalog.quote_ident(TG_TABLE_NAME),
                k, TG_OP, o, n, role);
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION credit_gz.audit_trigger() IS
    '通用审计触发器 / generic AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW trigger: rows of a table with a subject_id '
    'column are audited in credit_gz.audit_log, rows of any other table (rules, catalogues) in '
    'credit_gz.catalogue_audit_log; arguments name the key columns (default: the primary key). Unchanged UPDATEs are '
    'not logged. Fires on credit_gz''s tables and on site tables registered in credit_gz.audited_table (39P01 '
    'otherwise); not executable by PUBLIC.';
REVOKE ALL ON FUNCTION credit_gz.audit_trigger() FROM PUBLIC;

-- audit_table: registers a site table and attaches audit_trigger() to it (AFTER INSERT OR UPDATE OR DELETE FOR EACH
-- ROW, trigger credit_gz_audit). SECURITY INVOKER: the caller needs the rights a DBA has — INSERT on audited_table,
-- EXECUTE on audit_trigger(), and TRIGGER on the table.
CREATE FUNCTION credit_gz.audit_table(tab regclass, VARIADIC key_columns text[] DEFAULT '{}')
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    nsp  name;
    rel  name;
    args text;
BEGIN
    IF tab IS NULL THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('the table to audit must not be null'), ERRCODE = '22004';
    END IF;
    SELECT n.nspname, c.relname INTO nsp, rel
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tab;
    INSERT INTO credit_gz.audited_table (table_oid) VALUES (tab) ON CONFLICT DO NOTHING;
    SELECT coalesce(pg_catalog.string_agg(pg_catalog.quote_literal(k), ', '), '') INTO args
      FROM pg_catalog.unnest(key_columns) AS k;
    EXECUTE pg_catalog.format('CREATE OR REPLACE TRIGGER credit_gz_audit AFTER INSERT OR UPDATE OR DELETE ON %I.%I '
                              'FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger(', nsp, rel) || args || ')';
END
$$;
COMMENT ON FUNCTION credit_gz.audit_table(regclass, text[]) IS
    '登记审计表 / registers a site table in credit_gz.audited_table and attaches credit_gz.audit_trigger() to it as '
    'trigger credit_gz_audit (key columns: the arguments, default the primary key). For the DBA: needs INSERT on '
    'audited_table and EXECUTE on audit_trigger(), which PUBLIC does not have.';
REVOKE ALL ON FUNCTION credit_gz.audit_table(regclass, text[]) FROM PUBLIC;

CREATE TRIGGER subject_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.subject
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('subject_id');
COMMENT ON TRIGGER subject_audit ON credit_gz.subject IS 'audit log of every change.';
CREATE TRIGGER relation_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.relation
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('relation_id');
COMMENT ON TRIGGER relation_audit ON credit_gz.relation IS 'audit log of every change.';
CREATE TRIGGER occupation_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.occupation
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('occupation_id');
COMMENT ON TRIGGER occupation_audit ON credit_gz.occupation IS 'audit log of every change.';
CREATE TRIGGER commitment_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.commitment
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('commitment_id');
COMMENT ON TRIGGER commitment_audit ON credit_gz.commitment IS 'audit log of every change.';
-- Records: a record row already says who loaded it and when (created_by, created_at), so only changes and deletions
-- are audited — this keeps bulk collection (COPY of millions of decisions) at the speed of the table itself.
CREATE TRIGGER record_audit AFTER UPDATE OR DELETE ON credit_gz.record
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('record_id');
COMMENT ON TRIGGER record_audit ON credit_gz.record IS 'audit log of updates and deletes (inserts carry created_by/created_at).';

REVOKE ALL ON credit_gz.audit_log FROM PUBLIC;
REVOKE ALL ON credit_gz.catalogue_audit_log FROM PUBLIC;

-- Data of the archive belongs to the user: pg_dump must dump it (rows and sequence positions).
SELECT pg_catalog.pg_extension_config_dump('credit_gz.subject', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.occupation', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.relation', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.record', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.record_document', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.occupation_licence', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.subject_uscc', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.subject_resident_id', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.subject_identity_document', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.commitment', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.audit_log', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.catalogue_audit_log', '');
-- (one call per statement: each call rewrites the pg_extension row)
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('credit_gz.subject', 'subject_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('credit_gz.occupation', 'occupation_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('credit_gz.relation', 'relation_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('credit_gz.record', 'record_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('credit_gz.commitment', 'commitment_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('credit_gz.audit_log', 'audit_id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('credit_gz.catalogue_audit_log', 'audit_id'), '');

-- index comments
COMMENT ON INDEX credit_gz.domain_parent_idx IS 'sub-domains of a domain';
COMMENT ON INDEX credit_gz.domain_department_department_idx IS 'domains a department is responsible for';
COMMENT ON INDEX credit_gz.publicity_rule_key_idx IS 'one rule per effective date, severity, domain, department, penalty category and item (NULLs equal)';
COMMENT ON INDEX credit_gz.subject_district_idx IS 'subjects per district (reports)';
COMMENT ON INDEX credit_gz.occupation_employer_idx IS 'people working for an organisation';
COMMENT ON INDEX credit_gz.relation_related_idx IS 'relations in which a subject is the related party (propagation)';
COMMENT ON INDEX credit_gz.record_id_idx IS 'a record by its id alone (repair and objection submissions)';
COMMENT ON INDEX credit_gz.record_publish_until_idx IS 'records whose publicity runs out (expiry job)';
COMMENT ON INDEX credit_gz.commitment_record_idx IS 'the commitment behind a breach record';
COMMENT ON INDEX credit_gz.commitment_due_idx IS 'pending commitments by due date (follow-up)';
COMMENT ON INDEX credit_gz.audit_log_table_key_idx IS 'history of one row (the primary key gives a subject''s whole history)';
COMMENT ON INDEX credit_gz.audit_log_subject_seq_idx IS 'a subject''s changes in the order they took effect; the audit trigger''s next number';
COMMENT ON INDEX credit_gz.catalogue_audit_log_table_key_idx IS 'history of one rule or catalogue row';
