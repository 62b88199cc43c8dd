/*
 * shm_swap.c - shm pages going out to swap and coming back.
 *
 * A segment's page is in one of three states, told by shm_pages[idx]:
 * 0 (never touched), a present pte (in memory: shm_pages holds one
 * reference, each attach mapping it one more), or a swap entry (on
 * disk; every attach's pte holds the page's signature). shm_swap moves
 * a page from the second state to the third when every attach has let
 * go of it; shm_swap_in (ipc/shm.c) and shm_unuse (swapoff) bring it
 * back through shm_read_in. 1.2.13 had these in ipc/shm.c; Lintel keeps
 * that file to the story of a page's first touch.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/shm.h>
#include <linux/swap.h>
#include <linux/trace.h>
#include "util.h"

static int swap_id;			/* shm_swap's clock: the slot */
static unsigned long swap_idx;		/* and the page within it */

/*
 * Take page idx of shp (at kernel address page) out of every attach
 * whose pte has not been used since we last looked; a used one loses
 * its accessed bit (its second chance) and keeps the page. An attach
 * that lets go gets the page's signature back and drops its reference.
 */
static void shm_unmap_page(struct shmid_ds *shp, unsigned long idx,
			   unsigned long page)
{
	struct vm_area_struct *vma = shp->attaches;

	do {
		unsigned long addr = vma->vm_start + (idx << PAGE_SHIFT) -
				     vma->vm_offset;
		pte_t *pte;

		if (addr < vma->vm_start || addr >= vma->vm_end)
			continue;
		pte = find_pte(vma->vm_mm, addr);
		if (!pte || !pte_present(*pte) || pte_page(*pte) != page)
			continue;
		if (pte_young(*pte)) {
			*pte = pte_mkold(*pte);
		} else {
			*pte = __pte(vma->vm_pte | idx << SHM_IDX_SHIFT);
			free_page(page);
			if (vma->vm_mm->rss)
				vma->vm_mm->rss--;
		}
		flush_tlb_range(vma->vm_mm, addr, addr + PAGE_SIZE);
	} while (shp->attaches && (vma = vma->vm_next_share) != shp->attaches);
}

/*
 * Write page idx of segment id out to slot swap_nr, whose reference it
 * takes: shm_pages[idx] holds the entry from now on. Sleeps. If the
 * disk fails, the page stays in memory and the slot is given back.
 */
static void shm_write_out(struct shmid_ds *shp, int id, unsigned long idx,
			  unsigned long swap_nr)
{
	unsigned long pte = shp->shm_pages[idx];
	unsigned long page = pte_page(__pte(pte));

	shp->shm_pages[idx] = swap_nr;
	shm_rss--;
	shm_swp++;
	trace_event(TRACE_SWAP | TRACE_SHM, "SHM shm_swap seg=%d idx=%lu -> "
		    "slot %lu:%lu pfn=0x%lx", id, idx, SWP_TYPE(swap_nr),
		    SWP_OFFSET(swap_nr), __pa(page) >> PAGE_SHIFT);
	if (write_swap_page(swap_nr, (char *)page) &&
	    shm_get(id) == shp && shp->shm_pages[idx] == swap_nr) {
		shp->shm_pages[idx] = pte;
		shm_rss++;
		shm_swp--;
		swap_free(swap_nr);
		return;
	}
	free_page(page);
}

/*
 * The next page of shm_segs[] on the clock that is in memory, from
 * (swap_id, swap_idx) on, going round at most once; its segment in
 * *shpp. Locked segments (SHM_LOCK) are passed over. -1 if none.
 */
static long next_shm_page(struct shmid_ds **shpp)
{
	int ids = max_shmid + 2;

	for (; ids--; swap_id++, swap_idx = 0) {
		struct shmid_ds *shp;

		if (swap_id > max_shmid)
			swap_id = 0;
		shp = shm_get(swap_id);
		if (!shp || (shp->shm_perm.mode & SHM_LOCKED))
			continue;
		for (; swap_idx < shp->shm_npages; swap_idx++)
			if (pte_present(__pte(shp->shm_pages[swap_idx]))) {
				*shpp = shp;
				return swap_idx++;
			}
	}
	return -1;
}

