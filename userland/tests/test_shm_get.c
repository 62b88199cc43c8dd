/*
 * test_shm_get - shmget(): creating and finding segments by key.
 *
 * Covers LTP shmget02 (without hugetlb and the /proc/sys/kernel/shmmax
 * write), the size and key rules of sys_shmget, the mode a new segment
 * gets, and that a new segment (also one re-created under a used key)
 * reads as zeros.
 */
#include "shm_test.h"

/* Two IPC_PRIVATE requests are always two segments. */
static void test_private_new_each_time(void)
{
	int a, b;

	case_begin("get_private_new_each_time");
	a = seg_new(PAGE_SIZE);
	b = seg_get(IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0600);
	CHECK(a >= 0 && b >= 0, "two private segments, got ids %d and %d "
	      "(errno %d)", a, b, errno);
	CHECK(a != b, "distinct ids, got %d twice", a);
	seg_rm(a);
	seg_rm(b);
	case_end();
}

/* What IPC_STAT shows of a segment nobody has attached yet. */
static void test_new_segment_fields(void)
{
	struct abi_shmid64_ds ds;
	key_t key = test_key(1);
	long t0, t1;
	int id;

	case_begin("get_new_segment_fields");
	t0 = now();
	id = seg_get(key, 5000, IPC_CREAT | IPC_EXCL | 0640);
	t1 = now();
	CHECK_OK(id);
	if (id >= 0 && stat64_of(id, &ds) == 0) {
		CHECK(ds.shm_perm.key == key, "key 0x%x, got 0x%x", key,
		      ds.shm_perm.key);
		CHECK(ds.shm_perm.uid == geteuid() &&
		      ds.shm_perm.cuid == geteuid(),
		      "uid and cuid %u, got %u and %u", geteuid(),
		      ds.shm_perm.uid, ds.shm_perm.cuid);
		CHECK(ds.shm_perm.gid == getegid() &&
		      ds.shm_perm.cgid == getegid(),
		      "gid and cgid %u, got %u and %u", getegid(),
		      ds.shm_perm.gid, ds.shm_perm.cgid);
		CHECK(ds.shm_perm.mode == 0640, "mode 0640, got 0%o",
		      ds.shm_perm.mode);
		CHECK(ds.shm_segsz == 5000, "segsz 5000 (not rounded), got %u",
		      ds.shm_segsz);
		CHECK(ds.shm_cpid == getpid(), "cpid %d, got %d", getpid(),
		      ds.shm_cpid);
		CHECK(ds.shm_lpid == 0, "lpid 0 before any attach, got %d",
		      ds.shm_lpid);
		CHECK(ds.shm_nattch == 0, "nattch 0, got %u", ds.shm_nattch);
		CHECK(ds.shm_atime == 0 && ds.shm_dtime == 0,
		      "atime and dtime 0, got %u and %u", ds.shm_atime,
		      ds.shm_dtime);
		CHECK((long)ds.shm_ctime >= t0 && (long)ds.shm_ctime <= t1,
		      "ctime in [%ld, %ld], got %u", t0, t1, ds.shm_ctime);
	} else {
		FAIL("IPC_STAT of the new segment failed: errno %d", errno);
	}
	seg_rm(id);
	case_end();
}

/* A key nobody created: ENOENT unless IPC_CREAT (LTP shmget02). */
static void test_missing_key_enoent(void)
{
	key_t key = test_key(2);

	case_begin("get_missing_key_enoent");
	CHECK_ERR(shmget(key, 2048, 0), ENOENT);
	CHECK_ERR(shmget(key, 2048, IPC_EXCL), ENOENT);
	CHECK_ERR(shmget(key, 0, 0600), ENOENT);
	case_end();
}

