#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

/* drivers/char/serial.c: COM1, the console under test and in make qemu-nox */
void serial_init(void);
void serial_write(const char *s, int n);
int serial_getc(void);		/* -1 when nothing is waiting */
void serial_enable_rx_irq(void);

/* drivers/char/vga.c: the 80x25 text screen */
void vga_init(void);
void vga_write(const char *s, int n);

/* kernel/printk.c: send text to every console (not to the log ring) */
void console_write(const char *s, int n);

#endif
