#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

/*
 * A linear address on i386, two-level paging:
 *
 *   31        22 21        12 11         0
 *  +------------+------------+------------+
 *  | pgd index  | pte index  |  offset    |
 *  +------------+------------+------------+
 *     10 bits      10 bits      12 bits
 */
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(a)	(((a) + PAGE_SIZE - 1) & PAGE_MASK)

/*
 * The kernel sees all of physical RAM at PAGE_OFFSET; user space is
 * 0 .. TASK_SIZE. Every page directory shares the kernel's upper quarter.
 */
#define PAGE_OFFSET	0xC0000000UL
#define TASK_SIZE	PAGE_OFFSET

/* Physical RAM above this cannot be direct-mapped below 4 GiB; ignored. */
#define MAX_DIRECT_MEM	(896UL << 20)

#define __pa(v)		((unsigned long)(v) - PAGE_OFFSET)
#define __va(p)		((void *)((unsigned long)(p) + PAGE_OFFSET))

/* mem_map index of a kernel virtual address (1.2.13's MAP_NR). */
#define MAP_NR(addr)	(__pa(addr) >> PAGE_SHIFT)

#endif