/* IPC_CREAT|IPC_EXCL refuses an existing key; the other flags find it. */
static void test_excl_existing_eexist(void)
{
	key_t key = test_key(3);
	int id;

	case_begin("get_excl_existing_eexist");
	id = seg_get(key, 2048, IPC_CREAT | IPC_EXCL | 0600);
	CHECK_OK(id);
	CHECK_ERR(shmget(key, 2048, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	/* EEXIST is decided before the size is looked at. */
	CHECK_ERR(shmget(key, 8192, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	CHECK(shmget(key, 2048, IPC_CREAT | 0600) == id,
	      "IPC_CREAT on an existing key returns its id %d", id);
	CHECK(shmget(key, 2048, 0) == id, "flags 0 return the id %d", id);
	seg_rm(id);
	case_end();
}

/* SHMMIN is 1: a new segment of 0 bytes is EINVAL; finding one is not. */
static void test_size_zero(void)
{
	key_t key = test_key(4);
	int id;

	case_begin("get_size_zero");
	CHECK_ERR(shmget(key, 0, IPC_CREAT | IPC_EXCL | 0600), EINVAL);
	CHECK_ERR(shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600), EINVAL);
	id = seg_get(key, 100, IPC_CREAT | IPC_EXCL | 0600);
	CHECK_OK(id);
	CHECK(shmget(key, 0, 0) == id,
	      "size 0 with an existing key finds it (id %d)", id);
	seg_rm(id);
	case_end();
}

/* Asking an existing key for more than it has is EINVAL; less is fine. */
static void test_existing_larger_einval(void)
{
	key_t key = test_key(5);
	int id;

	case_begin("get_existing_larger_einval");
	id = seg_get(key, 2048, IPC_CREAT | IPC_EXCL | 0600);
	CHECK_OK(id);
	CHECK_ERR(shmget(key, 4096, 0600), EINVAL);
	/* The segment is 2048 bytes, not a page: 2049 is too big too. */
	CHECK_ERR(shmget(key, 2049, 0600), EINVAL);
	CHECK_ERR(shmget(key, 4096, IPC_CREAT | 0600), EINVAL);
	CHECK(shmget(key, 2048, 0600) == id, "the same size finds id %d", id);
	CHECK(shmget(key, 1, 0600) == id, "a smaller size finds id %d", id);
	seg_rm(id);
	case_end();
}

/*
 * size > SHMMAX is EINVAL. Only checkable where IPC_INFO reports a real
 * limit: a 32-bit process on a 64-bit Linux sees shmmax clamped to
 * INT_MAX while the true limit is far above anything it can ask for.
 */
static void test_over_shmmax_einval(void)
{
	struct abi_shminfo64 si;
	key_t key = test_key(6);
	int id;

	if (ipc_info(&si) < 0) {
		case_begin("get_over_shmmax_einval");
		FAIL("IPC_INFO failed: errno %d", errno);
		case_end();
		return;
	}
	if (si.shmmax >= 0x7fffffffU) {
		case_skip("get_over_shmmax_einval",
			  "shmmax not reachable from 32 bits");
		return;
	}
	case_begin("get_over_shmmax_einval");
	CHECK_ERR(shmget(key, (size_t)si.shmmax + 1, IPC_CREAT | 0600), EINVAL);
	CHECK_ERR(shmget(IPC_PRIVATE, (size_t)si.shmmax + 1, IPC_CREAT | 0600),
		  EINVAL);
	/* Exactly shmmax is allowed; no page is allocated until touched. */
	id = seg_get(key, si.shmmax, IPC_CREAT | IPC_EXCL | 0600);
	CHECK(id >= 0, "a segment of exactly shmmax (%u) bytes, errno %d",
	      si.shmmax, errno);
	seg_rm(id);
	case_end();
}

/* mode is the low 9 bits of shmflg: no umask, no IPC_* bits leak in. */
static void test_mode_low_nine_bits(void)
{
	long old_mask = syscall(__NR_umask, 077);
	struct abi_shmid64_ds ds;
	int a, b, c;

	case_begin("get_mode_low_nine_bits");
	a = seg_get(test_key(7), 64, IPC_CREAT | IPC_EXCL | 0777);
	b = seg_get(test_key(8), 64, IPC_CREAT | IPC_EXCL | 0);
	c = seg_get(test_key(9), 64, IPC_CREAT | IPC_EXCL | 0421);
	CHECK(a >= 0 && b >= 0 && c >= 0, "three segments, errno %d", errno);
	CHECK(mode_of(a) == 0777, "mode 0777 despite umask 077, got 0%lo",
	      mode_of(a));
	/* Mode 0 is unreadable even for its owner: look with SHM_STAT_ANY. */
	CHECK(stat_any_of(b, &ds) == 0 && ds.shm_perm.mode == 0,
	      "mode 0, got 0%o", ds.shm_perm.mode);
	CHECK(mode_of(c) == 0421, "mode 0421, got 0%lo", mode_of(c));
	seg_rm(a);
	seg_rm(b);
	seg_rm(c);
	if (old_mask >= 0)
		syscall(__NR_umask, old_mask);
	case_end();
}

/* SHM_NORESERVE is a valid shmget flag today; it must not reach mode. */
static void test_noreserve_accepted(void)
{
	int id;

	case_begin("get_noreserve_accepted");
	id = seg_get(IPC_PRIVATE, PAGE_SIZE,
		     IPC_CREAT | ABI_SHM_NORESERVE | 0600);
	CHECK(id >= 0, "shmget with SHM_NORESERVE succeeds, errno %d", errno);
	CHECK(mode_of(id) == 0600, "mode 0600, got 0%lo", mode_of(id));
	seg_rm(id);
	case_end();
}

/* Count the bytes of p[0..n) that are not zero. */
static long nonzero_bytes(const unsigned char *p, size_t n)
{
	long count = 0;
	size_t i;

	for (i = 0; i < n; i++)
		count += p[i] != 0;
	return count;
}

static void test_new_segment_zeroed(void)
{
	size_t size = 3 * PAGE_SIZE;
	unsigned char *p;
	int id;

	case_begin("get_new_segment_zeroed");
	id = seg_new(size);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "attach, errno %d", errno);
	if (p != (void *)-1) {
		CHECK(nonzero_bytes(p, size) == 0,
		      "every byte of a new segment 0, %ld are not",
		      nonzero_bytes(p, size));
		shmdt(p);
	}
	seg_rm(id);
	case_end();
}

/*
 * LTP shmt02: remove a segment full of data, create the same key again:
 * a different segment, and none of the old data shows through (its pages
 * were freed and new ones must be zeroed).
 */
static void test_recreated_key_is_fresh(void)
{
	size_t size = 4 * PAGE_SIZE;
	key_t key = test_key(10);
	unsigned char *p;
	int old, id;

	case_begin("get_recreated_key_is_fresh");
	old = seg_get(key, size, IPC_CREAT | IPC_EXCL | 0600);
	p = shmat(old, NULL, 0);
	if (old < 0 || p == (void *)-1) {
		FAIL("create and attach: errno %d", errno);
		seg_rm(old);
		case_end();
		return;
	}
	memset(p, 0x5c, size);
	CHECK_OK(seg_rm(old));
	CHECK(p[size - 1] == 0x5c, "data readable after IPC_RMID while attached");
	CHECK_OK(shmdt(p));
	id = seg_get(key, size, IPC_CREAT | IPC_EXCL | 0600);
	CHECK(id >= 0 && id != old, "a new id for the re-created key, got %d "
	      "(old %d)", id, old);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "attach the new segment, errno %d", errno);
	if (p != (void *)-1) {
		CHECK(nonzero_bytes(p, size) == 0,
		      "the new segment is zeroed, %ld bytes are not",
		      nonzero_bytes(p, size));
		shmdt(p);
	}
	seg_rm(id);
	case_end();
}

/* Two shmget()s of one key give one segment: what one attach writes,
 * the other reads. */
static void test_same_key_same_segment(void)
{
	key_t key = test_key(11);
	int a, b;
	char *p, *q;

	case_begin("get_same_key_same_segment");
	a = seg_get(key, PAGE_SIZE, IPC_CREAT | 0600);
	b = shmget(key, PAGE_SIZE, 0600);
	CHECK(a >= 0 && a == b, "the same id twice, got %d and %d", a, b);
	p = shmat(a, NULL, 0);
	q = shmat(b, NULL, 0);
	CHECK(p != (void *)-1 && q != (void *)-1 && p != q,
	      "two attaches at two addresses, got %p and %p", p, q);
	if (p != (void *)-1 && q != (void *)-1) {
		strcpy(p, "through the first attach");
		CHECK(strcmp(q, "through the first attach") == 0,
		      "the second attach reads the first's text, got \"%.30s\"",
		      q);
	}
	if (p != (void *)-1)
		shmdt(p);
	if (q != (void *)-1)
		shmdt(q);
	seg_rm(a);
	case_end();
}

/* shmget through ipc(117) and through shmget(395) finds the same key. */
static void test_both_entry_paths(void)
{
	key_t k1 = test_key(12), k2 = test_key(13);
	int a, b;

	case_begin("get_both_entry_paths");
	a = seg_track(ipc_shmget(k1, 4096, IPC_CREAT | IPC_EXCL | 0600));
	CHECK(a >= 0, "create through ipc(117), errno %d", errno);
	CHECK(sys_shmget(k1, 0, 0) == a, "shmget(395) finds id %d", a);
	CHECK(shmget(k1, 0, 0) == a, "libc shmget finds id %d", a);
	b = seg_track(sys_shmget(k2, 4096, IPC_CREAT | IPC_EXCL | 0600));
	CHECK(b >= 0, "create through shmget(395), errno %d", errno);
	CHECK(ipc_shmget(k2, 0, 0) == b, "ipc(117) SHMGET finds id %d", b);
	errno = 0;
	CHECK(sys_shmget(k1, 0, IPC_CREAT | IPC_EXCL) == -1 && errno == EEXIST,
	      "shmget(395) IPC_EXCL on an existing key: EEXIST, errno %d",
	      errno);
	seg_rm(a);
	seg_rm(b);
	case_end();
}

int main(void)
{
	seg_purge_keys();
	test_private_new_each_time();
	test_new_segment_fields();
	test_missing_key_enoent();
	test_excl_existing_eexist();
	test_size_zero();
	test_existing_larger_einval();
	test_over_shmmax_einval();
	test_mode_low_nine_bits();
	test_noreserve_accepted();
	test_new_segment_zeroed();
	test_recreated_key_is_fresh();
	test_same_key_same_segment();
	test_both_entry_paths();
	seg_cleanup_all();
	return check_summary();
}
