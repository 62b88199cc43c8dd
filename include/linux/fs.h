#ifndef _LINUX_FS_H
#define _LINUX_FS_H

/*
 * The file layer: open files, the operations behind them, path lookup
 * and the system calls on file descriptors.
 *
 *   fd --> current->files->fd[fd] --> struct file --> f_op (tty, pipe, ...)
 *                                   |
 *                                   +-- f_inode: what stat shows
 *
 * The name space is a writable in-memory filesystem at "/" (the
 * initramfs unpacked into it at boot, as Linux's rootfs), with a few
 * small filesystems mounted over directory prefixes ("/tmp", "/dev");
 * see fs/namei.c and fs/ramfs.c.
 */
#include <linux/types.h>
#include <linux/stat.h>

#define NR_FILE		256	/* open files in the whole system */
#define PATH_MAX	4096	/* a path from user space, NUL included */
#define NAME_MAX	255	/* one component of a path */
#define PROC_PREFIX	"/proc/"	/* the process files */
#define MAX_RW_COUNT	0x7ffff000 /* the most one read or write moves */

/* Device numbers (1.2.13's 8-bit major and minor). */
#define MAJOR(dev)	((dev) >> 8)
#define MINOR(dev)	((dev) & 0xff)
#define MKDEV(ma, mi)	(((ma) << 8) | (mi))

#define MEM_MAJOR	1	/* /dev/null is 1,3 */
#define TTYAUX_MAJOR	5	/* /dev/tty is 5,0, /dev/console 5,1 */
#define MAX_CHRDEV	8

/* f_mode: what this open file was opened for */
#define FMODE_READ	1
#define FMODE_WRITE	2

/* permission()'s mask: the rwx bits of a mode */
#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4

/* i_flags: copied from the filesystem the inode came from */
#define MS_RDONLY	1
#define IS_RDONLY(inode) ((inode)->i_flags & MS_RDONLY)

typedef long long loff_t;

/* One piece of a readv/writev buffer. */
struct iovec {
	void *iov_base;
	size_t iov_len;
};
#define UIO_MAXIOV	1024

struct file;
struct task_struct;
struct pipe_inode_info;
struct poll_table_struct;
struct inode_operations;
struct vm_area_struct;
struct address_space;

/*
 * What is known about a file: the fields stat shows, and where its
 * operations and contents are.
 *
 * Departure from 1.2.13: there is no inode cache. A lookup fills a
 * struct inode and each open file keeps its own copy (file->f_inode);
 * what open files must share lives behind it: a pipe's buffer at
 * i_pipe, a ramfs file's node at generic_ip (i_op->read_inode brings a
 * copy up to date, i_op->notify_change writes a changed one back).
 */
struct inode {
	unsigned short i_dev;	/* the filesystem: st_dev */
	unsigned short i_rdev;	/* a device file's MKDEV(major, minor) */
	unsigned long i_ino;
	mode_t i_mode;
	unsigned short i_nlink;
	unsigned short i_flags;	/* MS_RDONLY */
	uid_t i_uid;
	gid_t i_gid;
	unsigned long i_size;
	time_t i_mtime;
	const char *i_data;	/* a symbolic link's target (i_size bytes) */
	struct pipe_inode_info *i_pipe;
	const struct file_operations *i_fop;	/* what an open gets */
	const struct inode_operations *i_op;	/* NULL: cannot change */
	void *generic_ip;	/* the filesystem's own node */
	struct address_space *i_mapping; /* its pages: the node's, shared */
};

/*
 * What a writable filesystem does to names and inodes (1.2.13's
 * inode_operations, less what Lintel does not need). dir is a directory
 * of this filesystem, name[0..len) one component; the caller has
 * checked permissions and that the name is (or is not) there.
 */
