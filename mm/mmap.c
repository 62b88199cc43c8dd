/*
 * mmap.c - mapping and unmapping areas of the current process: mmap,
 * munmap and brk (1.2.13's mm/mmap.c and kernel/sys.c:sys_brk).
 *
 * Anonymous memory, private or shared, and files whose data is in the
 * page cache (f_op->mmap: mm/file_mmap.c). The system calls follow
 * today's Linux in what a
 * program sees (errno values, MAP_FIXED_NOREPLACE, shared anonymous
 * memory, where mmap puts things); where 1.2.13 differed, a comment says.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/mm.h>
#include <linux/fs.h>

/*
 * Where mmap looks for room when not told where: upwards from 1 GiB (the
 * Linux 2.x layout) to 128 MiB below the top of user space, leaving that
 * much for the stack to grow into. 1.2.13 searched 0x50000000-0x60000000.
 */
#define TASK_UNMAPPED_BASE	0x40000000UL
#define TASK_UNMAPPED_END	(TASK_SIZE - (128UL << 20))

pgprot_t protection_map[16] = {
	__P000, __P001, __P010, __P011, __P100, __P101, __P110, __P111,
	__S000, __S001, __S010, __S011, __S100, __S101, __S110, __S111
};

/*
 * get_unmapped_area - the lowest gap of len bytes (page-aligned) in the
 * mmap window of the current process, first fit; 0 if there is none.
 * Used by mmap without an address and by shmat with a NULL address.
 */
unsigned long get_unmapped_area(unsigned long len)
{
	unsigned long addr = TASK_UNMAPPED_BASE;
	struct vm_area_struct *vma;

	len = PAGE_ALIGN(len);
	if (!len || len > TASK_UNMAPPED_END - TASK_UNMAPPED_BASE)
		return 0;
	for (vma = find_vma(current->mm, addr); ; vma = vma->vm_next) {
		if (addr > TASK_UNMAPPED_END - len)
			return 0;
		if (!vma || addr + len <= vma->vm_start)
			return addr;
		addr = vma->vm_end;
	}
}

/*
 * split_vma - cut vma at addr (vm_start < addr < vm_end) with new, a
 * spare area: vma keeps [vm_start, addr), new gets [addr, vm_end) and is
 * opened, as fork would open a copy (for shm: one more attach).
 * vma's key (vm_end) shrinks in place: no other key lies between the old
 * and the new value, so the tree stays in order.
 */
static void split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, struct vm_area_struct *new)
{
	*new = *vma;
	new->vm_start = addr;
	new->vm_offset += addr - vma->vm_start;
	new->vm_next_share = new->vm_prev_share = NULL;
	vma->vm_end = addr;
	insert_vm_struct(mm, new);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);
}

/*
 * split_range - cut areas at start and at end so that every area meeting
 * [start, end) lies inside it (munmap and mprotect then deal with whole
 * areas). The new areas are allocated before anything changes: on
 * -ENOMEM, mm is as it was.
 */
int split_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *first = find_vma(mm, start);
	struct vm_area_struct *last = find_vma(mm, end - 1);
	struct vm_area_struct *spare[2] = { NULL, NULL };
	int cut_start = first && first->vm_start < start;
	int cut_end = last && last->vm_start < end && last->vm_end > end;

	if (cut_start && !(spare[0] = kmalloc(sizeof(*first), GFP_KERNEL)))
		return -ENOMEM;
	if (cut_end && !(spare[1] = kmalloc(sizeof(*last), GFP_KERNEL))) {
		kfree(spare[0]);
		return -ENOMEM;
	}
	if (cut_start)
		split_vma(mm, first, start, spare[0]);
	if (cut_end)
		split_vma(mm, find_vma(mm, end - 1), end, spare[1]);
	return 0;
}

/*
 * do_munmap - remove [addr, addr + len) from the current process's
 * address space: areas inside it are closed and freed, areas across its
 * ends are cut first, and the pages go. Unmapping nothing is not an
 * error. 1.2.13 took the areas out first and cut them afterwards
 * (unmap_fixup), which could fail half-way for lack of memory; cutting
 * first means that nothing can fail once areas start to go.
 */
int do_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *next;
	unsigned long end;
	int error;

	if ((addr & ~PAGE_MASK) || addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	end = addr + len;
	if (!find_vma_intersection(mm, addr, end))
		return 0;
	error = split_range(mm, addr, end);
	if (error)
		return error;
	for (vma = find_vma(mm, addr); vma && vma->vm_start < end; vma = next) {
		next = vma->vm_next;
		remove_vm_struct(mm, vma);
		if (vma->vm_ops && vma->vm_ops->unmap)
			vma->vm_ops->unmap(vma, vma->vm_start,
					   vma->vm_end - vma->vm_start);
		if (vma->vm_ops && vma->vm_ops->close)
			vma->vm_ops->close(vma);
		kfree(vma);
	}
	unmap_page_range(mm, addr, len);
	free_pgtables(mm, addr, end);
	return 0;
}

