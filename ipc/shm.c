/*
 * shm.c - SysV shared memory, the way Linux 1.2.13 built it.
 *
 * The story of a shared page:
 *
 *  1. shmget() finds or makes a segment: a struct shmid_ds in the global
 *     shm_segs[] array, with shm_pages[], one pte value per page, all 0.
 *     No memory is allocated for the pages themselves.
 *  2. shmat() builds a vm_area_struct with shm_vm_ops, inserts it into the
 *     process's AVL tree, and shm_map() writes a "signature" into every
 *     pte of the range: not present, not none, naming the segment's slot
 *     and the page index (SHM_SWP_TYPE, SHM_ID_SHIFT, SHM_IDX_SHIFT).
 *  3. The first touch of a page faults: do_page_fault -> do_no_page ->
 *     do_swap_page (the pte is not none) -> vma->vm_ops->swapin, which is
 *     shm_swap_in(): it allocates and zeroes the page on first use,
 *     records it in shm_pages[idx] and returns the pte to map.
 *  4. Another process touching the same page gets the frame recorded in
 *     shm_pages[idx]: the two page tables now point at one frame.
 *
 * What a program sees (errno values, IPC_64, SHM_STAT_ANY, ...) follows
 * today's Linux; where 1.2.13 differed, a comment says what it did.
 * shmctl and the user layouts, which the story above never needs, are in
 * ipc/shmctl.c (1.2.13 had both in this file). shm_segs[] is this file's
 * own, as in 1.2.13: the rest of ipc/ goes through ipc/util.h, /proc
 * through the functions linux/shm.h declares.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/shm.h>
#include <linux/ipc.h>
#include <linux/trace.h>
#include <linux/swap.h>
#include "util.h"

#define SEQ_LIMIT	(0x7fffffff / SHMMNI)	/* ids stay positive ints */

static struct shmid_ds *shm_segs[SHMMNI];
unsigned long shm_tot, shm_rss, shm_swp;
int max_shmid;			/* every used slot is at or below it */
int used_segs;
static unsigned int shm_seq;
static struct wait_queue *shm_lock;	/* waits on IPC_NOID slots */
unsigned long shmmax = SHMMAX, shmall = SHMALL, shmmni = SHMMNI;

static struct vm_operations_struct shm_vm_ops;

/* *limit from the command line option name, if given, at most most. */
static void set_limit(const char *name, unsigned long *limit,
		      unsigned long most)
{
	const char *v = get_option(name);

	if (v && *v)
		*limit = min(simple_strtoul(v, NULL, 0), most);
}

/*
 * Mark every slot of shm_segs[] free and take shmmni=, shmmax= and
 * shmall= from the command line. Called once by start_kernel, before
 * any process can call shmget.
 */
void shm_init(void)
{
	int i;

	for (i = 0; i < SHMMNI; i++)
		shm_segs[i] = IPC_UNUSED;
	set_limit("shmmni", &shmmni, SHMMNI);
	set_limit("shmmax", &shmmax, SHM_MAX_PAGES * PAGE_SIZE);
	set_limit("shmall", &shmall, ~0UL >> PAGE_SHIFT);
	printk("shm: %lu segments, %lu bytes each at most, %lu pages in all\n",
	       shmmni, shmmax, shmall);
}

/* The time for shm_atime, shm_dtime and shm_ctime, in seconds. */
static time_t now(void)
{
	return CURRENT_TIME;
}

/* The id a program sees for the segment in slot index. */
int shm_id(const struct shmid_ds *shp, int index)
{
	return shp->shm_perm.seq * SHMMNI + index;
}

/* The slot of the segment an attach maps (the id in its signature). */
static int vma_slot(struct vm_area_struct *vma)
{
	return (vma->vm_pte >> SHM_ID_SHIFT) & SHM_ID_MASK;
}

/*
 * The segment in slot index, or NULL for a free slot, one being made
 * (IPC_NOID) or an index out of range. For shmctl's SHM_STAT and
 * /proc, which name segments by slot.
 */
struct shmid_ds *shm_get(int index)
{
	struct shmid_ds *shp;

	if (index < 0 || index >= SHMMNI)
		return NULL;
	shp = shm_segs[index];
	if (shp == IPC_UNUSED || shp == IPC_NOID)
		return NULL;
	return shp;
}

