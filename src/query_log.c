/*
 * query_log.c — writing credit_gz.query_log (十七 严格落实信用信息安全保护制度: every read of a subject's credit
 * information leaves an entry), cheaply enough for pre-checks at the rate departments call them.
 *
 * Two modes, chosen by credit_gz.query_log_mode (PGC_SUSET, so a department cannot choose for itself):
 *
 *   sync  (default) — the entry is INSERTed in the reader's transaction: visible at once, and part of that
 *           transaction: a reader that rolls back (or whose transaction aborts) takes the entry with it.
 *   async — the reader builds the entry at read time (transaction time, current_user, session_user, department,
 *           subject, via, audience, purpose, a pre-check's domain and verdict) and copies it at once into a
 *           shared-memory queue for its database: from then on it is the worker's, so it survives the reader's
 *           rollback, of a savepoint or of the whole transaction (the read was answered all the same). A dynamic
 *           background worker per database, started on demand, drains the queue every
 *           credit_gz.query_log_flush_interval (or when half full) with one multi-row write per batch in its own
 *           transaction, and advances the queue only after that commit. On SIGTERM (shutdown) it flushes what is
 *           queued before exiting. When there is no room (or no queue, or no worker can be started) the entry is
 *           written synchronously right away, as in sync mode — never dropped, never waited for. What is queued
 *           and not yet flushed is lost if the server crashes (like synchronous_commit = off): doc/disclosure.md
 *           says so.
 *
 * async needs shared memory, so the library must be in shared_preload_libraries; otherwise async behaves as sync
 * (credit_gz.query_log_queue() reports the mode in effect).
 *
 * Also here: credit_gz.query_log_stamp(), the BEFORE INSERT trigger that stamps time and roles on entries of
 * non-superusers, in C because the PL/pgSQL version (a pg_roles query per row) cost more than the insert itself;
 * and credit_gz.query_log_purge, the setting that lets exactly one function, credit_gz.purge_query_log(), remove
 * old entries from the append-only logs.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "catalog/dependency.h"
#include "catalog/namespace.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/sequence.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/acl.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "rewrite/rowsecurity.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "credit_gz.h"
#include "query_log.h"
#include "read_scope.h"
#include "role_grant.h"
#include "backend_cache.h"
#include "compat.h"
#include "spi_util.h"

PG_FUNCTION_INFO_V1(credit_gz_query_log_stamp);
PG_FUNCTION_INFO_V1(credit_gz_query_log_queue);
PG_FUNCTION_INFO_V1(credit_gz_flush_query_log);
PG_FUNCTION_INFO_V1(credit_gz_log_read);
PG_FUNCTION_INFO_V1(credit_gz_log_unknown_code_read);
PG_FUNCTION_INFO_V1(credit_gz_query_log_purge_allowed);
PGDLLEXPORT void credit_gz_query_log_worker(Datum main_arg);

/* Databases that can have a queue at once (a queue idle and empty is taken over by another database). */
#define QL_MAX_DATABASES	8
/* Field sizes of a queued entry; an entry with a longer value is written synchronously instead. */
#define QL_DEPT_LEN			64
#define QL_VIA_LEN			16
#define QL_AUDIENCE_LEN		32
#define QL_PURPOSE_LEN		320
/* A code that matched no subject (credit_gz.unknown_code_read_log); uscc and resident ids are 18 characters. */
#define QL_CODE_LEN			64
/* The domain a pre-check asked about and its verdict (allow_with_conditions is the longest). */
#define QL_DOMAIN_LEN		64
#define QL_VERDICT_LEN		24
/* At most this many entries per INSERT (one transaction of the worker). */
#define QL_BATCH_MAX		5000
/* Rows per table_multi_insert of the direct write (COPY FROM buffers up to 1000; a few pages suffice). */
#define QL_DIRECT_CHUNK		200
/* The worker exits after this long with nothing queued (so DROP DATABASE, which waits 5 s, is not blocked). */
#define QL_IDLE_EXIT_MS		2000
/* A worker registered but not yet running after this long is presumed lost and registered again. */
#define QL_LAUNCH_GRACE_MS	10000
/* At shutdown the worker waits at most this long for transactions still holding reserved slots. */
#define QL_SHUTDOWN_WAIT_MS	5000
/* Library name for the worker: through $libdir so Debian's extension_destdir finds the same file as the preload. */
#define QL_LIBRARY			"$libdir/credit_gz"

/*
 * One queued entry: what the reader would have inserted, with the stamps taken at read time. unknown: a read of a
 * code that matched no subject, written to credit_gz.unknown_code_read_log under `code` (subject_id unused);
 * otherwise a read of subject_id, written to credit_gz.query_log. domain and verdict: a pre-check's (else null).
 */
typedef struct QlEntry
{
	TimestampTz at;
	int64		subject_id;
	bool		unknown;
	bool		department_null;
	bool		audience_null;
	bool		domain_null;
	bool		verdict_null;
	NameData	role_name;
	NameData	session_role;
	char		department[QL_DEPT_LEN];
	char		via[QL_VIA_LEN];
	char		audience[QL_AUDIENCE_LEN];
	char		purpose[QL_PURPOSE_LEN];
	char		code[QL_CODE_LEN];
	char		domain[QL_DOMAIN_LEN];
	char		verdict[QL_VERDICT_LEN];
} QlEntry;

/* The queue of one database: a ring of query_log_queue_size slots. */
typedef struct QlQueue
{
	Oid			dboid;			/* InvalidOid: free */
	uint64		generation;		/* changes when the queue is (re)bound to a database */
	uint64		head;			/* entries flushed since bound; the k-th queued entry is slot (head + k) % size */
	uint32		queued;			/* pushed by readers, not yet flushed */
	uint32		reserved;		/* held by transactions in progress */
	uint64		fallbacks;		/* entries written synchronously because there was no room or no worker */
	int			worker_pid;		/* 0: no worker running */
	bool		worker_starting;	/* registered, not yet running */
	bool		wake;			/* flush now: queue half full, or flush_query_log() waits */
	TimestampTz launched_at;
	Latch	   *worker_latch;
} QlQueue;

typedef struct QlShared
{
	LWLock	   *lock;			/* protects everything here, slots included */
	uint64		generations;
	uint64		fallbacks_unqueued; /* fallbacks when no queue could be bound */
	QlQueue		queues[QL_MAX_DATABASES];
	/* QL_MAX_DATABASES * query_log_queue_size QlEntry slots follow */
} QlShared;

/* Settings */
enum
{
	QL_MODE_SYNC,
	QL_MODE_ASYNC
};
static const struct config_enum_entry ql_mode_options[] = {
	{"sync", QL_MODE_SYNC, false},
	{"async", QL_MODE_ASYNC, false},
	{NULL, 0, false}
};
static int	ql_mode = QL_MODE_SYNC;
static int	ql_queue_size = 4096;
static int	ql_flush_interval = 200;

/*
 * credit_gz.query_log_purge. Why a C setting: the query log's guard trigger must tell "the retention function is
 * running" from "someone typed DELETE". A placeholder variable would do, but credit_gz reserves its GUC prefix
 * (MarkGUCPrefixReserved), and a user-settable variable could be set by anyone. It is PGC_SUSET and hidden: only a
 * superuser — in practice the extension owner running the SECURITY DEFINER retention function — can turn it on,
 * and the trigger still refuses entries younger than the retention period whatever the setting says.
 */
static bool ql_purge = false;

static QlShared *ql = NULL;
static shmem_request_hook_type prev_shmem_request_hook = NULL;
static shmem_startup_hook_type prev_shmem_startup_hook = NULL;

/* What this backend last pushed, for flush_query_log(). */
static int	last_push_queue = -1;
static uint64 last_push_generation = 0;
static uint64 last_push_target = 0;

/*
 * The caller's only department for the entry being written, from the per-backend cache of what the role acts as
 * (credit_gz_my_only_department, src/role_grant.c: my_departments() costs more than the rest of a pre-check).
 */
