-- 信用档案: a synthetic Guangzhou archive (subjects, legal representatives, records of every rule generation), the
-- rules the database enforces, idempotent re-sending, a broken commitment, and the data-quality reports (十五).
\echo ''
\echo '== 3. Credit archive (信用档案): subjects, relations, records and their publicity windows'

-- 24,000 organisations (enterprises, individual businesses, a few public bodies and social organisations) spread over
-- the districts by weight, old division codes included; 6,000 natural persons.
INSERT INTO credit_gz.subject (uscc, name, registered_on)
SELECT demo.uscc(CASE WHEN i % 50 = 0 THEN '12' WHEN i % 40 = 0 THEN '52' WHEN i % 5 = 0 THEN '92' ELSE '91' END,
                 s.region, 100000 + i),
       '广州示例' || CASE WHEN i % 5 = 0 THEN '商行' ELSE '有限公司' END || i,
       DATE '2000-01-01' + (i * 37) % 9000
  FROM generate_series(1, 24000) AS i
  JOIN demo.district_slot s ON s.slot = i % 100;
INSERT INTO credit_gz.subject (resident_id, name)
SELECT demo.resident_id(s.region, DATE '1960-01-01' + (i * 53) % 15000, i % 1000), '居民' || i
  FROM generate_series(1, 6000) AS i
  JOIN demo.district_slot s ON s.slot = (i * 7) % 100;
-- legal representatives of the first 1,500 enterprises are known (the others' are missing, which the 双公示 check
-- below reports); kept to one modest statement because the lists module guards every relation row's subjects
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
SELECT o.subject_id, p.subject_id, 'legal_representative', coalesce(o.registered_on, DATE '2010-01-01')
  FROM (SELECT subject_id, registered_on, row_number() OVER (ORDER BY subject_id) AS k
          FROM credit_gz.subject WHERE kind = 'enterprise') o
  JOIN (SELECT subject_id, row_number() OVER (ORDER BY subject_id) - 1 AS k
          FROM credit_gz.subject WHERE kind = 'natural_person') p ON p.k = o.k % 6000
 WHERE o.k <= 1500;

SELECT district, count(*) FILTER (WHERE kind <> 'natural_person') AS organisations,
       count(*) FILTER (WHERE kind = 'natural_person') AS persons
  FROM credit_gz.subject GROUP BY district ORDER BY organisations DESC;

\echo '-- 60,000 records, decided from 2019-07 to yesterday, collected a few days after the decision'
CREATE TEMP TABLE archive_subject AS
SELECT row_number() OVER (ORDER BY subject_id) - 1 AS k, subject_id, kind FROM credit_gz.subject;
CREATE UNIQUE INDEX ON archive_subject (k);
-- loaded 2,000 decisions per transaction, as a department's nightly batches would be
PREPARE load_batch(int, int) AS
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date, severity,
                              details, created_at)
SELECT s.subject_id, x.item, x.domain, x.dep, x.dep || '-' || i, x.d,
       CASE WHEN x.item = 'administrative_penalty'
            THEN CASE WHEN x.d >= DATE '2026-04-01' AND i % 3 = 0 THEN 'minor' WHEN i % 7 = 0 THEN 'serious' ELSE 'general' END END,
       CASE x.item
            WHEN 'administrative_penalty' THEN jsonb_build_object('violation_type', '违反' || x.domain, 'facts', '检查发现违法行为',
                 'basis', '相关法律法规', 'penalty_type', '罚款', 'content', '罚款', 'fine_amount', (i % 50)::text)
                 - CASE WHEN i % 17 = 0 THEN 'facts' ELSE '' END
            WHEN 'administrative_licence' THEN jsonb_build_object('document_name', '行政许可决定书', 'licence_type', '普通',
                 'content', '许可经营', 'valid_from', x.d::text, 'valid_to', (x.d + 1825)::text)
                 - CASE WHEN i % 11 = 0 THEN 'valid_to' ELSE '' END
       END,
       (x.d + 1 + i % 5)::timestamp AT TIME ZONE 'Asia/Shanghai'
  FROM generate_series($1, $2) AS i
  JOIN archive_subject s ON s.k = (i * 7919) % 30000
  CROSS JOIN LATERAL (
      -- collection grows over the years: density rising linearly with time
      SELECT LEAST(DATE '2019-07-01' + floor((credit_gz.policy_date() - DATE '2019-07-01') * sqrt(((i * 7127) % 60000) / 60000.0))::int,
                   credit_gz.policy_date() - 1) AS d,
             (ARRAY['food_drug_safety','work_safety','transport','construction','eco_environment','pricing',
                    'e_commerce','health','labor','urban_management'])[1 + i % 10] AS domain,
             (ARRAY['market_regulation','emergency','transport','housing','environment','development_reform',
                    'commerce','health','human_resources','urban_management'])[1 + i % 10] AS dep,
             CASE WHEN s.kind = 'natural_person' THEN
                      (ARRAY['administrative_penalty','administrative_licence','honour','dishonest_judgment_debtor'])[1 + i % 4]
                  ELSE (ARRAY['administrative_penalty','administrative_penalty','administrative_licence','honour',
                              'abnormal_operations','a_grade_taxpayer','property_fee_arrears'])[1 + i % 7] END AS item) x;
SELECT pg_catalog.format('EXECUTE load_batch(%s, %s)', lo, lo + 1999) FROM generate_series(1, 60000, 2000) AS lo \gexec

