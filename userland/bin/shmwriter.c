/*
 * shmwriter - put a line of text into a shared memory segment.
 *
 *	shmwriter KEY TEXT...
 *
 * Finds the segment with that key, or creates it (one page, mode 0666),
 * and writes the words of TEXT joined by spaces, with a terminating NUL.
 * Then it detaches and exits; the segment stays for shmreader to read.
 * Try: shmwriter 0x1234 hello there; shmreader 0x1234; ipcs -m
 */
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include "ipc_args.h"

#define SEG_SIZE	4096	/* what a new segment gets */

static int usage(void)
{
	fprintf(stderr, "usage: shmwriter KEY TEXT...\n"
		"  KEY is decimal or 0x hex, not 0\n");
	return 2;
}

/* The id for key: the existing segment, or a new one of SEG_SIZE. */
static int open_segment(key_t key, size_t *size)
{
	struct shmid_ds ds;
	int id;

	id = shmget(key, SEG_SIZE, IPC_CREAT | 0666);
	if (id < 0 && errno == EINVAL)	/* it exists, and is smaller */
		id = shmget(key, 0, 0);
	if (id < 0 || shmctl(id, IPC_STAT, &ds) < 0)
		return -1;
	*size = ds.shm_segsz;
	return id;
}

int main(int argc, char **argv)
{
	size_t size, len = 0;
	key_t key;
	char *p;
	int id, i;

	if (argc < 3 || parse_key(argv[1], &key) < 0 || key == IPC_PRIVATE)
		return usage();
	id = open_segment(key, &size);
	if (id < 0) {
		fprintf(stderr, "shmwriter: key 0x%08x: %s\n", (unsigned)key,
			strerror(errno));
		return 1;
	}
	for (i = 2; i < argc; i++)
		len += strlen(argv[i]) + 1;	/* a space or the NUL */
	if (len > size) {
		fprintf(stderr, "shmwriter: %u bytes of text do not fit the "
			"%u-byte segment\n", (unsigned)len, (unsigned)size);
		return 1;
	}
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		fprintf(stderr, "shmwriter: shmat: %s\n", strerror(errno));
		return 1;
	}
	p[0] = '\0';
	for (i = 2; i < argc; i++) {
		if (i > 2)
			strcat(p, " ");
		strcat(p, argv[i]);
	}
	printf("shmwriter: wrote %u bytes to key 0x%08x (shmid %d)\n",
	       (unsigned)strlen(p), (unsigned)key, id);
	shmdt(p);
	return 0;
}
