/*
 * boot.c - self-tests of the ground floor: printk's formatting,
 * the timer, the initramfs, and an oops on purpose.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/selftest.h>
#include <linux/initramfs.h>
#include <linux/sched.h>
#include <linux/interrupt.h>
#include <asm/system.h>

#define TIMER_TEST_TICKS	3
#define TIMER_TEST_SECONDS	3	/* of the CMOS clock: the bound */

/* One case: what vsnprintf made (got) must be exactly want. */
static void expect_format(const char *name, const char *want,
			  const char *got)
{
	kcase_begin(name);
	KCHECK(!strcmp(want, got), "expected \"%s\", got \"%s\"", want, got);
	kcase_end();
}

/* test=printk: conversions, padding, signs, truncation; the log ring. */
void selftest_printk(void)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%d %i %u", -42, 7, 4000000000U);
	expect_format("printk_decimal", "-42 7 4000000000", buf);
	snprintf(buf, sizeof(buf), "%x %X %08x %p", 0xbeef, 0xBEEF, 0x1a,
		 (void *)0xc0100000);
	expect_format("printk_hex", "beef BEEF 0000001a 0xc0100000", buf);
	snprintf(buf, sizeof(buf), "[%5s|%-5s|%c%%]", "ab", "cd", 'z');
	expect_format("printk_padding", "[   ab|cd   |z%]", buf);
	snprintf(buf, sizeof(buf), "%05d %-4d| %lld", -12, 3, -5000000000LL);
	expect_format("printk_signs", "-0012 3   | -5000000000", buf);
	kcase_begin("printk_truncates");
	KCHECK(snprintf(buf, 4, "%s", "abcdef") == 6 && !strcmp(buf, "abc"),
	       "expected 6 and \"abc\", got \"%s\"", buf);
	kcase_end();
	kcase_begin("printk_log_ring");
	KCHECK(log_end > log_start && log_end - log_start <= LOG_BUF_LEN,
	       "log ring indices %lu..%lu", log_start, log_end);
	kcase_end();
}

/*
 * The timer interrupt must advance jiffies by TIMER_TEST_TICKS before the
 * CMOS clock, which runs on its own, has moved TIMER_TEST_SECONDS. The
 * wait polls rather than halts: with a stuck timer hlt could sleep for
 * ever, and a stuck timer must fail the case, not hang the boot.
 */
void selftest_timer(void)
{
	unsigned long start = jiffies, cmos_start = read_cmos_time();

	kcase_begin("timer_ticks");
	while (jiffies - start < TIMER_TEST_TICKS &&
	       read_cmos_time() - cmos_start < TIMER_TEST_SECONDS)
		barrier();
	KCHECK(jiffies - start >= TIMER_TEST_TICKS,
	       "%d ticks within %d s of the CMOS clock, got %lu",
	       TIMER_TEST_TICKS, TIMER_TEST_SECONDS, jiffies - start);
	kcase_end();
}

/* test=initramfs: the archive was unpacked and its files can be found. */
void selftest_initramfs(void)
{
	struct cpio_entry e;

	kcase_begin("initramfs_has_files");
	KCHECK(initramfs_files > 0, "no files in the initramfs");
	kcase_end();
	kcase_begin("initramfs_lookup");
	KCHECK(initramfs_lookup("/etc/issue", &e) == 0 && e.size > 0 &&
	       !memcmp(e.data, "Lintel", 6),
	       "/etc/issue missing or not starting with Lintel");
	KCHECK(initramfs_lookup("/no/such/file", &e) != 0,
	       "found a file that does not exist");
	kcase_end();
}

/* A NULL write from the kernel: the oops must name the address. */
void selftest_oops(void)
{
	printk("selftest: writing through a NULL pointer, expect an oops\n");
	*(volatile int *)0 = 1;
	printk("selftest: still alive after the oops?\n");
}
