/*
 * ramfs.c - the writable in-memory filesystems: the root (the initramfs
 * unpacked into it at boot, as Linux's rootfs), /tmp and /dev/shm.
 *
 * Every file is a ram_inode; a directory holds a list of ram_dirents
 * (name -> ram_inode), so a file may have several names (link). A
 * file's bytes live in the page cache, page by page, found by (node,
 * offset) (fs/ramfs_file.c, mm/filemap.c). A file unpacked from the
 * initramfs starts with no pages at all: its bytes stay in the archive,
 * and a page of them is copied into the cache only when it is written
 * or mapped (exec maps a program's pages, as it runs them); read copies
 * straight from the archive until then. That costs no memory at boot
 * and none for the files that are only read; Linux instead copies the
 * whole archive into its page cache and frees it. A page never written
 * in a tmpfs file is a hole: read gives zeros, and no page is spent on
 * it.
 *
 * The node lives while it has a name (i_nlink) or an open file (count;
 * a mapping holds its file open): unlink of an open file keeps the data
 * until the last close, as on Linux.
 *
 * Each mount counts the pages its files hold and refuses to go past its
 * limit with -ENOSPC, as tmpfs's size= does; only memory limits a file.
 *
 * Departure from 1.2.13: ramfs came with Linux 2.4; 1.2.13 had a disk
 * filesystem at "/" and nothing in memory.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/cpio.h>
#include <asm/segment.h>
#include <asm/page.h>
#include "ramfs.h"

/* The three mounts: the root has no limit but memory; /tmp and /dev/shm do. */
static struct ram_sb rootfs_sb = { NULL, MKDEV(0, 1), RAMFS_MAGIC, 0, 0, 1,
				   0, ROOT_DIR_MODE };
/* st_dev: proc is 0,3, devfs 0,5 and pipes 0,12; these take 1, 13, 14 */
static struct ram_sb tmpfs_sb = { NULL, MKDEV(0, 13), TMPFS_MAGIC,
				  TMP_SIZE_LIMIT, 0, 1, 0, TMP_DIR_MODE };
static struct ram_sb shmfs_sb = { NULL, MKDEV(0, 14), TMPFS_MAGIC,
				  SHM_SIZE_LIMIT, 0, 1, 0, TMP_DIR_MODE };

static const struct file_operations ramfs_dir_fops;
static const struct inode_operations ramfs_iops;

/* A new node of sb owned by the caller's fsuid; NULL when out of memory. */
static struct ram_inode *ram_new_inode(struct ram_sb *sb, mode_t mode)
{
	struct ram_inode *ri = kmalloc(sizeof(*ri), GFP_KERNEL);

	if (!ri)
		return NULL;
	memset(ri, 0, sizeof(*ri));
	ri->sb = sb;
	ri->ino = sb->next_ino++;
	ri->mode = mode;
	ri->uid = current->euid;
	ri->gid = current->egid;
	ri->nlink = S_ISDIR(mode) ? 2 : 1;
	ri->mtime = CURRENT_TIME;
	ri->mapping.shmem = sb->magic == TMPFS_MAGIC;
	if (!ri->mapping.shmem)
		ri->mapping.releasepage = ramfs_releasepage;
	sb->files++;
	return ri;
}

/* Free a node once nothing names it and no file has it open. */
static void ram_iput(struct ram_inode *ri)
{
	if (ri->nlink || ri->count)
		return;
	ram_cut(ri, 0);
	kfree(ri->link);
	ri->sb->files--;
	kfree(ri);
}

/* The mount's root (NULL if it could not be made at boot). */
static struct ram_inode *sb_root(struct ram_sb *sb)
{
	return sb->root;
}

/* Make the three mounts' roots, each its own parent, owned by root. */
void ramfs_init(void)
{
	struct ram_sb *sbs[] = { &rootfs_sb, &tmpfs_sb, &shmfs_sb };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sbs); i++) {
		sbs[i]->root = ram_new_inode(sbs[i], sbs[i]->root_mode);
		if (!sbs[i]->root)
			panic("ramfs: no memory for a root directory");
		sbs[i]->root->uid = sbs[i]->root->gid = 0;
		sbs[i]->root->parent = sbs[i]->root;
	}
}

/* The entry named name[0..len) in directory dir, or NULL. */
static struct ram_dirent *find_entry(struct ram_inode *dir, const char *name,
				     int len)
{
	struct ram_dirent *de;

	for (de = dir->entries; de; de = de->next)
		if (de->len == len && !memcmp(de->name, name, len))
			return de;
	return NULL;
}

