/*
 * test_shm_at - shmat(): where a segment is attached, and how.
 *
 * Covers LTP shmat01-04 and shmt03/05/08/09: attaching at a kernel-chosen,
 * an aligned and a SHM_RND-rounded address; the EINVAL cases; SHM_RDONLY
 * (a write is SIGSEGV with si_code SEGV_ACCERR); SHM_REMAP over a live
 * mapping; never attaching at page 0; the break; and the nattch leak that
 * mprotect splits once caused.
 */
#include <sys/mman.h>

#include "shm_test.h"

/* Attach, check address, nattch and segsz, then a child writes through
 * the attach and the parent sees it (LTP shmat01 cases 1-3). */
static void attach_and_write(int id, const void *want, char *got)
{
	struct abi_shmid64_ds ds;
	int status;

	CHECK(got != (void *)-1, "shmat succeeds, errno %d", errno);
	if (got == (void *)-1)
		return;
	if (want)
		CHECK(got == want, "attached at %p, got %p", want, got);
	CHECK(got != NULL && page_aligned(got),
	      "a non-null page-aligned address, got %p", got);
	CHECK(stat64_of(id, &ds) == 0 && ds.shm_nattch == 1 &&
	      ds.shm_segsz == 4, "nattch 1 and segsz 4, got %u and %u",
	      ds.shm_nattch, ds.shm_segsz);
	status = probe_write(got, 10, 0);
	CHECK(write_went_through(status), "a child's write works: %s",
	      write_outcome(status));
	CHECK(*got == 10, "the parent sees the child's write, got %d", *got);
	CHECK_OK(shmdt(got));
}

static void test_null_addr(void)
{
	int id;

	case_begin("at_null_addr");
	id = seg_new(4);
	attach_and_write(id, NULL, shmat(id, NULL, 0));
	seg_rm(id);
	case_end();
}

static void test_aligned_addr(void)
{
	char *aligned = probe_free_addr(2);
	int id;

	case_begin("at_aligned_addr");
	id = seg_new(4);
	CHECK(aligned != NULL, "a free address to attach at");
	if (aligned)
		attach_and_write(id, aligned, shmat(id, aligned, 0));
	seg_rm(id);
	case_end();
}

/* SHM_RND rounds an unaligned address down to SHMLBA. */
static void test_rnd_rounds_down(void)
{
	char *aligned = probe_free_addr(2);
	int id;

	case_begin("at_rnd_rounds_down");
	id = seg_new(4);
	CHECK(aligned != NULL, "a free address to attach at");
	if (aligned)
		attach_and_write(id, aligned,
				 shmat(id, aligned + ABI_SHMLBA - 1, SHM_RND));
	seg_rm(id);
	case_end();
}

/* Without SHM_RND an unaligned address is EINVAL (shmat02, shmt05). */
static void test_unaligned_einval(void)
{
	char *aligned = probe_free_addr(2);
	int id;

	case_begin("at_unaligned_einval");
	id = seg_new(PAGE_SIZE);
	CHECK(aligned != NULL, "a free address to attach at");
	if (aligned) {
		CHECK_ERR(shmat(id, aligned + ABI_SHMLBA - 1, 0), EINVAL);
		CHECK_ERR(shmat(id, aligned + 8, 0), EINVAL);
		CHECK_ERR(sys_shmat(id, aligned + 8, 0), EINVAL);
		CHECK(nattch_of(id) == 0, "nothing attached, nattch %ld",
		      nattch_of(id));
	}
	seg_rm(id);
	case_end();
}

/* An id that never existed, or no longer exists, is EINVAL. */
static void test_bad_id_einval(void)
{
	unsigned long raddr;
	int id;

	case_begin("at_bad_id_einval");
	CHECK_ERR(shmat(-1, NULL, 0), EINVAL);
	CHECK_ERR(sys_shmat(-1, NULL, 0), EINVAL);
	id = seg_new(PAGE_SIZE);
	seg_rm(id);
	CHECK_ERR(shmat(id, NULL, 0), EINVAL);
	CHECK_ERR(ipc_shmat(id, NULL, 0, &raddr), EINVAL);
	CHECK_ERR(sys_shmat(id, NULL, 0), EINVAL);
	case_end();
}

