/*
 * memory.c - page tables and the two page-fault handlers.
 *
 * do_page_fault (mm/fault.c) decides what a fault is and calls one of:
 *   do_no_page  the pte is not present: demand-zero a page, or bring in
 *               the page a "not present, not none" pte names
 *               (do_swap_page);
 *   do_wp_page  the pte is present but read-only and the area may be
 *               written: copy-on-write.
 * The rest of the file walks page tables for fork (copy_page_tables),
 * munmap and exit (unmap_page_range, free_pgtables, free_page_tables)
 * and mprotect (change_protection). 1.2.13's mm/memory.c has all of these
 * but free_pgtables, which is today's Linux.
 *
 * Allocating a page may sleep (the allocator may write pages out to swap
 * to free one, mm/vmscan.c), and so may bringing a page in from swap: a
 * handler that slept looks at its pte again before writing it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/trace.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <asm/system.h>

/* Ranges this many pages or shorter are flushed page by page. */
#define FLUSH_ONE_BY_ONE_MAX	32

/* Is mm the address space the CPU is using (its pgd in cr3)? */
static int mm_active(struct mm_struct *mm)
{
	return read_cr3() == __pa(mm->pgd);
}

/*
 * The TLB may hold stale translations only for the active mm; another
 * mm's entries went when cr3 last changed.
 */
void flush_tlb_mm(struct mm_struct *mm)
{
	if (mm_active(mm))
		invalidate();
}

void flush_tlb_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end)
{
	if (!mm_active(mm))
		return;
	if ((end - start) >> PAGE_SHIFT > FLUSH_ONE_BY_ONE_MAX) {
		invalidate();
		return;
	}
	for (; start < end; start += PAGE_SIZE)
		invalidate_page(start);
}

static void flush_tlb_page(struct vm_area_struct *vma, unsigned long address)
{
	if (mm_active(vma->vm_mm))
		invalidate_page(address);
}

/* A page of user memory the mem_map counts (not a reserved one). */
static int counted_page(unsigned long page)
{
	return MAP_NR(page) < num_physpages && !page_reserved(page);
}

/*
 * pte_alloc - the pte for address under pmd, allocating its page table
 * if there is none. The allocation may sleep, and another thread of the
 * mm may fault in the same 4 MiB meanwhile and allocate the table: then
 * ours goes back and theirs, with the ptes it may already hold, stays.
 * Returns NULL for no memory or a bad pmd.
 */
pte_t *pte_alloc(pmd_t *pmd, unsigned long address)
{
	if (pmd_none(*pmd)) {
		unsigned long page = get_free_page(GFP_KERNEL);

		if (!page)
			return NULL;
		if (pmd_none(*pmd))
			pmd_val(*pmd) = _PAGE_TABLE | __pa(page);
		else
			free_page(page);
	} else if (pmd_bad(*pmd)) {
		printk("pte_alloc: bad pmd %08lx\n", pmd_val(*pmd));
		return NULL;
	}
	return pte_offset(pmd, address);
}

/* The pte for address in mm, with page tables allocated; NULL: no memory. */
static pte_t *get_empty_pgtable(struct mm_struct *mm, unsigned long address)
{
	pgd_t *pgd = pgd_offset(mm, address);

	return pte_alloc(pmd_alloc(pgd, address), address);
}

/*
 * The pte for address if its page table exists, else NULL. The end of
 * the 4 MiB the table covers goes to *table_end, so that a walk over a
 * range can step from table to table.
 */
static pte_t *walk_pgtable(struct mm_struct *mm, unsigned long address,
			   unsigned long end, unsigned long *table_end)
{
	pmd_t *pmd = pmd_offset(pgd_offset(mm, address), address);
	unsigned long next = (address + PGDIR_SIZE) & PGDIR_MASK;

	*table_end = next && next < end ? next : end;
	if (pmd_none(*pmd))
		return NULL;
	if (pmd_bad(*pmd)) {
		printk("page table walk: bad pmd %08lx at %08lx\n",
		       pmd_val(*pmd), address);
		return NULL;
	}
	return pte_offset(pmd, address);
}

