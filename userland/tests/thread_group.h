/*
 * thread_group.h - test_thread_group.c's cases (the glibc and musl
 * builds). Cases that fork keep the child's work short and check its
 * exit status; every descriptor, semaphore set and timer made is given
 * back, and the cwd and umask are put back as they were.
 */
#ifndef _THREAD_GROUP_H
#define _THREAD_GROUP_H

#include <pthread.h>
#include <sched.h>
#include <fcntl.h>
#include <time.h>
#include <sys/wait.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <dirent.h>

#define CHILD_STACK	(64 * 1024)
#define CWD_SIZE	256
#define NEW_UMASK	027
#define NEW_DIR		"/tmp"
#define TIMER_LONG_SEC	5	/* armed, never meant to fire */
#define TIMER_SHORT_US	30000	/* 30 ms */
#define WAIT_STEP_US	10000
#define WAIT_STEPS	500	/* 5 s: far more than a timer takes */
#define SPIN_LIMIT_SEC	10	/* a bound on the CPU a spin may burn */
#define CHILD_OK	0
#define CHILD_BAD	1
#define NR_FUTEX	240
#define NR_FUTEX_TIME64	422
#define NR_GETTID	224
#define NR_TGKILL	270
#define FUTEX_WAIT_PRIV	(0 | 128)
#define FUTEX_WAKE_PRIV	(1 | 128)
#define LONG_WAIT_SEC	10	/* a timeout no case waits out */
#define STATE_LINE	"State:\t"
#define LINE_MAX_LEN	128
#define FUTEX_LOCK_PI_PRIV	(6 | 128)
#define FUTEX_UNLOCK_PI_PRIV	(7 | 128)
#define FUTEX_TRYLOCK_PI_PRIV	(8 | 128)
#define PI_WAITERS	0x80000000U
#define PI_TID_MASK	0x3fffffffU
#define NO_SUCH_TID	0x3ffffff0	/* above any pid_max: no task has it */
#define PI_ROUNDS	500
#define STOP_WAIT_SEC	3	/* the stopped child's timed futex wait */
#define NR_SLEEPERS	2	/* the stopped child's threads besides main */

static int pipe_fds[2];
static char child_stack[CHILD_STACK] __attribute__((aligned(16)));
static long counter;
static volatile sig_atomic_t got_signal;

/* ---- CLONE_FILES -------------------------------------------------------- */

static void *open_pipe(void *arg)
{
	(void)arg;
	return (void *)(long)pipe(pipe_fds);
}

static void *close_pipe(void *arg)
{
	(void)arg;
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	return NULL;
}

/* Run fn in a new thread and return what it returned. */
static void *in_thread(void *(*fn)(void *), void *arg)
{
	pthread_t t;
	void *ret = (void *)-1L;

	if (pthread_create(&t, NULL, fn, arg) == 0)
		pthread_join(t, &ret);
	return ret;
}

/* a pipe one thread opens is the other's; a close in one closes both */
static void test_files_shared(void)
{
	char c = 0;

	case_begin("thread_open_and_close_seen_by_the_other");
	CHECK(in_thread(open_pipe, NULL) == NULL, "pipe in the thread");
	CHECK(fcntl(pipe_fds[0], F_GETFD) == 0, "the thread's pipe is open "
	      "in main: F_GETFD %d", fcntl(pipe_fds[0], F_GETFD));
	CHECK(write(pipe_fds[1], "x", 1) == 1 && read(pipe_fds[0], &c, 1) == 1
	      && c == 'x', "a byte through the thread's pipe, got '%c'", c);
	in_thread(close_pipe, NULL);
	CHECK_ERR(fcntl(pipe_fds[0], F_GETFD), EBADF);
	CHECK_ERR(fcntl(pipe_fds[1], F_GETFD), EBADF);
	case_end();
}

/* ---- CLONE_FS ------------------------------------------------------------ */

static void *chdir_umask(void *arg)
{
	(void)arg;
	umask(NEW_UMASK);
	return (void *)(long)chdir(NEW_DIR);
}

