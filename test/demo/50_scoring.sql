-- 分级分类监管 (二(二), 十六): grades kept current by the record and list triggers, explainable, checkable, and the
-- random inspection sample by grade (双随机、一公开).
\set ON_ERROR_STOP 1
\echo ''
\echo '== 50. Graded supervision (分级分类监管): grades as the triggers keep them'
\timing on
\echo '-- 50.1 city-wide comprehensive evaluation: subjects per grade (no row: no history, grade M)'
SELECT grade, count(*) AS subjects, round(avg(score), 1) AS avg_score
  FROM credit_gz.subject_score WHERE model_code = 'city_comprehensive' GROUP BY grade ORDER BY grade DESC;
\echo '-- 50.2 a listed judgment debtor: its grade, and every record or entry behind it (score_breakdown)'
SELECT e.subject_id AS debtor
  FROM credit_gz.list_entry e
 WHERE e.list_type_code = 'judgment_debtor' AND e.status = 'active' AND e.derived_from_entry_id IS NULL
 ORDER BY e.entry_id LIMIT 1 \gset
SELECT model_code, score, grade FROM credit_gz.subject_score WHERE subject_id = :debtor ORDER BY model_code LIMIT 6;
SELECT source, source_id, match_code, points, effective_points, max_grade
  FROM credit_gz.score_breakdown(:debtor, 'city_comprehensive');
SELECT credit_gz.grade_at(:debtor, 'city_comprehensive', now() - interval '400 days') AS grade_400_days_ago,
       credit_gz.grade_at(:debtor, 'city_comprehensive', now()) AS grade_now;
\echo '-- 50.3 maintained scores equal a fresh computation (verify_scores returns no row)'
SELECT count(*) AS mismatches FROM credit_gz.verify_scores();
\echo '-- 50.4 双随机: a reproducible inspection sample in construction, ratios by grade'
SELECT grade, inspection_ratio, stratum_size, stratum_sample
  FROM (SELECT DISTINCT grade, inspection_ratio, stratum_size, stratum_sample
          FROM credit_gz.draw_inspection_sample('construction', 20261127)) s
 ORDER BY grade DESC;
\timing off
