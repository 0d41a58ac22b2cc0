-- Frozen with release 1.0: a copy of test/demo/10_archive.sql as of the freeze, scaled by :scale (psql -v scale=...,
-- 1 being the demo's size); displays that only read dropped. It fills a database created at version 1.0 for the
-- upgrade test, so it stays as 1.0 could run it; test/demo/ moves on with later versions.
-- The synthetic Guangzhou archive: subjects, relations, records across the domains, commitments. Every row goes
-- through credit_gz's triggers (identity checks, district from the code, publicity windows, scoring, lists …).
\set ON_ERROR_STOP 1
\echo ''
\echo '== 4. Guangzhou at scale (信用档案): 80,000 more subjects (110,000 in all), relations, records across the domains'

\echo '-- 4.1 organisations: 70,000 codes over the 11 districts and the old codes (企业, 个体, 合作社, 机关, 事业单位, 社会组织, 律所)'
INSERT INTO credit_gz.subject (uscc, name, registered_on)
SELECT demo.uscc(k.code, ds.region, n),
       '广州' || coalesce(credit_gz.region_district(ds.region), '') || k.label || lpad(n::text, 6, '0'),
       date '1995-01-01' + ((n * 7919) % 11000)::int
  FROM generate_series(1, round(70000 * :scale)::int) AS n
  JOIN demo.district_slot ds ON ds.slot = (n * 31) % 100
  CROSS JOIN LATERAL (SELECT CASE WHEN ((n / 100) * 7 + (n % 100) * 13) % 1000 < 780 THEN '91' WHEN ((n / 100) * 7 + (n % 100) * 13) % 1000 < 900 THEN '92'
                                  WHEN ((n / 100) * 7 + (n % 100) * 13) % 1000 < 910 THEN '93' WHEN ((n / 100) * 7 + (n % 100) * 13) % 1000 < 916 THEN '11'
                                  WHEN ((n / 100) * 7 + (n % 100) * 13) % 1000 < 940 THEN '12' WHEN ((n / 100) * 7 + (n % 100) * 13) % 1000 < 980 THEN '51'
                                  WHEN ((n / 100) * 7 + (n % 100) * 13) % 1000 < 990 THEN '52' ELSE '31' END AS code) c
  CROSS JOIN LATERAL (SELECT c.code, CASE c.code WHEN '91' THEN '示例贸易有限公司' WHEN '92' THEN '示例商行'
                                      WHEN '93' THEN '示例农民专业合作社' WHEN '11' THEN '示例管理局'
                                      WHEN '12' THEN '示例服务中心' WHEN '51' THEN '示例行业协会'
                                      WHEN '52' THEN '示例民办学校' ELSE '示例律师事务所' END AS label) k;

\echo '-- 4.2 natural persons: 10,000 residents with valid identity numbers'
-- a number already in the archive is skipped (subject_resident_id keeps them unique; no ON CONFLICT target on subject)
INSERT INTO credit_gz.subject (resident_id, name)
SELECT p.rid, p.name
  FROM (SELECT demo.resident_id(ds.region, date '1960-01-01' + ((n * 3571) % 14600)::int, (n % 997) + 1) AS rid,
               (ARRAY['陈','李','黄','张','梁','刘','林','何','王','吴','罗','郭','周','冯','麦'])[n % 15 + 1]
               || (ARRAY['伟','芳','敏','强','婷','杰','丽','军','磊','静','华','明'])[n % 12 + 1] || lpad(n::text, 5, '0') AS name,
               n
          FROM generate_series(200001, 200000 + round(10000 * :scale)::int) AS n
          JOIN demo.district_slot ds ON ds.slot = (n * 37) % 100) p
 WHERE NOT EXISTS (SELECT FROM credit_gz.subject_resident_id l WHERE l.resident_id OPERATOR(credit_gz.=) p.rid)
 ORDER BY p.n;

\echo '-- 4.3 natural persons without a citizen identity number: permanent residents, Hong Kong, Macao and Taiwan'
\echo '--     residents, foreigners by passport (identity_document_type); numbers are stored in canonical form'
INSERT INTO credit_gz.subject (identity_document_type, identity_document_no, name)
VALUES ('permanent_residence', '944840198501010018', 'Example Permanent Resident'),
       ('hk_macao_permit', 'H1234567801', '示例港人'),
       ('hk_macao_permit', 'M87654321', '示例澳人'),
       ('taiwan_permit', '0123456702(B)', '示例台胞'),
       ('passport', 'gbr / 123456789', 'Example Passport Holder');


\echo '-- 4.3 relations: legal representatives (法定代表人) of enterprises, some shareholders and branches'
CREATE TEMP TABLE org AS
SELECT s.subject_id, row_number() OVER (ORDER BY s.subject_id) AS i FROM credit_gz.subject s
 WHERE s.kind = 'enterprise'
   AND NOT EXISTS (SELECT 1 FROM credit_gz.relation r
                    WHERE r.subject_id = s.subject_id AND r.kind = 'legal_representative');
CREATE TEMP TABLE person AS
SELECT subject_id, row_number() OVER (ORDER BY subject_id) AS i FROM credit_gz.subject
 WHERE kind = 'natural_person';
CREATE INDEX ON person (i);
CREATE INDEX ON org (i);
-- In batches of 2,000, each its own transaction: the lists module locks every subject a relation touches (so a
-- listing racing a relation change cannot miss it), and one transaction must not hold 50,000 such locks.
DO $$
DECLARE
    lo bigint := 0;
    hi bigint := (SELECT max(i) FROM pg_temp.org);
BEGIN
    WHILE lo < hi LOOP
        INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
        SELECT o.subject_id, p.subject_id, 'legal_representative', date '2015-01-01' + (o.i % 2000)::int
          FROM pg_temp.org o JOIN pg_temp.person p ON p.i = (o.i % (SELECT count(*) FROM pg_temp.person)) + 1
         WHERE o.i % 2 = 0 AND o.i > lo AND o.i <= lo + 2000;
        INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, share_pct, valid_from)
        SELECT o.subject_id, p.subject_id, 'shareholder', 10 + (o.i % 60), date '2016-01-01' + (o.i % 1500)::int
          FROM pg_temp.org o JOIN pg_temp.person p ON p.i = ((o.i * 7) % (SELECT count(*) FROM pg_temp.person)) + 1
         WHERE o.i % 5 = 0 AND o.i > lo AND o.i <= lo + 2000;
        lo := lo + 2000;
        COMMIT;
        IF lo % 10000 = 0 THEN
            RAISE NOTICE 'relations: % of % enterprises', lo, hi;
        END IF;
    END LOOP;
