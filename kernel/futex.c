/*
 * futex.c - fast user-space mutexes: the kernel half of every pthread
 * lock, condition variable, barrier and join (not in 1.2.13: Linux 2.6).
 *
 * User space does the locking with atomic instructions on a 32-bit word;
 * it calls futex only to sleep while the word holds a value it expects
 * (FUTEX_WAIT) and to wake the sleepers once it changed it (FUTEX_WAKE).
 * The kernel keeps no state for a word no one sleeps on: a sleeper is a
 * futex_q on its own kernel stack, linked into one list while it sleeps.
 *
 * A word is named by a key: (mm, address) for a private futex, or for a
 * shared one in a shared mapping (a SysV shm segment, MAP_SHARED) the
 * physical address of the word, which is the same in every process that
 * maps the page. The kernel is not preemptive and runs on one CPU: from
 * reading the word to sleeping nothing else runs, so no wake-up is lost.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <linux/time.h>
#include <asm/segment.h>
#include <asm/system.h>
#include "futex.h"

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

/* FUTEX_WAKE_OP's op word: op:4 cmp:4 oparg:12 cmparg:12, as Linux */
#define FUTEX_OP_OPARG_SHIFT	8	/* in op: oparg is 1 << oparg */
#define WAKE_OP_OP(w)		(((w) >> 28) & 7)
#define WAKE_OP_SHIFTED(w)	(((w) >> 28) & FUTEX_OP_OPARG_SHIFT)
#define WAKE_OP_CMP(w)		(((w) >> 24) & 15)
#define WAKE_OP_OPARG(w)	((int)((w) << 8) >> 20)	/* signed 12 bits */
#define WAKE_OP_CMPARG(w)	((int)((w) << 20) >> 20)
#define BITS_PER_WORD		32
#define FUTEX_OP_SET		0
#define FUTEX_OP_ADD		1
#define FUTEX_OP_OR		2
#define FUTEX_OP_ANDN		3
#define FUTEX_OP_XOR		4
#define FUTEX_OP_CMP_EQ		0
#define FUTEX_OP_CMP_NE		1
#define FUTEX_OP_CMP_LT		2
#define FUTEX_OP_CMP_LE		3
#define FUTEX_OP_CMP_GT		4
#define FUTEX_OP_CMP_GE		5

#define ROBUST_LIST_LIMIT	2048	/* Linux's bound on a looping list */

struct futex_q *futex_queue;

/*
 * get_futex_key - the key of the word at uaddr; -EINVAL when it is not
 * 4-aligned, -EFAULT when it is not mapped. A shared futex in a shared
 * mapping is keyed by the physical address (the word is read first, so
 * its page is present); any other by (mm, uaddr), as Linux keys private
 * anonymous memory.
 */
int get_futex_key(unsigned long uaddr, int shared, struct futex_key *key)
{
	struct vm_area_struct *vma;
	unsigned long val;
	pmd_t *pmd;
	pte_t pte;

	if (uaddr & (sizeof(int) - 1))
		return -EINVAL;
	if (get_fs_long((void *)uaddr, &val))
		return -EFAULT;
	key->mm = current->mm;
	key->addr = uaddr;
	vma = find_vma(current->mm, uaddr);
	if (!shared || !vma || !(vma->vm_flags & (VM_MAYSHARE | VM_SHM)))
		return 0;
	pmd = pmd_offset(pgd_offset(current->mm, uaddr), uaddr);
	pte = *pte_offset(pmd, uaddr);
	key->mm = NULL;
	key->addr = pte_page(pte) + (uaddr & ~PAGE_MASK);
	return 0;
}

/* Take q off the queue and make its task runnable. Interrupts off. */
void wake_futex(struct futex_q *q, struct futex_q **link)
{
	*link = q->next;
	q->woken = 1;
	wake_up_process(q->task);
}

/*
 * Wake up to nr sleepers on key whose bitset meets bitset; returns how
 * many. Like Linux, nr <= 0 still wakes one.
 */
static int wake_key(const struct futex_key *key, int nr, unsigned long bitset)
{
	struct futex_q **link = &futex_queue, *q;
	unsigned long flags;
	int n = 0;

	save_flags(flags);
	cli();
	while ((q = *link) && (n < nr || !n)) {
		if (same_key(&q->key, key) && !q->pi && (q->bitset & bitset)) {
			wake_futex(q, link);
			n++;
		} else {
			link = &q->next;
		}
	}
	restore_flags(flags);
	return n;
}

