/*
 * test_poll.c - poll (168), _newselect (142) and the old select (82) on
 * pipes: what each end is ready for (POLLIN, POLLOUT, POLLHUP, POLLERR),
 * POLLNVAL for a closed descriptor, a sleep that a writer or a signal
 * ends, the timeout, and Linux's errors (EFAULT, EINVAL, EBADF, EINTR).
 * Raw system calls, so that the test means the same with any C library.
 */
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

#define NR_old_select	82
#define NR_newselect	142
#define NR_poll		168
#define NR_pselect6	308
#define NR_sigprocmask	175	/* rt_sigprocmask */
#define SIGSET_SIZE	8
#define P_IN		0x0001
#define P_OUT		0x0004
#define P_ERR		0x0008
#define P_HUP		0x0010
#define P_NVAL		0x0020
#define BAD_PTR		((void *)0xC0000000)
#define CLOSED_FD	30
#define SET_WORDS	32		/* 1024 descriptors, glibc's fd_set */
#define WAIT_MS		20
#define SHORT_MS	30

struct pfd {
	int fd;
	short events, revents;
};

struct tv {
	long sec, usec;
};

struct sel_args {
	unsigned long n;
	unsigned long *in, *out, *ex;
	struct tv *tvp;
};

static volatile int got_usr1;

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

static long poll1(int fd, short events, int ms, short *revents)
{
	struct pfd p = { fd, events, 0 };
	long n = syscall(NR_poll, &p, 1, ms);

	*revents = p.revents;
	return n;
}

static void pause_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000000L };

	nanosleep(&ts, NULL);
}

static void test_poll_pipe_states(void)
{
	int fds[2];
	short r;

	case_begin("poll_pipe_in_out_hup_err");
	CHECK(pipe(fds) == 0, "a pipe");
	CHECK(poll1(fds[0], P_IN, 0, &r) == 0 && r == 0,
	      "an empty pipe is not readable, revents 0x%x", r);
	CHECK(poll1(fds[1], P_OUT, 0, &r) == 1 && r == P_OUT,
	      "the write end is writable, revents 0x%x", r);
	CHECK(write(fds[1], "x", 1) == 1, "write");
	CHECK(poll1(fds[0], P_IN, 0, &r) == 1 && r == P_IN,
	      "readable after a write, revents 0x%x", r);
	close(fds[1]);
	CHECK(poll1(fds[0], P_IN, 0, &r) == 1 && r == (P_IN | P_HUP),
	      "POLLHUP once no writer is left, revents 0x%x", r);
	close(fds[0]);
	CHECK(pipe(fds) == 0, "a pipe");
	close(fds[0]);
	CHECK(poll1(fds[1], P_OUT, 0, &r) == 1 && (r & P_ERR),
	      "POLLERR on a write end no one reads, revents 0x%x", r);
	close(fds[1]);
	case_end();
}

static void test_poll_fds_and_errors(void)
{
	struct pfd p[2] = { { CLOSED_FD, P_IN, 0 }, { -1, P_IN, 0x7f } };
	struct rlimit rl;

	case_begin("poll_nval_negative_fd_errors");
	CHECK(syscall(NR_poll, p, 2, 0) == 1 && p[0].revents == P_NVAL &&
	      p[1].revents == 0, "POLLNVAL for a closed fd, nothing for -1: "
	      "0x%x 0x%x", p[0].revents, p[1].revents);
	CHECK_ERR(syscall(NR_poll, BAD_PTR, 1, 0), EFAULT);
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 0x10000000)
		CHECK_ERR(syscall(NR_poll, p, rl.rlim_cur + 1, 0), EINVAL);
	CHECK(syscall(NR_poll, NULL, 0, SHORT_MS) == 0,
	      "no fds: a sleep that times out with 0");
	case_end();
}

/* A child writes after a pause; the parent's poll(-1) wakes for it. */
static void test_poll_wakes(void)
{
	int fds[2], status;
	short r = 0;
	pid_t pid;

	case_begin("poll_sleeps_until_a_write");
	CHECK(pipe(fds) == 0, "a pipe");
	pid = fork();
	if (pid == 0) {
		pause_ms(WAIT_MS);
		_exit(write(fds[1], "y", 1) == 1 ? 0 : 1);
	}
	CHECK(poll1(fds[0], P_IN, -1, &r) == 1 && r == P_IN,
	      "woken readable, revents 0x%x", r);
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && status == 0,
	      "the writer");
	close(fds[0]);
	close(fds[1]);
	case_end();
}

static void test_poll_signal(void)
{
	struct sigaction sa, old;
	int fds[2], status;
	short r;
	pid_t pid, me = getpid();

	case_begin("poll_interrupted_by_a_signal");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, &old);
	got_usr1 = 0;
	CHECK(pipe(fds) == 0, "a pipe");
	pid = fork();
	if (pid == 0) {
		for (;;) {		/* until the parent is done: one may */
			pause_ms(WAIT_MS);	/* come before its poll */
			kill(me, SIGUSR1);
		}
	}
	errno = 0;
	CHECK(poll1(fds[0], P_IN, -1, &r) == -1 && errno == EINTR && got_usr1,
	      "EINTR after the handler ran, errno %d", errno);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	sigaction(SIGUSR1, &old, NULL);
	close(fds[0]);
	close(fds[1]);
	case_end();
}

