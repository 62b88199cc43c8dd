#ifndef _ASM_LDT_H
#define _ASM_LDT_H

/*
 * Thread-local storage segments: what set_thread_area (243) and
 * get_thread_area (244) exchange with user space, with Linux i386's
 * layout. 1.2.13 had neither call (threads came with 2.6); Lintel has
 * them because glibc and busybox set up %gs before main.
 *
 * Every task owns three descriptors, copied into GDT entries 6, 7 and 8
 * (selectors 0x33, 0x3b, 0x43 with RPL 3) whenever it runs.
 */
#define GDT_ENTRY_TLS_MIN	6
#define GDT_ENTRY_TLS_ENTRIES	3
#define GDT_ENTRY_TLS_MAX	(GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)

/* struct user_desc's flags word, bit by bit (C bit-fields in Linux). */
#define UD_SEG_32BIT		0x01
#define UD_CONTENTS_SHIFT	1	/* two bits: 0 data, 1 stack, 2 code */
#define UD_CONTENTS_MASK	0x06
#define UD_READ_EXEC_ONLY	0x08
#define UD_LIMIT_IN_PAGES	0x10
#define UD_SEG_NOT_PRESENT	0x20
#define UD_USEABLE		0x40
#define UD_ALL			0x7F	/* higher bits are ignored */

struct user_desc {
	unsigned int entry_number;	/* 6..8, or -1: "pick a free one" */
	unsigned int base_addr;
	unsigned int limit;		/* 20 bits */
	unsigned int flags;		/* UD_* */
};

/* One GDT descriptor as the CPU reads it: two 32-bit words. */
struct desc_struct {
	unsigned long a, b;
};

#endif