/* futex_wake - FUTEX_WAKE for the kernel (CHILD_CLEARTID, robust list). */
int futex_wake(unsigned long *uaddr, int shared, int nr, unsigned long bitset)
{
	struct futex_key key;
	int err = get_futex_key((unsigned long)uaddr, shared, &key);

	return err ? err : wake_key(&key, nr, bitset);
}

/*
 * When a wait ends, as CLOCK_MONOTONIC nanoseconds (get_monotonic_ns),
 * from a user timespec (time64: futex_time64's layout): relative to now,
 * or an absolute time on CLOCK_MONOTONIC or CLOCK_REALTIME (converted by
 * the distance from the wall clock's now). *end = 0: no timeout; a time
 * already past gives a moment already past. -EINVAL for a bad timespec,
 * -EFAULT.
 */
long timeout_end(const void *ut, int time64, int absolute, int realtime,
		 u64 *end)
{
	struct timespec t, now;
	u64 mono = get_monotonic_ns(), want, from;

	*end = 0;
	if (!ut)
		return 0;
	if (get_timespec(&t, ut, time64))
		return -EFAULT;
	if (!timespec_valid(&t))
		return -EINVAL;
	want = timespec_to_ns(&t);
	if (!absolute) {
		*end = mono + want;
		return 0;
	}
	from = mono;
	if (realtime) {
		getnstimeofday(&now);
		from = timespec_to_ns(&now);
	}
	*end = want > from ? mono + (want - from) : 1;
	return 0;
}

/*
 * Sleep on q until a waker takes it off the queue, a signal comes or
 * CLOCK_MONOTONIC passes end (0: never); returns 0, -EINTR or
 * -ETIMEDOUT. Interrupts are off from the queueing to the sleep, so a
 * timer wake-up cannot be lost; each round sleeps to the tick
 * timeout_after_ns chooses, and the clock, not the tick, says when the
 * time is up.
 */
