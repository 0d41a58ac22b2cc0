-- Generator helpers for the synthetic Guangzhou (schema demo, dropped at the end of the demo). Set-based: each
-- helper is a pure SQL function over a sequence number, so the data parts below are single INSERT … SELECTs.
\echo ''
\echo '== 1. Synthetic Guangzhou: generator helpers (schema demo)'
CREATE SCHEMA demo;

-- Base-31 digits over the USCC alphabet (no I O Z S V), so generated organisation codes stay inside it.
CREATE FUNCTION demo.b31(n bigint, width int) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT string_agg(substr('0123456789ABCDEFGHJKLMNPQRTUWXY', ((n / (31::bigint ^ k)::bigint) % 31)::int + 1, 1), ''
                      ORDER BY k DESC)
      FROM generate_series(0, width - 1) AS k
$$;

-- GB 11714 organisation code: 8 characters and their check digit (weights 3,7,9,10,5,8,4,2; 10 → X, 11 → 0).
CREATE FUNCTION demo.org_code(body text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s
$$;

-- A unified social credit code: authority+category, division code, organisation code 'MA' + 6 base-31 digits.
CREATE FUNCTION demo.uscc(kind text, region text, n bigint) RETURNS credit_gz.uscc
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT credit_gz.uscc_make(kind || region || demo.org_code('MA' || demo.b31(n, 6)))
$$;

-- A citizen identity number: region, birth date, sequence, ISO 7064 MOD 11-2 check character.
CREATE FUNCTION demo.resident_id(region text, birth date, seq int) RETURNS credit_gz.resident_id
LANGUAGE sql IMMUTABLE STRICT AS $$
    WITH b AS (SELECT region || to_char(birth, 'YYYYMMDD') || lpad(seq::text, 3, '0') AS body)
    SELECT (body || substr('10X98765432', (sum((ascii(ch) - 48) * w) % 11)::int + 1, 1))::credit_gz.resident_id
      FROM b, unnest(regexp_split_to_array(body, ''), ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]) AS t(ch, w)
     GROUP BY body
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

SELECT demo.uscc('91', '440106', 1) AS sample_enterprise_code, credit_gz.uscc_is_verified(demo.uscc('91', '440106', 1)) AS verified,
       demo.resident_id('440113', '1988-03-14', 27) AS sample_resident_id;
