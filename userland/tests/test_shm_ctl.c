/*
 * test_shm_ctl - shmctl(): IPC_STAT, IPC_SET, IPC_RMID, SHM_LOCK and
 * SHM_UNLOCK, IPC_INFO, SHM_INFO, SHM_STAT and SHM_STAT_ANY.
 *
 * Covers LTP shmctl02 (the cases that need no second user; those are in
 * test_shm_perm), shmctl07 and shmctl08, and the places where today's
 * Linux differs from 1.2.13:
 *   - a removed id is EINVAL (1.2.13: EIDRM once the slot was reused);
 *   - IPC_RMID of an attached segment makes its key private at once, so
 *     shmget(key) is ENOENT (1.2.13: the key stayed, shmget gave EIDRM);
 *   - SHM_LOCK and SHM_UNLOCK repeat harmlessly (1.2.13: EINVAL).
 * The byte layouts and the bad-pointer cases are in test_shm_layout.
 */
#include <string.h>
#include <sys/utsname.h>

#include "shm_test.h"

/* LTP shmctl08: IPC_SET changes the mode bits and bumps ctime. */
static void test_set_mode_ctime(void)
{
	struct abi_shmid64_ds ds;
	uint32_t ctime0;
	int id;

	case_begin("ctl_set_mode_ctime");
	id = seg_get(IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | 0666);
	CHECK(stat64_of(id, &ds) == 0 && ds.shm_perm.mode == 0666,
	      "mode 0666 after shmget, got 0%o", ds.shm_perm.mode);
	ctime0 = ds.shm_ctime;
	/* ctime counts seconds: let one go by so the change shows. */
	sleep(1);
	ds.shm_perm.mode &= ~0066;
	CHECK_OK(ipc_shmctl(id, IPC_SET | ABI_IPC_64, &ds));
	CHECK(stat64_of(id, &ds) == 0 && ds.shm_perm.mode == 0600,
	      "mode 0600 after IPC_SET, got 0%o", ds.shm_perm.mode);
	CHECK(ds.shm_ctime > ctime0 && ds.shm_ctime <= ctime0 + 10,
	      "ctime moved forward from %u by at most 10 s, got %u", ctime0,
	      ds.shm_ctime);
	ds.shm_perm.mode = 0666;
	CHECK_OK(ipc_shmctl(id, IPC_SET | ABI_IPC_64, &ds));
	CHECK(mode_of(id) == 0666, "mode 0666 again, got 0%lo", mode_of(id));
	seg_rm(id);
	case_end();
}

/*
 * IPC_SET takes uid, gid and the low 9 mode bits and nothing else: the
 * creator fields, size, pids and counts in the buffer are ignored, and
 * the SHM_LOCKED/SHM_DEST state bits survive.
 */
static void test_set_takes_only_uid_gid_mode(void)
{
	struct abi_shmid64_ds ds, after;
	uid_t uid = geteuid();
	gid_t gid = getegid();
	int id;

	case_begin("ctl_set_takes_only_uid_gid_mode");
	id = seg_new(PAGE_SIZE);
	CHECK_OK(shmctl(id, ABI_SHM_LOCK, NULL));
	CHECK(stat64_of(id, &ds) == 0, "IPC_STAT, errno %d", errno);
	ds.shm_perm.mode = 07777;
	ds.shm_perm.uid = 1234;
	ds.shm_perm.gid = 5678;
	ds.shm_perm.cuid = 4321;
	ds.shm_perm.cgid = 8765;
	ds.shm_perm.key = 99;
	ds.shm_segsz = 1;
	ds.shm_cpid = 1;
	ds.shm_nattch = 7;
	CHECK_OK(ipc_shmctl(id, IPC_SET | ABI_IPC_64, &ds));
	CHECK(stat64_of(id, &after) == 0, "IPC_STAT, errno %d", errno);
	CHECK(after.shm_perm.mode == (0777 | ABI_SHM_LOCKED),
	      "mode 0777|SHM_LOCKED (low 9 bits taken, lock kept), got 0%o",
	      after.shm_perm.mode);
	CHECK(after.shm_perm.uid == 1234 && after.shm_perm.gid == 5678,
	      "uid 1234 gid 5678, got %u %u", after.shm_perm.uid,
	      after.shm_perm.gid);
	CHECK(after.shm_perm.cuid == uid && after.shm_perm.cgid == gid,
	      "creator unchanged (%u %u), got %u %u", uid, gid,
	      after.shm_perm.cuid, after.shm_perm.cgid);
	CHECK(after.shm_perm.key == IPC_PRIVATE, "key unchanged, got %d",
	      after.shm_perm.key);
	CHECK(after.shm_segsz == PAGE_SIZE && after.shm_cpid == getpid() &&
	      after.shm_nattch == 0, "segsz, cpid and nattch unchanged, got "
	      "%u %d %u", after.shm_segsz, after.shm_cpid, after.shm_nattch);
	/* Still the creator: the segment can be given back and removed. */
	after.shm_perm.uid = uid;
	after.shm_perm.gid = gid;
	CHECK_OK(ipc_shmctl(id, IPC_SET | ABI_IPC_64, &after));
	CHECK_OK(shmctl(id, ABI_SHM_UNLOCK, NULL));
	CHECK(mode_of(id) == 0777, "unlocked: mode 0777, got 0%lo",
	      mode_of(id));
	seg_rm(id);
	case_end();
}

