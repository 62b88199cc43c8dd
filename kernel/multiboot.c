/*
 * multiboot.c - read what GRUB or QEMU handed us: the memory map, the
 * command line and the first module (the initramfs).
 *
 * Everything the loader gives is a physical address below the 128 MiB that
 * boot/head.asm mapped, so __va() reaches it. Nothing here allocates:
 * memory management is not up yet.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/multiboot.h>
#include <asm/page.h>

struct boot_mem_region boot_mem_map[MAX_BOOT_MEM_REGIONS];
int boot_mem_map_nr;
unsigned long initrd_start, initrd_end;
char saved_command_line[COMMAND_LINE_SIZE];

/* Append one region to boot_mem_map[], or say it did not fit. */
static void add_region(unsigned long long addr, unsigned long long len,
		       unsigned int type)
{
	if (boot_mem_map_nr == MAX_BOOT_MEM_REGIONS) {
		printk("multiboot: memory map too long, region %llx ignored\n",
		       addr);
		return;
	}
	boot_mem_map[boot_mem_map_nr].addr = addr;
	boot_mem_map[boot_mem_map_nr].len = len;
	boot_mem_map[boot_mem_map_nr].type = type;
	boot_mem_map_nr++;
}

/*
 * The loader's memory map, entry by entry. Each entry's size field does
 * not count itself, hence the step of size + 4.
 */
static void parse_mem_map(struct multiboot_info *mbi)
{
	unsigned long p = mbi->mmap_addr, end = p + mbi->mmap_length;

	while (p + sizeof(struct multiboot_mmap_entry) <= end) {
		struct multiboot_mmap_entry *e = __va(p);

		add_region(e->addr, e->len, e->type);
		p += e->size + sizeof(e->size);
	}
}

/* Without a map, the two sizes from the BIOS are all there is. */
static void parse_mem_sizes(struct multiboot_info *mbi)
{
	add_region(0, (unsigned long long)mbi->mem_lower << 10, BOOT_MEM_RAM);
	add_region(1 << 20, (unsigned long long)mbi->mem_upper << 10,
		   BOOT_MEM_RAM);
}

/* The map as Linux prints it at boot, for the reader of the log. */
static void print_mem_map(void)
{
	int i;

	printk("BIOS-provided physical RAM map:\n");
	for (i = 0; i < boot_mem_map_nr; i++) {
		struct boot_mem_region *r = &boot_mem_map[i];

		printk(" multiboot: %016llx - %016llx (%s)\n", r->addr,
		       r->addr + r->len,
		       r->type == BOOT_MEM_RAM ? "usable" : "reserved");
	}
}

/*
 * Take what the loader handed over: the command line, the memory map
 * (or the BIOS's two sizes) and the initramfs module. Called first thing
 * by start_kernel: mbi_phys must still be mapped (the direct map covers
 * low memory) and nothing may have been allocated over it. Panics when
 * the loader was not multiboot: there would be no map to trust.
 */
void multiboot_parse(unsigned long magic, unsigned long mbi_phys)
{
	struct multiboot_info *mbi = __va(mbi_phys);

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a multiboot loader (magic %08lx)", magic);
	if (mbi->flags & MB_INFO_CMDLINE)
		strncpy(saved_command_line, __va(mbi->cmdline),
			sizeof(saved_command_line));
	if (mbi->flags & MB_INFO_MEM_MAP)
		parse_mem_map(mbi);
	else if (mbi->flags & MB_INFO_MEMORY)
		parse_mem_sizes(mbi);
	if ((mbi->flags & MB_INFO_MODS) && mbi->mods_count) {
		struct multiboot_mod *mod = __va(mbi->mods_addr);

		initrd_start = mod->mod_start;
		initrd_end = mod->mod_end;
	}
	print_mem_map();
}
