/*
 * vmscan.c - finding a page to free when the allocator has none:
 * try_to_free_page drops a clean page of the page cache (shrink_mmap,
 * mm/filemap.c) or else takes turns between shm_swap (ipc/shm.c: shm
 * pages) and swap_out (process pages), each writing one page out to
 * swap; and the out-of-memory killer for when nothing can go out.
 *
 *   __get_free_pages finds nothing
 *     -> try_to_free_page(priority)
 *          -> shrink_mmap(prio) clock over mem_map: a clean cache page
 *                              no pte maps is dropped, no write
 *          -> shm_swap(prio)   clock over shm_segs[]
 *          -> swap_out(prio)   clock over tasks, their areas, their ptes
 *               -> try_to_swap_out: an old page (accessed bit clear)
 *                  with one user goes to a slot; a young one is made
 *                  old, its second chance
 *
 * 1.2.13 had this in mm/swap.c, with a third source, the buffer cache
 * (shrink_buffers), which Lintel does not have.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/pagemap.h>
#include <linux/trace.h>

#define MAX_PRIORITY	6	/* 1.2.13's: scan 1/64 of the pages first */

static pid_t swap_pid;			/* the task swap_out's clock is at */
static unsigned long swap_address;	/* and the address within it */

/* The pte at address of vma now holds entry instead of its page. */
static void unmap_to_entry(struct vm_area_struct *vma, unsigned long address,
			   pte_t *page_table, unsigned long entry)
{
	*page_table = __pte(entry);
	flush_tlb_range(vma->vm_mm, address, address + PAGE_SIZE);
	vma->vm_mm->rss--;
}

/*
 * The page's data is in slot entry already (the swap cache says so):
 * the pte takes a reference to the slot instead of the page, no write.
 * The last pte to go takes the cache's own reference; before that, each
 * gets one more (swap_duplicate).
 */
static int swap_out_cached(struct vm_area_struct *vma, unsigned long address,
			   pte_t *page_table, unsigned long page,
			   unsigned long entry)
{
	if (virt_to_page(page)->count == 1)
		find_in_swap_cache(page);	/* its reference is the pte's */
	else
		swap_duplicate(entry);
	unmap_to_entry(vma, address, page_table, entry);
	trace_event(TRACE_SWAP, "SWAP out pid=%d addr=0x%08lx slot=%lu:%lu "
		    "pfn=0x%lx clean, no write", swap_pid, address,
		    SWP_TYPE(entry), SWP_OFFSET(entry), __pa(page) >> PAGE_SHIFT);
	free_page(page);
	return 1;
}

/*
 * Write the page, which this pte alone maps, to a fresh slot and leave
 * the slot's entry in the pte. Sleeps. If the disk fails, the page
 * stays mapped, if its pte, found again from mm after the sleep (a
 * thread may have unmapped the area, and freed its vma and page table),
 * still holds the entry. Returns 1 if the page was freed.
 */
static int swap_out_write(struct vm_area_struct *vma, unsigned long address,
			  pte_t *page_table, unsigned long page)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t pte = *page_table;
	unsigned long entry = get_swap_page();

	if (!entry)
		return 0;
	unmap_to_entry(vma, address, page_table, entry);
	trace_event(TRACE_SWAP, "SWAP out pid=%d addr=0x%08lx slot=%lu:%lu "
		    "pfn=0x%lx", swap_pid, address, SWP_TYPE(entry),
		    SWP_OFFSET(entry), __pa(page) >> PAGE_SHIFT);
	if (write_swap_page(entry, (char *)page)) {
		page_table = find_pte(mm, address);
		if (page_table && pte_val(*page_table) == entry) {
			*page_table = pte;	/* the disk failed: keep it */
			mm->rss++;
			swap_free(entry);
			return 0;
		}
	}
	free_page(page);
	return 1;
}

/*
 * A page several ptes map (shared copy-on-write after fork: read-only
 * in all, so its data cannot change) goes to a fresh slot and into the
 * swap cache; each pte can then let go of it (swap_out_cached) as the
 * clock finds it old. Sleeps; returns -1: nothing freed yet, and the
 * caller's view of areas and page tables is stale.
 */
static int add_to_swap(unsigned long page)
{
	unsigned long entry = get_swap_page();

	if (!entry)
		return 0;
	if (write_swap_page(entry, (char *)page) ||
	    virt_to_page(page)->count < 2 || lookup_swap_cache(page) ||
	    !add_to_swap_cache(page, entry))
		swap_free(entry);	/* failed, or things changed */
	return -1;
}

