/*
 * init.c - mem_init: from the boot loader's memory map to a running page
 * allocator (1.2.13's arch/i386/mm/init.c and free_area_init).
 *
 * Called by start_kernel with interrupts off, on boot/head.asm's page
 * tables, which map the first few MiB of RAM at PAGE_OFFSET. In order:
 *
 *   1. find the top of RAM; what lies above MAX_DIRECT_MEM is ignored;
 *   2. find room, just after the kernel (or the initramfs), for mem_map
 *      and for the page tables the rest of RAM needs;
 *   3. paging_init: map all of RAM at PAGE_OFFSET in swapper_pg_dir;
 *   4. fill mem_map: every page reserved except whole pages of usable
 *      RAM that hold nothing (not page 0, the kernel, the initramfs or
 *      what step 2 took), and hand those to the buddy allocator;
 *   5. print the memory line.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/multiboot.h>
#include <linux/mm.h>
#include <asm/system.h>
#include <asm/cpufeature.h>

/* boot/lintel.ld: where the kernel image starts and ends (virtual) */
extern char _text[], _etext[], _end[];

unsigned long high_memory;

/*
 * The kernel's new page tables point at RAM with these bits (1.3's
 * _KERNPG_TABLE): no user bit, so they add nothing a user may touch.
 */
#define KERNEL_PGTABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | \
			 _PAGE_DIRTY)

#define CR4_PSE		0x00000010	/* pgd entries may map 4 MiB pages */

/* 1.2.13 kept 1/64 of RAM, and at least 16 pages, for GFP_ATOMIC. */
#define MIN_FREE_SHIFT	6
#define MIN_FREE_PAGES	16

/*
 * The end of RAM: the end of the highest usable region, and of any
 * firmware regions that continue it without a gap (QEMU puts 128 KiB of
 * ACPI tables just below the -m size), so that the total printed is the
 * memory the machine was given.
 */
static unsigned long long ram_top(void)
{
	unsigned long long top = 0;
	int i, grew;

	for (i = 0; i < boot_mem_map_nr; i++) {
		struct boot_mem_region *r = &boot_mem_map[i];

		if (r->type == BOOT_MEM_RAM && r->addr + r->len > top)
			top = r->addr + r->len;
	}
	do {
		grew = 0;
		for (i = 0; i < boot_mem_map_nr; i++)
			if (boot_mem_map[i].addr == top && boot_mem_map[i].len) {
				top += boot_mem_map[i].len;
				grew = 1;
			}
	} while (grew);
	return top;
}

/* Usable RAM at or above limit: what the direct map has no room for. */
static unsigned long long ram_above(unsigned long long limit)
{
	unsigned long long above = 0;
	int i;

	for (i = 0; i < boot_mem_map_nr; i++) {
		struct boot_mem_region *r = &boot_mem_map[i];
		unsigned long long end = r->addr + r->len;

		if (r->type == BOOT_MEM_RAM && end > limit)
			above += end - max(r->addr, limit);
	}
	return above;
}

/* Is [start, end) (physical) inside one usable region? */
static int usable(unsigned long start, unsigned long end)
{
	int i;

	for (i = 0; i < boot_mem_map_nr; i++) {
		struct boot_mem_region *r = &boot_mem_map[i];

		if (r->type == BOOT_MEM_RAM && r->addr <= start &&
		    end <= r->addr + r->len)
			return 1;
	}
	return 0;
}

/* How much of RAM boot/head.asm mapped: its run of kernel pgd entries. */
static unsigned long early_mapped(void)
{
	pgd_t *pgd = pgd_offset_k(PAGE_OFFSET);
	unsigned long size = 0;

	while (pgd_val(*pgd) & _PAGE_PRESENT) {
		size += PGDIR_SIZE;
		pgd++;
	}
	return size;
}

/* Do [start, end) and [a, b) share a byte? */
static int overlaps(unsigned long start, unsigned long end,
		    unsigned long a, unsigned long b)
{
	return start < b && a < end;
}

