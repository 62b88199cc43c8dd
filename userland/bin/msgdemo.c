/*
 * msgdemo - a server and its client talking through one SysV message
 * queue.
 *
 *	msgdemo [N]
 *
 * The parent makes a private queue and forks a server. The client (the
 * parent) sends N requests (default 5) of type REQUEST, each carrying
 * its pid and a line of text; the server receives them in order, upper-
 * cases the text and answers with a message whose type is the client's
 * pid, so that many clients could share the queue and each receive only
 * its own answers (msgrcv with msgtyp = getpid()). A request "quit"
 * ends the server; the client removes the queue.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>

#include "ipc_args.h"

#define REQUEST		1	/* the server reads this type only */
#define TEXT_MAX	48
#define DEFAULT_N	5

struct request {
	long mtype;		/* REQUEST, or the client's pid in a reply */
	pid_t client;
	char text[TEXT_MAX];
};

#define BODY_SIZE	(sizeof(struct request) - sizeof(long))

static int usage(void)
{
	fprintf(stderr, "usage: msgdemo [N]\n");
	return 2;
}

/* Answer requests until "quit" (or the queue goes). */
static int server(int id)
{
	struct request m;
	char *c;

	while (msgrcv(id, &m, BODY_SIZE, REQUEST, 0) >= 0) {
		if (!strcmp(m.text, "quit"))
			return 0;
		for (c = m.text; *c; c++)
			*c = toupper((unsigned char)*c);
		m.mtype = m.client;
		if (msgsnd(id, &m, BODY_SIZE, 0) < 0)
			break;
	}
	perror("msgdemo: server");
	return 1;
}

static int ask(int id, const char *text, struct request *answer)
{
	struct request m;

	m.mtype = REQUEST;
	m.client = getpid();
	snprintf(m.text, sizeof(m.text), "%s", text);
	if (msgsnd(id, &m, BODY_SIZE, 0) < 0)
		return -1;
	if (!strcmp(text, "quit"))
		return 0;
	return msgrcv(id, answer, BODY_SIZE, getpid(), 0) < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct request answer;
	char text[TEXT_MAX];
	long i, n = DEFAULT_N;
	int id, status;
	pid_t pid;

	if (argc > 2 || (argc == 2 && (parse_long(argv[1], &n) < 0 || n < 0)))
		return usage();
	id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	if (id < 0) {
		perror("msgdemo: msgget");
		return 1;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(server(id));
	for (i = 1; pid > 0 && i <= n; i++) {
		snprintf(text, sizeof(text), "hello number %ld", i);
		if (ask(id, text, &answer) < 0)
			break;
		printf("msgdemo: sent \"%s\", the server answered \"%s\"\n",
		       text, answer.text);
	}
	if (pid > 0) {
		ask(id, "quit", &answer);
		waitpid(pid, &status, 0);
	}
	msgctl(id, IPC_RMID, NULL);
	printf("msgdemo: %ld of %ld requests answered through msqid %d\n",
	       i - 1, n, id);
	return pid > 0 && i > n && status == 0 ? 0 : 1;
}
