/*
 * block_dev.c - a disk read and written through its device file
 * (/dev/hda), as 1.2.13's fs/block_dev.c (block_read, block_write).
 *
 *   read(fd, buf, n) -> block_read -> ll_rw_sectors(READ, ...) into a
 *   bounce page -> memcpy_tofs
 *
 * The device is blk_dev_pages() whole pages long. Departure from 1.2.13:
 * there is no buffer cache, so every call goes to the disk through one
 * page-sized bounce buffer, and a write of part of a sector reads that
 * sector first. Slow, but only tools use it (dd or od on the swap
 * header, a test); swap itself calls ll_rw_page directly.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/blkdev.h>
#include <asm/segment.h>

#define SECTOR_MASK	(SECTOR_SIZE - 1)

/* The device's length in bytes: what SEEK_END and the reads stop at. */
static loff_t block_size_bytes(const struct file *file)
{
	return (loff_t)blk_dev_pages(file->f_inode.i_rdev) * PAGE_SIZE;
}

/*
 * The piece of a transfer at pos that one bounce page holds: at most
 * left bytes, not past the page's end. Sets *sector and *nsect to the
 * sectors it touches and returns its length.
 */
static int block_piece(loff_t pos, loff_t left, unsigned long *sector,
		       unsigned long *nsect)
{
	unsigned long off = pos & SECTOR_MASK;
	loff_t n = PAGE_SIZE - off;

	if (n > left)
		n = left;
	*sector = pos >> SECTOR_SHIFT;
	*nsect = (off + n + SECTOR_MASK) >> SECTOR_SHIFT;
	return n;
}

/*
 * Cut count so that [pos, pos + count) stays on the device; the
 * length that is left (0 at or past the end).
 */
static loff_t block_left(struct file *file, int count)
{
	loff_t size = block_size_bytes(file);

	if (file->f_pos >= size)
		return 0;
	return min((loff_t)count, size - file->f_pos);
}

/*
 * block_read - read count bytes at f_pos into the user's buf. Returns
 * the bytes read (0 at the end of the device), or -EIO, -EFAULT,
 * -ENOMEM when nothing was.
 */
static int block_read(struct file *file, char *buf, int count)
{
	kdev_t dev = file->f_inode.i_rdev;
	loff_t left = block_left(file, count);
	unsigned long sector, nsect;
	char *page;
	int done = 0, n, err = 0;

	if (!left)
		return 0;
	page = (char *)__get_free_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	for (; left; left -= n, done += n, file->f_pos += n) {
		n = block_piece(file->f_pos, left, &sector, &nsect);
		err = ll_rw_sectors(READ, dev, sector, nsect, page);
		if (!err && memcpy_tofs(buf + done, page + (file->f_pos &
							   SECTOR_MASK), n))
			err = -EFAULT;
		if (err)
			break;
	}
	free_page((unsigned long)page);
	return done ? done : err;
}

/*
 * block_write - write count bytes from the user's buf at f_pos. The
 * sectors a piece only partly covers are read first, so their other
 * bytes stay. Returns the bytes written; -ENOSPC at the end of the
 * device, as Linux; -EIO, -EFAULT, -ENOMEM when nothing was written.
 */
static int block_write(struct file *file, const char *buf, int count)
{
	kdev_t dev = file->f_inode.i_rdev;
	loff_t left = block_left(file, count);
	unsigned long sector, nsect, off;
	char *page;
	int done = 0, n, err = 0;

	if (!left)
		return count ? -ENOSPC : 0;
	page = (char *)__get_free_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	for (; left; left -= n, done += n, file->f_pos += n) {
		n = block_piece(file->f_pos, left, &sector, &nsect);
		off = file->f_pos & SECTOR_MASK;
		if (off || ((off + n) & SECTOR_MASK))
			err = ll_rw_sectors(READ, dev, sector, nsect, page);
		if (!err && memcpy_fromfs(page + off, buf + done, n))
			err = -EFAULT;
		if (!err)
			err = ll_rw_sectors(WRITE, dev, sector, nsect, page);
		if (err)
			break;
	}
	free_page((unsigned long)page);
	return done ? done : err;
}

/* lseek: SEEK_END is the device's end; anywhere from 0 on, as Linux. */
static loff_t block_lseek(struct file *file, loff_t offset, int whence)
{
	loff_t base = whence == SEEK_END ? block_size_bytes(file) :
		      whence == SEEK_CUR ? file->f_pos : 0;

	if (base + offset < 0)
		return -EINVAL;
	return file->f_pos = base + offset;
}

/* Open: the device must have a disk behind it (ENXIO, as Linux). */
static int block_open(struct file *file)
{
	return blk_dev_pages(file->f_inode.i_rdev) ? 0 : -ENXIO;
}

const struct file_operations blkdev_fops = {
	.lseek = block_lseek,
	.read = block_read,
	.write = block_write,
	.open = block_open,
};
