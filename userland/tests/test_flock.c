/*
 * test_flock.c - creat (8), utime (30), sync (36), flock (143) and
 * syncfs (344) on files in /tmp: creat's truncating write-only open,
 * utime's times (given and "now"), the syncs that have nothing to wait
 * for, and flock's locks, which belong to the open file: shared with a
 * dup and a fork, kept until the last close, conflicting between two
 * opens of one file (EWOULDBLOCK), a sleep that an unlock or a signal
 * ends, and Linux's EBADF, EINVAL, EFAULT and ENOENT.
 * Raw system calls, so that the test means the same with any C library.
 */
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

#define NR_creat	8
#define NR_unlink	10
#define NR_utime	30
#define NR_sync		36
#define NR_flock	143
#define NR_syncfs	344
#define L_SH		1
#define L_EX		2
#define L_NB		4
#define L_UN		8
#define BAD_PTR		((void *)0xC0000000)
#define CLOSED_FD	30
#define PAUSE_MS	50
#define GIVEN_MTIME	1000000L	/* 1970-01-12: no clock reads that */
#define NOW_SLACK	60		/* seconds a "now" may be off by */

struct ubuf {
	long actime, modtime;
};

static char path[64];

static void pause_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000000L };

	nanosleep(&ts, NULL);
}

static long lock(int fd, int op)
{
	return syscall(NR_flock, fd, op);
}

static void test_creat(void)
{
	struct stat st;
	char c;
	int fd;

	case_begin("creat_truncates_and_opens_write_only");
	fd = syscall(NR_creat, path, 0600);
	CHECK(fd >= 0, "creat a new file: %d errno %d", fd, errno);
	CHECK(write(fd, "hello", 5) == 5, "write to it");
	CHECK_ERR(read(fd, &c, 1), EBADF);
	close(fd);
	CHECK(stat(path, &st) == 0 && st.st_size == 5 &&
	      (st.st_mode & 0777) == 0600, "5 bytes, mode 0600: %ld %o",
	      (long)st.st_size, (unsigned)st.st_mode & 0777);
	fd = syscall(NR_creat, path, 0644);
	CHECK(fd >= 0, "creat over it: %d errno %d", fd, errno);
	close(fd);
	CHECK(stat(path, &st) == 0 && st.st_size == 0 &&
	      (st.st_mode & 0777) == 0600,
	      "cut to 0 bytes, the mode kept: %ld %o", (long)st.st_size,
	      (unsigned)st.st_mode & 0777);
	CHECK_ERR(syscall(NR_creat, "/tmp/no/such/dir/f", 0600), ENOENT);
	CHECK_ERR(syscall(NR_creat, BAD_PTR, 0600), EFAULT);
	case_end();
}