/* chdir and umask in a thread hold for the whole process */
static void test_fs_shared(void)
{
	char old[CWD_SIZE], now[CWD_SIZE] = "";
	mode_t old_mask = umask(0);

	case_begin("thread_chdir_and_umask_seen_by_the_other");
	umask(old_mask);
	CHECK(getcwd(old, sizeof(old)) != NULL, "getcwd");
	CHECK(in_thread(chdir_umask, NULL) == NULL, "chdir in the thread");
	CHECK(getcwd(now, sizeof(now)) && !strcmp(now, NEW_DIR),
	      "cwd %s in main, got %s", NEW_DIR, now);
	CHECK(umask(old_mask) == (mode_t)NEW_UMASK, "umask %o in main",
	      NEW_UMASK);
	CHECK_OK(chdir(old));
	case_end();
}

/* ---- clone without CLONE_FILES / CLONE_FS --------------------------------- */

/* The clone child: a pipe, a chdir and a umask of its own, then exit. */
static int clone_child(void *arg)
{
	(void)arg;
	if (pipe(pipe_fds))
		return CHILD_BAD;
	umask(NEW_UMASK);
	return chdir(NEW_DIR) ? CHILD_BAD : CHILD_OK;
}

/* clone(CLONE_VM | flags | SIGCHLD) running clone_child; its status. */
static int run_clone(int flags)
{
	int status = -1;
	pid_t pid = clone(clone_child, child_stack + CHILD_STACK,
			  CLONE_VM | flags | SIGCHLD, NULL);

	if (pid > 0 && waitpid(pid, &status, 0) != pid)
		status = -1;
	return status;
}

/* one mm, but copies of the table and cwd: the child's opens stay its */
static void test_files_copied(void)
{
	char old[CWD_SIZE], now[CWD_SIZE] = "";
	mode_t old_mask = umask(0);

	case_begin("clone_without_files_and_fs_copies_them");
	umask(old_mask);
	CHECK(getcwd(old, sizeof(old)) != NULL, "getcwd");
	pipe_fds[0] = pipe_fds[1] = -1;
	CHECK(run_clone(0) == 0, "the child's pipe and chdir worked");
	CHECK(pipe_fds[0] >= 0, "the child wrote its fds into the shared mm");
	CHECK_ERR(fcntl(pipe_fds[0], F_GETFD), EBADF);
	CHECK(getcwd(now, sizeof(now)) && !strcmp(now, old),
	      "cwd still %s, got %s", old, now);
	CHECK(umask(old_mask) == old_mask, "umask still %o", old_mask);
	case_end();

	case_begin("clone_files_without_threads_shares_the_table");
	CHECK(run_clone(CLONE_FILES | CLONE_FS) == 0, "the child's calls");
	CHECK(fcntl(pipe_fds[0], F_GETFD) == 0 &&
	      fcntl(pipe_fds[1], F_GETFD) == 0, "the child's pipe is ours");
	CHECK(getcwd(now, sizeof(now)) && !strcmp(now, NEW_DIR),
	      "cwd %s, got %s", NEW_DIR, now);
	CHECK(umask(old_mask) == (mode_t)NEW_UMASK, "umask %o", NEW_UMASK);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	CHECK_OK(chdir(old));
	case_end();
}

/* ---- CLONE_SYSVSEM -------------------------------------------------------- */

static void *sem_up_undo(void *arg)
{
	struct sembuf up = { 0, 1, SEM_UNDO };

	return (void *)(long)semop(*(int *)arg, &up, 1);
}

/* In a child process: a thread's SEM_UNDO op outlives the thread. */
static int sem_child(int semid)
{
	if (in_thread(sem_up_undo, &semid) != NULL)
		return CHILD_BAD;
	return semctl(semid, 0, GETVAL) == 1 ? CHILD_OK : CHILD_BAD;
}

/* a thread's SEM_UNDO is the process's: undone when the process ends */
static void test_sysvsem_shared(void)
{
	int semid = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600), status = -1;
	pid_t pid;

	case_begin("sem_undo_of_a_thread_waits_for_the_process");
	CHECK(semid >= 0, "semget: errno %d", errno);
	pid = fork();
	if (pid == 0)
		_exit(sem_child(semid));
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == CHILD_OK,
	      "semval 1 after the thread ended: status %#x", status);
	CHECK(semctl(semid, 0, GETVAL) == 0, "undone at the process's end: "
	      "semval %d", semctl(semid, 0, GETVAL));
	CHECK_OK(semctl(semid, 0, IPC_RMID));
	case_end();
}