/* Find the segment named by an id; NULL if it is gone or never was. */
struct shmid_ds *shm_lookup(int shmid)
{
	struct shmid_ds *shp;

	if (shmid < 0)
		return NULL;
	shp = shm_get(shmid % SHMMNI);
	if (!shp)
		return NULL;
	/* a stale id (the slot was reused): 1.2.13 said EIDRM, Linux EINVAL */
	if (shp->shm_perm.seq != (unsigned int)(shmid / SHMMNI))
		return NULL;
	return shp;
}

/*
 * The slot holding key, or -1; waits out slots being created (IPC_NOID),
 * except the caller's own (skip). A newseg that sleeps in kmalloc (while
 * pages go out to swap) leaves such a slot for others to see.
 */
static int findkey(key_t key, int skip)
{
	int id;

	for (id = 0; id <= max_shmid; id++) {
		while (id != skip && shm_segs[id] == IPC_NOID)
			sleep_on(&shm_lock);
		if (shm_segs[id] == IPC_UNUSED || shm_segs[id] == IPC_NOID)
			continue;
		if (key == shm_segs[id]->shm_perm.key)
			return id;
	}
	return -1;
}

/* The lowest free slot below shmmni, or -1 when the table is full. */
static int free_slot(void)
{
	unsigned long id;

	for (id = 0; id < shmmni; id++)
		if (shm_segs[id] == IPC_UNUSED)
			return id;
	return -1;
}

/*
 * A new segment's descriptor: owner and creator are current's effective
 * ids, the low 9 bits of shmflg its mode, the current shm_seq its
 * generation. Its page list is the caller's to allocate.
 */
static void fill_new_segment(struct shmid_ds *shp, key_t key, int shmflg,
			     unsigned long size, unsigned long npages)
{
	memset(shp, 0, sizeof(*shp));
	shp->shm_perm.key = key;
	shp->shm_perm.mode = shmflg & 0777;	/* no umask, as Linux */
	shp->shm_perm.uid = shp->shm_perm.cuid = current->euid;
	shp->shm_perm.gid = shp->shm_perm.cgid = current->egid;
	shp->shm_perm.seq = shm_seq;
	shp->shm_segsz = size;
	shp->shm_cpid = current->pid;
	shp->shm_ctime = now();
	shp->shm_npages = npages;
}

/* Make a segment: claim a slot, allocate its descriptor and page list. */
static int newseg(key_t key, int shmflg, unsigned long size)
{
	/*
	 * LAB shm: make lab replaces this body, up to END LAB, with
	 *	(void)key;
	 *	(void)shmflg;
	 *	(void)size;
	 *	return -ENOSYS;
	 */
	unsigned long npages = PAGE_ALIGN(size) >> PAGE_SHIFT;
	struct shmid_ds *shp;
	int id;

	if (size < SHMMIN || size > shmmax)
		return -EINVAL;
	/* 1.2.13 refused at shm_tot + npages >= SHMALL; Linux only past it */
	if (shm_tot + npages < shm_tot || shm_tot + npages > shmall)
		return -ENOSPC;
	id = free_slot();
	if (id < 0)
		return -ENOSPC;
	shm_segs[id] = IPC_NOID;	/* held while it is filled, as 1.2.13 */
	shp = kmalloc(sizeof(*shp), GFP_KERNEL);
	if (!shp)
		goto out_free_slot;
	fill_new_segment(shp, key, shmflg, size, npages);
	shp->shm_pages = kmalloc(npages * sizeof(unsigned long), GFP_KERNEL);
	if (!shp->shm_pages)
		goto out_free_shp;
	memset(shp->shm_pages, 0, npages * sizeof(unsigned long));
	/*
	 * kmalloc may sleep (while pages go out to swap), and another
	 * process make a segment with this key meanwhile: in 1.2.13 two
	 * segments then shared it, as no one looked again. Here shmget
	 * starts over and finds the other one.
	 */
	if (key != IPC_PRIVATE && findkey(key, id) >= 0) {
		kfree(shp->shm_pages);
		kfree(shp);
		shm_segs[id] = IPC_UNUSED;
		wake_up(&shm_lock);
		return -EAGAIN;
	}

	shm_tot += npages;
	if (id > max_shmid)
		max_shmid = id;
	shm_segs[id] = shp;
	used_segs++;
	wake_up(&shm_lock);
	return shm_id(shp, id);

out_free_shp:
	kfree(shp);
out_free_slot:
	shm_segs[id] = IPC_UNUSED;
	wake_up(&shm_lock);
	return -ENOMEM;
	/* END LAB */
}

