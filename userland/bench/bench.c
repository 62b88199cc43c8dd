/*
 * bench.c - Lintel's micro-benchmarks.
 *
 * One static i386 program that enters the kernel only through int 0x80,
 * so the very same binary runs as init in Lintel and in a Linux kernel
 * booted in the same QEMU (scripts/bench.py does both and compares).
 *
 * Output, one line each (stdout is flushed at every newline):
 *
 *	bench begin				first line, as early as possible
 *	bench <name> <value> <unit>		one per result, value is N.N
 *	bench <name> error <call> <errno>	a benchmark that could not run
 *	bench end				last line
 *
 * Time comes from the TSC, calibrated at start against
 * clock_gettime(CLOCK_MONOTONIC). Calibrating between two edges of the
 * clock makes this work whether the kernel's clock ticks every nanosecond
 * or every jiffy (10 ms), and reading the TSC costs no system call, so the
 * timer itself does not weigh on what is measured.
 *
 * Run as process 1 (the init of a Linux initramfs), the program powers
 * the machine off when done; anywhere else it just exits.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/reboot.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/swap.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <linux/sched.h>	/* CLONE_*: the kernel's own header, user ABI */
#include "../tests/vdso.h"	/* vdso_sym, find_auxv, aux_get */

#define PAGE_SIZE	4096
#define BIG_SIZE	(16 << 20)	/* the 16 MiB segment and mapping */
#define BIG_PAGES	(BIG_SIZE / PAGE_SIZE)
#define SMALL_SIZE	(64 << 10)	/* the shm lifecycle segment */
#define SMALL_PAGES	(SMALL_SIZE / PAGE_SIZE)

#define NSEC_PER_SEC	1000000000u
#define NSEC_PER_USEC	1000u
#define TURN_STOP	0xffffffffu	/* the ping-pong is over */
#define CALIBRATE_NS	(100 * 1000 * 1000)	/* 0.1 s between clock edges */
#define MULT_SHIFT	24			/* fixed point of ns per tick */

/*
 * Repetitions: enough that one result takes 0.1-0.5 s on Linux under
 * TCG, so the whole program stays within a few seconds. A kernel much
 * slower than that is cut short after MAX_NS per loop (a ping-pong that
 * waits a whole time slice per hand-off would otherwise take minutes).
 */
#define MAX_NS		(2ull * NSEC_PER_SEC)
#define LIFECYCLE_ITERS	1000
#define PINGPONG_ITERS	10000
#define FORK_BIG_ITERS	20
#define FORK_ITERS	300
#define GETPID_ITERS	200000
#define GETPID_BATCH	1000		/* calls between looks at the clock */
#define PIPE_ITERS	5000
#define SEM_ITERS	5000
#define MSG_ITERS	5000
#define THREAD_ITERS	1000
#define MSG_PING	1	/* message types: to the child, back */
#define MSG_PONG	2
#define CLOCK_PAIRS	10000		/* back-to-back readings for the step */
#define DISK		"/dev/hda"	/* make bench SWAP=N: the swap disk */
#define DISK_PAGES	256		/* pages read and written back */
#define SECTOR_SIZE	512
#define SWAP_EXTRA	4096		/* pages past free memory: 16 MiB */
#define PAGE_WORDS	(PAGE_SIZE / sizeof(long))
#define IDLE_ARG	"idle"		/* bench idle: wait for stdin's end */
#define AT_SYSINFO	32		/* __kernel_vsyscall */
#define NR_GETPID	20
#define FAULT_FLOOR_PAGES 64		/* kernel/floors.c FLOOR_FAULT_PAGES */
#define FAULT_FLOOR_ROUNDS 32
#define PGDIR_SIZE	(4 << 20)	/* what one page table maps */

static char **bench_envp;		/* main's, for the vDSO rows */
static const char *bench_self;		/* argv[0], for second_copy */
static uint64_t tsc_base;		/* now_ns() counts from here */
static uint32_t ns_mult;		/* ns = (ticks * ns_mult) >> MULT_SHIFT */

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t clock_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

/* Spin until the clock moves; return the new reading and the TSC there. */
static uint64_t clock_edge(uint64_t *tsc)
{
	uint64_t start = clock_ns(), now;

	do {
		*tsc = rdtsc();
		now = clock_ns();
	} while (now == start);
	return now;
}

/*
 * Measure the TSC against the clock over CALIBRATE_NS, edge to edge.
 * Returns TSC ticks per microsecond (for the report), or 0 when the clock
 * does not work.
 */
