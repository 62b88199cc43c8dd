/*
 * test_shm_perm - who may do what to a segment.
 *
 * Covers LTP shmat02 (case 3), shmctl02, shmget02 (the EACCES case) and
 * shmget04 with children that drop to other uids and gids:
 *   - access (shmget's mode bits, shmat, IPC_STAT, SHM_STAT) uses one
 *     class of mode bits: owner if euid is the uid or cuid, else group if
 *     the gid or cgid is among the caller's groups, else other; every
 *     requested bit must be granted; a shmget flag with no mode bits asks
 *     for nothing;
 *   - ownership (IPC_SET, IPC_RMID, SHM_LOCK, SHM_UNLOCK) needs the uid
 *     or cuid (or root), whatever the mode: EPERM otherwise;
 *   - today an owner may SHM_LOCK within RLIMIT_MEMLOCK (1.2.13 allowed
 *     only root).
 * Needs root to switch users; prints SKIPPED otherwise.
 */
#include <grp.h>
#include <sys/resource.h>

#include "shm_test.h"

/* Users and groups for the children; no passwd entries needed. */
#define OWNER_UID	40001
#define GROUP_UID	40002
#define OTHER_UID	40003
#define CREATOR_UID	40004
#define NEW_OWNER_UID	40005
#define SEG_GID		41001
#define OTHER_GID	41002

/*
 * fork, and in the child become uid/gid with exactly the supplementary
 * groups given. Returns the pid in the parent, 0 in the child. A child
 * that cannot switch reports it and ends.
 */
static pid_t fork_as(uid_t uid, gid_t gid, const gid_t *groups, int ngroups)
{
	pid_t pid = fork_child();

	if (pid != 0) {
		if (pid < 0)
			FAIL("fork: errno %d", errno);
		return pid;
	}
	if (setgroups(ngroups, groups) < 0 || setgid(gid) < 0 ||
	    setuid(uid) < 0 || geteuid() != uid || getegid() != gid) {
		FAIL("becoming uid %u gid %u: errno %d", uid, gid, errno);
		child_exit();
	}
	return 0;
}

/* A root-made segment under `key', handed to OWNER_UID:SEG_GID. */
static int owned_segment(key_t key, int mode)
{
	struct abi_shmid64_ds ds;
	int id = seg_get(key, PAGE_SIZE, IPC_CREAT | IPC_EXCL | mode);

	if (id < 0 || stat64_of(id, &ds) < 0)
		return -1;
	ds.shm_perm.uid = OWNER_UID;
	ds.shm_perm.gid = SEG_GID;
	if (ipc_shmctl(id, IPC_SET | ABI_IPC_64, &ds) < 0)
		return -1;
	return id;
}

/* Can the caller attach id with these shmat flags? Detaches again. */
static int can_attach(int id, int flags)
{
	void *p = shmat(id, NULL, flags);

	if (p == (void *)-1)
		return -errno;
	shmdt(p);
	return 0;
}

/*
 * Mode 0640 owned by OWNER_UID:SEG_GID: the owner reads and writes, the
 * group reads, others get nothing - each class checked on its own.
 */
static void test_owner_group_other(void)
{
	struct abi_shmid64_ds ds;
	static const gid_t supp[] = { SEG_GID };
	key_t key = test_key(1);
	pid_t pid;
	int id;

	case_begin("perm_owner_group_other");
	id = owned_segment(key, 0640);
	CHECK(id >= 0, "segment owned by %d, errno %d", OWNER_UID, errno);

	pid = fork_as(OWNER_UID, OTHER_GID, NULL, 0);
	if (pid == 0) {
		CHECK(shmget(key, 0, 0600) == id, "owner: shmget for rw");
		CHECK(can_attach(id, 0) == 0, "owner: attach rw");
		CHECK(stat64_of(id, &ds) == 0, "owner: IPC_STAT");
		child_exit();
	}
	child_verdict(pid);

	pid = fork_as(GROUP_UID, SEG_GID, NULL, 0);
	if (pid == 0) {
		CHECK(shmget(key, 0, 0400) == id, "group: shmget for read");
		CHECK_ERR(shmget(key, 0, 0600), EACCES);
		CHECK_ERR(shmget(key, 0, 0020), EACCES);
		CHECK(can_attach(id, SHM_RDONLY) == 0, "group: attach read-only");
		CHECK(can_attach(id, 0) == -EACCES, "group: attach rw EACCES");
		CHECK(stat64_of(id, &ds) == 0, "group: IPC_STAT, errno %d",
		      errno);
		child_exit();
	}
	child_verdict(pid);

	/* A supplementary group counts as much as the primary one. */
	pid = fork_as(GROUP_UID, OTHER_GID, supp, 1);
	if (pid == 0) {
		CHECK(can_attach(id, SHM_RDONLY) == 0,
		      "supplementary group: attach read-only");
		CHECK(can_attach(id, 0) == -EACCES,
		      "supplementary group: attach rw EACCES");
		child_exit();
	}
	child_verdict(pid);

	pid = fork_as(OTHER_UID, OTHER_GID, NULL, 0);
	if (pid == 0) {
		CHECK_ERR(shmget(key, 0, 0400), EACCES);
		CHECK_ERR(shmget(key, 0, 0004), EACCES);
		CHECK(shmget(key, 0, 0) == id,
		      "other: shmget asking no access finds the id");
		CHECK(can_attach(id, SHM_RDONLY) == -EACCES,
		      "other: attach read-only EACCES");
		CHECK_ERR(stat64_of(id, &ds), EACCES);
		child_exit();
	}
	child_verdict(pid);
	seg_rm(id);
	case_end();
}

