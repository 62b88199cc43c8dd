/*
 * sem.c - SysV semaphores, in the shape of Linux 1.2.13's ipc/sem.c.
 *
 * The story of a semop that has to wait:
 *
 *  1. semget() finds or makes a set: a struct semid_ds in semary[], its
 *     semaphores (sem_base) in the same allocation.
 *  2. semop() copies the operations in and tries them all at once
 *     (try_atomic_semop): either every one applies, or none does.
 *  3. If one would block, the caller queues a struct sem_queue on the set
 *     (oldest first) and sleeps.
 *  4. Whoever changes a value next calls update_queue(), which retries the
 *     sleepers in order, applies those that can now go on their behalf,
 *     and wakes them with the result in q->status.
 *  5. SEM_UNDO records the opposite of each change in a struct sem_undo;
 *     sem_exit() adds it back when the process ends, however it ends.
 *
 * 1.2.13 woke every sleeper on eventn/eventz and let them race to retry;
 * Lintel completes them in order, as Linux has since 2.0. What a program
 * sees (errno values, layouts, limits) follows today's Linux.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/ipc.h>
#include <linux/sem.h>
#include <linux/trace.h>
#include <linux/proc_fs.h>
#include <uapi/linux/sched.h>
#include "util.h"

#define SEQ_LIMIT	(0x7fffffff / SEMMNI)	/* ids stay positive ints */
#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_TICK	(NSEC_PER_SEC / HZ)

static struct semid_ds *semary[SEMMNI];
unsigned long semmsl = SEMMSL, semmns = SEMMNS, semopm = SEMOPM,
	      semmni = SEMMNI;		/* in force: /proc/sys/kernel/sem */
static int max_semid;		/* every used slot is at or below it */
static int used_semids;		/* sets */
static int used_sems;		/* semaphores in all sets */
static unsigned int sem_seq;
static struct wait_queue *sem_lock;	/* waits on SEM_NOID slots */

/* Boot (start_kernel): every slot of semary[] free. */
void sem_init(void)
{
	int i;

	for (i = 0; i < SEMMNI; i++)
		semary[i] = SEM_UNUSED;
}

/* The id a program sees for the set in slot index. */
int sem_id(const struct semid_ds *sma, int index)
{
	return sma->sem_perm.seq * SEMMNI + index;
}

/* The set in slot index, or NULL (for SEM_STAT and /proc). */
struct semid_ds *sem_at(int index)
{
	struct semid_ds *sma;

	if (index < 0 || index >= SEMMNI)
		return NULL;
	sma = semary[index];
	if (sma == SEM_UNUSED || sma == SEM_NOID)
		return NULL;
	return sma;
}

/* The set named by an id; NULL if it is gone (a stale id too, as Linux). */
struct semid_ds *sem_lookup(int semid)
{
	struct semid_ds *sma;

	if (semid < 0)
		return NULL;
	sma = sem_at(semid % SEMMNI);
	if (sma && sma->sem_perm.seq != (unsigned int)(semid / SEMMNI))
		return NULL;
	return sma;
}

/* What SEM_INFO and /proc report: sets, semaphores, highest used slot. */
void sem_usage(int *sets, int *sems, int *max_index)
{
	*sets = used_semids;
	*sems = used_sems;
	*max_index = max_semid;
}

/*
 * The slot holding key, or -1; waits out slots being made (SEM_NOID),
 * except the caller's own (skip).
 */
static int findkey(key_t key, int skip)
{
	int id;

	for (id = 0; id <= max_semid; id++) {
		while (id != skip && semary[id] == SEM_NOID)
			sleep_on(&sem_lock);
		if (semary[id] == SEM_UNUSED || semary[id] == SEM_NOID)
			continue;
		if (key == semary[id]->sem_perm.key)
			return id;
	}
	return -1;
}

/* The first free slot of semary[], or -1 when the first semmni are used. */
static int free_slot(void)
{
	int id;

	for (id = 0; id < (int)semmni; id++)
		if (semary[id] == SEM_UNUSED)
			return id;
	return -1;
}

