/*
 * filemap.c - the page cache: the pages that hold files' data, found by
 * (file, offset) through page_hash_table, as in Linux 1.3 and 2.0
 * (mm/filemap.c there; see include/linux/pagemap.h for the picture).
 *
 * Every page of a file that has one is on two lists: its hash chain,
 * for find_page, and its file's list (address_space.pages), so that
 * truncate and the last iput find all of them without searching the
 * table. A file's filesystem fills a new page (i_op->readpage); what
 * maps pages into processes is in mm/file_mmap.c.
 *
 * Nothing here sleeps: a page found is still there when the caller
 * uses it, so no lock or extra reference is taken for the look-up.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/trace.h>

/*
 * An address_space lives inside a kmalloc'd node, so its address is a
 * multiple of kmalloc's smallest object at least: those low bits would
 * only make chains longer.
 */
#define MAPPING_ALIGN_SHIFT	4
#define GOLDEN_RATIO_32		0x61C88647UL	/* 2^32 / phi, odd */

unsigned long page_cache_size;
unsigned long page_cache_shmem;
static struct page *page_hash_table[PAGE_HASH_SIZE];

/*
 * The chain for the page at offset of mapping: the file picks a place
 * in the table by a multiplicative hash of its address (Knuth's golden
 * ratio, as Linux's hash_long), and its pages follow one another from
 * there, so that the pages of one file never share a chain until the
 * file has more pages than the table has chains.
 */
static unsigned long _page_hashfn(const struct address_space *mapping,
				  unsigned long offset)
{
	unsigned long file = ((unsigned long)mapping >> MAPPING_ALIGN_SHIFT) *
			     GOLDEN_RATIO_32;

	return ((file >> (32 - PAGE_HASH_BITS)) + (offset >> PAGE_SHIFT)) &
	       (PAGE_HASH_SIZE - 1);
}

/* The head of the chain (inode, offset)'s page is on, if it is cached. */
static struct page **page_hash(const struct address_space *mapping,
			       unsigned long offset)
{
	return page_hash_table + _page_hashfn(mapping, offset);
}

/*
 * find_page - the cache page holding the page-aligned offset of inode's
 * file, or NULL if that page is not in the cache. No reference is
 * taken: the caller uses the page before anything can remove it.
 */
struct page *find_page(struct inode *inode, unsigned long offset)
{
	struct address_space *mapping = inode->i_mapping;
	struct page *page;

	for (page = *page_hash(mapping, offset); page; page = page->next_hash)
		if (page->mapping == mapping && page->offset == offset)
			return page;
	return NULL;
}

/* Put page, its mapping and offset set, at the head of its chain. */
static void add_page_to_hash_queue(struct page *page)
{
	struct page **p = page_hash(page->mapping, page->offset);

	page->prev_hash = NULL;
	page->next_hash = *p;
	if (*p)
		(*p)->prev_hash = page;
	*p = page;
}

/* Take page off its chain; its mapping and offset still name it. */
static void remove_page_from_hash_queue(struct page *page)
{
	if (page->prev_hash)
		page->prev_hash->next_hash = page->next_hash;
	else
		*page_hash(page->mapping, page->offset) = page->next_hash;
	if (page->next_hash)
		page->next_hash->prev_hash = page->prev_hash;
	page->next_hash = page->prev_hash = NULL;
}

/* Put page at the head of its file's list, and count it there. */
static void add_page_to_inode_queue(struct address_space *mapping,
				    struct page *page)
{
	page->prev = NULL;
	page->next = mapping->pages;
	if (mapping->pages)
		mapping->pages->prev = page;
	mapping->pages = page;
	mapping->nrpages++;
}

/* Take page off its file's list (page->mapping's), and uncount it. */
static void remove_page_from_inode_queue(struct page *page)
{
	struct address_space *mapping = page->mapping;

	if (page->prev)
		page->prev->next = page->next;
	else
		mapping->pages = page->next;
	if (page->next)
		page->next->prev = page->prev;
	page->next = page->prev = NULL;
	mapping->nrpages--;
}

/*
 * add_to_page_cache - make page (one the caller allocated, count 1, not
 * in the cache) the page at offset of inode's file. The caller's
 * reference becomes the cache's: the page is freed when it leaves the
 * cache and nothing maps it. offset must be page-aligned and not cached.
 */
void add_to_page_cache(struct page *page, struct inode *inode,
		       unsigned long offset)
{
	page->mapping = inode->i_mapping;
	page->offset = offset;
	add_page_to_hash_queue(page);
	add_page_to_inode_queue(page->mapping, page);
	page_cache_size++;
	if (page->mapping->shmem)
		page_cache_shmem++;
}

