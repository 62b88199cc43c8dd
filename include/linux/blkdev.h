#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

/*
 * Block devices: what the swap code and /dev/hda use of a disk.
 *
 *   rw_swap_page --> ll_rw_page(rw, dev, page_nr, buf)
 *                        |
 *                        +-- make_request: a struct request on
 *                        |   blk_dev[major].current_request, then sleep
 *                        +-- do_hd_request (drivers/block/hd.c) starts
 *                            it; the disk's interrupt moves the data,
 *                            end_request wakes the sleeper
 *
 * The names are 1.2.13's (include/linux/blkdev.h, drivers/block/
 * ll_rw_blk.c and hd.c). Lintel has one disk: QEMU's first IDE disk,
 * /dev/hda (3,0), the whole disk, no partitions.
 */
#include <linux/types.h>
#include <linux/fs.h>
#include <linux/wait.h>

typedef unsigned short kdev_t;	/* MKDEV(major, minor), as i_rdev */

#define READ		0
#define WRITE		1

#define HD_MAJOR	3	/* /dev/hda is 3,0, as in Linux */
#define MAX_BLKDEV	8

#define SECTOR_SIZE	512
#define SECTOR_SHIFT	9
#define BLOCK_SIZE	1024	/* the unit of blk_size[] */
#define BLOCK_SIZE_BITS	10

/*
 * blk_size[major][minor]: a device's size in BLOCK_SIZE (1 KiB) blocks,
 * as in 1.2.13. blk_size[major] is NULL while no driver has found a
 * disk; a device exists when blk_dev_pages() of it is not 0.
 */
extern int *blk_size[MAX_BLKDEV];

/*
 * One transfer waiting for or owned by a driver (1.2.13's struct
 * request, less buffer heads: Lintel moves whole pages or sectors into
 * a kernel buffer). rq_status is RQ_ACTIVE while queued; the driver
 * sets errors and calls end_request, which makes it RQ_INACTIVE and
 * wakes the sleeper in waiting.
 */
#define RQ_INACTIVE	(-1)
#define RQ_ACTIVE	1

struct request {
	int rq_status;
	kdev_t rq_dev;
	int cmd;			/* READ or WRITE */
	int errors;			/* 0, or the driver's count of errors */
	unsigned long sector;		/* the next sector to move */
	unsigned long nr_sectors;	/* sectors still to move */
	unsigned long current_nr_sectors;
	char *buffer;			/* where the next sector goes/comes */
	struct wait_queue *waiting;	/* the task that asked, asleep */
	struct request *next;
};

/*
 * A driver's queue (1.2.13's struct blk_dev_struct): request_fn starts
 * current_request when the queue goes from empty to busy; the driver
 * takes the next one itself after each end_request.
 */
struct blk_dev_struct {
	void (*request_fn)(void);
	struct request *current_request;
};

extern struct blk_dev_struct blk_dev[MAX_BLKDEV];

/*
 * ll_rw_page - read (rw READ) or write (rw WRITE) one 4 KiB page at page
 * index page_nr of device dev, to or from buf (a kernel address).
 *
 * Sleeps (uninterruptibly) until the disk is done; other tasks run
 * meanwhile. Must be called from a task (not an interrupt). Returns 0;
 * -ENXIO when dev has no disk; -EINVAL when page_nr is past its end;
 * -EIO when the disk reported an error (printk'd; a read leaves buf
 * partly filled). 1.2.13 returned nothing and only printk'd: callers
 * may ignore the value as 1.2.13's did, but rw_swap_page should not.
 */
int ll_rw_page(int rw, kdev_t dev, unsigned long page_nr, char *buf);

/*
 * ll_rw_sectors - the same for nr 512-byte sectors from sector number
 * sector: what a read or write of /dev/hda and the self-tests use.
 */
int ll_rw_sectors(int rw, kdev_t dev, unsigned long sector,
		  unsigned long nr, char *buf);

/*
 * The driver's side: finish the request at the head of blk_dev[major]'s
 * queue (uptodate 0: it failed) and wake its task. 1.2.13's took the
 * major from a MAJOR_NR each driver defined before including blk.h.
 */
void end_request(unsigned int major, int uptodate);

/*
 * blk_dev_pages - the size of dev in pages (PAGE_SIZE), 0 when there is
 * no such device or no disk behind it. swapon checks this first.
 */
unsigned long blk_dev_pages(kdev_t dev);

/* Boot: probe the disks (hd_init) and set up the queues. */
void blk_dev_init(void);
void hd_init(void);		/* drivers/block/hd.c */

extern const struct file_operations blkdev_fops;	/* /dev/hda */

#endif
