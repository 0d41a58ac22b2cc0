/*
 * unit.h — a minimal TAP producer for the C unit tests of src/core (no PostgreSQL, no libraries).
 * Each test binary prints "ok N - name" / "not ok N - name" lines and a plan, and exits non-zero on failure.
 */
#ifndef CREDIT_GZ_UNIT_H
#define CREDIT_GZ_UNIT_H

#include <stdio.h>
#include <string.h>

static int	unit_count;
static int	unit_failed;

/* Record one check; the message names what was checked. */
#define CHECK(cond, ...) \
	do { \
		unit_count++; \
		if (cond) printf("ok %d - ", unit_count); \
		else { unit_failed++; printf("not ok %d - ", unit_count); } \
		printf(__VA_ARGS__); \
		printf("\n"); \
		if (!(cond)) printf("#   failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	} while (0)

#define CHECK_STR(got, want, ...) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		CHECK(g_ != NULL && strcmp(g_, w_) == 0, __VA_ARGS__); \
		if (!(g_ != NULL && strcmp(g_, w_) == 0)) printf("#   got '%s', want '%s'\n", g_ ? g_ : "(null)", w_); \
	} while (0)

/* Print the plan and return the process exit status. */
static inline int
unit_done(void)
{
	printf("1..%d\n", unit_count);
	return unit_failed ? 1 : 0;
}

#endif
