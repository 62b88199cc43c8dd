/*
 * test_shm_layout - the bytes that cross the boundary, and the doors in.
 *
 * shmctl has two user layouts on i386: the old 48-byte struct shmid_ds
 * of Linux 1.x (ipc(117) SHMCTL without IPC_64) and shmid64_ds (with
 * IPC_64, and always through the direct shmctl(396)). Every buffer is
 * poisoned first, so the tests see exactly which bytes the kernel wrote:
 * all of the struct, with padding, unused words and the *_time_high words
 * zero (LTP shmctl06; 1.2.13 leaked kernel stack through its private
 * fields), and not one byte past it. Bad buffers are EFAULT, never a
 * crash, through every door, including ipc(117) SHMAT's `third'.
 */
#include <sys/mman.h>

#include "shm_test.h"

#define BUF_SIZE	128	/* bigger than any struct here */

/* Bytes of buf[from..to) that still hold the poison. */
static int poisoned(const unsigned char *buf, int from, int to)
{
	int i;

	for (i = from; i < to; i++)
		if (buf[i] != POISON)
			return 0;
	return 1;
}

/* A segment with every IPC_STAT field non-trivial: attached once, so
 * atime and lpid are set, and detached once, so dtime is too. */
static int busy_segment(char **attach)
{
	int id = seg_get(test_key(1), 3 * PAGE_SIZE,
			 IPC_CREAT | IPC_EXCL | 0640);
	char *p;

	*attach = (void *)-1;
	if (id < 0)
		return id;
	p = shmat(id, NULL, 0);
	if (p != (void *)-1)
		shmdt(p);
	*attach = shmat(id, NULL, 0);
	return id;
}

/* Check an IPC_STAT result in the shmid64_ds layout, bytes and fields. */
static void check_stat64(const unsigned char *buf, const char *how)
{
	const struct abi_shmid64_ds *ds = (const void *)buf;

	CHECK(poisoned(buf, sizeof(*ds), BUF_SIZE),
	      "%s: nothing written past byte 84", how);
	CHECK(ds->shm_perm.pad1 == 0 && ds->shm_perm.pad2 == 0 &&
	      ds->shm_perm.unused1 == 0 && ds->shm_perm.unused2 == 0,
	      "%s: ipc64_perm padding and unused words zero, got %x %x %x %x",
	      how, ds->shm_perm.pad1, ds->shm_perm.pad2,
	      ds->shm_perm.unused1, ds->shm_perm.unused2);
	CHECK(ds->shm_atime_high == 0 && ds->shm_dtime_high == 0 &&
	      ds->shm_ctime_high == 0, "%s: *_time_high zero, got %x %x %x",
	      how, ds->shm_atime_high, ds->shm_dtime_high,
	      ds->shm_ctime_high);
	CHECK(ds->unused4 == 0 && ds->unused5 == 0,
	      "%s: __unused4/5 zero, got %x %x", how, ds->unused4,
	      ds->unused5);
	CHECK(ds->shm_perm.key == test_key(1) && ds->shm_perm.mode == 0640 &&
	      ds->shm_perm.uid == geteuid() && ds->shm_perm.cgid == getegid(),
	      "%s: key, mode, uid, cgid = 0x%x 0640 %u %u, got 0x%x 0%o %u %u",
	      how, test_key(1), geteuid(), getegid(), ds->shm_perm.key,
	      ds->shm_perm.mode, ds->shm_perm.uid, ds->shm_perm.cgid);
	CHECK(ds->shm_segsz == 3 * PAGE_SIZE && ds->shm_nattch == 1 &&
	      ds->shm_cpid == getpid() && ds->shm_lpid == getpid(),
	      "%s: segsz 12288, nattch 1, cpid = lpid = %d, got %u %u %d %d",
	      how, getpid(), ds->shm_segsz, ds->shm_nattch, ds->shm_cpid,
	      ds->shm_lpid);
	CHECK(ds->shm_atime != 0 && ds->shm_dtime != 0 && ds->shm_ctime != 0,
	      "%s: the three times set, got %u %u %u", how, ds->shm_atime,
	      ds->shm_dtime, ds->shm_ctime);
}

/* IPC_64 through ipc(117) and the same through shmctl(396) without a
 * flag: the same 84 bytes, padding zeroed. libc's shmctl fills libc's own
 * struct shmid_ds (glibc's is not the kernel's), so its fields are
 * compared. */