static uint32_t calibrate(void)
{
	struct timespec ts;
	uint64_t ns0, ns1, tsc0, tsc1, ticks;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
		return 0;
	ns0 = clock_edge(&tsc0);
	while (clock_ns() - ns0 < CALIBRATE_NS)
		;
	ns1 = clock_edge(&tsc1);
	tsc_base = tsc0;
	ticks = tsc1 - tsc0;
	if (!ticks)
		return 0;
	ns_mult = ((ns1 - ns0) << MULT_SHIFT) / ticks;
	return ticks * NSEC_PER_USEC / (ns1 - ns0);
}

static uint64_t now_ns(void)
{
	return ((rdtsc() - tsc_base) * ns_mult) >> MULT_SHIFT;
}

/* True once a loop that started at t0 has run for MAX_NS. */
static int out_of_time(uint64_t t0)
{
	return now_ns() - t0 > MAX_NS;
}

/* Print "bench <name> <value> <unit>" for a value given in tenths. */
static void report_tenths(const char *name, uint64_t tenths, const char *unit)
{
	printf("bench %s %llu.%llu %s\n", name, tenths / 10, tenths % 10, unit);
}

/* Report ns spent over count operations, per operation, in ns or us. */
static void report_ns(const char *name, uint64_t ns, uint32_t count,
		      const char *unit)
{
	report_tenths(name, ns * 10 / count, unit);
}

static void report_us(const char *name, uint64_t ns, uint32_t count,
		      const char *unit)
{
	report_tenths(name, ns * 10 / NSEC_PER_USEC / count, unit);
}

/* Say that benchmark name could not run because call failed. */
static void report_error(const char *name, const char *call)
{
	printf("bench %s error %s %d\n", name, call, errno);
}

/*
 * A disk row's call failed: with no disk attached (ENXIO, or no
 * /dev/hda at all) say how to get one instead of a bare errno.
 */
static void report_disk_error(const char *name, const char *call)
{
	if (errno == ENXIO || errno == ENOENT)
		printf("bench %s error no disk: make bench SWAP=64 attaches "
		       "one\n", name);
	else
		report_error(name, call);
}

/* Write one byte to each page of [p, p + npages pages); ns per page. */
static uint64_t touch_pages(volatile char *p, int npages)
{
	uint64_t t0 = now_ns();
	int i;

	for (i = 0; i < npages; i++)
		p[i * PAGE_SIZE] = 1;
	return now_ns() - t0;
}

/* Create and attach a private segment of size bytes; NULL on failure. */
static char *shm_new(int size, int *id, const char *name)
{
	char *p;

	*id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
	if (*id < 0) {
		report_error(name, "shmget");
		return NULL;
	}
	p = shmat(*id, NULL, 0);
	if (p == (char *)-1) {
		report_error(name, "shmat");
		shmctl(*id, IPC_RMID, NULL);
		return NULL;
	}
	return p;
}

static void shm_free(char *p, int id)
{
	shmdt(p);
	shmctl(id, IPC_RMID, NULL);
}

/*
 * shm fault throughput. The first 16 MiB segment takes frames this
 * program has never used (cold); it is removed, so the second one takes
 * frames just freed (reused). Every first touch goes through the shm
 * fault path and a zeroed page; the second touch of the same pages
 * measures a write that does not fault at all.
 */
static void bench_shm_fault(void)
{
	uint64_t cold, reused, mapped;
	char *p;
	int id;

	p = shm_new(BIG_SIZE, &id, "shm_fault_cold");
	if (!p)
		return;
	cold = touch_pages(p, BIG_PAGES);
	shm_free(p, id);

	p = shm_new(BIG_SIZE, &id, "shm_fault_reused");
	if (!p)
		return;
	reused = touch_pages(p, BIG_PAGES);
	mapped = touch_pages(p, BIG_PAGES);
	shm_free(p, id);

	report_ns("shm_fault_cold", cold, BIG_PAGES, "ns/page");
	report_ns("shm_fault_reused", reused, BIG_PAGES, "ns/page");
	report_ns("shm_touch_mapped", mapped, BIG_PAGES, "ns/page");
}

/* A whole segment's life: get, attach, fault 16 pages, detach, remove. */
static void bench_shm_lifecycle(void)
{
	uint64_t t0 = now_ns();
	char *p;
	int i, id;

	for (i = 0; i < LIFECYCLE_ITERS && !out_of_time(t0); i++) {
		p = shm_new(SMALL_SIZE, &id, "shm_lifecycle");
		if (!p)
			return;
		touch_pages(p, SMALL_PAGES);
		shm_free(p, id);
	}
	report_us("shm_lifecycle", now_ns() - t0, i, "us/cycle");
}

/* Wait, yielding the CPU, until *turn is want or TURN_STOP; return it. */
static uint32_t wait_turn(volatile uint32_t *turn, uint32_t want)
{
	uint32_t seen;

	while ((seen = *turn) != want && seen != TURN_STOP)
		sched_yield();
	return seen;
}

