/*
 * swap.c - the swap slot allocator and swap_map's use counts, checked
 * from inside the kernel (test=swap), on an area that lives in memory
 * only: a swap_info[] slot with a swap_map and no disk behind it. No
 * page is read or written, so it runs without SWAP=.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/selftest.h>
#include <linux/mm.h>
#include <linux/shm.h>
#include <linux/swap.h>

#define TEST_SLOTS	64	/* the header's slot 0 and 63 usable */

static struct swap_info_struct *area;
static unsigned int area_type;

/* Make a writable area of TEST_SLOTS slots in a free swap_info[] slot. */
static int make_area(void)
{
	for (area_type = 0; area_type < MAX_SWAPFILES; area_type++)
		if (!swap_info[area_type].flags)
			break;
	if (area_type == MAX_SWAPFILES)
		return 0;
	area = &swap_info[area_type];
	memset(area, 0, sizeof(*area));
	area->swap_map = kmalloc(TEST_SLOTS, GFP_KERNEL);
	if (!area->swap_map)
		return 0;
	memset(area->swap_map, 0, TEST_SLOTS);
	area->swap_map[0] = SWAP_MAP_BAD;
	area->max = TEST_SLOTS;
	area->pages = TEST_SLOTS - 1;
	area->lowest_bit = 1;
	area->highest_bit = TEST_SLOTS - 1;
	area->prio = SWAP_FLAG_PRIO_MASK;	/* above any real area */
	strcpy(area->name, "(selftest)");
	area->flags = SWP_WRITEOK;
	if (area_type >= nr_swapfiles)
		nr_swapfiles = area_type + 1;
	nr_swap_pages += area->pages;
	total_swap_pages += area->pages;
	return 1;
}

static void drop_area(void)
{
	nr_swap_pages -= area->pages - area->inuse_pages;
	total_swap_pages -= area->pages;
	kfree(area->swap_map);
	memset(area, 0, sizeof(*area));
	while (nr_swapfiles && !swap_info[nr_swapfiles - 1].flags)
		nr_swapfiles--;
}

/* Every usable slot once, lowest first; then none; all back. */
static void test_take_all(void)
{
	unsigned long entries[TEST_SLOTS], free_before = nr_swap_pages;
	unsigned int i, wrong = 0;

	kcase_begin("swap_get_swap_page_every_slot_lowest_first");
	for (i = 1; i < TEST_SLOTS; i++) {
		entries[i] = get_swap_page();
		wrong += SWP_TYPE(entries[i]) != area_type ||
			 SWP_OFFSET(entries[i]) != i || swap_count(entries[i]) != 1;
	}
	KCHECK(!wrong, "slots 1..%d of area %u, each count 1 (%u not)",
	       TEST_SLOTS - 1, area_type, wrong);
	KCHECK(area->inuse_pages == TEST_SLOTS - 1, "all %d in use, got %u",
	       TEST_SLOTS - 1, area->inuse_pages);
	KCHECK(free_before - nr_swap_pages == TEST_SLOTS - 1,
	       "nr_swap_pages down by %d, got %lu", TEST_SLOTS - 1,
	       free_before - nr_swap_pages);
	if (nr_swap_pages == 0)
		KCHECK(!get_swap_page(), "no slot once all are taken");
	swap_free(entries[5]);
	KCHECK(get_swap_page() == entries[5], "a freed slot is found again");
	for (i = 1; i < TEST_SLOTS; i++)
		swap_free(entries[i]);
	KCHECK(area->inuse_pages == 0 && nr_swap_pages == free_before,
	       "every slot back: %u in use, %lu free of %lu",
	       area->inuse_pages, nr_swap_pages, free_before);
	kcase_end();
}

/* fork's swap_duplicate and each exit's swap_free: the count decides. */
static void test_counts(void)
{
	unsigned long entry = get_swap_page(), free_after_get;

	kcase_begin("swap_duplicate_and_free_count_references");
	free_after_get = nr_swap_pages;
	swap_duplicate(entry);
	swap_duplicate(entry);
	KCHECK(swap_count(entry) == 3, "count 3 after two duplicates, got %d",
	       swap_count(entry));
	swap_free(entry);
	swap_free(entry);
	KCHECK(swap_count(entry) == 1 && nr_swap_pages == free_after_get,
	       "still held by the last reference: count %d",
	       swap_count(entry));
	swap_free(entry);
	KCHECK(swap_count(entry) == 0 && nr_swap_pages == free_after_get + 1,
	       "free after the last swap_free: count %d", swap_count(entry));
	kcase_end();
}

/* A shm signature is no slot: swap_duplicate and swap_free ignore it. */
static void test_signature(void)
{
	unsigned long sig = SHM_SWP_TYPE << 1 | 3 << SHM_ID_SHIFT |
			    5UL << SHM_IDX_SHIFT;
	unsigned long free_before = nr_swap_pages;

	kcase_begin("swap_shm_signature_is_not_a_slot");
	KCHECK(!is_swap_entry(sig), "a signature is not a swap entry");
	swap_duplicate(sig);
	swap_free(sig);
	KCHECK(nr_swap_pages == free_before && area->inuse_pages == 0,
	       "nothing taken or given back");
	kcase_end();
}

void selftest_swap(void)
{
	kcase_begin("swap_test_area_made");
	KCHECK(make_area(), "a free swap_info[] slot and its swap_map");
	kcase_end();
	if (!area || !area->flags)
		return;
	test_take_all();
	test_counts();
	test_signature();
	drop_area();
}
