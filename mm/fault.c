/*
 * fault.c - the page-fault handler, vector 14 (1.2.13's
 * arch/i386/mm/fault.c).
 *
 * The CPU leaves the faulting address in cr2 and says in the error code
 * what kind of access it was:
 *
 *   bit 0  PF_PROT   0: the page was not present  1: protection violation
 *   bit 1  PF_WRITE  0: read                      1: write
 *   bit 2  PF_USER   0: in the kernel             1: in user mode
 *
 * A fault inside an area that allows the access is the normal way pages
 * get mapped (do_no_page) and copied on write (do_wp_page). Anything else
 * is a bad access: SIGSEGV for a user, and for the kernel either the
 * fixup of a user-access instruction (mm/extable.c) or an oops.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/trace.h>
#include <linux/mm.h>
#include <asm/ptrace.h>
#include <asm/system.h>
#include <asm/segment.h>

#define PF_PROT		0x1
#define PF_WRITE	0x2
#define PF_USER		0x4

#define TRAP_PAGE_FAULT	14
#define BUS_ADRERR	2	/* SIGBUS si_code: no such page (Linux's) */

/* A bad access from user mode: record it like 1.2.13, send the signal. */
static void user_fault(int sig, int code, unsigned long address,
		       unsigned long error_code)
{
	current->tss.cr2 = address;
	current->tss.error_code = error_code;
	current->tss.trap_no = TRAP_PAGE_FAULT;
	force_sig_fault(sig, code, address);
}

/*
 * A kernel access that went wrong. If it was one of the user-access
 * instructions in the exception table, carry on at its fixup (the copy
 * then returns -EFAULT); otherwise the kernel has a bug: oops.
 */
static void kernel_fault(struct pt_regs *regs, unsigned long address)
{
	unsigned long fixup = search_exception_table(regs->eip);

	if (fixup) {
		regs->eip = fixup;
		return;
	}
	printk("Unable to handle kernel paging request at virtual address "
	       "%08lx\n", address);
	die("page fault", regs);
}

/*
 * trace=fault: one line per fault, begun here and finished when the fault
 * is handled; the functions on the way add " -> step" (trace_step):
 *   FAULT pid=3 addr=0x40001000 err=U|W|!P vma=[0x40000000,0x40002000)
 *         -> do_no_page -> do_swap_page -> shm_swap_in seg=0 idx=1 ...
 */
static void trace_fault_start(unsigned long address,
			      unsigned long error_code,
			      struct vm_area_struct *vma)
{
	printk("FAULT pid=%d addr=0x%08lx err=%s|%s|%s", current->pid,
	       address, error_code & PF_USER ? "U" : "K",
	       error_code & PF_WRITE ? "W" : "R",
	       error_code & PF_PROT ? "P" : "!P");
	if (vma)
		printk(" vma=[0x%08lx,0x%08lx)", vma->vm_start, vma->vm_end);
	else
		printk(" vma=none");
	trace_in_fault = 1;
}

/* End the fault's trace line, with outcome when it did not simply work. */
static void trace_fault_end(const char *outcome)
{
	if (!trace_in_fault)
		return;
	trace_in_fault = 0;
	printk(outcome ? " -> %s\n" : "\n", outcome);
}

/* Does vma allow the access described by error_code? */
static int access_ok_in(struct vm_area_struct *vma, unsigned long error_code)
{
	if (error_code & PF_WRITE)
		return vma->vm_flags & VM_WRITE;
	if (error_code & PF_PROT)	/* a present page refused a read */
		return 0;
	return vma->vm_flags & (VM_READ | VM_EXEC);
}

/*
 * do_page_fault - vector 14: make the access at cr2 work, or punish it.
 *
 * Called from do_exception (kernel/traps.c) with interrupts off and the
 * trap frame in regs (user or kernel mode). Finds the area holding the
 * address (growing the stack down to it if need be), checks that the
 * area allows the access, and calls do_no_page (not present: demand
 * zero, or a "not present, not none" pte such as a shm signature, via
 * do_swap_page) or do_wp_page (present and read-only: copy-on-write).
 * No area, or one that refuses the access: SIGSEGV for a user
 * (SEGV_MAPERR, SEGV_ACCERR), the exception-table fixup or an oops for
 * the kernel. A user fault that fails for want of memory calls the oom
 * killer; any other failure is SIGBUS. The handlers may sleep (for
 * memory, or for a page read back from swap): a fault that read the
 * disk counts as major (swap_in counts it), any other as minor.
 */
void do_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();
	struct mm_struct *mm = current ? current->mm : NULL;
	struct vm_area_struct *vma = NULL;
	unsigned long maj_flt = current ? current->maj_flt : 0;
	int code = SEGV_MAPERR, error;

	if (address < TASK_SIZE && mm)
		vma = find_vma(mm, address);
	if (tracing(TRACE_FAULT))
		trace_fault_start(address, error_code, vma);
	if (!vma)
		goto bad_area;
	if (vma->vm_start > address) {
		trace_step(TRACE_FAULT, "expand_stack");
		if (expand_stack(vma, address))
			goto bad_area;
	}
	code = SEGV_ACCERR;
	if (!access_ok_in(vma, error_code))
		goto bad_area;

	if (error_code & PF_PROT)
		error = do_wp_page(vma, address, error_code & PF_WRITE);
	else
		error = do_no_page(vma, address, error_code & PF_WRITE);
	trace_fault_end(error ? "error" : NULL);
	if (!error) {
		if (current->maj_flt == maj_flt)
			current->min_flt++;
		return;
	}
	if (!user_mode(regs)) {
		kernel_fault(regs, address);
		return;
	}
	if (error == -ENOMEM)
		oom();
	else
		user_fault(SIGBUS, BUS_ADRERR, address, error_code);
	return;

bad_area:
	trace_fault_end(user_mode(regs) ? "SIGSEGV" : "kernel fault");
	if (user_mode(regs))
		user_fault(SIGSEGV, code, address, error_code);
	else
		kernel_fault(regs, address);
}
