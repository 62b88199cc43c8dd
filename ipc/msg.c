/*
 * msg.c - SysV message queues, in the shape of Linux 1.2.13's ipc/msg.c.
 *
 * The story of a message:
 *
 *  1. msgget() finds or makes a queue: a struct msqid_ds in msgque[].
 *  2. msgsnd() copies the text into a kmalloc'd struct msg (the text
 *     right after the header). If a receiver is already waiting for that
 *     type, the message goes straight to it (pipelined_send); otherwise
 *     it joins the end of the queue. A full queue makes the sender sleep.
 *  3. msgrcv() takes the first message of the wanted type (0: any; > 0:
 *     that one; < 0: the lowest type up to -msgtyp) and copies it out; a
 *     sender waiting for room is woken. With none there it sleeps in the
 *     queue's list of receivers, oldest first.
 *  4. IPC_RMID wakes every sleeper with EIDRM and frees the messages.
 *
 * Errno values, layouts and limits follow today's Linux.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/trace.h>
#include <linux/proc_fs.h>
#include "util.h"

#define SEQ_LIMIT	(0x7fffffff / MSGMNI)	/* ids stay positive ints */
#define LONG_MAX	0x7fffffffL
#define LONG_MIN	(-LONG_MAX - 1)

/* How msgrcv picks a message (Linux's names). */
enum { SEARCH_ANY, SEARCH_EQUAL, SEARCH_NOTEQUAL, SEARCH_LESSEQUAL,
       SEARCH_NUMBER };

/*
 * A sleeping msgsnd or msgrcv. status stays 1 while it sleeps; the waker
 * sets 0 (a sender: look again; a receiver: r_msg is yours), -EAGAIN (a
 * receiver: look again), -E2BIG, or -EIDRM, unlinks it and wakes it.
 */
struct msg_sleeper {
	struct msg_sleeper *next;
	struct task_struct *task;
	int status;
	long r_msgtype;
	int r_mode;
	size_t r_maxsize;
	struct msg *r_msg;
};

static struct msqid_ds *msgque[MSGMNI];
unsigned long msgmax = MSGMAX, msgmnb = MSGMNB;	/* /proc/sys/kernel */
unsigned long msgmni = MSGMNI;		/* slots msgget may use */
static int max_msqid;		/* every used slot is at or below it */
static int used_queues;
static int msg_hdrs, msg_bytes;	/* messages and bytes in all queues */
static unsigned int msg_seq;
static struct wait_queue *msg_lock;	/* waits on MSQ_NOID slots */

/* Boot (start_kernel): every slot of msgque[] free. */
void msg_init(void)
{
	int i;

	for (i = 0; i < MSGMNI; i++)
		msgque[i] = MSQ_UNUSED;
}

/* The id a program sees for the queue in slot index. */
int msg_id(const struct msqid_ds *msq, int index)
{
	return msq->msg_perm.seq * MSGMNI + index;
}

/* The queue in slot index, or NULL (for MSG_STAT and /proc). */
struct msqid_ds *msg_at(int index)
{
	struct msqid_ds *msq;

	if (index < 0 || index >= MSGMNI)
		return NULL;
	msq = msgque[index];
	if (msq == MSQ_UNUSED || msq == MSQ_NOID)
		return NULL;
	return msq;
}

/* The queue named by an id; NULL if it is gone (a stale id too). */
struct msqid_ds *msg_lookup(int msqid)
{
	struct msqid_ds *msq;

	if (msqid < 0)
		return NULL;
	msq = msg_at(msqid % MSGMNI);
	if (msq && msq->msg_perm.seq != (unsigned int)(msqid / MSGMNI))
		return NULL;
	return msq;
}

/* What MSG_INFO reports: queues, messages and bytes, highest used slot. */
void msg_usage(int *queues, int *msgs, int *bytes, int *max_index)
{
	*queues = used_queues;
	*msgs = msg_hdrs;
	*bytes = msg_bytes;
	*max_index = max_msqid;
}

