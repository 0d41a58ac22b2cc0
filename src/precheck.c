/*
 * precheck.c — pre-checks against the joint reward and punishment measure list (二(一), 二(三)).
 *
 * precheck() answers with one saved-plan query that assembles the whole jsonb answer (grades, measures with their
 * list entries and legal basis, incentives, verdict) and then logs applied measures to measure_feedback (on a hot
 * standby forwarded to the primary with the query log). is_restricted() is the fast path: for the usual subject with no
 * active entry it is one index-only probe of list_entry_active_idx. enforce_precheck() is the trigger departments
 * attach to their own tables; it rejects restricted rows with SQLSTATE CG501 unless an override reason is set.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relscan.h"
#include "access/skey.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xlog.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/json.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/array.h"
#include "funcapi.h"
#include "utils/tuplestore.h"
#include "catalog/pg_class.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "parser/parse_func.h"

#include "credit_gz.h"
#include "precheck.h"
#include "query_log.h"
#include "role_grant.h"
#include "core/day_range.h"
#include "backend_cache.h"
#include "spi_util.h"

PG_FUNCTION_INFO_V1(credit_gz_precheck);
PG_FUNCTION_INFO_V1(credit_gz_is_restricted);
PG_FUNCTION_INFO_V1(credit_gz_precheck_code);
PG_FUNCTION_INFO_V1(credit_gz_is_restricted_code);
PG_FUNCTION_INFO_V1(credit_gz_enforce_precheck);
PG_FUNCTION_INFO_V1(credit_gz_precheck_many);
PG_FUNCTION_INFO_V1(credit_gz_precheck_many_code);

/* credit_gz.precheck_override_reason: a stated reason lets enforce_precheck allow a restricted row (recorded). */
static char *precheck_override_reason = NULL;

/*
 * precheck_init_gucs — register the pre-check settings; called from _PG_init.
 */
void
precheck_init_gucs(void)
{
	DefineCustomStringVariable("credit_gz.precheck_override_reason",
							   "Reason for letting enforce_precheck allow a row of a restricted subject.",
							   "Set it with SET LOCAL for the one transaction that needs the override; every override "
							   "is recorded in credit_gz.measure_feedback with this reason.",
							   &precheck_override_reason,
							   "",
							   PGC_USERSET,
							   0,
							   NULL, NULL, NULL);
}

/* Measures in force that the subject's active entries bring to (domain, action); shared by both queries. */
#define LIST_MEASURES_FROM \
	"  FROM credit_gz.list_entry e" \
	"  JOIN credit_gz.list_type lt ON lt.code = e.list_type_code" \
	"  JOIN credit_gz.measure m ON (m.list_type_code = e.list_type_code OR m.list_type_code = lt.parent_code)" \
	" WHERE e.subject_id = $1 AND e.status = 'active'" \
	"   AND credit_gz.in_force(e.effective_from, e.effective_until, credit_gz.policy_date())" \
	"   AND m.action = $3" \
	"   AND (m.domain_code IS NULL OR m.domain_code = $2" \
	"        OR m.domain_code = (SELECT d.parent_code FROM credit_gz.domain d WHERE d.code = $2))" \
	"   AND credit_gz.in_force(m.effective_from, m.effective_until, credit_gz.policy_date())"

static const char *const restricted_sql =
	"SELECT EXISTS (SELECT 1 FROM credit_gz.domain WHERE code = $2),"
	"       EXISTS (SELECT 1 FROM credit_gz.measure_action WHERE code = $3),"
	"       EXISTS (SELECT 1" LIST_MEASURES_FROM " AND m.effect = 'deny')";

/* The grade part: subject_score belongs to the scoring module; without it a subject simply has no grades. */
#define GRADES_WITH_SCORES \
	"gr AS (SELECT sc.model_code::text AS model_code, sc.grade::text AS grade, sc.score, sc.updated_at" \
	"         FROM credit_gz.subject_score sc WHERE sc.subject_id = $1),"
#define GRADES_WITHOUT_SCORES \
	"gr AS (SELECT NULL::text AS model_code, NULL::text AS grade, NULL::numeric AS score," \
	"              NULL::timestamptz AS updated_at WHERE false),"

/*
 * The grades that matter to the domain (domain_grades): the grade of the domain's own model (the evaluating model of
 * the domain or of its parent, as measures apply to sub-domains), the city comprehensive grade and the market risk
 * class, each {model, grade, score} or null. One expression over gr for both queries; without the scoring module
 * every one is null.
 */
#define DOMAIN_GRADE_OF(KIND, DOMAIN_TEST) \
	"(SELECT jsonb_build_object('model', gr.model_code, 'grade', gr.grade, 'score', gr.score)" \
	"   FROM gr JOIN credit_gz.scoring_model sm ON sm.code = gr.model_code AND sm.is_active" \
	"  WHERE sm.kind = '" KIND "'" DOMAIN_TEST " ORDER BY sm.code LIMIT 1)"
#define DOMAIN_GRADES_WITH_SCORES \
	"jsonb_build_object('domain', " DOMAIN_GRADE_OF("domain", \
	"    AND (sm.domain_code = $2 OR sm.domain_code = (SELECT d.parent_code FROM credit_gz.domain d WHERE d.code = $2))") \
	", 'comprehensive', " DOMAIN_GRADE_OF("comprehensive", "") ", 'risk', " DOMAIN_GRADE_OF("risk", "") ")"
#define DOMAIN_GRADES_WITHOUT_SCORES \
	"jsonb_build_object('domain', NULL, 'comprehensive', NULL, 'risk', NULL)"

/*
 * The parts of the answer for a subject with an entry in force (precheck_answer puts them together): the verdict,
 * whether the archive has the subject and its name, the grades, measures and incentives, the applied measures for
 * measure_feedback, and the deny message and detail. The verdict CTE v is MATERIALIZED: inlined, its EXISTS
 * subqueries were planned (and initialised on every call) once for each of the places that use it. Domain and action
 * are not checked here: validate_codes() has checked them before.
 */
#define PRECHECK_SQL(GRADES, DOMAIN_GRADES) \
	"WITH subj AS (SELECT s.subject_id, s.name," \
	"                     credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type, s.identity_document_no) AS code" \
	"                FROM credit_gz.subject s WHERE s.subject_id = $1)," \
	" lm AS (SELECT e.entry_id, e.list_type_code, lt.name_zh AS list_name, e.department_code, e.basis_document," \
	"               e.effective_from, e.effective_until, e.derived_from_entry_id, e.via_relation_id," \
	"               m.code, m.name_zh, m.category, m.kind, m.effect, m.legal_basis" \
	LIST_MEASURES_FROM ")," \
	GRADES \
	" gm AS (SELECT gr.model_code, gr.grade, m.code, m.name_zh, m.category, m.kind, m.effect, m.legal_basis" \
	"          FROM gr JOIN credit_gz.measure m ON m.grade = gr.grade" \
	"           AND (m.model_code IS NULL OR m.model_code = gr.model_code) AND m.action = $3" \
	"           AND (m.domain_code IS NULL OR m.domain_code = $2" \
	"                OR m.domain_code = (SELECT d.parent_code FROM credit_gz.domain d WHERE d.code = $2))" \
	"           AND credit_gz.in_force(m.effective_from, m.effective_until, credit_gz.policy_date()))," \
	" applied AS (" \
	"   SELECT lm.code, lm.effect, lm.entry_id, NULL::text AS model_code," \
	"          jsonb_build_object('measure', lm.code, 'name', lm.name_zh, 'category', lm.category, 'kind', lm.kind," \
	"            'effect', lm.effect, 'legal_basis', lm.legal_basis, 'source', 'list'," \
	"            'entry', jsonb_build_object('entry_id', lm.entry_id, 'list_type', lm.list_type_code," \
	"              'list_name', lm.list_name, 'department', lm.department_code, 'basis_document', lm.basis_document," \
	"              'effective_from', lm.effective_from, 'effective_until', lm.effective_until," \
	"              'derived_from_entry_id', lm.derived_from_entry_id, 'via_relation_id', lm.via_relation_id)) AS j" \
	"     FROM lm" \
	"   UNION ALL" \
	"   SELECT gm.code, gm.effect, NULL, gm.model_code," \
	"          jsonb_build_object('measure', gm.code, 'name', gm.name_zh, 'category', gm.category, 'kind', gm.kind," \
	"            'effect', gm.effect, 'legal_basis', gm.legal_basis, 'source', 'grade'," \
	"            'grade', jsonb_build_object('model', gm.model_code, 'grade', gm.grade)) AS j" \
	"     FROM gm)," \
	" v AS MATERIALIZED (SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM subj) THEN 'no_record'" \
	"                   WHEN EXISTS (SELECT 1 FROM applied WHERE effect = 'deny') THEN 'deny'" \
	"                   WHEN EXISTS (SELECT 1 FROM applied WHERE effect = 'condition') THEN 'allow_with_conditions'" \
	"                   ELSE 'allow' END AS verdict)," \
	" fd AS (SELECT * FROM lm WHERE lm.effect = 'deny' ORDER BY lm.code, lm.entry_id LIMIT 1)" \
	"SELECT v.verdict, v.verdict <> 'no_record', (SELECT name FROM subj)," \
	"       coalesce((SELECT jsonb_agg(jsonb_build_object('model', model_code, 'grade', grade," \
	"                   'score', score, 'updated_at', updated_at) ORDER BY model_code) FROM gr), '[]')," \
	"       coalesce((SELECT jsonb_agg(j ORDER BY effect DESC, code, j->'entry'->>'entry_id')" \
	"                   FROM applied WHERE effect <> 'incentive'), '[]')," \
	"       coalesce((SELECT jsonb_agg(j ORDER BY code) FROM applied WHERE effect = 'incentive'), '[]')," \
	"       (SELECT jsonb_agg(jsonb_build_object('code', code, 'effect', effect, 'entry_id', entry_id," \
	"                                            'model_code', model_code)) FROM applied)," \
	"       (SELECT format($4, fd.code, fd.basis_document, fd.list_type_code) FROM fd)," \
	"       (SELECT CASE WHEN fd.derived_from_entry_id IS NULL" \
	"          THEN format($5, fd.basis_document, fd.list_name, fd.list_type_code, fd.department_code," \
	"                      fd.code, fd.name_zh, fd.legal_basis)" \
	"          ELSE format($6, fd.basis_document, fd.list_name, fd.list_type_code, fd.department_code," \
	"                      (SELECT credit_gz.identity_code(s.uscc, s.resident_id, s.identity_document_type," \
	"                                                      s.identity_document_no)" \
	"                         FROM credit_gz.list_entry src JOIN credit_gz.subject s ON s.subject_id = src.subject_id" \
	"                        WHERE src.entry_id = fd.derived_from_entry_id LIMIT 1)," \
	"                      fd.code, fd.name_zh, fd.legal_basis) END FROM fd)," \
	"       " DOMAIN_GRADES "," \
