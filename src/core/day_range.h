/*
 * day_range.h — the date-range convention of credit_gz in plain C (no PostgreSQL headers).
 *
 * Every period is half-open [from, until): `from` is the first day in force, `until` the first day no longer in
 * force (doc/schema.md, "Date ranges"). Days are integers counted like PostgreSQL's DateADT; an open start or end is
 * DR_OPEN_FROM / DR_OPEN_UNTIL, the values PostgreSQL gives -infinity and infinity, so a NULL or infinite bound
 * read from a row maps onto them directly. These are the C twins of credit_gz.in_force(): the record trigger, the
 * pre-check and propagation test days with them, inline, on their hot paths.
 */
#ifndef CREDIT_GZ_DAY_RANGE_H
#define CREDIT_GZ_DAY_RANGE_H

#include <stdbool.h>
#include <stdint.h>

#define DR_OPEN_FROM	INT32_MIN
#define DR_OPEN_UNTIL	INT32_MAX

/* dr_in_force — whether the day lies in [from, until). */
static inline bool
dr_in_force(int32_t from, int32_t until, int32_t day)
{
	return from <= day && day < until;
}

/* dr_ended — whether a period ending at `until` is no longer in force on the day (nor on any later day). */
static inline bool
dr_ended(int32_t until, int32_t day)
{
	return until <= day;
}

/* dr_empty — whether [from, until) holds no day at all. */
static inline bool
dr_empty(int32_t from, int32_t until)
{
	return until <= from;
}

/*
 * dr_intersect — narrow [*from, *until) to its overlap with [other_from, other_until); returns false when the overlap
 * holds no day (the bounds are narrowed all the same).
 */
static inline bool
dr_intersect(int32_t *from, int32_t *until, int32_t other_from, int32_t other_until)
{
	if (other_from > *from)
		*from = other_from;
	if (other_until < *until)
		*until = other_until;
	return !dr_empty(*from, *until);
}

#endif
