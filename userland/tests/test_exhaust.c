/*
 * test_exhaust.c - running out of things is an error code, never a
 * kernel in trouble: fork until EAGAIN, anonymous memory until ENOMEM
 * (RLIMIT_AS) and until the OOM killer, descriptors until EMFILE, a pipe
 * until EAGAIN, and exec under a tiny RLIMIT_AS. After each, everything
 * is given back: the next fork, open or write works, and init's count of
 * what the kernel holds (scripts/runtests.py, "gives_everything_back")
 * must come back exact.
 *
 * Every exhaustion runs in a child with a limit, so that on the Linux
 * host it stays bounded: RLIMIT_NPROC as an unused uid, RLIMIT_AS,
 * RLIMIT_NOFILE. The OOM killer case runs on Lintel only.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "check.h"
#include "child.h"
#include "held.h"

#define PAGE_SIZE	4096
#define MIB		(1024UL * 1024)
#define UNUSED_UID	54322	/* owns no process; not test_nproc's */
#define FORK_BOUND	128	/* RLIMIT_NPROC: past Lintel's task table */
#define MIN_LINTEL_FORKS 32	/* the table has 96 slots, a few in use */
#define AS_LIMIT	(32 * MIB)
#define AS_CHUNK	MIB
#define OOM_CHUNK	(4 * MIB)
#define OOM_CHUNKS	768	/* 3 GiB of address space: more than RAM */
#define NOFILE_LIMIT	64
#define PIPE_CHUNK	1024
#define PIPE_BOUND	(1024 * 1024)	/* no pipe holds a megabyte */
#define NR_pipe2	331		/* Linux i386; our libc has no pipe2() */

/* ---- fork ------------------------------------------------------------- */

/*
 * On Lintel root is not held by RLIMIT_NPROC (as on Linux), so the task
 * table itself runs out; on the host an unused uid meets FORK_BOUND.
 */
static int fork_exhaustion(void *arg)
{
	struct rlimit lim = { FORK_BOUND, FORK_BOUND };
	int fds[2], forked, err, clean, status;
	int lintel = on_lintel();

	(void)arg;
	CHECK_OK(setrlimit(RLIMIT_NPROC, &lim));
	if (!lintel)
		CHECK_OK(setuid(UNUSED_UID));
	CHECK_OK(pipe(fds));
	forked = fork_until_refused(fds, FORK_BOUND, &err);
	close(fds[1]);
	clean = reap_clean();
	CHECK(err == EAGAIN, "fork fails with EAGAIN after %d, got errno %d "
	      "(%s)", forked, err, strerror(err));
	CHECK(forked >= (lintel ? MIN_LINTEL_FORKS : 1) && forked < FORK_BOUND,
	      "forks until the table or the limit is full, got %d", forked);
	CHECK(clean == forked, "all %d children exit 0, got %d", forked,
	      clean);
	status = run_in_child(exit_zero, NULL);
	CHECK(status == 0, "fork works again, got %s",
	      describe_status(status));
	return check_case_failed;
}

static void test_fork(void)
{
	if (geteuid() != 0 && !on_lintel())
		case_skip("exhaust_fork_until_eagain",
			  "needs root to fork as an unused uid");
	else
		case_in_child("exhaust_fork_until_eagain", fork_exhaustion,
			      NULL);
}

/* ---- anonymous memory ------------------------------------------------- */

/* Map and touch chunk after chunk; how many before mmap failed. */
static int map_until_refused(unsigned long chunk, int bound, int *err)
{
	int n;

	*err = 0;
	for (n = 0; n < bound; n++) {
		char *p = mmap(NULL, chunk, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED) {
			*err = errno;
			break;
		}
		for (unsigned long off = 0; off < chunk; off += PAGE_SIZE)
			p[off] = 1;
	}
	return n;
}

static int as_exhaustion(void *arg)
{
	struct rlimit lim = { AS_LIMIT, AS_LIMIT };
	int n, err;

	(void)arg;
	CHECK_OK(setrlimit(RLIMIT_AS, &lim));
	n = map_until_refused(AS_CHUNK, AS_LIMIT / AS_CHUNK + 1, &err);
	CHECK(err == ENOMEM, "mmap fails with ENOMEM under RLIMIT_AS, got "
	      "errno %d after %d MiB", err, n);
	CHECK(n > 0 && n < (int)(AS_LIMIT / AS_CHUNK),
	      "some but not all of %lu MiB mapped, got %d",
	      AS_LIMIT / MIB, n);
	CHECK(sbrk(AS_LIMIT) == (void *)-1 && errno == ENOMEM,
	      "brk past the limit refused with ENOMEM too");
	return check_case_failed;
}

static void test_rlimit_as(void)
{
	case_in_child("exhaust_memory_rlimit_as_enomem", as_exhaustion, NULL);
}

/*
 * Free memory as init counts it (held.h): free frames plus the root
 * files' pages in the page cache, which shrink_mmap gives back to the
 * toucher on its way to the oom killer.
 */
static unsigned long free_kib(void)
{
	long held[NR_HELD];

	read_held(held);
	return held[HELD_FREE];
}

