/*
 * swapdemo - watch a shm segment's pages go to swap and come back.
 *
 *	swapdemo
 *
 * Makes a private segment of SEG_PAGES pages and writes a pattern into
 * it, then takes anonymous memory a MiB at a time, touching every page,
 * until SHM_INFO counts every page of the segment in swap (or ANON_MAX
 * MiB did not push them out). It gives the anonymous memory back, reads
 * the segment again (each page faults back in from swap) and checks the
 * pattern, then removes the segment. Boot a small machine with a swap
 * area to see it: make qemu-nox MEM=16 SWAP=64 CMDLINE=trace=swap,shm
 * (docs/13-swap.md, 13.4). Exits 0 if the pattern came back whole.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>

#define PAGE		4096
#define SEG_PAGES	4		/* the segment's size */
#define MIB		(1024 * 1024)
#define ANON_MAX	48		/* MiB: within a 64 MiB swap area */

/* The pattern's word at index i of page p: both differ for each word. */
static unsigned long pattern(unsigned long p, unsigned long i)
{
	return (p << 16) ^ i ^ 0x5a5a0000UL;
}

/* Fill every word of the segment at seg with its pattern. */
static void fill(unsigned long *seg)
{
	unsigned long p, i, words = PAGE / sizeof(long);

	for (p = 0; p < SEG_PAGES; p++)
		for (i = 0; i < words; i++)
			seg[p * words + i] = pattern(p, i);
}

/* The first page of seg whose pattern is wrong, or -1 if none is. */
static long first_bad_page(const unsigned long *seg)
{
	unsigned long p, i, words = PAGE / sizeof(long);

	for (p = 0; p < SEG_PAGES; p++)
		for (i = 0; i < words; i++)
			if (seg[p * words + i] != pattern(p, i))
				return (long)p;
	return -1;
}

/* Pages of all segments now in swap (SHM_INFO), or -1 on an error. */
static long shm_swapped(void)
{
	struct shm_info info;

	if (shmctl(0, SHM_INFO, (struct shmid_ds *)&info) < 0)
		return -1;
	return (long)info.shm_swp;
}

/*
 * Map and touch anonymous MiBs one at a time until the segment is all in
 * swap. Returns the MiBs mapped (the caller unmaps them from *anon), and
 * leaves them mapped so that memory stays short until the caller is done.
 */
static int push_out(char **anon)
{
	int mib, off;

	for (mib = 0; mib < ANON_MAX; mib++) {
		if (shm_swapped() >= SEG_PAGES)
			break;
		anon[mib] = mmap(NULL, MIB, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (anon[mib] == MAP_FAILED)
			break;
		for (off = 0; off < MIB; off += PAGE)
			anon[mib][off] = 1;
	}
	return mib;
}

int main(void)
{
	char *anon[ANON_MAX];
	unsigned long *seg;
	long bad, out;
	int id, mib, i;

	id = shmget(IPC_PRIVATE, SEG_PAGES * PAGE, IPC_CREAT | 0600);
	seg = id >= 0 ? shmat(id, NULL, 0) : (void *)-1;
	if (seg == (void *)-1) {
		fprintf(stderr, "swapdemo: shmget/shmat: %s\n",
			strerror(errno));
		if (id >= 0)
			shmctl(id, IPC_RMID, NULL);
		return 1;
	}
	fill(seg);
	printf("swapdemo: wrote %d shm pages (shmid %d)\n", SEG_PAGES, id);
	mib = push_out(anon);
	out = shm_swapped();
	printf("swapdemo: %ld of %d shm pages in swap after %d MiB of "
	       "anonymous memory\n", out, SEG_PAGES, mib);
	if (out < SEG_PAGES)
		printf("swapdemo: (is swap on? make qemu-nox MEM=16 SWAP=64 "
		       "gives a small machine a swap disk)\n");
	for (i = 0; i < mib; i++)
		munmap(anon[i], MIB);
	bad = first_bad_page(seg);
	if (bad < 0)
		printf("swapdemo: read the %d pages back: pattern whole\n",
		       SEG_PAGES);
	else
		printf("swapdemo: page %ld came back wrong\n", bad);
	shmdt(seg);
	shmctl(id, IPC_RMID, NULL);
	return bad < 0 && out == SEG_PAGES ? 0 : 1;
}
