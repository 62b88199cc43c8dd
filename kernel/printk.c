/*
 * printk.c - the kernel log.
 *
 * Every message goes into log_buf, a ring that dmesg (and GDB's lx-dmesg)
 * reads back, and out to the consoles: the serial port always, the VGA
 * screen too unless the command line said "quiet".
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <asm/system.h>

#define PRINTK_BUF	1024

char log_buf[LOG_BUF_LEN];
unsigned long log_start, log_end;	/* ring indices, growing forever */
int console_quiet;

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

/*
 * Format into a stack buffer (longer messages are cut at PRINTK_BUF - 1),
 * keep it in the log ring and write it to the consoles. Interrupts are
 * off meanwhile, so that lines from an interrupt are not mixed in. Safe
 * anywhere, in an interrupt handler and in panic too. Returns the bytes
 * written.
 */
int vprintk(const char *fmt, va_list args)
{
	char buf[PRINTK_BUF];
	unsigned long flags;
	int n;

	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	save_flags(flags);
	cli();
	log_store(buf, n);
	console_write(buf, n);
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
