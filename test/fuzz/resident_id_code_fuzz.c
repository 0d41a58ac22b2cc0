/*
 * resident_id_code_fuzz.c — libFuzzer target for the citizen identity number parser (src/core/resident_id_code.c).
 * Any input must parse without crashing (ASan/UBSan), and the results must be consistent:
 *   accepted → canonical form re-validates, packs into 0 … 10^17 − 1 and unpacks to the same 18 characters;
 *   rejected for the check character only → the expected character makes it valid;
 *   error messages are always NUL-terminated sentences.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "resident_id_code.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		code[RID_LEN];
	char		back[RID_LEN];
	char		detail[256];
	char		hint[128];
	bool		legacy = false;
	rid_error	err;
	rid_rule	rule = rid_parse((const char *) data, size, code, &legacy, &err);

	if (rule != err.rule)
		abort();
	{
		/* the one-pass fast path agrees with rid_parse + rid_pack, error details included */
		int64_t		v = -1;
		rid_error	err3;

		if (rid_parse_value((const char *) data, size, &v, &err3) != rule || memcmp(&err3, &err, sizeof(err)) != 0)
			abort();
		if (rule == RID_OK && v != rid_pack(code))
			abort();
	}
	rid_error_detail(&err, detail, sizeof(detail));
	if (memchr(detail, '\0', sizeof(detail)) == NULL || detail[0] == '\0')
		abort();
	if ((rid_error_hint(&err, hint, sizeof(hint)) != NULL) != (rule == RID_BAD_CHECK))
		abort();

	if (rule == RID_OK)
	{
		int64_t		v = rid_pack(code);
		rid_error	err2;

		if (rid_validate(code, &err2) != RID_OK)
			abort();
		if (v < 0 || v >= RID_PACKED_LIMIT)
			abort();
		if (!rid_unpack(v, back) || memcmp(back, code, RID_LEN) != 0)
			abort();
		/* the canonical form parses to itself */
		if (rid_parse(code, RID_LEN, back, NULL, &err2) != RID_OK || memcmp(back, code, RID_LEN) != 0)
			abort();
	}
	else if (rule == RID_BAD_CHECK)
	{
		rid_error	err2;

		if (err.expected == code[17])
			abort();
		code[17] = err.expected;
		if (rid_validate(code, &err2) != RID_OK)
			abort();
	}
	return 0;
}
