/*
 * kmalloc.c - memory for kernel objects, 16 bytes to 4 MiB.
 *
 * Small sizes (up to half a page) are rounded up to a power of two and
 * served from a bucket: pages cut into objects of that size, each page
 * keeping its own list of free objects. Larger sizes are whole blocks
 * straight from the buddy allocator. Everything about a page lives in
 * its mem_map entry, so objects have no header: kmalloc(2048) gets
 * exactly half a page, and every object is aligned to its size.
 *
 *   mem_map[] entry of a bucket page (PG_slab):
 *     kmalloc_shift  log2 of the object size
 *     freelist       first free object; each free object holds the next
 *     inuse          objects handed out; at 0 the page goes back
 *     next, prev     on its bucket's list while it has a free object
 *
 *   mem_map[] entry of a large block (PG_kmalloc): order of the block.
 *
 * (1.2.13's kmalloc put a header in each page and at most 4064 bytes per
 * object; Lintel's shm and exec need bigger arrays.)
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/system.h>
#include "page_list.h"

#define KMALLOC_MIN_SHIFT	4			/* 16 bytes */
#define KMALLOC_MAX_SHIFT	(PAGE_SHIFT - 1)	/* 2048 bytes */
#define NR_BUCKETS		(KMALLOC_MAX_SHIFT - KMALLOC_MIN_SHIFT + 1)

/* Per bucket, a circular list of its pages that have a free object. */
static mem_map_t buckets[NR_BUCKETS];

/*
 * What kmalloc holds: objects handed out and not yet freed, and the pages
 * behind them (bucket pages and large blocks). /proc/meminfo shows both,
 * so that a test can check that a workload gave every object back.
 */
unsigned long kmalloc_objects, kmalloc_pages;

/* The smallest shift with size <= 1 << shift. */
static int size_shift(size_t size)
{
	int shift = 0;

	while ((1UL << shift) < size)
		shift++;
	return shift;
}

/* The list of pages with free objects of size 2^shift (made on first use). */
static mem_map_t *bucket_of(int shift)
{
	mem_map_t *head = &buckets[shift - KMALLOC_MIN_SHIFT];

	if (!head->next)
		page_list_init(head);
	return head;
}

/* A new bucket page: every object on its free list, in address order. */
static mem_map_t *new_bucket_page(int shift, int priority)
{
	unsigned long addr = __get_free_page(priority), size = 1UL << shift;
	unsigned long obj;
	mem_map_t *page;

	if (!addr)
		return NULL;
	page = virt_to_page(addr);
	for (obj = addr; obj + size < addr + PAGE_SIZE; obj += size)
		*(void **)obj = (void *)(obj + size);
	*(void **)obj = NULL;
	kmalloc_pages++;
	page->flags |= PG_slab;
	page->kmalloc_shift = shift;
	page->freelist = (void *)addr;
	page->inuse = 0;
	return page;
}

/*
 * An object of 2^shift bytes: the first free one of the bucket's first
 * page, taking a new page when none is free. NULL when no page can be
 * had. The caller holds interrupts off.
 */
static void *bucket_alloc(int shift, int priority)
{
	mem_map_t *head = bucket_of(shift), *page = head->next;
	void *obj;

	if (page_list_empty(head)) {
		page = new_bucket_page(shift, priority);
		if (!page)
			return NULL;
		page_list_add(head, page);
	}
	obj = page->freelist;
	page->freelist = *(void **)obj;
	page->inuse++;
	kmalloc_objects++;
	if (!page->freelist)
		page_list_del(page);	/* full: off the list until a free */
	return obj;
}

/*
 * Give obj back to its page; a page whose objects are all free goes back
 * to the page allocator. The caller holds interrupts off.
 */
static void bucket_free(mem_map_t *page, void *obj)
{
	unsigned long addr = (unsigned long)obj & PAGE_MASK;

	if (!page->freelist)
		page_list_add(bucket_of(page->kmalloc_shift), page);
	*(void **)obj = page->freelist;
	page->freelist = obj;
	kmalloc_objects--;
	if (--page->inuse)
		return;
	kmalloc_pages--;
	page_list_del(page);
	page->flags &= ~PG_slab;
	page->freelist = NULL;
	free_page(addr);
}

/*
 * kmalloc - size bytes for a kernel object, or NULL (also for size 0 and
 * sizes above KMALLOC_MAX_SIZE). The memory is not cleared.
 */
void *kmalloc(size_t size, int priority)
{
	unsigned long flags, addr;
	int shift;
	void *obj;

	if (!size || size > KMALLOC_MAX_SIZE)
		return NULL;
	shift = size_shift(size);
	if (shift < KMALLOC_MIN_SHIFT)
		shift = KMALLOC_MIN_SHIFT;
	if (shift > KMALLOC_MAX_SHIFT) {
		int order = shift > PAGE_SHIFT ? shift - PAGE_SHIFT : 0;

		addr = __get_free_pages(priority, order);
		if (!addr)
			return NULL;
		virt_to_page(addr)->flags |= PG_kmalloc;
		virt_to_page(addr)->order = order;
		kmalloc_objects++;
		kmalloc_pages += 1UL << order;
		return (void *)addr;
	}
	save_flags(flags);
	cli();
	obj = bucket_alloc(shift, priority);
	restore_flags(flags);
	return obj;
}

/* kfree - give back what kmalloc gave; NULL is allowed and ignored. */
void kfree(const void *obj)
{
	unsigned long addr = (unsigned long)obj, flags;
	mem_map_t *page;

	if (!obj)
		return;
	page = virt_to_page(addr);
	if (addr < PAGE_OFFSET || page >= mem_map + num_physpages) {
		printk("kfree: %08lx is not a kernel address\n", addr);
		return;
	}
	if (page->flags & PG_kmalloc) {
		page->flags &= ~PG_kmalloc;
		kmalloc_objects--;
		kmalloc_pages -= 1UL << page->order;
		free_pages(addr, page->order);
		return;
	}
	if (!(page->flags & PG_slab) || !page->inuse) {
		printk("kfree: %08lx was not given by kmalloc\n", addr);
		return;
	}
	save_flags(flags);
	cli();
	bucket_free(page, (void *)obj);
	restore_flags(flags);
}