/*
 * Ping-pong through one shared page: the parent writes an odd count, the
 * child answers with the next even one, until the parent writes
 * TURN_STOP. With one CPU every hand-off is a sched_yield() that must
 * switch to the other process.
 */
static void bench_pingpong(void)
{
	volatile uint32_t *turn;
	uint64_t t0, ns;
	uint32_t i;
	pid_t pid;
	int id;

	turn = (volatile uint32_t *)shm_new(PAGE_SIZE, &id, "pingpong");
	if (!turn)
		return;
	*turn = 0;
	pid = fork();
	if (pid < 0) {
		report_error("pingpong", "fork");
		shm_free((char *)turn, id);
		return;
	}
	if (pid == 0) {
		for (i = 1; wait_turn(turn, i) != TURN_STOP; i += 2)
			*turn = i + 1;
		_exit(0);
	}
	t0 = now_ns();
	for (i = 0; i < PINGPONG_ITERS && !out_of_time(t0); i++) {
		*turn = 2 * i + 1;
		wait_turn(turn, 2 * i + 2);
	}
	ns = now_ns() - t0;
	*turn = TURN_STOP;
	waitpid(pid, NULL, 0);
	shm_free((char *)turn, id);

	report_tenths("pingpong_rate",
		      (uint64_t)i * NSEC_PER_SEC * 10 / ns,
		      "roundtrips/s");
	report_us("pingpong", ns, i, "us/roundtrip");
}

/*
 * Private anonymous memory: first touch (demand-zero faults), then fork
 * of a process with all 16 MiB touched, then copy-on-write faults.
 */
static void bench_anon(void)
{
	uint64_t t0, ns;
	char *p;
	int i, pipefd[2];
	pid_t pid;

	p = mmap(NULL, BIG_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		report_error("anon_fault", "mmap");
		return;
	}
	report_ns("anon_fault", touch_pages(p, BIG_PAGES), BIG_PAGES,
		  "ns/page");

	/* fork, the child writes one page (one COW fault) and exits */
	t0 = now_ns();
	for (i = 0; i < FORK_BIG_ITERS && !out_of_time(t0); i++) {
		pid = fork();
		if (pid == 0) {
			p[0] = 2;
			_exit(0);
		}
		if (pid < 0) {
			report_error("fork_16m", "fork");
			goto out_unmap;
		}
		waitpid(pid, NULL, 0);
	}
	report_us("fork_16m", now_ns() - t0, i, "us");

	/*
	 * The child stays alive, blocked on a pipe, so every page the parent
	 * writes is still shared and must be copied.
	 */
	if (pipe(pipefd) < 0) {
		report_error("cow_fault", "pipe");
		goto out_unmap;
	}
	pid = fork();
	if (pid == 0) {
		char c;

		close(pipefd[1]);
		read(pipefd[0], &c, 1);
		_exit(0);
	}
	close(pipefd[0]);
	if (pid < 0) {
		report_error("cow_fault", "fork");
	} else {
		ns = touch_pages(p, BIG_PAGES);
		report_ns("cow_fault", ns, BIG_PAGES, "ns/page");
	}
	close(pipefd[1]);
	if (pid > 0)
		waitpid(pid, NULL, 0);
out_unmap:
	munmap(p, BIG_SIZE);
}

/* The smallest process life: fork, the child exits, the parent reaps. */
static void bench_fork(void)
{
	uint64_t t0 = now_ns();
	pid_t pid;
	int i;

	for (i = 0; i < FORK_ITERS && !out_of_time(t0); i++) {
		pid = fork();
		if (pid == 0)
			_exit(0);
		if (pid < 0) {
			report_error("fork_exit_wait", "fork");
			return;
		}
		waitpid(pid, NULL, 0);
	}
	report_us("fork_exit_wait", now_ns() - t0, i, "us");
}

/* The cheapest system call: the cost of entering and leaving the kernel. */
static void bench_getpid(void)
{
	uint64_t t0 = now_ns();
	int i, j;

	for (i = 0; i < GETPID_ITERS && !out_of_time(t0); i += GETPID_BATCH)
		for (j = 0; j < GETPID_BATCH; j++)
			getpid();
	report_ns("getpid", now_ns() - t0, i, "ns");
}

/*
 * getpid as glibc makes it: a call to __kernel_vsyscall, whose address
 * the kernel gives in AT_SYSINFO (glibc keeps it at %gs:0x10), which
 * enters by sysenter where the CPU has it. eax is the only register the
 * call changes.
 */
static void bench_getpid_vsyscall(void)
{
	char **envp = bench_envp;
	int found, i, j;
	unsigned long entry = aux_get(find_auxv(envp), AT_SYSINFO, &found);
	uint64_t t0 = now_ns();
	long r;

	if (!found || !entry) {
		report_error("getpid_vsyscall", "AT_SYSINFO");
		return;
	}
	for (i = 0; i < GETPID_ITERS && !out_of_time(t0); i += GETPID_BATCH)
		for (j = 0; j < GETPID_BATCH; j++)
			__asm__ volatile("call *%1"
					 : "=a"(r)
					 : "r"(entry), "0"(NR_GETPID)
					 : "memory", "cc");
	(void)r;
	report_ns("getpid_vsyscall", now_ns() - t0, i, "ns");
}

