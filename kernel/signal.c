/*
 * signal.c - sending signals, and delivering them on the way to user mode.
 *
 * A signal is a bit in the target's pending set (task->signal). It is
 * acted on only when that task returns to user mode: do_signal() runs the
 * default action, or builds a frame on the user stack (Linux i386's
 * sigframe or rt_sigframe) so that the handler runs and then returns
 * through sigreturn to where the task was.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <asm/sigcontext.h>
#include <asm/segment.h>
#include <asm/system.h>
#include <asm/i387.h>

#define SIG_KERNEL_ONLY	(sigmask(SIGKILL) | sigmask(SIGSTOP))
/* Signals whose default action is to do nothing. */
#define SIG_DFL_IGNORED	(sigmask(SIGCHLD) | sigmask(SIGCONT) | \
			 sigmask(SIGURG) | sigmask(SIGWINCH))
#define SIG_DFL_STOP	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
			 sigmask(SIGTTIN) | sigmask(SIGTTOU))
/*
 * eflags bits a handler's sigreturn may change: AC RF OF DF TF SF ZF AF PF
 * CF, Linux's FIX_EFLAGS (never IOPL, IF, NT or VM).
 */
#define USER_EFLAGS	0x00050DD5
#define SEG_RPL_USER	3	/* requested privilege level of a user selector */
#define NR_sigreturn	119
#define NR_rt_sigreturn	173

/*
 * Would p throw sig away on delivery? Set to SIG_IGN (SIGKILL and
 * SIGSTOP never are), or SIG_DFL with "ignore" as the default action.
 * send_sig then need not even mark it pending.
 */
