#ifndef _LINUX_SWAP_H
#define _LINUX_SWAP_H

/*
 * Swapping, in 1.2.13's names (its mm/swap.c held all of it; Lintel
 * splits it as later Linux did):
 *
 *   mm/swapfile.c   swap areas: swap_info[], swap_map[] use counts,
 *                   get_swap_page, swap_duplicate, swap_free, swapon,
 *                   swapoff (try_to_unuse), /proc/swaps
 *   mm/page_io.c    rw_swap_page: one page to or from a slot
 *   mm/swap_state.c the swap cache: slots still holding a page's data
 *   mm/swap.c       swap_in: a fault on a swap entry
 *   mm/vmscan.c     try_to_free_page: shm_swap, then swap_out
 *
 * A swap entry is a pte that is not present: offset << 12 | type << 1
 * (SWP_ENTRY in linux/mm.h). type is the index in swap_info[], offset
 * the slot (page) in that area; slot 0 holds the header.
 */
#include <linux/types.h>
#include <linux/mm.h>
#include <linux/blkdev.h>

#define MAX_SWAPFILES	8

#define SWP_USED	1	/* the slot of swap_info[] is taken */
#define SWP_WRITEOK	3	/* ... and pages may be written to it */

/* swap_map[] values beside a use count (Linux's SWAP_MAP_MAX, _BAD) */
#define SWAP_MAP_MAX	0x7e	/* a count never goes past this */
#define SWAP_MAP_BAD	0x80	/* a bad page, or the header: never used */

/* swapon's flags (Linux's): a priority, and discard options ignored */
#define SWAP_FLAG_PREFER	0x8000
#define SWAP_FLAG_PRIO_MASK	0x7fff
#define SWAP_FLAGS_VALID	0x7ffff

#define SWAP_NAME_MAX	64	/* the path /proc/swaps shows */

struct swap_info_struct {
	unsigned int flags;		/* 0, SWP_USED or SWP_WRITEOK */
	kdev_t swap_device;		/* the block device */
	unsigned char *swap_map;	/* a use count per slot */
	unsigned char *swap_lockmap;	/* a bit per slot: I/O under way */
	unsigned int lowest_bit;	/* no free slot below it */
	unsigned int highest_bit;	/* nor above it */
	unsigned int max;		/* slots, the header's included */
	unsigned int pages;		/* usable slots */
	unsigned int inuse_pages;
	int prio;
	char name[SWAP_NAME_MAX];
};

extern struct swap_info_struct swap_info[MAX_SWAPFILES];
extern unsigned long nr_swap_pages;	/* free slots on writable areas */
extern unsigned long total_swap_pages;
extern unsigned int nr_swapfiles;	/* swap_info[] entries to look at */

/* mm/swapfile.c */
unsigned long get_swap_page(void);
int swap_duplicate(unsigned long entry);
void swap_free(unsigned long entry);
int swap_count(unsigned long entry);
int is_swap_entry(unsigned long entry);
void si_swapinfo(unsigned long *total, unsigned long *free);
long sys_swapon(const char *specialfile, int swap_flags);
long sys_swapoff(const char *specialfile);

/* mm/page_io.c */
int rw_swap_page(int rw, unsigned long entry, char *buf);
#define read_swap_page(entry, buf)	rw_swap_page(READ, entry, buf)
#define write_swap_page(entry, buf)	rw_swap_page(WRITE, entry, buf)
int swap_read_header(kdev_t dev, char *buf);
extern unsigned long pswpin, pswpout;	/* pages read and written */

/* mm/swap_state.c: the swap cache */
int init_swap_cache(void);
int add_to_swap_cache(unsigned long page, unsigned long entry);
unsigned long lookup_swap_cache(unsigned long page);
unsigned long find_in_swap_cache(unsigned long page);
int delete_from_swap_cache(unsigned long page);
void swap_cache_unuse(unsigned int type);
extern unsigned long nr_swap_cache_pages;	/* SwapCached */

/* mm/vmscan.c */
int try_to_free_page(int priority);
unsigned long mm_swap_badness(struct mm_struct *mm);
unsigned long mm_swap_pages(struct mm_struct *mm);

/* ipc/shm.c: the shm side of reclaim and of swapoff */
int shm_swap(int prio);
int shm_unuse(unsigned int type);

#endif