/*
 * clock_gettime(CLOCK_MONOTONIC) as glibc and musl make it: through
 * __vdso_clock_gettime, found in the vDSO that AT_SYSINFO_EHDR gives.
 */
static void bench_clock_vdso(void)
{
	char **envp = bench_envp;
	vdso_clock_gettime_t cgt;
	struct timespec ts;
	uint64_t t0;
	int i, j;

	cgt = (vdso_clock_gettime_t)vdso_sym(envp, "__vdso_clock_gettime");
	if (!cgt) {
		report_error("clock_gettime_vdso", "__vdso_clock_gettime");
		return;
	}
	t0 = now_ns();
	for (i = 0; i < GETPID_ITERS && !out_of_time(t0); i += GETPID_BATCH)
		for (j = 0; j < GETPID_BATCH; j++)
			cgt(CLOCK_MONOTONIC, &ts);
	report_ns("clock_gettime_vdso", now_ns() - t0, i, "ns");
}

/*
 * FAULT_FLOOR_PAGES pages of p's 2 * FAULT_FLOOR_PAGES that lie under
 * one page table, as kernel/floors.c's page fault floor wants them.
 */
static char *one_pgtable(char *p)
{
	uintptr_t first = (uintptr_t)p;
	uintptr_t last = first + FAULT_FLOOR_PAGES * PAGE_SIZE - 1;

	if (first / PGDIR_SIZE == last / PGDIR_SIZE)
		return p;
	return p + FAULT_FLOOR_PAGES * PAGE_SIZE;
}

/*
 * The page fault floor: pages of ours are armed (int 0x85, eax = 1:
 * their ptes taken out), then each touch is a page fault whose handler
 * only writes the pte back (kernel/floors.c). Timed here, per fault.
 */
static void bench_floor_fault(void)
{
	uint64_t ns = 0, t0;
	char *p, *pages;
	long r;
	int i, round;

	p = mmap(NULL, 2 * FAULT_FLOOR_PAGES * PAGE_SIZE,
		 PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		report_error("floor_page_fault", "mmap");
		return;
	}
	pages = one_pgtable(p);
	for (round = 0; round < FAULT_FLOOR_ROUNDS; round++) {
		for (i = 0; i < FAULT_FLOOR_PAGES; i++)
			pages[i * PAGE_SIZE] = 1;
		r = 1;
		__asm__ volatile("int $0x85" : "+a"(r) : "b"(pages) : "memory");
		if (r) {
			report_error("floor_page_fault", "arm");
			break;
		}
		t0 = now_ns();
		for (i = 0; i < FAULT_FLOOR_PAGES; i++)
			((volatile char *)pages)[i * PAGE_SIZE] = 2;
		ns += now_ns() - t0;
		r = 0;
		__asm__ volatile("int $0x85" : "+a"(r) : : "memory");
	}
	if (round == FAULT_FLOOR_ROUNDS)
		report_ns("floor_page_fault", ns, round * FAULT_FLOOR_PAGES,
			  "ns");
	munmap(p, 2 * FAULT_FLOOR_PAGES * PAGE_SIZE);
}

/*
 * The floors (Lintel booted with "floors", kernel/floors.c): int to a
 * bare iret, the same with the entry code's save and restore, sysenter
 * to a bare sysexit, each timed here in user mode like getpid, and a
 * page fault whose handler only puts the pte back; then
 * int 0x84 has the kernel time and print the rest (a 4 KiB zero and
 * copy, a cr3 load, a task switch without and with one).
 */
static void bench_floors(void)
{
	uint64_t t0;
	long r = 1;
	int i;

	t0 = now_ns();
	for (i = 0; i < GETPID_ITERS; i++)
		__asm__ volatile("int $0x81" : : : "memory");
	report_ns("floor_int_iret", now_ns() - t0, i, "ns");
	t0 = now_ns();
	for (i = 0; i < GETPID_ITERS; i++)
		__asm__ volatile("int $0x82" : : : "memory");
	report_ns("floor_int_entry", now_ns() - t0, i, "ns");
	__asm__ volatile("int $0x83" : "+a"(r) : : "memory");
	if (r == 0) {
		t0 = now_ns();
		for (i = 0; i < GETPID_ITERS; i++)
			__asm__ volatile("movl %%esp, %%ecx\n\t"
					 "movl $1f, %%edx\n\t"
					 "sysenter\n"
					 "1:"
					 : : : "ecx", "edx", "memory");
		report_ns("floor_sysenter", now_ns() - t0, i, "ns");
		r = 0;
		__asm__ volatile("int $0x83" : "+a"(r) : : "memory");
	}
	bench_floor_fault();
	__asm__ volatile("int $0x84" : : : "memory");
}