/*
 * A new set owned and created by the caller, every semaphore 0, no
 * sleepers; sma has room for nsems semaphores right after it.
 */
static void fill_new_set(struct semid_ds *sma, key_t key, int nsems,
			 int semflg)
{
	memset(sma, 0, sizeof(*sma) + nsems * sizeof(struct sem));
	sma->sem_perm.key = key;
	sma->sem_perm.mode = semflg & 0777;
	sma->sem_perm.uid = sma->sem_perm.cuid = current->euid;
	sma->sem_perm.gid = sma->sem_perm.cgid = current->egid;
	sma->sem_perm.seq = sem_seq;
	sma->sem_base = (struct sem *)(sma + 1);
	sma->sem_pending_last = &sma->sem_pending;
	sma->sem_nsems = nsems;
	sma->sem_ctime = CURRENT_TIME;
}

/*
 * Make a set: hold a slot with SEM_NOID while the descriptor is
 * allocated (1.2.13's way; Lintel's kmalloc does not sleep today, but the
 * hold keeps this right when it will), then look for the key again.
 */
static int newary(key_t key, int nsems, int semflg)
{
	struct semid_ds *sma;
	int id;

	if (!nsems)
		return -EINVAL;
	if ((unsigned long)(used_sems + nsems) > semmns)
		return -ENOSPC;
	id = free_slot();
	if (id < 0)
		return -ENOSPC;
	semary[id] = SEM_NOID;
	sma = kmalloc(sizeof(*sma) + nsems * sizeof(struct sem), GFP_KERNEL);
	if (!sma) {
		semary[id] = SEM_UNUSED;
		wake_up(&sem_lock);
		return -ENOMEM;
	}
	if (key != IPC_PRIVATE && findkey(key, id) >= 0) {
		kfree(sma);
		semary[id] = SEM_UNUSED;
		wake_up(&sem_lock);
		return -EAGAIN;
	}
	fill_new_set(sma, key, nsems, semflg);
	if (id > max_semid)
		max_semid = id;
	used_sems += nsems;
	used_semids++;
	semary[id] = sma;
	wake_up(&sem_lock);
	return sem_id(sma, id);
}

/* semget(393), and ipc(SEMGET). */
long sys_semget(key_t key, int nsems, int semflg)
{
	struct semid_ds *sma;
	int id;

	if (nsems < 0 || nsems > (int)semmsl)
		return -EINVAL;
	if (key == IPC_PRIVATE)
		return newary(key, nsems, semflg);
again:
	id = findkey(key, -1);
	if (id < 0) {
		if (!(semflg & IPC_CREAT))
			return -ENOENT;
		id = newary(key, nsems, semflg);
		if (id == -EAGAIN)	/* the key appeared meanwhile */
			goto again;
		return id;
	}
	if ((semflg & IPC_CREAT) && (semflg & IPC_EXCL))
		return -EEXIST;
	sma = semary[id];
	/* 1.2.13 checked the size first: Linux checks access first */
	if (ipcperms(&sma->sem_perm, semflg))
		return -EACCES;
	if (nsems > sma->sem_nsems)
		return -EINVAL;
	return sem_id(sma, id);
}

/* ---- removing a set ---------------------------------------------------- */

static void unlink_queue(struct semid_ds *sma, struct sem_queue *q)
{
	*q->prev = q->next;
	if (q->next)
		q->next->prev = q->prev;
	else
		sma->sem_pending_last = q->prev;
	q->prev = NULL;
}

/* Hand a sleeper its result and wake it. */
static void wake_sleeper(struct semid_ds *sma, struct sem_queue *q,
			 int status)
{
	unlink_queue(sma, q);
	q->status = status;
	trace(TRACE_IPC, "IPC sem wake pid=%d by pid=%d status=%d\n",
	      q->sleeper->pid, current->pid, status);
	wake_up_process(q->sleeper);
}

