/*
 * list_propagation.c — propagation of list entries along relations (联合惩戒 extended to the persons responsible, 二(三)).
 *
 * A directly determined entry (the root) derives entries for the subjects its propagation rules reach through
 * current relations, breadth first, up to each rule's depth limit; derived entries are kept exactly as long as the
 * root is active and every relation on the path holds. Rather than patching trees edge by edge, every change
 * (entry created/changed/lifted, relation created/changed/ended/deleted, rule changed) RECONCILES the affected
 * roots: walk the current graph, keep matching derived entries, create missing ones, lift the rest. That makes the
 * two trigger directions symmetric, cycles terminate in src/core/propagation.c, and a root reaching N subjects
 * costs O(N) queries against indexed tables.
 *
 * Concurrency: a change first looks ahead at the subjects its reconcile will touch and guards them in subject_id
 * order (an upsert of each one's credit_gz.list_guard row, whose row lock is held to the end of the transaction);
 * the reconcile proper then reads relations and entries under those guards. Under READ
 * COMMITTED every SPI query takes a fresh snapshot, so the second of two racing transactions sees the first's rows
 * once the guard is granted; under REPEATABLE READ/SERIALIZABLE the upsert of a row another transaction bumped
 * after the snapshot raises 40001.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "credit_gz.h"
#include "core/day_range.h"
#include "core/propagation.h"
#include "spi_util.h"

/* CG510 (doc/lists.md): a derived list entry was written directly; only propagation maintains them. */
#define ERRCODE_CG_DERIVED_ENTRY		MAKE_SQLSTATE('C','G','5','1','0')

PG_FUNCTION_INFO_V1(credit_gz_list_entry_propagate);
PG_FUNCTION_INFO_V1(credit_gz_relation_propagate);
PG_FUNCTION_INFO_V1(credit_gz_repropagate_entry);

/* >0 while this backend writes derived entries: the entry trigger then lets its own writes through. */
static int	propagating = 0;

/* Saved plans, prepared once per backend (re-planned by the plan cache after DDL). */
enum
{
	P_ROOT, P_EXISTING, P_EDGES, P_INSERT, P_UPDATE, P_LIFT, P_GUARD, P_ROOTS_OF, P_DELETE_TREE, P_NPLANS
};
static SPIPlanPtr plans[P_NPLANS];

static const char *const plan_sql[P_NPLANS] = {
	/* P_ROOT */
	"SELECT subject_id, list_type_code, status, effective_from, effective_until, department_code, basis_document,"
	"       root_entry_id, status_changed_on"
	"  FROM credit_gz.list_entry WHERE entry_id = $1",
	/* P_EXISTING */
	"SELECT entry_id, subject_id, list_type_code FROM credit_gz.list_entry"
	" WHERE root_entry_id = $1 AND status = 'active' ORDER BY entry_id",
	/* P_EDGES: relations a node's rules follow, both directions, current on the reconcile's day ($4) */
	"SELECT r.relation_id, r.related_subject_id AS target, p.derived_list_type_code, p.propagation_rule_id,"
	"       r.valid_from, r.valid_until"
	"  FROM credit_gz.propagation_rule p"
	"  JOIN credit_gz.relation r ON r.subject_id = $1 AND r.kind::text = p.relation_kind"
	" WHERE p.list_type_code = $2 AND p.direction = 'to_party' AND p.max_depth > $3"
	"   AND credit_gz.in_force(p.effective_from, p.effective_until, $4)"
	"   AND (p.min_share_pct IS NULL OR r.share_pct >= p.min_share_pct)"
	"   AND (r.valid_until IS NULL OR r.valid_until > $4)"
	" UNION ALL "
	"SELECT r.relation_id, r.subject_id, p.derived_list_type_code, p.propagation_rule_id, r.valid_from, r.valid_until"
	"  FROM credit_gz.propagation_rule p"
	"  JOIN credit_gz.relation r ON r.related_subject_id = $1 AND r.kind::text = p.relation_kind"
	" WHERE p.list_type_code = $2 AND p.direction = 'to_organisation' AND p.max_depth > $3"
	"   AND credit_gz.in_force(p.effective_from, p.effective_until, $4)"
	"   AND (p.min_share_pct IS NULL OR r.share_pct >= p.min_share_pct)"
	"   AND (r.valid_until IS NULL OR r.valid_until > $4)"
	" ORDER BY 1, 4",
	/* P_INSERT: no record_id — the root's record is another subject's (reached through root_entry_id) */
	"INSERT INTO credit_gz.list_entry (subject_id, list_type_code, department_code, basis_document, effective_from,"
	"       effective_until, derived_from_entry_id, via_relation_id, root_entry_id, depth, propagation_rule_id)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING entry_id",
	/* P_UPDATE: only when something differs, so an unchanged tree writes nothing */
	"UPDATE credit_gz.list_entry SET derived_from_entry_id = $2, via_relation_id = $3, depth = $4,"
	"       effective_from = $5, effective_until = $6, propagation_rule_id = $7, department_code = $8,"
	"       basis_document = $9, updated_at = now()"
	" WHERE entry_id = $1 AND (derived_from_entry_id, via_relation_id, depth, effective_from, effective_until,"
	"       propagation_rule_id, department_code, basis_document)"
	"       IS DISTINCT FROM ($2, $3, $4, $5, $6, $7, $8, $9)",
	/* P_LIFT: $3 the day the derived entry stops */
	"UPDATE credit_gz.list_entry SET status = 'lifted', status_changed_on = $3, status_reason = $2,"
	"       updated_at = now()"
	" WHERE entry_id = $1 AND status = 'active'",
	/* P_GUARD: the subject's row lock first (see guard_subject), then its guard */
	"WITH s AS (SELECT 1 FROM credit_gz.subject WHERE subject_id = $1 FOR NO KEY UPDATE)"
	"INSERT INTO credit_gz.list_guard AS g (subject_id) SELECT $1 FROM (SELECT count(*) FROM s) l"
	" ON CONFLICT (subject_id) DO UPDATE SET changes = g.changes + 1",
	/* P_ROOTS_OF: roots whose trees may cross the given subjects or the given relation */
	"SELECT coalesce(root_entry_id, entry_id) FROM credit_gz.list_entry"
	" WHERE status = 'active' AND subject_id = ANY ($1)"
	" UNION "
	"SELECT root_entry_id FROM credit_gz.list_entry WHERE status = 'active' AND via_relation_id = $2"
	" ORDER BY 1",
	/* P_DELETE_TREE */
	"DELETE FROM credit_gz.list_entry WHERE root_entry_id = $1",
};