"       (SELECT subj.code FROM subj)" \
	"  FROM v"

static const char *const feedback_sql =
	"INSERT INTO credit_gz.measure_feedback (department_code, subject_id, domain_code, action, measure_code, entry_id,"
	"       model_code, effect, verdict, source, table_name, overridden, override_reason, actor, checked_at)"
	"SELECT $1, $2, $3, $4, a.code, a.entry_id, a.model_code, a.effect, $5, $6, $7, $8 IS NOT NULL, $8, $10,"
	"       pg_catalog.now()"
	"  FROM jsonb_to_recordset($9) AS a (code text, effect text, entry_id bigint, model_code text)";

static SPIPlanPtr restricted_plan = NULL;
static SPIPlanPtr precheck_plan = NULL;
static bool precheck_plan_has_scores = false;
static SPIPlanPtr feedback_plan = NULL;
static SPIPlanPtr subject_of_plan = NULL;

static Oid feedback_owner(void);


/* check_domain_action — unknown domains and actions are caller errors, not silent "allow"s. */
static void
check_domain_action(bool domain_ok, bool action_ok, const char *domain, const char *action)
{
	if (!domain_ok)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown domain \"%s\"", domain),
				 errdetail("Pre-checks name a supervision domain of credit_gz.domain."),
				 errhint("Use a code listed in credit_gz.domain, e.g. 'government_procurement'.")));
	if (!action_ok)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown pre-check action \"%s\"", action),
				 errdetail("Pre-checks name an action of credit_gz.measure_action."),
				 errhint("Use a code listed in credit_gz.measure_action, e.g. 'procurement_bid'.")));
}


/*
 * ---- Fast paths ------------------------------------------------------------------------------------------------
 * Most subjects are on no list. For them is_restricted() and precheck() answer without SPI: the domain and action
 * are checked against a per-backend cache of known codes, and one index probe of list_entry_active_idx shows that
 * no entry is in force. Only subjects with an entry in force (or, for precheck, with grades) take the SPI query.
 */

/* Known domain and action codes (positive cache). Flushed on relcache invalidation, which the statement trigger
 * credit_gz.catalogue_changed() (src/backend_cache.c) sends whenever domain or measure_action rows change. */
static MemoryContext catalogue_cxt = NULL;
static List *known_domains = NIL;
static List *known_actions = NIL;

/*
 * The relations the fast paths probe, resolved by name once per backend instead of on every call (each name took
 * two syscache lookups, each column one more). Reset with the known codes by catalogue_watch: any relcache
 * invalidation (a pg_class row of any relation created, altered or dropped sends one) makes them be resolved again.
 */
typedef struct fast_rels
{
	Oid			list_entry;		/* credit_gz.list_entry */
	Oid			active_idx;		/* its partial index list_entry_active_idx (active entries by subject) */
	AttrNumber	att_from;		/* list_entry.effective_from */
	AttrNumber	att_until;		/* list_entry.effective_until */
	Oid			subject;		/* credit_gz.subject */
	AttrNumber	att_name;		/* subject.name */
	Oid			subject_score;	/* credit_gz.subject_score; InvalidOid without the scoring module */
} fast_rels;
static fast_rels rels;

/* catalogue_reset — the codes and relations went stale: forget the known codes (re-read on the next miss). */
static void
catalogue_reset(void)
{
	if (catalogue_cxt)
		MemoryContextReset(catalogue_cxt);
	known_domains = NIL;
	known_actions = NIL;
}

/* The relations are resolved again, and the known codes forgotten, on any relcache invalidation. */
static BackendCache catalogue_watch = {.any_relation = true, .on_reset = catalogue_reset};

/* catalogue_callbacks — create the cache's memory and register it with the invalidations, once per backend. */
static void
catalogue_callbacks(void)
{
	if (catalogue_cxt == NULL)
		catalogue_cxt = AllocSetContextCreate(TopMemoryContext, "credit_gz precheck catalogue", ALLOCSET_SMALL_SIZES);
	(void) backend_cache_valid(&catalogue_watch);
}

/* known — is the code in the cached list? */
static bool
known(List *codes, const char *code)
{
	ListCell   *lc;

	foreach(lc, codes)
		if (strcmp((const char *) lfirst(lc), code) == 0)
			return true;
	return false;
}

/*
 * validate_codes — error out on an unknown domain or action; the SPI check (and its connection) only on a cache
 * miss. *connected tells the caller whether SPI is now connected.
 */
