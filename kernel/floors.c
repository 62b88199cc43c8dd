/*
 * floors.c - what this QEMU can do at best, measured in the same run as
 * make bench's rows (boot option "floors", which scripts/bench.py gives
 * Lintel). Neither 1.2.13 nor Linux has anything like it.
 *
 * With the option, four gates a user program may call:
 *
 *	int 0x81  floor_iret: the gate and iret, nothing else
 *	int 0x82  floor_entry: the same with the entry code's save_all and
 *		  its restore (getpid's path without C and without the
 *		  look at pending work)
 *	int 0x83  floor_msr: aim sysenter at a bare sysexit (eax = 1) and
 *		  back at sysenter_entry (eax = 0)
 *	int 0x84  floor_kernel: do_floors, below, timed inside the kernel
 *
 * userland/bench/bench.c times the first three from user mode; do_floors
 * prints its own in the benchmark's "bench NAME VALUE UNIT" form. All the
 * stubs are in kernel/entry.asm, beside the paths they are the floor of.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/time.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/system.h>

#define FLOOR_IRET_VECTOR	0x81
#define FLOOR_ENTRY_VECTOR	0x82	/* entry.asm pushes it as trapno */
#define FLOOR_MSR_VECTOR	0x83
#define FLOOR_KERNEL_VECTOR	0x84
#define FLOOR_REPS		2000	/* of each primitive */
#define PARTNER_WORDS		256	/* the switch partner's stack */
#define PARTNER_FRAME		6	/* edi esi ebx ebp, ret, its caller */
#define TENTHS_PER_MS		10000000ULL	/* tenths of ns per ms */

extern char floor_iret[], floor_entry[], floor_msr[], floor_kernel[];
void floor_switch(unsigned long *save, unsigned long *next,
		  unsigned long cr3);
void do_floors(void);

static unsigned long main_esp, partner_esp, partner_cr3;
static unsigned long partner_stack[PARTNER_WORDS];

/*
 * floors_init - with the boot option "floors", put the four gates in
 * the IDT. Called once from start_kernel after trap_init and
 * sysenter_setup; without the option nothing changes.
 */
void floors_init(void)
{
	if (!get_option("floors"))
		return;
	set_system_gate(FLOOR_IRET_VECTOR, floor_iret);
	set_system_gate(FLOOR_ENTRY_VECTOR, floor_entry);
	set_system_gate(FLOOR_MSR_VECTOR, floor_msr);
	set_system_gate(FLOOR_KERNEL_VECTOR, floor_kernel);
	printk("floors: int 0x%x-0x%x measure the bare primitives\n",
	       FLOOR_IRET_VECTOR, FLOOR_KERNEL_VECTOR);
}

/* Print one floor, cycles for reps of it, in tenths of a nanosecond. */
static void report(const char *name, u64 cycles, unsigned long reps)
{
	unsigned long tenths = cycles * TENTHS_PER_MS / tsc_khz / reps;

	printk("bench %s %lu.%lu ns\n", name, tenths / 10, tenths % 10);
}

/* The other side of the switch floor: switch straight back, for ever. */
static void floor_partner(void)
{
	for (;;)
		floor_switch(&partner_esp, &main_esp, partner_cr3);
}

/*
 * Time 2 * FLOOR_REPS bare switches between this stack and the
 * partner's, each loading cr3 (with the page directory it already has:
 * QEMU throws its soft TLB away on every load) when cr3 is not 0.
 */
static u64 time_switches(unsigned long cr3)
{
	unsigned long *top = partner_stack + PARTNER_WORDS - PARTNER_FRAME;
	u64 t0;
	int i;

	top[4] = (unsigned long)floor_partner;	/* where its ret goes */
	partner_esp = (unsigned long)top;
	partner_cr3 = cr3;
	t0 = rdtsc();
	for (i = 0; i < FLOOR_REPS; i++)
		floor_switch(&main_esp, &partner_esp, cr3);
	return rdtsc() - t0;
}

/* 4 KiB zeroed and copied by the kernel's own clear_page and copy_page. */
static void floor_pages(void)
{
	unsigned long a = __get_free_page(GFP_KERNEL);
	unsigned long b = __get_free_page(GFP_KERNEL);
	u64 t0;
	int i;

	if (!a || !b) {
		printk("bench floor_zero_4k error no free page\n");
		goto out;
	}
	t0 = rdtsc();
	for (i = 0; i < FLOOR_REPS; i++)
		clear_page(a);
	report("floor_zero_4k", rdtsc() - t0, FLOOR_REPS);
	t0 = rdtsc();
	for (i = 0; i < FLOOR_REPS; i++)
		copy_page(b, a);
	report("floor_copy_4k", rdtsc() - t0, FLOOR_REPS);
out:
	if (a)
		free_page(a);
	if (b)
		free_page(b);
}

/*
 * do_floors - int 0x84: the floors only the kernel can time, printed on
 * the console: a page zeroed and copied, a cr3 load, and a task switch
 * without and with one. Interrupts stay off (the gate cleared IF), so no
 * tick lands inside a measurement.
 */
void do_floors(void)
{
	unsigned long cr3 = read_cr3();
	u64 t0;
	int i;

	if (!tsc_khz) {
		printk("bench floor_switch error no TSC to time with\n");
		return;
	}
	floor_pages();
	t0 = rdtsc();
	for (i = 0; i < FLOOR_REPS; i++)
		write_cr3(cr3);
	report("floor_cr3_load", rdtsc() - t0, FLOOR_REPS);
	report("floor_switch", time_switches(0), 2 * FLOOR_REPS);
	report("floor_switch_cr3", time_switches(cr3), 2 * FLOOR_REPS);
}
