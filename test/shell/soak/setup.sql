-- The soak test's fixture (test/shell/soak.sh): a pool of organisations, a third of them with a natural person as
-- legal representative (so that list entries propagate), a repair commitment each, and the operations the pgbench
-- scripts call. Every operation runs in its own subtransaction and records a refusal by its SQLSTATE in
-- soak.refusal instead of failing the client; the test then counts them.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE SCHEMA soak;
CREATE TABLE soak.pool (k int PRIMARY KEY, subject_id bigint NOT NULL, person_id bigint);
CREATE TABLE soak.refusal (op text NOT NULL, sqlstate text NOT NULL, message text, detail text, context text);
CREATE SEQUENCE soak.doc;
CREATE TABLE soak.expiry_runs (runs bigint NOT NULL);
INSERT INTO soak.expiry_runs VALUES (0);

CREATE FUNCTION soak.uscc(n int) RETURNS credit_gz.uscc LANGUAGE sql AS $$
    SELECT credit_gz.uscc_make('91440106' || body || CASE c WHEN 10 THEN 'X' WHEN 11 THEN '0' ELSE c::text END)
      FROM (SELECT b AS body, 11 - (sum(CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END * w) % 11)::int AS c
              FROM (SELECT 'MK' || lpad(n::text, 6, '0') AS b) x,
                   unnest(regexp_split_to_array(x.b, ''), ARRAY[3,7,9,10,5,8,4,2]) AS t(ch, w) GROUP BY b) s
$$;
CREATE FUNCTION soak.rid(n int) RETURNS credit_gz.resident_id LANGUAGE sql AS $$
    WITH b AS (SELECT '440106' || to_char(date '1960-01-01' + n, 'YYYYMMDD') || lpad((n % 900 + 100)::text, 3, '0') AS body)
    SELECT (body || substr('10X98765432', (sum((ascii(ch) - 48) * w) % 11)::int + 1, 1))::credit_gz.resident_id
      FROM b, unnest(regexp_split_to_array(body, ''), ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]) AS t(ch, w)
     GROUP BY body
$$;

INSERT INTO credit_gz.subject (uscc, name) SELECT soak.uscc(n), '压力测试公司' || n FROM generate_series(1, :pool) n;
INSERT INTO soak.pool (k, subject_id)
SELECT row_number() OVER (ORDER BY subject_id), subject_id FROM credit_gz.subject WHERE name LIKE '压力测试公司%';
INSERT INTO credit_gz.subject (resident_id, name)
SELECT soak.rid(k), '压力测试法人' || k FROM soak.pool WHERE k % 3 = 0;
UPDATE soak.pool p SET person_id = s.subject_id
  FROM credit_gz.subject s WHERE s.name = '压力测试法人' || p.k;
INSERT INTO credit_gz.relation (subject_id, related_subject_id, kind, valid_from)
SELECT subject_id, person_id, 'legal_representative', credit_gz.policy_date() - 1000 FROM soak.pool
 WHERE person_id IS NOT NULL;
INSERT INTO credit_gz.commitment (subject_id, kind, matter, department_code)
SELECT subject_id, 'credit_repair', '信用修复承诺', 'market_regulation' FROM soak.pool;
-- a starting archive: two records per subject, decided over the last two years
INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no, decision_date)
SELECT p.subject_id, 'administrative_penalty', (ARRAY['general', 'serious'])[1 + (p.k + i) % 2], 'construction',
       'market_regulation', 'SOAK-' || nextval('soak.doc'), credit_gz.policy_date() - ((p.k * 7 + i * 131) % 700)
  FROM soak.pool p, generate_series(1, 2) i;

