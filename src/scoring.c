/*
 * scoring.c — always-current credit scores (分级分类监管): the C triggers on credit_gz.record (and
 * credit_gz.list_entry) that recompute the affected subject's score in the same transaction, and the small SQL-callable
 * helpers over src/core/score_math.c (decay, grading, sampling key).
 *
 * Every recomputation of one subject is a single saved SPI statement (APPLY_SQL below): it sums the subject's counting
 * records under the affected models, compares with subject_score, upserts what changed and appends grade_history and
 * score_drop. Inserts are scored per statement (trigger scoring_insert, NEW TABLE scoring_new): one row by ADD_SQL,
 * several by BATCH_SQL, one set-based statement for all subjects of a multi-row INSERT or COPY. A row lock on the subject (credit_gz.subject, FOR NO KEY UPDATE) serialises concurrent writers of one subject; under READ
 * COMMITTED the statement then runs with a fresh snapshot that sees the other writer's committed records. Under
 * REPEATABLE READ or SERIALIZABLE a stale snapshot shows up as a write conflict on the subject_score row, which the
 * server reports as a serialization failure (40001) to be retried as usual.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/int.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "storage/proc.h"
#include "utils/date.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/datum.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"
#include "utils/array.h"

#include "core/score_math.h"
#include "credit_gz.h"
#include "score_bulk.h"
#include "compat.h"
#include "spi_util.h"

PG_FUNCTION_INFO_V1(credit_gz_scoring_decayed_points);
PG_FUNCTION_INFO_V1(credit_gz_scoring_grade);
PG_FUNCTION_INFO_V1(credit_gz_scoring_sample_key);
PG_FUNCTION_INFO_V1(credit_gz_scoring_clamp_score);
PG_FUNCTION_INFO_V1(credit_gz_scoring_record_trigger);
PG_FUNCTION_INFO_V1(credit_gz_scoring_list_entry_trigger);
PG_FUNCTION_INFO_V1(credit_gz_scoring_rescore_subject);
PG_FUNCTION_INFO_V1(credit_gz_scoring_rescored);
PG_FUNCTION_INFO_V1(credit_gz_scoring_record_trigger_ordered);
PG_FUNCTION_INFO_V1(credit_gz_scoring_list_entry_trigger_ordered);
PG_FUNCTION_INFO_V1(credit_gz_scoring_rescore_subject_ordered);

/*
 * The writes of a scoring statement, the same in all three (APPLY_SQL, ADD_SQL, BATCH_TAIL_SQL): they follow a CTE d
 * holding one row per changed (subject, model) — subject_id, model_code, score, grade, raw_points, contributions,
 * cap, dec, old_score, old_grade, cause, cause_record_id, cause_entry_id, as_of (the day the points were decayed
 * on), seq (the pair's next change number) — and write its subject_score upsert, its grade_history row when the
 * grade changed and its score_drop row when the score fell. The score itself comes from credit_gz.score_from_sums and
 * the points from credit_gz.rule_contributions (src/scoring.sql): the statements only say which rows are summed.
 *
 * History follows the order in which changes took effect on the subject: every statement runs after the subject's
 * lock was granted (lock_subject, lock_batch_subjects; recompute_scores holds the table), so a time read by the
 * statement itself (clock_timestamp(), once per statement) is later than the commit of whichever transaction held the
 * lock before, and the pair's change number (subject_score.change_seq + 1, read under that lock) breaks ties between
 * changes of one transaction. now() — the start of a transaction that may have queued for the lock — is not.
 */
#define SCORE_WRITES \
"), ck AS MATERIALIZED (SELECT pg_catalog.clock_timestamp() AS at" \
"), up AS (" \
"  INSERT INTO credit_gz.subject_score AS s (subject_id, model_code, score, grade, raw_points, contributions," \
"                                            cap_rank, decaying, scored_on, updated_at, change_seq)" \
"  SELECT d.subject_id, d.model_code, d.score, d.grade, d.raw_points, d.contributions, d.cap, d.dec, d.as_of," \
"         pg_catalog.now(), d.seq FROM d" \
"  ON CONFLICT (subject_id, model_code) DO UPDATE" \
"     SET score = excluded.score, grade = excluded.grade, raw_points = excluded.raw_points," \
"         contributions = excluded.contributions, cap_rank = excluded.cap_rank, decaying = excluded.decaying," \
"         scored_on = excluded.scored_on, updated_at = excluded.updated_at, change_seq = excluded.change_seq" \
"  RETURNING 1" \
"), gh AS (" \
"  INSERT INTO credit_gz.grade_history (subject_id, model_code, old_grade, new_grade, old_score, new_score, cause," \
"                                       cause_record_id, cause_entry_id, changed_at, seq)" \
"  SELECT d.subject_id, d.model_code, d.old_grade, d.grade, d.old_score, d.score, d.cause, d.cause_record_id," \
"         d.cause_entry_id, ck.at, d.seq FROM d CROSS JOIN ck" \
"   WHERE d.grade::text <> d.old_grade::text" \
"  RETURNING 1" \
"), sd AS (" \
"  INSERT INTO credit_gz.score_drop (subject_id, model_code, old_score, new_score, cause, cause_record_id," \
"                                    cause_entry_id, changed_at, seq)" \
"  SELECT d.subject_id, d.model_code, d.old_score, d.score, d.cause, d.cause_record_id, d.cause_entry_id, ck.at," \
"         d.seq FROM d CROSS JOIN ck" \
"   WHERE d.score < d.old_score" \
"  RETURNING 1" \
")"

/*
 * The writes as schema 1.0 has them (no change number; history dated now()): the 1.0 entry points, which an installed
 * 1.0 keeps calling until ALTER EXTENSION credit_gz UPDATE, write these. Kept, not changed: a released script's C
 * entry points keep their contract (doc/upgrading.md).
 */
#define SCORE_WRITES_1_0 \
"), up AS (" \
"  INSERT INTO credit_gz.subject_score AS s (subject_id, model_code, score, grade, raw_points, contributions," \
"                                            cap_rank, decaying, scored_on, updated_at)" \
"  SELECT d.subject_id, d.model_code, d.score, d.grade, d.raw_points, d.contributions, d.cap, d.dec, d.as_of," \
"         pg_catalog.now() FROM d" \
"  ON CONFLICT (subject_id, model_code) DO UPDATE" \
"     SET score = excluded.score, grade = excluded.grade, raw_points = excluded.raw_points," \
"         contributions = excluded.contributions, cap_rank = excluded.cap_rank, decaying = excluded.decaying," \
"         scored_on = excluded.scored_on, updated_at = excluded.updated_at" \
"  RETURNING 1" \
"), gh AS (" \
"  INSERT INTO credit_gz.grade_history (subject_id, model_code, old_grade, new_grade, old_score, new_score, cause," \
"                                       cause_record_id, cause_entry_id)" \
"  SELECT d.subject_id, d.model_code, d.old_grade, d.grade, d.old_score, d.score, d.cause, d.cause_record_id," \
"         d.cause_entry_id FROM d" \
"   WHERE d.grade::text <> d.old_grade::text" \
"  RETURNING 1" \
"), sd AS (" \
"  INSERT INTO credit_gz.score_drop (subject_id, model_code, old_score, new_score, cause, cause_record_id," \
"                                    cause_entry_id)" \
"  SELECT d.subject_id, d.model_code, d.old_score, d.score, d.cause, d.cause_record_id, d.cause_entry_id FROM d" \
"   WHERE d.score < d.old_score" \
"  RETURNING 1" \
")"

/* The pair's next change number, read from its subject_score row under the subject's lock (d.seq above). */
#define SEQ_NEXT "(coalesce(s.change_seq, 0) + 1)"

