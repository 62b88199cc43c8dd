/*
 * test_sem_op - semop and semtimedop: all-or-nothing application of
 * several operations, IPC_NOWAIT, sleeping and the order sleepers wake
 * in, EINTR on a signal, EIDRM when the set goes, timeouts through both
 * ipc(SEMTIMEDOP) and semtimedop_time64 (420), and SEM_UNDO applied when
 * a process exits or is killed.
 */
#include "ipc_test.h"

#define CHILD_TIMEOUT	30	/* seconds: a broken kernel kills, not hangs */
#define NCHILDREN	3

static struct abi_seminfo limits;

static int sem_with(int nsems, int val)
{
	int id = sem_new(IPC_PRIVATE, nsems, 0600), i;

	for (i = 0; i < nsems; i++)
		semctl(id, i, SETVAL, val);
	return id;
}

static int op1(int id, int num, int op, int flg)
{
	struct sembuf sb = { num, op, flg };

	return semop(id, &sb, 1);
}

static void test_semop_errors(void)
{
	struct sembuf many[1024], sb = { 0, 1, 0 };
	int id = sem_with(2, 0);

	case_begin("semop_errors");
	memset(many, 0, sizeof(many));
	CHECK_ERR(semop(id, &sb, 0), EINVAL);
	CHECK_ERR(semop(-1, &sb, 1), EINVAL);
	CHECK((unsigned)limits.semopm < 1024, "semopm %d too big to test",
	      limits.semopm);
	CHECK_ERR(semop(id, many, limits.semopm + 1), E2BIG);
	CHECK_ERR(semop(id, BAD_PTR_KERNEL, 1), EFAULT);
	sb.sem_num = 2;
	CHECK_ERR(semop(id, &sb, 1), EFBIG);
	CHECK_ERR(semop(id + 1000000, many, 1), EINVAL);
	CHECK(semop(id, many, limits.semopm) == 0,
	      "semopm zero-waits on a 0 semaphore: errno %d", errno);
	semctl(id, 0, SETVAL, ABI_SEMVMX);
	CHECK_ERR(op1(id, 0, 1, 0), ERANGE);
	CHECK(semctl(id, 0, GETVAL) == ABI_SEMVMX, "ERANGE changed the value");
	case_end();
}

static void test_atomic(void)
{
	struct sembuf two[2] = { { 0, -1, 0 }, { 1, -1, IPC_NOWAIT } };
	struct sembuf give[2] = { { 0, -1, 0 }, { 1, 2, 0 } };
	struct sembuf same[2] = { { 0, 1, 0 }, { 0, -2, 0 } };
	int id = sem_with(2, 0);

	case_begin("semop_all_or_nothing");
	semctl(id, 0, SETVAL, 1);
	CHECK_ERR(semop(id, two, 2), EAGAIN);
	CHECK(semctl(id, 0, GETVAL) == 1, "first op applied alone: %d",
	      semctl(id, 0, GETVAL));
	CHECK(semop(id, give, 2) == 0, "two ops: errno %d", errno);
	CHECK(semctl(id, 0, GETVAL) == 0 && semctl(id, 1, GETVAL) == 2,
	      "after two ops: %d %d", semctl(id, 0, GETVAL),
	      semctl(id, 1, GETVAL));
	semctl(id, 0, SETVAL, 1);
	CHECK(semop(id, same, 2) == 0, "+1 then -2 on 1: errno %d", errno);
	CHECK(semctl(id, 0, GETVAL) == 0, "+1 -2 on 1 left %d",
	      semctl(id, 0, GETVAL));
	CHECK(semctl(id, 0, GETPID) == getpid(), "GETPID %d",
	      semctl(id, 0, GETPID));
	CHECK_ERR(op1(id, 1, 0, IPC_NOWAIT), EAGAIN);
	CHECK(op1(id, 0, 0, IPC_NOWAIT) == 0, "zero-wait on 0: errno %d",
	      errno);
	case_end();
}

/* Children that block on semaphore 0 and exit 10 + n when let through. */
static pid_t blocker(int id, int op, int n)
{
	pid_t pid = fork_child();

	if (pid == 0) {
		alarm(CHILD_TIMEOUT);
		_exit(op1(id, 0, op, 0) == 0 ? 10 + n : errno);
	}
	return pid;
}

