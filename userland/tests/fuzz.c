/*
 * fuzz - random system calls with hostile arguments: no program may bring
 * Lintel down, and whatever it takes must come back.
 *
 *	fuzz SEED COUNT [BATCH]
 *
 * (with BATCH, only that batch of the campaign runs: a replay)
 *
 * Guest-only. It refuses to run anywhere but Lintel, because after every
 * batch it removes every SysV IPC object on the system and kills whole
 * process groups; scripts/fuzz.py boots it as init= ("make fuzz", and a
 * short campaign in "make test") and fails on an oops, a panic or a hang.
 *
 * The leader forks one batch at a time. A batch child makes BATCH_CALLS
 * calls chosen by a generator seeded with (SEED, batch number), so a
 * campaign can be replayed: hostile pointers (NULL, kernel, read-only,
 * straddling the end of a mapping, random), huge sizes, random flags,
 * every ipc() call and shmctl command, semaphore and message queue calls
 * with every command, random signals and handlers,
 * fork/exit churn, mmap/munmap/mprotect/brk of random ranges, execve of
 * garbage, and sigreturn/rt_sigreturn with garbage or forged frames.
 * Calls that must never return to the batch (a forged frame) run in a
 * grandchild. A batch may die of what it did (that is allowed); one that
 * is still running after alarm(BATCH_SECONDS) is killed with its process
 * group. Then the leader removes what the batch left (IPC objects),
 * waits until its processes are gone, and checks that free frames,
 * kmalloc's pages and objects and the IPC objects are exactly what they
 * were before the first batch (/proc/meminfo, /proc/sysvipc).
 *
 * Output: a progress line every PROGRESS_CALLS calls, the figures, two
 * cases and the summary line of check.h.
 *
 * This file has the generator, the op table, a batch and the leader;
 * the ops themselves are in fuzz_*.h, one file a subject.
 */
#include <fcntl.h>
#include <signal.h>
#include <setjmp.h>
#include <sys/mman.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/sem.h>
#include <sys/msg.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "check.h"
#include "child.h"
#include "held.h"

#define PAGE_SIZE	4096UL
#define BATCH_CALLS	500
#define BATCH_SECONDS	1		/* alarm: a batch that blocks dies */
#define BATCH_WAIT_POLLS 300		/* x POLL_USEC: then SIGKILL */
#define POLL_USEC	10000
#define GONE_POLLS	300		/* x POLL_USEC for a group to go */
#define GRANDCHILD_POLLS 10		/* x POLL_USEC: then SIGKILL */
#define CHURN_CALLS	16		/* calls a forked churn child makes */
#define PROGRESS_CALLS	100000
#define ARENA		0x50000000UL	/* where random mappings go */
#define ARENA_PAGES	1024
#define KERNEL_ADDR	0xC0000000UL
#define SHARED_ADDR	0x60000000UL	/* the count: no hostile value's page */
#define MAX_POOL	16
#define SHM_KEYS	8		/* a small key space, so keys collide */
#define PROC_BUF	4096

/* Linux i386 numbers the libc headers do not name. */
#define NR_creat	8
#define NR_link		9
#define NR_unlink	10
#define NR_mknod	14
#define NR_chmod	15
#define NR_lchown	16
#define NR_mount	21
#define NR_umount	22
#define NR_stime	25
#define NR_ptrace	26
#define NR_access	33
#define NR_rename	38
#define NR_mkdir	39
#define NR_rmdir	40
#define NR_acct		51
#define NR_umount2	52
#define NR_fcntl	55
#define NR_setpgid	57
#define NR_chroot	61
#define NR_setsid	66
#define NR_sigaction	67
#define NR_sigsuspend	72
#define NR_sethostname	74
#define NR_settimeofday	79
#define NR_symlink	83
#define NR_old_mmap	90
#define NR_truncate	92
#define NR_fchmod	94
#define NR_fchown	95
#define NR_ioperm	101
#define NR_iopl		110
#define NR_vm86old	113
#define NR_swapoff	115
#define NR_sigreturn	119
#define NR_clone	120
#define NR_setdomainname 121
#define NR_sigprocmask	126
#define NR_fchdir	133
#define NR_llseek	140
#define NR_getdents	141
#define NR_readv	145
#define NR_writev	146
#define NR_vm86		166
#define NR_tkill	238
#define NR_set_thread_area 243
#define NR_exit_group	252
#define NR_tgkill	270
#define NR_kexec_load	283
#define NR_openat	295
#define NR_last_at	306		/* mkdirat ... fchmodat, faccessat */
#define NR_pipe2	331
#define NR_SPAN		460		/* random numbers: 0 .. NR_SPAN - 1 */
#define NR_stat		106
#define NR_lstat	107

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Never issued with random arguments: calls that would end or escape the
 * batch (exit, fork, exec, setsid, kill of any pid), block for good,
 * change the machine (reboot, time, mounts, ports) or create files. The
 * ones a fuzzer must reach are issued by the ops below, with hostile
 * arguments chosen so that the batch keeps its grip.
 */
