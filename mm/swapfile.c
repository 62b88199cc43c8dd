/*
 * swapfile.c - swap areas and their slots: swap_info[], each area's
 * swap_map[] of use counts, the slot allocator, swapon and swapoff.
 *
 * A slot's count is the number of references to the page stored there:
 * one per pte holding the entry (fork adds one, swap_duplicate), one for
 * a shm_pages[] slot. get_swap_page hands a slot out with count 1,
 * swap_free takes one away; at 0 the slot is free again. 1.2.13 had all
 * of this in mm/swap.c; Linux 2.1 moved it here, under this name.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/proc_fs.h>
#include <asm/system.h>

struct swap_info_struct swap_info[MAX_SWAPFILES];
unsigned long nr_swap_pages;
unsigned long total_swap_pages;
unsigned int nr_swapfiles;		/* swap_info[] slots in use, or below */
static int least_priority = -1;		/* Linux: the first area gets -2 */

/* The area an entry names, or NULL (with a message) for a bad entry. */
static struct swap_info_struct *entry_area(unsigned long entry,
					   const char *who)
{
	unsigned long type = SWP_TYPE(entry);
	struct swap_info_struct *p;

	if (type >= nr_swapfiles)
		goto bad;
	p = &swap_info[type];
	if (!(p->flags & SWP_USED) || SWP_OFFSET(entry) >= p->max)
		goto bad;
	return p;
bad:
	printk("%s: bad swap entry %08lx\n", who, entry);
	return NULL;
}

/*
 * Is entry a swap entry of some area (not none, not present, not a shm
 * signature)? For the page-table walkers, which must tell a slot they
 * hold a reference on from a signature that holds none.
 */
int is_swap_entry(unsigned long entry)
{
	return entry && !(entry & _PAGE_PRESENT) &&
	       SWP_TYPE(entry) != SHM_SWP_TYPE;
}

/* Take a free slot of p, lowest first; 0 if it has none. */
static unsigned long scan_swap_map(struct swap_info_struct *p)
{
	unsigned int offset;

	for (offset = p->lowest_bit; offset <= p->highest_bit; offset++) {
		if (p->swap_map[offset])
			continue;
		p->swap_map[offset] = 1;
		p->inuse_pages++;
		p->lowest_bit = offset + 1;
		return offset;
	}
	p->lowest_bit = p->max;		/* full: nothing to scan next time */
	p->highest_bit = 0;
	return 0;
}

/*
 * get_swap_page - a free slot with count 1, as a swap entry; 0 when no
 * writable area has one. Areas are tried from the highest priority, as
 * Linux does (1.2.13 took them in swap_info[] order). Never sleeps.
 */
unsigned long get_swap_page(void)
{
	struct swap_info_struct *best = NULL;
	unsigned long offset;
	unsigned int type;

	if (!nr_swap_pages)
		return 0;
	for (type = 0; type < nr_swapfiles; type++) {
		struct swap_info_struct *p = &swap_info[type];

		if ((p->flags & SWP_WRITEOK) != SWP_WRITEOK ||
		    p->lowest_bit > p->highest_bit)
			continue;
		if (!best || p->prio > best->prio)
			best = p;
	}
	if (!best)
		return 0;
	offset = scan_swap_map(best);
	if (!offset)
		return get_swap_page();	/* best was full after all */
	nr_swap_pages--;
	return SWP_ENTRY((unsigned long)(best - swap_info), offset);
}

/*
 * swap_duplicate - one more reference to entry's slot: fork copied a pte
 * holding it, or a sleeper keeps the slot while it reads it. Returns 1
 * when the reference was taken, 0 when not: a shm signature is no slot
 * and is left alone (1.2.13), and a slot at SWAP_MAP_MAX takes no more.
 * A caller whose reference is its own drops it (swap_free) only on 1.
 */
int swap_duplicate(unsigned long entry)
{
	struct swap_info_struct *p;
	unsigned long offset = SWP_OFFSET(entry);

	if (!is_swap_entry(entry))
		return 0;
	p = entry_area(entry, "swap_duplicate");
	if (!p)
		return 0;
	if (!p->swap_map[offset] || p->swap_map[offset] >= SWAP_MAP_MAX) {
		printk("swap_duplicate: slot %lu of area %lu has count %u\n",
		       offset, SWP_TYPE(entry), p->swap_map[offset]);
		return 0;
	}
	p->swap_map[offset]++;
	return 1;
}

