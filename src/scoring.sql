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
    change_seq    bigint NOT NULL DEFAULT 0,
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
COMMENT ON COLUMN credit_gz.subject_score.change_seq IS
    '变动序号 / number of the last change of this subject under this model, in the order changes took effect (each '
    'writer holds the subject''s lock): the seq of grade_history and score_drop rows';

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
    cause_entry_id bigint,
    seq            bigint NOT NULL
);
CREATE INDEX grade_history_at_idx
    ON credit_gz.grade_history (subject_id, model_code, changed_at DESC, seq DESC) INCLUDE (new_grade);
COMMENT ON INDEX credit_gz.grade_history_at_idx IS
    'grade_at(): the latest change of a subject under a model before a moment, new grade included.';
COMMENT ON TABLE credit_gz.grade_history IS
    '信用等级变动记录 / grade history: one row appended whenever a subject''s grade under a model changes, with the record '
    'or list entry that caused it. grade_at() reads it with one index lookup.';
COMMENT ON COLUMN credit_gz.grade_history.history_id IS
    '行号 / row id, not an order (backends take identity values in blocks); no unique constraint: a restore may '
    'interleave restored rows with rows the triggers append while records are reloaded';
COMMENT ON COLUMN credit_gz.grade_history.seq IS
    '变动序号 / the change''s number for this subject and model (subject_score.change_seq), in the order changes took '
    'effect: breaks ties of changed_at';
COMMENT ON COLUMN credit_gz.grade_history.subject_id IS '主体 / subject';
COMMENT ON COLUMN credit_gz.grade_history.model_code IS '模型 / model';
COMMENT ON COLUMN credit_gz.grade_history.old_grade IS '原等级 / grade before';
COMMENT ON COLUMN credit_gz.grade_history.new_grade IS '新等级 / grade after';
COMMENT ON COLUMN credit_gz.grade_history.old_score IS '原分值 / score before';
COMMENT ON COLUMN credit_gz.grade_history.new_score IS '新分值 / score after';
COMMENT ON COLUMN credit_gz.grade_history.changed_at IS
    '变动时间 / when the change took effect: read once the subject''s lock was granted (clock_timestamp()), so later '
    'than the commit of any change before it';
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
    seq            bigint NOT NULL,
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
COMMENT ON COLUMN credit_gz.score_drop.changed_at IS
    '时间 / when the drop took effect: read once the subject''s lock was granted (clock_timestamp())';
COMMENT ON COLUMN credit_gz.score_drop.seq IS
    '变动序号 / the change''s number for this subject and model (subject_score.change_seq), in the order changes took '
    'effect';
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
AS 'MODULE_PATHNAME', 'credit_gz_scoring_rescore_subject_ordered'
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
    took_effect timestamptz;
    started timestamptz := pg_catalog.clock_timestamp();
    failed_state text;
    failed_message text;
    failed_detail text;
