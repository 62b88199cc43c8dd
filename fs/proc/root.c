/*
 * root.c - the /proc directory: its fixed files, /proc/sysvipc, the
 * directory of each process, and /proc/self.
 *
 * Nothing here is stored: a lookup reads the name and makes the inode
 * up, its number saying what it is (include/linux/proc_fs.h), and a
 * readdir walks the fixed tables and then the task list.
 *
 * 1.2.13 made /proc/self a symbolic link to the caller's directory. The
 * file layer here has no links, so /proc/self is the caller's
 * directory itself, looked up afresh by whoever names it.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>

#define PROC_DEV	MKDEV(0, 3)
#define PID_NAME_MAX	12	/* a pid in decimal, and its NUL */
#define PID_DIGITS_MAX	9	/* longer names are no pid */

static const struct file_operations proc_root_fops;
static const struct file_operations proc_sysvipc_fops;

static const struct proc_dir_entry root_dir = {
	PROC_ROOT_INO, "", S_IFDIR | 0555, NULL, NULL
};

static const struct proc_dir_entry root_entries[] = {
	{ PROC_CPUINFO, "cpuinfo", S_IFREG | 0444, proc_cpuinfo_show, NULL },
	{ PROC_LOADAVG, "loadavg", S_IFREG | 0444, proc_loadavg_show, NULL },
	{ PROC_MEMINFO, "meminfo", S_IFREG | 0444, proc_meminfo_show, NULL },
	{ PROC_MOUNTS, "mounts", S_IFREG | 0444, proc_mounts_show, NULL },
	{ PROC_SELF, "self", S_IFDIR | 0555, NULL, NULL },
	{ PROC_STAT, "stat", S_IFREG | 0444, proc_stat_show, NULL },
	{ PROC_SWAPS, "swaps", S_IFREG | 0444, proc_swaps_show, NULL },
	{ PROC_SYS, "sys", S_IFDIR | 0555, NULL, NULL },
	{ PROC_SYSVIPC, "sysvipc", S_IFDIR | 0555, NULL, NULL },
	{ PROC_TRACE, "trace", S_IFREG | 0644, proc_trace_show,
	  proc_trace_write },
	{ PROC_UPTIME, "uptime", S_IFREG | 0444, proc_uptime_show, NULL },
};

static const struct proc_dir_entry sysvipc_entries[] = {
	{ PROC_SYSVIPC_SHM, "shm", S_IFREG | 0444, sysvipc_shm_proc_show,
	  NULL },
	{ PROC_SYSVIPC_SEM, "sem", S_IFREG | 0444, sysvipc_sem_proc_show,
	  NULL },
	{ PROC_SYSVIPC_MSG, "msg", S_IFREG | 0444, sysvipc_msg_proc_show,
	  NULL },
};

/* Readdir of /proc: the fixed entries take these f_pos, pids follow. */
#define FIRST_PID_POS	(2 + (loff_t)ARRAY_SIZE(root_entries))

/* The entry called name[0..len) in table, or NULL. */
const struct proc_dir_entry *proc_match(const struct proc_dir_entry *table,
					int n, const char *name, int len)
{
	int i;

	for (i = 0; i < n; i++)
		if ((int)strlen(table[i].name) == len &&
		    !strncmp(table[i].name, name, len))
			return &table[i];
	return NULL;
}

static const struct proc_dir_entry *
match_ino(const struct proc_dir_entry *table, int n, unsigned int low_ino)
{
	int i;

	for (i = 0; i < n; i++)
		if (table[i].low_ino == low_ino)
			return &table[i];
	return NULL;
}

/* The entry behind an inode number: how an open file finds its show. */
const struct proc_dir_entry *proc_find_entry(unsigned long ino)
{
	const struct proc_dir_entry *de;

	if (proc_ino_pid(ino))
		return proc_pid_entry(ino & PROC_INO_MASK);
	de = match_ino(root_entries, ARRAY_SIZE(root_entries), ino);
	if (!de)
		de = match_ino(sysvipc_entries, ARRAY_SIZE(sysvipc_entries),
			       ino);
	if (!de)
		de = proc_sys_entry(ino);
	return de;
}

/*
 * What every /proc inode has. Files get proc_file_fops; a directory's
 * caller sets its own readdir. Owned by root unless the caller says.
 */
void proc_fill_inode(struct inode *inode, unsigned long ino,
		     const struct proc_dir_entry *de)
{
	inode->i_dev = PROC_DEV;
	inode->i_ino = ino;
	inode->i_mode = de->mode;
	inode->i_nlink = S_ISDIR(de->mode) ? 2 : 1;
	inode->i_mtime = CURRENT_TIME;
	if (!S_ISDIR(de->mode))
		inode->i_fop = &proc_file_fops;
}

/* "123" -> 123; 0 for anything else ("0123", "12x", "self"). */
static pid_t parse_pid(const char *name, int len)
{
	pid_t pid = 0;
	int i;

	if (len == 0 || len > PID_DIGITS_MAX || name[0] == '0')
		return 0;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return 0;
		pid = pid * 10 + (name[i] - '0');
	}
	return pid;
}

