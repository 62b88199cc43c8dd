/*
 * sys.c - asking about and steering the system as a whole.
 */
#include <sched.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>
#include <sys/reboot.h>
#include <sys/swap.h>
#include <sys/resource.h>
#include <sys/syscall.h>

_Static_assert(sizeof(struct sysinfo) == 64, "Linux i386 sysinfo layout");

int uname(struct utsname *buf)
{
	return syscall(__NR_uname, buf);
}

int sysinfo(struct sysinfo *info)
{
	return syscall(__NR_sysinfo, info);
}

int reboot(int magic, int magic2, int cmd, void *arg)
{
	return syscall(__NR_reboot, magic, magic2, cmd, arg);
}

int swapon(const char *path, int flags)
{
	return syscall(__NR_swapon, path, flags);
}

int swapoff(const char *path)
{
	return syscall(__NR_swapoff, path);
}

int sched_yield(void)
{
	return syscall(__NR_sched_yield);
}

/* ugetrlimit, not the old getrlimit (76) that clips at 0x7fffffff. */
int getrlimit(int resource, struct rlimit *rlim)
{
	return syscall(__NR_ugetrlimit, resource, rlim);
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	return syscall(__NR_setrlimit, resource, rlim);
}
