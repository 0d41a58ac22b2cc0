/*
 * propagation.h — bookkeeping for deriving list entries along relations (联合惩戒 extended to the people responsible).
 *
 * Plain C, no PostgreSQL headers, so it can be unit-tested and fuzzed. The PostgreSQL glue (src/list_propagation.c) feeds it
 * the root entry, the derived entries that currently exist for that root, and — node by node, breadth first — the
 * related subjects its propagation rules reach. The walk answers three questions:
 *   - has this (subject, list type) already been reached from this root?  (cycles and diamonds terminate here)
 *   - which existing derived entry, if any, stands for a reached node?     (kept, updated in place)
 *   - which existing derived entries were not reached at all?              (lifted)
 * Every operation is O(1) expected (open-addressed hash sets), so a root with N reachable subjects costs O(N).
 */
#ifndef CREDIT_GZ_PROPAGATION_H
#define CREDIT_GZ_PROPAGATION_H

#include <stddef.h>
#include <stdint.h>

/* Memory hooks: the backend passes palloc-based functions (which never return NULL), tests pass malloc. */
typedef struct prop_allocator
{
	void	   *(*alloc) (size_t size, void *ctx);
	void	   *(*grow) (void *ptr, size_t size, void *ctx);
	void		(*release) (void *ptr, void *ctx);
	void	   *ctx;
} prop_allocator;

/* One reached (subject, list type): the root is node 0. */
typedef struct prop_node
{
	int64_t		subject_id;
	int32_t		type_id;		/* caller's small integer for a list type code */
	int32_t		depth;			/* 0 for the root, 1 for subjects related to it, … */
	int32_t		parent;			/* index of the node it was derived from; -1 for the root */
	int64_t		via;			/* relation that led here; 0 for the root */
	int64_t		entry_id;		/* existing entry standing for this node; 0 if it must be created */
	int32_t		lo,
				hi;				/* caller's payload (the glue keeps the period the node holds, as day numbers) */
	int32_t		aux;			/* caller's payload (the glue keeps the propagation rule id) */
} prop_node;

typedef struct prop_existing
{
	int64_t		subject_id;
	int32_t		type_id;
	int64_t		entry_id;
	int			kept;			/* matched by a node of this walk */
} prop_existing;

typedef struct prop_walk
{
	prop_allocator a;
	prop_node  *nodes;
	size_t		nnodes,
				capnodes,
				head;			/* breadth-first queue: nodes[head .. nnodes) are still to expand */
	int32_t    *slots;			/* hash of nodes by (subject, type): index + 1, 0 = empty */
	size_t		nslots;
	prop_existing *existing;
	size_t		nexisting,
				capexisting;
	int32_t    *eslots;			/* hash of existing entries by (subject, type) */
	size_t		neslots;
} prop_walk;

#define PROP_SEEN	(-2)		/* prop_visit: already reached from this root (or it is the root's subject) */
#define PROP_NOMEM	(-1)

/* Start a walk at the root entry. Returns 0, or PROP_NOMEM. */
extern int	prop_walk_init(prop_walk *w, const prop_allocator *a,
						   int64_t root_subject, int32_t root_type, int64_t root_entry);

/* Register an active derived entry that already exists for this root. Returns 0, or PROP_NOMEM. */
extern int	prop_existing_add(prop_walk *w, int64_t subject_id, int32_t type_id, int64_t entry_id);

/*
 * Reach (subject, type) from node `parent` through relation `via`. Returns the new node's index, PROP_SEEN when
 * it was reached before or is the root's own subject (a subject is never derived from its own listing), or
 * PROP_NOMEM. A new node adopts a matching existing entry (nodes[i].entry_id) and marks it kept.
 */
extern int	prop_visit(prop_walk *w, int parent, int64_t subject_id, int32_t type_id, int64_t via);

/* The next node to expand, breadth first, or -1 when the walk is complete. */
extern int	prop_next(prop_walk *w);

/* Existing entries not kept by the walk, one per call: *cursor starts at 0; returns 0 when there are no more. */
extern int64_t prop_unkept_next(prop_walk *w, size_t *cursor);

extern void prop_walk_free(prop_walk *w);

#endif							/* CREDIT_GZ_PROPAGATION_H */