static bool dept_null = true;
static char dept_value[QL_DEPT_LEN];
/*
 * Per-backend cache of the names of the current and the session user, which every queued entry carries (two
 * syscache lookups per read otherwise). Reset by any change of a role (pg_authid syscache invalidation), so a
 * renamed role is logged under its new name.
 */
static BackendCache names_watch = {.watch = CACHE_WATCH_ROLES};
static Oid	names_user = InvalidOid;
static Oid	names_session_user = InvalidOid;
static NameData names_role;
static NameData names_session_role;

/*
 * Saved plans of the synchronous and the batch INSERT, by [unknown][the table has the pre-check columns]: a
 * database still at 1.0 (library updated, ALTER EXTENSION UPDATE not yet run) has logs without domain_code and
 * verdict, and its entries are written without them.
 */
static SPIPlanPtr sync_plans[2][2];
static SPIPlanPtr batch_plans[2][2];

/* Per-backend: do the two log tables have domain_code and verdict? Looked up again when either table changes. */
static BackendCache shape_watch = {.relations = {"query_log", "unknown_code_read_log"}};
static bool shape_precheck[2];

/* Worker state */
static volatile sig_atomic_t ql_shutdown_requested = false;


/* ql_shmem_size — the header plus every queue's slots. */
static Size
ql_shmem_size(void)
{
	return add_size(MAXALIGN(sizeof(QlShared)),
					mul_size(mul_size(QL_MAX_DATABASES, ql_queue_size), sizeof(QlEntry)));
}

/* ql_slots — the first slot of queue qi. */
static QlEntry *
ql_slots(int qi)
{
	return ((QlEntry *) ((char *) ql + MAXALIGN(sizeof(QlShared)))) + (Size) qi * ql_queue_size;
}

/* ql_shmem_request — ask the postmaster for the queues' memory and lock (preloaded only). */
static void
ql_shmem_request(void)
{
	if (prev_shmem_request_hook)
		prev_shmem_request_hook();
	RequestAddinShmemSpace(ql_shmem_size());
	RequestNamedLWLockTranche("credit_gz_query_log", 1);
}

/* ql_shmem_startup — create (or, after a crash restart, recreate) the queues, all empty. */
static void
ql_shmem_startup(void)
{
	bool		found;

	if (prev_shmem_startup_hook)
		prev_shmem_startup_hook();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	ql = ShmemInitStruct("credit_gz query log", ql_shmem_size(), &found);
	if (!found)
	{
		memset(ql, 0, sizeof(QlShared));
		ql->lock = &(GetNamedLWLockTranche("credit_gz_query_log"))->lock;
	}
	LWLockRelease(AddinShmemInitLock);
}

/*
 * query_log_init — register the settings; when loaded through shared_preload_libraries, also request the shared
 * memory of the asynchronous mode. Called once per process from _PG_init.
 */
void
query_log_init(void)
{
	DefineCustomEnumVariable("credit_gz.query_log_mode",
							 "How credit_gz.query_log entries of pre-checks are written: sync or async.",
							 "sync inserts in the reader's transaction (a rollback takes the entry with it); async "
							 "queues the entry at read time for a background worker, so it survives the reader's "
							 "rollback (needs shared_preload_libraries; otherwise behaves as sync). "
							 "Superuser-only, so that a department cannot choose how its own reads are logged.",
							 &ql_mode,
							 QL_MODE_SYNC,
							 ql_mode_options,
							 PGC_SUSET,
							 0,
							 NULL, NULL, NULL);
	DefineCustomIntVariable("credit_gz.query_log_flush_interval",
							"How often the query-log worker writes queued entries.",
							NULL,
							&ql_flush_interval,
							200, 10, 3600000,
							PGC_SIGHUP,
							GUC_UNIT_MS,
							NULL, NULL, NULL);
	DefineCustomBoolVariable("credit_gz.query_log_purge",
							 "Lets credit_gz.purge_query_log() delete query-log entries past the retention period.",
							 "Set only by credit_gz.purge_query_log() for its own transaction; never set it by hand.",
							 &ql_purge,
							 false,
							 PGC_SUSET,
							 GUC_NO_SHOW_ALL | GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE,
							 NULL, NULL, NULL);

	/* The queue exists only when preloaded; a PGC_POSTMASTER setting cannot even be defined later. */
	if (process_shared_preload_libraries_in_progress)
	{
		DefineCustomIntVariable("credit_gz.query_log_queue_size",
								"Slots per database in the asynchronous query-log queue.",
								"When a database's queue is full, entries are written synchronously.",
								&ql_queue_size,
								4096, 16, 1048576,
								PGC_POSTMASTER,
								0,
								NULL, NULL, NULL);
		prev_shmem_request_hook = shmem_request_hook;
		shmem_request_hook = ql_shmem_request;
		prev_shmem_startup_hook = shmem_startup_hook;
		shmem_startup_hook = ql_shmem_startup;
	}
}

/* ql_async — is the asynchronous mode in effect for this session? */
static bool
ql_async(void)
{
	return ql != NULL && ql_mode == QL_MODE_ASYNC;
}

/*
 * ql_find_queue — the queue of this database; with bind, a free one (or one idle, empty and without worker,
 * taken over from another database) is bound to it. Caller holds ql->lock exclusively. -1: none.
 */
static int
ql_find_queue(bool bind)
{
	int			i;

	for (i = 0; i < QL_MAX_DATABASES; i++)
		if (ql->queues[i].dboid == MyDatabaseId)
			return i;
	if (!bind)
		return -1;
	for (i = 0; i < QL_MAX_DATABASES; i++)
		if (ql->queues[i].dboid == InvalidOid)
			break;
	if (i == QL_MAX_DATABASES)
		for (i = 0; i < QL_MAX_DATABASES; i++)
		{
			QlQueue    *q = &ql->queues[i];

			if (q->queued == 0 && q->reserved == 0 && q->worker_pid == 0 && !q->worker_starting)
				break;
		}
	if (i == QL_MAX_DATABASES)
		return -1;
	memset(&ql->queues[i], 0, sizeof(QlQueue));
	ql->queues[i].dboid = MyDatabaseId;
	ql->queues[i].generation = ++ql->generations;
	return i;
}

/* ql_launch_worker — register the dynamic background worker that drains queue qi of this database. */
static bool
ql_launch_worker(int qi)
{
	BackgroundWorker w;
	BackgroundWorkerHandle *h;

	memset(&w, 0, sizeof(w));
	w.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	w.bgw_start_time = BgWorkerStart_RecoveryFinished;
	w.bgw_restart_time = BGW_NEVER_RESTART;
	snprintf(w.bgw_library_name, BGW_MAXLEN, "%s", QL_LIBRARY);
	snprintf(w.bgw_function_name, BGW_MAXLEN, "credit_gz_query_log_worker");
	snprintf(w.bgw_name, BGW_MAXLEN, "credit_gz query log writer for database %u", MyDatabaseId);
	snprintf(w.bgw_type, BGW_MAXLEN, "credit_gz query log writer");
	w.bgw_main_arg = ObjectIdGetDatum(MyDatabaseId);
	memcpy(w.bgw_extra, &qi, sizeof(int));
	w.bgw_notify_pid = 0;
	return RegisterDynamicBackgroundWorker(&w, &h);
}

/*
 * ql_need_launch — should the caller register a worker for q? Marks it starting if so. Caller holds the lock.
 */
static bool
ql_need_launch(QlQueue *q)
{
	TimestampTz now = GetCurrentTimestamp();

	if (q->worker_pid != 0)
		return false;
	if (q->worker_starting && !TimestampDifferenceExceeds(q->launched_at, now, QL_LAUNCH_GRACE_MS))
		return false;
	q->worker_starting = true;
	q->launched_at = now;
	return true;
}

/* ql_count_fallback — one entry went the synchronous way; counted for credit_gz.query_log_queue(). */
static void
ql_count_fallback(void)
{
	int			qi;

	LWLockAcquire(ql->lock, LW_EXCLUSIVE);
	qi = ql_find_queue(false);
	if (qi >= 0)
		ql->queues[qi].fallbacks++;
	else
		ql->fallbacks_unqueued++;
	LWLockRelease(ql->lock);
}

