/*
 * stat.c - what stat, lstat and fstat report, in the two layouts of the
 * i386 ABI: struct new_stat (106-108) and struct stat64 (195-197, what
 * our C library uses).
 *
 * Also the *at forms (fstatat64, statx) and readlink: symbolic links
 * (initramfs members, /proc/<pid>/exe) are seen as links by lstat and
 * readlink.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/sched.h>
#include <asm/segment.h>

#define STAT_BLKSIZE	4096	/* st_blksize: one page */
#define BLOCKS_PER_PAGE	(STAT_BLKSIZE / 512)

_Static_assert(sizeof(struct new_stat) == 64, "struct stat layout");
_Static_assert(sizeof(struct stat64) == 96, "struct stat64 layout");
_Static_assert(sizeof(struct statx) == 256, "struct statx layout");

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
	refresh_inode(inode);	/* what other open files changed */
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
	struct inode inode;

	return copy_new_stat(lnamei(filename, &inode), &inode, statbuf);
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
	struct inode inode;

	return copy_stat64(lnamei(filename, &inode), &inode, statbuf);
}

long sys_fstat64(unsigned long fd, struct stat64 *statbuf)
{
	struct inode inode;

	return copy_stat64(fd_inode(fd, &inode), &inode, statbuf);
}

/* Is the user's path ""? (AT_EMPTY_PATH then means dfd itself.) */
static int empty_path(const char *user_path, int *empty)
{
	unsigned char c;

	if (get_fs_byte(user_path, &c))
		return -EFAULT;
	*empty = c == 0;
	return 0;
}

/*
 * The inode an *at stat names: dfd itself for AT_EMPTY_PATH and "" (the
 * cwd when dfd is AT_FDCWD), else the path, its final link followed
 * unless AT_SYMLINK_NOFOLLOW. faccessat2 names its inode the same way.
 */
int stat_at(int dfd, const char *filename, int flags,
		   struct inode *inode)
{
	char *path;
	int err, empty = 0;

	if ((flags & AT_EMPTY_PATH) && (err = empty_path(filename, &empty)))
		return err;
	if (empty && dfd != AT_FDCWD)
		return fd_inode(dfd, inode);
	if (empty)
		return lookup_inode(current->fs->cwd, inode);
	err = at_path(dfd, filename, !(flags & AT_SYMLINK_NOFOLLOW), &path);
	if (err)
		return err;
	err = lookup_inode(path, inode);
	putname(path);
	return err;
}

/* fstatat64 (300): stat64 of (dfd, path); unknown flags are EINVAL. */
long sys_fstatat64(int dfd, const char *filename, struct stat64 *statbuf,
		   int flags)
{
	struct inode inode;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	return copy_stat64(stat_at(dfd, filename, flags, &inode), &inode,
			   statbuf);
}

static void fill_statx(const struct inode *inode, struct statx *stx)
{
	memset(stx, 0, sizeof(*stx));
	stx->stx_mask = STATX_BASIC_STATS;
	stx->stx_blksize = STAT_BLKSIZE;
	stx->stx_nlink = inode->i_nlink;
	stx->stx_uid = inode->i_uid;
	stx->stx_gid = inode->i_gid;
	stx->stx_mode = inode->i_mode;
	stx->stx_ino = inode->i_ino;
	stx->stx_size = inode->i_size;
	stx->stx_blocks = stat_blocks(inode);
	stx->stx_atime.tv_sec = stx->stx_ctime.tv_sec =
		stx->stx_mtime.tv_sec = inode->i_mtime;
	stx->stx_rdev_major = MAJOR(inode->i_rdev);
	stx->stx_rdev_minor = MINOR(inode->i_rdev);
	stx->stx_dev_major = MAJOR(inode->i_dev);
	stx->stx_dev_minor = MINOR(inode->i_dev);
}

/*
 * statx (383): glibc's stat, fstat and fstatat all start here. The mask
 * asked for does not matter (everything basic is always known); EINVAL
 * for unknown flags, both sync types at once, or the reserved mask bit.
 */
long sys_statx(int dfd, const char *filename, unsigned int flags,
	       unsigned int mask, struct statx *buffer)
{
	struct inode inode;
	struct statx stx;
	int err;

	if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT |
		       AT_EMPTY_PATH | AT_STATX_SYNC_TYPE)) ||
	    (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE ||
	    (mask & STATX__RESERVED))
		return -EINVAL;
	err = stat_at(dfd, filename, flags, &inode);
	if (err)
		return err;
	fill_statx(&inode, &stx);
	return memcpy_tofs(buffer, &stx, sizeof(stx)) ? -EFAULT : 0;
}

/*
 * readlinkat (305): a link's target, not NUL-terminated, cut to bufsiz;
 * EINVAL for bufsiz <= 0 or a path that is not a link.
 */
long sys_readlinkat(int dfd, const char *filename, char *buf, int bufsiz)
{
	struct inode inode;
	char *path;
	int err, len;

	if (bufsiz <= 0)
		return -EINVAL;
	err = at_path(dfd, filename, 0, &path);
	if (err)
		return err;
	err = lookup_inode(path, &inode);
	putname(path);
	if (err)
		return err;
	if (!S_ISLNK(inode.i_mode))
		return -EINVAL;
	len = inode.i_size < (unsigned long)bufsiz ? (int)inode.i_size : bufsiz;
	return memcpy_tofs(buf, inode.i_data, len) ? -EFAULT : len;
}

long sys_readlink(const char *filename, char *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, filename, buf, bufsiz);
}