/*
 * The one statement that rescores a subject. Parameters:
 *   $1 subject_id; $2..$6 key A (source, match code, severity, domain, date) and $7..$11 key B of the changed row
 *   before and after (NULL source: none); $12 true: every active model instead of those the keys match;
 *   $13 cause, $14 cause record id, $15 cause entry id.
 * Returns the number of subject_score rows written.
 */
#define APPLY_SQL_TEXT(SEQ, WRITES) \
"WITH m AS MATERIALIZED (" \
"  SELECT sm.code AS model_code, sm.base_score, sm.no_history_grade" \
"    FROM credit_gz.scoring_model sm" \
"   WHERE sm.is_active AND ($12 OR sm.code IN (" \
"         SELECT k.model_code FROM credit_gz.rule_contributions($2, $3, $4, $5, $6, NULL, NULL, NULL) k" \
"         UNION ALL" \
"         SELECT k.model_code FROM credit_gz.rule_contributions($7, $8, $9, $10, $11, NULL, NULL, NULL) k))" \
"), a AS (" \
"  SELECT c.model_code, sum(c.effective_centi) AS raw, count(*) AS n, min(c.cap_rank) AS cap," \
"         bool_or(c.decays) AS dec" \
"    FROM credit_gz.score_contributions(NULL, credit_gz.policy_date()) c" \
"   WHERE c.subject_id = $1 AND c.model_code IN (SELECT model_code FROM m)" \
"   GROUP BY c.model_code" \
"), g AS (" \
"  SELECT m.model_code, m.base_score, m.no_history_grade, x.score, x.grade," \
"         (coalesce(a.raw, 0) / 100.0)::numeric(9,2) AS raw_points, coalesce(a.n, 0)::integer AS contributions," \
"         a.cap, coalesce(a.dec, false) AS dec" \
"    FROM m LEFT JOIN a USING (model_code)" \
"   CROSS JOIN LATERAL credit_gz.score_from_sums(m.model_code, a.raw, coalesce(a.n, 0), a.cap) x" \
"), d AS MATERIALIZED (" \
"  SELECT $1::bigint AS subject_id, g.*, coalesce(s.score, g.base_score) AS old_score," \
"         coalesce(s.grade, g.no_history_grade) AS old_grade, $13::text AS cause, $14::bigint AS cause_record_id," \
"         $15::bigint AS cause_entry_id, credit_gz.policy_date() AS as_of, " SEQ " AS seq" \
"    FROM g LEFT JOIN credit_gz.subject_score s ON s.subject_id = $1 AND s.model_code = g.model_code" \
"   WHERE CASE WHEN s.subject_id IS NULL THEN g.contributions > 0" \
"              ELSE (s.score, s.grade::text, s.raw_points, s.contributions, s.cap_rank, s.decaying)" \
"                   IS DISTINCT FROM (g.score, g.grade::text, g.raw_points, g.contributions, g.cap, g.dec)" \
"                   OR (s.decaying AND s.scored_on <> credit_gz.policy_date()) END" \
WRITES \
"SELECT (SELECT count(*) FROM up)::integer"

static const char *const APPLY_SQL[2] = {
	APPLY_SQL_TEXT("0::bigint", SCORE_WRITES_1_0),
	APPLY_SQL_TEXT(SEQ_NEXT, SCORE_WRITES)
};

#define APPLY_NARGS 15

/*
 * The fast path for a new counting record: its contribution is added to the maintained sums of the models it
 * matches, without reading the subject's other records. Exact when the row's decayed sum is as of today (or nothing
 * in it decays): the sum of today's contributions plus the new one is what a fresh computation gives. Models where
 * that does not hold are returned, and rescored by APPLY_SQL. Parameters: $1 subject_id, $2 item, $3 severity key,
 * $4 domain key, $5 decision date, $6 publish_from, $7 publish_until, $8 record_id.
 */
#define ADD_SQL_TEXT(SEQ, WRITES) \
"WITH k AS (" \
"  SELECT k.model_code, m.base_score, m.no_history_grade, k.effective_centi AS eff, k.cap_rank, k.decays AS dec" \
"    FROM credit_gz.rule_contributions('r', $2, $3, $4, $5, $6, $7, credit_gz.policy_date()) k" \
"    JOIN credit_gz.scoring_model m ON m.code = k.model_code AND m.is_active" \
"), j AS MATERIALIZED (" \
"  SELECT k.*, coalesce(s.score, k.base_score) AS old_score, coalesce(s.grade, k.no_history_grade) AS old_grade," \
"         coalesce((s.raw_points * 100)::bigint, 0) + k.eff AS raw, coalesce(s.contributions, 0) + 1 AS n," \
"         least(s.cap_rank, k.cap_rank) AS cap, coalesce(s.decaying, false) OR k.dec AS dec2," \
"         (s.subject_id IS NULL OR NOT s.decaying OR s.scored_on = credit_gz.policy_date()) AS fast," \
"         " SEQ " AS seq" \
"    FROM k LEFT JOIN credit_gz.subject_score s ON s.subject_id = $1 AND s.model_code = k.model_code" \
"), d AS MATERIALIZED (" \
"  SELECT $1::bigint AS subject_id, j.model_code, x.score, x.grade, (j.raw / 100.0)::numeric(9,2) AS raw_points," \
"         j.n AS contributions, j.cap, j.dec2 AS dec, j.old_score, j.old_grade, 'record'::text AS cause," \
"         $8::bigint AS cause_record_id, NULL::bigint AS cause_entry_id, credit_gz.policy_date() AS as_of, j.seq" \
"    FROM j CROSS JOIN LATERAL credit_gz.score_from_sums(j.model_code, j.raw, j.n, j.cap) x" \
"   WHERE j.fast" \
WRITES \
"SELECT (SELECT array_agg(model_code) FROM j WHERE NOT j.fast), (SELECT count(*) FROM up)"

static const char *const ADD_SQL[2] = {
	ADD_SQL_TEXT("0::bigint", SCORE_WRITES_1_0),
	ADD_SQL_TEXT(SEQ_NEXT, SCORE_WRITES)
};

#define ADD_NARGS 8
static SPIPlanPtr add_plan[2];	/* [ordered?] */

/*
 * The set-based path for a multi-row INSERT or COPY (the statement trigger: score_inserted_batch below). It scores the
 * statement's new records, read from the trigger's NEW TABLE (scoring_new), and writes the statement's net change:
 *   a   the new counting records summed per (subject, model) they match: points (decayed), count, strongest cap,
 *       whether any decays, and the subject's first new record. One hash aggregate over the batch; everything after
 *       it works per (subject, model), not per record;
 *   j   each sum with its model and the maintained subject_score row, and the sums after the statement: the
 *       maintained sums plus the new ones, or, where the maintained sums cannot be trusted, a fresh computation from
 *       all the subject's counting records and list entries (f; the statement's new records are visible to the
 *       trigger, so they are in it): decayed sums of an earlier day (stale, ADD_SQL's slow case), or a subject
 *       rescored in full earlier in this transaction (scoring_rescored), whose maintained sums may already count
 *       rows of this statement. (The fresh sums once excluded the new records and added them again: with a big
 *       batch and a small work_mem that exclusion was a scan of the transition table per record, not a hash.)
 *   d   the score and grade after the statement;
 *   then one upsert per (subject, model), and at most one grade_history and one score_drop row per (subject, model):
 *   old = the maintained score and grade before the statement, new = after it, naming the subject's first record of
 *   the statement. The grades a subject would pass through between two rows of one statement are never visible to
 *   anyone (the statement is atomic and all its rows share one time and change number, which is all grade_at
 *   can tell apart), so they are not history; row-by-row inserts, which are separate statements, write one row per step.
 *   Sums, counts, minima and "any" do not depend on the order of the rows, so the net result is the row-by-row
 *   result however the batch is ordered.
 * t holds the scoring day once (a sub-select there would keep the rule functions from being inlined).
 * After the aggregate every lookup is by key (model, subject_score, the subject's records): the planner cannot
 * estimate the rows of a transition table, and a join between two derived sets that it believes to be 1 × 1 row
 * would be a nested loop, quadratic in the batch. Returns the number of subject_score rows written and the subjects
 * whose start was computed afresh (the caller marks them as rescored in full: the fresh start saw every visible
 * record).
 */
