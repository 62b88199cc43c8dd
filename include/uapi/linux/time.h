#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

/*
 * The clocks and timers of Linux i386 (clock_gettime 265 and its
 * siblings, setitimer 104): shared by the kernel (linux/time.h) and our
 * libc (time.h, sys/time.h). The structures stay on each side, as each
 * spells time_t its own way; their layouts are Linux's.
 */
#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define CLOCK_TAI			11

#define TIMER_ABSTIME			0x01	/* clock_nanosleep's flag */

#define ITIMER_REAL			0
#define ITIMER_VIRTUAL			1
#define ITIMER_PROF			2

#endif
