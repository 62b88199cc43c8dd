/*
 * mm_host.h - what the mm host tests need around the kernel code they
 * #include: printk, no-op interrupt flags, and "physical RAM".
 *
 * The RAM is real: a 32-bit process on a 64-bit Linux host may map
 * memory at 0xC0000000, so fake_ram_init() maps pages there and the
 * kernel's __va()/MAP_NR() arithmetic works unchanged.
 */
#ifndef _MM_HOST_H
#define _MM_HOST_H

#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <sys/mman.h>

/* Replace asm/system.h: the host test runs in user mode, no cli. */
#define _ASM_SYSTEM_H
#define save_flags(x)		((x) = 0)
#define restore_flags(x)	((void)(x))
#define cli()			do { } while (0)

#include <linux/kernel.h>
#include <linux/mm.h>

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintf(fmt, args);
	va_end(args);
	return n;
}

/*
 * The allocator's calls into swap (mm/vmscan.c, mm/swap_state.c): the
 * host has no swap area, so there is never a page to write out or a
 * slot kept for a page.
 */
int try_to_free_page(int priority)
{
	(void)priority;
	return 0;
}

int delete_from_swap_cache(unsigned long page)
{
	(void)page;
	return 0;
}

/*
 * Map nr_pages of "RAM" at PAGE_OFFSET and give them a mem_map with
 * every page free except those for which reserved(nr) says otherwise.
 * Returns 0, or -1 if the host would not map there.
 */
static inline int fake_ram_init(unsigned long nr_pages,
				int (*reserved)(unsigned long))
{
	void *ram = mmap((void *)PAGE_OFFSET, nr_pages * PAGE_SIZE,
			 PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			 -1, 0);
	unsigned long nr;

	if (ram != (void *)PAGE_OFFSET) {
		perror("mmap at PAGE_OFFSET");
		return -1;
	}
	num_physpages = nr_pages;
	mem_map = calloc(nr_pages, sizeof(*mem_map));
	for (nr = 0; nr < nr_pages; nr++)
		if (reserved && reserved(nr))
			mem_map[nr].flags = PG_reserved;
	free_area_init();
	return 0;
}

#endif
