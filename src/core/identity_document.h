/*
 * identity_document.h — numbers of the identity documents of natural persons other than the resident identity card
 * (外国人永久居留身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 护照), in plain C.
 *
 * No PostgreSQL headers: linked directly by the C unit test (test/unit/identity_document_test.c). src/identity_document.c
 * is the SQL glue; the catalogue credit_gz.identity_document_type maps each document type to one of these layouts.
 *
 * Each layout normalises (white space dropped, ASCII letters upper-cased) and validates what its issuer documents:
 *   permanent_residence  外国人永久居留身份证. 2023 form (国家移民管理局《新版外国人永久居留身份证机读信息规则》):
 *                        18 characters, '9' first, 17 digits and a MOD 11-2 check character as GB 11643. 2017 form:
 *                        3 Latin letters (nationality) and 12 digits, no published check.
 *   hk_macao_permit      港澳居民来往内地通行证 (公安部出入境管理局, 号码规则 2010): 'H' (Hong Kong) or 'M' (Macao),
 *                        the holder's 8-digit lifelong number, on the older card 2 more digits counting renewals.
 *                        The identity is the lifelong part: the renewal count is dropped.
 *   taiwan_permit        台湾居民来往大陆通行证 ("一人一号、终身不变", 2008-09-25): the 8-digit lifelong number; the
 *                        1992 form adds 2 digits counting issues and, in brackets, the issuing office (a letter or a
 *                        digit). The identity is the lifelong part.
 *   passport             护照: no national standard for the number. ICAO Doc 9303 writes document numbers in A–Z and
 *                        0–9, and a number is unique only for its issuing state, so the form is the issuing state's
 *                        code (1–3 letters, Doc 9303 Part 3) and the number (5–20 characters) joined by '/'.
 */
#ifndef CREDIT_GZ_IDENTITY_DOCUMENT_H
#define CREDIT_GZ_IDENTITY_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#define IDOC_MAX_LEN	32		/* longest canonical form (passport: 3 + 1 + 20) with room to spare */
#define IDOC_MAX_INPUT	64		/* longer input is refused before it is normalised */

typedef enum idoc_layout
{
	IDOC_PERMANENT_RESIDENCE,
	IDOC_HK_MACAO_PERMIT,
	IDOC_TAIWAN_PERMIT,
	IDOC_PASSPORT
} idoc_layout;

/* The rule an input breaks; IDOC_OK when none. */
typedef enum idoc_rule
{
	IDOC_OK = 0,
	IDOC_EMPTY,					/* nothing but white space */
	IDOC_TOO_LONG,				/* more than IDOC_MAX_INPUT bytes */
	IDOC_BAD_CHAR,				/* a character the layout never uses */
	IDOC_BAD_FORM,				/* the characters do not make any form of the layout */
	IDOC_BAD_CHECK				/* 2023 permanent residence: only the check character is wrong */
} idoc_rule;

typedef struct idoc_error
{
	idoc_rule	rule;
	int			position;		/* IDOC_BAD_CHAR: 1-based position in the input as written */
	char		expected;		/* IDOC_BAD_CHECK: the right check character */
} idoc_error;

/* The layout named name (NUL-terminated); false when there is none of that name. */
extern bool idoc_layout_of(const char *name, idoc_layout *layout);

/*
 * Normalise and validate in (not necessarily NUL-terminated). On IDOC_OK out holds the canonical form,
 * NUL-terminated (at most IDOC_MAX_LEN characters). err may be NULL.
 */
extern idoc_rule idoc_canonical(idoc_layout layout, const char *in, size_t len, char out[IDOC_MAX_LEN + 1],
								idoc_error *err);

/* Mask a canonical number for public disclosure: the first two and the last two characters kept, '*' between. */
extern void idoc_mask(const char *canonical, char out[IDOC_MAX_LEN + 1]);

/* One English sentence on why the input was refused, naming the layout's forms. */
extern const char *idoc_error_detail(idoc_layout layout, const idoc_error *err, char *buf, size_t size);

#endif
