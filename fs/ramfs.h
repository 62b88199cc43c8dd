#ifndef _FS_RAMFS_H
#define _FS_RAMFS_H

/*
 * ramfs.h - what the two halves of the in-memory filesystems share:
 * fs/ramfs.c (names, nodes, mounts) and fs/ramfs_file.c (a file's bytes,
 * in the page cache). Nothing outside fs/ramfs*.c includes it.
 */
#include <linux/fs.h>
#include <linux/pagemap.h>

#define RAMFS_MAGIC	0x858458f6	/* statfs f_type, as Linux's */
#define TMPFS_MAGIC	0x01021994
#define TMP_SIZE_LIMIT	(8UL << 20)	/* /tmp's size= */
#define SHM_SIZE_LIMIT	(4UL << 20)	/* /dev/shm's size= */
/* A file's size and offsets are unsigned longs in the cache: below 4 GiB. */
#define RAMFS_MAX_SIZE	((loff_t)(~0UL & PAGE_MASK))
#define ROOT_DIR_MODE	(S_IFDIR | 0755)
#define TMP_DIR_MODE	(S_IFDIR | S_ISVTX | 0777)

struct ram_inode;

/* One name in a directory; cookie orders readdir across deletions. */
struct ram_dirent {
	struct ram_dirent *next;
	struct ram_inode *inode;
	unsigned long cookie;
	int len;
	char name[];
};

/* One mounted ramfs. limit 0: only memory bounds it. */
struct ram_sb {
	struct ram_inode *root;
	unsigned short dev;
	unsigned long magic, limit, used, next_ino, files;
	mode_t root_mode;
};

struct ram_inode {
	struct ram_sb *sb;
	unsigned long ino;
	mode_t mode;
	uid_t uid;
	gid_t gid;
	unsigned short nlink, count, rdev;	/* names, open files, MKDEV */
	time_t mtime;
	unsigned long size;
	const char *data;	/* the archive's bytes, or a symlink's target */
	unsigned long archive_size;	/* of data, what is still the file's */
	struct address_space mapping;	/* its pages in the page cache */
	char *link;		/* a symlink()'s target, kmalloc'd */
	struct ram_inode *parent;	/* directories: ".." */
	struct ram_dirent *entries;
	unsigned long next_cookie;
};

/* fs/ramfs.c */
void ram_fill(struct ram_inode *ri, struct inode *inode);
extern const struct file_operations ramfs_file_fops;

/* fs/ramfs_file.c */
void ram_cut(struct ram_inode *ri, unsigned long length);
int ramfs_readpage(struct inode *inode, unsigned long page,
		   unsigned long offset);
int ramfs_releasepage(struct page *page);
int ramfs_read(struct file *file, char *buf, int count);
int ramfs_write(struct file *file, const char *buf, int count);
loff_t ramfs_lseek(struct file *file, loff_t offset, int whence);
int ramfs_truncate(struct inode *inode, loff_t length);

#endif
