/*
 * mremap.c - grow, shrink or move a mapping of the current process.
 *
 * Linux 1.2.13 had no mremap (it came with 1.3.78's mm/mremap.c);
 * Lintel's follows today's Linux: shrinking unmaps the tail, growing
 * extends the area in place when the addresses after it are free, and
 * otherwise, with MREMAP_MAYMOVE, the area and its ptes move (the pages
 * themselves stay where they are: only the page tables change).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>

#define MREMAP_FLAGS	(MREMAP_MAYMOVE | MREMAP_FIXED)

/*
 * The area holding all of [addr, addr + old_len), or an errno: -EFAULT
 * when the range is not one area's, as Linux says. An area with vm_ops
 * other than a file's (a shm attach, the vDSO) is refused with -EFAULT
 * too: Linux lets an attach grow past its segment; Lintel treats it as
 * Linux treats a VM_DONTEXPAND area, since an attach's ptes hold the
 * segment's signatures, tied to its address. A file area moves and
 * grows as on Linux: its pages are found again by file offset.
 */
static struct vm_area_struct *vma_to_resize(unsigned long addr,
					    unsigned long old_len, long *error)
{
	struct vm_area_struct *vma = find_vma(current->mm, addr);

	*error = -EFAULT;
	if (!vma || vma->vm_start > addr || old_len > vma->vm_end - addr)
		return NULL;
	if (vma->vm_ops && !vma->vm_file)
		return NULL;
	*error = 0;
	return vma;
}

/*
 * Pages of a shared or locked anonymous area are there from the start
 * (do_mmap populates them): the part an area grew by gets them too. A
 * file's come from the page cache at each first touch, as in do_mmap.
 * 0 or -ENOMEM.
 */
static int populate_growth(struct vm_area_struct *vma, unsigned long start)
{
	if (vma->vm_file || !(vma->vm_flags & (VM_SHARED | VM_LOCKED)) ||
	    start >= vma->vm_end)
		return 0;
	return populate_range(vma, start, vma->vm_end);
}

/*
 * Grow vma, which ends at addr + old_len, to end at addr + new_len if
 * nothing is mapped there. The tree is keyed by vm_end: the area leaves
 * it and comes back with its new end. 1 if it grew, 0 if it cannot grow
 * in place, -ENOMEM if RLIMIT_AS or memory forbids.
 */
static long grow_in_place(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long old_len, unsigned long new_len)
{
	struct mm_struct *mm = current->mm;
	unsigned long old_end = addr + old_len, new_end = addr + new_len;

	if (vma->vm_end != old_end || new_len > TASK_SIZE - addr ||
	    (vma->vm_next && vma->vm_next->vm_start < new_end))
		return 0;
	if (!may_expand_vm(mm, old_end, new_end - old_end))
		return -ENOMEM;
	remove_vm_struct(mm, vma);
	vma->vm_end = new_end;
	insert_vm_struct(mm, vma);
	if (populate_growth(vma, old_end)) {
		do_munmap(old_end, new_end - old_end);
		return -ENOMEM;
	}
	return 1;
}

/*
 * new, a copy of vma, takes its place in whatever ring vm_ops keeps (a
 * file's i_mmap, with the reference on the file) and vma is freed.
 */
static void replace_vma(struct vm_area_struct *vma,
			struct vm_area_struct *new)
{
	new->vm_next_share = new->vm_prev_share = NULL;
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	kfree(vma);
}

/*
 * move_vma - move [addr, addr + old_len), all of one area, to new_addr
 * with new_len bytes (new_addr's range is free). The range is cut out of
 * its area first, its ptes move (move_page_tables), and the old area is
 * replaced by one at new_addr. Returns new_addr or -ENOMEM; on -ENOMEM
 * before the ptes move nothing has changed but where areas are cut (and
 * on -ENOMEM after it, growing a shared area, the growth is unmapped).
 */
static long move_vma(struct vm_area_struct *vma, unsigned long addr,
		     unsigned long old_len, unsigned long new_len,
		     unsigned long new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *new;

	if (new_len > old_len &&
	    !may_expand_vm(mm, new_addr + old_len, new_len - old_len))
		return -ENOMEM;
	new = kmalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	if (split_range(mm, addr, addr + old_len) ||
	    move_page_tables(mm, addr, new_addr, old_len)) {
		free_pgtables(mm, new_addr, new_addr + old_len);
		kfree(new);
		return -ENOMEM;
	}
	vma = find_vma(mm, addr);
	*new = *vma;
	new->vm_start = new_addr;
	new->vm_end = new_addr + new_len;
	remove_vm_struct(mm, vma);
	replace_vma(vma, new);
	insert_vm_struct(mm, new);
	/* after the insert: the old range's table may hold the new ptes */
	free_pgtables(mm, addr, addr + old_len);
	if (populate_growth(new, new_addr + old_len)) {
		do_munmap(new_addr + old_len, new_len - old_len);
		return -ENOMEM;
	}
	merge_segments(mm, new_addr, new_addr + new_len);
	return new_addr;
}

/*
 * MREMAP_FIXED: move to new_addr whatever the size, unmapping what was
 * there first, as Linux does. The two ranges must not overlap.
 */
static long mremap_to(unsigned long addr, unsigned long old_len,
		      unsigned long new_len, unsigned long new_addr)
{
	struct vm_area_struct *vma;
	long error;

	if ((new_addr & ~PAGE_MASK) || new_len > TASK_SIZE ||
	    new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	if (new_addr < MMAP_MIN_ADDR)
		return -EPERM;
	if (addr < new_addr + new_len && new_addr < addr + old_len)
		return -EINVAL;
	error = do_munmap(new_addr, new_len);
	if (error)
		return error;
	if (old_len > new_len) {
		error = do_munmap(addr + new_len, old_len - new_len);
		if (error)
			return error;
		old_len = new_len;
	}
	vma = vma_to_resize(addr, old_len, &error);
	if (!vma)
		return error;
	return move_vma(vma, addr, old_len, new_len, new_addr);
}

/*
 * sys_mremap - resize [addr, addr + old_len) to new_len bytes: shrink in
 * place, grow in place if it can, else move (MREMAP_MAYMOVE) to a free
 * range or to new_addr (MREMAP_FIXED). Returns the mapping's address or
 * -errno: -EINVAL for bad flags, alignment or a zero length (old_len 0,
 * Linux's way to duplicate a shared area, is not supported), -EFAULT if
 * the range is not one area's, -ENOMEM if it cannot grow where it is and
 * may not move, or memory or RLIMIT_AS runs out.
 */
long sys_mremap(unsigned long addr, unsigned long old_len,
		unsigned long new_len, unsigned long flags,
		unsigned long new_addr)
{
	struct vm_area_struct *vma;
	long error;

	if ((flags & ~MREMAP_FLAGS) || (addr & ~PAGE_MASK))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len || !old_len)
		return -EINVAL;
	if (flags & MREMAP_FIXED)
		return mremap_to(addr, old_len, new_len, new_addr);
	if (old_len >= new_len) {
		error = do_munmap(addr + new_len, old_len - new_len);
		return old_len == new_len || !error ? (long)addr : error;
	}
	vma = vma_to_resize(addr, old_len, &error);
	if (!vma)
		return error;
	error = grow_in_place(vma, addr, old_len, new_len);
	if (error)
		return error < 0 ? error : (long)addr;
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = get_unmapped_area(new_len);
	if (!new_addr)
		return -ENOMEM;
	return move_vma(vma, addr, old_len, new_len, new_addr);
}
