/*
 * sysvipc.c - /proc/sysvipc/shm: one line per shared memory segment,
 * with Linux's columns and widths (those of a kernel whose long is 32
 * bits), so that tools written for Linux read it unchanged:
 *
 *   key shmid perms size cpid lpid nattch uid gid cuid cgid
 *   atime dtime ctime rss swap
 *
 * The key is in decimal, perms in octal (SHM_DEST and SHM_LOCKED
 * included), rss and swap in bytes.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/shm.h>
#include <linux/proc_fs.h>

static const char shm_header[] =
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

int proc_sysvipc_shm_show(struct proc_buf *pb, struct task_struct *task)
{
	struct shmid_ds *shp;
	int slot;

	(void)task;
	proc_printf(pb, "%s", shm_header);
	for (slot = 0; slot <= max_shmid; slot++) {
		shp = shm_segs[slot];
		if (shp != IPC_UNUSED && shp != IPC_NOID)
			show_segment(pb, shp, slot);
	}
	return 0;
}
