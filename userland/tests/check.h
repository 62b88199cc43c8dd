/*
 * check.h - the tiny test framework every guest test uses.
 *
 * A guest test is a static i386 program that runs in Lintel (as init=) and
 * natively on the Linux host. Each case prints one line,
 *
 *	test <name>: OK
 *	test <name>: FAILED (<what was expected, what came back>)
 *	test <name>: SKIPPED (<why it cannot run here>)
 *
 * and the program ends with the summary line the runners count,
 *
 *	N passed, N failed, N skipped
 *
 * exiting 0 only when nothing failed. A skipped case still counts as a
 * case: scripts/runtests.py checks that a program runs as many cases in
 * Lintel as on the Linux host, and names every skip with its reason.
 */
#ifndef _CHECK_H
#define _CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/utsname.h>

static int check_passed, check_failed, check_skipped;
static int check_case_failed;
static const char *check_case_name;

/* Begin a case; every CHECK until the next case_end() belongs to it. */
static inline void case_begin(const char *name)
{
	check_case_name = name;
	check_case_failed = 0;
}

/*
 * Every verdict line leaves stdout's buffer at once: glibc buffers a pipe
 * fully, and a child forked later would inherit the line and print it
 * again when it exits.
 */
static inline void case_end(void)
{
	if (check_case_failed) {
		check_failed++;
	} else {
		check_passed++;
		printf("test %s: OK\n", check_case_name);
	}
	fflush(stdout);
}

/*
 * Is this Lintel? A case whose figures are exact only on a kernel to
 * ourselves (or that needs Lintel's own /proc lines) skips elsewhere.
 */
static inline int on_lintel(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "Lintel");
}

/* A case that cannot run here (not root, not Lintel): say why, count it. */
static inline void case_skip(const char *name, const char *why)
{
	check_skipped++;
	printf("test %s: SKIPPED (%s)\n", name, why);
	fflush(stdout);
}

/* Record a failure of the current case, with a printf-style reason. */
#define FAIL(fmt, ...)							\
	do {								\
		if (!check_case_failed)					\
			printf("test %s: FAILED (", check_case_name);	\
		else							\
			printf("    also (");				\
		printf(fmt, ##__VA_ARGS__);				\
		printf(") at %s:%d\n", __FILE__, __LINE__);		\
		fflush(stdout);						\
		check_case_failed = 1;					\
	} while (0)

/* CHECK(cond, "what was expected ...", args): fail the case if !cond. */
#define CHECK(cond, fmt, ...)						\
	do {								\
		if (!(cond))						\
			FAIL(fmt, ##__VA_ARGS__);			\
	} while (0)

/* A call expected to succeed: ret must not be -1. */
#define CHECK_OK(call)							\
	do {								\
		long _r = (long)(call);					\
		if (_r == -1)						\
			FAIL("%s: expected success, got -1 errno %d (%s)", \
			     #call, errno, strerror(errno));		\
	} while (0)

/* A call expected to fail with -1 and the given errno. */
#define CHECK_ERR(call, want)						\
	do {								\
		errno = 0;						\
		long _r = (long)(call);					\
		int _e = errno;						\
		if (_r != -1 || _e != (want))				\
			FAIL("%s: expected -1 errno %s, got %ld errno %d (%s)", \
			     #call, #want, _r, _e, strerror(_e));	\
	} while (0)

/* Print the summary line and exit with the verdict. */
static inline int check_summary(void)
{
	printf("%d passed, %d failed, %d skipped\n", check_passed,
	       check_failed, check_skipped);
	return check_failed ? 1 : 0;
}

#endif
