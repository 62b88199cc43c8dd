/*
 * termios.h - the terminal's settings. Lintel's libc has no tcgetattr()
 * yet: programs use ioctl(TCGETS) and ioctl(TCSETS) from <sys/ioctl.h>.
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

/*
 * The kernel's struct termios (what TCGETS fills). glibc's is longer
 * (c_cc[32] and two speeds after it), so a program that uses TCGETS
 * directly works with either.
 */
#define NCCS		19

struct termios {
	unsigned int c_iflag;
	unsigned int c_oflag;
	unsigned int c_cflag;
	unsigned int c_lflag;
	unsigned char c_line;
	unsigned char c_cc[NCCS];
};

#endif
