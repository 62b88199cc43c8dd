/*
 * mm_vma.c - areas split, merged, opened and closed, and a random
 * sequence of mmap, munmap and mprotect checked against a model
 * (test=mm_vma).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/selftest.h>
#include <linux/mm.h>
#include <asm/system.h>
#include "mm_test.h"

#define WINDOW_PAGES	48
#define RANDOM_OPS	1500
#define UNMAPPED	(-1)

static int opened, closed;

/* counting_ops' open and close: how many pieces were opened and closed. */
static void count_open(struct vm_area_struct *vma)
{
	opened++;
}

static void count_close(struct vm_area_struct *vma)
{
	closed++;
}

/* Like shm: each piece of an area holds one "attach". */
static struct vm_operations_struct counting_ops = {
	.open = count_open,
	.close = count_close,
};

/* The areas of mm that carry counting_ops. */
static int count_ops_vmas(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int n = 0;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		n += vma->vm_ops == &counting_ops;
	return n;
}

/* The address of page i of the test window. */
static unsigned long page_addr(int i)
{
	return TEST_BASE + i * PAGE_SIZE;
}

static void test_split_merge(struct mm_struct *mm)
{
	unsigned long a = page_addr(0);

	kcase_begin("mm_vma_munmap_hole_head_tail_and_remap_merges");
	KCHECK(map_anon(a, 10, PROT_READ | PROT_WRITE, MAP_FIXED) == a, "map");
	KCHECK(do_munmap(page_addr(3), 2 * PAGE_SIZE) == 0 &&
	       count_vmas(mm) == 2 && !vmacheck(mm), "a hole makes two");
	KCHECK(do_munmap(a, PAGE_SIZE) == 0 &&
	       do_munmap(page_addr(9), PAGE_SIZE) == 0 &&
	       find_vma(mm, 0)->vm_start == page_addr(1) &&
	       find_vma(mm, page_addr(5))->vm_end == page_addr(9) &&
	       !vmacheck(mm), "head and tail cut");
	KCHECK(do_munmap(page_addr(2), 4 * PAGE_SIZE) == 0 &&
	       count_vmas(mm) == 2 && !vmacheck(mm),
	       "one munmap across two areas");
	KCHECK(map_anon(page_addr(2), 4, PROT_READ | PROT_WRITE, MAP_FIXED) ==
	       page_addr(2) && count_vmas(mm) == 1 &&
	       find_vma(mm, 0)->vm_start == page_addr(1) &&
	       find_vma(mm, 0)->vm_end == page_addr(9) && !vmacheck(mm),
	       "filling the gap merges all three");
	kcase_end();

	kcase_begin("mm_vma_mprotect_splits_then_merges_back");
	KCHECK(sys_mprotect(page_addr(3), 2 * PAGE_SIZE, PROT_READ) == 0 &&
	       count_vmas(mm) == 3 && !vmacheck(mm), "middle read-only");
	KCHECK(!(find_vma(mm, page_addr(3))->vm_flags & VM_WRITE) &&
	       (find_vma(mm, page_addr(5))->vm_flags & VM_WRITE),
	       "flags of the pieces");
	KCHECK(sys_mprotect(page_addr(3), 2 * PAGE_SIZE,
			    PROT_READ | PROT_WRITE) == 0 &&
	       count_vmas(mm) == 1 && !vmacheck(mm), "back to one area");
	KCHECK(sys_mprotect(page_addr(8), 2 * PAGE_SIZE, PROT_READ) == -ENOMEM &&
	       count_vmas(mm) == 1 &&
	       (find_vma(mm, page_addr(8))->vm_flags & VM_WRITE),
	       "a range into a hole: ENOMEM, nothing changed");
	do_munmap(TEST_BASE, WINDOW_PAGES * PAGE_SIZE);
	kcase_end();
}

