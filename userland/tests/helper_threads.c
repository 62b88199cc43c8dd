/*
 * helper_threads - one process of three threads: the scene
 * scripts/gdb-test.py stops in to see lx-ps list a thread group, and the
 * one the runner boots with trace=sched to see threads named tgid/tid.
 *
 * The threads are made by clone itself (CLONE_VM, CLONE_THREAD and the
 * rest of what pthread_create asks), started on stacks of their own by
 * a few lines of assembly, so that the helper needs no pthreads and
 * builds with any C library. A thread makes its system calls with int
 * $0x80 directly: it has no TLS of its own for a C library's errno.
 * Once all are there, each thread calls getppid (where GDB breaks: a
 * getppid from a task that is not its group's leader), then sleeps
 * until main ends the process with exit_group. Exit status 0.
 */
#include <stdio.h>
#include <time.h>
#include <sched.h>
#include "raw_thread.h"

#define NR_THREADS	2
#define THREAD_STACK	4096
#define NAP_NS		50000000L	/* 50 ms: the threads' turn */
#define NR_SYS_GETPPID	64
#define NR_SYS_PAUSE	29
#define NR_SYS_YIELD	158
#define NR_SYS_EXIT_GROUP 252

static volatile int started, go;
static char stacks[NR_THREADS][THREAD_STACK] __attribute__((aligned(16)));

/* A system call with no arguments, straight to the kernel. */
static long sys0(long nr)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "0"(nr) : "memory");
	return ret;
}

/* exit_group: the whole process, sleeping threads and all. */
static void exit_group(int status)
{
	__asm__ volatile("int $0x80" : : "a"(NR_SYS_EXIT_GROUP), "b"(status)
			 : "memory");
}

/* A thread: wait for the others, getppid once, then sleep for good. */
static void thread_main(void)
{
	__sync_fetch_and_add(&started, 1);
	while (!go)
		sys0(NR_SYS_YIELD);
	sys0(NR_SYS_GETPPID);
	for (;;)
		sys0(NR_SYS_PAUSE);
}

int main(void)
{
	struct timespec nap = { 0, NAP_NS };
	int i;

	for (i = 0; i < NR_THREADS; i++)
		if (start_thread(thread_main, stacks[i] + THREAD_STACK) < 0) {
			printf("helper_threads: clone failed\n");
			return 1;
		}
	while (started < NR_THREADS)
		sched_yield();
	go = 1;
	nanosleep(&nap, NULL);
	printf("helper_threads: %d threads ran\n", NR_THREADS);
	fflush(stdout);
	exit_group(0);
	return 0;
}
