/*
 * abi.c - the one user layout this libc defines in its own C types,
 * checked at compile time against the kernel's definition.
 *
 * Numbers (system calls, errno, signals, open flags, limits) and struct
 * rlimit come straight from the kernel's include/uapi/. struct stat is
 * written with libc's types (dev_t, ino_t, ...), so here every field is
 * checked to sit where the kernel's struct stat64 puts it, with its size.
 */
#include <stddef.h>
#include <sys/stat.h>
#include <asm/stat.h>

#define SAME_FIELD(f)							\
	_Static_assert(offsetof(struct stat, f) ==			\
		       offsetof(struct stat64, f) &&			\
		       sizeof(((struct stat *)0)->f) ==			\
		       sizeof(((struct stat64 *)0)->f),			\
		       "struct stat." #f " is not where stat64 fills it")

_Static_assert(sizeof(struct stat) == sizeof(struct stat64),
	       "struct stat is not the size of the kernel's stat64");
SAME_FIELD(st_dev);
SAME_FIELD(__st_ino);
SAME_FIELD(st_mode);
SAME_FIELD(st_nlink);
SAME_FIELD(st_uid);
SAME_FIELD(st_gid);
SAME_FIELD(st_rdev);
SAME_FIELD(st_size);
SAME_FIELD(st_blksize);
SAME_FIELD(st_blocks);
SAME_FIELD(st_atime);
SAME_FIELD(st_atime_nsec);
SAME_FIELD(st_mtime);
SAME_FIELD(st_mtime_nsec);
SAME_FIELD(st_ctime);
SAME_FIELD(st_ctime_nsec);
SAME_FIELD(st_ino);
