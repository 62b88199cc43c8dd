/*
 * uaccess.c - copying between the kernel and user space.
 *
 * 1.2.13 checked every user pointer with verify_area first and then
 * copied through the %fs segment; a pointer it had not checked could
 * oops the kernel. Lintel copies straight away: the few instructions that
 * touch user memory are listed in the exception table (the __ex_table
 * section, searched by mm/extable.c), and when one of them faults on an
 * address no area allows, do_page_fault resumes at its fixup instead of
 * oopsing, and the copy reports how much it did not do. Faults inside
 * areas are handled as usual on the way: the copy may demand-zero a
 * page, copy one on write, or grow the stack.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <asm/page.h>
#include <asm/segment.h>

/* Is [addr, addr + n) inside user space (or is any address fine)? */
static int user_range(unsigned long addr, unsigned long n)
{
	if (current->kernel_ds)
		return 1;
	return addr < TASK_SIZE && n <= TASK_SIZE - addr;
}

/* Which "segment" the copies below reach: USER_DS or KERNEL_DS. */
unsigned long get_fs(void)
{
	return current->kernel_ds ? KERNEL_DS : USER_DS;
}

/*
 * set_fs(KERNEL_DS) lets the copies take kernel buffers until
 * set_fs(USER_DS); the caller must put back what get_fs said before
 * returning to user space.
 */
void set_fs(unsigned long seg)
{
	current->kernel_ds = seg == KERNEL_DS;
}

/*
 * Copy n bytes, four at a time and then one at a time. Either rep movs
 * may fault on a user address; the fixups leave the number of bytes not
 * copied in ecx (for the first, the longs still to go times four plus
 * the tail). Returns that number: 0 when all went well.
 */
static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	unsigned long edi, esi;

	__asm__ volatile(
		"1:	rep movsl\n"
		"	movl %3, %0\n"
		"2:	rep movsb\n"
		"3:\n"
		".section .text.fixup, \"ax\"\n"
		"4:	leal (%3, %0, 4), %0\n"
		"	jmp 3b\n"
		".previous\n"
		".section __ex_table, \"a\"\n"
		"	.align 4\n"
		"	.long 1b, 4b\n"
		"	.long 2b, 3b\n"
		".previous"
		: "=&c"(n), "=&D"(edi), "=&S"(esi)
		: "r"(n & 3), "0"(n / 4), "1"(to), "2"(from)
		: "memory");
	return n;
}

/* On a fault, the part of the kernel buffer not filled is zeroed. */
int memcpy_fromfs(void *to, const void *from, unsigned long n)
{
	unsigned long left;

	if (!user_range((unsigned long)from, n)) {
		memset(to, 0, n);
		return -EFAULT;
	}
	left = __copy_user(to, from, n);
	if (left) {
		memset((char *)to + n - left, 0, left);
		return -EFAULT;
	}
	return 0;
}

/*
 * Copy n bytes to user space at to: 0, or -EFAULT if any part of the
 * range is not user space or not writable (what was copied stays).
 */
int memcpy_tofs(void *to, const void *from, unsigned long n)
{
	if (!user_range((unsigned long)to, n) || __copy_user(to, from, n))
		return -EFAULT;
	return 0;
}

/* One long from user space: 0 or -EFAULT (*val is then 0). */
int get_fs_long(const void *addr, unsigned long *val)
{
	return memcpy_fromfs(val, addr, sizeof(*val));
}

/* One long to user space: 0 or -EFAULT. */
int put_fs_long(unsigned long val, void *addr)
{
	return memcpy_tofs(addr, &val, sizeof(val));
}

/* One byte from user space: 0 or -EFAULT (*val is then 0). */
int get_fs_byte(const void *addr, unsigned char *val)
{
	return memcpy_fromfs(val, addr, sizeof(*val));
}

/* One byte to user space: 0 or -EFAULT. */
int put_fs_byte(unsigned char val, void *addr)
{
	return memcpy_tofs(addr, &val, sizeof(val));
}

/*
 * Copy page by page: a piece that stays inside one page is either all
 * readable or not at all, so copying past the NUL never faults where the
 * string itself did not.
 */
long strncpy_fromfs(char *dst, const char *src, long max)
{
	unsigned long addr = (unsigned long)src;
	long copied = 0;

	while (copied < max) {
		unsigned long chunk = PAGE_SIZE - ((addr + copied) & ~PAGE_MASK);
		unsigned long len;

		if (chunk > (unsigned long)(max - copied))
			chunk = max - copied;
		if (!user_range(addr + copied, chunk) ||
		    __copy_user(dst + copied, src + copied, chunk))
			return -EFAULT;
		len = strnlen(dst + copied, chunk);
		if (len < chunk)
			return copied + len;
		copied += chunk;
	}
	return -ENAMETOOLONG;
}