/*
 * fault_pte_again - a fault on address of mm slept (allocating a page,
 * which may reclaim, or reading from swap) after it found old in the
 * pte. Meanwhile another thread of mm may have unmapped the area:
 * do_munmap frees the vma, and free_pgtables the page table the pte
 * pointer pointed into, so nothing found before the sleep may be used.
 * Find the area and the pte again from mm (which the faulting task
 * holds) and check that the pte still holds old. Returns the pte, with
 * the area holding address in *vmap, or NULL: the area or the pte
 * changed, the caller drops what it brought in and returns 0, and the
 * access faults again if it still needs to. Later Linux does the same
 * re-check (pte_same, after its fault handlers slept without locks).
 * The kernel is not preempted, so what is returned stays true until the
 * caller sleeps again.
 */
pte_t *fault_pte_again(struct mm_struct *mm, unsigned long address,
		       pte_t old, struct vm_area_struct **vmap)
{
	struct vm_area_struct *vma = find_vma(mm, address);
	unsigned long table_end;
	pte_t *page_table;

	if (!vma || vma->vm_start > address)
		return NULL;
	page_table = walk_pgtable(mm, address, address + PAGE_SIZE,
				  &table_end);
	if (!page_table || pte_val(*page_table) != pte_val(old))
		return NULL;
	*vmap = vma;
	return page_table;
}

/*
 * A pte is going away: drop the reference it held. A present page loses
 * one mem_map count (and mm one page of rss); a swap entry its slot's
 * (swap_free); a shm signature holds nothing.
 */
static void __hot forget_pte(struct mm_struct *mm, pte_t pte)
{
	unsigned long page;

	if (!pte_present(pte)) {
		swap_free(pte_val(pte));
		return;
	}
	page = pte_page(pte);
	if (!counted_page(page))
		return;
	free_page(page);
	if (mm->rss)
		mm->rss--;
}

/*
 * unmap_page_range - clear every pte of mm in [address, address + size),
 * dropping what each held (forget_pte). Page tables stay: do_munmap then
 * frees those left empty (free_pgtables), exit all of them
 * (free_page_tables). Called by do_munmap and exit_mmap.
 */
void __hot unmap_page_range(struct mm_struct *mm, unsigned long address,
			    unsigned long size)
{
	unsigned long start = address, end = address + size, table_end;
	int cleared = 0;

	if (mm == floor_fault_mm)	/* make bench's floor, armed */
		floor_fault_unmap(mm, address, size);
	while (address < end) {
		pte_t *pte = walk_pgtable(mm, address, end, &table_end);

		for (; pte && address < table_end; address += PAGE_SIZE, pte++) {
			pte_t old = *pte;

			if (pte_none(old))
				continue;
			pte_clear(pte);
			forget_pte(mm, old);
			cleared = 1;
		}
		address = table_end;
	}
	if (cleared)
		flush_tlb_range(mm, start, end);
}

/*
 * move_page_tables - move every pte of mm in [old, old + len) to the same
 * offset from new (mremap): a page, swap entry or count goes with its
 * pte, nothing is copied or freed. The two ranges must not overlap and
 * new's must hold no pte. The page tables new needs are allocated first,
 * so -ENOMEM leaves every pte where it was.
 */
int move_page_tables(struct mm_struct *mm, unsigned long old,
		     unsigned long new, unsigned long len)
{
	unsigned long addr, off, table_end;

	for (addr = new; addr < new + len; addr = (addr + PGDIR_SIZE) & PGDIR_MASK)
		if (!get_empty_pgtable(mm, addr))
			return -ENOMEM;
	for (off = 0; off < len; off += PAGE_SIZE) {
		pte_t *src = walk_pgtable(mm, old + off, old + len, &table_end);
		pte_t *dst;

		if (!src || pte_none(*src))
			continue;
		dst = get_empty_pgtable(mm, new + off);
		*dst = *src;
		pte_clear(src);
	}
	flush_tlb_range(mm, old, old + len);
	return 0;
}

/*
 * change_protection - give every present pte of mm in [start, end) the
 * protection newprot (mprotect). Not-present entries keep their bits: a
 * signature is not a protection.
 */
