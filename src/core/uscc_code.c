/*
 * uscc_code.c — unified social credit code (统一社会信用代码, GB 32100-2015): normalise, validate, pack.
 *
 * Plain C (no PostgreSQL headers) so that the unit test and the fuzz target link it directly.
 * Rules and sources: shared notes "uscc-and-id-rules.md" (GB 32100-2015, GB 11714-1997).
 */
#include "uscc_code.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Value+1 of each character of the 31-character alphabet (0: not in it). No I, O, S, V, Z. */
static const unsigned char alpha_val[256] = {
	['0'] = 1,['1'] = 2,['2'] = 3,['3'] = 4,['4'] = 5,['5'] = 6,['6'] = 7,['7'] = 8,['8'] = 9,['9'] = 10,
	['A'] = 11,['B'] = 12,['C'] = 13,['D'] = 14,['E'] = 15,['F'] = 16,['G'] = 17,['H'] = 18,['J'] = 19,
	['K'] = 20,['L'] = 21,['M'] = 22,['N'] = 23,['P'] = 24,['Q'] = 25,['R'] = 26,['T'] = 27,['U'] = 28,
	['W'] = 29,['X'] = 30,['Y'] = 31,
};

static const char alphabet[] = USCC_ALPHABET;

/* Weights 3^(i-1) mod 31 for positions 1..17 (GB 32100-2015 §5). */
static const int check_weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

/* GB 11714 weights for the 8 organisation-code characters. */
static const int org_weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

/* Registration authority (登记管理部门) → allowed institution categories (机构类别), GB 32100-2015 表1. */
typedef struct authority_entry
{
	char		code;
	const char *name;
	const char *categories;		/* allowed category characters, in order */
	const char *category_names[6];
} authority_entry;

static const authority_entry authorities[] = {
	{'1', "机构编制", "1239", {"机关", "事业单位", "编办直接管理机构编制的群众团体", "其他"}},
	{'2', "外交", "19", {"外国常驻新闻机构", "其他"}},
	{'3', "司法行政", "123459", {"律师执业机构", "公证处", "基层法律服务所", "司法鉴定机构", "仲裁委员会", "其他"}},
	{'4', "文化", "19", {"外国在华文化中心", "其他"}},
	{'5', "民政", "1239", {"社会团体", "民办非企业单位", "基金会", "其他"}},
	{'6', "旅游", "129", {"外国旅游部门常驻代表机构", "港澳台地区旅游部门常驻内地（大陆）代表机构", "其他"}},
	{'7', "宗教", "129", {"宗教活动场所", "宗教院校", "其他"}},
	{'8', "工会", "19", {"基层工会", "其他"}},
	{'9', "工商", "123", {"企业", "个体工商户", "农民专业合作社"}},
	{'A', "中央军委改革和编制办公室", "19", {"军队事业单位", "其他"}},
	{'N', "农业", "1239", {"组级集体经济组织", "村级集体经济组织", "乡镇级集体经济组织", "其他"}},
	{'Y', "其他", "1", {"其他"}},
};

/* The table row of an authority character, or NULL. */
static const authority_entry *
find_authority(char c)
{
	for (size_t i = 0; i < sizeof(authorities) / sizeof(authorities[0]); i++)
		if (authorities[i].code == c)
			return &authorities[i];
	return NULL;
}

/* Value 0..35 of an organisation-code character over 0-9A-Z, or -1. */
static int
org_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return -1;
}

/* Printable ASCII character for messages, or 0. */
static char
printable(unsigned char c)
{
	return (c > 0x20 && c < 0x7f) ? (char) c : 0;
}

char
uscc_check_char(const char code17[17])
{
	int			sum = 0;

	for (int i = 0; i < 17; i++)
	{
		int			v = alpha_val[(unsigned char) code17[i]];

		if (v == 0)
			return 0;
		sum += (v - 1) * check_weights[i];
	}
	/* Σ mod 31 = 0 must give '0', not alphabet[31]: hence the second mod. */
	return alphabet[(31 - sum % 31) % 31];
}

