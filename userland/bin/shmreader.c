/*
 * shmreader - print the text a shmwriter left in a segment.
 *
 *	shmreader KEY
 *
 * Finds the segment by key, attaches it read-only, and prints what is in
 * it up to the first NUL (or the end of the segment) and a newline.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include "ipc_args.h"

static int usage(void)
{
	fprintf(stderr, "usage: shmreader KEY\n"
		"  KEY is decimal or 0x hex, not 0\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct shmid_ds ds;
	key_t key;
	size_t len;
	char *p;
	int id;

	if (argc != 2 || parse_key(argv[1], &key) < 0 || key == IPC_PRIVATE)
		return usage();
	id = shmget(key, 0, 0);
	if (id < 0 || shmctl(id, IPC_STAT, &ds) < 0) {
		fprintf(stderr, "shmreader: key 0x%08x: %s\n", (unsigned)key,
			errno == ENOENT ? "no such segment" : strerror(errno));
		return 1;
	}
	p = shmat(id, NULL, SHM_RDONLY);
	if (p == (void *)-1) {
		fprintf(stderr, "shmreader: shmat: %s\n", strerror(errno));
		return 1;
	}
	len = strnlen(p, ds.shm_segsz);
	fflush(stdout);
	write(STDOUT_FILENO, p, len);
	write(STDOUT_FILENO, "\n", 1);
	shmdt(p);
	return 0;
}
