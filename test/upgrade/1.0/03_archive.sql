-- Frozen with release 1.0: a copy of test/demo/03_archive.sql as of the freeze, scaled by :scale (psql -v scale=...,
-- 1 being the demo's size); displays that only read dropped. It fills a database created at version 1.0 for the
-- upgrade test, so it stays as 1.0 could run it; test/demo/ moves on with later versions.
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
  FROM generate_series(1, round(24000 * :scale)::int) AS i
  JOIN demo.district_slot s ON s.slot = i % 100;
INSERT INTO credit_gz.subject (resident_id, name)
SELECT demo.resident_id(s.region, DATE '1960-01-01' + (i * 53) % 15000, i % 1000), '居民' || i
  FROM generate_series(1, round(6000 * :scale)::int) AS i
  JOIN demo.district_slot s ON s.slot = (i * 7) % 100;
-- legal representatives of the first 1,500 enterprises are known (the others' are missing, which the 双公示 check
-- below reports); kept to one modest statement because the lists module guards every relation row's subjects
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
SELECT o.subject_id, p.subject_id, 'legal_representative', coalesce(o.registered_on, DATE '2010-01-01')
  FROM (SELECT subject_id, registered_on, row_number() OVER (ORDER BY subject_id) AS k
          FROM credit_gz.subject WHERE kind = 'enterprise') o
  JOIN (SELECT subject_id, row_number() OVER (ORDER BY subject_id) - 1 AS k
          FROM credit_gz.subject WHERE kind = 'natural_person') p ON p.k = o.k % round(6000 * :scale)::int
 WHERE o.k <= round(1500 * :scale);

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
  JOIN archive_subject s ON s.k = (i * 7919) % (SELECT count(*) FROM archive_subject)
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
SELECT pg_catalog.format('EXECUTE load_batch(%s, %s)', lo, least(lo + 1999, round(60000 * :scale)::int))
  FROM generate_series(1, round(60000 * :scale)::int, 2000) AS lo \gexec

\echo '-- re-sending a decision updates it (idempotent loading), e.g. a corrected severity'
CREATE TEMP TABLE resent AS
SELECT record_id, document_no, severity AS severity_before FROM credit_gz.record
 WHERE department_code = 'market_regulation' AND item_code = 'administrative_penalty' AND severity = 'general'
   AND decision_date >= DATE '2023-05-01' ORDER BY record_id LIMIT 1;
SELECT credit_gz.load_record(r.department_code, r.document_no, r.subject_id, r.item_code, r.decision_date, r.domain_code,
                             'serious', r.disclosure, r.title, r.details) = r.record_id AS same_record
  FROM credit_gz.record r JOIN resent USING (record_id);

\echo '-- 告知承诺 not kept: the breach goes into the archive in the same transaction (二(三))'
INSERT INTO credit_gz.commitment (subject_id, kind, matter, matter_ref, department_code, domain_code, made_on, due_date)
SELECT subject_id, 'notification_approval', '食品经营许可告知承诺: 三个月内补交场所证明', 'SP-2026-0001', 'market_regulation',
       'food_drug_safety', credit_gz.policy_date() - 120, credit_gz.policy_date() - 30
  FROM credit_gz.subject WHERE kind = 'enterprise' ORDER BY subject_id LIMIT 1;
UPDATE credit_gz.commitment SET status = 'not_fulfilled' WHERE matter_ref = 'SP-2026-0001';