/* The slot holding key, or -1; waits out slots being made (MSQ_NOID). */
static int findkey(key_t key, int skip)
{
	int id;

	for (id = 0; id <= max_msqid; id++) {
		while (id != skip && msgque[id] == MSQ_NOID)
			sleep_on(&msg_lock);
		if (msgque[id] == MSQ_UNUSED || msgque[id] == MSQ_NOID)
			continue;
		if (key == msgque[id]->msg_perm.key)
			return id;
	}
	return -1;
}

/*
 * The first free slot of msgque[], or -1 when the first msgmni (MSGMNI
 * unless root lowered it) are all used.
 */
static int free_slot(void)
{
	int id;

	for (id = 0; id < (int)msgmni; id++)
		if (msgque[id] == MSQ_UNUSED)
			return id;
	return -1;
}

/* A new empty queue owned and created by the caller, msgmnb bytes big. */
static void fill_new_queue(struct msqid_ds *msq, key_t key, int msgflg)
{
	memset(msq, 0, sizeof(*msq));
	msq->msg_perm.key = key;
	msq->msg_perm.mode = msgflg & 0777;
	msq->msg_perm.uid = msq->msg_perm.cuid = current->euid;
	msq->msg_perm.gid = msq->msg_perm.cgid = current->egid;
	msq->msg_perm.seq = msg_seq;
	msq->msg_qbytes = msgmnb;
	msq->msg_ctime = CURRENT_TIME;
}

/* Make a queue; the slot is held (MSQ_NOID) while it is allocated. */
static int newque(key_t key, int msgflg)
{
	struct msqid_ds *msq;
	int id = free_slot();

	if (id < 0)
		return -ENOSPC;
	msgque[id] = MSQ_NOID;
	msq = kmalloc(sizeof(*msq), GFP_KERNEL);
	if (!msq) {
		msgque[id] = MSQ_UNUSED;
		wake_up(&msg_lock);
		return -ENOMEM;
	}
	if (key != IPC_PRIVATE && findkey(key, id) >= 0) {
		kfree(msq);
		msgque[id] = MSQ_UNUSED;
		wake_up(&msg_lock);
		return -EAGAIN;
	}
	fill_new_queue(msq, key, msgflg);
	if (id > max_msqid)
		max_msqid = id;
	used_queues++;
	msgque[id] = msq;
	wake_up(&msg_lock);
	return msg_id(msq, id);
}

/* msgget(399), and ipc(MSGGET). */
long sys_msgget(key_t key, int msgflg)
{
	struct msqid_ds *msq;
	int id;

	if (key == IPC_PRIVATE)
		return newque(key, msgflg);
again:
	id = findkey(key, -1);
	if (id < 0) {
		if (!(msgflg & IPC_CREAT))
			return -ENOENT;
		id = newque(key, msgflg);
		if (id == -EAGAIN)	/* the key appeared meanwhile */
			goto again;
		return id;
	}
	if ((msgflg & IPC_CREAT) && (msgflg & IPC_EXCL))
		return -EEXIST;
	msq = msgque[id];
	if (ipcperms(&msq->msg_perm, msgflg))
		return -EACCES;
	return msg_id(msq, id);
}

/* ---- sleeping and waking ----------------------------------------------- */

/* Put s at the end of list: sleepers are served oldest first. */
static void add_sleeper(struct msg_sleeper **list, struct msg_sleeper *s)
{
	while (*list)
		list = &(*list)->next;
	s->next = NULL;
	*list = s;
}

/* Take s off list, if it is still there (a waker may have done it). */
static void del_sleeper(struct msg_sleeper **list, struct msg_sleeper *s)
{
	for (; *list; list = &(*list)->next)
		if (*list == s) {
			*list = s->next;
			return;
		}
}

/* Unlink s, hand it status and wake it. */
static void wake_sleeper(struct msg_sleeper **list, struct msg_sleeper *s,
			 int status)
{
	del_sleeper(list, s);
	s->status = status;
	trace(TRACE_IPC, "IPC msg wake pid=%d by pid=%d status=%d\n",
	      s->task->pid, current->pid, status);
	wake_up_process(s->task);
}

