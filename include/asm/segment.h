#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

/*
 * GDT selectors, with 1.2.13's values. Segments are flat (base 0, limit
 * 4 GiB); protection comes from paging alone.
 *
 *   index 2: kernel code  0x10      index 4: user code  0x23 (RPL 3)
 *   index 3: kernel data  0x18      index 5: user data  0x2B (RPL 3)
 *   index 6-8: the running task's TLS segments 0x33, 0x3B, 0x43 (asm/ldt.h)
 *   index 9: the TSS      0x48
 *
 * 1.2.13 kept the TSS at index 6; Lintel moves it to 9 because Linux's
 * user ABI puts the TLS entries at 6-8 and glibc relies on it.
 */
#define KERNEL_CS	0x10
#define KERNEL_DS	0x18
#define USER_CS		0x23
#define USER_DS		0x2B
#define TSS_SEL		0x48

/*
 * Copying between the kernel and user space (mm/uaccess.c). The names are
 * 1.2.13's, from when user memory was reached through the %fs segment;
 * Lintel's segments are flat and a user pointer is an address below
 * TASK_SIZE. Each call refuses addresses at or above TASK_SIZE and
 * survives a pointer to nothing: it returns -EFAULT (never oopses).
 * 0 means every byte was copied.
 */
int memcpy_fromfs(void *to, const void *from, unsigned long n);
int memcpy_tofs(void *to, const void *from, unsigned long n);
int get_fs_long(const void *addr, unsigned long *val);
int put_fs_long(unsigned long val, void *addr);
int get_fs_byte(const void *addr, unsigned char *val);
int put_fs_byte(unsigned char val, void *addr);

/*
 * 1.2.13's set_fs(KERNEL_DS) pointed %fs at the kernel's data, so that a
 * file's read could fill a kernel buffer (read_exec); set_fs(USER_DS)
 * put it back. Here it is a flag of the task that lets the calls above
 * take kernel addresses too. get_fs says which is in force.
 */
unsigned long get_fs(void);
void set_fs(unsigned long seg);

/*
 * Copy a NUL-terminated string of at most max bytes (the NUL included)
 * from user space; returns its length, -EFAULT, or -ENAMETOOLONG when
 * there is no NUL in the first max bytes.
 */
long strncpy_fromfs(char *dst, const char *src, long max);

/*
 * mm/extable.c: the fixup address for a faulting user-access instruction
 * at eip, or 0 if eip is not one of them.
 */
unsigned long search_exception_table(unsigned long eip);

#endif
