/*
 * signal.h - Linux i386 signals, through the rt_* system calls.
 *
 * struct sigaction has exactly the layout rt_sigaction (174) takes, and
 * sigset_t is the kernel's 64-bit set, so both cross unchanged. Every
 * handler returns through __restore_rt (SA_RESTORER), which calls
 * rt_sigreturn (173).
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>

#include <asm/signal.h>	/* include/uapi/asm/signal.h: the kernel's own */

#define NSIG		(_NSIG + 1)	/* signals are 1..64 */

typedef void (*sighandler_t)(int);

#define SIG_DFL		((sighandler_t)0)
#define SIG_IGN		((sighandler_t)1)
#define SIG_ERR		((sighandler_t)-1)

typedef struct {
	unsigned long __bits[2];
} sigset_t;

/* The kernel's 128-byte siginfo; the union starts at offset 12. */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int __pad[29];
		struct {
			pid_t pid;
			uid_t uid;
			int status;
		} __proc;
		struct {
			void *addr;
		} __fault;
	} __u;
} siginfo_t;

#define si_pid		__u.__proc.pid
#define si_uid		__u.__proc.uid
#define si_status	__u.__proc.status
#define si_addr		__u.__fault.addr

struct sigaction {
	union {
		sighandler_t __handler;
		void (*__sigaction)(int, siginfo_t *, void *);
	} __sa_u;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};

#define sa_handler	__sa_u.__handler
#define sa_sigaction	__sa_u.__sigaction

/* sigaltstack (186): the kernel's struct sigaltstack */
typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int kill(pid_t pid, int sig);
int raise(int sig);
int sigaltstack(const stack_t *ss, stack_t *old);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif
