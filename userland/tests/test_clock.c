/*
 * test_clock.c - reading the clocks: sub-microsecond steps, never
 * backwards (across ticks and task switches), the clocks agreeing with
 * each other and with clock_getres, the time64 calls, /proc/uptime, the
 * ids and pointers Linux refuses, and who may set the time.
 *
 * Nothing here is timed: every check is an ordering or a lower bound
 * that holds on any machine, however loaded.
 */
#include <time.h>
#include <sched.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "check.h"
#include "child.h"
#include "vdso.h"

#define NSEC_PER_SEC	1000000000LL
#define NSEC_PER_USEC	1000LL
#define TICKS_PER_SEC	100	/* HZ: Lintel's tick, 10 ms */
#define READINGS	1000000
#define OTHER_READINGS	10000
#define YIELD_EVERY	1000
#define PAIRS		100000
#define NOBODY		65534
#define BAD_PTR		((void *)1)
#define KERNEL_PTR	((void *)0xC0000000)
#define SGI_CYCLE	10	/* an id Linux never gave a clock */
#define PAST_LAST_ID	16
#define PROCESS_CPU_CLOCK_OF_SELF (-6)	/* glibc's clock_getcpuclockid(0) */
#define SET_AHEAD_SEC	1000

struct timespec64 {
	long long tv_sec, tv_nsec;
};

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

/* How a program reads the clock here: the vDSO where there is one. */
static vdso_clock_gettime_t vdso_gettime;

static long long read_as_programs_do(clockid_t clk)
{
	struct timespec ts;

	if (!vdso_gettime)
		return now(clk);
	vdso_gettime(clk, &ts);
	return ns(&ts);
}

/*
 * The smallest step between two distinct back-to-back readings, and
 * whether any reading had nanoseconds that are not whole microseconds.
 */
static long long smallest_step(clockid_t clk, int pairs, int *sub_usec)
{
	long long a, b, best = -1;
	int i;

	*sub_usec = 0;
	for (i = 0; i < pairs; i++) {
		a = read_as_programs_do(clk);
		b = read_as_programs_do(clk);
		if (a % NSEC_PER_USEC || b % NSEC_PER_USEC)
			*sub_usec = 1;
		if (b > a && (best < 0 || b - a < best))
			best = b - a;
	}
	return best;
}

/*
 * The resolution, as properties of the readings rather than of how fast
 * this machine makes them (a loaded host makes every step longer): the
 * nanoseconds are not whole microseconds, and back-to-back readings
 * move by less than a tick, so the clock interpolates within the tick
 * instead of advancing with jiffies. The smallest step is printed: on an
 * idle host it is a few hundred ns in Lintel (the cost of the call).
 */
static void test_resolution(void)
{
	int sub_usec;
	long long step = smallest_step(CLOCK_MONOTONIC, PAIRS, &sub_usec);

	case_begin("monotonic_resolution_below_a_microsecond");
	printf("    smallest step between two readings (%s): %lld ns\n",
	       vdso_gettime ? "vDSO" : "system call", step);
	CHECK(sub_usec, "some reading with nanoseconds that are not whole "
	      "microseconds");
	CHECK(step > 0 && step < NSEC_PER_SEC / TICKS_PER_SEC,
	      "two distinct back-to-back readings less than a tick apart, "
	      "smallest step seen %lld ns", step);
	case_end();
}

/*
 * READINGS of clk, each no earlier than the one before; with switches,
 * yield now and then so that another process runs in between. Returns
 * the first backward step found (0 if none) and the span covered.
 */
static long long backwards(clockid_t clk, int readings, int switches,
			   long long *span)
{
	long long first = read_as_programs_do(clk), prev = first, t;
	int i;

	for (i = 0; i < readings; i++) {
		t = read_as_programs_do(clk);
		if (t < prev)
			return prev - t;
		prev = t;
		if (switches && i % YIELD_EVERY == 0)
			sched_yield();
	}
	*span = prev - first;
	return 0;
}

