/*
 * threads_glibc.h - test_threads.c's cases that need a C library's
 * pthreads (included in the glibc and musl builds). Each case that can
 * kill its process (exit_group, a segfault, execve) runs in a forked
 * child, so the parent sees the group end as one child of wait.
 */
#ifndef _THREADS_GLIBC_H
#define _THREADS_GLIBC_H

#include <pthread.h>
#include <dirent.h>

#define NR_WORKERS	8
#define NR_ROUNDS	1000
#define NR_ATTACHERS	64
#define ATTACH_STACK	(64 * 1024)
#define EXIT_GROUP_CODE	42
#define EXEC_CODE	7
#define SEG_SIZE	4096
#define PROC_PATH_MAX	300	/* /proc/self/task/<name>/status */
#define WAKE_LIMIT_SEC	5	/* far more than a wake takes */
#define FUTEX_WAIT_PRIVATE_OP	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define NR_REQUEUE	4

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int ready;
static volatile int spin_stop;

/* A worker: NR_ROUNDS increments under the mutex; returns its own tid. */
static void *add_rounds(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < NR_ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
		if (!(i % 100))
			sched_yield();
	}
	return (void *)syscall(NR_gettid);
}

/* create and join, one mm: the mutex keeps the counter exact */
static void test_create_join_mutex(void)
{
	pthread_t t[NR_WORKERS];
	void *ret;
	long tids[NR_WORKERS];
	int i, j, distinct = 1;

	case_begin("pthread_create_join_mutex");
	counter = 0;
	for (i = 0; i < NR_WORKERS; i++)
		CHECK(pthread_create(&t[i], NULL, add_rounds, NULL) == 0,
		      "pthread_create %d", i);
	for (i = 0; i < NR_WORKERS; i++) {
		CHECK(pthread_join(t[i], &ret) == 0, "pthread_join %d", i);
		tids[i] = (long)ret;
	}
	CHECK(counter == NR_WORKERS * NR_ROUNDS, "counter %d, got %ld",
	      NR_WORKERS * NR_ROUNDS, counter);
	for (i = 0; i < NR_WORKERS; i++)
		for (j = 0; j < i; j++)
			if (tids[i] == tids[j] || tids[i] == getpid())
				distinct = 0;
	CHECK(distinct, "each thread has its own tid, not the pid");
	case_end();
}

/* getpid is the group's in every thread */
static void *report_pid(void *arg)
{
	*(pid_t *)arg = getpid();
	return NULL;
}

static void test_getpid_tgid(void)
{
	pthread_t t;
	pid_t seen = 0;

	case_begin("getpid_is_the_group_in_a_thread");
	CHECK(pthread_create(&t, NULL, report_pid, &seen) == 0, "create");
	pthread_join(t, NULL);
	CHECK(seen == getpid(), "getpid %d in the thread, %d in main",
	      seen, getpid());
	case_end();
}

static void *wait_ready(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (!ready)
		pthread_cond_wait(&cond, &lock);
	counter++;
	pthread_mutex_unlock(&lock);
	return NULL;
}

/* condition variable: all waiters sleep until one broadcast */
static void test_condvar(void)
{
	pthread_t t[NR_WORKERS];
	int i;

	case_begin("pthread_cond_broadcast");
	counter = 0;
	ready = 0;
	for (i = 0; i < NR_WORKERS; i++)
		pthread_create(&t[i], NULL, wait_ready, NULL);
	for (i = 0; i < 3; i++)
		sched_yield();
	pthread_mutex_lock(&lock);
	CHECK(counter == 0, "nobody passed before the broadcast: %ld",
	      counter);
	ready = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	for (i = 0; i < NR_WORKERS; i++)
		pthread_join(t[i], NULL);
	CHECK(counter == NR_WORKERS, "all %d woke, got %ld", NR_WORKERS,
	      counter);
	case_end();
}

static pthread_barrier_t barrier;
static int arrived, early;

static void *meet(void *arg)
{
	(void)arg;
	__sync_fetch_and_add(&arrived, 1);
	pthread_barrier_wait(&barrier);
	if (arrived != NR_WORKERS)
		__sync_fetch_and_add(&early, 1);
	return NULL;
}

