/*
 * shm_test.h - what the SysV shared-memory tests (test_shm_*.c) share.
 *
 * The tests pin down the Linux i386 ABI that Lintel speaks, and every one
 * of them must also pass on a real Linux host. So that a test says exactly
 * which bytes cross the user/kernel boundary, the structures the kernel
 * copies are spelt out here under abi_* names instead of borrowing libc's
 * (whose field names vary between libcs), and the raw entry points are
 * here too: the ipc(117) multiplexer and the direct calls 395-398.
 *
 * Every segment a test creates goes through seg_track(); seg_cleanup_all()
 * removes whatever is left, so a failing case does not leak segments into
 * the next run. Keys come from test_key(), which mixes in the pid, so two
 * test programs running at once never meet on a key.
 */
#ifndef _SHM_TEST_H
#define _SHM_TEST_H

#include <stdint.h>
#include <unistd.h>
#include <sched.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/syscall.h>

#include "check.h"

#define PAGE_SIZE	4096UL

/*
 * Numbers the tests need whether or not libc's headers spell them. The
 * values are the Linux i386 ones (include/uapi/linux/{ipc,shm}.h).
 */
#define ABI_IPC_64		0x0100	/* cmd flag: shmid64_ds layout */
#define ABI_SHM_LOCK		11
#define ABI_SHM_UNLOCK		12
#define ABI_SHM_STAT		13
#define ABI_SHM_INFO		14
#define ABI_SHM_STAT_ANY	15
#define ABI_SHM_DEST		01000	/* mode: removed, still attached */
#define ABI_SHM_LOCKED		02000	/* mode: SHM_LOCK in force */
#define ABI_SHM_RDONLY		010000
#define ABI_SHM_RND		020000
#define ABI_SHM_REMAP		040000
#define ABI_SHM_NORESERVE	010000	/* shmget flag, no effect */
#define ABI_SHMLBA		4096

/* ipc(117) call numbers; the high 16 bits of `call' are a version. */
#define IPCOP_SHMAT		21
#define IPCOP_SHMDT		22
#define IPCOP_SHMGET		23
#define IPCOP_SHMCTL		24
#define IPCOP_VERSION(v)	((v) << 16)

#ifndef __NR_umask
#define __NR_umask		60
#endif
#ifndef __NR_time
#define __NR_time		13
#endif
#ifndef __NR_uname
#define __NR_uname		122
#endif
#ifndef __NR_sysinfo
#define __NR_sysinfo		116
#endif

/* The i386 struct ipc64_perm: 32-bit ids, 16-bit mode padded to 32. */
struct abi_ipc64_perm {
	int32_t key;
	uint32_t uid, gid, cuid, cgid;
	uint16_t mode;
	uint16_t pad1;
	uint16_t seq;
	uint16_t pad2;
	uint32_t unused1, unused2;
};

/* The i386 struct shmid64_ds (what IPC_64 and shmctl(396) copy). */
struct abi_shmid64_ds {
	struct abi_ipc64_perm shm_perm;
	uint32_t shm_segsz;
	uint32_t shm_atime, shm_atime_high;
	uint32_t shm_dtime, shm_dtime_high;
	uint32_t shm_ctime, shm_ctime_high;
	int32_t shm_cpid, shm_lpid;
	uint32_t shm_nattch;
	uint32_t unused4, unused5;
};

/*
 * The old 48-byte struct shmid_ds of Linux 1.x, still what ipc(117)
 * SHMCTL copies when cmd lacks IPC_64. 1.2.13 kept its private fields
 * (shm_npages, shm_pages, attaches) in the last three slots and copied
 * them out uninitialised; today they must come back zero.
 */
struct abi_old_ipc_perm {
	int32_t key;
	uint16_t uid, gid, cuid, cgid;
	uint16_t mode;
	uint16_t seq;
};

struct abi_old_shmid_ds {
	struct abi_old_ipc_perm shm_perm;
	int32_t shm_segsz;
	int32_t shm_atime, shm_dtime, shm_ctime;
	uint16_t shm_cpid, shm_lpid;
	uint16_t shm_nattch;
	uint16_t unused;
	uint32_t unused2, unused3;
};

/* IPC_INFO with IPC_64 fills shminfo64; without it the 20-byte shminfo. */
struct abi_shminfo64 {
	uint32_t shmmax, shmmin, shmmni, shmseg, shmall;
	uint32_t unused1, unused2, unused3, unused4;
};

struct abi_old_shminfo {
	int32_t shmmax, shmmin, shmmni, shmseg, shmall;
};

/* SHM_INFO fills this one layout whatever the version. */
struct abi_shm_info {
	int32_t used_ids;
	uint32_t shm_tot, shm_rss, shm_swp;
	uint32_t swap_attempts, swap_successes;
};

