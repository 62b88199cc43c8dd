#ifndef _LINUX_SHM_H
#define _LINUX_SHM_H

/*
 * SysV shared memory (ipc/shm.c), in 1.2.13's shape: an array shm_segs[]
 * of segment descriptors (static in ipc/shm.c), and attaches that are plain
 * vm_area_structs whose page-table entries start out as "signatures"
 * naming the segment and the page, so that the first touch of each page
 * faults into shm_swap_in().
 */
#include <linux/types.h>
#include <linux/mm.h>

/* Flags and commands: Linux's values. */
#define IPC_PRIVATE	((key_t)0)
#define IPC_CREAT	00001000
#define IPC_EXCL	00002000
#define IPC_NOWAIT	00004000
#define IPC_RMID	0
#define IPC_SET		1
#define IPC_STAT	2
#define IPC_INFO	3
#define IPC_64		0x0100	/* cmd flag: the shmid64_ds layout */

#define SHM_RDONLY	010000
#define SHM_RND		020000
#define SHM_REMAP	040000
#define SHM_EXEC	0100000
#define SHM_LOCK	11
#define SHM_UNLOCK	12
#define SHM_STAT	13
#define SHM_INFO	14
#define SHM_STAT_ANY	15

#define SHM_DEST	01000	/* in shm_perm.mode: destroy at last detach */
#define SHM_LOCKED	02000	/* in shm_perm.mode: SHM_LOCK was done */

/*
 * The fields of a signature pte (the layout is in linux/mm.h):
 *
 *   31             15 14        8 7          1 0
 *  +-----------------+-----------+------------+---+
 *  |  idx: the page  | id: the   | SHM_SWP_   | 0 |
 *  |  in the segment | slot in   | TYPE       |   |
 *  |  (15 bits)      | shm_segs[]| (0x41)     |   |
 *  +-----------------+-----------+------------+---+
 */
#define SHM_ID_SHIFT	8
#define _SHM_ID_BITS	7
#define SHM_ID_MASK	((1 << _SHM_ID_BITS) - 1)
#define SHM_IDX_SHIFT	(SHM_ID_SHIFT + _SHM_ID_BITS)
#define _SHM_IDX_BITS	15
#define SHM_IDX_MASK	((1 << _SHM_IDX_BITS) - 1)

/*
 * Limits. SHMMNI is also the size of shm_segs[] and is bounded by the 7
 * bits a signature has for the slot index; SHMMAX and SHMALL (pages) are
 * defaults that shmmax= and shmall= on the command line may lower or
 * raise (up to the 15 bits a signature has for the page index).
 */
#define SHMMNI		128
#define SHMMIN		1
#define SHMMAX		(32UL << 20)
#define SHMALL		((64UL << 20) >> PAGE_SHIFT)
#define SHMSEG		SHMMNI		/* per process: not enforced, as Linux */
#define SHMLBA		PAGE_SIZE
#define SHM_MAX_PAGES	(SHM_IDX_MASK + 1)

/* shm_segs[] slots that hold no segment (1.2.13's sentinels). */
#define IPC_UNUSED	((struct shmid_ds *)-1)
#define IPC_NOID	((struct shmid_ds *)-2)

struct ipc_perm {
	key_t key;
	uid_t uid, gid;		/* owner */
	uid_t cuid, cgid;	/* creator */
	unsigned short mode;	/* low 9 bits: rwx for u/g/o; SHM_DEST... */
	unsigned int seq;	/* changes when the slot is reused */
};

/*
 * A segment. The public part is what IPC_STAT reports (converted to the
 * caller's layout); the last three fields are the kernel's own, as in
 * 1.2.13 (which copied them out to user space too: never here).
 */
struct shmid_ds {
	struct ipc_perm shm_perm;
	unsigned long shm_segsz;	/* bytes asked for */
	time_t shm_atime, shm_dtime, shm_ctime;
	pid_t shm_cpid, shm_lpid;	/* creator, last shmat/shmdt */
	unsigned long shm_nattch;	/* attach vmas, fork included */

	unsigned long shm_npages;
	unsigned long *shm_pages;	/* pte values; 0: never touched */
	struct vm_area_struct *attaches; /* ring through vm_next_share */
};

/*
 * What the rest of the kernel may ask of ipc/ (the segment table is
 * ipc/shm.c's own; ipc/util.h shares it within ipc/).
 */
extern unsigned long shm_rss;	/* pages present, for /proc/meminfo */

void shm_init(void);

/* ipc/shmctl.c: the limits /proc/sys/kernel/shm* show and root may change. */
enum shm_limit { SHM_LIMIT_MAX, SHM_LIMIT_ALL, SHM_LIMIT_MNI };
unsigned long shm_get_limit(enum shm_limit which);
int shm_set_limit(enum shm_limit which, unsigned long value);
int shm_attach_info(struct vm_area_struct *vma, key_t *key, int *id);

/* The user-visible layouts (Linux i386), for shmctl's copy in and out. */
struct ipc_perm_old {
	key_t key;
	unsigned short uid, gid, cuid, cgid, mode, seq;
};

struct shmid_ds_old {			/* 48 bytes: cmd without IPC_64 */
	struct ipc_perm_old shm_perm;
	int shm_segsz;
	long shm_atime, shm_dtime, shm_ctime;
	unsigned short shm_cpid, shm_lpid;
	unsigned short shm_nattch, shm_unused;
	unsigned long shm_unused2, shm_unused3;
};

struct ipc64_perm {
	key_t key;
	unsigned int uid, gid, cuid, cgid;
	unsigned short mode, __pad1, seq, __pad2;
	unsigned long __unused1, __unused2;
};

struct shmid64_ds {			/* 84 bytes: cmd | IPC_64 (glibc) */
	struct ipc64_perm shm_perm;
	unsigned long shm_segsz;
	unsigned long shm_atime, shm_atime_high;
	unsigned long shm_dtime, shm_dtime_high;
	unsigned long shm_ctime, shm_ctime_high;
	int shm_cpid, shm_lpid;
	unsigned long shm_nattch;
	unsigned long __unused4, __unused5;
};

struct shminfo_old {
	int shmmax, shmmin, shmmni, shmseg, shmall;
};

struct shminfo64 {
	unsigned long shmmax, shmmin, shmmni, shmseg, shmall;
	unsigned long __unused1, __unused2, __unused3, __unused4;
};

struct shm_info {
	int used_ids;
	unsigned long shm_tot, shm_rss, shm_swp;
	unsigned long swap_attempts, swap_successes;
};

#endif
