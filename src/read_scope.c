/*
 * read_scope.c — reads through the disclosed_* views are logged reads (十七 信用信息安全保护: 查询留痕).
 *
 * A view cannot write its own log entry soundly (doc/disclosure.md says why), so the rule runs the other way: the
 * views show an audience's rows of a subject only after the reading role logged a read of that subject for that
 * audience in the same transaction — through credit_gz.log_read(), credit_gz.log_reads(), or a report that calls
 * them. The scope is per backend, per role and per transaction: it closes at every transaction end, and what an
 * aborted subtransaction opened closes with it (in sync mode its log entry is rolled back too).
 */
#include "postgres.h"
#include "textdomain.h"

#include "access/xact.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "read_scope.h"

/* One logged read: who, which subject, as which audience ("" for any audience the role may read as). */
typedef struct ReadScopeKey
{
	Oid			role;
	int64		subject_id;
	char		audience[NAMEDATALEN];
} ReadScopeKey;

typedef struct ReadScopeEntry
{
	ReadScopeKey key;
	SubTransactionId subid;		/* the subtransaction that logged it, moved to the parent as each commits */
} ReadScopeEntry;

static HTAB *scope = NULL;		/* in TopTransactionContext: gone with the transaction */
static bool callbacks = false;

/* scope_xact_callback — the transaction ended: its memory, and so the scope, is gone. */
static void
scope_xact_callback(XactEvent event, void *arg)
{
	scope = NULL;
}

/*
 * scope_subxact_callback — an aborted subtransaction takes its reads with it; a committed one hands them to its
 * parent.
 */
static void
scope_subxact_callback(SubXactEvent event, SubTransactionId mySubid, SubTransactionId parentSubid, void *arg)
{
	HASH_SEQ_STATUS seq;
	ReadScopeEntry *e;

	if (scope == NULL || (event != SUBXACT_EVENT_ABORT_SUB && event != SUBXACT_EVENT_COMMIT_SUB))
		return;
	hash_seq_init(&seq, scope);
	while ((e = (ReadScopeEntry *) hash_seq_search(&seq)) != NULL)
	{
		if (e->subid != mySubid)
			continue;
		if (event == SUBXACT_EVENT_COMMIT_SUB)
			e->subid = parentSubid;
		else
			hash_search(scope, &e->key, HASH_REMOVE, NULL);
	}
}

/* scope_key — the key of a read by the current role; an audience too long for any audience code matches none. */
static void
scope_key(ReadScopeKey *key, int64 subject_id, const char *audience)
{
	memset(key, 0, sizeof(*key));
	key->role = GetUserId();
	key->subject_id = subject_id;
	if (audience != NULL)
		strlcpy(key->audience, audience, NAMEDATALEN);
}

/* read_scope_add — see read_scope.h. */
void
read_scope_add(int64 subject_id, const char *audience)
{
	ReadScopeKey key;
	ReadScopeEntry *e;
	bool		found;

	if (!callbacks)
	{
		RegisterXactCallback(scope_xact_callback, NULL);
		RegisterSubXactCallback(scope_subxact_callback, NULL);
		callbacks = true;
	}
	if (scope == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(ReadScopeKey);
		ctl.entrysize = sizeof(ReadScopeEntry);
		ctl.hcxt = TopTransactionContext;
		scope = hash_create("credit_gz read scope", 64, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	}
	scope_key(&key, subject_id, audience);
	e = (ReadScopeEntry *) hash_search(scope, &key, HASH_ENTER, &found);
	if (!found)
		e->subid = GetCurrentSubTransactionId();
}

PG_FUNCTION_INFO_V1(credit_gz_read_scope_has);

/*
 * credit_gz_read_scope_has — credit_gz.read_scope_has(subject_id, audience) → boolean: has the current role
 * logged a read of the subject for this audience (or for any audience) in this transaction?
 */
Datum
credit_gz_read_scope_has(PG_FUNCTION_ARGS)
{
	ReadScopeKey key;
	char	   *audience;

	if (scope == NULL || PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_BOOL(false);
	audience = text_to_cstring(PG_GETARG_TEXT_PP(1));
	scope_key(&key, PG_GETARG_INT64(0), audience);
	if (hash_search(scope, &key, HASH_FIND, NULL) != NULL)
		PG_RETURN_BOOL(true);
	scope_key(&key, PG_GETARG_INT64(0), NULL);
	PG_RETURN_BOOL(hash_search(scope, &key, HASH_FIND, NULL) != NULL);
}
