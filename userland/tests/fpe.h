/*
 * fpe.h - run code that should raise SIGFPE in a child and learn what
 * its handler saw: signal, si_code and si_addr (test_fpu.c,
 * test_fpu_x87.c).
 */
#ifndef _FPE_H
#define _FPE_H

#include <signal.h>
#include <unistd.h>
#include "check.h"
#include "child.h"
#include "fpu.h"

/* What the child saw, sent to the parent through a pipe. */
struct fpe_report {
	int signo;		/* 0: no signal came */
	int code;		/* si_code; with no signal, MXCSR (0 without SSE) */
	unsigned long addr;	/* si_addr */
};

static int fpe_report_fd;

static void on_fpe(int sig, siginfo_t *info, void *ctx)
{
	struct fpe_report r = { sig, info->si_code,
				(unsigned long)info->si_addr };

	(void)ctx;
	write(fpe_report_fd, &r, sizeof(r));
	_exit(0);
}

/* Child: catch SIGFPE with on_fpe, then run fn, the faulting code. */
static int raise_fpe(void *fn)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO };
	struct fpe_report r = { 0, 0, 0 };
	unsigned long mxcsr = 0;

	sa.sa_sigaction = on_fpe;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGFPE, &sa, NULL);
	((void (*)(void))fn)();
	if (have_fxsr_sse())
		__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
	r.code = mxcsr;
	write(fpe_report_fd, &r, sizeof(r));
	return 1;
}

/* Run fn in a child and fill r with its report; fail the case if none. */
static inline void run_fpe(void (*fn)(void), struct fpe_report *r)
{
	int fds[2], status;

	memset(r, 0, sizeof(*r));
	CHECK_OK(pipe(fds));
	fpe_report_fd = fds[1];
	status = run_in_child(raise_fpe, (void *)fn);
	close(fds[1]);
	if (read(fds[0], r, sizeof(*r)) != sizeof(*r))
		FAIL("the child reported nothing; it %s",
		     describe_status(status));
	close(fds[0]);
}

/* SIGFPE with si_code code, si_addr at insn. */
static inline void check_fpe(const struct fpe_report *r, int code,
			     void (*insn)(void))
{
	CHECK(r->signo == SIGFPE && r->code == code,
	      "SIGFPE with si_code %d, got signal %d si_code %d", code,
	      r->signo, r->code);
	CHECK(r->addr == (unsigned long)insn,
	      "si_addr at the faulting instruction %p, got 0x%lx",
	      (void *)insn, r->addr);
}

#endif
