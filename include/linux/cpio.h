#ifndef _LINUX_CPIO_H
#define _LINUX_CPIO_H

/*
 * The initramfs is a "newc" cpio archive (GNU cpio -H newc): each member
 * is a 110-byte ASCII header, the name, padding to 4 bytes, the data,
 * padding to 4 bytes; a member named TRAILER!!! ends it.
 *
 *   offset  0: "070701"  magic
 *          6: 13 fields of 8 hex digits: ino mode uid gid nlink mtime
 *             filesize devmajor devminor rdevmajor rdevminor namesize check
 */
#include <linux/types.h>
#include <linux/stat.h>	/* the S_IF* bits of a member's mode */

#define CPIO_HDR_SIZE	110
#define CPIO_MAGIC	"070701"

struct cpio_entry {
	const char *name;	/* as stored: "bin/sh", no leading slash */
	unsigned long namelen;	/* without the NUL */
	const void *data;
	unsigned long size;
	unsigned long mode, uid, gid, mtime, ino;
};

/* cpio_next's results */
#define CPIO_OK		0	/* *e filled, *offset moved past it */
#define CPIO_END	1	/* the trailer: a well-formed end */
#define CPIO_BAD	-1	/* corrupt or truncated: stop */

int cpio_next(const void *archive, unsigned long size, unsigned long *offset,
	      struct cpio_entry *e);
int cpio_validate(const void *archive, unsigned long size,
		  unsigned long *nr_entries);

#endif
