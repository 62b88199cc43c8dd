/*
 * n_tty.c - the line discipline: what a typed character does, and how
 * read() takes characters out of the terminal's buffer.
 *
 * In canonical mode (ICANON, the default) the user edits a line before
 * any program sees it: erase (DEL or backspace) and kill (^U) work on
 * the line being typed, '\n' makes it readable, and ^D at the start of
 * a line makes read() return 0. ^C and ^\ signal the foreground process
 * group (ISIG). With ICANON clear, each character is readable at once.
 *
 * Called from the receive interrupts with interrupts off, and by
 * tty.c with interrupts off; pure enough for tests/test_tty.c to run
 * on the host (it supplies tty_signal and wake_up_interruptible).
 */
#include <linux/tty.h>
#include <linux/signal.h>
#include <linux/string.h>

#define TTY_MASK	(TTY_BUF_SIZE - 1)
#define _POSIX_VDISABLE	0	/* a c_cc entry of 0 is switched off */
#define CTRL(c)		((c) & 037)
#define DEL		0177

#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))
#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))

/* Linux's settings for a new terminal (its tty_std_termios). */
static const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		   IEXTEN,
	.c_cc = {
		[VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = DEL,
		[VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VMIN] = 1,
		[VSTART] = CTRL('Q'), [VSTOP] = CTRL('S'),
		[VSUSP] = CTRL('Z'), [VREPRINT] = CTRL('R'),
		[VDISCARD] = CTRL('O'), [VWERASE] = CTRL('W'),
		[VLNEXT] = CTRL('V'),
	},
};

void n_tty_init(struct tty_struct *tty)
{
	tty->termios = tty_std_termios;
	tty->winsize.ws_row = TTY_ROWS;
	tty->winsize.ws_col = TTY_COLS;
	n_tty_flush_input(tty);
}

void n_tty_flush_input(struct tty_struct *tty)
{
	tty->read_head = tty->read_tail = tty->canon_head = 0;
	memset(tty->read_eol, 0, sizeof(tty->read_eol));
}

/* Is c the special character c_cc[idx] (and that one switched on)? */
static int is_cc(struct tty_struct *tty, unsigned char c, int idx)
{
	return c == tty->termios.c_cc[idx] && c != _POSIX_VDISABLE;
}

/* With ECHOCTL, control characters echo as ^C, ^? (two columns). */
static int echoes_as_ctl(struct tty_struct *tty, unsigned char c)
{
	return L_FLAG(tty, ECHOCTL) &&
	       ((c < ' ' && c != '\t' && c != '\n') || c == DEL);
}

static void echo_char(struct tty_struct *tty, unsigned char c)
{
	char ctl[2] = { '^', c ^ 0100 };

	if (!L_FLAG(tty, ECHO))
		return;
	if (echoes_as_ctl(tty, c))
		tty->write(tty, ctl, 2);
	else
		tty->write(tty, (char *)&c, 1);
}

static void put_char(struct tty_struct *tty, unsigned char c)
{
	tty->read_buf[tty->read_head++ & TTY_MASK] = c;
}

/* End the line being typed with c: it becomes readable. */
static void commit_line(struct tty_struct *tty, unsigned char c)
{
	unsigned int i = tty->read_head & TTY_MASK;

	put_char(tty, c);
	tty->read_eol[i / 8] |= 1 << (i % 8);
	tty->canon_head = tty->read_head;
	wake_up_interruptible(&tty->read_wait);
}

/* Take back the last character of the line being typed, on screen too. */
static int erase_char(struct tty_struct *tty)
{
	unsigned char c;

	if (tty->read_head == tty->canon_head)
		return 0;
	c = tty->read_buf[--tty->read_head & TTY_MASK];
	if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOE)) {
		tty->write(tty, "\b \b", 3);
		if (echoes_as_ctl(tty, c))
			tty->write(tty, "\b \b", 3);
	}
	return 1;
}

