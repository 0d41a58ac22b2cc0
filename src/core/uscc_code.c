/*
 * uscc_code.c — unified social credit code (统一社会信用代码, GB 32100-2015): normalise, validate, pack.
 *
 * Plain C (no PostgreSQL headers) so that the unit test and the fuzz target link it directly.
 * Rules and sources: shared notes "uscc-and-id-rules.md" (GB 32100-2015, GB 11714-1997).
 */
#include "uscc_code.h"
#include "core_text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__SSE2__) && defined(__SIZEOF_INT128__)
#include <emmintrin.h>
#define USCC_SSE2 1
#endif

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

/* Allowed categories per authority as a bitmask of category digits (bit d: category 'd'); 0: not an authority.
 * The fast path of parsing uses it; the table below (names, messages) must agree — the unit test checks every pair. */
#define B(d) (1u << (d))
static const unsigned short category_mask[256] = {
	['1'] = B(1) | B(2) | B(3) | B(9),['2'] = B(1) | B(9),['3'] = B(1) | B(2) | B(3) | B(4) | B(5) | B(9),
	['4'] = B(1) | B(9),['5'] = B(1) | B(2) | B(3) | B(9),['6'] = B(1) | B(2) | B(9),['7'] = B(1) | B(2) | B(9),
	['8'] = B(1) | B(9),['9'] = B(1) | B(2) | B(3),['A'] = B(1) | B(9),['N'] = B(1) | B(2) | B(3) | B(9),
	['Y'] = B(1),
};
#undef B

/* 31^9: the packed value is H·31^9 + L, H and L the base-31 values of characters 1–9 and 10–18 */
#define POW31_9 UINT64_C(26439622160671)

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

/* uscc_check_char — GB 32100 mod-31 check character over positions 1–17 (declared in uscc_code.h). */
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

/* uscc_org_check_digit — GB 11714 check digit of an 8-character organisation code. */
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

/*
 * uscc_validate — the reference validator: checks the rules in order and describes the first one broken
 * (position, character, expected check characters). Slow path for errors; the fast paths are checked against it.
 */
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

/* ASCII white space, as trimmed by input */
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

/* Organisation-code value (0-9A-Z, A = 10) of each alphabet character; other bytes 0 (rejected elsewhere). */
static const unsigned char org_val[256] = {
	['0'] = 0,['1'] = 1,['2'] = 2,['3'] = 3,['4'] = 4,['5'] = 5,['6'] = 6,['7'] = 7,['8'] = 8,['9'] = 9,
	['A'] = 10,['B'] = 11,['C'] = 12,['D'] = 13,['E'] = 14,['F'] = 15,['G'] = 16,['H'] = 17,['J'] = 19,
	['K'] = 20,['L'] = 21,['M'] = 22,['N'] = 23,['P'] = 25,['Q'] = 26,['R'] = 27,['T'] = 29,['U'] = 30,
	['W'] = 32,['X'] = 33,['Y'] = 34,
};

/* 31^k for k = 8..0: positional weights of characters 1–9 (and 10–18) inside H (and L) */
static const uint64_t pow31[9] = {
	UINT64_C(852891037441), UINT64_C(27512614111), UINT64_C(887503681), UINT64_C(28629151), UINT64_C(923521),
	UINT64_C(29791), UINT64_C(961), UINT64_C(31), UINT64_C(1)
};

/* store h·31^9 + l big-endian in 12 bytes */
static inline void
store_packed(uint64_t h, uint64_t l, unsigned char out[USCC_PACKED_LEN])
{
#ifdef __SIZEOF_INT128__
	unsigned __int128 x = (unsigned __int128) h * POW31_9 + l;
	uint64_t	hi = (uint64_t) (x >> 64);
	uint64_t	lo = (uint64_t) x;

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint32_t	hi32 = __builtin_bswap32((uint32_t) hi);

	lo = __builtin_bswap64(lo);
	memcpy(out, &hi32, 4);
	memcpy(out + 4, &lo, 8);
#else
	out[0] = (unsigned char) (hi >> 24);
	out[1] = (unsigned char) (hi >> 16);
	out[2] = (unsigned char) (hi >> 8);
	out[3] = (unsigned char) hi;
	for (int i = 0; i < 8; i++)
		out[4 + i] = (unsigned char) (lo >> (56 - 8 * i));
#endif
#else
	/* h·31^9 + l with 32-bit limbs; h, l, 31^9 < 2^45 so every partial product fits in 64 bits */
	uint64_t	w1 = h >> 32,
				w2 = h & 0xffffffffu;
	uint64_t	m0 = POW31_9 >> 32,
				m1 = POW31_9 & 0xffffffffu;
	uint64_t	r2 = w2 * m1 + (l & 0xffffffffu);
	uint64_t	r1 = w2 * m0 + w1 * m1 + (r2 >> 32) + (l >> 32);
	uint64_t	r0 = w1 * m0 + (r1 >> 32);
	uint32_t	w[3] = {(uint32_t) r0, (uint32_t) r1, (uint32_t) r2};

	for (int j = 0; j < 3; j++)
	{
		out[4 * j] = (unsigned char) (w[j] >> 24);
		out[4 * j + 1] = (unsigned char) (w[j] >> 16);
		out[4 * j + 2] = (unsigned char) (w[j] >> 8);
		out[4 * j + 3] = (unsigned char) w[j];
	}
#endif
}

