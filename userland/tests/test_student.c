/*
 * test_student.c - the first programs a student writes, as one test: a
 * hello that prints floating point with printf("%f"), and the textbook
 * shared-memory program where a forked child writes into a segment and
 * the parent reads it back. Built with glibc too, this is the check
 * that a real C library's start-up (TLS, the aux vector, SSE string
 * functions) and its shm and fork paths work on Lintel as on Linux.
 */
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include "check.h"

#define SEG_SIZE	4096
#define TEXT_MAX	128

static void test_printf_float(void)
{
	char buf[TEXT_MAX];
	double x = 1.0;
	int i;

	case_begin("printf_float");
	snprintf(buf, sizeof(buf), "%f|%.2f|%8.3f|%f|%.1f", 3.25, -0.5,
		 1234.125, 0.0, 2.75);
	CHECK(!strcmp(buf, "3.250000|-0.50|1234.125|0.000000|2.8"),
	      "the fixed-point forms, got \"%s\"", buf);
	for (i = 0; i < 10; i++)
		x *= 1.5;
	snprintf(buf, sizeof(buf), "%.4f", x);
	CHECK(!strcmp(buf, "57.6650"), "1.5^10 = 57.6650, got %s", buf);
	case_end();
}

/* The child's half: attach, write a line with a float in it, detach. */
static int child_writes(int id)
{
	char *p = shmat(id, NULL, 0);

	if (p == (char *)-1)
		return 1;
	snprintf(p, SEG_SIZE, "child %d says %.3f", (int)getpid(), 0.125);
	return shmdt(p) ? 2 : 0;
}

static void test_shm_fork(void)
{
	char want[TEXT_MAX];
	char *p;
	int id, status = -1;
	pid_t pid;

	case_begin("textbook_shm_fork");
	id = shmget(IPC_PRIVATE, SEG_SIZE, IPC_CREAT | 0600);
	CHECK(id >= 0, "shmget, errno %d", errno);
	if (id < 0) {
		case_end();
		return;
	}
	p = shmat(id, NULL, 0);
	CHECK(p != (char *)-1, "shmat, errno %d", errno);
	pid = fork();
	if (pid == 0)
		_exit(child_writes(id));
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && status == 0,
	      "the child wrote and detached, status 0x%x", status);
	snprintf(want, sizeof(want), "child %d says 0.125", (int)pid);
	if (p != (char *)-1) {
		CHECK(!strcmp(p, want), "the parent reads \"%s\", got \"%s\"",
		      want, p);
		CHECK_OK(shmdt(p));
	}
	CHECK_OK(shmctl(id, IPC_RMID, NULL));
	case_end();
}

int main(void)
{
	test_printf_float();
	test_shm_fork();
	return check_summary();
}
