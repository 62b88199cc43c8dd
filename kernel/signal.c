/*
 * signal.c - sending signals, and what a process says about them:
 * kill, sigaction, the blocked mask, pause, alarm.
 *
 * A signal is a bit in a pending set: the target thread's own
 * (task->signal: tgkill, a fault) or its whole group's (the leader's
 * shared_signal: kill), which any thread that does not block it may
 * take. It is acted on only when a task returns to user mode: kernel/sigframe.c
 * runs the default action, or builds a frame on the user stack so that
 * the handler runs and then returns through sigreturn to where the task
 * was.
 */#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <asm/sigcontext.h>
#include <asm/segment.h>
#include <asm/system.h>

/*
 * Would p throw sig away on delivery? Set to SIG_IGN (SIGKILL and
 * SIGSTOP never are), or SIG_DFL with "ignore" as the default action.
 * send_sig then need not even mark it pending. A signal that
 * rt_sigtimedwait waits for is never thrown away: its mask before the
 * wait (real_blocked) still counts, as in Linux's sig_ignored.
 */
static int ignored(struct task_struct *p, int sig)
{
	void (*h)(int) = p->sigaction[sig - 1].sa_handler;

	if (p->real_blocked & sigmask(sig))
		return 0;
	if (h == SIG_IGN)
		return sig != SIGKILL && sig != SIGSTOP;
	return h == SIG_DFL && (sigmask(sig) & SIG_DFL_IGNORED);
}

/* May current send a signal to p? (root, or a matching uid) */
static int may_signal(struct task_struct *p)
{
	return current->euid == 0 || current->euid == p->uid ||
	       current->uid == p->uid || current->euid == p->suid ||
	       current->uid == p->suid;
}

/* Is p one of the threads of the group led by leader, and alive? */
static int live_in_group(struct task_struct *p, struct task_struct *leader)
{
	return p->tgid == leader->tgid && p->state != TASK_ZOMBIE;
}

/*
 * prepare_signal - what sending sig does to p's whole group before it
 * is queued (Linux's prepare_signal): SIGCONT and SIGKILL end a group
 * stop (every stopped thread runs again, the stop signals still pending
 * anywhere in the group are dropped, and an unreported stop is
 * forgotten; SIGCONT leaves a continue for WCONTINUED to report, and
 * tells the parent); a stop signal drops a pending SIGCONT.
 */
static void prepare_signal(int sig, struct task_struct *p)
{
	struct task_struct *leader = p->group_leader, *t;
	sigset_t drop = 0;

	if (sig == SIGKILL || sig == SIGCONT) {
		drop = SIG_DFL_STOP;
		if (sig == SIGCONT && leader->group_stop) {
			leader->stop_continued = 1;
			notify_parent_cldstop(leader, CLD_CONTINUED, SIGCONT);
		}
		leader->group_stop = leader->stop_report = 0;
	} else if (sigmask(sig) & SIG_DFL_STOP) {
		drop = sigmask(SIGCONT);
	}
	if (!drop)
		return;
	leader->shared_signal &= ~drop;
	for_each_task(t) {
		if (t->tgid != p->tgid)
			continue;
		t->signal &= ~drop;
		if (drop == SIG_DFL_STOP && t->state == TASK_STOPPED)
			wake_up_process(t);
	}
}

/*
 * Record what a SA_SIGINFO handler (or rt_sigtimedwait) is told of sig,
 * si, in info[], unless sig is pending already, and mark it pending.
 * Classic signals do not queue, and in Lintel neither do the real-time
 * ones (a departure: Linux queues those).
 */
static void queue_signal(int sig, sigset_t *pending, struct sig_info *info,
			 const struct sig_info *si)
{
	if (!(*pending & sigmask(sig)))
		info[sig - 1] = *si;
	*pending |= sigmask(sig);
}

/*
 * kill_info - what kill tells a handler: SI_USER and the sender's
 * process (its tgid, as Linux) and uid, or SI_KERNEL and no sender when
 * the kernel sends it (priv).
 */
static struct sig_info kill_info(int priv)
{
	struct sig_info si = { SI_USER, current->tgid, current->uid, 0, 0 };

	if (priv)
		si = (struct sig_info){ SI_KERNEL, 0, 0, 0, 0 };
	return si;
}