static void test_stat64_bytes(void)
{
	unsigned char a[BUF_SIZE], b[BUF_SIZE];
	const struct abi_shmid64_ds *k = (const void *)a;
	struct shmid_ds ds;
	char *p;
	int id;

	case_begin("layout_stat64_bytes");
	id = busy_segment(&p);
	CHECK(id >= 0 && p != (void *)-1, "segment, errno %d", errno);
	memset(a, POISON, sizeof(a));
	memset(b, POISON, sizeof(b));
	CHECK(ipc_shmctl(id, IPC_STAT | ABI_IPC_64, a) == 0,
	      "ipc(117) IPC_STAT|IPC_64, errno %d", errno);
	check_stat64(a, "ipc(117)");
	CHECK(sys_shmctl(id, IPC_STAT, b) == 0, "shmctl(396) IPC_STAT, "
	      "errno %d", errno);
	check_stat64(b, "shmctl(396)");
	CHECK(memcmp(a, b, BUF_SIZE) == 0, "both paths give the same bytes");
	CHECK(shmctl(id, IPC_STAT, &ds) == 0, "libc shmctl, errno %d", errno);
	CHECK(ds.shm_segsz == k->shm_segsz && ds.shm_nattch == k->shm_nattch &&
	      ds.shm_cpid == k->shm_cpid && ds.shm_lpid == k->shm_lpid &&
	      ds.shm_perm.uid == k->shm_perm.uid &&
	      ds.shm_perm.mode == k->shm_perm.mode &&
	      (uint32_t)ds.shm_ctime == k->shm_ctime,
	      "libc's shmctl gives the same segsz, nattch, pids, uid, mode "
	      "and ctime");
	if (p != (void *)-1)
		shmdt(p);
	seg_rm(id);
	case_end();
}

/* LTP shmctl06: the high time words, pre-set, come back 0. */
static void test_time_high_zeroed(void)
{
	struct abi_shmid64_ds ds;
	int id;

	case_begin("layout_time_high_zeroed");
	id = seg_new(PAGE_SIZE);
	memset(&ds, POISON, sizeof(ds));
	ds.shm_atime_high = ds.shm_dtime_high = ds.shm_ctime_high = 0x0A0A;
	CHECK_OK(ipc_shmctl(id, IPC_STAT | ABI_IPC_64, &ds));
	CHECK(ds.shm_atime_high == 0 && ds.shm_dtime_high == 0 &&
	      ds.shm_ctime_high == 0, "0 in all three, got %x %x %x",
	      ds.shm_atime_high, ds.shm_dtime_high, ds.shm_ctime_high);
	ds.shm_atime_high = ds.shm_dtime_high = ds.shm_ctime_high = 0x0A0A;
	CHECK_OK(sys_shmctl(id, IPC_STAT, &ds));
	CHECK(ds.shm_atime_high == 0 && ds.shm_dtime_high == 0 &&
	      ds.shm_ctime_high == 0, "0 through shmctl(396), got %x %x %x",
	      ds.shm_atime_high, ds.shm_dtime_high, ds.shm_ctime_high);
	seg_rm(id);
	case_end();
}

/*
 * The old layout: ipc(117) SHMCTL IPC_STAT without IPC_64 writes exactly
 * 48 bytes, 16-bit ids and pids, and zeroes where 1.2.13 kept its private
 * shm_npages, shm_pages and attaches.
 */
