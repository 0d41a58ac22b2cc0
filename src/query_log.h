/*
 * query_log.h — writing credit_gz.query_log and credit_gz.unknown_code_read_log (十七 信用信息安全保护): the synchronous INSERT, the asynchronous
 * shared-memory queue drained by a background worker, and the settings that choose between them.
 */
#ifndef CREDIT_GZ_QUERY_LOG_H
#define CREDIT_GZ_QUERY_LOG_H

#include "postgres.h"

/*
 * Registers credit_gz.query_log_mode, _queue_size, _flush_interval, _purge and, when preloaded, the shared memory.
 */
extern void query_log_init(void);

/*
 * Logs one read of a subject's credit information: queued for the worker in async mode, else (or when the queue
 * has no room) inserted now in the caller's transaction. On a hot standby, in either mode, queued for the worker to
 * forward to the primary (an error, refusing the read, when it cannot be queued). department NULL: the caller's only department, if any.
 * domain and verdict: what a pre-check (via "precheck") asked and answered; NULL for other reads.
 * *spi_connected: whether SPI is connected (connected here when needed; the caller finishes it).
 */
extern void query_log_read(int64 subject_id, const char *via, const char *purpose, const char *audience,
						   const char *department, const char *domain, const char *verdict, bool *spi_connected);

/*
 * Logs one read by a code (uscc, resident id, subject id as text) that matched no subject, in
 * credit_gz.unknown_code_read_log, the same way (queued in async mode, else inserted now).
 */
extern void query_log_read_unknown(const char *code, const char *via, const char *purpose, const char *audience,
								   const char *department, const char *domain, const char *verdict,
								   bool *spi_connected);

/*
 * A batch read (src/query_log_batch.c): between begin and end, the synchronous entries whose values are complete are
 * written together by one INSERT at the end, in the order they were read; abandon after an error. add is the hook of
 * the synchronous writer: false when no batch is open (or the entry is not complete), and the entry is inserted now.
 */
extern void query_log_batch_begin(void);
extern bool query_log_batch_add(bool unknown, int64 subject_id, const char *code, const char *via,
								const char *purpose, const char *audience, const char *department,
								bool department_resolved, const char *domain, const char *verdict);
extern void query_log_batch_end(bool *spi_connected);
extern void query_log_batch_abandon(void);

/*
 * On a hot standby, queues the measure_feedback rows of a pre-check (applied: the jsonb array of measures, as
 * precheck.c writes them on a primary) for the primary, with the standby's name; SPI must be connected. Errors
 * when they cannot be queued (the pre-check is then refused, as an unloggable read is).
 */
extern void query_log_forward_feedback(int64 subject_id, const char *department, const char *domain,
									   const char *action, const char *verdict, const char *source, Datum applied);

#endif							/* CREDIT_GZ_QUERY_LOG_H */
