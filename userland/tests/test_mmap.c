/*
 * test_mmap.c - the address space: brk growing and shrinking, anonymous
 * private mappings, MAP_FIXED, munmap splitting a mapping, mprotect of
 * part of one, and the faults that must follow.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"
#include "child.h"

#define PAGE_SIZE	4096
#define NR_PAGES	16

struct access {
	volatile char *addr;
	int write;
};

static int do_access(void *arg)
{
	struct access *a = arg;

	no_core_dump();
	if (a->write)
		*a->addr = 1;
	else
		(void)*a->addr;
	return 0;		/* reached only if there was no fault */
}

/* How a child ends that reads or writes addr: a wait status. */
static int access_in_child(void *addr, int write)
{
	struct access a = { addr, write };

	return run_in_child(do_access, &a);
}

/* A child's access to addr must (or must not) die by SIGSEGV. */
#define CHECK_FAULT(addr, write, what)					\
	do {								\
		int _s = access_in_child(addr, write);			\
		CHECK(_s != -1 && WIFSIGNALED(_s) &&			\
		      WTERMSIG(_s) == SIGSEGV,				\
		      "%s: killed by SIGSEGV, got %s", what,		\
		      describe_status(_s));				\
	} while (0)

#define CHECK_NO_FAULT(addr, write, what)				\
	do {								\
		int _s = access_in_child(addr, write);			\
		CHECK(_s == 0, "%s: exits 0, got %s", what,		\
		      describe_status(_s));				\
	} while (0)

static int all_bytes(const char *p, int len, char value)
{
	for (int i = 0; i < len; i++)
		if (p[i] != value)
			return 0;
	return 1;
}

