/*
 * identity_document_test.c — unit tests of src/core/identity_document.c: every form of each layout, normalisation,
 * the lifelong-number rule (renewal and issue counts dropped), the 2023 permanent residence check character
 * (MOD 11-2 computed independently), refusals with their details, and masking.
 */
#include <stdlib.h>

#include "identity_document.h"
#include "unit.h"

/* Canonical form of s under layout, or "" when refused. */
static const char *
canon(idoc_layout layout, const char *s)
{
	static char out[IDOC_MAX_LEN + 1];

	if (idoc_canonical(layout, s, strlen(s), out, NULL) != IDOC_OK)
		return "";
	return out;
}

static idoc_rule
rule_of(idoc_layout layout, const char *s, idoc_error *err)
{
	char		out[IDOC_MAX_LEN + 1];

	return idoc_canonical(layout, s, strlen(s), out, err);
}

static const char *
detail_of(idoc_layout layout, const char *s)
{
	static char buf[512];
	idoc_error	err;

	rule_of(layout, s, &err);
	return idoc_error_detail(layout, &err, buf, sizeof(buf));
}

int
main(void)
{
	idoc_layout l;
	idoc_error	err;
	char		m[IDOC_MAX_LEN + 1];

	/* catalogue names */
	CHECK(idoc_layout_of("permanent_residence", &l) && l == IDOC_PERMANENT_RESIDENCE, "layout permanent_residence");
	CHECK(idoc_layout_of("hk_macao_permit", &l) && l == IDOC_HK_MACAO_PERMIT, "layout hk_macao_permit");
	CHECK(idoc_layout_of("taiwan_permit", &l) && l == IDOC_TAIWAN_PERMIT, "layout taiwan_permit");
	CHECK(idoc_layout_of("passport", &l) && l == IDOC_PASSPORT, "layout passport");
	CHECK(!idoc_layout_of("gb11643", &l), "the resident identity card has its own type, no layout here");

	/* 外国人永久居留身份证, 2023 form: check characters computed by hand from the GB 11643 weights */
	CHECK_STR(canon(IDOC_PERMANENT_RESIDENCE, "944840198501010018"), "944840198501010018", "2023 form valid");
	CHECK_STR(canon(IDOC_PERMANENT_RESIDENCE, " 9318 4019 9002 1500 24 "), "931840199002150024",
			  "2023 form: spaces dropped");
	CHECK(rule_of(IDOC_PERMANENT_RESIDENCE, "944840198501010017", &err) == IDOC_BAD_CHECK && err.expected == '8',
		  "2023 form: wrong check character, the right one named");
	CHECK(rule_of(IDOC_PERMANENT_RESIDENCE, "844840198501010018", &err) == IDOC_BAD_FORM,
		  "an 18-digit number not starting with 9 is no permanent residence number");
	/* 2017 form */
	CHECK_STR(canon(IDOC_PERMANENT_RESIDENCE, "usa440185010101"), "USA440185010101", "2017 form, upper-cased");
	CHECK(rule_of(IDOC_PERMANENT_RESIDENCE, "US4440185010101", &err) == IDOC_BAD_FORM, "2017 form needs 3 letters");
	CHECK(rule_of(IDOC_PERMANENT_RESIDENCE, "USA44018501010", &err) == IDOC_BAD_FORM, "2017 form needs 12 digits");
	CHECK(rule_of(IDOC_PERMANENT_RESIDENCE, "USA-440185010101", &err) == IDOC_BAD_CHAR && err.position == 4,
		  "a hyphen is named by its position");

	/* 港澳居民来往内地通行证 */
	CHECK_STR(canon(IDOC_HK_MACAO_PERMIT, "H12345678"), "H12345678", "Hong Kong, current card");
	CHECK_STR(canon(IDOC_HK_MACAO_PERMIT, "m1234567801"), "M12345678", "Macao, older card: renewal count dropped");
	CHECK_STR(canon(IDOC_HK_MACAO_PERMIT, "H1234567800"), canon(IDOC_HK_MACAO_PERMIT, "H1234567803"),
			  "every renewal of one holder is one identity");
	CHECK(rule_of(IDOC_HK_MACAO_PERMIT, "K12345678", &err) == IDOC_BAD_FORM, "only H and M");
	CHECK(rule_of(IDOC_HK_MACAO_PERMIT, "H1234567", &err) == IDOC_BAD_FORM, "8 digits needed");
	CHECK(rule_of(IDOC_HK_MACAO_PERMIT, "H123456789", &err) == IDOC_BAD_FORM, "9 digits make no form");

	/* 台湾居民来往大陆通行证 */
	CHECK_STR(canon(IDOC_TAIWAN_PERMIT, "01234567"), "01234567", "Taiwan, lifelong number");
	CHECK_STR(canon(IDOC_TAIWAN_PERMIT, "0123456702"), "01234567", "issue count dropped");
	CHECK_STR(canon(IDOC_TAIWAN_PERMIT, "0123456702(B)"), "01234567", "1992 form with issuing office");
	CHECK_STR(canon(IDOC_TAIWAN_PERMIT, "0123456702(b)"), "01234567", "issuing office upper-cased");
	CHECK(rule_of(IDOC_TAIWAN_PERMIT, "0123456702(BB)", &err) == IDOC_BAD_FORM, "one issuing-office character");
	CHECK(rule_of(IDOC_TAIWAN_PERMIT, "01234567(B)", &err) == IDOC_BAD_FORM, "brackets only after the issue count");
	CHECK(rule_of(IDOC_TAIWAN_PERMIT, "A1234567", &err) == IDOC_BAD_FORM, "digits only");

	/* 护照 */
	CHECK_STR(canon(IDOC_PASSPORT, "gbr/123456789"), "GBR/123456789", "passport with issuing state");
	CHECK_STR(canon(IDOC_PASSPORT, "D / C01X00T47"), "D/C01X00T47", "Germany's one-letter code");
	CHECK(rule_of(IDOC_PASSPORT, "123456789", &err) == IDOC_BAD_FORM, "the issuing state is required");
	CHECK(rule_of(IDOC_PASSPORT, "GBRX/123456789", &err) == IDOC_BAD_FORM, "issuing state at most 3 letters");
	CHECK(rule_of(IDOC_PASSPORT, "G1R/123456789", &err) == IDOC_BAD_FORM, "issuing state letters only");
	CHECK(rule_of(IDOC_PASSPORT, "GBR/1234", &err) == IDOC_BAD_FORM, "number at least 5 characters");
	CHECK(rule_of(IDOC_PASSPORT, "GBR/123456789012345678901", &err) == IDOC_BAD_FORM, "number at most 20");
	CHECK(rule_of(IDOC_PASSPORT, "GBR/1234/5678", &err) == IDOC_BAD_FORM, "one separator");
	CHECK(rule_of(IDOC_PASSPORT, "GBR/12345-678", &err) == IDOC_BAD_CHAR && err.position == 10,
		  "ICAO charset: no hyphen");
	CHECK(rule_of(IDOC_PASSPORT, "GBR/\xe4\xb8\x80" "12345", &err) == IDOC_BAD_CHAR, "non-ASCII refused");

	/* empty and overlong */
	CHECK(rule_of(IDOC_PASSPORT, "   ", &err) == IDOC_EMPTY, "white space only is empty");
	{
		char		longer[IDOC_MAX_INPUT + 2];

		memset(longer, '1', sizeof(longer) - 1);
		longer[sizeof(longer) - 1] = '\0';
		CHECK(rule_of(IDOC_TAIWAN_PERMIT, longer, &err) == IDOC_TOO_LONG, "overlong input refused before parsing");
	}

	/* details name the defect and the forms */
	CHECK(strstr(detail_of(IDOC_PERMANENT_RESIDENCE, "944840198501010017"), "should be \"8\"") != NULL,
		  "check detail names the right character");
	CHECK(strstr(detail_of(IDOC_HK_MACAO_PERMIT, "K12345678"), "H or M") != NULL, "form detail names the forms");
	CHECK(strstr(detail_of(IDOC_PASSPORT, "GBR/12345-678"), "Character 10") != NULL, "character detail names it");

	/* masking */
	idoc_mask("H12345678", m);
	CHECK_STR(m, "H1*****78", "mask keeps first and last two");
	idoc_mask("GBR/123456789", m);
	CHECK_STR(m, "GB*********89", "mask of a passport");
	idoc_mask("ABC", m);
	CHECK_STR(m, "ABC", "short numbers unmasked only when nothing lies between");

	return unit_done();
}
