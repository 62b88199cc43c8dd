/*
 * swap.c - swap_in: a fault on a pte that holds a swap entry.
 *
 * swap_out (mm/vmscan.c) left the entry in the pte when it wrote the
 * page to a slot; the first touch afterwards faults here through
 * do_no_page -> do_swap_page, for areas without vm_ops->swapin (shm
 * areas bring their pages in through shm_swap_in instead).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/trace.h>

/*
 * swap_in - read the page in slot entry into a fresh page and map it at
 * address of vma, in place of the entry. For a read fault the page is
 * mapped clean and keeps the slot in the swap cache (mm/swap_state.c):
 * put out again unchanged, it needs no write. For a write fault, or
 * with no cache, the slot loses the pte's reference (swap_free) and the
 * page is mapped dirty: memory holds the only copy of its data. A fork
 * may have shared the slot (swap_duplicate): then each side reads its
 * own copy, which is what a private page needs.
 *
 * Sleeps (allocation, the disk), so neither vma nor a pte pointer is
 * used afterwards: the area and pte are found again from the mm
 * (fault_pte_again); if the pte changed meanwhile (another thread
 * brought the page in, or unmapped the area), our copy goes and the
 * fault is done. Meanwhile that thread may also free the pte's slot:
 * so we hold a reference of our own on it from the start (the caller
 * read entry from the pte without sleeping since), and rw_swap_page
 * never reads a slot that is free, or another page's by then. A slot
 * at SWAP_MAP_MAX takes no more (its many others keep it): we drop
 * only the reference swap_duplicate says we took.
 * Returns 0, -ENOMEM (no page: the caller's oom), or -EFAULT (the disk
 * failed: SIGBUS, the entry stays).
 */
int swap_in(struct vm_area_struct *vma, unsigned long address,
	    unsigned long entry, int write_access)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long page;
	pte_t *page_table, pte;
	int err, held;

	held = swap_duplicate(entry);	/* ours, until the page is mapped */
	page = __get_free_page(GFP_USER);
	err = page ? read_swap_page(entry, (char *)page) : -ENOMEM;
	page_table = fault_pte_again(mm, address, __pte(entry), &vma);
	if (err || !page_table) {
		if (page)
			free_page(page);
		if (held)
			swap_free(entry);
		if (!page_table)
			return 0;
		return err == -ENOMEM ? -ENOMEM : -EFAULT;
	}
	pte = mk_pte(page, vma->vm_page_prot);
	if (write_access || !add_to_swap_cache(page, entry)) {
		pte = pte_mkdirty(pte);
		if (write_access)
			pte = pte_mkwrite(pte);
		swap_free(entry);
	}
	if (held)
		swap_free(entry);	/* our own reference */
	*page_table = pte;
	mm->rss++;
	current->maj_flt++;
	trace_event(TRACE_SWAP, "SWAP in pid=%d addr=0x%08lx slot=%lu:%lu "
		    "pfn=0x%lx", current->pid, address, SWP_TYPE(entry),
		    SWP_OFFSET(entry), __pa(page) >> PAGE_SHIFT);
	return 0;
}
