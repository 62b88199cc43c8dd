/*
 * test_sigreturn.c - sigreturn (119) and rt_sigreturn (173) with forged
 * frames. Any program may call them with anything on its stack; the
 * kernel must survive every frame and do what Linux does with it: a
 * frame it cannot read, or one whose cs or ss names no user segment,
 * kills the caller with SIGSEGV; data selectors that name nothing become
 * null; eflags keeps only the bits a user may change. A signal that
 * cannot be delivered because the user stack is bad kills with SIGSEGV.
 *
 * Every child runs a frame and dies or exits; the parent checks how.
 * The random frames come from a fixed seed, so each run is the same.
 */
#include <signal.h>
#include <sys/types.h>
#include "check.h"
#include "child.h"
#include "sigframe.h"
#include "tls.h"

#define NR_sigreturn		119
#define NR_rt_sigreturn		173
#define NR_kill			37
#define NR_exit			1
#define NR_getpid		20
#define SEED			0x1badd00dUL
#define RANDOM_FRAMES		48	/* children per random campaign */
#define FORGED_FRAMES		8	/* children per forged selector */
#define FRAME_WORDS		256	/* more than either frame */
#define STUB_STACK_WORDS	256
#define SELECTOR_GARBAGE	0x80	/* index 16 and up: past both GDTs */
#define UC_SS_DISABLE		2	/* uc_stack.ss_flags: no alternate stack */
#define EFLAGS_TF		0x100
#define EFLAGS_IF		0x200
#define EFLAGS_IOPL		0x3000
#define EFLAGS_NT		0x4000
#define STATUS_CLEAN		42	/* the stub found what Linux leaves */
#define STATUS_DIRTY		43
#define BAD_STACK		0xbad00000UL	/* nothing is mapped there */

/*
 * The start of the rt frame as rt_sigreturn reads it at esp - 4:
 * pretcode (already popped), sig, pinfo, puc, siginfo, then ucontext.
 */
struct i386_rt_frame {
	unsigned long pretcode;
	int sig;
	unsigned long pinfo, puc;
	unsigned char info[128];
	struct i386_ucontext uc;
};

/* The start of the plain frame as sigreturn reads it at esp - 8. */
struct i386_frame {
	unsigned long pretcode;
	int sig;
	struct i386_sigcontext sc;
};

static unsigned long rng = SEED;

/* xorshift32: the same sequence on every run and every kernel. */
static unsigned long next_random(void)
{
	rng ^= rng << 13;
	rng &= 0xffffffffUL;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	rng &= 0xffffffffUL;
	return rng;
}

static unsigned long frame[FRAME_WORDS] __attribute__((aligned(16)));
static unsigned long stub_stack[STUB_STACK_WORDS] __attribute__((aligned(16)));

/* Enter the kernel's sigreturn with esp at sp: what a handler's ret does. */
static void __attribute__((noreturn)) sigreturn_at(void *sp, long nr)
{
	__asm__ volatile("movl %0, %%esp\n\t"
			 "int $0x80\n\t"
			 "ud2"
			 : : "r"(sp), "a"(nr) : "memory");
	__builtin_unreachable();
}

/*
 * Where the forged frames resume. segments_stub exits STATUS_CLEAN when
 * ds, es, fs and gs all hold null selectors (RPL aside), eflags_stub when
 * IF is set and IOPL and NT are clear. Neither touches memory through a
 * data segment before it knows, so a nulled ds cannot hurt them.
 */
