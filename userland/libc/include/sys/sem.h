/*
 * sys/sem.h - System V semaphores.
 *
 * The calls enter the kernel through the ipc (117) multiplexer, and
 * semctl sends IPC_64, so struct semid_ds is Linux i386's semid64_ds
 * (the one glibc uses).
 */
#ifndef _SYS_SEM_H
#define _SYS_SEM_H

#include <sys/types.h>
#include <sys/ipc.h>
#include <time.h>

#define SEM_UNDO	0x1000	/* undo the operation when the process ends */

/* semctl commands, beside IPC_RMID, IPC_SET, IPC_STAT and IPC_INFO */
#define GETPID		11
#define GETVAL		12
#define GETALL		13
#define GETNCNT		14
#define GETZCNT		15
#define SETVAL		16
#define SETALL		17
#define SEM_STAT	18
#define SEM_INFO	19
#define SEM_STAT_ANY	20

struct semid_ds {
	struct ipc_perm sem_perm;
	unsigned long sem_otime;	/* last semop */
	unsigned long __sem_otime_high;
	unsigned long sem_ctime;	/* made, or last semctl change */
	unsigned long __sem_ctime_high;
	unsigned long sem_nsems;
	unsigned long __unused3;
	unsigned long __unused4;
};

struct sembuf {
	unsigned short sem_num;
	short sem_op;
	short sem_flg;		/* IPC_NOWAIT, SEM_UNDO */
};

/* The caller defines union semun, as System V says; this is its shape. */
union __semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
	struct seminfo *__buf;
};

struct seminfo {
	int semmap;
	int semmni;
	int semmns;
	int semmnu;
	int semmsl;
	int semopm;
	int semume;
	int semusz;
	int semvmx;
	int semaem;
};

int semget(key_t key, int nsems, int semflg);
int semop(int semid, struct sembuf *sops, size_t nsops);
int semtimedop(int semid, struct sembuf *sops, size_t nsops,
	       const struct timespec *timeout);
int semctl(int semid, int semnum, int cmd, ...);

#endif
