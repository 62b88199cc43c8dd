/*
 * swap_state.c - the swap cache: which slot still holds a copy of a
 * page in memory (1.2.13's swap_cache[], mm/swap.c and linux/mm.h).
 *
 * A page read back from swap for a read fault keeps its slot: the slot's
 * reference moves from the pte to swap_cache[MAP_NR(page)]. While the
 * page stays clean, swap_out can put it back out without writing it
 * (the slot already holds the same data): the reference simply moves
 * back to the pte. A write makes the page dirty; swap_out then drops the
 * cached slot and writes the page to a new one. Freeing the page drops
 * its slot too (free_pages). This is what lets a child read every page
 * its parent had in swap without needing swap space of its own.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/swap.h>

static unsigned long *swap_cache;	/* an entry per page frame, or 0 */
unsigned long nr_swap_cache_pages;

/*
 * init_swap_cache - make the cache, once, at the first swapon (a machine
 * that never swaps has none). Returns 0 or -ENOMEM.
 */
int init_swap_cache(void)
{
	unsigned long size = num_physpages * sizeof(unsigned long);

	if (swap_cache)
		return 0;
	swap_cache = kmalloc(size, GFP_KERNEL);
	if (!swap_cache)
		return -ENOMEM;
	memset(swap_cache, 0, size);
	return 0;
}

/*
 * add_to_swap_cache - page (a kernel address, mapped by one pte, clean)
 * has the same data as slot entry, whose pte reference the cache now
 * holds. Returns 0 if there is no cache (the caller keeps the slot).
 */
int add_to_swap_cache(unsigned long page, unsigned long entry)
{
	if (!swap_cache)
		return 0;
	swap_cache[MAP_NR(page)] = entry;
	nr_swap_cache_pages++;
	return 1;
}

/* lookup_swap_cache - the slot cached for page (it stays cached), or 0. */
unsigned long lookup_swap_cache(unsigned long page)
{
	return swap_cache ? swap_cache[MAP_NR(page)] : 0;
}

/*
 * find_in_swap_cache - the slot cached for page, now the caller's (the
 * cache forgets it); 0 if none.
 */
unsigned long find_in_swap_cache(unsigned long page)
{
	unsigned long entry;

	if (!swap_cache)
		return 0;
	entry = swap_cache[MAP_NR(page)];
	swap_cache[MAP_NR(page)] = 0;
	if (entry)
		nr_swap_cache_pages--;
	return entry;
}

/*
 * delete_from_swap_cache - page's data is about to differ from its slot
 * (it was written), or the page is freed: give the slot up. Returns 1
 * if there was one.
 */
int delete_from_swap_cache(unsigned long page)
{
	unsigned long entry = find_in_swap_cache(page);

	if (!entry)
		return 0;
	swap_free(entry);
	return 1;
}

/* swapoff: forget every cached slot of area type (the pages stay). */
void swap_cache_unuse(unsigned int type)
{
	unsigned long nr;

	for (nr = 0; swap_cache && nr < num_physpages; nr++)
		if (swap_cache[nr] && SWP_TYPE(swap_cache[nr]) == type) {
			swap_free(swap_cache[nr]);
			swap_cache[nr] = 0;
			nr_swap_cache_pages--;
		}
}