static const int plan_nargs[P_NPLANS] = {1, 1, 4, 11, 9, 3, 1, 2, 1};
static const Oid plan_types[P_NPLANS][12] = {
	{INT8OID},
	{INT8OID},
	{INT8OID, TEXTOID, INT4OID, DATEOID},
	{INT8OID, TEXTOID, TEXTOID, TEXTOID, DATEOID, DATEOID, INT8OID, INT8OID, INT8OID, INT4OID, INT4OID},
	{INT8OID, INT8OID, INT8OID, INT4OID, DATEOID, DATEOID, INT4OID, TEXTOID, TEXTOID},
	{INT8OID, TEXTOID, DATEOID},
	{INT8OID},
	{INT8ARRAYOID, INT8OID},
	{INT8OID},
};

/*
 * get_plan — the saved plan for one of the statements above, prepared on first use in this backend.
 * Requires an SPI connection.
 */
static SPIPlanPtr
get_plan(int which)
{
	if (plans[which] == NULL)
		plans[which] = credit_gz_keep_plan(plan_sql[which], plan_nargs[which], (Oid *) plan_types[which]);
	return plans[which];
}

/* run_plan — execute a saved plan, raising on SPI failure. */
static void
run_plan(int which, Datum *values, const char *nulls, long count)
{
	int			rc = SPI_execute_plan(get_plan(which), values, nulls, false, count);

	if (rc < 0)
		elog(ERROR, "credit_gz: list plan %d failed: %s", which, SPI_result_code_string(rc));
}

/*
 * guard_subject — serialise propagation work touching one subject (see the file header). Re-entrant within a
 * transaction; released at commit or abort. The guard is the row lock that the upsert of credit_gz.list_guard
 * takes: a second transaction's upsert waits for the first to end, and a REPEATABLE READ or SERIALIZABLE transaction
 * that bumps a row another transaction bumped after its snapshot gets 40001 instead of missing that change. A row
 * lock lives in the tuple rather than the shared lock table, so one transaction may touch any number of subjects
 * (a per-subject advisory lock ran out of shared memory after a few thousand relations in one statement).
 * One lock order for the two locks of a subject: its row in credit_gz.subject (the scoring lock, FOR NO KEY UPDATE)
 * before its guard. A list change scores the subjects it touches after guarding them, and the expiry job takes a
 * batch's subjects before its entries' triggers guard them; with the guard taken first here, a lift holding a guard
 * and waiting for the subject could meet the expiry job holding the subject and waiting for the guard.
 */