/*
 * shmget (395), and ipc(SHMGET) - step 1 of the story: the id of the
 * segment with key, made if IPC_CREAT asks and there is none (or always,
 * for IPC_PRIVATE). No page is allocated here; the first touch of each
 * does that (shm_swap_in). Errors as Linux: ENOENT without IPC_CREAT,
 * EEXIST with IPC_EXCL, EINVAL for a size out of limits or larger than
 * the existing segment, EACCES without permission, ENOSPC when the table
 * or shmall is full.
 */
long sys_shmget(key_t key, size_t size, int shmflg)
{
	struct shmid_ds *shp;
	int id;

	if (key == IPC_PRIVATE)
		return newseg(key, shmflg, size);
again:
	id = findkey(key, -1);
	if (id < 0) {
		if (!(shmflg & IPC_CREAT))
			return -ENOENT;
		id = newseg(key, shmflg, size);
		if (id == -EAGAIN)	/* newseg found the key made meanwhile */
			goto again;
		return id;
	}
	if ((shmflg & IPC_CREAT) && (shmflg & IPC_EXCL))
		return -EEXIST;
	shp = shm_segs[id];
	/* 1.2.13 said EIDRM here for a removed key; Linux hides the key */
	if (size > shp->shm_segsz)
		return -EINVAL;
	if (ipcperms(&shp->shm_perm, shmflg))
		return -EACCES;
	return shm_id(shp, id);
}

/*
 * Free the segment in slot id, whose last attach is gone (or which had
 * none) after IPC_RMID: its pages, its page list, its descriptor. The
 * slot becomes free and the sequence moves on, so that old ids go stale.
 */
void killseg(int id)
{
	struct shmid_ds *shp = shm_segs[id];
	unsigned long i;

	shm_seq = (shm_seq + 1) % SEQ_LIMIT;	/* 1.2.13's modulus had no effect */
	shm_segs[id] = IPC_UNUSED;
	used_segs--;
	if (id == max_shmid)
		while (max_shmid > 0 && shm_segs[max_shmid] == IPC_UNUSED)
			max_shmid--;
	for (i = 0; i < shp->shm_npages; i++) {
		pte_t pte = __pte(shp->shm_pages[i]);

		if (pte_present(pte)) {
			free_page(pte_page(pte));
			shm_rss--;
		} else if (pte_val(pte)) {	/* in swap */
			swap_free(pte_val(pte));
			shm_swp--;
		}
	}
	trace(TRACE_SHM, "SHM killseg slot=%d pages=%lu freed\n", id,
	      shp->shm_npages);
	kfree(shp->shm_pages);
	shm_tot -= shp->shm_npages;
	kfree(shp);
}

/* ---- the attach ring: every vma mapping a segment ---------------------- */

/*
 * Link vma into shp's ring of attaches (vm_next_share, vm_prev_share),
 * which 1.2.13 kept so that swapping could find every pte of a page.
 */
static void insert_attach(struct shmid_ds *shp, struct vm_area_struct *vma)
{
	struct vm_area_struct *head = shp->attaches;

	if (!head) {
		vma->vm_next_share = vma->vm_prev_share = vma;
		shp->attaches = vma;
		return;
	}
	vma->vm_next_share = head;
	vma->vm_prev_share = head->vm_prev_share;
	head->vm_prev_share->vm_next_share = vma;
	head->vm_prev_share = vma;
}

/* Unlink vma from shp's ring of attaches. */
static void remove_attach(struct shmid_ds *shp, struct vm_area_struct *vma)
{
	if (vma->vm_next_share == vma) {
		shp->attaches = NULL;
	} else {
		vma->vm_prev_share->vm_next_share = vma->vm_next_share;
		vma->vm_next_share->vm_prev_share = vma->vm_prev_share;
		if (shp->attaches == vma)
			shp->attaches = vma->vm_next_share;
	}
	vma->vm_next_share = vma->vm_prev_share = NULL;
}

