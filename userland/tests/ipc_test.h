/*
 * ipc_test.h - what the semaphore and message-queue tests share.
 *
 * As shm_test.h does for shm (whose keys, skips and process helpers this
 * reuses), the structures the kernel copies are spelt out under abi_*
 * names, and the raw entry points are here: the ipc(117) multiplexer's
 * calls 1-4 and 11-14, and the direct calls 393, 394, 399-402 and 420.
 *
 * Every set and queue a test makes is tracked; ipc_cleanup_all() removes
 * what is left, and ipc_check_no_leak() proves the kernel holds nothing
 * of ours afterwards.
 */
#ifndef _IPC_TEST_H
#define _IPC_TEST_H

#include <fcntl.h>
#include <time.h>
#include <sys/sem.h>
#include <sys/msg.h>

#include "shm_test.h"
#include "child.h"

/* ipc(117) call numbers for semaphores and message queues */
#define IPCOP_SEMOP		1
#define IPCOP_SEMGET		2
#define IPCOP_SEMCTL		3
#define IPCOP_SEMTIMEDOP	4
#define IPCOP_MSGSND		11
#define IPCOP_MSGRCV		12
#define IPCOP_MSGGET		13
#define IPCOP_MSGCTL		14

#define NR_semget		393
#define NR_semctl		394
#define NR_msgget		399
#define NR_msgsnd		400
#define NR_msgrcv		401
#define NR_msgctl		402
#define NR_semtimedop_time64	420

#define ABI_SEMVMX		32767	/* the same on every Linux */

/* The i386 struct semid64_ds. */
struct abi_semid64_ds {
	struct abi_ipc64_perm sem_perm;
	uint32_t sem_otime, sem_otime_high;
	uint32_t sem_ctime, sem_ctime_high;
	uint32_t sem_nsems;
	uint32_t unused3, unused4;
};

/* The old struct semid_ds: kernel pointers in the middle, zero today. */
struct abi_old_semid_ds {
	struct abi_old_ipc_perm sem_perm;
	int32_t sem_otime, sem_ctime;
	uint32_t sem_base, sem_pending, sem_pending_last, undo;
	uint16_t sem_nsems;
	uint16_t pad;
};

struct abi_seminfo {
	int32_t semmap, semmni, semmns, semmnu, semmsl, semopm, semume,
		semusz, semvmx, semaem;
};

/* The i386 struct msqid64_ds. */
struct abi_msqid64_ds {
	struct abi_ipc64_perm msg_perm;
	uint32_t msg_stime, msg_stime_high;
	uint32_t msg_rtime, msg_rtime_high;
	uint32_t msg_ctime, msg_ctime_high;
	uint32_t msg_cbytes, msg_qnum, msg_qbytes;
	int32_t msg_lspid, msg_lrpid;
	uint32_t unused4, unused5;
};

/* The old struct msqid_ds: 16-bit counts, the l-fields hold 32 bits. */
struct abi_old_msqid_ds {
	struct abi_old_ipc_perm msg_perm;
	uint32_t msg_first, msg_last;
	int32_t msg_stime, msg_rtime, msg_ctime;
	uint32_t msg_lcbytes, msg_lqbytes;
	uint16_t msg_cbytes, msg_qnum, msg_qbytes;
	uint16_t msg_lspid, msg_lrpid;
	uint16_t pad;
};

struct abi_msginfo {
	int32_t msgpool, msgmap, msgmax, msgmnb, msgmni, msgssz, msgtql;
	uint16_t msgseg;
	uint16_t pad;
};

/* timespecs: ipc(SEMTIMEDOP) takes 32-bit fields, call 420 64-bit ones */
struct abi_timespec32 {
	int32_t tv_sec, tv_nsec;
};

struct abi_timespec64 {
	int64_t tv_sec, tv_nsec;
};

_Static_assert(sizeof(struct abi_semid64_ds) == 64, "semid64_ds is 64 bytes");
_Static_assert(sizeof(struct abi_old_semid_ds) == 44, "semid_ds is 44 bytes");
_Static_assert(sizeof(struct abi_seminfo) == 40, "seminfo is 40 bytes");
_Static_assert(sizeof(struct abi_msqid64_ds) == 88, "msqid64_ds is 88 bytes");
_Static_assert(sizeof(struct abi_old_msqid_ds) == 56, "msqid_ds is 56 bytes");
_Static_assert(sizeof(struct abi_msginfo) == 32, "msginfo is 32 bytes");

/* ---- the raw entry points ------------------------------------------- */

