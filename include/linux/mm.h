#ifndef _LINUX_MM_H
#define _LINUX_MM_H

/*
 * Memory management: physical pages (mm/page_alloc.c, mm/kmalloc.c),
 * address spaces and their areas (mm/mmap*.c, mm/mm_struct.c) and the
 * fault path (mm/fault.c, mm/memory.c). The names are 1.2.13's
 * (include/linux/mm.h there), with the task argument replaced by the
 * mm_struct it pointed at.
 */
#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/segment.h>

struct pt_regs;
struct file;

/*
 * Physical pages
 *
 * mem_map[] has one entry per page frame of RAM, indexed by MAP_NR(addr).
 * count is the number of users: page-table entries, shm_pages[] slots,
 * kernel owners. The allocator hands a page out with count 1 and takes
 * it back when free_pages() brings the count to 0. A reserved page
 * (kernel image, firmware, holes) is never handed out or freed.
 *
 * 1.2.13 kept only an unsigned short count (reserved = bit 15) and
 * threaded its free lists through the free pages themselves; Lintel keeps
 * the links here, as Linux did from 1.3, so that free RAM is never
 * written (under QEMU the first touch of a guest page is costly).
 */
typedef struct page {
	unsigned short count;	/* users; 0 = free */
	unsigned char flags;	/* PG_* */
	unsigned char order;	/* block size 2^order pages (PG_buddy) */
	unsigned short inuse;	/* PG_slab: objects handed out */
	unsigned char kmalloc_shift; /* PG_slab: log2 of the object size */
	void *freelist;		/* PG_slab: first free object */
	/* free_area list, kmalloc bucket list, or a file's list of pages */
	struct page *next, *prev;
	/* the page cache (mm/filemap.c, Linux 1.3's fields) */
	struct address_space *mapping;	/* whose page: NULL if none */
	unsigned long offset;		/* where in the file, page-aligned */
	struct page *next_hash, *prev_hash;	/* page_hash_table chain */
} mem_map_t;

#define PG_reserved	0x01	/* never allocated or freed */
#define PG_buddy	0x02	/* first page of a free block, on free_area[] */
#define PG_slab		0x04	/* kmalloc page cut into small objects */
#define PG_kmalloc	0x08	/* first page of a large kmalloc block */
#define PG_dirty	0x10	/* written: the file's only copy */

extern mem_map_t *mem_map;
extern unsigned long num_physpages;	/* entries in mem_map[] */
extern unsigned long totalram_pages;	/* pages the allocator manages */
extern unsigned long nr_free_pages;
extern unsigned long min_free_pages;	/* left for GFP_ATOMIC callers */

static inline mem_map_t *virt_to_page(unsigned long addr)
{
	return mem_map + MAP_NR(addr);
}

/* The kernel address of the page a mem_map entry describes. */
static inline unsigned long page_address(const mem_map_t *page)
{
	return (unsigned long)__va((unsigned long)(page - mem_map) << PAGE_SHIFT);
}

static inline int page_reserved(unsigned long addr)
{
	return virt_to_page(addr)->flags & PG_reserved;
}

/*
 * The buddy allocator: free blocks of 2^order pages, order 0 ..
 * NR_MEM_LISTS-1, each on the list free_area[order]. A freed block merges
 * with its buddy (the block whose address differs in bit order) for as
 * long as that buddy is free too. 1.2.13 had 6 orders (128 KiB blocks).
 */
#define NR_MEM_LISTS	11	/* blocks up to 4 MiB */

/* Allocation priorities (1.2.13's values); only GFP_ATOMIC differs here. */
#define GFP_BUFFER	0x00
#define GFP_ATOMIC	0x01	/* may use the last min_free_pages */
#define GFP_USER	0x02
#define GFP_KERNEL	0x03

unsigned long __get_free_pages(int priority, int order);
void free_pages(unsigned long addr, int order);
unsigned long get_free_page(int priority);	/* zero-filled */

static inline unsigned long __get_free_page(int priority)
{
	return __get_free_pages(priority, 0);
}

static inline void free_page(unsigned long addr)
{
	free_pages(addr, 0);
}

/* mm/page_alloc.c: used by mem_init to hand RAM to the allocator */
void free_area_init(void);
void show_free_areas(void);

/* mm/init.c */
void mem_init(void);

/* mm/kmalloc.c: from 16 bytes (power-of-two buckets) to 4 MiB */
#define KMALLOC_MAX_SIZE	(PAGE_SIZE << (NR_MEM_LISTS - 1))
void *kmalloc(size_t size, int priority);
extern unsigned long kmalloc_objects, kmalloc_pages;
void kfree(const void *obj);

