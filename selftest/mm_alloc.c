/*
 * mm_alloc.c - the page allocator and kmalloc, checked from inside the
 * kernel (test=mm_alloc).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/selftest.h>
#include <linux/mm.h>
#include <asm/system.h>
#include "mm_test.h"

static void test_exhaust(void)
{
	unsigned long before, held = 0;
	int i, twice = 0;

	kcase_begin("mm_alloc_exhaust_then_free_all_count_exact");
	if (!alloc_block_table()) {
		kcase_end();
		return;
	}
	before = nr_free_pages;
	take_all(GFP_KERNEL);
	KCHECK(nr_free_pages == min_free_pages,
	       "GFP_KERNEL leaves the %lu reserved pages, left %lu",
	       min_free_pages, nr_free_pages);
	take_all(GFP_ATOMIC);
	KCHECK(nr_free_pages == 0, "GFP_ATOMIC takes the rest, left %lu",
	       nr_free_pages);
	KCHECK(nr_blocks < MAX_BLOCKS, "fewer than %d blocks", MAX_BLOCKS);
	KCHECK(!__get_free_pages(GFP_ATOMIC, 0), "nothing once exhausted");
	for (i = 0; i < nr_blocks; i++) {
		held += 1UL << blocks[i].order;
		twice += page_count(blocks[i].addr) != 1;
	}
	KCHECK(held == before, "the blocks held add up to %lu pages, got %lu",
	       before, held);
	KCHECK(!twice, "every block has count 1 (%d do not)", twice);
	give_all_back();
	KCHECK(nr_free_pages == before, "all %lu pages back, got %lu", before,
	       nr_free_pages);
	kfree(blocks);
	kcase_end();
}

static void test_zeroed(void)
{
	unsigned long page = __get_free_page(GFP_KERNEL), again;

	kcase_begin("mm_alloc_get_free_page_zero_fills");
	KCHECK(page, "a page");
	if (page) {
		memset((void *)page, 0x5a, PAGE_SIZE);
		free_page(page);
		again = get_free_page(GFP_KERNEL);
		KCHECK(again == page, "the page just freed comes back first");
		KCHECK(((unsigned char *)again)[0] == 0 &&
		       ((unsigned char *)again)[PAGE_SIZE - 1] == 0,
		       "zero-filled");
		free_page(again);
	}
	kcase_end();
}

static void test_kmalloc(void)
{
	unsigned long before = nr_free_pages;
	size_t size;

	kcase_begin("mm_alloc_kmalloc_16_bytes_to_128k");
	for (size = 16; size <= 128 * 1024; size <<= 1) {
		unsigned char *a = kmalloc(size, GFP_KERNEL);
		unsigned char *b = kmalloc(size - 1, GFP_KERNEL);

		KCHECK(a && b, "kmalloc(%u) and kmalloc(%u)", (unsigned)size,
		       (unsigned)size - 1);
		if (!a || !b)
			break;
		KCHECK(((unsigned long)a & (size - 1)) == 0,
		       "kmalloc(%u) aligned to its size: %p", (unsigned)size, a);
		memset(a, 1, size);
		memset(b, 2, size - 1);
		KCHECK(a[size - 1] == 1 && b[0] == 2, "no overlap at %u",
		       (unsigned)size);
		kfree(a);
		kfree(b);
	}
	KCHECK(nr_free_pages == before, "all pages back: %lu, got %lu", before,
	       nr_free_pages);
	kcase_end();
}

/* test=mm_alloc: the buddy allocator and kmalloc, from inside the kernel. */
void selftest_mm_alloc(void)
{
	test_exhaust();
	test_zeroed();
	test_kmalloc();
}
