/*
 * generic.c - what every /proc file does when opened, read, sought,
 * written and closed.
 *
 * open asks the file's proc_dir_entry to show its text into a buffer
 * (struct proc_buf, kept in file->private_data) and the reads that
 * follow copy from that one snapshot, so a reader that takes the text in
 * small pieces never sees two different states glued together. 1.2.13
 * regenerated a page on every read (fs/proc/array.c, array_read) and
 * could do exactly that.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/proc_fs.h>
#include <asm/segment.h>

/* Append to the text; what does not fit is counted but not stored. */
void proc_printf(struct proc_buf *pb, const char *fmt, ...)
{
	int room = pb->len < pb->size ? pb->size - pb->len : 0;
	va_list ap;

	va_start(ap, fmt);
	pb->len += vsnprintf(room ? pb->buf + pb->len : NULL, room, fmt, ap);
	va_end(ap);
}

/* Append n bytes that may hold NULs (a command line). */
void proc_put(struct proc_buf *pb, const char *data, int n)
{
	if (pb->len < pb->size)
		memcpy(pb->buf + pb->len, data, min(n, pb->size - pb->len));
	pb->len += n;
}

const char *proc_octal(char *buf, unsigned long v)
{
	char *p = buf + PROC_OCTAL_MAX - 1;

	*p = '\0';
	do {
		*--p = '0' + (v & 7);
		v >>= 3;
	} while (v);
	return p;
}

/*
 * Write de's text into pb, starting with one page and growing it until
 * the text fits (a big address space has a long maps). The task is
 * looked up again on each try: kmalloc may have let it exit.
 */
static int generate(struct proc_buf *pb, const struct proc_dir_entry *de,
		    pid_t pid)
{
	struct task_struct *task = NULL;
	int size = PAGE_SIZE, err;

	for (;;) {
		pb->buf = kmalloc(size, GFP_KERNEL);
		if (!pb->buf)
			return -ENOMEM;
		pb->size = size;
		pb->len = 0;
		err = -ESRCH;
		if (pid)
			task = find_task_by_pid(pid);
		if (!pid || task)
			err = de->show(pb, task);
		if (err || pb->len < size)
			break;
		kfree(pb->buf);
		size = ALIGN(pb->len + 1, PAGE_SIZE);
	}
	if (err)
		kfree(pb->buf);
	return err;
}

static int proc_file_open(struct file *file)
{
	unsigned long ino = file->f_inode.i_ino;
	const struct proc_dir_entry *de = proc_find_entry(ino);
	struct proc_buf *pb;
	int err;

	if (!de || !de->show)
		return -ENOENT;
	pb = kmalloc(sizeof(*pb), GFP_KERNEL);
	if (!pb)
		return -ENOMEM;
	err = generate(pb, de, proc_ino_pid(ino));
	if (err) {
		kfree(pb);
		return err;
	}
	file->private_data = pb;
	return 0;
}

static void proc_file_release(struct file *file)
{
	struct proc_buf *pb = file->private_data;

	kfree(pb->buf);
	kfree(pb);
	file->private_data = NULL;
}

static int proc_file_read(struct file *file, char *buf, int count)
{
	const struct proc_buf *pb = file->private_data;

	if (file->f_pos >= pb->len)
		return 0;
	count = min((loff_t)count, pb->len - file->f_pos);
	if (memcpy_tofs(buf, pb->buf + file->f_pos, count))
		return -EFAULT;
	file->f_pos += count;
	return count;
}

/* No SEEK_END: the text has no size to stat, as Linux's seq_lseek. */
static loff_t proc_file_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_END)
		return -EINVAL;
	return default_lseek(file, offset, whence);
}

/* A file with nothing to set says -EIO, as Linux's proc files do. */
static int proc_file_write(struct file *file, const char *buf, int count)
{
	const struct proc_dir_entry *de = proc_find_entry(file->f_inode.i_ino);

	if (!de || !de->write)
		return -EIO;
	return de->write(buf, count);
}

const struct file_operations proc_file_fops = {
	.lseek = proc_file_lseek,
	.read = proc_file_read,
	.write = proc_file_write,
	.open = proc_file_open,
	.release = proc_file_release,
};
