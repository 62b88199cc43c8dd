/*
 * test_swap.c - paging to the swap disk and back, under memory pressure.
 *
 * make test boots this in a 16 MiB Lintel whose first IDE disk is a
 * 64 MiB area made by mkswap, which init swaps on (/dev/hda): 40 MiB of
 * anonymous memory and a 24 MiB shm segment cannot all be in RAM, so
 * their pages go out to swap and come back. Every page carries its own
 * pattern and is checked word by word: after the round trip, in a child
 * after fork (copy-on-write of swapped pages, shm still shared), with
 * two processes attached to the segment, and after swapoff brings
 * everything back (or refuses with ENOMEM when it cannot, losing
 * nothing). The bad-input cases give Linux's errors.
 *
 * On the Linux host the same program runs as root: the cases that need
 * Lintel's swap disk say SKIPPED with the reason, the memory cases run
 * (bounded by RLIMIT_AS, with nothing on the host's swap to check), and
 * the bad-input cases only ever fail (no area is ever swapped on).
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/swap.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include "check.h"
#include "child.h"

#define PAGE_SIZE	4096
#define PAGE_WORDS	(PAGE_SIZE / sizeof(unsigned long))
#define MIB		(1024UL * 1024)
#define ANON_SIZE	(40 * MIB)
#define SHM_SIZE	(24 * MIB)
#define SMALL_ANON	(MIB / 2)	/* swapoff's: fits in a 16 MiB guest */
#define SMALL_SHM	(MIB / 4)
#define PRESSURE_SIZE	(24 * MIB)	/* pushes the small ones out */
#define AS_LIMIT	(512 * MIB)	/* the host: bounded all the same */
#define SMALL_RAM	(32 * MIB)	/* a guest this small cannot hold 40 MiB */
#define CHILD_STRIDE	16		/* the child reads and writes these */
#define CHECK_STRIDE	4		/* swapoff ENOMEM: pages checked */
#define SWAP_DISK	"/dev/hda"
#define NOT_SWAP	"/tmp/test_swap.notswap"
#define NOBODY		65534
#define NR_unlink	10	/* Linux i386; our libc has no unlink() */

/* The word w of page idx of a region filled with seed. */
static unsigned long pattern(unsigned long seed, unsigned long idx,
			     unsigned long w)
{
	return (seed * 0x9e3779b1UL) ^ (idx << 10) ^ w;
}

static void fill(unsigned long *mem, unsigned long pages, unsigned long seed,
		 unsigned long stride)
{
	for (unsigned long i = 0; i < pages; i += stride)
		for (unsigned long w = 0; w < PAGE_WORDS; w++)
			mem[i * PAGE_WORDS + w] = pattern(seed, i, w);
}

/* Does page idx of mem hold seed's pattern? */
static int page_ok(unsigned long *mem, unsigned long idx, unsigned long seed)
{
	for (unsigned long w = 0; w < PAGE_WORDS; w++)
		if (mem[idx * PAGE_WORDS + w] != pattern(seed, idx, w))
			return 0;
	return 1;
}

/*
 * The first page of mem (pages long) whose words are not seed's pattern
 * (or, for pages that are multiples of stride, alt_seed's), or -1.
 */
static long first_bad(unsigned long *mem, unsigned long pages,
		      unsigned long seed, unsigned long alt_seed,
		      unsigned long stride)
{
	for (unsigned long i = 0; i < pages; i++) {
		unsigned long s = stride && i % stride == 0 ? alt_seed : seed;

		for (unsigned long w = 0; w < PAGE_WORDS; w++)
			if (mem[i * PAGE_WORDS + w] != pattern(s, i, w))
				return i;
	}
	return -1;
}

/* Is Lintel's swap disk swapped on (a line of /proc/swaps names it)? */
static int disk_swap_on(void)
{
	char buf[1024];
	int fd = open("/proc/swaps", O_RDONLY), n;

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return on_lintel() && strstr(buf, SWAP_DISK " ") != NULL;
}

/* Lintel with its swap disk on and too little RAM for these tests. */
static int must_page(void)
{
	struct sysinfo si;

	return disk_swap_on() && sysinfo(&si) == 0 &&
	       si.totalram * si.mem_unit <= SMALL_RAM;
}

static unsigned long swap_used(void)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return 0;
	return (si.totalswap - si.freeswap) * si.mem_unit;
}

