/* sys/times.h - times (43): CPU times in clock ticks. */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>

typedef long clock_t;

struct tms {
	clock_t tms_utime;
	clock_t tms_stime;
	clock_t tms_cutime;
	clock_t tms_cstime;
};

clock_t times(struct tms *buf);

#endif