/*
 * ql_reserve — reserve one slot of this database's queue for the entry being queued (and start the worker if none
 * runs). The queue index, or -1, counted as a fallback, when there is no queue, no room or no worker can be started.
 * The reservation keeps the queue bound to this database until ql_push fills the slot, right after.
 */
static int
ql_reserve(void)
{
	int			qi;
	QlQueue    *q;
	bool		launch;

	LWLockAcquire(ql->lock, LW_EXCLUSIVE);
	qi = ql_find_queue(true);
	if (qi < 0)
	{
		ql->fallbacks_unqueued++;
		LWLockRelease(ql->lock);
		return -1;
	}
	q = &ql->queues[qi];
	if (q->queued + q->reserved >= (uint32) ql_queue_size)
	{
		q->fallbacks++;
		LWLockRelease(ql->lock);
		return -1;
	}
	launch = ql_need_launch(q);
	q->reserved++;
	LWLockRelease(ql->lock);

	if (launch && !ql_launch_worker(qi))
	{
		LWLockAcquire(ql->lock, LW_EXCLUSIVE);
		q->worker_starting = false;
		q->reserved--;
		q->fallbacks++;
		LWLockRelease(ql->lock);
		ereport(LOG,
				(errmsg("credit_gz: could not start the query-log worker; writing the entry synchronously"),
				 errhint("Raise max_worker_processes.")));
		return -1;
	}
	return qi;
}

/*
 * ql_push — move the entry into the slot reserved for it in queue qi, at read time: from now on it is the worker's
 * to write, whatever becomes of the reader's transaction (十七: a read answered is a read logged, also when the
 * reader rolls back). Wakes the worker when the queue is half full. Nothing here can fail, so a reservation is
 * always filled.
 */
static void
ql_push(int qi, const QlEntry *e)
{
	QlQueue    *q = &ql->queues[qi];
	QlEntry    *slots = ql_slots(qi);
	Latch	   *latch;
	bool		wake;

	LWLockAcquire(ql->lock, LW_EXCLUSIVE);
	Assert(q->dboid == MyDatabaseId);
	slots[(q->head + q->queued) % (uint64) ql_queue_size] = *e;
	q->queued++;
	q->reserved--;
	last_push_queue = qi;
	last_push_generation = q->generation;
	last_push_target = q->head + q->queued;
	wake = q->queued >= (uint32) ql_queue_size / 2;
	if (wake)
		q->wake = true;
	latch = q->worker_latch;
	LWLockRelease(ql->lock);
	if (wake && latch)
		SetLatch(latch);
}

/* ql_copy — copy s into a fixed field; false when it does not fit. */
static bool
ql_copy(char *dst, size_t size, const char *s)
{
	size_t		len = strlen(s);

	if (len >= size)
		return false;
	memcpy(dst, s, len + 1);
	return true;
}


/*
 * ql_precheck_columns — does the log table (unknown: credit_gz.unknown_code_read_log, else credit_gz.query_log)
 * have the columns domain_code and verdict (1.1)? From a per-backend cache, looked up again after a change of
 * either table (ALTER EXTENSION UPDATE adds them).
 */
static bool
ql_precheck_columns(bool unknown)
{
	if (!backend_cache_valid(&shape_watch))
	{
		uint64		token = backend_cache_begin_load(&shape_watch);

		for (int i = 0; i < 2; i++)
		{
			Oid			relid = backend_cache_watched_relid(&shape_watch, i);

			shape_precheck[i] = OidIsValid(relid) &&
				get_attnum(relid, "domain_code") != InvalidAttrNumber &&
				get_attnum(relid, "verdict") != InvalidAttrNumber;
		}
		backend_cache_end_load(&shape_watch, token);
	}
	return shape_precheck[unknown ? 1 : 0];
}

/*
 * ql_role_names — the names of the current and the session user into an entry, from the per-backend cache
 * (looked up again after a role changed, or when the user is another one: SET ROLE, SECURITY DEFINER).
 */
static void
ql_role_names(NameData *role_name, NameData *session_role)
{
	Oid			user = GetUserId();
	Oid			session_user = GetSessionUserId();

	if (!backend_cache_valid(&names_watch) || names_user != user || names_session_user != session_user)
	{
		uint64		token = backend_cache_begin_load(&names_watch);

		namestrcpy(&names_role, GetUserNameFromId(user, false));
		namestrcpy(&names_session_role, GetUserNameFromId(session_user, false));
		names_user = user;
		names_session_user = session_user;
		backend_cache_end_load(&names_watch, token);	/* else looked up again on the next read */
	}
	*role_name = names_role;
	*session_role = names_session_role;
}

/*
 * ql_my_department — the caller's department when it acts for exactly one (credit_gz.my_departments(), the rule
 * credit_gz.log_read() applies), into dept_null/dept_value, from the per-backend cache of src/role_grant.c.
 * False: too long to queue.
 */
static bool
ql_my_department(void)
{
	const char *d = credit_gz_my_only_department();

	dept_null = (d == NULL);
	if (d != NULL && !ql_copy(dept_value, sizeof(dept_value), d))
		return false;			/* too long to queue: the sync INSERT computes it */
	return true;
}

/*
 * ql_enqueue — build the entry now (stamps of the reader, at read time) and queue it at once for the worker, so it
 * survives a rollback of the reader's transaction. False: the caller writes it synchronously.
 */
static bool
ql_enqueue(bool unknown, int64 subject_id, const char *code, const char *via, const char *purpose,
		   const char *audience, const char *department, const char *domain, const char *verdict,
		   bool *spi_connected)
{
	QlEntry		entry;
	QlEntry    *e = &entry;
	int			qi;

	memset(e, 0, sizeof(QlEntry));
	e->at = GetCurrentTransactionStartTimestamp();
	e->subject_id = subject_id;
	e->unknown = unknown;
	if (unknown && !ql_copy(e->code, sizeof(e->code), code))
		goto fallback;
	ql_role_names(&e->role_name, &e->session_role);
	if (!ql_copy(e->via, sizeof(e->via), via) || !ql_copy(e->purpose, sizeof(e->purpose), purpose))
		goto fallback;
	e->audience_null = (audience == NULL);
	if (audience && !ql_copy(e->audience, sizeof(e->audience), audience))
		goto fallback;
	e->domain_null = (domain == NULL);
	if (domain && !ql_copy(e->domain, sizeof(e->domain), domain))
		goto fallback;
	e->verdict_null = (verdict == NULL);
	if (verdict && !ql_copy(e->verdict, sizeof(e->verdict), verdict))
		goto fallback;
	if (department)
	{
		e->department_null = false;
		if (!ql_copy(e->department, sizeof(e->department), department))
			goto fallback;
	}
	else
	{
		if (!ql_my_department())
			goto fallback;
		e->department_null = dept_null;
		if (!dept_null)
			memcpy(e->department, dept_value, sizeof(dept_value));
	}
	qi = ql_reserve();
	if (qi < 0)
		return false;
	ql_push(qi, e);
	return true;

fallback:
	ql_count_fallback();
	return false;
}

/*
 * ql_insert_sync — the synchronous entry: one INSERT in the caller's transaction, in the caller's rights; the
 * stamp trigger sets time and roles. The body of credit_gz.log_read() (src/query_log.sql) as a saved plan:
 * calling that SQL function (SET search_path, so never inlined) would parse and plan its body on every read.
 * unknown: into credit_gz.unknown_code_read_log under code, else into credit_gz.query_log under subject_id.
 * department_resolved: department is already the caller's department (NULL: none or several), from the cache.
 * domain, verdict: a pre-check's (NULL for other reads).
 */
