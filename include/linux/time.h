#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

/*
 * Time as the kernel keeps it (kernel/time.c) and as programs see it
 * (kernel/clock.c, kernel/itimer.c). docs/08-time.md walks through it.
 *
 * The PIT interrupts HZ times a second and jiffies counts the ticks.
 * Between two ticks, do_gettimeoffset() says how far we are into the
 * current one: from the TSC when the CPU has one, else from the PIT's own
 * down-counter as 1.2.13 did. Sleeps and timers still wake on ticks.
 */
#include <linux/types.h>
#include <uapi/linux/time.h>	/* CLOCK_*, TIMER_ABSTIME, ITIMER_* */

#define NSEC_PER_USEC	1000L
#define USEC_PER_SEC	1000000L
#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_TICK	(NSEC_PER_SEC / HZ)
#define USEC_PER_TICK	(USEC_PER_SEC / HZ)

/* The layouts of Linux i386: 32-bit fields, and the time64 ones. */
struct timespec {
	long tv_sec;
	long tv_nsec;
};

struct timeval {
	long tv_sec;
	long tv_usec;
};

/* utime's argument, in seconds (Linux's uapi/linux/utime.h) */
struct utimbuf {
	long actime;		/* access time: not kept (one time per inode) */
	long modtime;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

/* kernel/time.c: the clock */
extern unsigned long tsc_khz;		/* 0 when the PIT interpolates */
u64 get_monotonic_ns(void);
u64 __get_monotonic_ns(void);	/* interrupts off */
u64 sched_clock(void);
void getnstimeofday(struct timespec *ts);
void do_gettimeofday(struct timeval *tv);
int do_settimeofday(const struct timespec *ts);
unsigned long get_seconds(void);
void get_monotonic(struct timespec *ts);
void get_monotonic_coarse(struct timespec *ts);
void current_kernel_time(struct timespec *ts);
long clock_resolution_ns(void);
int set_clocksource(const char *name);

/* kernel/time.c: sleeping until a tick (select and poll use these too) */
unsigned long timeout_after_ns(u64 ns);
u64 timeout_left_ns(unsigned long timeout);
int timespec_valid(const struct timespec *ts);
u64 timespec_to_ns(const struct timespec *ts);
u64 timeval_to_ns(const struct timeval *tv);
void ns_to_timespec(u64 ns, struct timespec *ts);
void ns_to_timeval(u64 ns, struct timeval *tv);

#endif
