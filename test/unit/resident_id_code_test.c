/*
 * resident_id_code_test.c — unit tests of src/core/resident_id_code.c (GB 11643-1999, ISO 7064 MOD 11-2).
 * Vectors: python-stdnum tests/test_cn_ric.doctest (see shared notes uscc-and-id-rules.md), plus leap days,
 * the legacy 15-digit conversion, normalisation, packing order, and error-detection properties of MOD 11-2.
 */
#include <stdint.h>
#include <stdlib.h>

#include "resident_id_code.h"
#include "unit.h"

/* Parse a NUL-terminated string; return the rule and (on success) the canonical form in out[19]. */
static rid_rule
parse(const char *s, char out[RID_LEN + 1], rid_error *err)
{
	rid_rule	r = rid_parse(s, strlen(s), out, NULL, err);

	out[RID_LEN] = '\0';
	return r;
}

/* Canonical form of s, or "" when invalid (for CHECK_STR). */
static const char *
canon(const char *s)
{
	static char out[RID_LEN + 1];
	rid_error	err;

	if (parse(s, out, &err) != RID_OK)
		return "";
	return out;
}

static const char *
detail_of(const char *s)
{
	static char buf[256];
	char		out[RID_LEN + 1];
	rid_error	err;

	parse(s, out, &err);
	return rid_error_detail(&err, buf, sizeof(buf));
}

static const char *
hint_of(const char *s)
{
	static char buf[128];
	char		out[RID_LEN + 1];
	rid_error	err;

	parse(s, out, &err);
	return rid_error_hint(&err, buf, sizeof(buf));
}

/* Build a valid number from 17 digits (check character appended). */
static void
complete(const char *d17, char out[RID_LEN + 1])
{
	memcpy(out, d17, 17);
	out[17] = rid_check_char(d17);
	out[18] = '\0';
}

