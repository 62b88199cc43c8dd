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

/* ---- files and pipes -------------------------------------------------- */

static const char *const paths[] = {
	"/dev/null", "/dev/zero", "/etc/issue", "/bin/sh", "/", "/proc",
	"/proc/self/maps", "/proc/self/status", "/proc/meminfo",
	"/proc/sysvipc/shm", "/proc/self", "/tests", "/no/such/file",
	"/etc/issue/", "..", "",
};

static unsigned long hostile_path(void)
{
	if (below(3))
		return (unsigned long)paths[below(ARRAY_LEN(paths))];
	return hostile_ptr();
}

static void op_open(void)
{
	unsigned long flags = hostile_int() & ~(unsigned long)(O_CREAT |
							      O_TRUNC);

	remember(fds, &nfds, call(__NR_open, hostile_path(), flags,
				  hostile_int(), 0, 0, 0));
}

static void op_pipe(void)
{
	int p[2] = { -1, -1 };
	long r;

	if (below(8))
		r = call(NR_pipe2, below(4) ? (unsigned long)p : hostile_ptr(),
			 below(8) ? O_NONBLOCK : hostile_int(), 0, 0, 0, 0);
	else
		r = call(__NR_pipe, below(4) ? (unsigned long)p : hostile_ptr(),
			 0, 0, 0, 0, 0);
	if (r == 0 && p[0] >= 0) {
		remember(fds, &nfds, p[0]);
		remember(fds, &nfds, p[1]);
	}
}

/* read, write, lseek, getdents: a descriptor, a buffer, a size. */
static void op_fd_io(void)
{
	static const short nrs[] = {
		__NR_read, __NR_write, __NR_lseek, NR_getdents,
		__NR_getdents64, __NR_fstat64, __NR_ioctl, NR_fcntl,
	};
	long nr = nrs[below(ARRAY_LEN(nrs))];
	unsigned long size = hostile_size();

	if ((nr == __NR_read || nr == __NR_write) && below(2))
		size = below(PAGE_SIZE);	/* often enough to move data */
	call(nr, hostile_fd(), nr == NR_fcntl ? below(40) : hostile_ptr(),
	     size, 0, 0, 0);
}

/* readv/writev with an iovec array of hostile entries. */
static void op_iovec(void)
{
	unsigned long *iov = (unsigned long *)(scratch + PAGE_SIZE);
	int n = below(6);

	for (int i = 0; i < n; i++) {
		iov[2 * i] = hostile_ptr();
		iov[2 * i + 1] = below(2) ? below(256) : hostile_size();
	}
	call(below(2) ? NR_readv : NR_writev, hostile_fd(),
	     below(4) ? (unsigned long)iov : hostile_ptr(),
	     below(4) ? (unsigned long)n : hostile_int(), 0, 0, 0);
}

static void op_fd_misc(void)
{
	switch (below(5)) {
	case 0:
		call(__NR_close, hostile_fd(), 0, 0, 0, 0, 0);
		break;
	case 1:
		remember(fds, &nfds, call(__NR_dup, hostile_fd(), 0, 0, 0,
					  0, 0));
		break;
	case 2:
		remember(fds, &nfds, call(__NR_dup2, hostile_fd(), below(40),
					  0, 0, 0, 0));
		break;
	case 3:
		call(NR_llseek, hostile_fd(), hostile_int(), hostile_int(),
		     hostile_ptr(), below(5), 0);
		break;
	default:
		call(NR_fchdir, hostile_fd(), 0, 0, 0, 0, 0);
	}
}

/* Calls that take a path: stat, access, chdir, getcwd. */
static void op_path(void)
{
	static const short nrs[] = {
		__NR_stat64, NR_access, __NR_chdir, __NR_getcwd, NR_stat,
		NR_lstat,
	};
	long nr = nrs[below(ARRAY_LEN(nrs))];

	if (nr == __NR_getcwd)
		call(nr, hostile_ptr(), hostile_size(), 0, 0, 0, 0);
	else
		call(nr, hostile_path(), nr == NR_access ? hostile_int() :
		     hostile_ptr(), 0, 0, 0, 0);
}

/* ---- memory ----------------------------------------------------------- */

/* An address range, mostly in the arena, now and then anywhere. */
static void hostile_range(unsigned long *addr, unsigned long *len)
{
	if (below(16)) {
		*addr = ARENA + below(ARENA_PAGES) * PAGE_SIZE;
		*len = (below(64) + 1) * PAGE_SIZE - (below(4) ? 0 : below(64));
	} else {
		*addr = hostile_ptr();
		*len = hostile_size();
	}
}

