/*
 * score_bulk.c — credit_gz.score_totals(models, as_of): every subject's sums under the scoring rules, in one pass
 * over credit_gz.record and credit_gz.list_entry (分级分类监管; recompute_scores at Guangzhou scale).
 *
 * The same totals are the GROUP BY of credit_gz.score_contributions() (src/scoring.sql), which stays the definition
 * and serves score_breakdown. At 3 million subjects and 30 million records that GROUP BY spends most of its time in
 * the executor's hash aggregate (a partial aggregate per parallel worker hardly shrinks when every worker sees
 * every subject, and the leader then gathers and combines millions of partial rows). Here each counting row costs a
 * lookup of its rule key in a small hash table and one probe of a compact per-(subject, model) accumulator.
 *
 * Memory: the accumulators stay within maintenance_work_mem (this is a maintenance job, like CREATE INDEX); when
 * more subjects are expected than fit, the tables are read in several passes, each for one residue class of
 * subject_id.
 */
#include "postgres.h"
#include "textdomain.h"

#include <math.h>
#include <sys/mman.h>

#include "access/table.h"
#include "access/tableam.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/tuplestore.h"

#include "core/day_range.h"
#include "core/score_math.h"
#include "score_bulk.h"

PG_FUNCTION_INFO_V1(credit_gz_score_totals);
PG_FUNCTION_INFO_V1(credit_gz_counting_record_statuses);

/* One row of credit_gz.scoring_rule_key: what a matching row earns under one model in one validity segment. */
typedef struct RuleKey
{
	DateADT		valid_from;		/* decision date (entry: effective_from) in [valid_from, valid_until) */
	DateADT		valid_until;
	int16		model_no;
	int32		points_centi;
	int16		decay;
	int32		decay_steps;
	int16		cap_rank;		/* SM_GRADE_NONE: no downgrade */
} RuleKey;

/* The rule keys sharing one lookup string (source, match code, severity, domain). */
typedef struct KeyRules
{
	int			n;
	int			cap;
	RuleKey    *rules;
} KeyRules;

/* A subject under a model: the grouping key of the totals. */
typedef struct TotalKey
{
	int64		subject_id;
	int16		model_no;
} TotalKey;

/* Accumulated totals of one subject under one model (40 bytes: the memory budgets below count on it). */
typedef struct TotalEntry
{
	TotalKey	key;
	int16		cap_rank;
	bool		decays;
	char		status;			/* simplehash bookkeeping */
	int32		n;
	int64		raw;
	int64		first_id;		/* smallest row id counted (a batch names its first record) */
} TotalEntry;

#define SH_PREFIX totals
#define SH_ELEMENT_TYPE TotalEntry
#define SH_KEY_TYPE TotalKey
#define SH_KEY key
#define SH_HASH_KEY_FOR_PREFETCH(k) murmurhash32((uint32) (k).subject_id ^ (uint32) ((uint64) (k).subject_id >> 32) \
										 ^ ((uint32) (k).model_no << 21))
#define SH_HASH_KEY(tb, k) SH_HASH_KEY_FOR_PREFETCH(k)
#define SH_EQUAL(tb, a, b) ((a).subject_id == (b).subject_id && (a).model_no == (b).model_no)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#define SH_USE_NONDEFAULT_ALLOCATOR
#include "lib/simplehash.h"
#include "spi_util.h"

/* totals_hash_key_bucket — the home bucket of a key (where simplehash starts probing), for prefetching. */
static inline uint32
totals_hash_key_bucket(totals_hash *tb, TotalKey k)
{
	return SH_HASH_KEY_FOR_PREFETCH(k) & tb->sizemask;
}

/*
 * The accumulators are probed in random subject order, so nearly every probe misses the cache and, with 4 kB
 * pages, the TLB as well; under a hypervisor a TLB miss costs several memory reads. The table's memory is therefore
 * mapped separately and offered to the kernel for transparent huge pages (MADV_HUGEPAGE), which made the bulk pass
 * markedly faster at 3 million subjects. Mappings are recorded here and released by a callback on the work
 * context, so an error mid-pass frees them too.
 */
#define MAX_MAPPINGS 8
static struct
{
	void	   *ptr;
	Size		size;
	void	   *owner;			/* the BulkState whose table it is */
}			mappings[MAX_MAPPINGS];

