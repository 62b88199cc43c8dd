/*
 * namei.c - from a path to an inode.
 *
 * A path is made absolute and normal against current->fs->cwd
 * (normalize_path: "/bin/sh", never ".", "..", "//" or a trailing "/"),
 * one component at a time. Every name a later one passes through must
 * be a searchable directory or a symbolic link; a link is replaced by
 * its target on the spot (an absolute target starts again at "/", a
 * relative one at the link's directory), so that the path built so far
 * never holds a link and ".." after a link goes up from its target, as
 * on Linux. The mount table then says which filesystem holds the
 * result, and that filesystem's lookup fills the inode.
 *
 * 1.2.13 walked the path one directory inode at a time (lookup() on each
 * component); with no inodes to hold, Lintel walks the string instead.
 * normalize_path is pure: the filesystem is asked through nd->step
 * (host-tested in tests/test_namei.c with a fake tree).
 */
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/fs.h>

/* Drop the last component of nd->out ("/a/b" -> "/a", "/a" -> ""). */
static void path_up(struct nameidata *nd)
{
	while (nd->len > 0 && nd->out[--nd->len] != '/')
		;
	nd->out[nd->len] = '\0';
}

/*
 * Put the link's target in front of the rest of the path (empty, or
 * starting with its slash; it may already be in nd->buf: memmove), and
 * go back to where the target starts from. *path then points at what
 * is left to walk. Past MAX_LINKS links it is -ELOOP, as on Linux.
 */
static int follow_link(struct nameidata *nd, const char *target, int tlen,
		       const char **path)
{
	int rest = strlen(*path);

	if (++nd->links > MAX_LINKS)
		return -ELOOP;
	if (tlen == 0)
		return -ENOENT;
	if (tlen + rest + 1 > PATH_MAX)
		return -ENAMETOOLONG;
	memmove(nd->buf + tlen, *path, rest + 1);
	memcpy(nd->buf, target, tlen);
	*path = nd->buf;
	if (target[0] == '/')
		nd->len = 0;
	else
		path_up(nd);
	nd->out[nd->len] = '\0';
	return 0;
}

/* Append name[0..n) to nd->out. */
static int path_add(struct nameidata *nd, const char *name, int n)
{
	if (nd->len + 1 + n + 1 > nd->size)
		return -ENAMETOOLONG;
	nd->out[nd->len++] = '/';
	memcpy(nd->out + nd->len, name, n);
	nd->len += n;
	nd->out[nd->len] = '\0';
	return 0;
}

/*
 * Append the components of path to nd->out. With vet, nd->step sees
 * each name that is followed by a slash (and the last one when
 * nd->follow): it returns 0 to go on, an error, or 1 and a link's
 * target, which is walked in the link's place.
 */
static int walk_path(struct nameidata *nd, const char *path, int vet)
{
	const char *name, *target;
	int n, tlen, err;

	for (;;) {
		while (*path == '/')
			path++;
		if (!*path)
			return 0;
		name = path;
		while (*path && *path != '/')
			path++;
		n = path - name;
		if (n > NAME_MAX)
			return -ENAMETOOLONG;
		if (n == 1 && name[0] == '.')
			continue;
		if (n == 2 && name[0] == '.' && name[1] == '.') {
			path_up(nd);
			continue;
		}
		err = path_add(nd, name, n);
		if (err)
			return err;
		if (!vet || (!*path && !nd->follow))
			continue;
		err = nd->step(nd, !*path, &target, &tlen);
		if (err > 0)
			err = follow_link(nd, target, tlen, &path);
		if (err)
			return err;
	}
}

/*
 * normalize_path - the absolute, normal form of path into nd->out
 * (nd->size bytes), links resolved as nd->step says.
 *
 * A relative path starts at cwd (itself normal, absolute and free of
 * links). ".." of the root is the root. Returns 0, -ENOENT for an
 * empty path, -ENAMETOOLONG when a component exceeds NAME_MAX or the
 * result does not fit, -ELOOP, or what nd->step returned.
 */
int normalize_path(const char *cwd, const char *path, struct nameidata *nd)
{
	int err;

	if (!*path)
		return -ENOENT;
	if (nd->size < 2)
		return -ENAMETOOLONG;
	nd->out[0] = '\0';
	nd->len = nd->links = 0;
	if (*path != '/') {
		err = walk_path(nd, cwd, 0);
		if (err)
			return err;
	}
	err = walk_path(nd, path, nd->step != NULL);
	if (err)
		return err;
	if (nd->len == 0)
		strcpy(nd->out, "/");
	return 0;
}