#define BATCH_HEAD_SQL \
"WITH t AS MATERIALIZED (SELECT credit_gz.policy_date() AS as_of), a AS MATERIALIZED ("

#define BATCH_TAIL_SQL(SEQ, WRITES) \
"), j AS MATERIALIZED (" \
"  SELECT a.subject_id, a.model_code, a.first_record, t.as_of," \
"         coalesce(s.score, m.base_score) AS old_score, coalesce(s.grade, m.no_history_grade) AS old_grade," \
"         x.stale, x.marked," \
"         CASE WHEN x.stale OR x.marked THEN coalesce(f.raw, 0)" \
"              ELSE coalesce((s.raw_points * 100)::bigint, 0) + a.eff END AS raw," \
"         CASE WHEN x.stale OR x.marked THEN coalesce(f.n, 0) ELSE coalesce(s.contributions, 0) + a.cnt END AS n," \
"         CASE WHEN x.stale OR x.marked THEN f.cap ELSE least(s.cap_rank, a.cap) END AS cap," \
"         CASE WHEN x.stale OR x.marked THEN coalesce(f.dec, false)" \
"              ELSE coalesce(s.decaying, false) OR a.dec END AS dec," \
"         " SEQ " AS seq" \
"    FROM a CROSS JOIN t" \
"    JOIN credit_gz.scoring_model m ON m.code = a.model_code AND m.is_active" \
"    LEFT JOIN credit_gz.subject_score s ON s.subject_id = a.subject_id AND s.model_code = a.model_code" \
"   CROSS JOIN LATERAL (" \
"      SELECT coalesce(s.decaying AND s.scored_on <> t.as_of, false) AS stale," \
"             credit_gz.scoring_rescored(a.subject_id) AS marked) x" \
"    LEFT JOIN LATERAL (" \
"      SELECT sum(c.effective_centi)::bigint AS raw, count(*) AS n, min(c.cap_rank) AS cap, bool_or(c.decays) AS dec" \
"        FROM credit_gz.score_contributions(NULL, t.as_of) c" \
"       WHERE (x.stale OR x.marked) AND c.subject_id = a.subject_id AND c.model_code = a.model_code" \
"    ) f ON true" \
"), d AS MATERIALIZED (" \
"  SELECT j.subject_id, j.model_code, x.score, x.grade, (j.raw / 100.0)::numeric(9,2) AS raw_points," \
"         j.n::integer AS contributions, j.cap, j.dec, j.old_score, j.old_grade, 'record'::text AS cause," \
"         j.first_record AS cause_record_id, NULL::bigint AS cause_entry_id, j.as_of, j.seq" \
"    FROM j CROSS JOIN LATERAL credit_gz.score_from_sums(j.model_code, j.raw, j.n, j.cap) x" \
WRITES \
"SELECT (SELECT count(*) FROM up)::integer," \
"       (SELECT array_agg(DISTINCT j.subject_id) FROM j WHERE j.stale AND NOT j.marked)"

#define BATCH_SQL_TEXT(SEQ, WRITES) \
BATCH_HEAD_SQL \
"  SELECT r.subject_id, k.model_code, sum(k.effective_centi) AS eff, count(*) AS cnt, min(k.cap_rank) AS cap," \
"         bool_or(k.decays) AS dec, min(r.record_id) AS first_record" \
"    FROM scoring_new r CROSS JOIN t" \
"   CROSS JOIN LATERAL credit_gz.rule_contributions('r', r.item_code, r.severity, r.domain_code, r.decision_date," \
"                                                   r.publish_from, r.publish_until, t.as_of) k" \
"   WHERE credit_gz.record_counts(r.status)" \
"   GROUP BY r.subject_id, k.model_code" \
BATCH_TAIL_SQL(SEQ, WRITES)

static const char *const BATCH_SQL[2] = {
	BATCH_SQL_TEXT("0::bigint", SCORE_WRITES_1_0),
	BATCH_SQL_TEXT(SEQ_NEXT, SCORE_WRITES)
};

/*
 * BATCH_SQL for a large batch: the sums (a) are computed in C (score_bulk.c, ScoreBatch: one pass over the
 * transition table with the rule keys in a hash table) and arrive as arrays in (subject, model) order:
 * $1 subject_id, $2 model_code, $3 points (hundredths), $4 count, $5 cap rank (NULL: none), $6 decays, $7 first
 * record_id.
 */
#define BATCH_SUMS_SQL_TEXT(SEQ, WRITES) \
BATCH_HEAD_SQL \
"  SELECT * FROM ROWS FROM (pg_catalog.unnest($1::bigint[]), pg_catalog.unnest($2::text[])," \
"                           pg_catalog.unnest($3::bigint[]), pg_catalog.unnest($4::bigint[])," \
"                           pg_catalog.unnest($5::smallint[]), pg_catalog.unnest($6::boolean[])," \
"                           pg_catalog.unnest($7::bigint[]))" \
"         AS a (subject_id, model_code, eff, cnt, cap, dec, first_record)" \
BATCH_TAIL_SQL(SEQ, WRITES)

static const char *const BATCH_SUMS_SQL[2] = {
	BATCH_SUMS_SQL_TEXT("0::bigint", SCORE_WRITES_1_0),
	BATCH_SUMS_SQL_TEXT(SEQ_NEXT, SCORE_WRITES)
};

static void mark_rescored(int64 subject_id);

/*
 * Which writes the statements make: true under the entry points of 1.1 (history in the order changes took effect,
 * SCORE_WRITES), false under those the 1.0 install script names (SCORE_WRITES_1_0). Every entry point sets it on
 * entry; one database has the functions of one version, so a nested trigger sets the value it found.
 */
static bool history_ordered = false;

/* Saved plans, prepared on first use in this backend; the plan cache revalidates them after DDL. */
static SPIPlanPtr apply_plan[2];	/* [history_ordered] */

/* One key of a changed row: what it matched under the rules (source 'r' record, 'l' list entry). */
typedef struct ScoringKey
{
	bool		present;
	char		source;
	Datum		match_code;		/* text */
	Datum		severity_key;	/* text, '' for none */
	Datum		domain_key;		/* text, '' for none */
	Datum		key_date;		/* date the rule version is chosen by */
} ScoringKey;

/*
 * get_apply_plan — prepare and keep the rescoring statement once per backend, so the trigger's hot path parses and
 * plans nothing.
 */
static SPIPlanPtr
get_apply_plan(void)
{
	if (apply_plan[history_ordered] == NULL)
	{
		Oid			argtypes[APPLY_NARGS] = {
			INT8OID,
			CHAROID, TEXTOID, TEXTOID, TEXTOID, DATEOID,
			CHAROID, TEXTOID, TEXTOID, TEXTOID, DATEOID,
			BOOLOID, TEXTOID, INT8OID, INT8OID
		};

		/*
		 * Always the generic plan: it is good for every subject (index lookups on subject_id), and a custom plan
		 * per call would cost more to plan than the statement costs to run.
		 */
		apply_plan[history_ordered] = credit_gz_keep_cursor_plan(APPLY_SQL[history_ordered], APPLY_NARGS, argtypes,
																		CURSOR_OPT_GENERIC_PLAN);
	}
	return apply_plan[history_ordered];
}

