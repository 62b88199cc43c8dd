/*
 * test_sleep.c - sleeps and timers never end early by the clock:
 * nanosleep, clock_nanosleep (relative and TIMER_ABSTIME), the timeouts
 * of poll and select, a sleep a signal cuts short, the three interval
 * timers and alarm, and the
 * arguments Linux refuses.
 *
 * Every check is a lower bound or an ordering, never a time limit: a
 * loaded machine may sleep longer, never shorter.
 */
#include <time.h>
#include <signal.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include "check.h"

#define NSEC_PER_SEC	1000000000LL
#define NSEC_PER_MSEC	1000000LL
#define USEC_PER_MSEC	1000L
#define SGI_CYCLE	10
#define BAD_PTR		((void *)1)
#define TIMER_SIGNALS	5
#define PERIOD_MS	20
#define CPU_PERIOD_MS	10
#define CPU_SPIN_LIMIT	(20 * NSEC_PER_SEC)	/* a guard, not a timing */
#define USER_SPINS	100000	/* loop turns between two reads of the clock */
#define ALARM_SEC	10
#define NR_poll		168	/* our libc has no poll or select */
#define NR_newselect	142
#define WAIT_MS		30

static volatile int got_alrm, got_vtalrm, got_prof;

static void on_timer(int sig)
{
	if (sig == SIGALRM)
		got_alrm++;
	else if (sig == SIGVTALRM)
		got_vtalrm++;
	else if (sig == SIGPROF)
		got_prof++;
}

static void install(int sig)
{
	struct sigaction sa = { .sa_handler = on_timer };

	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static long long ns(const struct timespec *ts)
{
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static long long now(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ns(&ts);
}

static void arm(int which, long value_ms, long interval_ms)
{
	struct itimerval it = {
		{ interval_ms / 1000, interval_ms % 1000 * USEC_PER_MSEC },
		{ value_ms / 1000, value_ms % 1000 * USEC_PER_MSEC },
	};

	setitimer(which, &it, NULL);
}

static void test_nanosleep(void)
{
	static const long short_ns[] = { 1, 999, 1000000, 1500000, 9999999 };
	struct timespec req = { 0, 200 * NSEC_PER_MSEC };
	long long t0, t1;
	unsigned int i;

	case_begin("nanosleep_200ms_takes_200ms");
	t0 = now(CLOCK_MONOTONIC);
	CHECK_OK(nanosleep(&req, NULL));
	t1 = now(CLOCK_MONOTONIC);
	CHECK(t1 - t0 >= ns(&req), "at least %lld ns by CLOCK_MONOTONIC, "
	      "slept %lld", ns(&req), t1 - t0);
	case_end();

	case_begin("short_sleeps_never_early");
	for (i = 0; i < sizeof(short_ns) / sizeof(short_ns[0]); i++) {
		req.tv_sec = 0;
		req.tv_nsec = short_ns[i];
		t0 = now(CLOCK_MONOTONIC);
		CHECK_OK(nanosleep(&req, NULL));
		t1 = now(CLOCK_MONOTONIC);
		CHECK(t1 - t0 >= short_ns[i], "asked %ld ns, slept %lld",
		      short_ns[i], t1 - t0);
	}
	req.tv_nsec = 0;
	CHECK_OK(nanosleep(&req, NULL));
	case_end();
}

static void test_clock_nanosleep(void)
{
	struct timespec req, rel = { 0, 30 * NSEC_PER_MSEC };
	long long target, t0;
	int r;

	case_begin("clock_nanosleep_relative");
	t0 = now(CLOCK_REALTIME);
	r = clock_nanosleep(CLOCK_REALTIME, 0, &rel, NULL);
	CHECK(r == 0, "returned %d", r);
	CHECK(now(CLOCK_REALTIME) - t0 >= ns(&rel), "REALTIME moved at "
	      "least 30 ms");
	t0 = now(CLOCK_BOOTTIME);
	r = clock_nanosleep(CLOCK_BOOTTIME, 0, &rel, NULL);
	CHECK(r == 0 && now(CLOCK_BOOTTIME) - t0 >= ns(&rel),
	      "BOOTTIME: returned %d, at least 30 ms", r);
	case_end();

	case_begin("clock_nanosleep_absolute");
	target = now(CLOCK_MONOTONIC) + 50 * NSEC_PER_MSEC;
	req.tv_sec = target / NSEC_PER_SEC;
	req.tv_nsec = target % NSEC_PER_SEC;
	r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL);
	CHECK(r == 0 && now(CLOCK_MONOTONIC) >= target, "MONOTONIC: "
	      "returned %d, woke at or after the time asked", r);
	target = now(CLOCK_REALTIME) + 50 * NSEC_PER_MSEC;
	req.tv_sec = target / NSEC_PER_SEC;
	req.tv_nsec = target % NSEC_PER_SEC;
	r = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &req, NULL);
	CHECK(r == 0 && now(CLOCK_REALTIME) >= target, "REALTIME: "
	      "returned %d, woke at or after the time asked", r);
	req.tv_sec = 1;
	req.tv_nsec = 0;
	r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL);
	CHECK(r == 0, "a time long past returns 0 at once, got %d", r);
	case_end();

	/* As system calls: glibc answers some of these itself. */
	case_begin("clock_nanosleep_refuses_as_linux");
	rel.tv_nsec = 1;
	CHECK_ERR(syscall(__NR_clock_nanosleep, SGI_CYCLE, 0, &rel, NULL),
		  EINVAL);
	CHECK_ERR(syscall(__NR_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0,
			  &rel, NULL), EOPNOTSUPP);
	CHECK_ERR(syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC_RAW, 0, &rel,
			  NULL), EOPNOTSUPP);
	CHECK_ERR(syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC_COARSE, 0,
			  &rel, NULL), EOPNOTSUPP);
	CHECK_ERR(syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, 0, BAD_PTR,
			  NULL), EFAULT);
	rel.tv_nsec = NSEC_PER_SEC;
	CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0, &rel, NULL) == EINVAL,
	      "tv_nsec of a second: EINVAL");
	case_end();

	case_begin("nanosleep_refuses_as_linux");
	rel.tv_sec = -1;
	rel.tv_nsec = 0;
	CHECK_ERR(nanosleep(&rel, NULL), EINVAL);
	rel.tv_sec = 0;
	rel.tv_nsec = -1;
	CHECK_ERR(nanosleep(&rel, NULL), EINVAL);
	rel.tv_nsec = NSEC_PER_SEC;
	CHECK_ERR(nanosleep(&rel, NULL), EINVAL);
	CHECK_ERR(syscall(__NR_nanosleep, NULL, NULL), EFAULT);
	CHECK_ERR(syscall(__NR_nanosleep, BAD_PTR, NULL), EFAULT);
	case_end();
}

