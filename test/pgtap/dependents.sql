-- What outside credit_gz depends on it (dependent_objects): a department's table with a column of the uscc type, an
-- enforce_precheck trigger and a foreign key to the archive, a view over an extension view, a table of its own in
-- the credit_gz schema, a search_path setting naming the schema; and nothing of the extension's own objects.
BEGIN;
SELECT plan(8);

SELECT is((SELECT count(*) FROM credit_gz.dependent_objects()), 0::bigint,
          'a fresh install: nothing outside credit_gz depends on it');

CREATE TABLE public.dep_bids (
    bid_id        integer PRIMARY KEY,
    supplier_code credit_gz.uscc,
    subject_id    bigint,
    record_id     bigint,
    FOREIGN KEY (subject_id, record_id) REFERENCES credit_gz.record (subject_id, record_id)
);
CREATE TRIGGER dep_bids_precheck BEFORE INSERT OR UPDATE ON public.dep_bids FOR EACH ROW
    EXECUTE FUNCTION credit_gz.enforce_precheck('supplier_code', 'government_procurement', 'procurement_bid', 'finance');
CREATE VIEW public.dep_departments AS SELECT code FROM credit_gz.department;
CREATE TABLE credit_gz.dep_local_notes (note text);
DO $$ BEGIN
    EXECUTE pg_catalog.format('ALTER DATABASE %I SET search_path = public, credit_gz', pg_catalog.current_database());
END $$;

CREATE TEMP TABLE deps AS SELECT * FROM credit_gz.dependent_objects();
SELECT ok(EXISTS (SELECT FROM deps WHERE object_type = 'trigger' AND object_identity LIKE 'dep_bids_precheck on public.dep_bids'
                  AND depends_on LIKE 'function credit_gz.enforce_precheck()%' AND on_drop LIKE 'dropped: the table stays%'),
          'the enforce_precheck trigger on a department''s table, and that DROP ... CASCADE leaves the table unchecked');
SELECT ok(EXISTS (SELECT FROM deps WHERE object_type = 'table column' AND object_identity = 'public.dep_bids.supplier_code'
                  AND on_drop = 'dropped with its data'),
          'a column of the uscc type, dropped with its data');
SELECT ok(EXISTS (SELECT FROM deps WHERE object_type = 'table constraint' AND object_identity LIKE '% on public.dep_bids'),
          'a foreign key to credit_gz.record');
SELECT ok(EXISTS (SELECT FROM deps WHERE object_type = 'view' AND object_identity = 'public.dep_departments'),
          'a view over an extension table, named as the view (not its rewrite rule)');
SELECT ok(EXISTS (SELECT FROM deps WHERE object_type = 'table' AND object_identity = 'credit_gz.dep_local_notes'
                  AND on_drop LIKE 'stays%'),
          'a table of the site''s own in the credit_gz schema stays, and keeps the schema');
SELECT ok(EXISTS (SELECT FROM deps WHERE object_type = 'setting' AND object_identity LIKE 'database %search_path=%credit_gz%'),
          'the database''s search_path naming the schema');
SELECT is((SELECT count(*) FROM deps WHERE object_type = 'trigger' AND object_identity NOT LIKE 'dep_bids_precheck%'), 0::bigint,
          'no internal object (the foreign key''s own triggers) is listed beside its owner');

SELECT * FROM finish();
ROLLBACK;
