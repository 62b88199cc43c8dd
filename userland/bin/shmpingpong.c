/*
 * shmpingpong - two processes passing a counter through one segment.
 *
 *	shmpingpong [N]		(N messages, default 1000)
 *
 * The parent ("ping") and a forked child ("pong") share a small board in
 * a private segment: whose turn it is, and a counter. On its turn each
 * side adds one to the counter and hands the turn over; while it is the
 * other's turn it gives the processor away with sched_yield, so on one
 * CPU every message costs about one context switch. No pipe, no signal:
 * the only channel is the shared page.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <sys/wait.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include "ipc_args.h"

#define DEFAULT_MESSAGES	1000
#define PING	0
#define PONG	1

struct board {
	volatile int turn;		/* PING or PONG */
	volatile int count;		/* messages passed so far */
	volatile int sent[2];		/* how many each side sent */
};

/* How often (in spins) a waiting side checks that the other still runs. */
#define ALIVE_CHECK	1024

static int usage(void)
{
	fprintf(stderr, "usage: shmpingpong [N]\n"
		"  N messages passed back and forth (default %d)\n",
		DEFAULT_MESSAGES);
	return 2;
}

/* Is the other side still there? The parent asks about its child; the
 * child sees itself re-parented if the parent went away. */
static int other_alive(int me, pid_t child, pid_t parent)
{
	int status;

	if (me == PING)
		return waitpid(child, &status, WNOHANG) == 0;
	return getppid() == parent;
}

/*
 * Play one side until `total' messages have been passed. Returns 0, or
 * -1 if the other side disappeared.
 */
static int play(struct board *b, int me, int total, pid_t child,
		pid_t parent)
{
	long spins = 0;

	for (;;) {
		while (b->turn != me) {
			if (b->count >= total)
				return 0;
			if (++spins % ALIVE_CHECK == 0 &&
			    !other_alive(me, child, parent))
				return -1;
			sched_yield();
		}
		if (b->count >= total) {
			b->turn = !me;	/* let the other side see the end */
			return 0;
		}
		b->count++;
		b->sent[me]++;
		b->turn = !me;
	}
}

int main(int argc, char **argv)
{
	long total = DEFAULT_MESSAGES;
	struct board *b;
	pid_t parent = getpid(), child;
	int id, status, ok;

	if (argc > 2 || (argc == 2 && (parse_long(argv[1], &total) < 0 ||
				       total < 1 || total > 100000000)))
		return usage();
	id = shmget(IPC_PRIVATE, sizeof(*b), IPC_CREAT | 0600);
	if (id < 0) {
		fprintf(stderr, "shmpingpong: shmget: %s\n", strerror(errno));
		return 1;
	}
	b = shmat(id, NULL, 0);
	/* Removed now, it lives exactly as long as the two attaches. */
	shmctl(id, IPC_RMID, NULL);
	if (b == (void *)-1) {
		fprintf(stderr, "shmpingpong: shmat: %s\n", strerror(errno));
		return 1;
	}
	b->turn = PING;
	printf("shmpingpong: passing %ld messages through shmid %d\n", total,
	       id);
	child = fork();
	if (child < 0) {
		fprintf(stderr, "shmpingpong: fork: %s\n", strerror(errno));
		return 1;
	}
	if (child == 0)
		_exit(play(b, PONG, total, 0, parent) == 0 ? 0 : 1);
	ok = play(b, PING, total, child, parent) == 0;
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		ok = 0;
	printf("shmpingpong: %d messages passed (ping sent %d, pong sent %d)\n",
	       b->count, b->sent[PING], b->sent[PONG]);
	ok = ok && b->count == total &&
	     b->sent[PING] + b->sent[PONG] == total;
	if (!ok)
		fprintf(stderr, "shmpingpong: expected %ld messages\n", total);
	shmdt(b);
	return ok ? 0 : 1;
}
