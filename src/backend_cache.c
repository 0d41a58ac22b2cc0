/*
 * backend_cache.c — one registry of the module's per-backend caches and the invalidation callbacks that serve them
 * all (backend_cache.h). PostgreSQL has room for few relcache callbacks per backend (ten in all, shared with every
 * other library); the module takes one, whatever the number of its caches.
 */
#include "postgres.h"
#include "textdomain.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"

#include "backend_cache.h"

static BackendCache *caches = NULL;
static bool relcache_callback_registered = false;
static int	syscache_callbacks_registered = 0;	/* CACHE_WATCH_* already registered */

/* forget — mark one cache stale; a load in progress sees the counter move and does not mark it valid. */
static void
forget(BackendCache *c)
{
	c->valid = false;
	c->invalidations++;
	if (c->on_reset)
		c->on_reset();
}

/* watches_relation — does the cache read this relation (InvalidOid: every relation was invalidated)? */
static bool
watches_relation(const BackendCache *c, Oid relid)
{
	if (relid == InvalidOid || c->any_relation)
		return true;
	for (int i = 0; i < CACHE_MAX_RELATIONS && c->relations[i] != NULL; i++)
		if (c->relids[i] == relid)
			return true;
	return false;
}

/* relcache_changed — the module's one relcache callback: every cache that reads the relation goes stale. */
static void
relcache_changed(Datum arg, Oid relid)
{
	for (BackendCache *c = caches; c != NULL; c = c->next)
		if (watches_relation(c, relid))
			forget(c);
}

/* syscache_changed — the module's callback on pg_authid and pg_auth_members. */
static void
syscache_changed(Datum arg, int cacheid, uint32 hashvalue)
{
	int			what = (cacheid == AUTHOID) ? CACHE_WATCH_ROLES : CACHE_WATCH_MEMBERSHIPS;

	for (BackendCache *c = caches; c != NULL; c = c->next)
		if (c->watch & what)
			forget(c);
}

/* register_cache — put the cache on the list and make sure the callbacks it needs are registered, once each. */
static void
register_cache(BackendCache *c)
{
	if (!relcache_callback_registered)
	{
		CacheRegisterRelcacheCallback(relcache_changed, (Datum) 0);
		relcache_callback_registered = true;
	}
	if ((c->watch & CACHE_WATCH_ROLES) && !(syscache_callbacks_registered & CACHE_WATCH_ROLES))
	{
		CacheRegisterSyscacheCallback(AUTHOID, syscache_changed, (Datum) 0);
		syscache_callbacks_registered |= CACHE_WATCH_ROLES;
	}
	if ((c->watch & CACHE_WATCH_MEMBERSHIPS) && !(syscache_callbacks_registered & CACHE_WATCH_MEMBERSHIPS))
	{
		CacheRegisterSyscacheCallback(AUTHMEMROLEMEM, syscache_changed, (Datum) 0);
		CacheRegisterSyscacheCallback(AUTHMEMMEMROLE, syscache_changed, (Datum) 0);
		syscache_callbacks_registered |= CACHE_WATCH_MEMBERSHIPS;
	}
	c->next = caches;
	caches = c;
	c->registered = true;
}

/* backend_cache_valid — see backend_cache.h. */
bool
backend_cache_valid(BackendCache *cache)
{
	if (!cache->registered)
		register_cache(cache);
	return cache->valid;
}

/* backend_cache_begin_load — see backend_cache.h. */
uint64
backend_cache_begin_load(BackendCache *cache)
{
	uint64		token;

	if (!cache->registered)
		register_cache(cache);
	cache->valid = false;
	token = cache->invalidations;
	if (cache->relations[0] != NULL)
	{
		Oid			nsp = get_namespace_oid("credit_gz", false);

		for (int i = 0; i < CACHE_MAX_RELATIONS && cache->relations[i] != NULL; i++)
			cache->relids[i] = get_relname_relid(cache->relations[i], nsp);
	}
	return token;
}

/* backend_cache_end_load — see backend_cache.h. */
void
backend_cache_end_load(BackendCache *cache, uint64 token)
{
	cache->valid = (cache->invalidations == token);
}

/* backend_cache_watched_relid — see backend_cache.h. */
Oid
backend_cache_watched_relid(const BackendCache *cache, int i)
{
	Assert(i >= 0 && i < CACHE_MAX_RELATIONS && cache->relations[i] != NULL);
	return cache->relids[i];
}

/* credit_gz_cache_changed_trigger — see backend_cache.h. */
Datum
credit_gz_cache_changed_trigger(FunctionCallInfo fcinfo, const char *function)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("credit_gz.%s() must be called as a trigger", function)));
	CacheInvalidateRelcache(td->tg_relation);
	relcache_changed((Datum) 0, RelationGetRelid(td->tg_relation));
	return PointerGetDatum(NULL);
}
