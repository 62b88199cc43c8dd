/*
 * test_ids.c - the calls glibc and musl make at start-up, in raise() and
 * in fork(): gettid, set_tid_address, tkill, tgkill, set_robust_list and
 * get_robust_list, clone with the tid flags glibc's fork passes,
 * prlimit64 and the two getrlimits, getrandom, madvise; each with the
 * errors Linux gives, bad pointers included.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include "check.h"
#include "child.h"
#include "tls.h"

#define NR_old_getrlimit	76
#define NR_ugetrlimit		191
#define NR_clone		120
#define NR_prctl		172
#define NR_madvise		219
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define COMM_LEN		16
#define NR_sched_setaffinity	241
#define NR_sched_getaffinity	242
#define AFFINITY_WORDS		32
#define NR_gettid		224
#define NR_tkill		238
#define NR_set_tid_address	258
#define NR_tgkill		270
#define NR_set_robust_list	311
#define NR_get_robust_list	312
#define NR_prlimit64		340
#define NR_getrandom		355

#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000
#define ROBUST_HEAD_SIZE	12
#define BAD_SIG			65	/* one past Linux's _NSIG */
#define BAD_PTR			((void *)0xC0000000)
#define GRND_RANDOM		0x0002
#define GRND_INSECURE		0x0004
#define GRND_UNKNOWN		0x0100
#define RANDOM_LEN		64
#define MADV_WILLNEED		3
#define MADV_DONTNEED		4
#define MADV_UNKNOWN		9999
#define PAGE			4096
#define OLD_RLIM_MAX		0x7FFFFFFFUL
#define LIMIT_INFINITY		(~0UL)
#define NO_SUCH_RESOURCE	99
#define NR_RESOURCES		16	/* RLIM_NLIMITS on Linux */

struct rlim64 {
	unsigned long long cur, max;
};

struct rlim32 {
	unsigned long cur, max;
};

#define SI_TKILL_CODE		(-6)	/* Linux's SI_TKILL */

static volatile int got_usr1, usr1_code, usr1_pid;

static void on_usr1(int sig, siginfo_t *info, void *ctx)
{
	(void)sig;
	(void)ctx;
	got_usr1++;
	usr1_code = info->si_code;
	usr1_pid = info->si_pid;
}

/* The pid of a process that has just been reaped: no one has it now. */
static pid_t dead_pid(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, &status, 0);
	return pid;
}

static void test_tid(void)
{
	int word = 7;

	case_begin("gettid_and_set_tid_address_give_the_pid");
	CHECK(syscall(NR_gettid) == getpid(), "gettid %d, got %ld",
	      getpid(), syscall(NR_gettid));
	CHECK(syscall(NR_set_tid_address, &word) == getpid(),
	      "set_tid_address returns the tid");
	CHECK(word == 7, "set_tid_address leaves the word alone, got %d",
	      word);
	case_end();
}

static void test_kill_thread(void)
{
	struct sigaction sa, old;
	pid_t gone = dead_pid(), me = getpid();

	case_begin("tkill_tgkill_deliver_and_errors");
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, &old);
	got_usr1 = 0;
	CHECK_OK(syscall(NR_tgkill, me, me, SIGUSR1));
	CHECK(got_usr1 == 1, "tgkill delivered SIGUSR1 once, got %d",
	      got_usr1);
	CHECK(usr1_code == SI_TKILL_CODE && usr1_pid == me,
	      "si_code SI_TKILL from pid %d, got %d from %d", me, usr1_code,
	      usr1_pid);
	CHECK_OK(syscall(NR_tkill, me, SIGUSR1));
	CHECK(got_usr1 == 2, "tkill delivered SIGUSR1, got %d", got_usr1);
	CHECK_OK(syscall(NR_tkill, me, 0));
	CHECK_ERR(syscall(NR_tkill, 0, 0), EINVAL);
	CHECK_ERR(syscall(NR_tkill, -1, 0), EINVAL);
	CHECK_ERR(syscall(NR_tkill, me, BAD_SIG), EINVAL);
	CHECK_ERR(syscall(NR_tkill, gone, 0), ESRCH);
	CHECK_ERR(syscall(NR_tgkill, 0, me, 0), EINVAL);
	CHECK_ERR(syscall(NR_tgkill, me, 0, 0), EINVAL);
	CHECK_ERR(syscall(NR_tgkill, me, me, BAD_SIG), EINVAL);
	CHECK_ERR(syscall(NR_tgkill, gone, me, 0), ESRCH);
	CHECK_ERR(syscall(NR_tgkill, me, gone, 0), ESRCH);
	sigaction(SIGUSR1, &old, NULL);
	case_end();
}