static void
ql_insert_sync(bool unknown, int64 subject_id, const char *code, const char *via, const char *purpose,
			   const char *audience, const char *department, bool department_resolved, const char *domain,
			   const char *verdict, bool *spi_connected)
{
	Datum		v[8];
	char		nulls[8] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
	bool		full;
	SPIPlanPtr *plan;
	int			rc;

	credit_gz_spi_connect_once(spi_connected);
	full = ql_precheck_columns(unknown);
	plan = &sync_plans[unknown ? 1 : 0][full ? 1 : 0];
	if (*plan == NULL)
	{
		Oid			types[8] = {unknown ? TEXTOID : INT8OID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, BOOLOID, TEXTOID,
		TEXTOID};

		/* the same values for either table: only the key column differs */
#define QL_SYNC_VALUES \
	" SELECT $1, $2, coalesce(nullif($3, ''), '未说明 / not stated'), $4," \
	"        coalesce($5, CASE WHEN NOT $6 THEN" \
	"                       (SELECT CASE WHEN pg_catalog.cardinality(d) = 1 THEN d[1] END" \
	"                          FROM credit_gz.my_departments() AS d) END)"
		/* a table of 1.0 has no domain_code and verdict: $7 and $8 are then left unused */
		*plan = credit_gz_keep_plan(unknown
									? (full ? "INSERT INTO credit_gz.unknown_code_read_log (code, via, purpose, audience,"
									   "   department_code, domain_code, verdict)" QL_SYNC_VALUES ", $7, $8"
									   : "INSERT INTO credit_gz.unknown_code_read_log (code, via, purpose, audience,"
									   "   department_code)" QL_SYNC_VALUES)
									: (full ? "INSERT INTO credit_gz.query_log (subject_id, via, purpose, audience,"
									   "   department_code, domain_code, verdict)" QL_SYNC_VALUES ", $7, $8"
									   : "INSERT INTO credit_gz.query_log (subject_id, via, purpose, audience,"
									   "   department_code)" QL_SYNC_VALUES),
									8, types);
#undef QL_SYNC_VALUES
	}
	v[0] = unknown ? CStringGetTextDatum(code) : Int64GetDatum(subject_id);
	v[1] = via ? CStringGetTextDatum(via) : (Datum) 0;
	nulls[1] = via ? ' ' : 'n';
	v[2] = purpose ? CStringGetTextDatum(purpose) : (Datum) 0;
	nulls[2] = purpose ? ' ' : 'n';
	v[3] = audience ? CStringGetTextDatum(audience) : (Datum) 0;
	nulls[3] = audience ? ' ' : 'n';
	v[4] = department ? CStringGetTextDatum(department) : (Datum) 0;
	nulls[4] = department ? ' ' : 'n';
	v[5] = BoolGetDatum(department_resolved);
	v[6] = domain ? CStringGetTextDatum(domain) : (Datum) 0;
	nulls[6] = domain ? ' ' : 'n';
	v[7] = verdict ? CStringGetTextDatum(verdict) : (Datum) 0;
	nulls[7] = verdict ? ' ' : 'n';
	rc = SPI_execute_plan(*plan, v, nulls, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "credit_gz: query-log insert failed: %s", SPI_result_code_string(rc));
}

/* ql_read — log one read (see query_log.h): of subject_id, or (unknown) of a code that matched no subject. */
static void
ql_read(bool unknown, int64 subject_id, const char *code, const char *via, const char *purpose,
		const char *audience, const char *department, const char *domain, const char *verdict,
		bool *spi_connected)
{
	if (RecoveryInProgress())
		return;
	if (purpose == NULL || purpose[0] == '\0')
		purpose = "未说明 / not stated";
	if (ql_async() && ql_enqueue(unknown, subject_id, code, via, purpose, audience, department, domain, verdict,
								 spi_connected))
		return;
	if (department == NULL && ql_my_department())
		ql_insert_sync(unknown, subject_id, code, via, purpose, audience, dept_null ? NULL : dept_value, true,
					   domain, verdict, spi_connected);
	else
		ql_insert_sync(unknown, subject_id, code, via, purpose, audience, department, false, domain, verdict,
					   spi_connected);
}

/*
 * query_log_read — log one read of a subject (see query_log.h). Skipped on a hot standby, where nothing can be
 * written.
 */
void
query_log_read(int64 subject_id, const char *via, const char *purpose, const char *audience,
			   const char *department, const char *domain, const char *verdict, bool *spi_connected)
{
	ql_read(false, subject_id, NULL, via, purpose, audience, department, domain, verdict, spi_connected);
}

/*
 * ql_logged_code — the code as logged: as given, cut to the first QL_CODE_LEN - 1 bytes (whole characters) when
 * longer. No subject's code is that long (a uscc or resident id has 18 characters), and the cut keeps a malformed
 * code of any length loggable and keyable.
 */
static const char *
ql_logged_code(const char *code)
{
	int			len = strlen(code);

	if (len < QL_CODE_LEN)
		return code;
	return pnstrdup(code, pg_mbcliplen(code, len, QL_CODE_LEN - 1));
}

/*
 * query_log_read_unknown — log one read by a code that matched no subject (see query_log.h), in
 * credit_gz.unknown_code_read_log. Skipped on a hot standby.
 */
void
query_log_read_unknown(const char *code, const char *via, const char *purpose, const char *audience,
					   const char *department, const char *domain, const char *verdict, bool *spi_connected)
{
	ql_read(true, 0, ql_logged_code(code), via, purpose, audience, department, domain, verdict, spi_connected);
}

/* ql_via_queueable — a `via` the table's CHECK admits: only such entries may wait for the worker's write. */
static bool
ql_via_queueable(const char *via)
{
	static const char *const known[] = {"precheck", "report", "labels", "other"};

	for (int i = 0; i < (int) lengthof(known); i++)
		if (strcmp(via, known[i]) == 0)
			return true;
	return false;
}

/*
 * ql_policies_admit_queue — does row-level security on the log table admit whatever the queue writes for the
 * caller? The shipped policy of credit_gz.query_log, query_log_own, admits exactly the entries naming the current
 * user, which is what a queued entry names (ql_role_names); any other policy (a site's own) is not known to admit
 * it, so its entries are written synchronously, where the policy judges them.
 */
static bool
ql_policies_admit_queue(Oid relid)
{
	Relation	rel;
	ListCell   *lc;
	bool		ok;

	if (check_enable_rls(relid, InvalidOid, true) != RLS_ENABLED)
		return true;
	rel = table_open(relid, AccessShareLock);
	ok = rel->rd_rsdesc != NULL && strcmp(RelationGetRelationName(rel), "query_log") == 0;
	if (ok)
		foreach(lc, rel->rd_rsdesc->policies)
		{
			RowSecurityPolicy *p = (RowSecurityPolicy *) lfirst(lc);

			if (strcmp(p->policy_name, "query_log_own") != 0)
				ok = false;
		}
	table_close(rel, AccessShareLock);
	return ok;
}

/*
 * ql_caller_may_queue — may the caller's own entry wait in the queue? The worker writes with the extension
 * owner's rights, so only for a caller who could insert the row itself: INSERT on the log table (credit_gz.query_log
 * or credit_gz.unknown_code_read_log) and no row-level security there that the worker would bypass and that would
 * not admit the entry (ql_policies_admit_queue).
 */
static bool
ql_caller_may_queue(bool unknown)
{
	Oid			relid = get_relname_relid(unknown ? "unknown_code_read_log" : "query_log",
										  get_namespace_oid("credit_gz", false));

	return OidIsValid(relid) && pg_class_aclcheck(relid, GetUserId(), ACL_INSERT) == ACLCHECK_OK &&
		ql_policies_admit_queue(relid);
}

/*
 * ql_log_read_sql — the body of the two SQL entry points: queued through ql_read when the queue can carry the
 * entry as it is; whatever it cannot — a `via` the table would reject, a caller without INSERT on the log, a hot
 * standby — is inserted at once in the caller's statement and rights, where the table judges it as before. A
 * department named must be one the role acts for (42501).
 */
