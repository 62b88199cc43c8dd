/*
 * mman.c - the address space: the program break and mappings.
 */
#include <unistd.h>
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define MMAP2_UNIT	4096	/* mmap2 takes its offset in 4 KiB units */

static uintptr_t cur_brk;

/*
 * The brk system call does not fail: it returns the break it ended up
 * with, the old one if it could not move it.
 */
int brk(void *addr)
{
	cur_brk = syscall(__NR_brk, addr);
	if (cur_brk < (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(intptr_t increment)
{
	uintptr_t old;

	if (!cur_brk)
		cur_brk = syscall(__NR_brk, 0);
	old = cur_brk;
	if (increment && brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (off % MMAP2_UNIT) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)syscall(__NR_mmap2, addr, len, prot, flags, fd,
			       off / MMAP2_UNIT);
}

int munmap(void *addr, size_t len)
{
	return syscall(__NR_munmap, addr, len);
}

int mprotect(void *addr, size_t len, int prot)
{
	return syscall(__NR_mprotect, addr, len, prot);
}
