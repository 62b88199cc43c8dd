/*
 * sysctl.c - /proc/sys/kernel: the shm limits (shmmax, shmall, shmmni),
 * the message-queue ones (msgmax, msgmnb, msgmni) and the semaphore ones
 * (sem: four numbers), read by anyone and written by root as on Linux
 * ("echo 4096 > /proc/sys/kernel/shmmni"). The values belong to ipc/,
 * asked through shm_get_limit/shm_set_limit, msg_get_limit/
 * msg_set_limit and sem_get_limit/sem_set_limits.
 *
 * 1.2.13 had sysctl neither as a call nor in /proc (2.0 added both).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/shm.h>
#include <linux/sem.h>
#include <linux/msg.h>
#include <linux/proc_fs.h>
#include <asm/segment.h>

#define SYSCTL_TEXT_MAX	64	/* kernel.sem's four numbers, blanks */

static const struct file_operations proc_sys_dir_fops;
static const struct file_operations proc_sys_kernel_fops;

static int show_limit(struct proc_buf *pb, enum shm_limit which)
{
	proc_printf(pb, "%lu\n", shm_get_limit(which));
	return 0;
}

/* Between and after the numbers written: blanks, tabs, a newline. */
static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * parse_limits - the n numbers written (decimal, each after optional
 * blanks, the last followed only by blanks or a newline) to v[]: 0,
 * -EFAULT, or -EINVAL for anything else (fewer or more numbers too),
 * as Linux's proc_doulongvec_minmax.
 */
static int parse_limits(const char *buf, int count, unsigned long *v, int n)
{
	char text[SYSCTL_TEXT_MAX];
	int i = 0, k;

	if (count <= 0 || count >= SYSCTL_TEXT_MAX)
		return -EINVAL;
	if (memcpy_fromfs(text, buf, count))
		return -EFAULT;
	for (k = 0; k < n; k++) {
		while (i < count && is_blank(text[i]))
			i++;
		if (i == count || text[i] < '0' || text[i] > '9')
			return -EINVAL;
		for (v[k] = 0; i < count && text[i] >= '0' && text[i] <= '9';
		     i++) {
			if (v[k] > (~0UL - (text[i] - '0')) / 10)
				return -EINVAL;
			v[k] = v[k] * 10 + (text[i] - '0');
		}
	}
	for (; i < count; i++)
		if (!is_blank(text[i]))
			return -EINVAL;
	return 0;
}

/* A write to a shm limit: the bytes taken, or the error. */
static int store_limit(const char *buf, int count, enum shm_limit which)
{
	unsigned long v;
	int err = parse_limits(buf, count, &v, 1);

	if (!err)
		err = shm_set_limit(which, v);
	return err ? err : count;
}

/* A write to a message-queue limit: the bytes taken, or the error. */
static int store_msg_limit(const char *buf, int count, enum msg_limit which)
{
	unsigned long v;
	int err = parse_limits(buf, count, &v, 1);

	if (!err)
		err = msg_set_limit(which, v);
	return err ? err : count;
}

static int shmmax_show(struct proc_buf *pb, struct task_struct *task)
{
	return show_limit(pb, SHM_LIMIT_MAX);
}

static int shmall_show(struct proc_buf *pb, struct task_struct *task)
{
	return show_limit(pb, SHM_LIMIT_ALL);
}

static int shmmni_show(struct proc_buf *pb, struct task_struct *task)
{
	return show_limit(pb, SHM_LIMIT_MNI);
}

static int shmmax_write(const char *buf, int count)
{
	return store_limit(buf, count, SHM_LIMIT_MAX);
}

static int shmall_write(const char *buf, int count)
{
	return store_limit(buf, count, SHM_LIMIT_ALL);
}

static int shmmni_write(const char *buf, int count)
{
	return store_limit(buf, count, SHM_LIMIT_MNI);
}

/* "SEMMSL SEMMNS SEMOPM SEMMNI", tab-separated, as Linux's kernel.sem. */
static int sem_show(struct proc_buf *pb, struct task_struct *task)
{
	proc_printf(pb, "%lu\t%lu\t%lu\t%lu\n", sem_get_limit(SEM_LIMIT_MSL),
		    sem_get_limit(SEM_LIMIT_MNS), sem_get_limit(SEM_LIMIT_OPM),
		    sem_get_limit(SEM_LIMIT_MNI));
	return 0;
}

/* All four at once, in sem_show's order: the bytes taken, or the error. */
static int sem_write(const char *buf, int count)
{
	unsigned long v[NR_SEM_LIMITS];
	int err = parse_limits(buf, count, v, NR_SEM_LIMITS);

	if (!err)
		err = sem_set_limits(v);
	return err ? err : count;
}

