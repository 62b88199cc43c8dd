#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

/* mmap, mprotect and munmap arguments: user ABI, in include/uapi. */
#include <uapi/asm/mman.h>

#endif
