/*
 * test_swap_threads.c - munmap under the feet of a thread whose faults
 * sleep on the swap disk.
 *
 * make test boots this in a 16 MiB Lintel swapping on a 64 MiB disk (the
 * runner gives every test_swap* program one): a 32 MiB area, every other
 * page filled with its own pattern, cannot stay in RAM, so most of it is
 * in swap and the pages never touched are still none. A second thread
 * (made by clone itself, so that any C library will do) walks the area
 * page by page and makes the kernel fault each page in: write() from the
 * page into a pipe (a read fault: swap_in, or a fresh zero page whose
 * allocation may itself put pages out), then read() from the pipe into
 * the page (a write fault). Those faults sleep; meanwhile the main thread
 * unmaps the 4 MiB that the walker is in, page table and all. Every
 * access must then either see the page's own data or fail with EFAULT:
 * a fault that wrote through a pte pointer or vma kept across its sleep
 * corrupts a freed page table, which the runner's leak line after the
 * program (frames held) or a kernel bug mark shows. A second walk does
 * the same over a shm segment (removed at once) that is detached, and
 * so destroyed, half way through.
 *
 * On the Linux host the same program runs; the threads really run at
 * once there, and the same two outcomes are the only right ones.
 */
#include <sched.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include "check.h"
#include "raw_thread.h"

#define PAGE_SIZE	4096
#define MIB		(1024UL * 1024)
#define AREA_SIZE	(32 * MIB)
#define AREA_PAGES	(AREA_SIZE / PAGE_SIZE)
#define TABLE_SPAN	(4 * MIB)	/* what one page table maps */
#define TABLE_PAGES	(TABLE_SPAN / PAGE_SIZE)
#define PROBE_BYTES	16		/* bytes moved through the pipe */
#define AS_LIMIT	(512 * MIB)	/* the host: bounded all the same */
#define WALKER_STACK	8192
#define EFAULT_RET	(-14)		/* what int $0x80 returns for EFAULT */
#define NR_SYS_EXIT	1
#define NR_SYS_READ	3
#define NR_SYS_WRITE	4

static unsigned char *area;
static int pipe_fd[2];
static volatile unsigned long walker_at;	/* the page it is on */
static volatile int walker_done;
static volatile unsigned long seen_ok, seen_efault, seen_wrong, seen_odd;
static volatile unsigned long wrong_page;
/* one stack per walker: one that has just ended may still be on its own */
static char walker_stack[2][WALKER_STACK] __attribute__((aligned(16)));

/* The byte b of page idx: the pattern of a filled page. */
static unsigned char pattern(unsigned long idx, unsigned long b)
{
	return (unsigned char)(idx * 7 + b * 13 + 1);
}

/* Pages filled (even ones); the odd ones are never touched before. */
static int filled(unsigned long idx)
{
	return idx % 2 == 0;
}

/*
 * A system call of three arguments, straight to the kernel: the walker
 * has no TLS of its own for a C library's errno. Returns -errno.
 */
static long sys3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret)
			 : "0"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return ret;
}

/* Did the first PROBE_BYTES of page idx come back as they should? */
static int probe_right(unsigned long idx, const unsigned char *got)
{
	for (unsigned long b = 0; b < PROBE_BYTES; b++)
		if (got[b] != (filled(idx) ? pattern(idx, b) : 0))
			return 0;
	return 1;
}

/* Count what one access to page idx came to (ret: the call's return). */
static void tally(unsigned long idx, long ret, int right)
{
	if (ret == PROBE_BYTES && right) {
		seen_ok++;
	} else if (ret == EFAULT_RET) {
		seen_efault++;
	} else if (ret == PROBE_BYTES) {
		seen_wrong++;
		wrong_page = idx;
	} else {
		seen_odd++;
	}
}

/*
 * The walker: for each page, a read fault (write from the page into the
 * pipe, then check what came through) and a write fault (read from the
 * pipe into the page; on EFAULT the pipe is drained into a buffer).
 */
static void walker(void)
{
	unsigned char buf[PROBE_BYTES];
	long ret;

	for (unsigned long i = 0; i < AREA_PAGES; i++) {
		unsigned char *page = area + i * PAGE_SIZE;

		walker_at = i;
		ret = sys3(NR_SYS_WRITE, pipe_fd[1], (long)page, PROBE_BYTES);
		if (ret == PROBE_BYTES)
			sys3(NR_SYS_READ, pipe_fd[0], (long)buf, PROBE_BYTES);
		tally(i, ret, ret == PROBE_BYTES && probe_right(i, buf));
		memset(buf, 0, sizeof(buf));
		sys3(NR_SYS_WRITE, pipe_fd[1], (long)buf, PROBE_BYTES);
		ret = sys3(NR_SYS_READ, pipe_fd[0], (long)page, PROBE_BYTES);
		if (ret != PROBE_BYTES)
			sys3(NR_SYS_READ, pipe_fd[0], (long)buf, PROBE_BYTES);
		tally(i, ret, 1);
	}
	walker_done = 1;
	for (;;)
		sys3(NR_SYS_EXIT, 0, 0, 0);
}

