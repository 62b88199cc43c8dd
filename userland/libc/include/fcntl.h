/* fcntl.h - open() and its flags, Linux i386 values. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#include <linux/fcntl.h>	/* include/uapi/linux/fcntl.h: the kernel's */

int open(const char *path, int flags, ...);

#endif
