/*
 * util.c - what all SysV IPC shares: the permission check and the ipc()
 * multiplexer that 1.2.13's libc (and ours) enters through.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/shm.h>
#include <linux/ipc.h>
#include <linux/msg.h>
#include "util.h"

/* ipc() call numbers (Linux's); the version sits in the top 16 bits. */
#define SEMOP		1
#define SEMGET		2
#define SEMCTL		3
#define SEMTIMEDOP	4
#define MSGSND		11
#define MSGRCV		12
#define MSGGET		13
#define MSGCTL		14
#define SHMAT		21
#define SHMDT		22
#define SHMGET		23
#define SHMCTL		24
#define IPC_CALL_MASK	0xffff
#define IPC_VERSION_SHIFT 16
#define SHMAT_IBCS2	1	/* a kernel-internal version: refused */

/*
 * May current access ipcp as flag asks (rwx bits in any of the three
 * positions, e.g. S_IRUGO)? The owner's or creator's bits apply to them,
 * the group bits to members of either group, the other bits to the rest;
 * every requested bit must be granted (a peer kernel granted access when
 * any one was). Root may do anything. Returns 0 or -1.
 */
int ipcperms(struct ipc_perm *ipcp, short flag)
{
	int requested = (flag >> 6 | flag >> 3 | flag) & 0007;
	int granted = ipcp->mode;

	if (current->euid == ipcp->cuid || current->euid == ipcp->uid)
		granted >>= 6;
	else if (in_group_p(ipcp->cgid) || in_group_p(ipcp->gid))
		granted >>= 3;
	if ((requested & ~granted & 0007) && current->euid != 0)
		return -1;
	return 0;
}

/*
 * ipc_owner - may current change or remove the object whose permissions
 * are perm (IPC_SET, IPC_RMID, SHM_LOCK): root, its owner or its
 * creator. The caller answers -EPERM when not.
 */
int ipc_owner(const struct ipc_perm *perm)
{
	return current->euid == 0 || current->euid == perm->uid ||
	       current->euid == perm->cuid;
}

/*
 * ipc_update_perm - IPC_SET's change (Linux's name): the owner, group
 * and rwx bits from in, read from the caller's buffer; the rest of
 * mode (SHM_DEST, SHM_LOCKED, ...) stays.
 */
void ipc_update_perm(const struct ipc64_perm *in, struct ipc_perm *out)
{
	out->uid = in->uid;
	out->gid = in->gid;
	out->mode = (out->mode & ~S_IRWXUGO) | (in->mode & S_IRWXUGO);
}

/*
 * kernel_to_ipc64_perm - an object's permissions in the layout IPC_STAT
 * gives with IPC_64 (Linux's name). out was zeroed by the caller, so
 * the padding stays 0.
 */
void kernel_to_ipc64_perm(const struct ipc_perm *in, struct ipc64_perm *out)
{
	out->key = in->key;
	out->uid = in->uid;
	out->gid = in->gid;
	out->cuid = in->cuid;
	out->cgid = in->cgid;
	out->mode = in->mode;
	out->seq = in->seq;
}

/*
 * kernel_to_ipc_perm_old - the same in the old layout (no IPC_64), whose
 * ids, mode and seq are 16 bits wide: larger values are cut, as Linux's
 * ipc64_perm_to_ipc_perm cuts them.
 */
void kernel_to_ipc_perm_old(const struct ipc_perm *in,
			    struct ipc_perm_old *out)
{
	out->key = in->key;
	out->uid = in->uid;
	out->gid = in->gid;
	out->cuid = in->cuid;
	out->cgid = in->cgid;
	out->mode = in->mode;
	out->seq = in->seq;
}

/*
 * ipc_perm_old_to_64 - what IPC_SET reads from an old-layout buffer
 * (owner, group, mode), in the IPC_64 layout ipc_update_perm takes.
 */
void ipc_perm_old_to_64(const struct ipc_perm_old *in, struct ipc64_perm *out)
{
	out->uid = in->uid;
	out->gid = in->gid;
	out->mode = in->mode;
}

/* ipc(MSGRCV) version 0 passes msgp and msgtyp through this pair. */
struct ipc_kludge {
	void *msgp;
	long msgtyp;
};

/*
 * ipc(MSGRCV): version 0 (what old libcs pass) puts msgp and msgtyp in
 * a struct ipc_kludge at ptr; later versions pass them directly.
 */
static long ipc_msgrcv(int first, unsigned long second, unsigned long third,
		       void *ptr, long fifth, unsigned int version)
{
	struct ipc_kludge tmp;

	if (version)
		return sys_msgrcv(first, ptr, second, fifth, third);
	if (!ptr)
		return -EINVAL;
	if (memcpy_fromfs(&tmp, ptr, sizeof(tmp)))
		return -EFAULT;
	return sys_msgrcv(first, tmp.msgp, second, tmp.msgtyp, third);
}

/*
 * ipc(SHMAT): attach, then store the address at raddr, returning 0; the
 * direct shmat (397) returns the address instead.
 */
static long ipc_shmat(int shmid, unsigned long shmaddr, int shmflg,
		      unsigned long *raddr)
{
	long addr = sys_shmat(shmid, shmaddr, shmflg);

	if (IS_ERR_VALUE(addr))
		return addr;
	/* as today's Linux: attached first, then a bad raddr is -EFAULT */
	return memcpy_tofs(raddr, &addr, sizeof(addr)) ? -EFAULT : 0;
}

/*
 * ipc(call, first, second, third, ptr, fifth): syscall 117, the only way
 * into SysV IPC in 1.2.13. Call numbers 1-4 are semaphores (SEMTIMEDOP,
 * 4, came later), 11-14 message queues, 21-24 shared memory.
 */
long sys_ipc(unsigned int call, int first, unsigned long second,
	     unsigned long third, void *ptr, long fifth)
{
	unsigned int version = call >> IPC_VERSION_SHIFT;

	switch (call & IPC_CALL_MASK) {
	case SEMOP:
		return sys_semop(first, ptr, second);
	case SEMTIMEDOP:
		return sys_semtimedop(first, ptr, second, (void *)fifth);
	case SEMGET:
		return sys_semget(first, second, third);
	case SEMCTL:
		return sys_old_semctl(first, second, third, ptr);
	case MSGSND:
		return sys_msgsnd(first, ptr, second, third);
	case MSGRCV:
		return ipc_msgrcv(first, second, third, ptr, fifth, version);
	case MSGGET:
		return sys_msgget(first, second);
	case MSGCTL:
		return sys_old_msgctl(first, second, ptr);
	case SHMAT:
		if (version == SHMAT_IBCS2)
			return -EINVAL;
		return ipc_shmat(first, (unsigned long)ptr, second,
				 (unsigned long *)third);
	case SHMDT:
		return sys_shmdt((unsigned long)ptr);
	case SHMGET:
		return sys_shmget(first, second, third);
	case SHMCTL:
		return sys_old_shmctl(first, second, ptr);
	}
	return -ENOSYS;	/* as today's Linux (1.2.13 said -EINVAL) */
}
