/*
 * test_sigwait.c - rt_sigtimedwait (177) and rt_sigtimedwait_time64
 * (421), rt_sigqueueinfo (178) and rt_tgsigqueueinfo (335): a pending
 * signal taken without its handler and its siginfo given back (kill's
 * SI_USER, a child's SIGCHLD with CLD_EXITED, sigqueue's SI_QUEUE and
 * value, a real-time signal), a wait a sender or a timeout ends (EAGAIN)
 * or another signal cuts short (EINTR), the codes no one may forge
 * towards another process (EPERM, even as root), and Linux's EINVAL,
 * EFAULT and ESRCH. Raw system calls and the kernel's own 64-bit sets,
 * so that the test means the same with any C library.
 */
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

#define NR_gettid		224
#define NR_rt_sigaction		174
#define NR_rt_sigprocmask	175
#define NR_rt_sigpending	176
#define NR_rt_sigtimedwait	177
#define NR_rt_sigqueueinfo	178
#define NR_rt_tgsigqueueinfo	335
#define NR_rt_sigtimedwait_time64 421
#define SET_SIZE	8
#define BLOCK		0
#define SETMASK		2
#define SIG_RT		40		/* a real-time signal no libc claims */
#define BAD_SIG		65
#define C_USER		0		/* SI_USER: kill */
#define C_KERNEL	0x80
#define C_QUEUE		(-1)		/* SI_QUEUE: sigqueue */
#define C_TKILL		(-6)
#define C_EXITED	1		/* CLD_EXITED */
#define VALUE		1234
#define BAD_PTR		((void *)0xC0000000)
#define WAIT_MS		20
#define LONG_WAIT_S	10

typedef unsigned long long kset;
#define BIT(sig)	(1ULL << ((sig) - 1))

/* The kernel's siginfo, as sigqueue fills it and sigtimedwait returns it. */
struct kinfo {
	int signo, err, code;
	int pid;
	unsigned int uid;
	int value;			/* si_value, or a child's si_status */
	int pad[26];
};

struct ts32 {
	long sec, nsec;
};

struct ts64 {
	long long sec, nsec;
};

static long setmask(kset set, kset *old)
{
	return syscall(NR_rt_sigprocmask, SETMASK, &set, old, SET_SIZE);
}

static long twait(kset set, struct kinfo *info, const struct ts32 *ts)
{
	if (info)
		memset(info, 0x55, sizeof(*info));
	return syscall(NR_rt_sigtimedwait, &set, info, ts, SET_SIZE);
}

static long queue(pid_t pid, int sig, int code, int value)
{
	struct kinfo i;

	memset(&i, 0, sizeof(i));
	i.signo = sig;
	i.code = code;
	i.pid = getpid();
	i.uid = getuid();
	i.value = value;
	return syscall(NR_rt_sigqueueinfo, pid, sig, &i);
}

