/*
 * semctl.c - semctl, the user-ABI side of SysV semaphores: every command
 * today's Linux has, in its order of checks, and both layouts (semid_ds
 * for ipc(SEMCTL) without IPC_64, semid64_ds otherwise). The sets
 * themselves live in ipc/sem.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/ipc.h>
#include <linux/sem.h>
#include "util.h"

/*
 * A set's public fields, zero-filled elsewhere, in the caller's layout.
 * 1.2.13 copied its own semid_ds out, kernel pointers and all.
 */
static int copy_semid_to_user(void *buf, struct semid_ds *sma, int version)
{
	struct semid64_ds out64;
	struct semid_ds_old old;

	if (version == IPC_64) {
		memset(&out64, 0, sizeof(out64));
		kernel_to_ipc64_perm(&sma->sem_perm, &out64.sem_perm);
		out64.sem_otime = sma->sem_otime;
		out64.sem_ctime = sma->sem_ctime;
		out64.sem_nsems = sma->sem_nsems;
		return memcpy_tofs(buf, &out64, sizeof(out64));
	}
	memset(&old, 0, sizeof(old));
	kernel_to_ipc_perm_old(&sma->sem_perm, &old.sem_perm);
	old.sem_otime = sma->sem_otime;
	old.sem_ctime = sma->sem_ctime;
	old.sem_nsems = sma->sem_nsems;
	return memcpy_tofs(buf, &old, sizeof(old));
}

/* Read IPC_SET's buffer in the caller's layout: 0, or -EFAULT. */
static int copy_setbuf_from_user(struct ipc64_perm *s, void *buf,
				 int version)
{
	struct semid64_ds in64;
	struct semid_ds_old old;

	if (version == IPC_64) {
		if (memcpy_fromfs(&in64, buf, sizeof(in64)))
			return -EFAULT;
		*s = in64.sem_perm;
		return 0;
	}
	if (memcpy_fromfs(&old, buf, sizeof(old)))
		return -EFAULT;
	ipc_perm_old_to_64(&old.sem_perm, s);
	return 0;
}

/* IPC_INFO: the limits; SEM_INFO: the same, two fields used for usage. */
static long sem_info(int cmd, void *buf)
{
	struct seminfo info;
	int sets, sems, max_index;

	sem_usage(&sets, &sems, &max_index);
	info.semmni = semmni;
	info.semmns = semmns;
	info.semmsl = semmsl;
	info.semopm = semopm;
	info.semvmx = SEMVMX;
	info.semmnu = SEMMNU;
	info.semmap = SEMMAP;
	info.semume = SEMUME;
	info.semusz = cmd == SEM_INFO ? sets : SEMUSZ;
	info.semaem = cmd == SEM_INFO ? sems : SEMAEM;
	return memcpy_tofs(buf, &info, sizeof(info)) ? -EFAULT : max_index;
}

/*
 * IPC_STAT names a set by id and returns 0; SEM_STAT and SEM_STAT_ANY
 * name a slot and return the id (SEM_STAT_ANY skips the read check).
 */
static long sem_stat(int semid, int cmd, void *buf, int version)
{
	struct semid_ds *sma = cmd == IPC_STAT ? sem_lookup(semid)
					       : sem_at(semid);

	if (!sma)
		return -EINVAL;
	if (cmd != SEM_STAT_ANY && ipcperms(&sma->sem_perm, S_IRUGO))
		return -EACCES;
	if (copy_semid_to_user(buf, sma, version))
		return -EFAULT;
	return cmd == IPC_STAT ? 0 : sem_id(sma, semid);
}

/* GETALL: every value, as unsigned shorts (the caller checked read access). */
static long sem_getall(struct semid_ds *sma, void *buf)
{
	unsigned short vals[SEMMSL];
	int i;

	for (i = 0; i < sma->sem_nsems; i++)
		vals[i] = sma->sem_base[i].semval;
	if (memcpy_tofs(buf, vals, sma->sem_nsems * sizeof(vals[0])))
		return -EFAULT;
	return 0;
}

/* SETALL: every value at once; SEM_UNDO records of the set start over. */
static long sem_setall(struct semid_ds *sma, void *buf)
{
	unsigned short vals[SEMMSL];
	int i;

	if (memcpy_fromfs(vals, buf, sma->sem_nsems * sizeof(vals[0])))
		return -EFAULT;
	for (i = 0; i < sma->sem_nsems; i++)
		if (vals[i] > SEMVMX)
			return -ERANGE;
	for (i = 0; i < sma->sem_nsems; i++) {
		sma->sem_base[i].semval = vals[i];
		sma->sem_base[i].sempid = current->tgid;
	}
	sem_clear_undo(sma, -1);
	sma->sem_ctime = CURRENT_TIME;
	update_queue(sma);
	return 0;
}

/* GETALL, SETALL and the one-semaphore reads: read (or write) access. */
static long semctl_main(int semid, int semnum, int cmd, void *buf)
{
	struct semid_ds *sma = sem_lookup(semid);

	if (!sma)
		return -EINVAL;
	if (ipcperms(&sma->sem_perm, cmd == SETALL ? S_IWUGO : S_IRUGO))
		return -EACCES;
	if (cmd == GETALL)
		return sem_getall(sma, buf);
	if (cmd == SETALL)
		return sem_setall(sma, buf);
	if (semnum < 0 || semnum >= sma->sem_nsems)
		return -EINVAL;
	switch (cmd) {
	case GETVAL:
		return sma->sem_base[semnum].semval;
	case GETPID:
		return sma->sem_base[semnum].sempid;
	case GETNCNT:
		return sem_count_waiters(sma, semnum, 0);
	}
	return sem_count_waiters(sma, semnum, 1);	/* GETZCNT */
}

