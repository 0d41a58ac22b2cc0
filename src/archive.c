/*
 * archive.c — the credit archive's hot path: the BEFORE INSERT OR UPDATE trigger on credit_gz.record.
 *
 * 穗府办函〔2020〕35号 二(二) asks for records kept 及时、准确、完整; the database itself must refuse what the rules
 * forbid (an item outside the catalogue, 十七's minor behaviours against natural persons, future decisions, severities
 * the publicity rules in force do not know) and compute the publicity window from the rule version in force on the
 * decision date. Bulk collection COPYs millions of records through this trigger, so the catalogues it consults
 * (info_item, publicity_rule, domain, department) are cached per backend and reset by relcache invalidations that the statement
 * trigger credit_gz.catalogue_changed() sends whenever one of them changes (commit, rollback and other backends
 * included). The only per-row query is the subject's kind, and only for items whose applicability depends on it.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "credit_gz.h"
#include "core/day_range.h"
#include "backend_cache.h"
#include "compat.h"
#include "spi_util.h"

#define CODE_LEN 64				/* catalogue codes are CHECKed to at most 63 characters */

typedef enum Polarity
{
	POL_NEUTRAL = 0,
	POL_NEGATIVE,
	POL_POSITIVE
} Polarity;

typedef enum AppliesTo
{
	APPLIES_BOTH = 0,
	APPLIES_LEGAL_ENTITY,
	APPLIES_NATURAL_PERSON
} AppliesTo;

/* severity codes; 0 = NULL (ungraded) */
/* The first day a record's decision can carry (the founding of the People's Republic; CHECK record_decision_since_1949). */
#define RECORD_FIRST_DECISION_DAY (date2j(1949, 10, 1) - POSTGRES_EPOCH_JDATE)

#define SEV_NONE 0
#define SEV_UNKNOWN (-1)

typedef struct ItemEntry
{
	char		code[CODE_LEN];	/* hash key */
	char	   *name_zh;
	bool		is_penalty;
	Polarity	polarity;
	AppliesTo	applies_to;
	bool		barred;
} ItemEntry;

typedef struct DomainEntry
{
	char		code[CODE_LEN];	/* hash key */
	char		parent[CODE_LEN];	/* "" for top level */
} DomainEntry;

typedef struct DepartmentEntry
{
	char		code[CODE_LEN];	/* hash key */
	char		system[CODE_LEN];	/* the department whose system it belongs to; "" for its own */
} DepartmentEntry;

typedef struct RuleEntry
{
	int32		publicity_rule_id;
	DateADT		from;
	DateADT		until;			/* first day no longer in force; DATEVAL_NOEND (= DR_OPEN_UNTIL) when open */
	int			severity;
	char		domain[CODE_LEN];	/* "" = all domains */
	char		department[CODE_LEN];	/* "" = every department; else the department or the system of departments */
	char		category[CODE_LEN];	/* "" = every penalty category */
	char		item[CODE_LEN];	/* "" = every item */
	int32		min_months;		/* -1 = NULL */
	int32		max_months;
	bool		repairable;
} RuleEntry;

/*
 * Per-backend cache of the catalogues; rebuilt lazily after an invalidation of one of them (or of everything).
 * Only a flag is flipped by the invalidation (src/backend_cache.c): it may arrive in the middle of a trigger call
 * (while a lock is taken), and the entries in use must stay valid until the next call rebuilds them.
 */
static MemoryContext cache_cxt = NULL;
static BackendCache catalogue_watch = {.relations = {"info_item", "domain", "publicity_rule", "department"}};
static HTAB *item_hash = NULL;
static HTAB *domain_hash = NULL;
static HTAB *department_hash = NULL;
static RuleEntry *rules = NULL;
static int	n_rules = 0;

/* Saved plans for the subject's kind and for the penalty category a record's details name. */
static SPIPlanPtr subject_plan = NULL;
static SPIPlanPtr category_plan = NULL;

/*
 * Per-transaction cache of subjects' kinds (natural person or organisation). A bulk load cites each subject many
 * times; the kind cannot change (subject_before forbids switching identity kinds), so within a transaction a looked-up
 * kind stays true. The hash lives in TopTransactionContext and is recognised as stale by the local transaction id;
 * a subtransaction abort or a DELETE on credit_gz.subject (statement trigger subject_deleted) drops it, so an explicit
 * subject_id re-used after either cannot inherit the old kind. Bounded: reset when it grows past KIND_CACHE_MAX.
 */
typedef struct KindEntry
{
	int64		subject_id;		/* hash key */
	bool		person;
} KindEntry;

#define KIND_CACHE_MAX 1000000
static HTAB *kind_hash = NULL;
static LocalTransactionId kind_lxid = InvalidLocalTransactionId;
static bool subxact_callback_registered = false;

/* Attribute numbers of credit_gz.record, resolved once per relation (and again if it is re-created). */
typedef struct RecordAtts
{
	Oid			relid;
	int			natts;			/* the descriptor's width when resolved: ALTER TABLE ADD COLUMN changes it */
	int			subject_id,
				item_code,
				domain_code,
				severity,
				decision_date,
				publicity_rule_id,
				publish_from,
				repairable_from,
				publish_until,
				status,
				updated_at,
				document_no,
				department_code,
				details,
				penalty_category;	/* 0 on a table of 1.0, which lacks it (before ALTER EXTENSION UPDATE) */
} RecordAtts;
static RecordAtts atts = {InvalidOid};

