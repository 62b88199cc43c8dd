/*
 * page_alloc.c - physical pages: mem_map[] and the buddy allocator.
 *
 * Free RAM is kept in blocks of 2^order pages, aligned to their size,
 * one list per order (free_area[order]); only a block's first page
 * descriptor is on the list, marked PG_buddy with its order. 1.2.13's
 * version is mm/swap.c:__get_free_pages and free_pages.
 *
 *   allocate order k: take a block from the smallest non-empty list
 *                     >= k; while it is too big, halve it and put the
 *                     upper half back on the list one order down.
 *   free order k:     while the block's buddy (index ^ 2^k) is free and
 *                     of the same order, take it off its list and merge.
 *
 * Lists are LIFO and splits hand out the lower half, so a page just freed
 * is the next one handed out: under QEMU, reusing a page already touched
 * is much cheaper than touching a new one.
 *
 * Interrupts are held off around list changes, so that an interrupt
 * handler may allocate with GFP_ATOMIC (1.2.13 did the same).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <asm/system.h>
#include "page_list.h"

mem_map_t *mem_map;
unsigned long num_physpages;
unsigned long totalram_pages;
unsigned long nr_free_pages;
unsigned long min_free_pages;

/* The list heads; each is a circular list through page->next/prev. */
static mem_map_t free_area[NR_MEM_LISTS];

/* Put the free block at map_nr (aligned to 2^order) on its list. */
static void add_free_block(unsigned long map_nr, int order)
{
	mem_map_t *page = mem_map + map_nr;

	page->flags |= PG_buddy;
	page->order = order;
	page_list_add(&free_area[order], page);
}

/* The block at map_nr of 2^order pages is free: merge it and list it. */
static void free_block(unsigned long map_nr, int order)
{
	nr_free_pages += 1UL << order;
	while (order < NR_MEM_LISTS - 1) {
		unsigned long buddy_nr = map_nr ^ (1UL << order);
		mem_map_t *buddy = mem_map + buddy_nr;

		if (buddy_nr >= num_physpages || !(buddy->flags & PG_buddy) ||
		    buddy->order != order)
			break;
		page_list_del(buddy);
		buddy->flags &= ~PG_buddy;
		map_nr &= ~(1UL << order);
		order++;
	}
	add_free_block(map_nr, order);
}

/* Take a block of 2^order pages off the lists; NULL if none is big enough. */
static mem_map_t *take_block(int order)
{
	int o;

	for (o = order; o < NR_MEM_LISTS; o++) {
		mem_map_t *page = free_area[o].next;
		unsigned long map_nr;

		if (page_list_empty(&free_area[o]))
			continue;
		page_list_del(page);
		page->flags &= ~PG_buddy;
		map_nr = page - mem_map;
		while (o > order) {
			o--;
			add_free_block(map_nr + (1UL << o), o);
		}
		nr_free_pages -= 1UL << order;
		return page;
	}
	return NULL;
}

/*
 * __get_free_pages - 2^order contiguous pages, not cleared, count 1.
 * Returns their kernel virtual address, or 0. Only GFP_ATOMIC may take
 * the last min_free_pages: they are kept for callers that cannot wait.
 * The others, when nothing is left, wait while try_to_free_page writes
 * pages out to swap (mm/vmscan.c), and try again for as long as it
 * frees some and too few pages are free (freeing more would not make a
 * big block appear): so any call but a GFP_ATOMIC one may sleep.
 */
unsigned long __get_free_pages(int priority, int order)
{
	unsigned long flags;
	mem_map_t *page;

	if (order < 0 || order >= NR_MEM_LISTS)
		return 0;
	do {
		page = NULL;
		save_flags(flags);
		cli();
		if (priority == GFP_ATOMIC ||
		    nr_free_pages >= min_free_pages + (1UL << order))
			page = take_block(order);
		if (page)
			page->count = 1;
		restore_flags(flags);
	} while (!page && priority != GFP_ATOMIC &&
		 nr_free_pages < min_free_pages + (1UL << order) &&
		 try_to_free_page(priority));
	return page ? page_address(page) : 0;
}

/* get_free_page - one page, filled with zeroes (1.2.13 mm.h). */
unsigned long get_free_page(int priority)
{
	unsigned long page = __get_free_pages(priority, 0);

	if (page)
		clear_page(page);
	return page;
}

/*
 * free_pages - drop one reference to the block at addr; on the last one,
 * the block goes back to the free lists. Reserved pages are left alone.
 * A reference that is not the last changes no list, so it is dropped
 * without holding interrupts off: no handler frees a page that anyone
 * else holds (fork's copy_one_pte takes one the same way). 1.2.13 held
 * them off for every count; under QEMU saving and restoring the flags
 * costs more than the rest, and an exit drops one per page it mapped.
 */
void __hot free_pages(unsigned long addr, int order)
{
	unsigned long map_nr = MAP_NR(addr), flags;
	mem_map_t *page = mem_map + map_nr;

	if (map_nr >= num_physpages) {
		printk("free_pages: %08lx is not in RAM\n", addr);
		return;
	}
	if (page->flags & PG_reserved)
		return;
	if (page->count > 1) {
		page->count--;
		return;
	}
	save_flags(flags);
	cli();
	if (!page->count)
		printk("free_pages: page %08lx is already free\n", addr);
	else if (!--page->count) {
		delete_from_swap_cache(addr);	/* its slot, if it kept one */
		free_block(map_nr, order);
	}
	restore_flags(flags);
}

/*
 * free_area_init - hand every page of mem_map[] that is not reserved to
 * the allocator. mem_init has filled mem_map with the reserved flags.
 * Each run of free pages goes in as the largest aligned blocks that fit,
 * so this touches only mem_map, never the free pages themselves.
 */
void free_area_init(void)
{
	unsigned long nr = 0;
	int order;

	for (order = 0; order < NR_MEM_LISTS; order++)
		page_list_init(&free_area[order]);
	nr_free_pages = 0;
	while (nr < num_physpages) {
		if (mem_map[nr].flags & PG_reserved) {
			nr++;
			continue;
		}
		for (order = NR_MEM_LISTS - 1; order > 0; order--) {
			unsigned long size = 1UL << order, i;

			if ((nr & (size - 1)) || nr + size > num_physpages)
				continue;
			for (i = 1; i < size; i++)
				if (mem_map[nr + i].flags & PG_reserved)
					break;
			if (i == size)
				break;
		}
		add_free_block(nr, order);
		nr_free_pages += 1UL << order;
		nr += 1UL << order;
	}
	totalram_pages = nr_free_pages;
}

/* Print how many blocks of each size are free (the debugger's view). */
void show_free_areas(void)
{
	int order;

	printk("Free pages: %6lukB\n ( ", nr_free_pages << (PAGE_SHIFT - 10));
	for (order = 0; order < NR_MEM_LISTS; order++) {
		unsigned long n = 0;
		mem_map_t *p;

		for (p = free_area[order].next; p != &free_area[order];
		     p = p->next)
			n++;
		printk("%lu*%lukB ", n, PAGE_SIZE >> 10 << order);
	}
	printk(")\n");
}