/*
 * Physical room for size bytes of boot-time tables: just after the
 * kernel if that is free, else just after the initramfs. It must be
 * usable RAM that head.asm already mapped (below mapped), so it can be
 * written now.
 */
static unsigned long find_boot_area(unsigned long size, unsigned long mapped)
{
	unsigned long kernel_start = __pa(_text), kernel_end = __pa(_end);
	unsigned long candidates[2] = { PAGE_ALIGN(kernel_end),
					PAGE_ALIGN(initrd_end) };
	int i;

	for (i = 0; i < 2; i++) {
		unsigned long start = candidates[i], end = start + size;

		if (end <= mapped && usable(start, end) &&
		    !overlaps(start, end, kernel_start, kernel_end) &&
		    !overlaps(start, end, initrd_start, initrd_end))
			return start;
	}
	panic("mem_init: no room for %lu KiB of page tables and mem_map in "
	      "the first %lu MiB", size >> 10, mapped >> 20);
}

/*
 * Turn on 4 MiB pages (CR4.PSE) if the CPU has them; say whether it did.
 * 1.2.13 mapped its kernel with page tables alone; Linux 2.2 on maps it
 * with 4 MiB pages, and under QEMU each page table is one more page that
 * its page walks must look up again after every cr3 load.
 */
static int enable_pse(void)
{
	unsigned long cr4;

	if (!(x86_features() & X86_FEATURE_PSE))
		return 0;
	__asm__ volatile("movl %%cr4, %0" : "=r"(cr4));
	__asm__ volatile("movl %0, %%cr4" : : "r"(cr4 | CR4_PSE));
	return 1;
}

/*
 * How many page tables paging_init takes from the boot area for RAM up
 * to top: one for each 4 MiB past head.asm's mapping, or with 4 MiB
 * pages only one for the last 4 MiB, when RAM ends inside it.
 */
static unsigned long boot_tables(unsigned long top, unsigned long mapped,
				 int pse)
{
	unsigned long end = ALIGN(top, PGDIR_SIZE);

	if (end <= mapped)
		return 0;
	if (pse)
		return (top & (PGDIR_SIZE - 1)) ? 1 : 0;
	return (end - mapped) >> PGDIR_SHIFT;
}

/*
 * paging_init - map physical [0, top) at PAGE_OFFSET. With pse, each
 * 4 MiB wholly below top is one pgd entry of its own; the rest goes
 * through head.asm's tables, which cover [0, mapped), or a page table
 * from *boot_area for each further 4 MiB. Entries beyond top are
 * cleared, so a stray pointer past the end of RAM faults instead of
 * reading nothing.
 */
static void paging_init(unsigned long top, unsigned long mapped,
			unsigned long *boot_area, int pse)
{
	unsigned long phys;

	for (phys = 0; phys < top || phys < mapped; phys += PGDIR_SIZE) {
		pmd_t *pmd = pmd_offset(pgd_offset_k(PAGE_OFFSET + phys), 0);
		pte_t *pte;
		int i;

		if (phys >= top) {
			pmd_clear(pmd);
			continue;
		}
		if (pse && top - phys >= PGDIR_SIZE) {
			pmd_val(*pmd) = phys | _PAGE_PSE | KERNEL_PGTABLE;
			continue;
		}
		if (pmd_none(*pmd)) {
			pmd_val(*pmd) = *boot_area | KERNEL_PGTABLE;
			*boot_area += PAGE_SIZE;
		}
		pte = (pte_t *)pmd_page(*pmd);
		for (i = 0; i < PTRS_PER_PTE; i++) {
			unsigned long p = phys + i * PAGE_SIZE;

			if (p < top)
				pte[i] = mk_pte((unsigned long)__va(p),
						PAGE_KERNEL);
			else
				pte_clear(&pte[i]);
		}
	}
	invalidate();
}