static unsigned long hostile_prot(void)
{
	return below(4) ? below(8) : hostile_int();
}

static void op_mmap(void)
{
	unsigned long addr, len, flags, *args = (unsigned long *)scratch;

	hostile_range(&addr, &len);
	flags = below(4) ? (MAP_PRIVATE | MAP_ANONYMOUS |
			    (below(2) ? MAP_FIXED : 0)) : hostile_int();
	if (below(2)) {
		call(__NR_mmap2, addr, len, hostile_prot(), flags,
		     below(4) ? (unsigned long)-1 : hostile_fd(),
		     below(4) ? 0 : hostile_int());
		return;
	}
	args[0] = addr;
	args[1] = len;
	args[2] = hostile_prot();
	args[3] = flags;
	args[4] = (unsigned long)-1;
	args[5] = below(4) ? 0 : hostile_int();
	call(NR_old_mmap, below(4) ? (unsigned long)args : hostile_ptr(), 0,
	     0, 0, 0, 0);
}

static void op_unmap_protect(void)
{
	unsigned long addr, len;

	hostile_range(&addr, &len);
	if (below(2))
		call(__NR_munmap, addr, len, 0, 0, 0, 0);
	else
		call(__NR_mprotect, addr, len, hostile_prot(), 0, 0, 0);
}

static void op_brk(void)
{
	long cur = call(__NR_brk, 0, 0, 0, 0, 0, 0);

	if (below(4))
		call(__NR_brk, cur + (long)below(64 * PAGE_SIZE) -
		     (long)(32 * PAGE_SIZE), 0, 0, 0, 0, 0);
	else
		call(__NR_brk, hostile_ptr(), 0, 0, 0, 0, 0);
}

static void touch_fault(int sig)
{
	(void)sig;
	siglongjmp(touch_env, 1);
}

/* Read or write arena pages: demand-zero, COW, shm and protection faults. */
static void op_touch(void)
{
	struct sigaction sa;
	volatile unsigned long addr = ARENA + below(ARENA_PAGES) * PAGE_SIZE;

	if (below(3) == 0 && nattaches)
		addr = attaches[below(nattaches)] + below(4) * PAGE_SIZE;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = touch_fault;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	shared->calls += 2;
	if (sigsetjmp(touch_env, 1) == 0) {
		if (below(2))
			*(volatile char *)addr = (char)rnd();
		else
			(void)*(volatile char *)addr;
	}
}

/* ---- SysV IPC --------------------------------------------------------- */

static const short ipc_calls[] = {
	1, 2, 3, 4,			/* SEMOP SEMGET SEMCTL SEMTIMEDOP */
	11, 12, 13, 14,			/* MSGSND MSGRCV MSGGET MSGCTL */
	21, 22, 23, 24,			/* SHMAT SHMDT SHMGET SHMCTL */
};

static const short shm_cmds[] = {
	IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO, SHM_LOCK, SHM_UNLOCK,
	SHM_STAT, SHM_INFO, SHM_STAT_ANY,
};

static unsigned long hostile_shmid(void)
{
	if (nshm && below(4))
		return (unsigned long)shm_ids[below(nshm)];
	return below(2) ? below(256) : hostile_int();
}

static unsigned long hostile_cmd(void)
{
	unsigned long cmd = below(8) ? (unsigned long)shm_cmds[
		below(ARRAY_LEN(shm_cmds))] : hostile_int();

	return below(2) ? cmd | IPC_64 : cmd;
}

static unsigned long hostile_key(void)
{
	return below(3) ? IPC_PRIVATE : below(2) ? 0xF0220000UL +
		below(SHM_KEYS) : hostile_int();
}

static unsigned long hostile_shmflg(void)
{
	unsigned long mode = below(2) ? 0600 : below(01000);

	return below(4) ? IPC_CREAT | mode | (below(4) ? 0 : IPC_EXCL) :
		hostile_int();
}

/* shmat at a hostile address; a success is remembered for shmdt. */
static void note_attach(long addr)
{
	if (addr == -1 || addr == 0)
		return;
	if (nattaches < MAX_POOL)
		attaches[nattaches++] = (unsigned long)addr;
	else
		attaches[below(MAX_POOL)] = (unsigned long)addr;
}

static unsigned long hostile_shmaddr(void)
{
	if (nattaches && below(2))
		return attaches[below(nattaches)] + (below(4) ? 0 : below(64));
	return below(2) ? 0 : hostile_ptr();
}

static unsigned long hostile_shmatflg(void)
{
	static const unsigned long flags[] = {
		0, SHM_RDONLY, SHM_RND, SHM_REMAP, SHM_RND | SHM_REMAP,
	};

	return below(4) ? flags[below(ARRAY_LEN(flags))] : hostile_int();
}

