/*
 * gdt.c - the global descriptor table and the TSS.
 *
 * Flat segments (base 0, limit 4 GiB) for kernel and user code and data,
 * at the selectors asm/segment.h names, one TSS, and three entries that
 * hold the running task's TLS segments (load_TLS).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/ldt.h>

#define GDT_ENTRIES	((TSS_SEL >> 3) + 1)

/* Access bytes: present, ring, code/data type. */
#define ACC_KERNEL_CODE	0x9A
#define ACC_KERNEL_DATA	0x92
#define ACC_USER_CODE	0xFA
#define ACC_USER_DATA	0xF2
#define ACC_TSS		0x89
#define GRAN_4K_32BIT	0xC	/* limit in pages, 32-bit operands */
#define GRAN_BYTE	0x0

struct desc {
	unsigned short limit_lo, base_lo;
	unsigned char base_mid, access, limit_hi_flags, base_hi;
} __attribute__((packed));

struct desc_ptr {
	unsigned short size;
	unsigned long addr;
} __attribute__((packed));

static struct desc gdt[GDT_ENTRIES] __sched_data;
struct tss_struct init_tss __sched_data;

/*
 * Fill GDT entry i: a segment at base, limit (in units that flags say:
 * bytes or 4 KiB pages), with the access byte given.
 */
static void set_desc(int i, unsigned long base, unsigned long limit,
		     unsigned char access, unsigned char flags)
{
	gdt[i].limit_lo = limit & 0xFFFF;
	gdt[i].base_lo = base & 0xFFFF;
	gdt[i].base_mid = (base >> 16) & 0xFF;
	gdt[i].access = access;
	gdt[i].limit_hi_flags = ((limit >> 16) & 0x0F) | (flags << 4);
	gdt[i].base_hi = base >> 24;
}

/*
 * load_TLS - make tls[] (a task's three TLS descriptors, thread_struct's
 * tls_array) the GDT's entries 6-8.
 *
 * schedule() calls it for the task about to run, set_thread_area for the
 * caller. A segment register keeps the descriptor it loaded: the new
 * entries take effect when the task's %fs/%gs are reloaded, which the
 * way back to user mode does (entry.asm pops them). Three assignments,
 * not memcpy: one call less, and one page less, on every switch.
 */
void __sched load_TLS(const struct desc_struct *tls)
{
	struct desc_struct *slot =
		(struct desc_struct *)&gdt[GDT_ENTRY_TLS_MIN];
	int i;

	for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		slot[i] = tls[i];
}

/*
 * Replace the boot GDT with the kernel's: flat 4 GiB code and data for
 * the kernel and for user mode, and the one TSS, whose only use is esp0
 * and ss0 (the kernel stack to enter on from user mode: schedule sets
 * esp0). Reloads every segment register and the task register. Called
 * once by start_kernel, before the IDT is set up.
 */
void gdt_init(void)
{
	struct desc_ptr p = { sizeof(gdt) - 1, (unsigned long)gdt };
	const unsigned long flat = 0xFFFFF;

	set_desc(KERNEL_CS >> 3, 0, flat, ACC_KERNEL_CODE, GRAN_4K_32BIT);
	set_desc(KERNEL_DS >> 3, 0, flat, ACC_KERNEL_DATA, GRAN_4K_32BIT);
	set_desc(USER_CS >> 3, 0, flat, ACC_USER_CODE, GRAN_4K_32BIT);
	set_desc(USER_DS >> 3, 0, flat, ACC_USER_DATA, GRAN_4K_32BIT);

	memset(&init_tss, 0, sizeof(init_tss));
	init_tss.ss0 = KERNEL_DS;
	init_tss.iomap_base = sizeof(init_tss);	/* no I/O bitmap: no port access */
	set_desc(TSS_SEL >> 3, (unsigned long)&init_tss, sizeof(init_tss) - 1,
		 ACC_TSS, GRAN_BYTE);

	__asm__ volatile("lgdt %0\n\t"
			 "ljmp %1, $1f\n"
			 "1:\tmovl %2, %%eax\n\t"
			 "movl %%eax, %%ds\n\t"
			 "movl %%eax, %%es\n\t"
			 "movl %%eax, %%ss\n\t"
			 "xorl %%eax, %%eax\n\t"
			 "movl %%eax, %%fs\n\t"
			 "movl %%eax, %%gs\n\t"
			 "ltr %w3"
			 : : "m"(p), "i"(KERNEL_CS), "i"(KERNEL_DS), "r"(TSS_SEL)
			 : "eax", "memory");
}
