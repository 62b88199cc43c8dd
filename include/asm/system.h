#ifndef _ASM_SYSTEM_H
#define _ASM_SYSTEM_H

/*
 * Interrupt flag helpers. Lintel is a uniprocessor kernel that is not
 * preempted in kernel mode (as 1.2.13), so cli/sti is the only locking.
 */
#define cli()		__asm__ volatile("cli" : : : "memory")
#define sti()		__asm__ volatile("sti" : : : "memory")
#define hlt()		__asm__ volatile("hlt" : : : "memory")
#define barrier()	__asm__ volatile("" : : : "memory")

#define save_flags(x)	__asm__ volatile("pushfl; popl %0" : "=r"(x) : : "memory")
#define restore_flags(x) __asm__ volatile("pushl %0; popfl" : : "r"(x) : "memory", "cc")

#define EFLAGS_TF	0x100		/* trap after each instruction */
#define EFLAGS_IF	0x200
#define EFLAGS_DF	0x400		/* string instructions count down */
#define EFLAGS_RF	0x10000		/* resume: no debug fault at eip */

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	__asm__ volatile("movl %%cr2, %0" : "=r"(v));
	return v;
}

static inline unsigned long read_cr3(void)
{
	unsigned long v;

	__asm__ volatile("movl %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(unsigned long v)
{
	__asm__ volatile("movl %0, %%cr3" : : "r"(v) : "memory");
}

static inline unsigned long long rdtsc(void)
{
	unsigned long long v;

	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

#endif
