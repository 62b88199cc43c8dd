/*
 * sigframe.c - delivering signals, on the way back to user mode
 * (return_to_user): the default actions, and for a handler the frame on
 * the user stack that runs it and brings the task back through sigreturn
 * to where it was. 1.2.13 kept this half in arch/i386/kernel/signal.c,
 * the sending half (kernel/signal.c here) in kernel/signal.c.
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
#include <asm/unistd.h>

/*
 * eflags bits a handler's sigreturn may change: AC RF OF DF TF SF ZF AF PF
 * CF, Linux's FIX_EFLAGS (never IOPL, IF, NT or VM).
 */
#define USER_EFLAGS	0x00050DD5
#define SEG_RPL_USER	3	/* requested privilege level of a user selector */
#define NR_sigreturn	119
#define NR_rt_sigreturn	173

/*
 * Fill sc with the user registers in regs, the last fault's trap number,
 * error code and cr2 (for a SIGSEGV handler), and oldmask, the low 32
 * bits of the mask to restore. fpstate is the caller's to set.
 */
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

/*
 * fill_siginfo - the siginfo an SA_SIGINFO handler (or rt_sigtimedwait)
 * gets for sig, once dequeue_signal has taken it: the code
 * send_sig_info or the fault recorded, and for a fault the address,
 * else the sender's pid and uid and the value rt_sigqueueinfo gave (the
 * status, for SIGCHLD; 0 from kill).
 */
void fill_siginfo(struct siginfo *info, int sig)
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
		info->fields.kill.value = si->value;
	}
}

/*
 * The frames on the user stack, as Linux i386 builds them (offsets in
 * bytes from the new esp; the structs are in asm/sigcontext.h):
 *
 *   higher addresses
 *   +-----------------------------+ <- regs->esp when the signal came
 *   | up to 63 bytes unused       |
 *   +-----------------------------+ <- 64-byte aligned
 *   | fxsave image (512)          |   the FPU and SSE registers, the
 *   | fnsave part (112)           |   struct _fpstate (alloc_mathframe)
 *   +-----------------------------+ <- fpstate, saved in sc.fpstate
 *   | 4 to 19 bytes unused        |
 *   +-----------------------------+
 *
 *   sigframe (732):                  rt_sigframe (268), SA_SIGINFO:
 *   +724 retcode[8]: popl %eax;      +260 retcode[8]: movl $173, %eax;
 *        movl $119, %eax; int $0x80       int $0x80
 *   +720 extramask: signals 33-64    +144 uc: struct ucontext, whose
 *   +96  fpstate_unused (624), where      uc_mcontext is the sigcontext
 *        Linux once kept the FPU          and uc_sigmask the old mask
 *   +8   sc: struct sigcontext, the  +16  info: struct siginfo (128)
 *        registers at the signal,    +12  puc: &uc
 *        oldmask, fpstate            +8   pinfo: &info
 *   +4   sig                         +4   sig
 *   +0   pretcode                    +0   pretcode
 *   +-----------------------------+ <- the handler's esp: esp + 4 is
 *   lower addresses                    16-byte aligned, as at any call
 *
 * The handler is entered as if called: its "ret" pops pretcode, which is
 * sa_restorer (libc's, with SA_RESTORER) or else retcode, on the stack
 * itself. Either runs sigreturn (119) or rt_sigreturn (173), which read
 * the frame back at esp - 8 or esp - 4 (the ret popped pretcode, and
 * sigreturn's popl %eax popped sig too).
 */
/*
 * get_sigframe - where a frame of size bytes goes for a signal taken at
 * regs->esp: below the FPU state, whose address (alloc_mathframe) is
 * left in *fpstate, and aligned so that esp + 4 is 16-byte aligned at
 * the handler's entry, as the i386 ABI wants. A handler installed with
 * SA_ONSTACK starts at the top of the alternate stack (sigaltstack),
 * unless it is already running there.
 */
