/*
 * clock.c - self-tests of the clock (kernel/time.c), with each source in
 * turn on one boot: the TSC where the CPU has one, and the PIT's counter.
 *
 * A reading never goes back, across ticks and across a tick left pending
 * with interrupts off; between two ticks the clock takes many steps (it
 * interpolates). A step is under two ticks: QEMU may deliver a tick late
 * or lose one when the host is busy, and the PIT's phase then carries
 * the reading on from where the late tick left jiffies.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/selftest.h>
#include <linux/sched.h>
#include <linux/interrupt.h>
#include <linux/time.h>
#include <asm/system.h>

#define CLOCK_TEST_TICKS	5
#define CLOCK_TEST_SECONDS	3	/* of the CMOS clock: the bound */
#define PENDING_READS		10000000	/* bound on the spin below */

struct clock_run {
	unsigned long readings, steps;	/* steps: readings that moved */
	u64 back, biggest_step;		/* back: worst step backwards */
};

/*
 * Read the clock until CLOCK_TEST_TICKS ticks have passed (or the CMOS
 * clock says the timer is stuck), noting steps back and step sizes.
 */
static void read_across_ticks(struct clock_run *r)
{
	unsigned long start = jiffies, cmos = read_cmos_time();
	u64 prev = get_monotonic_ns(), t;

	memset(r, 0, sizeof(*r));
	while (jiffies - start < CLOCK_TEST_TICKS &&
	       read_cmos_time() - cmos < CLOCK_TEST_SECONDS) {
		t = get_monotonic_ns();
		r->readings++;
		if (t < prev && prev - t > r->back)
			r->back = prev - t;
		if (t > prev) {
			r->steps++;
			if (t - prev > r->biggest_step)
				r->biggest_step = t - prev;
		}
		prev = t;
	}
}

/*
 * With interrupts off, read until the clock stands at the end of its
 * tick (the tick is due but cannot be counted); then let the tick in and
 * read again. Returns 1 if the clock stopped short and did not go back.
 */
static int pending_tick_holds(u64 *stood, u64 *after)
{
	unsigned long flags, i;
	u64 start, t = 0;

	save_flags(flags);
	cli();
	start = get_monotonic_ns();
	for (i = 0; i < PENDING_READS; i++) {
		t = get_monotonic_ns();
		if (t % NSEC_PER_TICK == NSEC_PER_TICK - 1)
			break;
	}
	*stood = t;
	restore_flags(flags);
	while (get_monotonic_ns() / NSEC_PER_TICK == start / NSEC_PER_TICK)
		barrier();
	*after = get_monotonic_ns();
	return i < PENDING_READS && *after > *stood &&
	       *stood / NSEC_PER_TICK == start / NSEC_PER_TICK;
}

static void check_source(const char *source, const char *across,
			 const char *pending)
{
	struct clock_run r;
	u64 stood, after;

	if (set_clocksource(source)) {
		printk("test %s: SKIPPED (no %s on this CPU)\n", across, source);
		return;
	}
	kcase_begin(across);
	read_across_ticks(&r);
	KCHECK(!r.back, "never back, went back %llu ns", r.back);
	KCHECK(r.steps > 10 * CLOCK_TEST_TICKS, "more than 10 steps a tick "
	       "over %d ticks, took %lu in %lu readings", CLOCK_TEST_TICKS,
	       r.steps, r.readings);
	KCHECK(r.biggest_step < 2 * NSEC_PER_TICK, "every step under two "
	       "ticks, the biggest was %llu ns", r.biggest_step);
	kcase_end();
	kcase_begin(pending);
	KCHECK(pending_tick_holds(&stood, &after), "stood at the tick's "
	       "end (%llu) with the tick pending, then went on (%llu)",
	       stood, after);
	kcase_end();
}

void selftest_clock(void)
{
	check_source("pit", "clock_pit_interpolates_never_back",
		     "clock_pit_waits_for_a_pending_tick");
	check_source("tsc", "clock_tsc_interpolates_never_back",
		     "clock_tsc_waits_for_a_pending_tick");
}