/*
 * lock_subject — lock the subject's row in credit_gz.subject (FOR NO KEY UPDATE) until the transaction ends. Two
 * transactions changing one subject's records thus rescore it one after the other, and the second sees the first's
 * records once it gets the lock. A row lock lives in the tuple, not in the shared lock table, so one transaction may
 * load records for millions of subjects (an advisory lock per subject ran out of shared memory after a few
 * thousand); it does not conflict with the FOR KEY SHARE locks of foreign-key checks.
 */
static void
lock_subject(int64 subject_id)
{
	static SPIPlanPtr lock_plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		values[1];
	int			rc;

	if (lock_plan == NULL)
		lock_plan = credit_gz_keep_plan("SELECT 1 FROM credit_gz.subject WHERE subject_id = $1 FOR NO KEY UPDATE",
										1, argtypes);
	values[0] = Int64GetDatum(subject_id);
	rc = SPI_execute_plan(lock_plan, values, NULL, false, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "credit_gz scoring: locking subject " INT64_FORMAT " failed: %s",
			 subject_id, SPI_result_code_string(rc));
}

/*
 * rescore — run the rescoring statement for one subject under the models the keys match (or every active model).
 * Must be called inside SPI_connect. Returns the number of subject_score rows written.
 */
static int
rescore(int64 subject_id, const ScoringKey *a, const ScoringKey *b, bool all_models,
		const char *cause, int64 cause_record, bool has_record, int64 cause_entry, bool has_entry)
{
	Datum		values[APPLY_NARGS];
	char		nulls[APPLY_NARGS];
	const ScoringKey *keys[2] = {a, b};
	int			rc;
	bool		isnull;
	Datum		d;

	memset(nulls, ' ', sizeof(nulls));
	values[0] = Int64GetDatum(subject_id);
	for (int i = 0; i < 2; i++)
	{
		int			o = 1 + i * 5;
		const ScoringKey *k = keys[i];

		if (k != NULL && k->present)
		{
			values[o] = CharGetDatum(k->source);
			values[o + 1] = k->match_code;
			values[o + 2] = k->severity_key;
			values[o + 3] = k->domain_key;
			values[o + 4] = k->key_date;
		}
		else
		{
			for (int j = 0; j < 5; j++)
			{
				values[o + j] = (Datum) 0;
				nulls[o + j] = 'n';
			}
		}
	}
	values[11] = BoolGetDatum(all_models);
	values[12] = CStringGetTextDatum(cause);
	values[13] = Int64GetDatum(cause_record);
	nulls[13] = has_record ? ' ' : 'n';
	values[14] = Int64GetDatum(cause_entry);
	nulls[14] = has_entry ? ' ' : 'n';

	lock_subject(subject_id);
	mark_rescored(subject_id);
	rc = SPI_execute_plan(get_apply_plan(), values, nulls, false, 0);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz scoring: rescoring subject " INT64_FORMAT " failed: %s",
			 subject_id, SPI_result_code_string(rc));
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? 0 : DatumGetInt32(d);
}

/*
 * Subjects rescored in full in the current transaction. A full rescore counts every record it can see, including
 * rows of the current statement whose AFTER triggers have not fired yet; adding such a row again on the fast path
 * would count it twice. So once a subject has been rescored in full, its later inserts in the same transaction take
 * the full path too (always exact, only slower). The table lives in TopTransactionContext and is found again by the
 * local transaction id; an aborted subtransaction leaves entries behind, which only costs speed.
 */
static HTAB *rescored_subjects = NULL;
static LocalTransactionId rescored_lxid = InvalidLocalTransactionId;

/* rescored_table — this transaction's table of fully rescored subjects, created on first use. */
static HTAB *
rescored_table(bool create)
{
	if (rescored_subjects != NULL && rescored_lxid == CREDIT_GZ_LXID)
		return rescored_subjects;
	rescored_subjects = NULL;
	if (create)
	{
		HASHCTL		ctl;

		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = sizeof(int64);
		ctl.entrysize = sizeof(int64);
		ctl.hcxt = TopTransactionContext;
		rescored_subjects = hash_create("credit_gz rescored subjects", 64, &ctl,
										HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		rescored_lxid = CREDIT_GZ_LXID;
	}
	return rescored_subjects;
}

/* mark_rescored — remember that subject_id was rescored in full in this transaction. */
static void
mark_rescored(int64 subject_id)
{
	bool		found;

	hash_search(rescored_table(true), &subject_id, HASH_ENTER, &found);
}

/* was_rescored — whether subject_id was rescored in full in this transaction. */
static bool
was_rescored(int64 subject_id)
{
	HTAB	   *h = rescored_table(false);
	bool		found = false;

	if (h != NULL)
		hash_search(h, &subject_id, HASH_FIND, &found);
	return found;
}

/*
 * add_record — the fast path for an inserted counting record (see ADD_SQL); models it cannot serve are rescored
 * in full. Must be called inside SPI_connect.
 */
static void
add_record(int64 subject_id, const ScoringKey *key, Datum publish_from, bool from_null,
		   Datum publish_until, bool until_null, int64 record_id)
{
	Datum		values[ADD_NARGS];
	char		nulls[ADD_NARGS];
	int			rc;
	bool		isnull;
	Datum		slow;

	if (was_rescored(subject_id))
	{
		rescore(subject_id, NULL, key, false, "record", record_id, true, 0, false);
		return;
	}
	if (add_plan[history_ordered] == NULL)
	{
		Oid			argtypes[ADD_NARGS] = {INT8OID, TEXTOID, TEXTOID, TEXTOID, DATEOID, DATEOID, DATEOID, INT8OID};

		add_plan[history_ordered] = credit_gz_keep_cursor_plan(ADD_SQL[history_ordered], ADD_NARGS, argtypes,
																CURSOR_OPT_GENERIC_PLAN);
	}
	memset(nulls, ' ', sizeof(nulls));
	values[0] = Int64GetDatum(subject_id);
	values[1] = key->match_code;
	values[2] = key->severity_key;
	values[3] = key->domain_key;
	values[4] = key->key_date;
	values[5] = publish_from;
	nulls[5] = from_null ? 'n' : ' ';
	values[6] = publish_until;
	nulls[6] = until_null ? 'n' : ' ';
	values[7] = Int64GetDatum(record_id);

	lock_subject(subject_id);
	rc = SPI_execute_plan(add_plan[history_ordered], values, nulls, false, 0);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "credit_gz scoring: adding record " INT64_FORMAT " failed: %s",
			 record_id, SPI_result_code_string(rc));
	slow = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	/* a subject whose decayed sums are from an earlier day: rescore it from its records (the lock is held) */
	if (!isnull && DatumGetPointer(slow) != NULL)
		rescore(subject_id, NULL, key, false, "record", record_id, true, 0, false);
}

/* Column positions of credit_gz.record that scoring reads, looked up by name (the archive owns the layout). */
typedef struct RecordCols
{
	int			record_id;
	int			subject_id;
	int			item_code;
	int			severity;
	int			domain_code;
	int			decision_date;
	int			publish_from;
	int			publish_until;
	int			status;
} RecordCols;

/* col — attribute number of a column the scoring triggers need (of credit_gz.record or list_entry). */
static int
col(TupleDesc tupdesc, const char *name)
{
	return credit_gz_column(tupdesc, "the table the scoring trigger fires on", name);
}

/* find_record_cols — resolve the column positions for this tuple descriptor. */
static void
find_record_cols(TupleDesc tupdesc, RecordCols *c)
{
	c->record_id = col(tupdesc, "record_id");
	c->subject_id = col(tupdesc, "subject_id");
	c->item_code = col(tupdesc, "item_code");
	c->severity = col(tupdesc, "severity");
	c->domain_code = col(tupdesc, "domain_code");
	c->decision_date = col(tupdesc, "decision_date");
	c->publish_from = col(tupdesc, "publish_from");
	c->publish_until = col(tupdesc, "publish_until");
	c->status = col(tupdesc, "status");
}

