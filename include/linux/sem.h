#ifndef _LINUX_SEM_H
#define _LINUX_SEM_H

/*
 * SysV semaphores (ipc/sem.c, ipc/semctl.c), in 1.2.13's shape: a global
 * array semary[] of semaphore sets, with the sentinels and sequence
 * numbers shm uses. A semop that cannot go on sleeps in the set's queue
 * of pending operations; whoever changes a value retries that queue in
 * order and completes what it can on the sleepers' behalf (as Linux 2.0
 * did; 1.2.13 woke every sleeper and let them race).
 */
#include <linux/types.h>
#include <linux/shm.h>		/* struct ipc_perm, IPC_* and the perm layouts */

/* semop flags, and semctl commands beside IPC_RMID/SET/STAT/INFO */
#define SEM_UNDO	0x1000
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

/*
 * Limits: SEMMNI is the size of semary[]; the others are 1.2.13's values
 * (today's Linux allows more of everything; IPC_INFO tells a program).
 */
#define SEMMNI		128
#define SEMMSL		32		/* semaphores per set */
#define SEMMNS		(SEMMNI * SEMMSL)	/* semaphores in all */
#define SEMOPM		32		/* operations per semop */
#define SEMVMX		32767		/* largest semaphore value */
#define SEMAEM		SEMVMX		/* largest SEM_UNDO adjustment */
#define SEMUME		SEMOPM
#define SEMMNU		SEMMNS
#define SEMMAP		SEMMNS
#define SEMUSZ		20

/*
 * ipc/semctl.c: the limits /proc/sys/kernel/sem shows, in its order,
 * and root may change (the defines above are their values at boot).
 */
enum sem_limit { SEM_LIMIT_MSL, SEM_LIMIT_MNS, SEM_LIMIT_OPM, SEM_LIMIT_MNI,
		 NR_SEM_LIMITS };
unsigned long sem_get_limit(enum sem_limit which);
int sem_set_limits(const unsigned long values[NR_SEM_LIMITS]);

/* semary[] slots that hold no set (the shm sentinels' values) */
#define SEM_UNUSED	((struct semid_ds *)-1)
#define SEM_NOID	((struct semid_ds *)-2)

struct sem {
	short semval;
	pid_t sempid;		/* last to operate on it */
};

/* One operation, as user space passes it (6 bytes, Linux's layout). */
struct sembuf {
	unsigned short sem_num;
	short sem_op;
	short sem_flg;
};

struct sem_queue;
struct sem_undo;

/* A set. */
struct semid_ds {
	struct ipc_perm sem_perm;
	time_t sem_otime;		/* last semop that changed it */
	time_t sem_ctime;		/* made, or last changed by semctl */
	struct sem *sem_base;		/* sem_nsems semaphores */
	struct sem_queue *sem_pending;	/* sleepers, oldest first */
	struct sem_queue **sem_pending_last;
	struct sem_undo *undo;		/* SEM_UNDO records on this set */
	unsigned short sem_nsems;
};

/*
 * A sleeping semop. status stays 1 while it waits; whoever completes it
 * (or removes the set) writes the result there and wakes the sleeper.
 */
struct sem_queue {
	struct sem_queue *next;
	struct sem_queue **prev;
	struct task_struct *sleeper;
	struct sem_undo *undo;
	int status;
	struct sembuf *sops;
	int nsops;
	int blocked_on;		/* index of the op that blocked it */
};

/*
 * What SEM_UNDO has done to a set, per process: exit adds semadj[] back.
 * On the process's list (task->semundo->proc_list) and the set's (sma->undo); semid
 * becomes -1 when the set is removed.
 */
struct sem_undo {
	struct sem_undo *proc_next;
	struct sem_undo *id_next;
	int semid;
	short *semadj;
};

/*
 * A process's SEM_UNDO records (task->semundo, Linux's sem_undo_list):
 * made at its first SEM_UNDO operation, shared by the tasks clone made
 * with CLONE_SYSVSEM (count says how many), applied by the last of them
 * to exit. 1.2.13 hung the records off the task_struct itself.
 */
struct sem_undo_list {
	int count;
	struct sem_undo *proc_list;
};

/* The user layouts (Linux i386). */
struct semid_ds_old {			/* 44 bytes: cmd without IPC_64 */
	struct ipc_perm_old sem_perm;
	long sem_otime, sem_ctime;
	unsigned long sem_base, sem_pending, sem_pending_last, undo;
	unsigned short sem_nsems;
};

struct semid64_ds {			/* 64 bytes: semctl(394), IPC_64 */
	struct ipc64_perm sem_perm;
	unsigned long sem_otime, sem_otime_high;
	unsigned long sem_ctime, sem_ctime_high;
	unsigned long sem_nsems;
	unsigned long __unused3, __unused4;
};

struct seminfo {
	int semmap, semmni, semmns, semmnu, semmsl, semopm, semume, semusz,
	    semvmx, semaem;
};

/* ipc/sem.c: boot, clone and do_exit */
void sem_init(void);
int copy_semundo(unsigned long clone_flags, struct task_struct *p);
void sem_exit(void);

#endif
