/*
 * load_progress.h — progress of a long intake in shared memory, read by other sessions (src/load_progress.c).
 */
#ifndef CREDIT_GZ_LOAD_PROGRESS_H
#define CREDIT_GZ_LOAD_PROGRESS_H

/* Requests the per-backend progress slots when the library is preloaded. Called once per process from _PG_init. */
extern void load_progress_init(void);

#endif							/* CREDIT_GZ_LOAD_PROGRESS_H */
