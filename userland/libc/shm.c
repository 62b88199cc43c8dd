/*
 * shm.c - System V shared memory through the ipc (117) multiplexer,
 * as Linux i386 has always offered it:
 *
 *	ipc(call, first, second, third, ptr, fifth)
 *
 * shmat's address comes back through the "third" pointer, because on
 * i386 a result above 2 GiB would look like an error.
 */
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#define SHMAT	21
#define SHMDT	22
#define SHMGET	23
#define SHMCTL	24

/* The kernel copies these byte for byte: Linux i386's sizes. */
_Static_assert(sizeof(struct ipc_perm) == 36, "ipc64_perm layout");
_Static_assert(sizeof(struct shmid_ds) == 84, "shmid64_ds layout");
_Static_assert(sizeof(struct shminfo) == 36, "shminfo64 layout");
_Static_assert(sizeof(struct shm_info) == 24, "shm_info layout");

int shmget(key_t key, size_t size, int shmflg)
{
	return syscall(__NR_ipc, SHMGET, key, size, shmflg);
}

void *shmat(int shmid, const void *addr, int shmflg)
{
	unsigned long raddr;

	if (syscall(__NR_ipc, SHMAT, shmid, shmflg, &raddr, addr) < 0)
		return (void *)-1;
	return (void *)raddr;
}

int shmdt(const void *addr)
{
	return syscall(__NR_ipc, SHMDT, 0, 0, 0, addr);
}

int shmctl(int shmid, int cmd, struct shmid_ds *buf)
{
	return syscall(__NR_ipc, SHMCTL, shmid, cmd | IPC_64, 0, buf);
}

/* The System V recipe: id, device and inode bits packed into a key. */
key_t ftok(const char *path, int id)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -1;
	return (key_t)((st.st_ino & 0xffff) | ((st.st_dev & 0xff) << 16) |
		       ((unsigned)(id & 0xff) << 24));
}