/* A new vma maps the segment: fork (dup_mmap) or a split by munmap. */
static void shm_open(struct vm_area_struct *vma)
{
	struct shmid_ds *shp = shm_segs[vma_slot(vma)];

	if (shp == IPC_UNUSED || shp == IPC_NOID) {
		printk("shm_open: vma of a removed segment\n");
		return;
	}
	insert_attach(shp, vma);
	shp->shm_nattch++;
	shp->shm_atime = now();
	shp->shm_lpid = current->pid;
}

/*
 * A vma mapping the segment goes (shmdt, munmap, exit, exec). The mm code
 * clears its ptes right after this call, dropping one mem_map reference
 * per page mapped; the segment holds its own reference in shm_pages[]
 * until killseg, so the two can happen in either order.
 */
static void shm_close(struct vm_area_struct *vma)
{
	int id = vma_slot(vma);
	struct shmid_ds *shp = shm_segs[id];

	if (shp == IPC_UNUSED || shp == IPC_NOID)
		return;
	remove_attach(shp, vma);
	shp->shm_lpid = current->pid;
	shp->shm_dtime = now();
	if (--shp->shm_nattch == 0 && (shp->shm_perm.mode & SHM_DEST))
		killseg(id);
}

/*
 * vm_ops->swapin, called by do_swap_page for a signature pte: return the
 * pte to map for page idx, allocating (zeroed) on first touch. The caller
 * applies the area's protection, writes it and counts rss; we take the
 * mapping's mem_map reference. A bad signature, or no free page, gets a
 * none pte: do_swap_page then fails the fault as out of memory. We may
 * sleep, and meanwhile another thread may detach the area and the
 * segment go: so vma is not used after a sleep, and the segment is
 * looked up again (slot and sequence) after each; if it went, a none
 * pte, which do_swap_page drops as it finds the pte changed too.
 */
static pte_t shm_swap_in(struct vm_area_struct *vma, unsigned long offset,
			 unsigned long code)
{
	/*
	 * LAB shm: make lab replaces this body, up to END LAB, with
	 *	(void)vma;
	 *	(void)offset;
	 *	(void)code;
	 *	return __pte(0);
	 */
	int id = (code >> SHM_ID_SHIFT) & SHM_ID_MASK;
	unsigned long idx = (code >> SHM_IDX_SHIFT) & SHM_IDX_MASK;
	struct shmid_ds *shp = shm_segs[id];
	unsigned long page;
	unsigned int seq;
	int new = 0;
	pte_t pte;

	if (id != vma_slot(vma) || shp == IPC_UNUSED || shp == IPC_NOID ||
	    idx >= shp->shm_npages || idx != offset >> PAGE_SHIFT) {
		printk("shm_swap_in: bad signature %08lx at offset %lx\n",
		       code, offset);
		return __pte(0);
	}
	seq = shp->shm_perm.seq;
	/* a loop: while we sleep, the page may come in and go out again */
	while (!pte_present(__pte(shp->shm_pages[idx]))) {
		page = get_free_page(GFP_KERNEL);	/* zeroed: no stale data */
		if (!page)
			return __pte(0);
		/* we may have slept: the segment may be gone, or the page in */
		if (shm_get(id) != shp || shp->shm_perm.seq != seq) {
			free_page(page);
			return __pte(0);
		} else if (pte_present(__pte(shp->shm_pages[idx]))) {
			free_page(page);
		} else if (shp->shm_pages[idx]) {	/* in swap */
			if (shm_read_in(shp, id, idx, page) ||
			    shm_get(id) != shp || shp->shm_perm.seq != seq)
				return __pte(0);
		} else {
			shp->shm_pages[idx] = pte_val(pte_mkdirty(
				mk_pte(page, PAGE_SHARED)));
			shm_rss++;
			new = 1;
		}
	}
	pte = __pte(shp->shm_pages[idx]);
	trace_step(TRACE_SHM, "shm_swap_in seg=%d idx=%lu %s pfn=0x%lx", id,
		   idx, new ? "new" : "existing",
		   __pa(pte_page(pte)) >> PAGE_SHIFT);
	virt_to_page(pte_page(pte))->count++;	/* the mapping's reference */
	return pte;
	/* END LAB */
}

static struct vm_operations_struct shm_vm_ops = {
	.open = shm_open,
	.close = shm_close,
	.swapin = shm_swap_in,	/* nopage is "done with swapin" (1.2.13) */
};

/* ---- shmat and shmdt --------------------------------------------------- */

