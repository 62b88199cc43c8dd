/*
 * test_shm_fork - shared memory between processes.
 *
 * Covers LTP shmt02/04/07/10 and LTP shmctl01's nattch counting without
 * its /proc dependency:
 *   - after fork both sides keep writing the same pages: shm is never
 *     copy-on-write (while private data is);
 *   - a process that shares nothing but a key (an exec'd helper) sees the
 *     data and answers through it;
 *   - shm_nattch follows fork (+1), shmdt and exit (-1) and exec (-1);
 *   - a removed segment lives until its last attach goes, by exit too.
 * Hand-shakes run through a second "control" segment, spinning with
 * sched_yield, so the counts of the segment under test stay exact.
 */
#include "shm_test.h"
#include "helper_shm.h"

static char helper_path[256];

/* Private data: fork must copy this on write, unlike the segment. */
static int private_word = 5;

/* A control segment: attached before fork, so both sides have it. */
static volatile int *control_attach(int *id)
{
	volatile int *c;

	*id = seg_new(PAGE_SIZE);
	c = shmat(*id, NULL, 0);
	return c == (void *)-1 ? NULL : c;
}

/*
 * A hand-shake step: wait until the other side sets *word to want. One
 * that never comes fails the case (on either side: a child's FAILED line
 * reaches the parent through child_verdict), it is never skipped.
 */
static int handshake(volatile int *word, int want, pid_t other)
{
	if (wait_word(word, want, other))
		return 1;
	FAIL("the other process never set the control word to %d", want);
	return 0;
}

static void control_done(int id, volatile int *c)
{
	if (c)
		shmdt((void *)c);
	seg_rm(id);
}

/*
 * Writes after fork go both ways, on a page touched before fork (where a
 * COW bug would show) and on one first touched after it.
 */
static void test_shared_both_ways(void)
{
	volatile int *w;
	char *p, *page1;
	int id;
	pid_t pid;

	case_begin("fork_shared_both_ways");
	id = seg_new(2 * PAGE_SIZE);
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		FAIL("attach, errno %d", errno);
		seg_rm(id);
		case_end();
		return;
	}
	w = (volatile int *)p;
	page1 = p + PAGE_SIZE;
	w[1] = 111;
	pid = fork_child();
	if (pid == 0) {
		CHECK(w[1] == 111, "child: inherited data 111, got %d", w[1]);
		w[2] = 222;
		strcpy(page1, "child page1");
		private_word = 6;
		w[0] = 1;
		handshake(&w[0], 2, getppid());
		CHECK(w[3] == 333, "child: sees the parent's write, got %d",
		      w[3]);
		CHECK(strcmp(page1 + 100, "parent page1") == 0,
		      "child: sees the parent's text on page 1");
		child_exit();
	}
	CHECK(pid > 0, "fork, errno %d", errno);
	if (pid > 0 && handshake(&w[0], 1, pid)) {
		CHECK(w[2] == 222, "parent: sees the child's write on the page "
		      "touched before fork, got %d", w[2]);
		CHECK(strcmp(page1, "child page1") == 0,
		      "parent: sees the child's text on page 1");
		CHECK(private_word == 5, "private data stayed private (5), got "
		      "%d", private_word);
		w[3] = 333;
		strcpy(page1 + 100, "parent page1");
		w[0] = 2;
	}
	if (pid > 0)
		child_verdict(pid);
	shmdt(p);
	seg_rm(id);
	case_end();
}

/* LTP shmt07: the child inherits the mapping, at the same address. */
static void test_inherited_contents(void)
{
	char *p;
	int id;
	pid_t pid;

	case_begin("fork_inherited_contents");
	id = seg_new(3 * PAGE_SIZE);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "attach, errno %d", errno);
	if (p != (void *)-1) {
		memset(p, 'i', 3 * PAGE_SIZE);
		pid = fork_child();
		if (pid == 0) {
			CHECK(p[0] == 'i' && p[3 * PAGE_SIZE - 1] == 'i',
			      "child reads the inherited pages");
			child_exit();
		}
		child_verdict(pid);
		shmdt(p);
	}
	seg_rm(id);
	case_end();
}

/*
 * nattch through fork, shmdt in the child, and exit. The exit also
 * records dtime and the exiting child as lpid.
 */
