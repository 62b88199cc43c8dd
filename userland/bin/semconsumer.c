/*
 * semconsumer - take numbers from semproducer's ring (sem_ring.h) until
 * the end mark, print how many and their sum, and remove the segment and
 * the semaphore set.
 *
 *	semconsumer KEY
 *
 * If the producer has not made them yet, it waits for them (up to
 * WAIT_TRIES times WAIT_MS). Each number: wait for a full slot, take the
 * mutex, empty the slot, give the mutex back, count an empty slot.
 */
#include <string.h>
#include <unistd.h>

#include "ipc_args.h"
#include "sem_ring.h"

#define WAIT_TRIES	100
#define WAIT_MS		100

static int usage(void)
{
	fprintf(stderr, "usage: semconsumer KEY\n");
	return 2;
}

static int take(int semid, struct ring *r, int *item)
{
	if (ring_sem(semid, SEM_FULL, -1) < 0 ||
	    ring_sem(semid, SEM_MUTEX, -1) < 0)
		return -1;
	*item = r->items[r->tail];
	r->tail = (r->tail + 1) % RING_SLOTS;
	if (ring_sem(semid, SEM_MUTEX, 1) < 0 ||
	    ring_sem(semid, SEM_EMPTY, 1) < 0)
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	int shmid = -1, semid = -1, tries, item = -1;
	long count = 0, sum = 0;
	struct ring *r;
	key_t key;

	if (argc != 2 || parse_key(argv[1], &key) < 0 || key == IPC_PRIVATE)
		return usage();
	for (tries = 0; tries < WAIT_TRIES; tries++) {
		semid = semget(key, RING_NSEMS, 0);
		shmid = shmget(key, 0, 0);
		if (semid >= 0 && shmid >= 0)
			break;
		usleep(WAIT_MS * 1000);
	}
	if (semid < 0 || shmid < 0) {
		fprintf(stderr, "semconsumer: no ring under key 0x%08x\n",
			(unsigned)key);
		return 1;
	}
	r = shmat(shmid, NULL, 0);
	if (r == (void *)-1) {
		perror("semconsumer: shmat");
		return 1;
	}
	while (take(semid, r, &item) == 0 && item != RING_END) {
		count++;
		sum += item;
	}
	shmdt(r);
	shmctl(shmid, IPC_RMID, NULL);
	semctl(semid, 0, IPC_RMID);
	printf("semconsumer: took %ld numbers, sum %ld\n", count, sum);
	return item == RING_END ? 0 : 1;
}
