/*
 * sigjmp.c - the signal-mask half of sigsetjmp/siglongjmp; the register
 * half is in setjmp.S.
 */
#include <setjmp.h>

int __sigsetjmp_save(sigjmp_buf env, int savemask);

/* Reached by a jump from sigsetjmp, so it returns to sigsetjmp's caller. */
int __sigsetjmp_save(sigjmp_buf env, int savemask)
{
	env->__mask_saved = savemask &&
			    sigprocmask(SIG_BLOCK, NULL, &env->__mask) == 0;
	return 0;
}

void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__mask_saved)
		sigprocmask(SIG_SETMASK, &env->__mask, NULL);
	longjmp(env, val);
}
