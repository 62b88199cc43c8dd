/*
 * helper_fpu.c - the program test_fpu execs from a process whose FPU
 * state it has dirtied. A new program must start as after fninit:
 * control word 0x37f, status 0, every x87 register empty, MXCSR 0x1f80.
 * Exits 0 if so; otherwise prints what it found and exits 1.
 */
#include <stdio.h>
#include "fpu.h"

int main(void)
{
	static struct fxstate s;

	fxsave(&s);
	if (s.cwd == X87_CW_DEFAULT && s.swd == 0 && s.ftw == 0 &&
	    s.mxcsr == MXCSR_DEFAULT)
		return 0;
	printf("cw 0x%x sw 0x%x tags 0x%x mxcsr 0x%lx\n", s.cwd, s.swd,
	       s.ftw, s.mxcsr);
	return 1;
}