/* The child of the monotonic test: read and yield against the parent. */
static int read_against_parent(void *arg)
{
	long long span;

	(void)arg;
	return backwards(CLOCK_MONOTONIC, READINGS, 1, &span) ? 1 : 0;
}

static void test_never_backwards(void)
{
	static const clockid_t others[] = {
		CLOCK_REALTIME, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
		CLOCK_MONOTONIC_COARSE, CLOCK_REALTIME_COARSE,
		CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
	};
	long long back, span = 0;
	pid_t pid;
	int status = -1;
	unsigned int i;

	case_begin("monotonic_million_readings_never_go_back");
	pid = fork();
	if (pid == 0)
		exit(read_against_parent(NULL));
	back = backwards(CLOCK_MONOTONIC, READINGS, 1, &span);
	if (pid > 0)
		waitpid(pid, &status, 0);
	CHECK(!back, "each reading >= the one before, went back %lld ns", back);
	CHECK(status == 0, "the child reading at the same time saw no step "
	      "back either, it ended with %s", describe_status(status));
	CHECK(span >= NSEC_PER_SEC / 100, "the readings span ticks (at "
	      "least 10 ms), they spanned %lld ns", span);
	case_end();

	case_begin("other_clocks_never_go_back");
	for (i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		back = backwards(others[i], OTHER_READINGS, 0, &span);
		CHECK(!back, "clock %d went back %lld ns", others[i], back);
	}
	case_end();
}

static void test_clocks_agree(void)
{
	struct timespec r1, r2, c, f;
	struct timeval tv;
	long long tvns;
	time_t t;

	case_begin("gettimeofday_and_realtime_agree");
	clock_gettime(CLOCK_REALTIME, &r1);
	CHECK_OK(gettimeofday(&tv, NULL));
	t = time(NULL);
	clock_gettime(CLOCK_REALTIME, &r2);
	tvns = tv.tv_sec * NSEC_PER_SEC + tv.tv_usec * NSEC_PER_USEC;
	CHECK(tvns + NSEC_PER_USEC > ns(&r1) && tvns <= ns(&r2),
	      "gettimeofday %lld ns between the REALTIME readings %lld and "
	      "%lld (to the microsecond)", tvns, ns(&r1), ns(&r2));
	CHECK(t >= r1.tv_sec - 1 && t <= r2.tv_sec,
	      "time() %ld within a second of REALTIME %ld..%ld", (long)t,
	      (long)r1.tv_sec, (long)r2.tv_sec);
	CHECK_OK(syscall(__NR_gettimeofday, NULL, NULL));
	case_end();

	case_begin("coarse_clocks_trail_the_fine_ones");
	clock_gettime(CLOCK_MONOTONIC_COARSE, &c);
	clock_gettime(CLOCK_MONOTONIC, &f);
	CHECK(ns(&c) <= ns(&f), "MONOTONIC_COARSE %lld <= MONOTONIC %lld "
	      "read after it", ns(&c), ns(&f));
	clock_gettime(CLOCK_REALTIME_COARSE, &c);
	clock_gettime(CLOCK_REALTIME, &f);
	CHECK(ns(&c) <= ns(&f), "REALTIME_COARSE %lld <= REALTIME %lld "
	      "read after it", ns(&c), ns(&f));
	clock_gettime(CLOCK_MONOTONIC, &c);
	clock_gettime(CLOCK_BOOTTIME, &f);
	CHECK(ns(&c) <= ns(&f), "MONOTONIC %lld <= BOOTTIME %lld read after "
	      "it", ns(&c), ns(&f));
	case_end();
}

