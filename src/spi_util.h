/*
 * spi_util.h — the SPI plumbing every C file shares: connecting, keeping plans, and finding a column by name.
 *
 * Each helper turns a failure that would otherwise be an ignored return code into an error naming what failed, so
 * callers do not repeat the checks (and cannot forget one).
 */
#ifndef CREDIT_GZ_SPI_UTIL_H
#define CREDIT_GZ_SPI_UTIL_H

#include "access/attnum.h"
#include "access/tupdesc.h"
#include "executor/spi.h"

/* credit_gz_spi_connect — SPI_connect, or an error: no caller can go on without the connection. */
extern void credit_gz_spi_connect(void);

/*
 * credit_gz_spi_connect_once — connect unless *connected says this call already did, and say so in *connected. For
 * paths that need SPI only on a cache miss and finish it once at the end (SPI_finish when *connected).
 */
extern void credit_gz_spi_connect_once(bool *connected);

/*
 * credit_gz_keep_plan — prepare a statement with SPI and keep the plan for the life of the backend (the plan cache
 * revalidates it after DDL), so hot paths parse and plan nothing. Must be called inside SPI_connect.
 */
extern SPIPlanPtr credit_gz_keep_plan(const char *sql, int nargs, Oid *types);

/*
 * credit_gz_keep_cursor_plan — the same with SPI_prepare_cursor's options, e.g. CURSOR_OPT_GENERIC_PLAN for a
 * statement whose generic plan is good for every argument and costs less than planning it per call.
 */
extern SPIPlanPtr credit_gz_keep_cursor_plan(const char *sql, int nargs, Oid *types, int cursor_options);

/*
 * credit_gz_column — the attribute number of a user column of a row type, found by name; an error (42703) naming the
 * column and `what` (the table, as doc/schema.md names it) when the row has no such column, so a table that is not
 * as the code expects fails loudly instead of reading another column.
 */
extern AttrNumber credit_gz_column(TupleDesc desc, const char *what, const char *column);

#endif							/* CREDIT_GZ_SPI_UTIL_H */
