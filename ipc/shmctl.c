/*
 * shmctl.c - what user space is told about shared memory segments, and
 * what it may change: shmctl (IPC_STAT, IPC_SET, IPC_RMID, SHM_LOCK,
 * IPC_INFO, SHM_INFO, SHM_STAT) in Linux i386's two layouts, the limits
 * /proc/sys/kernel/shm* read and root may write, and the text of
 * /proc/sysvipc/shm.
 *
 * None of it is on the path of a shared page (ipc/shm.c tells that
 * story); this is the user-ABI plumbing around it. 1.2.13 kept shmctl in
 * ipc/shm.c and had no /proc/sysvipc.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/shm.h>
#include <linux/ipc.h>
#include <linux/proc_fs.h>
#include <linux/trace.h>
#include "util.h"

/*
 * The two user layouts name their fields alike but size them differently
 * (16-bit pids and counts in the old one), so one macro fills either;
 * the permissions go through ipc/util.c's converters.
 */
#define FILL_PUBLIC(out, shp)						\
	do {								\
		(out).shm_segsz = (shp)->shm_segsz;			\
		(out).shm_atime = (shp)->shm_atime;			\
		(out).shm_dtime = (shp)->shm_dtime;			\
		(out).shm_ctime = (shp)->shm_ctime;			\
		(out).shm_cpid = (shp)->shm_cpid;			\
		(out).shm_lpid = (shp)->shm_lpid;			\
		(out).shm_nattch = (shp)->shm_nattch;			\
	} while (0)

/*
 * Copy a segment's public fields out in the layout the caller asked for.
 * The buffer is zeroed first: 1.2.13 copied its own struct out whole,
 * private fields and uninitialised stack bytes included.
 */
static int copy_shmid_to_user(void *buf, struct shmid_ds *shp, int version)
{
	struct shmid64_ds out64;
	struct shmid_ds_old old;

	if (version == IPC_64) {
		memset(&out64, 0, sizeof(out64));
		kernel_to_ipc64_perm(&shp->shm_perm, &out64.shm_perm);
		FILL_PUBLIC(out64, shp);
		return memcpy_tofs(buf, &out64, sizeof(out64));
	}
	memset(&old, 0, sizeof(old));
	kernel_to_ipc_perm_old(&shp->shm_perm, &old.shm_perm);
	FILL_PUBLIC(old, shp);
	return memcpy_tofs(buf, &old, sizeof(old));
}

/*
 * Read IPC_SET's uid, gid and mode from the caller's buffer, in the
 * layout version names. 0 or -EFAULT.
 */
static int copy_setbuf_from_user(struct ipc64_perm *s, void *buf,
				 int version)
{
	if (version == IPC_64) {
		struct shmid64_ds in;

		if (memcpy_fromfs(&in, buf, sizeof(in)))
			return -EFAULT;
		*s = in.shm_perm;
	} else {
		struct shmid_ds_old in;

		if (memcpy_fromfs(&in, buf, sizeof(in)))
			return -EFAULT;
		ipc_perm_old_to_64(&in.shm_perm, s);
	}
	return 0;
}

/*
 * IPC_INFO: the limits in force, in either layout (the old one caps them
 * at INT_MAX). Returns the highest slot in use, as Linux does.
 */
static long shm_ipc_info(void *buf, int version)
{
	int err;

	if (version == IPC_64) {
		struct shminfo64 info;

		memset(&info, 0, sizeof(info));
		info.shmmax = shmmax;
		info.shmmin = SHMMIN;
		info.shmmni = info.shmseg = shmmni;
		info.shmall = shmall;
		err = memcpy_tofs(buf, &info, sizeof(info));
	} else {
		struct shminfo_old info;

		info.shmmax = min(shmmax, 0x7fffffffUL);
		info.shmmin = SHMMIN;
		info.shmmni = info.shmseg = shmmni;
		info.shmall = min(shmall, 0x7fffffffUL);
		err = memcpy_tofs(buf, &info, sizeof(info));
	}
	return err ? -EFAULT : max_shmid;
}

/* SHM_INFO: segments and pages in use. Returns the highest slot in use. */
static long shm_get_info(void *buf)
{
	struct shm_info info;

	memset(&info, 0, sizeof(info));
	info.used_ids = used_segs;
	info.shm_tot = shm_tot;
	info.shm_rss = shm_rss;
	info.shm_swp = shm_swp;	/* swap_attempts, swap_successes: 0, as Linux */
	return memcpy_tofs(buf, &info, sizeof(info)) ? -EFAULT : max_shmid;
}

