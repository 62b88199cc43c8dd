/*
 * ipcrm - remove System V IPC objects by id or by key.
 *
 *	ipcrm [-m SHMID] [-M SHMKEY] [-s SEMID] [-S SEMKEY]
 *	      [-q MSQID] [-Q MSQKEY]...
 *
 * Each removal is the ctl call's IPC_RMID. A segment still attached
 * somewhere is only marked (ipcs shows "dest") and goes when the last
 * process detaches; a semaphore array or a message queue goes at once,
 * waking whoever sleeps in it with EIDRM. Every option is tried, and the
 * exit status is 1 if any of them failed.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/sem.h>
#include <sys/msg.h>

#include "ipc_args.h"

/* One kind of object: how to name it, find it by key and remove it. */
struct ipc_kind {
	const char *idname;	/* "shmid", "semid", "msqid" */
	int (*get)(key_t key);
	int (*rm)(int id);
};

static int shm_get(key_t key)
{
	return shmget(key, 0, 0);
}

static int shm_rm(int id)
{
	return shmctl(id, IPC_RMID, NULL);
}

static int sem_get(key_t key)
{
	return semget(key, 0, 0);
}

static int sem_rm(int id)
{
	return semctl(id, 0, IPC_RMID);
}

static int msq_get(key_t key)
{
	return msgget(key, 0);
}

static int msq_rm(int id)
{
	return msgctl(id, IPC_RMID, NULL);
}

static const struct ipc_kind kinds[] = {
	{ "shmid", shm_get, shm_rm },
	{ "semid", sem_get, sem_rm },
	{ "msqid", msq_get, msq_rm },
};

enum { SHM, SEM, MSQ };

static int usage(void)
{
	fprintf(stderr, "usage: ipcrm [-m SHMID] [-M SHMKEY] [-s SEMID] "
		"[-S SEMKEY] [-q MSQID] [-Q MSQKEY]...\n"
		"  -m, -s, -q  remove the segment, array or queue with this id\n"
		"  -M, -S, -Q  remove the one with this key\n");
	return 2;
}

static int remove_id(const struct ipc_kind *k, const char *arg)
{
	long id;

	if (parse_long(arg, &id) < 0 || id < 0 || id > 0x7fffffff) {
		fprintf(stderr, "ipcrm: invalid id (%s)\n", arg);
		return 1;
	}
	if (k->rm(id) < 0) {
		fprintf(stderr, "ipcrm: %s %ld: %s\n", k->idname, id,
			strerror(errno));
		return 1;
	}
	return 0;
}

static int remove_key(const struct ipc_kind *k, const char *arg)
{
	key_t key;
	int id;

	if (parse_key(arg, &key) < 0 || key == IPC_PRIVATE) {
		fprintf(stderr, "ipcrm: illegal key (%s)\n", arg);
		return 1;
	}
	id = k->get(key);
	if (id < 0 || k->rm(id) < 0) {
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
	while ((c = getopt(argc, argv, "m:M:s:S:q:Q:")) != -1) {
		switch (c) {
		case 'm':
		case 's':
		case 'q':
			failed |= remove_id(&kinds[c == 'm' ? SHM : c == 's' ?
						   SEM : MSQ], optarg);
			break;
		case 'M':
		case 'S':
		case 'Q':
			failed |= remove_key(&kinds[c == 'M' ? SHM : c == 'S' ?
						    SEM : MSQ], optarg);
			break;
		default:
			return usage();
		}
	}
	if (optind != argc)
		return usage();
	return failed;
}