static const short never_random[] = {
	__NR_exit, __NR_fork, __NR_execve, __NR_pause, __NR_kill,
	__NR_reboot, __NR_nanosleep, __NR_rt_sigsuspend, __NR_vfork,
	__NR_wait4, __NR_alarm, __NR_rt_sigaction, __NR_rt_sigprocmask,
	__NR_open, NR_creat, NR_link, NR_unlink, NR_mknod, NR_chmod,
	NR_lchown, NR_mount, NR_umount, NR_stime, NR_ptrace, NR_rename,
	NR_mkdir, NR_rmdir, NR_acct, NR_umount2, NR_setpgid, NR_chroot,
	NR_setsid, NR_sigaction, NR_sigsuspend, NR_sethostname,
	NR_settimeofday, NR_symlink, NR_truncate, NR_fchmod, NR_fchown,
	NR_ioperm, NR_iopl, NR_vm86old, 87 /* swapon */, NR_swapoff,
	NR_clone, NR_setdomainname, NR_sigprocmask, 7 /* waitpid */,
	NR_vm86, NR_tkill, NR_exit_group, NR_tgkill, NR_kexec_load,
	48 /* signal */, 128, 129 /* modules */,
	__NR_clock_settime, __NR_clock_settime64,
};

/* Counted across the batch and its children: a MAP_SHARED page. */
struct shared {
	unsigned long calls;
};

static struct shared *shared;
static unsigned long rng_state;
static char *scratch;			/* two valid pages */
static char *straddle;			/* a page whose next is unmapped */
static int fds[MAX_POOL], nfds;
static int shm_ids[MAX_POOL], nshm;
static unsigned long attaches[MAX_POOL];
static int nattaches;
static pid_t kids[MAX_POOL];
static int nkids;
static int in_churn;			/* a forked churn child: no more forks */
static sigjmp_buf touch_env;

/* ---- the generator --------------------------------------------------- */

/* xorshift32: small, fast, and the same sequence everywhere. */
static unsigned long rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	rng_state &= 0xFFFFFFFFUL;
	return rng_state;
}

static unsigned long below(unsigned long n)
{
	return rnd() % n;
}

/*
 * Random bits for an argument, never inside the page of the count: the
 * kernel would rightly write there (gettimeofday into a "pointer" that
 * happens to be it), and the count would be the fuzzer's own victim.
 */
static unsigned long not_shared(unsigned long v)
{
	return (v & ~(PAGE_SIZE - 1)) == SHARED_ADDR ? v ^ PAGE_SIZE : v;
}

static unsigned long rnd_arg(void)
{
	return not_shared(rnd());
}

static void seed_batch(unsigned long seed, unsigned long batch)
{
	rng_state = (seed * 2654435761UL) ^ (batch * 40503UL) ^ 0x9E3779B9UL;
	if (!(rng_state &= 0xFFFFFFFFUL))
		rng_state = 1;
}

/* A pointer a careless or hostile program might pass. */
static unsigned long hostile_ptr(void)
{
	switch (below(10)) {
	case 0: return 0;
	case 1: case 2: return (unsigned long)scratch + below(PAGE_SIZE);
	case 3: return (unsigned long)straddle + PAGE_SIZE - 1 - below(16);
	case 4: return KERNEL_ADDR + below(0x40000000UL);
	case 5: return (unsigned long)&hostile_ptr;	/* read-only text */
	case 6: return ARENA + below(ARENA_PAGES * PAGE_SIZE);
	case 7: return 0xC0000000UL - 1 - below(PAGE_SIZE);
	case 8: return 0xFFFFFFFFUL - below(64);
	default: return rnd_arg();
	}
}

