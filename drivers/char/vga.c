/*
 * vga.c - the VGA text screen: 80x25 cells of (character, attribute) at
 * physical 0xB8000, seen through the kernel's direct map.
 */
#include <linux/console.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/page.h>

#define VGA_PHYS	0xB8000
#define COLS		80
#define ROWS		25
#define ATTR		0x0700	/* light grey on black */
#define CRTC_INDEX	0x3D4
#define CRTC_DATA	0x3D5
#define CRTC_CURSOR_HI	0x0E
#define CRTC_CURSOR_LO	0x0F
#define TAB_WIDTH	8

/*
 * Reached through a volatile pointer computed at run time: gcc 12's
 * -Warray-bounds objects to a constant pointer into low memory.
 */
static volatile unsigned short *screen;
static int row, col;

static void move_cursor(void)
{
	unsigned short pos = row * COLS + col;

	outb(CRTC_CURSOR_HI, CRTC_INDEX);
	outb(pos >> 8, CRTC_DATA);
	outb(CRTC_CURSOR_LO, CRTC_INDEX);
	outb(pos & 0xFF, CRTC_DATA);
}

static void scroll(void)
{
	int i;

	for (i = 0; i < (ROWS - 1) * COLS; i++)
		screen[i] = screen[i + COLS];
	for (; i < ROWS * COLS; i++)
		screen[i] = ATTR | ' ';
	row = ROWS - 1;
}

void vga_init(void)
{
	int i;

	screen = (volatile unsigned short *)__va(VGA_PHYS);
	for (i = 0; i < ROWS * COLS; i++)
		screen[i] = ATTR | ' ';
	row = col = 0;
	move_cursor();
}

static void vga_putc(char c)
{
	switch (c) {
	case '\n':
		col = 0;
		row++;
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col > 0)
			screen[row * COLS + --col] = ATTR | ' ';
		break;
	case '\t':
		col = (col + TAB_WIDTH) & ~(TAB_WIDTH - 1);
		break;
	default:
		screen[row * COLS + col++] = ATTR | (unsigned char)c;
		break;
	}
	if (col >= COLS) {
		col = 0;
		row++;
	}
	if (row >= ROWS)
		scroll();
}

void vga_write(const char *s, int n)
{
	if (!screen)
		return;
	while (n--)
		vga_putc(*s++);
	move_cursor();
}
