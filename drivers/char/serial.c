/*
 * serial.c - the 16550 UART on COM1.
 *
 * Polled output (printk must work with interrupts off, in an oops), and
 * an interrupt for input that the tty layer drains with serial_getc().
 */
#include <linux/console.h>
#include <asm/io.h>

#define COM1		0x3F8
#define UART_DATA	0	/* read: receive buffer; write: transmit */
#define UART_IER	1	/* interrupt enable */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control: word length, DLAB */
#define UART_MCR	4	/* modem control: OUT2 gates the IRQ line */
#define UART_LSR	5	/* line status */

#define LCR_DLAB	0x80	/* the next two ports are the baud divisor */
#define LCR_8N1		0x03
#define LSR_DATA_READY	0x01
#define LSR_THR_EMPTY	0x20
#define IER_RX		0x01
#define MCR_DTR_RTS_OUT2 0x0B
#define FCR_ENABLE_CLEAR 0x07
#define BAUD_115200	1	/* divisor of the 115200 Hz base clock */

void serial_init(void)
{
	outb(0, COM1 + UART_IER);
	outb(LCR_DLAB, COM1 + UART_LCR);
	outb(BAUD_115200, COM1 + UART_DATA);
	outb(0, COM1 + UART_IER);
	outb(LCR_8N1, COM1 + UART_LCR);
	outb(FCR_ENABLE_CLEAR, COM1 + UART_FCR);
	outb(MCR_DTR_RTS_OUT2, COM1 + UART_MCR);
}

void serial_enable_rx_irq(void)
{
	outb(IER_RX, COM1 + UART_IER);
}

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY))
		;
	outb(c, COM1 + UART_DATA);
}

void serial_write(const char *s, int n)
{
	while (n--) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s++);
	}
}

int serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DATA_READY))
		return -1;
	return inb(COM1 + UART_DATA);
}
