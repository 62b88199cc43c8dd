#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

/*
 * The system calls that kernel/ implements (mm's are in linux/mm.h, the
 * file layer's in linux/fs.h, SysV IPC's in linux/ipc.h). Those that need
 * the whole register frame (fork, execve, sigreturn) take pt_regs.
 */
#include <linux/types.h>
#include <linux/signal.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

struct rlimit;
struct timespec;
struct timeval;
struct timezone;
struct __kernel_timespec;
struct itimerval;
struct rusage;
struct tms;
struct new_utsname;
struct sysinfo;
struct old_sigaction;
struct user_desc;
struct task_struct;
struct rlimit64;

long sys_exit(int status);
long sys_exit_group(int status);
long sys_fork(struct pt_regs *regs);
long sys_vfork(struct pt_regs *regs);
long sys_clone(struct pt_regs *regs);
long sys_execve(struct pt_regs *regs);
/* fs/select.c: poll with a signal mask */
struct timespec;
struct __kernel_timespec;
struct pollfd;
long sys_ppoll(struct pollfd *ufds, unsigned int nfds,		/* 309 */
	       struct timespec *tsp, const sigset_t *sigmask,
	       unsigned long sigsetsize);
long sys_ppoll_time64(struct pollfd *ufds, unsigned int nfds,	/* 414 */
		      struct __kernel_timespec *tsp, const sigset_t *sigmask,
		      unsigned long sigsetsize);
/* kernel/sigwait.c: signals as data */
struct siginfo;
long sys_rt_sigtimedwait(const sigset_t *uthese,			/* 177 */
			 struct siginfo *uinfo, const struct timespec *uts,
			 unsigned long sigsetsize);
long sys_rt_sigqueueinfo(pid_t tgid, int sig,				/* 178 */
			 const struct siginfo *uinfo);
long sys_rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig,		/* 335 */
			   const struct siginfo *uinfo);
long sys_rt_sigtimedwait_time64(const sigset_t *uthese,		/* 421 */
				struct siginfo *uinfo,
				const struct __kernel_timespec *uts,
				unsigned long sigsetsize);
long sys_waitid(int which, pid_t id, struct siginfo *infop,	/* 284 */
		int options, struct rusage *ru);
long sys_wait4(pid_t pid, int *stat_addr, int options,
	       struct rusage *rusage);
long sys_waitpid(pid_t pid, int *stat_addr, int options);
long sys_sched_yield(void);
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long *mask);
long sys_sched_setaffinity(pid_t pid, unsigned int len,
			   const unsigned long *mask);
long sys_set_thread_area(struct pt_regs *regs);
long sys_get_thread_area(struct user_desc *u_info);
void clear_TLS(void);
int get_clone_tls(const struct user_desc *u_info, struct user_desc *info);
void set_clone_tls(struct task_struct *p, const struct user_desc *info);
long sys_gettid(void);
long sys_prctl(int option, unsigned long arg2);
long sys_set_tid_address(int *tidptr);
long sys_tgkill(pid_t tgid, pid_t tid, int sig);
long sys_tkill(pid_t tid, int sig);
long sys_set_robust_list(void *head, unsigned long len);
long sys_futex(unsigned long *uaddr, int op, unsigned long val,
	       const struct timespec *utime, unsigned long *uaddr2,
	       unsigned long val3);
long sys_futex_time64(unsigned long *uaddr, int op, unsigned long val,
		      const void *utime, unsigned long *uaddr2,
		      unsigned long val3);				/* 422 */
long sys_restart_syscall(void);					/* 0 */
long sys_get_robust_list(pid_t pid, void **head_ptr, unsigned long *len_ptr);
long sys_prlimit64(pid_t pid, unsigned int resource,
		   const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim);
long sys_old_getrlimit(unsigned int resource, struct rlimit *rlim);

long sys_kill(int pid, int sig);
long sys_signal(int sig, void (*handler)(int));
long sys_sigaction(int sig, const struct old_sigaction *act,
		   struct old_sigaction *oact);
long sys_rt_sigaction(int sig, const struct sigaction *act,
		      struct sigaction *oact, unsigned long sigsetsize);