/* barrier: no one leaves before everyone has arrived */
static void test_barrier(void)
{
	pthread_t t[NR_WORKERS];
	int i;

	case_begin("pthread_barrier");
	arrived = early = 0;
	pthread_barrier_init(&barrier, NULL, NR_WORKERS);
	for (i = 0; i < NR_WORKERS; i++)
		pthread_create(&t[i], NULL, meet, NULL);
	for (i = 0; i < NR_WORKERS; i++)
		pthread_join(t[i], NULL);
	CHECK(arrived == NR_WORKERS && !early, "%d arrived, %d left early",
	      arrived, early);
	pthread_barrier_destroy(&barrier);
	case_end();
}

/*
 * A shared futex in a SysV segment: the child sleeps on the word, the
 * parent changes it and wakes it (a different mm: keyed by the page).
 */
static void test_shm_futex(void)
{
	int id = shmget(IPC_PRIVATE, SEG_SIZE, IPC_CREAT | 0600), status = 0;
	volatile int *w;
	pid_t pid;
	int woke = 0;

	case_begin("futex_in_shm_between_processes");
	w = shmat(id, NULL, 0);
	CHECK(w != (void *)-1, "shmat");
	w[0] = 0;
	w[1] = 0;
	pid = fork();
	if (pid == 0) {
		struct kts limit = { WAKE_LIMIT_SEC, 0 };

		w[1] = 1;
		while (w[0] == 0)
			if (futex((void *)w, FUTEX_WAIT, 0, &limit, NULL,
				  0) < 0 && errno == ETIMEDOUT)
				_exit(1);	/* no wake reached it */
		_exit(0);
	}
	while (!w[1])
		sched_yield();
	sched_yield();		/* let it sleep */
	w[0] = 1;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		woke += futex((void *)w, FUTEX_WAKE, 1, NULL, NULL, 0);
		sched_yield();
	}
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child woke (%d wakes found it), status %#x", woke,
	      status);
	shmdt((void *)w);
	shmctl(id, IPC_RMID, NULL);
	case_end();
}

static void *sleep_forever(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static void *sleep_or_spin(void *arg)
{
	(void)arg;
	while (!spin_stop)
		sched_yield();
	return NULL;
}

static void *call_exit_group(void *arg)
{
	(void)arg;
	syscall(SYS_exit_group, EXIT_GROUP_CODE);
	return NULL;
}

static void *segfault(void *arg)
{
	(void)arg;
	*(volatile int *)BAD_PTR = 1;
	return NULL;
}

static char **self_argv;

static void *exec_self(void *arg)
{
	char *args[] = { self_argv[0], "exec-helper", NULL };

	(void)arg;
	execv(args[0], args);
	_exit(1);
}

/* The helper exec'd from a thread: one thread left, pid kept. */
static int threads_helper(char **argv)
{
	(void)argv;
	return syscall(NR_gettid) == getpid() ? EXEC_CODE : 1;
}

/*
 * Fork a child that starts a sleeper thread and then a thread running
 * fn; returns the child's wait status (the group seen as one child).
 */
static int status_of_group(void *(*fn)(void *))
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		pthread_t a, b;

		pthread_create(&a, NULL, sleep_forever, NULL);
		pthread_create(&b, NULL, fn, NULL);
		pthread_join(b, NULL);
		for (;;)
			pause();
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void test_group_ends(void)
{
	int st;

	case_begin("exit_group_from_a_thread");
	st = status_of_group(call_exit_group);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == EXIT_GROUP_CODE,
	      "exit %d, got status %#x", EXIT_GROUP_CODE, st);
	CHECK(waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD,
	      "no other child to wait for");
	case_end();

	case_begin("a_thread_segfaults");
	st = status_of_group(segfault);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	      "SIGSEGV for the group, got status %#x", st);
	case_end();

	case_begin("execve_from_a_thread");
	st = status_of_group(exec_self);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == EXEC_CODE,
	      "the exec'd program alone, pid kept: exit %d, got %#x",
	      EXEC_CODE, st);
	case_end();
}