static void receive_canon(struct tty_struct *tty, unsigned char c)
{
	unsigned int used = tty->read_head - tty->read_tail;

	if (is_cc(tty, c, VERASE) || c == '\b') {
		erase_char(tty);
	} else if (is_cc(tty, c, VKILL)) {
		while (erase_char(tty))
			;
	} else if (c == '\n' || is_cc(tty, c, VEOF)) {
		if (used >= TTY_BUF_SIZE)
			return;
		if (c == '\n' && L_FLAG(tty, ECHO | ECHONL))
			tty->write(tty, "\n", 1);
		commit_line(tty, c);
	} else if (used < TTY_BUF_SIZE - 1) {	/* room left for a '\n' */
		echo_char(tty, c);
		put_char(tty, c);
	}
}

/* ^C, ^\ or ^Z: echo it, drop pending input, signal the foreground. */
static void isig(struct tty_struct *tty, int sig, unsigned char c)
{
	echo_char(tty, c);
	if (!L_FLAG(tty, NOFLSH))
		n_tty_flush_input(tty);
	tty_signal(tty, sig);
}

/* A character arrives from the keyboard or the serial line. */
void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	if (I_FLAG(tty, ISTRIP))
		c &= 0177;
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (L_FLAG(tty, ISIG) && is_cc(tty, c, VINTR)) {
		isig(tty, SIGINT, c);
	} else if (L_FLAG(tty, ISIG) && is_cc(tty, c, VQUIT)) {
		isig(tty, SIGQUIT, c);
	} else if (L_FLAG(tty, ISIG) && is_cc(tty, c, VSUSP)) {
		isig(tty, SIGTSTP, c);
	} else if (L_FLAG(tty, ICANON)) {
		receive_canon(tty, c);
	} else if (tty->read_head - tty->read_tail < TTY_BUF_SIZE) {
		echo_char(tty, c);
		put_char(tty, c);
		wake_up_interruptible(&tty->read_wait);
	}
}

/* Can read() take something now? */
int n_tty_input_available(struct tty_struct *tty)
{
	return L_FLAG(tty, ICANON) ? tty->read_tail != tty->canon_head
				   : tty->read_tail != tty->read_head;
}

/* FIONREAD: the characters read() could take now. */
int n_tty_chars_in_buffer(struct tty_struct *tty)
{
	return (L_FLAG(tty, ICANON) ? tty->canon_head : tty->read_head) -
	       tty->read_tail;
}

/*
 * Move up to n readable characters into buf. In canonical mode stop
 * after a line's end and set *eol; the VEOF that ends a line is
 * consumed but not copied (so ^D alone reads as 0 bytes, end of file).
 */
int n_tty_take(struct tty_struct *tty, unsigned char *buf, int n, int *eol)
{
	int canon = L_FLAG(tty, ICANON), copied = 0;
	unsigned int end = canon ? tty->canon_head : tty->read_head;
	unsigned int i, bit;
	unsigned char c;

	*eol = 0;
	while (copied < n && tty->read_tail != end) {
		i = tty->read_tail++ & TTY_MASK;
		c = tty->read_buf[i];
		bit = tty->read_eol[i / 8] & (1 << (i % 8));
		tty->read_eol[i / 8] &= ~(1 << (i % 8));
		if (bit && canon) {
			if (c == '\n')
				buf[copied++] = c;
			*eol = 1;
			break;
		}
		buf[copied++] = c;
	}
	return copied;
}

/*
 * New settings. When ICANON changes, what has been typed so far
 * becomes readable as it is (Linux does the same).
 */
void n_tty_set_termios(struct tty_struct *tty, const struct termios *t)
{
	unsigned int was_canon = L_FLAG(tty, ICANON);

	tty->termios = *t;
	if (was_canon != L_FLAG(tty, ICANON)) {
		tty->canon_head = tty->read_head;
		wake_up_interruptible(&tty->read_wait);
	}
}