/* ---- the children of a thread that exits ----------------------------------- */

/* A thread forks a child that waits on the pipe; returns the child's pid. */
static void *fork_waiting_child(void *arg)
{
	pid_t group = *(pid_t *)arg, pid;
	char c;

	pid = fork();
	if (pid == 0) {
		close(pipe_fds[1]);
		if (read(pipe_fds[0], &c, 1) != 1)
			_exit(CHILD_BAD);
		_exit(getppid() == group ? CHILD_OK : CHILD_BAD);
	}
	return (void *)(long)pid;
}

/* the thread is gone: its child is the process's, and main reaps it */
static void test_reparent_to_thread(void)
{
	pid_t self = getpid(), pid;
	int status = -1;

	case_begin("children_of_an_exited_thread_stay_in_the_process");
	CHECK_OK(pipe(pipe_fds));
	pid = (pid_t)(long)in_thread(fork_waiting_child, &self);
	CHECK(pid > 0, "fork in the thread: %d", pid);
	CHECK(write(pipe_fds[1], "x", 1) == 1, "wake the child");
	CHECK(waitpid(pid, &status, 0) == pid, "main waits for the child of "
	      "the dead thread: errno %d", errno);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == CHILD_OK,
	      "the child's parent is still this process: status %#x", status);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	case_end();
}

/* A thread forks a child that exits at once, then waits for main's word. */
static void *fork_and_stay(void *arg)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(CHILD_OK);
	*(volatile pid_t *)arg = pid;
	while (*(volatile pid_t *)arg)
		usleep(WAIT_STEP_US);
	return NULL;
}

/* main waits for the child of a thread that still lives, as Linux */
static void test_wait_for_other_threads_child(void)
{
	volatile pid_t pid = 0;
	pid_t got = 0;
	int status = -1, i;
	pthread_t t;

	case_begin("wait_reaps_the_child_of_another_living_thread");
	pthread_create(&t, NULL, fork_and_stay, (void *)&pid);
	for (i = 0; i < WAIT_STEPS && !pid; i++)
		usleep(WAIT_STEP_US);
	CHECK(pid > 0, "the thread forked: %d", (int)pid);
	if (pid > 0)
		got = waitpid(pid, &status, 0);
	CHECK(got == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == CHILD_OK, "waitpid in main: %d (errno "
	      "%d), status %#x", (int)got, errno, status);
	pid = 0;
	pthread_join(t, NULL);
	case_end();
}

/* ---- interval timers ------------------------------------------------------- */

static void note_signal(int sig)
{
	(void)sig;
	got_signal = 1;
}

static void *arm_real_timer(void *arg)
{
	struct itimerval it = { { 0, 0 }, { TIMER_LONG_SEC, 0 } };

	(void)arg;
	return (void *)(long)setitimer(ITIMER_REAL, &it, NULL);
}

static void *read_real_timer(void *arg)
{
	struct itimerval it;

	getitimer(ITIMER_REAL, &it);
	*(long *)arg = it.it_value.tv_sec * 1000000L + it.it_value.tv_usec;
	return NULL;
}

/* Sleep in short steps until a handler ran, at most WAIT_STEPS of them. */
static void wait_for_signal(void)
{
	int i;

	for (i = 0; i < WAIT_STEPS && !got_signal; i++)
		usleep(WAIT_STEP_US);
}

/* one ITIMER_REAL per process: set in a thread, read and fired in main */
static void test_itimer_real_shared(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 0 } }, left;
	long usec = -1;

	case_begin("itimer_real_belongs_to_the_process");
	in_thread(arm_real_timer, NULL);
	getitimer(ITIMER_REAL, &left);
	CHECK(left.it_value.tv_sec > 0, "the thread's timer seen in main: "
	      "%ld s left", (long)left.it_value.tv_sec);
	setitimer(ITIMER_REAL, &it, NULL);
	in_thread(read_real_timer, &usec);
	CHECK(usec == 0, "main's disarm seen in a thread: %ld us left", usec);
	signal(SIGALRM, note_signal);
	got_signal = 0;
	it.it_value.tv_usec = TIMER_SHORT_US;
	setitimer(ITIMER_REAL, &it, NULL);
	wait_for_signal();
	CHECK(got_signal, "SIGALRM within %d s", WAIT_STEPS * WAIT_STEP_US /
	      1000000);
	signal(SIGALRM, SIG_DFL);
	case_end();
}

