/*
 * test_shm_dt - shmdt(): detaching, and what it refuses.
 *
 * Covers LTP shmdt01/02 and shmt08. Today's Linux returns EINVAL for an
 * address where no attach starts (1.2.13 returned 0 and did nothing);
 * after a detach the range is gone, so a write is SIGSEGV with si_code
 * SEGV_MAPERR.
 */
#include <sys/mman.h>

#include "shm_test.h"

/* shmdt01: detach, nattch back to 0, the address no longer mapped. */
static void test_detach_then_segv(void)
{
	int id, status;
	char *p;

	case_begin("dt_detach_then_segv");
	id = seg_new(PAGE_SIZE);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "attach, errno %d", errno);
	if (p != (void *)-1) {
		p[0] = 1;
		CHECK(nattch_of(id) == 1, "nattch 1, got %ld", nattch_of(id));
		CHECK(shmdt(p) == 0, "shmdt returns 0, errno %d", errno);
		CHECK(nattch_of(id) == 0, "nattch 0, got %ld", nattch_of(id));
		status = probe_write(p + 12, 1, SEGV_MAPERR);
		CHECK(write_segv_as_expected(status),
		      "a write at %p is SIGSEGV with SEGV_MAPERR: %s", p + 12,
		      write_outcome(status));
	}
	seg_rm(id);
	case_end();
}

/* shmdt02: nothing attached at the address, or it is unaligned. */
static void test_nothing_attached_einval(void)
{
	char *addr = probe_free_addr(1);

	case_begin("dt_nothing_attached_einval");
	CHECK(addr != NULL, "a free address");
	if (addr) {
		CHECK_ERR(shmdt(addr), EINVAL);
		CHECK_ERR(shmdt(addr + ABI_SHMLBA - 1), EINVAL);
		CHECK_ERR(ipc_shmdt(addr), EINVAL);
		CHECK_ERR(sys_shmdt(addr), EINVAL);
	}
	CHECK_ERR(shmdt(NULL), EINVAL);
	CHECK_ERR(sys_shmdt((void *)1), EINVAL);
	case_end();
}

/* An ordinary mapping is not an attach: EINVAL, and it stays mapped. */
static void test_not_shm_einval(void)
{
	char *m;

	case_begin("dt_not_shm_einval");
	m = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap, errno %d", errno);
	if (m != MAP_FAILED) {
		m[0] = 42;
		CHECK_ERR(shmdt(m), EINVAL);
		CHECK(m[0] == 42, "the mapping is untouched, got %d", m[0]);
		munmap(m, PAGE_SIZE);
	}
	case_end();
}

static void test_twice_einval(void)
{
	char *p;
	int id;

	case_begin("dt_twice_einval");
	id = seg_new(PAGE_SIZE);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "attach, errno %d", errno);
	if (p != (void *)-1) {
		CHECK_OK(shmdt(p));
		CHECK_ERR(shmdt(p), EINVAL);
	}
	seg_rm(id);
	case_end();
}

/* shmdt wants the address the attach starts at, not one inside it. */
static void test_inside_attach_einval(void)
{
	char *p;
	int id;

	case_begin("dt_inside_attach_einval");
	id = seg_new(2 * PAGE_SIZE);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "attach, errno %d", errno);
	if (p != (void *)-1) {
		CHECK_ERR(shmdt(p + PAGE_SIZE), EINVAL);
		CHECK_ERR(shmdt(p + 1), EINVAL);
		CHECK(nattch_of(id) == 1, "still attached, nattch %ld",
		      nattch_of(id));
		p[PAGE_SIZE] = 3;
		CHECK(p[PAGE_SIZE] == 3, "second page still usable");
		CHECK_OK(shmdt(p));
	}
	seg_rm(id);
	case_end();
}

/* shmdt records when and by whom: dtime and lpid. */
static void test_dtime_lpid(void)
{
	struct abi_shmid64_ds ds;
	long t0, t1;
	char *p;
	int id;

	case_begin("dt_dtime_lpid");
	id = seg_new(PAGE_SIZE);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "attach, errno %d", errno);
	if (p != (void *)-1) {
		t0 = now();
		CHECK_OK(shmdt(p));
		t1 = now();
		CHECK(stat64_of(id, &ds) == 0, "IPC_STAT, errno %d", errno);
		CHECK((long)ds.shm_dtime >= t0 && (long)ds.shm_dtime <= t1,
		      "dtime in [%ld, %ld], got %u", t0, t1, ds.shm_dtime);
		CHECK(ds.shm_lpid == getpid(), "lpid %d, got %d", getpid(),
		      ds.shm_lpid);
	}
	seg_rm(id);
	case_end();
}

/* Detaching one attach leaves the process's other attach alone. */
static void test_keeps_other_attach(void)
{
	char *p, *q;
	int id;

	case_begin("dt_keeps_other_attach");
	id = seg_new(PAGE_SIZE);
	p = shmat(id, NULL, 0);
	q = shmat(id, NULL, 0);
	CHECK(p != (void *)-1 && q != (void *)-1, "two attaches, errno %d",
	      errno);
	if (p != (void *)-1 && q != (void *)-1) {
		strcpy(p, "kept");
		CHECK_OK(shmdt(p));
		CHECK(strcmp(q, "kept") == 0, "the other attach reads the data");
		strcpy(q, "still");
		CHECK(nattch_of(id) == 1, "nattch 1, got %ld", nattch_of(id));
		CHECK_OK(shmdt(q));
	}
	seg_rm(id);
	case_end();
}

/*
 * munmap punches a hole in an attach, leaving two pieces; shmdt at the
 * attach address drops both (its offsets still line up), so nattch is 0.
 */
static void test_split_by_munmap(void)
{
	char *p;
	int id, status;

	case_begin("dt_split_by_munmap");
	id = seg_new(3 * PAGE_SIZE);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "attach, errno %d", errno);
	if (p != (void *)-1) {
		p[2 * PAGE_SIZE] = 9;
		CHECK_OK(munmap(p + PAGE_SIZE, PAGE_SIZE));
		CHECK(p[2 * PAGE_SIZE] == 9, "the piece after the hole keeps "
		      "its data");
		CHECK(nattch_of(id) >= 1, "attached, nattch %ld",
		      nattch_of(id));
		CHECK_OK(shmdt(p));
		CHECK(nattch_of(id) == 0, "both pieces detached, nattch %ld",
		      nattch_of(id));
		status = probe_write(p + 2 * PAGE_SIZE, 1, SEGV_MAPERR);
		CHECK(write_segv_as_expected(status),
		      "the second piece is unmapped too: %s",
		      write_outcome(status));
	}
	seg_rm(id);
	case_end();
}

int main(void)
{
	seg_purge_keys();
	test_detach_then_segv();
	test_nothing_attached_einval();
	test_not_shm_einval();
	test_twice_einval();
	test_inside_attach_einval();
	test_dtime_lpid();
	test_keeps_other_attach();
	test_split_by_munmap();
	seg_cleanup_all();
	return check_summary();
}
