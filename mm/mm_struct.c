/*
 * mm_struct.c - an address space's life: made for a new process or an
 * exec (mm_alloc), copied by fork (dup_mmap), shared by clone(CLONE_VM)
 * and let go by each user (mmput): the last empties it (exit_mmap) and
 * frees it (mm_free), and loaded
 * into the CPU when the process runs (activate_mm). In 1.2.13 these are
 * spread over kernel/fork.c, kernel/exit.c and mm/mmap.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <asm/system.h>

/*
 * mm_alloc - an empty address space: no areas, and a page directory
 * whose user part is empty and whose kernel part is the kernel's. The
 * kernel's pgd entries are all made at boot (mem_init maps all of RAM)
 * and never change, so copying them once is sharing them.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmalloc(sizeof(*mm), GFP_KERNEL);
	int i;

	if (!mm)
		return NULL;
	memset(mm, 0, sizeof(*mm));
	mm->pgd = (pgd_t *)get_free_page(GFP_KERNEL);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	for (i = USER_PTRS_PER_PGD; i < PTRS_PER_PGD; i++)
		mm->pgd[i] = swapper_pg_dir[i];
	mm->count = 1;
	return mm;
}

/*
 * dup_mmap - fork: make dst (fresh from mm_alloc) a copy of src. Each
 * area is copied and opened (for shm: one more attach), then the page
 * tables: private writable pages become copy-on-write in both, shared
 * and shm pages stay shared, shm signatures are copied as they are.
 * Returns 0 or -ENOMEM; after a failure dst is consistent, and
 * exit_mmap + mm_free release it.
 */
int dup_mmap(struct mm_struct *dst, struct mm_struct *src)
{
	struct vm_area_struct *mpnt, *tmp, **link = &dst->mmap;
	int error = 0;

	dst->start_code = src->start_code;
	dst->end_code = src->end_code;
	dst->start_data = src->start_data;
	dst->end_data = src->end_data;
	dst->start_brk = src->start_brk;
	dst->brk = src->brk;
	dst->start_stack = src->start_stack;
	dst->arg_start = src->arg_start;
	dst->arg_end = src->arg_end;
	dst->env_start = src->env_start;
	dst->env_end = src->env_end;
	for (mpnt = src->mmap; mpnt; mpnt = mpnt->vm_next) {
		tmp = kmalloc(sizeof(*tmp), GFP_KERNEL);
		if (!tmp) {
			error = -ENOMEM;
			break;
		}
		*tmp = *mpnt;
		tmp->vm_mm = dst;
		tmp->vm_next = NULL;
		tmp->vm_next_share = tmp->vm_prev_share = NULL;
		if (tmp->vm_ops && tmp->vm_ops->open)
			tmp->vm_ops->open(tmp);
		*link = tmp;
		link = &tmp->vm_next;
	}
	build_mmap_avl(dst);
	if (error)
		return error;
	return copy_page_tables(dst, src);
}

/*
 * exit_mmap - empty mm: every area is closed (shm: detached), its pages
 * unmapped and the area freed; then the user page tables go. mm need not
 * be the active one (exec empties the old mm after loading the new).
 * If the CPU is on mm's pgd (a process exiting), it moves to the
 * kernel's own first, as 1.2.13's free_page_tables did: mm is then no
 * one's active mm, so no unmap below needs a TLB flush (each would be a
 * cr3 load or many invlpg), and its pgd may be reused once mm_free
 * frees it without the CPU holding stale translations.
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *mpnt = mm->mmap, *next;

	if (read_cr3() == __pa(mm->pgd))
		write_cr3(__pa(swapper_pg_dir));
	mm->mmap = mm->mmap_avl = NULL;
	for (; mpnt; mpnt = next) {
		next = mpnt->vm_next;
		if (mpnt->vm_ops && mpnt->vm_ops->close)
			mpnt->vm_ops->close(mpnt);
		unmap_page_range(mm, mpnt->vm_start,
				 mpnt->vm_end - mpnt->vm_start);
		kfree(mpnt);
	}
	free_page_tables(mm);
}

/*
 * mm_free - give back the pgd and the mm itself. exit_mmap ran first and
 * took the CPU off this pgd if it was on it: the page may be reused at
 * once, as another mm's pgd, and activate_mm would then see "the same
 * cr3" and keep stale translations.
 */
void mm_free(struct mm_struct *mm)
{
	free_page((unsigned long)mm->pgd);
	kfree(mm);
}

/*
 * mmput - one user of mm (a task, or exec's old image) lets go; the last
 * one empties and frees it, once, whichever thread of the group that is
 * (1.2.13's mm->count, which it kept but never shared).
 */
void mmput(struct mm_struct *mm)
{
	if (--mm->count)
		return;
	exit_mmap(mm);
	mm_free(mm);
}

unsigned long nr_cr3_loads __sched_data;	/* for make bench and lx-ps: what switches cost */

/*
 * activate_mm - run on mm, current's new mm->pgd (exec), from now on,
 * and note its page directory in current->tss.cr3, where schedule finds
 * it without reading mm. Loading cr3 flushes the whole TLB (and all of
 * QEMU's soft TLB), so skip it when mm is already loaded. schedule does
 * the same with next_cr3 and switch_to.
 */
void activate_mm(struct mm_struct *mm)
{
	unsigned long pgd = __pa(mm->pgd);

	current->tss.cr3 = pgd;
	if (read_cr3() != pgd) {
		write_cr3(pgd);
		nr_cr3_loads++;
	}
}
