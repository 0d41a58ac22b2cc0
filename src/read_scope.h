/*
 * read_scope.h — the subjects the current role has logged a read of in this transaction (src/read_scope.c): the
 * disclosed_* views show an audience's rows of a subject only inside such a read.
 */
#ifndef CREDIT_GZ_READ_SCOPE_H
#define CREDIT_GZ_READ_SCOPE_H

#include "postgres.h"

/*
 * read_scope_add — the current role has logged a read of the subject for the audience (NULL: any audience it may
 * read as); its rows are open to the role until the transaction ends or the subtransaction that logged it aborts.
 */
extern void read_scope_add(int64 subject_id, const char *audience);

#endif							/* CREDIT_GZ_READ_SCOPE_H */