char
uscc_org_check_digit(const char org8[8])
{
	int			sum = 0;
	int			c9;

	for (int i = 0; i < 8; i++)
	{
		int			v = org_value(org8[i]);

		if (v < 0)
			return 0;
		sum += v * org_weights[i];
	}
	c9 = 11 - sum % 11;
	if (c9 == 10)
		return 'X';
	if (c9 == 11)
		return '0';
	return (char) ('0' + c9);
}

/* Expected characters at 17 and 18 of a structurally valid code (18 computed after correcting 17). */
static void
expected_checks(const char code[USCC_LEN], char *c17, char *c18)
{
	char		tmp[17];

	memcpy(tmp, code, 16);
	tmp[16] = uscc_org_check_digit(code + 8);
	*c17 = tmp[16];
	*c18 = uscc_check_char(tmp);
}

uscc_rule
uscc_validate(const char code[USCC_LEN], uscc_error *err)
{
	const authority_entry *a;
	char		c17,
				c18;

	memset(err, 0, sizeof(*err));
	err->want_length = USCC_LEN;
	for (int i = 0; i < USCC_LEN; i++)
	{
		if (alpha_val[(unsigned char) code[i]] == 0)
		{
			err->rule = USCC_BAD_CHAR;
			err->position = i + 1;
			err->found = printable((unsigned char) code[i]);
			return err->rule;
		}
	}
	a = find_authority(code[0]);
	if (a == NULL)
	{
		err->rule = USCC_BAD_AUTHORITY;
		err->position = 1;
		err->found = code[0];
		return err->rule;
	}
	if (strchr(a->categories, code[1]) == NULL)
	{
		err->rule = USCC_BAD_CATEGORY;
		err->position = 2;
		err->found = code[1];
		err->authority = code[0];
		return err->rule;
	}
	for (int i = 2; i < 8; i++)
	{
		if (code[i] < '0' || code[i] > '9')
		{
			err->rule = USCC_BAD_REGION;
			err->position = i + 1;
			err->found = code[i];
			return err->rule;
		}
	}
	expected_checks(code, &c17, &c18);
	if (code[16] != c17 || code[17] != c18)
	{
		err->rule = USCC_BAD_CHECK;
		err->position = code[16] != c17 ? 17 : 18;
		err->expected17 = code[16] != c17 ? c17 : 0;
		err->expected18 = code[17] != c18 ? c18 : 0;
		err->found17 = code[16];
		err->found18 = code[17];
		memcpy(err->org, code + 8, 8);
		err->org[8] = '\0';
		return err->rule;
	}
	return USCC_OK;
}

static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* U+3000 IDEOGRAPHIC SPACE in UTF-8 */
#define IS_IDEO_SPACE(p) ((p)[0] == 0xE3 && (p)[1] == 0x80 && (p)[2] == 0x80)

/*
 * Trim, strip one trailing '!' when allow_flag, fold: write up to cap characters into out, return the number of
 * characters seen (which may exceed cap). Non-ASCII characters other than full-width forms fold to 0x01, which is
 * in no alphabet.
 */
static int
normalise(const char *in, size_t len, char *out, int cap, bool allow_flag, bool *flagged)
{
	const unsigned char *p = (const unsigned char *) in;
	const unsigned char *e = p + len;
	int			n = 0;

	*flagged = false;
	for (;;)
	{
		if (p < e && is_space(*p))
			p++;
		else if (e - p >= 3 && IS_IDEO_SPACE(p))
			p += 3;
		else
			break;
	}
	for (;;)
	{
		if (e > p && is_space(e[-1]))
			e--;
		else if (e - p >= 3 && IS_IDEO_SPACE(e - 3))
			e -= 3;
		else
			break;
	}
	if (allow_flag)
	{
		if (e > p && e[-1] == '!')
		{
			*flagged = true;
			e--;
		}
		else if (e - p >= 3 && e[-3] == 0xEF && e[-2] == 0xBC && e[-1] == 0x81)	/* U+FF01 ！ */
		{
			*flagged = true;
			e -= 3;
		}
	}
	while (p < e)
	{
		unsigned char c = *p;
		unsigned char a;
		size_t		step;

		if (c < 0x80)
		{
			a = c;
			step = 1;
		}
		else
		{
			step = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			if (step > (size_t) (e - p))
				step = (size_t) (e - p);
			a = 0x01;
			if (step == 3 && c == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) && (p[2] & 0xC0) == 0x80)
			{
				unsigned	cp = ((unsigned) (c & 0x0F) << 12) | ((unsigned) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);

				/* full-width forms U+FF10 ('０') … U+FF5A ('ｚ') map to U+0030 … U+007A */
				if (cp >= 0xFF10 && cp <= 0xFF5A)
					a = (unsigned char) (cp - 0xFF10 + 0x30);
			}
		}
		if (a >= 'a' && a <= 'z')
			a -= 'a' - 'A';
		if (n < cap)
			out[n] = (char) a;
		n++;
		p += step;
	}
	return n;
}