/* The owner's class is used even when it grants less than the others. */
static void test_owner_class_is_final(void)
{
	key_t key = test_key(2);
	pid_t pid;
	int id;

	case_begin("perm_owner_class_is_final");
	id = owned_segment(key, 0066);
	CHECK(id >= 0, "segment, errno %d", errno);
	pid = fork_as(OWNER_UID, SEG_GID, NULL, 0);
	if (pid == 0) {
		CHECK_ERR(shmget(key, 0, 0400), EACCES);
		CHECK(can_attach(id, SHM_RDONLY) == -EACCES,
		      "owner with mode 0066: attach EACCES");
		child_exit();
	}
	child_verdict(pid);
	pid = fork_as(OTHER_UID, OTHER_GID, NULL, 0);
	if (pid == 0) {
		CHECK(can_attach(id, 0) == 0, "other with mode 0066: attach rw");
		child_exit();
	}
	child_verdict(pid);
	seg_rm(id);
	case_end();
}

/*
 * The creator stays an owner after giving the segment away: cuid counts
 * like uid, for access and for IPC_SET/IPC_RMID.
 */
static void test_creator_counts_as_owner(void)
{
	struct abi_shmid64_ds ds;
	pid_t pid;
	int id;

	case_begin("perm_creator_counts_as_owner");
	pid = fork_as(CREATOR_UID, OTHER_GID, NULL, 0);
	if (pid == 0) {
		id = shmget(IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | 0600);
		CHECK(id >= 0 && stat64_of(id, &ds) == 0,
		      "create as uid %d, errno %d", CREATOR_UID, errno);
		ds.shm_perm.uid = NEW_OWNER_UID;
		CHECK(ipc_shmctl(id, IPC_SET | ABI_IPC_64, &ds) == 0,
		      "give it to uid %d, errno %d", NEW_OWNER_UID, errno);
		CHECK(stat64_of(id, &ds) == 0 &&
		      ds.shm_perm.uid == NEW_OWNER_UID &&
		      ds.shm_perm.cuid == CREATOR_UID,
		      "uid %d cuid %d, got %u %u", NEW_OWNER_UID, CREATOR_UID,
		      ds.shm_perm.uid, ds.shm_perm.cuid);
		CHECK(can_attach(id, 0) == 0, "the creator still attaches rw");
		ds.shm_perm.mode = 0640;
		CHECK(ipc_shmctl(id, IPC_SET | ABI_IPC_64, &ds) == 0,
		      "the creator still may IPC_SET, errno %d", errno);
		CHECK(shmctl(id, IPC_RMID, NULL) == 0,
		      "the creator still may IPC_RMID, errno %d", errno);
		child_exit();
	}
	child_verdict(pid);
	case_end();
}

/*
 * LTP shmctl02 as nobody: a root segment readable by all can be read,
 * but not changed, removed, locked or unlocked: EPERM. With mode 0600,
 * not read either: EACCES.
 */
