/*
 * process.c - creating, replacing, waiting for and signalling processes.
 */
#include <stdio.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/syscall.h>

/* Output still buffered would otherwise be printed by both processes. */
pid_t fork(void)
{
	fflush(stdout);
	return syscall(__NR_fork);
}

/* A successful exec discards the buffer, so write it out first. */
int execve(const char *path, char *const argv[], char *const envp[])
{
	fflush(stdout);
	return syscall(__NR_execve, path, argv, envp);
}

pid_t getpid(void)
{
	return syscall(__NR_getpid);
}

pid_t getppid(void)
{
	return syscall(__NR_getppid);
}

/* Sessions and process groups: what shells and init use. */
pid_t setsid(void)
{
	return syscall(__NR_setsid);
}

pid_t getsid(pid_t pid)
{
	return syscall(__NR_getsid, pid);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return syscall(__NR_setpgid, pid, pgid);
}

pid_t getpgrp(void)
{
	return syscall(__NR_getpgrp);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage)
{
	return syscall(__NR_wait4, pid, status, options, rusage);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

int kill(pid_t pid, int sig)
{
	return syscall(__NR_kill, pid, sig);
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

int pause(void)
{
	return syscall(__NR_pause);
}

unsigned int alarm(unsigned int seconds)
{
	return syscall(__NR_alarm, seconds);
}