/*
 * swap_free - drop one reference to entry's slot; the last one frees it.
 * A signature or a bad entry is left alone (with a message for the bad).
 */
void swap_free(unsigned long entry)
{
	struct swap_info_struct *p;
	unsigned long offset = SWP_OFFSET(entry);

	if (!is_swap_entry(entry))
		return;
	p = entry_area(entry, "swap_free");
	if (!p)
		return;
	if (!p->swap_map[offset] || p->swap_map[offset] == SWAP_MAP_BAD) {
		printk("swap_free: slot %lu of area %lu is not in use\n",
		       offset, SWP_TYPE(entry));
		return;
	}
	if (--p->swap_map[offset])
		return;
	if (offset < p->lowest_bit)
		p->lowest_bit = offset;
	if (offset > p->highest_bit)
		p->highest_bit = offset;
	p->inuse_pages--;
	if ((p->flags & SWP_WRITEOK) == SWP_WRITEOK)
		nr_swap_pages++;
}

/* The use count of entry's slot (0 for none), for tests and GDB. */
int swap_count(unsigned long entry)
{
	struct swap_info_struct *p;

	if (!is_swap_entry(entry))
		return 0;
	p = entry_area(entry, "swap_count");
	return p ? p->swap_map[SWP_OFFSET(entry)] : 0;
}

/* For sysinfo and /proc/meminfo: swap in all, and free, in pages. */
void si_swapinfo(unsigned long *total, unsigned long *free)
{
	*total = total_swap_pages;
	*free = nr_swap_pages;
}

/*
 * /proc/swaps, in Linux's columns: the path, "partition", the size and
 * what is used in KiB, the priority.
 */
int proc_swaps_show(struct proc_buf *pb, struct task_struct *task)
{
	unsigned int type;

	proc_printf(pb, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\t"
		    "Priority\n");
	for (type = 0; type < nr_swapfiles; type++) {
		struct swap_info_struct *p = &swap_info[type];
		unsigned long size = p->pages << (PAGE_SHIFT - 10);
		unsigned long used = p->inuse_pages << (PAGE_SHIFT - 10);
		int len = strlen(p->name);

		if ((p->flags & SWP_WRITEOK) != SWP_WRITEOK)
			continue;
		proc_printf(pb, "%s%*s%s\t%lu\t%s%lu\t%s%d\n", p->name,
			    len < 40 ? 40 - len : 1, " ", "partition", size,
			    size < 10000000 ? "\t" : "", used,
			    used < 10000000 ? "\t" : "", p->prio);
	}
	return 0;
}

/* ---- swapon ------------------------------------------------------------ */

/*
 * The SWAPSPACE2 header mkswap writes in a swap area's first page
 * (Linux's union swap_header, version 1): boot sectors left alone, then
 * the fields below, and the magic in the page's last ten bytes.
 */
#define SWAP_MAGIC		"SWAPSPACE2"
#define SWAP_MAGIC_LEN		10
#define SWAP_BOOTBITS		1024	/* the fields start here */
#define SWAP_BADPAGES_AT	1536	/* the list of bad pages */
#define SWAP_VERSION		1
#define MAX_SWAP_BADPAGES \
	((PAGE_SIZE - SWAP_BADPAGES_AT - SWAP_MAGIC_LEN) / sizeof(u32))

struct swap_header_info {
	u32 version;
	u32 last_page;		/* the last usable slot */
	u32 nr_badpages;
};

/*
 * Check the header page of an area of dev_pages pages and return the
 * number of slots it has (the header's included), or 0 when it is no
 * swap area Lintel can use; the reason is printed, as Linux prints it.
 * 1.2.13 read the older "SWAP-SPACE" bitmap header instead.
 */
static unsigned int check_swap_header(const char *page,
				      unsigned long dev_pages)
{
	const struct swap_header_info *info =
		(const void *)(page + SWAP_BOOTBITS);

	if (memcmp(page + PAGE_SIZE - SWAP_MAGIC_LEN, SWAP_MAGIC,
		   SWAP_MAGIC_LEN)) {
		printk("Unable to find swap-space signature\n");
		return 0;
	}
	if (info->version != SWAP_VERSION) {
		printk("Unable to handle swap header version %u\n",
		       info->version);
		return 0;
	}
	if (!info->last_page || info->nr_badpages > MAX_SWAP_BADPAGES) {
		printk("Empty swap-file\n");
		return 0;
	}
	if (info->last_page >= dev_pages) {
		printk("Swap area shorter than signature indicates\n");
		return 0;
	}
	return info->last_page + 1;
}