/* Burn CPU until SIGPROF came or SPIN_LIMIT_SEC of wall time passed. */
static void *spin_for_signal(void *arg)
{
	struct timespec start, now;

	(void)arg;
	clock_gettime(CLOCK_MONOTONIC, &start);
	do
		clock_gettime(CLOCK_MONOTONIC, &now);
	while (!got_signal && now.tv_sec - start.tv_sec < SPIN_LIMIT_SEC);
	return NULL;
}

/* ITIMER_PROF counts every thread's CPU: main sleeps, a thread spins */
static void test_itimer_prof_counts_threads(void)
{
	struct itimerval it = { { 0, 0 }, { 0, TIMER_SHORT_US } }, off;

	case_begin("itimer_prof_counts_the_cpu_of_every_thread");
	memset(&off, 0, sizeof(off));
	signal(SIGPROF, note_signal);
	got_signal = 0;
	setitimer(ITIMER_PROF, &it, NULL);
	in_thread(spin_for_signal, NULL);
	CHECK(got_signal, "SIGPROF from a spinning thread while main waits");
	setitimer(ITIMER_PROF, &off, NULL);
	signal(SIGPROF, SIG_DFL);
	case_end();
}

/* ---- a futex wait and a signal ---------------------------------------------- */

/* A thread's FUTEX_WAIT on word == 0, and how it ended. */
struct waiter {
	int word;
	long timeout_sec;	/* 0: no timeout */
	volatile pid_t tid;
	volatile int done;
	long ret;
	int err;
};

static volatile sig_atomic_t handled;

static void count_signal(int sig)
{
	(void)sig;
	handled++;
}

static void *futex_waiter(void *arg)
{
	struct waiter *w = arg;
	struct timespec ts = { w->timeout_sec, 0 };

	w->tid = syscall(NR_GETTID);
	w->ret = syscall(NR_FUTEX, &w->word, FUTEX_WAIT_PRIV, 0,
			 w->timeout_sec ? &ts : NULL, NULL, 0);
	w->err = errno;
	w->done = 1;
	return NULL;
}

/* Is thread tid of this process asleep (State: S in its status)? */
static int thread_sleeps(pid_t tid)
{
	char path[LINE_MAX_LEN], line[LINE_MAX_LEN];
	FILE *f;
	int s = 0;

	snprintf(path, sizeof(path), "/proc/self/task/%d/status", (int)tid);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, STATE_LINE, strlen(STATE_LINE)))
			s = line[strlen(STATE_LINE)] == 'S';
	fclose(f);
	return s;
}

/* Wait (in short steps, bounded) until cond holds or w's wait ended. */
static void wait_until(struct waiter *w, int (*cond)(struct waiter *))
{
	int i;

	for (i = 0; i < WAIT_STEPS && !w->done && !cond(w); i++)
		usleep(WAIT_STEP_US);
}

static int waiter_sleeps(struct waiter *w)
{
	return w->tid && thread_sleeps(w->tid);
}

static int waiter_handled(struct waiter *w)
{
	(void)w;
	return handled > 0;
}

/*
 * Start a waiter, let it sleep in FUTEX_WAIT, send it SIGUSR1 (handled,
 * with flags) and wait until the handler ran. The caller joins *t.
 */
static void interrupt_waiter(struct waiter *w, pthread_t *t, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count_signal;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
	handled = 0;
	pthread_create(t, NULL, futex_waiter, w);
	wait_until(w, waiter_sleeps);
	syscall(NR_TGKILL, getpid(), w->tid, SIGUSR1);
	wait_until(w, waiter_handled);
}