static void test_nonowner_eperm(void)
{
	struct abi_shmid64_ds ds;
	int id, closed;
	pid_t pid;

	case_begin("perm_nonowner_eperm");
	id = seg_get(IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | 0666);
	closed = seg_get(IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | 0600);
	CHECK(id >= 0 && closed >= 0, "segments, errno %d", errno);
	pid = fork_as(OTHER_UID, OTHER_GID, NULL, 0);
	if (pid == 0) {
		CHECK(stat64_of(id, &ds) == 0, "IPC_STAT of a 0666 segment");
		CHECK_ERR(ipc_shmctl(id, IPC_SET | ABI_IPC_64, &ds), EPERM);
		CHECK_ERR(shmctl(id, IPC_RMID, NULL), EPERM);
		CHECK_ERR(shmctl(id, ABI_SHM_LOCK, NULL), EPERM);
		CHECK_ERR(shmctl(id, ABI_SHM_UNLOCK, NULL), EPERM);
		CHECK_ERR(sys_shmctl(id, IPC_RMID, NULL), EPERM);
		CHECK_ERR(stat64_of(closed, &ds), EACCES);
		CHECK_ERR(shmctl(closed, IPC_RMID, NULL), EPERM);
		child_exit();
	}
	child_verdict(pid);
	CHECK(mode_of(id) == 0666 && mode_of(closed) == 0600,
	      "both segments unchanged");
	seg_rm(id);
	seg_rm(closed);
	case_end();
}

/*
 * LTP shmctl02 case 1 and shmget04: the owner of a mode-0 segment cannot
 * read it (IPC_STAT, SHM_STAT, shmget with any access bit), SHM_STAT_ANY
 * ignores the mode, and ownership still allows IPC_SET and IPC_RMID.
 */
static void test_owner_mode0(void)
{
	struct abi_shmid64_ds ds;
	key_t key = test_key(3);
	int id, idx;
	pid_t pid;

	case_begin("perm_owner_mode0");
	id = owned_segment(key, 0);
	idx = index_of(id);
	CHECK(id >= 0 && idx >= 0, "segment and its index, errno %d", errno);
	pid = fork_as(OWNER_UID, SEG_GID, NULL, 0);
	if (pid == 0) {
		CHECK_ERR(stat64_of(id, &ds), EACCES);
		CHECK_ERR(ipc_shmctl(idx, ABI_SHM_STAT | ABI_IPC_64, &ds),
			  EACCES);
		CHECK(ipc_shmctl(idx, ABI_SHM_STAT_ANY | ABI_IPC_64, &ds) == id,
		      "SHM_STAT_ANY returns id %d, errno %d", id, errno);
		CHECK(ds.shm_perm.uid == OWNER_UID, "and fills the struct");
		CHECK_ERR(shmget(key, PAGE_SIZE, 0400), EACCES);
		CHECK_ERR(shmget(key, PAGE_SIZE, 0200), EACCES);
		CHECK_ERR(shmget(key, PAGE_SIZE, 0600), EACCES);
		CHECK(can_attach(id, SHM_RDONLY) == -EACCES,
		      "attach read-only EACCES");
		ds.shm_perm.mode = 0400;
		CHECK(ipc_shmctl(id, IPC_SET | ABI_IPC_64, &ds) == 0,
		      "the owner may IPC_SET, errno %d", errno);
		CHECK(stat64_of(id, &ds) == 0 && ds.shm_perm.mode == 0400,
		      "and then read: mode 0400");
		child_exit();
	}
	child_verdict(pid);
	seg_rm(id);
	case_end();
}

/*
 * LTP shmget02's EACCES case, and the order of shmget's checks on an
 * existing key: EEXIST, then the size (EINVAL), then access (EACCES).
 */
static void test_shmget_check_order(void)
{
	key_t key = test_key(4);
	pid_t pid;
	int id;

	case_begin("perm_shmget_check_order");
	id = seg_get(key, 2048, IPC_CREAT | IPC_EXCL);
	CHECK(id >= 0 && mode_of(id) == 0, "a root segment with mode 0");
	pid = fork_as(OTHER_UID, OTHER_GID, NULL, 0);
	if (pid == 0) {
		CHECK_ERR(shmget(key, 2048, 0400), EACCES);
		CHECK_ERR(shmget(key, 4096, 0400), EINVAL);
		CHECK_ERR(shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0400),
			  EEXIST);
		child_exit();
	}
	child_verdict(pid);
	seg_rm(id);
	case_end();
}

