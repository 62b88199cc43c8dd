/*
 * clock.c - the time system calls: reading, setting and sleeping on the
 * clocks that kernel/time.c keeps.
 *
 * Linux i386 has each call twice: with a 32-bit struct timespec and with
 * the time64 one (403 clock_gettime64 and its siblings) that glibc tries
 * first. Both go through the same code here; Lintel's own clock is 32-bit
 * (seconds until 2038), so time64 seconds beyond it are cut to 2038.
 *
 * 1.2.13 had time, stime, gettimeofday and settimeofday (kernel/time.c)
 * and nanosleep did not exist yet; the clock_* calls are POSIX.1b, from
 * Linux 2.6.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/time.h>
#include <linux/syscalls.h>
#include <asm/segment.h>

#define LONG_MAX_SEC	0x7FFFFFFFLL

/*
 * A CPU-time clock of another process, as glibc's clock_getcpuclockid
 * makes it: ~pid << 3 | per-thread bit | which (Linux's CPUCLOCK_*).
 */
#define CPUCLOCK_PID(c)		(~((c) >> 3))
#define CPUCLOCK_PERTHREAD	4
#define CPUCLOCK_WHICH(c)	((c) & 3)
#define CPUCLOCK_PROF		0
#define CPUCLOCK_VIRT		1
#define CPUCLOCK_SCHED		2
#define CPUCLOCK_MAX		3
#define CLOCK_IS_CPU(c)		((c) < 0 || (c) == CLOCK_PROCESS_CPUTIME_ID || \
				 (c) == CLOCK_THREAD_CPUTIME_ID)
#define TZ_MAX_MINUTES		(15 * 60)

static struct timezone sys_tz;

/* ---- the two user layouts of a timespec ------------------------------- */

/*
 * Copy a timespec in from user space, in the 32-bit layout or the time64
 * one; 0 or -EFAULT. The check of its values is the caller's.
 */
int get_timespec(struct timespec *ts, const void *u, int time64)
{
	struct __kernel_timespec t64;

	if (!time64)
		return memcpy_fromfs(ts, u, sizeof(*ts)) ? -EFAULT : 0;
	if (memcpy_fromfs(&t64, u, sizeof(t64)))
		return -EFAULT;
	if (t64.tv_sec > LONG_MAX_SEC)
		t64.tv_sec = LONG_MAX_SEC;
	if (t64.tv_sec < -LONG_MAX_SEC)
		t64.tv_sec = -LONG_MAX_SEC;
	ts->tv_sec = t64.tv_sec;
	ts->tv_nsec = (long)t64.tv_nsec;	/* Linux ignores the top half */
	return 0;
}

/* Copy a timespec out, in either layout; 0 or -EFAULT. */
int put_timespec(const struct timespec *ts, void *u, int time64)
{
	struct __kernel_timespec t64 = { ts->tv_sec, ts->tv_nsec };

	if (!time64)
		return memcpy_tofs(u, ts, sizeof(*ts)) ? -EFAULT : 0;
	return memcpy_tofs(u, &t64, sizeof(t64)) ? -EFAULT : 0;
}

/* ---- which clock ------------------------------------------------------ */

/*
 * cpu_clock_task - the task whose CPU time clock id counts, and which of
 * its times (CPUCLOCK_*). NULL for an id Linux refuses with EINVAL.
 */
static struct task_struct *cpu_clock_task(int which, int *kind)
{
	pid_t pid;

	if (which == CLOCK_PROCESS_CPUTIME_ID ||
	    which == CLOCK_THREAD_CPUTIME_ID) {
		*kind = CPUCLOCK_SCHED;
		return current;
	}
	*kind = CPUCLOCK_WHICH(which);
	if (*kind >= CPUCLOCK_MAX)
		return NULL;
	pid = CPUCLOCK_PID(which);
	return pid ? find_task_by_pid(pid) : current;
}

