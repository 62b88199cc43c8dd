#ifndef _UAPI_ASM_MMAN_H
#define _UAPI_ASM_MMAN_H

/*
 * mmap, mprotect and munmap arguments, with Linux i386's values: shared
 * by the kernel (linux/mman.h) and our libc (sys/mman.h).
 */
#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_SEM	0x8		/* accepted and ignored */
#define PROT_GROWSDOWN	0x01000000	/* mprotect: down to the stack's start */
#define PROT_GROWSUP	0x02000000

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_SHARED_VALIDATE 0x03	/* MAP_SHARED, refusing unknown flags */
#define MAP_TYPE	0x0f		/* one of the three above */
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_GROWSDOWN	0x0100
#define MAP_DENYWRITE	0x0800
#define MAP_EXECUTABLE	0x1000
#define MAP_LOCKED	0x2000
#define MAP_NORESERVE	0x4000
#define MAP_POPULATE	0x8000
#define MAP_NONBLOCK	0x10000
#define MAP_STACK	0x20000
#define MAP_FIXED_NOREPLACE 0x100000

#define MREMAP_MAYMOVE	1	/* mremap may move the mapping */
#define MREMAP_FIXED	2	/* to new_addr, unmapping what was there */

#define MS_ASYNC	1	/* msync */
#define MS_INVALIDATE	2
#define MS_SYNC		4

#endif
