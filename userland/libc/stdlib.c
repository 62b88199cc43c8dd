/*
 * stdlib.c - number parsing, the environment, abort.
 */
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <unistd.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 99;
}

/* Skip "0x" or "0" as the base asks; base 0 means "as C writes it". */
static const char *base_prefix(const char *s, int *base)
{
	int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
		  isxdigit(s[2]);

	if ((*base == 0 || *base == 16) && hex) {
		*base = 16;
		return s + 2;
	}
	if (*base == 0)
		*base = s[0] == '0' ? 8 : 10;
	return s;
}

/* Parse the magnitude; sets *overflow if it exceeds limit. */
static unsigned long parse_digits(const char **sp, int base,
				  unsigned long limit, int *overflow)
{
	unsigned long v = 0;
	const char *s = *sp;
	int d;

	*overflow = 0;
	for (; (d = digit_value(*s)) < base; s++) {
		if (v > (limit - d) / base)
			*overflow = 1;
		else
			v = v * base + d;
	}
	*sp = s;
	return v;
}

/* The magnitude of the number in s; *negative says if it had a '-'. */
static unsigned long parse_number(const char *s, char **end, int base,
				  int is_signed, int *negative)
{
	const char *start = s, *digits;
	unsigned long v, limit;
	int overflow;

	while (isspace(*s))
		s++;
	*negative = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	limit = is_signed ? LONG_MAX + (unsigned long)*negative : ULONG_MAX;
	digits = s = base_prefix(s, &base);
	v = parse_digits(&s, base, limit, &overflow);
	if (end)
		*end = (char *)(s == digits ? start : s);
	if (overflow) {
		errno = ERANGE;
		return limit;
	}
	return v;
}

long strtol(const char *s, char **end, int base)
{
	int negative;
	unsigned long v = parse_number(s, end, base, 1, &negative);

	return negative ? -(long)(v - 1) - 1 : (long)v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	int negative;
	unsigned long v = parse_number(s, end, base, 0, &negative);

	return negative && v != ULONG_MAX ? -v : v;
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

int atoi(const char *s)
{
	return strtol(s, NULL, 10);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

char *getenv(const char *name)
{
	size_t n = strlen(name);

	for (char **e = environ; e && *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

/* Die by SIGABRT even if it is caught or ignored. */
void abort(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t set;

	raise(SIGABRT);
	sigaction(SIGABRT, &dfl, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	_exit(127);
}

static void swap_bytes(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/*
 * Insertion sort: quadratic, but the lists here (a directory, a process
 * table) are short, and it is stable and easy to follow.
 */
void qsort(void *base, size_t n, size_t size,
	   int (*cmp)(const void *, const void *))
{
	char *a = base;

	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 &&
		     cmp(a + (j - 1) * size, a + j * size) > 0; j--)
			swap_bytes(a + (j - 1) * size, a + j * size, size);
}