struct kstatfs;
struct inode_operations {
	int (*create)(struct inode *dir, const char *name, int len, int mode,
		      struct inode *result);
	int (*link)(struct inode *old, struct inode *dir, const char *name,
		    int len);
	int (*unlink)(struct inode *dir, const char *name, int len);
	int (*symlink)(struct inode *dir, const char *name, int len,
		       const char *target);
	int (*mkdir)(struct inode *dir, const char *name, int len, int mode);
	int (*mknod)(struct inode *dir, const char *name, int len, int mode,
		     int rdev);
	int (*rmdir)(struct inode *dir, const char *name, int len);
	int (*rename)(struct inode *old_dir, const char *old_name, int old_len,
		      struct inode *new_dir, const char *new_name, int new_len);
	int (*truncate)(struct inode *inode, loff_t length);
	/*
	 * Fill page (zeroed, not yet in the cache) with the bytes at
	 * offset and charge it to the filesystem: 0, or -ENOSPC past the
	 * mount's limit (1.3's readpage, which also read the disk).
	 */
	int (*readpage)(struct inode *inode, unsigned long page,
			unsigned long offset);
	void (*read_inode)(struct inode *inode);
	void (*notify_change)(const struct inode *inode);
	void (*statfs)(const struct inode *inode, struct kstatfs *buf);
};

/* What statfs reports, before it is cut to one of the user layouts. */
struct kstatfs {
	unsigned long f_type, f_bsize, f_namelen;
	unsigned long long f_blocks, f_bfree, f_files, f_ffree;
};

/*
 * readdir hands each entry to a filldir function, which formats it for
 * getdents or getdents64 and returns nonzero when the user's buffer is
 * full; pos is the f_pos that comes after this entry. type is a DT_*.
 */
typedef int (*filldir_t)(void *buf, const char *name, int namelen,
			 loff_t pos, unsigned long ino, unsigned int type);

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_REG		8
#define DT_LNK		10
#define IFTODT(mode)	(((mode) & S_IFMT) >> 12)

/*
 * What an open file can do. 1.2.13 passed (inode, file); the inode is
 * inside the file here, so the file alone is passed. buf is a user
 * pointer the syscall has already checked with verify_area; a NULL
 * operation means "not supported" (see each syscall for its errno).
 */
