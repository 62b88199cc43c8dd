/*
 * fuzz_frames.h - the fuzzer's hostile frames: sigreturn and
 * rt_sigreturn with garbage or forged frames.
 *
 * Part of fuzz.c, which includes it once, after the generator and the
 * call helpers (rnd, below, hostile_*, call, remember) its ops use; the
 * op table at the end of fuzz.c picks them. Split out by subject only
 * to keep each file short.
 */
#ifndef _FUZZ_FRAMES_H
#define _FUZZ_FRAMES_H

/* Where a forged frame the kernel accepts resumes: exit(0), no stack. */
void fuzz_landing(void);
__asm__(".text\n"
	".globl fuzz_landing\n"
	"fuzz_landing:\n"
	"	movl $1, %eax\n"
	"	xorl %ebx, %ebx\n"
	"	int $0x80\n");

/* struct sigcontext, Linux i386: the words sigreturn reads back. */
enum { SC_GS, SC_FS, SC_ES, SC_DS, SC_EDI, SC_ESI, SC_EBP, SC_ESP, SC_EBX,
       SC_EDX, SC_ECX, SC_EAX, SC_TRAPNO, SC_ERR, SC_EIP, SC_CS, SC_EFLAGS,
       SC_ESP_AT_SIGNAL, SC_SS, SC_FPSTATE, SC_OLDMASK, SC_CR2, SC_WORDS };
#define RT_SC_OFFSET	160	/* esp to uc_mcontext, for rt_sigreturn */
#define FRAME_SPAN	1024
#define TLS_FIRST	6	/* set_thread_area's GDT entries 6..8 */

static unsigned long segment(int which)
{
	unsigned short v = 0;

	switch (which) {
	case 0: __asm__("movw %%cs, %0" : "=r"(v)); break;
	case 1: __asm__("movw %%ss, %0" : "=r"(v)); break;
	default: __asm__("movw %%ds, %0" : "=r"(v));
	}
	return v;
}

/* A selector: ours, null, a TLS slot, one of any ring, or any bits. */
static unsigned long hostile_selector(int which)
{
	switch (below(5)) {
	case 0: case 1: return segment(which);
	case 2: return 0;
	case 3: return ((TLS_FIRST + below(3)) << 3) | below(4);
	default: return below(2) ? (below(32) << 3) | below(8) : rnd();
	}
}

/* Garbage around esp; half the time a sigcontext that is nearly right. */
static void forge(unsigned long *sc)
{
	unsigned long *from = sc - 64;

	for (int i = 0; i < FRAME_SPAN / 4; i++)
		from[i] = rnd();
	if (below(2))
		return;
	sc[SC_GS] = hostile_selector(2);
	sc[SC_FS] = hostile_selector(2);
	sc[SC_ES] = hostile_selector(2);
	sc[SC_DS] = hostile_selector(2);
	sc[SC_ESP] = (unsigned long)scratch + PAGE_SIZE / 2;
	sc[SC_EIP] = below(4) ? (unsigned long)fuzz_landing : hostile_ptr();
	sc[SC_CS] = hostile_selector(0);
	sc[SC_SS] = hostile_selector(1);
	sc[SC_EFLAGS] = below(2) ? 0x202 : rnd();
	sc[SC_FPSTATE] = below(2) ? 0 : hostile_ptr();
	sc[SC_OLDMASK] = rnd();
}

/* sigreturn or rt_sigreturn with esp at a forged or hostile frame. */
static void return_through_garbage(void)
{
	int rt = below(2);
	unsigned long esp = (unsigned long)scratch + PAGE_SIZE + 256;
	unsigned long *sc = (unsigned long *)(esp + (rt ? RT_SC_OFFSET : 0));

	if (below(4) == 0)
		syscall(NR_set_thread_area, below(2) ? hostile_ptr() :
			(unsigned long)(scratch + 2048), 0, 0, 0, 0, 0);
	forge(sc);
	if (below(8) == 0)
		esp = hostile_ptr();
	__asm__ volatile("movl %1, %%esp\n\t"
			 "int $0x80\n\t"
			 "jmp fuzz_landing"
			 : : "a"(rt ? __NR_rt_sigreturn : NR_sigreturn),
			   "S"(esp) : "memory");
}

/* A signal delivered while esp points nowhere a frame can be written. */
static void signal_on_bad_stack(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = quiet_handler;
	sigaction(SIGUSR1, &sa, NULL);
	__asm__ volatile("movl %1, %%esp\n\t"
			 "int $0x80\n\t"
			 "jmp fuzz_landing"
			 : : "a"(__NR_kill), "S"(hostile_ptr()),
			   "b"(getpid()), "c"(SIGUSR1) : "memory");
}

static void op_frame(void)
{
	in_grandchild(below(4) ? return_through_garbage : signal_on_bad_stack,
		      1);
}

#endif
