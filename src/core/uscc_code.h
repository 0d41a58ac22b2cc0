/*
 * uscc_code.h — unified social credit code (统一社会信用代码, GB 32100-2015) in plain C.
 *
 * No PostgreSQL headers: the parser, validator and packer are linked directly by the C unit test
 * (test/unit/uscc_code_test.c) and the libFuzzer target (test/fuzz/uscc_code_fuzz.c). src/uscc.c is the SQL glue.
 *
 * Layout: R C DDDDDD OOOOOOOOO K — registration authority, institution category, GB/T 2260 division code,
 * GB 11714 organisation code (8 characters + its check digit), mod-31 check character.
 */
#ifndef CREDIT_GZ_USCC_CODE_H
#define CREDIT_GZ_USCC_CODE_H

#include <stdbool.h>
#include <stddef.h>

#define USCC_LEN		18		/* characters in a code */
#define USCC_PACKED_LEN 12		/* bytes: 31^18 < 2^90 */
#define USCC_ALPHABET	"0123456789ABCDEFGHJKLMNPQRTUWXY"

/* The rule an input breaks; USCC_OK when none. Order = order of checking. */
typedef enum uscc_rule
{
	USCC_OK = 0,
	USCC_BAD_LENGTH,			/* not 18 characters after trimming (and after one trailing '!') */
	USCC_BAD_CHAR,				/* a character outside the 31-character alphabet */
	USCC_BAD_AUTHORITY,			/* position 1 is not a registration authority */
	USCC_BAD_CATEGORY,			/* position 2 is not a category of that authority */
	USCC_BAD_REGION,			/* positions 3–8 are not all digits */
	USCC_BAD_CHECK				/* only check characters (position 17 and/or 18) are wrong */
} uscc_rule;

/* Where and why an input is not a valid code; filled by uscc_parse / uscc_validate. */
typedef struct uscc_error
{
	uscc_rule	rule;
	int			position;		/* 1-based character position of the defect; 0 for length */
	int			length;			/* characters seen (USCC_BAD_LENGTH) */
	char		found;			/* offending character as folded ASCII; 0 when not representable */
	char		authority;		/* USCC_BAD_CATEGORY: the authority at position 1 */
	char		expected17;		/* USCC_BAD_CHECK: right organisation-code check digit, 0 if position 17 is right */
	char		expected18;		/* USCC_BAD_CHECK: right check character (after fixing 17), 0 if 18 is right */
	char		found17;		/* USCC_BAD_CHECK: characters found at 17 and 18 */
	char		found18;
	char		org[9];			/* USCC_BAD_CHECK: the 8 organisation-code characters, NUL-terminated */
	int			want_length;	/* USCC_BAD_LENGTH: 18, or 17 for uscc_make_code */
} uscc_error;

/*
 * Normalise and validate text (UTF-8, not necessarily NUL-terminated): trims white space (ASCII and U+3000),
 * folds to upper case, maps full-width forms U+FF10–U+FF5A to ASCII, strips one trailing '!' (or U+FF01) into
 * *flagged. On USCC_OK and on USCC_BAD_CHECK, code[] holds the 18 canonical characters (not NUL-terminated).
 */
extern uscc_rule uscc_parse(const char *in, size_t len, char code[USCC_LEN], bool *flagged, uscc_error *err);

/*
 * uscc_parse, then pack into out (when not NULL) if the result is USCC_OK or USCC_BAD_CHECK. Same results as
 * uscc_parse followed by uscc_pack, with a fast path for input that is already canonical (bulk loads).
 */
extern uscc_rule uscc_parse_pack(const char *in, size_t len, char code[USCC_LEN], unsigned char *out,
								 bool *flagged, uscc_error *err);

/*
 * The portable (non-SIMD) fast path on 18 characters: true and packed when every rule passes. Exported so that the
 * unit test and the fuzz target check it on machines where uscc_parse_pack uses SSE2.
 */
extern bool uscc_fast_accept_portable(const char code[USCC_LEN], unsigned char out[USCC_PACKED_LEN]);

/*
 * uscc_make: normalise 17 characters as uscc_parse does (no '!'), validate them (the organisation-code check digit
 * at position 17 included) and append the mod-31 check character. USCC_OK or the rule broken.
 */
extern uscc_rule uscc_make_code(const char *in, size_t len, char code[USCC_LEN], uscc_error *err);

/* Validate 18 canonical (upper-case ASCII) characters; same rules and error as uscc_parse. */
extern uscc_rule uscc_validate(const char code[USCC_LEN], uscc_error *err);

/* Whether both check characters of an already structurally valid code are right. */
extern bool uscc_code_is_verified(const char code[USCC_LEN]);

/* Mod-31 check character (position 18) over 17 characters of the alphabet; 0 if one is not in it. */
extern char uscc_check_char(const char code17[17]);

/* GB 11714 check digit ('0'–'9' or 'X') over the 8 organisation-code characters (0-9A-Z); 0 if invalid. */
extern char uscc_org_check_digit(const char org8[8]);

/* Replace positions 17 and 18 of a structurally valid code by the right check characters. */
extern void uscc_code_correct(char code[USCC_LEN]);

/* Pack 18 alphabet characters into 12 big-endian bytes (memcmp order == text order). */
extern void uscc_pack(const char code[USCC_LEN], unsigned char out[USCC_PACKED_LEN]);

/* Unpack; false when the bytes are not a packed code (value ≥ 31^18). */
extern bool uscc_unpack(const unsigned char in[USCC_PACKED_LEN], char code[USCC_LEN]);

/* Names from GB 32100-2015 (UTF-8 Chinese); NULL when the authority/category pair is not in the table. */
extern const char *uscc_code_authority_name(char authority);
extern const char *uscc_code_category_name(char authority, char category);

/*
 * English sentence(s) for errdetail/uscc_explain (with a full stop), and for errhint (NULL unless the only defect
 * is a check character). Written into buf (NUL-terminated, truncated to size); return buf.
 */
extern const char *uscc_error_detail(const uscc_error *err, char *buf, size_t size);
extern const char *uscc_error_hint(const uscc_error *err, char *buf, size_t size);

#endif							/* CREDIT_GZ_USCC_CODE_H */