/* The direct calls 395-398. */
static void op_shm_direct(void)
{
	switch (below(4)) {
	case 0:
		remember(shm_ids, &nshm, call(__NR_shmget, hostile_key(),
			 below(2) ? below(16) * PAGE_SIZE + below(2) :
			 hostile_size(), hostile_shmflg(), 0, 0, 0));
		break;
	case 1:
		note_attach(call(__NR_shmat, hostile_shmid(), hostile_shmaddr(),
				 hostile_shmatflg(), 0, 0, 0));
		break;
	case 2:
		call(__NR_shmdt, hostile_shmaddr(), 0, 0, 0, 0, 0);
		break;
	default:
		call(__NR_shmctl, hostile_shmid(), hostile_cmd(),
		     hostile_ptr(), 0, 0, 0);
	}
}

/* ipc(117): every call number, with the shm ones' arguments in place. */
static void op_ipc(void)
{
	unsigned long nr = below(8) ? (unsigned long)ipc_calls[
		below(ARRAY_LEN(ipc_calls))] : hostile_int();
	unsigned long *result = (unsigned long *)scratch;
	long r;

	if (below(4) == 0)
		nr |= below(4) << 16;		/* a version in the top half */
	switch (nr) {
	case 21:
		*result = 0;
		r = call(__NR_ipc, nr, hostile_shmid(), hostile_shmatflg(),
			 below(4) ? (unsigned long)result : hostile_ptr(),
			 hostile_shmaddr(), 0);
		if (r == 0)
			note_attach((long)*result);
		break;
	case 23:
		remember(shm_ids, &nshm, call(__NR_ipc, nr, hostile_key(),
			 hostile_size() & (below(2) ? 0xFFFF : ~0UL),
			 hostile_shmflg(), 0, 0));
		break;
	case 24:
		call(__NR_ipc, nr, hostile_shmid(), hostile_cmd(), 0,
		     hostile_ptr(), 0);
		break;
	default:
		call(__NR_ipc, nr, any_arg(), any_arg(), any_arg(),
		     hostile_ptr(), any_arg());
	}
}

/* Semaphore sets and message queues, through the direct calls. */
#define NR_semget	393
#define NR_semctl	394
#define NR_msgget	399
#define NR_msgsnd	400
#define NR_msgrcv	401
#define NR_msgctl	402
#define NR_semtimedop	420
#define SEM_UNDO_FLAG	0x1000

static const short sem_cmds[] = {
	IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO, 11, 12, 13, 14, 15, 16, 17,
	18, 19, 20,		/* GETPID .. SETALL, SEM_STAT, SEM_INFO, ANY */
};
static const short msg_cmds[] = {
	IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO, 11, 12, 13,
};
static int sem_ids[MAX_POOL], nsem, msg_ids[MAX_POOL], nmsg;

static unsigned long pool_or_any(const int *pool, int n)
{
	return n && below(4) ? (unsigned long)pool[below(n)] : hostile_int();
}

static unsigned long one_of(const short *cmds, unsigned n)
{
	unsigned long cmd = below(8) ? (unsigned long)cmds[below(n)] :
		hostile_int();

	return below(2) ? cmd | IPC_64 : cmd;
}

/* IPC_NOWAIT nearly always: a batch that waits only waits for alarm. */
static unsigned long ipc_wait_flags(void)
{
	return (below(8) ? IPC_NOWAIT : 0) | (below(2) ? SEM_UNDO_FLAG : 0) |
	       (below(8) ? 0 : hostile_int());
}

static void op_sem(void)
{
	unsigned short *ops = (unsigned short *)(scratch + 1536);
	int n = below(4);

	switch (below(3)) {
	case 0:
		remember(sem_ids, &nsem, call(NR_semget, hostile_key(),
			 below(4) ? below(8) : hostile_int(),
			 hostile_shmflg(), 0, 0, 0));
		break;
	case 1:
		call(NR_semctl, pool_or_any(sem_ids, nsem), below(8),
		     one_of(sem_cmds, ARRAY_LEN(sem_cmds)),
		     below(2) ? below(32768) : hostile_ptr(), 0, 0);
		break;
	default:
		for (int i = 0; i < n; i++) {
			ops[3 * i] = below(8);
			ops[3 * i + 1] = below(5) - 2;
			ops[3 * i + 2] = ipc_wait_flags();
		}
		call(NR_semtimedop, pool_or_any(sem_ids, nsem),
		     below(8) ? (unsigned long)ops : hostile_ptr(),
		     below(8) ? (unsigned long)n : hostile_int(), 0, 0, 0);
	}
}