/*
 * IPC_RMID of an attached segment: the data lives on for the attaches,
 * the key is released at once (IPC_STAT shows key 0 and SHM_DEST), the
 * id still takes new attaches, and the last detach destroys it.
 */
static void test_rmid_while_attached(void)
{
	struct abi_shmid64_ds ds;
	key_t key = test_key(1);
	char *p, *q;
	int id, fresh;

	case_begin("ctl_rmid_while_attached");
	id = seg_get(key, 2 * PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0600);
	p = shmat(id, NULL, 0);
	if (id < 0 || p == (void *)-1) {
		FAIL("create and attach: errno %d", errno);
		seg_rm(id);
		case_end();
		return;
	}
	strcpy(p + PAGE_SIZE, "persist");
	CHECK(seg_rm(id) == 0, "IPC_RMID returns 0, errno %d", errno);
	CHECK(strcmp(p + PAGE_SIZE, "persist") == 0,
	      "the data is still there");
	p[0] = 'w';
	CHECK_ERR(shmget(key, 0, 0), ENOENT);
	CHECK(stat64_of(id, &ds) == 0, "IPC_STAT still works, errno %d",
	      errno);
	CHECK(ds.shm_perm.mode == (ABI_SHM_DEST | 0600),
	      "mode SHM_DEST|0600, got 0%o", ds.shm_perm.mode);
	CHECK(ds.shm_perm.key == IPC_PRIVATE,
	      "the key made private (0), got 0x%x", ds.shm_perm.key);
	CHECK(ds.shm_nattch == 1, "nattch 1, got %u", ds.shm_nattch);
	/* A removed, attached segment can still be attached by id. */
	q = shmat(id, NULL, 0);
	CHECK(q != (void *)-1, "shmat of the removed segment, errno %d",
	      errno);
	if (q != (void *)-1) {
		CHECK(strcmp(q + PAGE_SIZE, "persist") == 0,
		      "the new attach sees the data");
		CHECK(nattch_of(id) == 2, "nattch 2, got %ld", nattch_of(id));
	}
	/* The key is free for a new, different segment. */
	fresh = seg_get(key, 2 * PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0600);
	CHECK(fresh >= 0 && fresh != id, "the key makes a new segment, got "
	      "%d (old %d) errno %d", fresh, id, errno);
	seg_rm(fresh);
	/* A second IPC_RMID of the same segment is harmless. */
	CHECK(shmctl(id, IPC_RMID, NULL) == 0,
	      "IPC_RMID again returns 0, errno %d", errno);
	if (q != (void *)-1) {
		CHECK_OK(shmdt(q));
		CHECK(nattch_of(id) == 1, "one attach left, nattch %ld",
		      nattch_of(id));
	}
	CHECK_OK(shmdt(p));
	CHECK_ERR(stat64_of(id, &ds), EINVAL);
	CHECK_ERR(shmat(id, NULL, 0), EINVAL);
	case_end();
}

/* IPC_RMID with nothing attached destroys the segment at once. */
static void test_rmid_unattached_gone(void)
{
	struct abi_shmid64_ds ds;
	key_t key = test_key(2);
	int id;

	case_begin("ctl_rmid_unattached_gone");
	id = seg_get(key, PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0600);
	CHECK_OK(id);
	CHECK(seg_rm(id) == 0, "IPC_RMID returns 0, errno %d", errno);
	CHECK_ERR(stat64_of(id, &ds), EINVAL);
	CHECK_ERR(shmget(key, 0, 0), ENOENT);
	CHECK_ERR(shmctl(id, IPC_RMID, NULL), EINVAL);
	case_end();
}

