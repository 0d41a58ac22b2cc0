-- credit_gz.uscc: 统一社会信用代码 (GB 32100-2015): exact I/O, every error message, weak mode, ordering.
SET search_path = credit_gz, public;
\set VERBOSITY default

-- valid codes, normalised: white space (ASCII and U+3000), lower case, full-width forms
SELECT '91110000600037341L'::uscc AS plain,
       E' \t91620105l015101280\n'::uscc AS trimmed_lower,
       '９１１１００００６０００３７３４１Ｌ'::uscc AS fullwidth,
       '　９１６２０１０５ｌ０１５１０１２８０　'::uscc AS fullwidth_lower_ideographic_space;
SELECT '121200004013590816'::uscc, 'Y1440101MA59AAAAX5!'::uscc IS NOT NULL AS y_authority_structure_ok;

-- every rule, one error each
SELECT ''::uscc;
SELECT '   '::uscc;
SELECT '12345'::uscc;
SELECT '91110000600037341LL'::uscc;
SELECT '9111000060003IOZSV'::uscc;
SELECT '91110000600037341é'::uscc;
SELECT '9111000060003734!L'::uscc;
SELECT '91110000600037341L!!'::uscc;
SELECT 'B1110000600037341L'::uscc;
SELECT '94110000600037341L'::uscc;
SELECT 'Y2110000600037341L'::uscc;
SELECT '9111A000600037341L'::uscc;
SELECT '91110000600037341N'::uscc;
SELECT '91350211M00013FA1N'::uscc;
SELECT '91110000600037342L'::uscc;
SELECT '91110000600037342N'::uscc;

-- '!' declares a flagged value: accepted in any mode, printed back; on a right code it is dropped
SELECT '91350211M00013FA1N!'::uscc AS flagged, '91350211M00013FA1N！'::uscc AS fullwidth_bang,
       '91110000600037341L!'::uscc AS verified_bang;
SELECT '91350211M00013FA1N!'::uscc::text::uscc::text AS round_trip;

-- weak mode: codes whose only defect is a check character are accepted and flagged; structure still enforced
SET credit_gz.uscc_weak = on;
SELECT '91350211M00013FA1N'::uscc AS weak, '91110000600037342N'::uscc AS weak_both;
SELECT uscc_is_verified('91350211M00013FA1N'), uscc_correct('91350211M00013FA1N'),
       uscc_correct('91110000600037342N'), uscc_is_verified(uscc_correct('91350211M00013FA1N'));
SELECT '9111000060003IOZSV'::uscc;
SELECT 'B1110000600037341L'::uscc;
SELECT uscc_is_valid('91350211M00013FA1N') AS is_valid_ignores_weak_mode;
RESET credit_gz.uscc_weak;
SELECT '91350211M00013FA1N'::uscc;

-- uscc_is_valid never raises; uscc_explain is NULL when valid
SELECT t, uscc_is_valid(t), uscc_explain(t)
  FROM unnest(ARRAY['91110000600037341L', ' 91110000600037341l ', '91110000600037341N', '91350211M00013FA1N!',
                    '91110000600037341L!', '9111000060003IOZSV', 'A1110000600037341L', '12345', '', 'x',
                    '91440101MA59C3PQ0X']) AS t;
SELECT uscc_is_valid(NULL), uscc_explain(NULL);

-- parts
SELECT c, uscc_authority(c), uscc_authority_name(c), uscc_category(c), uscc_category_name(c),
       uscc_region(c), uscc_org_code(c), uscc_is_verified(c)
  FROM unnest(ARRAY['91110000600037341L', '121200004013590816', '92340603MA2PBQ16XJ',
                    '91350211M00013FA1N!']::uscc[]) AS c;

-- authorities A, N, Y (python-stdnum wrongly rejects them) and every category pair; uscc_correct of a flagged
-- value fills in both check characters, so any 16 structurally valid characters make a code
SELECT c, uscc_authority_name(c), uscc_category_name(c), uscc_is_verified(c)
  FROM (SELECT uscc_correct((p || '440106MA59C3PQ00!')::uscc) AS c
          FROM unnest(ARRAY['11','12','13','19','21','29','31','32','33','34','35','39','41','49','51','52','53','59',
                            '61','62','69','71','72','79','81','89','91','92','93','A1','A9','N1','N2','N3','N9',
                            'Y1']) AS p) s;

