/*
 * test_libc.c - the C library itself: formatting, number parsing, the
 * allocator, strings, getopt, setjmp and sigsetjmp, errno names.
 */
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <unistd.h>
#include "check.h"

#define CHECK_FMT(want, fmt, ...)					\
	do {								\
		char _b[64];						\
		int _n = snprintf(_b, sizeof(_b), fmt, ##__VA_ARGS__);	\
		CHECK(!strcmp(_b, want) && _n == (int)strlen(want),	\
		      "\"%s\" gives \"%s\", got \"%s\" (%d)", fmt, want, \
		      _b, _n);						\
	} while (0)

static const char *volatile no_string;	/* NULL, unknown to gcc */

static void test_printf(void)
{
	char small[5];
	int n;

	case_begin("printf_formats");
	CHECK_FMT("42 -7 +3  5", "%d %i %+d % d", 42, -7, 3, 5);
	CHECK_FMT("ff FF 0xff 17 017", "%x %X %#x %o %#o", 255, 255, 255, 15,
		  15);
	CHECK_FMT("[   ab][ab   ][00042]", "[%5s][%-5s][%05d]", "ab", "ab",
		  42);
	CHECK_FMT("[-0042][  -42][x]", "[%05d][%*d][%c]", -42, 5, -42, 'x');
	CHECK_FMT("4294967295 -2147483648", "%u %d", 4294967295U, INT_MIN);
	CHECK_FMT("18446744073709551615 -9223372036854775807",
		  "%llu %lld", ~0ULL, -9223372036854775807LL);
	CHECK_FMT("abc|(null)|%", "%.3s|%s|%%", "abcdef", no_string);
	CHECK_FMT("0x1000 007", "%p %.3d", (void *)0x1000, 7);
	n = snprintf(small, sizeof(small), "%s", "truncated");
	CHECK(n == 9 && !strcmp(small, "trun"), "snprintf truncates to "
	      "\"trun\" and returns 9, got \"%s\" %d", small, n);
	case_end();
}

static void test_strtol(void)
{
	char *end;

	case_begin("strtol_strtoul_atoi");
	CHECK(strtol("  -123xyz", &end, 10) == -123 && !strcmp(end, "xyz"),
	      "-123 then \"xyz\"");
	CHECK(strtol("0x1F", NULL, 0) == 31 && strtol("017", NULL, 0) == 15,
	      "base 0 reads hex and octal");
	CHECK(strtoul("ffffffff", NULL, 16) == 0xffffffffUL, "0xffffffff");
	errno = 0;
	CHECK(strtol("99999999999", NULL, 10) == LONG_MAX && errno == ERANGE,
	      "overflow gives LONG_MAX and ERANGE");
	CHECK(strtol("-2147483648", NULL, 10) == LONG_MIN, "LONG_MIN fits");
	CHECK(strtol("zz", &end, 10) == 0 && !strcmp(end, "zz"),
	      "no digits: 0 and end at the start");
	CHECK(atoi("42") == 42 && atoi("-8") == -8, "atoi");
	case_end();
}

static void test_malloc(void)
{
	char *a = malloc(100), *b = malloc(5000), *c;
	int *z = calloc(1000, sizeof(int)), zero = 1;

	case_begin("malloc_calloc_realloc_free");
	CHECK(a && b && z, "allocations succeed");
	CHECK(((unsigned long)a & 7) == 0 && ((unsigned long)b & 7) == 0,
	      "8-byte aligned");
	memset(a, 'a', 100);
	memset(b, 'b', 5000);
	for (int i = 0; i < 1000; i++)
		zero &= z[i] == 0;
	CHECK(zero, "calloc zeroes");
	c = realloc(a, 10000);
	CHECK(c && c[0] == 'a' && c[99] == 'a', "realloc keeps contents");
	CHECK(b[0] == 'b' && b[4999] == 'b', "other blocks untouched");
	free(b);
	free(z);
	b = malloc(4000);
	CHECK(b != NULL, "reuse after free");
	free(b);
	free(c);
	CHECK(malloc((size_t)-16) == NULL, "an impossible size gives NULL");
	case_end();
}

static void test_strings(void)
{
	char buf[32] = "hello";
	char tok[] = "a,,b c";

	case_begin("string_functions");
	strcat(buf, " world");
	CHECK(!strcmp(buf, "hello world") && strlen(buf) == 11, "strcat");
	CHECK(strchr(buf, 'o') == buf + 4 && strrchr(buf, 'o') == buf + 7,
	      "strchr and strrchr");
	CHECK(strstr(buf, "wor") == buf + 6 && !strstr(buf, "xyz"), "strstr");
	CHECK(strncmp("abc", "abd", 2) == 0 && strcmp("abc", "abd") < 0,
	      "strcmp and strncmp");
	memmove(buf + 1, buf, 5);
	CHECK(!memcmp(buf, "hhello", 6), "memmove overlapping");
	CHECK(!strcmp(strtok(tok, ", "), "a") && !strcmp(strtok(NULL, ", "),
	      "b") && !strcmp(strtok(NULL, ", "), "c") && !strtok(NULL, ", "),
	      "strtok splits a,,b c");
	CHECK(!strcmp(strerror(ENOENT), "No such file or directory") &&
	      !strcmp(strerrorname_np(EPIPE), "EPIPE"), "errno texts");
	case_end();
}

static void test_getopt(void)
{
	char *argv[] = { "prog", "-ab", "-c", "val", "-dval2", "--", "-e",
			 NULL };
	int argc = 7, c;
	char seen[16] = "";

	case_begin("getopt_groups_arguments_and_double_dash");
	opterr = 0;
	while ((c = getopt(argc, argv, "abc:d:")) != -1) {
		strncat(seen, (char *)&c, 1);
		if (optarg)
			strcat(seen, c == 'c' ? "=" : "+");
	}
	CHECK(!strcmp(seen, "abc=d+"), "options \"abc=d+\", got \"%s\"",
	      seen);
	CHECK(optind == 6 && !strcmp(argv[optind], "-e"),
	      "optind 6 at \"-e\", got %d", optind);
	case_end();
}

static jmp_buf env;
static sigjmp_buf senv;

static volatile int jump_armed = 1;

/*
 * Unwind several frames at once. jump_armed is always set; it only keeps
 * gcc from taking a recursion that never returns for a mistake.
 */
static void jump_back(int depth)
{
	if (depth > 0)
		jump_back(depth - 1);
	else if (jump_armed)
		longjmp(env, 7);
}

static void on_usr1(int sig)
{
	siglongjmp(senv, sig);
}

static void test_setjmp(void)
{
	volatile int passes = 0;
	sigset_t now;
	int r;

	case_begin("setjmp_longjmp_and_sigsetjmp_mask");
	r = setjmp(env);
	passes++;
	if (r == 0)
		jump_back(5);
	CHECK(r == 7 && passes == 2, "setjmp returns 7 the second time, got "
	      "%d after %d passes", r, passes);
	signal(SIGUSR1, on_usr1);
	r = sigsetjmp(senv, 1);
	if (r == 0)
		raise(SIGUSR1);
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(r == SIGUSR1, "sigsetjmp returns SIGUSR1, got %d", r);
	CHECK(!sigismember(&now, SIGUSR1),
	      "siglongjmp out of the handler restored the mask");
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

int main(void)
{
	test_printf();
	test_strtol();
	test_malloc();
	test_strings();
	test_getopt();
	test_setjmp();
	return check_summary();
}
