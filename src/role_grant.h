/*
 * role_grant.h — what the current role acts as (credit_gz.role_grant), cached per backend (src/role_grant.c).
 */
#ifndef CREDIT_GZ_ROLE_GRANT_H
#define CREDIT_GZ_ROLE_GRANT_H

/*
 * credit_gz_my_only_department — the department the current role acts for when it acts for exactly one (the
 * department a query-log entry names by default), NULL when none or several; from the per-backend cache behind
 * credit_gz.my_departments(). Valid until the next call; copy it to keep it.
 */
extern const char *credit_gz_my_only_department(void);

/*
 * credit_gz_my_department_count — how many departments the current role acts for (credit_gz.my_departments()).
 */
extern int	credit_gz_my_department_count(void);

/*
 * credit_gz_acts_for_department — does the current role act for the department (credit_gz.role_grant, through
 * inherited memberships), or is it the DBA (superuser or member of the schema owner)? From the per-backend cache.
 */
extern bool credit_gz_acts_for_department(const char *code);

/* credit_gz_is_dba — is the current role the DBA: a superuser or a member of the owner of schema credit_gz? */
extern bool credit_gz_is_dba(void);

#endif							/* CREDIT_GZ_ROLE_GRANT_H */
