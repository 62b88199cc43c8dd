/*
 * system.c - the /proc files about the whole machine that programs such
 * as top, free, ps and glibc's get_nprocs read:
 *
 *	/proc/stat	CPU ticks by kind, context switches, boot time, forks
 *	/proc/loadavg	the load average, runnable/all tasks, the last pid
 *	/proc/mounts	the mounted filesystems, in fstab's format
 *	/proc/cpuinfo	what CPUID says about the one CPU
 *
 * Linux's layouts (fs/proc/stat.c, loadavg.c, namespace.c,
 * arch/x86/kernel/cpu/proc.c), with only the lines Lintel can fill.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <asm/cpufeature.h>

#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)
#define CPUID_BRAND_FIRST	0x80000002UL	/* three leaves of 16 chars */
#define CPUID_BRAND_LAST	0x80000004UL
#define CPUID_EXT_MAX		0x80000000UL
#define BRAND_LEN		48
#define FAMILY(eax)		(((eax) >> 8) & 0xF)
#define MODEL(eax)		(((eax) >> 4) & 0xF)
#define STEPPING(eax)		((eax) & 0xF)
#define X86_FEATURE_FPU		0x00000001

/* CPUID.1 edx, bit by bit, with Linux's names ("" for reserved bits). */
static const char *const x86_cap_flags[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce",
	"cx8", "apic", "", "sep", "mtrr", "pge", "mca", "cmov",
	"pat", "pse36", "pn", "clflush", "", "dts", "acpi", "mmx",
	"fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe",
};

/* Ticks the processes were charged, user and system, reaped ones too. */
static void cpu_ticks(unsigned long *user, unsigned long *system)
{
	struct task_struct *p;

	*user = *system = 0;
	for_each_task(p) {
		*user += p->utime + p->cutime;
		*system += p->stime + p->cstime;
	}
}

static int nr_blocked(void)
{
	struct task_struct *p;
	int n = 0;

	for_each_task(p)
		n += p->state == TASK_UNINTERRUPTIBLE;
	return n;
}

/*
 * /proc/stat. Ticks are USER_HZ (= HZ); idle is what no process was
 * charged for. Lintel counts neither nice, iowait nor interrupt time.
 */
int proc_stat_show(struct proc_buf *pb, struct task_struct *task)
{
	unsigned long user, system, busy, idle;

	cpu_ticks(&user, &system);
	busy = user + system;
	idle = jiffies > busy ? jiffies - busy : 0;
	proc_printf(pb, "cpu  %lu 0 %lu %lu 0 0 0 0 0 0\n", user, system,
		    idle);
	proc_printf(pb, "cpu0 %lu 0 %lu %lu 0 0 0 0 0 0\n", user, system,
		    idle);
	proc_printf(pb, "ctxt %lu\nbtime %lu\nprocesses %lu\n", nr_switches,
		    startup_time, total_forks);
	proc_printf(pb, "procs_running %d\nprocs_blocked %d\n", nr_running(),
		    nr_blocked());
	return 0;
}

/* /proc/loadavg: "0.12 0.05 0.01 1/23 456" */
int proc_loadavg_show(struct proc_buf *pb, struct task_struct *task)
{
	proc_printf(pb, "%lu.%02lu %lu.%02lu %lu.%02lu %d/%d %d\n",
		    LOAD_INT(avenrun[0]), LOAD_FRAC(avenrun[0]),
		    LOAD_INT(avenrun[1]), LOAD_FRAC(avenrun[1]),
		    LOAD_INT(avenrun[2]), LOAD_FRAC(avenrun[2]),
		    nr_running(), nr_tasks - 1, last_pid);
	return 0;
}

/* /proc/mounts: device, mount point, type, options, 0 0. */
int proc_mounts_show(struct proc_buf *pb, struct task_struct *task)
{
	const struct vfsmount *mnt;
	struct inode root;
	unsigned int i;

	for (i = 0; (mnt = get_mount(i)) != NULL; i++) {
		int ro = !lookup_inode(mnt->mnt_dirname, &root) &&
			 IS_RDONLY(&root);

		proc_printf(pb, "%s %s %s %s 0 0\n", mnt->mnt_devname,
			    mnt->mnt_dirname, mnt->mnt_type, ro ? "ro" : "rw");
	}
	return 0;
}

/* The processor's brand string, if CPUID has one, into brand[BRAND_LEN + 1]. */
static void cpu_brand(char *brand)
{
	unsigned long regs[4], leaf;

	brand[0] = '\0';
	cpuid(CPUID_EXT_MAX, regs);
	if (regs[0] < CPUID_BRAND_LAST)
		return;
	for (leaf = CPUID_BRAND_FIRST; leaf <= CPUID_BRAND_LAST; leaf++) {
		cpuid(leaf, regs);
		memcpy(brand + (leaf - CPUID_BRAND_FIRST) * sizeof(regs), regs,
		       sizeof(regs));
	}
	brand[BRAND_LEN] = '\0';
}

/* /proc/cpuinfo for processor 0 (the only one). */
int proc_cpuinfo_show(struct proc_buf *pb, struct task_struct *task)
{
	unsigned long regs[4], sig, edx;
	char vendor[13], brand[BRAND_LEN + 1];
	int i;

	proc_printf(pb, "processor\t: 0\n");
	if (!have_cpuid())
		return 0;
	cpuid(0, regs);
	memcpy(vendor, &regs[1], 4);
	memcpy(vendor + 4, &regs[3], 4);
	memcpy(vendor + 8, &regs[2], 4);
	vendor[12] = '\0';
	cpuid(CPUID_LEAF_FEATURES, regs);
	sig = regs[0];
	edx = regs[3];
	cpu_brand(brand);
	proc_printf(pb, "vendor_id\t: %s\ncpu family\t: %lu\nmodel\t\t: %lu\n"
		    "model name\t: %s\nstepping\t: %lu\nfpu\t\t: %s\nflags\t\t:",
		    vendor, FAMILY(sig), MODEL(sig), brand, STEPPING(sig),
		    edx & X86_FEATURE_FPU ? "yes" : "no");
	for (i = 0; i < 32; i++)
		if ((edx & (1UL << i)) && x86_cap_flags[i][0])
			proc_printf(pb, " %s", x86_cap_flags[i]);
	proc_printf(pb, "\n\n");
	return 0;
}