/*
 * An address that cannot be run: a signal handler there must end in a
 * fault the kernel handles, never in the batch running stray bytes (data
 * pages are executable on the i386), which could scribble on the count.
 */
static unsigned long hostile_code_ptr(void)
{
	switch (below(3)) {
	case 0: return 2 + below(PAGE_SIZE - 2);	/* page 0: unmapped */
	case 1: return KERNEL_ADDR + below(0x40000000UL);
	default: return (unsigned long)straddle + PAGE_SIZE + below(PAGE_SIZE);
	}
}

/* A size: zero, small, a page, or huge. */
static unsigned long hostile_size(void)
{
	static const unsigned long huge[] = {
		0x7FFFFFFFUL, 0xFFFFFFFFUL, 0x80000000UL, 0x40000000UL,
		0xFFFFF000UL, 0x10000000UL,
	};

	switch (below(6)) {
	case 0: return 0;
	case 1: return below(64);
	case 2: return below(2 * PAGE_SIZE);
	case 3: return PAGE_SIZE;
	case 4: return huge[below(ARRAY_LEN(huge))];
	default: return rnd_arg();
	}
}

/* A number: small, signed edge, or random bits. */
static unsigned long hostile_int(void)
{
	switch (below(5)) {
	case 0: return below(8);
	case 1: return (unsigned long)-1 - below(4);
	case 2: return 0x80000000UL;
	case 3: return not_shared(rnd() & rnd());	/* a few flag bits */
	default: return rnd_arg();
	}
}

static unsigned long hostile_fd(void)
{
	switch (below(5)) {
	case 0: case 1: return nfds ? (unsigned long)fds[below(nfds)] : 0;
	case 2: return below(32);
	case 3: return (unsigned long)-1;
	default: return hostile_int();
	}
}

static unsigned long any_arg(void)
{
	switch (below(4)) {
	case 0: return hostile_ptr();
	case 1: return hostile_size();
	case 2: return hostile_fd();
	default: return hostile_int();
	}
}

/* ---- issuing calls ---------------------------------------------------- */

/* Every call the fuzzer makes goes through here, and is counted. */
static long call(long nr, unsigned long a, unsigned long b, unsigned long c,
		 unsigned long d, unsigned long e, unsigned long f)
{
	shared->calls++;
	return syscall(nr, a, b, c, d, e, f);
}

static void remember(int *pool, int *n, long v)
{
	if (v < 0)
		return;
	if (*n < MAX_POOL)
		pool[(*n)++] = (int)v;
	else
		pool[below(MAX_POOL)] = (int)v;
}

static int never(long nr)
{
	if (nr >= NR_openat && nr <= NR_last_at)
		return 1;
	for (unsigned i = 0; i < ARRAY_LEN(never_random); i++)
		if (never_random[i] == nr)
			return 1;
	return 0;
}

/* Any number at all, any arguments, but not one of never_random[]. */
static void op_random_call(void)
{
	long nr;

	do {
		nr = below(NR_SPAN);
	} while (never(nr));
	call(nr, any_arg(), any_arg(), any_arg(), any_arg(), any_arg(),
	     any_arg());
}

/* ---- the ops, by subject (fuzz_*.h) ------------------------------------ */

#include "fuzz_files.h"
#include "fuzz_mm.h"
#include "fuzz_ipc.h"
#include "fuzz_signals.h"
#include "fuzz_proc.h"
#include "fuzz_frames.h"

/* ---- the rest --------------------------------------------------------- */

static void op_misc(void)
{
	static const short nrs[] = {
		__NR_uname, __NR_sysinfo, __NR_ugetrlimit, __NR_setrlimit,
		__NR_gettimeofday, __NR_clock_gettime, __NR_time,
		__NR_getgroups32, __NR_setgroups32, __NR_setresuid32,
		__NR_getresuid32, __NR_setreuid32, __NR_setuid32,
		NR_set_thread_area, 244 /* get_thread_area */, 60 /* umask */,
		__NR_sched_yield, __NR_getppid, 132 /* getpgid */,
		147 /* getsid */,
	};

	call(nrs[below(ARRAY_LEN(nrs))], below(2) ? below(16) : any_arg(),
	     hostile_ptr(), any_arg(), any_arg(), 0, 0);
}

static void op_sleep(void)
{
	unsigned long *ts = (unsigned long *)(scratch + 768);

	ts[0] = 0;
	ts[1] = below(1000000);
	call(__NR_nanosleep, below(4) ? (unsigned long)ts : below(2) ? 0 :
	     KERNEL_ADDR, below(2) ? 0 : hostile_ptr(), 0, 0, 0, 0);
}

