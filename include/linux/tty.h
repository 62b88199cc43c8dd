#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

/*
 * The terminal: what is typed goes through the line discipline
 * (drivers/char/n_tty.c) into read_buf, where read() finds it.
 *
 * read_buf is a ring; the three indices run freely and are reduced
 * modulo TTY_BUF_SIZE when used:
 *
 *      read_tail        canon_head         read_head
 *   ...|<- lines ready ->|<- line being typed ->|...
 *
 * In canonical mode read() may take only what lies before canon_head:
 * complete lines, each ended by a character whose bit is set in
 * read_eol (the '\n', or the VEOF character, which read() drops). In
 * raw mode (ICANON clear) everything up to read_head is ready.
 */
#include <linux/termios.h>
#include <linux/wait.h>
#include <linux/types.h>

#define TTY_BUF_SIZE	1024	/* a power of two */
#define TTY_COLS	80
#define TTY_ROWS	25

struct tty_struct {
	struct termios termios;
	struct winsize winsize;
	pid_t pgrp;		/* foreground process group; 0 = none set */
	pid_t session;		/* the session it controls; 0 = none */
	/* output, for echo; may be called from an interrupt */
	void (*write)(struct tty_struct *tty, const char *s, int n);
	unsigned char read_buf[TTY_BUF_SIZE];
	unsigned char read_eol[TTY_BUF_SIZE / 8];	/* line-end bitmap */
	unsigned int read_head, read_tail, canon_head;
	struct wait_queue *read_wait;
};

extern struct tty_struct console_tty;

/* drivers/char/n_tty.c: the line discipline (runs with interrupts off) */
void n_tty_receive_char(struct tty_struct *tty, unsigned char c);
int n_tty_input_available(struct tty_struct *tty);
int n_tty_chars_in_buffer(struct tty_struct *tty);
int n_tty_take(struct tty_struct *tty, unsigned char *buf, int n, int *eol);
void n_tty_flush_input(struct tty_struct *tty);
void n_tty_set_termios(struct tty_struct *tty, const struct termios *t);
void n_tty_init(struct tty_struct *tty);

/* drivers/char/tty.c: a signal from the keyboard (^C, ^\) */
void tty_signal(struct tty_struct *tty, int sig);

/* drivers/char/tty_jobctrl.c */
struct file;
int tty_check_change(struct tty_struct *tty, int sig);
void tty_open_set_ctty(struct tty_struct *tty, struct file *file);
void disassociate_ctty(void);
int tty_jobctrl_ioctl(struct tty_struct *tty, unsigned int cmd,
		      unsigned long arg);

/* drivers/char/keyboard.c */
void keyboard_init(void);

#endif
