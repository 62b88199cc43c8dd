/*
 * sys/stat.h - file status, through stat64 (195) and fstat64 (197).
 *
 * struct stat is Linux i386's struct stat64 (96 bytes): 64-bit inode and
 * size, so a big inode number on the host is no EOVERFLOW. On i386 a
 * long long inside a struct is only 4-byte aligned, which gives exactly
 * the kernel's offsets; userland/libc/abi.c checks them against the
 * kernel's struct stat64 (include/uapi/asm/stat.h).
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>

#include <linux/stat.h>	/* include/uapi/linux/stat.h: the modes */

struct stat {
	dev_t st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;		/* low 32 bits of st_ino */
	mode_t st_mode;
	nlink_t st_nlink;
	uid_t st_uid;
	gid_t st_gid;
	dev_t st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	blksize_t st_blksize;
	blkcnt_t st_blocks;		/* 512-byte units */
	time_t st_atime;
	unsigned long st_atime_nsec;
	time_t st_mtime;
	unsigned long st_mtime_nsec;
	time_t st_ctime;
	unsigned long st_ctime_nsec;
	ino_t st_ino;
};

int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);

#endif