/* The columns of one record row that matter for scoring. */
typedef struct RecordRow
{
	int64		record_id;
	int64		subject_id;
	bool		counts;			/* score_record_counts(status) */
	ScoringKey	key;
	Datum		publish_from;
	bool		publish_from_null;
	Datum		publish_until;
	bool		publish_until_null;
} RecordRow;

/* text_or_empty — a text column, or '' when NULL (the key convention of scoring_rule_key). */
static Datum
text_or_empty(HeapTuple tup, TupleDesc tupdesc, int attno)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, tupdesc, attno, &isnull);

	return isnull ? CStringGetTextDatum("") : d;
}

/*
 * read_record — pick the scoring columns out of a record tuple. Only statuses in_publicity and under_objection count
 * (doc/schema.md): repaired, expired and revoked records stop counting.
 */
static void
read_record(HeapTuple tup, TupleDesc tupdesc, const RecordCols *c, RecordRow *r)
{
	bool		isnull;
	Datum		d;

	d = SPI_getbinval(tup, tupdesc, c->record_id, &isnull);
	r->record_id = isnull ? 0 : DatumGetInt64(d);
	d = SPI_getbinval(tup, tupdesc, c->subject_id, &isnull);
	r->subject_id = isnull ? 0 : DatumGetInt64(d);
	r->counts = false;
	if (!isnull)
	{
		d = SPI_getbinval(tup, tupdesc, c->status, &isnull);
		r->counts = !isnull && score_record_counts(d);
	}
	r->key.present = r->counts;
	r->key.source = 'r';
	r->key.match_code = text_or_empty(tup, tupdesc, c->item_code);
	r->key.severity_key = text_or_empty(tup, tupdesc, c->severity);
	r->key.domain_key = text_or_empty(tup, tupdesc, c->domain_code);
	r->key.key_date = SPI_getbinval(tup, tupdesc, c->decision_date, &isnull);
	if (isnull)
		r->key.present = false; /* no decision date: no rule version applies */
	r->publish_from = SPI_getbinval(tup, tupdesc, c->publish_from, &r->publish_from_null);
	r->publish_until = SPI_getbinval(tup, tupdesc, c->publish_until, &r->publish_until_null);
}

/*
 * datum_eq — equality of two nullable datums of a by-value or varlena type. Varlenas compare by their bytes: two
 * representations of one value (e.g. compressed and not) count as different, which only costs a needless rescore.
 */
static bool
datum_eq(Datum a, bool anull, Datum b, bool bnull, bool byval)
{
	if (anull || bnull)
		return anull == bnull;
	if (byval)
		return a == b;
	return datumIsEqual(a, b, false, -1);
}

/*
 * same_for_scoring — true when an update changed nothing scoring reads, so the trigger can return at once (e.g. an
 * UPDATE that only rewrites status to the same value, or touches publish dates of a record that does not count).
 */
static bool
same_for_scoring(const RecordRow *o, const RecordRow *n)
{
	if (o->counts != n->counts || o->subject_id != n->subject_id)
		return false;
	if (!o->counts)
		return true;
	return o->key.present == n->key.present &&
		datum_eq(o->key.match_code, false, n->key.match_code, false, false) &&
		datum_eq(o->key.severity_key, false, n->key.severity_key, false, false) &&
		datum_eq(o->key.domain_key, false, n->key.domain_key, false, false) &&
		datum_eq(o->key.key_date, !o->key.present, n->key.key_date, !n->key.present, true) &&
		datum_eq(o->publish_from, o->publish_from_null, n->publish_from, n->publish_from_null, true) &&
		datum_eq(o->publish_until, o->publish_until_null, n->publish_until, n->publish_until_null, true);
}

/*
 * Statement-level scoring of inserts (goal: COPY of a million records through every trigger ≤ 2× a plain table).
 * An AFTER INSERT … FOR EACH STATEMENT trigger with REFERENCING NEW TABLE AS scoring_new (PostgreSQL allows a
 * transition table only on a single-event trigger without a column list, hence a trigger of its own next to the row
 * trigger for UPDATE and DELETE) scores all new records of the statement at once: lock their subjects in subject_id
 * order, then BATCH_SQL (or, over 1,000 rows, the sums in C and BATCH_SUMS_SQL). A one-row statement takes the row
 * path's fast ADD_SQL instead (goal: one insert ≤ 2× one without scoring).
 */
#define NEW_TABLE_NAME "scoring_new"

/* Above this many new rows the batch statements use the plans made for large batches (see batch_plan). */
#define BATCH_SMALL_ROWS 1000

/*
 * Locks the batch's subjects ($1: their ids, sorted and distinct) in subject_id order. The ids come from the
 * transition table in C (batch_subjects): a join of the transition table with credit_gz.subject here was planned
 * from statistics that can be stale by a whole batch (subjects created earlier in the same transaction, before any
 * ANALYZE), and the plan then chosen — a nested loop rescanning the transition table for every subject — was
 * quadratic (80 s for 20,000 new subjects). An index scan for an array has no such plan to get wrong.
 */
static const char *const BATCH_LOCK_SQL =
"SELECT count(*)::integer FROM ("
"  SELECT 1 FROM credit_gz.subject s"
"   WHERE s.subject_id = ANY ($1)"
"   ORDER BY s.subject_id"
"     FOR NO KEY UPDATE OF s) l";

/*
 * Saved plans of the scoring statement, one per size class, made on first use in the backend: BATCH_SQL over the
 * NEW TABLE for a small batch (planned for the row count the transition table had when it was prepared, which suits
 * small batches), and BATCH_SUMS_SQL over the sums made in C for a large one.
 */
static SPIPlanPtr batch_plans[2][2];	/* [history_ordered][large?] */

/* batch_plan — the saved plan of the scoring statement for a batch of `rows` new records. */
static SPIPlanPtr
batch_plan(int64 rows)
{
	int			large = rows > BATCH_SMALL_ROWS ? 1 : 0;

	if (batch_plans[history_ordered][large] == NULL)
	{
		Oid			sums_types[7] = {INT8ARRAYOID, TEXTARRAYOID, INT8ARRAYOID, INT8ARRAYOID, INT2ARRAYOID,
		BOOLARRAYOID, INT8ARRAYOID};

		batch_plans[history_ordered][large] = large
			? credit_gz_keep_plan(BATCH_SUMS_SQL[history_ordered], 7, sums_types)
			: credit_gz_keep_plan(BATCH_SQL[history_ordered], 0, NULL);
	}
	return batch_plans[history_ordered][large];
}

/* int64_cmp — qsort order of subject ids. */
static int
int64_cmp(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

/*
 * batch_subjects — the distinct subject ids of the batch's counting records (status in publicity or under
 * objection), sorted; returns how many are in *ids.
 */
static int64
batch_subjects(Tuplestorestate *ts, TupleDesc tupdesc, const RecordCols *c, int64 rows, Datum **ids_out)
{
	TupleTableSlot *slot = MakeSingleTupleTableSlot(tupdesc, &TTSOpsMinimalTuple);
	int			ptr = tuplestore_alloc_read_pointer(ts, EXEC_FLAG_REWIND);
	Datum	   *ids = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(Datum) * Max(rows, 1));
	int64		n = 0,
				distinct = 0;

	tuplestore_select_read_pointer(ts, ptr);
	tuplestore_rescan(ts);
	while (tuplestore_gettupleslot(ts, true, false, slot))
	{
		bool		subj_null,
					status_null;
		Datum		subj = slot_getattr(slot, c->subject_id, &subj_null);
		Datum		status = slot_getattr(slot, c->status, &status_null);

		if (!subj_null && !status_null && n < rows && score_record_counts(status))
			ids[n++] = subj;
	}
	tuplestore_select_read_pointer(ts, 0);
	ExecDropSingleTupleTableSlot(slot);
	qsort(ids, n, sizeof(Datum), int64_cmp);
	for (int64 i = 0; i < n; i++)
		if (distinct == 0 || DatumGetInt64(ids[i]) != DatumGetInt64(ids[distinct - 1]))
			ids[distinct++] = ids[i];
	*ids_out = ids;
	return distinct;
}

