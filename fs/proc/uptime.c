/*
 * uptime.c - /proc/uptime: seconds since boot, and seconds the CPU
 * spent idle, each with two decimals ("12.34 10.02").
 *
 * 1.2.13 read the idle time off task[0]. Lintel's timer charges no tick
 * to the idle task, so the idle time is what no process was charged
 * for: every tick minus the times of the living and of the children
 * they reaped.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/proc_fs.h>

static unsigned long busy_ticks(void)
{
	struct task_struct *p;
	unsigned long ticks = 0;

	for_each_task(p)
		ticks += p->utime + p->stime + p->cutime + p->cstime;
	return ticks;
}

int proc_uptime_show(struct proc_buf *pb, struct task_struct *task)
{
	unsigned long up = jiffies, busy = busy_ticks();
	unsigned long idle = busy < up ? up - busy : 0;

	proc_printf(pb, "%lu.%02lu %lu.%02lu\n", up / HZ, up % HZ * 100 / HZ,
		    idle / HZ, idle % HZ * 100 / HZ);
	return 0;
}
