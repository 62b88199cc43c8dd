/*
 * test_jobctrl.c - the controlling terminal and its foreground group: a
 * session leader takes a terminal (TIOCSCTTY), its group is the
 * foreground (TIOCGPGRP, TIOCGSID), a background group that reads is
 * stopped by SIGTTIN (or gets EIO with SIGTTIN ignored), TIOCSPGRP moves
 * the foreground and checks its argument, and a process with no
 * controlling terminal gets ENOTTY.
 *
 * Everything runs in a child that starts its own session. The terminal
 * is a pseudo-terminal where there is one (a Linux host), else the
 * console (Lintel, which has no ptys); the rules are the same.
 */
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "check.h"
#include "child.h"

#define NR_getpgid	132
#define TIOC_SCTTY	0x540E
#define TIOC_GPGRP	0x540F
#define TIOC_SPGRP	0x5410
#define TIOC_NOTTY	0x5422
#define TIOC_GSID	0x5429
#define TIOC_GPTN	0x80045430	/* the pty's number */
#define TIOC_SPTLCK	0x40045431	/* (un)lock the pty */
#define STEAL		1		/* TIOCSCTTY: root may take it */
#define BAD_PTR		((void *)0xC0000000)
#define NO_SUCH_PGRP	30000

/*
 * The slave of a new pty, or the console: a terminal to control, opened
 * with flags (O_NOCTTY or not).
 */
static int open_terminal(int flags)
{
	char name[32];
	int master, n, unlock = 0;

	master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (master < 0)
		return open("/dev/console", O_RDWR | flags);
	if (ioctl(master, TIOC_SPTLCK, &unlock) || ioctl(master, TIOC_GPTN, &n))
		return -1;
	snprintf(name, sizeof(name), "/dev/pts/%d", n);
	return open(name, O_RDWR | flags);	/* the master stays open */
}

/* A background job reads the terminal; its parent reports how it ended. */
static int background_read(int fd, int ignore_ttin)
{
	char c;
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		if (ignore_ttin)
			signal(SIGTTIN, SIG_IGN);
		if (read(fd, &c, 1) < 0 && errno == EIO)
			_exit(5);
		_exit(6);
	}
	if (pid < 0 || waitpid(pid, &status, WUNTRACED) != pid)
		return -1;
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return status;
}

static int foreground_checks(int fd)
{
	pid_t me = getpid(), pgrp = -1, sid = -1, bg;
	int status, dead;

	CHECK(ioctl(fd, TIOC_GPGRP, &pgrp) == 0 && pgrp == me,
	      "the leader's group %d is the foreground, got %d", me, pgrp);
	CHECK(ioctl(fd, TIOC_GSID, &sid) == 0 && sid == me,
	      "TIOCGSID %d, got %d", me, sid);
	CHECK_ERR(ioctl(fd, TIOC_GPGRP, BAD_PTR), EFAULT);
	status = background_read(fd, 0);
	CHECK(status != -1 && WIFSTOPPED(status) &&
	      WSTOPSIG(status) == SIGTTIN,
	      "a background read stops with SIGTTIN: %s",
	      describe_status(status));
	status = background_read(fd, 1);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 5,
	      "with SIGTTIN ignored the read fails with EIO: %s",
	      describe_status(status));
	bg = fork();
	if (bg == 0) {
		setpgid(0, 0);
		pause();
		_exit(0);
	}
	setpgid(bg, bg);
	CHECK_OK(ioctl(fd, TIOC_SPGRP, &bg));
	CHECK(ioctl(fd, TIOC_GPGRP, &pgrp) == 0 && pgrp == bg,
	      "TIOCSPGRP moved the foreground to %d, got %d", bg, pgrp);
	signal(SIGTTOU, SIG_IGN);	/* as a shell does, to take it back */
	CHECK_OK(ioctl(fd, TIOC_SPGRP, &me));
	dead = NO_SUCH_PGRP;
	CHECK_ERR(ioctl(fd, TIOC_SPGRP, &dead), ESRCH);
	dead = -1;
	CHECK_ERR(ioctl(fd, TIOC_SPGRP, &dead), EINVAL);
	dead = syscall(NR_getpgid, getppid());	/* another session's */
	CHECK_ERR(ioctl(fd, TIOC_SPGRP, &dead), EPERM);
	CHECK_ERR(ioctl(fd, TIOC_SPGRP, BAD_PTR), EFAULT);
	kill(bg, SIGKILL);
	waitpid(bg, NULL, 0);
	return check_case_failed;
}

/* In a new session: no terminal first, then the one it takes. */
static int session_child(void *arg)
{
	pid_t pgrp;
	int fd, err;

	(void)arg;
	if (setsid() < 0)
		return 10;
	fd = open_terminal(0);
	CHECK(fd >= 0, "a terminal to open, errno %d", errno);
	if (fd < 0)
		return 1;
	err = ioctl(fd, TIOC_SCTTY, STEAL);
	CHECK(err == 0, "TIOCSCTTY, errno %d", errno);
	CHECK_ERR(setsid(), EPERM);
	if (!err)
		foreground_checks(fd);
	signal(SIGHUP, SIG_IGN);	/* the leader leaving hangs up its group */
	CHECK_OK(ioctl(fd, TIOC_NOTTY, 0));
	CHECK_ERR(ioctl(fd, TIOC_GPGRP, &pgrp), ENOTTY);
	close(fd);
	return check_case_failed;
}

/* A process whose session has no terminal: ENOTTY, as on Linux. */
static int no_ctty_child(void *arg)
{
	pid_t pgrp;
	int fd;

	(void)arg;
	if (setsid() < 0)
		return 10;
	fd = open("/dev/null", O_RDWR);
	CHECK_ERR(ioctl(fd, TIOC_GPGRP, &pgrp), ENOTTY);
	fd = open_terminal(O_NOCTTY);
	CHECK(fd >= 0, "a terminal to open, errno %d", errno);
	CHECK_ERR(ioctl(fd, TIOC_GPGRP, &pgrp), ENOTTY);
	CHECK_ERR(ioctl(fd, TIOC_NOTTY, 0), ENOTTY);
	return check_case_failed;
}

int main(void)
{
	case_in_child("jobctrl_foreground_group_sigttin_tiocspgrp",
		      session_child, NULL);
	case_in_child("jobctrl_no_controlling_terminal_enotty",
		      no_ctty_child, NULL);
	return check_summary();
}
