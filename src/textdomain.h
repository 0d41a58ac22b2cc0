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

/*
 * credit_gz_sql_text — a format() string that C passes to its SQL (%s, %1$s), translated from the extension's
 * catalogue into the language of lc_messages; an xgettext keyword (nls.mk).
 */
#define credit_gz_sql_text(msgid) dgettext(TEXTDOMAIN, msgid)

/*
 * credit_gz_text — a printf format the C module writes into a result rather than raising it (an item's answer of
 * precheck_many), translated as errmsg's are; an xgettext keyword (nls.mk).
 */
#define credit_gz_text(msgid) dgettext(TEXTDOMAIN, msgid)

#endif							/* CREDIT_GZ_TEXTDOMAIN_H */
