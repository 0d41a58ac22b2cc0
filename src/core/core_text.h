/*
 * core_text.h — translation of the sentences the plain-C core writes (uscc_explain, the errdetail of a bad code …).
 *
 * The core has no PostgreSQL headers and no gettext of its own: it marks each sentence with core_text() (or
 * core_ntext() when it depends on a count), which returns the sentence itself unless the server module has installed
 * a translator (src/messages.c installs one that reads the extension's message catalogue). The marks are also the
 * keywords xgettext extracts (nls.mk), so these sentences are in the same catalogue as the module's errmsg texts.
 */
#ifndef CREDIT_GZ_CORE_TEXT_H
#define CREDIT_GZ_CORE_TEXT_H

/* Translators: NULL in the unit tests and fuzz targets (English as written). */
typedef const char *(*core_text_fn) (const char *msgid);
typedef const char *(*core_ntext_fn) (const char *singular, const char *plural, unsigned long n);

extern core_text_fn core_text_hook;
extern core_ntext_fn core_ntext_hook;

/* core_text — the sentence (a printf format) in the language of the messages. */
__attribute__((format_arg(1)))
static inline const char *
core_text(const char *msgid)
{
	return core_text_hook ? core_text_hook(msgid) : msgid;
}

/* core_ntext — the singular or plural form of the sentence for count n, in the language of the messages. */
__attribute__((format_arg(1), format_arg(2)))
static inline const char *
core_ntext(const char *singular, const char *plural, unsigned long n)
{
	if (core_ntext_hook)
		return core_ntext_hook(singular, plural, n);
	return n == 1 ? singular : plural;
}

#endif							/* CREDIT_GZ_CORE_TEXT_H */
