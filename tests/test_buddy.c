/*
 * test_buddy.c - the buddy allocator (mm/page_alloc.c) on a fake RAM of
 * a few thousand pages with reserved holes in it: blocks are aligned and
 * maximal, a split and a merge undo each other, a long random sequence of
 * allocations and frees never hands out a page twice, and when all is
 * freed every page is back, merged as at the start.
 */
#include "check.h"
#include "mm_host.h"
#include "../mm/page_alloc.c"

#define RAM_PAGES	5000
#define RANDOM_STEPS	200000
#define MAX_HELD	RAM_PAGES
#define TEST_ORDERS	7	/* random requests use orders 0..6 */

/* A BIOS hole, a "kernel", a stray page, and a run at the very end. */
static int reserved_layout(unsigned long nr)
{
	return nr == 0 || (nr >= 159 && nr < 256) ||
	       (nr >= 256 && nr < 601) || nr == 3333 ||
	       nr >= RAM_PAGES - 7;
}

static unsigned long unreserved_pages(void)
{
	unsigned long nr, n = 0;

	for (nr = 0; nr < RAM_PAGES; nr++)
		n += !reserved_layout(nr);
	return n;
}

/* Who holds each page: 0 = nobody (free or reserved), else 1. */
static unsigned char held[RAM_PAGES];

static struct block {
	unsigned long nr;
	int order;
} blocks[MAX_HELD];
static int nr_blocks;

/*
 * Walk every free list; return NULL if the free blocks are aligned,
 * inside RAM, clear of reserved and held pages, do not overlap, have no
 * free buddy of their own order (merging is eager), and add up to
 * nr_free_pages. Otherwise say what is wrong.
 */
static const char *check_free_lists(void)
{
	static char why[160];
	static unsigned char seen[RAM_PAGES];
	unsigned long total = 0;
	int order;

	memset(seen, 0, sizeof(seen));
	for (order = 0; order < NR_MEM_LISTS; order++) {
		mem_map_t *p;

		for (p = free_area[order].next; p != &free_area[order];
		     p = p->next) {
			unsigned long nr = p - mem_map, i, size = 1UL << order;
			unsigned long buddy = nr ^ size;

			if (p->next->prev != p) {
				sprintf(why, "list %d broken at page %lu",
					order, nr);
				return why;
			}
			if (!(p->flags & PG_buddy) || p->order != order ||
			    (nr & (size - 1)) || nr + size > RAM_PAGES) {
				sprintf(why, "bad block %lu order %d (flags %x "
					"order %d)", nr, order, p->flags,
					p->order);
				return why;
			}
			for (i = nr; i < nr + size; i++) {
				if (reserved_layout(i) || held[i] || seen[i]) {
					sprintf(why, "free block %lu/%d covers "
						"page %lu (reserved %d held %d "
						"seen %d)", nr, order, i,
						reserved_layout(i), held[i],
						seen[i]);
					return why;
				}
				seen[i] = 1;
			}
			if (order < NR_MEM_LISTS - 1 && buddy < RAM_PAGES &&
			    (mem_map[buddy].flags & PG_buddy) &&
			    mem_map[buddy].order == order) {
				sprintf(why, "blocks %lu and %lu should have "
					"merged at order %d", nr, buddy, order);
				return why;
			}
			total += size;
		}
	}
	if (total != nr_free_pages) {
		sprintf(why, "lists hold %lu pages, nr_free_pages %lu", total,
			nr_free_pages);
		return why;
	}
	return NULL;
}

/* The free lists as a set of (page, order), to compare two moments. */
static unsigned char snapshot_a[RAM_PAGES], snapshot_b[RAM_PAGES];

static void snapshot(unsigned char *s)
{
	int order;

	memset(s, 0xff, RAM_PAGES);
	for (order = 0; order < NR_MEM_LISTS; order++) {
		mem_map_t *p;

		for (p = free_area[order].next; p != &free_area[order];
		     p = p->next)
			s[p - mem_map] = order;
	}
}

static int take(int order, int priority)
{
	unsigned long addr = __get_free_pages(priority, order), nr, i;

	if (!addr)
		return 0;
	nr = MAP_NR(addr);
	for (i = nr; i < nr + (1UL << order); i++) {
		CHECK(!held[i] && !reserved_layout(i),
		      "page %lu handed out while held %d reserved %d", i,
		      held[i], reserved_layout(i));
		held[i] = 1;
	}
	CHECK((nr & ((1UL << order) - 1)) == 0,
	      "block %lu aligned to order %d", nr, order);
	CHECK(mem_map[nr].count == 1, "count 1 on a new block, got %d",
	      mem_map[nr].count);
	blocks[nr_blocks].nr = nr;
	blocks[nr_blocks].order = order;
	nr_blocks++;
	return 1;
}

static void give_back(int i)
{
	unsigned long nr = blocks[i].nr, j;

	for (j = nr; j < nr + (1UL << blocks[i].order); j++)
		held[j] = 0;
	free_pages((unsigned long)__va(nr << PAGE_SHIFT), blocks[i].order);
	blocks[i] = blocks[--nr_blocks];
}

static void give_all_back(void)
{
	while (nr_blocks)
		give_back(nr_blocks - 1);
}

static void test_init(void)
{
	const char *why = check_free_lists();

	case_begin("buddy_init_blocks_aligned_maximal_and_counted");
	CHECK(!why, "consistent free lists: %s", why);
	CHECK(nr_free_pages == unreserved_pages(),
	      "every unreserved page free: %lu, got %lu", unreserved_pages(),
	      nr_free_pages);
	CHECK(totalram_pages == nr_free_pages, "totalram_pages %lu, got %lu",
	      nr_free_pages, totalram_pages);
	case_end();
}