static int msgmax_show(struct proc_buf *pb, struct task_struct *task)
{
	proc_printf(pb, "%lu\n", msg_get_limit(MSG_LIMIT_MAX));
	return 0;
}

static int msgmnb_show(struct proc_buf *pb, struct task_struct *task)
{
	proc_printf(pb, "%lu\n", msg_get_limit(MSG_LIMIT_MNB));
	return 0;
}

static int msgmni_show(struct proc_buf *pb, struct task_struct *task)
{
	proc_printf(pb, "%lu\n", msg_get_limit(MSG_LIMIT_MNI));
	return 0;
}

static int msgmax_write(const char *buf, int count)
{
	return store_msg_limit(buf, count, MSG_LIMIT_MAX);
}

static int msgmnb_write(const char *buf, int count)
{
	return store_msg_limit(buf, count, MSG_LIMIT_MNB);
}

static int msgmni_write(const char *buf, int count)
{
	return store_msg_limit(buf, count, MSG_LIMIT_MNI);
}

static const struct proc_dir_entry sys_entries[] = {
	{ PROC_SYS_KERNEL, "kernel", S_IFDIR | 0555, NULL, NULL },
};

static const struct proc_dir_entry sys_kernel_entries[] = {
	{ PROC_SYS_SHMALL, "shmall", S_IFREG | 0644, shmall_show,
	  shmall_write },
	{ PROC_SYS_SHMMAX, "shmmax", S_IFREG | 0644, shmmax_show,
	  shmmax_write },
	{ PROC_SYS_SHMMNI, "shmmni", S_IFREG | 0644, shmmni_show,
	  shmmni_write },
	{ PROC_SYS_SEM, "sem", S_IFREG | 0644, sem_show, sem_write },
	{ PROC_SYS_MSGMAX, "msgmax", S_IFREG | 0644, msgmax_show,
	  msgmax_write },
	{ PROC_SYS_MSGMNB, "msgmnb", S_IFREG | 0644, msgmnb_show,
	  msgmnb_write },
	{ PROC_SYS_MSGMNI, "msgmni", S_IFREG | 0644, msgmni_show,
	  msgmni_write },
};

/* The file behind an inode number under /proc/sys, or NULL. */
const struct proc_dir_entry *proc_sys_entry(unsigned long ino)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sys_kernel_entries); i++)
		if (sys_kernel_entries[i].low_ino == ino)
			return &sys_kernel_entries[i];
	return NULL;
}

/* /proc/sys/kernel (its entry is dir) and the names in it. */
static int sys_kernel_lookup(const struct proc_dir_entry *dir,
			     const char *name, struct inode *inode)
{
	const struct proc_dir_entry *de;

	if (!*name) {
		proc_fill_inode(inode, dir->low_ino, dir);
		inode->i_fop = &proc_sys_kernel_fops;
		return 0;
	}
	de = proc_match(sys_kernel_entries, ARRAY_SIZE(sys_kernel_entries),
			name, strlen(name));
	if (!de)
		return -ENOENT;
	proc_fill_inode(inode, de->low_ino, de);
	return 0;
}

/*
 * proc_sys_lookup - the mount's lookup below /proc/sys (dir is its
 * entry in /proc): name is "" for /proc/sys itself, else "kernel[/...]".
 */
int proc_sys_lookup(const struct proc_dir_entry *dir, const char *name,
		    struct inode *inode)
{
	const char *slash = strchr(name, '/');
	int len = slash ? slash - name : (int)strlen(name);
	const struct proc_dir_entry *de;

	if (!len) {
		proc_fill_inode(inode, dir->low_ino, dir);
		inode->i_fop = &proc_sys_dir_fops;
		return 0;
	}
	de = proc_match(sys_entries, ARRAY_SIZE(sys_entries), name, len);
	if (!de)
		return -ENOENT;
	return sys_kernel_lookup(de, slash ? slash + 1 : "", inode);
}

static int proc_sys_readdir(struct file *file, void *buf, filldir_t filldir)
{
	if (dir_emit_dots(file, buf, filldir, PROC_ROOT_INO))
		proc_readdir_entries(file, buf, filldir, sys_entries,
				     ARRAY_SIZE(sys_entries), 0);
	return 0;
}

static int proc_sys_kernel_readdir(struct file *file, void *buf,
				   filldir_t filldir)
{
	if (dir_emit_dots(file, buf, filldir, PROC_SYS))
		proc_readdir_entries(file, buf, filldir, sys_kernel_entries,
				     ARRAY_SIZE(sys_kernel_entries), 0);
	return 0;
}

static const struct file_operations proc_sys_dir_fops = {
	.read = generic_read_dir,
	.readdir = proc_sys_readdir,
};

static const struct file_operations proc_sys_kernel_fops = {
	.read = generic_read_dir,
	.readdir = proc_sys_kernel_readdir,
};