/*
 * SHM_RDONLY: reads see the data, a write is SIGSEGV (shmat01 case 4).
 * The page is already present (written through a second, writable
 * attach), so this is the protection check, not the no-page path.
 */
static void test_rdonly_write_segv(void)
{
	char *rw, *ro;
	int id, status;

	case_begin("at_rdonly_write_segv");
	id = seg_new(PAGE_SIZE);
	rw = shmat(id, NULL, 0);
	ro = shmat(id, NULL, SHM_RDONLY);
	CHECK(rw != (void *)-1 && ro != (void *)-1, "two attaches, errno %d",
	      errno);
	if (rw != (void *)-1 && ro != (void *)-1) {
		strcpy(rw, "read-only view");
		CHECK(strcmp(ro, "read-only view") == 0,
		      "the read-only attach reads the data, got \"%.20s\"", ro);
		status = probe_write(ro + 100, 1, 0);
		CHECK(write_killed_by_segv(status),
		      "a write through SHM_RDONLY kills the child with "
		      "SIGSEGV: %s", write_outcome(status));
		status = probe_write(ro + 100, 1, SEGV_ACCERR);
		CHECK(write_segv_as_expected(status),
		      "the handler sees si_addr %p and SEGV_ACCERR: %s",
		      ro + 100, write_outcome(status));
		CHECK(rw[100] == 0, "the segment unchanged, got %d", rw[100]);
	}
	if (rw != (void *)-1)
		shmdt(rw);
	if (ro != (void *)-1)
		shmdt(ro);
	seg_rm(id);
	case_end();
}

/* The same on a page nobody has touched: the fault path must still
 * refuse the write rather than map the page writable. */
static void test_rdonly_untouched_segv(void)
{
	char *ro;
	int id, status;

	case_begin("at_rdonly_untouched_segv");
	id = seg_new(2 * PAGE_SIZE);
	ro = shmat(id, NULL, SHM_RDONLY);
	CHECK(ro != (void *)-1, "attach read-only, errno %d", errno);
	if (ro != (void *)-1) {
		status = probe_write(ro + PAGE_SIZE + 7, 1, SEGV_ACCERR);
		CHECK(write_segv_as_expected(status),
		      "SIGSEGV at %p with SEGV_ACCERR: %s", ro + PAGE_SIZE + 7,
		      write_outcome(status));
		CHECK(ro[PAGE_SIZE + 7] == 0, "reads 0 afterwards, got %d",
		      ro[PAGE_SIZE + 7]);
		shmdt(ro);
	}
	seg_rm(id);
	case_end();
}

/*
 * LTP shmat03: SHM_RND may not round down to page 0 when SHM_REMAP asks
 * for that exact place. (1.2.13 had no such guard.)
 */
static void test_page0_rnd_remap_einval(void)
{
	void *p;
	int id;

	case_begin("at_page0_rnd_remap_einval");
	id = seg_new(PAGE_SIZE);
	errno = 0;
	p = shmat(id, (void *)1, SHM_RND | ABI_SHM_REMAP);
	CHECK(p == (void *)-1 && errno == EINVAL,
	      "EINVAL for (void *)1 with SHM_RND|SHM_REMAP, got %p errno %d",
	      p, errno);
	if (p != (void *)-1)
		shmdt(p);
	errno = 0;
	p = shmat(id, (void *)(ABI_SHMLBA - 1), SHM_RND | ABI_SHM_REMAP);
	CHECK(p == (void *)-1 && errno == EINVAL,
	      "EINVAL for SHMLBA-1 with SHM_RND|SHM_REMAP, got %p errno %d",
	      p, errno);
	if (p != (void *)-1)
		shmdt(p);
	seg_rm(id);
	case_end();
}

/* SHM_REMAP needs an address to remap. */
static void test_null_remap_einval(void)
{
	int id;

	case_begin("at_null_remap_einval");
	id = seg_new(PAGE_SIZE);
	CHECK_ERR(shmat(id, NULL, ABI_SHM_REMAP), EINVAL);
	CHECK_ERR(sys_shmat(id, NULL, ABI_SHM_REMAP), EINVAL);
	seg_rm(id);
	case_end();
}

