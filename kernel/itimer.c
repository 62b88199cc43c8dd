/*
 * itimer.c - the three interval timers of every process, and alarm.
 *
 *	ITIMER_REAL	counts CLOCK_MONOTONIC, sends SIGALRM
 *	ITIMER_VIRTUAL	counts CPU time in user mode, sends SIGVTALRM
 *	ITIMER_PROF	counts CPU time in user and kernel mode, sends SIGPROF
 *
 * As in 1.2.13 the timer tick does the counting (do_timer calls
 * it_real_fn and do_process_times), so a timer fires on the first tick at
 * or after its time: never early, at most a tick late. Lintel keeps the
 * values in nanoseconds rather than 1.2.13's ticks, so that getitimer
 * gives back what setitimer was told, as Linux does. The timers belong
 * to the process, as in Linux: they live in the thread group's leader
 * (whose task_struct lasts as long as the group), every thread that
 * sets or reads them sees the one set, a CPU-time timer counts the
 * ticks of every thread, and the signal goes to the group (one thread
 * that does not block it takes it).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/syscalls.h>
#include <asm/segment.h>
#include <asm/system.h>

#define ALARM_MAX	0x7FFFFFFF	/* Linux caps alarm's seconds at INT_MAX */

struct itimerval {
	struct timeval it_interval;	/* reload value, 0 = one shot */
	struct timeval it_value;	/* time left, 0 = off */
};

/*
 * it_real_fn - ITIMER_REAL of p (a group leader: only leaders arm one)
 * is due: SIGALRM to the group, then the next period.
 *
 * Called by do_timer with interrupts off. The next expiry counts from
 * this one, not from now, so that a periodic timer keeps its rate; whole
 * periods that ticks lost (QEMU can drop ticks under load) are skipped.
 */
void it_real_fn(struct task_struct *p)
{
	u64 now = (u64)jiffies * NSEC_PER_TICK, incr = p->it_real_incr;

	send_group_sig(SIGALRM, p, 1);
	if (!incr) {
		p->it_real_value = 0;
		return;
	}
	p->it_real_value += incr;
	if (p->it_real_value <= now)
		p->it_real_value += ((now - p->it_real_value) / incr + 1) * incr;
}

/*
 * One CPU-time timer of the group led by g: take a tick off; at zero,
 * signal the group and reload.
 */
static void it_cpu_tick(struct task_struct *g, u64 *value, u64 incr, int sig)
{
	if (!*value)
		return;
	if (*value > NSEC_PER_TICK) {
		*value -= NSEC_PER_TICK;
		return;
	}
	send_group_sig(sig, g, 1);
	*value = incr;
}

/*
 * do_process_times - charge the tick that found p running to its
 * process's CPU-time itimers (VIRTUAL only when it was in user mode),
 * which its group leader holds, and note p's resident set for
 * getrusage's ru_maxrss. Called by do_timer.
 */
void do_process_times(struct task_struct *p, int user)
{
	struct task_struct *g = p->group_leader;

	if (user)
		it_cpu_tick(g, &g->it_virt_value, g->it_virt_incr, SIGVTALRM);
	it_cpu_tick(g, &g->it_prof_value, g->it_prof_incr, SIGPROF);
	if (p->mm && p->mm->rss > p->maxrss)
		p->maxrss = p->mm->rss;
}

/* The time left on ITIMER_REAL; an armed timer never reads 0 (Linux). */
static u64 it_real_left(struct task_struct *p)
{
	u64 now = get_monotonic_ns();

	if (!p->it_real_value)
		return 0;
	return p->it_real_value > now ? p->it_real_value - now : NSEC_PER_USEC;
}

/*
 * Timer which of current's process (kept in its group leader), as value
 * left and period: 0 or -EINVAL.
 */
static int get_itimer(int which, u64 *value, u64 *incr)
{
	struct task_struct *g = current->group_leader;

	switch (which) {
	case ITIMER_REAL:
		*value = it_real_left(g);
		*incr = g->it_real_incr;
		return 0;
	case ITIMER_VIRTUAL:
		*value = g->it_virt_value;
		*incr = g->it_virt_incr;
		return 0;
	case ITIMER_PROF:
		*value = g->it_prof_value;
		*incr = g->it_prof_incr;
		return 0;
	}
	return -EINVAL;
}

/*
 * set_itimer - arm (value != 0) or disarm timer which of current's
 * process (its group leader holds the set). A CPU-time timer fires when
 * a tick takes its value to zero or below: a value under one tick fires
 * at the next tick that finds a thread of the process on the CPU.
 */
static int set_itimer(int which, u64 value, u64 incr)
{
	struct task_struct *g = current->group_leader;
	unsigned long flags;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (!value)
		incr = 0;
	save_flags(flags);
	cli();
	if (which == ITIMER_REAL) {
		g->it_real_value = value ? get_monotonic_ns() + value : 0;
		g->it_real_incr = incr;
	} else if (which == ITIMER_VIRTUAL) {
		g->it_virt_value = value;
		g->it_virt_incr = incr;
	} else {
		g->it_prof_value = value;
		g->it_prof_incr = incr;
	}
	restore_flags(flags);
	return 0;
}

/* A timeval setitimer accepts: both parts >= 0, usec under a second. */
static int timeval_valid(const struct timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 &&
	       tv->tv_usec < USEC_PER_SEC;
}

/* Copy a timer's value and period out to user space; 0 or -EFAULT. */
static int put_itimerval(struct itimerval *uval, u64 value, u64 incr)
{
	struct itimerval v;

	ns_to_timeval(value, &v.it_value);
	ns_to_timeval(incr, &v.it_interval);
	return memcpy_tofs(uval, &v, sizeof(v)) ? -EFAULT : 0;
}

/* getitimer (105): EINVAL for an unknown timer, EFAULT for value. */
long sys_getitimer(int which, struct itimerval *value)
{
	u64 v, incr;
	int err = get_itimer(which, &v, &incr);

	if (err)
		return err;
	return put_itimerval(value, v, incr);
}

/* A NULL value disarms the timer, as Linux still allows. */
long sys_setitimer(int which, const struct itimerval *value,
		   struct itimerval *ovalue)
{
	struct itimerval v = { { 0, 0 }, { 0, 0 } };
	u64 old, old_incr;
	int err;

	if (value && memcpy_fromfs(&v, value, sizeof(v)))
		return -EFAULT;
	if (!timeval_valid(&v.it_value) || !timeval_valid(&v.it_interval))
		return -EINVAL;
	err = get_itimer(which, &old, &old_incr);
	if (err)
		return err;
	set_itimer(which, timeval_to_ns(&v.it_value),
		   timeval_to_ns(&v.it_interval));
	return ovalue ? put_itimerval(ovalue, old, old_incr) : 0;
}

/*
 * alarm - ITIMER_REAL in whole seconds, one shot. Returns the seconds
 * that were left, rounded to the nearest, and 1 rather than 0 for a
 * timer still pending (Linux's alarm_setitimer).
 */
long sys_alarm(unsigned int seconds)
{
	u64 old, incr;
	struct timeval tv;

	if (seconds > ALARM_MAX)
		seconds = ALARM_MAX;
	get_itimer(ITIMER_REAL, &old, &incr);
	set_itimer(ITIMER_REAL, (u64)seconds * NSEC_PER_SEC, 0);
	ns_to_timeval(old, &tv);
	if ((!tv.tv_sec && tv.tv_usec) || tv.tv_usec >= USEC_PER_SEC / 2)
		tv.tv_sec++;
	return tv.tv_sec;
}