/* clock_getres says what a reading can show: no step is finer. */
static void test_getres(void)
{
	static const clockid_t fine[] = {
		CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
		CLOCK_BOOTTIME, CLOCK_PROCESS_CPUTIME_ID,
		CLOCK_THREAD_CPUTIME_ID,
	};
	static const clockid_t coarse[] = {
		CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE,
	};
	struct timespec res;
	long long step;
	unsigned int i;
	int sub;

	case_begin("getres_fine_clocks_below_a_microsecond");
	for (i = 0; i < sizeof(fine) / sizeof(fine[0]); i++) {
		CHECK_OK(clock_getres(fine[i], &res));
		step = smallest_step(fine[i], PAIRS / 10, &sub);
		CHECK(res.tv_sec == 0 && res.tv_nsec > 0 &&
		      res.tv_nsec < NSEC_PER_USEC,
		      "clock %d: resolution under 1 us, got %ld.%09ld",
		      fine[i], (long)res.tv_sec, res.tv_nsec);
		CHECK(step < 0 || step >= res.tv_nsec, "clock %d: no step "
		      "(smallest %lld) finer than its resolution %ld ns",
		      fine[i], step, res.tv_nsec);
	}
	CHECK_OK(syscall(__NR_clock_getres, CLOCK_MONOTONIC, NULL));
	case_end();

	case_begin("getres_coarse_clocks_a_tick");
	for (i = 0; i < sizeof(coarse) / sizeof(coarse[0]); i++) {
		CHECK_OK(clock_getres(coarse[i], &res));
		step = smallest_step(coarse[i], PAIRS, &sub);
		CHECK(res.tv_sec == 0 && res.tv_nsec >= NSEC_PER_SEC / 1000,
		      "clock %d: a tick, at least 1 ms, got %ld.%09ld",
		      coarse[i], (long)res.tv_sec, res.tv_nsec);
		CHECK(step < 0 || step >= res.tv_nsec / 2,
		      "clock %d: steps of about a tick (%ld ns), saw %lld",
		      coarse[i], res.tv_nsec, step);
	}
	case_end();
}

static void test_cpu_clocks(void)
{
	struct timespec a, b;
	long long spin_until;

	case_begin("cpu_clocks_count_this_process");
	CHECK_OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a));
	spin_until = now(CLOCK_PROCESS_CPUTIME_ID) + NSEC_PER_SEC / 50;
	while (now(CLOCK_PROCESS_CPUTIME_ID) < spin_until)
		;
	CHECK_OK(clock_gettime(PROCESS_CPU_CLOCK_OF_SELF, &b));
	CHECK(ns(&b) - ns(&a) >= NSEC_PER_SEC / 50,
	      "the process clock of pid 0 (id -6) moved 20 ms with the spin, "
	      "moved %lld ns", ns(&b) - ns(&a));
	CHECK(ns(&b) <= now(CLOCK_THREAD_CPUTIME_ID), "the thread clock read "
	      "after it is not behind (one thread)");
	case_end();
}

static void test_time64(void)
{
	struct timespec64 a, res, req = { 0, NSEC_PER_SEC / 100 };
	long long before, after;

	case_begin("time64_calls_read_and_sleep");
	before = now(CLOCK_MONOTONIC);
	CHECK_OK(syscall(__NR_clock_gettime64, CLOCK_MONOTONIC, &a));
	after = now(CLOCK_MONOTONIC);
	CHECK(a.tv_sec * NSEC_PER_SEC + a.tv_nsec >= before &&
	      a.tv_sec * NSEC_PER_SEC + a.tv_nsec <= after,
	      "clock_gettime64 between two clock_gettime readings");
	CHECK_OK(syscall(__NR_clock_getres_time64, CLOCK_MONOTONIC, &res));
	CHECK(res.tv_sec == 0 && res.tv_nsec > 0 &&
	      res.tv_nsec < NSEC_PER_USEC, "clock_getres_time64 under 1 us, "
	      "got %lld", res.tv_nsec);
	before = now(CLOCK_MONOTONIC);
	CHECK_OK(syscall(__NR_clock_nanosleep_time64, CLOCK_MONOTONIC, 0,
			 &req, NULL));
	after = now(CLOCK_MONOTONIC);
	CHECK(after - before >= req.tv_nsec, "clock_nanosleep_time64 slept "
	      "at least 10 ms, slept %lld ns", after - before);
	CHECK_ERR(syscall(__NR_clock_gettime64, SGI_CYCLE, &a), EINVAL);
	CHECK_ERR(syscall(__NR_clock_gettime64, CLOCK_MONOTONIC, BAD_PTR),
		  EFAULT);
	CHECK_ERR(syscall(__NR_clock_settime64, CLOCK_MONOTONIC, &a), EINVAL);
	case_end();
}