/* May prev and next, which touch, become one area? */
static int can_merge(struct vm_area_struct *prev, struct vm_area_struct *next)
{
	if (prev->vm_end != next->vm_start || prev->vm_flags != next->vm_flags ||
	    prev->vm_ops != next->vm_ops || prev->vm_pte != next->vm_pte ||
	    prev->vm_file != next->vm_file)
		return 0;
	/* shm, a file: the pieces must be neighbours in the object too */
	if (prev->vm_ops &&
	    prev->vm_offset + (prev->vm_end - prev->vm_start) != next->vm_offset)
		return 0;
	return 1;
}

/*
 * merge_segments - join neighbouring areas in [start_addr, end_addr)
 * that are alike (can_merge), after mmap, mprotect or brk made new ones.
 * The area absorbed is shrunk to nothing and closed (for shm: one attach
 * fewer, as the merged area holds one), then freed.
 */
void merge_segments(struct mm_struct *mm, unsigned long start_addr,
		    unsigned long end_addr)
{
	struct vm_area_struct *prev, *mpnt, *next;

	mpnt = find_vma_prev(mm, start_addr, &prev);
	if (!mpnt)
		return;
	if (!prev) {
		prev = mpnt;
		mpnt = mpnt->vm_next;
	}
	for (; mpnt && prev->vm_start < end_addr; prev = mpnt, mpnt = next) {
		next = mpnt->vm_next;
		if (!can_merge(prev, mpnt))
			continue;
		/* prev's key grows in place over mpnt's, now out of the tree */
		remove_vm_struct(mm, mpnt);
		prev->vm_end = mpnt->vm_end;
		if (mpnt->vm_ops && mpnt->vm_ops->close) {
			mpnt->vm_offset += mpnt->vm_end - mpnt->vm_start;
			mpnt->vm_start = mpnt->vm_end;
			mpnt->vm_ops->close(mpnt);
		}
		kfree(mpnt);
		mpnt = prev;
	}
}

/* The vm_flags of a new mapping (PROT_* are the VM_ bits' values). */
static unsigned long mmap_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm_flags = (prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) |
				 VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	if (flags & MAP_DENYWRITE)
		vm_flags |= VM_DENYWRITE;
	if (flags & MAP_EXECUTABLE)
		vm_flags |= VM_EXECUTABLE;
	if (flags & MAP_LOCKED)
		vm_flags |= VM_LOCKED;
	return vm_flags;
}

/*
 * Where the new mapping goes: addr itself for MAP_FIXED, else addr as a
 * hint if that room is free, else the first gap. Returns the address or
 * a negative errno (IS_ERR_VALUE).
 */
static unsigned long mmap_address(struct mm_struct *mm, unsigned long addr,
				  unsigned long len, unsigned long flags)
{
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM;
		if ((flags & MAP_FIXED_NOREPLACE) &&
		    find_vma_intersection(mm, addr, addr + len))
			return -EEXIST;
		return addr;
	}
	addr = PAGE_ALIGN(addr);
	if (addr >= MMAP_MIN_ADDR && addr <= TASK_SIZE - len &&
	    !find_vma_intersection(mm, addr, addr + len))
		return addr;
	addr = get_unmapped_area(len);
	return addr ? addr : (unsigned long)-ENOMEM;
}

/*
 * may_expand_vm - may mm map [addr, addr + len) and stay within its
 * RLIMIT_AS? Counted in pages; what is mapped there already is replaced,
 * so it does not count twice. 1.2.13 had no RLIMIT_AS; this is today's
 * Linux check (mmap and brk refuse with ENOMEM).
 */
int may_expand_vm(struct mm_struct *mm, unsigned long addr,
		  unsigned long len)
{
	unsigned long limit = current->rlim[RLIMIT_AS].rlim_cur, pages;
	unsigned long end = addr + len;
	struct vm_area_struct *vma;

	if (limit == RLIM_INFINITY)
		return 1;
	pages = len >> PAGE_SHIFT;
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		unsigned long lo = max(vma->vm_start, addr);
		unsigned long hi = min(vma->vm_end, end);

		pages += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
		if (lo < hi)
			pages -= (hi - lo) >> PAGE_SHIFT;
	}
	return pages <= limit >> PAGE_SHIFT;
}

/*
 * What mapping file allows, as Linux checks it: it must be open for
 * reading, and for writing too if the mapping is shared and writable.
 * A shared mapping of a file not open for writing may never be made
 * writable (no VM_MAYWRITE for mprotect) and is private in all but name.
 * Returns 0 or -errno; *vm_flags is corrected.
 */
static int file_mmap_allowed(struct file *file, unsigned long *vm_flags)
{
	if (!file->f_op || !file->f_op->mmap)
		return -ENODEV;
	if (!(file->f_mode & FMODE_READ))
		return -EACCES;
	if (!(*vm_flags & VM_SHARED) || (file->f_mode & FMODE_WRITE))
		return 0;
	if (*vm_flags & VM_WRITE)
		return -EACCES;
	*vm_flags &= ~(VM_SHARED | VM_MAYWRITE);
	return 0;
}