/*
 * The clock a program reads: what one clock_gettime costs, and the
 * smallest step between two distinct readings one after the other (a
 * clock that moved only with the tick would step 10 ms at a time).
 */
static void bench_clock(void)
{
	uint64_t t0 = now_ns(), a, b, step = ~0ull;
	int i, j;

	for (i = 0; i < GETPID_ITERS && !out_of_time(t0); i += GETPID_BATCH)
		for (j = 0; j < GETPID_BATCH; j++)
			clock_ns();
	report_ns("clock_gettime", now_ns() - t0, i, "ns");
	for (i = 0; i < CLOCK_PAIRS; i++) {
		a = clock_ns();
		b = clock_ns();
		if (b > a && b - a < step)
			step = b - a;
	}
	if (step == ~0ull)
		printf("bench clock_step error no two readings differed\n");
	else
		report_tenths("clock_step", step * 10, "ns");
}

/* One byte there and back through two pipes between two processes. */
static void bench_pipe(void)
{
	int to_child[2], to_parent[2], i;
	uint64_t t0;
	pid_t pid;
	char c = 0;

	if (pipe(to_child) < 0 || pipe(to_parent) < 0) {
		report_error("pipe_roundtrip", "pipe");
		return;
	}
	pid = fork();
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		while (read(to_child[0], &c, 1) == 1)
			write(to_parent[1], &c, 1);
		_exit(0);
	}
	close(to_child[0]);
	close(to_parent[1]);
	if (pid < 0) {
		report_error("pipe_roundtrip", "fork");
		goto out_close;
	}
	t0 = now_ns();
	for (i = 0; i < PIPE_ITERS && !out_of_time(t0); i++) {
		write(to_child[1], &c, 1);
		read(to_parent[0], &c, 1);
	}
	report_us("pipe_roundtrip", now_ns() - t0, i, "us");
out_close:
	close(to_child[1]);
	close(to_parent[0]);
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

/* One semaphore operation, waiting if it must. */
static int sem_step(int id, int num, int op)
{
	struct sembuf sb = { num, op, 0 };

	return semop(id, &sb, 1);
}

/*
 * Ping-pong through two semaphores: the parent raises 0 and waits on 1,
 * the child waits on 0 and raises 1. Each hand-off is a semop that wakes
 * the sleeper (update_queue) and a switch to it. The child ends when the
 * set goes (EIDRM).
 */
static void bench_sem_pingpong(void)
{
	int id = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600), i;
	uint64_t t0;
	pid_t pid;

	if (id < 0) {
		report_error("sem_pingpong", "semget");
		return;
	}
	pid = fork();
	if (pid == 0) {
		while (sem_step(id, 0, -1) == 0 && sem_step(id, 1, 1) == 0)
			;
		_exit(0);
	}
	t0 = now_ns();
	for (i = 0; pid > 0 && i < SEM_ITERS && !out_of_time(t0); i++)
		if (sem_step(id, 0, 1) < 0 || sem_step(id, 1, -1) < 0)
			break;
	if (pid > 0)
		report_us("sem_pingpong", now_ns() - t0, i, "us/roundtrip");
	else
		report_error("sem_pingpong", "fork");
	semctl(id, 0, IPC_RMID);
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

/*
 * A message there and back: the parent sends a 64-byte MSG_PING, the
 * child receives it and answers with a MSG_PONG. The child ends when
 * the queue goes (EIDRM).
 */
static void bench_msg_roundtrip(void)
{
	struct { long mtype; char mtext[64]; } m = { MSG_PING, "" };
	int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600), i;
	uint64_t t0;
	pid_t pid;

	if (id < 0) {
		report_error("msg_roundtrip", "msgget");
		return;
	}
	pid = fork();
	if (pid == 0) {
		while (msgrcv(id, &m, sizeof(m.mtext), MSG_PING, 0) >= 0) {
			m.mtype = MSG_PONG;
			msgsnd(id, &m, sizeof(m.mtext), 0);
		}
		_exit(0);
	}
	t0 = now_ns();
	for (i = 0; pid > 0 && i < MSG_ITERS && !out_of_time(t0); i++) {
		m.mtype = MSG_PING;
		if (msgsnd(id, &m, sizeof(m.mtext), 0) < 0 ||
		    msgrcv(id, &m, sizeof(m.mtext), MSG_PONG, 0) < 0)
			break;
	}
	if (pid > 0)
		report_us("msg_roundtrip", now_ns() - t0, i, "us");
	else
		report_error("msg_roundtrip", "fork");
	msgctl(id, IPC_RMID, NULL);
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

