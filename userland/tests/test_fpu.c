/*
 * test_fpu.c - every process owns its FPU and SSE registers: they
 * survive task switches (the kernel switches them lazily), a fork copies
 * them, a signal handler starts clean and cannot disturb the code it
 * interrupted, sigreturn restores the state from the frame (edited,
 * absent or garbage), and an SSE error is SIGFPE with Linux's si_code
 * and si_addr. Needs fxsave and SSE; test_fpu_x87.c has the x87 half
 * (exec, x87 and integer division by zero), for any FPU.
 *
 * The states are loaded with fxrstor and read back with fxsave inside
 * one asm statement, around the system calls that could disturb them.
 */
#include <signal.h>
#include <sys/types.h>
#include "check.h"
#include "child.h"
#include "fpu.h"
#include "sigframe.h"
#include "fpe.h"

#define NR_exit			1
#define NR_fork			2
#define NR_kill			37
#define NR_sched_yield		158
#define YIELD_ROUNDS		40
#define SEED_PARENT		0x2545f491UL
#define SEED_CHILD		0x9e3779b9UL
#define SEED_GARBAGE		0x0badf00dUL
#define GARBAGE_FRAMES		12
#define FTW_AFTER_7		0xfe		/* physical registers 1-7 used */
#define CW_PREC53		0x027f	/* default, but 53-bit precision */
#define CW_PREC24		0x007f	/* default, but 24-bit precision */
#define CW_DEFINED		0x0f3f	/* masks, precision, rounding */
#define MXCSR_RC_DOWN		0x3f80	/* default, rounding down */
#define MXCSR_RC_ZERO		0x7f80	/* default, rounding toward zero */
#define MXCSR_RC_UP		0x5f80	/* default, rounding up */
#define MXCSR_ZM		0x0200	/* divide-by-zero masked */
#define MXCSR_ZE		0x0004	/* divide-by-zero flagged */
#define FLOAT_ONE		0x3f800000UL
#define STATUS_RESTORED		42
#define STATUS_WRONG		43

/*
 * A state to load with fxrstor: control word cw, MXCSR mxcsr, seven x87
 * registers in use (normal numbers made from seed, ST(7) empty) and all
 * eight xmm registers filled from seed.
 */
static void make_state(struct fxstate *s, unsigned long seed,
		       unsigned short cw, unsigned long mxcsr)
{
	int i, j;

	memset(s, 0, sizeof(*s));
	s->cwd = cw;
	s->swd = SW_TOP_AFTER_7;
	s->ftw = FTW_AFTER_7;
	s->mxcsr = mxcsr;
	fill_x87_regs((unsigned char *)s->st, sizeof(s->st[0]), seed);
	for (i = 0; i < 8; i++)
		for (j = 0; j < 16; j++)
			s->xmm[i][j] = fpu_next_byte();
}

/*
 * Load in; rounds times touch an xmm register (xor twice: no change) and
 * yield; store out. (test_fpu_x87 does the same with the x87 registers.)
 */
static void sse_yield_rounds(const struct fxstate *in, struct fxstate *out,
			     int rounds)
{
	__asm__ volatile("fxrstor %[in]\n"
			 "1:\txorps %%xmm7, %%xmm0\n\t"
			 "xorps %%xmm7, %%xmm0\n\t"
			 "movl %[nr], %%eax\n\t"
			 "int $0x80\n\t"
			 "decl %[n]\n\t"
			 "jnz 1b\n\t"
			 "fxsave %[out]"
			 : [out] "=m"(*out), [n] "+r"(rounds)
			 : [in] "m"(*in), [nr] "i"(NR_sched_yield)
			 : "eax", "memory", "cc");
}

/*
 * Parent and child each load a state of their own and yield to each
 * other, touching the SSE registers between yields: each must find its
 * whole own state (x87 and SSE) at the end.
 */