static void test_old_stat_48(void)
{
	unsigned char buf[BUF_SIZE];
	struct abi_old_shmid_ds *old = (void *)buf;
	struct abi_shmid64_ds ds;
	char *p;
	int id;

	case_begin("layout_old_stat_48");
	id = busy_segment(&p);
	memset(buf, POISON, sizeof(buf));
	CHECK(ipc_shmctl(id, IPC_STAT, buf) == 0,
	      "IPC_STAT without IPC_64, errno %d", errno);
	CHECK(stat64_of(id, &ds) == 0, "IPC_STAT with IPC_64, errno %d",
	      errno);
	CHECK(poisoned(buf, sizeof(*old), BUF_SIZE),
	      "nothing written past byte 48");
	CHECK(old->unused == 0 && old->unused2 == 0 && old->unused3 == 0,
	      "the three unused slots zero, got %x %x %x", old->unused,
	      old->unused2, old->unused3);
	CHECK(old->shm_perm.key == ds.shm_perm.key &&
	      old->shm_perm.uid == ds.shm_perm.uid &&
	      old->shm_perm.gid == ds.shm_perm.gid &&
	      old->shm_perm.cuid == ds.shm_perm.cuid &&
	      old->shm_perm.cgid == ds.shm_perm.cgid &&
	      old->shm_perm.mode == ds.shm_perm.mode &&
	      old->shm_perm.seq == ds.shm_perm.seq,
	      "ipc_perm agrees with the 64-bit one: key 0x%x/0x%x mode "
	      "0%o/0%o seq %u/%u", old->shm_perm.key, ds.shm_perm.key,
	      old->shm_perm.mode, ds.shm_perm.mode, old->shm_perm.seq,
	      ds.shm_perm.seq);
	CHECK(old->shm_segsz == (int32_t)ds.shm_segsz &&
	      old->shm_atime == (int32_t)ds.shm_atime &&
	      old->shm_dtime == (int32_t)ds.shm_dtime &&
	      old->shm_ctime == (int32_t)ds.shm_ctime,
	      "segsz and times agree: %d/%u %d/%u", old->shm_segsz,
	      ds.shm_segsz, old->shm_ctime, ds.shm_ctime);
	CHECK(old->shm_cpid == (uint16_t)ds.shm_cpid &&
	      old->shm_lpid == (uint16_t)ds.shm_lpid &&
	      old->shm_nattch == ds.shm_nattch,
	      "cpid, lpid, nattch agree: %u %u %u, want %d %d %u",
	      old->shm_cpid, old->shm_lpid, old->shm_nattch, ds.shm_cpid,
	      ds.shm_lpid, ds.shm_nattch);
	if (p != (void *)-1)
		shmdt(p);
	seg_rm(id);
	case_end();
}

/* IPC_SET in the old layout reads 16-bit uid/gid and the mode. */
static void test_old_set(void)
{
	struct abi_old_shmid_ds old;
	struct abi_shmid64_ds ds;
	int id;

	case_begin("layout_old_set");
	id = seg_new(PAGE_SIZE);
	CHECK_OK(ipc_shmctl(id, IPC_STAT, &old));
	old.shm_perm.mode = 0604;
	old.shm_perm.gid = 4321;
	CHECK(ipc_shmctl(id, IPC_SET, &old) == 0,
	      "IPC_SET without IPC_64, errno %d", errno);
	CHECK(stat64_of(id, &ds) == 0 && ds.shm_perm.mode == 0604 &&
	      ds.shm_perm.gid == 4321 && ds.shm_perm.uid == geteuid(),
	      "mode 0604, gid 4321, uid kept: got 0%o %u %u",
	      ds.shm_perm.mode, ds.shm_perm.gid, ds.shm_perm.uid);
	seg_rm(id);
	case_end();
}

/*
 * shmctl(396) has no version flag: it always speaks shmid64_ds, and a cmd
 * carrying IPC_64 is an unknown command there (measured on Linux).
 */
static void test_direct_ctl_rejects_ipc64(void)
{
	unsigned char buf[BUF_SIZE];
	int id;

	case_begin("layout_direct_ctl_rejects_ipc64");
	id = seg_new(PAGE_SIZE);
	memset(buf, POISON, sizeof(buf));
	CHECK_ERR(sys_shmctl(id, IPC_STAT | ABI_IPC_64, buf), EINVAL);
	CHECK(poisoned(buf, 0, BUF_SIZE), "nothing written");
	seg_rm(id);
	case_end();
}

/*
 * IPC_INFO writes 20 bytes (shminfo) or, with IPC_64, 36 (shminfo64,
 * unused words zero); SHM_INFO writes its 24 bytes either way. The old
 * struct has int fields, so its shmmax is capped at INT_MAX.
 */
