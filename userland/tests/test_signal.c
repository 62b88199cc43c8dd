/*
 * test_signal.c - signal delivery: handlers run with the right mask and
 * siginfo, return through rt_sigreturn with every register intact,
 * blocked signals wait in the pending set, SIGKILL/SIGSTOP stay out of
 * reach, and alarm, pause and sigsuspend work together.
 */
#include <signal.h>
#include "check.h"
#include "child.h"

#define SPIN_BUDGET	400000000	/* loop passes before giving up */

static volatile int handled, handled_sig, handled_code;
static volatile pid_t handled_pid;
static volatile sigset_t mask_in_handler;

static void on_signal(int sig)
{
	handled++;
	handled_sig = sig;
	sigprocmask(SIG_BLOCK, NULL, (sigset_t *)&mask_in_handler);
}

static void on_siginfo(int sig, siginfo_t *info, void *ctx)
{
	(void)ctx;
	on_signal(sig);
	handled_pid = info->si_pid;
	handled_code = info->si_code;
}

static void install(int sig, void (*fn)(int), int flags, int also_block)
{
	struct sigaction sa = { .sa_handler = fn, .sa_flags = flags };

	sigemptyset(&sa.sa_mask);
	if (also_block)
		sigaddset(&sa.sa_mask, also_block);
	sigaction(sig, &sa, NULL);
}

static int blocked_now(int sig)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	return sigismember(&now, sig);
}

static void test_handler_siginfo(void)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO };

	case_begin("handler_gets_siginfo_from_kill");
	sa.sa_sigaction = on_siginfo;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	handled = 0;
	CHECK_OK(kill(getpid(), SIGUSR1));
	CHECK(handled == 1 && handled_sig == SIGUSR1,
	      "handler ran once for SIGUSR1, got %d times, sig %d",
	      handled, handled_sig);
	CHECK(handled_pid == getpid() && handled_code == SI_USER,
	      "si_pid %d si_code SI_USER, got %d and %d", getpid(),
	      handled_pid, handled_code);
	case_end();
}

static void test_mask_in_handler(void)
{
	case_begin("handler_mask_then_restored");
	install(SIGUSR1, on_signal, 0, SIGUSR2);
	raise(SIGUSR1);
	CHECK(sigismember((sigset_t *)&mask_in_handler, SIGUSR1) == 1 &&
	      sigismember((sigset_t *)&mask_in_handler, SIGUSR2) == 1,
	      "SIGUSR1 and sa_mask's SIGUSR2 blocked inside the handler");
	CHECK(!blocked_now(SIGUSR1) && !blocked_now(SIGUSR2),
	      "neither blocked after the handler returned");
	case_end();
}

static void test_resethand(void)
{
	struct sigaction now;

	case_begin("sa_resethand_back_to_default");
	install(SIGUSR2, on_signal, SA_RESETHAND, 0);
	handled = 0;
	raise(SIGUSR2);
	sigaction(SIGUSR2, NULL, &now);
	CHECK(handled == 1, "handler ran once, got %d", handled);
	CHECK(now.sa_handler == SIG_DFL, "SIG_DFL after one delivery, got %p",
	      (void *)now.sa_handler);
	case_end();
}

/*
 * The spin loop's state lives on its stack, so the asm reaches it through
 * %esp alone: in position-independent code (glibc's default build) a
 * global would need a seventh register for its address.
 */
struct spin_state {
	int flag;
	unsigned int budget;
	int result;
};

static struct spin_state *volatile spinning;

/* Trash every register the handler's C code may not keep. */
static void on_signal_clobber(int sig)
{
	(void)sig;
	spinning->flag = 1;
	asm volatile("movl $0xdead0001, %%eax\n\t"
		     "movl $0xdead0002, %%ecx\n\t"
		     "movl $0xdead0003, %%edx\n\t"
		     "movl $0xdead0004, %%ebx\n\t"
		     "movl $0xdead0005, %%esi\n\t"
		     "movl $0xdead0006, %%edi"
		     : : : "eax", "ecx", "edx", "ebx", "esi", "edi", "cc");
}

