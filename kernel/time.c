/*
 * time.c - the 8253 timer at HZ, jiffies, and the CMOS clock.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <asm/io.h>

#define PIT_FREQ	1193182		/* the 8253's input clock, Hz */
#define PIT_CH0		0x40
#define PIT_CMD		0x43
#define PIT_CH0_RATE	0x34		/* channel 0, lo/hi byte, rate gen */
#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define CMOS_STATUS_A	0x0A
#define CMOS_STATUS_B	0x0B
#define CMOS_UPDATING	0x80
#define CMOS_BINARY	0x04

unsigned long volatile jiffies;
unsigned long startup_time;

static void timer_interrupt(int irq, struct pt_regs *regs)
{
	jiffies++;
	do_timer(regs);
}

static unsigned int cmos_read(int reg)
{
	outb(reg, CMOS_INDEX);
	return inb(CMOS_DATA);
}

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
	sec = bcd(cmos_read(0x00), binary);
	min = bcd(cmos_read(0x02), binary);
	hour = bcd(cmos_read(0x04), binary);
	day = bcd(cmos_read(0x07), binary);
	mon = bcd(cmos_read(0x08), binary);
	year = bcd(cmos_read(0x09), binary) + 2000;
	return days_since_epoch(year, mon, day) * 86400 +
	       hour * 3600 + min * 60 + sec;
}

void time_init(void)
{
	unsigned int divisor = (PIT_FREQ + HZ / 2) / HZ;

	startup_time = read_cmos_time();
	outb(PIT_CH0_RATE, PIT_CMD);
	outb(divisor & 0xFF, PIT_CH0);
	outb(divisor >> 8, PIT_CH0);
	request_irq(TIMER_IRQ, timer_interrupt, "timer");
}