static void *map_anon(unsigned long size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* ---- anonymous memory ------------------------------------------------- */

/*
 * 40 MiB, each page its own pattern: in a 16 MiB Lintel most pages are
 * on disk once it is filled.
 */
static void test_anon_fill(unsigned long *mem, unsigned long pages)
{
	case_begin("swap_anon_40mib_filled_goes_to_swap");
	fill(mem, pages, 1, 1);
	if (must_page())
		CHECK(swap_used() > 0, "pages in swap after filling 40 MiB");
	case_end();
}

/*
 * fork: the child's ptes share the parent's swap slots (and pages). It
 * checks every CHILD_STRIDE-th page and writes them: its copies only.
 */
static int child_checks_and_writes(void *arg)
{
	unsigned long *mem = arg, pages = ANON_SIZE / PAGE_SIZE;
	long bad = -1;

	for (unsigned long i = 0; i < pages && bad < 0; i += CHILD_STRIDE)
		if (!page_ok(mem, i, 1))
			bad = i;
	CHECK(bad < 0, "the child sees the parent's pages, page %ld not", bad);
	fill(mem, pages, 2, CHILD_STRIDE);
	for (unsigned long i = 0; i < pages && bad < 0; i += CHILD_STRIDE)
		if (!page_ok(mem, i, 2))
			bad = i;
	CHECK(bad < 0, "the child's writes are its own, page %ld not", bad);
	return check_case_failed;
}

/*
 * Then the parent reads all 40 MiB back: every page as it wrote it,
 * whatever went to disk and back, and whatever its child wrote.
 */
static void test_anon_fork(unsigned long *mem, unsigned long pages)
{
	long bad;

	case_in_child("swap_anon_fork_shares_swapped_pages_copy_on_write",
		      child_checks_and_writes, mem);
	case_begin("swap_anon_40mib_pattern_survives_round_trip");
	bad = first_bad(mem, pages, 1, 0, 0);
	CHECK(bad < 0, "the parent's pattern everywhere, page %ld is not",
	      bad);
	case_end();
}

/* ---- shared memory ---------------------------------------------------- */

/*
 * Two processes attached to 24 MiB: the parent fills it, the child
 * checks it (the pages come back from swap, each attach faulting to the
 * frame shm_pages[] records) and writes a second pattern, which the
 * parent then reads: one segment, whichever way the pages went.
 */
static void test_shm_two_attached(void)
{
	unsigned long pages = SHM_SIZE / PAGE_SIZE, *mem;
	int id, status = -1;
	long bad;
	pid_t pid;

	case_begin("swap_shm_24mib_two_attached_out_and_back");
	id = shmget(IPC_PRIVATE, SHM_SIZE, IPC_CREAT | 0600);
	CHECK(id >= 0, "shmget of 24 MiB, errno %d", errno);
	if (id < 0) {
		case_end();
		return;
	}
	mem = shmat(id, NULL, 0);
	CHECK(mem != (void *)-1, "shmat, errno %d", errno);
	if (mem != (void *)-1) {
		fill(mem, pages, 3, 1);
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			bad = first_bad(mem, pages, 3, 0, 0);
			fill(mem, pages, 4, 1);
			_exit(bad < 0 ? 0 : 1);
		}
		CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
		      status == 0, "the child saw the parent's pattern: %s",
		      describe_status(status));
		bad = first_bad(mem, pages, 4, 0, 0);
		CHECK(bad < 0, "the parent sees the child's writes, page %ld "
		      "does not", bad);
		CHECK(shmdt(mem) == 0, "shmdt, errno %d", errno);
	}
	CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID, errno %d", errno);
	case_end();
}

/* ---- swapoff ---------------------------------------------------------- */

/* Fill and drop PRESSURE_SIZE, so that older pages go out to swap. */
static void push_out(void)
{
	unsigned long *p = map_anon(PRESSURE_SIZE);

	if (!p)
		return;
	fill(p, PRESSURE_SIZE / PAGE_SIZE, 5, 1);
	munmap(p, PRESSURE_SIZE);
}

/*
 * swapoff with 512 KiB of process pages and 256 KiB of shm pages in swap:
 * both come back (1.2.13 left the shm pages behind), the area goes from
 * /proc/swaps, and the data is whole. swapon then puts it back.
 */
static void test_swapoff_brings_back(void)
{
	unsigned long *anon, *shm, apages = SMALL_ANON / PAGE_SIZE;
	unsigned long spages = SMALL_SHM / PAGE_SIZE;
	int id;

	if (!disk_swap_on()) {
		case_skip("swap_swapoff_brings_back_anon_and_shm",
			  "needs Lintel's swap disk " SWAP_DISK " swapped on");
		return;
	}
	case_begin("swap_swapoff_brings_back_anon_and_shm");
	anon = map_anon(SMALL_ANON);
	id = shmget(IPC_PRIVATE, SMALL_SHM, IPC_CREAT | 0600);
	shm = id >= 0 ? shmat(id, NULL, 0) : (void *)-1;
	CHECK(anon && shm != (void *)-1, "512 KiB anon, 256 KiB shm, errno %d",
	      errno);
	if (anon && shm != (void *)-1) {
		fill(anon, apages, 6, 1);
		fill(shm, spages, 7, 1);
		push_out();
		if (must_page())
			CHECK(swap_used() > 0, "pages in swap before swapoff");
		CHECK(swapoff(SWAP_DISK) == 0, "swapoff, errno %d", errno);
		CHECK(swap_used() == 0 && !disk_swap_on(),
		      "no swap left, %lu bytes used", swap_used());
		CHECK(first_bad(anon, apages, 6, 0, 0) < 0 &&
		      first_bad(shm, spages, 7, 0, 0) < 0,
		      "anon and shm pages whole after swapoff");
		CHECK(swapon(SWAP_DISK, 0) == 0, "swapon again, errno %d",
		      errno);
	}
	if (shm != (void *)-1)
		shmdt(shm);
	if (id >= 0)
		shmctl(id, IPC_RMID, NULL);
	if (anon)
		munmap(anon, SMALL_ANON);
	case_end();
}

