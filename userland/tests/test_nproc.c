/*
 * test_nproc.c - many processes at once: a user under RLIMIT_NPROC gets
 * EAGAIN from fork at exactly the limit (Linux counts the forking
 * process too) and can fork again once its children are reaped; a deep
 * chain of processes hands exit codes back up.
 */
#include <sys/resource.h>
#include "check.h"
#include "child.h"

#define UNUSED_UID	54321	/* owns no other process */
#define NPROC_LIMIT	16
#define FORK_TRIES	64	/* bound: well past the limit */
#define CHAIN_DEPTH	16

static int nproc_limit(void *arg)
{
	struct rlimit lim = { NPROC_LIMIT, NPROC_LIMIT };
	int fds[2], forked, err, clean, status;

	(void)arg;
	CHECK_OK(setrlimit(RLIMIT_NPROC, &lim));
	CHECK_OK(setuid(UNUSED_UID));
	CHECK_OK(pipe(fds));
	forked = fork_until_refused(fds, FORK_TRIES, &err);
	close(fds[1]);		/* every waiting child reads EOF and exits */
	clean = reap_clean();
	CHECK(err == EAGAIN, "fork fails with EAGAIN, got errno %d (%s)",
	      err, strerror(err));
	CHECK(forked == NPROC_LIMIT - 1, "%d forks (limit %d, us included), "
	      "got %d", NPROC_LIMIT - 1, NPROC_LIMIT, forked);
	CHECK(clean == forked, "all %d children exit 0, got %d", forked,
	      clean);
	status = run_in_child(exit_zero, NULL);
	CHECK(status == 0, "fork works again once the children are reaped, "
	      "got %s", describe_status(status));
	return check_case_failed;
}

/*
 * Each process forks the next and exits with its child's code plus one:
 * the top sees the depth only if every level forked, waited and exited.
 */
static int chain(void *depth)
{
	int status = 0, left = (int)(long)depth;

	if (left == 0)
		return 0;
	status = run_in_child(chain, (void *)(long)(left - 1));
	if (status == -1 || !WIFEXITED(status))
		return 255;
	return WEXITSTATUS(status) + 1;
}

static void test_chain(void)
{
	int status = run_in_child(chain, (void *)(long)(CHAIN_DEPTH - 1));

	case_begin("fork_chain_hands_codes_up");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == CHAIN_DEPTH - 1,
	      "exited with %d, got %s", CHAIN_DEPTH - 1,
	      describe_status(status));
	case_end();
}

int main(void)
{
	test_chain();
	if (geteuid() != 0)
		case_skip("rlimit_nproc_fork_eagain", "not root");
	else
		case_in_child("rlimit_nproc_fork_eagain", nproc_limit, NULL);
	return check_summary();
}
