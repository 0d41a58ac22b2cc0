/*
 * load_progress.c — how far a long intake is, readable from any other session while it runs (src/list_intake.sql,
 * credit_gz.load_progress), as pg_stat_progress_copy shows a COPY.
 *
 * A load runs in one transaction, so nothing it writes to a table is visible to another session before it ends. Its
 * progress therefore lives in shared memory: one slot per backend (indexed by MyBackendId), written only by its own
 * backend and read by anyone without a lock, through a change counter as PostgreSQL's own backend status entries do
 * (odd while a write is under way; a reader retries until it sees the same even value before and after its copy).
 * A slot is cleared when the load's transaction ends, committed or not, and when the backend exits, so a failed load
 * never leaves a row behind. The slots exist only when the library is preloaded (shared_preload_libraries); without
 * it a load reports nothing and the view is empty.
 */
#include "postgres.h"
#include "textdomain.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_authid.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "port/atomics.h"
#include "storage/ipc.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "load_progress.h"

PG_FUNCTION_INFO_V1(credit_gz_load_progress_start);
PG_FUNCTION_INFO_V1(credit_gz_load_progress_step);
PG_FUNCTION_INFO_V1(credit_gz_load_progress_rows);

#define LP_TEXT_LEN 64

typedef struct LpSlot
{
	volatile uint32 changecount;	/* odd while the owner writes */
	int			pid;			/* 0: free */
	Oid			roleid;			/* role that runs the load */
	Oid			dbid;
	char		kind[LP_TEXT_LEN];
	char		department[LP_TEXT_LEN];
	char		batch[LP_TEXT_LEN];
	int64		staged;
	int64		done;
	int64		rejected;
	TimestampTz started;
	TimestampTz updated;
} LpSlot;

static LpSlot *lp_slots = NULL;
static int	lp_nslots = 0;
static shmem_request_hook_type prev_shmem_request_hook = NULL;
static shmem_startup_hook_type prev_shmem_startup_hook = NULL;
static bool lp_callbacks = false;

/* lp_shmem_size — one slot per backend that can run a load. */
static Size
lp_shmem_size(void)
{
	return mul_size(MaxBackends, sizeof(LpSlot));
}

/* lp_shmem_request — ask the postmaster for the slots (preloaded only). */
static void
lp_shmem_request(void)
{
	if (prev_shmem_request_hook)
		prev_shmem_request_hook();
	RequestAddinShmemSpace(lp_shmem_size());
}

/* lp_shmem_startup — create the slots, all free (also after a crash restart). */
static void
lp_shmem_startup(void)
{
	bool		found;

	if (prev_shmem_startup_hook)
		prev_shmem_startup_hook();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	lp_slots = ShmemInitStruct("credit_gz load progress", lp_shmem_size(), &found);
	if (!found)
		memset(lp_slots, 0, lp_shmem_size());
	lp_nslots = MaxBackends;
	LWLockRelease(AddinShmemInitLock);
}

/* load_progress_init — when preloaded, request the slots. Called once per process from _PG_init. */
void
load_progress_init(void)
{
	if (!process_shared_preload_libraries_in_progress)
		return;
	prev_shmem_request_hook = shmem_request_hook;
	shmem_request_hook = lp_shmem_request;
	prev_shmem_startup_hook = shmem_startup_hook;
	shmem_startup_hook = lp_shmem_startup;
}

/* my_slot — this backend's slot, NULL when the slots do not exist (not preloaded). */
static LpSlot *
my_slot(void)
{
	if (lp_slots == NULL || MyBackendId < 1 || MyBackendId > lp_nslots)
		return NULL;
	return &lp_slots[MyBackendId - 1];
}

/* lp_clear — free this backend's slot if it holds a load. */
static void
lp_clear(void)
{
	LpSlot	   *s = my_slot();

	if (s == NULL || s->pid == 0)
		return;
	s->changecount++;
	pg_write_barrier();
	s->pid = 0;
	pg_write_barrier();
	s->changecount++;
}

/* lp_xact_end — the load's transaction ended (committed, aborted or prepared): its progress is gone with it. */
static void
lp_xact_end(XactEvent event, void *arg)
{
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT || event == XACT_EVENT_PREPARE ||
		event == XACT_EVENT_PARALLEL_COMMIT || event == XACT_EVENT_PARALLEL_ABORT)
		lp_clear();
}

/* lp_exit — the backend exits: free its slot. */
static void
lp_exit(int code, Datum arg)
{
	lp_clear();
}

/* copy_text — a text argument into a fixed slot field, cut at a character boundary. */
static void
copy_text(char *dst, text *src)
{
	char	   *s = text_to_cstring(src);
	int			len = pg_mbcliplen(s, strlen(s), LP_TEXT_LEN - 1);

	memcpy(dst, s, len);
	dst[len] = '\0';
}

/*
 * credit_gz_load_progress_start(kind text, department_code text, batch text, rows_staged bigint) — announce a load
 * of this backend: what is loaded, whose batch and how many staged rows. Does nothing when not preloaded.
 */
Datum
credit_gz_load_progress_start(PG_FUNCTION_ARGS)
{
	LpSlot	   *s = my_slot();

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a load's progress needs its kind, department, batch and staged rows")));
	if (s == NULL)
		PG_RETURN_VOID();
	if (!lp_callbacks)
	{
		RegisterXactCallback(lp_xact_end, NULL);
		before_shmem_exit(lp_exit, (Datum) 0);
		lp_callbacks = true;
	}
	s->changecount++;
	pg_write_barrier();
	s->pid = MyProcPid;
	s->roleid = GetUserId();
	s->dbid = MyDatabaseId;
	copy_text(s->kind, PG_GETARG_TEXT_PP(0));
	copy_text(s->department, PG_GETARG_TEXT_PP(1));
	copy_text(s->batch, PG_GETARG_TEXT_PP(2));
	s->staged = PG_GETARG_INT64(3);
	s->done = 0;
	s->rejected = 0;
	s->started = GetCurrentTimestamp();
	s->updated = s->started;
	pg_write_barrier();
	s->changecount++;
	PG_RETURN_VOID();
}

/*
 * credit_gz_load_progress_step(rows_done bigint, rows_rejected bigint) — the rows of the announced load done so far
 * and how many of them were rejected. Does nothing without an announced load.
 */
Datum
credit_gz_load_progress_step(PG_FUNCTION_ARGS)
{
	LpSlot	   *s = my_slot();

	if (s == NULL || s->pid != MyProcPid || PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_VOID();
	s->changecount++;
	pg_write_barrier();
	s->done = PG_GETARG_INT64(0);
	s->rejected = PG_GETARG_INT64(1);
	s->updated = GetCurrentTimestamp();
	pg_write_barrier();
	s->changecount++;
	PG_RETURN_VOID();
}

/*
 * credit_gz_load_progress_rows() — the loads running now in this database: pid, role, kind, department, batch, rows
 * staged, done and rejected, when started and last advanced. A role sees the loads of roles it has the privileges
 * of; members of pg_read_all_stats (a DBA) see every load, as in pg_stat_progress_copy.
 */
Datum
credit_gz_load_progress_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bool		all;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	if (lp_slots == NULL)
		return (Datum) 0;
	all = has_privs_of_role(GetUserId(), ROLE_PG_READ_ALL_STATS);
	for (i = 0; i < lp_nslots; i++)
	{
		volatile LpSlot *src = &lp_slots[i];
		LpSlot		copy;
		Datum		values[10];
		bool		nulls[10] = {0};
		int			attempts = 0;

		for (;;)
		{
			uint32		before = src->changecount;

			pg_read_barrier();
			memcpy(&copy, (const void *) src, sizeof(LpSlot));
			pg_read_barrier();
			if (before == src->changecount && (before & 1) == 0)
				break;
			if (++attempts > 1000)
				break;			/* the owner keeps writing: skip the slot this time */
			CHECK_FOR_INTERRUPTS();
		}
		if (attempts > 1000 || copy.pid == 0 || copy.dbid != MyDatabaseId)
			continue;
		if (!all && !has_privs_of_role(GetUserId(), copy.roleid))
			continue;
		copy.kind[LP_TEXT_LEN - 1] = copy.department[LP_TEXT_LEN - 1] = copy.batch[LP_TEXT_LEN - 1] = '\0';
		values[0] = Int32GetDatum(copy.pid);
		values[1] = ObjectIdGetDatum(copy.roleid);
		values[2] = CStringGetTextDatum(copy.kind);
		values[3] = CStringGetTextDatum(copy.department);
		values[4] = CStringGetTextDatum(copy.batch);
		values[5] = Int64GetDatum(copy.staged);
		values[6] = Int64GetDatum(copy.done);
		values[7] = Int64GetDatum(copy.rejected);
		values[8] = TimestampTzGetDatum(copy.started);
		values[9] = TimestampTzGetDatum(copy.updated);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
