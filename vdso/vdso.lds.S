/*
 * vdso.lds.S - lays out the vDSO: a shared object of one page, linked at
 * VDSO_BASE, as Linux's vdso-layout.lds.S and vdso32.lds.S do it. Run
 * through the C preprocessor for VDSO_BASE. The dynamic symbol table
 * carries Linux i386's names and versions, which glibc and musl look up
 * (__vdso_clock_gettime in LINUX_2.6, ...); __kernel_vsyscall is also the
 * entry point, so that the kernel finds it for AT_SYSINFO.
 */
#include <asm/vdso.h>

ENTRY(__kernel_vsyscall)

SECTIONS
{
	. = VDSO_BASE + SIZEOF_HEADERS;

	.hash		: { *(.hash) }			:text
	.gnu.hash	: { *(.gnu.hash) }
	.dynsym		: { *(.dynsym) }
	.dynstr		: { *(.dynstr) }
	.gnu.version	: { *(.gnu.version) }
	.gnu.version_d	: { *(.gnu.version_d) }
	.gnu.version_r	: { *(.gnu.version_r) }

	.dynamic	: { *(.dynamic) }		:text	:dynamic

	.rodata		: { *(.rodata*) }		:text
	.data		: { *(.data*) *(.sdata*) *(.bss*) *(.dynbss*) }

	. = ALIGN(16);
	.text		: { *(.text*) }			:text

	/DISCARD/	: { *(.note.gnu.property) *(.comment) *(.eh_frame*) *(.got*) *(.plt*) *(.rel*) }
}

PHDRS
{
	text		PT_LOAD		FLAGS(5) FILEHDR PHDRS;	/* r-x */
	dynamic		PT_DYNAMIC	FLAGS(4);		/* r-- */
}

VERSION
{
	LINUX_2.6 {
	global:
		__vdso_clock_gettime;
		__vdso_clock_gettime64;
		__vdso_gettimeofday;
		__vdso_time;
	local: *;
	};

	LINUX_2.5 {
	global:
		__kernel_vsyscall;
	local: *;
	};
}
