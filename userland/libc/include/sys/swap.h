/*
 * sys/swap.h - swapon (87) and swapoff (115), as glibc declares them.
 */
#ifndef _SYS_SWAP_H
#define _SYS_SWAP_H

#define SWAP_FLAG_PREFER	0x8000	/* the priority below is given */
#define SWAP_FLAG_PRIO_MASK	0x7fff
#define SWAP_FLAG_PRIO_SHIFT	0

int swapon(const char *path, int flags);
int swapoff(const char *path);

#endif
