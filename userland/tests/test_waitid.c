/*
 * test_waitid.c - waitid (284): the siginfo it fills for an exit, a
 * death by signal, a stop and a continue (si_signo, si_code, si_pid,
 * si_uid, si_status), WNOWAIT leaving the child to be waited for again,
 * WNOHANG with nothing to report (0, and the fields zeroed), P_PID,
 * P_PGID (0 is the caller's group) and P_ALL, the rusage of Linux's
 * fifth argument, and Linux's EINVAL, ECHILD and EFAULT; and wait4's
 * WCONTINUED (status 0xffff). Raw system calls, so that the test means
 * the same with any C library.
 */
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

#define NR_waitid	284
#define NR_wait4	114
#define P_ALL_		0
#define P_PID_		1
#define P_PGID_		2
#define W_NOHANG	0x00000001
#define W_STOPPED	0x00000002
#define W_EXITED	0x00000004
#define W_CONTINUED	0x00000008
#define W_NOWAIT	0x01000000
#define CLD_EXITED_	1
#define CLD_KILLED_	2
#define CLD_STOPPED_	5
#define CLD_CONTINUED_	6
#define CONTINUED_WORD	0xffff
#define BAD_PTR		((void *)0xC0000000)
#define FILL		0x55
#define BAD_IDTYPE	7

/* The kernel's siginfo as waitid fills it: 128 bytes. */
struct winfo {
	int w_signo, w_errno, w_code;
	int w_pid;
	unsigned int w_uid;
	int w_status;
	int pad[26];
};

static long waitid_(int type, int id, struct winfo *si, int options,
		    struct rusage *ru)
{
	if (si && si != BAD_PTR)
		memset(si, FILL, sizeof(*si));
	return syscall(NR_waitid, type, id, si, options, ru);
}

/* A child that exits with code at once, or waits for signals if code < 0. */
static pid_t child(int code)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (code >= 0)
			_exit(code);
		for (;;)
			pause();
	}
	return pid;
}

static int info_is(const struct winfo *si, pid_t pid, int code, int status)
{
	return si->w_signo == SIGCHLD && si->w_errno == 0 &&
	       si->w_code == code && si->w_pid == pid &&
	       si->w_uid == getuid() && si->w_status == status;
}

#define CHECK_INFO(si, pid, code, status)				\
	CHECK(info_is(&(si), pid, code, status),			\
	      "want signo %d code %d pid %d uid %d status %d, got "	\
	      "%d %d %d %u %d (errno field %d)", SIGCHLD, code,	\
	      (int)(pid), (int)getuid(), status, (si).w_signo,		\
	      (si).w_code, (si).w_pid, (si).w_uid, (si).w_status,	\
	      (si).w_errno)

static void test_exited(void)
{
	struct winfo si;
	pid_t pid = child(7);

	case_begin("waitid_exited_fills_siginfo_and_reaps");
	CHECK(waitid_(P_PID_, pid, &si, W_EXITED, NULL) == 0,
	      "waitid returns 0: errno %d", errno);
	CHECK_INFO(si, pid, CLD_EXITED_, 7);
	CHECK_ERR(waitpid(pid, NULL, W_NOHANG), ECHILD);
	case_end();
}

static void test_killed(void)
{
	struct winfo si;
	pid_t pid = child(-1);

	case_begin("waitid_killed_by_signal");
	kill(pid, SIGTERM);
	CHECK(waitid_(P_PID_, pid, &si, W_EXITED, NULL) == 0,
	      "waitid: errno %d", errno);
	CHECK_INFO(si, pid, CLD_KILLED_, SIGTERM);
	case_end();
}

static void test_nowait(void)
{
	struct winfo si;
	int status = -1;
	pid_t pid = child(9);

	case_begin("waitid_wnowait_leaves_the_child");
	CHECK(waitid_(P_PID_, pid, &si, W_EXITED | W_NOWAIT, NULL) == 0,
	      "waitid(WNOWAIT): errno %d", errno);
	CHECK_INFO(si, pid, CLD_EXITED_, 9);
	CHECK(waitid_(P_PID_, pid, &si, W_EXITED | W_NOWAIT, NULL) == 0,
	      "again: errno %d", errno);
	CHECK_INFO(si, pid, CLD_EXITED_, 9);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 9, "waitpid still reaps it: 0x%x",
	      status);
	case_end();
}

static void test_wnohang(void)
{
	struct winfo si;
	pid_t pid = child(-1);

	case_begin("waitid_wnohang_nothing_zeroes_fields");
	CHECK(waitid_(P_PID_, pid, &si, W_EXITED | W_NOHANG, NULL) == 0,
	      "0 while the child lives: errno %d", errno);
	CHECK(si.w_signo == 0 && si.w_errno == 0 && si.w_code == 0 &&
	      si.w_pid == 0 && si.w_uid == 0 && si.w_status == 0,
	      "the fields zeroed: %d %d %d %d %u %d", si.w_signo,
	      si.w_errno, si.w_code, si.w_pid, si.w_uid, si.w_status);
	CHECK(si.pad[0] == (int)0x55555555, "the rest left as it was: 0x%x",
	      si.pad[0]);
	kill(pid, SIGKILL);
	CHECK(waitid_(P_PID_, pid, &si, W_EXITED, NULL) == 0, "reap");
	CHECK_INFO(si, pid, CLD_KILLED_, SIGKILL);
	case_end();
}