/*
 * Unblock the signal, load six registers with known values and spin
 * until the handler has run; then compare them. Returns 0 all kept, 1 one
 * changed, 2 no signal came. The signal stays blocked until the handler
 * has somewhere to write, even if it is sent early.
 */
static int spin_until_signal(const sigset_t *unblock)
{
	struct spin_state s = { 0, SPIN_BUDGET, 2 };

	spinning = &s;
	sigprocmask(SIG_UNBLOCK, unblock, NULL);
	asm volatile("movl $0x11111111, %%eax\n\t"
		     "movl $0x22222222, %%ebx\n\t"
		     "movl $0x33333333, %%ecx\n\t"
		     "movl $0x44444444, %%edx\n\t"
		     "movl $0x55555555, %%esi\n\t"
		     "movl $0x66666666, %%edi\n"
		     "1:\tcmpl $0, %[flag]\n\t"
		     "jne 2f\n\t"
		     "decl %[budget]\n\t"
		     "jnz 1b\n\t"
		     "movl $2, %[result]\n\t"
		     "jmp 4f\n"
		     "2:\tmovl $1, %[result]\n\t"
		     "cmpl $0x11111111, %%eax\n\tjne 4f\n\t"
		     "cmpl $0x22222222, %%ebx\n\tjne 4f\n\t"
		     "cmpl $0x33333333, %%ecx\n\tjne 4f\n\t"
		     "cmpl $0x44444444, %%edx\n\tjne 4f\n\t"
		     "cmpl $0x55555555, %%esi\n\tjne 4f\n\t"
		     "cmpl $0x66666666, %%edi\n\tjne 4f\n\t"
		     "movl $0, %[result]\n"
		     "4:"
		     : [result] "+m" (s.result), [budget] "+m" (s.budget)
		     : [flag] "m" (s.flag)
		     : "eax", "ebx", "ecx", "edx", "esi", "edi", "cc",
		       "memory");
	spinning = NULL;
	return s.result;
}

