/*
 * workdays_test.c — unit tests of src/core/workdays.c against the official 2025 arrangement and a naive walker.
 */
#include <stdint.h>
#include <stdlib.h>

#include "unit.h"
#include "workdays.h"

/* days_from_civil — PostgreSQL DateADT numbering (0 = 2000-01-01), after H. Hinnant's algorithm. */
static int32_t
D(int y, int m, int d)
{
	int64_t		era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t) (era * 146097 + doe - 719468 - 10957);
}

/* The 2025 national arrangement (国办发明电〔2024〕12号): holidays and 调休 working weekends. */
static const struct
{
	int			m,
				d,
				holiday;
}			y2025[] = {
	{1, 1, 1}, {1, 26, 0}, {1, 28, 1}, {1, 29, 1}, {1, 30, 1}, {1, 31, 1}, {2, 1, 1}, {2, 2, 1}, {2, 3, 1},
	{2, 4, 1}, {2, 8, 0}, {4, 4, 1}, {4, 5, 1}, {4, 6, 1}, {4, 27, 0}, {5, 1, 1}, {5, 2, 1}, {5, 3, 1},
	{5, 4, 1}, {5, 5, 1}, {5, 31, 1}, {6, 1, 1}, {6, 2, 1}, {9, 28, 0}, {10, 1, 1}, {10, 2, 1}, {10, 3, 1},
	{10, 4, 1}, {10, 5, 1}, {10, 6, 1}, {10, 7, 1}, {10, 8, 1}, {10, 11, 0},
};
#define N2025 ((int) (sizeof(y2025) / sizeof(y2025[0])))

static int32_t days[N2025],
			effects[N2025],
			prefix[N2025 + 1];
static int	holiday_flag[N2025];

/* naive_working — the definition, day by day. */
static int
naive_working(int64_t day)
{
	int			i;

	for (i = 0; i < N2025; i++)
		if (days[i] == day)
			return !holiday_flag[i];
	return wd_is_weekday(day);
}

static int64_t
naive_add(int64_t d, int64_t n)
{
	int64_t		step = n > 0 ? 1 : -1;

	while (n != 0)
	{
		d += step;
		if (naive_working(d))
			n -= step;
	}
	return d;
}

static int64_t
naive_between(int64_t a, int64_t b)
{
	int64_t		c = 0,
				x;

	if (b >= a)
	{
		for (x = a + 1; x <= b; x++)
			c += naive_working(x);
		return c;
	}
	return -naive_between(b, a);
}

