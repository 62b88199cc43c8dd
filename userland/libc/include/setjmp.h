/*
 * setjmp.h - non-local jumps.
 *
 * One buffer type serves both families, as in glibc: the callee-saved
 * registers, esp and the return address, then (for sigsetjmp) whether
 * the signal mask was saved and the mask itself.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <signal.h>

struct __jmp_buf {
	unsigned long __regs[6];	/* ebx, esi, edi, ebp, esp, eip */
	int __mask_saved;
	sigset_t __mask;
};

typedef struct __jmp_buf jmp_buf[1];
typedef struct __jmp_buf sigjmp_buf[1];

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
void siglongjmp(sigjmp_buf env, int val) __attribute__((noreturn));

#endif
