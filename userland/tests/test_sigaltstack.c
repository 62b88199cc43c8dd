/*
 * test_sigaltstack.c - the alternate signal stack: sigaltstack's report
 * and errors, an SA_ONSTACK handler running on it (SS_ONSTACK inside,
 * EPERM to change it there, uc_stack in the ucontext), one without
 * SA_ONSTACK staying on the normal stack, the stack inherited by fork,
 * and the classic use: a SIGSEGV handler that runs after the normal
 * stack overflowed, which only the alternate stack makes possible.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "child.h"

#define ALT_SIZE	(64 * 1024)
#define SMALL_STACK	(256 * 1024)	/* RLIMIT_STACK for the overflow */
#define BAD_FLAGS	0x10		/* no ss_flags value has this bit */
#define BAD_PTR		((void *)16)	/* never mapped */
#define FRAME_BYTES	1024		/* stack used by one recursion */
#define MAX_DEPTH	(1 << 20)	/* 1 GiB of frames: never reached */
#define TOO_SMALL	1024		/* below the kernel's MINSIGSTKSZ */
#define ON_ALT_EXIT	0		/* the overflow child's verdicts */
#define OFF_ALT_EXIT	3

static char alt[ALT_SIZE];

/* What a handler saw: where its locals were, sigaltstack's answers. */
static volatile uintptr_t handler_sp;
static volatile int handler_flags, handler_eperm, uc_flags;
static void *volatile uc_sp;

/* The head of i386's ucontext, the same for every libc. */
struct uc_head {
	unsigned long uc_flags;
	void *uc_link;
	stack_t uc_stack;
};

static int on_alt(uintptr_t sp)
{
	return sp >= (uintptr_t)alt && sp < (uintptr_t)alt + ALT_SIZE;
}

static void handler(int sig, siginfo_t *info, void *ucv)
{
	struct uc_head *uc = ucv;
	stack_t now, other = { alt, 0, ALT_SIZE };
	volatile char here;

	(void)sig;
	(void)info;
	handler_sp = (uintptr_t)&here;
	handler_flags = sigaltstack(NULL, &now) ? -1 : now.ss_flags;
	errno = 0;
	handler_eperm = sigaltstack(&other, NULL) == -1 && errno == EPERM;
	uc_sp = uc->uc_stack.ss_sp;
	uc_flags = uc->uc_stack.ss_flags;
}

static void set_handler(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | flags;
	sigaction(sig, &sa, NULL);
}

static int set_alt(void)
{
	stack_t ss = { alt, 0, ALT_SIZE };

	return sigaltstack(&ss, NULL);
}

static void test_report(void)
{
	stack_t old;

	case_begin("sigaltstack_none_then_set");
	CHECK_OK(sigaltstack(NULL, &old));
	CHECK(old.ss_flags == SS_DISABLE, "none at start: SS_DISABLE, got %d",
	      old.ss_flags);
	CHECK_OK(set_alt());
	CHECK_OK(sigaltstack(NULL, &old));
	CHECK(old.ss_sp == alt && old.ss_size == ALT_SIZE && old.ss_flags == 0,
	      "reports %p %u flags 0, got %p %u flags %d", (void *)alt,
	      ALT_SIZE, old.ss_sp, (unsigned)old.ss_size, old.ss_flags);
	case_end();
}

static void test_errors(void)
{
	stack_t small = { alt, 0, TOO_SMALL };
	stack_t bad = { alt, BAD_FLAGS, ALT_SIZE };
	stack_t off = { NULL, SS_DISABLE, 0 }, old;

	case_begin("sigaltstack_errors");
	CHECK_ERR(sigaltstack(&small, NULL), ENOMEM);
	CHECK_ERR(sigaltstack(&bad, NULL), EINVAL);
	CHECK_ERR(sigaltstack(BAD_PTR, NULL), EFAULT);
	CHECK_ERR(sigaltstack(NULL, BAD_PTR), EFAULT);
	CHECK_OK(sigaltstack(&off, NULL));
	CHECK_OK(sigaltstack(NULL, &old));
	CHECK(old.ss_flags == SS_DISABLE, "SS_DISABLE removes it: got %d",
	      old.ss_flags);
	CHECK_OK(set_alt());
	case_end();
}

static void test_onstack(void)
{
	case_begin("sa_onstack_handler_runs_on_the_alternate_stack");
	set_handler(SIGUSR1, SA_ONSTACK);
	raise(SIGUSR1);
	CHECK(on_alt(handler_sp), "handler's local at %#lx, stack %p+%d",
	      (unsigned long)handler_sp, (void *)alt, ALT_SIZE);
	CHECK(handler_flags == SS_ONSTACK, "SS_ONSTACK inside, got %d",
	      handler_flags);
	CHECK(handler_eperm, "changing it there is EPERM");
	CHECK(uc_sp == alt && uc_flags == 0,
	      "uc_stack says %p flags 0, got %p flags %d", (void *)alt,
	      uc_sp, uc_flags);
	case_end();

	case_begin("handler_without_sa_onstack_stays_on_the_stack");
	set_handler(SIGUSR2, 0);
	raise(SIGUSR2);
	CHECK(!on_alt(handler_sp), "handler's local at %#lx is off it",
	      (unsigned long)handler_sp);
	CHECK(handler_flags == 0, "flags 0 outside it, got %d", handler_flags);
	case_end();
}

static int same_in_child(void *arg)
{
	stack_t old;

	(void)arg;
	return !sigaltstack(NULL, &old) && old.ss_sp == alt &&
	       old.ss_size == ALT_SIZE ? 0 : 1;
}

static void test_fork(void)
{
	int s = run_in_child(same_in_child, NULL);

	case_begin("fork_inherits_the_alternate_stack");
	CHECK(s == 0, "the child sees the same stack: %s", describe_status(s));
	case_end();
}

static void overflow_handler(int sig)
{
	volatile char here;

	(void)sig;
	_exit(on_alt((uintptr_t)&here) ? ON_ALT_EXIT : OFF_ALT_EXIT);
}

/* Recurse until the stack runs out; the sum keeps it from being a loop. */
static int recurse(int depth)
{
	volatile char buf[FRAME_BYTES];

	if (depth > MAX_DEPTH)
		return 0;
	buf[0] = (char)depth;
	return recurse(depth + 1) + buf[0];
}

static int overflow(void *with_alt)
{
	struct rlimit rl = { SMALL_STACK, SMALL_STACK };
	struct sigaction sa;

	no_core_dump();
	setrlimit(RLIMIT_STACK, &rl);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = overflow_handler;
	sa.sa_flags = with_alt ? SA_ONSTACK : 0;
	sigaction(SIGSEGV, &sa, NULL);
	return recurse(0);
}

static void test_overflow(void)
{
	int s;

	case_begin("stack_overflow_handled_on_the_alternate_stack");
	s = run_in_child(overflow, alt);
	CHECK(s != -1 && WIFEXITED(s) && WEXITSTATUS(s) == ON_ALT_EXIT,
	      "the SIGSEGV handler runs on it and exits %d, got %s",
	      ON_ALT_EXIT, describe_status(s));
	case_end();

	case_begin("stack_overflow_without_sa_onstack_kills");
	s = run_in_child(overflow, NULL);
	CHECK(s != -1 && WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV,
	      "no stack for the handler: killed by SIGSEGV, got %s",
	      describe_status(s));
	case_end();
}

int main(void)
{
	test_report();
	test_errors();
	test_onstack();
	test_fork();
	test_overflow();
	return check_summary();
}
