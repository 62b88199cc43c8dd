/*
 * dirops.c - the system calls that make and remove names: mkdir, rmdir,
 * unlink, rename, link, symlink, and their *at forms.
 *
 * Each works on normal absolute paths (at_path) and checks what Linux
 * checks, in its order, before handing the change to the directory's
 * i_op: existence, type, permission on the directory (write and search),
 * the sticky bit, mount boundaries (EBUSY, EXDEV). A filesystem with no
 * i_op (/dev, /proc) cannot change: -EROFS.
 *
 * 1.2.13 had these in fs/namei.c; they live apart here to keep each file
 * short.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>

/*
 * dir_namei - the directory that holds the last component of path (a
 * normal absolute path), and that component (*name points into path).
 * -EBUSY for "/", which has no directory of its own.
 */
int dir_namei(const char *path, struct inode *dir, const char **name)
{
	const char *slash = strrchr(path, '/');
	int n = slash - path, err;
	char *parent;

	if (!slash[1])
		return -EBUSY;
	parent = kmalloc(n + 2, GFP_KERNEL);
	if (!parent)
		return -ENOMEM;
	memcpy(parent, path, n);
	strcpy(parent + n, n ? "" : "/");
	err = lookup_inode(parent, dir);
	kfree(parent);
	if (!err && !S_ISDIR(dir->i_mode))
		err = -ENOTDIR;
	*name = slash + 1;
	return err;
}

/* May current add a name to dir? */
static int may_create(const struct inode *dir)
{
	int err = permission(dir, MAY_WRITE | MAY_EXEC, current->euid,
			     current->egid);

	if (!err && !dir->i_op)
		err = -EROFS;
	return err;
}

/*
 * create_namei - the prologue of every call that makes a new name: the
 * directory that will hold path's last component, in *dir, and that
 * component in *name, once Linux's checks pass in Linux's order:
 * -EEXIST if path names something already, dir_namei's errors, -EXDEV
 * when old (the file a hard link names, else NULL) lives on another
 * filesystem, then may_create's.
 */
static int create_namei(const char *path, const struct inode *old,
			struct inode *dir, const char **name)
{
	struct inode inode;
	int err;

	if (!lookup_inode(path, &inode))
		return -EEXIST;
	err = dir_namei(path, dir, name);
	if (!err && old && dir->i_dev != old->i_dev)
		err = -EXDEV;
	if (!err)
		err = may_create(dir);
	return err;
}

/*
 * May current take victim's name out of dir? In a sticky directory
 * (/tmp) only the file's owner, the directory's owner or root may.
 */
static int may_delete(const struct inode *dir, const struct inode *victim)
{
	int err = may_create(dir);

	if (err)
		return err;
	if ((dir->i_mode & S_ISVTX) && current->euid &&
	    current->euid != victim->i_uid && current->euid != dir->i_uid)
		return -EPERM;
	if (victim->i_dev != dir->i_dev)	/* a mount point */
		return -EBUSY;
	return 0;
}

/* Make a directory at path: 1.2.13's do_mkdir. */
static int do_mkdir(const char *path, int mode)
{
	struct inode dir;
	const char *name;
	int err = create_namei(path, NULL, &dir, &name);

	if (!err)
		err = dir.i_op->mkdir(&dir, name, strlen(name),
				      mode & ~current->fs->umask & S_IALLUGO);
	return err;
}

/* rmdir, or unlink when !is_dir, of the name at path. */
static int do_remove(const char *path, int is_dir)
{
	struct inode dir, victim;
	const char *name;
	int err = lookup_inode(path, &victim);

	if (err)
		return err;
	if (is_dir && !S_ISDIR(victim.i_mode))
		return -ENOTDIR;
	if (!is_dir && S_ISDIR(victim.i_mode))
		return -EISDIR;
	err = dir_namei(path, &dir, &name);
	if (!err)
		err = may_delete(&dir, &victim);
	if (err)
		return err;
	if (is_dir)
		return dir.i_op->rmdir(&dir, name, strlen(name));
	return dir.i_op->unlink(&dir, name, strlen(name));
}