static void test_switch(void)
{
	static struct fxstate mine, got;
	const char *diff;
	int status;
	pid_t pid;

	case_begin("sse_state_across_context_switches");
	pid = fork();
	if (pid == 0)
		make_state(&mine, SEED_CHILD, CW_PREC24, MXCSR_RC_UP);
	else
		make_state(&mine, SEED_PARENT, CW_PREC53, MXCSR_RC_DOWN);
	sse_yield_rounds(&mine, &got, YIELD_ROUNDS);
	diff = fxstate_diff(&mine, &got);
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

/*
 * Load in, fork with a bare system call and store the state in out, in
 * parent and child alike. Returns fork's result.
 */
static long fork_with_state(const struct fxstate *in, struct fxstate *out)
{
	long ret = NR_fork;

	__asm__ volatile("fxrstor %[in]\n\t"
			 "int $0x80\n\t"
			 "fxsave %[out]"
			 : [out] "=m"(*out), "+a"(ret)
			 : [in] "m"(*in)
			 : "memory");
	return ret;
}

static void test_fork_copies(void)
{
	static struct fxstate mine, got;
	const char *diff;
	int status;
	long pid;

	case_begin("fork_copies_fpu_state");
	make_state(&mine, SEED_PARENT, CW_PREC24, MXCSR_RC_ZERO);
	pid = fork_with_state(&mine, &got);
	diff = fxstate_diff(&mine, &got);
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

/*
 * Load in, send sig to ourselves with a bare kill (the handler runs on
 * the way back from it), store the state in out.
 */
static void signal_with_state(const struct fxstate *in, struct fxstate *out,
			      int sig)
{
	long ret = NR_kill;

	__asm__ volatile("fxrstor %[in]\n\t"
			 "int $0x80\n\t"
			 "fxsave %[out]"
			 : [out] "=m"(*out), "+a"(ret)
			 : [in] "m"(*in), "b"(getpid()), "c"(sig)
			 : "memory");
}

static struct fxstate handler_entry, handler_mess;

/* A handler that looks at the FPU it got, then computes with garbage. */
static void on_usr1_compute(int sig)
{
	(void)sig;
	fxsave(&handler_entry);
	__asm__ volatile("fxrstor %0\n\t"
			 "fldpi\n\t"
			 "fmul %%st(1), %%st\n\t"
			 "mulps %%xmm1, %%xmm0\n\t"
			 "xorps %%xmm2, %%xmm2"
			 : : "m"(handler_mess) : "memory");
}

static void test_handler_does_not_disturb(void)
{
	static struct fxstate mine, got;
	struct sigaction sa = { .sa_handler = on_usr1_compute };
	const char *diff;

	case_begin("signal_handler_fpu_does_not_disturb");
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	make_state(&handler_mess, SEED_CHILD, CW_PREC24, MXCSR_RC_UP);
	make_state(&mine, SEED_PARENT, CW_PREC53, MXCSR_RC_DOWN);
	handler_entry.cwd = 0;
	signal_with_state(&mine, &got, SIGUSR1);
	diff = fxstate_diff(&mine, &got);
	CHECK(!diff, "the interrupted code's state kept; %s changed", diff);
	CHECK(handler_entry.cwd == X87_CW_DEFAULT &&
	      handler_entry.mxcsr == MXCSR_DEFAULT && handler_entry.ftw == 0,
	      "the handler starts clean (cw 0x37f, MXCSR 0x1f80, no register "
	      "in use), got cw 0x%x MXCSR 0x%lx tags 0x%x",
	      handler_entry.cwd, handler_entry.mxcsr, handler_entry.ftw);
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

static const unsigned char edited_xmm0[16] = "edited by handle";
static struct fxstate frame_seen;
static int frame_magic = -1;
static unsigned long frame_cw;

/* An SA_SIGINFO handler that reads the saved FPU state and edits it. */
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
	frame_cw = fp->cw & 0xffff;
	frame_seen = fp->fx;
	fp->cw = CW_PREC24;
	fp->fx.mxcsr = MXCSR_RC_ZERO;
	memcpy(fp->fx.xmm[0], edited_xmm0, sizeof(edited_xmm0));
}

static void test_sigreturn_restores_frame(void)
{
	static struct fxstate mine, got, want;
	struct sigaction sa = { .sa_flags = SA_SIGINFO };
	const char *diff;

	case_begin("sigreturn_restores_edited_fpstate");
	sa.sa_sigaction = on_usr1_edit;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	make_state(&mine, SEED_PARENT, CW_PREC53, MXCSR_RC_DOWN);
	signal_with_state(&mine, &got, SIGUSR1);
	CHECK(frame_magic == FPSTATE_MAGIC_FXSR,
	      "sigcontext.fpstate set, magic 0 (FXSR data), got %d",
	      frame_magic);
	CHECK(frame_cw == CW_PREC53 && frame_seen.mxcsr == MXCSR_RC_DOWN &&
	      !memcmp(frame_seen.xmm[1], mine.xmm[1], 16),
	      "the frame holds the interrupted state: cw 0x%x, MXCSR 0x%x, "
	      "xmm1; got cw 0x%lx MXCSR 0x%lx", CW_PREC53, MXCSR_RC_DOWN,
	      frame_cw, frame_seen.mxcsr);
	want = mine;
	want.cwd = CW_PREC24;
	want.mxcsr = MXCSR_RC_ZERO;
	memcpy(want.xmm[0], edited_xmm0, sizeof(edited_xmm0));
	diff = fxstate_diff(&want, &got);
	CHECK(!diff, "the handler's edits (cw, MXCSR, xmm0) and nothing "
	      "else came back; %s differs", diff);
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

/* A handler that takes the FPU state away: fpstate NULL. */
static void on_usr1_drop(int sig, siginfo_t *info, void *ctx)
{
	(void)sig;
	(void)info;
	((struct i386_ucontext *)ctx)->uc_mcontext.fpstate = 0;
}

static void test_sigreturn_null_fpstate(void)
{
	static struct fxstate mine, got, clean;
	struct sigaction sa = { .sa_flags = SA_SIGINFO };
	const char *diff;

	case_begin("sigreturn_null_fpstate_gives_clean_state");
	sa.sa_sigaction = on_usr1_drop;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	make_state(&mine, SEED_PARENT, CW_PREC53, MXCSR_RC_DOWN);
	signal_with_state(&mine, &got, SIGUSR1);
	memset(&clean, 0, sizeof(clean));
	clean.cwd = X87_CW_DEFAULT;
	clean.mxcsr = MXCSR_DEFAULT;
	diff = fxstate_diff(&clean, &got);
	CHECK(!diff, "fninit's state with MXCSR 0x1f80 and zero xmm "
	      "registers; %s differs", diff);
	signal(SIGUSR1, SIG_DFL);
	case_end();
}

/* The MXCSR bits this CPU has (fxsave says; 0 means 0xffbf). */
static unsigned long mxcsr_mask(void)
{
	static struct fxstate probe;

	fxsave(&probe);
	return probe.mxcsr_mask ? probe.mxcsr_mask : MXCSR_MASK_DEFAULT;
}

/* Garbage for a saved FPU state, from seed: the same for the same seed. */
static void make_garbage(struct i386_fpstate *fp, unsigned long seed)
{
	unsigned char *p = (unsigned char *)fp;
	unsigned int i;

	fpu_rng = seed;
	for (i = 0; i < sizeof(*fp); i++)
		p[i] = fpu_next_byte();
}

struct garbage {
	unsigned long seed;
	int valid_mxcsr;	/* trim MXCSR to the CPU's bits first */
};

static struct garbage *garbage_now;

/* Overwrite the saved FPU state with garbage_now's. */
static void on_usr1_garbage(int sig, siginfo_t *info, void *ctx)
{
	struct i386_ucontext *uc = ctx;
	struct i386_fpstate *fp = (struct i386_fpstate *)
				  uc->uc_mcontext.fpstate;

	(void)sig;
	(void)info;
	if (!fp)
		return;
	make_garbage(fp, garbage_now->seed);
	if (garbage_now->valid_mxcsr)
		fp->fx.mxcsr &= mxcsr_mask();
}

/*
 * Child: sigreturn through a frame whose FPU state is garbage (arg). It
 * comes back with the garbage's control word (the bits it defines) and
 * MXCSR, read without
 * waiting (the garbage may hold an unmasked x87 exception); or, as on
 * x86-64 Linux, dies of SIGSEGV if MXCSR has bits the CPU lacks.
 */
static int garbage_fpstate(void *arg)
{
	static struct fxstate mine, got;
	static struct i386_fpstate want;
	struct sigaction sa = { .sa_flags = SA_SIGINFO };
	unsigned short cw;
	unsigned long mxcsr, def = MXCSR_DEFAULT;

	garbage_now = arg;
	make_garbage(&want, garbage_now->seed);
	if (garbage_now->valid_mxcsr)
		want.fx.mxcsr &= mxcsr_mask();
	sa.sa_sigaction = on_usr1_garbage;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	make_state(&mine, SEED_PARENT, CW_PREC53, MXCSR_RC_DOWN);
	signal_with_state(&mine, &got, SIGUSR1);
	__asm__ volatile("fnstcw %0\n\t"
			 "stmxcsr %1\n\t"
			 "fninit\n\t"
			 "ldmxcsr %2"
			 : "=m"(cw), "=m"(mxcsr) : "m"(def));
	if ((cw & CW_DEFINED) == (want.cw & CW_DEFINED) &&
	    mxcsr == want.fx.mxcsr)
		return STATUS_RESTORED;
	printf("    cw 0x%x for 0x%lx, MXCSR 0x%lx for 0x%lx\n", cw,
	       want.cw & CW_DEFINED, mxcsr, want.fx.mxcsr);
	return STATUS_WRONG;
}

static void test_sigreturn_garbage_fpstate(void)
{
	static struct i386_fpstate fp;
	struct garbage g;
	int i, status, want_segv;

	case_begin("sigreturn_garbage_fpstate_survives");
	for (i = 0; i < GARBAGE_FRAMES; i++) {
		g.seed = SEED_GARBAGE + i;
		g.valid_mxcsr = i & 1;
		make_garbage(&fp, g.seed);
		want_segv = !g.valid_mxcsr && (fp.fx.mxcsr & ~mxcsr_mask());
		status = run_in_child(garbage_fpstate, &g);
		if (want_segv && !(WIFSIGNALED(status) &&
				   WTERMSIG(status) == SIGSEGV)) {
			FAIL("frame %d, MXCSR 0x%lx: SIGSEGV for bits the CPU "
			     "lacks, got %s", i, fp.fx.mxcsr,
			     describe_status(status));
			break;
		}
		if (!want_segv && !(WIFEXITED(status) &&
				    WEXITSTATUS(status) == STATUS_RESTORED)) {
			FAIL("frame %d: the garbage state loaded, its cw and "
			     "MXCSR kept (exit %d), got %s", i,
			     STATUS_RESTORED, describe_status(status));
			break;
		}
	}
	case_end();
}

void sse_fault_insn(void);

/* 1.0 / 0.0 in SSE, zero-divide unmasked in MXCSR: #XM at the divss. */
static void __attribute__((noinline)) sse_divide_by_zero(void)
{
	unsigned long mxcsr = MXCSR_DEFAULT & ~MXCSR_ZM, one = FLOAT_ONE;

	__asm__ volatile("ldmxcsr %0\n\t"
			 "movss %1, %%xmm0\n\t"
			 "xorps %%xmm1, %%xmm1\n"
			 "sse_fault_insn:\n\t"
			 "divss %%xmm1, %%xmm0"
			 : : "m"(mxcsr), "m"(one) : "memory");
}

/*
 * SIGFPE FPE_FLTDIV at the divss. An error the CPU flags in MXCSR but
 * does not raise as #XM (QEMU's TCG does not model SIMD exceptions)
 * cannot reach the kernel: then the case is skipped, saying so.
 */
static void test_sse_divide_by_zero(void)
{
	const char *name = "sse_divide_by_zero_sigfpe_fltdiv";
	struct fpe_report r;

	case_begin(name);
	run_fpe(sse_divide_by_zero, &r);
	if (r.signo == 0 && (r.code & MXCSR_ZE)) {
		case_skip(name, "the CPU set MXCSR.ZE but raised no #XM, "
			  "as QEMU's TCG does; no SIMD exception to handle");
		return;
	}
	check_fpe(&r, FPE_FLTDIV, sse_fault_insn);
	case_end();
}

int main(void)
{
	if (!have_fxsr_sse()) {
		case_skip("fpu_state_tests", FXSR_NO_SSE);
		return check_summary();
	}
	test_switch();
	test_fork_copies();
	test_handler_does_not_disturb();
	test_sigreturn_restores_frame();
	test_sigreturn_null_fpstate();
	test_sigreturn_garbage_fpstate();
	test_sse_divide_by_zero();
	return check_summary();
}
