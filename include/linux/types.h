#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/* Fixed-width types; the kernel is freestanding, so gcc's headers give them. */
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;

/* Under HOST_TEST the host's C library already defines these. */
#ifndef HOST_TEST
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef long off_t;
typedef long time_t;
typedef int key_t;
typedef unsigned int mode_t;
typedef long ssize_t;
#endif

#endif
