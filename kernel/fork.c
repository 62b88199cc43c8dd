/*
 * fork.c - making a new process: a copy of the caller.
 *
 * The child gets its own task_struct and kernel stack, a copy of the
 * address space (dup_mmap: private pages shared copy-on-write, shared and
 * shm pages shared for real, vm_ops->open for each area), a copy of the
 * descriptor table pointing at the same open files, and a copy of the
 * parent's user registers with eax = 0, so that fork returns 0 in the
 * child. clone's flags share instead of copying (CLONE_VM, CLONE_FILES,
 * CLONE_FS, CLONE_SYSVSEM) or make a thread of current's group.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/sem.h>
#include <asm/system.h>
#include <asm/segment.h>
#include <linux/syscalls.h>

#include <uapi/linux/sched.h>

#define PID_MAX		32768

/* clone's pointer arguments, in i386's order: ebx flags, ecx newsp, ... */
struct clone_args {
	int *parent_tid;		/* edx */
	struct user_desc *tls;		/* esi */
	int *child_tid;			/* edi */
};

struct task_struct *task[NR_TASKS] = { &init_task };
int nr_tasks = 1;
unsigned long total_forks;	/* since boot: /proc/stat's processes */
pid_t last_pid;		/* the newest pid handed out: /proc/loadavg */

/*
 * The next free pid after last_pid, wrapping to 2 past PID_MAX. A pid is
 * free when no task uses it as its pid, process group or session, so a
 * group or session id is never handed to a newcomer (1.2.13's rule).
 * Callers run with interrupts on but are not preempted, so no one else
 * takes the pid before the task is linked in.
 */
static pid_t get_pid(void)
{
	struct task_struct *p;

again:
	if (++last_pid >= PID_MAX)
		last_pid = 2;
	for_each_task(p)
		if (p->pid == last_pid || p->pgrp == last_pid ||
		    p->session == last_pid)
			goto again;
	return last_pid;
}

/* A free slot of task[] (0 is the idle task's), or -1 if all are used. */
static int free_slot(void)
{
	int i;

	for (i = 1; i < NR_TASKS; i++)
		if (!task[i])
			return i;
	return -1;
}

/* RLIMIT_NPROC: processes of this real uid, as Linux counts them. */
static int too_many_for_user(void)
{
	struct task_struct *p;
	unsigned long n = 0;

	if (current->euid == 0)
		return 0;
	for_each_task(p)
		if (p->uid == current->uid)
			n++;
	return n >= current->rlim[RLIMIT_NPROC].rlim_cur;
}

/* Link p into the all-tasks list and under its parent (1.2.13 SET_LINKS). */
static void set_links(struct task_struct *p)
{
	p->next_task = &init_task;
	p->prev_task = init_task.prev_task;
	init_task.prev_task->next_task = p;
	init_task.prev_task = p;
	p->p_ysptr = NULL;
	p->p_osptr = p->p_pptr->p_cptr;
	if (p->p_osptr)
		p->p_osptr->p_ysptr = p;
	p->p_pptr->p_cptr = p;
}

/*
 * Undo set_links: p leaves the all-tasks list and its parent's list of
 * children. For release_task, once p is reaped.
 */
static void remove_links(struct task_struct *p)
{
	p->prev_task->next_task = p->next_task;
	p->next_task->prev_task = p->prev_task;
	if (p->p_osptr)
		p->p_osptr->p_ysptr = p->p_ysptr;
	if (p->p_ysptr)
		p->p_ysptr->p_osptr = p->p_osptr;
	else
		p->p_pptr->p_cptr = p->p_osptr;
}

/*
 * Give the child p an address space: current's own under CLONE_VM (one
 * more user of the mm: the last to leave tears it down, mmput), a copy
 * of current's (dup_mmap shares private pages copy-on-write and shared
 * ones for real), or an empty one for a kernel thread's child. Returns
 * 0, or -ENOMEM with p->mm freed.
 */
static int copy_mm(unsigned long clone_flags, struct task_struct *p)
{
	if ((clone_flags & CLONE_VM) && current->mm) {
		p->mm = current->mm;
		p->mm->count++;
		return 0;
	}
	if (!current->mm) {		/* a kernel thread: none to copy */
		p->mm = mm_alloc();
		return p->mm ? 0 : -ENOMEM;
	}
	p->mm = mm_alloc();
	if (!p->mm)
		return -ENOMEM;
	if (dup_mmap(p->mm, current->mm)) {
		exit_mmap(p->mm);
		mm_free(p->mm);
		p->mm = NULL;
		return -ENOMEM;
	}
	return 0;
}

/*
 * The child's kernel stack: a copy of the parent's user frame on top;
 * its page directory for schedule (copy_mm has set p->mm).
 */
static void copy_thread(struct task_struct *p, unsigned long usp,
			struct pt_regs *regs)
{
	struct pt_regs *childregs;

	if (p->mm)
		p->tss.cr3 = __pa(p->mm->pgd);