static void set_bit(unsigned long *set, int fd)
{
	set[fd / (8 * sizeof(long))] |= 1UL << (fd % (8 * sizeof(long)));
}

static int bit(const unsigned long *set, int fd)
{
	return (set[fd / (8 * sizeof(long))] >> (fd % (8 * sizeof(long)))) & 1;
}

static void test_select(void)
{
	unsigned long in[SET_WORDS], out[SET_WORDS];
	struct tv tv = { 0, 0 };
	struct sel_args args;
	int fds[2], n;

	case_begin("select_newselect_and_old_select");
	CHECK(pipe(fds) == 0, "a pipe");
	n = (fds[0] > fds[1] ? fds[0] : fds[1]) + 1;
	memset(in, 0, sizeof(in));
	memset(out, 0, sizeof(out));
	set_bit(in, fds[0]);
	set_bit(out, fds[1]);
	CHECK(syscall(NR_newselect, n, in, out, NULL, &tv) == 1 &&
	      !bit(in, fds[0]) && bit(out, fds[1]),
	      "only the write end is ready");
	write(fds[1], "z", 1);
	memset(in, 0, sizeof(in));
	set_bit(in, fds[0]);
	args.n = n;
	args.in = in;
	args.out = args.ex = NULL;
	args.tvp = &tv;
	CHECK(syscall(NR_old_select, &args) == 1 && bit(in, fds[0]),
	      "the old select sees the read end ready");
	tv.sec = 0;
	tv.usec = SHORT_MS * 1000;
	memset(in, 0, sizeof(in));
	set_bit(in, fds[1]);		/* a write end is never readable */
	CHECK(syscall(NR_newselect, n, in, NULL, NULL, &tv) == 0 &&
	      !bit(in, fds[1]) && tv.sec == 0 && tv.usec == 0,
	      "a timeout: 0, the set cleared, no time left: %ld.%06ld",
	      tv.sec, tv.usec);
	memset(in, 0, sizeof(in));
	set_bit(in, CLOSED_FD);
	tv.usec = 0;
	CHECK_ERR(syscall(NR_newselect, CLOSED_FD + 1, in, NULL, NULL, &tv),
		  EBADF);
	CHECK_ERR(syscall(NR_newselect, -1, NULL, NULL, NULL, &tv), EINVAL);
	tv.usec = -1;
	CHECK_ERR(syscall(NR_newselect, 0, NULL, NULL, NULL, &tv), EINVAL);
	CHECK_ERR(syscall(NR_newselect, n, BAD_PTR, NULL, NULL, NULL),
		  EFAULT);
	CHECK_ERR(syscall(NR_old_select, BAD_PTR), EFAULT);
	close(fds[0]);
	close(fds[1]);
	case_end();
}

struct ts32 {
	long sec, nsec;
};

struct mask_pack {
	unsigned long long *set;
	unsigned long len;
};

/* glibc's select() is pselect6; its mask holds only during the wait. */
static void test_pselect6(void)
{
	unsigned long in[SET_WORDS];
	unsigned long long usr1 = 1ULL << (SIGUSR1 - 1), none = 0, now = 0;
	struct mask_pack pack = { &none, SIGSET_SIZE };
	struct ts32 ts = { 0, 0 };
	struct sigaction sa, old;
	int fds[2];

	case_begin("pselect6_timeout_mask_and_errors");
	CHECK(pipe(fds) == 0, "a pipe");
	memset(in, 0, sizeof(in));
	set_bit(in, fds[0]);
	CHECK(syscall(NR_pselect6, fds[0] + 1, in, NULL, NULL, &ts, NULL) == 0
	      && !bit(in, fds[0]), "nothing to read: 0 at once");
	write(fds[1], "p", 1);
	set_bit(in, fds[0]);
	CHECK(syscall(NR_pselect6, fds[0] + 1, in, NULL, NULL, NULL, NULL) == 1
	      && bit(in, fds[0]), "readable after a write");
	ts.nsec = 2000000000L;
	CHECK_ERR(syscall(NR_pselect6, 0, NULL, NULL, NULL, &ts, NULL), EINVAL);
	ts.nsec = 0;
	pack.len = 4;
	CHECK_ERR(syscall(NR_pselect6, 0, NULL, NULL, NULL, &ts, &pack), EINVAL);
	pack.len = SIGSET_SIZE;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, &old);
	got_usr1 = 0;
	syscall(NR_sigprocmask, SIG_BLOCK, &usr1, NULL, SIGSET_SIZE);
	kill(getpid(), SIGUSR1);
	CHECK(!got_usr1, "blocked: still pending");
	CHECK_ERR(syscall(NR_pselect6, 0, NULL, NULL, NULL, NULL, &pack), EINTR);
	syscall(NR_sigprocmask, SIG_BLOCK, NULL, &now, SIGSET_SIZE);
	CHECK(got_usr1 && (now & usr1), "the wait's mask let it in, then "
	      "the old mask is back: got %d, mask 0x%llx", got_usr1, now);
	syscall(NR_sigprocmask, SIG_UNBLOCK, &usr1, NULL, SIGSET_SIZE);
	sigaction(SIGUSR1, &old, NULL);
	close(fds[0]);
	close(fds[1]);
	case_end();
}

int main(void)
{
	test_poll_pipe_states();
	test_poll_fds_and_errors();
	test_poll_wakes();
	test_poll_signal();
	test_select();
	test_pselect6();
	return check_summary();
}
