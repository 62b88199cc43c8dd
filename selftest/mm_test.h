#ifndef _SELFTEST_MM_TEST_H
#define _SELFTEST_MM_TEST_H

/*
 * What the memory self-tests share (selftest/mm_helpers.c).
 *
 * The address-space tests give the current task a fresh mm of its own
 * for the duration (enter_test_mm), map areas in it with do_mmap, and
 * touch them from the kernel through the user addresses: with CR0.WP set,
 * a kernel access faults exactly as a user one would, so the whole fault
 * path runs (do_page_fault -> do_no_page / do_wp_page).
 */
#include <linux/mm.h>

#define TEST_BASE	0x20000000UL	/* where the tests map things */
#define MAX_BLOCKS	4096		/* held while RAM is exhausted */

/* A test address space for current; leave_test_mm frees it. */
struct mm_struct *enter_test_mm(void);
void leave_test_mm(struct mm_struct *mm);

/* Page tables and areas, looked at from the kernel side. */
pte_t *test_pte(struct mm_struct *mm, unsigned long addr);
unsigned long mapped_page(struct mm_struct *mm, unsigned long addr);
int page_count(unsigned long page);
unsigned long map_anon(unsigned long addr, unsigned long pages,
		       unsigned long prot, unsigned long flags);
int count_vmas(struct mm_struct *mm);

/*
 * Every free block, held to exhaust RAM: alloc_block_table makes the
 * table (the caller kfrees blocks), take_all fills it, give_all_back
 * frees what it holds.
 */
struct block {
	unsigned long addr;
	int order;
};
extern struct block *blocks;
extern int nr_blocks;

int alloc_block_table(void);
void take_all(int priority);
void give_all_back(void);

#endif
