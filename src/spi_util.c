/*
 * spi_util.c — the SPI plumbing every C file shares (spi_util.h): one place that checks SPI_connect, SPI_prepare and
 * SPI_keepplan, and one column-by-name lookup.
 */
#include "postgres.h"
#include "textdomain.h"

#include "executor/spi.h"
#include "utils/elog.h"

#include "spi_util.h"

/* credit_gz_spi_connect — see spi_util.h. */
void
credit_gz_spi_connect(void)
{
	int			rc = SPI_connect();

	if (rc != SPI_OK_CONNECT)
		elog(ERROR, "credit_gz: SPI_connect failed: %s", SPI_result_code_string(rc));
}

/* credit_gz_spi_connect_once — see spi_util.h. */
void
credit_gz_spi_connect_once(bool *connected)
{
	if (*connected)
		return;
	credit_gz_spi_connect();
	*connected = true;
}

/*
 * keep — make a prepared plan outlive the SPI connection. A plan SPI_keepplan refused would be freed with the
 * connection and then used: an error now instead.
 */
static SPIPlanPtr
keep(SPIPlanPtr plan)
{
	int			rc;

	if (plan == NULL)
		elog(ERROR, "credit_gz: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	rc = SPI_keepplan(plan);
	if (rc != 0)
		elog(ERROR, "credit_gz: SPI_keepplan failed: %s", SPI_result_code_string(rc));
	return plan;
}

/* credit_gz_keep_plan — see spi_util.h. */
SPIPlanPtr
credit_gz_keep_plan(const char *sql, int nargs, Oid *types)
{
	return keep(SPI_prepare(sql, nargs, types));
}

/* credit_gz_keep_cursor_plan — see spi_util.h. */
SPIPlanPtr
credit_gz_keep_cursor_plan(const char *sql, int nargs, Oid *types, int cursor_options)
{
	return keep(SPI_prepare_cursor(sql, nargs, types, cursor_options));
}

/* credit_gz_column — see spi_util.h. System columns do not count: no caller means one. */
AttrNumber
credit_gz_column(TupleDesc desc, const char *what, const char *column)
{
	int			att = SPI_fnumber(desc, column);

	if (att <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of %s does not exist", column, what),
				 errdetail("credit_gz expects the columns doc/schema.md gives the table.")));
	return (AttrNumber) att;
}
