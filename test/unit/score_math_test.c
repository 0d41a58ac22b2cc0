/*
 * score_math_test.c — unit tests of src/core/score_math.c: decay, clamping, thresholds, grade resolution, sampling.
 */
#include "score_math.h"
#include "unit.h"

int
main(void)
{
	sm_decay	d;
	sm_thresholds tax = {9000, 7000, 4000};	/* 2025 tax scale: A ≥ 90, B ≥ 70, C ≥ 40 */

	/* decay names */
	CHECK(sm_decay_parse("none", &d) && d == SM_DECAY_NONE, "parse none");
	CHECK(sm_decay_parse("linear", &d) && d == SM_DECAY_LINEAR, "parse linear");
	CHECK(sm_decay_parse("step", &d) && d == SM_DECAY_STEP, "parse step");
	CHECK(!sm_decay_parse("Linear", &d), "parse is exact");
	CHECK(!sm_decay_parse(NULL, &d), "parse NULL");

	/* no decay */
	CHECK(sm_decayed_points(-1500, SM_DECAY_NONE, 0, true, 0, 100, 50) == -1500, "none keeps full points");
	CHECK(sm_decayed_points(-1500, SM_DECAY_LINEAR, 0, false, 0, 0, 50) == -1500, "no window: no decay");

	/* linear over [0, 100) */
	CHECK(sm_decayed_points(-1000, SM_DECAY_LINEAR, 0, true, 0, 100, -5) == -1000, "linear before window: full");
	CHECK(sm_decayed_points(-1000, SM_DECAY_LINEAR, 0, true, 0, 100, 0) == -1000, "linear at start: full");
	CHECK(sm_decayed_points(-1000, SM_DECAY_LINEAR, 0, true, 0, 100, 25) == -750, "linear quarter: 75%%");
	CHECK(sm_decayed_points(-1000, SM_DECAY_LINEAR, 0, true, 0, 100, 50) == -500, "linear half: 50%%");
	CHECK(sm_decayed_points(-1000, SM_DECAY_LINEAR, 0, true, 0, 100, 99) == -10, "linear last day: 1%%");
	CHECK(sm_decayed_points(-1000, SM_DECAY_LINEAR, 0, true, 0, 100, 100) == 0, "linear at end: 0");
	CHECK(sm_decayed_points(-1000, SM_DECAY_LINEAR, 0, true, 0, 100, 1000) == 0, "linear after end: 0");
	CHECK(sm_decayed_points(500, SM_DECAY_LINEAR, 0, true, 0, 3, 1) == 333, "linear rounds 333.33 to 333");
	CHECK(sm_decayed_points(500, SM_DECAY_LINEAR, 0, true, 0, 3, 2) == 167, "linear rounds 166.67 to 167");
	CHECK(sm_decayed_points(-500, SM_DECAY_LINEAR, 0, true, 0, 3, 2) == -167, "negative rounds away from zero");
	CHECK(sm_decayed_points(-1, SM_DECAY_LINEAR, 0, true, 0, 4, 2) == -1, "half rounds away from zero (neg)");
	CHECK(sm_decayed_points(1, SM_DECAY_LINEAR, 0, true, 0, 4, 2) == 1, "half rounds away from zero (pos)");
	CHECK(sm_decayed_points(-1000, SM_DECAY_LINEAR, 0, true, 10, 10, 10) == 0, "empty window at end: 0");
	CHECK(sm_decayed_points(-1000, SM_DECAY_LINEAR, 0, true, 10, 10, 9) == -1000, "empty window before: full");

	/* step: 4 steps over [0, 100) */
	CHECK(sm_decayed_points(-2000, SM_DECAY_STEP, 4, true, 0, 100, 0) == -2000, "step 0: 4/4");
	CHECK(sm_decayed_points(-2000, SM_DECAY_STEP, 4, true, 0, 100, 24) == -2000, "step 0 end: 4/4");
	CHECK(sm_decayed_points(-2000, SM_DECAY_STEP, 4, true, 0, 100, 25) == -1500, "step 1: 3/4");
	CHECK(sm_decayed_points(-2000, SM_DECAY_STEP, 4, true, 0, 100, 50) == -1000, "step 2: 2/4");
	CHECK(sm_decayed_points(-2000, SM_DECAY_STEP, 4, true, 0, 100, 99) == -500, "step 3: 1/4");
	CHECK(sm_decayed_points(-2000, SM_DECAY_STEP, 4, true, 0, 100, 100) == 0, "step at end: 0");
	CHECK(sm_decayed_points(-2000, SM_DECAY_STEP, 0, true, 0, 100, 99) == -2000, "step count < 1 acts as 1");
	CHECK(sm_decayed_points(1000, SM_DECAY_STEP, 3, true, 0, 90, 30) == 667, "step 2/3 rounds 666.67 to 667");

	/* clamp */
	CHECK(sm_clamp_score(8000, -9000, 0, 10000) == 0, "clamped to floor");
	CHECK(sm_clamp_score(8000, 5000, 0, 10000) == 10000, "clamped to ceiling");
	CHECK(sm_clamp_score(8000, -500, 0, 10000) == 7500, "inside the range");
	CHECK(sm_clamp_score(8000, 2000, 0, 10000) == 10000, "exactly the ceiling");

	/* thresholds */
	CHECK(sm_grade_for_score(9000, &tax) == SM_GRADE_A, "90 is A");
	CHECK(sm_grade_for_score(8999, &tax) == SM_GRADE_B, "89.99 is B");
	CHECK(sm_grade_for_score(7000, &tax) == SM_GRADE_B, "70 is B");
	CHECK(sm_grade_for_score(6999, &tax) == SM_GRADE_C, "69.99 is C");
	CHECK(sm_grade_for_score(4000, &tax) == SM_GRADE_C, "40 is C");
	CHECK(sm_grade_for_score(3999, &tax) == SM_GRADE_D, "39.99 is D");
	CHECK(sm_grade_for_score(-100, &tax) == SM_GRADE_D, "negative is D");

	/* resolution: M, caps */
	CHECK(sm_resolve_grade(SM_GRADE_A, false, SM_GRADE_M, SM_GRADE_NONE) == SM_GRADE_M, "no history: M");
	CHECK(sm_resolve_grade(SM_GRADE_A, true, SM_GRADE_M, SM_GRADE_NONE) == SM_GRADE_A, "history: score grade");
	CHECK(sm_resolve_grade(SM_GRADE_A, true, SM_GRADE_M, SM_GRADE_D) == SM_GRADE_D, "downgrade forces D");
	CHECK(sm_resolve_grade(SM_GRADE_D, true, SM_GRADE_M, SM_GRADE_C) == SM_GRADE_D, "cap never improves");
	CHECK(sm_resolve_grade(SM_GRADE_B, true, SM_GRADE_M, SM_GRADE_C) == SM_GRADE_C, "cap C on B gives C");
	CHECK(sm_resolve_grade(SM_GRADE_A, false, SM_GRADE_M, SM_GRADE_C) == SM_GRADE_C, "cap C on M gives C");
	CHECK(sm_resolve_grade(SM_GRADE_A, false, SM_GRADE_B, SM_GRADE_NONE) == SM_GRADE_B, "other no-history grade");

	/* letters */
	CHECK(sm_grade_letter(SM_GRADE_A) == 'A' && sm_grade_letter(SM_GRADE_M) == 'M' && sm_grade_letter(SM_GRADE_D) == 'D',
		  "rank to letter");
	CHECK(sm_grade_letter(7) == '?' && sm_grade_letter(-1) == '?', "invalid rank");
	CHECK(sm_grade_rank('B') == SM_GRADE_B && sm_grade_rank('C') == SM_GRADE_C, "letter to rank");
	CHECK(sm_grade_rank('E') == -1 && sm_grade_rank('a') == -1, "invalid letter");
	CHECK(SM_GRADE_A > SM_GRADE_B && SM_GRADE_B > SM_GRADE_M && SM_GRADE_M > SM_GRADE_C && SM_GRADE_C > SM_GRADE_D,
		  "rank order A > B > M > C > D");

	/* sampling key: deterministic, seed-dependent, spread */
	CHECK(sm_sample_key(42, 1001) == sm_sample_key(42, 1001), "same seed and subject: same key");
	CHECK(sm_sample_key(42, 1001) != sm_sample_key(43, 1001), "another seed: another key");
	CHECK(sm_sample_key(42, 1001) != sm_sample_key(42, 1002), "another subject: another key");
	CHECK(sm_sample_key(0, 0) == (int64_t) 0xE220A8397B1DCDAFULL, "splitmix64 reference value for state 0");
	{
		int			below = 0;

		for (int64_t i = 0; i < 10000; i++)
			if (sm_sample_key(7, i) < 0)
				below++;
		CHECK(below > 4700 && below < 5300, "keys spread evenly (%d of 10000 negative)", below);
	}
	return unit_done();
}
