#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define ALIGN(x, a)	(((x) + (a) - 1) & ~((a) - 1))
#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))
/* The structure of type whose member ptr points at (Linux 2.1's). */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define __noreturn	__attribute__((noreturn))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define noinline	__attribute__((noinline))

/*
 * The task switch's path (sched_yield, schedule and what it calls) and
 * the entry code share a page or two (boot/lintel.ld puts .sched.text
 * right after entry.asm): after a cr3 load QEMU walks the page tables
 * again for every page touched. Linux's section; 1.2.13 had none.
 */
#define __sched		__attribute__((__section__(".sched.text")))

/*
 * The loops that fork, exit and munmap run once per pte or per page
 * (copy_page_tables, unmap_page_range, free_pages) in a page of their
 * own, .text.hot (boot/lintel.ld starts it on a page boundary). QEMU
 * never chains a jump from one page of code to another: a loop that
 * straddles a boundary pays a look-up of its next block on every turn
 * (fork_16m, 4096 ptes, was 20% slower for it), and where a function
 * falls moves with every change before it. Linux's __hot asks the
 * compiler for the same section.
 */
#define __hot		__attribute__((__section__(".text.hot")))

/*
 * The same for data: what every switch and system call reads or writes
 * (current, need_resched, the GDT and TSS, the clock's last reading...)
 * in one page, .data.sched, where Linux keeps most of them per CPU.
 */
#define __sched_data	__attribute__((__section__(".data.sched")))

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);
void panic(const char *fmt, ...) __printf(1, 2) __noreturn;

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);

/* The kernel log ring, read by dmesg and by GDB's lx-dmesg. */
#define LOG_BUF_LEN	16384
extern char log_buf[LOG_BUF_LEN];
extern unsigned long log_start, log_end;

/* kernel/main.c: the command line and the switches parsed from it. */
extern char saved_command_line[];
extern int console_quiet;
extern int printk_time;
const char *get_option(const char *name);

/* kernel/main.c: called once, by boot/high.asm, with paging on. */
void start_kernel(unsigned long magic, unsigned long mbi_phys);

#endif
