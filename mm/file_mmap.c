/*
 * file_mmap.c - mapping files: do_no_page's third path.
 *
 * do_mmap (mm/mmap.c) calls the file's f_op->mmap, which for a file in
 * the page cache is generic_file_mmap: the area gets file_mmap as its
 * vm_ops and joins the file's ring of areas (i_mmap). A fault on a page
 * not yet mapped then goes
 *
 *   do_page_fault -> do_no_page -> vma->vm_ops->nopage = filemap_nopage
 *
 * which maps the cache page itself for MAP_SHARED (every process and
 * read() see one page) and, for MAP_PRIVATE, maps it read-only so that
 * do_wp_page copies it at the first write. Truncating a mapped file
 * unmaps the pages past its new end (vmtruncate). 1.2.13 had all of this
 * but the cache: its filemap_nopage read the disk block by block into a
 * fresh page for every area (mm/filemap.c there).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/trace.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/pagemap.h>

/* Link vma into the ring of areas mapping its file (1.2.13's i_mmap). */
static void add_to_i_mmap(struct address_space *mapping,
			  struct vm_area_struct *vma)
{
	struct vm_area_struct *head = mapping->i_mmap;

	if (!head) {
		vma->vm_next_share = vma->vm_prev_share = vma;
		mapping->i_mmap = vma;
		return;
	}
	vma->vm_next_share = head;
	vma->vm_prev_share = head->vm_prev_share;
	head->vm_prev_share->vm_next_share = vma;
	head->vm_prev_share = vma;
}

/* Unlink vma from its file's ring of areas; the ring may become empty. */
static void remove_from_i_mmap(struct address_space *mapping,
			       struct vm_area_struct *vma)
{
	if (vma->vm_next_share == vma) {
		mapping->i_mmap = NULL;
	} else {
		vma->vm_prev_share->vm_next_share = vma->vm_next_share;
		vma->vm_next_share->vm_prev_share = vma->vm_prev_share;
		if (mapping->i_mmap == vma)
			mapping->i_mmap = vma->vm_next_share;
	}
	vma->vm_next_share = vma->vm_prev_share = NULL;
}

/*
 * A copy of a file area (fork, or a cut by munmap or mprotect): it holds
 * the file too, and truncate must find it. A copy of a program's area
 * (VM_DENYWRITE) keeps writers out as the first one does: the count is
 * already negative, so this cannot fail.
 */
static void file_mmap_open(struct vm_area_struct *vma)
{
	vma->vm_file->f_count++;
	add_to_i_mmap(vma->vm_file->f_inode.i_mapping, vma);
	if (vma->vm_flags & VM_DENYWRITE)
		deny_write_access(&vma->vm_file->f_inode);
}

/*
 * The area goes (munmap, exit, exec, a merge): it leaves the ring and
 * lets the file go; the last reference closes it, and a file whose
 * names are all gone is freed then, pages and all.
 */
static void file_mmap_close(struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_DENYWRITE)
		allow_write_access(&vma->vm_file->f_inode);
	remove_from_i_mmap(vma->vm_file->f_inode.i_mapping, vma);
	close_fp(vma->vm_file);
	vma->vm_file = NULL;
}

/*
 * The page at offset of inode for filemap_nopage, with one reference
 * for the caller (no_share: a private copy instead); 0 past the end of
 * the file or when there is no page. A page a shared area may write is
 * marked dirty (writable: the area has VM_MAYWRITE): its bytes may soon
 * be nowhere else, so shrink_mmap must keep it. Sleeps: the caller
 * holds the file.
 */
static unsigned long file_page(struct inode *inode, unsigned long offset,
			       int no_share, int writable)
{
	unsigned long page, copy;
	int error;

	refresh_inode(inode);	/* another file may have changed its size */
	trace_step(TRACE_FAULT, "filemap_nopage ino=%lu off=0x%lx",
		   inode->i_ino, offset);
	if (offset >= PAGE_ALIGN(inode->i_size))
		return 0;
	page = read_cache_page(inode, offset, &error);
	if (!page)
		return 0;
	if (writable)
		set_page_dirty(page);
	virt_to_page(page)->count++;
	if (!no_share)
		return page;
	copy = __get_free_page(GFP_USER);	/* may reclaim: page is held */
	if (copy)
		copy_page(copy, page);
	free_page(page);
	return copy;
}

/*
 * filemap_nopage - the page for address in a file area: the cache page
 * at the same offset of the file (read in if need be), one reference
 * taken for the caller's pte, or with no_share (a write fault in a
 * private area) a private copy of it. Returns 0 when there is no page:
 * past the end of the file (the last page, partly past it, is whole),
 * or no memory or no room left in the filesystem; do_no_page then sends
 * SIGBUS, as Linux does for a mapping beyond end of file.
 *
 * read_cache_page and the copy's allocation sleep, and meanwhile
 * another thread may munmap area: its close drops the area's reference
 * on the file, perhaps the last, and the file (inode and pages with it)
 * would go under us. So we hold a reference of our own from before the
 * first sleep to after the last use, and use only file, never area,
 * once we may have slept (do_no_page finds the area again).
 */
static unsigned long filemap_nopage(struct vm_area_struct *area,
				    unsigned long address, int no_share)
{
	struct file *file = area->vm_file;
	unsigned long offset = (address & PAGE_MASK) - area->vm_start +
			       area->vm_offset;
	unsigned long page;
	int writable = (area->vm_flags & (VM_SHARED | VM_MAYWRITE)) ==
		       (VM_SHARED | VM_MAYWRITE);

	file->f_count++;		/* ours, across the sleeps */
	page = file_page(&file->f_inode, offset, no_share, writable);
	close_fp(file);
	return page;
}

static struct vm_operations_struct file_mmap = {
	.open = file_mmap_open,
	.close = file_mmap_close,
	.nopage = filemap_nopage,
};

/*
 * generic_file_mmap - f_op->mmap of a file whose data is in the page
 * cache. do_mmap has checked the file's mode against the mapping; vma
 * is not in any tree yet. The area takes a reference on file, given
 * back when the area is closed. Fails only for exec's VM_DENYWRITE
 * area of a file open for writing: -ETXTBSY.
 */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	if ((vma->vm_flags & VM_DENYWRITE) &&
	    file->f_inode.i_mapping->i_writecount > 0)
		return -ETXTBSY;
	vma->vm_file = file;
	vma->vm_ops = &file_mmap;
	file_mmap_open(vma);
	return 0;
}

/* Unmap vma's pages whose file offset is at offset or past it. */
static void unmap_past(struct vm_area_struct *vma, unsigned long offset)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_offset + (vma->vm_end - vma->vm_start) <= offset)
		return;
	if (offset > vma->vm_offset)
		start += offset - vma->vm_offset;
	unmap_page_range(vma->vm_mm, start, vma->vm_end - start);
}

/*
 * vmtruncate - inode's file is being cut to offset bytes: every area
 * mapping it, in any process, loses its ptes for pages wholly past the
 * new end (shared pages and private copies alike), so that a later
 * touch there faults and gets SIGBUS. The filesystem then drops those
 * pages from the cache (truncate_inode_pages).
 */
void vmtruncate(struct inode *inode, unsigned long offset)
{
	struct vm_area_struct *head = inode->i_mapping->i_mmap, *vma = head;

	if (!head)
		return;
	offset = PAGE_ALIGN(offset);
	do {
		unmap_past(vma, offset);
		vma = vma->vm_next_share;
	} while (vma != head);
}