/*
 * IPC_RMID: every sleeper wakes with EIDRM, every SEM_UNDO record forgets
 * the set (its owner frees it later), and the slot is free again with a
 * new sequence number. The caller has checked ownership.
 */
void freeary(int index)
{
	struct semid_ds *sma = semary[index];
	struct sem_undo *un;

	for (un = sma->undo; un; un = un->id_next)
		un->semid = -1;
	while (sma->sem_pending)
		wake_sleeper(sma, sma->sem_pending, -EIDRM);
	used_sems -= sma->sem_nsems;
	used_semids--;
	semary[index] = SEM_UNUSED;
	sem_seq = (sem_seq + 1) % SEQ_LIMIT;
	if (index == max_semid)
		while (max_semid > 0 && semary[max_semid] == SEM_UNUSED)
			max_semid--;
	kfree(sma);
}

/* ---- applying operations ----------------------------------------------- */

/* Put back the first n of sops, which try_atomic_semop applied. */
static void revert_ops(struct semid_ds *sma, struct sembuf *sops, int n,
		       struct sem_undo *un)
{
	while (--n >= 0) {
		sma->sem_base[sops[n].sem_num].semval -= sops[n].sem_op;
		if (sops[n].sem_flg & SEM_UNDO)
			un->semadj[sops[n].sem_num] += sops[n].sem_op;
	}
}

/*
 * Apply every operation or none. Returns 0 when all applied (sempid set
 * to pid: the tgid, what getpid() says), 1 when one must wait
 * (*blocked_on says which), -EAGAIN when that one said IPC_NOWAIT,
 * -ERANGE when a value or an undo adjustment would leave its range.
 * Values are unchanged unless 0 is returned.
 */
static int try_atomic_semop(struct semid_ds *sma, struct sembuf *sops,
			    int nsops, struct sem_undo *un, pid_t pid,
			    int *blocked_on)
{
	int i, result, err;

	for (i = 0; i < nsops; i++) {
		struct sembuf *sop = &sops[i];
		struct sem *curr = &sma->sem_base[sop->sem_num];

		result = curr->semval + sop->sem_op;
		if ((!sop->sem_op && curr->semval) || result < 0) {
			*blocked_on = i;
			err = sop->sem_flg & IPC_NOWAIT ? -EAGAIN : 1;
			goto out_revert;
		}
		err = -ERANGE;
		if (result > SEMVMX)
			goto out_revert;
		if (sop->sem_flg & SEM_UNDO) {
			int adj = un->semadj[sop->sem_num] - sop->sem_op;

			if (adj < -SEMAEM - 1 || adj > SEMAEM)
				goto out_revert;
			un->semadj[sop->sem_num] = adj;
		}
		curr->semval = result;
	}
	for (i = 0; i < nsops; i++)
		sma->sem_base[sops[i].sem_num].sempid = pid;
	sma->sem_otime = CURRENT_TIME;
	return 0;

out_revert:
	revert_ops(sma, sops, i, un);
	return err;
}

/*
 * Values of sma changed: retry its sleepers, oldest first, and complete
 * each that can now go. After one completes the values are new again, so
 * the scan starts over (an earlier sleeper may go now).
 */
void update_queue(struct semid_ds *sma)
{
	struct sem_queue *q;
	int err;

again:
	for (q = sma->sem_pending; q; q = q->next) {
		err = try_atomic_semop(sma, q->sops, q->nsops, q->undo,
				       q->sleeper->tgid, &q->blocked_on);
		if (err == 1)
			continue;
		wake_sleeper(sma, q, err);
		if (!err)
			goto again;
	}
}

/* How many sleepers wait for semnum to grow (zero: to be zero). */
int sem_count_waiters(struct semid_ds *sma, int semnum, int zero)
{
	struct sem_queue *q;
	int n = 0;

	for (q = sma->sem_pending; q; q = q->next) {
		struct sembuf *sop = &q->sops[q->blocked_on];

		if (sop->sem_num == semnum && !sop->sem_op == !!zero)
			n++;
	}
	return n;
}

