#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

/*
 * GDT selectors, with 1.2.13's values. Segments are flat (base 0, limit
 * 4 GiB); protection comes from paging alone.
 *
 *   index 2: kernel code  0x10      index 4: user code  0x23 (RPL 3)
 *   index 3: kernel data  0x18      index 5: user data  0x2B (RPL 3)
 *   index 6: the TSS      0x30
 */
#define KERNEL_CS	0x10
#define KERNEL_DS	0x18
#define USER_CS		0x23
#define USER_DS		0x2B
#define TSS_SEL		0x30

#endif
