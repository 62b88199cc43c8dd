/*
 * msync.c - msync and mincore: what a program may ask of its mappings'
 * pages. Neither was in 1.2.13 (msync came with 1.3's file mappings,
 * mincore with 2.4). Lintel's mappings are anonymous or shm, backed by
 * no file, so there is nothing to write back: msync checks its arguments
 * and the range as Linux does and succeeds; mincore reports which pages
 * are in memory now (a present pte).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <asm/segment.h>

#define MS_FLAGS	(MS_ASYNC | MS_INVALIDATE | MS_SYNC)
#define MINCORE_CHUNK	64	/* vector bytes copied out at a time */

/*
 * sys_msync - as Linux: -EINVAL for unknown flags, both MS_ASYNC and
 * MS_SYNC, or an unaligned start; -ENOMEM for a wrapping range or one
 * with unmapped pages; -EBUSY for MS_INVALIDATE of a locked area.
 */
long sys_msync(unsigned long start, size_t len, int flags)
{
	struct vm_area_struct *vma;
	unsigned long end;
	long error = 0;

	if ((flags & ~MS_FLAGS) || (start & ~PAGE_MASK))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (end < start || (len && !PAGE_ALIGN(len)))
		return -ENOMEM;
	for (vma = find_vma(current->mm, start); start < end;
	     vma = vma->vm_next) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start)
			error = -ENOMEM;
		if (vma->vm_start >= end)
			break;
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
			return -EBUSY;
		start = vma->vm_end;
	}
	return error;
}

/* 1 if the page at address has a present pte in mm, else 0. */
static unsigned char page_in_core(struct mm_struct *mm, unsigned long address)
{
	pte_t *pte = find_pte(mm, address);

	return pte && pte_present(*pte) ? 1 : 0;
}

/*
 * sys_mincore - one byte per page of [start, start + len) in vec: 1 if
 * the page is in memory. As Linux: -EINVAL for an unaligned start,
 * -ENOMEM for a range past user space or with unmapped pages, -EFAULT
 * for a vec that cannot be written.
 */
long sys_mincore(unsigned long start, size_t len, unsigned char *vec)
{
	struct mm_struct *mm = current->mm;
	unsigned char buf[MINCORE_CHUNK];
	unsigned long pages, i, n;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (len > TASK_SIZE || start > TASK_SIZE - len)
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + ((len & ~PAGE_MASK) != 0);
	for (i = 0; i < pages; i += n, start += n << PAGE_SHIFT) {
		unsigned long j;

		n = min(pages - i, (unsigned long)MINCORE_CHUNK);
		for (j = 0; j < n; j++) {
			unsigned long addr = start + (j << PAGE_SHIFT);
			struct vm_area_struct *vma = find_vma(mm, addr);

			if (!vma || addr < vma->vm_start)
				return -ENOMEM;
			buf[j] = page_in_core(mm, addr);
		}
		if (memcpy_tofs(vec + i, buf, n))
			return -EFAULT;
	}
	return 0;
}
