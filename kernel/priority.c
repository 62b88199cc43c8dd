/*
 * priority.c - nice values, getpriority/setpriority and the sched_* calls.
 *
 * 1.2.13 kept only p->priority, the ticks of a full time slice, and its
 * sys_nice and sys_setpriority moved that directly. Lintel keeps today's
 * nice value (-20..19) beside it, as Linux shows it to programs, and
 * derives the slice from it: nice 0 is DEF_PRIORITY, each step one
 * twentieth of it more or less, never below one tick. There is one
 * policy, 1.2.13's round robin of slices; SCHED_OTHER, SCHED_BATCH and
 * SCHED_IDLE are accepted and reported back, the real-time policies are
 * refused (EPERM, even for root: Lintel cannot honour them).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/time.h>
#include <linux/syscalls.h>
#include <asm/segment.h>

#define PRIO_PROCESS	0	/* getpriority/setpriority's which */
#define PRIO_PGRP	1
#define PRIO_USER	2
#define MIN_NICE	(-20)
#define MAX_NICE	19
#define NICE_WIDTH	(MAX_NICE - MIN_NICE + 1)
#define NICE_STEPS	(NICE_WIDTH / 2)	/* nice 0 to either end */

#define SCHED_OTHER	0
#define SCHED_FIFO	1
#define SCHED_RR	2
#define SCHED_BATCH	3
#define SCHED_IDLE	5
#define SCHED_RESET_ON_FORK	0x40000000
#define MAX_RT_PRIO	99	/* sched_get_priority_max of FIFO and RR */

/*
 * Give p the nice value nice and the time slice that goes with it; the
 * slice left now is cut to the new length if it was longer.
 */
static void set_user_nice(struct task_struct *p, int nice)
{
	long ticks = DEF_PRIORITY * (NICE_STEPS - nice) / NICE_STEPS;

	p->nice = nice;
	p->priority = ticks > 0 ? ticks : 1;
	if (p->counter > p->priority)
		p->counter = p->priority;
}

/* May current lower p's nice value to nice? Only root (CAP_SYS_NICE). */
static int can_nice(struct task_struct *p, int nice)
{
	return nice >= p->nice || current->euid == 0;
}

/* May current change p's nice or policy at all (Linux's uid check)? */
static int may_change(struct task_struct *p)
{
	return current->euid == 0 || p->uid == current->euid ||
	       p->euid == current->euid;
}

static int clamp_nice(long nice)
{
	return nice < MIN_NICE ? MIN_NICE : nice > MAX_NICE ? MAX_NICE : nice;
}

/*
 * nice (34): add increment to current's nice value, clamped to -20..19.
 * Returns 0 (glibc's nice() asks getpriority for the new value), or
 * -EPERM for a negative increment from a user who is not root.
 */
long sys_nice(int increment)
{
	int nice;

	if (increment < -NICE_WIDTH)
		increment = -NICE_WIDTH;
	if (increment > NICE_WIDTH)
		increment = NICE_WIDTH;
	nice = clamp_nice(current->nice + increment);
	if (increment < 0 && !can_nice(current, nice))
		return -EPERM;
	set_user_nice(current, nice);
	return 0;
}

/* Is p one of the tasks which/who names (who 0: current's own)? */
static int prio_match(struct task_struct *p, int which, int who)
{
	if (p->state == TASK_ZOMBIE)
		return 0;
	switch (which) {
	case PRIO_PROCESS:
		return who ? p->pid == who : p == current;
	case PRIO_PGRP:
		return p->pgrp == (who ? who : current->pgrp);
	case PRIO_USER:
		return p->uid == (who ? (uid_t)who : current->uid);
	}
	return 0;
}

/*
 * setpriority (97): set the nice value of every task which/who names.
 * As Linux: -EINVAL for an unknown which, -ESRCH if none matched, -EPERM
 * for a task of another user, -EACCES for lowering a nice value without
 * being root; a later match that succeeds still turns -ESRCH into 0.
 */
long sys_setpriority(int which, int who, int niceval)
{
	struct task_struct *p;
	int error = -ESRCH, nice = clamp_nice(niceval);

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	for_each_task(p) {
		if (!prio_match(p, which, who))
			continue;
		if (!may_change(p)) {
			error = -EPERM;
		} else if (!can_nice(p, nice)) {
			error = -EACCES;
		} else {
			if (error == -ESRCH)
				error = 0;
			set_user_nice(p, nice);
		}
	}
	return error;
}

