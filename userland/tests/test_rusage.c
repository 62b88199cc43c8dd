/*
 * test_rusage.c - getrusage and times move with the work done: CPU time
 * with a spin, minor faults with pages touched, voluntary switches with
 * sleeps; a reaped child's use goes to wait4's rusage, RUSAGE_CHILDREN
 * and tms_cutime; the CPU clocks and getrusage agree; bad arguments.
 *
 * Only lower bounds and orderings: more work never reports less.
 */
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "check.h"

#define NSEC_PER_SEC	1000000000LL
#define NSEC_PER_MSEC	1000000LL
#define NSEC_PER_USEC	1000LL
#define SPIN_MS		50
#define PAGES		64
#define PAGE_SIZE	4096
#define SLEEPS		5
/* two ticks: a sleep that expired before it blocked (no switch, on Linux
 * too) would need two ticks to pass between nanosleep's entry and schedule */
#define NAP_MS		20
#define CHILD_SPIN_MS	50
#define TICKS_PER_SEC	100	/* USER_HZ on Linux i386 and on Lintel */
#define RUSAGE_BAD_WHO	2
#define BAD_PTR		((void *)1)

static long long tv_ns(const struct timeval *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

static long long cpu_ns(const struct rusage *r)
{
	return tv_ns(&r->ru_utime) + tv_ns(&r->ru_stime);
}

static long long now(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

/* Burn ms of this process's CPU time, by its own clock. */
static void spin_cpu(long ms)
{
	long long until = now(CLOCK_PROCESS_CPUTIME_ID) + ms * NSEC_PER_MSEC;

	while (now(CLOCK_PROCESS_CPUTIME_ID) < until)
		;
}

static void test_cpu_time_moves(void)
{
	struct rusage a, b;
	long long cpu;

	case_begin("getrusage_cpu_time_moves_with_a_spin");
	CHECK_OK(getrusage(RUSAGE_SELF, &a));
	spin_cpu(SPIN_MS);
	CHECK_OK(getrusage(RUSAGE_SELF, &b));
	cpu = now(CLOCK_PROCESS_CPUTIME_ID);
	CHECK(cpu_ns(&b) - cpu_ns(&a) >= SPIN_MS * NSEC_PER_MSEC * 9 / 10,
	      "user+system grew by about %d ms, grew %lld ns", SPIN_MS,
	      cpu_ns(&b) - cpu_ns(&a));
	CHECK(tv_ns(&b.ru_utime) >= tv_ns(&a.ru_utime) &&
	      tv_ns(&b.ru_stime) >= tv_ns(&a.ru_stime),
	      "neither user nor system time went back");
	CHECK(cpu_ns(&b) <= cpu, "the CPU clock read after is not behind "
	      "getrusage: %lld > %lld", cpu_ns(&b), cpu);
	CHECK(b.ru_maxrss > 0, "a resident set, got %ld kB", b.ru_maxrss);
	case_end();
}

static void test_faults_and_switches(void)
{
	struct timespec nap = { 0, NAP_MS * NSEC_PER_MSEC };
	struct rusage a, b;
	char *p;
	int i;

	case_begin("getrusage_minflt_moves_with_pages_touched");
	p = mmap(NULL, PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap of %d pages", PAGES);
	CHECK_OK(getrusage(RUSAGE_SELF, &a));
	for (i = 0; p != MAP_FAILED && i < PAGES; i++)
		p[i * PAGE_SIZE] = 1;
	CHECK_OK(getrusage(RUSAGE_SELF, &b));
	CHECK(b.ru_minflt - a.ru_minflt >= PAGES / 2,
	      "at least %d more minor faults for %d new pages, got %ld",
	      PAGES / 2, PAGES, b.ru_minflt - a.ru_minflt);
	if (p != MAP_FAILED)
		munmap(p, PAGES * PAGE_SIZE);
	case_end();

	case_begin("getrusage_nvcsw_moves_with_sleeps");
	CHECK_OK(getrusage(RUSAGE_SELF, &a));
	for (i = 0; i < SLEEPS; i++)
		nanosleep(&nap, NULL);
	CHECK_OK(getrusage(RUSAGE_THREAD, &b));
	CHECK(b.ru_nvcsw - a.ru_nvcsw >= SLEEPS, "a voluntary switch per "
	      "sleep: %d, got %ld", SLEEPS, b.ru_nvcsw - a.ru_nvcsw);
	case_end();
}

static void test_children(void)
{
	struct rusage before, child, after;
	struct tms t0, t1;
	int status = -1;
	pid_t pid;

	case_begin("child_use_reaches_the_parent");
	CHECK_OK(getrusage(RUSAGE_CHILDREN, &before));
	times(&t0);
	pid = fork();
	if (pid == 0) {
		spin_cpu(CHILD_SPIN_MS);
		_exit(0);
	}
	CHECK(pid > 0 && wait4(pid, &status, 0, &child) == pid,
	      "fork and wait4 the child");
	CHECK_OK(getrusage(RUSAGE_CHILDREN, &after));
	times(&t1);
	CHECK(cpu_ns(&child) >= CHILD_SPIN_MS * NSEC_PER_MSEC * 9 / 10,
	      "wait4's rusage shows the child's %d ms, shows %lld ns",
	      CHILD_SPIN_MS, cpu_ns(&child));
	CHECK(cpu_ns(&after) - cpu_ns(&before) >= cpu_ns(&child),
	      "RUSAGE_CHILDREN grew by what wait4 reported");
	/* A busy Linux host has been seen to report less here than the
	 * child's clock measured: only ask that the count moved. */
	CHECK((t1.tms_cutime + t1.tms_cstime) - (t0.tms_cutime +
	      t0.tms_cstime) >= 1, "tms_cutime + tms_cstime grew, grew %ld",
	      (long)((t1.tms_cutime + t1.tms_cstime) -
		     (t0.tms_cutime + t0.tms_cstime)));
	case_end();
}

static void test_times(void)
{
	struct tms a, b;
	clock_t c0, c1;

	case_begin("times_moves_with_work_and_time");
	c0 = times(&a);
	spin_cpu(SPIN_MS);
	c1 = times(&b);
	CHECK(c1 - c0 >= SPIN_MS * TICKS_PER_SEC / 1000 - 1,
	      "the return value counts ticks: %ld after a %d ms spin",
	      (long)(c1 - c0), SPIN_MS);
	CHECK((b.tms_utime + b.tms_stime) - (a.tms_utime + a.tms_stime) >=
	      SPIN_MS * TICKS_PER_SEC / 1000 - 1, "tms_utime + tms_stime "
	      "grew with the spin, grew %ld", (long)((b.tms_utime +
	      b.tms_stime) - (a.tms_utime + a.tms_stime)));
	CHECK(times(NULL) >= c1, "times(NULL) still counts");
	case_end();
}

static void test_sleep_is_not_cpu_time(void)
{
	struct timespec nap = { 0, 100 * NSEC_PER_MSEC };
	long long before, after;

	case_begin("thread_cpu_clock_stands_still_in_a_sleep");
	before = now(CLOCK_THREAD_CPUTIME_ID);
	nanosleep(&nap, NULL);
	after = now(CLOCK_THREAD_CPUTIME_ID);
	CHECK(after - before < 50 * NSEC_PER_MSEC, "a 100 ms sleep costs "
	      "less than 50 ms of CPU, cost %lld ns", after - before);
	case_end();
}

static void test_bad_arguments(void)
{
	struct rusage r;

	/* As system calls: glibc converts the structures in user space. */
	case_begin("rusage_refuses_as_linux");
	CHECK_ERR(syscall(__NR_getrusage, RUSAGE_BAD_WHO, &r), EINVAL);
	CHECK_ERR(syscall(__NR_getrusage, RUSAGE_SELF, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(__NR_getrusage, RUSAGE_CHILDREN, NULL), EFAULT);
	CHECK_ERR(syscall(__NR_times, BAD_PTR), EFAULT);
	case_end();
}

int main(void)
{
	test_cpu_time_moves();
	test_faults_and_switches();
	test_children();
	test_times();
	test_sleep_is_not_cpu_time();
	test_bad_arguments();
	return check_summary();
}
