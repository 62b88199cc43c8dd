/*
 * test_mremap.c - mremap growing in place, shrinking, moving (MAYMOVE and
 * FIXED) with the data intact and across fork, and its errors; msync and
 * mincore with the errors their man pages list.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "child.h"

#define PAGE_SIZE	4096
#define BAD_FLAG	0x100	/* no mremap or msync flag has this bit */
#define LOW_ADDR	((void *)16)	/* never mapped: below mmap_min_addr */
#define FAR_SRC		((char *)0x52000000)	/* two distinct 4 MiB tables */
#define FAR_DST		((char *)0x56400000)

static int do_touch(void *addr)
{
	no_core_dump();
	*(volatile char *)addr = 1;
	return 0;		/* reached only if there was no fault */
}

/* Does touching addr kill a child with SIGSEGV? */
static int faults(void *addr)
{
	int s = run_in_child(do_touch, addr);

	return s != -1 && WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV;
}

static char *map_pages(void *at, int n, int extra_flags)
{
	char *p = mmap(at, n * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | extra_flags, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Page i of n holds the byte seed + i everywhere. */
static void fill(char *p, int n, int seed)
{
	for (int i = 0; i < n; i++)
		memset(p + i * PAGE_SIZE, seed + i, PAGE_SIZE);
}

static int holds(const char *p, int n, int seed)
{
	for (int i = 0; i < n * PAGE_SIZE; i++)
		if (p[i] != (char)(seed + i / PAGE_SIZE))
			return 0;
	return 1;
}

/* n pages with nothing mapped in the m pages after them. */
static char *map_with_room(int n, int m)
{
	char *p = map_pages(NULL, n + m, 0);

	if (p && munmap(p + n * PAGE_SIZE, m * PAGE_SIZE))
		return NULL;
	return p;
}

static void test_grow_in_place(void)
{
	char *p = map_with_room(4, 4), *q;

	case_begin("mremap_grows_in_place_data_intact");
	CHECK(p, "mmap failed");
	if (p) {
		fill(p, 4, 'a');
		q = mremap(p, 4 * PAGE_SIZE, 8 * PAGE_SIZE, 0);
		CHECK(q == p, "grows where it is: %p, got %p", p, q);
		if (q == p) {
			CHECK(holds(p, 4, 'a'), "the old pages keep their data");
			CHECK(p[4 * PAGE_SIZE] == 0 && p[8 * PAGE_SIZE - 1] == 0,
			      "the new pages are zero");
			p[8 * PAGE_SIZE - 1] = 7;
			CHECK(p[8 * PAGE_SIZE - 1] == 7, "and writable");
		}
		munmap(p, 8 * PAGE_SIZE);
	}
	case_end();
}

static void test_shrink(void)
{
	char *p = map_pages(NULL, 8, 0), *q;

	case_begin("mremap_shrinks_and_the_tail_faults");
	CHECK(p, "mmap failed");
	if (p) {
		fill(p, 8, 'b');
		q = mremap(p, 8 * PAGE_SIZE, 3 * PAGE_SIZE + 1, 0);
		CHECK(q == p, "stays at %p, got %p", p, q);
		CHECK(holds(p, 4, 'b'), "the kept pages keep their data");
		CHECK(faults(p + 4 * PAGE_SIZE), "page 4 is gone: SIGSEGV");
		CHECK(!faults(p + 3 * PAGE_SIZE), "page 3 (rounded up) stays");
		munmap(p, 4 * PAGE_SIZE);
	}
	case_end();
}

/* 4 pages of data followed by a 1-page mapping that blocks growth. */
static char *map_blocked(char **blocker)
{
	char *p = map_with_room(4, 1);

	*blocker = p ? map_pages(p + 4 * PAGE_SIZE, 1, MAP_FIXED) : NULL;
	if (!*blocker)
		return NULL;
	fill(p, 4, 'c');
	**blocker = 'z';
	return p;
}

static void test_move(void)
{
	char *blocker, *p = map_blocked(&blocker), *q;

	case_begin("mremap_moves_when_blocked_data_intact");
	CHECK(p, "mmap failed");
	if (p) {
		CHECK_ERR(mremap(p, 4 * PAGE_SIZE, 16 * PAGE_SIZE, 0), ENOMEM);
		CHECK(holds(p, 4, 'c'), "a refused grow changes nothing");
		q = mremap(p, 4 * PAGE_SIZE, 16 * PAGE_SIZE, MREMAP_MAYMOVE);
		CHECK(q != MAP_FAILED && q != p, "moved: got %p (old %p)", q, p);
		if (q != MAP_FAILED && q != p) {
			CHECK(holds(q, 4, 'c'), "the data moved with it");
			CHECK(q[16 * PAGE_SIZE - 1] == 0, "the growth is zero");
			CHECK(faults(p), "the old address is unmapped");
			munmap(q, 16 * PAGE_SIZE);
		}
		CHECK(*blocker == 'z', "the mapping after it is untouched");
		munmap(blocker, PAGE_SIZE);
	}
	case_end();
}

static void test_fixed(void)
{
	char *src = map_pages(NULL, 4, 0), *dst = map_pages(NULL, 6, 0), *q;

	case_begin("mremap_fixed_replaces_the_target");
	CHECK(src && dst, "mmap failed");
	if (src && dst) {
		fill(src, 4, 'd');
		fill(dst, 6, 'x');
		q = mremap(src, 4 * PAGE_SIZE, 2 * PAGE_SIZE,
			   MREMAP_MAYMOVE | MREMAP_FIXED, dst);
		CHECK(q == dst, "at new_addr %p, got %p", dst, q);
		CHECK(holds(dst, 2, 'd'), "the first two pages moved there");
		CHECK(dst[2 * PAGE_SIZE] == 'x' + 2,
		      "the target's page after the new length stays");
		CHECK(faults(src) && faults(src + 3 * PAGE_SIZE),
		      "the source is unmapped, the shrunk tail too");
		munmap(dst, 6 * PAGE_SIZE);
	}
	case_end();
}

/*
 * A move between two page tables (4 MiB apart) that nothing else uses:
 * the old table is freed, the new one must keep the moved ptes. Both
 * addresses are checked free first (MAP_FIXED_NOREPLACE), else skipped.
 */
static void test_far_move(void)
{
	char *src = map_pages(FAR_SRC, 2, MAP_FIXED_NOREPLACE);
	char *dst = map_pages(FAR_DST, 2, MAP_FIXED_NOREPLACE), *q;

	if (src != FAR_SRC || dst != FAR_DST) {
		case_skip("mremap_fixed_to_an_empty_page_table",
			  "the fixed addresses are in use here");
		munmap(src, 2 * PAGE_SIZE);
		munmap(dst, 2 * PAGE_SIZE);
		return;
	}
	case_begin("mremap_fixed_to_an_empty_page_table");
	munmap(dst, 2 * PAGE_SIZE);
	fill(src, 2, 'h');
	q = mremap(src, 2 * PAGE_SIZE, 2 * PAGE_SIZE,
		   MREMAP_MAYMOVE | MREMAP_FIXED, dst);
	CHECK(q == dst, "at %p, got %p", dst, q);
	if (q == dst) {
		CHECK(holds(dst, 2, 'h'), "the data arrived");
		CHECK(faults(src), "the source is unmapped");
	}
	munmap(q == dst ? dst : src, 2 * PAGE_SIZE);
	case_end();
}

static int move_in_child(void *arg)
{
	char *p = arg, *blocker, *q;

	blocker = map_pages(p + 4 * PAGE_SIZE, 1, MAP_FIXED);
	q = mremap(p, 4 * PAGE_SIZE, 8 * PAGE_SIZE, MREMAP_MAYMOVE);
	if (!blocker || q == MAP_FAILED || q == p || !holds(q, 4, 'e'))
		return 2;
	fill(q, 4, 'f');	/* copy-on-write: the parent keeps 'e' */
	return holds(q, 4, 'f') ? 0 : 3;
}

static void test_fork(void)
{
	char *p = map_with_room(4, 1), *q;
	int s;

	case_begin("mremap_moves_shared_cow_pages_across_fork");
	CHECK(p, "mmap failed");
	if (p) {
		fill(p, 4, 'e');
		s = run_in_child(move_in_child, p);
		CHECK(s == 0, "the child moves and writes: %s",
		      describe_status(s));
		CHECK(holds(p, 4, 'e'), "the parent's pages are unchanged");
		q = mremap(p, 4 * PAGE_SIZE, 64 * PAGE_SIZE, MREMAP_MAYMOVE);
		CHECK(q != MAP_FAILED && holds(q, 4, 'e'),
		      "the parent grows (and maybe moves) its copy: %p", q);
		if (q != MAP_FAILED) {
			fill(q, 4, 'g');
			CHECK(holds(q, 4, 'g'), "and writes it");
			munmap(q, 64 * PAGE_SIZE);
		}
	}
	case_end();
}

static void test_mremap_errors(void)
{
	char *p = map_pages(NULL, 2, 0);

	case_begin("mremap_errors");
	CHECK(p, "mmap failed");
	if (p) {
		CHECK_ERR(mremap(p, PAGE_SIZE, 2 * PAGE_SIZE, BAD_FLAG), EINVAL);
		CHECK_ERR(mremap(p + 1, PAGE_SIZE, 2 * PAGE_SIZE, 0), EINVAL);
		CHECK_ERR(mremap(p, PAGE_SIZE, 0, 0), EINVAL);
		CHECK_ERR(mremap(p, PAGE_SIZE, PAGE_SIZE, MREMAP_FIXED,
				 p + PAGE_SIZE), EINVAL);
		CHECK_ERR(mremap(p, 2 * PAGE_SIZE, 2 * PAGE_SIZE,
				 MREMAP_MAYMOVE | MREMAP_FIXED, p + PAGE_SIZE),
			  EINVAL);
		CHECK_ERR(mremap(p, 2 * PAGE_SIZE, 2 * PAGE_SIZE,
				 MREMAP_MAYMOVE | MREMAP_FIXED, p + 1), EINVAL);
		CHECK_ERR(mremap(p, 3 * PAGE_SIZE, 4 * PAGE_SIZE,
				 MREMAP_MAYMOVE), EFAULT);
		munmap(p, 2 * PAGE_SIZE);
		CHECK_ERR(mremap(p, PAGE_SIZE, 2 * PAGE_SIZE, MREMAP_MAYMOVE),
			  EFAULT);
	}
	case_end();
}

static void test_msync(void)
{
	char *p = map_pages(NULL, 4, 0);

	case_begin("msync_valid_range_and_errors");
	CHECK(p, "mmap failed");
	if (p) {
		CHECK_OK(msync(p, 4 * PAGE_SIZE, MS_SYNC));
		CHECK_OK(msync(p, 1, MS_ASYNC | MS_INVALIDATE));
		CHECK_OK(msync(p, 0, MS_SYNC));
		CHECK_ERR(msync(p, PAGE_SIZE, MS_SYNC | MS_ASYNC), EINVAL);
		CHECK_ERR(msync(p, PAGE_SIZE, BAD_FLAG), EINVAL);
		CHECK_ERR(msync(p + 1, PAGE_SIZE, MS_SYNC), EINVAL);
		munmap(p + PAGE_SIZE, PAGE_SIZE);
		CHECK_ERR(msync(p, 4 * PAGE_SIZE, MS_SYNC), ENOMEM);
		CHECK_OK(msync(p + 2 * PAGE_SIZE, 2 * PAGE_SIZE, MS_SYNC));
		munmap(p, 4 * PAGE_SIZE);
		CHECK_ERR(msync(p, PAGE_SIZE, MS_SYNC), ENOMEM);
	}
	case_end();
}

static void test_mincore(void)
{
	char *p = map_pages(NULL, 4, 0);
	unsigned char vec[4];

	case_begin("mincore_says_which_pages_are_in_memory");
	CHECK(p, "mmap failed");
	if (p) {
		p[0] = 1;
		p[2 * PAGE_SIZE] = 1;
		memset(vec, 0xff, sizeof(vec));
		CHECK_OK(mincore(p, 4 * PAGE_SIZE - 1, vec));
		CHECK((vec[0] & 1) && !(vec[1] & 1) && (vec[2] & 1) &&
		      !(vec[3] & 1), "touched pages 0 and 2: %d %d %d %d",
		      vec[0], vec[1], vec[2], vec[3]);
		CHECK_ERR(mincore(p + 1, PAGE_SIZE, vec), EINVAL);
		CHECK_ERR(mincore(p, PAGE_SIZE, LOW_ADDR), EFAULT);
		munmap(p + PAGE_SIZE, PAGE_SIZE);
		CHECK_ERR(mincore(p, 4 * PAGE_SIZE, vec), ENOMEM);
		munmap(p, 4 * PAGE_SIZE);
	}
	case_end();
}

int main(void)
{
	test_grow_in_place();
	test_shrink();
	test_move();
	test_fixed();
	test_far_move();
	test_fork();
	test_mremap_errors();
	test_msync();
	test_mincore();
	return check_summary();
}
