/*
 * log_forward.c — a hot standby's query log reaches the primary (十七: a read answered on a replica is logged as
 * one answered on the primary is).
 *
 * Nothing can be written on a hot standby, so there every read is queued (src/query_log.c, in either log mode) and
 * the standby's query-log worker sends the queue here in batches: one call of credit_gz.accept_forwarded_reads()
 * on the primary per batch, over libpq with the connection string credit_gz.query_log_primary_conninfo (reloadable,
 * superuser-only: it may hold a password). The worker keeps the connection between batches. When the primary is
 * away the batch stays queued and is sent again (readers are refused once the queue is full): entries are lost only
 * when the standby itself stops before the primary takes them — the loss window of async mode on a primary.
 * A batch the primary committed but whose answer was lost is sent again: at least once, not exactly once.
 */
#include "postgres.h"
#include "textdomain.h"

#include "libpq-fe.h"

#include "access/xact.h"
#include "commands/dbcommands.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "storage/latch.h"
#include "utils/guc.h"
#include "utils/timestamp.h"

#include "log_forward.h"

/* How long a connection attempt, and one batch's call, may take before the batch is kept for the next attempt. */
#define FWD_CONNECT_TIMEOUT_MS	10000
#define FWD_CALL_TIMEOUT_MS		60000

static char *fwd_conninfo = NULL;
static PGconn *fwd_conn = NULL;
/* the setting the open connection was made with: a reload that changes it reconnects */
static char *fwd_conn_conninfo = NULL;
/* failed attempts since the last batch the primary took (only the first of a run is logged as a warning) */
static int	fwd_failures = 0;

/*
 * log_forward_init — register credit_gz.query_log_primary_conninfo.
 */
void
log_forward_init(void)
{
	DefineCustomStringVariable("credit_gz.query_log_primary_conninfo",
							   "Connection string to the primary, to which a hot standby's query log is forwarded.",
							   "Set on a standby that answers pre-checks and reports: its reads are logged on the "
							   "primary through credit_gz.accept_forwarded_reads(). The worker connects to the "
							   "database of the same name. Empty: reads on the standby are refused.",
							   &fwd_conninfo,
							   "",
							   PGC_SIGHUP,
							   GUC_SUPERUSER_ONLY,
							   NULL, NULL, NULL);
}

/* log_forward_configured — is a connection string to the primary set? */
bool
log_forward_configured(void)
{
	return fwd_conninfo != NULL && fwd_conninfo[0] != '\0';
}

/* fwd_drop — close the connection to the primary, if any. */
static void
fwd_drop(void)
{
	if (fwd_conn != NULL)
		PQfinish(fwd_conn);
	fwd_conn = NULL;
	if (fwd_conn_conninfo != NULL)
		pfree(fwd_conn_conninfo);
	fwd_conn_conninfo = NULL;
}

/*
 * fwd_wait — wait until the connection's socket is ready for events (WL_SOCKET_READABLE or _WRITEABLE), serving
 * interrupts and a set latch meanwhile. False when the deadline passed first.
 */
static bool
fwd_wait(int events, TimestampTz deadline)
{
	for (;;)
	{
		long		ms = TimestampDifferenceMilliseconds(GetCurrentTimestamp(), deadline);
		int			rc;

		if (ms <= 0)
			return false;
		rc = WaitLatchOrSocket(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH | events,
							   PQsocket(fwd_conn), ms, PG_WAIT_EXTENSION);
		if (rc & WL_LATCH_SET)
		{
			ResetLatch(MyLatch);
			CHECK_FOR_INTERRUPTS();
		}
		if (rc & events)
			return true;
	}
}

/* fwd_error — libpq's message without its final newline, in the current memory context. */
static char *
fwd_error(const char *msg)
{
	return pchomp(msg != NULL && msg[0] != '\0' ? msg : "unknown error");
}

/*
 * fwd_connect — a connection to the primary, kept or made now (without blocking past FWD_CONNECT_TIMEOUT_MS).
 * NULL when connected, else why not. The database is always the worker's own: a streaming standby's databases
 * are its primary's.
 */
