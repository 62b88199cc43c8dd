#ifndef _LINUX_TRACE_H
#define _LINUX_TRACE_H

/*
 * Event tracing for readers: trace=fault,shm,cow,sched,syscall,fpu,ipc,swap on the
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
#define TRACE_FPU	0x20
#define TRACE_IPC	0x40	/* semaphore and message queue sleeps, wake-ups */
#define TRACE_SWAP	0x80	/* pages going out to swap and coming back */

extern unsigned long trace_mask;

#define tracing(kind)	__builtin_expect((trace_mask & (kind)) != 0, 0)

#define trace(kind, fmt, ...)					\
	do {							\
		if (tracing(kind))				\
			printk(fmt, ##__VA_ARGS__);		\
	} while (0)

/*
 * A step of the fault path: " -> step" on the FAULT line that
 * do_page_fault is printing, or, when only kind is traced, a line of its
 * own ("SHM pid=4 shm_swap_in seg=0 idx=1 new pfn=0x1a3").
 */
extern int trace_in_fault;
void __trace_step(unsigned long kind, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define trace_step(kind, fmt, ...)					\
	do {								\
		if (tracing((kind) | TRACE_FAULT))			\
			__trace_step(kind, fmt, ##__VA_ARGS__);		\
	} while (0)

/*
 * An event whose text names itself ("SWAP out pid=3 ..."): a line of its
 * own when kind is traced, or a step of the FAULT line being printed.
 */
void trace_event(unsigned long kind, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

unsigned long trace_parse(const char *list);
int trace_format(char *buf, int size, unsigned long mask);

#endif
