/*
 * propagation.c — cycle-safe breadth-first bookkeeping for derived list entries (see propagation.h).
 */
#include "propagation.h"

#include <string.h>

/* Mix a (subject, type) key into a well-spread 64-bit hash (splitmix64 finaliser). */
static uint64_t
key_hash(int64_t subject_id, int32_t type_id)
{
	uint64_t	x = (uint64_t) subject_id * 0x9E3779B97F4A7C15ULL ^ ((uint64_t) (uint32_t) type_id << 17);

	x ^= x >> 30;
	x *= 0xBF58476D1CE4E5B9ULL;
	x ^= x >> 27;
	x *= 0x94D049BB133111EBULL;
	x ^= x >> 31;
	return x;
}

/* Grow-or-allocate through the caller's hooks (grow(NULL) is not assumed to work). */
static void *
reserve(prop_allocator *a, void *ptr, size_t size)
{
	return ptr ? a->grow(ptr, size, a->ctx) : a->alloc(size, a->ctx);
}

/* A zeroed slot array of n entries. */
static int32_t *
new_slots(prop_allocator *a, size_t n)
{
	int32_t    *s = a->alloc(n * sizeof(int32_t), a->ctx);

	if (s)
		memset(s, 0, n * sizeof(int32_t));
	return s;
}

/* Find the node slot for a key: returns the slot position (empty or holding the key). */
static size_t
node_slot(const prop_walk *w, int64_t subject_id, int32_t type_id)
{
	size_t		mask = w->nslots - 1;
	size_t		i = (size_t) key_hash(subject_id, type_id) & mask;

	while (w->slots[i] != 0)
	{
		const prop_node *n = &w->nodes[w->slots[i] - 1];

		if (n->subject_id == subject_id && n->type_id == type_id)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

/* Same for existing entries; a second entry with the same key is stored but never found (stays unkept). */
static size_t
existing_slot(const prop_walk *w, int64_t subject_id, int32_t type_id)
{
	size_t		mask = w->neslots - 1;
	size_t		i = (size_t) key_hash(subject_id, type_id) & mask;

	while (w->eslots[i] != 0)
	{
		const prop_existing *e = &w->existing[w->eslots[i] - 1];

		if (e->subject_id == subject_id && e->type_id == type_id)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

/* Double the node hash when it is half full, so probes stay short. */
static int
grow_nodes(prop_walk *w)
{
	if (w->nnodes == w->capnodes)
	{
		size_t		cap = w->capnodes * 2;
		prop_node  *n = reserve(&w->a, w->nodes, cap * sizeof(prop_node));

		if (!n)
			return PROP_NOMEM;
		w->nodes = n;
		w->capnodes = cap;
	}
	if ((w->nnodes + 1) * 2 > w->nslots)
	{
		size_t		nslots = w->nslots * 2;
		int32_t    *old = w->slots;

		w->slots = new_slots(&w->a, nslots);
		if (!w->slots)
		{
			w->slots = old;
			return PROP_NOMEM;
		}
		w->nslots = nslots;
		for (size_t k = 0; k < w->nnodes; k++)
			w->slots[node_slot(w, w->nodes[k].subject_id, w->nodes[k].type_id)] = (int32_t) k + 1;
		w->a.release(old, w->a.ctx);
	}
	return 0;
}

int
prop_walk_init(prop_walk *w, const prop_allocator *a, int64_t root_subject, int32_t root_type, int64_t root_entry)
{
	memset(w, 0, sizeof(*w));
	w->a = *a;
	w->capnodes = 16;
	w->nslots = 32;
	w->capexisting = 16;
	w->neslots = 32;
	w->nodes = a->alloc(w->capnodes * sizeof(prop_node), a->ctx);
	w->slots = new_slots(&w->a, w->nslots);
	w->existing = a->alloc(w->capexisting * sizeof(prop_existing), a->ctx);
	w->eslots = new_slots(&w->a, w->neslots);
	if (!w->nodes || !w->slots || !w->existing || !w->eslots)
	{
		prop_walk_free(w);
		return PROP_NOMEM;
	}
	w->nodes[0].subject_id = root_subject;
	w->nodes[0].type_id = root_type;
	w->nodes[0].depth = 0;
	w->nodes[0].parent = -1;
	w->nodes[0].via = 0;
	w->nodes[0].entry_id = root_entry;
	w->nodes[0].lo = w->nodes[0].hi = w->nodes[0].aux = 0;
	w->nnodes = 1;
	w->slots[node_slot(w, root_subject, root_type)] = 1;
	return 0;
}

int
prop_existing_add(prop_walk *w, int64_t subject_id, int32_t type_id, int64_t entry_id)
{
	size_t		i;

	if (w->nexisting == w->capexisting)
	{
		size_t		cap = w->capexisting * 2;
		prop_existing *e = reserve(&w->a, w->existing, cap * sizeof(prop_existing));

		if (!e)
			return PROP_NOMEM;
		w->existing = e;
		w->capexisting = cap;
	}
	if ((w->nexisting + 1) * 2 > w->neslots)
	{
		size_t		neslots = w->neslots * 2;
		int32_t    *old = w->eslots;

		w->eslots = new_slots(&w->a, neslots);
		if (!w->eslots)
		{
			w->eslots = old;
			return PROP_NOMEM;
		}
		w->neslots = neslots;
		for (size_t k = 0; k < w->nexisting; k++)
		{
			size_t		s = existing_slot(w, w->existing[k].subject_id, w->existing[k].type_id);

			if (w->eslots[s] == 0)
				w->eslots[s] = (int32_t) k + 1;
		}
		w->a.release(old, w->a.ctx);
	}
	w->existing[w->nexisting].subject_id = subject_id;
	w->existing[w->nexisting].type_id = type_id;
	w->existing[w->nexisting].entry_id = entry_id;
	w->existing[w->nexisting].kept = 0;
	w->nexisting++;
	i = existing_slot(w, subject_id, type_id);
	if (w->eslots[i] == 0)
		w->eslots[i] = (int32_t) w->nexisting;
	return 0;
}

int
prop_visit(prop_walk *w, int parent, int64_t subject_id, int32_t type_id, int64_t via)
{
	size_t		s;
	prop_node  *n;
	int			rc;

	/* A subject is never derived from its own listing, whatever path leads back to it. */
	if (subject_id == w->nodes[0].subject_id)
		return PROP_SEEN;
	if (w->slots[node_slot(w, subject_id, type_id)] != 0)
		return PROP_SEEN;
	if ((rc = grow_nodes(w)) != 0)
		return rc;
	n = &w->nodes[w->nnodes];
	n->subject_id = subject_id;
	n->type_id = type_id;
	n->depth = w->nodes[parent].depth + 1;
	n->parent = parent;
	n->via = via;
	n->entry_id = 0;
	n->lo = n->hi = n->aux = 0;
	w->slots[node_slot(w, subject_id, type_id)] = (int32_t) w->nnodes + 1;

	s = existing_slot(w, subject_id, type_id);
	if (w->eslots[s] != 0)
	{
		prop_existing *e = &w->existing[w->eslots[s] - 1];

		e->kept = 1;
		n->entry_id = e->entry_id;
	}
	return (int) w->nnodes++;
}

int
prop_next(prop_walk *w)
{
	if (w->head >= w->nnodes)
		return -1;
	return (int) w->head++;
}

int64_t
prop_unkept_next(prop_walk *w, size_t *cursor)
{
	while (*cursor < w->nexisting)
	{
		const prop_existing *e = &w->existing[(*cursor)++];

		if (!e->kept)
			return e->entry_id;
	}
	return 0;
}

void
prop_walk_free(prop_walk *w)
{
	if (w->nodes)
		w->a.release(w->nodes, w->a.ctx);
	if (w->slots)
		w->a.release(w->slots, w->a.ctx);
	if (w->existing)
		w->a.release(w->existing, w->a.ctx);
	if (w->eslots)
		w->a.release(w->eslots, w->a.ctx);
	w->nodes = NULL;
	w->slots = NULL;
	w->existing = NULL;
	w->eslots = NULL;
}
