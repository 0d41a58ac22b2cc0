-- credit_gz 1.0 install script, as released. Frozen by scripts/freeze-release from src/*.sql at commit
-- fee5e4e18c9df659fa1af35cfde1249ab8e186ab; never edited: later changes to installed objects go into upgrade scripts.
\echo Use "CREATE EXTENSION credit_gz" to load this file. \quit

-- ====================================================================
-- src/credit_gz.sql
-- ====================================================================
-- credit_gz: 广州市全面推进社会信用体系建设 (穗府办函〔2020〕35号) inside PostgreSQL.
-- The schema is created by CREATE EXTENSION (control file: schema = credit_gz).
COMMENT ON SCHEMA credit_gz IS
    '广州社会信用体系 credit_gz: 信用档案、分级分类监管、联合奖惩、信用修复. '
    'Guangzhou social credit policy inside the database: identity types, credit archive, scoring, joint punishment, repair.';

-- ---------------------------------------------------------------------------------------------------------------
-- Advisory lock keys: the one registry. A job that must not run twice at once takes
-- pg_(try_)advisory_xact_lock(credit_gz.job_lock_key('<job>')); no routine, SQL or C, uses any other key, so two
-- jobs can never share a key by accident (test/pgtap/job_locks.sql and test/shell/c_conformance.sh check it).
-- The keys are single bigints 'CG' (0x4347) in bits 16–31 plus a job number: apart from the keys of other
-- applications, which mostly count from 1. Numbers of jobs that no longer exist are not reused.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.job_locks(OUT job text, OUT lock_key bigint) RETURNS SETOF record
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
    VALUES ('repropagate',                    1128726530::bigint),
           ('create_overdue_interview_tasks', 1128726532),
           ('rebuild_scoring_keys',           1128726533),
           ('recompute_scores',               1128726534),
           ('run_expiry',                     1128726535),
           ('purge_query_log',                1128726536)
$$;
COMMENT ON FUNCTION credit_gz.job_locks() IS
    '作业锁登记表 / the registry of advisory lock keys: one row per job that runs one at a time (named for the routine '
    'that takes it). Executable by PUBLIC: it names constants, and taking an advisory lock needs no privilege anyway.';

CREATE FUNCTION credit_gz.job_lock_key(job text) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    k bigint;
BEGIN
    SELECT l.lock_key INTO k FROM credit_gz.job_locks() l WHERE l.job = job_lock_key.job;
    IF k IS NULL THEN
        -- an unknown name must not yield NULL: pg_advisory_xact_lock(NULL) returns without taking any lock
        RAISE EXCEPTION 'no advisory lock key for job "%"', job
            USING ERRCODE = '22023', HINT = 'credit_gz.job_locks() lists the jobs.';
    END IF;
    RETURN k;
END
$$;
COMMENT ON FUNCTION credit_gz.job_lock_key(text) IS
    '作业锁键 / the advisory lock key of a job in credit_gz.job_locks(); an unknown job is an error (22023), never a '
    'NULL key.';

-- ---------------------------------------------------------------------------------------------------------------
-- The policy clock (doc/schema.md, "Dates and the policy clock"). Every "today" of the extension is
-- credit_gz.policy_date(): the date of the transaction's timestamp in credit_gz.policy_time_zone (Asia/Shanghai by
-- default; superuser-only, so an application cannot move its own deadlines), whatever the session's TimeZone. Jobs
-- take an as_of and pass it down instead of reading the clock. The C paths call the same C function.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.policy_date() RETURNS date
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_policy_date';
COMMENT ON FUNCTION credit_gz.policy_date() IS
    '政策日期（今日）/ the policy date: the calendar day of the transaction''s timestamp in the policy time zone '
    '(setting credit_gz.policy_time_zone, default Asia/Shanghai), whatever the session TimeZone. The one "today" of '
    'every rule, trigger and default; jobs take it as their as_of default.';

CREATE FUNCTION credit_gz.policy_date(at timestamptz) RETURNS date
    LANGUAGE c STABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_policy_date_at';
COMMENT ON FUNCTION credit_gz.policy_date(timestamptz) IS
    '政策日历日 / the calendar day of an instant in the policy time zone (credit_gz.policy_time_zone): the day a '
    'submission, decision or job run at that instant counts on. policy_date() is policy_date(now()).';

CREATE FUNCTION credit_gz.add_months(day date, months integer) RETURNS date
    LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_add_months_sql';
COMMENT ON FUNCTION credit_gz.add_months(date, integer) IS
    '月份期间 / the day a period of so many months that starts on day ends on, by PostgreSQL''s date + interval '
    'convention: the day of the month is kept, clamped to the end of a shorter month (2021-03-31 + 1 month = '
    '2021-04-30; 2020-02-29 + 12 months = 2021-02-28). Every period counted in months uses it: publicity windows '
    '(in C, the same function), list terms, early removal, escalation.';

CREATE FUNCTION credit_gz.add_months_inverse(day date, months integer) RETURNS date
    LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_add_months_inverse';
COMMENT ON FUNCTION credit_gz.add_months_inverse(date, integer) IS
    '期间起点上限 / the latest start whose period of so many months (credit_gz.add_months) has ended by day: '
    'add_months(s, months) <= day exactly when s <= add_months_inverse(day, months). Lets a job find what is due '
    'with an index range on the start date.';

-- ---------------------------------------------------------------------------------------------------------------
-- Date ranges: one convention for every period (doc/schema.md, "Date ranges"). A period is half-open
-- [from, until): *_from is the first day (instant) in force, *_until the first day (instant) no longer in force,
-- NULL until = open. in_force() is the one predicate; SQL and the C paths (src/core/day_range.h) test the same thing.
-- in_force() is a plain SQL expression: the planner inlines it, so it costs what the two comparisons cost and
-- indexes on the columns stay usable. Pass a column, a parameter or credit_gz.policy_date() as the day: an argument
-- that is an expensive expression used twice makes the planner refuse to inline.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.in_force(valid_from date, valid_until date, on_day date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN valid_from <= on_day AND (valid_until IS NULL OR on_day < valid_until);
COMMENT ON FUNCTION credit_gz.in_force(date, date, date) IS
    '是否在有效期内 / whether on_day lies in the half-open period [valid_from, valid_until) (NULL valid_until: open). '
    'The one test of every date range; inlined by the planner.';

CREATE FUNCTION credit_gz.in_force(valid_from timestamptz, valid_until timestamptz, at timestamptz)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN valid_from <= at AND (valid_until IS NULL OR at < valid_until);
COMMENT ON FUNCTION credit_gz.in_force(timestamptz, timestamptz, timestamptz) IS
    '是否在有效期内 / whether the instant lies in the half-open period [valid_from, valid_until) (NULL valid_until: '
    'open); the timestamp form of in_force(date, date, date).';

-- National formats give the last day of a period (公示截止期, 有效期至): the conversion at that boundary, both ways.
CREATE FUNCTION credit_gz.exclusive_end(last_day date)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN last_day + 1;
COMMENT ON FUNCTION credit_gz.exclusive_end(date) IS
    '截止日转换(入) / the until of a period whose last day a national format gives (公示截止期 → publish_until): the '
    'day after it. NULL and infinity stay as they are.';

CREATE FUNCTION credit_gz.inclusive_end(until date)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN until - 1;
COMMENT ON FUNCTION credit_gz.inclusive_end(date) IS
    '截止日转换(出) / the last day of a half-open period, for a national format or a printed 至 that names the last day '
    '(publish_until → 公示截止期): the day before until. NULL and infinity stay as they are.';

-- ====================================================================
-- src/region.sql
-- ====================================================================
-- Administrative regions (GB/T 2260) and Guangzhou's districts.
-- The codes a unified social credit code carries in positions 3–8 are those in force when it was issued, so old
-- codes (东山区, 芳村区, 萝岗区, 增城市, 从化市 …) stay in real data for decades; reports need today's district.

CREATE TABLE credit_gz.region (
    -- A surrogate key: a code keeps no name or period of its own (511401 市辖区 was valid twice, and the first
    -- year is unknown (NULL) for the oldest codes), and a table without a primary key cannot be replicated.
    region_id       integer  GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code            char(6)  NOT NULL CHECK (code ~ '^[0-9]{6}$'),
    name            text     NOT NULL,
    level           text     NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
    valid_from_year  smallint,
    valid_until_year smallint,
    shipped         boolean  NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX region_code_from_idx ON credit_gz.region (code, name, coalesce(valid_from_year, 0));
COMMENT ON INDEX credit_gz.region_code_from_idx IS
    'One row per code, name and first year (NULL counted as one value); also the lookup by code of region_district.';
COMMENT ON TABLE credit_gz.region IS
    '行政区划代码 GB/T 2260: every code with the name it carried and the years it was valid, [valid_from_year, '
    'valid_until_year) (NULL: open). '
    'Administrative division codes, shipped from src/data/gbt2260-regions.dat.';
COMMENT ON COLUMN credit_gz.region.region_id IS '行号 / surrogate key (no natural key: names and periods repeat)';
COMMENT ON COLUMN credit_gz.region.code IS '区划代码 / six-digit division code';
COMMENT ON COLUMN credit_gz.region.name IS '名称 / name during the validity period';
COMMENT ON COLUMN credit_gz.region.level IS '级别 / province, prefecture or county level';
COMMENT ON COLUMN credit_gz.region.valid_from_year IS '启用年份 / first year in force (NULL: before records began)';
COMMENT ON COLUMN credit_gz.region.valid_until_year IS '停用年份 / first year no longer in force (NULL: still in force)';
COMMENT ON COLUMN credit_gz.region.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';

INSERT INTO credit_gz.region (code, name, level, valid_from_year, valid_until_year) VALUES
('110000', '北京市', 'province', NULL, NULL),
('110100', '市辖区', 'prefecture', NULL, NULL),
('110101', '东城区', 'county', NULL, NULL),
('110102', '西城区', 'county', NULL, NULL),
('110103', '崇文区', 'county', NULL, 2011),
('110104', '宣武区', 'county', NULL, 2011),
('110105', '朝阳区', 'county', NULL, NULL),
('110106', '丰台区', 'county', NULL, NULL),
('110107', '石景山区', 'county', NULL, NULL),
('110108', '海淀区', 'county', NULL, NULL),
('110109', '门头沟区', 'county', NULL, NULL),
('110110', '燕山区', 'county', NULL, 1987),
('110111', '房山区', 'county', 1986, NULL),
('110112', '通州区', 'county', 1997, NULL),
('110113', '顺义区', 'county', 1998, NULL),
('110114', '昌平区', 'county', 1999, NULL),
('110115', '大兴区', 'county', 2001, NULL),
('110116', '怀柔区', 'county', 2001, NULL),
('110117', '平谷区', 'county', 2001, NULL),
('110118', '密云区', 'county', 2015, NULL),
('110119', '延庆区', 'county', 2015, NULL),
('110200', '县', 'prefecture', NULL, 2016),
('110201', '昌平县', 'county', NULL, 1983),
('110202', '顺义县', 'county', NULL, 1983),
('110203', '通县', 'county', NULL, 1983),
('110204', '大兴县', 'county', NULL, 1983),
('110205', '房山县', 'county', NULL, 1983),
('110206', '平谷县', 'county', NULL, 1983),
('110207', '怀柔县', 'county', NULL, 1983),
('110208', '密云县', 'county', NULL, 1983),
('110209', '延庆县', 'county', NULL, 1983),
('110221', '昌平县', 'county', 1982, 2000),
('110222', '顺义县', 'county', 1982, 1999),
('110223', '通县', 'county', 1982, 1998),
('110224', '大兴县', 'county', 1982, 2002),
('110225', '房山县', 'county', 1982, 1987),
('110226', '平谷县', 'county', 1982, 2002),
('110227', '怀柔县', 'county', 1982, 2002),
('110228', '密云县', 'county', 1982, 2016),
('110229', '延庆县', 'county', 1982, 2016),
('120000', '天津市', 'province', NULL, NULL),
('120100', '市辖区', 'prefecture', NULL, NULL),
('120101', '和平区', 'county', NULL, NULL),
('120102', '河东区', 'county', NULL, NULL),
('120103', '河西区', 'county', NULL, NULL),
('120104', '南开区', 'county', NULL, NULL),
('120105', '河北区', 'county', NULL, NULL),
('120106', '红桥区', 'county', NULL, NULL),
('120107', '塘沽区', 'county', NULL, 2010),
('120108', '汉沽区', 'county', NULL, 2010),
('120109', '大港区', 'county', NULL, 2010),
('120110', '东郊区', 'county', NULL, 1992),
('120110', '东丽区', 'county', 1992, NULL),
('120111', '西郊区', 'county', NULL, 1992),
('120111', '西青区', 'county', 1992, NULL),
('120112', '南郊区', 'county', NULL, 1992),
('120112', '津南区', 'county', 1992, NULL),
('120113', '北郊区', 'county', NULL, 1992),
('120113', '北辰区', 'county', 1992, NULL),
('120114', '武清区', 'county', 2000, NULL),
('120115', '宝坻区', 'county', 2001, NULL),
('120116', '滨海新区', 'county', 2009, NULL),
('120117', '宁河区', 'county', 2015, NULL),
('120118', '静海区', 'county', 2015, NULL),
('120119', '蓟州区', 'county', 2016, NULL),
('120200', '县', 'prefecture', NULL, 2017),
('120201', '宁河县', 'county', NULL, 1983),
('120202', '武清县', 'county', NULL, 1983),
('120203', '静海县', 'county', NULL, 1983),
('120204', '宝坻县', 'county', NULL, 1983),
('120205', '蓟县', 'county', NULL, 1983),
('120221', '宁河县', 'county', 1982, 2016),
('120222', '武清县', 'county', 1982, 2001),
('120223', '静海县', 'county', 1982, 2016),
('120224', '宝坻县', 'county', 1982, 2002),
('120225', '蓟县', 'county', 1982, 2017),
('130000', '河北省', 'province', NULL, NULL),
('130100', '石家庄市', 'prefecture', NULL, NULL),
('130101', '市辖区', 'county', 1983, NULL),
('130102', '长安区', 'county', 1983, NULL),
('130103', '桥东区', 'county', 1983, 2015),
('130104', '桥西区', 'county', 1983, NULL),
('130105', '新华区', 'county', 1983, NULL),
('130106', '郊区', 'county', 1983, 2002),
('130107', '井陉矿区', 'county', 1983, NULL),
('130108', '裕华区', 'county', 2001, NULL),
('130109', '藁城区', 'county', 2014, NULL),
('130110', '鹿泉区', 'county', 2014, NULL),
('130111', '栾城区', 'county', 2014, NULL),
('130121', '井陉县', 'county', 1983, NULL),
('130122', '获鹿县', 'county', 1983, 1995),
('130123', '正定县', 'county', 1986, NULL),
('130124', '栾城县', 'county', 1986, 2015),
('130125', '行唐县', 'county', 1993, NULL),
('130126', '灵寿县', 'county', 1993, NULL),
('130127', '高邑县', 'county', 1993, NULL),
('130128', '深泽县', 'county', 1993, NULL),
('130129', '赞皇县', 'county', 1993, NULL),
('130130', '无极县', 'county', 1993, NULL),
('130131', '平山县', 'county', 1993, NULL),
('130132', '元氏县', 'county', 1993, NULL),
('130133', '赵县', 'county', 1993, NULL),
('130181', '辛集市', 'county', 1993, NULL),
('130182', '藁城市', 'county', 1993, 2015),
('130183', '晋州市', 'county', 1993, NULL),
('130184', '新乐市', 'county', 1993, NULL),
('130185', '鹿泉市', 'county', 1994, 2015),
('130200', '唐山市', 'prefecture', NULL, NULL),
('130201', '市辖区', 'county', 1983, NULL),
('130202', '路南区', 'county', 1983, NULL),
('130203', '路北区', 'county', 1983, NULL),
('130204', '东矿区', 'county', 1983, 1995),
('130204', '古冶区', 'county', 1995, NULL),
('130205', '开平区', 'county', 1983, NULL),
('130206', '新区', 'county', 1983, 2003),
('130207', '丰南区', 'county', 2002, NULL),
('130208', '丰润区', 'county', 2002, NULL),
('130209', '曹妃甸区', 'county', 2012, NULL),
('130221', '丰润县', 'county', 1983, 2003),
('130222', '丰南县', 'county', 1983, 1995),
('130223', '滦县', 'county', 1983, 2019),
('130224', '滦南县', 'county', 1983, NULL),
('130225', '乐亭县', 'county', 1983, NULL),
('130226', '迁安县', 'county', 1983, 1997),
('130227', '迁西县', 'county', 1983, NULL),
('130228', '遵化县', 'county', 1983, 1993),
('130229', '玉田县', 'county', 1983, NULL),
('130230', '唐海县', 'county', 1983, 2013),
('130281', '遵化市', 'county', 1992, NULL),
('130282', '丰南市', 'county', 1994, 2003),
('130283', '迁安市', 'county', 1996, NULL),
('130284', '滦州市', 'county', 2018, NULL),
('130300', '秦皇岛市', 'prefecture', 1983, NULL),
('130301', '市辖区', 'county', 1983, NULL),
('130302', '海港区', 'county', 1983, NULL),
('130303', '山海关区', 'county', 1983, NULL),
('130304', '北戴河区', 'county', 1983, NULL),
('130305', '郊区', 'county', 1983, 1985),
('130306', '抚宁区', 'county', 2015, NULL),
('130321', '青龙县', 'county', 1983, 1986),
('130321', '青龙满族自治县', 'county', 1986, NULL),
('130322', '昌黎县', 'county', 1983, NULL),
('130323', '抚宁县', 'county', 1983, 2016),
('130324', '卢龙县', 'county', 1983, NULL),
('130400', '邯郸市', 'prefecture', 1983, NULL),
('130401', '市辖区', 'county', 1983, NULL),
('130402', '邯山区', 'county', 1983, NULL),
('130403', '丛台区', 'county', 1983, NULL),
('130404', '复兴区', 'county', 1983, NULL),
('130405', '郊区', 'county', 1983, 1987),
('130406', '峰峰矿区', 'county', 1983, NULL),
('130407', '肥乡区', 'county', 2016, NULL),
('130408', '永年区', 'county', 2016, NULL),
('130421', '邯郸县', 'county', 1983, 2017),
('130422', '武安县', 'county', 1986, 1989),
('130423', '临漳县', 'county', 1993, NULL),
('130424', '成安县', 'county', 1993, NULL),
('130425', '大名县', 'county', 1993, NULL),
('130426', '涉县', 'county', 1993, NULL),
('130427', '磁县', 'county', 1993, NULL),
('130428', '肥乡县', 'county', 1993, 2017),
('130429', '永年县', 'county', 1993, 2017),
('130430', '丘县', 'county', 1993, 1996),
('130430', '邱县', 'county', 1996, NULL),
('130431', '鸡泽县', 'county', 1993, NULL),
('130432', '广平县', 'county', 1993, NULL),
('130433', '馆陶县', 'county', 1993, NULL),
('130434', '魏县', 'county', 1993, NULL),
('130435', '曲周县', 'county', 1993, NULL),
('130481', '武安市', 'county', 1989, NULL),
('130500', '邢台市', 'prefecture', 1983, NULL),
('130501', '市辖区', 'county', 1983, NULL),
('130502', '桥东区', 'county', 1983, 2020),
('130502', '襄都区', 'county', 2020, NULL),
('130503', '桥西区', 'county', 1983, 2020),
('130503', '信都区', 'county', 2020, NULL),
('130504', '郊区', 'county', 1983, 1989),
('130505', '任泽区', 'county', 2020, NULL),
('130506', '南和区', 'county', 2020, NULL),
('130521', '邢台县', 'county', 1986, 2021),
('130522', '临城县', 'county', 1993, NULL),
('130523', '内丘县', 'county', 1993, NULL),
('130524', '柏乡县', 'county', 1993, NULL),
('130525', '隆尧县', 'county', 1993, NULL),
('130526', '任县', 'county', 1993, 2021),
('130527', '南和县', 'county', 1993, 2021),
('130528', '宁晋县', 'county', 1993, NULL),
('130529', '巨鹿县', 'county', 1993, NULL),
('130530', '新河县', 'county', 1993, NULL),
('130531', '广宗县', 'county', 1993, NULL),
('130532', '平乡县', 'county', 1993, NULL),
('130533', '威县', 'county', 1993, NULL),
('130534', '清河县', 'county', 1993, NULL),
('130535', '临西县', 'county', 1993, NULL),
('130581', '南宫市', 'county', 1993, NULL),
('130582', '沙河市', 'county', 1993, NULL),
('130600', '保定市', 'prefecture', 1983, NULL),
('130601', '市辖区', 'county', 1983, NULL),
('130602', '新市区', 'county', 1983, 2015),
('130602', '竞秀区', 'county', 2015, NULL),
('130603', '北市区', 'county', 1983, 2016),
('130604', '南市区', 'county', 1983, 2016),
('130605', '郊区', 'county', 1983, 1988),
('130606', '莲池区', 'county', 2015, NULL),
('130607', '满城区', 'county', 2015, NULL),
('130608', '清苑区', 'county', 2015, NULL),
('130609', '徐水区', 'county', 2015, NULL),
('130621', '满城县', 'county', 1983, 2016),
('130622', '清苑县', 'county', 1986, 2016),
('130623', '涞水县', 'county', 1994, NULL),
('130624', '阜平县', 'county', 1994, NULL),
('130625', '徐水县', 'county', 1994, 2016),
('130626', '定兴县', 'county', 1994, NULL),
('130627', '唐县', 'county', 1994, NULL),
('130628', '高阳县', 'county', 1994, NULL),
('130629', '容城县', 'county', 1994, NULL),
('130630', '涞源县', 'county', 1994, NULL),
('130631', '望都县', 'county', 1994, NULL),
('130632', '安新县', 'county', 1994, NULL),
('130633', '易县', 'county', 1994, NULL),
('130634', '曲阳县', 'county', 1994, NULL),
('130635', '蠡县', 'county', 1994, NULL),
('130636', '顺平县', 'county', 1994, NULL),
('130637', '博野县', 'county', 1994, NULL),
('130638', '雄县', 'county', 1994, NULL),
('130681', '涿州市', 'county', 1994, NULL),
('130682', '定州市', 'county', 1994, NULL),
('130683', '安国市', 'county', 1994, NULL),
('130684', '高碑店市', 'county', 1994, NULL),
('130700', '张家口市', 'prefecture', 1983, NULL),
('130701', '市辖区', 'county', 1983, NULL),
('130702', '桥东区', 'county', 1983, NULL),
('130703', '桥西区', 'county', 1983, NULL),
('130704', '茶坊区', 'county', 1983, 1990),
('130705', '宣化区', 'county', 1983, NULL),
('130706', '下花园区', 'county', 1983, NULL),
('130707', '庞家堡区', 'county', 1983, 1990),
('130708', '万全区', 'county', 2016, NULL),
('130709', '崇礼区', 'county', 2016, NULL),
('130721', '宣化县', 'county', 1983, 2017),
('130722', '张北县', 'county', 1993, NULL),
('130723', '康保县', 'county', 1993, NULL),
('130724', '沽源县', 'county', 1993, NULL),
('130725', '尚义县', 'county', 1993, NULL),
('130726', '蔚县', 'county', 1993, NULL),
('130727', '阳原县', 'county', 1993, NULL),
('130728', '怀安县', 'county', 1993, NULL),
('130729', '万全县', 'county', 1993, 2017),
('130730', '怀来县', 'county', 1993, NULL),
('130731', '涿鹿县', 'county', 1993, NULL),
('130732', '赤城县', 'county', 1993, NULL),
('130733', '崇礼县', 'county', 1993, 2017),
('130800', '承德市', 'prefecture', 1983, NULL),
('130801', '市辖区', 'county', 1983, NULL),
('130802', '双桥区', 'county', 1983, NULL),
('130803', '双滦区', 'county', 1983, NULL),
('130804', '鹰手营子矿区', 'county', 1983, NULL),
('130821', '承德县', 'county', 1983, NULL),
('130822', '兴隆县', 'county', 1993, NULL),
('130823', '平泉县', 'county', 1993, 2018),
('130824', '滦平县', 'county', 1993, NULL),
('130825', '隆化县', 'county', 1993, NULL),
('130826', '丰宁满族自治县', 'county', 1993, NULL),
('130827', '宽城满族自治县', 'county', 1993, NULL),
('130828', '围场满族蒙古族自治县', 'county', 1993, NULL),
('130881', '平泉市', 'county', 2017, NULL),
('130900', '沧州市', 'prefecture', 1983, NULL),
('130901', '市辖区', 'county', 1983, NULL),
('130902', '新华区', 'county', 1983, NULL),
('130903', '运河区', 'county', 1983, NULL),
('130904', '郊区', 'county', 1983, 1998),
('130921', '沧县', 'county', 1983, NULL),
('130922', '青县', 'county', 1986, NULL),
('130923', '东光县', 'county', 1993, NULL),
('130924', '海兴县', 'county', 1993, NULL),
('130925', '盐山县', 'county', 1993, NULL),
('130926', '肃宁县', 'county', 1993, NULL),
('130927', '南皮县', 'county', 1993, NULL),
('130928', '吴桥县', 'county', 1993, NULL),
('130929', '献县', 'county', 1993, NULL),
('130930', '孟村回族自治县', 'county', 1993, NULL),
('130981', '泊头市', 'county', 1993, NULL),
('130982', '任丘市', 'county', 1993, NULL),
('130983', '黄骅市', 'county', 1993, NULL),
('130984', '河间市', 'county', 1993, NULL),
('131000', '廊坊市', 'prefecture', 1988, NULL),
('131001', '市辖区', 'county', 1988, NULL),
('131002', '安次区', 'county', 1988, NULL),
('131003', '广阳区', 'county', 2000, NULL),
('131021', '三河县', 'county', 1988, 1994),
('131022', '固安县', 'county', 1988, NULL),
('131023', '永清县', 'county', 1988, NULL),
('131024', '香河县', 'county', 1988, NULL),
('131025', '大城县', 'county', 1988, NULL),
('131026', '文安县', 'county', 1988, NULL),
('131027', '霸县', 'county', 1988, 1991),
('131028', '大厂回族自治县', 'county', 1988, NULL),
('131081', '霸州市', 'county', 1990, NULL),
('131082', '三河市', 'county', 1993, NULL),
('131100', '衡水市', 'prefecture', 1996, NULL),
('131101', '市辖区', 'county', 1996, NULL),
('131102', '桃城区', 'county', 1996, NULL),
('131103', '冀州区', 'county', 2016, NULL),
('131121', '枣强县', 'county', 1996, NULL),
('131122', '武邑县', 'county', 1996, NULL),
('131123', '武强县', 'county', 1996, NULL),
('131124', '饶阳县', 'county', 1996, NULL),
('131125', '安平县', 'county', 1996, NULL),
('131126', '故城县', 'county', 1996, NULL),
('131127', '景县', 'county', 1996, NULL),
('131128', '阜城县', 'county', 1996, NULL),
('131181', '冀州市', 'county', 1996, 2017),
('131182', '深州市', 'county', 1996, NULL),
('132100', '邯郸地区', 'prefecture', NULL, 1994),
('132101', '邯郸市', 'county', NULL, 1984),
('132121', '大名县', 'county', NULL, 1994),
('132122', '魏县', 'county', NULL, 1994),
('132123', '曲周县', 'county', NULL, 1994),
('132124', '丘县', 'county', NULL, 1994),
('132125', '鸡泽县', 'county', NULL, 1994),
('132126', '肥乡县', 'county', NULL, 1994),
('132127', '广平县', 'county', NULL, 1994),
('132128', '成安县', 'county', NULL, 1994),
('132129', '临漳县', 'county', NULL, 1994),
('132130', '磁县', 'county', NULL, 1994),
('132131', '武安县', 'county', NULL, 1987),
('132132', '涉县', 'county', NULL, 1994),
('132133', '永年县', 'county', NULL, 1994),
('132134', '邯郸县', 'county', NULL, 1984),
('132135', '馆陶县', 'county', NULL, 1994),
('132200', '邢台地区', 'prefecture', NULL, 1994),
('132201', '南宫市', 'county', 1986, 1994),
('132202', '沙河市', 'county', 1987, 1994),
('132221', '邢台县', 'county', NULL, 1987),
('132222', '沙河县', 'county', NULL, 1988),
('132223', '临城县', 'county', NULL, 1994),
('132224', '内丘县', 'county', NULL, 1994),
('132225', '柏乡县', 'county', NULL, 1994),
('132226', '隆尧县', 'county', NULL, 1994),
('132227', '任县', 'county', NULL, 1994),
('132228', '南和县', 'county', NULL, 1994),
('132229', '宁晋县', 'county', NULL, 1994),
('132230', '南宫县', 'county', NULL, 1987),
('132231', '巨鹿县', 'county', NULL, 1994),
('132232', '新河县', 'county', NULL, 1994),
('132233', '广宗县', 'county', NULL, 1994),
('132234', '平乡县', 'county', NULL, 1994),
('132235', '威县', 'county', NULL, 1994),
('132236', '清河县', 'county', NULL, 1994),
('132237', '临西县', 'county', NULL, 1994),
('132300', '石家庄地区', 'prefecture', NULL, 1994),
('132301', '辛集市', 'county', 1986, 1994),
('132302', '藁城市', 'county', 1989, 1994),
('132303', '晋州市', 'county', 1991, 1994),
('132304', '新乐市', 'county', 1992, 1994),
('132321', '束鹿县', 'county', NULL, 1987),
('132322', '晋县', 'county', NULL, 1992),
('132323', '深泽县', 'county', NULL, 1994),
('132324', '无极县', 'county', NULL, 1994),
('132325', '藁城县', 'county', NULL, 1990),
('132326', '赵县', 'county', NULL, 1994),
('132327', '栾城县', 'county', NULL, 1987),
('132328', '正定县', 'county', NULL, 1987),
('132329', '新乐县', 'county', NULL, 1993),
('132330', '高邑县', 'county', NULL, 1994),
('132331', '元氏县', 'county', NULL, 1994),
('132332', '赞皇县', 'county', NULL, 1994),
('132333', '井陉县', 'county', NULL, 1984),
('132334', '获鹿县', 'county', NULL, 1984),
('132335', '平山县', 'county', NULL, 1994),
('132336', '灵寿县', 'county', NULL, 1994),
('132337', '行唐县', 'county', NULL, 1994),
('132400', '保定地区', 'prefecture', NULL, 1995),
('132401', '定州市', 'county', 1986, 1995),
('132402', '涿州市', 'county', 1986, 1995),
('132403', '安国市', 'county', 1991, 1995),
('132404', '高碑店市', 'county', 1993, 1995),
('132421', '易县', 'county', NULL, 1995),
('132422', '满城县', 'county', NULL, 1984),
('132423', '徐水县', 'county', NULL, 1995),
('132424', '涞源县', 'county', NULL, 1995),
('132425', '定兴县', 'county', NULL, 1995),
('132426', '完县', 'county', NULL, 1993),
('132426', '顺平县', 'county', 1993, 1995),
('132427', '唐县', 'county', NULL, 1995),
('132428', '望都县', 'county', NULL, 1995),
('132429', '涞水县', 'county', NULL, 1995),
('132430', '涿县', 'county', NULL, 1987),
('132431', '清苑县', 'county', NULL, 1987),
('132432', '高阳县', 'county', NULL, 1995),
('132433', '安新县', 'county', NULL, 1995),
('132434', '雄县', 'county', NULL, 1995),
('132435', '容城县', 'county', NULL, 1995),
('132436', '新城县', 'county', NULL, 1994),
('132437', '曲阳县', 'county', NULL, 1995),
('132438', '阜平县', 'county', NULL, 1995),
('132439', '定县', 'county', NULL, 1987),
('132440', '安国县', 'county', NULL, 1992),
('132441', '博野县', 'county', NULL, 1995),
('132442', '蠡县', 'county', NULL, 1995),
('132500', '张家口地区', 'prefecture', NULL, 1994),
('132501', '张家口市', 'county', NULL, 1984),
('132521', '张北县', 'county', NULL, 1994),
('132522', '康保县', 'county', NULL, 1994),
('132523', '沽源县', 'county', NULL, 1994),
('132524', '尚义县', 'county', NULL, 1994),
('132525', '蔚县', 'county', NULL, 1994),
('132526', '阳原县', 'county', NULL, 1994),
('132527', '怀安县', 'county', NULL, 1994),
('132528', '万全县', 'county', NULL, 1994),
('132529', '怀来县', 'county', NULL, 1994),
('132530', '涿鹿县', 'county', NULL, 1994),
('132531', '宣化县', 'county', NULL, 1984),
('132532', '赤城县', 'county', NULL, 1994),
('132533', '崇礼县', 'county', NULL, 1994),
('132600', '承德地区', 'prefecture', NULL, 1994),
('132601', '承德市', 'county', NULL, 1984),
('132621', '青龙县', 'county', NULL, 1984),
('132622', '宽城县', 'county', NULL, 1989),
('132622', '宽城满族自治县', 'county', 1989, 1994),
('132623', '兴隆县', 'county', NULL, 1994),
('132624', '平泉县', 'county', NULL, 1994),
('132625', '承德县', 'county', NULL, 1984),
('132626', '滦平县', 'county', NULL, 1994),
('132627', '丰宁县', 'county', NULL, 1986),
('132627', '丰宁满族自治县', 'county', 1986, 1994),
('132628', '隆化县', 'county', NULL, 1994),
('132629', '围场县', 'county', NULL, 1989),
('132629', '围场满族蒙古族自治县', 'county', 1989, 1994),
('132700', '唐山地区', 'prefecture', NULL, 1984),
('132701', '秦皇岛市', 'county', NULL, 1984),
('132721', '丰润县', 'county', NULL, 1984),
('132722', '丰南县', 'county', NULL, 1984),
('132723', '滦县', 'county', NULL, 1984),
('132724', '滦南县', 'county', NULL, 1984),
('132725', '乐亭县', 'county', NULL, 1984),
('132726', '昌黎县', 'county', NULL, 1984),
('132727', '抚宁县', 'county', NULL, 1984),
('132728', '卢龙县', 'county', NULL, 1984),
('132729', '迁安县', 'county', NULL, 1984),
('132730', '迁西县', 'county', NULL, 1984),
('132731', '遵化县', 'county', NULL, 1984),
('132732', '玉田县', 'county', NULL, 1984),
('132800', '廊坊地区', 'prefecture', NULL, 1989),
('132801', '廊坊市', 'county', 1981, 1989),
('132821', '三河县', 'county', NULL, 1989),
('132822', '大厂回族自治县', 'county', NULL, 1989),
('132823', '香河县', 'county', NULL, 1989),
('132824', '安次县', 'county', NULL, 1984),
('132825', '永清县', 'county', NULL, 1989),
('132826', '固安县', 'county', NULL, 1989),
('132827', '霸县', 'county', NULL, 1989),
('132828', '文安县', 'county', NULL, 1989),
('132829', '大城县', 'county', NULL, 1989),
('132900', '沧州地区', 'prefecture', NULL, 1994),
('132901', '沧州市', 'county', NULL, 1984),
('132902', '泊头市', 'county', 1982, 1994),
('132903', '任丘市', 'county', 1986, 1994),
('132904', '黄骅市', 'county', 1989, 1994),
('132905', '河间市', 'county', 1990, 1994),
('132921', '沧县', 'county', NULL, 1984),
('132922', '河间县', 'county', NULL, 1991),
('132923', '肃宁县', 'county', NULL, 1994),
('132924', '献县', 'county', NULL, 1994),
('132925', '交河县', 'county', NULL, 1984),
('132926', '吴桥县', 'county', NULL, 1994),
('132927', '东光县', 'county', NULL, 1994),
('132928', '南皮县', 'county', NULL, 1994),
('132929', '盐山县', 'county', NULL, 1994),
('132930', '黄骅县', 'county', NULL, 1990),
('132931', '孟村回族自治县', 'county', NULL, 1994),
('132932', '青县', 'county', NULL, 1987),
('132933', '任丘县', 'county', NULL, 1987),
('132934', '海兴县', 'county', NULL, 1994),
('133000', '衡水地区', 'prefecture', NULL, 1997),
('133001', '衡水市', 'county', 1982, 1997),
('133002', '冀州市', 'county', 1993, 1997),
('133003', '深州市', 'county', 1994, 1997),
('133021', '衡水县', 'county', NULL, 1984),
('133022', '冀县', 'county', NULL, 1994),
('133023', '枣强县', 'county', NULL, 1997),
('133024', '武邑县', 'county', NULL, 1997),
('133025', '深县', 'county', NULL, 1995),
('133026', '武强县', 'county', NULL, 1997),
('133027', '饶阳县', 'county', NULL, 1997),
('133028', '安平县', 'county', NULL, 1997),
('133029', '故城县', 'county', NULL, 1997),
('133030', '景县', 'county', NULL, 1997),
('133031', '阜城县', 'county', NULL, 1997),
('139000', '省直辖县级行政单位', 'prefecture', 1988, 1990),
('139001', '武安市', 'county', 1988, 1990),
('140000', '山西省', 'province', NULL, NULL),
('140100', '太原市', 'prefecture', NULL, NULL),
('140101', '市辖区', 'county', 1983, NULL),
('140102', '南城区', 'county', 1983, 1998),
('140103', '北城区', 'county', 1983, 1998),
('140104', '河西区', 'county', 1983, 1998),
('140105', '小店区', 'county', 1997, NULL),
('140106', '迎泽区', 'county', 1997, NULL),
('140107', '杏花岭区', 'county', 1997, NULL),
('140108', '尖草坪区', 'county', 1997, NULL),
('140109', '万柏林区', 'county', 1997, NULL),
('140110', '晋源区', 'county', 1997, NULL),
('140111', '古交工矿区', 'county', 1983, 1989),
('140112', '南郊区', 'county', 1983, 1998),
('140113', '北郊区', 'county', 1983, 1998),
('140120', '市区', 'county', NULL, 1984),
('140121', '清徐县', 'county', NULL, NULL),
('140122', '阳曲县', 'county', NULL, NULL),
('140123', '娄烦县', 'county', NULL, NULL),
('140181', '古交市', 'county', 1989, NULL),
('140200', '大同市', 'prefecture', NULL, NULL),
('140201', '市辖区', 'county', 1983, NULL),
('140202', '城区', 'county', 1983, 2019),
('140203', '矿区', 'county', 1983, 2019),
('140211', '南郊区', 'county', 1983, 2019),
('140212', '新荣区', 'county', 1983, NULL),
('140213', '平城区', 'county', 2018, NULL),
('140214', '云冈区', 'county', 2018, NULL),
('140215', '云州区', 'county', 2018, NULL),
('140221', '阳高县', 'county', 1993, NULL),
('140222', '天镇县', 'county', 1993, NULL),
('140223', '广灵县', 'county', 1993, NULL),
('140224', '灵丘县', 'county', 1993, NULL),
('140225', '浑源县', 'county', 1993, NULL),
('140226', '左云县', 'county', 1993, NULL),
('140227', '大同县', 'county', 1993, 2019),
('140300', '阳泉市', 'prefecture', NULL, NULL),
('140301', '市辖区', 'county', 1983, NULL),
('140302', '城区', 'county', 1983, NULL),
('140303', '矿区', 'county', 1983, NULL),
('140311', '郊区', 'county', 1983, NULL),
('140321', '平定县', 'county', 1983, NULL),
('140322', '盂县', 'county', 1983, NULL),
('140400', '长治市', 'prefecture', NULL, NULL),
('140401', '市辖区', 'county', 1983, NULL),
('140402', '城区', 'county', 1983, 2019),
('140403', '潞州区', 'county', 2018, NULL),
('140404', '上党区', 'county', 2018, NULL),
('140405', '屯留区', 'county', 2018, NULL),
('140406', '潞城区', 'county', 2018, NULL),
('140411', '郊区', 'county', 1983, 2019),
('140421', '长治县', 'county', 1983, 2019),
('140422', '潞城县', 'county', 1983, 1995),
('140423', '襄垣县', 'county', 1985, NULL),
('140424', '屯留县', 'county', 1985, 2019),
('140425', '平顺县', 'county', 1985, NULL),
('140426', '黎城县', 'county', 1985, NULL),
('140427', '壶关县', 'county', 1985, NULL),
('140428', '长子县', 'county', 1985, NULL),
('140429', '武乡县', 'county', 1985, NULL),
('140430', '沁县', 'county', 1985, NULL),
('140431', '沁源县', 'county', 1985, NULL),
('140481', '潞城市', 'county', 1994, 2019),
('140500', '晋城市', 'prefecture', 1985, NULL),
('140501', '市辖区', 'county', 1985, NULL),
('140502', '城区', 'county', 1985, NULL),
('140511', '郊区', 'county', 1985, 1997),
('140521', '沁水县', 'county', 1985, NULL),
('140522', '阳城县', 'county', 1985, NULL),
('140523', '高平县', 'county', 1985, 1994),
('140524', '陵川县', 'county', 1985, NULL),
('140525', '泽州县', 'county', 1996, NULL),
('140581', '高平市', 'county', 1993, NULL),
('140600', '朔州市', 'prefecture', 1988, NULL),
('140601', '市辖区', 'county', 1988, NULL),
('140602', '朔城区', 'county', 1988, NULL),
('140603', '平鲁区', 'county', 1988, NULL),
('140621', '山阴县', 'county', 1988, NULL),
('140622', '应县', 'county', 1993, NULL),
('140623', '右玉县', 'county', 1993, NULL),
('140624', '怀仁县', 'county', 1993, 2019),
('140681', '怀仁市', 'county', 2018, NULL),
('140700', '晋中市', 'prefecture', 1999, NULL),
('140701', '市辖区', 'county', 1999, NULL),
('140702', '榆次区', 'county', 1999, NULL),
('140703', '太谷区', 'county', 2019, NULL),
('140721', '榆社县', 'county', 1999, NULL),
('140722', '左权县', 'county', 1999, NULL),
('140723', '和顺县', 'county', 1999, NULL),
('140724', '昔阳县', 'county', 1999, NULL),
('140725', '寿阳县', 'county', 1999, NULL),
('140726', '太谷县', 'county', 1999, 2020),
('140727', '祁县', 'county', 1999, NULL),
('140728', '平遥县', 'county', 1999, NULL),
('140729', '灵石县', 'county', 1999, NULL),
('140781', '介休市', 'county', 1999, NULL),
('140800', '运城市', 'prefecture', 2000, NULL),
('140801', '市辖区', 'county', 2000, NULL),
('140802', '盐湖区', 'county', 2000, NULL),
('140821', '临猗县', 'county', 2000, NULL),
('140822', '万荣县', 'county', 2000, NULL),
('140823', '闻喜县', 'county', 2000, NULL),
('140824', '稷山县', 'county', 2000, NULL),
('140825', '新绛县', 'county', 2000, NULL),
('140826', '绛县', 'county', 2000, NULL),
('140827', '垣曲县', 'county', 2000, NULL),
('140828', '夏县', 'county', 2000, NULL),
('140829', '平陆县', 'county', 2000, NULL),
('140830', '芮城县', 'county', 2000, NULL),
('140881', '永济市', 'county', 2000, NULL),
('140882', '河津市', 'county', 2000, NULL),
('140900', '忻州市', 'prefecture', 2000, NULL),
('140901', '市辖区', 'county', 2000, NULL),
('140902', '忻府区', 'county', 2000, NULL),
('140921', '定襄县', 'county', 2000, NULL),
('140922', '五台县', 'county', 2000, NULL),
('140923', '代县', 'county', 2000, NULL),
('140924', '繁峙县', 'county', 2000, NULL),
('140925', '宁武县', 'county', 2000, NULL),
('140926', '静乐县', 'county', 2000, NULL),
('140927', '神池县', 'county', 2000, NULL),
('140928', '五寨县', 'county', 2000, NULL),
('140929', '岢岚县', 'county', 2000, NULL),
('140930', '河曲县', 'county', 2000, NULL),
('140931', '保德县', 'county', 2000, NULL),
('140932', '偏关县', 'county', 2000, NULL),
('140981', '原平市', 'county', 2000, NULL),
('141000', '临汾市', 'prefecture', 2000, NULL),
('141001', '市辖区', 'county', 2000, NULL),
('141002', '尧都区', 'county', 2000, NULL),
('141021', '曲沃县', 'county', 2000, NULL),
('141022', '翼城县', 'county', 2000, NULL),
('141023', '襄汾县', 'county', 2000, NULL),
('141024', '洪洞县', 'county', 2000, NULL),
('141025', '古县', 'county', 2000, NULL),
('141026', '安泽县', 'county', 2000, NULL),
('141027', '浮山县', 'county', 2000, NULL),
('141028', '吉县', 'county', 2000, NULL),
('141029', '乡宁县', 'county', 2000, NULL),
('141030', '大宁县', 'county', 2000, NULL),
('141031', '隰县', 'county', 2000, NULL),
('141032', '永和县', 'county', 2000, NULL),
('141033', '蒲县', 'county', 2000, NULL),
('141034', '汾西县', 'county', 2000, NULL),
('141081', '侯马市', 'county', 2000, NULL),
('141082', '霍州市', 'county', 2000, NULL),
('141100', '吕梁市', 'prefecture', 2003, NULL),
('141101', '市辖区', 'county', 2003, NULL),
('141102', '离石区', 'county', 2003, NULL),
('141121', '文水县', 'county', 2003, NULL),
('141122', '交城县', 'county', 2003, NULL),
('141123', '兴县', 'county', 2003, NULL),
('141124', '临县', 'county', 2003, NULL),
('141125', '柳林县', 'county', 2003, NULL),
('141126', '石楼县', 'county', 2003, NULL),
('141127', '岚县', 'county', 2003, NULL),
('141128', '方山县', 'county', 2003, NULL),
('141129', '中阳县', 'county', 2003, NULL),
('141130', '交口县', 'county', 2003, NULL),
('141181', '孝义市', 'county', 2003, NULL),
('141182', '汾阳市', 'county', 2003, NULL),
('142100', '雁北地区', 'prefecture', NULL, 1994),
('142121', '阳高县', 'county', NULL, 1994),
('142122', '天镇县', 'county', NULL, 1994),
('142123', '广灵县', 'county', NULL, 1994),
('142124', '灵丘县', 'county', NULL, 1994),
('142125', '浑源县', 'county', NULL, 1994),
('142126', '应县', 'county', NULL, 1994),
('142127', '山阴县', 'county', NULL, 1989),
('142128', '朔县', 'county', NULL, 1989),
('142129', '平鲁县', 'county', NULL, 1989),
('142130', '左云县', 'county', NULL, 1994),
('142131', '右玉县', 'county', NULL, 1994),
('142132', '大同县', 'county', NULL, 1994),
('142133', '怀仁县', 'county', NULL, 1994),
('142200', '忻县地区', 'prefecture', NULL, 1983),
('142200', '忻州地区', 'prefecture', 1983, 2000),
('142201', '忻州市', 'county', 1983, 2001),
('142202', '原平市', 'county', 1993, 2001),
('142221', '忻县', 'county', NULL, 1984),
('142222', '定襄县', 'county', NULL, 2001),
('142223', '五台县', 'county', NULL, 2001),
('142224', '原平县', 'county', NULL, 1994),
('142225', '代县', 'county', NULL, 2001),
('142226', '繁峙县', 'county', NULL, 2001),
('142227', '宁武县', 'county', NULL, 2001),
('142228', '静乐县', 'county', NULL, 2001),
('142229', '神池县', 'county', NULL, 2001),
('142230', '五寨县', 'county', NULL, 2001),
('142231', '岢岚县', 'county', NULL, 2001),
('142232', '河曲县', 'county', NULL, 2001),
('142233', '保德县', 'county', NULL, 2001),
('142234', '偏关县', 'county', NULL, 2001),
('142300', '吕梁地区', 'prefecture', NULL, 2004),
('142301', '孝义市', 'county', 1992, 2004),
('142302', '离石市', 'county', 1996, 2004),
('142303', '汾阳市', 'county', 1996, 2004),
('142321', '汾阳县', 'county', NULL, 1997),
('142322', '文水县', 'county', NULL, 2004),
('142323', '交城县', 'county', NULL, 2004),
('142324', '孝义县', 'county', NULL, 1993),
('142325', '兴县', 'county', NULL, 2004),
('142326', '临县', 'county', NULL, 2004),
('142327', '柳林县', 'county', NULL, 2004),
('142328', '石楼县', 'county', NULL, 2004),
('142329', '岚县', 'county', NULL, 2004),
('142330', '方山县', 'county', NULL, 2004),
('142331', '离石县', 'county', NULL, 1997),
('142332', '中阳县', 'county', NULL, 2004),
('142333', '交口县', 'county', NULL, 2004),
('142400', '晋中地区', 'prefecture', NULL, 2000),
('142401', '榆次市', 'county', NULL, 2000),
('142402', '介休市', 'county', 1992, 2000),
('142421', '榆社县', 'county', NULL, 2000),
('142422', '左权县', 'county', NULL, 2000),
('142423', '和顺县', 'county', NULL, 2000),
('142424', '昔阳县', 'county', NULL, 2000),
('142425', '平定县', 'county', NULL, 1984),
('142426', '盂县', 'county', NULL, 1984),
('142427', '寿阳县', 'county', NULL, 2000),
('142428', '榆次县', 'county', NULL, 1984),
('142429', '太谷县', 'county', NULL, 2000),
('142430', '祁县', 'county', NULL, 2000),
('142431', '平遥县', 'county', NULL, 2000),
('142432', '介休县', 'county', NULL, 1993),
('142433', '灵石县', 'county', NULL, 2000),
('142500', '晋东南地区', 'prefecture', NULL, 1986),
('142501', '晋城市', 'county', 1983, 1986),
('142521', '长治县', 'county', NULL, 1984),
('142522', '潞城县', 'county', NULL, 1984),
('142523', '屯留县', 'county', NULL, 1986),
('142524', '长子县', 'county', NULL, 1986),
('142525', '沁水县', 'county', NULL, 1986),
('142526', '阳城县', 'county', NULL, 1986),
('142527', '晋城县', 'county', NULL, 1984),
('142528', '高平县', 'county', NULL, 1986),
('142529', '陵川县', 'county', NULL, 1986),
('142530', '壶关县', 'county', NULL, 1986),
('142531', '平顺县', 'county', NULL, 1986),
('142532', '黎城县', 'county', NULL, 1986),
('142533', '武乡县', 'county', NULL, 1986),
('142534', '襄垣县', 'county', NULL, 1986),
('142535', '沁县', 'county', NULL, 1986),
('142536', '沁源县', 'county', NULL, 1986),
('142600', '临汾地区', 'prefecture', NULL, 2001),
('142601', '临汾市', 'county', NULL, 2001),
('142602', '侯马市', 'county', NULL, 2001),
('142603', '霍州市', 'county', 1989, 2001),
('142621', '曲沃县', 'county', NULL, 2001),
('142622', '翼城县', 'county', NULL, 2001),
('142623', '襄汾县', 'county', NULL, 2001),
('142624', '临汾县', 'county', NULL, 1984),
('142625', '洪洞县', 'county', NULL, 2001),
('142626', '霍县', 'county', NULL, 1990),
('142627', '古县', 'county', NULL, 2001),
('142628', '安泽县', 'county', NULL, 2001),
('142629', '浮山县', 'county', NULL, 2001),
('142630', '吉县', 'county', NULL, 2001),
('142631', '乡宁县', 'county', NULL, 2001),
('142632', '蒲县', 'county', NULL, 2001),
('142633', '大宁县', 'county', NULL, 2001),
('142634', '永和县', 'county', NULL, 2001),
('142635', '隰县', 'county', NULL, 2001),
('142636', '汾西县', 'county', NULL, 2001),
('142700', '运城地区', 'prefecture', NULL, 2001),
('142701', '运城市', 'county', 1983, 2001),
('142702', '永济市', 'county', 1994, 2001),
('142703', '河津市', 'county', 1994, 2001),
('142721', '运城县', 'county', NULL, 1984),
('142722', '永济县', 'county', NULL, 1995),
('142723', '芮城县', 'county', NULL, 2001),
('142724', '临猗县', 'county', NULL, 2001),
('142725', '万荣县', 'county', NULL, 2001),
('142726', '新绛县', 'county', NULL, 2001),
('142727', '稷山县', 'county', NULL, 2001),
('142728', '河津县', 'county', NULL, 1995),
('142729', '闻喜县', 'county', NULL, 2001),
('142730', '夏县', 'county', NULL, 2001),
('142731', '绛县', 'county', NULL, 2001),
('142732', '平陆县', 'county', NULL, 2001),
('142733', '垣曲县', 'county', NULL, 2001),
('149000', '省直辖县级行政单位', 'prefecture', 1988, 1990),
('149001', '古交市', 'county', 1988, 1990),
('150000', '内蒙古自治区', 'province', NULL, NULL),
('150100', '呼和浩特市', 'prefecture', NULL, NULL),
('150101', '市辖区', 'county', 1983, NULL),
('150102', '新城区', 'county', 1983, NULL),
('150103', '回民区', 'county', 1983, NULL),
('150104', '玉泉区', 'county', 1983, NULL),
('150105', '郊区', 'county', 1983, 2000),
('150105', '赛罕区', 'county', 2000, NULL),
('150120', '市区', 'county', NULL, 1984),
('150121', '土默特左旗', 'county', NULL, NULL),
('150122', '托克托县', 'county', NULL, NULL),
('150123', '和林格尔县', 'county', 1995, NULL),
('150124', '清水河县', 'county', 1995, NULL),
('150125', '武川县', 'county', 1996, NULL),
('150200', '包头市', 'prefecture', NULL, NULL),
('150201', '市辖区', 'county', 1983, NULL),
('150202', '东河区', 'county', 1983, NULL),
('150203', '昆都仑区', 'county', 1983, NULL),
('150204', '青山区', 'county', 1983, NULL),
('150205', '石拐矿区', 'county', 1983, 1999),
('150205', '石拐区', 'county', 1999, NULL),
('150206', '白云鄂博矿区', 'county', 1983, NULL),
('150207', '郊区', 'county', 1983, 1999),
('150207', '九原区', 'county', 1999, NULL),
('150220', '市区', 'county', NULL, 1984),
('150221', '土默特右旗', 'county', NULL, NULL),
('150222', '固阳县', 'county', NULL, NULL),
('150223', '达尔罕茂明安联合旗', 'county', 1996, NULL),
('150300', '乌海市', 'prefecture', NULL, NULL),
('150301', '市辖区', 'county', 1983, NULL),
('150302', '海勃湾区', 'county', 1983, NULL),
('150303', '海南区', 'county', 1983, NULL),
('150304', '乌达区', 'county', 1983, NULL),
('150400', '赤峰市', 'prefecture', 1983, NULL),
('150401', '市辖区', 'county', 1983, NULL),
('150402', '红山区', 'county', 1983, NULL),
('150403', '元宝山区', 'county', 1983, NULL),
('150404', '郊区', 'county', 1983, 1993),
('150404', '松山区', 'county', 1993, NULL),
('150421', '阿鲁科尔沁旗', 'county', 1983, NULL),
('150422', '巴林左旗', 'county', 1983, NULL),
('150423', '巴林右旗', 'county', 1983, NULL),
('150424', '林西县', 'county', 1983, NULL),
('150425', '克什克腾旗', 'county', 1983, NULL),
('150426', '翁牛特旗', 'county', 1983, NULL),
('150427', '赤峰县', 'county', 1983, 1984),
('150428', '喀喇沁旗', 'county', 1983, NULL),
('150429', '宁城县', 'county', 1983, NULL),
('150430', '敖汉旗', 'county', 1983, NULL),
('150500', '通辽市', 'prefecture', 1999, NULL),
('150501', '市辖区', 'county', 1999, NULL),
('150502', '科尔沁区', 'county', 1999, NULL),
('150521', '科尔沁左翼中旗', 'county', 1999, NULL),
('150522', '科尔沁左翼后旗', 'county', 1999, NULL),
('150523', '开鲁县', 'county', 1999, NULL),
('150524', '库伦旗', 'county', 1999, NULL),
('150525', '奈曼旗', 'county', 1999, NULL),
('150526', '扎鲁特旗', 'county', 1999, NULL),
('150581', '霍林郭勒市', 'county', 1999, NULL),
('150600', '鄂尔多斯市', 'prefecture', 2001, NULL),
('150601', '市辖区', 'county', 2001, NULL),
('150602', '东胜区', 'county', 2001, NULL),
('150603', '康巴什区', 'county', 2016, NULL),
('150621', '达拉特旗', 'county', 2001, NULL),
('150622', '准格尔旗', 'county', 2001, NULL),
('150623', '鄂托克前旗', 'county', 2001, NULL),
('150624', '鄂托克旗', 'county', 2001, NULL),
('150625', '杭锦旗', 'county', 2001, NULL),
('150626', '乌审旗', 'county', 2001, NULL),
('150627', '伊金霍洛旗', 'county', 2001, NULL),
('150700', '呼伦贝尔市', 'prefecture', 2001, NULL),
('150701', '市辖区', 'county', 2001, NULL),
('150702', '海拉尔区', 'county', 2001, NULL),
('150703', '扎赉诺尔区', 'county', 2013, NULL),
('150721', '阿荣旗', 'county', 2001, NULL),
('150722', '莫力达瓦达斡尔族自治旗', 'county', 2001, NULL),
('150723', '鄂伦春自治旗', 'county', 2001, NULL),
('150724', '鄂温克族自治旗', 'county', 2001, NULL),
('150725', '陈巴尔虎旗', 'county', 2001, NULL),
('150726', '新巴尔虎左旗', 'county', 2001, NULL),
('150727', '新巴尔虎右旗', 'county', 2001, NULL),
('150781', '满洲里市', 'county', 2001, NULL),
('150782', '牙克石市', 'county', 2001, NULL),
('150783', '扎兰屯市', 'county', 2001, NULL),
('150784', '额尔古纳市', 'county', 2001, NULL),
('150785', '根河市', 'county', 2001, NULL),
('150800', '巴彦淖尔市', 'prefecture', 2003, NULL),
('150801', '市辖区', 'county', 2003, NULL),
('150802', '临河区', 'county', 2003, NULL),
('150821', '五原县', 'county', 2003, NULL),
('150822', '磴口县', 'county', 2003, NULL),
('150823', '乌拉特前旗', 'county', 2003, NULL),
('150824', '乌拉特中旗', 'county', 2003, NULL),
('150825', '乌拉特后旗', 'county', 2003, NULL),
('150826', '杭锦后旗', 'county', 2003, NULL),
('150900', '乌兰察布市', 'prefecture', 2003, NULL),
('150901', '市辖区', 'county', 2003, NULL),
('150902', '集宁区', 'county', 2003, NULL),
('150921', '卓资县', 'county', 2003, NULL),
('150922', '化德县', 'county', 2003, NULL),
('150923', '商都县', 'county', 2003, NULL),
('150924', '兴和县', 'county', 2003, NULL),
('150925', '凉城县', 'county', 2003, NULL),
('150926', '察哈尔右翼前旗', 'county', 2003, NULL),
('150927', '察哈尔右翼中旗', 'county', 2003, NULL),
('150928', '察哈尔右翼后旗', 'county', 2003, NULL),
('150929', '四子王旗', 'county', 2003, NULL),
('150981', '丰镇市', 'county', 2003, NULL),
('152100', '呼伦贝尔盟', 'prefecture', NULL, 2002),
('152101', '海拉尔市', 'county', NULL, 2002),
('152102', '满洲里市', 'county', NULL, 2002),
('152103', '扎兰屯市', 'county', 1983, 2002),
('152104', '牙克石市', 'county', 1983, 2002),
('152105', '根河市', 'county', 1994, 2002),
('152106', '额尔古纳市', 'county', 1994, 2002),
('152121', '布特哈旗', 'county', NULL, 1984),
('152122', '阿荣旗', 'county', NULL, 2002),
('152123', '莫力达瓦达斡尔族自治旗', 'county', NULL, 2002),
('152124', '喜桂图旗', 'county', NULL, 1984),
('152125', '额尔古纳右旗', 'county', NULL, 1995),
('152126', '额尔古纳左旗', 'county', NULL, 1995),
('152127', '鄂伦春自治旗', 'county', NULL, 2002),
('152128', '鄂温克族自治旗', 'county', NULL, 2002),
('152129', '新巴尔虎右旗', 'county', NULL, 2002),
('152130', '新巴尔虎左旗', 'county', NULL, 2002),
('152131', '陈巴尔虎旗', 'county', NULL, 2002),
('152200', '兴安盟', 'prefecture', NULL, NULL),
('152201', '乌兰浩特市', 'county', NULL, NULL),
('152202', '阿尔山市', 'county', 1996, NULL),
('152221', '科尔沁右翼前旗', 'county', NULL, NULL),
('152222', '科尔沁右翼中旗', 'county', NULL, NULL),
('152223', '扎赉特旗', 'county', NULL, NULL),
('152224', '突泉县', 'county', NULL, NULL),
('152300', '哲里木盟', 'prefecture', NULL, 2000),
('152301', '通辽市', 'county', NULL, 2000),
('152302', '霍林郭勒市', 'county', 1985, 2000),
('152321', '通辽县', 'county', NULL, 1987),
('152322', '科尔沁左翼中旗', 'county', NULL, 2000),
('152323', '科尔沁左翼后旗', 'county', NULL, 2000),
('152324', '开鲁县', 'county', NULL, 2000),
('152325', '库伦旗', 'county', NULL, 2000),
('152326', '奈曼旗', 'county', NULL, 2000),
('152327', '扎鲁特旗', 'county', NULL, 2000),
('152400', '昭乌达盟', 'prefecture', NULL, 1984),
('152401', '赤峰市', 'county', NULL, 1984),
('152421', '阿鲁科尔沁旗', 'county', NULL, 1984),
('152422', '巴林左旗', 'county', NULL, 1984),
('152423', '巴林右旗', 'county', NULL, 1984),
('152424', '林西县', 'county', NULL, 1984),
('152425', '克什克腾旗', 'county', NULL, 1984),
('152426', '翁牛特旗', 'county', NULL, 1984),
('152427', '赤峰县', 'county', NULL, 1984),
('152428', '喀喇沁旗', 'county', NULL, 1984),
('152429', '宁城县', 'county', NULL, 1984),
('152430', '敖汉旗', 'county', NULL, 1984),
('152500', '锡林郭勒盟', 'prefecture', NULL, NULL),
('152501', '二连浩特市', 'county', NULL, NULL),
('152502', '锡林浩特市', 'county', 1983, NULL),
('152521', '阿巴哈纳尔旗', 'county', NULL, 1984),
('152522', '阿巴嘎旗', 'county', NULL, NULL),
('152523', '苏尼特左旗', 'county', NULL, NULL),
('152524', '苏尼特右旗', 'county', NULL, NULL),
('152525', '东乌珠穆沁旗', 'county', NULL, NULL),
('152526', '西乌珠穆沁旗', 'county', NULL, NULL),
('152527', '太仆寺旗', 'county', NULL, NULL),
('152528', '镶黄旗', 'county', NULL, NULL),
('152529', '正镶白旗', 'county', NULL, NULL),
('152530', '正蓝旗', 'county', NULL, NULL),
('152531', '多伦县', 'county', NULL, NULL),
('152600', '乌兰察布盟', 'prefecture', NULL, 2004),
('152601', '集宁市', 'county', NULL, 2004),
('152602', '丰镇市', 'county', 1990, 2004),
('152621', '武川县', 'county', NULL, 1997),
('152622', '和林格尔县', 'county', NULL, 1996),
('152623', '清水河县', 'county', NULL, 1996),
('152624', '卓资县', 'county', NULL, 2004),
('152625', '化德县', 'county', NULL, 2004),
('152626', '商都县', 'county', NULL, 2004),
('152627', '兴和县', 'county', NULL, 2004),
('152628', '丰镇县', 'county', NULL, 1991),
('152629', '凉城县', 'county', NULL, 2004),
('152630', '察哈尔右翼前旗', 'county', NULL, 2004),
('152631', '察哈尔右翼中旗', 'county', NULL, 2004),
('152632', '察哈尔右翼后旗', 'county', NULL, 2004),
('152633', '达尔罕茂明安联合旗', 'county', NULL, 1997),
('152634', '四子王旗', 'county', NULL, 2004),
('152700', '伊克昭盟', 'prefecture', NULL, 2002),
('152701', '东胜市', 'county', 1983, 2002),
('152721', '东胜县', 'county', NULL, 1984),
('152722', '达拉特旗', 'county', NULL, 2002),
('152723', '准格尔旗', 'county', NULL, 2002),
('152724', '鄂托克前旗', 'county', NULL, 2002),
('152725', '鄂托克旗', 'county', NULL, 2002),
('152726', '杭锦旗', 'county', NULL, 2002),
('152727', '乌审旗', 'county', NULL, 2002),
('152728', '伊金霍洛旗', 'county', NULL, 2002),
('152800', '巴彦淖尔盟', 'prefecture', NULL, 2004),
('152801', '临河市', 'county', 1984, 2004),
('152821', '临河县', 'county', NULL, 1985),
('152822', '五原县', 'county', NULL, 2004),
('152823', '磴口县', 'county', NULL, 2004),
('152824', '乌拉特前旗', 'county', NULL, 2004),
('152825', '乌拉特中旗', 'county', NULL, 2004),
('152826', '乌拉特后旗', 'county', NULL, 2004),
('152827', '杭锦后旗', 'county', NULL, 2004),
('152900', '阿拉善盟', 'prefecture', NULL, NULL),
('152921', '阿拉善左旗', 'county', NULL, NULL),
('152922', '阿拉善右旗', 'county', NULL, NULL),
('152923', '额济纳旗', 'county', NULL, NULL),
('210000', '辽宁省', 'province', NULL, NULL),
('210100', '沈阳市', 'prefecture', NULL, NULL),
('210101', '市辖区', 'county', 1983, NULL),
('210102', '和平区', 'county', 1983, NULL),
('210103', '沈河区', 'county', 1983, NULL),
('210104', '大东区', 'county', 1983, NULL),
('210105', '皇姑区', 'county', 1983, NULL),
('210106', '铁西区', 'county', 1983, NULL),
('210111', '苏家屯区', 'county', 1983, NULL),
('210112', '东陵区', 'county', 1983, 2014),
('210112', '浑南区', 'county', 2014, NULL),
('210113', '新城子区', 'county', 1983, 2006),
('210113', '沈北新区', 'county', 2006, NULL),
('210114', '于洪区', 'county', 1983, NULL),
('210115', '辽中区', 'county', 2016, NULL),
('210120', '市区', 'county', NULL, 1984),
('210121', '新民县', 'county', NULL, 1994),
('210122', '辽中县', 'county', NULL, 2017),
('210123', '康平县', 'county', 1992, NULL),
('210124', '法库县', 'county', 1992, NULL),
('210181', '新民市', 'county', 1993, NULL),
('210200', '旅大市', 'prefecture', NULL, 1981),
('210200', '大连市', 'prefecture', 1981, NULL),
('210201', '市辖区', 'county', 1983, NULL),
('210202', '中山区', 'county', 1983, NULL),
('210203', '西岗区', 'county', 1983, NULL),
('210204', '沙河口区', 'county', 1983, NULL),
('210211', '甘井子区', 'county', 1983, NULL),
('210212', '旅顺口区', 'county', 1983, NULL),
('210213', '金州区', 'county', 1987, NULL),
('210214', '普兰店区', 'county', 2015, NULL),
('210219', '瓦房店市', 'county', 1985, 1987),
('210220', '市区', 'county', NULL, 1984),
('210221', '金县', 'county', NULL, 1988),
('210222', '新金县', 'county', NULL, 1992),
('210223', '复县', 'county', NULL, 1986),
('210224', '长海县', 'county', NULL, NULL),
('210225', '庄河县', 'county', NULL, 1993),
('210281', '瓦房店市', 'county', 1989, NULL),
('210282', '普兰店市', 'county', 1991, 2016),
('210283', '庄河市', 'county', 1992, NULL),
('210300', '鞍山市', 'prefecture', NULL, NULL),
('210301', '市辖区', 'county', 1983, NULL),
('210302', '铁东区', 'county', 1983, NULL),
('210303', '铁西区', 'county', 1983, NULL),
('210304', '立山区', 'county', 1983, NULL),
('210311', '郊区', 'county', 1983, 1983),
('210311', '旧堡区', 'county', 1983, 1996),
('210311', '千山区', 'county', 1996, NULL),
('210319', '海城市', 'county', 1985, 1987),
('210320', '市区', 'county', NULL, 1984),
('210321', '台安县', 'county', NULL, NULL),
('210322', '海城县', 'county', NULL, 1986),
('210323', '岫岩满族自治县', 'county', 1992, NULL),
('210381', '海城市', 'county', 1989, NULL),
('210400', '抚顺市', 'prefecture', NULL, NULL),
('210401', '市辖区', 'county', 1983, NULL),
('210402', '新抚区', 'county', 1983, NULL),
('210403', '露天区', 'county', 1983, 1999),
('210403', '东洲区', 'county', 1999, NULL),
('210404', '望花区', 'county', 1983, NULL),
('210411', '郊区', 'county', 1983, 1988),
('210411', '顺城区', 'county', 1988, NULL),
('210420', '市区', 'county', NULL, 1984),
('210421', '抚顺县', 'county', NULL, NULL),
('210422', '新宾县', 'county', NULL, 1985),
('210422', '新宾满族自治县', 'county', 1985, NULL),
('210423', '清原县', 'county', NULL, 1989),
('210423', '清原满族自治县', 'county', 1989, NULL),
('210500', '本溪市', 'prefecture', NULL, NULL),
('210501', '市辖区', 'county', 1983, NULL),
('210502', '平山区', 'county', 1983, NULL),
('210503', '溪湖区', 'county', 1983, NULL),
('210504', '明山区', 'county', 1984, NULL),
('210505', '南芬区', 'county', 1984, NULL),
('210511', '立新区', 'county', 1983, 1985),
('210520', '市区', 'county', NULL, 1984),
('210521', '本溪县', 'county', NULL, 1989),
('210521', '本溪满族自治县', 'county', 1989, NULL),
('210522', '桓仁县', 'county', NULL, 1989),
('210522', '桓仁满族自治县', 'county', 1989, NULL),
('210600', '丹东市', 'prefecture', NULL, NULL),
('210601', '市辖区', 'county', 1983, NULL),
('210602', '元宝区', 'county', 1983, NULL),
('210603', '振兴区', 'county', 1983, NULL),
('210604', '振安区', 'county', 1983, NULL),
('210620', '市区', 'county', NULL, 1984),
('210621', '凤城县', 'county', NULL, 1985),
('210621', '凤城满族自治县', 'county', 1985, 1994),
('210622', '岫岩县', 'county', NULL, 1985),
('210622', '岫岩满族自治县', 'county', 1985, 1993),
('210623', '东沟县', 'county', NULL, 1994),
('210624', '宽甸县', 'county', NULL, 1989),
('210624', '宽甸满族自治县', 'county', 1989, NULL),
('210681', '东港市', 'county', 1993, NULL),
('210682', '凤城市', 'county', 1994, NULL),
('210700', '锦州市', 'prefecture', NULL, NULL),
('210701', '市辖区', 'county', 1983, NULL),
('210702', '古塔区', 'county', 1983, NULL),
('210703', '凌河区', 'county', 1983, NULL),
('210704', '南票区', 'county', 1983, 1990),
('210705', '葫芦岛区', 'county', 1983, 1990),
('210711', '太和区', 'county', 1983, NULL),
('210719', '锦西市', 'county', 1985, 1987),
('210720', '市区', 'county', NULL, 1984),
('210721', '锦西县', 'county', NULL, 1986),
('210722', '兴城县', 'county', NULL, 1987),
('210723', '绥中县', 'county', NULL, 1990),
('210724', '锦县', 'county', NULL, 1994),
('210725', '北镇县', 'county', NULL, 1989),
('210725', '北镇满族自治县', 'county', 1989, 1995),
('210726', '黑山县', 'county', NULL, NULL),
('210727', '义县', 'county', NULL, NULL),
('210781', '凌海市', 'county', 1993, NULL),
('210782', '北宁市', 'county', 1995, 2006),
('210782', '北镇市', 'county', 2006, NULL),
('210800', '营口市', 'prefecture', NULL, NULL),
('210801', '市辖区', 'county', 1983, NULL),
('210802', '站前区', 'county', 1983, NULL),
('210803', '西市区', 'county', 1983, NULL),
('210804', '鲅鱼圈区', 'county', 1986, NULL),
('210811', '郊区', 'county', 1983, 1984),
('210811', '老边区', 'county', 1984, NULL),
('210812', '鲅鱼圈区', 'county', 1984, 1987),
('210820', '市区', 'county', NULL, 1984),
('210821', '营口县', 'county', NULL, 1993),
('210822', '盘山县', 'county', NULL, 1985),
('210823', '大洼县', 'county', NULL, 1985),
('210824', '盖县', 'county', NULL, 1993),
('210881', '盖州市', 'county', 1992, NULL),
('210882', '大石桥市', 'county', 1992, NULL),
('210900', '阜新市', 'prefecture', NULL, NULL),
('210901', '市辖区', 'county', 1983, NULL),
('210902', '海州区', 'county', 1983, NULL),
('210903', '新邱区', 'county', 1983, NULL),
('210904', '太平区', 'county', 1983, NULL),
('210905', '清河门区', 'county', 1983, NULL),
('210911', '郊区', 'county', 1983, 1984),
('210911', '细河区', 'county', 1984, NULL),
('210920', '市区', 'county', NULL, 1984),
('210921', '阜新蒙古族自治县', 'county', NULL, NULL),
('210922', '彰武县', 'county', NULL, NULL),
('211000', '辽阳市', 'prefecture', NULL, NULL),
('211001', '市辖区', 'county', 1983, NULL),
('211002', '白塔区', 'county', 1983, NULL),
('211003', '文圣区', 'county', 1983, NULL),
('211004', '宏伟区', 'county', 1983, NULL),
('211005', '弓长岭区', 'county', 1984, NULL),
('211011', '郊区', 'county', 1983, 1984),
('211011', '太子河区', 'county', 1984, NULL),
('211020', '市区', 'county', NULL, 1984),
('211021', '辽阳县', 'county', NULL, NULL),
('211022', '灯塔县', 'county', NULL, 1997),
('211081', '灯塔市', 'county', 1996, NULL),
('211100', '盘锦市', 'prefecture', 1984, NULL),
('211101', '市辖区', 'county', 1984, NULL),
('211102', '盘山区', 'county', 1984, 1986),
('211102', '双台子区', 'county', 1986, NULL),
('211103', '兴隆台区', 'county', 1984, NULL),
('211104', '大洼区', 'county', 2016, NULL),
('211111', '郊区', 'county', 1984, 1987),
('211121', '大洼县', 'county', 1984, 2017),
('211122', '盘山县', 'county', 1986, NULL),
('211200', '铁岭市', 'prefecture', 1984, NULL),
('211201', '市辖区', 'county', 1984, NULL),
('211202', '银州区', 'county', 1984, NULL),
('211203', '铁法区', 'county', 1984, 1987),
('211204', '清河区', 'county', 1984, NULL),
('211221', '铁岭县', 'county', 1984, NULL),
('211222', '开原县', 'county', 1984, 1989),
('211223', '西丰县', 'county', 1984, NULL),
('211224', '昌图县', 'county', 1984, NULL),
('211225', '康平县', 'county', 1984, 1993),
('211226', '法库县', 'county', 1984, 1993),
('211281', '铁法市', 'county', 1989, 2002),
('211281', '调兵山市', 'county', 2002, NULL),
('211282', '开原市', 'county', 1989, NULL),
('211300', '朝阳市', 'prefecture', 1984, NULL),
('211301', '市辖区', 'county', 1984, NULL),
('211302', '双塔区', 'county', 1984, NULL),
('211303', '龙城区', 'county', 1984, NULL),
('211319', '北票市', 'county', 1985, 1987),
('211321', '朝阳县', 'county', 1984, NULL),
('211322', '建平县', 'county', 1984, NULL),
('211323', '凌源县', 'county', 1984, 1992),
('211324', '喀喇沁左翼蒙古族自治县', 'county', 1984, NULL),
('211325', '建昌县', 'county', 1984, 1990),
('211326', '北票县', 'county', 1984, 1986),
('211381', '北票市', 'county', 1989, NULL),
('211382', '凌源市', 'county', 1991, NULL),
('211400', '锦西市', 'prefecture', 1989, 1994),
('211400', '葫芦岛市', 'prefecture', 1994, NULL),
('211401', '市辖区', 'county', 1989, NULL),
('211402', '连山区', 'county', 1989, NULL),
('211403', '葫芦岛区', 'county', 1989, 1994),
('211403', '龙港区', 'county', 1994, NULL),
('211404', '南票区', 'county', 1989, NULL),
('211421', '绥中县', 'county', 1989, NULL),
('211422', '建昌县', 'county', 1989, NULL),
('211481', '兴城市', 'county', 1989, NULL),
('212100', '铁岭地区', 'prefecture', NULL, 1985),
('212101', '铁岭市', 'county', NULL, 1985),
('212102', '铁法市', 'county', 1981, 1985),
('212121', '铁岭县', 'county', NULL, 1985),
('212122', '开原县', 'county', NULL, 1985),
('212123', '西丰县', 'county', NULL, 1985),
('212124', '昌图县', 'county', NULL, 1985),
('212125', '康平县', 'county', NULL, 1985),
('212126', '法库县', 'county', NULL, 1985),
('212200', '朝阳地区', 'prefecture', NULL, 1985),
('212201', '朝阳市', 'county', NULL, 1985),
('212221', '朝阳县', 'county', NULL, 1985),
('212222', '建平县', 'county', NULL, 1985),
('212223', '凌源县', 'county', NULL, 1985),
('212224', '喀喇沁左翼蒙古族自治县', 'county', NULL, 1985),
('212225', '建昌县', 'county', NULL, 1985),
('212226', '北票县', 'county', NULL, 1985),
('219000', '省直辖县级行政单位', 'prefecture', 1986, 1990),
('219001', '瓦房店市', 'county', 1986, 1990),
('219002', '海城市', 'county', 1986, 1990),
('219003', '锦西市', 'county', 1986, 1990),
('219004', '兴城市', 'county', 1986, 1990),
('219005', '铁法市', 'county', 1986, 1990),
('219006', '北票市', 'county', 1986, 1990),
('219007', '开原市', 'county', 1988, 1990),
('220000', '吉林省', 'province', NULL, NULL),
('220100', '长春市', 'prefecture', NULL, NULL),
('220101', '市辖区', 'county', 1983, NULL),
('220102', '南关区', 'county', 1983, NULL),
('220103', '宽城区', 'county', 1983, NULL),
('220104', '朝阳区', 'county', 1983, NULL),
('220105', '二道河子区', 'county', 1983, 1995),
('220105', '二道区', 'county', 1995, NULL),
('220106', '绿园区', 'county', 1995, NULL),
('220111', '郊区', 'county', 1983, 1996),
('220112', '双阳区', 'county', 1995, NULL),
('220113', '九台区', 'county', 2014, NULL),
('220120', '市区', 'county', NULL, 1984),
('220121', '榆树县', 'county', 1983, 1991),
('220122', '农安县', 'county', 1983, NULL),
('220123', '九台县', 'county', 1983, 1989),
('220124', '德惠县', 'county', 1983, 1995),
('220125', '双阳县', 'county', 1983, 1996),
('220181', '九台市', 'county', 1989, 2015),
('220182', '榆树市', 'county', 1990, NULL),
('220183', '德惠市', 'county', 1994, NULL),
('220184', '公主岭市', 'county', 2020, NULL),
('220200', '吉林市', 'prefecture', NULL, NULL),
('220201', '市辖区', 'county', 1983, NULL),
('220202', '昌邑区', 'county', 1983, NULL),
('220203', '龙潭区', 'county', 1983, NULL),
('220204', '船营区', 'county', 1983, NULL),
('220211', '郊区', 'county', 1983, 1992),
('220211', '丰满区', 'county', 1992, NULL),
('220220', '市区', 'county', NULL, 1984),
('220221', '永吉县', 'county', 1983, NULL),
('220222', '舒兰县', 'county', 1983, 1993),
('220223', '磐石县', 'county', 1983, 1996),
('220224', '蛟河县', 'county', 1983, 1990),
('220225', '桦甸县', 'county', 1983, 1989),
('220281', '蛟河市', 'county', 1989, NULL),
('220282', '桦甸市', 'county', 1989, NULL),
('220283', '舒兰市', 'county', 1992, NULL),
('220284', '磐石市', 'county', 1995, NULL),
('220300', '四平市', 'prefecture', 1983, NULL),
('220301', '市辖区', 'county', 1983, NULL),
('220302', '铁西区', 'county', 1983, NULL),
('220303', '铁东区', 'county', 1983, NULL),
('220319', '公主岭市', 'county', 1985, 1987),
('220321', '怀德县', 'county', 1983, 1986),
('220322', '梨树县', 'county', 1983, NULL),
('220323', '伊通县', 'county', 1983, 1988),
('220323', '伊通满族自治县', 'county', 1988, NULL),
('220324', '双辽县', 'county', 1983, 1997),
('220381', '公主岭市', 'county', 1989, 2021),
('220382', '双辽市', 'county', 1996, NULL),
('220400', '辽源市', 'prefecture', 1983, NULL),
('220401', '市辖区', 'county', 1983, NULL),
('220402', '龙山区', 'county', 1983, NULL),
('220403', '西安区', 'county', 1983, NULL),
('220421', '东丰县', 'county', 1983, NULL),
('220422', '东辽县', 'county', 1983, NULL),
('220500', '通化市', 'prefecture', 1985, NULL),
('220501', '市辖区', 'county', 1986, NULL),
('220502', '东昌区', 'county', 1986, NULL),
('220503', '二道江区', 'county', 1986, NULL),
('220519', '梅河口市', 'county', 1985, 1987),
('220521', '通化县', 'county', 1985, NULL),
('220522', '集安县', 'county', 1985, 1989),
('220523', '辉南县', 'county', 1985, NULL),
('220524', '柳河县', 'county', 1985, NULL),
('220581', '梅河口市', 'county', 1989, NULL),
('220582', '集安市', 'county', 1989, NULL),
('220600', '浑江市', 'prefecture', 1985, 1994),
('220600', '白山市', 'prefecture', 1994, NULL),
('220601', '市辖区', 'county', 1986, NULL),
('220602', '八道江区', 'county', 1986, 2010),
('220602', '浑江区', 'county', 2010, NULL),
('220603', '三岔子区', 'county', 1986, 1996),
('220604', '临江区', 'county', 1986, 1993),
('220605', '江源区', 'county', 2006, NULL),
('220621', '抚松县', 'county', 1985, NULL),
('220622', '靖宇县', 'county', 1985, NULL),
('220623', '长白朝鲜族自治县', 'county', 1985, NULL),
('220624', '临江县', 'county', 1992, 1994),
('220625', '江源县', 'county', 1995, 2007),
('220681', '临江市', 'county', 1993, NULL),
('220700', '松原市', 'prefecture', 1992, NULL),
('220701', '市辖区', 'county', 1992, NULL),
('220702', '扶余区', 'county', 1992, 1995),
('220702', '宁江区', 'county', 1995, NULL),
('220721', '前郭尔罗斯蒙古族自治县', 'county', 1992, NULL),
('220722', '长岭县', 'county', 1992, NULL),
('220723', '乾安县', 'county', 1992, NULL),
('220724', '扶余县', 'county', 1995, 2014),
('220781', '扶余市', 'county', 2013, NULL),
('220800', '白城市', 'prefecture', 1993, NULL),
('220801', '市辖区', 'county', 1993, NULL),
('220802', '洮北区', 'county', 1993, NULL),
('220821', '镇赉县', 'county', 1993, NULL),
('220822', '通榆县', 'county', 1993, NULL),
('220881', '洮南市', 'county', 1993, NULL),
('220882', '大安市', 'county', 1993, NULL),
('222100', '四平地区', 'prefecture', NULL, 1984),
('222101', '四平市', 'county', NULL, 1984),
('222102', '辽源市', 'county', NULL, 1984),
('222121', '怀德县', 'county', NULL, 1984),
('222122', '梨树县', 'county', NULL, 1984),
('222123', '伊通县', 'county', NULL, 1984),
('222124', '双辽县', 'county', NULL, 1984),
('222125', '东丰县', 'county', NULL, 1984),
('222200', '通化地区', 'prefecture', NULL, 1986),
('222201', '通化市', 'county', NULL, 1986),
('222202', '浑江市', 'county', NULL, 1986),
('222221', '海龙县', 'county', NULL, 1986),
('222222', '通化县', 'county', NULL, 1986),
('222223', '柳河县', 'county', NULL, 1986),
('222224', '辉南县', 'county', NULL, 1986),
('222225', '集安县', 'county', NULL, 1986),
('222226', '抚松县', 'county', NULL, 1986),
('222227', '靖宇县', 'county', NULL, 1986),
('222228', '长白朝鲜族自治县', 'county', NULL, 1986),
('222300', '白城地区', 'prefecture', NULL, 1994),
('222301', '白城市', 'county', NULL, 1994),
('222302', '洮南市', 'county', 1987, 1994),
('222303', '扶余市', 'county', 1987, 1993),
('222304', '大安市', 'county', 1988, 1994),
('222321', '扶余县', 'county', NULL, 1988),
('222322', '洮安县', 'county', NULL, 1988),
('222323', '长岭县', 'county', NULL, 1993),
('222324', '前郭尔罗斯蒙古族自治县', 'county', NULL, 1993),
('222325', '大安县', 'county', NULL, 1989),
('222326', '镇赉县', 'county', NULL, 1994),
('222327', '通榆县', 'county', NULL, 1994),
('222328', '乾安县', 'county', NULL, 1993),
('222400', '延边朝鲜族自治州', 'prefecture', NULL, NULL),
('222401', '延吉市', 'county', NULL, NULL),
('222402', '图们市', 'county', NULL, NULL),
('222403', '敦化市', 'county', 1985, NULL),
('222404', '珲春市', 'county', 1988, NULL),
('222405', '龙井市', 'county', 1988, NULL),
('222406', '和龙市', 'county', 1993, NULL),
('222421', '延吉县', 'county', NULL, 1983),
('222421', '龙井县', 'county', 1983, 1988),
('222422', '敦化县', 'county', NULL, 1986),
('222423', '和龙县', 'county', NULL, 1994),
('222424', '汪清县', 'county', NULL, NULL),
('222425', '珲春县', 'county', NULL, 1989),
('222426', '安图县', 'county', NULL, NULL),
('222500', '德惠地区', 'prefecture', 1982, 1984),
('222521', '榆树县', 'county', 1982, 1984),
('222522', '农安县', 'county', 1982, 1984),
('222523', '九台县', 'county', 1982, 1984),
('222524', '德惠县', 'county', 1982, 1984),
('222525', '双阳县', 'county', 1982, 1984),
('222600', '永吉地区', 'prefecture', 1982, 1984),
('222621', '永吉县', 'county', 1982, 1984),
('222622', '舒兰县', 'county', 1982, 1984),
('222623', '磐石县', 'county', 1982, 1984),
('222624', '蛟河县', 'county', 1982, 1984),
('222625', '桦甸县', 'county', 1982, 1984),
('229000', '省直辖县级行政单位', 'prefecture', 1986, 1990),
('229001', '公主岭市', 'county', 1986, 1990),
('229002', '梅河口市', 'county', 1986, 1990),
('229003', '集安市', 'county', 1988, 1990),
('229004', '桦甸市', 'county', 1988, 1990),
('229005', '九台市', 'county', 1988, 1990),
('230000', '黑龙江省', 'province', NULL, NULL),
('230100', '哈尔滨市', 'prefecture', NULL, NULL),
('230101', '市辖区', 'county', 1983, NULL),
('230102', '道里区', 'county', 1983, NULL),
('230103', '南岗区', 'county', 1983, NULL),
('230104', '道外区', 'county', 1983, NULL),
('230105', '太平区', 'county', 1983, 2005),
('230106', '香坊区', 'county', 1983, 2007),
('230107', '动力区', 'county', 1983, 2007),
('230108', '平房区', 'county', 1983, NULL),
('230109', '松北区', 'county', 2004, NULL),
('230110', '香坊区', 'county', 2006, NULL),
('230111', '呼兰区', 'county', 2004, NULL),
('230112', '阿城区', 'county', 2006, NULL),
('230113', '双城区', 'county', 2014, NULL),
('230121', '呼兰县', 'county', 1983, 2005),
('230122', '阿城县', 'county', 1983, 1988),
('230123', '依兰县', 'county', 1991, NULL),
('230124', '方正县', 'county', 1991, NULL),
('230125', '宾县', 'county', 1991, NULL),
('230126', '巴彦县', 'county', 1996, NULL),
('230127', '木兰县', 'county', 1996, NULL),
('230128', '通河县', 'county', 1996, NULL),
('230129', '延寿县', 'county', 1996, NULL),
('230181', '阿城市', 'county', 1989, 2007),
('230182', '双城市', 'county', 1996, 2015),
('230183', '尚志市', 'county', 1996, NULL),
('230184', '五常市', 'county', 1996, NULL),
('230200', '齐齐哈尔市', 'prefecture', NULL, NULL),
('230201', '市辖区', 'county', 1983, NULL),
('230202', '龙沙区', 'county', 1983, NULL),
('230203', '建华区', 'county', 1983, NULL),
('230204', '铁锋区', 'county', 1983, NULL),
('230205', '昂昂溪区', 'county', 1983, NULL),
('230206', '富拉尔基区', 'county', 1983, NULL),
('230207', '华安区', 'county', 1983, 1983),
('230207', '碾子山区', 'county', 1983, NULL),
('230208', '梅里斯区', 'county', 1983, 1988),
('230208', '梅里斯达斡尔族区', 'county', 1988, NULL),
('230221', '龙江县', 'county', 1984, NULL),
('230222', '讷河县', 'county', 1984, 1993),
('230223', '依安县', 'county', 1984, NULL),
('230224', '泰来县', 'county', 1984, NULL),
('230225', '甘南县', 'county', 1984, NULL),
('230226', '杜尔伯特蒙古族自治县', 'county', 1984, 1993),
('230227', '富裕县', 'county', 1984, NULL),
('230228', '林甸县', 'county', 1984, 1993),
('230229', '克山县', 'county', 1984, NULL),
('230230', '克东县', 'county', 1984, NULL),
('230231', '拜泉县', 'county', 1984, NULL),
('230281', '讷河市', 'county', 1992, NULL),
('230300', '鸡西市', 'prefecture', NULL, NULL),
('230301', '市辖区', 'county', 1983, NULL),
('230302', '鸡冠区', 'county', 1983, NULL),
('230303', '恒山区', 'county', 1983, NULL),
('230304', '滴道区', 'county', 1983, NULL),
('230305', '梨树区', 'county', 1983, NULL),
('230306', '城子河区', 'county', 1983, NULL),
('230307', '麻山区', 'county', 1983, NULL),
('230321', '鸡东县', 'county', 1983, NULL),
('230322', '虎林县', 'county', 1993, 1997),
('230381', '虎林市', 'county', 1996, NULL),
('230382', '密山市', 'county', 1996, NULL),
('230400', '鹤岗市', 'prefecture', NULL, NULL),
('230401', '市辖区', 'county', 1983, NULL),
('230402', '向阳区', 'county', 1983, NULL),
('230403', '工农区', 'county', 1983, NULL),
('230404', '南山区', 'county', 1983, NULL),
('230405', '兴安区', 'county', 1983, NULL),
('230406', '东山区', 'county', 1983, NULL),
('230407', '兴山区', 'county', 1983, NULL),
('230421', '萝北县', 'county', 1987, NULL),
('230422', '绥滨县', 'county', 1987, NULL),
('230500', '双鸭山市', 'prefecture', NULL, NULL),
('230501', '市辖区', 'county', 1983, NULL),
('230502', '尖山区', 'county', 1983, NULL),
('230503', '岭东区', 'county', 1983, NULL),
('230504', '岭西区', 'county', 1983, 1988),
('230505', '四方台区', 'county', 1983, NULL),
('230506', '宝山区', 'county', 1983, NULL),
('230521', '集贤县', 'county', 1987, NULL),
('230522', '友谊县', 'county', 1991, NULL),
('230523', '宝清县', 'county', 1991, NULL),
('230524', '饶河县', 'county', 1993, NULL),
('230600', '大庆市', 'prefecture', NULL, NULL),
('230601', '市辖区', 'county', 1983, NULL),
('230602', '萨尔图区', 'county', 1983, NULL),
('230603', '龙凤区', 'county', 1983, NULL),
('230604', '让胡路区', 'county', 1983, NULL),
('230605', '红岗区', 'county', 1983, NULL),
('230606', '大同区', 'county', 1983, NULL),
('230621', '肇州县', 'county', 1992, NULL),
('230622', '肇源县', 'county', 1992, NULL),
('230623', '林甸县', 'county', 1992, NULL),
('230624', '杜尔伯特蒙古族自治县', 'county', 1992, NULL),
('230700', '伊春市', 'prefecture', NULL, NULL),
('230701', '市辖区', 'county', 1983, NULL),
('230702', '伊春区', 'county', 1983, 2020),
('230703', '南岔区', 'county', 1983, 2020),
('230704', '友好区', 'county', 1983, 2020),
('230705', '西林区', 'county', 1983, 2020),
('230706', '翠峦区', 'county', 1983, 2020),
('230707', '新青区', 'county', 1983, 2020),
('230708', '美溪区', 'county', 1983, 2020),
('230709', '大丰区', 'county', 1983, 1983),
('230709', '金山屯区', 'county', 1983, 2020),
('230710', '五营区', 'county', 1983, 2020),
('230711', '乌敏河区', 'county', 1983, 1983),
('230711', '乌马河区', 'county', 1983, 2020),
('230712', '东风区', 'county', 1983, 1983),
('230712', '汤旺河区', 'county', 1983, 2020),
('230713', '带岭区', 'county', 1983, 2020),
('230714', '乌伊岭区', 'county', 1983, 2020),
('230715', '红星区', 'county', 1983, 2020),
('230716', '上甘岭区', 'county', 1983, 2020),
('230717', '伊美区', 'county', 2019, NULL),
('230718', '乌翠区', 'county', 2019, NULL),
('230719', '友好区', 'county', 2019, NULL),
('230720', '市区', 'county', NULL, 1984),
('230721', '铁力县', 'county', NULL, 1989),
('230722', '嘉荫县', 'county', NULL, NULL),
('230723', '汤旺县', 'county', 2019, NULL),
('230724', '丰林县', 'county', 2019, NULL),
('230725', '大箐山县', 'county', 2019, NULL),
('230726', '南岔县', 'county', 2019, NULL),
('230751', '金林区', 'county', 2019, NULL),
('230781', '铁力市', 'county', 1989, NULL),
('230800', '佳木斯市', 'prefecture', 1983, NULL),
('230801', '市辖区', 'county', 1983, NULL),
('230802', '永红区', 'county', 1983, 2007),
('230803', '向阳区', 'county', 1983, NULL),
('230804', '前进区', 'county', 1983, NULL),
('230805', '东风区', 'county', 1983, NULL),
('230811', '郊区', 'county', 1983, NULL),
('230821', '富锦县', 'county', 1984, 1989),
('230822', '桦南县', 'county', 1984, NULL),
('230823', '依兰县', 'county', 1984, 1992),
('230824', '友谊县', 'county', 1984, 1992),
('230825', '集贤县', 'county', 1984, 1988),
('230826', '桦川县', 'county', 1984, NULL),
('230827', '宝清县', 'county', 1984, 1992),
('230828', '汤原县', 'county', 1984, NULL),
('230829', '绥滨县', 'county', 1984, 1988),
('230830', '萝北县', 'county', 1984, 1988),
('230831', '同江县', 'county', 1984, 1988),
('230832', '饶河县', 'county', 1984, 1994),
('230833', '抚远县', 'county', 1984, 2017),
('230881', '同江市', 'county', 1989, NULL),
('230882', '富锦市', 'county', 1989, NULL),
('230883', '抚远市', 'county', 2016, NULL),
('230900', '七台河市', 'prefecture', 1983, NULL),
('230901', '市辖区', 'county', 1984, NULL),
('230902', '新兴区', 'county', 1984, NULL),
('230903', '桃山区', 'county', 1984, NULL),
('230904', '茄子河区', 'county', 1984, NULL),
('230921', '勃利县', 'county', 1983, NULL),
('231000', '牡丹江市', 'prefecture', 1983, NULL),
('231001', '市辖区', 'county', 1983, NULL),
('231002', '东安区', 'county', 1983, NULL),
('231003', '阳明区', 'county', 1983, NULL),
('231004', '爱民区', 'county', 1983, NULL),
('231005', '西安区', 'county', 1983, NULL),
('231011', '郊区', 'county', 1983, 1998),
('231019', '镜泊湖市', 'county', 1986, 1988),
('231020', '绥芬河市', 'county', 1983, 1987),
('231021', '宁安县', 'county', 1983, 1994),
('231022', '海林县', 'county', 1983, 1993),
('231023', '穆棱县', 'county', 1983, 1996),
('231024', '东宁县', 'county', 1983, 2016),
('231025', '林口县', 'county', 1983, NULL),
('231026', '密山县', 'county', 1983, 1989),
('231027', '虎林县', 'county', 1983, 1994),
('231081', '绥芬河市', 'county', 1989, NULL),
('231082', '密山市', 'county', 1989, 1997),
('231083', '海林市', 'county', 1992, NULL),
('231084', '宁安市', 'county', 1993, NULL),
('231085', '穆棱市', 'county', 1995, NULL),
('231086', '东宁市', 'county', 2015, NULL),
('231100', '黑河市', 'prefecture', 1993, NULL),
('231101', '市辖区', 'county', 1993, NULL),
('231102', '爱辉区', 'county', 1993, NULL),
('231121', '嫩江县', 'county', 1993, 2020),
('231122', '德都县', 'county', 1993, 1997),
('231123', '逊克县', 'county', 1993, NULL),
('231124', '孙吴县', 'county', 1993, NULL),
('231181', '北安市', 'county', 1993, NULL),
('231182', '五大连池市', 'county', 1993, NULL),
('231183', '嫩江市', 'county', 2019, NULL),
('231200', '绥化市', 'prefecture', 1999, NULL),
('231201', '市辖区', 'county', 1999, NULL),
('231202', '北林区', 'county', 1999, NULL),
('231221', '望奎县', 'county', 1999, NULL),
('231222', '兰西县', 'county', 1999, NULL),
('231223', '青冈县', 'county', 1999, NULL),
('231224', '庆安县', 'county', 1999, NULL),
('231225', '明水县', 'county', 1999, NULL),
('231226', '绥棱县', 'county', 1999, NULL),
('231281', '安达市', 'county', 1999, NULL),
('231282', '肇东市', 'county', 1999, NULL),
('231283', '海伦市', 'county', 1999, NULL),
('232100', '松花江地区', 'prefecture', NULL, 1997),
('232101', '双城市', 'county', 1988, 1997),
('232102', '尚志市', 'county', 1988, 1997),
('232103', '五常市', 'county', 1993, 1997),
('232121', '阿城县', 'county', NULL, 1984),
('232122', '宾县', 'county', NULL, 1992),
('232123', '呼兰县', 'county', NULL, 1984),
('232124', '双城县', 'county', NULL, 1989),
('232125', '五常县', 'county', NULL, 1994),
('232126', '巴彦县', 'county', NULL, 1997),
('232127', '木兰县', 'county', NULL, 1997),
('232128', '通河县', 'county', NULL, 1997),
('232129', '尚志县', 'county', NULL, 1989),
('232130', '方正县', 'county', NULL, 1992),
('232131', '延寿县', 'county', NULL, 1997),
('232200', '嫩江地区', 'prefecture', NULL, 1985),
('232221', '龙江县', 'county', NULL, 1985),
('232222', '讷河县', 'county', NULL, 1985),
('232223', '依安县', 'county', NULL, 1985),
('232224', '泰来县', 'county', NULL, 1985),
('232225', '甘南县', 'county', NULL, 1985),
('232226', '杜尔伯特蒙古族自治县', 'county', NULL, 1985),
('232227', '富裕县', 'county', NULL, 1985),
('232228', '林甸县', 'county', NULL, 1985),
('232229', '克山县', 'county', NULL, 1985),
('232230', '克东县', 'county', NULL, 1985),
('232231', '拜泉县', 'county', NULL, 1985),
('232300', '绥化地区', 'prefecture', NULL, 2000),
('232301', '绥化市', 'county', 1982, 2000),
('232302', '安达市', 'county', 1984, 2000),
('232303', '肇东市', 'county', 1986, 2000),
('232304', '海伦市', 'county', 1989, 2000),
('232321', '海伦县', 'county', NULL, 1990),
('232322', '肇东县', 'county', NULL, 1987),
('232323', '绥化县', 'county', NULL, 1983),
('232324', '望奎县', 'county', NULL, 2000),
('232325', '兰西县', 'county', NULL, 2000),
('232326', '青冈县', 'county', NULL, 2000),
('232327', '安达县', 'county', NULL, 1985),
('232328', '肇源县', 'county', NULL, 1993),
('232329', '肇州县', 'county', NULL, 1993),
('232330', '庆安县', 'county', NULL, 2000),
('232331', '明水县', 'county', NULL, 2000),
('232332', '绥棱县', 'county', NULL, 2000),
('232400', '合江地区', 'prefecture', NULL, 1985),
('232401', '佳木斯市', 'county', NULL, 1985),
('232402', '七台河市', 'county', NULL, 1985),
('232421', '富锦县', 'county', NULL, 1985),
('232422', '桦南县', 'county', NULL, 1985),
('232423', '依兰县', 'county', NULL, 1985),
('232424', '勃利县', 'county', NULL, 1984),
('232425', '集贤县', 'county', NULL, 1985),
('232426', '桦川县', 'county', NULL, 1985),
('232427', '宝清县', 'county', NULL, 1985),
('232428', '汤原县', 'county', NULL, 1985),
('232429', '绥滨县', 'county', NULL, 1985),
('232430', '萝北县', 'county', NULL, 1985),
('232431', '同江县', 'county', NULL, 1985),
('232432', '饶河县', 'county', NULL, 1985),
('232433', '抚远县', 'county', NULL, 1985),
('232434', '友谊县', 'county', 1984, 1985),
('232500', '牡丹江地区', 'prefecture', NULL, 1984),
('232501', '牡丹江市', 'county', NULL, 1984),
('232502', '绥芬河市', 'county', NULL, 1984),
('232521', '宁安县', 'county', NULL, 1984),
('232522', '海林县', 'county', NULL, 1984),
('232523', '穆棱县', 'county', NULL, 1984),
('232524', '东宁县', 'county', NULL, 1984),
('232525', '林口县', 'county', NULL, 1984),
('232526', '鸡东县', 'county', NULL, 1984),
('232527', '密山县', 'county', NULL, 1984),
('232528', '虎林县', 'county', NULL, 1984),
('232600', '黑河地区', 'prefecture', NULL, 1994),
('232601', '黑河市', 'county', NULL, 1994),
('232602', '北安市', 'county', 1982, 1994),
('232603', '五大连池市', 'county', 1983, 1994),
('232621', '北安县', 'county', NULL, 1983),
('232622', '嫩江县', 'county', NULL, 1994),
('232623', '德都县', 'county', NULL, 1994),
('232624', '爱辉县', 'county', NULL, 1984),
('232625', '逊克县', 'county', NULL, 1994),
('232626', '孙吴县', 'county', NULL, 1994),
('232627', '通北县', 'county', 1982, 1984),
('232700', '大兴安岭地区', 'prefecture', NULL, NULL),
('232701', '加格達奇區', 'county', 1981, 2019),
('232701', '漠河市', 'county', 2018, NULL),
('232702', '松嶺區', 'county', 1981, 2019),
('232703', '新林區', 'county', 1981, 2019),
('232704', '呼中區', 'county', 1981, 2019),
('232721', '呼玛县', 'county', NULL, NULL),
('232722', '塔河县', 'county', 1981, NULL),
('232723', '漠河县', 'county', 1981, 2019),
('232761', '加格達奇區', 'county', 2018, NULL),
('232762', '松嶺區', 'county', 2018, NULL),
('232763', '新林區', 'county', 2018, NULL),
('232764', '呼中區', 'county', 2018, NULL),
('239000', '省直辖县级行政单位', 'prefecture', 1986, 1990),
('239001', '绥芬河市', 'county', 1986, 1990),
('239002', '阿城市', 'county', 1987, 1990),
('239003', '同江市', 'county', 1987, 1990),
('239004', '富锦市', 'county', 1988, 1990),
('239005', '铁力市', 'county', 1988, 1990),
('239006', '密山市', 'county', 1988, 1990),
('310000', '上海市', 'province', NULL, NULL),
('310100', '市辖区', 'prefecture', NULL, NULL),
('310101', '黄浦区', 'county', NULL, NULL),
('310102', '南市区', 'county', NULL, 2001),
('310103', '卢湾区', 'county', NULL, 2012),
('310104', '徐汇区', 'county', NULL, NULL),
('310105', '长宁区', 'county', NULL, NULL),
('310106', '静安区', 'county', NULL, NULL),
('310107', '普陀区', 'county', NULL, NULL),
('310108', '闸北区', 'county', NULL, 2016),
('310109', '虹口区', 'county', NULL, NULL),
('310110', '杨浦区', 'county', NULL, NULL),
('310111', '吴淞区', 'county', NULL, 1989),
('310112', '闵行区', 'county', 1981, NULL),
('310113', '宝山区', 'county', 1988, NULL),
('310114', '嘉定区', 'county', 1992, NULL),
('310115', '浦东新区', 'county', 1992, NULL),
('310116', '金山区', 'county', 1997, NULL),
('310117', '松江区', 'county', 1998, NULL),
('310118', '青浦区', 'county', 1999, NULL),
('310119', '南汇区', 'county', 2001, 2010),
('310120', '奉贤区', 'county', 2001, NULL),
('310151', '崇明区', 'county', 2016, NULL),
('310200', '县', 'prefecture', NULL, 2017),
('310201', '上海县', 'county', NULL, 1983),
('310202', '嘉定县', 'county', NULL, 1983),
('310203', '宝山县', 'county', NULL, 1983),
('310204', '川沙县', 'county', NULL, 1983),
('310205', '南汇县', 'county', NULL, 1983),
('310206', '奉贤县', 'county', NULL, 1983),
('310207', '松江县', 'county', NULL, 1983),
('310208', '金山县', 'county', NULL, 1983),
('310209', '青浦县', 'county', NULL, 1983),
('310210', '崇明县', 'county', NULL, 1983),
('310221', '上海县', 'county', 1982, 1993),
('310222', '嘉定县', 'county', 1982, 1993),
('310223', '宝山县', 'county', 1982, 1989),
('310224', '川沙县', 'county', 1982, 1993),
('310225', '南汇县', 'county', 1982, 2002),
('310226', '奉贤县', 'county', 1982, 2002),
('310227', '松江县', 'county', 1982, 1999),
('310228', '金山县', 'county', 1982, 1998),
('310229', '青浦县', 'county', 1982, 2000),
('310230', '崇明县', 'county', 1982, 2017),
('320000', '江苏省', 'province', NULL, NULL),
('320100', '南京市', 'prefecture', NULL, NULL),
('320101', '市辖区', 'county', 1983, NULL),
('320102', '玄武区', 'county', 1983, NULL),
('320103', '白下区', 'county', 1983, 2014),
('320104', '秦淮区', 'county', 1983, NULL),
('320105', '建邺区', 'county', 1983, NULL),
('320106', '鼓楼区', 'county', 1983, NULL),
('320107', '下关区', 'county', 1983, 2014),
('320111', '浦口区', 'county', 1983, NULL),
('320112', '大厂区', 'county', 1983, 2003),
('320113', '栖霞区', 'county', 1983, NULL),
('320114', '雨花台区', 'county', 1983, NULL),
('320115', '江宁区', 'county', 2000, NULL),
('320116', '六合区', 'county', 2002, NULL),
('320117', '溧水区', 'county', 2013, NULL),
('320118', '高淳区', 'county', 2013, NULL),
('320120', '市区', 'county', NULL, 1984),
('320121', '江宁县', 'county', NULL, 2001),
('320122', '江浦县', 'county', NULL, 2003),
('320123', '六合县', 'county', NULL, 2003),
('320124', '溧水县', 'county', 1983, 2014),
('320125', '高淳县', 'county', 1983, 2014),
('320200', '无锡市', 'prefecture', NULL, NULL),
('320201', '市辖区', 'county', 1983, NULL),
('320202', '崇安区', 'county', 1983, 2016),
('320203', '南长区', 'county', 1983, 2016),
('320204', '北塘区', 'county', 1983, 2016),
('320205', '锡山区', 'county', 2000, NULL),
('320206', '惠山区', 'county', 2000, NULL),
('320211', '郊区', 'county', 1983, 2000),
('320211', '滨湖区', 'county', 2000, NULL),
('320212', '马山区', 'county', 1987, 2001),
('320213', '梁溪区', 'county', 2015, NULL),
('320214', '新吴区', 'county', 2015, NULL),
('320221', '江阴县', 'county', 1983, 1988),
('320222', '无锡县', 'county', 1983, 1996),
('320223', '宜兴县', 'county', 1983, 1989),
('320281', '江阴市', 'county', 1989, NULL),
('320282', '宜兴市', 'county', 1989, NULL),
('320283', '锡山市', 'county', 1995, 2001),
('320300', '徐州市', 'prefecture', NULL, NULL),
('320301', '市辖区', 'county', 1983, NULL),
('320302', '鼓楼区', 'county', 1983, NULL),
('320303', '云龙区', 'county', 1983, NULL),
('320304', '矿区', 'county', 1983, 1995),
('320304', '九里区', 'county', 1995, 2010),
('320305', '贾汪区', 'county', 1983, NULL),
('320311', '郊区', 'county', 1983, 1993),
('320311', '泉山区', 'county', 1993, NULL),
('320312', '铜山区', 'county', 2010, NULL),
('320321', '丰县', 'county', 1983, NULL),
('320322', '沛县', 'county', 1983, NULL),
('320323', '铜山县', 'county', 1983, 2011),
('320324', '睢宁县', 'county', 1983, NULL),
('320325', '邳县', 'county', 1983, 1993),
('320326', '新沂县', 'county', 1983, 1991),
('320381', '新沂市', 'county', 1990, NULL),
('320382', '邳州市', 'county', 1992, NULL),
('320400', '常州市', 'prefecture', NULL, NULL),
('320401', '市辖区', 'county', 1983, NULL),
('320402', '天宁区', 'county', 1983, NULL),
('320403', '广化区', 'county', 1983, 1987),
('320404', '钟楼区', 'county', 1983, NULL),
('320405', '戚墅堰区', 'county', 1983, 2016),
('320411', '郊区', 'county', 1983, 2002),
('320411', '新北区', 'county', 2002, NULL),
('320412', '武进区', 'county', 2002, NULL),
('320413', '金坛区', 'county', 2015, NULL),
('320421', '武进县', 'county', 1983, 1996),
('320422', '金坛县', 'county', 1983, 1994),
('320423', '溧阳县', 'county', 1983, 1991),
('320481', '溧阳市', 'county', 1990, NULL),
('320482', '金坛市', 'county', 1993, 2016),
('320483', '武进市', 'county', 1995, 2003),
('320500', '苏州市', 'prefecture', NULL, NULL),
('320501', '市辖区', 'county', 1983, NULL),
('320502', '沧浪区', 'county', 1983, 2013),
('320503', '平江区', 'county', 1983, 2013),
('320504', '金阊区', 'county', 1983, 2013),
('320505', '虎丘区', 'county', 2000, NULL),
('320506', '吴中区', 'county', 2000, NULL),
('320507', '相城区', 'county', 2000, NULL),
('320508', '姑苏区', 'county', 2012, NULL),
('320509', '吴江区', 'county', 2012, NULL),
('320511', '郊区', 'county', 1983, 2001),
('320520', '常熟市', 'county', 1983, 1987),
('320521', '沙洲县', 'county', 1983, 1987),
('320522', '太仓县', 'county', 1983, 1994),
('320523', '昆山县', 'county', 1983, 1990),
('320524', '吴县', 'county', 1983, 1996),
('320525', '吴江县', 'county', 1983, 1993),
('320581', '常熟市', 'county', 1989, NULL),
('320582', '张家港市', 'county', 1989, NULL),
('320583', '昆山市', 'county', 1989, NULL),
('320584', '吴江市', 'county', 1992, 2013),
('320585', '太仓市', 'county', 1993, NULL),
('320586', '吴县市', 'county', 1995, 2001),
('320600', '南通市', 'prefecture', NULL, NULL),
('320601', '市辖区', 'county', 1983, NULL),
('320602', '城区', 'county', 1983, 1991),
('320602', '崇川区', 'county', 1991, 2020),
('320611', '郊区', 'county', 1983, 1991),
('320611', '港闸区', 'county', 1991, 2020),
('320612', '通州区', 'county', 2009, NULL),
('320613', '崇川区', 'county', 2020, NULL),
('320614', '海门区', 'county', 2020, NULL),
('320621', '海安县', 'county', 1983, 2019),
('320622', '如皋县', 'county', 1983, 1992),
('320623', '如东县', 'county', 1983, NULL),
('320624', '南通县', 'county', 1983, 1994),
('320625', '海门县', 'county', 1983, 1995),
('320626', '启东县', 'county', 1983, 1990),
('320681', '启东市', 'county', 1989, NULL),
('320682', '如皋市', 'county', 1991, NULL),
('320683', '通州市', 'county', 1993, 2010),
('320684', '海门市', 'county', 1994, 2021),
('320685', '海安市', 'county', 2018, NULL),
('320700', '连云港市', 'prefecture', NULL, NULL),
('320701', '市辖区', 'county', 1983, NULL),
('320702', '新海区', 'county', 1983, 1987),
('320703', '连云区', 'county', 1983, NULL),
('320704', '云台区', 'county', 1983, 2002),
('320705', '新浦区', 'county', 1986, 2015),
('320706', '海州区', 'county', 1986, NULL),
('320707', '赣榆区', 'county', 2014, NULL),
('320721', '赣榆县', 'county', 1983, 2015),
('320722', '东海县', 'county', 1983, NULL),
('320723', '灌云县', 'county', 1983, NULL),
('320724', '灌南县', 'county', 1996, NULL),
('320800', '淮阴市', 'prefecture', 1983, 2000),
('320800', '淮安市', 'prefecture', 2000, NULL),
('320801', '市辖区', 'county', 1983, NULL),
('320802', '清河区', 'county', 1983, 2017),
('320803', '楚州区', 'county', 2000, 2011),
('320803', '淮安区', 'county', 2011, NULL),
('320804', '淮阴区', 'county', 2000, NULL),
('320811', '清浦区', 'county', 1983, 2017),
('320812', '清江浦区', 'county', 2016, NULL),
('320813', '洪泽区', 'county', 2016, NULL),
('320821', '淮阴县', 'county', 1983, 2001),
('320822', '灌南县', 'county', 1983, 1997),
('320823', '沭阳县', 'county', 1983, 1997),
('320824', '宿迁县', 'county', 1983, 1988),
('320825', '泗阳县', 'county', 1983, 1997),
('320826', '涟水县', 'county', 1983, NULL),
('320827', '泗洪县', 'county', 1983, 1997),
('320828', '淮安县', 'county', 1983, 1988),
('320829', '洪泽县', 'county', 1983, 2017),
('320830', '盱眙县', 'county', 1983, NULL),
('320831', '金湖县', 'county', 1983, NULL),
('320881', '宿迁市', 'county', 1989, 1997),
('320882', '淮安市', 'county', 1989, 2001),
('320900', '盐城市', 'prefecture', 1983, NULL),
('320901', '市辖区', 'county', 1983, NULL),
('320902', '城区', 'county', 1983, 2003),
('320902', '亭湖区', 'county', 2003, NULL),
('320903', '盐都区', 'county', 2003, NULL),
('320904', '大丰区', 'county', 2015, NULL),
('320911', '郊区', 'county', 1983, 1997),
('320921', '响水县', 'county', 1983, NULL),
('320922', '滨海县', 'county', 1983, NULL),
('320923', '阜宁县', 'county', 1983, NULL),
('320924', '射阳县', 'county', 1983, NULL),
('320925', '建湖县', 'county', 1983, NULL),
('320926', '大丰县', 'county', 1983, 1997),
('320927', '东台县', 'county', 1983, 1988),
('320928', '盐都县', 'county', 1996, 2004),
('320981', '东台市', 'county', 1989, NULL),
('320982', '大丰市', 'county', 1996, 2016),
('321000', '扬州市', 'prefecture', 1983, NULL),
('321001', '市辖区', 'county', 1983, NULL),
('321002', '广陵区', 'county', 1983, NULL),
('321003', '邗江区', 'county', 2000, NULL),
('321011', '郊区', 'county', 1983, 2002),
('321011', '维扬区', 'county', 2002, 2011),
('321012', '江都区', 'county', 2011, NULL),
('321020', '泰州市', 'county', 1983, 1987),
('321021', '兴化县', 'county', 1983, 1988),
('321022', '高邮县', 'county', 1983, 1992),
('321023', '宝应县', 'county', 1983, NULL),
('321024', '靖江县', 'county', 1983, 1994),
('321025', '泰兴县', 'county', 1983, 1993),
('321026', '江都县', 'county', 1983, 1995),
('321027', '邗江县', 'county', 1983, 2001),
('321028', '泰县', 'county', 1983, 1995),
('321029', '仪征县', 'county', 1983, 1987),
('321081', '仪征市', 'county', 1989, NULL),
('321082', '泰州市', 'county', 1989, 1997),
('321083', '兴化市', 'county', 1989, 1997),
('321084', '高邮市', 'county', 1991, NULL),
('321085', '泰兴市', 'county', 1992, 1997),
('321086', '靖江市', 'county', 1993, 1997),
('321087', '姜堰市', 'county', 1994, 1997),
('321088', '江都市', 'county', 1994, 2012),
('321100', '镇江市', 'prefecture', 1983, NULL),
('321101', '市辖区', 'county', 1983, NULL),
('321102', '城区', 'county', 1983, 1984),
('321102', '京口区', 'county', 1984, NULL),
('321111', '郊区', 'county', 1983, 1984),
('321111', '润州区', 'county', 1984, NULL),
('321112', '丹徒区', 'county', 2002, NULL),
('321121', '丹徒县', 'county', 1983, 2003),
('321122', '丹阳县', 'county', 1983, 1988),
('321123', '句容县', 'county', 1983, 1996),
('321124', '扬中县', 'county', 1983, 1995),
('321181', '丹阳市', 'county', 1989, NULL),
('321182', '扬中市', 'county', 1994, NULL),
('321183', '句容市', 'county', 1995, NULL),
('321200', '泰州市', 'prefecture', 1996, NULL),
('321201', '市辖区', 'county', 1996, NULL),
('321202', '海陵区', 'county', 1996, NULL),
('321203', '高港区', 'county', 1997, NULL),
('321204', '姜堰区', 'county', 2012, NULL),
('321281', '兴化市', 'county', 1996, NULL),
('321282', '靖江市', 'county', 1996, NULL),
('321283', '泰兴市', 'county', 1996, NULL),
('321284', '姜堰市', 'county', 1996, 2013),
('321300', '宿迁市', 'prefecture', 1996, NULL),
('321301', '市辖区', 'county', 1996, NULL),
('321302', '宿城区', 'county', 1996, NULL),
('321311', '宿豫区', 'county', 2004, NULL),
('321321', '宿豫县', 'county', 1996, 2005),
('321322', '沭阳县', 'county', 1996, NULL),
('321323', '泗阳县', 'county', 1996, NULL),
('321324', '泗洪县', 'county', 1996, NULL),
('322100', '徐州地区', 'prefecture', NULL, 1984),
('322121', '丰县', 'county', NULL, 1984),
('322122', '沛县', 'county', NULL, 1984),
('322123', '铜山县', 'county', NULL, 1984),
('322124', '睢宁县', 'county', NULL, 1984),
('322125', '邳县', 'county', NULL, 1984),
('322126', '新沂县', 'county', NULL, 1984),
('322127', '东海县', 'county', NULL, 1984),
('322128', '赣榆县', 'county', NULL, 1984),
('322200', '淮阴地区', 'prefecture', NULL, 1984),
('322201', '清江市', 'county', NULL, 1984),
('322221', '淮阴县', 'county', NULL, 1984),
('322222', '灌云县', 'county', NULL, 1984),
('322223', '灌南县', 'county', NULL, 1984),
('322224', '沭阳县', 'county', NULL, 1984),
('322225', '宿迁县', 'county', NULL, 1984),
('322226', '泗阳县', 'county', NULL, 1984),
('322227', '涟水县', 'county', NULL, 1984),
('322228', '泗洪县', 'county', NULL, 1984),
('322229', '淮安县', 'county', NULL, 1984),
('322230', '洪泽县', 'county', NULL, 1984),
('322231', '盱眙县', 'county', NULL, 1984),
('322232', '金湖县', 'county', NULL, 1984),
('322300', '盐城地区', 'prefecture', NULL, 1984),
('322321', '响水县', 'county', NULL, 1984),
('322322', '滨海县', 'county', NULL, 1984),
('322323', '阜宁县', 'county', NULL, 1984),
('322324', '射阳县', 'county', NULL, 1984),
('322325', '建湖县', 'county', NULL, 1984),
('322326', '盐城县', 'county', NULL, 1984),
('322327', '大丰县', 'county', NULL, 1984),
('322328', '东台县', 'county', NULL, 1984),
('322400', '扬州地区', 'prefecture', NULL, 1984),
('322401', '扬州市', 'county', NULL, 1984),
('322402', '泰州市', 'county', NULL, 1984),
('322421', '兴化县', 'county', NULL, 1984),
('322422', '高邮县', 'county', NULL, 1984),
('322423', '宝应县', 'county', NULL, 1984),
('322424', '靖江县', 'county', NULL, 1984),
('322425', '泰兴县', 'county', NULL, 1984),
('322426', '江都县', 'county', NULL, 1984),
('322427', '邗江县', 'county', NULL, 1984),
('322428', '泰县', 'county', NULL, 1984),
('322429', '仪征县', 'county', NULL, 1984),
('322500', '南通地区', 'prefecture', NULL, 1984),
('322521', '海安县', 'county', NULL, 1984),
('322522', '如皋县', 'county', NULL, 1984),
('322523', '如东县', 'county', NULL, 1984),
('322524', '南通县', 'county', NULL, 1984),
('322525', '海门县', 'county', NULL, 1984),
('322526', '启东县', 'county', NULL, 1984),
('322600', '镇江地区', 'prefecture', NULL, 1984),
('322601', '镇江市', 'county', NULL, 1984),
('322621', '丹徒县', 'county', NULL, 1984),
('322622', '武进县', 'county', NULL, 1984),
('322623', '丹阳县', 'county', NULL, 1984),
('322624', '句容县', 'county', NULL, 1984),
('322625', '金坛县', 'county', NULL, 1984),
('322626', '溧水县', 'county', NULL, 1984),
('322627', '高淳县', 'county', NULL, 1984),
('322628', '溧阳县', 'county', NULL, 1984),
('322629', '宜兴县', 'county', NULL, 1984),
('322630', '扬中县', 'county', NULL, 1984),
('322700', '苏州地区', 'prefecture', NULL, 1984),
('322721', '江阴县', 'county', NULL, 1984),
('322722', '无锡县', 'county', NULL, 1984),
('322723', '沙洲县', 'county', NULL, 1984),
('322724', '常熟县', 'county', NULL, 1984),
('322725', '太仓县', 'county', NULL, 1984),
('322726', '昆山县', 'county', NULL, 1984),
('322727', '吴县', 'county', NULL, 1984),
('322728', '吴江县', 'county', NULL, 1984),
('329000', '省直辖县级行政单位', 'prefecture', 1986, 1990),
('329001', '泰州市', 'county', 1986, 1990),
('329002', '仪征市', 'county', 1986, 1990),
('329003', '常熟市', 'county', 1986, 1990),
('329004', '张家港市', 'county', 1986, 1990),
('329005', '江阴市', 'county', 1987, 1990),
('329006', '宿迁市', 'county', 1987, 1990),
('329007', '丹阳市', 'county', 1987, 1990),
('329008', '东台市', 'county', 1987, 1990),
('329009', '兴化市', 'county', 1987, 1990),
('329010', '淮安市', 'county', 1987, 1990),
('329011', '宜兴市', 'county', 1988, 1990),
('330000', '浙江省', 'province', NULL, NULL),
('330100', '杭州市', 'prefecture', NULL, NULL),
('330101', '市辖区', 'county', 1983, NULL),
('330102', '上城区', 'county', 1983, NULL),
('330103', '下城区', 'county', 1983, 2022),
('330104', '江干区', 'county', 1983, 2022),
('330105', '拱墅区', 'county', 1983, NULL),
('330106', '西湖区', 'county', 1983, NULL),
('330107', '半山区', 'county', 1983, 1991),
('330108', '滨江区', 'county', 1996, NULL),
('330109', '萧山区', 'county', 2001, NULL),
('330110', '余杭区', 'county', 2001, NULL),
('330111', '富阳区', 'county', 2014, NULL),
('330112', '临安区', 'county', 2017, NULL),
('330120', '市区', 'county', NULL, 1984),
('330121', '萧山县', 'county', NULL, 1988),
('330122', '桐庐县', 'county', NULL, NULL),
('330123', '富阳县', 'county', NULL, 1995),
('330124', '临安县', 'county', NULL, 1997),
('330125', '余杭县', 'county', NULL, 1995),
('330126', '建德县', 'county', NULL, 1993),
('330127', '淳安县', 'county', NULL, NULL),
('330181', '萧山市', 'county', 1989, 2002),
('330182', '建德市', 'county', 1992, NULL),
('330183', '富阳市', 'county', 1994, 2015),
('330184', '余杭市', 'county', 1994, 2002),
('330185', '临安市', 'county', 1996, 2018),
('330200', '宁波市', 'prefecture', NULL, NULL),
('330201', '市辖区', 'county', 1983, NULL),
('330202', '镇明区', 'county', 1983, 1985),
('330203', '海曙区', 'county', 1983, NULL),
('330204', '江东区', 'county', 1983, 2017),
('330205', '江北区', 'county', 1983, NULL),
('330206', '滨海区', 'county', 1985, 1987),
('330206', '北仑区', 'county', 1987, NULL),
('330211', '镇海区', 'county', 1985, NULL),
('330212', '鄞州区', 'county', 2002, NULL),
('330213', '奉化区', 'county', 2016, NULL),
('330219', '余姚市', 'county', 1985, 1987),
('330220', '市区', 'county', NULL, 1984),
('330221', '镇海县', 'county', 1982, 1986),
('330222', '慈溪县', 'county', 1983, 1989),
('330223', '余姚县', 'county', 1983, 1986),
('330224', '奉化县', 'county', 1983, 1989),
('330225', '象山县', 'county', 1983, NULL),
('330226', '宁海县', 'county', 1983, NULL),
('330227', '鄞县', 'county', 1983, 2003),
('330281', '余姚市', 'county', 1989, NULL),
('330282', '慈溪市', 'county', 1989, NULL),
('330283', '奉化市', 'county', 1989, 2017),
('330300', '温州市', 'prefecture', NULL, NULL),
('330301', '市辖区', 'county', 1983, NULL),
('330302', '城区', 'county', 1983, 1984),
('330302', '鹿城区', 'county', 1984, NULL),
('330303', '龙湾区', 'county', 1984, NULL),
('330304', '瓯海区', 'county', 1992, NULL),
('330305', '洞头区', 'county', 2015, NULL),
('330320', '市区', 'county', NULL, 1984),
('330321', '瓯海县', 'county', 1981, 1993),
('330322', '洞头县', 'county', 1981, 2016),
('330323', '乐清县', 'county', 1981, 1994),
('330324', '永嘉县', 'county', 1981, NULL),
('330325', '瑞安县', 'county', 1981, 1988),
('330326', '平阳县', 'county', 1981, NULL),
('330327', '苍南县', 'county', 1981, NULL),
('330328', '文成县', 'county', 1981, NULL),
('330329', '泰顺县', 'county', 1981, NULL),
('330381', '瑞安市', 'county', 1989, NULL),
('330382', '乐清市', 'county', 1993, NULL),
('330383', '龙港市', 'county', 2019, NULL),
('330400', '嘉兴市', 'prefecture', 1983, NULL),
('330401', '市辖区', 'county', 1983, NULL),
('330402', '城区', 'county', 1983, 1993),
('330402', '秀城区', 'county', 1993, 2005),
('330402', '南湖区', 'county', 2005, NULL),
('330411', '郊区', 'county', 1983, 1999),
('330411', '秀洲区', 'county', 1999, NULL),
('330421', '嘉善县', 'county', 1983, NULL),
('330422', '平湖县', 'county', 1983, 1992),
('330423', '海宁县', 'county', 1983, 1987),
('330424', '海盐县', 'county', 1983, NULL),
('330425', '桐乡县', 'county', 1983, 1994),
('330481', '海宁市', 'county', 1989, NULL),
('330482', '平湖市', 'county', 1991, NULL),
('330483', '桐乡市', 'county', 1993, NULL),
('330500', '湖州市', 'prefecture', 1983, NULL),
('330501', '市辖区', 'county', 1983, NULL),
('330502', '城区', 'county', 1983, 1988),
('330502', '吴兴区', 'county', 2003, NULL),
('330503', '南浔区', 'county', 2003, NULL),
('330511', '郊区', 'county', 1983, 1989),
('330521', '德清县', 'county', 1983, NULL),
('330522', '长兴县', 'county', 1983, NULL),
('330523', '安吉县', 'county', 1983, NULL),
('330600', '绍兴市', 'prefecture', 1983, NULL),
('330601', '市辖区', 'county', 1983, NULL),
('330602', '越城区', 'county', 1983, NULL),
('330603', '柯桥区', 'county', 2013, NULL),
('330604', '上虞区', 'county', 2013, NULL),
('330621', '绍兴县', 'county', 1983, 2014),
('330622', '上虞县', 'county', 1983, 1993),
('330623', '嵊县', 'county', 1983, 1996),
('330624', '新昌县', 'county', 1983, NULL),
('330625', '诸暨县', 'county', 1983, 1990),
('330681', '诸暨市', 'county', 1989, NULL),
('330682', '上虞市', 'county', 1992, 2014),
('330683', '嵊州市', 'county', 1995, NULL),
('330700', '金华市', 'prefecture', 1985, NULL),
('330701', '市辖区', 'county', 1985, NULL),
('330702', '婺城区', 'county', 1985, NULL),
('330703', '金东区', 'county', 2000, NULL),
('330719', '兰溪市', 'county', 1985, 1987),
('330721', '金华县', 'county', 1985, 2001),
('330722', '永康县', 'county', 1985, 1993),
('330723', '武义县', 'county', 1985, NULL),
('330724', '东阳县', 'county', 1985, 1989),
('330725', '义乌县', 'county', 1985, 1989),
('330726', '浦江县', 'county', 1985, NULL),
('330727', '磐安县', 'county', 1985, NULL),
('330781', '兰溪市', 'county', 1989, NULL),
('330782', '义乌市', 'county', 1989, NULL),
('330783', '东阳市', 'county', 1989, NULL),
('330784', '永康市', 'county', 1992, NULL),
('330800', '衢州市', 'prefecture', 1985, NULL),
('330801', '市辖区', 'county', 1985, NULL),
('330802', '柯城区', 'county', 1985, NULL),
('330803', '衢江区', 'county', 2001, NULL),
('330821', '衢县', 'county', 1985, 2002),
('330822', '常山县', 'county', 1985, NULL),
('330823', '江山县', 'county', 1985, 1988),
('330824', '开化县', 'county', 1985, NULL),
('330825', '龙游县', 'county', 1985, NULL),
('330881', '江山市', 'county', 1989, NULL),
('330900', '舟山市', 'prefecture', 1987, NULL),
('330901', '市辖区', 'county', 1987, NULL),
('330902', '定海区', 'county', 1987, NULL),
('330903', '普陀区', 'county', 1987, NULL),
('330921', '岱山县', 'county', 1987, NULL),
('330922', '嵊泗县', 'county', 1987, NULL),
('331000', '台州市', 'prefecture', 1994, NULL),
('331001', '市辖区', 'county', 1994, NULL),
('331002', '椒江区', 'county', 1994, NULL),
('331003', '黄岩区', 'county', 1994, NULL),
('331004', '路桥区', 'county', 1994, NULL),
('331021', '玉环县', 'county', 1994, 2018),
('331022', '三门县', 'county', 1994, NULL),
('331023', '天台县', 'county', 1994, NULL),
('331024', '仙居县', 'county', 1994, NULL),
('331081', '温岭市', 'county', 1994, NULL),
('331082', '临海市', 'county', 1994, NULL),
('331083', '玉环市', 'county', 2017, NULL),
('331100', '丽水市', 'prefecture', 2000, NULL),
('331101', '市辖区', 'county', 2000, NULL),
('331102', '莲都区', 'county', 2000, NULL),
('331121', '青田县', 'county', 2000, NULL),
('331122', '缙云县', 'county', 2000, NULL),
('331123', '遂昌县', 'county', 2000, NULL),
('331124', '松阳县', 'county', 2000, NULL),
('331125', '云和县', 'county', 2000, NULL),
('331126', '庆元县', 'county', 2000, NULL),
('331127', '景宁畲族自治县', 'county', 2000, NULL),
('331181', '龙泉市', 'county', 2000, NULL),
('332100', '嘉兴地区', 'prefecture', NULL, 1984),
('332101', '湖州市', 'county', NULL, 1984),
('332102', '嘉兴市', 'county', NULL, 1984),
('332121', '嘉兴县', 'county', NULL, 1982),
('332122', '嘉善县', 'county', NULL, 1984),
('332123', '平湖县', 'county', NULL, 1984),
('332124', '海宁县', 'county', NULL, 1984),
('332125', '海盐县', 'county', NULL, 1984),
('332126', '桐乡县', 'county', NULL, 1984),
('332127', '德清县', 'county', NULL, 1984),
('332128', '吴兴县', 'county', NULL, 1982),
('332129', '长兴县', 'county', NULL, 1984),
('332130', '安吉县', 'county', NULL, 1984),
('332200', '宁波地区', 'prefecture', NULL, 1984),
('332221', '慈溪县', 'county', NULL, 1984),
('332222', '余姚县', 'county', NULL, 1984),
('332223', '奉化县', 'county', NULL, 1984),
('332224', '象山县', 'county', NULL, 1984),
('332225', '宁海县', 'county', NULL, 1984),
('332226', '鄞县', 'county', NULL, 1984),
('332227', '镇海县', 'county', NULL, 1983),
('332300', '绍兴地区', 'prefecture', NULL, 1984),
('332301', '绍兴市', 'county', NULL, 1984),
('332321', '绍兴县', 'county', NULL, 1982),
('332322', '上虞县', 'county', NULL, 1984),
('332323', '嵊县', 'county', NULL, 1984),
('332324', '新昌县', 'county', NULL, 1984),
('332325', '诸暨县', 'county', NULL, 1984),
('332400', '温州地区', 'prefecture', NULL, 1982),
('332400', '金华地区', 'prefecture', 1982, 1986),
('332401', '金华市', 'county', 1982, 1986),
('332402', '衢州市', 'county', 1982, 1986),
('332421', '洞头县', 'county', NULL, 1982),
('332421', '兰溪县', 'county', 1982, 1986),
('332422', '永嘉县', 'county', NULL, 1982),
('332422', '永康县', 'county', 1982, 1986),
('332423', '瑞安县', 'county', NULL, 1982),
('332423', '武义县', 'county', 1982, 1986),
('332424', '文成县', 'county', NULL, 1982),
('332424', '东阳县', 'county', 1982, 1986),
('332425', '平阳县', 'county', NULL, 1982),
('332425', '义乌县', 'county', 1982, 1986),
('332426', '乐清县', 'county', NULL, 1982),
('332426', '浦江县', 'county', 1982, 1986),
('332427', '泰顺县', 'county', NULL, 1982),
('332427', '常山县', 'county', 1982, 1986),
('332428', '江山县', 'county', 1982, 1986),
('332429', '开化县', 'county', 1982, 1986),
('332430', '龙游县', 'county', 1983, 1986),
('332431', '磐安县', 'county', 1983, 1986),
('332500', '金华地区', 'prefecture', NULL, 1983),
('332501', '金华市', 'county', NULL, 1983),
('332502', '衢州市', 'county', NULL, 1983),
('332521', '金华县', 'county', NULL, 1982),
('332522', '兰溪县', 'county', NULL, 1983),
('332523', '永康县', 'county', NULL, 1983),
('332524', '武义县', 'county', NULL, 1983),
('332525', '东阳县', 'county', NULL, 1983),
('332526', '义乌县', 'county', NULL, 1983),
('332527', '浦江县', 'county', NULL, 1983),
('332528', '衢县', 'county', NULL, 1982),
('332529', '常山县', 'county', NULL, 1983),
('332530', '江山县', 'county', NULL, 1983),
('332531', '开化县', 'county', NULL, 1983),
('332600', '丽水地区', 'prefecture', NULL, 1983),
('332600', '台州地区', 'prefecture', 1982, 1995),
('332601', '椒江市', 'county', 1982, 1995),
('332602', '临海市', 'county', 1986, 1995),
('332603', '黄岩市', 'county', 1989, 1995),
('332621', '丽水县', 'county', NULL, 1983),
('332621', '临海县', 'county', 1982, 1987),
('332622', '青田县', 'county', NULL, 1983),
('332622', '黄岩县', 'county', 1982, 1990),
('332623', '云和县', 'county', NULL, 1983),
('332623', '温岭县', 'county', 1982, 1995),
('332624', '龙泉县', 'county', NULL, 1983),
('332624', '仙居县', 'county', 1982, 1995),
('332625', '庆元县', 'county', NULL, 1983),
('332625', '天台县', 'county', 1982, 1995),
('332626', '缙云县', 'county', NULL, 1983),
('332626', '三门县', 'county', 1982, 1995),
('332627', '遂昌县', 'county', NULL, 1983),
('332627', '玉环县', 'county', 1982, 1995),
('332628', '松阳县', 'county', 1982, 1983),
('332700', '台州地区', 'prefecture', NULL, 1983),
('332700', '舟山地区', 'prefecture', 1982, 1988),
('332701', '椒江市', 'county', 1981, 1983),
('332721', '临海县', 'county', NULL, 1983),
('332721', '定海县', 'county', 1982, 1988),
('332722', '黄岩县', 'county', NULL, 1983),
('332722', '普陀县', 'county', 1982, 1988),
('332723', '温岭县', 'county', NULL, 1983),
('332723', '岱山县', 'county', 1982, 1988),
('332724', '仙居县', 'county', NULL, 1983),
('332724', '嵊泗县', 'county', 1982, 1988),
('332725', '天台县', 'county', NULL, 1983),
('332726', '三门县', 'county', NULL, 1983),
('332727', '玉环县', 'county', NULL, 1983),
('332800', '舟山地区', 'prefecture', NULL, 1983),
('332800', '丽水地区', 'prefecture', 1982, 2001),
('332801', '丽水市', 'county', 1986, 2001),
('332802', '龙泉市', 'county', 1990, 2001),
('332821', '定海县', 'county', NULL, 1983),
('332821', '丽水县', 'county', 1982, 1987),
('332822', '普陀县', 'county', NULL, 1983),
('332822', '青田县', 'county', 1982, 2001),
('332823', '岱山县', 'county', NULL, 1983),
('332823', '云和县', 'county', 1982, 2001),
('332824', '嵊泗县', 'county', NULL, 1983),
('332824', '龙泉县', 'county', 1982, 1991),
('332825', '庆元县', 'county', 1982, 2001),
('332826', '缙云县', 'county', 1982, 2001),
('332827', '遂昌县', 'county', 1982, 2001),
('332828', '松阳县', 'county', 1982, 2001),
('332829', '景宁畲族自治县', 'county', 1984, 2001),
('339000', '省直辖县级行政单位', 'prefecture', 1986, 1990),
('339001', '余姚市', 'county', 1986, 1990),
('339002', '海宁市', 'county', 1986, 1990),
('339003', '兰溪市', 'county', 1986, 1990),
('339004', '瑞安市', 'county', 1987, 1990),
('339005', '萧山市', 'county', 1987, 1990),
('339006', '江山市', 'county', 1987, 1990),
('339007', '义乌市', 'county', 1988, 1990),
('339008', '东阳市', 'county', 1988, 1990),
('339009', '慈溪市', 'county', 1988, 1990),
('339010', '奉化市', 'county', 1988, 1990),
('340000', '安徽省', 'province', NULL, NULL),
('340100', '合肥市', 'prefecture', NULL, NULL),
('340101', '市辖区', 'county', 1983, NULL),
('340102', '东市区', 'county', 1983, 2002),
('340102', '瑶海区', 'county', 2002, NULL),
('340103', '中市区', 'county', 1983, 2002),
('340103', '庐阳区', 'county', 2002, NULL),
('340104', '西市区', 'county', 1983, 2002),
('340104', '蜀山区', 'county', 2002, NULL),
('340111', '郊区', 'county', 1983, 2002),
('340111', '包河区', 'county', 2002, NULL),
('340120', '市区', 'county', NULL, 1984),
('340121', '长丰县', 'county', NULL, NULL),
('340122', '肥东县', 'county', 1983, NULL),
('340123', '肥西县', 'county', 1983, NULL),
('340124', '庐江县', 'county', 2011, NULL),
('340181', '巢湖市', 'county', 2011, NULL),
('340200', '芜湖市', 'prefecture', NULL, NULL),
('340201', '市辖区', 'county', 1983, NULL),
('340202', '镜湖区', 'county', 1983, NULL),
('340203', '马塘区', 'county', 1983, 2005),
('340203', '弋江区', 'county', 2005, 2021),
('340204', '新芜区', 'county', 1983, 2006),
('340205', '裕溪口区', 'county', 1983, 1991),
('340206', '四褐山区', 'county', 1983, 1991),
('340207', '鸠江区', 'county', 1990, NULL),
('340208', '三山区', 'county', 2005, 2021),
('340209', '弋江区', 'county', 2020, NULL),
('340210', '湾沚区', 'county', 2020, NULL),
('340211', '郊区', 'county', 1983, 1991),
('340212', '繁昌区', 'county', 2020, NULL),
('340220', '市区', 'county', NULL, 1984),
('340221', '芜湖县', 'county', NULL, 2021),
('340222', '繁昌县', 'county', 1983, 2021),
('340223', '南陵县', 'county', 1983, NULL),
('340224', '青阳县', 'county', 1983, 1989),
('340225', '无为县', 'county', 2011, 2020),
('340281', '无为市', 'county', 2019, NULL),
('340300', '蚌埠市', 'prefecture', NULL, NULL),
('340301', '市辖区', 'county', 1983, NULL),
('340302', '东市区', 'county', 1983, 2004),
('340302', '龙子湖区', 'county', 2004, NULL),
('340303', '中市区', 'county', 1983, 2004),
('340303', '蚌山区', 'county', 2004, NULL),
('340304', '西市区', 'county', 1983, 2004),
('340304', '禹会区', 'county', 2004, NULL),
('340311', '郊区', 'county', 1983, 2004),
('340311', '淮上区', 'county', 2004, NULL),
('340321', '怀远县', 'county', 1983, NULL),
('340322', '五河县', 'county', 1983, NULL),
('340323', '固镇县', 'county', 1983, NULL),
('340400', '淮南市', 'prefecture', NULL, NULL),
('340401', '市辖区', 'county', 1983, NULL),
('340402', '大通区', 'county', 1983, NULL),
('340403', '田家庵区', 'county', 1983, NULL),
('340404', '谢家集区', 'county', 1983, NULL),
('340405', '八公山区', 'county', 1983, NULL),
('340406', '潘集区', 'county', 1983, NULL),
('340420', '市区', 'county', NULL, 1984),
('340421', '凤台县', 'county', NULL, NULL),
('340422', '寿县', 'county', 2015, NULL),
('340500', '马鞍山市', 'prefecture', NULL, NULL),
('340501', '市辖区', 'county', 1983, NULL),
('340502', '金家庄区', 'county', 1983, 2013),
('340503', '花山区', 'county', 1983, NULL),
('340504', '雨山区', 'county', 1983, NULL),
('340505', '向山区', 'county', 1983, 2002),
('340506', '博望区', 'county', 2012, NULL),
('340521', '当涂县', 'county', 1983, NULL),
('340522', '含山县', 'county', 2011, NULL),
('340523', '和县', 'county', 2011, NULL),
('340600', '淮北市', 'prefecture', NULL, NULL),
('340601', '市辖区', 'county', 1983, NULL),
('340602', '杜集区', 'county', 1983, NULL),
('340603', '相山区', 'county', 1983, NULL),
('340604', '烈山区', 'county', 1983, NULL),
('340611', '郊区', 'county', 1983, 1985),
('340620', '市区', 'county', NULL, 1984),
('340621', '濉溪县', 'county', NULL, NULL),
('340700', '铜陵市', 'prefecture', NULL, NULL),
('340701', '市辖区', 'county', 1983, NULL),
('340702', '铜官山区', 'county', 1983, 2016),
('340703', '狮子山区', 'county', 1983, 2016),
('340704', '铜山区', 'county', 1983, 1988),
('340705', '铜官区', 'county', 2015, NULL),
('340706', '义安区', 'county', 2015, NULL),
('340711', '郊区', 'county', 1983, NULL),
('340720', '市区', 'county', NULL, 1984),
('340721', '铜陵县', 'county', NULL, 2016),
('340722', '枞阳县', 'county', 2015, NULL),
('340800', '安庆市', 'prefecture', NULL, NULL),
('340801', '市辖区', 'county', 1983, NULL),
('340802', '迎江区', 'county', 1983, NULL),
('340803', '大观区', 'county', 1983, NULL),
('340811', '郊区', 'county', 1983, 2005),
('340811', '宜秀区', 'county', 2005, NULL),
('340821', '桐城县', 'county', 1988, 1997),
('340822', '怀宁县', 'county', 1988, NULL),
('340823', '枞阳县', 'county', 1988, 2016),
('340824', '潜山县', 'county', 1988, 2019),
('340825', '太湖县', 'county', 1988, NULL),
('340826', '宿松县', 'county', 1988, NULL),
('340827', '望江县', 'county', 1988, NULL),
('340828', '岳西县', 'county', 1988, NULL),
('340881', '桐城市', 'county', 1996, NULL),
('340882', '潜山市', 'county', 2018, NULL),
('340900', '省直辖行政单位', 'prefecture', 1983, 1988),
('340901', '黄山市', 'county', 1983, 1988),
('341000', '黄山市', 'prefecture', 1987, NULL),
('341001', '市辖区', 'county', 1987, NULL),
('341002', '屯溪区', 'county', 1987, NULL),
('341003', '黄山区', 'county', 1987, NULL),
('341004', '徽州区', 'county', 1987, NULL),
('341021', '歙县', 'county', 1987, NULL),
('341022', '休宁县', 'county', 1987, NULL),
('341023', '黟县', 'county', 1987, NULL),
('341024', '祁门县', 'county', 1987, NULL),
('341100', '滁州市', 'prefecture', 1992, NULL),
('341101', '市辖区', 'county', 1992, NULL),
('341102', '琅琊区', 'county', 1992, NULL),
('341103', '南谯区', 'county', 1992, NULL),
('341121', '天长县', 'county', 1992, 1994),
('341122', '来安县', 'county', 1992, NULL),
('341124', '全椒县', 'county', 1992, NULL),
('341125', '定远县', 'county', 1992, NULL),
('341126', '凤阳县', 'county', 1992, NULL),
('341127', '嘉山县', 'county', 1992, 1995),
('341181', '天长市', 'county', 1993, NULL),
('341182', '明光市', 'county', 1994, NULL),
('341200', '阜阳市', 'prefecture', 1996, NULL),
('341201', '市辖区', 'county', 1996, NULL),
('341202', '颍州区', 'county', 1996, NULL),
('341203', '颍东区', 'county', 1996, NULL),
('341204', '颍泉区', 'county', 1996, NULL),
('341221', '临泉县', 'county', 1996, NULL),
('341222', '太和县', 'county', 1996, NULL),
('341223', '涡阳县', 'county', 1996, 2001),
('341224', '蒙城县', 'county', 1996, 2001),
('341225', '阜南县', 'county', 1996, NULL),
('341226', '颍上县', 'county', 1996, NULL),
('341227', '利辛县', 'county', 1996, 2001),
('341281', '亳州市', 'county', 1996, 2001),
('341282', '界首市', 'county', 1996, NULL),
('341300', '宿州市', 'prefecture', 1998, NULL),
('341301', '市辖区', 'county', 1998, NULL),
('341302', '埇桥区', 'county', 1998, NULL),
('341321', '砀山县', 'county', 1998, NULL),
('341322', '萧县', 'county', 1998, NULL),
('341323', '灵璧县', 'county', 1998, NULL),
('341324', '泗县', 'county', 1998, NULL),
('341400', '巢湖市', 'prefecture', 1999, 2012),
('341401', '市辖区', 'county', 1999, 2012),
('341402', '居巢区', 'county', 1999, 2012),
('341421', '庐江县', 'county', 1999, 2012),
('341422', '无为县', 'county', 1999, 2012),
('341423', '含山县', 'county', 1999, 2012),
('341424', '和县', 'county', 1999, 2012),
('341500', '六安市', 'prefecture', 1999, NULL),
('341501', '市辖区', 'county', 1999, NULL),
('341502', '金安区', 'county', 1999, NULL),
('341503', '裕安区', 'county', 1999, NULL),
('341504', '叶集区', 'county', 2015, NULL),
('341521', '寿县', 'county', 1999, 2016),
('341522', '霍邱县', 'county', 1999, NULL),
('341523', '舒城县', 'county', 1999, NULL),
('341524', '金寨县', 'county', 1999, NULL),
('341525', '霍山县', 'county', 1999, NULL),
('341600', '亳州市', 'prefecture', 2000, NULL),
('341601', '市辖区', 'county', 2000, NULL),
('341602', '谯城区', 'county', 2000, NULL),
('341621', '涡阳县', 'county', 2000, NULL),
('341622', '蒙城县', 'county', 2000, NULL),
('341623', '利辛县', 'county', 2000, NULL),
('341700', '池州市', 'prefecture', 2000, NULL),
('341701', '市辖区', 'county', 2000, NULL),
('341702', '贵池区', 'county', 2000, NULL),
('341721', '东至县', 'county', 2000, NULL),
('341722', '石台县', 'county', 2000, NULL),
('341723', '青阳县', 'county', 2000, NULL),
('341800', '宣城市', 'prefecture', 2000, NULL),
('341801', '市辖区', 'county', 2000, NULL),
('341802', '宣州区', 'county', 2000, NULL),
('341821', '郎溪县', 'county', 2000, NULL),
('341822', '广德县', 'county', 2000, 2020),
('341823', '泾县', 'county', 2000, NULL),
('341824', '绩溪县', 'county', 2000, NULL),
('341825', '旌德县', 'county', 2000, NULL),
('341881', '宁国市', 'county', 2000, NULL),
('341882', '广德市', 'county', 2019, NULL),
('342100', '阜阳地区', 'prefecture', NULL, 1997),
('342101', '阜阳市', 'county', NULL, 1997),
('342102', '亳州市', 'county', 1986, 1997),
('342103', '界首市', 'county', 1989, 1997),
('342121', '阜阳县', 'county', NULL, 1993),
('342122', '临泉县', 'county', NULL, 1997),
('342123', '太和县', 'county', NULL, 1997),
('342124', '涡阳县', 'county', NULL, 1997),
('342125', '蒙城县', 'county', NULL, 1997),
('342126', '亳县', 'county', NULL, 1987),
('342127', '阜南县', 'county', NULL, 1997),
('342128', '颍上县', 'county', NULL, 1997),
('342129', '界首县', 'county', NULL, 1990),
('342130', '利辛县', 'county', NULL, 1997),
('342200', '宿县地区', 'prefecture', NULL, 1999),
('342201', '宿州市', 'county', NULL, 1999),
('342221', '砀山县', 'county', NULL, 1999),
('342222', '萧县', 'county', NULL, 1999),
('342223', '宿县', 'county', NULL, 1993),
('342224', '灵璧县', 'county', NULL, 1999),
('342225', '泗县', 'county', NULL, 1999),
('342226', '怀远县', 'county', NULL, 1984),
('342227', '五河县', 'county', NULL, 1984),
('342228', '固镇县', 'county', NULL, 1984),
('342300', '滁县地区', 'prefecture', NULL, 1993),
('342301', '滁州市', 'county', 1982, 1993),
('342321', '天长县', 'county', NULL, 1993),
('342322', '来安县', 'county', NULL, 1993),
('342323', '滁县', 'county', NULL, 1983),
('342324', '全椒县', 'county', NULL, 1993),
('342325', '定远县', 'county', NULL, 1993),
('342326', '凤阳县', 'county', NULL, 1993),
('342327', '嘉山县', 'county', NULL, 1993),
('342400', '六安地区', 'prefecture', NULL, 2000),
('342401', '六安市', 'county', NULL, 2000),
('342421', '六安县', 'county', NULL, 1993),
('342422', '寿县', 'county', NULL, 2000),
('342423', '霍邱县', 'county', NULL, 2000),
('342424', '肥西县', 'county', NULL, 1984),
('342425', '舒城县', 'county', NULL, 2000),
('342426', '金寨县', 'county', NULL, 2000),
('342427', '霍山县', 'county', NULL, 2000),
('342500', '宣城地区', 'prefecture', NULL, 2001),
('342501', '宣州市', 'county', 1987, 2001),
('342502', '宁国市', 'county', 1997, 2001),
('342521', '宣城县', 'county', NULL, 1988),
('342522', '郎溪县', 'county', NULL, 2001),
('342523', '广德县', 'county', NULL, 2001),
('342524', '宁国县', 'county', NULL, 1998),
('342525', '当涂县', 'county', NULL, 1984),
('342526', '繁昌县', 'county', NULL, 1984),
('342527', '南陵县', 'county', NULL, 1984),
('342528', '青阳县', 'county', NULL, 1984),
('342529', '泾县', 'county', NULL, 2001),
('342530', '旌德县', 'county', 1987, 2001),
('342531', '绩溪县', 'county', 1987, 2001),
('342600', '巢湖地区', 'prefecture', NULL, 2000),
('342601', '巢湖市', 'county', 1982, 2000),
('342621', '肥东县', 'county', NULL, 1984),
('342622', '庐江县', 'county', NULL, 2000),
('342623', '无为县', 'county', NULL, 2000),
('342624', '巢县', 'county', NULL, 1984),
('342625', '含山县', 'county', NULL, 2000),
('342626', '和县', 'county', NULL, 2000),
('342700', '徽州地区', 'prefecture', NULL, 1988),
('342701', '屯溪市', 'county', NULL, 1988),
('342721', '绩溪县', 'county', NULL, 1988),
('342722', '旌德县', 'county', NULL, 1988),
('342723', '歙县', 'county', NULL, 1988),
('342724', '休宁县', 'county', NULL, 1988),
('342725', '黟县', 'county', NULL, 1988),
('342726', '祁门县', 'county', NULL, 1988),
('342727', '太平县', 'county', NULL, 1984),
('342728', '石台县', 'county', NULL, 1988),
('342800', '安庆地区', 'prefecture', NULL, 1989),
('342821', '怀宁县', 'county', NULL, 1989),
('342822', '桐城县', 'county', NULL, 1989),
('342823', '枞阳县', 'county', NULL, 1989),
('342824', '潜山县', 'county', NULL, 1989),
('342825', '太湖县', 'county', NULL, 1989),
('342826', '宿松县', 'county', NULL, 1989),
('342827', '望江县', 'county', NULL, 1989),
('342828', '岳西县', 'county', NULL, 1989),
('342829', '东至县', 'county', NULL, 1989),
('342830', '贵池县', 'county', NULL, 1989),
('342831', '石台县', 'county', 1987, 1989),
('342900', '池州地区', 'prefecture', 1988, 2001),
('342901', '贵池市', 'county', 1988, 2001),
('342921', '东至县', 'county', 1988, 2001),
('342922', '石台县', 'county', 1988, 2001),
('342923', '青阳县', 'county', 1988, 2001),
('350000', '福建省', 'province', NULL, NULL),
('350100', '福州市', 'prefecture', NULL, NULL),
('350101', '市辖区', 'county', 1983, NULL),
('350102', '鼓楼区', 'county', 1983, NULL),
('350103', '台江区', 'county', 1983, NULL),
('350104', '仓山区', 'county', 1983, NULL),
('350105', '马尾区', 'county', 1983, NULL),
('350111', '郊区', 'county', 1983, 1995),
('350111', '晋安区', 'county', 1995, NULL),
('350112', '长乐区', 'county', 2017, NULL),
('350120', '市区', 'county', NULL, 1984),
('350121', '闽侯县', 'county', NULL, NULL),
('350122', '连江县', 'county', 1983, NULL),
('350123', '罗源县', 'county', 1983, NULL),
('350124', '闽清县', 'county', 1983, NULL),
('350125', '永泰县', 'county', 1983, NULL),
('350126', '长乐县', 'county', 1983, 1995),
('350127', '福清县', 'county', 1983, 1991),
('350128', '平潭县', 'county', 1983, NULL),
('350181', '福清市', 'county', 1990, NULL),
('350182', '长乐市', 'county', 1994, 2018),
('350200', '厦门市', 'prefecture', NULL, NULL),
('350201', '市辖区', 'county', 1983, NULL),
('350202', '鼓浪屿区', 'county', 1983, 2004),
('350203', '思明区', 'county', 1983, NULL),
('350204', '开元区', 'county', 1983, 2004),
('350205', '杏林区', 'county', 1983, 2003),
('350205', '海沧区', 'county', 2003, NULL),
('350206', '湖里区', 'county', 1987, NULL),
('350211', '郊区', 'county', 1983, 1987),
('350211', '集美区', 'county', 1987, NULL),
('350212', '同安区', 'county', 1996, NULL),
('350213', '翔安区', 'county', 2003, NULL),
('350220', '市区', 'county', NULL, 1984),
('350221', '同安县', 'county', NULL, 1997),
('350300', '莆田市', 'prefecture', 1983, NULL),
('350301', '市辖区', 'county', 1983, NULL),
('350302', '城厢区', 'county', 1983, NULL),
('350303', '涵江区', 'county', 1983, NULL),
('350304', '荔城区', 'county', 2002, NULL),
('350305', '秀屿区', 'county', 2002, NULL),
('350321', '莆田县', 'county', 1983, 2003),
('350322', '仙游县', 'county', 1983, NULL),
('350400', '三明市', 'prefecture', 1983, NULL),
('350401', '市辖区', 'county', 1983, NULL),
('350402', '梅列区', 'county', 1983, 2022),
('350403', '三元区', 'county', 1983, 2022),
('350404', '三元区', 'county', 2021, NULL),
('350405', '沙县区', 'county', 2021, NULL),
('350420', '永安市', 'county', 1984, 1987),
('350421', '明溪县', 'county', 1983, NULL),
('350422', '永安县', 'county', 1983, 1985),
('350423', '清流县', 'county', 1983, NULL),
('350424', '宁化县', 'county', 1983, NULL),
('350425', '大田县', 'county', 1983, NULL),
('350426', '尤溪县', 'county', 1983, NULL),
('350427', '沙县', 'county', 1983, 2022),
('350428', '将乐县', 'county', 1983, NULL),
('350429', '泰宁县', 'county', 1983, NULL),
('350430', '建宁县', 'county', 1983, NULL),
('350481', '永安市', 'county', 1989, NULL),
('350500', '泉州市', 'prefecture', 1985, NULL),
('350501', '市辖区', 'county', 1985, NULL),
('350502', '鲤城区', 'county', 1985, NULL),
('350503', '丰泽区', 'county', 1997, NULL),
('350504', '洛江区', 'county', 1997, NULL),
('350505', '泉港区', 'county', 2000, NULL),
('350521', '惠安县', 'county', 1985, NULL),
('350522', '晋江县', 'county', 1985, 1993),
('350523', '南安县', 'county', 1985, 1994),
('350524', '安溪县', 'county', 1985, NULL),
('350525', '永春县', 'county', 1985, NULL),
('350526', '德化县', 'county', 1985, NULL),
('350527', '金门县', 'county', 1985, NULL),
('350581', '石狮市', 'county', 1989, NULL),
('350582', '晋江市', 'county', 1992, NULL),
('350583', '南安市', 'county', 1993, NULL),
('350600', '漳州市', 'prefecture', 1985, NULL),
('350601', '市辖区', 'county', 1985, NULL),
('350602', '芗城区', 'county', 1985, NULL),
('350603', '龙文区', 'county', 1996, NULL),
('350604', '龙海区', 'county', 2021, NULL),
('350605', '长泰区', 'county', 2021, NULL),
('350621', '龙海县', 'county', 1985, 1994),
('350622', '云霄县', 'county', 1985, NULL),
('350623', '漳浦县', 'county', 1985, NULL),
('350624', '诏安县', 'county', 1985, NULL),
('350625', '长泰县', 'county', 1985, 2022),
('350626', '东山县', 'county', 1985, NULL),
('350627', '南靖县', 'county', 1985, NULL),
('350628', '平和县', 'county', 1985, NULL),
('350629', '华安县', 'county', 1985, NULL),
('350681', '龙海市', 'county', 1993, 2022),
('350700', '南平市', 'prefecture', 1994, NULL),
('350701', '市辖区', 'county', 1994, NULL),
('350702', '延平区', 'county', 1994, NULL),
('350703', '建阳区', 'county', 2014, NULL),
('350721', '顺昌县', 'county', 1994, NULL),
('350722', '浦城县', 'county', 1994, NULL),
('350723', '光泽县', 'county', 1994, NULL),
('350724', '松溪县', 'county', 1994, NULL),
('350725', '政和县', 'county', 1994, NULL),
('350781', '邵武市', 'county', 1994, NULL),
('350782', '武夷山市', 'county', 1994, NULL),
('350783', '建瓯市', 'county', 1994, NULL),
('350784', '建阳市', 'county', 1994, 2015),
('350800', '龙岩市', 'prefecture', 1996, NULL),
('350801', '市辖区', 'county', 1996, NULL),
('350802', '新罗区', 'county', 1996, NULL),
('350803', '永定区', 'county', 2014, NULL),
('350821', '长汀县', 'county', 1996, NULL),
('350822', '永定县', 'county', 1996, 2015),
('350823', '上杭县', 'county', 1996, NULL),
('350824', '武平县', 'county', 1996, NULL),
('350825', '连城县', 'county', 1996, NULL),
('350881', '漳平市', 'county', 1996, NULL),
('350900', '宁德市', 'prefecture', 1999, NULL),
('350901', '市辖区', 'county', 1999, NULL),
('350902', '蕉城区', 'county', 1999, NULL),
('350921', '霞浦县', 'county', 1999, NULL),
('350922', '古田县', 'county', 1999, NULL),
('350923', '屏南县', 'county', 1999, NULL),
('350924', '寿宁县', 'county', 1999, NULL),
('350925', '周宁县', 'county', 1999, NULL),
('350926', '柘荣县', 'county', 1999, NULL),
('350981', '福安市', 'county', 1999, NULL),
('350982', '福鼎市', 'county', 1999, NULL),
('352100', '建阳地区', 'prefecture', NULL, 1988),
('352100', '南平地区', 'prefecture', 1988, 1994),
('352101', '南平市', 'county', NULL, 1995),
('352102', '邵武市', 'county', 1983, 1995),
('352103', '武夷山市', 'county', 1989, 1995),
('352104', '建瓯市', 'county', 1992, 1995),
('352105', '建阳市', 'county', 1994, 1995),
('352121', '顺昌县', 'county', NULL, 1995),
('352122', '建阳县', 'county', NULL, 1995),
('352123', '建瓯县', 'county', NULL, 1993),
('352124', '浦城县', 'county', NULL, 1995),
('352125', '邵武县', 'county', NULL, 1984),
('352126', '崇安县', 'county', NULL, 1990),
('352127', '光泽县', 'county', NULL, 1995),
('352128', '松溪县', 'county', NULL, 1995),
('352129', '政和县', 'county', NULL, 1995),
('352200', '宁德地区', 'prefecture', NULL, 2000),
('352201', '宁德市', 'county', 1988, 2000),
('352202', '福安市', 'county', 1989, 2000),
('352203', '福鼎市', 'county', 1995, 2000),
('352221', '宁德县', 'county', NULL, 1989),
('352222', '连江县', 'county', NULL, 1984),
('352223', '罗源县', 'county', NULL, 1984),
('352224', '福鼎县', 'county', NULL, 1996),
('352225', '霞浦县', 'county', NULL, 2000),
('352226', '福安县', 'county', NULL, 1990),
('352227', '古田县', 'county', NULL, 2000),
('352228', '屏南县', 'county', NULL, 2000),
('352229', '寿宁县', 'county', NULL, 2000),
('352230', '周宁县', 'county', NULL, 2000),
('352231', '柘荣县', 'county', NULL, 2000),
('352300', '莆田地区', 'prefecture', NULL, 1984),
('352321', '闽清县', 'county', NULL, 1984),
('352322', '永泰县', 'county', NULL, 1984),
('352323', '长乐县', 'county', NULL, 1984),
('352324', '福清县', 'county', NULL, 1984),
('352325', '平潭县', 'county', NULL, 1984),
('352326', '莆田县', 'county', NULL, 1984),
('352327', '仙游县', 'county', NULL, 1984),
('352400', '晋江地区', 'prefecture', NULL, 1986),
('352401', '泉州市', 'county', NULL, 1986),
('352421', '惠安县', 'county', NULL, 1986),
('352422', '晋江县', 'county', NULL, 1986),
('352423', '南安县', 'county', NULL, 1986),
('352424', '安溪县', 'county', NULL, 1986),
('352425', '永春县', 'county', NULL, 1986),
('352426', '德化县', 'county', NULL, 1986),
('352427', '金门县', 'county', NULL, 1986),
('352500', '龙溪地区', 'prefecture', NULL, 1986),
('352501', '漳州市', 'county', NULL, 1986),
('352521', '龙海县', 'county', NULL, 1986),
('352522', '云霄县', 'county', NULL, 1986),
('352523', '漳浦县', 'county', NULL, 1986),
('352524', '诏安县', 'county', NULL, 1986),
('352525', '长泰县', 'county', NULL, 1986),
('352526', '东山县', 'county', NULL, 1986),
('352527', '南靖县', 'county', NULL, 1986),
('352528', '平和县', 'county', NULL, 1986),
('352529', '华安县', 'county', NULL, 1986),
('352600', '龙岩地区', 'prefecture', NULL, 1997),
('352601', '龙岩市', 'county', 1981, 1997),
('352602', '漳平市', 'county', 1990, 1997),
('352621', '龙岩县', 'county', NULL, 1982),
('352622', '长汀县', 'county', NULL, 1997),
('352623', '永定县', 'county', NULL, 1997),
('352624', '上杭县', 'county', NULL, 1997),
('352625', '武平县', 'county', NULL, 1997),
('352626', '漳平县', 'county', NULL, 1991),
('352627', '连城县', 'county', NULL, 1997),
('352700', '三明地区', 'prefecture', NULL, 1984),
('352701', '三明市', 'county', NULL, 1984),
('352721', '明溪县', 'county', NULL, 1984),
('352722', '永安县', 'county', NULL, 1984),
('352723', '清流县', 'county', NULL, 1984),
('352724', '宁化县', 'county', NULL, 1984),
('352725', '大田县', 'county', NULL, 1984),
('352726', '尤溪县', 'county', NULL, 1984),
('352727', '沙县', 'county', NULL, 1984),
('352728', '将乐县', 'county', NULL, 1984),
('352729', '泰宁县', 'county', NULL, 1984),
('352730', '建宁县', 'county', NULL, 1984),
('359000', '省直辖县级行政单位', 'prefecture', 1986, 1990),
('359001', '永安市', 'county', 1986, 1990),
('359002', '石狮市', 'county', 1987, 1990),
('360000', '江西省', 'province', NULL, NULL),
('360100', '南昌市', 'prefecture', NULL, NULL),
('360101', '市辖区', 'county', 1983, NULL),
('360102', '东湖区', 'county', 1983, NULL),
('360103', '西湖区', 'county', 1983, NULL),
('360104', '青云谱区', 'county', 1983, NULL),
('360105', '湾里区', 'county', 1983, 2020),
('360111', '郊区', 'county', 1983, 2002),
('360111', '青山湖区', 'county', 2002, NULL),
('360112', '新建区', 'county', 2015, NULL),
('360113', '红谷滩区', 'county', 2019, NULL),
('360120', '市区', 'county', NULL, 1984),
('360121', '南昌县', 'county', NULL, NULL),
('360122', '新建县', 'county', NULL, 2016),
('360123', '安义县', 'county', 1983, NULL),
('360124', '进贤县', 'county', 1983, NULL),
('360200', '景德镇市', 'prefecture', NULL, NULL),
('360201', '市辖区', 'county', 1983, NULL),
('360202', '昌江区', 'county', 1983, NULL),
('360203', '珠山区', 'county', 1983, NULL),
('360211', '鹅湖区', 'county', 1983, 1989),
('360212', '蛟潭区', 'county', 1983, 1989),
('360221', '乐平县', 'county', 1983, 1993),
('360222', '浮梁县', 'county', 1988, NULL),
('360281', '乐平市', 'county', 1992, NULL),
('360300', '萍乡市', 'prefecture', NULL, NULL),
('360301', '市辖区', 'county', 1983, NULL),
('360302', '城关区', 'county', 1983, 1993),
('360302', '安源区', 'county', 1993, NULL),
('360311', '上栗区', 'county', 1983, 1998),
('360312', '芦溪区', 'county', 1983, 1998),
('360313', '湘东区', 'county', 1983, NULL),
('360321', '莲花县', 'county', 1992, NULL),
('360322', '上栗县', 'county', 1997, NULL),
('360323', '芦溪县', 'county', 1997, NULL),
('360400', '九江市', 'prefecture', NULL, NULL),
('360401', '市辖区', 'county', 1983, NULL),
('360402', '庐山区', 'county', 1983, 2016),
('360402', '濂溪区', 'county', 2016, NULL),
('360403', '浔阳区', 'county', 1983, NULL),
('360404', '柴桑区', 'county', 2017, NULL),
('360421', '九江县', 'county', 1983, 2018),
('360422', '瑞昌县', 'county', 1983, 1990),
('360423', '武宁县', 'county', 1983, NULL),
('360424', '修水县', 'county', 1983, NULL),
('360425', '永修县', 'county', 1983, NULL),
('360426', '德安县', 'county', 1983, NULL),
('360427', '星子县', 'county', 1983, 2017),
('360428', '都昌县', 'county', 1983, NULL),
('360429', '湖口县', 'county', 1983, NULL),
('360430', '彭泽县', 'county', 1983, NULL),
('360481', '瑞昌市', 'county', 1989, NULL),
('360482', '共青城市', 'county', 2010, NULL),
('360483', '庐山市', 'county', 2016, NULL),
('360500', '新余市', 'prefecture', 1983, NULL),
('360501', '市辖区', 'county', 1983, NULL),
('360502', '渝水区', 'county', 1983, NULL),
('360521', '分宜县', 'county', 1983, NULL),
('360600', '鹰潭市', 'prefecture', 1983, NULL),
('360601', '市辖区', 'county', 1983, NULL),
('360602', '月湖区', 'county', 1983, NULL),
('360603', '余江区', 'county', 2018, NULL),
('360621', '贵溪县', 'county', 1983, 1997),
('360622', '余江县', 'county', 1983, 2019),
('360681', '贵溪市', 'county', 1996, NULL),
('360700', '赣州市', 'prefecture', 1998, NULL),
('360701', '市辖区', 'county', 1998, NULL),
('360702', '章贡区', 'county', 1998, NULL),
('360703', '南康区', 'county', 2013, NULL),
('360704', '赣县区', 'county', 2016, NULL),
('360721', '赣县', 'county', 1998, 2017),
('360722', '信丰县', 'county', 1998, NULL),
('360723', '大余县', 'county', 1998, NULL),
('360724', '上犹县', 'county', 1998, NULL),
('360725', '崇义县', 'county', 1998, NULL),
('360726', '安远县', 'county', 1998, NULL),
('360727', '龙南县', 'county', 1998, 2021),
('360728', '定南县', 'county', 1998, NULL),
('360729', '全南县', 'county', 1998, NULL),
('360730', '宁都县', 'county', 1998, NULL),
('360731', '于都县', 'county', 1998, NULL),
('360732', '兴国县', 'county', 1998, NULL),
('360733', '会昌县', 'county', 1998, NULL),
('360734', '寻乌县', 'county', 1998, NULL),
('360735', '石城县', 'county', 1998, NULL),
('360781', '瑞金市', 'county', 1998, NULL),
('360782', '南康市', 'county', 1998, 2014),
('360783', '龙南市', 'county', 2020, NULL),
('360800', '吉安市', 'prefecture', 2000, NULL),
('360801', '市辖区', 'county', 2000, NULL),
('360802', '吉州区', 'county', 2000, NULL),
('360803', '青原区', 'county', 2000, NULL),
('360821', '吉安县', 'county', 2000, NULL),
('360822', '吉水县', 'county', 2000, NULL),
('360823', '峡江县', 'county', 2000, NULL),
('360824', '新干县', 'county', 2000, NULL),
('360825', '永丰县', 'county', 2000, NULL),
('360826', '泰和县', 'county', 2000, NULL),
('360827', '遂川县', 'county', 2000, NULL),
('360828', '万安县', 'county', 2000, NULL),
('360829', '安福县', 'county', 2000, NULL),
('360830', '永新县', 'county', 2000, NULL),
('360881', '井冈山市', 'county', 2000, NULL),
('360900', '宜春市', 'prefecture', 2000, NULL),
('360901', '市辖区', 'county', 2000, NULL),
('360902', '袁州区', 'county', 2000, NULL),
('360921', '奉新县', 'county', 2000, NULL),
('360922', '万载县', 'county', 2000, NULL),
('360923', '上高县', 'county', 2000, NULL),
('360924', '宜丰县', 'county', 2000, NULL),
('360925', '靖安县', 'county', 2000, NULL),
('360926', '铜鼓县', 'county', 2000, NULL),
('360981', '丰城市', 'county', 2000, NULL),
('360982', '樟树市', 'county', 2000, NULL),
('360983', '高安市', 'county', 2000, NULL),
('361000', '抚州市', 'prefecture', 2000, NULL),
('361001', '市辖区', 'county', 2000, NULL),
('361002', '临川区', 'county', 2000, NULL),
('361003', '东乡区', 'county', 2016, NULL),
('361021', '南城县', 'county', 2000, NULL),
('361022', '黎川县', 'county', 2000, NULL),
('361023', '南丰县', 'county', 2000, NULL),
('361024', '崇仁县', 'county', 2000, NULL),
('361025', '乐安县', 'county', 2000, NULL),
('361026', '宜黄县', 'county', 2000, NULL),
('361027', '金溪县', 'county', 2000, NULL),
('361028', '资溪县', 'county', 2000, NULL),
('361029', '东乡县', 'county', 2000, 2017),
('361030', '广昌县', 'county', 2000, NULL),
('361100', '上饶市', 'prefecture', 2000, NULL),
('361101', '市辖区', 'county', 2000, NULL),
('361102', '信州区', 'county', 2000, NULL),
('361103', '广丰区', 'county', 2015, NULL),
('361104', '广信区', 'county', 2019, NULL),
('361121', '上饶县', 'county', 2000, 2020),
('361122', '广丰县', 'county', 2000, 2016),
('361123', '玉山县', 'county', 2000, NULL),
('361124', '铅山县', 'county', 2000, NULL),
('361125', '横峰县', 'county', 2000, NULL),
('361126', '弋阳县', 'county', 2000, NULL),
('361127', '余干县', 'county', 2000, NULL),
('361128', '波阳县', 'county', 2000, 2003),
('361128', '鄱阳县', 'county', 2003, NULL),
('361129', '万年县', 'county', 2000, NULL),
('361130', '婺源县', 'county', 2000, NULL),
('361181', '德兴市', 'county', 2000, NULL),
('362100', '赣州地区', 'prefecture', NULL, 1999),
('362101', '赣州市', 'county', NULL, 1999),
('362102', '瑞金市', 'county', 1994, 1999),
('362103', '南康市', 'county', 1995, 1999),
('362121', '赣县', 'county', NULL, 1999),
('362122', '南康县', 'county', NULL, 1996),
('362123', '信丰县', 'county', NULL, 1999),
('362124', '大余县', 'county', NULL, 1999),
('362125', '上犹县', 'county', NULL, 1999),
('362126', '崇义县', 'county', NULL, 1999),
('362127', '安远县', 'county', NULL, 1999),
('362128', '龙南县', 'county', NULL, 1999),
('362129', '定南县', 'county', NULL, 1999),
('362130', '全南县', 'county', NULL, 1999),
('362131', '宁都县', 'county', NULL, 1999),
('362132', '于都县', 'county', NULL, 1999),
('362133', '兴国县', 'county', NULL, 1999),
('362134', '瑞金县', 'county', NULL, 1995),
('362135', '会昌县', 'county', NULL, 1999),
('362136', '寻乌县', 'county', NULL, 1999),
('362137', '石城县', 'county', NULL, 1999),
('362138', '广昌县', 'county', NULL, 1984),
('362200', '宜春地区', 'prefecture', NULL, 2001),
('362201', '宜春市', 'county', NULL, 2001),
('362202', '丰城市', 'county', 1988, 2001),
('362203', '樟树市', 'county', 1988, 2001),
('362204', '高安市', 'county', 1993, 2001),
('362221', '丰城县', 'county', NULL, 1989),
('362222', '高安县', 'county', NULL, 1994),
('362223', '清江县', 'county', NULL, 1989),
('362224', '新余县', 'county', NULL, 1984),
('362225', '宜春县', 'county', NULL, 1986),
('362226', '奉新县', 'county', NULL, 2001),
('362227', '万载县', 'county', NULL, 2001),
('362228', '上高县', 'county', NULL, 2001),
('362229', '宜丰县', 'county', NULL, 2001),
('362230', '分宜县', 'county', NULL, 1984),
('362231', '安义县', 'county', NULL, 1984),
('362232', '靖安县', 'county', NULL, 2001),
('362233', '铜鼓县', 'county', NULL, 2001),
('362300', '上饶地区', 'prefecture', NULL, 2001),
('362301', '上饶市', 'county', NULL, 2001),
('362302', '德兴市', 'county', 1990, 2001),
('362321', '上饶县', 'county', NULL, 2001),
('362322', '广丰县', 'county', NULL, 2001),
('362323', '玉山县', 'county', NULL, 2001),
('362324', '铅山县', 'county', NULL, 2001),
('362325', '横峰县', 'county', NULL, 2001),
('362326', '弋阳县', 'county', NULL, 2001),
('362327', '贵溪县', 'county', NULL, 1984),
('362328', '余江县', 'county', NULL, 1984),
('362329', '余干县', 'county', NULL, 2001),
('362330', '波阳县', 'county', NULL, 2001),
('362331', '万年县', 'county', NULL, 2001),
('362332', '乐平县', 'county', NULL, 1984),
('362333', '德兴县', 'county', NULL, 1991),
('362334', '婺源县', 'county', NULL, 2001),
('362400', '吉安地区', 'prefecture', NULL, 2001),
('362401', '吉安市', 'county', NULL, 2001),
('362402', '井冈山市', 'county', 1984, 2001),
('362421', '吉安县', 'county', NULL, 2001),
('362422', '吉水县', 'county', NULL, 2001),
('362423', '峡江县', 'county', NULL, 2001),
('362424', '新干县', 'county', NULL, 2001),
('362425', '永丰县', 'county', NULL, 2001),
('362426', '泰和县', 'county', NULL, 2001),
('362427', '遂川县', 'county', NULL, 2001),
('362428', '万安县', 'county', NULL, 2001),
('362429', '安福县', 'county', NULL, 2001),
('362430', '永新县', 'county', NULL, 2001),
('362431', '莲花县', 'county', NULL, 1993),
('362432', '宁冈县', 'county', NULL, 2001),
('362433', '井冈山县', 'county', 1981, 1985),
('362500', '抚州地区', 'prefecture', NULL, 2001),
('362501', '抚州市', 'county', NULL, 1988),
('362502', '临川市', 'county', 1987, 2001),
('362521', '临川县', 'county', NULL, 1988),
('362522', '南城县', 'county', NULL, 2001),
('362523', '黎川县', 'county', NULL, 2001),
('362524', '南丰县', 'county', NULL, 2001),
('362525', '崇仁县', 'county', NULL, 2001),
('362526', '乐安县', 'county', NULL, 2001),
('362527', '宜黄县', 'county', NULL, 2001),
('362528', '金溪县', 'county', NULL, 2001),
('362529', '资溪县', 'county', NULL, 2001),
('362530', '进贤县', 'county', NULL, 1984),
('362531', '东乡县', 'county', NULL, 2001),
('362532', '广昌县', 'county', 1983, 2001),
('362600', '九江地区', 'prefecture', NULL, 1984),
('362621', '九江县', 'county', NULL, 1984),
('362622', '瑞昌县', 'county', NULL, 1984),
('362623', '武宁县', 'county', NULL, 1984),
('362624', '修水县', 'county', NULL, 1984),
('362625', '永修县', 'county', NULL, 1984),
('362626', '德安县', 'county', NULL, 1984),
('362627', '星子县', 'county', NULL, 1984),
('362628', '都昌县', 'county', NULL, 1984),
('362629', '湖口县', 'county', NULL, 1984),
('362630', '彭泽县', 'county', NULL, 1984),
('370000', '山东省', 'province', NULL, NULL),
('370100', '济南市', 'prefecture', NULL, NULL),
('370101', '市辖区', 'county', 1983, NULL),
('370102', '历下区', 'county', 1983, NULL),
('370103', '市中区', 'county', 1983, NULL),
('370104', '槐荫区', 'county', 1983, NULL),
('370105', '天桥区', 'county', 1983, NULL),
('370111', '郊区', 'county', 1983, 1988),
('370112', '历城区', 'county', 1987, NULL),
('370113', '长清区', 'county', 2001, NULL),
('370114', '章丘区', 'county', 2016, NULL),
('370115', '济阳区', 'county', 2018, NULL),
('370116', '莱芜区', 'county', 2018, NULL),
('370117', '钢城区', 'county', 2018, NULL),
('370120', '市区', 'county', NULL, 1984),
('370121', '历城县', 'county', NULL, 1988),
('370122', '章丘县', 'county', NULL, 1993),
('370123', '长清县', 'county', NULL, 2002),
('370124', '平阴县', 'county', 1985, NULL),
('370125', '济阳县', 'county', 1989, 2019),
('370126', '商河县', 'county', 1989, NULL),
('370181', '章丘市', 'county', 1992, 2017),
('370200', '青岛市', 'prefecture', NULL, NULL),
('370201', '市辖区', 'county', 1983, NULL),
('370202', '市南区', 'county', 1983, NULL),
('370203', '市北区', 'county', 1983, NULL),
('370204', '台东区', 'county', 1983, 1995),
('370205', '四方区', 'county', 1983, 2013),
('370206', '沧口区', 'county', 1983, 1995),
('370211', '黄岛区', 'county', 1983, NULL),
('370212', '崂山区', 'county', 1988, NULL),
('370213', '李沧区', 'county', 1994, NULL),
('370214', '城阳区', 'county', 1994, NULL),
('370215', '即墨区', 'county', 2017, NULL),
('370220', '市区', 'county', NULL, 1984),
('370221', '崂山县', 'county', NULL, 1989),
('370222', '即墨县', 'county', NULL, 1990),
('370223', '胶南县', 'county', NULL, 1991),
('370224', '胶县', 'county', NULL, 1988),
('370225', '莱西县', 'county', 1983, 1991),
('370226', '平度县', 'county', 1983, 1990),
('370281', '胶州市', 'county', 1989, NULL),
('370282', '即墨市', 'county', 1989, 2018),
('370283', '平度市', 'county', 1989, NULL),
('370284', '胶南市', 'county', 1990, 2013),
('370285', '莱西市', 'county', 1990, NULL),
('370300', '淄博市', 'prefecture', NULL, NULL),
('370301', '市辖区', 'county', 1983, NULL),
('370302', '淄川区', 'county', 1983, NULL),
('370303', '张店区', 'county', 1983, NULL),
('370304', '博山区', 'county', 1983, NULL),
('370305', '临淄区', 'county', 1983, NULL),
('370306', '周村区', 'county', 1983, NULL),
('370321', '桓台县', 'county', 1983, NULL),
('370322', '高青县', 'county', 1989, NULL),
('370323', '沂源县', 'county', 1989, NULL),
('370400', '枣庄市', 'prefecture', NULL, NULL),
('370401', '市辖区', 'county', 1983, NULL),
('370402', '市中区', 'county', 1983, NULL),
('370403', '薛城区', 'county', 1983, NULL),
('370404', '峄城区', 'county', 1983, NULL),
('370405', '台儿庄区', 'county', 1983, NULL),
('370406', '山亭区', 'county', 1983, NULL),
('370420', '市区', 'county', NULL, 1984),
('370421', '滕县', 'county', NULL, 1989),
('370481', '滕州市', 'county', 1989, NULL),
('370500', '东营市', 'prefecture', 1982, NULL),
('370501', '市辖区', 'county', 1983, NULL),
('370502', '东营区', 'county', 1983, NULL),
('370503', '河口区', 'county', 1983, NULL),
('370504', '牛庄区', 'county', 1983, 1988),
('370505', '垦利区', 'county', 2016, NULL),
('370521', '垦利县', 'county', 1982, 2017),
('370522', '利津县', 'county', 1982, NULL),
('370523', '广饶县', 'county', 1983, NULL),
('370600', '烟台市', 'prefecture', 1983, NULL),
('370601', '市辖区', 'county', 1983, NULL),
('370602', '芝罘区', 'county', 1983, NULL),
('370611', '福山区', 'county', 1983, NULL),
('370612', '牟平区', 'county', 1994, NULL),
('370613', '莱山区', 'county', 1994, NULL),
('370614', '蓬莱区', 'county', 2020, NULL),
('370620', '威海市', 'county', 1983, 1988),
('370621', '福山县', 'county', 1983, 1984),
('370622', '蓬莱县', 'county', 1983, 1992),
('370623', '黄县', 'county', 1983, 1987),
('370624', '招远县', 'county', 1983, 1992),
('370625', '掖县', 'county', 1983, 1989),
('370626', '莱西县', 'county', 1983, 1984),
('370627', '莱阳县', 'county', 1983, 1988),
('370628', '栖霞县', 'county', 1983, 1996),
('370629', '海阳县', 'county', 1983, 1997),
('370630', '乳山县', 'county', 1983, 1988),
('370631', '牟平县', 'county', 1983, 1995),
('370632', '文登县', 'county', 1983, 1988),
('370633', '荣成县', 'county', 1983, 1988),
('370634', '长岛县', 'county', 1983, 2021),
('370681', '龙口市', 'county', 1989, NULL),
('370682', '莱阳市', 'county', 1989, NULL),
('370683', '莱州市', 'county', 1989, NULL),
('370684', '蓬莱市', 'county', 1991, 2021),
('370685', '招远市', 'county', 1991, NULL),
('370686', '栖霞市', 'county', 1995, NULL),
('370687', '海阳市', 'county', 1996, NULL),
('370700', '潍坊市', 'prefecture', 1983, NULL),
('370701', '市辖区', 'county', 1983, NULL),
('370702', '潍城区', 'county', 1983, NULL),
('370703', '寒亭区', 'county', 1983, NULL),
('370704', '坊子区', 'county', 1983, NULL),
('370705', '奎文区', 'county', 1994, NULL),
('370721', '益都县', 'county', 1983, 1987),
('370722', '安丘县', 'county', 1983, 1995),
('370723', '寿光县', 'county', 1983, 1994),
('370724', '临朐县', 'county', 1983, NULL),
('370725', '昌乐县', 'county', 1983, NULL),
('370726', '昌邑县', 'county', 1983, 1995),
('370727', '高密县', 'county', 1983, 1995),
('370728', '诸城县', 'county', 1983, 1988),
('370729', '五莲县', 'county', 1983, 1993),
('370781', '青州市', 'county', 1989, NULL),
('370782', '诸城市', 'county', 1989, NULL),
('370783', '寿光市', 'county', 1993, NULL),
('370784', '安丘市', 'county', 1994, NULL),
('370785', '高密市', 'county', 1994, NULL),
('370786', '昌邑市', 'county', 1994, NULL),
('370800', '济宁市', 'prefecture', 1983, NULL),
('370801', '市辖区', 'county', 1983, NULL),
('370802', '市中区', 'county', 1983, 2014),
('370811', '郊区', 'county', 1983, 1993),
('370811', '任城区', 'county', 1993, NULL),
('370812', '兖州区', 'county', 2013, NULL),
('370821', '济宁县', 'county', 1983, 1984),
('370822', '兖州县', 'county', 1983, 1993),
('370823', '曲阜县', 'county', 1983, 1987),
('370824', '泗水县', 'county', 1983, 1984),
('370825', '邹县', 'county', 1983, 1993),
('370826', '微山县', 'county', 1983, NULL),
('370827', '鱼台县', 'county', 1983, NULL),
('370828', '金乡县', 'county', 1983, NULL),
('370829', '嘉祥县', 'county', 1983, NULL),
('370830', '汶上县', 'county', 1985, NULL),
('370831', '泗水县', 'county', 1985, NULL),
('370832', '梁山县', 'county', 1989, NULL),
('370881', '曲阜市', 'county', 1989, NULL),
('370882', '兖州市', 'county', 1992, 2014),
('370883', '邹城市', 'county', 1992, NULL),
('370900', '泰安市', 'prefecture', 1985, NULL),
('370901', '市辖区', 'county', 1985, NULL),
('370902', '泰山区', 'county', 1985, NULL),
('370911', '郊区', 'county', 1985, 2000),
('370911', '岱岳区', 'county', 2000, NULL),
('370919', '莱芜市', 'county', 1985, 1987),
('370920', '新泰市', 'county', 1985, 1987),
('370921', '宁阳县', 'county', 1985, NULL),
('370922', '肥城县', 'county', 1985, 1993),
('370923', '东平县', 'county', 1985, NULL),
('370981', '莱芜市', 'county', 1989, 1993),
('370982', '新泰市', 'county', 1989, NULL),
('370983', '肥城市', 'county', 1992, NULL),
('371000', '威海市', 'prefecture', 1987, NULL),
('371001', '市辖区', 'county', 1987, NULL),
('371002', '环翠区', 'county', 1987, NULL),
('371003', '文登区', 'county', 2014, NULL),
('371021', '乳山县', 'county', 1987, 1994),
('371022', '文登县', 'county', 1987, 1989),
('371023', '荣成县', 'county', 1987, 1989),
('371081', '文登市', 'county', 1989, 2015),
('371082', '荣成市', 'county', 1989, NULL),
('371083', '乳山市', 'county', 1993, NULL),
('371100', '日照市', 'prefecture', 1989, NULL),
('371101', '市辖区', 'county', 1992, NULL),
('371102', '东港区', 'county', 1992, NULL),
('371103', '岚山区', 'county', 2004, NULL),
('371121', '五莲县', 'county', 1992, NULL),
('371122', '莒县', 'county', 1992, NULL),
('371200', '莱芜市', 'prefecture', 1992, 2019),
('371201', '市辖区', 'county', 1992, 2019),
('371202', '莱城区', 'county', 1992, 2019),
('371203', '钢城区', 'county', 1992, 2019),
('371300', '临沂市', 'prefecture', 1994, NULL),
('371301', '市辖区', 'county', 1994, NULL),
('371302', '兰山区', 'county', 1994, NULL),
('371311', '罗庄区', 'county', 1994, NULL),
('371312', '河东区', 'county', 1994, NULL),
('371321', '沂南县', 'county', 1994, NULL),
('371322', '郯城县', 'county', 1994, NULL),
('371323', '沂水县', 'county', 1994, NULL),
('371324', '苍山县', 'county', 1994, 2014),
('371324', '兰陵县', 'county', 2014, NULL),
('371325', '费县', 'county', 1994, NULL),
('371326', '平邑县', 'county', 1994, NULL),
('371327', '莒南县', 'county', 1994, NULL),
('371328', '蒙阴县', 'county', 1994, NULL),
('371329', '临沭县', 'county', 1994, NULL),
('371400', '德州市', 'prefecture', 1994, NULL),
('371401', '市辖区', 'county', 1994, NULL),
('371402', '德城区', 'county', 1994, NULL),
('371403', '陵城区', 'county', 2014, NULL),
('371421', '陵县', 'county', 1994, 2015),
('371422', '宁津县', 'county', 1994, NULL),
('371423', '庆云县', 'county', 1994, NULL),
('371424', '临邑县', 'county', 1994, NULL),
('371425', '齐河县', 'county', 1994, NULL),
('371426', '平原县', 'county', 1994, NULL),
('371427', '夏津县', 'county', 1994, NULL),
('371428', '武城县', 'county', 1994, NULL),
('371481', '乐陵市', 'county', 1994, NULL),
('371482', '禹城市', 'county', 1994, NULL),
('371500', '聊城市', 'prefecture', 1997, NULL),
('371501', '市辖区', 'county', 1997, NULL),
('371502', '东昌府区', 'county', 1997, NULL),
('371503', '茌平区', 'county', 2019, NULL),
('371521', '阳谷县', 'county', 1997, NULL),
('371522', '莘县', 'county', 1997, NULL),
('371523', '茌平县', 'county', 1997, 2020),
('371524', '东阿县', 'county', 1997, NULL),
('371525', '冠县', 'county', 1997, NULL),
('371526', '高唐县', 'county', 1997, NULL),
('371581', '临清市', 'county', 1997, NULL),
('371600', '滨州市', 'prefecture', 2000, NULL),
('371601', '市辖区', 'county', 2000, NULL),
('371602', '滨城区', 'county', 2000, NULL),
('371603', '沾化区', 'county', 2014, NULL),
('371621', '惠民县', 'county', 2000, NULL),
('371622', '阳信县', 'county', 2000, NULL),
('371623', '无棣县', 'county', 2000, NULL),
('371624', '沾化县', 'county', 2000, 2015),
('371625', '博兴县', 'county', 2000, NULL),
('371626', '邹平县', 'county', 2000, 2019),
('371681', '邹平市', 'county', 2018, NULL),
('371700', '菏泽市', 'prefecture', 2000, NULL),
('371701', '市辖区', 'county', 2000, NULL),
('371702', '牡丹区', 'county', 2000, NULL),
('371703', '定陶区', 'county', 2016, NULL),
('371721', '曹县', 'county', 2000, NULL),
('371722', '单县', 'county', 2000, NULL),
('371723', '成武县', 'county', 2000, NULL),
('371724', '巨野县', 'county', 2000, NULL),
('371725', '郓城县', 'county', 2000, NULL),
('371726', '鄄城县', 'county', 2000, NULL),
('371727', '定陶县', 'county', 2000, 2017),
('371728', '东明县', 'county', 2000, NULL),
('372100', '烟台地区', 'prefecture', NULL, 1984),
('372101', '烟台市', 'county', NULL, 1984),
('372102', '威海市', 'county', NULL, 1984),
('372121', '福山县', 'county', NULL, 1984),
('372122', '蓬莱县', 'county', NULL, 1984),
('372123', '黄县', 'county', NULL, 1984),
('372124', '招远县', 'county', NULL, 1984),
('372125', '掖县', 'county', NULL, 1984),
('372126', '莱西县', 'county', NULL, 1984),
('372127', '莱阳县', 'county', NULL, 1984),
('372128', '栖霞县', 'county', NULL, 1984),
('372129', '海阳县', 'county', NULL, 1984),
('372130', '乳山县', 'county', NULL, 1984),
('372131', '牟平县', 'county', NULL, 1984),
('372132', '文登县', 'county', NULL, 1984),
('372133', '荣成县', 'county', NULL, 1984),
('372134', '长岛县', 'county', NULL, 1984),
('372200', '昌潍地区', 'prefecture', NULL, 1981),
('372200', '潍坊地区', 'prefecture', 1981, 1983),
('372201', '潍坊市', 'county', NULL, 1984),
('372221', '益都县', 'county', NULL, 1984),
('372222', '安丘县', 'county', NULL, 1984),
('372223', '寿光县', 'county', NULL, 1984),
('372224', '临朐县', 'county', NULL, 1984),
('372225', '昌乐县', 'county', NULL, 1984),
('372226', '昌邑县', 'county', NULL, 1984),
('372227', '高密县', 'county', NULL, 1984),
('372228', '诸城县', 'county', NULL, 1984),
('372229', '五莲县', 'county', NULL, 1984),
('372230', '平度县', 'county', NULL, 1984),
('372231', '潍县', 'county', NULL, 1984),
('372300', '惠民地区', 'prefecture', NULL, 1992),
('372300', '滨州地区', 'prefecture', 1992, 2000),
('372301', '滨州市', 'county', 1982, 2001),
('372321', '惠民县', 'county', NULL, 2001),
('372322', '滨县', 'county', NULL, 1988),
('372323', '阳信县', 'county', NULL, 2001),
('372324', '无棣县', 'county', NULL, 2001),
('372325', '沾化县', 'county', NULL, 2001),
('372326', '利津县', 'county', NULL, 1983),
('372327', '广饶县', 'county', NULL, 1984),
('372328', '博兴县', 'county', NULL, 2001),
('372329', '桓台县', 'county', NULL, 1984),
('372330', '邹平县', 'county', NULL, 2001),
('372331', '高青县', 'county', NULL, 1990),
('372332', '垦利县', 'county', NULL, 1983),
('372400', '德州地区', 'prefecture', NULL, 1995),
('372401', '德州市', 'county', NULL, 1995),
('372402', '乐陵市', 'county', 1988, 1995),
('372403', '禹城市', 'county', 1993, 1995),
('372421', '陵县', 'county', NULL, 1995),
('372422', '平原县', 'county', NULL, 1995),
('372423', '夏津县', 'county', NULL, 1995),
('372424', '武城县', 'county', NULL, 1995),
('372425', '齐河县', 'county', NULL, 1995),
('372426', '禹城县', 'county', NULL, 1994),
('372427', '乐陵县', 'county', NULL, 1989),
('372428', '临邑县', 'county', NULL, 1995),
('372429', '商河县', 'county', NULL, 1990),
('372430', '济阳县', 'county', NULL, 1990),
('372431', '宁津县', 'county', NULL, 1995),
('372432', '庆云县', 'county', NULL, 1995),
('372500', '聊城地区', 'prefecture', NULL, 1998),
('372501', '聊城市', 'county', 1983, 1998),
('372502', '临清市', 'county', 1983, 1998),
('372521', '聊城县', 'county', NULL, 1984),
('372522', '阳谷县', 'county', NULL, 1998),
('372523', '莘县', 'county', NULL, 1998),
('372524', '茌平县', 'county', NULL, 1998),
('372525', '东阿县', 'county', NULL, 1998),
('372526', '冠县', 'county', NULL, 1998),
('372527', '高唐县', 'county', NULL, 1998),
('372528', '临清县', 'county', NULL, 1984),
('372600', '泰安地区', 'prefecture', NULL, 1986),
('372601', '泰安市', 'county', 1982, 1986),
('372602', '莱芜市', 'county', 1983, 1986),
('372603', '新汶市', 'county', 1982, 1983),
('372603', '新泰市', 'county', 1983, 1986),
('372621', '泰安县', 'county', NULL, 1983),
('372622', '莱芜县', 'county', NULL, 1984),
('372623', '新泰县', 'county', NULL, 1984),
('372624', '宁阳县', 'county', NULL, 1986),
('372625', '肥城县', 'county', NULL, 1986),
('372626', '东平县', 'county', NULL, 1986),
('372627', '平阴县', 'county', NULL, 1986),
('372628', '新汶县', 'county', NULL, 1983),
('372629', '汶上县', 'county', 1983, 1986),
('372630', '泗水县', 'county', 1983, 1986),
('372700', '济宁地区', 'prefecture', NULL, 1984),
('372701', '济宁市', 'county', NULL, 1984),
('372721', '济宁县', 'county', NULL, 1984),
('372722', '兖州县', 'county', NULL, 1984),
('372723', '曲阜县', 'county', NULL, 1984),
('372724', '泗水县', 'county', NULL, 1984),
('372725', '邹县', 'county', NULL, 1984),
('372726', '微山县', 'county', NULL, 1984),
('372727', '鱼台县', 'county', NULL, 1984),
('372728', '金乡县', 'county', NULL, 1984),
('372729', '嘉祥县', 'county', NULL, 1984),
('372730', '汶上县', 'county', NULL, 1984),
('372800', '临沂地区', 'prefecture', NULL, 1995),
('372801', '临沂市', 'county', 1983, 1995),
('372802', '日照市', 'county', 1985, 1990),
('372821', '临沂县', 'county', NULL, 1984),
('372822', '郯城县', 'county', NULL, 1995),
('372823', '苍山县', 'county', NULL, 1995),
('372824', '莒南县', 'county', NULL, 1995),
('372825', '日照县', 'county', NULL, 1986),
('372826', '莒县', 'county', NULL, 1993),
('372827', '沂水县', 'county', NULL, 1995),
('372828', '沂源县', 'county', NULL, 1990),
('372829', '蒙阴县', 'county', NULL, 1995),
('372830', '平邑县', 'county', NULL, 1995),
('372831', '费县', 'county', NULL, 1995),
('372832', '沂南县', 'county', NULL, 1995),
('372833', '临沭县', 'county', NULL, 1995),
('372900', '菏泽地区', 'prefecture', NULL, 2001),
('372901', '菏泽市', 'county', 1983, 2001),
('372921', '菏泽县', 'county', NULL, 1984),
('372922', '曹县', 'county', NULL, 2001),
('372923', '定陶县', 'county', NULL, 2001),
('372924', '成武县', 'county', NULL, 2001),
('372925', '单县', 'county', NULL, 2001),
('372926', '巨野县', 'county', NULL, 2001),
('372927', '梁山县', 'county', NULL, 1990),
('372928', '郓城县', 'county', NULL, 2001),
('372929', '鄄城县', 'county', NULL, 2001),
('372930', '东明县', 'county', NULL, 2001),
('379000', '省直辖县级行政单位', 'prefecture', 1986, 1990),
('379001', '青州市', 'county', 1986, 1990),
('379002', '龙口市', 'county', 1986, 1990),
('379003', '曲阜市', 'county', 1986, 1990),
('379004', '莱芜市', 'county', 1986, 1990),
('379005', '新泰市', 'county', 1986, 1990),
('379006', '胶州市', 'county', 1987, 1990),
('379007', '诸城市', 'county', 1987, 1990),
('379008', '莱阳市', 'county', 1987, 1990),
('379009', '莱州市', 'county', 1988, 1990),
('379010', '滕州市', 'county', 1988, 1990),
('379011', '文登市', 'county', 1988, 1990),
('379012', '荣成市', 'county', 1988, 1990),
('410000', '河南省', 'province', NULL, NULL),
('410100', '郑州市', 'prefecture', NULL, NULL),
('410101', '市辖区', 'county', 1983, NULL),
('410102', '中原区', 'county', 1983, NULL),
('410103', '二七区', 'county', 1983, NULL),
('410104', '向阳回族区', 'county', 1983, 1983),
('410104', '管城回族区', 'county', 1983, NULL),
('410105', '金水区', 'county', 1983, NULL),
('410106', '上街区', 'county', 1983, NULL),
('410107', '新密区', 'county', 1983, 1988),
('410108', '邙山区', 'county', 1987, 2003),
('410108', '惠济区', 'county', 2003, NULL),
('410111', '金海区', 'county', 1983, 1988),
('410112', '郊区', 'county', 1983, 1988),
('410120', '市区', 'county', NULL, 1984),
('410121', '荥阳县', 'county', NULL, 1995),
('410122', '中牟县', 'county', 1983, NULL),
('410123', '新郑县', 'county', 1983, 1995),
('410124', '巩县', 'county', 1983, 1992),
('410125', '登封县', 'county', 1983, 1995),
('410126', '密县', 'county', 1983, 1995),
('410181', '巩义市', 'county', 1991, NULL),
('410182', '荥阳市', 'county', 1994, NULL),
('410183', '新密市', 'county', 1994, NULL),
('410184', '新郑市', 'county', 1994, NULL),
('410185', '登封市', 'county', 1994, NULL),
('410200', '开封市', 'prefecture', NULL, NULL),
('410201', '市辖区', 'county', 1983, NULL),
('410202', '龙亭区', 'county', 1983, NULL),
('410203', '顺河回族区', 'county', 1983, NULL),
('410204', '鼓楼区', 'county', 1983, NULL),
('410205', '南关区', 'county', 1983, 2005),
('410205', '禹王台区', 'county', 2005, NULL),
('410211', '郊区', 'county', 1983, 2005),
('410211', '金明区', 'county', 2005, 2014),
('410212', '祥符区', 'county', 2014, NULL),
('410221', '杞县', 'county', 1983, NULL),
('410222', '通许县', 'county', 1983, NULL),
('410223', '尉氏县', 'county', 1983, NULL),
('410224', '开封县', 'county', 1983, 2015),
('410225', '兰考县', 'county', 1983, NULL),
('410300', '洛阳市', 'prefecture', NULL, NULL),
('410301', '市辖区', 'county', 1983, NULL),
('410302', '老城区', 'county', 1983, NULL),
('410303', '西工区', 'county', 1983, NULL),
('410304', '瀍河回族区', 'county', 1983, NULL),
('410305', '涧西区', 'county', 1983, NULL),
('410306', '吉利区', 'county', 1983, 2022),
('410307', '偃师区', 'county', 2021, NULL),
('410308', '孟津区', 'county', 2021, NULL),
('410311', '郊区', 'county', 1983, 2000),
('410311', '洛龙区', 'county', 2000, NULL),
('410321', '偃师县', 'county', 1983, 1994),
('410322', '孟津县', 'county', 1983, 2022),
('410323', '新安县', 'county', 1983, NULL),
('410324', '栾川县', 'county', 1986, NULL),
('410325', '嵩县', 'county', 1986, NULL),
('410326', '汝阳县', 'county', 1986, NULL),
('410327', '宜阳县', 'county', 1986, NULL),
('410328', '洛宁县', 'county', 1986, NULL),
('410329', '伊川县', 'county', 1986, NULL),
('410381', '偃师市', 'county', 1993, 2022),
('410400', '平顶山市', 'prefecture', NULL, NULL),
('410401', '市辖区', 'county', 1983, NULL),
('410402', '新华区', 'county', 1983, NULL),
('410403', '卫东区', 'county', 1983, NULL),
('410404', '石龙区', 'county', 1997, NULL),
('410411', '郊区', 'county', 1983, 1994),
('410411', '湛河区', 'county', 1994, NULL),
('410412', '舞钢区', 'county', 1982, 1991),
('410421', '宝丰县', 'county', 1983, NULL),
('410422', '叶县', 'county', 1983, NULL),
('410423', '鲁山县', 'county', 1983, NULL),
('410424', '临汝县', 'county', 1986, 1989),
('410425', '郏县', 'county', 1986, NULL),
('410426', '襄城县', 'county', 1986, 1998),
('410481', '舞钢市', 'county', 1990, NULL),
('410482', '汝州市', 'county', 1989, NULL),
('410500', '安阳市', 'prefecture', NULL, NULL),
('410501', '市辖区', 'county', 1983, NULL),
('410502', '文峰区', 'county', 1983, NULL),
('410503', '北关区', 'county', 1983, NULL),
('410504', '铁西区', 'county', 1983, 2003),
('410505', '殷都区', 'county', 2002, NULL),
('410506', '龙安区', 'county', 2002, NULL),
('410511', '郊区', 'county', 1983, 2003),
('410521', '林县', 'county', 1983, 1995),
('410522', '安阳县', 'county', 1983, NULL),
('410523', '汤阴县', 'county', 1983, NULL),
('410524', '淇县', 'county', 1983, 1987),
('410525', '浚县', 'county', 1983, 1987),
('410526', '滑县', 'county', 1986, NULL),
('410527', '内黄县', 'county', 1986, NULL),
('410581', '林州市', 'county', 1994, NULL),
('410600', '鹤壁市', 'prefecture', NULL, NULL),
('410601', '市辖区', 'county', 1983, NULL),
('410602', '鹤山区', 'county', 1983, NULL),
('410603', '山城区', 'county', 1983, NULL),
('410611', '郊区', 'county', 1983, 2001),
('410611', '淇滨区', 'county', 2001, NULL),
('410621', '浚县', 'county', 1986, NULL),
('410622', '淇县', 'county', 1986, NULL),
('410700', '新乡市', 'prefecture', NULL, NULL),
('410701', '市辖区', 'county', 1983, NULL),
('410702', '红旗区', 'county', 1983, NULL),
('410703', '新华区', 'county', 1983, 2003),
('410703', '卫滨区', 'county', 2003, NULL),
('410704', '北站区', 'county', 1983, 2003),
('410704', '凤泉区', 'county', 2003, NULL),
('410711', '郊区', 'county', 1983, 2003),
('410711', '牧野区', 'county', 2003, NULL),
('410721', '新乡县', 'county', 1983, NULL),
('410722', '汲县', 'county', 1983, 1989),
('410723', '辉县', 'county', 1986, 1989),
('410724', '获嘉县', 'county', 1986, NULL),
('410725', '原阳县', 'county', 1986, NULL),
('410726', '延津县', 'county', 1986, NULL),
('410727', '封丘县', 'county', 1986, NULL),
('410728', '长垣县', 'county', 1986, 2020),
('410781', '卫辉市', 'county', 1989, NULL),
('410782', '辉县市', 'county', 1989, NULL),
('410783', '长垣市', 'county', 2019, NULL),
('410800', '焦作市', 'prefecture', NULL, NULL),
('410801', '市辖区', 'county', 1983, NULL),
('410802', '解放区', 'county', 1983, NULL),
('410803', '中站区', 'county', 1983, NULL),
('410804', '马村区', 'county', 1983, NULL),
('410811', '郊区', 'county', 1983, 1990),
('410811', '山阳区', 'county', 1990, NULL),
('410821', '修武县', 'county', 1983, NULL),
('410822', '博爱县', 'county', 1983, NULL),
('410823', '武陟县', 'county', 1986, NULL),
('410824', '沁阳县', 'county', 1986, 1990),
('410825', '温县', 'county', 1986, NULL),
('410826', '孟县', 'county', 1986, 1997),
('410827', '济源县', 'county', 1986, 1989),
('410881', '济源市', 'county', 1989, 1998),
('410882', '沁阳市', 'county', 1989, NULL),
('410883', '孟州市', 'county', 1996, NULL),
('410900', '濮阳市', 'prefecture', 1983, NULL),
('410901', '市辖区', 'county', 1983, NULL),
('410902', '市区', 'county', 1985, 2002),
('410902', '华龙区', 'county', 2002, NULL),
('410911', '郊区', 'county', 1983, 1988),
('410921', '滑县', 'county', 1983, 1987),
('410922', '清丰县', 'county', 1983, NULL),
('410923', '南乐县', 'county', 1983, NULL),
('410924', '内黄县', 'county', 1983, 1987),
('410925', '长垣县', 'county', 1983, 1987),
('410926', '范县', 'county', 1983, NULL),
('410927', '台前县', 'county', 1983, NULL),
('410928', '濮阳县', 'county', 1987, NULL),
('411000', '许昌市', 'prefecture', 1986, NULL),
('411001', '市辖区', 'county', 1986, NULL),
('411002', '魏都区', 'county', 1986, NULL),
('411003', '建安区', 'county', 2016, NULL),
('411021', '禹县', 'county', 1986, 1989),
('411022', '长葛县', 'county', 1986, 1994),
('411023', '许昌县', 'county', 1986, 2017),
('411024', '鄢陵县', 'county', 1986, NULL),
('411025', '襄城县', 'county', 1997, NULL),
('411081', '禹州市', 'county', 1989, NULL),
('411082', '长葛市', 'county', 1993, NULL),
('411100', '漯河市', 'prefecture', 1986, NULL),
('411101', '市辖区', 'county', 1986, NULL),
('411102', '源汇区', 'county', 1986, NULL),
('411103', '郾城区', 'county', 2004, NULL),
('411104', '召陵区', 'county', 2004, NULL),
('411121', '舞阳县', 'county', 1986, NULL),
('411122', '临颍县', 'county', 1986, NULL),
('411123', '郾城县', 'county', 1986, 2005),
('411200', '三门峡市', 'prefecture', 1986, NULL),
('411201', '市辖区', 'county', 1986, NULL),
('411202', '湖滨区', 'county', 1986, NULL),
('411203', '陕州区', 'county', 2015, NULL),
('411219', '义马市', 'county', 1986, 1990),
('411221', '渑池县', 'county', 1986, NULL),
('411222', '陕县', 'county', 1986, 2016),
('411223', '灵宝县', 'county', 1986, 1994),
('411224', '卢氏县', 'county', 1986, NULL),
('411281', '义马市', 'county', 1989, NULL),
('411282', '灵宝市', 'county', 1993, NULL),
('411300', '南阳市', 'prefecture', 1994, NULL),
('411301', '市辖区', 'county', 1994, NULL),
('411302', '宛城区', 'county', 1994, NULL),
('411303', '卧龙区', 'county', 1994, NULL),
('411321', '南召县', 'county', 1994, NULL),
('411322', '方城县', 'county', 1994, NULL),
('411323', '西峡县', 'county', 1994, NULL),
('411324', '镇平县', 'county', 1994, NULL),
('411325', '内乡县', 'county', 1994, NULL),
('411326', '淅川县', 'county', 1994, NULL),
('411327', '社旗县', 'county', 1994, NULL),
('411328', '唐河县', 'county', 1994, NULL),
('411329', '新野县', 'county', 1994, NULL),
('411330', '桐柏县', 'county', 1994, NULL),
('411381', '邓州市', 'county', 1994, NULL),
('411400', '商丘市', 'prefecture', 1997, NULL),
('411401', '市辖区', 'county', 1997, NULL),
('411402', '梁园区', 'county', 1997, NULL),
('411403', '睢阳区', 'county', 1997, NULL),
('411421', '民权县', 'county', 1997, NULL),
('411422', '睢县', 'county', 1997, NULL),
('411423', '宁陵县', 'county', 1997, NULL),
('411424', '柘城县', 'county', 1997, NULL),
('411425', '虞城县', 'county', 1997, NULL),
('411426', '夏邑县', 'county', 1997, NULL),
('411481', '永城市', 'county', 1997, NULL),
('411500', '信阳市', 'prefecture', 1998, NULL),
('411501', '市辖区', 'county', 1998, NULL),
('411502', '浉河区', 'county', 1998, NULL),
('411503', '平桥区', 'county', 1998, NULL),
('411521', '罗山县', 'county', 1998, NULL),
('411522', '光山县', 'county', 1998, NULL),
('411523', '新县', 'county', 1998, NULL),
('411524', '商城县', 'county', 1998, NULL),
('411525', '固始县', 'county', 1998, NULL),
('411526', '潢川县', 'county', 1998, NULL),
('411527', '淮滨县', 'county', 1998, NULL),
('411528', '息县', 'county', 1998, NULL),
('411600', '周口市', 'prefecture', 2000, NULL),
('411601', '市辖区', 'county', 2000, NULL),
('411602', '川汇区', 'county', 2000, NULL),
('411603', '淮阳区', 'county', 2019, NULL),
('411621', '扶沟县', 'county', 2000, NULL),
('411622', '西华县', 'county', 2000, NULL),
('411623', '商水县', 'county', 2000, NULL),
('411624', '沈丘县', 'county', 2000, NULL),
('411625', '郸城县', 'county', 2000, NULL),
('411626', '淮阳县', 'county', 2000, 2020),
('411627', '太康县', 'county', 2000, NULL),
('411628', '鹿邑县', 'county', 2000, NULL),
('411681', '项城市', 'county', 2000, NULL),
('411700', '驻马店市', 'prefecture', 2000, NULL),
('411701', '市辖区', 'county', 2000, NULL),
('411702', '驿城区', 'county', 2000, NULL),
('411721', '西平县', 'county', 2000, NULL),
('411722', '上蔡县', 'county', 2000, NULL),
('411723', '平舆县', 'county', 2000, NULL),
('411724', '正阳县', 'county', 2000, NULL),
('411725', '确山县', 'county', 2000, NULL),
('411726', '泌阳县', 'county', 2000, NULL),
('411727', '汝南县', 'county', 2000, NULL),
('411728', '遂平县', 'county', 2000, NULL),
('411729', '新蔡县', 'county', 2000, NULL),
('412100', '安阳地区', 'prefecture', NULL, 1984),
('412121', '林县', 'county', NULL, 1984),
('412122', '安阳县', 'county', NULL, 1984),
('412123', '汤阴县', 'county', NULL, 1984),
('412124', '浚县', 'county', NULL, 1984),
('412125', '淇县', 'county', NULL, 1984),
('412126', '濮阳县', 'county', NULL, 1984),
('412127', '滑县', 'county', NULL, 1984),
('412128', '清丰县', 'county', NULL, 1984),
('412129', '南乐县', 'county', NULL, 1984),
('412130', '内黄县', 'county', NULL, 1984),
('412131', '长垣县', 'county', NULL, 1984),
('412132', '范县', 'county', NULL, 1984),
('412133', '台前县', 'county', NULL, 1984),
('412200', '新乡地区', 'prefecture', NULL, 1987),
('412221', '沁阳县', 'county', NULL, 1987),
('412222', '博爱县', 'county', NULL, 1984),
('412223', '济源县', 'county', NULL, 1987),
('412224', '孟县', 'county', NULL, 1987),
('412225', '温县', 'county', NULL, 1987),
('412226', '武陟县', 'county', NULL, 1987),
('412227', '修武县', 'county', NULL, 1984),
('412228', '获嘉县', 'county', NULL, 1987),
('412229', '新乡县', 'county', NULL, 1984),
('412230', '辉县', 'county', NULL, 1987),
('412231', '汲县', 'county', NULL, 1984),
('412232', '原阳县', 'county', NULL, 1987),
('412233', '延津县', 'county', NULL, 1987),
('412234', '封丘县', 'county', NULL, 1987),
('412300', '商丘地区', 'prefecture', NULL, 1998),
('412301', '商丘市', 'county', NULL, 1998),
('412302', '永城市', 'county', 1996, 1998),
('412321', '虞城县', 'county', NULL, 1998),
('412322', '商丘县', 'county', NULL, 1998),
('412323', '民权县', 'county', NULL, 1998),
('412324', '宁陵县', 'county', NULL, 1998),
('412325', '睢县', 'county', NULL, 1998),
('412326', '夏邑县', 'county', NULL, 1998),
('412327', '柘城县', 'county', NULL, 1998),
('412328', '永城县', 'county', NULL, 1997),
('412400', '开封地区', 'prefecture', NULL, 1984),
('412421', '杞县', 'county', NULL, 1984),
('412422', '通许县', 'county', NULL, 1984),
('412423', '尉氏县', 'county', NULL, 1984),
('412424', '开封县', 'county', NULL, 1984),
('412425', '中牟县', 'county', NULL, 1984),
('412426', '新郑县', 'county', NULL, 1984),
('412427', '巩县', 'county', NULL, 1984),
('412428', '登封县', 'county', NULL, 1984),
('412429', '密县', 'county', NULL, 1984),
('412430', '兰考县', 'county', NULL, 1984),
('412500', '洛阳地区', 'prefecture', NULL, 1987),
('412501', '三门峡市', 'county', NULL, 1987),
('412502', '义马市', 'county', 1981, 1987),
('412521', '偃师县', 'county', NULL, 1984),
('412522', '孟津县', 'county', NULL, 1984),
('412523', '新安县', 'county', NULL, 1984),
('412524', '渑池县', 'county', NULL, 1987),
('412525', '陕县', 'county', NULL, 1987),
('412526', '灵宝县', 'county', NULL, 1987),
('412527', '伊川县', 'county', NULL, 1987),
('412528', '汝阳县', 'county', NULL, 1987),
('412529', '嵩县', 'county', NULL, 1987),
('412530', '洛宁县', 'county', NULL, 1987),
('412531', '卢氏县', 'county', NULL, 1987),
('412532', '栾川县', 'county', NULL, 1987),
('412533', '临汝县', 'county', NULL, 1987),
('412534', '宜阳县', 'county', NULL, 1987),
('412535', '义马矿区', 'county', NULL, 1982),
('412600', '许昌地区', 'prefecture', NULL, 1987),
('412601', '许昌市', 'county', NULL, 1987),
('412602', '漯河市', 'county', NULL, 1987),
('412621', '长葛县', 'county', NULL, 1987),
('412622', '禹县', 'county', NULL, 1987),
('412623', '鄢陵县', 'county', NULL, 1987),
('412624', '许昌县', 'county', NULL, 1987),
('412625', '郏县', 'county', NULL, 1987),
('412626', '临颍县', 'county', NULL, 1987),
('412627', '襄城县', 'county', NULL, 1987),
('412628', '宝丰县', 'county', NULL, 1984),
('412629', '郾城县', 'county', NULL, 1987),
('412630', '叶县', 'county', NULL, 1984),
('412631', '鲁山县', 'county', NULL, 1984),
('412632', '舞阳县', 'county', NULL, 1987),
('412700', '周口地区', 'prefecture', NULL, 2001),
('412701', '周口市', 'county', NULL, 2001),
('412702', '项城市', 'county', 1993, 2001),
('412721', '扶沟县', 'county', NULL, 2001),
('412722', '西华县', 'county', NULL, 2001),
('412723', '商水县', 'county', NULL, 2001),
('412724', '太康县', 'county', NULL, 2001),
('412725', '鹿邑县', 'county', NULL, 2001),
('412726', '郸城县', 'county', NULL, 2001),
('412727', '淮阳县', 'county', NULL, 2001),
('412728', '沈丘县', 'county', NULL, 2001),
('412729', '项城县', 'county', NULL, 1994),
('412800', '驻马店地区', 'prefecture', NULL, 2001),
('412801', '驻马店市', 'county', NULL, 2001),
('412821', '确山县', 'county', NULL, 2001),
('412822', '泌阳县', 'county', NULL, 2001),
('412823', '遂平县', 'county', NULL, 2001),
('412824', '西平县', 'county', NULL, 2001),
('412825', '上蔡县', 'county', NULL, 2001),
('412826', '汝南县', 'county', NULL, 2001),
('412827', '平舆县', 'county', NULL, 2001),
('412828', '新蔡县', 'county', NULL, 2001),
('412829', '正阳县', 'county', NULL, 2001),
('412900', '南阳地区', 'prefecture', NULL, 1995),
('412901', '南阳市', 'county', NULL, 1995),
('412902', '邓州市', 'county', 1988, 1995),
('412921', '南召县', 'county', NULL, 1995),
('412922', '方城县', 'county', NULL, 1995),
('412923', '西峡县', 'county', NULL, 1995),
('412924', '南阳县', 'county', NULL, 1995),
('412925', '镇平县', 'county', NULL, 1995),
('412926', '内乡县', 'county', NULL, 1995),
('412927', '淅川县', 'county', NULL, 1995),
('412928', '社旗县', 'county', NULL, 1995),
('412929', '唐河县', 'county', NULL, 1995),
('412930', '邓县', 'county', NULL, 1989),
('412931', '新野县', 'county', NULL, 1995),
('412932', '桐柏县', 'county', NULL, 1995),
('413000', '信阳地区', 'prefecture', NULL, 1999),
('413001', '信阳市', 'county', NULL, 1999),
('413021', '息县', 'county', NULL, 1999),
('413022', '淮滨县', 'county', NULL, 1999),
('413023', '信阳县', 'county', NULL, 1999),
('413024', '潢川县', 'county', NULL, 1999),
('413025', '光山县', 'county', NULL, 1999),
('413026', '固始县', 'county', NULL, 1999),
('413027', '商城县', 'county', NULL, 1999),
('413028', '罗山县', 'county', NULL, 1999),
('413029', '新县', 'county', NULL, 1999),
('419000', '省直辖县级行政单位', 'prefecture', 1986, NULL),
('419001', '义马市', 'county', 1986, 1990),
('419001', '济源市', 'county', 1997, NULL),
('419002', '汝州市', 'county', 1988, 1990),
('419003', '济源市', 'county', 1988, 1990),
('419004', '禹州市', 'county', 1988, 1990),
('419005', '卫辉市', 'county', 1988, 1990),
('419006', '辉县市', 'county', 1988, 1990),
('420000', '湖北省', 'province', NULL, NULL),
('420100', '武汉市', 'prefecture', NULL, NULL),
('420101', '市辖区', 'county', 1983, NULL),
('420102', '江岸区', 'county', 1983, NULL),
('420103', '江汉区', 'county', 1983, NULL),
('420104', '硚口区', 'county', 1983, NULL),
('420105', '汉阳区', 'county', 1983, NULL),
('420106', '武昌区', 'county', 1983, NULL),
('420107', '青山区', 'county', 1983, NULL),
('420111', '洪山区', 'county', 1983, NULL),
('420112', '东西湖区', 'county', 1983, NULL),
('420113', '汉南区', 'county', 1984, NULL),
('420114', '蔡甸区', 'county', 1992, NULL),
('420115', '江夏区', 'county', 1995, NULL),
('420116', '黄陂区', 'county', 1998, NULL),
('420117', '新洲区', 'county', 1998, NULL),
('420120', '市区', 'county', NULL, 1984),
('420121', '汉阳县', 'county', NULL, 1993),
('420122', '武昌县', 'county', NULL, 1996),
('420123', '黄陂县', 'county', 1983, 1999),
('420124', '新洲县', 'county', 1983, 1999),
('420200', '黄石市', 'prefecture', NULL, NULL),
('420201', '市辖区', 'county', 1983, NULL),
('420202', '黄石港区', 'county', 1983, NULL),
('420203', '石灰窑区', 'county', 1983, 2001),
('420203', '西塞山区', 'county', 2001, NULL),
('420204', '下陆区', 'county', 1983, NULL),
('420205', '铁山区', 'county', 1983, NULL),
('420211', '郊区', 'county', 1983, 1986),
('420220', '市区', 'county', NULL, 1984),
('420221', '大冶县', 'county', NULL, 1995),
('420222', '阳新县', 'county', 1996, NULL),
('420281', '大冶市', 'county', 1994, NULL),
('420300', '十堰市', 'prefecture', NULL, NULL),
('420301', '市辖区', 'county', 1984, NULL),
('420302', '茅箭区', 'county', 1984, NULL),
('420303', '张湾区', 'county', 1984, NULL),
('420304', '郧阳区', 'county', 2014, NULL),
('420321', '郧县', 'county', 1994, 2015),
('420322', '郧西县', 'county', 1994, NULL),
('420323', '竹山县', 'county', 1994, NULL),
('420324', '竹溪县', 'county', 1994, NULL),
('420325', '房县', 'county', 1994, NULL),
('420381', '丹江口市', 'county', 1994, NULL),
('420400', '沙市市', 'prefecture', NULL, 1995),
('420500', '宜昌市', 'prefecture', NULL, NULL),
('420501', '市辖区', 'county', 1986, NULL),
('420502', '西陵区', 'county', 1986, NULL),
('420503', '伍家岗区', 'county', 1986, NULL),
('420504', '点军区', 'county', 1986, NULL),
('420505', '猇亭区', 'county', 1995, NULL),
('420506', '夷陵区', 'county', 2001, NULL),
('420521', '宜昌县', 'county', 1992, 2002),
('420523', '枝江县', 'county', 1992, 1997),
('420525', '远安县', 'county', 1992, NULL),
('420526', '兴山县', 'county', 1992, NULL),
('420527', '秭归县', 'county', 1992, NULL),
('420528', '长阳土家族自治县', 'county', 1992, NULL),
('420529', '五峰土家族自治县', 'county', 1992, NULL),
('420581', '枝城市', 'county', 1987, 1998),
('420581', '宜都市', 'county', 1998, NULL),
('420582', '当阳市', 'county', 1992, NULL),
('420583', '枝江市', 'county', 1996, NULL),
('420600', '襄樊市', 'prefecture', NULL, 2010),
('420600', '襄阳市', 'prefecture', 2010, NULL),
('420601', '市辖区', 'county', 1984, NULL),
('420602', '襄城区', 'county', 1984, NULL),
('420603', '樊东区', 'county', 1984, 1996),
('420604', '樊西区', 'county', 1984, 1996),
('420605', '郊区', 'county', 1984, 1996),
('420606', '樊城区', 'county', 1995, NULL),
('420607', '襄阳区', 'county', 2001, 2010),
('420607', '襄州区', 'county', 2010, NULL),
('420619', '随州市', 'county', 1983, 1987),
('420620', '老河口市', 'county', 1983, 1987),
('420621', '襄阳县', 'county', 1983, 2002),
('420622', '枣阳县', 'county', 1983, 1989),
('420623', '宜城县', 'county', 1983, 1995),
('420624', '南漳县', 'county', 1983, NULL),
('420625', '谷城县', 'county', 1983, NULL),
('420626', '保康县', 'county', 1983, NULL),
('420681', '随州市', 'county', 1989, 1995),
('420682', '老河口市', 'county', 1989, NULL),
('420683', '枣阳市', 'county', 1989, NULL),
('420684', '宜城市', 'county', 1994, NULL),
('420700', '鄂州市', 'prefecture', 1983, NULL),
('420701', '市辖区', 'county', 1987, NULL),
('420702', '梁子湖区', 'county', 1987, NULL),
('420703', '华容区', 'county', 1987, NULL),
('420704', '鄂城区', 'county', 1987, NULL),
('420800', '荆门市', 'prefecture', 1983, NULL),
('420801', '市辖区', 'county', 1985, NULL),
('420802', '东宝区', 'county', 1985, NULL),
('420803', '沙洋区', 'county', 1985, 1999),
('420804', '掇刀区', 'county', 2001, NULL),
('420821', '京山县', 'county', 1996, 2019),
('420822', '沙洋县', 'county', 1998, NULL),
('420881', '钟祥市', 'county', 1996, NULL),
('420882', '京山市', 'county', 2018, NULL),
('420900', '孝感市', 'prefecture', 1993, NULL),
('420901', '市辖区', 'county', 1993, NULL),
('420902', '孝南区', 'county', 1993, NULL),
('420921', '孝昌县', 'county', 1993, NULL),
('420922', '大悟县', 'county', 1993, NULL),
('420923', '云梦县', 'county', 1993, NULL),
('420924', '汉川县', 'county', 1993, 1998),
('420981', '应城市', 'county', 1993, NULL),
('420982', '安陆市', 'county', 1993, NULL),
('420983', '广水市', 'county', 1993, 2001),
('420984', '汉川市', 'county', 1997, NULL),
('421000', '荆沙市', 'prefecture', 1994, 1996),
('421000', '荆州市', 'prefecture', 1996, NULL),
('421001', '市辖区', 'county', 1994, NULL),
('421002', '沙市区', 'county', 1994, NULL),
('421003', '荆州区', 'county', 1994, NULL),
('421004', '江陵区', 'county', 1994, 1999),
('421021', '松滋县', 'county', 1994, 1996),
('421022', '公安县', 'county', 1994, NULL),
('421023', '监利县', 'county', 1994, 2021),
('421024', '江陵县', 'county', 1998, NULL),
('421025', '京山县', 'county', 1994, 1997),
('421081', '石首市', 'county', 1994, NULL),
('421082', '钟祥市', 'county', 1994, 1997),
('421083', '洪湖市', 'county', 1994, NULL),
('421087', '松滋市', 'county', 1995, NULL),
('421088', '监利市', 'county', 2020, NULL),
('421100', '黄冈市', 'prefecture', 1995, NULL),
('421101', '市辖区', 'county', 1995, NULL),
('421102', '黄州区', 'county', 1995, NULL),
('421121', '团风县', 'county', 1995, NULL),
('421122', '红安县', 'county', 1995, NULL),
('421123', '罗田县', 'county', 1995, NULL),
('421124', '英山县', 'county', 1995, NULL),
('421125', '浠水县', 'county', 1995, NULL),
('421126', '蕲春县', 'county', 1995, NULL),
('421127', '黄梅县', 'county', 1995, NULL),
('421181', '麻城市', 'county', 1995, NULL),
('421182', '武穴市', 'county', 1995, NULL),
('421200', '咸宁市', 'prefecture', 1998, NULL),
('421201', '市辖区', 'county', 1998, NULL),
('421202', '咸安区', 'county', 1998, NULL),
('421221', '嘉鱼县', 'county', 1998, NULL),
('421222', '通城县', 'county', 1998, NULL),
('421223', '崇阳县', 'county', 1998, NULL),
('421224', '通山县', 'county', 1998, NULL),
('421281', '赤壁市', 'county', 1998, NULL),
('421300', '随州市', 'prefecture', 2000, NULL),
('421301', '市辖区', 'county', 2000, NULL),
('421302', '曾都区', 'county', 2000, 2010),
('421303', '曾都区', 'county', 2009, NULL),
('421321', '随县', 'county', 2009, NULL),
('421381', '广水市', 'county', 2000, NULL),
('422100', '黄冈地区', 'prefecture', NULL, 1996),
('422101', '麻城市', 'county', 1986, 1996),
('422102', '武穴市', 'county', 1987, 1996),
('422103', '黄州市', 'county', 1990, 1996),
('422121', '黄冈县', 'county', NULL, 1991),
('422122', '新洲县', 'county', NULL, 1984),
('422123', '红安县', 'county', NULL, 1996),
('422124', '麻城县', 'county', NULL, 1987),
('422125', '罗田县', 'county', NULL, 1996),
('422126', '英山县', 'county', NULL, 1996),
('422127', '浠水县', 'county', NULL, 1996),
('422128', '蕲春县', 'county', NULL, 1996),
('422129', '广济县', 'county', NULL, 1988),
('422130', '黄梅县', 'county', NULL, 1996),
('422131', '鄂城县', 'county', NULL, 1984),
('422200', '孝感地区', 'prefecture', NULL, 1994),
('422201', '孝感市', 'county', 1983, 1994),
('422202', '应城市', 'county', 1986, 1994),
('422203', '安陆市', 'county', 1987, 1994),
('422204', '广水市', 'county', 1988, 1994),
('422221', '孝感县', 'county', NULL, 1984),
('422222', '黄陂县', 'county', NULL, 1984),
('422223', '大悟县', 'county', NULL, 1994),
('422224', '应山县', 'county', NULL, 1989),
('422225', '安陆县', 'county', NULL, 1988),
('422226', '云梦县', 'county', NULL, 1994),
('422227', '应城县', 'county', NULL, 1987),
('422228', '汉川县', 'county', NULL, 1994),
('422300', '咸宁地区', 'prefecture', NULL, 1999),
('422301', '咸宁市', 'county', 1983, 1999),
('422302', '蒲圻市', 'county', 1986, 1999),
('422321', '咸宁县', 'county', NULL, 1984),
('422322', '嘉鱼县', 'county', NULL, 1999),
('422323', '蒲圻县', 'county', NULL, 1987),
('422324', '通城县', 'county', NULL, 1999),
('422325', '崇阳县', 'county', NULL, 1999),
('422326', '通山县', 'county', NULL, 1999),
('422327', '阳新县', 'county', NULL, 1997),
('422400', '荆州地区', 'prefecture', NULL, 1995),
('422401', '仙桃市', 'county', 1986, 1995),
('422402', '石首市', 'county', 1986, 1995),
('422403', '洪湖市', 'county', 1987, 1995),
('422404', '天门市', 'county', 1987, 1995),
('422405', '潜江市', 'county', 1988, 1995),
('422406', '钟祥市', 'county', 1992, 1995),
('422421', '江陵县', 'county', NULL, 1995),
('422422', '松滋县', 'county', NULL, 1995),
('422423', '公安县', 'county', NULL, 1995),
('422424', '石首县', 'county', NULL, 1987),
('422425', '监利县', 'county', NULL, 1995),
('422426', '洪湖县', 'county', NULL, 1988),
('422427', '沔阳县', 'county', NULL, 1987),
('422428', '天门县', 'county', NULL, 1988),
('422429', '潜江县', 'county', NULL, 1989),
('422430', '荆门县', 'county', NULL, 1984),
('422431', '钟祥县', 'county', NULL, 1993),
('422432', '京山县', 'county', NULL, 1995),
('422500', '襄阳地区', 'prefecture', NULL, 1984),
('422501', '随州市', 'county', NULL, 1984),
('422502', '老河口市', 'county', NULL, 1984),
('422521', '襄阳县', 'county', NULL, 1984),
('422522', '枣阳县', 'county', NULL, 1984),
('422523', '随县', 'county', NULL, 1984),
('422524', '宜城县', 'county', NULL, 1984),
('422525', '南漳县', 'county', NULL, 1984),
('422526', '光化县', 'county', NULL, 1984),
('422527', '谷城县', 'county', NULL, 1984),
('422528', '保康县', 'county', NULL, 1984),
('422600', '郧阳地区', 'prefecture', NULL, 1995),
('422601', '丹江口市', 'county', 1983, 1995),
('422621', '均县', 'county', NULL, 1984),
('422622', '郧县', 'county', NULL, 1995),
('422623', '郧西县', 'county', NULL, 1995),
('422624', '竹山县', 'county', NULL, 1995),
('422625', '竹溪县', 'county', NULL, 1995),
('422626', '房县', 'county', NULL, 1995),
('422627', '神农架林区', 'county', NULL, 1984),
('422700', '宜昌地区', 'prefecture', NULL, 1993),
('422701', '枝城市', 'county', 1987, 1993),
('422702', '当阳市', 'county', 1988, 1993),
('422721', '宜昌县', 'county', NULL, 1993),
('422722', '宜都县', 'county', NULL, 1988),
('422723', '枝江县', 'county', NULL, 1993),
('422724', '当阳县', 'county', NULL, 1989),
('422725', '远安县', 'county', NULL, 1993),
('422726', '兴山县', 'county', NULL, 1993),
('422727', '秭归县', 'county', NULL, 1993),
('422728', '长阳县', 'county', NULL, 1984),
('422728', '长阳土家族自治县', 'county', 1984, 1993),
('422729', '五峰县', 'county', NULL, 1984),
('422729', '五峰土家族自治县', 'county', 1984, 1993),
('422800', '恩施地区', 'prefecture', NULL, 1983),
('422800', '鄂西土家族苗族自治州', 'prefecture', 1983, 1993),
('422800', '恩施土家族苗族自治州', 'prefecture', 1993, NULL),
('422801', '恩施市', 'county', 1981, NULL),
('422802', '利川市', 'county', 1986, NULL),
('422821', '恩施县', 'county', NULL, 1984),
('422822', '建始县', 'county', NULL, NULL),
('422823', '巴东县', 'county', NULL, NULL),
('422824', '利川县', 'county', NULL, 1987),
('422825', '宣恩县', 'county', NULL, NULL),
('422826', '咸丰县', 'county', NULL, NULL),
('422827', '来凤土家族自治县', 'county', NULL, 1983),
('422827', '来凤县', 'county', 1983, NULL),
('422828', '鹤峰土家族自治县', 'county', NULL, 1983),
('422828', '鹤峰县', 'county', 1983, NULL),
('422900', '林区', 'prefecture', NULL, NULL),
('422921', '神农架林区', 'county', NULL, NULL),
('429000', '省直辖县级行政单位', 'prefecture', 1986, NULL),
('429001', '随州市', 'county', NULL, NULL),
('429002', '老河口市', 'county', 1986, 1990),
('429003', '枣阳市', 'county', 1988, 1990),
('429004', '仙桃市', 'county', 1994, NULL),
('429005', '潜江市', 'county', 1994, NULL),
('429006', '天门市', 'county', 1994, NULL),
('429021', '神农架林区', 'county', NULL, NULL),
('430000', '湖南省', 'province', NULL, NULL),
('430100', '长沙市', 'prefecture', NULL, NULL),
('430101', '市辖区', 'county', 1983, NULL),
('430102', '东区', 'county', 1983, 1996),
('430102', '芙蓉区', 'county', 1996, NULL),
('430103', '南区', 'county', 1983, 1996),
('430103', '天心区', 'county', 1996, NULL),
('430104', '西区', 'county', 1983, 1996),
('430104', '岳麓区', 'county', 1996, NULL),
('430105', '北区', 'county', 1983, 1996),
('430105', '开福区', 'county', 1996, NULL),
('430111', '郊区', 'county', 1983, 1996),
('430111', '雨花区', 'county', 1996, NULL),
('430112', '望城区', 'county', 2011, NULL),
('430120', '市区', 'county', NULL, 1984),
('430121', '长沙县', 'county', NULL, NULL),
('430122', '望城县', 'county', NULL, 2012),
('430123', '浏阳县', 'county', 1983, 1994),
('430124', '宁乡县', 'county', 1983, 2018),
('430181', '浏阳市', 'county', 1993, NULL),
('430182', '宁乡市', 'county', 2017, NULL),
('430200', '株洲市', 'prefecture', NULL, NULL),
('430201', '市辖区', 'county', 1983, NULL),
('430202', '东区', 'county', 1983, 1997),
('430202', '荷塘区', 'county', 1997, NULL),
('430203', '北区', 'county', 1983, 1997),
('430203', '芦淞区', 'county', 1997, NULL),
('430204', '南区', 'county', 1983, 1997),
('430204', '石峰区', 'county', 1997, NULL),
('430211', '郊区', 'county', 1983, 1997),
('430211', '天元区', 'county', 1997, NULL),
('430212', '渌口区', 'county', 2018, NULL),
('430219', '醴陵市', 'county', 1985, 1987),
('430220', '市区', 'county', NULL, 1984),
('430221', '株洲县', 'county', NULL, 2019),
('430222', '醴陵县', 'county', 1983, 1986),
('430223', '攸县', 'county', 1983, NULL),
('430224', '茶陵县', 'county', 1983, NULL),
('430225', '酃县', 'county', 1983, 1994),
('430225', '炎陵县', 'county', 1994, NULL),
('430281', '醴陵市', 'county', 1989, NULL),
('430300', '湘潭市', 'prefecture', NULL, NULL),
('430301', '市辖区', 'county', 1983, NULL),
('430302', '雨湖区', 'county', 1984, NULL),
('430303', '湘江区', 'county', 1984, 1993),
('430304', '岳塘区', 'county', 1984, NULL),
('430305', '板塘区', 'county', 1984, 1993),
('430306', '韶山区', 'county', 1988, 1991),
('430311', '郊区', 'county', 1984, 1993),
('430312', '韶山区', 'county', 1984, 1989),
('430321', '湘潭县', 'county', NULL, NULL),
('430322', '湘乡县', 'county', NULL, 1987),
('430381', '湘乡市', 'county', 1989, NULL),
('430382', '韶山市', 'county', 1990, NULL),
('430400', '衡阳市', 'prefecture', NULL, NULL),
('430401', '市辖区', 'county', 1983, NULL),
('430402', '江东区', 'county', 1983, 2002),
('430403', '城南区', 'county', 1983, 2002),
('430404', '城北区', 'county', 1983, 2002),
('430405', '珠晖区', 'county', 2001, NULL),
('430406', '雁峰区', 'county', 2001, NULL),
('430407', '石鼓区', 'county', 2001, NULL),
('430408', '蒸湘区', 'county', 2001, NULL),
('430411', '郊区', 'county', 1983, 2002),
('430412', '南岳区', 'county', 1984, NULL),
('430421', '衡阳县', 'county', 1983, NULL),
('430422', '衡南县', 'county', 1983, NULL),
('430423', '衡山县', 'county', 1983, NULL),
('430424', '衡东县', 'county', 1983, NULL),
('430425', '常宁县', 'county', 1983, 1997),
('430426', '祁东县', 'county', 1983, NULL),
('430427', '耒阳县', 'county', 1983, 1987),
('430481', '耒阳市', 'county', 1989, NULL),
('430482', '常宁市', 'county', 1996, NULL),
('430500', '邵阳市', 'prefecture', NULL, NULL),
('430501', '市辖区', 'county', 1983, NULL),
('430502', '东区', 'county', 1983, 1997),
('430502', '双清区', 'county', 1997, NULL),
('430503', '西区', 'county', 1983, 1997),
('430503', '大祥区', 'county', 1997, NULL),
('430504', '桥头区', 'county', 1983, 1988),
('430511', '郊区', 'county', 1983, 1997),
('430511', '北塔区', 'county', 1997, NULL),
('430521', '邵东县', 'county', 1983, 2020),
('430522', '新邵县', 'county', 1983, NULL),
('430523', '邵阳县', 'county', 1986, NULL),
('430524', '隆回县', 'county', 1986, NULL),
('430525', '洞口县', 'county', 1986, NULL),
('430526', '武冈县', 'county', 1986, 1995),
('430527', '绥宁县', 'county', 1986, NULL),
('430528', '新宁县', 'county', 1986, NULL),
('430529', '城步苗族自治县', 'county', 1986, NULL),
('430581', '武冈市', 'county', 1994, NULL),
('430582', '邵东市', 'county', 2019, NULL),
('430600', '岳阳市', 'prefecture', 1983, NULL),
('430601', '市辖区', 'county', 1984, NULL),
('430602', '南区', 'county', 1984, 1996),
('430602', '岳阳楼区', 'county', 1996, NULL),
('430603', '北区', 'county', 1984, 1996),
('430603', '云溪区', 'county', 1996, NULL),
('430611', '郊区', 'county', 1984, 1996),
('430611', '君山区', 'county', 1996, NULL),
('430621', '岳阳县', 'county', 1983, NULL),
('430622', '临湘县', 'county', 1986, 1993),
('430623', '华容县', 'county', 1986, NULL),
('430624', '湘阴县', 'county', 1986, NULL),
('430625', '汨罗县', 'county', 1986, 1988),
('430626', '平江县', 'county', 1986, NULL),
('430681', '汨罗市', 'county', 1989, NULL),
('430682', '临湘市', 'county', 1992, NULL),
('430700', '常德市', 'prefecture', 1988, NULL),
('430701', '市辖区', 'county', 1988, NULL),
('430702', '武陵区', 'county', 1988, NULL),
('430703', '鼎城区', 'county', 1988, NULL),
('430721', '安乡县', 'county', 1988, NULL),
('430722', '汉寿县', 'county', 1988, NULL),
('430723', '澧县', 'county', 1988, NULL),
('430724', '临澧县', 'county', 1988, NULL),
('430725', '桃源县', 'county', 1988, NULL),
('430726', '石门县', 'county', 1988, NULL),
('430727', '慈利县', 'county', 1988, 1989),
('430781', '津市市', 'county', 1989, NULL),
('430800', '大庸市', 'prefecture', 1988, 1994),
('430800', '张家界市', 'prefecture', 1994, NULL),
('430801', '市辖区', 'county', 1988, NULL),
('430802', '永定区', 'county', 1988, NULL),
('430811', '武陵源区', 'county', 1988, NULL),
('430821', '慈利县', 'county', 1988, NULL),
('430822', '桑植县', 'county', 1988, NULL),
('430900', '益阳市', 'prefecture', 1994, NULL),
('430901', '市辖区', 'county', 1994, NULL),
('430902', '资阳区', 'county', 1994, NULL),
('430903', '赫山区', 'county', 1994, NULL),
('430921', '南县', 'county', 1994, NULL),
('430922', '桃江县', 'county', 1994, NULL),
('430923', '安化县', 'county', 1994, NULL),
('430981', '沅江市', 'county', 1994, NULL),
('431000', '郴州市', 'prefecture', 1994, NULL),
('431001', '市辖区', 'county', 1994, NULL),
('431002', '北湖区', 'county', 1994, NULL),
('431003', '苏仙区', 'county', 1994, NULL),
('431021', '桂阳县', 'county', 1994, NULL),
('431022', '宜章县', 'county', 1994, NULL),
('431023', '永兴县', 'county', 1994, NULL),
('431024', '嘉禾县', 'county', 1994, NULL),
('431025', '临武县', 'county', 1994, NULL),
('431026', '汝城县', 'county', 1994, NULL),
('431027', '桂东县', 'county', 1994, NULL),
('431028', '安仁县', 'county', 1994, NULL),
('431081', '资兴市', 'county', 1994, NULL),
('431100', '永州市', 'prefecture', 1995, NULL),
('431101', '市辖区', 'county', 1995, NULL),
('431102', '芝山区', 'county', 1995, 2005),
('431102', '零陵区', 'county', 2005, NULL),
('431103', '冷水滩区', 'county', 1995, NULL),
('431121', '祁阳县', 'county', 1995, 2022),
('431122', '东安县', 'county', 1995, NULL),
('431123', '双牌县', 'county', 1995, NULL),
('431124', '道县', 'county', 1995, NULL),
('431125', '江永县', 'county', 1995, NULL),
('431126', '宁远县', 'county', 1995, NULL),
('431127', '蓝山县', 'county', 1995, NULL),
('431128', '新田县', 'county', 1995, NULL),
('431129', '江华瑶族自治县', 'county', 1995, NULL),
('431181', '祁阳市', 'county', 2021, NULL),
('431200', '怀化市', 'prefecture', 1997, NULL),
('431201', '市辖区', 'county', 1997, NULL),
('431202', '鹤城区', 'county', 1997, NULL),
('431221', '中方县', 'county', 1997, NULL),
('431222', '沅陵县', 'county', 1997, NULL),
('431223', '辰溪县', 'county', 1997, NULL),
('431224', '溆浦县', 'county', 1997, NULL),
('431225', '会同县', 'county', 1997, NULL),
('431226', '麻阳苗族自治县', 'county', 1997, NULL),
('431227', '新晃侗族自治县', 'county', 1997, NULL),
('431228', '芷江侗族自治县', 'county', 1997, NULL),
('431229', '靖州苗族侗族自治县', 'county', 1997, NULL),
('431230', '通道侗族自治县', 'county', 1997, NULL),
('431281', '洪江市', 'county', 1997, NULL),
('431300', '娄底市', 'prefecture', 1999, NULL),
('431301', '市辖区', 'county', 1999, NULL),
('431302', '娄星区', 'county', 1999, NULL),
('431321', '双峰县', 'county', 1999, NULL),
('431322', '新化县', 'county', 1999, NULL),
('431381', '冷水江市', 'county', 1999, NULL),
('431382', '涟源市', 'county', 1999, NULL),
('432100', '湘潭地区', 'prefecture', NULL, 1984),
('432121', '湘潭县', 'county', NULL, 1984),
('432122', '湘乡县', 'county', NULL, 1984),
('432123', '醴陵县', 'county', NULL, 1984),
('432124', '浏阳县', 'county', NULL, 1984),
('432125', '攸县', 'county', NULL, 1984),
('432126', '茶陵县', 'county', NULL, 1984),
('432127', '酃县', 'county', NULL, 1984),
('432128', '韶山区', 'county', NULL, 1984),
('432200', '岳阳地区', 'prefecture', NULL, 1987),
('432201', '岳阳市', 'county', NULL, 1984),
('432221', '岳阳县', 'county', NULL, 1984),
('432222', '平江县', 'county', NULL, 1987),
('432223', '湘阴县', 'county', NULL, 1987),
('432224', '汨罗县', 'county', NULL, 1987),
('432225', '临湘县', 'county', NULL, 1987),
('432226', '华容县', 'county', NULL, 1987),
('432300', '益阳地区', 'prefecture', NULL, 1995),
('432301', '益阳市', 'county', NULL, 1995),
('432302', '沅江市', 'county', 1988, 1995),
('432321', '益阳县', 'county', NULL, 1995),
('432322', '南县', 'county', NULL, 1995),
('432323', '沅江县', 'county', NULL, 1989),
('432324', '宁乡县', 'county', NULL, 1995),
('432325', '桃江县', 'county', NULL, 1995),
('432326', '安化县', 'county', NULL, 1995),
('432400', '常德地区', 'prefecture', NULL, 1989),
('432401', '常德市', 'county', NULL, 1989),
('432402', '津市市', 'county', NULL, 1989),
('432421', '常德县', 'county', NULL, 1989),
('432422', '安乡县', 'county', NULL, 1989),
('432423', '汉寿县', 'county', NULL, 1989),
('432424', '澧县', 'county', NULL, 1989),
('432425', '临澧县', 'county', NULL, 1989),
('432426', '桃源县', 'county', NULL, 1989),
('432427', '石门县', 'county', NULL, 1989),
('432428', '慈利县', 'county', NULL, 1989),
('432500', '娄底地区', 'prefecture', NULL, 2000),
('432501', '娄底市', 'county', NULL, 2000),
('432502', '冷水江市', 'county', NULL, 2000),
('432503', '涟源市', 'county', NULL, 2000),
('432521', '涟源县', 'county', NULL, 2000),
('432522', '双峰县', 'county', NULL, 2000),
('432523', '邵东县', 'county', NULL, 1984),
('432524', '新化县', 'county', NULL, 2000),
('432525', '新邵县', 'county', NULL, 1984),
('432600', '邵阳地区', 'prefecture', NULL, 1987),
('432621', '邵阳县', 'county', NULL, 1987),
('432622', '隆回县', 'county', NULL, 1987),
('432623', '武冈县', 'county', NULL, 1987),
('432624', '洞口县', 'county', NULL, 1987),
('432625', '新宁县', 'county', NULL, 1987),
('432626', '绥宁县', 'county', NULL, 1987),
('432627', '城步苗族自治县', 'county', NULL, 1987),
('432700', '衡阳地区', 'prefecture', NULL, 1984),
('432721', '衡阳县', 'county', NULL, 1984),
('432722', '衡南县', 'county', NULL, 1984),
('432723', '衡山县', 'county', NULL, 1984),
('432724', '衡东县', 'county', NULL, 1984),
('432725', '常宁县', 'county', NULL, 1984),
('432726', '祁东县', 'county', NULL, 1984),
('432727', '祁阳县', 'county', NULL, 1984),
('432800', '郴州地区', 'prefecture', NULL, 1995),
('432801', '郴州市', 'county', NULL, 1995),
('432802', '资兴市', 'county', 1984, 1995),
('432821', '郴县', 'county', NULL, 1995),
('432822', '桂阳县', 'county', NULL, 1995),
('432823', '永兴县', 'county', NULL, 1995),
('432824', '宜章县', 'county', NULL, 1995),
('432825', '资兴县', 'county', NULL, 1985),
('432826', '嘉禾县', 'county', NULL, 1995),
('432827', '临武县', 'county', NULL, 1995),
('432828', '汝城县', 'county', NULL, 1995),
('432829', '桂东县', 'county', NULL, 1995),
('432830', '耒阳县', 'county', NULL, 1984),
('432831', '安仁县', 'county', NULL, 1995),
('432900', '零陵地区', 'prefecture', NULL, 1996),
('432901', '永州市', 'county', 1982, 1996),
('432902', '冷水滩市', 'county', 1984, 1996),
('432921', '零陵县', 'county', NULL, 1985),
('432922', '东安县', 'county', NULL, 1996),
('432923', '道县', 'county', NULL, 1996),
('432924', '宁远县', 'county', NULL, 1996),
('432925', '江永县', 'county', NULL, 1996),
('432926', '江华瑶族自治县', 'county', NULL, 1996),
('432927', '蓝山县', 'county', NULL, 1996),
('432928', '新田县', 'county', NULL, 1996),
('432929', '双牌县', 'county', NULL, 1996),
('432930', '祁阳县', 'county', 1983, 1996),
('433000', '黔阳地区', 'prefecture', NULL, 1981),
('433000', '怀化地区', 'prefecture', 1981, 1997),
('433001', '怀化市', 'county', NULL, 1998),
('433002', '洪江市', 'county', NULL, 1998),
('433021', '黔阳县', 'county', NULL, 1998),
('433022', '沅陵县', 'county', NULL, 1998),
('433023', '辰溪县', 'county', NULL, 1998),
('433024', '溆浦县', 'county', NULL, 1998),
('433025', '麻阳县', 'county', NULL, 1988),
('433025', '麻阳苗族自治县', 'county', 1988, 1998),
('433026', '新晃侗族自治县', 'county', NULL, 1998),
('433027', '芷江县', 'county', NULL, 1986),
('433027', '芷江侗族自治县', 'county', 1986, 1998),
('433028', '怀化县', 'county', NULL, 1983),
('433029', '会同县', 'county', NULL, 1998),
('433030', '靖县', 'county', NULL, 1987),
('433030', '靖州苗族侗族自治县', 'county', 1987, 1998),
('433031', '通道侗族自治县', 'county', NULL, 1998),
('433100', '湘西土家族苗族自治州', 'prefecture', NULL, NULL),
('433101', '吉首市', 'county', 1982, NULL),
('433102', '大庸市', 'county', 1985, 1989),
('433121', '吉首县', 'county', NULL, 1983),
('433122', '泸溪县', 'county', NULL, NULL),
('433123', '凤凰县', 'county', NULL, NULL),
('433124', '花垣县', 'county', NULL, NULL),
('433125', '保靖县', 'county', NULL, NULL),
('433126', '古丈县', 'county', NULL, NULL),
('433127', '永顺县', 'county', NULL, NULL),
('433128', '大庸县', 'county', NULL, 1986),
('433129', '桑植县', 'county', NULL, 1989),
('433130', '龙山县', 'county', NULL, NULL),
('439000', '省直辖县级行政单位', 'prefecture', 1986, 1990),
('439001', '醴陵市', 'county', 1986, 1990),
('439002', '湘乡市', 'county', 1986, 1990),
('439003', '耒阳市', 'county', 1986, 1990),
('439004', '汨罗市', 'county', 1987, 1990),
('439005', '津市市', 'county', 1988, 1990),
('440000', '广东省', 'province', NULL, NULL),
('440100', '广州市', 'prefecture', NULL, NULL),
('440101', '市辖区', 'county', 1983, NULL),
('440102', '东山区', 'county', 1983, 2006),
('440103', '荔湾区', 'county', 1983, NULL),
('440104', '越秀区', 'county', 1983, NULL),
('440105', '海珠区', 'county', 1983, NULL),
('440106', '天河区', 'county', 1985, NULL),
('440107', '芳村区', 'county', 1985, 2006),
('440111', '郊区', 'county', 1983, 1987),
('440111', '白云区', 'county', 1987, NULL),
('440112', '黄埔区', 'county', 1983, NULL),
('440113', '番禺区', 'county', 2000, NULL),
('440114', '花都区', 'county', 2000, NULL),
('440115', '南沙区', 'county', 2005, NULL),
('440116', '萝岗区', 'county', 2005, 2015),
('440117', '从化区', 'county', 2014, NULL),
('440118', '增城区', 'county', 2014, NULL),
('440120', '市区', 'county', NULL, 1984),
('440121', '花县', 'county', NULL, 1994),
('440122', '从化县', 'county', NULL, 1995),
('440123', '新丰县', 'county', NULL, 1989),
('440124', '龙门县', 'county', NULL, 1989),
('440125', '增城县', 'county', NULL, 1994),
('440126', '番禺县', 'county', NULL, 1993),
('440127', '清远县', 'county', 1983, 1989),
('440128', '佛冈县', 'county', 1983, 1989),
('440181', '番禺市', 'county', 1992, 2001),
('440182', '花都市', 'county', 1993, 2001),
('440183', '增城市', 'county', 1993, 2015),
('440184', '从化市', 'county', 1994, 2015),
('440200', '韶关市', 'prefecture', NULL, NULL),
('440201', '市辖区', 'county', 1983, NULL),
('440202', '北江区', 'county', 1984, 2005),
('440203', '武江区', 'county', 1984, NULL),
('440204', '浈江区', 'county', 1984, NULL),
('440205', '曲江区', 'county', 2004, NULL),
('440220', '市区', 'county', NULL, 1984),
('440221', '曲江县', 'county', NULL, 2005),
('440222', '始兴县', 'county', 1983, NULL),
('440223', '南雄县', 'county', 1983, 1997),
('440224', '仁化县', 'county', 1983, NULL),
('440225', '乐昌县', 'county', 1983, 1995),
('440226', '连县', 'county', 1983, 1989),
('440227', '阳山县', 'county', 1983, 1989),
('440228', '英德县', 'county', 1983, 1989),
('440229', '翁源县', 'county', 1983, NULL),
('440230', '连山壮族瑶族自治县', 'county', 1983, 1989),
('440231', '连南瑶族自治县', 'county', 1983, 1989),
('440232', '乳源瑶族自治县', 'county', 1983, NULL),
('440233', '新丰县', 'county', 1988, NULL),
('440281', '乐昌市', 'county', 1994, NULL),
('440282', '南雄市', 'county', 1996, NULL),
('440300', '深圳市', 'prefecture', NULL, NULL),
('440301', '市辖区', 'county', 1983, NULL),
('440302', '沙头角区办事处', 'county', 1983, 1991),
('440303', '罗湖区办事处', 'county', 1983, 1990),
('440303', '罗湖区', 'county', 1990, NULL),
('440304', '上埗区办事处', 'county', 1983, 1990),
('440304', '福田区', 'county', 1990, NULL),
('440305', '南头区办事处', 'county', 1983, 1990),
('440305', '南山区', 'county', 1990, NULL),
('440306', '宝安区', 'county', 1992, NULL),
('440307', '龙岗区', 'county', 1992, NULL),
('440308', '盐田区', 'county', 1997, NULL),
('440309', '龙华区', 'county', 2016, NULL),
('440310', '坪山区', 'county', 2016, NULL),
('440311', '光明区', 'county', 2018, NULL),
('440320', '市区', 'county', NULL, 1984),
('440321', '宝安县', 'county', 1982, 1993),
('440400', '珠海市', 'prefecture', NULL, NULL),
('440401', '市辖区', 'county', 1984, NULL),
('440402', '香洲区', 'county', 1984, NULL),
('440403', '斗门区', 'county', 2001, NULL),
('440404', '金湾区', 'county', 2001, NULL),
('440421', '斗门县', 'county', 1983, 2002),
('440500', '汕头市', 'prefecture', NULL, NULL),
('440501', '市辖区', 'county', 1983, NULL),
('440502', '同平区', 'county', 1984, 1992),
('440503', '安平区', 'county', 1984, 1992),
('440504', '公园区', 'county', 1984, 1992),
('440505', '金砂区', 'county', 1984, 1992),
('440506', '达濠区', 'county', 1984, 2004),
('440507', '龙湖区', 'county', 1991, NULL),
('440508', '金园区', 'county', 1991, 2004),
('440509', '升平区', 'county', 1991, 2004),
('440510', '河浦区', 'county', 1994, 2004),
('440511', '郊区', 'county', 1984, 1992),
('440511', '金平区', 'county', 2003, NULL),
('440512', '濠江区', 'county', 2003, NULL),
('440513', '潮阳区', 'county', 2003, NULL),
('440514', '潮南区', 'county', 2003, NULL),
('440515', '澄海区', 'county', 2003, NULL),
('440520', '潮州市', 'county', 1983, 1987),
('440521', '澄海县', 'county', 1983, 1995),
('440522', '饶平县', 'county', 1983, 1992),
('440523', '南澳县', 'county', 1983, NULL),
('440524', '潮阳县', 'county', 1983, 1994),
('440525', '揭阳县', 'county', 1983, 1992),
('440526', '揭西县', 'county', 1983, 1992),
('440527', '普宁县', 'county', 1983, 1992),
('440528', '惠来县', 'county', 1983, 1992),
('440581', '潮州市', 'county', 1989, 1992),
('440582', '潮阳市', 'county', 1993, 2004),
('440583', '澄海市', 'county', 1994, 2004),
('440600', '佛山市', 'prefecture', NULL, NULL),
('440601', '市辖区', 'county', 1984, NULL),
('440602', '汾江区', 'county', 1984, 1987),
('440602', '城区', 'county', 1987, 2002),
('440603', '石湾区', 'county', 1984, 2003),
('440604', '禅城区', 'county', 2002, NULL),
('440605', '南海区', 'county', 2002, NULL),
('440606', '顺德区', 'county', 2002, NULL),
('440607', '三水区', 'county', 2002, NULL),
('440608', '高明区', 'county', 2002, NULL),
('440620', '中山市', 'county', 1983, 1989),
('440621', '三水县', 'county', 1983, 1994),
('440622', '南海县', 'county', 1983, 1993),
('440623', '顺德县', 'county', 1983, 1993),
('440624', '高明县', 'county', 1983, 1995),
('440681', '顺德市', 'county', 1992, 2003),
('440682', '南海市', 'county', 1992, 2003),
('440683', '三水市', 'county', 1993, 2003),
('440684', '高明市', 'county', 1994, 2003),
('440700', '江门市', 'prefecture', NULL, NULL),
('440701', '市辖区', 'county', 1984, NULL),
('440702', '城区', 'county', 1984, 1995),
('440703', '蓬江区', 'county', 1994, NULL),
('440704', '江海区', 'county', 1994, NULL),
('440705', '新会区', 'county', 2002, NULL),
('440711', '郊区', 'county', 1984, 1995),
('440721', '新会县', 'county', 1983, 1993),
('440722', '台山县', 'county', 1983, 1993),
('440723', '恩平县', 'county', 1983, 1995),
('440724', '开平县', 'county', 1983, 1994),
('440725', '鹤山县', 'county', 1983, 1994),
('440726', '阳江县', 'county', 1983, 1989),
('440727', '阳春县', 'county', 1983, 1989),
('440781', '台山市', 'county', 1992, NULL),
('440782', '新会市', 'county', 1992, 2003),
('440783', '开平市', 'county', 1993, NULL),
('440784', '鹤山市', 'county', 1993, NULL),
('440785', '恩平市', 'county', 1994, NULL),
('440800', '湛江市', 'prefecture', NULL, NULL),
('440801', '市辖区', 'county', 1984, NULL),
('440802', '赤坎区', 'county', 1984, NULL),
('440803', '霞山区', 'county', 1984, NULL),
('440804', '坡头区', 'county', 1984, NULL),
('440811', '郊区', 'county', 1984, 1994),
('440811', '麻章区', 'county', 1994, NULL),
('440821', '吴川县', 'county', 1983, 1995),
('440822', '廉江县', 'county', 1983, 1994),
('440823', '遂溪县', 'county', 1983, NULL),
('440824', '海康县', 'county', 1983, 1995),
('440825', '徐闻县', 'county', 1983, NULL),
('440881', '廉江市', 'county', 1993, NULL),
('440882', '雷州市', 'county', 1994, NULL),
('440883', '吴川市', 'county', 1994, NULL),
('440900', '茂名市', 'prefecture', NULL, NULL),
('440901', '市辖区', 'county', 1985, NULL),
('440902', '茂南区', 'county', 1985, NULL),
('440903', '茂港区', 'county', 2001, 2015),
('440904', '电白区', 'county', 2014, NULL),
('440921', '信宜县', 'county', 1983, 1996),
('440922', '高州县', 'county', 1983, 1994),
('440923', '电白县', 'county', 1983, 2015),
('440924', '化州县', 'county', 1983, 1995),
('440981', '高州市', 'county', 1993, NULL),
('440982', '化州市', 'county', 1994, NULL),
('440983', '信宜市', 'county', 1995, NULL),
('441000', '海口市', 'prefecture', 1986, 1989),
('441100', '三亚市', 'prefecture', 1987, 1989),
('441200', '肇庆市', 'prefecture', 1988, NULL),
('441201', '市辖区', 'county', 1988, NULL),
('441202', '端州区', 'county', 1988, NULL),
('441203', '鼎湖区', 'county', 1988, NULL),
('441204', '高要区', 'county', 2015, NULL),
('441221', '高要县', 'county', 1988, 1994),
('441222', '四会县', 'county', 1988, 1994),
('441223', '广宁县', 'county', 1988, NULL),
('441224', '怀集县', 'county', 1988, NULL),
('441225', '封开县', 'county', 1988, NULL),
('441226', '德庆县', 'county', 1988, NULL),
('441227', '云浮县', 'county', 1988, 1993),
('441228', '新兴县', 'county', 1988, 1995),
('441229', '郁南县', 'county', 1988, 1995),
('441230', '罗定县', 'county', 1988, 1994),
('441281', '云浮市', 'county', 1992, 1995),
('441282', '罗定市', 'county', 1993, 1995),
('441283', '高要市', 'county', 1993, 2016),
('441284', '四会市', 'county', 1993, NULL),
('441300', '惠州市', 'prefecture', 1988, NULL),
('441301', '市辖区', 'county', 1988, NULL),
('441302', '惠城区', 'county', 1988, NULL),
('441303', '惠阳区', 'county', 2003, NULL),
('441321', '惠阳县', 'county', 1988, 1995),
('441322', '博罗县', 'county', 1988, NULL),
('441323', '惠东县', 'county', 1988, NULL),
('441324', '龙门县', 'county', 1988, NULL),
('441381', '惠阳市', 'county', 1994, 2004),
('441400', '梅州市', 'prefecture', 1988, NULL),
('441401', '市辖区', 'county', 1988, NULL),
('441402', '梅江区', 'county', 1988, NULL),
('441403', '梅县区', 'county', 2013, NULL),
('441421', '梅县', 'county', 1988, 2014),
('441422', '大埔县', 'county', 1988, NULL),
('441423', '丰顺县', 'county', 1988, NULL),
('441424', '五华县', 'county', 1988, NULL),
('441425', '兴宁县', 'county', 1988, 1995),
('441426', '平远县', 'county', 1988, NULL),
('441427', '蕉岭县', 'county', 1988, NULL),
('441481', '兴宁市', 'county', 1994, NULL),
('441500', '汕尾市', 'prefecture', 1988, NULL),
('441501', '市辖区', 'county', 1988, NULL),
('441502', '城区', 'county', 1988, NULL),
('441521', '海丰县', 'county', 1988, NULL),
('441522', '陆丰县', 'county', 1988, 1996),
('441523', '陆河县', 'county', 1988, NULL),
('441581', '陆丰市', 'county', 1995, NULL),
('441600', '河源市', 'prefecture', 1988, NULL),
('441601', '市辖区', 'county', 1988, NULL),
('441602', '源城区', 'county', 1988, NULL),
('441611', '郊区', 'county', 1988, 1994),
('441621', '紫金县', 'county', 1988, NULL),
('441622', '龙川县', 'county', 1988, NULL),
('441623', '连平县', 'county', 1988, NULL),
('441624', '和平县', 'county', 1988, NULL),
('441625', '东源县', 'county', 1993, NULL),
('441700', '阳江市', 'prefecture', 1988, NULL),
('441701', '市辖区', 'county', 1988, NULL),
('441702', '江城区', 'county', 1988, NULL),
('441703', '阳东区', 'county', 1988, 1992),
('441704', '阳东区', 'county', 2014, NULL),
('441721', '阳西县', 'county', 1988, NULL),
('441722', '阳春县', 'county', 1988, 1995),
('441723', '阳东县', 'county', 1991, 2015),
('441781', '阳春市', 'county', 1994, NULL),
('441800', '清远市', 'prefecture', 1988, NULL),
('441801', '市辖区', 'county', 1988, NULL),
('441802', '清城区', 'county', 1988, NULL),
('441803', '清新区', 'county', 2012, NULL),
('441811', '清郊区', 'county', 1988, 1993),
('441821', '佛冈县', 'county', 1988, NULL),
('441822', '英德县', 'county', 1988, 1995),
('441823', '阳山县', 'county', 1988, NULL),
('441824', '连县', 'county', 1988, 1995),
('441825', '连山壮族瑶族自治县', 'county', 1988, NULL),
('441826', '连南瑶族自治县', 'county', 1988, NULL),
('441827', '清新县', 'county', 1992, 2013),
('441881', '英德市', 'county', 1994, NULL),
('441882', '连州市', 'county', 1994, NULL),
('441900', '东莞市', 'prefecture', 1988, NULL),
('442000', '中山市', 'prefecture', 1988, NULL),
('442100', '海南行政区', 'prefecture', NULL, 1989),
('442101', '海口市', 'county', NULL, 1987),
('442102', '通什市', 'county', 1987, 1989),
('442121', '琼山县', 'county', NULL, 1989),
('442122', '文昌县', 'county', NULL, 1989),
('442123', '琼海县', 'county', NULL, 1989),
('442124', '万宁县', 'county', NULL, 1989),
('442125', '定安县', 'county', NULL, 1989),
('442126', '屯昌县', 'county', NULL, 1989),
('442127', '澄迈县', 'county', NULL, 1989),
('442128', '临高县', 'county', NULL, 1989),
('442129', '儋县', 'county', NULL, 1989),
('442130', '东方黎族自治县', 'county', 1987, 1989),
('442131', '乐东黎族自治县', 'county', 1987, 1989),
('442132', '琼中黎族苗族自治县', 'county', 1987, 1989),
('442133', '保亭黎族苗族自治县', 'county', 1987, 1989),
('442134', '陵水黎族自治县', 'county', 1987, 1989),
('442135', '白沙黎族自治县', 'county', 1987, 1989),
('442136', '昌江黎族自治县', 'county', 1987, 1989),
('442137', '西南中沙群岛办事处', 'county', 1987, 1989),
('442200', '海南黎族苗族自治州', 'prefecture', NULL, 1988),
('442201', '三亚市', 'county', 1984, 1988),
('442202', '通什市', 'county', 1986, 1988),
('442221', '崖县', 'county', NULL, 1985),
('442222', '东方县', 'county', NULL, 1988),
('442223', '乐东县', 'county', NULL, 1988),
('442224', '琼中县', 'county', NULL, 1988),
('442225', '保亭县', 'county', NULL, 1988),
('442226', '陵水县', 'county', NULL, 1988),
('442227', '白沙县', 'county', NULL, 1988),
('442228', '昌江县', 'county', NULL, 1988),
('442229', '西南中沙群岛办事处', 'county', 1984, 1988),
('442300', '汕头地区', 'prefecture', NULL, 1984),
('442301', '汕头市', 'county', NULL, 1984),
('442302', '潮州市', 'county', NULL, 1984),
('442321', '潮安县', 'county', NULL, 1984),
('442322', '澄海县', 'county', NULL, 1984),
('442323', '饶平县', 'county', NULL, 1984),
('442324', '南澳县', 'county', NULL, 1984),
('442325', '潮阳县', 'county', NULL, 1984),
('442326', '揭阳县', 'county', NULL, 1984),
('442327', '揭西县', 'county', NULL, 1984),
('442328', '普宁县', 'county', NULL, 1984),
('442329', '惠来县', 'county', NULL, 1984),
('442330', '陆丰县', 'county', NULL, 1984),
('442331', '海丰县', 'county', NULL, 1984),
('442400', '梅县地区', 'prefecture', NULL, 1989),
('442401', '梅州市', 'county', 1983, 1983),
('442401', '梅县市', 'county', 1983, 1988),
('442421', '梅县', 'county', NULL, 1984),
('442422', '大埔县', 'county', NULL, 1989),
('442423', '丰顺县', 'county', NULL, 1989),
('442424', '五华县', 'county', NULL, 1989),
('442425', '兴宁县', 'county', NULL, 1989),
('442426', '平远县', 'county', NULL, 1989),
('442427', '蕉岭县', 'county', NULL, 1989),
('442500', '惠阳地区', 'prefecture', NULL, 1989),
('442501', '惠州市', 'county', NULL, 1989),
('442502', '东莞市', 'county', 1985, 1989),
('442521', '惠阳县', 'county', NULL, 1989),
('442522', '紫金县', 'county', NULL, 1989),
('442523', '和平县', 'county', NULL, 1989),
('442524', '连平县', 'county', NULL, 1989),
('442525', '河源县', 'county', NULL, 1989),
('442526', '博罗县', 'county', NULL, 1989),
('442527', '东莞县', 'county', NULL, 1986),
('442528', '惠东县', 'county', NULL, 1989),
('442529', '龙川县', 'county', NULL, 1989),
('442530', '陆丰县', 'county', 1983, 1989),
('442531', '海丰县', 'county', 1983, 1989),
('442600', '韶关地区', 'prefecture', NULL, 1984),
('442621', '始兴县', 'county', NULL, 1984),
('442622', '南雄县', 'county', NULL, 1984),
('442623', '仁化县', 'county', NULL, 1984),
('442624', '乐昌县', 'county', NULL, 1984),
('442625', '连县', 'county', NULL, 1984),
('442626', '阳山县', 'county', NULL, 1984),
('442627', '英德县', 'county', NULL, 1984),
('442628', '清远县', 'county', NULL, 1984),
('442629', '佛冈县', 'county', NULL, 1984),
('442630', '翁源县', 'county', NULL, 1984),
('442631', '连山壮族瑶族自治县', 'county', NULL, 1984),
('442632', '连南瑶族自治县', 'county', NULL, 1984),
('442633', '乳源瑶族自治县', 'county', NULL, 1984),
('442700', '佛山地区', 'prefecture', NULL, 1984),
('442701', '佛山市', 'county', NULL, 1984),
('442702', '江门市', 'county', NULL, 1984),
('442721', '三水县', 'county', NULL, 1984),
('442722', '南海县', 'county', NULL, 1984),
('442723', '顺德县', 'county', NULL, 1984),
('442724', '中山县', 'county', NULL, 1984),
('442725', '斗门县', 'county', NULL, 1984),
('442726', '新会县', 'county', NULL, 1984),
('442727', '台山县', 'county', NULL, 1984),
('442728', '恩平县', 'county', NULL, 1984),
('442729', '开平县', 'county', NULL, 1984),
('442730', '高鹤县', 'county', NULL, 1982),
('442731', '高明县', 'county', 1981, 1984),
('442732', '鹤山县', 'county', 1981, 1984),
('442800', '肇庆地区', 'prefecture', NULL, 1989),
('442801', '肇庆市', 'county', NULL, 1989),
('442821', '高要县', 'county', NULL, 1989),
('442822', '四会县', 'county', NULL, 1989),
('442823', '广宁县', 'county', NULL, 1989),
('442824', '怀集县', 'county', NULL, 1989),
('442825', '封开县', 'county', NULL, 1989),
('442826', '德庆县', 'county', NULL, 1989),
('442827', '云浮县', 'county', NULL, 1989),
('442828', '新兴县', 'county', NULL, 1989),
('442829', '郁南县', 'county', NULL, 1989),
('442830', '罗定县', 'county', NULL, 1989),
('442900', '湛江地区', 'prefecture', NULL, 1984),
('442901', '湛江市', 'county', NULL, 1984),
('442902', '茂名市', 'county', NULL, 1984),
('442921', '阳江县', 'county', NULL, 1984),
('442922', '阳春县', 'county', NULL, 1984),
('442923', '信宜县', 'county', NULL, 1984),
('442924', '高州县', 'county', NULL, 1984),
('442925', '电白县', 'county', NULL, 1984),
('442926', '吴川县', 'county', NULL, 1984),
('442927', '化州县', 'county', NULL, 1984),
('442928', '廉江县', 'county', NULL, 1984),
('442929', '遂溪县', 'county', NULL, 1984),
('442930', '海康县', 'county', NULL, 1984),
('442931', '徐闻县', 'county', NULL, 1984),
('445100', '潮州市', 'prefecture', 1991, NULL),
('445101', '市辖区', 'county', 1991, NULL),
('445102', '湘桥区', 'county', 1991, NULL),
('445103', '潮安区', 'county', 2013, NULL),
('445121', '潮安县', 'county', 1991, 2014),
('445122', '饶平县', 'county', 1991, NULL),
('445200', '揭阳市', 'prefecture', 1991, NULL),
('445201', '市辖区', 'county', 1991, NULL),
('445202', '榕城区', 'county', 1991, NULL),
('445203', '揭东区', 'county', 2012, NULL),
('445221', '揭东县', 'county', 1991, 2013),
('445222', '揭西县', 'county', 1991, NULL),
('445223', '普宁县', 'county', 1991, 1994),
('445224', '惠来县', 'county', 1991, NULL),
('445281', '普宁市', 'county', 1993, NULL),
('445300', '云浮市', 'prefecture', 1994, NULL),
('445301', '市辖区', 'county', 1994, NULL),
('445302', '云城区', 'county', 1994, NULL),
('445303', '云安区', 'county', 2014, NULL),
('445321', '新兴县', 'county', 1994, NULL),
('445322', '郁南县', 'county', 1994, NULL),
('445323', '云安县', 'county', 1996, 2015),
('445381', '罗定市', 'county', 1994, NULL),
('449000', '省直辖县级行政单位', 'prefecture', 1986, 1990),
('449001', '潮州市', 'county', 1986, 1990),
('450000', '广西壮族自治区', 'province', NULL, NULL),
('450100', '南宁市', 'prefecture', NULL, NULL),
('450101', '市辖区', 'county', 1983, NULL),
('450102', '兴宁区', 'county', 1983, NULL),
('450103', '新城区', 'county', 1983, 2004),
('450103', '青秀区', 'county', 2004, NULL),
('450104', '城北区', 'county', 1983, 2005),
('450105', '江南区', 'county', 1983, NULL),
('450106', '永新区', 'county', 1983, 2005),
('450107', '西乡塘区', 'county', 2004, NULL),
('450108', '良庆区', 'county', 2004, NULL),
('450109', '邕宁区', 'county', 2004, NULL),
('450110', '武鸣区', 'county', 2015, NULL),
('450111', '郊区', 'county', 1984, 2002),
('450121', '邕宁县', 'county', 1983, 2005),
('450122', '武鸣县', 'county', 1983, 2016),
('450123', '隆安县', 'county', 2002, NULL),
('450124', '马山县', 'county', 2002, NULL),
('450125', '上林县', 'county', 2002, NULL),
('450126', '宾阳县', 'county', 2002, NULL),
('450127', '横县', 'county', 2002, 2022),
('450181', '横州市', 'county', 2021, NULL),
('450200', '柳州市', 'prefecture', NULL, NULL),
('450201', '市辖区', 'county', 1983, NULL),
('450202', '城中区', 'county', 1983, NULL),
('450203', '鱼峰区', 'county', 1983, NULL),
('450204', '柳南区', 'county', 1983, NULL),
('450205', '柳北区', 'county', 1983, NULL),
('450206', '柳江区', 'county', 2016, NULL),
('450211', '郊区', 'county', 1984, 2003),
('450221', '柳江县', 'county', 1983, 2017),
('450222', '柳城县', 'county', 1983, NULL),
('450223', '鹿寨县', 'county', 2002, NULL),
('450224', '融安县', 'county', 2002, NULL),
('450225', '融水苗族自治县', 'county', 2002, NULL),
('450226', '三江侗族自治县', 'county', 2002, NULL),
('450300', '桂林市', 'prefecture', NULL, NULL),
('450301', '市辖区', 'county', 1983, NULL),
('450302', '秀峰区', 'county', 1983, NULL),
('450303', '叠彩区', 'county', 1983, NULL),
('450304', '象山区', 'county', 1983, NULL),
('450305', '七星区', 'county', 1983, NULL),
('450311', '郊区', 'county', 1984, 1996),
('450311', '雁山区', 'county', 1996, NULL),
('450312', '临桂区', 'county', 2013, NULL),
('450320', '市区', 'county', NULL, 1984),
('450321', '阳朔县', 'county', 1981, NULL),
('450322', '临桂县', 'county', 1983, 2014),
('450323', '灵川县', 'county', 1998, NULL),
('450324', '全州县', 'county', 1998, NULL),
('450325', '兴安县', 'county', 1998, NULL),
('450326', '永福县', 'county', 1998, NULL),
('450327', '灌阳县', 'county', 1998, NULL),
('450328', '龙胜各族自治县', 'county', 1998, NULL),
('450329', '资源县', 'county', 1998, NULL),
('450330', '平乐县', 'county', 1998, NULL),
('450331', '荔浦县', 'county', 1998, 2019),
('450332', '恭城瑶族自治县', 'county', 1998, NULL),
('450381', '荔浦市', 'county', 2018, NULL),
('450400', '梧州市', 'prefecture', NULL, NULL),
('450401', '市辖区', 'county', 1983, NULL),
('450402', '白云区', 'county', 1983, 1991),
('450403', '万秀区', 'county', 1983, NULL),
('450404', '蝶山区', 'county', 1983, 2014),
('450405', '长洲区', 'county', 2003, NULL),
('450406', '龙圩区', 'county', 2013, NULL),
('450411', '郊区', 'county', 1983, 2004),
('450421', '苍梧县', 'county', 1983, NULL),
('450422', '藤县', 'county', 1997, NULL),
('450423', '蒙山县', 'county', 1997, NULL),
('450481', '岑溪市', 'county', 1997, NULL),
('450500', '北海市', 'prefecture', 1983, NULL),
('450501', '市辖区', 'county', 1984, NULL),
('450502', '海城区', 'county', 1984, NULL),
('450503', '银海区', 'county', 1994, NULL),
('450511', '郊区', 'county', 1984, 1995),
('450512', '铁山港区', 'county', 1994, NULL),
('450521', '合浦县', 'county', 1987, NULL),
('450600', '防城港市', 'prefecture', 1993, NULL),
('450601', '市辖区', 'county', 1993, NULL),
('450602', '港口区', 'county', 1993, NULL),
('450603', '防城区', 'county', 1993, NULL),
('450621', '上思县', 'county', 1993, NULL),
('450681', '东兴市', 'county', 1996, NULL),
('450700', '钦州市', 'prefecture', 1994, NULL),
('450701', '市辖区', 'county', 1994, NULL),
('450702', '钦南区', 'county', 1994, NULL),
('450703', '钦北区', 'county', 1994, NULL),
('450721', '灵山县', 'county', 1994, NULL),
('450722', '浦北县', 'county', 1994, NULL),
('450800', '贵港市', 'prefecture', 1995, NULL),
('450801', '市辖区', 'county', 1995, NULL),
('450802', '港北区', 'county', 1995, NULL),
('450803', '港南区', 'county', 1995, NULL),
('450804', '覃塘区', 'county', 2003, NULL),
('450821', '平南县', 'county', 1995, NULL),
('450881', '桂平市', 'county', 1995, NULL),
('450900', '玉林市', 'prefecture', 1997, NULL),
('450901', '市辖区', 'county', 1997, NULL),
('450902', '玉州区', 'county', 1997, NULL),
('450903', '福绵区', 'county', 2013, NULL),
('450921', '容县', 'county', 1997, NULL),
('450922', '陆川县', 'county', 1997, NULL),
('450923', '博白县', 'county', 1997, NULL),
('450924', '兴业县', 'county', 1997, NULL),
('450981', '北流市', 'county', 1997, NULL),
('451000', '百色市', 'prefecture', 2002, NULL),
('451001', '市辖区', 'county', 2002, NULL),
('451002', '右江区', 'county', 2002, NULL),
('451003', '田阳区', 'county', 2019, NULL),
('451021', '田阳县', 'county', 2002, 2020),
('451022', '田东县', 'county', 2002, NULL),
('451023', '平果县', 'county', 2002, 2020),
('451024', '德保县', 'county', 2002, NULL),
('451025', '靖西县', 'county', 2002, 2016),
('451026', '那坡县', 'county', 2002, NULL),
('451027', '凌云县', 'county', 2002, NULL),
('451028', '乐业县', 'county', 2002, NULL),
('451029', '田林县', 'county', 2002, NULL),
('451030', '西林县', 'county', 2002, NULL),
('451031', '隆林各族自治县', 'county', 2002, NULL),
('451081', '靖西市', 'county', 2015, NULL),
('451082', '平果市', 'county', 2019, NULL),
('451100', '贺州市', 'prefecture', 2002, NULL),
('451101', '市辖区', 'county', 2002, NULL),
('451102', '八步区', 'county', 2002, NULL),
('451103', '平桂区', 'county', 2016, NULL),
('451121', '昭平县', 'county', 2002, NULL),
('451122', '钟山县', 'county', 2002, NULL),
('451123', '富川瑶族自治县', 'county', 2002, NULL),
('451200', '河池市', 'prefecture', 2002, NULL),
('451201', '市辖区', 'county', 2002, NULL),
('451202', '金城江区', 'county', 2002, NULL),
('451203', '宜州区', 'county', 2016, NULL),
('451221', '南丹县', 'county', 2002, NULL),
('451222', '天峨县', 'county', 2002, NULL),
('451223', '凤山县', 'county', 2002, NULL),
('451224', '东兰县', 'county', 2002, NULL),
('451225', '罗城仫佬族自治县', 'county', 2002, NULL),
('451226', '环江毛南族自治县', 'county', 2002, NULL),
('451227', '巴马瑶族自治县', 'county', 2002, NULL),
('451228', '都安瑶族自治县', 'county', 2002, NULL),
('451229', '大化瑶族自治县', 'county', 2002, NULL),
('451281', '宜州市', 'county', 2002, 2017),
('451300', '来宾市', 'prefecture', 2002, NULL),
('451301', '市辖区', 'county', 2002, NULL),
('451302', '兴宾区', 'county', 2002, NULL),
('451321', '忻城县', 'county', 2002, NULL),
('451322', '象州县', 'county', 2002, NULL),
('451323', '武宣县', 'county', 2002, NULL),
('451324', '金秀瑶族自治县', 'county', 2002, NULL),
('451381', '合山市', 'county', 2002, NULL),
('451400', '崇左市', 'prefecture', 2002, NULL),
('451401', '市辖区', 'county', 2002, NULL),
('451402', '江州区', 'county', 2002, NULL),
('451421', '扶绥县', 'county', 2002, NULL),
('451422', '宁明县', 'county', 2002, NULL),
('451423', '龙州县', 'county', 2002, NULL),
('451424', '大新县', 'county', 2002, NULL),
('451425', '天等县', 'county', 2002, NULL),
('451481', '凭祥市', 'county', 2002, NULL),
('452100', '南宁地区', 'prefecture', NULL, 2003),
('452101', '凭祥市', 'county', NULL, 2003),
('452121', '邕宁县', 'county', NULL, 1984),
('452122', '横县', 'county', NULL, 2003),
('452123', '宾阳县', 'county', NULL, 2003),
('452124', '上林县', 'county', NULL, 2003),
('452125', '武鸣县', 'county', NULL, 1984),
('452126', '隆安县', 'county', NULL, 2003),
('452127', '马山县', 'county', NULL, 2003),
('452128', '扶绥县', 'county', NULL, 2003),
('452129', '崇左县', 'county', NULL, 2003),
('452130', '大新县', 'county', NULL, 2003),
('452131', '天等县', 'county', NULL, 2003),
('452132', '宁明县', 'county', NULL, 2003),
('452133', '龙州县', 'county', NULL, 2003),
('452200', '柳州地区', 'prefecture', NULL, 2003),
('452201', '合山市', 'county', 1981, 2003),
('452221', '柳江县', 'county', NULL, 1984),
('452222', '柳城县', 'county', NULL, 1984),
('452223', '鹿寨县', 'county', NULL, 2003),
('452224', '象州县', 'county', NULL, 2003),
('452225', '武宣县', 'county', NULL, 2003),
('452226', '来宾县', 'county', NULL, 2003),
('452227', '融安县', 'county', NULL, 2003),
('452228', '三江侗族自治县', 'county', NULL, 2003),
('452229', '融水苗族自治县', 'county', NULL, 2003),
('452230', '金秀瑶族自治县', 'county', NULL, 2003),
('452231', '忻城县', 'county', NULL, 2003),
('452300', '桂林地区', 'prefecture', NULL, 1999),
('452321', '临桂县', 'county', NULL, 1984),
('452322', '灵川县', 'county', NULL, 1999),
('452323', '全州县', 'county', NULL, 1999),
('452324', '兴安县', 'county', NULL, 1999),
('452325', '永福县', 'county', NULL, 1999),
('452326', '阳朔县', 'county', NULL, 1982),
('452327', '灌阳县', 'county', NULL, 1999),
('452328', '龙胜各族自治县', 'county', NULL, 1999),
('452329', '资源县', 'county', NULL, 1999),
('452330', '平乐县', 'county', NULL, 1999),
('452331', '荔浦县', 'county', NULL, 1999),
('452332', '恭城县', 'county', NULL, 1990),
('452332', '恭城瑶族自治县', 'county', 1990, 1999),
('452400', '梧州地区', 'prefecture', NULL, 1997),
('452400', '贺州地区', 'prefecture', 1997, 2002),
('452401', '岑溪市', 'county', 1995, 1998),
('452402', '贺州市', 'county', 1997, 2003),
('452421', '岑溪县', 'county', NULL, 1996),
('452422', '苍梧县', 'county', NULL, 1984),
('452423', '藤县', 'county', NULL, 1998),
('452424', '昭平县', 'county', NULL, 2003),
('452425', '蒙山县', 'county', NULL, 1998),
('452426', '贺县', 'county', NULL, 1998),
('452427', '钟山县', 'county', NULL, 2003),
('452428', '富川县', 'county', NULL, 1983),
('452428', '富川瑶族自治县', 'county', 1983, 2003),
('452500', '玉林地区', 'prefecture', NULL, 1998),
('452501', '玉林市', 'county', 1983, 1998),
('452502', '贵港市', 'county', 1988, 1996),
('452503', '北流市', 'county', 1994, 1998),
('452504', '桂平市', 'county', 1994, 1996),
('452521', '玉林县', 'county', NULL, 1984),
('452522', '贵县', 'county', NULL, 1989),
('452523', '桂平县', 'county', NULL, 1995),
('452524', '平南县', 'county', NULL, 1996),
('452525', '容县', 'county', NULL, 1998),
('452526', '北流县', 'county', NULL, 1995),
('452527', '陆川县', 'county', NULL, 1998),
('452528', '博白县', 'county', NULL, 1998),
('452600', '百色地区', 'prefecture', NULL, 2003),
('452601', '百色市', 'county', 1983, 2003),
('452621', '百色县', 'county', NULL, 1984),
('452622', '田阳县', 'county', NULL, 2003),
('452623', '田东县', 'county', NULL, 2003),
('452624', '平果县', 'county', NULL, 2003),
('452625', '德保县', 'county', NULL, 2003),
('452626', '靖西县', 'county', NULL, 2003),
('452627', '那坡县', 'county', NULL, 2003),
('452628', '凌云县', 'county', NULL, 2003),
('452629', '乐业县', 'county', NULL, 2003),
('452630', '田林县', 'county', NULL, 2003),
('452631', '隆林各族自治县', 'county', NULL, 2003),
('452632', '西林县', 'county', NULL, 2003),
('452700', '河池地区', 'prefecture', NULL, 2003),
('452701', '河池市', 'county', 1983, 2003),
('452702', '宜州市', 'county', 1993, 2003),
('452721', '河池县', 'county', NULL, 1984),
('452722', '宜山县', 'county', NULL, 1994),
('452723', '罗城县', 'county', NULL, 1983),
('452723', '罗城仫佬族自治县', 'county', 1983, 2003),
('452724', '环江县', 'county', NULL, 1986),
('452724', '环江毛南族自治县', 'county', 1986, 2003),
('452725', '南丹县', 'county', NULL, 2003),
('452726', '天峨县', 'county', NULL, 2003),
('452727', '凤山县', 'county', NULL, 2003),
('452728', '东兰县', 'county', NULL, 2003),
('452729', '巴马瑶族自治县', 'county', NULL, 2003),
('452730', '都安瑶族自治县', 'county', NULL, 2003),
('452731', '大化瑶族自治县', 'county', 1987, 2003),
('452800', '钦州地区', 'prefecture', NULL, 1995),
('452801', '北海市', 'county', NULL, 1984),
('452802', '钦州市', 'county', 1983, 1995),
('452821', '上思县', 'county', NULL, 1994),
('452822', '防城各族自治县', 'county', NULL, 1994),
('452823', '钦州县', 'county', NULL, 1984),
('452824', '灵山县', 'county', NULL, 1995),
('452825', '合浦县', 'county', NULL, 1988),
('452826', '浦北县', 'county', NULL, 1995),
('460000', '海南省', 'province', 1988, NULL),
('460001', '通什市', 'county', 1988, 2001),
('460001', '五指山市', 'county', 2001, 2003),
('460002', '琼海市', 'county', 1992, 2003),
('460003', '儋州市', 'county', 1993, 2003),
('460004', '琼山市', 'county', 1994, 2003),
('460005', '文昌市', 'county', 1995, 2003),
('460006', '万宁市', 'county', 1996, 2003),
('460007', '东方市', 'county', 1997, 2003),
('460021', '琼山县', 'county', 1988, 1995),
('460022', '文昌县', 'county', 1988, 1996),
('460023', '琼海县', 'county', 1988, 1993),
('460024', '万宁县', 'county', 1988, 1997),
('460025', '定安县', 'county', 1988, 2003),
('460026', '屯昌县', 'county', 1988, 2003),
('460027', '澄迈县', 'county', 1988, 2003),
('460028', '临高县', 'county', 1988, 2003),
('460029', '儋县', 'county', 1988, 1994),
('460030', '白沙黎族自治县', 'county', 1988, 2003),
('460031', '昌江黎族自治县', 'county', 1988, 2003),
('460032', '东方黎族自治县', 'county', 1988, 1998),
('460033', '乐东黎族自治县', 'county', 1988, 2003),
('460034', '陵水黎族自治县', 'county', 1988, 2003),
('460035', '保亭黎族苗族自治县', 'county', 1988, 2003),
('460036', '琼中黎族苗族自治县', 'county', 1988, 2003),
('460037', '西沙群岛', 'county', 1988, 2003),
('460038', '南沙群岛', 'county', 1988, 2003),
('460039', '中沙群岛的岛礁及其海域', 'county', 1988, 2003),
('460100', '海口市', 'prefecture', 1988, NULL),
('460101', '市辖区', 'county', 1990, NULL),
('460102', '振东区', 'county', 1990, 2003),
('460103', '新华区', 'county', 1990, 2003),
('460104', '秀英区', 'county', 1990, 2003),
('460105', '秀英区', 'county', 2002, NULL),
('460106', '龙华区', 'county', 2002, NULL),
('460107', '琼山区', 'county', 2002, NULL),
('460108', '美兰区', 'county', 2002, NULL),
('460200', '三亚市', 'prefecture', 1988, NULL),
('460201', '市辖区', 'county', 2014, NULL),
('460202', '海棠区', 'county', 2014, NULL),
('460203', '吉阳区', 'county', 2014, NULL),
('460204', '天涯区', 'county', 2014, NULL),
('460205', '崖州区', 'county', 2014, NULL),
('460300', '三沙市', 'prefecture', 2012, NULL),
('460301', '市辖区', 'county', 2020, NULL),
('460302', '西沙区', 'county', 2020, NULL),
('460303', '南沙区', 'county', 2020, NULL),
('460400', '儋州市', 'prefecture', 2015, NULL),
('469000', '省直辖县级行政单位', 'prefecture', 2002, NULL),
('469001', '五指山市', 'county', 2002, NULL),
('469002', '琼海市', 'county', 2002, NULL),
('469003', '儋州市', 'county', 2002, 2016),
('469004', '琼山市', 'county', 2002, 2003),
('469005', '文昌市', 'county', 2002, NULL),
('469006', '万宁市', 'county', 2002, NULL),
('469007', '东方市', 'county', 2002, NULL),
('469021', '定安县', 'county', 2002, NULL),
('469022', '屯昌县', 'county', 2002, NULL),
('469023', '澄迈县', 'county', 2002, NULL),
('469024', '临高县', 'county', 2002, NULL),
('469025', '白沙黎族自治县', 'county', 2002, NULL),
('469026', '昌江黎族自治县', 'county', 2002, NULL),
('469027', '乐东黎族自治县', 'county', 2002, NULL),
('469028', '陵水黎族自治县', 'county', 2002, NULL),
('469029', '保亭黎族苗族自治县', 'county', 2002, NULL),
('469030', '琼中黎族苗族自治县', 'county', 2002, NULL),
('469031', '西沙群岛', 'county', 2002, 2013),
('469032', '南沙群岛', 'county', 2002, 2013),
('469033', '中沙群岛的岛礁及其海域', 'county', 2002, 2013),
('500000', '重庆市', 'province', 1997, NULL),
('500100', '市辖区', 'prefecture', 1997, NULL),
('500101', '万县区', 'county', 1997, 1998),
('500101', '万州区', 'county', 1998, NULL),
('500102', '涪陵区', 'county', 1997, NULL),
('500103', '渝中区', 'county', 1997, NULL),
('500104', '大渡口区', 'county', 1997, NULL),
('500105', '江北区', 'county', 1997, 2026),
('500106', '沙坪坝区', 'county', 1997, NULL),
('500107', '九龙坡区', 'county', 1997, NULL),
('500108', '南岸区', 'county', 1997, NULL),
('500109', '北碚区', 'county', 1997, NULL),
('500110', '万盛区', 'county', 1997, 2011),
('500110', '綦江区', 'county', 2011, NULL),
('500111', '双桥区', 'county', 1997, 2011),
('500111', '大足区', 'county', 2011, NULL),
('500112', '渝北区', 'county', 1997, 2026),
('500113', '巴南区', 'county', 1997, NULL),
('500114', '黔江区', 'county', 2000, NULL),
('500115', '长寿区', 'county', 2001, NULL),
('500116', '江津区', 'county', 2006, NULL),
('500117', '合川区', 'county', 2006, NULL),
('500118', '永川区', 'county', 2006, NULL),
('500119', '南川区', 'county', 2006, NULL),
('500120', '璧山区', 'county', 2014, NULL),
('500151', '铜梁区', 'county', 2014, NULL),
('500152', '潼南区', 'county', 2015, NULL),
('500153', '荣昌区', 'county', 2015, NULL),
('500154', '开州区', 'county', 2016, NULL),
('500155', '梁平区', 'county', 2016, NULL),
('500156', '武隆区', 'county', 2016, NULL),
('500157', '两江新区', 'county', 2025, NULL),
('500200', '县', 'prefecture', 1997, NULL),
('500221', '长寿县', 'county', 1997, 2002),
('500222', '綦江县', 'county', 1997, 2012),
('500223', '潼南县', 'county', 1997, 2016),
('500224', '铜梁县', 'county', 1997, 2015),
('500225', '大足县', 'county', 1997, 2012),
('500226', '荣昌县', 'county', 1997, 2016),
('500227', '璧山县', 'county', 1997, 2015),
('500228', '梁平县', 'county', 1997, 2017),
('500229', '城口县', 'county', 1997, NULL),
('500230', '丰都县', 'county', 1997, NULL),
('500231', '垫江县', 'county', 1997, NULL),
('500232', '武隆县', 'county', 1997, 2017),
('500233', '忠县', 'county', 1997, NULL),
('500234', '开县', 'county', 1997, 2017),
('500235', '云阳县', 'county', 1997, NULL),
('500236', '奉节县', 'county', 1997, NULL),
('500237', '巫山县', 'county', 1997, NULL),
('500238', '巫溪县', 'county', 1997, NULL),
('500239', '黔江土家族苗族自治县', 'county', 1997, 2001),
('500240', '石柱土家族自治县', 'county', 1997, NULL),
('500241', '秀山土家族苗族自治县', 'county', 1997, NULL),
('500242', '酉阳土家族苗族自治县', 'county', 1997, NULL),
('500243', '彭水苗族土家族自治县', 'county', 1997, NULL),
('500300', '市', 'prefecture', 1997, 2007),
('500381', '江津市', 'county', 1997, 2007),
('500382', '合川市', 'county', 1997, 2007),
('500383', '永川市', 'county', 1997, 2007),
('500384', '南川市', 'county', 1997, 2007),
('510000', '四川省', 'province', NULL, NULL),
('510100', '成都市', 'prefecture', NULL, NULL),
('510101', '市辖区', 'county', 1983, NULL),
('510102', '东城区', 'county', 1983, 1991),
('510103', '西城区', 'county', 1983, 1991),
('510104', '锦江区', 'county', 1990, NULL),
('510105', '青羊区', 'county', 1990, NULL),
('510106', '金牛区', 'county', 1990, NULL),
('510107', '武侯区', 'county', 1990, NULL),
('510108', '成华区', 'county', 1990, NULL),
('510111', '金牛区', 'county', 1983, 1991),
('510112', '龙泉驿区', 'county', 1983, NULL),
('510113', '青白江区', 'county', 1983, NULL),
('510114', '新都区', 'county', 2001, NULL),
('510115', '温江区', 'county', 2002, NULL),
('510116', '双流区', 'county', 2015, NULL),
('510117', '郫都区', 'county', 2016, NULL),
('510118', '新津区', 'county', 2020, NULL),
('510120', '市区', 'county', NULL, 1984),
('510121', '金堂县', 'county', NULL, NULL),
('510122', '双流县', 'county', NULL, 2016),
('510123', '温江县', 'county', 1983, 2003),
('510124', '郫县', 'county', 1983, 2017),
('510125', '新都县', 'county', 1983, 2002),
('510126', '彭县', 'county', 1983, 1994),
('510127', '灌县', 'county', 1983, 1989),
('510128', '崇庆县', 'county', 1983, 1995),
('510129', '大邑县', 'county', 1983, NULL),
('510130', '邛崃县', 'county', 1983, 1995),
('510131', '蒲江县', 'county', 1983, NULL),
('510132', '新津县', 'county', 1983, 2021),
('510181', '都江堰市', 'county', 1989, NULL),
('510182', '彭州市', 'county', 1993, NULL),
('510183', '邛崃市', 'county', 1994, NULL),
('510184', '崇州市', 'county', 1994, NULL),
('510185', '简阳市', 'county', 2016, NULL),
('510200', '重庆市', 'prefecture', NULL, 1998),
('510201', '市辖区', 'county', 1983, 1998),
('510202', '市中区', 'county', 1983, 1994),
('510202', '渝中区', 'county', 1994, 1998),
('510203', '大渡口区', 'county', 1983, 1998),
('510211', '江北区', 'county', 1983, 1998),
('510212', '沙坪坝区', 'county', 1983, 1998),
('510213', '九龙坡区', 'county', 1983, 1998),
('510214', '南岸区', 'county', 1983, 1998),
('510215', '北碚区', 'county', 1983, 1998),
('510216', '万盛区', 'county', 1983, 1998),
('510217', '双桥区', 'county', 1983, 1998),
('510218', '渝北区', 'county', 1994, 1998),
('510219', '巴南区', 'county', 1994, 1998),
('510220', '市区', 'county', NULL, 1984),
('510221', '长寿县', 'county', NULL, 1998),
('510222', '巴县', 'county', NULL, 1995),
('510223', '綦江县', 'county', NULL, 1998),
('510224', '江北县', 'county', NULL, 1995),
('510225', '江津县', 'county', 1983, 1993),
('510226', '合川县', 'county', 1983, 1993),
('510227', '潼南县', 'county', 1983, 1998),
('510228', '铜梁县', 'county', 1983, 1998),
('510229', '永川县', 'county', 1983, 1993),
('510230', '大足县', 'county', 1983, 1998),
('510231', '荣昌县', 'county', 1983, 1998),
('510232', '璧山县', 'county', 1983, 1998),
('510281', '永川市', 'county', 1992, 1998),
('510282', '江津市', 'county', 1992, 1998),
('510283', '合川市', 'county', 1992, 1998),
('510300', '自贡市', 'prefecture', NULL, NULL),
('510301', '市辖区', 'county', 1983, NULL),
('510302', '自流井区', 'county', 1983, NULL),
('510303', '贡井区', 'county', 1983, NULL),
('510304', '大安区', 'county', 1983, NULL),
('510311', '郊区', 'county', 1983, 1983),
('510311', '沿滩区', 'county', 1983, NULL),
('510320', '市区', 'county', NULL, 1984),
('510321', '荣县', 'county', NULL, NULL),
('510322', '富顺县', 'county', 1983, NULL),
('510400', '渡口市', 'prefecture', NULL, 1987),
('510400', '攀枝花市', 'prefecture', 1987, NULL),
('510401', '市辖区', 'county', 1983, NULL),
('510402', '东区', 'county', 1983, NULL),
('510403', '西区', 'county', 1983, NULL),
('510411', '仁和区', 'county', 1983, NULL),
('510420', '市区', 'county', NULL, 1984),
('510421', '米易县', 'county', NULL, NULL),
('510422', '盐边县', 'county', NULL, NULL),
('510500', '泸州市', 'prefecture', 1983, NULL),
('510501', '市辖区', 'county', 1983, NULL),
('510502', '市中区', 'county', 1983, 1995),
('510502', '江阳区', 'county', 1995, NULL),
('510503', '纳溪区', 'county', 1995, NULL),
('510504', '龙马潭区', 'county', 1995, NULL),
('510521', '泸县', 'county', 1983, NULL),
('510522', '合江县', 'county', 1983, NULL),
('510523', '纳溪县', 'county', 1983, 1996),
('510524', '叙永县', 'county', 1985, NULL),
('510525', '古蔺县', 'county', 1985, NULL),
('510600', '德阳市', 'prefecture', 1983, NULL),
('510601', '市辖区', 'county', 1984, NULL),
('510602', '市中区', 'county', 1984, 1997),
('510603', '旌阳区', 'county', 1996, NULL),
('510604', '罗江区', 'county', 2017, NULL),
('510621', '德阳县', 'county', 1983, 1985),
('510622', '绵竹县', 'county', 1983, 1997),
('510623', '中江县', 'county', 1983, NULL),
('510624', '广汉县', 'county', 1983, 1989),
('510625', '什邡县', 'county', 1983, 1996),
('510626', '罗江县', 'county', 1996, 2018),
('510681', '广汉市', 'county', 1989, NULL),
('510682', '什邡市', 'county', 1995, NULL),
('510683', '绵竹市', 'county', 1996, NULL),
('510700', '绵阳市', 'prefecture', 1985, NULL),
('510701', '市辖区', 'county', 1985, NULL),
('510702', '市中区', 'county', 1985, 1993),
('510703', '涪城区', 'county', 1992, NULL),
('510704', '游仙区', 'county', 1992, NULL),
('510705', '安州区', 'county', 2016, NULL),
('510721', '江油县', 'county', 1985, 1989),
('510722', '三台县', 'county', 1985, NULL),
('510723', '盐亭县', 'county', 1985, NULL),
('510724', '安县', 'county', 1985, 2017),
('510725', '梓潼县', 'county', 1985, NULL),
('510726', '北川县', 'county', 1985, 2003),
('510726', '北川羌族自治县', 'county', 2003, NULL),
('510727', '平武县', 'county', 1985, NULL),
('510781', '江油市', 'county', 1989, NULL),
('510800', '广元市', 'prefecture', 1985, NULL),
('510801', '市辖区', 'county', 1985, NULL),
('510802', '市中区', 'county', 1985, 2007),
('510802', '利州区', 'county', 2007, NULL),
('510811', '元坝区', 'county', 1989, 2013),
('510811', '昭化区', 'county', 2013, NULL),
('510812', '朝天区', 'county', 1989, NULL),
('510821', '旺苍县', 'county', 1985, NULL),
('510822', '青川县', 'county', 1985, NULL),
('510823', '剑阁县', 'county', 1985, NULL),
('510824', '苍溪县', 'county', 1985, NULL),
('510900', '遂宁市', 'prefecture', 1985, NULL),
('510901', '市辖区', 'county', 1985, NULL),
('510902', '市中区', 'county', 1985, 2004),
('510903', '船山区', 'county', 2003, NULL),
('510904', '安居区', 'county', 2003, NULL),
('510921', '蓬溪县', 'county', 1985, NULL),
('510922', '射洪县', 'county', 1985, 2020),
('510923', '大英县', 'county', 1997, NULL),
('510981', '射洪市', 'county', 2019, NULL),
('511000', '内江市', 'prefecture', 1985, NULL),
('511001', '市辖区', 'county', 1985, NULL),
('511002', '市中区', 'county', 1985, NULL),
('511011', '东兴区', 'county', 1989, NULL),
('511021', '内江县', 'county', 1985, 1990),
('511022', '乐至县', 'county', 1985, 1999),
('511023', '安岳县', 'county', 1985, 1999),
('511024', '威远县', 'county', 1985, NULL),
('511025', '资中县', 'county', 1985, NULL),
('511026', '资阳县', 'county', 1985, 1994),
('511027', '简阳县', 'county', 1985, 1995),
('511028', '隆昌县', 'county', 1985, 2018),
('511081', '资阳市', 'county', 1993, 1999),
('511082', '简阳市', 'county', 1994, 1999),
('511083', '隆昌市', 'county', 2017, NULL),
('511100', '乐山市', 'prefecture', 1985, NULL),
('511101', '市辖区', 'county', 1985, NULL),
('511102', '市中区', 'county', 1985, NULL),
('511111', '沙湾区', 'county', 1985, NULL),
('511112', '五通桥区', 'county', 1985, NULL),
('511113', '金口河区', 'county', 1985, NULL),
('511121', '仁寿县', 'county', 1985, 1998),
('511122', '眉山县', 'county', 1985, 1998),
('511123', '犍为县', 'county', 1985, NULL),
('511124', '井研县', 'county', 1985, NULL),
('511125', '峨眉县', 'county', 1985, 1989),
('511126', '夹江县', 'county', 1985, NULL),
('511127', '洪雅县', 'county', 1985, 1998),
('511128', '彭山县', 'county', 1985, 1998),
('511129', '沐川县', 'county', 1985, NULL),
('511130', '青神县', 'county', 1985, 1998),
('511131', '丹棱县', 'county', 1985, 1998),
('511132', '峨边彝族自治县', 'county', 1985, NULL),
('511133', '马边彝族自治县', 'county', 1985, NULL),
('511181', '峨眉山市', 'county', 1989, NULL),
('511200', '万县市', 'prefecture', 1992, 1998),
('511201', '市辖区', 'county', 1992, 1998),
('511202', '龙宝区', 'county', 1992, 1998),
('511203', '天城区', 'county', 1992, 1998),
('511204', '五桥区', 'county', 1992, 1998),
('511221', '开县', 'county', 1992, 1998),
('511222', '忠县', 'county', 1992, 1998),
('511223', '梁平县', 'county', 1992, 1998),
('511224', '云阳县', 'county', 1992, 1998),
('511225', '奉节县', 'county', 1992, 1998),
('511226', '巫山县', 'county', 1992, 1998),
('511227', '巫溪县', 'county', 1992, 1998),
('511228', '城口县', 'county', 1992, 1998),
('511300', '南充市', 'prefecture', 1993, NULL),
('511301', '市辖区', 'county', 1993, NULL),
('511302', '顺庆区', 'county', 1993, NULL),
('511303', '高坪区', 'county', 1993, NULL),
('511304', '嘉陵区', 'county', 1993, NULL),
('511321', '南部县', 'county', 1993, NULL),
('511322', '营山县', 'county', 1993, NULL),
('511323', '蓬安县', 'county', 1993, NULL),
('511324', '仪陇县', 'county', 1993, NULL),
('511325', '西充县', 'county', 1993, NULL),
('511381', '阆中市', 'county', 1993, NULL),
('511400', '涪陵市', 'prefecture', 1995, 1998),
('511400', '眉山市', 'prefecture', 2000, NULL),
('511401', '市辖区', 'county', 1995, 1998),
('511401', '市辖区', 'county', 2000, NULL),
('511402', '枳城区', 'county', 1995, 1998),
('511402', '东坡区', 'county', 2000, NULL),
('511403', '李渡区', 'county', 1995, 1998),
('511403', '彭山区', 'county', 2014, NULL),
('511421', '垫江县', 'county', 1995, 1998),
('511421', '仁寿县', 'county', 2000, NULL),
('511422', '丰都县', 'county', 1995, 1998),
('511422', '彭山县', 'county', 2000, 2015),
('511423', '武隆县', 'county', 1995, 1998),
('511423', '洪雅县', 'county', 2000, NULL),
('511424', '丹棱县', 'county', 2000, NULL),
('511425', '青神县', 'county', 2000, NULL),
('511481', '南川市', 'county', 1995, 1998),
('511500', '宜宾市', 'prefecture', 1996, NULL),
('511501', '市辖区', 'county', 1996, NULL),
('511502', '翠屏区', 'county', 1996, NULL),
('511503', '南溪区', 'county', 2011, NULL),
('511504', '叙州区', 'county', 2018, NULL),
('511521', '宜宾县', 'county', 1996, 2019),
('511522', '南溪县', 'county', 1996, 2012),
('511523', '江安县', 'county', 1996, NULL),
('511524', '长宁县', 'county', 1996, NULL),
('511525', '高县', 'county', 1996, NULL),
('511526', '珙县', 'county', 1996, NULL),
('511527', '筠连县', 'county', 1996, NULL),
('511528', '兴文县', 'county', 1996, NULL),
('511529', '屏山县', 'county', 1996, NULL),
('511600', '广安市', 'prefecture', 1998, NULL),
('511601', '市辖区', 'county', 1998, NULL),
('511602', '广安区', 'county', 1998, NULL),
('511603', '前锋区', 'county', 2013, NULL),
('511621', '岳池县', 'county', 1998, NULL),
('511622', '武胜县', 'county', 1998, NULL),
('511623', '邻水县', 'county', 1998, NULL),
('511681', '华蓥市', 'county', 1998, NULL),
('511700', '达州市', 'prefecture', 1999, NULL),
('511701', '市辖区', 'county', 1999, NULL),
('511702', '通川区', 'county', 1999, NULL),
('511703', '达川区', 'county', 2013, NULL),
('511721', '达县', 'county', 1999, 2014),
('511722', '宣汉县', 'county', 1999, NULL),
('511723', '开江县', 'county', 1999, NULL),
('511724', '大竹县', 'county', 1999, NULL),
('511725', '渠县', 'county', 1999, NULL),
('511781', '万源市', 'county', 1999, NULL),
('511800', '雅安市', 'prefecture', 2000, NULL),
('511801', '市辖区', 'county', 2000, NULL),
('511802', '雨城区', 'county', 2000, NULL),
('511803', '名山区', 'county', 2012, NULL),
('511821', '名山县', 'county', 2000, 2013),
('511822', '荥经县', 'county', 2000, NULL),
('511823', '汉源县', 'county', 2000, NULL),
('511824', '石棉县', 'county', 2000, NULL),
('511825', '天全县', 'county', 2000, NULL),
('511826', '芦山县', 'county', 2000, NULL),
('511827', '宝兴县', 'county', 2000, NULL),
('511900', '巴中市', 'prefecture', 2000, NULL),
('511901', '市辖区', 'county', 2000, NULL),
('511902', '巴州区', 'county', 2000, NULL),
('511903', '恩阳区', 'county', 2013, NULL),
('511921', '通江县', 'county', 2000, NULL),
('511922', '南江县', 'county', 2000, NULL),
('511923', '平昌县', 'county', 2000, NULL),
('512000', '资阳市', 'prefecture', 2000, NULL),
('512001', '市辖区', 'county', 2000, NULL),
('512002', '雁江区', 'county', 2000, NULL),
('512021', '安岳县', 'county', 2000, NULL),
('512022', '乐至县', 'county', 2000, NULL),
('512081', '简阳市', 'county', 2000, 2017),
('512100', '江津地区', 'prefecture', NULL, 1981),
('512100', '永川地区', 'prefecture', 1981, 1983),
('512121', '江津县', 'county', NULL, 1984),
('512122', '合川县', 'county', NULL, 1984),
('512123', '潼南县', 'county', NULL, 1984),
('512124', '铜梁县', 'county', NULL, 1984),
('512125', '永川县', 'county', NULL, 1984),
('512126', '大足县', 'county', NULL, 1984),
('512127', '荣昌县', 'county', NULL, 1984),
('512128', '璧山县', 'county', NULL, 1984),
('512200', '万县地区', 'prefecture', NULL, 1993),
('512201', '万县市', 'county', NULL, 1993),
('512221', '万县', 'county', NULL, 1993),
('512222', '开县', 'county', NULL, 1993),
('512223', '忠县', 'county', NULL, 1993),
('512224', '梁平县', 'county', NULL, 1993),
('512225', '云阳县', 'county', NULL, 1993),
('512226', '奉节县', 'county', NULL, 1993),
('512227', '巫山县', 'county', NULL, 1993),
('512228', '巫溪县', 'county', NULL, 1993),
('512229', '城口县', 'county', NULL, 1993),
('512300', '涪陵地区', 'prefecture', NULL, 1996),
('512301', '涪陵市', 'county', 1983, 1996),
('512302', '南川市', 'county', 1994, 1996),
('512321', '涪陵县', 'county', NULL, 1984),
('512322', '垫江县', 'county', NULL, 1996),
('512323', '南川县', 'county', NULL, 1995),
('512324', '丰都县', 'county', NULL, 1996),
('512325', '石柱县', 'county', 1983, 1983),
('512325', '石柱土家族自治县', 'county', 1983, 1997),
('512326', '武隆县', 'county', NULL, 1996),
('512327', '彭水县', 'county', 1983, 1983),
('512327', '彭水苗族土家族自治县', 'county', 1983, 1997),
('512328', '黔江县', 'county', 1983, 1983),
('512328', '黔江土家族苗族自治县', 'county', 1983, 1997),
('512329', '酉阳县', 'county', 1983, 1983),
('512329', '酉阳土家族苗族自治县', 'county', 1983, 1997),
('512330', '秀山县', 'county', 1983, 1983),
('512330', '秀山土家族苗族自治县', 'county', 1983, 1997),
('512400', '内江地区', 'prefecture', NULL, 1986),
('512401', '内江市', 'county', NULL, 1986),
('512402', '泸州市', 'county', NULL, 1986),
('512421', '内江县', 'county', NULL, 1986),
('512422', '资中县', 'county', NULL, 1986),
('512423', '资阳县', 'county', NULL, 1986),
('512424', '简阳县', 'county', NULL, 1986),
('512425', '威远县', 'county', NULL, 1986),
('512426', '隆昌县', 'county', NULL, 1986),
('512427', '安岳县', 'county', NULL, 1986),
('512428', '乐至县', 'county', NULL, 1986),
('512500', '宜宾地区', 'prefecture', NULL, 1997),
('512501', '宜宾市', 'county', NULL, 1997),
('512502', '泸州市', 'county', NULL, 1984),
('512521', '泸县', 'county', NULL, 1984),
('512522', '富顺县', 'county', NULL, 1984),
('512523', '合江县', 'county', NULL, 1984),
('512524', '纳溪县', 'county', NULL, 1984),
('512525', '叙永县', 'county', NULL, 1986),
('512526', '古蔺县', 'county', NULL, 1986),
('512527', '宜宾县', 'county', NULL, 1997),
('512528', '南溪县', 'county', NULL, 1997),
('512529', '江安县', 'county', NULL, 1997),
('512530', '长宁县', 'county', NULL, 1997),
('512531', '高县', 'county', NULL, 1997),
('512532', '筠连县', 'county', NULL, 1997),
('512533', '珙县', 'county', NULL, 1997),
('512534', '兴文县', 'county', NULL, 1997),
('512535', '屏山县', 'county', NULL, 1997),
('512600', '乐山地区', 'prefecture', NULL, 1986),
('512601', '乐山市', 'county', NULL, 1986),
('512621', '仁寿县', 'county', NULL, 1986),
('512622', '眉山县', 'county', NULL, 1986),
('512623', '犍为县', 'county', NULL, 1986),
('512624', '井研县', 'county', NULL, 1986),
('512625', '峨眉县', 'county', NULL, 1986),
('512626', '夹江县', 'county', NULL, 1986),
('512627', '洪雅县', 'county', NULL, 1986),
('512628', '彭山县', 'county', NULL, 1986),
('512629', '沐川县', 'county', NULL, 1986),
('512630', '青神县', 'county', NULL, 1986),
('512631', '丹稜县', 'county', NULL, 1986),
('512632', '峨边县', 'county', NULL, 1984),
('512632', '峨边彝族自治县', 'county', 1984, 1986),
('512633', '马边县', 'county', NULL, 1984),
('512633', '马边彝族自治县', 'county', 1984, 1986),
('512634', '金口河工农区', 'county', NULL, 1986),
('512700', '温江地区', 'prefecture', NULL, 1984),
('512721', '温江县', 'county', NULL, 1984),
('512722', '郫县', 'county', NULL, 1984),
('512723', '新都县', 'county', NULL, 1984),
('512724', '广汉县', 'county', NULL, 1984),
('512725', '什邡县', 'county', NULL, 1984),
('512726', '彭县', 'county', NULL, 1984),
('512727', '灌县', 'county', NULL, 1984),
('512728', '崇庆县', 'county', NULL, 1984),
('512729', '大邑县', 'county', NULL, 1984),
('512730', '邛崃县', 'county', NULL, 1984),
('512731', '蒲江县', 'county', NULL, 1984),
('512732', '新津县', 'county', NULL, 1984),
('512800', '绵阳地区', 'prefecture', NULL, 1986),
('512801', '绵阳市', 'county', NULL, 1986),
('512821', '德阳县', 'county', NULL, 1984),
('512822', '绵竹县', 'county', NULL, 1984),
('512823', '安县', 'county', NULL, 1986),
('512824', '江油县', 'county', NULL, 1986),
('512825', '梓潼县', 'county', NULL, 1986),
('512826', '剑阁县', 'county', NULL, 1986),
('512827', '广元县', 'county', NULL, 1986),
('512828', '旺苍县', 'county', NULL, 1986),
('512829', '青川县', 'county', NULL, 1986),
('512830', '平武县', 'county', NULL, 1986),
('512831', '北川县', 'county', NULL, 1986),
('512832', '遂宁县', 'county', NULL, 1986),
('512833', '三台县', 'county', NULL, 1986),
('512834', '中江县', 'county', NULL, 1984),
('512835', '蓬溪县', 'county', NULL, 1986),
('512836', '射洪县', 'county', NULL, 1986),
('512837', '盐亭县', 'county', NULL, 1986),
('512900', '南充地区', 'prefecture', NULL, 1994),
('512901', '南充市', 'county', NULL, 1994),
('512902', '华蓥市', 'county', 1985, 1994),
('512903', '阆中市', 'county', 1991, 1994),
('512921', '南充县', 'county', NULL, 1994),
('512922', '南部县', 'county', NULL, 1994),
('512923', '岳池县', 'county', NULL, 1994),
('512924', '营山县', 'county', NULL, 1994),
('512925', '广安县', 'county', NULL, 1994),
('512926', '蓬安县', 'county', NULL, 1994),
('512927', '仪陇县', 'county', NULL, 1994),
('512928', '武胜县', 'county', NULL, 1994),
('512929', '西充县', 'county', NULL, 1994),
('512930', '阆中县', 'county', NULL, 1992),
('512931', '苍溪县', 'county', NULL, 1986),
('512932', '华云工农区', 'county', NULL, 1986),
('513000', '达县地区', 'prefecture', NULL, 1993),
('513000', '达川地区', 'prefecture', 1993, 1999),
('513001', '达县市', 'county', NULL, 1993),
('513001', '达川市', 'county', 1993, 1999),
('513002', '万源市', 'county', 1993, 2000),
('513021', '达县', 'county', NULL, 2000),
('513022', '宣汉县', 'county', NULL, 2000),
('513023', '开江县', 'county', NULL, 2000),
('513024', '万源县', 'county', NULL, 1994),
('513025', '通江县', 'county', NULL, 1994),
('513026', '南江县', 'county', NULL, 1994),
('513027', '巴中县', 'county', NULL, 1994),
('513028', '平昌县', 'county', NULL, 1994),
('513029', '大竹县', 'county', NULL, 2000),
('513030', '渠县', 'county', NULL, 2000),
('513031', '邻水县', 'county', NULL, 2000),
('513032', '白沙工农区', 'county', NULL, 1994),
('513100', '雅安地区', 'prefecture', NULL, 2001),
('513101', '雅安市', 'county', 1983, 2001),
('513121', '雅安县', 'county', NULL, 1984),
('513122', '名山县', 'county', NULL, 2001),
('513123', '荥经县', 'county', NULL, 2001),
('513124', '汉源县', 'county', NULL, 2001),
('513125', '石棉县', 'county', NULL, 2001),
('513126', '天全县', 'county', NULL, 2001),
('513127', '芦山县', 'county', NULL, 2001),
('513128', '宝兴县', 'county', NULL, 2001),
('513200', '阿坝藏族自治州', 'prefecture', NULL, 1987),
('513200', '阿坝藏族羌族自治州', 'prefecture', 1987, NULL),
('513201', '马尔康市', 'county', 2015, NULL),
('513221', '汶川县', 'county', NULL, NULL),
('513222', '理县', 'county', NULL, NULL),
('513223', '茂汶羌族自治县', 'county', NULL, 1987),
('513223', '茂县', 'county', 1987, NULL),
('513224', '松潘县', 'county', NULL, NULL),
('513225', '南坪县', 'county', NULL, 1997),
('513225', '九寨沟县', 'county', 1997, NULL),
('513226', '金川县', 'county', NULL, NULL),
('513227', '小金县', 'county', NULL, NULL),
('513228', '黑水县', 'county', NULL, NULL),
('513229', '马尔康县', 'county', NULL, 2016),
('513230', '壤塘县', 'county', NULL, NULL),
('513231', '阿坝县', 'county', NULL, NULL),
('513232', '若尔盖县', 'county', NULL, NULL),
('513233', '红原县', 'county', NULL, NULL),
('513300', '甘孜藏族自治州', 'prefecture', NULL, NULL),
('513301', '康定市', 'county', 2015, NULL),
('513321', '康定县', 'county', NULL, 2016),
('513322', '泸定县', 'county', NULL, NULL),
('513323', '丹巴县', 'county', NULL, NULL),
('513324', '九龙县', 'county', NULL, NULL),
('513325', '雅江县', 'county', NULL, NULL),
('513326', '道孚县', 'county', NULL, NULL),
('513327', '炉霍县', 'county', NULL, NULL),
('513328', '甘孜县', 'county', NULL, NULL),
('513329', '新龙县', 'county', NULL, NULL),
('513330', '德格县', 'county', NULL, NULL),
('513331', '白玉县', 'county', NULL, NULL),
('513332', '石渠县', 'county', NULL, NULL),
('513333', '色达县', 'county', NULL, NULL),
('513334', '理塘县', 'county', NULL, NULL),
('513335', '巴塘县', 'county', NULL, NULL),
('513336', '乡城县', 'county', NULL, NULL),
('513337', '稻城县', 'county', NULL, NULL),
('513338', '得荣县', 'county', NULL, NULL),
('513400', '凉山彝族自治州', 'prefecture', NULL, NULL),
('513401', '西昌市', 'county', NULL, NULL),
('513402', '会理市', 'county', 2021, NULL),
('513421', '西昌县', 'county', NULL, 1987),
('513422', '木里藏族自治县', 'county', NULL, NULL),
('513423', '盐源县', 'county', NULL, NULL),
('513424', '德昌县', 'county', NULL, NULL),
('513425', '会理县', 'county', NULL, 2022),
('513426', '会东县', 'county', NULL, NULL),
('513427', '宁南县', 'county', NULL, NULL),
('513428', '普格县', 'county', NULL, NULL),
('513429', '布拖县', 'county', NULL, NULL),
('513430', '金阳县', 'county', NULL, NULL),
('513431', '昭觉县', 'county', NULL, NULL),
('513432', '喜德县', 'county', NULL, NULL),
('513433', '冕宁县', 'county', NULL, NULL),
('513434', '越西县', 'county', NULL, NULL),
('513435', '甘洛县', 'county', NULL, NULL),
('513436', '美姑县', 'county', NULL, NULL),
('513437', '雷波县', 'county', NULL, NULL),
('513500', '黔江地区', 'prefecture', 1988, 1998),
('513521', '石柱土家族自治县', 'county', 1988, 1998),
('513522', '秀山土家族苗族自治县', 'county', 1988, 1998),
('513523', '黔江土家族苗族自治县', 'county', 1988, 1998),
('513524', '酉阳土家族苗族自治县', 'county', 1988, 1998),
('513525', '彭水苗族土家族自治县', 'county', 1988, 1998),
('513600', '广安地区', 'prefecture', 1993, 1999),
('513601', '华蓥市', 'county', 1993, 1999),
('513621', '广安县', 'county', 1993, 1999),
('513622', '岳池县', 'county', 1993, 1999),
('513623', '武胜县', 'county', 1993, 1999),
('513624', '邻水县', 'county', 1993, 1999),
('513700', '巴中地区', 'prefecture', 1993, 2001),
('513701', '巴中市', 'county', 1993, 2001),
('513721', '通江县', 'county', 1993, 2001),
('513722', '南江县', 'county', 1993, 2001),
('513723', '平昌县', 'county', 1993, 2001),
('513800', '眉山地区', 'prefecture', 1997, 2001),
('513821', '眉山县', 'county', 1997, 2001),
('513822', '仁寿县', 'county', 1997, 2001),
('513823', '彭山县', 'county', 1997, 2001),
('513824', '洪雅县', 'county', 1997, 2001),
('513825', '丹棱县', 'county', 1997, 2001),
('513826', '青神县', 'county', 1997, 2001),
('513900', '资阳地区', 'prefecture', 1998, 2001),
('513901', '资阳市', 'county', 1998, 2001),
('513902', '简阳市', 'county', 1998, 2001),
('513921', '安岳县', 'county', 1998, 2001),
('513922', '乐至县', 'county', 1998, 2001),
('519000', '省直辖县级行政单位', 'prefecture', 1988, 1990),
('519001', '广汉市', 'county', 1988, 1990),
('519002', '江油市', 'county', 1988, 1990),
('519003', '都江堰市', 'county', 1988, 1990),
('519004', '峨眉山市', 'county', 1988, 1990),
('520000', '贵州省', 'province', NULL, NULL),
('520100', '贵阳市', 'prefecture', NULL, NULL),
('520101', '市辖区', 'county', 1983, NULL),
('520102', '南明区', 'county', 1983, NULL),
('520103', '云岩区', 'county', 1983, NULL),
('520111', '花溪区', 'county', 1983, NULL),
('520112', '乌当区', 'county', 1983, NULL),
('520113', '白云区', 'county', 1983, NULL),
('520114', '小河区', 'county', 2000, 2013),
('520115', '观山湖区', 'county', 2012, NULL),
('520121', '开阳县', 'county', 1995, NULL),
('520122', '息烽县', 'county', 1995, NULL),
('520123', '修文县', 'county', 1995, NULL),
('520181', '清镇市', 'county', 1995, NULL),
('520200', '六盘水市', 'prefecture', NULL, NULL),
('520201', '水城特区', 'county', NULL, 1987),
('520201', '钟山区', 'county', 1987, NULL),
('520202', '盘县特区', 'county', NULL, 2000),
('520203', '六枝特区', 'county', NULL, NULL),
('520204', '水城区', 'county', 2020, NULL),
('520221', '水城县', 'county', 1987, 2021),
('520222', '盘县', 'county', 1999, 2018),
('520281', '盘州市', 'county', 2017, NULL),
('520300', '遵义市', 'prefecture', 1997, NULL),
('520301', '市辖区', 'county', 1997, NULL),
('520302', '红花岗区', 'county', 1997, NULL),
('520303', '汇川区', 'county', 2003, NULL),
('520304', '播州区', 'county', 2016, NULL),
('520321', '遵义县', 'county', 1997, 2017),
('520322', '桐梓县', 'county', 1997, NULL),
('520323', '绥阳县', 'county', 1997, NULL),
('520324', '正安县', 'county', 1997, NULL),
('520325', '道真仡佬族苗族自治县', 'county', 1997, NULL),
('520326', '务川仡佬族苗族自治县', 'county', 1997, NULL),
('520327', '凤冈县', 'county', 1997, NULL),
('520328', '湄潭县', 'county', 1997, NULL),
('520329', '余庆县', 'county', 1997, NULL),
('520330', '习水县', 'county', 1997, NULL),
('520381', '赤水市', 'county', 1997, NULL),
('520382', '仁怀市', 'county', 1997, NULL),
('520400', '安顺市', 'prefecture', 2000, NULL),
('520401', '市辖区', 'county', 2000, NULL),
('520402', '西秀区', 'county', 2000, NULL),
('520403', '平坝区', 'county', 2014, NULL),
('520421', '平坝县', 'county', 2000, 2015),
('520422', '普定县', 'county', 2000, NULL),
('520423', '镇宁布依族苗族自治县', 'county', 2000, NULL),
('520424', '关岭布依族苗族自治县', 'county', 2000, NULL),
('520425', '紫云苗族布依族自治县', 'county', 2000, NULL),
('520500', '毕节市', 'prefecture', 2011, NULL),
('520501', '市辖区', 'county', 2011, NULL),
('520502', '七星关区', 'county', 2011, NULL),
('520521', '大方县', 'county', 2011, NULL),
('520522', '黔西县', 'county', 2011, 2022),
('520523', '金沙县', 'county', 2011, NULL),
('520524', '织金县', 'county', 2011, NULL),
('520525', '纳雍县', 'county', 2011, NULL),
('520526', '威宁彝族回族苗族自治县', 'county', 2011, NULL),
('520527', '赫章县', 'county', 2011, NULL),
('520581', '黔西市', 'county', 2021, NULL),
('520600', '铜仁市', 'prefecture', 2011, NULL),
('520601', '市辖区', 'county', 2011, NULL),
('520602', '碧江区', 'county', 2011, NULL),
('520603', '万山区', 'county', 2011, NULL),
('520621', '江口县', 'county', 2011, NULL),
('520622', '玉屏侗族自治县', 'county', 2011, NULL),
('520623', '石阡县', 'county', 2011, NULL),
('520624', '思南县', 'county', 2011, NULL),
('520625', '印江土家族苗族自治县', 'county', 2011, NULL),
('520626', '德江县', 'county', 2011, NULL),
('520627', '沿河土家族自治县', 'county', 2011, NULL),
('520628', '松桃苗族自治县', 'county', 2011, NULL),
('522100', '遵义地区', 'prefecture', NULL, 1998),
('522101', '遵义市', 'county', NULL, 1998),
('522102', '赤水市', 'county', 1990, 1998),
('522103', '仁怀市', 'county', 1995, 1998),
('522121', '遵义县', 'county', NULL, 1998),
('522122', '桐梓县', 'county', NULL, 1998),
('522123', '绥阳县', 'county', NULL, 1998),
('522124', '正安县', 'county', NULL, 1998),
('522125', '道真县', 'county', NULL, 1986),
('522125', '道真仡佬族苗族自治县', 'county', 1986, 1998),
('522126', '务川县', 'county', NULL, 1986),
('522126', '务川仡佬族苗族自治县', 'county', 1986, 1998),
('522127', '凤冈县', 'county', NULL, 1998),
('522128', '湄潭县', 'county', NULL, 1998),
('522129', '余庆县', 'county', NULL, 1998),
('522130', '仁怀县', 'county', NULL, 1996),
('522131', '赤水县', 'county', NULL, 1991),
('522132', '习水县', 'county', NULL, 1998),
('522200', '铜仁地区', 'prefecture', NULL, 2012),
('522201', '铜仁市', 'county', 1987, 2012),
('522221', '铜仁县', 'county', NULL, 1988),
('522222', '江口县', 'county', NULL, 2012),
('522223', '玉屏县', 'county', NULL, 1983),
('522223', '玉屏侗族自治县', 'county', 1983, 2012),
('522224', '石阡县', 'county', NULL, 2012),
('522225', '思南县', 'county', NULL, 2012),
('522226', '印江县', 'county', NULL, 1986),
('522226', '印江土家族苗族自治县', 'county', 1986, 2012),
('522227', '德江县', 'county', NULL, 2012),
('522228', '沿河县', 'county', NULL, 1986),
('522228', '沿河土家族自治县', 'county', 1986, 2012),
('522229', '松桃苗族自治县', 'county', NULL, 2012),
('522230', '万山特区', 'county', NULL, 2012),
('522300', '兴义地区', 'prefecture', NULL, 1981),
('522300', '黔西南布依族苗族自治州', 'prefecture', 1981, NULL),
('522301', '兴义市', 'county', 1987, NULL),
('522302', '兴仁市', 'county', 2018, NULL),
('522321', '兴义县', 'county', NULL, 1988),
('522322', '兴仁县', 'county', NULL, 2019),
('522323', '普安县', 'county', NULL, NULL),
('522324', '晴隆县', 'county', NULL, NULL),
('522325', '贞丰布依族苗族自治县', 'county', NULL, 1981),
('522325', '贞丰县', 'county', 1981, NULL),
('522326', '望谟布依族苗族自治县', 'county', NULL, 1981),
('522326', '望谟县', 'county', 1981, NULL),
('522327', '册亨布依族自治县', 'county', NULL, 1981),
('522327', '册亨县', 'county', 1981, NULL),
('522328', '安龙布依族苗族自治县', 'county', NULL, 1981),
('522328', '安龙县', 'county', 1981, NULL),
('522400', '毕节地区', 'prefecture', NULL, 2012),
('522401', '毕节市', 'county', 1993, 2012),
('522421', '毕节县', 'county', NULL, 1994),
('522422', '大方县', 'county', NULL, 2012),
('522423', '黔西县', 'county', NULL, 2012),
('522424', '金沙县', 'county', NULL, 2012),
('522425', '织金县', 'county', NULL, 2012),
('522426', '纳雍县', 'county', NULL, 2012),
('522427', '威宁彝族回族苗族自治县', 'county', NULL, 2012),
('522428', '赫章县', 'county', NULL, 2012),
('522500', '安顺地区', 'prefecture', NULL, 2001),
('522501', '安顺市', 'county', NULL, 2001),
('522502', '清镇市', 'county', 1992, 1996),
('522521', '安顺县', 'county', NULL, 1991),
('522522', '开阳县', 'county', NULL, 1996),
('522523', '息烽县', 'county', NULL, 1996),
('522524', '修文县', 'county', NULL, 1996),
('522525', '清镇县', 'county', NULL, 1993),
('522526', '平坝县', 'county', NULL, 2001),
('522527', '普定县', 'county', NULL, 2001),
('522528', '关岭县', 'county', NULL, 1981),
('522528', '关岭布依族苗族自治县', 'county', 1981, 2001),
('522529', '镇宁布依族苗族自治县', 'county', NULL, 2001),
('522530', '紫云苗族布依族自治县', 'county', NULL, 2001),
('522600', '黔东南苗族侗族自治州', 'prefecture', NULL, NULL),
('522601', '凯里市', 'county', 1983, NULL),
('522621', '凯里县', 'county', NULL, 1984),
('522622', '黄平县', 'county', NULL, NULL),
('522623', '施秉县', 'county', NULL, NULL),
('522624', '三穗县', 'county', NULL, NULL),
('522625', '镇远县', 'county', NULL, NULL),
('522626', '岑巩县', 'county', NULL, NULL),
('522627', '天柱县', 'county', NULL, NULL),
('522628', '锦屏县', 'county', NULL, NULL),
('522629', '剑河县', 'county', NULL, NULL),
('522630', '台江县', 'county', NULL, NULL),
('522631', '黎平县', 'county', NULL, NULL),
('522632', '榕江县', 'county', NULL, NULL),
('522633', '从江县', 'county', NULL, NULL),
('522634', '雷山县', 'county', NULL, NULL),
('522635', '麻江县', 'county', NULL, NULL),
('522636', '丹寨县', 'county', NULL, NULL),
('522700', '黔南布依族苗族自治州', 'prefecture', NULL, NULL),
('522701', '都匀市', 'county', NULL, NULL),
('522702', '福泉市', 'county', 1996, NULL),
('522721', '都匀县', 'county', NULL, 1984),
('522722', '荔波县', 'county', NULL, NULL),
('522723', '贵定县', 'county', NULL, NULL),
('522724', '福泉县', 'county', NULL, 1997),
('522725', '瓮安县', 'county', NULL, NULL),
('522726', '独山县', 'county', NULL, NULL),
('522727', '平塘县', 'county', NULL, NULL),
('522728', '罗甸县', 'county', NULL, NULL),
('522729', '长顺县', 'county', NULL, NULL),
('522730', '龙里县', 'county', NULL, NULL),
('522731', '惠水县', 'county', NULL, NULL),
('522732', '三都水族自治县', 'county', NULL, NULL),
('530000', '云南省', 'province', NULL, NULL),
('530100', '昆明市', 'prefecture', NULL, NULL),
('530101', '市辖区', 'county', 1983, NULL),
('530102', '五华区', 'county', 1983, NULL),
('530103', '盘龙区', 'county', 1983, NULL),
('530111', '官渡区', 'county', 1983, NULL),
('530112', '西山区', 'county', 1983, NULL),
('530113', '东川区', 'county', 1998, NULL),
('530114', '呈贡区', 'county', 2011, NULL),
('530115', '晋宁区', 'county', 2016, NULL),
('530120', '市区', 'county', NULL, 1984),
('530121', '呈贡县', 'county', NULL, 2012),
('530122', '晋宁县', 'county', NULL, 2017),
('530123', '安宁县', 'county', NULL, 1996),
('530124', '富民县', 'county', NULL, NULL),
('530125', '宜良县', 'county', 1983, NULL),
('530126', '路南彝族自治县', 'county', 1983, 1998),
('530126', '石林彝族自治县', 'county', 1998, NULL),
('530127', '嵩明县', 'county', 1983, NULL),
('530128', '禄劝县', 'county', 1983, 1985),
('530128', '禄劝彝族苗族自治县', 'county', 1985, NULL),
('530129', '寻甸回族彝族自治县', 'county', 1998, NULL),
('530181', '安宁市', 'county', 1995, NULL),
('530200', '东川市', 'prefecture', NULL, 1999),
('530300', '曲靖市', 'prefecture', 1997, NULL),
('530301', '市辖区', 'county', 1997, NULL),
('530302', '麒麟区', 'county', 1997, NULL),
('530303', '沾益区', 'county', 2016, NULL),
('530304', '马龙区', 'county', 2018, NULL),
('530321', '马龙县', 'county', 1997, 2019),
('530322', '陆良县', 'county', 1997, NULL),
('530323', '师宗县', 'county', 1997, NULL),
('530324', '罗平县', 'county', 1997, NULL),
('530325', '富源县', 'county', 1997, NULL),
('530326', '会泽县', 'county', 1997, NULL),
('530327', '寻甸县', 'county', 1997, 1999),
('530328', '沾益县', 'county', 1997, 2017),
('530381', '宣威市', 'county', 1997, NULL),
('530400', '玉溪市', 'prefecture', 1997, NULL),
('530401', '市辖区', 'county', 1997, NULL),
('530402', '红塔区', 'county', 1997, NULL),
('530403', '江川区', 'county', 2015, NULL),
('530421', '江川县', 'county', 1997, 2016),
('530422', '澄江县', 'county', 1997, 2020),
('530423', '通海县', 'county', 1997, NULL),
('530424', '华宁县', 'county', 1997, NULL),
('530425', '易门县', 'county', 1997, NULL),
('530426', '峨山彝族自治县', 'county', 1997, NULL),
('530427', '新平彝族傣族自治县', 'county', 1997, NULL),
('530428', '元江哈尼族彝族傣族自治县', 'county', 1997, NULL),
('530481', '澄江市', 'county', 2019, NULL),
('530500', '保山市', 'prefecture', 2000, NULL),
('530501', '市辖区', 'county', 2000, NULL),
('530502', '隆阳区', 'county', 2000, NULL),
('530521', '施甸县', 'county', 2000, NULL),
('530522', '腾冲县', 'county', 2000, 2016),
('530523', '龙陵县', 'county', 2000, NULL),
('530524', '昌宁县', 'county', 2000, NULL),
('530581', '腾冲市', 'county', 2015, NULL),
('530600', '昭通市', 'prefecture', 2001, NULL),
('530601', '市辖区', 'county', 2001, NULL),
('530602', '昭阳区', 'county', 2001, NULL),
('530621', '鲁甸县', 'county', 2001, NULL),
('530622', '巧家县', 'county', 2001, NULL),
('530623', '盐津县', 'county', 2001, NULL),
('530624', '大关县', 'county', 2001, NULL),
('530625', '永善县', 'county', 2001, NULL),
('530626', '绥江县', 'county', 2001, NULL),
('530627', '镇雄县', 'county', 2001, NULL),
('530628', '彝良县', 'county', 2001, NULL),
('530629', '威信县', 'county', 2001, NULL),
('530630', '水富县', 'county', 2001, 2019),
('530681', '水富市', 'county', 2018, NULL),
('530700', '丽江市', 'prefecture', 2002, NULL),
('530701', '市辖区', 'county', 2002, NULL),
('530702', '古城区', 'county', 2002, NULL),
('530721', '玉龙纳西族自治县', 'county', 2002, NULL),
('530722', '永胜县', 'county', 2002, NULL),
('530723', '华坪县', 'county', 2002, NULL),
('530724', '宁蒗彝族自治县', 'county', 2002, NULL),
('530800', '思茅市', 'prefecture', 2003, 2007),
('530800', '普洱市', 'prefecture', 2007, NULL),
('530801', '市辖区', 'county', 2003, NULL),
('530802', '翠云区', 'county', 2003, 2007),
('530802', '思茅区', 'county', 2007, NULL),
('530821', '普洱哈尼族彝族自治县', 'county', 1985, 2007),
('530821', '宁洱哈尼族彝族自治县', 'county', 2007, NULL),
('530822', '墨江哈尼族自治县', 'county', 2003, NULL),
('530823', '景东彝族自治县', 'county', 2003, NULL),
('530824', '景谷傣族彝族自治县', 'county', 2003, NULL),
('530825', '镇沅彝族哈尼族拉祜族自治县', 'county', 2003, NULL),
('530826', '江城哈尼族彝族自治县', 'county', 2003, NULL),
('530827', '孟连傣族拉祜族佤族自治县', 'county', 2003, NULL),
('530828', '澜沧拉祜族自治县', 'county', 2003, NULL),
('530829', '西盟佤族自治县', 'county', 2003, NULL),
('530900', '临沧市', 'prefecture', 2003, NULL),
('530901', '市辖区', 'county', 2003, NULL),
('530902', '临翔区', 'county', 2003, NULL),
('530921', '凤庆县', 'county', 2003, NULL),
('530922', '云县', 'county', 2003, NULL),
('530923', '永德县', 'county', 2003, NULL),
('530924', '镇康县', 'county', 2003, NULL),
('530925', '双江拉祜族佤族布朗族傣族自治县', 'county', 2003, NULL),
('530926', '耿马傣族佤族自治县', 'county', 2003, NULL),
('530927', '沧源佤族自治县', 'county', 2003, NULL),
('532100', '昭通地区', 'prefecture', NULL, 2002),
('532101', '昭通市', 'county', NULL, 2002),
('532121', '昭通县', 'county', NULL, 1984),
('532122', '鲁甸县', 'county', NULL, 2002),
('532123', '巧家县', 'county', NULL, 2002),
('532124', '盐津县', 'county', NULL, 2002),
('532125', '大关县', 'county', NULL, 2002),
('532126', '永善县', 'county', NULL, 2002),
('532127', '绥江县', 'county', NULL, 2002),
('532128', '镇雄县', 'county', NULL, 2002),
('532129', '彝良县', 'county', NULL, 2002),
('532130', '威信县', 'county', NULL, 2002),
('532131', '水富县', 'county', NULL, 2002),
('532200', '曲靖地区', 'prefecture', NULL, 1998),
('532201', '曲靖市', 'county', 1983, 1998),
('532202', '宣威市', 'county', 1994, 1998),
('532221', '曲靖县', 'county', NULL, 1984),
('532222', '沾益县', 'county', NULL, 1984),
('532223', '马龙县', 'county', NULL, 1998),
('532224', '宣威县', 'county', NULL, 1995),
('532225', '富源县', 'county', NULL, 1998),
('532226', '罗平县', 'county', NULL, 1998),
('532227', '师宗县', 'county', NULL, 1998),
('532228', '陆良县', 'county', NULL, 1998),
('532229', '宜良县', 'county', NULL, 1984),
('532230', '路南彝族自治县', 'county', NULL, 1984),
('532231', '寻甸回族彝族自治县', 'county', NULL, 1998),
('532232', '嵩明县', 'county', NULL, 1984),
('532233', '会泽县', 'county', NULL, 1998),
('532300', '楚雄彝族自治州', 'prefecture', NULL, NULL),
('532301', '楚雄市', 'county', 1983, NULL),
('532302', '禄丰市', 'county', 2021, NULL),
('532321', '楚雄县', 'county', NULL, 1984),
('532322', '双柏县', 'county', NULL, NULL),
('532323', '牟定县', 'county', NULL, NULL),
('532324', '南华县', 'county', NULL, NULL),
('532325', '姚安县', 'county', NULL, NULL),
('532326', '大姚县', 'county', NULL, NULL),
('532327', '永仁县', 'county', NULL, NULL),
('532328', '元谋县', 'county', NULL, NULL),
('532329', '武定县', 'county', NULL, NULL),
('532330', '禄劝县', 'county', NULL, 1984),
('532331', '禄丰县', 'county', NULL, 2022),
('532400', '玉溪地区', 'prefecture', NULL, 1998),
('532401', '玉溪市', 'county', 1983, 1998),
('532421', '玉溪县', 'county', NULL, 1984),
('532422', '江川县', 'county', NULL, 1998),
('532423', '澄江县', 'county', NULL, 1998),
('532424', '通海县', 'county', NULL, 1998),
('532425', '华宁县', 'county', NULL, 1998),
('532426', '易门县', 'county', NULL, 1998),
('532427', '峨山彝族自治县', 'county', NULL, 1998),
('532428', '新平彝族傣族自治县', 'county', NULL, 1998),
('532429', '元江哈尼族彝族傣族自治县', 'county', NULL, 1998),
('532500', '红河哈尼族彝族自治州', 'prefecture', NULL, NULL),
('532501', '个旧市', 'county', NULL, NULL),
('532502', '开远市', 'county', 1981, NULL),
('532503', '蒙自市', 'county', 2010, NULL),
('532504', '弥勒市', 'county', 2013, NULL),
('532521', '开远县', 'county', NULL, 1982),
('532522', '蒙自县', 'county', NULL, 2011),
('532523', '屏边苗族自治县', 'county', NULL, NULL),
('532524', '建水县', 'county', NULL, NULL),
('532525', '石屏县', 'county', NULL, NULL),
('532526', '弥勒县', 'county', NULL, 2014),
('532527', '泸西县', 'county', NULL, NULL),
('532528', '元阳县', 'county', NULL, NULL),
('532529', '红河县', 'county', NULL, NULL),
('532530', '金平县', 'county', NULL, 1985),
('532530', '金平苗族瑶族傣族自治县', 'county', 1985, NULL),
('532531', '绿春县', 'county', NULL, NULL),
('532532', '河口瑶族自治县', 'county', NULL, NULL),
('532600', '文山壮族苗族自治州', 'prefecture', NULL, NULL),
('532601', '文山市', 'county', 2010, NULL),
('532621', '文山县', 'county', NULL, 2011),
('532622', '砚山县', 'county', NULL, NULL),
('532623', '西畴县', 'county', NULL, NULL),
('532624', '麻栗坡县', 'county', NULL, NULL),
('532625', '马关县', 'county', NULL, NULL),
('532626', '丘北县', 'county', NULL, NULL),
('532627', '广南县', 'county', NULL, NULL),
('532628', '富宁县', 'county', NULL, NULL),
('532700', '思茅地区', 'prefecture', NULL, 2004),
('532701', '思茅市', 'county', 1993, 2004),
('532721', '思茅县', 'county', NULL, 1994),
('532722', '普洱县', 'county', NULL, 1985),
('532722', '普洱哈尼族彝族自治县', 'county', 1985, 2007),
('532723', '墨江哈尼族自治县', 'county', NULL, 2004),
('532724', '景东县', 'county', NULL, 1985),
('532724', '景东彝族自治县', 'county', 1985, 2004),
('532725', '景谷县', 'county', NULL, 1985),
('532725', '景谷傣族彝族自治县', 'county', 1985, 2004),
('532726', '镇沅县', 'county', NULL, 1990),
('532726', '镇沅彝族哈尼族拉祜族自治县', 'county', 1990, 2004),
('532727', '江城哈尼族彝族自治县', 'county', NULL, 2004),
('532728', '孟连傣族拉祜族佤族自治县', 'county', NULL, 2004),
('532729', '澜沧拉祜族自治县', 'county', NULL, 2004),
('532730', '西盟佤族自治县', 'county', NULL, 2004),
('532800', '西双版纳傣族自治州', 'prefecture', NULL, NULL),
('532801', '景洪市', 'county', 1993, NULL),
('532821', '景洪县', 'county', NULL, 1994),
('532822', '勐海县', 'county', NULL, NULL),
('532823', '勐腊县', 'county', NULL, NULL),
('532900', '大理白族自治州', 'prefecture', NULL, NULL),
('532901', '下关市', 'county', 1983, 1983),
('532901', '大理市', 'county', 1983, NULL),
('532921', '大理县', 'county', NULL, 1984),
('532922', '漾濞县', 'county', NULL, 1985),
('532922', '漾濞彝族自治县', 'county', 1985, NULL),
('532923', '祥云县', 'county', NULL, NULL),
('532924', '宾川县', 'county', NULL, NULL),
('532925', '弥渡县', 'county', NULL, NULL),
('532926', '南涧彝族自治县', 'county', NULL, NULL),
('532927', '巍山彝族回族自治县', 'county', NULL, NULL),
('532928', '永平县', 'county', NULL, NULL),
('532929', '云龙县', 'county', NULL, NULL),
('532930', '洱源县', 'county', NULL, NULL),
('532931', '剑川县', 'county', NULL, NULL),
('532932', '鹤庆县', 'county', NULL, NULL),
('533000', '保山地区', 'prefecture', NULL, 2001),
('533001', '保山市', 'county', 1983, 2001),
('533021', '保山县', 'county', NULL, 1984),
('533022', '施甸县', 'county', NULL, 2001),
('533023', '腾冲县', 'county', NULL, 2001),
('533024', '龙陵县', 'county', NULL, 2001),
('533025', '昌宁县', 'county', NULL, 2001),
('533100', '德宏傣族景颇族自治州', 'prefecture', NULL, NULL),
('533101', '畹町市', 'county', 1985, 2000),
('533102', '瑞丽市', 'county', 1992, NULL),
('533103', '潞西市', 'county', 1996, 2010),
('533103', '芒市', 'county', 2010, NULL),
('533121', '潞西县', 'county', NULL, 1997),
('533122', '梁河县', 'county', NULL, NULL),
('533123', '盈江县', 'county', NULL, NULL),
('533124', '陇川县', 'county', NULL, NULL),
('533125', '瑞丽县', 'county', NULL, 1993),
('533126', '畹町镇', 'county', NULL, 1986),
('533200', '丽江地区', 'prefecture', NULL, 2003),
('533221', '丽江纳西族自治县', 'county', NULL, 2003),
('533222', '永胜县', 'county', NULL, 2003),
('533223', '华坪县', 'county', NULL, 2003),
('533224', '宁蒗彝族自治县', 'county', NULL, 2003),
('533300', '怒江傈僳族自治州', 'prefecture', NULL, NULL),
('533301', '泸水市', 'county', 2016, NULL),
('533321', '泸水县', 'county', NULL, 2017),
('533322', '碧江县', 'county', NULL, 1987),
('533323', '福贡县', 'county', NULL, NULL),
('533324', '贡山独龙族怒族自治县', 'county', NULL, NULL),
('533325', '兰坪县', 'county', NULL, 1987),
('533325', '兰坪白族普米族自治县', 'county', 1987, NULL),
('533400', '迪庆藏族自治州', 'prefecture', NULL, NULL),
('533401', '香格里拉市', 'county', 2014, NULL),
('533421', '中甸县', 'county', NULL, 2001),
('533421', '香格里拉县', 'county', 2001, 2014),
('533422', '德钦县', 'county', NULL, NULL),
('533423', '维西县', 'county', NULL, 1985),
('533423', '维西傈僳族自治县', 'county', 1985, NULL),
('533500', '临沧地区', 'prefecture', NULL, 2004),
('533521', '临沧县', 'county', NULL, 2004),
('533522', '凤庆县', 'county', NULL, 2004),
('533523', '云县', 'county', NULL, 2004),
('533524', '永德县', 'county', NULL, 2004),
('533525', '镇康县', 'county', NULL, 2004),
('533526', '双江县', 'county', NULL, 1985),
('533526', '双江拉祜族佤族布朗族傣族自治县', 'county', 1985, 2004),
('533527', '耿马傣族佤族自治县', 'county', NULL, 2004),
('533528', '沧源佤族自治县', 'county', NULL, 2004),
('540000', '西藏自治区', 'province', NULL, NULL),
('540100', '拉萨市', 'prefecture', NULL, NULL),
('540101', '市辖区', 'county', 1983, NULL),
('540102', '城关区', 'county', 1983, NULL),
('540103', '堆龙德庆区', 'county', 2015, NULL),
('540104', '达孜区', 'county', 2017, NULL),
('540120', '市区', 'county', NULL, 1984),
('540121', '林周县', 'county', NULL, NULL),
('540122', '当雄县', 'county', NULL, NULL),
('540123', '尼木县', 'county', NULL, NULL),
('540124', '曲水县', 'county', NULL, NULL),
('540125', '堆龙德庆县', 'county', NULL, 2016),
('540126', '达孜县', 'county', NULL, 2018),
('540127', '墨竹工卡县', 'county', NULL, NULL),
('540128', '工布江达县', 'county', NULL, 1984),
('540129', '林芝县', 'county', NULL, 1984),
('540130', '米林县', 'county', NULL, 1984),
('540131', '墨脱县', 'county', NULL, 1984),
('540200', '日喀则市', 'prefecture', 2014, NULL),
('540201', '市辖区', 'county', 2014, NULL),
('540202', '桑珠孜区', 'county', 2014, NULL),
('540221', '南木林县', 'county', 2014, NULL),
('540222', '江孜县', 'county', 2014, NULL),
('540223', '定日县', 'county', 2014, NULL),
('540224', '萨迦县', 'county', 2014, NULL),
('540225', '拉孜县', 'county', 2014, NULL),
('540226', '昂仁县', 'county', 2014, NULL),
('540227', '谢通门县', 'county', 2014, NULL),
('540228', '白朗县', 'county', 2014, NULL),
('540229', '仁布县', 'county', 2014, NULL),
('540230', '康马县', 'county', 2014, NULL),
('540231', '定结县', 'county', 2014, NULL),
('540232', '仲巴县', 'county', 2014, NULL),
('540233', '亚东县', 'county', 2014, NULL),
('540234', '吉隆县', 'county', 2014, NULL),
('540235', '聂拉木县', 'county', 2014, NULL),
('540236', '萨嘎县', 'county', 2014, NULL),
('540237', '岗巴县', 'county', 2014, NULL),
('540300', '昌都市', 'prefecture', 2014, NULL),
('540301', '市辖区', 'county', 2014, NULL),
('540302', '卡若区', 'county', 2014, NULL),
('540321', '江达县', 'county', 2014, NULL),
('540322', '贡觉县', 'county', 2014, NULL),
('540323', '类乌齐县', 'county', 2014, NULL),
('540324', '丁青县', 'county', 2014, NULL),
('540325', '察雅县', 'county', 2014, NULL),
('540326', '八宿县', 'county', 2014, NULL),
('540327', '左贡县', 'county', 2014, NULL),
('540328', '芒康县', 'county', 2014, NULL),
('540329', '洛隆县', 'county', 2014, NULL),
('540330', '边坝县', 'county', 2014, NULL),
('540400', '林芝市', 'prefecture', 2015, NULL),
('540401', '市辖区', 'county', 2015, NULL),
('540402', '巴宜区', 'county', 2015, NULL),
('540421', '工布江达县', 'county', 2015, NULL),
('540422', '米林县', 'county', 2015, 2024),
('540423', '墨脱县', 'county', 2015, NULL),
('540424', '波密县', 'county', 2015, NULL),
('540425', '察隅县', 'county', 2015, NULL),
('540426', '朗县', 'county', 2015, NULL),
('540481', '米林市', 'county', 2023, NULL),
('540500', '山南市', 'prefecture', 2016, NULL),
('540501', '市辖区', 'county', 2016, NULL),
('540502', '乃东区', 'county', 2016, NULL),
('540521', '扎囊县', 'county', 2016, NULL),
('540522', '贡嘎县', 'county', 2016, NULL),
('540523', '桑日县', 'county', 2016, NULL),
('540524', '琼结县', 'county', 2016, NULL),
('540525', '曲松县', 'county', 2016, NULL),
('540526', '措美县', 'county', 2016, NULL),
('540527', '洛扎县', 'county', 2016, NULL),
('540528', '加查县', 'county', 2016, NULL),
('540529', '隆子县', 'county', 2016, NULL),
('540530', '错那县', 'county', 2016, 2024),
('540531', '浪卡子县', 'county', 2016, NULL),
('540581', '错那市', 'county', 2023, NULL),
('540600', '那曲市', 'prefecture', 2017, NULL),
('540601', '市辖区', 'county', 2017, NULL),
('540602', '色尼区', 'county', 2017, NULL),
('540621', '嘉黎县', 'county', 2017, NULL),
('540622', '比如县', 'county', 2017, NULL),
('540623', '聂荣县', 'county', 2017, NULL),
('540624', '安多县', 'county', 2017, NULL),
('540625', '申扎县', 'county', 2017, NULL),
('540626', '索县', 'county', 2017, NULL),
('540627', '班戈县', 'county', 2017, NULL),
('540628', '巴青县', 'county', 2017, NULL),
('540629', '尼玛县', 'county', 2017, NULL),
('540630', '双湖县', 'county', 2017, NULL),
('542100', '昌都地区', 'prefecture', NULL, 2015),
('542121', '昌都县', 'county', NULL, 2015),
('542122', '江达县', 'county', NULL, 2015),
('542123', '贡觉县', 'county', NULL, 2015),
('542124', '类乌齐县', 'county', NULL, 2015),
('542125', '丁青县', 'county', NULL, 2015),
('542126', '察雅县', 'county', NULL, 2015),
('542127', '八宿县', 'county', NULL, 2015),
('542128', '左贡县', 'county', NULL, 2015),
('542129', '芒康县', 'county', NULL, 2015),
('542130', '波密县', 'county', NULL, 1984),
('542131', '察隅县', 'county', NULL, 1984),
('542132', '洛隆县', 'county', NULL, 2015),
('542133', '边坝县', 'county', NULL, 2015),
('542134', '盐井县', 'county', 1983, 2000),
('542135', '碧土县', 'county', 1983, 2000),
('542136', '妥坝县', 'county', 1983, 2000),
('542137', '生达县', 'county', 1983, 2000),
('542200', '山南地区', 'prefecture', NULL, 2017),
('542221', '乃东县', 'county', NULL, 2017),
('542222', '扎囊县', 'county', NULL, 2017),
('542223', '贡嘎县', 'county', NULL, 2017),
('542224', '桑日县', 'county', NULL, 2017),
('542225', '琼结县', 'county', NULL, 2017),
('542226', '曲松县', 'county', NULL, 2017),
('542227', '措美县', 'county', NULL, 2017),
('542228', '洛扎县', 'county', NULL, 2017),
('542229', '加查县', 'county', NULL, 2017),
('542230', '朗县', 'county', NULL, 1984),
('542231', '隆子县', 'county', NULL, 2017),
('542232', '错那县', 'county', NULL, 2017),
('542233', '浪卡子县', 'county', 1986, 2017),
('542300', '日喀则地区', 'prefecture', NULL, 2015),
('542301', '日喀则市', 'county', 1986, 2015),
('542321', '日喀则县', 'county', NULL, 1987),
('542322', '南木林县', 'county', NULL, 2015),
('542323', '江孜县', 'county', 1986, 2015),
('542324', '定日县', 'county', NULL, 2015),
('542325', '萨迦县', 'county', NULL, 2015),
('542326', '拉孜县', 'county', NULL, 2015),
('542327', '昂仁县', 'county', NULL, 2015),
('542328', '谢通门县', 'county', NULL, 2015),
('542329', '白朗县', 'county', 1986, 2015),
('542330', '仁布县', 'county', 1986, 2015),
('542331', '康马县', 'county', 1986, 2015),
('542332', '定结县', 'county', NULL, 2015),
('542333', '仲巴县', 'county', NULL, 2015),
('542334', '亚东县', 'county', 1986, 2015),
('542335', '吉隆县', 'county', NULL, 2015),
('542336', '聂拉木县', 'county', NULL, 2015),
('542337', '萨嘎县', 'county', NULL, 2015),
('542338', '岗巴县', 'county', 1986, 2015),
('542400', '那曲地区', 'prefecture', NULL, 2018),
('542421', '那曲县', 'county', NULL, 2018),
('542422', '嘉黎县', 'county', NULL, 2018),
('542423', '比如县', 'county', NULL, 2018),
('542424', '聂荣县', 'county', NULL, 2018),
('542425', '安多县', 'county', NULL, 2018),
('542426', '申扎县', 'county', NULL, 2018),
('542427', '索县', 'county', NULL, 2018),
('542428', '班戈县', 'county', NULL, 2018),
('542429', '巴青县', 'county', NULL, 2018),
('542430', '尼玛县', 'county', 1983, 2018),
('542431', '双湖县', 'county', 2012, 2018),
('542500', '阿里地区', 'prefecture', NULL, NULL),
('542521', '普兰县', 'county', NULL, NULL),
('542522', '札达县', 'county', NULL, NULL),
('542523', '噶尔县', 'county', NULL, NULL),
('542524', '日土县', 'county', NULL, NULL),
('542525', '革吉县', 'county', NULL, NULL),
('542526', '改则县', 'county', NULL, NULL),
('542527', '措勤县', 'county', NULL, NULL),
('542528', '隆格尔县', 'county', 1983, 2000),
('542600', '林芝地区', 'prefecture', 1983, 2016),
('542621', '林芝县', 'county', 1983, 2016),
('542622', '工布江达县', 'county', 1983, 2016),
('542623', '米林县', 'county', 1983, 2016),
('542624', '墨脱县', 'county', 1983, 2016),
('542625', '波密县', 'county', 1983, 2016),
('542626', '察隅县', 'county', 1983, 2016),
('542627', '朗县', 'county', 1983, 2016),
('542700', '江孜地区', 'prefecture', 1983, 1987),
('542721', '江孜县', 'county', 1983, 1987),
('542722', '浪卡子县', 'county', 1983, 1987),
('542723', '白朗县', 'county', 1983, 1987),
('542724', '仁布县', 'county', 1983, 1987),
('542725', '康马县', 'county', 1983, 1987),
('542726', '亚东县', 'county', 1983, 1987),
('542727', '岗巴县', 'county', 1983, 1987),
('610000', '陕西省', 'province', NULL, NULL),
('610100', '西安市', 'prefecture', NULL, NULL),
('610101', '市辖区', 'county', 1983, NULL),
('610102', '新城区', 'county', 1983, NULL),
('610103', '碑林区', 'county', 1983, NULL),
('610104', '莲湖区', 'county', 1983, NULL),
('610111', '灞桥区', 'county', 1983, NULL),
('610112', '未央区', 'county', 1983, NULL),
('610113', '雁塔区', 'county', 1983, NULL),
('610114', '阎良区', 'county', 1983, NULL),
('610115', '临潼区', 'county', 1997, NULL),
('610116', '长安区', 'county', 2002, NULL),
('610117', '高陵区', 'county', 2014, NULL),
('610118', '鄠邑区', 'county', 2016, NULL),
('610120', '市区', 'county', NULL, 1984),
('610121', '长安县', 'county', NULL, 2003),
('610122', '蓝田县', 'county', 1983, NULL),
('610123', '临潼县', 'county', 1983, 1998),
('610124', '周至县', 'county', 1983, NULL),
('610125', '户县', 'county', 1983, 2017),
('610126', '高陵县', 'county', 1983, 2015),
('610200', '铜川市', 'prefecture', NULL, NULL),
('610201', '市辖区', 'county', 1983, NULL),
('610202', '城区', 'county', 1983, 2000),
('610202', '王益区', 'county', 2000, NULL),
('610203', '郊区', 'county', 1983, 2000),
('610203', '印台区', 'county', 2000, NULL),
('610204', '耀州区', 'county', 2002, NULL),
('610220', '市区', 'county', NULL, 1984),
('610221', '耀县', 'county', NULL, 2003),
('610222', '宜君县', 'county', 1983, NULL),
('610300', '宝鸡市', 'prefecture', NULL, NULL),
('610301', '市辖区', 'county', 1983, NULL),
('610302', '渭滨区', 'county', 1983, NULL),
('610303', '金台区', 'county', 1983, NULL),
('610304', '陈仓区', 'county', 2003, NULL),
('610305', '凤翔区', 'county', 2021, NULL),
('610320', '市区', 'county', NULL, 1984),
('610321', '宝鸡县', 'county', NULL, 2004),
('610322', '凤翔县', 'county', NULL, 2022),
('610323', '岐山县', 'county', NULL, NULL),
('610324', '扶风县', 'county', NULL, NULL),
('610325', '武功县', 'county', NULL, 1984),
('610326', '眉县', 'county', NULL, NULL),
('610327', '陇县', 'county', NULL, NULL),
('610328', '千阳县', 'county', NULL, NULL),
('610329', '麟游县', 'county', NULL, NULL),
('610330', '凤县', 'county', NULL, NULL),
('610331', '太白县', 'county', NULL, NULL),
('610400', '咸阳市', 'prefecture', 1983, NULL),
('610401', '市辖区', 'county', 1983, NULL),
('610402', '秦都区', 'county', 1983, NULL),
('610403', '杨陵区', 'county', 1983, NULL),
('610404', '渭城区', 'county', 1986, NULL),
('610421', '兴平县', 'county', 1983, 1994),
('610422', '三原县', 'county', 1983, NULL),
('610423', '泾阳县', 'county', 1983, NULL),
('610424', '乾县', 'county', 1983, NULL),
('610425', '礼泉县', 'county', 1983, NULL),
('610426', '永寿县', 'county', 1983, NULL),
('610427', '彬县', 'county', 1983, 2019),
('610428', '长武县', 'county', 1983, NULL),
('610429', '旬邑县', 'county', 1983, NULL),
('610430', '淳化县', 'county', 1983, NULL),
('610431', '武功县', 'county', 1983, NULL),
('610481', '兴平市', 'county', 1993, NULL),
('610482', '彬州市', 'county', 2018, NULL),
('610500', '渭南市', 'prefecture', 1994, NULL),
('610501', '市辖区', 'county', 1994, NULL),
('610502', '临渭区', 'county', 1994, NULL),
('610503', '华州区', 'county', 2015, NULL),
('610521', '华县', 'county', 1994, 2016),
('610522', '潼关县', 'county', 1994, NULL),
('610523', '大荔县', 'county', 1994, NULL),
('610524', '合阳县', 'county', 1994, NULL),
('610525', '澄城县', 'county', 1994, NULL),
('610526', '蒲城县', 'county', 1994, NULL),
('610527', '白水县', 'county', 1994, NULL),
('610528', '富平县', 'county', 1994, NULL),
('610581', '韩城市', 'county', 1994, NULL),
('610582', '华阴市', 'county', 1994, NULL),
('610600', '延安市', 'prefecture', 1996, NULL),
('610601', '市辖区', 'county', 1996, NULL),
('610602', '宝塔区', 'county', 1996, NULL),
('610603', '安塞区', 'county', 2016, NULL),
('610621', '延长县', 'county', 1996, NULL),
('610622', '延川县', 'county', 1996, NULL),
('610623', '子长县', 'county', 1996, 2020),
('610624', '安塞县', 'county', 1996, 2017),
('610625', '志丹县', 'county', 1996, NULL),
('610626', '吴旗县', 'county', 1996, 2005),
('610626', '吴起县', 'county', 2005, NULL),
('610627', '甘泉县', 'county', 1996, NULL),
('610628', '富县', 'county', 1996, NULL),
('610629', '洛川县', 'county', 1996, NULL),
('610630', '宜川县', 'county', 1996, NULL),
('610631', '黄龙县', 'county', 1996, NULL),
('610632', '黄陵县', 'county', 1996, NULL),
('610681', '子长市', 'county', 2019, NULL),
('610700', '汉中市', 'prefecture', 1996, NULL),
('610701', '市辖区', 'county', 1996, NULL),
('610702', '汉台区', 'county', 1996, NULL),
('610703', '南郑区', 'county', 2017, NULL),
('610721', '南郑县', 'county', 1996, 2018),
('610722', '城固县', 'county', 1996, NULL),
('610723', '洋县', 'county', 1996, NULL),
('610724', '西乡县', 'county', 1996, NULL),
('610725', '勉县', 'county', 1996, NULL),
('610726', '宁强县', 'county', 1996, NULL),
('610727', '略阳县', 'county', 1996, NULL),
('610728', '镇巴县', 'county', 1996, NULL),
('610729', '留坝县', 'county', 1996, NULL),
('610730', '佛坪县', 'county', 1996, NULL),
('610800', '榆林市', 'prefecture', 1999, NULL),
('610801', '市辖区', 'county', 1999, NULL),
('610802', '榆阳区', 'county', 1999, NULL),
('610803', '横山区', 'county', 2015, NULL),
('610821', '神木县', 'county', 1999, 2018),
('610822', '府谷县', 'county', 1999, NULL),
('610823', '横山县', 'county', 1999, 2016),
('610824', '靖边县', 'county', 1999, NULL),
('610825', '定边县', 'county', 1999, NULL),
('610826', '绥德县', 'county', 1999, NULL),
('610827', '米脂县', 'county', 1999, NULL),
('610828', '佳县', 'county', 1999, NULL),
('610829', '吴堡县', 'county', 1999, NULL),
('610830', '清涧县', 'county', 1999, NULL),
('610831', '子洲县', 'county', 1999, NULL),
('610881', '神木市', 'county', 2017, NULL),
('610900', '安康市', 'prefecture', 2000, NULL),
('610901', '市辖区', 'county', 2000, NULL),
('610902', '汉滨区', 'county', 2000, NULL),
('610921', '汉阴县', 'county', 2000, NULL),
('610922', '石泉县', 'county', 2000, NULL),
('610923', '宁陕县', 'county', 2000, NULL),
('610924', '紫阳县', 'county', 2000, NULL),
('610925', '岚皋县', 'county', 2000, NULL),
('610926', '平利县', 'county', 2000, NULL),
('610927', '镇坪县', 'county', 2000, NULL),
('610928', '旬阳县', 'county', 2000, 2022),
('610929', '白河县', 'county', 2000, NULL),
('610981', '旬阳市', 'county', 2021, NULL),
('611000', '商洛市', 'prefecture', 2001, NULL),
('611001', '市辖区', 'county', 2001, NULL),
('611002', '商州区', 'county', 2001, NULL),
('611021', '洛南县', 'county', 2001, NULL),
('611022', '丹凤县', 'county', 2001, NULL),
('611023', '商南县', 'county', 2001, NULL),
('611024', '山阳县', 'county', 2001, NULL),
('611025', '镇安县', 'county', 2001, NULL),
('611026', '柞水县', 'county', 2001, NULL),
('612100', '渭南地区', 'prefecture', NULL, 1995),
('612101', '渭南市', 'county', 1983, 1995),
('612102', '韩城市', 'county', 1983, 1995),
('612103', '华阴市', 'county', 1990, 1995),
('612121', '蓝田县', 'county', NULL, 1984),
('612122', '临潼县', 'county', NULL, 1984),
('612123', '渭南县', 'county', NULL, 1984),
('612124', '华县', 'county', NULL, 1995),
('612125', '华阴县', 'county', NULL, 1991),
('612126', '潼关县', 'county', NULL, 1995),
('612127', '大荔县', 'county', NULL, 1995),
('612128', '蒲城县', 'county', NULL, 1995),
('612129', '澄城县', 'county', NULL, 1995),
('612130', '白水县', 'county', NULL, 1995),
('612131', '韩城县', 'county', NULL, 1984),
('612132', '合阳县', 'county', NULL, 1995),
('612133', '富平县', 'county', NULL, 1995),
('612200', '咸阳地区', 'prefecture', NULL, 1984),
('612201', '咸阳市', 'county', NULL, 1984),
('612221', '兴平县', 'county', NULL, 1984),
('612222', '周至县', 'county', NULL, 1984),
('612223', '户县', 'county', NULL, 1984),
('612224', '三原县', 'county', NULL, 1984),
('612225', '泾阳县', 'county', NULL, 1984),
('612226', '高陵县', 'county', NULL, 1984),
('612227', '乾县', 'county', NULL, 1984),
('612228', '礼泉县', 'county', NULL, 1984),
('612229', '永寿县', 'county', NULL, 1984),
('612230', '彬县', 'county', NULL, 1984),
('612231', '长武县', 'county', NULL, 1984),
('612232', '旬邑县', 'county', NULL, 1984),
('612233', '淳化县', 'county', NULL, 1984),
('612300', '汉中地区', 'prefecture', NULL, 1997),
('612301', '汉中市', 'county', NULL, 1997),
('612321', '南郑县', 'county', NULL, 1997),
('612322', '城固县', 'county', NULL, 1997),
('612323', '洋县', 'county', NULL, 1997),
('612324', '西乡县', 'county', NULL, 1997),
('612325', '勉县', 'county', NULL, 1997),
('612326', '宁强县', 'county', NULL, 1997),
('612327', '略阳县', 'county', NULL, 1997),
('612328', '镇巴县', 'county', NULL, 1997),
('612329', '留坝县', 'county', NULL, 1997),
('612330', '佛坪县', 'county', NULL, 1997),
('612400', '安康地区', 'prefecture', NULL, 2001),
('612401', '安康市', 'county', 1988, 2001),
('612421', '安康县', 'county', NULL, 1989),
('612422', '汉阴县', 'county', NULL, 2001),
('612423', '石泉县', 'county', NULL, 2001),
('612424', '宁陕县', 'county', NULL, 2001),
('612425', '紫阳县', 'county', NULL, 2001),
('612426', '岚皋县', 'county', NULL, 2001),
('612427', '平利县', 'county', NULL, 2001),
('612428', '镇坪县', 'county', NULL, 2001),
('612429', '旬阳县', 'county', NULL, 2001),
('612430', '白河县', 'county', NULL, 2001),
('612500', '商洛地区', 'prefecture', NULL, 2002),
('612501', '商州市', 'county', 1988, 2002),
('612521', '商县', 'county', NULL, 1989),
('612522', '洛南县', 'county', NULL, 2002),
('612523', '丹凤县', 'county', NULL, 2002),
('612524', '商南县', 'county', NULL, 2002),
('612525', '山阳县', 'county', NULL, 2002),
('612526', '镇安县', 'county', NULL, 2002),
('612527', '柞水县', 'county', NULL, 2002),
('612600', '延安地区', 'prefecture', NULL, 1997),
('612601', '延安市', 'county', NULL, 1997),
('612621', '延长县', 'county', NULL, 1997),
('612622', '延川县', 'county', NULL, 1997),
('612623', '子长县', 'county', NULL, 1997),
('612624', '安塞县', 'county', NULL, 1997),
('612625', '志丹县', 'county', NULL, 1997),
('612626', '吴旗县', 'county', NULL, 1997),
('612627', '甘泉县', 'county', NULL, 1997),
('612628', '富县', 'county', NULL, 1997),
('612629', '洛川县', 'county', NULL, 1997),
('612630', '宜川县', 'county', NULL, 1997),
('612631', '黄龙县', 'county', NULL, 1997),
('612632', '黄陵县', 'county', NULL, 1997),
('612633', '宜君县', 'county', NULL, 1984),
('612700', '榆林地区', 'prefecture', NULL, 2000),
('612701', '榆林市', 'county', 1988, 2000),
('612721', '榆林县', 'county', NULL, 1989),
('612722', '神木县', 'county', NULL, 2000),
('612723', '府谷县', 'county', NULL, 2000),
('612724', '横山县', 'county', NULL, 2000),
('612725', '靖边县', 'county', NULL, 2000),
('612726', '定边县', 'county', NULL, 2000),
('612727', '绥德县', 'county', NULL, 2000),
('612728', '米脂县', 'county', NULL, 2000),
('612729', '佳县', 'county', NULL, 2000),
('612730', '吴堡县', 'county', NULL, 2000),
('612731', '清涧县', 'county', NULL, 2000),
('612732', '子洲县', 'county', NULL, 2000),
('620000', '甘肃省', 'province', NULL, NULL),
('620100', '兰州市', 'prefecture', NULL, NULL),
('620101', '市辖区', 'county', 1983, NULL),
('620102', '城关区', 'county', 1983, NULL),
('620103', '七里河区', 'county', 1983, NULL),
('620104', '西固区', 'county', 1983, NULL),
('620105', '安宁区', 'county', 1983, NULL),
('620111', '红古区', 'county', 1983, NULL),
('620112', '白银区', 'county', 1983, 1986),
('620120', '市区', 'county', NULL, 1984),
('620121', '永登县', 'county', NULL, NULL),
('620122', '皋兰县', 'county', NULL, NULL),
('620123', '榆中县', 'county', NULL, NULL),
('620200', '嘉峪关市', 'prefecture', NULL, NULL),
('620300', '金昌市', 'prefecture', 1981, NULL),
('620301', '市辖区', 'county', 1984, NULL),
('620302', '金川区', 'county', 1984, NULL),
('620320', '市区', 'county', 1981, 1985),
('620321', '永昌县', 'county', 1981, NULL),
('620400', '白银市', 'prefecture', 1985, NULL),
('620401', '市辖区', 'county', 1985, NULL),
('620402', '白银区', 'county', 1985, NULL),
('620403', '平川区', 'county', 1985, NULL),
('620421', '靖远县', 'county', 1985, NULL),
('620422', '会宁县', 'county', 1985, NULL),
('620423', '景泰县', 'county', 1985, NULL),
('620500', '天水市', 'prefecture', 1985, NULL),
('620501', '市辖区', 'county', 1985, NULL),
('620502', '秦城区', 'county', 1985, 2004),
('620502', '秦州区', 'county', 2004, NULL),
('620503', '北道区', 'county', 1985, 2004),
('620503', '麦积区', 'county', 2004, NULL),
('620521', '清水县', 'county', 1985, NULL),
('620522', '秦安县', 'county', 1985, NULL),
('620523', '甘谷县', 'county', 1985, NULL),
('620524', '武山县', 'county', 1985, NULL),
('620525', '张家川回族自治县', 'county', 1985, NULL),
('620600', '武威市', 'prefecture', 2001, NULL),
('620601', '市辖区', 'county', 2001, NULL),
('620602', '凉州区', 'county', 2001, NULL),
('620621', '民勤县', 'county', 2001, NULL),
('620622', '古浪县', 'county', 2001, NULL),
('620623', '天祝藏族自治县', 'county', 2001, NULL),
('620700', '张掖市', 'prefecture', 2002, NULL),
('620701', '市辖区', 'county', 2002, NULL),
('620702', '甘州区', 'county', 2002, NULL),
('620721', '肃南裕固族自治县', 'county', 2002, NULL),
('620722', '民乐县', 'county', 2002, NULL),
('620723', '临泽县', 'county', 2002, NULL),
('620724', '高台县', 'county', 2002, NULL),
('620725', '山丹县', 'county', 2002, NULL),
('620800', '平凉市', 'prefecture', 2002, NULL),
('620801', '市辖区', 'county', 2002, NULL),
('620802', '崆峒区', 'county', 2002, NULL),
('620821', '泾川县', 'county', 2002, NULL),
('620822', '灵台县', 'county', 2002, NULL),
('620823', '崇信县', 'county', 2002, NULL),
('620824', '华亭县', 'county', 2002, 2019),
('620825', '庄浪县', 'county', 2002, NULL),
('620826', '静宁县', 'county', 2002, NULL),
('620881', '华亭市', 'county', 2018, NULL),
('620900', '酒泉市', 'prefecture', 2002, NULL),
('620901', '市辖区', 'county', 2002, NULL),
('620902', '肃州区', 'county', 2002, NULL),
('620921', '金塔县', 'county', 2002, NULL),
('620922', '安西县', 'county', 2002, 2006),
('620922', '瓜州县', 'county', 2006, NULL),
('620923', '肃北蒙古族自治县', 'county', 2002, NULL),
('620924', '阿克塞哈萨克族自治县', 'county', 2002, NULL),
('620981', '玉门市', 'county', 2002, NULL),
('620982', '敦煌市', 'county', 2002, NULL),
('621000', '庆阳市', 'prefecture', 2002, NULL),
('621001', '市辖区', 'county', 2002, NULL),
('621002', '西峰区', 'county', 2002, NULL),
('621021', '庆城县', 'county', 2002, NULL),
('621022', '环县', 'county', 2002, NULL),
('621023', '华池县', 'county', 2002, NULL),
('621024', '合水县', 'county', 2002, NULL),
('621025', '正宁县', 'county', 2002, NULL),
('621026', '宁县', 'county', 2002, NULL),
('621027', '镇原县', 'county', 2002, NULL),
('621100', '定西市', 'prefecture', 2003, NULL),
('621101', '市辖区', 'county', 2003, NULL),
('621102', '安定区', 'county', 2003, NULL),
('621121', '通渭县', 'county', 2003, NULL),
('621122', '陇西县', 'county', 2003, NULL),
('621123', '渭源县', 'county', 2003, NULL),
('621124', '临洮县', 'county', 2003, NULL),
('621125', '漳县', 'county', 2003, NULL),
('621126', '岷县', 'county', 2003, NULL),
('621200', '陇南市', 'prefecture', 2004, NULL),
('621201', '市辖区', 'county', 2004, NULL),
('621202', '武都区', 'county', 2004, NULL),
('621221', '成县', 'county', 2004, NULL),
('621222', '文县', 'county', 2004, NULL),
('621223', '宕昌县', 'county', 2004, NULL),
('621224', '康县', 'county', 2004, NULL),
('621225', '西和县', 'county', 2004, NULL),
('621226', '礼县', 'county', 2004, NULL),
('621227', '徽县', 'county', 2004, NULL),
('621228', '两当县', 'county', 2004, NULL),
('622100', '酒泉地区', 'prefecture', NULL, 2003),
('622101', '玉门市', 'county', NULL, 2003),
('622102', '酒泉市', 'county', 1985, 2003),
('622103', '敦煌市', 'county', 1987, 2003),
('622121', '酒泉县', 'county', NULL, 1986),
('622122', '敦煌县', 'county', NULL, 1988),
('622123', '金塔县', 'county', NULL, 2003),
('622124', '肃北蒙古族自治县', 'county', NULL, 2003),
('622125', '阿克塞哈萨克族自治县', 'county', NULL, 2003),
('622126', '安西县', 'county', NULL, 2003),
('622200', '张掖地区', 'prefecture', NULL, 2003),
('622201', '张掖市', 'county', 1985, 2003),
('622221', '张掖县', 'county', NULL, 1986),
('622222', '肃南裕固族自治县', 'county', NULL, 2003),
('622223', '民乐县', 'county', NULL, 2003),
('622224', '临泽县', 'county', NULL, 2003),
('622225', '高台县', 'county', NULL, 2003),
('622226', '山丹县', 'county', NULL, 2003),
('622300', '武威地区', 'prefecture', NULL, 2002),
('622301', '武威市', 'county', 1985, 2002),
('622321', '武威县', 'county', NULL, 1986),
('622322', '民勤县', 'county', NULL, 2002),
('622323', '古浪县', 'county', NULL, 2002),
('622324', '景泰县', 'county', NULL, 1986),
('622325', '永昌县', 'county', NULL, 1982),
('622326', '天祝藏族自治县', 'county', NULL, 2002),
('622400', '定西地区', 'prefecture', NULL, 2004),
('622421', '定西县', 'county', NULL, 2004),
('622422', '靖远县', 'county', NULL, 1986),
('622423', '会宁县', 'county', NULL, 1986),
('622424', '通渭县', 'county', NULL, 2004),
('622425', '陇西县', 'county', NULL, 2004),
('622426', '渭源县', 'county', NULL, 2004),
('622427', '临洮县', 'county', NULL, 2004),
('622428', '漳县', 'county', 1985, 2004),
('622429', '岷县', 'county', 1985, 2004),
('622500', '天水地区', 'prefecture', NULL, 1986),
('622501', '天水市', 'county', NULL, 1986),
('622521', '张家川回族自治县', 'county', NULL, 1986),
('622522', '天水县', 'county', NULL, 1986),
('622523', '清水县', 'county', NULL, 1986),
('622524', '徽县', 'county', NULL, 1986),
('622525', '两当县', 'county', NULL, 1986),
('622526', '礼县', 'county', NULL, 1986),
('622527', '西和县', 'county', NULL, 1986),
('622528', '武山县', 'county', NULL, 1986),
('622529', '甘谷县', 'county', NULL, 1986),
('622530', '秦安县', 'county', NULL, 1986),
('622531', '漳县', 'county', NULL, 1986),
('622600', '武都地区', 'prefecture', NULL, 1985),
('622600', '陇南地区', 'prefecture', 1985, 2004),
('622621', '武都县', 'county', NULL, 2005),
('622622', '岷县', 'county', NULL, 1986),
('622623', '宕昌县', 'county', NULL, 2005),
('622624', '成县', 'county', NULL, 2005),
('622625', '康县', 'county', NULL, 2005),
('622626', '文县', 'county', NULL, 2005),
('622627', '西和县', 'county', 1985, 2005),
('622628', '礼县', 'county', 1985, 2005),
('622629', '两当县', 'county', 1985, 2005),
('622630', '徽县', 'county', 1985, 2005),
('622700', '平凉地区', 'prefecture', NULL, 2003),
('622701', '平凉市', 'county', 1983, 2003),
('622721', '平凉县', 'county', NULL, 1984),
('622722', '泾川县', 'county', NULL, 2003),
('622723', '灵台县', 'county', NULL, 2003),
('622724', '崇信县', 'county', NULL, 2003),
('622725', '华亭县', 'county', NULL, 2003),
('622726', '庄浪县', 'county', NULL, 2003),
('622727', '静宁县', 'county', NULL, 2003),
('622800', '庆阳地区', 'prefecture', NULL, 2003),
('622801', '西峰市', 'county', 1985, 2003),
('622821', '庆阳县', 'county', NULL, 2003),
('622822', '环县', 'county', NULL, 2003),
('622823', '华池县', 'county', NULL, 2003),
('622824', '合水县', 'county', NULL, 2003),
('622825', '正宁县', 'county', NULL, 2003),
('622826', '宁县', 'county', NULL, 2003),
('622827', '镇原县', 'county', NULL, 2003),
('622900', '临夏回族自治州', 'prefecture', NULL, NULL),
('622901', '临夏市', 'county', 1983, NULL),
('622921', '临夏县', 'county', NULL, NULL),
('622922', '康乐县', 'county', NULL, NULL),
('622923', '永靖县', 'county', NULL, NULL),
('622924', '广河县', 'county', NULL, NULL),
('622925', '和政县', 'county', NULL, NULL),
('622926', '东乡族自治县', 'county', NULL, NULL),
('622927', '积石山保安族东乡族撒拉族自治县', 'county', NULL, NULL),
('623000', '甘南藏族自治州', 'prefecture', NULL, NULL),
('623001', '合作市', 'county', 1996, NULL),
('623021', '临潭县', 'county', NULL, NULL),
('623022', '卓尼县', 'county', NULL, NULL),
('623023', '舟曲县', 'county', NULL, NULL),
('623024', '迭部县', 'county', NULL, NULL),
('623025', '玛曲县', 'county', NULL, NULL),
('623026', '碌曲县', 'county', NULL, NULL),
('623027', '夏河县', 'county', NULL, NULL),
('630000', '青海省', 'province', NULL, NULL),
('630100', '西宁市', 'prefecture', NULL, NULL),
('630101', '市辖区', 'county', 1983, NULL),
('630102', '城东区', 'county', 1983, NULL),
('630103', '城中区', 'county', 1983, NULL),
('630104', '城西区', 'county', 1983, NULL),
('630105', '城北区', 'county', 1986, NULL),
('630106', '湟中区', 'county', 2019, NULL),
('630111', '郊区', 'county', 1983, 1987),
('630120', '市区', 'county', NULL, 1984),
('630121', '大通县', 'county', NULL, 1985),
('630121', '大通回族土族自治县', 'county', 1985, NULL),
('630122', '湟中县', 'county', 1999, 2020),
('630123', '湟源县', 'county', 1999, NULL),
('630200', '海东市', 'prefecture', 2013, NULL),
('630201', '市辖区', 'county', 2013, NULL),
('630202', '乐都区', 'county', 2013, NULL),
('630203', '平安区', 'county', 2015, NULL),
('630221', '平安县', 'county', 2013, 2016),
('630222', '民和回族土族自治县', 'county', 2013, NULL),
('630223', '互助土族自治县', 'county', 2013, NULL),
('630224', '化隆回族自治县', 'county', 2013, NULL),
('630225', '循化撒拉族自治县', 'county', 2013, NULL),
('632100', '海东地区', 'prefecture', NULL, 2014),
('632121', '平安县', 'county', NULL, 2014),
('632122', '民和县', 'county', NULL, 1985),
('632122', '民和回族土族自治县', 'county', 1985, 2014),
('632123', '乐都县', 'county', NULL, 2014),
('632124', '湟中县', 'county', NULL, 2000),
('632125', '湟源县', 'county', NULL, 2000),
('632126', '互助土族自治县', 'county', NULL, 2014),
('632127', '化隆回族自治县', 'county', NULL, 2014),
('632128', '循化撒拉族自治县', 'county', NULL, 2014),
('632200', '海北藏族自治州', 'prefecture', NULL, NULL),
('632221', '门源回族自治县', 'county', NULL, NULL),
('632222', '祁连县', 'county', NULL, NULL),
('632223', '海晏县', 'county', NULL, NULL),
('632224', '刚察县', 'county', NULL, NULL),
('632300', '黄南藏族自治州', 'prefecture', NULL, NULL),
('632301', '同仁市', 'county', 2020, NULL),
('632321', '同仁县', 'county', NULL, 2021),
('632322', '尖扎县', 'county', NULL, NULL),
('632323', '泽库县', 'county', NULL, NULL),
('632324', '河南蒙古族自治县', 'county', 1988, NULL),
('632400', '省直辖行政单位', 'prefecture', NULL, 1989),
('632421', '河南蒙古族自治县', 'county', NULL, 1989),
('632500', '海南藏族自治州', 'prefecture', NULL, NULL),
('632521', '共和县', 'county', NULL, NULL),
('632522', '同德县', 'county', NULL, NULL),
('632523', '贵德县', 'county', NULL, NULL),
('632524', '兴海县', 'county', NULL, NULL),
('632525', '贵南县', 'county', NULL, NULL),
('632600', '果洛藏族自治州', 'prefecture', NULL, NULL),
('632621', '玛沁县', 'county', NULL, NULL),
('632622', '班玛县', 'county', NULL, NULL),
('632623', '甘德县', 'county', NULL, NULL),
('632624', '达日县', 'county', NULL, NULL),
('632625', '久治县', 'county', NULL, NULL),
('632626', '玛多县', 'county', NULL, NULL),
('632700', '玉树藏族自治州', 'prefecture', NULL, NULL),
('632701', '玉树市', 'county', 2013, NULL),
('632721', '玉树县', 'county', NULL, 2014),
('632722', '杂多县', 'county', NULL, NULL),
('632723', '称多县', 'county', NULL, NULL),
('632724', '治多县', 'county', NULL, NULL),
('632725', '囊谦县', 'county', NULL, NULL),
('632726', '曲麻莱县', 'county', NULL, NULL),
('632800', '海西蒙古族藏族哈萨克族自治州', 'prefecture', NULL, 1985),
('632800', '海西蒙古族藏族自治州', 'prefecture', 1985, NULL),
('632801', '格尔木市', 'county', NULL, NULL),
('632802', '德令哈市', 'county', 1988, NULL),
('632803', '茫崖市', 'county', 2018, NULL),
('632821', '乌兰县', 'county', NULL, NULL),
('632822', '都兰县', 'county', NULL, NULL),
('632823', '天峻县', 'county', NULL, NULL),
('632858', '冷湖行政委員會', 'county', 1992, 2019),
('632859', '茫崖行政委員會', 'county', 1984, 2019),
('640000', '宁夏回族自治区', 'province', NULL, NULL),
('640100', '银川市', 'prefecture', NULL, NULL),
('640101', '市辖区', 'county', 1983, NULL),
('640102', '城区', 'county', 1983, 2003),
('640103', '新城区', 'county', 1983, 2003),
('640104', '兴庆区', 'county', 2002, NULL),
('640105', '西夏区', 'county', 2002, NULL),
('640106', '金凤区', 'county', 2002, NULL),
('640111', '郊区', 'county', 1983, 2003),
('640120', '市区', 'county', NULL, 1984),
('640121', '永宁县', 'county', NULL, NULL),
('640122', '贺兰县', 'county', NULL, NULL),
('640181', '灵武市', 'county', 2002, NULL),
('640200', '石嘴山市', 'prefecture', NULL, NULL),
('640201', '市辖区', 'county', 1983, NULL),
('640202', '大武口区', 'county', 1983, NULL),
('640203', '石嘴山区', 'county', 1983, 2004),
('640204', '石炭井区', 'county', 1983, 2003),
('640205', '惠农区', 'county', 2003, NULL),
('640211', '郊区', 'county', 1983, 1988),
('640220', '市区', 'county', NULL, 1984),
('640221', '平罗县', 'county', NULL, NULL),
('640222', '陶乐县', 'county', NULL, 2004),
('640223', '惠农县', 'county', 1987, 2004),
('640300', '吴忠市', 'prefecture', 1998, NULL),
('640301', '市辖区', 'county', 1998, NULL),
('640302', '利通区', 'county', 1998, NULL),
('640303', '红寺堡区', 'county', 2009, NULL),
('640321', '中卫县', 'county', 1998, 2004),
('640322', '中宁县', 'county', 1998, 2004),
('640323', '盐池县', 'county', 1998, NULL),
('640324', '同心县', 'county', 1998, NULL),
('640381', '青铜峡市', 'county', 1998, NULL),
('640382', '灵武市', 'county', 1998, 2003),
('640400', '固原市', 'prefecture', 2001, NULL),
('640401', '市辖区', 'county', 2001, NULL),
('640402', '原州区', 'county', 2001, NULL),
('640421', '海原县', 'county', 2001, 2004),
('640422', '西吉县', 'county', 2001, NULL),
('640423', '隆德县', 'county', 2001, NULL),
('640424', '泾源县', 'county', 2001, NULL),
('640425', '彭阳县', 'county', 2001, NULL),
('640500', '中卫市', 'prefecture', 2003, NULL),
('640501', '市辖区', 'county', 2003, NULL),
('640502', '沙坡头区', 'county', 2003, NULL),
('640521', '中宁县', 'county', 2003, NULL),
('640522', '海原县', 'county', 2003, NULL),
('642100', '银南地区', 'prefecture', NULL, 1999),
('642101', '吴忠市', 'county', 1983, 1999),
('642102', '青铜峡市', 'county', 1984, 1999),
('642103', '灵武市', 'county', 1996, 1999),
('642121', '吴忠县', 'county', NULL, 1984),
('642122', '青铜峡县', 'county', NULL, 1985),
('642123', '中卫县', 'county', NULL, 1999),
('642124', '中宁县', 'county', NULL, 1999),
('642125', '灵武县', 'county', NULL, 1997),
('642126', '盐池县', 'county', NULL, 1999),
('642127', '同心县', 'county', NULL, 1999),
('642200', '固原地区', 'prefecture', NULL, 2002),
('642221', '固原县', 'county', NULL, 2002),
('642222', '海原县', 'county', NULL, 2002),
('642223', '西吉县', 'county', NULL, 2002),
('642224', '隆德县', 'county', NULL, 2002),
('642225', '泾源县', 'county', NULL, 2002),
('642226', '彭阳县', 'county', NULL, 2002),
('650000', '新疆维吾尔自治区', 'province', NULL, NULL),
('650100', '乌鲁木齐市', 'prefecture', NULL, NULL),
('650101', '市辖区', 'county', 1983, NULL),
('650102', '天山区', 'county', 1983, NULL),
('650103', '沙依巴克区', 'county', 1983, NULL),
('650104', '新市区', 'county', 1983, NULL),
('650105', '水磨沟区', 'county', 1983, NULL),
('650106', '头屯河区', 'county', 1983, NULL),
('650107', '南山矿区', 'county', 1983, 1999),
('650107', '南泉区', 'county', 1999, 2002),
('650107', '达坂城区', 'county', 2002, NULL),
('650108', '东山区', 'county', 1987, 2008),
('650109', '米东区', 'county', 2007, NULL),
('650120', '市区', 'county', NULL, 1984),
('650121', '乌鲁木齐县', 'county', NULL, NULL),
('650200', '克拉玛依市', 'prefecture', NULL, NULL),
('650201', '市辖区', 'county', 1983, NULL),
('650202', '独山子区', 'county', 1983, NULL),
('650203', '克拉玛依区', 'county', 1983, NULL),
('650204', '白碱滩区', 'county', 1983, NULL),
('650205', '乌尔禾区', 'county', 1983, NULL),
('650300', '石河子市', 'prefecture', NULL, 1987),
('650400', '吐鲁番市', 'prefecture', 2015, NULL),
('650401', '市辖区', 'county', 2015, NULL),
('650402', '高昌区', 'county', 2015, NULL),
('650421', '鄯善县', 'county', 2015, NULL),
('650422', '托克逊县', 'county', 2015, NULL),
('650500', '哈密市', 'prefecture', 2016, NULL),
('650501', '市辖区', 'county', 2016, NULL),
('650502', '伊州区', 'county', 2016, NULL),
('650521', '巴里坤哈萨克自治县', 'county', 2016, NULL),
('650522', '伊吾县', 'county', 2016, NULL),
('652100', '吐鲁番地区', 'prefecture', NULL, 2016),
('652101', '吐鲁番市', 'county', 1984, 2016),
('652121', '吐鲁番县', 'county', NULL, 1985),
('652122', '鄯善县', 'county', NULL, 2016),
('652123', '托克逊县', 'county', NULL, 2016),
('652200', '哈密地区', 'prefecture', NULL, 2017),
('652201', '哈密市', 'county', NULL, 2017),
('652221', '哈密县', 'county', NULL, 1984),
('652222', '巴里坤哈萨克自治县', 'county', NULL, 2017),
('652223', '伊吾县', 'county', NULL, 2017),
('652300', '昌吉回族自治州', 'prefecture', NULL, NULL),
('652301', '昌吉市', 'county', 1983, NULL),
('652302', '阜康市', 'county', 1992, NULL),
('652303', '米泉市', 'county', 1996, 2008),
('652321', '昌吉县', 'county', NULL, 1984),
('652322', '米泉县', 'county', NULL, 1997),
('652323', '呼图壁县', 'county', NULL, NULL),
('652324', '玛纳斯县', 'county', NULL, NULL),
('652325', '奇台县', 'county', NULL, NULL),
('652326', '阜康县', 'county', NULL, 1993),
('652327', '吉木萨尔县', 'county', NULL, NULL),
('652328', '木垒哈萨克自治县', 'county', NULL, NULL),
('652400', '伊犁哈萨克自治州', 'prefecture', NULL, 1985),
('652401', '伊宁市', 'county', NULL, 1985),
('652402', '奎屯市', 'county', NULL, 1985),
('652421', '伊宁县', 'county', NULL, 1985),
('652422', '察布查尔锡伯自治县', 'county', NULL, 1985),
('652423', '霍城县', 'county', NULL, 1985),
('652424', '巩留县', 'county', NULL, 1985),
('652425', '新源县', 'county', NULL, 1985),
('652426', '昭苏县', 'county', NULL, 1985),
('652427', '特克斯县', 'county', NULL, 1985),
('652428', '尼勒克县', 'county', NULL, 1985),
('652500', '塔城地区', 'prefecture', NULL, 1985),
('652521', '塔城县', 'county', NULL, 1985),
('652522', '额敏县', 'county', NULL, 1985),
('652523', '乌苏县', 'county', NULL, 1985),
('652524', '沙湾县', 'county', NULL, 1985),
('652525', '托里县', 'county', NULL, 1985),
('652526', '裕民县', 'county', NULL, 1985),
('652527', '和布克赛尔蒙古自治县', 'county', NULL, 1985),
('652600', '阿勒泰地区', 'prefecture', NULL, 1985),
('652621', '阿勒泰县', 'county', NULL, 1985),
('652622', '布尔津县', 'county', NULL, 1985),
('652623', '富蕴县', 'county', NULL, 1985),
('652624', '福海县', 'county', NULL, 1985),
('652625', '哈巴河县', 'county', NULL, 1985),
('652626', '青河县', 'county', NULL, 1985),
('652627', '吉木乃县', 'county', NULL, 1985),
('652700', '博尔塔拉蒙古自治州', 'prefecture', NULL, NULL),
('652701', '博乐市', 'county', 1985, NULL),
('652702', '阿拉山口市', 'county', 2012, NULL),
('652721', '博乐县', 'county', NULL, 1986),
('652722', '精河县', 'county', NULL, NULL),
('652723', '温泉县', 'county', NULL, NULL),
('652800', '巴音郭楞蒙古自治州', 'prefecture', NULL, NULL),
('652801', '库尔勒市', 'county', NULL, NULL),
('652821', '库尔勒县', 'county', NULL, 1984),
('652822', '轮台县', 'county', NULL, NULL),
('652823', '尉犁县', 'county', NULL, NULL),
('652824', '若羌县', 'county', NULL, NULL),
('652825', '且末县', 'county', NULL, NULL),
('652826', '焉耆回族自治县', 'county', NULL, NULL),
('652827', '和静县', 'county', NULL, NULL),
('652828', '和硕县', 'county', NULL, NULL),
('652829', '博湖县', 'county', NULL, NULL),
('652900', '阿克苏地区', 'prefecture', NULL, NULL),
('652901', '阿克苏市', 'county', 1983, NULL),
('652902', '库车市', 'county', 2019, NULL),
('652921', '阿克苏县', 'county', NULL, 1984),
('652922', '温宿县', 'county', NULL, NULL),
('652923', '库车县', 'county', NULL, 2020),
('652924', '沙雅县', 'county', NULL, NULL),
('652925', '新和县', 'county', NULL, NULL),
('652926', '拜城县', 'county', NULL, NULL),
('652927', '乌什县', 'county', NULL, NULL),
('652928', '阿瓦提县', 'county', NULL, NULL),
('652929', '柯坪县', 'county', NULL, NULL),
('653000', '克孜勒苏柯尔克孜自治州', 'prefecture', NULL, NULL),
('653001', '阿图什市', 'county', 1986, NULL),
('653021', '阿图什县', 'county', NULL, 1987),
('653022', '阿克陶县', 'county', NULL, NULL),
('653023', '阿合奇县', 'county', NULL, NULL),
('653024', '乌恰县', 'county', NULL, NULL),
('653100', '喀什地区', 'prefecture', NULL, NULL),
('653101', '喀什市', 'county', NULL, NULL),
('653121', '疏附县', 'county', NULL, NULL),
('653122', '疏勒县', 'county', NULL, NULL),
('653123', '英吉沙县', 'county', NULL, NULL),
('653124', '泽普县', 'county', NULL, NULL),
('653125', '莎车县', 'county', NULL, NULL),
('653126', '叶城县', 'county', NULL, NULL),
('653127', '麦盖提县', 'county', NULL, NULL),
('653128', '岳普湖县', 'county', NULL, NULL),
('653129', '伽师县', 'county', NULL, NULL),
('653130', '巴楚县', 'county', NULL, NULL),
('653131', '塔什库尔干塔吉克自治县', 'county', NULL, NULL),
('653200', '和田地区', 'prefecture', NULL, NULL),
('653201', '和田市', 'county', 1983, NULL),
('653221', '和田县', 'county', NULL, NULL),
('653222', '墨玉县', 'county', NULL, NULL),
('653223', '皮山县', 'county', NULL, NULL),
('653224', '洛浦县', 'county', NULL, NULL),
('653225', '策勒县', 'county', NULL, NULL),
('653226', '于田县', 'county', NULL, NULL),
('653227', '民丰县', 'county', NULL, NULL),
('653228', '和康县', 'county', 2024, NULL),
('653229', '和安县', 'county', 2024, NULL),
('654000', '伊犁哈萨克自治州', 'prefecture', 1984, NULL),
('654001', '奎屯市', 'county', 1984, 2002),
('654002', '伊宁市', 'county', 2001, NULL),
('654003', '奎屯市', 'county', 2001, NULL),
('654004', '霍尔果斯市', 'county', 2014, NULL),
('654021', '伊宁县', 'county', 2001, NULL),
('654022', '察布查尔锡伯自治县', 'county', 2001, NULL),
('654023', '霍城县', 'county', 2001, NULL),
('654024', '巩留县', 'county', 2001, NULL),
('654025', '新源县', 'county', 2001, NULL),
('654026', '昭苏县', 'county', 2001, NULL),
('654027', '特克斯县', 'county', 2001, NULL),
('654028', '尼勒克县', 'county', 2001, NULL),
('654100', '伊犁地区', 'prefecture', 1984, 2002),
('654101', '伊宁市', 'county', 1984, 2002),
('654121', '伊宁县', 'county', 1984, 2002),
('654122', '察布查尔锡伯自治县', 'county', 1984, 2002),
('654123', '霍城县', 'county', 1984, 2002),
('654124', '巩留县', 'county', 1984, 2002),
('654125', '新源县', 'county', 1984, 2002),
('654126', '昭苏县', 'county', 1984, 2002),
('654127', '特克斯县', 'county', 1984, 2002),
('654128', '尼勒克县', 'county', 1984, 2002),
('654200', '塔城地区', 'prefecture', 1984, NULL),
('654201', '塔城市', 'county', 1984, NULL),
('654202', '乌苏市', 'county', 1996, NULL),
('654203', '沙湾市', 'county', 2021, NULL),
('654221', '额敏县', 'county', 1984, NULL),
('654222', '乌苏县', 'county', 1984, 1997),
('654223', '沙湾县', 'county', 1984, 2022),
('654224', '托里县', 'county', 1984, NULL),
('654225', '裕民县', 'county', 1984, NULL),
('654226', '和布克赛尔蒙古自治县', 'county', 1984, NULL),
('654300', '阿勒泰地区', 'prefecture', 1984, NULL),
('654301', '阿勒泰市', 'county', 1984, NULL),
('654321', '布尔津县', 'county', 1984, NULL),
('654322', '富蕴县', 'county', 1984, NULL),
('654323', '福海县', 'county', 1984, NULL),
('654324', '哈巴河县', 'county', 1984, NULL),
('654325', '青河县', 'county', 1984, NULL),
('654326', '吉木乃县', 'county', 1984, NULL),
('659000', '自治区直辖县级行政单位', 'prefecture', 1986, NULL),
('659001', '石河子市', 'county', 1986, NULL),
('659002', '阿拉尔市', 'county', 2002, NULL),
('659003', '图木舒克市', 'county', 2002, NULL),
('659004', '五家渠市', 'county', 2002, NULL),
('659005', '北屯市', 'county', 2011, NULL),
('659006', '铁门关市', 'county', 2012, NULL),
('659007', '双河市', 'county', 2014, NULL),
('659008', '可克达拉市', 'county', 2015, NULL),
('659009', '昆玉市', 'county', 2016, NULL),
('659010', '胡杨河市', 'county', 2019, NULL),
('659011', '新星市', 'county', 2021, NULL),
('659012', '白杨市', 'county', 2022, NULL),
('710000', '台湾省', 'province', NULL, NULL),
('810000', '香港特别行政区', 'province', 1997, NULL),
('820000', '澳门特别行政区', 'province', 1999, NULL);
ALTER TABLE credit_gz.region ALTER COLUMN shipped SET DEFAULT false;

CREATE TABLE credit_gz.region_succession (
    old_code     char(6)  NOT NULL PRIMARY KEY CHECK (old_code ~ '^[0-9]{6}$'),
    new_code     char(6)  NOT NULL CHECK (new_code ~ '^[0-9]{6}$' AND new_code <> old_code),
    changed_year smallint NOT NULL,
    note         text,
    shipped      boolean  NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.region_succession IS
    '区划变更: which code took over an abolished one (撤销、合并、撤市设区), followed transitively by region_district. '
    'Division successions; edit as data when divisions change again.';
COMMENT ON COLUMN credit_gz.region_succession.old_code IS '原区划代码 / abolished code';
COMMENT ON COLUMN credit_gz.region_succession.new_code IS '承继区划代码 / code that took over';
COMMENT ON COLUMN credit_gz.region_succession.changed_year IS '变更年份 / year of the change';
COMMENT ON COLUMN credit_gz.region_succession.note IS '说明 / note';
COMMENT ON COLUMN credit_gz.region_succession.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';

INSERT INTO credit_gz.region_succession (old_code, new_code, changed_year, note) VALUES
    ('440102', '440104', 2005, '东山区并入越秀区'),
    ('440107', '440103', 2005, '芳村区并入荔湾区'),
    ('440116', '440112', 2014, '萝岗区并入黄埔区'),
    ('440183', '440118', 2014, '增城市撤市设区'),
    ('440184', '440117', 2014, '从化市撤市设区'),
    ('440181', '440113', 2000, '番禺市撤市设区'),
    ('440182', '440114', 2000, '花都市撤市设区'),
    ('440121', '440182', 1993, '花县撤县设市'),
    ('440122', '440184', 1994, '从化县撤县设市'),
    ('440125', '440183', 1993, '增城县撤县设市'),
    ('440126', '440181', 1992, '番禺县撤县设市');

ALTER TABLE credit_gz.region_succession ALTER COLUMN shipped SET DEFAULT false;

-- pg_dump keeps only locally added rows: CREATE EXTENSION in the restored database recreates the shipped ones,
-- and dumping those too would collide with them (duplicate key) on restore.
SELECT pg_catalog.pg_extension_config_dump('credit_gz.region', 'WHERE NOT shipped');
-- and the key sequence, so that restored local rows keep their ids and new ones do not collide with them
SELECT pg_catalog.pg_extension_config_dump('credit_gz.region_region_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.region_succession', 'WHERE NOT shipped');

-- region_current_code: follow successions to the code in force today (a cycle in the data stops after 16 steps).
CREATE FUNCTION credit_gz.region_current_code(code text)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    WITH RECURSIVE chain(code, depth) AS (
        SELECT $1::text, 0
        UNION ALL
        SELECT s.new_code::text, c.depth + 1
          FROM chain c JOIN credit_gz.region_succession s ON s.old_code = c.code::char(6)
         WHERE c.depth < 16
    )
    SELECT code FROM chain ORDER BY depth DESC LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.region_current_code(text) IS
    'The division code in force today for a code, following credit_gz.region_succession (e.g. 440102 → 440104).';

-- region_district: Guangzhou district (区) of a division code; '市本级' for city-level codes; NULL outside Guangzhou.
CREATE FUNCTION credit_gz.region_district(code text)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
             WHEN cur NOT LIKE '4401%' THEN NULL
             WHEN cur IN ('440100', '440101') THEN '市本级'
             ELSE (SELECT r.name FROM credit_gz.region r
                    WHERE r.code = cur::char(6) AND r.valid_until_year IS NULL
                    ORDER BY r.valid_from_year DESC NULLS LAST LIMIT 1)
           END
      FROM credit_gz.region_current_code($1) AS cur
$$;
COMMENT ON FUNCTION credit_gz.region_district(text) IS
    '广州市辖区: the current Guangzhou district name for a GB/T 2260 code, abolished codes mapped to their successors; '
    '''市本级'' for city-level codes 440100/440101; NULL outside Guangzhou.';

-- GB/T 2260 is public reference data; triggers that derive a district run with the caller's rights, so every role
-- that may write subjects must be able to read it.
GRANT SELECT ON credit_gz.region, credit_gz.region_succession TO PUBLIC;

-- ====================================================================
-- src/uscc.sql
-- ====================================================================
-- credit_gz.uscc: 统一社会信用代码 (GB 32100-2015), unified social credit code of legal persons and other organisations.
-- C: src/uscc.c (glue), src/core/uscc_code.c (rules). Stored as 12 bytes (base 31, big-endian), fixed length.
-- Input functions are STABLE, not IMMUTABLE: they read credit_gz.uscc_weak.

CREATE TYPE credit_gz.uscc;

CREATE FUNCTION credit_gz.uscc_in(cstring) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_in' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_in(cstring) IS
    '统一社会信用代码输入 / uscc text input: trims, folds case and full-width forms, validates; STABLE as it reads credit_gz.uscc_weak.';

CREATE FUNCTION credit_gz.uscc_out(credit_gz.uscc) RETURNS cstring
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_out(credit_gz.uscc) IS
    '统一社会信用代码输出 / uscc text output: 18 characters, a trailing ! when the check characters are wrong (flagged).';

CREATE FUNCTION credit_gz.uscc_recv(internal) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_recv' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_recv(internal) IS
    'uscc binary input: the wire form is the text form, validated exactly as text input.';

CREATE FUNCTION credit_gz.uscc_send(credit_gz.uscc) RETURNS bytea
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_send(credit_gz.uscc) IS
    'uscc binary output: the canonical text form (with ! when flagged).';

CREATE TYPE credit_gz.uscc (
    INTERNALLENGTH = 12,
    INPUT = credit_gz.uscc_in,
    OUTPUT = credit_gz.uscc_out,
    RECEIVE = credit_gz.uscc_recv,
    SEND = credit_gz.uscc_send,
    ALIGNMENT = char,
    STORAGE = plain
);
COMMENT ON TYPE credit_gz.uscc IS
    '统一社会信用代码 (GB 32100-2015) / unified social credit code: 18 characters validated (alphabet, authority/category, '
    'region digits, GB 11714 organisation-code check digit, mod-31 check character), stored in 12 bytes; '
    'sorts as the text of the canonical code.';

-- Comparison -------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.uscc_eq(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_eq(credit_gz.uscc, credit_gz.uscc) IS 'uscc = uscc (implements the = operator).';
CREATE FUNCTION credit_gz.uscc_ne(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_ne(credit_gz.uscc, credit_gz.uscc) IS 'uscc <> uscc (implements the <> operator).';
CREATE FUNCTION credit_gz.uscc_lt(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_lt(credit_gz.uscc, credit_gz.uscc) IS 'uscc < uscc (implements the < operator).';
CREATE FUNCTION credit_gz.uscc_le(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_le(credit_gz.uscc, credit_gz.uscc) IS 'uscc <= uscc (implements the <= operator).';
CREATE FUNCTION credit_gz.uscc_gt(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_gt(credit_gz.uscc, credit_gz.uscc) IS 'uscc > uscc (implements the > operator).';
CREATE FUNCTION credit_gz.uscc_ge(credit_gz.uscc, credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_ge(credit_gz.uscc, credit_gz.uscc) IS 'uscc >= uscc (implements the >= operator).';

CREATE FUNCTION credit_gz.uscc_cmp(credit_gz.uscc, credit_gz.uscc) RETURNS integer
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_cmp(credit_gz.uscc, credit_gz.uscc) IS
    'btree support 1 for uscc: -1, 0, 1 in the text order of the canonical codes.';
CREATE FUNCTION credit_gz.uscc_sortsupport(internal) RETURNS void
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_sortsupport(internal) IS
    'btree support 2 for uscc: a direct comparator for sorts and index builds.';
CREATE FUNCTION credit_gz.uscc_hash(credit_gz.uscc) RETURNS integer
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_hash(credit_gz.uscc) IS 'hash support 1 for uscc (hash joins, hash indexes).';
CREATE FUNCTION credit_gz.uscc_hash_extended(credit_gz.uscc, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION credit_gz.uscc_hash_extended(credit_gz.uscc, bigint) IS
    'hash support 2 for uscc: seeded 64-bit hash (hash partitioning, Citus distribution).';

CREATE OPERATOR credit_gz.= (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_eq,
    COMMUTATOR = OPERATOR(credit_gz.=), NEGATOR = OPERATOR(credit_gz.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR credit_gz.= (credit_gz.uscc, credit_gz.uscc) IS 'equal (same 18 characters)';
CREATE OPERATOR credit_gz.<> (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_ne,
    COMMUTATOR = OPERATOR(credit_gz.<>), NEGATOR = OPERATOR(credit_gz.=),
    RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR credit_gz.<> (credit_gz.uscc, credit_gz.uscc) IS 'not equal';
CREATE OPERATOR credit_gz.< (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_lt,
    COMMUTATOR = OPERATOR(credit_gz.>), NEGATOR = OPERATOR(credit_gz.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR credit_gz.< (credit_gz.uscc, credit_gz.uscc) IS 'less than (text order of the canonical codes)';
CREATE OPERATOR credit_gz.<= (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_le,
    COMMUTATOR = OPERATOR(credit_gz.>=), NEGATOR = OPERATOR(credit_gz.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR credit_gz.<= (credit_gz.uscc, credit_gz.uscc) IS 'less than or equal';
CREATE OPERATOR credit_gz.> (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_gt,
    COMMUTATOR = OPERATOR(credit_gz.<), NEGATOR = OPERATOR(credit_gz.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR credit_gz.> (credit_gz.uscc, credit_gz.uscc) IS 'greater than';
CREATE OPERATOR credit_gz.>= (
    LEFTARG = credit_gz.uscc, RIGHTARG = credit_gz.uscc, FUNCTION = credit_gz.uscc_ge,
    COMMUTATOR = OPERATOR(credit_gz.<=), NEGATOR = OPERATOR(credit_gz.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR credit_gz.>= (credit_gz.uscc, credit_gz.uscc) IS 'greater than or equal';

CREATE OPERATOR CLASS credit_gz.uscc_ops DEFAULT FOR TYPE credit_gz.uscc USING btree AS
    OPERATOR 1 credit_gz.< ,
    OPERATOR 2 credit_gz.<= ,
    OPERATOR 3 credit_gz.= ,
    OPERATOR 4 credit_gz.>= ,
    OPERATOR 5 credit_gz.> ,
    FUNCTION 1 credit_gz.uscc_cmp(credit_gz.uscc, credit_gz.uscc),
    FUNCTION 2 credit_gz.uscc_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS credit_gz.uscc_ops USING btree IS
    'default btree order of uscc: the text order of the canonical codes; deduplication-safe (equal = same bytes).';
COMMENT ON OPERATOR FAMILY credit_gz.uscc_ops USING btree IS 'btree operators of uscc.';

CREATE OPERATOR CLASS credit_gz.uscc_hash_ops DEFAULT FOR TYPE credit_gz.uscc USING hash AS
    OPERATOR 1 credit_gz.= ,
    FUNCTION 1 credit_gz.uscc_hash(credit_gz.uscc),
    FUNCTION 2 credit_gz.uscc_hash_extended(credit_gz.uscc, bigint);
COMMENT ON OPERATOR CLASS credit_gz.uscc_hash_ops USING hash IS
    'default hash operator class of uscc (hash joins, hash indexes, hash partitioning).';
COMMENT ON OPERATOR FAMILY credit_gz.uscc_hash_ops USING hash IS 'hash operators of uscc.';

-- Casts --------------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.uscc(text) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_from_text' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc(text) IS
    'cast text → uscc, the rules of type input (STABLE: reads credit_gz.uscc_weak).';
CREATE FUNCTION credit_gz.uscc_text(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_text(credit_gz.uscc) IS
    'cast uscc → text: the output form (18 characters, ! when flagged).';

CREATE CAST (text AS credit_gz.uscc) WITH FUNCTION credit_gz.uscc(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS credit_gz.uscc) IS 'text → uscc (assignment): validates as type input does.';
CREATE CAST (credit_gz.uscc AS text) WITH FUNCTION credit_gz.uscc_text(credit_gz.uscc) AS ASSIGNMENT;
COMMENT ON CAST (credit_gz.uscc AS text) IS 'uscc → text (assignment): the canonical form, ! when flagged.';

-- Functions ----------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.uscc_is_valid(text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_is_valid(text) IS
    '是否为有效统一社会信用代码 / whether text is a valid code, check characters included; never raises, ignores weak mode.';

CREATE FUNCTION credit_gz.uscc_explain(text) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_explain' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_explain(text) IS
    '代码错误说明 / NULL when the text is a valid code, else the position and rule broken (for import error reports).';

CREATE FUNCTION credit_gz.uscc_is_verified(credit_gz.uscc) RETURNS boolean
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_is_verified' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_is_verified(credit_gz.uscc) IS
    '校验位是否正确 / false for a flagged value (accepted in weak mode or with !, check characters wrong).';

CREATE FUNCTION credit_gz.uscc_correct(credit_gz.uscc) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_correct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_correct(credit_gz.uscc) IS
    '更正校验位 / the code with both check characters (positions 17 and 18) recomputed.';

CREATE FUNCTION credit_gz.uscc_authority(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_authority' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_authority(credit_gz.uscc) IS '登记管理部门代码 / registration authority (position 1).';

CREATE FUNCTION credit_gz.uscc_authority_name(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_authority_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_authority_name(credit_gz.uscc) IS
    '登记管理部门名称 / registration authority name from GB 32100-2015, e.g. 工商.';

CREATE FUNCTION credit_gz.uscc_category(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_category' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_category(credit_gz.uscc) IS '机构类别代码 / institution category (position 2).';

CREATE FUNCTION credit_gz.uscc_category_name(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_category_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_category_name(credit_gz.uscc) IS
    '机构类别名称 / institution category name for the authority, e.g. 企业 for 91.';

CREATE FUNCTION credit_gz.uscc_region(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_region' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_region(credit_gz.uscc) IS
    '登记管理机关行政区划码 / GB/T 2260 division code at registration (positions 3-8).';

CREATE FUNCTION credit_gz.uscc_org_code(credit_gz.uscc) RETURNS text
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_org_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_org_code(credit_gz.uscc) IS
    '组织机构代码 / GB 11714 organisation code with its check digit (positions 9-17, no hyphen).';

CREATE FUNCTION credit_gz.uscc_make(text) RETURNS credit_gz.uscc
    AS 'MODULE_PATHNAME', 'credit_gz_uscc_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.uscc_make(text) IS
    '生成校验码 / 17 valid characters in, the mod-31 check character appended (for generators and test data).';

CREATE FUNCTION credit_gz.uscc_district(credit_gz.uscc) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    AS $$ SELECT credit_gz.region_district(credit_gz.uscc_region($1)) $$;
COMMENT ON FUNCTION credit_gz.uscc_district(credit_gz.uscc) IS
    '所属广州市辖区 / today''s Guangzhou district of the code''s region (abolished codes mapped to successors); '
    'NULL outside Guangzhou. STABLE: reads credit_gz.region.';

-- ====================================================================
-- src/resident_id.sql
-- ====================================================================
-- Type credit_gz.resident_id: citizen identity number (公民身份号码, GB 11643-1999) of natural persons.
-- Stored pass-by-value as int8 (the integer of the 17 leading digits; the check character is derived from them),
-- so comparison, hashing, sort support and binary send reuse core's int8 functions (LANGUAGE internal), as
-- contrib/isn does. Integer order equals the text order of the canonical 18-character form.

CREATE TYPE credit_gz.resident_id;

CREATE FUNCTION credit_gz.resident_id_in(cstring)
RETURNS credit_gz.resident_id
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_in(cstring) IS
    'resident_id text input: trims white space, accepts full-width digits and lower-case x, converts the legacy '
    '15-digit form; 22P02 with position and rule otherwise.';

CREATE FUNCTION credit_gz.resident_id_out(credit_gz.resident_id)
RETURNS cstring
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_out(credit_gz.resident_id) IS
    'resident_id text output: the canonical 18 characters (check character X in upper case).';

CREATE FUNCTION credit_gz.resident_id_recv(internal)
RETURNS credit_gz.resident_id
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_recv(internal) IS
    'resident_id binary input: an int8 (the 17 leading digits), validated by the same rules as text input.';

CREATE FUNCTION credit_gz.resident_id_send(credit_gz.resident_id)
RETURNS bytea
AS 'int8send'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_send(credit_gz.resident_id) IS
    'resident_id binary output: the stored int8 (core int8send).';

CREATE TYPE credit_gz.resident_id (
    INPUT          = credit_gz.resident_id_in,
    OUTPUT         = credit_gz.resident_id_out,
    RECEIVE        = credit_gz.resident_id_recv,
    SEND           = credit_gz.resident_id_send,
    INTERNALLENGTH = 8,
    PASSEDBYVALUE,
    ALIGNMENT      = double,
    STORAGE        = plain
);
COMMENT ON TYPE credit_gz.resident_id IS
    '公民身份号码 GB 11643-1999 / citizen identity number: 18 characters, MOD 11-2 check character, real date of '
    'birth; legacy 15-digit numbers are converted on input. 8 bytes, passed by value.';

-- Comparison: core int8 functions under our signatures (the representation is an int8).
CREATE FUNCTION credit_gz.resident_id_eq(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_ne(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_lt(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_le(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_gt(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_ge(credit_gz.resident_id, credit_gz.resident_id) RETURNS boolean
AS 'int8ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_cmp(credit_gz.resident_id, credit_gz.resident_id) RETURNS integer
AS 'btint8cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.resident_id_sortsupport(internal) RETURNS void
AS 'btint8sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION credit_gz.resident_id_hash(credit_gz.resident_id) RETURNS integer
AS 'hashint8' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION credit_gz.resident_id_hash_extended(credit_gz.resident_id, bigint) RETURNS bigint
AS 'hashint8extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION credit_gz.resident_id_eq(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id = (core int8eq).';
COMMENT ON FUNCTION credit_gz.resident_id_ne(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id <> (core int8ne).';
COMMENT ON FUNCTION credit_gz.resident_id_lt(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id < (core int8lt; order = text order).';
COMMENT ON FUNCTION credit_gz.resident_id_le(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id <= (core int8le).';
COMMENT ON FUNCTION credit_gz.resident_id_gt(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id > (core int8gt).';
COMMENT ON FUNCTION credit_gz.resident_id_ge(credit_gz.resident_id, credit_gz.resident_id) IS
    'Implements resident_id >= (core int8ge).';
COMMENT ON FUNCTION credit_gz.resident_id_cmp(credit_gz.resident_id, credit_gz.resident_id) IS
    'btree comparison for resident_id: -1, 0 or 1 (core btint8cmp).';
COMMENT ON FUNCTION credit_gz.resident_id_sortsupport(internal) IS
    'btree sort support for resident_id (core btint8sortsupport).';
COMMENT ON FUNCTION credit_gz.resident_id_hash(credit_gz.resident_id) IS
    'Hash of a resident_id (core hashint8), for hash joins, hash indexes and hash partitioning.';
COMMENT ON FUNCTION credit_gz.resident_id_hash_extended(credit_gz.resident_id, bigint) IS
    'Seeded 64-bit hash of a resident_id (core hashint8extended), for hash partitioning and Citus distribution.';

CREATE OPERATOR credit_gz.= (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_eq,
    COMMUTATOR = OPERATOR(credit_gz.=), NEGATOR = OPERATOR(credit_gz.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR credit_gz.<> (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_ne,
    COMMUTATOR = OPERATOR(credit_gz.<>), NEGATOR = OPERATOR(credit_gz.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR credit_gz.< (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_lt,
    COMMUTATOR = OPERATOR(credit_gz.>), NEGATOR = OPERATOR(credit_gz.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR credit_gz.<= (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_le,
    COMMUTATOR = OPERATOR(credit_gz.>=), NEGATOR = OPERATOR(credit_gz.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR credit_gz.> (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_gt,
    COMMUTATOR = OPERATOR(credit_gz.<), NEGATOR = OPERATOR(credit_gz.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR credit_gz.>= (
    LEFTARG = credit_gz.resident_id, RIGHTARG = credit_gz.resident_id, FUNCTION = credit_gz.resident_id_ge,
    COMMUTATOR = OPERATOR(credit_gz.<=), NEGATOR = OPERATOR(credit_gz.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR credit_gz.=  (credit_gz.resident_id, credit_gz.resident_id) IS 'equal';
COMMENT ON OPERATOR credit_gz.<> (credit_gz.resident_id, credit_gz.resident_id) IS 'not equal';
COMMENT ON OPERATOR credit_gz.<  (credit_gz.resident_id, credit_gz.resident_id) IS 'less than (text order)';
COMMENT ON OPERATOR credit_gz.<= (credit_gz.resident_id, credit_gz.resident_id) IS 'less than or equal (text order)';
COMMENT ON OPERATOR credit_gz.>  (credit_gz.resident_id, credit_gz.resident_id) IS 'greater than (text order)';
COMMENT ON OPERATOR credit_gz.>= (credit_gz.resident_id, credit_gz.resident_id) IS 'greater than or equal (text order)';

-- btequalimage (support 4): equal values are bitwise equal, so btree deduplication is safe.
CREATE OPERATOR CLASS credit_gz.resident_id_ops
DEFAULT FOR TYPE credit_gz.resident_id USING btree AS
    OPERATOR 1 credit_gz.< ,
    OPERATOR 2 credit_gz.<= ,
    OPERATOR 3 credit_gz.= ,
    OPERATOR 4 credit_gz.>= ,
    OPERATOR 5 credit_gz.> ,
    FUNCTION 1 credit_gz.resident_id_cmp(credit_gz.resident_id, credit_gz.resident_id),
    FUNCTION 2 credit_gz.resident_id_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS credit_gz.resident_id_ops USING btree IS
    'Default btree operator class for resident_id (text order, deduplication enabled).';

CREATE OPERATOR CLASS credit_gz.resident_id_ops
DEFAULT FOR TYPE credit_gz.resident_id USING hash AS
    OPERATOR 1 credit_gz.= ,
    FUNCTION 1 credit_gz.resident_id_hash(credit_gz.resident_id),
    FUNCTION 2 credit_gz.resident_id_hash_extended(credit_gz.resident_id, bigint);
COMMENT ON OPERATOR CLASS credit_gz.resident_id_ops USING hash IS
    'Default hash operator class for resident_id (hash joins, hash partitioning, Citus distribution).';
COMMENT ON OPERATOR FAMILY credit_gz.resident_id_ops USING btree IS 'btree operator family of resident_id.';
COMMENT ON OPERATOR FAMILY credit_gz.resident_id_ops USING hash IS 'hash operator family of resident_id.';

-- Casts: text in both directions through the type's I/O (so text → resident_id validates).
CREATE CAST (text AS credit_gz.resident_id) WITH INOUT AS ASSIGNMENT;
CREATE CAST (credit_gz.resident_id AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS credit_gz.resident_id) IS 'Validating cast from text (same rules as input; 22P02 if invalid).';
COMMENT ON CAST (credit_gz.resident_id AS text) IS 'The canonical 18 characters.';

-- Functions.
CREATE FUNCTION credit_gz.resident_id_is_valid(text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_is_valid'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_is_valid(text) IS
    '身份号码校验: true when the text is accepted by resident_id input (18 characters or legacy 15 digits); '
    'never raises.';

CREATE FUNCTION credit_gz.resident_id_explain(text)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_explain'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_explain(text) IS
    'NULL when the text is a valid citizen identity number, else the reason (position and rule, and the expected '
    'check character when only it is wrong), for import error reports. Never raises.';

CREATE FUNCTION credit_gz.resident_id_birth_date(credit_gz.resident_id)
RETURNS date
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_birth_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_birth_date(credit_gz.resident_id) IS
    '出生日期: date of birth (positions 7-14).';

CREATE FUNCTION credit_gz.resident_id_sex(credit_gz.resident_id)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_sex'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_sex(credit_gz.resident_id) IS
    '性别: ''male'' (男, odd position 17) or ''female'' (女, even position 17).';

CREATE FUNCTION credit_gz.resident_id_region(credit_gz.resident_id)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_region'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_region(credit_gz.resident_id) IS
    '户籍地区划代码: positions 1-6, the GB/T 2260 code in force when the number was issued '
    '(credit_gz.region_district gives today''s Guangzhou district).';

CREATE FUNCTION credit_gz.resident_id_mask(credit_gz.resident_id)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_mask'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_mask(credit_gz.resident_id) IS
    '脱敏身份号码: first 6 and last 4 characters, the 8 between as *; the only form to disclose to the public.';

CREATE FUNCTION credit_gz.resident_id_make(text)
RETURNS credit_gz.resident_id
AS 'MODULE_PATHNAME', 'credit_gz_resident_id_make'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.resident_id_make(text) IS
    '17 digits in, the MOD 11-2 check character appended (date of birth validated); for data generators. '
    '22P02 when the text is not 17 digits.';

CREATE FUNCTION credit_gz.resident_id_district(credit_gz.resident_id) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    AS $$ SELECT credit_gz.region_district(credit_gz.resident_id_region($1)) $$;
COMMENT ON FUNCTION credit_gz.resident_id_district(credit_gz.resident_id) IS
    '户籍所在广州市辖区 / today''s Guangzhou district of the place of household registration (abolished codes mapped '
    'to successors, e.g. 440102 东山区 → 越秀区); NULL outside Guangzhou. STABLE: reads credit_gz.region.';

-- ====================================================================
-- src/credit_grade.sql
-- ====================================================================
-- Type credit_gz.credit_grade: credit grades A > B > M > C > D (tax-credit scale; M = newly established or not yet
-- rated). One byte passed by value holding the rank (D = 1 … A = 5); core's "char" functions compare bytes as
-- unsigned, so comparison and hashing reuse chareq/charlt/btcharcmp/hashchar (LANGUAGE internal).

CREATE TYPE credit_gz.credit_grade;

CREATE FUNCTION credit_gz.credit_grade_in(cstring)
RETURNS credit_gz.credit_grade
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_in(cstring) IS
    'credit_grade text input: A, B, M, C or D in either case, white space trimmed; 22P02 otherwise.';

CREATE FUNCTION credit_gz.credit_grade_out(credit_gz.credit_grade)
RETURNS cstring
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_out(credit_gz.credit_grade) IS
    'credit_grade text output: the upper-case letter.';

CREATE FUNCTION credit_gz.credit_grade_recv(internal)
RETURNS credit_gz.credit_grade
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_recv(internal) IS
    'credit_grade binary input: one byte, the ASCII letter, validated as text input is.';

CREATE FUNCTION credit_gz.credit_grade_send(credit_gz.credit_grade)
RETURNS bytea
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_send(credit_gz.credit_grade) IS
    'credit_grade binary output: one byte, the upper-case ASCII letter.';

CREATE TYPE credit_gz.credit_grade (
    INPUT          = credit_gz.credit_grade_in,
    OUTPUT         = credit_gz.credit_grade_out,
    RECEIVE        = credit_gz.credit_grade_recv,
    SEND           = credit_gz.credit_grade_send,
    INTERNALLENGTH = 1,
    PASSEDBYVALUE,
    ALIGNMENT      = char,
    STORAGE        = plain
);
COMMENT ON TYPE credit_gz.credit_grade IS
    '信用等级 / credit grade: A > B > M > C > D (纳税信用: A ≥ 90, B 70-89, M 新设立或无经营收入, C 40-69, D < 40 '
    'or directly rated D). One byte, passed by value; min() is the worst grade.';

-- Comparison: core "char" functions (unsigned byte order = D < C < M < B < A).
CREATE FUNCTION credit_gz.credit_grade_eq(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'chareq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_ne(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'charne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_lt(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'charlt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_le(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'charle' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_gt(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'chargt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_ge(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS boolean
AS 'charge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_cmp(credit_gz.credit_grade, credit_gz.credit_grade) RETURNS integer
AS 'btcharcmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION credit_gz.credit_grade_hash(credit_gz.credit_grade) RETURNS integer
AS 'hashchar' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION credit_gz.credit_grade_hash_extended(credit_gz.credit_grade, bigint) RETURNS bigint
AS 'hashcharextended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION credit_gz.credit_grade_eq(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade = (core chareq).';
COMMENT ON FUNCTION credit_gz.credit_grade_ne(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade <> (core charne).';
COMMENT ON FUNCTION credit_gz.credit_grade_lt(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade < (worse than; core charlt).';
COMMENT ON FUNCTION credit_gz.credit_grade_le(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade <= (core charle).';
COMMENT ON FUNCTION credit_gz.credit_grade_gt(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade > (better than; core chargt).';
COMMENT ON FUNCTION credit_gz.credit_grade_ge(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'Implements credit_grade >= (core charge).';
COMMENT ON FUNCTION credit_gz.credit_grade_cmp(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'btree comparison for credit_grade (core btcharcmp): negative when the first grade is worse.';
COMMENT ON FUNCTION credit_gz.credit_grade_hash(credit_gz.credit_grade) IS
    'Hash of a credit_grade (core hashchar).';
COMMENT ON FUNCTION credit_gz.credit_grade_hash_extended(credit_gz.credit_grade, bigint) IS
    'Seeded 64-bit hash of a credit_grade (core hashcharextended), for hash partitioning.';

CREATE OPERATOR credit_gz.= (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_eq,
    COMMUTATOR = OPERATOR(credit_gz.=), NEGATOR = OPERATOR(credit_gz.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR credit_gz.<> (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_ne,
    COMMUTATOR = OPERATOR(credit_gz.<>), NEGATOR = OPERATOR(credit_gz.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR credit_gz.< (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_lt,
    COMMUTATOR = OPERATOR(credit_gz.>), NEGATOR = OPERATOR(credit_gz.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR credit_gz.<= (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_le,
    COMMUTATOR = OPERATOR(credit_gz.>=), NEGATOR = OPERATOR(credit_gz.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR credit_gz.> (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_gt,
    COMMUTATOR = OPERATOR(credit_gz.<), NEGATOR = OPERATOR(credit_gz.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR credit_gz.>= (
    LEFTARG = credit_gz.credit_grade, RIGHTARG = credit_gz.credit_grade, FUNCTION = credit_gz.credit_grade_ge,
    COMMUTATOR = OPERATOR(credit_gz.<=), NEGATOR = OPERATOR(credit_gz.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR credit_gz.=  (credit_gz.credit_grade, credit_gz.credit_grade) IS 'same grade';
COMMENT ON OPERATOR credit_gz.<> (credit_gz.credit_grade, credit_gz.credit_grade) IS 'different grade';
COMMENT ON OPERATOR credit_gz.<  (credit_gz.credit_grade, credit_gz.credit_grade) IS 'worse than (A > B > M > C > D)';
COMMENT ON OPERATOR credit_gz.<= (credit_gz.credit_grade, credit_gz.credit_grade) IS 'worse than or the same';
COMMENT ON OPERATOR credit_gz.>  (credit_gz.credit_grade, credit_gz.credit_grade) IS 'better than (A > B > M > C > D)';
COMMENT ON OPERATOR credit_gz.>= (credit_gz.credit_grade, credit_gz.credit_grade) IS 'better than or the same';

CREATE OPERATOR CLASS credit_gz.credit_grade_ops
DEFAULT FOR TYPE credit_gz.credit_grade USING btree AS
    OPERATOR 1 credit_gz.< ,
    OPERATOR 2 credit_gz.<= ,
    OPERATOR 3 credit_gz.= ,
    OPERATOR 4 credit_gz.>= ,
    OPERATOR 5 credit_gz.> ,
    FUNCTION 1 credit_gz.credit_grade_cmp(credit_gz.credit_grade, credit_gz.credit_grade),
    FUNCTION 4 pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS credit_gz.credit_grade_ops USING btree IS
    'Default btree operator class for credit_grade (D < C < M < B < A; deduplication enabled).';

CREATE OPERATOR CLASS credit_gz.credit_grade_ops
DEFAULT FOR TYPE credit_gz.credit_grade USING hash AS
    OPERATOR 1 credit_gz.= ,
    FUNCTION 1 credit_gz.credit_grade_hash(credit_gz.credit_grade),
    FUNCTION 2 credit_gz.credit_grade_hash_extended(credit_gz.credit_grade, bigint);
COMMENT ON OPERATOR CLASS credit_gz.credit_grade_ops USING hash IS
    'Default hash operator class for credit_grade (hash joins, GROUP BY, hash partitioning).';
COMMENT ON OPERATOR FAMILY credit_gz.credit_grade_ops USING btree IS 'btree operator family of credit_grade.';
COMMENT ON OPERATOR FAMILY credit_gz.credit_grade_ops USING hash IS 'hash operator family of credit_grade.';

-- Casts to and from text through the type's I/O.
CREATE CAST (text AS credit_gz.credit_grade) WITH INOUT AS ASSIGNMENT;
CREATE CAST (credit_gz.credit_grade AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS credit_gz.credit_grade) IS 'Validating cast from text (A, B, M, C, D in either case).';
COMMENT ON CAST (credit_gz.credit_grade AS text) IS 'The upper-case letter.';

-- min() / max(): min is the worst grade, max the best.
CREATE FUNCTION credit_gz.credit_grade_larger(credit_gz.credit_grade, credit_gz.credit_grade)
RETURNS credit_gz.credit_grade
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_larger(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'The better of two grades (transition function of max).';

CREATE FUNCTION credit_gz.credit_grade_smaller(credit_gz.credit_grade, credit_gz.credit_grade)
RETURNS credit_gz.credit_grade
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_smaller(credit_gz.credit_grade, credit_gz.credit_grade) IS
    'The worse of two grades (transition function of min).';

CREATE AGGREGATE credit_gz.min(credit_gz.credit_grade) (
    SFUNC = credit_gz.credit_grade_smaller,
    STYPE = credit_gz.credit_grade,
    COMBINEFUNC = credit_gz.credit_grade_smaller,
    SORTOP = OPERATOR(credit_gz.<),
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE credit_gz.min(credit_gz.credit_grade) IS '最低等级: the worst grade of the group.';

CREATE AGGREGATE credit_gz.max(credit_gz.credit_grade) (
    SFUNC = credit_gz.credit_grade_larger,
    STYPE = credit_gz.credit_grade,
    COMBINEFUNC = credit_gz.credit_grade_larger,
    SORTOP = OPERATOR(credit_gz.>),
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE credit_gz.max(credit_gz.credit_grade) IS '最高等级: the best grade of the group.';

-- Helpers.
CREATE FUNCTION credit_gz.credit_grade_label(credit_gz.credit_grade)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_label'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_label(credit_gz.credit_grade) IS
    '等级名称: Chinese label, A级（信用好）, B级（信用较好）, M级（新设立或未评价）, C级（信用较差）, D级（信用差）.';

CREATE FUNCTION credit_gz.credit_grade_rank(credit_gz.credit_grade)
RETURNS integer
AS 'MODULE_PATHNAME', 'credit_gz_credit_grade_rank'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.credit_grade_rank(credit_gz.credit_grade) IS
    'Position on the scale: 1 for A (best), 2 B, 3 M, 4 C, 5 D (worst).';

-- ====================================================================
-- src/archive.sql
-- ====================================================================
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
    shipped  boolean NOT NULL DEFAULT false
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
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.code <> OLD.code) THEN
        IF EXISTS (SELECT FROM credit_gz.domain d WHERE d.parent_code = OLD.code) THEN
            RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'domain_parent_code_fkey',
                MESSAGE = pg_catalog.format('domain %s still has sub-domains', OLD.code),
                DETAIL = 'Sub-domains name it as parent_code.',
                HINT = 'Move or delete the sub-domains first.';
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.parent_code IS NOT NULL
       AND NOT EXISTS (SELECT FROM credit_gz.domain d WHERE d.code = NEW.parent_code AND d.parent_code IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'domain_parent_code_fkey',
            MESSAGE = pg_catalog.format('domain %s: parent %s is not a top-level domain', NEW.code, NEW.parent_code),
            DETAIL = 'Domains have two levels: the annex''s domains and their sub-domains.',
            HINT = 'Give the code of a top-level domain, or NULL.';
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

INSERT INTO credit_gz.domain (code, parent_code, seq, sector, name_zh, name_en) VALUES
    ('construction', NULL, 1, 'commercial', '工程建设（含招标投标）', 'Construction (incl. bidding and tendering)'),
    ('government_procurement', NULL, 2, 'commercial', '政府采购', 'Government procurement'),
    ('transport', NULL, 3, 'commercial', '交通运输', 'Transport'),
    ('logistics', NULL, 4, 'commercial', '物流', 'Logistics'),
    ('road_freight', 'logistics', 4, 'commercial', '道路运输（货运）', 'Road freight transport'),
    ('express_delivery', 'logistics', 4, 'commercial', '快递企业', 'Express delivery companies'),
    ('supply_chain', 'logistics', 4, 'commercial', '商贸流通供应链环节', 'Trade circulation and supply chain'),
    ('taxation', NULL, 5, 'commercial', '税务领域', 'Taxation'),
    ('customs', NULL, 6, 'commercial', '贸易通关', 'Trade and customs clearance'),
    ('intermediary_services', NULL, 7, 'commercial', '中介服务业', 'Intermediary services'),
    ('real_estate_agency', 'intermediary_services', 7, 'commercial', '房地产中介、物业管理', 'Real-estate agency and property management'),
    ('housekeeping', 'intermediary_services', 7, 'commercial', '家政服务', 'Housekeeping services'),
    ('intermediary_marketplace', 'intermediary_services', 7, 'commercial', '中介超市', 'Intermediary-services marketplace'),
    ('port', NULL, 8, 'commercial', '港口管理', 'Port administration'),
    ('finance', NULL, 9, 'commercial', '金融领域', 'Finance'),
    ('pricing', NULL, 10, 'commercial', '价格监管', 'Price supervision'),
    ('exhibition', NULL, 11, 'commercial', '会展', 'Exhibitions and conventions'),
    ('work_safety', NULL, 12, 'social', '安全生产', 'Work safety'),
    ('urban_management', NULL, 13, 'social', '城市综合管理', 'Urban management'),
    ('health', NULL, 14, 'social', '医疗卫生', 'Medical and health care'),
    ('food_drug_safety', NULL, 15, 'social', '食品药品安全', 'Food and drug safety'),
    ('medical_services', NULL, 16, 'social', '医药服务', 'Medicines and medical-insurance services'),
    ('social_security', NULL, 17, 'social', '社会保障', 'Social security'),
    ('elderly_care', NULL, 18, 'social', '养老服务', 'Elderly care'),
    ('childcare', NULL, 19, 'social', '婴幼儿托育服务', 'Infant and toddler care'),
    ('labor', NULL, 20, 'social', '劳动用工', 'Labour and employment'),
    ('migrant_services', NULL, 21, 'social', '来穗人员管理', 'Services for people coming to Guangzhou'),
    ('education', NULL, 22, 'social', '教育领域', 'Education'),
    ('sci_tech_projects', NULL, 23, 'social', '市科技计划项目管理', 'City science and technology programme projects'),
    ('culture_sports_tourism', NULL, 24, 'social', '文化体育旅游', 'Culture sports and tourism'),
    ('ip_protection', NULL, 25, 'commercial', '知识产权保护', 'Intellectual-property protection'),
    ('eco_environment', NULL, 26, 'social', '生态环境保护', 'Ecological and environmental protection'),
    ('energy', NULL, 27, 'social', '能源管理', 'Energy management'),
    ('social_organizations', NULL, 28, 'social', '社会组织管理', 'Social organisations'),
    ('platform_economy', NULL, 29, 'platform', '平台经济', 'Platform economy'),
    ('information_services', 'platform_economy', 29, 'platform', '信息服务', 'Online information services'),
    ('e_commerce', 'platform_economy', 29, 'platform', '电商平台', 'E-commerce platforms'),
    ('ride_hailing_bike_sharing', 'platform_economy', 29, 'platform', '网约车、共享单车等', 'Ride-hailing and bike sharing'),
    ('online_housing_rental', 'platform_economy', 29, 'platform', '互联网住房租赁', 'Online housing rental'),
    ('online_education', 'platform_economy', 29, 'platform', '在线教育', 'Online education'),
    ('internet_healthcare', 'platform_economy', 29, 'platform', '互联网医疗', 'Internet healthcare');
INSERT INTO credit_gz.domain_department (domain_code, department_code)
SELECT v.domain_code, d.code FROM (VALUES
    ('construction', '市住房城乡建设局'),
    ('construction', '市规划和自然资源局'),
    ('construction', '市交通运输局'),
    ('construction', '市水务局'),
    ('construction', '市港务局'),
    ('construction', '市林业园林局'),
    ('construction', '市生态环境局'),
    ('construction', '市城市管理综合执法局'),
    ('construction', '市政务服务数据管理局'),
    ('construction', '广州公共资源交易中心'),
    ('government_procurement', '市财政局'),
    ('government_procurement', '广州公共资源交易中心'),
    ('transport', '市交通运输局'),
    ('road_freight', '市交通运输局'),
    ('express_delivery', '市邮政管理局'),
    ('supply_chain', '市商务局'),
    ('taxation', '广州市税务局'),
    ('customs', '广州海关'),
    ('customs', '黄埔海关'),
    ('real_estate_agency', '市住房城乡建设局'),
    ('housekeeping', '市商务局'),
    ('intermediary_marketplace', '市政务服务数据管理局'),
    ('intermediary_marketplace', '广州公共资源交易中心'),
    ('port', '市港务局'),
    ('finance', '人民银行广州分行营业管理部'),
    ('finance', '广东银保监局'),
    ('finance', '市地方金融监管局'),
    ('pricing', '市市场监管局'),
    ('pricing', '市发展改革委'),
    ('exhibition', '市商务局'),
    ('work_safety', '市应急管理局'),
    ('urban_management', '市城市管理综合执法局'),
    ('health', '市卫生健康委'),
    ('food_drug_safety', '市市场监管局'),
    ('medical_services', '市医保局'),
    ('medical_services', '广州公共资源交易中心'),
    ('social_security', '市人力资源社会保障局'),
    ('social_security', '市民政局'),
    ('elderly_care', '市民政局'),
    ('childcare', '市卫生健康委'),
    ('childcare', '市委编办'),
    ('childcare', '市市场监管局'),
    ('childcare', '市社会组织管理局'),
    ('labor', '市人力资源社会保障局'),
    ('migrant_services', '市来穗人员服务管理局'),
    ('education', '市教育局'),
    ('sci_tech_projects', '市科技局'),
    ('culture_sports_tourism', '市文化广电旅游局'),
    ('culture_sports_tourism', '市体育局'),
    ('ip_protection', '市市场监管局'),
    ('eco_environment', '市生态环境局'),
    ('energy', '市发展改革委'),
    ('social_organizations', '市社会组织管理局'),
    ('information_services', '市工业和信息化局'),
    ('e_commerce', '市市场监管局'),
    ('e_commerce', '市商务局'),
    ('ride_hailing_bike_sharing', '市交通运输局'),
    ('online_housing_rental', '市住房城乡建设局'),
    ('online_education', '市教育局'),
    ('internet_healthcare', '市卫生健康委'),
    ('internet_healthcare', '市医保局')
) AS v(domain_code, department_name) LEFT JOIN credit_gz.department d ON d.name_zh = v.department_name;

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
    max_months       integer NOT NULL CHECK (max_months > 0),
    repairable       boolean NOT NULL,
    publication_optional boolean NOT NULL DEFAULT false,
    shipped          boolean NOT NULL DEFAULT false,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK (min_months IS NULL OR min_months <= max_months),
    CHECK (NOT repairable OR min_months IS NOT NULL)
);
CREATE UNIQUE INDEX publicity_rule_key_idx ON credit_gz.publicity_rule (effective_from, severity, domain_code) NULLS NOT DISTINCT;
COMMENT ON TABLE credit_gz.publicity_rule IS
    '失信信息公示期规则 / publicity periods of negative information, one row per rule generation, severity and domain '
    '(NULL domain: all domains; NULL severity: negative information that is not graded, e.g. list entries). Periods run '
    'from the decision date: at min_months the subject may apply for repair, at max_months publication stops. '
    'Rules are data: add a generation with its effective date when the law changes; records keep the rule in force '
    'on their decision date.';
COMMENT ON COLUMN credit_gz.publicity_rule.publicity_rule_id IS '规则编号 / rule id (records keep it)';
COMMENT ON COLUMN credit_gz.publicity_rule.generation IS '规则代次 / rule generation (ndrc_527_2019, ndrc_58_2023, ndrc_36_2026, gz_2024)';
COMMENT ON COLUMN credit_gz.publicity_rule.source IS '依据 / legal source';
COMMENT ON COLUMN credit_gz.publicity_rule.effective_from IS '施行日期 / first decision date the rule governs';
COMMENT ON COLUMN credit_gz.publicity_rule.effective_until IS '失效日期 / first decision date the rule no longer governs (NULL: open)';
COMMENT ON COLUMN credit_gz.publicity_rule.severity IS '失信程度 / minor (轻微), general (一般), serious (严重), specific_serious (特定严重); NULL: ungraded';
COMMENT ON COLUMN credit_gz.publicity_rule.domain_code IS '适用领域 / domain (NULL: all domains; a rule for the domain or its parent wins)';
COMMENT ON COLUMN credit_gz.publicity_rule.min_months IS '最短公示期(月) / minimum publicity in months, after which repair may be applied for (0: at once)';
COMMENT ON COLUMN credit_gz.publicity_rule.max_months IS '最长公示期(月) / maximum publicity in months, after which publication stops';
COMMENT ON COLUMN credit_gz.publicity_rule.repairable IS '可修复 / whether credit repair is possible';
COMMENT ON COLUMN credit_gz.publicity_rule.publication_optional IS '可不公示 / the department may decide not to publish (Order 36, minor)';
COMMENT ON COLUMN credit_gz.publicity_rule.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';

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
            MESSAGE = pg_catalog.format('unknown identity document type "%s"', document_type),
            HINT = 'The types are the codes of credit_gz.identity_document_type.';
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
                MESSAGE = pg_catalog.format('%s is a permanent residence number, not a citizen identity number',
                                            NEW.resident_id::text),
                HINT = 'Give it as identity_document_type ''permanent_residence'' and identity_document_no.';
        END IF;
        NEW.kind := coalesce(NEW.kind, 'natural_person');
        NEW.district := credit_gz.region_district(region);
    ELSIF NEW.identity_document_no IS NOT NULL OR NEW.identity_document_type IS NOT NULL THEN
        -- the resident identity card has its own column: a second place for it would let one person in twice
        IF EXISTS (SELECT FROM credit_gz.identity_document_type t
                    WHERE t.code = NEW.identity_document_type AND t.validation = 'gb11643') THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = pg_catalog.format('identity document type "%s" is carried by column resident_id',
                                            NEW.identity_document_type),
                HINT = 'Give the number as resident_id and leave identity_document_type and identity_document_no NULL.';
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
                MESSAGE = pg_catalog.format('subject %s cannot change between organisation and natural person', OLD.subject_id),
                DETAIL = 'A subject''s identity kind is fixed: records were checked against it.',
                HINT = 'Create a new subject for the other identity.';
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
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_NARGS <> 1 THEN
        RAISE EXCEPTION 'credit_gz.subject_reference_check() must be an AFTER ROW trigger on a credit_gz table naming a column';
    END IF;
    ref := (pg_catalog.to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    IF ref IS NOT NULL AND NOT EXISTS (SELECT FROM credit_gz.subject s WHERE s.subject_id = ref) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME, SCHEMA = TG_TABLE_SCHEMA,
            TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0],
            MESSAGE = pg_catalog.format('insert or update on table "%s" violates foreign key constraint "%s"',
                                        TG_TABLE_NAME, TG_NAME),
            DETAIL = pg_catalog.format('Key (%s)=(%s) is not present in table "subject".', TG_ARGV[0], ref);
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
        RAISE EXCEPTION 'credit_gz.subject_referenced_check() must be an AFTER ROW trigger on credit_gz.subject naming a table and column';
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
            MESSAGE = pg_catalog.format('update or delete on table "%s" violates foreign key constraint "%s" on table "%s"',
                                        TG_TABLE_NAME, TG_NAME, TG_ARGV[0]),
            DETAIL = pg_catalog.format('Subject %s (subject_id %s) is still referenced from table "%s" (%s).',
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
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_WHEN <> 'AFTER' OR TG_NARGS < 3
       OR (TG_LEVEL = 'ROW') <> (TG_OP = 'UPDATE') THEN
        RAISE EXCEPTION 'credit_gz.code_lookup_sync() must be an AFTER trigger on a credit_gz table (row level for UPDATE only) naming a lookup table, an id and codes';
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
    IF credit_gz.subject_is_person(NEW.subject_id) IS FALSE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'occupation_subject_id_fkey',
            MESSAGE = pg_catalog.format('occupational archive for subject %s: the holder must be a natural person', NEW.subject_id),
            DETAIL = 'Occupational archives (职业档案) are kept for natural persons of key groups.',
            HINT = 'Record the organisation as employer_subject_id and the person as subject_id.';
    END IF;
    IF NEW.employer_subject_id IS NOT NULL AND credit_gz.subject_is_person(NEW.employer_subject_id) IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'occupation_employer',
            MESSAGE = pg_catalog.format('occupational archive for subject %s: the employer must be an organisation', NEW.subject_id),
            DETAIL = pg_catalog.format('Subject %s is a natural person.', NEW.employer_subject_id),
            HINT = 'Give the subject_id of the firm, hospital, school or agency.';
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
    IF org_person IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_subject_id_fkey',
            MESSAGE = pg_catalog.format('relation %s: subject %s is a natural person, relations belong to organisations',
                                        NEW.kind, NEW.subject_id),
            DETAIL = 'subject_id is the organisation; related_subject_id is its legal representative, branch, shareholder, ….',
            HINT = 'Swap subject_id and related_subject_id.';
    END IF;
    IF NEW.kind IN ('legal_representative', 'principal_person') AND rel_person IS FALSE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_related_subject_id_fkey',
            MESSAGE = pg_catalog.format('relation %s: related subject %s must be a natural person', NEW.kind, NEW.related_subject_id),
            DETAIL = 'Legal representatives and principal persons are natural persons.',
            HINT = 'Give the subject_id of the person.';
    END IF;
    IF NEW.kind = 'branch' AND rel_person IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_related_subject_id_fkey',
            MESSAGE = pg_catalog.format('relation branch: related subject %s must be an organisation', NEW.related_subject_id),
            DETAIL = 'A branch (分支机构) has its own unified social credit code.',
            HINT = 'Give the subject_id of the branch.';
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
    IF NEW.kind = 'legal_representative' AND EXISTS (
           SELECT FROM credit_gz.relation r
            WHERE r.subject_id = NEW.subject_id AND r.kind = 'legal_representative'
              AND r.relation_id <> NEW.relation_id
              AND daterange(r.valid_from, r.valid_until) && daterange(NEW.valid_from, NEW.valid_until)) THEN
        RAISE EXCEPTION USING ERRCODE = 'exclusion_violation', CONSTRAINT = TG_NAME,
            MESSAGE = pg_catalog.format('subject %s already has a legal representative overlapping %s',
                                        NEW.subject_id, daterange(NEW.valid_from, NEW.valid_until)),
            DETAIL = 'An organisation has one legal representative at a time.',
            HINT = 'Close the current one first: UPDATE credit_gz.relation SET valid_until = … (the first day it no longer holds).';
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
    PRIMARY KEY (subject_id, record_id),
    CONSTRAINT record_occupation_fkey FOREIGN KEY (subject_id, occupation_id)
        REFERENCES credit_gz.occupation (subject_id, occupation_id),
    CONSTRAINT record_publicity_rule FOREIGN KEY (publicity_rule_id) REFERENCES credit_gz.publicity_rule (publicity_rule_id),
    CONSTRAINT record_window CHECK (publish_until IS NULL OR publish_from IS NULL OR publish_until >= publish_from),
    -- the row-local part of "not decided in the future": not after the day the record was collected, anywhere on
    -- earth (UTC+14 is the first zone to reach a day); the record trigger holds it to the policy date
    CONSTRAINT record_decision_not_future CHECK (decision_date <= (created_at AT TIME ZONE 'Etc/GMT-14')::date)
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
-- Repair applications and objections name a record by its id alone (repair_submit, objection_submit).
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

-- catalogue_changed: the record trigger caches info_item, publicity_rule and domain per backend; any change to them
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
        RAISE EXCEPTION 'record "%" of subject % has no publicity period, so it takes no 公示截止期', $2, rec.code
            USING ERRCODE = '22023',
                  DETAIL = 'Only negative records with a publicity rule in force on their decision date are published for a period.',
                  HINT = 'Leave publicity_deadline NULL for this record.';
    END IF;
    IF until > rec.rule_until THEN
        RAISE EXCEPTION 'record "%" of subject %: 公示截止期 % is after the last day the publicity rule allows, %',
                        $2, rec.code, pg_catalog.to_char($12, 'YYYY-MM-DD'),
                        pg_catalog.to_char(credit_gz.inclusive_end(rec.rule_until), 'YYYY-MM-DD')
            USING ERRCODE = 'check_violation', CONSTRAINT = 'record_publicity_rule',
                  DETAIL = '公示截止期 is the last day published; the maximum publicity period of the rule in force on the decision date ends the day before publish_until.',
                  HINT = 'Send the 公示截止期 the department decided, on or before the rule''s last day.';
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
    at         timestamptz NOT NULL DEFAULT pg_catalog.now(),
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
COMMENT ON COLUMN credit_gz.audit_log.at IS '时间 / transaction time';
CREATE INDEX audit_log_table_key_idx ON credit_gz.audit_log (table_name, row_key);

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

-- audit_trigger: generic AFTER ROW trigger. Arguments: the key column names (default: the table's primary key).
-- SECURITY DEFINER so applications can be audited without any right on the audit tables; search_path pinned.
-- The table it fires on decides where the entry goes: a row type with a subject_id column (a subject's row) to
-- audit_log, where the NOT NULL subject_id refuses a row without one; any other to catalogue_audit_log. The row's
-- jsonb answers that without a catalogue lookup per row (record updates of the expiry job pass here).
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
BEGIN
    IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' THEN
        RAISE EXCEPTION 'credit_gz.audit_trigger() must be an AFTER ROW trigger'
            USING ERRCODE = 'trigger_protocol_violated',
                  DETAIL = pg_catalog.format('Trigger "%s" on table "%s" fires %s %s.', TG_NAME, TG_TABLE_NAME,
                                             TG_WHEN, TG_LEVEL);
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
        INSERT INTO credit_gz.audit_log (subject_id, table_name, row_key, action, old_row, new_row, role_name)
        VALUES ((r ->> 'subject_id')::bigint,
                pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.' || pg_catalog.quote_ident(TG_TABLE_NAME),
                k, TG_OP, o, n, role);
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
    'not logged.';

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
COMMENT ON INDEX credit_gz.publicity_rule_key_idx IS 'one rule per effective date, severity and domain (NULLs equal)';
COMMENT ON INDEX credit_gz.subject_district_idx IS 'subjects per district (reports)';
COMMENT ON INDEX credit_gz.occupation_employer_idx IS 'people working for an organisation';
COMMENT ON INDEX credit_gz.relation_related_idx IS 'relations in which a subject is the related party (propagation)';
COMMENT ON INDEX credit_gz.record_id_idx IS 'a record by its id alone (repair and objection submissions)';
COMMENT ON INDEX credit_gz.record_publish_until_idx IS 'records whose publicity runs out (expiry job)';
COMMENT ON INDEX credit_gz.commitment_record_idx IS 'the commitment behind a breach record';
COMMENT ON INDEX credit_gz.commitment_due_idx IS 'pending commitments by due date (follow-up)';
COMMENT ON INDEX credit_gz.audit_log_table_key_idx IS 'history of one row (the primary key gives a subject''s whole history)';
COMMENT ON INDEX credit_gz.catalogue_audit_log_table_key_idx IS 'history of one rule or catalogue row';

-- ====================================================================
-- src/quality.sql
-- ====================================================================
-- 信用信息归集质量 / data quality of collection (穗府办函〔2020〕35号 (十五)): duplicate and erroneous unified codes
-- (重错码率 ≤ 0.005%), 双公示 field completeness and pass rate per department, collection volume per department and
-- period against the same period of the previous year (+20%). Targets are data (credit_gz.policy_target).

CREATE TABLE credit_gz.policy_target (
    code           text    NOT NULL,
    effective_from date    NOT NULL,
    name_zh        text    NOT NULL,
    name_en        text    NOT NULL,
    value          numeric NOT NULL,
    unit           text    NOT NULL CHECK (unit IN ('ratio', 'count')),
    source         text    NOT NULL,
    shipped        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (code, effective_from)
);
COMMENT ON TABLE credit_gz.policy_target IS
    '政策目标 / quantitative targets the policy sets, versioned by effective date; the quality reports compare against '
    'the target in force on the day of the report.';
COMMENT ON COLUMN credit_gz.policy_target.code IS '目标代码 / target code';
COMMENT ON COLUMN credit_gz.policy_target.effective_from IS '起始日期 / first day in force';
COMMENT ON COLUMN credit_gz.policy_target.name_zh IS '目标名称 / target name in Chinese';
COMMENT ON COLUMN credit_gz.policy_target.name_en IS '英文名称 / target name in English';
COMMENT ON COLUMN credit_gz.policy_target.value IS '目标值 / value (ratio: 0.2 = 20%)';
COMMENT ON COLUMN credit_gz.policy_target.unit IS '单位 / ratio or count';
COMMENT ON COLUMN credit_gz.policy_target.source IS '依据 / source';
COMMENT ON COLUMN credit_gz.policy_target.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';

INSERT INTO credit_gz.policy_target (code, effective_from, name_zh, name_en, value, unit, source, shipped) VALUES
    ('code_error_rate', '2020-05-18', '统一社会信用代码重错码率上限', 'maximum rate of duplicate or erroneous unified codes',
     0.00005, 'ratio', '穗府办函〔2020〕35号 (十五): 重错码率不超过0.005%', true),
    ('collection_growth', '2020-05-18', '公共信用信息数据总量同比增长', 'growth of public credit data over the same period of the previous year',
     0.20, 'ratio', '穗府办函〔2020〕35号 (十五): 较同期提升20%以上', true),
    ('graded_supervision_domains', '2020-05-18', '信用分级分类监管覆盖行业领域数', 'supervision domains covered by graded supervision',
     20, 'count', '穗府办函〔2020〕35号 一: 覆盖不少于20个行业领域', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.policy_target', 'WHERE NOT shipped');

-- policy_target_value: the value of a target in force on a day.
CREATE FUNCTION credit_gz.policy_target_value(code text, on_day date DEFAULT credit_gz.policy_date())
RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT t.value FROM credit_gz.policy_target t
     WHERE t.code = $1 AND t.effective_from <= $2
     ORDER BY t.effective_from DESC LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.policy_target_value(text, date) IS
    '政策目标值 / the value of a policy target in force on a day (default today); NULL if none.';

-- ---------------------------------------------------------------------------------------------------------------------
-- 统一社会信用代码重错码 (十五)
-- ---------------------------------------------------------------------------------------------------------------------

-- code_quality_issues: every erroneous code (with the rule it breaks) and every duplicate code (one code, several
-- names) of a table of codes: a staging table of raw text codes, or credit_gz.subject itself (a uscc column).
CREATE FUNCTION credit_gz.code_quality_issues(source regclass, code_column name, name_column name DEFAULT NULL)
RETURNS TABLE (code text, problem text, reason text, names text[], occurrences bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY EXECUTE pg_catalog.format($q$
        WITH src AS (
            SELECT btrim(%1$I::text) AS raw, %2$s AS nm FROM %3$s WHERE %1$I IS NOT NULL AND btrim(%1$I::text) <> ''
        ), checked AS (
            SELECT raw, nm, credit_gz.uscc_explain(raw) AS why FROM src
        )
        SELECT raw, 'erroneous'::text, min(why), array_agg(DISTINCT nm) FILTER (WHERE nm IS NOT NULL), count(*)
          FROM checked WHERE why IS NOT NULL GROUP BY raw
        UNION ALL
        SELECT canon, 'duplicate'::text,
               pg_catalog.format('%%s rows carry this code under %%s different names', count(*), count(DISTINCT nm)),
               array_agg(DISTINCT nm), count(*)
          FROM (SELECT credit_gz.uscc(raw)::text AS canon, btrim(nm) AS nm FROM checked WHERE why IS NULL) v
         GROUP BY canon HAVING count(DISTINCT nm) > 1
         ORDER BY 2, 1 $q$,
        code_column,
        CASE WHEN name_column IS NULL THEN 'NULL::text' ELSE pg_catalog.quote_ident(name_column) || '::text' END,
        source);
END
$$;
COMMENT ON FUNCTION credit_gz.code_quality_issues(regclass, name, name) IS
    '重错码明细 / erroneous codes (problem = erroneous, reason from uscc_explain) and duplicate codes (problem = '
    'duplicate: one canonical code under several names; needs name_column) of any table with a code column.';

-- code_quality: the rate of duplicate and erroneous codes against the policy's target.
CREATE FUNCTION credit_gz.code_quality(source regclass, code_column name, name_column name DEFAULT NULL)
RETURNS TABLE (distinct_codes bigint, erroneous bigint, duplicate bigint, error_rate numeric, target_rate numeric,
               meets_target boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    total bigint;
BEGIN
    EXECUTE pg_catalog.format('SELECT count(DISTINCT btrim(%1$I::text)) FROM %2$s WHERE %1$I IS NOT NULL AND btrim(%1$I::text) <> %3$L',
                              code_column, source, '')
       INTO total;
    SELECT count(*) FILTER (WHERE i.problem = 'erroneous'), count(*) FILTER (WHERE i.problem = 'duplicate')
      INTO erroneous, duplicate
      FROM credit_gz.code_quality_issues(source, code_column, name_column) i;
    distinct_codes := total;
    error_rate := CASE WHEN total > 0 THEN round((erroneous + duplicate)::numeric / total, 8) END;
    target_rate := credit_gz.policy_target_value('code_error_rate');
    meets_target := error_rate <= target_rate;
    RETURN NEXT;
END
$$;
COMMENT ON FUNCTION credit_gz.code_quality(regclass, name, name) IS
    '重错码率 / distinct codes, erroneous and duplicate codes, their rate ((erroneous + duplicate) / distinct codes) and '
    'whether it meets the target in credit_gz.policy_target (code_error_rate, 0.005% per (十五)). '
    'Example: code_quality(''staging.enterprises'', ''code'', ''name''), code_quality(''credit_gz.subject'', ''uscc'', ''name'').';

-- ---------------------------------------------------------------------------------------------------------------------
-- 双公示 (行政许可、行政处罚信息) completeness
-- ---------------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.double_publicity_field (
    kind     text    NOT NULL CHECK (kind IN ('licence', 'penalty')),
    field    text    NOT NULL CHECK (field ~ '^[a-z][a-z0-9_]*$'),
    name_zh  text    NOT NULL,
    required boolean NOT NULL DEFAULT true,
    shipped  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (kind, field)
);
COMMENT ON TABLE credit_gz.double_publicity_field IS
    '双公示数据项 / fields of administrative licence and penalty information that the 双公示 data standard requires '
    'beyond the record''s own columns; they are keys of credit_gz.record.details. Subject name and code, legal '
    'representative (organisations), document number, decision date, deciding department and (penalties) end of '
    'publicity are checked from the columns.';
COMMENT ON COLUMN credit_gz.double_publicity_field.kind IS '类别 / licence (行政许可) or penalty (行政处罚)';
COMMENT ON COLUMN credit_gz.double_publicity_field.field IS '数据项 / key in record.details';
COMMENT ON COLUMN credit_gz.double_publicity_field.name_zh IS '数据项名称 / field name in the standard';
COMMENT ON COLUMN credit_gz.double_publicity_field.required IS '必填 / required for the check to pass';
COMMENT ON COLUMN credit_gz.double_publicity_field.shipped IS '随扩展发布 / shipped with the extension (pg_dump keeps only local rows)';

INSERT INTO credit_gz.double_publicity_field (kind, field, name_zh, required, shipped) VALUES
    ('licence', 'document_name', '行政许可决定文书名称', true, true),
    ('licence', 'licence_type', '许可类别', true, true),
    ('licence', 'certificate_name', '许可证书名称', false, true),
    ('licence', 'licence_no', '许可编号', false, true),
    ('licence', 'content', '许可内容', true, true),
    ('licence', 'valid_from', '有效期自', true, true),
    ('licence', 'valid_to', '有效期至', true, true),
    ('penalty', 'violation_type', '违法行为类型', true, true),
    ('penalty', 'facts', '违法事实', true, true),
    ('penalty', 'basis', '处罚依据', true, true),
    ('penalty', 'penalty_type', '处罚类别', true, true),
    ('penalty', 'content', '处罚内容', true, true),
    ('penalty', 'fine_amount', '罚款金额(万元)', false, true),
    ('penalty', 'confiscated_amount', '没收违法所得、没收非法财物的金额(万元)', false, true),
    ('penalty', 'licence_revoked', '暂扣或吊销证照名称及编号', false, true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.double_publicity_field', 'WHERE NOT shipped');

-- double_publicity_issues: the 双公示 records (items with info_item.double_publicity) decided in [from_date, to_date]
-- with the fields they lack. An organisation's record needs a legal representative valid on the decision date.
CREATE FUNCTION credit_gz.double_publicity_issues(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
RETURNS TABLE (record_id bigint, department_code text, kind text, document_no text, missing text[])
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT r.record_id, r.department_code, i.double_publicity, r.document_no,
           pg_catalog.array_remove(ARRAY[
               CASE WHEN s.name IS NULL OR btrim(s.name) = '' THEN 'subject_name' END,
               CASE WHEN num_nonnulls(s.uscc, s.resident_id, s.identity_document_no) = 0 THEN 'subject_code' END,
               CASE WHEN s.uscc IS NOT NULL AND NOT EXISTS (
                        SELECT FROM credit_gz.relation l
                         WHERE l.subject_id = r.subject_id AND l.kind = 'legal_representative'
                           AND credit_gz.in_force(l.valid_from, l.valid_until, r.decision_date))
                    THEN 'legal_representative' END,
               CASE WHEN i.double_publicity = 'penalty' AND r.publish_until IS NULL THEN 'publish_until' END
           ]::text[] || ARRAY(
               SELECT f.field FROM credit_gz.double_publicity_field f
                WHERE f.kind = i.double_publicity AND f.required
                  AND coalesce(btrim(r.details ->> f.field), '') = ''
                ORDER BY f.field), NULL)
      FROM credit_gz.record r
      JOIN credit_gz.info_item i ON i.code = r.item_code AND i.double_publicity IS NOT NULL
      JOIN credit_gz.subject s ON s.subject_id = r.subject_id
     WHERE ($1 IS NULL OR r.decision_date >= $1) AND ($2 IS NULL OR r.decision_date <= $2)
       AND r.status <> 'revoked'
$$;
COMMENT ON FUNCTION credit_gz.double_publicity_issues(date, date) IS
    '双公示校验明细 / every licence and penalty record decided in the period (NULL: unbounded) with the required '
    'fields it lacks (empty array: passes).';

-- double_publicity_check: pass rate per department and kind (十五: 提升“双公示”数据归集质量和校验通过率).
CREATE FUNCTION credit_gz.double_publicity_check(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
RETURNS TABLE (department_code text, department_name text, kind text, records bigint, passed bigint, pass_rate numeric)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT x.department_code, d.name_zh, x.kind, count(*), count(*) FILTER (WHERE cardinality(x.missing) = 0),
           round(count(*) FILTER (WHERE cardinality(x.missing) = 0)::numeric / count(*), 4)
      FROM credit_gz.double_publicity_issues($1, $2) x
      JOIN credit_gz.department d ON d.code = x.department_code
     GROUP BY x.department_code, d.name_zh, x.kind
     ORDER BY x.department_code, x.kind
$$;
COMMENT ON FUNCTION credit_gz.double_publicity_check(date, date) IS
    '双公示校验通过率 / per department and kind (licence, penalty): records decided in the period, records passing '
    'the field check, pass rate. Details: credit_gz.double_publicity_issues().';

-- ---------------------------------------------------------------------------------------------------------------------
-- 数据归集量与同比增长 (十五: 较同期提升20%以上)
-- ---------------------------------------------------------------------------------------------------------------------

-- collection_stats: records collected (created_at, Guangzhou time) per department and period, with the same period
-- of the previous year and the growth; a row with department_code NULL per period gives the total.
CREATE FUNCTION credit_gz.collection_stats(granularity text DEFAULT 'month')
RETURNS TABLE (department_code text, department_name text, period_start date, records bigint,
               same_period_last_year bigint, growth numeric, target_growth numeric, meets_target boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF granularity IS NULL OR granularity NOT IN ('month', 'quarter', 'year') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = pg_catalog.format('collection period "%s" is not supported', granularity),
            DETAIL = 'Growth is measured against the same period of the previous year.',
            HINT = 'Use month, quarter or year.';
    END IF;
    RETURN QUERY
    WITH c AS (
        SELECT v.dep, v.p, count(*) AS n, GROUPING(v.dep) AS total_row
          FROM (SELECT r.department_code AS dep,
                       date_trunc(granularity, credit_gz.policy_date(r.created_at)::timestamp)::date AS p
                  FROM credit_gz.record r) v
         GROUP BY GROUPING SETS ((v.dep, v.p), (v.p))
    )
    SELECT c.dep, d.name_zh, c.p, c.n, ly.n,
           CASE WHEN ly.n > 0 THEN round(c.n::numeric / ly.n - 1, 4) END,
           credit_gz.policy_target_value('collection_growth', c.p),
           CASE WHEN ly.n > 0 THEN c.n >= ly.n * (1 + credit_gz.policy_target_value('collection_growth', c.p)) END
      FROM c
      LEFT JOIN c ly ON ly.total_row = c.total_row AND ly.dep IS NOT DISTINCT FROM c.dep
                    AND ly.p = (c.p - interval '1 year')::date
      LEFT JOIN credit_gz.department d ON d.code = c.dep
     ORDER BY c.p, c.dep NULLS FIRST;
END
$$;
COMMENT ON FUNCTION credit_gz.collection_stats(text) IS
    '信用信息归集量 / records collected per department and month, quarter or year (Guangzhou time), the same period '
    'of the previous year, growth and whether it meets the policy_target collection_growth (+20%); department NULL '
    'is the total.';

CREATE VIEW credit_gz.collection_by_department AS
    SELECT * FROM credit_gz.collection_stats('month');
COMMENT ON VIEW credit_gz.collection_by_department IS
    '信用信息月度归集量及同比 / monthly collection per department (NULL: all) with growth against the same month of '
    'the previous year and the +20% target (十五).';
COMMENT ON COLUMN credit_gz.collection_by_department.department_code IS '归集部门 / department (NULL: all departments)';
COMMENT ON COLUMN credit_gz.collection_by_department.department_name IS '部门名称 / department name';
COMMENT ON COLUMN credit_gz.collection_by_department.period_start IS '统计月份 / first day of the month';
COMMENT ON COLUMN credit_gz.collection_by_department.records IS '归集记录数 / records collected';
COMMENT ON COLUMN credit_gz.collection_by_department.same_period_last_year IS '上年同期 / records in the same month a year before';
COMMENT ON COLUMN credit_gz.collection_by_department.growth IS '同比增长 / growth (0.2 = +20%; NULL without a base)';
COMMENT ON COLUMN credit_gz.collection_by_department.target_growth IS '目标增长 / target growth in force';
COMMENT ON COLUMN credit_gz.collection_by_department.meets_target IS '是否达标 / growth reaches the target';

-- ====================================================================
-- src/lists.sql
-- ====================================================================
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
-- Active derived entries are not dumped: they are a function of the direct entries, relations and rules; the
-- propagation triggers rebuild them while pg_restore loads list_entry and relation, or credit_gz.repropagate()
-- does after a restore with --disable-triggers. Lifted derived entries are history and are dumped.
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_entry', 'WHERE derived_from_entry_id IS NULL OR status <> ''active''');
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

-- ---------------------------------------------------------------------------------------------------------------
-- Validation of directly determined entries (rules as data: terms, early removal, transitions)
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.list_entry_check() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    lt credit_gz.list_type;
    earliest date;
BEGIN
    NEW.updated_at := now();
    IF NEW.derived_from_entry_id IS NOT NULL OR (TG_OP = 'UPDATE' AND OLD.derived_from_entry_id IS NOT NULL) THEN
        RETURN NEW;  -- derived entries are checked by the propagation trigger (credit_gz.list_entry_propagate)
    END IF;
    SELECT * INTO lt FROM credit_gz.list_type WHERE code = NEW.list_type_code;
    IF TG_OP = 'INSERT' THEN
        IF lt.derived_only THEN
            RAISE EXCEPTION 'list type "%" is reached only through propagation', NEW.list_type_code
                USING ERRCODE = 'check_violation',
                      DETAIL = format('%s (%s) lists the persons responsible for a listed organisation.', lt.name_zh, lt.name_en),
                      HINT = 'List the organisation on the source list; its responsible persons are derived along its relations.';
        END IF;
        IF NOT credit_gz.in_force(lt.effective_from, lt.effective_until, NEW.effective_from) THEN
            RAISE EXCEPTION 'list type "%" is not in force on %', NEW.list_type_code, to_char(NEW.effective_from, 'YYYY-MM-DD')
                USING ERRCODE = 'check_violation',
                      DETAIL = format('The list type is in force from %s%s.', to_char(lt.effective_from, 'YYYY-MM-DD'),
                                      coalesce(', and no longer from ' || to_char(lt.effective_until, 'YYYY-MM-DD'), '')),
                      HINT = 'Use the list type in force on the date of the determination.';
        END IF;
        IF lt.applies_to <> 'both' AND EXISTS (
               SELECT 1 FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id
                  AND (s.uscc IS NULL) <> (lt.applies_to = 'natural_person')) THEN
            RAISE EXCEPTION 'list type "%" applies only to %s', NEW.list_type_code, replace(lt.applies_to, '_', ' ')
                USING ERRCODE = 'check_violation',
                      DETAIL = format('Subject %s is not a %s.', NEW.subject_id, replace(lt.applies_to, '_', ' ')),
                      HINT = 'Choose a list type that applies to this kind of subject.';
        END IF;
        IF NEW.effective_until IS NULL AND lt.default_term_months IS NOT NULL THEN
            -- the term runs from the listing date; the anniversary is the first day no longer in force
            NEW.effective_until := credit_gz.add_months(NEW.effective_from, lt.default_term_months);
        END IF;
        IF NEW.status <> 'active' AND NEW.status_changed_on IS NULL THEN
            NEW.status_changed_on := credit_gz.policy_date();
        END IF;
        RETURN NEW;
    END IF;

    -- UPDATE of a directly determined entry
    IF NEW.subject_id <> OLD.subject_id OR NEW.list_type_code <> OLD.list_type_code
       OR NEW.derived_from_entry_id IS NOT NULL THEN
        RAISE EXCEPTION 'the subject and list type of list entry % cannot change', OLD.entry_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'An entry records one determination about one subject.',
                  HINT = 'Revoke the entry (status ''revoked'') and create a new one.';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF OLD.status <> 'active' THEN
            RAISE EXCEPTION 'list entry % is already %', OLD.entry_id, OLD.status
                USING ERRCODE = 'check_violation',
                      DETAIL = 'Only an active entry changes status; a later determination is a new entry.',
                      HINT = 'Create a new entry for a new determination.';
        END IF;
        NEW.status_changed_on := coalesce(NEW.status_changed_on, credit_gz.policy_date());
        IF NEW.status_changed_on IS NOT DISTINCT FROM OLD.status_changed_on THEN
            NEW.status_changed_on := credit_gz.policy_date();
        END IF;
        IF NEW.status = 'expired' AND (OLD.effective_until IS NULL OR OLD.effective_until > NEW.status_changed_on) THEN
            RAISE EXCEPTION 'list entry % has not reached the end of its term', OLD.entry_id
                USING ERRCODE = 'check_violation',
                      DETAIL = CASE WHEN OLD.effective_until IS NULL THEN 'The entry is in force until it is removed.'
                                    ELSE format('The entry is no longer in force from %s.', to_char(OLD.effective_until, 'YYYY-MM-DD')) END,
                      HINT = 'Use status ''lifted'' or ''repaired'' for an early removal.';
        END IF;
        IF NEW.status IN ('lifted', 'repaired')
           AND (OLD.effective_until IS NULL OR OLD.effective_until > NEW.status_changed_on) THEN
            IF lt.early_removal_after_months IS NULL THEN
                RAISE EXCEPTION 'list type "%" allows no early removal', OLD.list_type_code
                    USING ERRCODE = 'check_violation',
                          DETAIL = CASE WHEN OLD.effective_until IS NULL
                                        THEN format('Entry %s stays in force until it is revoked.', OLD.entry_id)
                                        ELSE format('Entry %s stays in force until %s, the first day it no longer is.',
                                                    OLD.entry_id, to_char(OLD.effective_until, 'YYYY-MM-DD')) END,
                          HINT = 'Revoke the entry if the determination itself was wrong.';
            END IF;
            earliest := credit_gz.add_months(OLD.effective_from, lt.early_removal_after_months);
            IF NEW.status_changed_on < earliest THEN
                RAISE EXCEPTION 'list entry % cannot be removed before %', OLD.entry_id, to_char(earliest, 'YYYY-MM-DD')
                    USING ERRCODE = 'check_violation',
                          DETAIL = format('%s allows early removal %s months after listing, on conditions: %s.',
                                          lt.name_zh, lt.early_removal_after_months,
                                          coalesce(lt.early_removal_conditions, 'none stated')),
                          HINT = 'Wait until the early-removal date, or revoke the entry if the determination was wrong.';
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION credit_gz.list_entry_check() IS
    '名单列入校验：默认期限、提前移出、状态变更规则（均取自 list_type）/ validates directly determined entries: '
    'default term, early removal and status transitions, all read from list_type';
CREATE TRIGGER list_entry_check BEFORE INSERT OR UPDATE ON credit_gz.list_entry
    FOR EACH ROW EXECUTE FUNCTION credit_gz.list_entry_check();

-- ---------------------------------------------------------------------------------------------------------------
-- Propagation (C, src/lists.c)
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
-- Time: expiry and escalation belong to the one expiry job, credit_gz.run_expiry (src/repair.sql, doc/repair.md);
-- an entry escalates on credit_gz.add_months(effective_from, escalate_after_months), here and there.
-- ---------------------------------------------------------------------------------------------------------------
CREATE INDEX list_entry_escalated_idx ON credit_gz.list_entry (escalated_from_entry_id) WHERE escalated_from_entry_id IS NOT NULL;
COMMENT ON INDEX credit_gz.list_entry_escalated_idx IS '升级来源 / escalation source';

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
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM credit_gz.dishonesty_case c WHERE c.subject_id = OLD.subject_id AND c.case_id = OLD.case_id) THEN
            RETURN OLD;  -- the whole case is being deleted (ON DELETE CASCADE)
        END IF;
        RAISE EXCEPTION 'steps of dishonesty case % cannot be deleted', OLD.case_id
            USING ERRCODE = 'check_violation', DETAIL = 'A case keeps the record of every step it went through.',
                  HINT = 'Correct the date or note of the step instead.';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.step <> OLD.step THEN
        RAISE EXCEPTION 'the step of a dishonesty case step cannot change'
            USING ERRCODE = 'check_violation', DETAIL = 'Each row records one step.', HINT = 'Record the next step as a new row.';
    END IF;
    SELECT * INTO k FROM credit_gz.case_step_kind WHERE code = NEW.step;
    SELECT s.step, s.done_on, sk.seq INTO prev
      FROM credit_gz.dishonesty_case_step s JOIN credit_gz.case_step_kind sk ON sk.code = s.step
     WHERE s.subject_id = NEW.subject_id AND s.case_id = NEW.case_id AND sk.seq = k.seq - 1;
    IF k.seq > 1 AND prev.step IS NULL THEN
        RAISE EXCEPTION 'dishonesty case % has not completed the step before %', NEW.case_id, NEW.step
            USING ERRCODE = 'check_violation',
                  DETAIL = 'Steps follow 核查 → 记录 → 监管 → 惩戒 → 整改 → 教育 (verification, recording, supervision, punishment, rectification, education).',
                  HINT = 'Record the earlier step first.';
    END IF;
    IF k.seq > 1 AND NEW.done_on < prev.done_on THEN
        RAISE EXCEPTION 'step % of dishonesty case % cannot precede step %', NEW.step, NEW.case_id, prev.step
            USING ERRCODE = 'check_violation',
                  DETAIL = format('Step %s was done on %s; step %s is dated %s.', prev.step, to_char(prev.done_on, 'YYYY-MM-DD'),
                                  NEW.step, to_char(NEW.done_on, 'YYYY-MM-DD')),
                  HINT = 'Date each step on or after the previous one.';
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

CREATE VIEW credit_gz.dishonesty_case_status AS
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

-- ====================================================================
-- src/scoring.sql
-- ====================================================================
-- scoring: tiered credit scoring and classified supervision (分级分类监管).
-- 穗府办函〔2020〕35号 二(二): 建立行业信用评价制度，明确信用等级；根据信用等级实施差异化分类监管；
-- 探索企业信用风险分级管理指标体系、风险模型. 十六: 构建企业信用综合评价指标体系.
--
-- Scores are kept current by C triggers (src/scoring.c) on credit_gz.record (and credit_gz.list_entry), inside the
-- transaction that changed the record. Everything that changes with the law (points, decay, thresholds, downgrades,
-- inspection ratios) is data in the tables below; rules carry effective dates and a record is scored by the rule in
-- force on its decision date.

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers in C (src/scoring.c over src/core/score_math.c)
-- ---------------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.decayed_points(points integer, decay smallint, steps integer,
                                         window_from date, window_until date, as_of date)
RETURNS integer
AS 'MODULE_PATHNAME', 'credit_gz_scoring_decayed_points'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.decayed_points(integer, smallint, integer, date, date, date) IS
    '公示期内分值衰减 / points (in hundredths) a record earns on as_of under a decay (0 none, 1 linear, 2 step) over '
    'its publicity window [window_from, window_until); a NULL window bound means no decay.';

CREATE FUNCTION credit_gz.scoring_grade(score_centi bigint, contributions bigint, cap_rank smallint,
                                        a_min bigint, b_min bigint, c_min bigint, no_history_grade text)
RETURNS text
AS 'MODULE_PATHNAME', 'credit_gz_scoring_grade'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.scoring_grade(bigint, bigint, smallint, bigint, bigint, bigint, text) IS
    '分值定级 / the grade letter of a score (hundredths) under thresholds a/b/c_min: no_history_grade when nothing '
    'counts (contributions = 0), then capped by a direct downgrade rank (0 D, 1 C, 2 M, 3 B, 4 A; NULL none).';

CREATE FUNCTION credit_gz.clamp_score(base_centi bigint, raw_centi bigint, floor_centi bigint, ceiling_centi bigint)
RETURNS bigint
AS 'MODULE_PATHNAME', 'credit_gz_scoring_clamp_score'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.clamp_score(bigint, bigint, bigint, bigint) IS
    '保底封顶 / a score in hundredths: base plus the summed points, kept between floor and ceiling (the C arithmetic '
    'of the triggers and of score_from_sums).';

CREATE FUNCTION credit_gz.sample_key(seed bigint, subject_id bigint)
RETURNS bigint
AS 'MODULE_PATHNAME', 'credit_gz_scoring_sample_key'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION credit_gz.sample_key(bigint, bigint) IS
    '双随机抽样键 / reproducible sampling key: splitmix64 of (seed, subject_id); the same seed orders subjects the same '
    'way on every server (双随机、一公开: the draw can be recomputed by anyone who knows the seed).';

CREATE FUNCTION credit_gz.scoring_rank(grade credit_gz.credit_grade)
RETURNS smallint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE grade::text WHEN 'D' THEN 0 WHEN 'C' THEN 1 WHEN 'M' THEN 2 WHEN 'B' THEN 3 WHEN 'A' THEN 4 END;
COMMENT ON FUNCTION credit_gz.scoring_rank(credit_gz.credit_grade) IS
    '等级序号 / scoring rank of a grade, D 0 < C 1 < M 2 < B 3 < A 4 (the credit_grade order; credit_grade_rank counts '
    'the other way), so that the worst of several direct downgrades is a parallel-safe min() over smallint.';

-- ---------------------------------------------------------------------------------------------------------------
-- Models, rules, direct downgrades
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.scoring_model (
    code             text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh          text NOT NULL,
    name_en          text NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('domain', 'comprehensive', 'risk')),
    domain_code      text REFERENCES credit_gz.domain (code),
    base_score       numeric(7,2) NOT NULL,
    floor_score      numeric(7,2) NOT NULL,
    ceiling_score    numeric(7,2) NOT NULL,
    a_min            numeric(7,2) NOT NULL,
    b_min            numeric(7,2) NOT NULL,
    c_min            numeric(7,2) NOT NULL,
    no_history_grade credit_gz.credit_grade NOT NULL DEFAULT 'M',
    warning_drop     numeric(7,2) NOT NULL DEFAULT 10 CHECK (warning_drop >= 0),
    warning_window   interval NOT NULL DEFAULT '90 days' CHECK (warning_window > '0'::interval),
    is_active        boolean NOT NULL DEFAULT true,
    basis            text,
    shipped          boolean NOT NULL DEFAULT false,
    CONSTRAINT scoring_model_range CHECK (floor_score <= base_score AND base_score <= ceiling_score),
    CONSTRAINT scoring_model_thresholds CHECK (a_min >= b_min AND b_min >= c_min),
    CONSTRAINT scoring_model_domain CHECK ((kind = 'domain') = (domain_code IS NOT NULL))
);
COMMENT ON TABLE credit_gz.scoring_model IS
    '信用评价模型 / scoring model: one per evaluating domain (行业信用评价), the city-wide comprehensive model '
    '(企业信用综合评价, 十六) and the market-supervision credit-risk model (企业信用风险分类: A 低 … D 高风险).';
COMMENT ON COLUMN credit_gz.scoring_model.code IS '模型代码 / model code';
COMMENT ON COLUMN credit_gz.scoring_model.name_zh IS '模型名称 / name in Chinese';
COMMENT ON COLUMN credit_gz.scoring_model.name_en IS '英文名称 / name in English';
COMMENT ON COLUMN credit_gz.scoring_model.kind IS '类别 / domain (行业评价), comprehensive (综合评价) or risk (信用风险分类)';
COMMENT ON COLUMN credit_gz.scoring_model.domain_code IS
    '评价领域 / the evaluated domain (with its sub-domains); NULL for city-wide models, which count every domain';
COMMENT ON COLUMN credit_gz.scoring_model.base_score IS '基础分 / score of a subject before any record counts';
COMMENT ON COLUMN credit_gz.scoring_model.floor_score IS '最低分 / floor: the score never goes below';
COMMENT ON COLUMN credit_gz.scoring_model.ceiling_score IS '最高分 / ceiling: the score never goes above';
COMMENT ON COLUMN credit_gz.scoring_model.a_min IS 'A 级下限 / lowest score graded A';
COMMENT ON COLUMN credit_gz.scoring_model.b_min IS 'B 级下限 / lowest score graded B';
COMMENT ON COLUMN credit_gz.scoring_model.c_min IS 'C 级下限 / lowest score graded C (below: D)';
COMMENT ON COLUMN credit_gz.scoring_model.no_history_grade IS
    '无记录等级 / grade of a subject with nothing counting under the model (M: new or no history)';
COMMENT ON COLUMN credit_gz.scoring_model.warning_drop IS '预警降分阈值 / early warning when the score falls by more than this within the window';
COMMENT ON COLUMN credit_gz.scoring_model.warning_window IS '预警窗口 / early-warning window';
COMMENT ON COLUMN credit_gz.scoring_model.is_active IS '是否启用 / inactive models are neither maintained nor recomputed';
COMMENT ON COLUMN credit_gz.scoring_model.basis IS '依据 / legal or policy basis';
COMMENT ON COLUMN credit_gz.scoring_model.shipped IS '随扩展发布 / shipped with the extension (not dumped; local rows are)';

CREATE TABLE credit_gz.scoring_rule (
    scoring_rule_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    model_code       text NOT NULL REFERENCES credit_gz.scoring_model (code) ON DELETE CASCADE,
    source           text NOT NULL DEFAULT 'record' CHECK (source IN ('record', 'list_entry')),
    item_code        text REFERENCES credit_gz.info_item (code),
    item_kind        text,
    severity         text CHECK (severity IN ('minor', 'general', 'serious', 'specific_serious')),
    domain_code      text REFERENCES credit_gz.domain (code),
    list_type_code   text REFERENCES credit_gz.list_type (code),
    points           numeric(7,2) NOT NULL,
    decay            text NOT NULL DEFAULT 'none' CHECK (decay IN ('none', 'linear', 'step')),
    decay_steps      integer CHECK (decay_steps >= 1),
    effective_from   date NOT NULL,
    effective_until  date,
    basis            text,
    shipped          boolean NOT NULL DEFAULT false,
    CONSTRAINT scoring_rule_dates CHECK (effective_until IS NULL OR effective_until > effective_from),
    CONSTRAINT scoring_rule_steps CHECK ((decay = 'step') = (decay_steps IS NOT NULL)),
    CONSTRAINT scoring_rule_source CHECK (
        CASE source
            WHEN 'record' THEN list_type_code IS NULL
            ELSE list_type_code IS NOT NULL AND item_code IS NULL AND item_kind IS NULL AND severity IS NULL
                 AND domain_code IS NULL
        END)
);
CREATE INDEX scoring_rule_model_idx ON credit_gz.scoring_rule (model_code);
COMMENT ON INDEX credit_gz.scoring_rule_model_idx IS
    'Rules of one model (the ON DELETE CASCADE from scoring_model, rules listed per model).';
COMMENT ON TABLE credit_gz.scoring_rule IS
    '计分规则 / scoring rule: which records (catalogue item or kind, severity, domain) or list entries (list type) count '
    'under a model and for how many points (negative 失信, positive 守信/红名单). Where several rules match a record, the '
    'most specific wins (item > severity > domain > kind; then the later effective_from; then the lower scoring_rule_id). A '
    'record is scored by the rule in force on its decision date (an entry: on its effective_from).';
COMMENT ON COLUMN credit_gz.scoring_rule.scoring_rule_id IS '规则编号 / rule id';
COMMENT ON COLUMN credit_gz.scoring_rule.model_code IS '模型 / model';
COMMENT ON COLUMN credit_gz.scoring_rule.source IS '来源 / record (信用档案记录) or list_entry (名单)';
COMMENT ON COLUMN credit_gz.scoring_rule.item_code IS '信息事项 / catalogue item; NULL: any';
COMMENT ON COLUMN credit_gz.scoring_rule.item_kind IS '事项类别 / item kind (penalty, positive …); NULL: any';
COMMENT ON COLUMN credit_gz.scoring_rule.severity IS '严重程度 / penalty severity; NULL: any';
COMMENT ON COLUMN credit_gz.scoring_rule.domain_code IS '领域 / record domain (a parent domain matches its sub-domains); NULL: any in the model';
COMMENT ON COLUMN credit_gz.scoring_rule.list_type_code IS '名单类型 / list type, for source list_entry';
COMMENT ON COLUMN credit_gz.scoring_rule.points IS '分值 / points (negative for 失信, positive for 守信)';
COMMENT ON COLUMN credit_gz.scoring_rule.decay IS '衰减 / none, linear or step over the publicity window';
COMMENT ON COLUMN credit_gz.scoring_rule.decay_steps IS '衰减档数 / number of steps for step decay';
COMMENT ON COLUMN credit_gz.scoring_rule.effective_from IS '生效日期 / first day in force';
COMMENT ON COLUMN credit_gz.scoring_rule.effective_until IS '失效日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.scoring_rule.basis IS '依据 / legal or policy basis';
COMMENT ON COLUMN credit_gz.scoring_rule.shipped IS '随扩展发布 / shipped with the extension (not dumped; local rows are)';

CREATE TABLE credit_gz.scoring_downgrade (
    downgrade_id     bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    model_code       text REFERENCES credit_gz.scoring_model (code) ON DELETE CASCADE,
    source           text NOT NULL DEFAULT 'record' CHECK (source IN ('record', 'list_entry')),
    item_code        text REFERENCES credit_gz.info_item (code),
    item_kind        text,
    severity         text CHECK (severity IN ('minor', 'general', 'serious', 'specific_serious')),
    domain_code      text REFERENCES credit_gz.domain (code),
    list_type_code   text REFERENCES credit_gz.list_type (code),
    max_grade        credit_gz.credit_grade NOT NULL,
    effective_from   date NOT NULL,
    effective_until  date,
    basis            text,
    shipped          boolean NOT NULL DEFAULT false,
    CONSTRAINT scoring_downgrade_dates CHECK (effective_until IS NULL OR effective_until > effective_from),
    CONSTRAINT scoring_downgrade_source CHECK (
        CASE source
            WHEN 'record' THEN list_type_code IS NULL
            ELSE list_type_code IS NOT NULL AND item_code IS NULL AND item_kind IS NULL AND severity IS NULL
                 AND domain_code IS NULL
        END)
);
COMMENT ON TABLE credit_gz.scoring_downgrade IS
    '直接降级规则 / direct downgrade: while a matching record counts (or a matching list entry is active) the grade '
    'is at most max_grade whatever the score (e.g. a serious-dishonesty list entry forces D). Several apply: the worst wins.';
COMMENT ON COLUMN credit_gz.scoring_downgrade.downgrade_id IS '规则编号 / downgrade rule id';
COMMENT ON COLUMN credit_gz.scoring_downgrade.model_code IS '模型 / model; NULL: every model';
COMMENT ON COLUMN credit_gz.scoring_downgrade.source IS '来源 / record or list_entry';
COMMENT ON COLUMN credit_gz.scoring_downgrade.item_code IS '信息事项 / catalogue item; NULL: any';
COMMENT ON COLUMN credit_gz.scoring_downgrade.item_kind IS '事项类别 / item kind; NULL: any';
COMMENT ON COLUMN credit_gz.scoring_downgrade.severity IS '严重程度 / severity; NULL: any';
COMMENT ON COLUMN credit_gz.scoring_downgrade.domain_code IS '领域 / record domain (parent matches sub-domains); NULL: any';
COMMENT ON COLUMN credit_gz.scoring_downgrade.list_type_code IS '名单类型 / list type, for source list_entry';
COMMENT ON COLUMN credit_gz.scoring_downgrade.max_grade IS '最高等级 / the grade is at most this (D: forced to D)';
COMMENT ON COLUMN credit_gz.scoring_downgrade.effective_from IS '生效日期 / first day in force';
COMMENT ON COLUMN credit_gz.scoring_downgrade.effective_until IS '失效日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.scoring_downgrade.basis IS '依据 / legal or policy basis';
COMMENT ON COLUMN credit_gz.scoring_downgrade.shipped IS '随扩展发布 / shipped with the extension (not dumped; local rows are)';

-- The rules resolved to exact keys, so that a record finds its points and caps under every model with one
-- equality lookup (item, severity, domain) and a date range, instead of evaluating rule predicates per record.
CREATE TABLE credit_gz.scoring_rule_key (
    source        "char" NOT NULL,          -- 'r' record, 'l' list entry
    match_code    text NOT NULL,            -- item code, or list type code
    severity_key  text NOT NULL,            -- record severity, '' for none
    domain_key    text NOT NULL,            -- record domain, '' for none
    model_code    text NOT NULL,
    model_no      smallint NOT NULL,        -- dense number of model_code: a cheap grouping key for bulk sums
    valid_from    date NOT NULL,            -- decision date (entry: effective_from) in [valid_from, valid_until)
    valid_until   date NOT NULL,
    scoring_rule_id bigint,                         -- the points rule (NULL: only a downgrade applies)
    points_centi  integer NOT NULL,
    decay         smallint NOT NULL,        -- 0 none, 1 linear, 2 step
    decay_steps   integer,
    cap_rank      smallint,                 -- worst max_grade of the downgrades in force (grade_rank), NULL: none
    downgrade_ids bigint[]
);
CREATE INDEX scoring_rule_key_lookup_idx ON credit_gz.scoring_rule_key (source, match_code, severity_key, domain_key);
COMMENT ON INDEX credit_gz.scoring_rule_key_lookup_idx IS
    'The one equality lookup per record or list entry (source, item or list type, severity, domain).';
COMMENT ON TABLE credit_gz.scoring_rule_key IS
    '计分规则索引 / derived from scoring_rule and scoring_downgrade by rebuild_scoring_keys() (statement triggers keep it '
    'current): for each record key (item, severity, domain) or list type, model and validity segment, the one points '
    'rule that wins and the downgrade cap. Never edit by hand.';
COMMENT ON COLUMN credit_gz.scoring_rule_key.source IS '来源 / r: record, l: list entry';
COMMENT ON COLUMN credit_gz.scoring_rule_key.match_code IS '事项或名单类型 / catalogue item code, or list type code';
COMMENT ON COLUMN credit_gz.scoring_rule_key.severity_key IS '严重程度 / record severity, empty for none';
COMMENT ON COLUMN credit_gz.scoring_rule_key.domain_key IS '领域 / record domain, empty for none';
COMMENT ON COLUMN credit_gz.scoring_rule_key.model_code IS '模型 / model';
COMMENT ON COLUMN credit_gz.scoring_rule_key.model_no IS '模型序号 / dense number of the model: a cheap grouping key for bulk sums';
COMMENT ON COLUMN credit_gz.scoring_rule_key.valid_from IS '起始日 / first decision date (entry: effective_from) of the segment, inclusive';
COMMENT ON COLUMN credit_gz.scoring_rule_key.valid_until IS '截止日 / first decision date (entry: effective_from) no longer in the segment (infinity: open)';
COMMENT ON COLUMN credit_gz.scoring_rule_key.scoring_rule_id IS '计分规则 / the points rule that wins (NULL: only a downgrade applies)';
COMMENT ON COLUMN credit_gz.scoring_rule_key.points_centi IS '分值 / points in hundredths';
COMMENT ON COLUMN credit_gz.scoring_rule_key.decay IS '衰减方式 / 0 none, 1 linear, 2 step';
COMMENT ON COLUMN credit_gz.scoring_rule_key.decay_steps IS '衰减步数 / number of steps of a step decay';
COMMENT ON COLUMN credit_gz.scoring_rule_key.cap_rank IS '等级上限 / worst maximum grade of the downgrades in force, as a rank (NULL: none)';
COMMENT ON COLUMN credit_gz.scoring_rule_key.downgrade_ids IS '降级规则 / the downgrades in force';

-- ---------------------------------------------------------------------------------------------------------------
-- Maintained scores and their history
-- ---------------------------------------------------------------------------------------------------------------

-- No foreign key to subject: bulk recomputation writes millions of rows and the table is distributed by subject_id
-- (Citus); the triggers on record/list_entry are the only writers.
CREATE TABLE credit_gz.subject_score (
    subject_id    bigint NOT NULL,
    model_code    text NOT NULL,
    score         numeric(7,2) NOT NULL,
    grade         credit_gz.credit_grade NOT NULL,
    raw_points    numeric(9,2) NOT NULL,
    contributions integer NOT NULL,
    cap_rank      smallint,
    decaying      boolean NOT NULL DEFAULT false,
    scored_on     date NOT NULL DEFAULT credit_gz.policy_date(),
    updated_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (subject_id, model_code)
) WITH (fillfactor = 90);
COMMENT ON TABLE credit_gz.subject_score IS
    '主体信用评分 / subject score and grade per model, kept current by the C triggers on record and list_entry in the '
    'same transaction. A subject without a row has the model''s base score and no-history grade (M).';
COMMENT ON COLUMN credit_gz.subject_score.subject_id IS '主体 / subject';
COMMENT ON COLUMN credit_gz.subject_score.model_code IS '模型 / model';
COMMENT ON COLUMN credit_gz.subject_score.score IS '分值 / score: base + contributions, clamped to floor and ceiling';
COMMENT ON COLUMN credit_gz.subject_score.grade IS '等级 / grade (A > B > M > C > D)';
COMMENT ON COLUMN credit_gz.subject_score.raw_points IS '原始加减分 / sum of the contributions before clamping';
COMMENT ON COLUMN credit_gz.subject_score.contributions IS '计分条数 / number of counting records and entries (0: no history, M)';
COMMENT ON COLUMN credit_gz.subject_score.cap_rank IS
    '降级上限 / worst direct downgrade in force (scoring_rank: 0 D … 4 A), NULL: none';
COMMENT ON COLUMN credit_gz.subject_score.decaying IS
    '含衰减 / some contribution decays, so raw_points holds for scored_on only';
COMMENT ON COLUMN credit_gz.subject_score.scored_on IS
    '计分日 / the day the decayed points were evaluated (an insert adds to raw_points only when that is today or '
    'nothing decays; otherwise the subject is rescored from its records)';
COMMENT ON COLUMN credit_gz.subject_score.updated_at IS '更新时间 / when score or grade last changed';

CREATE TABLE credit_gz.grade_history (
    history_id     bigint GENERATED ALWAYS AS IDENTITY (CACHE 64),
    subject_id     bigint NOT NULL,
    model_code     text NOT NULL,
    old_grade      credit_gz.credit_grade NOT NULL,
    new_grade      credit_gz.credit_grade NOT NULL,
    old_score      numeric(7,2) NOT NULL,
    new_score      numeric(7,2) NOT NULL,
    changed_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    cause          text NOT NULL CHECK (cause IN ('record', 'list_entry', 'recompute', 'rescore')),
    cause_record_id bigint,
    cause_entry_id bigint
);
CREATE INDEX grade_history_at_idx
    ON credit_gz.grade_history (subject_id, model_code, changed_at DESC, history_id DESC) INCLUDE (new_grade);
COMMENT ON INDEX credit_gz.grade_history_at_idx IS
    'grade_at(): the latest change of a subject under a model before a moment, new grade included.';
COMMENT ON TABLE credit_gz.grade_history IS
    '信用等级变动记录 / grade history: one row appended whenever a subject''s grade under a model changes, with the record '
    'or list entry that caused it. grade_at() reads it with one index lookup.';
COMMENT ON COLUMN credit_gz.grade_history.history_id IS
    '序号 / order of changes within one transaction (no unique constraint: a restore may interleave restored rows with '
    'rows the triggers append while records are reloaded)';
COMMENT ON COLUMN credit_gz.grade_history.subject_id IS '主体 / subject';
COMMENT ON COLUMN credit_gz.grade_history.model_code IS '模型 / model';
COMMENT ON COLUMN credit_gz.grade_history.old_grade IS '原等级 / grade before';
COMMENT ON COLUMN credit_gz.grade_history.new_grade IS '新等级 / grade after';
COMMENT ON COLUMN credit_gz.grade_history.old_score IS '原分值 / score before';
COMMENT ON COLUMN credit_gz.grade_history.new_score IS '新分值 / score after';
COMMENT ON COLUMN credit_gz.grade_history.changed_at IS '变动时间 / when (transaction time)';
COMMENT ON COLUMN credit_gz.grade_history.cause IS '原因 / record, list_entry, recompute (rule change) or rescore';
COMMENT ON COLUMN credit_gz.grade_history.cause_record_id IS '引起变动的记录 / the record that caused it';
COMMENT ON COLUMN credit_gz.grade_history.cause_entry_id IS '引起变动的名单条目 / the list entry that caused it';

-- Only decreases are kept: the highest score within a window is the current score or the score just before one of
-- the decreases inside it, so early warning needs no other history.
CREATE TABLE credit_gz.score_drop (
    drop_id        bigint GENERATED ALWAYS AS IDENTITY (CACHE 64),
    subject_id     bigint NOT NULL,
    model_code     text NOT NULL,
    old_score      numeric(7,2) NOT NULL,
    new_score      numeric(7,2) NOT NULL,
    changed_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    cause          text NOT NULL CHECK (cause IN ('record', 'list_entry', 'recompute', 'rescore')),
    cause_record_id bigint,
    cause_entry_id bigint,
    CHECK (new_score < old_score)
);
CREATE INDEX score_drop_at_idx ON credit_gz.score_drop (changed_at, subject_id, model_code);
COMMENT ON INDEX credit_gz.score_drop_at_idx IS
    'Early warning: the decreases within a time window, by subject and model.';
COMMENT ON TABLE credit_gz.score_drop IS
    '降分记录 / score decreases (for 预警 early warning): one row whenever a maintained score falls.';
COMMENT ON COLUMN credit_gz.score_drop.drop_id IS '序号 / row id';
COMMENT ON COLUMN credit_gz.score_drop.subject_id IS '主体 / subject';
COMMENT ON COLUMN credit_gz.score_drop.model_code IS '模型 / model';
COMMENT ON COLUMN credit_gz.score_drop.old_score IS '原分值 / score before';
COMMENT ON COLUMN credit_gz.score_drop.new_score IS '新分值 / score after';
COMMENT ON COLUMN credit_gz.score_drop.changed_at IS '时间 / when (transaction time)';
COMMENT ON COLUMN credit_gz.score_drop.cause IS '原因 / record, list_entry, recompute or rescore';
COMMENT ON COLUMN credit_gz.score_drop.cause_record_id IS '引起降分的记录 / the record that caused it';
COMMENT ON COLUMN credit_gz.score_drop.cause_entry_id IS '引起降分的名单条目 / the list entry that caused it';

-- ---------------------------------------------------------------------------------------------------------------
-- Rule keys: resolution of rules and downgrades to exact keys
-- ---------------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.rebuild_scoring_keys()
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    n bigint;
BEGIN
    -- One rebuild at a time; the triggers read the keys they find.
    PERFORM pg_catalog.pg_advisory_xact_lock(credit_gz.job_lock_key('rebuild_scoring_keys'));
    DELETE FROM credit_gz.scoring_rule_key;

    WITH model_domain AS (
        -- the record domains each model covers; '' stands for a record without domain (city-wide models only)
        SELECT m.code AS model_code, d.code AS domain_key, d.parent_code
          FROM credit_gz.scoring_model m
          JOIN credit_gz.domain d
            ON m.domain_code IS NULL OR d.code = m.domain_code OR d.parent_code = m.domain_code
        UNION ALL
        SELECT m.code, '', NULL FROM credit_gz.scoring_model m WHERE m.domain_code IS NULL
    ), rkey AS (
        SELECT md.model_code, i.code AS match_code, i.kind, s.sev AS severity_key, md.domain_key, md.parent_code
          FROM model_domain md
         CROSS JOIN credit_gz.info_item i
         CROSS JOIN (VALUES (''), ('minor'), ('general'), ('serious'), ('specific_serious')) s (sev)
    ), rcand AS (
        -- points rules (p) and downgrades (d) matching each record key
        SELECT k.model_code, k.match_code, k.severity_key, k.domain_key, 'p' AS what, ru.scoring_rule_id AS id,
               ((ru.item_code IS NOT NULL)::int * 8 + (ru.severity IS NOT NULL)::int * 4
                + (ru.domain_code IS NOT NULL)::int * 2 + (ru.item_kind IS NOT NULL)::int) AS priority,
               ru.effective_from, coalesce(ru.effective_until, 'infinity') AS effective_until
          FROM rkey k
          JOIN credit_gz.scoring_rule ru
            ON ru.model_code = k.model_code AND ru.source = 'record'
           AND (ru.item_code IS NULL OR ru.item_code = k.match_code)
           AND (ru.item_kind IS NULL OR ru.item_kind = k.kind)
           AND (ru.severity IS NULL OR ru.severity = k.severity_key)
           AND (ru.domain_code IS NULL OR ru.domain_code = k.domain_key OR ru.domain_code = k.parent_code)
        UNION ALL
        SELECT k.model_code, k.match_code, k.severity_key, k.domain_key, 'd', dg.downgrade_id, 0,
               dg.effective_from, coalesce(dg.effective_until, 'infinity')
          FROM rkey k
          JOIN credit_gz.scoring_downgrade dg
            ON (dg.model_code IS NULL OR dg.model_code = k.model_code) AND dg.source = 'record'
           AND (dg.item_code IS NULL OR dg.item_code = k.match_code)
           AND (dg.item_kind IS NULL OR dg.item_kind = k.kind)
           AND (dg.severity IS NULL OR dg.severity = k.severity_key)
           AND (dg.domain_code IS NULL OR dg.domain_code = k.domain_key OR dg.domain_code = k.parent_code)
    ), lcand AS (
        SELECT ru.model_code, ru.list_type_code AS match_code, '' AS severity_key, '' AS domain_key, 'p' AS what,
               ru.scoring_rule_id AS id, 0 AS priority, ru.effective_from,
               coalesce(ru.effective_until, 'infinity') AS effective_until
          FROM credit_gz.scoring_rule ru WHERE ru.source = 'list_entry'
        UNION ALL
        SELECT m.code, dg.list_type_code, '', '', 'd', dg.downgrade_id, 0, dg.effective_from,
               coalesce(dg.effective_until, 'infinity')
          FROM credit_gz.scoring_downgrade dg
          JOIN credit_gz.scoring_model m ON dg.model_code IS NULL OR dg.model_code = m.code
         WHERE dg.source = 'list_entry'
    ), cand AS (
        SELECT 'r'::"char" AS source, * FROM rcand
        UNION ALL
        SELECT 'l'::"char", * FROM lcand
    ), bounds AS (
        -- every date at which the set of rules in force for a key can change
        SELECT DISTINCT source, model_code, match_code, severity_key, domain_key, b
          FROM cand, LATERAL (VALUES (effective_from), (effective_until)) v (b)
    ), seg AS (
        SELECT source, model_code, match_code, severity_key, domain_key, b AS valid_from,
               lead(b) OVER (PARTITION BY source, model_code, match_code, severity_key, domain_key ORDER BY b)
                   AS valid_until
          FROM bounds
    ), hit AS (
        -- the candidates in force at the start of each segment (nothing changes inside a segment)
        SELECT s.source, s.model_code, s.match_code, s.severity_key, s.domain_key, s.valid_from, s.valid_until,
               c.what, c.id, c.priority, c.effective_from
          FROM seg s
          JOIN cand c
            ON c.source = s.source AND c.model_code = s.model_code AND c.match_code = s.match_code
           AND c.severity_key = s.severity_key AND c.domain_key = s.domain_key
           AND credit_gz.in_force(c.effective_from, c.effective_until, s.valid_from)
         WHERE s.valid_until IS NOT NULL AND s.valid_from < 'infinity'
    ), best AS (
        -- the winning points rule: most specific, then the latest, then the lowest id
        SELECT DISTINCT ON (source, model_code, match_code, severity_key, domain_key, valid_from)
               source, model_code, match_code, severity_key, domain_key, valid_from, valid_until, id AS scoring_rule_id
          FROM hit WHERE what = 'p'
         ORDER BY source, model_code, match_code, severity_key, domain_key, valid_from,
                  priority DESC, effective_from DESC, id
    ), caps AS (
        -- every downgrade in force applies; the worst grade wins
        SELECT h.source, h.model_code, h.match_code, h.severity_key, h.domain_key, h.valid_from, h.valid_until,
               min(credit_gz.scoring_rank(dg.max_grade)) AS cap_rank, array_agg(h.id ORDER BY h.id) AS downgrade_ids
          FROM hit h JOIN credit_gz.scoring_downgrade dg ON dg.downgrade_id = h.id
         WHERE h.what = 'd'
         GROUP BY h.source, h.model_code, h.match_code, h.severity_key, h.domain_key, h.valid_from, h.valid_until
    ), resolved AS (
        SELECT coalesce(b.source, c.source) AS source, coalesce(b.model_code, c.model_code) AS model_code,
               coalesce(b.match_code, c.match_code) AS match_code,
               coalesce(b.severity_key, c.severity_key) AS severity_key,
               coalesce(b.domain_key, c.domain_key) AS domain_key,
               coalesce(b.valid_from, c.valid_from) AS valid_from,
               coalesce(b.valid_until, c.valid_until) AS valid_until,
               b.scoring_rule_id, c.cap_rank, c.downgrade_ids
          FROM best b
          FULL JOIN caps c
            ON c.source = b.source AND c.model_code = b.model_code AND c.match_code = b.match_code
           AND c.severity_key = b.severity_key AND c.domain_key = b.domain_key AND c.valid_from = b.valid_from
    )
    INSERT INTO credit_gz.scoring_rule_key
    SELECT r.source, r.match_code, r.severity_key, r.domain_key, r.model_code,
           (SELECT count(*) FROM credit_gz.scoring_model mm WHERE mm.code < r.model_code COLLATE "C")::smallint,
           r.valid_from, r.valid_until, r.scoring_rule_id, coalesce((ru.points * 100)::integer, 0),
           CASE coalesce(ru.decay, 'none') WHEN 'none' THEN 0 WHEN 'linear' THEN 1 ELSE 2 END,
           ru.decay_steps, r.cap_rank, r.downgrade_ids
      FROM resolved r
      LEFT JOIN credit_gz.scoring_rule ru ON ru.scoring_rule_id = r.scoring_rule_id
     WHERE r.scoring_rule_id IS NOT NULL OR r.cap_rank IS NOT NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;
COMMENT ON FUNCTION credit_gz.rebuild_scoring_keys() IS
    '重建计分规则索引 / rebuild scoring_rule_key from scoring_rule, scoring_downgrade, scoring_model and the catalogues '
    '(info_item, domain). Idempotent; serialised by advisory lock job_lock_key(''rebuild_scoring_keys''). Called by '
    'statement triggers; scores are not recomputed: call recompute_scores() after a rule change.';

CREATE FUNCTION credit_gz.scoring_keys_trigger()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM credit_gz.rebuild_scoring_keys();
    RETURN NULL;
END;
$$;
COMMENT ON FUNCTION credit_gz.scoring_keys_trigger() IS
    '规则变更触发器 / statement trigger: a change to rules, downgrades, models or the catalogues rebuilds scoring_rule_key.';

CREATE TRIGGER scoring_keys AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.scoring_rule
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.scoring_keys_trigger();
CREATE TRIGGER scoring_keys AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.scoring_downgrade
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.scoring_keys_trigger();
CREATE TRIGGER scoring_keys AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.scoring_model
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.scoring_keys_trigger();
CREATE TRIGGER scoring_keys AFTER INSERT OR UPDATE OF code, kind OR DELETE ON credit_gz.info_item
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.scoring_keys_trigger();
CREATE TRIGGER scoring_keys AFTER INSERT OR UPDATE OF code, parent_code OR DELETE ON credit_gz.domain
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.scoring_keys_trigger();
COMMENT ON TRIGGER scoring_keys ON credit_gz.scoring_rule IS '规则变更 / keeps scoring_rule_key current';
COMMENT ON TRIGGER scoring_keys ON credit_gz.scoring_downgrade IS '规则变更 / keeps scoring_rule_key current';
COMMENT ON TRIGGER scoring_keys ON credit_gz.scoring_model IS '模型变更 / keeps scoring_rule_key current';
COMMENT ON TRIGGER scoring_keys ON credit_gz.info_item IS '目录变更 / keeps scoring_rule_key current';
COMMENT ON TRIGGER scoring_keys ON credit_gz.domain IS '领域变更 / keeps scoring_rule_key current';

-- ---------------------------------------------------------------------------------------------------------------
-- Contributions, fresh scores, breakdown
-- ---------------------------------------------------------------------------------------------------------------

-- The one definition of what a record or list entry earns: its rule keys (one per model it counts under) with the
-- points decayed on as_of. Every SQL statement that scores rows reads them through this function (records:
-- source 'r', item, severity, domain, decision date, publicity window; list entries: source 'l', list type, NULL,
-- NULL, effective_from, listing period); score_bulk.c is the one C re-implementation, pinned to it by verify_scores
-- and the tests. Inlined by the planner: called LATERAL over a table, it is the hash or index join of that table
-- with scoring_rule_key, as if written out.
CREATE FUNCTION credit_gz.rule_contributions(source "char", match_code text, severity text,
                                             domain_code text, key_date date, window_from date,
                                             window_until date, as_of date)
RETURNS TABLE (model_code text, model_no smallint, scoring_rule_id bigint, points_centi integer, effective_centi integer,
               cap_rank smallint, downgrade_ids bigint[], decays boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT k.model_code, k.model_no, k.scoring_rule_id, k.points_centi,
           CASE WHEN k.decay = 0 THEN k.points_centi
                ELSE credit_gz.decayed_points(k.points_centi, k.decay, k.decay_steps,
                                              rule_contributions.window_from, rule_contributions.window_until,
                                              rule_contributions.as_of) END,
           k.cap_rank, k.downgrade_ids, k.decay <> 0
      FROM credit_gz.scoring_rule_key k
     WHERE k.source = rule_contributions.source AND k.match_code = rule_contributions.match_code
       AND k.severity_key = coalesce(rule_contributions.severity, '')
       AND k.domain_key = coalesce(rule_contributions.domain_code, '')
       -- in_force() written out: valid_until is NOT NULL here (open segments end at infinity), so the test needs no
       -- NULL branch on the hottest join of scoring
       AND rule_contributions.key_date >= k.valid_from AND rule_contributions.key_date < k.valid_until;
END;
COMMENT ON FUNCTION credit_gz.rule_contributions("char", text, text, text, date, date, date, date) IS
    '计分规则匹配 / the rule keys a record (source r: item, severity, domain, decision date, publicity window) or a '
    'list entry (source l: list type, NULL, NULL, effective_from, listing period) matches, one per model, with its '
    'points and the points decayed on as_of (hundredths). The one SQL definition of the rule-key join.';

-- The one definition of a score from its sums: base + points clamped to the model's floor and ceiling, then graded
-- (thresholds, no-history grade, direct-downgrade cap), in the C arithmetic of src/core/score_math.c.
CREATE FUNCTION credit_gz.score_from_sums(model_code text, raw_centi bigint, contributions bigint,
                                          cap_rank smallint)
RETURNS TABLE (score_centi bigint, score numeric(7,2), grade credit_gz.credit_grade)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT c.sc, (c.sc / 100.0)::numeric(7,2),
           credit_gz.scoring_grade(c.sc, score_from_sums.contributions, score_from_sums.cap_rank,
                                   (m.a_min * 100)::bigint, (m.b_min * 100)::bigint, (m.c_min * 100)::bigint,
                                   m.no_history_grade::text)::credit_gz.credit_grade
      FROM credit_gz.scoring_model m
     CROSS JOIN LATERAL (SELECT credit_gz.clamp_score((m.base_score * 100)::bigint,
                                                      coalesce(score_from_sums.raw_centi, 0),
                                                      (m.floor_score * 100)::bigint,
                                                      (m.ceiling_score * 100)::bigint) AS sc) c
     WHERE m.code = score_from_sums.model_code;
END;
COMMENT ON FUNCTION credit_gz.score_from_sums(text, bigint, bigint, smallint) IS
    '由汇总定分定级 / the score (hundredths and points) and grade under a model of a subject whose counting rows sum '
    'to raw_centi, number contributions and cap at cap_rank (NULL: none): clamp, then grade. The one definition '
    'the triggers, recompute_scores and verify_scores use.';

-- Every counting record (and list entry) with the rule it earns under each model. Inlined by the planner, so the
-- bulk recomputation below is one hash join of record against the small key table and one aggregate, and a
-- statement that filters it by subject reads that subject's rows by index.
CREATE FUNCTION credit_gz.score_contributions(models text[], as_of date)
RETURNS TABLE (subject_id bigint, model_code text, model_no smallint, source text, source_id bigint,
               match_code text, scoring_rule_id bigint, points_centi integer, effective_centi integer, cap_rank smallint,
               downgrade_ids bigint[], decays boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT r.subject_id, k.model_code, k.model_no, 'record', r.record_id, r.item_code, k.scoring_rule_id, k.points_centi,
           k.effective_centi, k.cap_rank, k.downgrade_ids, k.decays
      FROM credit_gz.record r
     CROSS JOIN LATERAL credit_gz.rule_contributions('r', r.item_code, r.severity, r.domain_code, r.decision_date,
                                                     r.publish_from, r.publish_until, score_contributions.as_of) k
     WHERE credit_gz.record_counts(r.status)
       AND (score_contributions.models IS NULL OR k.model_code = ANY (score_contributions.models))
    UNION ALL
    SELECT e.subject_id, k.model_code, k.model_no, 'list_entry', e.entry_id, e.list_type_code, k.scoring_rule_id,
           k.points_centi, k.effective_centi, k.cap_rank, k.downgrade_ids, k.decays
      FROM credit_gz.list_entry e
     CROSS JOIN LATERAL credit_gz.rule_contributions('l', e.list_type_code, NULL, NULL, e.effective_from,
                                                     e.effective_from, e.effective_until, score_contributions.as_of) k
     WHERE e.status = 'active'
       AND (score_contributions.models IS NULL OR k.model_code = ANY (score_contributions.models));
END;
COMMENT ON FUNCTION credit_gz.score_contributions(text[], date) IS
    '计分明细 / every counting record (record_counts: in publicity or under objection) and active list entry with the winning '
    'rule, its points and decayed points (hundredths) on as_of (decay over the record''s publicity window, the '
    'entry''s listing period), under the given models (NULL: all).';

-- score_totals: the GROUP BY of score_contributions, computed in C in one pass over records and list entries
-- (src/score_bulk.c): at 30 million records the executor's hash aggregate was most of recompute_scores' time.
CREATE FUNCTION credit_gz.score_totals(models text[], as_of date)
RETURNS TABLE (subject_id bigint, model_no smallint, raw bigint, n bigint, cap_rank smallint, decays boolean)
AS 'MODULE_PATHNAME', 'credit_gz_score_totals'
LANGUAGE C STABLE PARALLEL SAFE
ROWS 1000000;
REVOKE ALL ON FUNCTION credit_gz.score_totals(text[], date) FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.score_totals(text[], date) IS
    '评分汇总 / per subject and model (model_no): the sum of the counting records'' and active list entries'' decayed '
    'points (hundredths) on as_of, how many count, the worst downgrade cap (grade rank) and whether any decays, '
    'for the given models (NULL: all). Equal to grouping score_contributions(models, as_of) by subject and '
    'model, in one pass in C; its per-subject sums stay within maintenance_work_mem (more passes when they would '
    'not). Reads every row: refused under row-level security and without SELECT on record and list_entry. Not '
    'granted to PUBLIC.';

CREATE FUNCTION credit_gz.fresh_scores(models text[], as_of date DEFAULT credit_gz.policy_date())
RETURNS TABLE (subject_id bigint, model_code text, score numeric, grade credit_gz.credit_grade,
               raw_points numeric, contributions integer, cap_rank smallint, decaying boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT a.subject_id, m.code, x.score, x.grade, (a.raw / 100.0)::numeric(9,2), a.n::integer, a.cap_rank, a.decays
      FROM credit_gz.score_totals(fresh_scores.models, fresh_scores.as_of) a
      JOIN (SELECT DISTINCT k.model_no, k.model_code FROM credit_gz.scoring_rule_key k) mn ON mn.model_no = a.model_no
      JOIN credit_gz.scoring_model m ON m.code = mn.model_code
     CROSS JOIN LATERAL credit_gz.score_from_sums(m.code, a.raw, a.n, a.cap_rank) x
     WHERE m.is_active;
END;
COMMENT ON FUNCTION credit_gz.fresh_scores(text[], date) IS
    '重新计算评分 / scores computed afresh from the records for the given models (NULL: all), with points decayed '
    'on as_of, for every subject with something counting (others have the base score and no-history grade), from '
    'score_totals and score_from_sums. Used by recompute_scores and verify_scores. Not granted to PUBLIC (it reads '
    'every record, past row-level security).';
REVOKE ALL ON FUNCTION credit_gz.fresh_scores(text[], date) FROM PUBLIC;

CREATE FUNCTION credit_gz.score_breakdown(subject_id bigint, model_code text,
                                          as_of date DEFAULT credit_gz.policy_date())
RETURNS TABLE (source text, source_id bigint, match_code text, scoring_rule_id bigint, points numeric,
               effective_points numeric, downgrade_ids bigint[], max_grade credit_gz.credit_grade)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT 'base', NULL::bigint, NULL::text, NULL::bigint, m.base_score, m.base_score, NULL::bigint[],
           NULL::credit_gz.credit_grade
      FROM credit_gz.scoring_model m WHERE m.code = score_breakdown.model_code
    UNION ALL
    SELECT * FROM (
        SELECT c.source, c.source_id, c.match_code, c.scoring_rule_id, (c.points_centi / 100.0)::numeric(7,2),
               (c.effective_centi / 100.0)::numeric(7,2), c.downgrade_ids,
               (CASE c.cap_rank WHEN 0 THEN 'D' WHEN 1 THEN 'C' WHEN 2 THEN 'M' WHEN 3 THEN 'B' WHEN 4 THEN 'A'
                END)::credit_gz.credit_grade
          FROM credit_gz.score_contributions(ARRAY[score_breakdown.model_code], score_breakdown.as_of) c
         WHERE c.subject_id = score_breakdown.subject_id
         ORDER BY c.source, c.source_id) x;
END;
COMMENT ON FUNCTION credit_gz.score_breakdown(bigint, text, date) IS
    '评分构成 / why a subject has its score on as_of (default: the policy date): the base score, then every counting '
    'record and list entry with its rule, points and points decayed on as_of, and the direct downgrades it triggers. Score = base + sum of effective_points, clamped '
    'to the model''s floor and ceiling; grade = thresholds, capped by the worst max_grade; M when only the base row.';

-- ---------------------------------------------------------------------------------------------------------------
-- Maintenance: recompute, verify, grade_at
-- ---------------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.rescore_subject(subject_id bigint)
RETURNS integer
AS 'MODULE_PATHNAME', 'credit_gz_scoring_rescore_subject'
LANGUAGE C STRICT VOLATILE
SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION credit_gz.rescore_subject(bigint) FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.rescore_subject(bigint) IS
    '单主体重算 / recompute one subject under every active model exactly as the triggers do (same lock, same '
    'statement); returns how many model scores changed. Not granted to PUBLIC.';

CREATE FUNCTION credit_gz.recompute_scores(model_code text DEFAULT NULL,
                                           as_of date DEFAULT credit_gz.policy_date())
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
-- The fresh sums meet the maintained scores (millions of rows each) in a hash join; merge joins (sorting both) and
-- nested loops are an order of magnitude slower there.
SET enable_mergejoin = off
SET enable_nestloop = off
AS $$
-- a bare model_code is the column; the parameter is recompute_scores.model_code
#variable_conflict use_column
DECLARE
    models text[];
    n bigint;
BEGIN
    IF recompute_scores.model_code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM credit_gz.scoring_model WHERE code = recompute_scores.model_code)
    THEN
        RAISE EXCEPTION 'scoring model "%" does not exist', recompute_scores.model_code
            USING ERRCODE = '23503', HINT = 'See credit_gz.scoring_model for the model codes.';
    END IF;
    -- One recomputation at a time. The table lock makes the triggers of concurrent
    -- record changes wait, so no maintained score is overwritten with a value computed before that change.
    PERFORM pg_catalog.pg_advisory_xact_lock(credit_gz.job_lock_key('recompute_scores'));
    LOCK TABLE credit_gz.subject_score IN SHARE ROW EXCLUSIVE MODE;

    SELECT array_agg(code) INTO models FROM credit_gz.scoring_model
     WHERE is_active AND (recompute_scores.model_code IS NULL OR code = recompute_scores.model_code);
    IF models IS NULL THEN
        RETURN 0;
    END IF;

    IF pg_catalog.to_regclass('pg_temp.scoring_diff') IS NOT NULL THEN
        DROP TABLE pg_temp.scoring_diff;
    END IF;
    -- The fresh sums (score_totals, one pass in C) against the maintained scores: what changed, with the row to
    -- update (its ctid: the table lock above keeps every row where it is until the function returns).
    CREATE TEMP TABLE scoring_diff ON COMMIT DROP AS
    SELECT coalesce(f.subject_id, s.subject_id) AS subject_id, coalesce(f.model_code, s.model_code) AS model_code,
           coalesce(f.score, m.base_score) AS score, coalesce(f.grade, m.no_history_grade) AS grade,
           coalesce(f.raw_points, 0) AS raw_points, coalesce(f.contributions, 0) AS contributions,
           f.cap_rank, coalesce(f.decaying, false) AS decaying,
           s.score_row,
           coalesce(s.score, m.base_score) AS old_score, coalesce(s.grade, m.no_history_grade) AS old_grade
      FROM credit_gz.fresh_scores(models, recompute_scores.as_of) f
      FULL JOIN (SELECT ss.ctid AS score_row, ss.* FROM credit_gz.subject_score ss WHERE ss.model_code = ANY (models)) s
        ON s.subject_id = f.subject_id AND s.model_code = f.model_code
      JOIN credit_gz.scoring_model m ON m.code = coalesce(f.model_code, s.model_code)
     WHERE s.subject_id IS NULL
        OR (s.score, s.grade::text, s.raw_points, s.contributions, s.cap_rank, s.decaying)
           IS DISTINCT FROM (coalesce(f.score, m.base_score), coalesce(f.grade, m.no_history_grade)::text,
                             coalesce(f.raw_points, 0), coalesce(f.contributions, 0), f.cap_rank,
                             coalesce(f.decaying, false))
        OR (s.decaying AND s.scored_on <> recompute_scores.as_of)
     -- in key order: the inserts below then append to the indexes of subject_score and grade_history instead of
     -- touching random pages, and the updates meet the score table's rows in (roughly) physical order
     ORDER BY 1, 2;
    GET DIAGNOSTICS n = ROW_COUNT;

    -- Each changed row is fetched by its ctid (a nested loop of TID scans): no hash of the whole score table.
    SET LOCAL enable_nestloop = on;
    SET LOCAL enable_hashjoin = off;
    UPDATE credit_gz.subject_score s
       SET score = d.score, grade = d.grade, raw_points = d.raw_points, contributions = d.contributions,
           cap_rank = d.cap_rank, decaying = d.decaying, scored_on = recompute_scores.as_of, updated_at = now()
      FROM pg_temp.scoring_diff d
     WHERE s.ctid = d.score_row;
    INSERT INTO credit_gz.subject_score (subject_id, model_code, score, grade, raw_points, contributions, cap_rank,
                                         decaying, scored_on, updated_at)
    SELECT subject_id, model_code, score, grade, raw_points, contributions, cap_rank, decaying, recompute_scores.as_of, now()
      FROM pg_temp.scoring_diff WHERE score_row IS NULL;
    INSERT INTO credit_gz.grade_history (subject_id, model_code, old_grade, new_grade, old_score, new_score, cause)
    SELECT subject_id, model_code, old_grade, grade, old_score, score, 'recompute'
      FROM pg_temp.scoring_diff WHERE grade::text <> old_grade::text;
    INSERT INTO credit_gz.score_drop (subject_id, model_code, old_score, new_score, cause)
    SELECT subject_id, model_code, old_score, score, 'recompute'
      FROM pg_temp.scoring_diff WHERE score < old_score;
    DROP TABLE pg_temp.scoring_diff;
    RETURN n;
END;
$$;
REVOKE ALL ON FUNCTION credit_gz.recompute_scores(text, date) FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.recompute_scores(text, date) IS
    '全量重算 / set-based recomputation of every subject''s score under one model (NULL: all active models) with points '
    'decayed on as_of (default: the policy date), e.g. after a rule change or, daily, for decaying rules; appends grade_history (cause recompute) for every grade that changes. '
    'Returns the number of scores changed. Idempotent; advisory lock job_lock_key(''recompute_scores''); blocks score '
    'writers while it runs. '
    'Not granted to PUBLIC (a maintenance job).';

CREATE FUNCTION credit_gz.verify_scores(as_of date DEFAULT credit_gz.policy_date())
RETURNS TABLE (subject_id bigint, model_code text, maintained_score numeric, maintained_grade credit_gz.credit_grade,
               fresh_score numeric, fresh_grade credit_gz.credit_grade)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT coalesce(s.subject_id, f.subject_id), coalesce(s.model_code, f.model_code),
           s.score, s.grade, coalesce(f.score, m.base_score), coalesce(f.grade, m.no_history_grade)
      FROM (SELECT * FROM credit_gz.subject_score ss
             WHERE ss.model_code IN (SELECT code FROM credit_gz.scoring_model WHERE is_active)) s
      FULL JOIN credit_gz.fresh_scores(NULL, verify_scores.as_of) f
        ON f.subject_id = s.subject_id AND f.model_code = s.model_code
      JOIN credit_gz.scoring_model m ON m.code = coalesce(s.model_code, f.model_code)
     WHERE (s.score, s.grade, s.raw_points, s.contributions, s.cap_rank, s.decaying)
           IS DISTINCT FROM (coalesce(f.score, m.base_score), coalesce(f.grade, m.no_history_grade),
                             coalesce(f.raw_points, 0), coalesce(f.contributions, 0), f.cap_rank,
                             coalesce(f.decaying, false))
     ORDER BY 1, 2;
END;
COMMENT ON FUNCTION credit_gz.verify_scores(date) IS
    '评分核验 / every (subject, model) whose maintained score differs from a fresh computation from the records with '
    'points decayed on as_of (default: the policy date); must '
    'return no rows (after a rule change, until recompute_scores() has run; with decaying rules, until the day''s '
    'recompute). maintained_score NULL: the subject has no subject_score row.';
REVOKE ALL ON FUNCTION credit_gz.verify_scores(date) FROM PUBLIC;

CREATE FUNCTION credit_gz.grade_at(subject_id bigint, model_code text, as_of timestamptz)
RETURNS credit_gz.credit_grade
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(
        (SELECT h.new_grade FROM credit_gz.grade_history h
          WHERE h.subject_id = grade_at.subject_id AND h.model_code = grade_at.model_code
            AND h.changed_at <= grade_at.as_of
          ORDER BY h.changed_at DESC, h.history_id DESC
          LIMIT 1),
        (SELECT m.no_history_grade FROM credit_gz.scoring_model m WHERE m.code = grade_at.model_code));
END;
COMMENT ON FUNCTION credit_gz.grade_at(bigint, text, timestamptz) IS
    '历史等级 / the grade of a subject under a model as it stood at a past moment: the latest grade_history row at or '
    'before it (one index lookup), or the no-history grade (M) before any change. NULL for an unknown model.';

-- ---------------------------------------------------------------------------------------------------------------
-- Differentiated supervision (差异化分类监管) and early warning (预警)
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE credit_gz.supervision_measure (
    measure_id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    domain_code      text NOT NULL REFERENCES credit_gz.domain (code),
    model_code       text NOT NULL REFERENCES credit_gz.scoring_model (code),
    grade            credit_gz.credit_grade NOT NULL,
    inspection_ratio numeric(5,4) NOT NULL CHECK (inspection_ratio BETWEEN 0 AND 1),
    incentives       text[] NOT NULL DEFAULT '{}',
    constraints      text[] NOT NULL DEFAULT '{}',
    effective_from   date NOT NULL,
    effective_until  date,
    basis            text,
    shipped          boolean NOT NULL DEFAULT false,
    CONSTRAINT supervision_measure_dates CHECK (effective_until IS NULL OR effective_until > effective_from)
);
CREATE UNIQUE INDEX supervision_measure_key_idx ON credit_gz.supervision_measure (domain_code, grade, effective_from);
COMMENT ON INDEX credit_gz.supervision_measure_key_idx IS
    'One measure per domain, grade and start date.';
COMMENT ON TABLE credit_gz.supervision_measure IS
    '分级分类监管措施 / differentiated supervision per domain and grade (二(二)): the 双随机 random-inspection ratio, '
    'incentives (容缺受理, 绿色通道, fewer inspections) and constraints (重点监管, more inspections); the grade is the '
    'subject''s grade under model_code.';
COMMENT ON COLUMN credit_gz.supervision_measure.measure_id IS '措施编号 / measure id';
COMMENT ON COLUMN credit_gz.supervision_measure.domain_code IS '监管领域 / supervised domain';
COMMENT ON COLUMN credit_gz.supervision_measure.model_code IS '评价模型 / the model whose grade applies';
COMMENT ON COLUMN credit_gz.supervision_measure.grade IS '信用等级 / grade';
COMMENT ON COLUMN credit_gz.supervision_measure.inspection_ratio IS '双随机抽查比例 / random-inspection ratio (0–1)';
COMMENT ON COLUMN credit_gz.supervision_measure.incentives IS '激励措施 / incentives';
COMMENT ON COLUMN credit_gz.supervision_measure.constraints IS '约束措施 / constraints';
COMMENT ON COLUMN credit_gz.supervision_measure.effective_from IS '生效日期 / first day in force';
COMMENT ON COLUMN credit_gz.supervision_measure.effective_until IS '失效日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.supervision_measure.basis IS '依据 / legal or policy basis';
COMMENT ON COLUMN credit_gz.supervision_measure.shipped IS '随扩展发布 / shipped with the extension (not dumped; local rows are)';

CREATE FUNCTION credit_gz.draw_inspection_sample(domain_code text, seed bigint,
                                                 as_of timestamptz DEFAULT pg_catalog.now())
RETURNS TABLE (subject_id bigint, grade credit_gz.credit_grade, inspection_ratio numeric, stratum_size bigint,
               stratum_sample bigint, draw_order bigint, sample_key bigint)
LANGUAGE sql STABLE STRICT
BEGIN ATOMIC
    WITH population AS (
        -- subjects active in the domain (or a sub-domain): any record there decided by as_of
        SELECT DISTINCT r.subject_id
          FROM credit_gz.record r
          JOIN credit_gz.domain d ON d.code = r.domain_code
         WHERE (d.code = draw_inspection_sample.domain_code OR d.parent_code = draw_inspection_sample.domain_code)
           AND r.decision_date <= credit_gz.policy_date(draw_inspection_sample.as_of)
    ), measure AS (
        SELECT DISTINCT ON (sm.grade) sm.grade, sm.model_code, sm.inspection_ratio
          FROM credit_gz.supervision_measure sm
         WHERE sm.domain_code = draw_inspection_sample.domain_code
           AND credit_gz.in_force(sm.effective_from, sm.effective_until,
                                  credit_gz.policy_date(draw_inspection_sample.as_of))
         ORDER BY sm.grade, sm.effective_from DESC
    ), model AS (
        SELECT min(model_code) AS model_code FROM measure
    ), graded AS (
        SELECT p.subject_id,
               credit_gz.grade_at(p.subject_id, model.model_code, draw_inspection_sample.as_of) AS grade,
               credit_gz.sample_key(draw_inspection_sample.seed, p.subject_id) AS sample_key
          FROM population p, model
    ), ranked AS (
        SELECT g.*, ms.inspection_ratio,
               count(*) OVER w AS stratum_size,
               row_number() OVER (w ORDER BY g.sample_key, g.subject_id) AS draw_order
          FROM graded g JOIN measure ms ON ms.grade = g.grade
        WINDOW w AS (PARTITION BY g.grade)
    )
    SELECT subject_id, grade, inspection_ratio, stratum_size,
           ceil(inspection_ratio * stratum_size)::bigint, draw_order, sample_key
      FROM ranked
     WHERE draw_order <= ceil(inspection_ratio * stratum_size)
     ORDER BY grade DESC, draw_order;
END;
COMMENT ON FUNCTION credit_gz.draw_inspection_sample(text, bigint, timestamptz) IS
    '双随机抽查抽样 / stratified random sample for 双随机、一公开 inspections in a domain: the subjects with records in '
    'the domain by as_of, grouped by their grade at as_of (grade_at), and from each grade the first '
    'ceil(ratio × size) by sample_key(seed, subject). The same seed and moment give the same sample.';

CREATE VIEW credit_gz.warning AS
SELECT h.subject_id, h.model_code, 'grade_fell'::text AS kind, h.old_grade, h.new_grade,
       h.old_score AS score_before, s.score AS score_now, (h.old_score - s.score) AS score_drop, h.changed_at AS since,
       h.cause_record_id, h.cause_entry_id
  FROM credit_gz.grade_history h
  JOIN credit_gz.scoring_model m ON m.code = h.model_code
  LEFT JOIN credit_gz.subject_score s ON s.subject_id = h.subject_id AND s.model_code = h.model_code
 WHERE h.new_grade < h.old_grade
   AND h.changed_at >= pg_catalog.now() - m.warning_window
UNION ALL
SELECT d.subject_id, d.model_code, 'score_dropped', NULL, s.grade, d.peak, s.score, d.peak - s.score, d.since,
       NULL, NULL
  FROM (SELECT sd.subject_id, sd.model_code, max(sd.old_score) AS peak, min(sd.changed_at) AS since
          FROM credit_gz.score_drop sd
          JOIN credit_gz.scoring_model m ON m.code = sd.model_code
         WHERE sd.changed_at >= pg_catalog.now() - m.warning_window
         GROUP BY sd.subject_id, sd.model_code) d
  JOIN credit_gz.scoring_model m ON m.code = d.model_code
  JOIN credit_gz.subject_score s ON s.subject_id = d.subject_id AND s.model_code = d.model_code
 WHERE d.peak - s.score > m.warning_drop;
COMMENT ON VIEW credit_gz.warning IS
    '信用预警 / early warning (预警, 二(二)): subjects whose grade fell within the model''s warning window (kind '
    'grade_fell, one row per fall), or whose score is now more than warning_drop below its highest value within the '
    'window (kind score_dropped).';
COMMENT ON COLUMN credit_gz.warning.subject_id IS '主体 / subject';
COMMENT ON COLUMN credit_gz.warning.model_code IS '模型 / model';
COMMENT ON COLUMN credit_gz.warning.kind IS '预警类型 / grade_fell or score_dropped';
COMMENT ON COLUMN credit_gz.warning.old_grade IS '原等级 / grade before the fall';
COMMENT ON COLUMN credit_gz.warning.new_grade IS '现等级 / grade after the fall (score_dropped: current grade)';
COMMENT ON COLUMN credit_gz.warning.score_before IS '原分值 / score before (score_dropped: highest within the window)';
COMMENT ON COLUMN credit_gz.warning.score_now IS '现分值 / current score';
COMMENT ON COLUMN credit_gz.warning.score_drop IS '降幅 / score drop: score_before − score_now';
COMMENT ON COLUMN credit_gz.warning.since IS '起始时间 / when the fall (first drop within the window) happened';
COMMENT ON COLUMN credit_gz.warning.cause_record_id IS '引起的记录 / record that caused the fall';
COMMENT ON COLUMN credit_gz.warning.cause_entry_id IS '引起的名单条目 / list entry that caused the fall';

-- ---------------------------------------------------------------------------------------------------------------
-- Always current: the C triggers (src/scoring.c)
-- ---------------------------------------------------------------------------------------------------------------

CREATE FUNCTION credit_gz.scoring_rescored(subject_id bigint)
RETURNS boolean
AS 'MODULE_PATHNAME', 'credit_gz_scoring_rescored'
LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
REVOKE ALL ON FUNCTION credit_gz.scoring_rescored(bigint) FROM PUBLIC;
COMMENT ON FUNCTION credit_gz.scoring_rescored(bigint) IS
    '本事务已全量重算 / whether the subject was rescored in full earlier in this transaction (backend-local state of '
    'the scoring triggers): the insert trigger then recomputes its start from the records instead of trusting the '
    'maintained sums, which may already count rows of the current statement. Internal; not granted to PUBLIC.';

CREATE FUNCTION credit_gz.scoring_record_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'credit_gz_scoring_record_trigger'
LANGUAGE C
-- Scores are written by the extension owner, not by the department that changed a record: departments get no
-- privilege on subject_score or grade_history, and the rescoring must see every record of the subject (past RLS).
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION credit_gz.scoring_record_trigger() IS
    '记录计分触发器 / the scoring triggers on record. AFTER ROW on delete or an update of a scoring column: recomputes '
    'the affected subject under the models the record matches (before and after). AFTER STATEMENT on insert (NEW TABLE '
    'scoring_new): scores every new record of the statement at once, one upsert per subject and model, grade_history '
    'and score_drop as row-by-row inserts would write them (one new record: the row fast path). In the same '
    'transaction, under per-subject row locks on credit_gz.subject (FOR NO KEY UPDATE; a batch locks them in '
    'subject_id order). SECURITY DEFINER: scores are written by the extension owner whoever changed the record.';

-- Inserts are scored per statement (a COPY of a million records is one set-based statement, not a million); the
-- row trigger keeps updates and deletes. A transition table needs a trigger of one event and no column list.
CREATE TRIGGER scoring AFTER DELETE OR UPDATE OF subject_id, item_code, domain_code, severity, decision_date,
        publish_from, publish_until, status
    ON credit_gz.record FOR EACH ROW EXECUTE FUNCTION credit_gz.scoring_record_trigger();
COMMENT ON TRIGGER scoring ON credit_gz.record IS
    '实时计分 / keeps subject_score and grade_history current on update and delete (row by row)';
CREATE TRIGGER scoring_insert AFTER INSERT ON credit_gz.record REFERENCING NEW TABLE AS scoring_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.scoring_record_trigger();
COMMENT ON TRIGGER scoring_insert ON credit_gz.record IS
    '批量计分 / keeps subject_score and grade_history current on insert and COPY: one set-based pass per statement';

CREATE FUNCTION credit_gz.scoring_list_entry_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'credit_gz_scoring_list_entry_trigger'
LANGUAGE C
-- Scores are written by the extension owner, not by the department that changed a record: departments get no
-- privilege on subject_score or grade_history, and the rescoring must see every record of the subject (past RLS).
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION credit_gz.scoring_list_entry_trigger() IS
    '名单计分触发器 / AFTER ROW trigger on list_entry: on insert, delete, or an update of subject, list type, dates or '
    'status, rescores the subject under the models the entry matches (an entry counts while active), like the record '
    'trigger and under the same per-subject lock.';

CREATE TRIGGER scoring AFTER INSERT OR DELETE OR UPDATE OF subject_id, list_type_code, effective_from, effective_until,
        status
    ON credit_gz.list_entry FOR EACH ROW EXECUTE FUNCTION credit_gz.scoring_list_entry_trigger();
COMMENT ON TRIGGER scoring ON credit_gz.list_entry IS '实时计分 / keeps subject_score and grade_history current';

-- ---------------------------------------------------------------------------------------------------------------
-- Shipped data
-- ---------------------------------------------------------------------------------------------------------------

INSERT INTO credit_gz.scoring_model (code, name_zh, name_en, kind, domain_code, base_score, floor_score,
                                     ceiling_score, a_min, b_min, c_min, warning_drop, warning_window, basis, shipped)
VALUES
    ('city_comprehensive', '广州市企业信用综合评价', 'Guangzhou comprehensive credit evaluation', 'comprehensive',
     NULL, 80, 0, 100, 90, 70, 40, 10, '90 days', '穗府办函〔2020〕35号 十六: 构建企业信用综合评价指标体系', true),
    ('market_risk', '市场监管企业信用风险分类（A 低风险 … D 高风险）',
     'Market-supervision enterprise credit-risk classes (A low … D high risk)', 'risk', NULL, 85, 0, 100, 90, 75, 60,
     10, '90 days', '穗府办函〔2020〕35号 二(二): 企业信用风险分类管理; 国家市场监管总局企业信用风险分类管理', true);

-- One evaluation model per top-level domain of the annex (信用分级分类监管覆盖不少于20个行业领域). Taxation follows
-- the tax-credit scale (2025-07-01 measures): A ≥ 90, B ≥ 70, C ≥ 40, D below, M new.
INSERT INTO credit_gz.scoring_model (code, name_zh, name_en, kind, domain_code, base_score, floor_score,
                                     ceiling_score, a_min, b_min, c_min, basis, shipped)
SELECT d.code, d.name_zh || '行业信用评价', d.name_en || ' credit evaluation', 'domain', d.code,
       CASE WHEN d.code = 'taxation' THEN 100 ELSE 80 END, 0, 100, 90, 70, 40,
       CASE WHEN d.code = 'taxation' THEN '纳税缴费信用管理办法 (2025-07-01): A ≥ 90, B 70–<90, C 40–<70, D < 40, M 新设'
            ELSE '穗府办函〔2020〕35号 二(二): 建立行业信用评价制度，明确信用等级' END, true
  FROM credit_gz.domain d
 WHERE d.parent_code IS NULL;

-- Generic rules for every model (527 severities): penalties fade linearly over their publicity window, specific
-- serious penalties keep their weight the full three years; positive information (守信) adds points.
INSERT INTO credit_gz.scoring_rule (model_code, item_kind, severity, points, decay, effective_from, basis, shipped)
SELECT m.code, r.kind, r.sev, r.points, r.decay, DATE '2019-07-01', r.basis, true
  FROM credit_gz.scoring_model m
 CROSS JOIN (VALUES
    ('penalty', 'minor', -2.00, 'linear', '发改办财金〔2019〕527号: 轻微 (信用修复管理办法: 可不公示)'),
    ('penalty', 'general', -5.00, 'linear', '发改办财金〔2019〕527号: 一般失信行为'),
    ('penalty', 'serious', -15.00, 'linear', '发改办财金〔2019〕527号: 严重失信行为'),
    ('penalty', 'specific_serious', -30.00, 'none', '发改办财金〔2019〕527号: 特定严重失信行为, 公示满三年不得修复'),
    ('negative', NULL, -5.00, 'linear', '失信信息 / other negative information'),
    ('positive', NULL, 3.00, 'none', '守信激励 / positive information')) r (kind, sev, points, decay, basis);
-- Items whose kind alone does not say 失信: a dishonest judgment debtor (judicial, negative; an ordinary judgment is
-- judicial but neutral) and a breached commitment (commitment kind, negative).
INSERT INTO credit_gz.scoring_rule (model_code, item_code, points, decay, effective_from, basis, shipped)
SELECT m.code, r.item, r.points, 'linear', DATE '2019-07-01', r.basis, true
  FROM credit_gz.scoring_model m
 CROSS JOIN (VALUES
    ('dishonest_judgment_debtor', -10.00, '失信被执行人 (法释〔2017〕7号)'),
    ('commitment_breach', -5.00, '不履行信用承诺 / breach of a credit commitment')) r (item, points, basis);
-- A penalty without a severity still costs the general-class points.
INSERT INTO credit_gz.scoring_rule (model_code, item_kind, points, decay, effective_from, basis, shipped)
SELECT m.code, 'penalty', -5.00, 'linear', DATE '2019-07-01', '行政处罚 (未分级) / penalty without severity', true
  FROM credit_gz.scoring_model m;

-- Direct downgrades (直接降级): specific serious penalties force D, serious ones cap at C, in every model.
INSERT INTO credit_gz.scoring_downgrade (model_code, item_kind, severity, max_grade, effective_from, basis, shipped)
VALUES (NULL, 'penalty', 'specific_serious', 'D', DATE '2019-07-01', '发改办财金〔2019〕527号: 特定严重失信 直接判 D', true),
       (NULL, 'penalty', 'serious', 'C', DATE '2019-07-01', '严重失信行为 当期不得评为 A、B', true);

-- Lists (联合奖惩): a serious punishment list entry (失信联合惩戒对象, 严重违法失信名单 …) forces D in every model; the
-- abnormal-operations list caps the market-supervision risk class at C; red lists (守信激励) add points.
INSERT INTO credit_gz.scoring_downgrade (model_code, source, list_type_code, max_grade, effective_from, basis, shipped)
SELECT NULL, 'list_entry', lt.code, 'D', DATE '2019-07-01',
       '严重失信主体名单 直接判 D / a serious-dishonesty list entry forces D (' || lt.name_zh || ')', true
  FROM credit_gz.list_type lt
 WHERE lt.polarity = 'punishment' AND lt.severity = 'serious';
INSERT INTO credit_gz.scoring_downgrade (model_code, source, list_type_code, max_grade, effective_from, basis, shipped)
SELECT 'market_risk', 'list_entry', lt.code, 'C', DATE '2019-07-01',
       '列入经营异常名录: 信用风险不低于较高 (C) / abnormal operations: at least higher risk', true
  FROM credit_gz.list_type lt
 WHERE lt.code = 'abnormal_operations';
INSERT INTO credit_gz.scoring_rule (model_code, source, list_type_code, points, effective_from, basis, shipped)
SELECT m.code, 'list_entry', lt.code, 5.00, DATE '2019-07-01', '守信激励名单 / red list: ' || lt.name_zh, true
  FROM credit_gz.scoring_model m
 CROSS JOIN credit_gz.list_type lt
 WHERE lt.polarity = 'reward';

-- Differentiated supervision per top-level domain, graded by that domain's model (二(二): 差异化分类监管). Ratios
-- are the shares of each grade drawn for 双随机 inspections: fewer for A, full attention for D.
INSERT INTO credit_gz.supervision_measure (domain_code, model_code, grade, inspection_ratio, incentives, constraints,
                                           effective_from, basis, shipped)
SELECT d.code, d.code, g.grade::credit_gz.credit_grade, g.ratio, g.incentives, g.constraints, DATE '2020-05-18',
       '穗府办函〔2020〕35号 二(二): 根据监管对象信用等级，实施差异化分类监管措施', true
  FROM credit_gz.domain d
 CROSS JOIN (VALUES
    ('A', 0.02, ARRAY['容缺受理', '绿色通道', '减少抽查比例和频次'], ARRAY[]::text[]),
    ('B', 0.05, ARRAY['绿色通道'], ARRAY[]::text[]),
    ('M', 0.05, ARRAY[]::text[], ARRAY[]::text[]),
    ('C', 0.15, ARRAY[]::text[], ARRAY['重点关注', '提高抽查比例和频次']),
    ('D', 0.50, ARRAY[]::text[], ARRAY['重点监管', '提高抽查比例和频次', '不适用告知承诺制'])) g (grade, ratio, incentives, constraints)
 WHERE d.parent_code IS NULL;

-- pg_dump: local rules and models (not the shipped rows, which CREATE EXTENSION makes), and the history. The scores
-- themselves are not dumped: restoring the records rescores them through the triggers (run recompute_scores()
-- after a restore, once local rules are back). scoring_rule_key is rebuilt by its statement triggers.
SELECT pg_catalog.pg_extension_config_dump('credit_gz.scoring_model', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.scoring_rule', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.scoring_rule_scoring_rule_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.scoring_downgrade', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.scoring_downgrade_downgrade_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.supervision_measure', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.supervision_measure_measure_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.grade_history', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.grade_history_history_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.score_drop', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.score_drop_drop_id_seq', '');

-- ====================================================================
-- src/precheck.sql
-- ====================================================================
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

CREATE VIEW credit_gz.measure_feedback_summary AS
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
    LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
    AS 'MODULE_PATHNAME', 'credit_gz_is_restricted';
COMMENT ON FUNCTION credit_gz.is_restricted(bigint, text, text) IS
    '快速判断：主体在该领域该事项是否受禁止性惩戒措施约束（即 precheck 结论为 deny）；档案无此主体返回 false / fast path: '
    'true when precheck() would deny; false for subjects not in the archive';

CREATE FUNCTION credit_gz.is_restricted(code text, domain text, action text) RETURNS boolean
    LANGUAGE c STABLE STRICT PARALLEL RESTRICTED
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

-- The pre-check functions cache the known domain and action codes per backend. credit_gz.domain already sends a
-- relcache invalidation on every change (trigger domain_changed, src/archive.sql); measure_action does the same here.
CREATE TRIGGER measure_action_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.measure_action
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.catalogue_changed();
COMMENT ON TRIGGER measure_action_changed ON credit_gz.measure_action IS
    '事项目录变更时刷新各会话缓存 / invalidates the per-backend caches of known action codes';
COMMENT ON SEQUENCE credit_gz.measure_feedback_feedback_id_seq IS '反馈编号 / feedback ids';

-- ====================================================================
-- src/repair.sql
-- ====================================================================
-- repair: working-day calendar, deadline rules, the sync outbox (信用修复、异议处理、协同修复).
-- Policy: 穗府办函〔2020〕35号 二(四) 加强市场主体权益保障 (信用修复 "一网通办", 协同修复, 异议处理),
--         三(五) 以信用支持企业复工复产 (防疫重点企业信用修复绿色通道).

-- ====================================================================
-- Working-day calendar (工作日历)
-- ====================================================================

CREATE TABLE credit_gz.calendar (
    day      date PRIMARY KEY CHECK (pg_catalog.isfinite(day)),
    kind     text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name_zh  text NOT NULL,
    source   text,
    shipped  boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE credit_gz.calendar IS
    '工作日历: 法定节假日与调休上班日 / working-day calendar: public holidays and adjusted working weekends (调休). '
    'Monday to Friday are working days unless listed here as holiday; a weekend day listed as workday is a working day. '
    'The State Council publishes each year''s arrangement in November; a DBA loads it (see doc/repair.md).';
COMMENT ON COLUMN credit_gz.calendar.day IS '日期 / the day';
COMMENT ON COLUMN credit_gz.calendar.kind IS
    '类型: holiday 放假, workday 调休上班 / holiday (no work) or workday (an adjusted working weekend day)';
COMMENT ON COLUMN credit_gz.calendar.name_zh IS '节日名称 / the holiday the day belongs to, e.g. 春节';
COMMENT ON COLUMN credit_gz.calendar.source IS '依据 / the notice that set the day, e.g. 国办发明电〔2024〕12号';
COMMENT ON COLUMN credit_gz.calendar.shipped IS
    '随扩展发布 / true for the arrangements shipped with the extension (re-created by CREATE EXTENSION, so pg_dump '
    'keeps only locally loaded rows)';

-- The official arrangements we ship: 国办发明电〔2024〕12号 (2025) and 国办发明电〔2025〕7号 (2026).
INSERT INTO credit_gz.calendar (day, kind, name_zh, source, shipped)
SELECT d::date, k, n, s, true
FROM (VALUES
    -- 2025
    ('2025-01-01', 'holiday', '元旦', '国办发明电〔2024〕12号'),
    ('2025-01-26', 'workday', '春节', '国办发明电〔2024〕12号'),
    ('2025-01-28', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-01-29', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-01-30', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-01-31', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-01', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-02', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-03', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-04', 'holiday', '春节', '国办发明电〔2024〕12号'),
    ('2025-02-08', 'workday', '春节', '国办发明电〔2024〕12号'),
    ('2025-04-04', 'holiday', '清明节', '国办发明电〔2024〕12号'),
    ('2025-04-05', 'holiday', '清明节', '国办发明电〔2024〕12号'),
    ('2025-04-06', 'holiday', '清明节', '国办发明电〔2024〕12号'),
    ('2025-04-27', 'workday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-01', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-02', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-03', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-04', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-05', 'holiday', '劳动节', '国办发明电〔2024〕12号'),
    ('2025-05-31', 'holiday', '端午节', '国办发明电〔2024〕12号'),
    ('2025-06-01', 'holiday', '端午节', '国办发明电〔2024〕12号'),
    ('2025-06-02', 'holiday', '端午节', '国办发明电〔2024〕12号'),
    ('2025-09-28', 'workday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-01', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-02', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-03', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-04', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-05', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-06', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-07', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-08', 'holiday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    ('2025-10-11', 'workday', '国庆节、中秋节', '国办发明电〔2024〕12号'),
    -- 2026
    ('2026-01-01', 'holiday', '元旦', '国办发明电〔2025〕7号'),
    ('2026-01-02', 'holiday', '元旦', '国办发明电〔2025〕7号'),
    ('2026-01-03', 'holiday', '元旦', '国办发明电〔2025〕7号'),
    ('2026-01-04', 'workday', '元旦', '国办发明电〔2025〕7号'),
    ('2026-02-14', 'workday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-15', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-16', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-17', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-18', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-19', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-20', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-21', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-22', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-23', 'holiday', '春节', '国办发明电〔2025〕7号'),
    ('2026-02-28', 'workday', '春节', '国办发明电〔2025〕7号'),
    ('2026-04-04', 'holiday', '清明节', '国办发明电〔2025〕7号'),
    ('2026-04-05', 'holiday', '清明节', '国办发明电〔2025〕7号'),
    ('2026-04-06', 'holiday', '清明节', '国办发明电〔2025〕7号'),
    ('2026-05-01', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-02', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-03', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-04', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-05', 'holiday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-05-09', 'workday', '劳动节', '国办发明电〔2025〕7号'),
    ('2026-06-19', 'holiday', '端午节', '国办发明电〔2025〕7号'),
    ('2026-06-20', 'holiday', '端午节', '国办发明电〔2025〕7号'),
    ('2026-06-21', 'holiday', '端午节', '国办发明电〔2025〕7号'),
    ('2026-09-20', 'workday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-09-25', 'holiday', '中秋节', '国办发明电〔2025〕7号'),
    ('2026-09-26', 'holiday', '中秋节', '国办发明电〔2025〕7号'),
    ('2026-09-27', 'holiday', '中秋节', '国办发明电〔2025〕7号'),
    ('2026-10-01', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-02', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-03', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-04', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-05', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-06', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-07', 'holiday', '国庆节', '国办发明电〔2025〕7号'),
    ('2026-10-10', 'workday', '国庆节', '国办发明电〔2025〕7号')
) AS v(d, k, n, s);

SELECT pg_catalog.pg_extension_config_dump('credit_gz.calendar', 'WHERE NOT shipped');

CREATE FUNCTION credit_gz.calendar_guard_shipped() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- Shipped rows are re-created by CREATE EXTENSION on restore, so a change to them would silently be undone.
    IF TG_OP = 'TRUNCATE' THEN
        IF EXISTS (SELECT FROM credit_gz.calendar WHERE shipped) THEN
            RAISE EXCEPTION 'credit_gz.calendar holds the shipped official arrangement and cannot be truncated'
                USING ERRCODE = '23514',
                      DETAIL = 'Rows shipped with the extension are re-created on restore, so removing them would be undone.',
                      HINT = 'Delete the local rows instead: DELETE FROM credit_gz.calendar WHERE NOT shipped.';
        END IF;
        RETURN NULL;
    END IF;
    IF OLD.shipped THEN
        RAISE EXCEPTION 'calendar day % is part of the shipped official arrangement', pg_catalog.to_char(OLD.day, 'YYYY-MM-DD')
            USING ERRCODE = '23514',
                  DETAIL = 'Rows shipped with the extension are re-created on restore, so changes to them would be lost.',
                  HINT = 'Official corrections come with an extension update; load other years as new rows.';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.shipped THEN
        RAISE EXCEPTION 'calendar rows cannot be marked as shipped'
            USING ERRCODE = '23514',
                  DETAIL = 'Only the extension''s install and update scripts ship calendar rows.',
                  HINT = 'Leave shipped false for rows you load.';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
COMMENT ON FUNCTION credit_gz.calendar_guard_shipped() IS
    'Trigger: keeps the shipped official holiday arrangements unchanged (pg_dump keeps only local rows).';

CREATE FUNCTION credit_gz.calendar_guard_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- Only install/update scripts ship rows (they insert with this trigger disabled); a DBA's rows are local.
    NEW.shipped := false;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.calendar_guard_insert() IS
    'Trigger: rows a DBA inserts are local (shipped = false), so pg_dump keeps them.';

CREATE TRIGGER calendar_guard_shipped BEFORE UPDATE OR DELETE ON credit_gz.calendar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.calendar_guard_shipped();
COMMENT ON TRIGGER calendar_guard_shipped ON credit_gz.calendar IS
    '节假日安排保护 / keeps shipped official holiday arrangements unchanged (UPDATE, DELETE)';
CREATE TRIGGER calendar_guard_truncate BEFORE TRUNCATE ON credit_gz.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.calendar_guard_shipped();
COMMENT ON TRIGGER calendar_guard_truncate ON credit_gz.calendar IS
    '节假日安排保护 / refuses TRUNCATE, which would remove shipped holiday arrangements';
CREATE TRIGGER calendar_guard_insert BEFORE INSERT ON credit_gz.calendar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.calendar_guard_insert();
COMMENT ON TRIGGER calendar_guard_insert ON credit_gz.calendar IS
    '本地新增日 / rows a DBA inserts are local (shipped = false), so pg_dump keeps them';

CREATE FUNCTION credit_gz.calendar_invalidate() RETURNS trigger
LANGUAGE C SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_calendar_invalidate';
COMMENT ON FUNCTION credit_gz.calendar_invalidate() IS
    'Statement trigger: tells every backend to reload its cached working-day calendar once this transaction commits.';
CREATE TRIGGER calendar_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.calendar_invalidate();
COMMENT ON TRIGGER calendar_invalidate ON credit_gz.calendar IS
    '刷新工作日缓存 / every backend reloads its cached working-day calendar after commit';

CREATE FUNCTION credit_gz.add_working_days(day date, n integer) RETURNS date
LANGUAGE C STRICT STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_add_working_days';
COMMENT ON FUNCTION credit_gz.add_working_days(date, integer) IS
    '第 n 个工作日 / the n-th working day after (n > 0) or before (n < 0) the day; the day itself for 0. The start '
    'day never counts: 3 working days from Friday is Wednesday. Uses credit_gz.calendar.';

CREATE FUNCTION credit_gz.working_days_between(from_day date, to_day date) RETURNS integer
LANGUAGE C STRICT STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_working_days_between';
COMMENT ON FUNCTION credit_gz.working_days_between(date, date) IS
    '间隔工作日数 / working days after from_day up to and including to_day (negative when to_day is earlier). '
    'add_working_days(d, working_days_between(d, e)) = e for every working day e after d.';

CREATE FUNCTION credit_gz.is_working_day(day date) RETURNS boolean
LANGUAGE C STRICT STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_is_working_day';
COMMENT ON FUNCTION credit_gz.is_working_day(date) IS
    '是否工作日 / Monday to Friday unless credit_gz.calendar lists the day as a holiday; weekend days listed as workday.';

-- ====================================================================
-- Deadline rules (办理时限), data with effective dates
-- ====================================================================

CREATE TABLE credit_gz.deadline_rule (
    deadline_rule_id integer PRIMARY KEY,
    procedure        text NOT NULL CHECK (procedure IN ('repair', 'objection')),
    step             text NOT NULL,
    channel          text NOT NULL DEFAULT 'standard' CHECK (channel IN ('standard', 'green')),
    working_days     integer NOT NULL CHECK (working_days > 0),
    effective_from   date NOT NULL,
    effective_until  date,
    source           text NOT NULL,
    note             text,
    CHECK (effective_until IS NULL OR effective_until > effective_from),
    CHECK ((procedure = 'repair' AND step IN ('acceptance', 'decision'))
        OR (procedure = 'objection' AND step IN ('acceptance', 'platform_check', 'provider_check')))
);
COMMENT ON TABLE credit_gz.deadline_rule IS
    '办理时限规则 / deadline rules for repair applications and objections, in working days, with the dates they are in '
    'force [effective_from, effective_until). A deadline runs from the day of the triggering event (application, '
    'acceptance, referral) and uses the rule in force on that day. Rules 1–999 ship with the extension and cannot be '
    'changed (CREATE EXTENSION re-creates them on restore); a DBA adds local rules (deadline_rule_id >= 1000, kept by pg_dump), '
    'which take precedence over shipped rules on the days they are in force.';
COMMENT ON COLUMN credit_gz.deadline_rule.deadline_rule_id IS '规则编号 / rule id (< 1000 shipped, >= 1000 local)';
COMMENT ON COLUMN credit_gz.deadline_rule.procedure IS '程序 / repair (信用修复) or objection (异议)';
COMMENT ON COLUMN credit_gz.deadline_rule.step IS
    '环节 / repair: acceptance 受理, decision 办结反馈; objection: acceptance 受理, platform_check 平台核查, '
    'provider_check 提供单位核查';
COMMENT ON COLUMN credit_gz.deadline_rule.channel IS
    '通道 / standard, or green (绿色通道, 防疫重点保障企业: 穗府办函〔2020〕35号 三(五))';
COMMENT ON COLUMN credit_gz.deadline_rule.working_days IS '时限(工作日) / the deadline in working days';
COMMENT ON COLUMN credit_gz.deadline_rule.effective_from IS '施行日期 / first day in force';
COMMENT ON COLUMN credit_gz.deadline_rule.effective_until IS '废止日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.deadline_rule.source IS '依据 / the legal source';
COMMENT ON COLUMN credit_gz.deadline_rule.note IS '说明 / remarks';

INSERT INTO credit_gz.deadline_rule
    (deadline_rule_id, procedure, step, channel, working_days, effective_from, source, note) VALUES
    (1, 'repair', 'acceptance', 'standard', 3, '2026-04-01', '国家发展改革委令第36号《信用修复管理办法》',
        'the authority decides within 3 working days whether to accept an application'),
    (2, 'repair', 'decision', 'standard', 10, '2026-04-01', '国家发展改革委令第36号《信用修复管理办法》',
        'the platform gives feedback within 10 working days of acceptance'),
    (3, 'objection', 'acceptance', 'standard', 2, '2024-04-01', '《广州市公共信用信息管理规定》(2024年修订)',
        'acceptance of an objection decided within 2 working days'),
    (4, 'objection', 'platform_check', 'standard', 2, '2024-04-01', '《广州市公共信用信息管理规定》(2024年修订)',
        'the platform checks within 2 working days of acceptance'),
    (5, 'objection', 'provider_check', 'standard', 10, '2024-04-01', '《广州市公共信用信息管理规定》(2024年修订)',
        'where the provider must check, it answers within 10 working days of referral'),
    (6, 'repair', 'acceptance', 'green', 1, '2026-04-01', '穗府办函〔2020〕35号 三(五) 信用修复绿色通道',
        'local setting: the policy orders a faster green channel but sets no number; confirm with 市发展改革委'),
    (7, 'repair', 'decision', 'green', 5, '2026-04-01', '穗府办函〔2020〕35号 三(五) 信用修复绿色通道',
        'local setting: the policy orders a faster green channel but sets no number; confirm with 市发展改革委');

SELECT pg_catalog.pg_extension_config_dump('credit_gz.deadline_rule', 'WHERE deadline_rule_id >= 1000');

CREATE FUNCTION credit_gz.deadline_rule_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    other integer;
BEGIN
    -- Shipped rules (1–999) are re-created by CREATE EXTENSION on restore, so changes to them would be lost.
    IF (TG_OP <> 'INSERT' AND OLD.deadline_rule_id < 1000) OR (TG_OP <> 'DELETE' AND NEW.deadline_rule_id < 1000) THEN
        RAISE EXCEPTION 'deadline rules below 1000 ship with the extension and cannot be added, changed or deleted'
            USING ERRCODE = '23514',
                  DETAIL = 'Shipped rules are re-created on restore; only local rules (deadline_rule_id >= 1000) are kept by pg_dump.',
                  HINT = 'Insert a local rule with deadline_rule_id >= 1000: on the days it is in force it takes precedence.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    -- One local rule per (procedure, step, channel) on any day; serialise writers so two concurrent inserts cannot
    -- both pass.
    LOCK TABLE credit_gz.deadline_rule IN SHARE ROW EXCLUSIVE MODE;
    SELECT r.deadline_rule_id INTO other
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = NEW.procedure AND r.step = NEW.step AND r.channel = NEW.channel
      AND r.deadline_rule_id <> NEW.deadline_rule_id AND r.deadline_rule_id >= 1000
      AND pg_catalog.daterange(r.effective_from, r.effective_until) && pg_catalog.daterange(NEW.effective_from, NEW.effective_until)
    LIMIT 1;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'deadline rule % overlaps rule % for % %, channel %', NEW.deadline_rule_id, other, NEW.procedure, NEW.step, NEW.channel
            USING ERRCODE = '23P01',
                  DETAIL = 'Only one local rule may be in force for a step of a procedure on any day.',
                  HINT = 'Set effective_until on the older local rule first.';
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.deadline_rule_check() IS
    'Trigger: shipped deadline rules (1–999) are fixed; at most one local rule in force per procedure, step and channel '
    'on any day (23P01).';
CREATE TRIGGER deadline_rule_check BEFORE INSERT OR UPDATE OR DELETE ON credit_gz.deadline_rule
    FOR EACH ROW EXECUTE FUNCTION credit_gz.deadline_rule_check();
COMMENT ON TRIGGER deadline_rule_check ON credit_gz.deadline_rule IS
    '期限规则校验 / shipped rules (1–999) stay fixed; at most one local rule in force per procedure, step and channel on any day';

CREATE FUNCTION credit_gz.deadline_working_days(procedure text, step text, channel text, on_day date)
RETURNS integer
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
BEGIN
    -- The green channel uses its own rule where one is in force, the standard rule otherwise; a local rule
    -- (deadline_rule_id >= 1000) takes precedence over the shipped one of the same channel.
    SELECT r.working_days INTO n
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = $1 AND r.step = $2 AND r.channel IN ($3, 'standard')
      AND credit_gz.in_force(r.effective_from, r.effective_until, $4)
    ORDER BY (r.channel = $3) DESC, (r.deadline_rule_id >= 1000) DESC
    LIMIT 1;
    IF n IS NULL THEN
        RAISE EXCEPTION 'no deadline rule in force for % % on %', $1, $2, pg_catalog.to_char($4, 'YYYY-MM-DD')
            USING ERRCODE = 'CG601',
                  DETAIL = 'Deadlines come from credit_gz.deadline_rule; none covers that day.',
                  HINT = 'Insert a rule (deadline_rule_id >= 1000) with the deadline and the dates it is in force.';
    END IF;
    RETURN n;
END $$;
COMMENT ON FUNCTION credit_gz.deadline_working_days(text, text, text, date) IS
    '时限工作日数 / the working days a step of a procedure allows, under the rule in force on the day (green channel '
    'falls back to the standard rule, a local rule beats a shipped one); error CG601 when no rule is in force.';

CREATE FUNCTION credit_gz.deadline(procedure text, step text, channel text, from_day date) RETURNS date
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN credit_gz.add_working_days(from_day, credit_gz.deadline_working_days(procedure, step, channel, from_day));
COMMENT ON FUNCTION credit_gz.deadline(text, text, text, date) IS
    '办理期限 / the last day for a step: from_day plus the working days of the rule in force on from_day.';

-- ====================================================================
-- Sync outbox (协同修复: 信用中国, 国家企业信用信息公示系统)
-- ====================================================================

CREATE TABLE credit_gz.sync_target (
    code        text PRIMARY KEY,
    name_zh     text NOT NULL,
    applies_to  text NOT NULL CHECK (applies_to IN ('legal_entity', 'natural_person', 'both')),
    active      boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.sync_target IS
    '协同修复对象系统 / systems every repair and objection decision is sent to (一网通办, 协同修复: 二(四)).';
COMMENT ON COLUMN credit_gz.sync_target.code IS '代码 / target code';
COMMENT ON COLUMN credit_gz.sync_target.name_zh IS '名称 / name of the system';
COMMENT ON COLUMN credit_gz.sync_target.applies_to IS
    '适用主体 / legal_entity (subjects with a unified social credit code), natural_person, or both';
COMMENT ON COLUMN credit_gz.sync_target.active IS '启用 / false: no new outbox rows for this target';
INSERT INTO credit_gz.sync_target VALUES
    ('creditchina', '"信用中国"网站', 'both', true),
    ('gsxt', '国家企业信用信息公示系统', 'legal_entity', true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.sync_target', 'WHERE code NOT IN (''creditchina'', ''gsxt'')');

CREATE TABLE credit_gz.sync_outbox (
    outbox_id        bigint GENERATED ALWAYS AS IDENTITY,
    subject_id       bigint NOT NULL,
    target           text NOT NULL REFERENCES credit_gz.sync_target (code),
    topic            text NOT NULL,
    payload          jsonb NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT pg_catalog.now(),
    available_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    attempts         integer NOT NULL DEFAULT 0,
    claimed_by       text,
    claimed_at       timestamptz,
    last_error       text,
    acknowledged_at  timestamptz,
    PRIMARY KEY (subject_id, outbox_id)
);
COMMENT ON TABLE credit_gz.sync_outbox IS
    '协同修复发件箱 / outbox of repair and objection decisions for 信用中国 and 国家企业信用信息公示系统. Written in the '
    'transaction of the decision, consumed with credit_gz.sync_outbox_claim (SKIP LOCKED), acknowledged with '
    'sync_outbox_ack, retried with backoff by sync_outbox_retry; a claimed row that is neither acknowledged nor '
    'retried becomes available again when its lease ends, so nothing is lost.';
COMMENT ON COLUMN credit_gz.sync_outbox.outbox_id IS '编号 / id, increasing in commit-independent order';
COMMENT ON COLUMN credit_gz.sync_outbox.subject_id IS '主体 / the subject the decision concerns';
COMMENT ON COLUMN credit_gz.sync_outbox.target IS '目标系统 / credit_gz.sync_target code';
COMMENT ON COLUMN credit_gz.sync_outbox.topic IS '事项 / what happened, e.g. repair_decision, objection_outcome';
COMMENT ON COLUMN credit_gz.sync_outbox.payload IS '内容 / the message (JSON)';
COMMENT ON COLUMN credit_gz.sync_outbox.created_at IS '生成时间 / when the decision was written';
COMMENT ON COLUMN credit_gz.sync_outbox.available_at IS
    '可领取时间 / not claimable before this time (lease end after a claim, backoff after a failure)';
COMMENT ON COLUMN credit_gz.sync_outbox.attempts IS '投递次数 / times claimed';
COMMENT ON COLUMN credit_gz.sync_outbox.claimed_by IS '领取者 / the consumer of the latest claim';
COMMENT ON COLUMN credit_gz.sync_outbox.claimed_at IS '领取时间 / time of the latest claim';
COMMENT ON COLUMN credit_gz.sync_outbox.last_error IS '最近错误 / the error of the latest failed attempt';
COMMENT ON COLUMN credit_gz.sync_outbox.acknowledged_at IS '确认时间 / delivered and acknowledged (NULL: pending)';
-- Consumers only ever look at pending rows, so the index holds only those.
SELECT pg_catalog.pg_extension_config_dump('credit_gz.sync_outbox', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.sync_outbox_outbox_id_seq', '');
CREATE INDEX sync_outbox_pending_idx ON credit_gz.sync_outbox (available_at, outbox_id) WHERE acknowledged_at IS NULL;
COMMENT ON INDEX credit_gz.sync_outbox_pending_idx IS
    'Consumers claim pending rows in order of availability; only pending rows are indexed.';
CREATE INDEX sync_outbox_id_idx ON credit_gz.sync_outbox (outbox_id);
COMMENT ON INDEX credit_gz.sync_outbox_id_idx IS
    'Consumers acknowledge and retry messages by outbox id alone (sync_outbox_ack, sync_outbox_retry).';

CREATE FUNCTION credit_gz.sync_outbox_enqueue(subject_id bigint, topic text, payload jsonb, legal_entity boolean)
RETURNS integer
LANGUAGE sql VOLATILE STRICT SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH ins AS (
        INSERT INTO credit_gz.sync_outbox (subject_id, target, topic, payload)
        SELECT sync_outbox_enqueue.subject_id, t.code, sync_outbox_enqueue.topic, sync_outbox_enqueue.payload
        FROM credit_gz.sync_target t
        WHERE t.active
          AND (t.applies_to = 'both'
               OR t.applies_to = CASE WHEN sync_outbox_enqueue.legal_entity THEN 'legal_entity' ELSE 'natural_person' END)
        RETURNING 1)
    SELECT count(*)::integer FROM ins;
END;
COMMENT ON FUNCTION credit_gz.sync_outbox_enqueue(bigint, text, jsonb, boolean) IS
    'Writes one outbox row per active target that applies to the subject (gsxt only for legal entities); returns the '
    'number of rows. Call it in the transaction of the decision so the message commits or rolls back with it.';

CREATE FUNCTION credit_gz.sync_outbox_claim(consumer text, batch_size integer DEFAULT 100,
                                            lease interval DEFAULT '5 minutes', only_target text DEFAULT NULL)
RETURNS SETOF credit_gz.sync_outbox
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF consumer IS NULL OR batch_size IS NULL OR batch_size < 1 OR lease IS NULL OR lease <= interval '0' THEN
        RAISE EXCEPTION 'invalid outbox claim: consumer, a positive batch size and a positive lease are required'
            USING ERRCODE = '22023', HINT = 'Call sync_outbox_claim(''consumer-name'', 100, ''5 minutes'').';
    END IF;
    -- SKIP LOCKED: concurrent consumers take disjoint batches; the lease hides the batch until it is acknowledged,
    -- retried, or the lease runs out (consumer died) and the rows become claimable again.
    RETURN QUERY
    UPDATE credit_gz.sync_outbox o
    SET claimed_by = consumer, claimed_at = pg_catalog.clock_timestamp(),
        available_at = pg_catalog.clock_timestamp() + lease, attempts = o.attempts + 1
    WHERE (o.subject_id, o.outbox_id) IN (
        SELECT p.subject_id, p.outbox_id FROM credit_gz.sync_outbox p
        WHERE p.acknowledged_at IS NULL AND p.available_at <= pg_catalog.clock_timestamp()
          AND (only_target IS NULL OR p.target = only_target)
        ORDER BY p.available_at, p.outbox_id
        LIMIT batch_size
        FOR UPDATE SKIP LOCKED)
    RETURNING o.*;
END $$;
COMMENT ON FUNCTION credit_gz.sync_outbox_claim(text, integer, interval, text) IS
    'Claims up to batch_size pending outbox rows (optionally for one target) for a consumer, with FOR UPDATE SKIP '
    'LOCKED; the rows stay hidden for the lease. Acknowledge with sync_outbox_ack or report failure with sync_outbox_retry.';

CREATE FUNCTION credit_gz.sync_outbox_ack(consumer text, outbox_ids bigint[]) RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n integer;
    stale bigint;
BEGIN
    -- Only the consumer holding the latest claim may acknowledge: after a lease ran out another consumer may
    -- hold the row, and its delivery is the one that counts.
    SELECT o.outbox_id INTO stale FROM credit_gz.sync_outbox o
    WHERE o.outbox_id = ANY (outbox_ids) AND o.acknowledged_at IS NULL AND o.claimed_by IS DISTINCT FROM consumer
    LIMIT 1;
    IF stale IS NOT NULL THEN
        RAISE EXCEPTION 'outbox row % is not claimed by consumer "%"', stale, consumer
            USING ERRCODE = 'CG602',
                  DETAIL = 'Its lease ran out and another consumer claimed it, or it was never claimed.',
                  HINT = 'Claim rows with sync_outbox_claim and acknowledge them before the lease ends.';
    END IF;
    UPDATE credit_gz.sync_outbox o SET acknowledged_at = pg_catalog.clock_timestamp(), last_error = NULL
    WHERE o.outbox_id = ANY (outbox_ids) AND o.acknowledged_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;
COMMENT ON FUNCTION credit_gz.sync_outbox_ack(text, bigint[]) IS
    'Marks claimed outbox rows delivered; returns how many changed (already acknowledged rows are skipped, so a '
    'repeated acknowledgement is harmless). Error CG602 when a row is held by another consumer.';

CREATE FUNCTION credit_gz.sync_outbox_retry(consumer text, outbox_id bigint, error text,
                                            base_delay interval DEFAULT '30 seconds',
                                            max_delay interval DEFAULT '6 hours')
RETURNS timestamptz
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.sync_outbox;
    next_at timestamptz;
BEGIN
    SELECT * INTO r FROM credit_gz.sync_outbox o WHERE o.outbox_id = sync_outbox_retry.outbox_id FOR UPDATE;
    IF NOT FOUND OR r.acknowledged_at IS NOT NULL OR r.claimed_by IS DISTINCT FROM consumer THEN
        RAISE EXCEPTION 'outbox row % is not claimed by consumer "%"', sync_outbox_retry.outbox_id, consumer
            USING ERRCODE = 'CG602',
                  DETAIL = 'Only a pending row held by the consumer can be scheduled for retry.',
                  HINT = 'Claim rows with sync_outbox_claim first.';
    END IF;
    -- Exponential backoff: base, 2 base, 4 base … capped; the row is never dropped.
    next_at := pg_catalog.clock_timestamp()
               + LEAST(max_delay, base_delay * pg_catalog.power(2, LEAST(GREATEST(r.attempts - 1, 0), 30)));
    UPDATE credit_gz.sync_outbox o SET available_at = next_at, last_error = error
    WHERE o.subject_id = r.subject_id AND o.outbox_id = r.outbox_id;
    RETURN next_at;
END $$;
COMMENT ON FUNCTION credit_gz.sync_outbox_retry(text, bigint, text, interval, interval) IS
    'Reports a failed delivery: the row becomes claimable again after base_delay * 2^(attempts-1), at most max_delay; '
    'returns that time. Rows are never dropped.';

CREATE FUNCTION credit_gz.sync_outbox_purge(older_than interval DEFAULT '90 days') RETURNS bigint
LANGUAGE sql VOLATILE STRICT SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH del AS (
        DELETE FROM credit_gz.sync_outbox o
        WHERE o.acknowledged_at IS NOT NULL AND o.acknowledged_at < pg_catalog.now() - older_than
        RETURNING 1)
    SELECT count(*) FROM del;
END;
COMMENT ON FUNCTION credit_gz.sync_outbox_purge(interval) IS
    'Deletes acknowledged outbox rows older than the interval; pending rows are never deleted.';

-- ====================================================================
-- Repair bars (不予修复) and eligibility (修复条件)
-- ====================================================================

CREATE TABLE credit_gz.repair_bar (
    bar_id        bigint GENERATED ALWAYS AS IDENTITY,
    subject_id    bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    record_id     bigint,
    barred_from   date NOT NULL,
    barred_until  date,
    reason        text NOT NULL CHECK (reason <> ''),
    basis         text NOT NULL CHECK (basis <> ''),
    department_code text NOT NULL REFERENCES credit_gz.department (code),
    created_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CHECK (barred_until IS NULL OR barred_until > barred_from),
    PRIMARY KEY (subject_id, bar_id),
    CONSTRAINT repair_bar_record_id_fkey FOREIGN KEY (subject_id, record_id) REFERENCES credit_gz.record (subject_id, record_id)
);
COMMENT ON TABLE credit_gz.repair_bar IS
    '不予修复限制 / repair bars: periods during which a subject (or one record) may not be repaired, e.g. after a repair '
    'obtained by fraud (弄虚作假) was revoked, or where a law excludes repair. Checked by every repair application.';
COMMENT ON COLUMN credit_gz.repair_bar.bar_id IS '编号 / id';
COMMENT ON COLUMN credit_gz.repair_bar.subject_id IS '主体 / barred subject';
COMMENT ON COLUMN credit_gz.repair_bar.record_id IS '信用记录 / the one record barred (NULL: every record and entry of the subject)';
COMMENT ON COLUMN credit_gz.repair_bar.barred_from IS '限制起始日 / first day barred';
COMMENT ON COLUMN credit_gz.repair_bar.barred_until IS '限制解除日 / first day no longer barred (NULL: no end)';
COMMENT ON COLUMN credit_gz.repair_bar.reason IS '原因 / reason';
COMMENT ON COLUMN credit_gz.repair_bar.basis IS '依据 / legal basis';
COMMENT ON COLUMN credit_gz.repair_bar.department_code IS '决定部门 / department that set the bar';
COMMENT ON COLUMN credit_gz.repair_bar.created_at IS '创建时间 / created at';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_bar', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_bar_bar_id_seq', '');

CREATE FUNCTION credit_gz.repair_bar_until(subject_id bigint, record_id bigint, on_day date) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN (SELECT CASE WHEN bool_or(b.barred_until IS NULL) THEN 'infinity'::date ELSE max(b.barred_until) END
        FROM credit_gz.repair_bar b
        WHERE b.subject_id = repair_bar_until.subject_id
          AND (b.record_id IS NULL OR b.record_id = repair_bar_until.record_id)
          AND credit_gz.in_force(b.barred_from, b.barred_until, on_day));
COMMENT ON FUNCTION credit_gz.repair_bar_until(bigint, bigint, date) IS
    'The first day no longer barred by the repair bars in force for the subject (and record) on the day; infinity for '
    'an open bar; NULL when none is in force.';

CREATE FUNCTION credit_gz.repair_commitment_on_file(subject_id bigint, record_id bigint) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN EXISTS (SELECT FROM credit_gz.commitment c
               WHERE c.subject_id = repair_commitment_on_file.subject_id AND c.kind = 'credit_repair'
                 AND (c.record_id IS NULL OR c.record_id = repair_commitment_on_file.record_id)
                 AND c.status IN ('pending', 'fulfilled'));
COMMENT ON FUNCTION credit_gz.repair_commitment_on_file(bigint, bigint) IS
    'True when the subject has a repair commitment (信用修复承诺, credit_gz.commitment kind credit_repair) for the record or '
    'for all its records that is not broken (pending or fulfilled): Order 36 requires a public credit commitment.';

-- The time-independent conditions first (each one makes the application ineligible for good, or until the subject
-- acts), then the dates: minimum period and bars. eligible_from is the first day all date conditions hold, given
-- only when no other condition fails.
CREATE FUNCTION credit_gz.record_repair_eligibility(record_id bigint, on_day date,
                                                     obligations_performed_on date DEFAULT NULL)
RETURNS TABLE (eligible boolean, reasons text[], eligible_from date)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.record;
    rule credit_gz.publicity_rule;
    why text[] := '{}';
    since date;
    bar date;
BEGIN
    SELECT * INTO r FROM credit_gz.record rec WHERE rec.record_id = record_repair_eligibility.record_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'credit record % does not exist', record_repair_eligibility.record_id
            USING ERRCODE = '23503', HINT = 'Give the record_id of a record in credit_gz.record.';
    END IF;
    SELECT * INTO rule FROM credit_gz.publicity_rule WHERE publicity_rule_id = r.publicity_rule_id;

    IF r.status <> 'in_publicity' THEN
        why := why || format('the record is not in publicity (status %s)', r.status);
    END IF;
    IF rule.publicity_rule_id IS NULL THEN
        why := why || 'the record has no publicity rule (it is not negative information)'::text;
    END IF;
    IF r.severity = 'specific_serious' THEN
        why := why || 'specific serious (特定严重失信) records stay published for the full period and cannot be repaired'::text;
    END IF;
    IF rule.publicity_rule_id IS NOT NULL AND NOT rule.repairable AND r.severity IS DISTINCT FROM 'specific_serious' THEN
        why := why || format('publicity rule %s (%s) does not allow repair', rule.publicity_rule_id, rule.generation);
    END IF;
    IF obligations_performed_on IS NULL OR obligations_performed_on > on_day THEN
        why := why || 'the obligations set by the decision have not been performed (履行法定义务、纠正失信行为)'::text;
    END IF;
    IF NOT credit_gz.repair_commitment_on_file(r.subject_id, r.record_id) THEN
        why := why || 'no repair commitment (信用修复承诺) is on file'::text;
    END IF;

    -- Minimum publicity period: repairable_from is filled by the archive from the record's rule version; under
    -- Order 36 a minor record is repairable as soon as the obligation is performed (no minimum period).
    since := GREATEST(r.repairable_from, obligations_performed_on);
    bar := credit_gz.repair_bar_until(r.subject_id, r.record_id, GREATEST(on_day, since));
    IF bar IS NOT NULL THEN
        since := bar;
    END IF;
    IF r.repairable_from IS NOT NULL AND r.repairable_from > on_day THEN
        why := why || format('the minimum publicity period ends on %s',
                             pg_catalog.to_char(credit_gz.inclusive_end(r.repairable_from), 'YYYY-MM-DD'));
    END IF;
    IF bar IS NOT NULL THEN
        why := why || CASE WHEN bar = 'infinity' THEN 'repair is barred without end date'
                           ELSE format('repair is barred until %s', pg_catalog.to_char(credit_gz.inclusive_end(bar), 'YYYY-MM-DD')) END;
    END IF;

    eligible := cardinality(why) = 0;
    reasons := why;
    eligible_from := CASE
        WHEN eligible THEN on_day
        WHEN since IS NOT NULL AND since <> 'infinity' AND since > on_day
             AND cardinality(why) = (CASE WHEN r.repairable_from > on_day THEN 1 ELSE 0 END)
                                     + (CASE WHEN bar IS NOT NULL THEN 1 ELSE 0 END)
        THEN since END;
    RETURN NEXT;
END $$;
COMMENT ON FUNCTION credit_gz.record_repair_eligibility(bigint, date, date) IS
    '信用修复条件 / whether a record can be repaired on the day, under its rule version: in publicity, a penalty that is '
    'not specific serious, rule repairable, obligations performed, a repair commitment on file, minimum publicity period '
    'reached (Order 36 minor records: as soon as the obligation is performed), no repair bar. Returns every failing '
    'condition and, when only dates stand in the way, the first day the record becomes eligible.';

CREATE FUNCTION credit_gz.entry_repair_eligibility(entry_id bigint, on_day date,
                                                    obligations_performed_on date DEFAULT NULL)
RETURNS TABLE (eligible boolean, reasons text[], eligible_from date)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e credit_gz.list_entry;
    lt credit_gz.list_type;
    why text[] := '{}';
    min_day date;
    since date;
    bar date;
BEGIN
    SELECT * INTO e FROM credit_gz.list_entry le WHERE le.entry_id = entry_repair_eligibility.entry_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'list entry % does not exist', entry_repair_eligibility.entry_id
            USING ERRCODE = '23503', HINT = 'Give the entry_id of an entry in credit_gz.list_entry.';
    END IF;
    SELECT * INTO lt FROM credit_gz.list_type WHERE code = e.list_type_code;

    IF e.status <> 'active' THEN
        why := why || format('the list entry is not active (status %s)', e.status);
    END IF;
    IF e.derived_from_entry_id IS NOT NULL THEN
        why := why || format('the entry was derived from entry %s and is lifted with it', e.derived_from_entry_id);
    END IF;
    IF lt.polarity = 'reward' THEN
        why := why || 'entries on a reward list (红名单) are not repaired'::text;
    END IF;
    IF lt.early_removal_after_months IS NULL THEN
        why := why || format('list %s allows no early removal', lt.code);
    END IF;
    IF obligations_performed_on IS NULL OR obligations_performed_on > on_day THEN
        why := why || 'the obligations set by the decision have not been performed (履行法定义务、纠正失信行为)'::text;
    END IF;
    IF NOT credit_gz.repair_commitment_on_file(e.subject_id, e.record_id) THEN
        why := why || 'no repair commitment (信用修复承诺) is on file'::text;
    END IF;

    -- Early removal after the list type's minimum term (e.g. SAMR Order No. 44: one year).
    min_day := credit_gz.add_months(e.effective_from, COALESCE(lt.early_removal_after_months, 0));
    since := GREATEST(min_day, obligations_performed_on);
    bar := credit_gz.repair_bar_until(e.subject_id, NULL, GREATEST(on_day, since));
    IF bar IS NOT NULL THEN
        since := bar;
    END IF;
    IF lt.early_removal_after_months IS NOT NULL AND min_day > on_day THEN
        why := why || format('early removal is possible from %s', pg_catalog.to_char(min_day, 'YYYY-MM-DD'));
    END IF;
    IF bar IS NOT NULL THEN
        why := why || CASE WHEN bar = 'infinity' THEN 'repair is barred without end date'
                           ELSE format('repair is barred until %s', pg_catalog.to_char(credit_gz.inclusive_end(bar), 'YYYY-MM-DD')) END;
    END IF;

    eligible := cardinality(why) = 0;
    reasons := why;
    eligible_from := CASE
        WHEN eligible THEN on_day
        WHEN since IS NOT NULL AND since <> 'infinity' AND since > on_day
             AND cardinality(why) = (CASE WHEN lt.early_removal_after_months IS NOT NULL AND min_day > on_day THEN 1 ELSE 0 END)
                                     + (CASE WHEN bar IS NOT NULL THEN 1 ELSE 0 END)
        THEN since END;
    RETURN NEXT;
END $$;
COMMENT ON FUNCTION credit_gz.entry_repair_eligibility(bigint, date, date) IS
    '名单提前移出(修复)条件 / whether a list entry can be repaired (removed early) on the day: active, determined directly '
    '(derived entries follow their source), a punishment or attention list that allows early removal, its minimum term '
    '(list_type.early_removal_after_months) reached, obligations performed, a repair commitment on file, no repair bar.';

-- ====================================================================
-- Green channel (绿色通道, 三(五)): the epidemic-prevention key-enterprise list
-- ====================================================================

INSERT INTO credit_gz.list_type (code, name_zh, name_en, polarity, severity, applies_to, default_term_months,
                                 early_removal_after_months, legal_basis, effective_from, shipped)
VALUES ('epidemic_key_enterprise', '防疫重点保障企业名录', 'Epidemic-prevention key enterprises', 'reward', 'none',
        'legal_entity', NULL, 0,
        '穗府办函〔2020〕35号 三(五): 根据国家、省、市认定的防疫重点保障企业名录 … 设立信用修复绿色通道', '2020-02-01', true);

CREATE TABLE credit_gz.green_channel_list (
    list_type_code  text PRIMARY KEY REFERENCES credit_gz.list_type (code),
    positive_item_code text REFERENCES credit_gz.info_item (code),
    basis           text NOT NULL
);
COMMENT ON TABLE credit_gz.green_channel_list IS
    '绿色通道名单 / lists whose active members get the green-channel repair deadlines (deadline_rule channel green) '
    'and whose listing is recorded as positive (守信) information in the credit archive (三(五)).';
COMMENT ON COLUMN credit_gz.green_channel_list.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.green_channel_list.positive_item_code IS
    '守信信息项 / information item of the positive record written when a subject is listed (NULL: none)';
COMMENT ON COLUMN credit_gz.green_channel_list.basis IS '依据 / basis';

CREATE FUNCTION credit_gz.repair_channel(subject_id bigint, on_day date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN EXISTS (
            SELECT FROM credit_gz.list_entry e JOIN credit_gz.green_channel_list g ON g.list_type_code = e.list_type_code
            WHERE e.subject_id = repair_channel.subject_id AND e.status = 'active'
              AND credit_gz.in_force(e.effective_from, e.effective_until, on_day))
       THEN 'green' ELSE 'standard' END;
COMMENT ON FUNCTION credit_gz.repair_channel(bigint, date) IS
    '修复通道 / green when the subject is on a green-channel list (防疫重点保障企业) on the day, standard otherwise.';

-- ====================================================================
-- Repair applications (信用修复申请)
-- ====================================================================

CREATE TABLE credit_gz.repair_application (
    application_id   bigint GENERATED ALWAYS AS IDENTITY,
    subject_id       bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    record_id        bigint,
    entry_id         bigint,
    department_code  text NOT NULL REFERENCES credit_gz.department (code),
    channel          text NOT NULL CHECK (channel IN ('standard', 'green')),
    statement        text,
    obligations_performed_on date,
    status           text NOT NULL DEFAULT 'submitted'
                     CHECK (status IN ('submitted', 'accepted', 'refused', 'approved', 'rejected')),
    submitted_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    accept_due       date NOT NULL,
    accepted_at      timestamptz,
    decide_due       date,
    decided_at       timestamptz,
    decided_by       text,
    decision_reason  text,
    accept_overdue_at timestamptz,
    decide_overdue_at timestamptz,
    CHECK ((record_id IS NULL) <> (entry_id IS NULL)),
    CHECK (status NOT IN ('refused', 'rejected') OR decision_reason IS NOT NULL),
    CHECK ((status IN ('accepted', 'approved', 'rejected')) = (accepted_at IS NOT NULL)),
    CHECK ((status IN ('refused', 'approved', 'rejected')) = (decided_at IS NOT NULL)),
    PRIMARY KEY (subject_id, application_id),
    CONSTRAINT repair_application_record_id_fkey FOREIGN KEY (subject_id, record_id)
        REFERENCES credit_gz.record (subject_id, record_id),
    CONSTRAINT repair_application_entry_id_fkey FOREIGN KEY (subject_id, entry_id)
        REFERENCES credit_gz.list_entry (subject_id, entry_id)
);
COMMENT ON TABLE credit_gz.repair_application IS
    '信用修复申请 / credit repair applications for a record or a list entry: submitted → accepted or refused (within '
    'the acceptance deadline) → approved or rejected (within the decision deadline). Eligibility is checked on submission '
    'and again on approval; approval unpublishes and archives the record or entry as repaired, in the same transaction '
    '(scores and derived entries follow through their triggers), and writes the decision to sync_outbox (二(四)).';
COMMENT ON COLUMN credit_gz.repair_application.application_id IS '申请编号 / application id';
COMMENT ON COLUMN credit_gz.repair_application.subject_id IS '申请主体 / the subject applying (from the record or entry)';
COMMENT ON COLUMN credit_gz.repair_application.record_id IS '信用记录 / the record to repair (or entry_id)';
COMMENT ON COLUMN credit_gz.repair_application.entry_id IS '名单记录 / the list entry to repair (or record_id)';
COMMENT ON COLUMN credit_gz.repair_application.department_code IS
    '办理部门 / handling department: the department that made the decision or listing (谁认定、谁修复)';
COMMENT ON COLUMN credit_gz.repair_application.channel IS '通道 / standard or green (绿色通道, set on submission)';
COMMENT ON COLUMN credit_gz.repair_application.statement IS '申请说明 / the applicant''s statement';
COMMENT ON COLUMN credit_gz.repair_application.obligations_performed_on IS
    '义务履行日期 / the day the obligations of the decision were performed (evidence checked on acceptance)';
COMMENT ON COLUMN credit_gz.repair_application.status IS
    '状态 / submitted 已提交, accepted 已受理, refused 不予受理, approved 准予修复, rejected 不予修复';
COMMENT ON COLUMN credit_gz.repair_application.submitted_at IS '提交时间 / submitted at';
COMMENT ON COLUMN credit_gz.repair_application.accept_due IS '受理期限 / last day to accept or refuse';
COMMENT ON COLUMN credit_gz.repair_application.accepted_at IS '受理时间 / accepted at';
COMMENT ON COLUMN credit_gz.repair_application.decide_due IS '办结期限 / last day to approve or reject';
COMMENT ON COLUMN credit_gz.repair_application.decided_at IS '决定时间 / refused, approved or rejected at';
COMMENT ON COLUMN credit_gz.repair_application.decided_by IS '经办人 / database role that took the last decision';
COMMENT ON COLUMN credit_gz.repair_application.decision_reason IS '决定理由 / reasons (required for refusal and rejection)';
COMMENT ON COLUMN credit_gz.repair_application.accept_overdue_at IS
    '受理逾期标记 / when run_expiry found the acceptance deadline passed without a decision';
COMMENT ON COLUMN credit_gz.repair_application.decide_overdue_at IS
    '办结逾期标记 / when run_expiry found the decision deadline passed without a decision';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_application', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.repair_application_application_id_seq', '');
-- Decisions name an application by its id alone (repair_accept, repair_refuse, repair_approve, repair_reject).
CREATE INDEX repair_application_id_idx ON credit_gz.repair_application (application_id);
CREATE INDEX repair_application_record_idx ON credit_gz.repair_application (subject_id, record_id) WHERE record_id IS NOT NULL;
CREATE INDEX repair_application_entry_idx ON credit_gz.repair_application (subject_id, entry_id) WHERE entry_id IS NOT NULL;
-- One open application per record or entry.
CREATE UNIQUE INDEX repair_application_open_record_idx ON credit_gz.repair_application (subject_id, record_id)
    WHERE status IN ('submitted', 'accepted') AND record_id IS NOT NULL;
CREATE UNIQUE INDEX repair_application_open_entry_idx ON credit_gz.repair_application (subject_id, entry_id)
    WHERE status IN ('submitted', 'accepted') AND entry_id IS NOT NULL;
-- The expiry job finds overdue applications through these; they hold only the open, not yet flagged ones.
CREATE INDEX repair_application_accept_due_idx ON credit_gz.repair_application (accept_due)
    WHERE status = 'submitted' AND accept_overdue_at IS NULL;
CREATE INDEX repair_application_decide_due_idx ON credit_gz.repair_application (decide_due)
    WHERE status = 'accepted' AND decide_overdue_at IS NULL;
COMMENT ON INDEX credit_gz.repair_application_id_idx IS 'an application by its id alone (the decision functions)';
COMMENT ON INDEX credit_gz.repair_application_open_record_idx IS 'one open application per record';
COMMENT ON INDEX credit_gz.repair_application_open_entry_idx IS 'one open application per list entry';
COMMENT ON INDEX credit_gz.repair_application_accept_due_idx IS 'run_expiry: acceptance deadlines not yet flagged';
COMMENT ON INDEX credit_gz.repair_application_decide_due_idx IS 'run_expiry: decision deadlines not yet flagged';
COMMENT ON INDEX credit_gz.repair_application_record_idx IS 'applications by record';
COMMENT ON INDEX credit_gz.repair_application_entry_idx IS 'applications by list entry';

CREATE FUNCTION credit_gz.repair_raise_ineligible(what text, reasons text[], eligible_from date) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION '% is not eligible for credit repair%', what,
            CASE WHEN eligible_from IS NOT NULL THEN format(' before %s', pg_catalog.to_char(eligible_from, 'YYYY-MM-DD')) ELSE '' END
        USING ERRCODE = 'CG611',
              DETAIL = format('Reasons: %s.', array_to_string(reasons, '; ')),
              HINT = CASE WHEN eligible_from IS NOT NULL THEN format('Apply again on or after %s.', pg_catalog.to_char(eligible_from, 'YYYY-MM-DD'))
                          ELSE 'Remove the reasons listed (perform the obligations, file a repair commitment) and apply again.' END;
END $$;
COMMENT ON FUNCTION credit_gz.repair_raise_ineligible(text, text[], date) IS
    'Raises CG611 (not eligible for repair) with every reason and, when only dates stand in the way, the first eligible day.';

-- BEFORE INSERT: fill subject, department, channel and acceptance deadline; refuse ineligible applications.
CREATE FUNCTION credit_gz.repair_application_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    el record;
    day date := credit_gz.policy_date();
BEGIN
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION 'a repair application starts as submitted, not %', NEW.status
            USING ERRCODE = '23514', HINT = 'Insert with the default status and use repair_accept/repair_approve.';
    END IF;
    NEW.submitted_at := pg_catalog.now();    -- deadlines run from the real submission day
    NEW.accepted_at := NULL; NEW.decided_at := NULL; NEW.decide_due := NULL;
    NEW.accept_overdue_at := NULL; NEW.decide_overdue_at := NULL;
    IF NEW.record_id IS NOT NULL THEN
        SELECT r.subject_id, r.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.record r WHERE r.record_id = NEW.record_id FOR SHARE;
        SELECT * INTO el FROM credit_gz.record_repair_eligibility(NEW.record_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(format('credit record %s', NEW.record_id), el.reasons, el.eligible_from);
        END IF;
    ELSIF NEW.entry_id IS NOT NULL THEN
        SELECT e.subject_id, e.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.list_entry e WHERE e.entry_id = NEW.entry_id FOR SHARE;
        SELECT * INTO el FROM credit_gz.entry_repair_eligibility(NEW.entry_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(format('list entry %s', NEW.entry_id), el.reasons, el.eligible_from);
        END IF;
    END IF;
    NEW.channel := credit_gz.repair_channel(NEW.subject_id, day);
    NEW.accept_due := credit_gz.deadline('repair', 'acceptance', NEW.channel, day);
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_insert() IS
    'Trigger: on submission fills the subject and handling department from the record or entry, the channel (green for '
    '防疫重点保障企业) and the acceptance deadline; an ineligible application fails with CG611, reasons and eligible date.';
CREATE TRIGGER repair_application_insert BEFORE INSERT ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.repair_application_insert();
COMMENT ON TRIGGER repair_application_insert ON credit_gz.repair_application IS
    '修复申请受理前检查 / fills subject, department, channel and acceptance deadline; refuses ineligible applications (CG611)';

-- BEFORE UPDATE: the state machine. Identity columns never change; the status moves one step at a time.
CREATE FUNCTION credit_gz.repair_application_transition() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    el record;
    now_ts timestamptz := pg_catalog.now();
    day date := credit_gz.policy_date();
BEGIN
    IF (NEW.subject_id, NEW.record_id, NEW.entry_id, NEW.department_code, NEW.channel, NEW.submitted_at, NEW.accept_due)
       IS DISTINCT FROM
       (OLD.subject_id, OLD.record_id, OLD.entry_id, OLD.department_code, OLD.channel, OLD.submitted_at, OLD.accept_due) THEN
        RAISE EXCEPTION 'the subject, target, department, channel and deadlines of repair application % cannot change',
                        OLD.application_id
            USING ERRCODE = '23514', HINT = 'Submit a new application instead.';
    END IF;
    IF NEW.status = OLD.status THEN
        -- Same state: only the expiry job's overdue flags and the statement may change.
        IF (NEW.accepted_at, NEW.decided_at, NEW.decide_due, NEW.decision_reason, NEW.decided_by)
           IS DISTINCT FROM (OLD.accepted_at, OLD.decided_at, OLD.decide_due, OLD.decision_reason, OLD.decided_by) THEN
            RAISE EXCEPTION 'decisions on repair application % are recorded by changing its status', OLD.application_id
                USING ERRCODE = '23514', HINT = 'Use repair_accept, repair_refuse, repair_approve or repair_reject.';
        END IF;
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'submitted' AND NEW.status IN ('accepted', 'refused'))
            OR (OLD.status = 'accepted' AND NEW.status IN ('approved', 'rejected'))) THEN
        RAISE EXCEPTION 'repair application % cannot go from % to %', OLD.application_id, OLD.status, NEW.status
            USING ERRCODE = 'CG612',
                  DETAIL = 'An application is submitted, then accepted or refused, then (if accepted) approved or rejected.',
                  HINT = 'Submit a new application to start again.';
    END IF;
    IF NEW.status IN ('refused', 'rejected') AND NULLIF(pg_catalog.btrim(NEW.decision_reason), '') IS NULL THEN
        RAISE EXCEPTION 'a % repair application needs a reason', NEW.status
            USING ERRCODE = '23514', HINT = 'Give the reason in decision_reason.';
    END IF;
    NEW.decided_by := current_user;
    IF NEW.status = 'accepted' THEN
        NEW.accepted_at := now_ts;
        NEW.decide_due := credit_gz.deadline('repair', 'decision', OLD.channel, day);
        NEW.decided_at := NULL;
    ELSE
        NEW.accepted_at := OLD.accepted_at;
        NEW.decide_due := OLD.decide_due;
        NEW.decided_at := now_ts;
    END IF;
    IF NEW.status = 'approved' THEN
        -- Conditions must still hold on the day of approval (a commitment may have been broken meanwhile).
        IF OLD.record_id IS NOT NULL THEN
            PERFORM 1 FROM credit_gz.record WHERE subject_id = OLD.subject_id AND record_id = OLD.record_id FOR UPDATE;
            SELECT * INTO el FROM credit_gz.record_repair_eligibility(OLD.record_id, day, OLD.obligations_performed_on);
        ELSE
            PERFORM 1 FROM credit_gz.list_entry WHERE subject_id = OLD.subject_id AND entry_id = OLD.entry_id FOR UPDATE;
            SELECT * INTO el FROM credit_gz.entry_repair_eligibility(OLD.entry_id, day, OLD.obligations_performed_on);
        END IF;
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(
                CASE WHEN OLD.record_id IS NOT NULL THEN format('credit record %s', OLD.record_id)
                     ELSE format('list entry %s', OLD.entry_id) END, el.reasons, el.eligible_from);
        END IF;
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_transition() IS
    'Trigger: enforces submitted → accepted/refused → approved/rejected (CG612 otherwise), stamps times and the acting '
    'role, sets the decision deadline on acceptance, and re-checks eligibility on approval (CG611).';
CREATE TRIGGER repair_application_transition BEFORE UPDATE ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.repair_application_transition();
COMMENT ON TRIGGER repair_application_transition ON credit_gz.repair_application IS
    '修复申请状态机 / allowed status steps only (CG612), times, deadlines, eligibility re-checked on approval';

-- AFTER UPDATE: apply a decision. Approval unpublishes and archives; scores and derived entries follow by triggers.
CREATE FUNCTION credit_gz.repair_application_apply() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    legal boolean;
BEGIN
    IF NEW.status = OLD.status OR NEW.status = 'accepted' THEN
        RETURN NULL;
    END IF;
    IF NEW.status = 'approved' THEN
        IF NEW.record_id IS NOT NULL THEN
            UPDATE credit_gz.record SET status = 'repaired', disclosure = 'archived'
            WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id;
        ELSE
            UPDATE credit_gz.list_entry
            SET status = 'repaired', status_changed_on = credit_gz.policy_date(NEW.decided_at),
                status_reason = format('信用修复 repair application %s', NEW.application_id)
            WHERE subject_id = NEW.subject_id AND entry_id = NEW.entry_id;
        END IF;
    END IF;
    -- 一网通办、协同修复: every final decision goes to 信用中国 (and 国家企业信用信息公示系统 for legal entities).
    SELECT s.uscc IS NOT NULL INTO legal FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id;
    PERFORM credit_gz.sync_outbox_enqueue(NEW.subject_id, 'repair_decision',
        pg_catalog.jsonb_build_object(
            'application_id', NEW.application_id, 'decision', NEW.status, 'channel', NEW.channel,
            'record_id', NEW.record_id, 'entry_id', NEW.entry_id, 'department_code', NEW.department_code,
            'document_no', (SELECT r.document_no FROM credit_gz.record r
                             WHERE r.subject_id = NEW.subject_id AND r.record_id = NEW.record_id),
            'basis_document', (SELECT e.basis_document FROM credit_gz.list_entry e
                                WHERE e.subject_id = NEW.subject_id AND e.entry_id = NEW.entry_id),
            'decided_at', NEW.decided_at, 'reason', NEW.decision_reason),
        COALESCE(legal, false));
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.repair_application_apply() IS
    'Trigger: on approval marks the record repaired and archived (or the entry repaired) in the same transaction; every '
    'final decision (refused, approved, rejected) is written to sync_outbox for 协同修复.';
CREATE TRIGGER repair_application_apply AFTER UPDATE OF status ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.repair_application_apply();
COMMENT ON TRIGGER repair_application_apply ON credit_gz.repair_application IS
    '修复决定生效 / approval repairs and archives the record or entry; decisions go to sync_outbox';

CREATE FUNCTION credit_gz.repair_submit(record_id bigint, obligations_performed_on date, statement text DEFAULT NULL)
RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO credit_gz.repair_application (record_id, obligations_performed_on, statement)
    VALUES (repair_submit.record_id, repair_submit.obligations_performed_on, repair_submit.statement)
    RETURNING *;
END;
COMMENT ON FUNCTION credit_gz.repair_submit(bigint, date, text) IS
    '提交信用修复申请(信用记录) / applies for repair of a credit record; the trigger fills subject, department, channel and '
    'the acceptance deadline (CG611 with reasons and the first eligible day when not eligible).';

CREATE FUNCTION credit_gz.repair_submit_entry(entry_id bigint, obligations_performed_on date, statement text DEFAULT NULL)
RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO credit_gz.repair_application (entry_id, obligations_performed_on, statement)
    VALUES (repair_submit_entry.entry_id, repair_submit_entry.obligations_performed_on, repair_submit_entry.statement)
    RETURNING *;
END;
COMMENT ON FUNCTION credit_gz.repair_submit_entry(bigint, date, text) IS
    '提交信用修复申请(名单) / applies for early removal (repair) of a list entry; see repair_submit.';

CREATE FUNCTION credit_gz.repair_decide(application_id bigint, new_status text, reason text)
RETURNS credit_gz.repair_application
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    a credit_gz.repair_application;
BEGIN
    UPDATE credit_gz.repair_application r SET status = new_status, decision_reason = COALESCE(reason, r.decision_reason)
    WHERE r.application_id = repair_decide.application_id
    RETURNING * INTO a;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'repair application % does not exist', application_id
            USING ERRCODE = 'P0002', HINT = 'Look the application up in credit_gz.repair_application.';
    END IF;
    RETURN a;
END $$;
COMMENT ON FUNCTION credit_gz.repair_decide(bigint, text, text) IS
    'Moves a repair application to a new status with a reason (the trigger enforces the order and applies approval).';

CREATE FUNCTION credit_gz.repair_accept(application_id bigint) RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.repair_decide(application_id, 'accepted', NULL);
COMMENT ON FUNCTION credit_gz.repair_accept(bigint) IS '受理 / accepts an application; sets the decision deadline.';

CREATE FUNCTION credit_gz.repair_refuse(application_id bigint, reason text) RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.repair_decide(application_id, 'refused', reason);
COMMENT ON FUNCTION credit_gz.repair_refuse(bigint, text) IS '不予受理 / refuses to accept an application, with the reason.';

CREATE FUNCTION credit_gz.repair_approve(application_id bigint, reason text DEFAULT NULL) RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.repair_decide(application_id, 'approved', reason);
COMMENT ON FUNCTION credit_gz.repair_approve(bigint, text) IS
    '准予修复 / approves: re-checks eligibility, then the record (or entry) stops being published and is archived as '
    'repaired, scores and derived entries follow, the decision goes to sync_outbox — one transaction.';

CREATE FUNCTION credit_gz.repair_reject(application_id bigint, reason text) RETURNS credit_gz.repair_application
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.repair_decide(application_id, 'rejected', reason);
COMMENT ON FUNCTION credit_gz.repair_reject(bigint, text) IS '不予修复 / rejects an accepted application, with the reason.';

-- ====================================================================
-- Objections (异议处理): 《广州市公共信用信息管理规定》
-- ====================================================================

CREATE TABLE credit_gz.objection (
    objection_id     bigint GENERATED ALWAYS AS IDENTITY,
    subject_id       bigint NOT NULL REFERENCES credit_gz.subject (subject_id),
    record_id        bigint NOT NULL,
    department_code  text NOT NULL REFERENCES credit_gz.department (code),
    claim            text NOT NULL CHECK (claim <> ''),
    prior_status     text NOT NULL,
    status           text NOT NULL DEFAULT 'submitted'
                     CHECK (status IN ('submitted', 'accepted', 'refused', 'provider_check', 'resolved')),
    submitted_at     timestamptz NOT NULL DEFAULT pg_catalog.now(),
    accept_due       date NOT NULL,
    accepted_at      timestamptz,
    platform_due     date,
    referred_at      timestamptz,
    provider_due     date,
    resolved_at      timestamptz,
    outcome          text CHECK (outcome IN ('corrected', 'revoked', 'upheld')),
    corrections      jsonb,
    outcome_reason   text,
    decided_by       text,
    accept_overdue_at   timestamptz,
    platform_overdue_at timestamptz,
    provider_overdue_at timestamptz,
    CHECK ((status IN ('refused', 'resolved')) = (resolved_at IS NOT NULL)),
    CHECK ((status = 'resolved') = (outcome IS NOT NULL)),
    CHECK ((outcome = 'corrected') = (corrections IS NOT NULL)),
    CHECK (status NOT IN ('refused', 'resolved') OR outcome_reason IS NOT NULL),
    PRIMARY KEY (subject_id, objection_id),
    CONSTRAINT objection_record_id_fkey FOREIGN KEY (subject_id, record_id) REFERENCES credit_gz.record (subject_id, record_id)
);
COMMENT ON TABLE credit_gz.objection IS
    '异议申请 / objections: a subject disputes a record, which is marked under_objection at once (reports show it). '
    'Guangzhou deadlines (deadline_rule, procedure objection): acceptance, platform check, provider check. Outcome '
    'corrected (更正), revoked (撤销) or upheld (维持), applied to the record in the transaction that resolves it.';
COMMENT ON COLUMN credit_gz.objection.objection_id IS '异议编号 / objection id';
COMMENT ON COLUMN credit_gz.objection.subject_id IS '异议主体 / the subject objecting (the record''s subject)';
COMMENT ON COLUMN credit_gz.objection.record_id IS '异议记录 / the disputed record';
COMMENT ON COLUMN credit_gz.objection.department_code IS '信息提供单位 / provider of the record (checks when referred)';
COMMENT ON COLUMN credit_gz.objection.claim IS '异议内容 / what the subject disputes';
COMMENT ON COLUMN credit_gz.objection.prior_status IS '原状态 / the record''s status before the objection (restored unless revoked)';
COMMENT ON COLUMN credit_gz.objection.status IS
    '状态 / submitted 已提交, accepted 已受理(平台核查), refused 不予受理, provider_check 转提供单位核查, resolved 办结';
COMMENT ON COLUMN credit_gz.objection.submitted_at IS '提交时间 / submitted at';
COMMENT ON COLUMN credit_gz.objection.accept_due IS '受理期限 / last day to accept or refuse';
COMMENT ON COLUMN credit_gz.objection.accepted_at IS '受理时间 / accepted at';
COMMENT ON COLUMN credit_gz.objection.platform_due IS '平台核查期限 / last day of the platform check';
COMMENT ON COLUMN credit_gz.objection.referred_at IS '转送时间 / referred to the provider at';
COMMENT ON COLUMN credit_gz.objection.provider_due IS '提供单位核查期限 / last day of the provider''s check';
COMMENT ON COLUMN credit_gz.objection.resolved_at IS '办结时间 / refused or resolved at';
COMMENT ON COLUMN credit_gz.objection.outcome IS '处理结果 / corrected 更正, revoked 撤销, upheld 维持';
COMMENT ON COLUMN credit_gz.objection.corrections IS
    '更正内容 / for corrected: the record columns to change, e.g. {"severity": "general"} (document_no, decision_date, '
    'severity, item_code, domain_code)';
COMMENT ON COLUMN credit_gz.objection.outcome_reason IS '理由 / reasons (required for refusal and resolution)';
COMMENT ON COLUMN credit_gz.objection.decided_by IS '经办人 / database role that took the last step';
COMMENT ON COLUMN credit_gz.objection.accept_overdue_at IS '受理逾期标记 / flagged overdue for acceptance by run_expiry';
COMMENT ON COLUMN credit_gz.objection.platform_overdue_at IS '平台核查逾期标记 / flagged overdue for the platform check';
COMMENT ON COLUMN credit_gz.objection.provider_overdue_at IS '提供单位核查逾期标记 / flagged overdue for the provider check';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.objection', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.objection_objection_id_seq', '');
-- The objection steps name an objection by its id alone (objection_accept, objection_refuse, …).
CREATE INDEX objection_id_idx ON credit_gz.objection (objection_id);
CREATE INDEX objection_record_idx ON credit_gz.objection (subject_id, record_id);
CREATE UNIQUE INDEX objection_open_record_idx ON credit_gz.objection (subject_id, record_id)
    WHERE status IN ('submitted', 'accepted', 'provider_check');
CREATE INDEX objection_accept_due_idx ON credit_gz.objection (accept_due) WHERE status = 'submitted' AND accept_overdue_at IS NULL;
CREATE INDEX objection_platform_due_idx ON credit_gz.objection (platform_due) WHERE status = 'accepted' AND platform_overdue_at IS NULL;
CREATE INDEX objection_provider_due_idx ON credit_gz.objection (provider_due) WHERE status = 'provider_check' AND provider_overdue_at IS NULL;
COMMENT ON INDEX credit_gz.objection_id_idx IS 'an objection by its id alone (the objection steps)';
COMMENT ON INDEX credit_gz.objection_record_idx IS 'objections by record';
COMMENT ON INDEX credit_gz.objection_open_record_idx IS 'one open objection per record';
COMMENT ON INDEX credit_gz.objection_accept_due_idx IS 'run_expiry: acceptance deadlines not yet flagged';
COMMENT ON INDEX credit_gz.objection_platform_due_idx IS 'run_expiry: platform-check deadlines not yet flagged';
COMMENT ON INDEX credit_gz.objection_provider_due_idx IS 'run_expiry: provider-check deadlines not yet flagged';

-- BEFORE INSERT: mark the record under objection at once and remember its status.
CREATE FUNCTION credit_gz.objection_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.record;
BEGIN
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION 'an objection starts as submitted, not %', NEW.status
            USING ERRCODE = '23514', HINT = 'Insert with the default status and use objection_accept/objection_resolve.';
    END IF;
    SELECT * INTO r FROM credit_gz.record WHERE record_id = NEW.record_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'credit record % does not exist', NEW.record_id
            USING ERRCODE = '23503', HINT = 'Give the record_id of a record in credit_gz.record.';
    END IF;
    IF r.status NOT IN ('in_publicity') THEN
        RAISE EXCEPTION 'credit record % cannot be disputed in status %', NEW.record_id, r.status
            USING ERRCODE = 'CG621',
                  DETAIL = CASE WHEN r.status = 'under_objection' THEN 'An objection to the record is already open.'
                                ELSE 'Only records in publicity can be disputed.' END,
                  HINT = 'Ask the provider department about records no longer published.';
    END IF;
    NEW.submitted_at := pg_catalog.now();    -- deadlines run from the real submission day
    NEW.subject_id := r.subject_id;
    NEW.department_code := r.department_code;
    NEW.prior_status := r.status;
    NEW.accepted_at := NULL; NEW.platform_due := NULL; NEW.referred_at := NULL; NEW.provider_due := NULL;
    NEW.resolved_at := NULL; NEW.outcome := NULL; NEW.corrections := NULL;
    NEW.accept_overdue_at := NULL; NEW.platform_overdue_at := NULL; NEW.provider_overdue_at := NULL;
    NEW.accept_due := credit_gz.deadline('objection', 'acceptance', 'standard', credit_gz.policy_date(NEW.submitted_at));
    UPDATE credit_gz.record SET status = 'under_objection' WHERE subject_id = r.subject_id AND record_id = NEW.record_id;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.objection_insert() IS
    'Trigger: an objection marks its record under_objection in the same statement (remembering the prior status) and '
    'gets its acceptance deadline; CG621 when the record is not in publicity or already disputed.';
CREATE TRIGGER objection_insert BEFORE INSERT ON credit_gz.objection
    FOR EACH ROW EXECUTE FUNCTION credit_gz.objection_insert();
COMMENT ON TRIGGER objection_insert ON credit_gz.objection IS
    '异议登记 / marks the record under_objection, remembers its prior status, sets the acceptance deadline';

CREATE FUNCTION credit_gz.objection_transition() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    now_ts timestamptz := pg_catalog.now();
    day date := credit_gz.policy_date();
    bad text[];
BEGIN
    IF (NEW.subject_id, NEW.record_id, NEW.department_code, NEW.claim, NEW.prior_status, NEW.submitted_at, NEW.accept_due)
       IS DISTINCT FROM
       (OLD.subject_id, OLD.record_id, OLD.department_code, OLD.claim, OLD.prior_status, OLD.submitted_at, OLD.accept_due) THEN
        RAISE EXCEPTION 'the record, claim and deadlines of objection % cannot change', OLD.objection_id
            USING ERRCODE = '23514', HINT = 'File a new objection instead.';
    END IF;
    IF NEW.status = OLD.status THEN
        IF (NEW.accepted_at, NEW.platform_due, NEW.referred_at, NEW.provider_due, NEW.resolved_at, NEW.outcome,
            NEW.corrections, NEW.outcome_reason, NEW.decided_by)
           IS DISTINCT FROM
           (OLD.accepted_at, OLD.platform_due, OLD.referred_at, OLD.provider_due, OLD.resolved_at, OLD.outcome,
            OLD.corrections, OLD.outcome_reason, OLD.decided_by) THEN
            RAISE EXCEPTION 'steps of objection % are recorded by changing its status', OLD.objection_id
                USING ERRCODE = '23514', HINT = 'Use objection_accept, objection_refuse, objection_refer or objection_resolve.';
        END IF;
        RETURN NEW;
    END IF;
    IF NOT ((OLD.status = 'submitted' AND NEW.status IN ('accepted', 'refused'))
            OR (OLD.status = 'accepted' AND NEW.status IN ('provider_check', 'resolved'))
            OR (OLD.status = 'provider_check' AND NEW.status = 'resolved')) THEN
        RAISE EXCEPTION 'objection % cannot go from % to %', OLD.objection_id, OLD.status, NEW.status
            USING ERRCODE = 'CG622',
                  DETAIL = 'An objection is submitted, then accepted or refused; an accepted one is resolved by the '
                           'platform or referred to the provider, who resolves it.',
                  HINT = 'File a new objection to start again.';
    END IF;
    NEW.decided_by := current_user;
    NEW.accepted_at := OLD.accepted_at; NEW.platform_due := OLD.platform_due;
    NEW.referred_at := OLD.referred_at; NEW.provider_due := OLD.provider_due;
    CASE NEW.status
    WHEN 'accepted' THEN
        NEW.accepted_at := now_ts;
        NEW.platform_due := credit_gz.deadline('objection', 'platform_check', 'standard', day);
        NEW.outcome := NULL; NEW.corrections := NULL; NEW.resolved_at := NULL;
    WHEN 'provider_check' THEN
        NEW.referred_at := now_ts;
        NEW.provider_due := credit_gz.deadline('objection', 'provider_check', 'standard', day);
        NEW.outcome := NULL; NEW.corrections := NULL; NEW.resolved_at := NULL;
    ELSE  -- refused, resolved
        NEW.resolved_at := now_ts;
        IF NULLIF(pg_catalog.btrim(NEW.outcome_reason), '') IS NULL THEN
            RAISE EXCEPTION 'a % objection needs a reason', NEW.status
                USING ERRCODE = '23514', HINT = 'Give the reason in outcome_reason.';
        END IF;
        IF NEW.status = 'refused' THEN
            NEW.outcome := NULL; NEW.corrections := NULL;
        ELSIF NEW.outcome IS NULL THEN
            RAISE EXCEPTION 'a resolved objection needs an outcome'
                USING ERRCODE = '23514', HINT = 'Set outcome to corrected, revoked or upheld.';
        ELSIF NEW.outcome = 'corrected' THEN
            IF NEW.corrections IS NULL OR pg_catalog.jsonb_typeof(NEW.corrections) <> 'object'
               OR NEW.corrections = '{}'::jsonb THEN
                RAISE EXCEPTION 'a corrected objection needs the corrections'
                    USING ERRCODE = '23514', HINT = 'Give corrections as a JSON object, e.g. {"severity": "general"}.';
            END IF;
            SELECT array_agg(k) INTO bad FROM pg_catalog.jsonb_object_keys(NEW.corrections) k
            WHERE k NOT IN ('document_no', 'decision_date', 'severity', 'item_code', 'domain_code');
            IF bad IS NOT NULL THEN
                RAISE EXCEPTION 'record columns % cannot be corrected through an objection', bad
                    USING ERRCODE = '22023',
                          HINT = 'Correct document_no, decision_date, severity, item_code or domain_code.';
            END IF;
        ELSE
            NEW.corrections := NULL;
        END IF;
    END CASE;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION credit_gz.objection_transition() IS
    'Trigger: enforces submitted → accepted/refused, accepted → provider_check/resolved, provider_check → resolved '
    '(CG622 otherwise), stamps times and the platform / provider deadlines, validates outcome and corrections.';
CREATE TRIGGER objection_transition BEFORE UPDATE ON credit_gz.objection
    FOR EACH ROW EXECUTE FUNCTION credit_gz.objection_transition();
COMMENT ON TRIGGER objection_transition ON credit_gz.objection IS
    '异议处理状态机 / allowed status steps only (CG622), times and platform / provider deadlines';

-- AFTER UPDATE: apply the outcome to the record (its scores follow through the scoring triggers).
CREATE FUNCTION credit_gz.objection_apply() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c jsonb := NEW.corrections;
    legal boolean;
BEGIN
    IF NEW.status = OLD.status OR NEW.status NOT IN ('refused', 'resolved') THEN
        RETURN NULL;
    END IF;
    IF NEW.status = 'refused' OR NEW.outcome = 'upheld' THEN
        UPDATE credit_gz.record SET status = NEW.prior_status
        WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id AND status = 'under_objection';
    ELSIF NEW.outcome = 'revoked' THEN
        UPDATE credit_gz.record SET status = 'revoked', disclosure = 'archived'
        WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id;
    ELSE  -- corrected
        UPDATE credit_gz.record r SET
            status        = CASE WHEN r.status = 'under_objection' THEN NEW.prior_status ELSE r.status END,
            document_no   = CASE WHEN c ? 'document_no' THEN c ->> 'document_no' ELSE r.document_no END,
            decision_date = CASE WHEN c ? 'decision_date' THEN (c ->> 'decision_date')::date ELSE r.decision_date END,
            severity      = CASE WHEN c ? 'severity' THEN c ->> 'severity' ELSE r.severity END,
            item_code     = CASE WHEN c ? 'item_code' THEN c ->> 'item_code' ELSE r.item_code END,
            domain_code   = CASE WHEN c ? 'domain_code' THEN c ->> 'domain_code' ELSE r.domain_code END
        WHERE r.subject_id = NEW.subject_id AND r.record_id = NEW.record_id;
    END IF;
    IF NEW.status = 'resolved' THEN
        SELECT s.uscc IS NOT NULL INTO legal FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id;
        PERFORM credit_gz.sync_outbox_enqueue(NEW.subject_id, 'objection_outcome',
            pg_catalog.jsonb_build_object('objection_id', NEW.objection_id, 'record_id', NEW.record_id,
                'department_code', NEW.department_code, 'outcome', NEW.outcome, 'corrections', NEW.corrections,
                'resolved_at', NEW.resolved_at, 'reason', NEW.outcome_reason),
            COALESCE(legal, false));
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.objection_apply() IS
    'Trigger: refused or upheld restores the record''s prior status; revoked marks it revoked and archived; corrected '
    'applies the corrections and restores the status — in the resolving transaction; outcomes go to sync_outbox.';
CREATE TRIGGER objection_apply AFTER UPDATE OF status ON credit_gz.objection
    FOR EACH ROW EXECUTE FUNCTION credit_gz.objection_apply();
COMMENT ON TRIGGER objection_apply ON credit_gz.objection IS
    '异议处理结果生效 / restores, corrects or revokes the record in the resolving transaction';

CREATE FUNCTION credit_gz.objection_submit(record_id bigint, claim text) RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO credit_gz.objection (record_id, claim) VALUES (objection_submit.record_id, objection_submit.claim)
    RETURNING *;
END;
COMMENT ON FUNCTION credit_gz.objection_submit(bigint, text) IS
    '提出异议 / files an objection; the record is marked under_objection at once.';

CREATE FUNCTION credit_gz.objection_step(objection_id bigint, new_status text, outcome text, reason text,
                                         corrections jsonb)
RETURNS credit_gz.objection
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    o credit_gz.objection;
BEGIN
    UPDATE credit_gz.objection x
    SET status = new_status, outcome = objection_step.outcome,
        outcome_reason = COALESCE(reason, x.outcome_reason), corrections = objection_step.corrections
    WHERE x.objection_id = objection_step.objection_id
    RETURNING * INTO o;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'objection % does not exist', objection_id
            USING ERRCODE = 'P0002', HINT = 'Look the objection up in credit_gz.objection.';
    END IF;
    RETURN o;
END $$;
COMMENT ON FUNCTION credit_gz.objection_step(bigint, text, text, text, jsonb) IS
    'Moves an objection to a new status (the trigger enforces the order and applies the outcome).';

CREATE FUNCTION credit_gz.objection_accept(objection_id bigint) RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.objection_step(objection_id, 'accepted', NULL, NULL, NULL);
COMMENT ON FUNCTION credit_gz.objection_accept(bigint) IS '受理异议 / accepts; the platform check deadline starts.';

CREATE FUNCTION credit_gz.objection_refuse(objection_id bigint, reason text) RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.objection_step(objection_id, 'refused', NULL, reason, NULL);
COMMENT ON FUNCTION credit_gz.objection_refuse(bigint, text) IS
    '不予受理 / refuses an objection with the reason; the record''s prior status returns.';

CREATE FUNCTION credit_gz.objection_refer(objection_id bigint) RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.objection_step(objection_id, 'provider_check', NULL, NULL, NULL);
COMMENT ON FUNCTION credit_gz.objection_refer(bigint) IS
    '转提供单位核查 / refers an accepted objection to the provider department; its deadline starts.';

CREATE FUNCTION credit_gz.objection_resolve(objection_id bigint, outcome text, reason text, corrections jsonb DEFAULT NULL)
RETURNS credit_gz.objection
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
RETURN credit_gz.objection_step(objection_id, 'resolved', outcome, reason, corrections);
COMMENT ON FUNCTION credit_gz.objection_resolve(bigint, text, text, jsonb) IS
    '异议办结 / resolves an objection: corrected (with corrections), revoked or upheld, applied to the record at once.';

-- ====================================================================
-- The expiry job (到期处理): credit_gz.run_expiry, scheduled daily with pg_cron
-- ====================================================================

-- Due-date indexes: each holds only the rows that can still fall due, so finding what is due costs a B-tree descent
-- plus the due rows, whatever the size of the archive. Records use the archive's record_publish_until_idx
-- (publish_until) WHERE credit_gz.record_counts(status); see doc/schema.md.
CREATE INDEX list_entry_escalation_due_idx ON credit_gz.list_entry (list_type_code, effective_from)
    WHERE status = 'active' AND derived_from_entry_id IS NULL;
COMMENT ON INDEX credit_gz.list_entry_escalation_due_idx IS
    'run_expiry: active directly determined entries by list type and listing date (escalation after N months)';

CREATE FUNCTION credit_gz.run_expiry(as_of timestamptz DEFAULT pg_catalog.now(), batch_size integer DEFAULT 10000,
                                     max_rows integer DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d date := credit_gz.policy_date(as_of);
    n_records bigint := 0;
    n_entries bigint := 0;
    n_derived bigint := 0;
    n_escalated bigint := 0;
    n_repair bigint := 0;
    n_objection bigint := 0;
    n_tasks bigint := 0;
    k bigint;
    root bigint;
    lt record;
    step record;
    room bigint := COALESCE(max_rows, 9223372036854775807);
BEGIN
    IF as_of IS NULL OR batch_size IS NULL OR batch_size < 1 OR max_rows < 1 THEN
        RAISE EXCEPTION 'run_expiry needs a time and a positive batch size'
            USING ERRCODE = '22023', HINT = 'Call credit_gz.run_expiry() or run_expiry(now(), 10000).';
    END IF;
    -- One run at a time; a concurrent call returns at once and changes nothing.
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('run_expiry')) THEN
        RETURN pg_catalog.jsonb_build_object('as_of', d, 'skipped', 'another run_expiry is in progress');
    END IF;

    -- 1. Records past their maximum publicity period (publish_until is the first day no longer published):
    --    publication stops, kept archived for authorities (《广州市公共信用信息管理规定》).
    --    (A record under objection waits: its prior status returns when the objection ends, then it expires.)
    --    max_rows caps the records and entries changed by this call (each touched subject holds a scoring lock until
    --    commit); run_expiry_in_batches commits between capped calls.
    WHILE room > 0 LOOP
        WITH due AS (
            SELECT r.record_id FROM credit_gz.record r
            WHERE r.status = 'in_publicity' AND r.publish_until <= d
            ORDER BY r.publish_until LIMIT LEAST(batch_size, room)
            FOR UPDATE SKIP LOCKED)
        UPDATE credit_gz.record r SET status = 'expired', disclosure = 'archived'
        FROM due WHERE r.record_id = due.record_id;
        GET DIAGNOSTICS k = ROW_COUNT;
        n_records := n_records + k;
        room := room - k;
        EXIT WHEN k < LEAST(batch_size, room + k);
    END LOOP;

    -- 2. List entries past their term (effective_until is the first day no longer in force); derived entries
    --    follow their source through the lists triggers.
    WHILE room > 0 LOOP
        WITH due AS (
            SELECT e.entry_id FROM credit_gz.list_entry e
            WHERE e.status = 'active' AND e.effective_until <= d AND e.derived_from_entry_id IS NULL
            ORDER BY e.effective_until LIMIT LEAST(batch_size, room)
            FOR UPDATE SKIP LOCKED)
        UPDATE credit_gz.list_entry e SET status = 'expired', status_changed_on = d, status_reason = 'term ended (期满)'
        FROM due WHERE e.entry_id = due.entry_id;
        GET DIAGNOSTICS k = ROW_COUNT;
        n_entries := n_entries + k;
        room := room - k;
        EXIT WHEN k < LEAST(batch_size, room + k);
    END LOOP;
    -- Derived entries whose own term ended (the relation they came through ended): recompute their trees as of
    -- the run's day, so that a relation ending before as_of lifts its entry whatever the date of the server.
    FOR root IN
        SELECT DISTINCT e.root_entry_id FROM credit_gz.list_entry e
        WHERE e.status = 'active' AND e.root_entry_id IS NOT NULL AND e.effective_until <= d
        ORDER BY 1
    LOOP
        n_derived := n_derived + credit_gz.repropagate_entry(root, d);
    END LOOP;

    -- 3. Escalation by the list types' own rules (经营异常名录 unresolved 3 years → 严重违法失信名单): an entry
    --    escalates on add_months(listed on, escalate_after_months) (doc/repair.md, month ends); the entries due are
    --    those listed on or before add_months_inverse(d, …), an index range of list_entry_escalation_due_idx.
    FOR lt IN SELECT t.code, t.escalate_to_code, t.escalate_after_months,
                     credit_gz.add_months_inverse(d, t.escalate_after_months) AS listed_by
              FROM credit_gz.list_type t WHERE t.escalate_to_code IS NOT NULL ORDER BY t.code
    LOOP
        INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from,
                                          record_id, escalated_from_entry_id)
        SELECT e.subject_id, lt.escalate_to_code, e.department_code,
               pg_catalog.format('经营异常满%s个月未纠正，由列入记录 %s 升级 (%s)', lt.escalate_after_months, e.entry_id,
                                 e.basis_document),
               d, e.record_id, e.entry_id
        FROM credit_gz.list_entry e
        WHERE e.list_type_code = lt.code AND e.status = 'active' AND e.derived_from_entry_id IS NULL
          AND e.effective_from <= lt.listed_by
          AND NOT EXISTS (SELECT FROM credit_gz.list_entry x WHERE x.escalated_from_entry_id = e.entry_id)
        ORDER BY e.entry_id;
        GET DIAGNOSTICS k = ROW_COUNT;
        n_escalated := n_escalated + k;
    END LOOP;

    -- 4. Overdue repair applications and objections: flagged once per step. Each step is (table, key, status,
    -- due column, flag column); the statement is the same for all, and each uses its partial index on the due date.
    FOR step IN SELECT * FROM (VALUES
            ('repair_application', 'application_id', 'submitted',      'accept_due',   'accept_overdue_at'),
            ('repair_application', 'application_id', 'accepted',       'decide_due',   'decide_overdue_at'),
            ('objection',          'objection_id',   'submitted',      'accept_due',   'accept_overdue_at'),
            ('objection',          'objection_id',   'accepted',       'platform_due', 'platform_overdue_at'),
            ('objection',          'objection_id',   'provider_check', 'provider_due', 'provider_overdue_at'))
            AS v(tab, key, status, due, flag) LOOP
        EXECUTE pg_catalog.format(
            'WITH due AS (SELECT t.%2$I FROM credit_gz.%1$I t'
            '              WHERE t.status OPERATOR(pg_catalog.=) %3$L AND t.%5$I IS NULL'
            '                AND t.%4$I OPERATOR(pg_catalog.<) $1'
            '              FOR UPDATE SKIP LOCKED)'
            ' UPDATE credit_gz.%1$I t SET %5$I = $2 FROM due'
            '  WHERE t.%2$I OPERATOR(pg_catalog.=) due.%2$I',
            step.tab, step.key, step.status, step.due, step.flag) USING d, as_of;
        GET DIAGNOSTICS k = ROW_COUNT;
        IF step.tab = 'objection' THEN n_objection := n_objection + k; ELSE n_repair := n_repair + k; END IF;
    END LOOP;

    -- 5. 谁认定、谁约谈 (二(三)): an interview task for the determining department of every direct entry and every
    --    dishonesty case whose rectification deadline passed; one task per deadline (the lists' unique indexes).
    n_tasks := n_tasks + credit_gz.create_overdue_interview_tasks(10, d);

    RETURN pg_catalog.jsonb_build_object(
        'as_of', d,
        'more_due', room <= 0,
        'records_expired', n_records,
        'entries_expired', n_entries,
        'derived_entries_recomputed', n_derived,
        'entries_escalated', n_escalated,
        'repair_applications_overdue', n_repair,
        'objections_overdue', n_objection,
        'interview_tasks_created', n_tasks);
END $$;
COMMENT ON FUNCTION credit_gz.run_expiry(timestamptz, integer, integer) IS
    '到期处理 / the daily job: records past publish_until → expired and archived; list entries past their term → expired; '
    'entries unresolved for their type''s escalation period (经营异常名录 3 years) → escalated; overdue repair '
    'applications and objections flagged; interview tasks for overdue rectification (谁认定、谁约谈). Scores follow '
    'through the triggers. Its day is policy_date(as_of), passed to everything it calls, so the same as_of does the '
    'same work whatever the server''s date. Idempotent; advisory lock job_lock_key(''run_expiry'') — a concurrent '
    'call returns {"skipped": …}; batches of batch_size with FOR UPDATE SKIP LOCKED; cost proportional to '
    'the due rows. '
    'max_rows caps the records and entries changed (more_due tells whether the cap was reached). Returns the counts '
    'as jsonb.';

CREATE PROCEDURE credit_gz.run_expiry_in_batches(as_of timestamptz DEFAULT pg_catalog.now(),
                                                  rows_per_transaction integer DEFAULT 2000, INOUT result jsonb DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
    key text;
BEGIN
    -- Each scoring-trigger call holds its subject's row lock until commit; committing every
    -- rows_per_transaction rows keeps a large day (1% of the archive) in transactions of bounded size.
    -- (No SET search_path here: a procedure with SET cannot COMMIT; every name below is schema-qualified.)
    result := '{}'::jsonb;
    LOOP
        r := credit_gz.run_expiry(as_of, LEAST(rows_per_transaction, 10000), rows_per_transaction);
        IF r ? 'skipped' THEN
            result := result || r;
            EXIT;
        END IF;
        FOR key IN SELECT pg_catalog.jsonb_object_keys(r) LOOP
            IF pg_catalog.jsonb_typeof(r -> key) = 'number' THEN
                result := pg_catalog.jsonb_set(result, ARRAY[key],
                    pg_catalog.to_jsonb(COALESCE((result ->> key)::bigint, 0) + (r ->> key)::bigint));
            END IF;
        END LOOP;
        result := result || pg_catalog.jsonb_build_object('as_of', r -> 'as_of');
        COMMIT;
        EXIT WHEN NOT (r ->> 'more_due')::boolean;
    END LOOP;
END $$;
COMMENT ON PROCEDURE credit_gz.run_expiry_in_batches(timestamptz, integer, jsonb) IS
    '到期处理(分批提交) / the expiry job for large days: calls run_expiry(as_of, …, rows_per_transaction) and commits '
    'after each call until nothing is due, so the scoring triggers'' per-subject locks never exceed '
    'max_locks_per_transaction; returns the summed counts. CALL it at top level (pg_cron does).';

-- ====================================================================
-- Green channel participation as positive information; audit
-- ====================================================================

INSERT INTO credit_gz.green_channel_list (list_type_code, positive_item_code, basis) VALUES
    ('epidemic_key_enterprise', 'epidemic_support',
     '穗府办函〔2020〕35号 三(五): 设立疫情防控期间行政处罚信息信用修复绿色通道 … 将企业参与防疫相关信息作为守信信息纳入企业信用档案');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.green_channel_list',
                                           'WHERE list_type_code <> ''epidemic_key_enterprise''');

-- AFTER INSERT on list_entry: a subject listed on a green-channel list gets a positive (守信) record in its archive,
-- through the archive's idempotent loader, in the listing transaction; scores follow through the record triggers.
CREATE FUNCTION credit_gz.green_channel_positive_record() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    item text;
BEGIN
    SELECT g.positive_item_code INTO item FROM credit_gz.green_channel_list g WHERE g.list_type_code = NEW.list_type_code;
    IF item IS NOT NULL AND NEW.status = 'active' THEN
        PERFORM credit_gz.load_record(
            NEW.department_code, pg_catalog.format('%s / list entry %s', NEW.basis_document, NEW.entry_id),
            NEW.subject_id, item, NEW.effective_from, NULL, NULL, 'public',
            (SELECT t.name_zh FROM credit_gz.list_type t WHERE t.code = NEW.list_type_code) || ': 参与疫情防控',
            pg_catalog.jsonb_build_object('entry_id', NEW.entry_id, 'basis_document', NEW.basis_document));
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.green_channel_positive_record() IS
    'Trigger: listing on a green-channel list (防疫重点保障企业) records the participation as positive information '
    '(三(五)), one record per entry (document "<basis> / list entry <id>").';
CREATE TRIGGER green_channel_positive_record AFTER INSERT ON credit_gz.list_entry
    FOR EACH ROW EXECUTE FUNCTION credit_gz.green_channel_positive_record();
COMMENT ON TRIGGER green_channel_positive_record ON credit_gz.list_entry IS
    '绿色通道正面信息 / listing on a green-channel list records the participation as positive information (三(五))';

CREATE TRIGGER repair_application_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.repair_application
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('application_id');
COMMENT ON TRIGGER repair_application_audit ON credit_gz.repair_application IS
    '审计 / audit log of every change of an application';
CREATE TRIGGER objection_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.objection
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('objection_id');
COMMENT ON TRIGGER objection_audit ON credit_gz.objection IS
    '审计 / audit log of every change of an objection';
CREATE TRIGGER repair_bar_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.repair_bar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('bar_id');
COMMENT ON TRIGGER repair_bar_audit ON credit_gz.repair_bar IS
    '审计 / audit log of every change of a repair bar';
CREATE TRIGGER calendar_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.calendar
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('day');
COMMENT ON TRIGGER calendar_audit ON credit_gz.calendar IS
    '审计 / audit log of every change of the working-day calendar';
CREATE TRIGGER deadline_rule_audit AFTER INSERT OR UPDATE OR DELETE ON credit_gz.deadline_rule
    FOR EACH ROW EXECUTE FUNCTION credit_gz.audit_trigger('deadline_rule_id');
COMMENT ON TRIGGER deadline_rule_audit ON credit_gz.deadline_rule IS
    '审计 / audit log of every change of a deadline rule';

-- ====================================================================
-- src/disclosure.sql
-- ====================================================================
-- Disclosure and security of credit information (十七: 制定公共信用信息披露和使用工作指引 … 严格落实信用信息安全保护制度).
-- The query log: every read of a subject's credit information through pre-check, reports and labels leaves an entry
-- that nobody can alter; only credit_gz.purge_query_log() removes entries, and only those past the retention period.
-- SQLSTATEs of this part (doc/disclosure.md): CG701 query log is append-only.

-- ---------------------------------------------------------------------------------------------------------------
-- Retention of the query log (data with effective dates: the period is a site rule, not code)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.query_log_retention (
    effective_from date     NOT NULL PRIMARY KEY,
    retention      interval NOT NULL CHECK (retention >= interval '1 year'),
    basis          text     NOT NULL,
    shipped        boolean  NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.query_log_retention IS
    '查询日志保存期限 / query-log retention period, by the date it took effect; credit_gz.purge_query_log() keeps '
    'entries younger than the period in force. At least one year, so a year of reads is always auditable.';
COMMENT ON COLUMN credit_gz.query_log_retention.effective_from IS '生效日期 / date the period took effect';
COMMENT ON COLUMN credit_gz.query_log_retention.retention IS '保存期限 / how long entries are kept';
COMMENT ON COLUMN credit_gz.query_log_retention.basis IS '依据 / basis (rule or decision) for the period';
COMMENT ON COLUMN credit_gz.query_log_retention.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';

-- Five years: as long as negative information may stay published under 《广州市公共信用信息管理规定》 (2024), so a
-- subject can learn who read anything that was ever published about it. A site changes it by inserting a row.
INSERT INTO credit_gz.query_log_retention (effective_from, retention, basis) VALUES
    ('2020-01-01', interval '5 years',
     '默认: 与《广州市公共信用信息管理规定》失信信息最长公开期限(5年)一致 / default: the 5-year maximum publicity of negative information');
ALTER TABLE credit_gz.query_log_retention ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.query_log_retention', 'WHERE NOT shipped');

-- ---------------------------------------------------------------------------------------------------------------
-- The query log
-- ---------------------------------------------------------------------------------------------------------------
-- Two tables: query_log holds reads named by a subject id, keyed (subject_id, log_id) so it can be distributed with
-- the subject's other rows; unknown_code_read_log holds reads by a code that matched no subject (a pre-check by a
-- uscc or resident id not on file), keyed by that code. Same columns otherwise, same rules.
CREATE TABLE credit_gz.query_log (
    subject_id      bigint      NOT NULL,
    log_id          bigint      GENERATED ALWAYS AS IDENTITY (CACHE 64),
    at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    role_name       name        NOT NULL DEFAULT CURRENT_USER,
    session_role    name        NOT NULL DEFAULT SESSION_USER,
    department_code text,
    via             text        NOT NULL CHECK (via IN ('precheck', 'report', 'labels', 'other')),
    audience        text,
    purpose         text        NOT NULL CHECK (purpose <> ''),
    PRIMARY KEY (subject_id, log_id)
);
-- Who read my information (subjects may ask): the primary key gives one subject's entries (log_id follows time
-- closely enough that ordering a subject's few entries by `at` costs nothing), so no second B-tree is written per
-- read. BRIN on time for retention (entries arrive in time order).
CREATE INDEX query_log_at_brin_idx ON credit_gz.query_log USING brin (at);
COMMENT ON INDEX credit_gz.query_log_at_brin_idx IS
    'Retention purges by time; entries arrive in time order, so a BRIN index stays tiny.';
COMMENT ON TABLE credit_gz.query_log IS
    '信用信息查询日志 / credit information query log: one entry per read of a subject''s credit information through '
    'pre-check, credit reports and labels (十七 信用信息安全保护), keyed by subject. Reads of a code that matches no '
    'subject: credit_gz.unknown_code_read_log. Append-only: UPDATE, DELETE and TRUNCATE are refused (SQLSTATE CG701) '
    'except credit_gz.purge_query_log() removing entries past the retention period.';
COMMENT ON COLUMN credit_gz.query_log.subject_id IS '被查询主体 / subject read';
COMMENT ON COLUMN credit_gz.query_log.log_id IS '日志编号 / entry id';
COMMENT ON COLUMN credit_gz.query_log.at IS '查询时间 / when (transaction time)';
COMMENT ON COLUMN credit_gz.query_log.role_name IS '查询角色 / the role that read (current_user; set by the database)';
COMMENT ON COLUMN credit_gz.query_log.session_role IS '会话登录角色 / the login role of the session (session_user)';
COMMENT ON COLUMN credit_gz.query_log.department_code IS '查询部门 / the department the role acts for (NULL: none or several)';
COMMENT ON COLUMN credit_gz.query_log.via IS '查询途径 / precheck, report, labels or other';
COMMENT ON COLUMN credit_gz.query_log.audience IS '披露对象 / audience the information was disclosed to';
COMMENT ON COLUMN credit_gz.query_log.purpose IS '查询用途 / purpose of the read';

CREATE TABLE credit_gz.unknown_code_read_log (
    code            text        NOT NULL,
    log_id          bigint      GENERATED ALWAYS AS IDENTITY (CACHE 64),
    at              timestamptz NOT NULL DEFAULT pg_catalog.now(),
    role_name       name        NOT NULL DEFAULT CURRENT_USER,
    session_role    name        NOT NULL DEFAULT SESSION_USER,
    department_code text,
    via             text        NOT NULL CHECK (via IN ('precheck', 'report', 'labels', 'other')),
    audience        text,
    purpose         text        NOT NULL CHECK (purpose <> ''),
    PRIMARY KEY (code, log_id)
);
CREATE INDEX unknown_code_read_log_at_brin_idx ON credit_gz.unknown_code_read_log USING brin (at);
COMMENT ON INDEX credit_gz.unknown_code_read_log_at_brin_idx IS
    'Retention purges by time; entries arrive in time order, so a BRIN index stays tiny.';
COMMENT ON TABLE credit_gz.unknown_code_read_log IS
    '未建档代码查询日志 / log of reads by a code that matches no subject: a pre-check by a unified social credit code, '
    'resident identity number or subject id given as text that is not on file (十七: every read is logged), keyed by '
    'the code as given (reads by subject id are in credit_gz.query_log under the id). Same columns and rules as credit_gz.query_log (append-only, CG701; credit_gz.purge_query_log()).';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.code IS
    '查询代码 / the code as given (uscc, resident id or subject id as text; cut to its first 63 bytes when longer)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.log_id IS '日志编号 / entry id';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.at IS '查询时间 / when (transaction time)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.role_name IS '查询角色 / the role that read (current_user; set by the database)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.session_role IS '会话登录角色 / the login role of the session (session_user)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.department_code IS '查询部门 / the department the role acts for (NULL: none or several)';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.via IS '查询途径 / precheck, report, labels or other';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.audience IS '披露对象 / audience the information was disclosed to';
COMMENT ON COLUMN credit_gz.unknown_code_read_log.purpose IS '查询用途 / purpose of the read';

-- The logs are data the site must keep: pg_dump includes them (and their identity sequences).
SELECT pg_catalog.pg_extension_config_dump('credit_gz.query_log', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.query_log_log_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.unknown_code_read_log', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.unknown_code_read_log_log_id_seq', '');

-- query_log_purge_allowed: is credit_gz.query_log_purge on? In C so that asking loads the module (see disclosure.c).
CREATE FUNCTION credit_gz.query_log_purge_allowed()
RETURNS boolean
LANGUAGE c STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_query_log_purge_allowed';
COMMENT ON FUNCTION credit_gz.query_log_purge_allowed() IS
    'Internal: true only inside credit_gz.purge_query_log() (the superuser-only setting credit_gz.query_log_purge).';

-- query_log_retention_at: the retention period in force on a date.
CREATE FUNCTION credit_gz.query_log_retention_at(as_of date)
RETURNS interval
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT retention FROM credit_gz.query_log_retention
     WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1
$$;
COMMENT ON FUNCTION credit_gz.query_log_retention_at(date) IS
    'The query-log retention period in force on a date (credit_gz.query_log_retention).';

-- query_log_stamp: whoever inserts, the database states who and when (a caller cannot backdate or impersonate).
-- In C (src/query_log.c): the PL/pgSQL version asked pg_roles on every row, which cost more than the insert itself.
-- A superuser (restoring a dump, or the query-log worker writing queued entries) keeps the stamps it supplies;
-- anyone else is stamped with now(), current_user and session_user. A superuser could forge entries in any case.
CREATE FUNCTION credit_gz.query_log_stamp()
RETURNS trigger
LANGUAGE c VOLATILE
SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_query_log_stamp';
COMMENT ON FUNCTION credit_gz.query_log_stamp() IS
    'Trigger on credit_gz.query_log and credit_gz.unknown_code_read_log: sets at, role_name and session_role of a new '
    'entry from the session, whatever was supplied (superusers, who restore dumps and run the query-log worker, keep '
    'what they supply).';
CREATE TRIGGER query_log_stamp BEFORE INSERT ON credit_gz.query_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_stamp();
COMMENT ON TRIGGER query_log_stamp ON credit_gz.query_log IS
    '查询日志盖章 / sets time and roles of a new entry from the session, whatever was supplied';
CREATE TRIGGER unknown_code_read_log_stamp BEFORE INSERT ON credit_gz.unknown_code_read_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_stamp();
COMMENT ON TRIGGER unknown_code_read_log_stamp ON credit_gz.unknown_code_read_log IS
    '查询日志盖章 / sets time and roles of a new entry from the session, whatever was supplied';

-- query_log_guard: the logs are append-only (十七). DELETE passes only inside purge_query_log and only for entries
-- older than the retention period; UPDATE and TRUNCATE never pass. Superusers could still disable the trigger:
-- that is outside what a database can prevent and shows in the server log.
CREATE FUNCTION credit_gz.query_log_guard()
RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_TABLE_NAME NOT IN ('query_log', 'unknown_code_read_log')
       OR TG_WHEN <> 'BEFORE' THEN
        RAISE EXCEPTION 'credit_gz.query_log_guard() must be a BEFORE trigger on a query log of credit_gz'
            USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF credit_gz.query_log_purge_allowed()
           AND OLD.at < pg_catalog.now() - credit_gz.query_log_retention_at(credit_gz.policy_date()) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'credit_gz.% is append-only', TG_TABLE_NAME
        USING ERRCODE = 'CG701',
              DETAIL = pg_catalog.format('%s of query-log entries is refused for every role.', TG_OP),
              HINT = 'Entries past the retention period are removed by credit_gz.purge_query_log().';
END
$$;
COMMENT ON FUNCTION credit_gz.query_log_guard() IS
    'Trigger: refuses UPDATE, DELETE and TRUNCATE on credit_gz.query_log and credit_gz.unknown_code_read_log '
    '(SQLSTATE CG701), except deletions of entries past the retention period by credit_gz.purge_query_log().';
CREATE TRIGGER query_log_guard BEFORE UPDATE OR DELETE ON credit_gz.query_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_guard();
COMMENT ON TRIGGER query_log_guard ON credit_gz.query_log IS
    '查询日志只增不改 / refuses UPDATE and DELETE (CG701) except purges past retention';
CREATE TRIGGER query_log_guard_truncate BEFORE TRUNCATE ON credit_gz.query_log
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.query_log_guard();
COMMENT ON TRIGGER query_log_guard_truncate ON credit_gz.query_log IS
    '查询日志只增不改 / refuses TRUNCATE (CG701)';
CREATE TRIGGER unknown_code_read_log_guard BEFORE UPDATE OR DELETE ON credit_gz.unknown_code_read_log
    FOR EACH ROW EXECUTE FUNCTION credit_gz.query_log_guard();
COMMENT ON TRIGGER unknown_code_read_log_guard ON credit_gz.unknown_code_read_log IS
    '查询日志只增不改 / refuses UPDATE and DELETE (CG701) except purges past retention';
CREATE TRIGGER unknown_code_read_log_guard_truncate BEFORE TRUNCATE ON credit_gz.unknown_code_read_log
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.query_log_guard();
COMMENT ON TRIGGER unknown_code_read_log_guard_truncate ON credit_gz.unknown_code_read_log IS
    '查询日志只增不改 / refuses TRUNCATE (CG701)';

-- The asynchronous query log (credit_gz.query_log_mode = async, src/query_log.c): what is queued, and a way to wait
-- for it. Neither reveals or changes log contents, so both stay callable by everyone.
CREATE FUNCTION credit_gz.query_log_queue(
    OUT mode text, OUT requested_mode text, OUT preloaded boolean, OUT queue_size integer, OUT queued bigint,
    OUT reserved bigint, OUT flushed bigint, OUT fallback_sync_inserts bigint, OUT worker_pid integer)
RETURNS record
LANGUAGE c VOLATILE
AS 'MODULE_PATHNAME', 'credit_gz_query_log_queue';
COMMENT ON FUNCTION credit_gz.query_log_queue() IS
    '查询日志异步队列状态 / state of this database''s asynchronous query-log queue: the mode in effect for this '
    'session (async only when credit_gz is in shared_preload_libraries), the mode requested, whether preloaded, '
    'slots, entries queued by committed transactions, slots reserved by transactions in progress, entries flushed '
    'to credit_gz.query_log, entries written synchronously for want of room or worker, and the worker''s pid.';

CREATE FUNCTION credit_gz.flush_query_log(timeout interval DEFAULT interval '30 seconds')
RETURNS boolean
LANGUAGE c VOLATILE STRICT
AS 'MODULE_PATHNAME', 'credit_gz_flush_query_log';
COMMENT ON FUNCTION credit_gz.flush_query_log(interval) IS
    '等待查询日志写入 / waits until every query-log entry queued by this session''s committed transactions is in '
    'credit_gz.query_log (true) or the timeout passes (false); immediately true in sync mode. The entries become '
    'visible to statements that start afterwards.';

-- purge_query_log: the one way entries leave the logs (both tables, one retention). Idempotent; serialised by advisory lock
-- job_lock_key('purge_query_log'); deletes in batches so a long backlog does not hold one huge transaction's
-- worth of locks. SECURITY DEFINER (owner: the extension owner, a superuser) so that it alone can set the purge flag.
CREATE FUNCTION credit_gz.purge_query_log(as_of timestamptz DEFAULT pg_catalog.now(), batch_size integer DEFAULT 10000)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cutoff  timestamptz;
    n       bigint;
    total   bigint := 0;
BEGIN
    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION 'batch_size must be positive' USING ERRCODE = '22023';
    END IF;
    -- as_of can only move the cutoff into the past: the trigger re-checks against now() in any case.
    cutoff := least(coalesce(as_of, pg_catalog.now()), pg_catalog.now());
    cutoff := cutoff - credit_gz.query_log_retention_at(credit_gz.policy_date(cutoff));
    IF NOT pg_catalog.pg_try_advisory_xact_lock(credit_gz.job_lock_key('purge_query_log')) THEN
        RETURN 0;   -- another purge is running; running twice would do nothing more
    END IF;
    PERFORM pg_catalog.set_config('credit_gz.query_log_purge', 'on', true);
    LOOP
        DELETE FROM credit_gz.query_log q
         WHERE (q.subject_id, q.log_id) IN (SELECT l.subject_id, l.log_id FROM credit_gz.query_log l
                                             WHERE l.at < cutoff
                                             ORDER BY l.at LIMIT batch_size FOR UPDATE SKIP LOCKED);
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total + n;
        EXIT WHEN n < batch_size;
    END LOOP;
    LOOP
        DELETE FROM credit_gz.unknown_code_read_log q
         WHERE (q.code, q.log_id) IN (SELECT l.code, l.log_id FROM credit_gz.unknown_code_read_log l
                                       WHERE l.at < cutoff
                                       ORDER BY l.at LIMIT batch_size FOR UPDATE SKIP LOCKED);
        GET DIAGNOSTICS n = ROW_COUNT;
        total := total + n;
        EXIT WHEN n < batch_size;
    END LOOP;
    PERFORM pg_catalog.set_config('credit_gz.query_log_purge', 'off', true);
    RETURN total;
END
$$;
COMMENT ON FUNCTION credit_gz.purge_query_log(timestamptz, integer) IS
    'Removes entries of credit_gz.query_log and credit_gz.unknown_code_read_log older than the retention period in '
    'force (credit_gz.query_log_retention); returns how many. The only way entries leave the append-only logs. '
    'Idempotent; advisory lock '
    'job_lock_key(''purge_query_log'').';
REVOKE ALL ON FUNCTION credit_gz.purge_query_log(timestamptz, integer) FROM PUBLIC;


-- ---------------------------------------------------------------------------------------------------------------
-- Disclosure levels and audiences (十七 公共信用信息披露和使用; 三(六) 信易贷; 三(八) 信用服务机构)
-- ---------------------------------------------------------------------------------------------------------------
-- A record carries its level (credit_gz.record.disclosure): public (公开), authorised (授权查询), government (政务共享),
-- archived (归档, authorities only). What each audience may see is data, so a new guideline (工作指引) is an INSERT.
CREATE TABLE credit_gz.audience (
    code                text    NOT NULL PRIMARY KEY,
    name_zh             text    NOT NULL,
    name_en             text    NOT NULL,
    sees_identity       boolean NOT NULL,
    sees_grades         boolean NOT NULL,
    sees_repairs        boolean NOT NULL,
    needs_authorization boolean NOT NULL,
    shipped             boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.audience IS
    '披露对象 / audiences of credit information: who a report or label is for, and what kind of detail it may carry.';
COMMENT ON COLUMN credit_gz.audience.code IS '代码 / audience code (public, credit_agency, financial_institution, self, government)';
COMMENT ON COLUMN credit_gz.audience.name_zh IS '名称 / Chinese name';
COMMENT ON COLUMN credit_gz.audience.name_en IS '英文名称 / English name';
COMMENT ON COLUMN credit_gz.audience.sees_identity IS '可见完整身份证号 / may see natural persons'' identity numbers unmasked';
COMMENT ON COLUMN credit_gz.audience.sees_grades IS '可见信用等级 / may see credit grades and scores';
COMMENT ON COLUMN credit_gz.audience.sees_repairs IS '可见信用修复与异议 / may see repair applications and objections';
COMMENT ON COLUMN credit_gz.audience.needs_authorization IS '须经主体授权 / only under the subject''s live authorisation (credit_gz.authorization)';
COMMENT ON COLUMN credit_gz.audience.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
INSERT INTO credit_gz.audience (code, name_zh, name_en, sees_identity, sees_grades, sees_repairs, needs_authorization) VALUES
    ('public',                '社会公众',       'the public',                        false, false, false, false),
    ('credit_agency',         '信用服务机构',   'licensed credit service agency',    false, false, false, false),
    ('financial_institution', '金融机构',       'financial institution (信易贷)',     true,  true,  false, true),
    ('self',                  '信用主体本人',   'the subject itself',                true,  true,  true,  false),
    ('government',            '政务部门',       'government department',             true,  true,  true,  false);
ALTER TABLE credit_gz.audience ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.audience', 'WHERE NOT shipped');

CREATE TABLE credit_gz.disclosure_rule (
    audience        text    NOT NULL REFERENCES credit_gz.audience (code),
    level           text    NOT NULL CHECK (level IN ('public', 'authorised', 'government', 'archived')),
    effective_from  date    NOT NULL,
    effective_until date,
    basis           text    NOT NULL,
    shipped         boolean NOT NULL DEFAULT true,
    PRIMARY KEY (audience, level, effective_from),
    CHECK (effective_until IS NULL OR effective_until > effective_from)
);
COMMENT ON TABLE credit_gz.disclosure_rule IS
    '披露规则 / which disclosure level each audience may see, with the dates the rule is in force. The determining '
    'department always sees its own records (谁认定谁负责).';
COMMENT ON COLUMN credit_gz.disclosure_rule.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosure_rule.level IS '披露等级 / disclosure level: public, authorised, government, archived';
COMMENT ON COLUMN credit_gz.disclosure_rule.effective_from IS '生效日期 / first day in force';
COMMENT ON COLUMN credit_gz.disclosure_rule.effective_until IS '失效日期 / first day no longer in force (NULL: open)';
COMMENT ON COLUMN credit_gz.disclosure_rule.basis IS '依据 / basis';
COMMENT ON COLUMN credit_gz.disclosure_rule.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
INSERT INTO credit_gz.disclosure_rule (audience, level, effective_from, basis) VALUES
    ('public',                'public',     '2020-01-01', '十七; 《广州市公共信用信息管理规定》: 公开信息向社会公开'),
    ('credit_agency',         'public',     '2020-01-01', '三(八): 经备案的征信机构、信用评级机构利用公共信用信息'),
    ('financial_institution', 'public',     '2020-01-01', '三(六): 经市场主体授权, 向金融机构提供标签化的公共信用信息'),
    ('financial_institution', 'authorised', '2020-01-01', '三(六): 授权查询信息仅在主体授权期内提供'),
    ('self',                  'public',     '2020-01-01', '信用主体可免费查询自身信用信息'),
    ('self',                  'authorised', '2020-01-01', '信用主体可免费查询自身信用信息'),
    ('self',                  'government', '2020-01-01', '信用主体可免费查询自身信用信息'),
    ('government',            'public',     '2020-01-01', '政务共享'),
    ('government',            'government', '2020-01-01', '政务共享'),
    ('government',            'archived',   '2020-01-01', '《广州市公共信用信息管理规定》: 期满归档, 仅供国家机关履职查询');
ALTER TABLE credit_gz.disclosure_rule ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.disclosure_rule', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.audience, credit_gz.disclosure_rule TO PUBLIC;

-- record_level: the level a record is disclosed at on a date. Revoked records are disclosed to no one (NULL);
-- expired and repaired ones, and any past their publicity window, are archived; a public record whose publication
-- has not begun is shared with government only until it does. No window (positive, neutral and unwindowed negative
-- items): the level as recorded.
CREATE FUNCTION credit_gz.record_level(disclosure text, status text, publish_from date, publish_until date, as_of date)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
             WHEN $2 = 'revoked' THEN NULL
             WHEN $1 = 'archived' OR $2 IN ('expired', 'repaired') OR $4 <= $5 THEN 'archived'
             WHEN $1 = 'public' AND $3 > $5 THEN 'government'
             ELSE $1
           END
$$;
COMMENT ON FUNCTION credit_gz.record_level(text, text, date, date, date) IS
    'The disclosure level of a record on a date, from its level, status and publicity window (NULL: revoked, disclosed '
    'to no one).';

-- ---------------------------------------------------------------------------------------------------------------
-- Role grants: the extension creates no roles; a DBA maps the site's roles to what they may do.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.role_grant (
    grant_id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    role_name       name        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('department', 'public_reader', 'analyst', 'credit_agency',
                                                         'financial_institution')),
    department_code text        REFERENCES credit_gz.department (code),
    -- a subject, so no foreign key (subject is distributed, role_grant is not): role_grant_institution_id_fkey checks it
    institution_id  bigint,
    licence_no      text,
    granted_at      timestamptz NOT NULL DEFAULT pg_catalog.now(),
    granted_by      name        NOT NULL DEFAULT CURRENT_USER,
    CHECK ((kind = 'department') = (department_code IS NOT NULL)),
    CHECK ((kind = 'financial_institution') = (institution_id IS NOT NULL)),
    CHECK ((kind = 'credit_agency') = (licence_no IS NOT NULL))
);
CREATE UNIQUE INDEX role_grant_uniq_idx ON credit_gz.role_grant
    (role_name, kind, coalesce(department_code, ''), coalesce(institution_id, 0));
COMMENT ON INDEX credit_gz.role_grant_uniq_idx IS
    'One grant per role, kind, department and institution (NULLs counted as one value).';
CREATE CONSTRAINT TRIGGER role_grant_institution_id_fkey AFTER INSERT OR UPDATE OF institution_id ON credit_gz.role_grant
    FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_reference_check('institution_id');
COMMENT ON TRIGGER role_grant_institution_id_fkey ON credit_gz.role_grant IS
    'the institution exists (a foreign key to a subject, checked by trigger).';
CREATE TRIGGER role_grant_institution_id_fkey AFTER UPDATE OF subject_id OR DELETE ON credit_gz.subject
    FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_referenced_check('role_grant', 'institution_id');
COMMENT ON TRIGGER role_grant_institution_id_fkey ON credit_gz.subject IS
    'an institution named by role grants stays (NO ACTION).';
COMMENT ON TABLE credit_gz.role_grant IS
    '角色授权 / which site role acts as which department, public reader, analyst, credit service agency or financial '
    'institution. Written by the grant_* functions; row-level security and the disclosed_* views read it.';
COMMENT ON COLUMN credit_gz.role_grant.grant_id IS '编号 / grant id';
COMMENT ON COLUMN credit_gz.role_grant.role_name IS '数据库角色 / database role (members inherit)';
COMMENT ON COLUMN credit_gz.role_grant.kind IS '角色类别 / department, public_reader, analyst, credit_agency, financial_institution';
COMMENT ON COLUMN credit_gz.role_grant.department_code IS '所属部门 / department the role acts for';
COMMENT ON COLUMN credit_gz.role_grant.institution_id IS '金融机构主体 / the financial institution (a subject) the role acts for';
COMMENT ON COLUMN credit_gz.role_grant.licence_no IS '备案编号 / credit service agency''s filing or licence number';
COMMENT ON COLUMN credit_gz.role_grant.granted_at IS '授权时间 / when granted';
COMMENT ON COLUMN credit_gz.role_grant.granted_by IS '授权人 / who granted';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.role_grant', '');
-- Readable by every role: row-level security and the views test the caller's grants in the caller's own rights.
GRANT SELECT ON credit_gz.role_grant TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.role_grant_grant_id_seq', '');

-- Which privileges each kind of role receives, as data: a module that adds a table a kind needs adds a row here,
-- and re-running the grant function applies it. Objects that do not exist (yet) are skipped.
CREATE TABLE credit_gz.role_privilege (
    kind        text    NOT NULL CHECK (kind IN ('department', 'public_reader', 'analyst', 'credit_agency',
                                                 'financial_institution')),
    object_name text    NOT NULL,
    privileges  text    NOT NULL CHECK (privileges ~ '^[A-Z, ]+$'),
    CHECK (object_name !~ '[(]' OR privileges = 'EXECUTE'),
    shipped     boolean NOT NULL DEFAULT true,
    PRIMARY KEY (kind, object_name)
);
COMMENT ON TABLE credit_gz.role_privilege IS
    '角色权限清单 / table and view privileges each kind of role receives from the grant_* functions (data: a module '
    'adds rows for its own tables; views named with a trailing * mean every view with that prefix).';
COMMENT ON COLUMN credit_gz.role_privilege.kind IS '角色类别 / kind of role';
COMMENT ON COLUMN credit_gz.role_privilege.object_name IS
    '对象 / table or view in schema credit_gz (prefix* for all views with the prefix), or a function signature '
    '(name(argument types), privilege EXECUTE)';
COMMENT ON COLUMN credit_gz.role_privilege.privileges IS '权限 / privileges, e.g. SELECT, INSERT';
COMMENT ON COLUMN credit_gz.role_privilege.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
INSERT INTO credit_gz.role_privilege (kind, object_name, privileges) VALUES
    -- departments: catalogues, their own records and entries (row-level security), shared reads
    ('department', 'department', 'SELECT'), ('department', 'domain', 'SELECT'),
    ('department', 'domain_department', 'SELECT'), ('department', 'info_item', 'SELECT'),
    ('department', 'publicity_rule', 'SELECT'), ('department', 'audience', 'SELECT'),
    ('department', 'disclosure_rule', 'SELECT'), ('department', 'role_grant', 'SELECT'),
    ('department', 'subject', 'SELECT, INSERT, UPDATE'), ('department', 'relation', 'SELECT, INSERT, UPDATE'),
    -- a department that reads subjects reads the lookups from their codes to them (subject_id_of, pre-checks by code)
    ('department', 'subject_uscc', 'SELECT'), ('department', 'subject_resident_id', 'SELECT'),
    ('department', 'subject_identity_document', 'SELECT'),
    ('department', 'record', 'SELECT, INSERT, UPDATE, DELETE'), ('department', 'record_document', 'SELECT'),
    ('department', 'commitment', 'SELECT, INSERT, UPDATE'),
    ('department', 'query_log', 'INSERT'), ('department', 'unknown_code_read_log', 'INSERT'),
    ('department', 'authorization', 'SELECT'),
    ('department', 'list_type', 'SELECT'), ('department', 'list_disclosure', 'SELECT'),
    ('department', 'list_entry', 'SELECT, INSERT, UPDATE, DELETE'), ('department', 'list_guard', 'SELECT, INSERT, UPDATE'),
    ('department', 'propagation_rule', 'SELECT'), ('department', 'measure', 'SELECT'),
    ('department', 'measure_action', 'SELECT'), ('department', 'measure_feedback', 'SELECT, INSERT'),
    ('department', 'measure_feedback_summary', 'SELECT'), ('department', 'case_step_kind', 'SELECT'),
    ('department', 'dishonesty_case', 'SELECT, INSERT, UPDATE'),
    ('department', 'dishonesty_case_step', 'SELECT, INSERT, UPDATE'),
    ('department', 'dishonesty_case_item', 'SELECT, INSERT'), ('department', 'dishonesty_case_status', 'SELECT'),
    ('department', 'interview_task', 'SELECT, UPDATE'), ('department', 'occupation', 'SELECT, INSERT, UPDATE'),
    -- repair and objections (二(四)): the platform records applications; the handling department decides
    ('department', 'green_channel_list', 'SELECT'), ('department', 'repair_bar', 'SELECT'),
    ('department', 'calendar', 'SELECT'), ('department', 'deadline_rule', 'SELECT'),
    ('department', 'repair_application', 'SELECT, INSERT, UPDATE'), ('department', 'objection', 'SELECT, INSERT, UPDATE'),
    ('department', 'sync_target', 'SELECT'), ('department', 'sync_outbox', 'INSERT'),
    -- scoring (分级分类监管): grades, their history and explanation, the rules and the supervision measures; scores
    -- are written only by the scoring triggers (SECURITY DEFINER), never by a department
    ('department', 'subject_score', 'SELECT'), ('department', 'grade_history', 'SELECT'),
    ('department', 'score_drop', 'SELECT'), ('department', 'warning', 'SELECT'),
    ('department', 'scoring_model', 'SELECT'), ('department', 'scoring_rule', 'SELECT'),
    ('department', 'scoring_downgrade', 'SELECT'), ('department', 'scoring_rule_key', 'SELECT'),
    ('department', 'supervision_measure', 'SELECT'),
    -- pre-checks read list entries and grades from C without the table privileges being checked on every probe,
    -- so who may run them is settled here: departments only (EXECUTE is revoked from PUBLIC below)
    ('department', 'precheck(bigint, text, text, text)', 'EXECUTE'),
    ('department', 'precheck(text, text, text, text)', 'EXECUTE'),
    ('department', 'is_restricted(bigint, text, text)', 'EXECUTE'),
    ('department', 'is_restricted(text, text, text)', 'EXECUTE'),
    ('department', 'disclosed_*', 'SELECT'), ('department', 'public_*', 'SELECT'),
    ('department', 'monitor_*', 'SELECT'),
    -- the public: only the public_* views
    ('public_reader', 'public_*', 'SELECT'), ('public_reader', 'query_log', 'INSERT'),
    ('public_reader', 'unknown_code_read_log', 'INSERT'),
    ('public_reader', 'audience', 'SELECT'),
    -- analysts (BI tools): monitoring views and public views
    ('analyst', 'monitor_*', 'SELECT'), ('analyst', 'public_*', 'SELECT'), ('analyst', 'audience', 'SELECT'),
    ('analyst', 'department', 'SELECT'), ('analyst', 'domain', 'SELECT'), ('analyst', 'policy_target', 'SELECT'),
    ('analyst', 'case_step_kind', 'SELECT'), ('analyst', 'list_type', 'SELECT'), ('analyst', 'calendar', 'SELECT'),
    ('department', 'policy_target', 'SELECT'), ('department', 'collection_by_department', 'SELECT'),
    -- 信用服务机构: what the disclosure rules give them, through the disclosed_* views
    ('credit_agency', 'disclosed_*', 'SELECT'), ('credit_agency', 'public_*', 'SELECT'),
    ('credit_agency', 'query_log', 'INSERT'), ('credit_agency', 'unknown_code_read_log', 'INSERT'),
    ('credit_agency', 'role_grant', 'SELECT'),
    ('credit_agency', 'audience', 'SELECT'), ('credit_agency', 'disclosure_rule', 'SELECT'),
    -- 金融机构: labels under authorisation; they record the authorisations they collect
    ('financial_institution', 'disclosed_*', 'SELECT'), ('financial_institution', 'public_*', 'SELECT'),
    ('financial_institution', 'query_log', 'INSERT'),
    ('financial_institution', 'unknown_code_read_log', 'INSERT'), ('financial_institution', 'role_grant', 'SELECT'),
    ('financial_institution', 'authorization', 'SELECT, INSERT'),
    ('financial_institution', 'audience', 'SELECT'), ('financial_institution', 'disclosure_rule', 'SELECT');
ALTER TABLE credit_gz.role_privilege ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.role_privilege', 'WHERE NOT shipped');

-- What each role acts as is cached per backend (src/disclosure.c: row-level security asks on every row, the query
-- log on every read); a change to the grants resets those caches in every backend.
CREATE TRIGGER role_grant_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_gz.role_grant
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.catalogue_changed();
COMMENT ON TRIGGER role_grant_changed ON credit_gz.role_grant IS
    '授权变更时刷新各会话缓存 / resets the per-backend caches of what each role acts as (my_departments, '
    'my_institutions) in every backend';

-- my_departments / my_institutions: what the current role acts as, through the grants it inherits. In C
-- (src/disclosure.c) with a per-backend cache reset whenever role_grant, a role or a membership changes: policies
-- call them on every row they filter (`department_code = ANY (credit_gz.my_departments())`; Citus refuses the
-- sub-SELECT that used to make them run once per query), so an uncached lookup per row would cost more than the
-- scan. SECURITY INVOKER on purpose: pg_has_role must test the caller, not a definer. STABLE: within a statement
-- the answer only changes when the statement itself changes role_grant.
CREATE FUNCTION credit_gz.my_departments()
RETURNS text[]
LANGUAGE c STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_my_departments';
COMMENT ON FUNCTION credit_gz.my_departments() IS
    'Departments the current role acts for (credit_gz.role_grant, through inherited memberships); cached per backend.';

CREATE FUNCTION credit_gz.my_institutions()
RETURNS bigint[]
LANGUAGE c STABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'credit_gz_my_institutions';
COMMENT ON FUNCTION credit_gz.my_institutions() IS
    'Financial institutions (subject ids) the current role acts for (credit_gz.role_grant); cached per backend.';

-- is_credit_admin: superusers and members of the extension owner's role see and may do everything.
CREATE FUNCTION credit_gz.is_credit_admin()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = CURRENT_USER), false)
        OR pg_catalog.pg_has_role((SELECT n.nspowner FROM pg_catalog.pg_namespace n WHERE n.nspname = 'credit_gz'),
                                  'USAGE')
$$;
COMMENT ON FUNCTION credit_gz.is_credit_admin() IS
    'True for superusers and members of the role owning schema credit_gz (the DBA): every audience is open to them.';

-- my_audiences: the audiences the current role may read as (kind → audiences is fixed by the policy's roles).
CREATE FUNCTION credit_gz.my_audiences()
RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN credit_gz.is_credit_admin() THEN (SELECT array_agg(code ORDER BY code) FROM credit_gz.audience)
           ELSE coalesce((
               SELECT array_agg(DISTINCT a ORDER BY a)
                 FROM credit_gz.role_grant g
                 JOIN pg_catalog.pg_roles r ON r.rolname = g.role_name
                 CROSS JOIN LATERAL pg_catalog.unnest(CASE g.kind
                        WHEN 'department' THEN ARRAY['government', 'self', 'public']
                        WHEN 'credit_agency' THEN ARRAY['credit_agency', 'public']
                        WHEN 'financial_institution' THEN ARRAY['financial_institution', 'public']
                        ELSE ARRAY['public'] END) AS a
                WHERE pg_catalog.pg_has_role(r.oid, 'USAGE')), '{}')
           END
$$;
COMMENT ON FUNCTION credit_gz.my_audiences() IS
    'Audiences the current role may read as: departments → government, self (the subject''s own report, issued at '
    'its request) and public; credit service agencies → credit_agency; financial institutions → '
    'financial_institution; everyone granted → public; administrators → all.';

-- log_read: append one entry. Used by the reports and the labels (precheck calls the same C code directly) in the
-- caller's own rights, so the entry names the role that really read. department_code defaults to the caller's
-- department when it has one. The entry is keyed by the subject id asked for, whether or not a subject has it (a
-- report on an id not on file is logged under that id). In async mode (credit_gz.query_log_mode) the entry is queued at commit like a
-- pre-check's; an entry the queue cannot carry as it is (a via the table rejects, a caller without INSERT on the
-- log, a hot standby) is inserted at once, in the caller's statement.
CREATE FUNCTION credit_gz.log_read(subject_id bigint, via text, purpose text, audience text DEFAULT NULL,
                                   department_code text DEFAULT NULL)
RETURNS void
LANGUAGE C VOLATILE
SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_log_read';
COMMENT ON FUNCTION credit_gz.log_read(bigint, text, text, text, text) IS
    'Appends an entry to credit_gz.query_log for a read of a subject''s credit information (who and when are set by '
    'the database): queued for the query-log worker when credit_gz.query_log_mode is async, else inserted now. '
    '22004 for a NULL subject id (a read by a code of no subject: credit_gz.log_unknown_code_read).';

-- log_unknown_code_read: the same for a read by a code (uscc, resident id, …) that matched no subject.
CREATE FUNCTION credit_gz.log_unknown_code_read(code text, via text, purpose text, audience text DEFAULT NULL,
                                                department_code text DEFAULT NULL)
RETURNS void
LANGUAGE C VOLATILE
SET search_path = pg_catalog, pg_temp
AS 'MODULE_PATHNAME', 'credit_gz_log_unknown_code_read';
COMMENT ON FUNCTION credit_gz.log_unknown_code_read(text, text, text, text, text) IS
    'Appends an entry to credit_gz.unknown_code_read_log for a read by a code that matches no subject (who and when '
    'are set by the database); queued like credit_gz.log_read() in async mode. 22004 for a NULL code.';

-- grant_role: the common body of the grant_* functions. SECURITY INVOKER (deliberately not DEFINER): GRANT needs the
-- caller's own right to grant on credit_gz's objects, so only the DBA who could grant by hand can map roles; a
-- definer function would let anyone holding EXECUTE hand out access.
CREATE FUNCTION credit_gz.grant_role(role regrole, kind text, department_code text DEFAULT NULL,
                                     institution_id bigint DEFAULT NULL, licence_no text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    p   record;
    obj text;
BEGIN
    IF role IS NULL OR kind IS NULL THEN
        RAISE EXCEPTION 'role and kind must not be null' USING ERRCODE = '22004';
    END IF;
    INSERT INTO credit_gz.role_grant (role_name, kind, department_code, institution_id, licence_no)
    SELECT r.rolname, kind, department_code, institution_id, licence_no
      FROM pg_catalog.pg_roles r WHERE r.oid = role
    ON CONFLICT DO NOTHING;
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA credit_gz TO %s', role);
    FOR p IN SELECT rp.object_name, rp.privileges FROM credit_gz.role_privilege rp WHERE rp.kind = grant_role.kind LOOP
        IF p.object_name ~ '[(]' THEN
            IF pg_catalog.to_regprocedure('credit_gz.' || p.object_name) IS NOT NULL THEN
                EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %s TO %s',
                                          pg_catalog.to_regprocedure('credit_gz.' || p.object_name), role);
            END IF;
            CONTINUE;
        END IF;
        FOR obj IN
            SELECT c.relname::text FROM pg_catalog.pg_class c
             WHERE c.relnamespace = 'credit_gz'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p')
               AND CASE WHEN p.object_name LIKE '%*'
                        THEN c.relkind IN ('v', 'm') AND c.relname LIKE pg_catalog.rtrim(p.object_name, '*') || '%'
                        ELSE c.relname = p.object_name END
        LOOP
            EXECUTE pg_catalog.format('GRANT %s ON credit_gz.%I TO %s', p.privileges, obj, role);
        END LOOP;
    END LOOP;
END
$$;
COMMENT ON FUNCTION credit_gz.grant_role(regrole, text, text, bigint, text) IS
    'Maps a site role to a kind (department, public_reader, analyst, credit_agency, financial_institution) and grants '
    'the privileges credit_gz.role_privilege lists for it. Idempotent; re-run after an upgrade adds objects.';

CREATE FUNCTION credit_gz.grant_department(role regrole, department text)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'department', department_code => $2) $$;
COMMENT ON FUNCTION credit_gz.grant_department(regrole, text) IS
    '部门授权: the role acts for the department — writes only that department''s records and list entries '
    '(谁认定谁负责), reads what sharing allows. Caller needs the right to grant (the DBA).';

CREATE FUNCTION credit_gz.grant_public_reader(role regrole)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'public_reader') $$;
COMMENT ON FUNCTION credit_gz.grant_public_reader(regrole) IS
    '公众查询授权: the role reads only the credit_gz.public_* views (published records, masked identity numbers).';

CREATE FUNCTION credit_gz.grant_analyst(role regrole)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'analyst') $$;
COMMENT ON FUNCTION credit_gz.grant_analyst(regrole) IS
    '监测分析授权: the role (a BI tool) reads the credit_gz.monitor_* views and the public views.';

CREATE FUNCTION credit_gz.grant_credit_agency(role regrole, licence_no text)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'credit_agency', licence_no => $2) $$;
COMMENT ON FUNCTION credit_gz.grant_credit_agency(regrole, text) IS
    '信用服务机构授权 (三(八)): a licensed credit service agency reads as audience credit_agency, every read logged.';

CREATE FUNCTION credit_gz.grant_financial_institution(role regrole, institution_id bigint)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT credit_gz.grant_role($1, 'financial_institution', institution_id => $2) $$;
COMMENT ON FUNCTION credit_gz.grant_financial_institution(regrole, bigint) IS
    '金融机构授权 (三(六) 信易贷): the role acts for the institution (a subject); it reads labels only of subjects '
    'that authorised that institution.';

REVOKE ALL ON FUNCTION credit_gz.grant_role(regrole, text, text, bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_department(regrole, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_public_reader(regrole) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_analyst(regrole) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_credit_agency(regrole, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION credit_gz.grant_financial_institution(regrole, bigint) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------------------
-- Authorisations (三(六) 信易贷: 经市场主体授权后 … 向金融机构提供标签化的公共信用信息)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.authorization (
    authorization_id bigint      GENERATED ALWAYS AS IDENTITY,
    subject_id       bigint      NOT NULL REFERENCES credit_gz.subject (subject_id),
    -- another subject, so no foreign key (shards): authorization_institution_id_fkey checks it
    institution_id   bigint      NOT NULL,
    purpose          text        NOT NULL CHECK (purpose <> ''),
    evidence         text        NOT NULL CHECK (evidence <> ''),
    valid_from       timestamptz NOT NULL,
    valid_until      timestamptz NOT NULL,
    revoked_at       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT pg_catalog.now(),
    created_by       name        NOT NULL DEFAULT CURRENT_USER,
    CHECK (valid_until > valid_from),
    CHECK (subject_id <> institution_id),
    PRIMARY KEY (subject_id, authorization_id)
);
CREATE INDEX authorization_subject_idx ON credit_gz.authorization (subject_id, institution_id, valid_until);
COMMENT ON INDEX credit_gz.authorization_subject_idx IS
    'Authorisation check: valid authorisations of a subject for an institution.';
CREATE CONSTRAINT TRIGGER authorization_institution_id_fkey AFTER INSERT OR UPDATE OF institution_id
    ON credit_gz.authorization FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_reference_check('institution_id');
COMMENT ON TRIGGER authorization_institution_id_fkey ON credit_gz.authorization IS
    'the institution exists (a foreign key to another subject, checked by trigger).';
CREATE TRIGGER authorization_institution_id_fkey AFTER UPDATE OF subject_id OR DELETE ON credit_gz.subject
    FOR EACH ROW EXECUTE FUNCTION credit_gz.subject_referenced_check('authorization', 'institution_id');
COMMENT ON TRIGGER authorization_institution_id_fkey ON credit_gz.subject IS
    'an institution named by authorisations stays (NO ACTION).';
COMMENT ON TABLE credit_gz.authorization IS
    '信用信息查询授权 / a subject''s authorisation of a financial institution to read its labelled credit information '
    'for a period (三(六) 信易贷). Live while valid_from <= now < valid_until and not revoked.';
COMMENT ON COLUMN credit_gz.authorization.authorization_id IS '授权编号 / authorisation id';
COMMENT ON COLUMN credit_gz.authorization.subject_id IS '授权主体 / the subject that authorises';
COMMENT ON COLUMN credit_gz.authorization.institution_id IS '被授权金融机构 / the financial institution authorised (a subject)';
COMMENT ON COLUMN credit_gz.authorization.purpose IS '授权用途 / purpose, e.g. 贷款审批';
COMMENT ON COLUMN credit_gz.authorization.evidence IS '授权凭证 / reference of the signed authorisation';
COMMENT ON COLUMN credit_gz.authorization.valid_from IS '授权起始 / first instant the authorisation holds';
COMMENT ON COLUMN credit_gz.authorization.valid_until IS '授权截止 / first instant the authorisation no longer holds';
COMMENT ON COLUMN credit_gz.authorization.revoked_at IS '撤回时间 / when the subject withdrew it (NULL: not withdrawn)';
COMMENT ON COLUMN credit_gz.authorization.created_at IS '登记时间 / when recorded';
COMMENT ON COLUMN credit_gz.authorization.created_by IS '登记角色 / role that recorded it';
SELECT pg_catalog.pg_extension_config_dump('credit_gz.authorization', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.authorization_authorization_id_seq', '');

-- A financial institution records only authorisations given to itself, and sees only those.
ALTER TABLE credit_gz.authorization ENABLE ROW LEVEL SECURITY;
CREATE POLICY authorization_institution ON credit_gz.authorization
    USING (institution_id = ANY (credit_gz.my_institutions())
           OR credit_gz.my_departments() <> '{}')
    WITH CHECK (institution_id = ANY (credit_gz.my_institutions()));
COMMENT ON POLICY authorization_institution ON credit_gz.authorization IS
    'Financial institutions read and record only authorisations given to them; departments read all.';

-- authorization_is_live: is there a live authorisation of the institution by the subject at a moment?
CREATE FUNCTION credit_gz.authorization_is_live(subject_id bigint, institution_id bigint,
                                                at timestamptz DEFAULT pg_catalog.now())
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM credit_gz.authorization a
                    WHERE a.subject_id = $1 AND a.institution_id = $2
                      AND credit_gz.in_force(a.valid_from, a.valid_until, $3)
                      AND (a.revoked_at IS NULL OR a.revoked_at > $3))
$$;
COMMENT ON FUNCTION credit_gz.authorization_is_live(bigint, bigint, timestamptz) IS
    'True while the subject''s authorisation of the institution is in its period and not withdrawn.';

-- ---------------------------------------------------------------------------------------------------------------
-- Row-level security: 谁认定谁负责 — a department writes only its own department's rows, reads what sharing allows.
-- Table owners (the extension owner) and superusers are not subject to these policies.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE credit_gz.record ENABLE ROW LEVEL SECURITY;
CREATE POLICY record_department_read ON credit_gz.record FOR SELECT
    USING (department_code = ANY (credit_gz.my_departments())
           OR (credit_gz.my_departments() <> '{}'
               AND status <> 'revoked' AND disclosure IN ('public', 'government', 'archived')));
CREATE POLICY record_department_insert ON credit_gz.record FOR INSERT
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY record_department_update ON credit_gz.record FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY record_department_delete ON credit_gz.record FOR DELETE
    USING (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY record_department_read ON credit_gz.record IS
    '政务共享: a department reads its own records at every level, and other departments'' public, government-shared '
    'and archived records (authorised-query records stay with their department).';
COMMENT ON POLICY record_department_insert ON credit_gz.record IS '谁认定谁负责: a department inserts only its own records.';
COMMENT ON POLICY record_department_update ON credit_gz.record IS '谁认定谁负责: a department updates only its own records.';
COMMENT ON POLICY record_department_delete ON credit_gz.record IS '谁认定谁负责: a department deletes only its own records.';
-- The document lookup answers a department for its own documents only (load_record finds its re-sends there).
ALTER TABLE credit_gz.record_document ENABLE ROW LEVEL SECURITY;
CREATE POLICY record_document_department_read ON credit_gz.record_document FOR SELECT
    USING (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY record_document_department_read ON credit_gz.record_document IS
    '谁认定谁负责: a department reads the document numbers of its own records.';

-- Commitments: the accepting department writes them (a breach pushes a record in its name, 二(三)); all departments
-- read them (联合奖惩 needs them).
ALTER TABLE credit_gz.commitment ENABLE ROW LEVEL SECURITY;
CREATE POLICY commitment_department_read ON credit_gz.commitment FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY commitment_department_insert ON credit_gz.commitment FOR INSERT
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY commitment_department_update ON credit_gz.commitment FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY commitment_department_delete ON credit_gz.commitment FOR DELETE
    USING (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY commitment_department_read ON credit_gz.commitment IS '政务共享: every department reads commitments.';
COMMENT ON POLICY commitment_department_insert ON credit_gz.commitment IS
    '谁认定谁负责: a department records commitments it accepts.';
COMMENT ON POLICY commitment_department_update ON credit_gz.commitment IS
    '谁认定谁负责: only the accepting department determines fulfilment or breach.';
COMMENT ON POLICY commitment_department_delete ON credit_gz.commitment IS
    '谁认定谁负责: only the accepting department deletes its commitments.';

-- ---------------------------------------------------------------------------------------------------------------
-- What each role may see: disclosed_* views (one row per audience the current role may read as), and the public_*
-- views for the public. Views run with their owner's rights, so roles need no access to the tables; current_user
-- inside them is still the caller, which is what the filters test.
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.disclosed_subject WITH (security_barrier = true) AS
SELECT a.audience, s.subject_id, s.name, s.kind,
       s.uscc IS NULL AS natural_person,
       credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type, s.identity_document_no,
                               NOT au.sees_identity) AS identity_code,
       s.district,
       s.status, s.registered_on
  FROM credit_gz.subject s
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience;
COMMENT ON VIEW credit_gz.disclosed_subject IS
    '可见主体 / subjects as each audience the current role may read as sees them: identity numbers of natural persons '
    'masked unless the audience may see them (identity_code).';
COMMENT ON COLUMN credit_gz.disclosed_subject.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_subject.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_subject.name IS '名称或姓名 / name';
COMMENT ON COLUMN credit_gz.disclosed_subject.kind IS '主体类别 / kind of subject';
COMMENT ON COLUMN credit_gz.disclosed_subject.natural_person IS '是否自然人 / natural person';
COMMENT ON COLUMN credit_gz.disclosed_subject.identity_code IS '统一社会信用代码、身份证号或其他身份证件(按对象脱敏) / unified code, or identity number or document masked for the audience (identity_code)';
COMMENT ON COLUMN credit_gz.disclosed_subject.district IS '所属区 / district';
COMMENT ON COLUMN credit_gz.disclosed_subject.status IS '主体状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_subject.registered_on IS '登记日期 / registration date';

CREATE VIEW credit_gz.disclosed_record WITH (security_barrier = true) AS
SELECT a.audience, r.record_id, r.subject_id, r.item_code, i.name_zh AS item_name, i.kind AS item_kind,
       i.polarity, r.domain_code, r.department_code, r.document_no, r.decision_date, r.severity, l.level, r.status,
       r.status = 'under_objection' AS under_objection, r.publish_from, r.repairable_from, r.publish_until
  FROM credit_gz.record r
  JOIN credit_gz.info_item i ON i.code = r.item_code
 CROSS JOIN LATERAL (SELECT credit_gz.record_level(r.disclosure, r.status, r.publish_from, r.publish_until,
                                                   credit_gz.policy_date()) AS level) l
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience
 WHERE l.level IS NOT NULL
   AND (EXISTS (SELECT 1 FROM credit_gz.disclosure_rule d
                 WHERE d.audience = a.audience AND d.level = l.level
                   AND credit_gz.in_force(d.effective_from, d.effective_until, credit_gz.policy_date()))
        OR (a.audience = 'government' AND r.department_code = ANY ((SELECT credit_gz.my_departments())::text[])))
   AND (NOT au.needs_authorization OR credit_gz.is_credit_admin()
        OR EXISTS (SELECT 1 FROM pg_catalog.unnest((SELECT credit_gz.my_institutions())) AS mi(id)
                    WHERE credit_gz.authorization_is_live(r.subject_id, mi.id)));
COMMENT ON VIEW credit_gz.disclosed_record IS
    '可见信用记录 / credit records as each audience the current role may read as sees them, by credit_gz.disclosure_rule '
    'and the record''s level on today''s date (credit_gz.record_level); financial institutions only under a live '
    'authorisation; a department''s own records at every level.';
COMMENT ON COLUMN credit_gz.disclosed_record.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_record.record_id IS '记录编号 / record id';
COMMENT ON COLUMN credit_gz.disclosed_record.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_record.item_code IS '信息项 / catalogue item';
COMMENT ON COLUMN credit_gz.disclosed_record.item_name IS '信息项名称 / catalogue item name';
COMMENT ON COLUMN credit_gz.disclosed_record.item_kind IS '信息类别 / kind of item';
COMMENT ON COLUMN credit_gz.disclosed_record.polarity IS '守信/失信 / positive, negative or neutral';
COMMENT ON COLUMN credit_gz.disclosed_record.domain_code IS '监管领域 / domain';
COMMENT ON COLUMN credit_gz.disclosed_record.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.disclosed_record.document_no IS '决定文书号 / decision document number';
COMMENT ON COLUMN credit_gz.disclosed_record.decision_date IS '决定日期 / decision date';
COMMENT ON COLUMN credit_gz.disclosed_record.severity IS '严重程度 / severity';
COMMENT ON COLUMN credit_gz.disclosed_record.level IS '当前披露等级 / disclosure level today';
COMMENT ON COLUMN credit_gz.disclosed_record.status IS '状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_record.under_objection IS '异议中 / under objection';
COMMENT ON COLUMN credit_gz.disclosed_record.publish_from IS '公示起始 / published from';
COMMENT ON COLUMN credit_gz.disclosed_record.repairable_from IS '可申请修复日期 / repair may be applied for from';
COMMENT ON COLUMN credit_gz.disclosed_record.publish_until IS '公示截止日 / first day no longer published';

CREATE VIEW credit_gz.disclosed_commitment WITH (security_barrier = true) AS
SELECT a.audience, c.commitment_id, c.subject_id, c.kind, c.matter, c.due_date, c.status, c.is_public,
       CASE WHEN c.is_public THEN 'public' ELSE 'government' END AS level
  FROM credit_gz.commitment c
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
 WHERE EXISTS (SELECT 1 FROM credit_gz.disclosure_rule d
                WHERE d.audience = a.audience
                  AND d.level = CASE WHEN c.is_public THEN 'public' ELSE 'government' END
                  AND credit_gz.in_force(d.effective_from, d.effective_until, credit_gz.policy_date()))
   AND (a.audience <> 'financial_institution' OR credit_gz.is_credit_admin()
        OR EXISTS (SELECT 1 FROM pg_catalog.unnest((SELECT credit_gz.my_institutions())) AS mi(id)
                    WHERE credit_gz.authorization_is_live(c.subject_id, mi.id)));
COMMENT ON VIEW credit_gz.disclosed_commitment IS
    '可见信用承诺 / credit commitments as each audience sees them: public commitments (信用承诺公示) for everyone, '
    'the others shared with government and the subject.';
COMMENT ON COLUMN credit_gz.disclosed_commitment.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_commitment.commitment_id IS '承诺编号 / commitment id';
COMMENT ON COLUMN credit_gz.disclosed_commitment.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_commitment.kind IS '承诺类型 / kind of commitment';
COMMENT ON COLUMN credit_gz.disclosed_commitment.matter IS '承诺事项 / matter';
COMMENT ON COLUMN credit_gz.disclosed_commitment.due_date IS '履约期限 / due date';
COMMENT ON COLUMN credit_gz.disclosed_commitment.status IS '履约状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_commitment.is_public IS '是否公示 / published';
COMMENT ON COLUMN credit_gz.disclosed_commitment.level IS '披露等级 / disclosure level';

-- The public views: what 社会公众 see. Only published records inside their window, identity numbers masked.
CREATE VIEW credit_gz.public_subject WITH (security_barrier = true) AS
SELECT s.subject_id, s.name, s.kind, s.natural_person, s.identity_code, s.district, s.status, s.registered_on
  FROM credit_gz.disclosed_subject s
 WHERE s.audience = 'public'
   AND (NOT s.natural_person
        OR EXISTS (SELECT 1 FROM credit_gz.disclosed_record d
                    WHERE d.subject_id = s.subject_id AND d.audience = 'public' AND d.level = 'public'));
COMMENT ON VIEW credit_gz.public_subject IS
    '公开主体信息 / subjects as the public sees them: organisations, and natural persons only while they have a '
    'published record; identity numbers masked (identity_code).';
COMMENT ON COLUMN credit_gz.public_subject.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.public_subject.name IS '名称或姓名 / name';
COMMENT ON COLUMN credit_gz.public_subject.kind IS '主体类别 / kind of subject';
COMMENT ON COLUMN credit_gz.public_subject.natural_person IS '是否自然人 / natural person';
COMMENT ON COLUMN credit_gz.public_subject.identity_code IS '统一社会信用代码或脱敏身份证号 / unified code, or masked identity number';
COMMENT ON COLUMN credit_gz.public_subject.district IS '所属区 / district';
COMMENT ON COLUMN credit_gz.public_subject.status IS '主体状态 / status';
COMMENT ON COLUMN credit_gz.public_subject.registered_on IS '登记日期 / registration date';

CREATE VIEW credit_gz.public_record WITH (security_barrier = true) AS
SELECT d.record_id, d.subject_id, s.name AS subject_name, s.identity_code, d.item_code, d.item_name, d.item_kind,
       d.polarity, d.domain_code, d.department_code, d.document_no, d.decision_date, d.severity, d.under_objection,
       d.publish_from, d.publish_until
  FROM credit_gz.disclosed_record d
  JOIN credit_gz.disclosed_subject s ON s.subject_id = d.subject_id AND s.audience = 'public'
 WHERE d.audience = 'public' AND d.level = 'public' AND credit_gz.record_counts(d.status);
COMMENT ON VIEW credit_gz.public_record IS
    '公示信用记录 / published credit records: public level, inside their publicity window, marked when under objection; '
    'identity numbers masked.';
COMMENT ON COLUMN credit_gz.public_record.record_id IS '记录编号 / record id';
COMMENT ON COLUMN credit_gz.public_record.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.public_record.subject_name IS '主体名称 / subject name';
COMMENT ON COLUMN credit_gz.public_record.identity_code IS '统一社会信用代码或脱敏身份证号 / unified code, or masked identity number';
COMMENT ON COLUMN credit_gz.public_record.item_code IS '信息项 / catalogue item';
COMMENT ON COLUMN credit_gz.public_record.item_name IS '信息项名称 / catalogue item name';
COMMENT ON COLUMN credit_gz.public_record.item_kind IS '信息类别 / kind of item';
COMMENT ON COLUMN credit_gz.public_record.polarity IS '守信/失信 / positive, negative or neutral';
COMMENT ON COLUMN credit_gz.public_record.domain_code IS '监管领域 / domain';
COMMENT ON COLUMN credit_gz.public_record.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.public_record.document_no IS '决定文书号 / decision document number';
COMMENT ON COLUMN credit_gz.public_record.decision_date IS '决定日期 / decision date';
COMMENT ON COLUMN credit_gz.public_record.severity IS '严重程度 / severity';
COMMENT ON COLUMN credit_gz.public_record.under_objection IS '异议中 / under objection';
COMMENT ON COLUMN credit_gz.public_record.publish_from IS '公示起始 / published from';
COMMENT ON COLUMN credit_gz.public_record.publish_until IS '公示截止日 / first day no longer published';

CREATE VIEW credit_gz.public_commitment WITH (security_barrier = true) AS
SELECT d.commitment_id, d.subject_id, s.name AS subject_name, s.identity_code, d.kind, d.matter, d.due_date, d.status
  FROM credit_gz.disclosed_commitment d
  JOIN credit_gz.disclosed_subject s ON s.subject_id = d.subject_id AND s.audience = 'public'
 WHERE d.audience = 'public';
COMMENT ON VIEW credit_gz.public_commitment IS '信用承诺公示 / published credit commitments.';
COMMENT ON COLUMN credit_gz.public_commitment.commitment_id IS '承诺编号 / commitment id';
COMMENT ON COLUMN credit_gz.public_commitment.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.public_commitment.subject_name IS '主体名称 / subject name';
COMMENT ON COLUMN credit_gz.public_commitment.identity_code IS '统一社会信用代码或脱敏身份证号 / unified code, or masked identity number';
COMMENT ON COLUMN credit_gz.public_commitment.kind IS '承诺类型 / kind of commitment';
COMMENT ON COLUMN credit_gz.public_commitment.matter IS '承诺事项 / matter';
COMMENT ON COLUMN credit_gz.public_commitment.due_date IS '履约期限 / due date';
COMMENT ON COLUMN credit_gz.public_commitment.status IS '履约状态 / status';

-- ---------------------------------------------------------------------------------------------------------------
-- Credit reports (信用报告代替证明材料) and labels (标签化的公共信用信息). SECURITY INVOKER: they read through the
-- disclosed_* / public_* views, so a report can never show more than the caller's role may see, and the query-log
-- entry names the role that really read.
-- ---------------------------------------------------------------------------------------------------------------

-- check_audience: the audience exists and the current role may read as it; raises otherwise.
CREATE FUNCTION credit_gz.check_audience(audience text)
RETURNS credit_gz.audience
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    a credit_gz.audience;
BEGIN
    SELECT * INTO a FROM credit_gz.audience WHERE code = $1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown audience "%"', $1
            USING ERRCODE = '22023',
                  DETAIL = 'Audiences are listed in credit_gz.audience.',
                  HINT = 'Use public, credit_agency, financial_institution, self or government.';
    END IF;
    IF NOT $1 = ANY (credit_gz.my_audiences()) THEN
        RAISE EXCEPTION 'permission denied for audience "%"', $1
            USING ERRCODE = '42501',
                  DETAIL = pg_catalog.format('Role %s may read as: %s.', CURRENT_USER,
                                             coalesce(nullif(pg_catalog.array_to_string(credit_gz.my_audiences(), ', '), ''), 'nothing')),
                  HINT = 'A DBA maps roles with credit_gz.grant_department, grant_public_reader, grant_analyst, '
                         'grant_credit_agency or grant_financial_institution.';
    END IF;
    RETURN a;
END
$$;
COMMENT ON FUNCTION credit_gz.check_audience(text) IS
    'Returns the audience if the current role may read as it; 22023 for an unknown audience, 42501 otherwise.';

-- report_section: the rows of one disclosed_* (or public_*) view for a subject, as a jsonb array.
CREATE FUNCTION credit_gz.report_section(view_name text, subject_id bigint, audience text, order_by text)
RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result jsonb;
BEGIN
    IF audience = 'public' THEN
        EXECUTE pg_catalog.format(
            'SELECT coalesce(jsonb_agg(to_jsonb(v) - %s ORDER BY %s), ''[]'') '
            'FROM credit_gz.%I v WHERE v.subject_id = $1',
            CASE WHEN view_name = 'subject' THEN '''subject_id''::text'
                 ELSE 'ARRAY[''subject_id'', ''subject_name'', ''identity_code'']' END,
            order_by, 'public_' || view_name)
        INTO result USING subject_id;
    ELSE
        EXECUTE pg_catalog.format(
            'SELECT coalesce(jsonb_agg(to_jsonb(v) - ''audience'' - ''subject_id'' ORDER BY %s), ''[]'') '
            'FROM credit_gz.%I v WHERE v.subject_id = $1 AND v.audience = $2', order_by, 'disclosed_' || view_name)
        INTO result USING subject_id, audience;
    END IF;
    RETURN result;
END
$$;
COMMENT ON FUNCTION credit_gz.report_section(text, bigint, text, text) IS
    'Internal to the reports: one section (subject, record, commitment, …) of what an audience sees of a subject, read '
    'through credit_gz.public_<section> for the public and credit_gz.disclosed_<section> otherwise.';

-- credit_report: everything the audience may see of a subject, logged.
CREATE FUNCTION credit_gz.credit_report(subject_id bigint, audience text, purpose text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    a       credit_gz.audience := credit_gz.check_audience(audience);
    subj    jsonb;
    report  jsonb;
BEGIN
    subj := credit_gz.report_section('subject', subject_id, audience, 'v.subject_id') -> 0;
    -- logged under the id asked for, also when the audience sees nothing of the subject or there is none
    PERFORM credit_gz.log_read(subject_id, 'report', coalesce(purpose, '信用报告 / credit report'), audience);
    report := pg_catalog.jsonb_build_object(
        'title', '公共信用信息报告 / public credit information report',
        'audience', a.code, 'audience_name', a.name_zh,
        'generated_at', pg_catalog.now(),
        'found', subj IS NOT NULL,
        'subject', subj);
    IF subj IS NULL THEN
        RETURN report || pg_catalog.jsonb_build_object('note', '未查询到该主体的信用档案 / no credit archive for this subject');
    END IF;
    report := report || pg_catalog.jsonb_build_object(
        'records', credit_gz.report_section('record', subject_id, audience, 'v.decision_date DESC, v.record_id'),
        'commitments', credit_gz.report_section('commitment', subject_id, audience, 'v.due_date, v.commitment_id'));
    report := report || pg_catalog.jsonb_build_object('list_entries',
        credit_gz.report_section('list_entry', subject_id, audience, 'v.effective_from DESC, v.entry_id'));
    IF a.sees_grades THEN
        report := report || pg_catalog.jsonb_build_object('grades',
            credit_gz.report_section('grade', subject_id, audience, 'v.model_kind, v.model_code'));
    END IF;
    IF a.sees_repairs THEN
        report := report || pg_catalog.jsonb_build_object('repairs',
            credit_gz.report_section('repair', subject_id, audience, 'v.submitted_at DESC, v.kind, v.id'));
    END IF;
    RETURN report;
END
$$;
COMMENT ON FUNCTION credit_gz.credit_report(bigint, text, text) IS
    '信用报告: what the audience (public, credit_agency, financial_institution, self, government) may see of a subject — '
    'identity, records in publicity (marked when under objection), commitments — nothing more; logged in '
    'credit_gz.query_log. Raises 42501 when the current role may not read as the audience.';

-- credit_labels: 标签化的公共信用信息 for a financial institution, only under the subject's live authorisation.
-- Labels, not raw records: bands and flags a lender can use in a model (联合建模) without the documents.
CREATE FUNCTION credit_gz.credit_labels(subject_id bigint, institution_id bigint)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    subj   jsonb;
    auth   record;
    labels jsonb;
BEGIN
    PERFORM credit_gz.check_audience('financial_institution');
    IF NOT (institution_id = ANY (credit_gz.my_institutions()) OR credit_gz.is_credit_admin()) THEN
        RAISE EXCEPTION 'role % does not act for financial institution %', CURRENT_USER, institution_id
            USING ERRCODE = '42501',
                  DETAIL = 'Labels are given to the institution the subject authorised, through a role granted for it.',
                  HINT = 'A DBA maps the role with credit_gz.grant_financial_institution(role, institution_id).';
    END IF;
    SELECT a.valid_until, a.purpose INTO auth
      FROM credit_gz.authorization a
     WHERE a.subject_id = credit_labels.subject_id AND a.institution_id = credit_labels.institution_id
       AND credit_gz.in_force(a.valid_from, a.valid_until, pg_catalog.now())
       AND (a.revoked_at IS NULL OR a.revoked_at > pg_catalog.now())
     ORDER BY a.valid_until DESC LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no live authorisation of institution % by subject %', institution_id, subject_id
            USING ERRCODE = 'CG702',
                  DETAIL = 'Labelled credit information is given only while the subject''s authorisation is in force (三(六)).',
                  HINT = 'Record the subject''s signed authorisation in credit_gz.authorization.';
    END IF;
    PERFORM credit_gz.log_read(subject_id, 'labels', coalesce(auth.purpose, '信易贷'), 'financial_institution');
    subj := credit_gz.report_section('subject', subject_id, 'financial_institution', 'v.subject_id') -> 0;
    SELECT pg_catalog.jsonb_build_object(
               'negative_in_publicity', pg_catalog.count(*) FILTER (WHERE d.polarity = 'negative'
                                                           AND credit_gz.record_counts(d.status)),
               'serious_negative', pg_catalog.bool_or(d.polarity = 'negative' AND d.severity IN ('serious', 'specific_serious')
                                                   AND credit_gz.record_counts(d.status)) IS TRUE,
               'under_objection', pg_catalog.count(*) FILTER (WHERE d.under_objection),
               'positive_records', pg_catalog.count(*) FILTER (WHERE d.polarity = 'positive'
                                                      AND credit_gz.record_counts(d.status)),
               'negative_domains', coalesce(pg_catalog.jsonb_agg(DISTINCT d.domain_code)
                                     FILTER (WHERE d.polarity = 'negative' AND credit_gz.record_counts(d.status)
                                             AND d.domain_code IS NOT NULL), '[]'),
               'last_negative_decision', pg_catalog.max(d.decision_date) FILTER (WHERE d.polarity = 'negative'))
      INTO labels
      FROM credit_gz.disclosed_record d
     WHERE d.subject_id = credit_labels.subject_id AND d.audience = 'financial_institution';
    RETURN pg_catalog.jsonb_build_object(
        'subject_id', subject_id,
        'name', subj ->> 'name',
        'identity_code', subj ->> 'identity_code',
        'district', subj ->> 'district',
        'years_registered_band',
            CASE WHEN (subj ->> 'registered_on') IS NULL THEN NULL
                 ELSE (SELECT CASE WHEN y < 1 THEN '<1' WHEN y < 3 THEN '1-3' WHEN y < 5 THEN '3-5'
                                   WHEN y < 10 THEN '5-10' ELSE '>=10' END
                         FROM (SELECT pg_catalog.date_part('year', pg_catalog.age((subj ->> 'registered_on')::date)) AS y) t)
            END,
        'unfulfilled_commitments',
            (SELECT pg_catalog.count(*) FROM credit_gz.disclosed_commitment c
              WHERE c.subject_id = credit_labels.subject_id AND c.audience = 'financial_institution'
                AND c.status = 'not_fulfilled'),
        'punishment_lists', (SELECT coalesce(pg_catalog.jsonb_agg(DISTINCT e.list_type_code), '[]')
                               FROM credit_gz.disclosed_list_entry e
                              WHERE e.subject_id = credit_labels.subject_id AND e.audience = 'financial_institution'
                                AND e.status = 'active' AND e.polarity = 'punishment'),
        'red_lists', (SELECT coalesce(pg_catalog.jsonb_agg(DISTINCT e.list_type_code), '[]')
                        FROM credit_gz.disclosed_list_entry e
                       WHERE e.subject_id = credit_labels.subject_id AND e.audience = 'financial_institution'
                         AND e.status = 'active' AND e.polarity = 'reward'),
        'grades', (SELECT coalesce(pg_catalog.jsonb_object_agg(g.model_code, g.grade), '{}')
                     FROM credit_gz.disclosed_grade g
                    WHERE g.subject_id = credit_labels.subject_id AND g.audience = 'financial_institution'),
        'authorised_until', auth.valid_until) || labels;
END
$$;
COMMENT ON FUNCTION credit_gz.credit_labels(bigint, bigint) IS
    '信易贷标签: labelled public credit information (bands and flags, not documents) for a financial institution, only '
    'under the subject''s live authorisation (CG702 otherwise) and only to a role acting for that institution (42501); '
    'logged in credit_gz.query_log.';

-- credit_report_text: the same report as readable Chinese text (信用报告), e.g. for a counter (信用服务窗口).
CREATE FUNCTION credit_gz.credit_report_text(subject_id bigint, audience text, purpose text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r     jsonb := credit_gz.credit_report(subject_id, audience, purpose);
    e     jsonb;
    out   text;
    n     int;
BEGIN
    out := '广州市公共信用信息报告' || E'\n'
        || '报告对象: ' || (r ->> 'audience_name') || ' (' || (r ->> 'audience') || ')' || E'\n'
        || '生成时间: ' || pg_catalog.to_char((r ->> 'generated_at')::timestamptz, 'YYYY-MM-DD HH24:MI:SS') || E'\n';
    IF NOT (r ->> 'found')::boolean THEN
        RETURN out || E'\n未查询到该主体的信用档案。\n';
    END IF;
    e := r -> 'subject';
    out := out || E'\n一、主体信息\n'
        || '  名称: ' || coalesce(e ->> 'name', '—') || E'\n'
        || CASE WHEN (e ->> 'natural_person')::boolean THEN '  身份证件号码: ' ELSE '  统一社会信用代码: ' END
        || coalesce(e ->> 'identity_code', '—') || E'\n'
        || '  所属区: ' || coalesce(e ->> 'district', '—') || E'\n'
        || '  登记日期: ' || coalesce(e ->> 'registered_on', '—') || E'\n';
    IF r ? 'grades' THEN
        out := out || E'\n二、信用等级\n';
        n := 0;
        FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'grades') LOOP
            n := n + 1;
            out := out || '  ' || coalesce(e ->> 'model_name', e ->> 'model_code') || ': ' || coalesce(e ->> 'grade', '—')
                || coalesce(' (' || (e ->> 'grade_label') || ')', '') || coalesce(', 分值 ' || (e ->> 'score'), '')
                || coalesce(', 最近变动 ' || pg_catalog.left(e -> 'history' -> 0 ->> 'changed_at', 10) || ' '
                            || (e -> 'history' -> 0 ->> 'old_grade') || '→' || (e -> 'history' -> 0 ->> 'new_grade'), '')
                || E'\n';
        END LOOP;
        IF n = 0 THEN out := out || E'  无\n'; END IF;
    END IF;
    out := out || E'\n三、信用记录\n';
    n := 0;
    FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'records') LOOP
        n := n + 1;
        out := out || '  ' || n || '. ' || (e ->> 'decision_date') || ' ' || coalesce(e ->> 'item_name', e ->> 'item_code')
            || CASE e ->> 'polarity' WHEN 'negative' THEN ' [失信]' WHEN 'positive' THEN ' [守信]' ELSE '' END
            || coalesce(' 严重程度: ' || CASE e ->> 'severity' WHEN 'minor' THEN '轻微' WHEN 'general' THEN '一般'
                                               WHEN 'serious' THEN '严重' WHEN 'specific_serious' THEN '特定严重' END, '')
            || E'\n     文书号: ' || coalesce(e ->> 'document_no', '—') || ' 认定部门: ' || coalesce(e ->> 'department_code', '—')
            || ' 领域: ' || coalesce(e ->> 'domain_code', '—')
            || E'\n     公示期: ' || coalesce(e ->> 'publish_from', '—') || ' 至 '
            || coalesce(pg_catalog.to_char(credit_gz.inclusive_end((e ->> 'publish_until')::date), 'YYYY-MM-DD'), '—')
            || CASE WHEN (e ->> 'under_objection')::boolean THEN ' 【异议处理中】' ELSE '' END
            || CASE e ->> 'status' WHEN 'repaired' THEN ' 【已修复】' WHEN 'expired' THEN ' 【已到期归档】' ELSE '' END
            || E'\n';
    END LOOP;
    IF n = 0 THEN out := out || E'  无\n'; END IF;
    IF r ? 'list_entries' THEN
        out := out || E'\n四、名单信息\n';
        n := 0;
        FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'list_entries') LOOP
            n := n + 1;
            out := out || '  ' || n || '. ' || coalesce(e ->> 'list_name', e ->> 'list_type_code')
                || ' 认定部门: ' || coalesce(e ->> 'department_code', '—')
                || ' 期间: ' || coalesce(e ->> 'effective_from', '—') || ' 至 '
                || coalesce(pg_catalog.to_char(credit_gz.inclusive_end((e ->> 'effective_until')::date), 'YYYY-MM-DD'), '—')
                || ' 状态: ' || coalesce(e ->> 'status', '—')
                || CASE WHEN (e ->> 'derived')::boolean THEN ' (关联认定)' ELSE '' END || E'\n';
        END LOOP;
        IF n = 0 THEN out := out || E'  无\n'; END IF;
    END IF;
    out := out || E'\n五、信用承诺\n';
    n := 0;
    FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'commitments') LOOP
        n := n + 1;
        out := out || '  ' || n || '. ' || coalesce(e ->> 'matter', '—') || ' (' || coalesce(e ->> 'kind', '—') || ')'
            || ' 期限: ' || coalesce(e ->> 'due_date', '—') || ' 状态: '
            || CASE e ->> 'status' WHEN 'pending' THEN '履行中' WHEN 'fulfilled' THEN '已履行'
                                   WHEN 'not_fulfilled' THEN '未履行' ELSE coalesce(e ->> 'status', '—') END || E'\n';
    END LOOP;
    IF n = 0 THEN out := out || E'  无\n'; END IF;
    IF r ? 'repairs' THEN
        out := out || E'\n六、信用修复与异议\n';
        n := 0;
        FOR e IN SELECT * FROM pg_catalog.jsonb_array_elements(r -> 'repairs') LOOP
            n := n + 1;
            out := out || '  ' || n || '. '
                || CASE e ->> 'kind' WHEN 'objection' THEN '异议' ELSE '信用修复' END
                || coalesce(' 记录 ' || (e ->> 'record_id'), '') || coalesce(' 名单 ' || (e ->> 'entry_id'), '')
                || ' 状态: ' || coalesce(e ->> 'status', '—') || coalesce(' 结果: ' || (e ->> 'outcome'), '')
                || ' 办理部门: ' || coalesce(e ->> 'department_code', '—')
                || ' 提交: ' || coalesce(pg_catalog.left(e ->> 'submitted_at', 10), '—') || E'\n';
        END LOOP;
        IF n = 0 THEN out := out || E'  无\n'; END IF;
    END IF;
    RETURN out || E'\n本报告依据穗府办函〔2020〕35号及信用信息披露规则生成, 仅披露报告对象可查询的信息; 查询已记录。\n';
END
$$;
COMMENT ON FUNCTION credit_gz.credit_report_text(bigint, text, text) IS
    '信用报告(文本): credit_gz.credit_report as a readable Chinese report; the same disclosure rules and the same '
    'query-log entry. Periods print as 起 至 止 with the last day in force (公示截止期), as the national report does.';

-- ---------------------------------------------------------------------------------------------------------------
-- Lists (联合奖惩): row-level security on list entries and what each audience sees of them
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE credit_gz.list_disclosure (
    list_type_code text    NOT NULL PRIMARY KEY REFERENCES credit_gz.list_type (code) ON UPDATE CASCADE ON DELETE CASCADE,
    disclosure     text    NOT NULL CHECK (disclosure IN ('public', 'authorised', 'government')),
    shipped        boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE credit_gz.list_disclosure IS
    '名单公开方式 / disclosure level of entries in force, per list type: 失信联合惩戒对象名单, 经营异常名录 and red '
    'lists are public (依法依规向社会公示); 重点关注名单 is shared with government only. A list type without a row here is '
    'treated as government-only until a DBA decides. Entries no longer in force are archived.';
COMMENT ON COLUMN credit_gz.list_disclosure.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.list_disclosure.disclosure IS '公开方式 / public, authorised or government';
COMMENT ON COLUMN credit_gz.list_disclosure.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';
INSERT INTO credit_gz.list_disclosure (list_type_code, disclosure)
SELECT code, CASE WHEN code = 'key_attention' THEN 'government' ELSE 'public' END FROM credit_gz.list_type;
ALTER TABLE credit_gz.list_disclosure ALTER COLUMN shipped SET DEFAULT false;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_disclosure', 'WHERE NOT shipped');
GRANT SELECT ON credit_gz.list_disclosure TO PUBLIC;

-- 谁认定谁负责: a department writes only its own entries; every department reads all entries (joint punishment needs
-- them: a pre-check of department A applies the list of department B).
ALTER TABLE credit_gz.list_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY list_entry_department_read ON credit_gz.list_entry FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY list_entry_department_insert ON credit_gz.list_entry FOR INSERT
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY list_entry_department_update ON credit_gz.list_entry FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
CREATE POLICY list_entry_department_delete ON credit_gz.list_entry FOR DELETE
    USING (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY list_entry_department_read ON credit_gz.list_entry IS
    '联合奖惩: every department reads every list entry.';
COMMENT ON POLICY list_entry_department_insert ON credit_gz.list_entry IS
    '谁认定谁负责: a department lists subjects only in its own name (derived entries keep the source''s department).';
COMMENT ON POLICY list_entry_department_update ON credit_gz.list_entry IS
    '谁认定谁负责: only the determining department lifts or changes its entries.';
COMMENT ON POLICY list_entry_department_delete ON credit_gz.list_entry IS
    '谁认定谁负责: only the determining department deletes its entries.';

-- A relation recorded by one department may derive entries in the name of the department that determined the
-- source entry (propagation keeps the source's department). The relation trigger therefore runs as the extension
-- owner, as a maintenance step of the database, not as a write by the department; its search_path is pinned.
ALTER FUNCTION credit_gz.relation_propagate() SECURITY DEFINER;

-- Repair applications and objections: any department's counter (信用服务窗口) may register one for a subject, every
-- department reads them, only the handling department decides (谁认定、谁修复).
ALTER TABLE credit_gz.repair_application ENABLE ROW LEVEL SECURITY;
CREATE POLICY repair_application_department_read ON credit_gz.repair_application FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY repair_application_department_insert ON credit_gz.repair_application FOR INSERT
    WITH CHECK (credit_gz.my_departments() <> '{}');
CREATE POLICY repair_application_department_update ON credit_gz.repair_application FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY repair_application_department_read ON credit_gz.repair_application IS '政务共享: departments read repair applications.';
COMMENT ON POLICY repair_application_department_insert ON credit_gz.repair_application IS
    '一网通办: any department''s counter registers an application (the handling department is set from the record).';
COMMENT ON POLICY repair_application_department_update ON credit_gz.repair_application IS
    '谁认定、谁修复: only the handling department accepts, refuses, approves or rejects.';
ALTER TABLE credit_gz.objection ENABLE ROW LEVEL SECURITY;
CREATE POLICY objection_department_read ON credit_gz.objection FOR SELECT
    USING (credit_gz.my_departments() <> '{}');
CREATE POLICY objection_department_insert ON credit_gz.objection FOR INSERT
    WITH CHECK (credit_gz.my_departments() <> '{}');
CREATE POLICY objection_department_update ON credit_gz.objection FOR UPDATE
    USING (department_code = ANY (credit_gz.my_departments()))
    WITH CHECK (department_code = ANY (credit_gz.my_departments()));
COMMENT ON POLICY objection_department_read ON credit_gz.objection IS '政务共享: departments read objections.';
COMMENT ON POLICY objection_department_insert ON credit_gz.objection IS
    'Any department''s counter registers an objection; the record is marked under objection at once.';
COMMENT ON POLICY objection_department_update ON credit_gz.objection IS
    '谁认定谁负责: only the providing department resolves an objection against its record.';

-- Pre-checks: departments only (grant_department grants EXECUTE; see credit_gz.role_privilege).
REVOKE EXECUTE ON FUNCTION credit_gz.precheck(bigint, text, text, text), credit_gz.precheck(text, text, text, text),
       credit_gz.is_restricted(bigint, text, text), credit_gz.is_restricted(text, text, text) FROM PUBLIC;

CREATE VIEW credit_gz.disclosed_list_entry WITH (security_barrier = true) AS
SELECT a.audience, e.entry_id, e.subject_id, e.list_type_code, t.name_zh AS list_name, t.polarity,
       e.department_code, e.basis_document, e.effective_from, e.effective_until, e.status,
       e.derived_from_entry_id IS NOT NULL AS derived, l.level
  FROM credit_gz.list_entry e
  JOIN credit_gz.list_type t ON t.code = e.list_type_code
  LEFT JOIN credit_gz.list_disclosure ld ON ld.list_type_code = e.list_type_code
 CROSS JOIN LATERAL (SELECT CASE WHEN e.status = 'revoked' THEN NULL
                                 WHEN e.status <> 'active' THEN 'archived'
                                 ELSE coalesce(ld.disclosure, 'government') END AS level) l
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience
 WHERE l.level IS NOT NULL
   AND (EXISTS (SELECT 1 FROM credit_gz.disclosure_rule d
                 WHERE d.audience = a.audience AND d.level = l.level
                   AND credit_gz.in_force(d.effective_from, d.effective_until, credit_gz.policy_date()))
        OR (a.audience = 'government' AND e.department_code = ANY ((SELECT credit_gz.my_departments())::text[])))
   AND (NOT au.needs_authorization OR credit_gz.is_credit_admin()
        OR EXISTS (SELECT 1 FROM pg_catalog.unnest((SELECT credit_gz.my_institutions())) AS mi(id)
                    WHERE credit_gz.authorization_is_live(e.subject_id, mi.id)));
COMMENT ON VIEW credit_gz.disclosed_list_entry IS
    '可见名单信息 / list entries as each audience the current role may read as sees them (credit_gz.list_disclosure '
    'for entries in force; entries no longer in force are archived).';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.entry_id IS '列入编号 / entry id';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.list_name IS '名单名称 / list name';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.polarity IS '惩戒/激励/关注 / punishment, reward or attention';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.basis_document IS '认定文书 / basis document';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.effective_from IS '列入日期 / first day in force';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.effective_until IS '列入期限届满后首日 / first day no longer in force';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.status IS '状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.derived IS '关联推送产生 / derived along a relation';
COMMENT ON COLUMN credit_gz.disclosed_list_entry.level IS '披露等级 / disclosure level';

CREATE VIEW credit_gz.public_list_entry WITH (security_barrier = true) AS
SELECT d.entry_id, d.subject_id, s.name AS subject_name, s.identity_code, d.list_type_code, d.list_name, d.polarity,
       d.department_code, d.basis_document, d.effective_from, d.effective_until, d.status, d.derived
  FROM credit_gz.disclosed_list_entry d
  JOIN credit_gz.disclosed_subject s ON s.subject_id = d.subject_id AND s.audience = 'public'
 WHERE d.audience = 'public' AND d.level = 'public';
COMMENT ON VIEW credit_gz.public_list_entry IS
    '名单公示 / list entries in force that are published (失信联合惩戒对象, 经营异常, 红名单); identity numbers masked.';
COMMENT ON COLUMN credit_gz.public_list_entry.entry_id IS '列入编号 / entry id';
COMMENT ON COLUMN credit_gz.public_list_entry.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.public_list_entry.subject_name IS '主体名称 / subject name';
COMMENT ON COLUMN credit_gz.public_list_entry.identity_code IS '统一社会信用代码或脱敏身份证号 / unified code, or masked identity number';
COMMENT ON COLUMN credit_gz.public_list_entry.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.public_list_entry.list_name IS '名单名称 / list name';
COMMENT ON COLUMN credit_gz.public_list_entry.polarity IS '惩戒/激励/关注 / punishment, reward or attention';
COMMENT ON COLUMN credit_gz.public_list_entry.department_code IS '认定部门 / determining department';
COMMENT ON COLUMN credit_gz.public_list_entry.basis_document IS '认定文书 / basis document';
COMMENT ON COLUMN credit_gz.public_list_entry.effective_from IS '列入日期 / first day in force';
COMMENT ON COLUMN credit_gz.public_list_entry.effective_until IS '列入期限届满后首日 / first day no longer in force';
COMMENT ON COLUMN credit_gz.public_list_entry.status IS '状态 / status';
COMMENT ON COLUMN credit_gz.public_list_entry.derived IS '关联推送产生 / derived along a relation';

-- ---------------------------------------------------------------------------------------------------------------
-- Repairs and objections (二(四)) in reports: the subject itself and government see them
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.disclosed_repair WITH (security_barrier = true) AS
SELECT a.audience, x.subject_id, x.kind, x.id, x.record_id, x.entry_id, x.department_code, x.status, x.outcome,
       x.submitted_at, x.decided_at
  FROM (SELECT r.subject_id, 'repair'::text AS kind, r.application_id AS id, r.record_id, r.entry_id,
               r.department_code, r.status, NULL::text AS outcome, r.submitted_at, r.decided_at
          FROM credit_gz.repair_application r
        UNION ALL
        SELECT o.subject_id, 'objection', o.objection_id, o.record_id, NULL, o.department_code, o.status, o.outcome,
               o.submitted_at, o.resolved_at
          FROM credit_gz.objection o) x
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience AND au.sees_repairs;
COMMENT ON VIEW credit_gz.disclosed_repair IS
    '可见信用修复与异议 / repair applications and objections, for the audiences that may see them (the subject itself, '
    'government).';
COMMENT ON COLUMN credit_gz.disclosed_repair.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_repair.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_repair.kind IS '类别 / repair (信用修复) or objection (异议)';
COMMENT ON COLUMN credit_gz.disclosed_repair.id IS '申请编号 / application or objection id';
COMMENT ON COLUMN credit_gz.disclosed_repair.record_id IS '信用记录 / record concerned';
COMMENT ON COLUMN credit_gz.disclosed_repair.entry_id IS '名单记录 / list entry concerned';
COMMENT ON COLUMN credit_gz.disclosed_repair.department_code IS '办理部门 / handling department';
COMMENT ON COLUMN credit_gz.disclosed_repair.status IS '状态 / status';
COMMENT ON COLUMN credit_gz.disclosed_repair.outcome IS '异议结果 / objection outcome (corrected, revoked, upheld)';
COMMENT ON COLUMN credit_gz.disclosed_repair.submitted_at IS '提交时间 / submitted at';
COMMENT ON COLUMN credit_gz.disclosed_repair.decided_at IS '办结时间 / decided or resolved at';

-- ---------------------------------------------------------------------------------------------------------------
-- Grades (分级分类监管) in reports and labels: audiences with sees_grades (government, self, financial institutions)
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.disclosed_grade WITH (security_barrier = true) AS
SELECT a.audience, ss.subject_id, ss.model_code, m.name_zh AS model_name, m.kind AS model_kind, m.domain_code,
       ss.score, ss.grade::text AS grade, credit_gz.credit_grade_label(ss.grade) AS grade_label, ss.updated_at,
       (SELECT coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                    'changed_at', h.changed_at, 'old_grade', h.old_grade::text, 'new_grade', h.new_grade::text,
                    'cause', h.cause) ORDER BY h.changed_at DESC), '[]')
          FROM (SELECT * FROM credit_gz.grade_history gh
                 WHERE gh.subject_id = ss.subject_id AND gh.model_code = ss.model_code
                 ORDER BY gh.changed_at DESC, gh.history_id DESC LIMIT 5) h) AS history
  FROM credit_gz.subject_score ss
  JOIN credit_gz.scoring_model m ON m.code = ss.model_code AND m.is_active
 CROSS JOIN pg_catalog.unnest((SELECT credit_gz.my_audiences())) AS a(audience)
  JOIN credit_gz.audience au ON au.code = a.audience AND au.sees_grades
 WHERE NOT au.needs_authorization OR credit_gz.is_credit_admin()
    OR EXISTS (SELECT 1 FROM pg_catalog.unnest((SELECT credit_gz.my_institutions())) AS mi(id)
                WHERE credit_gz.authorization_is_live(ss.subject_id, mi.id));
COMMENT ON VIEW credit_gz.disclosed_grade IS
    '可见信用等级 / credit grades and scores per model with the last five grade changes, for the audiences that may see '
    'grades (government, the subject itself, financial institutions under authorisation).';
COMMENT ON COLUMN credit_gz.disclosed_grade.audience IS '披露对象 / audience';
COMMENT ON COLUMN credit_gz.disclosed_grade.subject_id IS '主体编号 / subject id';
COMMENT ON COLUMN credit_gz.disclosed_grade.model_code IS '评价模型 / scoring model';
COMMENT ON COLUMN credit_gz.disclosed_grade.model_name IS '模型名称 / model name';
COMMENT ON COLUMN credit_gz.disclosed_grade.model_kind IS '模型类别 / domain, comprehensive or risk';
COMMENT ON COLUMN credit_gz.disclosed_grade.domain_code IS '评价领域 / evaluated domain';
COMMENT ON COLUMN credit_gz.disclosed_grade.score IS '分值 / score';
COMMENT ON COLUMN credit_gz.disclosed_grade.grade IS '等级 / grade';
COMMENT ON COLUMN credit_gz.disclosed_grade.grade_label IS '等级说明 / grade label';
COMMENT ON COLUMN credit_gz.disclosed_grade.updated_at IS '更新时间 / last change';
COMMENT ON COLUMN credit_gz.disclosed_grade.history IS '最近等级变动 / last five grade changes';

-- ====================================================================
-- src/monitoring.sql
-- ====================================================================
-- 信用状况监测 / monitoring for BI tools (九: 开展市辖区、重点部门和重点行业领域信用状况监测, 定期通报; 十一 政务诚信;
-- 十五 归集质量). Views named credit_gz.monitor_*, readable by roles granted with credit_gz.grant_analyst. Most views
-- carry the same three leading columns so a BI tool can pivot any of them by district (区, from the code through
-- uscc_district), department (部门) or domain (领域):
--   dimension  'district' | 'department' | 'domain' | 'list_type' | 'city'
--   key        the district name, department code, domain code, …
--   label      what to show: the district name, department name, domain name
-- The views run with their owner's rights (analysts need no table privileges) and show aggregates only.

-- ---------------------------------------------------------------------------------------------------------------
-- Records collected this period vs the same period last year (十五: 较同期提升20%以上)
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW credit_gz.monitor_collection AS
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
CREATE VIEW credit_gz.monitor_list_entries AS
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
CREATE VIEW credit_gz.monitor_precheck_feedback AS
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

CREATE VIEW credit_gz.monitor_data_quality AS
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
CREATE VIEW credit_gz.monitor_government_dishonesty AS
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
CREATE VIEW credit_gz.monitor_government_dishonesty_case AS
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
CREATE VIEW credit_gz.monitor_dishonesty_cases AS
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
CREATE VIEW credit_gz.monitor_repairs AS
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

CREATE VIEW credit_gz.monitor_objections AS
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
CREATE VIEW credit_gz.monitor_grade_distribution AS
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

CREATE VIEW credit_gz.monitor_graded_supervision AS
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
