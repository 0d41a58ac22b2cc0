/*
 * run_log.c — the run log's commit-time report (src/run_log.sql). A notice raised from PL/pgSQL carries a CONTEXT
 * line naming the function; raised here it is the run's summary alone, which is what pg_cron's background worker
 * keeps as return_message (the last message a job sends, and a deferred trigger's notice comes after the
 * command's completion tag).
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/rel.h"

#include "credit_gz.h"
#include "spi_util.h"

PG_FUNCTION_INFO_V1(credit_gz_job_run_report);

/* The text of a column of the new row by name; NULL when the value is NULL. */
static char *
column_text(TriggerData *td, const char *name)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	return SPI_getvalue(td->tg_trigtuple, desc, credit_gz_column(desc, "credit_gz.job_run", name));
}

/*
 * credit_gz_job_run_report — deferred AFTER INSERT row trigger on credit_gz.job_run: one NOTICE per run, its summary
 * or its failure. A restore's rows were reported when they ran.
 */
Datum
credit_gz_job_run_report(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	char	   *job;
	char	   *succeeded;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg_internal("credit_gz.job_run_report() must be an AFTER INSERT row trigger")));
	credit_gz_check_trigger_table(td, "job_run_report", "job_run");
	if (credit_gz_restore_in_progress())
		return PointerGetDatum(NULL);

	job = column_text(td, "job");
	succeeded = column_text(td, "succeeded");
	if (succeeded != NULL && strcmp(succeeded, "t") == 0)
	{
		char	   *result = column_text(td, "result");

		ereport(NOTICE, (errmsg_internal("%s %s", job, result ? result : "null")));
	}
	else
	{
		char	   *state = column_text(td, "sqlstate");
		char	   *error = column_text(td, "error");

		ereport(NOTICE, (errmsg("%s failed (SQLSTATE %s): %s", job, state ? state : "?", error ? error : "")));
	}
	return PointerGetDatum(NULL);
}
