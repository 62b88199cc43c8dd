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

#define RWF_HIPRI	0x01	/* preadv2/pwritev2: poll for the data */
#define RWF_DSYNC	0x02	/* as O_DSYNC for this write */
#define RWF_SYNC	0x04	/* as O_SYNC for this write */
#define RWF_SUPPORTED	(RWF_HIPRI | RWF_DSYNC | RWF_SYNC)
#define MAX_NON_LFS	0x7fffffffLL	/* sendfile's 32-bit offset */
#define MAX_LFS		0x7fffffffffffffffLL

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
 * The file and position for pread64/pwrite64 and preadv/pwritev, with
 * Linux's errors in its order: EINVAL for a negative position, EBADF
 * for no file, ESPIPE for a pipe or terminal (no_lseek), then EBADF
 * for a file not open in mode.
 */
static struct file *positional(unsigned int fd, int mode, loff_t pos,
			       int *err)
{
	struct file *file = fget(fd);

	*err = -EINVAL;
	if (pos < 0)
		return NULL;
	*err = -EBADF;
	if (!file)
		return NULL;
	*err = -ESPIPE;
	if (file->f_op && file->f_op->lseek == no_lseek)
		return NULL;
	*err = -EBADF;
	if (!(file->f_mode & mode))
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

/*
 * The vector calls at pos: do_readv_writev with f_pos set to pos for
 * the call and put back, as pread64 does (EBADF, ESPIPE for a pipe or
 * terminal, EINVAL for a negative pos).
 */
static long do_preadv_pwritev(int type, unsigned long fd,
			      const struct iovec *vec, unsigned long vlen,
			      loff_t pos)
{
	int fmode = type == VERIFY_WRITE ? FMODE_READ : FMODE_WRITE;
	int err;
	struct file *file = positional(fd, fmode, pos, &err);
	loff_t saved;
	long ret;

	if (!file)
		return err;
	saved = file->f_pos;
	file->f_pos = pos;
	ret = do_readv_writev(type, fd, vec, vlen);
	file->f_pos = saved;
	return ret;
}

long sys_preadv(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		unsigned long pos_lo, unsigned long pos_hi)
{
	return do_preadv_pwritev(VERIFY_WRITE, fd, vec, vlen,
				 ((loff_t)pos_hi << 32) | pos_lo);
}

long sys_pwritev(unsigned long fd, const struct iovec *vec, unsigned long vlen,
		 unsigned long pos_lo, unsigned long pos_hi)
{
	return do_preadv_pwritev(VERIFY_READ, fd, vec, vlen,
				 ((loff_t)pos_hi << 32) | pos_lo);
}

/*
 * preadv2 (378) and pwritev2 (379): preadv and pwritev with RWF_*
 * flags, and a pos of -1 for the file position (readv and writev).
 * RWF_HIPRI, RWF_DSYNC and RWF_SYNC change nothing here: every write
 * is in memory when the call returns. Departure: RWF_NOWAIT and
 * RWF_APPEND, which Linux takes, are -EOPNOTSUPP like unknown flags.
 */
static long do_rw2(int type, unsigned long fd, const struct iovec *vec,
		   unsigned long vlen, loff_t pos, unsigned int flags)
{
	int fmode = type == VERIFY_WRITE ? FMODE_READ : FMODE_WRITE;
	struct file *file = fget(fd);

	if (!file || !(file->f_mode & fmode))
		return -EBADF;
	if (flags & ~RWF_SUPPORTED)
		return -EOPNOTSUPP;
	if (pos == -1)
		return do_readv_writev(type, fd, vec, vlen);
	return do_preadv_pwritev(type, fd, vec, vlen, pos);
}

long sys_preadv2(unsigned long fd, const struct iovec *vec,
		 unsigned long vlen, unsigned long pos_lo,
		 unsigned long pos_hi, unsigned int flags)
{
	return do_rw2(VERIFY_WRITE, fd, vec, vlen,
		      ((loff_t)pos_hi << 32) | pos_lo, flags);
}

long sys_pwritev2(unsigned long fd, const struct iovec *vec,
		  unsigned long vlen, unsigned long pos_lo,
		  unsigned long pos_hi, unsigned int flags)
{
	return do_rw2(VERIFY_READ, fd, vec, vlen,
		      ((loff_t)pos_hi << 32) | pos_lo, flags);
}

/*
 * Move what one read of in at *in_pos gives (at most count bytes) to
 * out at *out_pos, through the kernel page buf. The reads and writes
 * see kernel addresses under set_fs(KERNEL_DS), as 1.2.13's read_exec.
 * Returns the bytes written (both positions moved by as many) or an
 * error; the files' own positions are the caller's to put back.
 */
static long sendfile_chunk(struct file *in, loff_t *in_pos, struct file *out,
			   loff_t *out_pos, char *buf, unsigned long count)
{
	unsigned long old_fs = get_fs();
	long n;

	set_fs(KERNEL_DS);
	in->f_pos = *in_pos;
	n = in->f_op->read(in, buf, min(count, PAGE_SIZE));
	if (n > 0) {
		out->f_pos = *out_pos;
		count = fsize_room(out, n);
		n = count ? out->f_op->write(out, buf, count) :
			fsize_exceeded();
	}
	set_fs(old_fs);
	if (n > 0) {
		*in_pos += n;
		*out_pos += n;
	}
	return n;
}

/*
 * Copy up to count bytes from in at *in_pos to out at *out_pos a page
 * at a time, stopping at the end of in, a short write or an error.
 * Both files' own positions are left as they were (in and out may be
 * one file). Returns the bytes copied, or the error if none were.
 */
static long sendfile_copy(struct file *in, loff_t *in_pos, struct file *out,
			  loff_t *out_pos, unsigned long count)
{
	char *buf = (char *)__get_free_page(GFP_KERNEL);
	loff_t in_saved = in->f_pos, out_saved = out->f_pos;
	long done = 0, n;

	if (!buf)
		return -ENOMEM;
	while (count) {
		n = sendfile_chunk(in, in_pos, out, out_pos, buf, count);
		if (n <= 0) {
			done = done ? done : n;
			break;
		}
		done += n;
		count -= n;
		if ((unsigned long)n < PAGE_SIZE)
			break;
	}
	out->f_pos = out_saved;
	in->f_pos = in_saved;
	free_page((unsigned long)buf);
	return done;
}

/*
 * sendfile's checks in Linux's order (do_sendfile), then the copy: in
 * open for reading (EBADF), a position to read at (ESPIPE when in
 * cannot seek and pos is the caller's), out open for writing (EBADF),
 * not O_APPEND and able to write (EINVAL), and pos + count within max
 * (EOVERFLOW; cut to max). Departure: in must be a regular file (Linux
 * also reads block devices and, since 6.7, pipes).
 */
static long do_sendfile(unsigned int out_fd, unsigned int in_fd, loff_t *ppos,
			unsigned long count, loff_t max)
{
	struct file *in = fget(in_fd), *out = fget(out_fd);
	loff_t pos, out_pos;
	long ret;

	if (!in || !(in->f_mode & FMODE_READ))
		return -EBADF;
	if (ppos && in->f_op && in->f_op->lseek == no_lseek)
		return -ESPIPE;
	pos = ppos ? *ppos : in->f_pos;
	if (pos < 0)
		return -EINVAL;
	if (!out || !(out->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!S_ISREG(in->f_inode.i_mode) || !in->f_op || !in->f_op->read ||
	    !out->f_op || !out->f_op->write || (out->f_flags & O_APPEND))
		return -EINVAL;
	count = min(count, (unsigned long)MAX_RW_COUNT);
	if (pos + (loff_t)count > max) {
		if (pos >= max)
			return -EOVERFLOW;
		count = max - pos;
	}
	out_pos = out->f_pos;
	ret = sendfile_copy(in, &pos, out, &out_pos, count);
	out->f_pos = out_pos;
	if (ppos)
		*ppos = pos;
	else
		in->f_pos = pos;
	return ret;
}

/*
 * sendfile (187): copy count bytes from in_fd to out_fd in the kernel.
 * With an offset, read there and store the new offset, in_fd's own
 * position untouched; without, read at and move in_fd's position.
 */
long sys_sendfile(unsigned int out_fd, unsigned int in_fd, long *offset,
		  unsigned long count)
{
	loff_t pos;
	long off, ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count, MAX_NON_LFS);
	if (memcpy_fromfs(&off, offset, sizeof(off)))
		return -EFAULT;
	pos = off;
	ret = do_sendfile(out_fd, in_fd, &pos, count, MAX_NON_LFS);
	off = pos;
	if (memcpy_tofs(offset, &off, sizeof(off)))
		return -EFAULT;
	return ret;
}

/* sendfile64 (239): the same with a 64-bit offset. */
long sys_sendfile64(unsigned int out_fd, unsigned int in_fd, loff_t *offset,
		    unsigned long count)
{
	loff_t pos;
	long ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count, MAX_LFS);
	if (memcpy_fromfs(&pos, offset, sizeof(pos)))
		return -EFAULT;
	ret = do_sendfile(out_fd, in_fd, &pos, count, MAX_LFS);
	if (memcpy_tofs(offset, &pos, sizeof(pos)))
		return -EFAULT;
	return ret;
}

