/*
 * kernel/futex.h - what futex.c shares with futex_pi.c: the sleeper
 * queue, keys, and the word's bits. Not for other subsystems (they call
 * futex_wake and exit_robust_list, declared in linux/sched.h).
 */
#ifndef _KERNEL_FUTEX_H
#define _KERNEL_FUTEX_H

#include <linux/types.h>

#define FUTEX_LOCK_PI		6
#define FUTEX_UNLOCK_PI		7
#define FUTEX_TRYLOCK_PI	8
#define FUTEX_LOCK_PI2		13
#define FUTEX_BITSET_MATCH_ANY	0xffffffff

/* The owner bits of a PI or robust mutex word (i386) */
#define FUTEX_WAITERS		0x80000000	/* the kernel has sleepers */
#define FUTEX_OWNER_DIED	0x40000000
#define FUTEX_TID_MASK		0x3fffffff

struct mm_struct;
struct task_struct;

struct futex_key {
	struct mm_struct *mm;	/* NULL for a shared key */
	unsigned long addr;	/* user address, or physical (shared) */
};

/* A sleeper: on its own kernel stack, in futex_queue while it sleeps. */
struct futex_q {
	struct futex_q *next;
	struct futex_key key;
	unsigned long bitset;
	struct task_struct *task;
	int woken;		/* taken off the queue by a waker */
	int pi;			/* waits in FUTEX_LOCK_PI: only an unlock wakes it */
	pid_t pi_owner;		/* ... held by this tid when it went to sleep */
	int owner_gone;		/* woken because that owner exited */
};

extern struct futex_q *futex_queue;	/* newest first */

/* Do a and b name the same word? */
static inline int same_key(const struct futex_key *a,
			   const struct futex_key *b)
{
	return a->mm == b->mm && a->addr == b->addr;
}

/* kernel/futex.c */
int get_futex_key(unsigned long uaddr, int shared, struct futex_key *key);
void wake_futex(struct futex_q *q, struct futex_q **link);
long timeout_end(const void *ut, int time64, int absolute, int realtime,
		 u64 *end);
int futex_sleep(struct futex_q *q, u64 end);

/* kernel/futex_pi.c */
long futex_lock_pi(unsigned long uaddr, int shared, u64 end, int trylock);
long futex_unlock_pi(unsigned long uaddr, int shared);
void futex_pi_owner_died(unsigned long uaddr);

#endif