static void test_bad_ids_and_pointers(void)
{
	struct timespec ts;

	case_begin("clock_ids_linux_refuses");
	CHECK_ERR(clock_gettime(SGI_CYCLE, &ts), EINVAL);
	CHECK_ERR(clock_gettime(PAST_LAST_ID, &ts), EINVAL);
	CHECK_ERR(clock_gettime(-1, &ts), EINVAL);
	CHECK_ERR(clock_getres(SGI_CYCLE, &ts), EINVAL);
	CHECK_ERR(syscall(__NR_clock_getres, PAST_LAST_ID, NULL), EINVAL);
	case_end();

	/* As system calls: glibc reads and writes these in user space. */
	case_begin("clock_bad_pointers_efault");
	CHECK_ERR(syscall(__NR_clock_gettime, CLOCK_MONOTONIC, NULL), EFAULT);
	CHECK_ERR(syscall(__NR_clock_gettime, CLOCK_REALTIME, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(__NR_clock_gettime, CLOCK_PROCESS_CPUTIME_ID,
			  KERNEL_PTR), EFAULT);
	CHECK_ERR(syscall(__NR_clock_getres, CLOCK_MONOTONIC, KERNEL_PTR),
		  EFAULT);
	CHECK_ERR(syscall(__NR_gettimeofday, BAD_PTR, NULL), EFAULT);
	CHECK_ERR(syscall(__NR_gettimeofday, NULL, KERNEL_PTR), EFAULT);
	CHECK_ERR(syscall(__NR_time, KERNEL_PTR), EFAULT);
	case_end();
}

/*
 * In a child that is nobody: every way of setting the time is refused.
 * settimeofday as a system call: glibc turns it into clock_settime.
 */
static int set_as_nobody(void *arg)
{
	struct timespec ts;
	struct timeval tv, bad = { 0, 1000000 };

	(void)arg;
	if (getuid() == 0 && setuid(NOBODY))
		return 10;
	clock_gettime(CLOCK_REALTIME, &ts);
	gettimeofday(&tv, NULL);
	if (clock_settime(CLOCK_REALTIME, &ts) != -1 || errno != EPERM)
		return 1;
	if (syscall(__NR_settimeofday, &tv, NULL) != -1 || errno != EPERM)
		return 2;
	if (syscall(__NR_settimeofday, NULL, NULL) != -1 || errno != EPERM)
		return 3;
	if (syscall(__NR_settimeofday, &bad, NULL) != -1 || errno != EINVAL)
		return 4;
	return 0;
}

static void test_setting_refused(void)
{
	struct timespec ts;
	int status;

	case_begin("settime_refused_as_linux");
	clock_gettime(CLOCK_MONOTONIC, &ts);
	CHECK_ERR(clock_settime(CLOCK_MONOTONIC, &ts), EINVAL);
	CHECK_ERR(clock_settime(CLOCK_BOOTTIME, &ts), EINVAL);
	CHECK_ERR(clock_settime(SGI_CYCLE, &ts), EINVAL);
	CHECK_ERR(clock_settime(CLOCK_PROCESS_CPUTIME_ID, &ts), EINVAL);
	CHECK_ERR(clock_settime(PROCESS_CPU_CLOCK_OF_SELF, &ts), EPERM);
	CHECK_ERR(syscall(__NR_clock_settime, CLOCK_REALTIME, KERNEL_PTR),
		  EFAULT);
	ts.tv_nsec = NSEC_PER_SEC;
	CHECK_ERR(clock_settime(CLOCK_REALTIME, &ts), EINVAL);
	status = run_in_child(set_as_nobody, NULL);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "nobody gets EPERM from clock_settime and settimeofday, EINVAL "
	      "for tv_usec 1000000; child %s", describe_status(status));
	case_end();
}

