/*
 * test_etxtbsy.c - a running program's file cannot be written, and a
 * file open for writing cannot be run (ETXTBSY, Linux's i_writecount):
 * while a copy of this program runs, open for O_WRONLY, O_RDWR or with
 * O_TRUNC and truncate() fail with ETXTBSY and leave it whole, reading
 * it still works, and once the copy has exited it may be written
 * again; execve of the copy while a descriptor has it open for writing
 * fails with ETXTBSY, and works once that is closed. An mmap asking for
 * MAP_DENYWRITE keeps nobody out: only exec may.
 *
 * Everything happens in a private directory under /tmp, removed at the
 * end, so that on the Linux host nothing is left behind either.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "check.h"
#include "child.h"

#ifndef MAP_DENYWRITE
#define MAP_DENYWRITE	0x0800	/* Linux's value; mmap ignores it */
#endif

#define NR_unlink	10
#define NR_mkdir	39
#define NR_rmdir	40
#define NR_truncate	92

#define COPY_STATUS	42	/* what the copy exits with when run plainly */
#define READY		'r'	/* the running copy says it runs */

static char dir[64], copy[96];

/* Run the copy with argv { copy, "child" } in a child; its wait status. */
static int run_copy(void)
{
	char *argv[] = { copy, "child", NULL };
	char *envp[] = { NULL };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execve(copy, argv, envp);
		_exit(errno);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/*
 * The copy run as "hold READY_FD HOLD_FD": say READY, then wait until
 * the hold pipe has no writer left.
 */
static int hold(const char *ready_fd, const char *hold_fd)
{
	char c = READY;
	int ready = atoi(ready_fd), held = atoi(hold_fd);

	if (write(ready, &c, 1) != 1)
		return 1;
	close(ready);
	while (read(held, &c, 1) > 0)
		;
	return 0;
}

/*
 * Start the copy holding on: *pid runs it, *hold_w keeps it alive until
 * closed. 0 once the copy has said it runs, -1 otherwise.
 */
static int start_holder(pid_t *pid, int *hold_w)
{
	int ready[2], held[2];
	char rs[16], hs[16], c = 0;

	if (pipe(ready) || pipe(held))
		return -1;
	snprintf(rs, sizeof(rs), "%d", ready[1]);
	snprintf(hs, sizeof(hs), "%d", held[0]);
	*pid = fork();
	if (*pid == 0) {
		char *argv[] = { copy, "hold", rs, hs, NULL };
		char *envp[] = { NULL };

		close(ready[0]);
		close(held[1]);
		execve(copy, argv, envp);
		_exit(errno);
	}
	close(ready[1]);
	close(held[0]);
	*hold_w = held[1];
	if (*pid < 0 || read(ready[0], &c, 1) != 1 || c != READY) {
		close(ready[0]);
		return -1;
	}
	close(ready[0]);
	return 0;
}

/* open(path, flags) fails with ETXTBSY (closing it if it opened). */
static int open_busy(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd >= 0) {
		close(fd);
		return 0;
	}
	return errno == ETXTBSY;
}

static void test_running_is_not_written(void)
{
	struct stat before, after;
	pid_t pid = -1;
	int hold_w = -1, status = -1, fd;

	case_begin("etxtbsy_writing_a_running_program");
	CHECK(stat(copy, &before) == 0, "stat the copy");
	CHECK(start_holder(&pid, &hold_w) == 0, "the copy does not run");
	CHECK(open_busy(copy, O_WRONLY), "O_WRONLY: ETXTBSY");
	CHECK(open_busy(copy, O_RDWR), "O_RDWR: ETXTBSY");
	CHECK(open_busy(copy, O_WRONLY | O_TRUNC), "O_TRUNC: ETXTBSY");
	CHECK(syscall(NR_truncate, copy, 0L) == -1 && errno == ETXTBSY,
	      "truncate: ETXTBSY, got %s", strerror(errno));
	fd = open(copy, O_RDONLY);
	CHECK(fd >= 0, "O_RDONLY works: %s", strerror(errno));
	close(fd);
	CHECK(stat(copy, &after) == 0 && after.st_size == before.st_size,
	      "the file is whole: %ld bytes, was %ld", (long)after.st_size,
	      (long)before.st_size);
	if (hold_w >= 0)
		close(hold_w);
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the copy ends well: %s", describe_status(status));
	fd = open(copy, O_WRONLY);
	CHECK(fd >= 0, "once it has exited, O_WRONLY works: %s",
	      strerror(errno));
	close(fd);
	case_end();
}

static void test_written_is_not_run(void)
{
	int fd, status;

	case_begin("etxtbsy_running_a_file_open_for_writing");
	fd = open(copy, O_WRONLY);
	CHECK(fd >= 0, "open for writing: %s", strerror(errno));
	status = run_copy();
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == ETXTBSY,
	      "execve: ETXTBSY, got %s", describe_status(status));
	close(fd);
	status = run_copy();
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == COPY_STATUS,
	      "closed, it runs: %s", describe_status(status));
	case_end();
}

static void test_user_denywrite_ignored(void)
{
	int fd = open(copy, O_RDONLY), wfd;
	void *p;

	case_begin("etxtbsy_mmap_denywrite_is_ignored");
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_DENYWRITE, fd, 0);
	CHECK(fd >= 0 && p != MAP_FAILED, "mmap: %s", strerror(errno));
	wfd = open(copy, O_WRONLY);
	CHECK(wfd >= 0, "a user's MAP_DENYWRITE keeps no writer out: %s",
	      strerror(errno));
	if (wfd >= 0)
		close(wfd);
	if (p != MAP_FAILED)
		munmap(p, 4096);
	close(fd);
	case_end();
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "child"))
		return COPY_STATUS;
	if (argc == 4 && !strcmp(argv[1], "hold"))
		return hold(argv[2], argv[3]);
	snprintf(dir, sizeof(dir), "/tmp/test_etxtbsy.%d", (int)getpid());
	if (syscall(NR_mkdir, dir, 0755)) {
		printf("cannot make %s: %s\n", dir, strerror(errno));
		return 1;
	}
	snprintf(copy, sizeof(copy), "%s/copy", dir);
	case_begin("etxtbsy_copy_the_program");
	CHECK(copy_self(copy) == 0, "copy /proc/self/exe: %s",
	      strerror(errno));
	case_end();
	test_running_is_not_written();
	test_written_is_not_run();
	test_user_denywrite_ignored();
	syscall(NR_unlink, copy);
	case_begin("etxtbsy_nothing_left");
	CHECK(syscall(NR_rmdir, dir) == 0, "rmdir %s: %s", dir,
	      strerror(errno));
	case_end();
	return check_summary();
}
