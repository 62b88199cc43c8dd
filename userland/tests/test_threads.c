/*
 * test_threads.c - threads: clone's flag rules and the futex calls as
 * system calls (any libc), then glibc's or musl's pthreads on top of them
 * (LIBC_HAS_PTHREADS marks the musl build, which has no macro): create
 * and join, mutexes, condition variables, a barrier, a futex in a shm
 * segment shared by two processes, exit_group and execve from a thread,
 * a thread that segfaults, 64 threads attaching one segment, and munmap
 * under another thread's feet. Lintel's own libc has no pthreads: built
 * with it, those cases say SKIPPED, and count.
 */
#include <signal.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "check.h"

#define NR_clone		120
#define NR_futex		240
#define NR_gettid		224

#define CLONE_VM		0x00000100
#define CLONE_SIGHAND		0x00000800
#define CLONE_THREAD		0x00010000
#define CLONE_PARENT		0x00008000
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_BAD_CMD		99
#define FUTEX_OP_ADD_ONE_IF_EQ0	((1 << 28) | (1 << 12))	/* +1, old == 0 */
#define BAD_PTR			((void *)0xC0000000)
#define TICK_NS			20000000L	/* 20 ms */
#define NSEC			1000000000L

struct kts {
	long tv_sec, tv_nsec;
};

static long futex(void *uaddr, int op, long val, const void *ts,
		  void *uaddr2, long val3)
{
	return syscall(NR_futex, uaddr, op, val, ts, uaddr2, val3);
}

/* Linux's refusals: a thread without shared handlers, handlers without vm */
static void test_clone_flags(void)
{
	case_begin("clone_invalid_flag_combinations");
	CHECK_ERR(syscall(NR_clone, CLONE_THREAD | CLONE_VM, 0, 0, 0, 0),
		  EINVAL);
	CHECK_ERR(syscall(NR_clone, CLONE_SIGHAND, 0, 0, 0, 0), EINVAL);
	CHECK_ERR(syscall(NR_clone, CLONE_THREAD, 0, 0, 0, 0), EINVAL);
	case_end();
}

/* WAIT's EAGAIN, ETIMEDOUT (relative and absolute), EFAULT, EINVAL, ENOSYS */
static void test_futex_errors(void)
{
	static int word = 5;
	struct kts rel = { 0, TICK_NS }, bad = { 0, NSEC };
	struct kts abs = { 0, 0 };

	case_begin("futex_errors");
	CHECK_ERR(futex(&word, FUTEX_WAIT, 4, NULL, NULL, 0), EAGAIN);
	CHECK_ERR(futex(&word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 5, &rel,
			NULL, 0), ETIMEDOUT);
	CHECK_ERR(futex(&word, FUTEX_WAIT, 5, &bad, NULL, 0), EINVAL);
	CHECK_ERR(futex(BAD_PTR, FUTEX_WAIT, 5, NULL, NULL, 0), EFAULT);
	CHECK_ERR(futex((char *)&word + 1, FUTEX_WAKE, 1, NULL, NULL, 0),
		  EINVAL);
	CHECK_ERR(futex(&word, FUTEX_WAIT, 5, BAD_PTR, NULL, 0), EFAULT);
	CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET, 5, NULL, NULL, 0), EINVAL);
	CHECK_ERR(futex(&word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL,
			NULL, 0), ENOSYS);
	CHECK_ERR(futex(&word, FUTEX_BAD_CMD, 1, NULL, NULL, 0), ENOSYS);
	/* an absolute time long past, on either clock: at once */
	CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET, 5, &abs, NULL, -1),
		  ETIMEDOUT);
	CHECK_ERR(futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 5,
			&abs, NULL, -1), ETIMEDOUT);
	CHECK(futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0) == 0,
	      "no one to wake: 0");
	case_end();
}

/* WAKE_OP changes the second word and reports its test; CMP_REQUEUE's check */
static void test_futex_ops(void)
{
	static int a, b;

	case_begin("futex_wake_op_and_cmp_requeue");
	b = 0;
	CHECK(futex(&a, FUTEX_WAKE_OP, 1, (void *)1, &b,
		    FUTEX_OP_ADD_ONE_IF_EQ0) == 0, "nobody woken");
	CHECK(b == 1, "b += 1, got %d", b);
	CHECK_ERR(futex(&a, FUTEX_CMP_REQUEUE, 1, (void *)1, &b, 7), EAGAIN);
	CHECK(futex(&a, FUTEX_CMP_REQUEUE, 1, (void *)1, &b, 0) == 0,
	      "nobody to requeue");
	case_end();
}

#if defined(__GLIBC__) || defined(LIBC_HAS_PTHREADS)
#include "threads_glibc.h"
#else
static int threads_helper(char **argv)
{
	(void)argv;
	return 1;	/* only the glibc build execs itself */
}

static void test_pthreads(char **argv)
{
	(void)argv;
	case_skip("pthreads", "Lintel's libc has no pthreads; the glibc "
		  "build of this program runs them");
}
#endif

int main(int argc, char **argv)
{
	if (argc > 1)
		return threads_helper(argv);
#if defined(__GLIBC__) || defined(LIBC_HAS_PTHREADS)
	setvbuf(stdout, NULL, _IONBF, 0);	/* children die without flushing */
#endif
	test_clone_flags();
	test_futex_errors();
	test_futex_ops();
	test_pthreads(argv);
	return check_summary();
}
