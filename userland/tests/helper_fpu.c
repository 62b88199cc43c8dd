/*
 * helper_fpu.c - the program test_fpu_x87 execs from a process whose FPU
 * state it has dirtied. A new program must start as after fninit:
 * control word 0x37f, status 0, every x87 register empty, and, with SSE,
 * MXCSR 0x1f80. Exits 0 if so; otherwise prints what it found and
 * exits 1. fnstenv and stmxcsr, not fxsave: it runs on any FPU.
 */
#include <stdio.h>
#include "fpu.h"

#define LOW16		0xffff
#define TW_ALL_EMPTY	0xffff

/* What fnstenv stores in 32-bit protected mode. */
struct fenv {
	unsigned long cw, sw, tw, fip, fcs, foo, fos;
};

int main(void)
{
	struct fenv env;
	unsigned long mxcsr = MXCSR_DEFAULT;

	__asm__ volatile("fnstenv %0" : "=m"(env));
	if (have_fxsr_sse())
		__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
	if ((env.cw & LOW16) == X87_CW_DEFAULT && (env.sw & LOW16) == 0 &&
	    (env.tw & LOW16) == TW_ALL_EMPTY && mxcsr == MXCSR_DEFAULT)
		return 0;
	printf("cw 0x%lx sw 0x%lx tags 0x%lx mxcsr 0x%lx\n", env.cw & LOW16,
	       env.sw & LOW16, env.tw & LOW16, mxcsr);
	return 1;
}
