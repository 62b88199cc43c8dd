#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

/*
 * open() flags and fcntl() commands, Linux i386 values: shared by the
 * kernel (linux/fcntl.h) and our libc (fcntl.h).
 */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_LARGEFILE	00100000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_CLOEXEC	02000000

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	1030

#define FD_CLOEXEC	1	/* F_GETFD/F_SETFD: the only fd flag */

/* The *at calls: dfd for "the cwd", and their flags. */
#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_EACCESS		0x200	/* faccessat2: the effective ids */
#define AT_SYMLINK_FOLLOW	0x400
#define AT_NO_AUTOMOUNT		0x800
#define AT_EMPTY_PATH		0x1000
#define AT_STATX_SYNC_TYPE	0x6000

/* flock's operations (Linux keeps them in uapi/asm-generic/fcntl.h) */
#define LOCK_SH		1	/* shared */
#define LOCK_EX		2	/* exclusive */
#define LOCK_NB		4	/* or'd in: fail with EWOULDBLOCK, not wait */
#define LOCK_UN		8	/* let go */

/* lseek's whence (Linux keeps them in uapi/linux/fs.h) */
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

#endif