static void
validate_codes(const char *domain, const char *action, bool *connected)
{
	static SPIPlanPtr plan = NULL;
	Datum		v[2];
	bool		isnull,
				domain_ok,
				action_ok;
	MemoryContext old;

	catalogue_callbacks();
	if (known(known_domains, domain) && known(known_actions, action))
		return;
	credit_gz_spi_connect_once(connected);
	if (plan == NULL)
	{
		Oid			types[2] = {TEXTOID, TEXTOID};

		plan = credit_gz_keep_plan("SELECT EXISTS (SELECT 1 FROM credit_gz.domain WHERE code = $1),"
					"       EXISTS (SELECT 1 FROM credit_gz.measure_action WHERE code = $2)", 2, types);
	}
	v[0] = CStringGetTextDatum(domain);
	v[1] = CStringGetTextDatum(action);
	if (SPI_execute_plan(plan, v, NULL, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: catalogue check failed");
	domain_ok = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	action_ok = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	SPI_freetuptable(SPI_tuptable);
	check_domain_action(domain_ok, action_ok, domain, action);
	old = MemoryContextSwitchTo(catalogue_cxt);
	if (!known(known_domains, domain))
		known_domains = lappend(known_domains, pstrdup(domain));
	if (!known(known_actions, action))
		known_actions = lappend(known_actions, pstrdup(action));
	MemoryContextSwitchTo(old);
}

/* credit_gz_relid — a relation of the extension's schema by name. */
static Oid
credit_gz_relid(const char *name)
{
	Oid			relid = get_relname_relid(name, get_namespace_oid("credit_gz", false));

	if (!OidIsValid(relid))
		elog(ERROR, "credit_gz: relation credit_gz.%s is missing", name);
	return relid;
}

/*
 * rel_column — a column of a relation of the extension's schema by name (credit_gz_column). The lock taken is the
 * one the probes take right after (AccessShareLock, held to the end of the transaction).
 */
static AttrNumber
rel_column(Oid relid, const char *what, const char *name)
{
	Relation	rel = table_open(relid, AccessShareLock);
	AttrNumber	att = credit_gz_column(RelationGetDescr(rel), what, name);

	table_close(rel, NoLock);
	return att;
}

/* fast_rels_get — the probed relations, resolved on the first call after an invalidation. */
static const fast_rels *
fast_rels_get(void)
{
	uint64		token;

	catalogue_callbacks();
	if (backend_cache_valid(&catalogue_watch))
		return &rels;
	token = backend_cache_begin_load(&catalogue_watch);
	rels.list_entry = credit_gz_relid("list_entry");
	rels.active_idx = credit_gz_relid("list_entry_active_idx");
	rels.att_from = rel_column(rels.list_entry, "credit_gz.list_entry", "effective_from");
	rels.att_until = rel_column(rels.list_entry, "credit_gz.list_entry", "effective_until");
	rels.subject = credit_gz_relid("subject");
	rels.att_name = rel_column(rels.subject, "credit_gz.subject", "name");
	rels.subject_score = get_relname_relid("subject_score", get_namespace_oid("credit_gz", false));
	/* an invalidation that arrived while resolving: the values serve this call only, resolved again next time */
	backend_cache_end_load(&catalogue_watch, token);
	return &rels;
}

/*
 * entries_in_force — does the subject hold any active list entry in force today? One probe of the partial index
 * list_entry_active_idx under the statement's snapshot.
 */
static bool
entries_in_force(int64 subject_id)
{
	const fast_rels *fr = fast_rels_get();
	AttrNumber	att_from = fr->att_from;
	AttrNumber	att_until = fr->att_until;
	Relation	heap = table_open(fr->list_entry, AccessShareLock);
	Relation	idx = index_open(fr->active_idx, AccessShareLock);
	DateADT		today = credit_gz_policy_day();
	ScanKeyData key;
	IndexScanDesc scan;
	TupleTableSlot *slot;
	bool		found = false;

	ScanKeyInit(&key, 1, BTEqualStrategyNumber, F_INT8EQ, Int64GetDatum(subject_id));
	scan = index_beginscan(heap, idx, GetActiveSnapshot(), 1, 0);
	index_rescan(scan, &key, 1, NULL, 0);
	slot = table_slot_create(heap, NULL);
	while (!found && index_getnext_slot(scan, ForwardScanDirection, slot))
	{
		bool		from_null,
					until_null;
		Datum		from = slot_getattr(slot, att_from, &from_null);
		Datum		until = slot_getattr(slot, att_until, &until_null);

		if (!from_null && dr_in_force(DatumGetDateADT(from), until_null ? DR_OPEN_UNTIL : DatumGetDateADT(until), today))
			found = true;
	}
	ExecDropSingleTupleTableSlot(slot);
	index_endscan(scan);
	index_close(idx, NoLock);
	table_close(heap, NoLock);
	return found;
}

/*
 * has_pk_rows — does the table have a row whose primary key starts with this bigint? (subject_score is keyed by
 * (subject_id, model_code).) When `name_out` is given, the text column `name_att` of the first row is returned.
 */
static bool
has_pk_rows(Oid relid, int64 key_value, AttrNumber name_att, char **name_out)
{
	Relation	heap = table_open(relid, AccessShareLock);
	Oid			pk = RelationGetPrimaryKeyIndex(heap);
	Relation	idx;
	ScanKeyData key;
	IndexScanDesc scan;
	TupleTableSlot *slot;
	bool		found = false;

	if (!OidIsValid(pk))
		elog(ERROR, "credit_gz: relation %s has no primary key", RelationGetRelationName(heap));
	idx = index_open(pk, AccessShareLock);
	ScanKeyInit(&key, 1, BTEqualStrategyNumber, F_INT8EQ, Int64GetDatum(key_value));
	scan = index_beginscan(heap, idx, GetActiveSnapshot(), 1, 0);
	index_rescan(scan, &key, 1, NULL, 0);
	slot = table_slot_create(heap, NULL);
	if (index_getnext_slot(scan, ForwardScanDirection, slot))
	{
		found = true;
		if (name_out)
		{
			bool		isnull;
			Datum		d = slot_getattr(slot, name_att, &isnull);

			*name_out = isnull ? pstrdup("") : TextDatumGetCString(d);
		}
	}
	ExecDropSingleTupleTableSlot(slot);
	index_endscan(scan);
	index_close(idx, NoLock);
	table_close(heap, NoLock);
	return found;
}

/* subject_name — the subject's name, or NULL when the archive has no such subject. */
static char *
subject_name(int64 subject_id)
{
	const fast_rels *fr = fast_rels_get();
	char	   *name = NULL;

	if (!has_pk_rows(fr->subject, subject_id, fr->att_name, &name))
		return NULL;
	return name;
}

/* iso_date — a date as YYYY-MM-DD whatever DateStyle says (as jsonb renders dates). */
static char *
iso_date(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return psprintf("%04d-%02d-%02d", y, m, day);
}

/* Grades and grade measures of a subject with no list entry in force (subject_score belongs to scoring). */
static const char *const grades_sql =
	"WITH gr AS (SELECT sc.model_code::text AS model_code, sc.grade::text AS grade, sc.score, sc.updated_at"
	"              FROM credit_gz.subject_score sc WHERE sc.subject_id = $1),"
	" gm AS (SELECT gr.model_code, gr.grade, m.code, m.name_zh, m.category, m.kind, m.effect, m.legal_basis"
	"          FROM gr JOIN credit_gz.measure m ON m.grade = gr.grade"
	"           AND (m.model_code IS NULL OR m.model_code = gr.model_code) AND m.action = $3"
	"           AND (m.domain_code IS NULL OR m.domain_code = $2"
	"                OR m.domain_code = (SELECT d.parent_code FROM credit_gz.domain d WHERE d.code = $2))"
	"           AND credit_gz.in_force(m.effective_from, m.effective_until, credit_gz.policy_date())),"
	" gj AS (SELECT gm.code, gm.effect, gm.model_code,"
	"          jsonb_build_object('measure', gm.code, 'name', gm.name_zh, 'category', gm.category, 'kind', gm.kind,"
	"            'effect', gm.effect, 'legal_basis', gm.legal_basis, 'source', 'grade',"
	"            'grade', jsonb_build_object('model', gm.model_code, 'grade', gm.grade)) AS j FROM gm)"
	"SELECT coalesce((SELECT jsonb_agg(jsonb_build_object('model', model_code, 'grade', grade, 'score', score,"
	"                   'updated_at', updated_at) ORDER BY model_code) FROM gr), '[]'),"
	"       coalesce((SELECT jsonb_agg(j ORDER BY effect DESC, code) FROM gj WHERE effect <> 'incentive'), '[]'),"
	"       coalesce((SELECT jsonb_agg(j ORDER BY code) FROM gj WHERE effect = 'incentive'), '[]'),"
	"       CASE WHEN EXISTS (SELECT 1 FROM gj WHERE effect = 'condition') THEN 'allow_with_conditions'"
	"            ELSE 'allow' END,"
	"       (SELECT jsonb_agg(jsonb_build_object('code', code, 'effect', effect, 'entry_id', NULL,"
	"                                            'model_code', model_code)) FROM gj),"
	"       " DOMAIN_GRADES_WITH_SCORES;

/*
 * log_feedback — insert the applied measures (jsonb array) into measure_feedback; SPI must be connected.
 *
 * The rows are the server's statement of what a pre-check applied (及时反馈奖惩工作成效), so no role writes them
 * itself: the table grants no INSERT and its row-level security has no INSERT policy. They are inserted here as
 * the table's owner (as PostgreSQL's foreign-key checks run), stamped with the role that ran the pre-check, the
 * time, and the department — the one given (already checked against the caller's grants, or a trigger argument
 * its table's owner wrote) or else the caller's only department. The owner is switched back by the transaction
 * abort after an error.
 */
static void
log_feedback(int64 subject_id, text *domain, text *action, text *department, const char *verdict,
			 const char *source, const char *table_name, const char *override_reason, Datum applied)
{
	Datum		v[10];
	char		nulls[10];
	int			rc;
	Oid			save_userid;
	int			save_sec;
	Oid			owner;
	const char *only;

	if (RecoveryInProgress())
	{
		/* nothing can be written on a hot standby: the rows are forwarded to the primary (src/query_log.c) */
		if (department == NULL && (only = credit_gz_my_only_department()) != NULL)
			department = cstring_to_text(only);
		query_log_forward_feedback(subject_id, department ? text_to_cstring(department) : NULL,
								   text_to_cstring(domain), text_to_cstring(action), verdict, source, applied);
		return;
	}
	if (feedback_plan == NULL)
	{
		Oid			types[10] = {TEXTOID, INT8OID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, JSONBOID,
		NAMEOID};

		feedback_plan = credit_gz_keep_cursor_plan(feedback_sql, 10, types, CURSOR_OPT_GENERIC_PLAN);
	}
	if (department == NULL && (only = credit_gz_my_only_department()) != NULL)
		department = cstring_to_text(only);
	GetUserIdAndSecContext(&save_userid, &save_sec);
	memset(nulls, ' ', sizeof(nulls));
	v[0] = department ? PointerGetDatum(department) : (Datum) 0;
	nulls[0] = department ? ' ' : 'n';
	v[1] = Int64GetDatum(subject_id);
	v[2] = PointerGetDatum(domain);
	v[3] = PointerGetDatum(action);
	v[4] = CStringGetTextDatum(verdict);
	v[5] = CStringGetTextDatum(source);
	v[6] = table_name ? CStringGetTextDatum(table_name) : (Datum) 0;
	nulls[6] = table_name ? ' ' : 'n';
	v[7] = override_reason ? CStringGetTextDatum(override_reason) : (Datum) 0;
	nulls[7] = override_reason ? ' ' : 'n';
	v[8] = applied;
	v[9] = CStringGetDatum(GetUserNameFromId(save_userid, false));
	owner = feedback_owner();
	SetUserIdAndSecContext(owner, save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	rc = SPI_execute_plan(feedback_plan, v, nulls, false, 0);
	SetUserIdAndSecContext(save_userid, save_sec);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "credit_gz: feedback insert failed: %s", SPI_result_code_string(rc));
}

/*
 * feedback_owner — the owner of credit_gz.measure_feedback, whose rights write the feedback rows.
 */
static Oid
feedback_owner(void)
{
	Oid			relid = get_relname_relid("measure_feedback", get_namespace_oid("credit_gz", false));
	HeapTuple	tup;
	Oid			owner;

	if (!OidIsValid(relid))
		elog(ERROR, "credit_gz: table credit_gz.measure_feedback does not exist");
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);
	return owner;
}

/*
 * check_department_arg — a department named in a pre-check call is one the caller acts for (or the caller is the
 * DBA): the feedback rows carry it, and a department must not report pre-checks in another's name.
 */
static void
check_department_arg(text *department)
{
	char	   *d;

	if (department == NULL)
		return;
	d = text_to_cstring(department);
	if (!credit_gz_acts_for_department(d))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role %s does not act for department %s", GetUserNameFromId(GetUserId(), false), d),
				 errdetail("A pre-check is fed back in the name of a department the role acts for."),
				 errhint("Leave the department out to use the role's own, or ask a DBA to run "
						 "credit_gz.grant_department.")));
}

