/*
 * sys/uio.h - struct iovec, for readv(2) and writev(2). Lintel's libc has
 * no wrappers for them yet: programs call syscall(SYS_readv, ...).
 */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/types.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

#endif