/* totals_allocate — zeroed memory for the accumulator table (simplehash's allocator hook). */
static inline void *
totals_allocate(totals_hash *tb, Size size)
{
	void	   *p;
	int			slot;

	for (slot = 0; slot < MAX_MAPPINGS && mappings[slot].ptr != NULL; slot++)
		;
	if (slot == MAX_MAPPINGS)
		elog(ERROR, "credit_gz: too many score total mappings");
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("Failed on request of size %zu for the score totals.", size),
				 errhint("Lower maintenance_work_mem so that score_totals reads the records in more passes.")));
#ifdef MADV_HUGEPAGE
	(void) madvise(p, size, MADV_HUGEPAGE);	/* advice only: without THP the table works the same */
#endif
	mappings[slot].ptr = p;
	mappings[slot].size = size;
	mappings[slot].owner = tb->private_data;
	return p;
}

/* totals_free — release a table's memory (simplehash's allocator hook). */
static inline void
totals_free(totals_hash *tb, void *pointer)
{
	for (int slot = 0; slot < MAX_MAPPINGS; slot++)
		if (mappings[slot].ptr == pointer)
		{
			munmap(pointer, mappings[slot].size);
			mappings[slot].ptr = NULL;
			return;
		}
}

/*
 * release_mappings — memory-context callback: unmap whatever the accumulator table of one BulkState (arg) still
 * holds. A batch of a trigger may run while a bulk pass of the same backend is open, so only the owner's go.
 */
static void
release_mappings(void *arg)
{
	for (int slot = 0; slot < MAX_MAPPINGS; slot++)
		if (mappings[slot].ptr != NULL && mappings[slot].owner == arg)
		{
			munmap(mappings[slot].ptr, mappings[slot].size);
			mappings[slot].ptr = NULL;
		}
}

/* release_with — deleting (or, on error, resetting) cxt unmaps the accumulators of `owner` (a BulkState). */
static MemoryContext
release_with(MemoryContext cxt, void *owner)
{
	MemoryContextCallback *release_cb = MemoryContextAllocZero(cxt, sizeof(MemoryContextCallback));

	release_cb->func = release_mappings;
	release_cb->arg = owner;
	MemoryContextRegisterResetCallback(cxt, release_cb);
	return cxt;
}

/*
 * One slot of the rule-key table. A few thousand keys serve 30 million lookups, so the table is a plain array
 * probed linearly (kept at most a quarter full), compared by hash and length before the bytes.
 */
typedef struct KeySlot
{
	uint32		hash;
	int			len;
	char	   *str;			/* NULL: empty slot */
	KeyRules   *kr;
} KeySlot;

/* A counting row waiting for its accumulators (see queue_row). */
typedef struct PendingRow
{
	int64		id;				/* record_id (list entries: PG_INT64_MAX, never a batch's first record) */
	int64		subject_id;
	KeyRules   *kr;
	DateADT		date;
	DateADT		win_from;
	DateADT		win_until;
	bool		win_from_null;
	bool		win_until_null;
} PendingRow;

#define PENDING_BATCH 32

/* The scan state shared by the record and list-entry passes. */
typedef struct BulkState
{
	KeySlot    *keys;			/* open addressing: lookup string → KeyRules */
	uint32		keymask;		/* slots - 1 (a power of two) */
	int			keysize;		/* longest lookup string + 1; longer strings cannot match */
	int			keylen;			/* length of the string in buf */
	char	   *buf;			/* lookup string being built */
	DateADT		as_of;
	totals_hash *totals;
	int			nkeys;			/* rule keys loaded; none: nothing can count */
	uint64		passes;
	uint64		pass;
	char	  **model_codes;	/* model_code by model_no */
	int			max_model_no;
	int			npending;
	PendingRow	pending[PENDING_BATCH];
} BulkState;

/* build_key — the lookup string "<source><match>\x1f<severity>\x1f<domain>", or false when it cannot match. */
static bool
build_key(BulkState *st, char source, const char *match, int mlen, const char *sev, int slen,
		  const char *dom, int dlen)
{
	int			len = 1 + mlen + 1 + slen + 1 + dlen;

	if (len >= st->keysize)
		return false;
	st->buf[0] = source;
	memcpy(st->buf + 1, match, mlen);
	st->buf[1 + mlen] = '\x1f';
	memcpy(st->buf + 2 + mlen, sev, slen);
	st->buf[2 + mlen + slen] = '\x1f';
	memcpy(st->buf + 3 + mlen + slen, dom, dlen);
	st->keylen = len;
	return true;
}

/*
 * find_key — the slot of the lookup string in st->buf (st->keylen bytes): its rules, or NULL when no rule has that
 * key. With enter, a missing key gets a slot with an empty rule list.
 */