/* Where to attach: checks as today's Linux does them. 0 means refused. */
static unsigned long shm_address(unsigned long shmaddr, int shmflg,
				 unsigned long len)
{
	unsigned long addr = shmaddr;

	if (!addr) {
		if (shmflg & SHM_REMAP)
			return 0;
		return get_unmapped_area(len);
	}
	if (addr & (SHMLBA - 1)) {
		if (!(shmflg & SHM_RND))
			return 0;
		addr &= ~(SHMLBA - 1);
	}
	/* 1.2.13 would attach at page 0 after SHM_RND rounding: never here */
	if (addr < PAGE_SIZE || addr >= TASK_SIZE || len > TASK_SIZE - addr)
		return 0;
	if (!(shmflg & SHM_REMAP) &&
	    find_vma_intersection(current->mm, addr, addr + len))
		return 0;
	return addr;
}

/*
 * A vm_area_struct for an attach of segment id at addr, not yet in any
 * list: shared, readable, writable unless SHM_RDONLY, executable only
 * with SHM_EXEC, with shm_vm_ops and the signature of page 0 in vm_pte.
 * NULL when kmalloc fails.
 */
static struct vm_area_struct *new_attach(struct shmid_ds *shp, int id,
					 unsigned long addr, int shmflg)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma), GFP_KERNEL);

	if (!vma)
		return NULL;
	memset(vma, 0, sizeof(*vma));
	vma->vm_mm = current->mm;
	vma->vm_start = addr;
	vma->vm_end = addr + shp->shm_npages * PAGE_SIZE;
	vma->vm_flags = VM_SHM | VM_MAYSHARE | VM_SHARED | VM_MAYREAD |
			VM_READ | VM_MAYEXEC;
	if (shmflg & SHM_EXEC)
		vma->vm_flags |= VM_EXEC;
	if (!(shmflg & SHM_RDONLY))
		vma->vm_flags |= VM_MAYWRITE | VM_WRITE;
	vma->vm_page_prot = shmflg & SHM_RDONLY ? PAGE_READONLY : PAGE_SHARED;
	vma->vm_pte = (SHM_SWP_TYPE << 1) | (id << SHM_ID_SHIFT);
	vma->vm_ops = &shm_vm_ops;
	return vma;
}

/*
 * Make the page tables of [start, end) in mm. pte_alloc may sleep, and
 * meanwhile another thread's munmap may free a table made earlier in the
 * range (no area covers it yet, so free_pgtables may take it): go round
 * until a pass finds every table there, having allocated, and so slept,
 * nowhere. Returns 0 or -ENOMEM.
 */
static int shm_make_tables(struct mm_struct *mm, unsigned long start,
			   unsigned long end)
{
	unsigned long addr;
	int made;

	do {
		made = 0;
		for (addr = start & PMD_MASK; addr < end; addr += PMD_SIZE) {
			pmd_t *pmd = pmd_alloc(pgd_offset(mm, addr), addr);

			if (!pmd)
				return -ENOMEM;
			if (!pmd_none(*pmd))
				continue;
			if (!pte_alloc(pmd, addr))
				return -ENOMEM;
			made = 1;
		}
	} while (made);
	return 0;
}

/*
 * Write a signature into every pte of the attach. Page tables are made
 * first, before the vma is inserted, so that running out of memory leaves
 * nothing behind (1.2.13 inserted first and then freed a linked vma).
 * Nothing sleeps between the last check of the tables and the writes.
 */
static int shm_map(struct vm_area_struct *shmd, int remap)
{
	/*
	 * LAB shm: make lab replaces this body, up to END LAB, with
	 *	(void)shmd;
	 *	(void)remap;
	 *	return -ENOSYS;
	 */
	struct mm_struct *mm = current->mm;
	unsigned long addr, sig = shmd->vm_pte;

	if (remap && do_munmap(shmd->vm_start, shmd->vm_end - shmd->vm_start))
		return -ENOMEM;
	if (shm_make_tables(mm, shmd->vm_start, shmd->vm_end))
		return -ENOMEM;
	insert_vm_struct(mm, shmd);
	for (addr = shmd->vm_start; addr < shmd->vm_end; addr += PAGE_SIZE) {
		pte_t *pte = pte_offset(pmd_offset(pgd_offset(mm, addr), addr),
					addr);

		*pte = __pte(sig);
		sig += 1UL << SHM_IDX_SHIFT;
	}
	flush_tlb_range(mm, shmd->vm_start, shmd->vm_end);
	trace(TRACE_SHM, "SHM shmat pid=%d seg=%d [0x%08lx,0x%08lx) %lu "
	      "signature ptes, first %08lx\n", current->pid, vma_slot(shmd),
	      shmd->vm_start, shmd->vm_end,
	      (shmd->vm_end - shmd->vm_start) >> PAGE_SHIFT, shmd->vm_pte);
	return 0;
	/* END LAB */
}