static kset pending(void)
{
	kset p = 0;

	syscall(NR_rt_sigpending, &p, SET_SIZE);
	return p;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 +
	       (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void test_takes_pending(void)
{
	struct kinfo info;
	kset old;

	case_begin("sigtimedwait_takes_a_pending_signal");
	setmask(BIT(SIGUSR1), &old);
	kill(getpid(), SIGUSR1);
	CHECK(twait(BIT(SIGUSR1) | BIT(SIGUSR2), &info, NULL) == SIGUSR1,
	      "SIGUSR1 comes back: errno %d", errno);
	CHECK(info.signo == SIGUSR1 && info.code == C_USER &&
	      info.pid == getpid() && info.uid == getuid(),
	      "kill's siginfo: signo %d code %d pid %d uid %u", info.signo,
	      info.code, info.pid, info.uid);
	CHECK(!(pending() & BIT(SIGUSR1)), "no longer pending");
	setmask(old, NULL);
	case_end();
}

static void test_timeouts(void)
{
	struct ts32 zero = { 0, 0 }, shortw = { 0, WAIT_MS * 1000000L };
	struct ts64 zero64 = { 0, 0 };
	struct timespec t0;
	kset old;

	case_begin("sigtimedwait_timeout_eagain");
	setmask(BIT(SIGUSR1), &old);
	CHECK_ERR(twait(BIT(SIGUSR1), NULL, &zero), EAGAIN);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_ERR(twait(BIT(SIGUSR1), NULL, &shortw), EAGAIN);
	CHECK(ms_since(&t0) >= WAIT_MS, "waited at least %d ms: %ld",
	      WAIT_MS, ms_since(&t0));
	CHECK_ERR(syscall(NR_rt_sigtimedwait_time64, &(kset){ BIT(SIGUSR1) },
			  NULL, &zero64, SET_SIZE), EAGAIN);
	kill(getpid(), SIGUSR1);
	CHECK(syscall(NR_rt_sigtimedwait_time64, &(kset){ BIT(SIGUSR1) },
		      NULL, &zero64, SET_SIZE) == SIGUSR1,
	      "time64: a pending signal with a zero timeout: errno %d", errno);
	setmask(old, NULL);
	case_end();
}

/* A child sends SIGUSR2 after a pause; the parent's wait ends with it. */
static void test_woken(void)
{
	struct ts32 longw = { LONG_WAIT_S, 0 };
	struct timespec pause_ts = { 0, WAIT_MS * 1000000L };
	struct kinfo info;
	kset old;
	pid_t pid;

	case_begin("sigtimedwait_woken_by_a_sender");
	setmask(BIT(SIGUSR2), &old);
	pid = fork();
	if (pid == 0) {
		nanosleep(&pause_ts, NULL);
		kill(getppid(), SIGUSR2);
		_exit(0);
	}
	CHECK(twait(BIT(SIGUSR2), &info, &longw) == SIGUSR2,
	      "SIGUSR2 ends the wait: errno %d", errno);
	CHECK(info.pid == pid, "sent by the child %d: %d", (int)pid, info.pid);
	waitpid(pid, NULL, 0);
	setmask(old, NULL);
	case_end();
}

/* SIGCHLD is ignored by default, yet waited for it is kept and taken. */
static void test_sigchld(void)
{
	struct ts32 longw = { LONG_WAIT_S, 0 };
	struct kinfo info;
	kset old;
	pid_t pid;

	case_begin("sigtimedwait_sigchld_cld_exited");
	setmask(BIT(SIGCHLD), &old);
	pid = fork();
	if (pid == 0)
		_exit(42);
	CHECK(twait(BIT(SIGCHLD), &info, &longw) == SIGCHLD,
	      "SIGCHLD: errno %d", errno);
	CHECK(info.code == C_EXITED && info.pid == pid && info.value == 42,
	      "CLD_EXITED, pid %d, status 42: code %d pid %d status %d",
	      (int)pid, info.code, info.pid, info.value);
	waitpid(pid, NULL, 0);
	setmask(old, NULL);
	case_end();
}

static volatile int got_alarm;

static void on_alarm(int sig)
{
	(void)sig;
	got_alarm = 1;
}

static void test_eintr(void)
{
	struct sigaction sa, osa;
	kset old;

	case_begin("sigtimedwait_eintr_for_another_signal");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, &osa);
	setmask(BIT(SIGUSR1), &old);
	got_alarm = 0;
	alarm(1);
	CHECK_ERR(twait(BIT(SIGUSR1), NULL, NULL), EINTR);
	CHECK(got_alarm, "SIGALRM's handler ran");
	setmask(old, NULL);
	sigaction(SIGALRM, &osa, NULL);
	case_end();
}

static void test_wait_errors(void)
{
	struct ts32 bad = { 0, 1000000000L }, zero = { 0, 0 };
	kset set = BIT(SIGUSR1), old;

	case_begin("sigtimedwait_errors");
	setmask(BIT(SIGUSR1), &old);
	CHECK_ERR(syscall(NR_rt_sigtimedwait, &set, NULL, &zero, 4), EINVAL);
	CHECK_ERR(syscall(NR_rt_sigtimedwait, BAD_PTR, NULL, &zero, SET_SIZE),
		  EFAULT);
	CHECK_ERR(syscall(NR_rt_sigtimedwait, &set, NULL, BAD_PTR, SET_SIZE),
		  EFAULT);
	CHECK_ERR(syscall(NR_rt_sigtimedwait, &set, NULL, &bad, SET_SIZE),
		  EINVAL);
	kill(getpid(), SIGUSR1);
	CHECK_ERR(syscall(NR_rt_sigtimedwait, &set, BAD_PTR, &zero, SET_SIZE),
		  EFAULT);
	CHECK(!(pending() & BIT(SIGUSR1)),
	      "the signal was taken before the copy failed");
	setmask(old, NULL);
	case_end();
}

static volatile int h_code, h_value, h_pid;

static void on_usr1_info(int sig, siginfo_t *si, void *uc)
{
	const struct kinfo *k = (const void *)si;

	(void)sig;
	(void)uc;
	h_code = k->code;
	h_value = k->value;
	h_pid = k->pid;
}

static void test_queue_handler(void)
{
	struct sigaction sa, osa;

	case_begin("sigqueueinfo_value_reaches_the_handler");
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1_info;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, &osa);
	h_code = h_value = h_pid = 0;
	CHECK(queue(getpid(), SIGUSR1, C_QUEUE, VALUE) == 0,
	      "rt_sigqueueinfo to itself: errno %d", errno);
	CHECK(h_code == C_QUEUE && h_value == VALUE && h_pid == getpid(),
	      "the handler saw code %d value %d pid %d", h_code, h_value,
	      h_pid);
	CHECK(queue(getpid(), SIGUSR1, C_USER, VALUE + 1) == 0,
	      "SI_USER towards itself is allowed: errno %d", errno);
	CHECK(h_code == C_USER && h_pid == getpid(), "code %d pid %d",
	      h_code, h_pid);
	sigaction(SIGUSR1, &osa, NULL);
	case_end();
}

