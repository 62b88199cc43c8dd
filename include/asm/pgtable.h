#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

/*
 * i386 page tables, with 1.2.13's names (include/asm-i386/pgtable.h).
 *
 * The code speaks of three levels, pgd -> pmd -> pte, but the i386 has
 * two: the pmd is "folded" into the pgd, so pmd_offset(pgd, addr) is the
 * pgd entry itself and the pmd_* tests do the real work on it.
 *
 *   pgd (one page, 1024 entries, each maps 4 MiB)
 *    |
 *    +-> page table (one page, 1024 ptes, each maps 4 KiB)
 *          |
 *          +-> the page
 *
 * Entries hold physical addresses; the helpers below take and give kernel
 * virtual ones (pte_page, pmd_page, mk_pte), as the direct map at
 * PAGE_OFFSET makes every page reachable. 1.2.13 ran with PAGE_OFFSET 0,
 * where the two were the same number.
 */
#include <asm/page.h>

#define PMD_SHIFT	22
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))
#define PGDIR_SHIFT	22
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PGDIR_MASK	(~(PGDIR_SIZE - 1))

#define PTRS_PER_PTE	1024
#define PTRS_PER_PMD	1
#define PTRS_PER_PGD	1024

/* The pgd slots that map user space; the rest are the kernel's, shared. */
#define USER_PTRS_PER_PGD	(TASK_SIZE / PGDIR_SIZE)

/* Entries are wrapped in structs so that a pte cannot pass for a pgd. */
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pgd; } pgd_t;
typedef struct { unsigned long pgprot; } pgprot_t;

#define pte_val(x)	((x).pte)
#define pmd_val(x)	((x).pmd)
#define pgd_val(x)	((x).pgd)
#define pgprot_val(x)	((x).pgprot)

#define __pte(x)	((pte_t) { (x) })
#define __pgprot(x)	((pgprot_t) { (x) })

/*
 * A pte:
 *
 *   31                  12 11  9 8   7   6   5   4   3   2   1   0
 *  +----------------------+-----+---+---+---+---+---+---+---+---+---+
 *  | physical page frame  | COW | . | . | D | A |PCD| . | U |R/W| P |
 *  +----------------------+-----+---+---+---+---+---+---+---+---+---+
 *
 * Bits 9-11 are free for software; 1.2.13 used bit 9 for copy-on-write.
 */
#define _PAGE_PRESENT	0x001
#define _PAGE_RW	0x002
#define _PAGE_USER	0x004
#define _PAGE_PCD	0x010
#define _PAGE_ACCESSED	0x020
#define _PAGE_DIRTY	0x040
#define _PAGE_PSE	0x080	/* a pgd entry that maps 4 MiB itself */
#define _PAGE_COW	0x200	/* software: private page, copy on write */

#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
			 _PAGE_ACCESSED | _PAGE_DIRTY)
/* What pte_modify keeps: the frame and what the CPU recorded in it. */
#define _PAGE_CHG_MASK	(PAGE_MASK | _PAGE_ACCESSED | _PAGE_DIRTY)

#define PAGE_NONE	__pgprot(_PAGE_PRESENT | _PAGE_ACCESSED)
#define PAGE_SHARED	__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
				 _PAGE_ACCESSED)
#define PAGE_COPY	__pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | \
				 _PAGE_COW)
#define PAGE_READONLY	__pgprot(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_KERNEL	__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_DIRTY | \
				 _PAGE_ACCESSED)

/*
 * protection_map[vm_flags & 0xf] (mm/mmap.c): the i386 cannot refuse
 * execution or write-only access, so exec means read and write means
 * read too. A private mapping's write permission becomes PAGE_COPY
 * (read-only, COW); a shared one's becomes PAGE_SHARED.
 *
 *   __Pxwr: private, __Sxwr: shared; x = exec, w = write, r = read.
 */
