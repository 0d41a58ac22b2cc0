-- credit_gz identities: natural persons by another identity document than the citizen identity number (valid,
-- invalid with 22P02, duplicate with 23505 for each type), the lookup tables that keep every subject code unique
-- (written with the subject row, following updates and deletes), lookups by code, a passport holder listed, derived
-- as legal representative and pre-checked end to end, and masking in disclosure.
BEGIN;
SET search_path = credit_gz, public;
SELECT plan(55);

CREATE FUNCTION pg_temp.uscc(n int) RETURNS credit_gz.uscc LANGUAGE sql AS $$
    SELECT credit_gz.uscc_make('91440101' || body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT b AS body, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM (SELECT 'MC' || lpad(n::text, 6, '0') AS b) x,
                   unnest(regexp_split_to_array(x.b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w) GROUP BY b) s
$$;
CREATE FUNCTION pg_temp.rid(n int) RETURNS credit_gz.resident_id LANGUAGE sql AS $$
    WITH b AS (SELECT '440106' || to_char(date '1970-01-01' + n, 'YYYYMMDD') || lpad((n % 900 + 100)::text, 3, '0') AS body)
    SELECT (body || substr('10X98765432', (sum((ascii(ch) - 48) * w) % 11)::int + 1, 1))::credit_gz.resident_id
      FROM b, unnest(regexp_split_to_array(body, ''), ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]) AS t(ch, w)
     GROUP BY body
$$;
CREATE FUNCTION pg_temp.s(nm text) RETURNS bigint LANGUAGE sql AS $$
    SELECT subject_id FROM credit_gz.subject WHERE name = nm
$$;
CREATE FUNCTION pg_temp.person(t text, no text, nm text) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO credit_gz.subject (identity_document_type, identity_document_no, name) VALUES (t, no, nm) RETURNING subject_id
$$;

-- ---- the catalogue -----------------------------------------------------------------------------------------------
SELECT set_eq($$SELECT code FROM identity_document_type$$,
              ARRAY['resident_id', 'permanent_residence', 'hk_macao_permit', 'taiwan_permit', 'passport'],
              'the document types of persons');
SELECT is((SELECT count(*) FROM identity_document_type WHERE btrim(source) = '' OR btrim(name_zh) = ''), 0::bigint,
          'every type names its source');

-- ---- each type: valid (normalised), invalid (22P02 naming the type), duplicate (23505 naming the code) -----------
SELECT ok(pg_temp.person('permanent_residence', '9448 4019 8501 0100 18', 'id永居新') IS NOT NULL,
          '2023 permanent residence card');
SELECT is((SELECT identity_document_no FROM subject WHERE name = 'id永居新'), '944840198501010018', 'stored without spaces');
SELECT ok(pg_temp.person('permanent_residence', 'usa440185010101', 'id永居旧') IS NOT NULL, '2017 permanent residence card');
SELECT is((SELECT identity_document_no FROM subject WHERE name = 'id永居旧'), 'USA440185010101', 'stored upper-cased');
SELECT throws_ok($$SELECT pg_temp.person('permanent_residence', '944840198501010017', 'bad')$$, '22P02',
                 'invalid permanent_residence number: "944840198501010017"', '2023 card: wrong check character');
SELECT throws_ok($$SELECT pg_temp.person('permanent_residence', '944840198501010018', 'dup')$$, '23505',
                 'duplicate key value violates unique constraint "subject_identity_document_key"',
                 'one subject per permanent residence number');

SELECT ok(pg_temp.person('hk_macao_permit', 'H1234567800', 'id港澳') IS NOT NULL, 'Hong Kong permit, older card');
SELECT is((SELECT identity_document_no FROM subject WHERE name = 'id港澳'), 'H12345678', 'the lifelong number is the identity');
SELECT throws_ok($$SELECT pg_temp.person('hk_macao_permit', 'K12345678', 'bad')$$, '22P02',
                 'invalid hk_macao_permit number: "K12345678"', 'only H and M permits');
SELECT throws_ok($$SELECT pg_temp.person('hk_macao_permit', 'H1234567801', 'dup')$$, '23505',
                 'duplicate key value violates unique constraint "subject_identity_document_key"',
                 'a renewed card is the same holder');

SELECT ok(pg_temp.person('taiwan_permit', '0123456702(B)', 'id台胞') IS NOT NULL, 'Taiwan permit, 1992 form');
SELECT is((SELECT identity_document_no FROM subject WHERE name = 'id台胞'), '01234567', 'the lifelong number is the identity');
SELECT throws_ok($$SELECT pg_temp.person('taiwan_permit', '0123456', 'bad')$$, '22P02',
                 'invalid taiwan_permit number: "0123456"', 'seven digits are no permit number');
SELECT throws_ok($$SELECT pg_temp.person('taiwan_permit', '01234567', 'dup')$$, '23505',
                 'duplicate key value violates unique constraint "subject_identity_document_key"',
                 'one subject per Taiwan permit');

