#ifndef _UAPI_LINUX_RESOURCE_H
#define _UAPI_LINUX_RESOURCE_H

/*
 * Resource limits, Linux i386: getrlimit/ugetrlimit (76/191) and
 * setrlimit (75) move a struct rlimit of two unsigned longs. Shared by
 * the kernel (linux/sched.h, kernel/sys.c) and our libc (sys/resource.h).
 */
#define RLIMIT_CPU	0
#define RLIMIT_FSIZE	1
#define RLIMIT_DATA	2
#define RLIMIT_STACK	3
#define RLIMIT_CORE	4
#define RLIMIT_RSS	5
#define RLIMIT_NPROC	6
#define RLIMIT_NOFILE	7
#define RLIMIT_MEMLOCK	8
#define RLIMIT_AS	9
#define RLIM_NLIMITS	10
#define RLIM_INFINITY	(~0UL)

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

/* getrusage (77): whose use. struct rusage is in linux/resource.h and
 * in our libc's sys/resource.h (it needs each side's struct timeval). */
#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_THREAD	1

/* prlimit64 (340): the same limits, 64 bits wide. */
#define RLIM64_INFINITY	(~0ULL)

struct rlimit64 {
	unsigned long long rlim_cur;
	unsigned long long rlim_max;
};

#endif