/* Timeouts of poll and select end by the clock, never before. */
static void test_poll_select_timeouts(void)
{
	struct timeval tv = { 0, WAIT_MS * USEC_PER_MSEC };
	long long t0, t1;
	long r;

	case_begin("poll_and_select_timeouts_never_early");
	t0 = now(CLOCK_MONOTONIC);
	r = syscall(NR_poll, NULL, 0, WAIT_MS);
	t1 = now(CLOCK_MONOTONIC);
	CHECK(r == 0 && t1 - t0 >= WAIT_MS * NSEC_PER_MSEC, "poll of nothing "
	      "for %d ms: 0 after at least that, got %ld after %lld ns",
	      WAIT_MS, r, t1 - t0);
	t0 = now(CLOCK_MONOTONIC);
	r = syscall(NR_newselect, 0, NULL, NULL, NULL, &tv);
	t1 = now(CLOCK_MONOTONIC);
	CHECK(r == 0 && t1 - t0 >= WAIT_MS * NSEC_PER_MSEC, "select of "
	      "nothing for %d ms: 0 after at least that, got %ld after %lld "
	      "ns", WAIT_MS, r, t1 - t0);
	CHECK(!tv.tv_sec && !tv.tv_usec, "select wrote back no time left, "
	      "got %ld.%06ld", (long)tv.tv_sec, (long)tv.tv_usec);
	r = syscall(NR_poll, NULL, 0, 0);
	CHECK(r == 0, "a zero timeout returns at once with 0, got %ld", r);
	case_end();
}

/* A signal ends the sleep: EINTR, and what is left of it in rem. */
static void test_interrupted_sleep(void)
{
	struct timespec req = { 2, 0 }, rem = { 0, 0 };
	long long t0, slept;
	int r, e;

	case_begin("nanosleep_cut_short_gives_the_rest");
	install(SIGALRM);
	got_alrm = 0;
	t0 = now(CLOCK_MONOTONIC);
	arm(ITIMER_REAL, 50, 0);
	r = nanosleep(&req, &rem);
	e = errno;
	slept = now(CLOCK_MONOTONIC) - t0;
	CHECK(r == -1 && e == EINTR && got_alrm == 1,
	      "-1 EINTR after the SIGALRM, got %d errno %d, %d signals", r, e,
	      got_alrm);
	CHECK(slept >= 50 * NSEC_PER_MSEC, "the timer did not fire early: "
	      "%lld ns", slept);
	CHECK(ns(&rem) < ns(&req) && ns(&rem) >= ns(&req) - slept,
	      "rem at least 2 s less the %lld ns slept, under 2 s, got %lld "
	      "ns", slept, ns(&rem));
	case_end();
}