static inline int ipc_semget(key_t key, int nsems, int flg)
{
	return ipc_call(IPCOP_SEMGET, key, nsems, flg, NULL);
}

static inline int ipc_semop(int id, struct sembuf *sops, unsigned nsops)
{
	return ipc_call(IPCOP_SEMOP, id, nsops, 0, sops);
}

static inline int ipc_semtimedop(int id, struct sembuf *sops, unsigned nsops,
				 const struct abi_timespec32 *ts)
{
	return syscall(__NR_ipc, IPCOP_SEMTIMEDOP, id, nsops, 0, sops, ts);
}

/* ipc(SEMCTL) takes the semun argument by address. */
static inline int ipc_semctl(int id, int num, int cmd, unsigned long arg)
{
	return ipc_call(IPCOP_SEMCTL, id, num, cmd, &arg);
}

static inline int sys_semget(key_t key, int nsems, int flg)
{
	return syscall(NR_semget, key, nsems, flg);
}

static inline int sys_semctl(int id, int num, int cmd, unsigned long arg)
{
	return syscall(NR_semctl, id, num, cmd, arg);
}

static inline int sys_semtimedop64(int id, struct sembuf *sops,
				   unsigned nsops,
				   const struct abi_timespec64 *ts)
{
	return syscall(NR_semtimedop_time64, id, sops, nsops, ts);
}

static inline int ipc_msgget(key_t key, int flg)
{
	return ipc_call(IPCOP_MSGGET, key, flg, 0, NULL);
}

static inline int ipc_msgsnd(int id, const void *msgp, size_t sz, int flg)
{
	return ipc_call(IPCOP_MSGSND, id, sz, flg, msgp);
}

/* Version 1 of MSGRCV: msgp and msgtyp passed directly. */
static inline long ipc_msgrcv(int id, void *msgp, size_t sz, long typ,
			      int flg)
{
	return syscall(__NR_ipc, IPCOP_MSGRCV | IPCOP_VERSION(1), id, sz, flg,
		       msgp, typ);
}

/* Version 0: msgp and msgtyp in a pair behind the pointer. */
static inline long ipc_msgrcv_v0(int id, void *msgp, size_t sz, long typ,
				 int flg)
{
	struct { void *msgp; long msgtyp; } kludge = { msgp, typ };

	return ipc_call(IPCOP_MSGRCV, id, sz, flg, &kludge);
}

static inline int ipc_msgctl(int id, int cmd, void *buf)
{
	return ipc_call(IPCOP_MSGCTL, id, cmd, 0, buf);
}

static inline int sys_msgget(key_t key, int flg)
{
	return syscall(NR_msgget, key, flg);
}

static inline int sys_msgsnd(int id, const void *msgp, size_t sz, int flg)
{
	return syscall(NR_msgsnd, id, msgp, sz, flg);
}

static inline long sys_msgrcv(int id, void *msgp, size_t sz, long typ,
			      int flg)
{
	return syscall(NR_msgrcv, id, msgp, sz, typ, flg);
}

static inline int sys_msgctl(int id, int cmd, void *buf)
{
	return syscall(NR_msgctl, id, cmd, buf);
}

/* ---- bookkeeping ------------------------------------------------------ */

#define IPC_MAX_TRACKED	64

static int tracked_sems[IPC_MAX_TRACKED], ntracked_sems;
static int tracked_msqs[IPC_MAX_TRACKED], ntracked_msqs;

static inline int track_in(int *ids, int *n, int id)
{
	if (id >= 0 && *n < IPC_MAX_TRACKED)
		ids[(*n)++] = id;
	return id;
}

/* semget() that records what it makes. */
static inline int sem_new(key_t key, int nsems, int flg)
{
	return track_in(tracked_sems, &ntracked_sems,
			semget(key, nsems, flg));
}

static inline int msq_new(key_t key, int flg)
{
	return track_in(tracked_msqs, &ntracked_msqs, msgget(key, flg));
}

/* Remove everything tracked; ids already removed just fail. */
static inline void ipc_cleanup_all(void)
{
	while (ntracked_sems > 0)
		semctl(tracked_sems[--ntracked_sems], 0, IPC_RMID);
	while (ntracked_msqs > 0)
		msgctl(tracked_msqs[--ntracked_msqs], IPC_RMID, NULL);
}

/* Sets and queues in use in the whole system (SEM_INFO, MSG_INFO). */
static inline int sems_in_use(void)
{
	struct abi_seminfo si;

	return sys_semctl(0, 0, SEM_INFO, (unsigned long)&si) < 0 ? -1
								 : si.semusz;
}