PG_FUNCTION_INFO_V1(credit_gz_record_before);
PG_FUNCTION_INFO_V1(credit_gz_catalogue_changed);
PG_FUNCTION_INFO_V1(credit_gz_publicity_rule_id_for);

/*
 * severity_code — map a severity name to its code; SEV_UNKNOWN for anything else (the CHECK constraint's business).
 */
static int
severity_code(const char *s)
{
	if (strcmp(s, "minor") == 0)
		return 1;
	if (strcmp(s, "general") == 0)
		return 2;
	if (strcmp(s, "serious") == 0)
		return 3;
	if (strcmp(s, "specific_serious") == 0)
		return 4;
	return SEV_UNKNOWN;
}

/*
 * copy_code — copy a catalogue code into a fixed key buffer (codes are CHECKed to fit).
 */
static void
copy_code(char *dst, const char *src)
{
	strlcpy(dst, src ? src : "", CODE_LEN);
}

/*
 * as_owner / restore_user — run the trigger's own queries as the owner of the table it fires on, as PostgreSQL's
 * foreign-key checks do: an application role allowed to INSERT records needs no SELECT on the catalogues or on
 * credit_gz.subject, and row-level security on them (owner, not forced) cannot hide a subject from the check.
 * After an error the transaction abort restores the user.
 */
