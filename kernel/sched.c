/*
 * sched.c - choosing who runs, sleeping and waking.
 *
 * Round-robin with time slices, in the spirit of 1.2.13: the timer takes
 * one tick from the running task's counter; at zero, the next runnable
 * task after it in the task list gets the CPU. When every runnable task
 * has used its slice, all are given a new one.
 *
 * The kernel is not preemptible: a task switch happens only when a task
 * sleeps, or on the way back to user mode (entry.asm's ret_from_intr ->
 * return_to_user) when need_resched is set.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <linux/errno.h>
#include <linux/trace.h>
#include <asm/desc.h>
#include <asm/system.h>
#include <asm/i387.h>

/* The idle task's descriptor table (empty) and cwd: init copies them. */
static struct files_struct init_files = { .count = 1 };
static struct fs_struct init_fs = { .count = 1, .umask = 0022, .cwd = "/" };

/* Right after .data.sched (boot/lintel.ld): pick_next reads its next_task. */
struct task_struct init_task
	__attribute__((__section__(".data.init_task"))) = {
	.state = TASK_RUNNING,
	.counter = DEF_PRIORITY,
	.priority = DEF_PRIORITY,
	.comm = "swapper",
	.group_leader = &init_task,
	.next_task = &init_task,
	.prev_task = &init_task,
	.files = &init_files,
	.fs = &init_fs,
	.rlim = {
		[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_STACK] = { 8UL << 20, RLIM_INFINITY },
		[RLIMIT_CORE] = { 0, RLIM_INFINITY },
		[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_NPROC] = { NR_TASKS, NR_TASKS },
		[RLIMIT_NOFILE] = { NR_OPEN, NR_OPEN },
		[RLIMIT_MEMLOCK] = { 8UL << 20, 8UL << 20 },
		[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },
	},
};

struct task_struct *current __sched_data = &init_task;
int need_resched __sched_data;
unsigned long nr_switches __sched_data;	/* for benchmarks and lx-ps */

/*
 * Save the callee-saved state on prev's kernel stack, note where prev
 * resumes, and continue on next's stack at next's saved eip: either the
 * "1:" below (it switched out here before) or ret_from_fork (new task).
 * cr3, unless 0, is loaded once on next's stack, as 1.2.13's task-switch
 * ljmp loaded it: QEMU then empties its soft TLB after prev's stack and
 * task_struct are last touched, and they need no page walk again.
 */
static void __sched switch_to(struct task_struct *prev,
			      struct task_struct *next, unsigned long cr3)
{
	__asm__ volatile("pushl %%ebp\n\t"
			 "pushl %%ebx\n\t"
			 "pushl %%esi\n\t"
			 "pushl %%edi\n\t"
			 "movl %%esp, %0\n\t"
			 "movl $1f, %1\n\t"
			 "movl %3, %%esp\n\t"
			 "testl %2, %2\n\t"
			 "jz 2f\n\t"
			 "movl %2, %%cr3\n"
			 "2:\tpushl %4\n\t"
			 "ret\n"
			 "1:\tpopl %%edi\n\t"
			 "popl %%esi\n\t"
			 "popl %%ebx\n\t"
			 "popl %%ebp"
			 : "=m"(prev->tss.esp), "=m"(prev->tss.eip), "+c"(cr3)
			 : "r"(next->tss.esp), "r"(next->tss.eip)
			 : "memory", "eax", "edx");
}

/*
 * The next runnable task after prev, preferring ones with time left.
 * Inline: a call and its return cost QEMU a lookup after each cr3 load.
 */
static inline struct task_struct *pick_next(struct task_struct *prev)
{
	struct task_struct *p, *fallback = NULL;

	for (p = prev->next_task; ; p = p->next_task) {
		if (p != &init_task && p->state == TASK_RUNNING) {
			if (p->counter > 0)
				return p;
			if (!fallback)
				fallback = p;
		}
		if (p == prev)
			break;
	}
	if (!fallback)
		return &init_task;	/* nothing to run: idle */
	for_each_task(p)
		p->counter = (p->counter >> 1) + p->priority;
	return fallback;
}

/*
 * next_cr3 - what switch_to loads into cr3 for next: its page directory,
 * or 0 to keep the loaded one (next's own already, or next is a kernel
 * thread, which borrows the last). Each load throws QEMU's whole soft
 * TLB away. tss.cr3 (set by copy_thread and activate_mm) spares a read
 * of the mm_struct, one more page QEMU would walk to after the last
 * load. Counts the loads, as activate_mm does.
 */
