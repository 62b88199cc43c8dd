/*
 * devices.c - /dev, and the character devices behind its names.
 *
 * /dev is a tiny filesystem of its own, mounted over the initramfs's
 * empty /dev (fs/namei.c): a fixed list of device files. Opening a
 * character device goes through chrdev_open, which finds the driver by
 * major number in chrdevs[] (1.2.13's table, filled in statically here)
 * and lets the driver choose its operations by minor number. The one
 * block device, /dev/hda, opens into fs/block_dev.c.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/blkdev.h>

#define DEVFS_DEV	MKDEV(0, 5)
#define DEVFS_ROOT_INO	1	/* the nodes follow: 2, 3, ... */
#define NULL_MINOR	3
#define DISK_GID	6	/* Debian's group "disk": disks are root:disk */

struct dev_node {
	const char *name;
	mode_t mode;
	unsigned short rdev;
	gid_t gid;		/* the owner is root */
};

static const struct dev_node dev_nodes[] = {
	{ "console", S_IFCHR | 0600, MKDEV(TTYAUX_MAJOR, 1), 0 },
	{ "hda", S_IFBLK | 0660, MKDEV(HD_MAJOR, 0), DISK_GID },
	{ "null", S_IFCHR | 0666, MKDEV(MEM_MAJOR, NULL_MINOR), 0 },
	{ "tty", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 0), 0 },
};

static const struct file_operations memory_fops;
static const struct file_operations devfs_dir_fops;

static const struct file_operations *const chrdevs[MAX_CHRDEV] = {
	[MEM_MAJOR] = &memory_fops,
	[TTYAUX_MAJOR] = &tty_fops,
};

/* Every device file's f_op until it is opened: swap in the driver's. */
static int chrdev_open(struct file *file)
{
	unsigned int major = MAJOR(file->f_inode.i_rdev);

	if (major >= MAX_CHRDEV || !chrdevs[major])
		return -ENXIO;
	file->f_op = chrdevs[major];
	return file->f_op->open ? file->f_op->open(file) : 0;
}

const struct file_operations chrdev_fops = {
	.open = chrdev_open,
};

/* Opening a node no driver stands behind: a socket. */
static int no_device_open(struct file *file)
{
	return -ENXIO;
}

static const struct file_operations no_device_fops = {
	.open = no_device_open,
};

/*
 * init_special_inode - what a filesystem's node that is neither file,
 * directory nor link opens with (Linux's name): a character device by
 * its major number, a block device through fs/block_dev.c, a named pipe
 * its pipe (fs/fifo.c). Lintel has no sockets: -ENXIO, as Linux for a
 * socket node.
 */
void init_special_inode(struct inode *inode, mode_t mode,
			unsigned short rdev)
{
	inode->i_rdev = rdev;
	if (S_ISCHR(mode))
		inode->i_fop = &chrdev_fops;
	else if (S_ISFIFO(mode))
		inode->i_fop = &def_fifo_fops;
	else if (S_ISBLK(mode))
		inode->i_fop = &blkdev_fops;
	else if (S_ISSOCK(mode))
		inode->i_fop = &no_device_fops;
}

/* /dev/null: reads find the end at once, writes vanish. */
static int null_read(struct file *file, char *buf, int count)
{
	return 0;
}

static int null_write(struct file *file, const char *buf, int count)
{
	return count;
}

static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.lseek = null_lseek,
	.read = null_read,
	.write = null_write,
};

/* Major 1, the memory devices (1.2.13's drivers/char/mem.c): only null. */
static int memory_open(struct file *file)
{
	if (MINOR(file->f_inode.i_rdev) != NULL_MINOR)
		return -ENXIO;
	file->f_op = &null_fops;
	return 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

/* The filesystem: "" is /dev itself, else one of dev_nodes. */
int devfs_lookup(const char *name, struct inode *inode)
{
	unsigned int i;

	inode->i_dev = DEVFS_DEV;
	inode->i_mtime = startup_time;
	if (!*name) {
		inode->i_ino = DEVFS_ROOT_INO;
		inode->i_mode = S_IFDIR | 0755;
		inode->i_nlink = 2;
		inode->i_fop = &devfs_dir_fops;
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(dev_nodes); i++)
		if (!strcmp(name, dev_nodes[i].name)) {
			inode->i_ino = DEVFS_ROOT_INO + 1 + i;
			inode->i_mode = dev_nodes[i].mode;
			inode->i_rdev = dev_nodes[i].rdev;
			inode->i_gid = dev_nodes[i].gid;
			inode->i_nlink = 1;
			inode->i_fop = S_ISBLK(inode->i_mode) ?
				       &blkdev_fops : &chrdev_fops;
			return 0;
		}
	return -ENOENT;
}

/* f_pos: 0 ".", 1 "..", then 2 + the index in dev_nodes. */
static int devfs_readdir(struct file *file, void *buf, filldir_t filldir)
{
	struct inode root;
	unsigned int i;

	lookup_inode("/", &root);
	if (!dir_emit_dots(file, buf, filldir, root.i_ino))
		return 0;
	for (i = file->f_pos - 2; i < ARRAY_SIZE(dev_nodes); i++) {
		if (filldir(buf, dev_nodes[i].name, strlen(dev_nodes[i].name),
			    i + 3, DEVFS_ROOT_INO + 1 + i,
			    IFTODT(dev_nodes[i].mode)))
			return 0;
		file->f_pos = i + 3;
	}
	return 0;
}

static const struct file_operations devfs_dir_fops = {
	.read = generic_read_dir,
	.readdir = devfs_readdir,
};
