-- A hostile search_path: operators and functions planted in schema public, which comes BEFORE pg_catalog in the
-- path, shadow the built-ins an unqualified name would reach. Every one of them raises when called, so any use by
-- credit_gz shows up as an error here. credit_gz pins search_path on its SECURITY DEFINER and trigger functions and
-- schema-qualifies every name, so nothing below may fail.
CREATE FUNCTION public.hostile_text_eq(text, text) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile = (text) used'; END $$;
CREATE FUNCTION public.hostile_int8_eq(bigint, bigint) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile = (bigint) used'; END $$;
CREATE FUNCTION public.hostile_int4_eq(integer, integer) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile = (integer) used'; END $$;
CREATE FUNCTION public.hostile_date_lt(date, date) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile < (date) used'; END $$;
CREATE FUNCTION public.hostile_concat(text, text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile || used'; END $$;
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.hostile_text_eq);
CREATE OPERATOR public.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = public.hostile_int8_eq);
CREATE OPERATOR public.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.hostile_int4_eq);
CREATE OPERATOR public.< (LEFTARG = date, RIGHTARG = date, FUNCTION = public.hostile_date_lt);
CREATE OPERATOR public.<= (LEFTARG = date, RIGHTARG = date, FUNCTION = public.hostile_date_lt);
CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = public.hostile_concat);
CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile now() used'; END $$;
CREATE FUNCTION public.upper(text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile upper() used'; END $$;
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile lower() used'; END $$;
CREATE FUNCTION public.format(text, text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile format() used'; END $$;
CREATE FUNCTION public.jsonb_build_object(text, text) RETURNS jsonb LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile jsonb_build_object() used'; END $$;
CREATE FUNCTION public.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile unnest() used'; END $$;
CREATE FUNCTION public.pg_has_role(oid, text) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile pg_has_role() used'; END $$;
CREATE FUNCTION public.hashtext(text) RETURNS integer LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'hostile hashtext() used'; END $$;

-- Fixtures, made before the path turns hostile.
CREATE ROLE cgz_hostile_dept NOLOGIN;
INSERT INTO credit_gz.subject (uscc, name, kind) VALUES ('91440106MA0000015E', '恶意路径测试公司', 'enterprise')
RETURNING subject_id AS company \gset
INSERT INTO credit_gz.subject (uscc, name, kind) VALUES ('91110000600037341L', '恶意路径测试银行', 'enterprise')
RETURNING subject_id AS bank \gset
SELECT min(code) AS dept FROM credit_gz.department \gset

SET search_path = public, pg_catalog, credit_gz;
-- The trap works: an unqualified call in the caller's own SQL reaches the hostile objects.
SELECT 'a'::text = 'a'::text;
SELECT now();
\set VERBOSITY terse

-- Catalogue: every SECURITY DEFINER function and every trigger function of credit_gz pins search_path.
SELECT p.oid::regprocedure AS unpinned
  FROM pg_catalog.pg_proc p
 WHERE p.pronamespace = 'credit_gz'::regnamespace
   AND (p.prosecdef OR p.prorettype = 'pg_catalog.trigger'::regtype)
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proconfig) c WHERE c LIKE 'search_path=%')
 ORDER BY 1;

-- Identity types and regions
SELECT credit_gz.uscc_district('91440106MA0000015E'), credit_gz.uscc_is_valid('91110000600037341L'),
       credit_gz.uscc_explain('91110000600037341N') IS NOT NULL AS explained,
       credit_gz.resident_id_mask('44011320141005001X'), credit_gz.region_district('440102');

-- The archive, disclosure, reports and labels under the hostile path
SELECT credit_gz.grant_department('cgz_hostile_dept', :'dept');
SET ROLE cgz_hostile_dept;
INSERT INTO credit_gz.record (subject_id, item_code, department_code, document_no, decision_date, severity, disclosure)
VALUES (:company, 'administrative_penalty', :'dept', 'HOSTILE-DOC-1', credit_gz.policy_date() - 1, 'general', 'public');
SELECT status, publish_from IS NOT NULL AS windowed FROM credit_gz.record WHERE document_no OPERATOR(pg_catalog.=) 'HOSTILE-DOC-1';
SELECT jsonb_array_length(credit_gz.credit_report(:company, 'government') -> 'records') AS department_sees;
RESET ROLE;
SELECT (credit_gz.credit_report(:company, 'public') ->> 'found') AS found_public,
       (credit_gz.credit_report(:company, 'government') -> 'subject' ->> 'name') AS name_government,
       credit_gz.credit_report_text(:company, 'public') LIKE '广州市公共信用信息报告%' AS text_report;
INSERT INTO credit_gz.authorization (subject_id, institution_id, purpose, evidence, valid_from, valid_until)
VALUES (:company, :bank, '测试', 'HOSTILE-1', pg_catalog.now() - interval '1 day', pg_catalog.now() + interval '1 day');
SELECT credit_gz.credit_labels(:company, :bank) ->> 'name' AS labelled;
SELECT count(*) AS public_rows FROM credit_gz.public_record;
-- the run's summary notice names the cutoff, a time of day
SET client_min_messages = warning;
SELECT credit_gz.purge_query_log() >= 0 AS purged;
RESET client_min_messages;

-- Clean up (the log is append-only: its entries stay, as they must).
RESET search_path;
\set VERBOSITY default
DELETE FROM credit_gz.authorization WHERE evidence = 'HOSTILE-1';
DELETE FROM credit_gz.role_grant WHERE role_name = 'cgz_hostile_dept';
DROP OWNED BY cgz_hostile_dept;
DROP ROLE cgz_hostile_dept;
DELETE FROM credit_gz.record WHERE document_no OPERATOR(pg_catalog.=) 'HOSTILE-DOC-1';
DELETE FROM credit_gz.subject WHERE subject_id IN (:company, :bank);
DROP OPERATOR public.= (text, text), public.= (bigint, bigint), public.= (integer, integer), public.< (date, date),
     public.<= (date, date), public.|| (text, text);
DROP FUNCTION public.hostile_text_eq(text, text), public.hostile_int8_eq(bigint, bigint),
     public.hostile_int4_eq(integer, integer), public.hostile_date_lt(date, date), public.hostile_concat(text, text),
     public.now(), public.upper(text), public.lower(text), public.format(text, text),
     public.jsonb_build_object(text, text), public.unnest(anyarray), public.pg_has_role(oid, text), public.hashtext(text);
