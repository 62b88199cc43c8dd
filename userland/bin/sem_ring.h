/*
 * sem_ring.h - the ring semproducer and semconsumer share: a SysV shared
 * memory segment holding RING_SLOTS numbers, guarded by a set of three
 * semaphores under the same key, the textbook way:
 *
 *	SEM_EMPTY  free slots      (starts at RING_SLOTS)
 *	SEM_FULL   filled slots    (starts at 0)
 *	SEM_MUTEX  the ring itself (starts at 1)
 *
 * A producer waits for an empty slot, a consumer for a full one; either
 * holds the mutex only while it moves head or tail. RING_END, put after
 * the last number, tells the consumer to stop.
 */
#ifndef _SEM_RING_H
#define _SEM_RING_H

#include <stdio.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>

#define RING_SLOTS	8
#define RING_END	0	/* produced numbers start at 1 */

enum { SEM_EMPTY, SEM_FULL, SEM_MUTEX, RING_NSEMS };

struct ring {
	int head, tail;		/* next slot to fill, next to empty */
	int items[RING_SLOTS];
};

/* P or V on one semaphore of the set; -1 with errno if it failed. */
static inline int ring_sem(int semid, int num, int op)
{
	struct sembuf sb = { num, op, 0 };

	return semop(semid, &sb, 1);
}

#endif
