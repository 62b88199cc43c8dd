/*
 * array.c - /proc/<pid>/status, stat and cmdline (1.2.13 wrote these in
 * its fs/proc/array.c too), in today's Linux layouts:
 *
 *   status   "Key:\tvalue" lines for people and for ps
 *   stat     one line of 52 fields in a fixed order, for programs
 *            (LTP's TST_PROCESS_STATE_WAIT reads the third, the state)
 *   cmdline  the argument strings, each with its NUL
 *
 * What Lintel does not have (threads, nice, tty, page-fault counts)
 * reads as Linux shows it for a plain single-threaded process, mostly 0.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/signal.h>
#include <linux/proc_fs.h>

#define PAGES_TO_KB(pages)	((pages) << (PAGE_SHIFT - 10))
#define BYTES_TO_KB(bytes)	((bytes) >> 10)

/* stat's priority and nice: Linux's values for nice 0 (Lintel has none) */
#define STAT_PRIORITY	20
#define STAT_NICE	0
/* stat's signal fields hold signals 1-31 only, as Linux prints them */
#define STAT_SIGNAL_MASK	0x7fffffffUL

static const char *const state_names[] = {
	[TASK_RUNNING] = "R (running)",
	[TASK_INTERRUPTIBLE] = "S (sleeping)",
	[TASK_UNINTERRUPTIBLE] = "D (disk sleep)",
	[TASK_ZOMBIE] = "Z (zombie)",
	[TASK_STOPPED] = "T (stopped)",
};

static const char *state_name(struct task_struct *p)
{
	if (p->state < 0 || p->state >= (long)ARRAY_SIZE(state_names))
		return "? (unknown)";
	return state_names[p->state];
}

static pid_t parent_pid(struct task_struct *p)
{
	return p->p_pptr ? p->p_pptr->tgid : 0;
}

/* The sizes status and stat report, in bytes. */
struct vm_sizes {
	unsigned long total, data, stack;
};

static void vm_sizes(struct mm_struct *mm, struct vm_sizes *vs)
{
	struct vm_area_struct *vma;
	unsigned long len;

	vs->total = vs->data = vs->stack = 0;
	for (vma = mm ? mm->mmap : NULL; vma; vma = vma->vm_next) {
		len = vma->vm_end - vma->vm_start;
		vs->total += len;
		if (vma->vm_flags & VM_GROWSDOWN)
			vs->stack += len;
		else if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			vs->data += len;
	}
}

/* The handlers' two masks: signals ignored, signals caught. */
static void signal_masks(struct task_struct *p, sigset_t *ign,
			 sigset_t *caught)
{
	int sig;

	*ign = *caught = 0;
	for (sig = 1; sig <= NSIG; sig++) {
		void (*h)(int) = p->sigaction[sig - 1].sa_handler;

		if (h == SIG_IGN)
			*ign |= sigmask(sig);
		else if (h != SIG_DFL)
			*caught |= sigmask(sig);
	}
}

static void show_ids(struct proc_buf *pb, struct task_struct *p)
{
	int i;

	proc_printf(pb, "Uid:\t%u\t%u\t%u\t%u\n", p->uid, p->euid, p->suid,
		    p->euid);
	proc_printf(pb, "Gid:\t%u\t%u\t%u\t%u\n", p->gid, p->egid, p->sgid,
		    p->egid);
	proc_printf(pb, "FDSize:\t%d\nGroups:\t", NR_OPEN);
	for (i = 0; i < p->ngroups; i++)
		proc_printf(pb, "%s%u", i ? " " : "", p->groups[i]);
	proc_printf(pb, "\n");
}

static void show_vm(struct proc_buf *pb, struct mm_struct *mm)
{
	unsigned long code = 0;
	struct vm_sizes vs;

	vm_sizes(mm, &vs);
	if (mm && mm->end_code)
		code = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
	proc_printf(pb, "VmSize:\t%8lu kB\n", BYTES_TO_KB(vs.total));
	proc_printf(pb, "VmLck:\t%8lu kB\n", 0UL);
	proc_printf(pb, "VmRSS:\t%8lu kB\n", mm ? PAGES_TO_KB(mm->rss) : 0);
	proc_printf(pb, "VmData:\t%8lu kB\n", BYTES_TO_KB(vs.data));
	proc_printf(pb, "VmStk:\t%8lu kB\n", BYTES_TO_KB(vs.stack));
	proc_printf(pb, "VmExe:\t%8lu kB\n", BYTES_TO_KB(code));
	proc_printf(pb, "VmLib:\t%8lu kB\n", 0UL);
	proc_printf(pb, "VmSwap:\t%8lu kB\n",
		    mm ? PAGES_TO_KB(mm_swap_pages(mm)) : 0);
}

/*
 * Lintel keeps one pending set per process; it shows as ShdPnd, where
 * Linux puts what kill() sends to a process.
 */
static void show_signals(struct proc_buf *pb, struct task_struct *p)
{
	sigset_t ign, caught;

	signal_masks(p, &ign, &caught);
	proc_printf(pb, "SigPnd:\t%016llx\n", 0ULL);
	proc_printf(pb, "ShdPnd:\t%016llx\n", p->signal);
	proc_printf(pb, "SigBlk:\t%016llx\n", p->blocked);
	proc_printf(pb, "SigIgn:\t%016llx\n", ign);
	proc_printf(pb, "SigCgt:\t%016llx\n", caught);
}

