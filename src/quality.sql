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
    IF source IS NULL OR code_column IS NULL THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('code quality needs a table and its code column'),
              ERRCODE = '22023',
                  DETAIL = credit_gz.msg('source is %s, code_column is %s.',
                                             coalesce(source::text, 'NULL'), coalesce(code_column::text, 'NULL')),
                  HINT = credit_gz.msg('Call code_quality_issues(''staging.enterprises'', ''code'', ''name'').');
    END IF;
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
               meets_target boolean, unverified bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    total bigint;
BEGIN
    -- the issues first: code_quality_issues checks the arguments (22023) before any statement is built from them
    -- unverified: erroneous codes kept with a trailing ! (check characters wrong; in credit_gz.subject, the codes
    -- stored by a role allowed to keep them, credit_gz.grant_unverified_codes)
    SELECT count(*) FILTER (WHERE i.problem = 'erroneous'), count(*) FILTER (WHERE i.problem = 'duplicate'),
           count(*) FILTER (WHERE i.problem = 'erroneous' AND i.code LIKE '%!')
      INTO erroneous, duplicate, unverified
      FROM credit_gz.code_quality_issues(source, code_column, name_column) i;
    EXECUTE pg_catalog.format('SELECT count(DISTINCT btrim(%1$I::text)) FROM %2$s WHERE %1$I IS NOT NULL AND btrim(%1$I::text) <> %3$L',
                              code_column, source, '')
       INTO total;
    distinct_codes := total;
    error_rate := CASE WHEN total > 0 THEN round((erroneous + duplicate)::numeric / total, 8) END;
    target_rate := credit_gz.policy_target_value('code_error_rate');
    meets_target := error_rate <= target_rate;
    RETURN NEXT;
END
$$;
COMMENT ON FUNCTION credit_gz.code_quality(regclass, name, name) IS
    '重错码率 / distinct codes, erroneous and duplicate codes, their rate ((erroneous + duplicate) / distinct codes) and '
    'whether it meets the target in credit_gz.policy_target (code_error_rate, 0.005% per (十五)); unverified: the '
    'erroneous codes kept with a trailing ! (wrong check characters; counted in erroneous too). '
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
    'beyond the record''s own columns; they are keys of credit_gz.record.details, kept as the department sent them. '
    'Subject name and code, legal representative (organisations), document number, decision date, deciding department '
    'and, for penalties, 处罚类别 (record.penalty_category) and end of publicity (publish_until) are checked from the '
    'columns; the unified codes of 处罚机关/许可机关 and 数据来源单位 are columns too (deciding_body_uscc, source_body_uscc).';
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
    ('penalty', 'content', '处罚内容', true, true),
    ('penalty', 'fine_amount', '罚款金额(万元)', false, true),
    ('penalty', 'confiscated_amount', '没收违法所得、没收非法财物的金额(万元)', false, true),
    ('penalty', 'licence_revoked', '暂扣或吊销证照名称及编号', false, true),
    -- kept as sent; the check reads the record's columns for them (deciding department, publish_until)
    ('licence', 'deciding_body', '许可机关', false, true),
    ('licence', 'source_body', '数据来源单位', false, true),
    ('licence', 'licence_status', '当前状态', false, true),
    ('licence', 'remarks', '备注', false, true),
    ('penalty', 'penalty_valid_to', '处罚有效期', false, true),
    ('penalty', 'publicity_deadline', '公示截止期', false, true),
    ('penalty', 'deciding_body', '处罚机关', false, true),
    ('penalty', 'source_body', '数据来源单位', false, true),
    ('penalty', 'remarks', '备注', false, true);
SELECT pg_catalog.pg_extension_config_dump('credit_gz.double_publicity_field', 'WHERE NOT shipped');

-- double_publicity_issues: the 双公示 records (items with info_item.double_publicity) decided in [from_date, to_date]
-- with the fields they lack. An organisation's record needs a legal representative valid on the decision date; a
-- penalty its 处罚类别 (credit_gz.record_penalty_category: the column, or the details of a record loaded without it).
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
               CASE WHEN i.double_publicity = 'penalty'
                         AND credit_gz.record_penalty_category(r.penalty_category, r.details) IS NULL
                    THEN 'penalty_category' END,
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
            MESSAGE = credit_gz.msg('collection period "%s" is not supported', granularity),
            DETAIL = credit_gz.msg('Growth is measured against the same period of the previous year.'),
            HINT = credit_gz.msg('Use month, quarter or year.');
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

CREATE VIEW credit_gz.collection_by_department WITH (security_barrier = true) AS
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