/*
 * try_to_swap_out - the present pte at address of vma: give it a second
 * chance if it was used since we last looked (clear the accessed bit),
 * else put its page out and leave a swap entry in the pte. A clean page
 * whose data is in the swap cache's slot goes there with no write;
 * another that this pte alone maps is written to a fresh slot (1.2.13
 * dropped clean pages not in the cache, which it could read back from
 * their file; an anonymous page here has none); one shared copy-on-write
 * is first written and cached (add_to_swap), unless it is a file's page
 * (the page cache keeps it in memory anyway). A cached page's data is its
 * slot's: the only way to write it, do_wp_page's reuse, drops it from the
 * cache first. Returns 1 if a page was freed, -1 if we
 * slept without freeing one, 0 if we did neither.
 */
static int try_to_swap_out(struct vm_area_struct *vma, unsigned long address,
			   pte_t *page_table)
{
	pte_t pte = *page_table;
	unsigned long page = pte_page(pte), entry;

	if (MAP_NR(page) >= num_physpages || page_reserved(page))
		return 0;
	if (pte_young(pte)) {
		*page_table = pte_mkold(pte);
		flush_tlb_range(vma->vm_mm, address, address + PAGE_SIZE);
		return 0;
	}
	entry = lookup_swap_cache(page);
	if (entry)
		return swap_out_cached(vma, address, page_table, page, entry);
	if (virt_to_page(page)->count == 1)
		return swap_out_write(vma, address, page_table, page);
	if (vma->vm_ops && vma->vm_ops->nopage)
		return 0;	/* a file's page: the page cache holds it */
	return add_to_swap(page);
}

/* Areas swap_out leaves alone: shm (shm_swap's), shared, locked. */
static int swappable(struct vm_area_struct *vma)
{
	return !(vma->vm_flags & (VM_SHM | VM_SHARED | VM_LOCKED));
}

/*
 * Walk mm from swap_address, looking at present ptes until one page is
 * freed (1) or *budget of them have been looked at (0, swap_address
 * keeps the place). At the end of mm swap_address goes back to 0: the
 * clock moves on to the next task. The caller holds mm (we may sleep);
 * areas and page tables are looked up afresh at every step.
 */
static int swap_out_mm(struct mm_struct *mm, long *budget)
{
	unsigned long addr = swap_address;

	for (;;) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		pte_t *pte;

		if (!vma)
			break;
		if (addr < vma->vm_start)
			addr = vma->vm_start;
		if (!swappable(vma)) {
			addr = vma->vm_end;
			continue;
		}
		pte = find_pte(mm, addr);
		if (!pte) {
			addr = (addr + PGDIR_SIZE) & PGDIR_MASK;
		} else {
			if (pte_present(*pte)) {
				swap_address = addr + PAGE_SIZE;
				int freed = try_to_swap_out(vma, addr, pte);

				if (freed > 0)
					return 1;
				if (--*budget <= 0)
					return 0;
				if (freed < 0)
					continue;	/* slept: this pte again */
			}
			addr += PAGE_SIZE;
		}
		if (!addr || addr >= TASK_SIZE)
			break;
	}
	swap_address = 0;
	return 0;
}

/* The task the clock is at (pid swap_pid), or the first if it is gone. */
static struct task_struct *clock_task(void)
{
	struct task_struct *p;

	for_each_task(p)
		if (p->pid == swap_pid)
			return p;
	p = init_task.next_task;
	return p == &init_task ? NULL : p;
}

/* Pages mapped by every task, threads' shared mm counted once each. */
static unsigned long total_rss(void)
{
	struct task_struct *p;
	unsigned long rss = 0;

	for_each_task(p)
		if (p->mm && thread_group_leader(p))
			rss += p->mm->rss;
	return rss;
}

/*
 * swap_out - put one process page out, going round the tasks from where
 * the clock stopped: look at (all mapped pages >> prio) ptes at most,
 * and never past the tasks *turns still allows. try_to_free_page gives
 * each of its calls one round in all (two at prio 0, the last resort),
 * so that a page made old is not also taken in the same call: a page in
 * use is touched before the next call and keeps its place. Returns 1 if
 * a page was freed.
 */