void change_protection(struct mm_struct *mm, unsigned long start,
		       unsigned long end, pgprot_t newprot)
{
	unsigned long address = start, table_end;

	while (address < end) {
		pte_t *pte = walk_pgtable(mm, address, end, &table_end);

		for (; pte && address < table_end; address += PAGE_SIZE, pte++)
			if (pte_present(*pte))
				*pte = pte_modify(*pte, newprot);
		address = table_end;
	}
	flush_tlb_range(mm, start, end);
}

/*
 * Fork's copy of one pte (1.2.13's copy_one_pte). A private page that
 * may be written (_PAGE_COW) is made read-only in both parent and child:
 * the first write by either copies it (do_wp_page). A shared page, a shm
 * page, or a read-only one is simply mapped twice. A "not present" entry
 * (a shm signature) is copied as it is: it names the page, not a copy.
 * Returns 1 if the parent's pte was write-protected.
 */
static int __hot copy_one_pte(struct mm_struct *dst, pte_t *src_pte,
				pte_t *dst_pte)
{
	/*
	 * LAB cow: make lab replaces this body, up to END LAB, with
	 *	(void)dst;
	 *	(void)src_pte;
	 *	(void)dst_pte;
	 *	return 0;
	 */
	pte_t pte = *src_pte;
	int protected = 0;

	if (pte_none(pte))
		return 0;
	if (!pte_present(pte) || !counted_page(pte_page(pte))) {
		*dst_pte = pte;
		return 0;
	}
	if (pte_cow(pte) && pte_write(pte)) {
		pte = pte_wrprotect(pte);
		*src_pte = pte;
		protected = 1;
	}
	*dst_pte = pte_mkold(pte);
	virt_to_page(pte_page(pte))->count++;
	dst->rss++;
	return protected;
	/* END LAB */
}

/*
 * Copy vma's ptes from src into dst, allocating dst's tables, as 1.2.13's
 * copy_page_tables did table by table: a none pte is skipped, a swap
 * entry copied gives its slot one more user. The parent's ptes that
 * copy_one_pte made read-only are flushed from the TLB before returning,
 * so that its next write to one faults. 1.2.13 reloaded cr3 once after
 * the whole copy; Lintel flushes each area's write-protected range
 * (flush_tlb_range: page by page when short), since a cr3 load under
 * QEMU costs more than the rest of a small fork (docs/06). Returns 0 or
 * -ENOMEM (what was copied so far stays, for exit_mmap to give back).
 */
static int __hot copy_page_range(struct mm_struct *dst,
				 struct mm_struct *src,
				 struct vm_area_struct *vma)
{
	unsigned long address = vma->vm_start, end = vma->vm_end, table_end;
	unsigned long first = 0, last = 0;	/* the range write-protected */
	int error = 0;

	while (address < end) {
		pte_t *src_pte = walk_pgtable(src, address, end, &table_end);
		pte_t *dst_pte;

		if (!src_pte) {
			address = table_end;
			continue;
		}
		dst_pte = get_empty_pgtable(dst, address);
		if (!dst_pte) {
			error = -ENOMEM;
			break;
		}
		for (; address < table_end;
		     address += PAGE_SIZE, src_pte++, dst_pte++) {
			if (pte_none(*src_pte))
				continue;
			if (!pte_present(*src_pte))
				swap_duplicate(pte_val(*src_pte));
			if (!copy_one_pte(dst, src_pte, dst_pte))
				continue;
			if (!last)
				first = address;
			last = address + PAGE_SIZE;
		}
	}
	if (last)
		flush_tlb_range(src, first, last);
	return error;
}

/*
 * copy_page_tables - fork: map in dst everything src maps in its areas
 * (dst already has copies of the areas, from dup_mmap). Returns 0 or
 * -ENOMEM; after a failure dst holds references that exit_mmap and
 * free_page_tables give back.
 */
int __hot copy_page_tables(struct mm_struct *dst, struct mm_struct *src)
{
	struct vm_area_struct *vma;
	int error = 0;

	for (vma = src->mmap; vma && !error; vma = vma->vm_next)
		error = copy_page_range(dst, src, vma);
	return error;
}