/*
 * The checks of Linux's generic_copy_file_checks: two regular files
 * (EISDIR for a directory, else EINVAL), in open for reading and out
 * for writing without O_APPEND (EBADF), positions not negative
 * (EINVAL). *len is cut at the end of in; then, within one file, the
 * two ranges may not overlap (EINVAL).
 */
static int copy_range_checks(struct file *in, loff_t pos_in,
			     struct file *out, loff_t pos_out,
			     unsigned long *len)
{
	struct inode *ii = &in->f_inode, *io = &out->f_inode;

	if (S_ISDIR(ii->i_mode) || S_ISDIR(io->i_mode))
		return -EISDIR;
	if (!S_ISREG(ii->i_mode) || !S_ISREG(io->i_mode))
		return -EINVAL;
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE) ||
	    (out->f_flags & O_APPEND))
		return -EBADF;
	if (pos_in < 0 || pos_out < 0)
		return -EINVAL;
	refresh_inode(ii);
	*len = pos_in >= ii->i_size ? 0 :
		min(*len, (unsigned long)min(ii->i_size - pos_in,
					     (loff_t)MAX_RW_COUNT));
	if (ii->i_dev == io->i_dev && ii->i_ino == io->i_ino &&
	    pos_out + (loff_t)*len > pos_in && pos_out < pos_in + (loff_t)*len)
		return -EINVAL;
	return 0;
}