#ifndef HOST_TEST
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/fcntl.h>
#include <asm/segment.h>

/*
 * The mounted filesystems. A path belongs to the one with the longest
 * mnt_dirname that is a whole-component prefix of it ("/dev/null" is in
 * /dev, "/devices" is not). A procfs would be one more line here.
 */
static const struct vfsmount vfsmnt_table[] = {
	{ "/", rootfs_lookup, "rootfs", "rootfs" },
	{ "/tmp", tmpfs_lookup, "tmpfs", "tmpfs" },
	{ "/dev", devfs_lookup, "devtmpfs", "devtmpfs" },
	{ "/dev/shm", shmfs_lookup, "tmpfs", "tmpfs" },
	{ "/proc", proc_lookup, "proc", "proc" },
};

/* The i-th mounted filesystem, or NULL past the last (/proc/mounts). */
const struct vfsmount *get_mount(unsigned int i)
{
	return i < ARRAY_SIZE(vfsmnt_table) ? &vfsmnt_table[i] : NULL;
}

/* Which filesystem holds path, and the name of path inside it. */
static const struct vfsmount *find_mount(const char *path, const char **name)
{
	const struct vfsmount *best = &vfsmnt_table[0];
	size_t i, n, best_len = 1;

	*name = path + 1;
	for (i = 1; i < ARRAY_SIZE(vfsmnt_table); i++) {
		n = strlen(vfsmnt_table[i].mnt_dirname);
		if (n <= best_len || strncmp(path, vfsmnt_table[i].mnt_dirname,
					     n) || (path[n] && path[n] != '/'))
			continue;
		best = &vfsmnt_table[i];
		best_len = n;
		*name = path[n] ? path + n + 1 : path + n;
	}
	return best;
}

/* lookup_inode - fill *inode for a normal absolute path. */
int lookup_inode(const char *path, struct inode *inode)
{
	const char *name;
	const struct vfsmount *mnt = find_mount(path, &name);

	memset(inode, 0, sizeof(*inode));
	return mnt->lookup(name, inode);
}

static int in_group(gid_t gid, gid_t file_gid)
{
	int i;

	if (gid == file_gid)
		return 1;
	for (i = 0; i < current->ngroups; i++)
		if (current->groups[i] == file_gid)
			return 1;
	return 0;
}

/*
 * permission - may uid/gid do mask (MAY_READ | MAY_WRITE | MAY_EXEC)?
 *
 * Writing to a read-only filesystem is -EROFS whoever asks (devices and
 * pipes live elsewhere and are writable). Root may read and write
 * anything, and run anything that someone may run.
 */
int permission(const struct inode *inode, int mask, uid_t uid, gid_t gid)
{
	mode_t mode = inode->i_mode;

	if ((mask & MAY_WRITE) && IS_RDONLY(inode) &&
	    (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)))
		return -EROFS;
	if (uid == 0) {
		if (!(mask & MAY_EXEC) || S_ISDIR(mode) || (mode & 0111))
			return 0;
		return -EACCES;
	}
	if (uid == inode->i_uid)
		mode >>= 6;
	else if (in_group(gid, inode->i_gid))
		mode >>= 3;
	return (mode & mask & 7) == (mode_t)mask ? 0 : -EACCES;
}

/*
 * The kernel's nd->step: a name followed by a slash must be a directory
 * the caller may search, or a link (followed, as is a last one when
 * nd->follow). A missing last name is no error here: open(O_CREAT),
 * mkdir and the like make it. The PATH_MAX buffer a link needs is
 * allocated at the first one; the caller frees nd->buf.
 */
static int lookup_step(struct nameidata *nd, int last, const char **target,
		       int *tlen)
{
	struct inode inode;
	int err = lookup_inode(nd->out, &inode);

	if (err)
		return last ? 0 : err;
	if (S_ISLNK(inode.i_mode)) {
		if (!nd->buf && !(nd->buf = kmalloc(PATH_MAX, GFP_KERNEL)))
			return -ENOMEM;
		*target = inode.i_data;
		*tlen = inode.i_size;
		return 1;
	}
	if (last)
		return 0;
	if (!S_ISDIR(inode.i_mode))
		return -ENOTDIR;
	return permission(&inode, MAY_EXEC, current->euid, current->egid);
}