/* Fill p's swap_map from the header: the header and bad pages unusable. */
static int setup_swap_map(struct swap_info_struct *p, const char *header)
{
	const struct swap_header_info *info =
		(const void *)(header + SWAP_BOOTBITS);
	const u32 *bad = (const u32 *)(header + SWAP_BADPAGES_AT);
	unsigned int i;

	memset(p->swap_map, 0, p->max);
	p->swap_map[0] = SWAP_MAP_BAD;
	for (i = 0; i < info->nr_badpages; i++) {
		if (!bad[i] || bad[i] >= p->max)
			return -EINVAL;
		p->swap_map[bad[i]] = SWAP_MAP_BAD;
	}
	p->pages = p->max - 1 - info->nr_badpages;
	p->lowest_bit = 1;
	p->highest_bit = p->max - 1;
	p->inuse_pages = 0;
	return p->pages ? 0 : -EINVAL;
}

/* A free slot of swap_info[], marked SWP_USED; NULL with all taken. */
static struct swap_info_struct *alloc_swap_info(void)
{
	unsigned int type;

	for (type = 0; type < MAX_SWAPFILES; type++)
		if (!swap_info[type].flags)
			break;
	if (type == MAX_SWAPFILES)
		return NULL;
	if (type >= nr_swapfiles)
		nr_swapfiles = type + 1;
	memset(&swap_info[type], 0, sizeof(swap_info[type]));
	swap_info[type].flags = SWP_USED;
	return &swap_info[type];
}

/* Is dev already a swap area (swapon twice: EBUSY)? */
static struct swap_info_struct *find_swap_device(kdev_t dev,
						 struct swap_info_struct *skip)
{
	unsigned int type;

	for (type = 0; type < nr_swapfiles; type++)
		if (&swap_info[type] != skip && swap_info[type].flags &&
		    swap_info[type].swap_device == dev)
			return &swap_info[type];
	return NULL;
}

/*
 * The block device path names, in *dev, or Linux's error: ENOENT and the
 * other lookup errors, EISDIR for a directory (Linux opens it for
 * writing), EINVAL for anything that is not a block device (Lintel
 * keeps files in memory: a swap file there would make no sense), ENXIO
 * for a device with no disk behind it.
 */
static int swap_device_of(const char *path, kdev_t *dev)
{
	struct inode inode;
	int err = lookup_inode(path, &inode);

	if (err)
		return err;
	if (S_ISDIR(inode.i_mode))
		return -EISDIR;
	if (!S_ISBLK(inode.i_mode))
		return -EINVAL;
	if (!blk_dev_pages(inode.i_rdev))
		return -ENXIO;
	*dev = inode.i_rdev;
	return 0;
}

/* Read and check dev's header into p: slots, swap_map, lock bits. */
static int read_swap_area(struct swap_info_struct *p, kdev_t dev)
{
	char *header = (char *)get_free_page(GFP_KERNEL);
	int err = -ENOMEM;

	if (!header)
		return -ENOMEM;
	p->swap_device = dev;
	err = swap_read_header(dev, header);
	if (err)
		goto out;
	err = -EINVAL;
	p->max = check_swap_header(header, blk_dev_pages(dev));
	if (!p->max)
		goto out;
	err = -ENOMEM;
	p->swap_map = kmalloc(p->max, GFP_KERNEL);
	p->swap_lockmap = kmalloc((p->max + 7) / 8, GFP_KERNEL);
	if (!p->swap_map || !p->swap_lockmap)
		goto out;
	memset(p->swap_lockmap, 0, (p->max + 7) / 8);
	err = setup_swap_map(p, header);
out:
	free_page((unsigned long)header);
	return err;
}

/* Give back what read_swap_area took and free p's slot of swap_info[]. */
static void release_swap_info(struct swap_info_struct *p)
{
	kfree(p->swap_map);
	kfree(p->swap_lockmap);
	memset(p, 0, sizeof(*p));
	while (nr_swapfiles && !swap_info[nr_swapfiles - 1].flags)
		nr_swapfiles--;
}

