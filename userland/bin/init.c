/*
 * init - process 1.
 *
 *	init			run /bin/sh on the console, again whenever it
 *				exits, reaping every orphan meanwhile
 *	init PROG [ARGS...]	run PROG (the kernel passes the init= program
 *				here), reap everything until it exits, then
 *				power off with its exit status
 *
 * Around PROG, init reads what the kernel holds (free frames, kmalloc's
 * pages and objects, swap, IPC objects) from /proc before and after, once
 * PROG and every process it left behind are gone, and prints one line,
 *
 *	init: held after PROG: MemFree A -> B, Slab ..., shm ..., orphans 0 -> N
 *
 * which scripts/runtests.py turns into a case: every pair must be equal.
 *
 * Lintel's reboot(2) takes the status as the fourth argument of
 * LINUX_REBOOT_CMD_POWER_OFF and hands it to QEMU as its exit status;
 * Linux ignores it. A death by signal N reports 128 + N, as shells do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include <sys/swap.h>
#include "../tests/held.h"		/* shared with the fuzzer */

#define SHELL		"/bin/sh"
#define CONSOLE		"/dev/console"
#define RESPAWN_PAUSE	1	/* seconds, so a broken shell cannot spin */
#define ORPHAN_POLLS	50	/* x ORPHAN_POLL_USEC: how long orphans get */
#define ORPHAN_POLL_USEC 100000
#define SWAP_DISK	"/dev/hda"
#define SWAP_MAGIC	"SWAPSPACE2"	/* mkswap's, in the first page's end */
#define SWAP_MAGIC_LEN	10
#define SWAP_MAGIC_AT	(4096 - SWAP_MAGIC_LEN)

static char *child_env[] = { "PATH=/bin:/sbin", "HOME=/", "TERM=linux", NULL };

/* The kernel normally gives us the console as fds 0-2; if not, open it. */
static void open_console(void)
{
	struct stat st;
	int fd;

	if (fstat(STDIN_FILENO, &st) == 0)
		return;
	fd = open(CONSOLE, O_RDWR);
	if (fd < 0)
		return;
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
}

static pid_t spawn(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execve(argv[0], argv, child_env);
		fprintf(stderr, "init: exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
	return pid;
}

/* Reap children (orphans included) until pid exits; its wait status. */
static int wait_for(pid_t pid)
{
	int status;
	pid_t got;

	do {
		got = wait(&status);
	} while (got != pid && !(got < 0 && errno == ECHILD));
	return got == pid ? status : -1;
}

/* Print how prog ended; return the code a shell would report. */
static int report(const char *prog, int status)
{
	if (status == -1) {
		printf("init: lost track of %s\n", prog);
		return 255;
	}
	if (WIFSIGNALED(status)) {
		printf("init: %s killed by signal %d\n", prog,
		       WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	printf("init: %s exited with status %d\n", prog, WEXITSTATUS(status));
	return WEXITSTATUS(status);
}

/*
 * Reap what the program left behind: orphans get ORPHAN_POLLS polls to
 * end by themselves, then the rest are killed. Returns how many had to
 * be killed: a test must not leave processes running.
 */
static long reap_orphans(void)
{
	long killed = 0;
	int status;

	for (int i = 0; i < ORPHAN_POLLS; i++) {
		pid_t got = waitpid(-1, &status, WNOHANG);

		if (got < 0)
			return 0;
		if (got == 0)
			usleep(ORPHAN_POLL_USEC);
	}
	kill(-1, SIGKILL);
	while (wait(&status) > 0)
		killed++;
	return killed;
}

/* Does the first disk hold mkswap's signature? No disk: no. */
static int disk_has_swap(void)
{
	char magic[SWAP_MAGIC_LEN];
	int fd = open(SWAP_DISK, O_RDONLY), n = -1;

	if (fd < 0)
		return 0;
	if (lseek(fd, SWAP_MAGIC_AT, SEEK_SET) == SWAP_MAGIC_AT)
		n = read(fd, magic, SWAP_MAGIC_LEN);
	close(fd);
	return n == SWAP_MAGIC_LEN && !memcmp(magic, SWAP_MAGIC, n);
}

/*
 * Page to the first disk when mkswap made it a swap area, as a
 * distribution's boot scripts do with swapon -a; the kernel logs the
 * area it adds. Done before the held counts are taken, so that a test's
 * swap must come back too.
 */
static void swap_on_disk(void)
{
	if (disk_has_swap() && swapon(SWAP_DISK, 0) < 0)
		fprintf(stderr, "init: swapon %s: %s\n", SWAP_DISK,
			strerror(errno));
}

static void run_once_and_power_off(char *const argv[])
{
	long before[NR_HELD], after[NR_HELD], orphans;
	pid_t pid;
	int code;

	read_held(before);
	fflush(stdout);
	read_held(before);
	pid = spawn(argv);
	code = report(argv[0], pid < 0 ? -1 : wait_for(pid));
	orphans = reap_orphans();
	read_held(after);
	printf("init: held after %s:", argv[0]);
	print_held(before, after);
	printf(", orphans 0 -> %ld\n", orphans);
	fflush(stdout);
	reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
	       LINUX_REBOOT_CMD_POWER_OFF, (void *)(long)code);
	fprintf(stderr, "init: reboot: %s\n", strerror(errno));
	for (;;)		/* process 1 must never exit */
		pause();
}

static void run_shell_forever(void)
{
	char *argv[] = { SHELL, NULL };

	for (;;) {
		pid_t pid = spawn(argv);

		if (pid > 0)
			report(SHELL, wait_for(pid));
		sleep(RESPAWN_PAUSE);
	}
}

int main(int argc, char **argv)
{
	if (getpid() != 1) {
		fprintf(stderr, "init: must run as process 1, not %d\n",
			getpid());
		return 1;
	}
	open_console();
	swap_on_disk();
	if (argc > 1)
		run_once_and_power_off(argv + 1);
	run_shell_forever();
	return 0;
}
