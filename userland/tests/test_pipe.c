/*
 * test_pipe.c - pipes between processes (blocking reads and writes, EOF
 * when the last writer goes, EPIPE and SIGPIPE when the last reader
 * goes) and the file descriptor calls dup, dup2 and close.
 */
#include <signal.h>
#include "check.h"
#include "child.h"

#define BIG_TRANSFER	(256 * 1024)	/* far more than a pipe holds */
#define CHUNK		1000		/* not a power of two on purpose */

static void close_pair(int fds[2])
{
	close(fds[0]);
	close(fds[1]);
}

static void test_read_blocks(void)
{
	int fds[2], n;
	char buf[16] = "";
	pid_t pid;

	case_begin("pipe_read_blocks_until_data");
	CHECK_OK(pipe(fds));
	pid = fork();
	if (pid == 0) {
		usleep(50000);	/* let the parent block first */
		_exit(write(fds[1], "hello", 5) != 5);
	}
	n = read(fds[0], buf, sizeof(buf) - 1);
	CHECK(n == 5 && !memcmp(buf, "hello", 5),
	      "read \"hello\" (5), got %d \"%s\"", n, buf);
	waitpid(pid, NULL, 0);
	close_pair(fds);
	case_end();
}

static void test_eof(void)
{
	int fds[2], extra, n;
	char buf[8];

	case_begin("pipe_eof_only_when_all_writers_close");
	CHECK_OK(pipe(fds));
	extra = dup(fds[1]);
	close(fds[1]);
	CHECK(write(extra, "x", 1) == 1, "the dup'd writer still writes");
	n = read(fds[0], buf, sizeof(buf));
	CHECK(n == 1, "one byte through the dup, got %d", n);
	close(extra);
	n = read(fds[0], buf, sizeof(buf));
	CHECK(n == 0, "EOF (0) once every writer closed, got %d", n);
	close(fds[0]);
	case_end();
}

static int fill_pattern(char *buf, int offset, int n)
{
	for (int i = 0; i < n; i++)
		buf[i] = (char)((offset + i) % 251);
	return n;
}

/* Write BIG_TRANSFER bytes of a pattern; the pipe fills and blocks us. */
static int big_writer(void *fd)
{
	char buf[CHUNK];

	for (int done = 0; done < BIG_TRANSFER;) {
		int n = BIG_TRANSFER - done < CHUNK ? BIG_TRANSFER - done
						    : CHUNK;

		fill_pattern(buf, done, n);
		if (write((int)(long)fd, buf, n) != n)
			return 1;
		done += n;
	}
	return 0;
}

/* Read to EOF; return bytes read, or -1 at the first wrong byte. */
static int big_reader(int fd)
{
	char buf[777], want[777];
	int total = 0, n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		fill_pattern(want, total, n);
		if (memcmp(buf, want, n))
			return -1;
		total += n;
	}
	return total;
}

static void test_big_transfer(void)
{
	int fds[2], total, status = -1;
	pid_t pid;

	case_begin("pipe_large_transfer_intact");
	CHECK_OK(pipe(fds));
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(big_writer((void *)(long)fds[1]));
	}
	close(fds[1]);
	total = big_reader(fds[0]);
	close(fds[0]);
	waitpid(pid, &status, 0);
	CHECK(total == BIG_TRANSFER, "%d bytes in order, got %d (-1: a "
	      "wrong byte)", BIG_TRANSFER, total);
	CHECK(status == 0, "writer exits 0, got %s", describe_status(status));
	case_end();
}

static void test_epipe(void)
{
	int fds[2];

	case_begin("pipe_write_no_reader_epipe_when_ignored");
	signal(SIGPIPE, SIG_IGN);
	CHECK_OK(pipe(fds));
	close(fds[0]);
	CHECK_ERR(write(fds[1], "x", 1), EPIPE);
	close(fds[1]);
	signal(SIGPIPE, SIG_DFL);
	case_end();
}

static int write_to_closed(void *arg)
{
	int fds[2];

	(void)arg;
	pipe(fds);
	close(fds[0]);
	write(fds[1], "x", 1);
	return 0;
}

static void test_sigpipe_kills(void)
{
	int status = run_in_child(write_to_closed, NULL);

	case_begin("pipe_write_no_reader_sigpipe_kills");
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	      "killed by SIGPIPE, got %s", describe_status(status));
	case_end();
}

static void test_dup_lowest(void)
{
	int fds[2], fd, n;
	char buf[4];

	case_begin("dup_takes_lowest_free_fd");
	CHECK_OK(pipe(fds));
	fd = dup(fds[0]);
	CHECK(fd >= 0, "dup: %s", strerror(errno));
	close(fd);
	n = dup(fds[1]);
	CHECK(n == fd, "dup reuses fd %d, got %d", fd, n);
	CHECK(write(n, "ab", 2) == 2, "write through the dup");
	CHECK(read(fds[0], buf, 2) == 2 && !memcmp(buf, "ab", 2),
	      "the data came out of the pipe");
	close(n);
	close_pair(fds);
	case_end();
}

static void test_dup2(void)
{
	int a[2], b[2], n;
	char buf[4];

	case_begin("dup2_replaces_target");
	CHECK_OK(pipe(a));
	CHECK_OK(pipe(b));
	CHECK(dup2(a[1], a[1]) == a[1], "dup2(fd, fd) returns fd");
	CHECK(dup2(a[1], b[1]) == b[1], "dup2 returns the target %d", b[1]);
	n = read(b[0], buf, sizeof(buf));
	CHECK(n == 0, "b's only writer was closed by dup2: EOF, got %d", n);
	CHECK(write(b[1], "z", 1) == 1 && read(a[0], buf, 1) == 1 &&
	      buf[0] == 'z', "the target now writes into pipe a");
	CHECK_ERR(dup2(-1, b[1]), EBADF);
	CHECK(write(b[1], "y", 1) == 1, "a failed dup2 leaves the target");
	close_pair(a);
	close_pair(b);
	case_end();
}

static void test_bad_fds(void)
{
	int fds[2];
	char c = 0;

	case_begin("bad_file_descriptors_ebadf");
	CHECK_OK(pipe(fds));
	CHECK_ERR(write(fds[0], &c, 1), EBADF);
	CHECK_ERR(read(fds[1], &c, 1), EBADF);
	close_pair(fds);
	CHECK_ERR(close(fds[0]), EBADF);
	CHECK_ERR(read(fds[0], &c, 1), EBADF);
	CHECK_ERR(dup(-1), EBADF);
	case_end();
}

int main(void)
{
	test_read_blocks();
	test_eof();
	test_big_transfer();
	test_epipe();
	test_sigpipe_kills();
	test_dup_lowest();
	test_dup2();
	test_bad_fds();
	return check_summary();
}