int futex_sleep(struct futex_q *q, u64 end)
{
	struct futex_q **link;
	unsigned long flags;
	u64 now;
	int err = 0;

	save_flags(flags);
	cli();
	q->next = futex_queue;
	futex_queue = q;
	for (;;) {
		if (q->woken)
			break;
		if (signal_pending(current)) {
			err = -EINTR;
			break;
		}
		now = get_monotonic_ns();
		if (end && now >= end) {
			err = -ETIMEDOUT;
			break;
		}
		current->timeout = end ? timeout_after_ns(end - now) : 0;
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	current->timeout = 0;
	for (link = &futex_queue; *link; link = &(*link)->next)
		if (*link == q) {
			*link = q->next;
			break;
		}
	restore_flags(flags);
	return q->woken ? 0 : err;
}

static long futex_wait_restart(struct restart_block *rb);

/*
 * A signal ended a wait: a wait without a timeout is made again unless a
 * handler without SA_RESTART runs (-ERESTARTSYS); one with a timeout
 * fails with EINTR if any handler runs, and otherwise (a stop and
 * SIGCONT) goes on to the same end through restart_syscall, as Linux's
 * futex_wait does.
 */
static long futex_wait_interrupted(unsigned long uaddr, int shared,
				   unsigned long val, u64 end,
				   unsigned long bitset)
{
	struct restart_block *rb = &current->restart_block;

	if (!end)
		return -ERESTARTSYS;
	rb->uaddr = uaddr;
	rb->shared = shared;
	rb->val = val;
	rb->end = end;
	rb->bitset = bitset;
	rb->fn = futex_wait_restart;
	return -ERESTART_RESTARTBLOCK;
}

/*
 * FUTEX_WAIT, FUTEX_WAIT_BITSET: sleep if the word still holds val
 * (-EAGAIN if not), until woken (0), the timeout (-ETIMEDOUT) or a
 * signal (futex_wait_interrupted: EINTR or a restart).
 */
static long futex_wait(unsigned long uaddr, int shared, unsigned long val,
		       u64 end, unsigned long bitset)
{
	struct futex_q q;
	unsigned long cur;
	int err;

	if (!bitset)
		return -EINVAL;
	err = get_futex_key(uaddr, shared, &q.key);
	if (err)
		return err;
	if (get_fs_long((void *)uaddr, &cur))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	q.bitset = bitset;
	q.task = current;
	q.woken = 0;
	q.pi = 0;
	err = futex_sleep(&q, end);
	if (err == -EINTR)
		return futex_wait_interrupted(uaddr, shared, val, end, bitset);
	return err;
}

/* restart_syscall's end of a timed wait a stop interrupted: the same wait. */
static long futex_wait_restart(struct restart_block *rb)
{
	return futex_wait(rb->uaddr, rb->shared, rb->val, rb->end,
			  rb->bitset);
}

/*
 * FUTEX_REQUEUE, FUTEX_CMP_REQUEUE: wake nr_wake sleepers on uaddr and
 * move up to nr_requeue others to sleep on uaddr2 instead (a condition
 * variable's broadcast hands its waiters to the mutex). With cmp, the
 * word must still hold val3 (-EAGAIN). Returns woken + moved.
 */
static long futex_requeue(unsigned long uaddr, unsigned long uaddr2,
			  int shared, int nr_wake, int nr_requeue,
			  int cmp, unsigned long val3)
{
	struct futex_key key, key2;
	struct futex_q **link = &futex_queue, *q;
	unsigned long cur;
	unsigned long flags;
	int n = 0, moved = 0, err;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	err = get_futex_key(uaddr, shared, &key);
	if (!err)
		err = get_futex_key(uaddr2, shared, &key2);
	if (err)
		return err;
	if (cmp && get_fs_long((void *)uaddr, &cur))
		return -EFAULT;
	if (cmp && cur != val3)
		return -EAGAIN;
	save_flags(flags);
	cli();
	while ((q = *link)) {
		if (!same_key(&q->key, &key) || q->pi) {
			link = &q->next;
		} else if (n < nr_wake) {
			wake_futex(q, link);
			n++;
		} else if (moved < nr_requeue) {
			q->key = key2;
			moved++;
			link = &q->next;
		} else {
			break;
		}
	}
	restore_flags(flags);
	return n + moved;
}

/* The new value FUTEX_WAKE_OP's op stores, from the old one. */
static int wake_op_value(unsigned int op, unsigned long old,
			 unsigned long *new)
{
	unsigned long oparg = WAKE_OP_OPARG(op);

	if (WAKE_OP_SHIFTED(op))
		oparg = 1UL << (oparg & (BITS_PER_WORD - 1));
	switch (WAKE_OP_OP(op)) {
	case FUTEX_OP_SET:	*new = oparg; return 0;
	case FUTEX_OP_ADD:	*new = old + oparg; return 0;
	case FUTEX_OP_OR:	*new = old | oparg; return 0;
	case FUTEX_OP_ANDN:	*new = old & ~oparg; return 0;
	case FUTEX_OP_XOR:	*new = old ^ oparg; return 0;
	}
	return -ENOSYS;
}

/* FUTEX_WAKE_OP's test of the old value against cmparg (signed, 12 bits). */
static int wake_op_cmp(unsigned int op, unsigned long old)
{
	int cmparg = WAKE_OP_CMPARG(op);
	int v = old;

	switch (WAKE_OP_CMP(op)) {
	case FUTEX_OP_CMP_EQ:	return v == cmparg;
	case FUTEX_OP_CMP_NE:	return v != cmparg;
	case FUTEX_OP_CMP_LT:	return v < cmparg;
	case FUTEX_OP_CMP_LE:	return v <= cmparg;
	case FUTEX_OP_CMP_GT:	return v > cmparg;
	case FUTEX_OP_CMP_GE:	return v >= cmparg;
	}
	return -ENOSYS;
}

/*
 * FUTEX_WAKE_OP: change the word at uaddr2 by op (atomically: nothing
 * else runs meanwhile), wake nr_wake on uaddr, and if the old value of
 * uaddr2 passed op's test, nr_wake2 on uaddr2. Returns how many woke.
 */
static long futex_wake_op(unsigned long uaddr, unsigned long uaddr2,
			  int shared, int nr_wake, int nr_wake2,
			  unsigned int op)
{
	struct futex_key key, key2;
	unsigned long old, new;
	int err, test, n;

	err = get_futex_key(uaddr, shared, &key);
	if (!err)
		err = get_futex_key(uaddr2, shared, &key2);
	if (err)
		return err;
	if (get_fs_long((void *)uaddr2, &old))
		return -EFAULT;
	test = wake_op_cmp(op, old);
	err = wake_op_value(op, old, &new);
	if (err || test < 0)
		return -ENOSYS;
	if (put_fs_long(new, (void *)uaddr2))
		return -EFAULT;
	n = wake_key(&key, nr_wake, FUTEX_BITSET_MATCH_ANY);
	if (test)
		n += wake_key(&key2, nr_wake2, FUTEX_BITSET_MATCH_ANY);
	return n;
}

/*
 * do_futex - futex and futex_time64: uaddr, op, val, timeout (or val2
 * for the requeue and wake-op commands), uaddr2, val3, as on i386 Linux;
 * time64 says which timespec layout the timeout has; the PI commands are
 * futex_pi.c's. -ENOSYS for an unknown command (the requeue-PI ones
 * among them) or FUTEX_CLOCK_REALTIME with one that takes no clock.
 */
static long do_futex(unsigned long *uaddr, int op, unsigned long val,
		     const void *utime, unsigned long *uaddr2,
		     unsigned long val3, int time64)
{
	int cmd = op & FUTEX_CMD_MASK, shared = !(op & FUTEX_PRIVATE_FLAG);
	int realtime = op & FUTEX_CLOCK_REALTIME;
	unsigned long a = (unsigned long)uaddr, a2 = (unsigned long)uaddr2;
	u64 end;
	long err;

	if (realtime && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET &&
	    cmd != FUTEX_LOCK_PI2)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
	case FUTEX_TRYLOCK_PI:
		/* absolute; LOCK_PI's clock is CLOCK_REALTIME, LOCK_PI2's
		 * CLOCK_MONOTONIC unless FUTEX_CLOCK_REALTIME says so */
		err = timeout_end(cmd == FUTEX_TRYLOCK_PI ? NULL : utime,
				  time64, 1, realtime || cmd == FUTEX_LOCK_PI,
				  &end);
		if (err)
			return err;
		return futex_lock_pi(a, shared, end, cmd == FUTEX_TRYLOCK_PI);
	case FUTEX_UNLOCK_PI:
		return futex_unlock_pi(a, shared);
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		err = timeout_end(utime, time64, cmd == FUTEX_WAIT_BITSET,
				  realtime, &end);
		if (err)
			return err;
		return futex_wait(a, shared, val, end,
				  cmd == FUTEX_WAIT ? FUTEX_BITSET_MATCH_ANY : val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAKE_BITSET:
		if (!val3)
			return -EINVAL;
		return futex_wake(uaddr, shared, val, val3);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(a, a2, shared, val, (long)utime,
				     cmd == FUTEX_CMP_REQUEUE, val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(a, a2, shared, val, (long)utime, val3);
	}
	return -ENOSYS;
}

/* futex (240): a timeout in the 32-bit timespec layout. */
long sys_futex(unsigned long *uaddr, int op, unsigned long val,
	       const struct timespec *utime, unsigned long *uaddr2,
	       unsigned long val3)
{
	return do_futex(uaddr, op, val, utime, uaddr2, val3, 0);
}

/* futex_time64 (422): the same with a 64-bit timespec (glibc 2.34 on). */
long sys_futex_time64(unsigned long *uaddr, int op, unsigned long val,
		      const void *utime, unsigned long *uaddr2,
		      unsigned long val3)
{
	return do_futex(uaddr, op, val, utime, uaddr2, val3, 1);
}

/*
 * The robust mutex at uaddr belonged to p, which is dying: if p owns it,
 * mark it FUTEX_OWNER_DIED (keeping FUTEX_WAITERS) and wake one waiter,
 * who will find the mark (Linux's handle_futex_death).
 */
static void futex_owner_died(struct task_struct *p, unsigned long uaddr)
{
	unsigned long val;

	if (uaddr & (sizeof(int) - 1) || get_fs_long((void *)uaddr, &val))
		return;
	if ((val & FUTEX_TID_MASK) != (unsigned long)p->pid)
		return;
	if (put_fs_long((val & FUTEX_WAITERS) | FUTEX_OWNER_DIED,
			(void *)uaddr))
		return;
	if (!(val & FUTEX_WAITERS))
		return;
	futex_wake((unsigned long *)uaddr, 1, 1, FUTEX_BITSET_MATCH_ANY);
	futex_pi_owner_died(uaddr);
}

/*
 * exit_robust_list - p (current) is leaving its mm: walk the list of
 * robust mutexes it holds (set_robust_list's head: next, futex_offset,
 * list_op_pending) and mark each one it owns, as Linux does; at most
 * ROBUST_LIST_LIMIT entries, so a looping list cannot hang the exit.
 * A bad pointer ends the walk.
 */
void exit_robust_list(struct task_struct *p)
{
	unsigned long head = (unsigned long)p->robust_list;
	unsigned long entry, offset, pending;
	int n;

	p->robust_list = NULL;
	if (get_fs_long((void *)head, &entry) ||
	    get_fs_long((void *)(head + 4), &offset) ||
	    get_fs_long((void *)(head + 8), &pending))
		return;
	for (n = 0; entry != head && n < ROBUST_LIST_LIMIT; n++) {
		if (entry != pending)
			futex_owner_died(p, entry + offset);
		if (get_fs_long((void *)entry, &entry))
			return;
	}
	if (pending)
		futex_owner_died(p, pending + offset);
}