static void op_msg(void)
{
	long *msg = (long *)(scratch + 1792);

	msg[0] = below(4) ? (long)below(4) + 1 : (long)hostile_int();
	switch (below(4)) {
	case 0:
		remember(msg_ids, &nmsg, call(NR_msgget, hostile_key(),
			 hostile_shmflg(), 0, 0, 0, 0));
		break;
	case 1:
		call(NR_msgsnd, pool_or_any(msg_ids, nmsg),
		     below(8) ? (unsigned long)msg : hostile_ptr(),
		     below(2) ? below(200) : hostile_size(),
		     ipc_wait_flags(), 0, 0);
		break;
	case 2:
		call(NR_msgrcv, pool_or_any(msg_ids, nmsg),
		     below(8) ? (unsigned long)msg : hostile_ptr(),
		     below(2) ? below(200) : hostile_size(),
		     below(2) ? below(6) - 2 : hostile_int(),
		     ipc_wait_flags(), 0);
		break;
	default:
		call(NR_msgctl, pool_or_any(msg_ids, nmsg),
		     one_of(msg_cmds, ARRAY_LEN(msg_cmds)), hostile_ptr(),
		     0, 0, 0);
	}
}

/* ---- signals ---------------------------------------------------------- */

static volatile unsigned long handled;

static void quiet_handler(int sig)
{
	(void)sig;
	handled++;
}

/* Signals whose handling the fuzzer keeps: alarm ends a stuck batch. */
static int kept_signal(int sig)
{
	return sig == SIGALRM || sig == SIGKILL || sig == SIGSTOP;
}

/* Our handler for sig, installed through libc (it returns by the restorer). */
static void catch_signal(int sig)
{
	struct sigaction sa;

	if (sig < 1 || sig >= NSIG || kept_signal(sig))
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = quiet_handler;
	sa.sa_flags = rnd() & (SA_NODEFER | SA_RESETHAND | SA_RESTART |
			       SA_SIGINFO);
	shared->calls++;
	sigaction(sig, &sa, NULL);
}

static int stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	       sig == SIGTTOU;
}

/*
 * For a random signal: our handler (through libc, so that it returns by
 * the restorer), or through raw rt_sigaction SIG_IGN, SIG_DFL or a
 * garbage handler, with random flags and mask, and now and then a
 * hostile struct pointer or set size.
 */
static void op_sigaction(void)
{
	unsigned long *act = (unsigned long *)(scratch + 512);
	static const unsigned long handlers[] = {
		(unsigned long)SIG_IGN, (unsigned long)SIG_DFL,
	};
	int sig = below(70);

	if (kept_signal(sig))
		return;
	if (below(3) == 0) {
		catch_signal(sig);
		return;
	}
	act[0] = below(3) ? handlers[below(2)] : hostile_code_ptr();
	act[1] = below(2) ? 0 : hostile_int() & ~(unsigned long)SA_RESTORER;
	act[2] = 0;
	act[3] = rnd() & ~(1UL << (SIGALRM - 1));
	act[4] = rnd();
	call(__NR_rt_sigaction, sig, below(8) ? (unsigned long)act :
	     hostile_code_ptr(), below(2) ? 0 : hostile_ptr(),
	     below(8) ? 8 : hostile_int(), 0, 0);
}

static void op_sigmask(void)
{
	unsigned long set[2] = { rnd(), rnd() };

	set[0] &= ~(1UL << (SIGALRM - 1));
	call(__NR_rt_sigprocmask, below(4),
	     below(8) ? (unsigned long)set : hostile_ptr(),
	     below(2) ? 0 : hostile_ptr(), below(8) ? 8 : hostile_int(),
	     0, 0);
	if (below(4) == 0)
		call(__NR_rt_sigpending, hostile_ptr(), below(2) ? 8 :
		     hostile_int(), 0, 0, 0, 0);
}

/*
 * A signal to ourselves, our group (from the batch, not a churn child) or
 * a child of ours; never further. What would stop or kill the batch goes
 * to children only.
 */
static void op_kill(void)
{
	unsigned long target;
	int sig = below(70);

	if (sig == SIGALRM)
		return;
	switch (below(4)) {
	case 0: target = in_churn ? (unsigned long)getpid() : 0; break;
	case 1: target = nkids ? (unsigned long)kids[below(nkids)] : 0; break;
	default: target = getpid();
	}
	if (target == 0 || target == (unsigned long)getpid()) {
		if (stop_signal(sig) || sig == SIGKILL)
			return;		/* a stopped batch only waits */
		catch_signal(sig);	/* a handler runs; default deaths are
					   for the children */
	}
	call(__NR_kill, target, sig, 0, 0, 0, 0);
}

