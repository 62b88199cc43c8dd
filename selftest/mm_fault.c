/*
 * mm_fault.c - demand paging, copy-on-write, unmapping, user access
 * and running out of memory, checked from inside the kernel
 * (test=mm_fault).
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

static void test_demand_zero(struct mm_struct *mm, unsigned long addr)
{
	volatile unsigned long *p = (unsigned long *)addr;
	unsigned long rss = mm->rss;

	kcase_begin("mm_fault_demand_zero_pages");
	KCHECK(!mapped_page(mm, addr), "nothing mapped before the touch");
	KCHECK(p[0] == 0, "a read of a new page gives 0");
	KCHECK(mapped_page(mm, addr), "the read mapped a page");
	p[1] = 0x1234;		/* writable without a second fault */
	p[PAGE_SIZE / sizeof(long)] = 0x5678;
	KCHECK(p[1] == 0x1234 && p[PAGE_SIZE / sizeof(long)] == 0x5678,
	       "writes land");
	KCHECK(mm->rss == rss + 2, "rss %lu, got %lu", rss + 2, mm->rss);
	KCHECK(page_count(mapped_page(mm, addr)) == 1, "count 1, got %d",
	       page_count(mapped_page(mm, addr)));
	kcase_end();
}

/* After fork: private pages copy on write, shared ones stay shared. */
static void test_cow(struct mm_struct *mm, unsigned long priv,
		     unsigned long shared)
{
	struct mm_struct *child = mm_alloc();
	unsigned long page, copy;
	pte_t *pte;

	kcase_begin("mm_fault_fork_shares_private_pages_read_only");
	KCHECK(child && !dup_mmap(child, mm), "dup_mmap");
	if (!child) {
		kcase_end();
		return;
	}
	page = mapped_page(mm, priv);
	KCHECK(page && mapped_page(child, priv) == page,
	       "the child maps the parent's page");
	KCHECK(page_count(page) == 2, "count 2, got %d", page_count(page));
	pte = test_pte(mm, priv);
	KCHECK(!pte_write(*pte) && !pte_write(*test_pte(child, priv)),
	       "both read-only");
	KCHECK(!vmacheck(child) && count_vmas(child) == count_vmas(mm),
	       "the child's areas are a consistent copy");
	kcase_end();

	kcase_begin("mm_fault_write_copies_when_shared");
	*(volatile unsigned long *)(priv + 8) = 0xC0FFEE;
	copy = mapped_page(mm, priv);
	KCHECK(copy && copy != page, "the parent got its own copy");
	KCHECK(page_count(page) == 1 && page_count(copy) == 1,
	       "counts 1 and 1, got %d and %d", page_count(page),
	       page_count(copy));
	KCHECK(((unsigned long *)page)[2] == 0 &&
	       ((unsigned long *)page)[1] == 0x1234,
	       "the child's page is unchanged");
	KCHECK(((unsigned long *)copy)[2] == 0xC0FFEE &&
	       ((unsigned long *)copy)[1] == 0x1234,
	       "the copy has the old data and the write");
	kcase_end();

	kcase_begin("mm_fault_write_reuses_when_last_user");
	current->mm = child;
	activate_mm(child);
	*(volatile unsigned long *)(priv + 8) = 0xBEEF;
	KCHECK(mapped_page(child, priv) == page, "no copy: count was 1");
	KCHECK(pte_write(*test_pte(child, priv)), "now writable");
	current->mm = mm;
	activate_mm(mm);
	kcase_end();

	kcase_begin("mm_fault_shared_pages_stay_shared_across_fork");
	page = mapped_page(mm, shared);
	KCHECK(page && mapped_page(child, shared) == page &&
	       page_count(page) == 2, "one page, count 2");
	*(volatile unsigned long *)shared = 0xABCD;
	KCHECK(mapped_page(mm, shared) == page && *(unsigned long *)page ==
	       0xABCD, "a write goes to the shared page, no copy");
	kcase_end();

	kcase_begin("mm_fault_exit_of_child_drops_its_references");
	exit_mmap(child);
	mm_free(child);
	KCHECK(page_count(page) == 1, "shared page count 1 again, got %d",
	       page_count(page));
	KCHECK(page_count(mapped_page(mm, priv + PAGE_SIZE)) == 1,
	       "second private page count 1 again");
	kcase_end();
}

