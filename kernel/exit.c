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
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/resource.h>
#include <linux/tty.h>
#include <linux/sem.h>
#include <asm/sigcontext.h>

/* wait4's and waitid's options (Linux's uapi/linux/wait.h) */
#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED	/* waitid's name for it */
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000	/* report, but leave it waitable */
#define __WNOTHREAD	0x20000000	/* accepted: wait sees groups only */
#define __WALL		0x40000000	/* the same */
#define __WCLONE	0x80000000	/* the same */
/* waitid's idtype */
#define P_ALL		0
#define P_PID		1
#define P_PGID		2
#define FUTEX_BITSET_MATCH_ANY	0xffffffff

/* zombies no one waits for: reap_dead_threads */
int nr_dead_threads __sched_data;
/* the wait status word: exit code << 8, or signal | core flag, or ... */
#define WTERMSIG_MASK	0x7f
#define WCOREFLAG	0x80
#define WSTOPPED_CODE	0x7f		/* ... stop signal << 8 | 0x7f */
#define WCONTINUED_CODE	0xffff		/* ... or resumed by SIGCONT */

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
		wake_up_interruptible(&reaper->group_leader->wait_chldexit);
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
 * mm_release): the robust mutexes it holds are marked FUTEX_OWNER_DIED,
 * and the sleepers on the PI locks it holds may take them;
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
	exit_pi_waiters(p);
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
 * wait_word_cause - what a dead child's wait status word says in
 * siginfo's terms (SIGCHLD's and waitid's): CLD_EXITED and the exit
 * code, or CLD_KILLED (CLD_DUMPED with a core) and the signal.
 */
static void wait_word_cause(int word, int *code, int *status)
{
	*code = CLD_EXITED;
	*status = (word >> 8) & 0xff;
	if (word & WTERMSIG_MASK) {
		*code = word & WCOREFLAG ? CLD_DUMPED : CLD_KILLED;
		*status = word & WTERMSIG_MASK;
	}
}

/*
 * Tell p's group leader's parent that the group is gone, once its last
 * thread is: the leader's exit_signal and a wake-up of wait4. A thread
 * other than the leader counts itself dead, for reap_dead_threads.
 */
