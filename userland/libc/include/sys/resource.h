/*
 * sys/resource.h - resource limits, through ugetrlimit (191) and
 * setrlimit (75), both with the unsigned long struct rlimit.
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>

#include <linux/resource.h>	/* include/uapi/linux/resource.h: the kernel's */

typedef unsigned long rlim_t;

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);

#endif
