/*
 * semproducer - put the numbers 1..COUNT into a ring in shared memory,
 * guarded by semaphores (sem_ring.h), for semconsumer to take.
 *
 *	semproducer KEY COUNT
 *
 * Makes the segment and the semaphore set under KEY if they are not
 * there (the set starts with RING_SLOTS empty slots), then for each
 * number: wait for an empty slot, take the mutex, fill the slot, give
 * the mutex back, count a full slot. Try it with semconsumer in the
 * background: "semconsumer 0x1234 & semproducer 0x1234 100".
 */
#include <string.h>

#include "ipc_args.h"
#include "sem_ring.h"

static int usage(void)
{
	fprintf(stderr, "usage: semproducer KEY COUNT\n");
	return 2;
}

/* The set under key, made and started at (empty, 0, 1) if it is new. */
static int open_set(key_t key)
{
	unsigned short start[RING_NSEMS] = { RING_SLOTS, 0, 1 };
	int id = semget(key, RING_NSEMS, IPC_CREAT | IPC_EXCL | 0600);

	if (id < 0)
		return semget(key, RING_NSEMS, 0);
	if (semctl(id, 0, SETALL, start) < 0)
		return -1;
	return id;
}

static int put(int semid, struct ring *r, int item)
{
	if (ring_sem(semid, SEM_EMPTY, -1) < 0 ||
	    ring_sem(semid, SEM_MUTEX, -1) < 0)
		return -1;
	r->items[r->head] = item;
	r->head = (r->head + 1) % RING_SLOTS;
	if (ring_sem(semid, SEM_MUTEX, 1) < 0 ||
	    ring_sem(semid, SEM_FULL, 1) < 0)
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	int shmid, semid;
	struct ring *r;
	key_t key;
	long i, count;

	if (argc != 3 || parse_key(argv[1], &key) < 0 || key == IPC_PRIVATE ||
	    parse_long(argv[2], &count) < 0 || count < 0)
		return usage();
	shmid = shmget(key, sizeof(*r), IPC_CREAT | 0600);
	semid = open_set(key);
	if (shmid < 0 || semid < 0) {
		perror("semproducer: shmget/semget");
		return 1;
	}
	r = shmat(shmid, NULL, 0);
	if (r == (void *)-1) {
		perror("semproducer: shmat");
		return 1;
	}
	for (i = 1; i <= count + 1; i++)
		if (put(semid, r, i <= count ? i : RING_END) < 0) {
			perror("semproducer: semop");
			return 1;
		}
	shmdt(r);
	printf("semproducer: put %ld numbers into key 0x%08x (shmid %d, "
	       "semid %d)\n", count, (unsigned)key, shmid, semid);
	return 0;
}