/* Mark physical [start, end) (rounded out to pages) reserved or not. */
static void mark_pages(unsigned long start, unsigned long end, int reserved)
{
	unsigned long nr;

	for (nr = start >> PAGE_SHIFT; nr < PAGE_ALIGN(end) >> PAGE_SHIFT &&
	     nr < num_physpages; nr++) {
		mem_map[nr].flags = reserved ? PG_reserved : 0;
		mem_map[nr].count = reserved ? 1 : 0;
	}
}

/* Only whole pages inside usable regions become free. */
static void free_usable_ram(void)
{
	unsigned long long top = num_physpages << PAGE_SHIFT;
	int i;

	for (i = 0; i < boot_mem_map_nr; i++) {
		struct boot_mem_region *r = &boot_mem_map[i];
		unsigned long long start = PAGE_ALIGN(r->addr);
		unsigned long long end = (r->addr + r->len) & PAGE_MASK;

		if (r->type != BOOT_MEM_RAM || start >= top)
			continue;
		if (end > top)
			end = top;
		if (start < end)
			mark_pages(start, end, 0);
	}
}

/* Linux's "Memory: ...k/...k available" line, which the boot tests read. */
static void print_memory_line(void)
{
	unsigned long code = (PAGE_ALIGN(__pa(_etext)) - __pa(_text)) >> 10;
	unsigned long data = (PAGE_ALIGN(__pa(_end)) -
			      PAGE_ALIGN(__pa(_etext))) >> 10;
	unsigned long total = num_physpages << (PAGE_SHIFT - 10);
	unsigned long avail = nr_free_pages << (PAGE_SHIFT - 10);

	printk("Memory: %luk/%luk available (%luk kernel code, %luk data, "
	       "%luk reserved)\n", avail, total, code, data,
	       total - avail - code - data);
}

/*
 * mem_init - hand all usable RAM to the page allocator.
 *
 * Called once by start_kernel, after multiboot_parse (the memory map)
 * and before the first allocation. Caps RAM at what the direct map can
 * hold, maps it all at PAGE_OFFSET, places mem_map[] where head.asm's
 * early mapping can reach it, and frees every usable page but the
 * kernel, the initramfs and the boot-time tables.
 */
void mem_init(void)
{
	unsigned long long top = ram_top();
	unsigned long mapped = early_mapped(), tables, map_size;
	unsigned long boot_start, boot_area;
	int pse = enable_pse();

	if (top > MAX_DIRECT_MEM) {
		printk("Memory: %lluMB of RAM above %luMB ignored (no high "
		       "memory: all RAM must fit in the direct map)\n",
		       ram_above(MAX_DIRECT_MEM) >> 20, MAX_DIRECT_MEM >> 20);
		top = MAX_DIRECT_MEM;
	}
	num_physpages = top >> PAGE_SHIFT;
	high_memory = (unsigned long)__va(num_physpages << PAGE_SHIFT);

	tables = boot_tables(num_physpages << PAGE_SHIFT, mapped, pse);
	map_size = PAGE_ALIGN(num_physpages * sizeof(mem_map_t));
	boot_start = find_boot_area(tables * PAGE_SIZE + map_size, mapped);
	boot_area = boot_start;

	mem_map = __va(boot_start + tables * PAGE_SIZE);
	paging_init(num_physpages << PAGE_SHIFT, mapped, &boot_area, pse);

	memset(mem_map, 0, num_physpages * sizeof(mem_map_t));
	mark_pages(0, num_physpages << PAGE_SHIFT, 1);
	free_usable_ram();
	mark_pages(0, PAGE_SIZE, 1);		/* the BIOS data area */
	mark_pages(__pa(_text), __pa(_end), 1);
	mark_pages(initrd_start, initrd_end, 1);
	mark_pages(boot_start, boot_start + tables * PAGE_SIZE + map_size, 1);
	free_area_init();
	min_free_pages = max(totalram_pages >> MIN_FREE_SHIFT,
			     (unsigned long)MIN_FREE_PAGES);
	print_memory_line();
}
