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

/* ipc/util.c */
int ipcperms(struct ipc_perm *ipcp, short flag);

/* ipc/shm.c: the table's bookkeeping, for shmctl's IPC_INFO and SHM_INFO */
extern unsigned long shm_tot, shm_swp;	/* in pages */
extern int max_shmid, used_segs;
extern unsigned long shmmax, shmall, shmmni;	/* in force */

int shm_id(const struct shmid_ds *shp, int index);
struct shmid_ds *shm_get(int index);
struct shmid_ds *shm_lookup(int shmid);
void killseg(int id);

#endif
