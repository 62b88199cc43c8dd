/*
 * crt0.S - process entry.
 *
 * The kernel starts a new program at _start with this on the stack
 * (the Linux i386 initial stack, built by the ELF loader):
 *
 *	esp ->	argc
 *		argv[0] ... argv[argc-1], NULL
 *		envp[0] ... NULL
 *		auxiliary vector, then the strings themselves
 *
 * We hand argc/argv/envp to __libc_start_main, which never returns.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		/* mark the outermost frame for gdb */
	movl	(%esp), %eax		/* argc */
	leal	4(%esp), %ecx		/* argv */
	leal	8(%esp,%eax,4), %edx	/* envp = &argv[argc + 1] */
	andl	$-16, %esp		/* the i386 ABI wants 16-byte alignment */
	subl	$4, %esp		/* ... at the call, after three pushes */
	pushl	%edx
	pushl	%ecx
	pushl	%eax
	call	__libc_start_main
	hlt				/* not reached; faults if it ever is */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
