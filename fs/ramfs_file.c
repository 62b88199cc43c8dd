/*
 * ramfs_file.c - the bytes of a ramfs file (the root, /tmp, /dev/shm):
 * read, write and truncate, page by page through the page cache
 * (mm/filemap.c), and readpage, which brings a page of a file in,
 * charged to its mount. fs/ramfs.c has the rest: names and nodes.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fcntl.h>
#include <asm/segment.h>
#include <asm/page.h>
#include "ramfs.h"

/*
 * The file ends at length now: its cache pages past it go (and what the
 * page holding the end has past it is zeroed), the archive's bytes past
 * it are no longer the file's, and the mount is given the pages back.
 * The caller has unmapped what processes mapped past it (vmtruncate).
 */
void ram_cut(struct ram_inode *ri, unsigned long length)
{
	struct inode inode;

	ram_fill(ri, &inode);
	ri->sb->used -= truncate_inode_pages(&inode, length) * PAGE_SIZE;
	ri->archive_size = min(ri->archive_size, length);
}

/*
 * i_op->readpage: a page of ri's file is entering the cache. The mount
 * is charged for it (-ENOSPC past its limit); page, zeroed, gets what
 * the archive still holds at offset.
 */
int ramfs_readpage(struct inode *inode, unsigned long page,
			  unsigned long offset)
{
	struct ram_inode *ri = inode->generic_ip;
	struct ram_sb *sb = ri->sb;

	if (sb->limit && sb->used + PAGE_SIZE > sb->limit)
		return -ENOSPC;
	sb->used += PAGE_SIZE;
	if (offset < ri->archive_size)
		memcpy((void *)page, ri->data + offset,
		       min(PAGE_SIZE, ri->archive_size - offset));
	return 0;
}

/*
 * address_space.releasepage: shrink_mmap may drop page, clean and held
 * by the cache alone, if ramfs_readpage would give the same bytes back:
 * it lies (at least partly) in what the archive still holds of the
 * file. The mount stops paying for it then. A page past the archive was
 * written at run time, or is a hole's zeros a write is about to fill:
 * it stays.
 */
int ramfs_releasepage(struct page *page)
{
	struct ram_inode *ri = container_of(page->mapping, struct ram_inode,
					    mapping);

	if (page->offset >= ri->archive_size)
		return 0;
	ri->sb->used -= PAGE_SIZE;
	return 1;
}

/* What a page not in the cache reads as past the archive: a hole. */
static const char ram_zeros[PAGE_SIZE];

/*
 * Copy n bytes at pos (all in one page) to the user: from the cache page
 * if there is one, else from the archive and, past it, zeros. Returns 0
 * or -EFAULT.
 */
static int ram_read_chunk(struct inode *inode, unsigned long pos, char *buf,
			  unsigned long n)
{
	struct ram_inode *ri = inode->generic_ip;
	struct page *page = find_page(inode, pos & PAGE_MASK);
	unsigned long from_archive = 0;
	int error;

	if (page) {
		page->count++;	/* a fault on buf may reclaim: ours */
		error = memcpy_tofs(buf, (char *)page_address(page) +
				    (pos & ~PAGE_MASK), n);
		free_page(page_address(page));
		return error;
	}
	if (pos < ri->archive_size)
		from_archive = min(n, ri->archive_size - pos);
	if (memcpy_tofs(buf, ri->data + pos, from_archive) ||
	    memcpy_tofs(buf + from_archive, ram_zeros, n - from_archive))
		return -EFAULT;
	return 0;
}

/*
 * read from f_pos, page by page; the node, not the file's copy, knows
 * the size. Bytes a mapping wrote are in the cache page, so read sees
 * them. A fault part-way returns what was read.
 */
int ramfs_read(struct file *file, char *buf, int count)
{
	struct ram_inode *ri = file->f_inode.generic_ip;
	unsigned long pos = file->f_pos, n;
	int done = 0;

	if (file->f_pos >= ri->size)
		return 0;
	count = min((loff_t)count, ri->size - file->f_pos);
	for (; done < count; done += n, pos += n) {
		n = min(PAGE_SIZE - (pos & ~PAGE_MASK),
			(unsigned long)(count - done));
		if (ram_read_chunk(&file->f_inode, pos, buf + done, n)) {
			if (!done)
				return -EFAULT;
			break;
		}
	}
	file->f_pos += done;
	return done;
}

/*
 * Copy n bytes from the user to pos (all in one page), bringing the page
 * into the cache first. 0, -ENOSPC, -ENOMEM or -EFAULT.
 */
static int ram_write_chunk(struct inode *inode, unsigned long pos,
			   const char *buf, unsigned long n)
{
	int error;
	unsigned long page = read_cache_page(inode, pos & PAGE_MASK, &error);

	if (!page)
		return error;
	set_page_dirty(page);	/* before a fault on buf may reclaim */
	if (memcpy_fromfs((char *)page + (pos & ~PAGE_MASK), buf, n))
		return -EFAULT;
	return 0;
}

/*
 * write: at the end for O_APPEND, else at f_pos, growing the file (a
 * hole reads as zeros), page by page through the page cache. A write
 * that does not all fit writes what does, as on Linux; one that fits
 * nothing returns the error (-ENOSPC at the mount's limit).
 */
int ramfs_write(struct file *file, const char *buf, int count)
{
	struct ram_inode *ri = file->f_inode.generic_ip;
	unsigned long pos, n;
	int done = 0, err = 0;

	if (file->f_flags & O_APPEND)
		file->f_pos = ri->size;
	if (file->f_pos + count > RAMFS_MAX_SIZE)
		return -EFBIG;
	pos = file->f_pos;
	for (; done < count; done += n, pos += n) {
		n = min(PAGE_SIZE - (pos & ~PAGE_MASK),
			(unsigned long)(count - done));
		err = ram_write_chunk(&file->f_inode, pos, buf + done, n);
		if (err)
			break;
		if (pos + n > ri->size)
			ri->size = pos + n;
	}
	if (!done)
		return err;
	ri->mtime = CURRENT_TIME;
	file->f_pos += done;
	file->f_inode.i_size = ri->size;
	return done;
}

/* lseek's SEEK_END must see what other open files wrote. */
loff_t ramfs_lseek(struct file *file, loff_t offset, int whence)
{
	refresh_inode(&file->f_inode);
	return default_lseek(file, offset, whence);
}

/*
 * Cut or grow a file to length. Growing costs nothing (a hole); cutting
 * unmaps what processes mapped past the new end first (a touch there is
 * SIGBUS then) and drops those pages, keeping what lies past the end of
 * the last page zero, so that a later growth shows zeros.
 */
int ramfs_truncate(struct inode *inode, loff_t length)
{
	struct ram_inode *ri = inode->generic_ip;

	if (length > RAMFS_MAX_SIZE)
		return -EFBIG;
	if (length < ri->size) {
		vmtruncate(inode, length);
		ram_cut(ri, length);
	}
	ri->size = length;
	ri->mtime = CURRENT_TIME;
	inode->i_size = length;
	return 0;
}