void segments_stub(void);
void eflags_stub(void);
__asm__(".text\n"
	"segments_stub:\n\t"
	"xorl %ebx, %ebx\n\t"
	"xorl %ecx, %ecx\n\t"
	"movw %ds, %bx\n\t"
	"movw %es, %cx\n\t"
	"orl %ecx, %ebx\n\t"
	"movw %fs, %cx\n\t"
	"orl %ecx, %ebx\n\t"
	"movw %gs, %cx\n\t"
	"orl %ecx, %ebx\n\t"
	"andl $0xfffc, %ebx\n\t"
	"negl %ebx\n\t"			/* CF: some selector was not null */
	"movl $42, %ebx\n\t"
	"adcl $0, %ebx\n\t"
	"movl $1, %eax\n\t"
	"int $0x80\n"
	"eflags_stub:\n\t"
	"pushfl\n\t"
	"popl %ebx\n\t"
	"andl $0x7200, %ebx\n\t"	/* NT IOPL IF */
	"cmpl $0x200, %ebx\n\t"
	"setne %bl\n\t"
	"movzbl %bl, %ebx\n\t"
	"addl $42, %ebx\n\t"
	"movl $1, %eax\n\t"
	"int $0x80\n");

/* A sigcontext that would resume at eip with this process's own state. */
static void fill_good_context(struct i386_sigcontext *sc, void (*eip)(void))
{
	unsigned short cs, ss, ds, es, fs, gs;
	unsigned long eflags;

	__asm__ volatile("movw %%cs, %0\n\tmovw %%ss, %1\n\tmovw %%ds, %2\n\t"
			 "movw %%es, %3\n\tmovw %%fs, %4\n\tmovw %%gs, %5"
			 : "=m"(cs), "=m"(ss), "=m"(ds), "=m"(es), "=m"(fs),
			   "=m"(gs));
	__asm__ volatile("pushfl\n\tpopl %0" : "=r"(eflags));
	memset(sc, 0, sizeof(*sc));
	sc->cs = cs;
	sc->ss = ss;
	sc->ds = ds;
	sc->es = es;
	sc->fs = fs;
	sc->gs = gs;
	sc->eflags = eflags & ~EFLAGS_TF;
	sc->eip = (unsigned long)eip;
	sc->esp = (unsigned long)&stub_stack[STUB_STACK_WORDS - 4];
	sc->fpstate = 0;	/* no FPU state: the kernel resets it */
}

/*
 * Build the frame for nr around sc and return the esp sigreturn expects:
 * the plain frame is read at esp - 8, the rt frame at esp - 4.
 */
static void *frame_with(long nr, const struct i386_sigcontext *sc)
{
	memset(frame, 0, sizeof(frame));
	if (nr == NR_rt_sigreturn) {
		struct i386_rt_frame *f = (struct i386_rt_frame *)frame;

		f->uc.ss_flags = UC_SS_DISABLE;	/* Linux checks uc_stack */
		f->uc.uc_mcontext = *sc;
		return (char *)frame + 4;
	}
	((struct i386_frame *)frame)->sc = *sc;
	return (char *)frame + 8;
}

static unsigned long garbage_selector(void)
{
	return (next_random() | SELECTOR_GARBAGE) & 0xffff;
}

struct forged {
	long nr;
	int what;	/* which field to forge: one of the FORGE_ values */
	unsigned long value;	/* its value; for FORGE_RANDOM, the seed */
};

enum { FORGE_RANDOM, FORGE_CS, FORGE_SS, FORGE_DATA, FORGE_EFLAGS };

/* Child: forge one frame as f says and sigreturn through it. */
static int run_forged(void *arg)
{
	struct forged *f = arg;
	struct i386_sigcontext sc;
	int i;

	no_core_dump();
	if (f->what == FORGE_RANDOM) {
		rng = f->value;		/* this frame's own seed */
		for (i = 0; i < FRAME_WORDS; i++)
			frame[i] = next_random();
		sigreturn_at((char *)frame + (f->nr == NR_rt_sigreturn ? 4 : 8),
			     f->nr);
	}
	fill_good_context(&sc, f->what == FORGE_EFLAGS ? eflags_stub
						       : segments_stub);
	if (f->what == FORGE_CS) {
		sc.cs = f->value;
	} else if (f->what == FORGE_SS) {
		sc.ss = f->value;
	} else if (f->what == FORGE_DATA) {
		sc.ds = f->value;
		sc.es = f->value ^ 0x100;
		sc.fs = f->value ^ 0x200;
		sc.gs = f->value ^ 0x400;
	} else {
		sc.eflags = f->value & ~EFLAGS_TF;
	}
	sigreturn_at(frame_with(f->nr, &sc), f->nr);
}

