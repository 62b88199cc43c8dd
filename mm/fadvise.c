/*
 * fadvise.c - posix_fadvise (fadvise64 and fadvise64_64) and readahead.
 *
 * Linux 1.2.13 had neither (fadvise came with 2.5.60, readahead with
 * 2.4.13). Both are advice about a page cache: Lintel's files are
 * already in memory, so there is nothing to read ahead or drop, and
 * the calls only check their arguments as Linux does and return 0.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/stat.h>

#define POSIX_FADV_NOREUSE	5	/* the last advice Linux knows */

/*
 * The checks of Linux's generic_fadvise: fd open (EBADF), not a pipe
 * (ESPIPE), len not negative and advice one of POSIX_FADV_NORMAL (0)
 * to POSIX_FADV_NOREUSE (5) (EINVAL). Nothing else to do: no cache.
 */
static long do_fadvise(int fd, loff_t len, int advice)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	if (S_ISFIFO(file->f_inode.i_mode))
		return -ESPIPE;
	if (len < 0 || advice < 0 || advice > POSIX_FADV_NOREUSE)
		return -EINVAL;
	return 0;
}

/* fadvise64 (250): the offset in two halves, a 32-bit length. */
long sys_fadvise64(int fd, unsigned long off_lo, unsigned long off_hi,
		   unsigned long len, int advice)
{
	return do_fadvise(fd, len, advice);
}

/* fadvise64_64 (272): offset and length both in two halves. */
long sys_fadvise64_64(int fd, unsigned long off_lo, unsigned long off_hi,
		      unsigned long len_lo, unsigned long len_hi, int advice)
{
	return do_fadvise(fd, ((loff_t)len_hi << 32) | len_lo, advice);
}

/*
 * readahead (225): fd open for reading (EBADF) and a regular file or
 * block device (EINVAL), as Linux's ksys_readahead; the data is in
 * memory already.
 */
long sys_readahead(int fd, unsigned long off_lo, unsigned long off_hi,
		   unsigned long count)
{
	struct file *file = fget(fd);
	mode_t mode;

	if (!file || !(file->f_mode & FMODE_READ))
		return -EBADF;
	mode = file->f_inode.i_mode;
	if (!S_ISREG(mode) && !S_ISBLK(mode))
		return -EINVAL;
	return 0;
}