static void test_robust_list(void)
{
	void *orig_head, *head;
	unsigned long orig_len, len;
	char mine[ROBUST_HEAD_SIZE];

	case_begin("robust_list_stored_and_errors");
	CHECK_OK(syscall(NR_get_robust_list, 0, &orig_head, &orig_len));
	CHECK_OK(syscall(NR_set_robust_list, mine, ROBUST_HEAD_SIZE));
	CHECK_OK(syscall(NR_get_robust_list, 0, &head, &len));
	CHECK(head == mine && len == ROBUST_HEAD_SIZE,
	      "get_robust_list gives %p/%d back, got %p/%lu", (void *)mine,
	      ROBUST_HEAD_SIZE, head, len);
	CHECK_ERR(syscall(NR_set_robust_list, mine, 2 * ROBUST_HEAD_SIZE),
		  EINVAL);
	CHECK_ERR(syscall(NR_get_robust_list, 0, BAD_PTR, &len), EFAULT);
	CHECK_ERR(syscall(NR_get_robust_list, 0, &head, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(NR_get_robust_list, dead_pid(), &head, &len),
		  ESRCH);
	syscall(NR_set_robust_list, orig_head, ROBUST_HEAD_SIZE);
	case_end();
}

/* glibc's fork: the child stores its tid in ctid, the parent in ptid. */
static void test_clone_tids(void)
{
	int ptid = 0, ctid = 0, status;
	long pid;

	case_begin("clone_child_settid_parent_settid");
	pid = syscall(NR_clone, CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID |
		      CLONE_PARENT_SETTID | SIGCHLD, 0, &ptid, 0, &ctid);
	if (pid == 0)
		_exit(ctid == syscall(NR_gettid) ? 0 : 1);
	CHECK(pid > 0, "clone succeeded, errno %d", errno);
	if (pid > 0) {
		CHECK(waitpid(pid, &status, 0) == pid, "waited");
		CHECK(status == 0, "the child found its tid in ctid: %s",
		      describe_status(status));
		CHECK(ptid == pid, "ptid %ld, got %d", pid, ptid);
		CHECK(ctid == 0, "the parent's ctid untouched, got %d", ctid);
	}
	case_end();
}

static void test_prlimit(void)
{
	struct rlim64 got, set, old;
	struct rlim32 r32;
	unsigned long long want;

	case_begin("prlimit64_get_set_and_errors");
	CHECK_OK(syscall(NR_prlimit64, 0, RLIMIT_NOFILE, NULL, &got));
	CHECK_OK(syscall(NR_ugetrlimit, RLIMIT_NOFILE, &r32));
	want = r32.cur == LIMIT_INFINITY ? ~0ULL : r32.cur;
	CHECK(got.cur == want, "prlimit64 and ugetrlimit agree: %lu vs %llu",
	      r32.cur, got.cur);
	set.cur = got.cur - 1;
	set.max = got.max;
	CHECK_OK(syscall(NR_prlimit64, 0, RLIMIT_NOFILE, &set, &old));
	CHECK(old.cur == got.cur, "old value handed back");
	CHECK_OK(syscall(NR_ugetrlimit, RLIMIT_NOFILE, &r32));
	CHECK(r32.cur == set.cur, "the new soft limit %llu, got %lu",
	      set.cur, r32.cur);
	CHECK_OK(syscall(NR_prlimit64, 0, RLIMIT_NOFILE, &got, NULL));
	set.cur = set.max + 1;
	if (set.max != ~0ULL)
		CHECK_ERR(syscall(NR_prlimit64, 0, RLIMIT_NOFILE, &set, NULL),
			  EINVAL);
	CHECK_ERR(syscall(NR_prlimit64, 0, NO_SUCH_RESOURCE, NULL, &got),
		  EINVAL);
	CHECK_ERR(syscall(NR_prlimit64, dead_pid(), RLIMIT_NOFILE, NULL,
			  &got), ESRCH);
	CHECK_ERR(syscall(NR_prlimit64, 0, RLIMIT_NOFILE, BAD_PTR, NULL),
		  EFAULT);
	CHECK_ERR(syscall(NR_prlimit64, 0, RLIMIT_NOFILE, NULL, BAD_PTR),
		  EFAULT);
	case_end();
}

/* The old getrlimit (76) says 0x7fffffff where ugetrlimit says infinity. */
static void test_old_getrlimit(void)
{
	struct rlim32 u, o;
	int res;

	for (res = 0; res < NR_RESOURCES; res++)
		if (syscall(NR_ugetrlimit, res, &u) == 0 &&
		    u.max == LIMIT_INFINITY)
			break;
	if (res == NR_RESOURCES) {
		case_skip("old_getrlimit_clips_infinity",
			  "no resource without a hard limit here");
		return;
	}
	case_begin("old_getrlimit_clips_infinity");
	CHECK_OK(syscall(NR_old_getrlimit, res, &o));
	CHECK(o.max == OLD_RLIM_MAX, "resource %d: max 0x%lx, got 0x%lx",
	      res, OLD_RLIM_MAX, o.max);
	CHECK_ERR(syscall(NR_old_getrlimit, res, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(NR_old_getrlimit, NO_SUCH_RESOURCE, &o), EINVAL);
	case_end();
}

static void test_getrandom(void)
{
	unsigned char a[RANDOM_LEN], b[RANDOM_LEN];

	case_begin("getrandom_fills_and_errors");
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	CHECK(syscall(NR_getrandom, a, sizeof(a), 0) == RANDOM_LEN,
	      "all %d bytes", RANDOM_LEN);
	CHECK(syscall(NR_getrandom, b, sizeof(b), 0) == RANDOM_LEN,
	      "all %d bytes again", RANDOM_LEN);
	CHECK(memcmp(a, b, sizeof(a)) != 0, "two calls, two answers");
	CHECK(syscall(NR_getrandom, a, 0, 0) == 0, "0 bytes asked, 0 given");
	CHECK_ERR(syscall(NR_getrandom, a, sizeof(a), GRND_UNKNOWN), EINVAL);
	CHECK_ERR(syscall(NR_getrandom, a, sizeof(a),
			  GRND_RANDOM | GRND_INSECURE), EINVAL);
	CHECK_ERR(syscall(NR_getrandom, BAD_PTR, sizeof(a), 0), EFAULT);
	case_end();
}

static void test_madvise(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	case_begin("madvise_dontneed_zeroes_and_errors");
	CHECK(p != MAP_FAILED, "two anonymous pages");
	if (p == MAP_FAILED) {
		case_end();
		return;
	}
	p[0] = 'a';
	p[PAGE] = 'b';
	CHECK_OK(syscall(NR_madvise, p, PAGE, MADV_DONTNEED));
	CHECK(p[0] == 0 && p[PAGE] == 'b',
	      "the advised page reads 0, the other keeps its data: %d %d",
	      p[0], p[PAGE]);
	CHECK_OK(syscall(NR_madvise, p, 2 * PAGE, MADV_WILLNEED));
	CHECK_ERR(syscall(NR_madvise, p + 1, PAGE, MADV_WILLNEED), EINVAL);
	CHECK_ERR(syscall(NR_madvise, p, PAGE, MADV_UNKNOWN), EINVAL);
	munmap(p + PAGE, PAGE);
	CHECK_ERR(syscall(NR_madvise, p, 2 * PAGE, MADV_WILLNEED), ENOMEM);
	CHECK_ERR(syscall(NR_madvise, p + PAGE, PAGE, MADV_DONTNEED),
		  ENOMEM);
	munmap(p, PAGE);
	case_end();
}

static void test_affinity(void)
{
	unsigned long mask[AFFINITY_WORDS], none[AFFINITY_WORDS];
	long n;

	case_begin("sched_affinity_get_set_and_errors");
	memset(mask, 0, sizeof(mask));
	memset(none, 0, sizeof(none));
	n = syscall(NR_sched_getaffinity, 0, sizeof(mask), mask);
	CHECK(n > 0 && n % sizeof(long) == 0 && mask[0] != 0,
	      "a whole number of words, some CPU allowed: %ld, 0x%lx", n,
	      mask[0]);
	CHECK_OK(syscall(NR_sched_setaffinity, 0, sizeof(mask), mask));
	CHECK_ERR(syscall(NR_sched_setaffinity, 0, sizeof(none), none),
		  EINVAL);
	CHECK_ERR(syscall(NR_sched_getaffinity, 0, 0, mask), EINVAL);
	CHECK_ERR(syscall(NR_sched_getaffinity, 0, sizeof(mask) - 1, mask),
		  EINVAL);
	CHECK_ERR(syscall(NR_sched_getaffinity, 0, sizeof(mask), BAD_PTR),
		  EFAULT);
	CHECK_ERR(syscall(NR_sched_getaffinity, dead_pid(), sizeof(mask),
			  mask), ESRCH);
	case_end();
}

static void test_prctl_name(void)
{
	char name[COMM_LEN + 8], old[COMM_LEN];

	case_begin("prctl_set_get_name_and_errors");
	CHECK_OK(syscall(NR_prctl, PR_GET_NAME, old));
	CHECK_OK(syscall(NR_prctl, PR_SET_NAME, "a-name-longer-than-15"));
	memset(name, 'x', sizeof(name));
	CHECK_OK(syscall(NR_prctl, PR_GET_NAME, name));
	CHECK(!strcmp(name, "a-name-longer-t"), "cut to 15 bytes, got \"%.20s\"",
	      name);
	CHECK_ERR(syscall(NR_prctl, PR_SET_NAME, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(NR_prctl, PR_GET_NAME, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(NR_prctl, 9999, 0), EINVAL);
	syscall(NR_prctl, PR_SET_NAME, old);
	case_end();
}

int main(void)
{
	test_tid();
	test_kill_thread();
	test_robust_list();
	test_clone_tids();
	test_prlimit();
	test_old_getrlimit();
	test_getrandom();
	test_madvise();
	test_affinity();
	test_prctl_name();
	return check_summary();
}
