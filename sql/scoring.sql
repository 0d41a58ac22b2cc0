-- scoring: exact outputs of scoring, history, breakdown and the errors users see.
BEGIN;
SET LOCAL search_path = public;

-- shipped models: one per domain, the comprehensive model and the market-supervision risk model
SELECT kind, count(*) FROM credit_gz.scoring_model GROUP BY kind ORDER BY kind;
SELECT code, base_score, floor_score, ceiling_score, a_min, b_min, c_min, no_history_grade
  FROM credit_gz.scoring_model WHERE code IN ('city_comprehensive', 'market_risk', 'taxation') ORDER BY 1;
SELECT grade, inspection_ratio, incentives, constraints
  FROM credit_gz.supervision_measure WHERE domain_code = 'taxation' ORDER BY grade DESC;

-- a model without decay, so that the output does not depend on today's date
INSERT INTO credit_gz.scoring_model (code, name_zh, name_en, kind, base_score, floor_score, ceiling_score,
                                     a_min, b_min, c_min, warning_drop, warning_window)
VALUES ('regress', '回归测试模型', 'regression model', 'comprehensive', 80, 0, 100, 90, 70, 40, 10, '30 days');
INSERT INTO credit_gz.scoring_rule (model_code, item_kind, severity, points, effective_from)
VALUES ('regress', 'penalty', NULL, -6, '2019-01-01'),
       ('regress', 'penalty', 'serious', -25, '2019-01-01'),
       ('regress', 'positive', NULL, 2.5, '2019-01-01');
INSERT INTO credit_gz.subject (uscc, name) VALUES (credit_gz.uscc_make('91440106' || '770008818'), '计分回归测试公司');
INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
SELECT subject_id, v.item, v.sev, 'construction', 'market_regulation', v.doc, credit_gz.policy_date() - 3
  FROM credit_gz.subject, (VALUES ('administrative_penalty', 'minor', 'REG-1'), ('honour', NULL, 'REG-2'),
                                  ('administrative_penalty', 'serious', 'REG-3')) v (item, sev, doc)
 WHERE name = '计分回归测试公司';

SELECT score, grade, raw_points, contributions FROM credit_gz.subject_score sc JOIN credit_gz.subject s USING (subject_id)
 WHERE s.name = '计分回归测试公司' AND model_code = 'regress';
SELECT old_grade, new_grade, old_score, new_score, cause, r.document_no
  FROM credit_gz.grade_history h JOIN credit_gz.subject s USING (subject_id)
  LEFT JOIN credit_gz.record r ON r.record_id = h.cause_record_id
 WHERE s.name = '计分回归测试公司' AND h.model_code = 'regress' ORDER BY h.history_id;
SELECT b.source, r.document_no, b.match_code, b.points, b.effective_points, b.max_grade
  FROM credit_gz.subject s, credit_gz.score_breakdown(s.subject_id, 'regress') b
  LEFT JOIN credit_gz.record r ON r.record_id = b.source_id
 WHERE s.name = '计分回归测试公司' ORDER BY b.source, r.document_no;
SELECT w.kind, w.old_grade, w.new_grade, w.score_before, w.score_now, w.score_drop
  FROM credit_gz.warning w JOIN credit_gz.subject s USING (subject_id)
 WHERE s.name = '计分回归测试公司' AND w.model_code = 'regress' ORDER BY w.kind, w.since;
SELECT credit_gz.grade_at(s.subject_id, 'regress', now() - interval '1 hour') AS before,
       credit_gz.grade_at(s.subject_id, 'regress', clock_timestamp()) AS now,
       credit_gz.grade_at(s.subject_id, 'no_such_model', now()) AS unknown_model
  FROM credit_gz.subject s WHERE s.name = '计分回归测试公司';
SELECT count(*) AS stale FROM credit_gz.verify_scores();

-- errors
SAVEPOINT e;
SELECT credit_gz.recompute_scores('no_such_model');
ROLLBACK TO e;
INSERT INTO credit_gz.scoring_rule (scoring_rule_id, model_code, item_kind, points, decay, effective_from)
VALUES (9001, 'regress', 'penalty', -1, 'exponential', '2019-01-01');
ROLLBACK TO e;
INSERT INTO credit_gz.scoring_rule (scoring_rule_id, model_code, item_kind, points, decay, effective_from)
VALUES (9002, 'regress', 'penalty', -1, 'step', '2019-01-01');
ROLLBACK TO e;
INSERT INTO credit_gz.scoring_rule (scoring_rule_id, model_code, source, list_type_code, item_kind, points, effective_from)
VALUES (9003, 'regress', 'list_entry', 'abnormal_operations', 'penalty', -1, '2019-01-01');
ROLLBACK TO e;
INSERT INTO credit_gz.scoring_model (code, name_zh, name_en, kind, base_score, floor_score, ceiling_score,
                                     a_min, b_min, c_min)
VALUES ('bad', '坏模型', 'bad model', 'comprehensive', 80, 0, 100, 60, 70, 40);
ROLLBACK TO e;
SELECT credit_gz.decayed_points(100, 9::smallint, NULL, NULL, NULL, credit_gz.policy_date());
ROLLBACK TO e;
SELECT credit_gz.scoring_grade(5000, 1, NULL, 9000, 7000, 4000, 'Z');
ROLLBACK TO e;
ROLLBACK;
