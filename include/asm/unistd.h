#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

/*
 * The numbers are user ABI: they live in include/uapi/asm/unistd.h, which
 * our libc includes too. Add a new system call's number there.
 */
#include <uapi/asm/unistd.h>

#define NR_syscalls		451	/* as many as Linux 6.1 i386 has */

#endif
