/*
 * resident_id_code.c — citizen identity number (公民身份号码) parsing, validation and packing, plain C.
 *
 * Rules and sources: shared notes "uscc-and-id-rules.md" (GB 11643-1999; ISO 7064 MOD 11-2; legacy 15-digit
 * numbers with years 19YY). Test vectors from python-stdnum (tests/test_cn_ric.doctest).
 */
#include "resident_id_code.h"
#include "core_text.h"

#include <stdio.h>
#include <string.h>

/* ISO 7064 MOD 11-2 weights 2^(18-i) mod 11 for positions 1..17. */
static const int rid_weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

/* Check value 0..10 → character; index = (12 − Σ mod 11) mod 11. */
static const char rid_check_chars[] = "0123456789X";

/*
 * rid_check_char — the MOD 11-2 check character over 17 digits, or 0 when one is not a digit.
 */
char
rid_check_char(const char digits17[17])
{
	int			sum = 0;

	for (int i = 0; i < 17; i++)
	{
		if (digits17[i] < '0' || digits17[i] > '9')
			return 0;
		sum += (digits17[i] - '0') * rid_weights[i];
	}
	return rid_check_chars[(12 - sum % 11) % 11];
}

/*
 * rid_date_exists — proleptic Gregorian calendar check (leap years: divisible by 4, except centuries not divisible
 * by 400), so that 19000229 is rejected and 20000229 accepted.
 */
bool
rid_date_exists(int year, int month, int day)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int			n;

	if (year < 1 || month < 1 || month > 12 || day < 1)
		return false;
	n = mdays[month - 1];
	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		n = 29;
	return day <= n;
}

/* Days in a month (for error messages); month must be 1..12. */
static int
days_in_month(int year, int month)
{
	for (int d = 31; d > 28; d--)
		if (rid_date_exists(year, month, d))
			return d;
	return 28;
}

