/*
 * signal.c - installing handlers and masking signals.
 */
#include <signal.h>
#include <errno.h>
#include <string.h>
#include <stddef.h>
#include <sys/syscall.h>

/* The rt_* calls are told how big the set is: 64 signals, 8 bytes. */
#define KERNEL_SIGSET_SIZE	sizeof(sigset_t)
#define BITS_PER_WORD		(8 * sizeof(unsigned long))

/* The kernel writes a 128-byte siginfo with the fault address at 12. */
_Static_assert(sizeof(siginfo_t) == 128, "siginfo layout");
_Static_assert(offsetof(siginfo_t, si_addr) == 12, "siginfo layout");

void __restore_rt(void);	/* syscall.S */

/*
 * On i386 Linux builds the old-style frame, which needs sigreturn (119),
 * for handlers without SA_SIGINFO. We ask for SA_SIGINFO always, so every
 * frame is an rt frame and __restore_rt (rt_sigreturn, 173) fits them all;
 * a plain handler just ignores its two extra arguments. This set remembers
 * who really asked, so sigaction() reports the flags it was given.
 */
static sigset_t wants_siginfo;

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	int asked_before = sigismember(&wants_siginfo, sig) == 1;
	struct sigaction k;

	if (act) {
		k = *act;
		k.sa_flags |= SA_SIGINFO | SA_RESTORER;
		k.sa_restorer = __restore_rt;
	}
	if (syscall(__NR_rt_sigaction, sig, act ? &k : NULL, old,
		    KERNEL_SIGSET_SIZE) < 0)
		return -1;
	if (old && !asked_before)
		old->sa_flags &= ~SA_SIGINFO;
	if (act && (act->sa_flags & SA_SIGINFO))
		sigaddset(&wants_siginfo, sig);
	else if (act)
		sigdelset(&wants_siginfo, sig);
	return 0;
}

/* BSD semantics, as glibc gives: the handler stays, calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_RESTART };
	struct sigaction old;

	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return syscall(__NR_rt_sigprocmask, how, set, old, KERNEL_SIGSET_SIZE);
}

int sigpending(sigset_t *set)
{
	return syscall(__NR_rt_sigpending, set, KERNEL_SIGSET_SIZE);
}

int sigsuspend(const sigset_t *mask)
{
	return syscall(__NR_rt_sigsuspend, mask, KERNEL_SIGSET_SIZE);
}

int sigaltstack(const stack_t *ss, stack_t *old)
{
	return syscall(__NR_sigaltstack, ss, old);
}

int sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	return 0;
}

int sigfillset(sigset_t *set)
{
	memset(set, 0xff, sizeof(*set));
	return 0;
}

/* Signal n is bit n-1 of the set, as the kernel counts. */
static unsigned long *sig_word(const sigset_t *set, int sig,
			       unsigned long *bit)
{
	if (sig < 1 || sig >= NSIG) {
		errno = EINVAL;
		return NULL;
	}
	*bit = 1UL << ((sig - 1) % BITS_PER_WORD);
	return (unsigned long *)&set->__bits[(sig - 1) / BITS_PER_WORD];
}

int sigaddset(sigset_t *set, int sig)
{
	unsigned long bit, *w = sig_word(set, sig, &bit);

	if (!w)
		return -1;
	*w |= bit;
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	unsigned long bit, *w = sig_word(set, sig, &bit);

	if (!w)
		return -1;
	*w &= ~bit;
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	unsigned long bit, *w = sig_word(set, sig, &bit);

	if (!w)
		return -1;
	return (*w & bit) != 0;
}
