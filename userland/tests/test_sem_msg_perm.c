/*
 * test_sem_msg_perm - uid 65534 (nobody) against root's semaphore sets
 * and message queues: reading needs r, changing needs w (semop with any
 * non-zero sem_op, SETVAL, SETALL, msgsnd), msgrcv needs r; SEM_STAT_ANY
 * and MSG_STAT_ANY need nothing; IPC_SET and IPC_RMID need the owner or
 * creator whatever the mode, and a queue's owner may not raise
 * msg_qbytes above msgmnb. Needs root to switch users.
 */
#include <grp.h>
#include "ipc_test.h"

#define NOBODY		65534

static int become_nobody(void)
{
	gid_t none = NOBODY;

	return setgroups(1, &none) == 0 && setgid(NOBODY) == 0 &&
	       setuid(NOBODY) == 0 && geteuid() == NOBODY;
}

/* Slot index of a set or queue (for the _STAT_ANY commands), or -1. */
static int sem_index(int id)
{
	struct abi_semid64_ds ds;
	struct abi_seminfo si;
	int i, max = sys_semctl(0, 0, SEM_INFO, (unsigned long)&si);

	for (i = 0; i <= max; i++)
		if (sys_semctl(i, 0, SEM_STAT_ANY, (unsigned long)&ds) == id)
			return i;
	return -1;
}

static int msq_index(int id)
{
	struct abi_msqid64_ds ds;
	struct abi_msginfo mi;
	int i, max = sys_msgctl(0, MSG_INFO, &mi);

	for (i = 0; i <= max; i++)
		if (sys_msgctl(i, MSG_STAT_ANY, &ds) == id)
			return i;
	return -1;
}

struct objs {
	key_t key;
	int sem_private, sem_readable, msq_private, msq_writable, msq_mine;
	int sem_idx;
};

static int sem_as_nobody(void *arg)
{
	struct objs *o = arg;
	struct abi_semid64_ds ds;
	struct sembuf down = { 0, -1, IPC_NOWAIT }, zero = { 0, 0, IPC_NOWAIT };
	unsigned short vals[1] = { 1 };

	if (!become_nobody()) {
		FAIL("cannot become uid %d: errno %d", NOBODY, errno);
		return 1;
	}
	CHECK_ERR(semget(o->key, 0, 0600), EACCES);
	CHECK(semget(o->key, 0, 0) == o->sem_private,
	      "semget asking for nothing: errno %d", errno);
	CHECK_ERR(semop(o->sem_private, &zero, 1), EACCES);
	CHECK_ERR(sys_semctl(o->sem_private, 0, IPC_STAT, (unsigned long)&ds),
		  EACCES);
	CHECK_ERR(sys_semctl(o->sem_idx, 0, SEM_STAT, (unsigned long)&ds),
		  EACCES);
	CHECK(sys_semctl(o->sem_idx, 0, SEM_STAT_ANY, (unsigned long)&ds) ==
	      o->sem_private, "SEM_STAT_ANY: errno %d", errno);
	CHECK_ERR(semctl(o->sem_private, 0, GETVAL), EACCES);
	CHECK_ERR(semctl(o->sem_private, 0, GETALL, vals), EACCES);
	CHECK_ERR(semctl(o->sem_private, 0, IPC_RMID), EPERM);
	CHECK_ERR(sys_semctl(o->sem_private, 0, IPC_SET, (unsigned long)&ds),
		  EPERM);
	CHECK(semctl(o->sem_readable, 0, GETVAL) == 1, "GETVAL of 0644");
	CHECK_ERR(semop(o->sem_readable, &zero, 1), EAGAIN);
	CHECK_ERR(semop(o->sem_readable, &down, 1), EACCES);
	CHECK_ERR(semctl(o->sem_readable, 0, SETVAL, 0), EACCES);
	CHECK_ERR(semctl(o->sem_readable, 0, SETALL, vals), EACCES);
	return check_case_failed;
}

