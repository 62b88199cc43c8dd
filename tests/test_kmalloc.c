/*
 * test_kmalloc.c - kmalloc/kfree (mm/kmalloc.c) over the real buddy
 * allocator on fake RAM: each size lands in the right bucket or block,
 * objects are aligned to their size and never overlap, and after a long
 * random run every page is back with the allocator.
 */
#include "check.h"
#include "mm_host.h"
#include "../mm/page_alloc.c"
#include "../mm/kmalloc.c"

#define RAM_PAGES	8192	/* 32 MiB */
#define RANDOM_STEPS	100000
#define MAX_LIVE	2000
#define BIG		(128 * 1024)

static int page_zero_reserved(unsigned long nr)
{
	return nr == 0;
}

/* The size a request is rounded to: the bucket or the block. */
static unsigned long rounded(size_t size)
{
	unsigned long r = 16;

	while (r < size)
		r <<= 1;
	return r;
}

static void test_sizes(void)
{
	static const size_t sizes[] = { 1, 15, 16, 17, 100, 1024, 2047, 2048,
					2049, 4096, 4097, 8192, 65536, BIG,
					BIG + 1, KMALLOC_MAX_SIZE };
	unsigned long before = nr_free_pages;
	unsigned int i;

	case_begin("kmalloc_each_size_in_its_bucket_or_block");
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t size = sizes[i];
		unsigned long r = rounded(size), addr;
		mem_map_t *page;

		addr = (unsigned long)kmalloc(size, GFP_KERNEL);
		CHECK(addr, "kmalloc(%zu) succeeds", size);
		if (!addr)
			continue;
		page = virt_to_page(addr);
		CHECK((addr & (r - 1)) == 0, "kmalloc(%zu) = %08lx aligned to "
		      "%lu", size, addr, r);
		if (r < PAGE_SIZE)
			CHECK((page->flags & PG_slab) &&
			      (1UL << page->kmalloc_shift) == r,
			      "kmalloc(%zu) from the %lu bucket, got flags %x "
			      "shift %d", size, r, page->flags,
			      page->kmalloc_shift);
		else
			CHECK((page->flags & PG_kmalloc) &&
			      (PAGE_SIZE << page->order) == r,
			      "kmalloc(%zu) a block of %lu, got flags %x order "
			      "%d", size, r, page->flags, page->order);
		memset((void *)addr, 0x5a, size);
		kfree((void *)addr);
	}
	CHECK(!kmalloc(0, GFP_KERNEL), "kmalloc(0) is NULL");
	CHECK(!kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL),
	      "kmalloc beyond KMALLOC_MAX_SIZE is NULL");
	CHECK(nr_free_pages == before, "all pages back: %lu, got %lu", before,
	      nr_free_pages);
	case_end();
}

static void test_fill_a_bucket(void)
{
	enum { N = 600 };	/* more than two pages of 16-byte objects */
	unsigned char *obj[N];
	unsigned long before = nr_free_pages;
	int i, j, ok = 1;

	case_begin("kmalloc_small_objects_distinct_and_pages_returned");
	for (i = 0; i < N; i++) {
		obj[i] = kmalloc(16, GFP_KERNEL);
		memset(obj[i], i & 0xff, 16);
	}
	for (i = 0; i < N && ok; i++)
		for (j = 0; j < 16; j++)
			if (obj[i][j] != (i & 0xff))
				ok = 0;
	CHECK(ok, "object %d kept its bytes", i - 1);
	CHECK(before - nr_free_pages == (N * 16 + PAGE_SIZE - 1) / PAGE_SIZE,
	      "%d objects of 16 bytes in %lu pages, used %lu", N,
	      (N * 16 + PAGE_SIZE - 1) / PAGE_SIZE, before - nr_free_pages);
	for (i = 0; i < N; i += 2)
		kfree(obj[i]);
	for (i = 1; i < N; i += 2)
		kfree(obj[i]);
	CHECK(nr_free_pages == before, "all pages back: %lu, got %lu", before,
	      nr_free_pages);
	case_end();
}

static struct live {
	unsigned char *p;
	size_t size;
	unsigned char fill;
} live[MAX_LIVE];
static int nr_live;

/* Sizes spread evenly over powers of two, 1 byte to 128 KiB. */
static size_t random_size(void)
{
	int shift = rand() % 18;

	return (1UL << shift) + rand() % (1UL << shift);
}

static int intact(struct live *l)
{
	size_t i;

	for (i = 0; i < l->size; i++)
		if (l->p[i] != l->fill)
			return 0;
	return 1;
}

static void test_random(void)
{
	unsigned long before = nr_free_pages;
	int step;

	case_begin("kmalloc_random_sizes_never_overlap_all_pages_back");
	srand(777);
	for (step = 0; step < RANDOM_STEPS && !check_case_failed; step++) {
		if (nr_live < MAX_LIVE && rand() % 100 < 55) {
			struct live *l = &live[nr_live];

			l->size = random_size();
			l->p = kmalloc(l->size, GFP_KERNEL);
			if (!l->p)
				continue;	/* RAM full; frees will come */
			l->fill = step & 0xff;
			memset(l->p, l->fill, l->size);
			nr_live++;
		} else if (nr_live) {
			int i = rand() % nr_live;

			CHECK(intact(&live[i]), "step %d: object of %zu at %p "
			      "overwritten", step, live[i].size, live[i].p);
			kfree(live[i].p);
			live[i] = live[--nr_live];
		}
	}
	while (nr_live) {
		nr_live--;
		CHECK(intact(&live[nr_live]), "object of %zu overwritten",
		      live[nr_live].size);
		kfree(live[nr_live].p);
	}
	CHECK(nr_free_pages == before, "all pages back: %lu, got %lu", before,
	      nr_free_pages);
	case_end();
}

static void test_bad_kfree(void)
{
	unsigned long before = nr_free_pages;
	char *big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);

	case_begin("kfree_null_and_foreign_pointers_ignored");
	kfree(NULL);
	kfree(big + PAGE_SIZE);		/* inside a block: complains */
	kfree((void *)PAGE_OFFSET);	/* reserved page 0: complains */
	kfree(big);
	CHECK(nr_free_pages == before, "nothing lost or double-freed: %lu, "
	      "got %lu", before, nr_free_pages);
	case_end();
}

int main(void)
{
	if (fake_ram_init(RAM_PAGES, page_zero_reserved))
		return 1;
	test_sizes();
	test_fill_a_bucket();
	test_random();
	test_bad_kfree();
	return check_summary();
}
