/*
 * floors.c - what this QEMU can do at best, measured in the same run as
 * make bench's rows (boot option "floors", which scripts/bench.py gives
 * Lintel). Neither 1.2.13 nor Linux has anything like it.
 *
 * With the option, five gates a user program may call:
 *
 *	int 0x81  floor_iret: the gate and iret, nothing else
 *	int 0x82  floor_entry: the same with the entry code's save_all and
 *		  its restore (getpid's path without C and without the
 *		  look at pending work)
 *	int 0x83  floor_msr: aim sysenter at a bare sysexit (eax = 1) and
 *		  back at sysenter_entry (eax = 0)
 *	int 0x84  floor_kernel: do_floors, below, timed inside the kernel
 *	int 0x85  floor_fault_arm: arm (eax = 1) or disarm (eax = 0) the
 *		  page fault floor, below
 *
 * userland/bench/bench.c times the first three and the page fault floor
 * from user mode; do_floors
 * prints its own in the benchmark's "bench NAME VALUE UNIT" form. All the
 * stubs are in kernel/entry.asm, beside the paths they are the floor of.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
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
#define FLOOR_FAULT_VECTOR	0x85
#define PAGE_FAULT_VECTOR	14
#define FLOOR_FAULT_PAGES	64	/* armed at once (entry.asm's table) */
#define FLOOR_REPS		2000	/* of each primitive */
#define PARTNER_WORDS		256	/* the switch partner's stack */
#define PARTNER_FRAME		6	/* edi esi ebx ebp, ret, its caller */
#define TENTHS_PER_MS		10000000ULL	/* tenths of ns per ms */

extern char floor_iret[], floor_entry[], floor_msr[], floor_kernel[];
extern char floor_fault_arm[], floor_page_fault[];
void floor_switch(unsigned long *save, unsigned long *next,
		  unsigned long cr3);
void do_floors(void);
void do_floor_fault_arm(struct pt_regs *regs);

/* The armed pages, which entry.asm's floor_page_fault reads. */
unsigned long floor_fault_base, floor_fault_size;
struct mm_struct *floor_fault_mm;
pte_t *floor_fault_ptes;
unsigned long floor_fault_saved[FLOOR_FAULT_PAGES];

static unsigned long main_esp, partner_esp, partner_cr3;
static unsigned long partner_stack[PARTNER_WORDS];

/*
 * floors_init - with the boot option "floors", put the five gates in
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
	set_system_gate(FLOOR_FAULT_VECTOR, floor_fault_arm);
	printk("floors: int 0x%x-0x%x measure the bare primitives\n",
	       FLOOR_IRET_VECTOR, FLOOR_FAULT_VECTOR);
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

/*
 * The page fault floor. The program touches FLOOR_FAULT_PAGES pages of
 * its own, then arms: their ptes are taken out (kept here, with the
 * pages' references) and vector 14 goes to entry.asm's floor_page_fault,
 * which writes a pte back when the program touches its page again. The
 * program times those touches: each is one user page fault through the
 * entry code, a pte write and iret, the instruction run again, and the
 * TLB refill, with nothing of do_page_fault. Disarming gives back the
 * ptes not yet touched and the page fault's own gate.
 */

/*
 * floor_fault_check - 0 if the FLOOR_FAULT_PAGES pages at addr can be
 * armed: page aligned, in one page table (entry.asm indexes one array of
 * ptes), inside one area of the caller's, and all present.
 */
static int floor_fault_check(unsigned long addr)
{
	unsigned long size = FLOOR_FAULT_PAGES * PAGE_SIZE;
	struct vm_area_struct *vma;
	pte_t *pte;
	int i;

	if ((addr & ~PAGE_MASK) || addr >= TASK_SIZE - size ||
	    (addr >> PGDIR_SHIFT) != ((addr + size - 1) >> PGDIR_SHIFT))
		return -EINVAL;
	vma = find_vma(current->mm, addr);
	if (!vma || vma->vm_start > addr || vma->vm_end < addr + size)
		return -EFAULT;
	pte = find_pte(current->mm, addr);
	for (i = 0; i < FLOOR_FAULT_PAGES; i++)
		if (!pte || !pte_present(pte[i]))
			return -EFAULT;
	return 0;
}

/* Take the ptes at addr out and send vector 14 to floor_page_fault. */
static int floor_fault_on(unsigned long addr)
{
	int error, i;

	if (floor_fault_mm)
		return -EBUSY;
	error = floor_fault_check(addr);
	if (error)
		return error;
	floor_fault_ptes = find_pte(current->mm, addr);
	for (i = 0; i < FLOOR_FAULT_PAGES; i++) {
		floor_fault_saved[i] = pte_val(floor_fault_ptes[i]);
		pte_clear(&floor_fault_ptes[i]);
	}
	invalidate();
	floor_fault_mm = current->mm;
	floor_fault_base = addr;
	floor_fault_size = FLOOR_FAULT_PAGES * PAGE_SIZE;
	set_intr_gate(PAGE_FAULT_VECTOR, floor_page_fault);
	return 0;
}

/*
 * floor_fault_off - the ptes not touched since arming go back, and so
 * does the page fault's own gate. Interrupts off meanwhile, so that no
 * fault on the armed pages (another thread's) comes in between.
 */
static void floor_fault_off(void)
{
	unsigned long flags;
	int i;

	save_flags(flags);
	cli();
	if (floor_fault_mm) {
		set_exception_gate(PAGE_FAULT_VECTOR);
		floor_fault_size = 0;
		for (i = 0; i < FLOOR_FAULT_PAGES; i++)
			if (floor_fault_saved[i])
				pte_val(floor_fault_ptes[i]) =
					floor_fault_saved[i];
		memset(floor_fault_saved, 0, sizeof(floor_fault_saved));
		floor_fault_mm = NULL;
	}
	restore_flags(flags);
}

/*
 * do_floor_fault_arm - int 0x85: eax = 1 arms the pages at ebx (eax
 * becomes 0, or -EBUSY, -EINVAL, -EFAULT as floor_fault_check says),
 * eax = 0 disarms (eax becomes 0).
 */
void do_floor_fault_arm(struct pt_regs *regs)
{
	if (regs->eax) {
		regs->eax = floor_fault_on(regs->ebx);
		return;
	}
	floor_fault_off();
	regs->eax = 0;
}

/*
 * floor_fault_unmap - unmap_page_range calls this first for the armed
 * mm: pages that go while armed (munmap, mremap, exec, exit) get their
 * ptes back before they are unmapped, so that each page's reference
 * goes with its pte and no pte is written later into a page table that
 * was given back.
 */
void floor_fault_unmap(struct mm_struct *mm, unsigned long addr,
		       unsigned long size)
{
	unsigned long end = floor_fault_base + floor_fault_size;

	if (mm == floor_fault_mm && addr < end && floor_fault_base < addr + size)
		floor_fault_off();
}
