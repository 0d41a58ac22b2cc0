/*
 * role_grant.c — what the current role acts as (credit_gz.role_grant, policy 十七 信用信息安全保护):
 * credit_gz.my_departments() and my_institutions(), cached per backend for row-level security and the query log.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/acl.h"

#include "credit_gz.h"
#include "role_grant.h"
#include "query_log.h"
#include "backend_cache.h"
#include "spi_util.h"

/*
 * What the current role acts as: the departments and financial institutions of the credit_gz.role_grant rows whose
 * role the current user has USAGE of (pg_has_role: itself or an inherited membership).
 *
 * Row-level security asks on every row it filters: policies are written `department_code = ANY
 * (credit_gz.my_departments())`, without the sub-SELECT that evaluated the function once per query, because Citus
 * refuses sub-SELECTs in policy expressions. So the answer is cached per backend, for the current user, and
 * forgotten when it may change: credit_gz.role_grant changes (its statement trigger role_grant_changed sends a
 * relcache invalidation, delivered at the next command in this backend, at commit in the others, and at rollback
 * for this transaction's own changes), or a role or membership changes (pg_authid, pg_auth_members syscache
 * invalidations). A call on a valid cache is a user comparison and a copy of a small array.
 */
static BackendCache grants_watch = {.relations = {"role_grant"}, .watch = CACHE_WATCH_ROLES | CACHE_WATCH_MEMBERSHIPS};
static Oid	grants_user = InvalidOid;
static MemoryContext grants_cxt = NULL;
static Datum grants_departments;	/* text[] */
static Datum grants_institutions;	/* bigint[] */
static char *grants_only_department;	/* the one department, NULL when none or several */
static SPIPlanPtr grants_plan = NULL;

/* The rule, in one place: what role_grant says the current user acts as. */
#define GRANTS_SQL \
	"SELECT coalesce(pg_catalog.array_agg(DISTINCT g.department_code ORDER BY g.department_code)" \
	"                FILTER (WHERE g.kind OPERATOR(pg_catalog.=) 'department'), '{}')," \
	"       coalesce(pg_catalog.array_agg(DISTINCT g.institution_id ORDER BY g.institution_id)" \
	"                FILTER (WHERE g.kind OPERATOR(pg_catalog.=) 'financial_institution'), '{}')" \
	"  FROM credit_gz.role_grant g" \
	"  JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) g.role_name" \
	" WHERE pg_catalog.pg_has_role(r.oid, 'USAGE')"

/*
 * grants_load — make the cache answer for the current user: read role_grant (GRANTS_SQL, search_path pinned for
 * the query as a SET clause would) when the cache is stale or holds another user's grants. Only a flag is flipped
 * by the invalidations (src/backend_cache.c), so values handed out stay valid until the next load; callers copy them.
 */
static void
grants_load(void)
{
	uint64		token;
	int			rc,
				save_nestlevel;
	bool		isnull;
	Datum		d;
	MemoryContext old;

	if (backend_cache_valid(&grants_watch) && grants_user == GetUserId())
		return;
	if (grants_cxt == NULL)
		grants_cxt = AllocSetContextCreate(TopMemoryContext, "credit_gz role grants", ALLOCSET_SMALL_SIZES);
	token = backend_cache_begin_load(&grants_watch);

	save_nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE,
							 true, 0, false);
	credit_gz_spi_connect();
	if (grants_plan == NULL)
		grants_plan = credit_gz_keep_plan(GRANTS_SQL, 0, NULL);
	rc = SPI_execute_plan(grants_plan, NULL, NULL, true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: role grant lookup failed: %s", SPI_result_code_string(rc));

	MemoryContextReset(grants_cxt);
	old = MemoryContextSwitchTo(grants_cxt);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	grants_departments = datumCopy(d, false, -1);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	grants_institutions = datumCopy(d, false, -1);
	grants_only_department = NULL;
	{
		ArrayType  *a = DatumGetArrayTypeP(grants_departments);

		if (ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a)) == 1)
		{
			Datum	   *elems;
			int			n;

			deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, NULL, &n);
			grants_only_department = TextDatumGetCString(elems[0]);
		}
	}
	MemoryContextSwitchTo(old);
	SPI_finish();
	AtEOXact_GUC(true, save_nestlevel);

	grants_user = GetUserId();
	/* an invalidation that arrived while reading: the values serve this call only, read again next time */
	backend_cache_end_load(&grants_watch, token);
}

/* credit_gz_my_department_count — see role_grant.h. */
int
credit_gz_my_department_count(void)
{
	ArrayType  *a;

	grants_load();
	a = DatumGetArrayTypeP(grants_departments);
	return ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a));
}

