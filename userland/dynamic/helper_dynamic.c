/*
 * helper_dynamic.c - a program built the way a student builds one, with
 * plain i686-linux-gnu-gcc: position-independent (ET_DYN), linked
 * against libc.so.6, loaded by /lib/ld-linux.so.2 (its PT_INTERP).
 * test_dynamic runs it. It prints one line and checks that the aux
 * vector describes it: AT_ENTRY is its _start (after its load bias),
 * AT_PHDR its program headers as ld.so found them, AT_BASE ld.so's own
 * load address (not 0, and not inside the program).
 *
 * Its own directory (userland/dynamic) keeps it out of the static
 * builds that every program in userland/tests gets.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdio.h>
#include <sys/auxv.h>

extern char _start[];

/* dl_iterate_phdr's first object is the program itself. */
static int first_phdr(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	*(const void **)data = info->dlpi_phdr;
	return 1;
}

int main(int argc, char **argv)
{
	const void *phdr = NULL;
	unsigned long base = getauxval(AT_BASE);

	dl_iterate_phdr(first_phdr, &phdr);
	if (getauxval(AT_ENTRY) != (unsigned long)_start) {
		printf("AT_ENTRY %#lx, _start at %p\n", getauxval(AT_ENTRY),
		       (void *)_start);
		return 1;
	}
	if (getauxval(AT_PHDR) != (unsigned long)phdr) {
		printf("AT_PHDR %#lx, program headers at %p\n",
		       getauxval(AT_PHDR), phdr);
		return 2;
	}
	if (!base || base == ((unsigned long)main & ~0xfffUL)) {
		printf("AT_BASE %#lx\n", base);
		return 3;
	}
	printf("hello from a dynamic program: %s\n", argc > 1 ? argv[1] : "");
	return 0;
}