	p->tss.esp0 = p->kernel_stack_page + KERNEL_STACK_SIZE;
	childregs = (struct pt_regs *)p->tss.esp0 - 1;
	*childregs = *regs;
	childregs->eax = 0;
	if (usp)
		childregs->esp = usp;
	p->tss.esp = (unsigned long)childregs;
	p->tss.eip = (unsigned long)ret_from_fork;
	copy_fpu(p);
}

/* A child starts with no CPU time, no counts and no itimers (as Linux). */
static void init_child_times(struct task_struct *p)
{
	p->it_real_value = p->it_virt_value = p->it_prof_value = 0;
	p->it_real_incr = p->it_virt_incr = p->it_prof_incr = 0;
	p->utime = p->stime = p->cutime = p->cstime = 0;
	p->sum_exec_runtime = p->prev_utime = p->prev_stime = 0;
	p->cutime_ns = p->cstime_ns = 0;
	p->min_flt = p->maj_flt = p->nvcsw = p->nivcsw = p->maxrss = 0;
	p->cmin_flt = p->cmaj_flt = p->cnvcsw = p->cnivcsw = p->cmaxrss = 0;
}

/*
 * Reset what a child must not inherit from the copy of current's
 * task_struct: pid and parent, pending signals, timers, times, exit
 * state. The child is left TASK_UNINTERRUPTIBLE, so that no one runs it
 * before do_fork is done; it gets half of the parent's remaining time
 * slice, and the parent keeps the other half (1.2.13), so forking does
 * not buy time.
 */
static void init_child(struct task_struct *p, unsigned long clone_flags)
{
	p->state = TASK_UNINTERRUPTIBLE;
	p->pid = get_pid();
	p->tgid = p->pid;
	p->group_leader = p;
	p->group_exit = 0;
	p->p_pptr = current;
	p->p_cptr = NULL;
	p->signal = p->shared_signal = 0;
	p->group_stop = p->stop_report = 0;
	p->restore_blocked = 0;
	p->wait_chldexit = NULL;
	p->timeout = 0;
	init_child_times(p);
	p->start_time = jiffies;
	p->did_exec = 0;
	p->exit_code = 0;
	p->exit_signal = clone_flags & CSIGNAL;
	p->robust_list = NULL;
	p->set_child_tid = p->clear_child_tid = NULL;
	p->vfork_wait = NULL;
	p->vfork_parent = NULL;
	p->counter = (current->counter + 1) >> 1;
	current->counter >>= 1;
}

/*
 * What a clone of one thread group changes in the child init_child made:
 * a CLONE_THREAD child joins current's group (current's tgid and leader,
 * no signal to anyone at its exit, as Linux), and it or a CLONE_PARENT
 * child is current's sibling: current's parent is its parent.
 */
static void init_clone(struct task_struct *p, unsigned long clone_flags)
{
	if (clone_flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
		p->exit_signal = 0;
	}
	if (clone_flags & (CLONE_THREAD | CLONE_PARENT))
		p->p_pptr = current->p_pptr;
	if (clone_flags & CLONE_VFORK)
		p->vfork_parent = current;
	/* a thread must not share its creator's alternate stack (Linux) */
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM)
		p->sas_ss_sp = p->sas_ss_size = 0;
}

/*
 * Linux's refusals of flag combinations (copy_process): a thread shares
 * the handlers, shared handlers need a shared mm, and init may have no
 * sibling. Namespaces do not exist here: EINVAL, where Linux would make
 * one.
 */
static int bad_clone_flags(unsigned long clone_flags)
{
	if (clone_flags & CLONE_NAMESPACES)
		return 1;
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return 1;
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return 1;
	return (clone_flags & CLONE_PARENT) && current->pid == 1;
}

/*
 * The parent of a CLONE_VFORK child sleeps until the child lets go of
 * its mm (exec or exit: mm_release), as Linux; p may be gone by then,
 * so the loop asks the task list, not p.
 */
static void wait_for_vfork_done(void)
{
	struct task_struct *p;

again:
	for_each_task(p)
		if (p->vfork_parent == current) {
			sleep_on(&current->vfork_wait);
			goto again;
		}
}

/*
 * do_fork - make a child of current that returns 0 from the same system
 * call; returns the child's pid to the parent, or -errno.
 *
 * Called from sys_fork, sys_vfork and sys_clone with the parent's user
 * frame (regs) on its kernel stack. The child gets a copy of the
 * task_struct (init_child resets what is its own), a two-page kernel
 * stack whose top is a copy of regs with eax = 0 (copy_thread), a copy
 * of the address space (copy_mm) and of the open files. It first runs at
 * ret_from_fork, which returns to user mode through that frame; usp,
 * when not 0, is its user stack. Everything is allocated before the
 * child is made visible (task[], the task lists, wake_up_process), so a
 * failure unwinds in reverse order and leaves no trace: -EAGAIN when the
 * task table or RLIMIT_NPROC is full, -ENOMEM when memory is, -EINVAL for
 * a combination of flags Linux refuses. CLONE_VM shares current's mm,
 * CLONE_FILES its descriptor table, CLONE_FS its cwd and umask,
 * CLONE_SYSVSEM its SEM_UNDO records; CLONE_SIGHAND gives copies of the
 * handlers, kept alike in the whole group (Lintel keeps them in the
 * task_struct: docs/06).
 */
