/*
 * msg.c - System V message queues through the ipc (117) multiplexer,
 * as Linux i386 has always offered them. msgrcv uses call version 1,
 * which passes msgp and msgtyp directly (version 0 wants them in a
 * struct behind the pointer).
 */
#include <sys/msg.h>
#include <sys/syscall.h>

#define MSGSND		11
#define MSGRCV		12
#define MSGGET		13
#define MSGCTL		14
#define IPC_CALL_VERSION(v)	((v) << 16)

_Static_assert(sizeof(struct msqid_ds) == 88, "msqid64_ds layout");
_Static_assert(sizeof(struct msginfo) == 32, "msginfo layout");

int msgget(key_t key, int msgflg)
{
	return syscall(__NR_ipc, MSGGET, key, msgflg);
}

int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)
{
	return syscall(__NR_ipc, MSGSND, msqid, msgsz, msgflg, msgp);
}

ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg)
{
	return syscall(__NR_ipc, MSGRCV | IPC_CALL_VERSION(1), msqid, msgsz,
		       msgflg, msgp, msgtyp);
}

int msgctl(int msqid, int cmd, struct msqid_ds *buf)
{
	return syscall(__NR_ipc, MSGCTL, msqid, cmd | IPC_64, 0, buf);
}
