\echo '== credit_gz demo: installing the extension'
CREATE EXTENSION credit_gz;
\echo '== Guangzhou districts from GB/T 2260 codes (old codes map to today''s district)'
SELECT c AS region_code, credit_gz.region_district(c) AS district
  FROM unnest(ARRAY['440106', '440102', '440116', '440183', '440101', '110101']) AS c;
