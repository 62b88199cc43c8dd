/*
 * msgctl.c - msgctl, the user-ABI side of SysV message queues: every
 * command today's Linux has, in its order of checks, and both layouts
 * (msqid_ds for ipc(MSGCTL) without IPC_64, msqid64_ds otherwise). The
 * queues themselves live in ipc/msg.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/ipc.h>
#include <linux/msg.h>
#include "util.h"

#define USHRT_MAX	0xffff

/* The old msqid_ds of a queue, zero-filled elsewhere. */
static void fill_old(struct msqid_ds_old *out, struct msqid_ds *msq)
{
	memset(out, 0, sizeof(*out));
	kernel_to_ipc_perm_old(&msq->msg_perm, &out->msg_perm);
	out->msg_stime = msq->msg_stime;
	out->msg_rtime = msq->msg_rtime;
	out->msg_ctime = msq->msg_ctime;
	/* the 16-bit fields saturate; the l-fields hold the whole count */
	out->msg_lcbytes = msq->msg_cbytes;
	out->msg_lqbytes = msq->msg_qbytes;
	out->msg_cbytes = min(msq->msg_cbytes, (unsigned long)USHRT_MAX);
	out->msg_qnum = min(msq->msg_qnum, (unsigned long)USHRT_MAX);
	out->msg_qbytes = min(msq->msg_qbytes, (unsigned long)USHRT_MAX);
	out->msg_lspid = msq->msg_lspid;
	out->msg_lrpid = msq->msg_lrpid;
}

/* A queue's public fields, zero-filled elsewhere, in the caller's layout. */
static int copy_msqid_to_user(void *buf, struct msqid_ds *msq, int version)
{
	struct msqid64_ds out64;
	struct msqid_ds_old old;

	if (version != IPC_64) {
		fill_old(&old, msq);
		return memcpy_tofs(buf, &old, sizeof(old));
	}
	memset(&out64, 0, sizeof(out64));
	kernel_to_ipc64_perm(&msq->msg_perm, &out64.msg_perm);
	out64.msg_stime = msq->msg_stime;
	out64.msg_rtime = msq->msg_rtime;
	out64.msg_ctime = msq->msg_ctime;
	out64.msg_cbytes = msq->msg_cbytes;
	out64.msg_qnum = msq->msg_qnum;
	out64.msg_qbytes = msq->msg_qbytes;
	out64.msg_lspid = msq->msg_lspid;
	out64.msg_lrpid = msq->msg_lrpid;
	return memcpy_tofs(buf, &out64, sizeof(out64));
}

/* What IPC_SET may change: the permissions and the queue's size. */
struct msq_setbuf {
	struct ipc64_perm perm;		/* owner, group, rwx bits */
	unsigned long qbytes;
};

/* Read IPC_SET's buffer in the caller's layout: 0, or -EFAULT. */
static int copy_setbuf_from_user(struct msq_setbuf *s, void *buf,
				 int version)
{
	struct msqid64_ds in64;
	struct msqid_ds_old old;

	if (version == IPC_64) {
		if (memcpy_fromfs(&in64, buf, sizeof(in64)))
			return -EFAULT;
		s->perm = in64.msg_perm;
		s->qbytes = in64.msg_qbytes;
		return 0;
	}
	if (memcpy_fromfs(&old, buf, sizeof(old)))
		return -EFAULT;
	ipc_perm_old_to_64(&old.msg_perm, &s->perm);
	/* a 0 in the 16-bit field means "see the long one", as Linux */
	s->qbytes = old.msg_qbytes ? old.msg_qbytes : old.msg_lqbytes;
	return 0;
}

/* IPC_INFO: the limits; MSG_INFO: three fields used for usage. */
static long msg_info(int cmd, void *buf)
{
	struct msginfo info;
	int queues, msgs, bytes, max_index;

	msg_usage(&queues, &msgs, &bytes, &max_index);
	memset(&info, 0, sizeof(info));
	info.msgmni = msgmni;
	info.msgmax = msgmax;
	info.msgmnb = msgmnb;
	info.msgssz = MSGSSZ;
	info.msgseg = MSGSEG;
	info.msgpool = cmd == MSG_INFO ? queues : MSGPOOL;
	info.msgmap = cmd == MSG_INFO ? msgs : MSGMAP;
	info.msgtql = cmd == MSG_INFO ? bytes : MSGTQL;
	return memcpy_tofs(buf, &info, sizeof(info)) ? -EFAULT : max_index;
}

