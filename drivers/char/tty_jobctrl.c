/*
 * tty_jobctrl.c - the controlling terminal and job control.
 *
 * A session leader (setsid) that opens a terminal no session owns, or
 * asks for it with TIOCSCTTY, makes it the controlling terminal of its
 * session: tty->session is the session, tty->pgrp its foreground group,
 * which starts as the leader's group. Children inherit current->tty. A
 * process of another group (a background job) that reads the terminal
 * is sent SIGTTIN; one that writes with TOSTOP set, or moves the
 * foreground (TIOCSPGRP), SIGTTOU: its group stops until the shell
 * continues it in the foreground. This is what shells' job control
 * rests on: busybox ash reads TIOCGPGRP to decide whether it is in the
 * foreground at all.
 *
 * 1.2.13 had the same fields (tty->session, tty->pgrp, current->tty as
 * a number) and the same rules; the checks and errors here are today's
 * Linux's (drivers/tty/tty_jobctrl.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/tty.h>
#include <asm/segment.h>

static int is_session_leader(struct task_struct *p)
{
	return p->session == p->pid;
}

/* Blocked or ignored: a background access then does not stop. */
static int is_ignored(int sig)
{
	return (current->blocked & sigmask(sig)) ||
	       current->sigaction[sig - 1].sa_handler == SIG_IGN;
}

/*
 * is_orphaned_pgrp - no member has a parent in another group of the same
 * session, so no shell is left to continue it if it stops (1.2.13's).
 */
static int is_orphaned_pgrp(pid_t pgrp)
{
	struct task_struct *p;

	for_each_task(p) {
		if (p->pgrp != pgrp || p->state == TASK_ZOMBIE)
			continue;
		if (p->p_pptr && p->p_pptr->pgrp != pgrp &&
		    p->p_pptr->session == p->session)
			return 0;
	}
	return 1;
}

/*
 * tty_check_change - may the caller touch tty as its foreground would?
 * 0 if it is not the caller's terminal or the caller is in the
 * foreground; otherwise its group is sent sig (SIGTTIN for a read,
 * SIGTTOU for the rest) and -ERESTARTSYS comes back, so the call is
 * made again once the group is continued. A blocked or ignored sig
 * lets the call go on (-EIO for a read, as Linux), and so does nothing
 * for an orphaned group: -EIO.
 */
int tty_check_change(struct tty_struct *tty, int sig)
{
	if (current->tty != tty || !tty->pgrp || current->pgrp == tty->pgrp)
		return 0;
	if (is_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_orphaned_pgrp(current->pgrp))
		return -EIO;
	kill_pg(current->pgrp, sig, 1);
	return -ERESTARTSYS;
}

/* Make tty the controlling terminal of the caller's session. */
static void proc_set_tty(struct tty_struct *tty)
{
	tty->session = current->session;
	tty->pgrp = current->pgrp;
	current->tty = tty;
}

/* Every process of session forgets its controlling terminal. */
static void session_clear_tty(pid_t session)
{
	struct task_struct *p;

	for_each_task(p)
		if (p->session == session)
			p->tty = NULL;
}

/*
 * tty_open_set_ctty - an open of tty without O_NOCTTY by a session
 * leader that has no controlling terminal makes it one, if no other
 * session holds it (Linux's tty_open_proc_set_tty).
 */
void tty_open_set_ctty(struct tty_struct *tty, struct file *file)
{
	if (!(file->f_flags & O_NOCTTY) && is_session_leader(current) &&
	    !current->tty && !tty->session)
		proc_set_tty(tty);
}

/*
 * disassociate_ctty - the session leader leaves its terminal (exit, or
 * TIOCNOTTY): the foreground group gets SIGHUP (and SIGCONT, so that a
 * stopped one sees it), and the whole session loses the terminal.
 */
void disassociate_ctty(void)
{
	struct tty_struct *tty = current->tty;

	if (!tty || !is_session_leader(current))
		return;
	if (tty->pgrp > 0) {
		kill_pg(tty->pgrp, SIGHUP, 1);
		kill_pg(tty->pgrp, SIGCONT, 1);
	}
	tty->session = 0;
	tty->pgrp = 0;
	session_clear_tty(current->session);
}

/* TIOCSCTTY: arg 1 lets root take a terminal another session holds. */
static int tiocsctty(struct tty_struct *tty, unsigned long arg)
{
	if (is_session_leader(current) && tty->session == current->session)
		return 0;
	if (!is_session_leader(current) || current->tty)
		return -EPERM;
	if (tty->session) {
		if (arg != 1 || current->euid != 0)
			return -EPERM;
		session_clear_tty(tty->session);
	}
	proc_set_tty(tty);
	return 0;
}

/* TIOCNOTTY: give up the controlling terminal. */
static int tiocnotty(struct tty_struct *tty)
{
	if (current->tty != tty)
		return -ENOTTY;
	if (is_session_leader(current))
		disassociate_ctty();
	current->tty = NULL;
	return 0;
}

/* TIOCSPGRP: the group must exist and be in the caller's session. */
static int tiocspgrp(struct tty_struct *tty, const pid_t *arg)
{
	struct task_struct *p;
	int err = tty_check_change(tty, SIGTTOU);
	pid_t pgrp;

	if (err)
		return err == -EIO ? -ENOTTY : err;
	if (current->tty != tty || tty->session != current->session)
		return -ENOTTY;
	if (memcpy_fromfs(&pgrp, arg, sizeof(pgrp)))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	for_each_task(p)
		if (p->pgrp == pgrp) {
			if (p->session != current->session)
				return -EPERM;
			tty->pgrp = pgrp;
			return 0;
		}
	return -ESRCH;
}

static int put_pid(void *arg, pid_t value)
{
	return memcpy_tofs(arg, &value, sizeof(value)) ? -EFAULT : 0;
}

/*
 * tty_jobctrl_ioctl - the job-control requests; -ENOIOCTLCMD for any
 * other. TIOCGPGRP and TIOCGSID answer only on the caller's controlling
 * terminal (ENOTTY elsewhere), as Linux.
 */
int tty_jobctrl_ioctl(struct tty_struct *tty, unsigned int cmd,
		      unsigned long arg)
{
	switch (cmd) {
	case TIOCGPGRP:
		if (current->tty != tty)
			return -ENOTTY;
		return put_pid((void *)arg, tty->pgrp);
	case TIOCSPGRP:
		return tiocspgrp(tty, (const pid_t *)arg);
	case TIOCGSID:
		if (current->tty != tty || !tty->session)
			return -ENOTTY;
		return put_pid((void *)arg, tty->session);
	case TIOCSCTTY:
		return tiocsctty(tty, arg);
	case TIOCNOTTY:
		return tiocnotty(tty);
	}
	return -ENOIOCTLCMD;
}
