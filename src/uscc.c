/*
 * uscc.c — SQL glue of the credit_gz.uscc type (统一社会信用代码, GB 32100-2015).
 *
 * The rules live in src/core/uscc_code.c (plain C, unit-tested and fuzzed); this file only converts between
 * PostgreSQL datums and that code, and turns rule violations into 22P02 errors.
 *
 * Storage: the 18 characters packed as a 12-byte big-endian base-31 number (fixed length, not varlena), so that
 * memcmp order is the text order of the canonical codes. Whether a value is "flagged" (weak mode) is not stored:
 * it is derived — a stored code whose check characters are wrong is flagged and prints with a trailing '!'.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"

#include "credit_gz.h"
#include "core/uscc_code.h"

typedef struct Uscc
{
	unsigned char b[USCC_PACKED_LEN];
} Uscc;

#define DatumGetUsccP(X)	((Uscc *) DatumGetPointer(X))
#define PG_GETARG_USCC_P(n) DatumGetUsccP(PG_GETARG_DATUM(n))
#define PG_RETURN_USCC_P(x) PG_RETURN_POINTER(x)


PG_FUNCTION_INFO_V1(credit_gz_uscc_in);
PG_FUNCTION_INFO_V1(credit_gz_uscc_out);
PG_FUNCTION_INFO_V1(credit_gz_uscc_recv);
PG_FUNCTION_INFO_V1(credit_gz_uscc_send);
PG_FUNCTION_INFO_V1(credit_gz_uscc_from_text);
PG_FUNCTION_INFO_V1(credit_gz_uscc_to_text);
PG_FUNCTION_INFO_V1(credit_gz_uscc_eq);
PG_FUNCTION_INFO_V1(credit_gz_uscc_ne);
PG_FUNCTION_INFO_V1(credit_gz_uscc_lt);
PG_FUNCTION_INFO_V1(credit_gz_uscc_le);
PG_FUNCTION_INFO_V1(credit_gz_uscc_gt);
PG_FUNCTION_INFO_V1(credit_gz_uscc_ge);
PG_FUNCTION_INFO_V1(credit_gz_uscc_cmp);
PG_FUNCTION_INFO_V1(credit_gz_uscc_sortsupport);
PG_FUNCTION_INFO_V1(credit_gz_uscc_hash);
PG_FUNCTION_INFO_V1(credit_gz_uscc_hash_extended);
PG_FUNCTION_INFO_V1(credit_gz_uscc_is_valid);
PG_FUNCTION_INFO_V1(credit_gz_uscc_explain);
PG_FUNCTION_INFO_V1(credit_gz_uscc_is_verified);
PG_FUNCTION_INFO_V1(credit_gz_uscc_correct);
PG_FUNCTION_INFO_V1(credit_gz_uscc_authority);
PG_FUNCTION_INFO_V1(credit_gz_uscc_authority_name);
PG_FUNCTION_INFO_V1(credit_gz_uscc_category);
PG_FUNCTION_INFO_V1(credit_gz_uscc_category_name);
PG_FUNCTION_INFO_V1(credit_gz_uscc_region);
PG_FUNCTION_INFO_V1(credit_gz_uscc_org_code);
PG_FUNCTION_INFO_V1(credit_gz_uscc_make);

/*
 * as_utf8 — the core parser reads UTF-8 (for full-width forms); in a database of another encoding, convert
 * non-ASCII input first. ASCII input (the common case) is returned as is, without copying.
 */
static const char *
as_utf8(const char *str, int len, int *outlen)
{
	char	   *conv;

	*outlen = len;
	if (GetDatabaseEncoding() == PG_UTF8)
		return str;
	for (int i = 0; i < len; i++)
	{
		if (IS_HIGHBIT_SET(str[i]))
		{
			conv = pg_server_to_any(str, len, PG_UTF8);
			if (conv != str)
				*outlen = strlen(conv);
			return conv;
		}
	}
	return str;
}

/*
 * parse_or_raise — normalise and validate one input text (server encoding, len bytes) into a packed value.
 * Structural errors always raise 22P02; a wrong check character is accepted when the text carries a trailing '!'
 * (so dumps of flagged values always restore) or credit_gz.uscc_weak is on, and raises otherwise.
 */
static Uscc *
parse_or_raise(const char *str, int len)
{
	char		code[USCC_LEN];
	bool		flagged;
	uscc_error	err;
	uscc_rule	rule;
	int			ulen;
	const char *u = as_utf8(str, len, &ulen);
	Uscc	   *result;

	result = (Uscc *) palloc(sizeof(Uscc));
	rule = uscc_parse_pack(u, (size_t) ulen, code, result->b, &flagged, &err);
	if (rule != USCC_OK && !(rule == USCC_BAD_CHECK && (flagged || credit_gz_uscc_weak)))
	{
		char		detail[512];
		char		hint[256];

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "uscc", pnstrdup(str, len)),
				 errdetail("%s", uscc_error_detail(&err, detail, sizeof(detail))),
				 rule == USCC_BAD_CHECK ?
				 /* a check-character error: correct the code, rather than keep it unverified */
				 errhint("%s Correct the code at its source (credit_gz.uscc_correct gives the likely intended code).",
						 uscc_error_hint(&err, hint, sizeof(hint))) : 0));
	}
	return result;
}

