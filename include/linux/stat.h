#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

/*
 * File modes and the two stat layouts of the Linux i386 ABI.
 *
 * A mode is the file's type in the top four bits and its permissions
 * below: 0100755 is a regular file, rwxr-xr-x.
 */
#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000

#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)

#define S_IRWXUGO	0777
#define S_IALLUGO	07777

/*
 * What stat (106), lstat (107) and fstat (108) fill: 1.2.13's
 * "new_stat", 64 bytes. 32-bit sizes and 16-bit ids.
 */
struct new_stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned short st_mode;
	unsigned short st_nlink;
	unsigned short st_uid;
	unsigned short st_gid;
	unsigned long st_rdev;
	unsigned long st_size;
	unsigned long st_blksize;
	unsigned long st_blocks;	/* 512-byte units */
	unsigned long st_atime, st_atime_nsec;
	unsigned long st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	unsigned long __unused4, __unused5;
};

/*
 * What stat64 (195), lstat64 (196) and fstat64 (197) fill, 96 bytes.
 * A long long in a struct is 4-byte aligned on i386, which gives exactly
 * Linux's offsets; the inode number is there twice (32 bits early, for
 * old programs, and 64 bits at the end).
 */
struct stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long st_atime, st_atime_nsec;
	unsigned long st_mtime, st_mtime_nsec;
	unsigned long st_ctime, st_ctime_nsec;
	unsigned long long st_ino;
};

#endif
