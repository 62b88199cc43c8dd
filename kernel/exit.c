/*
 * exit.c - a process ends: it gives back its memory and files, hands its
 * children to init (or to another of its threads), and stays a zombie
 * holding its exit status until its parent collects it with wait4. A
 * thread (not 1.2.13: clone with CLONE_THREAD) ends alone with exit, or
 * takes its whole group with it with exit_group or a fatal signal; the
 * group leader's zombie is what the parent waits for, and it is reported
 * once every thread is gone.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/resource.h>
#include <linux/tty.h>
#include <linux/sem.h>

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define __WALL		0x40000000	/* accepted: wait sees groups only */
#define __WCLONE	0x80000000	/* the same */
#define FUTEX_BITSET_MATCH_ANY	0xffffffff

int nr_dead_threads;	/* zombies no one waits for: reap_dead_threads */
#define WSTOPPED_CODE	0x7f

/*
 * The task that takes the dying father's children: another living thread
 * of its group, so that the process still has them (Linux's
 * find_new_reaper), or init (pid 1) when father was the last.
 */
static struct task_struct *new_reaper(struct task_struct *father)
{
	struct task_struct *t;

	for_each_task(t)
		if (t != father && t->tgid == father->tgid &&
		    t->state != TASK_ZOMBIE)
			return t;
	return find_task_by_pid(1);
}

/*
 * Children of the dying task become another thread's of its group, or
 * init's (1.2.13 gave them all to init: it had no threads). The new
 * parent is told of those already zombies.
 */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *reaper = new_reaper(father), *p;
	int zombies = 0;

	for_each_task(p) {
		if (p->p_pptr != father)
			continue;
		/* unlink from father's child list, relink under reaper */
		if (p->p_osptr)
			p->p_osptr->p_ysptr = p->p_ysptr;
		if (p->p_ysptr)
			p->p_ysptr->p_osptr = p->p_osptr;
		else
			father->p_cptr = p->p_osptr;
		p->p_pptr = reaper;
		p->p_ysptr = NULL;
		p->p_osptr = reaper->p_cptr;
		if (p->p_osptr)
			p->p_osptr->p_ysptr = p;
		reaper->p_cptr = p;
		if (p->state == TASK_ZOMBIE)
			zombies = 1;
	}
	if (zombies) {
		send_group_sig(SIGCHLD, reaper, 1);
		wake_up_interruptible(&reaper->wait_chldexit);
	}
}

/* Has p's thread group a living member besides p? 1 if not. */
int thread_group_empty(struct task_struct *p)
{
	struct task_struct *q;

	for_each_task(q)
		if (q != p && q->tgid == p->tgid && q->state != TASK_ZOMBIE)
			return 0;
	return 1;
}

/* SIGKILL to every other thread of p's group (exit_group, exec). */
void zap_other_threads(struct task_struct *p)
{
	struct task_struct *q;

	for_each_task(q)
		if (q != p && q->tgid == p->tgid)
			send_sig(SIGKILL, q, 1);
}

/*
 * reap_dead_threads - free the zombies of threads other than their group
 * leader: no one waits for them (Linux's exit_signal -1), and a task
 * cannot free the stack it runs on, so schedule() does it for them on
 * some other task's stack. Interrupts may be off; nothing here sleeps.
 */
void reap_dead_threads(void)
{
	struct task_struct *p;
	int i;

	for (i = 1; i < NR_TASKS; i++) {
		p = task[i];
		if (p && p != current && p->state == TASK_ZOMBIE &&
		    !thread_group_leader(p)) {
			release_task(p);
			nr_dead_threads--;
		}
	}
}

/*
 * mm_release - current lets go of mm, at exit or exec (Linux's
 * mm_release): the robust mutexes it holds are marked FUTEX_OWNER_DIED;
 * under CHILD_CLEARTID, if anyone else uses mm (a thread that may join
 * it), 0 goes to the tid word and one waiter on it is woken; a vfork
 * parent sleeping on the borrowed mm goes on. Bad pointers are ignored,
 * as on Linux.
 */
