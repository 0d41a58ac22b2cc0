/*
 * resident_id_code.h — citizen identity number (公民身份号码, GB 11643-1999) in plain C.
 *
 * No PostgreSQL headers: the parser, validator and packer are linked directly by the C unit test
 * (test/unit/resident_id_code_test.c) and the libFuzzer target (test/fuzz/resident_id_code_fuzz.c).
 * src/resident_id.c is the SQL glue.
 *
 * Layout (18 characters): AAAAAA YYYYMMDD SSS C — GB/T 2260 division code of the place of household registration,
 * date of birth, sequence number (odd: male, even: female), ISO 7064 MOD 11-2 check character ('X' for 10).
 * Legacy form (15 digits, issued before 1999): AAAAAA YYMMDD SSS, years 19YY, no check character; it is
 * converted to 18 characters by inserting "19" and appending the computed check character.
 *
 * Packing: the first 17 digits determine the check character, so a number is stored as the integer value of its
 * 17 digits (0 … 10^17 − 1 < 2^63). Integer order equals the text order of the 18-character canonical form.
 */
#ifndef CREDIT_GZ_RESIDENT_ID_CODE_H
#define CREDIT_GZ_RESIDENT_ID_CODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RID_LEN			18		/* characters of the canonical form */
#define RID_LEGACY_LEN	15		/* digits of the legacy form */
#define RID_MIN_YEAR	1850	/* earliest plausible year of birth */
#define RID_MAX_YEAR	2099	/* latest year accepted (the type cannot know today's date: input is immutable) */
#define RID_PACKED_LIMIT INT64_C(100000000000000000)	/* 10^17: packed values are below this */

/* The rule an input breaks; RID_OK when none. Order = order of checking. */
typedef enum rid_rule
{
	RID_OK = 0,
	RID_BAD_LENGTH,				/* not 18 characters (nor 15) after trimming */
	RID_BAD_CHAR,				/* a character that is not a digit (or 'X' at position 18) */
	RID_BAD_YEAR,				/* year of birth outside RID_MIN_YEAR … RID_MAX_YEAR */
	RID_BAD_MONTH,				/* month of birth not 01–12 */
	RID_BAD_DAY,				/* day of birth does not exist in that month */
	RID_BAD_CHECK				/* only the check character (position 18) is wrong */
} rid_rule;

/* Where and why an input is not a valid number; filled by rid_parse / rid_validate. */
typedef struct rid_error
{
	rid_rule	rule;
	int			position;		/* 1-based character position of the defect in the input as written; 0: length */
	int			length;			/* characters seen (RID_BAD_LENGTH) */
	char		found;			/* offending character as ASCII; 0 when not representable (non-ASCII) */
	bool		legacy;			/* the input had the 15-digit form */
	int			year;			/* RID_BAD_YEAR / MONTH / DAY: the date parts read */
	int			month;
	int			day;
	char		expected;		/* RID_BAD_CHECK: the right check character */
} rid_error;

/*
 * Normalise and validate text (UTF-8, not necessarily NUL-terminated): trims white space (ASCII and U+3000),
 * maps full-width digits U+FF10–U+FF19 and full-width X/x (U+FF38, U+FF58) to ASCII, accepts lower-case 'x',
 * converts the legacy 15-digit form. On RID_OK and on RID_BAD_CHECK, code[] holds 18 canonical characters
 * (not NUL-terminated; on RID_BAD_CHECK with the character as found). *legacy tells whether the input had 15 digits
 * (may be NULL).
 */
extern rid_rule rid_parse(const char *in, size_t len, char code[RID_LEN], bool *legacy, rid_error *err);

/* rid_parse, then rid_pack: the packed value in *value on RID_OK (one pass for clean 18-character input). */
extern rid_rule rid_parse_value(const char *in, size_t len, int64_t *value, rid_error *err);

/* Validate 18 canonical characters (digits, 'X' only at 18); same rules and error as rid_parse. */
extern rid_rule rid_validate(const char code[RID_LEN], rid_error *err);

/* ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') over 17 digits; 0 if one is not a digit. */
extern char rid_check_char(const char digits17[17]);

/* Whether year/month/day is a real Gregorian date (any year ≥ 1). */
extern bool rid_date_exists(int year, int month, int day);

/* Pack the 17 leading digits of a canonical code into their integer value. */
extern int64_t rid_pack(const char code[RID_LEN]);

/* Unpack into 18 canonical characters (check character computed); false when v is outside 0 … 10^17 − 1. */
extern bool rid_unpack(int64_t v, char code[RID_LEN]);

/* Date of birth, sex (true: male — odd sequence number) and region of a canonical code. */
extern void rid_birth_date(const char code[RID_LEN], int *year, int *month, int *day);
extern bool rid_is_male(const char code[RID_LEN]);

/* Masked form for disclosure: first 6 and last 4 characters, the 8 between as '*'; out gets 18 chars + NUL. */
extern void rid_mask(const char code[RID_LEN], char out[RID_LEN + 1]);

/*
 * English sentence(s) for errdetail/resident_id_explain (with a full stop), and for errhint (NULL unless the only
 * defect is the check character). Written into buf (NUL-terminated, truncated to size); return buf.
 */
extern const char *rid_error_detail(const rid_error *err, char *buf, size_t size);
extern const char *rid_error_hint(const rid_error *err, char *buf, size_t size);

#endif							/* CREDIT_GZ_RESIDENT_ID_CODE_H */
