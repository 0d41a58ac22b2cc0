/*
 * special_report.c — special credit reports (专项信用报告, 发改财金〔2025〕565号): issuing one on the primary and
 * verifying one anywhere.
 *
 * special_credit_report() checks who asks (the self-service portal, for the subject it authenticated, or the
 * platform's credit administrator), logs the read in the caller's name (credit_gz.query_log, as every read), and
 * then issues the report as the owner of credit_gz.issued_credit_report — a table granted to nobody, so that no
 * role can store a report of its own making — through credit_gz.special_report_issue (src/special_report.sql).
 * verify_credit_report() reads the issued report as that owner, read-only, compares the content's hash, and logs
 * the verification through query_log_read, which writes nothing on a hot standby: it works on a standby too.
 */
#include "postgres.h"

#include "access/xlog.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rangetypes.h"
#include "utils/syscache.h"

#include "credit_gz.h"
#include "query_log.h"
#include "role_grant.h"
#include "spi_util.h"

PG_FUNCTION_INFO_V1(credit_gz_special_credit_report);
PG_FUNCTION_INFO_V1(credit_gz_verify_credit_report);

/* issued_reports_owner — the owner of credit_gz.issued_credit_report, whose rights issue and read the reports. */
static Oid
issued_reports_owner(void)
{
	Oid			relid = get_relname_relid("issued_credit_report", get_namespace_oid("credit_gz", false));
	HeapTuple	tup;
	Oid			owner;

	if (!OidIsValid(relid))
		elog(ERROR, "credit_gz: table credit_gz.issued_credit_report does not exist");
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);
	return owner;
}

/* spi_bool — the boolean answer of a one-row query without parameters. Requires an SPI connection. */
static bool
spi_bool(const char *sql)
{
	bool		isnull;
	bool		result;

	if (SPI_execute(sql, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: query failed: %s", sql);
	result = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	return !isnull && result;
}

/*
 * report_period — the period asked for as [from, until): a bounded, non-empty daterange that does not reach past
 * today (the policy date); 22023 otherwise.
 */
static void
report_period(RangeType *period, DateADT *from, DateADT *until)
{
	TypeCacheEntry *tc = lookup_type_cache(RangeTypeGetOid(period), TYPECACHE_RANGE_INFO);
	RangeBound	lower,
				upper;
	bool		empty;

	range_deserialize(tc, period, &lower, &upper, &empty);
	if (empty || lower.infinite || upper.infinite)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the period of a special credit report must be a bounded, non-empty date range"),
				 errhint("Give the period as daterange(first_day, day_after_last), e.g. daterange('2025-01-01', '2026-01-01').")));
	*from = DatumGetDateADT(lower.val);
	*until = DatumGetDateADT(upper.val);
	if (DATE_NOT_FINITE(*from) || DATE_NOT_FINITE(*until))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the period of a special credit report must be a bounded, non-empty date range")));
	if (*until > credit_gz_policy_day() + 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the period of a special credit report cannot reach past today"),
				 errdetail("The period ends on %s; today (the policy date) is %s.",
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(*until - 1))),
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(credit_gz_policy_day())))),
				 errhint("A report covers what has happened: end the period today at the latest.")));
}

/*
 * check_domains — every domain named is one of credit_gz.domain (22023 naming the first unknown one). Requires an
 * SPI connection.
 */
static void
check_domains(ArrayType *domains)
{
	Datum		v[1];
	bool		isnull;
	Datum		d;
	int			rc;
	Oid			types[1] = {TEXTARRAYOID};

	v[0] = PointerGetDatum(domains);
	rc = SPI_execute_with_args("SELECT min(x) FROM unnest($1) AS x"
							   " WHERE x IS NULL OR NOT EXISTS (SELECT 1 FROM credit_gz.domain d WHERE d.code = x)",
							   1, types, v, NULL, true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: domain check failed");
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (!isnull)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown domain \"%s\"", TextDatumGetCString(d)),
				 errdetail("A special credit report covers domains of credit_gz.domain."),
				 errhint("Use codes listed in credit_gz.domain, e.g. 'construction', or NULL for all domains.")));
	SPI_freetuptable(SPI_tuptable);
}

/*
 * credit_gz_special_credit_report — special_credit_report(subject_id, period daterange, domains text[] DEFAULT NULL,
 * purpose DEFAULT NULL) → jsonb: issue a special credit report (src/special_report.sql, special_report_issue) and
 * return its content. Issued to the subject through a role that may read as self (grant_self_service: the portal
 * names the subject it authenticated) or by the platform (the credit administrator); 42501 for any other role.
 * Issuing writes, so only on the primary (25006). The read is logged in the caller's name before the report is
 * built; an error later takes the entry with the transaction, as it takes the report.
 */
