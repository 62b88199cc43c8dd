#ifndef _IPC_UTIL_H
#define _IPC_UTIL_H

/*
 * What the files of ipc/ share and nobody else sees (Linux's ipc/util.h).
 * The segment table itself, shm_segs[], stays static in ipc/shm.c: the
 * others reach segments through shm_get and shm_lookup.
 */
#include <linux/shm.h>

#define S_IRUGO		0444
#define S_IWUGO		0222
#define S_IRWXUGO	0777	/* what IPC_SET may change of mode */

/* ipc/util.c */
int ipcperms(struct ipc_perm *ipcp, short flag);
int ipc_owner(const struct ipc_perm *perm);
void ipc_update_perm(const struct ipc64_perm *in, struct ipc_perm *out);
void kernel_to_ipc64_perm(const struct ipc_perm *in, struct ipc64_perm *out);
void kernel_to_ipc_perm_old(const struct ipc_perm *in,
			    struct ipc_perm_old *out);
void ipc_perm_old_to_64(const struct ipc_perm_old *in,
			struct ipc64_perm *out);

/* ipc/shm.c: the table's bookkeeping, for shmctl's IPC_INFO and SHM_INFO */
extern unsigned long shm_tot, shm_swp;	/* in pages */
extern int max_shmid, used_segs;
extern unsigned long shmmax, shmall, shmmni;	/* in force */

int shm_id(const struct shmid_ds *shp, int index);
struct shmid_ds *shm_get(int index);
struct shmid_ds *shm_lookup(int shmid);
void killseg(int id);

/* ipc/shm_swap.c: a page of a segment back from swap */
int shm_read_in(struct shmid_ds *shp, int id, unsigned long idx,
		unsigned long page);

/* ipc/sem.c: the sets, for semctl.c */
extern unsigned long semmsl, semmns, semopm, semmni;	/* in force */
struct semid_ds;
int sem_id(const struct semid_ds *sma, int index);
struct semid_ds *sem_at(int index);
struct semid_ds *sem_lookup(int semid);
void sem_usage(int *sets, int *sems, int *max_index);
void update_queue(struct semid_ds *sma);
void freeary(int index);
void sem_clear_undo(struct semid_ds *sma, int semnum);
int sem_count_waiters(struct semid_ds *sma, int semnum, int zero);

/* ipc/msg.c: the queues, for msgctl.c */
extern unsigned long msgmax, msgmnb, msgmni;	/* in force */
struct msqid_ds;
int msg_id(const struct msqid_ds *msq, int index);
struct msqid_ds *msg_at(int index);
struct msqid_ds *msg_lookup(int msqid);
void msg_usage(int *queues, int *msgs, int *bytes, int *max_index);
void freeque(int index);
void msg_wake_all(struct msqid_ds *msq);

#endif
