/*
 * selftest.c - the in-kernel tests that test=NAME[,NAME...] runs.
 *
 * Each test prints "test <case>: OK|FAILED (...)" lines through the KCHECK
 * helpers; at the end we print "N passed, N failed" and end QEMU with the
 * verdict (status 0 or 1).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/selftest.h>
#include <linux/reboot.h>
#include <linux/mm.h>

int kcheck_passed, kcheck_failed, kcheck_case_failed;
const char *kcheck_case_name;

static const struct selftest selftests[] = {
	{ "printk", selftest_printk },
	{ "timer", selftest_timer },
	{ "clock", selftest_clock },
	{ "initramfs", selftest_initramfs },
	{ "mm_alloc", selftest_mm_alloc },
	{ "mm_fault", selftest_mm_fault },
	{ "mm_vma", selftest_mm_vma },
	{ "mm_bigmem", selftest_mm_bigmem },
	{ "hd", selftest_hd },
	{ "exec_share", selftest_exec_share },
	{ "swap", selftest_swap },
	{ "oops", selftest_oops },
};

/* Start case name: the KCHECKs until kcase_end count towards it. */
void kcase_begin(const char *name)
{
	kcheck_case_name = name;
	kcheck_case_failed = 0;
}

/* End the case: a pass and its OK line, or a failure if a KCHECK failed. */
void kcase_end(void)
{
	if (kcheck_case_failed) {
		kcheck_failed++;
		return;
	}
	kcheck_passed++;
	printk("test %s: OK\n", kcheck_case_name);
}

/*
 * A failed KCHECK: the case's FAILED line with what was expected and
 * where, or an "also" line for a later failure in the same case.
 */
void kcheck_fail(const char *file, int line, const char *fmt, ...)
{
	va_list args;

	printk(kcheck_case_failed ? "    also (" : "test %s: FAILED (",
	       kcheck_case_name);
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	printk(") at %s:%d\n", file, line);
	kcheck_case_failed = 1;
}

/* The suite whose name is the len bytes at name, or NULL. */
static const struct selftest *find_selftest(const char *name, int len)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(selftests); i++)
		if ((int)strlen(selftests[i].name) == len &&
		    !strncmp(selftests[i].name, name, len))
			return &selftests[i];
	return NULL;
}

/* names: "a,b,c" or "all" (every test but the ones that stop the machine) */
void run_selftests(const char *names)
{
	unsigned int i;

	if (!strcmp(names, "all")) {
		for (i = 0; i < ARRAY_SIZE(selftests); i++)
			if (strcmp(selftests[i].name, "oops"))
				selftests[i].run();
	} else {
		while (*names) {
			const char *end = strchr(names, ',');
			int len = end ? end - names : (int)strlen(names);
			const struct selftest *t = find_selftest(names, len);

			if (t) {
				t->run();
			} else {
				printk("selftest: no test named %.*s\n", len,
				       names);
				kcheck_failed++;
			}
			names += len + (end ? 1 : 0);
		}
	}
	printk("%d passed, %d failed\n", kcheck_passed, kcheck_failed);
	machine_power_off(kcheck_failed ? 1 : 0);
}