/* SETVAL and SETALL make earlier SEM_UNDO adjustments meaningless. */
void sem_clear_undo(struct semid_ds *sma, int semnum)
{
	struct sem_undo *un;
	int i;

	for (un = sma->undo; un; un = un->id_next)
		for (i = 0; i < sma->sem_nsems; i++)
			if (semnum < 0 || i == semnum)
				un->semadj[i] = 0;
}

/* ---- SEM_UNDO records -------------------------------------------------- */

/* current's SEM_UNDO list, made empty at first need; NULL: no memory. */
static struct sem_undo_list *get_undo_list(void)
{
	struct sem_undo_list *ulp = current->semundo;

	if (!ulp && (ulp = kmalloc(sizeof(*ulp), GFP_KERNEL))) {
		ulp->count = 1;
		ulp->proc_list = NULL;
		current->semundo = ulp;
	}
	return ulp;
}

/*
 * copy_semundo - clone's child p shares current's SEM_UNDO list under
 * CLONE_SYSVSEM (a thread's SEM_UNDO is undone when the process ends),
 * else starts with none (fork: not inherited). 0, or -ENOMEM.
 */
int copy_semundo(unsigned long clone_flags, struct task_struct *p)
{
	struct sem_undo_list *ulp;

	p->semundo = NULL;
	if (!(clone_flags & CLONE_SYSVSEM))
		return 0;
	ulp = get_undo_list();
	if (!ulp)
		return -ENOMEM;
	ulp->count++;
	p->semundo = ulp;
	return 0;
}

/*
 * current's record for semid, made (all zero) if it has none. Records of
 * removed sets (semid -1) are freed on the way. NULL: out of memory.
 */
static struct sem_undo *find_undo(struct semid_ds *sma, int semid)
{
	struct sem_undo_list *ulp = get_undo_list();
	struct sem_undo **unp, *un;

	if (!ulp)
		return NULL;
	unp = &ulp->proc_list;
	while ((un = *unp)) {
		if (un->semid == semid)
			return un;
		if (un->semid == -1) {
			*unp = un->proc_next;
			kfree(un);
			continue;
		}
		unp = &un->proc_next;
	}
	un = kmalloc(sizeof(*un) + sma->sem_nsems * sizeof(short), GFP_KERNEL);
	if (!un)
		return NULL;
	memset(un, 0, sizeof(*un) + sma->sem_nsems * sizeof(short));
	un->semid = semid;
	un->semadj = (short *)(un + 1);
	un->proc_next = ulp->proc_list;
	ulp->proc_list = un;
	un->id_next = sma->undo;
	sma->undo = un;
	return un;
}

/* Take un off the set's list of SEM_UNDO records (sem_exit frees it). */
static void unlink_undo(struct semid_ds *sma, struct sem_undo *un)
{
	struct sem_undo **unp;

	for (unp = &sma->undo; *unp; unp = &(*unp)->id_next)
		if (*unp == un) {
			*unp = un->id_next;
			return;
		}
}

/* Add one record's adjustments back, within 0..SEMVMX (as Linux). */
static void apply_undo(struct semid_ds *sma, struct sem_undo *un)
{
	int i, val;

	for (i = 0; i < sma->sem_nsems; i++) {
		if (!un->semadj[i])
			continue;
		val = sma->sem_base[i].semval + un->semadj[i];
		sma->sem_base[i].semval = min(max(val, 0), SEMVMX);
		sma->sem_base[i].sempid = current->tgid;
	}
	sma->sem_otime = CURRENT_TIME;
}

/*
 * do_exit: the last task using the SEM_UNDO list (CLONE_SYSVSEM) undoes
 * what the process's SEM_UNDO operations did, and wakes whoever that
 * lets go on. A process dies here however it dies (exit, a signal); it
 * cannot be asleep in semop, which dequeues before return.
 */