/*
 * fast_accept — every rule in one pass over 18 canonical characters, packing into out when all pass.
 * False on any defect (structure or check characters); the caller then asks uscc_validate for the exact error.
 * This is the bulk-load path (COPY of millions of codes), hence the single pass and no branches per character.
 */
static inline bool
fast_accept_scalar(const char *code, unsigned char out[USCC_PACKED_LEN])
{
	const unsigned char *c = (const unsigned char *) code;
	unsigned	any = 0;
	unsigned	ksum = 0;
	unsigned	osum;
	uint64_t	h = 0,
				l = 0;
	int			c9;
	char		c17;
	unsigned char c1 = c[1];

	/*
	 * Per character: its alphabet value (a byte outside the alphabet wraps to UINT_MAX, caught by any >= 32),
	 * one Horner step in base 31 (h: characters 1-9, l: 10-18) and its term of the mod-31 check sum.
	 * Written out so that each value dies young (few live registers) and the weights are constants.
	 */
#define STEP(acc, i, w) do { \
		unsigned v_ = (unsigned) alpha_val[c[i]] - 1; \
		any |= v_; \
		acc = acc * 31 + v_; \
		ksum += v_ * (w); \
	} while (0)
	STEP(h, 0, 1);
	STEP(h, 1, 3);
	STEP(h, 2, 9);
	STEP(h, 3, 27);
	STEP(h, 4, 19);
	STEP(h, 5, 26);
	STEP(h, 6, 16);
	STEP(h, 7, 17);
	STEP(h, 8, 20);
	STEP(l, 9, 29);
	STEP(l, 10, 25);
	STEP(l, 11, 13);
	STEP(l, 12, 8);
	STEP(l, 13, 24);
	STEP(l, 14, 10);
	STEP(l, 15, 30);
	STEP(l, 16, 28);
	STEP(l, 17, 0);
#undef STEP
	/* region: alphabet letters have bit 0x40, digits do not */
	if (any >= 32 || ((c[2] | c[3] | c[4] | c[5] | c[6] | c[7]) & 0x40) ||
		c1 < '0' || c1 > '9' || !((category_mask[c[0]] >> (c1 - '0')) & 1))
		return false;
	/* GB 11714 over positions 9..16 */
	osum = org_val[c[8]] * 3 + org_val[c[9]] * 7 + org_val[c[10]] * 9 + org_val[c[11]] * 10 + org_val[c[12]] * 5 + org_val[c[13]] * 8 + org_val[c[14]] * 4 + org_val[c[15]] * 2;
	c9 = 11 - (int) (osum % 11);
	c17 = c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
	if (code[16] != c17 || code[17] != alphabet[(31 - ksum % 31) % 31])
		return false;
	if (out)
		store_packed(h, l, out);
	return true;
}

#ifdef USCC_SSE2
/*
 * fast_accept_sse2 — fast_accept with SSE2 (every x86-64 CPU): characters 1–16 are classified, valued and weighted
 * 16 at a time; 17 and 18 and the authority/category pair are scalar. Same answers and the same packed bytes as
 * the scalar version and as uscc_validate + uscc_pack (checked by the unit test and the fuzz target).
 */