int do_fork(unsigned long clone_flags, unsigned long usp, struct pt_regs *regs)
{
	struct task_struct *p;
	int slot, err = -EAGAIN;

	if (bad_clone_flags(clone_flags))
		return -EINVAL;
	slot = free_slot();
	if (slot < 0 || too_many_for_user())
		return -EAGAIN;
	err = -ENOMEM;
	p = kmalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		goto out;
	*p = *current;
	p->kernel_stack_page = __get_free_pages(GFP_KERNEL, 1);
	if (!p->kernel_stack_page)
		goto out_free_task;
	init_child(p, clone_flags);
	init_clone(p, clone_flags);
	if (copy_mm(clone_flags, p))
		goto out_free_stack;
	if (copy_files(clone_flags, p))
		goto out_free_mm;
	if (copy_fs(clone_flags, p))
		goto out_free_files;
	if (copy_semundo(clone_flags, p))
		goto out_free_fs;
	copy_thread(p, usp, regs);

	task[slot] = p;
	nr_tasks++;
	total_forks++;
	set_links(p);
	wake_up_process(p);
	return p->pid;

out_free_fs:
	exit_fs(p);
out_free_files:
	exit_files(p);
out_free_mm:
	mmput(p->mm);
out_free_stack:
	free_pages(p->kernel_stack_page, 1);
out_free_task:
	kfree(p);
out:
	return err;
}

/* fork (2): a copy of the caller; the parent's SIGCHLD at the child's exit. */
long sys_fork(struct pt_regs *regs)
{
	return do_fork(SIGCHLD, 0, regs);
}

/* vfork (190): the child borrows the mm; the parent sleeps till exec/exit. */
long sys_vfork(struct pt_regs *regs)
{
	int pid = do_fork(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, regs);

	if (pid > 0)
		wait_for_vfork_done();
	return pid;
}

/*
 * What a fork-like clone asks beyond fork (glibc's fork passes
 * CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID|SIGCHLD and &tid): the child
 * stores its own tid when it first runs (schedule_tail); the parent's
 * copy is written here, and a failed write is ignored, as on Linux.
 * Called after do_fork, before the child first runs.
 */
static void clone_ids(struct task_struct *p, unsigned long flags,
		      const struct clone_args *args)
{
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;
	if (flags & CLONE_PARENT_SETTID)
		put_fs_long(p->pid, args->parent_tid);
}

/*
 * clone (120): flags in ebx, the child's stack in ecx, then parent_tid,
 * tls and child_tid (i386 order). CLONE_SETTLS loads the child's TLS
 * descriptor; the low byte of flags is the signal the parent gets at
 * the child's exit (none for a thread). Under CLONE_VFORK the parent
 * returns once the child has exec'd or exited.
 */
long sys_clone(struct pt_regs *regs)
{
	struct clone_args args = { (int *)regs->edx,
				   (struct user_desc *)regs->esi,
				   (int *)regs->edi };
	unsigned long flags = regs->ebx;
	struct user_desc tls;
	struct task_struct *p;
	int pid;

	if (flags & CLONE_SETTLS) {
		pid = get_clone_tls(args.tls, &tls);
		if (pid)
			return pid;
	}
	pid = do_fork(flags, regs->ecx, regs);
	if (pid < 0)
		return pid;
	p = find_task_by_pid(pid);
	clone_ids(p, flags, &args);
	if (flags & CLONE_SETTLS)
		set_clone_tls(p, &tls);
	if (flags & CLONE_VFORK)
		wait_for_vfork_done();
	return pid;
}

/* Free what a dead task still holds (wait4, or reap_dead_threads). */
void release_task(struct task_struct *p)
{
	int i;

	for (i = 1; i < NR_TASKS; i++)
		if (task[i] == p) {
			task[i] = NULL;
			break;
		}
	remove_links(p);
	nr_tasks--;
	free_pages(p->kernel_stack_page, 1);
	kfree(p);
}

/*
 * A task that runs fn in the kernel (init, before it execs /sbin/init).
 * Its first switch_to "returns" into fn on a fresh stack.
 */
int kernel_thread(void (*fn)(void), const char *name)
{
	struct pt_regs regs;
	struct task_struct *p;
	int pid;

	memset(&regs, 0, sizeof(regs));
	pid = do_fork(SIGCHLD, 0, &regs);
	if (pid < 0)
		return pid;
	p = find_task_by_pid(pid);
	p->tss.eip = (unsigned long)fn;
	strncpy(p->comm, name, sizeof(p->comm));
	return pid;
}