static inline KeySlot *
find_key(BulkState *st, bool enter)
{
	uint32		h = hash_bytes((const unsigned char *) st->buf, st->keylen);

	for (uint32 i = h & st->keymask;; i = (i + 1) & st->keymask)
	{
		KeySlot    *slot = &st->keys[i];

		if (slot->str == NULL)
		{
			if (!enter)
				return NULL;
			slot->hash = h;
			slot->len = st->keylen;
			slot->str = pnstrdup(st->buf, st->keylen);
			slot->kr = palloc0(sizeof(KeyRules));
			return slot;
		}
		if (slot->hash == h && slot->len == st->keylen && memcmp(slot->str, st->buf, st->keylen) == 0)
			return slot;
	}
}

/*
 * load_keys — read credit_gz.scoring_rule_key for the models (NULL: all) into a hash table keyed by lookup string.
 * Returns the number of distinct models found.
 */
static int
load_keys(BulkState *st, ArrayType *models, MemoryContext cxt)
{
	Oid			argtypes[1] = {TEXTARRAYOID};
	Datum		args[1];
	char		nulls[1];
	int			maxlen = 0;
	int16	   *seen;
	int			nseen = 0;
	uint64		i;

	args[0] = models ? PointerGetDatum(models) : (Datum) 0;
	nulls[0] = models ? ' ' : 'n';
	if (SPI_execute_with_args("SELECT source, match_code, severity_key, domain_key, model_no, valid_from,"
							  "       valid_until, points_centi, decay, coalesce(decay_steps, 1),"
							  "       coalesce(cap_rank, -1), model_code"
							  "  FROM credit_gz.scoring_rule_key"
							  " WHERE $1 IS NULL OR model_code = ANY ($1)",
							  1, argtypes, args, nulls, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "credit_gz: reading scoring_rule_key failed");
	/* SPI returns in its own procedure context, which SPI_finish frees: the keys live in cxt */
	MemoryContextSwitchTo(cxt);

	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		int			len = 3 + strlen(SPI_getvalue(tup, td, 2)) + strlen(SPI_getvalue(tup, td, 3))
			+ strlen(SPI_getvalue(tup, td, 4));

		maxlen = Max(maxlen, len);
	}
	st->keysize = maxlen + 1;
	st->buf = palloc0(st->keysize);
	st->keymask = 15;
	while (st->keymask + 1 < 4 * (uint64) SPI_processed)
		st->keymask = st->keymask * 2 + 1;
	st->keys = palloc0(sizeof(KeySlot) * (st->keymask + 1));

	seen = palloc(sizeof(int16) * Max(SPI_processed, 1));
	st->max_model_no = -1;
	for (i = 0; i < SPI_processed; i++)
	{
		bool		isnull;

		st->max_model_no = Max(st->max_model_no,
							   DatumGetInt16(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 5, &isnull)));
	}
	st->model_codes = palloc0(sizeof(char *) * (st->max_model_no + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		char	   *source = SPI_getvalue(tup, td, 1);
		char	   *match = SPI_getvalue(tup, td, 2);
		char	   *sev = SPI_getvalue(tup, td, 3);
		char	   *dom = SPI_getvalue(tup, td, 4);
		bool		isnull;
		KeySlot    *slot;
		KeyRules   *kr;
		RuleKey    *r;
		bool		known = false;

		if (!build_key(st, source[0], match, strlen(match), sev, strlen(sev), dom, strlen(dom)))
			elog(ERROR, "credit_gz: scoring key longer than measured");
		slot = find_key(st, true);
		kr = slot->kr;
		if (kr->n == 0)
		{
			kr->cap = 4;
			kr->rules = palloc(sizeof(RuleKey) * kr->cap);
		}
		else if (kr->n == kr->cap)
		{
			kr->cap *= 2;
			kr->rules = repalloc(kr->rules, sizeof(RuleKey) * kr->cap);
		}
		r = &kr->rules[kr->n++];
		r->model_no = DatumGetInt16(SPI_getbinval(tup, td, 5, &isnull));
		r->valid_from = DatumGetDateADT(SPI_getbinval(tup, td, 6, &isnull));
		r->valid_until = DatumGetDateADT(SPI_getbinval(tup, td, 7, &isnull));
		r->points_centi = DatumGetInt32(SPI_getbinval(tup, td, 8, &isnull));
		r->decay = DatumGetInt16(SPI_getbinval(tup, td, 9, &isnull));
		r->decay_steps = DatumGetInt32(SPI_getbinval(tup, td, 10, &isnull));
		r->cap_rank = DatumGetInt16(SPI_getbinval(tup, td, 11, &isnull));
		if (r->cap_rank < 0)
			r->cap_rank = SM_GRADE_NONE;	/* no downgrade */
		if (r->model_no >= 0 && st->model_codes[r->model_no] == NULL)
			st->model_codes[r->model_no] = SPI_getvalue(tup, td, 12);

		for (int j = 0; j < nseen; j++)
			known |= (seen[j] == r->model_no);
		if (!known)
			seen[nseen++] = r->model_no;
	}

	st->nkeys = SPI_processed;
	return nseen;
}

