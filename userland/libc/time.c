/*
 * time.c - reading and setting the clocks, sleeping, interval timers,
 * and the CPU time used.
 */
#include <time.h>
#include <errno.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/resource.h>
#include <sys/syscall.h>

time_t time(time_t *t)
{
	return syscall(__NR_time, t);
}

int gettimeofday(struct timeval *tv, struct timezone *tz)
{
	return syscall(__NR_gettimeofday, tv, tz);
}

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	return syscall(__NR_clock_gettime, clock, ts);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return syscall(__NR_nanosleep, req, rem);
}

/* Returns the seconds left if a signal cut the sleep short. */
unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { seconds, 0 }, rem;

	if (nanosleep(&req, &rem) < 0)
		return rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = { usec / 1000000, (usec % 1000000) * 1000 };

	return nanosleep(&req, NULL);
}

int clock_getres(clockid_t clock, struct timespec *res)
{
	return syscall(__NR_clock_getres, clock, res);
}

int clock_settime(clockid_t clock, const struct timespec *ts)
{
	return syscall(__NR_clock_settime, clock, ts);
}

/* POSIX: the error number comes back as the result; errno is left alone. */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req,
		    struct timespec *rem)
{
	int saved = errno, r;

	r = syscall(__NR_clock_nanosleep, clock, flags, req, rem);
	if (r < 0) {
		r = errno;
		errno = saved;
	}
	return r;
}

int settimeofday(const struct timeval *tv, const struct timezone *tz)
{
	return syscall(__NR_settimeofday, tv, tz);
}

int getitimer(int which, struct itimerval *value)
{
	return syscall(__NR_getitimer, which, value);
}

int setitimer(int which, const struct itimerval *value,
	      struct itimerval *ovalue)
{
	return syscall(__NR_setitimer, which, value, ovalue);
}

clock_t times(struct tms *buf)
{
	return syscall(__NR_times, buf);
}

int getrusage(int who, struct rusage *usage)
{
	return syscall(__NR_getrusage, who, usage);
}
