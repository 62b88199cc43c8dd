/*
 * swap.c - where swapping will go. Lintel has no swap device yet, so no
 * pte ever holds a swap entry; the only "not present, not none" ptes are
 * shm signatures, and shm areas bring those in through their own
 * vm_ops->swapin (do_swap_page). 1.2.13's mm/swap.c has the whole of it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>

/*
 * swap_in - a fault on a swap entry in an area without swapin. With no
 * swap there is nothing to read such an entry from: the pte is damaged.
 * Say so, clear it (a later touch demand-zeroes the page) and fail the
 * fault: the process gets SIGBUS.
 */
int swap_in(struct vm_area_struct *vma, pte_t *page_table,
	    unsigned long entry, int write_access)
{
	printk("swap_in: no swap device for entry %08lx (type %lu) in %s "
	       "(pid %d), area %08lx-%08lx\n", entry, SWP_TYPE(entry),
	       current->comm, current->pid, vma->vm_start, vma->vm_end);
	pte_clear(page_table);
	return -EFAULT;
}
