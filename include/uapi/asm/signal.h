#ifndef _UAPI_ASM_SIGNAL_H
#define _UAPI_ASM_SIGNAL_H

/*
 * Linux i386 signal numbers and the flags and codes that go with them
 * (include/uapi/asm-generic/signal*.h, siginfo.h). The one list, shared
 * by the kernel (linux/signal.h) and our libc (signal.h). sigset_t and
 * struct sigaction stay each side's own: the kernel's set is a long long,
 * libc's a struct, as in Linux and glibc.
 */
#define SIGHUP		 1
#define SIGINT		 2
#define SIGQUIT		 3
#define SIGILL		 4
#define SIGTRAP		 5
#define SIGABRT		 6
#define SIGBUS		 7
#define SIGFPE		 8
#define SIGKILL		 9
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
#define _NSIG		64	/* 1..31 classic, 32..64 real-time */

/* sa_flags */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* sigaltstack's ss_flags and sizes */
#define SS_ONSTACK	1	/* the alternate stack is in use */
#define SS_DISABLE	2	/* there is none */
#define MINSIGSTKSZ	2048	/* smaller is ENOMEM */
#define SIGSTKSZ	8192	/* enough for most handlers */

/* sigprocmask's how */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* si_code values a handler may see */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_TKILL	(-6)	/* sent by tkill or tgkill */
#define SEGV_MAPERR	1	/* no mapping at si_addr */
#define SEGV_ACCERR	2	/* a mapping, but not with that access */
#define FPE_INTDIV	1	/* integer divide by zero */
#define FPE_INTOVF	2	/* integer overflow */
#define FPE_FLTDIV	3	/* floating-point divide by zero */
#define FPE_FLTOVF	4	/* floating-point overflow */
#define FPE_FLTUND	5	/* floating-point underflow */
#define FPE_FLTRES	6	/* floating-point inexact result */
#define FPE_FLTINV	7	/* floating-point invalid operation */
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

#endif
