-- credit_gz 1.0 → 1.1 (ALTER EXTENSION credit_gz UPDATE). Every change to an installed object after the 1.0
-- release is made here as well as in src/*.sql, in the same commit; test/shell/upgrade.sh compares a database upgraded
-- from 1.0 with a fresh install of 1.1, object by object, and fails on any difference.
\echo Use "ALTER EXTENSION credit_gz UPDATE TO '1.1'" to load this file. \quit

-- Operations: plain restores keep every row. A superuser's session replaying a dump (credit_gz.restoring()) leaves
-- the rows it inserts as dumped: the trigger functions below return at once on such an insert (the C triggers test
-- the same C function), and the scores and every derived list entry are dumped.
-- ---------------------------------------------------------------------------------------------------------------
-- Restores (doc/archive.md, "Backup and restore"). A dump carries every row the triggers derive or log (the audit
-- log, code lookups, derived list entries, scores and their history), so while a superuser's session replays one the
-- triggers keep the inserted rows as dumped instead of deriving, logging or judging them again.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION credit_gz.restoring() RETURNS boolean
    LANGUAGE c STABLE PARALLEL SAFE
    AS 'MODULE_PATHNAME', 'credit_gz_restoring';
COMMENT ON FUNCTION credit_gz.restoring() IS
    '恢复中 / whether this session replays a dump: row_security and check_function_bodies off (as pg_dump and '
    'pg_restore set them at the start of every session they write or replay), outside CREATE or ALTER EXTENSION, '
    'and the session user a superuser. The extension''s triggers then keep inserted rows as dumped. A SECURITY '
    'DEFINER function does not change the session user, so no other role can switch the triggers off with it.';

CREATE OR REPLACE FUNCTION credit_gz.domain_parent_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.code <> OLD.code) THEN
        IF EXISTS (SELECT FROM credit_gz.domain d WHERE d.parent_code = OLD.code) THEN
            RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'domain_parent_code_fkey',
                MESSAGE = pg_catalog.format('domain %s still has sub-domains', OLD.code),
                DETAIL = 'Sub-domains name it as parent_code.',
                HINT = 'Move or delete the sub-domains first.';
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.parent_code IS NOT NULL
       AND NOT EXISTS (SELECT FROM credit_gz.domain d WHERE d.code = NEW.parent_code AND d.parent_code IS NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'domain_parent_code_fkey',
            MESSAGE = pg_catalog.format('domain %s: parent %s is not a top-level domain', NEW.code, NEW.parent_code),
            DETAIL = 'Domains have two levels: the annex''s domains and their sub-domains.',
            HINT = 'Give the code of a top-level domain, or NULL.';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.subject_before()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ac     text;
    region text;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.uscc IS NOT NULL THEN
        IF NEW.kind IS NULL THEN
            ac := credit_gz.uscc_authority(NEW.uscc) || credit_gz.uscc_category(NEW.uscc);
            NEW.kind := CASE
                WHEN ac = '91' THEN 'enterprise'
                WHEN ac = '92' THEN 'individual_business'
                WHEN ac = '93' THEN 'farmer_cooperative'
                WHEN ac = '11' THEN 'government_agency'
                WHEN ac IN ('12', '13') THEN 'public_institution'
                WHEN ac LIKE '3%' THEN 'legal_service_organization'
                WHEN ac LIKE '5%' OR ac LIKE '8%' THEN 'social_organization'
                ELSE 'other_organization' END;
        END IF;
        NEW.district := credit_gz.uscc_district(NEW.uscc);
    ELSIF NEW.resident_id IS NOT NULL THEN
        region := credit_gz.resident_id_region(NEW.resident_id);
        -- citizens' numbers begin with a province (1–8); 9 marks a foreigner's permanent residence number, which has
        -- the same form and check (国家移民管理局, 2023) and is an identity document of its own
        IF pg_catalog.left(region, 1) = '9' THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = pg_catalog.format('%s is a permanent residence number, not a citizen identity number',
                                            NEW.resident_id::text),
                HINT = 'Give it as identity_document_type ''permanent_residence'' and identity_document_no.';
        END IF;
        NEW.kind := coalesce(NEW.kind, 'natural_person');
        NEW.district := credit_gz.region_district(region);
    ELSIF NEW.identity_document_no IS NOT NULL OR NEW.identity_document_type IS NOT NULL THEN
        -- the resident identity card has its own column: a second place for it would let one person in twice
        IF EXISTS (SELECT FROM credit_gz.identity_document_type t
                    WHERE t.code = NEW.identity_document_type AND t.validation = 'gb11643') THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = pg_catalog.format('identity document type "%s" is carried by column resident_id',
                                            NEW.identity_document_type),
                HINT = 'Give the number as resident_id and leave identity_document_type and identity_document_no NULL.';
        END IF;
        -- (a type without a number, or a number without a type, is left to subject_identity_document)
        NEW.identity_document_no := coalesce(credit_gz.identity_document_no(NEW.identity_document_type,
                                                                            NEW.identity_document_no),
                                             NEW.identity_document_no);
        NEW.kind := coalesce(NEW.kind, 'natural_person');
        -- none of these documents names a place of residence in Guangzhou
        NEW.district := NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (OLD.uscc IS NULL) <> (NEW.uscc IS NULL) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'subject_person_kind',
                MESSAGE = pg_catalog.format('subject %s cannot change between organisation and natural person', OLD.subject_id),
                DETAIL = 'A subject''s identity kind is fixed: records were checked against it.',
                HINT = 'Create a new subject for the other identity.';
        END IF;
        NEW.updated_at := pg_catalog.now();
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.subject_reference_check()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ref bigint;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' OR TG_NARGS <> 1 THEN
        RAISE EXCEPTION 'credit_gz.subject_reference_check() must be an AFTER ROW trigger on a credit_gz table naming a column';
    END IF;
    ref := (pg_catalog.to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    IF ref IS NOT NULL AND NOT EXISTS (SELECT FROM credit_gz.subject s WHERE s.subject_id = ref) THEN
        RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_NAME, SCHEMA = TG_TABLE_SCHEMA,
            TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0],
            MESSAGE = pg_catalog.format('insert or update on table "%s" violates foreign key constraint "%s"',
                                        TG_TABLE_NAME, TG_NAME),
            DETAIL = pg_catalog.format('Key (%s)=(%s) is not present in table "subject".', TG_ARGV[0], ref);
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.code_lookup_sync()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, credit_gz, pg_temp
AS $$
DECLARE
    lookup text := TG_ARGV[0];
    id     text := TG_ARGV[1];
    codes  text[] := TG_ARGV[2:];
    cols   text;
    same   text;
    given  text;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_TABLE_SCHEMA <> 'credit_gz' OR TG_WHEN <> 'AFTER' OR TG_NARGS < 3
       OR (TG_LEVEL = 'ROW') <> (TG_OP = 'UPDATE') THEN
        RAISE EXCEPTION 'credit_gz.code_lookup_sync() must be an AFTER trigger on a credit_gz table (row level for UPDATE only) naming a lookup table, an id and codes';
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        EXECUTE pg_catalog.format('TRUNCATE credit_gz.%I', lookup);
        RETURN NULL;
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%I', c), ', '),
           pg_catalog.string_agg(pg_catalog.format('l.%1$I = o.%1$I', c), ' AND '),
           pg_catalog.string_agg(pg_catalog.format('n.%I IS NOT NULL', c), ' AND ')
      INTO cols, same, given
      FROM pg_catalog.unnest(codes) AS c;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE pg_catalog.format('DELETE FROM credit_gz.%I l USING %s o WHERE %s AND l.subject_id = o.subject_id AND l.%I = o.%I',
                                  lookup, CASE WHEN TG_OP = 'UPDATE' THEN '(SELECT ($1).*)' ELSE 'code_lookup_old' END,
                                  same, id, id)
          USING OLD;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        -- the subject's own codes name the subject itself: the id is subject_id, written once
        EXECUTE pg_catalog.format('INSERT INTO credit_gz.%I (%s, subject_id%s) SELECT %s, n.subject_id%s FROM %s n WHERE %s',
                                  lookup, cols, CASE WHEN id <> 'subject_id' THEN pg_catalog.format(', %I', id) ELSE '' END,
                                  (SELECT pg_catalog.string_agg('n.' || pg_catalog.format('%I', c), ', ')
                                     FROM pg_catalog.unnest(codes) AS c),
                                  CASE WHEN id <> 'subject_id' THEN pg_catalog.format(', n.%I', id) ELSE '' END,
                                  CASE WHEN TG_OP = 'UPDATE' THEN '(SELECT ($1).*)' ELSE 'code_lookup_new' END, given)
          USING NEW;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.occupation_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF credit_gz.subject_is_person(NEW.subject_id) IS FALSE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'occupation_subject_id_fkey',
            MESSAGE = pg_catalog.format('occupational archive for subject %s: the holder must be a natural person', NEW.subject_id),
            DETAIL = 'Occupational archives (职业档案) are kept for natural persons of key groups.',
            HINT = 'Record the organisation as employer_subject_id and the person as subject_id.';
    END IF;
    IF NEW.employer_subject_id IS NOT NULL AND credit_gz.subject_is_person(NEW.employer_subject_id) IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'occupation_employer',
            MESSAGE = pg_catalog.format('occupational archive for subject %s: the employer must be an organisation', NEW.subject_id),
            DETAIL = pg_catalog.format('Subject %s is a natural person.', NEW.employer_subject_id),
            HINT = 'Give the subject_id of the firm, hospital, school or agency.';
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.relation_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    org_person boolean := credit_gz.subject_is_person(NEW.subject_id);
    rel_person boolean := credit_gz.subject_is_person(NEW.related_subject_id);
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF org_person IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_subject_id_fkey',
            MESSAGE = pg_catalog.format('relation %s: subject %s is a natural person, relations belong to organisations',
                                        NEW.kind, NEW.subject_id),
            DETAIL = 'subject_id is the organisation; related_subject_id is its legal representative, branch, shareholder, ….',
            HINT = 'Swap subject_id and related_subject_id.';
    END IF;
    IF NEW.kind IN ('legal_representative', 'principal_person') AND rel_person IS FALSE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_related_subject_id_fkey',
            MESSAGE = pg_catalog.format('relation %s: related subject %s must be a natural person', NEW.kind, NEW.related_subject_id),
            DETAIL = 'Legal representatives and principal persons are natural persons.',
            HINT = 'Give the subject_id of the person.';
    END IF;
    IF NEW.kind = 'branch' AND rel_person IS TRUE THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'relation_related_subject_id_fkey',
            MESSAGE = pg_catalog.format('relation branch: related subject %s must be an organisation', NEW.related_subject_id),
            DETAIL = 'A branch (分支机构) has its own unified social credit code.',
            HINT = 'Give the subject_id of the branch.';
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.relation_one_legal_representative()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.kind = 'legal_representative' AND EXISTS (
           SELECT FROM credit_gz.relation r
            WHERE r.subject_id = NEW.subject_id AND r.kind = 'legal_representative'
              AND r.relation_id <> NEW.relation_id
              AND daterange(r.valid_from, r.valid_until) && daterange(NEW.valid_from, NEW.valid_until)) THEN
        RAISE EXCEPTION USING ERRCODE = 'exclusion_violation', CONSTRAINT = TG_NAME,
            MESSAGE = pg_catalog.format('subject %s already has a legal representative overlapping %s',
                                        NEW.subject_id, daterange(NEW.valid_from, NEW.valid_until)),
            DETAIL = 'An organisation has one legal representative at a time.',
            HINT = 'Close the current one first: UPDATE credit_gz.relation SET valid_until = … (the first day it no longer holds).';
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.commitment_before()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status = 'not_fulfilled' AND (TG_OP = 'INSERT' OR OLD.status <> 'not_fulfilled') THEN
        NEW.determined_on := coalesce(NEW.determined_on, credit_gz.policy_date());
        NEW.breach_document_no := coalesce(NEW.breach_document_no, 'CMT-' || NEW.commitment_id);
        NEW.record_id := credit_gz.load_record(
            NEW.department_code, NEW.breach_document_no, NEW.subject_id, 'commitment_breach', NEW.determined_on,
            NEW.domain_code, NULL, CASE WHEN NEW.is_public THEN 'public' ELSE 'government' END,
            '不履行信用承诺: ' || NEW.matter,
            pg_catalog.jsonb_build_object('commitment_id', NEW.commitment_id, 'kind', NEW.kind,
                                          'matter_ref', NEW.matter_ref, 'due_date', NEW.due_date));
        UPDATE credit_gz.record SET status = 'in_publicity'
         WHERE subject_id = NEW.subject_id AND record_id = NEW.record_id AND status = 'revoked';
    ELSIF TG_OP = 'UPDATE' AND OLD.status = 'not_fulfilled' AND NEW.status <> 'not_fulfilled'
          AND OLD.record_id IS NOT NULL THEN
        UPDATE credit_gz.record SET status = 'revoked' WHERE subject_id = OLD.subject_id AND record_id = OLD.record_id;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := pg_catalog.now();
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.audit_trigger()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    o jsonb;
    n jsonb;
    r jsonb;
    k text;
    role name;
    keys text[] := TG_ARGV;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' THEN
        RAISE EXCEPTION 'credit_gz.audit_trigger() must be an AFTER ROW trigger'
            USING ERRCODE = 'trigger_protocol_violated',
                  DETAIL = pg_catalog.format('Trigger "%s" on table "%s" fires %s %s.', TG_NAME, TG_TABLE_NAME,
                                             TG_WHEN, TG_LEVEL);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN o := pg_catalog.to_jsonb(OLD); END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN n := pg_catalog.to_jsonb(NEW); END IF;
    IF TG_OP = 'UPDATE' AND o = n THEN
        RETURN NULL;                -- nothing changed: nothing to audit
    END IF;
    r := coalesce(n, o);
    IF coalesce(pg_catalog.cardinality(keys), 0) = 0 THEN
        SELECT pg_catalog.array_agg(a.attname::text ORDER BY x.ord) INTO keys
          FROM pg_catalog.pg_index i
          CROSS JOIN LATERAL pg_catalog.unnest(i.indkey) WITH ORDINALITY AS x(attnum, ord)
          JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = x.attnum
         WHERE i.indrelid = TG_RELID AND i.indisprimary;
    END IF;
    k := (SELECT pg_catalog.string_agg(r ->> u.key, ',' ORDER BY u.ord)
            FROM pg_catalog.unnest(keys) WITH ORDINALITY AS u(key, ord));
    -- Running as the definer, CURRENT_USER is the extension owner: the caller's role is the session's SET ROLE
    -- (the 'role' setting, which SECURITY DEFINER does not change), else the session user.
    role := coalesce(NULLIF(pg_catalog.current_setting('role'), 'none'), SESSION_USER)::name;
    IF r ? 'subject_id' THEN
        INSERT INTO credit_gz.audit_log (subject_id, table_name, row_key, action, old_row, new_row, role_name)
        VALUES ((r ->> 'subject_id')::bigint,
                pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.' || pg_catalog.quote_ident(TG_TABLE_NAME),
                k, TG_OP, o, n, role);
    ELSE
        INSERT INTO credit_gz.catalogue_audit_log (table_name, row_key, action, old_row, new_row, role_name)
        VALUES (pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.' || pg_catalog.quote_ident(TG_TABLE_NAME),
                k, TG_OP, o, n, role);
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.deadline_rule_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    other integer;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    -- Shipped rules (1–999) are re-created by CREATE EXTENSION on restore, so changes to them would be lost.
    IF (TG_OP <> 'INSERT' AND OLD.deadline_rule_id < 1000) OR (TG_OP <> 'DELETE' AND NEW.deadline_rule_id < 1000) THEN
        RAISE EXCEPTION 'deadline rules below 1000 ship with the extension and cannot be added, changed or deleted'
            USING ERRCODE = '23514',
                  DETAIL = 'Shipped rules are re-created on restore; only local rules (deadline_rule_id >= 1000) are kept by pg_dump.',
                  HINT = 'Insert a local rule with deadline_rule_id >= 1000: on the days it is in force it takes precedence.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    -- One local rule per (procedure, step, channel) on any day; serialise writers so two concurrent inserts cannot
    -- both pass.
    LOCK TABLE credit_gz.deadline_rule IN SHARE ROW EXCLUSIVE MODE;
    SELECT r.deadline_rule_id INTO other
    FROM credit_gz.deadline_rule r
    WHERE r.procedure = NEW.procedure AND r.step = NEW.step AND r.channel = NEW.channel
      AND r.deadline_rule_id <> NEW.deadline_rule_id AND r.deadline_rule_id >= 1000
      AND pg_catalog.daterange(r.effective_from, r.effective_until) && pg_catalog.daterange(NEW.effective_from, NEW.effective_until)
    LIMIT 1;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'deadline rule % overlaps rule % for % %, channel %', NEW.deadline_rule_id, other, NEW.procedure, NEW.step, NEW.channel
            USING ERRCODE = '23P01',
                  DETAIL = 'Only one local rule may be in force for a step of a procedure on any day.',
                  HINT = 'Set effective_until on the older local rule first.';
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION credit_gz.green_channel_positive_record() RETURNS trigger
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
CREATE OR REPLACE FUNCTION credit_gz.list_entry_check() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    lt credit_gz.list_type;
    earliest date;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    NEW.updated_at := now();
    IF NEW.derived_from_entry_id IS NOT NULL OR (TG_OP = 'UPDATE' AND OLD.derived_from_entry_id IS NOT NULL) THEN
        RETURN NEW;  -- derived entries are checked by the propagation trigger (credit_gz.list_entry_propagate)
    END IF;
    SELECT * INTO lt FROM credit_gz.list_type WHERE code = NEW.list_type_code;
    IF TG_OP = 'INSERT' THEN
        IF lt.derived_only THEN
            RAISE EXCEPTION 'list type "%" is reached only through propagation', NEW.list_type_code
                USING ERRCODE = 'check_violation',
                      DETAIL = format('%s (%s) lists the persons responsible for a listed organisation.', lt.name_zh, lt.name_en),
                      HINT = 'List the organisation on the source list; its responsible persons are derived along its relations.';
        END IF;
        IF NOT credit_gz.in_force(lt.effective_from, lt.effective_until, NEW.effective_from) THEN
            RAISE EXCEPTION 'list type "%" is not in force on %', NEW.list_type_code, to_char(NEW.effective_from, 'YYYY-MM-DD')
                USING ERRCODE = 'check_violation',
                      DETAIL = format('The list type is in force from %s%s.', to_char(lt.effective_from, 'YYYY-MM-DD'),
                                      coalesce(', and no longer from ' || to_char(lt.effective_until, 'YYYY-MM-DD'), '')),
                      HINT = 'Use the list type in force on the date of the determination.';
        END IF;
        IF lt.applies_to <> 'both' AND EXISTS (
               SELECT 1 FROM credit_gz.subject s WHERE s.subject_id = NEW.subject_id
                  AND (s.uscc IS NULL) <> (lt.applies_to = 'natural_person')) THEN
            RAISE EXCEPTION 'list type "%" applies only to %s', NEW.list_type_code, replace(lt.applies_to, '_', ' ')
                USING ERRCODE = 'check_violation',
                      DETAIL = format('Subject %s is not a %s.', NEW.subject_id, replace(lt.applies_to, '_', ' ')),
                      HINT = 'Choose a list type that applies to this kind of subject.';
        END IF;
        IF NEW.effective_until IS NULL AND lt.default_term_months IS NOT NULL THEN
            -- the term runs from the listing date; the anniversary is the first day no longer in force
            NEW.effective_until := credit_gz.add_months(NEW.effective_from, lt.default_term_months);
        END IF;
        IF NEW.status <> 'active' AND NEW.status_changed_on IS NULL THEN
            NEW.status_changed_on := credit_gz.policy_date();
        END IF;
        RETURN NEW;
    END IF;

    -- UPDATE of a directly determined entry
    IF NEW.subject_id <> OLD.subject_id OR NEW.list_type_code <> OLD.list_type_code
       OR NEW.derived_from_entry_id IS NOT NULL THEN
        RAISE EXCEPTION 'the subject and list type of list entry % cannot change', OLD.entry_id
            USING ERRCODE = 'check_violation',
                  DETAIL = 'An entry records one determination about one subject.',
                  HINT = 'Revoke the entry (status ''revoked'') and create a new one.';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF OLD.status <> 'active' THEN
            RAISE EXCEPTION 'list entry % is already %', OLD.entry_id, OLD.status
                USING ERRCODE = 'check_violation',
                      DETAIL = 'Only an active entry changes status; a later determination is a new entry.',
                      HINT = 'Create a new entry for a new determination.';
        END IF;
        NEW.status_changed_on := coalesce(NEW.status_changed_on, credit_gz.policy_date());
        IF NEW.status_changed_on IS NOT DISTINCT FROM OLD.status_changed_on THEN
            NEW.status_changed_on := credit_gz.policy_date();
        END IF;
        IF NEW.status = 'expired' AND (OLD.effective_until IS NULL OR OLD.effective_until > NEW.status_changed_on) THEN
            RAISE EXCEPTION 'list entry % has not reached the end of its term', OLD.entry_id
                USING ERRCODE = 'check_violation',
                      DETAIL = CASE WHEN OLD.effective_until IS NULL THEN 'The entry is in force until it is removed.'
                                    ELSE format('The entry is no longer in force from %s.', to_char(OLD.effective_until, 'YYYY-MM-DD')) END,
                      HINT = 'Use status ''lifted'' or ''repaired'' for an early removal.';
        END IF;
        IF NEW.status IN ('lifted', 'repaired')
           AND (OLD.effective_until IS NULL OR OLD.effective_until > NEW.status_changed_on) THEN
            IF lt.early_removal_after_months IS NULL THEN
                RAISE EXCEPTION 'list type "%" allows no early removal', OLD.list_type_code
                    USING ERRCODE = 'check_violation',
                          DETAIL = CASE WHEN OLD.effective_until IS NULL
                                        THEN format('Entry %s stays in force until it is revoked.', OLD.entry_id)
                                        ELSE format('Entry %s stays in force until %s, the first day it no longer is.',
                                                    OLD.entry_id, to_char(OLD.effective_until, 'YYYY-MM-DD')) END,
                          HINT = 'Revoke the entry if the determination itself was wrong.';
            END IF;
            earliest := credit_gz.add_months(OLD.effective_from, lt.early_removal_after_months);
            IF NEW.status_changed_on < earliest THEN
                RAISE EXCEPTION 'list entry % cannot be removed before %', OLD.entry_id, to_char(earliest, 'YYYY-MM-DD')
                    USING ERRCODE = 'check_violation',
                          DETAIL = format('%s allows early removal %s months after listing, on conditions: %s.',
                                          lt.name_zh, lt.early_removal_after_months,
                                          coalesce(lt.early_removal_conditions, 'none stated')),
                          HINT = 'Wait until the early-removal date, or revoke the entry if the determination was wrong.';
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.propagation_rule_inserted() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    PERFORM credit_gz.repropagate(ARRAY(SELECT list_type_code FROM new_rows));
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.dishonesty_case_step_check() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    k credit_gz.case_step_kind;
    prev record;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM credit_gz.dishonesty_case c WHERE c.subject_id = OLD.subject_id AND c.case_id = OLD.case_id) THEN
            RETURN OLD;  -- the whole case is being deleted (ON DELETE CASCADE)
        END IF;
        RAISE EXCEPTION 'steps of dishonesty case % cannot be deleted', OLD.case_id
            USING ERRCODE = 'check_violation', DETAIL = 'A case keeps the record of every step it went through.',
                  HINT = 'Correct the date or note of the step instead.';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.step <> OLD.step THEN
        RAISE EXCEPTION 'the step of a dishonesty case step cannot change'
            USING ERRCODE = 'check_violation', DETAIL = 'Each row records one step.', HINT = 'Record the next step as a new row.';
    END IF;
    SELECT * INTO k FROM credit_gz.case_step_kind WHERE code = NEW.step;
    SELECT s.step, s.done_on, sk.seq INTO prev
      FROM credit_gz.dishonesty_case_step s JOIN credit_gz.case_step_kind sk ON sk.code = s.step
     WHERE s.subject_id = NEW.subject_id AND s.case_id = NEW.case_id AND sk.seq = k.seq - 1;
    IF k.seq > 1 AND prev.step IS NULL THEN
        RAISE EXCEPTION 'dishonesty case % has not completed the step before %', NEW.case_id, NEW.step
            USING ERRCODE = 'check_violation',
                  DETAIL = 'Steps follow 核查 → 记录 → 监管 → 惩戒 → 整改 → 教育 (verification, recording, supervision, punishment, rectification, education).',
                  HINT = 'Record the earlier step first.';
    END IF;
    IF k.seq > 1 AND NEW.done_on < prev.done_on THEN
        RAISE EXCEPTION 'step % of dishonesty case % cannot precede step %', NEW.step, NEW.case_id, prev.step
            USING ERRCODE = 'check_violation',
                  DETAIL = format('Step %s was done on %s; step %s is dated %s.', prev.step, to_char(prev.done_on, 'YYYY-MM-DD'),
                                  NEW.step, to_char(NEW.done_on, 'YYYY-MM-DD')),
                  HINT = 'Date each step on or after the previous one.';
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.dishonesty_case_stage() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    UPDATE credit_gz.dishonesty_case c
       SET stage = s.step, stage_on = s.done_on
      FROM (SELECT st.step, st.done_on FROM credit_gz.dishonesty_case_step st
              JOIN credit_gz.case_step_kind sk ON sk.code = st.step
             WHERE st.subject_id = NEW.subject_id AND st.case_id = NEW.case_id ORDER BY sk.seq DESC LIMIT 1) s
     WHERE c.subject_id = NEW.subject_id AND c.case_id = NEW.case_id;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION credit_gz.objection_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r credit_gz.record;
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION 'an objection starts as submitted, not %', NEW.status
            USING ERRCODE = '23514', HINT = 'Insert with the default status and use objection_accept/objection_resolve.';
    END IF;
    SELECT * INTO r FROM credit_gz.record WHERE record_id = NEW.record_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'credit record % does not exist', NEW.record_id
            USING ERRCODE = '23503', HINT = 'Give the record_id of a record in credit_gz.record.';
    END IF;
    IF r.status NOT IN ('in_publicity') THEN
        RAISE EXCEPTION 'credit record % cannot be disputed in status %', NEW.record_id, r.status
            USING ERRCODE = 'CG621',
                  DETAIL = CASE WHEN r.status = 'under_objection' THEN 'An objection to the record is already open.'
                                ELSE 'Only records in publicity can be disputed.' END,
                  HINT = 'Ask the provider department about records no longer published.';
    END IF;
    NEW.submitted_at := pg_catalog.now();    -- deadlines run from the real submission day
    NEW.subject_id := r.subject_id;
    NEW.department_code := r.department_code;
    NEW.prior_status := r.status;
    NEW.accepted_at := NULL; NEW.platform_due := NULL; NEW.referred_at := NULL; NEW.provider_due := NULL;
    NEW.resolved_at := NULL; NEW.outcome := NULL; NEW.corrections := NULL;
    NEW.accept_overdue_at := NULL; NEW.platform_overdue_at := NULL; NEW.provider_overdue_at := NULL;
    NEW.accept_due := credit_gz.deadline('objection', 'acceptance', 'standard', credit_gz.policy_date(NEW.submitted_at));
    UPDATE credit_gz.record SET status = 'under_objection' WHERE subject_id = r.subject_id AND record_id = NEW.record_id;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION credit_gz.repair_application_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    el record;
    day date := credit_gz.policy_date();
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    IF NEW.status <> 'submitted' THEN
        RAISE EXCEPTION 'a repair application starts as submitted, not %', NEW.status
            USING ERRCODE = '23514', HINT = 'Insert with the default status and use repair_accept/repair_approve.';
    END IF;
    NEW.submitted_at := pg_catalog.now();    -- deadlines run from the real submission day
    NEW.accepted_at := NULL; NEW.decided_at := NULL; NEW.decide_due := NULL;
    NEW.accept_overdue_at := NULL; NEW.decide_overdue_at := NULL;
    IF NEW.record_id IS NOT NULL THEN
        SELECT r.subject_id, r.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.record r WHERE r.record_id = NEW.record_id FOR SHARE;
        SELECT * INTO el FROM credit_gz.record_repair_eligibility(NEW.record_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(format('credit record %s', NEW.record_id), el.reasons, el.eligible_from);
        END IF;
    ELSIF NEW.entry_id IS NOT NULL THEN
        SELECT e.subject_id, e.department_code INTO NEW.subject_id, NEW.department_code
        FROM credit_gz.list_entry e WHERE e.entry_id = NEW.entry_id FOR SHARE;
        SELECT * INTO el FROM credit_gz.entry_repair_eligibility(NEW.entry_id, day, NEW.obligations_performed_on);
        IF NOT el.eligible THEN
            PERFORM credit_gz.repair_raise_ineligible(format('list entry %s', NEW.entry_id), el.reasons, el.eligible_from);
        END IF;
    END IF;
    NEW.channel := credit_gz.repair_channel(NEW.subject_id, day);
    NEW.accept_due := credit_gz.deadline('repair', 'acceptance', NEW.channel, day);
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION credit_gz.calendar_guard_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' AND credit_gz.restoring() THEN RETURN NEW; END IF;  -- a restore keeps its rows as dumped
    -- Only install/update scripts ship rows (they insert with this trigger disabled); a DBA's rows are local.
    NEW.shipped := false;
    RETURN NEW;
END $$;
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_entry', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.subject_score', '');
SELECT pg_catalog.pg_extension_config_dump('credit_gz.list_guard', '');
