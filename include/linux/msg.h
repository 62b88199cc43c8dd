#ifndef _LINUX_MSG_H
#define _LINUX_MSG_H

/*
 * SysV message queues (ipc/msg.c, ipc/msgctl.c), in 1.2.13's shape: a
 * global array msgque[] of queues, with the sentinels and sequence
 * numbers shm uses; each queue a list of struct msg, oldest first.
 * Sleepers wait in lists of their own on the queue (1.2.13 used
 * rwait/wwait wait queues): a sender hands a message straight to the
 * first receiver waiting for its type, as today's Linux does.
 */
#include <linux/types.h>
#include <linux/shm.h>		/* struct ipc_perm, IPC_* and the perm layouts */

/* msgrcv flags, and msgctl commands beside IPC_RMID/SET/STAT/INFO */
#define MSG_NOERROR	010000	/* truncate a message that is too long */
#define MSG_EXCEPT	020000	/* any type but msgtyp */
#define MSG_COPY	040000	/* copy the msgtyp-th message, leave it */
#define MSG_STAT	11
#define MSG_INFO	12
#define MSG_STAT_ANY	13

/*
 * Limits: MSGMNI is the size of msgque[]; MSGMAX and MSGMNB are today's
 * Linux defaults (1.2.13 had 4056 and 16384).
 */
#define MSGMNI		128
#define MSGMAX		8192		/* bytes in one message */
#define MSGMNB		16384		/* bytes in one queue, by default */
#define MSGSSZ		16
#define MSGPOOL		(MSGMNI * MSGMNB / 1024)
#define MSGMAP		MSGMNB
#define MSGTQL		MSGMNB

/*
 * ipc/msgctl.c: the limits /proc/sys/kernel/msg* show and root may
 * change (the defines above are their values at boot).
 */
enum msg_limit { MSG_LIMIT_MAX, MSG_LIMIT_MNB, MSG_LIMIT_MNI };
unsigned long msg_get_limit(enum msg_limit which);
int msg_set_limit(enum msg_limit which, unsigned long value);
#define MSGSEG		0xffff

/* msgque[] slots that hold no queue */
#define MSQ_UNUSED	((struct msqid_ds *)-1)
#define MSQ_NOID	((struct msqid_ds *)-2)

struct msg {
	struct msg *msg_next;
	long msg_type;
	char *msg_spot;		/* the text, right after this header */
	size_t msg_ts;		/* its length */
};

struct msg_sleeper;

/* A queue. */
struct msqid_ds {
	struct ipc_perm msg_perm;
	struct msg *msg_first, *msg_last;
	time_t msg_stime, msg_rtime, msg_ctime;
	unsigned long msg_cbytes;	/* bytes queued */
	unsigned long msg_qnum;		/* messages queued */
	unsigned long msg_qbytes;	/* most bytes (and messages) */
	pid_t msg_lspid, msg_lrpid;	/* last sender, last receiver */
	struct msg_sleeper *receivers;	/* waiting msgrcv, oldest first */
	struct msg_sleeper *senders;	/* waiting msgsnd, oldest first */
};

/* The user layouts (Linux i386). */
struct msqid_ds_old {			/* 56 bytes: cmd without IPC_64 */
	struct ipc_perm_old msg_perm;
	unsigned long msg_first, msg_last;
	long msg_stime, msg_rtime, msg_ctime;
	unsigned long msg_lcbytes, msg_lqbytes;
	unsigned short msg_cbytes, msg_qnum, msg_qbytes;
	unsigned short msg_lspid, msg_lrpid;
};

struct msqid64_ds {			/* 88 bytes: msgctl(402), IPC_64 */
	struct ipc64_perm msg_perm;
	unsigned long msg_stime, msg_stime_high;
	unsigned long msg_rtime, msg_rtime_high;
	unsigned long msg_ctime, msg_ctime_high;
	unsigned long msg_cbytes, msg_qnum, msg_qbytes;
	int msg_lspid, msg_lrpid;
	unsigned long __unused4, __unused5;
};

struct msginfo {
	int msgpool, msgmap, msgmax, msgmnb, msgmni, msgssz, msgtql;
	unsigned short msgseg;
};

/* ipc/msg.c: boot */
void msg_init(void);

#endif