SELECT ok(pg_temp.person('passport', 'gbr/123456789', 'id护照') IS NOT NULL, 'passport');
SELECT is((SELECT identity_document_no FROM subject WHERE name = 'id护照'), 'GBR/123456789', 'stored with its issuing state');
SELECT ok(pg_temp.person('passport', 'USA/123456789', 'id护照美') IS NOT NULL,
          'the same number from another issuing state is another person');
SELECT throws_ok($$SELECT pg_temp.person('passport', '123456789', 'bad')$$, '22P02',
                 'invalid passport number: "123456789"', 'a passport names its issuing state');
SELECT throws_ok($$SELECT pg_temp.person('passport', 'GBR/1234-5678', 'bad')$$, '22P02',
                 'invalid passport number: "GBR/1234-5678"', 'ICAO characters only');
SELECT throws_ok($$SELECT pg_temp.person('passport', 'GBR / 123456789', 'dup')$$, '23505',
                 'duplicate key value violates unique constraint "subject_identity_document_key"',
                 'one subject per passport');

SELECT ok((SELECT subject_id FROM subject WHERE name = 'id护照') IS NOT NULL
          AND (SELECT kind FROM subject WHERE name = 'id护照') = 'natural_person'
          AND (SELECT district FROM subject WHERE name = 'id护照') IS NULL,
          'a document holder is a natural person without a district');
SELECT throws_ok($$SELECT pg_temp.person('no_such_type', 'X', 'bad')$$, '22023',
                 'unknown identity document type "no_such_type"', 'an unknown type is a bad argument');
SELECT throws_ok(format($$SELECT pg_temp.person('resident_id', %L, 'bad')$$, pg_temp.rid(1)), '22023',
                 'identity document type "resident_id" is carried by column resident_id',
                 'the citizen identity number has its own column');
SELECT throws_ok($$INSERT INTO subject (resident_id, name) VALUES ('944840198501010018', 'bad')$$, '22023',
                 '944840198501010018 is a permanent residence number, not a citizen identity number',
                 'a foreigner''s 2023 number is not taken for a citizen''s');
SELECT throws_ok($$INSERT INTO subject (identity_document_type, name) VALUES ('passport', 'half')$$, '23514', NULL,
                 'a type without a number is rejected');
SELECT throws_ok(format($$INSERT INTO subject (resident_id, identity_document_type, identity_document_no, name)
                          VALUES (%L, 'passport', 'GBR/987654321', 'both')$$, pg_temp.rid(2)), '23514', NULL,
                 'a person has one identity');
SELECT throws_ok($$INSERT INTO subject (identity_document_type, identity_document_no, name, kind)
                   VALUES ('passport', 'GBR/987654321', 'org', 'enterprise')$$, '23514', NULL,
                 'a document holder cannot be an organisation');

-- ---- the lookup tables keep every code unique --------------------------------------------------------------------
INSERT INTO subject (uscc, name) VALUES (pg_temp.uscc(1), 'id公司');
INSERT INTO subject (resident_id, name) VALUES (pg_temp.rid(3), 'id居民');
SELECT throws_ok(format($$INSERT INTO subject (uscc, name) VALUES (%L, 'dup')$$, pg_temp.uscc(1)), '23505',
                 'duplicate key value violates unique constraint "subject_uscc_key"', 'one subject per unified code');
SELECT throws_ok(format($$INSERT INTO subject (resident_id, name) VALUES (%L, 'dup')$$, pg_temp.rid(3)), '23505',
                 'duplicate key value violates unique constraint "subject_resident_id_key"',
                 'one subject per citizen identity number');
SELECT throws_ok(format($$INSERT INTO subject (uscc, name) VALUES (%L, 'a'), (%L, 'b')$$, pg_temp.uscc(2), pg_temp.uscc(2)),
                 '23505', 'duplicate key value violates unique constraint "subject_uscc_key"',
                 'a duplicate within one statement fails too');
SELECT is((SELECT count(*) FROM subject s
            WHERE NOT EXISTS (SELECT FROM subject_uscc l WHERE l.uscc = s.uscc AND l.subject_id = s.subject_id)
              AND NOT EXISTS (SELECT FROM subject_resident_id l WHERE l.resident_id = s.resident_id AND l.subject_id = s.subject_id)
              AND NOT EXISTS (SELECT FROM subject_identity_document l
                               WHERE (l.identity_document_type, l.identity_document_no)
                                     = (s.identity_document_type, s.identity_document_no)
                                 AND l.subject_id = s.subject_id)), 0::bigint,
          'every subject''s code is in its lookup table');
SELECT is((SELECT count(*) FROM subject_uscc) + (SELECT count(*) FROM subject_resident_id)
          + (SELECT count(*) FROM subject_identity_document), (SELECT count(*) FROM subject),
          'and nothing else is');
