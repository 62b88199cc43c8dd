/*
 * helper_shm - the other end of the shm tests that need a process which
 * shares nothing with the test but a key or an id: test_shm_fork execs it.
 *
 *	helper_shm reply KEY EXPECT REPLY
 *		find the segment by KEY (decimal or 0x hex), check that it
 *		starts with the text EXPECT, write REPLY at offset
 *		HELPER_REPLY_OFFSET, exit 0.
 *	helper_shm hold ID
 *		attach segment ID, whose first int is a hand-shake word:
 *		set it to HELPER_HOLDING, wait until the test sets
 *		HELPER_RELEASE, exit 0.
 *
 * Any failure is a distinct exit status, so the test can say what broke.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sched.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include "helper_shm.h"

#define SPIN_LIMIT	5000000L

static int usage(void)
{
	fprintf(stderr, "usage: helper_shm reply KEY EXPECT REPLY | "
		"helper_shm hold ID\n");
	return HELPER_EXIT_USAGE;
}

static int reply(const char *keyarg, const char *expect, const char *text)
{
	key_t key = (key_t)strtol(keyarg, NULL, 0);
	char *p;
	int id;

	id = shmget(key, 0, 0);
	if (id < 0)
		return HELPER_EXIT_SHMGET;
	p = shmat(id, NULL, 0);
	if (p == (void *)-1)
		return HELPER_EXIT_SHMAT;
	if (strcmp(p, expect) != 0)
		return HELPER_EXIT_MISMATCH;
	strcpy(p + HELPER_REPLY_OFFSET, text);
	return shmdt(p) == 0 ? 0 : HELPER_EXIT_SHMDT;
}

static int hold(const char *idarg)
{
	volatile int *word;
	long spins;

	word = shmat((int)strtol(idarg, NULL, 0), NULL, 0);
	if (word == (void *)-1)
		return HELPER_EXIT_SHMAT;
	*word = HELPER_HOLDING;
	for (spins = 0; *word != HELPER_RELEASE; spins++) {
		if (spins == SPIN_LIMIT)
			return HELPER_EXIT_TIMEOUT;
		sched_yield();
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "reply") == 0)
		return reply(argv[2], argv[3], argv[4]);
	if (argc == 3 && strcmp(argv[1], "hold") == 0)
		return hold(argv[2]);
	return usage();
}
