/*
 * tty.c - the console terminal, /dev/console and /dev/tty.
 *
 * Characters arrive by interrupt from COM1 (the terminal under make
 * qemu-nox) and from the PS/2 keyboard (keyboard.c, when QEMU shows a
 * window), and go through the line discipline (n_tty.c) into
 * console_tty's buffer. Programs read lines from there and write to
 * console_write(): the serial line and the VGA screen.
 *
 * Lintel has one terminal. It becomes the controlling terminal of the
 * session whose leader opens it (tty_jobctrl.c, which also keeps the
 * foreground group); a signal typed at it goes to that group.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/interrupt.h>
#include <linux/console.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/tty.h>
#include <linux/poll.h>
#include <asm/segment.h>
#include <asm/system.h>

#define TTY_CHUNK	256	/* bytes moved per step of a read or write */
#define CONSOLE_MINOR	1	/* /dev/console; /dev/tty is minor 0 */

struct tty_struct console_tty;

/* Output, from a process or from an interrupt's echo: never interleaved
 * inside one call. */
static void con_write(struct tty_struct *tty, const char *s, int n)
{
	unsigned long flags;

	save_flags(flags);
	cli();
	console_write(s, n);
	restore_flags(flags);
}

/* IRQ 4: drain the UART's receive buffer into the line discipline. */
static void serial_interrupt(int irq, struct pt_regs *regs)
{
	int c;

	while ((c = serial_getc()) >= 0)
		n_tty_receive_char(&console_tty, c);
}

static int has_tty_open(struct task_struct *p, struct tty_struct *tty)
{
	int fd;

	if (!p->files)		/* gone at exit */
		return 0;
	for (fd = 0; fd < NR_OPEN; fd++)
		if (p->files->fd[fd] && p->files->fd[fd]->f_op == &tty_fops &&
		    p->files->fd[fd]->private_data == tty)
			return 1;
	return 0;
}

/*
 * A signal typed at the terminal goes to its foreground process group
 * (TIOCSPGRP). With none set, or none left, it goes to every process
 * that has the terminal open, except init.
 */
void tty_signal(struct tty_struct *tty, int sig)
{
	struct task_struct *p;

	if (tty->pgrp > 0 && !kill_pg(tty->pgrp, sig, 1))
		return;
	for_each_task(p)
		if (p->pid > 1 && has_tty_open(p, tty))
			send_sig(sig, p, 1);
}

/*
 * Wait until read() can take something: 1 when it can, 0 for a raw
 * read with VMIN 0 and nothing there, -EAGAIN or -EINTR.
 */
static int wait_for_input(struct tty_struct *tty, struct file *file)
{
	unsigned long flags;
	int ret = 1;

	save_flags(flags);
	cli();
	while (!n_tty_input_available(tty)) {
		if (!(tty->termios.c_lflag & ICANON) &&
		    !tty->termios.c_cc[VMIN]) {
			ret = 0;
			break;
		}
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		interruptible_sleep_on(&tty->read_wait);
		if (signal_pending(current)) {
			ret = -EINTR;
			break;
		}
	}
	restore_flags(flags);
	return ret;
}

/* One line in canonical mode; in raw mode what is there (VMIN 1). */
static int tty_read(struct file *file, char *buf, int count)
{
	struct tty_struct *tty = file->private_data;
	unsigned char kbuf[TTY_CHUNK];
	unsigned long flags;
	int done = 0, n, eol = 0, err;

	err = tty_check_change(tty, SIGTTIN);
	if (err)
		return err;
	err = wait_for_input(tty, file);
	if (err <= 0)
		return err;
	while (done < count && !eol) {
		save_flags(flags);
		cli();
		n = n_tty_take(tty, kbuf, min(count - done, TTY_CHUNK), &eol);
		restore_flags(flags);
		if (!n)
			break;
		if (memcpy_tofs(buf + done, kbuf, n))
			return -EFAULT;
		done += n;
	}
	return done;
}

static int tty_write(struct file *file, const char *buf, int count)
{
	struct tty_struct *tty = file->private_data;
	char kbuf[TTY_CHUNK];
	int done = 0, n, err;

	if (tty->termios.c_lflag & TOSTOP) {
		err = tty_check_change(tty, SIGTTOU);
		if (err)
			return err;
	}
	while (done < count) {
		n = min(count - done, TTY_CHUNK);
		if (memcpy_fromfs(kbuf, buf + done, n))
			return done ? done : -EFAULT;
		tty->write(tty, kbuf, n);
		done += n;
	}
	return done;
}

static int tty_open(struct file *file)
{
	if (MINOR(file->f_inode.i_rdev) > CONSOLE_MINOR)
		return -ENXIO;
	file->private_data = &console_tty;
	tty_open_set_ctty(&console_tty, file);
	return 0;
}

static int set_termios(struct tty_struct *tty, unsigned int cmd,
		       const struct termios *arg)
{
	struct termios t;
	unsigned long flags;

	if (memcpy_fromfs(&t, arg, sizeof(t)))
		return -EFAULT;
	save_flags(flags);
	cli();
	if (cmd == TCSETSF)
		n_tty_flush_input(tty);
	n_tty_set_termios(tty, &t);
	restore_flags(flags);
	return 0;
}

static int flush_input(struct tty_struct *tty)
{
	unsigned long flags;

	save_flags(flags);
	cli();
	n_tty_flush_input(tty);
	restore_flags(flags);
	return 0;
}

static int put_int(unsigned long arg, int value)
{
	return memcpy_tofs((void *)arg, &value, sizeof(value)) ? -EFAULT : 0;
}

static int tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void *uarg = (void *)arg;
	int err = tty_jobctrl_ioctl(tty, cmd, arg);

	if (err != -ENOIOCTLCMD)
		return err;
	switch (cmd) {
	case TCGETS:
		return memcpy_tofs(uarg, &tty->termios, sizeof(tty->termios)) ?
		       -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, uarg);
	case TIOCGWINSZ:
		return memcpy_tofs(uarg, &tty->winsize, sizeof(tty->winsize)) ?
		       -EFAULT : 0;
	case TIOCSWINSZ:
		return memcpy_fromfs(&tty->winsize, uarg,
				     sizeof(tty->winsize)) ? -EFAULT : 0;
	case FIONREAD:
		return put_int(arg, n_tty_chars_in_buffer(tty));
	case TIOCOUTQ:
		return put_int(arg, 0);		/* output is never queued */
	case TCFLSH:
		if (arg > TCIOFLUSH)
			return -EINVAL;
		return arg == TCOFLUSH ? 0 : flush_input(tty);
	default:
		return -ENOTTY;
	}
}

/* Readable when read() would not wait; output never waits. */
static unsigned int tty_poll(struct file *file, poll_table *p)
{
	struct tty_struct *tty = file->private_data;
	unsigned int mask = POLLOUT | POLLWRNORM;

	poll_wait(&tty->read_wait, p);
	if (n_tty_input_available(tty))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

const struct file_operations tty_fops = {
	.lseek = no_lseek,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.open = tty_open,
	.poll = tty_poll,
};

/* From start_kernel: the console's settings, and its two interrupts. */
void tty_init(void)
{
	n_tty_init(&console_tty);
	console_tty.write = con_write;
	if (request_irq(SERIAL_IRQ, serial_interrupt, "serial"))
		printk("tty: serial IRQ %d busy, no input from COM1\n",
		       SERIAL_IRQ);
	serial_enable_rx_irq();
	keyboard_init();
}
