/*
 * file_table.c - the system's open files, and a process's share of them
 * across fork, clone, exec and exit.
 *
 * 1.2.13 grew its file table a page at a time; Lintel's is a fixed
 * array of NR_FILE, which GDB can print whole. A slot with f_count 0 is
 * free.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <uapi/linux/sched.h>

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

/*
 * copy_files - the descriptor table of clone's child p: current's own,
 * counted once more, under CLONE_FILES (an open or close in either is
 * seen by both, as Linux); otherwise a new table pointing at the same
 * open files (fork: each f_count grows). 0, or -ENOMEM.
 */
int copy_files(unsigned long clone_flags, struct task_struct *p)
{
	struct files_struct *oldf = current->files, *newf;
	int fd;

	if (clone_flags & CLONE_FILES) {
		oldf->count++;
		p->files = oldf;
		return 0;
	}
	newf = kmalloc(sizeof(*newf), GFP_KERNEL);
	if (!newf)
		return -ENOMEM;
	*newf = *oldf;
	newf->count = 1;
	for (fd = 0; fd < NR_OPEN; fd++)
		if (newf->fd[fd])
			newf->fd[fd]->f_count++;
	p->files = newf;
	return 0;
}

/*
 * copy_fs - the cwd and umask of clone's child p: current's, shared,
 * under CLONE_FS (a chdir or umask in either holds for both); a copy
 * otherwise. 0, or -ENOMEM.
 */
int copy_fs(unsigned long clone_flags, struct task_struct *p)
{
	struct fs_struct *newfs;

	if (clone_flags & CLONE_FS) {
		current->fs->count++;
		p->fs = current->fs;
		return 0;
	}
	newfs = kmalloc(sizeof(*newfs), GFP_KERNEL);
	if (!newfs)
		return -ENOMEM;
	*newfs = *current->fs;
	newfs->count = 1;
	p->fs = newfs;
	return 0;
}

/* Free descriptor fd of table files and drop its open file. */
static void close_fd(struct files_struct *files, int fd)
{
	struct file *file = files->fd[fd];

	files->fd[fd] = NULL;
	files->close_on_exec &= ~(1UL << fd);
	if (file)
		close_fp(file);
}

/*
 * put_files - one task less uses files; the last one closes every
 * descriptor in it and frees it.
 */
static void put_files(struct files_struct *files)
{
	int fd;

	if (--files->count > 0)
		return;
	for (fd = 0; fd < NR_OPEN; fd++)
		close_fd(files, fd);
	kfree(files);
}

/* exit: p lets go of its descriptor table (the last user closes all). */
void exit_files(struct task_struct *p)
{
	struct files_struct *files = p->files;

	p->files = NULL;
	if (files)
		put_files(files);
}

/* exit: p lets go of its cwd and umask (the last user frees them). */
void exit_fs(struct task_struct *p)
{
	struct fs_struct *fs = p->fs;

	p->fs = NULL;
	if (fs && --fs->count == 0)
		kfree(fs);
}

/*
 * unshare_files - exec: a table shared with a task outside the caller's
 * (now single-threaded) group becomes current's own copy, so that the
 * close-on-exec that follows does not close the other's descriptors
 * (Linux's unshare_files in execve). 0, or -ENOMEM with nothing changed.
 */
int unshare_files(void)
{
	struct files_struct *files = current->files;
	int err;

	if (files->count == 1)
		return 0;
	err = copy_files(0, current);
	if (err) {
		current->files = files;
		return err;
	}
	put_files(files);
	return 0;
}

/* exec: close the descriptors marked FD_CLOEXEC. */
void do_close_on_exec(struct task_struct *p)
{
	int fd;

	for (fd = 0; fd < NR_OPEN; fd++)
		if (p->files->close_on_exec & (1UL << fd))
			close_fd(p->files, fd);
}