static void test_unmap(struct mm_struct *mm, unsigned long addr)
{
	unsigned long before = nr_free_pages, rss = mm->rss;

	kcase_begin("mm_fault_munmap_frees_pages");
	KCHECK(do_munmap(addr, PAGE_SIZE) == 0, "munmap one page");
	KCHECK(!mapped_page(mm, addr), "pte cleared");
	KCHECK(nr_free_pages == before + 1 && mm->rss == rss - 1,
	       "one page free, rss down by one (free %lu -> %lu, rss %lu)",
	       before, nr_free_pages, mm->rss);
	kcase_end();
}

static void test_stack_growth(void)
{
	unsigned long top = TEST_BASE + 0x100000;
	unsigned long stack = map_anon(top - PAGE_SIZE, 1,
				       PROT_READ | PROT_WRITE,
				       MAP_FIXED | MAP_GROWSDOWN);
	struct vm_area_struct *vma;

	kcase_begin("mm_fault_stack_grows_down");
	KCHECK(stack == top - PAGE_SIZE, "stack mapped, got %08lx", stack);
	*(volatile char *)(top - 3 * PAGE_SIZE + 5) = 1;
	vma = find_vma(current->mm, top - 1);
	KCHECK(vma && vma->vm_start == top - 3 * PAGE_SIZE,
	       "the area now starts two pages lower, at %08lx",
	       vma ? vma->vm_start : 0);
	kcase_end();
}

static void test_uaccess(struct mm_struct *mm)
{
	unsigned long rw = map_anon(TEST_BASE + 0x200000, 2,
				    PROT_READ | PROT_WRITE, MAP_FIXED);
	unsigned long ro = map_anon(TEST_BASE + 0x300000, 1, PROT_READ,
				    MAP_FIXED);
	unsigned long hole = rw + 2 * PAGE_SIZE, v = 0;
	char buf[16];

	kcase_begin("mm_uaccess_bad_pointers_give_efault");
	KCHECK(memcpy_tofs((void *)hole, "x", 1) == -EFAULT,
	       "write to nothing");
	KCHECK(memcpy_tofs((void *)ro, "x", 1) == -EFAULT,
	       "write to a read-only area");
	KCHECK(memcpy_fromfs(buf, (void *)hole, 4) == -EFAULT,
	       "read from nothing");
	KCHECK(memcpy_tofs((void *)TASK_SIZE, "x", 1) == -EFAULT &&
	       memcpy_fromfs(buf, (void *)(TASK_SIZE - 2), 4) == -EFAULT,
	       "kernel addresses refused");
	KCHECK(get_fs_long((void *)hole, &v) == -EFAULT &&
	       put_fs_long(1, (void *)ro) == -EFAULT, "get/put_fs_long");
	KCHECK(put_fs_long(0x11223344, (void *)rw) == 0 &&
	       get_fs_long((void *)rw, &v) == 0 && v == 0x11223344,
	       "put_fs_long then get_fs_long round trip, got %08lx", v);
	kcase_end();

	kcase_begin("mm_uaccess_partial_copies");
	memset(buf, 0x7f, sizeof(buf));
	KCHECK(memcpy_tofs((void *)(hole - 4), "abcdefgh", 8) == -EFAULT,
	       "a write running off the area fails");
	KCHECK(!memcmp((void *)(hole - 4), "abcd", 4),
	       "the bytes before the hole were written");
	KCHECK(memcpy_fromfs(buf, (void *)(hole - 4), 8) == -EFAULT &&
	       !memcmp(buf, "abcd\0\0\0\0", 8),
	       "a read running off the area zero-fills the rest");
	kcase_end();

	kcase_begin("mm_uaccess_strncpy_fromfs");
	memcpy((void *)(hole - 6), "hello", 6);
	KCHECK(strncpy_fromfs(buf, (void *)(hole - 6), sizeof(buf)) == 5 &&
	       !strcmp(buf, "hello"), "a string ending at the area's end");
	memcpy((void *)(hole - 3), "abc", 3);
	KCHECK(strncpy_fromfs(buf, (void *)(hole - 3), sizeof(buf)) == -EFAULT,
	       "a string running into nothing");
	memcpy((void *)(rw + PAGE_SIZE - 2), "wxyz", 5);
	KCHECK(strncpy_fromfs(buf, (void *)(rw + PAGE_SIZE - 2), 16) == 4 &&
	       !strcmp(buf, "wxyz"), "a string across two pages");
	KCHECK(strncpy_fromfs(buf, (void *)(rw + PAGE_SIZE - 2), 4) ==
	       -ENAMETOOLONG, "no NUL within max");
	kcase_end();

	kcase_begin("mm_uaccess_verify_area");
	KCHECK(verify_area(VERIFY_WRITE, (void *)rw, 2 * PAGE_SIZE) == 0,
	       "a writable area");
	KCHECK(verify_area(VERIFY_WRITE, (void *)ro, 1) == -EFAULT,
	       "write to a read-only area");
	KCHECK(verify_area(VERIFY_READ, (void *)ro, 1) == 0, "read it");
	KCHECK(verify_area(VERIFY_READ, (void *)rw, 3 * PAGE_SIZE) == -EFAULT,
	       "running into a hole");
	kcase_end();
}

