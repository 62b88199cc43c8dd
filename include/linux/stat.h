#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

/*
 * File modes and the two stat layouts of the Linux i386 ABI: user ABI,
 * so defined once in include/uapi/ for the kernel and our libc.
 */
#include <uapi/linux/stat.h>
#include <uapi/asm/stat.h>

#define S_IRWXUGO	0777
#define S_IALLUGO	07777
#define S_ISUID		04000
#define S_ISGID		02000
#define S_ISVTX		01000

#endif