static void
as_owner(Relation rel, Oid *save_userid, int *save_sec)
{
	GetUserIdAndSecContext(save_userid, save_sec);
	SetUserIdAndSecContext(rel->rd_rel->relowner,
						   *save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
}

static void
restore_user(Oid save_userid, int save_sec)
{
	SetUserIdAndSecContext(save_userid, save_sec);
}

/*
 * load_cache — read info_item, domain, department and publicity_rule into backend memory. Called with SPI connected.
 */
static void
load_cache(void)
{
	HASHCTL		ctl;
	uint64		i;
	MemoryContext old;
	uint64		token;
	bool		keyed;

	if (cache_cxt == NULL)
		cache_cxt = AllocSetContextCreate(CacheMemoryContext, "credit_gz archive cache", ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(cache_cxt);
	item_hash = NULL;
	domain_hash = NULL;
	department_hash = NULL;
	rules = NULL;
	n_rules = 0;

	/*
	 * An invalidation arriving while we read makes the next call reload again, and so does an error half-way (e.g. a
	 * permission error): the cache is valid only once the whole load is done.
	 */
	token = backend_cache_begin_load(&catalogue_watch);

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = CODE_LEN;
	ctl.entrysize = sizeof(ItemEntry);
	ctl.hcxt = cache_cxt;
	item_hash = hash_create("credit_gz info_item cache", 128, &ctl, HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	ctl.entrysize = sizeof(DomainEntry);
	domain_hash = hash_create("credit_gz domain cache", 64, &ctl, HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	ctl.entrysize = sizeof(DepartmentEntry);
	department_hash = hash_create("credit_gz department cache", 64, &ctl, HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);

	if (SPI_execute("SELECT code, name_zh, kind OPERATOR(pg_catalog.=) 'penalty', polarity, applies_to, barred_for_natural_person "
					"FROM credit_gz.info_item", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "credit_gz: could not read credit_gz.info_item");
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		char		key[CODE_LEN];
		char	   *pol = SPI_getvalue(t, d, 4);
		char	   *app = SPI_getvalue(t, d, 5);
		bool		isnull;
		ItemEntry  *e;

		copy_code(key, SPI_getvalue(t, d, 1));
		e = hash_search(item_hash, key, HASH_ENTER, NULL);
		e->name_zh = MemoryContextStrdup(cache_cxt, SPI_getvalue(t, d, 2));
		e->is_penalty = DatumGetBool(SPI_getbinval(t, d, 3, &isnull));
		e->polarity = strcmp(pol, "negative") == 0 ? POL_NEGATIVE :
			strcmp(pol, "positive") == 0 ? POL_POSITIVE : POL_NEUTRAL;
		e->applies_to = strcmp(app, "legal_entity") == 0 ? APPLIES_LEGAL_ENTITY :
			strcmp(app, "natural_person") == 0 ? APPLIES_NATURAL_PERSON : APPLIES_BOTH;
		e->barred = DatumGetBool(SPI_getbinval(t, d, 6, &isnull));
	}

	if (SPI_execute("SELECT code, parent_code FROM credit_gz.domain", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "credit_gz: could not read credit_gz.domain");
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		char		key[CODE_LEN];
		DomainEntry *e;

		copy_code(key, SPI_getvalue(t, SPI_tuptable->tupdesc, 1));
		e = hash_search(domain_hash, key, HASH_ENTER, NULL);
		copy_code(e->parent, SPI_getvalue(t, SPI_tuptable->tupdesc, 2));
	}

	/*
	 * The rule keys and department systems of 1.1: a database still on 1.0 (before ALTER EXTENSION UPDATE, which
	 * invalidates this cache as it adds them) has rules for every department, category and item.
	 */
	keyed = OidIsValid(backend_cache_watched_relid(&catalogue_watch, 2)) &&
		get_attnum(backend_cache_watched_relid(&catalogue_watch, 2), "item_code") != InvalidAttrNumber &&
		OidIsValid(backend_cache_watched_relid(&catalogue_watch, 3)) &&
		get_attnum(backend_cache_watched_relid(&catalogue_watch, 3), "system_code") != InvalidAttrNumber;
	if (SPI_execute(keyed ? "SELECT code, system_code FROM credit_gz.department"
					: "SELECT code, NULL::text FROM credit_gz.department", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "credit_gz: could not read credit_gz.department");
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		char		key[CODE_LEN];
		DepartmentEntry *e;

		copy_code(key, SPI_getvalue(t, SPI_tuptable->tupdesc, 1));
		e = hash_search(department_hash, key, HASH_ENTER, NULL);
		copy_code(e->system, SPI_getvalue(t, SPI_tuptable->tupdesc, 2));
	}

	if (SPI_execute(keyed ?
					"SELECT publicity_rule_id, effective_from, effective_until, severity, domain_code, min_months, "
					"max_months, repairable, department_code, penalty_category, item_code "
					"FROM credit_gz.publicity_rule ORDER BY effective_from DESC, publicity_rule_id" :
					"SELECT publicity_rule_id, effective_from, effective_until, severity, domain_code, min_months, "
					"max_months, repairable, NULL::text, NULL::text, NULL::text "
					"FROM credit_gz.publicity_rule ORDER BY effective_from DESC, publicity_rule_id",
					true, 0) != SPI_OK_SELECT)
		elog(ERROR, "credit_gz: could not read credit_gz.publicity_rule");
	old = MemoryContextSwitchTo(cache_cxt);
	rules = palloc0(sizeof(RuleEntry) * (SPI_processed + 1));
	MemoryContextSwitchTo(old);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		RuleEntry  *r = &rules[i];
		bool		isnull;
		Datum		v;
		char	   *sev;

		r->publicity_rule_id = DatumGetInt32(SPI_getbinval(t, d, 1, &isnull));
		r->from = DatumGetDateADT(SPI_getbinval(t, d, 2, &isnull));
		v = SPI_getbinval(t, d, 3, &isnull);
		if (isnull)
			DATE_NOEND(r->until);
		else
			r->until = DatumGetDateADT(v);
		sev = SPI_getvalue(t, d, 4);
		r->severity = sev ? severity_code(sev) : SEV_NONE;
		copy_code(r->domain, SPI_getvalue(t, d, 5));
		v = SPI_getbinval(t, d, 6, &isnull);
		r->min_months = isnull ? -1 : DatumGetInt32(v);
		r->max_months = DatumGetInt32(SPI_getbinval(t, d, 7, &isnull));
		r->repairable = DatumGetBool(SPI_getbinval(t, d, 8, &isnull));
		copy_code(r->department, SPI_getvalue(t, d, 9));
		copy_code(r->category, SPI_getvalue(t, d, 10));
		copy_code(r->item, SPI_getvalue(t, d, 11));
	}
	n_rules = (int) SPI_processed;
	backend_cache_end_load(&catalogue_watch, token);
}

/*
 * ensure_cache — (re)load the catalogue cache if an invalidation marked it stale, as the table's owner.
 */
static void
ensure_cache(Relation rel)
{
	Oid			save_userid;
	int			save_sec;

	if (backend_cache_valid(&catalogue_watch))
		return;
	as_owner(rel, &save_userid, &save_sec);
	credit_gz_spi_connect();
	load_cache();
	SPI_finish();
	restore_user(save_userid, save_sec);
}

/*
 * RuleKey — what of a record a publicity rule can be limited to: its severity, domain, deciding department, penalty
 * category and item ("" where the record has none).
 */
typedef struct RuleKey
{
	int			severity;
	const char *domain;
	const char *department;
	const char *category;
	const char *item;
} RuleKey;

/*
 * rule_score — how closely a rule in force for the key's severity fits the key, -1 when it does not apply. A rule
 * for the deciding department beats one for its system, which beats one for every department (国家市场监督管理总局令
 * 第107号: the system of market regulation has rules of its own); then a rule for the item, then for the penalty
 * category, then the domain (the domain itself, its parent, all domains).
 */
static int
rule_score(const RuleEntry *r, const RuleKey *k, const char *parent, const char *system)
{
	int			dep,
				dom;

	if (r->department[0] == '\0')
		dep = 0;
	else if (k->department[0] != '\0' && strcmp(r->department, k->department) == 0)
		dep = 2;
	else if (system[0] != '\0' && strcmp(r->department, system) == 0)
		dep = 1;
	else
		return -1;
	if (r->item[0] != '\0' && strcmp(r->item, k->item) != 0)
		return -1;
	if (r->category[0] != '\0' && strcmp(r->category, k->category) != 0)
		return -1;
	if (r->domain[0] == '\0')
		dom = 0;
	else if (k->domain[0] != '\0' && strcmp(r->domain, k->domain) == 0)
		dom = 2;
	else if (parent[0] != '\0' && strcmp(r->domain, parent) == 0)
		dom = 1;
	else
		return -1;
	return dep * 12 + (r->item[0] != '\0') * 6 + (r->category[0] != '\0') * 3 + dom;
}

/*
 * key_parents — the parent of the key's domain and the system of its department ("" when none).
 */
static void
key_parents(const RuleKey *k, const char **parent, const char **system)
{
	*parent = "";
	*system = "";
	if (k->domain[0] != '\0')
	{
		DomainEntry *de = hash_search(domain_hash, k->domain, HASH_FIND, NULL);

		if (de)
			*parent = de->parent;
	}
	if (k->department[0] != '\0')
	{
		DepartmentEntry *de = hash_search(department_hash, k->department, HASH_FIND, NULL);

		if (de)
			*system = de->system;
	}
}

/*
 * find_rule — the rule in force on a date for a record's key, by rule_score; among equals the latest
 * effective_from, then the lowest publicity_rule_id (rules are sorted that way). The one definition of the
 * precedence: credit_gz.publicity_rule_for() asks it through publicity_rule_id_for().
 */
static const RuleEntry *
find_rule(DateADT d, const RuleKey *k)
{
	const char *parent;
	const char *system;
	const RuleEntry *best = NULL;
	int			best_score = -1;
	int			i;

	key_parents(k, &parent, &system);
	for (i = 0; i < n_rules; i++)
	{
		const RuleEntry *r = &rules[i];
		int			score;

		if (r->severity != k->severity || !dr_in_force(r->from, r->until, d))
			continue;
		score = rule_score(r, k, parent, system);
		if (score > best_score)
		{
			best = r;
			best_score = score;
		}
	}
	return best;
}

/*
 * category_matters — whether a rule limited to a penalty category could apply to the key on the date (with any
 * category): only then does the trigger look up the category a record's details name.
 */
static bool
category_matters(DateADT d, const RuleKey *k)
{
	const char *parent;
	const char *system;
	RuleKey		any = *k;
	int			i;

	key_parents(k, &parent, &system);
	for (i = 0; i < n_rules; i++)
	{
		const RuleEntry *r = &rules[i];

		if (r->category[0] == '\0' || r->severity != k->severity || !dr_in_force(r->from, r->until, d))
			continue;
		any.category = r->category;
		if (rule_score(r, &any, parent, system) >= 0)
			return true;
	}
	return false;
}

/* The columns of credit_gz.record the trigger reads and writes, by name and place in RecordAtts. */
static const struct
{
	const char *name;
	size_t		offset;
}			record_columns[] = {
#define RECORD_COLUMN(c) {#c, offsetof(RecordAtts, c)}
	RECORD_COLUMN(subject_id), RECORD_COLUMN(item_code), RECORD_COLUMN(domain_code), RECORD_COLUMN(severity),
	RECORD_COLUMN(decision_date), RECORD_COLUMN(publicity_rule_id), RECORD_COLUMN(publish_from),
	RECORD_COLUMN(repairable_from), RECORD_COLUMN(publish_until), RECORD_COLUMN(status), RECORD_COLUMN(updated_at),
	RECORD_COLUMN(document_no), RECORD_COLUMN(department_code), RECORD_COLUMN(details)
#undef RECORD_COLUMN
};

/*
 * resolve_atts — attribute numbers of credit_gz.record's columns, looked up once per relation.
 */
static void
resolve_atts(Relation rel)
{
	TupleDesc	d = RelationGetDescr(rel);

	int			att;

	if (atts.relid == RelationGetRelid(rel) && atts.natts == d->natts)
		return;
	for (int i = 0; i < (int) lengthof(record_columns); i++)
		*(int *) ((char *) &atts + record_columns[i].offset) =
			credit_gz_column(d, "credit_gz.record", record_columns[i].name);
	att = SPI_fnumber(d, "penalty_category");
	atts.penalty_category = att > 0 ? att : 0;
	atts.relid = RelationGetRelid(rel);
	atts.natts = d->natts;
}

/*
 * text_attr — the text value of an attribute as a C string in the current context, NULL when NULL (or when the
 * attribute number is 0: a column the table does not have yet).
 */
static char *
text_attr(HeapTuple t, TupleDesc d, int attnum)
{
	bool		isnull;
	Datum		v;

	if (attnum == 0)
		return NULL;
	v = heap_getattr(t, attnum, d, &isnull);

	return isnull ? NULL : TextDatumGetCString(v);
}

/*
 * text_changed — whether a text attribute differs between two tuples (NULL-aware, detoasted comparison).
 */
static bool
text_changed(HeapTuple a, HeapTuple b, TupleDesc d, int attnum)
{
	bool		na,
				nb;
	Datum		va,
				vb;
	text	   *ta,
			   *tb;

	if (attnum == 0)
		return false;
	va = heap_getattr(a, attnum, d, &na);
	vb = heap_getattr(b, attnum, d, &nb);
	if (na || nb)
		return na != nb;
	ta = DatumGetTextPP(va);
	tb = DatumGetTextPP(vb);
	return VARSIZE_ANY_EXHDR(ta) != VARSIZE_ANY_EXHDR(tb) ||
		memcmp(VARDATA_ANY(ta), VARDATA_ANY(tb), VARSIZE_ANY_EXHDR(ta)) != 0;
}

/*
 * byval_changed — whether a pass-by-value attribute (int8, date) differs between two tuples.
 */
static bool
byval_changed(HeapTuple a, HeapTuple b, TupleDesc d, int attnum)
{
	bool		na,
				nb;
	Datum		va = heap_getattr(a, attnum, d, &na);
	Datum		vb = heap_getattr(b, attnum, d, &nb);

	if (na || nb)
		return na != nb;
	return va != vb;
}

/*
 * kind_cache_subxact — a subtransaction abort may undo subjects whose kinds were cached: forget them all.
 */
static void
kind_cache_subxact(SubXactEvent event, SubTransactionId mySubid, SubTransactionId parentSubid, void *arg)
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		kind_hash = NULL;
}

/*
 * subject_is_person_db — the subject's kind from the table (saved plan): 1 person, 0 organisation, -1 no such subject.
 * SPI must not be connected by the caller.
 */
static int
subject_is_person_db(Relation rel, int64 subject_id)
{
	Datum		arg = Int64GetDatum(subject_id);
	int			result = -1;
	Oid			save_userid;
	int			save_sec;

	as_owner(rel, &save_userid, &save_sec);
	credit_gz_spi_connect();
	if (subject_plan == NULL)
	{
		Oid			argtypes[1] = {INT8OID};
		subject_plan = credit_gz_keep_plan("SELECT uscc IS NULL FROM credit_gz.subject "
										   "WHERE subject_id OPERATOR(pg_catalog.=) $1",
										   1, argtypes);
	}
	if (SPI_execute_plan(subject_plan, &arg, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "credit_gz: subject lookup failed");
	if (SPI_processed == 1)
	{
		bool		isnull;

		result = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)) ? 1 : 0;
	}
	SPI_finish();
	restore_user(save_userid, save_sec);
	return result;
}

/*
 * subject_is_person — 1 for a natural person, 0 for an organisation, -1 when the subject does not exist; answered
 * from the per-transaction cache when possible (missing subjects are not cached).
 */
static int
subject_is_person(Relation rel, int64 subject_id)
{
	KindEntry  *e;
	bool		found;
	int			person;

	if (kind_hash == NULL || kind_lxid != CREDIT_GZ_LXID || hash_get_num_entries(kind_hash) >= KIND_CACHE_MAX)
	{
		HASHCTL		ctl;

		if (!subxact_callback_registered)
		{
			RegisterSubXactCallback(kind_cache_subxact, NULL);
			subxact_callback_registered = true;
		}
		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = sizeof(int64);
		ctl.entrysize = sizeof(KindEntry);
		ctl.hcxt = TopTransactionContext;
		kind_hash = hash_create("credit_gz subject kind cache", 1024, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		kind_lxid = CREDIT_GZ_LXID;
	}
	e = hash_search(kind_hash, &subject_id, HASH_FIND, NULL);
	if (e)
		return e->person ? 1 : 0;
	person = subject_is_person_db(rel, subject_id);
	if (person >= 0 && kind_hash != NULL)
	{
		e = hash_search(kind_hash, &subject_id, HASH_ENTER, &found);
		e->person = (person == 1);
	}
	return person;
}

/*
 * subject_kind_reset — AFTER DELETE statement trigger on credit_gz.subject: forget cached kinds in this backend.
 */
PG_FUNCTION_INFO_V1(credit_gz_subject_kind_reset);
Datum
credit_gz_subject_kind_reset(PG_FUNCTION_ARGS)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		elog(ERROR, "credit_gz.subject_kind_reset() must be called as a trigger");
	kind_hash = NULL;
	return PointerGetDatum(NULL);
}

/*
 * date_str — a date as YYYY-MM-DD for messages, whatever the session's DateStyle (messages are matched by tests and
 * read next to the ISO dates of the rule table).
 */
static char *
date_str(DateADT d)
{
	struct pg_tm tm;
	char		buf[MAXDATELEN + 1];

	/* the ends of the date line are words, not the day numbers that stand for them */
	if (DATE_IS_NOBEGIN(d))
		return pstrdup("-infinity");
	if (DATE_IS_NOEND(d))
		return pstrdup("infinity");
	j2date(d + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	EncodeDateOnly(&tm, USE_ISO_DATES, buf);
	return pstrdup(buf);
}

/*
 * check_severity — the record's severity against its item: a penalty item needs one of the publicity rules' classes,
 * any other item none. Returns the severity's code (SEV_NONE without one).
 */
static int
check_severity(Relation rel, const char *item_code, const ItemEntry *item, const char *severity)
{
	int			sev;

	if (severity != NULL)
	{
		sev = severity_code(severity);
		if (sev == SEV_UNKNOWN)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("record severity \"%s\" is not one of minor, general, serious, specific_serious", severity),
					 errdetail("Severities are the classes of the publicity rules (credit_gz.publicity_rule)."),
					 errhint("Use minor, general, serious or specific_serious."),
					 errtableconstraint(rel, "record_severity_check")));
		if (!item->is_penalty)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("record of item \"%s\" (%s) cannot have a severity", item_code, item->name_zh),
					 errdetail("Severity classifies administrative penalties for their publicity periods; other items are not graded."),
					 errhint("Leave severity NULL."),
					 errtableconstraint(rel, "record_severity_check")));
	}
	else
	{
		sev = SEV_NONE;
		if (item->is_penalty)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("record of penalty item \"%s\" (%s) needs a severity", item_code, item->name_zh),
					 errdetail("The publicity period of administrative-penalty information depends on its severity."),
					 errhint("Give severity minor, general, serious or specific_serious as the decision classifies it."),
					 errtableconstraint(rel, "record_severity_check")));
	}
	return sev;
}

