/*
 * test_sys.c - whole-system calls: uname, the clocks (time, gettimeofday,
 * clock_gettime realtime and monotonic), nanosleep, sysinfo, sched_yield
 * and resource limits.
 */
#include <time.h>
#include <sched.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>
#include <sys/resource.h>
#include "check.h"
#include "child.h"

#define NSEC_PER_SEC	1000000000L
#define SLEEP_NSEC	50000000L	/* 50 ms */
#define MONO_READS	1000

static long long ts_nsec(const struct timespec *ts)
{
	return (long long)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static int terminated(const char *s)
{
	return memchr(s, '\0', _UTSNAME_LENGTH) != NULL;
}

static void test_uname(void)
{
	struct utsname u;

	case_begin("uname_fills_terminated_fields");
	memset(&u, 'x', sizeof(u));
	CHECK_OK(uname(&u));
	CHECK(terminated(u.sysname) && terminated(u.release) &&
	      terminated(u.machine) && terminated(u.nodename) &&
	      terminated(u.version), "every field NUL-terminated");
	CHECK(u.sysname[0] && u.release[0] && u.machine[0],
	      "sysname, release and machine not empty");
	case_end();
}

static void test_wall_clocks_agree(void)
{
	struct timeval tv;
	struct timespec ts;
	time_t t1, t2;

	case_begin("time_gettimeofday_realtime_agree");
	t1 = time(&t2);
	CHECK(t1 == t2, "time() returns what it stores, %ld vs %ld",
	      (long)t1, (long)t2);
	CHECK_OK(gettimeofday(&tv, NULL));
	CHECK_OK(clock_gettime(CLOCK_REALTIME, &ts));
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000,
	      "tv_usec in range, got %ld", tv.tv_usec);
	CHECK(ts.tv_nsec >= 0 && ts.tv_nsec < NSEC_PER_SEC,
	      "tv_nsec in range, got %ld", ts.tv_nsec);
	CHECK(tv.tv_sec >= t1 && tv.tv_sec <= t1 + 1 && ts.tv_sec >= t1 &&
	      ts.tv_sec <= t1 + 1, "all three within a second of %ld, got "
	      "%ld and %ld", (long)t1, (long)tv.tv_sec, (long)ts.tv_sec);
	case_end();
}

static void test_monotonic(void)
{
	struct timespec prev, now;
	int backwards = 0;

	case_begin("clock_monotonic_never_goes_back");
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &prev));
	for (int i = 0; i < MONO_READS; i++) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (ts_nsec(&now) < ts_nsec(&prev))
			backwards++;
		prev = now;
	}
	CHECK(backwards == 0, "never backwards in %d reads, went back %d "
	      "times", MONO_READS, backwards);
	CHECK_ERR(clock_gettime(12345, &now), EINVAL);
	case_end();
}

static void test_nanosleep(void)
{
	struct timespec before, after, req = { 0, SLEEP_NSEC };
	struct timespec bad = { 0, NSEC_PER_SEC };
	long long slept;

	case_begin("nanosleep_sleeps_at_least_asked");
	clock_gettime(CLOCK_MONOTONIC, &before);
	CHECK_OK(nanosleep(&req, NULL));
	clock_gettime(CLOCK_MONOTONIC, &after);
	slept = ts_nsec(&after) - ts_nsec(&before);
	CHECK(slept >= SLEEP_NSEC, "at least %ld ns on CLOCK_MONOTONIC, got "
	      "%lld", SLEEP_NSEC, slept);
	CHECK_ERR(nanosleep(&bad, NULL), EINVAL);
	bad.tv_sec = -1;
	bad.tv_nsec = 0;
	CHECK_ERR(nanosleep(&bad, NULL), EINVAL);
	case_end();
}

static void test_sysinfo(void)
{
	struct sysinfo si;

	case_begin("sysinfo_sane");
	CHECK_OK(sysinfo(&si));
	CHECK(si.mem_unit >= 1, "mem_unit at least 1, got %u", si.mem_unit);
	CHECK(si.totalram > 0 && si.freeram <= si.totalram,
	      "0 < freeram <= totalram, got %lu of %lu", si.freeram,
	      si.totalram);
	CHECK(si.procs >= 1, "at least our process, got %u", si.procs);
	CHECK(si.uptime >= 0, "uptime not negative, got %ld", si.uptime);
	CHECK(si.freeswap <= si.totalswap, "freeswap <= totalswap");
	case_end();
}

static void test_sched_yield(void)
{
	case_begin("sched_yield_returns_zero");
	CHECK(sched_yield() == 0, "0, got -1 errno %d", errno);
	case_end();
}

static int lower_limits(void *arg)
{
	struct rlimit lim, got;

	(void)arg;
	CHECK_OK(getrlimit(RLIMIT_NPROC, &lim));
	CHECK(lim.rlim_cur <= lim.rlim_max, "soft <= hard, got %llu > %llu",
	      (unsigned long long)lim.rlim_cur,
	      (unsigned long long)lim.rlim_max);
	lim.rlim_cur = lim.rlim_max = 100;
	CHECK_OK(setrlimit(RLIMIT_NPROC, &lim));
	CHECK_OK(getrlimit(RLIMIT_NPROC, &got));
	CHECK(got.rlim_cur == 100 && got.rlim_max == 100,
	      "100/100 back, got %llu/%llu", (unsigned long long)got.rlim_cur,
	      (unsigned long long)got.rlim_max);
	lim.rlim_cur = 101;
	CHECK_ERR(setrlimit(RLIMIT_NPROC, &lim), EINVAL);
	CHECK_ERR(getrlimit(12345, &got), EINVAL);
	return check_case_failed;
}

int main(void)
{
	test_uname();
	test_wall_clocks_agree();
	test_monotonic();
	test_nanosleep();
	test_sysinfo();
	test_sched_yield();
	case_in_child("rlimit_set_and_read_back", lower_limits, NULL);
	return check_summary();
}
