/*
 * ioctl.c - the ioctl system call: a few requests every file answers,
 * then the file's own f_op->ioctl (a terminal's TCGETS and friends, a
 * pipe's FIONREAD). A file without one is "not a typewriter".
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/termios.h>
#include <asm/segment.h>

/* FIONREAD on a regular file: the bytes between f_pos and the end. */
static int file_fionread(struct file *file, int *arg)
{
	loff_t left = file->f_inode.i_size - file->f_pos;
	int n = left > 0 ? left : 0;

	return memcpy_tofs(arg, &n, sizeof(n)) ? -EFAULT : 0;
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);
	int on;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		set_close_on_exec(fd, cmd == FIOCLEX);
		return 0;
	case FIONBIO:
		if (memcpy_fromfs(&on, (void *)arg, sizeof(on)))
			return -EFAULT;
		if (on)
			file->f_flags |= O_NONBLOCK;
		else
			file->f_flags &= ~O_NONBLOCK;
		return 0;
	case FIONREAD:
		if (S_ISREG(file->f_inode.i_mode))
			return file_fionread(file, (int *)arg);
		break;
	}
	if (!file->f_op || !file->f_op->ioctl)
		return -ENOTTY;
	return file->f_op->ioctl(file, cmd, arg);
}