#define __P000	PAGE_NONE
#define __P001	PAGE_READONLY
#define __P010	PAGE_COPY
#define __P011	PAGE_COPY
#define __P100	PAGE_READONLY
#define __P101	PAGE_READONLY
#define __P110	PAGE_COPY
#define __P111	PAGE_COPY

#define __S000	PAGE_NONE
#define __S001	PAGE_READONLY
#define __S010	PAGE_SHARED
#define __S011	PAGE_SHARED
#define __S100	PAGE_READONLY
#define __S101	PAGE_READONLY
#define __S110	PAGE_SHARED
#define __S111	PAGE_SHARED

extern pgprot_t protection_map[16];

/* The kernel's page directory (boot/head.asm); every pgd copies its top. */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

/* Kernel virtual address of the end of the direct-mapped RAM. */
extern unsigned long high_memory;

/* pte tests and changes: the hardware bits, and the COW software bit */
static inline int pte_none(pte_t pte)	 { return !pte_val(pte); }
static inline int pte_present(pte_t pte) { return pte_val(pte) & _PAGE_PRESENT; }
static inline void pte_clear(pte_t *ptep) { pte_val(*ptep) = 0; }

static inline int pte_read(pte_t pte)  { return pte_val(pte) & _PAGE_USER; }
static inline int pte_write(pte_t pte) { return pte_val(pte) & _PAGE_RW; }
static inline int pte_dirty(pte_t pte) { return pte_val(pte) & _PAGE_DIRTY; }
static inline int pte_young(pte_t pte)
{ return pte_val(pte) & _PAGE_ACCESSED; }
static inline int pte_cow(pte_t pte)   { return pte_val(pte) & _PAGE_COW; }

static inline pte_t pte_wrprotect(pte_t pte)
{ pte_val(pte) &= ~_PAGE_RW; return pte; }
static inline pte_t pte_mkclean(pte_t pte)
{ pte_val(pte) &= ~_PAGE_DIRTY; return pte; }
static inline pte_t pte_mkold(pte_t pte)
{ pte_val(pte) &= ~_PAGE_ACCESSED; return pte; }
static inline pte_t pte_uncow(pte_t pte)
{ pte_val(pte) &= ~_PAGE_COW; return pte; }
static inline pte_t pte_mkwrite(pte_t pte)
{ pte_val(pte) |= _PAGE_RW; return pte; }
static inline pte_t pte_mkdirty(pte_t pte)
{ pte_val(pte) |= _PAGE_DIRTY; return pte; }
static inline pte_t pte_mkyoung(pte_t pte)
{ pte_val(pte) |= _PAGE_ACCESSED; return pte; }
static inline pte_t pte_mkcow(pte_t pte)
{ pte_val(pte) |= _PAGE_COW; return pte; }

/* A pte for the page at kernel virtual address page, with protection prot. */
static inline pte_t mk_pte(unsigned long page, pgprot_t prot)
{
	return __pte(__pa(page) | pgprot_val(prot));
}

/* Keep the frame, accessed and dirty; take everything else from newprot. */
static inline pte_t pte_modify(pte_t pte, pgprot_t newprot)
{
	return __pte((pte_val(pte) & _PAGE_CHG_MASK) | pgprot_val(newprot));
}

/* Kernel virtual address of the page a present pte maps. */
static inline unsigned long pte_page(pte_t pte)
{
	return (unsigned long)__va(pte_val(pte) & PAGE_MASK);
}

/*
 * The pmd (really the pgd entry): none, or a page table. Anything else
 * is "bad": not exactly _PAGE_TABLE, or a table outside RAM.
 */
static inline unsigned long pmd_page(pmd_t pmd)
{
	return (unsigned long)__va(pmd_val(pmd) & PAGE_MASK);
}

static inline int pmd_none(pmd_t pmd)	 { return !pmd_val(pmd); }
static inline int pmd_present(pmd_t pmd) { return pmd_val(pmd) & _PAGE_PRESENT; }
static inline void pmd_clear(pmd_t *pmdp) { pmd_val(*pmdp) = 0; }

