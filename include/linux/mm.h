#ifndef _LINUX_MM_H
#define _LINUX_MM_H
/* Placeholder until mm/ lands: the two entry points start_kernel and
 * traps.c call. */
#include <asm/ptrace.h>
#include <asm/page.h>
struct mm_struct;
void mem_init(void);
void do_page_fault(struct pt_regs *regs, unsigned long error_code);
#endif