/*
 * Virtual memory areas
 *
 * A vm_area_struct is one run of pages [vm_start, vm_end) of an address
 * space with the same rules: protection, sharing and what a fault does.
 * An mm keeps them twice, always in step: a list sorted by address
 * (vm_next) and an AVL tree keyed by vm_end (vm_avl_*), for find_vma.
 */
struct vm_area_struct {
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	unsigned long vm_start;
	unsigned long vm_end;		/* first byte after the area */
	pgprot_t vm_page_prot;		/* protection_map[vm_flags & 0xf] */
	unsigned long vm_flags;		/* VM_* */
	short vm_avl_height;
	struct vm_area_struct *vm_avl_left;
	struct vm_area_struct *vm_avl_right;
	struct vm_area_struct *vm_next;	/* sorted list */
	/* a circular list owned by vm_ops (shm: the segment's attaches) */
	struct vm_area_struct *vm_next_share;
	struct vm_area_struct *vm_prev_share;
	struct vm_operations_struct *vm_ops;
	unsigned long vm_offset;	/* of vm_start in the object mapped */
	unsigned long vm_pte;		/* shm: the signature of page 0 */
	/*
	 * A file mapping's open file, one reference held (f_count).
	 * 1.2.13 held the inode (vm_inode); Lintel has no inode cache,
	 * so the area holds the file, as Linux has since 2.2.
	 */
	struct file *vm_file;
};

/* vm_flags, with 1.2.13's values (VM_LOCKED is from Linux 1.3) */
#define VM_READ		0x0001	/* what is allowed now */
#define VM_WRITE	0x0002
#define VM_EXEC		0x0004
#define VM_SHARED	0x0008
#define VM_MAYREAD	0x0010	/* what mprotect may allow */
#define VM_MAYWRITE	0x0020
#define VM_MAYEXEC	0x0040
#define VM_MAYSHARE	0x0080
#define VM_GROWSDOWN	0x0100	/* a stack: a fault just below grows it */
#define VM_GROWSUP	0x0200
#define VM_SHM		0x0400	/* a SysV shm attach */
#define VM_DENYWRITE	0x0800
#define VM_EXECUTABLE	0x1000
#define VM_LOCKED	0x2000

#define VM_STACK_FLAGS	0x0177

/*
 * What an area of a special kind does (1.2.13's hooks; Lintel calls the
 * ones listed). Every hook may be NULL.
 *   open    a copy of the area was made (fork, or a cut by munmap or
 *           mprotect); the copy's share ring links start NULL
 *   close   the area is going away (munmap, exit, exec, merge); its
 *           pages need not be unmapped here, the caller does that next
 *   unmap   [addr, addr+len) of the area is being unmapped
 *   nopage  the page for address, one reference held for the caller's
 *           pte; with no_share, a private copy (a write to a private
 *           area). 0: there is none (past the end of a file): SIGBUS
 *   swapin  a fault on a "not present, not none" pte entry of this area;
 *           offset is the page's (page-aligned) offset in the object:
 *           return a present pte holding one page reference for the
 *           caller's mapping, or a none pte if no page could be had
 */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	void (*unmap)(struct vm_area_struct *area, unsigned long addr,
		      size_t len);
	unsigned long (*nopage)(struct vm_area_struct *area,
				unsigned long address, int no_share);
	void (*swapout)(struct vm_area_struct *area, unsigned long address,
			pte_t *page_table);
	pte_t (*swapin)(struct vm_area_struct *area, unsigned long offset,
			unsigned long entry);
};

/* An address space: page tables, areas, and where exec put things. */
struct mm_struct {
	pgd_t *pgd;			/* kernel virtual; cr3 = __pa(pgd) */
	struct vm_area_struct *mmap;	/* sorted list of areas */
	struct vm_area_struct *mmap_avl;	/* AVL tree of the same */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long rss;		/* pages mapped in, for ps and top */
	int count;			/* users of this mm */
};

/*
 * find_pte - the pte for user address addr in mm, or NULL when no page
 * table covers it (nothing is allocated: the walks that only look, as
 * swap_out, shm_swap, swapoff and mincore, use this; pte_alloc makes
 * one). The pte itself may be none.
 */
static inline pte_t *find_pte(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pgd_offset(mm, addr), addr);

	if (pmd_none(*pmd) || pmd_bad(*pmd))
		return NULL;
	return pte_offset(pmd, addr);
}