static char *
fwd_connect(void)
{
	const char *keywords[4] = {"dbname", "dbname", "fallback_application_name", NULL};
	const char *values[4];
	TimestampTz deadline;
	char	   *err;

	if (fwd_conn != NULL &&
		(PQstatus(fwd_conn) != CONNECTION_OK || strcmp(fwd_conn_conninfo, fwd_conninfo) != 0))
		fwd_drop();
	if (fwd_conn != NULL)
		return NULL;

	values[0] = fwd_conninfo;	/* expanded: a connection string */
	if (IsTransactionState())
		values[1] = get_database_name(MyDatabaseId);
	else
	{
		StartTransactionCommand();
		values[1] = get_database_name(MyDatabaseId);
		CommitTransactionCommand();
	}
	if (values[1] == NULL)
		return pstrdup("the database is gone");
	values[2] = "credit_gz query log forwarder";
	values[3] = NULL;
	fwd_conn = PQconnectStartParams(keywords, values, 1);
	if (fwd_conn == NULL)
		return pstrdup("out of memory");
	fwd_conn_conninfo = pstrdup(fwd_conninfo);
	deadline = TimestampTzPlusMilliseconds(GetCurrentTimestamp(), FWD_CONNECT_TIMEOUT_MS);
	if (PQstatus(fwd_conn) != CONNECTION_BAD)
		for (;;)
		{
			PostgresPollingStatusType st = PQconnectPoll(fwd_conn);

			if (st == PGRES_POLLING_OK || st == PGRES_POLLING_FAILED)
				break;
			if (!fwd_wait(st == PGRES_POLLING_READING ? WL_SOCKET_READABLE : WL_SOCKET_WRITEABLE, deadline))
			{
				fwd_drop();
				return psprintf("no connection within %d s", FWD_CONNECT_TIMEOUT_MS / 1000);
			}
		}
	if (PQstatus(fwd_conn) == CONNECTION_OK)
		return NULL;
	err = fwd_error(PQerrorMessage(fwd_conn));
	fwd_drop();
	return err;
}

/*
 * fwd_call — send the batch as one call of credit_gz.accept_forwarded_reads() and read every result. NULL when the
 * primary committed it, else why not.
 */
static char *
fwd_call(const char *payload)
{
	const char *params[1] = {payload};
	TimestampTz deadline = TimestampTzPlusMilliseconds(GetCurrentTimestamp(), FWD_CALL_TIMEOUT_MS);
	char	   *err = NULL;

	if (!PQsendQueryParams(fwd_conn, "SELECT credit_gz.accept_forwarded_reads($1::pg_catalog.jsonb)", 1, NULL,
						   params, NULL, NULL, 0))
		return fwd_error(PQerrorMessage(fwd_conn));
	for (;;)
	{
		PGresult   *res;

		while (PQisBusy(fwd_conn))
		{
			if (!fwd_wait(WL_SOCKET_READABLE, deadline))
			{
				fwd_drop();		/* the answer may still come: a new connection starts clean */
				return psprintf("no answer within %d s", FWD_CALL_TIMEOUT_MS / 1000);
			}
			if (!PQconsumeInput(fwd_conn))
				return fwd_error(PQerrorMessage(fwd_conn));
		}
		res = PQgetResult(fwd_conn);
		if (res == NULL)
			break;
		if (PQresultStatus(res) != PGRES_TUPLES_OK && err == NULL)
			err = fwd_error(PQresultErrorMessage(res));
		PQclear(res);
	}
	return err;
}

/*
 * log_forward_send — see log_forward.h.
 */
bool
log_forward_send(const char *payload, int n)
{
	char	   *err;

	if (!log_forward_configured())
		err = pstrdup("credit_gz.query_log_primary_conninfo is not set");
	else if ((err = fwd_connect()) == NULL)
		err = fwd_call(payload);
	if (err == NULL)
	{
		if (fwd_failures > 0)
			ereport(LOG,
					(errmsg("credit_gz: the primary takes this standby's query-log entries again, after %d failed "
							"attempts", fwd_failures)));
		fwd_failures = 0;
		return true;
	}
	if (fwd_conn != NULL && PQstatus(fwd_conn) != CONNECTION_OK)
		fwd_drop();
	ereport(fwd_failures == 0 ? WARNING : DEBUG1,
			(errmsg("credit_gz: could not forward %d query-log entries to the primary: %s", n, err),
			 errdetail("They stay queued on this standby and are sent again until the primary takes them."),
			 errhint("Check credit_gz.query_log_primary_conninfo, the forwarding role and the primary's "
					 "pg_hba.conf.")));
	fwd_failures++;
	return false;
}