/*
 * free_page_tables - give back the user page tables of mm. exit_mmap
 * has unmapped every area first, so the tables map nothing; the kernel's
 * part of the pgd is shared by every mm and stays.
 */
void free_page_tables(struct mm_struct *mm)
{
	pgd_t *pgd = mm->pgd;
	int i;

	for (i = 0; i < (int)USER_PTRS_PER_PGD; i++) {
		pmd_t *pmd = pmd_offset(pgd + i, 0);

		if (pmd_none(*pmd))
			continue;
		if (pmd_bad(*pmd))
			printk("free_page_tables: bad pmd %08lx\n",
			       pmd_val(*pmd));
		else
			free_page(pmd_page(*pmd));
		pmd_clear(pmd);
	}
	flush_tlb_mm(mm);
}

/*
 * free_pgtables - give back the page tables of [start, end) that no area
 * of mm reaches any more; do_munmap calls it once the ptes are cleared.
 * A table covers PGDIR_SIZE (4 MiB), so one that an area still touches
 * stays. 1.2.13 kept every table until exit (free_page_tables); Lintel
 * frees them here, as today's Linux does, so that munmap gives back every
 * frame the mapping cost and free memory comes back exactly.
 */
void free_pgtables(struct mm_struct *mm, unsigned long start,
		   unsigned long end)
{
	unsigned long addr;
	int freed = 0;

	for (addr = start & PGDIR_MASK; addr < end && addr < TASK_SIZE;
	     addr += PGDIR_SIZE) {
		pmd_t *pmd = pmd_offset(pgd_offset(mm, addr), addr);

		if (pmd_none(*pmd) || pmd_bad(*pmd) ||
		    find_vma_intersection(mm, addr, addr + PGDIR_SIZE))
			continue;
		free_page(pmd_page(*pmd));
		pmd_clear(pmd);
		freed = 1;
	}
	if (freed)
		flush_tlb_mm(mm);
}

/*
 * do_wp_page - a write to a present, read-only page of an area that may
 * be written. The page is shared copy-on-write after fork: if others
 * still map it (count > 1), copy it and map the copy writable; if this
 * is the last user, just make it writable. A shared area's page is never
 * copied: writes to shared memory must reach every process mapping it.
 * Returns 0, or -ENOMEM when no page could be had for the copy.
 */
int do_wp_page(struct vm_area_struct *vma, unsigned long address,
	       int write_access)
{
	/*
	 * LAB cow: make lab replaces this body, up to END LAB, with
	 *	(void)vma;
	 *	(void)address;
	 *	(void)write_access;
	 *	return -EFAULT;
	 */
	struct mm_struct *mm = vma->vm_mm;
	unsigned long table_end, old_page, new_page;
	pte_t *page_table, pte;

	address &= PAGE_MASK;
	page_table = walk_pgtable(mm, address, address + PAGE_SIZE,
				  &table_end);
	if (!page_table)
		return 0;
	pte = *page_table;
	if (!pte_present(pte) || pte_write(pte))
		return 0;
	old_page = pte_page(pte);
	if ((vma->vm_flags & VM_SHARED) ||
	    (counted_page(old_page) && virt_to_page(old_page)->count == 1)) {
		trace_step(TRACE_COW, "do_wp_page addr=0x%08lx reuse pfn=0x%lx",
			   address, __pa(old_page) >> PAGE_SHIFT);
		delete_from_swap_cache(old_page);	/* its slot goes stale */
		*page_table = pte_mkdirty(pte_mkwrite(pte));
		flush_tlb_page(vma, address);
		return 0;
	}
	new_page = __get_free_page(GFP_USER);
	if (!new_page)
		return -ENOMEM;
	/* we slept: the page may have gone to swap, or the area away */
	page_table = fault_pte_again(mm, address, pte, &vma);
	if (!page_table) {
		free_page(new_page);
		return 0;
	}
	copy_page(new_page, old_page);
	trace_step(TRACE_COW, "do_wp_page addr=0x%08lx copy pfn=0x%lx->0x%lx",
		   address, __pa(old_page) >> PAGE_SHIFT,
		   __pa(new_page) >> PAGE_SHIFT);
	*page_table = pte_mkdirty(pte_mkwrite(mk_pte(new_page,
						     vma->vm_page_prot)));
	if (counted_page(old_page))
		free_page(old_page);
	else
		mm->rss++;
	flush_tlb_page(vma, address);
	return 0;
	/* END LAB */
}