/*
 * "Not present, not none" ptes (1.2.13 mm.h and swap.c):
 *
 *   swap entry:    offset << 12 | type << 1           (bit 0 clear)
 *   shm signature: idx << 15 | id << 8 | SHM_SWP_TYPE << 1
 *
 * A signature's type field reads 0x41, which no swap device can have.
 * Which is meant is decided by the area (vm_ops->swapin), not the bits.
 * The id and idx fields are shm's own (SHM_ID_SHIFT, SHM_IDX_SHIFT in
 * linux/shm.h, as in 1.2.13): mm/ never takes a signature apart.
 */
#define SWP_TYPE(entry)		(((entry) >> 1) & 0x7f)
#define SWP_OFFSET(entry)	((entry) >> PAGE_SHIFT)
#define SWP_ENTRY(type, offset)	(((type) << 1) | ((offset) << PAGE_SHIFT))

#define SHM_SWP_TYPE	0x41

/* mm/mmap_avl.c: the area tree and list */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start_addr,
					     unsigned long end_addr);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
void insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vmp);
void remove_vm_struct(struct mm_struct *mm, struct vm_area_struct *vmp);
void build_mmap_avl(struct mm_struct *mm);
int vmacheck(struct mm_struct *mm);

/*
 * kernel/floors.c: the page fault floor (make bench's floors mode) holds
 * some ptes of floor_fault_mm out of their page table; unmap_page_range
 * lets it put them back before they are unmapped.
 */
extern struct mm_struct *floor_fault_mm;
void floor_fault_unmap(struct mm_struct *mm, unsigned long addr,
		       unsigned long size);

/* mm/mmap.c: mappings of the current process */
/* No mapping below this (Linux's default vm.mmap_min_addr): NULL faults. */
#define MMAP_MIN_ADDR		0x10000UL
#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)
unsigned long do_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long off);
int do_munmap(unsigned long addr, size_t len);
struct vm_area_struct *new_vma(unsigned long addr, unsigned long len,
			       unsigned long vm_flags, unsigned long off);
void merge_segments(struct mm_struct *mm, unsigned long start_addr,
		    unsigned long end_addr);
int split_range(struct mm_struct *mm, unsigned long start, unsigned long end);
unsigned long get_unmapped_area(unsigned long len);
int may_expand_vm(struct mm_struct *mm, unsigned long addr,
		  unsigned long len);

long sys_brk(unsigned long brk);
long sys_old_mmap(unsigned long user_struct_ptr);
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long addr, size_t len, unsigned long prot);
long sys_madvise(unsigned long start, size_t len, int advice);
long sys_mremap(unsigned long addr, unsigned long old_len,
		unsigned long new_len, unsigned long flags,
		unsigned long new_addr);
long sys_msync(unsigned long start, size_t len, int flags);
long sys_mincore(unsigned long start, size_t len, unsigned char *vec);

/* mm/mm_struct.c: an address space's life, for fork, exec and exit */
struct mm_struct *mm_alloc(void);
int dup_mmap(struct mm_struct *dst, struct mm_struct *src);
void exit_mmap(struct mm_struct *mm);
void mm_free(struct mm_struct *mm);
void mmput(struct mm_struct *mm);
void activate_mm(struct mm_struct *mm);
extern unsigned long nr_cr3_loads;

/* mm/memory.c: page tables and the fault handlers */
int copy_page_tables(struct mm_struct *dst, struct mm_struct *src);
void unmap_page_range(struct mm_struct *mm, unsigned long addr,
		      unsigned long size);
void change_protection(struct mm_struct *mm, unsigned long start,
		       unsigned long end, pgprot_t newprot);
void free_page_tables(struct mm_struct *mm);
int move_page_tables(struct mm_struct *mm, unsigned long old,
		     unsigned long new, unsigned long len);
void free_pgtables(struct mm_struct *mm, unsigned long start,
		   unsigned long end);
void flush_tlb_mm(struct mm_struct *mm);
void flush_tlb_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end);
int populate_range(struct vm_area_struct *vma, unsigned long start,
		   unsigned long end);
pte_t *fault_pte_again(struct mm_struct *mm, unsigned long address,
		       pte_t old, struct vm_area_struct **vmap);
int do_wp_page(struct vm_area_struct *vma, unsigned long address,
	       int write_access);
int do_no_page(struct vm_area_struct *vma, unsigned long address,
	       int write_access);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
void oom(void);

#define VERIFY_READ	0
#define VERIFY_WRITE	1
int verify_area(int type, const void *addr, unsigned long size);

/* mm/fault.c: vector 14 */
void do_page_fault(struct pt_regs *regs, unsigned long error_code);

/* mm/swap.c: a fault on a swap entry (linux/swap.h has the rest) */
int swap_in(struct vm_area_struct *vma, unsigned long address,
	    unsigned long entry, int write_access);

#endif
