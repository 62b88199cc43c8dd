/*
 * vdso.h - find a symbol (__vdso_clock_gettime) in the vDSO the kernel
 * maps into every process (AT_SYSINFO_EHDR), as glibc does, on Linux
 * and on Lintel alike. On a loaded Linux host a 32-bit system call can
 * take microseconds, so a test of the clock's resolution reads it the
 * way a program on that kernel would. A bare lookup, without symbol
 * versions: test_vdso.c checks the vDSO itself, versions and all.
 */
#ifndef _VDSO_H
#define _VDSO_H

#include <string.h>
#include <time.h>
#include "auxv.h"

#define AT_SYSINFO_EHDR	33
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define DT_NULL		0
#define DT_HASH		4
#define DT_STRTAB	5
#define DT_SYMTAB	6

struct vdso_ehdr {
	unsigned char e_ident[16];
	unsigned short e_type, e_machine;
	unsigned int e_version, e_entry, e_phoff, e_shoff, e_flags;
	unsigned short e_ehsize, e_phentsize, e_phnum, e_shentsize,
		       e_shnum, e_shstrndx;
};

struct vdso_phdr {
	unsigned int p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz,
		     p_flags, p_align;
};

struct vdso_sym {
	unsigned int st_name, st_value, st_size;
	unsigned char st_info, st_other;
	unsigned short st_shndx;
};

typedef int (*vdso_clock_gettime_t)(clockid_t, struct timespec *);

/* The vDSO's symbol called name, or NULL: a walk of its DT_HASH table's
 * nchain symbols. */
static inline void *vdso_sym(char **envp, const char *name)
{
	int found;
	unsigned long base = aux_get(find_auxv(envp), AT_SYSINFO_EHDR, &found);
	const struct vdso_ehdr *eh = (const void *)base;
	const struct vdso_phdr *ph;
	const unsigned int *dyn = NULL, *hash = NULL;
	const struct vdso_sym *sym = NULL;
	const char *str = NULL;
	unsigned long load = 0;
	unsigned int i;

	if (!found || !base)
		return NULL;
	ph = (const void *)(base + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD)
			load = base + ph[i].p_offset - ph[i].p_vaddr;
		else if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const void *)(base + ph[i].p_offset);
	}
	for (; dyn && dyn[0] != DT_NULL; dyn += 2) {
		if (dyn[0] == DT_HASH)
			hash = (const void *)(load + dyn[1]);
		else if (dyn[0] == DT_STRTAB)
			str = (const void *)(load + dyn[1]);
		else if (dyn[0] == DT_SYMTAB)
			sym = (const void *)(load + dyn[1]);
	}
	if (!hash || !str || !sym)
		return NULL;
	for (i = 0; i < hash[1]; i++)
		if (sym[i].st_value && !strcmp(str + sym[i].st_name, name))
			return (void *)(load + sym[i].st_value);
	return NULL;
}

#endif