/* SETVAL: the range is checked before the id, as Linux does. */
static long semctl_setval(int semid, int semnum, int val)
{
	struct semid_ds *sma;

	if (val < 0 || val > SEMVMX)
		return -ERANGE;
	sma = sem_lookup(semid);
	if (!sma)
		return -EINVAL;
	if (semnum < 0 || semnum >= sma->sem_nsems)
		return -EINVAL;
	if (ipcperms(&sma->sem_perm, S_IWUGO))
		return -EACCES;
	sem_clear_undo(sma, semnum);
	sma->sem_base[semnum].semval = val;
	sma->sem_base[semnum].sempid = current->tgid;
	sma->sem_ctime = CURRENT_TIME;
	update_queue(sma);
	return 0;
}

/* IPC_SET and IPC_RMID: only the owner, the creator or root. */
static long semctl_down(int semid, int cmd, const struct ipc64_perm *s)
{
	struct semid_ds *sma = sem_lookup(semid);

	if (!sma)
		return -EINVAL;
	if (!ipc_owner(&sma->sem_perm))
		return -EPERM;
	if (cmd == IPC_RMID) {
		freeary(semid % SEMMNI);
		return 0;
	}
	ipc_update_perm(s, &sma->sem_perm);
	sma->sem_ctime = CURRENT_TIME;
	return 0;
}

/*
 * Every command; arg is semun: a value (SETVAL) or a pointer. Unknown
 * commands, and IPC_64 left in cmd, are EINVAL.
 */
static long do_semctl(int semid, int semnum, int cmd, unsigned long arg,
		      int version)
{
	struct ipc64_perm setbuf = { 0 };
	void *buf = (void *)arg;

	if (semid < 0)
		return -EINVAL;
	switch (cmd) {
	case IPC_INFO:
	case SEM_INFO:
		return sem_info(cmd, buf);
	case IPC_STAT:
	case SEM_STAT:
	case SEM_STAT_ANY:
		return sem_stat(semid, cmd, buf, version);
	case GETALL:
	case GETVAL:
	case GETPID:
	case GETNCNT:
	case GETZCNT:
	case SETALL:
		return semctl_main(semid, semnum, cmd, buf);
	case SETVAL:
		return semctl_setval(semid, semnum, (int)arg);
	case IPC_SET:
		if (copy_setbuf_from_user(&setbuf, buf, version))
			return -EFAULT;
		return semctl_down(semid, cmd, &setbuf);
	case IPC_RMID:
		return semctl_down(semid, cmd, NULL);
	}
	return -EINVAL;
}

/* semctl(394), today's direct call: always the semid64_ds layout. */
long sys_semctl(int semid, int semnum, int cmd, unsigned long arg)
{
	return do_semctl(semid, semnum, cmd, arg, IPC_64);
}

/*
 * ipc(SEMCTL): ptr points at the semun argument (NULL: EINVAL), and cmd
 * may carry IPC_64. 1.2.13 knew no IPC_64.
 */
long sys_old_semctl(int semid, int semnum, int cmd, void *ptr)
{
	unsigned long arg;

	if (!ptr)
		return -EINVAL;
	if (get_fs_long(ptr, &arg))
		return -EFAULT;
	return do_semctl(semid, semnum, cmd & ~IPC_64, arg, cmd & IPC_64);
}

/* ---- the limits, for /proc/sys/kernel/sem ------------------------------ */

#define INT_MAX_LIMIT	0x7fffffffUL	/* Linux keeps them in ints */

/* The variable behind a limit, and the most Lintel lets it be. */
static unsigned long *sem_limit_var(enum sem_limit which, unsigned long *most)
{
	switch (which) {
	case SEM_LIMIT_MSL:
		*most = SEMMSL;		/* GETALL's and SETALL's arrays */
		return &semmsl;
	case SEM_LIMIT_MNS:
		*most = INT_MAX_LIMIT;
		return &semmns;
	case SEM_LIMIT_OPM:
		*most = SEMOPM;		/* semtimedop's array of sembufs */
		return &semopm;
	case SEM_LIMIT_MNI:
		*most = SEMMNI;		/* semary[]'s slots */
		return &semmni;
	case NR_SEM_LIMITS:
		break;
	}
	return NULL;
}

/* sem_get_limit - a limit in force, for /proc/sys/kernel/sem. */
unsigned long sem_get_limit(enum sem_limit which)
{
	unsigned long most, *v = sem_limit_var(which, &most);

	return v ? *v : 0;
}

/*
 * sem_set_limits - all four limits at once, in /proc/sys/kernel/sem's
 * order, from then on (existing sets stay). -EINVAL, and nothing
 * changed, when one is past what Lintel's fixed arrays hold (Linux
 * takes any int, up to IPCMNI sets).
 */
int sem_set_limits(const unsigned long values[NR_SEM_LIMITS])
{
	unsigned long most;
	int i;

	for (i = 0; i < NR_SEM_LIMITS; i++)
		if (!sem_limit_var(i, &most) || values[i] > most)
			return -EINVAL;
	for (i = 0; i < NR_SEM_LIMITS; i++)
		*sem_limit_var(i, &most) = values[i];
	return 0;
}
