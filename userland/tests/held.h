/*
 * held.h - what the kernel holds, as Lintel's /proc shows it: free
 * frames, kmalloc's pages and objects, free swap, and the SysV IPC
 * objects (shm segments, semaphore sets, message queues).
 *
 * init (userland/bin/init.c) reads it before and after the program it
 * runs, and fuzz after every batch; every figure must come back exactly.
 * Lintel-only: KmallocObjects is Lintel's own line in /proc/meminfo.
 *
 * The first figure is the free frames plus the page cache's pages of
 * files in the root (Cached less Shmem): a page of a root file that was
 * written or mapped stays in the cache while the file exists (ramfs has
 * nowhere else to keep it) or until shrink_mmap drops a clean one (it
 * is free then: the sum is the same), so a program that maps /bin/sh
 * leaves it there, held by the file and not leaked. A file the program left
 * behind still shows, in KmallocObjects (its node) and, for /tmp and
 * /dev/shm, here too: tmpfs pages are Shmem and count as held.
 */
#ifndef _HELD_H
#define _HELD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#define HELD_PROC_BUF	4096

enum { HELD_FREE, HELD_SLAB, HELD_OBJECTS, HELD_SWAP, HELD_SHM, HELD_SEM,
       HELD_MSG, NR_HELD };

/* A /proc/meminfo label, or for the IPC objects the /proc/sysvipc file. */
static const char *const held_label[NR_HELD] = {
	"MemFree:", "Slab:", "KmallocObjects:", "SwapFree:",
	"/proc/sysvipc/shm", "/proc/sysvipc/sem", "/proc/sysvipc/msg",
};
static const char *const held_name[NR_HELD] = {
	"MemFreeOrRootCache", "Slab", "KmallocObjects", "SwapFree", "shm",
	"sem", "msg"
};

/* Read a whole /proc file into buf (NUL-terminated); its length or -1. */
static inline int held_read(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n, len = 0;

	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return len;
}

/* The number after "label" at the start of a line of buf, or -1. */
static inline long held_field(const char *buf, const char *label)
{
	size_t n = strlen(label);

	for (const char *l = buf; l && *l; l = strchr(l, '\n')) {
		if (*l == '\n')
			l++;
		if (!strncmp(l, label, n))
			return strtol(l + n, NULL, 10);
	}
	return -1;
}

/* A line of /proc/meminfo ("Cached:"), in kB, or -1. */
static inline long meminfo_kb(const char *label)
{
	static char buf[HELD_PROC_BUF];

	if (held_read("/proc/meminfo", buf, sizeof(buf)) < 0)
		return -1;
	return held_field(buf, label);
}

/* Lines of a /proc/sysvipc file after its header: one per object. */
static inline long held_ipc_objects(const char *path, char *buf)
{
	long lines = 0;

	if (held_read(path, buf, HELD_PROC_BUF) < 0)
		return -1;
	for (char *p = buf; (p = strchr(p, '\n')); p++)
		lines++;
	return lines - 1;
}

/*
 * Take the counts. The buffer is static, so a caller that reads twice
 * before its workload has already counted the pages reading costs it.
 *
 * The reader's own pages may go out to swap while it waits (init sleeps
 * through the whole test): a page of its out makes one more frame free
 * and one swap slot used; read back for reading, it keeps the slot in
 * the swap cache. So MemFree counts the reader's swapped pages (VmSwap)
 * as held, and SwapFree counts them and the cached slots as free: both
 * figures then stay put unless something leaked.
 */
static inline void read_held(long held[NR_HELD])
{
	static char buf[HELD_PROC_BUF];
	long own_swap, cached;

	held_read("/proc/self/status", buf, sizeof(buf));
	own_swap = held_field(buf, "VmSwap:");
	held_read("/proc/meminfo", buf, sizeof(buf));
	cached = held_field(buf, "SwapCached:");
	for (int i = 0; i < HELD_SHM; i++)
		held[i] = held_field(buf, held_label[i]);
	held[HELD_FREE] += held_field(buf, "Cached:") -
			   held_field(buf, "Shmem:");
	if (own_swap > 0) {
		held[HELD_FREE] -= own_swap;
		held[HELD_SWAP] += own_swap;
	}
	if (cached > 0)
		held[HELD_SWAP] += cached;
	for (int i = HELD_SHM; i < NR_HELD; i++)
		held[i] = held_ipc_objects(held_label[i], buf);
}

/* Print " Name A -> B," for each figure; how many differ. */
static inline int print_held(const long before[NR_HELD],
			     const long after[NR_HELD])
{
	int moved = 0;

	for (int i = 0; i < NR_HELD; i++) {
		printf(" %s %ld -> %ld%s", held_name[i], before[i], after[i],
		       i + 1 < NR_HELD ? "," : "");
		moved += before[i] != after[i];
	}
	return moved;
}

#endif
