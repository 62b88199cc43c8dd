#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

/*
 * The process: struct task_struct, with 1.2.13's field names where it had
 * them. Every task has a two-page kernel stack; the task_struct lives in
 * its own kmalloc'd block (not at the stack's base).
 */
#include <linux/types.h>
#include <linux/signal.h>
#include <linux/wait.h>
#include <linux/time.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/ldt.h>
#include <asm/i387.h>

#define NR_TASKS	96	/* the task table's real limit: 64 threads fit */
#define NGROUPS		32
#define NR_OPEN		32
#define TASK_COMM_LEN	16
#define HZ		100
#define DEF_PRIORITY	(20 * HZ / 100)	/* ticks per time slice: 200 ms */
#define KERNEL_STACK_SIZE (2 * PAGE_SIZE)

#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2
#define TASK_ZOMBIE		3
#define TASK_STOPPED		4

#include <uapi/linux/resource.h>	/* RLIMIT_*, struct rlimit: user ABI */

#define OLD_RLIM_MAX	0x7FFFFFFFUL	/* the largest the old getrlimit says */

/*
 * What the context switch saves (1.2.13 kept a hardware TSS image here;
 * Lintel switches in software and keeps only what it needs).
 */
struct thread_struct {
	unsigned long esp0;	/* top of the kernel stack: the TSS's esp0 */
	unsigned long esp;	/* kernel esp saved by switch_to */
	unsigned long eip;	/* where switch_to resumes this task */
	unsigned long cr3;	/* __pa(mm->pgd) while mm is set (1.2.13's) */
	unsigned long cr2, trap_no, error_code;	/* the last fault */
	struct desc_struct tls_array[GDT_ENTRY_TLS_ENTRIES];	/* GDT 6-8 */
	union i387_union i387;	/* FPU state while not in the FPU (fpu.c) */
};

struct file;
struct mm_struct;
struct tty_struct;
struct sem_undo_list;

#define CWD_MAX		128	/* the initramfs has no inodes to point at */

/*
 * What clone's CLONE_FILES shares: the descriptor table (Linux 2.0's
 * files_struct; 1.2.13 kept filp[] and close_on_exec in the task_struct,
 * which cannot be shared). count is how many tasks point at it.
 */
struct files_struct {
	int count;
	unsigned long close_on_exec;	/* a bit per descriptor */
	struct file *fd[NR_OPEN];
};

/*
 * What CLONE_FS shares: the cwd and the umask (Linux 2.0's fs_struct,
 * with a path for the cwd; 1.2.13 kept them in the task_struct).
 */
struct fs_struct {
	int count;
	unsigned short umask;
	char cwd[CWD_MAX];
};

/*
 * What restart_syscall (0) needs to go on with a call that a signal with
 * no handler (a stop, then SIGCONT) interrupted: Linux's restart_block,
 * not in 1.2.13. Only a futex wait with a timeout uses it.
 */
struct restart_block {
	long (*fn)(struct restart_block *);	/* NULL: nothing to go on with */
	unsigned long uaddr, val, bitset;
	int shared;
	u64 end;		/* CLOCK_MONOTONIC ns */
};