void sem_exit(void)
{
	struct sem_undo_list *ulp = current->semundo;
	struct sem_undo *un;
	struct semid_ds *sma;

	current->semundo = NULL;
	if (!ulp || --ulp->count > 0)
		return;
	while ((un = ulp->proc_list)) {
		ulp->proc_list = un->proc_next;
		sma = un->semid < 0 ? NULL : sem_lookup(un->semid);
		if (sma) {
			unlink_undo(sma, un);
			apply_undo(sma, un);
			update_queue(sma);
		}
		kfree(un);
	}
	kfree(ulp);
}

/* ---- semop ------------------------------------------------------------- */

/*
 * Sleep in sma's queue until the operations are done for us, the set
 * goes (EIDRM), a signal comes (EINTR) or ticks run out (EAGAIN; 0 ticks
 * means no timeout). 1.2.13 slept on eventn/eventz and retried itself.
 */
static int semop_sleep(struct semid_ds *sma, int semid, struct sem_queue *q,
		       unsigned long ticks)
{
	int err;

	q->status = 1;
	q->sleeper = current;
	q->next = NULL;
	q->prev = sma->sem_pending_last;
	*sma->sem_pending_last = q;
	sma->sem_pending_last = &q->next;
	trace(TRACE_IPC, "IPC sem sleep pid=%d semid=%d sem=%d op=%d\n",
	      current->pid, semid, q->sops[q->blocked_on].sem_num,
	      q->sops[q->blocked_on].sem_op);
	current->timeout = ticks ? jiffies + ticks + 1 : 0;
	for (;;) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
		if (q->status != 1) {
			err = q->status;
			break;
		}
		if (signal_pending(current) || (ticks && !current->timeout)) {
			err = signal_pending(current) ? -EINTR : -EAGAIN;
			unlink_queue(sma, q);
			trace(TRACE_IPC, "IPC sem %s pid=%d\n", err == -EINTR ?
			      "interrupted" : "timed out", current->pid);
			break;
		}
	}
	current->timeout = 0;
	return err;
}

/* Check the operations against the set: EFBIG, then EACCES (Linux's order). */
static int check_ops(struct semid_ds *sma, struct sembuf *sops, int nsops,
		     int *undos)
{
	int i, alter = 0, max = 0;

	*undos = 0;
	for (i = 0; i < nsops; i++) {
		max = max(max, sops[i].sem_num);
		if (sops[i].sem_op)
			alter = 1;
		if (sops[i].sem_flg & SEM_UNDO)
			*undos = 1;
	}
	if (max >= sma->sem_nsems)
		return -EFBIG;
	if (ipcperms(&sma->sem_perm, alter ? S_IWUGO : S_IRUGO))
		return -EACCES;
	return 0;
}

/*
 * The body of every semop: sops are in kernel memory, ticks is the
 * timeout (0: none), timed says whether one was given at all (a zero
 * timeout gives up at once).
 */
static long do_semop(int semid, struct sembuf *sops, int nsops,
		     unsigned long ticks, int timed)
{
	struct semid_ds *sma = sem_lookup(semid);
	struct sem_undo *un = NULL;
	struct sem_queue queue;
	int undos, err;

	if (!sma)
		return -EINVAL;
	err = check_ops(sma, sops, nsops, &undos);
	if (err)
		return err;
	if (undos) {
		un = find_undo(sma, semid);
		if (!un)
			return -ENOMEM;
	}
	err = try_atomic_semop(sma, sops, nsops, un, current->tgid,
			       &queue.blocked_on);
	if (!err)
		update_queue(sma);
	if (err != 1)
		return err;
	if (timed && !ticks)
		return -EAGAIN;
	queue.sops = sops;
	queue.nsops = nsops;
	queue.undo = un;
	return semop_sleep(sma, semid, &queue, ticks);
}

