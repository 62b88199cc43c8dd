/*
 * attr.c - the system calls that change what stat shows without a new
 * name: chmod, chown, truncate, utimes, and fsync and statfs beside
 * them.
 *
 * Each reads a copy of the inode (by path, or an open file's, brought
 * up to date), checks who may change it as Linux does, changes the copy
 * and hands it to i_op->notify_change (1.2.13's name) to write back.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/time.h>
#include <asm/segment.h>

#define UTIME_NOW	((1L << 30) - 1)	/* utimensat: set it to now */
#define UTIME_OMIT	((1L << 30) - 2)	/* leave it */
#define NO_ID		((uid_t)-1)	/* chown: leave this one */

typedef unsigned short old_uid_t;	/* the ids of the 16-bit chowns */

/* The inode at (dfd, user path), following a final link if follow. */
static int at_inode(int dfd, const char *filename, int follow,
		    struct inode *inode)
{
	char *path;
	int err = at_path(dfd, filename, follow, &path);

	if (err)
		return err;
	err = lookup_inode(path, inode);
	putname(path);
	return err;
}

/* The up-to-date inode of open file fd. */
static int fd_inode(unsigned int fd, struct inode *inode)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	*inode = file->f_inode;
	refresh_inode(inode);
	return 0;
}

/* Only the owner or root may change an inode's mode or times. */
static int may_change(const struct inode *inode)
{
	if (!inode->i_op)
		return -EROFS;
	if (current->euid && current->euid != inode->i_uid)
		return -EPERM;
	return 0;
}

/* chmod: the permission bits of an inode whose lookup returned err. */
static int chmod_inode(int err, struct inode *inode, mode_t mode)
{
	if (!err)
		err = may_change(inode);
	if (err)
		return err;
	inode->i_mode = (inode->i_mode & S_IFMT) | (mode & S_IALLUGO);
	inode->i_op->notify_change(inode);
	return 0;
}

long sys_fchmodat(int dfd, const char *filename, mode_t mode)
{
	struct inode inode;

	return chmod_inode(at_inode(dfd, filename, 1, &inode), &inode, mode);
}

long sys_chmod(const char *filename, mode_t mode)
{
	return sys_fchmodat(AT_FDCWD, filename, mode);
}

long sys_fchmod(unsigned int fd, mode_t mode)
{
	struct inode inode;

	return chmod_inode(fd_inode(fd, &inode), &inode, mode);
}

/*
 * Root may give a file to anyone; its owner may only move it to one of
 * its own groups. A change clears set-user-ID and set-group-ID, as on
 * Linux, so a chown never hands out privileges.
 */
static int chown_inode(int err, struct inode *inode, uid_t uid, gid_t gid)
{
	if (!err && !inode->i_op)
		err = -EROFS;
	if (!err && current->euid &&
	    ((uid != NO_ID && uid != inode->i_uid) ||
	     current->euid != inode->i_uid ||
	     (gid != NO_ID && gid != inode->i_gid && !in_group_p(gid))))
		err = -EPERM;
	if (err)
		return err;
	if (uid != NO_ID)
		inode->i_uid = uid;
	if (gid != NO_ID)
		inode->i_gid = gid;
	if (!S_ISDIR(inode->i_mode))
		inode->i_mode &= ~(S_ISUID | S_ISGID);
	inode->i_op->notify_change(inode);
	return 0;
}

