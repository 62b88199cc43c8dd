#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

/* open() flags, fcntl() commands and lseek's whence: user ABI. */
#include <uapi/linux/fcntl.h>

/* access()'s mode */
#define F_OK		0
#define X_OK		1
#define W_OK		2
#define R_OK		4

#endif
