/*
 * namei.c - from a path to an inode.
 *
 * A path is first made absolute and normal against current->fs->cwd
 * (normalize_path: "/bin/sh", never ".", "..", "//" or a trailing "/"),
 * checking on the way that every component a later one passes through
 * is a searchable directory. The mount table then says which filesystem
 * holds the result, and that filesystem's lookup fills the inode.
 *
 * 1.2.13 walked the path one directory inode at a time (lookup() on each
 * component); with no inodes to hold, Lintel walks the string instead.
 * normalize_path is pure (host-tested in tests/test_namei.c).
 */
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/fs.h>

/*
 * Append the components of path to out[0..*len), which holds a normal
 * absolute path without its trailing slash ("" is the root). check_dir,
 * if given, vets each name that is followed by a slash: it must be a
 * directory for the walk to go on through it.
 */
static int walk_path(const char *path, char *out, int size, int *len,
		     int (*check_dir)(const char *dir))
{
	const char *name;
	int n, err;

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
			while (*len > 0 && out[--*len] != '/')
				;
			out[*len] = '\0';
			continue;
		}
		if (*len + 1 + n + 1 > size)
			return -ENAMETOOLONG;
		out[(*len)++] = '/';
		memcpy(out + *len, name, n);
		*len += n;
		out[*len] = '\0';
		if (*path == '/' && check_dir) {
			err = check_dir(out);
			if (err)
				return err;
		}
	}
}

/*
 * normalize_path - the absolute, normal form of path, into out[size].
 *
 * A relative path starts at cwd (itself normal and absolute). ".." of
 * the root is the root. Returns 0, -ENOENT for an empty path,
 * -ENAMETOOLONG when a component exceeds NAME_MAX or the result does
 * not fit, or what check_dir returned.
 */
int normalize_path(const char *cwd, const char *path, char *out, int size,
		   int (*check_dir)(const char *dir))
{
	int len = 0, err;

	if (!*path)
		return -ENOENT;
	if (size < 2)
		return -ENAMETOOLONG;
	out[0] = '\0';
	if (*path != '/') {
		err = walk_path(cwd, out, size, &len, NULL);
		if (err)
			return err;
	}
	err = walk_path(path, out, size, &len, check_dir);
	if (err)
		return err;
	if (len == 0)
		strcpy(out, "/");
	return 0;
}

#ifndef HOST_TEST
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/fcntl.h>
#include <asm/segment.h>

#define MAX_LINKS	40	/* Linux's MAXSYMLINKS; 1.2.13 stopped at 5 */

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

/* normalize_path's check_dir: a directory the caller may search. */
static int check_dir(const char *dir)
{
	struct inode inode;
	int err = lookup_inode(dir, &inode);

	if (err)
		return err;
	if (!S_ISDIR(inode.i_mode))
		return -ENOTDIR;
	return permission(&inode, MAY_EXEC, current->euid, current->egid);
}

/*
 * link_target - replace path (normal, absolute, naming the symbolic link
 * *inode) by the normal form of the link's target, which is i_size bytes
 * at i_data (not NUL-terminated) and, if relative, starts at the link's
 * directory. tmp is a PATH_MAX scratch buffer.
 */
static int link_target(char *path, int size, const struct inode *inode,
		       char *tmp)
{
	char *slash = strrchr(path, '/');
	int dlen = inode->i_data[0] == '/' ? 0 : slash - path;

	if (inode->i_size == 0)
		return -ENOENT;
	if (dlen + 1 + inode->i_size >= PATH_MAX)
		return -ENAMETOOLONG;
	memcpy(tmp, path, dlen);
	tmp[dlen] = '/';
	memcpy(tmp + dlen + 1, inode->i_data, inode->i_size);
	tmp[dlen + 1 + inode->i_size] = '\0';
	return normalize_path("/", tmp, path, size, check_dir);
}

/*
 * follow_link - while path (normal, absolute) names a symbolic link, put
 * the link's target in its place. Links live in the ramfs mounts (such
 * as busybox's applets in /usr/bin) and /proc (/proc/<pid>/exe); only
 * the last component is followed, and after MAX_LINKS links it is -ELOOP, as in
 * 1.2.13's follow_link.
 */
static int follow_link(char *path, int size)
{
	struct inode inode;
	char *tmp = NULL;
	int err = 0, links = 0;

	while (!lookup_inode(path, &inode) && S_ISLNK(inode.i_mode)) {
		if (++links > MAX_LINKS) {
			err = -ELOOP;
			break;
		}
		if (!tmp && !(tmp = kmalloc(PATH_MAX, GFP_KERNEL))) {
			err = -ENOMEM;
			break;
		}
		err = link_target(path, size, &inode, tmp);
		if (err)
			break;
	}
	kfree(tmp);
	return err;
}

/*
 * resolve_path_at - normalize a kernel copy of a path against dir (the
 * cwd, or the directory an *at call names), and follow a final
 * symbolic link when follow is set (lstat and readlink do not).
 */
int resolve_path_at(const char *dir, const char *path, char *out, int size,
		    int follow)
{
	int err = normalize_path(dir, path, out, size, check_dir);

	if (!err && follow)
		err = follow_link(out, size);
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