/*
 * reading_department — the department a pre-check is logged and fed back for: the one named, which the role must
 * act for (check_department_arg), else the role's only department; NULL for a role acting for none, or the DBA. A
 * role acting for several must name which (22023): the log records who read, not the caller's word.
 */
static text *
reading_department(text *department)
{
	const char *only;

	if (department != NULL)
	{
		check_department_arg(department);
		return department;
	}
	only = credit_gz_my_only_department();
	if (only != NULL)
		return cstring_to_text(only);
	if (credit_gz_my_department_count() > 1 && !credit_gz_is_dba())
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("role %s acts for several departments, and the pre-check names none",
						GetUserNameFromId(GetUserId(), false)),
				 errdetail("A pre-check is logged and fed back in the name of the one department it is made for."),
				 errhint("Name the department: credit_gz.precheck(subject, domain, action, department), or a fourth "
						 "argument of enforce_precheck.")));
	return NULL;
}

/*
 * code_form_message, code_form_detail — the error a malformed code is answered with, in the language of
 * lc_messages: raised by a single pre-check, written into an item's answer by precheck_many.
 */
static char *
code_form_message(const char *code)
{
	return psprintf(credit_gz_text("invalid subject code \"%s\""), code);
}

static char *
code_form_detail(const char *defect)
{
	return psprintf(credit_gz_text("The code is malformed: %s."), defect);
}

/*
 * code_form_defect — why a code that matched no subject is not well formed (credit_gz.code_defect), NULL when it
 * is. Requires an SPI connection; read_only as in subject_of_code.
 */
static char *
code_form_defect(const char *code, bool read_only)
{
	static SPIPlanPtr plan = NULL;
	Datum		v[1];
	bool		isnull;
	Datum		d;
	char	   *defect;
	Oid			argtypes[1] = {TEXTOID};

	/* a database still at 1.0 (library updated, ALTER EXTENSION UPDATE not yet run) has no code_defect */
	if (!OidIsValid(LookupFuncName(list_make2(makeString("credit_gz"), makeString("code_defect")), 1, argtypes,
								   true)))
		return NULL;
	if (plan == NULL)
	{
		Oid			types[1] = {TEXTOID};

		plan = credit_gz_keep_plan("SELECT credit_gz.code_defect($1)", 1, types);
	}
	v[0] = CStringGetTextDatum(code);
	if (SPI_execute_plan(plan, v, NULL, read_only, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: code check failed");
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	defect = isnull ? NULL : TextDatumGetCString(d);
	SPI_freetuptable(SPI_tuptable);
	return defect;
}

/*
 * check_code_form — a code that matched no subject must still be well formed (credit_gz.code_defect): a code
 * with a wrong check character, or of no layout a subject can have, is an error (22P02), never an unknown subject
 * that a gate lets through. where: NULL, or the column and table of enforce_precheck. Requires an SPI connection;
 * read_only as in subject_of_code.
 */
static void
check_code_form(const char *code, const char *where, bool read_only)
{
	char	   *defect = code_form_defect(code, read_only);

	if (defect == NULL)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 where ? errmsg("invalid subject code \"%s\" in %s", code, where)
			 : errmsg_internal("%s", code_form_message(code)),
			 errdetail_internal("%s", code_form_detail(defect)),
			 errhint("Correct the code at its source: a unified social credit code or resident identity number with "
					 "its check character, a subject id, or an identity document as type:number.")));
}


/* Jsonb building blocks for the quick answer (no text round trip through jsonb_in). */
static void
jb_string(JsonbParseState **st, JsonbIteratorToken tok, const char *s)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.len = strlen(s);
	v.val.string.val = (char *) s;
	(void) pushJsonbValue(st, tok, &v);
}

static void
jb_pair_string(JsonbParseState **st, const char *key, const char *value)
{
	jb_string(st, WJB_KEY, key);
	jb_string(st, WJB_VALUE, value);
}

static void
jb_pair_bool(JsonbParseState **st, const char *key, bool value)
{
	JsonbValue	v;

	jb_string(st, WJB_KEY, key);
	v.type = jbvBool;
	v.val.boolean = value;
	(void) pushJsonbValue(st, WJB_VALUE, &v);
}

static void
jb_pair_int8(JsonbParseState **st, const char *key, int64 value)
{
	JsonbValue	v;

	jb_string(st, WJB_KEY, key);
	v.type = jbvNumeric;
	v.val.numeric = int64_to_numeric(value);
	(void) pushJsonbValue(st, WJB_VALUE, &v);
}

/* jb_pair_array — a key and a jsonb array; NULL stands for the empty array. */
static void
jb_pair_array(JsonbParseState **st, const char *key, Jsonb *array)
{
	jb_string(st, WJB_KEY, key);
	if (array == NULL)
	{
		(void) pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
		(void) pushJsonbValue(st, WJB_END_ARRAY, NULL);
	}
	else
	{
		JsonbValue	v;

		v.type = jbvBinary;
		v.val.binary.data = &array->root;
		v.val.binary.len = VARSIZE(array) - VARHDRSZ;
		(void) pushJsonbValue(st, WJB_VALUE, &v);
	}
}

/*
 * jb_pair_domain_grades — the key domain_grades and its object {domain, comprehensive, risk} (DOMAIN_GRADES_WITH_SCORES);
 * NULL stands for a subject without grades: every one null.
 */