/* untimed, SA_RESTART: the handler runs and the wait goes on */
static void test_futex_restart(void)
{
	struct waiter w = { 0, 0, 0, 0, -1, 0 };
	pthread_t t;

	case_begin("futex_wait_goes_on_after_an_sa_restart_handler");
	interrupt_waiter(&w, &t, SA_RESTART);
	CHECK(handled == 1, "the handler ran once: %d", (int)handled);
	wait_until(&w, waiter_sleeps);
	CHECK(!w.done, "still waiting after the handler: ret %ld errno %d",
	      w.ret, w.err);
	w.word = 1;
	syscall(NR_FUTEX, &w.word, FUTEX_WAKE_PRIV, 1, NULL, NULL, 0);
	pthread_join(t, NULL);
	CHECK(w.ret == 0, "woken: 0, got %ld errno %d", w.ret, w.err);
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

/* untimed without SA_RESTART, or timed with it: EINTR, as Linux */
static void test_futex_eintr(void)
{
	struct waiter w = { 0, 0, 0, 0, -1, 0 };
	struct waiter tw = { 0, LONG_WAIT_SEC, 0, 0, -1, 0 };
	pthread_t t;

	case_begin("futex_wait_eintr_without_sa_restart");
	interrupt_waiter(&w, &t, 0);
	pthread_join(t, NULL);
	CHECK(w.ret == -1 && w.err == EINTR, "EINTR, got %ld errno %d",
	      w.ret, w.err);
	case_end();

	case_begin("timed_futex_wait_eintr_even_with_sa_restart");
	interrupt_waiter(&tw, &t, SA_RESTART);
	pthread_join(t, NULL);
	CHECK(tw.ret == -1 && tw.err == EINTR, "EINTR, got %ld errno %d",
	      tw.ret, tw.err);
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

/* futex_time64: the 64-bit timespec, a timeout and a bad one */
static void test_futex_time64(void)
{
	static int word;
	long long ts[2] = { 0, 20000000LL }, bad[2] = { 0, 1000000000LL };

	case_begin("futex_time64_times_out_and_checks");
	errno = 0;
	CHECK(syscall(NR_FUTEX_TIME64, &word, FUTEX_WAIT_PRIV, 0, ts, NULL,
		      0) == -1 && errno == ETIMEDOUT, "ETIMEDOUT, errno %d",
	      errno);
	CHECK_ERR(syscall(NR_FUTEX_TIME64, &word, FUTEX_WAIT_PRIV, 0, bad,
			  NULL, 0), EINVAL);
	CHECK_ERR(syscall(NR_FUTEX_TIME64, &word, FUTEX_WAIT_PRIV, 1, ts,
			  NULL, 0), EAGAIN);
	case_end();
}

/* ---- signals: the thread's and the group's --------------------------------- */

static volatile pid_t took_tid;

static void note_taker(int sig)
{
	(void)sig;
	took_tid = syscall(NR_GETTID);
}

static sigset_t usr1_set(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	return set;
}

/* A thread that blocks SIGUSR1, reports whether it sees it pending. */
static void *pending_in_thread(void *arg)
{
	sigset_t set = usr1_set(), pend;

	(void)arg;
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	sigpending(&pend);
	return (void *)(long)sigismember(&pend, SIGUSR1);
}

/* A thread that does not block SIGUSR1 (main does): it takes a kill. */
static void *unblocked_taker(void *arg)
{
	sigset_t set = usr1_set();
	int i;

	*(pid_t *)arg = syscall(NR_GETTID);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	for (i = 0; i < WAIT_STEPS && !took_tid; i++)
		usleep(WAIT_STEP_US);
	return NULL;
}

/* kill is pending for the group, tgkill for one thread */
static void test_shared_pending(void)
{
	sigset_t set = usr1_set(), old, pend;
	pid_t me = syscall(NR_GETTID), taker = 0;
	pthread_t t;

	case_begin("kill_pending_for_the_group_tgkill_for_the_thread");
	signal(SIGUSR1, note_taker);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	syscall(NR_TGKILL, getpid(), me, SIGUSR1);
	CHECK(in_thread(pending_in_thread, NULL) == NULL,
	      "a tgkill to main is not pending in another thread");
	sigpending(&pend);
	CHECK(sigismember(&pend, SIGUSR1), "pending in main");
	took_tid = 0;
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	CHECK(took_tid == me, "main took its tgkill: tid %d", (int)took_tid);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR1);
	CHECK(in_thread(pending_in_thread, NULL) == (void *)1L,
	      "a kill is pending in every thread that blocks it");
	took_tid = 0;
	pthread_create(&t, NULL, unblocked_taker, &taker);
	pthread_join(t, NULL);
	CHECK(took_tid == taker && taker, "the thread that does not block it "
	      "took it: tid %d, taker %d", (int)took_tid, (int)taker);
	sigpending(&pend);
	CHECK(!sigismember(&pend, SIGUSR1), "taken once: not pending in main");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

/* The stopped child's threads: sleep until the process ends. */
static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

/*
 * The child for the group stop: NR_SLEEPERS threads, a byte on the
 * pipe, then a timed futex wait the stop interrupts. It must end with
 * ETIMEDOUT, not EINTR: the wait goes on after SIGCONT.
 */
static int stopped_child(void)
{
	struct timespec ts = { STOP_WAIT_SEC, 0 };
	static int word;
	pthread_t t;
	long r;
	int i;

	for (i = 0; i < NR_SLEEPERS; i++)
		pthread_create(&t, NULL, sleeper, NULL);
	if (write(pipe_fds[1], "x", 1) != 1)
		return CHILD_BAD;
	r = syscall(NR_FUTEX, &word, FUTEX_WAIT_PRIV, 0, &ts, NULL, 0);
	return r == -1 && errno == ETIMEDOUT ? CHILD_OK : CHILD_BAD;
}

/* How many threads of pid are in state c (T stopped, S sleeping)? */
static int threads_in_state(pid_t pid, char c)
{
	char path[LINE_MAX_LEN], line[LINE_MAX_LEN];
	struct dirent *d;
	DIR *dir;
	FILE *f;
	int n = 0;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	dir = opendir(path);
	if (!dir)
		return -1;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/%d/task/%.20s/status",
			 (int)pid, d->d_name);
		f = fopen(path, "r");
		while (f && fgets(line, sizeof(line), f))
			if (!strncmp(line, STATE_LINE, strlen(STATE_LINE)) &&
			    line[strlen(STATE_LINE)] == c)
				n++;
		if (f)
			fclose(f);
	}
	closedir(dir);
	return n;
}

