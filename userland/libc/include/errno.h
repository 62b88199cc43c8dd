/*
 * errno.h - Linux's error numbers, defined once for the kernel and libc
 * in include/uapi/asm/errno.h.
 *
 * A system call returns -errno in eax; the libc entry turns that into -1
 * and stores the number here.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#ifndef __ASSEMBLER__
extern int errno;
#endif

#include <asm/errno.h>	/* include/uapi/asm/errno.h: the kernel's own list */

#define ENOTSUP		EOPNOTSUPP	/* POSIX's name; Linux has one value */

/* Highest errno a system call may return: results -4095..-1 are errors. */
#define MAX_ERRNO	4095

#endif
