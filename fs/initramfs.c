/*
 * initramfs.c - the read-only file tree the kernel boots with: the cpio
 * archive the loader put in memory as the first multiboot module.
 *
 * The archive is checked end to end once at boot; a corrupt or truncated
 * one is reported and refused (no files), never followed past its end.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/initramfs.h>
#include <linux/multiboot.h>
#include <asm/page.h>

static const void *archive;
static unsigned long archive_size;
unsigned long initramfs_files;

void initramfs_init(void)
{
	unsigned long n;

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
}

/* Iterate: start with *offset = 0; returns 0 per entry, -ENOENT at the end. */
int initramfs_next(unsigned long *offset, struct cpio_entry *e)
{
	if (!archive)
		return -ENOENT;
	return cpio_next(archive, archive_size, offset, e) == CPIO_OK ?
	       0 : -ENOENT;
}

/* Compare an absolute path with an archive name ("./bin/sh" or "bin/sh"). */
static int same_path(const char *path, const struct cpio_entry *e)
{
	const char *name = e->name;
	unsigned long len = e->namelen;

	while (*path == '/')
		path++;
	if (len >= 2 && name[0] == '.' && name[1] == '/') {
		name += 2;
		len -= 2;
	} else if (len == 1 && name[0] == '.') {
		len = 0;
	}
	return strlen(path) == len && !strncmp(path, name, len);
}

int initramfs_lookup(const char *path, struct cpio_entry *e)
{
	unsigned long offset = 0;

	while (initramfs_next(&offset, e) == 0)
		if (same_path(path, e))
			return 0;
	return -ENOENT;
}
