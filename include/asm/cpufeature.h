#ifndef _ASM_CPUFEATURE_H
#define _ASM_CPUFEATURE_H

/*
 * What the processor says it can do: CPUID leaf 1's edx feature bits,
 * which Linux hands to every program as AT_HWCAP. 1.2.13 probed the CPU
 * in head.S and kept x86_capability; Lintel asks CPUID when it needs to.
 */
#define X86_EFLAGS_ID		0x00200000	/* writable iff CPUID exists */
#define CPUID_LEAF_FEATURES	1
#define X86_FEATURE_PSE		0x00000008	/* edx bit 3: 4M pages */
#define X86_FEATURE_TSC		0x00000010	/* edx bit 4: rdtsc */

/* Is the EFLAGS.ID bit writable? Only then does CPUID exist (486 on). */
static inline int have_cpuid(void)
{
	unsigned long before, after;

	__asm__ volatile("pushfl\n\t"
			 "pushfl\n\t"
			 "popl %0\n\t"
			 "movl %0, %1\n\t"
			 "xorl %2, %0\n\t"
			 "pushl %0\n\t"
			 "popfl\n\t"
			 "pushfl\n\t"
			 "popl %0\n\t"
			 "popfl"
			 : "=&r"(after), "=&r"(before)
			 : "i"(X86_EFLAGS_ID) : "cc");
	return ((before ^ after) & X86_EFLAGS_ID) != 0;
}

/* The four registers CPUID gives for leaf (the caller checked have_cpuid). */
static inline void cpuid(unsigned long leaf, unsigned long regs[4])
{
	unsigned long ecx = 0;

	__asm__ volatile("cpuid"
			 : "=a"(regs[0]), "=b"(regs[1]), "=c"(regs[2]),
			   "=d"(regs[3])
			 : "a"(leaf), "c"(ecx));
}

/* CPUID leaf 1's edx (the feature flags), or 0 on a CPU without CPUID. */
static inline unsigned long x86_features(void)
{
	unsigned long regs[4];

	if (!have_cpuid())
		return 0;
	cpuid(CPUID_LEAF_FEATURES, regs);
	return regs[3];
}

#endif