/*
 * An id whose segment is gone is EINVAL for every command, also when a
 * new segment has been made since (on a kernel that reuses slots, it
 * probably took the old one's slot: only the sequence number differs).
 */
static void test_stale_id_einval(void)
{
	struct abi_shmid64_ds ds;
	int old, id;

	case_begin("ctl_stale_id_einval");
	old = seg_new(PAGE_SIZE);
	CHECK(stat64_of(old, &ds) == 0, "IPC_STAT of the first segment");
	seg_rm(old);
	id = seg_new(PAGE_SIZE);
	CHECK(id >= 0 && id != old, "the new segment has a new id, got %d "
	      "(old %d)", id, old);
	CHECK_ERR(stat64_of(old, &ds), EINVAL);
	CHECK_ERR(ipc_shmctl(old, IPC_SET | ABI_IPC_64, &ds), EINVAL);
	CHECK_ERR(shmctl(old, ABI_SHM_LOCK, NULL), EINVAL);
	CHECK_ERR(shmctl(old, ABI_SHM_UNLOCK, NULL), EINVAL);
	CHECK_ERR(shmat(old, NULL, 0), EINVAL);
	CHECK_ERR(shmctl(old, IPC_RMID, NULL), EINVAL);
	CHECK(nattch_of(id) == 0 && mode_of(id) == 0600,
	      "the new segment untouched by all that");
	seg_rm(id);
	case_end();
}

/* Negative ids are EINVAL, for IPC_INFO too (the check comes first). */
static void test_bad_id_einval(void)
{
	struct abi_shmid64_ds ds;
	struct abi_shminfo64 si;

	case_begin("ctl_bad_id_einval");
	CHECK_ERR(stat64_of(-1, &ds), EINVAL);
	CHECK_ERR(shmctl(-1, IPC_RMID, NULL), EINVAL);
	CHECK_ERR(shmctl(-1, ABI_SHM_LOCK, NULL), EINVAL);
	CHECK_ERR(sys_shmctl(-1, IPC_STAT, &ds), EINVAL);
	CHECK_ERR(ipc_shmctl(-1, IPC_INFO | ABI_IPC_64, &si), EINVAL);
	case_end();
}

/* A command that does not exist is EINVAL, whatever the path. */
static void test_bad_cmd_einval(void)
{
	struct abi_shmid64_ds ds;
	int id;

	case_begin("ctl_bad_cmd_einval");
	id = seg_new(PAGE_SIZE);
	CHECK_ERR(shmctl(id, -1, (struct shmid_ds *)&ds), EINVAL);
	CHECK_ERR(shmctl(id, 4, (struct shmid_ds *)&ds), EINVAL);
	CHECK_ERR(shmctl(id, 16, (struct shmid_ds *)&ds), EINVAL);
	CHECK_ERR(shmctl(id, 99, (struct shmid_ds *)&ds), EINVAL);
	CHECK_ERR(ipc_shmctl(id, 99, &ds), EINVAL);
	CHECK_ERR(sys_shmctl(id, 99, &ds), EINVAL);
	CHECK_ERR(sys_shmctl(id, -1, &ds), EINVAL);
	CHECK(nattch_of(id) == 0 && mode_of(id) == 0600, "segment intact");
	seg_rm(id);
	case_end();
}

/* LTP shmctl07, and today's idempotence: lock and unlock twice each. */
static void test_lock_unlock(void)
{
	int id;

	case_begin("ctl_lock_unlock");
	id = seg_new(PAGE_SIZE);
	CHECK(shmctl(id, ABI_SHM_LOCK, NULL) == 0, "SHM_LOCK, errno %d",
	      errno);
	CHECK(mode_of(id) & ABI_SHM_LOCKED, "SHM_LOCKED set, mode 0%lo",
	      mode_of(id));
	CHECK(shmctl(id, ABI_SHM_LOCK, NULL) == 0,
	      "SHM_LOCK again returns 0, errno %d", errno);
	CHECK(mode_of(id) == (ABI_SHM_LOCKED | 0600),
	      "mode SHM_LOCKED|0600, got 0%lo", mode_of(id));
	CHECK(shmctl(id, ABI_SHM_UNLOCK, NULL) == 0, "SHM_UNLOCK, errno %d",
	      errno);
	CHECK(mode_of(id) == 0600, "SHM_LOCKED clear, mode 0%lo",
	      mode_of(id));
	CHECK(shmctl(id, ABI_SHM_UNLOCK, NULL) == 0,
	      "SHM_UNLOCK again returns 0, errno %d", errno);
	CHECK(sys_shmctl(id, ABI_SHM_LOCK, NULL) == 0 &&
	      sys_shmctl(id, ABI_SHM_UNLOCK, NULL) == 0,
	      "both through shmctl(396), errno %d", errno);
	seg_rm(id);
	case_end();
}