/*
 * Threads without a C library's help: clone with the flags glibc's
 * pthread_create passes (less CLONE_SETTLS: this program has no TLS),
 * the child's first word on its new stack is the function it runs, and
 * the join is a FUTEX_WAIT on the tid word CLONE_CHILD_CLEARTID clears.
 */
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID)
#define THREAD_STACK	4096	/* words: 16 KiB */
#define NR_FUTEX_CALL	240
#define FUTEX_WAIT		0
#define FUTEX_WAIT_PRIVATE	128
#define FUTEX_WAKE_PRIVATE	129

static uint32_t thread_stack[THREAD_STACK];

static long futex_call(volatile uint32_t *uaddr, int op, uint32_t val)
{
	long r;

	__asm__ volatile("int $0x80"
			 : "=a"(r)
			 : "0"(NR_FUTEX_CALL), "b"(uaddr), "c"(op), "d"(val),
			   "S"(0), "D"(0)
			 : "memory");
	return r;
}

/*
 * Start fn on thread_stack as a thread; *tid gets its id, and 0 when it
 * has ended. Returns the id or -errno. The child pops fn, calls it, and
 * exits (1) without touching the parent's stack.
 */
static long thread_start(void (*fn)(void), volatile uint32_t *tid)
{
	uint32_t *sp = &thread_stack[THREAD_STACK - 1];
	long r;

	*sp = (uint32_t)fn;
	__asm__ volatile("int $0x80\n\t"
			 "testl %%eax, %%eax\n\t"
			 "jnz 1f\n\t"
			 "popl %%eax\n\t"
			 "call *%%eax\n\t"
			 "movl $1, %%eax\n\t"
			 "xorl %%ebx, %%ebx\n\t"
			 "int $0x80\n"
			 "1:"
			 : "=a"(r)
			 : "0"(120), "b"(THREAD_FLAGS), "c"(sp), "d"(tid),
			   "S"(0), "D"(tid)
			 : "memory");
	return r;
}

/*
 * Wait until the thread whose tid word is *tid has ended. The wait is a
 * shared one, as glibc's pthread_join: the kernel's wake at the thread's
 * exit (CLONE_CHILD_CLEARTID) is a shared FUTEX_WAKE, and Linux keys a
 * private wait on the same word differently, so it would never end.
 */
static void thread_join(volatile uint32_t *tid)
{
	uint32_t t;

	while ((t = *tid))
		futex_call(tid, FUTEX_WAIT, t);
}

static void thread_nothing(void)
{
}

/* Thread create + join: clone, first run, exit, CLEARTID's wake. */
static void bench_thread_create(void)
{
	volatile uint32_t tid;
	uint64_t t0 = now_ns();
	uint32_t i;

	for (i = 0; i < THREAD_ITERS && !out_of_time(t0); i++) {
		tid = 0;
		if (thread_start(thread_nothing, &tid) < 0) {
			report_error("thread_create_join", "clone");
			return;
		}
		thread_join(&tid);
	}
	report_us("thread_create_join", now_ns() - t0, i, "us/thread");
}

static volatile uint32_t futex_turn;

/* The thread's half: answer each odd turn with the next even one. */
static void futex_answer(void)
{
	uint32_t t;

	for (;;) {
		while (!((t = futex_turn) & 1))
			futex_call(&futex_turn, FUTEX_WAIT_PRIVATE, t);
		if (t == TURN_STOP)
			return;
		futex_turn = t + 1;
		futex_call(&futex_turn, FUTEX_WAKE_PRIVATE, 1);
	}
}

/*
 * Ping-pong between two threads of one mm through a futex: each hand-off
 * is a FUTEX_WAKE and a FUTEX_WAIT, with no cr3 reload (the same page
 * directory), to set beside the processes' pingpong and sem_pingpong.
 */
static void bench_futex_pingpong(void)
{
	volatile uint32_t tid = 0;
	uint64_t t0, ns;
	uint32_t i, t;

	futex_turn = 0;
	if (thread_start(futex_answer, &tid) < 0) {
		report_error("futex_pingpong", "clone");
		return;
	}
	t0 = now_ns();
	for (i = 0; i < PINGPONG_ITERS && !out_of_time(t0); i++) {
		futex_turn = 2 * i + 1;
		futex_call(&futex_turn, FUTEX_WAKE_PRIVATE, 1);
		while ((t = futex_turn) == 2 * i + 1)
			futex_call(&futex_turn, FUTEX_WAIT_PRIVATE, t);
	}
	ns = now_ns() - t0;
	futex_turn = TURN_STOP;
	futex_call(&futex_turn, FUTEX_WAKE_PRIVATE, 1);
	thread_join(&tid);
	report_us("futex_pingpong", ns, i, "us/roundtrip");
}

