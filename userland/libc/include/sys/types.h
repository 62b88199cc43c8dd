/* sys/types.h - the basic types, sized as Linux i386 user space sees them. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned int nlink_t;
typedef long off_t;
typedef int ssize_t;
typedef long time_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef int clockid_t;
typedef int key_t;
typedef unsigned long long dev_t;
typedef unsigned long long ino_t;
typedef long long blkcnt_t;
typedef unsigned long blksize_t;

#endif
