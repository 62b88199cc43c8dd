/*
 * time.c - reading the clocks and sleeping.
 */
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
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