static int msg_as_nobody(void *arg)
{
	struct objs *o = arg;
	struct abi_msqid64_ds ds;
	struct { long mtype; char mtext[8]; } m = { 1, "hi" };

	if (!become_nobody()) {
		FAIL("cannot become uid %d: errno %d", NOBODY, errno);
		return 1;
	}
	CHECK_ERR(msgsnd(o->msq_private, &m, 2, IPC_NOWAIT), EACCES);
	CHECK_ERR(msgrcv(o->msq_private, &m, 8, 0, IPC_NOWAIT), EACCES);
	CHECK_ERR(sys_msgctl(o->msq_private, IPC_STAT, &ds), EACCES);
	CHECK(sys_msgctl(msq_index(o->msq_private), MSG_STAT_ANY, &ds) ==
	      o->msq_private, "MSG_STAT_ANY: errno %d", errno);
	CHECK_ERR(msgctl(o->msq_private, IPC_RMID, NULL), EPERM);
	CHECK(msgsnd(o->msq_writable, &m, 2, IPC_NOWAIT) == 0,
	      "msgsnd to 0622: errno %d", errno);
	CHECK_ERR(msgrcv(o->msq_writable, &m, 8, 0, IPC_NOWAIT), EACCES);
	CHECK(sys_msgctl(o->msq_mine, IPC_STAT, &ds) < 0 && errno == EACCES,
	      "mode 0 queue owned by us: IPC_STAT errno %d", errno);
	ds.msg_perm.uid = NOBODY;
	ds.msg_perm.gid = NOBODY;
	ds.msg_perm.mode = 0;
	ds.msg_qbytes = 1 << 30;	/* above msgmnb: only root */
	CHECK_ERR(sys_msgctl(o->msq_mine, IPC_SET, &ds), EPERM);
	ds.msg_qbytes = 16;
	CHECK(sys_msgctl(o->msq_mine, IPC_SET, &ds) == 0,
	      "owner's IPC_SET of a mode-0 queue: errno %d", errno);
	CHECK(msgctl(o->msq_mine, IPC_RMID, NULL) == 0,
	      "owner's IPC_RMID of a mode-0 queue: errno %d", errno);
	return check_case_failed;
}

/* A mode-0 queue handed to nobody. */
static int msq_for_nobody(void)
{
	struct abi_msqid64_ds ds;
	int id = msq_new(IPC_PRIVATE, 0);

	sys_msgctl(id, IPC_STAT, &ds);
	ds.msg_perm.uid = NOBODY;
	ds.msg_perm.gid = NOBODY;
	sys_msgctl(id, IPC_SET, &ds);
	return id;
}

int main(void)
{
	int sems0 = sems_in_use(), msqs0 = msqs_in_use();
	struct objs o;

	if (!am_root()) {
		case_skip("sem_perm_nobody_against_root", "not root");
		case_skip("msg_perm_nobody_against_root", "not root");
		return check_summary();
	}
	o.key = test_key(20);
	o.sem_private = sem_new(o.key, 1, IPC_CREAT | IPC_EXCL | 0600);
	o.sem_readable = sem_new(IPC_PRIVATE, 1, 0644);
	semctl(o.sem_readable, 0, SETVAL, 1);
	o.sem_idx = sem_index(o.sem_private);
	o.msq_private = msq_new(IPC_PRIVATE, 0600);
	o.msq_writable = msq_new(IPC_PRIVATE, 0622);
	o.msq_mine = msq_for_nobody();
	case_in_child("sem_perm_nobody_against_root", sem_as_nobody, &o);
	case_in_child("msg_perm_nobody_against_root", msg_as_nobody, &o);
	case_begin("msg_perm_writer_message_arrived");
	CHECK(msgrcv(o.msq_writable, &(struct { long t; char x[8]; }){ 0 },
		     8, 0, IPC_NOWAIT) == 2, "nobody's message: errno %d",
	      errno);
	case_end();
	ipc_check_no_leak("sem_msg_perm_nothing_leaked", sems0, msqs0);
	return check_summary();
}
