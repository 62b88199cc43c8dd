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
#include <linux/sched.h>
#include <linux/mm.h>
#include <asm/desc.h>
#include <asm/system.h>

#define LINTEL_VERSION	"0.1"

/*
 * Find "name=value" on the command line; returns the value (up to the
 * next space, copied into a small static buffer per call site's use) or,
 * for a bare "name", an empty string; NULL when absent.
 */
const char *get_option(const char *name)
{
	static char value[COMMAND_LINE_SIZE];
	const char *p = saved_command_line;
	size_t n = strlen(name);

	while (*p) {
		while (*p == ' ')
			p++;
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

static void print_banner(void)
{
	printk("Lintel version %s (i386), a teaching kernel in the style of "
	       "Linux 1.2.13\n", LINTEL_VERSION);
	printk("Command line: %s\n", saved_command_line);
}

void start_kernel(unsigned long magic, unsigned long mbi_phys)
{
	const char *tests;

	serial_init();
	multiboot_parse(magic, mbi_phys);
	console_quiet = get_option("quiet") != NULL;
	vga_init();
	print_banner();
	gdt_init();
	trap_init();
	irq_init();
	mem_init();
	time_init();
	initramfs_init();
	sti();

	tests = get_option("test");
	if (tests)
		run_selftests(tests);
	for (;;)
		hlt();
}
