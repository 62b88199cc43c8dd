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

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
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

/* code is the wait status: (status << 8) for exit(), the signal number
 * for a death by signal. */
void do_exit(long code)
{
	struct task_struct *p = current;

	if (p->pid == 1)
		panic("init (pid 1) exited with status %ld", code);
	if (p->mm)
		exit_mmap(p->mm);
	exit_files(p);
	forget_original_parent(p);
	p->exit_code = code;
	p->state = TASK_ZOMBIE;
	if (p->exit_signal)
		send_sig(p->exit_signal, p->p_pptr, 1);
	wake_up_interruptible(&p->p_pptr->wait_chldexit);
	schedule();
	panic("a zombie was scheduled");
}

long sys_exit(int status)
{
	do_exit((status & 0xff) << 8);
}

long sys_exit_group(int status)
{
	do_exit((status & 0xff) << 8);
}

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

static long reap_zombie(struct task_struct *p, int *stat_addr)
{
	pid_t pid = p->pid;
	int status = p->exit_code;

	if (stat_addr && memcpy_tofs(stat_addr, &status, sizeof(status)))
		return -EFAULT;
	current->cutime += p->utime + p->cutime;
	current->cstime += p->stime + p->cstime;
	release_task(p);
	return pid;
}

long sys_wait4(pid_t pid, int *stat_addr, int options, void *rusage)
{
	struct task_struct *p;
	long r;
	int found;

	if (options & ~(WNOHANG | WUNTRACED | 0x40000000 | 0x80000000))
		return -EINVAL;
	if (rusage && verify_area(VERIFY_WRITE, rusage, 72))
		return -EFAULT;
	for (;;) {
		found = 0;
		for (p = current->p_cptr; p; p = p->p_osptr) {
			if (!wait_matches(p, pid))
				continue;
			found = 1;
			if (p->state == TASK_ZOMBIE)
				return reap_zombie(p, stat_addr);
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

long sys_waitpid(pid_t pid, int *stat_addr, int options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}