SELECT coalesce(p.generation, '(no window)') AS rule_generation, r.severity, count(*) AS records,
       count(*) FILTER (WHERE r.status = 'in_publicity') AS in_publicity, count(*) FILTER (WHERE r.status = 'expired') AS expired,
       min(r.publish_until - r.decision_date) AS min_days, max(r.publish_until - r.decision_date) AS max_days
  FROM credit_gz.record r LEFT JOIN credit_gz.publicity_rule p USING (publicity_rule_id)
 WHERE r.item_code = 'administrative_penalty'
 GROUP BY 1, 2 ORDER BY 1, 2;

\echo '-- the rule in force on the decision date: Order 58 singled out food and drugs (1-year minimum)'
SELECT d AS decision_date, dom AS domain, (credit_gz.publicity_rule_for(d, 'general', dom)).generation,
       (credit_gz.publicity_rule_for(d, 'general', dom)).min_months, (credit_gz.publicity_rule_for(d, 'general', dom)).max_months
  FROM (VALUES (DATE '2023-04-30', 'food_drug_safety'), (DATE '2023-05-01', 'food_drug_safety'),
               (DATE '2023-05-01', 'transport'), (DATE '2026-04-01', 'food_drug_safety')) AS v(d, dom);

\echo '-- what the database refuses, whatever the application (十七, catalogue, dates, rule table)'
DO $$
DECLARE
    person bigint := (SELECT subject_id FROM credit_gz.subject WHERE kind = 'natural_person' ORDER BY subject_id LIMIT 1);
    firm   bigint := (SELECT subject_id FROM credit_gz.subject WHERE kind = 'enterprise' ORDER BY subject_id LIMIT 1);
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        (person, 'red_light', NULL::text, credit_gz.policy_date() - 10, '闯红灯 against a person'),
        (person, 'waste_sorting', NULL, credit_gz.policy_date() - 10, '未执行垃圾分类 against a person'),
        (firm, 'social_credit_score', NULL, credit_gz.policy_date() - 10, 'an item outside the catalogue'),
        (firm, 'administrative_penalty', 'general', credit_gz.policy_date() + 30, 'a decision dated next month'),
        (firm, 'administrative_penalty', 'minor', DATE '2022-06-01', 'a minor penalty in 2022 (no rule knew minor then)')) AS v(s, item, sev, d, what)
    LOOP
        BEGIN
            INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity)
            VALUES (t.s, t.item, 'urban_management', 'DEMO-REFUSED', t.d, t.sev);
            RAISE NOTICE '% — accepted?!', t.what;
        EXCEPTION WHEN integrity_constraint_violation THEN
            RAISE NOTICE '% — refused: %', t.what, SQLERRM;
        END;
    END LOOP;
END $$;

\echo '-- re-sending a decision updates it (idempotent loading), e.g. a corrected severity'
CREATE TEMP TABLE resent AS
SELECT record_id, document_no, severity AS severity_before FROM credit_gz.record
 WHERE department_code = 'market_regulation' AND item_code = 'administrative_penalty' AND severity = 'general'
   AND decision_date >= DATE '2023-05-01' ORDER BY record_id LIMIT 1;
SELECT credit_gz.load_record(r.department_code, r.document_no, r.subject_id, r.item_code, r.decision_date, r.domain_code,
                             'serious', r.disclosure, r.title, r.details) = r.record_id AS same_record
  FROM credit_gz.record r JOIN resent USING (record_id);
SELECT r.document_no, s.severity_before, r.severity, r.repairable_from, r.publish_until,
       (SELECT count(*) FROM credit_gz.record x WHERE x.department_code = r.department_code AND x.document_no = r.document_no) AS copies
  FROM credit_gz.record r JOIN resent s USING (record_id);

\echo '-- 告知承诺 not kept: the breach goes into the archive in the same transaction (二(三))'
INSERT INTO credit_gz.commitment (subject_id, kind, matter, matter_ref, department_code, domain_code, made_on, due_date)
SELECT subject_id, 'notification_approval', '食品经营许可告知承诺: 三个月内补交场所证明', 'SP-2026-0001', 'market_regulation',
       'food_drug_safety', credit_gz.policy_date() - 120, credit_gz.policy_date() - 30
  FROM credit_gz.subject WHERE kind = 'enterprise' ORDER BY subject_id LIMIT 1;
UPDATE credit_gz.commitment SET status = 'not_fulfilled' WHERE matter_ref = 'SP-2026-0001';
SELECT c.matter_ref, c.status, r.item_code, r.document_no, r.publicity_rule_id, r.publish_until - r.decision_date AS days_published
  FROM credit_gz.commitment c JOIN credit_gz.record r USING (record_id) WHERE c.matter_ref = 'SP-2026-0001';

\echo '== 3b. Data quality (十五): 重错码率, 双公示 pass rate, collection growth'
SELECT * FROM credit_gz.code_quality('credit_gz.subject', 'uscc', 'name');
SELECT department_code, department_name, kind, records, passed, pass_rate
  FROM credit_gz.double_publicity_check(credit_gz.policy_date() - 365, credit_gz.policy_date()) ORDER BY pass_rate, department_code LIMIT 8;
SELECT period_start, records, same_period_last_year, growth, meets_target
  FROM credit_gz.collection_stats('quarter') WHERE department_code IS NULL ORDER BY period_start DESC LIMIT 6;