static const struct {
	void (*fn)(void);
	int weight;
} ops[] = {
	{ op_random_call, 12 }, { op_open, 3 }, { op_pipe, 2 },
	{ op_fd_io, 8 }, { op_iovec, 2 }, { op_fd_misc, 4 }, { op_path, 3 },
	{ op_mmap, 6 }, { op_unmap_protect, 5 }, { op_brk, 2 },
	{ op_touch, 4 }, { op_shm_direct, 8 }, { op_ipc, 8 }, { op_sem, 4 },
	{ op_msg, 4 },
	{ op_sigaction, 3 }, { op_sigmask, 2 }, { op_kill, 3 },
	{ op_fork, 2 }, { op_wait, 2 }, { op_exec, 1 }, { op_frame, 3 },
	{ op_misc, 4 }, { op_sleep, 1 },
};

static void pick_and_run(void)
{
	static int total;
	int w;
	unsigned i;

	if (!total)
		for (i = 0; i < ARRAY_LEN(ops); i++)
			total += ops[i].weight;
	w = below(total);
	for (i = 0; w >= ops[i].weight; i++)
		w -= ops[i].weight;
	ops[i].fn();
}

/* ---- a batch ---------------------------------------------------------- */

/* Quiet descriptors (random writes must not reach the console). */
static void batch_setup(void)
{
	int null = open("/dev/null", O_RDWR);

	syscall(NR_setpgid, 0, 0);	/* a group the leader can kill */
	dup2(null, 0);
	dup2(null, 1);
	dup2(null, 2);
	if (null > 2)
		close(null);
	alarm(BATCH_SECONDS);
	scratch = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	straddle = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (scratch == MAP_FAILED || straddle == MAP_FAILED)
		_exit(1);
	munmap(straddle + PAGE_SIZE, PAGE_SIZE);
	memset(scratch, 0, 2 * PAGE_SIZE);
}

/* The batch child: budget calls (its own and its children's), then exit. */
static void run_batch(unsigned long seed, unsigned long batch,
		      unsigned long budget)
{
	unsigned long start = shared->calls;

	batch_setup();
	seed_batch(seed, batch);
	while (shared->calls - start < budget)
		pick_and_run();
	_exit(0);
}

/* ---- the leader ------------------------------------------------------- */

enum { BATCH_EXITED, BATCH_DIED, BATCH_KILLED, NR_ENDS };

static int deaths[NSIG];		/* batches that died, by signal */

/* Wait for the batch; kill its group if it outlives the bound. */
static int wait_batch(pid_t pid)
{
	int status;

	for (int i = 0; i < BATCH_WAIT_POLLS; i++) {
		if (waitpid(pid, &status, WNOHANG) != pid) {
			usleep(POLL_USEC);
			continue;
		}
		if (!WIFSIGNALED(status))
			return BATCH_EXITED;
		deaths[WTERMSIG(status) % NSIG]++;
		return BATCH_DIED;
	}
	kill(-pid, SIGKILL);
	waitpid(pid, &status, 0);
	return BATCH_KILLED;
}

/* Kill what is left of the batch's group and wait until init reaps it. */
static int group_gone(pid_t pgid)
{
	kill(-pgid, SIGKILL);
	for (int i = 0; i < GONE_POLLS; i++) {
		if (kill(-pgid, 0) < 0 && errno == ESRCH)
			return 1;
		usleep(POLL_USEC);
	}
	return 0;
}

/*
 * Remove every SysV IPC object: shm segments, semaphore sets, message
 * queues (all the batch's: nothing else runs here). Each kind's INFO
 * command returns the highest index in use; STAT_ANY turns an index into
 * an id.
 */
static void remove_ipc(void)
{
	static char buf[256];
	int max = shmctl(0, SHM_INFO, (struct shmid_ds *)buf), i, id;

	for (i = 0; i <= max; i++)
		if ((id = shmctl(i, SHM_STAT_ANY, (struct shmid_ds *)buf)) >= 0)
			shmctl(id, IPC_RMID, NULL);
	max = semctl(0, 0, SEM_INFO, buf);
	for (i = 0; i <= max; i++)
		if ((id = semctl(i, 0, SEM_STAT_ANY, buf)) >= 0)
			semctl(id, 0, IPC_RMID);
	max = msgctl(0, MSG_INFO, (struct msqid_ds *)buf);
	for (i = 0; i <= max; i++)
		if ((id = msgctl(i, MSG_STAT_ANY, (struct msqid_ds *)buf)) >= 0)
			msgctl(id, IPC_RMID, NULL);
}