static inline bool
fast_accept_sse2(const char *code, unsigned char out[USCC_PACKED_LEN])
{
	const unsigned char *c = (const unsigned char *) code;
	const __m128i zero = _mm_setzero_si128();
	__m128i		x = _mm_loadu_si128((const __m128i *) c);
	__m128i		d = _mm_sub_epi8(x, _mm_set1_epi8('0'));
	__m128i		lt = _mm_sub_epi8(x, _mm_set1_epi8('A'));
	/* unsigned d <= 9: a digit; unsigned lt <= 24: a letter A..Y; minus I, O, S, V */
	__m128i		isdig = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
	__m128i		islet = _mm_cmpeq_epi8(_mm_min_epu8(lt, _mm_set1_epi8(24)), lt);
	__m128i		excl = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('I')),
												 _mm_cmpeq_epi8(x, _mm_set1_epi8('O'))),
									_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('S')),
												 _mm_cmpeq_epi8(x, _mm_set1_epi8('V'))));
	__m128i		ok = _mm_or_si128(isdig, _mm_andnot_si128(excl, islet));
	__m128i		orgv,
				v,
				vlo,
				vhi,
				ks,
				os,
				p16,
				q;
	unsigned	a16 = (unsigned) alpha_val[c[16]] - 1;
	unsigned	a17 = (unsigned) alpha_val[c[17]] - 1;
	unsigned char c1 = c[1];
	unsigned	ksum,
				osum;
	int			c9;
	char		c17;
	uint32_t	qv[4];
	uint64_t	a,
				b;

	if (_mm_movemask_epi8(ok) != 0xFFFF || (a16 | a17) >= 32 ||
		(_mm_movemask_epi8(isdig) & 0xFC) != 0xFC ||	/* region, positions 3-8 */
		c1 < '0' || c1 > '9' || !((category_mask[c[0]] >> (c1 - '0')) & 1))
		return false;
	/* GB 11714 values: digits 0-9, letters A=10 .. Z=35; alphabet values skip I, O, S, V (cmpgt gives -1) */
	orgv = _mm_or_si128(_mm_and_si128(isdig, d), _mm_andnot_si128(isdig, _mm_add_epi8(lt, _mm_set1_epi8(10))));
	v = _mm_add_epi8(_mm_add_epi8(orgv, _mm_cmpgt_epi8(x, _mm_set1_epi8('I'))),
					 _mm_add_epi8(_mm_cmpgt_epi8(x, _mm_set1_epi8('O')),
								  _mm_add_epi8(_mm_cmpgt_epi8(x, _mm_set1_epi8('S')),
											   _mm_cmpgt_epi8(x, _mm_set1_epi8('V')))));
	vlo = _mm_unpacklo_epi8(v, zero);
	vhi = _mm_unpackhi_epi8(v, zero);
	/* mod-31 check sum of positions 1..16 (+ 17 below), GB 11714 sum of 9..16 */
	ks = _mm_add_epi32(_mm_madd_epi16(vlo, _mm_setr_epi16(1, 3, 9, 27, 19, 26, 16, 17)),
					   _mm_madd_epi16(vhi, _mm_setr_epi16(20, 29, 25, 13, 8, 24, 10, 30)));
	os = _mm_madd_epi16(_mm_unpackhi_epi8(orgv, zero), _mm_setr_epi16(3, 7, 9, 10, 5, 8, 4, 2));
	ks = _mm_add_epi32(ks, _mm_shuffle_epi32(ks, 0x4E));
	ks = _mm_add_epi32(ks, _mm_shuffle_epi32(ks, 0xB1));
	os = _mm_add_epi32(os, _mm_shuffle_epi32(os, 0x4E));
	os = _mm_add_epi32(os, _mm_shuffle_epi32(os, 0xB1));
	ksum = (unsigned) _mm_cvtsi128_si32(ks) + a16 * 28;
	osum = (unsigned) _mm_cvtsi128_si32(os);
	c9 = 11 - (int) (osum % 11);
	c17 = c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
	if (code[16] != c17 || code[17] != alphabet[(31 - ksum % 31) % 31])
		return false;
	if (out)
	{
		/*
		 * value = Σ v_i·31^(17-i) = Σ P_k·961^(8-k), P_k = 31·v_2k + v_2k+1; Q_j = 961·P_2j + P_2j+1 (j < 4);
		 * value = (Q0·961² + Q1)·961^5 + (Q2·961² + Q3)·961 + P_8.
		 */
		const __m128i w31 = _mm_setr_epi16(31, 1, 31, 1, 31, 1, 31, 1);

		p16 = _mm_packs_epi32(_mm_madd_epi16(vlo, w31), _mm_madd_epi16(vhi, w31));
		q = _mm_madd_epi16(p16, _mm_setr_epi16(961, 1, 961, 1, 961, 1, 961, 1));
		_mm_storeu_si128((__m128i *) qv, q);
		a = (uint64_t) qv[0] * 923521 + qv[1];
		b = ((uint64_t) qv[2] * 923521 + qv[3]) * 961 + a16 * 31 + a17;
		{
			unsigned __int128 xv = (unsigned __int128) a * UINT64_C(819628286980801) + b;	/* 961^5 = 31^10 */
			/* SSE2 implies x86-64, little-endian: store big-endian with byte swaps */
			uint32_t	hi = __builtin_bswap32((uint32_t) (xv >> 64));
			uint64_t	lo = __builtin_bswap64((uint64_t) xv);

			memcpy(out, &hi, 4);
			memcpy(out + 4, &lo, 8);
		}
	}
	return true;
}
#endif