static inline unsigned long next_cr3(struct task_struct *next)
{
	if (!next->mm || read_cr3() == next->tss.cr3)
		return 0;
	nr_cr3_loads++;
	return next->tss.cr3;
}

/*
 * account_switch - charge prev for its stretch on the CPU, start next's.
 *
 * Called by schedule() with interrupts off, just before the switch.
 * sum_exec_runtime is CPU time by the clock (to the nanosecond with a
 * TSC); the per-tick utime/stime samples only say how to split it.
 * A task that leaves the CPU still runnable was preempted or yielded:
 * an involuntary switch, as getrusage counts them.
 */
static void __sched account_switch(struct task_struct *prev,
				   struct task_struct *next)
{
	u64 now = __get_monotonic_ns();

	prev->sum_exec_runtime += now - prev->exec_start;
	next->exec_start = now;
	if (prev->state == TASK_RUNNING)
		prev->nivcsw++;
	else
		prev->nvcsw++;
}

/*
 * task_sched_runtime - p's CPU time in ns, including the stretch it is
 * running now if it is current. CLOCK_*_CPUTIME_ID read this.
 */
u64 task_sched_runtime(struct task_struct *p)
{
	unsigned long flags;
	u64 t;

	save_flags(flags);
	cli();
	t = p->sum_exec_runtime;
	if (p == current)
		t += get_monotonic_ns() - p->exec_start;
	restore_flags(flags);
	return t;
}

/* a * b / c without overflowing 64 bits when a is large, b <= c. */
static u64 scale_time(u64 a, unsigned long b, unsigned long c)
{
	return a / c * b + a % c * b / c;
}

/*
 * task_cputime_adjusted - p's user and system time in ns, for times and
 * getrusage.
 *
 * The ticks say in which proportion p ran in user and kernel mode; the
 * clock says how long it ran: split the clock's total by the ticks'
 * proportion, as today's Linux does (cputime_adjust), and never report
 * less of either than the last time, so that neither runs back. 1.2.13
 * reported the ticks themselves.
 */
void task_cputime_adjusted(struct task_struct *p, u64 *ut, u64 *st)
{
	u64 rtime = task_sched_runtime(p), stime;
	unsigned long total = p->utime + p->stime;

	if (rtime < p->prev_utime + p->prev_stime) {
		*ut = p->prev_utime;
		*st = p->prev_stime;
		return;
	}
	if (!total)
		stime = 0;
	else
		stime = scale_time(rtime, p->stime, total);
	if (stime < p->prev_stime)
		stime = p->prev_stime;
	if (rtime - stime < p->prev_utime)
		stime = rtime - p->prev_utime;
	p->prev_stime = *st = stime;
	p->prev_utime = *ut = rtime - stime;
}

/*
 * trace=sched's line for a switch: "pid (comm)" for a process, and
 * "tgid/tid (comm)" when either side is a thread other than its group's
 * leader, so that the threads of one program can be told apart.
 */
static void trace_switch(struct task_struct *prev, struct task_struct *next)
{
	if (thread_group_leader(prev) && thread_group_leader(next))
		trace(TRACE_SCHED, "SCHED %d (%s) -> %d (%s)\n", prev->pid,
		      prev->comm, next->pid, next->comm);
	else
		trace(TRACE_SCHED, "SCHED %d/%d (%s) -> %d/%d (%s)\n",
		      prev->tgid, prev->pid, prev->comm, next->tgid,
		      next->pid, next->comm);
}

/*
 * Has p's timeout (a jiffies value, 0 for none) come? Only a sleeper's
 * timeout is cleared when it comes (by do_timer, or by schedule when the
 * tick came while the task was still on its way to sleep): a task that
 * set its timeout and had not yet set TASK_INTERRUPTIBLE when the tick
 * came would otherwise find it cleared and sleep for ever.
 */
static int timeout_expired(struct task_struct *p)
{
	return p->timeout && p->timeout <= jiffies;
}