static unsigned long get_sigframe(struct pt_regs *regs, struct sigaction *sa,
				  unsigned long size, unsigned long *fpstate)
{
	unsigned long sp = regs->esp;

	if ((sa->sa_flags & SA_ONSTACK) && !sas_ss_flags(sp))
		sp = current->sas_ss_sp + current->sas_ss_size;
	*fpstate = alloc_mathframe(sp);
	return ((*fpstate - size) & ~15UL) - 4;
}

/*
 * setup_frame - write Linux i386's sigframe (a handler without
 * SA_SIGINFO) and the FPU state above it on the user stack (see the
 * diagram above), and point regs at it for handler(sig): sig on the
 * stack and in eax. Called by handle_signal on the way to user mode,
 * with current's registers in regs. Returns 0 or -EFAULT (the stack is
 * not writable there); regs change only on success.
 */
static int setup_frame(int sig, struct sigaction *sa, sigset_t oldset,
		       struct pt_regs *regs)
{
	struct sigframe f, *uf;
	unsigned long fpstate;

	uf = (struct sigframe *)get_sigframe(regs, sa, sizeof(f), &fpstate);
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

/*
 * setup_rt_frame - setup_frame for a handler installed with SA_SIGINFO:
 * an rt_sigframe (see the diagram above) with the siginfo and ucontext
 * it points at, and regs set for handler(sig, &info, &uc): sig in eax,
 * pinfo in edx and puc in ecx as well as on the stack. Returns 0 or
 * -EFAULT; regs change only on success.
 */
static int setup_rt_frame(int sig, struct sigaction *sa, sigset_t oldset,
			  struct pt_regs *regs)
{
	struct rt_sigframe f, *uf;
	unsigned long fpstate;

