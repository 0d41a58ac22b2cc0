/*
 * disclosure.h — the disclosure concern: settings (query log retention), registered from _PG_init, and what the
 * current role acts as.
 */
#ifndef CREDIT_GZ_DISCLOSURE_H
#define CREDIT_GZ_DISCLOSURE_H

extern void disclosure_define_gucs(void);

/*
 * credit_gz_my_only_department — the department the current role acts for when it acts for exactly one (the
 * department a query-log entry names by default), NULL when none or several; from the per-backend cache behind
 * credit_gz.my_departments(). Valid until the next call; copy it to keep it.
 */
extern const char *credit_gz_my_only_department(void);

#endif							/* CREDIT_GZ_DISCLOSURE_H */