/*
 * shm_swap - try_to_free_page's shm half: going round shm_segs[],
 * look at (shm_rss >> prio) pages in memory at most; the first that no
 * attach has used since the last look (shm_unmap_page) is written out
 * to swap and freed. Returns 1 if a page was freed (we slept), else 0.
 */
int shm_swap(int prio)
{
	long counter = shm_rss >> prio;
	unsigned long swap_nr;
	struct shmid_ds *shp;

	if (!counter || !(swap_nr = get_swap_page()))
		return 0;
	while (counter-- > 0) {
		long idx = next_shm_page(&shp);
		unsigned long page;

		if (idx < 0)
			break;
		page = pte_page(__pte(shp->shm_pages[idx]));
		if (shp->attaches)
			shm_unmap_page(shp, idx, page);
		if (virt_to_page(page)->count != 1)
			continue;	/* an attach still maps it */
		shm_write_out(shp, swap_id, idx, swap_nr);
		return 1;
	}
	swap_free(swap_nr);
	return 0;
}

/*
 * shm_read_in - page idx of shp is in swap (shm_pages[idx] holds the
 * entry): read it into page (a fresh page the caller gives) and make it
 * the segment's page again, freeing the slot. Sleeps. If another fault
 * brought the page in while we slept, page is freed and theirs stays;
 * if the segment went (slot or sequence changed), page is freed too.
 * Returns 0, or -EIO with page freed and the page still in swap. The
 * caller keeps the segment alive (an attach of it, or a check after).
 */
int shm_read_in(struct shmid_ds *shp, int id, unsigned long idx,
		unsigned long page)
{
	unsigned long entry = shp->shm_pages[idx];
	unsigned int seq = shp->shm_perm.seq;

	if (read_swap_page(entry, (char *)page)) {
		free_page(page);
		return -EIO;
	}
	if (shm_get(id) != shp || shp->shm_perm.seq != seq ||
	    shp->shm_pages[idx] != entry) {
		free_page(page);
		return 0;
	}
	shp->shm_pages[idx] = pte_val(pte_mkdirty(mk_pte(page, PAGE_SHARED)));
	shm_rss++;
	shm_swp--;
	swap_free(entry);
	trace_event(TRACE_SWAP | TRACE_SHM, "SHM shm_swap_in seg=%d idx=%lu "
		    "<- slot %lu:%lu pfn=0x%lx", id, idx, SWP_TYPE(entry),
		    SWP_OFFSET(entry), __pa(page) >> PAGE_SHIFT);
	return 0;
}

/* Is page idx of shp in area type? */
static int in_area(struct shmid_ds *shp, unsigned long idx,
		   unsigned int type)
{
	unsigned long entry = shp->shm_pages[idx];

	return is_swap_entry(entry) && SWP_TYPE(entry) == type;
}

/*
 * shm_unuse - swapoff: bring every shm page in area type back into
 * memory (1.2.13's try_to_unuse left them on the area). The segments
 * may change while we sleep: each is looked up again, by slot and
 * sequence, before it is touched. Returns 0, -ENOMEM or -EIO.
 */
int shm_unuse(unsigned int type)
{
	int id, err;

	for (id = 0; id <= max_shmid; id++) {
		struct shmid_ds *shp = shm_get(id);
		unsigned long idx, page;
		unsigned int seq = shp ? shp->shm_perm.seq : 0;

		for (idx = 0; shp && idx < shp->shm_npages; idx++) {
			if (!in_area(shp, idx, type))
				continue;
			page = __get_free_page(GFP_USER);
			if (!page)
				return -ENOMEM;
			if (shm_get(id) == shp && shp->shm_perm.seq == seq &&
			    in_area(shp, idx, type)) {
				err = shm_read_in(shp, id, idx, page);
				if (err)
					return err;
			} else {
				free_page(page);
			}
			if (shm_get(id) != shp || shp->shm_perm.seq != seq) {
				/* slept, and the slot changed: start it over */
				shp = shm_get(id);
				seq = shp ? shp->shm_perm.seq : 0;
				idx = -1UL;
			}
		}
	}
	return 0;
}