/*
 * apply_row — one counting record or list entry: every rule key of its lookup string whose segment holds its date
 * adds its (decayed) points, count and cap to the subject's totals under that model. The arithmetic is
 * credit_gz.decayed_points' (sm_decayed_points), so bulk and incremental sums agree to the centipoint.
 */
static void
apply_row(BulkState *st, const PendingRow *p)
{
	KeyRules   *kr = p->kr;

	for (int i = 0; i < kr->n; i++)
	{
		RuleKey    *r = &kr->rules[i];
		TotalEntry *t;
		TotalKey	k;
		bool		found;
		int64		pts;

		if (!dr_in_force(r->valid_from, r->valid_until, p->date))
			continue;
		if (r->decay == SM_DECAY_NONE || DATE_NOT_FINITE(st->as_of))
			pts = r->points_centi;
		else
		{
			bool		has_window = !p->win_from_null && !p->win_until_null &&
				!DATE_NOT_FINITE(p->win_from) && !DATE_NOT_FINITE(p->win_until);

			pts = sm_decayed_points(r->points_centi, (sm_decay) r->decay, r->decay_steps, has_window,
									has_window ? p->win_from : 0, has_window ? p->win_until : 0, st->as_of);
		}
		k.subject_id = p->subject_id;
		k.model_no = r->model_no;
		t = totals_insert(st->totals, k, &found);
		if (!found)
		{
			t->raw = 0;
			t->n = 0;
			t->cap_rank = SM_GRADE_NONE;
			t->decays = false;
			t->first_id = p->id;
		}
		if (t->n == PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("subject %lld has too many counting rows under one scoring model",
							(long long) p->subject_id),
					 errdetail("Score totals count at most %d rows per subject and model.", PG_INT32_MAX)));
		t->raw += pts;
		t->n++;
		if (p->id < t->first_id)
			t->first_id = p->id;
		if (r->cap_rank < t->cap_rank)
			t->cap_rank = r->cap_rank;
		t->decays |= (r->decay != SM_DECAY_NONE);
	}
}

/* flush_rows — apply the queued rows. */
static void
flush_rows(BulkState *st)
{
	for (int i = 0; i < st->npending; i++)
		apply_row(st, &st->pending[i]);
	st->npending = 0;
}

/*
 * queue_row — look up the rule keys of the row whose lookup string is in st->buf and queue it. Rows arrive in
 * random subject order, so nearly every accumulator probe misses the cache; queueing a batch and prefetching the
 * home buckets of all its probes first lets those misses overlap instead of being paid one after the other.
 */
static void
queue_row(BulkState *st, int64 id, int64 subject_id, DateADT date, bool win_from_null, DateADT win_from,
		  bool win_until_null, DateADT win_until)
{
	KeySlot    *slot = find_key(st, false);
	PendingRow *p;

	if (slot == NULL)
		return;
	p = &st->pending[st->npending++];
	p->id = id;
	p->subject_id = subject_id;
	p->kr = slot->kr;
	p->date = date;
	p->win_from_null = win_from_null;
	p->win_from = win_from;
	p->win_until_null = win_until_null;
	p->win_until = win_until;
	for (int i = 0; i < p->kr->n && i < 4; i++)
	{
		TotalKey	k;

		k.subject_id = subject_id;
		k.model_no = p->kr->rules[i].model_no;
		__builtin_prefetch(&st->totals->data[totals_hash_key_bucket(st->totals, k)], 1);
	}
	if (st->npending == PENDING_BATCH)
		flush_rows(st);
}

/* attno — a column's number in a relation, or an error naming it (the archive owns the layouts). */
static AttrNumber
attno(Relation rel, const char *name)
{
	return credit_gz_column(RelationGetDescr(rel), RelationGetRelationName(rel), name);
}