/* Subjects locked per statement (ascending chunks keep the order; an array stays far below its 1 GB limit). */
#define BATCH_LOCK_CHUNK 1000000

/* lock_batch_subjects — lock the sorted subject ids in subject_id order, chunk by chunk (BATCH_LOCK_SQL). */
static void
lock_batch_subjects(const Datum *ids, int64 n)
{
	static SPIPlanPtr lock_plan = NULL;

	if (lock_plan == NULL)
	{
		Oid			types[1] = {INT8ARRAYOID};

		lock_plan = credit_gz_keep_plan(BATCH_LOCK_SQL, 1, types);
	}
	for (int64 from = 0; from < n; from += BATCH_LOCK_CHUNK)
	{
		int			count = (int) Min(n - from, BATCH_LOCK_CHUNK);
		ArrayType  *arr = construct_array((Datum *) ids + from, count, INT8OID, 8, FLOAT8PASSBYVAL,
										  TYPALIGN_DOUBLE);
		Datum		arg = PointerGetDatum(arr);
		int			rc = SPI_execute_plan(lock_plan, &arg, NULL, false, 0);

		if (rc != SPI_OK_SELECT)
			elog(ERROR, "credit_gz scoring: locking the subjects of the batch failed: %s",
				 SPI_result_code_string(rc));
		SPI_freetuptable(SPI_tuptable);
		pfree(arr);
	}
}

/* mark_fresh_starts — subjects whose start was computed from their records (column 2 of a batch statement's
 * result): their later inserts in this transaction go in full. */
static void
mark_fresh_starts(void)
{
	bool		isnull;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);

	if (!isnull)
	{
		ArrayType  *arr = DatumGetArrayTypeP(d);
		Datum	   *elems;
		bool	   *nulls;
		int			nelems;

		deconstruct_array(arr, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &nulls, &nelems);
		for (int i = 0; i < nelems; i++)
			if (!nulls[i])
				mark_rescored(DatumGetInt64(elems[i]));
	}
}

/*
 * score_large_batch — BATCH_SUMS_SQL for each pass of the C sums over the transition table (one pass unless the
 * batch's sums outgrow work_mem × hash_mem_multiplier; each pass covers its own subjects, so its net change is
 * the statement's for them). Must be called inside SPI_connect with the trigger data registered.
 */
static void
score_large_batch(Tuplestorestate *ts, TupleDesc tupdesc, int64 rows)
{
	ScoreBatch *b = score_batch_begin(credit_gz_policy_day(), tupdesc, (double) rows);
	TupleTableSlot *slot = MakeSingleTupleTableSlot(tupdesc, &TTSOpsMinimalTuple);
	int			ptr = tuplestore_alloc_read_pointer(ts, EXEC_FLAG_REWIND);
	int			passes = score_batch_passes(b);

	for (int pass = 0; pass < passes; pass++)
	{
		Datum		arrays[7];
		uint64		seen = 0;
		int			rc;

		tuplestore_select_read_pointer(ts, ptr);
		tuplestore_rescan(ts);
		while (tuplestore_gettupleslot(ts, true, false, slot))
		{
			if ((++seen & 0xFFFF) == 0)
				CHECK_FOR_INTERRUPTS();
			score_batch_add(b, slot);
		}
		tuplestore_select_read_pointer(ts, 0);
		if (score_batch_take(b, arrays) == 0)
			continue;
		rc = SPI_execute_plan(batch_plan(rows), arrays, NULL, false, 0);
		if (rc != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "credit_gz scoring: scoring the batch failed: %s", SPI_result_code_string(rc));
		mark_fresh_starts();
		SPI_freetuptable(SPI_tuptable);
		for (int i = 0; i < 7; i++)
			pfree(DatumGetPointer(arrays[i]));
	}
	ExecDropSingleTupleTableSlot(slot);
	score_batch_end(b);
}

/*
 * score_inserted_batch — the set-based path for a statement that inserted several records: BATCH_SQL up to
 * BATCH_SMALL_ROWS, above that the sums in C and BATCH_SUMS_SQL (score_large_batch). Locks the subjects in
 * subject_id order first, so concurrent batches never wait for each other in a cycle, and only then
 * reads the maintained scores (READ COMMITTED: a fresh snapshot that sees what the previous lock holder committed).
 * Must be called inside SPI_connect with the trigger data registered.
 */
