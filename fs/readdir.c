/*
 * readdir.c - getdents and getdents64: a directory's entries, packed
 * into the user's buffer as variable-length records.
 *
 * The filesystem's readdir walks its entries and hands each one to a
 * filldir function here, which formats the record for one of the two
 * layouts and says when the buffer is full; f_pos then marks the first
 * entry the next call will give.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <asm/segment.h>

/* getdents64's record (our C library's struct dirent). */
struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;		/* f_pos of the next entry */
	unsigned short d_reclen;	/* this record, padding included */
	unsigned char d_type;
	char d_name[];
} __attribute__((packed));

/* getdents' record: d_type hides in the last byte, after the name. */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
} __attribute__((packed));

/* The largest record: a NAME_MAX name, its NUL, d_type, padding. */
#define DIRENT_MAX	ALIGN(sizeof(struct linux_dirent64) + NAME_MAX + 2, 8)

struct getdents_callback {
	char *dirent;		/* user space: where the next record goes */
	unsigned int count;	/* bytes left there */
	int error;		/* why the last entry did not fit */
};

/* Copy a record built on the stack out to the user's buffer. */
static int put_record(struct getdents_callback *buf, const void *rec,
		      unsigned int reclen)
{
	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* matters only for the first entry */
		return -EINVAL;
	}
	if (memcpy_tofs(buf->dirent, rec, reclen)) {
		buf->error = -EFAULT;
		return -EFAULT;
	}
	buf->dirent += reclen;
	buf->count -= reclen;
	return 0;
}

static int filldir64(void *__buf, const char *name, int namelen, loff_t pos,
		     unsigned long ino, unsigned int type)
{
	char rec[DIRENT_MAX];
	struct linux_dirent64 *d = (struct linux_dirent64 *)rec;
	unsigned int reclen = ALIGN(sizeof(*d) + namelen + 1, 8);

	memset(rec, 0, reclen);
	d->d_ino = ino;
	d->d_off = pos;
	d->d_reclen = reclen;
	d->d_type = type;
	memcpy(d->d_name, name, namelen);
	return put_record(__buf, rec, reclen);
}

static int filldir(void *__buf, const char *name, int namelen, loff_t pos,
		   unsigned long ino, unsigned int type)
{
	char rec[DIRENT_MAX];
	struct linux_dirent *d = (struct linux_dirent *)rec;
	unsigned int reclen = ALIGN(sizeof(*d) + namelen + 2, 4);

	memset(rec, 0, reclen);
	d->d_ino = ino;
	d->d_off = pos;
	d->d_reclen = reclen;
	memcpy(d->d_name, name, namelen);
	rec[reclen - 1] = type;
	return put_record(__buf, rec, reclen);
}

/*
 * dir_emit_dots - the "." and ".." that start every directory, at f_pos
 * 0 and 1. Returns 0 if the buffer filled up before both were given.
 */
int dir_emit_dots(struct file *file, void *buf, filldir_t filldir,
		  unsigned long parent_ino)
{
	if (file->f_pos == 0) {
		if (filldir(buf, ".", 1, 1, file->f_inode.i_ino, DT_DIR))
			return 0;
		file->f_pos = 1;
	}
	if (file->f_pos == 1) {
		if (filldir(buf, "..", 2, 2, parent_ino, DT_DIR))
			return 0;
		file->f_pos = 2;
	}
	return 1;
}

/*
 * Returns the bytes written, 0 at the end of the directory, or the
 * error that stopped the first entry (-EINVAL: the buffer is too small
 * for it).
 */
static long do_getdents(unsigned int fd, void *dirent, unsigned int count,
			filldir_t fill)
{
	struct file *file = fget(fd);
	struct getdents_callback buf = { dirent, count, 0 };
	int err;

	if (!file)
		return -EBADF;
	if (!file->f_op || !file->f_op->readdir)
		return -ENOTDIR;
	if (verify_area(VERIFY_WRITE, dirent, count))
		return -EFAULT;
	err = file->f_op->readdir(file, &buf, fill);
	if (err < 0)
		return err;
	if (buf.count == count)
		return buf.error;
	return count - buf.count;
}

long sys_getdents(unsigned int fd, void *dirent, unsigned int count)
{
	return do_getdents(fd, dirent, count, filldir);
}

long sys_getdents64(unsigned int fd, void *dirent, unsigned int count)
{
	return do_getdents(fd, dirent, count, filldir64);
}
