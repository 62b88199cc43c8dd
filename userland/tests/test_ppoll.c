/*
 * test_ppoll.c - ppoll (309) and ppoll_time64 (414): poll with a
 * timespec and a signal mask for the wait. A ready pipe, a timeout and
 * the time left written back, the mask swapped in for the wait (a
 * blocked signal unblocked by it ends the wait with EINTR and its
 * handler runs; a signal the mask blocks does not end it) and the old
 * mask back afterwards, and Linux's EINVAL and EFAULT. Raw system calls
 * and the kernel's 64-bit sets, so that the test means the same with
 * any C library.
 */
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include "check.h"

#define NR_rt_sigprocmask	175
#define NR_ppoll		309
#define NR_ppoll_time64		414
#define SET_SIZE	8
#define SETMASK		2
#define P_IN		0x0001
#define BAD_PTR		((void *)0xC0000000)
#define WAIT_NS		20000000L	/* 20 ms */
#define ALARM_US	20000		/* the itimer's 20 ms */
#define LONGER_NS	200000000L	/* a wait the itimer falls inside */

typedef unsigned long long kset;
#define BIT(sig)	(1ULL << ((sig) - 1))

struct pfd {
	int fd;
	short events, revents;
};

struct ts32 {
	long sec, nsec;
};

struct ts64 {
	long long sec, nsec;
};

static kset setmask(kset set)
{
	kset old = 0;

	syscall(NR_rt_sigprocmask, SETMASK, &set, &old, SET_SIZE);
	return old;
}

static volatile int got_sig;

static void on_sig(int sig)
{
	got_sig = sig;
}

static void handle(int sig, struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;
	sigaction(sig, &sa, old);
}

static void test_ready_and_timeout(void)
{
	struct ts32 ts = { 0, WAIT_NS };
	struct ts64 zero64 = { 0, 0 };
	struct pfd p;
	int fds[2];

	case_begin("ppoll_ready_timeout_time_left");
	CHECK(pipe(fds) == 0, "a pipe");
	p.fd = fds[0];
	p.events = P_IN;
	CHECK(syscall(NR_ppoll, &p, 1, &ts, NULL, SET_SIZE) == 0,
	      "an empty pipe times out: errno %d", errno);
	CHECK(ts.sec == 0 && ts.nsec == 0, "no time left: %ld.%09ld",
	      ts.sec, ts.nsec);
	CHECK(syscall(NR_ppoll_time64, &p, 1, &zero64, NULL, SET_SIZE) == 0,
	      "time64, zero timeout: errno %d", errno);
	CHECK(write(fds[1], "x", 1) == 1, "write");
	ts.nsec = WAIT_NS;
	CHECK(syscall(NR_ppoll, &p, 1, &ts, NULL, SET_SIZE) == 1 &&
	      p.revents == P_IN, "readable: revents 0x%x", p.revents);
	CHECK(ts.sec == 0 && ts.nsec > 0 && ts.nsec <= WAIT_NS,
	      "time left written back: %ld.%09ld", ts.sec, ts.nsec);
	CHECK(syscall(NR_ppoll_time64, &p, 1, NULL, NULL, SET_SIZE) == 1,
	      "time64, no limit, ready: errno %d", errno);
	close(fds[0]);
	close(fds[1]);
	case_end();
}

/* SIGUSR1 blocked and pending: a wait mask without it lets it in. */
static void test_mask_unblocks(void)
{
	struct sigaction old;
	kset empty = 0, before;

	case_begin("ppoll_mask_lets_a_signal_in_then_restored");
	handle(SIGUSR1, &old);
	before = setmask(BIT(SIGUSR1));
	got_sig = 0;
	kill(getpid(), SIGUSR1);
	CHECK(!got_sig, "blocked: no handler yet");
	CHECK_ERR(syscall(NR_ppoll, NULL, 0, NULL, &empty, SET_SIZE), EINTR);
	CHECK(got_sig == SIGUSR1, "the handler ran during the wait: %d",
	      got_sig);
	CHECK(setmask(before) == BIT(SIGUSR1), "the old mask is back");
	sigaction(SIGUSR1, &old, NULL);
	case_end();
}

/* SIGALRM comes during a wait whose mask blocks it: it waits on. */
static void test_mask_blocks(void)
{
	struct itimerval it = { { 0, 0 }, { 0, ALARM_US } };
	struct ts32 ts = { 0, LONGER_NS };
	struct sigaction old;
	kset block = BIT(SIGALRM), before = setmask(0);

	case_begin("ppoll_mask_blocks_a_signal_for_the_wait");
	handle(SIGALRM, &old);
	got_sig = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	CHECK(syscall(NR_ppoll, NULL, 0, &ts, &block, SET_SIZE) == 0,
	      "the wait runs to its timeout: errno %d", errno);
	CHECK(got_sig == SIGALRM, "the handler ran once the mask was "
	      "restored: %d", got_sig);
	sigaction(SIGALRM, &old, NULL);
	setmask(before);
	case_end();
}

static void test_errors(void)
{
	struct ts32 bad = { 0, 1000000000L }, zero = { 0, 0 };
	struct ts64 bad64 = { -1, 0 };
	kset set = 0;
	struct pfd p = { 0, P_IN, 0 };

	case_begin("ppoll_errors");
	CHECK_ERR(syscall(NR_ppoll, &p, 1, &zero, &set, 4), EINVAL);
	CHECK_ERR(syscall(NR_ppoll, &p, 1, &zero, BAD_PTR, SET_SIZE), EFAULT);
	CHECK_ERR(syscall(NR_ppoll, &p, 1, BAD_PTR, NULL, SET_SIZE), EFAULT);
	CHECK_ERR(syscall(NR_ppoll, &p, 1, &bad, NULL, SET_SIZE), EINVAL);
	CHECK_ERR(syscall(NR_ppoll_time64, &p, 1, &bad64, NULL, SET_SIZE),
		  EINVAL);
	CHECK_ERR(syscall(NR_ppoll, BAD_PTR, 1, &zero, NULL, SET_SIZE), EFAULT);
	case_end();
}

int main(void)
{
	test_ready_and_timeout();
	test_mask_unblocks();
	test_mask_blocks();
	test_errors();
	return check_summary();
}
