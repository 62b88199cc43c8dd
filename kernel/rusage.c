/*
 * rusage.c - what a process has used: times, getrusage, and the child's
 * share that wait4 hands to its parent.
 *
 * The scheduler keeps the counts (kernel/sched.c): CPU time by the clock
 * at every switch, a user/kernel sample at every tick, voluntary and
 * involuntary switches; the fault path counts page faults; the tick
 * samples the resident set. 1.2.13 had times and getrusage in
 * kernel/sys.c and filled only the times, in ticks.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/syscalls.h>
#include <asm/segment.h>
#include <linux/resource.h>
#include <asm/system.h>

#define PAGE_KB		(PAGE_SIZE / 1024)

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;	/* clock ticks */
};

/* p's peak resident set in pages: the tick's samples and what it has now. */
static unsigned long task_maxrss(struct task_struct *p)
{
	if (p->mm && p->mm->rss > p->maxrss)
		p->maxrss = p->mm->rss;
	return p->maxrss;
}

/* p's own use into *r (zeroed by the caller). */
static void rusage_self(struct task_struct *p, struct rusage *r)
{
	u64 ut, st;

	task_cputime_adjusted(p, &ut, &st);
	ns_to_timeval(ut, &r->ru_utime);
	ns_to_timeval(st, &r->ru_stime);
	r->ru_maxrss = task_maxrss(p) * PAGE_KB;
	r->ru_minflt = p->min_flt;
	r->ru_majflt = p->maj_flt;
	r->ru_nvcsw = p->nvcsw;
	r->ru_nivcsw = p->nivcsw;
}

/* The use of the children p has reaped, into *r (zeroed by the caller). */
static void rusage_children(struct task_struct *p, struct rusage *r)
{
	ns_to_timeval(p->cutime_ns, &r->ru_utime);
	ns_to_timeval(p->cstime_ns, &r->ru_stime);
	r->ru_maxrss = p->cmaxrss * PAGE_KB;
	r->ru_minflt = p->cmin_flt;
	r->ru_majflt = p->cmaj_flt;
	r->ru_nvcsw = p->cnvcsw;
	r->ru_nivcsw = p->cnivcsw;
}

/* Add what b counts to a (peak resident set: the larger). */
static void rusage_add(struct rusage *a, const struct rusage *b)
{
	ns_to_timeval(timeval_to_ns(&a->ru_utime) + timeval_to_ns(&b->ru_utime),
		      &a->ru_utime);
	ns_to_timeval(timeval_to_ns(&a->ru_stime) + timeval_to_ns(&b->ru_stime),
		      &a->ru_stime);
	if (b->ru_maxrss > a->ru_maxrss)
		a->ru_maxrss = b->ru_maxrss;
	a->ru_minflt += b->ru_minflt;
	a->ru_majflt += b->ru_majflt;
	a->ru_nvcsw += b->ru_nvcsw;
	a->ru_nivcsw += b->ru_nivcsw;
}

/*
 * The use of p's whole thread group: the sum over its living threads
 * (what threads that have exited used is not kept: a departure).
 */
static void rusage_group(struct task_struct *p, struct rusage *r)
{
	struct task_struct *t;
	struct rusage one;

	for_each_task(t)
		if (t->tgid == p->tgid) {
			memset(&one, 0, sizeof(one));
			rusage_self(t, &one);
			rusage_add(r, &one);
		}
}

/* getrusage (77): RUSAGE_SELF (the process), _THREAD or _CHILDREN. */
long sys_getrusage(int who, struct rusage *ru)
{
	struct rusage r;

	memset(&r, 0, sizeof(r));
	if (who == RUSAGE_SELF)
		rusage_group(current, &r);
	else if (who == RUSAGE_THREAD)
		rusage_self(current, &r);
	else if (who == RUSAGE_CHILDREN)
		rusage_children(current, &r);
	else
		return -EINVAL;
	return memcpy_tofs(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/* CPU time in the clock ticks of times(), rounded down. */
static long ns_to_clock_t(u64 ns)
{
	return ns / NSEC_PER_TICK;	/* USER_HZ is HZ on Lintel */
}

/* times: the same CPU times as getrusage, in ticks; returns the ticks since
 * boot (Linux starts them at an arbitrary value: only differences count). */
long sys_times(struct tms *tbuf)
{
	struct tms t;
	struct rusage r;

	if (tbuf) {
		memset(&r, 0, sizeof(r));
		rusage_group(current, &r);
		t.tms_utime = ns_to_clock_t(timeval_to_ns(&r.ru_utime));
		t.tms_stime = ns_to_clock_t(timeval_to_ns(&r.ru_stime));
		t.tms_cutime = ns_to_clock_t(current->cutime_ns);
		t.tms_cstime = ns_to_clock_t(current->cstime_ns);
		if (memcpy_tofs(tbuf, &t, sizeof(t)))
			return -EFAULT;
	}
	return jiffies;
}

/*
 * put_child_rusage - what wait4 reports of the child p it reaps: p's own
 * use plus that of the children p reaped, as Linux.
 */
int put_child_rusage(struct task_struct *p, struct rusage *ru)
{
	struct rusage r, c;

	memset(&r, 0, sizeof(r));
	memset(&c, 0, sizeof(c));
	rusage_self(p, &r);
	rusage_children(p, &c);
	rusage_add(&r, &c);
	return memcpy_tofs(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/*
 * add_child_times - the parent reaps zombie p: p's use, and what p had
 * collected from its own children, become the parent's children's use.
 */
void add_child_times(struct task_struct *parent, struct task_struct *p)
{
	u64 ut, st;
	unsigned long rss = task_maxrss(p);

	task_cputime_adjusted(p, &ut, &st);
	parent->cutime += p->utime + p->cutime;
	parent->cstime += p->stime + p->cstime;
	parent->cutime_ns += ut + p->cutime_ns;
	parent->cstime_ns += st + p->cstime_ns;
	parent->cmin_flt += p->min_flt + p->cmin_flt;
	parent->cmaj_flt += p->maj_flt + p->cmaj_flt;
	parent->cnvcsw += p->nvcsw + p->cnvcsw;
	parent->cnivcsw += p->nivcsw + p->cnivcsw;
	if (p->cmaxrss > rss)
		rss = p->cmaxrss;
	if (rss > parent->cmaxrss)
		parent->cmaxrss = rss;
}