static void
ql_log_read_sql(FunctionCallInfo fcinfo, bool unknown, int64 subject_id, const char *code)
{
	bool		connected = false;
	char	   *via = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *purpose = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));
	char	   *audience = PG_ARGISNULL(3) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(3));
	char	   *department = PG_ARGISNULL(4) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(4));

	/* the entry names the department the role acts for, never the caller's word (as a pre-check's does) */
	if (department != NULL && !credit_gz_acts_for_department(department))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role %s does not act for department %s", GetUserNameFromId(GetUserId(), false), department),
				 errdetail("A read is logged in the name of a department the role acts for."),
				 errhint("Leave the department out to log the role's own, or ask a DBA to run "
						 "credit_gz.grant_department.")));
	if (via != NULL && ql_via_queueable(via) && !RecoveryInProgress() && ql_async() && ql_caller_may_queue(unknown))
		ql_read(unknown, subject_id, code, via, purpose, audience, department, NULL, NULL, &connected);
	else
		ql_insert_sync(unknown, subject_id, code, via, purpose, audience, department, false, NULL, NULL,
					   &connected);
	if (connected && SPI_finish() != SPI_OK_FINISH)
		elog(ERROR, "credit_gz: SPI_finish failed");
}

/*
 * credit_gz_log_read — credit_gz.log_read(subject_id, via, purpose, audience, department_code): the SQL entry point
 * of query_log_read, so the reports and the labels log as precheck does (queued in async mode). The entry is
 * keyed by the id asked for, whether or not a subject has it (as a pre-check by id is): the id is the key.
 */
Datum
credit_gz_log_read(PG_FUNCTION_ARGS)
{
	int64		subject_id;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("subject_id of a logged read must not be null"),
				 errhint("A read by a code that matches no subject is logged with credit_gz.log_unknown_code_read().")));
	subject_id = PG_GETARG_INT64(0);
	ql_log_read_sql(fcinfo, false, subject_id, NULL);
	/* the logged read opens the subject's rows of the disclosed_* views to the role (src/read_scope.c) */
	read_scope_add(subject_id, PG_ARGISNULL(3) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(3)));
	PG_RETURN_VOID();
}

/*
 * credit_gz_log_unknown_code_read — credit_gz.log_unknown_code_read(code, via, purpose, audience, department_code):
 * a read by a code that matched no subject, into credit_gz.unknown_code_read_log (queued in async mode).
 */
Datum
credit_gz_log_unknown_code_read(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("code of a logged read must not be null")));
	ql_log_read_sql(fcinfo, true, 0, ql_logged_code(text_to_cstring(PG_GETARG_TEXT_PP(0))));
	PG_RETURN_VOID();
}


/* ---------------------------------------------------------------------------------------------------------------
 * The worker
 * --------------------------------------------------------------------------------------------------------------- */

/* ql_sigterm — shutdown requested: flush what is queued, then exit (not die(): the flush must finish). */
static void
ql_sigterm(SIGNAL_ARGS)
{
	int			save_errno = errno;

	ql_shutdown_requested = true;
	SetLatch(MyLatch);
	errno = save_errno;
}

/* ql_worker_exit — whatever way the worker leaves, its queue knows it has no worker any more. */
static void
ql_worker_exit(int code, Datum arg)
{
	int			qi = DatumGetInt32(arg);
	QlQueue    *q = &ql->queues[qi];

	LWLockAcquire(ql->lock, LW_EXCLUSIVE);
	if (q->worker_pid == MyProcPid)
	{
		q->worker_pid = 0;
		q->worker_latch = NULL;
	}
	LWLockRelease(ql->lock);
}

/* ql_array — a one-dimensional array of n datums of a type, for the batch INSERT's unnest(). */
static Datum
ql_array(Datum *d, bool *nulls, int n, Oid type, int len, bool byval, char align)
{
	int			dims[1] = {n};
	int			lbs[1] = {1};

	return PointerGetDatum(construct_md_array(d, nulls, 1, dims, lbs, type, len, byval, align));
}

/*
 * The columns of a log table the direct write fills (every column of the table: see ql_direct_plan). QLC_KEY is
 * subject_id (bigint) in credit_gz.query_log and code (text) in credit_gz.unknown_code_read_log.
 */
enum
{
	QLC_LOG_ID, QLC_AT, QLC_ROLE_NAME, QLC_SESSION_ROLE, QLC_DEPARTMENT, QLC_KEY, QLC_VIA, QLC_AUDIENCE,
	QLC_PURPOSE, QLC_DOMAIN, QLC_VERDICT, QLC_NCOLS
};
typedef struct QlColumn
{
	const char *name;
	Oid			type;
} QlColumn;
static const QlColumn ql_columns[QLC_NCOLS] = {
	{"log_id", INT8OID}, {"at", TIMESTAMPTZOID}, {"role_name", NAMEOID}, {"session_role", NAMEOID},
	{"department_code", TEXTOID}, {"subject_id", INT8OID}, {"via", TEXTOID}, {"audience", TEXTOID},
	{"purpose", TEXTOID}, {"domain_code", TEXTOID}, {"verdict", TEXTOID}
};
static const QlColumn ql_unknown_key = {"code", TEXTOID};

/*
 * ql_direct_plan — can the batch be written directly (ql_write_direct) rather than by the INSERT? Only when the
 * table is what src/query_log.sql creates: a plain table whose columns are exactly ql_columns (so no default is
 * skipped), log_id an identity column, no rule, no index whose uniqueness is checked deferred, and no INSERT
 * trigger that fires in the worker's replica mode (the INSERT would not fire the others either). Fills attnums
 * (attribute number of each ql_columns entry) and *seq (log_id's identity sequence).
 */
static bool
ql_direct_plan(Relation rel, ResultRelInfo *rri, bool unknown, AttrNumber *attnums, Oid *seq)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			i,
				c,
				live = 0;

	if (rel->rd_rel->relkind != RELKIND_RELATION || rel->rd_rel->relhasrules)
		return false;
	for (c = 0; c < QLC_NCOLS; c++)
		attnums[c] = InvalidAttrNumber;
	for (i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (att->attisdropped)
			continue;
		live++;
		if (att->attgenerated != '\0')
			return false;
		for (c = 0; c < QLC_NCOLS; c++)
		{
			const QlColumn *col = (unknown && c == QLC_KEY) ? &ql_unknown_key : &ql_columns[c];

			if (strcmp(NameStr(att->attname), col->name) == 0 && att->atttypid == col->type)
				attnums[c] = att->attnum;
		}
	}
	for (c = 0; c < QLC_NCOLS; c++)
		if (attnums[c] == InvalidAttrNumber)
			return false;
	if (live != QLC_NCOLS || TupleDescAttr(desc, attnums[QLC_LOG_ID] - 1)->attidentity == '\0')
		return false;
	if (rel->trigdesc)
		for (i = 0; i < rel->trigdesc->numtriggers; i++)
		{
			Trigger    *tg = &rel->trigdesc->triggers[i];

			if (TRIGGER_FOR_INSERT(tg->tgtype) &&
				(tg->tgenabled == TRIGGER_FIRES_ALWAYS || tg->tgenabled == TRIGGER_FIRES_ON_REPLICA))
				return false;
		}
	for (i = 0; i < rri->ri_NumIndices; i++)
		if (!rri->ri_IndexRelationDescs[i]->rd_index->indimmediate)
			return false;
	*seq = getIdentitySequence(RelationGetRelid(rel), attnums[QLC_LOG_ID], false);
	return true;
}

/*
 * ql_write_direct — write a batch as COPY does, without the INSERT's per-row executor work (unnest of eight
 * arrays through tuplestores, one heap_insert and WAL record per row): log_id from the identity sequence in queue
 * order, NOT NULL and CHECK constraints checked, heap rows by table_multi_insert (one WAL record per page), then
 * each row's index entries. unknown: the entries are reads of unknown codes, for credit_gz.unknown_code_read_log;
 * else for credit_gz.query_log. False: the table is not as expected (ql_direct_plan); the caller writes the batch
 * with the INSERT instead. Runs in the worker's transaction.
 */
