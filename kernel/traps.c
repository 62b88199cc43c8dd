/*
 * traps.c - the interrupt descriptor table and CPU exceptions.
 *
 * An exception from user mode becomes a signal to the process; one from
 * the kernel is a bug, an "oops": die() prints what happened, every
 * register and a backtrace by symbol name, then stops the machine.
 */
#include <linux/kernel.h>
#include <linux/ksyms.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <asm/desc.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/system.h>
#include <asm/i387.h>

#define IDT_ENTRIES	256
#define NR_EXCEPTIONS	32
#define STUB_SIZE	16	/* entry.asm aligns each stub to 16 bytes */
#define SYSCALL_VECTOR	0x80
#define GATE_INTR_DPL0	0x8E	/* present, ring 0, 32-bit interrupt gate */
#define GATE_INTR_DPL3	0xEE	/* same, callable from ring 3 */
#define GATE_TRAP_DPL3	0xEF	/* trap gate (IF kept), callable from ring 3 */
#define MAX_BACKTRACE	32
#define TRAP_DIVIDE	0
#define TRAP_DB		1	/* debug: single step (TF) */
#define TRAP_NM		7	/* device not available: the FPU is lazy */
#define TRAP_PF		14
#define TRAP_MF		16
#define TRAP_XM		19

struct gate {
	unsigned short offset_lo, selector;
	unsigned char zero, type;
	unsigned short offset_hi;
} __attribute__((packed));

struct idt_ptr {
	unsigned short size;
	unsigned long addr;
} __attribute__((packed));

static struct gate idt[IDT_ENTRIES] __sched_data;	/* int 0x80 reads it */

extern char exception_stubs[], irq_stubs[], system_call[], sysenter_entry[];

/* What each vector is called, and the signal it sends to a user process. */
static const struct {
	const char *name;
	int signal;
} trap_info[NR_EXCEPTIONS] = {
	[0] = { "divide error", SIGFPE },
	[1] = { "debug", SIGTRAP },
	[2] = { "nmi", SIGBUS },
	[3] = { "int3", SIGTRAP },
	[4] = { "overflow", SIGSEGV },
	[5] = { "bounds", SIGSEGV },
	[6] = { "invalid opcode", SIGILL },
	[7] = { "device not available", SIGFPE },
	[8] = { "double fault", SIGSEGV },
	[9] = { "coprocessor segment overrun", SIGFPE },
	[10] = { "invalid TSS", SIGSEGV },
	[11] = { "segment not present", SIGBUS },
	[12] = { "stack segment", SIGBUS },
	[13] = { "general protection", SIGSEGV },
	[14] = { "page fault", SIGSEGV },
	[16] = { "coprocessor error", SIGFPE },
	[17] = { "alignment check", SIGBUS },
	[19] = { "simd exception", SIGFPE },
};

/* Point IDT entry vector at handler, in the kernel's code segment. */
static void set_gate(int vector, void *handler, unsigned char type)
{
	unsigned long addr = (unsigned long)handler;

	idt[vector].offset_lo = addr & 0xFFFF;
	idt[vector].selector = KERNEL_CS;
	idt[vector].zero = 0;
	idt[vector].type = type;
	idt[vector].offset_hi = addr >> 16;
}

/*
 * An interrupt gate only the kernel may use with int: the CPU clears IF
 * on entry, so every handler starts with interrupts off.
 */
void set_intr_gate(int vector, void *handler)
{
	set_gate(vector, handler, GATE_INTR_DPL0);
}

/*
 * set_exception_gate - put exception vector's own stub back in the IDT
 * (kernel/floors.c lends the page fault's to its floor for a while).
 */
void set_exception_gate(int vector)
{
	set_intr_gate(vector, exception_stubs + vector * STUB_SIZE);
}

/*
 * An interrupt gate a user program may reach with int (1.2.13's
 * set_system_gate was a trap gate; this one clears IF on entry, so
 * that no tick lands inside what its handler times). Only the floors
 * mode adds any (kernel/floors.c).
 */
void set_system_gate(int vector, void *handler)
{
	set_gate(vector, handler, GATE_INTR_DPL3);
}

/*
 * Build and load the IDT: the CPU's exceptions (0-31) to entry.asm's
 * stubs, int3 and into (3, 4) and int 0x80 callable from user mode.
 * Called once by start_kernel, interrupts off, before irq_init.
 */
void trap_init(void)
{
	struct idt_ptr p = { sizeof(idt) - 1, (unsigned long)idt };
	int v;

	for (v = 0; v < NR_EXCEPTIONS; v++)
		set_exception_gate(v);
	/* int3 and into may be used deliberately from user mode. */
	set_gate(3, exception_stubs + 3 * STUB_SIZE, GATE_INTR_DPL3);
	set_gate(4, exception_stubs + 4 * STUB_SIZE, GATE_INTR_DPL3);
	/*
	 * A trap gate, as 1.2.13's set_system_gate(0x80): system calls run
	 * with interrupts on from the first instruction, so system_call
	 * needs no sti (which costs QEMU a trip to its main loop).
	 */
	set_gate(SYSCALL_VECTOR, system_call, GATE_TRAP_DPL3);
	__asm__ volatile("lidt %0" : : "m"(p));
}

/* The name of exception trapno, for the oops line. */
static const char *trap_name(long trapno)
{
	if (trapno >= 0 && trapno < NR_EXCEPTIONS && trap_info[trapno].name)
		return trap_info[trapno].name;
	return "reserved";
}