static void test_info_sizes(void)
{
	unsigned char a[BUF_SIZE], b[BUF_SIZE], c[BUF_SIZE], d[BUF_SIZE];
	struct abi_old_shminfo *old = (void *)a;
	struct abi_shminfo64 *si = (void *)b;
	uint32_t want_max;

	case_begin("layout_info_sizes");
	memset(a, POISON, sizeof(a));
	memset(b, POISON, sizeof(b));
	memset(c, POISON, sizeof(c));
	memset(d, POISON, sizeof(d));
	CHECK(ipc_shmctl(0, IPC_INFO, a) >= 0, "IPC_INFO, errno %d", errno);
	CHECK(ipc_shmctl(0, IPC_INFO | ABI_IPC_64, b) >= 0,
	      "IPC_INFO|IPC_64, errno %d", errno);
	CHECK(ipc_shmctl(0, ABI_SHM_INFO, c) >= 0, "SHM_INFO, errno %d",
	      errno);
	CHECK(ipc_shmctl(0, ABI_SHM_INFO | ABI_IPC_64, d) >= 0,
	      "SHM_INFO|IPC_64, errno %d", errno);
	CHECK(poisoned(a, sizeof(struct abi_old_shminfo), BUF_SIZE) &&
	      !poisoned(a, 16, 20), "old IPC_INFO writes exactly 20 bytes");
	CHECK(poisoned(b, sizeof(struct abi_shminfo64), BUF_SIZE),
	      "IPC_INFO|IPC_64 writes no more than 36 bytes");
	CHECK(si->unused1 == 0 && si->unused2 == 0 && si->unused3 == 0 &&
	      si->unused4 == 0, "shminfo64's unused words zero");
	CHECK(poisoned(c, sizeof(struct abi_shm_info), BUF_SIZE) &&
	      poisoned(d, sizeof(struct abi_shm_info), BUF_SIZE),
	      "SHM_INFO writes no more than 24 bytes");
	want_max = si->shmmax > 0x7fffffff ? 0x7fffffff : si->shmmax;
	CHECK((uint32_t)old->shmmax == want_max &&
	      (uint32_t)old->shmmin == si->shmmin &&
	      (uint32_t)old->shmmni == si->shmmni &&
	      (uint32_t)old->shmseg == si->shmseg &&
	      (uint32_t)old->shmall == si->shmall,
	      "the two IPC_INFO layouts agree: shmmax %d/%u shmmni %d/%u "
	      "shmall %d/%u", old->shmmax, si->shmmax, old->shmmni,
	      si->shmmni, old->shmall, si->shmall);
	case_end();
}

/* One shmctl through one door; returns what it returned. */
enum door { DOOR_IPC64, DOOR_IPC_OLD, DOOR_DIRECT, NDOORS };
static const char *const door_name[NDOORS] = {
	"ipc(117) with IPC_64", "ipc(117) old layout", "shmctl(396)"
};

static int ctl_through(enum door door, int id, int cmd, void *buf)
{
	switch (door) {
	case DOOR_IPC64:
		return ipc_shmctl(id, cmd | ABI_IPC_64, buf);
	case DOOR_IPC_OLD:
		return ipc_shmctl(id, cmd, buf);
	default:
		return sys_shmctl(id, cmd, buf);
	}
}

/*
 * Every command with a buffer, every door, three bad pointers: NULL,
 * all-ones, and the first kernel address. IPC_SET reads its buffer
 * before looking at the id, so a bad one is EFAULT even for a dead id.
 */
static void test_efault(void)
{
	static void *const bad[] = { BAD_PTR_NULL, BAD_PTR_NEG1, BAD_PTR_KERNEL };
	static const int cmds[] = { IPC_STAT, IPC_SET, IPC_INFO, ABI_SHM_INFO,
				    ABI_SHM_STAT, ABI_SHM_STAT_ANY };
	unsigned int d, c, b;
	int id, idx, target, r;

	case_begin("layout_efault");
	id = seg_new(PAGE_SIZE);
	idx = index_of(id);
	CHECK(idx >= 0, "segment %d found by an SHM_STAT scan", id);
	for (d = 0; d < NDOORS; d++) {
		for (c = 0; c < sizeof(cmds) / sizeof(cmds[0]); c++) {
			for (b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
				target = cmds[c] == ABI_SHM_STAT ||
					 cmds[c] == ABI_SHM_STAT_ANY ? idx : id;
				errno = 0;
				r = ctl_through(d, target, cmds[c], bad[b]);
				CHECK(r == -1 && errno == EFAULT,
				      "%s cmd %d buf %p: EFAULT, got %d errno %d",
				      door_name[d], cmds[c], bad[b], r, errno);
			}
		}
	}
	CHECK(nattch_of(id) == 0 && mode_of(id) == 0600,
	      "the segment unharmed");
	seg_rm(id);
	CHECK_ERR(ipc_shmctl(id, IPC_SET | ABI_IPC_64, BAD_PTR_NEG1), EFAULT);
	case_end();
}

/*
 * A buffer that starts in a mapped page and runs into an unmapped one:
 * the kernel must check the whole length, not just the first byte. It
 * starts 20 bytes before the hole, so every struct here (the smallest,
 * shm_info, is 24 bytes; IPC_SET reads at least the 36-byte ipc64_perm)
 * crosses into it.
 */