static int ignored(struct task_struct *p, int sig)
{
	void (*h)(int) = p->sigaction[sig - 1].sa_handler;

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

/*
 * Mark sig pending for p and wake p if it sleeps interruptibly.
 * priv: the kernel itself sends it, no permission check.
 */
int send_sig(int sig, struct task_struct *p, int priv)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (!priv && !may_signal(p))
		return -EPERM;
	if (!sig || p->state == TASK_ZOMBIE)
		return 0;
	if (sig == SIGKILL || sig == SIGCONT) {
		if (p->state == TASK_STOPPED)
			wake_up_process(p);
		p->signal &= ~SIG_DFL_STOP;
	}
	if (sigmask(sig) & SIG_DFL_STOP)
		p->signal &= ~sigmask(SIGCONT);
	if (ignored(p, sig) && !(p->blocked & sigmask(sig)))
		return 0;
	if (!(p->signal & sigmask(sig))) {	/* classic signals don't queue */
		p->sig_info[sig - 1].code = priv ? SI_KERNEL : SI_USER;
		p->sig_info[sig - 1].pid = priv ? 0 : current->pid;
		p->sig_info[sig - 1].uid = priv ? 0 : current->uid;
	}
	p->signal |= sigmask(sig);
	if (p->state == TASK_INTERRUPTIBLE && (p->signal & ~p->blocked))
		wake_up_process(p);
	return 0;
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
 * Send sig to every process in group pgrp but init (and the idle task).
 * Returns 0 if at least one got it, else -ESRCH (Linux says -EPERM when
 * the group exists but none may be signalled).
 */
int kill_pg(int pgrp, int sig, int priv)
{
	struct task_struct *p;
	int err = -ESRCH, found = 0;

	for_each_task(p) {
		if (p->pgrp != pgrp || p->pid <= 1)
			continue;
		found = 1;
		if (!send_sig(sig, p, priv))
			err = 0;
	}
	return found ? err : -ESRCH;
}

/* kill(-1, sig): everyone we may signal except init and ourselves */
static int kill_all(int sig)
{
	struct task_struct *p;
	int found = 0;

	for_each_task(p)
		if (p->pid > 1 && p != current && may_signal(p)) {
			found = 1;
			send_sig(sig, p, 0);
		}
	return found ? 0 : -ESRCH;
}

/*
 * kill (37): pid > 0 one process, 0 the caller's group, -1 everyone the
 * caller may signal but init and itself, < -1 the group -pid. sig 0
 * only checks that the target exists and may be signalled.
 */
long sys_kill(int pid, int sig)
{
	struct task_struct *p;

	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (pid > 0) {
		p = find_task_by_pid(pid);
		return p ? send_sig(sig, p, 0) : -ESRCH;
	}
	if (pid == -1)
		return kill_all(sig);
	return kill_pg(pid ? -pid : current->pgrp, sig, 0);
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
		if (ignored(current, sig))
			current->signal &= ~sigmask(sig);
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
		if (ignored(current, sig))
			current->signal &= ~sigmask(sig);
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
	if (ignored(current, sig))
		current->signal &= ~sigmask(sig);
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

/* rt_sigpending (176): the signals pending and blocked, to *set. */
long sys_rt_sigpending(sigset_t *set, unsigned long sigsetsize)
{
	sigset_t pending = current->signal & current->blocked;

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
 * alarm (27): SIGALRM in seconds (0 cancels); returns the seconds that
 * were left of the previous alarm, rounded up. do_timer sends it.
 */
long sys_alarm(unsigned int seconds)
{
	unsigned long old = 0;

	if (current->alarm > jiffies)
		old = (current->alarm - jiffies + HZ - 1) / HZ;
	current->alarm = seconds ? jiffies + seconds * HZ : 0;
	return old;
}

/* ---- delivery ---------------------------------------------------------- */

static void save_sigcontext(struct sigcontext *sc, struct pt_regs *regs,
			    unsigned long oldmask)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = regs->gs;
	sc->fs = regs->fs;
	sc->es = regs->es;
	sc->ds = regs->ds;
	sc->edi = regs->edi;
	sc->esi = regs->esi;
	sc->ebp = regs->ebp;
	sc->esp = regs->esp;
	sc->ebx = regs->ebx;
	sc->edx = regs->edx;
	sc->ecx = regs->ecx;
	sc->eax = regs->eax;
	sc->trapno = current->tss.trap_no;
	sc->err = current->tss.error_code;
	sc->eip = regs->eip;
	sc->cs = regs->cs;
	sc->eflags = regs->eflags;
	sc->esp_at_signal = regs->esp;
	sc->ss = regs->ss;
	sc->oldmask = oldmask;
	sc->cr2 = current->tss.cr2;
}

/*
 * restore_sigcontext - take back the registers a handler's frame saved.
 *
 * The frame is the user's to forge. Every selector gets RPL 3, as x86-64
 * Linux does for a 32-bit program, so none can name a kernel segment;
 * one that names nothing makes the exit path's pop or iret fault, and its
 * fixup (entry.asm) nulls the data segment or sends SIGSEGV. eflags keeps
 * only USER_EFLAGS. The FPU state comes back from sc->fpstate
 * (restore_fpstate); one it refuses is SIGSEGV. Returns the eax
 * to resume with.
 */
static long restore_sigcontext(struct pt_regs *regs,
			       const struct sigcontext *sc)
{
	regs->gs = sc->gs | SEG_RPL_USER;
	regs->fs = sc->fs | SEG_RPL_USER;
	regs->es = sc->es | SEG_RPL_USER;
	regs->ds = sc->ds | SEG_RPL_USER;
	regs->edi = sc->edi;
	regs->esi = sc->esi;
	regs->ebp = sc->ebp;
	regs->esp = sc->esp;
	regs->ebx = sc->ebx;
	regs->edx = sc->edx;
	regs->ecx = sc->ecx;
	regs->eip = sc->eip;
	regs->cs = sc->cs | SEG_RPL_USER;
	regs->ss = sc->ss | SEG_RPL_USER;
	regs->eflags = (regs->eflags & ~USER_EFLAGS) |
		       (sc->eflags & USER_EFLAGS);
	regs->orig_eax = -1;		/* not a syscall: no restart */
	if (restore_fpstate(sc->fpstate))
		force_sig(SIGSEGV, current);	/* as for a frame not there */
	return sc->eax;
}

static void fill_siginfo(struct siginfo *info, int sig)
{
	struct sig_info *si = &current->sig_info[sig - 1];

	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = si->code;
	if ((sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE) &&
	    si->code != SI_KERNEL) {
		info->fields.fault.addr = si->addr;
	} else {
		info->fields.kill.pid = si->pid;
		info->fields.kill.uid = si->uid;
	}
}

/*
 * get_sigframe - where a frame of size bytes goes for a signal taken at
 * regs->esp: below the FPU state, whose address (alloc_mathframe) is
 * left in *fpstate, and aligned so that esp + 4 is 16-byte aligned at
 * the handler's entry, as the i386 ABI wants.
 */
static unsigned long get_sigframe(struct pt_regs *regs, unsigned long size,
				  unsigned long *fpstate)
{
	*fpstate = alloc_mathframe(regs->esp);
	return ((*fpstate - size) & ~15UL) - 4;
}

/*
 * setup_frame - write Linux i386's sigframe (a handler without
 * SA_SIGINFO) and the FPU state above it on the user stack, and point
 * regs at it. Returns 0 or -EFAULT; regs change only on success.
 */
static int setup_frame(int sig, struct sigaction *sa, sigset_t oldset,
		       struct pt_regs *regs)
{
	struct sigframe f, *uf;
	unsigned long fpstate;

	uf = (struct sigframe *)get_sigframe(regs, sizeof(f), &fpstate);
	if (save_fpstate(fpstate))
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.sig = sig;
	save_sigcontext(&f.sc, regs, (unsigned long)oldset);
	f.sc.fpstate = fpstate;
	f.extramask = (unsigned long)(oldset >> 32);
	/* popl %eax; movl $__NR_sigreturn, %eax; int $0x80 */
	memcpy(f.retcode, "\x58\xb8\x77\x00\x00\x00\xcd\x80", 8);
	f.pretcode = sa->sa_flags & SA_RESTORER ?
		     (unsigned long)sa->sa_restorer :
		     (unsigned long)uf->retcode;
	if (memcpy_tofs(uf, &f, sizeof(f)))
		return -EFAULT;
	regs->esp = (unsigned long)uf;
	regs->eax = sig;
	regs->edx = regs->ecx = 0;
	return 0;
}

/* setup_frame for SA_SIGINFO handlers: rt_sigframe, siginfo, ucontext. */
static int setup_rt_frame(int sig, struct sigaction *sa, sigset_t oldset,
			  struct pt_regs *regs)
{
	struct rt_sigframe f, *uf;
	unsigned long fpstate;

	uf = (struct rt_sigframe *)get_sigframe(regs, sizeof(f), &fpstate);
	if (save_fpstate(fpstate))
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.sig = sig;
	f.pinfo = (unsigned long)&uf->info;
	f.puc = (unsigned long)&uf->uc;
	fill_siginfo(&f.info, sig);
	save_sigcontext(&f.uc.uc_mcontext, regs, (unsigned long)oldset);
	f.uc.uc_mcontext.fpstate = fpstate;
	f.uc.uc_sigmask = oldset;
	/* movl $__NR_rt_sigreturn, %eax; int $0x80 */
	memcpy(f.retcode, "\xb8\xad\x00\x00\x00\xcd\x80\x90", 8);
	f.pretcode = sa->sa_flags & SA_RESTORER ?
		     (unsigned long)sa->sa_restorer :
		     (unsigned long)uf->retcode;
	if (memcpy_tofs(uf, &f, sizeof(f)))
		return -EFAULT;
	regs->esp = (unsigned long)uf;
	regs->eax = sig;
	regs->edx = f.pinfo;
	regs->ecx = f.puc;
	return 0;
}

/* An interrupted syscall either fails with EINTR or is restarted. */
static void syscall_restart(struct pt_regs *regs, struct sigaction *sa)
{
	if (regs->orig_eax < 0 || regs->eax != -ERESTARTSYS)
		return;
	if (sa && (sa->sa_flags & SA_RESTART)) {
		regs->eax = regs->orig_eax;
		regs->eip -= 2;		/* back over "int $0x80" */
	} else {
		regs->eax = -EINTR;
	}
}

/*
 * A frame for sig could not be written (the user stack is bad): as Linux's
 * force_sigsegv, SIGSEGV follows, and if sig was SIGSEGV itself its
 * handler is dropped so that the next attempt kills the task rather than
 * loop.
 */
static void force_sigsegv(int sig)
{
	if (sig == SIGSEGV)
		current->sigaction[SIGSEGV - 1].sa_handler = SIG_DFL;
	force_sig(SIGSEGV, current);
}

/*
 * handle_signal - make the task run sig's handler when it returns to user
 * mode: a frame on the user stack (setup_frame or setup_rt_frame), regs
 * pointed at the handler with the user segments Linux gives it, and the
 * blocked mask widened for the handler's time. Returns 0, or -EFAULT when
 * no frame could be written; then SIGSEGV is pending (force_sigsegv) and
 * regs are as they were, for do_signal to go on with.
 */
static int handle_signal(int sig, struct pt_regs *regs)
{
	struct sigaction *sa = &current->sigaction[sig - 1];
	sigset_t oldset = current->blocked;
	int err;

	if (current->restore_blocked) {
		oldset = current->saved_blocked;
		current->restore_blocked = 0;
	}
	syscall_restart(regs, sa);
	if (sa->sa_flags & SA_SIGINFO)
		err = setup_rt_frame(sig, sa, oldset, regs);
	else
		err = setup_frame(sig, sa, oldset, regs);
	if (err) {
		force_sigsegv(sig);
		return err;
	}
	regs->eip = (unsigned long)sa->sa_handler;
	regs->cs = USER_CS;
	regs->ss = regs->ds = regs->es = USER_DS;
	regs->eflags &= ~(EFLAGS_TF | EFLAGS_DF | EFLAGS_RF);
	clear_fpu();			/* the handler starts with a clean FPU */
	current->blocked = oldset | sa->sa_mask;
	if (!(sa->sa_flags & SA_NODEFER))
		current->blocked |= sigmask(sig);
	current->blocked &= ~SIG_KERNEL_ONLY;
	if (sa->sa_flags & SA_RESETHAND)
		sa->sa_handler = SIG_DFL;
	return 0;
}

static void stop_task(int sig)
{
	current->state = TASK_STOPPED;
	current->exit_code = sig;
	if (current->p_pptr) {
		wake_up_interruptible(&current->p_pptr->wait_chldexit);
		if (!(current->p_pptr->sigaction[SIGCHLD - 1].sa_flags &
		      SA_NOCLDSTOP))
			send_sig(SIGCHLD, current->p_pptr, 1);
	}
	schedule();
}

/* Take the lowest pending, unblocked signal, or 0. */
static int dequeue_signal(void)
{
	sigset_t ready = current->signal & ~current->blocked;
	int sig;

	if (!ready)
		return 0;
	for (sig = 1; !(ready & sigmask(sig)); sig++)
		;
	current->signal &= ~sigmask(sig);
	return sig;
}

/* Called on every return to user mode (return_to_user). */
void do_signal(struct pt_regs *regs)
{
	int sig;

	while ((sig = dequeue_signal())) {
		struct sigaction *sa = &current->sigaction[sig - 1];

		if (sa->sa_handler == SIG_IGN)
			continue;
		if (sa->sa_handler != SIG_DFL) {
			if (handle_signal(sig, regs))
				continue;	/* SIGSEGV is pending now */
			return;
		}
		if (sigmask(sig) & SIG_DFL_IGNORED)
			continue;
		if (sigmask(sig) & SIG_DFL_STOP) {
			stop_task(sig);
			continue;
		}
		do_exit(sig);		/* terminate: wait sees WTERMSIG */
	}
	syscall_restart(regs, NULL);
	if (current->restore_blocked) {
		current->blocked = current->saved_blocked;
		current->restore_blocked = 0;
	}
}

long sys_sigreturn(struct pt_regs *regs)
{
	struct sigframe f;
	/* the handler's "ret" popped pretcode; the restorer popped sig */
	struct sigframe *uf = (struct sigframe *)(regs->esp - 8);

	if (memcpy_fromfs(&f, uf, sizeof(f))) {
		force_sig(SIGSEGV, current);
		return 0;
	}
	current->blocked = (((sigset_t)f.extramask << 32) | f.sc.oldmask) &
			   ~SIG_KERNEL_ONLY;
	return restore_sigcontext(regs, &f.sc);
}

long sys_rt_sigreturn(struct pt_regs *regs)
{
	struct rt_sigframe f;
	struct rt_sigframe *uf = (struct rt_sigframe *)(regs->esp - 4);

	if (memcpy_fromfs(&f, uf, sizeof(f))) {
		force_sig(SIGSEGV, current);
		return 0;
	}
	current->blocked = f.uc.uc_sigmask & ~SIG_KERNEL_ONLY;
	return restore_sigcontext(regs, &f.uc.uc_mcontext);
}

/* Back to user mode: first any pending switch, then pending signals. */
void return_to_user(struct pt_regs *regs)
{
	__asm__ volatile("sti");
	while (need_resched)
		schedule();
	if (signal_pending(current) || current->restore_blocked)
		do_signal(regs);
	__asm__ volatile("cli");
}
