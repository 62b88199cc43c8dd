/*
 * sigframe.h - what Linux i386 puts on the stack for a signal handler,
 * as the tests that read or forge it need it (test_sigreturn.c,
 * test_fpu.c). Linux's uapi asm/sigcontext.h and asm/ucontext.h, with
 * names of our own so that they clash with no libc's.
 */
#ifndef _SIGFRAME_H
#define _SIGFRAME_H

#include "fpu.h"

#define FPSTATE_MAGIC_FXSR	0x0000	/* an fxsave image follows */

struct i386_sigcontext {
	unsigned short gs, __gsh, fs, __fsh, es, __esh, ds, __dsh;
	unsigned long edi, esi, ebp, esp, ebx, edx, ecx, eax;
	unsigned long trapno, err, eip;
	unsigned short cs, __csh;
	unsigned long eflags, esp_at_signal;
	unsigned short ss, __ssh;
	unsigned long fpstate, oldmask, cr2;
};

/*
 * struct _fpstate: the x87 state in fnsave's layout (the part sigreturn
 * restores the x87 registers from), then fxsave's image (MXCSR and the
 * xmm registers come back from there).
 */
struct i386_fpstate {
	unsigned long cw, sw, tag, ipoff, cssel, dataoff, datasel;
	unsigned char st[8][10];
	unsigned short status, magic;
	struct fxstate fx;
};

/* The third argument of an SA_SIGINFO handler. */
struct i386_ucontext {
	unsigned long uc_flags, uc_link;
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
	struct i386_sigcontext uc_mcontext;
	unsigned long uc_sigmask[2];
};

#endif