static void exit_notify(struct task_struct *p)
{
	struct task_struct *leader = p->group_leader;
	int code, status;

	if (!thread_group_leader(p))
		nr_dead_threads++;
	if (!thread_group_empty(p) || leader->state != TASK_ZOMBIE)
		return;
	if (leader->exit_signal) {
		wait_word_cause(leader->group_exit ? leader->group_exit_code :
				leader->exit_code, &code, &status);
		notify_parent(leader, leader->exit_signal, code, status);
	}
	wake_up_interruptible(&leader->p_pptr->group_leader->wait_chldexit);
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
 * What a wait is for and what it found (Linux's struct wait_opts): the
 * children it may take (type, id), the changes it reports (options),
 * where wait4's status word and the rusage go (user pointers or NULL),
 * and the report on the child taken.
 */
struct wait_opts {
	int type;		/* P_ALL, P_PID or P_PGID */
	pid_t id;
	int options;		/* WEXITED, WSTOPPED, WCONTINUED, WNOWAIT, ... */
	int *stat_addr;
	struct rusage *ru;
	pid_t pid;		/* the report: the child, */
	uid_t uid;		/* its real uid, */
	int code;		/* CLD_EXITED, CLD_KILLED, ... */
	int status;		/* and the exit code or signal (si_status) */
};

/* Is child p one that wo may take? P_PGID 0 was made current's group. */
static int wait_matches(const struct task_struct *p,
			const struct wait_opts *wo)
{
	switch (wo->type) {
	case P_PID:
		return p->pid == wo->id;
	case P_PGID:
		return p->pgrp == wo->id;
	}
	return 1;
}

/*
 * wait_report - tell the waiter about child p: the wait status word
 * (wait4's *stat_addr), the siginfo fields kept in wo, p's rusage.
 * Called before p is released, so that a bad pointer (-EFAULT) leaves
 * the child to a later wait, as 1.2.13's wait did.
 */
static int wait_report(struct wait_opts *wo, struct task_struct *p,
		       int word, int code, int status)
{
	if (wo->stat_addr && memcpy_tofs(wo->stat_addr, &word, sizeof(word)))
		return -EFAULT;
	if (wo->ru && put_child_rusage(p, wo->ru))
		return -EFAULT;
	wo->pid = p->pid;
	wo->uid = p->uid;
	wo->code = code;
	wo->status = status;
	return 0;
}

/*
 * wait_zombie - collect the zombie child p (a group leader whose threads
 * are all gone), for WEXITED: its status (the group's, after
 * exit_group) reported, its times added to current's children's, its
 * task_struct and stack freed unless WNOWAIT leaves it to be waited for
 * again; so are its last threads' zombies, which reap_dead_threads
 * would free at the next switch (the parent finds all given back).
 * Returns its pid, 0 if wo does not want exits, or -EFAULT.
 */
static long wait_zombie(struct wait_opts *wo, struct task_struct *p)
{
	pid_t pid = p->pid;
	int word = p->group_exit ? p->group_exit_code : p->exit_code;
	int err, code, status;

	if (!(wo->options & WEXITED))
		return 0;
	wait_word_cause(word, &code, &status);
	err = wait_report(wo, p, word, code, status);
	if (err)
		return err;
	if (!(wo->options & WNOWAIT)) {
		add_child_times(current, p);
		release_task(p);
		reap_dead_threads();	/* its last threads' zombies too */
	}
	return pid;
}

/*
 * wait_stopped - report a stopped child once, for WSTOPPED (wait4's
 * WUNTRACED): p is a group leader whose whole group has stopped
 * (do_group_stop set stop_report); WNOWAIT leaves it reportable. Its
 * pid, 0, or -EFAULT.
 */
static long wait_stopped(struct wait_opts *wo, struct task_struct *p)
{
	int sig = p->stop_report, err;

	if (!(wo->options & WSTOPPED) || !sig)
		return 0;
	err = wait_report(wo, p, (sig << 8) | WSTOPPED_CODE, CLD_STOPPED, sig);
	if (err)
		return err;
	if (!(wo->options & WNOWAIT))
		p->stop_report = 0;
	return p->pid;
}

/*
 * wait_continued - report once that SIGCONT resumed a stopped child,
 * for WCONTINUED (not in 1.2.13: Linux 2.6.10). Its pid, 0, or -EFAULT.
 */
static long wait_continued(struct wait_opts *wo, struct task_struct *p)
{
	int err;

	if (!(wo->options & WCONTINUED) || !p->stop_continued)
		return 0;
	err = wait_report(wo, p, WCONTINUED_CODE, CLD_CONTINUED, SIGCONT);
	if (err)
		return err;
	if (!(wo->options & WNOWAIT))
		p->stop_continued = 0;
	return p->pid;
}

/*
 * Look at the children of one task t of current's group for a change wo
 * wants: its pid (or -EFAULT) if one was reported, else 0; *found is set
 * when a child matches at all.
 */
static long wait_children_of(struct task_struct *t, struct wait_opts *wo,
			     int *found)
{
	struct task_struct *p;
	long r;

	for (p = t->p_cptr; p; p = p->p_osptr) {
		if (!thread_group_leader(p) || !wait_matches(p, wo))
			continue;
		*found = 1;
		if (p->state == TASK_ZOMBIE && thread_group_empty(p))
			r = wait_zombie(wo, p);
		else
			r = wait_stopped(wo, p);
		if (!r)
			r = wait_continued(wo, p);
		if (r)
			return r;
	}
	return 0;
}

/*
 * do_wait - 1.2.13's wait loop, for wait4 and waitid: the first child
 * wo matches that has a change wo asks for (an exit, a stop, a
 * continue) is reported. A child is a thread group: only its leader is
 * seen, and its zombie only once every thread is gone. As in Linux, any
 * thread waits for the children of every thread of its group, and
 * sleeps on the group leader's wait_chldexit, which exits, stops and
 * continues wake.
 * Returns the child's pid, 0 under WNOHANG when none is ready, -ECHILD
 * when none matches, -EFAULT, or -ERESTARTSYS when a signal comes.
 */
static long do_wait(struct wait_opts *wo)
{
	struct task_struct *t;
	long r;
	int found;

	for (;;) {
		found = 0;
		for_each_task(t) {
			if (t->tgid != current->tgid)
				continue;
			r = wait_children_of(t, wo, &found);
			if (r)
				return r;
		}
		if (!found)
			return -ECHILD;
		if (wo->options & WNOHANG)
			return 0;
		interruptible_sleep_on(&current->group_leader->wait_chldexit);
		if (signal_pending(current))
			return -ERESTARTSYS;
	}
}

/*
 * wait4 (114): wait for a child to exit, or to stop with WUNTRACED, or
 * to be continued with WCONTINUED. pid > 0 names one child, 0 any in
 * current's process group, < -1 any in group -pid, -1 any child. Returns
 * its pid (its wait status to *stat_addr and its use to *rusage, each if
 * given), 0 under WNOHANG when none is ready, -ECHILD when none matches.
 */
long sys_wait4(pid_t pid, int *stat_addr, int options, struct rusage *rusage)
{
	struct wait_opts wo = { .type = P_ALL, .options = options | WEXITED,
				.stat_addr = stat_addr, .ru = rusage };

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WALL | __WCLONE))
		return -EINVAL;
	if (rusage && verify_area(VERIFY_WRITE, rusage, sizeof(*rusage)))
		return -EFAULT;
	if (pid > 0) {
		wo.type = P_PID;
		wo.id = pid;
	} else if (pid != -1) {
		wo.type = P_PGID;
		wo.id = pid ? -pid : current->pgrp;
	}
	return do_wait(&wo);
}

/*
 * put_waitid_info - the siginfo waitid fills, in Linux's order and
 * layout: si_signo SIGCHLD (0 when nothing was found), si_errno 0,
 * si_code, and the child's pid, uid and status; the rest is left as
 * the caller had it, as Linux leaves it.
 */
static int put_waitid_info(struct siginfo *infop, const struct wait_opts *wo)
{
	struct siginfo info;
	size_t n = offsetof(struct siginfo, fields.child.utime);

	memset(&info, 0, n);
	if (wo->pid) {
		info.si_signo = SIGCHLD;
		info.si_code = wo->code;
		info.fields.child.pid = wo->pid;
		info.fields.child.uid = wo->uid;
		info.fields.child.status = wo->status;
	}
	return memcpy_tofs(infop, &info, n) ? -EFAULT : 0;
}

/*
 * waitid (284): POSIX's wait, from Linux 2.6.9. idtype P_ALL, P_PID (id
 * > 0) or P_PGID (id, 0 for current's group); options say which changes
 * to wait for (WEXITED, WSTOPPED, WCONTINUED, at least one) and how
 * (WNOHANG, WNOWAIT: leave the child waitable). Returns 0, the child
 * described in *infop and its use in *ru (each if given); -EINVAL,
 * -ECHILD, -EFAULT as Linux. Linux's fifth argument, ru, is not POSIX's.
 * The pointers are checked before the wait: a bad one never costs a
 * child (Linux reaps it and then fails).
 */
long sys_waitid(int which, pid_t id, struct siginfo *infop, int options,
		struct rusage *ru)
{
	struct wait_opts wo = { .type = which, .id = id, .options = options,
				.ru = ru };
	long r;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WALL | __WCLONE) ||
	    !(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	if ((which == P_PID && id <= 0) || (which == P_PGID && id < 0) ||
	    (which != P_ALL && which != P_PID && which != P_PGID))
		return -EINVAL;
	if (which == P_PGID && !id)
		wo.id = current->pgrp;
	if ((ru && verify_area(VERIFY_WRITE, ru, sizeof(*ru))) ||
	    (infop && verify_area(VERIFY_WRITE, infop, sizeof(*infop))))
		return -EFAULT;
	r = do_wait(&wo);
	if (r < 0 && r != -ECHILD)
		return r;
	if (infop && put_waitid_info(infop, &wo))
		return -EFAULT;
	return r < 0 ? r : 0;
}

/* waitpid (7): wait4 without the resource usage. */
long sys_waitpid(pid_t pid, int *stat_addr, int options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}