static void
jb_pair_domain_grades(JsonbParseState **st, Jsonb *domain_grades)
{
	static const char *const roles[] = {"domain", "comprehensive", "risk"};
	JsonbValue	v;

	if (domain_grades != NULL)
	{
		jb_string(st, WJB_KEY, "domain_grades");
		v.type = jbvBinary;
		v.val.binary.data = &domain_grades->root;
		v.val.binary.len = VARSIZE(domain_grades) - VARHDRSZ;
		(void) pushJsonbValue(st, WJB_VALUE, &v);
		return;
	}
	jb_string(st, WJB_KEY, "domain_grades");
	(void) pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < (int) lengthof(roles); i++)
	{
		jb_string(st, WJB_KEY, roles[i]);
		v.type = jbvNull;
		(void) pushJsonbValue(st, WJB_VALUE, &v);
	}
	(void) pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/*
 * precheck_answer — the one shape of a pre-check's answer, whichever path found its parts: subject_id, domain,
 * action, checked_on (the policy date), found, and then either the no-record verdict and message (found false) or
 * the subject's name (JSON null when name_null), its grades, the grades that matter to the domain (domain_grades:
 * the domain's model, the city comprehensive grade, market risk; NULL: none), measures and incentives (jsonb arrays;
 * NULL: empty) and the verdict. Allocated in the current memory context.
 */
static Jsonb *
precheck_answer(int64 subject_id, const char *domain, const char *action, bool found, const char *name,
				bool name_null, Jsonb *grades, Jsonb *domain_grades, Jsonb *measures, Jsonb *incentives,
				const char *verdict)
{
	JsonbParseState *st = NULL;

	(void) pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	jb_pair_int8(&st, "subject_id", subject_id);
	jb_pair_string(&st, "domain", domain);
	jb_pair_string(&st, "action", action);
	jb_pair_string(&st, "checked_on", iso_date(credit_gz_policy_day()));
	jb_pair_bool(&st, "found", found);
	if (!found)
	{
		jb_pair_string(&st, "verdict", "no_record");
		jb_pair_string(&st, "message", "no record of this subject in the credit archive");
	}
	else
	{
		if (name_null)
		{
			JsonbValue	v;

			jb_string(&st, WJB_KEY, "name");
			v.type = jbvNull;
			(void) pushJsonbValue(&st, WJB_VALUE, &v);
		}
		else
			jb_pair_string(&st, "name", name);
		jb_pair_array(&st, "grades", grades);
		jb_pair_domain_grades(&st, domain_grades);
		jb_pair_array(&st, "measures", measures);
		jb_pair_array(&st, "incentives", incentives);
		jb_pair_string(&st, "verdict", verdict);
	}
	return JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
}

/* spi_jsonb — a jsonb column of an SPI result row (never NULL: the queries coalesce to '[]'). */
static Jsonb *
spi_jsonb(HeapTuple t, TupleDesc td, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(t, td, col, &isnull);

	if (isnull)
		elog(ERROR, "credit_gz: pre-check query gave no array in column %d", col);
	return DatumGetJsonbP(d);
}

/*
 * quick_precheck — the answer for a subject with no list entry in force: built here, with grades from
 * subject_score when the scoring module is installed; no_record: the caller already knows the archive has no such
 * subject.
 * *connected tracks the SPI connection (opened only for grades and feedback).
 */