static int seg_id;

static void *attach_detach(void *arg)
{
	void *p = shmat(seg_id, NULL, 0);

	(void)arg;
	if (p == (void *)-1)
		return (void *)1;
	pthread_barrier_wait(&barrier);	/* all attached at once */
	pthread_barrier_wait(&barrier);	/* main has counted */
	return (void *)(long)shmdt(p);
}

/* 64 threads each attach the segment: nattch counts attaches, not mms */
static void test_many_attach(void)
{
	pthread_t t[NR_ATTACHERS];
	pthread_attr_t attr;
	struct shmid_ds ds;
	int i, n = 0, bad = 0;
	void *ret;

	case_begin("64_threads_attach_one_segment");
	seg_id = shmget(IPC_PRIVATE, SEG_SIZE, IPC_CREAT | 0600);
	pthread_barrier_init(&barrier, NULL, NR_ATTACHERS + 1);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, ATTACH_STACK);
	for (i = 0; i < NR_ATTACHERS; i++)
		if (pthread_create(&t[i], &attr, attach_detach, NULL) == 0)
			n++;
	CHECK(n == NR_ATTACHERS, "%d threads made", n);
	if (n == NR_ATTACHERS) {
		pthread_barrier_wait(&barrier);
		shmctl(seg_id, IPC_STAT, &ds);
		CHECK(ds.shm_nattch == NR_ATTACHERS, "nattch %d, got %ld",
		      NR_ATTACHERS, (long)ds.shm_nattch);
		pthread_barrier_wait(&barrier);
	}
	for (i = 0; i < n; i++) {
		pthread_join(t[i], &ret);
		bad += ret != NULL;
	}
	shmctl(seg_id, IPC_STAT, &ds);
	CHECK(!bad && ds.shm_nattch == 0, "%d failed, nattch %ld after",
	      bad, (long)ds.shm_nattch);
	shmctl(seg_id, IPC_RMID, NULL);
	pthread_barrier_destroy(&barrier);
	pthread_attr_destroy(&attr);
	case_end();
}

static volatile int *shared_page;
static volatile int unmapped;

static void *touch_after_unmap(void *arg)
{
	(void)arg;
	shared_page[0] = 1;		/* in use */
	while (!unmapped)
		sched_yield();
	return (void *)(long)shared_page[0];	/* gone: SIGSEGV */
}

/* munmap under another thread: SIGSEGV in it, for the group */
static void test_munmap_under_thread(void)
{
	int status = 0;
	pid_t pid = fork();

	case_begin("munmap_under_another_thread");
	if (pid == 0) {
		pthread_t t;
		void *p = mmap(NULL, SEG_SIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		shared_page = p;
		pthread_create(&t, NULL, touch_after_unmap, NULL);
		while (!shared_page[0])
			sched_yield();
		munmap(p, SEG_SIZE);
		unmapped = 1;
		pthread_join(t, NULL);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "SIGSEGV, got status %#x", status);
	case_end();
}

static volatile pid_t handled_by;

static void note_handler(int sig)
{
	(void)sig;
	handled_by = syscall(NR_gettid);
}

static void *spin_unblocked(void *arg)
{
	sigset_t none;

	sigemptyset(&none);
	pthread_sigmask(SIG_SETMASK, &none, NULL);
	*(pid_t *)arg = syscall(NR_gettid);
	while (!spin_stop)
		sched_yield();
	return NULL;
}

/*
 * kill reaches the group: main blocks SIGUSR1, so the one thread that
 * does not takes it; tgkill picks a thread by its tid.
 */
static void test_group_signals(void)
{
	sigset_t usr1, old;
	pthread_t t;
	pid_t tid = 0;
	int i;

	case_begin("kill_reaches_the_group_tgkill_one_thread");
	signal(SIGUSR1, note_handler);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, &old);
	spin_stop = 0;
	handled_by = 0;
	pthread_create(&t, NULL, spin_unblocked, &tid);
	while (!tid)
		sched_yield();
	kill(getpid(), SIGUSR1);
	for (i = 0; i < 1000 && !handled_by; i++)
		sched_yield();
	CHECK(handled_by == tid, "the unblocked thread %d took it, got %d",
	      tid, handled_by);
	handled_by = 0;
	syscall(SYS_tgkill, getpid(), tid, SIGUSR1);
	for (i = 0; i < 1000 && !handled_by; i++)
		sched_yield();
	CHECK(handled_by == tid, "tgkill: thread %d, got %d", tid,
	      handled_by);
	spin_stop = 1;
	pthread_join(t, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

/* The Threads: and Tgid: lines of /proc/self/status. */
static int status_field(const char *name)
{
	char buf[2048], *at;
	FILE *f = fopen("/proc/self/status", "r");
	size_t n;

	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	at = strstr(buf, name);
	return at ? atoi(at + strlen(name)) : -1;
}

/* The entries of /proc/self/task but the dots; each names a thread. */
static int count_tasks(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	char path[PROC_PATH_MAX];
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/status",
			 e->d_name);
		if (access(path, R_OK) == 0)
			n++;
	}
	closedir(d);
	return n;
}

