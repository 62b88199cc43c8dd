/*
 * read_write.c - read, write, their vectored forms, and lseek.
 *
 * Each call checks the descriptor and the user's buffer (verify_area:
 * -EFAULT for a pointer outside the process, a kernel address included)
 * and then hands over to the file's f_op, which moves the bytes with
 * memcpy_tofs/memcpy_fromfs.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <asm/segment.h>

/* lseek for files with a size: anywhere from 0 on, even past the end. */
loff_t default_lseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = file->f_inode.i_size + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

/* lseek for pipes and terminals: a stream has no position. */
loff_t no_lseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

/* read() of a directory: getdents is the way to read one. */
int generic_read_dir(struct file *file, char *buf, int count)
{
	return -EISDIR;
}

static loff_t do_lseek(struct file *file, loff_t offset, unsigned int whence)
{
	if (whence > SEEK_END)
		return -EINVAL;
	if (file->f_op && file->f_op->lseek)
		return file->f_op->lseek(file, offset, whence);
	return default_lseek(file, offset, whence);
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *file = fget(fd);
	loff_t pos;

	if (!file)
		return -EBADF;
	pos = do_lseek(file, offset, whence);
	if (pos != (long)pos)
		return -EOVERFLOW;
	return pos;
}

/* _llseek: a 64-bit offset in two halves, the result stored at *result. */
long sys_llseek(unsigned int fd, unsigned long offset_high,
		unsigned long offset_low, loff_t *result, unsigned int whence)
{
	struct file *file = fget(fd);
	loff_t pos;

	if (!file)
		return -EBADF;
	pos = do_lseek(file, ((loff_t)offset_high << 32) | offset_low,
		       whence);
	if (pos < 0)
		return pos;
	return memcpy_tofs(result, &pos, sizeof(pos)) ? -EFAULT : 0;
}

