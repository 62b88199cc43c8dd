/*
 * mm_bigmem.c - the top of RAM: the direct map covers it and stops
 * there, and its last page holds data (test=mm_bigmem).
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

/*
 * test=mm_bigmem (part of test=all; telling with MEM=512): every page
 * directory entry of the direct map up to high_memory is present and
 * none past it; the highest free page can be written and read back.
 */
void selftest_mm_bigmem(void)
{
	unsigned long addr, top = 0, before;
	pmd_t *pmd;
	int i;

	kcase_begin("mm_bigmem_direct_map_covers_ram_and_stops_there");
	for (addr = PAGE_OFFSET; addr < high_memory; addr += PGDIR_SIZE)
		KCHECK(pgd_val(*pgd_offset_k(addr)) & _PAGE_PRESENT,
		       "%08lx is mapped", addr);
	pmd = pmd_offset(pgd_offset_k(high_memory), high_memory);
	KCHECK(high_memory >= PAGE_OFFSET + MAX_DIRECT_MEM || pmd_none(*pmd) ||
	       pte_none(*pte_offset(pmd, high_memory)),
	       "nothing mapped at high_memory %08lx", high_memory);
	kcase_end();

	kcase_begin("mm_bigmem_highest_page_holds_data");
	if (!alloc_block_table()) {
		kcase_end();
		return;
	}
	before = nr_free_pages;
	take_all(GFP_ATOMIC);
	for (i = 0; i < nr_blocks; i++) {
		addr = blocks[i].addr + (PAGE_SIZE << blocks[i].order) -
		       PAGE_SIZE;
		if (addr > top)
			top = addr;
	}
	KCHECK(top >= high_memory - (high_memory - PAGE_OFFSET) / 16,
	       "a page near the top of RAM: %08lx, RAM ends at %08lx", top,
	       high_memory);
	memset((void *)top, 0xa5, PAGE_SIZE);
	KCHECK(((unsigned char *)top)[PAGE_SIZE - 1] == 0xa5,
	       "the top page keeps what was written");
	give_all_back();
	KCHECK(nr_free_pages == before, "all back: %lu, got %lu", before,
	       nr_free_pages);
	kfree(blocks);
	kcase_end();
}
