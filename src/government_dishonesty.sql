-- =====================================================================================================================
-- 政务失信 and the 事业单位 list (中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》, 2025-03): records of the
-- dishonesty of government bodies (政务失信: e.g. not performing a judgment or a contract, not honouring a policy
-- commitment) list the body at once, and the list restricts its access to fiscal funds and awards — measures as data
-- (credit_gz.measure), pre-checked like every other; public institutions (事业单位) have an abnormal list like the
-- enterprises' 经营异常名录.
-- =====================================================================================================================

INSERT INTO credit_gz.info_item
    (code, name_zh, name_en, kind, polarity, applies_to, barred_for_natural_person, double_publicity, legal_basis, shipped)
VALUES
    ('government_dishonesty', '政务失信信息', 'Dishonesty of a government body (政务失信)', 'negative', 'negative',
     'legal_entity', false, NULL, '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月) (政务诚信)', true);

INSERT INTO credit_gz.list_type (code, name_zh, name_en, parent_code, polarity, severity, applies_to, derived_only,
        default_term_months, early_removal_after_months, early_removal_conditions,
        escalate_to_code, escalate_after_months, escalation_notice_days, legal_basis, effective_from, shipped,
        subject_kinds, from_item_code) VALUES
 ('government_dishonesty', '政务失信记录', 'Government bodies with a record of dishonesty (政务失信)', NULL, 'punishment',
  'general', 'legal_entity', false, NULL, 0, '已纠正失信行为（履行判决、合同或政策承诺）', NULL, NULL, NULL,
  '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月): 政务失信记录 限制财政资金、评优评先', '2025-03-21', true,
  ARRAY['government_agency', 'public_institution'], 'government_dishonesty'),
 ('public_institution_abnormal', '事业单位异常名录', 'Abnormal list of public institutions (事业单位)', NULL, 'attention',
  'general', 'legal_entity', false, NULL, 0, '已纠正（报送年度报告、公示信息或恢复联系）', NULL, NULL, NULL,
  '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月): 建立事业单位异常名录 (like 《企业经营异常名录管理暂行办法》)',
  '2025-03-21', true, ARRAY['public_institution'], NULL);

INSERT INTO credit_gz.list_disclosure (list_type_code, disclosure, shipped) VALUES
    ('government_dishonesty', 'public', true),
    ('public_institution_abnormal', 'public', true);

INSERT INTO credit_gz.measure (code, name_zh, list_type_code, domain_code, action, category, kind, effect,
                               legal_basis, effective_from, shipped) VALUES
 ('gd_fiscal_funds_bar', '限制申请财政资金、政府补贴和资金项目', 'government_dishonesty', NULL, 'subsidy', 'rights_reducing',
  'punishment', 'deny', '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月): 政务失信 限制财政资金', '2025-03-21', true),
 ('gd_honour_bar', '限制参加评先评优、表彰奖励', 'government_dishonesty', NULL, 'honour', 'rights_reducing', 'punishment',
  'deny', '中共中央办公厅、国务院办公厅《关于健全社会信用体系的意见》(2025年3月): 政务失信 限制评优评先', '2025-03-21', true),
 ('pia_inspection_up', '事业单位异常提高抽查比例', 'public_institution_abnormal', NULL, 'inspection_frequency',
  'management', 'punishment', 'condition', '《关于健全社会信用体系的意见》(2025年3月): 事业单位异常名录 (as 《企业经营异常名录管理暂行办法》第十八条)',
  '2025-03-21', true),
 ('pia_honour_bar', '不予授予荣誉称号', 'public_institution_abnormal', NULL, 'honour', 'management', 'punishment',
  'condition', '《关于健全社会信用体系的意见》(2025年3月): 事业单位异常名录 (as 《企业经营异常名录管理暂行办法》第十八条)',
  '2025-03-21', true);

-- list_from_record: AFTER INSERT statement trigger on credit_gz.record: a record of an item some list type is fed by
-- (list_type.from_item_code) lists its subject there, in the record's department's name (the department the record
-- was written for under row-level security), from the decision date, the record as basis — where the list is in
-- force on that day. SECURITY DEFINER: a role that records needs no rights on the lists.
CREATE FUNCTION credit_gz.list_from_record() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'credit_gz.record'::pg_catalog.regclass OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER'
       OR TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
        RAISE EXCEPTION 'credit_gz.list_from_record() fires only AFTER INSERT FOR EACH STATEMENT on credit_gz.record'
            USING ERRCODE = '39P01';
    END IF;
    IF credit_gz.restoring() THEN RETURN NULL; END IF;  -- a restore keeps the entries as dumped
    INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from, record_id)
    SELECT r.subject_id, lt.code, r.department_code, r.document_no, r.decision_date, r.record_id
      FROM list_from_record_new r
      JOIN credit_gz.list_type lt ON lt.from_item_code OPERATOR(pg_catalog.=) r.item_code
     WHERE r.status OPERATOR(pg_catalog.=) 'in_publicity'
       AND credit_gz.in_force(lt.effective_from, lt.effective_until, r.decision_date)
     ORDER BY r.subject_id, r.record_id;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.list_from_record() IS
    'Trigger: records of an item a list type is fed by (list_type.from_item_code, e.g. 政务失信) list their subject there '
    'in the department''s name from the decision date, the record as basis (list_entry.record_id), where the list is '
    'in force then. Trigger on credit_gz.record only.';
REVOKE ALL ON FUNCTION credit_gz.list_from_record() FROM PUBLIC;
CREATE TRIGGER list_from_record AFTER INSERT ON credit_gz.record REFERENCING NEW TABLE AS list_from_record_new
    FOR EACH STATEMENT EXECUTE FUNCTION credit_gz.list_from_record();
COMMENT ON TRIGGER list_from_record ON credit_gz.record IS
    '政务失信: records of a list-feeding item list their subject (one statement)';