static void test_split_merge(void)
{
	unsigned long before = nr_free_pages, addr;
	const char *why;

	case_begin("buddy_split_then_merge_restores_lists");
	snapshot(snapshot_a);
	addr = __get_free_pages(GFP_KERNEL, 0);
	CHECK(addr, "one page from a fresh allocator");
	CHECK(nr_free_pages == before - 1, "nr_free_pages %lu, got %lu",
	      before - 1, nr_free_pages);
	why = check_free_lists();
	CHECK(!why, "lists after a split: %s", why);
	free_pages(addr, 0);
	snapshot(snapshot_b);
	CHECK(!memcmp(snapshot_a, snapshot_b, RAM_PAGES),
	      "the same blocks after merging back");
	CHECK(nr_free_pages == before, "nr_free_pages %lu, got %lu", before,
	      nr_free_pages);
	case_end();
}

static void test_reuse_freed_first(void)
{
	unsigned long a, b, c;

	case_begin("buddy_hands_out_the_page_just_freed");
	a = __get_free_pages(GFP_KERNEL, 0);
	b = __get_free_pages(GFP_KERNEL, 0);
	c = __get_free_pages(GFP_KERNEL, 0);
	free_pages(b, 0);
	CHECK(__get_free_pages(GFP_KERNEL, 0) == b,
	      "the freed page %08lx comes back first", b);
	free_pages(a, 0);
	free_pages(b, 0);
	free_pages(c, 0);
	case_end();
}

static void test_random(void)
{
	unsigned long step, total = unreserved_pages(), in_use = 0;
	const char *why = NULL;
	int i;

	case_begin("buddy_random_never_hands_out_a_page_twice");
	srand(12345);
	for (step = 0; step < RANDOM_STEPS && !why; step++) {
		int r = rand() % 100;

		if (r < 55) {
			int order = rand() % 100 < 70 ? 0 : rand() % TEST_ORDERS;

			take(order, GFP_ATOMIC);
		} else if (nr_blocks) {
			give_back(rand() % nr_blocks);
		}
		in_use = 0;
		for (i = 0; i < nr_blocks; i++)
			in_use += 1UL << blocks[i].order;
		CHECK(nr_free_pages == total - in_use,
		      "step %lu: nr_free_pages %lu, expected %lu", step,
		      nr_free_pages, total - in_use);
		if (step % 1000 == 0)
			why = check_free_lists();
		if (check_case_failed)
			break;
	}
	CHECK(!why, "free lists at step %lu: %s", step, why);
	case_end();

	case_begin("buddy_every_page_back_after_freeing_all");
	give_all_back();
	why = check_free_lists();
	CHECK(!why, "consistent free lists: %s", why);
	CHECK(nr_free_pages == total, "nr_free_pages %lu, got %lu", total,
	      nr_free_pages);
	snapshot(snapshot_b);
	CHECK(!memcmp(snapshot_a, snapshot_b, RAM_PAGES),
	      "merged back into the blocks of the start");
	case_end();
}

static void test_exhaust(void)
{
	unsigned long total = nr_free_pages;

	case_begin("buddy_exhaust_keeps_reserve_for_atomic");
	min_free_pages = 16;
	while (take(0, GFP_KERNEL))
		;
	CHECK(nr_free_pages == 16, "GFP_KERNEL stops at the reserve of 16, "
	      "left %lu", nr_free_pages);
	while (take(0, GFP_ATOMIC))
		;
	CHECK(nr_free_pages == 0, "GFP_ATOMIC takes the rest, left %lu",
	      nr_free_pages);
	CHECK(!__get_free_pages(GFP_ATOMIC, 0), "nothing when empty");
	give_all_back();
	CHECK(nr_free_pages == total, "all %lu back, got %lu", total,
	      nr_free_pages);
	min_free_pages = 0;
	case_end();
}

static void test_bad_frees(void)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 0);
	unsigned long before;

	case_begin("buddy_double_free_and_reserved_free_ignored");
	free_pages(addr, 0);
	before = nr_free_pages;
	free_pages(addr, 0);		/* prints a complaint */
	free_pages((unsigned long)__va(300 * PAGE_SIZE), 0);	/* reserved */
	CHECK(nr_free_pages == before, "nr_free_pages unchanged %lu, got %lu",
	      before, nr_free_pages);
	CHECK(!check_free_lists(), "lists intact: %s", check_free_lists());
	case_end();
}

static void test_shared_count(void)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 0);
	unsigned long before = nr_free_pages;

	case_begin("buddy_page_freed_on_last_reference");
	virt_to_page(addr)->count++;
	free_pages(addr, 0);
	CHECK(nr_free_pages == before, "still in use after one of two frees");
	free_pages(addr, 0);
	CHECK(nr_free_pages == before + 1, "free after the second");
	case_end();
}

static void test_zeroed(void)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 0), again;

	case_begin("get_free_page_zero_fills");
	memset((void *)addr, 0x5a, PAGE_SIZE);
	free_pages(addr, 0);
	again = get_free_page(GFP_KERNEL);
	CHECK(again == addr, "the same page back");
	CHECK(((unsigned char *)again)[0] == 0 &&
	      ((unsigned char *)again)[PAGE_SIZE - 1] == 0,
	      "zeroed, got %02x", ((unsigned char *)again)[0]);
	free_pages(again, 0);
	case_end();
}

int main(void)
{
	if (fake_ram_init(RAM_PAGES, reserved_layout))
		return 1;
	test_init();
	test_split_merge();
	test_reuse_freed_first();
	test_random();
	test_exhaust();
	test_bad_frees();
	test_shared_count();
	test_zeroed();
	return check_summary();
}
