/*
 * sys/syscall.h - the Linux i386 system call numbers this libc uses.
 *
 * Lintel uses Linux's own numbers so that one static binary runs on both
 * kernels; keep these in step with arch/x86/entry/syscalls/syscall_32.tbl.
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#define __NR_exit		1
#define __NR_fork		2
#define __NR_read		3
#define __NR_write		4
#define __NR_open		5
#define __NR_close		6
#define __NR_execve		11
#define __NR_chdir		12
#define __NR_time		13
#define __NR_lseek		19
#define __NR_getpid		20
#define __NR_alarm		27
#define __NR_pause		29
#define __NR_kill		37
#define __NR_dup		41
#define __NR_pipe		42
#define __NR_brk		45
#define __NR_ioctl		54
#define __NR_dup2		63
#define __NR_getppid		64
#define __NR_setrlimit		75
#define __NR_gettimeofday	78
#define __NR_reboot		88
#define __NR_munmap		91
#define __NR_wait4		114
#define __NR_sysinfo		116
#define __NR_ipc		117
#define __NR_uname		122
#define __NR_mprotect		125
#define __NR_sched_yield	158
#define __NR_nanosleep		162
#define __NR_rt_sigreturn	173
#define __NR_rt_sigaction	174
#define __NR_rt_sigprocmask	175
#define __NR_rt_sigpending	176
#define __NR_rt_sigsuspend	179
#define __NR_getcwd		183
#define __NR_vfork		190
#define __NR_ugetrlimit		191
#define __NR_mmap2		192
#define __NR_stat64		195
#define __NR_fstat64		197
#define __NR_getuid32		199
#define __NR_getgid32		200
#define __NR_geteuid32		201
#define __NR_getegid32		202
#define __NR_setreuid32		203
#define __NR_setregid32		204
#define __NR_getgroups32	205
#define __NR_setgroups32	206
#define __NR_setresuid32	208
#define __NR_getresuid32	209
#define __NR_setresgid32	210
#define __NR_getresgid32	211
#define __NR_setuid32		213
#define __NR_setgid32		214
#define __NR_getdents64		220
#define __NR_clock_gettime	265
#define __NR_shmget		395
#define __NR_shmctl		396
#define __NR_shmat		397
#define __NR_shmdt		398

#ifndef __ASSEMBLER__
long syscall(long nr, ...);
#endif

#endif