END
$$;

\echo '-- 4.4 records: penalties, licences, honours across the domains, each from a department responsible for its domain'
-- (domain, department) pairs from the policy's annex, numbered so a sequence number picks one deterministically.
CREATE TEMP TABLE dd AS
SELECT domain_code, department_code, row_number() OVER (ORDER BY domain_code, department_code) - 1 AS k
  FROM credit_gz.domain_department;
CREATE UNIQUE INDEX ON dd (k);
CREATE TEMP TABLE all_subject AS
SELECT subject_id, kind, row_number() OVER (ORDER BY subject_id) - 1 AS i FROM credit_gz.subject;
CREATE UNIQUE INDEX ON all_subject (i);

-- Administrative penalties (行政处罚, 双公示) over seven years: severity by a fixed mix; a few are authorised-query only.
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date, severity,
                              disclosure, title, details, created_at)
SELECT s.subject_id, 'administrative_penalty', dd.domain_code, dd.department_code,
       'PEN-' || dd.department_code || '-' || n,
       d.decision_date,
       -- 'minor' exists from Order No. 36 (2026-04-01) on; earlier rule generations know general and serious only
       CASE WHEN n % 20 = 0 THEN 'serious' WHEN n % 4 = 0 AND d.decision_date >= date '2026-04-01' THEN 'minor'
            ELSE 'general' END,
       CASE WHEN n % 25 = 0 THEN 'authorised' WHEN n % 40 = 0 THEN 'government' ELSE 'public' END,
       '违反' || dd.domain_code || '管理规定',
       -- the fields the 双公示 standard requires; one in 40 lacks the facts (the quality report finds them)
       jsonb_build_object('violation_type', '违反' || dd.domain_code || '管理规定', 'facts', '现场检查发现违法行为',
                          'basis', '《相关法律法规》', 'penalty_type', '罚款', 'content', '罚款',
                          'fine_amount', ((n % 50 + 1) * 0.1)::text)
           - CASE WHEN n % 40 = 0 THEN 'facts' ELSE '' END,
       d.decision_date + interval '3 days'
  FROM generate_series(1::bigint, round(80000 * :scale)::bigint) AS n
  JOIN all_subject s ON s.i = (n * 48271) % (SELECT count(*) FROM all_subject)
  JOIN dd ON dd.k = n % (SELECT count(*) FROM dd)
  CROSS JOIN LATERAL (SELECT (credit_gz.policy_date() - 1 - ((n * 7919) % 2500)::int) AS decision_date) d
 WHERE s.kind <> 'natural_person' OR n % 3 = 0;

