/*
 * disclosure.h — settings of the disclosure concern (query log retention), registered from _PG_init.
 */
#ifndef CREDIT_GZ_DISCLOSURE_H
#define CREDIT_GZ_DISCLOSURE_H

extern void disclosure_define_gucs(void);

#endif							/* CREDIT_GZ_DISCLOSURE_H */