/*
 * Out of memory. Every page but a small pool is taken (and the
 * GFP_ATOMIC reserve lifted), then the pool's pages are given back one
 * at a time: whatever fails for want of memory on the way must fail
 * with -ENOMEM and leave everything as it was.
 */
#define OOM_POOL	64

static unsigned long pool[OOM_POOL];
static int pool_left;
static unsigned long saved_min_free;

/*
 * Take every free page but OOM_POOL of them, which are held in pool[]
 * to be given back one by one; the GFP_ATOMIC reserve is lifted so that
 * nothing is left over. 0 if the block table could not be made.
 */
static int exhaust_but_pool(void)
{
	if (!alloc_block_table())
		return 0;
	for (pool_left = 0; pool_left < OOM_POOL; pool_left++)
		pool[pool_left] = __get_free_page(GFP_KERNEL);
	saved_min_free = min_free_pages;
	min_free_pages = 0;
	take_all(GFP_ATOMIC);
	return 1;
}

/* One more free page for the next attempt. */
static void release_pool_page(void)
{
	free_page(pool[--pool_left]);
}

/* Give everything back and restore the reserve. */
static void end_exhaustion(void)
{
	give_all_back();
	while (pool_left)
		release_pool_page();
	min_free_pages = saved_min_free;
	kfree(blocks);
}

/* What fork does to memory: dup_mmap into a new mm, then drop it. */
static int try_fork(struct mm_struct *mm)
{
	struct mm_struct *child = mm_alloc();
	int error;

	if (!child)
		return -ENOMEM;
	error = dup_mmap(child, mm);
	exit_mmap(child);
	mm_free(child);
	return error;
}

/* A shared anonymous mapping of four pages (allocated at once), unmapped. */
static int try_shared_mmap(struct mm_struct *mm)
{
	unsigned long addr = map_anon(0, 4, PROT_READ | PROT_WRITE,
				      MAP_SHARED);

	if (IS_ERR_VALUE(addr))
		return addr;
	return do_munmap(addr, 4 * PAGE_SIZE);
}

