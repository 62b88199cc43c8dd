#ifndef _UAPI_ASM_STAT_H
#define _UAPI_ASM_STAT_H

/*
 * The two stat layouts of the Linux i386 ABI (Linux's uapi names the
 * first struct stat; it keeps 1.2.13's name here, so that it cannot be
 * mistaken for libc's struct stat, which is the second). The kernel
 * fills them (fs/stat.c); our libc checks its struct stat against
 * struct stat64 field by field (userland/libc/abi.c).
 */

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
