/*
 * resident_id.c — SQL glue for type credit_gz.resident_id (公民身份号码, GB 11643-1999).
 *
 * The value is pass-by-value int8: the integer of the 17 leading digits (src/core/resident_id_code.c). Because that
 * representation is an ordinary int8 whose order is the text order, comparison, hashing, sort support and binary
 * send are core's int8 functions bound through LANGUAGE internal in src/resident_id.sql (as contrib/isn does);
 * only what needs the identity-number rules is here.
 */
#include "postgres.h"
#include "textdomain.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "parser/scansup.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "core/resident_id_code.h"

PG_FUNCTION_INFO_V1(credit_gz_resident_id_in);
PG_FUNCTION_INFO_V1(credit_gz_resident_id_out);
PG_FUNCTION_INFO_V1(credit_gz_resident_id_recv);
PG_FUNCTION_INFO_V1(credit_gz_resident_id_is_valid);
PG_FUNCTION_INFO_V1(credit_gz_resident_id_explain);
PG_FUNCTION_INFO_V1(credit_gz_resident_id_birth_date);
PG_FUNCTION_INFO_V1(credit_gz_resident_id_sex);
PG_FUNCTION_INFO_V1(credit_gz_resident_id_region);
PG_FUNCTION_INFO_V1(credit_gz_resident_id_mask);
PG_FUNCTION_INFO_V1(credit_gz_resident_id_make);

/*
 * report_invalid — raise 22P02 in the uscc style: errmsg quoting the input, errdetail naming the position and rule,
 * errhint with the expected check character when only it is wrong.
 */
static void
report_invalid(const char *shown, const rid_error *err)
{
	char		detail[256];
	char		hint[128];
	const char *h = rid_error_hint(err, hint, sizeof(hint));

	rid_error_detail(err, detail, sizeof(detail));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", "resident_id", shown),
			 errdetail("%s", detail),
			 h ? errhint("%s", h) : 0));
}

/*
 * unpack_or_error — the canonical 18 characters of a stored value. Stored values come from resident_id_in/recv and
 * are always in range; a value outside it means a corrupted datum, reported as such rather than printed wrongly.
 */
static void
unpack_or_error(int64 v, char code[RID_LEN])
{
	if (!rid_unpack(v, code))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("resident_id datum %lld is out of range", (long long) v)));
}

/*
 * resident_id_in — text input: trims, accepts full-width digits and lower-case x, converts the legacy 15-digit form.
 */
Datum
credit_gz_resident_id_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	int64_t		v;
	rid_error	err;

	if (rid_parse_value(str, strlen(str), &v, &err) != RID_OK)
		report_invalid(str, &err);
	PG_RETURN_INT64(v);
}

/*
 * resident_id_out — the 18-character canonical form (upper-case X).
 */
Datum
credit_gz_resident_id_out(PG_FUNCTION_ARGS)
{
	int64		v = PG_GETARG_INT64(0);
	char	   *out = palloc(RID_LEN + 1);

	unpack_or_error(v, out);
	out[RID_LEN] = '\0';
	PG_RETURN_CSTRING(out);
}

/*
 * resident_id_recv — binary input: the int8 sent by resident_id_send (core int8send). It is unpacked and validated
 * by exactly the rules of text input (range, date of birth), so COPY BINARY cannot load what text COPY rejects.
 */
Datum
credit_gz_resident_id_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64		v = pq_getmsgint64(buf);
	char		code[RID_LEN + 1];
	rid_error	err;

	if (!rid_unpack(v, code))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external resident_id value %lld", (long long) v),
				 errdetail("A binary resident_id is the integer of the 17 leading digits, 0 to 10^17 - 1.")));
	code[RID_LEN] = '\0';
	if (rid_validate(code, &err) != RID_OK)
		report_invalid(code, &err);
	PG_RETURN_INT64(v);
}

/*
 * resident_id_is_valid — whether text would be accepted by resident_id input. Never raises (for filters and CHECKs
 * on staging tables).
 */
Datum
credit_gz_resident_id_is_valid(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int64_t		v;

	PG_RETURN_BOOL(rid_parse_value(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &v, NULL) == RID_OK);
}

