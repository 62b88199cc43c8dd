/*
 * futex_pi.c - priority-inheritance futexes: the kernel half of glibc's
 * and musl's PTHREAD_PRIO_INHERIT mutexes (not in 1.2.13: Linux 2.6.18).
 *
 * Here the word belongs to the kernel's protocol, not only to user space:
 *
 *	 31        30          29 ..  0
 *	+---------+-----------+------------------+
 *	| WAITERS | OWNER_DIED | owner's tid, or 0 |
 *	+---------+-----------+------------------+
 *
 * User space takes a free mutex by writing its tid over 0, and frees one
 * without waiters by writing 0 over its tid; it calls FUTEX_LOCK_PI when
 * the word names another owner, and FUTEX_UNLOCK_PI when WAITERS is set.
 * The kernel sets WAITERS before a locker sleeps, and at unlock writes
 * the oldest sleeper's tid into the word before waking it: the lock is
 * handed over, not fought for.
 *
 * Lintel's scheduler has no real-time priorities, so there is nothing
 * to inherit: a sleeper does not lend its priority to the owner, as it
 * would on Linux. What programs see (the word, the errors) is Linux's.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <asm/segment.h>
#include <asm/system.h>
#include "futex.h"

/*
 * The oldest PI sleeper on key (futex_queue is newest first), and the
 * link that points at it; NULL if none. Interrupts off.
 */
static struct futex_q *oldest_pi_waiter(const struct futex_key *key,
					 struct futex_q ***where)
{
	struct futex_q **link, *found = NULL;

	for (link = &futex_queue; *link; link = &(*link)->next)
		if ((*link)->pi && same_key(&(*link)->key, key)) {
			found = *link;
			*where = link;
		}
	return found;
}

/*
 * Take a word that has no owner (0, or OWNER_DIED left by a dead owner,
 * which is kept for the robust mutex code to see): 1 taken, 0 owned by
 * another task, -EDEADLK owned by current, -EFAULT.
 */
static int take_free_word(unsigned long uaddr, unsigned long val)
{
	unsigned long tid = val & FUTEX_TID_MASK;

	if (tid == (unsigned long)current->pid)
		return -EDEADLK;
	if (tid)
		return 0;
	if (put_fs_long(current->pid | (val & FUTEX_OWNER_DIED),
			(void *)uaddr))
		return -EFAULT;
	return 1;
}

/*
 * Mark the word as having sleepers, after checking that its owner
 * lives (Linux says -ESRCH for a tid no task has, or one that has
 * exited). 0 or -errno.
 */
static int set_waiters(unsigned long uaddr, unsigned long val)
{
	struct task_struct *owner = find_task_by_pid(val & FUTEX_TID_MASK);

	if (!owner || owner->state == TASK_ZOMBIE)
		return -ESRCH;
	if (!(val & FUTEX_WAITERS) &&
	    put_fs_long(val | FUTEX_WAITERS, (void *)uaddr))
		return -EFAULT;
	return 0;
}

/*
 * The owner a PI sleeper waited for has exited without unlocking (Linux
 * then gives the lock to a sleeper): if the word still names it, current
 * takes it, with WAITERS (other sleepers may be there) and OWNER_DIED
 * kept. 0 taken, 1 the word changed meanwhile (try again), -EFAULT.
 */
static int take_from_gone_owner(unsigned long uaddr, pid_t gone)
{
	unsigned long val;

	if (get_fs_long((void *)uaddr, &val))
		return -EFAULT;
	if ((val & FUTEX_TID_MASK) != (unsigned long)gone)
		return 1;
	if (put_fs_long(current->pid | FUTEX_WAITERS |
			(val & FUTEX_OWNER_DIED), (void *)uaddr))
		return -EFAULT;
	return 0;
}

/*
 * One try at FUTEX_LOCK_PI: take a free word (0), else (unless trylock)
 * mark it and sleep on q until the lock is handed over (0), its owner
 * exits (1 with q->owner_gone: take_from_gone_owner decides), or the
 * sleep ends (-ETIMEDOUT, -EINTR); -errno as futex_lock_pi says.
 */
static int lock_pi_once(unsigned long uaddr, struct futex_q *q, u64 end,
			int trylock)
{
	unsigned long val;
	int err;

	if (get_fs_long((void *)uaddr, &val))
		return -EFAULT;
	err = take_free_word(uaddr, val);
	if (err)
		return err < 0 ? err : 0;
	if (trylock)
		return -EAGAIN;
	err = set_waiters(uaddr, val);
	if (err)
		return err;
	q->bitset = FUTEX_BITSET_MATCH_ANY;
	q->task = current;
	q->woken = q->owner_gone = 0;
	q->pi = 1;
	q->pi_owner = val & FUTEX_TID_MASK;
	err = futex_sleep(q, end);
	if (err)
		return err;
	return q->owner_gone ? take_from_gone_owner(uaddr, q->pi_owner) : 0;
}