void mm_release(struct mm_struct *mm)
{
	struct task_struct *p = current;

	if (p->robust_list)
		exit_robust_list(p);
	if (p->clear_child_tid && mm->count > 1 &&
	    !put_fs_long(0, p->clear_child_tid))
		futex_wake((unsigned long *)p->clear_child_tid, 1, 1,
			   FUTEX_BITSET_MATCH_ANY);
	p->clear_child_tid = NULL;
	if (p->vfork_parent) {
		wake_up(&p->vfork_parent->vfork_wait);
		p->vfork_parent = NULL;
	}
}

/*
 * The interval timers belong to the process and live in its leader
 * (kernel/itimer.c): a thread that execs and takes the leader's place
 * takes them over, as they survive exec on Linux.
 */
static void take_group_timers(struct task_struct *leader)
{
	current->it_real_value = leader->it_real_value;
	current->it_real_incr = leader->it_real_incr;
	current->it_virt_value = leader->it_virt_value;
	current->it_virt_incr = leader->it_virt_incr;
	current->it_prof_value = leader->it_prof_value;
	current->it_prof_incr = leader->it_prof_incr;
}

/*
 * de_thread - exec from a thread (Linux's de_thread): every other thread
 * of the group gets SIGKILL, and current waits, a tick at a time, until
 * all are zombies; the group is marked exiting meanwhile, so that their
 * do_group_exit does not kill current too. A thread other than the
 * leader then takes the leader's pid and place under the parent (both
 * have the same parent: a thread is its creator's sibling), and the old
 * leader's zombie is freed.
 */