/* send_sig - send_sig_info with what kill tells (kill_info). */
int send_sig(int sig, struct task_struct *p, int priv)
{
	struct sig_info si = kill_info(priv);

	return send_sig_info(sig, &si, p, priv);
}

/*
 * send_sig_info - sig for the thread p alone (tgkill, a fault, a kernel
 * notice, rt_tgsigqueueinfo), with si for its handler: marked pending
 * in p's own set; p is woken if it sleeps interruptibly and does not
 * block sig. priv: the kernel itself sends it, no permission check. 0,
 * -EINVAL or -EPERM.
 */
int send_sig_info(int sig, const struct sig_info *si, struct task_struct *p,
		  int priv)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (!priv && !may_signal(p))
		return -EPERM;
	if (!sig || p->state == TASK_ZOMBIE)
		return 0;
	prepare_signal(sig, p);
	if (ignored(p, sig) && !(p->blocked & sigmask(sig)))
		return 0;
	queue_signal(sig, &p->signal, p->sig_info, si);
	if (p->state == TASK_INTERRUPTIBLE && !(p->blocked & sigmask(sig)))
		wake_up_process(p);
	return 0;
}

/*
 * notify_parent - send p's parent sig (SIGCHLD, or what clone asked
 * for) about p, with the siginfo Linux gives it: code (CLD_EXITED, ...),
 * p's pid and uid, and status (the exit code or the signal) in
 * si_status. The kernel sends it: no permission check.
 */
void notify_parent(struct task_struct *p, int sig, int code, int status)
{
	struct sig_info si = { code, p->pid, p->uid, 0, status };

	send_group_sig_info(sig, &si, p->p_pptr, 1);
}

/*
 * notify_parent_cldstop - p's group stopped (code CLD_STOPPED, status
 * the signal), or SIGCONT resumed it (CLD_CONTINUED): its parent's wait4
 * or waitid may report it now, so wake them, and send SIGCHLD unless the
 * parent asked for none with SA_NOCLDSTOP (Linux's
 * do_notify_parent_cldstop; 1.2.13 had only the stop half).
 */
void notify_parent_cldstop(struct task_struct *p, int code, int status)
{
	struct task_struct *parent = p->p_pptr;

	if (!parent)
		return;
	wake_up_interruptible(&parent->group_leader->wait_chldexit);
	if (!(parent->sigaction[SIGCHLD - 1].sa_flags & SA_NOCLDSTOP))
		notify_parent(p, SIGCHLD, code, status);
}

/*
 * A signal the task cannot refuse: a fault it caused. If it blocks or
 * ignores the signal, the default action (death) applies, as on Linux.
 */
void force_sig(int sig, struct task_struct *p)
{
	struct sigaction *sa = &p->sigaction[sig - 1];

	if (sa->sa_handler == SIG_IGN || (p->blocked & sigmask(sig))) {
		sa->sa_handler = SIG_DFL;
		p->blocked &= ~sigmask(sig);
	}
	p->sig_info[sig - 1].code = SI_KERNEL;
	p->sig_info[sig - 1].addr = 0;
	send_sig(sig, p, 1);
}

/*
 * A fault (SIGSEGV, SIGBUS, SIGFPE) at addr: the handler's si_addr and
 * si_code. The caller records the trap in current->tss.
 */
void force_sig_fault(int sig, int code, unsigned long addr)
{
	force_sig(sig, current);
	current->sig_info[sig - 1].code = code;
	current->sig_info[sig - 1].addr = addr;
}

/*
 * Send sig to every process (thread group) in group pgrp but init (and
 * the idle task). As Linux's __kill_pgrp_info: 0 if at least one got
 * it, else the last one's error (-EPERM when none may be signalled),
 * -ESRCH for an empty group.
 */
int kill_pg(int pgrp, int sig, int priv)
{
	struct task_struct *p;
	int err = -ESRCH, ok = 0;

	for_each_task(p) {
		if (p->pgrp != pgrp || p->pid <= 1 || !thread_group_leader(p))
			continue;
		err = send_group_sig(sig, p, priv);
		ok |= !err;
	}
	return ok ? 0 : err;
}

