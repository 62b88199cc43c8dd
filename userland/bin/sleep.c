/* sleep - wait for the given number of seconds (a fraction is allowed). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define NSEC_PER_SEC	1000000000L

/* "1.25" -> 1 s 250000000 ns; anything else after the number is an error. */
static int parse_seconds(const char *s, struct timespec *ts)
{
	char *end;
	long scale = NSEC_PER_SEC / 10;

	ts->tv_sec = strtol(s, &end, 10);
	ts->tv_nsec = 0;
	if (end == s && *end != '.')
		return -1;
	if (*end == '.')
		for (end++; *end >= '0' && *end <= '9'; end++, scale /= 10)
			ts->tv_nsec += (*end - '0') * scale;
	return *end || ts->tv_sec < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct timespec ts;

	if (argc != 2 || parse_seconds(argv[1], &ts) < 0) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 1;
	}
	while (nanosleep(&ts, &ts) < 0)
		;		/* a handled signal: sleep the rest */
	return 0;
}
