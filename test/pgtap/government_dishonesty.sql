-- 政务失信 and the 事业单位 list (《关于健全社会信用体系的意见》, 2025-03): a 政务失信 record of a government body lists it
-- at once and the list bars fiscal funds and awards (measures as data); public institutions have an abnormal list.
BEGIN;
SELECT plan(17);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
CREATE TEMP TABLE fx (name text PRIMARY KEY, id bigint);
GRANT SELECT, INSERT ON fx TO PUBLIC;
-- a government body (机关: 11), a public institution (事业单位: 12), an enterprise
WITH s AS (INSERT INTO credit_gz.subject (uscc, name, kind)
           VALUES (credit_gz.uscc_make('11440106' || pg_temp.org_code('00' || lpad('6601', 6, '0'))), '政务测试某局', 'government_agency'),
                  (credit_gz.uscc_make('12440106' || pg_temp.org_code('00' || lpad('6602', 6, '0'))), '政务测试某中心', 'public_institution'),
                  (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('6603', 6, '0'))), '政务测试某公司', 'enterprise')
           RETURNING subject_id, kind)
INSERT INTO fx SELECT CASE kind WHEN 'government_agency' THEN 'gov' WHEN 'public_institution' THEN 'pi' ELSE 'ent' END, subject_id FROM s;
CREATE ROLE t_gd_dept NOLOGIN;
SELECT credit_gz.grant_department('t_gd_dept', 'finance');

-- Records of 政务失信 list the body from the day the opinion took effect; the day before, the record alone.
SET ROLE t_gd_dept;
INSERT INTO fx SELECT 'rec_before', credit_gz.load_record('finance', 'GD-T-001', (SELECT id FROM fx WHERE name = 'gov'),
    'government_dishonesty', '2025-03-20', NULL, NULL, 'public', '拖欠企业账款');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.list_entry WHERE record_id = (SELECT id FROM fx WHERE name = 'rec_before')), 0,
          'a 政务失信 record decided the day before the opinion lists no one');
SET ROLE t_gd_dept;
INSERT INTO fx SELECT 'rec', credit_gz.load_record('finance', 'GD-T-002', (SELECT id FROM fx WHERE name = 'gov'),
    'government_dishonesty', '2025-03-21', NULL, NULL, 'public', '不履行生效判决');
RESET ROLE;
SELECT results_eq($$SELECT list_type_code, department_code, basis_document, effective_from, status FROM credit_gz.list_entry
                    WHERE record_id = (SELECT id FROM fx WHERE name = 'rec')$$,
                  $$VALUES ('government_dishonesty'::text, 'finance'::text, 'GD-T-002'::text, DATE '2025-03-21', 'active'::text)$$,
                  'the day the opinion took effect: the body is listed on the record, in the department''s name');
SELECT is((SELECT status FROM credit_gz.record WHERE record_id = (SELECT id FROM fx WHERE name = 'rec')), 'in_publicity',
          'the record itself is in publicity (ungraded negative information)');

-- Measures as data: no fiscal funds, no awards.
SELECT results_eq($$SELECT code, action, effect FROM credit_gz.measure WHERE list_type_code = 'government_dishonesty' ORDER BY code$$,
                  $$VALUES ('gd_fiscal_funds_bar'::text, 'subsidy'::text, 'deny'::text), ('gd_honour_bar', 'honour', 'deny')$$,
                  '政务失信 measures: fiscal funds and awards denied');
SET ROLE t_gd_dept;
SELECT is((credit_gz.precheck((SELECT id FROM fx WHERE name = 'gov'), 'construction', 'subsidy') ->> 'verdict'), 'deny',
          'pre-check: the listed body may not receive fiscal funds');
SELECT is((credit_gz.precheck((SELECT id FROM fx WHERE name = 'gov'), 'construction', 'honour') ->> 'verdict'), 'deny',
          'pre-check: nor awards');
SELECT is((credit_gz.precheck((SELECT id FROM fx WHERE name = 'pi'), 'construction', 'subsidy') ->> 'verdict'), 'allow',
          'pre-check: another body is not restricted');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM credit_gz.public_list_entry WHERE list_type_code = 'government_dishonesty'
             AND subject_id = (SELECT id FROM fx WHERE name = 'gov')), 1, 'the 政务失信 entry is public');

-- Only government bodies and public institutions are on the 政务失信 list.
SELECT throws_ok($$INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
                   SELECT id, 'government_dishonesty', 'finance', 'GD-T-X1', credit_gz.policy_date() FROM fx WHERE name = 'ent'$$,
                 '23514', NULL, 'an enterprise is not on the 政务失信 list');
SELECT throws_ok($$SELECT credit_gz.load_record('finance', 'GD-T-003', (SELECT id FROM fx WHERE name = 'ent'),
                   'government_dishonesty', credit_gz.policy_date(), NULL, NULL, 'public', 'x')$$,
                 '23514', NULL, 'a 政务失信 record of an enterprise is refused with its listing');

-- The 事业单位 list, like the abnormal-operations list.
SELECT throws_ok($$INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
                   SELECT id, 'public_institution_abnormal', 'establishment', 'PIA-T-0', '2025-03-20' FROM fx WHERE name = 'pi'$$,
                 '23514', NULL, 'the 事业单位 list is not in force the day before the opinion');
WITH e AS (INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
           SELECT id, 'public_institution_abnormal', 'establishment', 'PIA-T-1', '2025-03-21' FROM fx WHERE name = 'pi'
           RETURNING entry_id)
INSERT INTO fx SELECT 'pia', entry_id FROM e;
SELECT is((SELECT effective_until FROM credit_gz.list_entry WHERE entry_id = (SELECT id FROM fx WHERE name = 'pia')), NULL,
          'a 事业单位 stays listed until removed (no default term, as the abnormal-operations list)');
SELECT throws_ok($$INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
                   SELECT id, 'public_institution_abnormal', 'establishment', 'PIA-T-2', credit_gz.policy_date() FROM fx WHERE name = 'gov'$$,
                 '23514', NULL, 'a government body is not on the 事业单位 list');
SELECT throws_ok($$INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
                   SELECT id, 'public_institution_abnormal', 'establishment', 'PIA-T-3', credit_gz.policy_date() FROM fx WHERE name = 'ent'$$,
                 '23514', NULL, 'nor an enterprise');
SELECT is((credit_gz.precheck((SELECT id FROM fx WHERE name = 'pi'), 'construction', 'inspection_frequency') ->> 'verdict'), 'allow_with_conditions',
          'pre-check: a listed 事业单位 is inspected more often');
UPDATE credit_gz.list_entry SET status = 'lifted', rectified_on = credit_gz.policy_date()
 WHERE entry_id = (SELECT id FROM fx WHERE name = 'pia');
SELECT is((SELECT status FROM credit_gz.list_entry WHERE entry_id = (SELECT id FROM fx WHERE name = 'pia')), 'lifted',
          'removed at once when corrected');
SELECT is((credit_gz.precheck((SELECT id FROM fx WHERE name = 'pi'), 'construction', 'inspection_frequency') ->> 'verdict'), 'allow',
          'after removal no measure applies');

SELECT * FROM finish();
ROLLBACK;