-- Administrative licences (行政许可, neutral) and honours (守信).
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date,
                              disclosure, title, details, created_at)
SELECT s.subject_id, CASE WHEN n % 10 = 0 THEN 'honour' ELSE 'administrative_licence' END, dd.domain_code,
       dd.department_code, 'LIC-' || dd.department_code || '-' || n, d.decision_date, 'public',
       CASE WHEN n % 10 = 0 THEN '年度诚信经营表彰' ELSE '经营许可' END,
       CASE WHEN n % 10 <> 0 THEN
           jsonb_build_object('document_name', '行政许可决定书', 'licence_type', '普通', 'content', '许可经营',
                              'valid_from', d.decision_date::text, 'valid_to', (d.decision_date + 1825)::text)
           - CASE WHEN n % 30 = 1 THEN 'valid_to' ELSE '' END
       END,
       d.decision_date + interval '2 days'
  FROM generate_series(1::bigint, round(30000 * :scale)::bigint) AS n
  JOIN all_subject s ON s.i = (n * 69621) % (SELECT count(*) FROM all_subject)
  JOIN dd ON dd.k = (n * 7) % (SELECT count(*) FROM dd)
  CROSS JOIN LATERAL (SELECT (credit_gz.policy_date() - 1 - ((n * 3571) % 2500)::int) AS decision_date) d
 WHERE s.kind <> 'natural_person';

-- 政务诚信 (九, 十一): some government agencies (机关) that defaulted on contracts they signed.
INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date,
                              disclosure, title)
SELECT s.subject_id, 'dishonest_judgment_debtor', NULL, 'court', 'GOV-COURT-' || s.subject_id,
       credit_gz.policy_date() - 30 - (s.subject_id % 300)::int, 'public', '政府机构拖欠账款, 未履行生效判决'
  FROM credit_gz.subject s
 WHERE s.kind = 'government_agency' AND s.subject_id % 7 = 0;


\echo '-- 4.5 commitments (信用承诺): tell-and-commit approvals, a few not fulfilled (pushed to the archive as records)'
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code, domain_code, made_on, due_date)
SELECT o.subject_id, 'notification_approval', '告知承诺制审批: 经营许可 ' || o.i, dd.department_code, dd.domain_code,
       credit_gz.policy_date() - 200 + (o.i % 150)::int, credit_gz.policy_date() - 20 + (o.i % 150)::int
  FROM org o JOIN dd ON dd.k = o.i % (SELECT count(*) FROM dd)
 WHERE o.i % 8 = 0;
UPDATE credit_gz.commitment SET status = CASE WHEN commitment_id % 10 = 0 THEN 'not_fulfilled' ELSE 'fulfilled' END
 WHERE due_date < credit_gz.policy_date();
