/*
 * score_math.c — decay, clamping, thresholds, grade resolution and the sampling key of credit scoring.
 * Plain C (no PostgreSQL headers) so that it is unit-tested in test/unit/score_math_test.c.
 */
#include "score_math.h"

#include <string.h>

/*
 * sm_decay_parse — map the decay names stored in credit_gz.scoring_rule.decay to the enum.
 */
bool
sm_decay_parse(const char *name, sm_decay *out)
{
	if (name == NULL)
		return false;
	if (strcmp(name, "none") == 0)
		*out = SM_DECAY_NONE;
	else if (strcmp(name, "linear") == 0)
		*out = SM_DECAY_LINEAR;
	else if (strcmp(name, "step") == 0)
		*out = SM_DECAY_STEP;
	else
		return false;
	return true;
}

/*
 * scale_round — round(value * num / den) half away from zero, for den > 0 and num >= 0. Integer-only so that the
 * same inputs give the same centipoints everywhere.
 */
static int64_t
scale_round(int64_t value, int64_t num, int64_t den)
{
	int64_t		prod = value * num;

	if (prod >= 0)
		return (2 * prod + den) / (2 * den);
	return -((2 * -prod + den) / (2 * den));
}

/*
 * sm_decayed_points — the points a record earns on as_of_day. Why decay at all: a penalty weighs less as its
 * publicity period (公示期) runs out, so a subject's grade recovers gradually instead of jumping on the day the
 * record expires.
 */
int64_t
sm_decayed_points(int64_t points, sm_decay decay, int steps,
				  bool has_window, int32_t from_day, int32_t until_day, int32_t as_of_day)
{
	int64_t		total,
				elapsed;

	if (decay == SM_DECAY_NONE || !has_window || as_of_day < from_day)
		return points;
	if (as_of_day >= until_day)
		return 0;
	total = (int64_t) until_day - from_day;	/* > 0 here: from <= as_of < until */
	elapsed = (int64_t) as_of_day - from_day;
	if (decay == SM_DECAY_LINEAR)
		return scale_round(points, total - elapsed, total);
	/* SM_DECAY_STEP */
	if (steps < 1)
		steps = 1;
	{
		int64_t		k = elapsed * steps / total;	/* 0 .. steps-1 */

		return scale_round(points, steps - k, steps);
	}
}

/*
 * sm_clamp_score — a model's score is base plus contributions, kept between its floor and ceiling (保底/封顶), so
 * one extreme subject cannot leave the scale the thresholds are written for.
 */
int64_t
sm_clamp_score(int64_t base, int64_t sum, int64_t floor_, int64_t ceiling)
{
	int64_t		s = base + sum;

	if (s < floor_)
		return floor_;
	if (s > ceiling)
		return ceiling;
	return s;
}

/*
 * sm_grade_for_score — the grade a score earns: the tax-credit pattern A ≥ a_min, B ≥ b_min, C ≥ c_min, D below.
 */
int
sm_grade_for_score(int64_t score, const sm_thresholds *t)
{
	if (score >= t->a_min)
		return SM_GRADE_A;
	if (score >= t->b_min)
		return SM_GRADE_B;
	if (score >= t->c_min)
		return SM_GRADE_C;
	return SM_GRADE_D;
}

/*
 * sm_resolve_grade — M for no history, else the score's grade; a direct downgrade (直接降级, e.g. a
 * serious-dishonesty list entry forces D) caps the result: the worse grade wins.
 */
int
sm_resolve_grade(int score_rank, bool has_history, int no_history_rank, int cap_rank)
{
	int			g = has_history ? score_rank : no_history_rank;

	return cap_rank < g ? cap_rank : g;
}

/* sm_grade_letter — rank to letter. */
char
sm_grade_letter(int rank)
{
	static const char letters[] = "DCMBA";

	if (rank < 0 || rank > SM_GRADE_A)
		return '?';
	return letters[rank];
}

/* sm_grade_rank — letter to rank. */
int
sm_grade_rank(char letter)
{
	switch (letter)
	{
		case 'D':
			return SM_GRADE_D;
		case 'C':
			return SM_GRADE_C;
		case 'M':
			return SM_GRADE_M;
		case 'B':
			return SM_GRADE_B;
		case 'A':
			return SM_GRADE_A;
		default:
			return -1;
	}
}

/*
 * sm_sample_key — splitmix64 finaliser over seed and subject id. Fixed here rather than borrowed from the server's
 * hash functions so that a published seed reproduces the sample independently of the PostgreSQL version.
 */
int64_t
sm_sample_key(int64_t seed, int64_t subject_id)
{
	uint64_t	z = (uint64_t) seed * 0x9E3779B97F4A7C15ULL + (uint64_t) subject_id;

	z += 0x9E3779B97F4A7C15ULL;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z = z ^ (z >> 31);
	return (int64_t) z;
}
