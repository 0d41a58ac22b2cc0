/*
 * messages.c — the extension's messages in the language of lc_messages, the PostgreSQL way.
 *
 * The module has a gettext text domain of its own, credit_gz-<major> (TEXTDOMAIN, set by the Makefile), so errmsg,
 * errdetail and errhint of every C file are looked up in the catalogue po/<language>.po that make install puts in
 * share/locale/<language>/LC_MESSAGES — as the server's own messages and PL/pgSQL's are. Three things come on top:
 *
 *  - a private install (Debian's extension_destdir, as make devcheck uses) keeps its catalogues under the same
 *    prefix as its library; when the library was loaded from there, the text domain is bound to the catalogues
 *    installed with it;
 *  - the sentences of the plain-C core (src/core/core_text.h) are translated through the same domain;
 *  - SQL raises its messages through credit_gz.msg(msgid, args...), which translates the msgid and formats it as
 *    format() does (%s, %1$s, %%), so PL/pgSQL messages are in the one catalogue too (nls.mk extracts them).
 */
#include "postgres.h"

#include <dlfcn.h>
#include <langinfo.h>
#include <locale.h>
#include <sys/stat.h>

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/guc.h"

#include "credit_gz.h"
#include "core/core_text.h"

PG_FUNCTION_INFO_V1(credit_gz_msg);

/* Whether this backend's database encoding has been given to the text domain (bind_database_codeset). */
static bool codeset_bound = false;

/*
 * bind_database_codeset — translations in the database encoding, as the server binds its own domain once the
 * database is known. A library preloaded into the postmaster bound its domain before any database was chosen (to
 * UTF-8, the encoding of nearly every database, see credit_gz_messages_init); the first translation through this
 * file in a backend binds the database's own encoding (it matters where LC_CTYPE is C, or the encoding is not UTF8).
 */
static void
bind_database_codeset(void)
{
#ifdef ENABLE_NLS
	const char *ctype;

	if (codeset_bound || !OidIsValid(MyDatabaseId))
		return;
	codeset_bound = true;
	if (GetDatabaseEncoding() == PG_UTF8)
		return;					/* bound to UTF-8 already */
	ctype = setlocale(LC_CTYPE, NULL);
	if (ctype != NULL && (strcmp(ctype, "C") == 0 || strcmp(ctype, "POSIX") == 0))
		pg_bind_textdomain_codeset(TEXTDOMAIN);	/* the database encoding, as the server's domain */
	else
		bind_textdomain_codeset(TEXTDOMAIN, nl_langinfo(CODESET));	/* the charset of the database's LC_CTYPE */
#endif
}

/* translate_core — core_text's translator: the sentence from the extension's catalogue. */
static const char *
translate_core(const char *msgid)
{
	bind_database_codeset();
	return dgettext(TEXTDOMAIN, msgid);
}

/* translate_core_plural — core_ntext's translator: the form for count n from the extension's catalogue. */
static const char *
translate_core_plural(const char *singular, const char *plural, unsigned long n)
{
	bind_database_codeset();
	return dngettext(TEXTDOMAIN, singular, plural, n);
}

/*
 * bind_private_install — when Debian's extension_destdir is set and this library was loaded from under it, bind the
 * text domain to the locale directory under the same prefix, where make install DESTDIR=… put the catalogues. A
 * library of the system's own directories keeps the server's locale directory (pg_bindtextdomain).
 */
static void
bind_private_install(void)
{
#ifdef ENABLE_NLS
	const char *destdir = GetConfigOption("extension_destdir", true, false);
	Dl_info		info;
	size_t		len;
	char		locale_path[MAXPGPATH];
	char		private_path[MAXPGPATH];
	struct stat st;

	if (destdir == NULL || destdir[0] == '\0' || my_exec_path[0] == '\0')
		return;
	if (dladdr((void *) bind_private_install, &info) == 0 || info.dli_fname == NULL)
		return;
	len = strlen(destdir);
	while (len > 1 && destdir[len - 1] == '/')
		len--;
	if (strncmp(info.dli_fname, destdir, len) != 0 || info.dli_fname[len] != '/')
		return;
	get_locale_path(my_exec_path, locale_path);
	snprintf(private_path, sizeof(private_path), "%.*s%s", (int) len, destdir, locale_path);
	if (stat(private_path, &st) == 0 && S_ISDIR(st.st_mode))
		bindtextdomain(TEXTDOMAIN, private_path);
#endif
}

/*
 * credit_gz_messages_init — bind the text domain and install the core's translators; called from _PG_init.
 */
void
credit_gz_messages_init(void)
{
	pg_bindtextdomain(TEXTDOMAIN);
	bind_private_install();
#ifdef ENABLE_NLS
	/*
	 * Loaded before a database is chosen (shared_preload_libraries): unbound, the domain would convert to the
	 * LC_CTYPE charset of the backend, which in a database of LC_CTYPE C turns every Chinese character into '?'.
	 */
	if (!OidIsValid(MyDatabaseId))
		bind_textdomain_codeset(TEXTDOMAIN, "UTF-8");
	else
		codeset_bound = true;	/* pg_bindtextdomain bound the database's encoding */
#endif
	core_text_hook = translate_core;
	core_ntext_hook = translate_core_plural;
}

/*
 * credit_gz_subject_code — see credit_gz.h. Calls SQL's credit_gz.subject_code, the one definition (in the caller's
 * rights: a subject the caller may not read is named by its id). An install script of an older version, which lacks
 * the function, names the subject by its id; for messages only, so never on a hot path.
 */
char *
credit_gz_subject_code(int64 subject_id)
{
	Oid			fn;

	fn = DatumGetObjectId(DirectFunctionCall1(to_regprocedure,
											  CStringGetTextDatum("credit_gz.subject_code(bigint)")));
	if (!OidIsValid(fn))
		return psprintf("#%lld", (long long) subject_id);
	return TextDatumGetCString(OidFunctionCall1(fn, Int64GetDatum(subject_id)));
}

/*
 * credit_gz_msg — credit_gz.msg(msgid [, VARIADIC "any"]): the msgid translated into the language of lc_messages
 * (the msgid itself when the catalogue has no translation), then formatted with the arguments as format() does.
 * Used as RAISE … USING MESSAGE = credit_gz.msg('…', …) by PL/pgSQL, and for texts SQL stores (receipt reasons).
 */
Datum
credit_gz_msg(PG_FUNCTION_ARGS)
{
	char	   *id;
	const char *translated;
	FunctionCallInfo fc;
	Datum		result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	id = text_to_cstring(PG_GETARG_TEXT_PP(0));
	bind_database_codeset();
	translated = dgettext(TEXTDOMAIN, id);
	if (translated == id)
		return text_format(fcinfo);

	/*
	 * format()'s own code formats the translation with the arguments. It gets a call of its own: the caller's
	 * argument slots are not ours to change (a constant argument is stored there once, for every call).
	 */
	fc = palloc(SizeForFunctionCallInfo(PG_NARGS()));
	InitFunctionCallInfoData(*fc, fcinfo->flinfo, PG_NARGS(), PG_GET_COLLATION(), NULL, NULL);
	for (int i = 1; i < PG_NARGS(); i++)
		fc->args[i] = fcinfo->args[i];
	fc->args[0].value = PointerGetDatum(cstring_to_text(translated));
	fc->args[0].isnull = false;
	result = text_format(fc);
	fcinfo->isnull = fc->isnull;
	pfree(fc);
	return result;
}