/*
 * check_subject_kind — who the item may concern: its applies_to, and 十七's bar on personal records. Looks the
 * subject up only when the item limits it.
 */
static void
check_subject_kind(Relation rel, const char *item_code, const ItemEntry *item, int64 subject_id)
{
	int			person;

	if (item->applies_to == APPLIES_BOTH && !item->barred)
		return;
	person = subject_is_person(rel, subject_id);
	if (person < 0)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("record cites subject id %lld, which does not exist", (long long) subject_id),
				 errdetail("Records belong to a subject of credit_gz.subject."),
				 errhint("Create the subject first."),
				 errtableconstraint(rel, "record_subject_id_fkey")));
	if ((item->applies_to == APPLIES_LEGAL_ENTITY && person == 1) ||
		(item->applies_to == APPLIES_NATURAL_PERSON && person == 0))
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 item->applies_to == APPLIES_LEGAL_ENTITY ?
				 errmsg("item \"%s\" (%s) applies to legal entities and other organisations only, but subject %s is a natural person",
						item_code, item->name_zh, credit_gz_subject_code(subject_id)) :
				 errmsg("item \"%s\" (%s) applies to natural persons only, but subject %s is an organisation",
						item_code, item->name_zh, credit_gz_subject_code(subject_id)),
				 errdetail("credit_gz.info_item.applies_to limits the subjects an item may be recorded for."),
				 errhint("Use an item that applies to this kind of subject."),
				 errtableconstraint(rel, "record_item_code_fkey")));
	if (item->barred && person == 1 && item->polarity == POL_NEGATIVE)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("item \"%s\" (%s) may not enter the personal credit record of subject %s",
						item_code, item->name_zh, credit_gz_subject_code(subject_id)),
				 errdetail("穗府办函〔2020〕35号 (十七): without legislation, 信访, 拆迁, 闯红灯, 不文明养犬, 欠缴物业费, 未执行垃圾分类 and similar minor behaviours are not recorded in personal credit records."),
				 errhint("Do not record it against a natural person; only a law can lift this bar."),
				 errtableconstraint(rel, "record_item_code_fkey")));
}

