#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

/*
 * A pipe's shared state (fs/pipe.c), which a named pipe (fs/fifo.c)
 * shares too: a one-page ring and the counts of its open ends.
 */
struct file;
struct wait_queue;
struct poll_table_struct;

struct pipe_inode_info {
	struct wait_queue *wait;	/* readers and writers sleep here */
	char *base;			/* the ring: one page */
	unsigned int start;		/* first unread byte */
	unsigned int len;		/* bytes unread */
	unsigned int readers, writers;	/* open files of each end */
};

struct pipe_inode_info *alloc_pipe(void);
void free_pipe(struct pipe_inode_info *pipe);
int pipe_drop_end(struct file *file);
int pipe_read(struct file *file, char *buf, int count);
int pipe_write(struct file *file, const char *buf, int count);
int pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
unsigned int pipe_poll(struct file *file, struct poll_table_struct *p);

#endif
