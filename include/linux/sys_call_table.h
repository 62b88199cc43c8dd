#ifndef _LINUX_SYS_CALL_TABLE_H
#define _LINUX_SYS_CALL_TABLE_H

/*
 * The system call table's slot, shared by kernel/syscall.c, which fills
 * the table, and entry.asm, which calls a plain slot's fn itself (its
 * size and fn's offset reach it through kernel/asm-offsets.c).
 */
#include <asm/ptrace.h>
#include <asm/unistd.h>

typedef long (*syscall_fn)(long, long, long, long, long, long);
typedef long (*syscall_regs_fn)(struct pt_regs *);

/*
 * A slot of the table: fn is called with the six argument registers,
 * regs_fn (fork, execve, sigreturn, ...) with the whole frame.
 */
struct syscall_entry {
	syscall_fn fn;
	syscall_regs_fn regs_fn;
	const char *name;	/* for trace=syscall */
};

extern const struct syscall_entry sys_call_table[NR_syscalls];

#endif