static void
guard_subject(int64 subject_id)
{
	Datum		v[1] = {Int64GetDatum(subject_id)};

	run_plan(P_GUARD, v, NULL, 0);
}

/*
 * The subjects one change will guard, gathered before any of them is guarded so that they can be taken in
 * subject_id order — the order every path that locks several subjects follows (record batches, the expiry job).
 * Guarding a tree breadth-first instead takes a related subject of a lower id after the listed one, and meets a
 * batch that holds the lower id and waits for the higher.
 */
typedef struct subject_set
{
	int64	   *ids;
	int			n,
				cap;
	bool		sorted;
	MemoryContext cxt;			/* where ids live: the caller's, so the set outlives a reconcile's context */
} subject_set;

#define SUBJECT_SET_INIT {NULL, 0, 0, false, NULL}

/* subject_set_add — remember a subject to guard (duplicates allowed until subject_set_guard sorts them out). */
static void
subject_set_add(subject_set *s, int64 subject_id)
{
	if (s->n == s->cap)
	{
		if (s->cxt == NULL)
			s->cxt = CurrentMemoryContext;
		s->cap = s->cap ? s->cap * 2 : 16;
		s->ids = s->ids ? repalloc(s->ids, s->cap * sizeof(int64)) : MemoryContextAlloc(s->cxt, s->cap * sizeof(int64));
	}
	s->ids[s->n++] = subject_id;
	s->sorted = false;
}

static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

/* subject_set_guard — sort, drop duplicates, and guard every subject of the set in subject_id order. */
static void
subject_set_guard(subject_set *s)
{
	int			k = 0;

	if (s->n > 1)
		qsort(s->ids, s->n, sizeof(int64), cmp_int64);
	for (int i = 0; i < s->n; i++)
		if (i == 0 || s->ids[i] != s->ids[i - 1])
			s->ids[k++] = s->ids[i];
	s->n = k;
	s->sorted = true;
	for (int i = 0; i < s->n; i++)
		guard_subject(s->ids[i]);
}

/* subject_set_holds — whether the subject was guarded with the set (a sorted set; NULL holds nothing). */
static bool
subject_set_holds(const subject_set *s, int64 subject_id)
{
	return s != NULL && s->sorted && s->n > 0 &&
		bsearch(&subject_id, s->ids, s->n, sizeof(int64), cmp_int64) != NULL;
}

/*
 * guard_unless_held — guard a subject the set did not foresee: a relation or entry committed between the look
 * ahead and the guards. Out of subject_id order, but only for what changed in that moment.
 */
static void
guard_unless_held(const subject_set *held, int64 subject_id)
{
	if (!subject_set_holds(held, subject_id))
		guard_subject(subject_id);
}

/* Allocator hooks for src/core: palloc in the reconcile's memory context (never returns NULL). */
static void *
pg_alloc(size_t n, void *ctx)
{
	return MemoryContextAlloc((MemoryContext) ctx, n);
}

static void *
pg_grow(void *p, size_t n, void *ctx)
{
	return repalloc(p, n);
}

static void
pg_release(void *p, void *ctx)
{
	pfree(p);
}

/* A small intern table mapping list type codes to the integers src/core keys on. */
typedef struct type_table
{
	char	  **codes;
	int			n,
				cap;
} type_table;

/* intern — the id of a list type code within one reconcile. */
static int32
intern(type_table *t, const char *code)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->codes[i], code) == 0)
			return i;
	if (t->n == t->cap)
	{
		t->cap = t->cap ? t->cap * 2 : 8;
		t->codes = t->codes ? repalloc(t->codes, t->cap * sizeof(char *)) : palloc(t->cap * sizeof(char *));
	}
	t->codes[t->n] = pstrdup(code);
	return t->n++;
}

/* One relation a node's rules follow, copied out of the SPI result before more statements run. */
typedef struct edge
{
	int64		relation_id;
	int64		target;
	char	   *derived_type;
	int32		rule_id;
	int32		valid_from;		/* DR_OPEN_FROM when NULL */
	int32		valid_until;	/* DR_OPEN_UNTIL when NULL (the first day the relation no longer holds) */
} edge;

/* Column value helpers over the current SPI result. */
static int64
col_int8(HeapTuple tup, TupleDesc td, int col, bool *isnull)
{
	Datum		d = SPI_getbinval(tup, td, col, isnull);

	return *isnull ? 0 : DatumGetInt64(d);
}

static int32
col_day(HeapTuple tup, TupleDesc td, int col, int32 if_null)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, td, col, &isnull);

	return isnull ? if_null : (int32) DatumGetDateADT(d);
}