static int swap_out(int prio, int *turns)
{
	long budget = (total_rss() >> prio) + 1;
	struct task_struct *p;

	if (!prio) {
		budget *= 2;
		*turns += nr_tasks + 1;
	}
	while (budget > 0 && *turns > 0) {
		p = clock_task();
		if (!p)
			return 0;
		swap_pid = p->pid;
		if (p->mm && p->mm->rss) {
			struct mm_struct *mm = p->mm;
			int freed;

			mm->count++;
			freed = swap_out_mm(mm, &budget);
			mmput(mm);
			if (freed)
				return 1;
			if (swap_address)
				return 0;	/* budget spent inside p */
			p = clock_task();	/* we may have slept */
			if (!p)
				return 0;
		}
		p = p->next_task;
		swap_pid = p == &init_task ? 0 : p->pid;
		swap_address = 0;
		(*turns)--;
	}
	return 0;
}

/*
 * try_to_free_page - called by __get_free_pages when it found nothing:
 * free one page. At each priority, from 6 (a look at 1/64 of the pages)
 * down to 0 (all of them), shrink_mmap first drops a clean page of the
 * page cache that nothing maps (no write: its file has the bytes), as
 * Linux 2.0 did; then, if there is swap, shm_swap and swap_out take a
 * turn each, writing a page out (state says who goes first; it changes
 * after every try, so that neither starves: 1.2.13 kept the one that had
 * just succeeded first, and a process that faults its few own pages
 * back in could then keep swap_out busy while shm pages filled memory
 * for good). Returns 1 if a page was freed, 0 if none could be (nothing
 * droppable, no swap space left, or nothing old enough). priority is
 * the caller's GFP_* (1.2.13 used it to skip the buffer cache, which
 * Lintel does not have). Sleeps; never called for GFP_ATOMIC, nor by
 * the idle task, which must not sleep.
 */
int try_to_free_page(int priority)
{
	static int state;
	int prio, turn, turns = nr_tasks + 1;

	if (current == &init_task)
		return 0;
	for (prio = MAX_PRIORITY; prio >= 0; prio--) {
		if (shrink_mmap(prio))
			return 1;
		for (turn = 0; turn < 2 && nr_swap_pages; turn++) {
			int freed = state ? swap_out(prio, &turns) :
					    shm_swap(prio);

			state = !state;
			if (freed)
				return 1;
		}
	}
	return 0;
}

/* ---- out of memory ----------------------------------------------------- */

/* Swap entries in mm's page tables: what a task holds on swap (VmSwap). */
unsigned long mm_swap_pages(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long n = 0, addr;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		for (addr = vma->vm_start; addr < vma->vm_end;
		     addr += PAGE_SIZE) {
			pte_t *pte = find_pte(mm, addr);

			if (!pte) {
				addr = (addr | (PGDIR_SIZE - 1)) + 1 - PAGE_SIZE;
				continue;
			}
			n += is_swap_entry(pte_val(*pte));
		}
	return n;
}

/* Linux's badness, less page tables: pages in memory and in swap. */
unsigned long mm_swap_badness(struct mm_struct *mm)
{
	return mm->rss + mm_swap_pages(mm);
}

/*
 * The process to kill: the one holding the most memory (badness), not
 * init (pid 1, as Linux), not a kernel thread. NULL if there is none.
 */
static struct task_struct *select_bad_process(unsigned long *points)
{
	struct task_struct *p, *chosen = NULL;

	*points = 0;
	for_each_task(p) {
		unsigned long badness;

		if (!p->mm || p->pid == 1 || !thread_group_leader(p))
			continue;
		badness = mm_swap_badness(p->mm);
		if (!chosen || badness > *points) {
			chosen = p;
			*points = badness;
		}
	}
	return chosen;
}

/*
 * oom - a fault found no memory and nothing could go out to swap: kill
 * the process holding the most (Linux's oom killer; 1.2.13 killed the
 * faulting process), naming it in the log. The faulting process, if it
 * is not the victim, gives up the CPU so that the victim can die and
 * free its memory, and then faults again. A victim already killed is not
 * killed twice: its death is awaited.
 */
void oom(void)
{
	unsigned long points;
	struct task_struct *victim = select_bad_process(&points);

	if (!victim) {
		victim = current;
		points = mm_swap_badness(current->mm);
	}
	if (!((victim->signal | victim->group_leader->shared_signal) &
	      sigmask(SIGKILL))) {
		printk("Out of memory: Killed process %d (%s) anon-rss:%lukB, "
		       "swap:%lukB, UID:%u\n", victim->pid, victim->comm,
		       victim->mm->rss << (PAGE_SHIFT - 10),
		       (points - victim->mm->rss) << (PAGE_SHIFT - 10),
		       victim->uid);
		send_group_sig(SIGKILL, victim, 1);
	}
	if (victim != current) {
		current->counter = 0;
		schedule();
	}
}
