/*
 * fpu_signal.c - the FPU state in a signal frame (struct _fpstate,
 * include/asm/sigcontext.h), in Linux i386's layout.
 *
 * setup_frame puts the interrupted code's FPU state above the frame and
 * points sigcontext.fpstate at it; the handler then starts with a clean
 * FPU, and sigreturn loads the state back from wherever fpstate points.
 * So a handler that computes in floating point never disturbs the code
 * it interrupted, and one that edits the saved state changes what that
 * code finds. The frame is the user's to forge: a pointer that cannot be
 * read, or an MXCSR with bits the CPU lacks (fxrstor would fault on it),
 * is refused and the caller gets SIGSEGV. That is x86-64 Linux, which
 * runs the tests; i386 Linux trims such an MXCSR instead.
 *
 * With FXSR, the x87 part is written twice, in fnsave's layout at the
 * start (that copy is the one restored, as Linux does) and inside the
 * fxsave image; the two layouts differ in the tag word and in where the
 * opcode lives, hence the conversions below.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <asm/i387.h>
#include <asm/sigcontext.h>
#include <asm/segment.h>

#define FXSAVE_SIZE	sizeof(struct i387_fxsave_struct)
#define FPSTATE_ALIGN	64	/* Linux aligns the fxsave image to 64 */
#define FXSR_SW_RESERVED sizeof(((struct _fpstate *)0)->padding2)
#define FXSR_COPY_SIZE	(FXSAVE_SIZE - FXSR_SW_RESERVED)
#define NR_FPREGS	8
#define FPREG_SLOT_LONGS 4	/* fxsave keeps each 10-byte register in 16 */
#define SW_TOP_SHIFT	11	/* status word bits 11-13: the stack top */
#define SW_TOP_MASK	7
#define FPREG_EXP_MASK	0x7fff
#define FPREG_INT_BIT	0x8000	/* the explicit integer bit of significand[3] */
#define HIGH_ONES	0xffff0000UL	/* fnsave fills unused halves with 1s */
#define LOW_HALF	0x0000ffffUL	/* a selector in a 32-bit slot */

/* fnsave's 2-bit tags */
#define TAG_VALID	0
#define TAG_ZERO	1
#define TAG_SPECIAL	2	/* NaN, infinity, denormal, unnormal */
#define TAG_EMPTY	3

_Static_assert(sizeof(struct _fpstate) == 624, "Linux's _fpstate_32");
_Static_assert(FPSTATE_FXSR_OFFSET == 112, "fxsave image at offset 112");
_Static_assert(FPSTATE_FXSR_OFFSET + FXSAVE_SIZE == sizeof(struct _fpstate),
	       "the fxsave image ends the struct");

/*
 * alloc_mathframe - where the _fpstate goes below a user esp: the fxsave
 * image 64-byte aligned under esp, the fnsave part just below it (Linux
 * i386's get_sigframe). The signal frame itself goes below the result.
 */
unsigned long alloc_mathframe(unsigned long esp)
{
	return ((esp - FXSAVE_SIZE) & ~(FPSTATE_ALIGN - 1UL)) -
	       FPSTATE_FXSR_OFFSET;
}

/* The 2-bit tag fnsave would give a used register with these contents. */
static unsigned long tag_of(const struct _fpxreg *st)
{
	unsigned int exp = st->exponent & FPREG_EXP_MASK;

	if (exp == FPREG_EXP_MASK)
		return TAG_SPECIAL;
	if (exp == 0)
		return st->significand[0] || st->significand[1] ||
		       st->significand[2] || st->significand[3] ?
		       TAG_SPECIAL : TAG_ZERO;
	return st->significand[3] & FPREG_INT_BIT ? TAG_VALID : TAG_SPECIAL;
}

/*
 * fnsave's tag word from fxsave's abridged one (a bit per physical
 * register) and the registers themselves, kept in stack order from TOP.
 */
static unsigned long twd_fxsr_to_i387(const struct i387_fxsave_struct *fx)
{
	int top = (fx->swd >> SW_TOP_SHIFT) & SW_TOP_MASK;
	unsigned long twd = HIGH_ONES;
	int i;

	for (i = 0; i < NR_FPREGS; i++) {
		const struct _fpxreg *st = (const struct _fpxreg *)
			&fx->st_space[((i - top) & SW_TOP_MASK) *
				      FPREG_SLOT_LONGS];
		unsigned long tag = fx->twd & (1 << i) ? tag_of(st)
						       : TAG_EMPTY;

		twd |= tag << (2 * i);
	}
	return twd;
}

