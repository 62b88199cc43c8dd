/*
 * time.c - the clock: the 8253 timer at HZ, jiffies, the time stamp
 * counter between two ticks, and the CMOS clock read once at boot.
 *
 * Time since boot is jiffies ticks plus do_gettimeoffset(), how far we
 * are into the tick not yet counted. With a TSC that is the cycles since
 * the last tick over the frequency measured against the PIT at boot
 * (Linux 2.0's do_fast_gettimeoffset); without one it is the PIT's own
 * down-counter, as 1.2.13's do_gettimeoffset read it. docs/08-time.md
 * walks through both.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/time.h>
#include <asm/io.h>
#include <asm/system.h>
#include <asm/vsyscall.h>

#define PIT_FREQ	1193182		/* the 8253's input clock, Hz */
#define LATCH		((PIT_FREQ + HZ / 2) / HZ)	/* PIT counts per tick */
#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PIT_CH0_RATE	0x34		/* channel 0, lo/hi byte, rate gen */
#define PIT_CH0_LATCH	0x00		/* latch channel 0's count */
#define PIT_CH2_ONESHOT	0xB0		/* channel 2, lo/hi byte, mode 0 */
#define PIT_CH2_LATCH	0x80		/* latch channel 2's count */
#define PIT_CH2_START	0xFFFF
#define SPEAKER_PORT	0x61		/* bit 0 gates channel 2, bit 1 the
					   speaker */
#define PIC_MASTER	0x20
#define PIC_READ_IRR	0x0A		/* OCW3: next read gives the IRR */
#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define CMOS_SECONDS	0x00		/* the clock's registers */
#define CMOS_MINUTES	0x02
#define CMOS_HOURS	0x04
#define CMOS_DAY	0x07
#define CMOS_MONTH	0x08
#define CMOS_YEAR	0x09		/* two digits: the years from 2000 */
#define CMOS_STATUS_A	0x0A
#define CMOS_STATUS_B	0x0B
#define CMOS_UPDATING	0x80
#define CMOS_BINARY	0x04

#define EFLAGS_ID	0x00200000	/* writable only where cpuid exists */
#define CPUID_TSC	0x00000010	/* leaf 1, edx bit 4 */

#define TSC_SHIFT	22		/* ns = cycles * tsc_mult >> TSC_SHIFT */
#define PIT_SHIFT	16		/* ns = counts * pit_mult >> PIT_SHIFT */
#define CALIBRATE_COUNTS (PIT_FREQ / 500)	/* 2 ms of PIT counts */
#define CALIBRATE_TRIES	5
#define CALIBRATE_SLACK	1000		/* accept 1/1000 of error */
#define KHZ		1000

unsigned long volatile jiffies __sched_data;
unsigned long startup_time;		/* REALTIME at boot: seconds ... */
static long startup_nsec;		/* ... and nanoseconds */
unsigned long tsc_khz;

/* the TSC at the last tick */
static unsigned long long last_tsc __sched_data;
static unsigned long long tsc_at_boot;	/* sched_clock's zero */
static unsigned long long tsc_per_tick __sched_data;
static unsigned long tsc_mult __sched_data;
static unsigned long pit_mult = ((unsigned long long)NSEC_PER_TICK
				 << PIT_SHIFT) / LATCH;
/* the latest reading */
static unsigned long last_ticks __sched_data, last_offset __sched_data;

/* The offset before time_init: nothing ticks yet. */
static unsigned long no_offset(void)
{
	return 0;
}

/* Before time_init, and on the way in, nothing ticks: time is 0. */
static unsigned long (*do_gettimeoffset)(void) __sched_data = no_offset;

/*
 * do_fast_gettimeoffset - nanoseconds since the last tick, by the TSC.
 *
 * Interrupts off. A tick that is due but not yet counted (interrupts were
 * off) would carry us past the tick's end: stop just short of it, so that
 * the time read never passes jiffies + 1 and never runs back when the
 * tick is counted.
 */
