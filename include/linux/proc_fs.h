#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

/*
 * The proc filesystem, mounted at /proc (fs/namei.c's table): files
 * whose text the kernel writes when they are opened, so that ps, free,
 * pmap and a curious reader can see processes, memory and shm segments.
 *
 *   /proc                    fs/proc/root.c
 *   /proc/meminfo            fs/proc/meminfo.c
 *   /proc/uptime             fs/proc/uptime.c
 *   /proc/trace              fs/proc/trace.c (also written: trace_mask)
 *   /proc/sysvipc/shm        ipc/shmctl.c (ipc/ keeps its segments)
 *   /proc/stat, loadavg, mounts, cpuinfo   fs/proc/system.c
 *   /proc/sys/kernel/shm*    fs/proc/sysctl.c (root may write them)
 *   /proc/sys/kernel/sem, msgmax, msgmnb, msgmni   fs/proc/sysctl.c
 *   /proc/sysvipc/sem, msg   ipc/sem.c, ipc/msg.c
 *   /proc/self               the directory of whoever looks
 *   /proc/<pid>              fs/proc/base.c
 *   /proc/<pid>/maps         fs/proc/maps.c
 *   /proc/<pid>/exe          fs/proc/base.c (a link: the program's path)
 *   /proc/<pid>/status, stat, cmdline   fs/proc/array.c
 *
 * An open generates the whole text into a kmalloc'd buffer (fs/proc/
 * generic.c); read and lseek serve it from there, release frees it.
 * 1.2.13 generated one page afresh on every read instead.
 */
#include <linux/types.h>
#include <linux/fs.h>

struct task_struct;
struct shmid_ds;

/*
 * Inode numbers, 1.2.13's scheme: a /proc/<pid> entry is
 * pid << PROC_PID_SHIFT | PROC_PID_*, everything else has pid 0.
 */
#define PROC_PID_SHIFT	16
#define PROC_INO_MASK	((1UL << PROC_PID_SHIFT) - 1)
#define proc_ino(pid, low) \
	(((unsigned long)(pid) << PROC_PID_SHIFT) | (low))
#define proc_ino_pid(ino)	((pid_t)((ino) >> PROC_PID_SHIFT))

enum root_directory_inos {
	PROC_ROOT_INO = 1,
	PROC_MEMINFO,
	PROC_UPTIME,
	PROC_TRACE,
	PROC_SELF,
	PROC_SYSVIPC,
	PROC_SYSVIPC_SHM,
	PROC_CPUINFO,
	PROC_LOADAVG,
	PROC_MOUNTS,
	PROC_STAT,
	PROC_SYS,
	PROC_SYS_KERNEL,
	PROC_SYS_SHMALL,
	PROC_SYS_SHMMAX,
	PROC_SYS_SHMMNI,
	PROC_SYS_SEM,
	PROC_SYS_MSGMAX,
	PROC_SYS_MSGMNB,
	PROC_SYS_MSGMNI,
	PROC_SYSVIPC_SEM,
	PROC_SYSVIPC_MSG,
	PROC_SWAPS,
};

enum pid_directory_inos {
	PROC_PID_INO = 2,
	PROC_PID_STATUS,
	PROC_PID_STAT,
	PROC_PID_MAPS,
	PROC_PID_CMDLINE,
	PROC_PID_EXE,
	PROC_PID_TASK,
};

/*
 * A file's text while it is being written. len counts every byte the
 * text needs, also those that did not fit: when len >= size the opener
 * throws the text away and tries again with a bigger buffer.
 */
struct proc_buf {
	char *buf;
	int size;
	int len;
};

void proc_printf(struct proc_buf *pb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void proc_put(struct proc_buf *pb, const char *data, int n);

/* The kernel's printf has no %o: proc_octal writes v in octal into buf. */
#define PROC_OCTAL_MAX	12	/* 037777777777 and its NUL */
const char *proc_octal(char *buf, unsigned long v);

/*
 * One name in a /proc directory. A file has show, which writes its
 * text (task is the process of a /proc/<pid> file, else NULL), and may
 * have write, for files that set something.
 */
struct proc_dir_entry {
	unsigned short low_ino;
	const char *name;
	mode_t mode;
	int (*show)(struct proc_buf *pb, struct task_struct *task);
	int (*write)(const char *buf, int count);	/* a user pointer */
};

/* fs/proc/root.c: the mount's lookup, and what the directories share */
int proc_lookup(const char *name, struct inode *inode);
const struct proc_dir_entry *proc_find_entry(unsigned long ino);
const struct proc_dir_entry *proc_match(const struct proc_dir_entry *table,
					int n, const char *name, int len);
void proc_fill_inode(struct inode *inode, unsigned long ino,
		     const struct proc_dir_entry *de);
int proc_readdir_entries(struct file *file, void *buf, filldir_t filldir,
			 const struct proc_dir_entry *table, int n, pid_t pid);

/* fs/proc/sysctl.c: /proc/sys */
int proc_sys_lookup(const struct proc_dir_entry *dir, const char *name,
		    struct inode *inode);
const struct proc_dir_entry *proc_sys_entry(unsigned long ino);

/* fs/proc/base.c: /proc/<pid> */
int proc_pid_lookup(struct task_struct *task, const char *name,
		    struct inode *inode);
const struct proc_dir_entry *proc_pid_entry(unsigned int low_ino);

/* fs/proc/generic.c: the operations of every /proc file */
extern const struct file_operations proc_file_fops;

/* The files' texts. */
int proc_meminfo_show(struct proc_buf *pb, struct task_struct *task);
int proc_swaps_show(struct proc_buf *pb, struct task_struct *task);
int proc_uptime_show(struct proc_buf *pb, struct task_struct *task);
int proc_stat_show(struct proc_buf *pb, struct task_struct *task);
int proc_loadavg_show(struct proc_buf *pb, struct task_struct *task);
int proc_mounts_show(struct proc_buf *pb, struct task_struct *task);
int proc_cpuinfo_show(struct proc_buf *pb, struct task_struct *task);
int proc_trace_show(struct proc_buf *pb, struct task_struct *task);
int proc_trace_write(const char *buf, int count);
int sysvipc_shm_proc_show(struct proc_buf *pb, struct task_struct *task);
int sysvipc_sem_proc_show(struct proc_buf *pb, struct task_struct *task);
int sysvipc_msg_proc_show(struct proc_buf *pb, struct task_struct *task);
int proc_pid_maps_show(struct proc_buf *pb, struct task_struct *task);
int proc_pid_status_show(struct proc_buf *pb, struct task_struct *task);
int proc_pid_stat_show(struct proc_buf *pb, struct task_struct *task);
int proc_pid_cmdline_show(struct proc_buf *pb, struct task_struct *task);

#endif
