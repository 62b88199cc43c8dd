/*
 * Placeholders while the memory and process code is being written; each
 * is weak and is replaced by the real function when it exists.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <asm/system.h>

struct task_struct *current;

__attribute__((weak)) void mem_init(void)
{
}

__attribute__((weak)) void do_page_fault(struct pt_regs *regs,
					 unsigned long error_code)
{
	(void)error_code;
	printk("Unable to handle kernel paging request at virtual address "
	       "%08lx\n", read_cr2());
	die("page fault", regs);
}

__attribute__((weak)) void force_sig(int sig, struct task_struct *p)
{
	(void)p;
	panic("signal %d with no processes", sig);
}

__attribute__((weak)) void do_timer(struct pt_regs *regs)
{
	(void)regs;
}

__attribute__((weak)) void return_to_user(struct pt_regs *regs)
{
	(void)regs;
}

__attribute__((weak)) void do_syscall(struct pt_regs *regs)
{
	regs->eax = -38;
}