static void test_wake_order(void)
{
	pid_t kids[NCHILDREN];
	int id = sem_with(1, 0), i, status;

	case_begin("semop_sleepers_wake_in_order");
	for (i = 0; i < NCHILDREN; i++) {
		kids[i] = blocker(id, -1, i);
		CHECK(wait_sem_sleepers(id, 0, i + 1, 0),
		      "%d sleepers expected, GETNCNT %d", i + 1,
		      semctl(id, 0, GETNCNT));
	}
	for (i = 0; i < NCHILDREN; i++) {
		CHECK(op1(id, 0, 1, 0) == 0, "+1: errno %d", errno);
		status = wait_status(kids[i]);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 10 + i,
		      "sleeper %d: %s", i, describe_status(status));
		CHECK(semctl(id, 0, GETNCNT) == NCHILDREN - 1 - i,
		      "GETNCNT %d after %d wake-ups", semctl(id, 0, GETNCNT),
		      i + 1);
	}
	case_end();
}

static void test_zero_wait(void)
{
	int id = sem_with(1, 2), status;
	pid_t pid;

	case_begin("semop_wait_for_zero");
	pid = blocker(id, 0, 0);
	CHECK(wait_sem_sleepers(id, 0, 1, 1), "GETZCNT %d, expected 1",
	      semctl(id, 0, GETZCNT));
	CHECK(semctl(id, 0, GETNCNT) == 0, "GETNCNT %d",
	      semctl(id, 0, GETNCNT));
	CHECK(op1(id, 0, -1, 0) == 0, "-1: errno %d", errno);
	CHECK(semctl(id, 0, GETZCNT) == 1, "woken too early");
	CHECK(op1(id, 0, -1, 0) == 0, "-1: errno %d", errno);
	status = wait_status(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 10,
	      "zero-waiter: %s", describe_status(status));
	case_end();
}

static void test_eintr(void)
{
	int id = sem_with(1, 0), status;
	pid_t pid;

	case_begin("semop_interrupted_by_signal_eintr");
	pid = fork_child();
	if (pid == 0) {
		interrupt_in(1);
		CHECK_ERR(op1(id, 0, -1, 0), EINTR);
		child_exit();
	}
	child_verdict(pid);
	(void)status;
	CHECK(semctl(id, 0, GETNCNT) == 0, "a sleeper stayed queued");
	case_end();
}

static void test_eidrm(void)
{
	int id = sem_with(1, 0), status;
	pid_t pid;

	case_begin("semop_set_removed_eidrm");
	pid = blocker(id, -1, 0);
	CHECK(wait_sem_sleepers(id, 0, 1, 0), "no sleeper");
	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID: errno %d", errno);
	status = wait_status(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == EIDRM,
	      "sleeper: %s (EIDRM is %d)", describe_status(status), EIDRM);
	case_end();
}

static void test_timeouts(void)
{
	struct sembuf down = { 0, -1, 0 };
	struct abi_timespec32 t32 = { 0, 200 * 1000 * 1000 };
	struct abi_timespec64 t64 = { 0, 200 * 1000 * 1000 };
	int id = sem_with(1, 0);
	long t0;

	case_begin("semtimedop_timeouts");
	t0 = now_ms();
	CHECK_ERR(ipc_semtimedop(id, &down, 1, &t32), EAGAIN);
	CHECK(now_ms() - t0 >= 190, "ipc timeout after %ld ms", now_ms() - t0);
	t0 = now_ms();
	CHECK_ERR(sys_semtimedop64(id, &down, 1, &t64), EAGAIN);
	CHECK(now_ms() - t0 >= 190, "time64 timeout after %ld ms",
	      now_ms() - t0);
	t32.tv_nsec = t64.tv_nsec = 0;
	CHECK_ERR(ipc_semtimedop(id, &down, 1, &t32), EAGAIN);
	CHECK_ERR(sys_semtimedop64(id, &down, 1, &t64), EAGAIN);
	t32.tv_nsec = 1000 * 1000 * 1000;
	t64.tv_sec = -1;
	semctl(id, 0, SETVAL, 1);
	CHECK_ERR(ipc_semtimedop(id, &down, 1, &t32), EINVAL);
	CHECK_ERR(sys_semtimedop64(id, &down, 1, &t64), EINVAL);
	CHECK_ERR(ipc_semtimedop(id, &down, 1, BAD_PTR_KERNEL), EFAULT);
	CHECK_ERR(sys_semtimedop64(id, &down, 1, BAD_PTR_KERNEL), EFAULT);
	CHECK(semctl(id, 0, GETVAL) == 1, "a refused op changed the value");
	CHECK(sys_semtimedop64(id, &down, 1, NULL) == 0, "420 without "
	      "timeout: errno %d", errno);
	case_end();
}

