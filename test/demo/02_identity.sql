\echo ''
\echo '== 2. Identity codes: 统一社会信用代码 (GB 32100) and 公民身份号码 (GB 11643)'
\echo '-- full-width input, lower case and blanks are folded; the district comes from positions 3-8'
WITH sample(c) AS (
    SELECT ' ' || lower(demo.uscc('91', '440106', 7)::text) || ' '                        -- blanks, lower case
    UNION ALL SELECT translate(demo.uscc('92', '440102', 8)::text, '0123456789ABCDEFGHJKLMNPQRTUWXY',
                               '０１２３４５６７８９ＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＴＵＷＸＹ')         -- full-width forms
    UNION ALL SELECT demo.uscc('11', '440116', 9)::text                                   -- 机关, old 萝岗区 code
    UNION ALL SELECT demo.uscc('52', '440183', 10)::text)                                 -- 民办非企业, old 增城市 code
SELECT c AS input, c::credit_gz.uscc AS code, credit_gz.uscc_authority_name(c::credit_gz.uscc) AS authority,
       credit_gz.uscc_category_name(c::credit_gz.uscc) AS category, credit_gz.uscc_district(c::credit_gz.uscc) AS district
  FROM sample;
\echo '-- what is wrong with a code, for import error reports (uscc_explain)'
SELECT c AS input, credit_gz.uscc_explain(c) AS reason
  FROM unnest(ARRAY['91110000600037341N', '9111000060003IOZSV', '91350211M00013FA1N', '91110000600037341L']) AS c;
\echo '-- citizen identity numbers: birth date, sex, and the mask used for anything disclosed to the public'
SELECT r AS input, credit_gz.resident_id_birth_date(r::credit_gz.resident_id) AS birth_date,
       credit_gz.resident_id_sex(r::credit_gz.resident_id) AS sex,
       credit_gz.resident_id_mask(r::credit_gz.resident_id) AS masked
  FROM unnest(ARRAY['44011320141005001X', '360426199101010071', '110102910101007']) AS r;
\echo '-- credit grades order best to worst, so min() is the worst grade'
SELECT string_agg(g::text, ' > ' ORDER BY g DESC) AS order_best_to_worst, credit_gz.min(g) AS worst
  FROM unnest('{A,B,M,C,D}'::credit_gz.credit_grade[]) AS g;