static void test_utime(void)
{
	struct ubuf t = { GIVEN_MTIME, GIVEN_MTIME };
	struct stat st;
	time_t now;

	case_begin("utime_given_now_and_errors");
	CHECK(syscall(NR_utime, path, &t) == 0, "utime with times: errno %d",
	      errno);
	CHECK(stat(path, &st) == 0 && st.st_mtime == GIVEN_MTIME,
	      "st_mtime %ld, expected %ld", (long)st.st_mtime, GIVEN_MTIME);
	CHECK(syscall(NR_utime, path, NULL) == 0, "utime(NULL): errno %d",
	      errno);
	now = time(NULL);
	CHECK(stat(path, &st) == 0 && st.st_mtime > now - NOW_SLACK &&
	      st.st_mtime <= now, "st_mtime %ld is now (%ld)",
	      (long)st.st_mtime, (long)now);
	CHECK_ERR(syscall(NR_utime, path, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(NR_utime, BAD_PTR, NULL), EFAULT);
	CHECK_ERR(syscall(NR_utime, "/tmp/no/such/file", NULL), ENOENT);
	case_end();
}

static void test_sync(void)
{
	int fd = open(path, O_RDONLY);

	case_begin("sync_and_syncfs");
	CHECK(syscall(NR_sync) == 0, "sync returns 0");
	CHECK(syscall(NR_syncfs, fd) == 0, "syncfs on an open file: errno %d",
	      errno);
	CHECK_ERR(syscall(NR_syncfs, CLOSED_FD), EBADF);
	CHECK_ERR(syscall(NR_syncfs, -1), EBADF);
	close(fd);
	case_end();
}

static void test_flock_conflicts(void)
{
	int a = open(path, O_RDONLY), b = open(path, O_RDWR);

	case_begin("flock_shared_exclusive_conflicts");
	CHECK(a >= 0 && b >= 0, "two opens of the file");
	CHECK(lock(a, L_EX) == 0, "LOCK_EX on a free file: errno %d", errno);
	CHECK(lock(a, L_EX) == 0, "LOCK_EX again on the same open file");
	CHECK_ERR(lock(b, L_EX | L_NB), EWOULDBLOCK);
	CHECK_ERR(lock(b, L_SH | L_NB), EWOULDBLOCK);
	CHECK(lock(a, L_UN) == 0, "LOCK_UN");
	CHECK(lock(b, L_SH | L_NB) == 0, "LOCK_SH once it is free");
	CHECK(lock(a, L_SH | L_NB) == 0, "a second LOCK_SH beside it");
	CHECK(lock(a, L_UN) == 0 && lock(b, L_UN) == 0, "both let go");
	CHECK(lock(b, L_UN) == 0, "LOCK_UN with no lock held is 0");
	CHECK(lock(b, L_EX | L_NB) == 0, "LOCK_EX once both are gone");
	close(a);
	close(b);
	case_end();
}

static void test_flock_errors(void)
{
	int fd = open(path, O_RDONLY);

	case_begin("flock_ebadf_einval");
	CHECK_ERR(lock(CLOSED_FD, L_EX), EBADF);
	CHECK_ERR(lock(-1, L_SH), EBADF);
	CHECK_ERR(lock(fd, 0), EINVAL);
	CHECK_ERR(lock(fd, L_NB), EINVAL);
	CHECK_ERR(lock(fd, L_SH | L_EX), EINVAL);
	close(fd);
	case_end();
}

/* A lock belongs to the open file: a dup shares it, the last close ends it. */
static void test_flock_dup_close(void)
{
	int a = open(path, O_RDONLY), b = open(path, O_RDONLY), d;

	case_begin("flock_shared_by_dup_released_on_last_close");
	CHECK(lock(a, L_EX) == 0, "LOCK_EX");
	d = dup(a);
	CHECK(lock(d, L_EX | L_NB) == 0, "the dup holds the same lock");
	close(a);
	CHECK_ERR(lock(b, L_EX | L_NB), EWOULDBLOCK);
	close(d);
	CHECK(lock(b, L_EX | L_NB) == 0, "free after the last close: errno %d",
	      errno);
	close(b);
	case_end();
}

/* The child's LOCK_UN on the inherited file ends the parent's lock too. */
static void test_flock_fork(void)
{
	int a = open(path, O_RDONLY), b = open(path, O_RDONLY), status = -1;
	pid_t pid;

	case_begin("flock_inherited_across_fork");
	CHECK(lock(a, L_EX) == 0, "LOCK_EX");
	pid = fork();
	if (pid == 0) {
		int own = open(path, O_RDONLY);

		if (lock(a, L_EX | L_NB) != 0)
			_exit(1);
		if (lock(own, L_SH | L_NB) != -1 || errno != EWOULDBLOCK)
			_exit(2);
		_exit(lock(a, L_UN) == 0 ? 0 : 3);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child shares the lock and lets it go (status 0x%x)",
	      status);
	CHECK(lock(b, L_EX | L_NB) == 0, "the child's LOCK_UN freed it: "
	      "errno %d", errno);
	close(a);
	close(b);
	case_end();
}

/* A blocking LOCK_EX sleeps until the holder lets go. */
static void test_flock_waits(void)
{
	int a = open(path, O_RDONLY), status = -1;
	pid_t pid;

	case_begin("flock_sleeps_until_unlock");
	CHECK(lock(a, L_SH) == 0, "LOCK_SH");
	pid = fork();
	if (pid == 0) {
		int own = open(path, O_RDONLY);

		_exit(lock(own, L_EX) == 0 ? 0 : 1);
	}
	pause_ms(PAUSE_MS);
	CHECK(waitpid(pid, &status, WNOHANG) == 0,
	      "the child still waits while the lock is held");
	CHECK(lock(a, L_UN) == 0, "LOCK_UN");
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "the child got the lock (0x%x)",
	      status);
	close(a);
	case_end();
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* A signal whose handler has no SA_RESTART ends the wait with EINTR. */
static void test_flock_eintr(void)
{
	int a = open(path, O_RDONLY), b = open(path, O_RDONLY);
	struct sigaction sa, old;

	case_begin("flock_wait_ends_eintr_on_signal");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, &old);
	CHECK(lock(a, L_EX) == 0, "LOCK_EX");
	alarm(1);
	CHECK_ERR(lock(b, L_EX), EINTR);
	alarm(0);
	sigaction(SIGALRM, &old, NULL);
	close(a);
	close(b);
	case_end();
}

int main(void)
{
	snprintf(path, sizeof(path), "/tmp/test_flock.%d", (int)getpid());
	test_creat();
	test_utime();
	test_sync();
	test_flock_conflicts();
	test_flock_errors();
	test_flock_dup_close();
	test_flock_fork();
	test_flock_waits();
	test_flock_eintr();
	syscall(NR_unlink, path);
	return check_summary();
}