struct file_operations {
	loff_t (*lseek)(struct file *file, loff_t offset, int whence);
	int (*read)(struct file *file, char *buf, int count);
	int (*write)(struct file *file, const char *buf, int count);
	int (*readdir)(struct file *file, void *buf, filldir_t filldir);
	int (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*open)(struct file *file);
	void (*release)(struct file *file);
	/* POLLIN, POLLOUT, ... now; poll_wait(queue, p) for the change */
	unsigned int (*poll)(struct file *file, struct poll_table_struct *p);
	/* set up vma to map the file (1.2.13's mmap): 0 or -errno */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

/*
 * An open file, shared by every descriptor that dup or fork made from
 * the one open() returned (f_count counts them).
 */
struct file {
	unsigned short f_mode;	/* FMODE_READ | FMODE_WRITE */
	unsigned short f_count;	/* 0: a free slot of file_table */
	unsigned int f_flags;	/* O_* as given to open, less O_CREAT & co */
	loff_t f_pos;
	const struct file_operations *f_op;
	struct inode f_inode;
	char *f_path;		/* normalised absolute path (kmalloc'd), or
				 * NULL for a pipe */
	void *private_data;	/* the tty of a terminal */
	unsigned char f_lock;	/* flock held: 0, LOCK_SH or LOCK_EX */
};

/*
 * A filesystem mounted over a directory prefix (fs/namei.c keeps the
 * table). lookup fills *inode for a name below the mount point, given
 * without a leading slash ("" is the mount point itself).
 */
struct vfsmount {
	const char *mnt_dirname;	/* "/" or "/dev": no trailing slash */
	int (*lookup)(const char *name, struct inode *inode);
	const char *mnt_devname, *mnt_type;	/* for /proc/mounts */
};

const struct vfsmount *get_mount(unsigned int i);	/* fs/namei.c */

/* fs/file_table.c */
extern struct file file_table[NR_FILE];
struct file *get_empty_filp(void);

/* fs/open.c: descriptors and open files */
struct file *fget(unsigned int fd);
unsigned int nofile_limit(void);
int get_unused_fd(unsigned int from);
void fd_install(unsigned int fd, struct file *file, int cloexec);
void set_close_on_exec(unsigned int fd, int on);
int close_fp(struct file *file);
int do_open(const char *path, int flags, int mode, struct file **filp);
int dentry_open(const char *path, const struct inode *inode, int flags,
		struct file **filp);
int get_write_access(const struct inode *inode);
void put_write_access(const struct inode *inode);
int deny_write_access(const struct inode *inode);
void allow_write_access(const struct inode *inode);
int open_console(void);
int copy_files(unsigned long clone_flags, struct task_struct *p);
int copy_fs(unsigned long clone_flags, struct task_struct *p);
void exit_files(struct task_struct *p);
void exit_fs(struct task_struct *p);
int unshare_files(void);
void do_close_on_exec(struct task_struct *p);

/* fs/namei.c: paths */
#define MAX_LINKS	40	/* Linux's MAXSYMLINKS; 1.2.13 stopped at 5 */

/*
 * A path walk in progress (normalize_path). out[0..len) is the normal
 * absolute path so far, never holding a link; step vets the last name
 * added (see walk_path) and may hand back a link's target to follow.
 */
struct nameidata {
	char *out;
	int size, len;
	int follow;		/* a link in the last component too */
	int links;		/* followed so far */
	char *buf;		/* PATH_MAX bytes: a target and the rest */
	int (*step)(struct nameidata *nd, int last, const char **target,
		    int *tlen);
};

int getname(const char *user_path, char **kernel_path);
void putname(char *kernel_path);
int normalize_path(const char *cwd, const char *path, struct nameidata *nd);
int resolve_path(const char *path, char *out, int size);
int resolve_path_at(const char *dir, const char *path, char *out, int size,
		    int follow);
int at_path(int dfd, const char *user_path, int follow, char **path);
int lnamei(const char *filename, struct inode *inode);
int get_path(const char *user_path, char **path);
int lookup_inode(const char *path, struct inode *inode);
int namei(const char *filename, struct inode *inode);
int permission(const struct inode *inode, int mask, uid_t uid, gid_t gid);

/* fs/read_write.c */
int fsize_exceeded(void);
loff_t default_lseek(struct file *file, loff_t offset, int whence);
loff_t no_lseek(struct file *file, loff_t offset, int whence);
int generic_read_dir(struct file *file, char *buf, int count);

/* fs/readdir.c */
int dir_emit_dots(struct file *file, void *buf, filldir_t filldir,
		  unsigned long parent_ino);

int dir_namei(const char *path, struct inode *dir, const char **name);
int lookup_parent_inode(const char *path, struct inode *inode);

/* fs/ramfs.c: the root, /tmp and /dev/shm */
struct cpio_entry;
int rootfs_lookup(const char *name, struct inode *inode);
int tmpfs_lookup(const char *name, struct inode *inode);
int shmfs_lookup(const char *name, struct inode *inode);
int rootfs_add_member(const struct cpio_entry *e);
void ramfs_init(void);
void refresh_inode(struct inode *inode);

/* fs/devices.c: /dev and the character devices behind it */
int devfs_lookup(const char *name, struct inode *inode);
void init_special_inode(struct inode *inode, mode_t mode,
			unsigned short rdev);
int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops);
extern const struct file_operations chrdev_fops;

/* fs/pipe.c and fs/fifo.c */
int do_pipe(int *fd, int flags);
extern const struct file_operations def_fifo_fops;

/* drivers/char/tty.c */
void tty_init(void);
extern const struct file_operations tty_fops;

/* The system calls (kernel/syscall.c's table), Linux i386 numbers. */
long sys_read(unsigned int fd, char *buf, unsigned long count);	/* 3 */
long sys_write(unsigned int fd, const char *buf, unsigned long count);
long sys_open(const char *filename, int flags, int mode);	/* 5 */
long sys_close(unsigned int fd);				/* 6 */
long sys_chdir(const char *filename);				/* 12 */
long sys_lseek(unsigned int fd, long offset, unsigned int whence); /* 19 */
long sys_access(const char *filename, int mode);		/* 33 */
long sys_dup(unsigned int fildes);				/* 41 */
long sys_pipe(int *fildes);					/* 42 */
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_umask(int mask);					/* 60 */
long sys_dup2(unsigned int oldfd, unsigned int newfd);		/* 63 */
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags); /* 330 */
long sys_stat(const char *filename, struct new_stat *statbuf);	/* 106 */
long sys_lstat(const char *filename, struct new_stat *statbuf);	/* 107 */
long sys_fstat(unsigned int fd, struct new_stat *statbuf);	/* 108 */
long sys_fchdir(unsigned int fd);				/* 133 */
long sys_llseek(unsigned int fd, unsigned long offset_high,	/* 140 */
		unsigned long offset_low, loff_t *result,
		unsigned int whence);
