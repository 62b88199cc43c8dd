/*
 * sigwait.c - signals as data: waiting for one without a handler
 * (rt_sigtimedwait) and sending one that carries a value
 * (rt_sigqueueinfo, rt_tgsigqueueinfo). POSIX.1b's real-time signal
 * calls, from Linux 2.2; 1.2.13 had neither.
 *
 * A waited-for signal is taken out of the pending set and its siginfo
 * (kernel/sigframe.c's fill_siginfo) is given back, so no handler runs
 * for it. A queued signal records the caller's si_code, pid, uid and
 * value; a caller may not pretend to be kill or the kernel (si_code
 * >= 0, or SI_TKILL) towards anyone but itself.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <asm/sigcontext.h>
#include <asm/segment.h>

/*
 * take_signal - the lowest signal of set pending for current or its
 * group, taken out of its pending set (dequeue_signal), its siginfo to
 * *info; 0 if none is pending. (Linux takes the synchronous faults
 * first; nothing Lintel sends is both pending and waited for that way.)
 */
static int take_signal(sigset_t set, struct siginfo *info)
{
	int sig = dequeue_signal(set);

	if (sig)
		fill_siginfo(info, sig);
	return sig;
}

/*
 * sigwait_sleep - sleep until a signal of set, or any signal not
 * blocked, is pending, or timeout ticks pass (NO timeout: ticks 0 and
 * forever set). The signals of set are unblocked for the wait so that
 * send_sig_info wakes the task, and real_blocked keeps the old mask
 * so that none of them is thrown away as ignored meanwhile; the old
 * mask is back on return, as in Linux's do_sigtimedwait.
 */
static void sigwait_sleep(sigset_t set, unsigned long timeout, int forever)
{
	current->real_blocked = current->blocked;
	current->blocked &= ~set;
	current->timeout = timeout;
	while ((forever || current->timeout) && !signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();
	}
	current->timeout = 0;
	current->blocked = current->real_blocked;
	current->real_blocked = 0;
}

/*
 * do_sigtimedwait - wait up to *timeout_ns (NULL: for ever) for a signal
 * of set. Returns its number, its siginfo to *info; -EAGAIN once the
 * time is over (at once for a zero timeout), -EINTR when a signal not
 * in set comes (its handler runs; Linux does not restart this call).
 * SIGKILL and SIGSTOP cannot be waited for: they act as ever.
 */
static long do_sigtimedwait(sigset_t set, struct siginfo *info,
			    const u64 *timeout_ns)
{
	int sig;

	set &= ~SIG_KERNEL_ONLY;
	sig = take_signal(set, info);
	if (sig)
		return sig;
	if (timeout_ns && !*timeout_ns)
		return -EAGAIN;
	sigwait_sleep(set, timeout_ns ? timeout_after_ns(*timeout_ns) : 0,
		      !timeout_ns);
	sig = take_signal(set, info);
	if (sig)
		return sig;
	return signal_pending(current) ? -EINTR : -EAGAIN;
}

/*
 * sigtimedwait_common - rt_sigtimedwait's checks in Linux's order (the
 * set's size, the set, the timeout's address, then its value), the
 * wait, and the siginfo written back if uinfo is given. uts is a
 * struct timespec of either width (time64), or NULL: no limit.
 */
static long sigtimedwait_common(const sigset_t *uthese, struct siginfo *uinfo,
				const void *uts, unsigned long sigsetsize,
				int time64)
{
	struct siginfo info;
	struct timespec ts;
	sigset_t set;
	u64 ns;
	long sig;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (memcpy_fromfs(&set, uthese, sizeof(set)))
		return -EFAULT;
	if (uts && get_timespec(&ts, uts, time64))
		return -EFAULT;
	if (uts && !timespec_valid(&ts))
		return -EINVAL;
	if (uts)
		ns = timespec_to_ns(&ts);
	sig = do_sigtimedwait(set, &info, uts ? &ns : NULL);
	if (sig > 0 && uinfo && memcpy_tofs(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return sig;
}

/* rt_sigtimedwait (177): the timeout in a 32-bit timespec. */
long sys_rt_sigtimedwait(const sigset_t *uthese, struct siginfo *uinfo,
			 const struct timespec *uts, unsigned long sigsetsize)
{
	return sigtimedwait_common(uthese, uinfo, uts, sigsetsize, 0);
}

/*
 * rt_sigtimedwait_time64 (421): the timeout in a time64 timespec,
 * seconds beyond Lintel's 32-bit clock cut to 2038 (get_timespec).
 */
long sys_rt_sigtimedwait_time64(const sigset_t *uthese,
				struct siginfo *uinfo,
				const struct __kernel_timespec *uts,
				unsigned long sigsetsize)
{
	return sigtimedwait_common(uthese, uinfo, uts, sigsetsize, 1);
}

/*
 * get_queue_info - read the siginfo a caller queues with sig into *k:
 * si_code, pid, uid and value, as given (Linux passes them through).
 * -EFAULT, or -EPERM when the code claims kill, tkill or the kernel
 * (si_code >= 0, SI_TKILL) and the target is not the caller itself:
 * not even root may forge those, as on Linux.
 */
static int get_queue_info(const struct siginfo *uinfo, pid_t target,
			  struct sig_info *k)
{
	struct siginfo info;

	if (memcpy_fromfs(&info, uinfo, sizeof(info)))
		return -EFAULT;
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) &&
	    target != current->pid)
		return -EPERM;
	k->code = info.si_code;
	k->pid = info.fields.kill.pid;	/* whatever the caller says */
	k->uid = info.fields.kill.uid;
	k->addr = 0;
	k->value = info.fields.kill.value;
	return 0;
}

/*
 * rt_sigqueueinfo (178): sig with the caller's siginfo to the process
 * tgid (a thread of it that does not block sig takes it). As Linux:
 * -EFAULT, -EPERM for a forged code, -ESRCH for no such process,
 * -EINVAL for a bad signal, -EPERM without the right to signal it; sig
 * 0 only checks.
 */
long sys_rt_sigqueueinfo(pid_t tgid, int sig, const struct siginfo *uinfo)
{
	struct task_struct *p;
	struct sig_info k;
	int err = get_queue_info(uinfo, tgid, &k);

	if (err)
		return err;
	p = tgid > 0 ? find_task_by_pid(tgid) : NULL;
	if (!p || p->state == TASK_ZOMBIE)
		return -ESRCH;
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	return send_group_sig_info(sig, &k, p->group_leader, 0);
}

/*
 * rt_tgsigqueueinfo (335): the same to the one thread tid of group tgid
 * (as tgkill is to kill): -EINVAL for ids <= 0 first, -ESRCH when tid
 * is not a live thread of tgid.
 */
long sys_rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig,
			   const struct siginfo *uinfo)
{
	struct task_struct *p;
	struct sig_info k;
	int err;

	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	err = get_queue_info(uinfo, tid, &k);
	if (err)
		return err;
	p = find_task_by_pid(tid);
	if (!p || p->state == TASK_ZOMBIE || p->tgid != tgid)
		return -ESRCH;
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	return send_sig_info(sig, &k, p, 0);
}