static void
score_inserted_batch(Tuplestorestate *ts, TupleDesc tupdesc, const RecordCols *c, int64 rows)
{
	int			rc;
	int			nestlevel;
	Datum	   *subjects;
	int64		nsubjects = batch_subjects(ts, tupdesc, c, rows, &subjects);

	/*
	 * Plans are made (on first use, and again after an invalidation) inside these calls. Every lookup of the batch
	 * is by key (subject, subject_score, record); a sequential scan is never right, but a plan made while those
	 * tables were small or empty (a fresh system's first load) would use one per row for as long as it is cached.
	 */
	nestlevel = NewGUCNestLevel();
	(void) set_config_option("enable_seqscan", "off", PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	lock_batch_subjects(subjects, nsubjects);
	pfree(subjects);
	if (rows > BATCH_SMALL_ROWS)
		score_large_batch(ts, tupdesc, rows);
	else
	{
		rc = SPI_execute_plan(batch_plan(rows), NULL, NULL, false, 0);
		if (rc != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "credit_gz scoring: scoring the batch failed: %s", SPI_result_code_string(rc));
		mark_fresh_starts();
	}
	AtEOXact_GUC(true, nestlevel);
}

/*
 * score_inserted_one — a statement that inserted one record: read it from the transition table and take the row
 * path (ADD_SQL, or a full rescore when that cannot be exact). Must be called inside SPI_connect.
 */
static void
score_inserted_one(Tuplestorestate *ts, TupleDesc tupdesc, const RecordCols *c)
{
	TupleTableSlot *slot = MakeSingleTupleTableSlot(tupdesc, &TTSOpsMinimalTuple);
	int			ptr = tuplestore_alloc_read_pointer(ts, EXEC_FLAG_REWIND);
	RecordRow	r;

	tuplestore_select_read_pointer(ts, ptr);
	tuplestore_rescan(ts);
	if (tuplestore_gettupleslot(ts, true, false, slot))
	{
		bool		should_free;
		HeapTuple	tup = ExecFetchSlotHeapTuple(slot, false, &should_free);

		read_record(tup, tupdesc, c, &r);
		if (r.key.present)
			add_record(r.subject_id, &r.key, r.publish_from, r.publish_from_null,
					   r.publish_until, r.publish_until_null, r.record_id);
	}
	tuplestore_select_read_pointer(ts, 0);
	ExecDropSingleTupleTableSlot(slot);
}

/*
 * scoring_record_trigger — the scoring triggers on credit_gz.record: AFTER UPDATE OR DELETE FOR EACH ROW (trigger
 * scoring) rescores the subject(s) of the old and new row under the models either row matches; AFTER INSERT FOR EACH
 * STATEMENT with NEW TABLE scoring_new (trigger scoring_insert) scores the statement's new records (one: the fast
 * path; several: BATCH_SQL). Either way subject_score, grade_history and score_drop are current when the statement
 * ends (scores are always current).
 */
static Datum scoring_record_trigger(FunctionCallInfo fcinfo);
static Datum scoring_list_entry_trigger(FunctionCallInfo fcinfo);

/* The 1.0 entry point: history dated now(), no change number (SCORE_WRITES_1_0). */
Datum
credit_gz_scoring_record_trigger(PG_FUNCTION_ARGS)
{
	history_ordered = false;
	return scoring_record_trigger(fcinfo);
}

/* The 1.1 entry point: history in the order changes took effect on the subject (SCORE_WRITES). */
Datum
credit_gz_scoring_record_trigger_ordered(PG_FUNCTION_ARGS)
{
	history_ordered = true;
	return scoring_record_trigger(fcinfo);
}

/* scoring_record_trigger — the body of both entry points above, writing as history_ordered says. */
static Datum
scoring_record_trigger(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	RecordCols	cols;
	RecordRow	oldr,
				newr;
	bool		has_old,
				has_new;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg_internal("scoring_record_trigger: not called by trigger manager")));
	credit_gz_check_trigger_table(td, "scoring_record_trigger", "record");
	/* a restore's rows already hold what this trigger derives (credit_gz_restore_in_progress) */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && credit_gz_restore_in_progress())
		return PointerGetDatum(NULL);
	tupdesc = RelationGetDescr(td->tg_relation);
	if (TRIGGER_FIRED_AFTER(td->tg_event) && TRIGGER_FIRED_FOR_STATEMENT(td->tg_event) &&
		TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		int64		rows;

		if (td->tg_newtable == NULL || td->tg_trigger->tgnewtable == NULL ||
			strcmp(td->tg_trigger->tgnewtable, NEW_TABLE_NAME) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg_internal("scoring_record_trigger as a statement trigger needs REFERENCING NEW TABLE AS %s",
							NEW_TABLE_NAME)));
		rows = tuplestore_tuple_count(td->tg_newtable);
		if (rows == 0)
			return PointerGetDatum(NULL);
		credit_gz_spi_connect();
		find_record_cols(tupdesc, &cols);
		if (rows == 1)
			score_inserted_one(td->tg_newtable, tupdesc, &cols);
		else
		{
			if (SPI_register_trigger_data(td) != SPI_OK_TD_REGISTER)
				elog(ERROR, "credit_gz scoring: registering the transition table failed");
			score_inserted_batch(td->tg_newtable, tupdesc, &cols, rows);
		}
		SPI_finish();
		return PointerGetDatum(NULL);
	}
	if (!TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg_internal("scoring_record_trigger must be fired AFTER ... FOR EACH ROW, or AFTER INSERT ... FOR EACH STATEMENT")));

	has_old = TRIGGER_FIRED_BY_UPDATE(td->tg_event) || TRIGGER_FIRED_BY_DELETE(td->tg_event);
	has_new = TRIGGER_FIRED_BY_UPDATE(td->tg_event) || TRIGGER_FIRED_BY_INSERT(td->tg_event);

	credit_gz_spi_connect();
	find_record_cols(tupdesc, &cols);
	if (has_old)
		read_record(td->tg_trigtuple, tupdesc, &cols, &oldr);
	if (has_new)
		read_record(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple,
					tupdesc, &cols, &newr);

	if (has_old && has_new)
	{
		if (!same_for_scoring(&oldr, &newr))
		{
			if (oldr.subject_id == newr.subject_id)
			{
				if (oldr.key.present || newr.key.present)
					rescore(newr.subject_id, &oldr.key, &newr.key, false, "record",
							newr.record_id, true, 0, false);
			}
			else
			{
				if (oldr.key.present)
					rescore(oldr.subject_id, &oldr.key, NULL, false, "record", oldr.record_id, true, 0, false);
				if (newr.key.present)
					rescore(newr.subject_id, NULL, &newr.key, false, "record", newr.record_id, true, 0, false);
			}
		}
	}
	else if (has_new)
	{
		if (newr.key.present)
			add_record(newr.subject_id, &newr.key, newr.publish_from, newr.publish_from_null,
					   newr.publish_until, newr.publish_until_null, newr.record_id);
	}
	else if (oldr.key.present)
		rescore(oldr.subject_id, &oldr.key, NULL, false, "record", oldr.record_id, true, 0, false);

	SPI_finish();
	return PointerGetDatum(NULL);
}

/* The columns of one list_entry row that matter for scoring. */
typedef struct EntryRow
{
	int64		entry_id;
	int64		subject_id;
	bool		counts;			/* status active */
	ScoringKey	key;			/* source 'l', list type, '', '', effective_from */
	Datum		effective_until;
	bool		effective_until_null;
} EntryRow;

/*
 * read_entry — pick the scoring columns out of a list_entry tuple. An entry applies while status = 'active'
 * (doc/schema.md); lifted, expired, repaired and revoked entries stop counting.
 */
static void
read_entry(HeapTuple tup, TupleDesc tupdesc, EntryRow *e)
{
	bool		isnull;
	Datum		d;
	char	   *status;

	d = SPI_getbinval(tup, tupdesc, col(tupdesc, "entry_id"), &isnull);
	e->entry_id = isnull ? 0 : DatumGetInt64(d);
	d = SPI_getbinval(tup, tupdesc, col(tupdesc, "subject_id"), &isnull);
	e->subject_id = isnull ? 0 : DatumGetInt64(d);
	status = SPI_getvalue(tup, tupdesc, col(tupdesc, "status"));
	e->counts = !isnull && status != NULL && strcmp(status, "active") == 0;
	if (status)
		pfree(status);
	e->key.present = e->counts;
	e->key.source = 'l';
	e->key.match_code = text_or_empty(tup, tupdesc, col(tupdesc, "list_type_code"));
	e->key.severity_key = CStringGetTextDatum("");
	e->key.domain_key = CStringGetTextDatum("");
	e->key.key_date = SPI_getbinval(tup, tupdesc, col(tupdesc, "effective_from"), &isnull);
	if (isnull)
		e->key.present = false;
	e->effective_until = SPI_getbinval(tup, tupdesc, col(tupdesc, "effective_until"), &e->effective_until_null);
}

/*
 * scoring_list_entry_trigger — AFTER ROW trigger on credit_gz.list_entry: the list counterpart of
 * scoring_record_trigger (a serious-dishonesty entry forcing D, red lists adding points are rules on list types).
 */
Datum
credit_gz_scoring_list_entry_trigger(PG_FUNCTION_ARGS)
{
	history_ordered = false;
	return scoring_list_entry_trigger(fcinfo);
}

/* The 1.1 entry point of the list trigger (see credit_gz_scoring_record_trigger_ordered). */
Datum
credit_gz_scoring_list_entry_trigger_ordered(PG_FUNCTION_ARGS)
{
	history_ordered = true;
	return scoring_list_entry_trigger(fcinfo);
}

