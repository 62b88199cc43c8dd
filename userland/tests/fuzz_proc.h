/*
 * fuzz_proc.h - the fuzzer's processes: fork churn, wait, execve of garbage.
 *
 * Part of fuzz.c, which includes it once, after the generator and the
 * call helpers (rnd, below, hostile_*, call, remember) its ops use; the
 * op table at the end of fuzz.c picks them. Split out by subject only
 * to keep each file short.
 */
#ifndef _FUZZ_PROC_H
#define _FUZZ_PROC_H

static void pick_and_run(void);

/* fork/exit churn: a child makes a few calls and exits, or is waited. */
static void op_fork(void)
{
	long pid;

	if (in_churn)
		return;
	pid = call(__NR_fork, 0, 0, 0, 0, 0, 0);
	if (pid == 0) {
		in_churn = 1;
		nkids = 0;
		for (int i = 0; i < CHURN_CALLS; i++)
			pick_and_run();
		_exit(below(256));
	}
	if (pid > 0 && nkids < MAX_POOL)
		kids[nkids++] = (pid_t)pid;
}

static void op_wait(void)
{
	static const long pids[] = { -1, 0 };
	unsigned long pid = nkids && below(2) ? (unsigned long)kids[
		below(nkids)] : (unsigned long)pids[below(2)];
	unsigned long options = below(4) ? WNOHANG : hostile_int() | WNOHANG;

	call(__NR_wait4, below(8) ? pid : hostile_int(),
	     below(2) ? 0 : hostile_ptr(), options,
	     below(2) ? 0 : hostile_ptr(), 0, 0);
}

/*
 * Run fn in a grandchild that may never come back; wait for it. A forged
 * frame can send the grandchild off to run whatever bytes eip lands on,
 * so it makes its one call and then (wild) loses the right to write the
 * shared count: a stray store there would be the fuzzer's bug, not the
 * kernel's.
 */
static void in_grandchild(void (*fn)(void), int wild)
{
	long pid;
	int status;

	if (in_churn)
		return;
	pid = call(__NR_fork, 0, 0, 0, 0, 0, 0);
	if (pid == 0) {
		in_churn = 1;
		alarm(BATCH_SECONDS);
		shared->calls++;
		if (wild)
			mprotect(shared, PAGE_SIZE, PROT_READ);
		fn();
		_exit(0);
	}
	for (int i = 0; pid > 0 && i < GRANDCHILD_POLLS; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return;
		usleep(POLL_USEC);
	}
	if (pid > 0) {
		kill(pid, SIGKILL);	/* looping where a wild eip took it */
		waitpid(pid, &status, 0);
	}
}

static void exec_garbage(void)
{
	unsigned long *argv = (unsigned long *)(scratch + 1024);
	static const char *const progs[] = { "/bin/true", "/bin/false" };
	unsigned long path = below(4) ? hostile_path() :
		(unsigned long)progs[below(2)];

	argv[0] = path;
	argv[1] = below(2) ? 0 : hostile_ptr();
	argv[2] = 0;
	syscall(__NR_execve, path, below(2) ? (unsigned long)argv : hostile_ptr(),
	     below(2) ? 0 : hostile_ptr(), 0, 0, 0);
}

static void op_exec(void)
{
	in_grandchild(exec_garbage, 0);
}

#endif