/*
 * resident_id_explain — NULL when text is a valid number, else the reason (the errdetail of the input error, plus
 * the hint when only the check character is wrong), for import error reports. Mirrors uscc_explain.
 */
Datum
credit_gz_resident_id_explain(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		code[RID_LEN];
	rid_error	err;
	char		detail[256];
	char		hint[128];
	const char *h;

	if (rid_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), code, NULL, &err) == RID_OK)
		PG_RETURN_NULL();
	rid_error_detail(&err, detail, sizeof(detail));
	h = rid_error_hint(&err, hint, sizeof(hint));
	if (h)
		PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s %s", detail, h)));
	PG_RETURN_TEXT_P(cstring_to_text(detail));
}

/*
 * resident_id_birth_date — positions 7–14 as a date (validated at input, so always a real date).
 */
Datum
credit_gz_resident_id_birth_date(PG_FUNCTION_ARGS)
{
	char		code[RID_LEN];
	int			y, m, d;

	unpack_or_error(PG_GETARG_INT64(0), code);
	rid_birth_date(code, &y, &m, &d);
	PG_RETURN_DATEADT(date2j(y, m, d) - POSTGRES_EPOCH_JDATE);
}

/*
 * resident_id_sex — 'male' (odd position 17) or 'female' (even), English codes like every other enumerated
 * value in the schema; doc/resident_id.md gives the Chinese (男/女).
 */
Datum
credit_gz_resident_id_sex(PG_FUNCTION_ARGS)
{
	char		code[RID_LEN];

	unpack_or_error(PG_GETARG_INT64(0), code);
	PG_RETURN_TEXT_P(cstring_to_text(rid_is_male(code) ? "male" : "female"));
}

/*
 * resident_id_region — positions 1–6, the GB/T 2260 code of the place of household registration when the number
 * was issued (feed it to credit_gz.region_district for today's district).
 */
Datum
credit_gz_resident_id_region(PG_FUNCTION_ARGS)
{
	char		code[RID_LEN];

	unpack_or_error(PG_GETARG_INT64(0), code);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(code, 6));
}

/*
 * resident_id_mask — first 6 and last 4 characters, the rest '*': the only form of a natural person's number that
 * may be disclosed to the public (personal information protection in credit publicity).
 */
Datum
credit_gz_resident_id_mask(PG_FUNCTION_ARGS)
{
	char		code[RID_LEN];
	char		out[RID_LEN + 1];

	unpack_or_error(PG_GETARG_INT64(0), code);
	rid_mask(code, out);
	PG_RETURN_TEXT_P(cstring_to_text(out));
}

/*
 * resident_id_make — 17 digits in (surrounding white space ignored), the MOD 11-2 check character appended; the
 * result is validated like input (date of birth). For generators of test and demo data, and for repairing numbers
 * whose check character was mistyped (resident_id_make(left(raw, 17))).
 */
Datum
credit_gz_resident_id_make(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *p = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	char		code[RID_LEN + 1];
	rid_error	err;

	while (len > 0 && scanner_isspace(*p))
		p++, len--;
	while (len > 0 && scanner_isspace(p[len - 1]))
		len--;
	if (len != 17)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for %s: \"%s\"", "resident_id_make", text_to_cstring(t)),
				 errdetail_plural("The value has %d character after trimming white space; resident_id_make takes "
								  "the first 17 digits of a number.",
								  "The value has %d characters after trimming white space; resident_id_make takes "
								  "the first 17 digits of a number.", len, len)));
	for (int i = 0; i < 17; i++)
		if (p[i] < '0' || p[i] > '9')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for %s: \"%s\"", "resident_id_make", text_to_cstring(t)),
					 (p[i] > ' ' && p[i] < 0x7f)
					 ? errdetail("Character %d (\"%c\") is not a digit: resident_id_make takes 17 digits.", i + 1, p[i])
					 : errdetail("Character %d is not a digit: resident_id_make takes 17 digits.", i + 1)));
	memcpy(code, p, 17);
	code[17] = rid_check_char(code);
	code[RID_LEN] = '\0';
	if (rid_validate(code, &err) != RID_OK)
		report_invalid(code, &err);
	PG_RETURN_INT64(rid_pack(code));
}