static int
two_digits(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/*
 * check_date — validate the date of birth held in canonical positions 7–14. pos_year/pos_month/pos_day are the
 * positions reported to the user (they differ for the legacy form, where the input had no century).
 */
static rid_rule
check_date(const char code[RID_LEN], bool legacy, rid_error *err)
{
	int			year = two_digits(code + 6) * 100 + two_digits(code + 8);
	int			month = two_digits(code + 10);
	int			day = two_digits(code + 12);
	rid_rule	rule = RID_OK;
	int			pos = 0;

	if (year < RID_MIN_YEAR || year > RID_MAX_YEAR)
	{
		rule = RID_BAD_YEAR;
		pos = 7;
	}
	else if (month < 1 || month > 12)
	{
		rule = RID_BAD_MONTH;
		pos = legacy ? 9 : 11;
	}
	else if (!rid_date_exists(year, month, day))
	{
		rule = RID_BAD_DAY;
		pos = legacy ? 11 : 13;
	}
	if (rule != RID_OK && err)
	{
		err->rule = rule;
		err->position = pos;
		err->legacy = legacy;
		err->year = year;
		err->month = month;
		err->day = day;
	}
	return rule;
}

/*
 * validate_canonical — the rules after the characters have been checked: date of birth, then check character.
 */
static rid_rule
validate_canonical(const char code[RID_LEN], bool legacy, rid_error *err)
{
	rid_rule	rule = check_date(code, legacy, err);
	char		want;

	if (rule != RID_OK)
		return rule;
	want = rid_check_char(code);
	if (want != code[17])
	{
		if (err)
		{
			err->rule = RID_BAD_CHECK;
			err->position = 18;
			err->found = code[17];
			err->expected = want;
			err->legacy = false;
		}
		return RID_BAD_CHECK;
	}
	return RID_OK;
}

static void
clear_error(rid_error *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

/*
 * rid_validate — validate 18 characters already in canonical form (used by binary receive and the unit tests).
 */
rid_rule
rid_validate(const char code[RID_LEN], rid_error *err)
{
	clear_error(err);
	for (int i = 0; i < RID_LEN; i++)
	{
		char		c = code[i];

		if (!((c >= '0' && c <= '9') || (i == 17 && c == 'X')))
		{
			if (err)
			{
				err->rule = RID_BAD_CHAR;
				err->position = i + 1;
				err->found = (c > 0x20 && c < 0x7f) ? c : 0;
			}
			return RID_BAD_CHAR;
		}
	}
	return validate_canonical(code, false, err);
}

/* ASCII white space, the characters PostgreSQL's scanner and btrim users think of as blanks. */
static bool
is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/*
 * next_char — decode one character at in[*i] (UTF-8), advance *i, and return its ASCII equivalent for the purposes
 * of this parser: ASCII as is, full-width digits and X/x mapped, U+3000 as ' ', anything else 0x01 ("not
 * representable"). Invalid UTF-8 counts as one character per byte.
 */
static unsigned char
next_char(const unsigned char *in, size_t len, size_t *i)
{
	unsigned char c = in[*i];

	if (c < 0x80)
	{
		(*i)++;
		return c;
	}
	/* U+FF10..U+FF19: EF BC 90..99; U+FF38 'Ｘ': EF BC B8; U+FF58 'ｘ': EF BD 98 */
	if (c == 0xEF && *i + 2 < len)
	{
		unsigned char c1 = in[*i + 1], c2 = in[*i + 2];

		if (c1 == 0xBC && c2 >= 0x90 && c2 <= 0x99)
		{
			*i += 3;
			return (unsigned char) ('0' + (c2 - 0x90));
		}
		if (c1 == 0xBC && c2 == 0xB8)
		{
			*i += 3;
			return 'X';
		}
		if (c1 == 0xBD && c2 == 0x98)
		{
			*i += 3;
			return 'x';
		}
	}
	/* U+3000 ideographic space: E3 80 80 */
	if (c == 0xE3 && *i + 2 < len && in[*i + 1] == 0x80 && in[*i + 2] == 0x80)
	{
		*i += 3;
		return ' ';
	}
	/* any other well-formed multi-byte sequence counts as one character */
	{
		size_t		n = (c >= 0xF0 && c < 0xF8) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
		size_t		k;

		if (c >= 0xF8 || *i + n > len)
			n = 1;
		for (k = 1; k < n; k++)
			if ((in[*i + k] & 0xC0) != 0x80)
			{
				n = 1;
				break;
			}
		*i += n;
	}
	return 0x01;
}

/*
 * rid_parse — see the header. Two passes: the first trims and counts characters (to report the length before
 * anything else), the second checks them.
 */
rid_rule
rid_parse(const char *in_, size_t len, char code[RID_LEN], bool *legacy, rid_error *err)
{
	const unsigned char *in = (const unsigned char *) in_;
	unsigned char chars[RID_LEN];
	int			n = 0;				/* characters between the trimmed ends */
	int			pending = 0;		/* white space seen since the last non-space character */
	size_t		i = 0;
	bool		is_legacy;

	clear_error(err);
	if (legacy)
		*legacy = false;

	/*
	 * Trim leading white space, then collect characters; trailing white space is only known to be trailing at the
	 * end, so count it as pending and fold it into n when another character follows.
	 */
	while (i < len)
	{
		unsigned char c = next_char(in, len, &i);

		if (is_ascii_space(c))
		{
			if (n == 0)
				continue;		/* leading */
			pending++;
			continue;
		}
		if (c == 0)
			c = 0x01;			/* an embedded NUL is no digit either */
		/* flush pending white space as characters (they are inside the value) */
		while (pending > 0)
		{
			if (n < RID_LEN)
				chars[n] = ' ';
			n++;
			pending--;
		}
		if (n < RID_LEN)
			chars[n] = c;
		n++;
	}

	if (n != RID_LEN && n != RID_LEGACY_LEN)
	{
		if (err)
		{
			err->rule = RID_BAD_LENGTH;
			err->length = n;
		}
		return RID_BAD_LENGTH;
	}
	is_legacy = (n == RID_LEGACY_LEN);

	for (int k = 0; k < n; k++)
	{
		unsigned char c = chars[k];

		if (k == 17 && c == 'x')
			c = chars[k] = 'X';
		if (!((c >= '0' && c <= '9') || (k == 17 && c == 'X')))
		{
			if (err)
			{
				err->rule = RID_BAD_CHAR;
				err->position = k + 1;
				err->found = (c >= 0x20 && c < 0x7f) ? (char) c : 0;
				err->legacy = is_legacy;
			}
			return RID_BAD_CHAR;
		}
	}

	if (is_legacy)
	{
		/* AAAAAA YYMMDD SSS → AAAAAA 19YYMMDD SSS + check character (GB 11643-1999 conversion) */
		memcpy(code, chars, 6);
		code[6] = '1';
		code[7] = '9';
		memcpy(code + 8, chars + 6, 9);
		code[17] = '0';
		if (check_date(code, true, err) != RID_OK)
			return err ? err->rule : RID_BAD_DAY;
		code[17] = rid_check_char(code);
		if (legacy)
			*legacy = true;
		return RID_OK;
	}

	memcpy(code, chars, RID_LEN);
	return validate_canonical(code, false, err);
}

/*
 * rid_parse_value — rid_parse followed by rid_pack, with a one-pass fast path for the common case of COPY and
 * INSERT of clean data: exactly 18 ASCII characters, all valid. The pass checks the digits, accumulates the MOD 11-2
 * sum and the packed value (in two independent halves, to shorten the dependency chain) and checks the date.
 * Anything else, valid or not, goes through rid_parse, which gives the same answers and fills *err.
 */
rid_rule
rid_parse_value(const char *in_, size_t len, int64_t *value, rid_error *err)
{
	const unsigned char *in = (const unsigned char *) in_;
	char		code[RID_LEN];
	rid_rule	rule;

	if (len == RID_LEN)
	{
		unsigned	bad = 0;
		int			sum = 0;
		int64_t		hi = 0,
					lo = 0;
		unsigned char last = in[17];

		for (int k = 0; k < 9; k++)
		{
			unsigned	d = (unsigned) in[k] - '0';

			bad |= d > 9;
			sum += (int) d * rid_weights[k];
			hi = hi * 10 + d;
		}
		for (int k = 9; k < 17; k++)
		{
			unsigned	d = (unsigned) in[k] - '0';

			bad |= d > 9;
			sum += (int) d * rid_weights[k];
			lo = lo * 10 + d;
		}
		if (last == 'x')
			last = 'X';
		if (!bad && last == (unsigned char) rid_check_chars[(12 - sum % 11) % 11])
		{
			int			year = (in[6] - '0') * 1000 + (in[7] - '0') * 100 + (in[8] - '0') * 10 + (in[9] - '0');
			int			month = (in[10] - '0') * 10 + (in[11] - '0');
			int			day = (in[12] - '0') * 10 + (in[13] - '0');

			if (year >= RID_MIN_YEAR && year <= RID_MAX_YEAR && rid_date_exists(year, month, day))
			{
				if (err)
				{
					clear_error(err);
					err->rule = RID_OK;
				}
				*value = hi * 100000000 + lo;
				return RID_OK;
			}
		}
	}
	rule = rid_parse(in_, len, code, NULL, err);
	if (rule == RID_OK)
		*value = rid_pack(code);
	return rule;
}

/*
 * rid_pack — the 17 leading digits as an integer (the check character is derived from them).
 */
int64_t
rid_pack(const char code[RID_LEN])
{
	int64_t		v = 0;

	for (int i = 0; i < 17; i++)
		v = v * 10 + (code[i] - '0');
	return v;
}

/*
 * rid_unpack — inverse of rid_pack, computing the check character.
 */
bool
rid_unpack(int64_t v, char code[RID_LEN])
{
	if (v < 0 || v >= RID_PACKED_LIMIT)
		return false;
	for (int i = 16; i >= 0; i--)
	{
		code[i] = (char) ('0' + v % 10);
		v /= 10;
	}
	code[17] = rid_check_char(code);
	return true;
}

/* rid_birth_date — positions 7–14 as numbers (the caller has a validated code). */
void
rid_birth_date(const char code[RID_LEN], int *year, int *month, int *day)
{
	*year = two_digits(code + 6) * 100 + two_digits(code + 8);
	*month = two_digits(code + 10);
	*day = two_digits(code + 12);
}

/* rid_is_male — position 17, the last digit of the sequence number: odd for men, even for women (GB 11643 4.3). */
bool
rid_is_male(const char code[RID_LEN])
{
	return ((code[16] - '0') % 2) == 1;
}

/* rid_mask — 6 + 8 '*' + 4, the form for public disclosure (no birth date, no sequence number). */
void
rid_mask(const char code[RID_LEN], char out[RID_LEN + 1])
{
	memcpy(out, code, 6);
	memset(out + 6, '*', 8);
	memcpy(out + 14, code + 14, 4);
	out[RID_LEN] = '\0';
}

/*
 * rid_error_detail — one English sentence per rule, naming the position and the rule broken.
 */
const char *
rid_error_detail(const rid_error *err, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	switch (err->rule)
	{
		case RID_OK:
			snprintf(buf, size, core_text("The number is valid."));
			break;
		case RID_BAD_LENGTH:
			if (err->length == 0)
				snprintf(buf, size, core_text("The value is empty; a citizen identity number has 18 characters "
						 "(15 digits in the legacy form)."));
			else
				snprintf(buf, size, core_ntext("The value has %d character after trimming white space; a citizen "
											   "identity number has 18 (15 digits in the legacy form).",
											   "The value has %d characters after trimming white space; a citizen "
											   "identity number has 18 (15 digits in the legacy form).",
											   (unsigned long) err->length),
						 err->length);
			break;
		case RID_BAD_CHAR:
			{
				char		shown[16] = "";

				if (err->found)
					snprintf(shown, sizeof(shown), " (\"%c\")", err->found);
				if (err->legacy)
					snprintf(buf, size, core_text("Character %d%s is not a digit: a legacy 15-character number has only "
							 "digits."), err->position, shown);
				else if (err->position == 18)
					snprintf(buf, size, core_text("Character 18%s is not a check character: it is a digit or X."), shown);
				else
					snprintf(buf, size, core_text("Character %d%s is not a digit: positions 1-17 are digits."),
							 err->position, shown);
			}
			break;
		case RID_BAD_YEAR:
			snprintf(buf, size, core_text("Year of birth %04d (positions 7-10) is outside the accepted range %d-%d."),
					 err->year, RID_MIN_YEAR, RID_MAX_YEAR);
			break;
		case RID_BAD_MONTH:
			snprintf(buf, size, core_text("Month of birth \"%02d\" (positions %d-%d) is not a month."),
					 err->month, err->position, err->position + 1);
			break;
		case RID_BAD_DAY:
			snprintf(buf, size, core_text("Day of birth \"%02d\" (positions %d-%d) does not exist: %04d-%02d has %d days."),
					 err->day, err->position, err->position + 1, err->year, err->month,
					 days_in_month(err->year, err->month));
			break;
		case RID_BAD_CHECK:
			snprintf(buf, size, core_text("Character 18 (\"%c\") is not the check character of the number "
					 "(ISO 7064 MOD 11-2)."), err->found);
			break;
	}
	return buf;
}

/*
 * rid_error_hint — the fix when only the check character is wrong; NULL otherwise.
 */
const char *
rid_error_hint(const rid_error *err, char *buf, size_t size)
{
	if (err->rule != RID_BAD_CHECK || size == 0)
		return NULL;
	snprintf(buf, size, core_text("The check character (position 18) should be \"%c\"."), err->expected);
	return buf;
}