static unsigned long __sched do_fast_gettimeoffset(void)
{
	unsigned long long cycles = rdtsc() - last_tsc;

	if (cycles >= tsc_per_tick)
		return NSEC_PER_TICK - 1;
	return ((unsigned long long)(unsigned long)cycles * tsc_mult)
		>> TSC_SHIFT;
}

/*
 * do_slow_gettimeoffset - nanoseconds since the last tick, by the PIT.
 *
 * Interrupts off. The 8253 counts LATCH down to 1 each tick. Latch it
 * first, then look at the PIC: if the tick's interrupt is already
 * pending, the counter has wrapped and the offset is a full tick (1.2.13
 * added one; Lintel stops short of it, as do_fast_gettimeoffset does).
 */
static unsigned long do_slow_gettimeoffset(void)
{
	unsigned long count;

	outb(PIT_CH0_LATCH, PIT_CMD);
	count = inb(PIT_CH0);
	count |= inb(PIT_CH0) << 8;
	outb(PIC_READ_IRR, PIC_MASTER);
	if (inb(PIC_MASTER) & (1 << TIMER_IRQ))
		return NSEC_PER_TICK - 1;
	if (count > LATCH)
		count = LATCH;
	return ((unsigned long long)(LATCH - count) * pit_mult) >> PIT_SHIFT;
}

/*
 * __read_clock - ticks counted and nanoseconds into the next, consistent.
 *
 * Interrupts off, so that jiffies and last_tsc come from the same tick.
 * The PIT's counter can wrap before QEMU raises its interrupt, so the
 * slow offset can drop back to zero early: a reading older than the
 * latest one given out is replaced by it, so that no reader, of either
 * source, ever sees time go back.
 */
static void __sched __read_clock(unsigned long *ticks, unsigned long *offset)
{
	*ticks = jiffies;
	/* a direct call when it is the TSC's (Linux's INDIRECT_CALL_1): under
	 * QEMU an indirect call and its return each cost a lookup after a
	 * cr3 load, and schedule reads the clock at every switch */
	if (do_gettimeoffset == do_fast_gettimeoffset)
		*offset = do_fast_gettimeoffset();
	else
		*offset = do_gettimeoffset();
	if (*ticks == last_ticks && *offset < last_offset)
		*offset = last_offset;
	last_ticks = *ticks;
	last_offset = *offset;
}

/* __read_clock with interrupts turned off for it: safe anywhere (printk). */
static void read_clock(unsigned long *ticks, unsigned long *offset)
{
	unsigned long flags;

	save_flags(flags);
	cli();
	__read_clock(ticks, offset);
	restore_flags(flags);
}

/*
 * update_vsyscall - copy what the clock is made of into the vDSO's data
 * page (kernel/vsyscall.c), between two increments of its sequence
 * count, so that a reader in user mode takes all of one update or tries
 * again (Linux's vsyscall_gtod). Interrupts off: the timer is the other
 * writer. Without the TSC the vDSO asks the kernel, which alone can read
 * the PIT.
 */
static void update_vsyscall(void)
{
	struct vdso_data *d = vdso_data;

	d->seq++;
	barrier();
	d->vclock_mode = do_gettimeoffset == do_fast_gettimeoffset ?
			 VCLOCK_TSC : VCLOCK_NONE;
	d->jiffies = jiffies;
	d->last_tsc = last_tsc;
	d->tsc_per_tick = tsc_per_tick;
	d->tsc_mult = tsc_mult;
	d->tsc_shift = TSC_SHIFT;
	d->startup_time = startup_time;
	d->startup_nsec = startup_nsec;
	barrier();
	d->seq++;
}

/* Nanoseconds since boot: CLOCK_MONOTONIC, and what the CPU clocks sum. */
u64 get_monotonic_ns(void)
{
	unsigned long ticks, offset;

	read_clock(&ticks, &offset);
	return (u64)ticks * NSEC_PER_TICK + offset;
}

/*
 * __get_monotonic_ns - get_monotonic_ns for a caller that holds
 * interrupts off (schedule, at every switch): no save and restore of the
 * flags, whose popfl ends QEMU's translated block and goes back to its
 * main loop.
 */
