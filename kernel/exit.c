/*
 * exit.c - a process ends: it gives back its memory and files, hands its
 * children to init, and stays a zombie holding its exit status until its
 * parent collects it with wait4.
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
#define __WALL		0x40000000	/* accepted: there are no threads */
#define __WCLONE	0x80000000	/* the same */
#define WSTOPPED_CODE	0x7f

/* Children of the dying task become init's (pid 1). */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *init = find_task_by_pid(1), *p;
	int zombies = 0;

	for_each_task(p) {
		if (p->p_pptr != father)
			continue;
		/* unlink from father's child list, relink under init */
		if (p->p_osptr)
			p->p_osptr->p_ysptr = p->p_ysptr;
		if (p->p_ysptr)
			p->p_ysptr->p_osptr = p->p_osptr;
		else
			father->p_cptr = p->p_osptr;
		p->p_pptr = init;
		p->p_ysptr = NULL;
		p->p_osptr = init->p_cptr;
		if (p->p_osptr)
			p->p_osptr->p_ysptr = p;
		init->p_cptr = p;
		if (p->state == TASK_ZOMBIE)
			zombies = 1;
	}
	if (zombies) {
		send_sig(SIGCHLD, init, 1);
		wake_up_interruptible(&init->wait_chldexit);
	}
}

/*
 * do_exit - end current, never to return. code is the wait status:
 * (status << 8) for exit(), the signal number for a death by signal.
 *
 * Gives back the address space, the files and the FPU, hands the children to
 * init, and leaves a zombie that holds code until the parent reaps it in
 * wait4 (reap_zombie frees the rest: release_task). The parent gets its
 * exit_signal (SIGCHLD unless clone said otherwise) and is woken. init
 * must not exit: there would be no one to reap orphans.
 */
void do_exit(long code)
{
	struct task_struct *p = current;

	if (p->pid == 1)
		panic("init (pid 1) exited with status %ld", code);
	sem_exit();
	if (p->mm)
		exit_mmap(p->mm);
	exit_files(p);
	disassociate_ctty();
	clear_fpu();		/* nobody may save FPU state into a zombie */
	forget_original_parent(p);
	p->exit_code = code;
	p->state = TASK_ZOMBIE;
	if (p->exit_signal)
		send_sig(p->exit_signal, p->p_pptr, 1);
	wake_up_interruptible(&p->p_pptr->wait_chldexit);
	schedule();
	panic("a zombie was scheduled");
}

/* exit (1): only the low byte of status reaches the parent. */
long sys_exit(int status)
{
	do_exit((status & 0xff) << 8);
}

/* exit_group (252): as exit, since a process is one thread here. */
long sys_exit_group(int status)
{
	do_exit((status & 0xff) << 8);
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

/* Report a stopped child once; returns its pid, 0 if not stopped. */
static long reap_stopped(struct task_struct *p, int *stat_addr, int options)
{
	int status;

	if (!(options & WUNTRACED) || p->state != TASK_STOPPED ||
	    !p->exit_code)
		return 0;
	status = (p->exit_code << 8) | WSTOPPED_CODE;
	if (stat_addr && memcpy_tofs(stat_addr, &status, sizeof(status)))
		return -EFAULT;
	p->exit_code = 0;
	return p->pid;
}

/*
 * Collect the zombie child p: its status to *stat_addr (if given), its
 * use to *ru (if given, as Linux's wait4 fills it), its times added to
 * current's children's times, its task_struct and stack freed. Returns
 * its pid, or -EFAULT (p then stays a zombie, to be reaped by a later
 * wait).
 */
static long reap_zombie(struct task_struct *p, int *stat_addr,
			struct rusage *ru)
{
	pid_t pid = p->pid;
	int status = p->exit_code;

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
 * ready, -ECHILD when none matches. Sleeps on current->wait_chldexit,
 * which do_exit wakes; a signal ends the wait with -ERESTARTSYS. rusage
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
			if (!wait_matches(p, pid))
				continue;
			found = 1;
			if (p->state == TASK_ZOMBIE)
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
