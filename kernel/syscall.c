/*
 * syscall.c - int 0x80: the system call table and its dispatcher.
 *
 * Linux i386 ABI: eax holds the number, ebx ecx edx esi edi ebp the
 * arguments; the result (or -errno) goes back in eax. An unknown number
 * gets -ENOSYS. entry.asm's system_call builds the pt_regs and calls a
 * plain slot's fn itself when no per-call work is on; do_syscall is the
 * whole path in C, for everything else.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/fs.h>
#include <linux/ipc.h>
#include <linux/trace.h>
#include <linux/random.h>
#include <linux/sys_call_table.h>
#include <asm/unistd.h>
#include <asm/system.h>

/*
 * The prototypes of every sys_* (linux/syscalls.h, mm.h, fs.h, ipc.h)
 * are in scope here and where each is defined, so the compiler checks
 * the names and the definitions. A regs_fn needs no cast: its type is
 * checked as it is stored. The others declare their own arguments, none
 * to six, each one register wide (never a long long); i386's C calling
 * convention lets the caller pass six longs to any of them (the callee
 * reads what it declared, the caller pops), as 1.2.13's table of plain
 * addresses did. C has no type for "any
 * function", so they are cast to syscall_fn, through void (*)(void),
 * which GCC's -Wcast-function-type documents as matching every function
 * type (a cast through void * would turn a code address into data).
 */