static const char *nr_name(long nr)
{
	return nr == NR_rt_sigreturn ? "rt_sigreturn" : "sigreturn";
}

/* Run count forged frames of one kind; each must end as want says. */
static void forge_campaign(const char *name, long nr, int what, int count,
			   int want_signal, int want_exit)
{
	struct forged f = { nr, what, 0 };
	int i, status;

	case_begin(name);
	for (i = 0; i < count; i++) {
		f.value = what == FORGE_EFLAGS || what == FORGE_RANDOM ?
			  next_random() : garbage_selector();
		status = run_in_child(run_forged, &f);
		if (want_signal && !(WIFSIGNALED(status) &&
				     WTERMSIG(status) == want_signal)) {
			FAIL("%s frame %d (value 0x%lx): killed by signal %d, "
			     "got %s", nr_name(nr), i, f.value, want_signal,
			     describe_status(status));
			break;
		}
		if (!want_signal && !(WIFEXITED(status) &&
				      WEXITSTATUS(status) == want_exit)) {
			FAIL("%s frame %d (value 0x%lx): exit %d, got %s",
			     nr_name(nr), i, f.value, want_exit,
			     describe_status(status));
			break;
		}
	}
	case_end();
}

static void test_good_frame(long nr, const char *name)
{
	struct forged f = { nr, FORGE_EFLAGS, 0x202 };
	int status;

	case_begin(name);
	status = run_in_child(run_forged, &f);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == STATUS_CLEAN,
	      "an honest frame resumes at its eip (exit %d), got %s",
	      STATUS_CLEAN, describe_status(status));
	case_end();
}

/* Child: sigreturn with esp at sp, where nothing can be read. */
static int unreadable_frame(void *sp)
{
	no_core_dump();
	sigreturn_at(sp, NR_rt_sigreturn);
}

static void test_unreadable_frames(void)
{
	static const unsigned long where[] = {
		0, BAD_STACK, 0xbffffffcUL, 0xc0001000UL, 0xfffffff8UL,
	};
	unsigned int i;
	int status;

	case_begin("sigreturn_frame_unreadable_segv");
	for (i = 0; i < sizeof(where) / sizeof(where[0]); i++) {
		status = run_in_child(unreadable_frame, (void *)where[i]);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
		      "esp 0x%lx: killed by SIGSEGV, got %s", where[i],
		      describe_status(status));
	}
	case_end();
}

static void on_usr1(int sig)
{
	(void)sig;
	_exit(STATUS_DIRTY);	/* a handler ran: there was no stack for it */
}

/*
 * Child: with handlers for SIGUSR1 (and SIGSEGV when arg says so), move
 * esp to unmapped memory and send itself SIGUSR1. No frame can be written
 * for either handler: the kernel must kill it with SIGSEGV, not loop.
 */
static int deliver_on_bad_stack(void *arg)
{
	struct sigaction sa = { .sa_handler = on_usr1 };

	no_core_dump();
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	if (arg)
		sigaction(SIGSEGV, &sa, NULL);
	__asm__ volatile("movl %0, %%esp\n\t"
			 "int $0x80\n\t"
			 "ud2"
			 : : "r"(BAD_STACK), "a"(NR_kill), "b"(getpid()),
			   "c"(SIGUSR1) : "memory");
	return 0;
}

static void test_delivery_on_bad_stack(void)
{
	int status;

	case_begin("signal_onto_bad_stack_segv");
	status = run_in_child(deliver_on_bad_stack, NULL);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "killed by SIGSEGV, got %s", describe_status(status));
	status = run_in_child(deliver_on_bad_stack, (void *)1);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "with a SIGSEGV handler too: killed by SIGSEGV, got %s",
	      describe_status(status));
	case_end();
}

static unsigned int tls_word;