_Static_assert(sizeof(struct abi_ipc64_perm) == 36, "ipc64_perm is 36 bytes");
_Static_assert(sizeof(struct abi_shmid64_ds) == 84, "shmid64_ds is 84 bytes");
_Static_assert(sizeof(struct abi_old_shmid_ds) == 48, "shmid_ds is 48 bytes");
_Static_assert(sizeof(struct abi_shminfo64) == 36, "shminfo64 is 36 bytes");
_Static_assert(sizeof(struct abi_old_shminfo) == 20, "shminfo is 20 bytes");
_Static_assert(sizeof(struct abi_shm_info) == 24, "shm_info is 24 bytes");

/* The byte tests poison buffers with, to see which bytes the kernel wrote. */
#define POISON	0xAA

/* Bad user pointers: all-ones, the first kernel address, and NULL. */
#define BAD_PTR_NEG1	((void *)-1L)
#define BAD_PTR_KERNEL	((void *)0xC0000000UL)
#define BAD_PTR_NULL	((void *)0)

/* ---- the raw entry points ------------------------------------------- */

/* ipc(117), the multiplexer 1.2.13 had and libcs still use on i386. */
static inline long ipc_call(long call, long first, long second, long third,
			    const void *ptr)
{
	return syscall(__NR_ipc, call, first, second, third, ptr, 0L);
}

static inline int ipc_shmget(key_t key, size_t size, int flg)
{
	return ipc_call(IPCOP_SHMGET, key, size, flg, NULL);
}

/* SHMAT returns 0 and stores the address through `third' (raddr). */
static inline long ipc_shmat(int id, const void *addr, int flg,
			     unsigned long *raddr)
{
	return ipc_call(IPCOP_SHMAT, id, flg, (long)raddr, addr);
}

static inline int ipc_shmdt(const void *addr)
{
	return ipc_call(IPCOP_SHMDT, 0, 0, 0, addr);
}

static inline int ipc_shmctl(int id, int cmd, void *buf)
{
	return ipc_call(IPCOP_SHMCTL, id, cmd, 0, buf);
}

/* The direct calls Linux added for i386 in 5.1. shmctl(396) takes no
 * IPC_64 flag: it always speaks shmid64_ds. */
static inline int sys_shmget(key_t key, size_t size, int flg)
{
	return syscall(__NR_shmget, key, size, flg);
}

static inline void *sys_shmat(int id, const void *addr, int flg)
{
	return (void *)syscall(__NR_shmat, id, addr, flg);
}

static inline int sys_shmdt(const void *addr)
{
	return syscall(__NR_shmdt, addr);
}

static inline int sys_shmctl(int id, int cmd, void *buf)
{
	return syscall(__NR_shmctl, id, cmd, buf);
}

/* IPC_STAT into the ABI struct, through the multiplexer with IPC_64. */
static inline int stat64_of(int id, struct abi_shmid64_ds *ds)
{
	return ipc_shmctl(id, IPC_STAT | ABI_IPC_64, ds);
}

/* shm_nattch of a segment, or -1 when IPC_STAT fails. */
static inline long nattch_of(int id)
{
	struct abi_shmid64_ds ds;

	if (stat64_of(id, &ds) < 0)
		return -1;
	return ds.shm_nattch;
}

/* shm_perm.mode, or -1 when IPC_STAT fails. */
static inline long mode_of(int id)
{
	struct abi_shmid64_ds ds;

	if (stat64_of(id, &ds) < 0)
		return -1;
	return ds.shm_perm.mode;
}

static inline int ipc_info(struct abi_shminfo64 *si)
{
	return ipc_shmctl(0, IPC_INFO | ABI_IPC_64, si);
}

static inline int shm_info(struct abi_shm_info *si)
{
	return ipc_shmctl(0, ABI_SHM_INFO | ABI_IPC_64, si);
}

/*
 * The index of segment `id' in the kernel's table: SHM_STAT takes an
 * index and returns the id there. The id's encoding is the kernel's
 * business, so search 0..max index (SHM_INFO's return) as LTP does.
 * Returns -1 if not found.
 */
static inline int index_of(int id)
{
	struct abi_shmid64_ds ds;
	struct abi_shm_info si;
	int i, max = shm_info(&si);

	for (i = 0; i <= max; i++)
		if (ipc_shmctl(i, ABI_SHM_STAT | ABI_IPC_64, &ds) == id)
			return i;
	return -1;
}

/*
 * IPC_STAT without the read check: find id's index with SHM_STAT_ANY,
 * which needs no permission, so even a mode-0 segment can be looked at.
 * Returns 0, or -1 if id is not found.
 */