/* kill(-1, sig): everyone we may signal except init and ourselves */
static int kill_all(int sig)
{
	struct task_struct *p;
	int found = 0;

	for_each_task(p)
		if (p->pid > 1 && thread_group_leader(p) &&
		    p->tgid != current->tgid && may_signal(p)) {
			found = 1;
			send_group_sig(sig, p, 0);
		}
	return found ? 0 : -ESRCH;
}

/*
 * kill (37): pid > 0 one process (any thread of it takes the signal),
 * 0 the caller's group, -1 everyone the caller may signal but init and
 * itself, < -1 the group -pid. sig 0
 * only checks that the target exists and may be signalled.
 */
long sys_kill(int pid, int sig)
{
	struct task_struct *p;

	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (pid > 0) {
		p = find_task_by_pid(pid);
		return p ? send_group_sig(sig, p->group_leader, 0) : -ESRCH;
	}
	if (pid == -1)
		return kill_all(sig);
	return kill_pg(pid ? -pid : current->pgrp, sig, 0);
}

/*
 * current's new action for sig becomes its whole thread group's (the
 * group shares its handlers, as CLONE_SIGHAND asks: Lintel keeps a copy
 * in each task_struct and writes them all); a task that now ignores sig
 * loses it if pending (POSIX).
 */
static void share_handler(int sig)
{
	struct task_struct *p;

	for_each_task(p) {
		if (p->tgid != current->tgid)
			continue;
		p->sigaction[sig - 1] = current->sigaction[sig - 1];
		if (ignored(p, sig))
			p->signal &= ~sigmask(sig);
	}
	if (ignored(current, sig))
		current->group_leader->shared_signal &= ~sigmask(sig);
}

/*
 * The thread of leader's group that is to take sig (Linux's
 * complete_signal): prefer, alive and not blocking sig, else any live
 * thread that does not block it; NULL when all block it (it waits,
 * pending for the group, until one unblocks it).
 */
static struct task_struct *signal_taker(int sig, struct task_struct *prefer)
{
	struct task_struct *leader = prefer->group_leader, *t;

	if (prefer->state != TASK_ZOMBIE && !(prefer->blocked & sigmask(sig)))
		return prefer;
	for_each_task(t)
		if (live_in_group(t, leader) && !(t->blocked & sigmask(sig)))
			return t;
	return NULL;
}

/*
 * send_group_sig - a signal for p's whole thread group (kill, a job
 * control key, SIGCHLD, an interval timer): pending in the group's
 * shared set (the leader's shared_signal, which any thread may dequeue),
 * and one thread that does not block it is woken to take it, p if it
 * can (signal_taker). priv as for send_sig. A group whose threads are
 * all gone takes nothing. 0, -EINVAL or -EPERM.
 */
int send_group_sig(int sig, struct task_struct *p, int priv)
{
	struct sig_info si = kill_info(priv);

	return send_group_sig_info(sig, &si, p, priv);
}

/*
 * send_group_sig_info - send_group_sig with si for the handler
 * (rt_sigqueueinfo, SIGCHLD's CLD_* notices).
 */
int send_group_sig_info(int sig, const struct sig_info *si,
			struct task_struct *p, int priv)
{
	struct task_struct *leader = p->group_leader, *t;

	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (!priv && !may_signal(p))
		return -EPERM;
	if (!sig || (leader->state == TASK_ZOMBIE && thread_group_empty(leader)))
		return 0;
	prepare_signal(sig, p);
	if (ignored(p, sig) && !(p->blocked & sigmask(sig)))
		return 0;
	queue_signal(sig, &leader->shared_signal, leader->sig_info, si);
	t = signal_taker(sig, p);
	if (t && t->state == TASK_INTERRUPTIBLE)
		wake_up_process(t);
	return 0;
}

/*
 * retarget_shared_pending - p is exiting: if its group has signals
 * pending that p might have been woken to take, wake another live
 * thread that does not block one of them (Linux's
 * retarget_shared_pending), so that none is left waiting for p.
 */
void retarget_shared_pending(struct task_struct *p)
{
	sigset_t shared = p->group_leader->shared_signal;
	struct task_struct *t;

	if (!shared)
		return;
	for_each_task(t)
		if (t != p && live_in_group(t, p->group_leader) &&
		    (shared & ~t->blocked)) {
			if (t->state == TASK_INTERRUPTIBLE)
				wake_up_process(t);
			return;
		}
}

