/*
 * main.c - start_kernel(): bring the machine up, in order, then become
 * the idle task.
 *
 * Called from boot/head.asm with paging on, running at PAGE_OFFSET, on
 * the boot stack, interrupts off.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <linux/multiboot.h>
#include <linux/initramfs.h>
#include <linux/selftest.h>
#include <linux/blkdev.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/tty.h>
#include <linux/trace.h>
#include <linux/shm.h>
#include <linux/sem.h>
#include <linux/msg.h>
#include <asm/desc.h>
#include <asm/system.h>
#include <asm/vsyscall.h>

#define LINTEL_VERSION	"0.1"
#define INIT_ARGS_MARK	"--"	/* the words after it are init's */
#define MAX_INIT_ARGS	8

/*
 * Find "name=value" on the command line; returns the value (up to the
 * next space, copied into a small static buffer per call site's use) or,
 * for a bare "name", an empty string; NULL when absent. Options end at a
 * word "--": what follows is init's (set_init_args).
 */
const char *get_option(const char *name)
{
	static char value[COMMAND_LINE_SIZE];
	const char *p = saved_command_line;
	size_t n = strlen(name);

	while (*p) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, INIT_ARGS_MARK, 2) && (p[2] == ' ' || !p[2]))
			break;
		if (!strncmp(p, name, n) && (p[n] == '=' || p[n] == ' ' ||
					      !p[n])) {
			const char *v = p[n] == '=' ? p + n + 1 : p + n;
			size_t len = strchr(v, ' ') ? (size_t)(strchr(v, ' ') - v)
						    : strlen(v);

			memcpy(value, v, len);
			value[len] = '\0';
			return value;
		}
		while (*p && *p != ' ')
			p++;
	}
	return NULL;
}

static char init_prog[COMMAND_LINE_SIZE];
static char init_args[COMMAND_LINE_SIZE];
static char *argv_init[MAX_INIT_ARGS + 3] = { "/sbin/init", NULL, };

/*
 * The words after "--" on the command line become the init= program's
 * arguments, after its name in argv_init; at most MAX_INIT_ARGS. Linux
 * hands them to init the same way ("init=/bin/prog -- a b").
 */
static void set_init_args(void)
{
	const char *mark = strstr(saved_command_line, " " INIT_ARGS_MARK " ");
	char *p = init_args;
	int argc = 2;

	if (!init_prog[0] || !mark)
		return;
	strcpy(init_args, mark + strlen(INIT_ARGS_MARK) + 2);
	while (*p && argc < MAX_INIT_ARGS + 2) {
		while (*p == ' ')
			*p++ = '\0';
		if (!*p)
			break;
		argv_init[argc++] = p;
		while (*p && *p != ' ')
			p++;
	}
}
static char *envp_init[] = { "HOME=/", "PATH=/bin:/sbin", "TERM=linux", NULL };

/*
 * Process 1 starts here, in the kernel: it opens the console as fds 0-2
 * and execs /sbin/init, passing on the program named by init= (if any),
 * then leaves for user mode through the frame at the top of its stack.
 */
static void init(void)
{
	struct pt_regs *regs = (struct pt_regs *)current->tss.esp0 - 1;
	int err;

	current->session = current->pgrp = current->pid;
	err = open_console();
	if (err)
		printk("init: cannot open /dev/console (error %d)\n", err);
	if (init_prog[0]) {
		argv_init[1] = init_prog;
		set_init_args();
	}
	err = do_execve("/sbin/init", argv_init, envp_init, regs);
	if (err)
		panic("cannot run /sbin/init (error %d)", err);
	start_user(regs);
}

/* The first lines on the console: what this is, and how it was started. */
static void print_banner(void)
{
	printk("Lintel version %s (i386), a teaching kernel in the style of "
	       "Linux 1.2.13\n", LINTEL_VERSION);
	printk("Command line: %s\n", saved_command_line);
}

/*
 * start_kernel - bring the machine up, in order, then become the idle
 * task.
 *
 * Entered once from boot/high.asm with paging on, interrupts off and the
 * boot stack, which becomes the idle task's (init_task). Each step needs
 * the ones before it: the command line (multiboot_parse) before anything
 * that reads an option, the consoles before the first printk worth
 * seeing, the GDT and IDT before interrupts, mem_init before any
 * allocation. Self-tests (test=) run here and end QEMU themselves.
 * Process 1 is a kernel thread that execs /sbin/init (or init=).
 */
void start_kernel(unsigned long magic, unsigned long mbi_phys)
{
	const char *tests;

	serial_init();
	multiboot_parse(magic, mbi_phys);
	console_quiet = get_option("quiet") != NULL;
	if (get_option("printk.time") && !strcmp(get_option("printk.time"), "0"))
		printk_time = 0;
	if (get_option("trace"))
		trace_mask = trace_parse(get_option("trace"));
	vga_init();
	print_banner();
	gdt_init();
	trap_init();
	sysenter_setup();
	floors_init();
	fpu_init();
	irq_init();
	mem_init();
	time_init();
	initramfs_init();
	shm_init();
	sem_init();
	msg_init();
	blk_dev_init();
	sti();

	tty_init();

	tests = get_option("test");
	if (tests)
		run_selftests(tests);
	if (get_option("init"))
		strncpy(init_prog, get_option("init"), sizeof(init_prog));
	if (kernel_thread(init, "init") != 1)
		panic("cannot create process 1");
	cpu_idle();
}
