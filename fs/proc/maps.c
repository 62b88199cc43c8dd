/*
 * maps.c - /proc/<pid>/maps: a process's areas (mm->mmap, in address
 * order), one line each, in Linux's format:
 *
 *   start    end      perms offset dev   inode        name
 *   08049000-0804c000 r-xp 00000000 00:00 0
 *   40000000-40002000 rw-s 00000000 00:01 0          /SYSV0000002a (deleted)
 *   bffe0000-c0000000 rw-p 00000000 00:00 0          [stack]
 *
 * perms are VM_READ, VM_WRITE, VM_EXEC and s(hared)/p(rivate). A file
 * mapping shows its file's device, inode and path (" (deleted)" once
 * it has no name left); anonymous areas are nameless but for the stack
 * and the heap, as Linux calls them; a shm attach shows as Linux shows
 * it, a file of its internal shm mount, "/SYSV<key in hex> (deleted)",
 * whose inode number is the shm id. 1.2.13 printed no names at all.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/shm.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <asm/vsyscall.h>

/* Linux pads the fields before a name to this width: 48 on i386. */
#define MAPS_NAME_COLUMN	((int)(25 + sizeof(void *) * 6 - 1))
/* The device Linux's shm mount has: what its maps shows for an attach. */
#define SHM_MAPS_DEV		MKDEV(0, 1)
#define MAPS_NAME_MAX		32	/* "/SYSV0000002a (deleted)" */

/*
 * Linux's rules: [vdso] and [vvar] by what they are, the area holding
 * start_stack, one overlapping the brk.
 */
static const char *anon_name(struct mm_struct *mm, struct vm_area_struct *vma)
{
	const char *special = vsyscall_area_name(vma);

	if (special)
		return special;
	if (vma->vm_start <= mm->start_stack && mm->start_stack < vma->vm_end)
		return "[stack]";
	if (vma->vm_start < mm->brk && vma->vm_end > mm->start_brk)
		return "[heap]";
	return "";
}

/* A file mapping's device, inode and path, as the file is now. */
static void file_name(struct file *file, const char **path,
		      const char **deleted, unsigned int *dev,
		      unsigned long *ino)
{
	refresh_inode(&file->f_inode);
	*path = file->f_path ? file->f_path : "";
	*deleted = file->f_inode.i_nlink ? "" : " (deleted)";
	*dev = file->f_inode.i_dev;
	*ino = file->f_inode.i_ino;
}

static void show_map(struct proc_buf *pb, struct mm_struct *mm,
		     struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags, offset = 0, ino = 0;
	unsigned int dev = 0;
	char name[MAPS_NAME_MAX];
	const char *path = anon_name(mm, vma), *deleted = "";
	int start = pb->len, width, id;
	key_t key;

	if (vma->vm_file) {
		file_name(vma->vm_file, &path, &deleted, &dev, &ino);
		offset = vma->vm_offset;
	}
	if ((flags & VM_SHM) && !shm_attach_info(vma, &key, &id)) {
		snprintf(name, sizeof(name), "/SYSV%08x (deleted)", key);
		dev = SHM_MAPS_DEV;
		offset = vma->vm_offset;
		ino = id;
		path = name;
	}
	proc_printf(pb, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ",
		    vma->vm_start, vma->vm_end,
		    flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		    flags & VM_EXEC ? 'x' : '-',
		    flags & VM_MAYSHARE ? 's' : 'p',
		    offset, MAJOR(dev), MINOR(dev), ino);
	if (path[0]) {
		width = pb->len - start;
		proc_printf(pb, "%*s%s%s", width < MAPS_NAME_COLUMN ?
			    MAPS_NAME_COLUMN - width + 1 : 1, "", path,
			    deleted);
	}
	proc_printf(pb, "\n");
}

int proc_pid_maps_show(struct proc_buf *pb, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	struct vm_area_struct *vma;

	if (!mm)
		return 0;
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		show_map(pb, mm, vma);
	return 0;
}
