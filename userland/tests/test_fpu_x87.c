/*
 * test_fpu_x87.c - the x87 half of the FPU tests, with fnsave and frstor
 * only, so that it runs on any FPU: `make test` also boots it on a CPU
 * without FXSR, where the kernel switches with fnsave/frstor too. x87
 * registers survive task switches, fork copies them, exec starts clean,
 * a signal handler starts clean and cannot disturb them, sigreturn takes
 * the x87 state from the frame's fnsave part, and division by zero is
 * SIGFPE with Linux's si_code and si_addr.
 *
 * Each state is loaded with frstor and read back with fnsave (then
 * frstor again: fnsave empties the FPU) inside one asm statement.
 */
#include <signal.h>
#include <sys/types.h>
#include "check.h"
#include "child.h"
#include "fpu.h"
#include "sigframe.h"
#include "fpe.h"

#define NR_kill			37
#define NR_sched_yield		158
#define YIELD_ROUNDS		40
#define SEED_PARENT		0x2545f491UL
#define SEED_CHILD		0x9e3779b9UL
#define TW_AFTER_7		0x0003	/* physical register 0 empty, 1-7 valid */
#define TW_ALL_EMPTY		0xffff
#define CW_PREC53		0x027f	/* default, but 53-bit precision */
#define CW_PREC24		0x007f	/* default, but 24-bit precision */
#define CW_ZM			0x0004	/* divide-by-zero masked */
#define LOW16			0xffff
#define FPSTATE_MAGIC_X87	0xffff	/* no fxsave image follows */

/* What fnsave stores in 32-bit protected mode. */
struct fnstate {
	unsigned long cw, sw, tw, fip, fcs, foo, fos;
	unsigned char st[8][10];	/* ST(0)..ST(7) */
};

/* Control word cw and seven registers in use, normal numbers from seed. */
static void make_state(struct fnstate *s, unsigned long seed,
		       unsigned short cw)
{
	memset(s, 0, sizeof(*s));
	s->cw = cw;
	s->sw = SW_TOP_AFTER_7;
	s->tw = TW_AFTER_7;
	fill_x87_regs((unsigned char *)s->st, sizeof(s->st[0]), seed);
}

/* The first part of the state a program sees that differs, or NULL. */
static const char *fnstate_diff(const struct fnstate *a,
				const struct fnstate *b)
{
	if ((a->cw & LOW16) != (b->cw & LOW16))
		return "the control word";
	if ((a->sw & LOW16) != (b->sw & LOW16))
		return "the status word";
	if ((a->tw & LOW16) != (b->tw & LOW16))
		return "the tag word";
	if (memcmp(a->st, b->st, sizeof(a->st)))
		return "an x87 register";
	return NULL;
}

/* Load in; rounds times touch the registers and yield; store out. */
static void yield_rounds(const struct fnstate *in, struct fnstate *out,
			 int rounds)
{
	__asm__ volatile("frstor %[in]\n"
			 "1:\tfxch %%st(1)\n\t"
			 "fxch %%st(1)\n\t"
			 "movl %[nr], %%eax\n\t"
			 "int $0x80\n\t"
			 "decl %[n]\n\t"
			 "jnz 1b\n\t"
			 "fnsave %[out]\n\t"
			 "frstor %[out]"
			 : [out] "=m"(*out), [n] "+r"(rounds)
			 : [in] "m"(*in), [nr] "i"(NR_sched_yield)
			 : "eax", "memory", "cc");
}

static void test_switch(void)
{
	static struct fnstate mine, got;
	const char *diff;
	int status;
	pid_t pid;

	case_begin("x87_fnsave_state_across_context_switches");
	pid = fork();
	make_state(&mine, pid == 0 ? SEED_CHILD : SEED_PARENT,
		   pid == 0 ? CW_PREC24 : CW_PREC53);
	yield_rounds(&mine, &got, YIELD_ROUNDS);
	diff = fnstate_diff(&mine, &got);
	if (pid == 0)
		_exit(diff ? 1 : 0);
	CHECK(pid > 0, "fork: expected a child, got %d", pid);
	CHECK(!diff, "the parent's state kept over %d yields; %s changed",
	      YIELD_ROUNDS, diff);
	if (pid <= 0 || waitpid(pid, &status, 0) != pid)
		status = -1;
	CHECK(status == 0, "the child's state kept over %d yields: it %s",
	      YIELD_ROUNDS, status == 256 ? "found it changed"
					  : describe_status(status));
	case_end();
}