/* open_source — open a credit_gz table for reading, refusing callers who could not read all of it through SQL. */
static Relation
open_source(const char *name)
{
	Oid			relid = RangeVarGetRelid(makeRangeVar("credit_gz", (char *) name, -1), AccessShareLock, false);
	Relation	rel;

	if (pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for table credit_gz.%s", name),
				 errdetail("Bulk score totals read every row of credit_gz.%s.", name),
				 errhint("Run credit_gz.recompute_scores() as the extension owner.")));
	if (check_enable_rls(relid, InvalidOid, false) == RLS_ENABLED)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("bulk score totals cannot run under row-level security on credit_gz.%s", name),
				 errdetail("The totals must count every row, and this role sees only some of them."),
				 errhint("Run credit_gz.recompute_scores() as the extension owner.")));
	rel = table_open(relid, NoLock);
	return rel;
}

/* text_of — pointer and length of a text datum (short, never toasted here: codes). */
static inline const char *
text_of(Datum d, int *len)
{
	text	   *t = (text *) pg_detoast_datum_packed((struct varlena *) DatumGetPointer(d));

	*len = VARSIZE_ANY_EXHDR(t);
	return VARDATA_ANY(t);
}

/* status_is — whether a text datum equals a constant. */
static inline bool
status_is(Datum d, const char *s, int slen)
{
	int			len;
	const char *p = text_of(d, &len);

	return len == slen && memcmp(p, s, slen) == 0;
}

/*
 * The statuses in which a record counts (in publicity, under objection): the one definition. The triggers test it
 * here; SQL reads it through credit_gz.counting_record_statuses() and credit_gz.record_counts().
 */
static const char *const COUNTING_STATUSES[] = {"in_publicity", "under_objection"};

/* score_record_counts — whether a record with this status (text, not null) counts (COUNTING_STATUSES). */
bool
score_record_counts(Datum status)
{
	for (int i = 0; i < (int) lengthof(COUNTING_STATUSES); i++)
		if (status_is(status, COUNTING_STATUSES[i], strlen(COUNTING_STATUSES[i])))
			return true;
	return false;
}

/*
 * counting_record_statuses — credit_gz.counting_record_statuses() → text[]: COUNTING_STATUSES for SQL. IMMUTABLE,
 * so the planner folds it (and record_counts() around it) into a constant array.
 */
Datum
credit_gz_counting_record_statuses(PG_FUNCTION_ARGS)
{
	Datum		elems[lengthof(COUNTING_STATUSES)];

	for (int i = 0; i < (int) lengthof(COUNTING_STATUSES); i++)
		elems[i] = CStringGetTextDatum(COUNTING_STATUSES[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, lengthof(COUNTING_STATUSES), TEXTOID, -1, false, TYPALIGN_INT));
}

/* in_pass — whether a subject belongs to the current pass (residue class of subject_id). */
static inline bool
in_pass(const BulkState *st, int64 subject_id)
{
	return st->passes == 1 || ((uint64) subject_id) % st->passes == st->pass;
}

/* A row handler: v and nl are the slot's values, a[] the positions of the table's *_COLS in order. */
typedef void (*RowFn) (BulkState *st, const Datum *v, const bool *nl, const AttrNumber *a);

/*
 * scan_table — read every row of credit_gz.<name> under the query's snapshot, deforming only the named columns,
 * and hand each to row_fn (which queues what counts); then apply what is still queued.
 */
static void
scan_table(BulkState *st, const char *name, const char *const *cols, int ncols, RowFn row_fn)
{
	Relation	rel = open_source(name);
	AttrNumber	a[9];
	AttrNumber	maxatt = 0;
	TupleTableSlot *slot;
	TableScanDesc scan;
	uint64		rows = 0;

	Assert(ncols <= lengthof(a));
	for (int i = 0; i < ncols; i++)
	{
		a[i] = attno(rel, cols[i]);
		maxatt = Max(maxatt, a[i]);
	}
	slot = table_slot_create(rel, NULL);
	scan = table_beginscan(rel, GetActiveSnapshot(), 0, NULL);
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		if ((++rows & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		slot_getsomeattrs(slot, maxatt);
		row_fn(st, slot->tts_values, slot->tts_isnull, a);
	}
	flush_rows(st);
	table_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, NoLock);
}

/* The record columns score_totals reads, and their positions in record_row's a[]. */
static const char *const RECORD_COLS[] = {"subject_id", "item_code", "severity", "domain_code", "decision_date",
"publish_from", "publish_until", "status", "record_id"};
enum
{
	R_SUBJ, R_ITEM, R_SEV, R_DOM, R_DATE, R_FROM, R_UNTIL, R_STATUS, R_ID
};

/* record_row — a record counts while in publicity or under objection; its key is (item, severity, domain). */
static void
record_row(BulkState *st, const Datum *v, const bool *nl, const AttrNumber *a)
{
#define COL(c) (a[c] - 1)
	int64		subject_id;
	int			ilen,
				slen = 0,
				dlen = 0;
	const char *item,
			   *sev = "",
			   *dom = "";

	if (nl[COL(R_STATUS)] || nl[COL(R_SUBJ)] || nl[COL(R_ITEM)] || nl[COL(R_DATE)] || nl[COL(R_ID)])
		return;
	if (!score_record_counts(v[COL(R_STATUS)]))
		return;
	subject_id = DatumGetInt64(v[COL(R_SUBJ)]);
	if (!in_pass(st, subject_id))
		return;
	item = text_of(v[COL(R_ITEM)], &ilen);
	if (!nl[COL(R_SEV)])
		sev = text_of(v[COL(R_SEV)], &slen);
	if (!nl[COL(R_DOM)])
		dom = text_of(v[COL(R_DOM)], &dlen);
	if (!build_key(st, 'r', item, ilen, sev, slen, dom, dlen))
		return;
	queue_row(st, DatumGetInt64(v[COL(R_ID)]), subject_id, DatumGetDateADT(v[COL(R_DATE)]), nl[COL(R_FROM)],
			  DatumGetDateADT(v[COL(R_FROM)]),
			  nl[COL(R_UNTIL)], DatumGetDateADT(v[COL(R_UNTIL)]));
}

/* The list_entry columns score_totals reads, and their positions in entry_row's a[]. */
static const char *const ENTRY_COLS[] = {"subject_id", "list_type_code", "effective_from", "effective_until", "status"};
enum
{
	E_SUBJ, E_TYPE, E_FROM, E_UNTIL, E_STATUS
};

/* entry_row — an entry counts while active; its key is its list type (no severity, no domain). */
static void
entry_row(BulkState *st, const Datum *v, const bool *nl, const AttrNumber *a)
{
	int64		subject_id;
	int			tlen;
	const char *type;

	if (nl[COL(E_STATUS)] || nl[COL(E_SUBJ)] || nl[COL(E_TYPE)] || nl[COL(E_FROM)])
		return;
	if (!status_is(v[COL(E_STATUS)], "active", 6))
		return;
	subject_id = DatumGetInt64(v[COL(E_SUBJ)]);
	if (!in_pass(st, subject_id))
		return;
	type = text_of(v[COL(E_TYPE)], &tlen);
	if (!build_key(st, 'l', type, tlen, "", 0, "", 0))
		return;
	queue_row(st, PG_INT64_MAX, subject_id, DatumGetDateADT(v[COL(E_FROM)]), false, DatumGetDateADT(v[COL(E_FROM)]),
			  nl[COL(E_UNTIL)], DatumGetDateADT(v[COL(E_UNTIL)]));
#undef COL
}

/* emit — append this pass's totals to the result and empty the accumulators for the next pass. */
static void
emit(BulkState *st, ReturnSetInfo *rsinfo)
{
	totals_iterator it;
	TotalEntry *t;

	totals_start_iterate(st->totals, &it);
	while ((t = totals_iterate(st->totals, &it)) != NULL)
	{
		Datum		v[6];
		bool		nl[6] = {false, false, false, false, false, false};

		v[0] = Int64GetDatum(t->key.subject_id);
		v[1] = Int16GetDatum(t->key.model_no);
		v[2] = Int64GetDatum(t->raw);
		v[3] = Int64GetDatum((int64) t->n);
		v[4] = Int16GetDatum(t->cap_rank);
		nl[4] = (t->cap_rank == SM_GRADE_NONE);
		v[5] = BoolGetDatum(t->decays);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, v, nl);
	}
	totals_reset(st->totals);
}

/* estimated_rows — the planner's row estimate of a credit_gz table (reltuples), at least 1. */
static double
estimated_rows(const char *name)
{
	Oid			relid = RangeVarGetRelid(makeRangeVar("credit_gz", (char *) name, -1), NoLock, false);
	Relation	rel = table_open(relid, AccessShareLock);
	double		n = rel->rd_rel->reltuples;

	table_close(rel, AccessShareLock);
	return n > 1 ? n : 1;
}

/*
 * score_totals — credit_gz.score_totals(models text[], as_of date) → (subject_id, model_no, raw, n, cap_rank,
 * decays): for every subject with something counting under a model, the sum of its (decayed) points in hundredths,
 * how many rows count, the worst downgrade cap (grade rank, NULL for none) and whether anything decays. Equal to
 * SELECT subject_id, model_no, sum(effective_centi), count(*), min(cap_rank), bool_or(decays)
 * FROM score_contributions(models, as_of) GROUP BY 1, 2 (test/pgtap/scoring_bulk.sql checks it).
 */
Datum
credit_gz_score_totals(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ArrayType  *models = PG_ARGISNULL(0) ? NULL : PG_GETARG_ARRAYTYPE_P(0);
	BulkState	st;
	MemoryContext work;
	MemoryContext old;
	double		groups;
	double		budget;
	int			nmodels;

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the scoring date must not be null"),
				 errdetail("Decaying points are computed as of a day."),
				 errhint("Pass credit_gz.policy_date() for today.")));
	InitMaterializedSRF(fcinfo, 0);

	memset(&st, 0, sizeof(st));
	st.as_of = PG_GETARG_DATEADT(1);

	work = release_with(AllocSetContextCreate(CurrentMemoryContext, "credit_gz score totals", ALLOCSET_DEFAULT_SIZES),
						&st);
	old = MemoryContextSwitchTo(work);
	credit_gz_spi_connect();
	nmodels = load_keys(&st, models, work);
	SPI_finish();
	MemoryContextSwitchTo(work);

	/*
	 * Groups to expect: at most one per subject and model, and at most one per counting row and model. One pass
	 * when their accumulators fit in maintenance_work_mem (entries kept at most ~40% full, as simplehash grows),
	 * otherwise one pass per residue class of subject_id.
	 */
	groups = Min(estimated_rows("subject") * nmodels, estimated_rows("record") + estimated_rows("list_entry"));
	budget = (double) maintenance_work_mem * 1024.0;
	st.passes = (uint64) ceil(groups * sizeof(TotalEntry) * 2.5 / budget);
	if (st.passes < 1)
		st.passes = 1;
	st.totals = totals_create(work, (uint32) Min(groups / st.passes + 1024, (double) PG_INT32_MAX / 4), &st);

	for (st.pass = 0; st.nkeys > 0 && st.pass < st.passes; st.pass++)
	{
		scan_table(&st, "record", RECORD_COLS, lengthof(RECORD_COLS), record_row);
		scan_table(&st, "list_entry", ENTRY_COLS, lengthof(ENTRY_COLS), entry_row);
		MemoryContextSwitchTo(old);
		emit(&st, rsinfo);
		MemoryContextSwitchTo(work);
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(work);
	return (Datum) 0;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Batch sums: the new records of one INSERT or COPY (src/scoring.c, statement trigger scoring_insert)
 * --------------------------------------------------------------------------------------------------------------- */

/* Expected (subject, model) groups per pass at most (arrays of 4 million model codes stay far below 1 GB). */
#define BATCH_MAX_GROUPS 4000000.0

/* A batch being summed: the shared state, its memory and the record columns' positions. */
struct ScoreBatch
{
	BulkState	st;
	MemoryContext cxt;
	AttrNumber	a[lengthof(RECORD_COLS)];
	AttrNumber	maxatt;
};

/*
 * score_batch_begin — start summing a statement's `rows` new records (tuples of `desc`, credit_gz.record's
 * descriptor) under every model's rules as of `as_of`. SPI must be connected (the rule keys are read through it).
 * The accumulators stay within the hash memory of one executor node (work_mem × hash_mem_multiplier), counting up
 * to two (subject, model) groups per record; a bigger batch is summed in passes, one per residue class of
 * subject_id (score_batch_passes).
 */
ScoreBatch *
score_batch_begin(DateADT as_of, TupleDesc desc, double rows)
{
	ScoreBatch *b = palloc0(sizeof(ScoreBatch));
	MemoryContext cxt = release_with(AllocSetContextCreate(CurrentMemoryContext, "credit_gz batch sums",
														   ALLOCSET_DEFAULT_SIZES), &b->st);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	double		groups = Max(rows, 1) * 2;

	b->cxt = cxt;
	for (int i = 0; i < (int) lengthof(RECORD_COLS); i++)
	{
		int			attnum = credit_gz_column(desc, "credit_gz.record", RECORD_COLS[i]);

		b->a[i] = attnum;
		b->maxatt = Max(b->maxatt, attnum);
	}
	b->st.as_of = as_of;
	(void) load_keys(&b->st, NULL, cxt);
	SPI_freetuptable(SPI_tuptable);
	MemoryContextSwitchTo(cxt);
	b->st.passes = (uint64) ceil(groups * sizeof(TotalEntry) * 2.5 / (double) get_hash_memory_limit());
	/* a pass's sums travel as arrays, and an array is at most 1 GB: bound the groups of a pass as well */
	b->st.passes = Max(b->st.passes, (uint64) ceil(groups / BATCH_MAX_GROUPS));
	if (b->st.passes < 1)
		b->st.passes = 1;
	b->st.totals = totals_create(cxt, (uint32) Min(groups / b->st.passes + 64, (double) PG_INT32_MAX / 4), &b->st);
	MemoryContextSwitchTo(old);
	return b;
}

/* score_batch_passes — how many passes the batch needs (each: score_batch_add every row, then score_batch_take). */
int
score_batch_passes(const ScoreBatch *b)
{
	return (int) b->st.passes;
}

/* score_batch_add — count one new record of the batch (a slot of the transition table) if it is in this pass. */
void
score_batch_add(ScoreBatch *b, TupleTableSlot *slot)
{
	if (b->st.nkeys == 0)
		return;					/* no rule: nothing counts */
	slot_getsomeattrs(slot, b->maxatt);
	record_row(&b->st, slot->tts_values, slot->tts_isnull, b->a);
}

/* The accumulators in (subject_id, model_no) order, so that the batch writes in key order. */
static int
total_ptr_cmp(const void *a, const void *b)
{
	const TotalEntry *x = *(TotalEntry *const *) a;
	const TotalEntry *y = *(TotalEntry *const *) b;

	if (x->key.subject_id != y->key.subject_id)
		return x->key.subject_id < y->key.subject_id ? -1 : 1;
	return (x->key.model_no > y->key.model_no) - (x->key.model_no < y->key.model_no);
}

/*
 * score_batch_take — end the current pass: its (subject, model) sums as seven arrays in subject and model order,
 * allocated in the caller's context: subject_id bigint[], model_code text[], points bigint[] (hundredths), n
 * bigint[], cap_rank smallint[] (NULL: no downgrade), decays boolean[], first record_id bigint[]. Returns how many;
 * the accumulators are emptied and the next pass begins.
 */
int
score_batch_take(ScoreBatch *b, Datum *arrays)
{
	MemoryContext caller = CurrentMemoryContext;
	totals_iterator it;
	TotalEntry *t;
	TotalEntry **sorted;
	Datum	   *v[7];
	bool	   *cap_null;
	int			n = 0,
				count;
	int			dims[1];
	int			lbs[1] = {1};

	flush_rows(&b->st);
	count = (int) b->st.totals->members;
	MemoryContextSwitchTo(b->cxt);
	sorted = palloc(sizeof(TotalEntry *) * Max(count, 1));
	totals_start_iterate(b->st.totals, &it);
	while ((t = totals_iterate(b->st.totals, &it)) != NULL)
		sorted[n++] = t;
	qsort(sorted, n, sizeof(TotalEntry *), total_ptr_cmp);

	MemoryContextSwitchTo(caller);
	for (int i = 0; i < 7; i++)
		v[i] = palloc(sizeof(Datum) * Max(n, 1));
	cap_null = palloc(sizeof(bool) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		TotalEntry *e = sorted[i];

		if (e->key.model_no < 0 || e->key.model_no > b->st.max_model_no || b->st.model_codes[e->key.model_no] == NULL)
			elog(ERROR, "credit_gz: scoring model number %d has no code", e->key.model_no);
		v[0][i] = Int64GetDatum(e->key.subject_id);
		v[1][i] = CStringGetTextDatum(b->st.model_codes[e->key.model_no]);
		v[2][i] = Int64GetDatum(e->raw);
		v[3][i] = Int64GetDatum((int64) e->n);
		v[4][i] = Int16GetDatum(e->cap_rank);
		cap_null[i] = (e->cap_rank == SM_GRADE_NONE);
		v[5][i] = BoolGetDatum(e->decays);
		v[6][i] = Int64GetDatum(e->first_id);
	}
	dims[0] = n;
	arrays[0] = PointerGetDatum(construct_array(v[0], n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	arrays[1] = PointerGetDatum(construct_array(v[1], n, TEXTOID, -1, false, TYPALIGN_INT));
	arrays[2] = PointerGetDatum(construct_array(v[2], n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	arrays[3] = PointerGetDatum(construct_array(v[3], n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	arrays[4] = PointerGetDatum(construct_md_array(v[4], cap_null, 1, dims, lbs, INT2OID, 2, true, TYPALIGN_SHORT));
	arrays[5] = PointerGetDatum(construct_array(v[5], n, BOOLOID, 1, true, TYPALIGN_CHAR));
	arrays[6] = PointerGetDatum(construct_array(v[6], n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	totals_reset(b->st.totals);
	b->st.pass++;
	return n;
}

/* score_batch_end — free the batch's memory. */
void
score_batch_end(ScoreBatch *b)
{
	MemoryContextDelete(b->cxt);
	pfree(b);
}