static inline int stat_any_of(int id, struct abi_shmid64_ds *ds)
{
	struct abi_shm_info si;
	int i, max = shm_info(&si);

	for (i = 0; i <= max; i++)
		if (ipc_shmctl(i, ABI_SHM_STAT_ANY | ABI_IPC_64, ds) == id)
			return 0;
	return -1;
}

/* Seconds since the epoch, straight from the kernel (time, 13). */
static inline long now(void)
{
	return syscall(__NR_time, 0);
}

/* ---- keys and segment bookkeeping ------------------------------------ */

/*
 * A key private to this process: a tag bit, the pid and a small number.
 * Never IPC_PRIVATE (0), always positive.
 */
static inline key_t test_key(int n)
{
	return (key_t)(0x40000000 | ((getpid() & 0x3fffff) << 8) | (n & 0xff));
}

#define MAX_TRACKED	64

static int tracked_ids[MAX_TRACKED];
static int ntracked;

/* Remember a segment so seg_cleanup_all() removes it; returns id. */
static inline int seg_track(int id)
{
	int i;

	if (id < 0)
		return id;
	for (i = 0; i < ntracked; i++)
		if (tracked_ids[i] == id)
			return id;
	if (ntracked < MAX_TRACKED)
		tracked_ids[ntracked++] = id;
	return id;
}

static inline void seg_untrack(int id)
{
	int i;

	for (i = 0; i < ntracked; i++) {
		if (tracked_ids[i] == id) {
			tracked_ids[i] = tracked_ids[--ntracked];
			return;
		}
	}
}

/* IPC_RMID a tracked segment and forget it; returns shmctl's result. */
static inline int seg_rm(int id)
{
	seg_untrack(id);
	return shmctl(id, IPC_RMID, NULL);
}

/* shmget() that records what it creates. */
static inline int seg_get(key_t key, size_t size, int flg)
{
	return seg_track(shmget(key, size, flg));
}

/* A fresh private segment of `size' bytes, mode 0600. */
static inline int seg_new(size_t size)
{
	return seg_get(IPC_PRIVATE, size, IPC_CREAT | 0600);
}

static inline void seg_cleanup_all(void)
{
	while (ntracked > 0)
		seg_rm(tracked_ids[ntracked - 1]);
}

/*
 * Remove segments that an earlier process with our pid left under our
 * keys (a crashed run), so IPC_EXCL cases start from a clean slate.
 */
static inline void seg_purge_keys(void)
{
	int n, id;

	for (n = 0; n < 256; n++) {
		id = shmget(test_key(n), 0, 0);
		if (id >= 0)
			shmctl(id, IPC_RMID, NULL);
	}
}

/* ---- addresses ------------------------------------------------------- */

/*
 * An address where `pages' pages are known to be free and SHMLBA-aligned:
 * attach a scratch segment that big, note where the kernel put it, and
 * detach it (LTP's PROBE_FREE_ADDR does the same). NULL on failure.
 */
static inline char *probe_free_addr(size_t pages)
{
	int id = shmget(IPC_PRIVATE, pages * PAGE_SIZE, IPC_CREAT | 0600);
	char *p;

	if (id < 0)
		return NULL;
	p = shmat(id, NULL, 0);
	shmctl(id, IPC_RMID, NULL);
	if (p == (char *)-1)
		return NULL;
	shmdt(p);
	return p;
}

static inline int page_aligned(const void *p)
{
	return ((unsigned long)p & (PAGE_SIZE - 1)) == 0;
}

/* ---- processes ------------------------------------------------------- */

static inline int am_root(void)
{
	return geteuid() == 0;
}

/* fork() with stdout flushed, so buffered lines are not printed twice. */
static inline pid_t fork_child(void)
{
	fflush(stdout);
	return fork();
}

/*
 * A child ends a case it checked with child_exit(): it has already
 * printed its own FAILED line, so its exit status only says whether it
 * did. fflush because _exit does not flush stdio.
 */
static inline void child_exit(void)
{
	fflush(stdout);
	_exit(check_case_failed ? 1 : 0);
}

/*
 * wait_word() may reap a child early (to notice that it died); it keeps
 * the status here so that wait_status() still finds it.
 */
static pid_t reaped_pid;
static int reaped_status;