/* Load in, fork with a bare system call, store out in parent and child. */
static long fork_with_state(const struct fnstate *in, struct fnstate *out)
{
	long ret = 2;		/* fork */

	__asm__ volatile("frstor %[in]\n\t"
			 "int $0x80\n\t"
			 "fnsave %[out]\n\t"
			 "frstor %[out]"
			 : [out] "=m"(*out), "+a"(ret)
			 : [in] "m"(*in)
			 : "memory");
	return ret;
}

static void test_fork_copies(void)
{
	static struct fnstate mine, got;
	const char *diff;
	int status;
	long pid;

	case_begin("x87_fork_copies_state");
	make_state(&mine, SEED_PARENT, CW_PREC24);
	pid = fork_with_state(&mine, &got);
	diff = fnstate_diff(&mine, &got);
	if (pid == 0)
		_exit(diff ? 1 : 0);
	CHECK(pid > 0, "fork: expected a child, got %ld", pid);
	CHECK(!diff, "the parent's state kept by fork; %s changed", diff);
	if (pid <= 0 || waitpid(pid, &status, 0) != pid)
		status = -1;
	CHECK(status == 0, "the child starts with the parent's state: it %s",
	      status == 256 ? "found a difference" : describe_status(status));
	case_end();
}

/* Child: dirty the x87 (and any SSE) state, then exec helper_fpu. */
static int exec_dirty(void *helper)
{
	static struct fnstate dirty;
	unsigned long mxcsr = MXCSR_DEFAULT ^ 0x6000;	/* round to zero */
	char *argv[] = { (char *)helper, NULL };
	char *envp[] = { NULL };

	make_state(&dirty, SEED_CHILD, CW_PREC24);
	__asm__ volatile("frstor %0" : : "m"(dirty));
	if (have_fxsr_sse())
		__asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
	execve(helper, argv, envp);
	return 2;
}

static void test_exec_clean(const char *argv0)
{
	int status;

	case_begin("exec_starts_with_clean_fpu_state");
	status = run_in_child(exec_dirty, (void *)helper_path(argv0,
							      "helper_fpu"));
	CHECK(status == 0, "helper_fpu found cw 0x37f, every register empty "
	      "and MXCSR 0x1f80 (exit 0), got %s", describe_status(status));
	case_end();
}

/* Load in, kill(getpid(), sig) with a bare system call, store out. */
static void signal_with_state(const struct fnstate *in, struct fnstate *out,
			      int sig)
{
	long ret = NR_kill;

	__asm__ volatile("frstor %[in]\n\t"
			 "int $0x80\n\t"
			 "fnsave %[out]\n\t"
			 "frstor %[out]"
			 : [out] "=m"(*out), "+a"(ret)
			 : [in] "m"(*in), "b"(getpid()), "c"(sig)
			 : "memory");
}

static struct fnstate handler_entry, handler_mess;

/* A handler that looks at the FPU it got, then computes with garbage. */
static void on_usr1_compute(int sig)
{
	(void)sig;
	__asm__ volatile("fnsave %0\n\t"
			 "frstor %1\n\t"
			 "fldpi\n\t"
			 "fmul %%st(1), %%st"
			 : "=m"(handler_entry) : "m"(handler_mess) : "memory");
}

