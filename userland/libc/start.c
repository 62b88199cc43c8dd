/*
 * start.c - from crt0 to main and back out through exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

char **environ;

int main(int argc, char **argv, char **envp);
void __libc_start_main(int argc, char **argv, char **envp)
	__attribute__((noreturn));

/* Called by _start (crt0.S) with the kernel's initial stack decoded. */
void __libc_start_main(int argc, char **argv, char **envp)
{
	environ = envp;
	exit(main(argc, argv, envp));
}

/* Flush what stdio still holds, then leave. */
void exit(int status)
{
	fflush(stdout);
	fflush(stderr);
	_exit(status);
}

/*
 * _exit ends the whole process, as POSIX says: exit_group, not exit,
 * which would end only the calling thread of a program that made
 * threads with clone.
 */
void _exit(int status)
{
	for (;;)
		syscall(__NR_exit_group, status);
}
