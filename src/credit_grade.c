/*
 * credit_grade.c — SQL glue for type credit_gz.credit_grade: A > B > M > C > D (the tax-credit scale, 纳税信用级别).
 *
 * A value is one byte passed by value: its rank, D = 1, C = 2, M = 3, B = 4, A = 5. Core's "char" functions compare
 * that byte as unsigned (charlt, btcharcmp cast to uint8), so ascending byte order is D < C < M < B < A and
 * comparison and hashing are core's chareq/charlt/btcharcmp/hashchar bound in src/credit_grade.sql; this file
 * holds only what needs the letters: I/O, labels, min/max transition functions.
 */
#include "postgres.h"
#include "textdomain.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "parser/scansup.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(credit_gz_credit_grade_in);
PG_FUNCTION_INFO_V1(credit_gz_credit_grade_out);
PG_FUNCTION_INFO_V1(credit_gz_credit_grade_recv);
PG_FUNCTION_INFO_V1(credit_gz_credit_grade_send);
PG_FUNCTION_INFO_V1(credit_gz_credit_grade_label);
PG_FUNCTION_INFO_V1(credit_gz_credit_grade_rank);
PG_FUNCTION_INFO_V1(credit_gz_credit_grade_larger);
PG_FUNCTION_INFO_V1(credit_gz_credit_grade_smaller);

#define GRADE_MIN_RANK 1
#define GRADE_MAX_RANK 5

/* Letter by stored byte (index 0 unused). */
static const char grade_letters[] = "?DCMBA";

/*
 * Chinese labels by stored byte. Tax-credit scale (纳税信用管理办法, notes/policy-rules.md): A ≥ 90 points,
 * B 70 to < 90, M newly established or no operating revenue, C 40 to < 70, D < 40 or directly downgraded.
 */
static const char *const grade_labels[] = {
	NULL,
	"D级（信用差）",
	"C级（信用较差）",
	"M级（新设立或未评价）",
	"B级（信用较好）",
	"A级（信用好）",
};

/* Stored byte for a letter (either case), 0 if none. */
static uint8
grade_from_letter(char c)
{
	switch (c)
	{
		case 'A':
		case 'a':
			return 5;
		case 'B':
		case 'b':
			return 4;
		case 'M':
		case 'm':
			return 3;
		case 'C':
		case 'c':
			return 2;
		case 'D':
		case 'd':
			return 1;
	}
	return 0;
}

/*
 * grade_letter — the letter of a stored byte; a byte outside 1..5 can only come from a corrupted datum.
 */
static char
grade_letter(uint8 g)
{
	if (g < GRADE_MIN_RANK || g > GRADE_MAX_RANK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("credit_grade datum %d is out of range", (int) g)));
	return grade_letters[g];
}

/*
 * credit_grade_in — one of A, B, M, C, D in either case, surrounding white space ignored; 22P02 otherwise.
 */
Datum
credit_gz_credit_grade_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	const char *b = str;
	const char *e = str + strlen(str);
	uint8		g = 0;

	while (b < e && scanner_isspace(*b))
		b++;
	while (e > b && scanner_isspace(e[-1]))
		e--;
	if (e - b == 1)
		g = grade_from_letter(*b);
	if (g == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "credit_grade", str),
				 errdetail("A credit grade is one of the letters A, B, M, C and D."),
				 errhint("Grades are ordered A > B > M > C > D; M is for subjects not yet rated.")));
	PG_RETURN_CHAR((char) g);
}

/*
 * credit_grade_out — the upper-case letter.
 */
Datum
credit_gz_credit_grade_out(PG_FUNCTION_ARGS)
{
	char	   *out = palloc(2);

	out[0] = grade_letter((uint8) PG_GETARG_CHAR(0));
	out[1] = '\0';
	PG_RETURN_CSTRING(out);
}

/*
 * credit_grade_recv — binary input: one byte, the ASCII letter (any case), validated as text input is.
 */
Datum
credit_gz_credit_grade_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			c = pq_getmsgbyte(buf);
	uint8		g = grade_from_letter((char) c);

	if (g == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external credit_grade value %d", c),
				 errdetail("A binary credit_grade is one byte, the ASCII letter A, B, M, C or D.")));
	PG_RETURN_CHAR((char) g);
}

/*
 * credit_grade_send — binary output: the ASCII letter (self-describing for clients, unlike the rank byte).
 */
Datum
credit_gz_credit_grade_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, grade_letter((uint8) PG_GETARG_CHAR(0)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * credit_grade_label — Chinese label for reports and disclosure pages, e.g. 'A级（信用好）'.
 */
Datum
credit_gz_credit_grade_label(PG_FUNCTION_ARGS)
{
	uint8		g = (uint8) PG_GETARG_CHAR(0);

	(void) grade_letter(g);
	PG_RETURN_TEXT_P(cstring_to_text(grade_labels[g]));
}

/*
 * credit_grade_rank — 1 for A (best) … 5 for D (worst), the position on the scale as people count it.
 */
Datum
credit_gz_credit_grade_rank(PG_FUNCTION_ARGS)
{
	uint8		g = (uint8) PG_GETARG_CHAR(0);

	(void) grade_letter(g);
	PG_RETURN_INT32(GRADE_MAX_RANK + 1 - g);
}

/*
 * credit_grade_larger / credit_grade_smaller — transition (and combine) functions of max() and min().
 */
Datum
credit_gz_credit_grade_larger(PG_FUNCTION_ARGS)
{
	uint8		a = (uint8) PG_GETARG_CHAR(0);
	uint8		b = (uint8) PG_GETARG_CHAR(1);

	PG_RETURN_CHAR((char) (a >= b ? a : b));
}

Datum
credit_gz_credit_grade_smaller(PG_FUNCTION_ARGS)
{
	uint8		a = (uint8) PG_GETARG_CHAR(0);
	uint8		b = (uint8) PG_GETARG_CHAR(1);

	PG_RETURN_CHAR((char) (a <= b ? a : b));
}