static void test_proc_status(void)
{
	pthread_t t;
	int before, during, tasks;

	case_begin("proc_status_threads_and_tgid");
	before = status_field("Threads:");
	spin_stop = 0;
	pthread_create(&t, NULL, sleep_or_spin, NULL);
	during = status_field("Threads:");
	tasks = count_tasks();
	spin_stop = 1;
	pthread_join(t, NULL);
	CHECK(before == 1 && during == 2, "Threads: 1 then 2, got %d, %d",
	      before, during);
	CHECK(status_field("Tgid:") == getpid(), "Tgid: the pid");
	CHECK(tasks == 2, "/proc/self/task: 2 threads, got %d", tasks);
	case_end();
}

static pthread_mutex_t robust;

static void *lock_and_exit(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&robust);
	return NULL;		/* dies holding it */
}

/* a robust mutex held by a thread that exits: EOWNERDEAD for the next */
static void test_robust_mutex(void)
{
	pthread_mutexattr_t a;
	pthread_t t;
	int r;

	case_begin("robust_mutex_owner_died");
	pthread_mutexattr_init(&a);
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&robust, &a);
	pthread_create(&t, NULL, lock_and_exit, NULL);
	pthread_join(t, NULL);
	r = pthread_mutex_lock(&robust);
	CHECK(r == EOWNERDEAD, "EOWNERDEAD, got %d", r);
	if (r == EOWNERDEAD)
		pthread_mutex_consistent(&robust);
	pthread_mutex_unlock(&robust);
	pthread_mutex_destroy(&robust);
	pthread_mutexattr_destroy(&a);
	case_end();
}

/* vfork: the child runs in the parent's mm, the parent waits for its exit */
static void test_vfork(void)
{
	static volatile int written;
	int status = 0;
	pid_t pid;

	case_begin("vfork_shares_the_mm_until_exit");
	written = 0;
	pid = vfork();
	if (pid == 0) {
		written = 1;
		_exit(EXEC_CODE);
	}
	CHECK(pid > 0 && written == 1, "the child's store is the parent's: "
	      "pid %d, written %d", pid, written);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == EXEC_CODE, "status %#x", status);
	case_end();
}

static volatile int interrupted_done;
static pid_t main_tid;

static void on_usr2(int sig)
{
	(void)sig;
}

static void *keep_signalling(void *arg)
{
	(void)arg;
	while (!interrupted_done) {
		syscall(SYS_tgkill, getpid(), main_tid, SIGUSR2);
		sched_yield();
	}
	return NULL;
}

/* a signal ends a FUTEX_WAIT with EINTR, long before its timeout */
static void test_futex_eintr(void)
{
	struct sigaction sa;
	struct kts limit = { WAKE_LIMIT_SEC, 0 };
	static int word;
	pthread_t t;
	long r;

	case_begin("futex_wait_interrupted_eintr");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr2;
	sigaction(SIGUSR2, &sa, NULL);	/* no SA_RESTART */
	main_tid = syscall(NR_gettid);
	interrupted_done = 0;
	pthread_create(&t, NULL, keep_signalling, NULL);
	r = futex(&word, FUTEX_WAIT_PRIVATE_OP, 0, &limit, NULL, 0);
	CHECK(r == -1 && errno == EINTR, "EINTR, got %ld errno %d", r, errno);
	interrupted_done = 1;
	pthread_join(t, NULL);
	signal(SIGUSR2, SIG_DFL);
	case_end();
}

