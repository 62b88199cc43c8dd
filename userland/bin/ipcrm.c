/*
 * ipcrm - remove shared memory segments by id or by key.
 *
 *	ipcrm [-m SHMID]... [-M SHMKEY]...
 *
 * Each removal is shmctl(IPC_RMID). A segment still attached somewhere
 * is only marked (ipcs shows "dest") and goes when the last process
 * detaches; its key is free at once. Every option is tried, and the exit
 * status is 1 if any of them failed.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include "ipc_args.h"

static int usage(void)
{
	fprintf(stderr, "usage: ipcrm [-m SHMID]... [-M SHMKEY]...\n"
		"  -m SHMID   remove the segment with this id\n"
		"  -M SHMKEY  remove the segment with this key\n");
	return 2;
}

static int remove_id(const char *arg)
{
	long id;

	if (parse_long(arg, &id) < 0 || id < 0 || id > 0x7fffffff) {
		fprintf(stderr, "ipcrm: invalid id (%s)\n", arg);
		return 1;
	}
	if (shmctl(id, IPC_RMID, NULL) < 0) {
		fprintf(stderr, "ipcrm: shmid %ld: %s\n", id, strerror(errno));
		return 1;
	}
	return 0;
}

static int remove_key(const char *arg)
{
	key_t key;
	int id;

	if (parse_key(arg, &key) < 0 || key == IPC_PRIVATE) {
		fprintf(stderr, "ipcrm: illegal key (%s)\n", arg);
		return 1;
	}
	id = shmget(key, 0, 0);
	if (id < 0 || shmctl(id, IPC_RMID, NULL) < 0) {
		fprintf(stderr, "ipcrm: key 0x%08x: %s\n", (unsigned int)key,
			strerror(errno));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int c, failed = 0;

	if (argc < 2)
		return usage();
	while ((c = getopt(argc, argv, "m:M:")) != -1) {
		switch (c) {
		case 'm':
			failed |= remove_id(optarg);
			break;
		case 'M':
			failed |= remove_key(optarg);
			break;
		default:
			return usage();
		}
	}
	if (optind != argc)
		return usage();
	return failed;
}