int
main(void)
{
	wd_calendar cal,
				empty = {0};
	int			i,
				bad;

	for (i = 0; i < N2025; i++)
	{
		days[i] = D(2025, y2025[i].m, y2025[i].d);
		holiday_flag[i] = y2025[i].holiday;
		effects[i] = wd_effect(days[i], holiday_flag[i]);
	}
	wd_calendar_init(&cal, days, effects, prefix, N2025);

	CHECK(D(2000, 1, 1) == 0 && D(2025, 1, 1) == 9132, "day numbering matches DateADT");
	CHECK(!wd_is_weekday(D(2000, 1, 1)) && wd_is_weekday(D(2000, 1, 3)), "2000-01-01 Saturday, 01-03 Monday");
	CHECK(wd_effect(D(2025, 1, 28), 1) == -1, "holiday on a Tuesday removes a working day");
	CHECK(wd_effect(D(2025, 2, 1), 1) == 0, "holiday on a Saturday changes nothing");
	CHECK(wd_effect(D(2025, 1, 26), 0) == 1, "调休 Sunday adds a working day");
	CHECK(wd_effect(D(2025, 1, 27), 0) == 0, "a working-day row on a Monday changes nothing");

	/* Without a calendar: plain Monday..Friday. */
	CHECK(wd_add(&empty, D(2025, 3, 7), 1) == D(2025, 3, 10), "Friday + 1 = Monday");
	CHECK(wd_add(&empty, D(2025, 3, 8), 1) == D(2025, 3, 10), "Saturday + 1 = Monday");
	CHECK(wd_add(&empty, D(2025, 3, 9), -1) == D(2025, 3, 7), "Sunday - 1 = Friday");
	CHECK(wd_add(&empty, D(2025, 3, 9), 0) == D(2025, 3, 9), "+ 0 is the day itself");
	CHECK(wd_between(&empty, D(2025, 3, 7), D(2025, 3, 10)) == 1, "Friday to Monday is 1");
	CHECK(wd_between(&empty, D(2025, 3, 10), D(2025, 3, 7)) == -1, "Monday to Friday is -1");
	CHECK(wd_between(&empty, D(2025, 3, 3), D(2025, 3, 3)) == 0, "same day is 0");
	CHECK(wd_add(NULL, D(1999, 12, 31), 1) == D(2000, 1, 3), "NULL calendar works, across day 0");

	/* Spring Festival 2025: 1-26 (Sun) works, 1-28..2-4 off, 2-8 (Sat) works. */
	CHECK(wd_add(&cal, D(2025, 1, 24), 1) == D(2025, 1, 26), "Fri 1-24 + 1 = 调休 Sunday 1-26");
	CHECK(wd_add(&cal, D(2025, 1, 24), 3) == D(2025, 2, 5), "Fri 1-24 + 3 = Wed 2-5 (acceptance, Order 36)");
	CHECK(wd_add(&cal, D(2025, 2, 5), -3) == D(2025, 1, 24), "Wed 2-5 - 3 = Fri 1-24");
	CHECK(wd_between(&cal, D(2025, 1, 24), D(2025, 2, 5)) == 3, "1-24 to 2-5 is 3 working days");
	CHECK(wd_add(&cal, D(2025, 2, 5), 3) == D(2025, 2, 8), "Wed 2-5 + 3 = 调休 Saturday 2-8");
	CHECK(!wd_is_working(&cal, D(2025, 1, 28)) && wd_is_working(&cal, D(2025, 2, 8)), "is_working");
	/* National Day 2025: 9-28 (Sun) works, 10-1..10-8 off, 10-11 (Sat) works. */
	CHECK(wd_add(&cal, D(2025, 9, 30), 1) == D(2025, 10, 9), "9-30 + 1 = 10-9");
	CHECK(wd_add(&cal, D(2025, 9, 30), 3) == D(2025, 10, 11), "9-30 + 3 = 调休 Saturday 10-11");
	CHECK(wd_add(&cal, D(2025, 9, 26), 10) == D(2025, 10, 16), "9-26 + 10 = 10-16 (platform feedback)");
	CHECK(wd_between(&cal, D(2025, 1, 1), D(2025, 12, 31)) == 248, "2025 has 248 working days after 1-1");

	/* Against the naive walker over the whole year and a margin on each side. */
	bad = 0;
	for (i = D(2024, 12, 1); i <= D(2026, 1, 31); i++)
	{
		int64_t		n;

		if (wd_is_working(&cal, i) != naive_working(i))
			bad++;
		for (n = -25; n <= 25; n += 4)
		{
			int64_t		e = wd_add(&cal, i, n);

			if (e != naive_add(i, n))
				bad++;
			if (n > 0 && wd_between(&cal, i, e) != n)
				bad++;
		}
		if (wd_between(&cal, i, i + 17) != naive_between(i, i + 17) ||
			wd_between(&cal, i + 17, i) != naive_between(i + 17, i))
			bad++;
	}
	CHECK(bad == 0, "add/between/is_working agree with the naive walker (%d mismatches)", bad);
	CHECK(wd_add(&cal, D(2025, 1, 1), 1000000) > D(2025, 1, 1) + 1000000, "large n terminates");
	CHECK(wd_add(&cal, D(2025, 1, 1), -1000000) < D(2025, 1, 1) - 1000000, "large negative n terminates");

	return unit_done();
}
