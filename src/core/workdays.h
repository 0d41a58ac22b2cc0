/*
 * workdays.h — working-day arithmetic over a calendar of exceptions (plain C, no PostgreSQL headers).
 *
 * Days are integers counted like PostgreSQL's DateADT (0 = 2000-01-01). Monday to Friday are working days
 * unless the calendar says otherwise: a holiday (节假日) that falls on a weekday removes a working day, an
 * adjusted working weekend day (调休上班) adds one. Deadlines in the policy are stated in working days
 * (Order 36: acceptance within 3 working days; Guangzhou objections: 2 + 2 + 10), hence this module.
 */
#ifndef CREDIT_GZ_WORKDAYS_H
#define CREDIT_GZ_WORKDAYS_H

#include <stdint.h>

/*
 * A calendar: n exception days, strictly ascending, with their effect (+1 or -1) folded into prefix sums:
 * prefix[i] is the sum of the effects of day[0..i-1], so prefix has n + 1 entries and prefix[0] = 0.
 */
typedef struct wd_calendar
{
	const int32_t *day;
	const int32_t *prefix;
	int			n;
} wd_calendar;

/* 1 if the day is Monday..Friday. */
int			wd_is_weekday(int64_t day);

/*
 * The effect of one calendar row on the working-day count: -1 for a holiday on a weekday, +1 for a working
 * day declared on a weekend, 0 when the row changes nothing (a holiday on a weekend, a "working day" on a weekday).
 */
int			wd_effect(int64_t day, int is_holiday);

/* Fill prefix[0..n] from the effects of the n exception days (effects[i] for day[i]). */
void		wd_calendar_init(wd_calendar *cal, const int32_t *day, const int32_t *effects, int32_t *prefix, int n);

/* 1 if the day is a working day under the calendar. */
int			wd_is_working(const wd_calendar *cal, int64_t day);

/*
 * Working days in (a, b] when b >= a; minus the working days in (b, a] when b < a. The start day never counts
 * (a period "within N days" starts the day after the event), the end day does.
 */
int64_t		wd_between(const wd_calendar *cal, int64_t a, int64_t b);

/*
 * The n-th working day after d (n > 0), before d (n < 0), or d itself (n = 0). Inverse of wd_between on working
 * days: wd_between(d, wd_add(d, n)) == n.
 */
int64_t		wd_add(const wd_calendar *cal, int64_t d, int64_t n);

#endif							/* CREDIT_GZ_WORKDAYS_H */
