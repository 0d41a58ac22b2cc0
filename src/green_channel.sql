-- green channel: the lists whose members get the green-channel repair deadlines, and the positive record their
-- listing writes into the credit archive.
-- Policy: 穗府办函〔2020〕35号 三(五) 以信用支持企业复工复产 (防疫重点企业信用修复绿色通道; 参与防疫作为守信信息).

-- ====================================================================
-- Green channel (绿色通道, 三(五)): the epidemic-prevention key-enterprise list
-- ====================================================================

INSERT INTO credit_gz.list_type (code, name_zh, name_en, polarity, severity, applies_to, default_term_months,
                                 early_removal_after_months, legal_basis, effective_from, shipped)
VALUES ('epidemic_key_enterprise', '防疫重点保障企业名录', 'Epidemic-prevention key enterprises', 'reward', 'none',
        'legal_entity', NULL, 0,
        '穗府办函〔2020〕35号 三(五): 根据国家、省、市认定的防疫重点保障企业名录 … 设立信用修复绿色通道', '2020-02-01', true);

CREATE TABLE credit_gz.green_channel_list (
    list_type_code  text PRIMARY KEY REFERENCES credit_gz.list_type (code),
    positive_item_code text REFERENCES credit_gz.info_item (code),
    basis           text NOT NULL
);
COMMENT ON TABLE credit_gz.green_channel_list IS
    '绿色通道名单 / lists whose active members get the green-channel repair deadlines (deadline_rule channel green) '
    'and whose listing is recorded as positive (守信) information in the credit archive (三(五)).';
COMMENT ON COLUMN credit_gz.green_channel_list.list_type_code IS '名单类型 / list type';
COMMENT ON COLUMN credit_gz.green_channel_list.positive_item_code IS
    '守信信息项 / information item of the positive record written when a subject is listed (NULL: none)';
COMMENT ON COLUMN credit_gz.green_channel_list.basis IS '依据 / basis';

CREATE FUNCTION credit_gz.repair_channel(subject_id bigint, on_day date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN EXISTS (
            SELECT FROM credit_gz.list_entry e JOIN credit_gz.green_channel_list g ON g.list_type_code = e.list_type_code
            WHERE e.subject_id = repair_channel.subject_id AND e.status = 'active'
              AND credit_gz.in_force(e.effective_from, e.effective_until, on_day))
       THEN 'green' ELSE 'standard' END;
COMMENT ON FUNCTION credit_gz.repair_channel(bigint, date) IS
    '修复通道 / green when the subject is on a green-channel list (防疫重点保障企业) on the day, standard otherwise.';

-- The shipped green-channel list, and the positive (守信) record a listing on it writes into the archive.
INSERT INTO credit_gz.green_channel_list (list_type_code, positive_item_code, basis) VALUES
    ('epidemic_key_enterprise', 'epidemic_support',
     '穗府办函〔2020〕35号 三(五): 设立疫情防控期间行政处罚信息信用修复绿色通道 … 将企业参与防疫相关信息作为守信信息纳入企业信用档案');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.green_channel_list',
                                           'WHERE list_type_code <> ''epidemic_key_enterprise''');

-- AFTER INSERT on list_entry: a subject listed on a green-channel list gets a positive (守信) record in its archive,
-- through the archive's idempotent loader, in the listing transaction; scores follow through the record triggers.
CREATE FUNCTION credit_gz.green_channel_positive_record() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    item text;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    SELECT g.positive_item_code INTO item FROM credit_gz.green_channel_list g WHERE g.list_type_code = NEW.list_type_code;
    IF item IS NOT NULL AND NEW.status = 'active' THEN
        PERFORM credit_gz.load_record(
            NEW.department_code, pg_catalog.format('%s / list entry %s', NEW.basis_document, NEW.entry_id),
            NEW.subject_id, item, NEW.effective_from, NULL, NULL, 'public',
            (SELECT t.name_zh FROM credit_gz.list_type t WHERE t.code = NEW.list_type_code) || ': 参与疫情防控',
            pg_catalog.jsonb_build_object('entry_id', NEW.entry_id, 'basis_document', NEW.basis_document));
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION credit_gz.green_channel_positive_record() IS
    'Trigger: listing on a green-channel list (防疫重点保障企业) records the participation as positive information '
    '(三(五)), one record per entry (document "<basis> / list entry <id>").';
CREATE TRIGGER green_channel_positive_record AFTER INSERT ON credit_gz.list_entry
    FOR EACH ROW EXECUTE FUNCTION credit_gz.green_channel_positive_record();
COMMENT ON TRIGGER green_channel_positive_record ON credit_gz.list_entry IS
    '绿色通道正面信息 / listing on a green-channel list records the participation as positive information (三(五))';