long sys_fchownat(int dfd, const char *filename, uid_t user, gid_t group,
		  int flag)
{
	struct inode inode;
	int err;

	if (flag & ~AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	err = at_inode(dfd, filename, !(flag & AT_SYMLINK_NOFOLLOW), &inode);
	return chown_inode(err, &inode, user, group);
}

long sys_chown(const char *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

long sys_lchown(const char *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group,
			    AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, uid_t user, gid_t group)
{
	struct inode inode;

	return chown_inode(fd_inode(fd, &inode), &inode, user, group);
}

/*
 * lchown (16), fchown (95) and chown (182) take 16-bit ids, as every
 * chown did before Linux 2.4 (1.2.13's uid_t was 16 bits): only the low
 * 16 bits count and 0xffff means -1, "leave it" (Linux's low2highuid).
 */
static uid_t high_id(unsigned long id)
{
	old_uid_t low = id;

	return low == (old_uid_t)-1 ? NO_ID : low;
}

long sys_chown16(const char *filename, unsigned long user,
		 unsigned long group)
{
	return sys_chown(filename, high_id(user), high_id(group));
}

long sys_lchown16(const char *filename, unsigned long user,
		  unsigned long group)
{
	return sys_lchown(filename, high_id(user), high_id(group));
}

long sys_fchown16(unsigned int fd, unsigned long user, unsigned long group)
{
	return sys_fchown(fd, high_id(user), high_id(group));
}

/*
 * Cut or extend a regular file to length (zeros past the old end).
 * Growing it past RLIMIT_FSIZE is SIGXFSZ and -EFBIG, as on Linux.
 */
static int do_truncate(struct inode *inode, loff_t length)
{
	unsigned long limit = current->rlim[RLIMIT_FSIZE].rlim_cur;

	if (length < 0)
		return -EINVAL;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || !inode->i_op)
		return -EINVAL;
	if (length > inode->i_size && limit != RLIM_INFINITY &&
	    length > limit)
		return fsize_exceeded();
	return inode->i_op->truncate(inode, length);
}

/*
 * truncate by path: the caller needs write permission on the file, and
 * it may not be a running program (-ETXTBSY).
 */
static long path_truncate(const char *filename, loff_t length)
{
	struct inode inode;
	int err = at_inode(AT_FDCWD, filename, 1, &inode);

	if (!err && S_ISDIR(inode.i_mode))
		return -EISDIR;
	if (!err)
		err = permission(&inode, MAY_WRITE, current->euid,
				 current->egid);
	if (!err)
		err = get_write_access(&inode);
	if (err)
		return err;
	err = do_truncate(&inode, length);
	put_write_access(&inode);
	return err;
}

/* ftruncate needs a file open for writing (-EINVAL otherwise). */
static long file_truncate(unsigned int fd, loff_t length)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	if (!(file->f_mode & FMODE_WRITE) || !S_ISREG(file->f_inode.i_mode))
		return -EINVAL;
	refresh_inode(&file->f_inode);
	return do_truncate(&file->f_inode, length);
}

long sys_truncate(const char *path, long length)
{
	return path_truncate(path, length);
}

long sys_ftruncate(unsigned int fd, long length)
{
	return file_truncate(fd, length);
}

long sys_truncate64(const char *path, unsigned long lo, unsigned long hi)
{
	return path_truncate(path, ((loff_t)hi << 32) | lo);
}

long sys_ftruncate64(unsigned int fd, unsigned long lo, unsigned long hi)
{
	return file_truncate(fd, ((loff_t)hi << 32) | lo);
}

/* Everything is in memory: there is nothing to write out. */
long sys_fsync(unsigned int fd)
{
	return fget(fd) ? 0 : -EBADF;
}

/* fdatasync (148): fsync; there is no metadata to leave out either. */
long sys_fdatasync(unsigned int fd)
{
	return sys_fsync(fd);
}

/* sync (36): nothing is written anywhere but memory; it always succeeds. */
long sys_sync(void)
{
	return 0;
}

/* syncfs (344): the same for fd's filesystem; -EBADF if fd is not open. */
long sys_syncfs(int fd)
{
	return fget(fd) ? 0 : -EBADF;
}

/*
 * Set the modification time to mtime (UTIME_NOW, UTIME_OMIT or
 * seconds). Times of one's choosing need ownership; "now" needs only
 * write permission, as on Linux. Lintel keeps one time per inode.
 */
