/*
 * credit_gz.c — module entry point: PG_MODULE_MAGIC, the credit_gz.* settings, and the policy clock.
 *
 * Each policy concern lives in its own file (uscc.c, resident_id.c, scoring.c …); this file only holds what is
 * global to the module, so that the settings table in README.md can be checked against one place.
 *
 * The policy clock: every "today" of the extension is the date of the transaction's timestamp in the policy time
 * zone (credit_gz.policy_time_zone, Asia/Shanghai by default), whatever the session's TimeZone. SQL reads it through
 * credit_gz.policy_date(), C through credit_gz_policy_day(); both are this file's one conversion.
 */
#include "postgres.h"

#include "access/xact.h"
#include "commands/extension.h"
#include "miscadmin.h"
#include "executor/spi.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/rls.h"
#include "utils/inval.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "credit_gz.h"
#include "load_progress.h"
#include "precheck.h"
#include "query_log.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(credit_gz_policy_date);
PG_FUNCTION_INFO_V1(credit_gz_policy_date_at);
PG_FUNCTION_INFO_V1(credit_gz_add_months_sql);
PG_FUNCTION_INFO_V1(credit_gz_add_months_inverse);
PG_FUNCTION_INFO_V1(credit_gz_restoring);

bool		credit_gz_uscc_weak = false;
char	   *credit_gz_policy_time_zone = NULL;

/* The zone the setting names (resolved by the check hook), and a counter that tells the day cache it changed. */
static pg_tz *policy_tz = NULL;
static uint64 policy_tz_generation = 0;

void		_PG_init(void);

/*
 * check_policy_time_zone — accept only a zone of the time zone database (as SET TimeZone would), so a typo fails at
 * SET time instead of moving every deadline. The resolved zone travels to the assign hook in *extra.
 */
static bool
check_policy_time_zone(char **newval, void **extra, GucSource source)
{
	pg_tz	   *tz;
	pg_tz	  **keep;

	if (*newval == NULL || (*newval)[0] == '\0')
	{
		GUC_check_errdetail("The policy time zone must name a time zone, such as Asia/Shanghai.");
		return false;
	}
	tz = pg_tzset(*newval);
	if (tz == NULL)
	{
		GUC_check_errdetail("\"%s\" is not a time zone of the time zone database.", *newval);
		GUC_check_errhint("Use a name from pg_timezone_names, such as Asia/Shanghai.");
		return false;
	}
	if (!pg_tz_acceptable(tz))
	{
		GUC_check_errdetail("Time zone \"%s\" counts leap seconds, which PostgreSQL does not support.", *newval);
		return false;
	}
	/* GUC extra is released with free() by guc.c */
	keep = (pg_tz **) malloc(sizeof(pg_tz *));
	if (keep == NULL)
	{
		GUC_check_errcode(ERRCODE_OUT_OF_MEMORY);
		return false;
	}
	*keep = tz;
	*extra = keep;
	return true;
}

/* assign_policy_time_zone — make the checked zone current and invalidate the cached policy day. */
static void
assign_policy_time_zone(const char *newval, void *extra)
{
	policy_tz = *(pg_tz **) extra;
	policy_tz_generation++;
}

/*
 * _PG_init — bind the message catalogues and register the settings. Called once per backend when the library loads.
 */
void
_PG_init(void)
{
	/* first, so that what the settings report is already in the language of lc_messages */
	credit_gz_messages_init();

	DefineCustomBoolVariable("credit_gz.uscc_weak",
							 "Accepts unified social credit codes whose only defect is a check character.",
							 "Accepted codes are flagged and print with a trailing '!', as contrib/isn's weak mode does.",
							 &credit_gz_uscc_weak,
							 false,
							 /* superuser-only: a department must not turn off the check of the codes it files */
							 PGC_SUSET,
							 0,
							 NULL, NULL, NULL);

	/* PGC_SUSET: an application that could move its own "today" could move its deadlines and publicity windows */
	DefineCustomStringVariable("credit_gz.policy_time_zone",
							   "Time zone whose calendar day is the policy date (today) of every rule.",
							   "credit_gz.policy_date() is the date of the transaction's timestamp in this zone, "
							   "whatever the session's TimeZone.",
							   &credit_gz_policy_time_zone,
							   "Asia/Shanghai",
							   PGC_SUSET,
							   0,
							   check_policy_time_zone, assign_policy_time_zone, NULL);

	precheck_init_gucs();
	query_log_init();
	load_progress_init();

	MarkGUCPrefixReserved("credit_gz");
}

/* The oid of schema credit_gz for credit_gz_check_trigger_table; InvalidOid until looked up or after a change. */
static Oid	own_namespace = InvalidOid;

/* own_namespace_reset — a schema was created, renamed or dropped: look credit_gz up again on the next check. */
static void
own_namespace_reset(Datum arg, int cacheid, uint32 hashvalue)
{
	own_namespace = InvalidOid;
}

/* credit_gz_check_trigger_table — see credit_gz.h. */
void
credit_gz_check_trigger_table(TriggerData *td, const char *function, const char *table)
{
	static bool callback_registered = false;
	Relation	rel = td->tg_relation;

	if (!OidIsValid(own_namespace))
	{
		if (!callback_registered)
		{
			CacheRegisterSyscacheCallback(NAMESPACEOID, own_namespace_reset, (Datum) 0);
			callback_registered = true;
		}
		own_namespace = get_namespace_oid("credit_gz", true);
	}
	if (OidIsValid(own_namespace) && RelationGetNamespace(rel) == own_namespace &&
		strcmp(RelationGetRelationName(rel), table) == 0)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("credit_gz.%s() fires only on credit_gz.%s", function, table),
			 errdetail("Trigger \"%s\" fires on table \"%s\".", td->tg_trigger->tgname,
					   RelationGetRelationName(rel)),
			 errhint("The function runs with its owner's rights; it serves the table it was made for only.")));
}

