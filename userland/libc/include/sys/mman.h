/*
 * sys/mman.h - mappings: mmap2 (192), munmap, mprotect, mremap, msync;
 * POSIX shared memory (shm_open, shm_unlink: files of /dev/shm).
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>

#include <asm/mman.h>	/* include/uapi/asm/mman.h: the kernel's */

#define MAP_ANON	MAP_ANONYMOUS

#define MAP_FAILED	((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...);
int msync(void *addr, size_t len, int flags);
int mincore(void *addr, size_t len, unsigned char *vec);
int shm_open(const char *name, int oflag, mode_t mode);
int shm_unlink(const char *name);

#endif
