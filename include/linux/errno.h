#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

/* Linux's own numbers, shared with our libc: include/uapi/asm/errno.h. */
#include <uapi/asm/errno.h>

/* Kernel-internal: a sleeping call was interrupted; never seen by users. */
#define ERESTARTSYS	512
#define ERESTARTNOINTR	513	/* ... and is made again, handler or not */
/* ... and goes on through restart_syscall unless a handler ran (EINTR) */
#define ERESTART_RESTARTBLOCK 516
#define ENOIOCTLCMD	515	/* "not mine": the caller tries its own */

#endif
