/*
 * lists.h — SQLSTATEs of the lists and pre-check concern (recorded in doc/lists.md).
 */
#ifndef CREDIT_GZ_LISTS_H
#define CREDIT_GZ_LISTS_H

/* CG501: enforce_precheck rejected a row for a restricted subject (联合惩戒措施). */
#define ERRCODE_CG_PRECHECK_RESTRICTED	MAKE_SQLSTATE('C','G','5','0','1')
/* CG510: a derived list entry was written directly; only propagation maintains them. */
#define ERRCODE_CG_DERIVED_ENTRY		MAKE_SQLSTATE('C','G','5','1','0')

/* Registers credit_gz.precheck_override_reason (src/precheck.c); called from _PG_init. */
extern void precheck_init_gucs(void);

#endif							/* CREDIT_GZ_LISTS_H */
