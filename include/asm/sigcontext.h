#ifndef _ASM_SIGCONTEXT_H
#define _ASM_SIGCONTEXT_H

/*
 * What a signal handler finds on its stack: Linux i386's layouts, so that
 * the same program (and its sigreturn trampoline) works on both kernels.
 */
#include <linux/signal.h>

struct sigcontext {
	unsigned short gs, __gsh;
	unsigned short fs, __fsh;
	unsigned short es, __esh;
	unsigned short ds, __dsh;
	unsigned long edi, esi, ebp, esp, ebx, edx, ecx, eax;
	unsigned long trapno, err, eip;
	unsigned short cs, __csh;
	unsigned long eflags, esp_at_signal;
	unsigned short ss, __ssh;
	unsigned long fpstate;		/* we save no FPU state: 0 */
	unsigned long oldmask, cr2;
};

#define SI_MAX_SIZE	128

struct siginfo {
	int si_signo, si_errno, si_code;
	union {
		struct {		/* kill() */
			int pid;
			unsigned int uid;
		} kill;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE */
			unsigned long addr;
		} fault;
		int pad[(SI_MAX_SIZE - 3 * sizeof(int)) / sizeof(int)];
	} fields;
};

struct sigaltstack {
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

struct ucontext {
	unsigned long uc_flags;
	unsigned long uc_link;
	struct sigaltstack uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;
};

/* The frame for handlers installed without SA_SIGINFO. */
struct sigframe {
	unsigned long pretcode;		/* the handler returns here */
	int sig;
	struct sigcontext sc;
	unsigned long extramask;	/* blocked signals 33-64 */
	char retcode[8];		/* popl %eax; movl $119,%eax; int $0x80 */
};

/* The frame for SA_SIGINFO handlers: handler(sig, &info, &uc). */
struct rt_sigframe {
	unsigned long pretcode;
	int sig;
	unsigned long pinfo, puc;
	struct siginfo info;
	struct ucontext uc;
	char retcode[8];		/* movl $173,%eax; int $0x80 */
};

#endif