/* The root entry of a propagation tree, as reconcile needs it. */
typedef struct root_entry
{
	int64		subject_id;
	char	   *type;
	char	   *status;
	int32		from;
	int32		until;
	char	   *department;
	char	   *basis;
	int64		its_root;		/* the entry's own root when it is derived, else 0 */
	DateADT		lift_day;		/* the day derived entries that no longer hold are lifted on */
} root_entry;

/*
 * read_root — the entry root_id as a propagation root; false when there is no such entry. An entry that ended
 * (not active) lifts what it derived on its own status date; otherwise on `day`.
 */
static bool
read_root(int64 root_id, DateADT day, root_entry *r)
{
	Datum		v[1] = {Int64GetDatum(root_id)};
	HeapTuple	t;
	TupleDesc	td;
	bool		isnull;

	run_plan(P_ROOT, v, NULL, 1);
	if (SPI_processed == 0)
		return false;
	t = SPI_tuptable->vals[0];
	td = SPI_tuptable->tupdesc;
	r->its_root = col_int8(t, td, 8, &isnull);
	r->subject_id = col_int8(t, td, 1, &isnull);
	r->type = SPI_getvalue(t, td, 2);
	r->status = SPI_getvalue(t, td, 3);
	r->from = col_day(t, td, 4, DR_OPEN_FROM);
	r->until = col_day(t, td, 5, DR_OPEN_UNTIL);
	r->department = SPI_getvalue(t, td, 6);
	r->basis = SPI_getvalue(t, td, 7);
	r->lift_day = strcmp(r->status, "active") != 0 ? col_day(t, td, 9, day) : day;
	SPI_freetuptable(SPI_tuptable);
	return true;
}

/* read_edges — the relations a node's rules follow on `day` (P_EDGES), copied out of SPI memory. */
static edge *
read_edges(int64 subject_id, const char *type, int32 depth, DateADT day, uint64 *nedges)
{
	Datum		v[4];
	edge	   *edges;
	bool		isnull;

	v[0] = Int64GetDatum(subject_id);
	v[1] = CStringGetTextDatum(type);
	v[2] = Int32GetDatum(depth);
	v[3] = DateADTGetDatum(day);
	run_plan(P_EDGES, v, NULL, 0);
	*nedges = SPI_processed;
	edges = palloc(sizeof(edge) * (*nedges ? *nedges : 1));
	for (uint64 k = 0; k < *nedges; k++)
	{
		HeapTuple	t = SPI_tuptable->vals[k];
		TupleDesc	td = SPI_tuptable->tupdesc;

		edges[k].relation_id = col_int8(t, td, 1, &isnull);
		edges[k].target = col_int8(t, td, 2, &isnull);
		edges[k].derived_type = SPI_getvalue(t, td, 3);
		edges[k].rule_id = DatumGetInt32(SPI_getbinval(t, td, 4, &isnull));
		edges[k].valid_from = col_day(t, td, 5, DR_OPEN_FROM);
		edges[k].valid_until = col_day(t, td, 6, DR_OPEN_UNTIL);
	}
	SPI_freetuptable(SPI_tuptable);
	return edges;
}

/*
 * materialise — write node n of the walk, reached from node `parent` along edge e, as a derived entry: inserted
 * when it has none yet (its entry id recorded in the node, for its children), else brought up to date. Returns the
 * number of entries written.
 */
