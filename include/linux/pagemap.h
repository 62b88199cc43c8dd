#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

/*
 * The page cache (mm/filemap.c): a file's data lives in pages of RAM,
 * each found through a hash on (file, offset), as in Linux 1.3 and 2.0
 * (include/linux/pagemap.h there). 1.2.13 had no page cache: file data
 * went through the buffer cache, and mmap copied it in.
 *
 *   page_hash_table[_page_hashfn(mapping, offset)]
 *        |
 *        v  next_hash / prev_hash
 *   mem_map[n] { mapping, offset, count } --> the 4 KiB at page_address()
 *
 * A cache page holds one count for the cache; every pte that maps it
 * holds one more. Removing it from the cache drops the cache's count, so
 * a page still mapped by a private area lives on, no longer the file's.
 */
#include <linux/mm.h>

struct inode;

/*
 * What every copy of one file's inode shares: its pages (a list through
 * page->next and prev, beside the hash) and the areas mapping it (a ring
 * through vm_next_share and vm_prev_share, 1.2.13's i_mmap).
 * Departure from 1.3/2.0, which kept these in struct inode: Lintel has
 * no inode cache (each open file has its own copy of the inode), so the
 * filesystem keeps this in its node and every copy points at it
 * (i_mapping), as Linux 2.4's address_space.
 */
struct address_space {
	struct page *pages;
	unsigned long nrpages;
	struct vm_area_struct *i_mmap;
	int shmem;	/* a tmpfs file: its pages count as Shmem */
	/*
	 * Linux's i_writecount: > 0 files open for writing, < 0 mappings
	 * of a running program (VM_DENYWRITE); either bars the other with
	 * -ETXTBSY. Here, not in struct inode: Lintel's inode is a copy
	 * per open file, and this is the node's one shared part.
	 */
	int i_writecount;
	/*
	 * May shrink_mmap drop page, which only the cache holds and which
	 * was never written? Yes (1) if the filesystem can read the same
	 * bytes again through readpage; it then stops charging for it.
	 * NULL: never (the page is the file's only copy).
	 */
	int (*releasepage)(struct page *page);
};

#define PAGE_HASH_BITS	11
#define PAGE_HASH_SIZE	(1 << PAGE_HASH_BITS)

extern unsigned long page_cache_size;	/* pages in the cache: Cached */
extern unsigned long page_cache_shmem;	/* of them, tmpfs pages: Shmem */

struct page *find_page(struct inode *inode, unsigned long offset);
void add_to_page_cache(struct page *page, struct inode *inode,
		       unsigned long offset);
void remove_inode_page(struct page *page);
unsigned long truncate_inode_pages(struct inode *inode, unsigned long start);
unsigned long read_cache_page(struct inode *inode, unsigned long offset,
			      int *error);
void vmtruncate(struct inode *inode, unsigned long offset);
int shrink_mmap(int priority);

/*
 * A cache page about to be written from outside a pte (write, a fault
 * in a shared writable area): from now on it is the only copy of its
 * bytes, and shrink_mmap must keep it.
 */
static inline void set_page_dirty(unsigned long addr)
{
	virt_to_page(addr)->flags |= PG_dirty;
}

struct file;
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);

#endif
