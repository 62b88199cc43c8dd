/*
 * selftest.c - memory management checked from inside the kernel
 * (test=mm_alloc,mm_fault,mm_vma,mm_bigmem on the command line).
 *
 * The address-space tests give the current task a fresh mm of its own
 * for the duration (enter_test_mm), map areas in it with do_mmap, and
 * touch them from the kernel through the user addresses: with CR0.WP set,
 * a kernel access faults exactly as a user one would, so the whole fault
 * path runs (do_page_fault -> do_no_page / do_wp_page).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <linux/selftest.h>
#include <linux/mm.h>
#include <asm/system.h>

#define TEST_BASE	0x20000000UL	/* where the tests map things */
#define MAX_BLOCKS	4096		/* held while RAM is exhausted */

static struct mm_struct *saved_mm;

/* Give current an empty mm of its own, and run on it. */
static struct mm_struct *enter_test_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	saved_mm = current->mm;
	current->mm = mm;
	activate_mm(mm);
	return mm;
}

/* Empty and free the test mm, and give current its own mm back. */
static void leave_test_mm(struct mm_struct *mm)
{
	exit_mmap(mm);
	current->mm = saved_mm;
	if (saved_mm)
		activate_mm(saved_mm);
	mm_free(mm);
}

/*
 * The pte that maps addr in mm, or NULL if it has no page table. The
 * barrier: a fault may have changed the tables since the compiler last
 * looked, and it cannot know.
 */
static pte_t *test_pte(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd;

	barrier();
	pmd = pmd_offset(pgd_offset(mm, addr), addr);

	return pmd_none(*pmd) ? NULL : pte_offset(pmd, addr);
}

/* The page (kernel virtual) mapped at addr in mm, or 0. */
static unsigned long mapped_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = test_pte(mm, addr);

	return pte && pte_present(*pte) ? pte_page(*pte) : 0;
}

static int page_count(unsigned long page)
{
	return virt_to_page(page)->count;
}

static unsigned long map_anon(unsigned long addr, unsigned long pages,
			      unsigned long prot, unsigned long flags)
{
	return do_mmap(NULL, addr, pages * PAGE_SIZE, prot,
		       flags | MAP_ANONYMOUS |
		       (flags & MAP_SHARED ? 0 : MAP_PRIVATE), 0);
}

static int count_vmas(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int n = 0;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		n++;
	return n;
}

/* ---- mm_alloc: the page allocator and kmalloc -------------------------- */

static struct block {
	unsigned long addr;
	int order;
} *blocks;
static int nr_blocks;

/* Take every block this priority may have, largest first, into blocks[]. */
static void take_all(int priority)
{
	unsigned long addr;
	int order;

	for (order = NR_MEM_LISTS - 1; order >= 0; order--)
		while (nr_blocks < MAX_BLOCKS &&
		       (addr = __get_free_pages(priority, order))) {
			blocks[nr_blocks].addr = addr;
			blocks[nr_blocks].order = order;
			nr_blocks++;
		}
}

static void give_all_back(void)
{
	while (nr_blocks) {
		nr_blocks--;
		free_pages(blocks[nr_blocks].addr, blocks[nr_blocks].order);
	}
}

static int alloc_block_table(void)
{
	nr_blocks = 0;
	blocks = kmalloc(MAX_BLOCKS * sizeof(*blocks), GFP_KERNEL);
	KCHECK(blocks, "room to record %d blocks", MAX_BLOCKS);
	return blocks != NULL;
}

static void test_exhaust(void)
{
	unsigned long before, held = 0;
	int i, twice = 0;

	kcase_begin("mm_alloc_exhaust_then_free_all_count_exact");
	if (!alloc_block_table()) {
		kcase_end();
		return;
	}
	before = nr_free_pages;
	take_all(GFP_KERNEL);
	KCHECK(nr_free_pages == min_free_pages,
	       "GFP_KERNEL leaves the %lu reserved pages, left %lu",
	       min_free_pages, nr_free_pages);
	take_all(GFP_ATOMIC);
	KCHECK(nr_free_pages == 0, "GFP_ATOMIC takes the rest, left %lu",
	       nr_free_pages);
	KCHECK(nr_blocks < MAX_BLOCKS, "fewer than %d blocks", MAX_BLOCKS);
	KCHECK(!__get_free_pages(GFP_ATOMIC, 0), "nothing once exhausted");
	for (i = 0; i < nr_blocks; i++) {
		held += 1UL << blocks[i].order;
		twice += page_count(blocks[i].addr) != 1;
	}
	KCHECK(held == before, "the blocks held add up to %lu pages, got %lu",
	       before, held);
	KCHECK(!twice, "every block has count 1 (%d do not)", twice);
	give_all_back();
	KCHECK(nr_free_pages == before, "all %lu pages back, got %lu", before,
	       nr_free_pages);
	kfree(blocks);
	kcase_end();
}

