/*
 * fuzz_ipc.h - the fuzzer's SysV IPC: the direct shm calls, every ipc()
 * call, semaphores, message queues.
 *
 * Part of fuzz.c, which includes it once, after the generator and the
 * call helpers (rnd, below, hostile_*, call, remember) its ops use; the
 * op table at the end of fuzz.c picks them. Split out by subject only
 * to keep each file short.
 */
#ifndef _FUZZ_IPC_H
#define _FUZZ_IPC_H

static const short ipc_calls[] = {
	1, 2, 3, 4,			/* SEMOP SEMGET SEMCTL SEMTIMEDOP */
	11, 12, 13, 14,			/* MSGSND MSGRCV MSGGET MSGCTL */
	21, 22, 23, 24,			/* SHMAT SHMDT SHMGET SHMCTL */
};

static const short shm_cmds[] = {
	IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO, SHM_LOCK, SHM_UNLOCK,
	SHM_STAT, SHM_INFO, SHM_STAT_ANY,
};

static unsigned long hostile_shmid(void)
{
	if (nshm && below(4))
		return (unsigned long)shm_ids[below(nshm)];
	return below(2) ? below(256) : hostile_int();
}

static unsigned long hostile_cmd(void)
{
	unsigned long cmd = below(8) ? (unsigned long)shm_cmds[
		below(ARRAY_LEN(shm_cmds))] : hostile_int();

	return below(2) ? cmd | IPC_64 : cmd;
}

static unsigned long hostile_key(void)
{
	return below(3) ? IPC_PRIVATE : below(2) ? 0xF0220000UL +
		below(SHM_KEYS) : hostile_int();
}

static unsigned long hostile_shmflg(void)
{
	unsigned long mode = below(2) ? 0600 : below(01000);

	return below(4) ? IPC_CREAT | mode | (below(4) ? 0 : IPC_EXCL) :
		hostile_int();
}

/* shmat at a hostile address; a success is remembered for shmdt. */
static void note_attach(long addr)
{
	if (addr == -1 || addr == 0)
		return;
	if (nattaches < MAX_POOL)
		attaches[nattaches++] = (unsigned long)addr;
	else
		attaches[below(MAX_POOL)] = (unsigned long)addr;
}

static unsigned long hostile_shmaddr(void)
{
	if (nattaches && below(2))
		return attaches[below(nattaches)] + (below(4) ? 0 : below(64));
	return below(2) ? 0 : hostile_ptr();
}

static unsigned long hostile_shmatflg(void)
{
	static const unsigned long flags[] = {
		0, SHM_RDONLY, SHM_RND, SHM_REMAP, SHM_RND | SHM_REMAP,
	};

	return below(4) ? flags[below(ARRAY_LEN(flags))] : hostile_int();
}

/* The direct calls 395-398. */
static void op_shm_direct(void)
{
	switch (below(4)) {
	case 0:
		remember(shm_ids, &nshm, call(__NR_shmget, hostile_key(),
			 below(2) ? below(16) * PAGE_SIZE + below(2) :
			 hostile_size(), hostile_shmflg(), 0, 0, 0));
		break;
	case 1:
		note_attach(call(__NR_shmat, hostile_shmid(), hostile_shmaddr(),
				 hostile_shmatflg(), 0, 0, 0));
		break;
	case 2:
		call(__NR_shmdt, hostile_shmaddr(), 0, 0, 0, 0, 0);
		break;
	default:
		call(__NR_shmctl, hostile_shmid(), hostile_cmd(),
		     hostile_ptr(), 0, 0, 0);
	}
}

/* ipc(117): every call number, with the shm ones' arguments in place. */
static void op_ipc(void)
{
	unsigned long nr = below(8) ? (unsigned long)ipc_calls[
		below(ARRAY_LEN(ipc_calls))] : hostile_int();
	unsigned long *result = (unsigned long *)scratch;
	long r;

	if (below(4) == 0)
		nr |= below(4) << 16;		/* a version in the top half */
	switch (nr) {
	case 21:
		*result = 0;
		r = call(__NR_ipc, nr, hostile_shmid(), hostile_shmatflg(),
			 below(4) ? (unsigned long)result : hostile_ptr(),
			 hostile_shmaddr(), 0);
		if (r == 0)
			note_attach((long)*result);
		break;
	case 23:
		remember(shm_ids, &nshm, call(__NR_ipc, nr, hostile_key(),
			 hostile_size() & (below(2) ? 0xFFFF : ~0UL),
			 hostile_shmflg(), 0, 0));
		break;
	case 24:
		call(__NR_ipc, nr, hostile_shmid(), hostile_cmd(), 0,
		     hostile_ptr(), 0);
		break;
	default:
		call(__NR_ipc, nr, any_arg(), any_arg(), any_arg(),
		     hostile_ptr(), any_arg());
	}
}

