/*
 * textdomain.h — the module's gettext text domain, credit_gz-<major> (PG_TEXTDOMAIN; the catalogue name comes from
 * the Makefile, CREDIT_GZ_CATALOG, and matches CATALOG_NAME of nls.mk). Included after postgres.h by every C file of
 * the module (through credit_gz.h or directly), so that its errmsg, errdetail and errhint texts are looked up in the
 * extension's catalogue rather than the server's (src/messages.c binds it).
 */
#ifndef CREDIT_GZ_TEXTDOMAIN_H
#define CREDIT_GZ_TEXTDOMAIN_H

#undef TEXTDOMAIN
#define TEXTDOMAIN PG_TEXTDOMAIN(CREDIT_GZ_CATALOG)

#endif							/* CREDIT_GZ_TEXTDOMAIN_H */
