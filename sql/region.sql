-- GB/T 2260 regions and Guangzhou districts
SELECT count(*) > 6000 AS loaded, count(DISTINCT code) > 3000 AS codes FROM credit_gz.region;
SELECT code, name, valid_from_year, valid_until_year FROM credit_gz.region WHERE code LIKE '4401%' ORDER BY code, valid_from_year;
SELECT c, credit_gz.region_current_code(c) AS current, credit_gz.region_district(c) AS district
  FROM unnest(ARRAY['440102','440103','440104','440105','440106','440107','440111','440112','440113','440114',
                    '440115','440116','440117','440118','440183','440184','440181','440182','440121','440126',
                    '440100','440101','440123','110101','440300']) AS c;
SELECT credit_gz.region_district(NULL);
