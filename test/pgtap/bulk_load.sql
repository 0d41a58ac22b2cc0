-- Bulk loading: one statement may touch any number of subjects. The scoring and list triggers serialise work per
-- subject with row locks; a lock per subject in the shared lock table (64 × max_connections slots) would make a
-- department's nightly batch fail with "out of shared memory" after a few thousand subjects.
BEGIN;
SELECT plan(6);
SET LOCAL search_path = public, credit_gz;

CREATE TEMP TABLE bulk_code AS
SELECT i, credit_gz.uscc_correct(('91440106MA' || lpad(i::text, 6, '0') || '00!')::credit_gz.uscc) AS org,
          credit_gz.resident_id_make('440106' || to_char(DATE '1970-01-01' + i % 9000, 'YYYYMMDD')
                                     || lpad((i / 9000)::text, 3, '0')) AS person
  FROM generate_series(1, 10000) AS i;

SELECT lives_ok($$
    INSERT INTO credit_gz.subject (uscc, name, registered_on)
    SELECT org, '批量企业' || i, DATE '2015-01-01' FROM bulk_code;
    INSERT INTO credit_gz.subject (resident_id, name)
    SELECT person, '批量居民' || i FROM bulk_code
$$, '20,000 subjects in two statements');

SELECT lives_ok($$
    INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
    SELECT o.subject_id, p.subject_id, 'legal_representative', DATE '2015-01-01'
      FROM bulk_code b
      JOIN credit_gz.subject o ON o.uscc = b.org
      JOIN credit_gz.subject p ON p.resident_id = b.person
$$, '10,000 relations in one statement (each guards two subjects)');

SELECT lives_ok($$
    INSERT INTO credit_gz.record (subject_id, item_code, domain_code, department_code, document_no, decision_date, severity)
    SELECT s.subject_id, 'administrative_penalty', 'work_safety', 'emergency', '穗应急罚〔批量〕' || s.subject_id,
           credit_gz.policy_date() - 30, 'general'
      FROM bulk_code b JOIN credit_gz.subject s ON s.uscc = b.org OR s.resident_id = b.person
$$, '20,000 records for 20,000 subjects in one statement, scored by the triggers');

SELECT is((SELECT count(*) FROM credit_gz.record WHERE document_no LIKE '穗应急罚〔批量〕%'), 20000::bigint,
          'every record stored');
SELECT cmp_ok((SELECT count(DISTINCT s.subject_id) FROM credit_gz.subject_score s
                 JOIN credit_gz.subject o USING (subject_id) JOIN bulk_code b ON o.uscc = b.org OR o.resident_id = b.person),
              '=', 20000::bigint,
              'every subject scored in the same transaction');
SELECT is_empty('SELECT * FROM credit_gz.verify_scores()', 'maintained scores equal a fresh computation');

SELECT * FROM finish();
ROLLBACK;
