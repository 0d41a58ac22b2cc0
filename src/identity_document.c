/*
 * identity_document.c — SQL glue for the numbers of identity documents other than the resident identity card
 * (src/core/identity_document.c; the catalogue credit_gz.identity_document_type names each type's layout).
 */
#include "postgres.h"
#include "textdomain.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "core/identity_document.h"

PG_FUNCTION_INFO_V1(credit_gz_identity_document_canonical);
PG_FUNCTION_INFO_V1(credit_gz_identity_document_try);
PG_FUNCTION_INFO_V1(credit_gz_identity_document_mask);

/*
 * layout_arg — the layout a catalogue's validation names; 22023 for a name no layout has (gb11643 included: the
 * resident identity card is type credit_gz.resident_id).
 */
static idoc_layout
layout_arg(text *name)
{
	char	   *s = text_to_cstring(name);
	idoc_layout layout;

	if (!idoc_layout_of(s, &layout))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown identity document layout \"%s\"", s),
				 errhint("The layouts are permanent_residence, hk_macao_permit, taiwan_permit and passport; "
						 "citizen identity numbers are of type credit_gz.resident_id.")));
	return layout;
}

/*
 * identity_document_canonical(validation, document_type, document_no) — the canonical number; 22P02 quoting the
 * input and naming the document type, the detail naming the rule broken and the forms accepted.
 */
Datum
credit_gz_identity_document_canonical(PG_FUNCTION_ARGS)
{
	idoc_layout layout = layout_arg(PG_GETARG_TEXT_PP(0));
	text	   *no = PG_GETARG_TEXT_PP(2);
	char		out[IDOC_MAX_LEN + 1];
	idoc_error	err;

	if (idoc_canonical(layout, VARDATA_ANY(no), VARSIZE_ANY_EXHDR(no), out, &err) != IDOC_OK)
	{
		char		detail[512];

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid %s number: \"%s\"", text_to_cstring(PG_GETARG_TEXT_PP(1)), text_to_cstring(no)),
				 errdetail("%s", idoc_error_detail(layout, &err, detail, sizeof(detail)))));
	}
	PG_RETURN_TEXT_P(cstring_to_text(out));
}

/*
 * identity_document_try(validation, document_no) — the canonical number, NULL when the layout refuses it or is not
 * one of these (gb11643), so that a scan of the whole catalogue can call it on every type.
 */
Datum
credit_gz_identity_document_try(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	text	   *no = PG_GETARG_TEXT_PP(1);
	idoc_layout layout;
	char		out[IDOC_MAX_LEN + 1];

	if (!idoc_layout_of(name, &layout)
		|| idoc_canonical(layout, VARDATA_ANY(no), VARSIZE_ANY_EXHDR(no), out, NULL) != IDOC_OK)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(out));
}

/*
 * identity_document_mask(document_no) — the public form of a canonical number.
 */
Datum
credit_gz_identity_document_mask(PG_FUNCTION_ARGS)
{
	char	   *no = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char		out[IDOC_MAX_LEN + 1];

	idoc_mask(no, out);
	PG_RETURN_TEXT_P(cstring_to_text(out));
}