/* shmat(397), and ipc(SHMAT): returns the address or -errno. */
long sys_shmat(int shmid, unsigned long shmaddr, int shmflg)
{
	struct shmid_ds *shp;
	struct vm_area_struct *shmd;
	unsigned long addr;
	int err, id = shmid % SHMMNI;

	if ((shmaddr & (SHMLBA - 1) && !(shmflg & SHM_RND)) ||
	    (!shmaddr && (shmflg & SHM_REMAP)))
		return -EINVAL;
	shp = shm_lookup(shmid);
	if (!shp)
		return -EINVAL;
	addr = shm_address(shmaddr, shmflg, shp->shm_npages * PAGE_SIZE);
	if (!addr)
		return shmaddr ? -EINVAL : -ENOMEM;
	if (ipcperms(&shp->shm_perm, shmflg & SHM_RDONLY ? S_IRUGO
							 : S_IRUGO | S_IWUGO))
		return -EACCES;
	shmd = new_attach(shp, id, addr, shmflg);
	if (!shmd)
		return -ENOMEM;
	/* kmalloc may have slept, and the segment gone meanwhile */
	if (shm_lookup(shmid) != shp) {
		kfree(shmd);
		return -EINVAL;
	}
	shp->shm_nattch++;		/* keep it alive through shm_map */
	err = shm_map(shmd, shmflg & SHM_REMAP);
	if (err) {
		if (--shp->shm_nattch == 0 && (shp->shm_perm.mode & SHM_DEST))
			killseg(id);
		kfree(shmd);
		return err;
	}
	insert_attach(shp, shmd);
	shp->shm_lpid = current->pid;
	shp->shm_atime = now();
	return addr;
}

/*
 * Is vma a piece of the attach made at shmaddr (of slot, or of any
 * segment when slot is -1)? A piece of an attach split by munmap still
 * knows where the attach began: vm_start - vm_offset.
 */
static int is_attach_of(struct vm_area_struct *vma, unsigned long shmaddr,
			int slot)
{
	return vma->vm_ops == &shm_vm_ops &&
	       vma->vm_start - vma->vm_offset == shmaddr &&
	       (slot < 0 || vma_slot(vma) == slot);
}

/*
 * Detach the attach that starts at shmaddr: every piece of it (munmap may
 * have split it). 1.2.13 returned 0 when nothing was attached there and
 * checked no alignment; Linux says EINVAL for both.
 */
long sys_shmdt(unsigned long shmaddr)
{
	/*
	 * LAB shm: make lab replaces this body, up to END LAB, with
	 *	(void)shmaddr;
	 *	return -ENOSYS;
	 */
	struct vm_area_struct *vma;
	int slot = -1;

	if (shmaddr & ~PAGE_MASK)
		return -EINVAL;
again:
	for (vma = current->mm->mmap; vma; vma = vma->vm_next)
		if (is_attach_of(vma, shmaddr, slot)) {
			slot = vma_slot(vma);
			do_munmap(vma->vm_start, vma->vm_end - vma->vm_start);
			goto again;
		}
	return slot < 0 ? -EINVAL : 0;
	/* END LAB */
}

/*
 * For /proc/<pid>/maps: the key and id of the segment that the shm
 * attach vma maps. Returns 0, or -EINVAL if its slot holds no segment,
 * which cannot happen while an attach exists (killseg waits for the last
 * shm_close); maps then prints no name rather than trusting the slot.
 */
int shm_attach_info(struct vm_area_struct *vma, key_t *key, int *id)
{
	int slot = vma_slot(vma);
	struct shmid_ds *shp = shm_get(slot);

	if (!shp)
		return -EINVAL;
	*key = shp->shm_perm.key;
	*id = shm_id(shp, slot);
	return 0;
}