#define SYSCALL(nr, fn)	\
	[nr] = { (syscall_fn)(void (*)(void))sys_##fn, NULL, #fn }
#define SYSCALL_REGS(nr, fn) [nr] = { NULL, sys_##fn, #fn }

const struct syscall_entry sys_call_table[NR_syscalls] = {
	SYSCALL(__NR_restart_syscall, restart_syscall),
	SYSCALL(__NR_exit, exit),
	SYSCALL_REGS(__NR_fork, fork),
	SYSCALL(__NR_read, read),
	SYSCALL(__NR_write, write),
	SYSCALL(__NR_open, open),
	SYSCALL(__NR_close, close),
	SYSCALL(__NR_waitpid, waitpid),
	SYSCALL_REGS(__NR_execve, execve),
	SYSCALL(__NR_chdir, chdir),
	SYSCALL(__NR_time, time),
	SYSCALL(__NR_lseek, lseek),
	SYSCALL(__NR_getpid, getpid),
	SYSCALL(__NR_setuid, setuid),
	SYSCALL(__NR_getuid, getuid),
	SYSCALL(__NR_alarm, alarm),
	SYSCALL(__NR_pause, pause),
	SYSCALL(__NR_access, access),
	SYSCALL(__NR_nice, nice),
	SYSCALL(__NR_kill, kill),
	SYSCALL(__NR_dup, dup),
	SYSCALL(__NR_pipe, pipe),
	SYSCALL(__NR_times, times),
	SYSCALL(__NR_brk, brk),
	SYSCALL(__NR_setgid, setgid),
	SYSCALL(__NR_getgid, getgid),
	SYSCALL(__NR_signal, signal),
	SYSCALL(__NR_geteuid, geteuid),
	SYSCALL(__NR_getegid, getegid),
	SYSCALL(__NR_ioctl, ioctl),
	SYSCALL(__NR_fcntl, fcntl),
	SYSCALL(__NR_setpgid, setpgid),
	SYSCALL(__NR_umask, umask),
	SYSCALL(__NR_dup2, dup2),
	SYSCALL(__NR_getppid, getppid),
	SYSCALL(__NR_getpgrp, getpgrp),
	SYSCALL(__NR_setsid, setsid),
	SYSCALL(__NR_sigaction, sigaction),
	SYSCALL(__NR_setreuid, setreuid),
	SYSCALL(__NR_setregid, setregid),
	SYSCALL(__NR_setrlimit, setrlimit),
	SYSCALL(__NR_getrlimit, old_getrlimit),
	SYSCALL(__NR_getrusage, getrusage),
	SYSCALL(__NR_gettimeofday, gettimeofday),
	SYSCALL(__NR_settimeofday, settimeofday),
	SYSCALL(__NR_getgroups, getgroups),
	SYSCALL(__NR_setgroups, setgroups),
	SYSCALL(__NR_select, old_select),
	SYSCALL(__NR_readlink, readlink),
	SYSCALL(__NR_swapon, swapon),
	SYSCALL(__NR_reboot, reboot),
	SYSCALL(__NR_mmap, old_mmap),
	SYSCALL(__NR_munmap, munmap),
	SYSCALL(__NR_getpriority, getpriority),
	SYSCALL(__NR_setpriority, setpriority),
	SYSCALL(__NR_setitimer, setitimer),
	SYSCALL(__NR_getitimer, getitimer),
	SYSCALL(__NR_stat, stat),
	SYSCALL(__NR_lstat, lstat),
	SYSCALL(__NR_fstat, fstat),
	SYSCALL(__NR_wait4, wait4),
	SYSCALL(__NR_swapoff, swapoff),
	SYSCALL(__NR_sysinfo, sysinfo),
	SYSCALL(__NR_ipc, ipc),
	SYSCALL_REGS(__NR_sigreturn, sigreturn),
	SYSCALL_REGS(__NR_clone, clone),
	SYSCALL(__NR_uname, uname),
	SYSCALL(__NR_mprotect, mprotect),
	SYSCALL(__NR_sigprocmask, sigprocmask),
	SYSCALL(__NR_getpgid, getpgid),
	SYSCALL(__NR_fchdir, fchdir),
	SYSCALL(__NR_personality, personality),
	SYSCALL(__NR__llseek, llseek),
	SYSCALL(__NR_getdents, getdents),
	SYSCALL(__NR__newselect, select),
	SYSCALL(__NR_msync, msync),
	SYSCALL(__NR_getsid, getsid),
	SYSCALL(__NR_readv, readv),
	SYSCALL(__NR_writev, writev),
	SYSCALL(__NR_sched_setparam, sched_setparam),
	SYSCALL(__NR_sched_getparam, sched_getparam),
	SYSCALL(__NR_sched_setscheduler, sched_setscheduler),
	SYSCALL(__NR_sched_getscheduler, sched_getscheduler),
	SYSCALL(__NR_sched_yield, sched_yield),
	SYSCALL(__NR_sched_get_priority_max, sched_get_priority_max),
	SYSCALL(__NR_sched_get_priority_min, sched_get_priority_min),
	SYSCALL(__NR_sched_rr_get_interval, sched_rr_get_interval),
	SYSCALL(__NR_nanosleep, nanosleep),
	SYSCALL(__NR_mremap, mremap),
	SYSCALL(__NR_poll, poll),
	SYSCALL(__NR_setresuid, setresuid),
	SYSCALL(__NR_getresuid, getresuid),
	SYSCALL(__NR_setresgid, setresgid),
	SYSCALL(__NR_getresgid, getresgid),
	SYSCALL(__NR_prctl, prctl),
	SYSCALL_REGS(__NR_rt_sigreturn, rt_sigreturn),
	SYSCALL(__NR_rt_sigaction, rt_sigaction),
	SYSCALL(__NR_rt_sigprocmask, rt_sigprocmask),
	SYSCALL(__NR_rt_sigpending, rt_sigpending),
	SYSCALL(__NR_rt_sigsuspend, rt_sigsuspend),
	SYSCALL(__NR_pread64, pread64),
	SYSCALL(__NR_pwrite64, pwrite64),
	SYSCALL(__NR_getcwd, getcwd),
	SYSCALL_REGS(__NR_sigaltstack, sigaltstack),
	SYSCALL_REGS(__NR_vfork, vfork),
	SYSCALL(__NR_ugetrlimit, getrlimit),
	SYSCALL(__NR_mmap2, mmap2),
	SYSCALL(__NR_stat64, stat64),
	SYSCALL(__NR_lstat64, lstat64),
	SYSCALL(__NR_fstat64, fstat64),
	SYSCALL(__NR_getuid32, getuid),
	SYSCALL(__NR_getgid32, getgid),
	SYSCALL(__NR_geteuid32, geteuid),
	SYSCALL(__NR_getegid32, getegid),
	SYSCALL(__NR_setreuid32, setreuid),
	SYSCALL(__NR_setregid32, setregid),
	SYSCALL(__NR_getgroups32, getgroups),
	SYSCALL(__NR_setgroups32, setgroups),
	SYSCALL(__NR_setresuid32, setresuid),
	SYSCALL(__NR_getresuid32, getresuid),
	SYSCALL(__NR_setresgid32, setresgid),
	SYSCALL(__NR_getresgid32, getresgid),
	SYSCALL(__NR_setuid32, setuid),
	SYSCALL(__NR_setgid32, setgid),
	SYSCALL(__NR_mincore, mincore),
	SYSCALL(__NR_madvise, madvise),
	SYSCALL(__NR_getdents64, getdents64),
	SYSCALL(__NR_gettid, gettid),
	SYSCALL(__NR_tkill, tkill),
	SYSCALL(__NR_fcntl64, fcntl),
	SYSCALL(__NR_sched_setaffinity, sched_setaffinity),
	SYSCALL(__NR_sched_getaffinity, sched_getaffinity),
	SYSCALL_REGS(__NR_set_thread_area, set_thread_area),
	SYSCALL(__NR_get_thread_area, get_thread_area),
	SYSCALL(__NR_exit_group, exit_group),
	SYSCALL(__NR_set_tid_address, set_tid_address),
	SYSCALL(__NR_clock_settime, clock_settime),
	SYSCALL(__NR_clock_gettime, clock_gettime),
	SYSCALL(__NR_clock_getres, clock_getres),
	SYSCALL(__NR_clock_nanosleep, clock_nanosleep),
	SYSCALL(__NR_tgkill, tgkill),
	SYSCALL(__NR_futex, futex),
	SYSCALL(__NR_set_robust_list, set_robust_list),
	SYSCALL(__NR_get_robust_list, get_robust_list),
	SYSCALL(__NR_openat, openat),
	SYSCALL(__NR_mkdirat, mkdirat),
	SYSCALL(__NR_fstatat64, fstatat64),
	SYSCALL(__NR_unlinkat, unlinkat),
	SYSCALL(__NR_readlinkat, readlinkat),
	SYSCALL(__NR_faccessat, faccessat),
	SYSCALL(__NR_pselect6, pselect6),
	SYSCALL(__NR_getcpu, getcpu),
	SYSCALL(__NR_dup3, dup3),
	SYSCALL(__NR_pipe2, pipe2),
	SYSCALL(__NR_prlimit64, prlimit64),
	SYSCALL(__NR_getrandom, getrandom),
	SYSCALL(__NR_statx, statx),
	SYSCALL(__NR_shmget, shmget),
	SYSCALL(__NR_shmctl, shmctl),
	SYSCALL(__NR_shmat, shmat),
	SYSCALL(__NR_shmdt, shmdt),
	SYSCALL(__NR_semget, semget),
	SYSCALL(__NR_semctl, semctl),
	SYSCALL(__NR_msgget, msgget),
	SYSCALL(__NR_msgsnd, msgsnd),
	SYSCALL(__NR_msgrcv, msgrcv),
	SYSCALL(__NR_msgctl, msgctl),
	SYSCALL(__NR_clock_gettime64, clock_gettime64),
	SYSCALL(__NR_link, link),
	SYSCALL(__NR_unlink, unlink),
	SYSCALL(__NR_chmod, chmod),
	SYSCALL(__NR_rename, rename),
	SYSCALL(__NR_mkdir, mkdir),
	SYSCALL(__NR_rmdir, rmdir),
	SYSCALL(__NR_symlink, symlink),
	SYSCALL(__NR_truncate, truncate),
	SYSCALL(__NR_ftruncate, ftruncate),
	SYSCALL(__NR_fchmod, fchmod),
	SYSCALL(__NR_statfs, statfs),
	SYSCALL(__NR_fstatfs, fstatfs),
	SYSCALL(__NR_fsync, fsync),
	SYSCALL(__NR_fdatasync, fdatasync),
	SYSCALL(__NR_truncate64, truncate64),
	SYSCALL(__NR_ftruncate64, ftruncate64),
	SYSCALL(__NR_lchown32, lchown),
	SYSCALL(__NR_fchown32, fchown),
	SYSCALL(__NR_chown32, chown),
	SYSCALL(__NR_statfs64, statfs64),
	SYSCALL(__NR_fstatfs64, fstatfs64),
	SYSCALL(__NR_utimes, utimes),
	SYSCALL(__NR_fchownat, fchownat),
	SYSCALL(__NR_renameat, renameat),
	SYSCALL(__NR_linkat, linkat),
	SYSCALL(__NR_symlinkat, symlinkat),
	SYSCALL(__NR_fchmodat, fchmodat),
	SYSCALL(__NR_utimensat, utimensat),
	SYSCALL(__NR_renameat2, renameat2),
	SYSCALL(__NR_utimensat_time64, utimensat_time64),
	SYSCALL(__NR_mknod, mknod),
	SYSCALL(__NR_mknodat, mknodat),
	SYSCALL(__NR_clock_settime64, clock_settime64),
	SYSCALL(__NR_clock_getres_time64, clock_getres_time64),
	SYSCALL(__NR_clock_nanosleep_time64, clock_nanosleep_time64),
	SYSCALL(__NR_pselect6_time64, pselect6_time64),
	SYSCALL(__NR_semtimedop_time64, semtimedop_time64),
	SYSCALL(__NR_futex_time64, futex_time64),
	SYSCALL(__NR_sched_rr_get_interval_time64, sched_rr_get_interval_time64),
	SYSCALL(__NR_creat, creat),
	SYSCALL(__NR_utime, utime),
	SYSCALL(__NR_sync, sync),
	SYSCALL(__NR_flock, flock),
	SYSCALL(__NR_syncfs, syncfs),
	SYSCALL(__NR_waitid, waitid),
	SYSCALL(__NR_ppoll, ppoll),
	SYSCALL(__NR_ppoll_time64, ppoll_time64),
	SYSCALL(__NR_rt_sigtimedwait, rt_sigtimedwait),
	SYSCALL(__NR_rt_sigqueueinfo, rt_sigqueueinfo),
	SYSCALL(__NR_rt_tgsigqueueinfo, rt_tgsigqueueinfo),
	SYSCALL(__NR_rt_sigtimedwait_time64, rt_sigtimedwait_time64),
	SYSCALL(__NR_lchown, lchown16),
	SYSCALL(__NR_fchown, fchown16),
	SYSCALL(__NR_chown, chown16),
	SYSCALL(__NR_sendfile, sendfile),
	SYSCALL(__NR_readahead, readahead),
	SYSCALL(__NR_sendfile64, sendfile64),
	SYSCALL(__NR_fadvise64, fadvise64),
	SYSCALL(__NR_fadvise64_64, fadvise64_64),
	SYSCALL(__NR_futimesat, futimesat),
	SYSCALL(__NR_preadv, preadv),
	SYSCALL(__NR_pwritev, pwritev),
	SYSCALL(__NR_preadv2, preadv2),
	SYSCALL(__NR_pwritev2, pwritev2),
	SYSCALL(__NR_close_range, close_range),
	SYSCALL(__NR_copy_file_range, copy_file_range),
	SYSCALL(__NR_faccessat2, faccessat2),
};

/*
 * The name of system call nr, for trace=syscall: the table's own for a
 * call Lintel has, else Linux's (kernel/syscall_names.c), so a call that
 * answers ENOSYS is still named; "unknown" only where Linux has none.
 */
static const char *syscall_name(unsigned long nr)
{
	if (nr >= NR_syscalls)
		return "unknown";
	if (sys_call_table[nr].name)
		return sys_call_table[nr].name;
	return linux_syscall_names[nr] ? linux_syscall_names[nr] : "unknown";
}

/*
 * Called by entry.asm's system_call with interrupts off, for every call
 * its assembly dispatch does not make: a number past the table, a slot
 * that takes the frame (regs_fn) or is empty (ENOSYS), and every call
 * while trace=syscall is on. What a call sees is the same on both paths.
 */
void do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_eax;
	const struct syscall_entry *s;
	long ret = -ENOSYS;

	sti();
	if (nr < NR_syscalls) {
		s = &sys_call_table[nr];
		if (s->regs_fn)
			ret = s->regs_fn(regs);
		else if (s->fn)
			ret = s->fn(regs->ebx, regs->ecx, regs->edx,
				    regs->esi, regs->edi, regs->ebp);
	}
	trace(TRACE_SYSCALL, "SYSCALL pid=%d %s(0x%lx, 0x%lx, 0x%lx) = %ld\n",
	      current->pid, syscall_name(nr), regs->ebx, regs->ecx, regs->edx,
	      ret);
	regs->eax = ret;
}