struct task_struct {
	volatile long state;
	long counter;		/* ticks left in this slice */
	long priority;		/* ticks in a full slice */
	int nice;		/* -20..19, priority follows it (priority.c) */
	unsigned long personality;	/* PER_LINUX and its flags: reported */
	int policy;		/* SCHED_OTHER, _BATCH or _IDLE: reported only */
	/* all tasks; before the big arrays, as in 1.2.13, so that pick_next
	 * finds init_task's link in the page of .data.sched */
	struct task_struct *next_task, *prev_task;
	sigset_t signal;	/* pending for this thread: tgkill, faults */
	/* the leader's: pending for the whole group (kill), a group stop
	 * under way (its signal) and one wait4 has yet to report */
	sigset_t shared_signal;
	int group_stop, stop_report;
	sigset_t blocked;
	sigset_t saved_blocked;	/* sigsuspend's mask to restore after */
	int restore_blocked;
	struct sigaction sigaction[NSIG];
	struct sig_info {	/* what a SA_SIGINFO handler is told */
		int code;	/* SI_USER, SI_KERNEL, SEGV_MAPERR, ... */
		pid_t pid;	/* sender, for SI_USER */
		uid_t uid;
		unsigned long addr;	/* faulting address, for SEGV_* */
		int value;	/* rt_sigqueueinfo's si_value */
	} sig_info[NSIG];
	sigset_t real_blocked;	/* the mask under rt_sigtimedwait's wait */
	int exit_code;		/* wait status once a zombie */
	int stop_continued;	/* SIGCONT ended a stop: for WCONTINUED */
	int exit_signal;	/* sent to the parent at exit (SIGCHLD) */
	int did_exec;
	int kernel_ds;		/* set_fs(KERNEL_DS): memcpy_*fs reach the kernel */
	int used_math;		/* has an FPU state (tss.i387 or the FPU) */
	pid_t pid, pgrp, session;
	pid_t tgid;		/* the thread group: the leader's pid (getpid) */
	struct task_struct *group_leader;	/* the task whose pid is tgid */
	int group_exit;		/* exit_group or a fatal signal: all must go */
	long group_exit_code;	/* the group's wait status (in the leader) */
	/* family: parent, youngest child, younger and older sibling */
	struct task_struct *p_pptr, *p_cptr, *p_ysptr, *p_osptr;
	struct wait_queue *wait_chldexit;	/* (leader) its group's wait4 */
	uid_t uid, euid, suid;
	gid_t gid, egid, sgid;
	int ngroups;
	gid_t groups[NGROUPS];
	unsigned long timeout;	/* jiffies to wake at, 0 = none */
	/* interval timers (kernel/itimer.c), in ns: REAL is when it fires
	 * on CLOCK_MONOTONIC, VIRT and PROF the CPU time left; 0 = off */
	u64 it_real_value, it_prof_value, it_virt_value;
	u64 it_real_incr, it_prof_incr, it_virt_incr;
	long utime, stime, cutime, cstime, start_time;	/* in ticks */
	/* CPU time by the clock: schedule() adds each stretch on the CPU */
	u64 sum_exec_runtime, exec_start;
	u64 prev_utime, prev_stime;	/* what getrusage said last (ns) */
	u64 cutime_ns, cstime_ns;	/* reaped children's, adjusted */
	unsigned long min_flt, maj_flt, nvcsw, nivcsw, maxrss;
	unsigned long cmin_flt, cmaj_flt, cnvcsw, cnivcsw, cmaxrss;
	struct rlimit rlim[RLIM_NLIMITS];
	char comm[TASK_COMM_LEN];
	struct thread_struct tss;
	struct mm_struct *mm;
	struct tty_struct *tty;	/* controlling terminal, or NULL */
	struct files_struct *files;	/* shared under CLONE_FILES */
	struct fs_struct *fs;		/* shared under CLONE_FS */
	char exe[128];		/* the program's path: /proc/<pid>/exe */
	unsigned long kernel_stack_page;
	int *set_child_tid;	/* CLONE_CHILD_SETTID: the tid goes here */
	int *clear_child_tid;	/* set_tid_address, CLONE_CHILD_CLEARTID */
	void *robust_list;	/* set_robust_list: kept for get_robust_list */
	unsigned long sas_ss_sp;	/* sigaltstack: the alternate stack, */
	unsigned long sas_ss_size;	/* size 0 when there is none */
	struct sem_undo_list *semundo;	/* SEM_UNDO records: CLONE_SYSVSEM */
	struct restart_block restart_block;	/* for restart_syscall */
	struct wait_queue *vfork_wait;	/* CLONE_VFORK: the parent sleeps here */
	struct task_struct *vfork_parent;	/* ... until this child lets go */
};

/* Is p the task whose pid names its thread group? */
static inline int thread_group_leader(struct task_struct *p)
{
	return p->pid == p->tgid;
}