/* credit_gz_my_only_department — see role_grant.h. */
const char *
credit_gz_my_only_department(void)
{
	grants_load();
	return grants_only_department;
}

PG_FUNCTION_INFO_V1(credit_gz_my_departments);
PG_FUNCTION_INFO_V1(credit_gz_my_institutions);

/* credit_gz_my_departments — credit_gz.my_departments() → text[]: the departments the current role acts for. */
Datum
credit_gz_my_departments(PG_FUNCTION_ARGS)
{
	grants_load();
	PG_RETURN_DATUM(datumCopy(grants_departments, false, -1));
}

/*
 * credit_gz_my_institutions — credit_gz.my_institutions() → bigint[]: the financial institutions (subject ids) the
 * current role acts for.
 */
Datum
credit_gz_my_institutions(PG_FUNCTION_ARGS)
{
	grants_load();
	PG_RETURN_DATUM(datumCopy(grants_institutions, false, -1));
}

/* credit_gz_is_dba — see role_grant.h. */
bool
credit_gz_is_dba(void)
{
	Oid			owner;
	HeapTuple	tup;

	if (superuser())
		return true;
	tup = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(get_namespace_oid("credit_gz", false)));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for schema credit_gz");
	owner = ((Form_pg_namespace) GETSTRUCT(tup))->nspowner;
	ReleaseSysCache(tup);
	return has_privs_of_role(GetUserId(), owner);	/* the DBA, as credit_gz.is_credit_admin() */
}

/*
 * credit_gz_acts_for_department — see role_grant.h.
 */
bool
credit_gz_acts_for_department(const char *code)
{
	ArrayType  *a;
	Datum	   *elems;
	int			n;

	if (credit_gz_is_dba())
		return true;
	grants_load();
	a = DatumGetArrayTypeP(grants_departments);
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, NULL, &n);
	for (int i = 0; i < n; i++)
		if (strcmp(TextDatumGetCString(elems[i]), code) == 0)
			return true;
	return false;
}

/*
 * The subject the self-service portal reads as itself (audience self, 信用主体本人). The portal authenticates the
 * person or enterprise and names it in each report call; credit_report opens the scope for that subject — logging
 * the read as the subject's own query — and closes it when the report is built, so the disclosed_* views give
 * self rows of that subject only, only to the role that opened it, only meanwhile. Any transaction end or
 * subtransaction abort closes it too: a report cut short by an error leaves nothing open.
 */
static bool self_open = false;
static int64 self_subject_id = 0;
static Oid	self_user = InvalidOid;
static bool self_callbacks = false;

/* self_xact_callback / self_subxact_callback — the scope never outlives its transaction or an aborted part of it. */
static void
self_xact_callback(XactEvent event, void *arg)
{
	self_open = false;
}

static void
self_subxact_callback(SubXactEvent event, SubTransactionId mySubid, SubTransactionId parentSubid, void *arg)
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		self_open = false;
}

PG_FUNCTION_INFO_V1(credit_gz_self_scope_open);
PG_FUNCTION_INFO_V1(credit_gz_self_scope_close);
PG_FUNCTION_INFO_V1(credit_gz_self_subject);

/*
 * credit_gz_self_scope_open — credit_gz.self_scope_open(subject_id, purpose): log the read as the subject's own
 * query (audience self) and open the scope for it. Opening is the read: whoever opens it is logged.
 */
Datum
credit_gz_self_scope_open(PG_FUNCTION_ARGS)
{
	bool		connected = false;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the subject read as itself must be named")));
	if (!self_callbacks)
	{
		RegisterXactCallback(self_xact_callback, NULL);
		RegisterSubXactCallback(self_subxact_callback, NULL);
		self_callbacks = true;
	}
	query_log_read(PG_GETARG_INT64(0), "report",
				   PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1)), "self", NULL, NULL, NULL,
				   &connected);
	if (connected)
		SPI_finish();
	self_subject_id = PG_GETARG_INT64(0);
	self_user = GetUserId();
	self_open = true;
	PG_RETURN_VOID();
}

/* credit_gz_self_scope_close — credit_gz.self_scope_close(): the report is built; nothing is read as self. */
Datum
credit_gz_self_scope_close(PG_FUNCTION_ARGS)
{
	self_open = false;
	PG_RETURN_VOID();
}

/*
 * credit_gz_self_subject — credit_gz.self_subject() → bigint: the subject being read as itself by the current
 * role, NULL outside a self report.
 */
Datum
credit_gz_self_subject(PG_FUNCTION_ARGS)
{
	if (!self_open || self_user != GetUserId())
		PG_RETURN_NULL();
	PG_RETURN_INT64(self_subject_id);
}