/* LTP shmat02 case 3, and what read permission alone allows. */
static void test_shmat_eacces(void)
{
	int closed, readable;
	pid_t pid;

	case_begin("perm_shmat_eacces");
	closed = seg_get(IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | 0600);
	readable = seg_get(IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | 0644);
	pid = fork_as(OTHER_UID, OTHER_GID, NULL, 0);
	if (pid == 0) {
		CHECK(can_attach(closed, 0) == -EACCES,
		      "attach of a 0600 root segment: EACCES");
		CHECK(can_attach(closed, SHM_RDONLY) == -EACCES,
		      "read-only attach of it: EACCES");
		CHECK(can_attach(readable, SHM_RDONLY) == 0,
		      "read-only attach of a 0644 segment");
		CHECK(can_attach(readable, 0) == -EACCES,
		      "rw attach of a 0644 segment: EACCES");
		child_exit();
	}
	child_verdict(pid);
	CHECK(nattch_of(closed) == 0 && nattch_of(readable) == 0,
	      "no attach left behind");
	seg_rm(closed);
	seg_rm(readable);
	case_end();
}

/* Root passes every access check, whatever the mode and the owner. */
static void test_root_bypasses_mode(void)
{
	struct abi_shmid64_ds ds;
	int id;

	case_begin("perm_root_bypasses_mode");
	id = owned_segment(test_key(5), 0);
	CHECK(id >= 0, "segment, errno %d", errno);
	CHECK(stat64_of(id, &ds) == 0, "IPC_STAT of mode 0, errno %d", errno);
	CHECK(can_attach(id, 0) == 0, "attach rw of mode 0");
	CHECK(shmget(test_key(5), 0, 0600) == id, "shmget for rw of mode 0");
	CHECK(shmctl(id, ABI_SHM_LOCK, NULL) == 0 &&
	      shmctl(id, ABI_SHM_UNLOCK, NULL) == 0,
	      "lock and unlock someone else's segment, errno %d", errno);
	seg_rm(id);
	case_end();
}

/*
 * An owner who is not root may SHM_LOCK only with a non-zero
 * RLIMIT_MEMLOCK (EPERM with 0); SHM_UNLOCK needs no limit.
 */
static void test_owner_lock_rlimit(void)
{
	struct rlimit rl;
	pid_t pid;
	int id;

	case_begin("perm_owner_lock_rlimit");
	id = owned_segment(test_key(6), 0600);
	CHECK(id >= 0, "segment, errno %d", errno);
	pid = fork_as(OWNER_UID, SEG_GID, NULL, 0);
	if (pid == 0) {
		rl.rlim_cur = 0;
		rl.rlim_max = 64 * 1024;
		CHECK(setrlimit(RLIMIT_MEMLOCK, &rl) == 0,
		      "RLIMIT_MEMLOCK 0, errno %d", errno);
		CHECK_ERR(shmctl(id, ABI_SHM_LOCK, NULL), EPERM);
		CHECK(shmctl(id, ABI_SHM_UNLOCK, NULL) == 0,
		      "SHM_UNLOCK needs no limit, errno %d", errno);
		rl.rlim_cur = 64 * 1024;
		CHECK(setrlimit(RLIMIT_MEMLOCK, &rl) == 0,
		      "RLIMIT_MEMLOCK 64 KiB, errno %d", errno);
		CHECK(shmctl(id, ABI_SHM_LOCK, NULL) == 0,
		      "the owner locks a page within the limit, errno %d",
		      errno);
		CHECK(mode_of(id) == (ABI_SHM_LOCKED | 0600),
		      "SHM_LOCKED set, mode 0%lo", mode_of(id));
		CHECK(shmctl(id, ABI_SHM_UNLOCK, NULL) == 0,
		      "and unlocks it, errno %d", errno);
		child_exit();
	}
	child_verdict(pid);
	CHECK(mode_of(id) == 0600, "unlocked at the end, mode 0%lo",
	      mode_of(id));
	seg_rm(id);
	case_end();
}

int main(void)
{
	static const char *const names[] = {
		"perm_owner_group_other", "perm_owner_class_is_final",
		"perm_creator_counts_as_owner", "perm_nonowner_eperm",
		"perm_owner_mode0", "perm_shmget_check_order",
		"perm_shmat_eacces", "perm_root_bypasses_mode",
		"perm_owner_lock_rlimit",
	};
	unsigned int i;

	if (!am_root()) {
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			case_skip(names[i], "needs root to switch users");
		return check_summary();
	}
	seg_purge_keys();
	test_owner_group_other();
	test_owner_class_is_final();
	test_creator_counts_as_owner();
	test_nonowner_eperm();
	test_owner_mode0();
	test_shmget_check_order();
	test_shmat_eacces();
	test_root_bypasses_mode();
	test_owner_lock_rlimit();
	seg_cleanup_all();
	return check_summary();
}