/*
 * do_swap_page - a fault on a pte that is "not present, not none". Such
 * a pte is a swap entry or, in a shm area, a signature naming segment and
 * page; the area decides which (vma->vm_ops->swapin is shm_swap_in), the
 * bits do not. swapin returns the pte to install, holding one reference
 * for it, or a none pte when there was no page to be had. swapin may
 * sleep, so the area and the pte are found again afterwards
 * (fault_pte_again), and the area's protection applied then.
 * noinline, so that `break do_swap_page` stops here: inlined, GDB put the
 * breakpoint in do_no_page, where ordinary demand-zero faults hit it.
 */
static noinline int do_swap_page(struct vm_area_struct *vma,
				 unsigned long address, pte_t entry,
				 int write_access)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *page_table, pte;

	trace_step(TRACE_FAULT, "do_swap_page");
	if (!vma->vm_ops || !vma->vm_ops->swapin)
		return swap_in(vma, address, pte_val(entry), write_access);
	pte = vma->vm_ops->swapin(vma, address - vma->vm_start +
				  vma->vm_offset, pte_val(entry));
	page_table = fault_pte_again(mm, address, entry, &vma);
	if (!page_table) {
		/* another fault brought the page in, or the area went */
		if (!pte_none(pte))
			free_page(pte_page(pte));
		return 0;
	}
	if (pte_none(pte))
		return -ENOMEM;
	pte = pte_modify(pte, vma->vm_page_prot);
	if (virt_to_page(pte_page(pte))->count > 1 &&
	    !(vma->vm_flags & VM_SHARED))
		pte = pte_wrprotect(pte);
	mm->rss++;
	*page_table = pte;
	return 0;
}

/*
 * The first touch of an anonymous page: a fresh zeroed page. It is
 * writable at once if the area may be written (so the write that follows
 * a read does not fault again); 1.2.13 made it writable even in a
 * read-only area. The allocation may sleep: the area and pte are found
 * again after it, and if the address now lies in an area that finds its
 * own pages (mapped there while we slept), the fault starts over.
 */
static int do_anonymous_page(struct vm_area_struct *vma,
			     unsigned long address, int write_access)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long page = get_free_page(GFP_USER);
	pte_t *page_table, pte;

	if (!page)
		return -ENOMEM;
	page_table = fault_pte_again(mm, address, __pte(0), &vma);
	if (!page_table || (vma->vm_ops && vma->vm_ops->nopage)) {
		free_page(page);
		return 0;
	}
	pte = mk_pte(page, vma->vm_page_prot);
	if (vma->vm_flags & VM_WRITE)
		pte = pte_mkwrite(pte);
	if (write_access)
		pte = pte_mkdirty(pte);
	*page_table = pte;
	mm->rss++;
	trace_step(TRACE_FAULT, "zero-fill pfn=0x%lx", __pa(page) >> PAGE_SHIFT);
	return 0;
}

/*
 * do_no_page - a fault on a page that is not present in vma. Returns 0
 * (the page is mapped, or the fault was already handled, or the area
 * changed while we slept and the access will fault again), -ENOMEM (no
 * memory; the caller kills the process), or -EFAULT (the page cannot be
 * had: SIGBUS). Only the pte's value is carried across the handlers,
 * which may sleep; each finds its pte again from the mm.
 */