static void test_nattch_fork_exit(void)
{
	struct abi_shmid64_ds ds;
	volatile int *c;
	int id, cid;
	char *p;
	pid_t pid;

	case_begin("fork_nattch_fork_exit");
	c = control_attach(&cid);
	id = seg_new(PAGE_SIZE);
	p = shmat(id, NULL, 0);
	if (!c || p == (void *)-1) {
		FAIL("attach, errno %d", errno);
		goto out;
	}
	CHECK(nattch_of(id) == 1, "1 after shmat, got %ld", nattch_of(id));

	/* A child that detaches, then exits. */
	pid = fork_child();
	if (pid == 0) {
		c[0] = 1;
		handshake(&c[0], 2, getppid());
		shmdt(p);
		c[0] = 3;
		handshake(&c[0], 4, getppid());
		child_exit();
	}
	if (handshake(&c[0], 1, pid))
		CHECK(nattch_of(id) == 2, "2 after fork, got %ld",
		      nattch_of(id));
	c[0] = 2;
	if (handshake(&c[0], 3, pid))
		CHECK(nattch_of(id) == 1, "1 after the child's shmdt, got %ld",
		      nattch_of(id));
	c[0] = 4;
	child_verdict(pid);
	CHECK(nattch_of(id) == 1, "still 1 after that child's exit, got %ld",
	      nattch_of(id));

	/* A child that just exits, still attached. */
	c[0] = 0;
	pid = fork_child();
	if (pid == 0) {
		c[0] = 1;
		handshake(&c[0], 2, getppid());
		child_exit();
	}
	if (handshake(&c[0], 1, pid))
		CHECK(nattch_of(id) == 2, "2 with the second child, got %ld",
		      nattch_of(id));
	c[0] = 2;
	child_verdict(pid);
	CHECK(stat64_of(id, &ds) == 0 && ds.shm_nattch == 1,
	      "exit detaches: 1 again, got %u", ds.shm_nattch);
	CHECK(ds.shm_lpid == pid, "lpid is the exited child %d, got %d",
	      (int)pid, ds.shm_lpid);
	CHECK(ds.shm_dtime != 0, "dtime set by the exit");
	shmdt(p);
	CHECK(nattch_of(id) == 0, "0 at the end, got %ld", nattch_of(id));
out:
	seg_rm(id);
	control_done(cid, c);
	case_end();
}

/*
 * exec drops the attaches of the old image: the child holds the segment
 * through fork (nattch 2), execs the helper, and once the helper runs
 * (it attaches only the control segment) nattch is 1 again.
 */
static void test_exec_drops_attach(void)
{
	char idbuf[16];
	char *argv[4];
	volatile int *c;
	int id, cid;
	char *p;
	pid_t pid;

	case_begin("fork_exec_drops_attach");
	c = control_attach(&cid);
	id = seg_new(PAGE_SIZE);
	p = shmat(id, NULL, 0);
	if (!c || p == (void *)-1) {
		FAIL("attach, errno %d", errno);
		goto out;
	}
	snprintf(idbuf, sizeof(idbuf), "%d", cid);
	argv[0] = helper_path;
	argv[1] = "hold";
	argv[2] = idbuf;
	argv[3] = NULL;
	pid = fork_child();
	if (pid == 0) {
		c[0] = 1;
		if (!handshake(&c[0], 2, getppid()))
			child_exit();
		execv(helper_path, argv);
		_exit(127);
	}
	if (handshake(&c[0], 1, pid))
		CHECK(nattch_of(id) == 2, "2 after fork, got %ld",
		      nattch_of(id));
	c[0] = 2;
	if (handshake(&c[0], HELPER_HOLDING, pid)) {
		CHECK(nattch_of(id) == 1, "1 once the child has exec'd, got %ld",
		      nattch_of(id));
		CHECK(nattch_of(cid) == 2,
		      "the helper's own attach of the control segment: 2, got "
		      "%ld", nattch_of(cid));
	}
	c[0] = HELPER_RELEASE;
	child_verdict(pid);
	CHECK(nattch_of(id) == 1, "1 after the helper exits, got %ld",
	      nattch_of(id));
	shmdt(p);
out:
	seg_rm(id);
	control_done(cid, c);
	case_end();
}

/*
 * LTP shmt04, across exec: a process that shares only the key finds the
 * segment, reads the test's text and writes its answer.
 */
static void test_unrelated_by_key(void)
{
	static const char hello[] = "hello from the test";
	static const char answer[] = "hello from the helper";
	key_t key = test_key(1);
	char keybuf[16];
	char *argv[6];
	int id, status;
	char *p;
	pid_t pid;

	case_begin("fork_unrelated_by_key");
	id = seg_get(key, PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0600);
	p = shmat(id, NULL, 0);
	if (p == (void *)-1) {
		FAIL("create and attach, errno %d", errno);
		seg_rm(id);
		case_end();
		return;
	}
	strcpy(p, hello);
	snprintf(keybuf, sizeof(keybuf), "0x%x", key);
	argv[0] = helper_path;
	argv[1] = "reply";
	argv[2] = keybuf;
	argv[3] = (char *)hello;
	argv[4] = (char *)answer;
	argv[5] = NULL;
	pid = fork_child();
	if (pid == 0) {
		execv(helper_path, argv);
		_exit(127);
	}
	status = wait_status(pid);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "helper %s exits 0, got status 0x%x", helper_path, status);
	CHECK(strcmp(p + HELPER_REPLY_OFFSET, answer) == 0,
	      "the helper's answer in the segment, got \"%.30s\"",
	      p + HELPER_REPLY_OFFSET);
	CHECK(nattch_of(id) == 1, "only our attach left, nattch %ld",
	      nattch_of(id));
	shmdt(p);
	seg_rm(id);
	case_end();
}

/*
 * A child creates a keyed segment, fills it and exits without removing
 * it: the segment outlives its creator, and shows the child as cpid.
 */