/* Give ri the name[0..len) in dir (at the end of readdir's order). */
static int add_entry(struct ram_inode *dir, const char *name, int len,
		     struct ram_inode *ri)
{
	struct ram_dirent *de = kmalloc(sizeof(*de) + len, GFP_KERNEL), **p;

	if (!de)
		return -ENOMEM;
	de->next = NULL;
	de->inode = ri;
	de->cookie = dir->next_cookie++;
	de->len = len;
	memcpy(de->name, name, len);
	for (p = &dir->entries; *p; p = &(*p)->next)
		;
	*p = de;
	if (S_ISDIR(ri->mode)) {
		ri->parent = dir;
		dir->nlink++;
	}
	dir->mtime = CURRENT_TIME;
	return 0;
}

/* Take the name de away from dir; the caller drops the node's link. */
static void del_entry(struct ram_inode *dir, struct ram_dirent *de)
{
	struct ram_dirent **p;

	for (p = &dir->entries; *p != de; p = &(*p)->next)
		;
	*p = de->next;
	if (S_ISDIR(de->inode->mode))
		dir->nlink--;
	dir->mtime = CURRENT_TIME;
	kfree(de);
}

/* Copy a node into the struct inode the rest of the kernel works with. */
void ram_fill(struct ram_inode *ri, struct inode *inode)
{
	memset(inode, 0, sizeof(*inode));
	inode->i_dev = ri->sb->dev;
	inode->i_ino = ri->ino;
	inode->i_mode = ri->mode;
	inode->i_nlink = ri->nlink;
	inode->i_uid = ri->uid;
	inode->i_gid = ri->gid;
	inode->i_size = ri->size;
	inode->i_mtime = ri->mtime;
	inode->i_data = ri->data;
	inode->i_op = &ramfs_iops;
	inode->generic_ip = ri;
	inode->i_mapping = &ri->mapping;
	if (S_ISDIR(ri->mode))
		inode->i_fop = &ramfs_dir_fops;
	else if (S_ISREG(ri->mode))
		inode->i_fop = &ramfs_file_fops;
	else
		init_special_inode(inode, ri->mode, ri->rdev);
}

/* The node at name ("a/b", "" for the root) below sb's root. */
static int ram_walk(struct ram_sb *sb, const char *name,
		    struct ram_inode **res)
{
	struct ram_inode *ri = sb_root(sb);
	struct ram_dirent *de;
	const char *end;

	if (!ri)
		return -ENOMEM;
	while (*name) {
		end = strchr(name, '/');
		if (!end)
			end = name + strlen(name);
		if (!S_ISDIR(ri->mode))
			return -ENOTDIR;
		de = find_entry(ri, name, end - name);
		if (!de)
			return -ENOENT;
		ri = de->inode;
		name = *end ? end + 1 : end;
	}
	*res = ri;
	return 0;
}

/* Fill *inode for name below sb's root: 0, -ENOENT or -ENOTDIR. */
static int ram_lookup(struct ram_sb *sb, const char *name,
		      struct inode *inode)
{
	struct ram_inode *ri;
	int err = ram_walk(sb, name, &ri);

	if (!err)
		ram_fill(ri, inode);
	return err;
}

/* The mount table's lookups (fs/namei.c), one per mounted ramfs. */
int rootfs_lookup(const char *name, struct inode *inode)
{
	return ram_lookup(&rootfs_sb, name, inode);
}

/* /tmp: a tmpfs with TMP_SIZE_LIMIT bytes. */
int tmpfs_lookup(const char *name, struct inode *inode)
{
	return ram_lookup(&tmpfs_sb, name, inode);
}

/* /dev/shm: a tmpfs with SHM_SIZE_LIMIT bytes, for POSIX shm files. */
int shmfs_lookup(const char *name, struct inode *inode)
{
	return ram_lookup(&shmfs_sb, name, inode);
}

/* An open file holds its node: unlink leaves the data to it. */
static int ramfs_open(struct file *file)
{
	struct ram_inode *ri = file->f_inode.generic_ip;

	ri->count++;
	return 0;
}

/* The last close of a node with no name left frees it. */
static void ramfs_release(struct file *file)
{
	struct ram_inode *ri = file->f_inode.generic_ip;

	ri->count--;
	ram_iput(ri);
}

/*
 * f_pos: 0 ".", 1 "..", then 2 + the cookie of the next entry, so that
 * names removed between two getdents calls do not make others skipped.
 */
