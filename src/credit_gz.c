/*
 * credit_gz.c — module entry point: PG_MODULE_MAGIC and the credit_gz.* settings.
 *
 * Each policy concern lives in its own file (uscc.c, resident_id.c, scoring.c …); this file only holds what is
 * global to the module, so that the settings table in README.md can be checked against one place.
 */
#include "postgres.h"

#include "executor/spi.h"
#include "fmgr.h"
#include "utils/guc.h"

#include "credit_gz.h"
#include "disclosure.h"
#include "lists.h"
#include "query_log.h"

PG_MODULE_MAGIC;

bool		credit_gz_uscc_weak = false;

void		_PG_init(void);

/*
 * _PG_init — register the settings. Called once per backend when the library loads.
 */
void
_PG_init(void)
{
	DefineCustomBoolVariable("credit_gz.uscc_weak",
							 "Accepts unified social credit codes whose only defect is a check character.",
							 "Accepted codes are flagged and print with a trailing '!', as contrib/isn's weak mode does.",
							 &credit_gz_uscc_weak,
							 false,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);

	disclosure_define_gucs();
	precheck_init_gucs();
	query_log_init();

	MarkGUCPrefixReserved("credit_gz");
}

/* credit_gz_keep_plan — see credit_gz.h. */
SPIPlanPtr
credit_gz_keep_plan(const char *sql, int nargs, Oid *types)
{
	SPIPlanPtr	p = SPI_prepare(sql, nargs, types);

	if (p == NULL)
		elog(ERROR, "credit_gz: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	SPI_keepplan(p);
	return p;
}
