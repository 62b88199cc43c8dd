/*
 * file.c - file descriptor calls.
 */
#include <unistd.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

ssize_t read(int fd, void *buf, size_t count)
{
	return syscall(__NR_read, fd, buf, count);
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return syscall(__NR_write, fd, buf, count);
}

/* The mode argument is only there when O_CREAT is. */
int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return syscall(__NR_open, path, flags, mode);
}

int close(int fd)
{
	return syscall(__NR_close, fd);
}

off_t lseek(int fd, off_t offset, int whence)
{
	return syscall(__NR_lseek, fd, offset, whence);
}

int dup(int fd)
{
	return syscall(__NR_dup, fd);
}

int dup2(int oldfd, int newfd)
{
	return syscall(__NR_dup2, oldfd, newfd);
}

int pipe(int fds[2])
{
	return syscall(__NR_pipe, fds);
}

int chdir(const char *path)
{
	return syscall(__NR_chdir, path);
}

/* The system call returns the length; POSIX wants the buffer back. */
char *getcwd(char *buf, size_t size)
{
	if (syscall(__NR_getcwd, buf, size) < 0)
		return NULL;
	return buf;
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	return syscall(__NR_ioctl, fd, request, arg);
}

/* stat64 fills the whole struct stat (abi.c checks the layout). */
int stat(const char *path, struct stat *st)
{
	return syscall(__NR_stat64, path, st);
}

int fstat(int fd, struct stat *st)
{
	return syscall(__NR_fstat64, fd, st);
}

/* A terminal is whatever answers the terminal's own request. */
int isatty(int fd)
{
	struct termios t;

	return ioctl(fd, TCGETS, &t) == 0;
}
