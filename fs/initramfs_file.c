/*
 * initramfs_file.c - the root filesystem: the initramfs archive seen as
 * files and directories, read-only.
 *
 * A member "bin/sh" is a file whose bytes are read straight out of the
 * archive. Directories need no member of their own: "bin" exists as soon
 * as some member's name starts with "bin/". Names inside this
 * filesystem have no leading slash; "" is the root.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <asm/segment.h>

#define INITRAMFS_DEV	MKDEV(0, 1)
/* A directory with no member of its own: this | its first child's offset */
#define IMPLIED_DIR_INO	0x80000000UL
#define IMPLIED_DIR_MODE (S_IFDIR | 0755)

static const struct file_operations initramfs_file_fops;
static const struct file_operations initramfs_dir_fops;

/*
 * If the member name[0..n) lies below directory dir[0..dlen), the length
 * of its first component below dir ("sh" of "bin/sh" in "bin"); else 0.
 */
static int child_len(const char *dir, int dlen, const char *name, int n)
{
	const char *p, *end = name + n;

	if (dlen) {
		if (n <= dlen + 1 || name[dlen] != '/' ||
		    strncmp(name, dir, dlen))
			return 0;
		name += dlen + 1;
	}
	for (p = name; p < end && *p != '/'; p++)
		;
	return p - name;
}

static void fill_common(struct inode *inode)
{
	inode->i_dev = INITRAMFS_DEV;
	inode->i_flags = MS_RDONLY;
	inode->i_nlink = S_ISDIR(inode->i_mode) ? 2 : 1;
	inode->i_fop = S_ISDIR(inode->i_mode) ? &initramfs_dir_fops
					      : &initramfs_file_fops;
}

static void fill_from_member(const struct cpio_entry *e, struct inode *inode)
{
	inode->i_ino = e->ino;
	inode->i_mode = e->mode;
	inode->i_uid = e->uid;
	inode->i_gid = e->gid;
	inode->i_size = e->size;
	inode->i_mtime = e->mtime;
	inode->i_data = e->data;
	fill_common(inode);
}

/*
 * The inode of name[0..len): its member if it has one, else a directory
 * implied by the first member below it. The root always exists.
 */
static int lookup_name(const char *name, int len, struct inode *inode)
{
	unsigned long offset = 0, at = 0;
	struct cpio_entry e;
	int implied = 0;

	memset(inode, 0, sizeof(*inode));
	while (initramfs_next(&offset, &e) == 0) {
		if (e.namelen == (unsigned long)len &&
		    !strncmp(e.name, name, len)) {
			fill_from_member(&e, inode);
			return 0;
		}
		if (!implied && child_len(name, len, e.name, e.namelen)) {
			implied = 1;
			inode->i_ino = IMPLIED_DIR_INO | at;
			inode->i_mtime = e.mtime;
		}
		at = offset;
	}
	if (!implied && len)
		return -ENOENT;
	inode->i_mode = IMPLIED_DIR_MODE;
	fill_common(inode);
	return 0;
}

int initramfs_lookup_inode(const char *name, struct inode *inode)
{
	return lookup_name(name, strlen(name), inode);
}

static int initramfs_read(struct file *file, char *buf, int count)
{
	const struct inode *inode = &file->f_inode;

	if (file->f_pos >= inode->i_size)
		return 0;
	count = min((loff_t)count, inode->i_size - file->f_pos);
	if (memcpy_tofs(buf, inode->i_data + file->f_pos, count))
		return -EFAULT;
	file->f_pos += count;
	return count;
}

/* Did a member before offset already give dir the child name[0..n)? */
static int seen_before(const char *dir, int dlen, const char *name, int n,
		       unsigned long before)
{
	unsigned long offset = 0;
	struct cpio_entry e;
	int skip = dlen ? dlen + 1 : 0;

	while (offset < before && initramfs_next(&offset, &e) == 0)
		if (child_len(dir, dlen, e.name, e.namelen) == n &&
		    !strncmp(e.name + skip, name, n))
			return 1;
	return 0;
}

/* The inode number of dir's parent (the root is its own parent). */
static unsigned long parent_ino(const char *dir, int dlen)
{
	struct inode parent;

	while (dlen > 0 && dir[dlen - 1] != '/')
		dlen--;
	lookup_name(dir, dlen ? dlen - 1 : 0, &parent);
	return parent.i_ino;
}

/*
 * f_pos: 0 for ".", 1 for "..", then 2 + the archive offset of the next
 * member to look at. A child appears once, at the first member that
 * names it; finding "first" costs a scan of the members before it, fine
 * for an initramfs of a few hundred files.
 */
static int initramfs_readdir(struct file *file, void *buf, filldir_t filldir)
{
	const char *dir = file->f_path + 1;	/* mounted at "/" */
	int dlen = strlen(dir), skip = dlen ? dlen + 1 : 0, n;
	unsigned long offset, next;
	struct cpio_entry e;
	struct inode child;

	if (!dir_emit_dots(file, buf, filldir, parent_ino(dir, dlen)))
		return 0;
	for (offset = file->f_pos - 2; next = offset,
	     initramfs_next(&next, &e) == 0; offset = next) {
		n = child_len(dir, dlen, e.name, e.namelen);
		if (n && !seen_before(dir, dlen, e.name + skip, n, offset)) {
			lookup_name(e.name, skip + n, &child);
			if (filldir(buf, e.name + skip, n, next + 2,
				    child.i_ino, IFTODT(child.i_mode)))
				return 0;
		}
		file->f_pos = next + 2;
	}
	return 0;
}

static const struct file_operations initramfs_file_fops = {
	.read = initramfs_read,
};

static const struct file_operations initramfs_dir_fops = {
	.read = generic_read_dir,
	.readdir = initramfs_readdir,
};