/*
 * A copy_file_range position: the caller's *upos when given (EFAULT),
 * else the file's own. A pipe is EINVAL later, as today's Linux says
 * (not ESPIPE as sendfile).
 */
static int range_pos(struct file *file, loff_t *upos, loff_t *pos)
{
	if (!upos) {
		*pos = file->f_pos;
		return 0;
	}
	return memcpy_fromfs(pos, upos, sizeof(*pos)) ? -EFAULT : 0;
}

/* Store a moved position back where range_pos took it from. */
static int range_pos_put(struct file *file, loff_t *upos, loff_t pos)
{
	if (!upos) {
		file->f_pos = pos;
		return 0;
	}
	return memcpy_tofs(upos, &pos, sizeof(pos)) ? -EFAULT : 0;
}

/*
 * copy_file_range (377): copy len bytes between two regular files in
 * the kernel, each at the caller's offset (stored back moved) or at
 * and moving its own position. flags must be 0, as on Linux.
 */
long sys_copy_file_range(int fd_in, loff_t *off_in, int fd_out,
			 loff_t *off_out, unsigned long len,
			 unsigned int flags)
{
	struct file *in = fget(fd_in), *out = fget(fd_out);
	loff_t pos_in, pos_out;
	long ret;
	int err;

	if (!in || !out)
		return -EBADF;
	err = range_pos(in, off_in, &pos_in);
	if (!err)
		err = range_pos(out, off_out, &pos_out);
	if (!err && flags)
		err = -EINVAL;
	if (!err)
		err = copy_range_checks(in, pos_in, out, pos_out, &len);
	if (err || !len)
		return err;
	ret = sendfile_copy(in, &pos_in, out, &pos_out, len);
	if (ret <= 0)
		return ret;
	err = range_pos_put(in, off_in, pos_in);
	if (!err)
		err = range_pos_put(out, off_out, pos_out);
	return err ? err : ret;
}
