/*
 * test_vsprintf.c - the kernel's vsnprintf (lib/vsprintf.c), on the host,
 * compared against what C's printf prints for the same format.
 */
#include <stdio.h>
#include "check.h"

#define vsnprintf kernel_vsnprintf
#define snprintf kernel_snprintf
#define sprintf kernel_sprintf
#include "../lib/vsprintf.c"
#undef vsnprintf
#undef snprintf
#undef sprintf

/* lib/string.c is the kernel's; the host libc's versions serve here. */

static void expect(const char *name, const char *want, const char *fmt, ...)
{
	char got[128];
	va_list ap;

	va_start(ap, fmt);
	kernel_vsnprintf(got, sizeof(got), fmt, ap);
	va_end(ap);
	case_begin(name);
	CHECK(!strcmp(got, want), "format \"%s\": expected \"%s\", got \"%s\"",
	      fmt, want, got);
	case_end();
}

static void test_truncation(void)
{
	char buf[8];
	int n;

	case_begin("vsprintf_truncates_and_terminates");
	memset(buf, 'x', sizeof(buf));
	n = kernel_snprintf(buf, 5, "%s-%d", "abcdef", 42);
	CHECK(n == 9, "expected length 9, got %d", n);
	CHECK(!strcmp(buf, "abcd"), "expected \"abcd\", got \"%s\"", buf);
	CHECK(buf[5] == 'x', "wrote past the buffer end");
	n = kernel_snprintf(buf, 0, "%d", 12345);
	CHECK(n == 5 && buf[0] == 'a', "size 0 must write nothing, got %d", n);
	case_end();
}

static void test_strtoul(void)
{
	char *end;

	case_begin("simple_strtoul_bases");
	CHECK(simple_strtoul("0x1fZ", &end, 0) == 0x1f && *end == 'Z',
	      "hex with prefix");
	CHECK(simple_strtoul("0755", NULL, 0) == 0755, "octal");
	CHECK(simple_strtoul("123abc", &end, 10) == 123 && *end == 'a',
	      "decimal stops at a letter");
	CHECK(simple_strtoul("ff", NULL, 16) == 255, "hex without prefix");
	case_end();
}

int main(void)
{
	expect("vsprintf_d", "-42", "%d", -42);
	expect("vsprintf_i", "17", "%i", 17);
	expect("vsprintf_u", "4294967295", "%u", 4294967295U);
	expect("vsprintf_x", "deadbeef", "%x", 0xdeadbeefU);
	expect("vsprintf_X", "DEADBEEF", "%X", 0xdeadbeefU);
	expect("vsprintf_p", "0xc0100000", "%p", (void *)0xc0100000);
	expect("vsprintf_p_small", "0x00001000", "%p", (void *)0x1000);
	expect("vsprintf_s", "hello", "%s", "hello");
	expect("vsprintf_s_null", "(null)", "%s", (char *)NULL);
	expect("vsprintf_c", "x", "%c", 'x');
	expect("vsprintf_percent", "100%", "%d%%", 100);
	expect("vsprintf_width", "   42", "%5d", 42);
	expect("vsprintf_zero_pad", "00042", "%05d", 42);
	expect("vsprintf_zero_pad_negative", "-0042", "%05d", -42);
	expect("vsprintf_left", "42   |", "%-5d|", 42);
	expect("vsprintf_hex_pad", "0000beef", "%08x", 0xbeef);
	expect("vsprintf_l", "-7 4000000000", "%ld %lu", -7L, 4000000000UL);
	expect("vsprintf_ll", "-5000000000 ffffffffff", "%lld %llx",
	       -5000000000LL, 0xffffffffffULL);
	expect("vsprintf_star", "[  ab]", "[%*s]", 4, "ab");
	expect("vsprintf_precision", "[abc]", "[%.3s]", "abcdef");
	expect("vsprintf_precision_star", "[ab]", "[%.*s]", 2, "abcdef");
	expect("vsprintf_int_min", "-2147483648", "%d", (int)0x80000000);
	expect("vsprintf_zero", "0 0", "%d %x", 0, 0);
	expect("vsprintf_unknown_conversion", "%q", "%q");
	test_truncation();
	test_strtoul();
	return check_summary();
}