/*
 * format_code — the canonical text of a stored value into buf (19 bytes + NUL): 18 characters, plus '!' when
 * the check characters are wrong (a value accepted in weak mode or with '!'). Returns the length.
 */
static int
format_code(const Uscc *v, char buf[USCC_LEN + 2])
{
	int			n = USCC_LEN;

	if (!uscc_unpack(v->b, buf))
		elog(ERROR, "corrupt uscc value");
	if (!uscc_code_is_verified(buf))
		buf[n++] = '!';
	buf[n] = '\0';
	return n;
}

/* unpack a stored value into its 18 characters (no '!') */
static void
unpack_code(const Uscc *v, char code[USCC_LEN])
{
	if (!uscc_unpack(v->b, code))
		elog(ERROR, "corrupt uscc value");
}

/* uscc_in — type input: text form → packed value (STABLE: depends on credit_gz.uscc_weak). */
Datum
credit_gz_uscc_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_USCC_P(parse_or_raise(str, strlen(str)));
}

/* uscc_out — type output: canonical 18 characters, '!' appended when flagged. */
Datum
credit_gz_uscc_out(PG_FUNCTION_ARGS)
{
	Uscc	   *v = PG_GETARG_USCC_P(0);
	char	   *buf = palloc(USCC_LEN + 2);

	format_code(v, buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * uscc_recv — binary input. The wire form is the text form (see uscc_send), parsed by the same function as text
 * input, so binary COPY accepts and rejects exactly what text input does.
 */
Datum
credit_gz_uscc_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;
	char	   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);

	PG_RETURN_USCC_P(parse_or_raise(str, nbytes));
}

/* uscc_send — binary output: the canonical text (with '!' when flagged), readable by any client. */
Datum
credit_gz_uscc_send(PG_FUNCTION_ARGS)
{
	Uscc	   *v = PG_GETARG_USCC_P(0);
	char		text[USCC_LEN + 2];
	int			n = format_code(v, text);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, text, n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* uscc_from_text — cast text → uscc; same rules as input (STABLE: weak mode). */
Datum
credit_gz_uscc_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_USCC_P(parse_or_raise(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

/* uscc_to_text — cast uscc → text; the output form, so flagged values keep their '!'. */
Datum
credit_gz_uscc_to_text(PG_FUNCTION_ARGS)
{
	char		buf[USCC_LEN + 2];
	int			n = format_code(PG_GETARG_USCC_P(0), buf);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, n));
}

/* uscc_cmp_internal — byte order of the packed form, which is the text order of the canonical codes. */
static inline int
uscc_cmp_internal(const Uscc *a, const Uscc *b)
{
	return memcmp(a->b, b->b, USCC_PACKED_LEN);
}

/* uscc_eq — the = operator */
Datum
credit_gz_uscc_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1)) == 0);
}

/* uscc_ne — the <> operator */
Datum
credit_gz_uscc_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1)) != 0);
}

/* uscc_lt — the < operator */
Datum
credit_gz_uscc_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1)) < 0);
}

/* uscc_le — the <= operator */
Datum
credit_gz_uscc_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1)) <= 0);
}

/* uscc_gt — the > operator */
Datum
credit_gz_uscc_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1)) > 0);
}

/* uscc_ge — the >= operator */
Datum
credit_gz_uscc_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1)) >= 0);
}

/* uscc_cmp — btree support function 1. */
Datum
credit_gz_uscc_cmp(PG_FUNCTION_ARGS)
{
	int			c = uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1));

	PG_RETURN_INT32(c < 0 ? -1 : c > 0 ? 1 : 0);
}

/* comparator for sort support: avoids the fmgr call per comparison in sorts and index builds */
static int
uscc_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	return uscc_cmp_internal(DatumGetUsccP(x), DatumGetUsccP(y));
}

/* uscc_sortsupport — btree support function 2. */
Datum
credit_gz_uscc_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = uscc_fastcmp;
	PG_RETURN_VOID();
}

/* uscc_hash — hash support function 1: hash of the packed bytes (equal values have equal bytes). */
Datum
credit_gz_uscc_hash(PG_FUNCTION_ARGS)
{
	return hash_any(PG_GETARG_USCC_P(0)->b, USCC_PACKED_LEN);
}

/* uscc_hash_extended — hash support function 2 (seeded 64-bit): hash partitioning and Citus distribution. */
Datum
credit_gz_uscc_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended(PG_GETARG_USCC_P(0)->b, USCC_PACKED_LEN, PG_GETARG_INT64(1));
}