/*
 * The bound on an index in use. Lintel hands out the lowest free slot of
 * shm_segs[], so an index is always below shmmni. Linux allocates indices
 * cyclically up to IPCMNI (the 15 bits below the sequence number), so on a
 * host that has made many segments since boot an index can pass shmmni.
 */
#define IPCMNI	32768
static uint32_t max_index_bound(uint32_t shmmni)
{
	struct utsname u;

	if (uname(&u) == 0 && !strcmp(u.sysname, "Lintel"))
		return shmmni;
	return IPCMNI;
}

/* IPC_INFO: the limits, sane, and the highest index in use returned. */
static void test_ipc_info(void)
{
	struct abi_shminfo64 si;
	int id, idx, r;

	case_begin("ctl_ipc_info");
	id = seg_new(PAGE_SIZE);
	idx = index_of(id);
	memset(&si, POISON, sizeof(si));
	r = ipc_info(&si);
	CHECK(r >= 0, "IPC_INFO succeeds, errno %d", errno);
	CHECK(si.shmmin == 1, "shmmin 1, got %u", si.shmmin);
	CHECK(si.shmmax >= PAGE_SIZE, "shmmax at least a page, got %u",
	      si.shmmax);
	CHECK(si.shmmni >= 1 && si.shmseg >= 1 && si.shmall >= 1,
	      "shmmni, shmseg and shmall positive, got %u %u %u", si.shmmni,
	      si.shmseg, si.shmall);
	CHECK(si.unused1 == 0 && si.unused2 == 0 && si.unused3 == 0 &&
	      si.unused4 == 0, "the unused words zeroed, got %x %x %x %x",
	      si.unused1, si.unused2, si.unused3, si.unused4);
	CHECK(idx >= 0, "segment %d found by SHM_STAT", id);
	CHECK(r >= idx && (uint32_t)r < max_index_bound(si.shmmni),
	      "returns the highest index in use: >= %d and < %u, got %d",
	      idx, max_index_bound(si.shmmni), r);
	seg_rm(id);
	case_end();
}

/*
 * SHM_INFO: used_ids counts segments, shm_tot their pages (rounded up),
 * shm_rss the pages touched. Measured as differences across creating,
 * touching and removing three segments; on a busy host another program
 * may make a segment meanwhile, so a mismatch is retried a few times (a
 * kernel that miscounts misses every time).
 */
static int shm_info_round(char *why, size_t whylen)
{
	struct abi_shm_info a, b, c;
	int ids[3], i, ok = 1;
	char *p[3];

	if (shm_info(&a) < 0) {
		snprintf(why, whylen, "SHM_INFO errno %d", errno);
		return 0;
	}
	ids[0] = seg_new(PAGE_SIZE);
	ids[1] = seg_new(3 * PAGE_SIZE);
	ids[2] = seg_new(5000);
	for (i = 0; i < 3; i++) {
		p[i] = shmat(ids[i], NULL, 0);
		if (p[i] == (void *)-1)
			ok = 0;
	}
	if (ok) {
		memset(p[0], 1, PAGE_SIZE);
		memset(p[1], 1, 3 * PAGE_SIZE);
	}
	if (shm_info(&b) < 0)
		ok = 0;
	for (i = 0; i < 3; i++) {
		if (p[i] != (void *)-1)
			shmdt(p[i]);
		seg_rm(ids[i]);
	}
	if (!ok || shm_info(&c) < 0) {
		snprintf(why, whylen, "setup failed, errno %d", errno);
		return 0;
	}
	if (b.used_ids - a.used_ids != 3 || b.shm_tot - a.shm_tot != 6 ||
	    b.shm_rss - a.shm_rss != 4 ||
	    c.used_ids != a.used_ids || c.shm_tot != a.shm_tot ||
	    c.shm_rss != a.shm_rss) {
		snprintf(why, whylen, "used_ids %d -> %d -> %d (want +3, back), "
			 "shm_tot %u -> %u -> %u (want +6), shm_rss %u -> %u "
			 "-> %u (want +4)", a.used_ids, b.used_ids, c.used_ids,
			 a.shm_tot, b.shm_tot, c.shm_tot, a.shm_rss, b.shm_rss,
			 c.shm_rss);
		return 0;
	}
	return 1;
}

