/*
 * mm_helpers.c - what the memory self-tests share (selftest/mm_test.h):
 * a test address space for the current task, a look at its page tables
 * from the kernel side, and a table to hold every free block while RAM
 * is exhausted on purpose.
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

static struct mm_struct *saved_mm;

/* Give current an empty mm of its own, and run on it. */
struct mm_struct *enter_test_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	saved_mm = current->mm;
	current->mm = mm;
	activate_mm(mm);
	return mm;
}

/* Empty and free the test mm, and give current its own mm back. */
void leave_test_mm(struct mm_struct *mm)
{
	exit_mmap(mm);
	current->mm = saved_mm;
	if (saved_mm)
		activate_mm(saved_mm);
	mm_free(mm);
}

/*
 * The pte that maps addr in mm, or NULL if it has no page table. The
 * barrier: a fault may have changed the tables since the compiler last
 * looked, and it cannot know.
 */
pte_t *test_pte(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd;

	barrier();
	pmd = pmd_offset(pgd_offset(mm, addr), addr);

	return pmd_none(*pmd) ? NULL : pte_offset(pmd, addr);
}

/* The page (kernel virtual) mapped at addr in mm, or 0. */
unsigned long mapped_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = test_pte(mm, addr);

	return pte && pte_present(*pte) ? pte_page(*pte) : 0;
}

/* The use count of page (a kernel virtual address) in mem_map. */
int page_count(unsigned long page)
{
	return virt_to_page(page)->count;
}

/*
 * do_mmap of pages anonymous pages at addr (0: anywhere), private unless
 * flags has MAP_SHARED. Returns the address or -errno, as do_mmap.
 */
unsigned long map_anon(unsigned long addr, unsigned long pages,
			      unsigned long prot, unsigned long flags)
{
	return do_mmap(NULL, addr, pages * PAGE_SIZE, prot,
		       flags | MAP_ANONYMOUS |
		       (flags & MAP_SHARED ? 0 : MAP_PRIVATE), 0);
}

/* The number of areas in mm's list. */
int count_vmas(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int n = 0;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		n++;
	return n;
}

struct block *blocks;
int nr_blocks;

/* Take every block this priority may have, largest first, into blocks[]. */
void take_all(int priority)
{
	unsigned long addr;
	int order;

	for (order = NR_MEM_LISTS - 1; order >= 0; order--)
		while (nr_blocks < MAX_BLOCKS &&
		       (addr = __get_free_pages(priority, order))) {
			blocks[nr_blocks].addr = addr;
			blocks[nr_blocks].order = order;
			nr_blocks++;
		}
}

/* Free every block take_all took; the table stays for another round. */
void give_all_back(void)
{
	while (nr_blocks) {
		nr_blocks--;
		free_pages(blocks[nr_blocks].addr, blocks[nr_blocks].order);
	}
}

/* Make the table of blocks (a failed KCHECK if it cannot): 1 or 0. */
int alloc_block_table(void)
{
	nr_blocks = 0;
	blocks = kmalloc(MAX_BLOCKS * sizeof(*blocks), GFP_KERNEL);
	KCHECK(blocks, "room to record %d blocks", MAX_BLOCKS);
	return blocks != NULL;
}