/*
 * rule_inputs_changed — did an UPDATE change anything the checks and the window depend on (subject, item, domain,
 * severity, decision date, deciding department, penalty category — or the details, while the category is read from
 * them)?
 */
static bool
rule_inputs_changed(HeapTuple old, HeapTuple tup, TupleDesc desc)
{
	bool		no_category;

	if (byval_changed(old, tup, desc, atts.subject_id) || byval_changed(old, tup, desc, atts.decision_date) ||
		text_changed(old, tup, desc, atts.item_code) || text_changed(old, tup, desc, atts.domain_code) ||
		text_changed(old, tup, desc, atts.severity) || text_changed(old, tup, desc, atts.department_code) ||
		text_changed(old, tup, desc, atts.penalty_category))
		return true;
	if (atts.penalty_category == 0)
		return false;
	(void) heap_getattr(tup, atts.penalty_category, desc, &no_category);
	/* jsonb is compared as stored: equal documents are equal bytes */
	return no_category && text_changed(old, tup, desc, atts.details);
}

/*
 * record_category — the record's penalty category as credit_gz.record_penalty_category() reads it (the column, else
 * the category its details name), "" when none. The details are read through that function, the one definition of
 * the fallback, and only when needed; SPI must not be connected by the caller.
 */
static char *
record_category(Relation rel, HeapTuple tup, TupleDesc desc)
{
	char	   *category = text_attr(tup, desc, atts.penalty_category);
	bool		isnull;
	Datum		details;
	Oid			save_userid;
	int			save_sec;
	MemoryContext caller = CurrentMemoryContext;
	char	   *result = "";

	if (category != NULL)
		return category;
	details = heap_getattr(tup, atts.details, desc, &isnull);
	if (isnull)
		return "";
	as_owner(rel, &save_userid, &save_sec);
	credit_gz_spi_connect();
	if (category_plan == NULL)
	{
		Oid			argtypes[1] = {JSONBOID};

		category_plan = credit_gz_keep_plan("SELECT credit_gz.record_penalty_category(NULL, $1)", 1, argtypes);
	}
	if (SPI_execute_plan(category_plan, &details, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "credit_gz: penalty category lookup failed");
	if (SPI_processed == 1)
	{
		char	   *v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);

		if (v != NULL)
			result = MemoryContextStrdup(caller, v);
	}
	SPI_finish();
	restore_user(save_userid, save_sec);
	return result;
}

