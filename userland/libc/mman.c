/*
 * mman.c - the address space: the program break and mappings, and
 * POSIX shared memory (shm_open), which is files that get mapped.
 */
#include <unistd.h>
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <stdarg.h>
#include <string.h>
#include <fcntl.h>

#define MMAP2_UNIT	4096	/* mmap2 takes its offset in 4 KiB units */
#define SHM_NAME_MAX	255	/* glibc's NAME_MAX for the name */
#define SHM_PATH_MAX	(sizeof("/dev/shm/") + SHM_NAME_MAX)

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

/* new_addr is read only with MREMAP_FIXED, as glibc's variadic one. */
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	va_list ap;
	void *new_addr;

	va_start(ap, flags);
	new_addr = (flags & MREMAP_FIXED) ? va_arg(ap, void *) : NULL;
	va_end(ap);
	return (void *)syscall(__NR_mremap, old, old_len, new_len, flags,
			       new_addr);
}

int msync(void *addr, size_t len, int flags)
{
	return syscall(__NR_msync, addr, len, flags);
}

int mincore(void *addr, size_t len, unsigned char *vec)
{
	return syscall(__NR_mincore, addr, len, vec);
}

/*
 * POSIX shared memory, as glibc does it: a file of the tmpfs at
 * /dev/shm, named by name without its leading slash ("/x" is
 * /dev/shm/x). An empty name, one with another slash in it or one of
 * SHM_NAME_MAX bytes or more is EINVAL, as in glibc.
 */
static int shm_path(const char *name, char *path, size_t size)
{
	static const char dir[] = "/dev/shm/";
	size_t n;

	while (*name == '/')
		name++;
	n = strlen(name);
	if (!n || n >= SHM_NAME_MAX || strchr(name, '/') ||
	    sizeof(dir) + n > size) {
		errno = EINVAL;
		return -1;
	}
	memcpy(path, dir, sizeof(dir) - 1);
	memcpy(path + sizeof(dir) - 1, name, n + 1);
	return 0;
}

int shm_open(const char *name, int oflag, mode_t mode)
{
	char path[SHM_PATH_MAX];

	if (shm_path(name, path, sizeof(path)) < 0)
		return -1;
	return open(path, oflag | O_NOFOLLOW | O_CLOEXEC, mode);
}

int shm_unlink(const char *name)
{
	char path[SHM_PATH_MAX];

	if (shm_path(name, path, sizeof(path)) < 0)
		return -1;
	return syscall(__NR_unlink, path);
}

int ftruncate(int fd, off_t length)
{
	return syscall(__NR_ftruncate, fd, length);
}