/*
 * No limit: touch memory until the kernel has none left for us. The
 * toucher is killed (SIGKILL, Lintel's oom()), the kernel goes on, and
 * every frame comes back once it is reaped.
 */
static void test_oom(void)
{
	unsigned long before;
	int status, err;
	pid_t pid;

	if (!on_lintel()) {
		case_skip("exhaust_memory_oom_killer",
			  "would exhaust this host's memory");
		return;
	}
	case_begin("exhaust_memory_oom_killer");
	before = free_kib();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		map_until_refused(OOM_CHUNK, OOM_CHUNKS, &err);
		_exit(err ? 2 : 3);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid,
	      "fork and wait, errno %d", errno);
	CHECK(pid > 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "the toucher is killed by SIGKILL, got %s",
	      describe_status(status));
	CHECK(free_kib() == before, "free memory back to %lu KiB, got %lu",
	      before, free_kib());
	case_end();
}

/*
 * exec under an RLIMIT_AS too small for any program: execve fails, or
 * (past the point of no return) the task is killed. Either way nothing
 * is left behind; Lintel once leaked its argument blocks on that path.
 */
#define EXEC_AS_LIMIT	(64 * 1024)
#define EXEC_RETURNED	42

static char *self_path;

static void test_exec_tiny_as(void)
{
	struct rlimit lim = { EXEC_AS_LIMIT, EXEC_AS_LIMIT };
	char *argv[] = { self_path, NULL };
	int status = -1;
	pid_t pid;

	case_begin("exhaust_exec_under_tiny_rlimit_as");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		setrlimit(RLIMIT_AS, &lim);
		execve(self_path, argv, argv + 1);
		_exit(errno == ENOMEM ? EXEC_RETURNED : 1);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid,
	      "fork and wait, errno %d", errno);
	CHECK(WIFSIGNALED(status) || (WIFEXITED(status) &&
	      WEXITSTATUS(status) == EXEC_RETURNED),
	      "execve fails with ENOMEM or the task is killed, got %s",
	      describe_status(status));
	case_end();
}

/* ---- descriptors ------------------------------------------------------ */

static int fd_exhaustion(void *arg)
{
	struct rlimit lim = { NOFILE_LIMIT, NOFILE_LIMIT };
	int fd, last = 2, n = 0, disorder = 0;

	(void)arg;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &lim));
	while (n <= NOFILE_LIMIT && (fd = open("/dev/null", O_RDONLY)) >= 0) {
		disorder += fd <= last;
		last = fd;
		n++;
	}
	CHECK(fd < 0 && errno == EMFILE, "open fails with EMFILE, got fd %d "
	      "errno %d", fd, errno);
	CHECK(n > 0 && !disorder && last < NOFILE_LIMIT, "lowest free "
	      "descriptors, rising, below %d: %d opens ending at %d",
	      NOFILE_LIMIT, n, last);
	CHECK(dup(0) < 0 && errno == EMFILE, "dup fails with EMFILE too");
	CHECK_OK(close(last));
	fd = open("/dev/null", O_RDONLY);
	CHECK(fd == last, "a closed descriptor is free again: %d, got %d",
	      last, fd);
	for (fd = 3; fd <= last; fd++)
		close(fd);
	return check_case_failed;
}

static void test_fds(void)
{
	case_in_child("exhaust_fds_until_emfile", fd_exhaustion, NULL);
}

/* ---- a pipe ----------------------------------------------------------- */

static void test_pipe_full(void)
{
	static char chunk[PIPE_CHUNK], back[PIPE_CHUNK];
	long total = 0, got = 0, r;
	int p[2], bad = 0;

	case_begin("exhaust_pipe_full_eagain");
	if (syscall(NR_pipe2, p, O_NONBLOCK) < 0) {
		FAIL("a non-blocking pipe, errno %d", errno);
		case_end();
		return;
	}
	while (total < PIPE_BOUND) {
		memset(chunk, (int)(total / PIPE_CHUNK), sizeof(chunk));
		r = write(p[1], chunk, sizeof(chunk));
		if (r < 0)
			break;
		total += r;
	}
	CHECK(r < 0 && errno == EAGAIN, "a full pipe says EAGAIN, got %ld "
	      "errno %d after %ld bytes", r, errno, total);
	CHECK(total >= PAGE_SIZE && total < PIPE_BOUND, "it holds at least a "
	      "page, got %ld bytes", total);
	while ((r = read(p[0], back, sizeof(back))) > 0) {
		for (long i = 0; i < r; i++)
			bad += back[i] != (char)((got + i) / PIPE_CHUNK);
		got += r;
	}
	CHECK(got == total && bad == 0, "all %ld bytes back in order, got %ld "
	      "(%d wrong)", total, got, bad);
	CHECK(r < 0 && errno == EAGAIN, "an empty pipe says EAGAIN");
	CHECK(write(p[1], chunk, sizeof(chunk)) == PIPE_CHUNK,
	      "writable again once drained");
	close(p[0]);
	close(p[1]);
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	self_path = argv[0];
	no_core_dump();
	test_fork();
	test_rlimit_as();
	test_oom();
	test_exec_tiny_as();
	test_fds();
	test_pipe_full();
	return check_summary();
}
