#ifndef _ASM_IO_H
#define _ASM_IO_H

/* Port I/O: the i386 has a separate 64 KiB I/O address space. */
static inline void outb(unsigned char value, unsigned short port)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outw(unsigned short value, unsigned short port)
{
	__asm__ volatile("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outl(unsigned int value, unsigned short port)
{
	__asm__ volatile("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline unsigned char inb(unsigned short port)
{
	unsigned char v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline unsigned short inw(unsigned short port)
{
	unsigned short v;

	__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/*
 * Move count 16-bit words between a port and memory (rep insw/outsw):
 * how a PIO disk's data register is read and written, a sector at a time.
 */
static inline void insw(unsigned short port, void *addr, unsigned long count)
{
	__asm__ volatile("cld; rep insw"
			 : "+D"(addr), "+c"(count) : "d"(port) : "memory");
}

static inline void outsw(unsigned short port, const void *addr,
			 unsigned long count)
{
	__asm__ volatile("cld; rep outsw"
			 : "+S"(addr), "+c"(count) : "d"(port) : "memory");
}

/* The same, 32 bits at a time: half the port accesses of insw/outsw. */
static inline void insl(unsigned short port, void *addr, unsigned long count)
{
	__asm__ volatile("cld; rep insl"
			 : "+D"(addr), "+c"(count) : "d"(port) : "memory");
}

static inline void outsl(unsigned short port, const void *addr,
			 unsigned long count)
{
	__asm__ volatile("cld; rep outsl"
			 : "+S"(addr), "+c"(count) : "d"(port) : "memory");
}

#endif
