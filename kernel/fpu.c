/*
 * fpu.c - the FPU and SSE registers, switched lazily between tasks.
 *
 * This is 1.2.13's scheme (its math_state_restore lived in sched.c): a
 * task switch does not touch the FPU. It only sets CR0.TS, unless the
 * task coming in is the one whose state the FPU already holds
 * (last_task_used_math). The first FPU or SSE instruction of any other
 * task then traps (#NM, "device not available"); math_state_restore
 * stores the old owner's registers in its thread_struct, loads the new
 * one's, clears TS and lets the instruction run again. A task that never
 * touches the FPU costs nothing; one that computes alone never traps.
 *
 * On a CPU with FXSR (CPUID), fxsave/fxrstor move the x87 and the SSE
 * state together and CR4.OSFXSR enables SSE (without it every SSE
 * instruction is #UD); otherwise fnsave/frstor move the x87 state.
 *
 * Lintel assumes an FPU (a 486DX or later): 1.2.13 also ran without one,
 * by emulation.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/trace.h>
#include <asm/i387.h>
#include <asm/system.h>

#define CR0_MP		0x00000002	/* wait/fwait honour TS too */
#define CR0_EM		0x00000004	/* no FPU: trap every FPU instruction */
#define CR0_TS		0x00000008	/* task switched: next FPU use traps */
#define CR0_NE		0x00000020	/* x87 errors as #MF, not IRQ 13 */
#define CR4_OSFXSR	0x00000200	/* the OS saves SSE state with fxsave */
#define CR4_OSXMMEXCPT	0x00000400	/* unmasked SIMD errors as #XM */

#define EFLAGS_ID	0x00200000	/* settable iff cpuid exists */
#define CPUID_FEATURES	1
#define CPUID_FXSR	(1UL << 24)	/* edx of leaf 1 */
#define CPUID_XMM	(1UL << 25)
#define MXCSR_MASK_DEFAULT 0x0000ffbf	/* when fxsave reports a mask of 0 */

#define TRAP_MF		16		/* x87 floating-point error */

/* x87 status word and MXCSR exception flags, in the same bit order */
#define FP_EX_INVALID	0x01
#define FP_EX_DENORMAL	0x02
#define FP_EX_ZERODIV	0x04
#define FP_EX_OVERFLOW	0x08
#define FP_EX_UNDERFLOW	0x10
#define FP_EX_PRECISION	0x20
#define FP_EX_ALL	0x3f
#define MXCSR_MASK_SHIFT 7		/* MXCSR's mask bits sit 7 above */

struct task_struct *last_task_used_math __sched_data;
int has_fxsr;
static unsigned long mxcsr_mask = MXCSR_MASK_DEFAULT;