/* SHM_STAT and SHM_STAT_ANY take a slot index, and return the full id. */
static long shm_stat(int index, void *buf, int cmd, int version)
{
	struct shmid_ds *shp;

	shp = shm_get(index);
	if (!shp)
		return -EINVAL;
	if (cmd == SHM_STAT && ipcperms(&shp->shm_perm, S_IRUGO))
		return -EACCES;
	if (copy_shmid_to_user(buf, shp, version))
		return -EFAULT;
	return shm_id(shp, index);
}

/*
 * IPC_RMID: mark the segment for destruction and hide its key, so that
 * shmget(key) makes a new one (1.2.13 kept the key findable: EIDRM).
 */
static long shm_rmid(struct shmid_ds *shp, int id)
{
	if (!ipc_owner(&shp->shm_perm))
		return -EPERM;
	shp->shm_perm.mode |= SHM_DEST;
	shp->shm_perm.key = IPC_PRIVATE;
	trace(TRACE_SHM, "SHM IPC_RMID slot=%d nattch=%lu%s\n", id,
	      shp->shm_nattch, shp->shm_nattch ? " (destroyed at last detach)"
						: "");
	if (!shp->shm_nattch)
		killseg(id);
	return 0;
}

/*
 * SHM_LOCK/SHM_UNLOCK: the SHM_LOCKED flag, which shm_swap passes over.
 * 1.2.13: root only, and a second lock was EINVAL; Linux: the owner with
 * a non-zero RLIMIT_MEMLOCK too, and repeating is harmless.
 */
static long shm_lock_cmd(struct shmid_ds *shp, int cmd)
{
	if (current->euid != 0) {
		if (!ipc_owner(&shp->shm_perm))
			return -EPERM;
		if (cmd == SHM_LOCK && !current->rlim[RLIMIT_MEMLOCK].rlim_cur)
			return -EPERM;
	}
	if (cmd == SHM_LOCK)
		shp->shm_perm.mode |= SHM_LOCKED;
	else
		shp->shm_perm.mode &= ~SHM_LOCKED;
	return 0;
}

/* IPC_SET: a new owner, group and rwx bits; shm_ctime is now. */
static long shm_set(struct shmid_ds *shp, const struct ipc64_perm *s)
{
	if (!ipc_owner(&shp->shm_perm))
		return -EPERM;
	ipc_update_perm(s, &shp->shm_perm);
	shp->shm_ctime = CURRENT_TIME;
	return 0;
}

/* The commands that name a segment by its id. */
static long shm_id_cmd(int shmid, int cmd, void *buf, int version,
		       const struct ipc64_perm *setbuf)
{
	struct shmid_ds *shp = shm_lookup(shmid);

	if (!shp)
		return -EINVAL;
	switch (cmd) {
	case IPC_STAT:
		if (ipcperms(&shp->shm_perm, S_IRUGO))
			return -EACCES;
		return copy_shmid_to_user(buf, shp, version) ? -EFAULT : 0;
	case IPC_SET:
		return shm_set(shp, setbuf);
	case IPC_RMID:
		return shm_rmid(shp, shmid % SHMMNI);
	case SHM_LOCK:
	case SHM_UNLOCK:
		return shm_lock_cmd(shp, cmd);
	}
	return -EINVAL;
}

/*
 * shmctl's dispatcher for both entries. The commands that take no id
 * (IPC_INFO, SHM_INFO) or a slot (SHM_STAT, SHM_STAT_ANY) are answered
 * here; the rest look the id up (shm_id_cmd). version is IPC_64 or 0.
 */
static long do_shmctl(int shmid, int cmd, void *buf, int version)
{
	struct ipc64_perm setbuf = { 0 };

	if (cmd < 0 || shmid < 0)
		return -EINVAL;
	switch (cmd) {
	case IPC_INFO:
		return shm_ipc_info(buf, version);
	case SHM_INFO:
		return shm_get_info(buf);
	case SHM_STAT:
	case SHM_STAT_ANY:
		return shm_stat(shmid, buf, cmd, version);
	case IPC_SET:		/* the buffer is read before the id is checked */
		if (copy_setbuf_from_user(&setbuf, buf, version))
			return -EFAULT;
		break;
	case IPC_STAT:
	case IPC_RMID:
	case SHM_LOCK:
	case SHM_UNLOCK:
		break;
	default:
		return -EINVAL;
	}
	return shm_id_cmd(shmid, cmd, buf, version, &setbuf);
}

/* shmctl(396), today's direct call: always the shmid64_ds layout. */
long sys_shmctl(int shmid, int cmd, void *buf)
{
	return do_shmctl(shmid, cmd, buf, IPC_64);
}

