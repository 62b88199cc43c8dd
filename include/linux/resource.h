#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

/*
 * What a process has used (kernel/rusage.c): Linux i386's struct rusage,
 * as getrusage and wait4 give it to a program.
 */
#include <linux/time.h>
#include <uapi/linux/resource.h>

struct rusage {
	struct timeval ru_utime, ru_stime;
	long ru_maxrss;		/* kilobytes */
	long ru_ixrss, ru_idrss, ru_isrss;	/* never filled, as Linux */
	long ru_minflt, ru_majflt;
	long ru_nswap, ru_inblock, ru_oublock;
	long ru_msgsnd, ru_msgrcv, ru_nsignals;
	long ru_nvcsw, ru_nivcsw;
};

struct task_struct;

int put_child_rusage(struct task_struct *p, struct rusage *ru);
void add_child_times(struct task_struct *parent, struct task_struct *p);

#endif