/*
 * As root on Lintel: move REALTIME ahead and back. MONOTONIC must not
 * notice, and a time before the boot is refused. Never on the host: its
 * clock is not ours to move.
 */
static void test_setting_realtime(void)
{
	struct timespec real, mono, after, mono_after, early = { 0, 0 };
	long long moved;

	if (!on_lintel() || getuid() != 0) {
		case_skip("settime_moves_realtime_only",
			  "only as root on Lintel: this host's clock is not ours");
		return;
	}
	case_begin("settime_moves_realtime_only");
	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	real.tv_sec += SET_AHEAD_SEC;
	CHECK_OK(clock_settime(CLOCK_REALTIME, &real));
	clock_gettime(CLOCK_REALTIME, &after);
	clock_gettime(CLOCK_MONOTONIC, &mono_after);
	moved = ns(&after) - ns(&real);
	CHECK(moved >= 0 && moved < NSEC_PER_SEC, "REALTIME reads what was "
	      "set, off by %lld ns", moved);
	CHECK(ns(&mono_after) - ns(&mono) < NSEC_PER_SEC,
	      "MONOTONIC did not jump with it");
	CHECK_ERR(clock_settime(CLOCK_REALTIME, &early), EINVAL);
	after.tv_sec -= SET_AHEAD_SEC;
	CHECK_OK(clock_settime(CLOCK_REALTIME, &after));
	case_end();
}

/*
 * One "S.CC" of /proc/uptime followed by end: the seconds in ns, or -1
 * if it is not exactly seconds, a dot, two digits and end.
 */
static long long centisecs(const char *s, char end, const char **next)
{
	char *p;
	unsigned long sec = strtoul(s, &p, 10), cs;

	if (p == s || *p != '.' || p[1] < '0' || p[1] > '9' || p[2] < '0' ||
	    p[2] > '9' || p[3] != end)
		return -1;
	cs = (p[1] - '0') * 10 + (p[2] - '0');
	*next = p + 4;
	return sec * NSEC_PER_SEC + cs * (NSEC_PER_SEC / 100);
}

/* /proc/uptime: "S.CC S.CC", the first between two BOOTTIME readings. */
static void test_proc_uptime(void)
{
	char buf[64] = "";
	long long before, after, up = -1, idle = -1;
	const char *next = buf;
	int fd, n = 0;

	case_begin("proc_uptime_to_hundredths");
	before = now(CLOCK_BOOTTIME);
	fd = open("/proc/uptime", O_RDONLY);
	if (fd >= 0) {
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
	}
	after = now(CLOCK_BOOTTIME);
	CHECK(n > 0, "/proc/uptime readable, read returned %d", n);
	buf[n > 0 ? n : 0] = '\0';
	up = centisecs(buf, ' ', &next);
	if (up >= 0)
		idle = centisecs(next, '\n', &next);
	CHECK(up >= 0 && idle >= 0, "two numbers with two decimals each, "
	      "got \"%s\"", buf);
	CHECK(up + NSEC_PER_SEC / 100 > before && up <= after,
	      "uptime %lld ns between BOOTTIME readings %lld and %lld", up,
	      before, after);
	case_end();
}

int main(int argc, char **argv, char **envp)
{
	(void)argc;
	(void)argv;
	vdso_gettime = (vdso_clock_gettime_t)vdso_sym(envp,
						      "__vdso_clock_gettime");
	test_resolution();
	test_never_backwards();
	test_clocks_agree();
	test_getres();
	test_cpu_clocks();
	test_time64();
	test_bad_ids_and_pointers();
	test_setting_refused();
	test_setting_realtime();
	test_proc_uptime();
	return check_summary();
}