static bool
ql_write_direct(QlEntry *buf, int n, bool unknown)
{
	const char *relname = unknown ? "unknown_code_read_log" : "query_log";
	Oid			relid = get_relname_relid(relname, get_namespace_oid("credit_gz", false));
	Relation	rel;
	EState	   *estate;
	ResultRelInfo *rri;
	AttrNumber	attnums[QLC_NCOLS];
	Oid			seq;
	TupleTableSlot *slots[QL_DIRECT_CHUNK];
	CommandId	cid;
	int			k,
				from;

	if (!OidIsValid(relid))
		elog(ERROR, "credit_gz: relation credit_gz.%s is missing", relname);
	rel = table_open(relid, RowExclusiveLock);
	estate = CreateExecutorState();
	credit_gz_exec_init_target(estate, rel);
	rri = makeNode(ResultRelInfo);
	ExecInitResultRelation(estate, rri, 1);
	ExecOpenIndices(rri, false);
	if (!ql_direct_plan(rel, rri, unknown, attnums, &seq))
	{
		ExecCloseResultRelations(estate);
		ExecCloseRangeTableRelations(estate);
		FreeExecutorState(estate);
		table_close(rel, NoLock);
		return false;
	}
	cid = GetCurrentCommandId(true);
	estate->es_output_cid = cid;
	for (k = 0; k < QL_DIRECT_CHUNK && k < n; k++)
		slots[k] = ExecInitExtraTupleSlot(estate, RelationGetDescr(rel), table_slot_callbacks(rel));

	/* chunks of QL_DIRECT_CHUNK rows through the same slots, as COPY buffers them */
	for (from = 0; from < n; from += QL_DIRECT_CHUNK)
	{
		int			m = Min(n - from, QL_DIRECT_CHUNK);

		for (k = 0; k < m; k++)
		{
			TupleTableSlot *slot = slots[k];
			QlEntry    *e = &buf[from + k];

			ExecClearTuple(slot);
			memset(slot->tts_isnull, true, slot->tts_tupleDescriptor->natts * sizeof(bool));
#define QL_SET(col, value, isnull) \
			(slot->tts_values[attnums[col] - 1] = (value), slot->tts_isnull[attnums[col] - 1] = (isnull))
			QL_SET(QLC_LOG_ID, Int64GetDatum(nextval_internal(seq, false)), false);
			QL_SET(QLC_AT, TimestampTzGetDatum(e->at), false);
			QL_SET(QLC_ROLE_NAME, NameGetDatum(&e->role_name), false);
			QL_SET(QLC_SESSION_ROLE, NameGetDatum(&e->session_role), false);
			QL_SET(QLC_DEPARTMENT, e->department_null ? (Datum) 0 : CStringGetTextDatum(e->department),
				   e->department_null);
			QL_SET(QLC_KEY, unknown ? CStringGetTextDatum(e->code) : Int64GetDatum(e->subject_id), false);
			QL_SET(QLC_VIA, CStringGetTextDatum(e->via), false);
			QL_SET(QLC_AUDIENCE, e->audience_null ? (Datum) 0 : CStringGetTextDatum(e->audience),
				   e->audience_null);
			QL_SET(QLC_PURPOSE, CStringGetTextDatum(e->purpose), false);
			QL_SET(QLC_DOMAIN, e->domain_null ? (Datum) 0 : CStringGetTextDatum(e->domain), e->domain_null);
			QL_SET(QLC_VERDICT, e->verdict_null ? (Datum) 0 : CStringGetTextDatum(e->verdict), e->verdict_null);
#undef QL_SET
			ExecStoreVirtualTuple(slot);
			if (rel->rd_att->constr)
				ExecConstraints(rri, slot, estate);
			ResetPerTupleExprContext(estate);
		}
		table_multi_insert(rel, slots, m, cid, 0, NULL);
		for (k = 0; k < m; k++)
		{
			List	   *recheck = credit_gz_insert_index_tuples(rri, slots[k], estate);

			Assert(recheck == NIL); /* no deferred uniqueness (ql_direct_plan) */
			list_free(recheck);
			ResetPerTupleExprContext(estate);
		}
	}

	ExecResetTupleTable(estate->es_tupleTable, false);
	ExecCloseResultRelations(estate);
	ExecCloseRangeTableRelations(estate);
	FreeExecutorState(estate);
	table_close(rel, NoLock);
	return true;
}

/*
 * ql_write_insert — write a batch with one INSERT … SELECT of unnest()ed arrays through SPI: the way for a
 * log table that ql_write_direct does not recognise (its defaults and replica-mode triggers then apply). unknown:
 * into credit_gz.unknown_code_read_log, else credit_gz.query_log. Runs in the worker's transaction.
 */