UPDATE subject SET identity_document_no = 'GBR/123456780' WHERE name = 'id护照';
SELECT is((SELECT identity_document_no FROM subject_identity_document WHERE subject_id = pg_temp.s('id护照')),
          'GBR/123456780', 'a changed number follows into the lookup');
SELECT ok(pg_temp.person('passport', 'GBR/123456789', 'id护照新') IS NOT NULL, 'the old number is free again');
UPDATE subject SET identity_document_type = NULL, identity_document_no = NULL, resident_id = pg_temp.rid(4)
 WHERE name = 'id护照新';
SELECT ok(NOT EXISTS (SELECT FROM subject_identity_document WHERE subject_id = pg_temp.s('id护照新'))
          AND EXISTS (SELECT FROM subject_resident_id WHERE subject_id = pg_temp.s('id护照新')),
          'a person who obtains a citizen identity number moves between lookups');
SELECT throws_ok(format($$UPDATE subject SET resident_id = NULL, uscc = %L WHERE name = 'id护照新'$$, pg_temp.uscc(3)),
                 '23514', NULL, 'a person cannot become an organisation');
DELETE FROM subject WHERE name = 'id护照新';
SELECT ok(NOT EXISTS (SELECT FROM subject_resident_id WHERE resident_id = pg_temp.rid(4)), 'a deleted subject''s code goes');

-- ---- from a code to its subject ----------------------------------------------------------------------------------
SELECT is(subject_id_of('passport:gbr/123456780'), pg_temp.s('id护照'), 'a passport by "type:number"');
SELECT is(subject_id_of('passport', 'GBR/123456780'), pg_temp.s('id护照'), 'a passport by type and number');
SELECT is(subject_id_of('taiwan_permit:01234567'), pg_temp.s('id台胞'), 'a Taiwan permit by "type:number"');
SELECT isnt(subject_id_of('01234567'), pg_temp.s('id台胞'), 'bare digits stay a subject id (Taiwan permits are not bare_code)');
SELECT is(subject_id_of('H1234567803'), pg_temp.s('id港澳'), 'a bare Hong Kong permit, any renewal');
SELECT is(subject_id_of('944840198501010018'), pg_temp.s('id永居新'), 'a bare 2023 permanent residence number');
SELECT is(subject_id_of(pg_temp.uscc(1)::text), pg_temp.s('id公司'), 'a unified code through subject_uscc');
SELECT is(subject_id_of(pg_temp.rid(3)::text), pg_temp.s('id居民'), 'a citizen identity number through subject_resident_id');
SELECT is(subject_id_of('resident_id:' || pg_temp.rid(3)::text), pg_temp.s('id居民'), 'and as "resident_id:number"');
SELECT ok(subject_id_of('passport:GBR/1') IS NULL AND subject_id_of('no_such_type:1') IS NULL
          AND subject_id_of('passport:GBR/999999999') IS NULL, 'malformed, unknown or absent: NULL, not an error');

-- ---- a passport holder: listed, pre-checked by code, derived as legal representative -----------------------------
INSERT INTO department (code, name_zh, name_en, kind) VALUES ('id_court', '证件测试法院', 'identity court', 'judicial');
INSERT INTO list_entry (subject_id, list_type_code, department_code, basis_document)
VALUES (pg_temp.s('id护照'), 'judgment_debtor', 'id_court', 'ID-1');
SELECT is(precheck('passport:GBR/123456780', 'culture_sports_tourism', 'high_consumption')->>'verdict', 'deny',
          'a listed passport holder is denied, pre-checked by document');
SELECT ok(is_restricted('passport:GBR/123456780', 'culture_sports_tourism', 'high_consumption'),
          'is_restricted by document agrees');
INSERT INTO relation (subject_id, related_subject_id, kind, valid_from)
VALUES (pg_temp.s('id公司'), pg_temp.s('id港澳'), 'legal_representative', credit_gz.policy_date() - 10);
INSERT INTO list_entry (subject_id, list_type_code, department_code, basis_document)
VALUES (pg_temp.s('id公司'), 'judgment_debtor', 'id_court', 'ID-2');
SELECT is((SELECT list_type_code FROM list_entry WHERE subject_id = pg_temp.s('id港澳') AND status = 'active'),
          'judgment_debtor_responsible', 'a Hong Kong legal representative is derived along the relation');
SELECT is(precheck('H12345678', 'culture_sports_tourism', 'high_consumption')->>'verdict', 'deny',
          'and pre-checked by the bare permit number');

-- ---- disclosure masks document numbers like citizen identity numbers ---------------------------------------------
SELECT is(identity_code(NULL, NULL, 'passport', 'GBR/123456780'), 'passport:GB*********80', 'masked for the public');
SELECT is(identity_code(NULL, NULL, 'passport', 'GBR/123456780', false), 'passport:GBR/123456780',
          'in full for an audience that sees identities');

SELECT * FROM finish();
ROLLBACK;