-- op — one operation of the load on pool subject k; a refusal is recorded, not raised.
CREATE FUNCTION soak.op(what text, pick int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s bigint;
    p bigint;
    rid bigint;
    e bigint;
    app bigint;
    msg text;
    st text;
    det text;
    ctx text;
BEGIN
    SELECT subject_id, person_id INTO s, p FROM soak.pool WHERE soak.pool.k = op.pick;
    BEGIN
        CASE what
        WHEN 'record' THEN
            INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no,
                                          decision_date)
            VALUES (s, 'administrative_penalty', (ARRAY['general', 'serious'])[1 + pick % 2], 'construction',
                    'market_regulation', 'SOAK-' || nextval('soak.doc'), credit_gz.policy_date() - (pick * 13 % 400));
        WHEN 'batch' THEN
            -- five subjects in no particular order, one statement (the trigger locks them in subject_id order)
            INSERT INTO credit_gz.record (subject_id, item_code, severity, domain_code, department_code, document_no,
                                          decision_date)
            SELECT q.subject_id, 'administrative_penalty', (ARRAY['general', 'serious'])[1 + (q.k + j) % 2],
                   'construction', 'market_regulation', 'SOAK-' || nextval('soak.doc'),
                   credit_gz.policy_date() - ((q.k + j * 37) % 500)
              FROM generate_series(0, 4) j
              JOIN soak.pool q ON q.k = 1 + (pick + j * 53) % (SELECT count(*) FROM soak.pool)
             ORDER BY j DESC;
        WHEN 'update' THEN
            SELECT r.record_id INTO rid FROM credit_gz.record r
             WHERE r.subject_id = s AND r.status = 'in_publicity' ORDER BY r.record_id DESC LIMIT 1;
            IF rid IS NOT NULL THEN
                IF pick % 2 = 0 THEN
                    UPDATE credit_gz.record SET severity = CASE severity WHEN 'general' THEN 'serious' ELSE 'general' END
                     WHERE subject_id = s AND record_id = rid AND status = 'in_publicity';
                ELSE
                    UPDATE credit_gz.record SET status = 'revoked'
                     WHERE subject_id = s AND record_id = rid AND status = 'in_publicity';
                END IF;
            END IF;
        WHEN 'list' THEN
            -- on a subject with a legal representative: lift its active entry, or list it (propagates to the person)
            IF p IS NULL THEN
                SELECT q.subject_id INTO s FROM soak.pool q WHERE q.person_id IS NOT NULL ORDER BY (q.k * 7 + pick) % 1000 LIMIT 1;
            END IF;
            SELECT le.entry_id INTO e FROM credit_gz.list_entry le
             WHERE le.subject_id = s AND le.status = 'active' AND le.derived_from_entry_id IS NULL LIMIT 1;
            IF e IS NOT NULL THEN
                UPDATE credit_gz.list_entry SET status = 'lifted', status_changed_on = credit_gz.policy_date(),
                       status_reason = 'soak'
                 WHERE subject_id = s AND entry_id = e AND status = 'active';
            ELSE
                INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document,
                                                  effective_from, effective_until)
                VALUES (s, 'judgment_debtor', 'market_regulation', 'SOAK-LIST-' || nextval('soak.doc'),
                        credit_gz.policy_date() - (pick % 200), credit_gz.policy_date() + 1 + (pick % 300));
            END IF;
        WHEN 'repair' THEN
            SELECT r.record_id INTO rid FROM credit_gz.record r
             WHERE r.subject_id = s AND r.status = 'in_publicity' AND r.repairable_from <= credit_gz.policy_date()
             ORDER BY r.record_id LIMIT 1;
            IF rid IS NOT NULL THEN
                app := (credit_gz.repair_submit(rid, credit_gz.policy_date() - 1)).application_id;
                PERFORM credit_gz.repair_accept(app);
                PERFORM credit_gz.repair_approve(app);
            END IF;
        WHEN 'precheck' THEN
            PERFORM credit_gz.precheck(s, 'construction', 'licence_approval');
        WHEN 'expiry' THEN
            -- a day up to a year ahead, so that every run has records and entries to expire
            PERFORM credit_gz.run_expiry(pg_catalog.now() + make_interval(days => pick % 365), 200);
            UPDATE soak.expiry_runs SET runs = runs + 1;
        END CASE;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL,
                                ctx = PG_EXCEPTION_CONTEXT;
        INSERT INTO soak.refusal VALUES (what, st, msg, det, ctx);
    END;
END $$;
