/*
 * fpu.h - the FPU state as fxsave stores it, for the guest tests of the
 * kernel's FPU handling (test_fpu.c, helper_fpu.c), and the x87 numbers
 * both test_fpu.c and test_fpu_x87.c load.
 *
 * The tests move whole states in and out with fxrstor and fxsave in one
 * asm statement each, so that no compiled code (nor a libc that uses
 * SSE in its string functions) runs between what they set and what they
 * check.
 */
#ifndef _FPU_H
#define _FPU_H

#include <string.h>

#define X87_CW_DEFAULT	0x037f
#define MXCSR_DEFAULT	0x1f80
#define MXCSR_MASK_DEFAULT 0xffbf	/* when fxsave reports a mask of 0 */
#define CPUID_FXSR	(1UL << 24)
#define CPUID_SSE	(1UL << 25)
#define FXSR_NO_SSE	"the CPU has no FXSR or SSE (CPUID leaf 1)"

/* fxsave's 512 bytes, 16-byte aligned as fxsave and fxrstor require. */
struct fxstate {
	unsigned short cwd, swd;
	unsigned char ftw, reserved1;	/* abridged: a bit per used register */
	unsigned short fop;
	unsigned long fip, fcs, foo, fos;
	unsigned long mxcsr, mxcsr_mask;
	unsigned char st[8][16];	/* ST(0)..ST(7), 10 bytes used each */
	unsigned char xmm[8][16];
	unsigned char reserved2[224];
} __attribute__((aligned(16)));

#define SW_TOP_AFTER_7	(1 << 11)	/* 7 pushes from TOP 0: TOP 1 */
#define X87_EXP_BIAS	0x3fff
#define X87_INT_BIT	0x80
#define X87_REG_BYTES	10

static unsigned long fpu_rng;

/* The next byte of a small linear congruential stream (fpu_rng). */
static inline unsigned char fpu_next_byte(void)
{
	fpu_rng = fpu_rng * 1103515245UL + 12345UL;
	return (unsigned char)(fpu_rng >> 16);
}

/*
 * fill_x87_regs - seven x87 registers in use, each a normal number made
 * from the stream seeded with seed: a random 64-bit significand with the
 * integer bit set, exponents bias + 0 .. 6. stride is the distance from
 * one register to the next in the caller's layout (16 in fxsave's, 10 in
 * fnsave's). Returns with the stream where the registers left it.
 */
static inline void fill_x87_regs(unsigned char *st, int stride,
				 unsigned long seed)
{
	int i, j;

	fpu_rng = seed;
	for (i = 0; i < 7; i++, st += stride) {
		for (j = 0; j < 8; j++)
			st[j] = fpu_next_byte();
		st[7] |= X87_INT_BIT;
		st[8] = (X87_EXP_BIAS + i) & 0xff;
		st[9] = (X87_EXP_BIAS + i) >> 8;
	}
}

static inline void fxsave(struct fxstate *s)
{
	__asm__ volatile("fxsave %0" : "=m"(*s));
}

/* Does the CPU have fxsave and SSE (and did the kernel enable them)? */
static inline int have_fxsr_sse(void)
{
	unsigned long eax = 1, ebx, ecx = 0, edx;

	__asm__ volatile("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return (edx & (CPUID_FXSR | CPUID_SSE)) == (CPUID_FXSR | CPUID_SSE);
}

/*
 * The parts of two states a program can see and that the tests set:
 * control, status and tag words, MXCSR, the x87 and the xmm registers.
 * Returns the name of the first that differs, or NULL.
 */
static inline const char *fxstate_diff(const struct fxstate *a,
				       const struct fxstate *b)
{
	int i;

	if (a->cwd != b->cwd)
		return "x87 control word";
	if (a->swd != b->swd)
		return "x87 status word";
	if (a->ftw != b->ftw)
		return "x87 tag word";
	if (a->mxcsr != b->mxcsr)
		return "MXCSR";
	for (i = 0; i < 8; i++)
		if (memcmp(a->st[i], b->st[i], 10))
			return "an x87 register";
	for (i = 0; i < 8; i++)
		if (memcmp(a->xmm[i], b->xmm[i], 16))
			return "an xmm register";
	return NULL;
}

#endif
