/*
 * madvise.c - a program tells the kernel how it will use a range.
 *
 * Not in 1.2.13 (2.4 added it). glibc's malloc gives memory back with
 * MADV_DONTNEED; Lintel drops the private pages of such a range (the next
 * touch finds zero-filled memory, as on Linux) and takes the pure hints
 * (NORMAL, RANDOM, SEQUENTIAL, WILLNEED, DONTDUMP, DODUMP) as read.
 * Advice that would change behaviour Lintel does not have (DONTFORK,
 * WIPEONFORK, MERGEABLE, ...) is EINVAL, as Linux says for what it lacks.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4
#define MADV_FREE	8
#define MADV_DONTDUMP	16
#define MADV_DODUMP	17

/* Is advice one Linux knows (and Lintel accepts)? */
static int madvise_known(int advice)
{
	switch (advice) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_DONTNEED: case MADV_FREE:
	case MADV_DONTDUMP: case MADV_DODUMP:
		return 1;
	}
	return 0;
}

/*
 * Drop the private pages of vma in [start, end). A shared area (shm)
 * keeps its ptes: they are signatures that name the segment's pages, and
 * the data would come back unchanged through a fault anyway.
 */
static void madvise_dontneed(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end)
{
	if (vma->vm_flags & VM_SHARED)
		return;
	if (start < vma->vm_start)
		start = vma->vm_start;
	if (end > vma->vm_end)
		end = vma->vm_end;
	unmap_page_range(vma->vm_mm, start, end - start);
}

/*
 * madvise(start, len, advice) - as Linux: EINVAL for an unaligned start,
 * a wrapping range or unknown advice; the mapped parts of the range are
 * advised and ENOMEM says that part of it was not mapped.
 */
long sys_madvise(unsigned long start, size_t len, int advice)
{
	struct vm_area_struct *vma;
	unsigned long end;
	int unmapped = 0;

	if ((start & ~PAGE_MASK) || !madvise_known(advice))
		return -EINVAL;
	end = start + PAGE_ALIGN(len);
	if (end < start || (len && end == start))
		return -EINVAL;
	if (end == start)
		return 0;
	for (vma = find_vma(current->mm, start); start < end;
	     vma = vma->vm_next) {
		if (!vma || vma->vm_start >= end)
			return -ENOMEM;
		if (vma->vm_start > start)
			unmapped = 1;
		if (advice == MADV_DONTNEED || advice == MADV_FREE)
			madvise_dontneed(vma, start, end);
		start = vma->vm_end;
	}
	return unmapped ? -ENOMEM : 0;
}