/* Wait, in short steps, until n threads of pid are in state c. */
static int wait_threads_in_state(pid_t pid, char c, int n)
{
	int i;

	for (i = 0; i < WAIT_STEPS; i++) {
		if (threads_in_state(pid, c) == n)
			return 1;
		usleep(WAIT_STEP_US);
	}
	return 0;
}

/* SIGSTOP stops every thread, wait sees it, SIGCONT goes on */
static void test_group_stop(void)
{
	int status = -1, all = NR_SLEEPERS + 1;
	pid_t pid;
	char c;

	case_begin("sigstop_stops_the_group_and_wait_sees_it");
	CHECK_OK(pipe(pipe_fds));
	pid = fork();
	if (pid == 0)
		_exit(stopped_child());
	CHECK(read(pipe_fds[0], &c, 1) == 1, "the child's threads started");
	CHECK(wait_threads_in_state(pid, 'S', all), "all %d threads asleep",
	      all);
	kill(pid, SIGSTOP);
	CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status)
	      && WSTOPSIG(status) == SIGSTOP, "wait: stopped by SIGSTOP, "
	      "status %#x", status);
	CHECK(threads_in_state(pid, 'T') == all, "all %d threads stopped: %d",
	      all, threads_in_state(pid, 'T'));
	kill(pid, SIGCONT);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == CHILD_OK, "the timed futex wait went on "
	      "to ETIMEDOUT: status %#x", status);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	case_end();
}

/* ---- PI futexes ---------------------------------------------------------------- */

static unsigned int pi_word;
static pthread_mutex_t pi_mutex;

static long pi_op(int op, const void *ts)
{
	return syscall(NR_FUTEX, &pi_word, op, 0, ts, NULL, 0);
}

/* What a second thread is told: trylock, unlock, then a lock that sleeps. */
struct pi_report {
	volatile pid_t tid;
	long trylock, unlock, lock;
	int trylock_err, unlock_err;
	unsigned int word_after_lock;
};

