#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

/* Linux i386 signal numbers and flags, shared with our libc. */
#include <uapi/asm/signal.h>

#define NSIG		_NSIG

typedef unsigned long long sigset_t;
#define sigmask(sig)	(1ULL << ((sig) - 1))

#define SIG_DFL		((void (*)(int))0)
#define SIG_IGN		((void (*)(int))1)

struct sigaction {
	void (*sa_handler)(int);
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};

#endif
