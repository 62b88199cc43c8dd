/*
 * child.h - running a piece of a test in a child process.
 *
 * Most process tests fork, let the child do something risky or
 * irreversible (die by a signal, drop root), and look at how it ended.
 */
#ifndef _CHILD_H
#define _CHILD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include "check.h"

/*
 * Fork, run fn(arg) in the child and exit with what it returns; wait
 * for the child and return its wait status (-1 if fork or wait failed).
 */
static inline int run_in_child(int (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		exit(fn(arg));
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* A wait status in words, for failure messages. */
static inline const char *describe_status(int status)
{
	static char buf[48];

	if (status == -1)
		snprintf(buf, sizeof(buf), "no child (fork or wait failed)");
	else if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exited with %d",
			 WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by signal %d",
			 WTERMSIG(status));
	else
		snprintf(buf, sizeof(buf), "status 0x%x", status);
	return buf;
}

/*
 * Run a whole case in a child, for changes that cannot be undone (giving
 * up root). fn uses CHECK as usual, which prints any failure from the
 * child, and returns check_case_failed.
 */
static inline void case_in_child(const char *name, int (*fn)(void *),
				 void *arg)
{
	int status;

	case_begin(name);
	status = run_in_child(fn, arg);
	if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 1)
		check_case_failed = 1;	/* the child said why */
	else if (status != 0)
		FAIL("the case's child %s", describe_status(status));
	case_end();
}

/*
 * A child about to die by SIGSEGV or SIGABRT must not leave a core file
 * behind on the host.
 */
static inline void no_core_dump(void)
{
	struct rlimit none = { 0, 0 };

	setrlimit(RLIMIT_CORE, &none);
}

/*
 * Helper programs live beside the test (/tests in the guest,
 * build/user/tests on the host): build the path from argv[0].
 */
static inline const char *helper_path(const char *argv0, const char *name)
{
	static char path[256];
	const char *slash = strrchr(argv0, '/');
	int dirlen = slash ? (int)(slash - argv0) : 1;

	snprintf(path, sizeof(path), "%.*s/%s", dirlen,
		 slash ? argv0 : ".", name);
	return path;
}

/* Read from fd until EOF or the buffer is full; NUL-terminate it. */
static inline int read_all(int fd, char *buf, int size)
{
	int len = 0, n;

	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	return len;
}

/*
 * run_capture - run path with argv and envp in a child whose stdout is a
 * pipe; put what it printed in out (NUL-terminated, at most size - 1
 * bytes) and return its wait status, -1 if pipe, fork or wait failed.
 * If execve fails, the child exits with 128 + errno, so that a test
 * can tell which error stopped it.
 */
static inline int run_capture(const char *path, char *const argv[],
			      char *const envp[], char *out, int size)
{
	int fds[2], status = -1;
	pid_t pid;

	out[0] = '\0';
	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execve(path, argv, envp);
		_exit(128 + errno);
	}
	close(fds[1]);
	read_all(fds[0], out, size);
	close(fds[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

#define COPY_SELF_CHUNK	65536

/*
 * copy_self - write a copy of this program's file (/proc/self/exe) at
 * path, mode 0755, for the exec tests that need a program of their own
 * to run, replace or hold busy; 0 on success, -1 on any failure.
 */
static inline int copy_self(const char *path)
{
	static char buf[COPY_SELF_CHUNK];
	int in = open("/proc/self/exe", O_RDONLY), out, n, bad = 0;

	out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (in < 0 || out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		bad |= write(out, buf, n) != n;
	bad |= n < 0;
	close(in);
	return close(out) || bad ? -1 : 0;
}

/*
 * fork_until_refused - fork children that wait for EOF on hold[0] until
 * fork fails (its errno to *err, else 0) or bound children exist; the
 * number forked. A child drops its copy of hold[1], or no EOF would
 * come: the caller closes hold[1] to let them all go, then reap_clean.
 * For the tests that run into RLIMIT_NPROC or the task table.
 */
static inline int fork_until_refused(int hold[2], int bound, int *err)
{
	int forked = 0;
	char c;

	*err = 0;
	while (forked < bound) {
		pid_t pid = fork();

		if (pid == 0) {
			close(hold[1]);
			_exit(read(hold[0], &c, 1) == 0 ? 0 : 1);
		}
		if (pid < 0) {
			*err = errno;
			break;
		}
		forked++;
	}
	return forked;
}

/* Wait for every child; how many exited with 0. */
static inline int reap_clean(void)
{
	int status, clean = 0;

	while (wait(&status) > 0)
		clean += WIFEXITED(status) && WEXITSTATUS(status) == 0;
	return clean;
}

/* A child's whole work for run_in_child: exit 0 (can it fork at all?). */
static inline int exit_zero(void *arg)
{
	(void)arg;
	return 0;
}

#endif