#define STRADDLE	20

static void test_efault_straddle(void)
{
	char *m, *buf;
	int id;

	case_begin("layout_efault_straddle");
	id = seg_new(PAGE_SIZE);
	m = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap, errno %d", errno);
	if (m != MAP_FAILED) {
		CHECK_OK(munmap(m + PAGE_SIZE, PAGE_SIZE));
		buf = m + PAGE_SIZE - STRADDLE;
		CHECK_ERR(ipc_shmctl(id, IPC_STAT | ABI_IPC_64, buf), EFAULT);
		CHECK_ERR(ipc_shmctl(id, IPC_STAT, buf), EFAULT);
		CHECK_ERR(sys_shmctl(id, IPC_STAT, buf), EFAULT);
		CHECK_ERR(ipc_shmctl(id, IPC_SET | ABI_IPC_64, buf), EFAULT);
		CHECK_ERR(ipc_shmctl(0, IPC_INFO | ABI_IPC_64, buf), EFAULT);
		CHECK_ERR(ipc_shmctl(0, ABI_SHM_INFO, buf), EFAULT);
		munmap(m, PAGE_SIZE);
	}
	CHECK(mode_of(id) == 0600, "the segment unharmed");
	seg_rm(id);
	case_end();
}

/*
 * ipc(117) SHMAT stores the address through `third'; a bad pointer there
 * is EFAULT. Today's Linux attaches first and then fails the store, so
 * the attach exists; 1.2.13 checked the pointer first and did not attach.
 * Either way the test asks for a fixed address, detaches it afterwards
 * (ignoring the result) and then wants nattch 0: no attach is lost.
 */
static void test_shmat_third_efault(void)
{
	static void *const bad[] = { BAD_PTR_NULL, BAD_PTR_NEG1, BAD_PTR_KERNEL };
	char *addr = probe_free_addr(1);
	unsigned int b;
	long r;
	int id;

	case_begin("layout_shmat_third_efault");
	id = seg_new(PAGE_SIZE);
	CHECK(addr != NULL, "a free address");
	for (b = 0; addr && b < sizeof(bad) / sizeof(bad[0]); b++) {
		errno = 0;
		r = ipc_call(IPCOP_SHMAT, id, 0, (long)bad[b], addr);
		CHECK(r == -1 && errno == EFAULT,
		      "SHMAT with third %p: EFAULT, got %ld errno %d", bad[b],
		      r, errno);
		shmdt(addr);
	}
	CHECK(nattch_of(id) == 0, "no attach left behind, nattch %ld",
	      nattch_of(id));
	seg_rm(id);
	case_end();
}

/*
 * ipc(117) with a call number it does not know: ENOSYS on today's Linux
 * (1.2.13 said EINVAL). The known ones are 1-4 (sem, 4 being SEMTIMEDOP),
 * 11-14 (msg) and 21-24 (shm). SHMAT with version 1 (the iBCS2 kernel-internal
 * entry) is EINVAL from user space.
 */
static void test_unknown_ipc_call(void)
{
	static const long calls[] = { 0, 5, 10, 15, 20, 25, 99, 0xffff };
	unsigned long raddr;
	unsigned int i;
	long r;
	int id;

	case_begin("layout_unknown_ipc_call");
	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		errno = 0;
		r = ipc_call(calls[i], 0, 0, 0, NULL);
		CHECK(r == -1 && errno == ENOSYS,
		      "ipc call %ld: ENOSYS, got %ld errno %d", calls[i], r,
		      errno);
	}
	id = seg_new(PAGE_SIZE);
	CHECK_ERR(ipc_call(IPCOP_SHMAT | IPCOP_VERSION(1), id, 0,
			   (long)&raddr, NULL), EINVAL);
	CHECK(nattch_of(id) == 0, "nothing attached, nattch %ld",
	      nattch_of(id));
	seg_rm(id);
	case_end();
}

int main(void)
{
	seg_purge_keys();
	test_stat64_bytes();
	test_time_high_zeroed();
	test_old_stat_48();
	test_old_set();
	test_direct_ctl_rejects_ipc64();
	test_info_sizes();
	test_efault();
	test_efault_straddle();
	test_shmat_third_efault();
	test_unknown_ipc_call();
	seg_cleanup_all();
	return check_summary();
}