static void test_handler_does_not_disturb(void)
{
	static struct fnstate mine, got;
	struct sigaction sa = { .sa_handler = on_usr1_compute };
	const char *diff;

	case_begin("x87_signal_handler_does_not_disturb");
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	make_state(&handler_mess, SEED_CHILD, CW_PREC24);
	make_state(&mine, SEED_PARENT, CW_PREC53);
	signal_with_state(&mine, &got, SIGUSR1);
	diff = fnstate_diff(&mine, &got);
	CHECK(!diff, "the interrupted code's state kept; %s changed", diff);
	CHECK((handler_entry.cw & LOW16) == X87_CW_DEFAULT &&
	      (handler_entry.tw & LOW16) == TW_ALL_EMPTY,
	      "the handler starts clean (cw 0x37f, no register in use), got "
	      "cw 0x%lx tags 0x%lx", handler_entry.cw & LOW16,
	      handler_entry.tw & LOW16);
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

static const unsigned char edited_st0[10] = {
	0, 0, 0, 0, 0, 0, 0, 0x80, 0xff, 0x3f		/* 1.0 */
};
static int frame_magic = -1;
static unsigned long frame_cw;

/* An SA_SIGINFO handler that edits the fnsave part of the saved state. */
static void on_usr1_edit(int sig, siginfo_t *info, void *ctx)
{
	struct i386_ucontext *uc = ctx;
	struct i386_fpstate *fp = (struct i386_fpstate *)
				  uc->uc_mcontext.fpstate;

	(void)sig;
	(void)info;
	if (!fp)
		return;
	frame_magic = fp->magic;
	frame_cw = fp->cw & LOW16;
	fp->cw = CW_PREC24;
	memcpy(fp->st[0], edited_st0, sizeof(edited_st0));
}

static void test_sigreturn_restores_frame(void)
{
	static struct fnstate mine, got, want;
	struct sigaction sa = { .sa_flags = SA_SIGINFO };
	int magic = have_fxsr_sse() ? FPSTATE_MAGIC_FXSR : FPSTATE_MAGIC_X87;
	const char *diff;

	case_begin("sigreturn_restores_edited_x87_state");
	sa.sa_sigaction = on_usr1_edit;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	make_state(&mine, SEED_PARENT, CW_PREC53);
	signal_with_state(&mine, &got, SIGUSR1);
	CHECK(frame_magic == magic && frame_cw == CW_PREC53,
	      "the frame holds the state (magic 0x%x, cw 0x%x), got magic "
	      "0x%x cw 0x%lx", magic, CW_PREC53, frame_magic, frame_cw);
	want = mine;
	want.cw = CW_PREC24;
	memcpy(want.st[0], edited_st0, sizeof(edited_st0));
	diff = fnstate_diff(&want, &got);
	CHECK(!diff, "the handler's edits (cw, ST(0)) and nothing else came "
	      "back; %s differs", diff);
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

void x87_fault_insn(void);
void int_fault_insn(void);

/* 1.0 / 0.0 with the x87's zero-divide unmasked: #MF at the fwait. */
static void __attribute__((noinline)) x87_divide_by_zero(void)
{
	unsigned short cw = X87_CW_DEFAULT & ~CW_ZM;
	unsigned long zero = 0;

	__asm__ volatile("fninit\n\t"
			 "fldcw %0\n\t"
			 "fld1\n\t"
			 "fdivs %1\n"
			 "x87_fault_insn:\n\t"
			 "fwait"
			 : : "m"(cw), "m"(zero) : "memory");
}

/* 1 / 0 in integers: #DE at the div. */
static void __attribute__((noinline)) int_divide_by_zero(void)
{
	__asm__ volatile("movl $1, %%eax\n\t"
			 "xorl %%edx, %%edx\n\t"
			 "xorl %%ecx, %%ecx\n"
			 "int_fault_insn:\n\t"
			 "divl %%ecx"
			 : : : "eax", "ecx", "edx");
}

static void test_divide_by_zero(const char *name, void (*fn)(void),
				void (*insn)(void), int code)
{
	struct fpe_report r;

	case_begin(name);
	run_fpe(fn, &r);
	check_fpe(&r, code, insn);
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	test_switch();
	test_fork_copies();
	test_exec_clean(argv[0]);
	test_handler_does_not_disturb();
	test_sigreturn_restores_frame();
	test_divide_by_zero("x87_divide_by_zero_sigfpe_fltdiv",
			    x87_divide_by_zero, x87_fault_insn, FPE_FLTDIV);
	test_divide_by_zero("integer_divide_by_zero_sigfpe_intdiv",
			    int_divide_by_zero, int_fault_insn, FPE_INTDIV);
	return check_summary();
}