u64 __sched __get_monotonic_ns(void)
{
	unsigned long ticks, offset;

	__read_clock(&ticks, &offset);
	return (u64)ticks * NSEC_PER_TICK + offset;
}

/* CLOCK_MONOTONIC as a timespec, without a 64-bit division. */
void get_monotonic(struct timespec *ts)
{
	unsigned long ticks, offset;

	read_clock(&ticks, &offset);
	ts->tv_sec = ticks / HZ;
	ts->tv_nsec = (ticks % HZ) * NSEC_PER_TICK + offset;
}

/* CLOCK_MONOTONIC_COARSE: the ticks alone, as the last tick left it. */
void get_monotonic_coarse(struct timespec *ts)
{
	unsigned long ticks = jiffies;

	ts->tv_sec = ticks / HZ;
	ts->tv_nsec = (ticks % HZ) * NSEC_PER_TICK;
}

/* Wall time at boot plus up, which is a monotonic reading. */
static void add_startup_time(struct timespec *ts)
{
	ts->tv_sec += startup_time;
	ts->tv_nsec += startup_nsec;
	if (ts->tv_nsec >= NSEC_PER_SEC) {
		ts->tv_nsec -= NSEC_PER_SEC;
		ts->tv_sec++;
	}
}

/* CLOCK_REALTIME_COARSE (Linux 2.6 had this name for it). */
void current_kernel_time(struct timespec *ts)
{
	get_monotonic_coarse(ts);
	add_startup_time(ts);
}

/* CLOCK_REALTIME: the monotonic clock plus the wall time at boot. */
void getnstimeofday(struct timespec *ts)
{
	get_monotonic(ts);
	add_startup_time(ts);
}

/* CLOCK_REALTIME to the microsecond (1.2.13's name, for gettimeofday). */
void do_gettimeofday(struct timeval *tv)
{
	struct timespec ts;

	getnstimeofday(&ts);
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / NSEC_PER_USEC;
}

/* Seconds since 1970, for file times (CURRENT_TIME). */
unsigned long get_seconds(void)
{
	struct timespec ts;

	getnstimeofday(&ts);
	return ts.tv_sec;
}

/*
 * do_settimeofday - make CLOCK_REALTIME read *ts from now on.
 *
 * Only the boot-time wall clock moves: MONOTONIC, the CPU clocks, sleeps
 * and timers do not notice. The caller checked ts and the permission.
 * A time before the boot is -EINVAL, as on Linux (the wall clock at boot
 * would have to be negative).
 */
int do_settimeofday(const struct timespec *ts)
{
	struct timespec up;
	unsigned long flags;
	long sec, nsec;

	save_flags(flags);
	cli();
	get_monotonic(&up);
	sec = ts->tv_sec - up.tv_sec;
	nsec = ts->tv_nsec - up.tv_nsec;
	if (nsec < 0) {
		nsec += NSEC_PER_SEC;
		sec--;
	}
	if (sec >= 0) {
		startup_time = sec;
		startup_nsec = nsec;
		update_vsyscall();
	}
	restore_flags(flags);
	return sec >= 0 ? 0 : -EINVAL;
}

/*
 * set_clocksource - interpolate with "tsc" or "pit" from now on (Linux's
 * current_clocksource). Returns 0, or -EINVAL for a source this machine
 * lacks. The self-tests use it to check both on one boot.
 */
int set_clocksource(const char *name)
{
	unsigned long flags;

	save_flags(flags);
	cli();
	if (!strcmp(name, "pit")) {
		do_gettimeoffset = do_slow_gettimeoffset;
	} else if (!strcmp(name, "tsc") && tsc_khz) {
		do_gettimeoffset = do_fast_gettimeoffset;
	} else {
		restore_flags(flags);
		return -EINVAL;
	}
	update_vsyscall();
	restore_flags(flags);
	return 0;
}

