/*
 * credit_gz.h — module-wide settings (GUCs) and shared declarations.
 */
#ifndef CREDIT_GZ_H
#define CREDIT_GZ_H

#include "textdomain.h"

#include "datatype/timestamp.h"
#include "utils/date.h"

/* credit_gz.uscc_weak: accept codes whose only defect is a check character, flagged with '!'. */
extern bool credit_gz_uscc_weak;

/* credit_gz.policy_time_zone: the zone whose calendar day is the policy date (default Asia/Shanghai). */
extern char *credit_gz_policy_time_zone;

/*
 * credit_gz_policy_day — the policy date: the transaction timestamp's day in credit_gz.policy_time_zone. The one
 * "today" of every C path (SQL: credit_gz.policy_date()). Cheap enough for a per-row trigger (cached).
 */
extern DateADT credit_gz_policy_day(void);

/* credit_gz_policy_day_at — the calendar day of an instant in the policy time zone (SQL: policy_date(timestamptz)). */
extern DateADT credit_gz_policy_day_at(TimestampTz at);

/*
 * credit_gz_add_months — day + n months by PostgreSQL's date + interval convention: the day of the month is kept
 * and clamped to the end of a shorter month (2021-03-31 + 1 month = 2021-04-30; 2020-02-29 + 12 months =
 * 2021-02-28). Every period counted in months (publicity windows, list terms, escalation, early removal) uses it;
 * SQL: credit_gz.add_months(date, integer).
 */
extern DateADT credit_gz_add_months(DateADT d, int months);

/*
 * credit_gz_restore_in_progress — whether this session is replaying a dump (pg_restore of any format, or a plain dump
 * through psql) as a superuser: the rows it inserts already carry what the extension's triggers would derive or log,
 * so the triggers keep them as they are (doc/archive.md, "Restore"). Cheap enough for a per-row test.
 */
extern bool credit_gz_restore_in_progress(void);

/*
 * credit_gz_check_trigger_table — the one check of a trigger function that runs with more rights than its caller
 * (SECURITY DEFINER): it fires on credit_gz.<table>, the table it was made for, or raises 39P01 naming the function.
 * Whoever may attach such a function to a table of their own would otherwise hand it rows they made up. The schema's
 * oid is cached (reset when pg_namespace changes) and the name compared with the relation's own, so the check reads
 * no catalogue per row.
 */
struct TriggerData;
extern void credit_gz_check_trigger_table(struct TriggerData *td, const char *function, const char *table);

/*
 * credit_gz_messages_init — bind the extension's message catalogues (text domain TEXTDOMAIN) and let the plain-C
 * core translate through them (src/messages.c). Called once per process from _PG_init.
 */
extern void credit_gz_messages_init(void);

/*
 * credit_gz_subject_code — how a message names a subject: its unified code or masked identity number
 * (credit_gz.subject_code), palloc'd in the caller's context; for error paths.
 */
extern char *credit_gz_subject_code(int64 subject_id);

#endif							/* CREDIT_GZ_H */
