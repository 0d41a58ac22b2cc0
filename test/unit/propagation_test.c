/*
 * propagation_test.c — unit tests of src/core/propagation.c: cycles, diamonds, the root's own subject, matching of
 * existing derived entries, and a large fan-out (hash growth, linear walk).
 */
#include <stdlib.h>

#include "propagation.h"
#include "unit.h"

static int	live_blocks;

static void *
t_alloc(size_t n, void *ctx)
{
	(void) ctx;
	live_blocks++;
	return malloc(n);
}

static void *
t_grow(void *p, size_t n, void *ctx)
{
	(void) ctx;
	return realloc(p, n);
}

static void
t_release(void *p, void *ctx)
{
	(void) ctx;
	live_blocks--;
	free(p);
}

static const prop_allocator A = {t_alloc, t_grow, t_release, NULL};

/* Edges of a tiny relation graph: from subject → to subject (relation id = index + 1). */
typedef struct edge
{
	int64_t		from,
				to;
} edge;

/* Walk the graph breadth first with one derived type (7), as the glue does; returns the number of nodes. */
static int
walk_graph(prop_walk *w, const edge *edges, int nedges, int max_depth)
{
	int			i;

	while ((i = prop_next(w)) >= 0)
	{
		if (w->nodes[i].depth >= max_depth)
			continue;
		for (int k = 0; k < nedges; k++)
			if (edges[k].from == w->nodes[i].subject_id)
			{
				int64_t		from = w->nodes[i].subject_id;
				int			r = prop_visit(w, i, edges[k].to, 7, k + 1);

				(void) from;
				if (r == PROP_NOMEM)
					return -1;
			}
	}
	return (int) w->nnodes;
}

/* Note: CHECK evaluates its condition twice, so calls with side effects are made before it. */
int
main(void)
{
	prop_walk	w;
	size_t		cur;
	int			r;

	/* A chain root 1 → 2 → 3 with depth limit 1 reaches only 2. */
	{
		edge		e[] = {{1, 2}, {2, 3}};

		r = prop_walk_init(&w, &A, 1, 1, 100);
		CHECK(r == 0, "init");
		r = walk_graph(&w, e, 2, 1);
		CHECK(r == 2, "depth limit 1 reaches one related subject");
		CHECK(w.nodes[1].subject_id == 2 && w.nodes[1].depth == 1 && w.nodes[1].parent == 0 && w.nodes[1].via == 1,
			  "derived node records depth, parent and relation");
		prop_walk_free(&w);
	}
	/* Cycle 1 → 2 → 3 → 1 and 3 → 2: terminates, the root's subject is never derived. */
	{
		edge		e[] = {{1, 2}, {2, 3}, {3, 1}, {3, 2}};

		r = prop_walk_init(&w, &A, 1, 1, 100);
		CHECK(r == 0, "init cycle");
		r = walk_graph(&w, e, 4, 100);
		CHECK(r == 3, "cycle terminates with 3 nodes (root, 2, 3)");
		r = prop_visit(&w, 2, 1, 7, 3);
		CHECK(r == PROP_SEEN, "the root's own subject is never derived, any type");
		r = prop_visit(&w, 2, 2, 7, 4);
		CHECK(r == PROP_SEEN, "a subject reached again with the same type is seen");
		CHECK(w.nodes[2].depth == 2, "node 3 at depth 2");
		prop_walk_free(&w);
	}
	/* Diamond 1 → 2, 1 → 3, 2 → 4, 3 → 4: 4 is reached once, through the first path found (breadth first). */
	{
		edge		e[] = {{1, 2}, {1, 3}, {2, 4}, {3, 4}};

		r = prop_walk_init(&w, &A, 1, 1, 100);
		CHECK(r == 0, "init diamond");
		r = walk_graph(&w, e, 4, 5);
		CHECK(r == 4, "diamond: 4 nodes");
		CHECK(w.nodes[3].subject_id == 4 && w.nodes[3].via == 3 && w.nodes[3].parent == 1,
			  "diamond: shared subject derived once via the first path");
		prop_walk_free(&w);
	}
	/* Same subject, different derived types: two nodes. */
	{
		r = prop_walk_init(&w, &A, 1, 1, 100);
		CHECK(r == 0, "init types");
		r = prop_visit(&w, 0, 5, 7, 1);
		CHECK(r == 1, "subject 5 as type 7");
		r = prop_visit(&w, 0, 5, 8, 2);
		CHECK(r == 2, "subject 5 as type 8 is a separate node");
		r = prop_visit(&w, 0, 5, 8, 3);
		CHECK(r == PROP_SEEN, "subject 5 as type 8 again is seen");
		prop_walk_free(&w);
	}
	/* Existing entries: reached ones are kept and adopted, others come back as unkept, duplicates are unkept. */
	{
		int64_t		u1,
					u2,
					u3;

		r = prop_walk_init(&w, &A, 1, 1, 100);
		CHECK(r == 0, "init existing");
		r = prop_existing_add(&w, 2, 7, 201);
		CHECK(r == 0, "existing 201");
		r = prop_existing_add(&w, 3, 7, 301);
		CHECK(r == 0, "existing 301");
		r = prop_existing_add(&w, 2, 7, 202);
		CHECK(r == 0, "duplicate existing 202");
		r = prop_visit(&w, 0, 2, 7, 1);
		CHECK(r == 1 && w.nodes[r].entry_id == 201, "reached node adopts the existing entry");
		r = prop_visit(&w, 0, 4, 7, 2);
		CHECK(r == 2 && w.nodes[r].entry_id == 0, "new node has no entry yet");
		cur = 0;
		u1 = prop_unkept_next(&w, &cur);
		u2 = prop_unkept_next(&w, &cur);
		u3 = prop_unkept_next(&w, &cur);
		CHECK(u1 == 301 && u2 == 202 && u3 == 0, "unkept: the unreached entry and the duplicate, then 0");
		prop_walk_free(&w);
	}
	/* Large fan-out: 100000 related subjects, each reached once, with 50000 existing of which half are reached. */
	{
		int			n = 100000,
					ok = 1,
					unkept = 0;

		r = prop_walk_init(&w, &A, 0, 1, 1);
		CHECK(r == 0, "init fan-out");
		for (int k = 0; k < n; k += 2)
			if (prop_existing_add(&w, (int64_t) k * 3 + 1, 7, 1000000 + k) != 0)
				ok = 0;
		for (int k = 0; k < n; k++)
			if (prop_visit(&w, 0, (int64_t) k * 3 + 1, 7, k + 1) != k + 1)
				ok = 0;
		for (int k = 0; k < n; k++)
			if (prop_visit(&w, 0, (int64_t) k * 3 + 1, 7, k + 1) != PROP_SEEN)
				ok = 0;
		CHECK(ok, "fan-out: every subject visited once, revisits seen");
		CHECK(w.nodes[n].entry_id == 0 && w.nodes[n - 1].entry_id == 1000000 + n - 2,
			  "fan-out: existing entries adopted after hash growth");
		cur = 0;
		while (prop_unkept_next(&w, &cur) != 0)
			unkept++;
		CHECK(unkept == 0, "fan-out: all existing entries kept");
		prop_walk_free(&w);
	}
	CHECK(live_blocks == 0, "every allocation released");
	return unit_done();
}
