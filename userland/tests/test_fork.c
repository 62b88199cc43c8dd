/*
 * test_fork.c - fork, exit and wait: who runs, what status comes back,
 * and that parent and child memories are copies (copy-on-write) that
 * never see each other's writes.
 */
#include <signal.h>
#include <stdlib.h>
#include "check.h"
#include "child.h"

#define NR_CHILDREN	20
#define COW_PAGES	16
#define PAGE_SIZE	4096

static int exit_with(void *code)
{
	return (int)(long)code;
}

static int die_by(void *sig)
{
	no_core_dump();
	kill(getpid(), (int)(long)sig);
	return 100;		/* only if the signal did not kill us */
}

static int report_parent(void *parent)
{
	return getppid() == (pid_t)(long)parent ? 0 : 1;
}

static void test_fork_returns(void)
{
	pid_t me = getpid();
	int status = run_in_child(report_parent, (void *)(long)me);

	case_begin("fork_child_sees_parent_pid");
	CHECK(getpid() == me, "parent pid %d unchanged, got %d", me, getpid());
	CHECK(status == 0, "child's getppid() == %d, child %s",
	      me, describe_status(status));
	case_end();
}

static void test_exit_codes(void)
{
	static const int codes[] = { 0, 1, 42, 127, 255, 256 + 7 };

	case_begin("wait_status_exit_codes");
	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		int status = run_in_child(exit_with, (void *)(long)codes[i]);

		CHECK(status != -1 && WIFEXITED(status) &&
		      !WIFSIGNALED(status) &&
		      WEXITSTATUS(status) == (codes[i] & 0xff),
		      "exit(%d) gives exited with %d, got %s (0x%x)",
		      codes[i], codes[i] & 0xff, describe_status(status),
		      status);
		CHECK((status & 0xff) == 0,
		      "low byte 0 after a normal exit, got 0x%x", status);
	}
	case_end();
}

static void test_signal_deaths(void)
{
	static const int sigs[] = { SIGKILL, SIGTERM, SIGUSR1, SIGSEGV,
				    SIGABRT, SIGALRM };

	case_begin("wait_status_signal_deaths");
	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		int status = run_in_child(die_by, (void *)(long)sigs[i]);

		CHECK(status != -1 && WIFSIGNALED(status) &&
		      !WIFEXITED(status) && WTERMSIG(status) == sigs[i],
		      "killed by signal %d, got %s (0x%x)", sigs[i],
		      describe_status(status), status);
	}
	case_end();
}

static void test_abort(void)
{
	int status;

	case_begin("abort_dies_by_sigabrt_even_if_ignored");
	status = fork();
	if (status == 0) {
		no_core_dump();
		signal(SIGABRT, SIG_IGN);
		abort();
	}
	CHECK(status > 0, "fork: %s", strerror(errno));
	if (status > 0 && waitpid(status, &status, 0) > 0)
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
		      "killed by SIGABRT, got %s", describe_status(status));
	case_end();
}

static void test_echild(void)
{
	int status;

	case_begin("wait_without_children_is_echild");
	CHECK_ERR(wait(&status), ECHILD);
	CHECK_ERR(waitpid(getpid(), &status, 0), ECHILD);
	CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD);
	case_end();
}

/* The child blocks until the parent closes the pipe, then exits 3. */
static void test_wnohang(void)
{
	int fds[2], status = 0;
	char c;
	pid_t pid;

	case_begin("waitpid_wnohang_then_reap");
	CHECK_OK(pipe(fds));
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(3);
	}
	close(fds[0]);
	CHECK(waitpid(pid, &status, WNOHANG) == 0,
	      "WNOHANG on a running child returns 0");
	close(fds[1]);
	CHECK(waitpid(pid, &status, 0) == pid, "waitpid returns pid %d", pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3,
	      "exited with 3, got %s", describe_status(status));
	case_end();
}