static void
ql_write_insert(QlEntry *buf, int n, bool unknown)
{
	Datum		v[10];
	Datum	   *at = palloc(n * sizeof(Datum)),
			   *rn = palloc(n * sizeof(Datum)),
			   *sr = palloc(n * sizeof(Datum)),
			   *dept = palloc(n * sizeof(Datum)),
			   *subj = palloc(n * sizeof(Datum)),
			   *via = palloc(n * sizeof(Datum)),
			   *aud = palloc(n * sizeof(Datum)),
			   *purp = palloc(n * sizeof(Datum)),
			   *dom = palloc(n * sizeof(Datum)),
			   *verd = palloc(n * sizeof(Datum));
	bool	   *dept_nulls = palloc(n * sizeof(bool)),
			   *aud_nulls = palloc(n * sizeof(bool)),
			   *dom_nulls = palloc(n * sizeof(bool)),
			   *verd_nulls = palloc(n * sizeof(bool));
	bool		full = ql_precheck_columns(unknown);
	SPIPlanPtr *plan = &batch_plans[unknown ? 1 : 0][full ? 1 : 0];
	int			k,
				rc;

	for (k = 0; k < n; k++)
	{
		at[k] = TimestampTzGetDatum(buf[k].at);
		rn[k] = NameGetDatum(&buf[k].role_name);
		sr[k] = NameGetDatum(&buf[k].session_role);
		dept_nulls[k] = buf[k].department_null;
		dept[k] = dept_nulls[k] ? (Datum) 0 : CStringGetTextDatum(buf[k].department);
		subj[k] = unknown ? CStringGetTextDatum(buf[k].code) : Int64GetDatum(buf[k].subject_id);
		via[k] = CStringGetTextDatum(buf[k].via);
		aud_nulls[k] = buf[k].audience_null;
		aud[k] = aud_nulls[k] ? (Datum) 0 : CStringGetTextDatum(buf[k].audience);
		purp[k] = CStringGetTextDatum(buf[k].purpose);
		dom_nulls[k] = buf[k].domain_null;
		dom[k] = dom_nulls[k] ? (Datum) 0 : CStringGetTextDatum(buf[k].domain);
		verd_nulls[k] = buf[k].verdict_null;
		verd[k] = verd_nulls[k] ? (Datum) 0 : CStringGetTextDatum(buf[k].verdict);
	}
	v[0] = ql_array(at, NULL, n, TIMESTAMPTZOID, sizeof(TimestampTz), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	v[1] = ql_array(rn, NULL, n, NAMEOID, NAMEDATALEN, false, TYPALIGN_CHAR);
	v[2] = ql_array(sr, NULL, n, NAMEOID, NAMEDATALEN, false, TYPALIGN_CHAR);
	v[3] = ql_array(dept, dept_nulls, n, TEXTOID, -1, false, TYPALIGN_INT);
	v[4] = unknown ? ql_array(subj, NULL, n, TEXTOID, -1, false, TYPALIGN_INT)
		: ql_array(subj, NULL, n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	v[5] = ql_array(via, NULL, n, TEXTOID, -1, false, TYPALIGN_INT);
	v[6] = ql_array(aud, aud_nulls, n, TEXTOID, -1, false, TYPALIGN_INT);
	v[7] = ql_array(purp, NULL, n, TEXTOID, -1, false, TYPALIGN_INT);
	v[8] = ql_array(dom, dom_nulls, n, TEXTOID, -1, false, TYPALIGN_INT);
	v[9] = ql_array(verd, verd_nulls, n, TEXTOID, -1, false, TYPALIGN_INT);

	credit_gz_spi_connect();
	if (*plan == NULL)
	{
		Oid			types[10] = {TIMESTAMPTZARRAYOID, NAMEARRAYOID, NAMEARRAYOID, TEXTARRAYOID,
		unknown ? TEXTARRAYOID : INT8ARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID};

#define QL_BATCH_ROWS \
	"       via, audience, purpose)" \
	" SELECT * FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2)," \
	"   pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5)," \
	"   pg_catalog.unnest($6), pg_catalog.unnest($7), pg_catalog.unnest($8))"
#define QL_BATCH_ROWS_FULL \
	"       via, audience, purpose, domain_code, verdict)" \
	" SELECT * FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2)," \
	"   pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5)," \
	"   pg_catalog.unnest($6), pg_catalog.unnest($7), pg_catalog.unnest($8)," \
	"   pg_catalog.unnest($9), pg_catalog.unnest($10))"
		/* a table of 1.0 (no domain_code and verdict): $9 and $10 are left unused */
		*plan = credit_gz_keep_plan(unknown
									? (full ? "INSERT INTO credit_gz.unknown_code_read_log (at, role_name, session_role,"
									   "       department_code, code," QL_BATCH_ROWS_FULL
									   : "INSERT INTO credit_gz.unknown_code_read_log (at, role_name, session_role,"
									   "       department_code, code," QL_BATCH_ROWS)
									: (full ? "INSERT INTO credit_gz.query_log (at, role_name, session_role,"
									   "       department_code, subject_id," QL_BATCH_ROWS_FULL
									   : "INSERT INTO credit_gz.query_log (at, role_name, session_role,"
									   "       department_code, subject_id," QL_BATCH_ROWS),
									10, types);
#undef QL_BATCH_ROWS
#undef QL_BATCH_ROWS_FULL
	}
	rc = SPI_execute_plan(*plan, v, NULL, false, 0);
	if (rc != SPI_OK_INSERT || SPI_processed != (uint64) n)
		elog(ERROR, "credit_gz: query-log batch insert failed: %s", SPI_result_code_string(rc));
	SPI_finish();
}

/*
 * ql_flush_batch — write up to QL_BATCH_MAX queued entries with one INSERT in a transaction of its own, then
 * advance the queue. Returns how many were written, or -1 when the INSERT failed (the error is logged and the
 * entries stay queued for the next attempt).
 */
static int
ql_flush_batch(int qi, MemoryContext cxt)
{
	QlQueue    *q = &ql->queues[qi];
	QlEntry    *slots = ql_slots(qi);
	QlEntry    *part;
	int			n,
				k,
				nsubject = 0,
				nunknown = 0;
	uint64		head;
	volatile bool ok = true;

	MemoryContextReset(cxt);
	MemoryContextSwitchTo(cxt);

	LWLockAcquire(ql->lock, LW_SHARED);
	n = Min(q->queued, QL_BATCH_MAX);
	head = q->head;
	part = palloc(Max(n, 1) * sizeof(QlEntry));
	/* copied out of the ring grouped by table, in queue order within each: reads of subjects, then of unknown codes */
	for (k = 0; k < n; k++)
		if (!slots[(head + k) % (uint64) ql_queue_size].unknown)
			part[nsubject++] = slots[(head + k) % (uint64) ql_queue_size];
	for (k = 0; k < n; k++)
		if (slots[(head + k) % (uint64) ql_queue_size].unknown)
			part[nsubject + nunknown++] = slots[(head + k) % (uint64) ql_queue_size];
	LWLockRelease(ql->lock);
	if (n == 0)
		return 0;

	PG_TRY();
	{
		SetCurrentStatementStartTimestamp();
		StartTransactionCommand();
		PushActiveSnapshot(GetTransactionSnapshot());
		pgstat_report_activity(STATE_RUNNING, "credit_gz: writing queued query-log entries");
		if (nsubject > 0 && !ql_write_direct(part, nsubject, false))
			ql_write_insert(part, nsubject, false);
		if (nunknown > 0 && !ql_write_direct(part + nsubject, nunknown, true))
			ql_write_insert(part + nsubject, nunknown, true);
		PopActiveSnapshot();
		CommitTransactionCommand();
		pgstat_report_activity(STATE_IDLE, NULL);
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		EmitErrorReport();
		FlushErrorState();
		AbortCurrentTransaction();
		pgstat_report_activity(STATE_IDLE, NULL);
		ok = false;
	}
	PG_END_TRY();
	MemoryContextSwitchTo(cxt);
	if (!ok)
	{
		ereport(LOG,
				(errmsg("credit_gz: %d query-log entries stay queued after a failed write", n),
				 errdetail("The worker exits; the next pre-check or credit_gz.flush_query_log() starts another.")));
		return -1;
	}

	LWLockAcquire(ql->lock, LW_EXCLUSIVE);
	q->head += n;
	q->queued -= n;
	LWLockRelease(ql->lock);
	return n;
}

/*
 * ql_worker_attach — become the worker of queue qi (or exit: another worker has it, or it serves another database
 * now), then connect to the database as the bootstrap superuser with the session settings batches need.
 */
static void
ql_worker_attach(int qi, Oid dboid)
{
	QlQueue    *q = &ql->queues[qi];
	bool		mine;

	LWLockAcquire(ql->lock, LW_EXCLUSIVE);
	mine = (q->dboid == dboid && q->worker_pid == 0);
	if (mine)
	{
		q->worker_pid = MyProcPid;
		q->worker_starting = false;
		q->worker_latch = MyLatch;
	}
	LWLockRelease(ql->lock);
	if (!mine)
		proc_exit(0);
	before_shmem_exit(ql_worker_exit, Int32GetDatum(qi));

	/* InvalidOid: the bootstrap superuser, so the stamp trigger keeps the readers' stamps */
	BackgroundWorkerInitializeConnectionByOid(dboid, InvalidOid, 0);
	/*
	 * The stamp trigger would only keep, row by row, the stamps a superuser supplies: replica mode skips the call
	 * (query_log has no foreign keys, whose checks replica mode would skip too).
	 */
	SetConfigOption("session_replication_role", "replica", PGC_SUSET, PGC_S_OVERRIDE);
	/*
	 * A batch of thousands of rows costs enough for the planner to JIT-compile the insert, on every batch: a quarter
	 * of the worker's CPU went into LLVM for an expression that runs in microseconds without it.
	 */
	SetConfigOption("jit", "off", PGC_SUSET, PGC_S_OVERRIDE);
}

/*
 * ql_worker_wait — wait wait_ms for the next batch, or less when woken for a reason: a reader asked (queue half
 * full, flush_query_log()), shutdown was requested, or a configuration reload shortened the flush interval. A set
 * latch alone may be stale and does not end the wait.
 */
static void
ql_worker_wait(QlQueue *q, long wait_ms)
{
	TimestampTz wait_start = GetCurrentTimestamp();
	TimestampTz next_flush = TimestampTzPlusMilliseconds(wait_start, wait_ms);

	for (;;)
	{
		bool		wake;
		TimestampTz now;

		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
		{
			TimestampTz sooner;

			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
			/* a shorter interval applies to the wait in progress */
			sooner = TimestampTzPlusMilliseconds(wait_start, ql_flush_interval);
			if (sooner < next_flush)
				next_flush = sooner;
		}
		LWLockAcquire(ql->lock, LW_EXCLUSIVE);
		wake = q->wake;
		q->wake = false;
		LWLockRelease(ql->lock);
		now = GetCurrentTimestamp();
		if (wake || ql_shutdown_requested || now >= next_flush)
			return;
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
						 TimestampDifferenceMilliseconds(now, next_flush), PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
	}
}

/*
 * credit_gz_query_log_worker — main of the background worker of one database (main_arg: its oid; bgw_extra: the
 * queue index). Drains the queue every flush interval or when woken (queue half full, flush_query_log()); exits
 * after QL_IDLE_EXIT_MS with nothing queued or reserved, after a failed write (the entries stay queued for the
 * next worker), and on SIGTERM after flushing what is queued.
 */
void
credit_gz_query_log_worker(Datum main_arg)
{
	Oid			dboid = DatumGetObjectId(main_arg);
	int			qi;
	QlQueue    *q;
	TimestampTz idle_since = 0;
	TimestampTz shutdown_at = 0;
	MemoryContext cxt;
	long		wait_ms;

	memcpy(&qi, MyBgworkerEntry->bgw_extra, sizeof(int));
	pqsignal(SIGTERM, ql_sigterm);
	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	BackgroundWorkerUnblockSignals();
	if (ql == NULL || qi < 0 || qi >= QL_MAX_DATABASES)
		proc_exit(0);

	q = &ql->queues[qi];
	ql_worker_attach(qi, dboid);
	cxt = AllocSetContextCreate(TopMemoryContext, "credit_gz query log batch", ALLOCSET_DEFAULT_SIZES);

	wait_ms = ql_flush_interval;	/* let the first batch gather, as every later one does */
	for (;;)
	{
		int			n;
		uint32		queued,
					reserved;
		TimestampTz now;

		ql_worker_wait(q, wait_ms);
		n = ql_flush_batch(qi, cxt);
		now = GetCurrentTimestamp();
		if (ql_shutdown_requested && shutdown_at == 0)
			shutdown_at = now;

		LWLockAcquire(ql->lock, LW_EXCLUSIVE);
		queued = q->queued;
		reserved = q->reserved;
		if (queued == 0 && reserved == 0)
		{
			if (ql_shutdown_requested ||
				(idle_since != 0 && TimestampDifferenceExceeds(idle_since, now, QL_IDLE_EXIT_MS)))
			{
				q->worker_pid = 0;
				q->worker_latch = NULL;
				LWLockRelease(ql->lock);
				proc_exit(0);
			}
			if (idle_since == 0)
				idle_since = now;
		}
		else
			idle_since = 0;
		LWLockRelease(ql->lock);

		if (ql_shutdown_requested)
		{
			if (TimestampDifferenceExceeds(shutdown_at, now, QL_SHUTDOWN_WAIT_MS))
			{
				if (queued > 0)
					ereport(WARNING,
							(errmsg("credit_gz: %u queued query-log entries could not be written before shutdown",
									queued)));
				proc_exit(0);
			}
			wait_ms = (n > 0) ? 0 : 10;
		}
		else if (n < 0)
		{
			/* leave (after a pause): a worker stuck on errors must not hold the database (DROP DATABASE) */
			pg_usleep(1000000L);
			proc_exit(1);
		}
		else if (queued >= (uint32) ql_queue_size / 2)
			wait_ms = 0;
		else
			wait_ms = ql_flush_interval;
		/* idle: look again in time to exit after QL_IDLE_EXIT_MS (DROP DATABASE waits up to 5 s for us) */
		if (idle_since != 0 && wait_ms > QL_IDLE_EXIT_MS / 4)
			wait_ms = QL_IDLE_EXIT_MS / 4;
	}
}


/* ---------------------------------------------------------------------------------------------------------------
 * SQL-callable functions
 * --------------------------------------------------------------------------------------------------------------- */

/*
 * credit_gz_query_log_purge_allowed — query_log_purge_allowed() → the value of credit_gz.query_log_purge.
 *
 * The query log's guard trigger asks through this function rather than current_setting() so that calling it loads
 * the module: a value a non-superuser set before the module was loaded (a placeholder) is then discarded by
 * DefineCustomBoolVariable, as PGC_SUSET demands, instead of being read back as "on".
 */
Datum
credit_gz_query_log_purge_allowed(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ql_purge);
}

/*
 * credit_gz_query_log_queue — query_log_queue() → (mode, requested_mode, preloaded, queue_size, queued, reserved,
 * flushed, fallback_sync_inserts, worker_pid) for this database: what an operator checks first.
 */
Datum
credit_gz_query_log_queue(PG_FUNCTION_ARGS)
{
	TupleDesc	td;
	Datum		v[9];
	bool		nulls[9] = {false};
	int			i;

	if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "credit_gz: query_log_queue must return a row");
	td = BlessTupleDesc(td);
	v[0] = CStringGetTextDatum(ql_async() ? "async" : "sync");
	v[1] = CStringGetTextDatum(ql_mode == QL_MODE_ASYNC ? "async" : "sync");
	v[2] = BoolGetDatum(ql != NULL);
	v[3] = Int32GetDatum(ql_queue_size);
	nulls[3] = (ql == NULL);
	for (i = 4; i < 9; i++)
		nulls[i] = true;
	if (ql != NULL)
	{
		int			qi;

		LWLockAcquire(ql->lock, LW_EXCLUSIVE);
		qi = ql_find_queue(false);
		if (qi >= 0)
		{
			QlQueue    *q = &ql->queues[qi];

			v[4] = Int64GetDatum(q->queued);
			v[5] = Int64GetDatum(q->reserved);
			v[6] = Int64GetDatum(q->head);
			v[7] = Int64GetDatum(q->fallbacks);
			v[8] = Int32GetDatum(q->worker_pid);
			nulls[4] = nulls[5] = nulls[6] = nulls[7] = false;
			nulls[8] = (q->worker_pid == 0);
		}
		else
		{
			v[4] = v[5] = v[6] = v[7] = Int64GetDatum(0);
			nulls[4] = nulls[5] = nulls[6] = nulls[7] = false;
		}
		LWLockRelease(ql->lock);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(td, v, nulls)));
}