Datum
credit_gz_special_credit_report(PG_FUNCTION_ARGS)
{
	int64		subject_id;
	DateADT		from,
				until;
	ArrayType  *domains = NULL;
	const char *purpose;
	const char *issued_to;
	bool		connected = true;
	Oid			save_userid;
	int			save_sec;
	Datum		v[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};
	Oid			types[6] = {INT8OID, DATEOID, DATEOID, TEXTARRAYOID, TEXTOID, NAMEOID};
	int			rc;
	bool		isnull;
	Datum		content;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("a special credit report names its subject and its period")));
	subject_id = PG_GETARG_INT64(0);
	report_period(PG_GETARG_RANGE_P(1), &from, &until);
	if (!PG_ARGISNULL(2))
		domains = PG_GETARG_ARRAYTYPE_P(2);
	purpose = PG_ARGISNULL(3) ? "专项信用报告 / special credit report" : text_to_cstring(PG_GETARG_TEXT_PP(3));
	if (RecoveryInProgress())
		ereport(ERROR,
				(errcode(ERRCODE_READ_ONLY_SQL_TRANSACTION),
				 errmsg("special credit reports are issued on the primary"),
				 errdetail("Issuing numbers and stores the report; a standby writes nothing."),
				 errhint("Issue the report on the primary; credit_gz.verify_credit_report works on a standby.")));

	credit_gz_spi_connect();
	if (domains != NULL)
		check_domains(domains);
	/* who asks: the platform (credit administrator), or the portal for the subject it authenticated */
	if (credit_gz_is_dba())
		issued_to = "platform";
	else if (spi_bool("SELECT 'self' = ANY (credit_gz.my_audiences())"))
		issued_to = "self";
	else
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role %s may not issue special credit reports", GetUserNameFromId(GetUserId(), false)),
				 errdetail("A special credit report is issued to the subject through the self-service portal, or by "
						   "the platform."),
				 errhint("A DBA maps the portal's role with credit_gz.grant_self_service.")));

	/* 十七: the read is logged in the caller's name, as the subject's own query when issued to it */
	query_log_read(subject_id, "report", purpose, strcmp(issued_to, "self") == 0 ? "self" : "government", NULL, NULL,
				   NULL, &connected);

	v[0] = Int64GetDatum(subject_id);
	v[1] = DateADTGetDatum(from);
	v[2] = DateADTGetDatum(until);
	v[3] = domains ? PointerGetDatum(domains) : (Datum) 0;
	nulls[3] = domains ? ' ' : 'n';
	v[4] = CStringGetTextDatum(issued_to);
	GetUserIdAndSecContext(&save_userid, &save_sec);
	v[5] = CStringGetDatum(GetUserNameFromId(save_userid, false));
	/* issued as the owner of the issued reports (switched back by the transaction abort after an error) */
	SetUserIdAndSecContext(issued_reports_owner(), save_sec | SECURITY_LOCAL_USERID_CHANGE);
	rc = SPI_execute_with_args("SELECT credit_gz.special_report_issue($1, $2, $3, $4, $5, $6)", 6, types, v, nulls,
							   false, 1);
	SetUserIdAndSecContext(save_userid, save_sec);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: issuing the special credit report failed: %s", SPI_result_code_string(rc));
	content = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (isnull)
		elog(ERROR, "credit_gz: the special credit report came back empty");
	content = SPI_datumTransfer(content, false, -1);
	SPI_finish();
	PG_RETURN_DATUM(content);
}

/*
 * credit_gz_verify_credit_report — verify_credit_report(report_no, verification_code, content jsonb DEFAULT NULL)
 * → jsonb: the answer of credit_gz.special_report_check (src/special_report.sql: genuine, tampered or unknown), read
 * as the owner of the issued reports, read-only. The verification is logged in the caller's name through
 * query_log_read — under the subject of a report found, else under the number in unknown_code_read_log — which
 * writes nothing on a hot standby: the call works on a standby too.
 */
Datum
credit_gz_verify_credit_report(PG_FUNCTION_ARGS)
{
	char	   *report_no;
	Oid			save_userid;
	int			save_sec;
	Datum		v[3];
	char		nulls[3] = {' ', ' ', ' '};
	Oid			types[3] = {TEXTOID, TEXTOID, JSONBOID};
	int			rc;
	bool		connected = true;
	bool		isnull;
	bool		found;
	int64		subject_id;
	Datum		answer;
	const char *purpose;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("verifying a special credit report takes its report number and verification code")));
	report_no = text_to_cstring(PG_GETARG_TEXT_PP(0));
	v[0] = PG_GETARG_DATUM(0);
	v[1] = PG_GETARG_DATUM(1);
	v[2] = PG_ARGISNULL(2) ? (Datum) 0 : PG_GETARG_DATUM(2);
	nulls[2] = PG_ARGISNULL(2) ? 'n' : ' ';
	purpose = psprintf("核验专项信用报告 / verification of special credit report %s", report_no);

	credit_gz_spi_connect();
	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(issued_reports_owner(), save_sec | SECURITY_LOCAL_USERID_CHANGE);
	rc = SPI_execute_with_args("SELECT c.subject_id, c.answer FROM credit_gz.special_report_check($1, $2, $3) c",
							   3, types, v, nulls, true, 1);
	SetUserIdAndSecContext(save_userid, save_sec);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz: verifying the special credit report failed: %s", SPI_result_code_string(rc));
	subject_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &found));
	found = !found;
	answer = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	if (isnull)
		elog(ERROR, "credit_gz: the verification gave no answer");
	answer = SPI_datumTransfer(answer, false, -1);
	SPI_freetuptable(SPI_tuptable);
	/* 十七: a verification reads what the report says of its subject; on a standby nothing is written */
	if (found)
		query_log_read(subject_id, "report", purpose, "public", NULL, NULL, NULL, &connected);
	else
		query_log_read_unknown(report_no, "report", purpose, "public", NULL, NULL, NULL, &connected);
	SPI_finish();
	PG_RETURN_DATUM(answer);
}
