/*
 * fcntl.c - more descriptors for an open file (dup, dup2, F_DUPFD) and
 * the flags of a descriptor (FD_CLOEXEC) and of an open file (O_NONBLOCK,
 * O_APPEND).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fcntl.h>

/* What F_SETFL may change; the access mode and the rest stay. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

/* A new descriptor >= from for the file behind fd. */
static int dupfd(unsigned int fd, unsigned int from, int cloexec)
{
	struct file *file = fget(fd);
	int newfd;

	if (!file)
		return -EBADF;
	newfd = get_unused_fd(from);
	if (newfd < 0)
		return newfd;
	file->f_count++;
	fd_install(newfd, file, cloexec);
	return newfd;
}

long sys_dup(unsigned int fildes)
{
	return dupfd(fildes, 0, 0);
}

/* newfd, closed first if open, becomes a copy of oldfd. */
static long do_dup2(unsigned int oldfd, unsigned int newfd, int cloexec)
{
	struct file *file = fget(oldfd), *old;

	if (!file)
		return -EBADF;
	if (newfd >= nofile_limit())
		return -EBADF;
	old = current->files->fd[newfd];
	file->f_count++;
	fd_install(newfd, file, cloexec);
	if (old)
		close_fp(old);
	return newfd;
}

/* dup2: the copy has no FD_CLOEXEC; oldfd == newfd just checks oldfd. */
long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (newfd == oldfd)
		return fget(oldfd) ? (long)newfd : -EBADF;
	return do_dup2(oldfd, newfd, 0);
}

/*
 * dup3 (330): dup2 with O_CLOEXEC as its only flag; oldfd == newfd is
 * EINVAL here, not a no-op (Linux).
 */
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (newfd == oldfd)
		return -EINVAL;
	return do_dup2(oldfd, newfd, flags & O_CLOEXEC);
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= nofile_limit())
			return -EINVAL;
		return dupfd(fd, arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return (current->files->close_on_exec >> fd) & FD_CLOEXEC;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return file->f_flags;
	case F_SETFL:
		file->f_flags = (file->f_flags & ~SETFL_MASK) |
				(arg & SETFL_MASK);
		return 0;
	default:
		return -EINVAL;
	}
}