/* Attaching over anything already mapped, without SHM_REMAP: EINVAL. */
static void test_overlap_einval(void)
{
	char *addr = probe_free_addr(2);
	char *p = (void *)-1;
	int a, b;

	case_begin("at_overlap_einval");
	a = seg_new(2 * PAGE_SIZE);
	b = seg_new(PAGE_SIZE);
	if (addr)
		p = shmat(a, addr, 0);
	CHECK(p == addr, "attach at %p, got %p errno %d", addr, p, errno);
	if (p == addr) {
		CHECK_ERR(shmat(b, addr, 0), EINVAL);
		CHECK_ERR(shmat(b, addr + PAGE_SIZE, 0), EINVAL);
		CHECK(nattch_of(b) == 0, "b not attached, nattch %ld",
		      nattch_of(b));
		CHECK(nattch_of(a) == 1, "a attached once, nattch %ld",
		      nattch_of(a));
		shmdt(p);
	}
	seg_rm(a);
	seg_rm(b);
	case_end();
}

/*
 * SHM_REMAP over a live shm attach replaces it: the address now shows the
 * second segment, and the first lost its attach (nattch 0).
 */
static void test_remap_over_shm(void)
{
	char *addr = probe_free_addr(2);
	char *p = (void *)-1, *q = (void *)-1;
	int a, b;

	case_begin("at_remap_over_shm");
	a = seg_new(2 * PAGE_SIZE);
	b = seg_new(2 * PAGE_SIZE);
	if (addr)
		p = shmat(a, addr, 0);
	CHECK(p == addr, "attach a at %p, got %p errno %d", addr, p, errno);
	if (p == addr) {
		strcpy(p, "segment a");
		q = shmat(b, addr, ABI_SHM_REMAP);
		CHECK(q == addr, "SHM_REMAP attaches b at %p, got %p errno %d",
		      addr, q, errno);
	}
	if (q == addr) {
		CHECK(q[0] == 0, "the address shows b (zeros), got \"%.10s\"",
		      q);
		CHECK(nattch_of(a) == 0, "a lost its attach, nattch %ld",
		      nattch_of(a));
		CHECK(nattch_of(b) == 1, "b attached once, nattch %ld",
		      nattch_of(b));
		CHECK_OK(shmdt(q));
		CHECK(nattch_of(b) == 0, "b detached, nattch %ld",
		      nattch_of(b));
	} else if (p == addr) {
		shmdt(p);
	}
	seg_rm(a);
	seg_rm(b);
	case_end();
}

