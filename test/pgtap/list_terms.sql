-- List terms as rule generations (src/lists.sql credit_gz.list_term): an entry keeps the term and early-removal rule in
-- force on its listing day; wage arrears (人社部令第45号): early removal six months after correction.
BEGIN;
SELECT plan(16);

CREATE FUNCTION pg_temp.org_code(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END
      FROM (SELECT 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM unnest(regexp_split_to_array(body, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w)) s $$;
CREATE TEMP TABLE fx (name text PRIMARY KEY, id bigint);
WITH s AS (INSERT INTO credit_gz.subject (uscc, name) VALUES
               (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('961', 6, '0'))), '期限代次甲公司'),
               (credit_gz.uscc_make('91440106' || pg_temp.org_code('MA' || lpad('962', 6, '0'))), '期限代次乙公司')
           RETURNING subject_id, name)
INSERT INTO fx SELECT CASE name WHEN '期限代次甲公司' THEN 'a' ELSE 'b' END, subject_id FROM s;
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
SELECT id, 'credit_repair', '信用修复承诺', 'market_regulation' FROM fx WHERE name IN ('a', 'b');
CREATE FUNCTION pg_temp.list(who text, lt text, doc text, vfrom date) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from)
    VALUES ((SELECT id FROM fx WHERE name = who), lt, 'market_regulation', doc, vfrom) RETURNING entry_id $$;

-- Wage arrears: the shipped generation, from the day 45号 took effect.
SELECT is(credit_gz.list_term_for('wage_arrears', '2021-12-31'), NULL::integer, 'no wage-arrears generation the day before 45号');
SELECT is(credit_gz.list_term_for('wage_arrears', '2022-01-01'), 1, 'the 45号 generation on the day it took effect');
SELECT results_eq($$SELECT default_term_months, early_removal_after_months, early_removal_counted_from
                    FROM credit_gz.entry_term('wage_arrears', 1)$$,
                  $$VALUES (36, 6, 'correction')$$, 'wage arrears: 3 years, early removal 6 months after correction');
SELECT results_eq($$SELECT default_term_months, early_removal_after_months, early_removal_counted_from
                    FROM credit_gz.entry_term('samr_serious_illegal', NULL)$$,
                  $$VALUES (36, 12, 'listing')$$, 'no generation: the list type''s own columns');

INSERT INTO fx SELECT 'w1', pg_temp.list('a', 'wage_arrears', 'LT-T-W1', credit_gz.policy_date() - 30);
INSERT INTO fx SELECT 'w2', pg_temp.list('b', 'wage_arrears', 'LT-T-W2', credit_gz.policy_date() - 30);
SELECT is((SELECT list_term_id FROM credit_gz.list_entry WHERE entry_id = (SELECT id FROM fx WHERE name = 'w1')), 1,
          'a wage-arrears entry keeps the generation in force on its listing day');
SELECT is((SELECT effective_until FROM credit_gz.list_entry WHERE entry_id = (SELECT id FROM fx WHERE name = 'w1')),
          credit_gz.add_months(credit_gz.policy_date() - 30, 36), 'its term: three years from listing');
SELECT throws_ok($$UPDATE credit_gz.list_entry SET status = 'lifted' WHERE entry_id = (SELECT id FROM fx WHERE name = 'w1')$$,
                 '23514', NULL, 'no early removal before the subject has corrected');
-- Corrected (paid) 6 months ago to the day: removable although listed only a month ago.
UPDATE credit_gz.list_entry SET rectified_on = credit_gz.add_months(credit_gz.policy_date(), -6)
WHERE entry_id = (SELECT id FROM fx WHERE name = 'w1');
SELECT lives_ok($$UPDATE credit_gz.list_entry SET status = 'lifted' WHERE entry_id = (SELECT id FROM fx WHERE name = 'w1')$$,
                'removed early six months after correction, one month after listing');
-- Corrected a day less than 6 months ago: refused.
UPDATE credit_gz.list_entry SET rectified_on = credit_gz.add_months(credit_gz.policy_date(), -6) + 1
WHERE entry_id = (SELECT id FROM fx WHERE name = 'w2');
SELECT throws_ok($$UPDATE credit_gz.list_entry SET status = 'lifted' WHERE entry_id = (SELECT id FROM fx WHERE name = 'w2')$$,
                 '23514', NULL, 'the day before six months after correction: refused');
SELECT is((SELECT eligible_from FROM credit_gz.entry_repair_eligibility((SELECT id FROM fx WHERE name = 'w2'),
              credit_gz.policy_date(), credit_gz.add_months(credit_gz.policy_date(), -6) + 1)),
          credit_gz.add_months(credit_gz.add_months(credit_gz.policy_date(), -6) + 1, 6),
          'repair eligibility counts the six months from the obligations performed');

-- A new generation of the SAMR serious list (a local rule): entries listed before keep the old rule.
INSERT INTO credit_gz.list_term (list_term_id, list_type_code, effective_from, default_term_months, early_removal_after_months,
                                 early_removal_conditions, source)
VALUES (1000, 'samr_serious_illegal', credit_gz.policy_date() - 400, 36, 24, '列入满2年', 'test: a later generation');
INSERT INTO fx SELECT 's_old', pg_temp.list('a', 'samr_serious_illegal', 'LT-T-S1', credit_gz.policy_date() - 401);
INSERT INTO fx SELECT 's_new', pg_temp.list('b', 'samr_serious_illegal', 'LT-T-S2', credit_gz.policy_date() - 400);
SELECT results_eq($$SELECT list_term_id FROM credit_gz.list_entry
                    WHERE entry_id IN (SELECT id FROM fx WHERE name IN ('s_old', 's_new')) ORDER BY effective_from$$,
                  $$VALUES (NULL::integer), (1000)$$,
                  'listed the day before the generation: the old rule; on its first day: the new one');
SELECT throws_ok($$UPDATE credit_gz.list_entry SET list_term_id = NULL WHERE entry_id = (SELECT id FROM fx WHERE name = 's_new')$$,
                 '23514', NULL, 'an entry''s term generation cannot change');
SELECT lives_ok($$UPDATE credit_gz.list_entry SET status = 'lifted' WHERE entry_id = (SELECT id FROM fx WHERE name = 's_old')$$,
                'the old entry keeps early removal after 1 year');
SELECT throws_ok($$UPDATE credit_gz.list_entry SET status = 'lifted' WHERE entry_id = (SELECT id FROM fx WHERE name = 's_new')$$,
                 '23514', NULL, 'the new entry waits 2 years');
SELECT is((SELECT eligible_from FROM credit_gz.entry_repair_eligibility((SELECT id FROM fx WHERE name = 's_new'),
              credit_gz.policy_date(), credit_gz.policy_date() - 5)),
          credit_gz.add_months(credit_gz.policy_date() - 400, 24), 'repair eligibility of the new entry: 2 years after listing');
SELECT is((SELECT shipped FROM credit_gz.list_term WHERE list_term_id = 1000), false, 'a local generation is kept by pg_dump');

SELECT * FROM finish();
ROLLBACK;
