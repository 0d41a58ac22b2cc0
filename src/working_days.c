/*
 * working_days.c — the working-day calendar (工作日历) and working-day arithmetic for repair and objection deadlines
 * (信用修复、异议处理的工作日期限).
 *
 * The calendar (credit_gz.calendar: holidays and 调休 working weekends) is read once per backend into a sorted
 * array and kept until the table changes: a statement trigger on the table sends a relcache invalidation, which
 * reaches every backend at its next command (and this one at once, also on rollback); src/backend_cache.c keeps
 * the cache's validity. The arithmetic itself is
 * src/core/workdays.c, plain C with its own unit tests.
 */
#include "postgres.h"
#include "textdomain.h"

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
#include "backend_cache.h"
#include "spi_util.h"

PG_FUNCTION_INFO_V1(credit_gz_add_working_days);
PG_FUNCTION_INFO_V1(credit_gz_working_days_between);
PG_FUNCTION_INFO_V1(credit_gz_is_working_day);
PG_FUNCTION_INFO_V1(credit_gz_calendar_invalidate);

/*
 * Per-backend cache of the calendar's exceptions, stale when credit_gz.calendar (or every relation) is invalidated:
 * by the trigger below, by DDL on the table, and by DROP EXTENSION.
 */
static MemoryContext calendar_cxt = NULL;
static wd_calendar calendar_cache;
static BackendCache calendar_watch = {.relations = {"calendar"}};
static SPIPlanPtr calendar_plan = NULL;

/*
 * calendar_get — the cached calendar, loaded on first use after an invalidation.
 * An invalidation that arrives during the load forces another load next time instead of being lost, and so does an
 * error half-way. The load reads the latest committed state (plus this transaction's own
 * changes), not an older transaction snapshot, so a cache built inside a long REPEATABLE READ transaction is not
 * stale for the rest of the backend's life; inside a parallel worker the leader's snapshot is used.
 */
static const wd_calendar *
calendar_get(void)
{
	uint64		token;
	Snapshot	snap;
	int			ret;
	uint64		n,
				i;
	int32	   *days,
			   *effects,
			   *prefix;

	if (backend_cache_valid(&calendar_watch))
		return &calendar_cache;

	if (calendar_cxt == NULL)
		calendar_cxt = AllocSetContextCreate(TopMemoryContext, "credit_gz calendar", ALLOCSET_SMALL_SIZES);

	token = backend_cache_begin_load(&calendar_watch);
	if (!OidIsValid(backend_cache_watched_relid(&calendar_watch, 0)))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"credit_gz.calendar\" does not exist"),
				 errhint("Reinstall the extension with ALTER EXTENSION credit_gz UPDATE or CREATE EXTENSION credit_gz.")));

	MemoryContextReset(calendar_cxt);
	calendar_cache.n = 0;

	credit_gz_spi_connect();
	if (calendar_plan == NULL)
		calendar_plan = credit_gz_keep_plan("SELECT day, kind = 'holiday' FROM credit_gz.calendar ORDER BY day", 0, NULL);
	snap = IsInParallelMode() ? GetActiveSnapshot() : GetLatestSnapshot();
	ret = SPI_execute_snapshot(calendar_plan, NULL, NULL, snap, InvalidSnapshot, true, false, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading credit_gz.calendar failed: %s", SPI_result_code_string(ret));

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
	backend_cache_end_load(&calendar_watch, token);
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
	return credit_gz_cache_changed_trigger(fcinfo, "calendar_invalidate");
}
