/*
 * file_table.c - the system's open files, and a process's share of them
 * across fork, exec and exit.
 *
 * 1.2.13 grew its file table a page at a time; Lintel's is a fixed
 * array of NR_FILE, which GDB can print whole. A slot with f_count 0 is
 * free.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/fs.h>

struct file file_table[NR_FILE];

/* A zeroed file with f_count 1, or NULL when all NR_FILE are open. */
struct file *get_empty_filp(void)
{
	struct file *f;

	for (f = file_table; f < file_table + NR_FILE; f++)
		if (!f->f_count) {
			memset(f, 0, sizeof(*f));
			f->f_count = 1;
			return f;
		}
	return NULL;
}

/* fork: the child shares every open file of its parent, and its cwd. */
int copy_files(struct task_struct *child, struct task_struct *parent)
{
	int fd;

	for (fd = 0; fd < NR_OPEN; fd++) {
		child->filp[fd] = parent->filp[fd];
		if (child->filp[fd])
			child->filp[fd]->f_count++;
	}
	child->close_on_exec = parent->close_on_exec;
	memcpy(child->cwd, parent->cwd, sizeof(child->cwd));
	return 0;
}

static void close_fd(struct task_struct *p, int fd)
{
	struct file *file = p->filp[fd];

	p->filp[fd] = NULL;
	p->close_on_exec &= ~(1UL << fd);
	if (file)
		close_fp(file);
}

/* exit: close everything p has open. */
void exit_files(struct task_struct *p)
{
	int fd;

	for (fd = 0; fd < NR_OPEN; fd++)
		close_fd(p, fd);
}

/* exec: close the descriptors marked FD_CLOEXEC. */
void do_close_on_exec(struct task_struct *p)
{
	int fd;

	for (fd = 0; fd < NR_OPEN; fd++)
		if (p->close_on_exec & (1UL << fd))
			close_fd(p, fd);
}