static inline int pmd_bad(pmd_t pmd)
{
	return (pmd_val(pmd) & ~PAGE_MASK) != _PAGE_TABLE ||
	       pmd_page(pmd) >= high_memory;
}

/* The folded level: a pgd entry is never none or bad on its own. */
static inline int pgd_none(pgd_t pgd)	 { (void)pgd; return 0; }
static inline int pgd_bad(pgd_t pgd)	 { (void)pgd; return 0; }
static inline int pgd_present(pgd_t pgd) { (void)pgd; return 1; }
static inline void pgd_clear(pgd_t *pgdp) { (void)pgdp; }

/* Walking down: the entry for address at each level. */
#define pgd_index(address)	((address) >> PGDIR_SHIFT)
#define pgd_offset(mm, address)	((mm)->pgd + pgd_index(address))
#define pgd_offset_k(address)	(swapper_pg_dir + pgd_index(address))

static inline pmd_t *pmd_offset(pgd_t *dir, unsigned long address)
{
	(void)address;
	return (pmd_t *)dir;
}

static inline pte_t *pte_offset(pmd_t *dir, unsigned long address)
{
	return (pte_t *)pmd_page(*dir) +
	       ((address >> PAGE_SHIFT) & (PTRS_PER_PTE - 1));
}

/* Allocating: the pmd level cannot fail, it is the pgd entry. */
static inline pmd_t *pmd_alloc(pgd_t *pgd, unsigned long address)
{
	return pmd_offset(pgd, address);
}

static inline void pmd_free(pmd_t *pmd) { (void)pmd; }

/*
 * pte_alloc (mm/memory.c) gives the pte for address, allocating a zeroed
 * page table if the pmd is none; NULL if that allocation fails. Unlike
 * 1.2.13 it never installs a BAD_PAGETABLE: the caller gets the error.
 */
pte_t *pte_alloc(pmd_t *pmd, unsigned long address);

/*
 * Flushing the TLB. invalidate() reloads cr3 and drops every cached
 * translation (1.2.13's only way: the 386 has nothing finer). Lintel
 * also uses the 486's invlpg for one page, because under QEMU a cr3
 * load throws away the whole soft TLB.
 */
static inline void invalidate(void)
{
	unsigned long cr3;

	__asm__ volatile("movl %%cr3, %0; movl %0, %%cr3"
			 : "=r"(cr3) : : "memory");
}

static inline void invalidate_page(unsigned long address)
{
	__asm__ volatile("invlpg (%0)" : : "r"(address) : "memory");
}

/*
 * Zero a page, or copy one, with plain word moves, many to a loop. QEMU's
 * TCG runs rep stosl and rep movsl one element at a time, and these
 * loops take about half the time (zeroing) and 15% less (copying).
 */
static inline void clear_page(unsigned long page)
{
	unsigned long *p = (unsigned long *)page;
	unsigned long *end = p + PAGE_SIZE / sizeof(*p);

	for (; p < end; p += 16) {
		p[0] = 0;  p[1] = 0;  p[2] = 0;  p[3] = 0;
		p[4] = 0;  p[5] = 0;  p[6] = 0;  p[7] = 0;
		p[8] = 0;  p[9] = 0;  p[10] = 0; p[11] = 0;
		p[12] = 0; p[13] = 0; p[14] = 0; p[15] = 0;
	}
}

static inline void copy_page(unsigned long to, unsigned long from)
{
	unsigned long *d = (unsigned long *)to, *s = (unsigned long *)from;
	unsigned long *end = d + PAGE_SIZE / sizeof(*d);

	for (; d < end; d += 4, s += 4) {
		unsigned long a = s[0], b = s[1], c = s[2], e = s[3];

		d[0] = a;
		d[1] = b;
		d[2] = c;
		d[3] = e;
	}
}

/* 1.2.13 hook for CPUs that cache translations in software; none here. */
#define update_mmu_cache(vma, address, pte)	do { } while (0)

#endif