int do_no_page(struct vm_area_struct *vma, unsigned long address,
	       int write_access)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *page_table, entry;
	unsigned long page;

	address &= PAGE_MASK;
	page_table = get_empty_pgtable(mm, address);
	if (!page_table)
		return -ENOMEM;
	/* get_empty_pgtable may have slept (allocating the table) */
	vma = find_vma(mm, address);
	if (!vma || vma->vm_start > address)
		return 0;
	entry = *page_table;
	trace_step(TRACE_FAULT, "do_no_page");
	if (pte_present(entry))
		return 0;
	if (!pte_none(entry))
		return do_swap_page(vma, address, entry, write_access);
	if (!vma->vm_ops || !vma->vm_ops->nopage)
		return do_anonymous_page(vma, address, write_access);

	/*
	 * An area that finds its own pages: a file mapping (filemap_nopage).
	 * A private area's write gets its own copy at once; a read maps the
	 * file's page read-only, for do_wp_page to copy at the first write.
	 * 1.2.13 passed nopage a fresh page to fill; Lintel's pages come
	 * from the page cache, as in 1.3. nopage may sleep (allocating).
	 */
	page = vma->vm_ops->nopage(vma, address,
				   write_access && !(vma->vm_flags & VM_SHARED));
	if (!page)
		return -EFAULT;
	page_table = fault_pte_again(mm, address, __pte(0), &vma);
	if (!page_table) {
		free_page(page);	/* nopage's reference */
		return 0;
	}
	entry = mk_pte(page, vma->vm_page_prot);
	if (write_access)
		entry = pte_mkdirty(pte_mkwrite(entry));
	else if (virt_to_page(page)->count > 1 &&
		 !(vma->vm_flags & VM_SHARED))
		entry = pte_wrprotect(entry);
	*page_table = entry;
	if (counted_page(page))	/* not the vDSO's: forget_pte skips those */
		mm->rss++;
	return 0;
}

/*
 * populate_range - fault in every page of vma in [start, end) now. Used
 * for shared anonymous memory, which has no object to find its pages in
 * later: its pages must exist before fork, so that both sides map them.
 * do_no_page sleeps, and meanwhile another thread may unmap or change
 * the area: so vma is used only for its mm, and the area is found again
 * for each page (as fault_pte_again does); we stop, with 0, where no
 * area covers the next page any more.
 */
int populate_range(struct vm_area_struct *vma, unsigned long start,
		   unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	for (; start < end; start += PAGE_SIZE) {
		int error;

		vma = find_vma(mm, start);
		if (!vma || vma->vm_start > start)
			return 0;
		error = do_no_page(vma, start, 0);
		if (error)
			return error;
	}
	return 0;
}

/*
 * expand_stack - address lies below vma, in the gap under it. If vma is
 * a stack (VM_GROWSDOWN) and would stay within RLIMIT_STACK, move its
 * start down to address's page; the gap is free, since find_vma found
 * no area there. Returns 0 or -EFAULT.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	address &= PAGE_MASK;
	if (!(vma->vm_flags & VM_GROWSDOWN) ||
	    vma->vm_end - address > current->rlim[RLIMIT_STACK].rlim_cur)
		return -EFAULT;
	vma->vm_offset -= vma->vm_start - address;
	vma->vm_start = address;
	return 0;
}

/*
 * verify_area - may the current process read (VERIFY_READ) or write
 * (VERIFY_WRITE) the size bytes at addr? Every byte must be in areas
 * that allow it, end to end. Returns 0 or -EFAULT. memcpy_tofs and
 * friends do not need it (a bad pointer there is caught by the fault
 * handler's exception table); it is for callers that want to know
 * before they start.
 */
int verify_area(int type, const void *addr, unsigned long size)
{
	unsigned long start = (unsigned long)addr, end = start + size;
	unsigned long need = type == VERIFY_WRITE ? VM_WRITE : VM_READ;
	struct vm_area_struct *vma;

	if (!size)
		return 0;
	if (start >= TASK_SIZE || size > TASK_SIZE - start || !current->mm)
		return -EFAULT;
	vma = find_vma(current->mm, start);
	if (!vma || (vma->vm_start > start && expand_stack(vma, start)))
		return -EFAULT;
	for (;;) {
		if (!(vma->vm_flags & need))
			return -EFAULT;
		if (vma->vm_end >= end)
			return 0;
		if (!vma->vm_next || vma->vm_next->vm_start != vma->vm_end)
			return -EFAULT;
		vma = vma->vm_next;
	}
}