static int find_pid(const pid_t *pids, pid_t pid)
{
	for (int i = 0; i < NR_CHILDREN; i++)
		if (pids[i] == pid)
			return i;
	return -1;
}

static void test_many_children(void)
{
	pid_t pids[NR_CHILDREN];
	int status, i, forked = 0;

	case_begin("many_children_reaped_with_their_codes");
	for (i = 0; i < NR_CHILDREN; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(10 + i);
		if (pids[i] < 0)
			FAIL("fork %d: %s", i, strerror(errno));
		else
			forked++;
	}
	for (; forked > 0; forked--) {
		pid_t pid = wait(&status);

		i = find_pid(pids, pid);
		CHECK(i >= 0, "wait returns one of our children, got %d", pid);
		if (i >= 0)
			CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 10 + i,
			      "child %d exited with %d, got %s", i, 10 + i,
			      describe_status(status));
	}
	CHECK_ERR(wait(&status), ECHILD);
	case_end();
}

static int cow_global = 1;
static char cow_pages[COW_PAGES * PAGE_SIZE];

static void fill_pages(char *p, char value)
{
	for (int i = 0; i < COW_PAGES; i++)
		p[i * PAGE_SIZE] = value;
}

static int pages_hold(const char *p, char value)
{
	for (int i = 0; i < COW_PAGES; i++)
		if (p[i * PAGE_SIZE] != value)
			return 0;
	return 1;
}

/*
 * The child writes first and tells the parent; the parent checks it does
 * not see that, writes its own values, and tells the child, which checks
 * it still sees only its own. Stack, data, bss and heap are all tried.
 */
static int cow_child(int to_parent, int from_parent, int *stack_var,
		     char *heap)
{
	char c = 'c';

	cow_global = 2;
	*stack_var = 2;
	fill_pages(cow_pages, 'c');
	fill_pages(heap, 'c');
	write(to_parent, &c, 1);
	if (read(from_parent, &c, 1) != 1)
		return 90;
	if (cow_global != 2 || *stack_var != 2)
		return 91;
	if (!pages_hold(cow_pages, 'c') || !pages_hold(heap, 'c'))
		return 92;
	return 0;
}

static void test_cow_both_ways(void)
{
	int stack_var = 1, to_parent[2], to_child[2], status;
	char *heap = malloc(COW_PAGES * PAGE_SIZE);
	char c;
	pid_t pid;

	case_begin("cow_parent_and_child_writes_stay_private");
	fill_pages(cow_pages, 'o');
	fill_pages(heap, 'o');
	CHECK_OK(pipe(to_parent));
	CHECK_OK(pipe(to_child));
	pid = fork();
	if (pid == 0)
		_exit(cow_child(to_parent[1], to_child[0], &stack_var, heap));
	CHECK(read(to_parent[0], &c, 1) == 1, "the child's go-ahead");
	CHECK(cow_global == 1 && stack_var == 1,
	      "parent keeps 1 and 1 after the child wrote, got %d and %d",
	      cow_global, stack_var);
	CHECK(pages_hold(cow_pages, 'o') && pages_hold(heap, 'o'),
	      "parent's pages unchanged by the child's writes");
	cow_global = 3;
	stack_var = 3;
	fill_pages(cow_pages, 'p');
	fill_pages(heap, 'p');
	write(to_child[1], &c, 1);
	waitpid(pid, &status, 0);
	CHECK(status == 0, "child saw only its own writes (0), got %s",
	      describe_status(status));
	CHECK(cow_global == 3 && pages_hold(cow_pages, 'p'),
	      "parent sees its own writes");
	close(to_parent[0]);
	close(to_parent[1]);
	close(to_child[0]);
	close(to_child[1]);
	free(heap);
	case_end();
}

int main(void)
{
	test_fork_returns();
	test_exit_codes();
	test_signal_deaths();
	test_abort();
	test_echild();
	test_wnohang();
	test_many_children();
	test_cow_both_ways();
	return check_summary();
}
