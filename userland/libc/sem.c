/*
 * sem.c - System V semaphores through the ipc (117) multiplexer: i386
 * has no direct semop or 32-bit semtimedop, so this is the one way for
 * all four calls. semctl's fourth argument travels by pointer.
 */
#include <stdarg.h>
#include <sys/sem.h>
#include <sys/syscall.h>

#define SEMOP		1
#define SEMGET		2
#define SEMCTL		3
#define SEMTIMEDOP	4

/* The kernel copies these byte for byte: Linux i386's sizes. */
_Static_assert(sizeof(struct semid_ds) == 64, "semid64_ds layout");
_Static_assert(sizeof(struct sembuf) == 6, "sembuf layout");
_Static_assert(sizeof(struct seminfo) == 40, "seminfo layout");

int semget(key_t key, int nsems, int semflg)
{
	return syscall(__NR_ipc, SEMGET, key, nsems, semflg);
}

int semop(int semid, struct sembuf *sops, size_t nsops)
{
	return syscall(__NR_ipc, SEMOP, semid, nsops, 0, sops);
}

int semtimedop(int semid, struct sembuf *sops, size_t nsops,
	       const struct timespec *timeout)
{
	return syscall(__NR_ipc, SEMTIMEDOP, semid, nsops, 0, sops, timeout);
}

/* semctl(id, num, cmd[, union semun arg]): the arg is one word. */
int semctl(int semid, int semnum, int cmd, ...)
{
	union __semun arg = { 0 };
	va_list ap;

	va_start(ap, cmd);
	switch (cmd) {
	case IPC_STAT: case IPC_SET: case IPC_INFO: case SEM_STAT:
	case SEM_STAT_ANY: case SEM_INFO: case GETALL: case SETALL:
	case SETVAL:
		arg = va_arg(ap, union __semun);
		break;
	}
	va_end(ap);
	return syscall(__NR_ipc, SEMCTL, semid, semnum, cmd | IPC_64, &arg);
}
