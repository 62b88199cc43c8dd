/*
 * tid.c - the calls that name a thread: gettid, set_tid_address, tkill,
 * tgkill, set_robust_list and get_robust_list.
 *
 * None is in 1.2.13 (they came with NPTL in 2.5/2.6). A thread id is a
 * task's own pid; getpid says the thread group's id (the leader's pid).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/segment.h>

#define ROBUST_LIST_HEAD_SIZE	12	/* struct robust_list_head on i386 */

/* gettid (224): the task's own id (getpid says its group's). */
long sys_gettid(void)
{
	return current->pid;
}

/*
 * set_tid_address(tidptr) - remember where to clear the tid at exit; the
 * tid is returned. At exit 0 is written there and a futex waiter woken,
 * when the address space is shared with another task (mm_release).
 */
long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/*
 * schedule_tail - the first thing a new task does, on its own address
 * space, before it returns to user mode (entry.asm's ret_from_fork):
 * CLONE_CHILD_SETTID's store of its tid. A bad pointer is ignored, as
 * on Linux.
 */
void schedule_tail(void)
{
	if (current->set_child_tid)
		put_fs_long(current->pid, current->set_child_tid);
}

/* The task a thread id names, or NULL (tid <= 0 was refused before). */
static struct task_struct *find_thread(pid_t tgid, pid_t tid)
{
	struct task_struct *p = find_task_by_pid(tid);

	if (!p || p->state == TASK_ZOMBIE || (tgid > 0 && tgid != p->tgid))
		return NULL;
	return p;
}

/*
 * Send sig to p as tkill and tgkill do: a handler with SA_SIGINFO then
 * sees si_code SI_TKILL (raise() uses tgkill), not kill's SI_USER.
 */
static int send_tkill(int sig, struct task_struct *p)
{
	int queued = sig && (p->signal & sigmask(sig));
	int err = send_sig(sig, p, 0);

	if (!err && sig && !queued)
		p->sig_info[sig - 1].code = SI_TKILL;
	return err;
}

/* tgkill(tgid, tid, sig): EINVAL for ids <= 0 or a bad signal, as Linux. */
long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	struct task_struct *p;

	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > NSIG)
		return -EINVAL;
	p = find_thread(tgid, tid);
	return p ? send_tkill(sig, p) : -ESRCH;
}

/* tkill(tid, sig): tgkill without the thread-group check. */
long sys_tkill(pid_t tid, int sig)
{
	struct task_struct *p;

	if (tid <= 0 || sig < 0 || sig > NSIG)
		return -EINVAL;
	p = find_thread(0, tid);
	return p ? send_tkill(sig, p) : -ESRCH;
}

/*
 * set_robust_list(head, len) - where glibc keeps the list of robust
 * mutexes this thread holds; a dying thread's list is walked by
 * exit_robust_list (futex.c).
 */
long sys_set_robust_list(void *head, unsigned long len)
{
	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/* get_robust_list(pid, head_ptr, len_ptr): pid 0 is the caller. */
long sys_get_robust_list(pid_t pid, void **head_ptr, unsigned long *len_ptr)
{
	struct task_struct *p = pid ? find_thread(0, pid) : current;

	if (!p)
		return -ESRCH;
	if (p != current && current->euid != 0 && current->euid != p->euid &&
	    current->euid != p->uid)
		return -EPERM;
	if (put_fs_long(ROBUST_LIST_HEAD_SIZE, len_ptr))
		return -EFAULT;
	return put_fs_long((unsigned long)p->robust_list, head_ptr) ?
	       -EFAULT : 0;
}