/* One thread's CPU time of the kind a CPU clock counts. */
static u64 thread_cputime(struct task_struct *t, int kind)
{
	u64 ut, st;

	if (kind == CPUCLOCK_SCHED)
		return task_sched_runtime(t);
	task_cputime_adjusted(t, &ut, &st);
	return kind == CPUCLOCK_VIRT ? ut : ut + st;
}

/*
 * Read a CPU-time clock: a thread's own, or its process's, the sum over
 * the living threads of its group (the time of threads that have exited
 * is not kept: a departure from Linux). 0, or -EINVAL for a bad id.
 */
static int cpu_clock_get(int which, struct timespec *ts)
{
	struct task_struct *p, *t;
	u64 sum = 0;
	int kind;

	p = cpu_clock_task(which, &kind);
	if (!p)
		return -EINVAL;
	if (which == CLOCK_THREAD_CPUTIME_ID ||
	    (which < 0 && (which & CPUCLOCK_PERTHREAD))) {
		ns_to_timespec(thread_cputime(p, kind), ts);
		return 0;
	}
	for_each_task(t)
		if (t->tgid == p->tgid)
			sum += thread_cputime(t, kind);
	ns_to_timespec(sum, ts);
	return 0;
}

/*
 * do_clock_gettime - read clock which. The fine clocks interpolate
 * within the tick; the COARSE ones are the time of the last tick, as on
 * Linux. BOOTTIME is MONOTONIC (Lintel never suspends), RAW is MONOTONIC
 * (nothing slews it) and TAI is REALTIME (no leap-second offset is set).
 */
static int do_clock_gettime(int which, struct timespec *ts)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		getnstimeofday(ts);
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		get_monotonic(ts);
		return 0;
	case CLOCK_REALTIME_COARSE:
		current_kernel_time(ts);
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		get_monotonic_coarse(ts);
		return 0;
	}
	if (CLOCK_IS_CPU(which))
		return cpu_clock_get(which, ts);
	return -EINVAL;
}

/*
 * do_clock_getres - the truth about each clock: one step of the TSC (or
 * of the PIT) for the fine clocks and the scheduler's CPU time, a tick
 * for the COARSE ones and for the tick-sampled PROF and VIRT CPU clocks.
 */
static int do_clock_getres(int which, struct timespec *ts)
{
	struct timespec dummy;
	int kind;

	ts->tv_sec = 0;
	ts->tv_nsec = clock_resolution_ns();
	if (which == CLOCK_REALTIME_COARSE || which == CLOCK_MONOTONIC_COARSE) {
		ts->tv_nsec = NSEC_PER_TICK;
		return 0;
	}
	if (!CLOCK_IS_CPU(which))
		return do_clock_gettime(which, &dummy);
	if (!cpu_clock_task(which, &kind))
		return -EINVAL;
	if (kind != CPUCLOCK_SCHED)
		ts->tv_nsec = NSEC_PER_TICK;
	return 0;
}

/* clock_gettime (265) and clock_gettime64 (403): EINVAL, then EFAULT. */
static int clock_gettime_common(int which, void *tp, int time64)
{
	struct timespec ts;
	int err = do_clock_gettime(which, &ts);

	return err ? err : put_timespec(&ts, tp, time64);
}

/* clock_gettime (265): the 32-bit timespec; seconds end in 2038. */
long sys_clock_gettime(int which, struct timespec *tp)
{
	return clock_gettime_common(which, tp, 0);
}

/* clock_gettime64 (403): the time64 timespec, glibc's first choice. */
long sys_clock_gettime64(int which, struct __kernel_timespec *tp)
{
	return clock_gettime_common(which, tp, 1);
}

/* clock_getres (266) and clock_getres_time64 (406); tp may be NULL. */
static int clock_getres_common(int which, void *tp, int time64)
{
	struct timespec ts;
	int err = do_clock_getres(which, &ts);

	if (err || !tp)
		return err;
	return put_timespec(&ts, tp, time64);
}

/* clock_getres (266): the resolution in the 32-bit timespec. */
long sys_clock_getres(int which, struct timespec *tp)
{
	return clock_getres_common(which, tp, 0);
}

