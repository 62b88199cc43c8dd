/*
 * fifo.c - named pipes: a FIFO node (mknod S_IFIFO) in a ramfs opens
 * onto a pipe that every open of the same node shares.
 *
 * The first open makes the pipe, the last close frees it; in between
 * it is found by the node's (st_dev, st_ino) in a short list. As on
 * Linux, opening for reading waits for a writer and opening for writing
 * waits for a reader, unless O_NONBLOCK (then a reader goes on at once
 * and a writer with no reader gets -ENXIO); O_RDWR never waits. Reads
 * and writes are the pipe's own (fs/pipe.c).
 *
 * 1.2.13 kept the pipe in the inode (PIPE_BASE(inode)); with no shared
 * inode here, the list stands in for it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/pipe_fs_i.h>

/* An open named pipe; the counters count opens of each end, ever. */
struct fifo {
	struct fifo *next;
	unsigned short dev;
	unsigned long ino;
	unsigned int r_counter, w_counter;
	struct pipe_inode_info *pipe;
};

static struct fifo *fifos;

/* The open fifo of the node inode names, or a new one; NULL: no memory. */
static struct fifo *get_fifo(const struct inode *inode)
{
	struct fifo *f;

	for (f = fifos; f; f = f->next)
		if (f->dev == inode->i_dev && f->ino == inode->i_ino)
			return f;
	f = kmalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return NULL;
	f->pipe = alloc_pipe();
	if (!f->pipe) {
		kfree(f);
		return NULL;
	}
	f->dev = inode->i_dev;
	f->ino = inode->i_ino;
	f->r_counter = f->w_counter = 0;
	f->next = fifos;
	fifos = f;
	return f;
}

/* Free f once neither end is open (the last close, or a failed open). */
static void put_fifo(struct fifo *f)
{
	struct fifo **p;

	if (f->pipe->readers || f->pipe->writers)
		return;
	for (p = &fifos; *p != f; p = &(*p)->next)
		;
	*p = f->next;
	free_pipe(f->pipe);
	kfree(f);
}

/*
 * Sleep until the other end has been opened (*counter moves on), even
 * if it has been closed again since. -ERESTARTSYS on a signal.
 */
static int wait_for_partner(struct fifo *f, unsigned int *counter)
{
	unsigned int seen = *counter;

	while (*counter == seen) {
		interruptible_sleep_on(&f->pipe->wait);
		if (signal_pending(current))
			return -ERESTARTSYS;
	}
	return 0;
}

/* Count file's ends in f and wake whoever waits for them. */
static void add_ends(struct fifo *f, struct file *file)
{
	if (file->f_mode & FMODE_READ) {
		f->pipe->readers++;
		f->r_counter++;
	}
	if (file->f_mode & FMODE_WRITE) {
		f->pipe->writers++;
		f->w_counter++;
	}
	wake_up_interruptible(&f->pipe->wait);
}

/* The open file's operations once connected: the pipe's. */
static void fifo_release(struct file *file);
static const struct file_operations fifo_fops = {
	.lseek = no_lseek,
	.read = pipe_read,
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.release = fifo_release,
	.poll = pipe_poll,
};

/*
 * fifo_open - connect an open of a FIFO node to its pipe (1.2.13's
 * fifo_open), waiting for the other end as the header says.
 */
static int fifo_open(struct file *file)
{
	int nonblock = file->f_flags & O_NONBLOCK, err = 0;
	struct fifo *f = get_fifo(&file->f_inode);

	if (!f)
		return -ENOMEM;
	if (file->f_mode == FMODE_WRITE && nonblock && !f->pipe->readers) {
		put_fifo(f);
		return -ENXIO;
	}
	add_ends(f, file);
	file->f_inode.i_pipe = f->pipe;
	if (file->f_mode == FMODE_READ && !f->pipe->writers && !nonblock)
		err = wait_for_partner(f, &f->w_counter);
	if (file->f_mode == FMODE_WRITE && !f->pipe->readers)
		err = wait_for_partner(f, &f->r_counter);
	if (err) {
		pipe_drop_end(file);
		put_fifo(f);
		return err;
	}
	file->f_op = &fifo_fops;
	return 0;
}

/* The last close of either end frees the pipe and its list entry. */
static void fifo_release(struct file *file)
{
	struct fifo *f;

	if (!pipe_drop_end(file))
		return;
	for (f = fifos; f->pipe != file->f_inode.i_pipe; f = f->next)
		;
	put_fifo(f);
}

/* What a FIFO node opens with (its i_fop): def_fifo_fops, as Linux's. */
const struct file_operations def_fifo_fops = {
	.open = fifo_open,
};