static int
materialise(prop_walk *w, int parent, int n, const edge *e, const root_entry *root, int64 root_id)
{
	Datum		v[11];
	char		nulls[11];
	bool		isnull;
	int32		lo = w->nodes[n].lo;
	int32		hi = w->nodes[n].hi;

	memset(nulls, ' ', sizeof(nulls));
	if (w->nodes[n].entry_id == 0)
	{
		v[0] = Int64GetDatum(w->nodes[n].subject_id);
		v[1] = CStringGetTextDatum(e->derived_type);
		v[2] = CStringGetTextDatum(root->department);
		v[3] = CStringGetTextDatum(root->basis);
		v[4] = DateADTGetDatum(lo);
		v[5] = DateADTGetDatum(hi);
		nulls[5] = (hi == DR_OPEN_UNTIL) ? 'n' : ' ';
		v[6] = Int64GetDatum(w->nodes[parent].entry_id);
		v[7] = Int64GetDatum(e->relation_id);
		v[8] = Int64GetDatum(root_id);
		v[9] = Int32GetDatum(w->nodes[n].depth);
		v[10] = Int32GetDatum(e->rule_id);
		run_plan(P_INSERT, v, nulls, 1);
		w->nodes[n].entry_id = col_int8(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
		SPI_freetuptable(SPI_tuptable);
		return 1;
	}
	v[0] = Int64GetDatum(w->nodes[n].entry_id);
	v[1] = Int64GetDatum(w->nodes[parent].entry_id);
	v[2] = Int64GetDatum(e->relation_id);
	v[3] = Int32GetDatum(w->nodes[n].depth);
	v[4] = DateADTGetDatum(lo);
	v[5] = DateADTGetDatum(hi);
	nulls[5] = (hi == DR_OPEN_UNTIL) ? 'n' : ' ';
	v[6] = Int32GetDatum(e->rule_id);
	v[7] = CStringGetTextDatum(root->department);
	v[8] = CStringGetTextDatum(root->basis);
	run_plan(P_UPDATE, v, nulls, 0);
	return (int) SPI_processed;
}

/* lift_unkept — lift the existing derived entries the walk did not reach: they no longer hold. */
static int
lift_unkept(prop_walk *w, const char *reason, DateADT day)
{
	Datum		v[3];
	size_t		cur = 0;
	int64		gone;
	int			changes = 0;

	while ((gone = prop_unkept_next(w, &cur)) != 0)
	{
		v[0] = Int64GetDatum(gone);
		v[1] = CStringGetTextDatum(reason);
		v[2] = DateADTGetDatum(day);
		run_plan(P_LIFT, v, NULL, 0);
		changes += (int) SPI_processed;
	}
	return changes;
}

/*
 * load_root — the root of entry_id's tree (the entry itself, or the root it was derived from); false when there is
 * no such entry. *root_id becomes the root's id.
 */
static bool
load_root(int64 *root_id, DateADT day, root_entry *root)
{
	while (read_root(*root_id, day, root))
	{
		if (root->its_root == 0)
			return true;
		*root_id = root->its_root;
	}
	return false;
}

/* root_active — whether the root still derives on `day` (else everything it derived is lifted). */
static bool
root_active(const root_entry *root, DateADT day)
{
	return strcmp(root->status, "active") == 0 && !dr_ended(root->until, (int32) day);
}

/*
 * walk_tree — the breadth-first walk from the root along the relations its rules follow on `day`. With `foresee`
 * it only gathers the subjects it reaches (nothing guarded, nothing written); otherwise it guards each subject the
 * set `held` does not hold before reading its relations, and materialises every node, adding the writes to
 * *changes. Both modes prune alike, so the look ahead reaches what the real walk will, unless relations change in
 * between.
 */
static void
walk_tree(prop_walk *w, type_table *types, const root_entry *root, int64 root_id, DateADT day,
		  subject_set *foresee, const subject_set *held, int *changes)
{
	int			i;

	while ((i = prop_next(w)) >= 0)
	{
		uint64		nedges;
		edge	   *edges;

		if (i > 0 && foresee == NULL)
			guard_unless_held(held, w->nodes[i].subject_id);
		edges = read_edges(w->nodes[i].subject_id, types->codes[w->nodes[i].type_id], w->nodes[i].depth, day, &nedges);
		for (uint64 k = 0; k < nedges; k++)
		{
			int32		lo = w->nodes[i].lo;
			int32		hi = w->nodes[i].hi;
			int			n;

			/* a derived entry holds while both its parent and the relation hold: the overlap of the two periods */
			if (!dr_intersect(&lo, &hi, edges[k].valid_from, edges[k].valid_until) || dr_ended(hi, (int32) day))
				continue;
			n = prop_visit(w, i, edges[k].target, intern(types, edges[k].derived_type), edges[k].relation_id);
			if (n == PROP_SEEN)
				continue;
			if (n < 0)
				elog(ERROR, "credit_gz: out of memory in propagation");
			w->nodes[n].lo = lo;
			w->nodes[n].hi = hi;
			w->nodes[n].aux = edges[k].rule_id;
			if (foresee != NULL)
				subject_set_add(foresee, edges[k].target);
			else				/* materialise now: children need this node's entry id (breadth first) */
				*changes += materialise(w, i, n, &edges[k], root, root_id);
		}
		pfree(edges);
	}
}

/* start_walk — a walk from the root entry, its period the root's. */
static void
start_walk(prop_walk *w, const prop_allocator *a, type_table *types, const root_entry *root, int64 root_id)
{
	if (prop_walk_init(w, a, root->subject_id, intern(types, root->type), root_id) != 0)
		elog(ERROR, "credit_gz: out of memory in propagation");
	w->nodes[0].lo = root->from;
	w->nodes[0].hi = root->until;
}

/*
 * read_existing — the root's active derived entries: registered with the walk, and their subjects added to
 * `subjects` when given (lifting one scores its subject, which locks it).
 */
static void
read_existing(int64 root_id, prop_walk *w, type_table *types, subject_set *subjects)
{
	Datum		v[1] = {Int64GetDatum(root_id)};
	bool		isnull;

	run_plan(P_EXISTING, v, NULL, 0);
	for (uint64 k = 0; k < SPI_processed; k++)
	{
		HeapTuple	t = SPI_tuptable->vals[k];
		TupleDesc	td = SPI_tuptable->tupdesc;
		int64		eid = col_int8(t, td, 1, &isnull);
		int64		sid = col_int8(t, td, 2, &isnull);

		if (w != NULL)
			prop_existing_add(w, sid, intern(types, SPI_getvalue(t, td, 3)), eid);
		if (subjects != NULL)
			subject_set_add(subjects, sid);
	}
	SPI_freetuptable(SPI_tuptable);
}

/*
 * foresee_tree — add to `subjects` every subject reconciling entry_id's tree on `day` would guard: the root's, those
 * of its derived entries, and those the walk reaches. Reads only; nothing is guarded.
 */
static void
foresee_tree(int64 entry_id, DateADT day, subject_set *subjects)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "credit_gz foresee", ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	prop_allocator a = {pg_alloc, pg_grow, pg_release, cxt};
	type_table	types = {0};
	root_entry	root;
	int64		root_id = entry_id;

	if (subjects->cxt == NULL)
		subjects->cxt = old;
	if (load_root(&root_id, day, &root))
	{
		subject_set_add(subjects, root.subject_id);
		read_existing(root_id, NULL, NULL, subjects);
		if (root_active(&root, day))
		{
			prop_walk	w;

			start_walk(&w, &a, &types, &root, root_id);
			walk_tree(&w, &types, &root, root_id, day, subjects, NULL, NULL);
			prop_walk_free(&w);
		}
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
}

/*
 * reconcile — bring the derived entries of one root in line with the relations and rules in force on `day`.
 * Returns the number of derived entries created, changed or lifted. Requires an SPI connection.
 * An entry that is itself derived is reconciled through its root. `day` is the caller's: the policy date for the
 * triggers, the job's as_of for run_expiry (through repropagate_entry), so that a job never reads the clock.
 * Entries lifted because the root itself ended stop on the root's own status date, whoever reconciles.
 * `held`: the subjects the caller already guarded in subject_id order; NULL to have this tree's subjects foreseen
 * and guarded in that order first.
 */
static int
reconcile(int64 root_id, DateADT day, const subject_set *held)
{
	MemoryContext cxt;
	MemoryContext old;
	prop_allocator a;
	prop_walk	w;
	type_table	types = {0};
	root_entry	root;
	subject_set mine = SUBJECT_SET_INIT;
	int			changes = 0;
	const char *lift_reason;

	if (held == NULL)
	{
		foresee_tree(root_id, day, &mine);
		subject_set_guard(&mine);
		held = &mine;
	}
	cxt = AllocSetContextCreate(CurrentMemoryContext, "credit_gz reconcile", ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	a = (prop_allocator) {pg_alloc, pg_grow, pg_release, cxt};
	if (!load_root(&root_id, day, &root))
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
		return 0;
	}

	guard_unless_held(held, root.subject_id);
	start_walk(&w, &a, &types, &root, root_id);
	read_existing(root_id, &w, &types, NULL);

	if (root_active(&root, day))
	{
		lift_reason = "relation or propagation rule no longer holds";
		walk_tree(&w, &types, &root, root_id, day, NULL, held, &changes);
	}
	else if (strcmp(root.status, "active") == 0)
		lift_reason = "source entry term ended";
	else
		lift_reason = psprintf("source entry %s", root.status);

	/* whatever the walk did not reach no longer holds */
	changes += lift_unkept(&w, lift_reason, root.lift_day);

	prop_walk_free(&w);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return changes;
}

/*
 * reconcile_guarded — reconcile with the propagating flag raised, so the entry trigger lets the derived writes
 * through; the flag is restored on error too.
 */
static int
reconcile_guarded(int64 root_id, DateADT day, const subject_set *held)
{
	int			n = 0;

	propagating++;
	PG_TRY();
	{
		n = reconcile(root_id, day, held);
	}
	PG_FINALLY();
	{
		propagating--;
	}
	PG_END_TRY();
	return n;
}

/* Attribute value of a trigger tuple by name (NULL-safe int8). */
static int64
tuple_int8(HeapTuple tup, TupleDesc td, const char *name, bool *isnull)
{
	return col_int8(tup, td, credit_gz_column(td, "credit_gz.list_entry", name), isnull);
}

/* True when the named column differs between two versions of a row (compared by output text). */
static bool
column_changed(HeapTuple a, HeapTuple b, TupleDesc td, const char *name)
{
	int			att = credit_gz_column(td, "credit_gz.list_entry", name);
	char	   *x = SPI_getvalue(a, td, att);
	char	   *y = SPI_getvalue(b, td, att);

	if (x == NULL || y == NULL)
		return (x == NULL) != (y == NULL);
	return strcmp(x, y) != 0;
}

/*
 * credit_gz_list_entry_propagate — AFTER ROW trigger on list_entry.
 * Directly determined entries: derive on insert and on relevant changes; delete the tree with its root.
 * Derived entries may only be written by propagation itself (CG510); deleting one is allowed (it is re-derived on
 * the next change of its root or relations), and so is loading one that is no longer active (history, pg_restore).
 */
Datum
credit_gz_list_entry_propagate(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	bool		isnull;
	bool		derived_new = false,
				derived_old = false;
	int64		entry_id;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_AFTER(td->tg_event))
		elog(ERROR, "credit_gz.list_entry_propagate() must be an AFTER ROW trigger");
	/* a restore's rows already hold what this trigger derives (credit_gz_restore_in_progress) */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && credit_gz_restore_in_progress())
		return PointerGetDatum(NULL);
	if (propagating > 0)
		return PointerGetDatum(NULL);

	desc = td->tg_relation->rd_att;
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		(void) tuple_int8(td->tg_trigtuple, desc, "derived_from_entry_id", &isnull);
		derived_old = !isnull;
	}
	if (!TRIGGER_FIRED_BY_DELETE(td->tg_event))
	{
		HeapTuple	nt = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;

		(void) tuple_int8(nt, desc, "derived_from_entry_id", &isnull);
		derived_new = !isnull;
	}
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event) && derived_old)
		return PointerGetDatum(NULL);
	/* a derived entry that no longer applies is history: loading it (pg_restore) changes nothing */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && derived_new)
	{
		int			att = credit_gz_column(desc, "credit_gz.list_entry", "status");
		char	   *status = SPI_getvalue(td->tg_trigtuple, desc, att);

		if (status != NULL && strcmp(status, "active") != 0)
			return PointerGetDatum(NULL);
	}
	entry_id = tuple_int8(td->tg_trigtuple, desc, "entry_id", &isnull);
	if (derived_old || derived_new)
		ereport(ERROR,
				(errcode(ERRCODE_CG_DERIVED_ENTRY),
				 errmsg("derived list entries are maintained by propagation"),
				 errdetail("List entry %s of subject %s is derived from another entry along a relation.",
						   SPI_getvalue(td->tg_trigtuple, desc, credit_gz_column(desc, "credit_gz.list_entry", "basis_document")),
						   credit_gz_subject_code(tuple_int8(td->tg_trigtuple, desc, "subject_id", &isnull))),
				 errtableconstraint(td->tg_relation, td->tg_trigger->tgname),
				 errhint("Change the source entry, the relation or the propagation rule instead.")));

	credit_gz_spi_connect();
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
	{
		Datum		v[1] = {Int64GetDatum(entry_id)};
		subject_set tree = SUBJECT_SET_INIT;

		/* deleting each derived entry scores its subject: take them all first, in subject_id order */
		subject_set_add(&tree, tuple_int8(td->tg_trigtuple, desc, "subject_id", &isnull));
		read_existing(entry_id, NULL, NULL, &tree);
		subject_set_guard(&tree);
		propagating++;
		PG_TRY();
		{
			run_plan(P_DELETE_TREE, v, NULL, 0);
		}
		PG_FINALLY();
		{
			propagating--;
		}
		PG_END_TRY();
	}
	else if (TRIGGER_FIRED_BY_INSERT(td->tg_event) ||
			 column_changed(td->tg_trigtuple, td->tg_newtuple, desc, "status") ||
			 column_changed(td->tg_trigtuple, td->tg_newtuple, desc, "effective_from") ||
			 column_changed(td->tg_trigtuple, td->tg_newtuple, desc, "effective_until") ||
			 column_changed(td->tg_trigtuple, td->tg_newtuple, desc, "department_code") ||
			 column_changed(td->tg_trigtuple, td->tg_newtuple, desc, "basis_document"))
		(void) reconcile_guarded(entry_id, credit_gz_policy_day(), NULL);
	SPI_finish();
	return PointerGetDatum(NULL);
}

