#ifndef _LINUX_SELFTEST_H
#define _LINUX_SELFTEST_H

/*
 * In-kernel self-tests, chosen with test=NAME[,NAME...] on the command
 * line (selftest/selftest.c runs them after boot and ends QEMU with the
 * verdict). Each test is a function that reports cases with KCHECK and
 * kcase_begin/kcase_end, printing the same lines as userland/tests/check.h:
 *
 *	test <name>: OK
 *	test <name>: FAILED (<expected, got>)
 */
#include <linux/kernel.h>

struct selftest {
	const char *name;
	void (*run)(void);
};

extern int kcheck_passed, kcheck_failed, kcheck_case_failed;
extern const char *kcheck_case_name;

void kcase_begin(const char *name);
void kcase_end(void);
void kcheck_fail(const char *file, int line, const char *fmt, ...)
	__printf(3, 4);

#define KCHECK(cond, fmt, ...)						\
	do {								\
		if (!(cond))						\
			kcheck_fail(__FILE__, __LINE__, fmt, ##__VA_ARGS__); \
	} while (0)

/*
 * The suites, one file each in selftest/ (boot.c holds the four small
 * ones of the ground floor), listed in selftest/selftest.c.
 */
void selftest_printk(void);
void selftest_timer(void);
void selftest_clock(void);
void selftest_initramfs(void);
void selftest_oops(void);
void selftest_mm_alloc(void);
void selftest_mm_fault(void);
void selftest_mm_vma(void);
void selftest_mm_bigmem(void);
void selftest_swap(void);
void selftest_hd(void);
void selftest_exec_share(void);

void run_selftests(const char *names);

#endif
