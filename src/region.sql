-- Administrative regions (GB/T 2260) and Guangzhou's districts.
-- The codes a unified social credit code carries in positions 3–8 are those in force when it was issued, so old
-- codes (东山区, 芳村区, 萝岗区, 增城市, 从化市 …) stay in real data for decades; reports need today's district.

CREATE TABLE credit_gz.region (
    code            char(6)  NOT NULL CHECK (code ~ '^[0-9]{6}$'),
    name            text     NOT NULL,
    level           text     NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
    valid_from_year smallint,
    valid_to_year   smallint,
    shipped         boolean  NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX region_code_from_idx ON credit_gz.region (code, name, coalesce(valid_from_year, 0));
COMMENT ON TABLE credit_gz.region IS
    '行政区划代码 GB/T 2260: every code with the name it carried and the years it was valid (NULL: open). '
    'Administrative division codes, shipped from src/data/gbt2260-regions.dat.';
COMMENT ON COLUMN credit_gz.region.code IS '区划代码 / six-digit division code';
COMMENT ON COLUMN credit_gz.region.name IS '名称 / name during the validity period';
COMMENT ON COLUMN credit_gz.region.level IS '级别 / province, prefecture or county level';
COMMENT ON COLUMN credit_gz.region.valid_from_year IS '启用年份 / first year in force (NULL: before records began)';
COMMENT ON COLUMN credit_gz.region.valid_to_year IS '停用年份 / last year in force (NULL: still in force)';
COMMENT ON COLUMN credit_gz.region.shipped IS
    '随扩展安装 / row installed by CREATE EXTENSION (not dumped: the extension recreates it); locally added rows: false';

--@include src/region_data.sql
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
                    WHERE r.code = cur::char(6) AND r.valid_to_year IS NULL
                    ORDER BY r.valid_from_year DESC NULLS LAST LIMIT 1)
           END
      FROM credit_gz.region_current_code($1) AS cur
$$;
COMMENT ON FUNCTION credit_gz.region_district(text) IS
    '广州市辖区: the current Guangzhou district name for a GB/T 2260 code, abolished codes mapped to their successors; '
    '''市本级'' for city-level codes 440100/440101; NULL outside Guangzhou.';
