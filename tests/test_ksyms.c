/*
 * test_ksyms.c - address-to-name lookup (kernel/ksyms.c) over a small
 * table shaped like the one scripts/mksyms.py writes.
 */
#include "check.h"
#include "../kernel/ksyms.c"

static const unsigned long addrs[] = { 0xc0100000, 0xc0100040, 0xc0100100 };
static const unsigned long names[] = { 0, 7, 20 };
static const char strings[] = "_start\0start_kernel\0do_page_fault";
static const struct ksym_table table = {
	3, addrs, names, strings, 0xc0100180
};

static void expect(unsigned long addr, const char *want, unsigned long off,
		   unsigned long size)
{
	unsigned long o = 0, s = 0;
	const char *got = ksym_search(&table, addr, &o, &s);
	char name[64];

	snprintf(name, sizeof(name), "ksyms_lookup_%08lx", addr);
	case_begin(name);
	if (!want)
		CHECK(got == NULL, "expected no symbol, got %s", got);
	else
		CHECK(got && !strcmp(got, want) && o == off && s == size,
		      "expected %s+0x%lx/0x%lx, got %s+0x%lx/0x%lx", want, off,
		      size, got ? got : "(none)", o, s);
	case_end();
}

int main(void)
{
	expect(0xc0100000, "_start", 0, 0x40);
	expect(0xc010003f, "_start", 0x3f, 0x40);
	expect(0xc0100040, "start_kernel", 0, 0xc0);
	expect(0xc0100123, "do_page_fault", 0x23, 0x80);
	expect(0xc00fffff, NULL, 0, 0);
	expect(0xc0100180, NULL, 0, 0);
	return check_summary();
}