/*
 * credit_gz_flush_query_log — flush_query_log(timeout) → boolean: wait until every entry this session queued is in
 * credit_gz.query_log (true), or the timeout passed (false). Wakes the worker (and starts one if none runs).
 */
Datum
credit_gz_flush_query_log(PG_FUNCTION_ARGS)
{
	Interval   *timeout = PG_GETARG_INTERVAL_P(0);
	int64		timeout_ms;
	TimestampTz start = GetCurrentTimestamp();

	timeout_ms = timeout->time / 1000 + (int64) timeout->day * 86400000 + (int64) timeout->month * 30 * 86400000;
	if (ql == NULL || last_push_queue < 0)
		PG_RETURN_BOOL(true);
	for (;;)
	{
		QlQueue    *q = &ql->queues[last_push_queue];
		bool		done,
					launch = false;
		Latch	   *latch;

		LWLockAcquire(ql->lock, LW_EXCLUSIVE);
		done = q->generation != last_push_generation || q->head >= last_push_target;
		if (!done)
		{
			launch = ql_need_launch(q);
			q->wake = true;
		}
		latch = q->worker_latch;
		LWLockRelease(ql->lock);
		if (done)
			PG_RETURN_BOOL(true);
		if (launch && !ql_launch_worker(last_push_queue))
		{
			LWLockAcquire(ql->lock, LW_EXCLUSIVE);
			q->worker_starting = false;
			LWLockRelease(ql->lock);
		}
		if (latch)
			SetLatch(latch);
		if (TimestampDifferenceExceeds(start, GetCurrentTimestamp(), (int) Min(timeout_ms, INT_MAX)))
			PG_RETURN_BOOL(false);
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 10, PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
	}
}

/*
 * credit_gz_query_log_stamp — BEFORE INSERT row trigger on credit_gz.query_log: whoever inserts, the database
 * states who and when (a caller cannot backdate or impersonate). A superuser — restoring a dump, or the query-log
 * worker writing queued entries — keeps the stamps it supplies; a superuser could forge entries in any case.
 */
Datum
credit_gz_query_log_stamp(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	int			cols[3];
	Datum		v[3];
	bool		nulls[3] = {false, false, false};
	NameData	role_name,
				session_role;
	static const char *const names[3] = {"at", "role_name", "session_role"};
	int			i;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_BY_INSERT(td->tg_event))
		elog(ERROR, "credit_gz: query_log_stamp must be a BEFORE INSERT row trigger");
	if (superuser())
		return PointerGetDatum(td->tg_trigtuple);

	desc = td->tg_relation->rd_att;
	for (i = 0; i < 3; i++)
		cols[i] = credit_gz_column(desc, RelationGetRelationName(td->tg_relation), names[i]);
	namestrcpy(&role_name, GetUserNameFromId(GetUserId(), false));
	namestrcpy(&session_role, GetUserNameFromId(GetSessionUserId(), false));
	v[0] = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	v[1] = NameGetDatum(&role_name);
	v[2] = NameGetDatum(&session_role);
	return PointerGetDatum(heap_modify_tuple_by_cols(td->tg_trigtuple, desc, 3, cols, v, nulls));
}