/*
 * With 40 MiB in use in a 16 MiB guest, swapoff must refuse (ENOMEM)
 * and lose nothing: a quarter of the pages are read back to see.
 */
static void test_swapoff_enomem(unsigned long *mem, unsigned long pages)
{
	if (!must_page()) {
		case_skip("swap_swapoff_enomem_keeps_data",
			  "needs Lintel's swap disk and a guest smaller than "
			  "32 MiB");
		return;
	}
	case_begin("swap_swapoff_enomem_keeps_data");
	CHECK_ERR(swapoff(SWAP_DISK), ENOMEM);
	CHECK(disk_swap_on(), "the area is still in /proc/swaps");
	for (unsigned long i = 0; i < pages; i += CHECK_STRIDE)
		if (!page_ok(mem, i, 1)) {
			FAIL("page %lu whole after the failed swapoff", i);
			break;
		}
	case_end();
}

/* ---- bad input -------------------------------------------------------- */

static int as_nobody(void *arg)
{
	(void)arg;
	CHECK_OK(setuid(NOBODY));
	CHECK_ERR(swapon(SWAP_DISK, 0), EPERM);
	CHECK_ERR(swapoff(SWAP_DISK), EPERM);
	return check_case_failed;
}

/* A file of zeroes: no swap signature. */
static int make_not_swap(void)
{
	static char zeroes[2 * PAGE_SIZE];
	int fd = open(NOT_SWAP, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	int ok = fd >= 0 && write(fd, zeroes, sizeof(zeroes)) ==
			    (ssize_t)sizeof(zeroes);

	if (fd >= 0)
		close(fd);
	return ok;
}

static void test_bad_input(void)
{
	if (geteuid() != 0) {
		case_skip("swap_bad_input_linux_errors", "needs root");
		return;
	}
	case_in_child("swap_by_uid_65534_eperm", as_nobody, NULL);
	case_begin("swap_bad_input_linux_errors");
	CHECK_ERR(swapon("/dev/no-such-disk", 0), ENOENT);
	CHECK_ERR(swapoff("/dev/no-such-disk"), ENOENT);
	CHECK_ERR(swapon(NULL, 0), EFAULT);
	CHECK_ERR(swapon(SWAP_DISK, 0x80000), EINVAL);
	CHECK(make_not_swap(), "make %s, errno %d", NOT_SWAP, errno);
	CHECK_ERR(swapon(NOT_SWAP, 0), EINVAL);
	CHECK_ERR(swapoff(NOT_SWAP), EINVAL);
	syscall(NR_unlink, NOT_SWAP);
	case_end();
	if (!disk_swap_on()) {
		case_skip("swap_swapon_twice_ebusy",
			  "needs Lintel's swap disk " SWAP_DISK " swapped on");
		return;
	}
	case_begin("swap_swapon_twice_ebusy");
	CHECK_ERR(swapon(SWAP_DISK, 0), EBUSY);
	case_end();
}

int main(void)
{
	unsigned long pages = ANON_SIZE / PAGE_SIZE, used_before;
	struct rlimit lim = { AS_LIMIT, AS_LIMIT };
	unsigned long *mem;

	setrlimit(RLIMIT_AS, &lim);
	used_before = swap_used();
	test_bad_input();
	mem = map_anon(ANON_SIZE);
	case_begin("swap_anon_map_40mib");
	CHECK(mem, "mmap of 40 MiB, errno %d", errno);
	case_end();
	if (mem) {
		test_anon_fill(mem, pages);
		test_anon_fork(mem, pages);
		test_swapoff_enomem(mem, pages);
		munmap(mem, ANON_SIZE);
	}
	test_shm_two_attached();
	test_swapoff_brings_back();
	if (!on_lintel()) {
		case_skip("swap_every_slot_given_back",
			  "the host's swap is every process's, not ours");
	} else {
		case_begin("swap_every_slot_given_back");
		CHECK(swap_used() == used_before, "swap in use back to %lu "
		      "bytes, got %lu", used_before, swap_used());
		case_end();
	}
	return check_summary();
}