static int ramfs_readdir(struct file *file, void *buf, filldir_t filldir)
{
	struct ram_inode *dir = file->f_inode.generic_ip;
	struct ram_dirent *de;

	if (!dir->nlink)	/* removed: nothing, not even "." */
		return 0;
	if (!dir_emit_dots(file, buf, filldir, dir->parent->ino))
		return 0;
	for (de = dir->entries; de; de = de->next) {
		if (de->cookie + 2 < file->f_pos)
			continue;
		if (filldir(buf, de->name, de->len, de->cookie + 3,
			    de->inode->ino, IFTODT(de->inode->mode)))
			return 0;
		file->f_pos = de->cookie + 3;
	}
	return 0;
}

/* A new node named name[0..len) in dir. */
static int ram_mknod(struct inode *dir, const char *name, int len, int mode,
		     struct ram_inode **res)
{
	struct ram_inode *d = dir->generic_ip;
	struct ram_inode *ri = ram_new_inode(d->sb, mode);
	int err;

	if (!ri)
		return -ENOMEM;
	err = add_entry(d, name, len, ri);
	if (err) {
		ri->nlink = 0;
		ram_iput(ri);
		return err;
	}
	*res = ri;
	return 0;
}

/* open(O_CREAT) of a new name: a regular file, *result filled. */
static int ramfs_create(struct inode *dir, const char *name, int len,
			int mode, struct inode *result)
{
	struct ram_inode *ri;
	int err = ram_mknod(dir, name, len, S_IFREG | (mode & S_IALLUGO), &ri);

	if (!err)
		ram_fill(ri, result);
	return err;
}

/* mknod: a node of any type; rdev is a device node's MKDEV. */
static int ramfs_mknod(struct inode *dir, const char *name, int len,
		       int mode, int rdev)
{
	struct ram_inode *ri;
	int err = ram_mknod(dir, name, len, mode, &ri);

	if (!err)
		ri->rdev = rdev;
	return err;
}

/* An empty directory (nlink 2: its name and its "."). */
static int ramfs_mkdir(struct inode *dir, const char *name, int len,
		       int mode)
{
	return ramfs_mknod(dir, name, len, S_IFDIR | (mode & S_IALLUGO), 0);
}