/* fast_accept — every rule on 18 canonical characters in one pass, packing when all pass (bulk-load path). */
static inline bool
fast_accept(const char *code, unsigned char out[USCC_PACKED_LEN])
{
#ifdef USCC_SSE2
	return fast_accept_sse2(code, out);
#else
	return fast_accept_scalar(code, out);
#endif
}

/* uscc_fast_accept_portable — the scalar fast path, exported for tests on SSE2 machines. */
bool
uscc_fast_accept_portable(const char code[USCC_LEN], unsigned char out[USCC_PACKED_LEN])
{
	return fast_accept_scalar(code, out);
}

/* uscc_parse_pack — input as the type sees it: fast path for canonical text, else normalise and validate. */
uscc_rule
uscc_parse_pack(const char *in, size_t len, char code[USCC_LEN], unsigned char *out, bool *flagged,
				uscc_error *err)
{
	uscc_rule	r;

	/* fast path: already canonical and valid (the common case in bulk loads and dumps) */
	if (len == USCC_LEN || (len == USCC_LEN + 1 && in[USCC_LEN] == '!'))
	{
		memcpy(code, in, USCC_LEN);
		*flagged = len == USCC_LEN + 1;
		if (fast_accept(code, out))
			return USCC_OK;
	}
	if (normalise(in, len, code, USCC_LEN, true, flagged) != USCC_LEN)
		return uscc_parse(in, len, code, flagged, err);		/* the length error, described there */
	if (fast_accept(code, out))
		return USCC_OK;
	r = uscc_validate(code, err);
	if (out && (r == USCC_OK || r == USCC_BAD_CHECK))
		uscc_pack(code, out);
	return r;
}

/* uscc_parse — reference parser: normalise, then uscc_validate (no fast path; used by tests and the fuzzer). */
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

/* uscc_make_code — 17 characters in, the mod-31 check character appended (for generators). */
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

/* uscc_code_is_verified — both check characters right (a stored value is flagged when not). */
bool
uscc_code_is_verified(const char code[USCC_LEN])
{
	char		c17,
				c18;

	expected_checks(code, &c17, &c18);
	return code[16] == c17 && code[17] == c18;
}

/* uscc_code_correct — recompute positions 17 and 18 in place. */
void
uscc_code_correct(char code[USCC_LEN])
{
	expected_checks(code, &code[16], &code[17]);
}

/* uscc_pack — 18 alphabet characters to 12 big-endian bytes, H·31^9 + L (order-preserving). */
void
uscc_pack(const char code[USCC_LEN], unsigned char out[USCC_PACKED_LEN])
{
	uint64_t	h = 0,
				l = 0;

	for (int i = 0; i < 9; i++)
	{
		h += (uint64_t) (alpha_val[(unsigned char) code[i]] - 1) * pow31[i];
		l += (uint64_t) (alpha_val[(unsigned char) code[9 + i]] - 1) * pow31[i];
	}
	store_packed(h, l, out);
}

/* uscc_unpack — inverse of uscc_pack; false for bytes that are no packed code (value ≥ 31^18). */
bool
uscc_unpack(const unsigned char in[USCC_PACKED_LEN], char code[USCC_LEN])
{
	uint64_t	h,
				l;

#ifdef __SIZEOF_INT128__
	unsigned __int128 x = 0;

	for (int i = 0; i < USCC_PACKED_LEN; i++)
		x = (x << 8) | in[i];
	h = (uint64_t) (x / POW31_9);
	l = (uint64_t) (x % POW31_9);
	if (x / POW31_9 >= POW31_9)
		return false;
#else
	uint32_t	w[3];
	uint64_t	rem = 0;

	for (int j = 0; j < 3; j++)
		w[j] = ((uint32_t) in[4 * j] << 24) | ((uint32_t) in[4 * j + 1] << 16) |
			((uint32_t) in[4 * j + 2] << 8) | (uint32_t) in[4 * j + 3];
	/* long division of the 96-bit value by 31^9 (< 2^45) in 16-bit steps keeps every partial product in 64 bits */
	{
		uint64_t	q = 0;

		for (int j = 0; j < 3; j++)
			for (int half = 1; half >= 0; half--)
			{
				uint64_t	t = (rem << 16) | ((w[j] >> (16 * half)) & 0xffffu);

				q = (q << 16) | (t / POW31_9);
				rem = t % POW31_9;
			}
		h = q;
		l = rem;
		if (h >= POW31_9)
			return false;
	}
#endif
	for (int i = USCC_LEN - 1; i >= 9; i--)
	{
		code[i] = alphabet[l % 31];
		l /= 31;
	}
	for (int i = 8; i >= 0; i--)
	{
		code[i] = alphabet[h % 31];
		h /= 31;
	}
	return true;
}

