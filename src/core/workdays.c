/*
 * workdays.c — working-day arithmetic over a sparse calendar of exceptions.
 *
 * Counting is closed-form for Monday..Friday plus a prefix sum over the exceptions, so a count costs two binary
 * searches whatever the distance; adding working days is an exponential-then-binary search over that count.
 * No allocation: the caller owns the arrays (the PostgreSQL glue caches them per backend).
 */
#include "workdays.h"

/* 2000-01-03, the first Monday on or after day 0 (2000-01-01 was a Saturday). */
#define WD_MONDAY 2

/* Floor division and modulo for a positive divisor (C truncates towards zero). */
static int64_t
floordiv(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b) != 0 && a < 0)
		q--;
	return q;
}

static int64_t
floormod(int64_t a, int64_t b)
{
	return a - floordiv(a, b) * b;
}

/*
 * weekdays_upto — Monday..Friday days in (-inf, x], counted from the anchor Monday so that differences give
 * the weekdays of any half-open range.
 */
static int64_t
weekdays_upto(int64_t x)
{
	int64_t		r = floormod(x - WD_MONDAY, 7) + 1;

	return 5 * floordiv(x - WD_MONDAY, 7) + (r < 5 ? r : 5);
}

/* exceptions_upto — the index of the first exception day > x (= number of exception days <= x). */
static int
exceptions_upto(const wd_calendar *cal, int64_t x)
{
	int			lo = 0,
				hi = cal ? cal->n : 0;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if ((int64_t) cal->day[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* wd_is_weekday — Monday..Friday. */
int
wd_is_weekday(int64_t day)
{
	return floormod(day - WD_MONDAY, 7) < 5;
}

/* wd_effect — what one calendar row does to the count (see header). */
int
wd_effect(int64_t day, int is_holiday)
{
	if (is_holiday)
		return wd_is_weekday(day) ? -1 : 0;
	return wd_is_weekday(day) ? 0 : 1;
}

/* wd_calendar_init — prefix sums of the effects, so a range of exceptions is summed in O(1). */
void
wd_calendar_init(wd_calendar *cal, const int32_t *day, const int32_t *effects, int32_t *prefix, int n)
{
	int			i;

	prefix[0] = 0;
	for (i = 0; i < n; i++)
		prefix[i + 1] = prefix[i] + effects[i];
	cal->day = day;
	cal->prefix = prefix;
	cal->n = n;
}

/* count_range — working days in (a, b] for a <= b. */
static int64_t
count_range(const wd_calendar *cal, int64_t a, int64_t b)
{
	int64_t		c = weekdays_upto(b) - weekdays_upto(a);

	if (cal && cal->n > 0)
		c += cal->prefix[exceptions_upto(cal, b)] - cal->prefix[exceptions_upto(cal, a)];
	return c;
}

/* wd_is_working — a day is working when (day-1, day] holds one working day. */
int
wd_is_working(const wd_calendar *cal, int64_t day)
{
	return count_range(cal, day - 1, day) == 1;
}

/* wd_between — signed count; see header for the convention. */
int64_t
wd_between(const wd_calendar *cal, int64_t a, int64_t b)
{
	if (b >= a)
		return count_range(cal, a, b);
	return -count_range(cal, b, a);
}

/*
 * wd_add — the n-th working day after (n > 0) or before (n < 0) d.
 * Forward: the smallest e > d with count(d, e] >= n; that e is necessarily a working day.
 * Backward: the largest e < d with count[e, d) = count(e-1, d-1] >= |n|; likewise a working day.
 * Both counts are monotone in e, so bracket exponentially and bisect.
 */
int64_t
wd_add(const wd_calendar *cal, int64_t d, int64_t n)
{
	int64_t		lo,
				hi;

	if (n == 0)
		return d;
	if (n > 0)
	{
		hi = d + n;
		while (count_range(cal, d, hi) < n)
			hi = d + 2 * (hi - d) + 7;
		lo = d + 1;
		while (lo < hi)
		{
			int64_t		mid = lo + (hi - lo) / 2;

			if (count_range(cal, d, mid) >= n)
				hi = mid;
			else
				lo = mid + 1;
		}
		return lo;
	}
	else
	{
		int64_t		k = -n;

		lo = d - k;
		while (count_range(cal, lo - 1, d - 1) < k)
			lo = d - 2 * (d - lo) - 7;
		hi = d - 1;
		while (lo < hi)
		{
			int64_t		mid = hi - (hi - lo) / 2;

			if (count_range(cal, mid - 1, d - 1) >= k)
				lo = mid;
			else
				hi = mid - 1;
		}
		return lo;
	}
}
