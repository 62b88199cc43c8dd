#ifndef _ASM_I387_H
#define _ASM_I387_H

/*
 * The floating-point state a task owns: the x87 registers and, on a CPU
 * with FXSR, the SSE registers and MXCSR. It moves between the FPU and
 * the task's thread_struct lazily, as in 1.2.13 (kernel/fpu.c):
 *
 *   last_task_used_math  the task whose state is in the FPU right now
 *   task->used_math      the task has a state at all (0: it gets a clean
 *                        one at its first FPU instruction)
 *   CR0.TS               set unless current == last_task_used_math, so
 *                        the first FPU instruction of any other task
 *                        traps (#NM, vector 7) into math_state_restore
 *
 * The kernel itself never uses the FPU (-mgeneral-regs-only): only
 * kernel/fpu.c and kernel/fpu_signal.c touch it, always with TS clear.
 */

struct task_struct;
struct pt_regs;
struct _fpstate;

/* What fnsave stores in 32-bit protected mode (108 bytes). */
struct i387_hard_struct {
	long cwd, swd, twd;	/* control, status, tag (2 bits per register) */
	long fip, fcs;		/* last instruction: offset; selector, opcode */
	long foo, fos;		/* last operand: offset, selector */
	long st_space[20];	/* ST(0)..ST(7), 10 bytes each */
};

/* What fxsave stores (512 bytes, 16-byte aligned). */
struct i387_fxsave_struct {
	unsigned short cwd, swd;
	unsigned short twd;	/* abridged: bit i set = physical register i used */
	unsigned short fop;
	long fip, fcs, foo, fos;
	long mxcsr, mxcsr_mask;
	long st_space[32];	/* ST(0)..ST(7) in 16-byte slots */
	long xmm_space[32];	/* xmm0..xmm7 */
	long padding[56];
} __attribute__((aligned(16)));

union i387_union {
	struct i387_hard_struct hard;
	struct i387_fxsave_struct fxsave;
};

#define X87_CW_DEFAULT	0x037f	/* all exceptions masked, 64-bit, nearest */
#define MXCSR_DEFAULT	0x1f80	/* all SIMD exceptions masked, nearest */

extern struct task_struct *last_task_used_math;
extern int has_fxsr;		/* CPUID said FXSR: fxsave, SSE state */

/* kernel/fpu.c */
void fpu_init(void);
void math_state_restore(void);
void math_error(struct pt_regs *regs, int trapno);
void switch_fpu(struct task_struct *next);
void unlazy_fpu(void);
void copy_fpu(struct task_struct *p);
void clear_fpu(void);
union i387_union *sync_fpu(void);
unsigned long mxcsr_feature_mask(void);

/* kernel/fpu_signal.c */
unsigned long alloc_mathframe(unsigned long esp);
int save_fpstate(unsigned long fpstate);
int restore_fpstate(unsigned long fpstate);

#endif