long sys_getdents(unsigned int fd, void *dirent, unsigned int count);
long sys_readv(unsigned long fd, const struct iovec *vec,	/* 145 */
	       unsigned long vlen);
long sys_writev(unsigned long fd, const struct iovec *vec,	/* 146 */
		unsigned long vlen);
long sys_getcwd(char *buf, unsigned long size);			/* 183 */
long sys_stat64(const char *filename, struct stat64 *statbuf);	/* 195 */
long sys_lstat64(const char *filename, struct stat64 *statbuf);	/* 196 */
long sys_fstat64(unsigned long fd, struct stat64 *statbuf);	/* 197 */
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);
long sys_pipe2(int *fildes, int flags);				/* 331 */
long sys_openat(int dfd, const char *filename, int flags, int mode); /* 295 */
long sys_mkdirat(int dfd, const char *pathname, int mode);	/* 296 */
long sys_fstatat64(int dfd, const char *filename,		/* 300 */
		   struct stat64 *statbuf, int flags);
long sys_unlinkat(int dfd, const char *pathname, int flags);	/* 301 */
long sys_readlinkat(int dfd, const char *filename, char *buf,	/* 305 */
		    int bufsiz);
long sys_faccessat(int dfd, const char *filename, int mode);	/* 307 */
long sys_faccessat2(int dfd, const char *filename, int mode,	/* 439 */
		    int flags);
int stat_at(int dfd, const char *filename, int flags, struct inode *inode);
long sys_statx(int dfd, const char *filename, unsigned int flags, /* 383 */
	       unsigned int mask, struct statx *buffer);
long sys_readlink(const char *filename, char *buf, int bufsiz);	/* 85 */
struct pollfd;
struct timeval;
struct sel_arg_struct;
long sys_poll(struct pollfd *ufds, unsigned int nfds, int timeout);
long sys_select(int n, unsigned long *inp, unsigned long *outp,	/* 142 */
		unsigned long *exp, struct timeval *tvp);
long sys_old_select(struct sel_arg_struct *arg);		/* 82 */
struct timespec;
struct __kernel_timespec;
struct sigset_argpack;
long sys_pselect6(int n, unsigned long *inp, unsigned long *outp,	/* 308 */
		  unsigned long *exp, struct timespec *tsp,
		  const struct sigset_argpack *sig);
long sys_pselect6_time64(int n, unsigned long *inp,		/* 413 */
			 unsigned long *outp, unsigned long *exp,
			 struct __kernel_timespec *tsp,
			 const struct sigset_argpack *sig);
/* fs/dirops.c and fs/attr.c: changing names and inodes */
struct statfs;
struct statfs64;
long sys_link(const char *oldname, const char *newname);	/* 9 */
long sys_unlink(const char *pathname);				/* 10 */
long sys_mknod(const char *filename, int mode, unsigned int dev); /* 14 */
long sys_chmod(const char *filename, mode_t mode);		/* 15 */
long sys_rename(const char *oldname, const char *newname);	/* 38 */
long sys_mkdir(const char *pathname, int mode);			/* 39 */
long sys_rmdir(const char *pathname);				/* 40 */
long sys_symlink(const char *oldname, const char *newname);	/* 83 */
long sys_truncate(const char *path, long length);		/* 92 */
long sys_ftruncate(unsigned int fd, long length);		/* 93 */
long sys_fchmod(unsigned int fd, mode_t mode);			/* 94 */
long sys_statfs(const char *path, struct statfs *buf);		/* 99 */
long sys_fstatfs(unsigned int fd, struct statfs *buf);		/* 100 */
long sys_fsync(unsigned int fd);				/* 118 */
long sys_fdatasync(unsigned int fd);				/* 148 */
long sys_creat(const char *pathname, int mode);			/* 8 */
long sys_sync(void);						/* 36 */
long sys_syncfs(int fd);					/* 344 */
struct utimbuf;
long sys_utime(const char *filename,				/* 30 */
	       const struct utimbuf *times);
/* fs/locks.c: flock */
long sys_flock(unsigned int fd, unsigned int operation);	/* 143 */
void locks_remove_flock(struct file *filp);
long sys_truncate64(const char *path, unsigned long lo,		/* 193 */
		    unsigned long hi);