long sys_mkdirat(int dfd, const char *pathname, int mode)
{
	char *path;
	int err = at_path(dfd, pathname, 0, &path);

	if (err)
		return err;
	err = do_mkdir(path, mode);
	putname(path);
	return err;
}

long sys_mkdir(const char *pathname, int mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

/* unlinkat (301): unlink, or rmdir with AT_REMOVEDIR. */
long sys_unlinkat(int dfd, const char *pathname, int flags)
{
	char *path;
	int err;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	err = at_path(dfd, pathname, 0, &path);
	if (err)
		return err;
	err = do_remove(path, flags & AT_REMOVEDIR);
	putname(path);
	return err;
}

long sys_unlink(const char *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

long sys_rmdir(const char *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

/*
 * What may stand at the new name of a rename: nothing, or the same
 * kind of file (a directory only over an empty one, which the
 * filesystem checks), and a directory never moves below itself.
 */
static int rename_target(const char *oldpath, const struct inode *old,
			 const char *newpath, const struct inode *newdir)
{
	struct inode target;
	size_t n = strlen(oldpath);

	if (S_ISDIR(old->i_mode) && !strncmp(newpath, oldpath, n) &&
	    newpath[n] == '/')
		return -EINVAL;
	if (lookup_inode(newpath, &target))
		return may_create(newdir);
	if (S_ISDIR(old->i_mode) && !S_ISDIR(target.i_mode))
		return -ENOTDIR;
	if (!S_ISDIR(old->i_mode) && S_ISDIR(target.i_mode))
		return -EISDIR;
	return may_delete(newdir, &target);
}

/* 1.2.13's do_rename, on two normal absolute paths. */
static int do_rename(const char *oldpath, const char *newpath)
{
	struct inode old, olddir, newdir;
	const char *oldname, *newname;
	int err = lookup_inode(oldpath, &old);

	if (!err)
		err = dir_namei(oldpath, &olddir, &oldname);
	if (!err)
		err = dir_namei(newpath, &newdir, &newname);
	if (!err)
		err = may_delete(&olddir, &old);
	if (!err && newdir.i_dev != olddir.i_dev)
		err = -EXDEV;
	if (!err)
		err = rename_target(oldpath, &old, newpath, &newdir);
	if (err)
		return err;
	return olddir.i_op->rename(&olddir, oldname, strlen(oldname),
				   &newdir, newname, strlen(newname));
}

/*
 * at_path_pair - run op on the normal absolute forms of two user paths,
 * each relative to its own directory fd (the *at calls that take two
 * names: rename, link). follow says whether a final symbolic link of the
 * old name is followed; the new name's never is. Both copies are freed
 * before returning op's answer, or the first error in reaching them.
 */
static int at_path_pair(int (*op)(const char *, const char *),
			int olddfd, const char *oldname, int follow,
			int newdfd, const char *newname)
{
	char *oldpath, *newpath;
	int err = at_path(olddfd, oldname, follow, &oldpath);

	if (err)
		return err;
	err = at_path(newdfd, newname, 0, &newpath);
	if (!err) {
		err = op(oldpath, newpath);
		putname(newpath);
	}
	putname(oldpath);
	return err;
}

/* renameat2 (353): flags (RENAME_NOREPLACE, ...) are not supported. */
long sys_renameat2(int olddfd, const char *oldname, int newdfd,
		   const char *newname, unsigned int flags)
{
	if (flags)
		return -EINVAL;
	return at_path_pair(do_rename, olddfd, oldname, 0, newdfd, newname);
}

long sys_renameat(int olddfd, const char *oldname, int newdfd,
		  const char *newname)
{
	return sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

long sys_rename(const char *oldname, const char *newname)
{
	return sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* A hard link newpath to the file at oldpath (never a directory). */
static int do_link(const char *oldpath, const char *newpath)
{
	struct inode old, dir;
	const char *name;
	int err = lookup_inode(oldpath, &old);

	if (err)
		return err;
	if (S_ISDIR(old.i_mode))
		return -EPERM;
	err = create_namei(newpath, &old, &dir, &name);
	if (!err)
		err = dir.i_op->link(&old, &dir, name, strlen(name));
	return err;
}

/* linkat (303): AT_SYMLINK_FOLLOW is the one flag; Linux's default is not
 * to follow a final link of the old name. */
long sys_linkat(int olddfd, const char *oldname, int newdfd,
		const char *newname, int flags)
{
	if (flags & ~AT_SYMLINK_FOLLOW)
		return -EINVAL;
	return at_path_pair(do_link, olddfd, oldname,
			    flags & AT_SYMLINK_FOLLOW, newdfd, newname);
}

long sys_link(const char *oldname, const char *newname)
{
	return sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* A symbolic link at path whose target is the kernel string target. */
static int do_symlink(const char *target, const char *path)
{
	struct inode dir;
	const char *name;
	int err = create_namei(path, NULL, &dir, &name);

	if (!err)
		err = dir.i_op->symlink(&dir, name, strlen(name), target);
	return err;
}

long sys_symlinkat(const char *oldname, int newdfd, const char *newname)
{
	char *target, *path;
	int err = getname(oldname, &target);

	if (err)
		return err;
	err = at_path(newdfd, newname, 0, &path);
	if (!err) {
		err = do_symlink(target, path);
		putname(path);
	}
	putname(target);
	return err;
}

long sys_symlink(const char *oldname, const char *newname)
{
	return sys_symlinkat(oldname, AT_FDCWD, newname);
}

/* mknod's dev_t (Linux's new_encode_dev): 12 bits of major, 20 of minor. */
#define DEV_MAJOR(dev)	(((dev) & 0xfff00) >> 8)
#define DEV_MINOR(dev)	(((dev) & 0xff) | (((dev) >> 12) & 0xfff00))
#define RDEV_MAX	0xff	/* the largest major or minor i_rdev holds */

/*
 * The type check mknod makes before anything else (Linux's may_mknod):
 * a regular file, device, FIFO or socket; a directory is -EPERM (mkdir
 * makes those), any other type -EINVAL.
 */
static int may_mknod(int mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		return 0;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

/*
 * A device node needs root (Linux's CAP_MKNOD) and a number i_rdev can
 * hold: Lintel keeps 1.2.13's 8-bit major and minor, and says -EINVAL
 * for a larger one where Linux would make it.
 */
static int mknod_rdev(int mode, unsigned int dev, unsigned short *rdev)
{
	*rdev = 0;
	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		return 0;
	if (current->euid)
		return -EPERM;
	if (DEV_MAJOR(dev) > RDEV_MAX || DEV_MINOR(dev) > RDEV_MAX)
		return -EINVAL;
	*rdev = MKDEV(DEV_MAJOR(dev), DEV_MINOR(dev));
	return 0;
}

/* Make a node at path: 1.2.13's do_mknod, with Linux's checks in order. */
static int do_mknod(const char *path, int mode, unsigned int dev)
{
	struct inode dir;
	unsigned short rdev;
	const char *name;
	int err;

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	err = may_mknod(mode);
	if (!err)
		err = create_namei(path, NULL, &dir, &name);
	if (!err)
		err = mknod_rdev(mode, dev, &rdev);
	if (!err)
		err = dir.i_op->mknod(&dir, name, strlen(name),
				      (mode & S_IFMT) |
				      (mode & ~current->fs->umask & S_IALLUGO),
				      rdev);
	return err;
}

/* mknodat (297): a FIFO, regular file or (for root) device node. */
long sys_mknodat(int dfd, const char *filename, int mode, unsigned int dev)
{
	char *path;
	int err = at_path(dfd, filename, 0, &path);

	if (err)
		return err;
	err = do_mknod(path, mode, dev);
	putname(path);
	return err;
}

long sys_mknod(const char *filename, int mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, filename, mode, dev);
}