static void test_stop_continue(void)
{
	struct winfo si;
	int status = -1;
	pid_t pid = child(-1);

	case_begin("waitid_stopped_and_continued");
	kill(pid, SIGSTOP);
	CHECK(waitid_(P_PID_, pid, &si, W_STOPPED, NULL) == 0,
	      "WSTOPPED: errno %d", errno);
	CHECK_INFO(si, pid, CLD_STOPPED_, SIGSTOP);
	CHECK(waitid_(P_PID_, pid, &si, W_STOPPED | W_NOHANG, NULL) == 0 &&
	      si.w_pid == 0, "a stop is reported once: pid %d", si.w_pid);
	kill(pid, SIGCONT);
	CHECK(waitid_(P_PID_, pid, &si, W_CONTINUED, NULL) == 0,
	      "WCONTINUED: errno %d", errno);
	CHECK_INFO(si, pid, CLD_CONTINUED_, SIGCONT);
	kill(pid, SIGSTOP);
	CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
	      "wait4 sees the second stop: 0x%x", status);
	kill(pid, SIGCONT);
	CHECK(syscall(NR_wait4, pid, &status, W_CONTINUED, NULL) == pid &&
	      status == CONTINUED_WORD, "wait4(WCONTINUED): 0x%x", status);
	kill(pid, SIGKILL);
	CHECK(waitid_(P_PID_, pid, &si, W_EXITED, NULL) == 0, "reap");
	CHECK_INFO(si, pid, CLD_KILLED_, SIGKILL);
	case_end();
}

/* A child in a process group of its own, which exits when told (fd). */
static pid_t child_in_own_group(int *tell)
{
	int fds[2];
	char c;
	pid_t pid;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 1 ? 3 : 4);
	}
	setpgid(pid, pid);
	close(fds[0]);
	*tell = fds[1];
	return pid;
}

static void test_id_types(void)
{
	struct winfo si;
	int tell = -1;
	pid_t grouped = child_in_own_group(&tell), pid;

	case_begin("waitid_p_pgid_p_all");
	CHECK(waitid_(P_PGID_, grouped, &si, W_EXITED | W_NOHANG, NULL) == 0 &&
	      si.w_pid == 0, "nothing yet in its group: pid %d", si.w_pid);
	pid = child(4);
	CHECK(waitid_(P_PGID_, 0, &si, W_EXITED, NULL) == 0,
	      "P_PGID 0: errno %d", errno);
	CHECK_INFO(si, pid, CLD_EXITED_, 4);
	CHECK(write(tell, "x", 1) == 1, "tell the grouped child to go");
	CHECK(waitid_(P_PGID_, grouped, &si, W_EXITED, NULL) == 0,
	      "P_PGID: errno %d", errno);
	CHECK_INFO(si, grouped, CLD_EXITED_, 3);
	close(tell);
	pid = child(5);
	CHECK(waitid_(P_ALL_, 0, &si, W_EXITED, NULL) == 0,
	      "P_ALL: errno %d", errno);
	CHECK_INFO(si, pid, CLD_EXITED_, 5);
	case_end();
}

static void test_rusage(void)
{
	struct winfo si;
	struct rusage ru;
	pid_t pid = child(0);

	case_begin("waitid_fifth_argument_rusage");
	memset(&ru, FILL, sizeof(ru));
	CHECK(waitid_(P_PID_, pid, &si, W_EXITED, &ru) == 0,
	      "waitid with ru: errno %d", errno);
	CHECK(ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 &&
	      ru.ru_stime.tv_usec >= 0 && ru.ru_stime.tv_usec < 1000000 &&
	      ru.ru_nswap == 0, "ru written over the fill: utime.usec %ld "
	      "stime.usec %ld nswap %ld", (long)ru.ru_utime.tv_usec,
	      (long)ru.ru_stime.tv_usec, (long)ru.ru_nswap);
	case_end();
}

static void test_errors(void)
{
	struct winfo si;
	pid_t pid;

	case_begin("waitid_errors");
	CHECK_ERR(waitid_(P_ALL_, 0, &si, 0, NULL), EINVAL);
	CHECK_ERR(waitid_(P_ALL_, 0, &si, W_NOHANG, NULL), EINVAL);
	CHECK_ERR(waitid_(P_ALL_, 0, &si, W_EXITED | 0x100, NULL), EINVAL);
	CHECK_ERR(waitid_(BAD_IDTYPE, 0, &si, W_EXITED, NULL), EINVAL);
	CHECK_ERR(waitid_(P_PID_, 0, &si, W_EXITED, NULL), EINVAL);
	CHECK_ERR(waitid_(P_PGID_, -1, &si, W_EXITED, NULL), EINVAL);
	CHECK_ERR(waitid_(P_ALL_, 0, &si, W_EXITED, NULL), ECHILD);
	CHECK(si.w_signo == 0 && si.w_pid == 0 && si.w_status == 0,
	      "ECHILD zeroes the fields too: %d %d %d", si.w_signo,
	      si.w_pid, si.w_status);
	CHECK_ERR(waitid_(P_ALL_, 0, NULL, W_EXITED, NULL), ECHILD);
	/* Linux reaps the child before it fails: one child a pointer */
	pid = child(0);
	CHECK_ERR(waitid_(P_PID_, pid, BAD_PTR, W_EXITED, NULL), EFAULT);
	waitpid(pid, NULL, 0);
	pid = child(0);
	CHECK_ERR(waitid_(P_PID_, pid, &si, W_EXITED, BAD_PTR), EFAULT);
	waitpid(pid, NULL, 0);
	case_end();
}

int main(void)
{
	test_exited();
	test_killed();
	test_nowait();
	test_wnohang();
	test_stop_continue();
	test_id_types();
	test_rusage();
	test_errors();
	return check_summary();
}
