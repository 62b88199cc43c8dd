/* time.h - seconds, clocks and sleeping. */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>

#include <linux/time.h>	/* include/uapi/linux/time.h: CLOCK_*, TIMER_ABSTIME */

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

time_t time(time_t *t);
int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_settime(clockid_t clock, const struct timespec *ts);
int clock_getres(clockid_t clock, struct timespec *res);
int nanosleep(const struct timespec *req, struct timespec *rem);
/* Returns the error number itself, not -1 (POSIX). */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req,
		    struct timespec *rem);

#endif
