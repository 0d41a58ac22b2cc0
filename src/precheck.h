/*
 * precheck.h — the pre-check concern (src/precheck.c): its SQLSTATE (recorded in doc/lists.md) and its settings.
 */
#ifndef CREDIT_GZ_PRECHECK_H
#define CREDIT_GZ_PRECHECK_H

/* CG501: enforce_precheck rejected a row for a restricted subject (联合惩戒措施). */
#define ERRCODE_CG_PRECHECK_RESTRICTED	MAKE_SQLSTATE('C','G','5','0','1')

/* Registers credit_gz.precheck_override_reason (src/precheck.c); called from _PG_init. */
extern void precheck_init_gucs(void);

#endif							/* CREDIT_GZ_PRECHECK_H */
