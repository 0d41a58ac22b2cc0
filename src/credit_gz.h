/*
 * credit_gz.h — module-wide settings (GUCs) and shared declarations.
 */
#ifndef CREDIT_GZ_H
#define CREDIT_GZ_H

/* credit_gz.uscc_weak: accept codes whose only defect is a check character, flagged with '!'. */
extern bool credit_gz_uscc_weak;

/*
 * credit_gz_keep_plan — prepare a statement with SPI and keep the plan for the life of the backend (the plan cache
 * revalidates it after DDL), so hot paths parse and plan nothing. Must be called inside SPI_connect.
 */
extern struct _SPI_plan *credit_gz_keep_plan(const char *sql, int nargs, Oid *types);

#endif							/* CREDIT_GZ_H */