static void test_queue_rt(void)
{
	struct kinfo info;
	kset old;

	case_begin("sigqueueinfo_realtime_signal_by_sigtimedwait");
	setmask(BIT(SIG_RT), &old);
	CHECK(queue(getpid(), SIG_RT, C_QUEUE, VALUE) == 0,
	      "rt_sigqueueinfo(%d): errno %d", SIG_RT, errno);
	CHECK(twait(BIT(SIG_RT), &info, NULL) == SIG_RT, "taken: errno %d",
	      errno);
	CHECK(info.signo == SIG_RT && info.code == C_QUEUE &&
	      info.value == VALUE && info.pid == getpid(),
	      "signo %d code %d value %d pid %d", info.signo, info.code,
	      info.value, info.pid);
	setmask(old, NULL);
	case_end();
}

/* A child waits for one SIGUSR1 and exits with the value it carried. */
static pid_t receiver(void)
{
	struct ts32 longw = { LONG_WAIT_S, 0 };
	struct kinfo info;
	pid_t pid;

	setmask(BIT(SIGUSR1), NULL);
	pid = fork();
	if (pid == 0)
		_exit(twait(BIT(SIGUSR1), &info, &longw) == SIGUSR1 ?
		      info.value & 0xff : 255);
	setmask(0, NULL);
	return pid;
}

static void test_queue_forged(void)
{
	int status = -1;
	pid_t pid = receiver();

	case_begin("sigqueueinfo_forged_codes_eperm");
	CHECK_ERR(queue(pid, SIGUSR1, C_USER, 1), EPERM);
	CHECK_ERR(queue(pid, SIGUSR1, C_KERNEL, 1), EPERM);
	CHECK_ERR(queue(pid, SIGUSR1, C_TKILL, 1), EPERM);
	CHECK(queue(pid, SIGUSR1, C_QUEUE, 77) == 0, "SI_QUEUE to the child: "
	      "errno %d", errno);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 77, "the child got value 77: 0x%x",
	      status);
	case_end();
}

static void test_queue_errors(void)
{
	pid_t gone = fork();

	if (gone == 0)
		_exit(0);
	waitpid(gone, NULL, 0);
	case_begin("sigqueueinfo_errors");
	CHECK_ERR(syscall(NR_rt_sigqueueinfo, getpid(), SIGUSR1, BAD_PTR),
		  EFAULT);
	CHECK_ERR(queue(gone, SIGUSR1, C_QUEUE, 1), ESRCH);
	CHECK_ERR(queue(0, SIGUSR1, C_QUEUE, 1), ESRCH);
	CHECK_ERR(queue(-1, SIGUSR1, C_QUEUE, 1), ESRCH);
	CHECK_ERR(queue(getpid(), BAD_SIG, C_QUEUE, 1), EINVAL);
	CHECK_ERR(queue(getpid(), -1, C_QUEUE, 1), EINVAL);
	CHECK(queue(getpid(), 0, C_QUEUE, 1) == 0, "signal 0 only checks");
	case_end();
}

static void test_tgqueue(void)
{
	struct kinfo i, info;
	pid_t tid = syscall(NR_gettid);
	pid_t child = receiver();
	kset old;

	case_begin("tgsigqueueinfo_one_thread_and_errors");
	memset(&i, 0, sizeof(i));
	i.signo = SIGUSR2;
	i.code = C_QUEUE;
	i.pid = getpid();
	i.value = VALUE;
	setmask(BIT(SIGUSR2), &old);
	CHECK(syscall(NR_rt_tgsigqueueinfo, getpid(), tid, SIGUSR2, &i) == 0,
	      "to its own thread: errno %d", errno);
	CHECK(twait(BIT(SIGUSR2), &info, NULL) == SIGUSR2 &&
	      info.value == VALUE && info.code == C_QUEUE,
	      "taken with value %d code %d", info.value, info.code);
	CHECK_ERR(syscall(NR_rt_tgsigqueueinfo, 0, tid, SIGUSR2, &i), EINVAL);
	CHECK_ERR(syscall(NR_rt_tgsigqueueinfo, getpid(), -1, SIGUSR2, &i),
		  EINVAL);
	CHECK_ERR(syscall(NR_rt_tgsigqueueinfo, getpid(), child, SIGUSR2, &i),
		  ESRCH);
	i.code = C_USER;
	CHECK_ERR(syscall(NR_rt_tgsigqueueinfo, child, child, SIGUSR1, &i),
		  EPERM);
	CHECK_ERR(syscall(NR_rt_tgsigqueueinfo, getpid(), tid, SIGUSR2,
			  BAD_PTR), EFAULT);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	setmask(old, NULL);
	case_end();
}

int main(void)
{
	test_takes_pending();
	test_timeouts();
	test_woken();
	test_sigchld();
	test_eintr();
	test_wait_errors();
	test_queue_handler();
	test_queue_rt();
	test_queue_forged();
	test_queue_errors();
	test_tgqueue();
	return check_summary();
}