/*
 * getpriority (96): the highest priority among the tasks which/who
 * names, as the system call gives it: 20 - nice, 1..40 (libc turns it
 * back into a nice value). -EINVAL or -ESRCH as setpriority.
 */
long sys_getpriority(int which, int who)
{
	struct task_struct *p;
	long best = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	for_each_task(p)
		if (prio_match(p, which, who) && NICE_STEPS - p->nice > best)
			best = NICE_STEPS - p->nice;
	return best;
}

/* The task a sched_* call names: pid 0 is current. NULL: no such task. */
static struct task_struct *sched_task(pid_t pid)
{
	return pid ? find_task_by_pid(pid) : current;
}

/* sched_get_priority_max (159): 99 for FIFO and RR, 0 for the others. */
long sys_sched_get_priority_max(int policy)
{
	switch (policy) {
	case SCHED_FIFO: case SCHED_RR:
		return MAX_RT_PRIO;
	case SCHED_OTHER: case SCHED_BATCH: case SCHED_IDLE:
		return 0;
	}
	return -EINVAL;
}

/* sched_get_priority_min (160): 1 for FIFO and RR, 0 for the others. */
long sys_sched_get_priority_min(int policy)
{
	long max = sys_sched_get_priority_max(policy);

	return max == MAX_RT_PRIO ? 1 : max;
}

/* sched_getscheduler (157): p's policy; -EINVAL, -ESRCH as Linux. */
long sys_sched_getscheduler(pid_t pid)
{
	struct task_struct *p;

	if (pid < 0)
		return -EINVAL;
	p = sched_task(pid);
	return p ? p->policy : -ESRCH;
}

/* sched_getparam (155): sched_priority, always 0 here (no RT policy). */
long sys_sched_getparam(pid_t pid, struct sched_param *param)
{
	struct sched_param sp = { 0 };

	if (!param || pid < 0)
		return -EINVAL;
	if (!sched_task(pid))
		return -ESRCH;
	return memcpy_tofs(param, &sp, sizeof(sp)) ? -EFAULT : 0;
}

/*
 * Set p's policy (-1: keep it) and priority from the user's param, with
 * Linux's checks in Linux's order: -EINVAL for a bad pid, policy or
 * NULL param, -EFAULT, -ESRCH, -EINVAL for a priority the policy does
 * not take, -EPERM for another user's task or a real-time policy.
 */
static long set_scheduler(pid_t pid, int policy,
			  const struct sched_param *param)
{
	struct task_struct *p;
	struct sched_param sp;

	if (!param || pid < 0)
		return -EINVAL;
	if (memcpy_fromfs(&sp, param, sizeof(sp)))
		return -EFAULT;
	p = sched_task(pid);
	if (!p)
		return -ESRCH;
	if (policy < 0)
		policy = p->policy;
	if (sys_sched_get_priority_max(policy) < 0 ||
	    sp.sched_priority < sys_sched_get_priority_min(policy) ||
	    sp.sched_priority > sys_sched_get_priority_max(policy))
		return -EINVAL;
	if (!may_change(p) || policy == SCHED_FIFO || policy == SCHED_RR)
		return -EPERM;
	p->policy = policy;
	return 0;
}

/* sched_setscheduler (156); SCHED_RESET_ON_FORK is accepted, as a no-op */
long sys_sched_setscheduler(pid_t pid, int policy,
			    const struct sched_param *param)
{
	if (policy < 0)
		return -EINVAL;
	return set_scheduler(pid, policy & ~SCHED_RESET_ON_FORK, param);
}

/* sched_setparam (154): the same, keeping the policy. */
long sys_sched_setparam(pid_t pid, const struct sched_param *param)
{
	return set_scheduler(pid, -1, param);
}

/* sched_rr_get_interval (161, and 423 with a 64-bit timespec): p's slice. */
static long rr_get_interval(pid_t pid, void *interval, int time64)
{
	struct task_struct *p;
	struct timespec ts;

	if (pid < 0)
		return -EINVAL;
	p = sched_task(pid);
	if (!p)
		return -ESRCH;
	ts.tv_sec = p->priority / HZ;
	ts.tv_nsec = (p->priority % HZ) * NSEC_PER_TICK;
	return put_timespec(&ts, interval, time64);
}

long sys_sched_rr_get_interval(pid_t pid, struct timespec *interval)
{
	return rr_get_interval(pid, interval, 0);
}

long sys_sched_rr_get_interval_time64(pid_t pid,
				      struct __kernel_timespec *interval)
{
	return rr_get_interval(pid, interval, 1);
}