/* A symbolic link whose target is a kernel copy of target. */
static int ramfs_symlink(struct inode *dir, const char *name, int len,
			 const char *target)
{
	struct ram_inode *ri;
	int n = strlen(target), err;
	char *copy = kmalloc(n, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	err = ram_mknod(dir, name, len, S_IFLNK | 0777, &ri);
	if (err) {
		kfree(copy);
		return err;
	}
	memcpy(copy, target, n);
	ri->data = ri->link = copy;
	ri->size = n;
	return 0;
}

/* One more name for the file old (never a directory: the caller). */
static int ramfs_link(struct inode *old, struct inode *dir, const char *name,
		      int len)
{
	struct ram_inode *ri = old->generic_ip;
	int err = add_entry(dir->generic_ip, name, len, ri);

	if (!err)
		ri->nlink++;
	return err;
}

/* Drop the name; the node goes when its last name and file are gone. */
static int ram_remove(struct inode *dir, const char *name, int len)
{
	struct ram_inode *d = dir->generic_ip, *ri;
	struct ram_dirent *de = find_entry(d, name, len);

	if (!de)
		return -ENOENT;
	ri = de->inode;
	del_entry(d, de);
	ri->nlink = S_ISDIR(ri->mode) ? 0 : ri->nlink - 1;
	ram_iput(ri);
	return 0;
}

/* unlink: the caller has checked that the name is not a directory. */
static int ramfs_unlink(struct inode *dir, const char *name, int len)
{
	return ram_remove(dir, name, len);
}

/* rmdir: -ENOTEMPTY unless the directory has no entries. */
static int ramfs_rmdir(struct inode *dir, const char *name, int len)
{
	struct ram_dirent *de = find_entry(dir->generic_ip, name, len);

	if (!de)
		return -ENOENT;
	if (de->inode->entries)
		return -ENOTEMPTY;
	return ram_remove(dir, name, len);
}

/*
 * rename: the caller has checked types (a directory only over an empty
 * directory, not into itself) and that both are on this filesystem. A
 * name already at the new place is replaced.
 */
static int ramfs_rename(struct inode *old_dir, const char *old_name,
			int old_len, struct inode *new_dir,
			const char *new_name, int new_len)
{
	struct ram_inode *od = old_dir->generic_ip, *nd = new_dir->generic_ip;
	struct ram_dirent *de = find_entry(od, old_name, old_len), *victim;
	struct ram_inode *ri;
	int err;

	if (!de)
		return -ENOENT;
	ri = de->inode;
	victim = find_entry(nd, new_name, new_len);
	if (victim && victim->inode == ri)
		return 0;
	if (victim && S_ISDIR(victim->inode->mode) && victim->inode->entries)
		return -ENOTEMPTY;
	err = add_entry(nd, new_name, new_len, ri);
	if (err)
		return err;
	if (victim)
		ram_remove(new_dir, victim->name, victim->len);
	del_entry(od, find_entry(od, old_name, old_len));
	return 0;
}

/* Bring a copy of the inode up to date with its node. */
static void ramfs_read_inode(struct inode *inode)
{
	ram_fill(inode->generic_ip, inode);
}

/* chmod, chown and utimes change a copy; this writes it back. */
static void ramfs_notify_change(const struct inode *inode)
{
	struct ram_inode *ri = inode->generic_ip;

	ri->mode = inode->i_mode;
	ri->uid = inode->i_uid;
	ri->gid = inode->i_gid;
	ri->mtime = inode->i_mtime;
}

/*
 * statfs: blocks are pages of the mount's limit; the root, which has
 * none, counts what it holds and the free pages, so that df shows it
 * (Linux's ramfs says 0 for everything and df leaves it out).
 */
static void ramfs_statfs(const struct inode *inode, struct kstatfs *buf)
{
	struct ram_sb *sb = ((struct ram_inode *)inode->generic_ip)->sb;

	buf->f_type = sb->magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	buf->f_files = sb->files;
	if (sb->limit) {
		buf->f_blocks = sb->limit / PAGE_SIZE;
		buf->f_bfree = (sb->limit - sb->used) / PAGE_SIZE;
	} else {
		buf->f_blocks = sb->used / PAGE_SIZE + nr_free_pages;
		buf->f_bfree = nr_free_pages;
	}
}

/* i_op->read_inode for whoever has one: fstat and SEEK_END call it. */
void refresh_inode(struct inode *inode)
{
	if (inode->i_op && inode->i_op->read_inode)
		inode->i_op->read_inode(inode);
}

/*
 * Unpacking the initramfs: give the archive member e its place in the
 * root, making the directories on its way (mode 0755, root's) that have
 * no member of their own. A file's bytes stay in the archive until it is
 * written. Called once at boot, before any process runs.
 */
int rootfs_add_member(const struct cpio_entry *e)
{
	struct ram_inode *dir = sb_root(&rootfs_sb), *ri;
	const char *name = e->name, *end = e->name + e->namelen, *slash;
	struct ram_dirent *de;
	struct inode d;

	if (!dir)
		return -ENOMEM;
	while (name < end) {
		for (slash = name; slash < end && *slash != '/'; slash++)
			;
		de = find_entry(dir, name, slash - name);
		ri = de ? de->inode : NULL;
		ram_fill(dir, &d);
		if (!ri && ram_mknod(&d, name, slash - name,
				     slash < end ? ROOT_DIR_MODE : e->mode, &ri))
			return -ENOMEM;
		dir = ri;
		name = slash + 1;
	}
	ri = dir;
	ri->mode = e->mode;
	ri->uid = e->uid;
	ri->gid = e->gid;
	ri->mtime = e->mtime;
	if (!S_ISDIR(e->mode)) {
		ri->data = e->data;
		ri->size = e->size;
		ri->archive_size = S_ISREG(e->mode) ? e->size : 0;
	}
	return 0;
}

const struct file_operations ramfs_file_fops = {
	.lseek = ramfs_lseek,
	.read = ramfs_read,
	.write = ramfs_write,
	.open = ramfs_open,
	.release = ramfs_release,
	.mmap = generic_file_mmap,
};

static const struct file_operations ramfs_dir_fops = {
	.read = generic_read_dir,
	.readdir = ramfs_readdir,
	.open = ramfs_open,
	.release = ramfs_release,
};

static const struct inode_operations ramfs_iops = {
	.create = ramfs_create,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.symlink = ramfs_symlink,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.rmdir = ramfs_rmdir,
	.rename = ramfs_rename,
	.truncate = ramfs_truncate,
	.readpage = ramfs_readpage,
	.read_inode = ramfs_read_inode,
	.notify_change = ramfs_notify_change,
	.statfs = ramfs_statfs,
};