extern struct task_struct *current;
extern struct task_struct *task[NR_TASKS];
extern struct task_struct init_task;
extern unsigned long volatile jiffies;
extern unsigned long startup_time;	/* seconds since 1970 at boot */
#define CURRENT_TIME	get_seconds()
extern int need_resched;
extern int nr_tasks;
extern unsigned long nr_switches;
extern unsigned long total_forks;
extern pid_t last_pid;

/*
 * The load average (1.2.13's avenrun): the number of runnable tasks,
 * decayed over 1, 5 and 15 minutes, in fixed point with FSHIFT bits.
 */
#define FSHIFT		11
#define FIXED_1		(1 << FSHIFT)
extern unsigned long avenrun[3];
int nr_running(void);

#define for_each_task(p) \
	for (p = &init_task; (p = p->next_task) != &init_task; )

/* kernel/sched.c */
void sched_init(void);
void schedule(void);
void wake_up_process(struct task_struct *p);
void do_timer(struct pt_regs *regs);
u64 task_sched_runtime(struct task_struct *p);
void task_cputime_adjusted(struct task_struct *p, u64 *ut, u64 *st);

/* kernel/itimer.c: the per-tick half of the interval timers */
void it_real_fn(struct task_struct *p);
void do_process_times(struct task_struct *p, int user);
void cpu_idle(void) __attribute__((noreturn));
struct task_struct *find_task_by_pid(pid_t pid);

/* A signal p does not block, its own or its group's (kill). */
static inline int signal_pending(struct task_struct *p)
{
	sigset_t pending = p->signal | p->group_leader->shared_signal;

	return (pending & ~p->blocked) != 0;
}

/* kernel/signal.c */
int send_sig(int sig, struct task_struct *p, int priv);
struct sig_info;
int send_sig_info(int sig, const struct sig_info *info,
		  struct task_struct *p, int priv);
int send_group_sig_info(int sig, const struct sig_info *info,
			struct task_struct *p, int priv);
int kill_pg(int pgrp, int sig, int priv);
int in_group_p(gid_t gid);
int send_group_sig(int sig, struct task_struct *p, int priv);
void retarget_shared_pending(struct task_struct *p);
void do_signal(struct pt_regs *regs);
void force_sig(int sig, struct task_struct *p);
void notify_parent(struct task_struct *p, int sig, int code, int status);
void notify_parent_cldstop(struct task_struct *p, int code, int status);
void force_sig_fault(int sig, int code, unsigned long addr);

/* kernel/exit.c */
void do_exit(long code) __attribute__((noreturn));
void do_group_exit(long code) __attribute__((noreturn));
void zap_other_threads(struct task_struct *p);
int thread_group_empty(struct task_struct *p);
void reap_dead_threads(void);
void mm_release(struct mm_struct *mm);
void de_thread(void);
extern int nr_dead_threads;

/* kernel/futex.c */
int futex_wake(unsigned long *uaddr, int shared, int nr, unsigned long bitset);
void exit_robust_list(struct task_struct *p);
void exit_pi_waiters(struct task_struct *p);	/* kernel/futex_pi.c */

/* kernel/fork.c */
int do_fork(unsigned long clone_flags, unsigned long usp, struct pt_regs *regs);
int kernel_thread(void (*fn)(void), const char *name);
void release_task(struct task_struct *p);

/* kernel/entry.asm: the first return of a new task, and a jump to user mode */
void ret_from_fork(void);
void schedule_tail(void);	/* kernel/tid.c: called by ret_from_fork */
void start_user(struct pt_regs *regs) __attribute__((noreturn));

/* fs/exec.c: args are kernel strings, NULL-terminated arrays */
int do_execve(const char *path, char *const argv[], char *const envp[],
	      struct pt_regs *regs);

/* kernel/panic.c and traps.c */
void machine_halt_on_bug(void) __attribute__((noreturn));
void die(const char *msg, struct pt_regs *regs) __attribute__((noreturn));
void show_regs(struct pt_regs *regs);
void show_backtrace(unsigned long eip, unsigned long ebp);

#endif