/*
 * sched_clock - nanoseconds since tsc_init by the TSC alone, for printk's
 * time stamps. Unlike the clock, it runs on with interrupts off, when
 * jiffies cannot, so the boot log shows where boot time goes (Linux's
 * printk reads its sched_clock too). Without a TSC, the clock itself.
 * The multiply is split so that it cannot overflow in any uptime.
 */
u64 sched_clock(void)
{
	u64 cycles;

	if (!tsc_khz)
		return get_monotonic_ns();
	cycles = rdtsc() - tsc_at_boot;
	return (cycles >> TSC_SHIFT) * tsc_mult +
	       (((cycles & ((1ULL << TSC_SHIFT) - 1)) * tsc_mult) >> TSC_SHIFT);
}

/*
 * What one step of the fine clocks is worth: a TSC cycle or a PIT count,
 * rounded down to whole nanoseconds as the readings are (so no step seen
 * is finer), and at least 1.
 */
long clock_resolution_ns(void)
{
	unsigned long khz_per_ns = NSEC_PER_SEC / KHZ;	/* 1 GHz in kHz */

	if (do_gettimeoffset != do_fast_gettimeoffset)
		return NSEC_PER_SEC / PIT_FREQ;
	return tsc_khz >= khz_per_ns ? 1 : khz_per_ns / tsc_khz;
}

/* ---- sleeping until a tick ------------------------------------------- */

#define MAX_TIMEOUT_TICKS	(~0UL >> 1)

/*
 * timeout_after_ns - the value for current->timeout after which at least
 * ns have passed on CLOCK_MONOTONIC.
 *
 * do_timer wakes a sleeper at the first tick with jiffies >= timeout.
 * Counting from where the clock is now, inside the current tick, and
 * rounding up to a whole tick makes every sleep at least as long as
 * asked, as Linux promises; it may be up to one tick longer. A timeout
 * longer than MAX_TIMEOUT_TICKS is cut to it: sleepers that must not
 * wake early (nanosleep) check the clock and sleep again.
 */
unsigned long timeout_after_ns(u64 ns)
{
	unsigned long ticks, offset;
	u64 n;

	if (ns > (u64)MAX_TIMEOUT_TICKS * NSEC_PER_TICK)
		ns = (u64)MAX_TIMEOUT_TICKS * NSEC_PER_TICK;
	read_clock(&ticks, &offset);
	if (!ns)
		return ticks;	/* no wait at all: due now */
	n = (ns + offset + NSEC_PER_TICK - 1) / NSEC_PER_TICK;
	return ticks + (unsigned long)n;
}

/* The time left until the tick of timeout (0 once it has come). */
u64 timeout_left_ns(unsigned long timeout)
{
	u64 end = (u64)timeout * NSEC_PER_TICK, now = get_monotonic_ns();

	return end > now ? end - now : 0;
}

/* A timespec a program may pass in: 0 <= tv_nsec < 1 s, tv_sec >= 0. */
int timespec_valid(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 &&
	       ts->tv_nsec < NSEC_PER_SEC;
}

/*
 * timespec_to_ns - a timespec as nanoseconds. The caller checked it
 * (timespec_valid): a 32-bit tv_sec times NSEC_PER_SEC fits in a u64.
 */
