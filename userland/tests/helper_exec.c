/*
 * helper_exec.c - the program test_exec runs with execve, to see what
 * survives an exec. The first argument picks what it reports:
 *
 *	echo ARGS...	print its arguments and $LINTEL_TEST, '|'-separated
 *	ids		print its pid and parent pid
 *	exit N		exit with status N
 *	fd N		write "inherited" to file descriptor N
 *	signals		exit 0 if SIGUSR1 is back to default, SIGUSR2 is
 *			still ignored and SIGTERM still blocked, else 1..7
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>

static int echo(int argc, char **argv)
{
	const char *env = getenv("LINTEL_TEST");

	for (int i = 2; i < argc; i++)
		printf("%s|", argv[i]);
	printf("%s\n", env ? env : "(unset)");
	return 0;
}

static int signals(void)
{
	struct sigaction usr1, usr2;
	sigset_t mask;
	int wrong = 0;

	sigaction(SIGUSR1, NULL, &usr1);
	sigaction(SIGUSR2, NULL, &usr2);
	sigprocmask(SIG_BLOCK, NULL, &mask);
	if (usr1.sa_handler != SIG_DFL)
		wrong |= 1;
	if (usr2.sa_handler != SIG_IGN)
		wrong |= 2;
	if (sigismember(&mask, SIGTERM) != 1)
		wrong |= 4;
	return wrong;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "echo"))
		return echo(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "ids"))
		return printf("%d %d\n", getpid(), getppid()) < 0;
	if (argc >= 3 && !strcmp(argv[1], "exit"))
		return atoi(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "fd"))
		return write(atoi(argv[2]), "inherited", 9) != 9;
	if (argc >= 2 && !strcmp(argv[1], "signals"))
		return signals();
	fprintf(stderr, "helper_exec: unknown mode\n");
	return 99;
}