int
main(void)
{
	char		out[RID_LEN + 1];
	rid_error	err;
	bool		legacy;

	/* public vectors */
	CHECK_STR(canon("360426199101010071"), "360426199101010071", "stdnum valid 360426199101010071");
	CHECK_STR(canon("44011320141005001X"), "44011320141005001X", "stdnum valid 44011320141005001X (番禺区)");
	CHECK_STR(canon("110102199101010078"), "110102199101010078", "stdnum valid 110102199101010078");
	CHECK(rid_check_char("36042619910101007") == '1', "check char of 36042619910101007 is 1");
	CHECK(rid_check_char("44011320141005001") == 'X', "check char of 44011320141005001 is X");
	CHECK(rid_check_char("3604261991010100a") == 0, "check char of non-digits is 0");

	CHECK(parse("360426199113010079", out, &err) == RID_BAD_MONTH && err.position == 11 && err.month == 13,
		  "stdnum invalid 360426199113010079: month 13 at position 11");
	CHECK_STR(detail_of("360426199113010079"), "Month of birth \"13\" (positions 11-12) is not a month.",
			  "month 13 detail");
	CHECK(hint_of("360426199113010079") == NULL, "no hint for a month error");

	CHECK(parse("36042619910102009X", out, &err) == RID_BAD_CHECK && err.position == 18 && err.expected == '3'
		  && err.found == 'X', "stdnum invalid 36042619910102009X: check character, expected 3");
	CHECK_STR(detail_of("36042619910102009X"),
			  "Character 18 (\"X\") is not the check character of the number (ISO 7064 MOD 11-2).", "check detail");
	CHECK_STR(hint_of("36042619910102009X"), "The check character (position 18) should be \"3\".", "check hint");
	CHECK(memcmp(out, "36042619910102009X", 18) == 0, "on a bad check the code is returned as found");

	CHECK(parse("T60426199101010078", out, &err) == RID_BAD_CHAR && err.position == 1 && err.found == 'T',
		  "stdnum invalid T60426199101010078: character 1");
	CHECK_STR(detail_of("T60426199101010078"), "Character 1 (\"T\") is not a digit: positions 1-17 are digits.",
			  "format detail");

	/* lengths */
	CHECK(parse("", out, &err) == RID_BAD_LENGTH && err.length == 0, "empty");
	CHECK(parse(" \t\n ", out, &err) == RID_BAD_LENGTH && err.length == 0, "only white space");
	CHECK(parse("36042619910101007", out, &err) == RID_BAD_LENGTH && err.length == 17, "17 characters");
	CHECK(parse("3604261991010100711", out, &err) == RID_BAD_LENGTH && err.length == 19, "19 characters");
	CHECK(parse("3604269101010", out, &err) == RID_BAD_LENGTH && err.length == 13, "13 characters");
	CHECK_STR(detail_of("abc"), "The value has 3 characters after trimming white space; a citizen identity number "
			  "has 18 (15 digits in the legacy form).", "length detail");
	CHECK_STR(detail_of("a"), "The value has 1 character after trimming white space; a citizen identity number "
			  "has 18 (15 digits in the legacy form).", "length detail, singular");
	CHECK(parse("中华人民共和国居民身份证号码一二三四", out, &err) == RID_BAD_CHAR && err.position == 1 && err.found == 0,
		  "18 CJK characters count as 18 characters, first is not a digit");
	CHECK(parse("36042619910101007\xff", out, &err) == RID_BAD_CHAR && err.position == 18,
		  "invalid UTF-8 byte counts as one character");

	/* normalisation */
	CHECK_STR(canon("44011320141005001x"), "44011320141005001X", "lower-case x accepted and folded");
	CHECK_STR(canon("  360426199101010071\r\n"), "360426199101010071", "ASCII white space trimmed");
	CHECK_STR(canon("\xe3\x80\x80" "360426199101010071" "\xe3\x80\x80"), "360426199101010071", "U+3000 trimmed");
	CHECK_STR(canon("\xef\xbc\x94\xef\xbc\x94" "011320141005001" "\xef\xbc\xb8"), "44011320141005001X",
			  "full-width digits and X");
	CHECK_STR(canon("44011320141005001\xef\xbd\x98"), "44011320141005001X", "full-width lower-case x");
	CHECK(parse("3604261991 1010071", out, &err) == RID_BAD_CHAR && err.position == 11 && err.found == ' ',
		  "inner white space is a bad character");
	CHECK(parse("4401132014100500X1", out, &err) == RID_BAD_CHAR && err.position == 17, "X only at position 18");
	CHECK(parse("44011320141005001Y", out, &err) == RID_BAD_CHAR && err.position == 18, "Y at position 18");
	CHECK(parse("x4011320141005001X", out, &err) == RID_BAD_CHAR && err.position == 1, "x at position 1");

	/* legacy 15 digits */
	CHECK(parse("360426910101007", out, &err) == RID_OK, "legacy 360426910101007 accepted");
	CHECK_STR(out, "360426199101010071", "legacy converted with 19YY and the computed check character");
	CHECK(rid_parse("110102000101001", 15, out, &legacy, &err) == RID_OK && legacy, "legacy flag set");
	out[RID_LEN] = '\0';
	CHECK_STR(out, "110102190001010010", "legacy 000101 is 1900-01-01");
	CHECK(rid_parse("360426199101010071", 18, out, &legacy, &err) == RID_OK && !legacy, "legacy flag clear");
	CHECK(parse("440113000229002", out, &err) == RID_BAD_DAY && err.position == 11 && err.year == 1900,
		  "legacy 000229 is 1900-02-29, which does not exist");
	CHECK_STR(detail_of("440113000229002"),
			  "Day of birth \"29\" (positions 11-12) does not exist: 1900-02 has 28 days.", "legacy day detail");
	CHECK(parse("440113960229001", out, &err) == RID_OK, "legacy 1996-02-29");
	CHECK(parse("110102911301001", out, &err) == RID_BAD_MONTH && err.position == 9, "legacy month 13 at 9");
	CHECK(parse("11010291010100X", out, &err) == RID_BAD_CHAR && err.position == 15 && err.legacy,
		  "legacy has no check character");
	CHECK_STR(detail_of("11010291010100X"),
			  "Character 15 (\"X\") is not a digit: a legacy 15-character number has only digits.", "legacy char");
	CHECK_STR(canon("\xef\xbc\x93" "60426910101007 "), "360426199101010071", "legacy full-width and trimmed");

	/* dates and leap years */
	complete("11010220000229002", out);
	CHECK_STR(canon(out), out, "2000-02-29 (divisible by 400)");
	complete("11010219000229001", out);
	CHECK(parse(out, out, &err) == RID_BAD_DAY && err.position == 13, "1900-02-29 rejected (century)");
	complete("11010219960229001", out);
	CHECK_STR(canon(out), out, "1996-02-29");
	complete("11010219910229001", out);
	CHECK(parse(out, out, &err) == RID_BAD_DAY, "1991-02-29 rejected");
	complete("11010220240229003", out);
	CHECK_STR(canon(out), out, "2024-02-29");
	complete("11010219910431001", out);
	CHECK(parse(out, out, &err) == RID_BAD_DAY && err.day == 31, "31 April rejected");
	complete("11010219911231001", out);
	CHECK_STR(canon(out), out, "31 December");
	complete("11010219910001001", out);
	CHECK(parse(out, out, &err) == RID_BAD_MONTH && err.month == 0, "month 00");
	complete("11010219910100001", out);
	CHECK(parse(out, out, &err) == RID_BAD_DAY && err.day == 0, "day 00");
	complete("11010218491231001", out);
	CHECK(parse(out, out, &err) == RID_BAD_YEAR && err.year == 1849 && err.position == 7, "year 1849");
	complete("11010218500101001", out);
	CHECK_STR(canon(out), out, "year 1850 is the first accepted");
	complete("11010220991231001", out);
	CHECK_STR(canon(out), out, "year 2099 is the last accepted");
	complete("11010221000101001", out);
	CHECK(parse(out, out, &err) == RID_BAD_YEAR && err.year == 2100, "year 2100");
	CHECK(rid_date_exists(2000, 2, 29) && !rid_date_exists(2100, 2, 29) && rid_date_exists(2400, 2, 29)
		  && !rid_date_exists(2023, 2, 29) && !rid_date_exists(2023, 13, 1) && !rid_date_exists(2023, 6, 31),
		  "rid_date_exists: Gregorian rules");

	/* accessors */
	{
		int			y, m, d;

		parse("44011320141005001X", out, &err);
		rid_birth_date(out, &y, &m, &d);
		CHECK(y == 2014 && m == 10 && d == 5, "birth date 2014-10-05");
		CHECK(rid_is_male(out), "sequence 001: male");
		parse("440102198001010021", out, &err);
		CHECK(!rid_is_male(out), "sequence 002: female");
		{
			char		masked[RID_LEN + 1];

			parse("44011320141005001X", out, &err);
			rid_mask(out, masked);
			CHECK_STR(masked, "440113********001X", "mask keeps first 6 and last 4");
		}
	}

	/* rid_parse_value: fast path and fallbacks */
	{
		int64_t		v = 0;

		CHECK(rid_parse_value("44011320141005001x", 18, &v, &err) == RID_OK && v == INT64_C(44011320141005001),
			  "parse_value: lower-case x on the fast path");
		CHECK(rid_parse_value(" 360426910101007 ", 17, &v, &err) == RID_OK && v == INT64_C(36042619910101007),
			  "parse_value: legacy and white space through the general path");
		CHECK(rid_parse_value("36042619910102009X", 18, &v, &err) == RID_BAD_CHECK && err.expected == '3',
			  "parse_value: bad check reported like rid_parse");
		CHECK(rid_parse_value("110102190002290018", 18, &v, &err) == RID_BAD_DAY && err.position == 13,
			  "parse_value: right check character, impossible date");
		CHECK(rid_parse_value("110102190002290018", 18, &v, NULL) == RID_BAD_DAY, "parse_value: err may be NULL");
	}

	/* validate (binary receive path) */
	CHECK(rid_validate("360426199101010071", &err) == RID_OK, "validate valid");
	CHECK(rid_validate("360426199101010072", &err) == RID_BAD_CHECK && err.expected == '1', "validate bad check");
	CHECK(rid_validate("36042619911301007X", &err) == RID_BAD_MONTH, "validate month");
	CHECK(rid_validate("36042619911301007x", &err) == RID_BAD_CHAR, "validate wants canonical upper-case X");

	/* packing */
	{
		char		back[RID_LEN + 1];
		int64_t		v;

		parse("44011320141005001X", out, &err);
		v = rid_pack(out);
		CHECK(v == INT64_C(44011320141005001), "pack is the integer of the 17 leading digits");
		CHECK(rid_unpack(v, back) && memcmp(back, out, 18) == 0, "unpack restores the check character");
		CHECK(rid_unpack(0, back) && memcmp(back, "000000000000000000", 17) == 0, "unpack 0");
		CHECK(rid_unpack(RID_PACKED_LIMIT - 1, back), "unpack 10^17 - 1");
		CHECK(!rid_unpack(RID_PACKED_LIMIT, back), "unpack rejects 10^17");
		CHECK(!rid_unpack(-1, back), "unpack rejects negatives");
	}

	/* properties over pseudo-random valid numbers: order, single substitutions, adjacent transpositions */
	{
		unsigned int seed = 12345;
		int			order_ok = 1, subst_ok = 1, transp_ok = 1, roundtrip_ok = 1, value_ok = 1, n = 0;
		char		prev[RID_LEN + 1] = "";
		int64_t		prev_v = -1;

		for (int iter = 0; iter < 20000; iter++)
		{
			char		d17[18], code[RID_LEN + 1], back[RID_LEN + 1], tmp[RID_LEN + 1];
			int			y, mo, da;

			seed = seed * 1103515245u + 12345u;
			y = 1850 + (int) ((seed >> 8) % 250);
			seed = seed * 1103515245u + 12345u;
			mo = 1 + (int) ((seed >> 8) % 12);
			seed = seed * 1103515245u + 12345u;
			da = 1 + (int) ((seed >> 8) % 31);
			if (!rid_date_exists(y, mo, da))
				continue;
			seed = seed * 1103515245u + 12345u;
			snprintf(d17, sizeof(d17), "%06u%04d%02d%02d%03u", (seed >> 4) % 1000000u, y, mo, da,
					 (seed >> 20) % 1000u);
			complete(d17, code);
			if (parse(code, tmp, &err) != RID_OK || !rid_unpack(rid_pack(tmp), back)
				|| memcmp(back, code, 18) != 0)
				roundtrip_ok = 0;
			{
				int64_t		v = -1;
				rid_error	e2;

				if (rid_parse_value(code, 18, &v, &e2) != RID_OK || v != rid_pack(code) || e2.rule != RID_OK)
					value_ok = 0;
			}
			if (prev_v >= 0 && ((strcmp(prev, code) < 0) != (prev_v < rid_pack(code))))
				order_ok = 0;
			strcpy(prev, code);
			prev_v = rid_pack(code);
			n++;
			for (int pos = 0; pos < 18; pos++)
				for (char c = '0'; c <= '9'; c++)
				{
					if (c == code[pos])
						continue;
					strcpy(tmp, code);
					tmp[pos] = c;
					{
						int64_t		v;
						rid_error	e2;
						rid_rule	r1 = parse(tmp, back, &err);

						if (r1 == RID_OK)
							subst_ok = 0;
						/* the fast path and the general path agree, error details included */
						if (rid_parse_value(tmp, 18, &v, &e2) != r1 || memcmp(&e2, &err, sizeof(err)) != 0)
							value_ok = 0;
					}
				}
			for (int pos = 0; pos < 17; pos++)
			{
				if (code[pos] == code[pos + 1])
					continue;
				strcpy(tmp, code);
				tmp[pos] = code[pos + 1];
				tmp[pos + 1] = code[pos];
				if (parse(tmp, back, &err) == RID_OK)
					transp_ok = 0;
			}
		}
		CHECK(n > 10000, "generated %d valid numbers", n);
		CHECK(roundtrip_ok, "parse/pack/unpack round trip");
		CHECK(value_ok, "rid_parse_value (fast path) agrees with rid_parse + rid_pack, errors included");
		CHECK(order_ok, "integer order equals text order");
		CHECK(subst_ok, "every single-digit substitution is rejected (MOD 11-2)");
		CHECK(transp_ok, "every adjacent transposition is rejected (MOD 11-2)");
	}

	return unit_done();
}