/*
 * Sleep in list until a waker sets our status, or a signal comes
 * (-EINTR; we unlink ourselves). Never touches the queue after a waker
 * did: the queue may be gone by then. -EINTR, not -ERESTARTSYS: Linux
 * never restarts msgsnd and msgrcv, whatever SA_RESTART says (signal(7)).
 */
static int msg_sleep(struct msg_sleeper **list, struct msg_sleeper *s,
		     const char *what, int msqid)
{
	s->task = current;
	s->status = 1;
	add_sleeper(list, s);
	trace(TRACE_IPC, "IPC msg sleep pid=%d %s msqid=%d\n", current->pid,
	      what, msqid);
	while (s->status == 1 && !signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	if (s->status == 1) {
		del_sleeper(list, s);
		trace(TRACE_IPC, "IPC msg interrupted pid=%d\n", current->pid);
		return -EINTR;
	}
	return s->status;
}

/* Senders look again (room may have grown); receivers too, if again. */
static void wake_senders(struct msqid_ds *msq, int status)
{
	while (msq->senders)
		wake_sleeper(&msq->senders, msq->senders, status);
}

/* IPC_SET: limits and rights changed; every sleeper looks again. */
void msg_wake_all(struct msqid_ds *msq)
{
	while (msq->receivers)
		wake_sleeper(&msq->receivers, msq->receivers, -EAGAIN);
	wake_senders(msq, 0);
}

/*
 * IPC_RMID: every sleeper wakes with EIDRM, the messages are freed, the
 * slot is free again with a new sequence number. 1.2.13 waited here for
 * its sleepers to leave the wait queues before freeing.
 */
void freeque(int index)
{
	struct msqid_ds *msq = msgque[index];
	struct msg *msg, *next;

	while (msq->receivers)
		wake_sleeper(&msq->receivers, msq->receivers, -EIDRM);
	wake_senders(msq, -EIDRM);
	for (msg = msq->msg_first; msg; msg = next) {
		next = msg->msg_next;
		kfree(msg);
	}
	msg_hdrs -= msq->msg_qnum;
	msg_bytes -= msq->msg_cbytes;
	used_queues--;
	msgque[index] = MSQ_UNUSED;
	msg_seq = (msg_seq + 1) % SEQ_LIMIT;
	if (index == max_msqid)
		while (max_msqid > 0 && msgque[max_msqid] == MSQ_UNUSED)
			max_msqid--;
	kfree(msq);
}

/* ---- matching ---------------------------------------------------------- */

/* Does msg match what a receiver asked for (convert_mode's mode)? */
static int testmsg(struct msg *msg, long type, int mode)
{
	switch (mode) {
	case SEARCH_ANY:
	case SEARCH_NUMBER:
		return 1;
	case SEARCH_LESSEQUAL:
		return msg->msg_type <= type;
	case SEARCH_EQUAL:
		return msg->msg_type == type;
	}
	return msg->msg_type != type;		/* SEARCH_NOTEQUAL */
}

/*
 * The message msgrcv would take: the first that matches; for
 * SEARCH_LESSEQUAL the first of the lowest type; for SEARCH_NUMBER the
 * type-th (from 0). *prevp is where it hangs, for unlinking.
 */
static struct msg *find_msg(struct msqid_ds *msq, long type, int mode,
			    struct msg ***prevp)
{
	struct msg **p, *found = NULL;
	long count = 0;

	for (p = &msq->msg_first; *p; p = &(*p)->msg_next) {
		struct msg *msg = *p;

		if (!testmsg(msg, type, mode))
			continue;
		if (mode == SEARCH_NUMBER) {
			if (count++ != type)
				continue;
		} else if (mode == SEARCH_LESSEQUAL && msg->msg_type != 1) {
			if (!found || msg->msg_type < found->msg_type) {
				found = msg;
				*prevp = p;
			}
			continue;
		}
		*prevp = p;
		return msg;
	}
	return found;
}

/* The search mode for msgtyp and msgflg; *type becomes what to compare. */
static int convert_mode(long *type, int msgflg)
{
	if (msgflg & MSG_COPY)
		return SEARCH_NUMBER;
	if (!*type)
		return SEARCH_ANY;
	if (*type < 0) {
		*type = *type == LONG_MIN ? LONG_MAX : -*type;
		return SEARCH_LESSEQUAL;
	}
	return msgflg & MSG_EXCEPT ? SEARCH_NOTEQUAL : SEARCH_EQUAL;
}

/* ---- msgsnd ------------------------------------------------------------ */

/* Copy a message in from user space: a header and the text after it. */
static struct msg *load_msg(long type, const char *mtext, size_t msgsz,
			    int *err)
{
	struct msg *msg = kmalloc(sizeof(*msg) + msgsz, GFP_KERNEL);

	*err = -ENOMEM;
	if (!msg)
		return NULL;
	msg->msg_next = NULL;
	msg->msg_type = type;
	msg->msg_spot = (char *)(msg + 1);
	msg->msg_ts = msgsz;
	*err = -EFAULT;
	if (memcpy_fromfs(msg->msg_spot, mtext, msgsz)) {
		kfree(msg);
		return NULL;
	}
	return msg;
}

/*
 * Give msg to the first receiver waiting for its type (a receiver whose
 * buffer is too small is told E2BIG and the next one is tried).
 * Returns 1 if one took it.
 */
static int pipelined_send(struct msqid_ds *msq, struct msg *msg)
{
	struct msg_sleeper *r, *next;

	for (r = msq->receivers; r; r = next) {
		next = r->next;
		if (!testmsg(msg, r->r_msgtype, r->r_mode))
			continue;
		if (r->r_maxsize < msg->msg_ts) {
			wake_sleeper(&msq->receivers, r, -E2BIG);
			continue;
		}
		msq->msg_lrpid = r->task->tgid;
		msq->msg_rtime = CURRENT_TIME;
		r->r_msg = msg;
		wake_sleeper(&msq->receivers, r, 0);
		return 1;
	}
	return 0;
}

/* Add msg at the end of the queue; the caller checked msg_fits. */
static void enqueue_msg(struct msqid_ds *msq, struct msg *msg)
{
	if (msq->msg_last)
		msq->msg_last->msg_next = msg;
	else
		msq->msg_first = msg;
	msq->msg_last = msg;
	msq->msg_cbytes += msg->msg_ts;
	msq->msg_qnum++;
	msg_hdrs++;
	msg_bytes += msg->msg_ts;
}

/* Room for one more message of msgsz bytes? (messages count too, as Linux) */
static int msg_fits(struct msqid_ds *msq, size_t msgsz)
{
	return msgsz + msq->msg_cbytes <= msq->msg_qbytes &&
	       1 + msq->msg_qnum <= msq->msg_qbytes;
}

/*
 * Wait until msqid has room for msgsz bytes; the queue, or an error.
 * Checks in Linux's order on each pass: the id (EINVAL the first time,
 * EIDRM after a sleep), write access, room, IPC_NOWAIT.
 */
static struct msqid_ds *wait_for_room(int msqid, size_t msgsz, int msgflg,
				      int *err)
{
	struct msg_sleeper s;
	struct msqid_ds *msq;
	int first = 1;

	for (;; first = 0) {
		msq = msg_lookup(msqid);
		*err = first ? -EINVAL : -EIDRM;
		if (!msq)
			return NULL;
		*err = -EACCES;
		if (ipcperms(&msq->msg_perm, S_IWUGO))
			return NULL;
		if (msg_fits(msq, msgsz))
			return msq;
		*err = -EAGAIN;
		if (msgflg & IPC_NOWAIT)
			return NULL;
		*err = msg_sleep(&msq->senders, &s, "send", msqid);
		if (!*err && signal_pending(current))
			*err = -EINTR;
		if (*err)
			return NULL;
	}
}

/*
 * The body of msgsnd, with the type already read: Linux's order of
 * checks (size and id, type, then the copy, then the queue).
 */
static long do_msgsnd(int msqid, long type, const char *mtext,
		      size_t msgsz, int msgflg)
{
	struct msqid_ds *msq;
	struct msg *msg;
	int err;

	if (msgsz > msgmax || (long)msgsz < 0 || msqid < 0)
		return -EINVAL;
	if (type < 1)
		return -EINVAL;
	msg = load_msg(type, mtext, msgsz, &err);
	if (!msg)
		return err;
	msq = wait_for_room(msqid, msgsz, msgflg, &err);
	if (!msq) {
		kfree(msg);
		return err;
	}
	msq->msg_lspid = current->tgid;
	msq->msg_stime = CURRENT_TIME;
	if (!pipelined_send(msq, msg))
		enqueue_msg(msq, msg);
	return 0;
}

/* msgsnd(400), and ipc(MSGSND): msgp points at { long mtype; char mtext[]; }. */
long sys_msgsnd(int msqid, void *msgp, size_t msgsz, int msgflg)
{
	unsigned long type;

	if (get_fs_long(msgp, &type))
		return -EFAULT;
	return do_msgsnd(msqid, (long)type, (char *)msgp + sizeof(long), msgsz,
			 msgflg);
}

/* ---- msgrcv ------------------------------------------------------------ */

/*
 * Take msg off the queue; prev is the link that points at it (msg_first
 * or the msg_next of the one before, whose header then starts there).
 */
static void unlink_msg(struct msqid_ds *msq, struct msg **prev,
		       struct msg *msg)
{
	*prev = msg->msg_next;
	if (msq->msg_last == msg)
		msq->msg_last = prev == &msq->msg_first ? NULL :
			(struct msg *)((char *)prev -
				       __builtin_offsetof(struct msg, msg_next));
	msq->msg_cbytes -= msg->msg_ts;
	msq->msg_qnum--;
	msg_hdrs--;
	msg_bytes -= msg->msg_ts;
	msq->msg_lrpid = current->tgid;
	msq->msg_rtime = CURRENT_TIME;
	wake_senders(msq, 0);
}

/*
 * A copy of msg for MSG_COPY, which leaves the original queued. Linux
 * refuses a copy longer than the buffer with EINVAL even under
 * MSG_NOERROR; so does Lintel.
 */
static struct msg *copy_msg(struct msg *msg, size_t bufsz, int *err)
{
	struct msg *copy;

	*err = -EINVAL;
	if (msg->msg_ts > bufsz)
		return NULL;
	*err = -ENOMEM;
	copy = kmalloc(sizeof(*copy) + msg->msg_ts, GFP_KERNEL);
	if (!copy)
		return NULL;
	*copy = *msg;
	copy->msg_next = NULL;
	copy->msg_spot = (char *)(copy + 1);
	memcpy(copy->msg_spot, msg->msg_spot, msg->msg_ts);
	return copy;
}

/* What msgrcv is looking for. */
struct msg_want {
	long type;
	int mode;
	int msgflg;
	size_t bufsz;
};

/*
 * One look at the queue: the message taken (or copied), or NULL with
 * *err: -ENOMSG (none there: the caller may sleep), -E2BIG, ...
 */
static struct msg *take_msg(struct msqid_ds *msq, struct msg_want *w,
			    int *err)
{
	struct msg **prev, *msg = find_msg(msq, w->type, w->mode, &prev);

	*err = -ENOMSG;
	if (!msg)
		return NULL;
	*err = -E2BIG;
	if (w->bufsz < msg->msg_ts && !(w->msgflg & MSG_NOERROR))
		return NULL;
	if (w->msgflg & MSG_COPY)
		return copy_msg(msg, w->bufsz, err);
	unlink_msg(msq, prev, msg);
	return msg;
}

/*
 * Wait in msq's receivers for a sender to hand us a message. NULL with
 * *err -EAGAIN means "look again" (IPC_SET changed the queue).
 */
static struct msg *wait_for_msg(struct msqid_ds *msq, int msqid,
				struct msg_want *w, int *err)
{
	struct msg_sleeper r;

	r.r_msgtype = w->type;
	r.r_mode = w->mode;
	r.r_maxsize = w->msgflg & MSG_NOERROR ? ~0UL >> 1 : w->bufsz;
	r.r_msg = NULL;
	*err = msg_sleep(&msq->receivers, &r, "receive", msqid);
	return *err ? NULL : r.r_msg;
}

/* Find (or wait for) a message; checks in Linux's order on each pass. */
static struct msg *get_msg(int msqid, struct msg_want *w, int *err)
{
	struct msqid_ds *msq;
	struct msg *msg;
	int first = 1;

	for (;; first = 0) {
		msq = msg_lookup(msqid);
		*err = first ? -EINVAL : -EIDRM;
		if (!msq)
			return NULL;
		*err = -EACCES;
		if (ipcperms(&msq->msg_perm, S_IRUGO))
			return NULL;
		msg = take_msg(msq, w, err);
		if (msg || *err != -ENOMSG || (w->msgflg & IPC_NOWAIT))
			return msg;
		msg = wait_for_msg(msq, msqid, w, err);
		if (*err != -EAGAIN)
			return msg;
	}
}

/* Copy out type and text (cut to bufsz); the message is freed either way. */
static long store_msg(void *msgp, struct msg *msg, size_t bufsz)
{
	size_t n = min(bufsz, msg->msg_ts);
	long err = n;

	if (put_fs_long(msg->msg_type, msgp) ||
	    memcpy_tofs((char *)msgp + sizeof(long), msg->msg_spot, n))
		err = -EFAULT;
	kfree(msg);
	return err;
}

/* msgrcv(401), and ipc(MSGRCV): the length of the text received. */
long sys_msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp,
		int msgflg)
{
	struct msg_want w = { msgtyp, 0, msgflg, msgsz };
	struct msg *msg;
	int err;

	if (msqid < 0 || (long)msgsz < 0)
		return -EINVAL;
	if ((msgflg & MSG_COPY) &&
	    ((msgflg & MSG_EXCEPT) || !(msgflg & IPC_NOWAIT)))
		return -EINVAL;
	w.mode = convert_mode(&w.type, msgflg);
	msg = get_msg(msqid, &w, &err);
	if (!msg)
		return err;
	return store_msg(msgp, msg, msgsz);
}

