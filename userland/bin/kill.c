/*
 * kill - send a signal to processes.
 *
 *	kill [-SIG | -s SIG] PID...	SIG is a name (TERM, SIGTERM) or number
 *	kill -l				list the signal names
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>

static const char *const sig_names[] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT",
	[SIGILL] = "ILL", [SIGTRAP] = "TRAP", [SIGABRT] = "ABRT",
	[SIGBUS] = "BUS", [SIGFPE] = "FPE", [SIGKILL] = "KILL",
	[SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM",
	[SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD", [SIGCONT] = "CONT",
	[SIGSTOP] = "STOP", [SIGTSTP] = "TSTP", [SIGTTIN] = "TTIN",
	[SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF",
	[SIGWINCH] = "WINCH", [SIGIO] = "IO", [SIGPWR] = "PWR",
	[SIGSYS] = "SYS",
};

#define NR_NAMES	(int)(sizeof(sig_names) / sizeof(sig_names[0]))

/* "TERM", "SIGTERM" or "15" to 15; -1 if it is none of those. */
static int parse_signal(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s && !*end)
		return n >= 0 && n < NSIG ? n : -1;
	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (int i = 1; i < NR_NAMES; i++)
		if (!strcmp(s, sig_names[i]))
			return i;
	return -1;
}

static void list_signals(void)
{
	for (int i = 1; i < NR_NAMES; i++)
		printf("%2d) SIG%s\n", i, sig_names[i]);
}

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIG | -s SIG] PID... | kill -l\n");
	return 2;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, failed = 0;

	if (argc == 2 && !strcmp(argv[1], "-l")) {
		list_signals();
		return 0;
	}
	if (i < argc && !strcmp(argv[i], "-s") && i + 1 < argc) {
		sig = parse_signal(argv[i + 1]);
		i += 2;
	} else if (i < argc && argv[i][0] == '-') {
		sig = parse_signal(argv[i] + 1);
		i++;
	}
	if (sig < 0 || i == argc)
		return usage();
	for (; i < argc; i++) {
		if (kill(atoi(argv[i]), sig) < 0) {
			fprintf(stderr, "kill: (%s): %s\n", argv[i],
				strerror(errno));
			failed = 1;
		}
	}
	return failed;
}
