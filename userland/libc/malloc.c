/*
 * malloc.c - a first-fit allocator on top of the program break.
 *
 * Every block starts with a header giving its size (header included, a
 * multiple of ALIGN). Free blocks sit on a list sorted by address, so
 * free() can merge a block with its neighbours. Memory is never given
 * back to the kernel: programs here are small and short-lived.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdint.h>

#define ALIGN		8
#define GROW_MIN	(16 * 1024)	/* ask the kernel for this at least */

struct block {
	size_t size;
	struct block *next;	/* valid only while the block is free */
};

static struct block *free_list;

static size_t round_up(size_t n, size_t to)
{
	return (n + to - 1) & ~(to - 1);
}

/* Put b on the free list in address order, merging with neighbours. */
static void insert_free(struct block *b)
{
	struct block **pp = &free_list;

	while (*pp && *pp < b)
		pp = &(*pp)->next;
	b->next = *pp;
	if (b->next && (char *)b + b->size == (char *)b->next) {
		b->size += b->next->size;
		b->next = b->next->next;
	}
	*pp = b;
	if (pp != &free_list) {
		struct block *prev = (struct block *)((char *)pp -
					offsetof(struct block, next));

		if ((char *)prev + prev->size == (char *)b) {
			prev->size += b->size;
			prev->next = b->next;
		}
	}
}

static int grow_heap(size_t need)
{
	uintptr_t cur = (uintptr_t)sbrk(0);
	size_t pad = round_up(cur, ALIGN) - cur;
	size_t size = need > GROW_MIN ? need : GROW_MIN;
	char *p = sbrk(pad + size);

	if (p == (void *)-1)
		return -1;
	((struct block *)(p + pad))->size = size;
	insert_free((struct block *)(p + pad));
	return 0;
}

/* Unlink the first block of at least size bytes, splitting off the rest. */
static struct block *take_fit(size_t size)
{
	struct block **pp;

	for (pp = &free_list; *pp; pp = &(*pp)->next) {
		struct block *b = *pp;

		if (b->size < size)
			continue;
		if (b->size - size >= sizeof(struct block) + ALIGN) {
			struct block *rest = (struct block *)((char *)b + size);

			rest->size = b->size - size;
			rest->next = b->next;
			b->size = size;
			*pp = rest;
		} else {
			*pp = b->next;
		}
		return b;
	}
	return NULL;
}

void *malloc(size_t n)
{
	size_t size;
	struct block *b;

	if (n > SIZE_MAX / 2)
		return NULL;
	size = round_up(n + sizeof(struct block), ALIGN);
	b = take_fit(size);
	if (!b && grow_heap(size) == 0)
		b = take_fit(size);
	return b ? b + 1 : NULL;
}

void free(void *p)
{
	if (p)
		insert_free((struct block *)p - 1);
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		return NULL;
	p = malloc(n * size);
	return p ? memset(p, 0, n * size) : NULL;
}

void *realloc(void *p, size_t n)
{
	size_t have;
	void *q;

	if (!p)
		return malloc(n);
	have = ((struct block *)p - 1)->size - sizeof(struct block);
	if (n <= have)
		return p;
	q = malloc(n);
	if (q) {
		memcpy(q, p, have);
		free(p);
	}
	return q;
}