/* Print "[<c0101234>] name+0x12/0x40". */
static void print_symbol(unsigned long addr)
{
	unsigned long offset, size;
	const char *name = ksym_lookup(addr, &offset, &size);

	if (name)
		printk(" [<%08lx>] %s+0x%lx/0x%lx\n", addr, name, offset, size);
	else
		printk(" [<%08lx>] ?\n", addr);
}

/*
 * Walk the saved-ebp chain (the kernel is built with frame pointers):
 * each frame holds the caller's ebp, then the return address.
 */
void show_backtrace(unsigned long eip, unsigned long ebp)
{
	int depth;

	printk("Call Trace:\n");
	print_symbol(eip);
	for (depth = 0; depth < MAX_BACKTRACE; depth++) {
		unsigned long *frame = (unsigned long *)ebp;

		if (ebp < PAGE_OFFSET || (ebp & 3) || !frame[1])
			break;
		print_symbol(frame[1] - 1);	/* the call, not what follows */
		ebp = frame[0];
	}
}

/* Print the registers of a trap frame, as an oops shows them. */
void show_regs(struct pt_regs *regs)
{
	printk("EIP: %04lx:[<%08lx>] EFLAGS: %08lx\n",
	       regs->cs & 0xFFFF, regs->eip, regs->eflags);
	printk("EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n",
	       regs->eax, regs->ebx, regs->ecx, regs->edx);
	printk("ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n",
	       regs->esi, regs->edi, regs->ebp,
	       user_mode(regs) ? (unsigned long)regs->esp
				       : (unsigned long)&regs->esp);
	printk("DS: %04lx ES: %04lx FS: %04lx GS: %04lx SS: %04lx\n",
	       regs->ds & 0xFFFF, regs->es & 0xFFFF, regs->fs & 0xFFFF,
	       regs->gs & 0xFFFF,
	       user_mode(regs) ? regs->ss & 0xFFFF : (unsigned long)KERNEL_DS);
	printk("CR2: %08lx CR3: %08lx\n", read_cr2(), read_cr3());
	if (current)
		printk("Process %s (pid: %d)\n", current->comm, current->pid);
}

/* An unrecoverable kernel error: report it and stop (see panic.c). */
void die(const char *msg, struct pt_regs *regs)
{
	cli();
	printk("Oops: %s (trap %ld), error code %04lx\n",
	       msg, regs->trapno, regs->error_code);
	show_regs(regs);
	show_backtrace(regs->eip, regs->ebp);
	machine_halt_on_bug();
}

/*
 * The traps that have to do with arithmetic, from user mode: the FPU
 * wanted (#NM), x87 and SIMD errors (#MF, #XM, with Linux's si_code),
 * and integer division by zero (FPE_INTDIV at the div). Returns 1 if
 * it was one of them.
 */
static int do_fpu_trap(struct pt_regs *regs, long trapno)
{
	switch (trapno) {
	case TRAP_NM:
		math_state_restore();
		return 1;
	case TRAP_MF:
	case TRAP_XM:
		math_error(regs, trapno);
		return 1;
	case TRAP_DIVIDE:
		current->tss.trap_no = trapno;
		current->tss.error_code = 0;
		force_sig_fault(SIGFPE, FPE_INTDIV, regs->eip);
		return 1;
	}
	return 0;
}

/*
 * A fault on the exit path's pop of %fs or %gs leaves the stale selector
 * in the register, so this fault's own frame saved it too, and returning
 * through the same pops would fault again, without end (a task that used
 * TLS exits; the idle task is interrupted before %gs is reloaded). The
 * kernel never uses %fs or %gs: the null selector is safe to return with,
 * and the fixup gives the outer frame the same.
 */
static void forget_user_selectors(struct pt_regs *regs)
{
	regs->fs = 0;
	regs->gs = 0;
}

/*
 * A program that sets TF and executes sysenter takes the debug trap on
 * the kernel's first instruction (sysenter keeps TF), in kernel mode, on
 * the sysenter stack. Drop TF and go on into the system call, as Linux's
 * do_debug does there; the program loses that one step. Returns 1 if
 * regs was that trap.
 */
static int sysenter_step(struct pt_regs *regs)
{
	if (regs->trapno != TRAP_DB || user_mode(regs) ||
	    (unsigned long)regs->eip != (unsigned long)sysenter_entry)
		return 0;
	regs->eflags &= ~EFLAGS_TF;
	return 1;
}

/*
 * do_exception - every CPU exception but the page fault ends here.
 *
 * From user mode it becomes the vector's signal to current, delivered on
 * the way out. From the kernel it is a bug, unless the instruction is in
 * the exception table: the exit path's loads of user selectors and its
 * iret (entry.asm) may fault on what a user put in a sigreturn frame, and
 * resume at their fixup instead.
 */
void do_exception(struct pt_regs *regs)
{
	long trapno = regs->trapno;
	unsigned long fixup;

	if (trapno == TRAP_PF) {
		do_page_fault(regs, regs->error_code);
		return;
	}
	if (user_mode(regs) && do_fpu_trap(regs, trapno))
		return;
	if (user_mode(regs)) {
		current->tss.trap_no = trapno;
		current->tss.error_code = regs->error_code;
		force_sig(trapno < NR_EXCEPTIONS && trap_info[trapno].signal
			  ? trap_info[trapno].signal : SIGSEGV, current);
		return;
	}
	if (sysenter_step(regs))
		return;
	fixup = search_exception_table(regs->eip);
	if (fixup) {
		regs->eip = fixup;
		forget_user_selectors(regs);
		return;
	}
	die(trap_name(trapno), regs);
}
