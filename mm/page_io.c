/*
 * page_io.c - moving one page between memory and a swap slot.
 *
 * rw_swap_page is the only way swap data moves: swap_out and shm_swap
 * write through it, swap_in, shm_swap_in and swapoff read. A slot is
 * locked (a bit in its area's swap_lockmap) while its page moves, so a
 * read of a slot whose write is still under way waits for the write to
 * end, as in 1.2.13 (mm/swap.c:rw_swap_page), which also paged to swap
 * files through bmap; Lintel swaps to a block device only.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <asm/system.h>

unsigned long pswpin, pswpout;
static struct wait_queue *lock_queue;	/* waiters for any slot's lock */

/* Take the lock bit of offset in p, sleeping while another holds it. */
static void lock_slot(struct swap_info_struct *p, unsigned long offset)
{
	unsigned char bit = 1 << (offset & 7);

	while (p->swap_lockmap[offset >> 3] & bit)
		sleep_on(&lock_queue);
	p->swap_lockmap[offset >> 3] |= bit;
}

static void unlock_slot(struct swap_info_struct *p, unsigned long offset)
{
	p->swap_lockmap[offset >> 3] &= ~(1 << (offset & 7));
	wake_up(&lock_queue);
}

/*
 * rw_swap_page - read (READ) or write (WRITE) the page at buf (a kernel
 * address) from or to the slot entry names. Sleeps until the disk is
 * done. The caller holds a reference on the slot (its count is not 0),
 * so the area cannot go while this sleeps. Returns 0, or -EIO (or the
 * driver's error) with a message: a failed write leaves the slot's data
 * unknown, a failed read leaves buf partly filled.
 */
int rw_swap_page(int rw, unsigned long entry, char *buf)
{
	unsigned long type = SWP_TYPE(entry), offset = SWP_OFFSET(entry);
	struct swap_info_struct *p = &swap_info[type];
	int err;

	if (type >= MAX_SWAPFILES || !(p->flags & SWP_USED) ||
	    offset >= p->max || !p->swap_map[offset]) {
		printk("rw_swap_page: bad swap entry %08lx\n", entry);
		return -EINVAL;
	}
	lock_slot(p, offset);
	err = ll_rw_page(rw, p->swap_device, offset, buf);
	unlock_slot(p, offset);
	if (err)
		printk("rw_swap_page: %s of slot %lu on %s failed (%d)\n",
		       rw == READ ? "read" : "write", offset, p->name, err);
	else if (rw == READ)
		pswpin++;
	else
		pswpout++;
	return err;
}

/* swapon: read the header page (slot 0) of the area on dev into buf. */
int swap_read_header(kdev_t dev, char *buf)
{
	return ll_rw_page(READ, dev, 0, buf);
}
