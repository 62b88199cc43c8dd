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

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define NSIG		65	/* signals are 1..64 */

#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* si_code values */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SEGV_MAPERR	1	/* no mapping at si_addr */
#define SEGV_ACCERR	2	/* a mapping, but not with that access */
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3

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

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int kill(pid_t pid, int sig);
int raise(int sig);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif
