/*
 * backend_cache.h — the one invalidation scheme of the module's per-backend caches.
 *
 * A cache of catalogue rows (the record trigger's catalogues, pre-check's known codes, the calendar, the role
 * grants, the query log's role names) is valid until something it was read from changes. Each cache names what it
 * watches; backend_cache.c registers one relcache callback and one callback per system cache for all of them, and
 * a callback only marks a cache stale (and runs its optional reset), so values handed out stay usable until the
 * next load. A load that an invalidation overtakes serves its own call only: the cache stays stale and is read again
 * next time.
 *
 * The two statement triggers that announce a change of a cached table (catalogue_changed, calendar_invalidate) are
 * one function here too: credit_gz_cache_changed_trigger.
 */
#ifndef CREDIT_GZ_BACKEND_CACHE_H
#define CREDIT_GZ_BACKEND_CACHE_H

#include "fmgr.h"

/* What a change of a role touches: a role itself (pg_authid) and role memberships (pg_auth_members). */
#define CACHE_WATCH_ROLES		0x01
#define CACHE_WATCH_MEMBERSHIPS	0x02

#define CACHE_MAX_RELATIONS 4

typedef struct BackendCache
{
	/* set by the cache's owner */
	bool		any_relation;	/* every relcache invalidation makes it stale (it holds relation oids) */
	const char *relations[CACHE_MAX_RELATIONS];	/* else the credit_gz tables it reads (unused slots NULL) */
	int			watch;			/* CACHE_WATCH_* */
	void		(*on_reset) (void);	/* run when it goes stale; may only forget, never read */

	/* kept by backend_cache.c */
	bool		valid;
	bool		registered;
	uint64		invalidations;
	Oid			relids[CACHE_MAX_RELATIONS];
	struct BackendCache *next;
} BackendCache;

/* backend_cache_valid — may the cache's contents be used? Registers the cache with the callbacks on first use. */
extern bool backend_cache_valid(BackendCache *cache);

/*
 * backend_cache_begin_load — before reading: the cache is stale from now on, and the tables it watches are looked up
 * (an invalidation of a table re-created since the last load then reaches it). Returns the token for end_load.
 */
extern uint64 backend_cache_begin_load(BackendCache *cache);

/* backend_cache_end_load — after a complete read: valid, unless an invalidation arrived since begin_load. */
extern void backend_cache_end_load(BackendCache *cache, uint64 token);

/*
 * backend_cache_watched_relid — the oid of the cache's i-th watched table as the last begin_load found it
 * (InvalidOid when the table does not exist).
 */
extern Oid	backend_cache_watched_relid(const BackendCache *cache, int i);

/*
 * credit_gz_cache_changed_trigger — body of the statement triggers on cached tables: queue a relcache invalidation
 * of the table, which reaches every backend at its next command after commit (and this one at its next command, also
 * on rollback), and make this backend's caches of the table stale at once. `function` names the trigger function in
 * the error raised when it is not called as a trigger.
 */
extern Datum credit_gz_cache_changed_trigger(FunctionCallInfo fcinfo, const char *function);

#endif							/* CREDIT_GZ_BACKEND_CACHE_H */