/* Fill the even pages of the area with their patterns. */
static void fill_area(void)
{
	for (unsigned long i = 0; i < AREA_PAGES; i += 2)
		for (unsigned long b = 0; b < PAGE_SIZE; b++)
			area[i * PAGE_SIZE + b] = pattern(i, b);
}

/*
 * Unmap, table by table, the 4 MiB the walker is in once it is half way
 * through it (on one CPU: while its fault sleeps on the disk), then
 * what is left. Returns how many munmap calls failed.
 */
static int unmap_under_walker(void)
{
	unsigned long start = (unsigned long)area;
	unsigned long end = start + AREA_SIZE;
	unsigned long table, from, to;
	int failed = 0;

	for (table = start & ~(TABLE_SPAN - 1); table < end;
	     table += TABLE_SPAN) {
		from = table < start ? start : table;
		to = table + TABLE_SPAN > end ? end : table + TABLE_SPAN;
		while (!walker_done &&
		       start + walker_at * PAGE_SIZE < from + (to - from) / 2)
			sched_yield();
		failed += munmap((void *)from, to - from) != 0;
	}
	while (!walker_done)
		sched_yield();
	return failed;
}

/* What the walker saw: the page's own data, or EFAULT, at every access. */
static void check_walk(void)
{
	CHECK(seen_wrong == 0, "%lu accesses saw wrong data (last page %lu)",
	      seen_wrong, wrong_page);
	CHECK(seen_odd == 0, "%lu accesses returned neither %d nor EFAULT",
	      seen_odd, PROBE_BYTES);
	CHECK(seen_ok + seen_efault == 2 * AREA_PAGES,
	      "%lu right + %lu EFAULT of %lu accesses", seen_ok, seen_efault,
	      2 * AREA_PAGES);
}

static void test_munmap_under_sleeping_faults(void)
{
	int failed;

	case_begin("swap_threads_munmap_under_sleeping_faults");
	area = mmap(NULL, AREA_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(area != MAP_FAILED, "mmap %lu MiB: errno %d", AREA_SIZE / MIB,
	      errno);
	if (area == MAP_FAILED) {
		case_end();
		return;
	}
	CHECK(pipe(pipe_fd) == 0, "pipe: errno %d", errno);
	fill_area();
	CHECK(start_thread(walker, walker_stack[0] + WALKER_STACK) > 0,
	      "clone a thread");
	failed = unmap_under_walker();
	CHECK(failed == 0, "munmap failed %d times", failed);
	check_walk();
	close(pipe_fd[0]);
	close(pipe_fd[1]);
	case_end();
}

/*
 * The same walk over a shm segment (IPC_RMID at once, so the segment
 * itself goes with the attach): shmdt when the walker is half way, on
 * one CPU while its fault sleeps in shm_swap_in reading the page back
 * or allocating one.
 */
static void test_shmdt_under_sleeping_faults(void)
{
	int id, failed;

	case_begin("swap_threads_shmdt_under_sleeping_faults");
	walker_at = 0;
	walker_done = 0;
	seen_ok = seen_efault = seen_wrong = seen_odd = 0;
	id = shmget(IPC_PRIVATE, AREA_SIZE, IPC_CREAT | 0600);
	CHECK(id >= 0, "shmget %lu MiB: errno %d", AREA_SIZE / MIB, errno);
	area = id < 0 ? MAP_FAILED : shmat(id, NULL, 0);
	CHECK(area != MAP_FAILED, "shmat: errno %d", errno);
	if (id >= 0)
		CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID: errno %d",
		      errno);
	if (area == MAP_FAILED) {
		case_end();
		return;
	}
	CHECK(pipe(pipe_fd) == 0, "pipe: errno %d", errno);
	fill_area();
	CHECK(start_thread(walker, walker_stack[1] + WALKER_STACK) > 0,
	      "clone a thread");
	while (!walker_done && walker_at < AREA_PAGES / 2)
		sched_yield();
	failed = shmdt(area) != 0;
	while (!walker_done)
		sched_yield();
	CHECK(!failed, "shmdt: errno %d", errno);
	check_walk();
	close(pipe_fd[0]);
	close(pipe_fd[1]);
	case_end();
}

int main(void)
{
	struct rlimit lim = { AS_LIMIT, AS_LIMIT };

	setrlimit(RLIMIT_AS, &lim);
	test_munmap_under_sleeping_faults();
	test_shmdt_under_sleeping_faults();
	return check_summary();
}
