/*
 * printk.c - the kernel log.
 *
 * Every message goes into log_buf, a ring that dmesg (and GDB's lx-dmesg)
 * reads back, and out to the consoles: the serial port always, the VGA
 * screen too unless the command line said "quiet". Each line begins
 * with the time since boot, "[    0.123456] ", as Linux's do.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/time.h>
#include <asm/system.h>

#define PRINTK_BUF	1024
#define PRINTK_STAMP	32

char log_buf[LOG_BUF_LEN];
unsigned long log_start, log_end;	/* ring indices, growing forever */
int console_quiet;
int printk_time = 1;	/* printk.time=0 turns the stamps off */

/*
 * Append n bytes to the log ring; the oldest go when it is full. The
 * indices only grow, so log_end - log_start is what the ring holds.
 */
static void log_store(const char *s, int n)
{
	while (n--) {
		log_buf[log_end++ % LOG_BUF_LEN] = *s++;
		if (log_end - log_start > LOG_BUF_LEN)
			log_start = log_end - LOG_BUF_LEN;
	}
}

/* n bytes to the serial port, and to the screen unless quiet. */
void console_write(const char *s, int n)
{
	serial_write(s, n);
	if (!console_quiet)
		vga_write(s, n);
}

/* "[    0.123456] ": seconds since boot by sched_clock, as Linux's. */
static int print_time(char *buf, int size)
{
	struct timespec ts;

	ns_to_timespec(sched_clock(), &ts);
	return snprintf(buf, size, "[%5lu.%06lu] ", (unsigned long)ts.tv_sec,
			ts.tv_nsec / NSEC_PER_USEC);
}

/* Into the ring and out to the consoles. */
static void emit(const char *s, int n)
{
	log_store(s, n);
	console_write(s, n);
}

/*
 * Format into a stack buffer (longer messages are cut at PRINTK_BUF - 1),
 * keep it in the log ring and write it to the consoles, each line that
 * starts in it stamped with the time. A line may be built by several
 * calls (the fault trace is): only the call that begins it stamps it.
 * Interrupts are off meanwhile, so that lines from an interrupt are not
 * mixed in. Safe anywhere, in an interrupt handler and in panic too.
 * Returns the bytes formatted.
 */
int vprintk(const char *fmt, va_list args)
{
	static int line_start = 1;
	char buf[PRINTK_BUF], stamp[PRINTK_STAMP];
	const char *p, *end, *nl;
	unsigned long flags;
	int n;

	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	save_flags(flags);
	cli();
	for (p = buf, end = buf + n; p < end; p = nl) {
		if (line_start && printk_time)
			emit(stamp, print_time(stamp, sizeof(stamp)));
		for (nl = p; nl < end && *nl != '\n'; nl++)
			;
		nl = nl < end ? nl + 1 : end;
		emit(p, nl - p);
		line_start = nl[-1] == '\n';
	}
	restore_flags(flags);
	return n;
}

/* The kernel's printf: see vprintk. */
int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
