/*
 * query_log_batch.c — the synchronous query-log entries of one batch read (precheck_many) written by one INSERT.
 *
 * A batch pre-check logs one entry per subject, as the single calls do. In sync mode each entry is an INSERT in the
 * reader's transaction; a hundred of them cost more than the pre-checks themselves (each INSERT sets up its
 * executor and the table's constraints anew). Between query_log_batch_begin() and query_log_batch_end() the
 * synchronous writer of src/query_log.c hands its fully resolved entries here instead (query_log_batch_add), and
 * the end writes them in the order they were read with one INSERT … SELECT FROM unnest(…), in the same transaction
 * and the same rights: the same rows, the stamp trigger and row-level security judge each of them as before.
 * Entries the writer still has to complete (a department left to the SQL default) are not taken and are written at
 * once. An error in between discards what is pending (query_log_batch_abandon): the statement fails, and its
 * entries would have gone with its transaction anyway.
 */
#include "postgres.h"
#include "textdomain.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "query_log.h"
#include "spi_util.h"

/* One pending entry: the values ql_insert_sync would bind, the department already resolved. */
typedef struct QlPending
{
	int64		subject_id;
	char	   *code;
	char	   *via;
	char	   *purpose;
	char	   *audience;
	char	   *department;
	char	   *domain;
	char	   *verdict;
} QlPending;

static bool batching = false;
static SubTransactionId batch_subid = InvalidSubTransactionId;	/* the subtransaction the batch began in */
static MemoryContext batch_cxt = NULL;
static List *pending[2] = {NIL, NIL};	/* [0]: query_log, [1]: unknown_code_read_log */
static SPIPlanPtr flush_plans[2];

/* batch_strdup — a copy in the batch's memory, or NULL. */
static char *
batch_strdup(const char *s)
{
	return s ? MemoryContextStrdup(batch_cxt, s) : NULL;
}

/*
 * batch_xact_callback — a batch never outlives its transaction: whatever ends it (an error anywhere, even in the
 * flush) closes the batch, so no later read's entry waits in a batch nobody writes.
 */
static void
batch_xact_callback(XactEvent event, void *arg)
{
	if (event == XACT_EVENT_ABORT || event == XACT_EVENT_PARALLEL_ABORT || event == XACT_EVENT_COMMIT ||
		event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PREPARE)
		query_log_batch_abandon();
}

/*
 * batch_subxact_callback — the same for a rolled-back savepoint (an error caught by a PL/pgSQL block) that the batch
 * began in or inside: the entries it holds went with it, as they would have one by one. A savepoint begun and
 * rolled back inside the batch leaves it open (subtransaction ids only grow within a transaction).
 */
static void
batch_subxact_callback(SubXactEvent event, SubTransactionId mySubid, SubTransactionId parentSubid, void *arg)
{
	if (event == SUBXACT_EVENT_ABORT_SUB && batching && batch_subid >= mySubid)
		query_log_batch_abandon();
}

/*
 * query_log_batch_begin — from now on, fully resolved synchronous entries wait for query_log_batch_end().
 */
void
query_log_batch_begin(void)
{
	if (batching)
		elog(ERROR, "credit_gz: query-log batch already open");
	if (batch_cxt == NULL)
	{
		batch_cxt = AllocSetContextCreate(TopMemoryContext, "credit_gz query-log batch", ALLOCSET_DEFAULT_SIZES);
		RegisterXactCallback(batch_xact_callback, NULL);
		RegisterSubXactCallback(batch_subxact_callback, NULL);
	}
	pending[0] = pending[1] = NIL;
	batch_subid = GetCurrentSubTransactionId();
	batching = true;
}

/*
 * query_log_batch_add — take one synchronous entry into the open batch; false (the caller inserts it now) when no
 * batch is open or the entry's department is still to be computed by the INSERT.
 */
bool
query_log_batch_add(bool unknown, int64 subject_id, const char *code, const char *via, const char *purpose,
					const char *audience, const char *department, bool department_resolved, const char *domain,
					const char *verdict)
{
	MemoryContext old;
	QlPending  *p;

	if (!batching || (department == NULL && !department_resolved))
		return false;
	old = MemoryContextSwitchTo(batch_cxt);
	p = palloc0(sizeof(QlPending));
	p->subject_id = subject_id;
	p->code = batch_strdup(code);
	p->via = batch_strdup(via);
	p->purpose = batch_strdup(purpose);
	p->audience = batch_strdup(audience);
	p->department = batch_strdup(department);
	p->domain = batch_strdup(domain);
	p->verdict = batch_strdup(verdict);
	pending[unknown ? 1 : 0] = lappend(pending[unknown ? 1 : 0], p);
	MemoryContextSwitchTo(old);
	return true;
}

