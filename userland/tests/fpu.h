/*
 * fpu.h - the FPU state as fxsave stores it, for the guest tests of the
 * kernel's FPU handling (test_fpu.c, helper_fpu.c).
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
