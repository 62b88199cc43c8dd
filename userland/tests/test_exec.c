/*
 * test_exec.c - execve: arguments and environment arrive intact, the pid
 * and open files survive, handlers are reset while ignored signals and
 * the mask are kept, errors come back as errno; also vfork and execvp.
 */
#include <signal.h>
#include <stdlib.h>
#include "check.h"
#include "child.h"

static const char *helper;

static void test_argv_envp(void)
{
	char *argv[] = { (char *)helper, "echo", "one", "two words", "", NULL };
	char *envp[] = { "OTHER=1", "LINTEL_TEST=yes", NULL };
	char out[256];
	int status = run_capture(helper, argv, envp, out, sizeof(out));

	case_begin("exec_passes_argv_and_envp");
	CHECK(status == 0, "helper exits 0, got %s", describe_status(status));
	CHECK(!strcmp(out, "one|two words||yes\n"),
	      "output \"one|two words||yes\\n\", got \"%s\"", out);
	case_end();
}

static void test_keeps_pid(void)
{
	char *argv[] = { (char *)helper, "ids", NULL };
	char *envp[] = { NULL };
	char out[64], want[64];
	int fds[2], status;
	pid_t pid;

	case_begin("exec_keeps_pid_and_parent");
	CHECK_OK(pipe(fds));
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		execve(helper, argv, envp);
		_exit(127);
	}
	close(fds[1]);
	read_all(fds[0], out, sizeof(out));
	close(fds[0]);
	waitpid(pid, &status, 0);
	snprintf(want, sizeof(want), "%d %d\n", pid, getpid());
	CHECK(!strcmp(out, want), "pid and ppid \"%s\", got \"%s\"", want, out);
	case_end();
}

static void test_exit_status(void)
{
	char *argv[] = { (char *)helper, "exit", "42", NULL };
	char *envp[] = { NULL };
	char out[16];
	int status = run_capture(helper, argv, envp, out, sizeof(out));

	case_begin("exec_program_exit_status");
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 42,
	      "exited with 42, got %s", describe_status(status));
	case_end();
}

static void test_keeps_fds(void)
{
	char fdarg[16], out[32];
	char *argv[] = { (char *)helper, "fd", fdarg, NULL };
	char *envp[] = { NULL };
	int fds[2], status;

	case_begin("exec_keeps_open_files");
	CHECK_OK(pipe(fds));
	snprintf(fdarg, sizeof(fdarg), "%d", fds[1]);
	status = fork();
	if (status == 0) {
		close(fds[0]);
		execve(helper, argv, envp);
		_exit(127);
	}
	close(fds[1]);
	read_all(fds[0], out, sizeof(out));
	close(fds[0]);
	wait(&status);
	CHECK(!strcmp(out, "inherited"),
	      "\"inherited\" through fd %s, got \"%s\" (%s)", fdarg, out,
	      describe_status(status));
	case_end();
}

static void on_usr1(int sig)
{
	(void)sig;
}

static int exec_signals_child(void *arg)
{
	char *argv[] = { (char *)helper, "signals", NULL };
	char *envp[] = { NULL };
	sigset_t block;

	(void)arg;
	signal(SIGUSR1, on_usr1);
	signal(SIGUSR2, SIG_IGN);
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, NULL);
	execve(helper, argv, envp);
	return 127;
}

static void test_signal_state(void)
{
	int status = run_in_child(exec_signals_child, NULL);

	case_begin("exec_resets_handlers_keeps_ignored_and_mask");
	CHECK(status == 0, "helper sees SIGUSR1 default, SIGUSR2 ignored, "
	      "SIGTERM blocked (exit 0), got %s (1: handler kept, "
	      "2: ignore lost, 4: mask lost)", describe_status(status));
	case_end();
}

static int exec_bad(void *path)
{
	char *argv[] = { path, NULL };
	char *envp[] = { NULL };

	execve(path, argv, envp);
	return errno;
}

static void test_exec_errors(void)
{
	int status;

	case_begin("exec_errors_come_back");
	status = run_in_child(exec_bad, "/nonexistent/program");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == ENOENT,
	      "ENOENT for a missing file, got %s", describe_status(status));
	status = run_in_child(exec_bad, "/");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == EACCES,
	      "EACCES for a directory, got %s", describe_status(status));
	case_end();
}

static void test_vfork(void)
{
	char *argv[] = { (char *)helper, "exit", "5", NULL };
	char *envp[] = { NULL };
	int status = -1;
	pid_t pid;

	case_begin("vfork_then_exec_or_exit");
	pid = vfork();
	if (pid == 0) {
		execve(helper, argv, envp);
		_exit(127);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid,
	      "vfork and wait, got pid %d", pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 5,
	      "exec'd helper exits 5, got %s", describe_status(status));
	pid = vfork();
	if (pid == 0)
		_exit(6);
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid,
	      "vfork and wait, got pid %d", pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 6,
	      "child exits 6, got %s", describe_status(status));
	case_end();
}

/* PATH is the helper's directory, then execvp finds it by name. */
static int exec_by_name(void *arg)
{
	static char path_var[300];
	char *argv[] = { "helper_exec", "exit", "9", NULL };
	char *envp[] = { path_var, NULL };
	const char *slash = strrchr(helper, '/');

	(void)arg;
	snprintf(path_var, sizeof(path_var), "PATH=/nonexistent:%.*s",
		 (int)(slash - helper), helper);
	environ = envp;
	execvp("helper_exec", argv);
	return 127;
}

static void test_execvp(void)
{
	int status = run_in_child(exec_by_name, NULL);

	case_begin("execvp_searches_path");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 9,
	      "helper found on PATH exits 9, got %s",
	      describe_status(status));
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	helper = helper_path(argv[0], "helper_exec");
	test_argv_envp();
	test_keeps_pid();
	test_exit_status();
	test_keeps_fds();
	test_signal_state();
	test_exec_errors();
	test_vfork();
	test_execvp();
	return check_summary();
}
