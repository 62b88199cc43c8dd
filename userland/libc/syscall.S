/*
 * syscall.S - every int 0x80 in this libc lives here.
 *
 * syscall() is the one entry all C wrappers use. The Linux i386 ABI puts
 * the number in eax and up to six arguments in ebx, ecx, edx, esi, edi,
 * ebp; the result comes back in eax, and -4095..-1 means -errno.
 *
 * Two callers cannot go through syscall(): vfork, whose child runs on the
 * parent's stack, and the signal restorer, which must run rt_sigreturn
 * with esp pointing exactly at the signal frame.
 */
#include <sys/syscall.h>
#include <errno.h>

	.text

/* long syscall(long nr, ...): always reads six argument slots. */
	.globl	syscall
	.type	syscall, @function
syscall:
	pushl	%ebx			/* callee-saved registers we borrow */
	pushl	%esi
	pushl	%edi
	pushl	%ebp
	movl	20(%esp), %eax		/* nr: past the 4 pushes + return */
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	int	$0x80
	popl	%ebp
	popl	%edi
	popl	%esi
	popl	%ebx
	cmpl	$-MAX_ERRNO, %eax
	jae	syscall_error
	ret

/* eax holds -errno: store it and return -1. */
syscall_error:
	negl	%eax
	movl	%eax, errno
	movl	$-1, %eax
	ret
	.size	syscall, . - syscall

/*
 * pid_t vfork(void): the child borrows the parent's stack until it execs
 * or exits, and anything it calls would overwrite our return address.
 * So keep the return address in ecx (registers are per process) and put
 * it back after the call, in both the child and the parent.
 */
	.globl	vfork
	.type	vfork, @function
vfork:
	popl	%ecx
	movl	$__NR_vfork, %eax
	int	$0x80
	pushl	%ecx
	cmpl	$-MAX_ERRNO, %eax
	jae	syscall_error
	ret
	.size	vfork, . - vfork

/*
 * The sa_restorer of every handler: a handler's "ret" lands here with esp
 * at the rt signal frame the kernel built, which rt_sigreturn unwinds.
 */
	.globl	__restore_rt
	.type	__restore_rt, @function
__restore_rt:
	movl	$__NR_rt_sigreturn, %eax
	int	$0x80
	.size	__restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
