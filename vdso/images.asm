; images.asm - the two vDSO images in the kernel, each at the start of a
; page of its own (kernel/vsyscall.c maps the one the CPU can use).
; The Makefile builds them from vdso/ into build/vdso/ before this file.

section .rodata progbits alloc noexec nowrite align=4096

global vdso_int80_image
global vdso_int80_end
global vdso_sysenter_image
global vdso_sysenter_end

align 4096
vdso_int80_image:
	incbin "vdso-int80.so"
vdso_int80_end:

align 4096
vdso_sysenter_image:
	incbin "vdso-sysenter.so"
vdso_sysenter_end:

align 4096
