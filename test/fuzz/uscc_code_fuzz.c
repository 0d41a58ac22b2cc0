/*
 * uscc_code_fuzz.c — libFuzzer target for src/core/uscc_code.c.
 *
 * Properties: parsing any bytes never crashes; an accepted code (valid, or wrong only in its check characters)
 * survives parse → pack → unpack → format → parse unchanged, its '!' flag derived from the check characters;
 * the fast parse-and-pack path gives the same result as the reference parser; messages are always NUL-terminated; unpack/pack are inverse on arbitrary 12 bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "uscc_code.h"

#define REQUIRE(c) do { if (!(c)) abort(); } while (0)

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		code[USCC_LEN];
	char		again[USCC_LEN];
	char		back[USCC_LEN];
	char		text[USCC_LEN + 2];
	char		msg[512];
	unsigned char packed[USCC_PACKED_LEN];
	unsigned char repacked[USCC_PACKED_LEN];
	bool		flagged;
	uscc_error	err;
	uscc_error	err2;
	char		code2[USCC_LEN];
	unsigned char fastpacked[USCC_PACKED_LEN];
	bool		flagged2;
	uscc_rule	r = uscc_parse((const char *) data, size, code, &flagged, &err);
	uscc_rule	r2 = uscc_parse_pack((const char *) data, size, code2, fastpacked, &flagged2, &err2);

	/* the fast path agrees with the reference parser */
	REQUIRE(r2 == r && flagged2 == flagged);
	REQUIRE(r == USCC_OK || err2.rule == err.rule);

	REQUIRE(r == err.rule || r == USCC_OK);
	uscc_error_detail(&err, msg, sizeof(msg));
	REQUIRE(strlen(msg) < sizeof(msg));
	REQUIRE((uscc_error_hint(&err, msg, sizeof(msg)) != NULL) == (r == USCC_BAD_CHECK));

	if (r == USCC_OK || r == USCC_BAD_CHECK)
	{
		bool		verified = uscc_code_is_verified(code);
		size_t		n = USCC_LEN;

		REQUIRE(verified == (r == USCC_OK));
		uscc_pack(code, packed);
		REQUIRE(memcmp(code2, code, USCC_LEN) == 0);
		REQUIRE(memcmp(fastpacked, packed, USCC_PACKED_LEN) == 0);
		REQUIRE(uscc_unpack(packed, back));
		REQUIRE(memcmp(back, code, USCC_LEN) == 0);

		/* the output form: canonical characters, '!' when not verified; it parses back to the same value */
		memcpy(text, back, USCC_LEN);
		if (!verified)
			text[n++] = '!';
		REQUIRE(uscc_parse(text, n, again, &flagged, &err2) == r);
		REQUIRE(memcmp(again, code, USCC_LEN) == 0);
		REQUIRE(flagged == !verified);

		uscc_code_correct(again);
		REQUIRE(uscc_validate(again, &err2) == USCC_OK);
		REQUIRE(memcmp(again, code, 16) == 0);
	}
	else
		REQUIRE(err.rule != USCC_OK);

	if (uscc_make_code((const char *) data, size, code, &err) == USCC_OK)
		REQUIRE(uscc_validate(code, &err2) == USCC_OK);

	if (size >= USCC_LEN)
	{
		/* the portable fast path (SSE2 machines use the other one in uscc_parse_pack) agrees with the reference */
		unsigned char pp[USCC_PACKED_LEN];
		bool		okp = uscc_fast_accept_portable((const char *) data, pp);

		REQUIRE(okp == (uscc_validate((const char *) data, &err2) == USCC_OK));
		if (okp)
		{
			uscc_pack((const char *) data, packed);
			REQUIRE(memcmp(pp, packed, USCC_PACKED_LEN) == 0);
		}
	}

	if (size >= USCC_PACKED_LEN && uscc_unpack(data, back))
	{
		uscc_pack(back, repacked);
		REQUIRE(memcmp(repacked, data, USCC_PACKED_LEN) == 0);
	}
	return 0;
}