u64 timespec_to_ns(const struct timespec *ts)
{
	return (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

/* timeval_to_ns - a checked timeval as nanoseconds (itimers, select). */
u64 timeval_to_ns(const struct timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

/*
 * ns_to_timespec - nanoseconds back to a timespec, tv_nsec always below
 * one second. ns must be under 2^31 seconds: tv_sec is 32 bits wide.
 */
void ns_to_timespec(u64 ns, struct timespec *ts)
{
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

/* ns_to_timeval - the same as a timeval: the microseconds round down. */
void ns_to_timeval(u64 ns, struct timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
}

/* ---- the tick --------------------------------------------------------- */

/*
 * IRQ 0, HZ times a second: note the TSC (the next offset counts from
 * here), count the tick, and do the per-tick work (do_timer).
 */
static void timer_interrupt(int irq, struct pt_regs *regs)
{
	if (tsc_khz)
		last_tsc = rdtsc();
	jiffies++;
	update_vsyscall();
	do_timer(regs);
}

/* ---- the TSC, measured against the PIT -------------------------------- */

/* Does cpuid exist, and does it report a time stamp counter? */
static int cpu_has_tsc(void)
{
	unsigned long f0, f1, a, b, c, d;

	__asm__ volatile("pushfl; popl %0; movl %0, %1; xorl %2, %1;"
			 "pushl %1; popfl; pushfl; popl %1; pushl %0; popfl"
			 : "=&r"(f0), "=&r"(f1) : "i"(EFLAGS_ID));
	if (!((f0 ^ f1) & EFLAGS_ID))
		return 0;	/* no cpuid: a 386 or an early 486 */
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
			 : "a"(1));
	return (d & CPUID_TSC) != 0;
}

/* One reading of channel 2, bracketed by the TSC before and after. */
struct pit_sample {
	unsigned long long before, after;
	unsigned long count;
};

/*
 * pit_sample - latch and read channel 2's count into *s, with the TSC
 * just before and just after: how far apart they are says how much the
 * reading can be trusted. Interrupts off (calibrate_tsc's caller).
 */
static void pit_sample(struct pit_sample *s)
{
	s->before = rdtsc();
	outb(PIT_CH2_LATCH, PIT_CMD);
	s->count = inb(PIT_CH2);
	s->count |= inb(PIT_CH2) << 8;
	s->after = rdtsc();
}

/*
 * One measurement: start channel 2 counting down, read it, let it run
 * CALIBRATE_COUNTS, read it again. Returns the TSC cycles between the
 * two readings' midpoints, with their uncertainty in *slack and the PIT
 * counts between them in *counts. The first reading comes right after
 * the count is loaded and the last right after the count steps past
 * CALIBRATE_COUNTS, so both sit at the start of a count: the count's
 * own steps (0.84 us) do not add to the error. QEMU may stop the CPU at
 * any moment; only how long each reading took matters, not the wait
 * between them.
 */
static unsigned long long calibrate_once(unsigned long long *slack,
					 unsigned long *counts)
{
	struct pit_sample a, b;

	outb((inb(SPEAKER_PORT) & ~0x02) | 0x01, SPEAKER_PORT);
	outb(PIT_CH2_ONESHOT, PIT_CMD);
	outb(PIT_CH2_START & 0xFF, PIT_CH2);
	outb(PIT_CH2_START >> 8, PIT_CH2);
	pit_sample(&a);
	do
		pit_sample(&b);
	while (b.count <= a.count && a.count - b.count < CALIBRATE_COUNTS);
	if (b.count > a.count) {
		*counts = 0;	/* it wrapped: we were away too long */
		return 0;
	}
	*slack = (a.after - a.before) + (b.after - b.before);
	*counts = a.count - b.count;
	return (b.before + b.after) / 2 - (a.before + a.after) / 2;
}

/*
 * calibrate_tsc - the TSC's frequency in kHz, measured against the PIT.
 *
 * Takes the first measurement whose readings were quick enough to be
 * right to 1/CALIBRATE_SLACK, or the best of CALIBRATE_TRIES. Interrupts
 * off; about 2 ms per try. Under QEMU the first try passes, its
 * readings taking about 1100 of 5.2 million cycles, and lands within
 * 1/10000 of the host's own figure. The error only bends the time
 * within a tick (the offset stops at the tick's end) and printk's
 * sched_clock.
 */
static unsigned long calibrate_tsc(void)
{
	unsigned long long cycles, slack, best = 0, best_slack = 0;
	unsigned long counts, best_counts = 1;
	int i;

	for (i = 0; i < CALIBRATE_TRIES; i++) {
		cycles = calibrate_once(&slack, &counts);
		if (!counts)
			continue;
		if (!best || slack * best_counts < best_slack * counts) {
			best = cycles;
			best_slack = slack;
			best_counts = counts;
		}
		if (slack * CALIBRATE_SLACK < cycles)
			break;
	}
	return best * PIT_FREQ / KHZ / best_counts;
}

/*
 * Choose the offset function: the TSC, measured, unless there is none or
 * the command line says notsc; the PIT's counter otherwise.
 */
static void tsc_init(void)
{
	if (get_option("notsc") || !cpu_has_tsc()) {
		printk("tsc: no TSC, the PIT counter interpolates\n");
		do_gettimeoffset = do_slow_gettimeoffset;
		return;
	}
	tsc_at_boot = rdtsc();
	tsc_khz = calibrate_tsc();
	if (!tsc_khz) {
		printk("tsc: calibration against the PIT failed\n");
		do_gettimeoffset = do_slow_gettimeoffset;
		return;
	}
	tsc_per_tick = (unsigned long long)tsc_khz * KHZ / HZ;
	tsc_mult = ((unsigned long long)NSEC_PER_SEC / KHZ << TSC_SHIFT) /
		   tsc_khz;
	printk("tsc: Detected %lu.%03lu MHz processor\n", tsc_khz / KHZ,
	       tsc_khz % KHZ);
	last_tsc = rdtsc();
	do_gettimeoffset = do_fast_gettimeoffset;
}

/* ---- the CMOS clock --------------------------------------------------- */

/*
 * cmos_read - one byte of the CMOS RAM: the index port selects reg, the
 * data port gives it. Interrupts off or only one reader (boot, the
 * timer self-test): the two port accesses must not be split.
 */
static unsigned int cmos_read(int reg)
{
	outb(reg, CMOS_INDEX);
	return inb(CMOS_DATA);
}

/*
 * bcd - a clock field as a number: the CMOS keeps them in BCD unless
 * status register B's binary bit (CMOS_BINARY) says otherwise.
 */
static unsigned int bcd(unsigned int v, int binary)
{
	return binary ? v : (v & 0x0F) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to the given date (Gregorian, year >= 1970). */
static unsigned long days_since_epoch(unsigned int y, unsigned int m,
				      unsigned int d)
{
	static const unsigned short before_month[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
	};
	unsigned long days = (y - 1970) * 365 + before_month[m - 1] + d - 1;
	unsigned int leaps_y = m > 2 ? y : y - 1;

	days += (leaps_y / 4 - 1969 / 4) - (leaps_y / 100 - 1969 / 100) +
		(leaps_y / 400 - 1969 / 400);
	return days;
}

/*
 * read_cmos_time - the battery clock now, in seconds since 1970 (UTC, as
 * QEMU keeps it). Waits out an update in progress (under 2 ms). Read at
 * boot for the time of day, and by the timer self-test as a clock that
 * does not depend on the timer interrupt.
 */
unsigned long read_cmos_time(void)
{
	unsigned int sec, min, hour, day, mon, year, binary;

	while (cmos_read(CMOS_STATUS_A) & CMOS_UPDATING)
		;
	binary = cmos_read(CMOS_STATUS_B) & CMOS_BINARY;
	sec = bcd(cmos_read(CMOS_SECONDS), binary);
	min = bcd(cmos_read(CMOS_MINUTES), binary);
	hour = bcd(cmos_read(CMOS_HOURS), binary);
	day = bcd(cmos_read(CMOS_DAY), binary);
	mon = bcd(cmos_read(CMOS_MONTH), binary);
	year = bcd(cmos_read(CMOS_YEAR), binary) + 2000;
	return days_since_epoch(year, mon, day) * 86400 +
	       hour * 3600 + min * 60 + sec;
}

/*
 * time_init - start the clock. Called once from start_kernel with
 * interrupts off: the TSC is measured before the tick starts, and the
 * tick's handler is in place before interrupts come on.
 */
void time_init(void)
{
	startup_time = read_cmos_time();
	outb(PIT_CH0_RATE, PIT_CMD);
	outb(LATCH & 0xFF, PIT_CH0);
	outb(LATCH >> 8, PIT_CH0);
	tsc_init();
	update_vsyscall();
	request_irq(TIMER_IRQ, timer_interrupt, "timer");
}
