/*
 * base.c - /proc/<pid>: one directory per process, with the files that
 * describe it. The texts are written by fs/proc/array.c (status, stat,
 * cmdline) and fs/proc/maps.c (maps). /proc/<pid>/task/<tid> is the
 * same directory for each thread of the group.
 *
 * The directory and its files belong to the process's effective user,
 * as in Linux; everyone may read them.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>

static const struct file_operations proc_pid_dir_fops;
static const struct file_operations proc_task_dir_fops;

#define TID_DIGITS_MAX	9	/* longer names are no tid */
#define TID_NAME_MAX	12	/* a tid in decimal, and its NUL */
#define FIRST_TID_POS	2	/* after the dots */

static const struct proc_dir_entry pid_dir = {
	PROC_PID_INO, "", S_IFDIR | 0555, NULL, NULL
};

static const struct proc_dir_entry pid_entries[] = {
	{ PROC_PID_CMDLINE, "cmdline", S_IFREG | 0444, proc_pid_cmdline_show,
	  NULL },
	{ PROC_PID_EXE, "exe", S_IFLNK | 0777, NULL, NULL },
	{ PROC_PID_MAPS, "maps", S_IFREG | 0444, proc_pid_maps_show, NULL },
	{ PROC_PID_STAT, "stat", S_IFREG | 0444, proc_pid_stat_show, NULL },
	{ PROC_PID_STATUS, "status", S_IFREG | 0444, proc_pid_status_show,
	  NULL },
	{ PROC_PID_TASK, "task", S_IFDIR | 0555, NULL, NULL },
};

/* The file of a /proc/<pid> inode, by the low bits of its number. */
const struct proc_dir_entry *proc_pid_entry(unsigned int low_ino)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pid_entries); i++)
		if (pid_entries[i].low_ino == low_ino)
			return &pid_entries[i];
	return NULL;
}

static void fill_pid_inode(struct task_struct *task,
			   const struct proc_dir_entry *de,
			   struct inode *inode)
{
	proc_fill_inode(inode, proc_ino(task->pid, de->low_ino), de);
	inode->i_uid = task->euid;
	inode->i_gid = task->egid;
	inode->i_mtime = startup_time + task->start_time / HZ;
}

/*
 * /proc/<pid>/exe, a symbolic link to the program the task runs: its
 * target is the path exec kept (task->exe), which lives as long as the
 * task. A task that never ran a program (the kernel's) has none: ENOENT.
 */
static int proc_exe_link(struct task_struct *task, struct inode *inode)
{
	if (!task->exe[0])
		return -ENOENT;
	inode->i_data = task->exe;
	inode->i_size = strlen(task->exe);
	return 0;
}

/*
 * "<tid>/rest" inside /proc/<pid>/task ("" for task itself): a thread of
 * task's group, whose directory is its /proc/<tid>. ENOENT for a tid of
 * another group.
 */
static int proc_task_lookup(struct task_struct *task, const char *name,
			    struct inode *inode)
{
	struct task_struct *t;
	pid_t tid = 0;
	int n;

	if (!*name) {
		fill_pid_inode(task->group_leader,
			       proc_pid_entry(PROC_PID_TASK), inode);
		inode->i_fop = &proc_task_dir_fops;
		return 0;
	}
	for (n = 0; name[n] >= '0' && name[n] <= '9'; n++)
		tid = tid * 10 + (name[n] - '0');
	if (!n || n > TID_DIGITS_MAX || name[0] == '0' ||
	    (name[n] && name[n] != '/'))
		return -ENOENT;
	t = find_task_by_pid(tid);
	if (!t || t->tgid != task->tgid)
		return -ENOENT;
	return proc_pid_lookup(t, name[n] ? name + n + 1 : "", inode);
}

/* name inside task's directory, "" for the directory itself. */
int proc_pid_lookup(struct task_struct *task, const char *name,
		    struct inode *inode)
{
	const struct proc_dir_entry *de;

	if (!strncmp(name, "task", 4) && (!name[4] || name[4] == '/'))
		return proc_task_lookup(task, name[4] ? name + 5 : "", inode);
	if (!*name) {
		fill_pid_inode(task, &pid_dir, inode);
		inode->i_fop = &proc_pid_dir_fops;
		return 0;
	}
	de = proc_match(pid_entries, ARRAY_SIZE(pid_entries), name,
			strlen(name));
	if (!de)
		return -ENOENT;
	fill_pid_inode(task, de, inode);
	if (de->low_ino == PROC_PID_EXE)
		return proc_exe_link(task, inode);
	return 0;
}

/* A process that has gone since the directory was opened lists empty. */
static int proc_pid_readdir(struct file *file, void *buf, filldir_t filldir)
{
	pid_t pid = proc_ino_pid(file->f_inode.i_ino);

	if (!dir_emit_dots(file, buf, filldir, PROC_ROOT_INO))
		return 0;
	if (find_task_by_pid(pid))
		proc_readdir_entries(file, buf, filldir, pid_entries,
				     ARRAY_SIZE(pid_entries), pid);
	return 0;
}

static const struct file_operations proc_pid_dir_fops = {
	.read = generic_read_dir,
	.readdir = proc_pid_readdir,
};

/* The smallest tid >= from among the tasks of group tgid, or 0. */
static pid_t next_tid(pid_t tgid, loff_t from)
{
	struct task_struct *p;
	pid_t best = 0;

	for_each_task(p)
		if (p->tgid == tgid && p->pid >= from &&
		    (!best || p->pid < best))
			best = p->pid;
	return best;
}

/*
 * /proc/<pid>/task: a directory per thread, in tid order; f_pos is
 * FIRST_TID_POS + the tid to start from, as the root's pids are.
 */
static int proc_task_readdir(struct file *file, void *buf, filldir_t filldir)
{
	pid_t tgid = proc_ino_pid(file->f_inode.i_ino), tid;
	char name[TID_NAME_MAX];
	int len;

	if (!dir_emit_dots(file, buf, filldir, proc_ino(tgid, PROC_PID_INO)))
		return 0;
	while ((tid = next_tid(tgid, file->f_pos - FIRST_TID_POS)) != 0) {
		len = snprintf(name, sizeof(name), "%d", tid);
		if (filldir(buf, name, len, FIRST_TID_POS + tid + 1,
			    proc_ino(tid, PROC_PID_INO), DT_DIR))
			return 0;
		file->f_pos = FIRST_TID_POS + tid + 1;
	}
	return 0;
}

static const struct file_operations proc_task_dir_fops = {
	.read = generic_read_dir,
	.readdir = proc_task_readdir,
};