/*
 * remove_inode_page - take page out of the cache and drop the cache's
 * reference. A pte that still maps it (a private area after truncate)
 * keeps it alive, as an ordinary page no file owns.
 */
void remove_inode_page(struct page *page)
{
	page_cache_size--;
	if (page->mapping->shmem)
		page_cache_shmem--;
	remove_page_from_hash_queue(page);
	remove_page_from_inode_queue(page);
	page->mapping = NULL;
	page->flags &= ~PG_dirty;
	free_page(page_address(page));
}

/*
 * truncate_inode_pages - the file now ends at start: drop every cache
 * page wholly past it, and zero the rest of the page start falls in, so
 * that a later growth of the file reads zeros there (as a hole does).
 * Returns how many pages left the cache, for the filesystem's count of
 * what it holds. start 0 empties the file's cache (its last iput).
 */
unsigned long truncate_inode_pages(struct inode *inode, unsigned long start)
{
	struct page *page = inode->i_mapping->pages, *next;
	unsigned long freed = 0, tail = start & ~PAGE_MASK;

	for (; page; page = next) {
		next = page->next;
		if (page->offset >= start) {
			remove_inode_page(page);
			freed++;
		} else if (tail && page->offset == (start & PAGE_MASK)) {
			memset((void *)(page_address(page) + tail), 0,
			       PAGE_SIZE - tail);
		}
	}
	return freed;
}

/*
 * read_cache_page - the kernel address of the cache page at offset
 * (page-aligned) of inode's file, bringing it in if need be: a zeroed
 * page that the filesystem fills and charges (i_op->readpage). Returns
 * 0 with *error set (-ENOMEM, or the filesystem's -ENOSPC) when there
 * is no page to be had. The page belongs to the cache: a caller that
 * maps it takes a reference of its own.
 */
unsigned long read_cache_page(struct inode *inode, unsigned long offset,
			      int *error)
{
	struct page *page = find_page(inode, offset);
	unsigned long addr;

	if (page)
		return page_address(page);
	*error = -EINVAL;
	if (!inode->i_op || !inode->i_op->readpage)
		return 0;
	*error = -ENOMEM;
	addr = get_free_page(GFP_KERNEL);
	if (!addr)
		return 0;
	*error = inode->i_op->readpage(inode, addr, offset);
	if (*error) {
		free_page(addr);
		return 0;
	}
	add_to_page_cache(virt_to_page(addr), inode, offset);
	return addr;
}

/*
 * Can shrink_mmap drop page? Only if the cache alone holds it (count 1:
 * no pte maps it, no reader holds it across a sleep), it was never
 * written (PG_dirty) and its file can read it again (releasepage, which
 * then uncharges it). A page written at run time, of a ramfs or tmpfs
 * file, is its file's only copy: there is no disk behind the cache to
 * write it to, so it stays (Linux would swap a tmpfs page; Lintel does
 * not). No page is ever locked here: readpage fills a page before it
 * enters the cache, without sleeping.
 */
static int page_droppable(struct page *page)
{
	if (!page->mapping || page->count != 1 ||
	    (page->flags & (PG_reserved | PG_dirty)))
		return 0;
	return page->mapping->releasepage &&
	       page->mapping->releasepage(page);
}

/*
 * shrink_mmap - free one page of the page cache that its file can read
 * again, going round mem_map from where the clock hand stopped last
 * time: (num_physpages >> priority) + 1 pages are looked at at most, all
 * of them twice at priority 0. Returns 1 if a page was freed. Linux 2.0's
 * name and place (try_to_free_page calls it first); its clock also gave
 * a page in use a second chance through PG_referenced, which Lintel's
 * find_page does not set: a page no pte maps is taken as it comes.
 * It never sleeps, and no interrupt handler touches the cache (GFP_ATOMIC
 * does not reclaim), so nothing changes under the walk.
 */
int shrink_mmap(int priority)
{
	static unsigned long clock;
	unsigned long budget = (num_physpages >> priority) + 1;

	if (!priority)
		budget *= 2;
	while (budget--) {
		struct page *page = mem_map + clock;

		if (++clock >= num_physpages)
			clock = 0;
		if (!page_droppable(page))
			continue;
		trace_event(TRACE_SWAP, "SWAP shrink_mmap off=0x%lx pfn=0x%lx "
			    "clean, dropped from the page cache", page->offset,
			    (unsigned long)(page - mem_map));
		remove_inode_page(page);
		return 1;
	}
	return 0;
}
