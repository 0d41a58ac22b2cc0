/*
 * identity_document_fuzz.c — libFuzzer target for the identity document parser (src/core/identity_document.c).
 * The first byte picks the layout, the rest is the number. Any input must parse without crashing (ASan/UBSan), and
 * the results must be consistent:
 *   accepted → the canonical form is at most IDOC_MAX_LEN characters, parses to itself, and masks to its length;
 *   rejected for the check character only → the expected character makes it valid;
 *   details are always NUL-terminated sentences.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "identity_document.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const idoc_layout layouts[] = {IDOC_PERMANENT_RESIDENCE, IDOC_HK_MACAO_PERMIT, IDOC_TAIWAN_PERMIT,
	IDOC_PASSPORT};
	idoc_layout layout;
	char		out[IDOC_MAX_LEN + 1];
	char		again[IDOC_MAX_LEN + 1];
	char		detail[512];
	idoc_error	err;
	idoc_rule	rule;

	if (size == 0)
		return 0;
	layout = layouts[data[0] % 4];
	rule = idoc_canonical(layout, (const char *) data + 1, size - 1, out, &err);
	if (rule != err.rule)
		abort();
	idoc_error_detail(layout, &err, detail, sizeof(detail));
	if (memchr(detail, '\0', sizeof(detail)) == NULL || detail[0] == '\0')
		abort();
	if (rule == IDOC_OK)
	{
		size_t		n = strlen(out);
		char		masked[IDOC_MAX_LEN + 1];

		if (n == 0 || n > IDOC_MAX_LEN)
			abort();
		if (idoc_canonical(layout, out, n, again, NULL) != IDOC_OK || strcmp(again, out) != 0)
			abort();
		idoc_mask(out, masked);
		if (strlen(masked) != n)
			abort();
	}
	else if (rule == IDOC_BAD_CHECK)
	{
		char		fixed[IDOC_MAX_LEN + 1];

		/* a bad check is reported only for the 18-character 2023 form, whose canonical form is the input's
		 * non-blank characters; rebuild it with the expected check character */
		size_t		n = 0;

		for (size_t i = 1; i < size && n < IDOC_MAX_LEN; i++)
		{
			char		c = (char) data[i];

			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
				continue;
			fixed[n++] = c;
		}
		if (n != 18)
			abort();
		fixed[17] = err.expected;
		if (idoc_canonical(layout, fixed, 18, again, NULL) != IDOC_OK)
			abort();
	}
	return 0;
}
