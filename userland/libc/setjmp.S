/*
 * setjmp.S - saving and restoring the registers a C function must keep.
 *
 * On entry to setjmp/sigsetjmp the stack is:
 *
 *	esp ->	return address
 *	4(esp)	env
 *	8(esp)	savemask (sigsetjmp only)
 *
 * env holds ebx, esi, edi, ebp, the esp the caller will have after we
 * return, and the return address: offsets 0..20 of struct __jmp_buf.
 */
	.text

/* Store the registers into env (in eax); clobbers ecx. */
.macro	SAVE_REGS
	movl	4(%esp), %eax
	movl	%ebx, 0(%eax)
	movl	%esi, 4(%eax)
	movl	%edi, 8(%eax)
	movl	%ebp, 12(%eax)
	leal	4(%esp), %ecx
	movl	%ecx, 16(%eax)
	movl	(%esp), %ecx
	movl	%ecx, 20(%eax)
.endm

	.globl	setjmp
	.type	setjmp, @function
setjmp:
	SAVE_REGS
	movl	$0, 24(%eax)		/* __mask_saved = 0 */
	xorl	%eax, %eax
	ret
	.size	setjmp, . - setjmp

/*
 * The mask is C's business: jump to __sigsetjmp_save with our own
 * arguments still in place, and it returns 0 to our caller for us.
 */
	.globl	sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
	SAVE_REGS
	jmp	__sigsetjmp_save
	.size	sigsetjmp, . - sigsetjmp

/* void longjmp(jmp_buf env, int val): setjmp returns val (0 becomes 1). */
	.globl	longjmp
	.type	longjmp, @function
longjmp:
	movl	4(%esp), %edx
	movl	8(%esp), %eax
	testl	%eax, %eax
	jnz	1f
	incl	%eax
1:	movl	0(%edx), %ebx
	movl	4(%edx), %esi
	movl	8(%edx), %edi
	movl	12(%edx), %ebp
	movl	16(%edx), %esp
	jmp	*20(%edx)
	.size	longjmp, . - longjmp

	.section .note.GNU-stack, "", @progbits
