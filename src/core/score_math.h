/*
 * score_math.h — the arithmetic of credit scoring (分级分类监管), in plain C without PostgreSQL headers.
 *
 * Scores are carried in hundredths of a point ("centipoints", int64) so that a score computed incrementally by the
 * triggers and one recomputed in bulk are bit-for-bit equal: integer sums do not depend on summation order, whereas
 * floating-point sums do.
 *
 * Grades are the credit_gz.credit_grade letters, ordered A > B > M > C > D (M: no history). Internally a grade is a
 * rank 0..4 (D=0, C=1, M=2, B=3, A=4) so that "the worst of" is a plain minimum.
 */
#ifndef CREDIT_GZ_SCORE_MATH_H
#define CREDIT_GZ_SCORE_MATH_H

#include <stdbool.h>
#include <stdint.h>

/* How a rule's points fade over the publicity window (公示期) of the record that earned them. */
typedef enum sm_decay
{
	SM_DECAY_NONE = 0,			/* full points while the record counts */
	SM_DECAY_LINEAR = 1,		/* full at the window's start, falling linearly to 0 at its end */
	SM_DECAY_STEP = 2			/* the window cut into N equal steps; step k (0-based) keeps (N-k)/N */
} sm_decay;

/* Grade ranks; the worst of several grades is their minimum. */
enum
{
	SM_GRADE_D = 0,
	SM_GRADE_C = 1,
	SM_GRADE_M = 2,
	SM_GRADE_B = 3,
	SM_GRADE_A = 4,
	SM_GRADE_NONE = 5			/* "no cap": above every grade */
};

/* Thresholds of a model, in centipoints: score >= a_min → A, >= b_min → B, >= c_min → C, else D. */
typedef struct sm_thresholds
{
	int64_t		a_min;
	int64_t		b_min;
	int64_t		c_min;
} sm_thresholds;

/* Parse a decay name ("none", "linear", "step"); returns false for anything else. */
bool		sm_decay_parse(const char *name, sm_decay *out);

/*
 * Points a record contributes on day as_of (days are any consistent day numbering, e.g. days since 2000-01-01).
 * has_window false (no publicity end known) means no decay. Before the window starts the full points apply; at or
 * after its end, a decaying contribution is 0. Results round half away from zero to whole centipoints.
 */
int64_t		sm_decayed_points(int64_t points, sm_decay decay, int steps,
							  bool has_window, int32_t from_day, int32_t until_day, int32_t as_of_day);

/* base + sum of contributions, clamped to [floor, ceiling]. A floor above the ceiling is the caller's error. */
int64_t		sm_clamp_score(int64_t base, int64_t sum, int64_t floor_, int64_t ceiling);

/* Grade rank a score earns under the thresholds (never M: M is for subjects without history). */
int			sm_grade_for_score(int64_t score, const sm_thresholds *t);

/*
 * The final grade rank: no_history_rank when nothing counts for the subject, otherwise the score's grade; then a
 * direct downgrade (直接降级, cap_rank, SM_GRADE_NONE for none) caps it: the worse of the two wins.
 */
int			sm_resolve_grade(int score_rank, bool has_history, int no_history_rank, int cap_rank);

/* Letter of a grade rank ('A','B','M','C','D'), or '?' for an invalid rank. */
char		sm_grade_letter(int rank);

/* Rank of a grade letter, or -1 when the letter is not a grade. */
int			sm_grade_rank(char letter);

/*
 * Sampling key for 双随机 inspections: a 64-bit mix (splitmix64) of seed and subject id. Ordering a stratum by this
 * key and taking the first n gives a uniformly random, reproducible sample: the same seed gives the same sample on
 * every server and version, which an auditor can recompute (双随机、一公开).
 */
int64_t		sm_sample_key(int64_t seed, int64_t subject_id);

#endif							/* CREDIT_GZ_SCORE_MATH_H */