/*
 * rt_sigaction (174): the old action to *oact, then *act as the new one
 * (either pointer may be NULL). SIGKILL and SIGSTOP cannot be caught or
 * blocked from a handler's mask. A new action that ignores sig discards
 * it if pending (POSIX). The new action is read whole before oact is
 * written, so act == oact works.
 */
long sys_rt_sigaction(int sig, const struct sigaction *act,
		      struct sigaction *oact, unsigned long sigsetsize)
{
	struct sigaction new, *k;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (sig < 1 || sig > NSIG || (act && (sigmask(sig) & SIG_KERNEL_ONLY)))
		return -EINVAL;
	k = &current->sigaction[sig - 1];
	if (act && memcpy_fromfs(&new, act, sizeof(new)))
		return -EFAULT;
	if (oact && memcpy_tofs(oact, k, sizeof(*k)))
		return -EFAULT;
	if (act) {
		new.sa_mask &= ~SIG_KERNEL_ONLY;
		*k = new;
		share_handler(sig);
	}
	return 0;
}

/* The pre-rt struct, with a 32-bit mask: sigaction(67). */
struct old_sigaction {
	void (*sa_handler)(int);
	unsigned long sa_mask;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
};

/*
 * sigaction (67): as rt_sigaction, in the old layout whose mask holds
 * only signals 1-32.
 */
long sys_sigaction(int sig, const struct old_sigaction *act,
		   struct old_sigaction *oact)
{
	struct old_sigaction o;
	struct sigaction *k;

	if (sig < 1 || sig > NSIG || (act && (sigmask(sig) & SIG_KERNEL_ONLY)))
		return -EINVAL;
	k = &current->sigaction[sig - 1];
	if (oact) {
		o.sa_handler = k->sa_handler;
		o.sa_mask = (unsigned long)k->sa_mask;
		o.sa_flags = k->sa_flags;
		o.sa_restorer = k->sa_restorer;
		if (memcpy_tofs(oact, &o, sizeof(o)))
			return -EFAULT;
	}
	if (act) {
		if (memcpy_fromfs(&o, act, sizeof(o)))
			return -EFAULT;
		k->sa_handler = o.sa_handler;
		k->sa_mask = o.sa_mask & ~SIG_KERNEL_ONLY;
		k->sa_flags = o.sa_flags;
		k->sa_restorer = o.sa_restorer;
		share_handler(sig);
	}
	return 0;
}

/* signal(48): one-shot, System V semantics, as Linux's sys_signal. */
long sys_signal(int sig, void (*handler)(int))
{
	struct sigaction *k;
	void (*old)(int);

	if (sig < 1 || sig > NSIG || (sigmask(sig) & SIG_KERNEL_ONLY))
		return -EINVAL;
	k = &current->sigaction[sig - 1];
	old = k->sa_handler;
	k->sa_handler = handler;
	k->sa_flags = SA_RESETHAND | SA_NODEFER;
	k->sa_mask = 0;
	k->sa_restorer = NULL;
	share_handler(sig);
	return (long)old;
}

/*
 * Apply sigprocmask's how (SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK) with set
 * to current's blocked mask; SIGKILL and SIGSTOP stay unblocked. Returns
 * 0, or -EINVAL for an unknown how (nothing changed).
 */
static int change_blocked(int how, sigset_t set)
{
	set &= ~SIG_KERNEL_ONLY;
	switch (how) {
	case SIG_BLOCK:
		current->blocked |= set;
		return 0;
	case SIG_UNBLOCK:
		current->blocked &= ~set;
		return 0;
	case SIG_SETMASK:
		current->blocked = set;
		return 0;
	}
	return -EINVAL;
}

/*
 * rt_sigprocmask (175): change the blocked mask (when set is given) and
 * return the old one in *oset. Newly unblocked pending signals are
 * delivered on the way back to user mode.
 */
long sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *oset,
			unsigned long sigsetsize)
{
	sigset_t new, old = current->blocked;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (set) {
		if (memcpy_fromfs(&new, set, sizeof(new)))
			return -EFAULT;
		if (change_blocked(how, new))
			return -EINVAL;
	}
	if (oset && memcpy_tofs(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/*
 * sigprocmask (126): the same with a 32-bit mask; SIG_SETMASK keeps the
 * blocked signals above 32, which the old mask cannot name.
 */
long sys_sigprocmask(int how, const unsigned long *set, unsigned long *oset)
{
	unsigned long new, old = (unsigned long)current->blocked;

	if (set) {
		if (memcpy_fromfs(&new, set, sizeof(new)))
			return -EFAULT;
		if (how == SIG_SETMASK)
			new |= current->blocked & ~0xFFFFFFFFULL;
		if (change_blocked(how, new))
			return -EINVAL;
	}
	if (oset && memcpy_tofs(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/*
 * rt_sigpending (176): the signals pending and blocked, to *set: the
 * thread's own and its group's.
 */
long sys_rt_sigpending(sigset_t *set, unsigned long sigsetsize)
{
	sigset_t pending = (current->signal |
			    current->group_leader->shared_signal) &
			   current->blocked;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	return memcpy_tofs(set, &pending, sizeof(pending)) ? -EFAULT : 0;
}

/*
 * pause (29): sleep until a signal is pending; always -EINTR, never
 * restarted (as Linux, whatever SA_RESTART says).
 */
long sys_pause(void)
{
	while (!signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	return -EINTR;
}

/* Sleep with a temporary mask until a signal is delivered. */
long sys_rt_sigsuspend(const sigset_t *mask, unsigned long sigsetsize)
{
	sigset_t new;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (memcpy_fromfs(&new, mask, sizeof(new)))
		return -EFAULT;
	current->saved_blocked = current->blocked;
	current->restore_blocked = 1;
	current->blocked = new & ~SIG_KERNEL_ONLY;
	return sys_pause();
}

/*
 * Is sp on current's alternate signal stack, [sas_ss_sp, + sas_ss_size)?
 * A frame is pushed below the top, so the top counts as on it, as in
 * Linux; with no stack (size 0) nothing is.
 */
static int on_sig_stack(unsigned long sp)
{
	return sp > current->sas_ss_sp &&
	       sp - current->sas_ss_sp <= current->sas_ss_size;
}

/*
 * sas_ss_flags - the ss_flags sigaltstack reports for a task at user
 * stack pointer sp: SS_DISABLE (none), SS_ONSTACK (running on it: it
 * cannot be changed, and a handler is not moved to it again) or 0.
 */
int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/*
 * Install ss as current's alternate stack, sp being the user stack
 * pointer. As Linux: -EPERM while running on the old one, -EINVAL for
 * other flags than 0, SS_ONSTACK (taken as 0) and SS_DISABLE, -ENOMEM
 * below MINSIGSTKSZ. Linux's SS_AUTODISARM is -EINVAL here: Lintel does
 * not disarm the stack while a handler runs on it.
 */
static int set_sigaltstack(const struct sigaltstack *ss, unsigned long sp)
{
	if (on_sig_stack(sp))
		return -EPERM;
	if (ss->ss_flags == SS_DISABLE) {
		current->sas_ss_sp = current->sas_ss_size = 0;
		return 0;
	}
	if (ss->ss_flags != 0 && ss->ss_flags != SS_ONSTACK)
		return -EINVAL;
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	current->sas_ss_sp = ss->ss_sp;
	current->sas_ss_size = ss->ss_size;
	return 0;
}

/*
 * sigaltstack (186): set the alternate signal stack a handler installed
 * with SA_ONSTACK runs on (from ebx, if not NULL) and report the old one
 * (to ecx, if not NULL). It takes the frame because the answer depends
 * on the user stack pointer. Not in 1.2.13 (2.2 added it). -EFAULT for
 * a bad pointer; for *ecx, after the change was made, as Linux.
 */
long sys_sigaltstack(struct pt_regs *regs)
{
	const struct sigaltstack *uss = (const void *)regs->ebx;
	struct sigaltstack *uoss = (void *)regs->ecx;
	struct sigaltstack new, old;
	int error;

	old.ss_sp = current->sas_ss_sp;
	old.ss_size = current->sas_ss_size;
	old.ss_flags = sas_ss_flags(regs->esp);
	if (uss) {
		if (memcpy_fromfs(&new, uss, sizeof(new)))
			return -EFAULT;
		error = set_sigaltstack(&new, regs->esp);
		if (error)
			return error;
	}
	if (uoss && memcpy_tofs(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