/* text_array — a text[] of n values (NULL where nulls says so). */
static Datum
text_array(Datum *values, bool *nulls, int n)
{
	int			dims[1] = {n};
	int			lbs[1] = {1};

	return PointerGetDatum(construct_md_array(values, nulls, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT));
}

/* text_or_null — one element of a text[] being built. */
static void
text_or_null(const char *s, Datum *value, bool *isnull)
{
	*isnull = (s == NULL);
	*value = s ? CStringGetTextDatum(s) : (Datum) 0;
}

/* flush_one — write the pending entries of one log table with one INSERT, in the order they were read. */
static void
flush_one(int t, bool *spi_connected)
{
	int			n = list_length(pending[t]);
	Datum	   *cols[7];
	bool	   *colnulls[7];
	Datum		args[7];
	int			i = 0;
	int			dims[1] = {n};
	int			lbs[1] = {1};
	ListCell   *lc;
	int			rc;

	if (n == 0)
		return;
	for (int c = 0; c < 7; c++)
	{
		cols[c] = palloc(sizeof(Datum) * n);
		colnulls[c] = palloc0(sizeof(bool) * n);
	}
	foreach(lc, pending[t])
	{
		QlPending  *p = (QlPending *) lfirst(lc);

		if (t == 0)
			cols[0][i] = Int64GetDatum(p->subject_id);
		else
			text_or_null(p->code, &cols[0][i], &colnulls[0][i]);
		text_or_null(p->via, &cols[1][i], &colnulls[1][i]);
		text_or_null(p->purpose, &cols[2][i], &colnulls[2][i]);
		text_or_null(p->audience, &cols[3][i], &colnulls[3][i]);
		text_or_null(p->department, &cols[4][i], &colnulls[4][i]);
		text_or_null(p->domain, &cols[5][i], &colnulls[5][i]);
		text_or_null(p->verdict, &cols[6][i], &colnulls[6][i]);
		i++;
	}
	args[0] = t == 0 ? PointerGetDatum(construct_md_array(cols[0], colnulls[0], 1, dims, lbs, INT8OID, sizeof(int64),
														   FLOAT8PASSBYVAL, TYPALIGN_DOUBLE))
		: text_array(cols[0], colnulls[0], n);
	for (int c = 1; c < 7; c++)
		args[c] = text_array(cols[c], colnulls[c], n);

	credit_gz_spi_connect_once(spi_connected);
	if (flush_plans[t] == NULL)
	{
		Oid			types[7] = {t == 0 ? INT8ARRAYOID : TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID,
		TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID};

		flush_plans[t] = credit_gz_keep_cursor_plan(t == 0
			? "INSERT INTO credit_gz.query_log (subject_id, via, purpose, audience, department_code, domain_code, verdict)"
			  " SELECT u.k, u.via, u.purpose, u.audience, u.department, u.domain, u.verdict"
			  "   FROM unnest($1, $2, $3, $4, $5, $6, $7) WITH ORDINALITY"
			  "        AS u (k, via, purpose, audience, department, domain, verdict, i) ORDER BY u.i"
			: "INSERT INTO credit_gz.unknown_code_read_log (code, via, purpose, audience, department_code, domain_code,"
			  "       verdict)"
			  " SELECT u.k, u.via, u.purpose, u.audience, u.department, u.domain, u.verdict"
			  "   FROM unnest($1, $2, $3, $4, $5, $6, $7) WITH ORDINALITY"
			  "        AS u (k, via, purpose, audience, department, domain, verdict, i) ORDER BY u.i",
			7, types, CURSOR_OPT_GENERIC_PLAN);
	}
	rc = SPI_execute_plan(flush_plans[t], args, NULL, false, 0);
	if (rc != SPI_OK_INSERT || SPI_processed != (uint64) n)
		elog(ERROR, "credit_gz: query-log batch insert failed: %s", SPI_result_code_string(rc));
}

/*
 * query_log_batch_end — write what the batch holds (query_log, then unknown_code_read_log) and close it.
 * *spi_connected as for query_log_read.
 */
void
query_log_batch_end(bool *spi_connected)
{
	if (!batching)
		return;
	/* closed first: the INSERTs below write, they do not add; an error in them ends the transaction (or the
	 * savepoint the batch began in), whose callbacks drop what is pending */
	batching = false;
	flush_one(0, spi_connected);
	flush_one(1, spi_connected);
	query_log_batch_abandon();
}

/* query_log_batch_abandon — close the batch and drop what it holds (after an error, or once written). */
void
query_log_batch_abandon(void)
{
	batching = false;
	pending[0] = pending[1] = NIL;
	if (batch_cxt)
		MemoryContextReset(batch_cxt);
}