static void test_shm_info(void)
{
	struct abi_shm_info si;
	char why[256] = "";
	int tries, ok = 0, id, idx, r;

	case_begin("ctl_shm_info");
	for (tries = 0; tries < 3 && !ok; tries++)
		ok = shm_info_round(why, sizeof(why));
	CHECK(ok, "counts follow three segments: %s", why);
	id = seg_new(PAGE_SIZE);
	idx = index_of(id);
	memset(&si, POISON, sizeof(si));
	r = shm_info(&si);
	CHECK(idx >= 0 && r >= idx, "returns the highest index in use (>= %d), "
	      "got %d", idx, r);
	CHECK(si.used_ids >= 1 && si.shm_tot >= 1,
	      "our segment counted: used_ids %d shm_tot %u", si.used_ids,
	      si.shm_tot);
	seg_rm(id);
	case_end();
}

/*
 * SHM_STAT by index returns the full id and the same fields as IPC_STAT;
 * SHM_STAT_ANY is the same without the read check. Indexes with nothing
 * in them, and negative ones, are EINVAL.
 */
static void test_shm_stat_by_index(void)
{
	struct abi_shmid64_ds by_id, by_idx, any;
	int id, idx;

	case_begin("ctl_shm_stat_by_index");
	id = seg_new(3 * PAGE_SIZE);
	idx = index_of(id);
	CHECK(idx >= 0, "segment %d found by an SHM_STAT scan", id);
	if (idx >= 0) {
		memset(&by_id, POISON, sizeof(by_id));
		memset(&by_idx, POISON, sizeof(by_idx));
		memset(&any, POISON, sizeof(any));
		CHECK(stat64_of(id, &by_id) == 0, "IPC_STAT, errno %d", errno);
		CHECK(ipc_shmctl(idx, ABI_SHM_STAT | ABI_IPC_64, &by_idx) == id,
		      "SHM_STAT(%d) returns id %d", idx, id);
		CHECK(memcmp(&by_id, &by_idx, sizeof(by_id)) == 0,
		      "SHM_STAT fills the same bytes as IPC_STAT");
		CHECK(ipc_shmctl(idx, ABI_SHM_STAT_ANY | ABI_IPC_64, &any) == id,
		      "SHM_STAT_ANY(%d) returns id %d, errno %d", idx, id,
		      errno);
		CHECK(memcmp(&by_id, &any, sizeof(by_id)) == 0,
		      "SHM_STAT_ANY fills the same bytes as IPC_STAT");
		CHECK(sys_shmctl(idx, ABI_SHM_STAT, &any) == id,
		      "SHM_STAT through shmctl(396) returns id %d", id);
	}
	seg_rm(id);
	if (idx >= 0)
		CHECK_ERR(ipc_shmctl(idx, ABI_SHM_STAT | ABI_IPC_64, &by_idx),
			  EINVAL);
	CHECK_ERR(ipc_shmctl(-1, ABI_SHM_STAT | ABI_IPC_64, &by_idx), EINVAL);
	CHECK_ERR(ipc_shmctl(0x7fffffff, ABI_SHM_STAT | ABI_IPC_64, &by_idx),
		  EINVAL);
	CHECK_ERR(ipc_shmctl(0x7fffffff, ABI_SHM_STAT_ANY | ABI_IPC_64, &any),
		  EINVAL);
	case_end();
}

int main(void)
{
	seg_purge_keys();
	test_set_mode_ctime();
	test_set_takes_only_uid_gid_mode();
	test_rmid_while_attached();
	test_rmid_unattached_gone();
	test_stale_id_einval();
	test_bad_id_einval();
	test_bad_cmd_einval();
	test_lock_unlock();
	test_ipc_info();
	test_shm_info();
	test_shm_stat_by_index();
	seg_cleanup_all();
	return check_summary();
}
