/*
 * fuzz_signals.h - the fuzzer's signals: handlers, masks, kill.
 *
 * Part of fuzz.c, which includes it once, after the generator and the
 * call helpers (rnd, below, hostile_*, call, remember) its ops use; the
 * op table at the end of fuzz.c picks them. Split out by subject only
 * to keep each file short.
 */
#ifndef _FUZZ_SIGNALS_H
#define _FUZZ_SIGNALS_H

static volatile unsigned long handled;

static void quiet_handler(int sig)
{
	(void)sig;
	handled++;
}

/* Signals whose handling the fuzzer keeps: alarm ends a stuck batch. */
static int kept_signal(int sig)
{
	return sig == SIGALRM || sig == SIGKILL || sig == SIGSTOP;
}

/* Our handler for sig, installed through libc (it returns by the restorer). */
static void catch_signal(int sig)
{
	struct sigaction sa;

	if (sig < 1 || sig >= NSIG || kept_signal(sig))
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = quiet_handler;
	sa.sa_flags = rnd() & (SA_NODEFER | SA_RESETHAND | SA_RESTART |
			       SA_SIGINFO);
	shared->calls++;
	sigaction(sig, &sa, NULL);
}

static int stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	       sig == SIGTTOU;
}

/*
 * For a random signal: our handler (through libc, so that it returns by
 * the restorer), or through raw rt_sigaction SIG_IGN, SIG_DFL or a
 * garbage handler, with random flags and mask, and now and then a
 * hostile struct pointer or set size.
 */
static void op_sigaction(void)
{
	unsigned long *act = (unsigned long *)(scratch + 512);
	static const unsigned long handlers[] = {
		(unsigned long)SIG_IGN, (unsigned long)SIG_DFL,
	};
	int sig = below(70);

	if (kept_signal(sig))
		return;
	if (below(3) == 0) {
		catch_signal(sig);
		return;
	}
	act[0] = below(3) ? handlers[below(2)] : hostile_code_ptr();
	act[1] = below(2) ? 0 : hostile_int() & ~(unsigned long)SA_RESTORER;
	act[2] = 0;
	act[3] = rnd() & ~(1UL << (SIGALRM - 1));
	act[4] = rnd();
	call(__NR_rt_sigaction, sig, below(8) ? (unsigned long)act :
	     hostile_code_ptr(), below(2) ? 0 : hostile_ptr(),
	     below(8) ? 8 : hostile_int(), 0, 0);
}

static void op_sigmask(void)
{
	unsigned long set[2] = { rnd(), rnd() };

	set[0] &= ~(1UL << (SIGALRM - 1));
	call(__NR_rt_sigprocmask, below(4),
	     below(8) ? (unsigned long)set : hostile_ptr(),
	     below(2) ? 0 : hostile_ptr(), below(8) ? 8 : hostile_int(),
	     0, 0);
	if (below(4) == 0)
		call(__NR_rt_sigpending, hostile_ptr(), below(2) ? 8 :
		     hostile_int(), 0, 0, 0, 0);
}

/*
 * A signal to ourselves, our group (from the batch, not a churn child) or
 * a child of ours; never further. What would stop or kill the batch goes
 * to children only.
 */
static void op_kill(void)
{
	unsigned long target;
	int sig = below(70);

	if (sig == SIGALRM)
		return;
	switch (below(4)) {
	case 0: target = in_churn ? (unsigned long)getpid() : 0; break;
	case 1: target = nkids ? (unsigned long)kids[below(nkids)] : 0; break;
	default: target = getpid();
	}
	if (target == 0 || target == (unsigned long)getpid()) {
		if (stop_signal(sig) || sig == SIGKILL)
			return;		/* a stopped batch only waits */
		catch_signal(sig);	/* a handler runs; default deaths are
					   for the children */
	}
	call(__NR_kill, target, sig, 0, 0, 0, 0);
}

#endif
