/*
 * meminfo.c - /proc/meminfo: RAM, free pages and shared memory, in
 * Linux's layout ("MemTotal:       131072 kB"), so free(1) and scripts
 * written for Linux can read it.
 *
 * Cached is the page cache (files' pages, mm/filemap.c) and SysV shm's
 * pages, Shmem what of that tmpfs files and SysV shm hold: as on Linux,
 * whose shm segments live in its tmpfs cache. SwapCached counts pages
 * whose swap slot still holds their data (mm/swap_state.c). Lintel has
 * no buffers: that line is there, as 0, because readers look for it.
 * Slab is what kmalloc holds;
 * KmallocObjects (Lintel's own line, a bare count as HugePages_Total is)
 * lets init check after each test that every kernel object came back.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/shm.h>
#include <linux/swap.h>
#include <linux/proc_fs.h>

#define PAGES_TO_KB(pages)	((pages) << (PAGE_SHIFT - 10))

/* One line: the label padded to 16 columns, the value to 8, then kB. */
static void show_val_kb(struct proc_buf *pb, const char *label,
			unsigned long pages)
{
	proc_printf(pb, "%-16s%8lu kB\n", label, PAGES_TO_KB(pages));
}

int proc_meminfo_show(struct proc_buf *pb, struct task_struct *task)
{
	unsigned long swap_total, swap_free;

	si_swapinfo(&swap_total, &swap_free);
	show_val_kb(pb, "MemTotal:", totalram_pages);
	show_val_kb(pb, "MemFree:", nr_free_pages);
	show_val_kb(pb, "MemAvailable:", nr_free_pages);
	show_val_kb(pb, "Buffers:", 0);
	show_val_kb(pb, "Cached:", page_cache_size + shm_rss);
	show_val_kb(pb, "SwapCached:", nr_swap_cache_pages);
	show_val_kb(pb, "SwapTotal:", swap_total);
	show_val_kb(pb, "SwapFree:", swap_free);
	show_val_kb(pb, "Shmem:", page_cache_shmem + shm_rss);
	show_val_kb(pb, "Slab:", kmalloc_pages);
	proc_printf(pb, "%-16s%8lu\n", "KmallocObjects:", kmalloc_objects);
	return 0;
}
