/*
 * mprotect.c - changing the protection of part of an address space
 * (1.2.13's mm/mprotect.c).
 *
 * The range is cut out of its areas (split_range), each area inside gets
 * the new VM_READ/WRITE/EXEC bits and its ptes the matching protection,
 * and then neighbours that have become alike merge again.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/mm.h>

#define VM_PROT_MASK	(VM_READ | VM_WRITE | VM_EXEC)
/* each VM_MAY* bit is its VM_ bit shifted left by this much */
#define VM_MAY_SHIFT	4

/*
 * Check that [start, end) is mapped end to end and that each area there
 * may take the protection (its VM_MAY* bits allow it). 1.2.13 and Linux
 * check as they go and leave the areas before a hole changed; Lintel
 * checks first and changes nothing when it fails.
 */
static int check_range(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, unsigned long prot)
{
	for (; ; vma = vma->vm_next) {
		if (!vma || vma->vm_start > start)
			return -ENOMEM;
		if (prot & ~(vma->vm_flags >> VM_MAY_SHIFT) & VM_PROT_MASK)
			return -EACCES;
		if (vma->vm_end >= end)
			return 0;
		start = vma->vm_end;
	}
}

/*
 * mprotect (125): give [start, start + len) the protection prot. Every
 * page must be mapped and every area allow the new rights (VM_MAY*), or
 * nothing changes: -ENOMEM for a hole, -EACCES for a refusal, -EINVAL
 * for a bad start or flag.
 */
long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end, vm_prot = prot & VM_PROT_MASK;
	int error;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM |
		     PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & PROT_GROWSUP)	/* no area grows up on the i386 */
		return -EINVAL;
	vma = find_vma(mm, start);
	if (!vma)
		return -ENOMEM;
	if (prot & PROT_GROWSDOWN) {
		/* the change reaches down to the start of the stack area */
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
		if (vma->vm_start >= end)
			return -ENOMEM;
		start = vma->vm_start;
	}
	error = check_range(vma, start, end, vm_prot);
	if (!error)
		error = split_range(mm, start, end);
	if (error)
		return error;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = vma->vm_next) {
		unsigned long newflags = (vma->vm_flags & ~VM_PROT_MASK) |
					 vm_prot;

		if (newflags == vma->vm_flags)
			continue;
		vma->vm_flags = newflags;
		vma->vm_page_prot = protection_map[newflags & 0xf];
		change_protection(mm, vma->vm_start, vma->vm_end,
				  vma->vm_page_prot);
	}
	merge_segments(mm, start, end);
	return 0;
}