/* /proc/sysvipc (its entry is dir) and the names in it. */
static int sysvipc_lookup(const struct proc_dir_entry *dir, const char *name,
			  struct inode *inode)
{
	const struct proc_dir_entry *de;

	if (!*name) {
		proc_fill_inode(inode, dir->low_ino, dir);
		inode->i_fop = &proc_sysvipc_fops;
		return 0;
	}
	de = proc_match(sysvipc_entries, ARRAY_SIZE(sysvipc_entries), name,
			strlen(name));
	if (!de)
		return -ENOENT;
	proc_fill_inode(inode, de->low_ino, de);
	return 0;
}

/*
 * The mount's lookup (fs/namei.c): name is below /proc, "" for /proc
 * itself. The first component picks a process directory ("123",
 * "self") or a fixed entry; the rest is looked up inside that.
 */
int proc_lookup(const char *name, struct inode *inode)
{
	const char *slash = strchr(name, '/');
	int len = slash ? slash - name : (int)strlen(name);
	const char *rest = slash ? slash + 1 : "";
	const struct proc_dir_entry *de;
	struct task_struct *task;
	pid_t pid;

	if (!len) {
		proc_fill_inode(inode, PROC_ROOT_INO, &root_dir);
		inode->i_fop = &proc_root_fops;
		return 0;
	}
	pid = parse_pid(name, len);
	if (pid || (len == 4 && !strncmp(name, "self", 4))) {
		task = pid ? find_task_by_pid(pid) : current;
		if (!task || !task->pid)	/* the idle task has none */
			return -ENOENT;
		return proc_pid_lookup(task, rest, inode);
	}
	de = proc_match(root_entries, ARRAY_SIZE(root_entries), name, len);
	if (!de)
		return -ENOENT;
	if (de->low_ino == PROC_SYSVIPC)
		return sysvipc_lookup(de, rest, inode);
	if (de->low_ino == PROC_SYS)
		return proc_sys_lookup(de, rest, inode);
	if (*rest)
		return -ENOTDIR;
	proc_fill_inode(inode, de->low_ino, de);
	return 0;
}

/*
 * Emit the entries of a fixed table, the first at f_pos 2 (after the
 * dots). pid is the process of a /proc/<pid> table, else 0. Returns 0
 * if the buffer filled up first.
 */
int proc_readdir_entries(struct file *file, void *buf, filldir_t filldir,
			 const struct proc_dir_entry *table, int n, pid_t pid)
{
	const struct proc_dir_entry *de;
	unsigned long ino;
	int i;

	/* lseek may have left any f_pos >= 2: compare before narrowing */
	if (file->f_pos - 2 >= n)
		return 1;
	for (i = file->f_pos - 2; i < n; i++) {
		de = &table[i];
		ino = proc_ino(pid, de->low_ino);
		if (de->low_ino == PROC_SELF && !pid)
			ino = proc_ino(current->pid, PROC_PID_INO);
		if (filldir(buf, de->name, strlen(de->name), i + 3, ino,
			    IFTODT(de->mode)))
			return 0;
		file->f_pos = i + 3;
	}
	return 1;
}

/*
 * The smallest pid >= from among the processes, or 0 if none is. Only
 * group leaders are listed, as in Linux; a thread's /proc/<tid> can
 * still be looked up by name.
 */
static pid_t next_pid(loff_t from)
{
	struct task_struct *p;
	pid_t best = 0;

	for_each_task(p)
		if (thread_group_leader(p) && p->pid >= from &&
		    (!best || p->pid < best))
			best = p->pid;
	return best;
}

/*
 * The processes come after the fixed entries, in pid order: f_pos is
 * FIRST_PID_POS + the pid to start from, so a process that exits
 * between two getdents calls does not make the next one skip or repeat.
 */
static int proc_root_readdir(struct file *file, void *buf, filldir_t filldir)
{
	char name[PID_NAME_MAX];
	struct inode root;
	pid_t pid;
	int len;

	lookup_inode("/", &root);
	if (!dir_emit_dots(file, buf, filldir, root.i_ino))
		return 0;
	if (!proc_readdir_entries(file, buf, filldir, root_entries,
				  ARRAY_SIZE(root_entries), 0))
		return 0;
	while ((pid = next_pid(file->f_pos - FIRST_PID_POS)) != 0) {
		len = snprintf(name, sizeof(name), "%d", pid);
		if (filldir(buf, name, len, FIRST_PID_POS + pid + 1,
			    proc_ino(pid, PROC_PID_INO), DT_DIR))
			return 0;
		file->f_pos = FIRST_PID_POS + pid + 1;
	}
	return 0;
}

static int proc_sysvipc_readdir(struct file *file, void *buf,
				filldir_t filldir)
{
	if (dir_emit_dots(file, buf, filldir, PROC_ROOT_INO))
		proc_readdir_entries(file, buf, filldir, sysvipc_entries,
				     ARRAY_SIZE(sysvipc_entries), 0);
	return 0;
}

static const struct file_operations proc_root_fops = {
	.read = generic_read_dir,
	.readdir = proc_root_readdir,
};

static const struct file_operations proc_sysvipc_fops = {
	.read = generic_read_dir,
	.readdir = proc_sysvipc_readdir,
};