long sys_read(unsigned int fd, char *buf, unsigned long count)
{
	struct file *file = fget(fd);

	if (!file || !(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	if (!count)
		return 0;
	count = min(count, (unsigned long)MAX_RW_COUNT);
	if (verify_area(VERIFY_WRITE, buf, count))
		return -EFAULT;
	return file->f_op->read(file, buf, count);
}

/*
 * RLIMIT_FSIZE: how many of count bytes a write to file may move, cut
 * at the limit as Linux's generic_write_check_limits does. Only
 * regular files are bounded; an O_APPEND write starts at the end.
 */
static unsigned long fsize_room(struct file *file, unsigned long count)
{
	unsigned long limit = current->rlim[RLIMIT_FSIZE].rlim_cur;
	loff_t pos = file->f_pos;

	if (limit == RLIM_INFINITY || !S_ISREG(file->f_inode.i_mode))
		return count;
	if (file->f_flags & O_APPEND) {
		refresh_inode(&file->f_inode);
		pos = file->f_inode.i_size;
	}
	return pos >= limit ? 0 : min(count, (unsigned long)(limit - pos));
}

/* A write that may move nothing: SIGXFSZ, then -EFBIG, as on Linux. */
int fsize_exceeded(void)
{
	send_sig(SIGXFSZ, current, 0);
	return -EFBIG;
}

long sys_write(unsigned int fd, const char *buf, unsigned long count)
{
	struct file *file = fget(fd);

	if (!file || !(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	if (!count)
		return 0;
	count = fsize_room(file, min(count, (unsigned long)MAX_RW_COUNT));
	if (!count)
		return fsize_exceeded();
	if (verify_area(VERIFY_READ, buf, count))
		return -EFAULT;
	return file->f_op->write(file, buf, count);
}

/*
 * The file and position for pread64/pwrite64: EBADF, ESPIPE for a pipe
 * or terminal (no_lseek), EINVAL for a negative position.
 */
static struct file *positional(unsigned int fd, int mode, loff_t pos,
			       int *err)
{
	struct file *file = fget(fd);

	*err = -EBADF;
	if (!file || !(file->f_mode & mode))
		return NULL;
	*err = -ESPIPE;
	if (file->f_op && file->f_op->lseek == no_lseek)
		return NULL;
	*err = -EINVAL;
	if (pos < 0)
		return NULL;
	*err = 0;
	return file;
}

/*
 * pread64 (180): read at pos without moving the file position. The
 * file's read works at f_pos, so f_pos is set for the call and put back
 * (nothing else can run in between: regular files never sleep).
 */
long sys_pread64(unsigned int fd, char *buf, unsigned long count,
		 unsigned long pos_lo, unsigned long pos_hi)
{
	loff_t pos = ((loff_t)pos_hi << 32) | pos_lo, saved;
	int err;
	struct file *file = positional(fd, FMODE_READ, pos, &err);
	long ret;

	if (!file)
		return err;
	saved = file->f_pos;
	file->f_pos = pos;
	ret = sys_read(fd, buf, count);
	file->f_pos = saved;
	return ret;
}

/* pwrite64 (181): write at pos, the file position unchanged. */
long sys_pwrite64(unsigned int fd, const char *buf, unsigned long count,
		  unsigned long pos_lo, unsigned long pos_hi)
{
	loff_t pos = ((loff_t)pos_hi << 32) | pos_lo, saved;
	int err;
	struct file *file = positional(fd, FMODE_WRITE, pos, &err);
	long ret;

	if (!file)
		return err;
	saved = file->f_pos;
	file->f_pos = pos;
	ret = sys_write(fd, buf, count);
	file->f_pos = saved;
	return ret;
}

/*
 * Check a user's iovec array before any byte moves: every piece
 * readable or writable, and the total within what one call may move.
 */
static int check_iovec(int type, const struct iovec *vec, unsigned long vlen)
{
	struct iovec iov;
	unsigned long i, total = 0;

	for (i = 0; i < vlen; i++) {
		if (memcpy_fromfs(&iov, vec + i, sizeof(iov)))
			return -EFAULT;
		if (iov.iov_len > MAX_RW_COUNT - total)
			return -EINVAL;
		total += iov.iov_len;
		if (iov.iov_len && verify_area(type, iov.iov_base,
					       iov.iov_len))
			return -EFAULT;
	}
	return 0;
}

/*
 * readv/writev as one read or write per piece, stopping at the first
 * short one. Departure from Linux, which hands the whole vector to the
 * driver: a pipe or terminal whose data exactly fills one piece makes
 * readv wait for more before it returns.
 */
static long do_readv_writev(int type, unsigned long fd,
			    const struct iovec *vec, unsigned long vlen)
{
	struct file *file = fget(fd);
	int fmode = type == VERIFY_WRITE ? FMODE_READ : FMODE_WRITE;
	struct iovec iov;
	unsigned long i;
	long done = 0, n;
	int err;

	if (!file || !(file->f_mode & fmode))
		return -EBADF;
	if (!file->f_op || (type == VERIFY_WRITE ? !file->f_op->read :
			    !file->f_op->write))
		return -EINVAL;
	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	err = check_iovec(type, vec, vlen);
	if (err)
		return err;
	for (i = 0; i < vlen; i++) {
		if (memcpy_fromfs(&iov, vec + i, sizeof(iov)))
			return done ? done : -EFAULT;
		if (!iov.iov_len)
			continue;
		if (type == VERIFY_READ)
			iov.iov_len = fsize_room(file, iov.iov_len);
		if (!iov.iov_len)	/* at RLIMIT_FSIZE */
			return done ? done : fsize_exceeded();
		if (type == VERIFY_WRITE)
			n = file->f_op->read(file, iov.iov_base, iov.iov_len);
		else
			n = file->f_op->write(file, iov.iov_base, iov.iov_len);
		if (n < 0)
			return done ? done : n;
		done += n;
		if ((size_t)n < iov.iov_len)
			break;
	}
	return done;
}

long sys_readv(unsigned long fd, const struct iovec *vec, unsigned long vlen)
{
	return do_readv_writev(VERIFY_WRITE, fd, vec, vlen);
}

long sys_writev(unsigned long fd, const struct iovec *vec, unsigned long vlen)
{
	return do_readv_writev(VERIFY_READ, fd, vec, vlen);
}