/*
 * window_columns — the publicity window's columns (publicity_rule_id, publish_from, repairable_from, publish_until)
 * for heap_modify_tuple_by_cols, from the rule (NULL: no window). Returns how many it filled.
 */
static int
window_columns(const RuleEntry *rule, DateADT decision_date, int *cols, Datum *values, bool *nulls)
{
	int			ncols = 0;

	cols[ncols] = atts.publicity_rule_id;
	values[ncols] = rule ? Int32GetDatum(rule->publicity_rule_id) : (Datum) 0;
	nulls[ncols++] = (rule == NULL);
	cols[ncols] = atts.publish_from;
	values[ncols] = DateADTGetDatum(decision_date);
	nulls[ncols++] = false;
	cols[ncols] = atts.repairable_from;
	values[ncols] = (rule && rule->repairable) ? DateADTGetDatum(credit_gz_add_months(decision_date, rule->min_months)) : (Datum) 0;
	nulls[ncols++] = !(rule && rule->repairable);
	cols[ncols] = atts.publish_until;
	values[ncols] = rule ? DateADTGetDatum(credit_gz_add_months(decision_date, rule->max_months)) : (Datum) 0;
	nulls[ncols++] = (rule == NULL);
	return ncols;
}

/*
 * window_rule — the publicity rule of a negative record (find_rule), from a current cache: the catalogue may have
 * changed while the subject was looked up. A graded record with no rule in force is an error; NULL for an ungraded
 * one without a rule (no window).
 */
