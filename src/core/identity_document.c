/*
 * identity_document.c — normalisation and validation of the numbers of identity documents other than the resident
 * identity card (layouts and their sources in identity_document.h).
 */
#include "identity_document.h"
#include "core_text.h"

#include <stdio.h>
#include <string.h>

#include "resident_id_code.h"

static const struct
{
	const char *name;
	idoc_layout layout;
}			layouts[] = {
	{"permanent_residence", IDOC_PERMANENT_RESIDENCE},
	{"hk_macao_permit", IDOC_HK_MACAO_PERMIT},
	{"taiwan_permit", IDOC_TAIWAN_PERMIT},
	{"passport", IDOC_PASSPORT},
};

/*
 * idoc_layout_of — the layout of a catalogue's validation name.
 */
bool
idoc_layout_of(const char *name, idoc_layout *layout)
{
	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (strcmp(layouts[i].name, name) == 0)
		{
			*layout = layouts[i].layout;
			return true;
		}
	return false;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* digits — whether s[from, to) are all digits. */
static bool
digits(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

/* allowed — whether a (normalised) character can occur anywhere in the layout, so that a stray one is named. */
static bool
allowed(idoc_layout layout, char c)
{
	if (is_digit(c) || is_upper(c))
		return true;
	if (layout == IDOC_TAIWAN_PERMIT)
		return c == '(' || c == ')';
	if (layout == IDOC_PASSPORT)
		return c == '/';
	return false;
}

static idoc_rule
fail(idoc_error *err, idoc_rule rule, int position, char expected)
{
	if (err)
	{
		err->rule = rule;
		err->position = position;
		err->expected = expected;
	}
	return rule;
}

/*
 * idoc_canonical — white space (ASCII) is dropped and ASCII letters upper-cased, as the numbers are typed from cards
 * with spaces between groups; then the layout's forms are tried. Lifelong numbers drop their renewal or issue
 * counts, so that one person keeps one identity across cards.
 */
idoc_rule
idoc_canonical(idoc_layout layout, const char *in, size_t len, char out[IDOC_MAX_LEN + 1], idoc_error *err)
{
	char		s[IDOC_MAX_INPUT + 1];
	size_t		n = 0;

	out[0] = '\0';
	fail(err, IDOC_OK, 0, 0);
	if (len > IDOC_MAX_INPUT)
		return fail(err, IDOC_TOO_LONG, 0, 0);
	for (size_t i = 0; i < len; i++)
	{
		char		c = in[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char) (c - 'a' + 'A');
		if (!allowed(layout, c))
			return fail(err, IDOC_BAD_CHAR, (int) i + 1, 0);
		s[n++] = c;
	}
	s[n] = '\0';
	if (n == 0)
		return fail(err, IDOC_EMPTY, 0, 0);

	switch (layout)
	{
		case IDOC_PERMANENT_RESIDENCE:
			if (n == 18 && s[0] == '9' && digits(s, 1, 17) && (is_digit(s[17]) || s[17] == 'X'))
			{
				char		k = rid_check_char(s);

				if (k != s[17])
					return fail(err, IDOC_BAD_CHECK, 18, k);
				memcpy(out, s, 19);
				return IDOC_OK;
			}
			if (n == 15 && is_upper(s[0]) && is_upper(s[1]) && is_upper(s[2]) && digits(s, 3, 15))
			{
				memcpy(out, s, 16);
				return IDOC_OK;
			}
			break;
		case IDOC_HK_MACAO_PERMIT:
			if ((n == 9 || n == 11) && (s[0] == 'H' || s[0] == 'M') && digits(s, 1, n))
			{
				memcpy(out, s, 9);
				out[9] = '\0';
				return IDOC_OK;
			}
			break;
		case IDOC_TAIWAN_PERMIT:
			if ((n == 8 || n == 10) && digits(s, 0, n))
			{
				memcpy(out, s, 8);
				out[8] = '\0';
				return IDOC_OK;
			}
			if (n == 13 && digits(s, 0, 10) && s[10] == '(' && (is_digit(s[11]) || is_upper(s[11])) && s[12] == ')')
			{
				memcpy(out, s, 8);
				out[8] = '\0';
				return IDOC_OK;
			}
			break;
		case IDOC_PASSPORT:
			{
				const char *slash = strchr(s, '/');
				size_t		state = slash ? (size_t) (slash - s) : 0;
				size_t		number = slash ? n - state - 1 : 0;

				if (slash == NULL || state < 1 || state > 3 || number < 5 || number > 20 || strchr(slash + 1, '/'))
					break;
				for (size_t i = 0; i < state; i++)
					if (!is_upper(s[i]))
						return fail(err, IDOC_BAD_FORM, 0, 0);
				memcpy(out, s, n + 1);
				return IDOC_OK;
			}
	}
	return fail(err, IDOC_BAD_FORM, 0, 0);
}

/*
 * idoc_mask — keeps what identifies the document's series (first two) and lets a holder recognise the number
 * (last two); the middle, which identifies the person, is hidden.
 */
void
idoc_mask(const char *canonical, char out[IDOC_MAX_LEN + 1])
{
	size_t		n = strlen(canonical);

	if (n > IDOC_MAX_LEN)
		n = IDOC_MAX_LEN;
	memcpy(out, canonical, n);
	out[n] = '\0';
	for (size_t i = 2; i + 2 < n; i++)
		out[i] = '*';
}

static const char *
forms(idoc_layout layout)
{
	switch (layout)
	{
		case IDOC_PERMANENT_RESIDENCE:
			return core_text("a permanent residence number is 18 characters, 9 and 16 digits and a MOD 11-2 check character "
				"(2023 form), or 3 letters and 12 digits (2017 form)");
		case IDOC_HK_MACAO_PERMIT:
			return core_text("a Mainland Travel Permit number is H or M and the 8-digit lifelong number, optionally followed by "
				"the 2-digit renewal count");
		case IDOC_TAIWAN_PERMIT:
			return core_text("a Mainland Travel Permit for Taiwan Residents number is the 8-digit lifelong number, optionally "
				"followed by the 2-digit issue count and the issuing office in brackets");
		case IDOC_PASSPORT:
			return core_text("a passport is written as the issuing state's code (1 to 3 letters), \"/\" and the number "
				"(5 to 20 letters and digits)");
	}
	return "";
}

/*
 * idoc_error_detail — the sentence for errdetail: the defect, then the forms the layout accepts.
 */
const char *
idoc_error_detail(idoc_layout layout, const idoc_error *err, char *buf, size_t size)
{
	switch (err->rule)
	{
		case IDOC_OK:
			snprintf(buf, size, core_text("The number is valid."));
			break;
		case IDOC_EMPTY:
			snprintf(buf, size, core_text("The number is empty; %s."), forms(layout));
			break;
		case IDOC_TOO_LONG:
			snprintf(buf, size, core_text("The input is longer than %d bytes; %s."), IDOC_MAX_INPUT, forms(layout));
			break;
		case IDOC_BAD_CHAR:
			snprintf(buf, size, core_text("Character %d is not allowed; %s."), err->position, forms(layout));
			break;
		case IDOC_BAD_FORM:
			snprintf(buf, size, core_text("The characters make none of the forms: %s."), forms(layout));
			break;
		case IDOC_BAD_CHECK:
			snprintf(buf, size, core_text("The check character (position 18) should be \"%c\" (MOD 11-2 as GB 11643)."),
					 err->expected);
			break;
	}
	return buf;
}