/* ---- /proc/sysvipc/msg ------------------------------------------------- */

/* One line per queue, with Linux's columns (those of a 32-bit kernel). */
int sysvipc_msg_proc_show(struct proc_buf *pb, struct task_struct *task)
{
	char octal[PROC_OCTAL_MAX];
	struct msqid_ds *msq;
	int i;

	proc_printf(pb, "       key      msqid perms      cbytes       qnum "
		    "lspid lrpid   uid   gid  cuid  cgid      stime      rtime"
		    "      ctime\n");
	for (i = 0; i <= max_msqid; i++) {
		msq = msg_at(i);
		if (!msq)
			continue;
		proc_printf(pb, "%10d %10d  %4s  %10lu %10lu %5d %5d %5u %5u "
			    "%5u %5u %10ld %10ld %10ld\n", msq->msg_perm.key,
			    msg_id(msq, i), proc_octal(octal,
						       msq->msg_perm.mode),
			    msq->msg_cbytes, msq->msg_qnum, msq->msg_lspid,
			    msq->msg_lrpid, msq->msg_perm.uid,
			    msq->msg_perm.gid, msq->msg_perm.cuid,
			    msq->msg_perm.cgid, msq->msg_stime,
			    msq->msg_rtime, msq->msg_ctime);
	}
	return 0;
}