/* Give attempt 0, 1, 2, ... pages until it works. */
static void fails_cleanly(const char *name,
			  int (*attempt)(struct mm_struct *),
			  struct mm_struct *mm)
{
	int failures = 0, clean = 1, error = -ENOMEM;

	kcase_begin(name);
	attempt(mm);	/* once with memory: page tables it keeps are made */
	if (!exhaust_but_pool()) {
		kcase_end();
		return;
	}
	while (pool_left) {
		unsigned long before = nr_free_pages;

		error = attempt(mm);
		clean &= (!error || error == -ENOMEM) &&
			 nr_free_pages == before && !vmacheck(mm);
		if (!error)
			break;
		failures++;
		release_pool_page();
	}
	end_exhaustion();
	KCHECK(failures > 0, "it fails at first for want of memory");
	KCHECK(!error, "and works once there is enough (%d pages)", failures);
	KCHECK(clean, "failing with -ENOMEM, and changing nothing");
	kcase_end();
}

static void test_out_of_memory(struct mm_struct *mm, unsigned long addr)
{
	struct mm_struct *child = mm_alloc();
	unsigned long page, old, x = 0x600D;

	fails_cleanly("mm_oom_fork_fails_cleanly", try_fork, mm);
	fails_cleanly("mm_oom_shared_mmap_fails_cleanly", try_shared_mmap, mm);

	kcase_begin("mm_oom_cow_fault_from_kernel_is_efault");
	KCHECK(child && !dup_mmap(child, mm), "fork");
	page = mapped_page(mm, addr);
	old = *(unsigned long *)page;
	if (child && exhaust_but_pool()) {
		KCHECK(memcpy_tofs((void *)addr, &x, sizeof(x)) == -EFAULT,
		       "no page for the copy: EFAULT");
		KCHECK(mapped_page(mm, addr) == page && page_count(page) == 2 &&
		       !pte_write(*test_pte(mm, addr)) &&
		       *(unsigned long *)page == old,
		       "the shared page untouched and still shared");
		end_exhaustion();
		KCHECK(memcpy_tofs((void *)addr, &x, sizeof(x)) == 0 &&
		       mapped_page(mm, addr) != page,
		       "with memory back, the write copies");
	}
	if (child) {
		exit_mmap(child);
		mm_free(child);
	}
	kcase_end();
}

/*
 * test=mm_fault: a private and a shared mapping in a test mm, touched
 * from the kernel so that the real fault path runs; every page is given
 * back when the mm goes.
 */
void selftest_mm_fault(void)
{
	unsigned long before = nr_free_pages, priv, shared;
	struct mm_struct *mm = enter_test_mm();

	kcase_begin("mm_fault_test_mm_and_mappings");
	KCHECK(mm, "mm_alloc");
	if (!mm) {
		kcase_end();
		return;
	}
	priv = map_anon(0, 2, PROT_READ | PROT_WRITE, 0);
	shared = map_anon(0, 1, PROT_READ | PROT_WRITE, MAP_SHARED);
	KCHECK(!IS_ERR_VALUE(priv) && !IS_ERR_VALUE(shared),
	       "private and shared mappings: %08lx %08lx", priv, shared);
	KCHECK(!vmacheck(mm), "vmacheck");
	KCHECK(mapped_page(mm, shared), "shared memory is there at once");
	kcase_end();
	if (IS_ERR_VALUE(priv) || IS_ERR_VALUE(shared)) {
		leave_test_mm(mm);
		return;
	}
	test_demand_zero(mm, priv);
	test_cow(mm, priv, shared);
	test_unmap(mm, priv);
	test_stack_growth();
	test_uaccess(mm);
	test_out_of_memory(mm, priv + PAGE_SIZE);

	kcase_begin("mm_fault_exit_returns_every_page");
	leave_test_mm(mm);
	KCHECK(nr_free_pages == before, "free pages %lu, got %lu", before,
	       nr_free_pages);
	kcase_end();
}