/* clock_getres_time64 (406): the same in the time64 timespec. */
long sys_clock_getres_time64(int which, struct __kernel_timespec *tp)
{
	return clock_getres_common(which, tp, 1);
}

/* ---- setting the time --------------------------------------------------- */

/* Only the wall clock can be set, only by root, never to before boot. */
static int set_realtime(const struct timespec *ts)
{
	if (!timespec_valid(ts))
		return -EINVAL;
	if (current->euid != 0)
		return -EPERM;
	return do_settimeofday(ts);
}

/*
 * clock_settime: REALTIME only. Another process's CPU clock (a negative
 * id) exists but cannot be set: EPERM once the id is known good; every
 * other id is EINVAL, before the pointer is even read (Linux's order).
 */
static int clock_settime_common(int which, const void *tp, int time64)
{
	struct timespec ts;
	int kind, err;

	if (which < 0)
		return cpu_clock_task(which, &kind) ? -EPERM : -EINVAL;
	if (which != CLOCK_REALTIME)
		return -EINVAL;
	err = get_timespec(&ts, tp, time64);
	return err ? err : set_realtime(&ts);
}

/* clock_settime (264): root sets REALTIME from a 32-bit timespec. */
long sys_clock_settime(int which, const struct timespec *tp)
{
	return clock_settime_common(which, tp, 0);
}

/*
 * clock_settime64 (404): the same from a time64 timespec; seconds past
 * 2038 are cut to it (get_timespec).
 */
long sys_clock_settime64(int which, const struct __kernel_timespec *tp)
{
	return clock_settime_common(which, tp, 1);
}