static void *pi_contender(void *arg)
{
	struct pi_report *r = arg;

	r->trylock = pi_op(FUTEX_TRYLOCK_PI_PRIV, NULL);
	r->trylock_err = errno;
	r->unlock = pi_op(FUTEX_UNLOCK_PI_PRIV, NULL);
	r->unlock_err = errno;
	r->tid = syscall(NR_GETTID);
	r->lock = pi_op(FUTEX_LOCK_PI_PRIV, NULL);
	r->word_after_lock = pi_word;
	pi_op(FUTEX_UNLOCK_PI_PRIV, NULL);
	return NULL;
}

static int pi_sleeps(struct waiter *w)
{
	return thread_sleeps(w->tid);
}

/* the word protocol: owner tid, WAITERS, hand-over, the errors */
static void test_futex_pi_word(void)
{
	struct pi_report r = { 0, 0, 0, 0, 0, 0, 0 };
	struct waiter w = { 0, 0, 0, 0, 0, 0 };
	pid_t me = syscall(NR_GETTID);
	pthread_t t;

	case_begin("futex_lock_pi_owner_waiters_and_hand_over");
	pi_word = 0;
	CHECK(pi_op(FUTEX_LOCK_PI_PRIV, NULL) == 0, "lock a free word");
	CHECK(pi_word == (unsigned int)me, "the word names the owner: %#x",
	      pi_word);
	CHECK_ERR(pi_op(FUTEX_LOCK_PI_PRIV, NULL), EDEADLK);
	pthread_create(&t, NULL, pi_contender, &r);
	while (!r.tid)
		usleep(WAIT_STEP_US);
	w.tid = r.tid;
	wait_until(&w, pi_sleeps);
	CHECK(pi_word == (me | PI_WAITERS), "WAITERS set by the sleeper: %#x",
	      pi_word);
	CHECK(pi_op(FUTEX_UNLOCK_PI_PRIV, NULL) == 0, "unlock");
	pthread_join(t, NULL);
	CHECK(r.trylock == -1 && r.trylock_err == EAGAIN, "trylock of an owned "
	      "word: EAGAIN, got %ld errno %d", r.trylock, r.trylock_err);
	CHECK(r.unlock == -1 && r.unlock_err == EPERM, "unlock by another: "
	      "EPERM, got %ld errno %d", r.unlock, r.unlock_err);
	CHECK(r.lock == 0 && r.word_after_lock == (r.tid | PI_WAITERS),
	      "handed over: the sleeper's tid and WAITERS, got %ld %#x",
	      r.lock, r.word_after_lock);
	CHECK(pi_word == 0, "free after its unlock: %#x", pi_word);
	pi_word = NO_SUCH_TID;
	CHECK_ERR(pi_op(FUTEX_LOCK_PI_PRIV, NULL), ESRCH);
	pi_word = (unsigned int)r.tid;	/* a thread gone: ESRCH too */
	CHECK_ERR(pi_op(FUTEX_LOCK_PI_PRIV, NULL), ESRCH);
	pi_word = 0;
	CHECK(pi_op(FUTEX_TRYLOCK_PI_PRIV, NULL) == 0 &&
	      (pi_word & PI_TID_MASK) == (unsigned int)me, "trylock a free word");
	pi_op(FUTEX_UNLOCK_PI_PRIV, NULL);
	case_end();
}

/* Has a locker gone to sleep on pi_word (the kernel set WAITERS)? */
static int pi_has_waiters(struct waiter *w)
{
	(void)w;
	return (*(volatile unsigned int *)&pi_word & PI_WAITERS) != 0;
}

/* Take the word, wait until main sleeps on it, then exit holding it. */
static void *pi_owner_exits(void *arg)
{
	struct waiter *w = arg;

	pi_op(FUTEX_LOCK_PI_PRIV, NULL);
	w->word = 1;
	wait_until(w, pi_has_waiters);
	return NULL;
}

