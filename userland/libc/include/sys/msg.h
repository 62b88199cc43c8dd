/*
 * sys/msg.h - System V message queues.
 *
 * The calls enter the kernel through the ipc (117) multiplexer, and
 * msgctl sends IPC_64, so struct msqid_ds is Linux i386's msqid64_ds
 * (the one glibc uses).
 */
#ifndef _SYS_MSG_H
#define _SYS_MSG_H

#include <sys/types.h>
#include <sys/ipc.h>

/* msgrcv flags */
#define MSG_NOERROR	010000	/* cut a message that is too long */
#define MSG_EXCEPT	020000	/* any type but msgtyp */
#define MSG_COPY	040000	/* copy message number msgtyp, leave it */

/* msgctl commands, beside IPC_RMID, IPC_SET, IPC_STAT and IPC_INFO */
#define MSG_STAT	11
#define MSG_INFO	12
#define MSG_STAT_ANY	13

typedef unsigned long msgqnum_t;
typedef unsigned long msglen_t;

struct msqid_ds {
	struct ipc_perm msg_perm;
	unsigned long msg_stime;	/* last msgsnd */
	unsigned long __msg_stime_high;
	unsigned long msg_rtime;	/* last msgrcv */
	unsigned long __msg_rtime_high;
	unsigned long msg_ctime;	/* last change */
	unsigned long __msg_ctime_high;
	unsigned long __msg_cbytes;	/* bytes queued */
	msgqnum_t msg_qnum;		/* messages queued */
	msglen_t msg_qbytes;		/* most bytes allowed */
	pid_t msg_lspid;		/* last sender */
	pid_t msg_lrpid;		/* last receiver */
	unsigned long __unused4;
	unsigned long __unused5;
};

struct msginfo {
	int msgpool;
	int msgmap;
	int msgmax;
	int msgmnb;
	int msgmni;
	int msgssz;
	int msgtql;
	unsigned short msgseg;
};

int msgget(key_t key, int msgflg);
int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg);
ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp,
	       int msgflg);
int msgctl(int msqid, int cmd, struct msqid_ds *buf);

#endif