static Jsonb *
quick_precheck(int64 subject_id, bool no_record, text *domain, text *action, text *department, const char *source,
			   const char *table_name, MemoryContext out_cxt, bool *connected, char **verdict_out)
{
	static SPIPlanPtr grades_plan = NULL;
	char	   *name = no_record ? NULL : subject_name(subject_id);
	char	   *d = text_to_cstring(domain);
	char	   *a = text_to_cstring(action);
	char	   *verdict;
	Datum		v[3];
	bool		isnull;
	Datum		applied;
	HeapTuple	t;
	TupleDesc	td;
	MemoryContext old;
	Jsonb	   *result;
	Oid			score_relid = fast_rels_get()->subject_score;

	/* grades only when the scoring module is installed and the subject has a score */
	if (name == NULL || !OidIsValid(score_relid) || !has_pk_rows(score_relid, subject_id, InvalidAttrNumber, NULL))
	{
		/* the common answer, without SPI: no record, or no grades */
		old = MemoryContextSwitchTo(out_cxt);
		result = precheck_answer(subject_id, d, a, name != NULL, name, false, NULL, NULL, NULL, NULL, "allow");
		*verdict_out = pstrdup(name == NULL ? "no_record" : "allow");
		MemoryContextSwitchTo(old);
		return result;
	}

	/* a subject with grades: the grade query answers grades, grade measures and incentives, and the verdict */
	credit_gz_spi_connect_once(connected);
	if (grades_plan == NULL)
	{
		Oid			types[3] = {INT8OID, TEXTOID, TEXTOID};

		grades_plan = credit_gz_keep_cursor_plan(grades_sql, 3, types, CURSOR_OPT_GENERIC_PLAN);
	}
	v[0] = Int64GetDatum(subject_id);
	v[1] = PointerGetDatum(domain);
	v[2] = PointerGetDatum(action);
	if (SPI_execute_plan(grades_plan, v, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: grade query failed");
	t = SPI_tuptable->vals[0];
	td = SPI_tuptable->tupdesc;
	verdict = SPI_getvalue(t, td, 4);
	applied = SPI_getbinval(t, td, 5, &isnull);
	if (!isnull)
		log_feedback(subject_id, domain, action, department, verdict, source, table_name, NULL, applied);

	old = MemoryContextSwitchTo(out_cxt);
	result = precheck_answer(subject_id, d, a, true, name, false, spi_jsonb(t, td, 1), spi_jsonb(t, td, 6),
							 spi_jsonb(t, td, 2), spi_jsonb(t, td, 3), verdict);
	*verdict_out = pstrdup(verdict);
	MemoryContextSwitchTo(old);
	return result;
}

/* Result of one pre-check, copied out of SPI memory into the caller's context. */
typedef struct precheck_result
{
	Jsonb	   *answer;
	char	   *verdict;
	char	   *deny_message;
	char	   *deny_detail;
	char	   *subject_code;	/* how messages name the subject (credit_gz.subject_code) */
} precheck_result;

/*
 * log_precheck_read — 十七 信用信息安全保护: a pre-check reads a subject's credit information, so it leaves an entry
 * in credit_gz.query_log (src/query_log.c: inserted now, or queued for the query-log worker in async mode), naming
 * the reading role and its department, the domain asked about and the verdict answered (the answer's own word:
 * allow, allow_with_conditions, deny, no_record). On a hot standby forwarded to the primary.
 */
static void
log_precheck_read(int64 subject_id, const char *domain, const char *action, text *department, const char *source,
				  const char *verdict, bool *connected)
{
	query_log_read(subject_id, "precheck", psprintf("%s: %s/%s", source, domain, action),
				   "government", department ? text_to_cstring(department) : NULL, domain, verdict, connected);
}

/*
 * log_precheck_unknown — the same for a pre-check by a code (uscc, resident id, or a subject id given as text)
 * that matches no subject: the read is logged too, in credit_gz.unknown_code_read_log under the code as given. (A
 * pre-check by subject id is logged under that id in credit_gz.query_log, whether or not the subject exists.)
 */
static void
log_precheck_unknown(const char *code, const char *domain, const char *action, text *department,
					 const char *source, bool *connected)
{
	query_log_read_unknown(code, "precheck", psprintf("%s: %s/%s", source, domain, action),
						   "government", department ? text_to_cstring(department) : NULL, domain, "no_record",
						   connected);
}

/*
 * run_precheck — evaluate the pre-check and log applied measures. Subjects with no entry in force take the quick
 * path; the others the full query. Results are allocated in `out_cxt`; *connected tracks the SPI connection,
 * which the caller finishes. override_reason non-NULL marks the feedback rows as an override. department: fed back
 * for (NULL: the caller's only one); read_department: the department the query-log entry names.
 */
static precheck_result
run_precheck(int64 subject_id, text *domain, text *action, text *department, text *read_department,
			 const char *source, const char *table_name, const char *override_reason, MemoryContext out_cxt,
			 bool *connected)
{
	Datum		v[6];
	bool		isnull;
	HeapTuple	t;
	TupleDesc	td;
	Datum		applied;
	bool		applied_null;
	precheck_result r = {0};
	MemoryContext old;
	int			rc;
	bool		have_scores;
	char	   *d = text_to_cstring(domain);
	char	   *a = text_to_cstring(action);

	validate_codes(d, a, connected);
	if (!entries_in_force(subject_id))
	{
		r.answer = quick_precheck(subject_id, false, domain, action, department, source, table_name, out_cxt, connected,
								  &r.verdict);
		log_precheck_read(subject_id, d, a, read_department, source, r.verdict, connected);
		return r;
	}

	credit_gz_spi_connect_once(connected);
	have_scores = OidIsValid(fast_rels_get()->subject_score);
	if (precheck_plan == NULL || precheck_plan_has_scores != have_scores)
	{
		Oid			types[6] = {INT8OID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID};

		if (precheck_plan)
			SPI_freeplan(precheck_plan);
		precheck_plan = NULL;
		/* a generic plan: planned once per backend; a custom plan of this query cost more than running it */
		precheck_plan = credit_gz_keep_cursor_plan(have_scores ? PRECHECK_SQL(GRADES_WITH_SCORES, DOMAIN_GRADES_WITH_SCORES)
							 : PRECHECK_SQL(GRADES_WITHOUT_SCORES, DOMAIN_GRADES_WITHOUT_SCORES),
							 6, types, CURSOR_OPT_GENERIC_PLAN);
		precheck_plan_has_scores = have_scores;
	}
	v[0] = Int64GetDatum(subject_id);
	v[1] = PointerGetDatum(domain);
	v[2] = PointerGetDatum(action);
	/* the deny message and detail, format() strings in the language of lc_messages */
	v[3] = CStringGetTextDatum(credit_gz_sql_text("measure %s applies through list entry %s (%s)"));
	v[4] = CStringGetTextDatum(credit_gz_sql_text("List entry %s puts the subject on %s (%s) by %s; measure %s (%s) "
												  "applies, legal basis: %s."));
	v[5] = CStringGetTextDatum(credit_gz_sql_text("List entry %s puts the subject on %s (%s) by %s, derived through its "
												  "relation to %s; measure %s (%s) applies, legal basis: %s."));
	rc = SPI_execute_plan(precheck_plan, v, NULL, false, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: pre-check query failed: %s", SPI_result_code_string(rc));
	t = SPI_tuptable->vals[0];
	td = SPI_tuptable->tupdesc;

	old = MemoryContextSwitchTo(out_cxt);
	r.verdict = SPI_getvalue(t, td, 1);
	{
		bool		found = DatumGetBool(SPI_getbinval(t, td, 2, &isnull));
		bool		name_null;
		Datum		name = SPI_getbinval(t, td, 3, &name_null);

		r.answer = precheck_answer(subject_id, d, a, found, name_null ? NULL : TextDatumGetCString(name), name_null,
								   spi_jsonb(t, td, 4), spi_jsonb(t, td, 10), spi_jsonb(t, td, 5), spi_jsonb(t, td, 6),
								   r.verdict);
	}
	r.deny_message = SPI_getvalue(t, td, 8);
	r.deny_detail = SPI_getvalue(t, td, 9);
	r.subject_code = SPI_getvalue(t, td, 11);
	MemoryContextSwitchTo(old);
	applied = SPI_getbinval(t, td, 7, &applied_null);

	/* 及时反馈奖惩工作成效: log what was applied */
	if (!applied_null && strcmp(r.verdict, "no_record") != 0)
		log_feedback(subject_id, domain, action, department, r.verdict, source, table_name, override_reason, applied);
	SPI_freetuptable(SPI_tuptable);
	/* logged once the verdict is known (an error before it answered nothing, so nothing was read) */
	log_precheck_read(subject_id, d, a, read_department, source, r.verdict, connected);
	return r;
}

/*
 * credit_gz_precheck — precheck(subject_id, domain, action, department DEFAULT NULL) → jsonb.
 */
Datum
credit_gz_precheck(PG_FUNCTION_ARGS)
{
	precheck_result r;
	MemoryContext caller = CurrentMemoryContext;
	bool		connected = false;
	text	   *department;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	department = reading_department(PG_ARGISNULL(3) ? NULL : PG_GETARG_TEXT_PP(3));
	r = run_precheck(PG_GETARG_INT64(0), PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2), department, department,
					 "precheck", NULL, NULL, caller, &connected);
	if (connected)
		SPI_finish();
	PG_RETURN_JSONB_P(r.answer);
}

/*
 * credit_gz_is_restricted — is_restricted(subject_id, domain, action) → boolean: true exactly when precheck()
 * would deny (only list measures deny; grade measures never do). Read-only, no feedback. A subject with no entry
 * in force is answered from one index probe, without SPI.
 */
Datum
credit_gz_is_restricted(PG_FUNCTION_ARGS)
{
	Datum		v[3];
	bool		isnull,
				restricted,
				connected = false;
	int			rc;

	char	   *d,
			   *a;

	v[0] = PG_GETARG_DATUM(0);
	v[1] = PG_GETARG_DATUM(1);
	v[2] = PG_GETARG_DATUM(2);
	d = TextDatumGetCString(v[1]);
	a = TextDatumGetCString(v[2]);
	validate_codes(d, a, &connected);
	restricted = false;
	if (entries_in_force(DatumGetInt64(v[0])))
	{
		credit_gz_spi_connect_once(&connected);
		if (restricted_plan == NULL)
		{
			Oid			types[3] = {INT8OID, TEXTOID, TEXTOID};

			restricted_plan = credit_gz_keep_plan(restricted_sql, 3, types);
		}
		rc = SPI_execute_plan(restricted_plan, v, NULL, true, 1);
		if (rc != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "credit_gz: is_restricted query failed: %s", SPI_result_code_string(rc));
		restricted = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
		SPI_freetuptable(SPI_tuptable);
	}
	/* a read like precheck's (十七): deny when restricted; otherwise no verdict (allow is not told from conditions) */
	log_precheck_read(DatumGetInt64(v[0]), d, a, NULL, "is_restricted", restricted ? "deny" : NULL, &connected);
	if (connected)
		SPI_finish();
	PG_RETURN_BOOL(restricted);
}

/*
 * subject_of_code — the subject for a subject id, uscc, resident id or identity document given as text
 * (credit_gz.subject_id_of); false when the archive has none. Requires an SPI connection. read_only: run under the
 * caller's snapshot (the SQL functions); a row trigger asks with a new one, seeing the rows its own statement wrote.
 */
static bool
subject_of_code(text *code, int64 *subject_id, bool read_only)
{
	Datum		v[1];
	bool		isnull;
	int			rc;

	if (subject_of_plan == NULL)
	{
		Oid			types[1] = {TEXTOID};

		subject_of_plan = credit_gz_keep_plan("SELECT credit_gz.subject_id_of($1)", 1, types);
	}
	v[0] = PointerGetDatum(code);
	rc = SPI_execute_plan(subject_of_plan, v, NULL, read_only, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: subject lookup failed: %s", SPI_result_code_string(rc));
	*subject_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	return !isnull;
}

/*
 * precheck_code_answer — the answer of precheck(code, …) once the code is resolved (found: to subject_id) or known
 * to be well formed and on no file: the answer of precheck(subject_id …), or the no-record answer logged under the
 * code (domain and action are still checked), plus the code as given. Allocated in `caller`; *connected as in
 * run_precheck. The one body of precheck(code) and of each item of precheck_many(codes).
 */
static Jsonb *
precheck_code_answer(text *code, bool found, int64 subject_id, text *domain, text *action, text *department,
					 MemoryContext caller, bool *connected)
{
	Jsonb	   *answer;
	JsonbParseState *st = NULL;
	char	   *verdict;
	MemoryContext old;

	if (found)
		answer = run_precheck(subject_id, domain, action, department, department, "precheck", NULL, NULL, caller,
							  connected).answer;
	else
	{
		char	   *d = text_to_cstring(domain);
		char	   *a = text_to_cstring(action);

		validate_codes(d, a, connected);
		log_precheck_unknown(text_to_cstring(code), d, a, department, "precheck", connected);
		answer = quick_precheck(0, true, domain, action, NULL, "precheck", NULL, caller, connected, &verdict);
		old = MemoryContextSwitchTo(caller);
		answer = DatumGetJsonbP(DirectFunctionCall2(jsonb_delete, JsonbPGetDatum(answer),
													CStringGetTextDatum("subject_id")));
		MemoryContextSwitchTo(old);
	}
	old = MemoryContextSwitchTo(caller);
	(void) pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	jb_pair_string(&st, "code", text_to_cstring(code));
	answer = DatumGetJsonbP(DirectFunctionCall2(jsonb_concat, JsonbPGetDatum(answer),
												JsonbPGetDatum(JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT,
																								NULL)))));
	MemoryContextSwitchTo(old);
	return answer;
}

/*
 * credit_gz_precheck_code — precheck(code text, domain, action, department) → jsonb: the answer of
 * precheck(subject_id …) plus the code as given; a well-formed code on no file gets the no-record answer (domain and
 * action are still checked); a malformed one is an error (22P02).
 */
Datum
credit_gz_precheck_code(PG_FUNCTION_ARGS)
{
	MemoryContext caller = CurrentMemoryContext;
	text	   *code;
	int64		subject_id;
	bool		connected = true;
	bool		found;
	Jsonb	   *answer;
	text	   *department;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	code = PG_GETARG_TEXT_PP(0);
	department = reading_department(PG_ARGISNULL(3) ? NULL : PG_GETARG_TEXT_PP(3));
	credit_gz_spi_connect();
	found = subject_of_code(code, &subject_id, true);
	if (!found)
	{
		validate_codes(text_to_cstring(PG_GETARG_TEXT_PP(1)), text_to_cstring(PG_GETARG_TEXT_PP(2)), &connected);
		check_code_form(text_to_cstring(code), NULL, true);
	}
	answer = precheck_code_answer(code, found, subject_id, PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2), department,
								  caller, &connected);
	SPI_finish();
	PG_RETURN_JSONB_P(answer);
}

