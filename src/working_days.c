/*
 * working_days.c — the working-day calendar (工作日历) and working-day arithmetic for repair and objection deadlines
 * (信用修复、异议处理的工作日期限).
 *
 * The calendar (credit_gz.calendar: holidays and 调休 working weekends) is read once per backend into a sorted
 * array and kept until the table changes: a statement trigger on the table sends a relcache invalidation, which
 * reaches every backend at its next command (and this one at once, also on rollback). The arithmetic itself is
 * src/core/workdays.c, plain C with its own unit tests.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "access/parallel.h"
#include "access/xact.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "core/workdays.h"
#include "spi_util.h"

PG_FUNCTION_INFO_V1(credit_gz_add_working_days);
PG_FUNCTION_INFO_V1(credit_gz_working_days_between);
PG_FUNCTION_INFO_V1(credit_gz_is_working_day);
PG_FUNCTION_INFO_V1(credit_gz_calendar_invalidate);

/* Per-backend cache of the calendar's exceptions. */
static MemoryContext calendar_cxt = NULL;
static wd_calendar calendar_cache;
static bool calendar_valid = false;
static bool calendar_callback_registered = false;
static Oid	calendar_relid = InvalidOid;

/*
 * calendar_relcache_callback — drop the cache when credit_gz.calendar (or every relation) is invalidated.
 * Invalidations arrive from the trigger below, from DDL on the table, and from DROP EXTENSION.
 */
static void
calendar_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == calendar_relid)
		calendar_valid = false;
}

/*
 * calendar_get — the cached calendar, loaded on first use after an invalidation.
 * The cache is marked valid before the load, so an invalidation that arrives during the load forces another
 * load next time instead of being lost. The load reads the latest committed state (plus this transaction's own
 * changes), not an older transaction snapshot, so a cache built inside a long REPEATABLE READ transaction is not
 * stale for the rest of the backend's life; inside a parallel worker the leader's snapshot is used.
 */
static const wd_calendar *
calendar_get(void)
{
	Oid			nsp;
	SPIPlanPtr	plan;
	Snapshot	snap;
	int			ret;
	uint64		n,
				i;
	int32	   *days,
			   *effects,
			   *prefix;

	if (calendar_valid)
		return &calendar_cache;

	if (!calendar_callback_registered)
	{
		CacheRegisterRelcacheCallback(calendar_relcache_callback, (Datum) 0);
		calendar_callback_registered = true;
	}
	if (calendar_cxt == NULL)
		calendar_cxt = AllocSetContextCreate(TopMemoryContext, "credit_gz calendar", ALLOCSET_SMALL_SIZES);

	nsp = get_namespace_oid("credit_gz", false);
	calendar_relid = get_relname_relid("calendar", nsp);
	if (!OidIsValid(calendar_relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"credit_gz.calendar\" does not exist"),
				 errhint("Reinstall the extension with ALTER EXTENSION credit_gz UPDATE or CREATE EXTENSION credit_gz.")));

	calendar_valid = true;		/* see above: an invalidation from here on clears it again */
	MemoryContextReset(calendar_cxt);
	calendar_cache.n = 0;

	credit_gz_spi_connect();
	plan = SPI_prepare("SELECT day, kind = 'holiday' FROM credit_gz.calendar ORDER BY day", 0, NULL);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	snap = IsInParallelMode() ? GetActiveSnapshot() : GetLatestSnapshot();
	ret = SPI_execute_snapshot(plan, NULL, NULL, snap, InvalidSnapshot, true, false, 0);
	if (ret != SPI_OK_SELECT)
	{
		calendar_valid = false;
		elog(ERROR, "reading credit_gz.calendar failed: %s", SPI_result_code_string(ret));
	}

	n = SPI_processed;
	days = MemoryContextAlloc(calendar_cxt, sizeof(int32) * (n + 1));
	effects = MemoryContextAlloc(calendar_cxt, sizeof(int32) * (n + 1));
	prefix = MemoryContextAlloc(calendar_cxt, sizeof(int32) * (n + 1));
	{
		int			k = 0;

		for (i = 0; i < n; i++)
		{
			bool		isnull1,
						isnull2;
			DateADT		day = DatumGetDateADT(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull1));
			bool		holiday = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull2));
			int			effect;

			if (isnull1 || isnull2 || DATE_NOT_FINITE(day))
				continue;		/* excluded by the table's constraints; never trusted blindly */
			effect = wd_effect(day, holiday);
			if (effect == 0)
				continue;		/* a holiday on a weekend or a "working day" on a weekday changes nothing */
			days[k] = day;
			effects[k] = effect;
			k++;
		}
		wd_calendar_init(&calendar_cache, days, effects, prefix, k);
	}
	SPI_finish();
	return &calendar_cache;
}

/* check_finite — working-day arithmetic is undefined on ±infinity. */
static void
check_finite(DateADT d)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("working days cannot be counted from an infinite date"),
				 errdetail("Working-day deadlines need a finite start and end date.")));
}

/*
 * credit_gz.add_working_days(date, integer) → date: the n-th working day after (n > 0) or before (n < 0) the
 * date; the date itself for 0. The start day never counts (a deadline "within 3 working days" of a Friday
 * application ends on Wednesday).
 */
Datum
credit_gz_add_working_days(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	int32		n = PG_GETARG_INT32(1);
	int64		r;

	check_finite(d);
	r = wd_add(calendar_get(), d, n);
	if (!IS_VALID_DATE(r))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range")));
	PG_RETURN_DATEADT((DateADT) r);
}

/*
 * credit_gz.working_days_between(date, date) → integer: the working days in (a, b] — after a, up to and including
 * b — or minus those in (b, a] when b is earlier. Costs two binary searches whatever the distance.
 */
Datum
credit_gz_working_days_between(PG_FUNCTION_ARGS)
{
	DateADT		a = PG_GETARG_DATEADT(0);
	DateADT		b = PG_GETARG_DATEADT(1);

	check_finite(a);
	check_finite(b);
	PG_RETURN_INT32((int32) wd_between(calendar_get(), a, b));
}

/* credit_gz.is_working_day(date) → boolean: Monday..Friday unless the calendar says otherwise. */
Datum
credit_gz_is_working_day(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);

	check_finite(d);
	PG_RETURN_BOOL(wd_is_working(calendar_get(), d));
}

/*
 * credit_gz.calendar_invalidate() — statement trigger on credit_gz.calendar: queue a relcache invalidation of the
 * table so every backend's cached calendar is rebuilt after this transaction commits (and this backend's at once).
 */
Datum
credit_gz_calendar_invalidate(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("calendar_invalidate() must be called as a trigger")));
	CacheInvalidateRelcache(trigdata->tg_relation);
	calendar_valid = false;
	return PointerGetDatum(NULL);
}