/* the owner thread exits holding it: the sleeper gets the lock */
static void test_futex_pi_owner_exits(void)
{
	struct waiter w = { 0, 0, 0, 0, 0, 0 };
	pid_t me = syscall(NR_GETTID);
	pthread_t t;
	long r;

	case_begin("futex_lock_pi_owner_exits_sleeper_gets_it");
	pi_word = 0;
	w.tid = me;
	pthread_create(&t, NULL, pi_owner_exits, &w);
	while (!*(volatile int *)&w.word)
		usleep(WAIT_STEP_US);
	r = pi_op(FUTEX_LOCK_PI_PRIV, NULL);
	CHECK(r == 0 && (pi_word & PI_TID_MASK) == (unsigned int)me,
	      "the lock passes to main: %ld errno %d, word %#x", r, errno,
	      pi_word);
	pthread_join(t, NULL);
	pi_op(FUTEX_UNLOCK_PI_PRIV, NULL);
	case_end();
}

/* Take the word in a thread and keep it until the caller says so. */
static void *pi_holder(void *arg)
{
	struct waiter *w = arg;

	pi_op(FUTEX_LOCK_PI_PRIV, NULL);
	w->tid = syscall(NR_GETTID);
	while (!w->done)
		usleep(WAIT_STEP_US);
	pi_op(FUTEX_UNLOCK_PI_PRIV, NULL);
	return NULL;
}

/* LOCK_PI's timeout is an absolute CLOCK_REALTIME */
static void test_futex_pi_timeout(void)
{
	struct waiter w = { 0, 0, 0, 0, 0, 0 };
	struct timespec soon;
	pthread_t t;

	case_begin("futex_lock_pi_times_out_on_the_realtime_clock");
	pi_word = 0;
	pthread_create(&t, NULL, pi_holder, &w);
	while (!w.tid)
		usleep(WAIT_STEP_US);
	clock_gettime(CLOCK_REALTIME, &soon);
	soon.tv_nsec += TIMER_SHORT_US * 1000L;
	if (soon.tv_nsec >= 1000000000L) {
		soon.tv_sec++;
		soon.tv_nsec -= 1000000000L;
	}
	CHECK_ERR(pi_op(FUTEX_LOCK_PI_PRIV, &soon), ETIMEDOUT);
	w.done = 1;
	pthread_join(t, NULL);
	CHECK(pi_word == 0, "free after the holder's unlock: %#x", pi_word);
	case_end();
}

static void *pi_rounds(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < PI_ROUNDS; i++) {
		pthread_mutex_lock(&pi_mutex);
		counter++;
		sched_yield();	/* let the others find it taken */
		pthread_mutex_unlock(&pi_mutex);
	}
	return NULL;
}

/* a PTHREAD_PRIO_INHERIT mutex keeps a shared counter exact */
static void test_pi_mutex(void)
{
	pthread_mutexattr_t attr;
	pthread_t t[NR_SLEEPERS + 1];
	int i, err;

	pthread_mutexattr_init(&attr);
	err = pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
	if (err) {
		case_skip("pthread_prio_inherit_mutex", "this C library has "
			  "no PTHREAD_PRIO_INHERIT mutexes");
		return;
	}
	case_begin("pthread_prio_inherit_mutex");
	CHECK(pthread_mutex_init(&pi_mutex, &attr) == 0, "init");
	counter = 0;
	for (i = 0; i <= NR_SLEEPERS; i++)
		pthread_create(&t[i], NULL, pi_rounds, NULL);
	for (i = 0; i <= NR_SLEEPERS; i++)
		pthread_join(t[i], NULL);
	CHECK(counter == (NR_SLEEPERS + 1) * PI_ROUNDS, "counter %d, got %ld",
	      (NR_SLEEPERS + 1) * PI_ROUNDS, counter);
	pthread_mutex_destroy(&pi_mutex);
	case_end();
}

static void test_thread_group(void)
{
	test_files_shared();
	test_fs_shared();
	test_files_copied();
	test_sysvsem_shared();
	test_reparent_to_thread();
	test_wait_for_other_threads_child();
	test_itimer_real_shared();
	test_itimer_prof_counts_threads();
	test_futex_restart();
	test_futex_eintr();
	test_futex_time64();
	test_shared_pending();
	test_group_stop();
	test_futex_pi_word();
	test_futex_pi_timeout();
	test_futex_pi_owner_exits();
	test_pi_mutex();
}

#endif
