/*
 * sys/shm.h - System V shared memory.
 *
 * The calls enter the kernel through the ipc (117) multiplexer with
 * Linux's call numbers, and shmctl sends IPC_64, so struct shmid_ds is
 * Linux i386's shmid64_ds (the one glibc uses): times are split into low
 * and high words.
 */
#ifndef _SYS_SHM_H
#define _SYS_SHM_H

#include <sys/types.h>
#include <sys/ipc.h>

/* shmat flags */
#define SHM_RDONLY	010000	/* attach read-only */
#define SHM_RND		020000	/* round the address down to SHMLBA */
#define SHM_REMAP	040000	/* replace whatever is mapped there */

/* shmctl commands, beside IPC_RMID, IPC_SET, IPC_STAT and IPC_INFO */
#define SHM_LOCK	11
#define SHM_UNLOCK	12
#define SHM_STAT	13
#define SHM_INFO	14
#define SHM_STAT_ANY	15

/* bits in shm_perm.mode */
#define SHM_DEST	01000	/* destroy when the last attach goes */
#define SHM_LOCKED	02000

#define SHMLBA		4096

typedef unsigned long shmatt_t;

struct shmid_ds {
	struct ipc_perm shm_perm;
	size_t shm_segsz;		/* bytes */
	unsigned long shm_atime;	/* last attach */
	unsigned long __shm_atime_high;
	unsigned long shm_dtime;	/* last detach */
	unsigned long __shm_dtime_high;
	unsigned long shm_ctime;	/* last change */
	unsigned long __shm_ctime_high;
	pid_t shm_cpid;			/* creator */
	pid_t shm_lpid;			/* last attach or detach */
	shmatt_t shm_nattch;
	unsigned long __unused4;
	unsigned long __unused5;
};

/* IPC_INFO fills this: the system's limits. */
struct shminfo {
	unsigned long shmmax;
	unsigned long shmmin;
	unsigned long shmmni;
	unsigned long shmseg;
	unsigned long shmall;
	unsigned long __unused1;
	unsigned long __unused2;
	unsigned long __unused3;
	unsigned long __unused4;
};

/* SHM_INFO fills this: what is in use now. */
struct shm_info {
	int used_ids;
	unsigned long shm_tot;		/* pages of all segments */
	unsigned long shm_rss;		/* pages present */
	unsigned long shm_swp;		/* pages swapped out */
	unsigned long swap_attempts;
	unsigned long swap_successes;
};

int shmget(key_t key, size_t size, int shmflg);
void *shmat(int shmid, const void *addr, int shmflg);
int shmdt(const void *addr);
int shmctl(int shmid, int cmd, struct shmid_ds *buf);

#endif