/* Make p writable and count its slots, with the line Linux prints. */
static void enable_swap_info(struct swap_info_struct *p, int swap_flags)
{
	if (swap_flags & SWAP_FLAG_PREFER)
		p->prio = swap_flags & SWAP_FLAG_PRIO_MASK;
	else
		p->prio = --least_priority;
	p->flags = SWP_WRITEOK;
	nr_swap_pages += p->pages - p->inuse_pages;
	total_swap_pages += p->pages;
	printk("Adding %uk swap on %s.  Priority:%d extents:1 across:%uk\n",
	       p->pages << (PAGE_SHIFT - 10), p->name, p->prio,
	       p->pages << (PAGE_SHIFT - 10));
}

/*
 * swapon (87) - start paging to the block device specialfile, whose
 * first page holds mkswap's SWAPSPACE2 header. Linux's order of checks
 * and errors: EPERM for non-root, EINVAL for unknown flags, the lookup's
 * errors (EFAULT, ENOENT, ...), EBUSY when it is swapped on already,
 * EINVAL when it holds no swap area, EPERM when swap_info[] is full.
 * The line the kernel prints is today's Linux's; 1.2.13 said "Adding
 * Swap: %dk swap-space".
 */
long sys_swapon(const char *specialfile, int swap_flags)
{
	struct swap_info_struct *p;
	kdev_t dev;
	char *path;
	int err;

	if (current->euid)
		return -EPERM;
	if (swap_flags & ~SWAP_FLAGS_VALID)
		return -EINVAL;
	p = alloc_swap_info();
	if (!p)
		return -EPERM;
	err = get_path(specialfile, &path);
	if (err)
		goto out_free_info;
	err = init_swap_cache();
	if (!err)
		err = swap_device_of(path, &dev);
	if (!err && find_swap_device(dev, p))
		err = -EBUSY;
	if (!err)
		err = read_swap_area(p, dev);
	if (err)
		goto out_free_path;
	strncpy(p->name, path, SWAP_NAME_MAX - 1);
	enable_swap_info(p, swap_flags);
	putname(path);
	return 0;

out_free_path:
	putname(path);
out_free_info:
	release_swap_info(p);
	return err;
}

/* ---- swapoff ----------------------------------------------------------- */

/*
 * A fresh page holding what slot entry holds; 0 with *err set when no
 * page could be had (-ENOMEM) or the disk failed (-EIO). Sleeps.
 */
static unsigned long read_back(unsigned long entry, int *err)
{
	unsigned long page = __get_free_page(GFP_USER);

	*err = -ENOMEM;
	if (!page)
		return 0;
	*err = read_swap_page(entry, (char *)page);
	if (*err) {
		free_page(page);
		return 0;
	}
	return page;
}

/*
 * The pte at addr of mm holds entry, of the area being swapped off:
 * read the page back and map it in the pte's place, dirty (the slot is
 * given up, so memory holds the only copy). We sleep on the way, so the
 * pte is looked up again afterwards: if it changed (the process faulted
 * the page in, or unmapped it), our copy is dropped. The process may
 * free the slot meanwhile too: a reference of our own keeps it (the
 * caller read entry from the pte without sleeping since). A slot at
 * SWAP_MAP_MAX takes none, and its many others keep it: we drop only
 * the reference we took.
 */
static int unuse_pte(struct mm_struct *mm, unsigned long addr,
		     unsigned long entry)
{
	struct vm_area_struct *vma;
	unsigned long page;
	pte_t *pte;
	int err, held;

	held = swap_duplicate(entry);
	page = read_back(entry, &err);
	if (held)	/* the pte's reference still holds the slot, */
		swap_free(entry);	/* or the pte changed: see below */
	if (!page)
		return err;
	vma = find_vma(mm, addr);
	pte = find_pte(mm, addr);
	if (!vma || vma->vm_start > addr || !pte || pte_val(*pte) != entry) {
		free_page(page);
		return 0;
	}
	*pte = pte_mkdirty(mk_pte(page, vma->vm_page_prot));
	flush_tlb_range(mm, addr, addr + PAGE_SIZE);
	mm->rss++;
	swap_free(entry);
	return 0;
}

/*
 * Bring back every page of mm that is in area type. Returns the number
 * brought back (when not 0, we slept: the caller's view of the task
 * list is stale) or an error. Areas are looked up by address at each
 * step, as they may change while we sleep.
 */