/* IPC_STAT by id (returns 0); MSG_STAT(_ANY) by slot (returns the id). */
static long msg_stat(int msqid, int cmd, void *buf, int version)
{
	struct msqid_ds *msq = cmd == IPC_STAT ? msg_lookup(msqid)
					       : msg_at(msqid);

	if (!msq)
		return -EINVAL;
	if (cmd != MSG_STAT_ANY && ipcperms(&msq->msg_perm, S_IRUGO))
		return -EACCES;
	if (copy_msqid_to_user(buf, msq, version))
		return -EFAULT;
	return cmd == IPC_STAT ? 0 : msg_id(msq, msqid);
}

/*
 * IPC_SET and IPC_RMID: only the owner, the creator or root; raising
 * msg_qbytes above msgmnb needs root too.
 */
static long msgctl_down(int msqid, int cmd, struct msq_setbuf *s)
{
	struct msqid_ds *msq = msg_lookup(msqid);

	if (!msq)
		return -EINVAL;
	if (!ipc_owner(&msq->msg_perm))
		return -EPERM;
	if (cmd == IPC_RMID) {
		freeque(msqid % MSGMNI);
		return 0;
	}
	if (s->qbytes > msgmnb && current->euid != 0)
		return -EPERM;
	ipc_update_perm(&s->perm, &msq->msg_perm);
	msq->msg_qbytes = s->qbytes;
	msq->msg_ctime = CURRENT_TIME;
	msg_wake_all(msq);
	return 0;
}

/*
 * Every command, in the caller's layout (version). Unknown commands, and
 * IPC_64 left in cmd, are EINVAL.
 */
static long do_msgctl(int msqid, int cmd, void *buf, int version)
{
	struct msq_setbuf setbuf;

	if (msqid < 0 || cmd < 0)
		return -EINVAL;
	switch (cmd) {
	case IPC_INFO:
	case MSG_INFO:
		return msg_info(cmd, buf);
	case IPC_STAT:
	case MSG_STAT:
	case MSG_STAT_ANY:
		return msg_stat(msqid, cmd, buf, version);
	case IPC_SET:
		if (copy_setbuf_from_user(&setbuf, buf, version))
			return -EFAULT;
		return msgctl_down(msqid, cmd, &setbuf);
	case IPC_RMID:
		return msgctl_down(msqid, cmd, NULL);
	}
	return -EINVAL;
}

/* msgctl(402), today's direct call: always the msqid64_ds layout. */
long sys_msgctl(int msqid, int cmd, void *buf)
{
	return do_msgctl(msqid, cmd, buf, IPC_64);
}

/* ipc(MSGCTL): cmd may carry IPC_64; 1.2.13 knew no IPC_64. */
long sys_old_msgctl(int msqid, int cmd, void *buf)
{
	return do_msgctl(msqid, cmd & ~IPC_64, buf, cmd & IPC_64);
}

/* ---- the limits, for /proc/sys/kernel ---------------------------------- */

#define INT_MAX_LIMIT	0x7fffffffUL	/* Linux keeps them in ints */

/* The variable behind a limit, and the most Lintel lets it be. */
static unsigned long *msg_limit_var(enum msg_limit which, unsigned long *most)
{
	switch (which) {
	case MSG_LIMIT_MAX:
		*most = INT_MAX_LIMIT;
		return &msgmax;
	case MSG_LIMIT_MNB:
		*most = INT_MAX_LIMIT;
		return &msgmnb;
	case MSG_LIMIT_MNI:
		*most = MSGMNI;
		return &msgmni;
	}
	return NULL;
}

/* msg_get_limit - a limit in force, for /proc/sys/kernel/msg*. */
unsigned long msg_get_limit(enum msg_limit which)
{
	unsigned long most, *v = msg_limit_var(which, &most);

	return v ? *v : 0;
}

/*
 * msg_set_limit - change a limit from then on: msgmax for the next
 * msgsnd, msgmnb for the next queue made (existing queues keep their
 * msg_qbytes), msgmni for the next msgget. -EINVAL past what an int
 * holds (Linux's limit too) or, for msgmni, past msgque[]'s MSGMNI
 * slots (Linux takes up to IPCMNI).
 */
int msg_set_limit(enum msg_limit which, unsigned long value)
{
	unsigned long most, *v = msg_limit_var(which, &most);

	if (!v || value > most)
		return -EINVAL;
	*v = value;
	return 0;
}
