/*
 * sys/syscall.h - the Linux i386 system call numbers.
 *
 * Lintel uses Linux's own numbers so that one static binary runs on both
 * kernels. They are defined once, in the kernel's include/uapi/asm/unistd.h
 * (the build puts include/uapi on libc's include path).
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <asm/unistd.h>	/* include/uapi/asm/unistd.h: the kernel's own list */

#ifndef __ASSEMBLER__
long syscall(long nr, ...);
#endif

#endif