/*
 * schedule - give the CPU to the task pick_next chooses; returns when
 * current is chosen again.
 *
 * Called by a task going to sleep (its state already set, sleep_on), on
 * the way back to user mode when need_resched is set (return_to_user),
 * by sched_yield, and by the idle task. A task that set itself
 * TASK_INTERRUPTIBLE with a signal pending or a timeout that has come
 * stays runnable, so a sleep never swallows a signal or a tick (1.2.13
 * checked timeouts here too). Interrupts are off from the choice to the
 * switch: the timer must not change counters or wake tasks in between;
 * they come back on only if they were on (sti, not restore_flags' popfl,
 * which under QEMU ends the translated block even when IF stays off).
 * Dead threads are freed first (reap_dead_threads): this stack is not
 * theirs. The switch loads next's kernel stack top into the TSS and its
 * TLS descriptors, then switch_to changes stacks and loads next's page
 * directory (unless it has none: a kernel thread borrows the last one).
 */
void __sched schedule(void)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;

	if (nr_dead_threads)
		reap_dead_threads();
	save_flags(flags);
	cli();
	need_resched = 0;
	if (prev->state == TASK_INTERRUPTIBLE &&
	    (signal_pending(prev) || timeout_expired(prev))) {
		prev->state = TASK_RUNNING;
		prev->timeout = 0;
	}
	next = pick_next(prev);
	if (next != prev) {
		account_switch(prev, next);
		trace_switch(prev, next);
		nr_switches++;
		current = next;
		init_tss.esp0 = next->tss.esp0;
		load_TLS(next->tss.tls_array);
		switch_fpu(next);
		switch_to(prev, next, next_cr3(next));
	}
	if (flags & EFLAGS_IF)
		sti();
}

/*
 * Give up the CPU to any other runnable task (ping-pong programs spin on
 * it). Interrupts go off first, as Linux's do_sched_yield takes its
 * runqueue lock with them off: schedule then leaves them off, which
 * costs QEMU nothing (sti, like popfl, ends its translated block), and
 * the way out keeps them off until iret.
 */
long __sched sys_sched_yield(void)
{
	cli();
	current->counter = 0;
	schedule();
	return 0;
}

/*
 * Make p runnable. It runs when the scheduler next picks it: at once if
 * current is about to return to user mode (need_resched), else at
 * current's next sleep or slice end. Callers may hold interrupts off.
 */
void wake_up_process(struct task_struct *p)
{
	p->state = TASK_RUNNING;
	if (p != current)
		need_resched = 1;
}

/* Link w at the head of q. The caller keeps interrupts off. */
void add_wait_queue(struct wait_queue **q, struct wait_queue *w)
{
	w->next = *q;
	*q = w;
}

/* Unlink w from q, if it is there. The caller keeps interrupts off. */
void remove_wait_queue(struct wait_queue **q, struct wait_queue *w)
{
	for (; *q; q = &(*q)->next)
		if (*q == w) {
			*q = w->next;
			return;
		}
}

/*
 * Sleep on q in state until woken (wake_up, or a signal when
 * TASK_INTERRUPTIBLE). The wait_queue entry lives on this stack frame:
 * it is linked while the task sleeps and unlinked before it returns.
 * Interrupts are off while current is queued and its state set, so a
 * wake_up from an interrupt cannot slip in between and be lost. Callers
 * re-check their condition: a wake-up says "look again", not "it is
 * done". The idle task must never sleep: it is what runs when no one
 * can.
 */
static void sleep_on_state(struct wait_queue **q, long state)
{
	struct wait_queue wait = { current, NULL };
	unsigned long flags;

	if (current == &init_task)
		panic("the idle task tried to sleep");
	save_flags(flags);
	cli();
	add_wait_queue(q, &wait);
	current->state = state;
	schedule();
	remove_wait_queue(q, &wait);
	restore_flags(flags);
}

/* Sleep on q until wake_up; signals do not end it (1.2.13). */
void sleep_on(struct wait_queue **q)
{
	sleep_on_state(q, TASK_UNINTERRUPTIBLE);
}

/* Returns early if a signal arrives: callers check signal_pending(). */
void interruptible_sleep_on(struct wait_queue **q)
{
	sleep_on_state(q, TASK_INTERRUPTIBLE);
}

/*
 * Wake every task sleeping on q interruptibly and, when
 * also_uninterruptible, those in TASK_UNINTERRUPTIBLE too. They unlink
 * themselves when they run (sleep_on_state). Safe from interrupts.
 */
static void wake_up_state(struct wait_queue **q, int also_uninterruptible)
{
	struct wait_queue *w;
	unsigned long flags;

	save_flags(flags);
	cli();
	for (w = *q; w; w = w->next)
		if (w->task->state == TASK_INTERRUPTIBLE ||
		    (also_uninterruptible &&
		     w->task->state == TASK_UNINTERRUPTIBLE))
			wake_up_process(w->task);
	restore_flags(flags);
}

