/*
 * role_grant.c — what the current role acts as (credit_gz.role_grant, policy 十七 信用信息安全保护):
 * credit_gz.my_departments() and my_institutions(), cached per backend for row-level security and the query log.
 */
#include "postgres.h"

#include "catalog/namespace.h"
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

#include "credit_gz.h"
#include "role_grant.h"
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