/* check text against every rule, independent of weak mode; '!' is allowed and ignored */
static uscc_rule
check_text(text *t, uscc_error *err)
{
	char		code[USCC_LEN];
	bool		flagged;
	int			ulen;
	const char *u = as_utf8(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ulen);

	return uscc_parse_pack(u, (size_t) ulen, code, NULL, &flagged, err);
}

/*
 * uscc_is_valid(text) — whether the text is a code passing every rule (check characters included). Never raises,
 * and does not depend on credit_gz.uscc_weak (IMMUTABLE): for filtering imports.
 */
Datum
credit_gz_uscc_is_valid(PG_FUNCTION_ARGS)
{
	uscc_error	err;

	PG_RETURN_BOOL(check_text(PG_GETARG_TEXT_PP(0), &err) == USCC_OK);
}

/* uscc_explain(text) — NULL when valid, else the rule broken (and the expected check character): import reports. */
Datum
credit_gz_uscc_explain(PG_FUNCTION_ARGS)
{
	uscc_error	err;
	char		detail[512];
	char		hint[256];

	if (check_text(PG_GETARG_TEXT_PP(0), &err) == USCC_OK)
		PG_RETURN_NULL();
	uscc_error_detail(&err, detail, sizeof(detail));
	if (uscc_error_hint(&err, hint, sizeof(hint)) != NULL)
		PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s %s", detail, hint)));
	PG_RETURN_TEXT_P(cstring_to_text(detail));
}

/* uscc_is_verified(uscc) — false for a flagged value (accepted with a wrong check character). */
Datum
credit_gz_uscc_is_verified(PG_FUNCTION_ARGS)
{
	char		code[USCC_LEN];

	unpack_code(PG_GETARG_USCC_P(0), code);
	PG_RETURN_BOOL(uscc_code_is_verified(code));
}

/* uscc_correct(uscc) — the value with its check characters recomputed (a flagged value becomes verified). */
Datum
credit_gz_uscc_correct(PG_FUNCTION_ARGS)
{
	char		code[USCC_LEN];
	Uscc	   *result = palloc(sizeof(Uscc));

	unpack_code(PG_GETARG_USCC_P(0), code);
	uscc_code_correct(code);
	uscc_pack(code, result->b);
	PG_RETURN_USCC_P(result);
}

/* characters [from, from+n) of the stored code as text */
static text *
code_part(const Uscc *v, int from, int n)
{
	char		code[USCC_LEN];

	unpack_code(v, code);
	return cstring_to_text_with_len(code + from, n);
}

/* uscc_authority — position 1, the registration authority (登记管理部门代码). */
Datum
credit_gz_uscc_authority(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(code_part(PG_GETARG_USCC_P(0), 0, 1));
}

/* uscc_authority_name — the authority's name in GB 32100-2015, e.g. 工商. */
Datum
credit_gz_uscc_authority_name(PG_FUNCTION_ARGS)
{
	char		code[USCC_LEN];
	const char *name;

	unpack_code(PG_GETARG_USCC_P(0), code);
	name = uscc_code_authority_name(code[0]);
	if (name == NULL)
		elog(ERROR, "corrupt uscc value");
	PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(name, strlen(name), PG_UTF8)));
}

/* uscc_category — position 2, the institution category (机构类别代码). */
Datum
credit_gz_uscc_category(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(code_part(PG_GETARG_USCC_P(0), 1, 1));
}

/* uscc_category_name — the category's name for its authority, e.g. 企业 for 91. */
Datum
credit_gz_uscc_category_name(PG_FUNCTION_ARGS)
{
	char		code[USCC_LEN];
	const char *name;

	unpack_code(PG_GETARG_USCC_P(0), code);
	name = uscc_code_category_name(code[0], code[1]);
	if (name == NULL)
		elog(ERROR, "corrupt uscc value");
	PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(name, strlen(name), PG_UTF8)));
}

/* uscc_region — positions 3–8, the GB/T 2260 division code at registration. */
Datum
credit_gz_uscc_region(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(code_part(PG_GETARG_USCC_P(0), 2, 6));
}

/* uscc_org_code — positions 9–17, the GB 11714 organisation code with its check digit (no hyphen). */
Datum
credit_gz_uscc_org_code(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(code_part(PG_GETARG_USCC_P(0), 8, 9));
}

/* uscc_make(text) — 17 characters in, mod-31 check character appended: for generators and test data. */
Datum
credit_gz_uscc_make(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		code[USCC_LEN];
	uscc_error	err;
	int			ulen;
	const char *u = as_utf8(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ulen);
	Uscc	   *result;

	if (uscc_make_code(u, (size_t) ulen, code, &err) != USCC_OK)
	{
		char		detail[512];
		char		hint[256];

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for uscc_make: \"%s\"", text_to_cstring(t)),
				 errdetail("%s", uscc_error_detail(&err, detail, sizeof(detail))),
				 err.rule == USCC_BAD_CHECK ?
				 errhint("%s", uscc_error_hint(&err, hint, sizeof(hint))) : 0));
	}
	result = palloc(sizeof(Uscc));
	uscc_pack(code, result->b);
	PG_RETURN_USCC_P(result);
}
