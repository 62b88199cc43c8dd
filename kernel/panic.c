/*
 * panic.c - stopping the machine: on purpose (power off) or on a bug.
 *
 * In "make run" a bug halts, so the oops stays on the screen for a
 * student to read. Under test (panic=exit on the command line) it ends
 * QEMU with a failure status at once instead of leaving it to hang.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/reboot.h>
#include <asm/io.h>
#include <asm/system.h>

#define ISA_DEBUG_EXIT_PORT	0xF4	/* QEMU -device isa-debug-exit */
#define DEBUGCON_PORT		0xE9	/* QEMU -debugcon (isa-debugcon) */
#define ACPI_PM1A_CNT		0x604	/* QEMU's PIIX4/ICH9 power control */
#define ACPI_SLP_EN_S5		0x2000

/*
 * Stop the machine for good. Under QEMU the isa-debug-exit port ends it
 * with (status << 1) | 1, which is how tests report; failing that, ACPI
 * S5 powers it off; failing that, it halts. Never returns.
 */
void machine_power_off(int status)
{
	cli();
	outb(status, ISA_DEBUG_EXIT_PORT);
	outw(ACPI_SLP_EN_S5, ACPI_PM1A_CNT);
	for (;;)
		hlt();
}

/*
 * Tell the host that the kernel, not a program, stopped the machine: the
 * mark goes to QEMU's debug console, a port only the kernel can write
 * (see reboot.h). Without -debugcon the writes go nowhere, harmlessly.
 */
static void mark_kernel_bug(void)
{
	const char *p;

	for (p = BUG_MARK; *p; p++)
		outb(*p, DEBUGCON_PORT);
}

/*
 * Stop for good after a kernel bug has been reported: mark it for the
 * host, then end QEMU under panic=exit (tests must not hang), or halt so
 * the oops stays on the screen. Any context; never returns.
 */
void machine_halt_on_bug(void)
{
	const char *how = get_option("panic");

	cli();
	mark_kernel_bug();
	if (how && !strcmp(how, "exit"))
		machine_power_off(EXIT_STATUS_PANIC);
	printk("System halted.\n");
	for (;;)
		hlt();
}

/*
 * panic - a kernel bug or an impossible state: say what, show where
 * (a backtrace from the caller) and stop (machine_halt_on_bug). Only for
 * what no user action can cause: bad input gets an errno instead.
 */
void panic(const char *fmt, ...)
{
	unsigned long ebp;
	va_list args;

	cli();
	printk("Kernel panic: ");
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	printk("\n");
	__asm__ volatile("movl %%ebp, %0" : "=r"(ebp));
	show_backtrace((unsigned long)__builtin_return_address(0) - 1,
		       ((unsigned long *)ebp)[0]);
	machine_halt_on_bug();
}
