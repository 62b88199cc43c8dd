/*
 * ll_rw_blk.c - the block layer: queue a transfer for a disk driver and
 * sleep until it is done.
 *
 *   ll_rw_page / ll_rw_sectors
 *     -> make_request: a struct request on this stack
 *     -> add_request: the driver's queue (blk_dev[major]); request_fn
 *        starts it when the queue was empty
 *     -> sleep on req.waiting until end_request (the disk's interrupt)
 *
 * Departure from 1.2.13: every transfer here is synchronous (swap and
 * /dev/hda wait for their data), so a request lives on its requester's
 * kernel stack instead of in a fixed table of NR_REQUEST slots; no task
 * ever waits for a free slot, and the queue is first come, first served
 * (1.2.13 sorted it by sector, an elevator for its buffer cache).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/blkdev.h>
#include <asm/system.h>

#define SECTORS_PER_PAGE	(PAGE_SIZE / SECTOR_SIZE)
#define BLOCKS_PER_PAGE		(PAGE_SIZE / BLOCK_SIZE)
#define MAX_REQUEST_SECTORS	128	/* one ATA command moves at most 256 */

struct blk_dev_struct blk_dev[MAX_BLKDEV];
int *blk_size[MAX_BLKDEV];

/*
 * blk_dev_pages - how many whole pages dev holds: 0 when no driver has
 * found a disk for its major, or the minor is not one of its devices
 * (Lintel's hd has minor 0 only: the whole disk).
 */
unsigned long blk_dev_pages(kdev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	if (major >= MAX_BLKDEV || !blk_size[major] || minor != 0)
		return 0;
	return blk_size[major][minor] / BLOCKS_PER_PAGE;
}

/*
 * add_request - put req at the tail of dev's queue and, if the driver
 * was idle, start it. Interrupts are off so that the driver's interrupt
 * cannot take the queue's head away while req is being linked.
 */
static void add_request(struct blk_dev_struct *dev, struct request *req)
{
	struct request **tail;
	unsigned long flags;

	save_flags(flags);
	cli();
	req->next = NULL;
	if (!dev->current_request) {
		dev->current_request = req;
		dev->request_fn();
	} else {
		for (tail = &dev->current_request->next; *tail;
		     tail = &(*tail)->next)
			;
		*tail = req;
	}
	restore_flags(flags);
}

/*
 * wait_on_request - return once end_request has retired req.
 *
 * A task sleeps on req->waiting; interrupts stay off from the test to
 * the sleep, so the wake-up cannot come in between and be lost. The
 * idle task may not sleep (it is what runs when no one can): during
 * boot, when the self-tests use the disk, it halts until the interrupt
 * instead. Either way the interrupt does the work.
 */
static void wait_on_request(struct request *req)
{
	unsigned long flags;

	save_flags(flags);
	cli();
	while (req->rq_status != RQ_INACTIVE) {
		if (current == &init_task) {
			__asm__ volatile("sti; hlt; cli" : : : "memory");
			continue;
		}
		sleep_on(&req->waiting);
	}
	restore_flags(flags);
}

/*
 * make_request - move nr (1..MAX_REQUEST_SECTORS) sectors from sector
 * of dev to or from buf, and sleep until done. The caller has checked
 * that dev exists and the range is inside it. Returns 0 or -EIO.
 */
static int make_request(int rw, kdev_t dev, unsigned long sector,
			unsigned long nr, char *buf)
{
	struct request req = {
		.rq_status = RQ_ACTIVE,
		.rq_dev = dev,
		.cmd = rw,
		.sector = sector,
		.nr_sectors = nr,
		.current_nr_sectors = nr,
		.buffer = buf,
	};

	add_request(&blk_dev[MAJOR(dev)], &req);
	wait_on_request(&req);
	return req.errors ? -EIO : 0;
}

/*
 * ll_rw_sectors - see blkdev.h. Splits the transfer into requests of
 * at most MAX_REQUEST_SECTORS; stops at the first error.
 */
int ll_rw_sectors(int rw, kdev_t dev, unsigned long sector,
		  unsigned long nr, char *buf)
{
	unsigned long total = blk_dev_pages(dev) * SECTORS_PER_PAGE;
	unsigned long n;
	int err;

	if (!total)
		return -ENXIO;
	if ((rw != READ && rw != WRITE) || sector >= total ||
	    nr > total - sector)
		return -EINVAL;
	for (; nr; nr -= n, sector += n, buf += n * SECTOR_SIZE) {
		n = nr < MAX_REQUEST_SECTORS ? nr : MAX_REQUEST_SECTORS;
		err = make_request(rw, dev, sector, n, buf);
		if (err)
			return err;
	}
	return 0;
}

/*
 * ll_rw_page - see blkdev.h: one page is SECTORS_PER_PAGE sectors, so
 * page page_nr starts at sector page_nr * SECTORS_PER_PAGE.
 */
int ll_rw_page(int rw, kdev_t dev, unsigned long page_nr, char *buf)
{
	unsigned long pages = blk_dev_pages(dev);

	if (!pages)
		return -ENXIO;
	if (page_nr >= pages)
		return -EINVAL;
	return ll_rw_sectors(rw, dev, page_nr * SECTORS_PER_PAGE,
			     SECTORS_PER_PAGE, buf);
}

/*
 * end_request - called by the driver of major, interrupts off, when the
 * request at the head of its queue is finished (uptodate 1) or has
 * failed (0). Unlinks it, marks it done and wakes its task; the driver
 * then starts the next one.
 */
void end_request(unsigned int major, int uptodate)
{
	struct blk_dev_struct *dev = &blk_dev[major];
	struct request *req = dev->current_request;

	if (!req)
		return;
	if (!uptodate)
		req->errors++;
	dev->current_request = req->next;
	req->rq_status = RQ_INACTIVE;
	wake_up(&req->waiting);
}

/* Boot: let each block driver look for its disks (1.2.13's blk_dev_init). */
void blk_dev_init(void)
{
	hd_init();
}
