/*
 * uscc_code_test.c — unit tests of src/core/uscc_code.c (GB 32100-2015 unified social credit code).
 * Vectors: the shared notes (uscc-and-id-rules.md) and python-stdnum's tests/test_cn_uscc.doctest.
 */
#include <stdbool.h>
#include <stdlib.h>

#include "unit.h"
#include "uscc_code.h"
#include "uscc_vectors.h"

#define NVEC (int) (sizeof(uscc_public_vectors) / sizeof(uscc_public_vectors[0]))

/* parse a NUL-terminated string */
static uscc_rule
parse(const char *s, char code[USCC_LEN], bool *flagged, uscc_error *err)
{
	return uscc_parse(s, strlen(s), code, flagged, err);
}

/* canonical code of s as a NUL-terminated string, or "" */
static const char *
canon(const char *s)
{
	static char buf[USCC_LEN + 1];
	bool		flagged;
	uscc_error	err;
	uscc_rule	r = parse(s, buf, &flagged, &err);

	if (r != USCC_OK && r != USCC_BAD_CHECK)
		return "";
	buf[USCC_LEN] = '\0';
	return buf;
}

static int
sign(int x)
{
	return x < 0 ? -1 : x > 0;
}

int
main(void)
{
	char		code[USCC_LEN + 1] = {0};
	char		back[USCC_LEN + 1] = {0};
	unsigned char packed[NVEC][USCC_PACKED_LEN];
	bool		flagged;
	uscc_error	err;
	char		msg[512];
	int			bad;

	/* --- the public vectors: all valid, verified, check characters recomputed, pack round trip --- */
	bad = 0;
	for (int i = 0; i < NVEC; i++)
	{
		const char *v = uscc_public_vectors[i];

		if (parse(v, code, &flagged, &err) != USCC_OK || flagged || !uscc_code_is_verified(code)
			|| uscc_check_char(v) != v[17] || uscc_org_check_digit(v + 8) != v[16])
		{
			printf("# rejected: %s\n", v);
			bad++;
			continue;
		}
		uscc_pack(code, packed[i]);
		if (!uscc_unpack(packed[i], back) || memcmp(back, v, USCC_LEN) != 0)
		{
			printf("# round trip: %s -> %.18s\n", v, back);
			bad++;
		}
	}
	/* the fast parse-and-pack path agrees with parse + pack on vectors and on their broken variants */
	{
		static const char *const extra[] = {"91110000600037341N", "91350211M00013FA1N!", "9111000060003IOZSV",
			" 91620105l015101280", "91110000600037342L", "91110000600037342N", "B1110000600037341L", "12345",
		"94110000600037341L!", "9111A000600037341L", "91110000600037341L!", "91110000600037341L!!"};
		unsigned char p1[USCC_PACKED_LEN],
					p2[USCC_PACKED_LEN];
		char		c2[USCC_LEN];
		bool		f2;
		uscc_error	e2;

		bad = 0;
		for (int i = 0; i < NVEC + (int) (sizeof(extra) / sizeof(extra[0])); i++)
		{
			const char *v = i < NVEC ? uscc_public_vectors[i] : extra[i - NVEC];
			uscc_rule	r1 = parse(v, code, &flagged, &err);
			uscc_rule	r2 = uscc_parse_pack(v, strlen(v), c2, p2, &f2, &e2);

			if (r1 != r2 || flagged != f2 || (r1 != USCC_OK && memcmp(&err, &e2, sizeof(err)) != 0))
				bad++;
			else if (r1 == USCC_OK || r1 == USCC_BAD_CHECK)
			{
				uscc_pack(code, p1);
				if (memcmp(p1, p2, sizeof(p1)) != 0 || memcmp(code, c2, USCC_LEN) != 0)
					bad++;
			}
		}
		CHECK(bad == 0, "uscc_parse_pack agrees with uscc_parse + uscc_pack (%d disagreements)", bad);

		/* the portable fast path too, on every vector with each position replaced by every byte value */
		bad = 0;
		for (int i = 0; i < NVEC; i++)
			for (int pos = 0; pos < USCC_LEN; pos += (i % 7 == 0 ? 1 : 5))
				for (int byte = 0; byte < 256; byte++)
				{
					char		m[USCC_LEN];
					bool		ok_ref,
								ok_fast;

					memcpy(m, uscc_public_vectors[i], USCC_LEN);
					m[pos] = (char) byte;
					ok_ref = uscc_validate(m, &err) == USCC_OK;
					ok_fast = uscc_fast_accept_portable(m, p2);
					if (ok_ref != ok_fast)
						bad++;
					else if (ok_ref)
					{
						uscc_pack(m, p1);
						if (memcmp(p1, p2, sizeof(p1)) != 0)
							bad++;
					}
				}
		CHECK(bad == 0, "portable fast path agrees with the reference validator on single-byte mutations (%d)", bad);
	}
	CHECK(NVEC >= 380, "python-stdnum vectors loaded (%d)", NVEC);
	CHECK(bad == 0, "every python-stdnum vector is valid, verified and packs round trip (%d bad)", bad);

	/* memcmp order of packed values == strcmp order of the codes, over all pairs */
	bad = 0;
	for (int i = 0; i < NVEC; i++)
		for (int j = 0; j < NVEC; j++)
			if (sign(memcmp(packed[i], packed[j], USCC_PACKED_LEN)) !=
				sign(strcmp(uscc_public_vectors[i], uscc_public_vectors[j])))
				bad++;
	CHECK(bad == 0, "packed order equals text order on all %d pairs", NVEC * NVEC);

	/* --- the notes' vectors --- */
	CHECK(parse("91110000600037341L", code, &flagged, &err) == USCC_OK, "91110000600037341L valid");
	CHECK(parse("91110000600037341N", code, &flagged, &err) == USCC_BAD_CHECK && err.position == 18
		  && err.expected18 == 'L' && err.expected17 == 0, "91110000600037341N: bad check character, expected L");
	CHECK(parse("9111000060003IOZSV", code, &flagged, &err) == USCC_BAD_CHAR && err.position == 14
		  && err.found == 'I', "9111000060003IOZSV: character 14 outside the alphabet");
	CHECK(parse("91350211M00013FA1N", code, &flagged, &err) == USCC_BAD_CHECK && err.expected18 == '3'
		  && err.expected17 == 0, "pilot-era 91350211M00013FA1N: only the check character is wrong (3)");
	CHECK(uscc_org_check_digit("MA1FL0LY") == '9', "GB 11714: MA1FL0LY -> 9");
	CHECK(uscc_org_check_digit("D2143569") == 'X', "GB 11714: D2143569 -> X");
	CHECK(uscc_org_check_digit("60003734") == '1', "GB 11714: 60003734 -> 1");
	CHECK(uscc_org_check_digit("6000373a") == 0, "GB 11714: lower case is not an organisation-code character");
	CHECK(uscc_check_char("91620105L01510128") == '0', "sum mod 31 = 0 gives '0' (91620105L015101280)");

	/* the check character is always in the alphabet: brute force over one varying position */
	bad = 0;
	for (int p = 0; p < 17; p++)
		for (const char *a = USCC_ALPHABET; *a; a++)
		{
			char		c17[17];
			char		k;

			memcpy(c17, "91440101MA59C3PQ9", 17);
			c17[p] = *a;
			k = uscc_check_char(c17);
			if (k == 0 || strchr(USCC_ALPHABET, k) == NULL)
				bad++;
		}
	CHECK(bad == 0, "check character always in the alphabet");
	CHECK(uscc_check_char("9144010IMA59C3PQ9") == 0, "check character of a non-alphabet input is 0");

	/* --- normalisation --- */
	CHECK_STR(canon(" \t91620105l015101280\r\n"), "91620105L015101280", "trim and fold case");
	CHECK_STR(canon("\xe3\x80\x80" "91620105L015101280" "\xe3\x80\x80"), "91620105L015101280", "trim U+3000");
	CHECK_STR(canon("\xef\xbc\x99\xef\xbc\x91\xef\xbc\x91\xef\xbc\x91\xef\xbc\x90\xef\xbc\x90\xef\xbc\x90"
					"\xef\xbc\x90\xef\xbc\x96\xef\xbc\x90\xef\xbc\x90\xef\xbc\x90\xef\xbc\x93\xef\xbc\x97"
					"\xef\xbc\x93\xef\xbc\x94\xef\xbc\x91\xef\xbd\x8c"), "91110000600037341L",
			  "full-width digits and lower-case letter (U+FF4C)");
	CHECK(parse("91350211M00013FA1N!", code, &flagged, &err) == USCC_BAD_CHECK && flagged,
		  "trailing ! flags");
	CHECK(parse("91350211M00013FA1N\xef\xbc\x81", code, &flagged, &err) == USCC_BAD_CHECK && flagged,
		  "trailing U+FF01 flags");
	CHECK(parse(" 91110000600037341L! ", code, &flagged, &err) == USCC_OK && flagged,
		  "! on a verified code parses OK (flag harmless)");
	CHECK(parse("91110000600037341L!!", code, &flagged, &err) == USCC_BAD_LENGTH && err.length == 19,
		  "only one ! is stripped");
	CHECK(parse("9111000060003734!L", code, &flagged, &err) == USCC_BAD_CHAR && err.position == 17
		  && err.found == '!', "! inside the code is a bad character");
	CHECK(parse("9111000060003734\xef\xbc\x9a" "L", code, &flagged, &err) == USCC_BAD_CHAR && err.position == 17
		  && err.found == ':', "full-width colon folds to ':' and is rejected");
	CHECK(parse("91110000600037341\xc3\xa9", code, &flagged, &err) == USCC_BAD_CHAR && err.position == 18
		  && err.found == 0, "non-ASCII character rejected at its character position");
	CHECK(uscc_parse("91110000600037341L", 17, code, &flagged, &err) == USCC_BAD_LENGTH && err.length == 17,
		  "length is taken from len, not NUL");
	CHECK(uscc_parse("9111000060003" "\0" "341L", 18, code, &flagged, &err) == USCC_BAD_CHAR && err.position == 14,
		  "embedded NUL is a bad character");
	CHECK(parse("", code, &flagged, &err) == USCC_BAD_LENGTH && err.length == 0, "empty");
	CHECK(parse("  \t ", code, &flagged, &err) == USCC_BAD_LENGTH && err.length == 0, "only white space");
	CHECK(parse("!", code, &flagged, &err) == USCC_BAD_LENGTH && err.length == 0 && flagged, "only !");

	/* --- structural rules --- */
	CHECK(parse("B1110000600037341L", code, &flagged, &err) == USCC_BAD_AUTHORITY && err.position == 1,
		  "authority B");
	CHECK(parse("94110000600037341L", code, &flagged, &err) == USCC_BAD_CATEGORY && err.position == 2
		  && err.authority == '9' && err.found == '4', "category 4 of authority 9");
	CHECK(parse("Y2110000600037341L", code, &flagged, &err) == USCC_BAD_CATEGORY, "category 2 of authority Y");
	CHECK(parse("9111A000600037341L", code, &flagged, &err) == USCC_BAD_REGION && err.position == 5,
		  "letter in the region");
	CHECK(parse("91110000600037342L", code, &flagged, &err) == USCC_BAD_CHECK && err.position == 17
		  && err.expected17 == '1' && err.expected18 == 0, "organisation-code check digit wrong, 18 consistent");
	CHECK(parse("91110000600037342N", code, &flagged, &err) == USCC_BAD_CHECK && err.expected17 == '1'
		  && err.expected18 == 'L', "both check characters wrong");
	{
		static const char *const pairs[] = {"11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39",
			"41", "49", "51", "52", "53", "59", "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93",
		"A1", "A9", "N1", "N2", "N3", "N9", "Y1"};
		int			ok = 0;
		int			n = (int) (sizeof(pairs) / sizeof(pairs[0]));
		char		c[USCC_LEN];

		for (int i = 0; i < n; i++)
		{
			memcpy(c, pairs[i], 2);
			memcpy(c + 2, "440106MA59C3PQ00", 16);
			uscc_code_correct(c);
			if (uscc_validate(c, &err) == USCC_OK && uscc_code_authority_name(c[0]) != NULL
				&& uscc_code_category_name(c[0], c[1]) != NULL)
				ok++;
		}
		CHECK(ok == n, "all %d authority/category pairs of GB 32100 are accepted and named", n);
		bad = 0;
		for (const char *a = USCC_ALPHABET; *a; a++)
			for (const char *b = USCC_ALPHABET; *b; b++)
			{
				bool		listed = false;

				for (int i = 0; i < n; i++)
					listed |= pairs[i][0] == *a && pairs[i][1] == *b;
				memcpy(c, (char[2]) {*a, *b}, 2);
				memcpy(c + 2, "440106MA59C3PQ00", 16);
				uscc_code_correct(c);
				if ((uscc_validate(c, &err) == USCC_OK) != listed)
					bad++;
			}
		CHECK(bad == 0, "no other authority/category pair is accepted");
	}
	CHECK_STR(uscc_code_authority_name('9'), "工商", "authority 9 is 工商");
	CHECK_STR(uscc_code_category_name('9', '2'), "个体工商户", "92 is 个体工商户");
	CHECK(uscc_code_category_name('9', '9') == NULL, "99 has no name");

	/* --- correction, make --- */
	memcpy(code, "91350211M00013FA1N", USCC_LEN);
	CHECK(!uscc_code_is_verified(code), "pilot-era code not verified");
	uscc_code_correct(code);
	code[USCC_LEN] = '\0';
	CHECK_STR(code, "91350211M00013FA13", "uscc_correct fixes position 18");
	memcpy(code, "91110000600037342N", USCC_LEN);
	uscc_code_correct(code);
	CHECK_STR(code, "91110000600037341L", "uscc_correct fixes positions 17 and 18");
	CHECK(uscc_make_code("91620105L01510128", 17, code, &err) == USCC_OK && code[17] == '0', "make appends 0");
	CHECK(uscc_make_code(" 9162010555628132x", 18, code, &err) == USCC_OK && memcmp(code, "9162010555628132X1", 18) == 0,
		  "make normalises");
	CHECK(uscc_make_code("91110000600037342", 17, code, &err) == USCC_BAD_CHECK && err.position == 17
		  && err.expected17 == '1' && err.expected18 == 0, "make rejects a wrong organisation-code digit");
	CHECK(uscc_make_code("91110000600037341L", 18, code, &err) == USCC_BAD_LENGTH && err.want_length == 17,
		  "make wants 17 characters");

	/* --- packing edge cases --- */
	{
		unsigned char p[USCC_PACKED_LEN];
		unsigned char lo[USCC_PACKED_LEN];
		unsigned char hi[USCC_PACKED_LEN];

		memset(p, 0xff, sizeof(p));
		CHECK(!uscc_unpack(p, back), "unpack rejects a value >= 31^18");
		uscc_pack("000000000000000000", lo);
		uscc_pack("YYYYYYYYYYYYYYYYYY", hi);
		memset(p, 0, sizeof(p));
		CHECK(memcmp(lo, p, USCC_PACKED_LEN) == 0, "all zeros pack to zero");
		CHECK(uscc_unpack(hi, back) && memcmp(back, "YYYYYYYYYYYYYYYYYY", 18) == 0, "largest value round trips");
		CHECK(hi[0] < 0x04, "31^18 - 1 fits in 90 bits");
	}

	/* --- messages --- */
	parse("91110000600037341N", code, &flagged, &err);
	CHECK_STR(uscc_error_detail(&err, msg, sizeof(msg)),
			  "Character 18 (\"N\") is not the check character of the code (GB 32100 mod 31).", "detail: check");
	CHECK_STR(uscc_error_hint(&err, msg, sizeof(msg)),
			  "The check character (position 18) should be \"L\".", "hint: check");
	parse("94110000600037341L", code, &flagged, &err);
	CHECK_STR(uscc_error_detail(&err, msg, sizeof(msg)),
			  "Character 2 (\"4\") is not an institution category of registration authority \"9\", which allows 1, 2 or 3.",
			  "detail: category");
	CHECK(uscc_error_hint(&err, msg, sizeof(msg)) == NULL, "no hint for structural errors");
	parse("12345", code, &flagged, &err);
	CHECK_STR(uscc_error_detail(&err, msg, sizeof(msg)),
			  "The value has 5 characters after trimming white space; a unified social credit code has 18.",
			  "detail: length");
	uscc_error_detail(&err, msg, 8);
	CHECK(strlen(msg) == 7, "detail truncates to the buffer");

	return unit_done();
}