static int unuse_mm(struct mm_struct *mm, unsigned int type)
{
	unsigned long addr = 0;
	int done = 0, err;

	for (;;) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		pte_t *pte;

		if (!vma)
			return done;
		if (addr < vma->vm_start)
			addr = vma->vm_start;
		pte = find_pte(mm, addr);
		if (!pte) {
			addr = (addr + PGDIR_SIZE) & PGDIR_MASK;
			if (!addr)
				return done;
			continue;
		}
		if (is_swap_entry(pte_val(*pte)) &&
		    SWP_TYPE(pte_val(*pte)) == type) {
			err = unuse_pte(mm, addr, pte_val(*pte));
			if (err)
				return err;
			done++;
		}
		addr += PAGE_SIZE;
		if (!addr)
			return done;
	}
}

/*
 * One pass over the tasks: bring back the pages of the first address
 * space that has any in area type. Returns what unuse_mm did (0: no
 * task has any left), or an error. The mm is held while we sleep.
 */
static int unuse_one_process(unsigned int type)
{
	struct task_struct *p;

	for_each_task(p) {
		struct mm_struct *mm = p->mm;
		int done;

		if (!mm)
			continue;
		mm->count++;
		done = unuse_mm(mm, type);
		mmput(mm);
		if (done)
			return done;
	}
	return 0;
}

/*
 * try_to_unuse - bring every page in area type back into memory: the
 * process pages, then the shm pages (1.2.13 skipped swapped shm pages
 * here, leaving their data on a device it then let go; Lintel brings
 * them back too, as Linux does since 2.2's shm_unuse). Returns 0, or
 * -ENOMEM / -EIO with the pages not yet back still on the area.
 */
static int try_to_unuse(unsigned int type)
{
	int err;

	do {
		err = unuse_one_process(type);
		if (err < 0)
			return err;
	} while (err);
	err = shm_unuse(type);
	if (err)
		return err;
	swap_cache_unuse(type);
	if (swap_info[type].inuse_pages) {
		printk("try_to_unuse: %u slots of %s still in use\n",
		       swap_info[type].inuse_pages, swap_info[type].name);
		return -EBUSY;
	}
	return 0;
}

/*
 * Would area p's pages fit in memory, counting the free pages above the
 * reserve and what other areas could take? (Linux asks the same of its
 * overcommit accounting.) If not, swapoff fails before moving a page.
 */
static int swapoff_fits(struct swap_info_struct *p)
{
	unsigned long room = nr_swap_pages - (p->pages - p->inuse_pages);

	if (nr_free_pages > min_free_pages)
		room += nr_free_pages - min_free_pages;
	return p->inuse_pages <= room;
}

/* The writable area on the block device at path, or an error. */
static struct swap_info_struct *find_area(const char *path, int *err)
{
	struct swap_info_struct *p;
	struct inode inode;

	*err = lookup_inode(path, &inode);
	if (*err)
		return NULL;
	*err = -EINVAL;
	if (!S_ISBLK(inode.i_mode))
		return NULL;
	p = find_swap_device(inode.i_rdev, NULL);
	if (!p || (p->flags & SWP_WRITEOK) != SWP_WRITEOK)
		return NULL;
	*err = 0;
	return p;
}

/* swapoff: stop writing to p and take its slots out of the counts. */
static void disable_swap_info(struct swap_info_struct *p)
{
	p->flags = SWP_USED;
	nr_swap_pages -= p->pages - p->inuse_pages;
	total_swap_pages -= p->pages;
}

/* swapoff failed: p takes pages again, with the slots it has left. */
static void reenable_swap_info(struct swap_info_struct *p)
{
	p->flags = SWP_WRITEOK;
	nr_swap_pages += p->pages - p->inuse_pages;
	total_swap_pages += p->pages;
}

/*
 * swapoff (115) - bring every page in the area on specialfile back into
 * memory and stop using it. Errors as Linux: EPERM for non-root, the
 * lookup's (EFAULT, ENOENT, ...), EINVAL when it is no active swap
 * area, ENOMEM when its pages would not fit (nothing is lost: what was
 * already read back stays in memory, the rest stays on the area, which
 * goes on being used).
 */
long sys_swapoff(const char *specialfile)
{
	struct swap_info_struct *p;
	char *path;
	int err;

	if (current->euid)
		return -EPERM;
	err = get_path(specialfile, &path);
	if (err)
		return err;
	p = find_area(path, &err);
	putname(path);
	if (!p)
		return err;
	if (!swapoff_fits(p))
		return -ENOMEM;
	disable_swap_info(p);
	err = try_to_unuse(p - swap_info);
	if (err) {
		reenable_swap_info(p);
		return err;
	}
	release_swap_info(p);
	return 0;
}
