/* sys/ioctl.h - ioctl() and the terminal requests programs use. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <termios.h>

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCSCTTY	0x540E
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define TIOCGWINSZ	0x5413

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

int ioctl(int fd, unsigned long request, ...);

#endif
