#ifndef _LINUX_MULTIBOOT_H
#define _LINUX_MULTIBOOT_H

/*
 * What the boot loader told us (Multiboot specification, version 1),
 * boiled down by kernel/multiboot.c into plain arrays.
 */
#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002

#define MB_INFO_MEMORY		0x001	/* mem_lower/mem_upper valid */
#define MB_INFO_CMDLINE		0x004
#define MB_INFO_MODS		0x008
#define MB_INFO_MEM_MAP		0x040

struct multiboot_info {
	unsigned int flags;
	unsigned int mem_lower, mem_upper;	/* KiB below 1 MiB / above */
	unsigned int boot_device;
	unsigned int cmdline;			/* physical address */
	unsigned int mods_count, mods_addr;
	unsigned int syms[4];
	unsigned int mmap_length, mmap_addr;
} __attribute__((packed));

struct multiboot_mod {
	unsigned int mod_start, mod_end;	/* physical */
	unsigned int string, reserved;
} __attribute__((packed));

/* One memory-map entry; "size" counts the bytes after itself. */
struct multiboot_mmap_entry {
	unsigned int size;
	unsigned long long addr, len;
	unsigned int type;
} __attribute__((packed));

#define BOOT_MEM_RAM		1
#define MAX_BOOT_MEM_REGIONS	32
#define COMMAND_LINE_SIZE	256

struct boot_mem_region {
	unsigned long long addr, len;
	unsigned int type;		/* 1: usable RAM; anything else: not */
};

extern struct boot_mem_region boot_mem_map[MAX_BOOT_MEM_REGIONS];
extern int boot_mem_map_nr;
extern unsigned long initrd_start, initrd_end;	/* physical; 0 if none */

void multiboot_parse(unsigned long magic, unsigned long mbi_phys);

#endif
