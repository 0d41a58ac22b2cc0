/*
 * disclosure.c — PostgreSQL glue for 信用信息安全保护 (policy 十七): the setting that lets exactly one function,
 * credit_gz.purge_query_log(), remove old entries from the append-only credit_gz.query_log.
 *
 * Why a C setting: the query log's trigger must tell "the retention function is running" from "someone typed
 * DELETE". A placeholder variable would do, but credit_gz reserves its GUC prefix (MarkGUCPrefixReserved), and a
 * user-settable variable could be set by anyone. credit_gz.query_log_purge is PGC_SUSET and hidden: only a
 * superuser — in practice the extension owner running the SECURITY DEFINER retention function — can turn it on,
 * and the trigger still refuses entries younger than the retention period whatever the setting says.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "disclosure.h"

static bool disclosure_query_log_purge = false;

/*
 * disclosure_define_gucs — register credit_gz.query_log_purge. Called once per backend from _PG_init.
 */
void
disclosure_define_gucs(void)
{
	DefineCustomBoolVariable("credit_gz.query_log_purge",
							 "Lets credit_gz.purge_query_log() delete query-log entries past the retention period.",
							 "Set only by credit_gz.purge_query_log() for its own transaction; never set it by hand.",
							 &disclosure_query_log_purge,
							 false,
							 PGC_SUSET,
							 GUC_NO_SHOW_ALL | GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE,
							 NULL, NULL, NULL);
}

PG_FUNCTION_INFO_V1(query_log_purge_allowed);

/*
 * query_log_purge_allowed — the value of credit_gz.query_log_purge, read from C.
 *
 * The query log's trigger asks through this function rather than current_setting() so that calling it loads the
 * module: a value a non-superuser set before the module was loaded (a placeholder) is then discarded by
 * DefineCustomBoolVariable, as PGC_SUSET demands, instead of being read back as "on".
 */
Datum
query_log_purge_allowed(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(disclosure_query_log_purge);
}
