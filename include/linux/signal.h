#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

/* Linux i386 signal numbers and flags, shared with our libc. */
#include <uapi/asm/signal.h>

#define NSIG		_NSIG

typedef unsigned long long sigset_t;
#define sigmask(sig)	(1ULL << ((sig) - 1))

/* kernel/signal.c and kernel/sigframe.c: what the two halves agree on */
struct siginfo;
void fill_siginfo(struct siginfo *info, int sig);
int dequeue_signal(sigset_t mask);
#define SIG_KERNEL_ONLY	(sigmask(SIGKILL) | sigmask(SIGSTOP))
/* Signals whose default action is to do nothing. */
#define SIG_DFL_IGNORED	(sigmask(SIGCHLD) | sigmask(SIGCONT) | \
			 sigmask(SIGURG) | sigmask(SIGWINCH))
#define SIG_DFL_STOP	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
			 sigmask(SIGTTIN) | sigmask(SIGTTOU))

#define SIG_DFL		((void (*)(int))0)
#define SIG_IGN		((void (*)(int))1)

struct sigaction {
	void (*sa_handler)(int);
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};

#endif
