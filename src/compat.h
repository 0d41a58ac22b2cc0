/*
 * compat.h — the PostgreSQL internals credit_gz uses whose shape differs between major versions, behind one name
 * each. The module is built and tested on 15; a port to a later major version changes this header, not the files
 * that use it.
 *
 *   16: permission checks left the range table entry for a list of RTEPermissionInfo that ExecInitRangeTable takes
 *       beside the range table; ExecInsertIndexTuples gained onlySummarizing.
 *   17: the local transaction id moved into MyProc->vxid (MyProc->vxid.lxid).
 */
#ifndef CREDIT_GZ_COMPAT_H
#define CREDIT_GZ_COMPAT_H

#include "executor/executor.h"
#include "nodes/parsenodes.h"
#include "storage/proc.h"

/*
 * CREDIT_GZ_LXID — this backend's local transaction id: a per-transaction cache compares it with the id it was
 * filled under, so a new transaction finds the cache stale without any end-of-transaction callback.
 */
#if PG_VERSION_NUM >= 170000
#define CREDIT_GZ_LXID (MyProc->vxid.lxid)
#else
#define CREDIT_GZ_LXID (MyProc->lxid)
#endif

/*
 * credit_gz_exec_init_target — set up an executor state whose range table is the one relation `rel`, as the target
 * of an INSERT (lock RowExclusiveLock held by the caller), for writing rows without a plan (ExecInitResultRelation
 * with index 1 then opens it as the result relation). The permission recorded is INSERT; nothing checks it here:
 * the caller has checked who may write.
 */
static inline void
credit_gz_exec_init_target(EState *estate, Relation rel)
{
	RangeTblEntry *rte = makeNode(RangeTblEntry);

	rte->rtekind = RTE_RELATION;
	rte->relid = RelationGetRelid(rel);
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = RowExclusiveLock;
#if PG_VERSION_NUM >= 160000
	{
		RTEPermissionInfo *perm = makeNode(RTEPermissionInfo);

		perm->relid = RelationGetRelid(rel);
		perm->requiredPerms = ACL_INSERT;
		rte->perminfoindex = 1;
		ExecInitRangeTable(estate, list_make1(rte), list_make1(perm));
	}
#else
	rte->requiredPerms = ACL_INSERT;
	ExecInitRangeTable(estate, list_make1(rte));
#endif
}

/*
 * credit_gz_insert_index_tuples — the index entries of a new heap row (not an UPDATE, no ON CONFLICT arbiters):
 * ExecInsertIndexTuples with the arguments every version needs. Returns the indexes whose uniqueness is checked
 * later (deferred constraints).
 */
static inline List *
credit_gz_insert_index_tuples(ResultRelInfo *rri, TupleTableSlot *slot, EState *estate)
{
#if PG_VERSION_NUM >= 160000
	return ExecInsertIndexTuples(rri, slot, estate, false, false, NULL, NIL, false);
#else
	return ExecInsertIndexTuples(rri, slot, estate, false, false, NULL, NIL);
#endif
}

#endif							/* CREDIT_GZ_COMPAT_H */
