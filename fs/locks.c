/*
 * locks.c - flock (143): advisory whole-file locks, shared or exclusive.
 *
 * A lock belongs to an open file (a struct file, Linux's "open file
 * description"), not to a process: descriptors made by dup or inherited
 * across fork share it, and it goes when the last of them is closed
 * (locks_remove_flock, from close_fp) or with LOCK_UN. Each open file
 * holds at most one lock, in f_lock; two open files conflict when they
 * name the same inode (i_dev, i_ino) and either lock is exclusive. The
 * holders are found by walking file_table, which is short and which
 * GDB prints whole: no separate lock list to keep right.
 *
 * 1.2.13's fs/locks.c had only fcntl's POSIX locks; flock came in 2.0.
 * Lintel has flock only (fcntl's F_SETLK stays unimplemented).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fcntl.h>

static struct wait_queue *flock_wait;	/* waiters for any flock to go */

/* Do a and b name the same file? Inodes are copies: compare identities. */
static int same_inode(const struct inode *a, const struct inode *b)
{
	return a->i_dev == b->i_dev && a->i_ino == b->i_ino;
}

/*
 * flock_conflict - the first other open file of the same inode whose
 * lock keeps filp from taking one of type (LOCK_SH or LOCK_EX), or
 * NULL if it may take it now. A shared lock only meets an exclusive one.
 */
static struct file *flock_conflict(const struct file *filp, int type)
{
	struct file *f;

	for (f = file_table; f < file_table + NR_FILE; f++) {
		if (!f->f_count || f == filp || !f->f_lock ||
		    !same_inode(&f->f_inode, &filp->f_inode))
			continue;
		if (type == LOCK_EX || f->f_lock == LOCK_EX)
			return f;
	}
	return NULL;
}

/*
 * locks_remove_flock - filp lets its lock go (LOCK_UN, a conversion, the
 * last close) and every waiter looks again. Safe on a file without one.
 */
void locks_remove_flock(struct file *filp)
{
	if (!filp->f_lock)
		return;
	filp->f_lock = 0;
	wake_up_interruptible(&flock_wait);
}

/*
 * flock_lock_file - give filp a lock of type, sleeping while another
 * open file's lock conflicts unless nonblock. As on Linux, a conversion
 * (shared to exclusive or back) drops the old lock first, so it is not
 * atomic, and a waiter another took the file from waits again. Returns
 * 0, -EWOULDBLOCK for LOCK_NB, or -ERESTARTSYS when a signal comes (the
 * call restarts under SA_RESTART, as Linux's flock does).
 */
static int flock_lock_file(struct file *filp, int type, int nonblock)
{
	if (filp->f_lock == type)
		return 0;
	locks_remove_flock(filp);
	while (flock_conflict(filp, type)) {
		if (nonblock)
			return -EWOULDBLOCK;
		interruptible_sleep_on(&flock_wait);
		if (signal_pending(current))
			return -ERESTARTSYS;
	}
	filp->f_lock = type;
	return 0;
}

/*
 * flock (143): operation is LOCK_SH, LOCK_EX or LOCK_UN, with LOCK_NB
 * to fail rather than wait. -EBADF for a descriptor not open, -EINVAL
 * for any other operation, as Linux.
 */
long sys_flock(unsigned int fd, unsigned int operation)
{
	struct file *filp = fget(fd);
	unsigned int cmd = operation & ~LOCK_NB;

	if (!filp)
		return -EBADF;
	if (cmd == LOCK_UN) {
		locks_remove_flock(filp);
		return 0;
	}
	if (cmd != LOCK_SH && cmd != LOCK_EX)
		return -EINVAL;
	return flock_lock_file(filp, cmd, operation & LOCK_NB);
}