/* A timeout in ticks, rounded up, at least 1 unless it is zero. */
static long timeout_ticks(long sec, long nsec, unsigned long *ticks)
{
	if (sec < 0 || nsec < 0 || nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if ((unsigned long)sec > (~0UL >> 1) / HZ - 1)
		sec = (~0UL >> 1) / HZ - 1;	/* far enough: forever */
	*ticks = sec * HZ + (nsec + NSEC_PER_TICK - 1) / NSEC_PER_TICK;
	return 0;
}

/* The user's timespec in either width: 32-bit (ipc SEMTIMEDOP) or time64. */
struct old_timespec32 {
	long tv_sec, tv_nsec;
};

struct kernel_timespec64 {
	long long tv_sec;
	long long tv_nsec;	/* only the low 32 bits count on i386 */
};

/*
 * Checks in today's Linux order: the timeout is read, then nsops and the
 * id's sign, then the count (E2BIG), then the operations are read, then
 * the timeout's value is checked.
 */
static long semtimedop_common(int semid, struct sembuf *tsops,
			      unsigned int nsops, long sec, long nsec,
			      int timed)
{
	struct sembuf sops[SEMOPM];
	unsigned long ticks = 0;

	if (nsops < 1 || semid < 0)
		return -EINVAL;
	if (nsops > semopm)
		return -E2BIG;
	if (memcpy_fromfs(sops, tsops, nsops * sizeof(*sops)))
		return -EFAULT;
	if (timed && timeout_ticks(sec, nsec, &ticks))
		return -EINVAL;
	return do_semop(semid, sops, nsops, ticks, timed);
}

/* ipc(SEMOP): no timeout, as 1.2.13's sys_semop. */
long sys_semop(int semid, struct sembuf *tsops, unsigned int nsops)
{
	return semtimedop_common(semid, tsops, nsops, 0, 0, 0);
}

/* ipc(SEMTIMEDOP): a 32-bit timespec (NULL: none). */
long sys_semtimedop(int semid, struct sembuf *tsops, unsigned int nsops,
		    const void *timeout)
{
	struct old_timespec32 ts;

	if (!timeout)
		return sys_semop(semid, tsops, nsops);
	if (memcpy_fromfs(&ts, timeout, sizeof(ts)))
		return -EFAULT;
	return semtimedop_common(semid, tsops, nsops, ts.tv_sec, ts.tv_nsec, 1);
}

/* semtimedop_time64(420): a 64-bit timespec (NULL: none). */
long sys_semtimedop_time64(int semid, struct sembuf *tsops,
			   unsigned int nsops, const void *timeout)
{
	struct kernel_timespec64 ts;
	long sec;

	if (!timeout)
		return sys_semop(semid, tsops, nsops);
	if (memcpy_fromfs(&ts, timeout, sizeof(ts)))
		return -EFAULT;
	sec = ts.tv_sec > 0x7fffffffLL ? 0x7fffffffL : (long)ts.tv_sec;
	if (ts.tv_sec < 0)
		sec = -1;
	return semtimedop_common(semid, tsops, nsops, sec, (long)ts.tv_nsec,
				 1);
}

/* ---- /proc/sysvipc/sem ------------------------------------------------- */

/* One line per set, with Linux's columns (those of a 32-bit kernel). */
int sysvipc_sem_proc_show(struct proc_buf *pb, struct task_struct *task)
{
	char octal[PROC_OCTAL_MAX];
	struct semid_ds *sma;
	int i;

	proc_printf(pb, "       key      semid perms      nsems   uid   gid"
		    "  cuid  cgid      otime      ctime\n");
	for (i = 0; i <= max_semid; i++) {
		sma = sem_at(i);
		if (!sma)
			continue;
		proc_printf(pb, "%10d %10d  %4s %10u %5u %5u %5u %5u %10ld "
			    "%10ld\n", sma->sem_perm.key, sem_id(sma, i),
			    proc_octal(octal, sma->sem_perm.mode),
			    sma->sem_nsems, sma->sem_perm.uid,
			    sma->sem_perm.gid, sma->sem_perm.cuid,
			    sma->sem_perm.cgid, sma->sem_otime,
			    sma->sem_ctime);
	}
	return 0;
}