/*
 * new_vma - a new area [addr, addr + len) with the given flags and
 * nothing behind it (no vm_ops, no file), not yet in any mm; NULL if
 * kmalloc fails. do_mmap and the vDSO's map_special fill in the rest.
 */
struct vm_area_struct *new_vma(unsigned long addr, unsigned long len,
			       unsigned long vm_flags, unsigned long off)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma), GFP_KERNEL);

	if (!vma)
		return NULL;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = protection_map[vm_flags & 0xf];
	vma->vm_next_share = vma->vm_prev_share = NULL;
	vma->vm_ops = NULL;
	vma->vm_offset = off;
	vma->vm_pte = 0;
	vma->vm_file = NULL;
	return vma;
}

/*
 * do_mmap - map len bytes of anonymous memory, or of file from offset
 * off, in the current process. Returns the address, or a negative errno
 * as an unsigned long (test it with IS_ERR_VALUE, or compare with the
 * address asked for). Private memory is demand-zeroed page by page;
 * shared anonymous memory is allocated at once (populate_range), because
 * after a fork both sides must find the same pages and nothing else
 * records them. A file's pages come from the page cache at each first
 * touch (filemap_nopage); the area holds a reference on file from here
 * on, so a caller in the kernel (exec) may close its own afterwards.
 */
unsigned long do_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long off)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long vm_flags;
	int error;

	if (!len)
		return -EINVAL;
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
	case MAP_PRIVATE:
	case MAP_SHARED_VALIDATE:
		break;
	default:
		return -EINVAL;
	}
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if (off + len < off)
		return -EOVERFLOW;
	vm_flags = mmap_vm_flags(prot, flags);
	error = file ? file_mmap_allowed(file, &vm_flags) : 0;
	if (error)
		return error;
	addr = mmap_address(mm, addr, len, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (!may_expand_vm(mm, addr, len))
		return -ENOMEM;

	vma = new_vma(addr, len, vm_flags, off);
	if (!vma)
		return -ENOMEM;
	error = do_munmap(addr, len);
	if (!error && file)
		error = file->f_op->mmap(file, vma);
	if (error) {
		kfree(vma);
		return error;
	}
	insert_vm_struct(mm, vma);
	/* a file's pages are found again in the cache: nothing to do now */
	if (!file && ((vma->vm_flags & (VM_SHARED | VM_LOCKED)) ||
		      (flags & MAP_POPULATE))) {
		error = populate_range(vma, addr, addr + len);
		if (error) {
			do_munmap(addr, len);
			return error;
		}
	}
	merge_segments(mm, addr, addr + len);
	return addr;
}

/*
 * sys_brk - move the end of the data segment. Returns the new break, or
 * the old one if it cannot move (never an errno: libc compares). The
 * pages between the old and the new break come and go as a private
 * anonymous area, merged with the one the break already had.
 */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, limit;

	if (brk < mm->start_brk || brk > TASK_SIZE)
		return mm->brk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk == oldbrk) {
		mm->brk = brk;
		return brk;
	}
	if (brk < mm->brk) {
		if (!do_munmap(newbrk, oldbrk - newbrk))
			mm->brk = brk;
		return mm->brk;
	}
	limit = current->rlim[RLIMIT_DATA].rlim_cur;
	if (limit != RLIM_INFINITY &&
	    brk - mm->start_brk + (mm->end_data - mm->start_data) > limit)
		return mm->brk;
	/* keep a page free between the heap and whatever lies above it */
	if (newbrk >= TASK_SIZE ||
	    find_vma_intersection(mm, oldbrk, newbrk + PAGE_SIZE))
		return mm->brk;
	if (do_mmap(NULL, oldbrk, newbrk - oldbrk,
		    PROT_READ | PROT_WRITE | PROT_EXEC,
		    MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, 0) != oldbrk)
		return mm->brk;
	mm->brk = brk;
	return brk;
}

/* mmap2 (192): the offset is in pages. fd is ignored for MAP_ANONYMOUS. */
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct file *file = NULL;

	/* as Linux: only exec may deny writes to a file it maps */
	flags &= ~(MAP_DENYWRITE | MAP_EXECUTABLE);
	if (!(flags & MAP_ANONYMOUS)) {
		if (fd >= NR_OPEN || !current->files->fd[fd])
			return -EBADF;
		file = current->files->fd[fd];
	}
	return do_mmap(file, addr, len, prot, flags, pgoff << PAGE_SHIFT);
}

/*
 * old_mmap (90): one argument, a pointer to the six (1.2.13's sys_mmap).
 * The offset is in bytes and must be page-aligned.
 */
long sys_old_mmap(unsigned long user_struct_ptr)
{
	unsigned long a[6];	/* addr, len, prot, flags, fd, offset */

	if (memcpy_fromfs(a, (const void *)user_struct_ptr, sizeof(a)))
		return -EFAULT;
	if (a[5] & ~PAGE_MASK)
		return -EINVAL;
	return sys_mmap2(a[0], a[1], a[2], a[3], a[4], a[5] >> PAGE_SHIFT);
}

/* munmap (91): do_munmap for current. */
long sys_munmap(unsigned long addr, size_t len)
{
	return do_munmap(addr, len);
}