static void *map_pages(int n)
{
	return mmap(NULL, n * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void test_brk(void)
{
	char *start = sbrk(0), *p;

	case_begin("brk_grows_shrinks_and_regrows_zeroed");
	p = sbrk(NR_PAGES * PAGE_SIZE);
	CHECK(p == start, "sbrk returns the old break %p, got %p", start, p);
	if (p == start) {
		memset(p, 0x5a, NR_PAGES * PAGE_SIZE);
		CHECK(sbrk(0) == start + NR_PAGES * PAGE_SIZE,
		      "break moved up by %d", NR_PAGES * PAGE_SIZE);
		CHECK(sbrk(-NR_PAGES * PAGE_SIZE) != (void *)-1,
		      "shrinking the break: %s", strerror(errno));
		CHECK(sbrk(0) == start, "break back at %p, got %p", start,
		      sbrk(0));
		CHECK_FAULT(p + 2 * PAGE_SIZE, 0, "a page given back by brk");
		CHECK(sbrk(NR_PAGES * PAGE_SIZE) == start, "regrow");
		CHECK(all_bytes(p, NR_PAGES * PAGE_SIZE, 0),
		      "regrown pages are zero, not the old 0x5a");
		sbrk(-NR_PAGES * PAGE_SIZE);
	}
	case_end();
}

static void test_anon_private(void)
{
	char *p = map_pages(NR_PAGES);

	case_begin("mmap_anonymous_private_zeroed_and_unmapped");
	CHECK(p != MAP_FAILED, "mmap: %s", strerror(errno));
	if (p != MAP_FAILED) {
		CHECK(((uintptr_t)p & (PAGE_SIZE - 1)) == 0,
		      "page-aligned address, got %p", p);
		CHECK(all_bytes(p, NR_PAGES * PAGE_SIZE, 0), "zero-filled");
		memset(p, 0x5a, NR_PAGES * PAGE_SIZE);
		CHECK_NO_FAULT(p + PAGE_SIZE, 1, "a child writes it too");
		CHECK(all_bytes(p, NR_PAGES * PAGE_SIZE, 0x5a),
		      "the child's write stayed in the child");
		CHECK_OK(munmap(p, NR_PAGES * PAGE_SIZE));
		CHECK_FAULT(p, 0, "reading an unmapped page");
	}
	case_end();
}

static void test_map_fixed(void)
{
	char *p = map_pages(4), *q;

	case_begin("mmap_fixed_replaces_one_page");
	CHECK(p != MAP_FAILED, "mmap: %s", strerror(errno));
	if (p != MAP_FAILED) {
		memset(p, 0x5a, 4 * PAGE_SIZE);
		q = mmap(p + PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		CHECK(q == p + PAGE_SIZE, "MAP_FIXED at %p, got %p",
		      p + PAGE_SIZE, q);
		CHECK(all_bytes(p + PAGE_SIZE, PAGE_SIZE, 0),
		      "the new page is zero-filled");
		CHECK(all_bytes(p, PAGE_SIZE, 0x5a) &&
		      all_bytes(p + 2 * PAGE_SIZE, 2 * PAGE_SIZE, 0x5a),
		      "the pages around it keep their contents");
		munmap(p, 4 * PAGE_SIZE);
	}
	case_end();
}

static void test_munmap_middle(void)
{
	char *p = map_pages(3);

	case_begin("munmap_middle_splits_mapping");
	CHECK(p != MAP_FAILED, "mmap: %s", strerror(errno));
	if (p != MAP_FAILED) {
		memset(p, 0x5a, 3 * PAGE_SIZE);
		CHECK_OK(munmap(p + PAGE_SIZE, PAGE_SIZE));
		CHECK_FAULT(p + PAGE_SIZE, 0, "reading the hole");
		CHECK_NO_FAULT(p, 1, "writing below the hole");
		CHECK_NO_FAULT(p + 2 * PAGE_SIZE, 1, "writing above the hole");
		CHECK(all_bytes(p, PAGE_SIZE, 0x5a) &&
		      all_bytes(p + 2 * PAGE_SIZE, PAGE_SIZE, 0x5a),
		      "both sides keep their contents");
		CHECK(mmap(p + PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
		      p + PAGE_SIZE, "the hole can be mapped again");
		CHECK_OK(munmap(p, 3 * PAGE_SIZE));
	}
	case_end();
}

static void test_mprotect_part(void)
{
	char *p = map_pages(3);

	case_begin("mprotect_part_of_mapping");
	CHECK(p != MAP_FAILED, "mmap: %s", strerror(errno));
	if (p != MAP_FAILED) {
		memset(p, 0x5a, 3 * PAGE_SIZE);
		CHECK_OK(mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_READ));
		CHECK_NO_FAULT(p + PAGE_SIZE, 0, "reading the read-only page");
		CHECK_FAULT(p + PAGE_SIZE, 1, "writing the read-only page");
		CHECK_NO_FAULT(p, 1, "writing the page below");
		CHECK_NO_FAULT(p + 2 * PAGE_SIZE, 1, "writing the page above");
		CHECK_OK(mprotect(p + PAGE_SIZE, PAGE_SIZE,
				  PROT_READ | PROT_WRITE));
		p[PAGE_SIZE] = 0x33;
		CHECK(p[PAGE_SIZE] == 0x33 && p[PAGE_SIZE + 1] == 0x5a,
		      "writable again, contents kept");
		CHECK_OK(mprotect(p, 3 * PAGE_SIZE, PROT_NONE));
		CHECK_FAULT(p, 0, "reading a PROT_NONE page");
		CHECK_OK(munmap(p, 3 * PAGE_SIZE));
	}
	case_end();
}

static void test_errors(void)
{
	char *p = map_pages(1);

	case_begin("mmap_munmap_mprotect_errors");
	CHECK_ERR(munmap(p + 1, PAGE_SIZE), EINVAL);
	CHECK_ERR(mprotect(p + 1, PAGE_SIZE, PROT_READ), EINVAL);
	CHECK_ERR((long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			     -1, 0), EINVAL);
	CHECK_ERR((long)mmap(p + 1, PAGE_SIZE, PROT_READ,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
		  EINVAL);
	munmap(p, PAGE_SIZE);
	case_end();
}

int main(void)
{
	test_brk();
	test_anon_private();
	test_map_fixed();
	test_munmap_middle();
	test_mprotect_part();
	test_errors();
	return check_summary();
}
