#ifndef _ASM_SIGCONTEXT_H
#define _ASM_SIGCONTEXT_H

/*
 * What a signal handler finds on its stack: Linux i386's layouts, so that
 * the same program (and its sigreturn trampoline) works on both kernels.
 */
#include <linux/signal.h>

/*
 * The FPU state in a signal frame, sigcontext.fpstate points at it. The
 * first part is in fnsave's layout (what the x87 state is restored
 * from); on a CPU with FXSR, magic is X86_FXSR_MAGIC and fxsave's image
 * follows from _fxsr_env on (its x87 part ignored on the way back, its
 * MXCSR and xmm registers restored), 16-byte aligned in the frame.
 */
struct _fpreg {
	unsigned short significand[4];
	unsigned short exponent;
};

struct _fpxreg {
	unsigned short significand[4];
	unsigned short exponent;
	unsigned short padding[3];
};

struct _xmmreg {
	unsigned long element[4];
};

#define X86_FXSR_MAGIC		0x0000
#define X86_FPSTATE_MAGIC	0xffff	/* x87 state only */

struct _fpstate {
	unsigned long cw, sw, tag, ipoff, cssel, dataoff, datasel;
	struct _fpreg _st[8];
	unsigned short status;
	unsigned short magic;
	unsigned long _fxsr_env[6];
	unsigned long mxcsr;
	unsigned long reserved;
	struct _fpxreg _fxsr_st[8];
	struct _xmmreg _xmm[8];
	unsigned long padding1[44];
	unsigned long padding2[12];	/* sw_reserved: 0, no xstate */
};

/* Where fxsave's image starts in struct _fpstate. */
#define FPSTATE_FXSR_OFFSET	__builtin_offsetof(struct _fpstate, _fxsr_env)

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
	unsigned long fpstate;		/* a struct _fpstate, or 0 */
	unsigned long oldmask, cr2;
};

#define SI_MAX_SIZE	128

struct siginfo {
	int si_signo, si_errno, si_code;
	union {
		struct {		/* kill(), and Linux's _rt */
			int pid;
			unsigned int uid;
			int value;	/* rt_sigqueueinfo's si_value */
		} kill;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE */
			unsigned long addr;
		} fault;
		struct {		/* SIGCHLD, and what waitid fills */
			int pid;
			unsigned int uid;
			int status;	/* exit code, or the signal */
			long utime, stime;	/* in ticks */
		} child;
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

/*
 * The frame for handlers installed without SA_SIGINFO. Linux keeps an
 * unused struct _fpstate where the FPU state once was, so that
 * extramask stays where old programs look; the real one lies above the
 * frame (alloc_mathframe).
 */
struct sigframe {
	unsigned long pretcode;		/* the handler returns here */
	int sig;
	struct sigcontext sc;
	struct _fpstate fpstate_unused;
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
