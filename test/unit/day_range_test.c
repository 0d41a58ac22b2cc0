/*
 * day_range_test.c — unit tests of src/core/day_range.h: the boundary days of a half-open period, open ends,
 * overlaps, checked against a day-by-day walk.
 */
#include <stdint.h>

#include "unit.h"
#include "day_range.h"

/* naive_in_force — the definition spelled out: in force from the first day up to, not including, the until day. */
static bool
naive_in_force(int32_t from, int32_t until, int32_t day)
{
	bool		in = false;

	for (int32_t d = from; d != until && d <= day + 1; d++)
		if (d == day)
			in = true;
	return in;
}

int
main(void)
{
	/* a period of 31 days: day 100 is the first day, 130 the last, 131 the first day no longer in force */
	CHECK(!dr_in_force(100, 131, 99), "the day before from is out");
	CHECK(dr_in_force(100, 131, 100), "from is the first day in force");
	CHECK(dr_in_force(100, 131, 130), "until - 1 is the last day in force");
	CHECK(!dr_in_force(100, 131, 131), "until is the first day no longer in force");
	CHECK(!dr_ended(131, 130), "not ended on the last day in force");
	CHECK(dr_ended(131, 131), "ended on until");
	CHECK(dr_ended(131, 500), "and on every later day");

	/* open ends are PostgreSQL's -infinity and infinity */
	CHECK(dr_in_force(DR_OPEN_FROM, 131, -1000000), "an open start holds for every early day");
	CHECK(dr_in_force(100, DR_OPEN_UNTIL, 2000000000), "an open end holds for every late finite day");
	CHECK(!dr_ended(DR_OPEN_UNTIL, 2000000000), "an open end never ends on a finite day");
	CHECK(!dr_in_force(100, DR_OPEN_UNTIL, DR_OPEN_UNTIL), "infinity itself is not a day in force");

	/* empty periods: until on or before from */
	CHECK(dr_empty(100, 100), "[d, d) is empty");
	CHECK(!dr_in_force(100, 100, 100), "and holds no day");
	CHECK(!dr_empty(100, 101), "[d, d + 1) holds one day");
	CHECK(dr_empty(100, 90), "until before from is empty");

	/* overlaps: adjacent periods share no day; a one-day overlap is not empty */
	{
		int32_t		f = 100, u = 131;

		CHECK(!dr_intersect(&f, &u, 131, 200), "[100, 131) and [131, 200) are adjacent, not overlapping");
		f = 100, u = 131;
		CHECK(dr_intersect(&f, &u, 130, 200) && f == 130 && u == 131, "[100, 131) and [130, 200) share day 130 only");
		f = 100, u = DR_OPEN_UNTIL;
		CHECK(dr_intersect(&f, &u, DR_OPEN_FROM, 150) && f == 100 && u == 150, "an open period narrowed by a closed one");
	}

	/* against the walk, every day around a few periods */
	{
		static const int32_t periods[][2] = {{100, 131}, {100, 101}, {-5, 5}, {7, 7}, {9, 3}};
		int			bad = 0;

		for (unsigned p = 0; p < sizeof(periods) / sizeof(periods[0]); p++)
			for (int32_t d = periods[p][0] - 3; d <= periods[p][1] + 3; d++)
				if (dr_in_force(periods[p][0], periods[p][1], d) != naive_in_force(periods[p][0], periods[p][1], d))
					bad++;
		CHECK(bad == 0, "dr_in_force agrees with a day-by-day walk (%d disagreements)", bad);
	}
	return unit_done();
}
