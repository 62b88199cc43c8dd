/*
 * test_priority.c - nice, getpriority/setpriority and the sched_* calls,
 * through the raw system calls (libc wrappers differ: glibc's getpriority
 * turns 20 - nice back into nice). What lowers a nice value is root's
 * only: those cases check EACCES/EPERM or success by the effective uid.
 * Each case that changes the nice value or policy runs in a child.
 */
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "child.h"

#define PRIO_PROC	0	/* which: a process, */
#define PRIO_GROUP	1	/* a process group */
#define PRIO_BAD_WHICH	5
#define POL_OTHER	0
#define POL_FIFO	1
#define POL_RR		2
#define POL_BATCH	3
#define POL_BAD		42
#define NICE_TOP	20	/* getpriority's value is NICE_TOP - nice */
#define BAD_PTR		((void *)16)
#define NSEC_PER_S	1000000000L

struct param {
	int sched_priority;
};

struct ts32 {
	long tv_sec, tv_nsec;
};

static long prio(int which, int who)
{
	return syscall(__NR_getpriority, which, who);
}

/* A pid that no process has: a child that has been reaped. */
static pid_t gone_pid(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return pid;
}

static int nice_in_child(void *arg)
{
	long before = prio(PRIO_PROC, 0);

	(void)arg;
	case_begin("nice_raises_the_nice_value_and_clamps");
	CHECK(before >= 1 && before <= 2 * NICE_TOP,
	      "getpriority in 1..40, got %ld", before);
	if (before > 1) {
		CHECK_OK(syscall(__NR_nice, 1));
		CHECK(prio(PRIO_PROC, 0) == before - 1,
		      "nice(1): %ld, got %ld", before - 1, prio(PRIO_PROC, 0));
	}
	CHECK_OK(syscall(__NR_nice, 100));
	CHECK(prio(PRIO_PROC, 0) == 1, "nice(100) stops at 19: 1, got %ld",
	      prio(PRIO_PROC, 0));
	if (geteuid() != 0)
		CHECK_ERR(syscall(__NR_nice, -1), EPERM);
	return check_case_failed;
}

static int setprio_in_child(void *arg)
{
	(void)arg;
	case_begin("setpriority_sets_and_only_root_lowers");
	CHECK_OK(syscall(__NR_setpriority, PRIO_PROC, 0, 19));
	CHECK(prio(PRIO_PROC, getpid()) == 1, "nice 19: 1, got %ld",
	      prio(PRIO_PROC, getpid()));
	CHECK_OK(syscall(__NR_setpriority, PRIO_PROC, getpid(), 100));
	CHECK(prio(PRIO_PROC, 0) == 1, "clamped to 19: 1, got %ld",
	      prio(PRIO_PROC, 0));
	if (geteuid() == 0) {
		CHECK_OK(syscall(__NR_setpriority, PRIO_PROC, 0, 10));
		CHECK(prio(PRIO_PROC, 0) == 10, "root lowers it: 10, got %ld",
		      prio(PRIO_PROC, 0));
	} else {
		CHECK_ERR(syscall(__NR_setpriority, PRIO_PROC, 0, 10), EACCES);
	}
	CHECK(prio(PRIO_GROUP, 0) >= prio(PRIO_PROC, 0),
	      "the group's best is at least ours");
	return check_case_failed;
}

static void test_nice(void)
{
	pid_t gone = gone_pid();

	case_in_child("nice_raises_the_nice_value_and_clamps", nice_in_child,
		      NULL);
	case_in_child("setpriority_sets_and_only_root_lowers",
		      setprio_in_child, NULL);
	case_begin("getpriority_setpriority_errors");
	CHECK_ERR(prio(PRIO_BAD_WHICH, 0), EINVAL);
	CHECK_ERR(syscall(__NR_setpriority, PRIO_BAD_WHICH, 0, 0), EINVAL);
	CHECK_ERR(prio(PRIO_PROC, gone), ESRCH);
	CHECK_ERR(syscall(__NR_setpriority, PRIO_PROC, gone, 0), ESRCH);
	case_end();
}