/*
 * resolve_path_at - normalize a kernel copy of a path against dir (the
 * cwd, or the directory an *at call names) into out[size], following
 * every symbolic link on the way, and a final one when follow is set
 * (lstat, readlink and O_NOFOLLOW do not). Links live in the ramfs
 * mounts (busybox's applets in /usr/bin) and /proc (/proc/<pid>/exe).
 */
int resolve_path_at(const char *dir, const char *path, char *out, int size,
		    int follow)
{
	struct nameidata nd = { out, size, 0, follow, 0, NULL, lookup_step };
	int err = normalize_path(dir, path, &nd);

	kfree(nd.buf);
	return err;
}

/* resolve_path - the same against the cwd, following a final link. */
int resolve_path(const char *path, char *out, int size)
{
	return resolve_path_at(current->fs->cwd, path, out, size, 1);
}

/*
 * getname - copy a path from user space into a PATH_MAX buffer that the
 * caller gives back with putname. -EFAULT, -ENAMETOOLONG (no NUL within
 * PATH_MAX), -ENOENT for "".
 */
int getname(const char *user_path, char **kernel_path)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!page)
		return -ENOMEM;
	len = strncpy_fromfs(page, user_path, PATH_MAX);
	if (len >= PATH_MAX)
		len = -ENAMETOOLONG;
	else if (len == 0)
		len = -ENOENT;
	if (len < 0) {
		kfree(page);
		return len;
	}
	*kernel_path = page;
	return 0;
}

void putname(char *kernel_path)
{
	kfree(kernel_path);
}

/*
 * get_path - getname and resolve_path in one: the normal absolute form
 * of a user's path, in a buffer the caller gives back with putname.
 */
int get_path(const char *user_path, char **path)
{
	char *name;
	int err = getname(user_path, &name);

	if (err)
		return err;
	*path = kmalloc(PATH_MAX, GFP_KERNEL);
	err = *path ? resolve_path(name, *path, PATH_MAX) : -ENOMEM;
	putname(name);
	if (err) {
		kfree(*path);
		*path = NULL;
	}
	return err;
}

/* namei - the inode at a user's path (1.2.13's name for it). */
int namei(const char *filename, struct inode *inode)
{
	char *path;
	int err = get_path(filename, &path);

	if (err)
		return err;
	err = lookup_inode(path, inode);
	putname(path);
	return err;
}

/*
 * The directory an *at call's relative path starts from: the cwd for
 * AT_FDCWD, else the path of the directory open as dfd (EBADF, ENOTDIR).
 */
static int at_dir(int dfd, const char **dir)
{
	struct file *f;

	*dir = current->fs->cwd;
	if (dfd == AT_FDCWD)
		return 0;
	f = fget(dfd);
	if (!f)
		return -EBADF;
	if (!f->f_path || !S_ISDIR(f->f_inode.i_mode))
		return -ENOTDIR;
	*dir = f->f_path;
	return 0;
}

/*
 * at_path - the normal absolute form of an *at call's (dfd, user_path),
 * in a buffer the caller gives back with putname. An absolute path
 * ignores dfd, as on Linux; follow says whether a final link is followed.
 */
int at_path(int dfd, const char *user_path, int follow, char **path)
{
	const char *dir;
	char *name;
	int err = getname(user_path, &name);

	if (err)
		return err;
	err = name[0] == '/' ? 0 : at_dir(dfd, &dir);
	if (name[0] == '/')
		dir = "/";
	*path = err ? NULL : kmalloc(PATH_MAX, GFP_KERNEL);
	if (!err && !*path)
		err = -ENOMEM;
	if (!err)
		err = resolve_path_at(dir, name, *path, PATH_MAX, follow);
	putname(name);
	if (err) {
		kfree(*path);
		*path = NULL;
	}
	return err;
}

/* lnamei - namei without following a final symbolic link (1.2.13's). */
int lnamei(const char *filename, struct inode *inode)
{
	char *path;
	int err = at_path(AT_FDCWD, filename, 0, &path);

	if (err)
		return err;
	err = lookup_inode(path, inode);
	putname(path);
	return err;
}
#endif