/*
 * credit_gz_is_restricted_code — is_restricted(code text, domain, action): false for unknown or malformed codes
 * (domain and action are still checked).
 */
Datum
credit_gz_is_restricted_code(PG_FUNCTION_ARGS)
{
	int64		subject_id;
	bool		connected = true;
	bool		found;

	credit_gz_spi_connect();
	found = subject_of_code(PG_GETARG_TEXT_PP(0), &subject_id, true);
	validate_codes(text_to_cstring(PG_GETARG_TEXT_PP(1)), text_to_cstring(PG_GETARG_TEXT_PP(2)), &connected);
	if (!found)
	{
		char	   *code = text_to_cstring(PG_GETARG_TEXT_PP(0));

		check_code_form(code, NULL, true);
		log_precheck_unknown(code, text_to_cstring(PG_GETARG_TEXT_PP(1)), text_to_cstring(PG_GETARG_TEXT_PP(2)),
							 NULL, "is_restricted", &connected);
		SPI_finish();
		PG_RETURN_BOOL(false);
	}
	SPI_finish();
	PG_RETURN_DATUM(DirectFunctionCall3(credit_gz_is_restricted, Int64GetDatum(subject_id), PG_GETARG_DATUM(1),
										PG_GETARG_DATUM(2)));
}

/*
 * ---- Batch pre-checks (precheck_many) ----------------------------------------------------------------------------
 * A tender office checks its whole list of bidders at once. Each item is answered by the code path of the single
 * call (run_precheck, precheck_code_answer) — so each answer is the one precheck() gives, logged as it is — while
 * what a single call sets up each time is done once for the list: the department check, the SPI connection, the
 * domain and action check, and (for codes) the resolution of every code in one statement.
 */

/* many_begin — the common start: the department once, the result store, SPI, the codes checked for the whole call. */
static text *
many_begin(FunctionCallInfo fcinfo, MemoryContext *item_cxt)
{
	text	   *department = reading_department(PG_ARGISNULL(3) ? NULL : PG_GETARG_TEXT_PP(3));
	bool		connected = false;

	InitMaterializedSRF(fcinfo, 0);
	*item_cxt = AllocSetContextCreate(CurrentMemoryContext, "credit_gz precheck_many item", ALLOCSET_DEFAULT_SIZES);
	credit_gz_spi_connect_once(&connected);
	validate_codes(text_to_cstring(PG_GETARG_TEXT_PP(1)), text_to_cstring(PG_GETARG_TEXT_PP(2)), &connected);
	return department;
}

/* many_put — one row (item number from 1, answer or NULL) of the result; the item's memory is freed after it. */
static void
many_put(FunctionCallInfo fcinfo, int item, Jsonb *answer, MemoryContext item_cxt)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Datum		v[2];
	bool		nulls[2] = {false, answer == NULL};

	v[0] = Int32GetDatum(item);
	v[1] = answer ? JsonbPGetDatum(answer) : (Datum) 0;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, nulls);
	MemoryContextReset(item_cxt);
}

/*
 * credit_gz_precheck_many — precheck_many(subject_ids bigint[], domain, action, department DEFAULT NULL) → table
 * (item, answer): for each subject id, in the order given, the answer precheck(subject_id, domain, action,
 * department) gives, logged and fed back as it is. A NULL id gets a NULL answer (as precheck of NULL does).
 */
Datum
credit_gz_precheck_many(PG_FUNCTION_ARGS)
{
	ArrayType  *ids;
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n;
	text	   *department;
	MemoryContext item_cxt;
	bool		connected = true;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		InitMaterializedSRF(fcinfo, 0);
		return (Datum) 0;
	}
	ids = PG_GETARG_ARRAYTYPE_P(0);
	department = many_begin(fcinfo, &item_cxt);
	deconstruct_array(ids, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &elem_nulls, &n);
	query_log_batch_begin();
	PG_TRY();
	{
		for (int i = 0; i < n; i++)
		{
			MemoryContext old;
			precheck_result r = {0};

			if (!elem_nulls[i])
			{
				old = MemoryContextSwitchTo(item_cxt);
				r = run_precheck(DatumGetInt64(elems[i]), PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2), department,
								 department, "precheck", NULL, NULL, item_cxt, &connected);
				MemoryContextSwitchTo(old);
			}
			many_put(fcinfo, i + 1, r.answer, item_cxt);
		}
	}
	PG_CATCH();
	{
		query_log_batch_abandon();
		PG_RE_THROW();
	}
	PG_END_TRY();
	/* the entries of the whole list, in one INSERT (sync mode; src/query_log_batch.c) */
	query_log_batch_end(&connected);
	SPI_finish();
	return (Datum) 0;
}

/*
 * code_error_answer — the answer of one malformed code in precheck_many(codes): what precheck(code) would have
 * raised (22P02, its message and detail) under the key error, with the code, domain, action, checked_on, found false
 * and a null verdict, so that no gate reads it as a pass. Not logged: a single call answers nothing for it either.
 */
static Jsonb *
code_error_answer(const char *code, const char *domain, const char *action, const char *defect)
{
	JsonbParseState *st = NULL;
	JsonbValue	v;

	(void) pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	jb_pair_string(&st, "code", code);
	jb_pair_string(&st, "domain", domain);
	jb_pair_string(&st, "action", action);
	jb_pair_string(&st, "checked_on", iso_date(credit_gz_policy_day()));
	jb_pair_bool(&st, "found", false);
	jb_string(&st, WJB_KEY, "verdict");
	v.type = jbvNull;
	(void) pushJsonbValue(&st, WJB_VALUE, &v);
	jb_string(&st, WJB_KEY, "error");
	(void) pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	jb_pair_string(&st, "sqlstate", unpack_sql_state(ERRCODE_INVALID_TEXT_REPRESENTATION));
	jb_pair_string(&st, "message", code_form_message(code));
	jb_pair_string(&st, "detail", code_form_detail(defect));
	(void) pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
}

/* What one statement tells of every code of a list: its subject (subject_id_of), and the defect of one on no file. */
static const char *const many_codes_sql =
	"SELECT x.s, CASE WHEN x.s IS NULL AND u.c IS NOT NULL THEN credit_gz.code_defect(u.c) END"
	"  FROM unnest($1) WITH ORDINALITY AS u (c, i)"
	" CROSS JOIN LATERAL (SELECT credit_gz.subject_id_of(u.c) AS s OFFSET 0) x"
	" ORDER BY u.i";

/*
 * credit_gz_precheck_many_code — precheck_many(codes text[], domain, action, department DEFAULT NULL) → table (item,
 * answer): for each code, in the order given, the answer precheck(code, domain, action, department) gives, logged as
 * it is; a malformed code, which precheck(code) refuses with 22P02, gets an answer naming the error
 * (code_error_answer) instead of failing the whole list. A NULL code gets a NULL answer.
 */
