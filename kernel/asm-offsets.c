/*
 * asm-offsets.c - the offsets into C structures that entry.asm needs,
 * computed by the compiler, as Linux's arch/i386/kernel/asm-offsets.c
 * does (1.2.13's entry.S wrote them by hand: signal = 12, blocked = 16).
 *
 * Never linked into the kernel: the Makefile compiles this file to
 * assembly and turns each "->NAME value" line into "NAME equ value" in
 * build/asm-offsets.inc, which entry.asm includes. A field that moves
 * moves the constant with it.
 */
#include <linux/sched.h>
#include <linux/sys_call_table.h>
#include <linux/trace.h>

#define DEFINE(sym, val) \
	__asm__ volatile("\n->" #sym " %c0" : : "i"(val))
#define OFFSET(sym, type, member) \
	DEFINE(sym, __builtin_offsetof(struct type, member))

void asm_offsets(void);

/* One DEFINE per constant; the function exists only to hold them. */
void asm_offsets(void)
{
	OFFSET(TASK_SIGNAL, task_struct, signal);
	OFFSET(TASK_SHARED_SIGNAL, task_struct, shared_signal);
	OFFSET(TASK_BLOCKED, task_struct, blocked);
	OFFSET(TASK_RESTORE_BLOCKED, task_struct, restore_blocked);
	OFFSET(TASK_GROUP_LEADER, task_struct, group_leader);
	OFFSET(TASK_MM, task_struct, mm);
	OFFSET(SYSCALL_FN, syscall_entry, fn);
	DEFINE(SYSCALL_ENTRY_SIZE, sizeof(struct syscall_entry));
	DEFINE(NR_SYSCALLS, NR_syscalls);
	DEFINE(TRACE_SYSCALL, TRACE_SYSCALL);
	DEFINE(PAGE_SHIFT, PAGE_SHIFT);
}
