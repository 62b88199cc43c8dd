/*
 * pipe.c - pipes: a one-page ring between a read end and a write end.
 *
 *   base                start            start + len
 *    |                    |<---- unread ---->|                    |
 *    +--------------------+------------------+--------------------+
 *                     (both wrap around at PIPE_BUF)
 *
 * A read waits for data, then takes what there is (up to its count);
 * once every writer has gone, an empty pipe reads as end of file. A
 * write of at most PIPE_BUF bytes goes in whole or waits for room (so
 * concurrent small writes never interleave); a longer one goes in
 * pieces. Writing with no reader left is SIGPIPE and -EPIPE. Readers
 * and writers sleep on the one wait queue, as in 1.2.13.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/fcntl.h>
#include <linux/termios.h>
#include <linux/pipe_fs_i.h>
#include <asm/segment.h>

#define PIPE_BUF	PAGE_SIZE	/* the ring, and the atomic write size */
#define PIPE_DEV	MKDEV(0, 12)

static unsigned long pipe_ino;	/* inode numbers for fstat */

/* Sleep until woken; -EINTR if a signal is what woke us. */
static int pipe_wait(struct pipe_inode_info *pipe)
{
	interruptible_sleep_on(&pipe->wait);
	return signal_pending(current) ? -EINTR : 0;
}

int pipe_read(struct file *file, char *buf, int count)
{
	struct pipe_inode_info *pipe = file->f_inode.i_pipe;
	int done = 0, chunk, err;

	while (!pipe->len) {
		if (!pipe->writers)
			return 0;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = pipe_wait(pipe);
		if (err)
			return err;
	}
	while (count > done && pipe->len) {
		chunk = min(count - done, (int)pipe->len);
		chunk = min(chunk, (int)(PIPE_BUF - pipe->start));
		if (memcpy_tofs(buf + done, pipe->base + pipe->start, chunk))
			return done ? done : -EFAULT;
		pipe->start = (pipe->start + chunk) % PIPE_BUF;
		pipe->len -= chunk;
		done += chunk;
	}
	wake_up_interruptible(&pipe->wait);
	return done;
}

/* Copy up to count bytes from the user into the ring's free space. */
static int pipe_fill(struct pipe_inode_info *pipe, const char *buf, int count)
{
	int done = 0, chunk, end;

	while (count > done && pipe->len < PIPE_BUF) {
		end = (pipe->start + pipe->len) % PIPE_BUF;
		chunk = min(count - done, (int)(PIPE_BUF - pipe->len));
		chunk = min(chunk, (int)PIPE_BUF - end);
		if (memcpy_fromfs(pipe->base + end, buf + done, chunk))
			return done ? done : -EFAULT;
		pipe->len += chunk;
		done += chunk;
	}
	return done;
}

int pipe_write(struct file *file, const char *buf, int count)
{
	struct pipe_inode_info *pipe = file->f_inode.i_pipe;
	unsigned int need = count <= (int)PIPE_BUF ? count : 1;
	int done = 0, n, err;

	while (count > done) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 1);
			return done ? done : -EPIPE;
		}
		if (PIPE_BUF - pipe->len < need) {
			err = file->f_flags & O_NONBLOCK ? -EAGAIN
							 : pipe_wait(pipe);
			if (err)
				return done ? done : err;
			continue;
		}
		n = pipe_fill(pipe, buf + done, count - done);
		if (n < 0)
			return done ? done : n;
		done += n;
		wake_up_interruptible(&pipe->wait);
	}
	return done;
}

int pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int n = file->f_inode.i_pipe->len;

	if (cmd != FIONREAD)
		return -ENOTTY;
	return memcpy_tofs((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
}

/*
 * One end closed: the other side may now see EOF or EPIPE. Returns 1
 * when no end is left open and the caller should free the pipe.
 */
int pipe_drop_end(struct file *file)
{
	struct pipe_inode_info *pipe = file->f_inode.i_pipe;

	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	if (pipe->readers || pipe->writers) {
		wake_up_interruptible(&pipe->wait);
		return 0;
	}
	return 1;
}

/* Give back a pipe's ring and state (no end open any more). */
void free_pipe(struct pipe_inode_info *pipe)
{
	free_page((unsigned long)pipe->base);
	kfree(pipe);
}

static void pipe_release(struct file *file)
{
	if (pipe_drop_end(file))
		free_pipe(file->f_inode.i_pipe);
}

/*
 * What a pipe end is ready for: reading when there is data or no writer
 * is left (POLLHUP), writing when there is room, POLLERR for a write
 * end no one reads. Both ends wait on the one queue.
 */
unsigned int pipe_poll(struct file *file, poll_table *p)
{
	struct pipe_inode_info *pipe = file->f_inode.i_pipe;
	unsigned int mask = 0;

	poll_wait(&pipe->wait, p);
	if (file->f_mode & FMODE_READ) {
		if (pipe->len)
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (pipe->len < PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

static const struct file_operations pipe_fops = {
	.lseek = no_lseek,
	.read = pipe_read,
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.release = pipe_release,
	.poll = pipe_poll,
};

static void pipe_inode(struct inode *inode, struct pipe_inode_info *pipe)
{
	memset(inode, 0, sizeof(*inode));
	inode->i_dev = PIPE_DEV;
	inode->i_ino = ++pipe_ino;
	inode->i_mode = S_IFIFO | 0600;
	inode->i_nlink = 1;
	inode->i_uid = current->euid;
	inode->i_gid = current->egid;
	inode->i_mtime = CURRENT_TIME;
	inode->i_pipe = pipe;
	inode->i_fop = &pipe_fops;
}

/* A new, empty pipe with no end counted yet; NULL without memory. */
struct pipe_inode_info *alloc_pipe(void)
{
	struct pipe_inode_info *pipe = kmalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	memset(pipe, 0, sizeof(*pipe));
	pipe->base = (char *)__get_free_page(GFP_KERNEL);
	if (!pipe->base) {
		kfree(pipe);
		return NULL;
	}
	return pipe;
}

/*
 * do_pipe - a new pipe as descriptors fd[0] (read end) and fd[1] (write
 * end). flags: O_NONBLOCK on both files, O_CLOEXEC on both descriptors.
 */
int do_pipe(int *fd, int flags)
{
	struct pipe_inode_info *pipe;
	struct file *f[2];
	int i, err = -ENFILE;

	f[0] = get_empty_filp();
	f[1] = get_empty_filp();
	if (!f[0] || !f[1])
		goto out_files;
	err = -ENOMEM;
	pipe = alloc_pipe();
	if (!pipe)
		goto out_files;
	pipe->readers = pipe->writers = 1;
	pipe_inode(&f[0]->f_inode, pipe);
	f[1]->f_inode = f[0]->f_inode;
	for (i = 0; i < 2; i++) {
		f[i]->f_op = &pipe_fops;
		f[i]->f_flags = (i ? O_WRONLY : O_RDONLY) | (flags & O_NONBLOCK);
		f[i]->f_mode = i ? FMODE_WRITE : FMODE_READ;
	}
	fd[0] = get_unused_fd(0);
	if (fd[0] < 0)
		goto out_emfile;
	fd_install(fd[0], f[0], flags & O_CLOEXEC);
	fd[1] = get_unused_fd(0);
	if (fd[1] >= 0) {
		fd_install(fd[1], f[1], flags & O_CLOEXEC);
		return 0;
	}
	fd_install(fd[0], NULL, 0);
out_emfile:
	err = -EMFILE;
out_files:
	for (i = 0; i < 2; i++)
		if (f[i])
			close_fp(f[i]);
	return err;
}

long sys_pipe2(int *fildes, int flags)
{
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = do_pipe(fd, flags);
	if (err)
		return err;
	if (memcpy_tofs(fildes, fd, sizeof(fd))) {
		sys_close(fd[0]);
		sys_close(fd[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int *fildes)
{
	return sys_pipe2(fildes, 0);
}