/* One batch, start to clean-up; how it ended, or -1 if fork failed. */
static int one_batch(unsigned long seed, unsigned long batch,
		     unsigned long budget, int *stuck)
{
	pid_t pid;
	int end;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		run_batch(seed, batch, budget);
	if (pid < 0)
		return -1;
	end = wait_batch(pid);
	if (!group_gone(pid))
		(*stuck)++;
	remove_ipc();
	return end;
}

int main(int argc, char **argv)
{
	static const char *const end_name[NR_ENDS] = {
		"exited", "died of what they did", "were killed (stuck)",
	};
	unsigned long seed, count, batch, next_report = PROGRESS_CALLS;
	long base[NR_HELD], now[NR_HELD];
	int ends[NR_ENDS] = { 0 }, leaks = 0, stuck = 0, forks_failed = 0;
	int scribbled = 0;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: fuzz SEED COUNT [BATCH]\n");
		return 2;
	}
	if (!on_lintel()) {
		fprintf(stderr, "fuzz: runs only inside Lintel (it removes every "
			"IPC object); boot it with scripts/fuzz.py\n");
		return 2;
	}
	seed = strtoul(argv[1], NULL, 0);
	count = strtoul(argv[2], NULL, 0);
	shared = mmap((void *)SHARED_ADDR, PAGE_SIZE, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (shared == MAP_FAILED) {
		perror("fuzz: mmap");
		return 1;
	}
	one_batch(seed, 0, 0, &stuck);		/* warm-up: an empty batch */
	read_held(base);
	read_held(base);
	printf("fuzz: seed %lu, %lu calls, %d per batch\n", seed, count,
	       BATCH_CALLS);
	batch = argc == 4 ? strtoul(argv[3], NULL, 0) : 1;
	for (; shared->calls < count; batch++) {
		unsigned long before = shared->calls;
		int end = one_batch(seed, batch, count - shared->calls <
				    BATCH_CALLS ? count - shared->calls :
				    BATCH_CALLS, &stuck);

		if (end < 0) {
			forks_failed++;
			break;
		}
		if (shared->calls - before > 2 * BATCH_CALLS) {
			printf("fuzz: batch %lu (seed %lu) took the count from "
			       "%lu to %lu\n", batch, seed, before,
			       shared->calls);
			shared->calls = before + BATCH_CALLS;
			scribbled++;
		}
		ends[end]++;
		read_held(now);
		if (memcmp(base, now, sizeof(now))) {
			printf("fuzz: leak after batch %lu (seed %lu):", batch,
			       seed);
			print_held(base, now);
			printf("\n");
			memcpy(base, now, sizeof(now));
			leaks++;
		}
		if (shared->calls >= next_report) {
			printf("fuzz: %lu calls, %lu batches\n", shared->calls,
			       batch);
			next_report += PROGRESS_CALLS;
		}
	}
	printf("fuzz: %lu calls in %lu batches (seed %lu):", shared->calls,
	       batch - (argc == 4 ? strtoul(argv[3], NULL, 0) : 1), seed);
	for (int i = 0; i < NR_ENDS; i++)
		printf(" %d %s%s", ends[i], end_name[i],
		       i + 1 < NR_ENDS ? "," : "\n");
	printf("fuzz: deaths by signal:");
	for (int i = 1; i < NSIG; i++)
		if (deaths[i])
			printf(" %d:%d", i, deaths[i]);
	printf("\n");
	case_begin("fuzz_every_batch_ran");
	CHECK(!forks_failed && shared->calls >= count, "%lu calls of %lu, "
	      "fork failed %d times", shared->calls, count, forks_failed);
	CHECK(!stuck, "%d batches left processes no SIGKILL removed", stuck);
	CHECK(!scribbled, "%d batches wrote over the shared count: a page "
	      "shared with the leader was written by someone else", scribbled);
	case_end();
	case_begin("fuzz_kernel_gives_everything_back_after_each_batch");
	CHECK(!leaks, "%d batches left frames, kmalloc objects or segments "
	      "behind", leaks);
	case_end();
	return check_summary();
}