static const RuleEntry *
window_rule(Relation rel, DateADT decision_date, const RuleKey *key, const char *severity, const char *domain_code)
{
	const RuleEntry *rule;
	int			sev = key->severity;

	ensure_cache(rel);
	rule = find_rule(decision_date, key);
	if (rule == NULL && sev != SEV_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("no publicity rule for severity \"%s\" on decision date %s", severity, date_str(decision_date)),
				 domain_code ?
				 errdetail("credit_gz.publicity_rule has no rule in force on that date for this severity in domain %s.",
						   domain_code) :
				 errdetail("credit_gz.publicity_rule has no rule in force on that date for this severity."),
				 errhint("Classify the decision by the severities credit_gz.publicity_rule knows on its date, or add a rule there."),
				 errtableconstraint(rel, "record_publicity_rule")));
	return rule;
}

/*
 * record_before — BEFORE INSERT OR UPDATE FOR EACH ROW on credit_gz.record: validate against the catalogue and the
 * rules, then fill publicity_rule_id, publish_from, repairable_from, publish_until (and status on insert, updated_at on
 * update).
 * On UPDATE the checks and the window are redone only when something they depend on changed (subject, item, domain,
 * severity, decision date), so status changes by repair/objection handling keep the window they set.
 * Every error names a constraint of the table: a rule that needs the catalogue or the subject, and so cannot be a
 * constraint itself, reports the one on the column it concerns (record_severity_check, record_item_code_fkey).
 */