/* The wait status of `pid', or -1 if waitpid fails. */
static inline int wait_status(pid_t pid)
{
	int status;

	if (pid == reaped_pid) {
		reaped_pid = 0;
		return reaped_status;
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/*
 * Collect a child that ended with child_exit(): exit 0 is a pass, exit 1
 * means it printed a FAILED line for this case (so mark the case failed
 * without printing another), anything else is reported here.
 */
static inline void child_verdict(pid_t pid)
{
	int status = wait_status(pid);

	if (status < 0)
		FAIL("waitpid(%d) failed: errno %d", (int)pid, errno);
	else if (WIFSIGNALED(status))
		FAIL("child killed by signal %d", WTERMSIG(status));
	else if (WEXITSTATUS(status) == 1)
		check_case_failed = 1;
	else if (WEXITSTATUS(status) != 0)
		FAIL("child exited %d", WEXITSTATUS(status));
}

/*
 * Spin, yielding, until *word == want. Gives up (returning 0) when the
 * process `other' has ended or after a bound generous enough for a slow
 * emulator, so a broken kernel fails the case instead of hanging it.
 */
#define SPIN_LIMIT	5000000L

static inline int wait_word(volatile int *word, int want, pid_t other)
{
	long spins;
	int status;

	for (spins = 0; spins < SPIN_LIMIT; spins++) {
		if (*word == want)
			return 1;
		if ((spins & 255) == 255 && other > 0 &&
		    waitpid(other, &status, WNOHANG) == other) {
			reaped_pid = other;
			reaped_status = status;
			return *word == want;
		}
		sched_yield();
	}
	return 0;
}

/* ---- faults ---------------------------------------------------------- */

/*
 * probe_write() writes one byte in a child and reports how that went, as
 * the child's exit code: the child installs a SA_SIGINFO handler that
 * checks si_addr and si_code, so a kernel that delivers SIGSEGV with the
 * wrong details is caught too.
 */
#define WRITE_DONE		40	/* the write went through */
#define WRITE_SEGV_OK		41	/* SIGSEGV, right address and code */
#define WRITE_SEGV_BAD_ADDR	42	/* SIGSEGV, si_addr wrong */
#define WRITE_SEGV_BAD_CODE	43	/* SIGSEGV, si_code wrong */

static volatile char *segv_want_addr;
static volatile int segv_want_code;

static void segv_check_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	if (sig != SIGSEGV || si->si_signo != SIGSEGV)
		_exit(WRITE_SEGV_BAD_CODE);
	if ((volatile char *)si->si_addr != segv_want_addr)
		_exit(WRITE_SEGV_BAD_ADDR);
	if (si->si_code != segv_want_code)
		_exit(WRITE_SEGV_BAD_CODE);
	_exit(WRITE_SEGV_OK);
}

/*
 * Write `val' at `addr' in a child. With `code' > 0 the child catches
 * SIGSEGV and checks it was for addr with that si_code; with code 0 it
 * has no handler, so a fault kills it. Returns the child's wait status.
 */
static inline int probe_write(char *addr, char val, int code)
{
	struct sigaction sa;
	pid_t pid = fork_child();

	if (pid == 0) {
		if (code > 0) {
			memset(&sa, 0, sizeof(sa));
			sa.sa_sigaction = segv_check_handler;
			sa.sa_flags = SA_SIGINFO;
			sigemptyset(&sa.sa_mask);
			segv_want_addr = addr;
			segv_want_code = code;
			sigaction(SIGSEGV, &sa, NULL);
		}
		*(volatile char *)addr = val;
		_exit(WRITE_DONE);
	}
	if (pid < 0)
		return -1;
	return wait_status(pid);
}

/* A wait status from probe_write(), in words for a failure message. */
static inline const char *write_outcome(int status)
{
	if (status == -1)
		return "fork or wait failed";
	if (WIFSIGNALED(status))
		return WTERMSIG(status) == SIGSEGV ? "killed by SIGSEGV" :
		       "killed by another signal";
	switch (WEXITSTATUS(status)) {
	case WRITE_DONE:
		return "the write went through";
	case WRITE_SEGV_OK:
		return "SIGSEGV at the address with the expected si_code";
	case WRITE_SEGV_BAD_ADDR:
		return "SIGSEGV but si_addr wrong";
	case WRITE_SEGV_BAD_CODE:
		return "SIGSEGV but si_code wrong";
	}
	return "the child exited oddly";
}

static inline int write_went_through(int status)
{
	return status != -1 && WIFEXITED(status) &&
	       WEXITSTATUS(status) == WRITE_DONE;
}

static inline int write_killed_by_segv(int status)
{
	return status != -1 && WIFSIGNALED(status) &&
	       WTERMSIG(status) == SIGSEGV;
}

static inline int write_segv_as_expected(int status)
{
	return status != -1 && WIFEXITED(status) &&
	       WEXITSTATUS(status) == WRITE_SEGV_OK;
}

/*
 * The directory this program was started from, with a trailing slash:
 * helpers live beside the tests (host: build/user/tests/, guest: /tests/).
 */
static inline void prog_dir(const char *argv0, char *buf, size_t size)
{
	const char *slash = strrchr(argv0, '/');
	size_t n;

	if (!slash) {
		snprintf(buf, size, "./");
		return;
	}
	n = slash - argv0 + 1;
	if (n >= size)
		n = size - 1;
	memcpy(buf, argv0, n);
	buf[n] = '\0';
}

#endif