static void test_itimer_real(void)
{
	struct itimerval it, old;
	long long t0, elapsed;

	case_begin("itimer_real_keeps_its_rate");
	install(SIGALRM);
	got_alrm = 0;
	t0 = now(CLOCK_MONOTONIC);
	arm(ITIMER_REAL, PERIOD_MS, PERIOD_MS);
	while (got_alrm < TIMER_SIGNALS)
		pause();
	elapsed = now(CLOCK_MONOTONIC) - t0;
	arm(ITIMER_REAL, 0, 0);
	CHECK(elapsed >= TIMER_SIGNALS * PERIOD_MS * NSEC_PER_MSEC,
	      "%d SIGALRMs %d ms apart take at least %d ms, took %lld ns",
	      TIMER_SIGNALS, PERIOD_MS, TIMER_SIGNALS * PERIOD_MS, elapsed);
	case_end();

	case_begin("getitimer_gives_back_what_was_set");
	arm(ITIMER_REAL, 1000, 250);
	CHECK_OK(getitimer(ITIMER_REAL, &it));
	CHECK(it.it_interval.tv_sec == 0 &&
	      it.it_interval.tv_usec == 250 * USEC_PER_MSEC,
	      "interval 0.25 s, got %ld.%06ld", (long)it.it_interval.tv_sec,
	      (long)it.it_interval.tv_usec);
	CHECK((it.it_value.tv_sec == 0 && it.it_value.tv_usec > 0) ||
	      (it.it_value.tv_sec == 1 && it.it_value.tv_usec == 0),
	      "value left in (0, 1 s], got %ld.%06ld",
	      (long)it.it_value.tv_sec, (long)it.it_value.tv_usec);
	memset(&it, 0, sizeof(it));
	CHECK_OK(setitimer(ITIMER_REAL, &it, &old));
	CHECK(old.it_interval.tv_usec == 250 * USEC_PER_MSEC,
	      "setitimer returns the old interval, got %ld",
	      (long)old.it_interval.tv_usec);
	CHECK_OK(getitimer(ITIMER_REAL, &it));
	CHECK(!it.it_value.tv_sec && !it.it_value.tv_usec &&
	      !it.it_interval.tv_sec && !it.it_interval.tv_usec,
	      "disarmed: all zero");
	case_end();
}

/*
 * Spin until *count reaches want (the CPU-time timers); 0 on time out.
 * The clock is read only now and then: in Lintel a read is a system
 * call, and time spent in the kernel is no user time for ITIMER_VIRTUAL.
 */
static int spin_until(volatile int *count, int want)
{
	long long limit = now(CLOCK_MONOTONIC) + CPU_SPIN_LIMIT;
	volatile unsigned int spin;

	while (*count < want) {
		for (spin = 0; spin < USER_SPINS && *count < want; spin++)
			;
		if (now(CLOCK_MONOTONIC) > limit)
			return 0;
	}
	return 1;
}

static void test_itimer_cpu(int which, int sig, volatile int *count,
			    const char *name)
{
	long long cpu0, cpu;

	case_begin(name);
	install(sig);
	*count = 0;
	cpu0 = now(CLOCK_PROCESS_CPUTIME_ID);
	arm(which, CPU_PERIOD_MS, CPU_PERIOD_MS);
	CHECK(spin_until(count, TIMER_SIGNALS), "%d signals while spinning, "
	      "got %d", TIMER_SIGNALS, *count);
	arm(which, 0, 0);
	cpu = now(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
	CHECK(cpu >= (TIMER_SIGNALS - 1) * CPU_PERIOD_MS * NSEC_PER_MSEC / 2,
	      "the signals came with CPU time spent: %lld ns for %d of them",
	      cpu, TIMER_SIGNALS);
	case_end();
}

static void test_alarm(void)
{
	unsigned int left;

	case_begin("alarm_returns_seconds_left");
	alarm(0);
	CHECK(alarm(ALARM_SEC) == 0, "no alarm was pending");
	left = alarm(0);
	CHECK(left == ALARM_SEC, "%d s left, rounded to the nearest, got %u",
	      ALARM_SEC, left);
	CHECK(alarm(0) == 0, "cancelled");
	case_end();
}

static void test_itimer_errors(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 1000000 } };

	/* As system calls: glibc converts the structures in user space. */
	case_begin("itimers_refuse_as_linux");
	CHECK_ERR(syscall(__NR_setitimer, ITIMER_PROF + 1, &it, NULL), EINVAL);
	CHECK_ERR(syscall(__NR_setitimer, ITIMER_REAL, &it, NULL), EINVAL);
	it.it_value.tv_usec = -1;
	CHECK_ERR(syscall(__NR_setitimer, ITIMER_REAL, &it, NULL), EINVAL);
	CHECK_ERR(syscall(__NR_getitimer, ITIMER_PROF + 1, &it), EINVAL);
	CHECK_ERR(syscall(__NR_getitimer, ITIMER_REAL, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(__NR_setitimer, ITIMER_REAL, BAD_PTR, NULL), EFAULT);
	case_end();
}

int main(void)
{
	test_nanosleep();
	test_clock_nanosleep();
	test_poll_select_timeouts();
	test_interrupted_sleep();
	test_itimer_real();
	test_itimer_cpu(ITIMER_PROF, SIGPROF, &got_prof,
			"itimer_prof_signals_with_cpu_time");
	test_itimer_cpu(ITIMER_VIRTUAL, SIGVTALRM, &got_vtalrm,
			"itimer_virtual_signals_with_user_time");
	test_alarm();
	test_itimer_errors();
	return check_summary();
}