static void test_priority_range(void)
{
	case_begin("sched_get_priority_max_min");
	CHECK(syscall(__NR_sched_get_priority_max, POL_OTHER) == 0 &&
	      syscall(__NR_sched_get_priority_min, POL_OTHER) == 0,
	      "SCHED_OTHER: 0..0");
	CHECK(syscall(__NR_sched_get_priority_max, POL_FIFO) == 99 &&
	      syscall(__NR_sched_get_priority_min, POL_FIFO) == 1 &&
	      syscall(__NR_sched_get_priority_max, POL_RR) == 99 &&
	      syscall(__NR_sched_get_priority_min, POL_RR) == 1,
	      "SCHED_FIFO and SCHED_RR: 1..99");
	CHECK_ERR(syscall(__NR_sched_get_priority_max, POL_BAD), EINVAL);
	CHECK_ERR(syscall(__NR_sched_get_priority_min, -1), EINVAL);
	case_end();
}

static int policy_in_child(void *arg)
{
	struct param zero = { 0 }, one = { 1 };

	(void)arg;
	case_begin("sched_setscheduler_and_setparam");
	CHECK_OK(syscall(__NR_sched_setscheduler, 0, POL_BATCH, &zero));
	CHECK(syscall(__NR_sched_getscheduler, getpid()) == POL_BATCH,
	      "SCHED_BATCH set");
	CHECK_OK(syscall(__NR_sched_setparam, 0, &zero));
	CHECK(syscall(__NR_sched_getscheduler, 0) == POL_BATCH,
	      "setparam keeps the policy");
	CHECK_ERR(syscall(__NR_sched_setparam, 0, &one), EINVAL);
	CHECK_ERR(syscall(__NR_sched_setscheduler, 0, POL_OTHER, &one), EINVAL);
	CHECK_ERR(syscall(__NR_sched_setscheduler, 0, POL_FIFO, &zero), EINVAL);
	CHECK_ERR(syscall(__NR_sched_setscheduler, 0, POL_BAD, &zero), EINVAL);
	CHECK_ERR(syscall(__NR_sched_setscheduler, 0, POL_OTHER, NULL), EINVAL);
	CHECK_ERR(syscall(__NR_sched_setscheduler, 0, POL_OTHER, BAD_PTR),
		  EFAULT);
	if (geteuid() != 0)
		CHECK_ERR(syscall(__NR_sched_setscheduler, 0, POL_FIFO, &one),
			  EPERM);
	CHECK_OK(syscall(__NR_sched_setscheduler, 0, POL_OTHER, &zero));
	return check_case_failed;
}

static void test_policy(void)
{
	struct param p = { -1 };
	struct ts32 ts = { -1, -1 };
	pid_t gone = gone_pid();

	case_begin("sched_getscheduler_getparam_rr_interval");
	CHECK(syscall(__NR_sched_getscheduler, 0) == POL_OTHER,
	      "a process starts with SCHED_OTHER");
	CHECK_OK(syscall(__NR_sched_getparam, 0, &p));
	CHECK(p.sched_priority == 0, "priority 0, got %d", p.sched_priority);
	CHECK_OK(syscall(__NR_sched_rr_get_interval, 0, &ts));
	/* Linux's fair class may say 0 (no fixed slice); Lintel its slice */
	CHECK(ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < NSEC_PER_S,
	      "a valid timespec, got %ld.%09ld",
	      ts.tv_sec, ts.tv_nsec);
	CHECK_ERR(syscall(__NR_sched_getscheduler, -1), EINVAL);
	CHECK_ERR(syscall(__NR_sched_getscheduler, gone), ESRCH);
	CHECK_ERR(syscall(__NR_sched_getparam, 0, NULL), EINVAL);
	CHECK_ERR(syscall(__NR_sched_getparam, gone, &p), ESRCH);
	CHECK_ERR(syscall(__NR_sched_getparam, 0, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(__NR_sched_rr_get_interval, 0, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(__NR_sched_rr_get_interval, gone, &ts), ESRCH);
	case_end();
	case_in_child("sched_setscheduler_and_setparam", policy_in_child,
		      NULL);
}

int main(void)
{
	test_nice();
	test_priority_range();
	test_policy();
	return check_summary();
}
