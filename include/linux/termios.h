#ifndef _LINUX_TERMIOS_H
#define _LINUX_TERMIOS_H

/*
 * The terminal's settings as the kernel keeps them and as TCGETS/TCSETS
 * copy them (Linux i386's struct termios, 36 bytes, not the C library's
 * longer one), and the ioctl numbers a terminal answers.
 */
#define NCCS	19

struct termios {
	unsigned int c_iflag;	/* input: CR/NL mapping */
	unsigned int c_oflag;	/* output post-processing */
	unsigned int c_cflag;	/* line speed and framing (kept, unused) */
	unsigned int c_lflag;	/* the line discipline: ICANON, ECHO, ISIG */
	unsigned char c_line;
	unsigned char c_cc[NCCS];	/* the special characters */
};

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

/* c_cc indices */
#define VINTR		0
#define VQUIT		1
#define VERASE		2
#define VKILL		3
#define VEOF		4
#define VTIME		5
#define VMIN		6
#define VSWTC		7
#define VSTART		8
#define VSTOP		9
#define VSUSP		10
#define VEOL		11
#define VREPRINT	12
#define VDISCARD	13
#define VWERASE		14
#define VLNEXT		15
#define VEOL2		16

/* c_iflag */
#define ISTRIP		0000040
#define INLCR		0000100
#define IGNCR		0000200
#define ICRNL		0000400
#define IXON		0002000

/* c_oflag */
#define OPOST		0000001
#define ONLCR		0000004

/* c_cflag */
#define B38400		0000017
#define CS8		0000060
#define CREAD		0000200
#define HUPCL		0002000

/* c_lflag */
#define ISIG		0000001
#define ICANON		0000002
#define ECHO		0000010
#define ECHOE		0000020
#define ECHOK		0000040
#define ECHONL		0000100
#define NOFLSH		0000200
#define TOSTOP		0000400
#define ECHOCTL		0001000
#define ECHOKE		0004000
#define IEXTEN		0100000

/* ioctl requests */
#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403	/* after output drains: ours never waits */
#define TCSETSF		0x5404	/* ... and throw away pending input */
#define TCFLSH		0x540B
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCOUTQ	0x5411
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define FIONBIO		0x5421
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451

/* TCFLSH's argument */
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2

#endif
