#ifndef _LINUX_TRACE_H
#define _LINUX_TRACE_H

/*
 * Event tracing for readers: trace=fault,shm,cow,sched,syscall on the
 * command line (or at run time, through /proc/trace) prints one greppable
 * line per event to the log ring and the serial console. Off by default;
 * when off, each trace point costs one test of trace_mask.
 */
#include <linux/kernel.h>

#define TRACE_FAULT	0x01
#define TRACE_SHM	0x02
#define TRACE_COW	0x04
#define TRACE_SCHED	0x08
#define TRACE_SYSCALL	0x10

extern unsigned long trace_mask;

#define tracing(kind)	__builtin_expect((trace_mask & (kind)) != 0, 0)

#define trace(kind, fmt, ...)					\
	do {							\
		if (tracing(kind))				\
			printk(fmt, ##__VA_ARGS__);		\
	} while (0)

unsigned long trace_parse(const char *list);
int trace_format(char *buf, int size, unsigned long mask);

#endif