/* scoring_list_entry_trigger — the body of both entry points above, writing as history_ordered says. */
static Datum
scoring_list_entry_trigger(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	tupdesc;
	EntryRow	o,
				n;
	bool		has_old,
				has_new;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg_internal("scoring_list_entry_trigger: not called by trigger manager")));
	credit_gz_check_trigger_table(td, "scoring_list_entry_trigger", "list_entry");
	if (!TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg_internal("scoring_list_entry_trigger must be fired AFTER ... FOR EACH ROW")));
	/* a restore's rows already hold what this trigger derives (credit_gz_restore_in_progress) */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && credit_gz_restore_in_progress())
		return PointerGetDatum(NULL);

	tupdesc = RelationGetDescr(td->tg_relation);
	has_old = TRIGGER_FIRED_BY_UPDATE(td->tg_event) || TRIGGER_FIRED_BY_DELETE(td->tg_event);
	has_new = TRIGGER_FIRED_BY_UPDATE(td->tg_event) || TRIGGER_FIRED_BY_INSERT(td->tg_event);

	credit_gz_spi_connect();
	if (has_old)
		read_entry(td->tg_trigtuple, tupdesc, &o);
	if (has_new)
		read_entry(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple, tupdesc, &n);

	if (has_old && has_new)
	{
		bool		same = o.counts == n.counts && o.subject_id == n.subject_id &&
			(!o.counts ||
			 (o.key.present == n.key.present &&
			  datum_eq(o.key.match_code, false, n.key.match_code, false, false) &&
			  datum_eq(o.key.key_date, !o.key.present, n.key.key_date, !n.key.present, true) &&
			  datum_eq(o.effective_until, o.effective_until_null, n.effective_until, n.effective_until_null, true)));

		if (!same)
		{
			if (o.subject_id == n.subject_id)
			{
				if (o.key.present || n.key.present)
					rescore(n.subject_id, &o.key, &n.key, false, "list_entry", 0, false, n.entry_id, true);
			}
			else
			{
				if (o.key.present)
					rescore(o.subject_id, &o.key, NULL, false, "list_entry", 0, false, o.entry_id, true);
				if (n.key.present)
					rescore(n.subject_id, NULL, &n.key, false, "list_entry", 0, false, n.entry_id, true);
			}
		}
	}
	else if (has_new)
	{
		if (n.key.present)
			rescore(n.subject_id, NULL, &n.key, false, "list_entry", 0, false, n.entry_id, true);
	}
	else if (o.key.present)
		rescore(o.subject_id, &o.key, NULL, false, "list_entry", 0, false, o.entry_id, true);

	SPI_finish();
	return PointerGetDatum(NULL);
}

/*
 * scoring_rescore_subject — credit_gz.rescore_subject(subject_id): the trigger's statement under every active model,
 * for repairs by hand and for tests that compare incremental with bulk results.
 */
static Datum scoring_rescore_subject(FunctionCallInfo fcinfo);

Datum
credit_gz_scoring_rescore_subject(PG_FUNCTION_ARGS)
{
	history_ordered = false;
	return scoring_rescore_subject(fcinfo);
}

/* The 1.1 entry point of rescore_subject (see credit_gz_scoring_record_trigger_ordered). */
Datum
credit_gz_scoring_rescore_subject_ordered(PG_FUNCTION_ARGS)
{
	history_ordered = true;
	return scoring_rescore_subject(fcinfo);
}

/* scoring_rescore_subject — the body of both entry points above, writing as history_ordered says. */
static Datum
scoring_rescore_subject(FunctionCallInfo fcinfo)
{
	int64		subject_id = PG_GETARG_INT64(0);
	int			n;

	credit_gz_spi_connect();
	n = rescore(subject_id, NULL, NULL, true, "rescore", 0, false, 0, false);
	SPI_finish();
	PG_RETURN_INT32(n);
}

/*
 * scoring_rescored — credit_gz.scoring_rescored(subject_id): whether the subject was rescored in full in this
 * transaction (was_rescored), for BATCH_SQL, which must not trust such a subject's maintained sums blindly.
 */
Datum
credit_gz_scoring_rescored(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(was_rescored(PG_GETARG_INT64(0)));
}

/*
 * scoring_decayed_points — credit_gz.decayed_points(points, decay, steps, from, until, as_of): SQL face of
 * sm_decayed_points. Not strict: a NULL window bound means no decay; NULL points or as_of give NULL.
 */
Datum
credit_gz_scoring_decayed_points(PG_FUNCTION_ARGS)
{
	int32		points;
	int			decay;
	int			steps;
	bool		has_window;
	DateADT		from = 0,
				until = 0,
				as_of;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(5))
		PG_RETURN_NULL();
	points = PG_GETARG_INT32(0);
	decay = PG_ARGISNULL(1) ? SM_DECAY_NONE : PG_GETARG_INT16(1);
	steps = PG_ARGISNULL(2) ? 1 : PG_GETARG_INT32(2);
	if (decay < SM_DECAY_NONE || decay > SM_DECAY_STEP)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid decay code %d", decay),
				 errhint("Use 0 (none), 1 (linear) or 2 (step).")));
	has_window = !PG_ARGISNULL(3) && !PG_ARGISNULL(4);
	if (has_window)
	{
		from = PG_GETARG_DATEADT(3);
		until = PG_GETARG_DATEADT(4);
		/* infinite dates: an endless window does not decay */
		if (DATE_NOT_FINITE(from) || DATE_NOT_FINITE(until))
			has_window = false;
	}
	as_of = PG_GETARG_DATEADT(5);
	if (DATE_NOT_FINITE(as_of))
		PG_RETURN_INT32(points);
	/* |result| <= |points|: the narrowing cannot overflow */
	PG_RETURN_INT32((int32) sm_decayed_points(points, (sm_decay) decay, steps, has_window, from, until, as_of));
}

/*
 * scoring_grade — credit_gz.scoring_grade(score, contributions, cap_rank, a_min, b_min, c_min, no_history_grade):
 * SQL face of sm_grade_for_score + sm_resolve_grade, returning the grade letter.
 */
Datum
credit_gz_scoring_grade(PG_FUNCTION_ARGS)
{
	sm_thresholds t;
	int64		score;
	bool		has_history;
	int			cap = SM_GRADE_NONE;
	int			nohist = SM_GRADE_M;
	char		letter[2];

	for (int i = 0; i < 6; i++)
		if (i != 2 && PG_ARGISNULL(i))
			PG_RETURN_NULL();
	score = PG_GETARG_INT64(0);
	has_history = PG_GETARG_INT64(1) > 0;
	if (!PG_ARGISNULL(2))
	{
		cap = PG_GETARG_INT16(2);
		if (cap < SM_GRADE_D || cap > SM_GRADE_NONE)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid grade rank %d", cap),
					 errhint("Grade ranks are 0 (D) to 4 (A).")));
	}
	t.a_min = PG_GETARG_INT64(3);
	t.b_min = PG_GETARG_INT64(4);
	t.c_min = PG_GETARG_INT64(5);
	if (!PG_ARGISNULL(6))
	{
		char	   *g = text_to_cstring(PG_GETARG_TEXT_PP(6));

		nohist = (strlen(g) == 1) ? sm_grade_rank(g[0]) : -1;
		if (nohist < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid credit grade: \"%s\"", g),
					 errhint("Grades are A, B, M, C and D.")));
	}
	letter[0] = sm_grade_letter(sm_resolve_grade(sm_grade_for_score(score, &t), has_history, nohist, cap));
	letter[1] = '\0';
	PG_RETURN_TEXT_P(cstring_to_text(letter));
}

/*
 * scoring_clamp_score — credit_gz.clamp_score(base, raw, floor, ceiling): SQL face of sm_clamp_score (hundredths),
 * the clamp of credit_gz.score_from_sums.
 */
Datum
credit_gz_scoring_clamp_score(PG_FUNCTION_ARGS)
{
	int64		base = PG_GETARG_INT64(0);
	int64		raw = PG_GETARG_INT64(1);
	int64		sum;

	if (pg_add_s64_overflow(base, raw, &sum))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("score out of range")));
	PG_RETURN_INT64(sm_clamp_score(base, raw, PG_GETARG_INT64(2), PG_GETARG_INT64(3)));
}

/* scoring_sample_key — credit_gz.sample_key(seed, subject_id): SQL face of sm_sample_key. */
Datum
credit_gz_scoring_sample_key(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(sm_sample_key(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}
