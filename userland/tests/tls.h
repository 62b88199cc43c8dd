/*
 * tls.h - set_thread_area/get_thread_area for the TLS tests, without
 * relying on any libc's headers (ours has none, glibc's need asm/ldt.h).
 *
 * The tests use %fs, which neither our libc nor i386 glibc uses (glibc's
 * TLS is in %gs): they can load and clear it freely.
 */
#ifndef _TLS_H
#define _TLS_H

#include <unistd.h>
#include <sys/syscall.h>

#define NR_set_thread_area	243
#define NR_get_thread_area	244
#define TLS_I386_FIRST		6	/* i386 kernels: GDT entries 6-8 */
#define TLS_X86_64_FIRST	12	/* x86_64 kernels: 12-14 */
#define TLS_ENTRIES		3
#define TLS_FLAG_32BIT		0x01
#define TLS_FLAG_CODE		0x04	/* contents = 2 */
#define TLS_FLAG_RO		0x08	/* read_exec_only */
#define TLS_FLAG_PAGES		0x10	/* limit_in_pages */
#define TLS_FLAG_ABSENT		0x20	/* seg_not_present */
#define TLS_FLAG_USEABLE	0x40
#define TLS_EMPTY_FLAGS		(TLS_FLAG_RO | TLS_FLAG_ABSENT)
#define TLS_DATA_FLAGS		(TLS_FLAG_32BIT | TLS_FLAG_PAGES | \
				 TLS_FLAG_USEABLE)
#define TLS_FLAT_LIMIT		0xFFFFF

struct tls_desc {		/* Linux's struct user_desc */
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int flags;
};

static inline long set_tls(struct tls_desc *d)
{
	return syscall(NR_set_thread_area, d);
}

static inline long get_tls(struct tls_desc *d)
{
	return syscall(NR_get_thread_area, d);
}

/*
 * The first TLS entry of the kernel we run on: Lintel and i386 Linux use
 * 6-8, an x86_64 Linux running an i386 program 12-14 (only the range
 * differs; the calls behave the same).
 */
static inline unsigned int tls_first(void)
{
	struct tls_desc d = { TLS_I386_FIRST, 0, 0, 0 };

	return get_tls(&d) == 0 ? TLS_I386_FIRST : TLS_X86_64_FIRST;
}

/* The user selector (RPL 3) of GDT entry n. */
static inline unsigned short tls_selector(unsigned int n)
{
	return (unsigned short)(n << 3 | 3);
}

static inline unsigned short get_fs(void)
{
	unsigned short sel;

	__asm__ volatile("movw %%fs, %0" : "=r"(sel));
	return sel;
}

static inline void set_fs(unsigned short sel)
{
	__asm__ volatile("movw %0, %%fs" : : "r"(sel) : "memory");
}

/* The 32-bit word at %fs:0. */
static inline unsigned int read_fs0(void)
{
	unsigned int v;

	__asm__ volatile("movl %%fs:0, %0" : "=r"(v));
	return v;
}

#endif
