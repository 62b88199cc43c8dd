/*
 * open.c - opening and closing files, descriptors, and the calls that
 * work on a path without opening it: chdir, access, getcwd.
 *
 * A descriptor is an index into current->files->fd[]; several descriptors
 * (dup, fork) may point at one struct file, which f_count counts.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/fcntl.h>
#include <asm/segment.h>

/* What stays in f_flags: open's creation-time flags do not. */
#define CLOSE_RANGE_CLOEXEC	(1U << 2)	/* close_range: mark, not close */
#define OPEN_ONLY_FLAGS	(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)

/* The open file behind descriptor fd, or NULL (the caller says -EBADF). */
struct file *fget(unsigned int fd)
{
	return fd < NR_OPEN ? current->files->fd[fd] : NULL;
}

/* How many descriptors current may have: NR_OPEN or its RLIMIT_NOFILE. */
unsigned int nofile_limit(void)
{
	return min(current->rlim[RLIMIT_NOFILE].rlim_cur,
		   (unsigned long)NR_OPEN);
}

/* The lowest free descriptor >= from, or -EMFILE. */
int get_unused_fd(unsigned int from)
{
	unsigned int fd, limit = nofile_limit();

	for (fd = from; fd < limit; fd++)
		if (!current->files->fd[fd])
			return fd;
	return -EMFILE;
}

void set_close_on_exec(unsigned int fd, int on)
{
	if (on)
		current->files->close_on_exec |= 1UL << fd;
	else
		current->files->close_on_exec &= ~(1UL << fd);
}

/* Point descriptor fd at file (NULL: free it). */
void fd_install(unsigned int fd, struct file *file, int cloexec)
{
	current->files->fd[fd] = file;
	set_close_on_exec(fd, cloexec);
}

/* The count of writers and runners: regular files in the page cache. */
static struct address_space *write_count_of(const struct inode *inode)
{
	return S_ISREG(inode->i_mode) ? inode->i_mapping : NULL;
}

/*
 * get_write_access - count one more writer of inode (an open for
 * writing, a truncate), or -ETXTBSY while a process runs it (Linux's
 * name; 1.2.13 searched every task's areas for VM_DENYWRITE instead).
 * put_write_access gives the count back.
 */
int get_write_access(const struct inode *inode)
{
	struct address_space *mapping = write_count_of(inode);

	if (!mapping)
		return 0;
	if (mapping->i_writecount < 0)
		return -ETXTBSY;
	mapping->i_writecount++;
	return 0;
}

void put_write_access(const struct inode *inode)
{
	struct address_space *mapping = write_count_of(inode);

	if (mapping)
		mapping->i_writecount--;
}

/*
 * deny_write_access - count one more runner of inode (exec, a
 * VM_DENYWRITE area), or -ETXTBSY while it is open for writing.
 * allow_write_access gives the count back.
 */
int deny_write_access(const struct inode *inode)
{
	struct address_space *mapping = write_count_of(inode);

	if (!mapping)
		return 0;
	if (mapping->i_writecount > 0)
		return -ETXTBSY;
	mapping->i_writecount--;
	return 0;
}

void allow_write_access(const struct inode *inode)
{
	struct address_space *mapping = write_count_of(inode);

	if (mapping)
		mapping->i_writecount++;
}

/*
 * Drop one reference to file; the last one lets its flock go, gives
 * back the write access an open for writing took, and releases it.
 */
int close_fp(struct file *file)
{
	if (--file->f_count)
		return 0;
	locks_remove_flock(file);
	if (file->f_mode & FMODE_WRITE)
		put_write_access(&file->f_inode);
	if (file->f_op && file->f_op->release)
		file->f_op->release(file);
	kfree(file->f_path);
	file->f_path = NULL;
	return 0;
}

/*
 * The checks Linux makes on an inode that exists, in its order: O_EXCL,
 * a directory opened for writing, O_DIRECTORY on a non-directory, then
 * the permission bits (-EROFS for writing into the initramfs).
 */