static void test_registers_survive(void)
{
	pid_t parent = getpid(), pid;
	sigset_t usr1;
	int result;

	case_begin("registers_survive_async_handler");
	install(SIGUSR1, on_signal_clobber, 0, 0);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	pid = fork();
	if (pid == 0) {
		usleep(20000);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	result = spin_until_signal(&usr1);
	waitpid(pid, NULL, 0);
	CHECK(result == 0, "all six registers kept (0), got %d "
	      "(1: a register changed, 2: no signal arrived)", result);
	case_end();
}

static void test_block_and_pend(void)
{
	sigset_t set, pending;

	case_begin("blocked_signal_pends_then_delivers_once");
	install(SIGUSR1, on_signal, 0, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	handled = 0;
	raise(SIGUSR1);
	raise(SIGUSR1);
	CHECK(handled == 0, "no delivery while blocked, got %d", handled);
	CHECK_OK(sigpending(&pending));
	CHECK(sigismember(&pending, SIGUSR1) == 1, "SIGUSR1 pending");
	CHECK_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
	CHECK(handled == 1, "delivered once on unblock, got %d", handled);
	sigpending(&pending);
	CHECK(sigismember(&pending, SIGUSR1) == 0, "nothing pending after");
	case_end();
}

/*
 * An ignored signal is dropped when sent (unless blocked: Linux keeps
 * those pending, since the handler may change before the unblock).
 */
static void test_ignored(void)
{
	sigset_t pending;

	case_begin("ignored_signal_is_discarded");
	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	sigpending(&pending);
	CHECK(sigismember(&pending, SIGUSR1) == 0,
	      "an ignored signal is not left pending");
	handled = 0;
	install(SIGUSR1, on_signal, 0, 0);
	CHECK(handled == 0, "a handler installed later sees nothing, got %d",
	      handled);
	case_end();
}

static void test_kill_stop_untouchable(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t all;

	case_begin("sigkill_sigstop_cannot_be_caught_or_blocked");
	CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(0, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(NSIG, &sa, NULL), EINVAL);
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	CHECK(!blocked_now(SIGKILL) && !blocked_now(SIGSTOP),
	      "SIGKILL and SIGSTOP never in the mask");
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	case_end();
}

static void test_kill_errors(void)
{
	case_begin("kill_errors_and_probe");
	CHECK_OK(kill(getpid(), 0));
	CHECK_ERR(kill(getpid(), NSIG + 10), EINVAL);
	CHECK_ERR(kill(999999999, SIGUSR1), ESRCH);
	case_end();
}

#define NOBODY	65534

/* As nobody, signal a process group that holds only root's processes. */
static int kill_foreign_group(void *arg)
{
	pid_t group = *(pid_t *)arg;

	CHECK_OK(setuid(NOBODY));
	CHECK_ERR(kill(-group, SIGUSR1), EPERM);
	CHECK_ERR(kill(-group, 0), EPERM);
	return check_case_failed;
}

/*
 * kill(-pgrp) when the group exists but nobody in it may be signalled
 * is EPERM, as Linux's __kill_pgrp_info; ESRCH only for an empty group.
 */
static void test_kill_group_eperm(void)
{
	const char *name = "kill_group_none_permitted_eperm";
	pid_t group;

	if (geteuid() != 0) {
		case_skip(name, "needs root, to become another user");
		case_skip("kill_group_empty_esrch", "its group comes from the "
			  "case before");
		return;
	}
	group = fork();
	if (group == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	setpgid(group, group);
	case_in_child(name, kill_foreign_group, &group);
	kill(group, SIGKILL);
	waitpid(group, NULL, 0);
	case_begin("kill_group_empty_esrch");
	CHECK_ERR(kill(-group, 0), ESRCH);
	case_end();
}

static void test_alarm_pause(void)
{
	int ret;

	case_begin("alarm_interrupts_pause");
	install(SIGALRM, on_signal, 0, 0);
	handled = 0;
	CHECK(alarm(1) == 0, "no earlier alarm pending");
	ret = pause();
	CHECK(ret == -1 && errno == EINTR, "pause returns -1 EINTR, got %d "
	      "errno %d", ret, errno);
	CHECK(handled == 1 && handled_sig == SIGALRM,
	      "SIGALRM handled once, got %d times, sig %d", handled,
	      handled_sig);
	alarm(5);
	ret = alarm(0);
	CHECK(ret >= 4 && ret <= 5, "alarm(0) reports 4 or 5 s left, got %d",
	      ret);
	case_end();
}

/* The child waits for SIGUSR1 in sigsuspend, then exits 0. */
static int await_signal(void *ready_fd)
{
	sigset_t block, wait_mask;

	install(SIGUSR1, on_signal, 0, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	write((int)(long)ready_fd, "r", 1);
	sigemptyset(&wait_mask);
	handled = 0;
	if (sigsuspend(&wait_mask) != -1 || errno != EINTR)
		return 1;
	if (handled != 1 || handled_sig != SIGUSR1)
		return 2;
	return blocked_now(SIGUSR1) ? 0 : 3;
}

static void test_sigsuspend_child(void)
{
	int fds[2], status = -1;
	char c;
	pid_t pid;

	case_begin("sigsuspend_wakes_for_signal_from_parent");
	CHECK_OK(pipe(fds));
	pid = fork();
	if (pid == 0)
		_exit(await_signal((void *)(long)fds[1]));
	read(fds[0], &c, 1);
	CHECK_OK(kill(pid, SIGUSR1));
	waitpid(pid, &status, 0);
	CHECK(status == 0, "child exits 0 (1: no EINTR, 2: handler did not "
	      "run, 3: mask not restored), got %s", describe_status(status));
	close(fds[0]);
	close(fds[1]);
	case_end();
}

int main(void)
{
	test_handler_siginfo();
	test_mask_in_handler();
	test_resethand();
	test_registers_survive();
	test_block_and_pend();
	test_ignored();
	test_kill_stop_untouchable();
	test_kill_errors();
	test_kill_group_eperm();
	test_alarm_pause();
	test_sigsuspend_child();
	return check_summary();
}
