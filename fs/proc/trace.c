/*
 * trace.c - /proc/trace: the fault-path trace switched at run time.
 *
 *	cat /proc/trace			what is traced: "fault,shm"
 *	echo fault,shm > /proc/trace	trace those (names: trace.h)
 *	echo none > /proc/trace		trace nothing
 *
 * The same names as trace= on the kernel command line. Only root may
 * write (the file is 0644, root's).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/trace.h>
#include <linux/proc_fs.h>
#include <asm/segment.h>

#define TRACE_TEXT_MAX	64	/* every name, commas and newline: 28 */

int proc_trace_show(struct proc_buf *pb, struct task_struct *task)
{
	char text[TRACE_TEXT_MAX];

	trace_format(text, sizeof(text), trace_mask);
	proc_printf(pb, "%s", text);
	return 0;
}

/* The whole setting in one write; unknown names (so "none") add nothing. */
int proc_trace_write(const char *buf, int count)
{
	char text[TRACE_TEXT_MAX];
	int n = count;

	if (count >= TRACE_TEXT_MAX)
		return -EINVAL;
	if (memcpy_fromfs(text, buf, count))
		return -EFAULT;
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
		n--;
	text[n] = '\0';
	trace_mask = trace_parse(text);
	return count;
}
