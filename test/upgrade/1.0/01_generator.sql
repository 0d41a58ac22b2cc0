-- Frozen with release 1.0: a copy of test/demo/01_generator.sql as of the freeze, scaled by :scale (psql -v
-- scale=..., 1 being the demo's size); displays that only read dropped. It fills a database created at version 1.0
-- for the upgrade test, so it stays as 1.0 could run it; test/demo/ moves on with later versions.
-- Generator helpers for the synthetic Guangzhou (schema demo, dropped at the end of the demo). Set-based: each
-- helper is a pure SQL function over a sequence number, so the data parts below are single INSERT … SELECTs.
\echo ''
\echo '== 1. Synthetic Guangzhou: generator helpers (schema demo)'
CREATE SCHEMA demo;

-- A unified social credit code from a sequence number: authority+category, division code, and an organisation code
-- 'MA' + six base-31 digits (inside the code alphabet: no I O Z S V) with its GB 11714 check digit (weights
-- 3,7,9,10,5,8,4,2 over values 0-9, A=10 … Z=35; 10 → X, 11 → 0); credit_gz.uscc_make appends the mod-31 check
-- character. One arithmetic expression, so the planner inlines it into the generating INSERT.
CREATE FUNCTION demo.uscc(kind text, region text, n bigint) RETURNS credit_gz.uscc
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT credit_gz.uscc_make(kind || region || 'MA'
        || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (n / 28629151 % 31)::int + 1, 1)
        || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (n / 923521 % 31)::int + 1, 1)
        || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (n / 29791 % 31)::int + 1, 1)
        || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (n / 961 % 31)::int + 1, 1)
        || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (n / 31 % 31)::int + 1, 1)
        || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (n % 31)::int + 1, 1)
        || substr('0123456789X0', 11 - (22 * 3 + 10 * 7
                   + ('{0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,19,20,21,22,23,25,26,27,29,30,32,33,34}'::int[])[(n / 28629151 % 31)::int + 1] * 9
                   + ('{0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,19,20,21,22,23,25,26,27,29,30,32,33,34}'::int[])[(n / 923521 % 31)::int + 1] * 10
                   + ('{0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,19,20,21,22,23,25,26,27,29,30,32,33,34}'::int[])[(n / 29791 % 31)::int + 1] * 5
                   + ('{0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,19,20,21,22,23,25,26,27,29,30,32,33,34}'::int[])[(n / 961 % 31)::int + 1] * 8
                   + ('{0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,19,20,21,22,23,25,26,27,29,30,32,33,34}'::int[])[(n / 31 % 31)::int + 1] * 4
                   + ('{0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,19,20,21,22,23,25,26,27,29,30,32,33,34}'::int[])[(n % 31)::int + 1] * 2
                  ) % 11 + 1, 1))
$$;

-- A citizen identity number: region, birth date, sequence; credit_gz.resident_id_make appends the check character.
CREATE FUNCTION demo.resident_id(region text, birth date, seq int) RETURNS credit_gz.resident_id
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT credit_gz.resident_id_make(region || to_char(birth, 'YYYYMMDD') || lpad(seq::text, 3, '0'))
$$;

-- The 11 districts of today, weighted roughly by their number of market subjects, and the old codes still found
-- inside codes issued before the mergers (东山 440102, 芳村 440107, 萝岗 440116, 增城市 440183, 从化市 440184).
CREATE TABLE demo.district_weight (region text PRIMARY KEY, weight int NOT NULL);
INSERT INTO demo.district_weight VALUES
    ('440103', 6), ('440104', 9), ('440105', 9), ('440106', 18), ('440111', 16), ('440112', 9), ('440113', 11),
    ('440114', 6), ('440115', 5), ('440117', 2), ('440118', 5),
    ('440102', 1), ('440107', 1), ('440116', 1), ('440183', 1), ('440184', 1);
-- n → region by cumulative weight (deterministic).
CREATE TABLE demo.district_slot AS
SELECT region, generate_series(sum(weight) OVER (ORDER BY region) - weight, sum(weight) OVER (ORDER BY region) - 1) AS slot
  FROM demo.district_weight;
CREATE UNIQUE INDEX ON demo.district_slot (slot);