static int word_a, word_b, word_c;
static volatile int requeue_done, woke_by[2];

static void *wait_on_a(void *arg)
{
	(void)arg;
	while (!requeue_done)
		futex(&word_a, FUTEX_WAIT_PRIVATE_OP, 0, NULL, NULL, 0);
	return NULL;
}

/*
 * CMP_REQUEUE moves the sleepers on word a to word b without waking
 * them: only a wake on b then ends their waits.
 */
static void test_requeue(void)
{
	pthread_t t[NR_REQUEUE];
	long moved = 0, woke = 0, r;
	int i;

	case_begin("futex_cmp_requeue_moves_sleepers");
	requeue_done = 0;
	for (i = 0; i < NR_REQUEUE; i++)
		pthread_create(&t[i], NULL, wait_on_a, NULL);
	while (moved < NR_REQUEUE) {
		r = futex(&word_a, FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG, 0,
			  (void *)NR_REQUEUE, &word_b, 0);
		if (r < 0)
			break;
		moved += r;
		sched_yield();
	}
	requeue_done = 1;
	while (woke < NR_REQUEUE && moved == NR_REQUEUE) {
		woke += futex(&word_b, FUTEX_WAKE | FUTEX_PRIVATE_FLAG,
			      NR_REQUEUE, NULL, NULL, 0);
		sched_yield();
	}
	CHECK(moved == NR_REQUEUE && woke == NR_REQUEUE,
	      "%d moved to b and woken there: moved %ld, woke %ld",
	      NR_REQUEUE, moved, woke);
	for (i = 0; i < NR_REQUEUE; i++) {
		if (woke < NR_REQUEUE)	/* free them all the same */
			futex(&word_a, FUTEX_WAKE | FUTEX_PRIVATE_FLAG,
			      NR_REQUEUE, NULL, NULL, 0);
		pthread_join(t[i], NULL);
	}
	case_end();
}

static void *wait_bit(void *arg)
{
	long bit = (long)arg;

	while (futex(&word_c, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 0,
		     NULL, NULL, 1 << bit) != 0)
		;
	woke_by[bit] = 1 + woke_by[!bit];	/* 1 if first, 2 if second */
	return NULL;
}

/* WAKE_BITSET wakes only the sleepers whose bitset meets its own */
static void test_wake_bitset(void)
{
	pthread_t t[2];
	int i;

	case_begin("futex_wake_bitset_picks_the_sleeper");
	woke_by[0] = woke_by[1] = 0;
	pthread_create(&t[0], NULL, wait_bit, (void *)0);
	pthread_create(&t[1], NULL, wait_bit, (void *)1);
	while (futex(&word_c, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 1,
		     NULL, NULL, 1 << 1) != 1)
		sched_yield();
	pthread_join(t[1], NULL);
	for (i = 0; i < 3; i++)
		sched_yield();
	CHECK(woke_by[1] == 1 && woke_by[0] == 0,
	      "bit 1's sleeper alone woke: %d %d", woke_by[1], woke_by[0]);
	while (futex(&word_c, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 1,
		     NULL, NULL, 1 << 0) != 1)
		sched_yield();
	pthread_join(t[0], NULL);
	CHECK(woke_by[0] == 2, "then bit 0's: %d", woke_by[0]);
	case_end();
}

static void test_pthreads(char **argv)
{
	self_argv = argv;
	test_create_join_mutex();
	test_getpid_tgid();
	test_condvar();
	test_barrier();
	test_shm_futex();
	test_group_ends();
	test_many_attach();
	test_munmap_under_thread();
	test_group_signals();
	test_proc_status();
	test_robust_mutex();
	test_vfork();
	test_futex_eintr();
	test_requeue();
	test_wake_bitset();
}

#endif