/*
 * ipc(SHMCTL): cmd may carry IPC_64 (glibc always sets it on i386), and
 * then the buffer is a shmid64_ds; without it, the old 48-byte layout.
 * 1.2.13 knew no IPC_64 and answered EINVAL, which broke glibc programs.
 */
long sys_old_shmctl(int shmid, int cmd, void *buf)
{
	int version = cmd & IPC_64;

	return do_shmctl(shmid, cmd & ~IPC_64, buf, version);
}

/* ---- /proc/sys/kernel/shmmax, shmall, shmmni ------------------------ */

/* Where each limit lives, and the most Lintel's tables can take. */
static unsigned long *limit_var(enum shm_limit which, unsigned long *most)
{
	switch (which) {
	case SHM_LIMIT_MAX:
		*most = SHM_MAX_PAGES * PAGE_SIZE;
		return &shmmax;
	case SHM_LIMIT_ALL:
		*most = ~0UL >> PAGE_SHIFT;
		return &shmall;
	case SHM_LIMIT_MNI:
		*most = SHMMNI;
		return &shmmni;
	}
	return NULL;
}

/* shm_get_limit - a limit in force, for /proc/sys/kernel/shm*. */
unsigned long shm_get_limit(enum shm_limit which)
{
	unsigned long most, *v = limit_var(which, &most);

	return v ? *v : 0;
}

/*
 * shm_set_limit - change a limit, from then on (existing segments stay).
 * Linux takes any value; Lintel refuses with EINVAL what its fixed
 * tables cannot hold (more than SHMMNI slots, a segment larger than a
 * signature can index).
 */
int shm_set_limit(enum shm_limit which, unsigned long value)
{
	unsigned long most, *v = limit_var(which, &most);

	if (!v || value > most)
		return -EINVAL;
	*v = value;
	return 0;
}

/* ---- /proc/sysvipc/shm ------------------------------------------------- */

/*
 * One line per segment, with Linux's columns and widths (those of a
 * kernel whose long is 32 bits), so that tools written for Linux read it
 * unchanged:
 *
 *   key shmid perms size cpid lpid nattch uid gid cuid cgid
 *   atime dtime ctime rss swap
 *
 * The key is in decimal, perms in octal (SHM_DEST and SHM_LOCKED
 * included), rss and swap in bytes.
 */
static const char shm_proc_header[] =
	"       key      shmid perms       size  cpid  lpid nattch"
	"   uid   gid  cuid  cgid      atime      dtime      ctime"
	"        rss       swap\n";

/* The segment's pages in memory (*rss) and elsewhere (*swp). */
static void count_pages(const struct shmid_ds *shp, unsigned long *rss,
			unsigned long *swp)
{
	unsigned long i;

	*rss = *swp = 0;
	for (i = 0; i < shp->shm_npages; i++) {
		if (!shp->shm_pages[i])
			continue;
		if (pte_present(__pte(shp->shm_pages[i])))
			(*rss)++;
		else
			(*swp)++;
	}
}

/* One line of /proc/sysvipc/shm: segment shp, in slot slot. */
static void show_segment(struct proc_buf *pb, const struct shmid_ds *shp,
			 int slot)
{
	char octal[PROC_OCTAL_MAX];
	unsigned long rss, swp;

	count_pages(shp, &rss, &swp);
	proc_printf(pb, "%10d %10d  %4s %10lu %5d %5d  %5lu %5u %5u %5u %5u "
		    "%10ld %10ld %10ld %10lu %10lu\n",
		    shp->shm_perm.key, shm_id(shp, slot),
		    proc_octal(octal, shp->shm_perm.mode), shp->shm_segsz,
		    shp->shm_cpid, shp->shm_lpid, shp->shm_nattch,
		    shp->shm_perm.uid, shp->shm_perm.gid, shp->shm_perm.cuid,
		    shp->shm_perm.cgid, shp->shm_atime, shp->shm_dtime,
		    shp->shm_ctime, rss * PAGE_SIZE, swp * PAGE_SIZE);
}

/* The text of /proc/sysvipc/shm (fs/proc/root.c); task is unused. */
int sysvipc_shm_proc_show(struct proc_buf *pb, struct task_struct *task)
{
	struct shmid_ds *shp;
	int slot;

	proc_printf(pb, "%s", shm_proc_header);
	for (slot = 0; slot <= max_shmid; slot++) {
		shp = shm_get(slot);
		if (shp)
			show_segment(pb, shp, slot);
	}
	return 0;
}