Datum
credit_gz_record_before(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	desc;
	HeapTuple	tup;
	bool		is_update;
	bool		isnull;
	Datum		v;
	int64		subject_id;
	char	   *item_code;
	char	   *domain_code;
	char	   *severity;
	DateADT		decision_date;
	DateADT		today;
	ItemEntry	item;
	ItemEntry  *ip;
	int			sev;
	const RuleEntry *rule = NULL;
	Datum		values[6];
	bool		nulls[6];
	int			cols[6];
	int			ncols = 0;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)))
		elog(ERROR, "credit_gz.record_before() must be a BEFORE INSERT OR UPDATE FOR EACH ROW trigger");
	/* a restore's rows already hold what this trigger derives (credit_gz_restore_in_progress) */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && credit_gz_restore_in_progress())
		return PointerGetDatum(td->tg_trigtuple);

	rel = td->tg_relation;
	desc = RelationGetDescr(rel);
	is_update = TRIGGER_FIRED_BY_UPDATE(td->tg_event);
	tup = is_update ? td->tg_newtuple : td->tg_trigtuple;
	resolve_atts(rel);

	if (is_update && !rule_inputs_changed(td->tg_trigtuple, tup, desc))
	{
		/* nothing the rules depend on changed: only stamp the change */
		values[0] = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
		nulls[0] = false;
		cols[0] = atts.updated_at;
		return PointerGetDatum(heap_modify_tuple_by_cols(tup, desc, 1, cols, values, nulls));
	}

	/* NULLs in NOT NULL columns: leave them to the constraints, which report them precisely */
	v = heap_getattr(tup, atts.subject_id, desc, &isnull);
	if (isnull)
		return PointerGetDatum(tup);
	subject_id = DatumGetInt64(v);
	v = heap_getattr(tup, atts.decision_date, desc, &isnull);
	if (isnull)
		return PointerGetDatum(tup);
	decision_date = DatumGetDateADT(v);
	item_code = text_attr(tup, desc, atts.item_code);
	if (item_code == NULL)
		return PointerGetDatum(tup);
	domain_code = text_attr(tup, desc, atts.domain_code);
	severity = text_attr(tup, desc, atts.severity);

	ensure_cache(rel);

	/* 国办发〔2020〕49号: public credit information is managed by catalogue (目录) */
	ip = strlen(item_code) < CODE_LEN ? hash_search(item_hash, item_code, HASH_FIND, NULL) : NULL;
	if (ip == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("record cites item \"%s\", which is not in the information catalogue", item_code),
				 errdetail("Every credit record must cite an item of credit_gz.info_item (国办发〔2020〕49号: managed by catalogue)."),
				 errhint("Use a code of credit_gz.info_item, or add the item there with its legal basis."),
				 errtableconstraint(rel, "record_item_code_fkey")));
	item = *ip;					/* copy: an invalidation during the subject lookup must not pull it away */
	item.name_zh = pstrdup(ip->name_zh);

	/*
	 * A decision of an authority of the People's Republic is made on a real day, not before 1949-10-01: the check
	 * constraint record_decision_since_1949 says so for every kind of record; here, before the publicity rule is
	 * looked up for such a day, with the date in words ("-infinity" rather than a day number).
	 */
	if (DATE_NOT_FINITE(decision_date) || decision_date < RECORD_FIRST_DECISION_DAY)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("record decision date %s is not a day since 1949-10-01", date_str(decision_date)),
				 errdetail("A record documents a decision made on a real day by an authority of the People's Republic."),
				 errhint("Check the decision date of the document."),
				 errtableconstraint(rel, "record_decision_since_1949")));
	today = credit_gz_policy_day();
	if (decision_date > today)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("record decision date %s is in the future", date_str(decision_date)),
				 errdetail("A record documents a decision already made, so its date cannot be later than today."),
				 errhint("Check the decision date of the document."),
				 errtableconstraint(rel, "record_decision_not_future")));

	sev = check_severity(rel, item_code, &item, severity);
	check_subject_kind(rel, item_code, &item, subject_id);

	/* the publicity window, from the rule in force on the decision date for the record's key */
	if (item.polarity == POL_NEGATIVE)
	{
		RuleKey		key;
		char	   *department = text_attr(tup, desc, atts.department_code);

		key.severity = sev;
		key.domain = domain_code ? domain_code : "";
		key.department = department ? department : "";
		key.item = item_code;
		key.category = text_attr(tup, desc, atts.penalty_category);
		if (key.category == NULL)
		{
			key.category = "";
			ensure_cache(rel);
			if (item.is_penalty && category_matters(decision_date, &key))
				key.category = record_category(rel, tup, desc);
		}
		rule = window_rule(rel, decision_date, &key, severity, domain_code);
	}

	ncols = window_columns(rule, decision_date, cols, values, nulls);

	if (!is_update && rule != NULL && credit_gz_add_months(decision_date, rule->max_months) <= today)
	{
		/* a record loaded after its window ended goes straight to the archive (《广州市公共信用信息管理规定》) */
		char	   *status = text_attr(tup, desc, atts.status);

		if (status != NULL && strcmp(status, "in_publicity") == 0)
		{
			cols[ncols] = atts.status;
			values[ncols] = CStringGetTextDatum("expired");
			nulls[ncols++] = false;
		}
	}
	if (is_update)
	{
		cols[ncols] = atts.updated_at;
		values[ncols] = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
		nulls[ncols++] = false;
	}

	return PointerGetDatum(heap_modify_tuple_by_cols(tup, desc, ncols, cols, values, nulls));
}

/*
 * catalogue_changed — AFTER STATEMENT trigger on the cached catalogues (info_item, publicity_rule, domain,
 * measure_action, role_grant): the one invalidation trigger of src/backend_cache.c, which resets every backend's
 * caches of the table once the change commits, and this backend's at once.
 */
Datum
credit_gz_catalogue_changed(PG_FUNCTION_ARGS)
{
	return credit_gz_cache_changed_trigger(fcinfo, "catalogue_changed");
}

/*
 * publicity_rule_id_for — credit_gz.publicity_rule_id_for(decision_date, severity, domain_code [, department_code,
 * penalty_category, item_code]): the id of the rule
 * find_rule chooses, from the same cache the record trigger reads (NULL when none applies), so that SQL reports the
 * rule the trigger applies without a second copy of the precedence.
 */
Datum
credit_gz_publicity_rule_id_for(PG_FUNCTION_ARGS)
{
	Relation	rel;
	char	   *severity;
	RuleKey		key = {SEV_NONE, "", "", "", ""};
	const RuleEntry *rule;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	severity = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
	key.severity = severity ? severity_code(severity) : SEV_NONE;
	if (!PG_ARGISNULL(2))
		key.domain = text_to_cstring(PG_GETARG_TEXT_PP(2));
	if (PG_NARGS() >= 6)
	{
		if (!PG_ARGISNULL(3))
			key.department = text_to_cstring(PG_GETARG_TEXT_PP(3));
		if (!PG_ARGISNULL(4))
			key.category = text_to_cstring(PG_GETARG_TEXT_PP(4));
		if (!PG_ARGISNULL(5))
			key.item = text_to_cstring(PG_GETARG_TEXT_PP(5));
	}
	rel = table_open(get_relname_relid("publicity_rule", get_namespace_oid("credit_gz", false)), AccessShareLock);
	ensure_cache(rel);
	table_close(rel, AccessShareLock);
	rule = find_rule(PG_GETARG_DATEADT(0), &key);
	if (rule == NULL)
		PG_RETURN_NULL();
	PG_RETURN_INT32(rule->publicity_rule_id);
}