/* uscc_code_authority_name — GB 32100 name of a registration authority, NULL if none. */
const char *
uscc_code_authority_name(char authority)
{
	const authority_entry *a = find_authority(authority);

	return a ? a->name : NULL;
}

/* uscc_code_category_name — GB 32100 name of an institution category of an authority, NULL if none. */
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
		/* translator: the separators of a list of categories, "1, 2, 3 or 9" */
		const char *sep = i == 0 ? "" : (i == n - 1 ? core_text(" or ") : core_text(", "));
		int			w = snprintf(buf + off, size - off, "%s%c", sep, cats[i]);

		if (w < 0)
			break;
		off += (size_t) w;
	}
}

/* uscc_error_detail — the errdetail / uscc_explain sentence for an error. */
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
			snprintf(buf, size, core_text("The code is valid."));
			break;
		case USCC_BAD_LENGTH:
			if (err->length == 0)
				snprintf(buf, size, core_text("The value is empty; %s."),
						 err->want_length == USCC_LEN ? core_text("a unified social credit code has 18 characters")
						 : core_text("uscc_make takes the first 17 characters of a code"));
			else
				snprintf(buf, size, core_ntext("The value has %d character after trimming white space; %s.",
											   "The value has %d characters after trimming white space; %s.",
											   (unsigned long) err->length),
						 err->length,
						 err->want_length == USCC_LEN ? core_text("a unified social credit code has 18")
						 : core_text("uscc_make takes the first 17 characters of a code"));
			break;
		case USCC_BAD_CHAR:
			if (err->found)
				snprintf(buf, size, core_text("Character %d (\"%c\") is not allowed: the code alphabet is the digits and the "
						 "capital letters except I, O, S, V and Z."), err->position, err->found);
			else
				snprintf(buf, size, core_text("Character %d is not allowed: the code alphabet is the digits and the "
						 "capital letters except I, O, S, V and Z."), err->position);
			break;
		case USCC_BAD_AUTHORITY:
			snprintf(buf, size, core_text("Character 1 (\"%c\") is not a registration authority code (1-9, A, N or Y)."),
					 err->found);
			break;
		case USCC_BAD_CATEGORY:
			a = find_authority(err->authority);
			list_categories(a ? a->categories : "", cats, sizeof(cats));
			snprintf(buf, size, core_text("Character 2 (\"%c\") is not an institution category of registration authority "
					 "\"%c\", which allows %s."), err->found, err->authority, cats);
			break;
		case USCC_BAD_REGION:
			snprintf(buf, size, core_text("Character %d (\"%c\") is not a digit: positions 3-8 hold the administrative "
					 "division code (GB/T 2260)."), err->position, err->found);
			break;
		case USCC_BAD_CHECK:
			if (err->expected17 && err->expected18)
				snprintf(buf, size, core_text("Character 17 (\"%c\") is not the check digit of organisation code \"%s\" "
						 "(GB 11714), and character 18 (\"%c\") is not the check character of the code "
						 "(GB 32100 mod 31)."), err->found17, err->org, err->found18);
			else if (err->expected17)
				snprintf(buf, size, core_text("Character 17 (\"%c\") is not the check digit of organisation code \"%s\" "
						 "(GB 11714)."), err->found17, err->org);
			else
				snprintf(buf, size, core_text("Character 18 (\"%c\") is not the check character of the code "
						 "(GB 32100 mod 31)."), err->found18);
			break;
	}
	return buf;
}

/* uscc_error_hint — the expected check characters, for errhint; NULL for structural errors. */
const char *
uscc_error_hint(const uscc_error *err, char *buf, size_t size)
{
	if (err->rule != USCC_BAD_CHECK || size == 0)
		return NULL;
	if (err->expected17 && err->expected18)
		snprintf(buf, size, core_text("The check characters should be \"%c\" (position 17) and \"%c\" (position 18)."),
				 err->expected17, err->expected18);
	else if (err->expected17)
		snprintf(buf, size, core_text("The organisation-code check digit (position 17) should be \"%c\"."), err->expected17);
	else
		snprintf(buf, size, core_text("The check character (position 18) should be \"%c\"."), err->expected18);
	return buf;
}