long sys_ftruncate64(unsigned int fd, unsigned long lo,		/* 194 */
		     unsigned long hi);
long sys_lchown(const char *filename, uid_t user, gid_t group);	/* 198 */
long sys_fchown(unsigned int fd, uid_t user, gid_t group);	/* 207 */
long sys_chown(const char *filename, uid_t user, gid_t group);	/* 212 */
long sys_statfs64(const char *path, size_t sz,			/* 268 */
		  struct statfs64 *buf);
long sys_fstatfs64(unsigned int fd, size_t sz,			/* 269 */
		   struct statfs64 *buf);
long sys_utimes(const char *filename,				/* 271 */
		const struct timeval *utimes);
long sys_chown16(const char *filename, unsigned long user,	/* 182 */
		 unsigned long group);
long sys_lchown16(const char *filename, unsigned long user,	/* 16 */
		  unsigned long group);
long sys_fchown16(unsigned int fd, unsigned long user,		/* 95 */
		  unsigned long group);
long sys_futimesat(int dfd, const char *filename,		/* 299 */
		   const struct timeval *utimes);
long sys_preadv(unsigned long fd, const struct iovec *vec,	/* 333 */
		unsigned long vlen, unsigned long pos_lo,
		unsigned long pos_hi);
long sys_pwritev(unsigned long fd, const struct iovec *vec,	/* 334 */
		 unsigned long vlen, unsigned long pos_lo,
		 unsigned long pos_hi);
long sys_preadv2(unsigned long fd, const struct iovec *vec,	/* 378 */
		 unsigned long vlen, unsigned long pos_lo,
		 unsigned long pos_hi, unsigned int flags);
long sys_pwritev2(unsigned long fd, const struct iovec *vec,	/* 379 */
		  unsigned long vlen, unsigned long pos_lo,
		  unsigned long pos_hi, unsigned int flags);
long sys_sendfile(unsigned int out_fd, unsigned int in_fd,	/* 187 */
		  long *offset, unsigned long count);
long sys_sendfile64(unsigned int out_fd, unsigned int in_fd,	/* 239 */
		    loff_t *offset, unsigned long count);
long sys_copy_file_range(int fd_in, loff_t *off_in, int fd_out,	/* 377 */
			 loff_t *off_out, unsigned long len,
			 unsigned int flags);
long sys_close_range(unsigned int fd, unsigned int max_fd,	/* 436 */
		     unsigned int flags);
/* mm/fadvise.c: advice for a page cache Lintel does not need */
long sys_fadvise64(int fd, unsigned long off_lo,		/* 250 */
		   unsigned long off_hi, unsigned long len, int advice);
long sys_fadvise64_64(int fd, unsigned long off_lo,		/* 272 */
		      unsigned long off_hi, unsigned long len_lo,
		      unsigned long len_hi, int advice);
long sys_readahead(int fd, unsigned long off_lo,		/* 225 */
		   unsigned long off_hi, unsigned long count);
long sys_mknodat(int dfd, const char *filename, int mode,	/* 297 */
		 unsigned int dev);
long sys_fchownat(int dfd, const char *filename, uid_t user,	/* 298 */
		  gid_t group, int flag);
long sys_renameat(int olddfd, const char *oldname, int newdfd,	/* 302 */
		  const char *newname);
long sys_linkat(int olddfd, const char *oldname, int newdfd,	/* 303 */
		const char *newname, int flags);
long sys_symlinkat(const char *oldname, int newdfd,		/* 304 */
		   const char *newname);
long sys_fchmodat(int dfd, const char *filename, mode_t mode);	/* 306 */
long sys_utimensat(int dfd, const char *filename,		/* 320 */
		   const struct timespec *utimes, int flags);
long sys_renameat2(int olddfd, const char *oldname, int newdfd,	/* 353 */
		   const char *newname, unsigned int flags);
long sys_utimensat_time64(int dfd, const char *filename,	/* 412 */
			  const struct __kernel_timespec *utimes,
			  int flags);
long sys_pread64(unsigned int fd, char *buf, unsigned long count, /* 180 */
		 unsigned long pos_lo, unsigned long pos_hi);
long sys_pwrite64(unsigned int fd, const char *buf,		/* 181 */
		  unsigned long count, unsigned long pos_lo,
		  unsigned long pos_hi);

#endif