/* ---- processes -------------------------------------------------------- */

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

/* ---- hostile frames --------------------------------------------------- */

/* Where a forged frame the kernel accepts resumes: exit(0), no stack. */
void fuzz_landing(void);
__asm__(".text\n"
	".globl fuzz_landing\n"
	"fuzz_landing:\n"
	"	movl $1, %eax\n"
	"	xorl %ebx, %ebx\n"
	"	int $0x80\n");

/* struct sigcontext, Linux i386: the words sigreturn reads back. */
enum { SC_GS, SC_FS, SC_ES, SC_DS, SC_EDI, SC_ESI, SC_EBP, SC_ESP, SC_EBX,
       SC_EDX, SC_ECX, SC_EAX, SC_TRAPNO, SC_ERR, SC_EIP, SC_CS, SC_EFLAGS,
       SC_ESP_AT_SIGNAL, SC_SS, SC_FPSTATE, SC_OLDMASK, SC_CR2, SC_WORDS };
#define RT_SC_OFFSET	160	/* esp to uc_mcontext, for rt_sigreturn */
#define FRAME_SPAN	1024
#define TLS_FIRST	6	/* set_thread_area's GDT entries 6..8 */

static unsigned long segment(int which)
{
	unsigned short v = 0;

	switch (which) {
	case 0: __asm__("movw %%cs, %0" : "=r"(v)); break;
	case 1: __asm__("movw %%ss, %0" : "=r"(v)); break;
	default: __asm__("movw %%ds, %0" : "=r"(v));
	}
	return v;
}

/* A selector: ours, null, a TLS slot, one of any ring, or any bits. */
static unsigned long hostile_selector(int which)
{
	switch (below(5)) {
	case 0: case 1: return segment(which);
	case 2: return 0;
	case 3: return ((TLS_FIRST + below(3)) << 3) | below(4);
	default: return below(2) ? (below(32) << 3) | below(8) : rnd();
	}
}

/* Garbage around esp; half the time a sigcontext that is nearly right. */
static void forge(unsigned long *sc)
{
	unsigned long *from = sc - 64;

	for (int i = 0; i < FRAME_SPAN / 4; i++)
		from[i] = rnd();
	if (below(2))
		return;
	sc[SC_GS] = hostile_selector(2);
	sc[SC_FS] = hostile_selector(2);
	sc[SC_ES] = hostile_selector(2);
	sc[SC_DS] = hostile_selector(2);
	sc[SC_ESP] = (unsigned long)scratch + PAGE_SIZE / 2;
	sc[SC_EIP] = below(4) ? (unsigned long)fuzz_landing : hostile_ptr();
	sc[SC_CS] = hostile_selector(0);
	sc[SC_SS] = hostile_selector(1);
	sc[SC_EFLAGS] = below(2) ? 0x202 : rnd();
	sc[SC_FPSTATE] = below(2) ? 0 : hostile_ptr();
	sc[SC_OLDMASK] = rnd();
}

/* sigreturn or rt_sigreturn with esp at a forged or hostile frame. */
static void return_through_garbage(void)
{
	int rt = below(2);
	unsigned long esp = (unsigned long)scratch + PAGE_SIZE + 256;
	unsigned long *sc = (unsigned long *)(esp + (rt ? RT_SC_OFFSET : 0));

	if (below(4) == 0)
		syscall(NR_set_thread_area, below(2) ? hostile_ptr() :
			(unsigned long)(scratch + 2048), 0, 0, 0, 0, 0);
	forge(sc);
	if (below(8) == 0)
		esp = hostile_ptr();
	__asm__ volatile("movl %1, %%esp\n\t"
			 "int $0x80\n\t"
			 "jmp fuzz_landing"
			 : : "a"(rt ? __NR_rt_sigreturn : NR_sigreturn),
			   "S"(esp) : "memory");
}

/* A signal delivered while esp points nowhere a frame can be written. */
static void signal_on_bad_stack(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = quiet_handler;
	sigaction(SIGUSR1, &sa, NULL);
	__asm__ volatile("movl %1, %%esp\n\t"
			 "int $0x80\n\t"
			 "jmp fuzz_landing"
			 : : "a"(__NR_kill), "S"(hostile_ptr()),
			   "b"(getpid()), "c"(SIGUSR1) : "memory");
}

static void op_frame(void)
{
	in_grandchild(below(4) ? return_through_garbage : signal_on_bad_stack,
		      1);
}

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

static int on_lintel(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "Lintel");
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