uscc_rule
uscc_parse(const char *in, size_t len, char code[USCC_LEN], bool *flagged, uscc_error *err)
{
	int			n = normalise(in, len, code, USCC_LEN, true, flagged);

	if (n != USCC_LEN)
	{
		memset(err, 0, sizeof(*err));
		err->rule = USCC_BAD_LENGTH;
		err->length = n;
		err->want_length = USCC_LEN;
		return err->rule;
	}
	return uscc_validate(code, err);
}

uscc_rule
uscc_make_code(const char *in, size_t len, char code[USCC_LEN], uscc_error *err)
{
	bool		flagged;
	int			n = normalise(in, len, code, USCC_LEN - 1, false, &flagged);
	uscc_rule	r;

	if (n != USCC_LEN - 1)
	{
		memset(err, 0, sizeof(*err));
		err->rule = USCC_BAD_LENGTH;
		err->length = n;
		err->want_length = USCC_LEN - 1;
		return err->rule;
	}
	code[17] = '0';				/* placeholder in the alphabet, replaced below */
	r = uscc_validate(code, err);
	if (r == USCC_BAD_CHECK && err->expected17 == 0)
		r = USCC_OK;			/* only the placeholder is wrong */
	if (r == USCC_BAD_CHECK)
	{
		err->expected18 = 0;	/* position 18 is ours to compute; only 17 is the caller's */
		err->position = 17;
		return r;
	}
	if (r != USCC_OK)
		return r;
	code[17] = uscc_check_char(code);
	return USCC_OK;
}

bool
uscc_code_is_verified(const char code[USCC_LEN])
{
	char		c17,
				c18;

	expected_checks(code, &c17, &c18);
	return code[16] == c17 && code[17] == c18;
}

void
uscc_code_correct(char code[USCC_LEN])
{
	expected_checks(code, &code[16], &code[17]);
}

void
uscc_pack(const char code[USCC_LEN], unsigned char out[USCC_PACKED_LEN])
{
	/* three 32-bit limbs, most significant first; value = Σ digit·31^(17-i) */
	uint32_t	w[3] = {0, 0, 0};

	for (int i = 0; i < USCC_LEN; i++)
	{
		uint64_t	carry = (uint64_t) (alpha_val[(unsigned char) code[i]] - 1);

		for (int j = 2; j >= 0; j--)
		{
			uint64_t	t = (uint64_t) w[j] * 31 + carry;

			w[j] = (uint32_t) t;
			carry = t >> 32;
		}
	}
	for (int j = 0; j < 3; j++)
	{
		out[4 * j] = (unsigned char) (w[j] >> 24);
		out[4 * j + 1] = (unsigned char) (w[j] >> 16);
		out[4 * j + 2] = (unsigned char) (w[j] >> 8);
		out[4 * j + 3] = (unsigned char) w[j];
	}
}

bool
uscc_unpack(const unsigned char in[USCC_PACKED_LEN], char code[USCC_LEN])
{
	uint32_t	w[3];

	for (int j = 0; j < 3; j++)
		w[j] = ((uint32_t) in[4 * j] << 24) | ((uint32_t) in[4 * j + 1] << 16) |
			((uint32_t) in[4 * j + 2] << 8) | (uint32_t) in[4 * j + 3];
	for (int i = USCC_LEN - 1; i >= 0; i--)
	{
		uint64_t	rem = 0;

		for (int j = 0; j < 3; j++)
		{
			uint64_t	t = (rem << 32) | w[j];

			w[j] = (uint32_t) (t / 31);
			rem = t % 31;
		}
		code[i] = alphabet[rem];
	}
	return w[0] == 0 && w[1] == 0 && w[2] == 0;
}

