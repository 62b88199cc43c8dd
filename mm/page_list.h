/*
 * page_list.h - circular lists of mem_map entries through next/prev,
 * with a dummy entry as the head: the buddy allocator's free_area[] lists
 * and kmalloc's bucket lists. Private to mm/.
 */
#ifndef _MM_PAGE_LIST_H
#define _MM_PAGE_LIST_H

#include <linux/mm.h>

static inline void page_list_init(mem_map_t *head)
{
	head->next = head->prev = head;
}

static inline int page_list_empty(mem_map_t *head)
{
	return head->next == head;
}

/* Add at the front: lists are used LIFO. */
static inline void page_list_add(mem_map_t *head, mem_map_t *page)
{
	page->next = head->next;
	page->prev = head;
	head->next->prev = page;
	head->next = page;
}

static inline void page_list_del(mem_map_t *page)
{
	page->prev->next = page->next;
	page->next->prev = page->prev;
	page->next = page->prev = NULL;
}

#endif