static void test_errors(struct mm_struct *mm)
{
	unsigned long a = page_addr(0);

	kcase_begin("mm_vma_errno_values");
	map_anon(a, 2, PROT_READ, MAP_FIXED);
	KCHECK(do_munmap(a + 1, PAGE_SIZE) == -EINVAL, "munmap unaligned");
	KCHECK(do_munmap(a, 0) == -EINVAL, "munmap of length 0");
	KCHECK(do_munmap(page_addr(40), PAGE_SIZE) == 0, "munmap of nothing");
	KCHECK(do_mmap(NULL, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, 0) ==
	       (unsigned long)-EINVAL, "mmap of length 0");
	KCHECK(do_mmap(NULL, a + 1, PAGE_SIZE, PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) ==
	       (unsigned long)-EINVAL, "MAP_FIXED unaligned");
	KCHECK(do_mmap(NULL, 0, PAGE_SIZE, PROT_READ, MAP_ANONYMOUS, 0) ==
	       (unsigned long)-EINVAL, "neither shared nor private");
	KCHECK(do_mmap(NULL, a, PAGE_SIZE, PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, 0) ==
	       (unsigned long)-EEXIST, "MAP_FIXED_NOREPLACE over a mapping");
	KCHECK(do_mmap(NULL, 0, PAGE_SIZE, PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) ==
	       (unsigned long)-EPERM, "MAP_FIXED at page 0");
	KCHECK(sys_mprotect(a + 1, PAGE_SIZE, PROT_READ) == -EINVAL,
	       "mprotect unaligned");
	KCHECK(sys_mprotect(a, PAGE_SIZE, 0x40) == -EINVAL,
	       "mprotect with an unknown bit");
	KCHECK(sys_mprotect(page_addr(30), PAGE_SIZE, PROT_READ) == -ENOMEM,
	       "mprotect of nothing");
	KCHECK(sys_mprotect(a, 0, PROT_READ) == 0, "mprotect of length 0");
	do_munmap(a, 2 * PAGE_SIZE);
	KCHECK(!vmacheck(mm) && !mm->mmap, "all gone");
	kcase_end();
}

static void test_brk(struct mm_struct *mm)
{
	unsigned long start = page_addr(0) + 100;

	kcase_begin("mm_vma_brk_grows_shrinks_and_refuses");
	mm->start_brk = mm->brk = start;
	KCHECK(sys_brk(0) == (long)start, "brk(0) gives the break");
	KCHECK(sys_brk(start + 3 * PAGE_SIZE) == (long)(start + 3 * PAGE_SIZE),
	       "grow by three pages");
	*(volatile char *)(start + 3 * PAGE_SIZE - 1) = 1;
	KCHECK(find_vma(mm, start + 3 * PAGE_SIZE - 1) != NULL,
	       "the new break is mapped");
	KCHECK(sys_brk(start + 10) == (long)(start + 10), "shrink");
	KCHECK(!find_vma_intersection(mm, page_addr(1), page_addr(4)),
	       "pages above the break unmapped");
	map_anon(page_addr(8), 1, PROT_READ, MAP_FIXED);
	KCHECK(sys_brk(page_addr(8)) == (long)(start + 10),
	       "refused next to another mapping, break unchanged");
	KCHECK(!vmacheck(mm), "vmacheck");
	do_munmap(TEST_BASE, WINDOW_PAGES * PAGE_SIZE);
	mm->start_brk = mm->brk = 0;
	kcase_end();
}

static void test_open_close(struct mm_struct *mm)
{
	struct mm_struct *child;
	int ok = 1;

	kcase_begin("mm_vma_open_close_balance_like_shm_attaches");
	opened = closed = 0;
	map_anon(page_addr(0), 12, PROT_READ | PROT_WRITE, MAP_FIXED);
	find_vma(mm, page_addr(0))->vm_ops = &counting_ops;
	do_munmap(page_addr(4), PAGE_SIZE);		/* a hole */
	ok &= count_ops_vmas(mm) == 1 + opened - closed;
	sys_mprotect(page_addr(1), PAGE_SIZE, PROT_READ);	/* 2 cuts */
	ok &= count_ops_vmas(mm) == 1 + opened - closed;
	sys_mprotect(page_addr(1), PAGE_SIZE, PROT_READ | PROT_WRITE);
	ok &= count_ops_vmas(mm) == 1 + opened - closed;
	KCHECK(ok && count_ops_vmas(mm) == 2,
	       "pieces %d = 1 + opened %d - closed %d", count_ops_vmas(mm),
	       opened, closed);
	child = mm_alloc();
	KCHECK(child && !dup_mmap(child, mm) && opened - closed == 3,
	       "fork opens each piece: opened %d closed %d", opened, closed);
	if (child) {
		exit_mmap(child);
		mm_free(child);
	}
	do_munmap(TEST_BASE, WINDOW_PAGES * PAGE_SIZE);
	KCHECK(closed == opened + 1,
	       "every piece closed: opened %d closed %d", opened, closed);
	KCHECK(!vmacheck(mm) && !mm->mmap, "all gone");
	kcase_end();
}

/*
 * The model: each page of the window unmapped or mapped with a prot,
 * and the word the test last wrote in it (0: none).
 */
static int model_prot[WINDOW_PAGES];
static unsigned long model_data[WINDOW_PAGES];
static unsigned long rand_state = 1;

/* A number below n from a fixed-seed generator: every run is the same run. */
static unsigned long rnd(unsigned long n)
{
	rand_state = rand_state * 1103515245 + 12345;
	return (rand_state >> 16) % n;
}