static inline int msqs_in_use(void)
{
	struct abi_msginfo mi;

	return sys_msgctl(0, MSG_INFO, &mi) < 0 ? -1 : mi.msgpool;
}

/*
 * After a test: every id it made is gone, and (on Lintel, where no one
 * else makes any) the system's counts are back where they started.
 */
static inline void ipc_check_no_leak(const char *name, int sems0, int msqs0)
{
	int sems, msqs;

	ipc_cleanup_all();
	case_begin(name);
	sems = sems_in_use();
	msqs = msqs_in_use();
	if (on_lintel())
		CHECK(sems == sems0 && msqs == msqs0,
		      "sets %d, queues %d in use; %d and %d before", sems,
		      msqs, sems0, msqs0);
	else
		CHECK(sems >= 0 && msqs >= 0, "SEM_INFO %d, MSG_INFO %d",
		      sems, msqs);
	case_end();
}

/* ---- limits ----------------------------------------------------------- */

#define EXHAUST_MAX	256	/* tables bigger than this are not filled */

/*
 * Make objects with make() until it fails, at most limit + 16 of them;
 * each is recorded in ids[] (room for EXHAUST_MAX + 16). Returns how
 * many were made; *err is the errno of the failure (0 if none).
 */
static inline int exhaust(int (*make)(void), int limit, int *ids, int *err)
{
	int n = 0, id;

	*err = 0;
	while (n < limit + 16) {
		id = make();
		if (id < 0) {
			*err = errno;
			break;
		}
		ids[n++] = id;
	}
	return n;
}

/* ---- /proc ------------------------------------------------------------ */

/* A whole /proc file into buf (NUL-terminated); its length, or -1. */
static inline int read_proc(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), len = 0, n;

	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
	return len;
}

/*
 * The line of /proc/sysvipc/<what> whose second column is id, split
 * into up to max numbers (perms read in octal); how many, or 0.
 */
static inline int sysvipc_line(const char *what, int id, long *vals,
			       int max)
{
	static char buf[65536];
	char path[40], *line, *next, *end;
	int n;

	snprintf(path, sizeof(path), "/proc/sysvipc/%s", what);
	if (read_proc(path, buf, sizeof(buf)) < 0)
		return 0;
	for (line = strchr(buf, '\n'); line && *++line; line = next) {
		next = strchr(line, '\n');
		for (n = 0, end = line; n < max; n++, line = end) {
			vals[n] = strtol(line, &end, n == 2 ? 8 : 10);
			if (end == line)
				break;
		}
		if (n >= 2 && vals[1] == id)
			return n;
		if (!next)
			break;
	}
	return 0;
}

/* ---- waiting for a sleeper ------------------------------------------- */

/*
 * Wait until n processes sleep on semaphore num of id for it to grow
 * (zero: to be zero). Bounded like wait_word; 0 if it never happens.
 */
static inline int wait_sem_sleepers(int id, int num, int n, int zero)
{
	long spins;

	for (spins = 0; spins < SPIN_LIMIT / 16; spins++) {
		if (semctl(id, num, zero ? GETZCNT : GETNCNT) == n)
			return 1;
		sched_yield();
	}
	return 0;
}

/*
 * Wait until pid is asleep (state S in /proc/pid/stat): a child that
 * says "about to block" on a pipe and then makes one call is asleep in
 * that call once this returns 1.
 */
static inline int wait_asleep(pid_t pid)
{
	char path[32], buf[128], *p;
	long spins;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	for (spins = 0; spins < SPIN_LIMIT / 16; spins++) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return 0;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		buf[n > 0 ? n : 0] = '\0';
		p = strrchr(buf, ')');
		if (p && p[1] == ' ' && p[2] == 'S')
			return 1;
		sched_yield();
	}
	return 0;
}

/* A SIGALRM handler that only interrupts (no SA_RESTART). */
static void ipc_alarm_handler(int sig)
{
	(void)sig;
}

static inline void interrupt_in(unsigned seconds)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = ipc_alarm_handler;
	sigaction(SIGALRM, &sa, NULL);
	alarm(seconds);
}

/*
 * interrupt_in with SA_RESTART, which msgsnd, msgrcv and semop ignore:
 * Linux never restarts them (signal(7)), they fail with EINTR.
 */
static inline void interrupt_restartable_in(unsigned seconds)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = ipc_alarm_handler;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	alarm(seconds);
}

/* Milliseconds on the monotonic clock. */
static inline long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

#endif