BEGIN
    IF recompute_scores.model_code IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM credit_gz.scoring_model WHERE code = recompute_scores.model_code)
    THEN
        RAISE EXCEPTION USING MESSAGE = credit_gz.msg('scoring model "%s" does not exist', recompute_scores.model_code),
              ERRCODE = '23503', HINT = credit_gz.msg('See credit_gz.scoring_model for the model codes.');
    END IF;
    BEGIN
    -- One recomputation at a time. The table lock makes the triggers of concurrent
    -- record changes wait, so no maintained score is overwritten with a value computed before that change.
    PERFORM pg_catalog.pg_advisory_xact_lock(credit_gz.job_lock_key('recompute_scores'));
    LOCK TABLE credit_gz.subject_score IN SHARE ROW EXCLUSIVE MODE;
    -- History in the order changes took effect: dated once the table lock is granted (not the transaction's start,
    -- which may have queued behind score writers), numbered after each pair's last change.
    took_effect := pg_catalog.clock_timestamp();

    SELECT array_agg(code) INTO models FROM credit_gz.scoring_model
     WHERE is_active AND (recompute_scores.model_code IS NULL OR code = recompute_scores.model_code);
    IF models IS NULL THEN
        n := 0;
    ELSE

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
           coalesce(s.score, m.base_score) AS old_score, coalesce(s.grade, m.no_history_grade) AS old_grade,
           coalesce(s.change_seq, 0) + 1 AS seq
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
           cap_rank = d.cap_rank, decaying = d.decaying, scored_on = recompute_scores.as_of, updated_at = now(),
           change_seq = d.seq
      FROM pg_temp.scoring_diff d
     WHERE s.ctid = d.score_row;
    INSERT INTO credit_gz.subject_score (subject_id, model_code, score, grade, raw_points, contributions, cap_rank,
                                         decaying, scored_on, updated_at, change_seq)
    SELECT subject_id, model_code, score, grade, raw_points, contributions, cap_rank, decaying, recompute_scores.as_of, now(),
           seq
      FROM pg_temp.scoring_diff WHERE score_row IS NULL;
    INSERT INTO credit_gz.grade_history (subject_id, model_code, old_grade, new_grade, old_score, new_score, cause,
                                         changed_at, seq)
    SELECT subject_id, model_code, old_grade, grade, old_score, score, 'recompute', took_effect, seq
      FROM pg_temp.scoring_diff WHERE grade::text <> old_grade::text;
    INSERT INTO credit_gz.score_drop (subject_id, model_code, old_score, new_score, cause, changed_at, seq)
    SELECT subject_id, model_code, old_score, score, 'recompute', took_effect, seq
      FROM pg_temp.scoring_diff WHERE score < old_score;
    DROP TABLE pg_temp.scoring_diff;
    END IF;
    EXCEPTION WHEN OTHERS THEN
        -- the work above is rolled back with this block's subtransaction; the failure is logged in the caller's
        -- transaction, so it stays when that commits (pg_cron's does)
        GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT,
                                failed_detail = PG_EXCEPTION_DETAIL;
    END;
    IF failed_state IS NOT NULL THEN
        PERFORM credit_gz.job_run_record('recompute_scores', as_of, started, NULL, failed_state,
                                         concat_ws(E'\n', failed_message, failed_detail));
        RAISE WARNING USING MESSAGE = credit_gz.msg('recompute_scores failed (SQLSTATE %s): %s', failed_state, failed_message), DETAIL = coalesce(failed_detail, ''),
              HINT = credit_gz.msg('The failure is logged in credit_gz.job_run.');
        RETURN NULL;
    END IF;
    PERFORM credit_gz.job_run_record('recompute_scores', as_of, started,
                                     pg_catalog.jsonb_build_object('as_of', as_of, 'model_code', recompute_scores.model_code,
                                                                   'scores_changed', n));
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
          ORDER BY h.changed_at DESC, h.seq DESC
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

CREATE VIEW credit_gz.warning WITH (security_barrier = true) AS
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
AS 'MODULE_PATHNAME', 'credit_gz_scoring_record_trigger_ordered'
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

-- EXECUTE is what CREATE TRIGGER asks of whoever attaches a function: with it anyone could fire these on a table of
-- their own, with rows they made up, and have the owner's rights write scores. The functions also check their table.
REVOKE ALL ON FUNCTION credit_gz.scoring_record_trigger() FROM PUBLIC;

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
AS 'MODULE_PATHNAME', 'credit_gz_scoring_list_entry_trigger_ordered'
LANGUAGE C
-- Scores are written by the extension owner, not by the department that changed a record: departments get no
-- privilege on subject_score or grade_history, and the rescoring must see every record of the subject (past RLS).
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION credit_gz.scoring_list_entry_trigger() IS
    '名单计分触发器 / AFTER ROW trigger on list_entry: on insert, delete, or an update of subject, list type, dates or '
    'status, rescores the subject under the models the entry matches (an entry counts while active), like the record '
    'trigger and under the same per-subject lock.';

REVOKE ALL ON FUNCTION credit_gz.scoring_list_entry_trigger() FROM PUBLIC;

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

-- pg_dump: local rules and models (not the shipped rows, which CREATE EXTENSION makes), the history and the scores
-- themselves: a restore keeps them as dumped (the scoring triggers leave a restore's rows alone,
-- credit_gz.restoring()), so no restore appends grade_history. scoring_rule_key is rebuilt by its statement
-- triggers, which a restore's local rules fire as any insert does.
SELECT pg_catalog.pg_extension_config_dump('credit_gz.subject_score', '');
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
