/*
 * raw_thread.h - a thread made by clone itself, for the tests and
 * helpers that must build with any C library (ours has no pthreads):
 * the flags pthread_create asks for, and start_thread, which runs a
 * function on a stack of the caller's. Such a thread has no TLS of its
 * own for a C library's errno: it makes its system calls with int $0x80
 * directly.
 */
#ifndef _RAW_THREAD_H
#define _RAW_THREAD_H

#define NR_SYS_CLONE	120
/* CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
 * CLONE_SYSVSEM: what pthread_create asks */
#define THREAD_FLAGS	0x00050f00

/*
 * clone a thread that runs fn on the stack below stack_top: fn's address
 * waits on that stack, and the child, whose clone returns 0 there,
 * calls it (fn never returns). Returns the thread's tid or -errno.
 */
static inline long start_thread(void (*fn)(void), char *stack_top)
{
	void **sp = (void **)stack_top - 1;
	long ret;

	*sp = (void *)fn;
	__asm__ volatile("int $0x80\n\t"
			 "testl %%eax, %%eax\n\t"
			 "jnz 1f\n\t"
			 "call *(%%esp)\n"
			 "1:"
			 : "=a"(ret)
			 : "0"(NR_SYS_CLONE), "b"(THREAD_FLAGS), "c"(sp),
			   "d"(0), "S"(0), "D"(0)
			 : "memory");
	return ret;
}

#endif
