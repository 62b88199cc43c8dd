/*
 * exec_share.c - exec by demand paging shares a program's text: its
 * PT_LOAD segments are mapped from the file (fs/binfmt_elf.c), so the
 * text of every process running it is the page cache's pages.
 *
 * /bin/sh is loaded as exec loads it (open_elf, map_elf) into one test
 * address space, then into a second while the first still runs it, and
 * each time every page of its text is read through the user addresses
 * (filemap_nopage maps the cache page). The free frames are counted
 * around each load: the first pays for the text (the cache reads it in),
 * the second does not, and both map the very same frames.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/selftest.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/binfmts.h>
#include <asm/segment.h>
#include "mm_test.h"

#define SHARE_PROG	"/bin/sh"

/* Read a byte of every page of [start, end) in current's address space. */
static int touch_pages(unsigned long start, unsigned long end)
{
	unsigned char c;
	unsigned long addr;

	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		if (get_fs_byte((const void *)addr, &c))
			return -EFAULT;
	return 0;
}

/*
 * A fresh mm made current, with SHARE_PROG loaded into it as exec would
 * and its text touched; NULL (and current->mm unchanged) on failure.
 */
static struct mm_struct *load_prog(void)
{
	struct mm_struct *old = current->mm, *mm = mm_alloc();
	struct elf_image img;
	int err;

	if (!mm)
		return NULL;
	current->mm = mm;
	activate_mm(mm);
	err = open_elf(SHARE_PROG, &img, 0);
	if (!err) {
		err = map_elf(&img, 0);
		close_elf(&img);	/* the areas hold the file now */
	}
	if (!err)
		err = touch_pages(mm->start_code, mm->end_code);
	if (!err)
		return mm;
	exit_mmap(mm);
	current->mm = old;
	if (old)
		activate_mm(old);
	mm_free(mm);
	return NULL;
}

/* Empty and free mm, which is current, and make old current again. */
static void drop_prog(struct mm_struct *mm, struct mm_struct *old)
{
	exit_mmap(mm);
	current->mm = old;
	if (old)
		activate_mm(old);
	mm_free(mm);
}

/* Do a and b map the same frame at every page of [start, end)? */
static int same_frames(struct mm_struct *a, struct mm_struct *b,
		       unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		if (!mapped_page(a, addr) ||
		    mapped_page(a, addr) != mapped_page(b, addr))
			return 0;
	return 1;
}

void selftest_exec_share(void)
{
	struct mm_struct *old = current->mm, *a, *b = NULL;
	unsigned long free0 = nr_free_pages, free1, free2, text_pages;

	kcase_begin("exec_second_copy_shares_text_frames");
	a = load_prog();
	KCHECK(a, "%s loads into a test address space", SHARE_PROG);
	free1 = nr_free_pages;
	if (a)
		b = load_prog();
	KCHECK(!a || b, "and into a second one");
	free2 = nr_free_pages;
	if (a && b) {
		text_pages = (PAGE_ALIGN(a->end_code) -
			      (a->start_code & PAGE_MASK)) >> PAGE_SHIFT;
		KCHECK(same_frames(a, b, a->start_code, a->end_code),
		       "both map the same %lu frames of text", text_pages);
		KCHECK((long)(free0 - free1) - (long)(free1 - free2) >=
		       (long)text_pages,
		       "the first paid for %lu text frames, the second not: "
		       "%ld frames, then %ld", text_pages,
		       (long)(free0 - free1), (long)(free1 - free2));
		drop_prog(b, a);
	}
	if (a)
		drop_prog(a, old);
	kcase_end();
}
