#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

/*
 * The registers saved on the kernel stack by every entry into the kernel
 * (kernel/entry.asm), lowest address first. The CPU pushed the last five
 * (esp and ss only when it came from user mode); the stub pushed the rest.
 *
 *   syscalls: orig_eax = syscall number, trapno = 0x80, error_code = 0
 *   faults:   orig_eax = -1, trapno = vector, error_code = CPU's or 0
 *   irqs:     orig_eax = -1, trapno = 32 + irq
 */
struct pt_regs {
	long ebx, ecx, edx, esi, edi, ebp, eax;
	long ds, es, fs, gs;
	long orig_eax;
	long trapno;
	long error_code;
	long eip, cs, eflags;
	long esp, ss;		/* valid only when user_mode(regs) */
};

#define user_mode(regs)	(((regs)->cs & 3) == 3)

/* The C ends of kernel/entry.asm's stubs, each given the frame above. */
void do_exception(struct pt_regs *regs);
void do_syscall(struct pt_regs *regs);
void return_to_user(struct pt_regs *regs);

#endif