static inline unsigned long read_cr0(void)
{
	unsigned long v;

	__asm__ volatile("movl %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(unsigned long v)
{
	__asm__ volatile("movl %0, %%cr0" : : "r"(v) : "memory");
}

/*
 * Set or clear CR0.TS. A write to cr0 is costly under QEMU, and most
 * task switches leave TS as it was: write only on a change.
 */
static void __sched set_ts(int on)
{
	unsigned long cr0 = read_cr0();
	unsigned long want = on ? cr0 | CR0_TS : cr0 & ~CR0_TS;

	if (want != cr0)
		write_cr0(want);
}

/* Does the CPU have cpuid? (a 486 may not: then ID cannot be toggled) */
static int has_cpuid(void)
{
	unsigned long before, after;

	__asm__ volatile("pushfl\n\t"
			 "popl %0\n\t"
			 "movl %0, %1\n\t"
			 "xorl %2, %1\n\t"
			 "pushl %1\n\t"
			 "popfl\n\t"
			 "pushfl\n\t"
			 "popl %1\n\t"
			 "pushl %0\n\t"
			 "popfl"
			 : "=&r"(before), "=&r"(after)
			 : "i"(EFLAGS_ID) : "cc");
	return (before ^ after) & EFLAGS_ID;
}

/* The feature bits cpuid reports in edx for leaf. */
static unsigned long cpuid_edx(unsigned long leaf)
{
	unsigned long eax = leaf, ebx, ecx = 0, edx;

	__asm__ volatile("cpuid"
			 : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return edx;
}

/* Store the FPU's registers at to. fnsave also reinitialises the FPU. */
static void save_fpu(union i387_union *to)
{
	if (has_fxsr)
		__asm__ volatile("fxsave %0" : "=m"(to->fxsave));
	else
		__asm__ volatile("fnsave %0" : "=m"(to->hard));
}

/*
 * Load the FPU's registers from from. The MXCSR in it must be valid for
 * this CPU (fxrstor faults otherwise): everything that stores one checks
 * it against mxcsr_feature_mask first.
 */
static void restore_fpu(const union i387_union *from)
{
	if (has_fxsr)
		__asm__ volatile("fxrstor %0" : : "m"(from->fxsave));
	else
		__asm__ volatile("frstor %0" : : "m"(from->hard));
}

/*
 * The MXCSR bits this CPU accepts. fxsave reports them in mxcsr_mask;
 * CPUs that report 0 accept 0xffbf.
 */
static void probe_mxcsr_mask(void)
{
	static union i387_union probe;

	memset(&probe, 0, sizeof(probe));
	__asm__ volatile("fxsave %0" : "=m"(probe.fxsave));
	if (probe.fxsave.mxcsr_mask)
		mxcsr_mask = probe.fxsave.mxcsr_mask;
}

/* For sigreturn: an MXCSR with a bit outside this would fault fxrstor. */
unsigned long mxcsr_feature_mask(void)
{
	return mxcsr_mask;
}

/*
 * fpu_init - set the FPU up at boot.
 *
 * CR0: no emulation, MP so that fwait traps too, NE so that x87 errors
 * are exception 16 (the IRQ 13 route is for 386/387 boards), and TS so
 * that the first task to use the FPU traps into math_state_restore.
 * With FXSR, CR4 lets user programs run SSE and get #XM for its errors.
 */
void fpu_init(void)
{
	unsigned long cr0;

	if (has_cpuid() && (cpuid_edx(CPUID_FEATURES) & CPUID_FXSR)) {
		unsigned long cr4, features = cpuid_edx(CPUID_FEATURES);

		has_fxsr = 1;
		__asm__ volatile("movl %%cr4, %0" : "=r"(cr4));
		cr4 |= CR4_OSFXSR;
		if (features & CPUID_XMM)
			cr4 |= CR4_OSXMMEXCPT;
		__asm__ volatile("movl %0, %%cr4" : : "r"(cr4));
	}
	cr0 = read_cr0();
	cr0 &= ~(CR0_EM | CR0_TS);
	write_cr0(cr0 | CR0_MP | CR0_NE);
	__asm__ volatile("fninit");
	if (has_fxsr)
		probe_mxcsr_mask();
	set_ts(1);
}

/*
 * The state a new program starts with, as after fninit: control word
 * 0x37f, every register empty, MXCSR 0x1f80, the SSE registers zero.
 */
static void init_fpu(union i387_union *fp)
{
	memset(fp, 0, sizeof(*fp));
	if (has_fxsr) {
		fp->fxsave.cwd = X87_CW_DEFAULT;
		fp->fxsave.mxcsr = MXCSR_DEFAULT;
		return;
	}
	fp->hard.cwd = 0xffff0000 | X87_CW_DEFAULT;	/* fnsave's layout */
	fp->hard.swd = 0xffff0000;
	fp->hard.twd = 0xffffffff;			/* all empty */
	fp->hard.fos = 0xffff0000;
}

/*
 * math_state_restore - the device-not-available trap (#NM, vector 7).
 *
 * current ran an FPU or SSE instruction with TS set: it does not own the
 * FPU. Clear TS, store the owner's registers in the owner's
 * thread_struct, and load current's (or a clean state, the first time).
 * On return the instruction runs again, this time for real.
 */
void math_state_restore(void)
{
	__asm__ volatile("clts");
	if (last_task_used_math == current)
		return;
	if (last_task_used_math) {
		trace(TRACE_FPU, "FPU #NM pid=%d: save pid=%d's registers\n",
		      current->pid, last_task_used_math->pid);
		save_fpu(&last_task_used_math->tss.i387);
	}
	trace(TRACE_FPU, "FPU #NM pid=%d: load %s\n", current->pid,
	      current->used_math ? "its own state" : "a clean state");
	last_task_used_math = current;
	if (!current->used_math) {
		init_fpu(&current->tss.i387);
		current->used_math = 1;
	}
	restore_fpu(&current->tss.i387);
}

/*
 * switch_fpu - called by schedule() just before it switches to next: arm
 * the trap unless next's registers are the ones in the FPU. (1.2.13's
 * switch_to did the same after its ljmp, which had set TS itself.)
 */
void __sched switch_fpu(struct task_struct *next)
{
	set_ts(next != last_task_used_math);
}

/*
 * unlazy_fpu - if the FPU holds current's registers, put them in
 * current->tss.i387 and give the FPU up (TS set), so that the memory
 * copy is the only one. For code that reads or replaces the state.
 */
void unlazy_fpu(void)
{
	if (last_task_used_math != current)
		return;
	save_fpu(&current->tss.i387);
	last_task_used_math = NULL;
	set_ts(1);
}

/*
 * sync_fpu - current's FPU state, in memory and nowhere else: unlazied,
 * or the clean state if current never had one. For the signal code,
 * which copies it into a frame or replaces it from one.
 */
union i387_union *sync_fpu(void)
{
	unlazy_fpu();
	if (!current->used_math) {
		init_fpu(&current->tss.i387);
		current->used_math = 1;
	}
	return &current->tss.i387;
}

/*
 * copy_fpu - fork: p, a copy of current, gets current's FPU state. The
 * struct copy took tss.i387 from memory; if the FPU holds newer
 * registers, store them into p directly, and put them back for current
 * (fnsave reinitialised the FPU), as 1.2.13's copy_thread did.
 */
void copy_fpu(struct task_struct *p)
{
	if (last_task_used_math != current)
		return;
	save_fpu(&p->tss.i387);
	restore_fpu(&p->tss.i387);
}

/*
 * clear_fpu - current's FPU state is gone: at exec (a new program starts
 * clean), at exit (nobody may save into a dead task), and for a signal
 * handler (it starts clean, as on Linux). The next FPU instruction traps
 * and gets init_fpu's state.
 */
void clear_fpu(void)
{
	current->used_math = 0;
	if (last_task_used_math == current) {
		last_task_used_math = NULL;
		set_ts(1);
	}
}

/* Linux's si_code for a set of unmasked exception flags (FP_EX_*). */
static int fpe_code(unsigned long err)
{
	if (err & FP_EX_INVALID)
		return FPE_FLTINV;
	if (err & FP_EX_ZERODIV)
		return FPE_FLTDIV;
	if (err & FP_EX_OVERFLOW)
		return FPE_FLTOVF;
	if (err & (FP_EX_DENORMAL | FP_EX_UNDERFLOW))
		return FPE_FLTUND;
	if (err & FP_EX_PRECISION)
		return FPE_FLTRES;
	return 0;
}

/*
 * The exceptions that are both flagged and unmasked: in the x87 status
 * and control words (#MF), or in MXCSR (#XM). current owns the FPU: it
 * just ran the instruction that trapped. Non-waiting reads only.
 */
static unsigned long unmasked_errors(int trapno)
{
	unsigned short sw, cw;
	unsigned long mxcsr;

	if (trapno == TRAP_MF) {
		__asm__ volatile("fnstsw %0\n\tfnstcw %1" : "=m"(sw), "=m"(cw));
		return sw & ~cw & FP_EX_ALL;
	}
	__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
	return mxcsr & ~(mxcsr >> MXCSR_MASK_SHIFT) & FP_EX_ALL;
}

/*
 * math_error - an unmasked x87 (#MF, 16) or SIMD (#XM, 19) exception in
 * user mode: SIGFPE with Linux's si_code and the instruction's address.
 * The flags stay set in the saved state; a handler that returns without
 * clearing them in its frame traps again, as on Linux. An exception
 * with no unmasked flag is spurious and ignored, as Linux does.
 */
void math_error(struct pt_regs *regs, int trapno)
{
	unsigned long err = unmasked_errors(trapno);

	if (!err)
		return;
	current->tss.trap_no = trapno;
	current->tss.error_code = 0;
	force_sig_fault(SIGFPE, fpe_code(err), regs->eip);
}