-- uscc_make: 17 characters in, check character appended; the organisation-code digit must be right
SELECT uscc_make('91620105L01510128'), uscc_make(' 9162010555628132x '), uscc_make('91110000600037341');
SELECT uscc_make('91110000600037341L');
SELECT uscc_make('91110000600037342');
SELECT uscc_make('9I110000600037341');
SELECT uscc_make('91110000600037341!');

-- the Σ mod 31 = 0 edge case: check character '0'
SELECT uscc_make('91620105L01510128') = '91620105L015101280' AS sum_mod_31_zero;

-- districts of Guangzhou, abolished codes mapped to successors; NULL outside Guangzhou
SELECT r, uscc_district(uscc_correct(('91' || r || 'MA59C3PQ00!')::uscc))
  FROM unnest(ARRAY['440103','440104','440106','440102','440107','440116','440183','440184','440100',
                    '440300','110000']) AS r;

-- comparison operators
SELECT a, b, a = b AS eq, a <> b AS ne, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge
  FROM (VALUES ('91110000600037341L'::uscc, '91110000600037341L'::uscc),
               ('91110000600037341L', '91620105L015101280'),
               ('A1440106MA59C3PQ0T!', '91620105L015101280'),
               ('91350211M00013FA1N!', '91350211M00013FA13')) AS v(a, b);

-- casts, assignment from text
CREATE TABLE uscc_regress (id int, code uscc);
INSERT INTO uscc_regress VALUES (1, '91620105L015101280'), (2, ' 91110000600037341l');
INSERT INTO uscc_regress SELECT 3, '121200004013590816'::text;
INSERT INTO uscc_regress SELECT 4, '91350211M00013FA1N!'::text;
INSERT INTO uscc_regress VALUES (5, '9111000060003IOZSV');
SELECT id, code, code::text, credit_gz.uscc(' 91620105l015101280 '), pg_column_size(code)
  FROM uscc_regress ORDER BY id;

-- order = text order of the canonical codes (digits before letters), in sorts and in a btree index
INSERT INTO uscc_regress
SELECT 10 + i, uscc_correct((c || '00!')::uscc)
  FROM unnest(ARRAY['9144010100000000', '91440101MA59AAAA', '91440101MA59AAAB', '91440101MA59AAA1',
                    '91440101YYYYYYYY', 'Y1440101MA59AAAA', 'N1440101MA59AAAA', 'A1440101MA59AAAA',
                    '11440101MA59AAAA', '19440101MA59AAAA']) WITH ORDINALITY AS t(c, i);
SELECT array_agg(code ORDER BY code) = array_agg(code ORDER BY code::text COLLATE "C") AS sort_matches_text,
       array_agg(code::text ORDER BY code DESC) AS descending
  FROM uscc_regress;
CREATE INDEX uscc_regress_code ON uscc_regress (code);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT code FROM uscc_regress WHERE code > '91440101MA59AAA1XN!' ORDER BY code;
SELECT code FROM uscc_regress WHERE code > '91440101MA59AAA1XN!' AND code < 'N1440101000000000X!' ORDER BY code;
SELECT count(*) FROM uscc_regress WHERE code = '91620105L015101280';
RESET enable_seqscan;
SELECT uscc_hash('91110000600037341L') = uscc_hash(' 91110000600037341l') AS hash_equal,
       uscc_hash_extended('91110000600037341L', 7) = uscc_hash_extended('91110000600037341l', 7) AS ext_equal,
       uscc_hash_extended('91110000600037341L', 0) <> uscc_hash_extended('91110000600037341L', 1) AS seeded;
SELECT DISTINCT code FROM uscc_regress WHERE id < 5 ORDER BY 1;
DROP TABLE uscc_regress;
