/*
 * uptime.c - /proc/uptime: seconds since boot, and seconds the CPU
 * spent idle, each with two decimals ("12.34 10.02").
 *
 * As 1.2.13, the idle time is the idle task's (task[0]) CPU time; Lintel
 * counts it by the clock at every switch (kernel/sched.c), not by ticks.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/proc_fs.h>

#define NSEC_PER_CENTISEC	(NSEC_PER_SEC / 100)

/* ns as seconds with two decimals, truncated as Linux prints them. */
static void print_centisecs(struct proc_buf *pb, u64 ns, const char *end)
{
	unsigned long cs = ns / NSEC_PER_CENTISEC;

	proc_printf(pb, "%lu.%02lu%s", cs / 100, cs % 100, end);
}

int proc_uptime_show(struct proc_buf *pb, struct task_struct *task)
{
	print_centisecs(pb, get_monotonic_ns(), " ");
	print_centisecs(pb, task_sched_runtime(&init_task), "\n");
	return 0;
}