void de_thread(void)
{
	struct task_struct *leader = current->group_leader;

	if (thread_group_leader(current) && thread_group_empty(current))
		return;
	leader->group_exit = 1;
	zap_other_threads(current);
	while (!thread_group_empty(current) ||
	       (leader != current && leader->state != TASK_ZOMBIE)) {
		current->timeout = jiffies + 1;
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	if (leader != current) {
		take_group_timers(leader);
		current->shared_signal = leader->shared_signal;
		current->pid = leader->pid;
		current->exit_signal = leader->exit_signal;
		current->group_leader = current;
		release_task(leader);
	}
	current->group_exit = 0;
}

/* current gives up its address space; the last user frees it (mmput). */
static void exit_mm(struct task_struct *p)
{
	struct mm_struct *mm = p->mm;

	if (!mm)
		return;
	mm_release(mm);
	p->mm = NULL;
	mmput(mm);
}

/*
 * Tell p's group leader's parent that the group is gone, once its last
 * thread is: the leader's exit_signal and a wake-up of wait4. A thread
 * other than the leader counts itself dead, for reap_dead_threads.
 */
static void exit_notify(struct task_struct *p)
{
	struct task_struct *leader = p->group_leader;

	if (!thread_group_leader(p))
		nr_dead_threads++;
	if (!thread_group_empty(p) || leader->state != TASK_ZOMBIE)
		return;
	if (leader->exit_signal)
		send_group_sig(leader->exit_signal, leader->p_pptr, 1);
	wake_up_interruptible(&leader->p_pptr->wait_chldexit);
}

/*
 * do_exit - end current, never to return. code is the wait status:
 * (status << 8) for exit(), the signal number for a death by signal.
 *
 * Gives back the address space (the last thread of an mm frees it), the
 * files and the FPU, hands the children to another living thread of the
 * group or else to init, and leaves a zombie that holds code until the
 * parent reaps it in wait4 (reap_zombie frees
 * the rest: release_task); a thread's zombie is freed at once
 * (reap_dead_threads). The parent gets its exit_signal (SIGCHLD unless
 * clone said otherwise) and is woken when the group's last task is gone.
 * The controlling tty is left by the group's last task. init must not
 * exit: there would be no one to reap orphans.
 */
void do_exit(long code)
{
	struct task_struct *p = current;

	if (p->pid == 1)
		panic("init (pid 1) exited with status %ld", code);
	sem_exit();
	exit_mm(p);
	exit_files(p);
	exit_fs(p);
	if (thread_group_empty(p))
		disassociate_ctty();
	clear_fpu();		/* nobody may save FPU state into a zombie */
	retarget_shared_pending(p);
	forget_original_parent(p);
	p->exit_code = code;
	p->state = TASK_ZOMBIE;
	exit_notify(p);
	schedule();
	panic("a zombie was scheduled");
}

/*
 * do_group_exit - end current's whole thread group with code (the first
 * to ask sets the group's status, kept in the leader for wait4): every
 * other thread gets SIGKILL and dies on its way back to user mode.
 */
void do_group_exit(long code)
{
	struct task_struct *leader = current->group_leader;

	if (!leader->group_exit) {
		leader->group_exit = 1;
		leader->group_exit_code = code;
		zap_other_threads(current);
	}
	do_exit(code);
}

/* exit (1): ends the calling thread; the low byte of status is kept. */
long sys_exit(int status)
{
	do_exit((status & 0xff) << 8);
}

/* exit_group (252): ends every thread of the caller's group. */
long sys_exit_group(int status)
{
	do_group_exit((status & 0xff) << 8);
}

/*
 * Does child p match wait4's pid? > 0: that pid; 0: current's process
 * group; < -1: group -pid; -1: any child.
 */
static int wait_matches(struct task_struct *p, pid_t pid)
{
	if (pid > 0)
		return p->pid == pid;
	if (pid == 0)
		return p->pgrp == current->pgrp;
	if (pid < -1)
		return p->pgrp == -pid;
	return 1;
}

/*
 * Report a stopped child once (under WUNTRACED): p is a group leader,
 * and its whole group has stopped (do_group_stop set stop_report).
 * Returns its pid, 0 if not stopped, or -EFAULT.
 */
static long reap_stopped(struct task_struct *p, int *stat_addr, int options)
{
	int status;

	if (!(options & WUNTRACED) || !p->stop_report)
		return 0;
	status = (p->stop_report << 8) | WSTOPPED_CODE;
	if (stat_addr && memcpy_tofs(stat_addr, &status, sizeof(status)))
		return -EFAULT;
	p->stop_report = 0;
	return p->pid;
}

/*
 * Collect the zombie child p (a group leader whose threads are all gone):
 * its status (the group's, after exit_group) to *stat_addr (if given),
 * its use to *ru (if given, as Linux's wait4 fills it), its times added
 * to current's children's times, its task_struct and stack freed.
 * Returns its pid, or -EFAULT (p then stays a zombie, to be reaped by a
 * later wait).
 */
static long reap_zombie(struct task_struct *p, int *stat_addr,
			struct rusage *ru)
{
	pid_t pid = p->pid;
	int status = p->group_exit ? p->group_exit_code : p->exit_code;

	if (stat_addr && memcpy_tofs(stat_addr, &status, sizeof(status)))
		return -EFAULT;
	if (ru && put_child_rusage(p, ru))
		return -EFAULT;
	add_child_times(current, p);
	release_task(p);
	return pid;
}

/*
 * wait4 (114): wait for a child matching pid (wait_matches) to exit, or
 * to stop with WUNTRACED; returns its pid, 0 under WNOHANG when none is
 * ready, -ECHILD when none matches. A child is a thread group: only its
 * leader is seen, and its zombie only once every thread is gone. Sleeps
 * on current->wait_chldexit, which do_exit wakes; a signal ends the wait with -ERESTARTSYS. rusage
 * gets what the child used (kernel/rusage.c).
 */
long sys_wait4(pid_t pid, int *stat_addr, int options, struct rusage *rusage)
{
	struct task_struct *p;
	long r;
	int found;

	if (options & ~(WNOHANG | WUNTRACED | __WALL | __WCLONE))
		return -EINVAL;
	if (rusage && verify_area(VERIFY_WRITE, rusage, sizeof(*rusage)))
		return -EFAULT;
	for (;;) {
		found = 0;
		for (p = current->p_cptr; p; p = p->p_osptr) {
			if (!thread_group_leader(p) || !wait_matches(p, pid))
				continue;
			found = 1;
			if (p->state == TASK_ZOMBIE && thread_group_empty(p))
				return reap_zombie(p, stat_addr, rusage);
			r = reap_stopped(p, stat_addr, options);
			if (r)
				return r;
		}
		if (!found)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		interruptible_sleep_on(&current->wait_chldexit);
		if (signal_pending(current))
			return -ERESTARTSYS;
	}
}

/* waitpid (7): wait4 without the resource usage. */
long sys_waitpid(pid_t pid, int *stat_addr, int options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}