/*
 * The disk, through /dev/hda (make bench SWAP=64): a page read, a page
 * written, and a single sector written, the unit a page write is
 * measured against (swap writes a page at a time). The pages are the
 * last DISK_PAGES of the disk, read first and written back unchanged:
 * the benchmark never changes what the disk holds.
 */
static uint64_t disk_pass(int fd, off_t base, char *pages, int len,
			  int writing)
{
	uint64_t t0 = now_ns();
	int i, n;

	for (i = 0; i < DISK_PAGES; i++) {
		if (lseek(fd, base + i * PAGE_SIZE, SEEK_SET) < 0)
			return 0;
		n = writing ? write(fd, pages + i * PAGE_SIZE, len) :
			      read(fd, pages + i * PAGE_SIZE, len);
		if (n != len)
			return 0;
	}
	return now_ns() - t0;
}

static void bench_disk(void)
{
	static char pages[DISK_PAGES * PAGE_SIZE];
	uint64_t rd, wr, sec;
	off_t base;
	int fd = open(DISK, O_RDWR);

	if (fd < 0) {
		report_disk_error("disk_page_read", "open");
		return;
	}
	base = lseek(fd, 0, SEEK_END) - DISK_PAGES * PAGE_SIZE;
	rd = base < 0 ? 0 : disk_pass(fd, base, pages, PAGE_SIZE, 0);
	wr = rd ? disk_pass(fd, base, pages, PAGE_SIZE, 1) : 0;
	sec = wr ? disk_pass(fd, base, pages, SECTOR_SIZE, 1) : 0;
	close(fd);
	if (!sec) {
		report_error("disk_page_read", "read or write");
		return;
	}
	report_us("disk_page_read", rd, DISK_PAGES, "us/page");
	report_us("disk_page_write", wr, DISK_PAGES, "us/page");
	report_us("disk_sector_write", sec, DISK_PAGES, "us/sector");
}

/* Free memory in pages, as sysinfo says (Linux's initrd has no /proc). */
static long free_pages(void)
{
	struct sysinfo si;

	if (sysinfo(&si))
		return -1;
	return (long)((uint64_t)si.freeram * si.mem_unit / PAGE_SIZE);
}

/*
 * One more copy of this program, run as "bench idle": it says it has
 * started on the pipe ready, then waits for its stdin (the pipe *hold)
 * to end. Returns its pid, or -1.
 */
static pid_t start_idle_copy(const char *self, int *hold)
{
	char *argv[] = { (char *)self, IDLE_ARG, NULL };
	int in[2], ready[2];
	char c;
	pid_t pid;

	if (pipe(in) || pipe(ready))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(ready[1], 1);
		close(in[1]);
		close(ready[0]);
		execv(self, argv);
		_exit(1);
	}
	close(in[0]);
	close(ready[1]);
	*hold = in[1];
	if (pid < 0 || read(ready[0], &c, 1) != 1)
		pid = -1;
	close(ready[0]);
	return pid;
}

/*
 * The memory a second copy of a running program costs, in pages: with
 * exec by demand paging its text is the first copy's page-cache pages,
 * so what is left is its page tables, stack, kernel stack and the data
 * pages it wrote. (A program as big as sh: this one.)
 */
static void bench_second_copy(void)
{
	const char *self = bench_self;
	int hold[2];
	pid_t first, second;
	long before, after;

	first = start_idle_copy(self, &hold[0]);
	before = free_pages();
	second = start_idle_copy(self, &hold[1]);
	after = free_pages();
	if (first < 0 || second < 0 || before < 0 || after < 0)
		report_error("second_copy_frames", "exec");
	else if (after > before)	/* something else gave memory back */
		report_error("second_copy_frames", "sysinfo");
	else
		report_tenths("second_copy_frames", (before - after) * 10,
			      "frames");
	close(hold[0]);
	close(hold[1]);
	waitpid(first, NULL, 0);
	waitpid(second, NULL, 0);
}

/*
 * Swap, on the disk (make bench SWAP=N; bench runs as init, so it swaps
 * on itself): an anonymous area of all free memory and SWAP_EXTRA more
 * is written page by page; the last SWAP_EXTRA pages each need a page
 * put out first (swap_out_rate). Then the second half is unmapped, which
 * frees memory, and the first SWAP_EXTRA pages, the oldest and so the
 * ones in swap, are written again: each fault reads its page back and
 * needs nothing put out (swap_in_fault, and its rate). Each page keeps
 * its index in its first word, checked on the way back. The area goes,
 * and so does swap if we swapped on (Linux; Lintel's init swaps on a
 * disk with mkswap's signature itself).
 */