/*
 * futex_lock_pi - FUTEX_LOCK_PI, FUTEX_LOCK_PI2 and (trylock)
 * FUTEX_TRYLOCK_PI on the word at uaddr: 0 once current owns it (free,
 * handed over by futex_unlock_pi, or left by an owner that exited),
 * -EAGAIN for a trylock of an owned word, -EDEADLK if current owns it,
 * -ESRCH if its owner does not exist, -ETIMEDOUT past end (0: no end).
 * A signal does not end the wait: the call is made again after the
 * handler (-ERESTARTNOINTR, as Linux).
 */
long futex_lock_pi(unsigned long uaddr, int shared, u64 end, int trylock)
{
	struct futex_q q;
	int err;

	err = get_futex_key(uaddr, shared, &q.key);
	while (!err) {
		err = lock_pi_once(uaddr, &q, end, trylock);
		if (err <= 0)
			break;
		err = 0;	/* the word changed under a gone owner: again */
	}
	return err == -EINTR ? -ERESTARTNOINTR : err;
}

/*
 * Hand the word at uaddr (named by key) to its oldest PI sleeper: it is
 * taken off the queue and woken, now the owner, and its tid, WAITERS
 * (as Linux writes it) and the bits of keep go into the word. 1 handed
 * over, 0 when no one sleeps (the word is left alone), -EFAULT. The
 * sleeper leaves the queue before the word is written: the write may
 * fault, and a fault may sleep (swap), when another task could change
 * the queue.
 */
static int hand_over(unsigned long uaddr, const struct futex_key *key,
		     unsigned long keep)
{
	struct futex_q *q, **link;
	unsigned long flags;
	pid_t tid = 0;

	save_flags(flags);
	cli();
	q = oldest_pi_waiter(key, &link);
	if (q) {
		tid = q->task->pid;
		wake_futex(q, link);
	}
	restore_flags(flags);
	if (!q)
		return 0;
	if (put_fs_long(tid | FUTEX_WAITERS | keep, (void *)uaddr))
		return -EFAULT;
	return 1;
}

/*
 * futex_unlock_pi - FUTEX_UNLOCK_PI: current must own the word (-EPERM
 * if not). The oldest sleeper becomes the owner (hand_over); with no
 * sleeper the word becomes 0. 0 or -errno.
 */
long futex_unlock_pi(unsigned long uaddr, int shared)
{
	struct futex_key key;
	unsigned long val;
	int err;

	err = get_futex_key(uaddr, shared, &key);
	if (err)
		return err;
	if (get_fs_long((void *)uaddr, &val))
		return -EFAULT;
	if ((val & FUTEX_TID_MASK) != (unsigned long)current->pid)
		return -EPERM;
	err = hand_over(uaddr, &key, 0);
	if (!err && put_fs_long(0, (void *)uaddr))
		err = -EFAULT;
	return err < 0 ? err : 0;
}

/*
 * futex_pi_owner_died - the owner of the robust mutex at uaddr died
 * (exit_robust_list has marked it FUTEX_OWNER_DIED): a PI sleeper on it
 * becomes the owner, with OWNER_DIED kept, so that its lock call returns
 * and glibc says EOWNERDEAD.
 */
void futex_pi_owner_died(unsigned long uaddr)
{
	struct futex_key key;

	if (!get_futex_key(uaddr, 1, &key))
		hand_over(uaddr, &key, FUTEX_OWNER_DIED);
}

/*
 * exit_pi_waiters - p lets go of its mm (exit, exec) and so of the PI
 * locks it holds, as Linux's exit_pi_state_list: every sleeper waiting
 * for p is woken with owner_gone, and takes the word if it still names
 * p (take_from_gone_owner). A robust mutex has been handed on already
 * (futex_pi_owner_died).
 */
void exit_pi_waiters(struct task_struct *p)
{
	struct futex_q **link = &futex_queue, *q;
	unsigned long flags;

	save_flags(flags);
	cli();
	while ((q = *link)) {
		if (q->pi && q->pi_owner == p->pid) {
			q->owner_gone = 1;
			wake_futex(q, link);
		} else {
			link = &q->next;
		}
	}
	restore_flags(flags);
}