/*
 * Child: load %fs and %gs with a TLS slot's selector at RPL 0 (a user may:
 * the slot's DPL is 3), clear the slot, and make two more system calls.
 * Each return to user mode reloads the two registers from a slot that is
 * gone: the kernel must not fault on it (entry.asm's fixups null them).
 * Exits 42 through a bare exit, touching neither register again.
 */
static int clear_loaded_tls(void *arg)
{
	struct tls_desc d = { -1, (unsigned int)&tls_word, TLS_FLAT_LIMIT,
			      TLS_DATA_FLAGS };
	static struct tls_desc empty = { 0, 0, 0, TLS_EMPTY_FLAGS };
	unsigned short sel;

	(void)arg;
	if (set_tls(&d))
		return 1;
	empty.entry_number = d.entry_number;
	sel = d.entry_number << 3;	/* RPL 0 */
	__asm__ volatile("movw %0, %%fs\n\t"
			 "movw %0, %%gs\n\t"
			 "movl %1, %%eax\n\t"
			 "int $0x80\n\t"
			 "movl %2, %%eax\n\t"
			 "int $0x80\n\t"
			 "movl %3, %%eax\n\t"
			 "movl %4, %%ebx\n\t"
			 "int $0x80"
			 : : "r"(sel), "i"(NR_set_thread_area), "i"(NR_getpid),
			   "i"(NR_exit), "i"(STATUS_CLEAN), "b"(&empty)
			 : "eax", "memory");
	return 2;
}

static void test_cleared_tls_slot(void)
{
	int status;

	case_begin("exit_path_survives_cleared_tls_slot");
	status = run_in_child(clear_loaded_tls, NULL);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == STATUS_CLEAN,
	      "the child runs on and exits %d, got %s", STATUS_CLEAN,
	      describe_status(status));
	case_end();
}

int main(void)
{
	test_good_frame(NR_sigreturn, "sigreturn_honest_frame_resumes");
	test_good_frame(NR_rt_sigreturn, "rt_sigreturn_honest_frame_resumes");
	forge_campaign("sigreturn_random_frames_segv", NR_sigreturn,
		       FORGE_RANDOM, RANDOM_FRAMES, SIGSEGV, 0);
	forge_campaign("rt_sigreturn_random_frames_segv", NR_rt_sigreturn,
		       FORGE_RANDOM, RANDOM_FRAMES, SIGSEGV, 0);
	forge_campaign("sigreturn_bad_cs_segv", NR_sigreturn, FORGE_CS,
		       FORGED_FRAMES, SIGSEGV, 0);
	forge_campaign("rt_sigreturn_bad_cs_segv", NR_rt_sigreturn, FORGE_CS,
		       FORGED_FRAMES, SIGSEGV, 0);
	forge_campaign("sigreturn_bad_ss_segv", NR_sigreturn, FORGE_SS,
		       FORGED_FRAMES, SIGSEGV, 0);
	forge_campaign("rt_sigreturn_bad_ss_segv", NR_rt_sigreturn, FORGE_SS,
		       FORGED_FRAMES, SIGSEGV, 0);
	forge_campaign("sigreturn_bad_data_selectors_nulled", NR_sigreturn,
		       FORGE_DATA, FORGED_FRAMES, 0, STATUS_CLEAN);
	forge_campaign("rt_sigreturn_bad_data_selectors_nulled",
		       NR_rt_sigreturn, FORGE_DATA, FORGED_FRAMES, 0,
		       STATUS_CLEAN);
	forge_campaign("sigreturn_eflags_only_user_bits", NR_sigreturn,
		       FORGE_EFLAGS, FORGED_FRAMES, 0, STATUS_CLEAN);
	forge_campaign("rt_sigreturn_eflags_only_user_bits", NR_rt_sigreturn,
		       FORGE_EFLAGS, FORGED_FRAMES, 0, STATUS_CLEAN);
	test_unreadable_frames();
	test_delivery_on_bad_stack();
	test_cleared_tls_slot();
	return check_summary();
}
