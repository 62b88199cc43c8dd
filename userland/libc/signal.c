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

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction k;

	if (act) {
		k = *act;
		k.sa_flags |= SA_RESTORER;
		k.sa_restorer = __restore_rt;
		act = &k;
	}
	return syscall(__NR_rt_sigaction, sig, act, old, KERNEL_SIGSET_SIZE);
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
