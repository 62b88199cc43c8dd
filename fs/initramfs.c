/*
 * initramfs.c - the file tree the kernel boots with: the cpio archive
 * the loader put in memory as the first multiboot module, unpacked into
 * the root filesystem (fs/ramfs.c) as Linux's populate_rootfs does.
 *
 * The archive is checked end to end once at boot; a corrupt or truncated
 * one is reported and refused (no files), never followed past its end.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/initramfs.h>
#include <linux/multiboot.h>
#include <linux/fs.h>
#include <asm/page.h>

static void populate_rootfs(void);

static const void *archive;
static unsigned long archive_size;
unsigned long initramfs_files;

void initramfs_init(void)
{
	unsigned long n;

	ramfs_init();
	if (!initrd_start) {
		printk("initramfs: none given (no multiboot module)\n");
		return;
	}
	if (cpio_validate(__va(initrd_start), initrd_end - initrd_start,
			  &n) != CPIO_END) {
		printk("initramfs: corrupt or truncated archive after %lu "
		       "files, refused\n", n);
		return;
	}
	archive = __va(initrd_start);
	archive_size = initrd_end - initrd_start;
	initramfs_files = n;
	printk("initramfs: %lu files, %luk\n", n, archive_size >> 10);
	populate_rootfs();
}

/*
 * Strip the "./" that "find . | cpio" puts in front of every name, so
 * that all see "bin/sh" (and "" for the root directory, ".").
 */
static void strip_dot_slash(struct cpio_entry *e)
{
	if (e->namelen >= 2 && e->name[0] == '.' && e->name[1] == '/') {
		e->name += 2;
		e->namelen -= 2;
	} else if (e->namelen == 1 && e->name[0] == '.') {
		e->name += 1;
		e->namelen = 0;
	}
}

/*
 * Iterate: start with *offset = 0; returns 0 per entry, -ENOENT at the
 * end. Names come without a leading "./".
 */
int initramfs_next(unsigned long *offset, struct cpio_entry *e)
{
	if (!archive || cpio_next(archive, archive_size, offset, e) != CPIO_OK)
		return -ENOENT;
	strip_dot_slash(e);
	return 0;
}

/*
 * Give every member a name in the root filesystem. A file's bytes stay
 * in the archive (which is never freed) until the file is written.
 */
static void populate_rootfs(void)
{
	unsigned long offset = 0;
	struct cpio_entry e;

	while (initramfs_next(&offset, &e) == 0)
		if (rootfs_add_member(&e)) {
			printk("initramfs: out of memory unpacking %.*s\n",
			       (int)e.namelen, e.name);
			return;
		}
}

/* Find an absolute path ("/bin/sh") in the archive. */
int initramfs_lookup(const char *path, struct cpio_entry *e)
{
	unsigned long offset = 0;

	while (*path == '/')
		path++;
	while (initramfs_next(&offset, e) == 0)
		if (strlen(path) == e->namelen &&
		    !strncmp(path, e->name, e->namelen))
			return 0;
	return -ENOENT;
}