static int may_open(const struct inode *inode, int flags)
{
	int acc = flags & O_ACCMODE, mask = 0;

	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return -EEXIST;
	if (S_ISLNK(inode->i_mode))	/* only O_NOFOLLOW gets here */
		return -ELOOP;
	if (acc != O_WRONLY)
		mask |= MAY_READ;
	if (acc != O_RDONLY || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	if (S_ISDIR(inode->i_mode) && ((mask & MAY_WRITE) ||
				       (flags & O_CREAT)))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	return permission(inode, mask, current->euid, current->egid);
}

/*
 * Create a regular file at path, which does not exist: its directory
 * must let current write in it. The new file is current's, with mode
 * less the umask; it opens whatever its mode says, as on Linux.
 */
static int open_create(const char *path, int mode, struct inode *inode)
{
	struct inode dir;
	const char *name;
	int err = dir_namei(path, &dir, &name);

	if (!err)
		err = permission(&dir, MAY_WRITE | MAY_EXEC, current->euid,
				 current->egid);
	if (!err && !dir.i_op)
		err = -EROFS;
	if (err)
		return err;
	return dir.i_op->create(&dir, name, strlen(name),
				mode & ~current->fs->umask & S_IALLUGO, inode);
}

/* O_TRUNC: not a running program (-ETXTBSY), as Linux's handle_truncate. */
static int truncate_for_open(struct inode *inode)
{
	int err = get_write_access(inode);

	if (err)
		return err;
	err = inode->i_op->truncate(inode, 0);
	put_write_access(inode);
	return err;
}

/*
 * open_namei - the inode an open of path gets: the file there, checked
 * by may_open and cut to nothing by O_TRUNC, or with O_CREAT a new one
 * (1.2.13's open_namei).
 */
static int open_namei(const char *path, int flags, int mode,
		      struct inode *inode)
{
	int err = lookup_inode(path, inode);

	if (err == -ENOENT && (flags & O_CREAT))
		return open_create(path, mode, inode);
	if (!err)
		err = may_open(inode, flags);
	if (!err && (flags & O_TRUNC) && S_ISREG(inode->i_mode) &&
	    inode->i_op)
		err = truncate_for_open(inode);
	return err;
}

/*
 * Does an open follow a link in the last component? Not with
 * O_NOFOLLOW (ELOOP, may_open), nor with O_CREAT|O_EXCL (EEXIST).
 */
static int open_follow(int flags)
{
	return !(flags & O_NOFOLLOW) &&
	       (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL);
}

/* do_open - open the file at a normal absolute path (see open_namei). */
int do_open(const char *path, int flags, int mode, struct file **filp)
{
	struct inode inode;
	int err = open_namei(path, flags, mode, &inode);

	if (err)
		return err;
	return dentry_open(path, &inode, flags, filp);
}

/*
 * dentry_open - an open file for *inode, found at path (normal and
 * absolute) and already checked by the caller (open_namei, or exec's
 * open_elf): a slot of file_table, then f_op->open (Linux's name).
 */
int dentry_open(const char *path, const struct inode *inode, int flags,
		struct file **filp)
{
	struct file *f;
	int err;

	f = get_empty_filp();
	if (!f)
		return -ENFILE;
	f->f_path = kmalloc(strlen(path) + 1, GFP_KERNEL);
	if (!f->f_path) {
		err = -ENOMEM;
		goto out_free;
	}
	strcpy(f->f_path, path);
	/* 1.2.13's trick: O_RDONLY 0, O_WRONLY 1, O_RDWR 2 -> 1, 2, 3 */
	f->f_mode = (flags + 1) & O_ACCMODE;
	f->f_flags = flags;	/* the open sees O_NOCTTY, as in Linux */
	f->f_inode = *inode;
	if (f->f_mode & FMODE_WRITE) {
		err = get_write_access(inode);
		if (err) {
			f->f_mode = 0;	/* nothing for close_fp to give back */
			goto out_free;
		}
	}
	f->f_op = inode->i_fop;
	if (f->f_op && f->f_op->open) {
		err = f->f_op->open(f);
		if (err)
			goto out_free;
	}
	f->f_flags &= ~OPEN_ONLY_FLAGS;
	*filp = f;
	return 0;

out_free:
	f->f_op = NULL;		/* never opened: nothing to release */
	close_fp(f);
	return err;
}

long sys_open(const char *filename, int flags, int mode)
{
	char *name, *path = NULL;
	struct file *f;
	int fd, err;

	err = getname(filename, &name);
	if (err)
		return err;
	fd = err = get_unused_fd(0);
	if (fd < 0)
		goto out;
	err = -ENOMEM;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		goto out;
	err = resolve_path_at(current->fs->cwd, name, path, PATH_MAX,
			      open_follow(flags));
	if (!err)
		err = do_open(path, flags, mode, &f);
	if (!err) {
		fd_install(fd, f, flags & O_CLOEXEC);
		err = fd;
	}
out:
	kfree(path);
	putname(name);
	return err;
}

/* creat (8): 1.2.13's too, open with O_CREAT | O_WRONLY | O_TRUNC. */
long sys_creat(const char *pathname, int mode)
{
	return sys_open(pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/*
 * openat (295): open with the path taken relative to dfd (AT_FDCWD: the
 * cwd). glibc's open and fopen use only this one.
 */
long sys_openat(int dfd, const char *filename, int flags, int mode)
{
	char *path;
	struct file *f;
	int fd, err;

	err = at_path(dfd, filename, open_follow(flags), &path);
	if (err)
		return err;
	fd = err = get_unused_fd(0);
	if (fd >= 0)
		err = do_open(path, flags, mode, &f);
	if (fd >= 0 && !err) {
		fd_install(fd, f, flags & O_CLOEXEC);
		err = fd;
	}
	putname(path);
	return err;
}

long sys_close(unsigned int fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fd_install(fd, NULL, 0);
	return close_fp(file);
}

/*
 * close_range (436): close every open descriptor from fd to max_fd, or
 * with CLOSE_RANGE_CLOEXEC mark them close-on-exec instead. Departure:
 * CLOSE_RANGE_UNSHARE (Linux's private copy of a table shared by
 * CLONE_FILES) is -EINVAL like an unknown flag.
 */
long sys_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags)
{
	if ((flags & ~CLOSE_RANGE_CLOEXEC) || fd > max_fd)
		return -EINVAL;
	max_fd = min(max_fd, (unsigned int)NR_OPEN - 1);
	for (; fd <= max_fd; fd++) {
		if (!fget(fd))
			continue;
		if (flags & CLOSE_RANGE_CLOEXEC)
			set_close_on_exec(fd, 1);
		else
			sys_close(fd);
	}
	return 0;
}

/* For init: /dev/console as descriptors 0, 1 and 2. */
int open_console(void)
{
	struct file *f;
	int fd, err = do_open("/dev/console", O_RDWR, 0, &f);

	if (err)
		return err;
	f->f_count = 3;
	for (fd = 0; fd < 3; fd++)
		fd_install(fd, f, 0);
	return 0;
}

/* Make a directory the cwd; its path must fit fs_struct's cwd. */
static int set_cwd(const struct inode *inode, const char *path)
{
	int err;

	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	err = permission(inode, MAY_EXEC, current->euid, current->egid);
	if (err)
		return err;
	if (strlen(path) >= sizeof(current->fs->cwd))
		return -ENAMETOOLONG;
	strcpy(current->fs->cwd, path);
	return 0;
}

long sys_chdir(const char *filename)
{
	struct inode inode;
	char *path;
	int err = get_path(filename, &path);

	if (err)
		return err;
	err = lookup_inode(path, &inode);
	if (!err)
		err = set_cwd(&inode, path);
	putname(path);
	return err;
}

long sys_fchdir(unsigned int fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	if (!file->f_path)
		return -ENOTDIR;
	return set_cwd(&file->f_inode, file->f_path);
}

/* Linux returns the length, NUL included; the C library returns buf. */
long sys_getcwd(char *buf, unsigned long size)
{
	unsigned long len = strlen(current->fs->cwd) + 1;

	if (len > size)
		return -ERANGE;
	if (memcpy_tofs(buf, current->fs->cwd, len))
		return -EFAULT;
	return len;
}

/* access() asks with the real uid and gid, not the effective ones. */
long sys_access(const char *filename, int mode)
{
	struct inode inode;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	err = namei(filename, &inode);
	if (!err && mode != F_OK)
		err = permission(&inode, mode, current->uid, current->gid);
	return err;
}

/*
 * faccessat2 (439): access with the path relative to dfd and flags:
 * AT_EACCESS checks with the effective ids (as open does),
 * AT_SYMLINK_NOFOLLOW checks a final link itself, AT_EMPTY_PATH with ""
 * checks dfd itself. The mode is checked before the flags, as Linux.
 */
long sys_faccessat2(int dfd, const char *filename, int mode, int flags)
{
	struct inode inode;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = stat_at(dfd, filename, flags, &inode);
	if (err || mode == F_OK)
		return err;
	if (flags & AT_EACCESS)
		return permission(&inode, mode, current->euid, current->egid);
	return permission(&inode, mode, current->uid, current->gid);
}

/* faccessat (307): faccessat2 without flags. */
long sys_faccessat(int dfd, const char *filename, int mode)
{
	return sys_faccessat2(dfd, filename, mode, 0);
}

/* Inherited, shared by CLONE_FS (threads); open and mkdir apply it. */
long sys_umask(int mask)
{
	int old = current->fs->umask;

	current->fs->umask = mask & S_IRWXUGO;
	return old;
}