/* roots_of — the roots whose trees may cross the given subjects or the given relation (P_ROOTS_OF). */
static int64 *
roots_of(Datum subjects, int64 relation_id, uint64 *nroots)
{
	Datum		v[2] = {subjects, Int64GetDatum(relation_id)};
	int64	   *roots;
	bool		isnull;

	run_plan(P_ROOTS_OF, v, NULL, 0);
	*nroots = SPI_processed;
	roots = palloc(sizeof(int64) * (*nroots ? *nroots : 1));
	for (uint64 k = 0; k < *nroots; k++)
		roots[k] = col_int8(SPI_tuptable->vals[k], SPI_tuptable->tupdesc, 1, &isnull);
	SPI_freetuptable(SPI_tuptable);
	return roots;
}

/*
 * credit_gz_relation_propagate — AFTER ROW trigger on relation. Guards both parties and every subject of the trees
 * they are in, in subject_id order, then reconciles every root whose tree may start at, pass through or have used
 * the relation: a relation created while its organisation is listed derives; ended (valid_until) or deleted lifts.
 */
Datum
credit_gz_relation_propagate(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	HeapTuple	rows[2];
	int			nrows = 0;
	Datum		ids[4];
	int			nids = 0;
	int64		relation_id = 0;
	bool		isnull;
	int64	   *roots;
	uint64		nroots;
	Datum		parties;
	subject_set held = SUBJECT_SET_INIT;
	DateADT		day;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_AFTER(td->tg_event))
		elog(ERROR, "credit_gz.relation_propagate() must be an AFTER ROW trigger");
	credit_gz_check_trigger_table(td, "relation_propagate", "relation");
	/* a restore's rows already hold what this trigger derives (credit_gz_restore_in_progress) */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && credit_gz_restore_in_progress())
		return PointerGetDatum(NULL);
	desc = td->tg_relation->rd_att;

	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		static const char *const watched[] = {"subject_id", "related_subject_id", "kind", "share_pct", "valid_from", "valid_until"};
		bool		changed = false;

		for (int k = 0; k < lengthof(watched) && !changed; k++)
			changed = column_changed(td->tg_trigtuple, td->tg_newtuple, desc, watched[k]);
		if (!changed)
			return PointerGetDatum(NULL);
		rows[nrows++] = td->tg_trigtuple;
		rows[nrows++] = td->tg_newtuple;
	}
	else
		rows[nrows++] = td->tg_trigtuple;

	day = credit_gz_policy_day();
	credit_gz_spi_connect();
	for (int r = 0; r < nrows; r++)
	{
		int64		org = tuple_int8(rows[r], desc, "subject_id", &isnull);
		int64		party = tuple_int8(rows[r], desc, "related_subject_id", &isnull);

		relation_id = tuple_int8(rows[r], desc, "relation_id", &isnull);
		subject_set_add(&held, org);
		subject_set_add(&held, party);
		ids[nids++] = Int64GetDatum(org);
		ids[nids++] = Int64GetDatum(party);
	}
	parties = PointerGetDatum(construct_array(ids, nids, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));

	/* look ahead: the parties and every subject of the trees they are in, guarded in subject_id order */
	roots = roots_of(parties, relation_id, &nroots);
	for (uint64 k = 0; k < nroots; k++)
		foresee_tree(roots[k], day, &held);
	pfree(roots);
	subject_set_guard(&held);

	/* under the guards, the roots again: an entry listed on a party in the meantime is seen now */
	roots = roots_of(parties, relation_id, &nroots);
	for (uint64 k = 0; k < nroots; k++)
		(void) reconcile_guarded(roots[k], day, &held);
	pfree(roots);
	SPI_finish();
	return PointerGetDatum(NULL);
}

/*
 * credit_gz_repropagate_entry — SQL-callable reconcile of one root (or of the root of a derived entry) as of a day,
 * for maintenance: rule changes, relations that ended with time (run_expiry passes its as_of), repairs after manual
 * edits.
 */
Datum
credit_gz_repropagate_entry(PG_FUNCTION_ARGS)
{
	int64		entry_id = PG_GETARG_INT64(0);
	DateADT		day = PG_GETARG_DATEADT(1);
	int			n;

	if (DATE_NOT_FINITE(day))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("list entry %lld cannot be re-propagated as of an infinite date", (long long) entry_id),
				 errhint("Pass a day, such as credit_gz.policy_date().")));
	credit_gz_spi_connect();
	n = reconcile_guarded(entry_id, day, NULL);
	SPI_finish();
	PG_RETURN_INT32(n);
}