	uf = (struct rt_sigframe *)get_sigframe(regs, sa, sizeof(f), &fpstate);
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
	f.uc.uc_stack.ss_sp = current->sas_ss_sp;
	f.uc.uc_stack.ss_size = current->sas_ss_size;
	f.uc.uc_stack.ss_flags = sas_ss_flags(regs->esp);
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

/*
 * An interrupted system call (regs->eax a restart code) either fails
 * with EINTR or is made again, as Linux decides: -ERESTARTNOINTR is
 * always made again; -ERESTARTSYS is made again unless a handler without
 * SA_RESTART runs; -ERESTART_RESTARTBLOCK
 * fails when any handler runs, and otherwise goes on through
 * restart_syscall (current->restart_block). sa is the handler about to
 * run, NULL for none.
 */
static void syscall_restart(struct pt_regs *regs, struct sigaction *sa)
{
	long ret = regs->eax;

	if (regs->orig_eax < 0)
		return;
	if (ret == -ERESTARTNOINTR) {
		regs->eax = regs->orig_eax;
		regs->eip -= 2;
	} else if (ret == -ERESTART_RESTARTBLOCK && !sa) {
		regs->eax = __NR_restart_syscall;
		regs->eip -= 2;		/* back over "int $0x80" */
	} else if (ret == -ERESTARTSYS &&
		   (!sa || (sa->sa_flags & SA_RESTART))) {
		regs->eax = regs->orig_eax;
		regs->eip -= 2;
	} else if (ret == -ERESTARTSYS || ret == -ERESTART_RESTARTBLOCK) {
		regs->eax = -EINTR;
	}
}

/*
 * Did a system call end with a restart code? do_signal must then run
 * even when no signal is left for current (another thread took it), so
 * that the code never reaches user mode.
 */
static int restart_pending(struct pt_regs *regs)
{
	long ret = regs->eax;

	return regs->orig_eax >= 0 &&
	       (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
		ret == -ERESTART_RESTARTBLOCK);
}

/*
 * restart_syscall (0): go on with the call a signal without a handler
 * interrupted, as current->restart_block says (syscall_restart sent the
 * task here); -EINTR when there is nothing to go on with, as Linux.
 */
long sys_restart_syscall(void)
{
	struct restart_block *rb = &current->restart_block;
	long (*fn)(struct restart_block *) = rb->fn;

	rb->fn = NULL;
	return fn ? fn(rb) : -EINTR;
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

/* Has every live thread of current's group stopped? */
static int group_all_stopped(void)
{
	struct task_struct *t;

	for_each_task(t)
		if (t->tgid == current->tgid && t->state != TASK_ZOMBIE &&
		    t->state != TASK_STOPPED)
			return 0;
	return 1;
}

/*
 * The whole group has stopped with sig: its parent's wait4(WUNTRACED)
 * may report it once, and the parent gets SIGCHLD unless it asked for
 * none (SA_NOCLDSTOP).
 */
static void notify_parent_stopped(int sig)
{
	struct task_struct *leader = current->group_leader;

	leader->stop_report = sig;
	notify_parent_cldstop(leader, CLD_STOPPED, sig);
}

/*
 * do_group_stop - the default action of SIGSTOP and friends, for the
 * whole group (Linux's do_signal_stop): the first thread to take one
 * starts the group stop, and every other live thread gets a SIGSTOP of
 * its own, which stops it on its way to user mode; the last to stop
 * tells the parent. Each sleeps in TASK_STOPPED until SIGCONT or SIGKILL
 * (prepare_signal wakes them all). 1.2.13 stopped the one process.
 */
static void do_group_stop(int sig)
{
	struct task_struct *leader = current->group_leader, *t;

	if (!leader->group_stop) {
		leader->group_stop = sig;
		leader->stop_continued = 0;
		for_each_task(t)
			if (t != current && t->tgid == current->tgid &&
			    t->state != TASK_ZOMBIE && t->state != TASK_STOPPED)
				send_sig(SIGSTOP, t, 1);
	}
	current->state = TASK_STOPPED;
	if (group_all_stopped())
		notify_parent_stopped(leader->group_stop);
	schedule();
}

/*
 * dequeue_signal - take the lowest pending signal of mask (do_signal:
 * those current does not block; rt_sigtimedwait: those it waits for):
 * its own first, then its group's (whose sender's details come along
 * from the leader's sig_info), as Linux's dequeue_signal; 0 if none.
 */
int dequeue_signal(sigset_t mask)
{
	struct task_struct *leader = current->group_leader;
	sigset_t *pending = &current->signal;
	sigset_t ready = *pending & mask;
	int sig;

	if (!ready) {
		pending = &leader->shared_signal;
		ready = *pending & mask;
	}
	if (!ready)
		return 0;
	for (sig = 1; !(ready & sigmask(sig)); sig++)
		;
	*pending &= ~sigmask(sig);
	if (pending == &leader->shared_signal && leader != current)
		current->sig_info[sig - 1] = leader->sig_info[sig - 1];
	return sig;
}

/* Called on every return to user mode (return_to_user). */
void do_signal(struct pt_regs *regs)
{
	int sig;

	while ((sig = dequeue_signal(~current->blocked))) {
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
			do_group_stop(sig);
			continue;
		}
		do_group_exit(sig);	/* all threads: wait sees WTERMSIG */
	}
	syscall_restart(regs, NULL);
	if (current->restore_blocked) {
		current->blocked = current->saved_blocked;
		current->restore_blocked = 0;
	}
}

/*
 * sigreturn (119), from a sigframe's retcode or restorer: the blocked
 * mask and every register from the frame the handler is returning
 * through (at esp - 8, see the diagram). A frame that cannot be read is
 * SIGSEGV. Returns the eax the interrupted code is to see.
 */
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

/* rt_sigreturn (173): the same for an rt_sigframe, at esp - 4. */
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

/*
 * Back to user mode: first any pending switch, then pending signals.
 * Called by entry.asm with interrupts off, only when its jump_if_work
 * sees something to do; returns with interrupts off. A new reason to
 * come here must be added to jump_if_work too, or it is never seen.
 */
void return_to_user(struct pt_regs *regs)
{
	__asm__ volatile("sti");
	while (need_resched)
		schedule();
	if (signal_pending(current) || current->restore_blocked ||
	    restart_pending(regs))
		do_signal(regs);
	__asm__ volatile("cli");
}