static void test_zeroed(void)
{
	unsigned long page = __get_free_page(GFP_KERNEL), again;

	kcase_begin("mm_alloc_get_free_page_zero_fills");
	KCHECK(page, "a page");
	if (page) {
		memset((void *)page, 0x5a, PAGE_SIZE);
		free_page(page);
		again = get_free_page(GFP_KERNEL);
		KCHECK(again == page, "the page just freed comes back first");
		KCHECK(((unsigned char *)again)[0] == 0 &&
		       ((unsigned char *)again)[PAGE_SIZE - 1] == 0,
		       "zero-filled");
		free_page(again);
	}
	kcase_end();
}

static void test_kmalloc(void)
{
	unsigned long before = nr_free_pages;
	size_t size;

	kcase_begin("mm_alloc_kmalloc_16_bytes_to_128k");
	for (size = 16; size <= 128 * 1024; size <<= 1) {
		unsigned char *a = kmalloc(size, GFP_KERNEL);
		unsigned char *b = kmalloc(size - 1, GFP_KERNEL);

		KCHECK(a && b, "kmalloc(%u) and kmalloc(%u)", (unsigned)size,
		       (unsigned)size - 1);
		if (!a || !b)
			break;
		KCHECK(((unsigned long)a & (size - 1)) == 0,
		       "kmalloc(%u) aligned to its size: %p", (unsigned)size, a);
		memset(a, 1, size);
		memset(b, 2, size - 1);
		KCHECK(a[size - 1] == 1 && b[0] == 2, "no overlap at %u",
		       (unsigned)size);
		kfree(a);
		kfree(b);
	}
	KCHECK(nr_free_pages == before, "all pages back: %lu, got %lu", before,
	       nr_free_pages);
	kcase_end();
}

void selftest_mm_alloc(void)
{
	test_exhaust();
	test_zeroed();
	test_kmalloc();
}

/* ---- mm_fault: demand paging, copy-on-write, unmapping ----------------- */

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
	(void)mm;
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

static void release_pool_page(void)
{
	free_page(pool[--pool_left]);
}

static void end_exhaustion(void)
{
	give_all_back();
	while (pool_left)
		release_pool_page();
	min_free_pages = saved_min_free;
	kfree(blocks);
}

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

static int try_shared_mmap(struct mm_struct *mm)
{
	unsigned long addr = map_anon(0, 4, PROT_READ | PROT_WRITE,
				      MAP_SHARED);

	(void)mm;
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

/* ---- mm_vma: splits, merges, open/close -------------------------------- */

#define WINDOW_PAGES	48
#define RANDOM_OPS	1500
#define UNMAPPED	(-1)

static int opened, closed;

static void count_open(struct vm_area_struct *vma)
{
	(void)vma;
	opened++;
}

static void count_close(struct vm_area_struct *vma)
{
	(void)vma;
	closed++;
}

/* Like shm: each piece of an area holds one "attach". */
static struct vm_operations_struct counting_ops = {
	.open = count_open,
	.close = count_close,
};

static int count_ops_vmas(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int n = 0;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		n += vma->vm_ops == &counting_ops;
	return n;
}

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

static unsigned long rnd(unsigned long n)
{
	rand_state = rand_state * 1103515245 + 12345;
	return (rand_state >> 16) % n;
}

static const int prots[] = { PROT_NONE, PROT_READ, PROT_WRITE,
			     PROT_READ | PROT_WRITE,
			     PROT_READ | PROT_WRITE | PROT_EXEC };

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

/* ---- mm_bigmem: the top of RAM ----------------------------------------- */

void selftest_mm_bigmem(void)
{
	unsigned long addr, top = 0, before;
	pmd_t *pmd;
	int i;

	kcase_begin("mm_bigmem_direct_map_covers_ram_and_stops_there");
	for (addr = PAGE_OFFSET; addr < high_memory; addr += PGDIR_SIZE)
		KCHECK(pgd_val(*pgd_offset_k(addr)) & _PAGE_PRESENT,
		       "%08lx is mapped", addr);
	pmd = pmd_offset(pgd_offset_k(high_memory), high_memory);
	KCHECK(high_memory >= PAGE_OFFSET + MAX_DIRECT_MEM || pmd_none(*pmd) ||
	       pte_none(*pte_offset(pmd, high_memory)),
	       "nothing mapped at high_memory %08lx", high_memory);
	kcase_end();

	kcase_begin("mm_bigmem_highest_page_holds_data");
	if (!alloc_block_table()) {
		kcase_end();
		return;
	}
	before = nr_free_pages;
	take_all(GFP_ATOMIC);
	for (i = 0; i < nr_blocks; i++) {
		addr = blocks[i].addr + (PAGE_SIZE << blocks[i].order) -
		       PAGE_SIZE;
		if (addr > top)
			top = addr;
	}
	KCHECK(top >= high_memory - (high_memory - PAGE_OFFSET) / 16,
	       "a page near the top of RAM: %08lx, RAM ends at %08lx", top,
	       high_memory);
	memset((void *)top, 0xa5, PAGE_SIZE);
	KCHECK(((unsigned char *)top)[PAGE_SIZE - 1] == 0xa5,
	       "the top page keeps what was written");
	give_all_back();
	KCHECK(nr_free_pages == before, "all back: %lu, got %lu", before,
	       nr_free_pages);
	kfree(blocks);
	kcase_end();
}
