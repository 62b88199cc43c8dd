/*
 * keyboard.c - the PS/2 keyboard, for when QEMU shows a window.
 *
 * The controller hands us one byte per key press and per release, in
 * scancode set 1 (the BIOS leaves translation on): a key's make code,
 * or its make code | 0x80 when it is let go. We follow Shift, Ctrl and
 * Caps Lock and give the line discipline ASCII, as a terminal would:
 * Enter is '\r', Backspace is DEL. Keys with an 0xE0 prefix (arrows,
 * the right-hand Ctrl's twin) are skipped, except right Ctrl.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/tty.h>
#include <asm/io.h>

#define KBD_DATA	0x60
#define KBD_STATUS	0x64
#define KBD_OBF		0x01	/* status: a byte is waiting */
#define KBD_AUX		0x20	/* status: ... and it is the mouse's */

#define SC_RELEASE	0x80
#define SC_EXTENDED	0xE0
#define SC_LCTRL	0x1D	/* right Ctrl: 0xE0 0x1D */
#define SC_LSHIFT	0x2A
#define SC_RSHIFT	0x36
#define SC_CAPSLOCK	0x3A

/* ASCII of each make code below SC_CAPSLOCK; 0 for none. */
static const char plain_map[] =
	"\0\033" "1234567890-=" "\177\t" "qwertyuiop[]" "\r\0"
	"asdfghjkl;'`" "\0\\" "zxcvbnm,./" "\0*\0 ";
static const char shift_map[] =
	"\0\033" "!@#$%^&*()_+" "\177\t" "QWERTYUIOP{}" "\r\0"
	"ASDFGHJKL:\"~" "\0|" "ZXCVBNM<>?" "\0*\0 ";
_Static_assert(sizeof(plain_map) == SC_CAPSLOCK + 1 &&
	       sizeof(shift_map) == SC_CAPSLOCK + 1, "one entry per key");

static int shift, ctrl, capslock, extended;

static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* One scancode: update the modifiers, or the character it types (-1). */
static int translate(unsigned char sc)
{
	int release = sc & SC_RELEASE, was_extended = extended;
	unsigned char key = sc & ~SC_RELEASE;
	char c;

	extended = sc == SC_EXTENDED;
	if (extended)
		return -1;
	if (key == SC_LCTRL) {
		ctrl = !release;
		return -1;
	}
	if (was_extended)
		return -1;
	if (key == SC_LSHIFT || key == SC_RSHIFT) {
		shift = !release;
		return -1;
	}
	if (release || key > SC_CAPSLOCK)
		return -1;
	if (key == SC_CAPSLOCK) {
		capslock = !capslock;
		return -1;
	}
	c = (shift ^ (capslock && is_letter(plain_map[key]))) ?
	    shift_map[key] : plain_map[key];
	if (!c)
		return -1;
	if (ctrl && c >= '@' && c <= '~')
		c &= 037;		/* ^A .. ^Z, ^[, ^\, ^], ^^, ^_ */
	return (unsigned char)c;
}

/* IRQ 1: every waiting byte that is the keyboard's, not the mouse's. */
static void keyboard_interrupt(int irq, struct pt_regs *regs)
{
	unsigned char status;
	int c;

	while ((status = inb(KBD_STATUS)) & KBD_OBF) {
		unsigned char sc = inb(KBD_DATA);

		if (status & KBD_AUX)
			continue;
		c = translate(sc);
		if (c >= 0)
			n_tty_receive_char(&console_tty, c);
	}
}

void keyboard_init(void)
{
	while (inb(KBD_STATUS) & KBD_OBF)
		inb(KBD_DATA);
	if (request_irq(KEYBOARD_IRQ, keyboard_interrupt, "keyboard"))
		printk("keyboard: IRQ %d busy, no keyboard input\n",
		       KEYBOARD_IRQ);
}
