/*
 * stat.c - what stat, lstat and fstat report, in the two layouts of the
 * i386 ABI: struct new_stat (106-108) and struct stat64 (195-197, what
 * our C library uses).
 *
 * The initramfs has no symbolic links to follow, so lstat is stat.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <asm/segment.h>

#define STAT_BLKSIZE	4096	/* st_blksize: one page */
#define BLOCKS_PER_PAGE	(STAT_BLKSIZE / 512)

_Static_assert(sizeof(struct new_stat) == 64, "struct stat layout");
_Static_assert(sizeof(struct stat64) == 96, "struct stat64 layout");

/* st_blocks: 512-byte units, whole pages, as ramfs counts them. */
static unsigned long stat_blocks(const struct inode *inode)
{
	return (inode->i_size + STAT_BLKSIZE - 1) / STAT_BLKSIZE *
	       BLOCKS_PER_PAGE;
}

/*
 * The two user layouts (stat64 and the old new_stat) name their fields
 * alike and size them differently, so one macro fills either.
 */
#define FILL_STAT(st, inode)						\
	do {								\
		memset(st, 0, sizeof(*(st)));				\
		(st)->st_dev = (inode)->i_dev;				\
		(st)->st_ino = (inode)->i_ino;				\
		(st)->st_mode = (inode)->i_mode;			\
		(st)->st_nlink = (inode)->i_nlink;			\
		(st)->st_uid = (inode)->i_uid;				\
		(st)->st_gid = (inode)->i_gid;				\
		(st)->st_rdev = (inode)->i_rdev;			\
		(st)->st_size = (inode)->i_size;			\
		(st)->st_blksize = STAT_BLKSIZE;			\
		(st)->st_blocks = stat_blocks(inode);			\
		(st)->st_atime = (st)->st_mtime = (st)->st_ctime =	\
			(inode)->i_mtime;				\
	} while (0)

static void inode_to_stat64(const struct inode *inode, struct stat64 *st)
{
	FILL_STAT(st, inode);
	st->__st_ino = inode->i_ino;	/* the 32-bit copy old programs read */
}

static void inode_to_new_stat(const struct inode *inode, struct new_stat *st)
{
	FILL_STAT(st, inode);
}

static int fd_inode(unsigned int fd, struct inode *inode)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	*inode = file->f_inode;
	return 0;
}

static long copy_new_stat(int err, const struct inode *inode,
			  struct new_stat *statbuf)
{
	struct new_stat st;

	if (err)
		return err;
	inode_to_new_stat(inode, &st);
	return memcpy_tofs(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long copy_stat64(int err, const struct inode *inode,
			struct stat64 *statbuf)
{
	struct stat64 st;

	if (err)
		return err;
	inode_to_stat64(inode, &st);
	return memcpy_tofs(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_stat(const char *filename, struct new_stat *statbuf)
{
	struct inode inode;

	return copy_new_stat(namei(filename, &inode), &inode,
			     statbuf);
}

long sys_lstat(const char *filename, struct new_stat *statbuf)
{
	return sys_stat(filename, statbuf);
}

long sys_fstat(unsigned int fd, struct new_stat *statbuf)
{
	struct inode inode;

	return copy_new_stat(fd_inode(fd, &inode), &inode, statbuf);
}

long sys_stat64(const char *filename, struct stat64 *statbuf)
{
	struct inode inode;

	return copy_stat64(namei(filename, &inode), &inode, statbuf);
}

long sys_lstat64(const char *filename, struct stat64 *statbuf)
{
	return sys_stat64(filename, statbuf);
}

long sys_fstat64(unsigned long fd, struct stat64 *statbuf)
{
	struct inode inode;

	return copy_stat64(fd_inode(fd, &inode), &inode, statbuf);
}
