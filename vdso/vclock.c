/*
 * vclock.c - the vDSO's clocks: clock_gettime, gettimeofday and time
 * answered in user mode from the data page (include/asm/vdso.h) that the
 * timer keeps, as Linux's vDSO answers them (arch/x86/entry/vdso). 1.2.13
 * had no vDSO: every reading was a system call.
 *
 * This code runs in the user's process, at VDSO_BASE, with the user's
 * stack and privileges: no kernel symbol, no libc, no relocation. What
 * it cannot answer (the CPU-time clocks, a time zone, a clock the PIT
 * interpolates) it asks the kernel with int 0x80, so that every answer
 * and every error is the system call's.
 */
#include <asm/vdso.h>
#include <asm/unistd.h>
#include <linux/time.h>

#define NSEC_PER_SEC	1000000000UL
#define NSEC_PER_USEC	1000UL

struct vdso_timespec {		/* Linux i386's 32-bit struct timespec */
	long tv_sec;
	long tv_nsec;
};

struct vdso_timespec64 {	/* struct __kernel_timespec */
	long long tv_sec;
	long long tv_nsec;
};

struct vdso_timeval {
	long tv_sec;
	long tv_usec;
};

#define vdata	((const volatile struct vdso_data *)VVAR_BASE)

/* What the dynamic symbol table exports (vdso.lds.S). */
long __vdso_clock_gettime(long clock, struct vdso_timespec *ts);
long __vdso_clock_gettime64(long clock, struct vdso_timespec64 *ts);
long __vdso_gettimeofday(struct vdso_timeval *tv, void *tz);
long __vdso_time(long *t);

/* A system call with two arguments, as __kernel_vsyscall's int80 form. */
static long vsyscall2(long nr, long a, long b)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b)
			 : "memory");
	return ret;
}

/* The TSC, as time.c's rdtsc reads it. */
static inline unsigned long long vread_tsc(void)
{
	unsigned long long t;

	__asm__ volatile("rdtsc" : "=A"(t));
	return t;
}

/*
 * Uptime as ticks and nanoseconds into the next one, read as a whole
 * between two equal, even values of seq; time.c's do_fast_gettimeoffset
 * and read_clock with the TSC. Returns 0 when the kernel must be asked
 * (no TSC clock).
 */
static int vread_uptime(unsigned long *ticks, unsigned long *offset)
{
	unsigned long seq;
	unsigned long long cycles;

	do {
		seq = vdata->seq;
		__asm__ volatile("" ::: "memory");
		if (vdata->vclock_mode != VCLOCK_TSC)
			return 0;
		*ticks = vdata->jiffies;
		cycles = vread_tsc() - vdata->last_tsc;
		if (cycles >= vdata->tsc_per_tick)
			*offset = vdata->nsec_per_tick - 1;
		else
			*offset = ((unsigned long long)(unsigned long)cycles *
				   vdata->tsc_mult) >> vdata->tsc_shift;
		__asm__ volatile("" ::: "memory");
	} while ((seq & 1) || seq != vdata->seq);
	return 1;
}

/*
 * The clocks time.c keeps, in seconds and nanoseconds: the fine ones
 * interpolate with the TSC, the COARSE ones stop at the last tick. 0:
 * the kernel must answer (another clock, or no TSC clock).
 */
static int do_vclock(long clock, long *sec, long *nsec)
{
	unsigned long ticks, offset = 0, hz = vdata->hz;
	int wall = 0;

	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		wall = 1;
		/* fall through */
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		if (!vread_uptime(&ticks, &offset))
			return 0;
		break;
	case CLOCK_REALTIME_COARSE:
		wall = 1;
		/* fall through */
	case CLOCK_MONOTONIC_COARSE:
		ticks = vdata->jiffies;
		break;
	default:
		return 0;
	}
	*sec = ticks / hz;
	*nsec = ticks % hz * vdata->nsec_per_tick + offset;
	if (wall) {
		*sec += vdata->startup_time;
		*nsec += vdata->startup_nsec;
		if (*nsec >= (long)NSEC_PER_SEC) {
			*nsec -= NSEC_PER_SEC;
			(*sec)++;
		}
	}
	return 1;
}

/* clock_gettime with the 32-bit timespec (glibc before time64, musl). */
long __vdso_clock_gettime(long clock, struct vdso_timespec *ts)
{
	long sec, nsec;

	if (!do_vclock(clock, &sec, &nsec))
		return vsyscall2(__NR_clock_gettime, clock, (long)ts);
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return 0;
}

/* clock_gettime with the time64 timespec (glibc's first choice). */
long __vdso_clock_gettime64(long clock, struct vdso_timespec64 *ts)
{
	long sec, nsec;

	if (!do_vclock(clock, &sec, &nsec))
		return vsyscall2(__NR_clock_gettime64, clock, (long)ts);
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return 0;
}

/* gettimeofday: the kernel keeps the time zone, so tz asks it. */
long __vdso_gettimeofday(struct vdso_timeval *tv, void *tz)
{
	long sec, nsec;

	if (tz || !tv || !do_vclock(CLOCK_REALTIME, &sec, &nsec))
		return vsyscall2(__NR_gettimeofday, (long)tv, (long)tz);
	tv->tv_sec = sec;
	tv->tv_usec = nsec / NSEC_PER_USEC;
	return 0;
}

/* time: REALTIME's seconds, also at *t if given. */
long __vdso_time(long *t)
{
	long sec, nsec;

	if (!do_vclock(CLOCK_REALTIME, &sec, &nsec))
		return vsyscall2(__NR_time, (long)t, 0);
	if (t)
		*t = sec;
	return sec;
}
