#ifndef _ASM_VDSO_H
#define _ASM_VDSO_H

/*
 * The vDSO: one page of code the kernel maps into every process, with
 * the page of clock data it reads just below it. Linux places its vDSO
 * below the stack's gap (mmap_base); Lintel puts both pages at a fixed
 * address there, just below the 8 MiB the stack may grow to by default
 * (RLIMIT_STACK) and above the mmap window (mm/mmap.c), so that the vDSO
 * is linked at its one address (VDSO_BASE) and reads the data page at a
 * constant. A stack allowed more than 8 MiB stops growing at them.
 * 1.2.13 had neither.
 *
 * Shared by the kernel (kernel/vsyscall.c, kernel/time.c, fs/exec.c) and
 * the vDSO's own C (vdso/vclock.c): plain C types only, no kernel
 * headers.
 */
#define VDSO_BASE	0xBF7FF000	/* TASK_SIZE - 8 MiB - PAGE_SIZE */
#define VVAR_BASE	0xBF7FE000	/* the data page, just below */
#define VSYSCALL_RETURN	16	/* sysexit lands here in __kernel_vsyscall */

/* How the vDSO may read the clock. */
#define VCLOCK_NONE	0	/* ask the kernel (the PIT interpolates) */
#define VCLOCK_TSC	1	/* the TSC from last_tsc, as time.c does */

#ifndef __ASSEMBLER__
/*
 * The data page. The timer writes it with seq odd and makes seq even
 * again when done (a seqlock with one writer); a reader retries while
 * seq is odd or has moved. The fields are time.c's, copied: uptime is
 * jiffies ticks plus (rdtsc - last_tsc) * tsc_mult >> tsc_shift, cut
 * just short of a tick, and REALTIME adds startup_time/startup_nsec.
 */
struct vdso_data {
	unsigned long seq;
	unsigned long vclock_mode;	/* VCLOCK_* */
	unsigned long jiffies;
	unsigned long hz;		/* HZ, and what one tick is in ns */
	unsigned long nsec_per_tick;
	unsigned long tsc_mult;
	unsigned long tsc_shift;
	unsigned long startup_time;	/* REALTIME at boot: seconds ... */
	long startup_nsec;		/* ... and nanoseconds */
	unsigned long long last_tsc;	/* the TSC at the last tick */
	unsigned long long tsc_per_tick;
};
#endif

#endif