/* Wake every sleeper on q, of both kinds. */
void wake_up(struct wait_queue **q)
{
	wake_up_state(q, 1);
}

/* Wake the sleepers on q that a signal could also wake. */
void wake_up_interruptible(struct wait_queue **q)
{
	wake_up_state(q, 0);
}

#define LOAD_FREQ	(5 * HZ)	/* avenrun is updated every 5 s */
#define EXP_1		1884		/* FIXED_1 / exp(5 s / 1 min) */
#define EXP_5		2014		/* FIXED_1 / exp(5 s / 5 min) */
#define EXP_15		2037		/* FIXED_1 / exp(5 s / 15 min) */
#define CALC_LOAD(load, exp, n) \
	(load = (load * (exp) + (n) * (FIXED_1 - (exp))) >> FSHIFT)

unsigned long avenrun[3];

/* The tasks that want the CPU now, the idle task not counted. */
int nr_running(void)
{
	struct task_struct *p;
	int n = 0;

	for_each_task(p)
		n += p->state == TASK_RUNNING;
	return n;
}

/* Every LOAD_FREQ ticks, fold the runnable count into avenrun (1.2.13). */
static void calc_load(void)
{
	static int count = LOAD_FREQ;
	unsigned long active;

	if (--count > 0)
		return;
	count = LOAD_FREQ;
	active = nr_running() * FIXED_1;
	CALC_LOAD(avenrun[0], EXP_1, active);
	CALC_LOAD(avenrun[1], EXP_5, active);
	CALC_LOAD(avenrun[2], EXP_15, active);
}

/*
 * do_timer - the per-tick work, called by timer_interrupt with
 * interrupts off: sample whether the tick found current in user or kernel
 * mode, charge its slice and its CPU-time itimers, fold the load
 * average, and wake the sleepers and fire the ITIMER_REALs that are due.
 */
void do_timer(struct pt_regs *regs)
{
	struct task_struct *p;
	u64 now = (u64)jiffies * NSEC_PER_TICK;

	if (current != &init_task) {
		if (user_mode(regs))
			current->utime++;
		else
			current->stime++;
		do_process_times(current, user_mode(regs));
		if (--current->counter <= 0) {
			current->counter = 0;
			need_resched = 1;
		}
	}
	calc_load();
	for_each_task(p) {
		if (p->state == TASK_INTERRUPTIBLE && timeout_expired(p)) {
			p->timeout = 0;
			wake_up_process(p);
		}
		if (p->it_real_value && p->it_real_value <= now)
			it_real_fn(p);
	}
}

/* The task whose pid is pid, or NULL. A walk of the task list. */
struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;

	for_each_task(p)
		if (p->pid == pid)
			return p;
	return NULL;
}

/* The idle task (pid 0): sleep until an interrupt, then look for work. */
void cpu_idle(void)
{
	for (;;) {
		cli();
		if (need_resched || pick_next(current) != &init_task) {
			sti();
			schedule();
			continue;
		}
		__asm__ volatile("sti; hlt" : : : "memory");
	}
}

#define CPU_MASK_BYTES	sizeof(unsigned long)	/* one CPU: one word */
#define CPU0		1UL

/*
 * sched_getaffinity(pid, len, mask) - the CPUs pid may run on: CPU 0,
 * the only one. Returns the bytes written (one word), as Linux; EINVAL
 * for a len that is not a whole number of words, ESRCH, EFAULT.
 */
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long *mask)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	if (len < CPU_MASK_BYTES || (len & (CPU_MASK_BYTES - 1)))
		return -EINVAL;
	if (!p)
		return -ESRCH;
	return put_fs_long(CPU0, mask) ? -EFAULT : (long)CPU_MASK_BYTES;
}

/* sched_setaffinity: any mask that lets the task run on CPU 0 is fine. */
long sys_sched_setaffinity(pid_t pid, unsigned int len,
			   const unsigned long *mask)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;
	unsigned long m = 0;

	if (len && memcpy_fromfs(&m, mask, min(len, CPU_MASK_BYTES)))
		return -EFAULT;
	if (!p)
		return -ESRCH;
	if (p != current && current->euid != 0 && current->euid != p->uid &&
	    current->euid != p->euid)
		return -EPERM;
	return m & CPU0 ? 0 : -EINVAL;
}