/* credit_gz_policy_day_at — see credit_gz.h. */
DateADT
credit_gz_policy_day_at(TimestampTz at)
{
	struct pg_tm tm;
	fsec_t		fsec;
	int			tz;

	if (TIMESTAMP_IS_NOBEGIN(at))
	{
		DateADT		d;

		DATE_NOBEGIN(d);
		return d;
	}
	if (TIMESTAMP_IS_NOEND(at))
	{
		DateADT		d;

		DATE_NOEND(d);
		return d;
	}
	if (policy_tz == NULL)
		elog(ERROR, "credit_gz: credit_gz.policy_time_zone is not set");
	if (timestamp2tm(at, &tz, &tm, &fsec, NULL, policy_tz) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
}

/*
 * credit_gz_policy_day — see credit_gz.h. The record trigger and the pre-check ask once per row, so the day is
 * kept for as long as neither the transaction's timestamp nor the zone changes.
 */
DateADT
credit_gz_policy_day(void)
{
	static TimestampTz cached_at = DT_NOBEGIN;
	static uint64 cached_generation = 0;
	static DateADT cached_day = 0;
	TimestampTz at = GetCurrentTransactionStartTimestamp();

	if (at != cached_at || cached_generation != policy_tz_generation)
	{
		cached_day = credit_gz_policy_day_at(at);
		cached_at = at;
		cached_generation = policy_tz_generation;
	}
	return cached_day;
}

/* credit_gz.policy_date() → date: the policy date of the current transaction. */
Datum
credit_gz_policy_date(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(credit_gz_policy_day());
}

/* credit_gz.policy_date(timestamptz) → date: the calendar day of an instant in the policy time zone. */
Datum
credit_gz_policy_date_at(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(credit_gz_policy_day_at(PG_GETARG_TIMESTAMPTZ(0)));
}

/* credit_gz_add_months — see credit_gz.h. */
DateADT
credit_gz_add_months(DateADT d, int months)
{
	int			y,
				m,
				day;
	int64		total;

	if (DATE_NOT_FINITE(d))
		return d;
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	total = (int64) y * 12 + (m - 1) + months;
	/* floor division: months before year 0 stay in range of the proleptic calendar j2date uses */
	y = (int) (total >= 0 ? total / 12 : -((-total + 11) / 12));
	m = (int) (total - (int64) y * 12) + 1;
	if (day > day_tab[isleap(y)][m - 1])
		day = day_tab[isleap(y)][m - 1];
	if (!IS_VALID_JULIAN(y, m, day))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range")));
	return date2j(y, m, day) - POSTGRES_EPOCH_JDATE;
}

/* credit_gz.add_months(date, integer) → date: credit_gz_add_months for SQL. */
Datum
credit_gz_add_months_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(credit_gz_add_months(PG_GETARG_DATEADT(0), PG_GETARG_INT32(1)));
}

/*
 * credit_gz.add_months_inverse(date, integer) → date: the latest start s with add_months(s, months) <= day, so that
 * "listed at least N months ago" can be an index range (start <= this) rather than a function of every row. Since
 * add_months never moves forward by more than the month-end clamp, s is add_months(day, -months) or up to three days
 * later; each candidate is tried through add_months itself, so the two cannot disagree.
 */
Datum
credit_gz_add_months_inverse(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	int32		months = PG_GETARG_INT32(1);
	DateADT		s;

	if (DATE_NOT_FINITE(day))
		PG_RETURN_DATEADT(day);
	s = credit_gz_add_months(day, -months);
	while (credit_gz_add_months(s, months) > day)
		s--;
	while (credit_gz_add_months(s + 1, months) <= day)
		s++;
	PG_RETURN_DATEADT(s);
}

/*
 * credit_gz_restore_in_progress — see credit_gz.h. pg_dump and pg_restore open every session they write or replay
 * (each parallel worker of pg_restore -j too, and a plain dump replayed through psql) with the same fixed settings,
 * two of which no application runs with: row_security off (so that RLS neither hides rows from the dump nor refuses
 * them on restore; pg_restore --enable-row-security alone turns it on) and check_function_bodies off. Both hold for
 * the whole replay and no function of the extension pins either, so a trigger sees them as the session set them
 * (unlike search_path, which the dump empties but every SECURITY DEFINER trigger function pins to its own). The
 * replay also runs CREATE EXTENSION, whose install script writes the shipped rows: creating_extension leaves those
 * to the triggers as in any install. What makes the test safe is the session user: only a superuser's session
 * counts, and SECURITY DEFINER does not change the session user, so a department that sets the two and calls the
 * extension's functions gets every trigger as always (and row_security off makes its own statements on subjects'
 * tables fail outright instead of filtering them).
 */
bool
credit_gz_restore_in_progress(void)
{
	if (row_security || check_function_bodies || creating_extension)
		return false;
	return superuser_arg(GetSessionUserId());
}

/* credit_gz.restoring(): credit_gz_restore_in_progress() for the PL/pgSQL triggers. */
Datum
credit_gz_restoring(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(credit_gz_restore_in_progress());
}