const char *
uscc_code_authority_name(char authority)
{
	const authority_entry *a = find_authority(authority);

	return a ? a->name : NULL;
}

const char *
uscc_code_category_name(char authority, char category)
{
	const authority_entry *a = find_authority(authority);
	const char *p;

	if (a == NULL || category == '\0' || (p = strchr(a->categories, category)) == NULL)
		return NULL;
	return a->category_names[p - a->categories];
}

/* "1, 2, 3 or 9" from "1239" */
static void
list_categories(const char *cats, char *buf, size_t size)
{
	size_t		n = strlen(cats);
	size_t		off = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && off < size; i++)
	{
		const char *sep = i == 0 ? "" : (i == n - 1 ? " or " : ", ");
		int			w = snprintf(buf + off, size - off, "%s%c", sep, cats[i]);

		if (w < 0)
			break;
		off += (size_t) w;
	}
}

const char *
uscc_error_detail(const uscc_error *err, char *buf, size_t size)
{
	char		cats[64];
	const authority_entry *a;

	if (size == 0)
		return buf;
	switch (err->rule)
	{
		case USCC_OK:
			snprintf(buf, size, "The code is valid.");
			break;
		case USCC_BAD_LENGTH:
			if (err->length == 0)
				snprintf(buf, size, "The value is empty; %s.",
						 err->want_length == USCC_LEN ? "a unified social credit code has 18 characters"
						 : "uscc_make takes the first 17 characters of a code");
			else
				snprintf(buf, size, "The value has %d character%s after trimming white space; %s.",
						 err->length, err->length == 1 ? "" : "s",
						 err->want_length == USCC_LEN ? "a unified social credit code has 18"
						 : "uscc_make takes the first 17 characters of a code");
			break;
		case USCC_BAD_CHAR:
			if (err->found)
				snprintf(buf, size, "Character %d (\"%c\") is not allowed: the code alphabet is the digits and the "
						 "capital letters except I, O, S, V and Z.", err->position, err->found);
			else
				snprintf(buf, size, "Character %d is not allowed: the code alphabet is the digits and the "
						 "capital letters except I, O, S, V and Z.", err->position);
			break;
		case USCC_BAD_AUTHORITY:
			snprintf(buf, size, "Character 1 (\"%c\") is not a registration authority code (1-9, A, N or Y).",
					 err->found);
			break;
		case USCC_BAD_CATEGORY:
			a = find_authority(err->authority);
			list_categories(a ? a->categories : "", cats, sizeof(cats));
			snprintf(buf, size, "Character 2 (\"%c\") is not an institution category of registration authority "
					 "\"%c\", which allows %s.", err->found, err->authority, cats);
			break;
		case USCC_BAD_REGION:
			snprintf(buf, size, "Character %d (\"%c\") is not a digit: positions 3-8 hold the administrative "
					 "division code (GB/T 2260).", err->position, err->found);
			break;
		case USCC_BAD_CHECK:
			if (err->expected17 && err->expected18)
				snprintf(buf, size, "Character 17 (\"%c\") is not the check digit of organisation code \"%s\" "
						 "(GB 11714), and character 18 (\"%c\") is not the check character of the code "
						 "(GB 32100 mod 31).", err->found17, err->org, err->found18);
			else if (err->expected17)
				snprintf(buf, size, "Character 17 (\"%c\") is not the check digit of organisation code \"%s\" "
						 "(GB 11714).", err->found17, err->org);
			else
				snprintf(buf, size, "Character 18 (\"%c\") is not the check character of the code "
						 "(GB 32100 mod 31).", err->found18);
			break;
	}
	return buf;
}

const char *
uscc_error_hint(const uscc_error *err, char *buf, size_t size)
{
	if (err->rule != USCC_BAD_CHECK || size == 0)
		return NULL;
	if (err->expected17 && err->expected18)
		snprintf(buf, size, "The check characters should be \"%c\" (position 17) and \"%c\" (position 18).",
				 err->expected17, err->expected18);
	else if (err->expected17)
		snprintf(buf, size, "The organisation-code check digit (position 17) should be \"%c\".", err->expected17);
	else
		snprintf(buf, size, "The check character (position 18) should be \"%c\".", err->expected18);
	return buf;
}