static int utimes_inode(struct inode *inode, long mtime, int given)
{
	int err = may_change(inode);

	if (err && (given || err == -EROFS ||
		    permission(inode, MAY_WRITE, current->euid,
			       current->egid)))
		return err;
	if (mtime == UTIME_OMIT)
		return 0;
	inode->i_mtime = mtime == UTIME_NOW ? (long)CURRENT_TIME : mtime;
	inode->i_op->notify_change(inode);
	return 0;
}

/* The inode utimensat names: a path, or dfd itself when path is NULL. */
static int utimens_target(int dfd, const char *filename, int flags,
			  struct inode *inode)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	if (!filename)
		return dfd == AT_FDCWD ? -EFAULT : fd_inode(dfd, inode);
	return at_inode(dfd, filename, !(flags & AT_SYMLINK_NOFOLLOW), inode);
}

/* Of the two times given, the second is the modification time. */
static int utimens_mtime(long sec, long nsec, long *mtime)
{
	if (nsec == UTIME_NOW || nsec == UTIME_OMIT) {
		*mtime = nsec;
		return 0;
	}
	if (nsec < 0 || nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*mtime = sec;
	return 0;
}

/*
 * The common part of utimensat and utimensat_time64, once the caller has
 * copied the two times in: given is 0 for a NULL array ("now"), and only
 * the second time, the modification time, is kept (one time per inode).
 */
static long do_utimensat(int dfd, const char *filename, int flags,
			 int given, long sec, long nsec)
{
	struct inode inode;
	long mtime = UTIME_NOW;
	int err;

	err = given ? utimens_mtime(sec, nsec, &mtime) : 0;
	if (!err)
		err = utimens_target(dfd, filename, flags, &inode);
	return err ? err : utimes_inode(&inode, mtime, given &&
					mtime != UTIME_NOW);
}

long sys_utimensat(int dfd, const char *filename,
		   const struct timespec *utimes, int flags)
{
	struct timespec t[2];

	if (utimes && memcpy_fromfs(t, utimes, sizeof(t)))
		return -EFAULT;
	return do_utimensat(dfd, filename, flags, utimes != NULL,
			    utimes ? t[1].tv_sec : 0, utimes ? t[1].tv_nsec : 0);
}

long sys_utimensat_time64(int dfd, const char *filename,
			  const struct __kernel_timespec *utimes, int flags)
{
	struct __kernel_timespec t[2];

	if (utimes && memcpy_fromfs(t, utimes, sizeof(t)))
		return -EFAULT;
	return do_utimensat(dfd, filename, flags, utimes != NULL,
			    utimes ? t[1].tv_sec : 0, utimes ? t[1].tv_nsec : 0);
}

/*
 * utime (30), 1.2.13's own: the times in whole seconds, or NULL for
 * now. As with utimes, only the modification time is kept.
 */
long sys_utime(const char *filename, const struct utimbuf *times)
{
	struct utimbuf t;
	struct inode inode;
	int err;

	if (times && memcpy_fromfs(&t, times, sizeof(t)))
		return -EFAULT;
	err = at_inode(AT_FDCWD, filename, 1, &inode);
	if (err)
		return err;
	return utimes_inode(&inode, times ? t.modtime : UTIME_NOW,
			    times != NULL);
}

/*
 * futimesat (299) and utimes (271): the times with microseconds, which
 * are not kept; a NULL filename is dfd itself. Microseconds outside
 * 0..999999 are -EINVAL, as on Linux.
 */
long sys_futimesat(int dfd, const char *filename, const struct timeval *utimes)
{
	struct timeval t[2];

	if (utimes && memcpy_fromfs(t, utimes, sizeof(t)))
		return -EFAULT;
	if (utimes && (t[0].tv_usec < 0 || t[0].tv_usec >= USEC_PER_SEC ||
		       t[1].tv_usec < 0 || t[1].tv_usec >= USEC_PER_SEC))
		return -EINVAL;
	return do_utimensat(dfd, filename, 0, utimes != NULL,
			    utimes ? t[1].tv_sec : 0,
			    utimes ? t[1].tv_usec * NSEC_PER_USEC : 0);
}

long sys_utimes(const char *filename, const struct timeval *utimes)
{
	return sys_futimesat(AT_FDCWD, filename, utimes);
}

/* The two statfs layouts of the i386 ABI (statfs64 is packed: 84 bytes). */
struct statfs {
	unsigned long f_type, f_bsize, f_blocks, f_bfree, f_bavail;
	unsigned long f_files, f_ffree;
	int f_fsid[2];
	unsigned long f_namelen, f_frsize, f_flags, f_spare[4];
};

struct statfs64 {
	unsigned long f_type, f_bsize;
	unsigned long long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	unsigned long f_namelen, f_frsize, f_flags, f_spare[4];
} __attribute__((packed));

_Static_assert(sizeof(struct statfs) == 64, "struct statfs layout");
_Static_assert(sizeof(struct statfs64) == 84, "struct statfs64 layout");

/* What the filesystem of inode says; one with no statfs says little. */
static void vfs_statfs(const struct inode *inode, struct kstatfs *k)
{
	memset(k, 0, sizeof(*k));
	k->f_bsize = PAGE_SIZE;
	k->f_namelen = NAME_MAX;
	if (inode->i_op && inode->i_op->statfs)
		inode->i_op->statfs(inode, k);
}

#define FILL_STATFS(st, k, dev)						\
	do {								\
		memset(st, 0, sizeof(*(st)));				\
		(st)->f_type = (k)->f_type;				\
		(st)->f_bsize = (st)->f_frsize = (k)->f_bsize;		\
		(st)->f_blocks = (k)->f_blocks;				\
		(st)->f_bfree = (st)->f_bavail = (k)->f_bfree;		\
		(st)->f_files = (k)->f_files;				\
		(st)->f_ffree = (k)->f_ffree;				\
		(st)->f_fsid[0] = (dev);				\
		(st)->f_namelen = (k)->f_namelen;			\
	} while (0)

/* statfs (99) and fstatfs (100): the all-32-bit layout. */
static long put_statfs(int err, const struct inode *inode, struct statfs *buf)
{
	struct kstatfs k;
	struct statfs st;

	if (err)
		return err;
	vfs_statfs(inode, &k);
	FILL_STATFS(&st, &k, inode->i_dev);
	return memcpy_tofs(buf, &st, sizeof(st)) ? -EFAULT : 0;
}

/* statfs64 and fstatfs64: sz must be the layout's 84 bytes. */
static long put_statfs64(int err, const struct inode *inode, size_t sz,
			 struct statfs64 *buf)
{
	struct kstatfs k;
	struct statfs64 st;

	if (!err && sz != sizeof(st))
		err = -EINVAL;
	if (err)
		return err;
	vfs_statfs(inode, &k);
	FILL_STATFS(&st, &k, inode->i_dev);
	return memcpy_tofs(buf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_statfs(const char *path, struct statfs *buf)
{
	struct inode inode;

	return put_statfs(at_inode(AT_FDCWD, path, 1, &inode), &inode, buf);
}

long sys_fstatfs(unsigned int fd, struct statfs *buf)
{
	struct inode inode;

	return put_statfs(fd_inode(fd, &inode), &inode, buf);
}

long sys_statfs64(const char *path, size_t sz, struct statfs64 *buf)
{
	struct inode inode;
	int err = at_inode(AT_FDCWD, path, 1, &inode);

	return put_statfs64(err, &inode, sz, buf);
}

long sys_fstatfs64(unsigned int fd, size_t sz, struct statfs64 *buf)
{
	struct inode inode;

	return put_statfs64(fd_inode(fd, &inode), &inode, sz, buf);
}
