/*
 * test_sem_ctl - semget and every semctl command, with today's Linux
 * errno for each bad input, through the ipc(117) multiplexer and the
 * direct calls (393, 394), in both layouts (semid64_ds with IPC_64, the
 * old semid_ds without).
 */
#include "ipc_test.h"

static struct abi_seminfo limits;

static void test_semget_errors(void)
{
	key_t key = test_key(1);
	int id, id2;

	case_begin("semget_errors");
	CHECK_ERR(semget(key, -1, IPC_CREAT | 0600), EINVAL);
	CHECK_ERR(semget(key, limits.semmsl + 1, IPC_CREAT | 0600), EINVAL);
	CHECK_ERR(semget(key, 1, 0600), ENOENT);
	CHECK_ERR(semget(key, 0, IPC_CREAT | 0600), EINVAL);
	id = sem_new(key, 2, IPC_CREAT | IPC_EXCL | 0600);
	CHECK(id >= 0, "semget create: %d errno %d", id, errno);
	CHECK_ERR(semget(key, 2, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	CHECK_ERR(semget(key, 3, 0600), EINVAL);
	CHECK(semget(key, 0, 0) == id, "semget(key, 0) should find %d", id);
	CHECK(semget(key, 1, IPC_CREAT | 0600) == id,
	      "semget(key, fewer) should find %d", id);
	CHECK(sys_semget(key, 2, 0) == id, "semget(393) should find %d", id);
	CHECK(ipc_semget(key, 2, 0) == id, "ipc(SEMGET) should find %d", id);
	id2 = sem_new(IPC_PRIVATE, 1, 0600);
	CHECK(id2 >= 0 && id2 != id, "IPC_PRIVATE: a new set, got %d", id2);
	case_end();
}

static void test_ipc_info(void)
{
	struct abi_seminfo a, b;
	int id;

	case_begin("semctl_ipc_info_and_sem_info");
	memset(&a, POISON, sizeof(a));
	CHECK(sys_semctl(0, 0, IPC_INFO, (unsigned long)&a) >= 0,
	      "IPC_INFO: errno %d", errno);
	CHECK(a.semvmx == ABI_SEMVMX, "semvmx %d", a.semvmx);
	CHECK(a.semmsl > 0 && a.semopm > 0 && a.semmni > 0 &&
	      a.semmns >= a.semmsl, "limits msl %d opm %d mni %d mns %d",
	      a.semmsl, a.semopm, a.semmni, a.semmns);
	memset(&b, POISON, sizeof(b));
	CHECK(ipc_semctl(0, 0, IPC_INFO, (unsigned long)&b) >= 0,
	      "ipc IPC_INFO: errno %d", errno);
	CHECK(!memcmp(&a, &b, sizeof(a)), "the two IPC_INFO paths differ");
	id = sem_new(IPC_PRIVATE, 3, 0600);
	memset(&b, POISON, sizeof(b));
	CHECK(sys_semctl(0, 0, SEM_INFO, (unsigned long)&b) >= 0,
	      "SEM_INFO: errno %d", errno);
	CHECK(b.semusz >= 1 && b.semaem >= 3,
	      "SEM_INFO: %d sets, %d semaphores in use", b.semusz, b.semaem);
	CHECK(b.semmsl == a.semmsl, "SEM_INFO semmsl %d", b.semmsl);
	CHECK_ERR(sys_semctl(0, 0, IPC_INFO, (unsigned long)BAD_PTR_NULL),
		  EFAULT);
	CHECK_ERR(sys_semctl(-1, 0, IPC_INFO, (unsigned long)&b), EINVAL);
	semctl(id, 0, IPC_RMID);
	case_end();
}

static void test_stat_layouts(void)
{
	struct abi_semid64_ds ds;
	unsigned char raw[128];
	struct abi_old_semid_ds *old = (void *)raw;
	long t0 = now();
	int id = sem_new(test_key(2), 4, IPC_CREAT | 0640);

	case_begin("semctl_ipc_stat_both_layouts");
	memset(&ds, POISON, sizeof(ds));
	CHECK(sys_semctl(id, 0, IPC_STAT, (unsigned long)&ds) == 0,
	      "IPC_STAT: errno %d", errno);
	CHECK(ds.sem_perm.key == test_key(2) && ds.sem_perm.mode == 0640 &&
	      ds.sem_perm.uid == geteuid() && ds.sem_perm.cuid == geteuid() &&
	      ds.sem_perm.gid == getegid() && ds.sem_nsems == 4,
	      "key %x mode %o uid %u nsems %u", ds.sem_perm.key,
	      ds.sem_perm.mode, ds.sem_perm.uid, ds.sem_nsems);
	CHECK(ds.sem_otime == 0 && ds.sem_ctime >= (uint32_t)t0 &&
	      ds.sem_ctime <= (uint32_t)now(), "otime %u ctime %u",
	      ds.sem_otime, ds.sem_ctime);
	CHECK(ds.sem_otime_high == 0 && ds.sem_ctime_high == 0 &&
	      ds.unused3 == 0 && ds.unused4 == 0, "padding not zeroed");
	memset(raw, POISON, sizeof(raw));
	CHECK(ipc_semctl(id, 0, IPC_STAT | ABI_IPC_64, (unsigned long)raw) == 0,
	      "ipc IPC_STAT|IPC_64: errno %d", errno);
	CHECK(!memcmp(raw, &ds, sizeof(ds)) && raw[sizeof(ds)] == POISON,
	      "ipc IPC_64 layout differs from semctl(394)'s");
	memset(raw, POISON, sizeof(raw));
	CHECK(ipc_semctl(id, 0, IPC_STAT, (unsigned long)raw) == 0,
	      "old IPC_STAT: errno %d", errno);
	CHECK(old->sem_perm.key == test_key(2) && old->sem_perm.mode == 0640 &&
	      old->sem_perm.uid == (uint16_t)geteuid() && old->sem_nsems == 4 &&
	      old->sem_ctime == (int32_t)ds.sem_ctime,
	      "old: key %x mode %o nsems %u", old->sem_perm.key,
	      old->sem_perm.mode, old->sem_nsems);
	CHECK(old->sem_base == 0 && old->sem_pending == 0 && old->undo == 0 &&
	      raw[sizeof(*old)] == POISON,
	      "old layout: kernel pointers %x %x or size wrong", old->sem_base,
	      old->sem_pending);
	CHECK_ERR(sys_semctl(id, 0, IPC_STAT, (unsigned long)BAD_PTR_KERNEL),
		  EFAULT);
	case_end();
}

/* SEM_STAT and SEM_STAT_ANY take an index and return the id there. */
static void test_sem_stat(void)
{
	struct abi_semid64_ds ds;
	int id = sem_new(IPC_PRIVATE, 1, 0600), i, max, found = -1;

	case_begin("semctl_sem_stat_by_index");
	max = sys_semctl(0, 0, SEM_INFO, (unsigned long)&limits);
	for (i = 0; i <= max && found < 0; i++)
		if (sys_semctl(i, 0, SEM_STAT, (unsigned long)&ds) == id)
			found = i;
	CHECK(found >= 0, "SEM_STAT found no index for id %d (max %d)", id,
	      max);
	CHECK(found < 0 ||
	      sys_semctl(found, 0, SEM_STAT_ANY, (unsigned long)&ds) == id,
	      "SEM_STAT_ANY at %d: errno %d", found, errno);
	CHECK(ds.sem_nsems == 1, "nsems %u", ds.sem_nsems);
	CHECK_ERR(sys_semctl(max + 1, 0, SEM_STAT, (unsigned long)&ds),
		  EINVAL);
	case_end();
	sys_semctl(0, 0, IPC_INFO, (unsigned long)&limits);
}

static void test_values(void)
{
	unsigned short in[3] = { 7, 0, ABI_SEMVMX }, out[4];
	int id = sem_new(IPC_PRIVATE, 3, 0600);

	case_begin("semctl_getval_setval_getall_setall_getpid");
	CHECK(semctl(id, 1, GETVAL) == 0, "new semaphore not 0");
	CHECK(semctl(id, 1, SETVAL, 5) == 0, "SETVAL: errno %d", errno);
	CHECK(semctl(id, 1, GETVAL) == 5, "GETVAL after SETVAL 5");
	CHECK(sys_semctl(id, 1, GETVAL, 0) == 5, "semctl(394) GETVAL");
	CHECK(semctl(id, 1, GETPID) == getpid(), "GETPID after SETVAL: %d",
	      semctl(id, 1, GETPID));
	CHECK(semctl(id, 0, GETNCNT) == 0 && semctl(id, 0, GETZCNT) == 0,
	      "GETNCNT/GETZCNT with no sleepers");
	CHECK_ERR(semctl(id, 1, SETVAL, ABI_SEMVMX + 1), ERANGE);
	CHECK_ERR(semctl(id, 1, SETVAL, -1), ERANGE);
	CHECK_ERR(semctl(-5 & 0x7fffffff, 1, SETVAL, -1), ERANGE);
	CHECK_ERR(semctl(id, 3, SETVAL, 1), EINVAL);
	CHECK_ERR(semctl(id, -1, GETVAL), EINVAL);
	CHECK_ERR(semctl(id, 3, GETNCNT), EINVAL);
	CHECK(semctl(id, 0, SETALL, in) == 0, "SETALL: errno %d", errno);
	memset(out, POISON, sizeof(out));
	CHECK(semctl(id, 99, GETALL, out) == 0, "GETALL: errno %d", errno);
	CHECK(out[0] == 7 && out[1] == 0 && out[2] == ABI_SEMVMX &&
	      out[3] == (POISON << 8 | POISON), "GETALL %u %u %u %x",
	      out[0], out[1], out[2], out[3]);
	in[1] = ABI_SEMVMX + 1;
	CHECK_ERR(semctl(id, 0, SETALL, in), ERANGE);
	CHECK(semctl(id, 0, GETVAL) == 7, "a failed SETALL changed a value");
	CHECK_ERR(semctl(id, 0, GETALL, BAD_PTR_KERNEL), EFAULT);
	CHECK_ERR(semctl(id, 0, SETALL, BAD_PTR_NULL), EFAULT);
	case_end();
}

static void test_ctl_errors(void)
{
	struct abi_semid64_ds ds;
	int id = sem_new(IPC_PRIVATE, 1, 0600);

	case_begin("semctl_errors");
	CHECK_ERR(semctl(-1, 0, GETVAL), EINVAL);
	CHECK_ERR(semctl(id, 0, 4242), EINVAL);
	CHECK_ERR(ipc_call(IPCOP_SEMCTL, id, 0, GETVAL, NULL), EINVAL);
	CHECK_ERR(ipc_call(IPCOP_SEMCTL, id, 0, GETVAL, BAD_PTR_KERNEL), EFAULT);
	CHECK_ERR(sys_semctl(id, 0, IPC_SET, (unsigned long)BAD_PTR_NULL),
		  EFAULT);
	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID: errno %d", errno);
	CHECK_ERR(semctl(id, 0, GETVAL), EINVAL);
	CHECK_ERR(sys_semctl(id, 0, IPC_STAT, (unsigned long)&ds), EINVAL);
	CHECK_ERR(semctl(id, 0, IPC_RMID), EINVAL);
	CHECK_ERR(ipc_call(IPCOP_SEMCTL + 100, 0, 0, 0, NULL), ENOSYS);
	case_end();
}

static void test_ipc_set(void)
{
	struct abi_semid64_ds ds;
	struct abi_old_semid_ds old;
	key_t key = test_key(3);
	int id = sem_new(key, 1, IPC_CREAT | 0600);

	case_begin("semctl_ipc_set_both_layouts");
	sys_semctl(id, 0, IPC_STAT, (unsigned long)&ds);
	ds.sem_perm.mode = 01644;	/* only the rwx bits are taken */
	ds.sem_perm.gid = 4321;
	CHECK(sys_semctl(id, 0, IPC_SET, (unsigned long)&ds) == 0,
	      "IPC_SET: errno %d", errno);
	memset(&ds, 0, sizeof(ds));
	sys_semctl(id, 0, IPC_STAT, (unsigned long)&ds);
	CHECK(ds.sem_perm.mode == 0644 && ds.sem_perm.gid == 4321 &&
	      ds.sem_perm.cgid == (uint32_t)getegid(),
	      "after IPC_SET: mode %o gid %u cgid %u", ds.sem_perm.mode,
	      ds.sem_perm.gid, ds.sem_perm.cgid);
	ipc_semctl(id, 0, IPC_STAT, (unsigned long)&old);
	old.sem_perm.mode = 0600;
	CHECK(ipc_semctl(id, 0, IPC_SET, (unsigned long)&old) == 0,
	      "old IPC_SET: errno %d", errno);
	CHECK(sys_semctl(id, 0, IPC_STAT, (unsigned long)&ds) == 0 &&
	      ds.sem_perm.mode == 0600, "after old IPC_SET: mode %o",
	      ds.sem_perm.mode);
	CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID: errno %d", errno);
	CHECK_ERR(semget(key, 1, 0600), ENOENT);
	case_end();
}

/* /proc/sys/kernel/sem says what IPC_INFO says; /proc/sysvipc/sem lists sets. */
static void test_proc(void)
{
	char buf[128], want[128];
	long v[10];
	int id = sem_new(test_key(4), 3, IPC_CREAT | 0604);

	case_begin("sem_proc_sys_kernel_sem_and_sysvipc");
	snprintf(want, sizeof(want), "%d\t%d\t%d\t%d\n", limits.semmsl,
		 limits.semmns, limits.semopm, limits.semmni);
	CHECK(read_proc("/proc/sys/kernel/sem", buf, sizeof(buf)) > 0 &&
	      !strcmp(buf, want), "/proc/sys/kernel/sem \"%s\", want \"%s\"",
	      buf, want);
	CHECK(sysvipc_line("sem", id, v, 10) == 10 && v[0] == test_key(4) &&
	      v[2] == 0604 && v[3] == 3 && v[4] == (long)geteuid() &&
	      v[7] == (long)getegid() && v[8] == 0,
	      "/proc/sysvipc/sem line for %d: key %ld perms %lo nsems %ld", id,
	      v[0], v[2], v[3]);
	case_end();
}

static int make_set(void)
{
	return semget(IPC_PRIVATE, 1, 0600);
}

/*
 * SEMMNI: sets until ENOSPC (on Lintel; a Linux host's table of 32000 is
 * not filled), then a freed slot is usable again. SEMMNS: a set asking
 * for more semaphores than are left is ENOSPC too.
 */
static void test_semmni(void)
{
	int ids[EXHAUST_MAX + 16], n, err, id;

	if (limits.semmni > EXHAUST_MAX) {
		case_skip("sem_limits_semmni_enospc", "semmni is too big to fill");
		return;
	}
	case_begin("sem_limits_semmni_enospc");
	n = exhaust(make_set, limits.semmni, ids, &err);
	CHECK(err == ENOSPC && n <= limits.semmni,
	      "ENOSPC within semmni %d sets: made %d, errno %d",
	      limits.semmni, n, err);
	if (n > 0) {
		semctl(ids[--n], 0, IPC_RMID);
		id = make_set();
		CHECK(id >= 0, "a freed slot is usable again: errno %d", errno);
		if (id >= 0)
			ids[n++] = id;
	}
	while (n > 0)
		semctl(ids[--n], 0, IPC_RMID);
	case_end();
}

int main(void)
{
	int sems0 = sems_in_use(), msqs0 = msqs_in_use();

	if (sys_semctl(0, 0, IPC_INFO, (unsigned long)&limits) < 0) {
		printf("test sem_ipc_info: FAILED (errno %d)\n", errno);
		return 1;
	}
	test_semget_errors();
	ipc_cleanup_all();
	test_ipc_info();
	test_stat_layouts();
	test_sem_stat();
	test_values();
	test_ctl_errors();
	test_ipc_set();
	test_proc();
	test_semmni();
	ipc_check_no_leak("sem_ctl_nothing_leaked", sems0, msqs0);
	return check_summary();
}