/* Threads: the live tasks of p's thread group (a zombie counts itself). */
static int nr_threads(struct task_struct *p)
{
	struct task_struct *t;
	int n = 0;

	for_each_task(t)
		if (t->tgid == p->tgid && t->state != TASK_ZOMBIE)
			n++;
	return n ? n : 1;
}

/*
 * The Umask: line, four octal digits as Linux's %04o (a umask is at most
 * 0777). A zombie has let go of its fs_struct and has none, as on Linux.
 */
static void show_umask(struct proc_buf *pb, const struct fs_struct *fs)
{
	if (fs)
		proc_printf(pb, "Umask:\t0%c%c%c\n", '0' + ((fs->umask >> 6) & 7),
			    '0' + ((fs->umask >> 3) & 7), '0' + (fs->umask & 7));
}

int proc_pid_status_show(struct proc_buf *pb, struct task_struct *p)
{
	proc_printf(pb, "Name:\t%.*s\n", TASK_COMM_LEN, p->comm);
	show_umask(pb, p->fs);
	proc_printf(pb, "State:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n"
		    "TracerPid:\t0\n", state_name(p), p->tgid, p->pid,
		    parent_pid(p));
	show_ids(pb, p);
	show_vm(pb, p->mm);
	proc_printf(pb, "Threads:\t%d\n", nr_threads(p));
	show_signals(pb, p);
	return 0;
}

/*
 * stat: fields 1-22 are who the process is and the time it used
 * (in ticks: HZ is 100, what Linux reports as USER_HZ).
 */
static void stat_identity(struct proc_buf *pb, struct task_struct *p)
{
	/* no tty: tty_nr 0, tpgid -1; flags 0 */
	proc_printf(pb, "%d (%.*s) %c %d %d %d %d %d %u ", p->pid,
		    TASK_COMM_LEN, p->comm, state_name(p)[0], parent_pid(p),
		    p->pgrp, p->session, 0, -1, 0);
	proc_printf(pb, "%lu %lu %lu %lu ", 0UL, 0UL, 0UL, 0UL); /* faults */
	proc_printf(pb, "%ld %ld %ld %ld %d %d %d %d %ld ", p->utime,
		    p->stime, p->cutime, p->cstime, STAT_PRIORITY, STAT_NICE,
		    1, 0, p->start_time);	/* threads, itrealvalue */
}

/* Fields 23-52: memory, signals, and where the program's parts are. */
static void stat_memory(struct proc_buf *pb, struct task_struct *p)
{
	static struct mm_struct no_mm;
	struct mm_struct *mm = p->mm ? p->mm : &no_mm;
	sigset_t ign, caught;
	struct vm_sizes vs;

	vm_sizes(p->mm, &vs);
	signal_masks(p, &ign, &caught);
	proc_printf(pb, "%lu %lu %lu %lu %lu %lu %lu %lu ", vs.total, mm->rss,
		    p->rlim[RLIMIT_RSS].rlim_cur, mm->start_code,
		    mm->end_code, mm->start_stack, 0UL, 0UL); /* esp, eip */
	proc_printf(pb, "%lu %lu %lu %lu ",
		    (unsigned long)p->signal & STAT_SIGNAL_MASK,
		    (unsigned long)p->blocked & STAT_SIGNAL_MASK,
		    (unsigned long)ign & STAT_SIGNAL_MASK,
		    (unsigned long)caught & STAT_SIGNAL_MASK);
	/* wchan nswap cnswap exit_signal cpu rt_priority policy
	 * blkio_ticks guest_time cguest_time */
	proc_printf(pb, "%d %d %d %d %d %d %d %d %d %d ", 0, 0, 0,
		    p->exit_signal, 0, 0, 0, 0, 0, 0);
	proc_printf(pb, "%lu %lu %lu %lu %lu %lu %lu %d\n", mm->start_data,
		    mm->end_data, mm->start_brk, mm->arg_start, mm->arg_end,
		    mm->env_start, mm->env_end, p->exit_code);
}

int proc_pid_stat_show(struct proc_buf *pb, struct task_struct *p)
{
	stat_identity(pb, p);
	stat_memory(pb, p);
	return 0;
}

/*
 * The kernel address of user address addr in mm, or 0 if its page is
 * not in memory (1.2.13's get_phys_addr): how one process reads
 * another's memory, through the direct map of RAM.
 */
static unsigned long get_phys_addr(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte;

	if (addr >= TASK_SIZE)
		return 0;
	pte = find_pte(mm, addr);
	if (!pte || !pte_present(*pte))
		return 0;
	return pte_page(*pte) + (addr & ~PAGE_MASK);
}

/*
 * The strings exec put at arg_start, page by page; a page that is not
 * in memory ends the text there. A zombie has no memory left: empty.
 */
int proc_pid_cmdline_show(struct proc_buf *pb, struct task_struct *p)
{
	struct mm_struct *mm = p->mm;
	unsigned long addr, page, n;

	if (!mm || !mm->mmap)
		return 0;
	for (addr = mm->arg_start; addr < mm->arg_end; addr += n) {
		page = get_phys_addr(mm, addr);
		if (!page)
			break;
		n = min(mm->arg_end - addr, PAGE_SIZE - (addr & ~PAGE_MASK));
		proc_put(pb, (const char *)page, n);
	}
	return 0;
}