long sys_sigprocmask(int how, const unsigned long *set, unsigned long *oset);
long sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *oset,
			unsigned long sigsetsize);
long sys_rt_sigpending(sigset_t *set, unsigned long sigsetsize);
long sys_rt_sigsuspend(const sigset_t *mask, unsigned long sigsetsize);
long sys_sigreturn(struct pt_regs *regs);
long sys_rt_sigreturn(struct pt_regs *regs);
long sys_pause(void);
long sys_alarm(unsigned int seconds);

long sys_getpid(void);
long sys_getppid(void);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_setuid(uid_t uid);
long sys_setgid(gid_t gid);
long sys_setreuid(uid_t r, uid_t e);
long sys_setregid(gid_t r, gid_t e);
long sys_setresuid(uid_t r, uid_t e, uid_t s);
long sys_setresgid(gid_t r, gid_t e, gid_t s);
long sys_getresuid(uid_t *r, uid_t *e, uid_t *s);
long sys_getresgid(gid_t *r, gid_t *e, gid_t *s);
long sys_getgroups(int size, gid_t *list);
long sys_setgroups(int size, const gid_t *list);
long sys_getpgrp(void);
long sys_getpgid(pid_t pid);
long sys_getsid(pid_t pid);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_setsid(void);
long sys_getrlimit(unsigned int resource, struct rlimit *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit *rlim);

/* kernel/clock.c */
long sys_time(long *tloc);
long sys_gettimeofday(struct timeval *tv, struct timezone *tz);
long sys_settimeofday(const struct timeval *tv, const struct timezone *tz);
long sys_clock_gettime(int which, struct timespec *tp);
long sys_clock_gettime64(int which, struct __kernel_timespec *tp);
long sys_clock_settime(int which, const struct timespec *tp);
long sys_clock_settime64(int which, const struct __kernel_timespec *tp);
long sys_clock_getres(int which, struct timespec *tp);
long sys_clock_getres_time64(int which, struct __kernel_timespec *tp);
long sys_nanosleep(const struct timespec *rqtp, struct timespec *rmtp);
long sys_clock_nanosleep(int which, int flags, const struct timespec *rqtp,
			 struct timespec *rmtp);
long sys_clock_nanosleep_time64(int which, int flags,
				const struct __kernel_timespec *rqtp,
				struct __kernel_timespec *rmtp);

/* kernel/itimer.c and kernel/rusage.c */
long sys_getitimer(int which, struct itimerval *value);
long sys_setitimer(int which, const struct itimerval *value,
		   struct itimerval *ovalue);
long sys_times(struct tms *tbuf);
long sys_getrusage(int who, struct rusage *ru);

long sys_uname(struct new_utsname *name);
long sys_personality(unsigned long persona);
long sys_getcpu(unsigned int *cpu, unsigned int *node, void *cache);
long sys_sysinfo(struct sysinfo *info);
long sys_reboot(unsigned long magic1, unsigned long magic2, unsigned long cmd,
		unsigned long arg);

/* kernel/priority.c: nice values and scheduling policies */
struct sched_param {
	int sched_priority;
};
long sys_nice(int increment);
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int niceval);
long sys_sched_get_priority_max(int policy);
long sys_sched_get_priority_min(int policy);
long sys_sched_getscheduler(pid_t pid);
long sys_sched_getparam(pid_t pid, struct sched_param *param);
long sys_sched_setscheduler(pid_t pid, int policy,
			    const struct sched_param *param);
long sys_sched_setparam(pid_t pid, const struct sched_param *param);
long sys_sched_rr_get_interval(pid_t pid, struct timespec *interval);
long sys_sched_rr_get_interval_time64(pid_t pid,
				      struct __kernel_timespec *interval);
int put_timespec(const struct timespec *ts, void *u, int time64);
int get_timespec(struct timespec *ts, const void *u, int time64);

/* kernel/signal.c: the alternate signal stack */
long sys_sigaltstack(struct pt_regs *regs);
int sas_ss_flags(unsigned long sp);

/* kernel/syscall_names.c, generated: Linux's name for every number */
extern const char *const linux_syscall_names[NR_syscalls];

#endif