/* Semaphore sets and message queues, through the direct calls. */
#define NR_semget	393
#define NR_semctl	394
#define NR_msgget	399
#define NR_msgsnd	400
#define NR_msgrcv	401
#define NR_msgctl	402
#define NR_semtimedop	420
#define SEM_UNDO_FLAG	0x1000

static const short sem_cmds[] = {
	IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO, 11, 12, 13, 14, 15, 16, 17,
	18, 19, 20,		/* GETPID .. SETALL, SEM_STAT, SEM_INFO, ANY */
};
static const short msg_cmds[] = {
	IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO, 11, 12, 13,
};
static int sem_ids[MAX_POOL], nsem, msg_ids[MAX_POOL], nmsg;

static unsigned long pool_or_any(const int *pool, int n)
{
	return n && below(4) ? (unsigned long)pool[below(n)] : hostile_int();
}

static unsigned long one_of(const short *cmds, unsigned n)
{
	unsigned long cmd = below(8) ? (unsigned long)cmds[below(n)] :
		hostile_int();

	return below(2) ? cmd | IPC_64 : cmd;
}

/* IPC_NOWAIT nearly always: a batch that waits only waits for alarm. */
static unsigned long ipc_wait_flags(void)
{
	return (below(8) ? IPC_NOWAIT : 0) | (below(2) ? SEM_UNDO_FLAG : 0) |
	       (below(8) ? 0 : hostile_int());
}

static void op_sem(void)
{
	unsigned short *ops = (unsigned short *)(scratch + 1536);
	int n = below(4);

	switch (below(3)) {
	case 0:
		remember(sem_ids, &nsem, call(NR_semget, hostile_key(),
			 below(4) ? below(8) : hostile_int(),
			 hostile_shmflg(), 0, 0, 0));
		break;
	case 1:
		call(NR_semctl, pool_or_any(sem_ids, nsem), below(8),
		     one_of(sem_cmds, ARRAY_LEN(sem_cmds)),
		     below(2) ? below(32768) : hostile_ptr(), 0, 0);
		break;
	default:
		for (int i = 0; i < n; i++) {
			ops[3 * i] = below(8);
			ops[3 * i + 1] = below(5) - 2;
			ops[3 * i + 2] = ipc_wait_flags();
		}
		call(NR_semtimedop, pool_or_any(sem_ids, nsem),
		     below(8) ? (unsigned long)ops : hostile_ptr(),
		     below(8) ? (unsigned long)n : hostile_int(), 0, 0, 0);
	}
}

static void op_msg(void)
{
	long *msg = (long *)(scratch + 1792);

	msg[0] = below(4) ? (long)below(4) + 1 : (long)hostile_int();
	switch (below(4)) {
	case 0:
		remember(msg_ids, &nmsg, call(NR_msgget, hostile_key(),
			 hostile_shmflg(), 0, 0, 0, 0));
		break;
	case 1:
		call(NR_msgsnd, pool_or_any(msg_ids, nmsg),
		     below(8) ? (unsigned long)msg : hostile_ptr(),
		     below(2) ? below(200) : hostile_size(),
		     ipc_wait_flags(), 0, 0);
		break;
	case 2:
		call(NR_msgrcv, pool_or_any(msg_ids, nmsg),
		     below(8) ? (unsigned long)msg : hostile_ptr(),
		     below(2) ? below(200) : hostile_size(),
		     below(2) ? below(6) - 2 : hostile_int(),
		     ipc_wait_flags(), 0);
		break;
	default:
		call(NR_msgctl, pool_or_any(msg_ids, nmsg),
		     one_of(msg_cmds, ARRAY_LEN(msg_cmds)), hostile_ptr(),
		     0, 0, 0);
	}
}

#endif