/* fxsave's abridged tag word: a register is in use unless tagged empty. */
static unsigned short twd_i387_to_fxsr(unsigned long twd)
{
	unsigned short ftw = 0;
	int i;

	for (i = 0; i < NR_FPREGS; i++)
		if (((twd >> (2 * i)) & TAG_EMPTY) != TAG_EMPTY)
			ftw |= 1 << i;
	return ftw;
}

/* Fill buf from an fxsave image: fnsave's layout first, then the image. */
static void fxsr_to_fpstate(struct _fpstate *buf,
			    const struct i387_fxsave_struct *fx)
{
	int i;

	buf->cw = fx->cwd | HIGH_ONES;
	buf->sw = fx->swd | HIGH_ONES;
	buf->tag = twd_fxsr_to_i387(fx);
	buf->ipoff = fx->fip;
	buf->cssel = (fx->fcs & LOW_HALF) | ((unsigned long)fx->fop << 16);
	buf->dataoff = fx->foo;
	buf->datasel = fx->fos | HIGH_ONES;
	for (i = 0; i < NR_FPREGS; i++)
		memcpy(&buf->_st[i], &fx->st_space[i * FPREG_SLOT_LONGS],
		       sizeof(buf->_st[i]));
	buf->status = fx->swd;
	buf->magic = X86_FXSR_MAGIC;
	memcpy(buf->_fxsr_env, fx, FXSR_COPY_SIZE);
}

/*
 * Fill an fxsave image from buf: MXCSR (already checked) and the xmm
 * registers from the image; the x87 state from the fnsave part, the one
 * a handler is expected to edit.
 */
static void fpstate_to_fxsr(struct i387_fxsave_struct *fx,
			    const struct _fpstate *buf)
{
	int i;

	memset(fx, 0, sizeof(*fx));
	memcpy(fx, buf->_fxsr_env, FXSR_COPY_SIZE);
	fx->cwd = buf->cw;
	fx->swd = buf->sw;
	fx->twd = twd_i387_to_fxsr(buf->tag);
	fx->fip = buf->ipoff;
	fx->fcs = buf->cssel & LOW_HALF;
	fx->fop = buf->cssel >> 16;
	fx->foo = buf->dataoff;
	fx->fos = buf->datasel & LOW_HALF;
	for (i = 0; i < NR_FPREGS; i++)
		memcpy(&fx->st_space[i * FPREG_SLOT_LONGS], &buf->_st[i],
		       sizeof(buf->_st[i]));
}

/*
 * save_fpstate - write current's FPU state to the user's struct _fpstate
 * at fpstate (from alloc_mathframe). Returns 0 or -EFAULT. The state
 * stays current's: the caller clears it for the handler (clear_fpu) once
 * the whole frame is written.
 */
int save_fpstate(unsigned long fpstate)
{
	struct _fpstate buf;
	union i387_union *fp = sync_fpu();

	memset(&buf, 0, sizeof(buf));
	if (has_fxsr) {
		fxsr_to_fpstate(&buf, &fp->fxsave);
	} else {
		memcpy(&buf, &fp->hard, sizeof(fp->hard));
		buf.status = fp->hard.swd;
		buf.magic = X86_FPSTATE_MAGIC;
	}
	return memcpy_tofs((void *)fpstate, &buf, sizeof(buf));
}

/*
 * restore_fpstate - sigreturn: make the struct _fpstate at fpstate
 * current's FPU state; 0 means "none", and current starts clean at its
 * next FPU instruction (Linux does the same). Returns 0, -EFAULT, or
 * -EINVAL for an MXCSR this CPU would refuse; on an error current's state
 * is untouched. As on Linux, with FXSR the fxsave image is read whatever
 * magic says.
 */
int restore_fpstate(unsigned long fpstate)
{
	struct _fpstate buf;
	unsigned long size = has_fxsr ? sizeof(buf) : FPSTATE_FXSR_OFFSET;

	if (!fpstate) {
		clear_fpu();
		return 0;
	}
	if (memcpy_fromfs(&buf, (const void *)fpstate, size))
		return -EFAULT;
	if (has_fxsr && (buf.mxcsr & ~mxcsr_feature_mask()))
		return -EINVAL;
	clear_fpu();
	if (has_fxsr)
		fpstate_to_fxsr(&current->tss.i387.fxsave, &buf);
	else
		memcpy(&current->tss.i387.hard, &buf,
		       sizeof(current->tss.i387.hard));
	current->used_math = 1;
	return 0;
}