/* time (13): REALTIME's seconds, also stored at *tloc if given. */
long sys_time(long *tloc)
{
	long t = get_seconds();

	if (tloc && memcpy_tofs(tloc, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

/* gettimeofday (78): REALTIME to the microsecond; either may be NULL. */
long sys_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	struct timeval now;

	if (tv) {
		do_gettimeofday(&now);
		if (memcpy_tofs(tv, &now, sizeof(now)))
			return -EFAULT;
	}
	if (tz && memcpy_tofs(tz, &sys_tz, sizeof(sys_tz)))
		return -EFAULT;
	return 0;
}

/*
 * settimeofday: both arguments optional; root only even with neither,
 * as on Linux. The time zone is only stored and given back.
 */
long sys_settimeofday(const struct timeval *tv, const struct timezone *tz)
{
	struct timeval v;
	struct timespec ts;
	struct timezone z;

	if (tv && memcpy_fromfs(&v, tv, sizeof(v)))
		return -EFAULT;
	if (tv && (v.tv_usec < 0 || v.tv_usec >= USEC_PER_SEC || v.tv_sec < 0))
		return -EINVAL;
	if (tz && memcpy_fromfs(&z, tz, sizeof(z)))
		return -EFAULT;
	if (current->euid != 0)
		return -EPERM;
	if (tz) {
		if (z.tz_minuteswest > TZ_MAX_MINUTES ||
		    z.tz_minuteswest < -TZ_MAX_MINUTES)
			return -EINVAL;
		sys_tz = z;
	}
	if (!tv)
		return 0;
	ts.tv_sec = v.tv_sec;
	ts.tv_nsec = v.tv_usec * NSEC_PER_USEC;
	return set_realtime(&ts);
}

/* ---- sleeping ---------------------------------------------------------- */

/*
 * do_nanosleep - sleep until CLOCK_MONOTONIC reads end, or a signal.
 *
 * Each round sleeps to the tick that timeout_after_ns chose, then asks
 * the clock: the sleep ends when the clock says so, never before. Returns
 * 0, or -EINTR with the time still to go in *left.
 */
static int do_nanosleep(u64 end, u64 *left)
{
	u64 now;

	while ((now = get_monotonic_ns()) < end) {
		current->timeout = timeout_after_ns(end - now);
		while (current->timeout && !signal_pending(current)) {
			current->state = TASK_INTERRUPTIBLE;
			schedule();
		}
		current->timeout = 0;
		if (signal_pending(current)) {
			now = get_monotonic_ns();
			*left = end > now ? end - now : 0;
			return -EINTR;
		}
	}
	return 0;
}

/*
 * A sleep on a process CPU-time clock: only a signal ends it, unless the
 * time asked for has already come. For a process of one thread that is
 * Linux's behaviour too (its clock stops while it sleeps); where other
 * threads, or another process, run on, Linux would wake when they have
 * run enough and Lintel does not (a departure nothing here relies on).
 */
static int cpu_nanosleep(int which, int flags, const struct timespec *t,
			 u64 *left)
{
	struct timespec now;
	u64 end;

	if ((which & CPUCLOCK_PERTHREAD) || cpu_clock_get(which, &now))
		return -EINVAL;
	end = timespec_to_ns(t);
	if (!(flags & TIMER_ABSTIME))
		end += timespec_to_ns(&now);
	if (end <= timespec_to_ns(&now))
		return 0;
	while (!signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	*left = end - timespec_to_ns(&now);
	return -EINTR;
}

/* When a sleep on which that asks for *t ends, on CLOCK_MONOTONIC. */
static u64 sleep_end(int which, int flags, const struct timespec *t)
{
	struct timespec now;
	u64 mono = get_monotonic_ns(), want = timespec_to_ns(t), real;

	if (!(flags & TIMER_ABSTIME))
		return mono + want;
	if (which != CLOCK_REALTIME && which != CLOCK_TAI)
		return want;
	/* An absolute REALTIME sleep does not follow a later settimeofday. */
	getnstimeofday(&now);
	real = timespec_to_ns(&now);
	return want > real ? mono + (want - real) : mono;
}

/*
 * clock_nanosleep: the clock must be one that can be slept on (the
 * COARSE and RAW ones and the thread's CPU clock cannot: EOPNOTSUPP, as
 * Linux), then the request is read and checked. The time left is written
 * only for a relative sleep that a signal cut short.
 */
static int clock_nanosleep_common(int which, int flags, const void *rqtp,
				  void *rmtp, int time64)
{
	struct timespec t;
	u64 left = 0;
	int err;

	if (which == CLOCK_MONOTONIC_RAW || which == CLOCK_REALTIME_COARSE ||
	    which == CLOCK_MONOTONIC_COARSE || which == CLOCK_THREAD_CPUTIME_ID)
		return -EOPNOTSUPP;
	if (do_clock_gettime(which, &t))
		return -EINVAL;
	err = get_timespec(&t, rqtp, time64);
	if (err)
		return err;
	if (!timespec_valid(&t))
		return -EINVAL;
	if (CLOCK_IS_CPU(which))
		err = cpu_nanosleep(which, flags, &t, &left);
	else
		err = do_nanosleep(sleep_end(which, flags, &t), &left);
	if (err == -EINTR && rmtp && !(flags & TIMER_ABSTIME)) {
		ns_to_timespec(left, &t);
		if (put_timespec(&t, rmtp, time64))
			return -EFAULT;
	}
	return err;
}

/* clock_nanosleep (267): request and remainder in 32-bit timespecs. */
long sys_clock_nanosleep(int which, int flags, const struct timespec *rqtp,
			 struct timespec *rmtp)
{
	return clock_nanosleep_common(which, flags, rqtp, rmtp, 0);
}

/*
 * clock_nanosleep_time64 (407): the same in time64 timespecs; glibc's
 * sleep, usleep and nanosleep all come here first.
 */
long sys_clock_nanosleep_time64(int which, int flags,
				const struct __kernel_timespec *rqtp,
				struct __kernel_timespec *rmtp)
{
	return clock_nanosleep_common(which, flags, rqtp, rmtp, 1);
}

/* nanosleep is a relative sleep on CLOCK_MONOTONIC (Linux's choice too). */
long sys_nanosleep(const struct timespec *rqtp, struct timespec *rmtp)
{
	return clock_nanosleep_common(CLOCK_MONOTONIC, 0, rqtp, rmtp, 0);
}