static void bench_swap(void)
{
	long pages = free_pages() + SWAP_EXTRA;
	uint64_t t_out, t_in;
	volatile long *p;
	long i, bad = 0;

	int mine = swapon(DISK, 0) == 0;	/* EBUSY: init did it */

	if (!mine && errno != EBUSY) {
		report_disk_error("swap_out_rate", "swapon");
		return;
	}
	p = mmap(NULL, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages <= 2 * SWAP_EXTRA || p == MAP_FAILED) {
		report_error("swap_out_rate", "mmap");
		if (mine)
			swapoff(DISK);
		return;
	}
	for (i = 0; i < pages - SWAP_EXTRA; i++)
		p[i * PAGE_WORDS] = i;
	t_out = now_ns();
	for (; i < pages; i++)
		p[i * PAGE_WORDS] = i;
	t_out = now_ns() - t_out;
	munmap((void *)(p + pages / 2 * PAGE_WORDS),
	       (pages - pages / 2) * PAGE_SIZE);
	t_in = now_ns();
	for (i = 0; i < SWAP_EXTRA; i++)
		bad += p[i * PAGE_WORDS]++ != i;
	t_in = now_ns() - t_in;
	munmap((void *)p, pages / 2 * PAGE_SIZE);
	if (mine)
		swapoff(DISK);
	if (bad) {
		errno = EIO;
		report_error("swap_in_fault", "data");
		return;
	}
	report_tenths("swap_out_rate", (uint64_t)SWAP_EXTRA * NSEC_PER_SEC * 10 /
		      t_out, "pages/s");
	report_tenths("swap_in_rate", (uint64_t)SWAP_EXTRA * NSEC_PER_SEC * 10 /
		      t_in, "pages/s");
	report_us("swap_in_fault", t_in, SWAP_EXTRA, "us/page");
}

/* bench idle: say so on stdout, then wait until stdin ends. */
static int idle(void)
{
	char c;

	if (write(1, "r", 1) != 1)
		return 1;
	while (read(0, &c, 1) > 0)
		;
	return 0;
}

/* Every group of rows, in the order a full run takes them. */
static const struct bench_group {
	const char *name;
	void (*run)(void);
} groups[] = {
	{ "getpid", bench_getpid },
	{ "getpid_vsyscall", bench_getpid_vsyscall },
	{ "clock", bench_clock },
	{ "clock_vdso", bench_clock_vdso },
	{ "shm_fault", bench_shm_fault },
	{ "shm_lifecycle", bench_shm_lifecycle },
	{ "pingpong", bench_pingpong },
	{ "pipe", bench_pipe },
	{ "sem_pingpong", bench_sem_pingpong },
	{ "msg_roundtrip", bench_msg_roundtrip },
	{ "futex_pingpong", bench_futex_pingpong },
	{ "thread_create", bench_thread_create },
	{ "fork", bench_fork },
	{ "anon", bench_anon },
	{ "second_copy", bench_second_copy },
	{ "disk", bench_disk },
	{ "swap", bench_swap },
};

#define NR_GROUPS	(sizeof(groups) / sizeof(groups[0]))

/*
 * True when group name is to run: names (NULL-terminated, after any
 * "floors") lists the groups wanted, and an empty list wants them all.
 * "bench fork anon" times fork_exit_wait and the 16 MiB rows alone.
 */
static int wanted(char **names, const char *name)
{
	if (!*names)
		return 1;
	for (; *names; names++)
		if (!strcmp(*names, name))
			return 1;
	return 0;
}

/*
 * Run every group wanted, in the table's order. A name that is no group
 * is an error row, so that a typo does not pass for a run of nothing.
 */
static void run_groups(char **names)
{
	unsigned int i;
	char **n;

	for (n = names; *n; n++) {
		for (i = 0; i < NR_GROUPS && strcmp(*n, groups[i].name); i++)
			;
		if (i == NR_GROUPS)
			printf("bench %s error no such group\n", *n);
	}
	for (i = 0; i < NR_GROUPS; i++)
		if (wanted(names, groups[i].name))
			groups[i].run();
}

int main(int argc, char **argv, char **envp)
{
	uint32_t tsc_per_us;
	char **names = argv + 1;

	if (argc == 2 && !strcmp(argv[1], IDLE_ARG))
		return idle();
	bench_envp = envp;
	bench_self = argv[0];
	printf("bench begin\n");
	tsc_per_us = calibrate();
	if (!tsc_per_us) {
		report_error("calibrate", "clock_gettime");
	} else {
		report_tenths("tsc_rate", (uint64_t)tsc_per_us * 10,
			      "ticks/us");
		if (*names && !strcmp(*names, "floors")) {
			bench_floors();
			names++;
		}
		run_groups(names);
	}
	printf("bench end\n");

	/* A Linux kernel panics when init exits: power off instead. */
	if (getpid() == 1)
		reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		       LINUX_REBOOT_CMD_POWER_OFF, NULL);
	return 0;
}
