/*
 * log_forward.h — the query-log worker of a hot standby sends its queued entries to the primary over libpq
 * (credit_gz.query_log_primary_conninfo), where credit_gz.accept_forwarded_reads() writes them.
 */
#ifndef CREDIT_GZ_LOG_FORWARD_H
#define CREDIT_GZ_LOG_FORWARD_H

#include "postgres.h"

/* Registers credit_gz.query_log_primary_conninfo; called from query_log_init. */
extern void log_forward_init(void);

/* Is a connection string to the primary set? */
extern bool log_forward_configured(void);

/*
 * Sends one batch (payload: the jsonb array text of n entries) to the primary in one call of
 * credit_gz.accept_forwarded_reads(), connecting first when needed. True once the primary committed it; false
 * (reported in the server log, once per run of failures) when it is away or refused: the caller keeps the entries.
 */
extern bool log_forward_send(const char *payload, int n);

#endif							/* CREDIT_GZ_LOG_FORWARD_H */