/* SHM_REMAP over an anonymous mapping: the old contents are gone. */
static void test_remap_over_mmap(void)
{
	char *addr = probe_free_addr(2);
	char *m = MAP_FAILED, *q;
	int id;

	case_begin("at_remap_over_mmap");
	id = seg_new(2 * PAGE_SIZE);
	if (addr)
		m = mmap(addr, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(m == addr, "mmap at %p, got %p errno %d", addr, m, errno);
	if (m == addr) {
		memset(m, 0x5a, 2 * PAGE_SIZE);
		CHECK_ERR(shmat(id, addr, 0), EINVAL);
		q = shmat(id, addr, ABI_SHM_REMAP);
		CHECK(q == addr, "SHM_REMAP over the mapping at %p, got %p "
		      "errno %d", addr, q, errno);
		if (q == addr) {
			CHECK(q[0] == 0 && q[2 * PAGE_SIZE - 1] == 0,
			      "the segment's zeros, not 0x5a: got 0x%x, 0x%x",
			      q[0] & 0xff, q[2 * PAGE_SIZE - 1] & 0xff);
			CHECK_OK(shmdt(q));
			/* The range is free now: a plain attach fits. */
			q = shmat(id, addr, 0);
			CHECK(q == addr, "the range is free after shmdt, got "
			      "%p errno %d", q, errno);
			if (q != (void *)-1)
				shmdt(q);
		} else {
			munmap(m, 2 * PAGE_SIZE);
		}
	}
	seg_rm(id);
	case_end();
}

/*
 * LTP shmt03/shmt08: one process attaches one segment twice; the two
 * addresses differ, see each other's writes, count as two attaches, and
 * detach one at a time.
 */
static void test_twice_in_one_process(void)
{
	size_t size = 3 * PAGE_SIZE;
	char *p, *q;
	int id;

	case_begin("at_twice_in_one_process");
	id = seg_new(size);
	p = shmat(id, NULL, 0);
	q = shmat(id, NULL, 0);
	CHECK(p != (void *)-1 && q != (void *)-1, "two attaches, errno %d",
	      errno);
	if (p != (void *)-1 && q != (void *)-1) {
		CHECK(q + size <= p || p + size <= q,
		      "disjoint ranges, got %p and %p", p, q);
		strcpy(p + 2 * PAGE_SIZE, "written through p");
		CHECK(strcmp(q + 2 * PAGE_SIZE, "written through p") == 0,
		      "q sees p's write");
		CHECK(nattch_of(id) == 2, "nattch 2, got %ld", nattch_of(id));
		CHECK_OK(shmdt(p));
		CHECK(nattch_of(id) == 1, "nattch 1, got %ld", nattch_of(id));
		CHECK(strcmp(q + 2 * PAGE_SIZE, "written through p") == 0,
		      "q still reads the data");
		CHECK_OK(shmdt(q));
		CHECK(nattch_of(id) == 0, "nattch 0, got %ld", nattch_of(id));
	}
	seg_rm(id);
	case_end();
}

/*
 * A segment whose size is not a page multiple is mapped in whole pages:
 * the last byte of its last page is there to use.
 */
static void test_partial_last_page(void)
{
	char *p, *q;
	int id;

	case_begin("at_partial_last_page");
	id = seg_new(5000);
	p = shmat(id, NULL, 0);
	q = shmat(id, NULL, 0);
	CHECK(p != (void *)-1 && q != (void *)-1, "two attaches, errno %d",
	      errno);
	if (p != (void *)-1 && q != (void *)-1) {
		p[2 * PAGE_SIZE - 1] = 77;
		CHECK(q[2 * PAGE_SIZE - 1] == 77,
		      "byte 8191 of a 5000-byte segment is shared, got %d",
		      q[2 * PAGE_SIZE - 1]);
	}
	if (p != (void *)-1)
		shmdt(p);
	if (q != (void *)-1)
		shmdt(q);
	seg_rm(id);
	case_end();
}

/*
 * The three ways in: libc, ipc(117) SHMAT (address stored through
 * `third', return value 0) and shmat(397) (returns the address).
 */
static void test_entry_paths(void)
{
	unsigned long raddr = 0;
	char *p, *q;
	long r;
	int id;

	case_begin("at_entry_paths");
	id = seg_new(PAGE_SIZE);
	r = ipc_shmat(id, NULL, 0, &raddr);
	CHECK(r == 0, "ipc(117) SHMAT returns 0, got %ld errno %d", r, errno);
	p = (char *)raddr;
	CHECK(r == 0 && p != NULL && page_aligned(p),
	      "and stores a page-aligned address, got %p", p);
	q = sys_shmat(id, NULL, 0);
	CHECK(q != (void *)-1 && page_aligned(q) && q != p,
	      "shmat(397) returns a second address, got %p errno %d", q,
	      errno);
	if (r == 0 && q != (void *)-1) {
		strcpy(q, "via 397");
		CHECK(strcmp(p, "via 397") == 0, "both see the same page");
	}
	CHECK(nattch_of(id) == 2, "nattch 2, got %ld", nattch_of(id));
	if (r == 0)
		CHECK_OK(ipc_shmdt(p));
	if (q != (void *)-1)
		CHECK_OK(sys_shmdt(q));
	CHECK(nattch_of(id) == 0, "nattch 0, got %ld", nattch_of(id));
	seg_rm(id);
	case_end();
}

/* shmat sets atime and lpid; shmget had left them 0. */
static void test_atime_lpid(void)
{
	struct abi_shmid64_ds ds;
	long t0, t1;
	char *p;
	int id;

	case_begin("at_atime_lpid");
	id = seg_new(PAGE_SIZE);
	t0 = now();
	p = shmat(id, NULL, 0);
	t1 = now();
	CHECK(p != (void *)-1, "attach, errno %d", errno);
	if (p != (void *)-1 && stat64_of(id, &ds) == 0) {
		CHECK((long)ds.shm_atime >= t0 && (long)ds.shm_atime <= t1,
		      "atime in [%ld, %ld], got %u", t0, t1, ds.shm_atime);
		CHECK(ds.shm_lpid == getpid(), "lpid %d, got %d", getpid(),
		      ds.shm_lpid);
		CHECK(ds.shm_dtime == 0, "dtime still 0, got %u",
		      ds.shm_dtime);
	}
	if (p != (void *)-1)
		shmdt(p);
	seg_rm(id);
	case_end();
}

/*
 * LTP shmt09: the heap and an attach may not overlap. Below the break is
 * the heap (EINVAL); just above it an attach fits; then the break cannot
 * grow into the attach (ENOMEM).
 */
static void test_brk_interplay(void)
{
	unsigned long top;
	char *start, *brk_end, *above, *p;
	int id;

	case_begin("at_brk_interplay");
	id = seg_new(PAGE_SIZE);
	start = sbrk(0);
	if (start == (void *)-1 || sbrk(2 * PAGE_SIZE) == (void *)-1) {
		FAIL("sbrk to grow the heap two pages: errno %d", errno);
		seg_rm(id);
		case_end();
		return;
	}
	brk_end = sbrk(0);
	top = ((unsigned long)brk_end - 1) & ~(PAGE_SIZE - 1);
	CHECK_ERR(shmat(id, (void *)top, 0), EINVAL);
	above = (char *)(((unsigned long)brk_end + ABI_SHMLBA - 1) &
			 ~(unsigned long)(ABI_SHMLBA - 1));
	p = shmat(id, brk_end + ABI_SHMLBA - 1, SHM_RND);
	CHECK(p == above, "SHM_RND attach just above the break at %p, got %p "
	      "errno %d", above, p, errno);
	if (p == above) {
		errno = 0;
		CHECK(sbrk(ABI_SHMLBA) == (void *)-1 && errno == ENOMEM,
		      "the break cannot grow into the attach: ENOMEM, errno %d",
		      errno);
		CHECK_OK(shmdt(p));
		CHECK(sbrk(ABI_SHMLBA) != (void *)-1,
		      "after shmdt the break grows, errno %d", errno);
	}
	if (sbrk(0) != start)
		sbrk(start - (char *)sbrk(0));
	CHECK(sbrk(0) == start, "the break restored");
	seg_rm(id);
	case_end();
}

/*
 * LTP shmat04: mprotect splits the attach into pieces and merges some
 * back; every piece must be dropped by shmdt, leaving nattch 0.
 */
static void test_mprotect_split_nattch(void)
{
	char *p;
	int id;

	case_begin("at_mprotect_split_nattch");
	id = seg_new(3 * PAGE_SIZE);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "attach, errno %d", errno);
	if (p != (void *)-1) {
		CHECK_OK(mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_NONE));
		CHECK_OK(mprotect(p, 2 * PAGE_SIZE, PROT_WRITE));
		CHECK(nattch_of(id) >= 1, "still attached, nattch %ld",
		      nattch_of(id));
		CHECK_OK(shmdt(p));
		CHECK(nattch_of(id) == 0,
		      "nattch 0 after shmdt of the split attach, got %ld",
		      nattch_of(id));
	}
	seg_rm(id);
	case_end();
}

int main(void)
{
	seg_purge_keys();
	test_null_addr();
	test_aligned_addr();
	test_rnd_rounds_down();
	test_unaligned_einval();
	test_bad_id_einval();
	test_rdonly_write_segv();
	test_rdonly_untouched_segv();
	test_page0_rnd_remap_einval();
	test_null_remap_einval();
	test_overlap_einval();
	test_remap_over_shm();
	test_remap_over_mmap();
	test_twice_in_one_process();
	test_partial_last_page();
	test_entry_paths();
	test_atime_lpid();
	test_brk_interplay();
	test_mprotect_split_nattch();
	seg_cleanup_all();
	return check_summary();
}