/* A child changes the set with SEM_UNDO and exits (or is killed). */
static void test_undo_exit(void)
{
	int id = sem_with(2, 1), status;
	pid_t pid;

	case_begin("sem_undo_applied_at_exit");
	pid = fork_child();
	if (pid == 0) {
		struct sembuf ops[2] = { { 0, -1, SEM_UNDO }, { 1, 3, SEM_UNDO } };

		_exit(semop(id, ops, 2) == 0 ? 0 : errno);
	}
	status = wait_status(pid);
	CHECK(status == 0, "child: %s", describe_status(status));
	CHECK(semctl(id, 0, GETVAL) == 1 && semctl(id, 1, GETVAL) == 1,
	      "after exit: %d %d, expected 1 1", semctl(id, 0, GETVAL),
	      semctl(id, 1, GETVAL));
	CHECK(semctl(id, 0, GETPID) == pid, "GETPID %d, the exiting child %d",
	      semctl(id, 0, GETPID), pid);
	case_end();
}

static void test_undo_kill(void)
{
	int id = sem_with(1, 0), fds[2], status;
	char c;
	pid_t pid;

	case_begin("sem_undo_applied_when_killed");
	CHECK_OK(pipe(fds));
	pid = fork_child();
	if (pid == 0) {
		alarm(CHILD_TIMEOUT);
		op1(id, 0, 3, SEM_UNDO);
		write(fds[1], "x", 1);
		pause();
		_exit(0);
	}
	CHECK(read(fds[0], &c, 1) == 1, "child never got going");
	CHECK(semctl(id, 0, GETVAL) == 3, "child's +3: %d",
	      semctl(id, 0, GETVAL));
	kill(pid, SIGKILL);
	status = wait_status(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "child: %s",
	      describe_status(status));
	CHECK(semctl(id, 0, GETVAL) == 0, "after the kill: %d, expected 0",
	      semctl(id, 0, GETVAL));
	close(fds[0]);
	close(fds[1]);
	case_end();
}

/* The undo at exit is a change like any other: it wakes sleepers. */
static void test_undo_wakes(void)
{
	int id = sem_with(1, 1), up[2], down[2], status;
	pid_t holder, waiter;
	char c;

	case_begin("sem_undo_at_exit_wakes_a_sleeper");
	CHECK_OK(pipe(up));
	CHECK_OK(pipe(down));
	holder = fork_child();
	if (holder == 0) {
		alarm(CHILD_TIMEOUT);
		op1(id, 0, -1, SEM_UNDO);
		write(up[1], "x", 1);
		read(down[0], &c, 1);	/* until the parent says go */
		_exit(0);
	}
	CHECK(read(up[0], &c, 1) == 1, "holder never got going");
	waiter = blocker(id, -1, 0);
	CHECK(wait_sem_sleepers(id, 0, 1, 0), "no sleeper");
	write(down[1], "y", 1);
	status = wait_status(holder);
	CHECK(status == 0, "holder: %s", describe_status(status));
	status = wait_status(waiter);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 10, "waiter: %s",
	      describe_status(status));
	CHECK(semctl(id, 0, GETVAL) == 0, "value %d", semctl(id, 0, GETVAL));
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
	case_end();
}

/* SETVAL forgets earlier SEM_UNDO adjustments of that semaphore. */
static void test_setval_clears_undo(void)
{
	int id = sem_with(1, 1), status;
	pid_t pid;

	case_begin("sem_setval_clears_undo");
	pid = fork_child();
	if (pid == 0) {
		op1(id, 0, -1, SEM_UNDO);
		semctl(id, 0, SETVAL, 5);
		_exit(0);
	}
	status = wait_status(pid);
	CHECK(status == 0, "child: %s", describe_status(status));
	CHECK(semctl(id, 0, GETVAL) == 5, "value %d, expected 5",
	      semctl(id, 0, GETVAL));
	case_end();
}

int main(void)
{
	int sems0 = sems_in_use(), msqs0 = msqs_in_use();

	if (sys_semctl(0, 0, IPC_INFO, (unsigned long)&limits) < 0) {
		printf("test sem_ipc_info: FAILED (errno %d)\n", errno);
		return 1;
	}
	test_semop_errors();
	test_atomic();
	test_wake_order();
	test_zero_wait();
	test_eintr();
	test_eidrm();
	test_timeouts();
	test_undo_exit();
	test_undo_kill();
	test_undo_wakes();
	test_setval_clears_undo();
	ipc_check_no_leak("sem_op_nothing_leaked", sems0, msqs0);
	return check_summary();
}