static const int prots[] = { PROT_NONE, PROT_READ, PROT_WRITE,
			     PROT_READ | PROT_WRITE,
			     PROT_READ | PROT_WRITE | PROT_EXEC };

/*
 * One random step on pages [first, first + n) of the window: map, unmap,
 * mprotect or touch, with the model updated to what must now be true.
 */
static void random_op(int first, int n)
{
	int i, prot = prots[rnd(ARRAY_SIZE(prots))];

	switch (rnd(4)) {
	case 0:
		map_anon(page_addr(first), n, prot, MAP_FIXED);
		for (i = first; i < first + n; i++) {
			model_prot[i] = prot;
			model_data[i] = 0;
		}
		break;
	case 1:
		do_munmap(page_addr(first), n * PAGE_SIZE);
		for (i = first; i < first + n; i++)
			model_prot[i] = UNMAPPED;
		break;
	case 2: {
		int all_mapped = 1;
		long ret = sys_mprotect(page_addr(first), n * PAGE_SIZE, prot);

		for (i = first; i < first + n; i++)
			all_mapped &= model_prot[i] != UNMAPPED;
		KCHECK(ret == (all_mapped ? 0 : -ENOMEM),
		       "mprotect of %d pages at %d: %ld", n, first, ret);
		for (i = first; all_mapped && i < first + n; i++)
			model_prot[i] = prot;
		break;
	}
	default:	/* touch: write where allowed, else read where allowed */
		for (i = first; i < first + n; i++) {
			volatile unsigned long *p = (unsigned long *)page_addr(i);

			if (model_prot[i] != UNMAPPED &&
			    (model_prot[i] & PROT_WRITE)) {
				*p = page_addr(i) ^ rand_state;
				model_data[i] = *p;
			} else if (model_prot[i] != UNMAPPED &&
				   (model_prot[i] & PROT_READ)) {
				KCHECK(*p == model_data[i],
				       "page %d holds %08lx, read %08lx", i,
				       model_data[i], *p);
			}
		}
	}
}

/* Areas match the model page by page, and alike neighbours are merged. */
static int matches_model(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int i;

	if (vmacheck(mm))
		return 0;
	for (i = 0; i < WINDOW_PAGES; i++) {
		vma = find_vma(mm, page_addr(i));
		if (vma && vma->vm_start > page_addr(i))
			vma = NULL;
		if ((model_prot[i] == UNMAPPED) != !vma ||
		    (vma && (int)(vma->vm_flags & 7) != model_prot[i])) {
			printk("page %d: model %d, area flags %lx\n", i,
			       model_prot[i], vma ? vma->vm_flags : 0);
			return 0;
		}
	}
	for (vma = mm->mmap; vma && vma->vm_next; vma = vma->vm_next)
		if (vma->vm_end == vma->vm_next->vm_start &&
		    vma->vm_flags == vma->vm_next->vm_flags) {
			printk("areas %08lx and %08lx not merged\n",
			       vma->vm_start, vma->vm_next->vm_start);
			return 0;
		}
	return 1;
}

static void test_random(struct mm_struct *mm)
{
	int step, i;

	kcase_begin("mm_vma_random_mmap_munmap_mprotect_touch_match_model");
	for (i = 0; i < WINDOW_PAGES; i++)
		model_prot[i] = UNMAPPED;
	for (step = 0; step < RANDOM_OPS && !kcheck_case_failed; step++) {
		int first = rnd(WINDOW_PAGES);
		int n = 1 + rnd(min(8, WINDOW_PAGES - first));

		random_op(first, n);
		KCHECK(matches_model(mm), "step %d", step);
	}
	do_munmap(TEST_BASE, WINDOW_PAGES * PAGE_SIZE);
	KCHECK(!mm->mmap && mm->rss == 0, "empty again, rss %lu", mm->rss);
	kcase_end();
}

/*
 * test=mm_vma: areas split and merged by mmap, munmap, mprotect and brk,
 * open and close called once per piece, and a long random sequence
 * checked against a model; every page back at the end.
 */
void selftest_mm_vma(void)
{
	unsigned long before = nr_free_pages;
	struct mm_struct *mm = enter_test_mm();

	if (!mm) {
		kcase_begin("mm_vma_test_mm");
		KCHECK(0, "mm_alloc");
		kcase_end();
		return;
	}
	test_split_merge(mm);
	test_errors(mm);
	test_brk(mm);
	test_open_close(mm);
	test_random(mm);
	leave_test_mm(mm);
	kcase_begin("mm_vma_every_page_back");
	KCHECK(nr_free_pages == before, "free pages %lu, got %lu", before,
	       nr_free_pages);
	kcase_end();
}