Datum
credit_gz_precheck_many_code(PG_FUNCTION_ARGS)
{
	static SPIPlanPtr plan = NULL;
	ArrayType  *codes;
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n;
	text	   *department;
	MemoryContext item_cxt;
	MemoryContext caller = CurrentMemoryContext;
	bool		connected = true;
	int64	   *subject_ids;
	bool	   *found;
	char	  **defects;
	Datum		v[1];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		InitMaterializedSRF(fcinfo, 0);
		return (Datum) 0;
	}
	codes = PG_GETARG_ARRAYTYPE_P(0);
	department = many_begin(fcinfo, &item_cxt);
	deconstruct_array(codes, TEXTOID, -1, false, TYPALIGN_INT, &elems, &elem_nulls, &n);
	subject_ids = MemoryContextAllocZero(caller, sizeof(int64) * (n + 1));
	found = MemoryContextAllocZero(caller, sizeof(bool) * (n + 1));
	defects = MemoryContextAllocZero(caller, sizeof(char *) * (n + 1));
	if (plan == NULL)
	{
		Oid			types[1] = {TEXTARRAYOID};

		plan = credit_gz_keep_cursor_plan(many_codes_sql, 1, types, CURSOR_OPT_GENERIC_PLAN);
	}
	v[0] = PointerGetDatum(codes);
	if (SPI_execute_plan(plan, v, NULL, true, 0) != SPI_OK_SELECT || SPI_processed != (uint64) n)
		elog(ERROR, "credit_gz: code resolution of precheck_many failed");
	for (int i = 0; i < n; i++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);

		found[i] = !isnull;
		subject_ids[i] = isnull ? 0 : DatumGetInt64(d);
		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull);
		if (!isnull)
			defects[i] = MemoryContextStrdup(caller, TextDatumGetCString(d));
	}
	SPI_freetuptable(SPI_tuptable);
	query_log_batch_begin();
	PG_TRY();
	{
		for (int i = 0; i < n; i++)
		{
			MemoryContext old;
			Jsonb	   *answer = NULL;

			if (!elem_nulls[i])
			{
				old = MemoryContextSwitchTo(item_cxt);
				if (defects[i] != NULL)
					answer = code_error_answer(TextDatumGetCString(elems[i]), text_to_cstring(PG_GETARG_TEXT_PP(1)),
											   text_to_cstring(PG_GETARG_TEXT_PP(2)), defects[i]);
				else
					answer = precheck_code_answer(DatumGetTextPP(elems[i]), found[i], subject_ids[i],
												  PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2), department, item_cxt,
												  &connected);
				MemoryContextSwitchTo(old);
			}
			many_put(fcinfo, i + 1, answer, item_cxt);
		}
	}
	PG_CATCH();
	{
		query_log_batch_abandon();
		PG_RE_THROW();
	}
	PG_END_TRY();
	query_log_batch_end(&connected);
	SPI_finish();
	return (Datum) 0;
}

/*
 * enforce_code_column — check how enforce_precheck was attached and find its code column: a BEFORE INSERT OR
 * UPDATE row trigger with 3 or 4 arguments, the first naming a column of the table.
 */
static int
enforce_code_column(FunctionCallInfo fcinfo)
{
	TriggerData *trig = (TriggerData *) fcinfo->context;
	Trigger    *tg;
	int			att;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(trig->tg_event) ||
		!TRIGGER_FIRED_BEFORE(trig->tg_event) || TRIGGER_FIRED_BY_DELETE(trig->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("credit_gz.enforce_precheck() must be a BEFORE INSERT OR UPDATE row trigger")));
	/* a restore's rows already hold what this trigger derives (credit_gz_restore_in_progress) */
	if (TRIGGER_FIRED_BY_INSERT(trig->tg_event) && credit_gz_restore_in_progress())
		return PointerGetDatum(trig->tg_trigtuple);
	tg = trig->tg_trigger;
	if (tg->tgnargs < 3 || tg->tgnargs > 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("credit_gz.enforce_precheck() takes 3 or 4 arguments"),
				 errdetail("The arguments are the code column, the domain, the action and optionally the department."),
				 errhint("CREATE TRIGGER … EXECUTE FUNCTION credit_gz.enforce_precheck('supplier_code', "
						 "'government_procurement', 'procurement_bid', 'finance').")));
	att = SPI_fnumber(trig->tg_relation->rd_att, tg->tgargs[0]);
	if (att <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of enforce_precheck does not exist in table \"%s\"", tg->tgargs[0],
						RelationGetRelationName(trig->tg_relation))));
	return att;
}

/* code_unchanged — an UPDATE that leaves the code column as it was (compared as text): nothing to check again. */
static bool
code_unchanged(TriggerData *trig, HeapTuple row, int att)
{
	TupleDesc	desc = trig->tg_relation->rd_att;
	bool		oldnull;
	char	   *o,
			   *n;

	if (!TRIGGER_FIRED_BY_UPDATE(trig->tg_event))
		return false;
	(void) SPI_getbinval(trig->tg_trigtuple, desc, att, &oldnull);
	o = oldnull ? NULL : SPI_getvalue(trig->tg_trigtuple, desc, att);
	n = SPI_getvalue(row, desc, att);
	return o != NULL && strcmp(o, n) == 0;
}

/*
 * subject_of_column — the subject the code column names: its value when the column is of an integer type (a subject
 * id), else credit_gz.subject_id_of of its text. False, with *code_text set, when the archive has no such subject.
 * Requires an SPI connection.
 */
static bool
subject_of_column(TupleDesc desc, HeapTuple row, int att, Datum code, int64 *subject_id, char **code_text)
{
	Oid			atttype = getBaseType(SPI_gettypeid(desc, att));

	if (atttype == INT8OID || atttype == INT4OID || atttype == INT2OID)
	{
		*subject_id = atttype == INT8OID ? DatumGetInt64(code)
			: atttype == INT4OID ? DatumGetInt32(code) : DatumGetInt16(code);
		return true;
	}
	*code_text = SPI_getvalue(row, desc, att);
	return subject_of_code(cstring_to_text(*code_text), subject_id, false);
}

/*
 * credit_gz_enforce_precheck — BEFORE INSERT OR UPDATE row trigger: enforce_precheck(code_column, domain, action
 * [, department]). The code column may hold a subject id (integer types), a uscc, a resident id, or text of any of
 * these or of an identity document (credit_gz.subject_id_of). UPDATEs are checked only when the code changes.
 * Subjects without a record pass (nothing restricts them), their read logged under the code.
 */
Datum
credit_gz_enforce_precheck(PG_FUNCTION_ARGS)
{
	TriggerData *trig = (TriggerData *) fcinfo->context;
	Trigger    *tg;
	HeapTuple	row;
	int			att;
	bool		isnull;
	Datum		code;
	int64		subject_id;
	char	   *code_text = NULL;
	text	   *department = NULL;
	text	   *read_department;
	const char *reason;
	char	   *table_name;
	precheck_result r;
	MemoryContext caller = CurrentMemoryContext;
	bool		connected = true;

	att = enforce_code_column(fcinfo);
	tg = trig->tg_trigger;
	row = TRIGGER_FIRED_BY_UPDATE(trig->tg_event) ? trig->tg_newtuple : trig->tg_trigtuple;
	code = SPI_getbinval(row, trig->tg_relation->rd_att, att, &isnull);
	if (isnull || code_unchanged(trig, row, att))
		return PointerGetDatum(row);
	if (tg->tgnargs == 4)
		department = cstring_to_text(tg->tgargs[3]);

	/* logged for the department the inserting role acts for: the table's, when it acts for that one */
	read_department = (department != NULL && credit_gz_acts_for_department(tg->tgargs[3])) ? department
		: reading_department(NULL);
	credit_gz_spi_connect();
	if (!subject_of_column(trig->tg_relation->rd_att, row, att, code, &subject_id, &code_text))
	{
		/* a malformed code is rejected; a well-formed one not on file passes (nothing restricts it), logged */
		check_code_form(code_text, psprintf("column %s of table %s", tg->tgargs[0],
											RelationGetRelationName(trig->tg_relation)), false);
		log_precheck_unknown(code_text, tg->tgargs[1], tg->tgargs[2], read_department, "enforce_precheck",
							 &connected);
		SPI_finish();
		return PointerGetDatum(row);
	}

	reason = (precheck_override_reason && precheck_override_reason[0] != '\0') ? precheck_override_reason : NULL;
	table_name = psprintf("%s.%s", get_namespace_name(RelationGetNamespace(trig->tg_relation)),
						  RelationGetRelationName(trig->tg_relation));
	r = run_precheck(subject_id, cstring_to_text(tg->tgargs[1]), cstring_to_text(tg->tgargs[2]), department,
					 read_department, "enforce_precheck", table_name, reason, caller, &connected);
	SPI_finish();
	if (strcmp(r.verdict, "deny") == 0 && reason == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CG_PRECHECK_RESTRICTED),
				 errmsg("subject %s is restricted from %s in %s: %s", r.subject_code, tg->tgargs[2],
						tg->tgargs[1], r.deny_message),
				 errtableconstraint(trig->tg_relation, tg->tgname),
				 errdetail("%s", r.deny_detail),
				 errhint("If the law allows an exception, SET LOCAL credit_gz.precheck_override_reason to the stated "
						 "reason; the override is recorded in credit_gz.measure_feedback.")));
	if (strcmp(r.verdict, "deny") == 0)
		ereport(NOTICE,
				(errmsg("pre-check override recorded for subject %s: %s", r.subject_code, r.deny_message),
				 errdetail("Reason: %s", reason)));
	return PointerGetDatum(row);
}