static void test_outlives_creator(void)
{
	struct abi_shmid64_ds ds;
	key_t key = test_key(2);
	char *p;
	int id;
	pid_t pid;

	case_begin("fork_outlives_creator");
	pid = fork_child();
	if (pid == 0) {
		id = shmget(key, PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0600);
		p = shmat(id, NULL, 0);
		CHECK(p != (void *)-1, "child: create and attach, errno %d",
		      errno);
		if (p != (void *)-1)
			strcpy(p, "left by the child");
		child_exit();
	}
	child_verdict(pid);
	id = seg_get(key, 0, 0);
	CHECK(id >= 0, "the key still there, errno %d", errno);
	if (id >= 0) {
		CHECK(stat64_of(id, &ds) == 0 && ds.shm_cpid == pid &&
		      ds.shm_nattch == 0, "cpid %d and nattch 0, got %d %u",
		      (int)pid, ds.shm_cpid, ds.shm_nattch);
		p = shmat(id, NULL, 0);
		CHECK(p != (void *)-1 && strcmp(p, "left by the child") == 0,
		      "the child's text is there");
		if (p != (void *)-1)
			shmdt(p);
	}
	seg_rm(id);
	case_end();
}

/*
 * A removed segment is destroyed by whichever detach is last; here a
 * child's exit is, after the parent has detached.
 */
static void test_exit_destroys_removed(void)
{
	struct abi_shmid64_ds ds;
	volatile int *c;
	int id, cid;
	char *p;
	pid_t pid;

	case_begin("fork_exit_destroys_removed");
	c = control_attach(&cid);
	id = seg_new(PAGE_SIZE);
	p = shmat(id, NULL, 0);
	if (!c || p == (void *)-1) {
		FAIL("attach, errno %d", errno);
		goto out;
	}
	strcpy(p, "kept alive by the child");
	pid = fork_child();
	if (pid == 0) {
		c[0] = 1;
		handshake(&c[0], 2, getppid());
		CHECK(strcmp(p, "kept alive by the child") == 0,
		      "child: the data survives IPC_RMID and the parent's "
		      "shmdt");
		child_exit();
	}
	handshake(&c[0], 1, pid);
	CHECK_OK(shmctl(id, IPC_RMID, NULL));
	CHECK_OK(shmdt(p));
	CHECK(stat64_of(id, &ds) == 0 && ds.shm_nattch == 1 &&
	      (ds.shm_perm.mode & ABI_SHM_DEST),
	      "alive with the child's attach: nattch 1, SHM_DEST; got %u 0%o",
	      ds.shm_nattch, ds.shm_perm.mode);
	c[0] = 2;
	child_verdict(pid);
	CHECK_ERR(stat64_of(id, &ds), EINVAL);
out:
	seg_untrack(id);
	shmctl(id, IPC_RMID, NULL);
	control_done(cid, c);
	case_end();
}

/*
 * LTP shmt10: parent and child attach and detach the same segment over
 * and over at the same time; every call succeeds and the count ends at 0.
 */
#define LOOPS	200

static void test_attach_detach_loop(void)
{
	volatile int *c;
	int id, cid, i, bad = 0;
	char *p;
	pid_t pid;

	case_begin("fork_attach_detach_loop");
	c = control_attach(&cid);
	id = seg_new(PAGE_SIZE);
	if (!c || id < 0) {
		FAIL("setup, errno %d", errno);
		goto out;
	}
	pid = fork_child();
	if (pid == 0) {
		for (i = 0; i < LOOPS; i++) {
			p = shmat(id, NULL, 0);
			if (p == (void *)-1 || shmdt(p) < 0)
				bad++;
			else
				c[1]++;
			if (i % 16 == 0)
				sched_yield();
		}
		CHECK(bad == 0, "child: %d of %d attach/detach failed", bad,
		      LOOPS);
		child_exit();
	}
	for (i = 0; i < LOOPS; i++) {
		p = shmat(id, NULL, 0);
		if (p == (void *)-1 || shmdt(p) < 0)
			bad++;
		else
			c[2]++;
		if (i % 16 == 0)
			sched_yield();
	}
	child_verdict(pid);
	CHECK(bad == 0, "parent: %d of %d attach/detach failed", bad, LOOPS);
	CHECK(c[1] == LOOPS && c[2] == LOOPS, "both counted %d rounds in the "
	      "control segment, got %d and %d", LOOPS, c[1], c[2]);
	CHECK(nattch_of(id) == 0, "nattch 0 at the end, got %ld",
	      nattch_of(id));
out:
	seg_rm(id);
	control_done(cid, c);
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	prog_dir(argv[0], helper_path, sizeof(helper_path) - 16);
	strcat(helper_path, "helper_shm");
	seg_purge_keys();
	test_shared_both_ways();
	test_inherited_contents();
	test_nattch_fork_exit();
	test_exec_drops_attach();
	test_unrelated_by_key();
	test_outlives_creator();
	test_exit_destroys_removed();
	test_attach_detach_loop();
	seg_cleanup_all();
	return check_summary();
}
